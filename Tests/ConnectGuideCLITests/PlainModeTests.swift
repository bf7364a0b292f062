import Foundation
import Testing

/// An environment whose saved selection lives in a fresh directory, so tests never
/// touch the user's own state.
private func isolatedState() throws -> (environment: [String: String], file: URL) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("connect-guide-state-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return (["XDG_STATE_HOME": directory.path, "TERM": "xterm"], directory.appendingPathComponent("connect-guide/last.url"))
}

@Suite("connect-guide --plain")
struct PlainModeTests {
    @Test("printf '3\\n\\n\\n\\n\\n' | connect-guide --plain chooses API onboarding and prints the six-step plan")
    func acceptance() throws {
        let state = try isolatedState()
        let result = try run(["--plain"], stdin: "\n3\n\n\n\n\n", environment: state.environment)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Onboarding                  API"))
        #expect(result.stdout.contains(" 6. Collect payout details"))
        #expect(!result.stdout.contains(" 7. "))
        #expect(result.stderr.contains("Question 1 of 5: Onboarding"))
        #expect(result.stderr.contains("This also changes Dashboard access to None"))
        #expect(!result.stdout.contains("Question"), "questions stay off stdout so the plan can be captured")
        #expect(!(result.stdout + result.stderr).contains("\u{1B}"), "no escape sequences")
    }

    @Test("after the review, c prints the plan's API calls as a Python quickstart instead of the plan")
    func codeAfterReview() throws {
        let state = try isolatedState()
        let result = try run(["--plain"], stdin: "\n3\n\n\n\n\nc\n", environment: state.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("c for the plan's API calls as code (Python)"))
        #expect(result.stdout.hasPrefix("#!/usr/bin/env python3\n"))
        #expect(result.stdout.contains("client.v1.accounts.external_accounts.create("), "API onboarding attaches a bank account")
    }

    @Test("TERM=dumb turns plain mode on by itself; empty input keeps the defaults")
    func dumbTerminal() throws {
        var environment = try isolatedState().environment
        environment["TERM"] = "dumb"
        let result = try run([], stdin: "", environment: environment)
        #expect(result.status == 0)
        #expect(result.stderr.contains("End of input"))
        #expect(result.stdout.contains(" 5. Pay out to your connected accounts"))
    }

