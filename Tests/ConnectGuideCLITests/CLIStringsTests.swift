import Foundation
import Testing

@Suite("The executable's words are in Assets/strings/cli.json")
struct CLIStringsTests {
    /// Two words of prose in a string literal of Sources/connect-guide. What may stay:
    /// flag names, command lines (`diff`'s usage line), the program's name before a
    /// message, and interpolations.
    @Test("no prose literal is left in Sources/connect-guide")
    func noProse() throws {
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = checkout.appendingPathComponent("Sources/connect-guide")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 10)
        let allowed = [#""connect-guide diff [<selection-a>] [--format text|json] [--output <file>] -- [<selection-b>]""#]
        var prose: [String] = []
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//") else { continue }
                // Each literal on the line, interpolations and all, and the open lines of a
                // multi-line literal.
                for match in code.matches(of: /"(?:[^"\\]|\\.)*"|"""/) {
                    let literal = String(code[match.range])
                    guard literal != "\"\"\"", !allowed.contains(literal) else {
                        if literal == "\"\"\"" { prose.append("\(file):\(number + 1): a multi-line literal") }
                        continue
                    }
                    if literal.contains(/[A-Za-z]{2,} [a-z]{2,}/) { prose.append("\(file):\(number + 1): \(literal)") }
                }
            }
        }
        #expect(prose.isEmpty, "\(prose.joined(separator: "\n"))")
    }
}
