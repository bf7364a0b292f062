import Foundation
import Testing

/// A saved selection in a fresh state directory (embedded onboarding, no dashboard), as
/// the guide or --plain leaves it, so --resume has something to start from.
private func savedState() throws -> [String: String] {
    let directory = try temporaryDirectory()
    let file = directory.appendingPathComponent("connect-guide/last.url")
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    let url = "https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=embedded&connect-dashboard-type=none&connect-economic-model=revshare&connect-loss-liability-owner=stripe&connect-charge-type=direct\n"
    try url.write(to: file, atomically: true, encoding: .utf8)
    return ["XDG_STATE_HOME": directory.path, "TERM": "xterm"]
}

/// Issue 19, trap 1: every flag a command accepts does something there. --resume is the
/// way to script "the plan I just chose"; the guide's own flags are refused elsewhere.
@Suite("Flags are never taken and ignored")
struct FlagTrapTests {
    @Test("--resume starts plan, url and config from the saved selection; other flags still override it")
    func resumeOnHeadlessCommands() throws {
        let state = try savedState()
        let plan = try run(["plan", "--resume", "--format", "json"], environment: state)
        #expect(plan.status == 0, "\(plan.stderr)")
        let selection = try parseJSON(plan.stdout)["selection"] as? [String: String]
        #expect(selection?["onboarding"] == "embedded")
        #expect(selection?["dashboard"] == "none")

        let url = try run(["url", "--resume"], environment: state)
        #expect(url.status == 0, "\(url.stderr)")
        #expect(url.stdout.contains("connect-onboarding-surface=embedded&connect-dashboard-type=none"))

        let config = try run(["config", "--resume", "--format", "curl"], environment: state)
        #expect(config.status == 0, "\(config.stderr)")
        #expect(config.stdout.contains("controller[stripe_dashboard][type]=none"))

        // code's step 1 for embedded onboarding creates the account with no dashboard.
        let code = try run(["code", "--resume", "--step", "1", "--lang", "curl"], environment: state)
        #expect(code.status == 0, "\(code.stderr)")
        #expect(code.stdout.contains("embedded"), "\(code.stdout)")
        #expect(code.stdout.contains("controller[stripe_dashboard][type]=none"), "\(code.stdout)")

        let overridden = try run(["url", "--resume", "--charge-type", "destination"], environment: state)
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(overridden.stdout.contains("connect-onboarding-surface=embedded&connect-dashboard-type=none"))
        #expect(overridden.stdout.contains("connect-charge-type=destination"))
    }

    @Test("--resume works on both sides of diff")
    func resumeInDiff() throws {
        let state = try savedState()
        for (arguments, side) in [(["diff", "--resume", "--", "--format", "json"], "a"), (["diff", "--format", "json", "--", "--resume"], "b")] {
            let result = try run(arguments, environment: state)
            #expect(result.status != 2, "\(arguments): \(result.stderr)")
            let document = try parseJSON(result.stdout)
            let resumed = (document[side] as? [String: Any])?["selection"] as? [String: String]
            #expect(resumed?["onboarding"] == "embedded", "\(arguments): \(result.stdout)")
            #expect(resumed?["dashboard"] == "none", "\(arguments)")
        }
    }

