import Foundation
import Testing

/// Issue 19's rough edges on the command line.
@Suite("Rough edges of the command line")
struct RoughEdgeTests {
    @Test("text output has no Markdown backticks and never breaks an address across lines", arguments: [
        ["options"], ["plan", "--onboarding", "embedded", "--dashboard", "none"], ["plan", "--charge-type", "destination"],
        ["plan", "--onboarding", "api"], ["diff", "--", "--onboarding", "api"],
    ])
    func plainText(arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.status == 0 || arguments.first == "diff", "\(result.stderr)")
        #expect(!result.stdout.contains("`"), "\(arguments)")
        // Every address is one the JSON documents name whole.
        let json = try run(["options", "--format", "json"]).stdout + (try run(["plan", "--format", "json"] + arguments.dropFirst().filter { _ in arguments.first == "plan" }).stdout)
        let known = Set(json.components(separatedBy: "\"").filter { $0.hasPrefix("https://") })
        for word in result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }) where word.hasPrefix("https://") {
            let address = String(word).trimmingCharacters(in: CharacterSet(charactersIn: ",.;)"))
            #expect(known.contains(address) || address.hasPrefix("https://docs.stripe.com/connect/design-an-integration?"),
                "\(arguments): \(address) is cut")
        }
    }

    @Test("a misspelt command or value gets a suggestion; parser errors read as the guide's own", arguments: [
        (["plna"], "connect-guide: there is no command \"plna\" (did you mean plan?)"),
        (["plan", "--dashboard", "expres"], "\"expres\" is not a choice (did you mean express?); valid values: full, express, none"),
        (["plan", "--fees", "buyrate"], "(did you mean buy-rate?)"),
        (["plan", "--fromurl", "x"], "connect-guide: Unknown option '--fromurl'. Did you mean '--from-url'?"),
    ])
    func suggestions(arguments: [String], message: String) throws {
        let result = try run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("Error: "))
    }

    @Test("--output's extension and --format disagreeing is warned about; the format given wins")
    func extensionWarning() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("plan.json").path
        let result = try run(["plan", "--format", "text", "-o", file])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: --output \(file): the extension is that of json, but --format text writes text"))
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("Connect integration guide: your integration plan"))
        let agreeing = try run(["plan", "--format", "json", "-o", directory.appendingPathComponent("b.json").path])
        #expect(!agreeing.stderr.contains("warning"))
    }

    @Test("the curl request stops in the shell when STRIPE_SECRET_KEY is unset, as for ACCOUNT_COUNTRY")
    func curlGuardsTheKey() throws {
        for api in ["v1", "v2"] {
            let curl = try run(["config", "--format", "curl", "--api", api]).stdout
            let script = "curl() { echo sent; }\n" + curl
            let result = try run(["-c", script], environment: ["STRIPE_SECRET_KEY": ""], executable: "/bin/sh")
            #expect(result.status != 0, "\(api)")
            #expect(result.stderr.contains("set STRIPE_SECRET_KEY first"), "\(api): \(result.stderr)")
            #expect(!result.stdout.contains("sent"))
        }
    }

    @Test("--plain: q quits without a plan (exit 1), --resume says it resumed, ? and a preset's name work at the preset question")
    func plainMode() throws {
        let state = ["XDG_STATE_HOME": try temporaryDirectory().path, "TERM": "xterm"]
        let quit = try run(["--plain"], stdin: "\n2\nq\n", environment: state)
        #expect(quit.status == 1)
        #expect(quit.stdout.isEmpty)
        #expect(quit.stderr.contains("Quit without a plan."))
        let resumed = try run(["--plain", "--resume"], stdin: "", environment: state)
        #expect(resumed.status == 0)
        #expect(resumed.stderr.contains("note: starting from your last selection, saved in"), "\(resumed.stderr)")
        #expect(resumed.stdout.contains("Onboarding                  Embedded"))
        let named = try run(["--plain"], stdin: "?\nSaaS platform, fully embedded\n", environment: state)
        #expect(named.stderr.contains("https://docs.stripe.com/connect/integration-recommendations"))
        #expect(named.stderr.contains("Starting from SaaS platform, fully embedded"), "\(named.stderr)")
    }

    @Test("The prompt never tells an assistant to run connect-guide, which it does not have", arguments: [
        [String](), ["--onboarding", "embedded", "--dashboard", "none"], ["--charge-type", "destination"],
    ])
    func promptWithoutCommands(selection: [String]) throws {
        let prompt = try run(["plan", "--format", "prompt"] + selection).stdout
        for command in ["plan", "url", "config", "code", "diff", "options"] {
            #expect(!prompt.contains("connect-guide \(command) "), "\(command) in the brief")
        }
        #expect(prompt.contains("POST /v2/core/accounts"), "the v2 request is in the brief itself")
        // The plan for the user still says how to get the other forms.
        #expect(try run(["plan", "--format", "markdown"] + selection).stdout.contains("connect-guide code --lang curl"))
    }

    @Test("--plain: a rule's reason is said once for everything it moved; ? keeps Keep in mind apart from Best for")
    func plainReasonsAndNotes() throws {
        let state = ["XDG_STATE_HOME": try temporaryDirectory().path, "TERM": "xterm"]
        let chosen = try run(["--plain"], stdin: "\n3\n", environment: state)
        #expect(chosen.stderr.components(separatedBy: "(R1: ").count == 2, "\(chosen.stderr)")
        #expect(chosen.stderr.contains("This also changes Dashboard access to None, Who pays Stripe fees to Your platform and Negative balance liability to Platform (R1: "))
        let explained = try run(["--plain", "--onboarding", "hosted"], stdin: "?\n", environment: state)
        let lines = explained.stderr.components(separatedBy: "\n")
        #expect(lines.contains { $0.hasPrefix("   Keep in mind: ") })
        #expect(!lines.contains { $0.hasPrefix("   Best for: ") && $0.contains("Users leave your site") })
    }

    @Test("--plain wraps its questions to the terminal's width ($COLUMNS when stderr is not a terminal)")
    func plainWraps() throws {
        var state = ["XDG_STATE_HOME": try temporaryDirectory().path, "TERM": "xterm", "COLUMNS": "60"]
        let narrow = try run(["--plain", "--onboarding", "hosted"], stdin: "\n", environment: state)
        let questions = narrow.stderr.components(separatedBy: "\n").filter { !$0.hasPrefix("note: ") && !$0.contains(", Enter keeps ") }
        #expect(questions.allSatisfy { $0.count <= 60 }, "\(questions.filter { $0.count > 60 })")
        #expect(questions.contains { $0.hasPrefix("     ") }, "continuation lines hang under the option's text")
        state["COLUMNS"] = ""  // not a width: no wrapping
        let unwrapped = try run(["--plain", "--onboarding", "hosted"], stdin: "\n", environment: state)
        #expect(unwrapped.stderr.components(separatedBy: "\n").contains { $0.count > 60 })
    }

    @Test("When ~/.local is a file, the first start says nothing can be saved, still offers the setups, and tries no save")
    func localIsAFile() throws {
        let home = try temporaryDirectory()
        try "".write(to: home.appendingPathComponent(".local"), atomically: true, encoding: .utf8)
        let result = try run(["--plain"], stdin: "\n2\n", environment: ["HOME": home.path, "XDG_STATE_HOME": "", "TERM": "xterm"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: nothing can be saved for --resume in \(home.path)/.local/state/connect-guide/last.url"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("cannot be used"))
        #expect(!result.stderr.contains("cannot save the selection"), "no save is tried")
        #expect(result.stderr.contains("Start from a common setup?"))
        #expect(result.stdout.contains("Onboarding                  Embedded"))
    }
}