    @Test("through a pipe: pick a preset, go back once, keep the rest, and the plan is printed")
    func presetThroughPipe() throws {
        // Preset 4, Enter on question 1, b on question 2 (back to 1), then Enter to the end.
        let result = try run(["--plain"], stdin: "4\n\nb\n\n\n\n\n\n\n", environment: try isolatedState().environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Starting from Marketplace, embedded onboarding and dashboard"))
        #expect(result.stderr.components(separatedBy: "Question 1 of 5").count == 3)
        #expect(result.stderr.contains("Your choices:"))
        #expect(result.stdout.contains("Onboarding                  Embedded"))
        #expect(result.stdout.contains("Charge type                 Destination charges"))
        #expect(!result.stdout.contains("Question"), "stdout holds only the plan")
    }

    @Test("bad answers are re-asked with the valid ones")
    func badAnswer() throws {
        let result = try run(["--plain"], stdin: "\n9\nembedded\n", environment: try isolatedState().environment)
        #expect(result.status == 0)
        #expect(result.stderr.contains("\"9\" is not one of the answers"))
        #expect(result.stdout.contains("Onboarding                  Embedded"))
    }

    @Test("selection flags set the starting point")
    func flags() throws {
        let result = try run(["--plain", "--charge-type", "separate"], stdin: "", environment: try isolatedState().environment)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Separate charges and transfers"))
    }

    @Test("contradictory flags exit 2 before asking anything")
    func contradiction() throws {
        let result = try run(["--plain", "--onboarding", "api", "--dashboard", "full"], stdin: "", environment: try isolatedState().environment)
        #expect(result.status == 2)
        #expect(!result.stderr.contains("Question"))
    }

    @Test("a change is saved, and --resume starts from it")
    func resume() throws {
        let state = try isolatedState()
        _ = try run(["--plain"], stdin: "\n2\n3\n", environment: state.environment)
        let saved = try String(contentsOf: state.file, encoding: .utf8)
        #expect(saved.hasPrefix("https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=embedded&"))
        let resumed = try run(["--plain", "--resume"], stdin: "", environment: state.environment)
        #expect(resumed.status == 0)
        #expect(resumed.stdout.contains("Onboarding                  Embedded"))
        #expect(resumed.stdout.contains("Dashboard access            None"))

        // A flag overrides the saved selection; the rest moves only as the rules require.
        let overridden = try run(["--plain", "--resume", "--liability", "platform"], stdin: "", environment: state.environment)
        #expect(overridden.status == 0)
        #expect(overridden.stdout.contains("Onboarding                  Embedded"))
        #expect(overridden.stdout.contains("Dashboard access            None"))
        #expect(overridden.stderr.contains("note: Who pays Stripe fees set to Your platform"))
    }

    @Test("--resume with nothing saved starts from the defaults with a note")
    func resumeNothing() throws {
        let result = try run(["--plain", "--resume"], stdin: "", environment: try isolatedState().environment)
        #expect(result.status == 0)
        #expect(result.stderr.contains("nothing saved yet"))
    }

    @Test("a saved selection this version's rules no longer allow (saved by an older one) is reported and moved aside")
    func outdatedState() throws {
        let state = try isolatedState()
        try FileManager.default.createDirectory(at: state.file.deletingLastPathComponent(), withIntermediateDirectories: true)
        // API onboarding with the full Dashboard: every option known, but R1 forbids the pair.
        let saved = """
            https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=api&connect-dashboard-type=full\
            &connect-economic-model=revshare&connect-loss-liability-owner=stripe&connect-charge-type=direct

            """
        try saved.write(to: state.file, atomically: true, encoding: .utf8)
        let reported = try run(["--plain", "--resume"], stdin: "", environment: state.environment)
        #expect(reported.status == 0)
        #expect(reported.stderr.contains("breaks rule R1 of this version"), "\(reported.stderr)")
        #expect(reported.stderr.contains("kept as \(state.file.path).corrupt"))
        #expect(reported.stdout.contains("Stripe-hosted"), "starts from the defaults")
        #expect(try String(contentsOfFile: state.file.path + ".corrupt", encoding: .utf8) == saved)
    }

    @Test("a corrupt state file is reported, ignored, and kept aside so no save destroys it")
    func corruptState() throws {
        let state = try isolatedState()
        try FileManager.default.createDirectory(at: state.file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "{ this is not a url".write(to: state.file, atomically: true, encoding: .utf8)

        let reported = try run(["--plain", "--resume"], stdin: "", environment: state.environment)
        #expect(reported.status == 0)
        #expect(reported.stderr.contains("cannot be used"))
        #expect(reported.stderr.contains(state.file.path))
        #expect(reported.stdout.contains("Stripe-hosted"), "starts from the defaults")
        let aside = state.file.path + ".corrupt"
        #expect(reported.stderr.contains("kept as \(aside)"))
        #expect(try String(contentsOfFile: aside, encoding: .utf8) == "{ this is not a url", "moved aside whole")

        let changed = try run(["--plain"], stdin: "\n2\n", environment: state.environment)
        #expect(changed.status == 0)
        #expect(!changed.stderr.contains("cannot be used"), "reported once")
        let saved = try String(contentsOf: state.file, encoding: .utf8)
        #expect(saved.hasPrefix("https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=embedded&"))
        #expect(try String(contentsOfFile: aside, encoding: .utf8) == "{ this is not a url", "the save leaves the old file alone")
    }

    @Test("--from-url values are kept like flags; a flag overrides the URL's value of its own property")
    func urlValuesAreKept() throws {
        // What the URL says stays, even where the defaults would fit better.
        let separate = try run(["plan", "--from-url", "?connect-charge-type=separate", "--format", "json"])
        #expect(separate.status == 0, "\(separate.stderr)")
        #expect((try parseJSON(separate.stdout)["selection"] as? [String: String])?["chargeType"] == "separate")

        let url = "https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=api&connect-dashboard-type=none&connect-economic-model=buy-rate&connect-loss-liability-owner=platform&connect-charge-type=direct"
        let embedded = try run(["plan", "--from-url", url, "--onboarding", "embedded", "--format", "json"])
        #expect(embedded.status == 0, "\(embedded.stderr)")
        let selection = try parseJSON(embedded.stdout)["selection"] as? [String: String]
        #expect(selection == [
            "onboarding": "embedded", "dashboard": "none", "chargeType": "direct", "fees": "platform", "liability": "platform",
        ])
        #expect((try parseJSON(embedded.stdout)["implied"] as? [Any])?.isEmpty == true)

        // A flag that the URL's other values rule out is a contradiction that says where each came from.
        let conflict = try run(["plan", "--from-url", url, "--dashboard", "full"])
        #expect(conflict.status == 2)
        #expect(conflict.stdout.isEmpty)
        #expect(conflict.stderr.contains("--dashboard full"))
        #expect(conflict.stderr.contains("--onboarding api (from the URL)"))
        #expect(conflict.stderr.contains("R1"))
    }