    @Test("--resume with nothing saved is an error for a script, not the default plan")
    func resumeWithNothingSaved() throws {
        let result = try run(["plan", "--resume"], environment: ["XDG_STATE_HOME": try temporaryDirectory().path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--resume: nothing is saved yet in"))
    }

    @Test("the guide's own flags and misplaced selection flags exit 2 and say where they belong", arguments: [
        (["plan", "--print", "json"], "--print belongs to the interactive guide", "plan takes --format"),
        (["url", "--fresh"], "--fresh belongs to the interactive guide", "connect-guide --fresh"),
        (["config", "--plain"], "--plain belongs to the interactive guide", "connect-guide --plain"),
        (["code", "--fresh"], "--fresh belongs to the interactive guide", "not to code"),
        (["options", "--print", "json"], "--print belongs to the interactive guide", "options takes --format"),
        (["options", "--resume"], "--resume belongs to the commands that take a selection", "plan, url, config, code, diff"),
        (["options", "--onboarding", "api"], "--onboarding belongs to the commands that take a selection", "not to options"),
        (["diff", "--plain", "--"], "--plain belongs to the interactive guide", "not to diff"),
    ])
    func refused(arguments: [String], message: String, hint: String) throws {
        let result = try run(arguments, environment: try savedState())
        #expect(result.status == 2, "\(arguments)")
        #expect(result.stdout.isEmpty, "\(arguments)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(hint), "\(arguments): \(result.stderr)")
    }
}

/// Issue 18, item 18: two values for one thing are refused, never resolved by taking the
/// last one.
@Suite("Conflicting flags exit 2")
struct ConflictingFlagTests {
    @Test("each conflict exits 2, writes nothing and names the flag", arguments: [
        (["diff", "-o", "a.md", "--", "-o", "b.md"], "--output is given on both sides of --"),
        (["diff", "--format", "json", "--", "--format", "text"], "--format is given on both sides of --"),
        (["plan", "--onboarding", "api", "--onboarding", "hosted"], "--onboarding is given twice (\"api\", then \"hosted\")"),
        (["plan", "--onboarding=api", "--onboarding", "api"], "--onboarding is given twice"),
        (["url", "--from-url", "?connect-onboarding-surface=api", "--from-url", "?connect-onboarding-surface=embedded"], "--from-url is given twice"),
        (["diff", "--", "--fees", "platform", "--fees", "connected-accounts"], "selection B (after --): --fees is given twice"),
        (["plan", "-o", "a.md", "--output", "b.md"], "--output is given twice"),
        (["--fresh", "--resume"], "--fresh and --resume contradict each other"),
        (["--plain", "--fresh", "--resume"], "--fresh and --resume contradict each other"),
    ])
    func conflict(arguments: [String], message: String) throws {
        let directory = try temporaryDirectory()
        let result = try run(arguments, stdin: "", environment: try savedState(), directory: directory)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "no file written")
    }

    @Test("each side of diff still names its own selection flags, and --force may go on both")
    func sidesStayIndependent() throws {
        let result = try run(["diff", "--onboarding", "hosted", "--force", "--", "--onboarding", "api", "--force"])
        #expect(result.status != 2, "\(result.stderr)")
        #expect(result.stdout.contains("Onboarding"))
    }
}

/// Issue 19, trap 2: selection flags, --from-url, --preset and --resume say where to
/// start, so --plain asks no preset question whose answer would replace them.
@Suite("--plain with a starting point asks no preset question")
struct PlainPresetQuestionTests {
    @Test("no preset question with a starting point", arguments: [
        ["--plain", "--onboarding", "api"],
        ["--plain", "--from-url", "?connect-onboarding-surface=api"],
        ["--plain", "--preset", "api-onboarding"],
        ["--plain", "--resume"],
    ])
    func noPresetQuestion(arguments: [String]) throws {
        // The first answer goes to the first question: Enter keeps API onboarding.
        let result = try run(arguments, stdin: "\n", environment: try savedState())
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.contains("Start from a common setup?"), "\(arguments)")
        #expect(result.stderr.contains("Question 1 of 5"))
        if arguments.contains("--resume") {
            #expect(result.stdout.contains("Onboarding                  Embedded"))
        } else {
            #expect(result.stdout.contains("Onboarding                  API"), "\(arguments): \(result.stdout)")
        }
    }

    @Test("without one, the preset question still comes first")
    func presetQuestionWithoutFlags() throws {
        let result = try run(["--plain"], stdin: "", environment: ["XDG_STATE_HOME": try temporaryDirectory().path, "TERM": "xterm"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("Start from a common setup?"))
    }
}
