import Foundation
import Testing

/// A command line from one of the README's `sh` blocks, with the output the README shows
/// under it (for `$ command` lines).
struct ReadmeExample: CustomStringConvertible {
    let command: String
    let output: [String]
    var description: String { command }
}

/// Every line of every `sh` block of README.md, in order: `$ command` lines with the
/// output shown under them, and bare command lines.
func readmeExamples() throws -> [ReadmeExample] {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    var examples: [ReadmeExample] = []
    var inBlock = false
    var prompted = false
    for raw in text.components(separatedBy: "\n") {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.hasPrefix("```") {
            inBlock = !inBlock && line == "```sh"
            prompted = false
            continue
        }
        guard inBlock, !line.isEmpty else { continue }
        if line.hasPrefix("$ ") {
            examples.append(ReadmeExample(command: String(line.dropFirst(2)), output: []))
            prompted = true
        } else if prompted, let last = examples.popLast() {
            examples.append(ReadmeExample(command: last.command, output: last.output + [raw]))
        } else {
            examples.append(ReadmeExample(command: line, output: []))
        }
    }
    return examples
}

/// README lines this suite does not run, each with where it is run instead or why not.
let readmeExamplesRunElsewhere: [String: String] = [
    "sudo apt-get install -y libncurses-dev     # once; the terminal UI links ncursesw": ".ci/run installs it",
    "sudo apt-get install -y dialog     # the yardstick; the benchmark exits 3 without it": "the benchmark's own setup",
    "swift test": ".ci/run runs it",
    "Tools/build-release                      # swift build -c release, with the flags below": ".ci/run runs it",
    "Tools/build-release": ".ci/run runs it",
    "cp .build/release/connect-guide ~/.local/bin/": "installs into the user's home",
    ".build/release/connect-guide-bench --check": "the benchmark, run by hand",
    "UPDATE_GOLDENS=1 swift test --filter ConnectGuideTUITests.GoldenTests": "rewrites the goldens",
    "git diff Tests/ConnectGuideTUITests/Goldens": "reviews the goldens",
    "FUZZ_ITERATIONS=20000 swift test --filter Fuzz            # about three minutes on two cores": "a long fuzz run",
    "FUZZ_ITERATIONS=200000 FUZZ_SEED=3 swift test --filter 'Fuzz.*/(randomBytes|queries)'  # the cheap ones": "a long fuzz run",
    "STRIPE_SECRET_KEY=sk_test_... python3 quickstart.py":
        "calls Stripe with a sandbox key; QuickstartSDKTests runs the generated scripts against a local recorder",
    // The full-screen guide needs a terminal: EndToEndGuideTests.readmeInteractiveExamples runs these in tmux.
    "swift run connect-guide": "EndToEndGuideTests.readmeInteractiveExamples",
    "swift run connect-guide                       # the interactive guide": "EndToEndGuideTests.readmeInteractiveExamples",
    "swift run connect-guide --onboarding api      # start from a selection (any SELECTION flags, --from-url, --fresh)":
        "EndToEndGuideTests.readmeInteractiveExamples",
    "plan=$(swift run connect-guide --print json)  # choose, press q: only the plan lands in $plan": "EndToEndGuideTests.readmeInteractiveExamples",
]

/// Issue 19: the README's examples are true, run as written.
@Suite("README examples, run as written")
struct ReadmeExamplesTests {
    @Test("Every command line in the README's sh blocks runs as written and does what the README shows")
    func examples() throws {
        let examples = try readmeExamples()
        #expect(examples.count >= 25, "README examples found: \(examples.count)")
        let home = try temporaryDirectory()
        let bin = home.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("connect-guide"), withDestinationURL: binaryURL)
        for directory in [".local/share/bash-completion/completions", ".zfunc", ".config/fish/completions"] {
            try FileManager.default.createDirectory(at: home.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        let urls = (
            old: "https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=hosted",
            new: "https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=embedded&connect-dashboard-type=none")
        let environment = [
            "HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path, "TERM": "xterm",
            "PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "OLD_URL": urls.old, "NEW_URL": urls.new,
        ]
        // `swift run X` is X, built beforehand; no other swift command is run here.
        let prelude = "swift() { [ \"$1\" = run ] || exit 97; shift; \"$@\"; }\n"
        var ran = 0
        for example in examples where readmeExamplesRunElsewhere[example.command] == nil {
            let result = try run(["-c", prelude + example.command], environment: environment, directory: home, executable: "/bin/sh")
            ran += 1
            // diff exits 1 when the plans differ, as diff(1) does.
            let ok: Set<Int32> = example.command.contains("connect-guide diff") ? [0, 1] : [0]
            #expect(ok.contains(result.status), "\(example): exit \(result.status)\n\(result.stderr)")
            if !example.output.isEmpty {
                expectShown(example.output, in: result.stdout, example)
            } else if let target = example.command.range(of: " > ").map({ example.command[$0.upperBound...] }) {
                let path = target.split(separator: " ").first.map(String.init) ?? ""
                let file = path.hasPrefix("~/") ? home.appendingPathComponent(String(path.dropFirst(2))).path : home.appendingPathComponent(path).path
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                #expect(size > 0, "\(example): \(file) was not written")
            } else {
                #expect(!result.stdout.isEmpty, "\(example): nothing on stdout")
            }
            // What the text around the examples says they do.
            if example.command == "swift run connect-guide plan --onboarding api" {
                #expect(result.stdout.contains(" 6. ") && !result.stdout.contains(" 7. "), "six steps")
                #expect(result.stderr.contains("Dashboard access set to None"))
                #expect(result.stderr.contains("Who pays Stripe fees set to Your platform"))
                #expect(result.stderr.contains("Negative balance liability set to Platform"))
            }
            if example.command.hasSuffix("| connect-guide --plain") {
                #expect(result.stdout.contains("Onboarding                  API"), "chooses API onboarding\n\(result.stdout)")
                #expect(result.stdout.contains(" 6. ") && !result.stdout.contains(" 7. "), "the six-step plan")
            }
        }
        #expect(ran >= 12, "README examples run: \(ran)")
        // A listed line that is no longer in the README is stale.
        let commands = Set(examples.map(\.command))
        for listed in readmeExamplesRunElsewhere.keys where !listed.hasPrefix("swift run connect-guide") || listed.contains("#") {
            #expect(commands.contains(listed), "listed as run elsewhere, but not in the README: \(listed)")
        }
    }

    /// The README's output lines in order, each a whole line of `stdout`; "..." and
    /// "# ..." stand for lines left out.
    func expectShown(_ shown: [String], in stdout: String, _ example: ReadmeExample) {
        let lines = stdout.components(separatedBy: "\n")
        var next = 0
        for line in shown {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "..." || trimmed == "# ..." { continue }
            guard let found = lines[next...].firstIndex(of: line) else {
                Issue.record("\(example): the README shows \(line.debugDescription), not found in order in:\n\(stdout)")
                return
            }
            next = found + 1
        }
    }
}
