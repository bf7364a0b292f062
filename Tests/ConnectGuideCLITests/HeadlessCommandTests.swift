import Foundation
import Testing

private let realURLs = [
    "https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=api&connect-dashboard-type=none&connect-economic-model=buy-rate&connect-loss-liability-owner=platform&connect-charge-type=direct",
    "https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=hosted&connect-dashboard-type=full&connect-economic-model=revshare&connect-loss-liability-owner=stripe&connect-charge-type=direct",
    "https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=embedded&connect-dashboard-type=none&connect-economic-model=buy-rate&connect-loss-liability-owner=platform&connect-charge-type=destination",
]

@Suite("connect-guide url")
struct UrlCommandTests {
    @Test("url is the exact inverse of --from-url for the page's own URLs", arguments: realURLs)
    func inverse(url: String) throws {
        let result = try run(["url", "--from-url", url])
        #expect(result.status == 0)
        #expect(result.stdout == url + "\n")
        #expect(result.stderr.isEmpty)
    }

    @Test("url of flags feeds back into --from-url with the same selection")
    func roundTrip() throws {
        let url = try run(["url", "--charge-type", "separate", "--dashboard", "express"])
        #expect(url.status == 0)
        let plan = try run(["plan", "--format", "json", "--from-url", url.stdout.trimmingCharacters(in: .whitespacesAndNewlines)])
        let selection = try parseJSON(plan.stdout)["selection"] as? [String: String]
        #expect(selection == ["onboarding": "hosted", "dashboard": "express", "chargeType": "separate", "fees": "connectedAccounts", "liability": "stripe"])
    }

