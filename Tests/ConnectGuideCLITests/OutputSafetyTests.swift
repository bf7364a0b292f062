import Foundation
import Testing

import Glibc

@Suite("--output to links and devices, and stdout errors")
struct OutputSafetyTests {
    @Test("--output through a symlink writes the target and keeps the link")
    func symlink() throws {
        let directory = try temporaryDirectory()
        let target = directory.appendingPathComponent("real.md")
        let link = directory.appendingPathComponent("link.md")
        try "old".write(to: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.md")
        let result = try run(["plan", "--format", "markdown", "-o", link.path, "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.md")
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("# "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["link.md", "real.md"])
    }

    @Test("--output /dev/null --force writes into the device and leaves it a device")
    func devNull() throws {
        let result = try run(["plan", "-o", "/dev/null", "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        var status = stat()
        #expect(stat("/dev/null", &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test("a stdout that cannot be written exits 1 and says so", arguments: [
        ["plan"], ["plan", "--format", "json"], ["url"], ["config"], ["options"], ["diff", "--", "--onboarding", "api"],
        ["--plain"], ["--plain", "--print", "json"], ["plan", "-o", "-"],
    ])
    func fullStdout(arguments: [String]) throws {
        let state = try temporaryDirectory().path
        let result = try run(arguments, stdin: "", environment: ["XDG_STATE_HOME": state], stdoutPath: "/dev/full")
        #expect(result.status == 1)
        #expect(result.stderr.contains("connect-guide: cannot write standard output: no space left on device"), "\(result.stderr)")
    }

    @Test("--plain honours --print FORMAT for the final plan")
    func plainPrint() throws {
        let state = ["XDG_STATE_HOME": try temporaryDirectory().path]
        let result = try run(["--plain", "--print", "json", "--onboarding", "api"], stdin: "", environment: state)
        #expect(result.status == 0, "\(result.stderr)")
        let selection = try parseJSON(result.stdout)["selection"] as? [String: String]
        #expect(selection?["onboarding"] == "api")
        let markdown = try run(["--plain", "--print", "markdown"], stdin: "", environment: state)
        #expect(markdown.stdout.hasPrefix("# "))
        let text = try run(["--plain"], stdin: "", environment: state)
        #expect(!text.stdout.hasPrefix("# ") && !text.stdout.hasPrefix("{"))
    }

    @Test("completion scripts offer each selection flag's values and aliases")
    func completionValues() throws {
        let fish = try run(["--generate-completion-script", "fish"]).stdout
        #expect(fish.contains("hosted embedded api stripe-hosted"))
        #expect(fish.contains("full express none"))
        #expect(fish.contains("direct destination separate"))
        #expect(fish.contains("connected-accounts platform"))
        #expect(fish.contains("stripe platform"))
        let bash = try run(["--generate-completion-script", "bash"]).stdout
        #expect(bash.contains(#"'hosted'$'\n''embedded'$'\n''api'"#))
        #expect(bash.contains("'sct'"))
        let zsh = try run(["--generate-completion-script", "zsh"]).stdout
        #expect(zsh.contains("('hosted' 'embedded' 'api'"))
    }

    @Test("diff -- --help shows diff's help and exits 0", arguments: ["--help", "-h"])
    func diffHelpAfterTerminator(flag: String) throws {
        let result = try run(["diff", "--", flag])
        #expect(result.status == 0)
        #expect(result.stdout == (try run(["diff", "--help"])).stdout)
        #expect(result.stdout.contains("USAGE: connect-guide diff"))
        #expect(!result.stdout.contains("diff_selection_b"))
        #expect(result.stderr.isEmpty)
    }

    @Test("a child writing far more than a pipe holds to stderr does not block the test helper")
    func largeStderr() throws {
        let value = String(repeating: "x", count: 100_000)
        let result = try run(["url", "--onboarding", value])
        #expect(result.status == 2)
        #expect(result.stderr.contains(value))
    }
}