    @Test("a state directory that cannot be written only warns")
    func unwritableState() throws {
        // Two answers that change the selection: the failure is told once.
        let result = try run(["--plain"], stdin: "\n2\n3\n", environment: ["XDG_STATE_HOME": "/proc/connect-guide-test", "TERM": "xterm"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: cannot save the selection for --resume: /proc/connect-guide-test"))
        #expect(result.stderr.components(separatedBy: "cannot save the selection").count == 2, "said once")
        #expect(result.stdout.contains("Embedded"))
        #expect(result.stdout.contains("Dashboard access            None"), "the session went on")
    }

    // MARK: Hostile input, round 2 (issue 18)

    @Test("answers are echoed and quoted escaped: an OSC title, an OSC 52 clipboard write, an arrow key never reach the terminal", arguments: [
        "\u{1B}]0;owned\u{07}", "\u{1B}]52;c;SGVsbG8=\u{1B}\\", "\u{1B}[A\u{1B}[2J", "\u{9B}31m",
    ])
    func echoEscaped(answer: String) throws {
        // Each stage: the preset question, a property question, the review.
        for stdin in [answer + "\n", "\n" + answer + "\n", "\n\n\n\n\n\n" + answer + "\n"] {
            let result = try run(["--plain"], stdin: stdin, environment: try isolatedState().environment)
            #expect(result.status == 0)
            #expect(!result.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{07}" }, "\(result.stderr.debugDescription)")
            #expect(result.stderr.contains("\\u{"), "the answer is shown, escaped")
        }
    }

    @Test("a 10 MB line is neither echoed whole nor kept whole: capped, with a warning saying so")
    func longLine() throws {
        let result = try run(["--plain"], stdin: "\n" + String(repeating: "x", count: 10_000_000) + "\n", environment: try isolatedState().environment)
        #expect(result.status == 0)
        #expect(result.stderr.utf8.count < 50_000, "\(result.stderr.utf8.count) bytes on stderr")
        #expect(result.stderr.contains("that line was longer than 4096 bytes; the rest of it was not read"))
        #expect(result.stdout.contains(" 5. Pay out to your connected accounts"))
    }

    @Test("--plain < /dev/zero ends as at the end of input, in bounded memory, instead of growing until killed")
    func endlessLine() throws {
        // Under 1 GiB of address space: the guide had grown by about 500 MB/s.
        let result = try run(
            ["-c", "ulimit -v 1000000; exec timeout 30 \"$BIN\" --plain < /dev/zero"],
            environment: try isolatedState().environment.merging(["BIN": binaryURL.path]) { $1 }, executable: "/bin/sh")
        #expect(result.status == 0, "\(result.stderr.suffix(500))")
        #expect(result.stderr.contains("that line was longer than 4096 bytes; the rest of it was not read"))
        #expect(result.stderr.contains("End of input"))
        #expect(result.stdout.contains(" 5. Pay out to your connected accounts"))
    }

    @Test("with neither HOME nor XDG_STATE_HOME, --plain says it cannot save")
    func noStateLocation() throws {
        let result = try run(
            ["-c", "unset HOME XDG_STATE_HOME; exec \"$BIN\" --plain"], stdin: "",
            environment: ["BIN": binaryURL.path, "TERM": "xterm"], executable: "/bin/sh")
        #expect(result.status == 0)
        #expect(result.stderr.contains("cannot find or save a selection: neither XDG_STATE_HOME nor HOME is set"), "\(result.stderr)")
    }

    @Test("--from-url with 15,000 unknown parameters: one warning naming five of them, not 15,000 lines")
    func manyUnknownURLParameters() throws {
        let query = (1...15_000).map { "k\($0)=v" }.joined(separator: "&")
        let result = try run(["plan", "--from-url", "?" + query])
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        #expect(result.stderr.split(separator: "\n").count < 10, "\(result.stderr.split(separator: "\n").count) lines on stderr")
        #expect(result.stderr.contains("ignored 15000 URL parameters, \"k1\", \"k2\", \"k3\", \"k4\", \"k5\" and 14995 more"), "\(result.stderr.prefix(500))")
    }
}