    @Test("bad input exits 2 with a message naming the problem", arguments: [
        (["url", "--onboarding", "telepathy"], "valid values: hosted, embedded, api"),
        (["url", "--from-url", "https://example.com/connect/design-an-integration"], "is not docs.stripe.com"),
        (["url", "--from-url", "https://docs.stripe.com/payments"], "is not the Connect integration guide page"),
        (["url", "--from-url", "?connect-onboarding-surface=%ZZ"], "percent-encoding"),
        (["url", "--from-url", "?connect-dashboard-type=fancy"], "is not a value of connect-dashboard-type"),
        (["url", "--from-url", ""], "the URL is empty"),
        (["url", "--onboarding", "api", "--dashboard", "full"], "cannot be combined"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let result = try run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("unknown URL keys are ignored with a warning")
    func unknownKey() throws {
        let result = try run(["url", "--from-url", "?utm_source=x&connect-onboarding-surface=embedded"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("utm_source"))
        #expect(result.stdout.contains("connect-onboarding-surface=embedded"))
    }
}

@Suite("connect-guide config")
struct ConfigCommandTests {
    @Test("JSON for v1 (the default) has the controller properties; v2 the nested body")
    func json() throws {
        let v1 = try run(["config", "--onboarding", "api"])
        #expect(v1.status == 0)
        let document = try parseJSON(v1.stdout)
        #expect(document["api"] as? String == "v1")
        let parameters = document["parameters"] as? [String: Any]
        #expect(parameters?["controller[requirement_collection]"] as? String == "application")
        #expect(parameters?["controller[stripe_dashboard][type]"] as? String == "none")
        #expect(document["stripeVersion"] as? String == "2026-11-18.endive")
        #expect((document["implied"] as? [Any])?.count == 3)

        let v2 = try parseJSON(try run(["config", "--api", "v2", "--fees", "platform", "--dashboard", "express"]).stdout)
        #expect(v2["endpoint"] as? String == "/v2/core/accounts")
        let body = v2["body"] as? [String: Any]
        #expect(body?["dashboard"] as? String == "express")
    }

    @Test("curl for v1 uses the key placeholder and form parameters, never a key")
    func curlV1() throws {
        let result = try run(["config", "--format", "curl"], environment: ["STRIPE_SECRET_KEY": "sk_test_must_not_appear"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("curl -X POST https://api.stripe.com/v1/accounts"))
        #expect(result.stdout.contains("-u \"${STRIPE_SECRET_KEY:?set STRIPE_SECRET_KEY first}:\""))
        #expect(result.stdout.contains("-d 'controller[fees][payer]=account'"))
        #expect(!result.stdout.contains("sk_test_must_not_appear"))
    }

    @Test("curl for v2 uses a bearer key placeholder, a version header and a JSON body")
    func curlV2() throws {
        let result = try run(["config", "--api", "v2", "--format", "curl", "--charge-type", "destination", "--liability", "platform"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("-H \"Authorization: Bearer ${STRIPE_SECRET_KEY:?set STRIPE_SECRET_KEY first}\""))
        #expect(result.stdout.contains("-H 'Stripe-Version: 2026-11-18.endive'"))
        #expect(result.stdout.contains("\"stripe_transfers\""))
        #expect(result.stderr.contains("note: "), "what the rules implied goes to stderr for curl")
    }

    @Test("the curl command is valid shell: sh -n accepts it")
    func shellSyntax() throws {
        for api in ["v1", "v2"] {
            let result = try run(["config", "--api", api, "--format", "curl"])
            let script = try temporaryDirectory().appendingPathComponent("request.sh")
            try result.stdout.write(to: script, atomically: true, encoding: .utf8)
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/bin/sh")
            check.arguments = ["-n", script.path]
            try check.run()
            check.waitUntilExit()
            #expect(check.terminationStatus == 0, "\(api)")
        }
    }

    @Test("bad --api or --format exits 2", arguments: [["config", "--api", "v3"], ["config", "--format", "yaml"]])
    func badOption(arguments: [String]) throws {
        #expect(try run(arguments).status == 2)
    }
}

@Suite("connect-guide options")
struct OptionsCommandTests {
    @Test("text lists every property flag, URL key and rule")
    func text() throws {
        let result = try run(["options"])
        #expect(result.status == 0)
        for text in ["--onboarding", "--charge-type", "connect-economic-model", "buy-rate", "revshare", "sct", "R1", "R6", "Why:"] {
            #expect(result.stdout.contains(text), "\(text)")
        }
    }

    @Test("JSON has the properties with options and the rules with reasons")
    func json() throws {
        let result = try run(["options", "--format", "json"])
        #expect(result.status == 0)
        let document = try parseJSON(result.stdout)
        let properties = document["properties"] as? [[String: Any]]
        #expect(properties?.map { $0["id"] as? String } == ["onboarding", "dashboard", "chargeType", "fees", "liability"])
        let rules = document["rules"] as? [[String: Any]]
        #expect(rules?.map { $0["id"] as? String } == ["R1", "R2", "R3", "R4", "R6", "N1", "N2", "N3", "N4"])
        #expect(rules?.map { $0["kind"] as? String } == ["api", "api", "api", "docs", "api", "recommended", "recommended", "recommended", "recommended"])
        #expect(rules?.map { $0["inForce"] as? Bool } == [true, true, false, true, true, true, true, true, true])
        #expect(rules?.allSatisfy { ($0["reason"] as? String)?.isEmpty == false } == true)
    }
}

@Suite("connect-guide diff")
struct DiffCommandTests {
    @Test("text diff names the added step, changed steps, new advisories and parameter changes")
    func text() throws {
        let result = try run(["diff", "--onboarding", "hosted", "--", "--onboarding", "api"])
        #expect(result.status == 1, "the plans differ: 1, as diff(1) says")
        #expect(!result.stderr.contains("connect-guide:"), "an exit status, not an error")
        #expect(result.stdout.contains("only in B, Keep requirements up to date"))
        #expect(result.stdout.contains("[A1]"))
        #expect(result.stdout.contains("controller[fees][payer]: account in A, application in B"))
        #expect(result.stdout.contains("dashboard: full in A, none in B"))
        #expect(result.stderr.contains("selection B: note:"))
    }

    @Test("JSON diff, with --format after --, and --from-url on one side")
    func json() throws {
        let result = try run(["diff", "--from-url", realURLs[1], "--", "--from-url", realURLs[0], "--format", "json"])
        #expect(result.status == 1)
        let document = try parseJSON(result.stdout)
        #expect(document["identical"] as? Bool == false)
        let steps = document["steps"] as? [String: Any]
        #expect((steps?["added"] as? [[String: Any]])?.first?["id"] as? String == "requirement-updates-api")
        let cautions = document["cautions"] as? [String: Any]
        #expect((cautions?["added"] as? [[String: Any]])?.map { $0["id"] as? String } == ["N4", "A1", "A4", "A5"])
        let v2 = (document["accountConfiguration"] as? [String: Any])?["v2"] as? [String: Any]
        #expect((v2?["changed"] as? [Any])?.count == 3)
    }

    @Test("the same selection on both sides is identical; an empty side means the defaults")
    func identical() throws {
        let result = try run(["diff", "--", "--onboarding", "hosted", "--format", "json"])
        #expect(result.status == 0)
        #expect(try parseJSON(result.stdout)["identical"] as? Bool == true)
    }

    @Test("bad input exits 2 and says which side", arguments: [
        (["diff", "--onboarding", "api"], "put -- between them"),
        (["diff", "--", "--onboarding", "zzz"], "selection B: --onboarding"),
        (["diff", "--dashboard", "zzz", "--"], "selection A: --dashboard"),
        (["diff", "--", "--onboarding", "api", "--dashboard", "full"], "selection B: these choices cannot be combined"),
        (["diff", "--", "--colour"], "selection B (after --): Unknown option '--colour'"),
        (["diff", "--", "--from-url", "https://example.com/"], "selection B: --from-url"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let result = try run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}

@Suite("plan --format prompt")
struct PromptFormatTests {
    @Test("the brief is self-contained: context, choices, steps with links, config and the ask")
    func brief() throws {
        let result = try run(["plan", "--format", "prompt", "--onboarding", "embedded", "--dashboard", "none"])
        #expect(result.status == 0)
        for text in ["Stripe Connect", "## My choices", "**Onboarding**: Embedded", "## Integration steps", "https://docs.stripe.com/",
                     "## Creating a connected account", "controller[requirement_collection]", "## What I would like from you"] {
            #expect(result.stdout.contains(text), "\(text)")
        }
    }
}

@Suite("--output FILE")
struct OutputTests {
    @Test("each document command writes atomically to the file and prints nothing", arguments: [
        ["plan", "--format", "json"], ["config", "--format", "curl"], ["options"], ["diff", "--", "--onboarding", "api"], ["url"],
    ])
    func writes(arguments: [String]) throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("out.txt")
        let expected = try run(arguments).stdout
        let result = try run(arguments + ["--output", file.path])
        #expect(result.status == (arguments.first == "diff" ? 1 : 0), "diff exits 1 when the plans differ")
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.txt"], "no temporary file left")
    }

    @Test("an existing file is kept unless --force is given")
    func existing() throws {
        let file = try temporaryDirectory().appendingPathComponent("plan.md")
        try "keep me".write(to: file, atomically: true, encoding: .utf8)
        let refused = try run(["plan", "--output", file.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("already exists; use --force"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")
        let forced = try run(["plan", "--format", "markdown", "-o", file.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("# "))
    }

    @Test("an unwritable path exits 2 with a clear message", arguments: [
        ("/nonexistent-connect-guide-dir/plan.txt", "does not exist"),
        ("/proc/plan.txt", "cannot create files in /proc"),
        ("/", "is a directory"),
    ])
    func unwritable(path: String, message: String) throws {
        let result = try run(["plan", "--output", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("a path below a regular file exits 2")
    func belowFile() throws {
        let file = try temporaryDirectory().appendingPathComponent("file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let result = try run(["options", "--output", file.path + "/out.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a directory"))
    }

    @Test("--output - means standard output")
    func dash() throws {
        let result = try run(["url", "-o", "-"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("https://docs.stripe.com/"))
    }
}

@Suite("help, version and completions")
struct ParserFeatureTests {
    @Test("--help and --version work on every command", arguments: ["plan", "url", "config", "options", "diff"])
    func help(command: String) throws {
        let help = try run([command, "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE"))
        #expect(try run([command, "--version"]).status == 0)
    }

    @Test("completion scripts are generated for each shell", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let result = try run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.stdout.contains("connect-guide"))
        #expect(result.stdout.contains("diff"))
    }
}
