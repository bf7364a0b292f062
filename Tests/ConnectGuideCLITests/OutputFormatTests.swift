import Foundation
import Testing

/// Without --format, a command writes what its --output file's extension names.
@Suite("--output: the format follows the extension")
struct OutputFormatTests {
    @Test("plan --output x.json writes JSON, x.md Markdown, x.txt text")
    func plan() throws {
        let directory = try temporaryDirectory()
        for name in ["x.json", "x.md", "x.txt", "x.JSON"] {
            let path = directory.appendingPathComponent(name).path
            let result = try run(["plan", "--output", path, "--force"])
            #expect(result.status == 0, "\(result.stderr)")
            let written = try String(contentsOfFile: path, encoding: .utf8)
            switch name.lowercased() {
            case "x.json": #expect(try parseJSON(written)["schema"] as? String == "connect-guide/plan/v1")
            case "x.md": #expect(written.hasPrefix("# "))
            default: #expect(!written.hasPrefix("{") && !written.hasPrefix("# "))
            }
        }
        // --format still wins over the name.
        let path = directory.appendingPathComponent("forced.json").path
        #expect(try run(["plan", "--format", "markdown", "-o", path]).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# "))
    }

    @Test("config -o x.sh writes the curl request, options and diff -o x.json write JSON")
    func otherCommands() throws {
        let directory = try temporaryDirectory()
        let curl = directory.appendingPathComponent("x.sh").path
        #expect(try run(["config", "-o", curl]).status == 0)
        #expect(try String(contentsOfFile: curl, encoding: .utf8).contains("curl -X POST https://api.stripe.com/v1/accounts"))
        let options = directory.appendingPathComponent("options.json").path
        #expect(try run(["options", "-o", options]).status == 0)
        _ = try parseJSON(try String(contentsOfFile: options, encoding: .utf8))
        let diff = directory.appendingPathComponent("diff.json").path
        #expect(try run(["diff", "--", "--onboarding", "api", "-o", diff]).status == 1, "the plans differ")
        _ = try parseJSON(try String(contentsOfFile: diff, encoding: .utf8))
    }
}
