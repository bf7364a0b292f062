import Foundation
import Testing

/// Recommendations that warn instead of block, the Stripe API version as an input, and the
/// page's callouts and scope in every output (issue: advice you can build on).
@Suite("Advice: recommendations, API versions, callouts")
struct AdviceCommandTests {
    @Test("what Stripe advises against exits 0 and names the recommendations with their sources")
    func recommendationsWarn() throws {
        let result = try run(["plan", "--charge-type", "destination", "--fees", "connected-accounts", "--dashboard", "full"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("! N1 · Platform fees are recommended with destination charges"))
        #expect(result.stdout.contains("! N3 · Direct charges are recommended for accounts with the Stripe Dashboard"))
        #expect(result.stdout.contains("https://docs.stripe.com/connect/configuration-migration-guide"))
        #expect(result.stdout.contains("https://docs.stripe.com/connect/integration-recommendations"))
        // Recommendations come first among the cautions.
        let cautions = try #require(result.stdout.range(of: "Cautions (N: Stripe's recommendations you go against, A: advisories)\n"))
        let after = result.stdout[cautions.upperBound...]
        #expect(after.hasPrefix("  ! N1 · "))
    }

    @Test("N2 for Stripe liability with destination charges, and no step promises Stripe covers them")
    func stripeLiabilityIndirect() throws {
        let result = try run([
            "plan", "--onboarding", "embedded", "--dashboard", "none", "--charge-type", "destination", "--fees", "platform",
            "--liability", "stripe", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try parseJSON(result.stdout)
        #expect((plan["recommendations"] as? [[String: Any]])?.map { $0["id"] as? String } == ["N2"])
        let steps = try #require(plan["steps"] as? [[String: Any]])
        let liability = try #require(steps.first { $0["slotId"] as? String == "negative-balances" })
        let text = try #require(liability["text"] as? String)
        #expect(!text.contains("covers negative balances caused by business risk"))
        #expect(text.contains("your platform still covers the negative balances"))
        #expect((plan["callouts"] as? [[String: Any]])?.map { $0["id"] as? String } == ["A12", "A7", "A8"])
    }

    @Test("Express with Stripe liability: fine by default, R3 and 2026-11-18 named with an older version")
    func expressStripeLiability() throws {
        let newest = try run(["plan", "--dashboard", "express", "--liability", "stripe"])
        #expect(newest.status == 0, "\(newest.stderr)")
        #expect(newest.stdout.contains("Rules of Stripe API version 2026-11-18.endive"))
        let older = try run(["plan", "--dashboard", "express", "--liability", "stripe", "--stripe-version", "2026-10-28"])
        #expect(older.status == 2)
        #expect(older.stdout.isEmpty)
        #expect(older.stderr.contains("R3"))
        #expect(older.stderr.contains("2026-11-18"))
        #expect(older.stderr.contains("2026-10-28"))
    }

    @Test("a malformed --stripe-version exits 2 and lists the rule changes the guide knows", arguments: [
        ["plan"], ["url"], ["config"], ["options"], ["diff", "--"], [],
    ])
    func malformedVersion(command: [String]) throws {
        let result = try run(command + ["--stripe-version", "next-week"], stdin: "")
        #expect(result.status == 2)
        #expect(result.stderr.contains("\"next-week\" is not a Stripe API version"))
        #expect(result.stderr.contains("2025-12-15.clover"))
        #expect(result.stderr.contains("2026-11-18.endive: Express accounts"))
    }

    @Test("the version in force is in every format", arguments: [
        (["plan"], "Rules of Stripe API version 2025-12-15.clover"),
        (["plan", "--format", "markdown"], "Rules of Stripe API version 2025-12-15.clover (the newest this guide knows is 2026-11-18.endive)."),
        (["plan", "--format", "json"], "\"stripeVersion\": \"2025-12-15.clover\""),
        (["plan", "--format", "prompt"], "target Stripe API version 2025-12-15.clover"),
        (["options"], "Rules of Stripe API version 2025-12-15.clover"),
        (["options", "--format", "json"], "\"stripeVersion\": \"2025-12-15.clover\""),
        (["diff", "--stripe-version", "2025-12-15.clover", "--", "--onboarding", "api"], "Both follow the rules of Stripe API version 2025-12-15.clover"),
        (["diff", "--format", "json", "--", "--onboarding", "api"], "\"stripeVersion\": \"2025-12-15.clover\""),
        (["config"], "\"stripeVersion\": \"2025-12-15.clover\""),
        (["config", "--format", "curl"], "-H 'Stripe-Version: 2025-12-15.clover'"),
        (["config", "--format", "curl", "--api", "v2"], "-H 'Stripe-Version: 2025-12-15.clover'"),
    ])
    func versionEverywhere(arguments: [String], expected: String) throws {
        let result = try run(arguments + ["--stripe-version", "2025-12-15.clover"])
        // diff exits 1 when the plans differ, as diff(1) does.
        #expect(result.status == (arguments.first == "diff" ? 1 : 0), "\(result.stderr)")
        #expect(result.stdout.contains(expected))
    }

    @Test("the two sides of diff may follow different versions")
    func diffAcrossVersions() throws {
        let result = try run(["diff", "--stripe-version", "2026-10-28", "--", "--dashboard", "express", "--liability", "stripe"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("A follows the rules of Stripe API version 2026-10-28.endive, B those of 2026-11-18.endive"))
    }

    @Test("Accounts v2 before 2025-12-15.clover is refused with the reason")
    func v2NeedsClover() throws {
        let result = try run(["config", "--api", "v2", "--stripe-version", "2025-06-30.basil"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Accounts v2 needs Stripe API version 2025-12-15.clover or later"))
        let v1 = try run(["config", "--api", "v1", "--stripe-version", "2025-06-30.basil"])
        #expect(v1.status == 0)
        let plan = try run(["plan", "--stripe-version", "2025-06-30.basil"])
        #expect(plan.stdout.contains("Accounts v2 needs Stripe API version 2025-12-15.clover or later"))
    }

    @Test("the page's callouts are in every document", arguments: ["text", "markdown", "json", "prompt"])
    func callouts(format: String) throws {
        let defaults = try run(["plan", "--format", format])
        #expect(defaults.stdout.contains("The dashboard type and the fee payer are permanent"))
        #expect(defaults.stdout.contains("This page is for platforms already on Accounts v1"))
        // Text shows code without Markdown's backticks.
        let code = format == "text" ? "account_update" : "`account_update`"
        #expect(!defaults.stdout.contains("Account Links of type \(code) can only be created"))
        let embedded = try run(["plan", "--format", format, "--onboarding", "embedded", "--dashboard", "none"])
        #expect(embedded.stdout.contains("The dashboard type and the fee payer are permanent"))
        #expect(embedded.stdout.contains("Account Links of type \(code) can only be created"))
    }

    @Test("text names who collects requirements in words, not ids")
    func noRawIDs() throws {
        let result = try run(["plan", "--onboarding", "api"])
        #expect(result.stdout.contains("Requirement collection      Your platform"))
        #expect(!result.stdout.contains("Requirement collection      application"))
        let defaults = try run(["plan"])
        #expect(defaults.stdout.contains("Requirement collection      Stripe\n"))
    }

    @Test("legacy types are compared, never claimed")
    func legacyWording() throws {
        let express = try run(["plan", "--dashboard", "express", "--fees", "platform", "--liability", "platform"])
        #expect(express.stdout.contains("like the former Express account type, except that"))
        #expect(express.stdout.contains("application_express"))
        #expect(!express.stdout.contains("called a Express"))
    }

    @Test("the Custom-like v1 request asks for the country, and curl stops while it is unset")
    func country() throws {
        let curl = try run(["config", "--format", "curl", "--onboarding", "api"])
        #expect(curl.status == 0)
        #expect(curl.stdout.contains("-d \"country=${ACCOUNT_COUNTRY:?set ACCOUNT_COUNTRY first}\""))
        #expect(curl.stdout.contains("Set ACCOUNT_COUNTRY to the account's two-letter country code"))
        // The shell refuses to run the request with the variable unset, so nothing is sent.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "unset ACCOUNT_COUNTRY; curl() { echo ran; }; " + curl.stdout]
        let output = Pipe()
        shell.standardOutput = output
        shell.standardError = Pipe()
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus != 0)
        #expect(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).isEmpty)
    }

    @Test("--preset starts from a common setup; flags override it and the rules move the rest")
    func preset() throws {
        let plain = try parseJSON(try run(["plan", "--preset", "marketplace", "--format", "json"]).stdout)
        #expect(plain["selection"] as? [String: String] == [
            "onboarding": "hosted", "dashboard": "express", "chargeType": "destination", "fees": "platform", "liability": "platform",
        ])
        #expect((plain["recommendations"] as? [Any])?.isEmpty == true)
        let changed = try run(["plan", "--preset", "marketplace", "--dashboard", "full", "--format", "json"])
        #expect(changed.status == 0, "\(changed.stderr)")
        let selection = try parseJSON(changed.stdout)["selection"] as? [String: String]
        #expect(selection?["dashboard"] == "full")
        #expect(selection?["liability"] == "stripe", "R2 moves the preset's liability")
        let unknown = try run(["plan", "--preset", "bazaar"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("valid values: saas-dashboard, saas-embedded, marketplace"))
        let options = try parseJSON(try run(["options", "--format", "json"]).stdout)
        #expect((options["presets"] as? [[String: Any]])?.count == 6)
    }

    @Test("--help and the prompt say what the page covers and where Accounts v2 fits")
    func scope() throws {
        var help = try run(["--help"])
        help = RunResult(status: help.status, stdout: help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " "), stderr: help.stderr)
        #expect(help.stdout.contains("Accounts v1"))
        #expect(help.stdout.contains("https://docs.stripe.com/connect/interactive-platform-guide"))
        #expect(help.stdout.contains("changes nothing in your Stripe account"))
        #expect(help.stdout.contains("--stripe-version"))
        let prompt = try run(["plan", "--format", "prompt"])
        #expect(prompt.stdout.contains("applies to existing platforms on the Accounts v1 API"))
        #expect(prompt.stdout.contains("Accounts v2, `POST /v2/core/accounts`, with the header `Stripe-Version: 2026-11-18.endive`"))
        #expect(prompt.stdout.contains("Below are my choices, the integration steps they lead to, the cautions that apply and the request that creates each connected account."))
        #expect(prompt.stdout.contains("## Cautions for this combination"))
    }
}

/// The content compiler that the build runs on Assets/ (Plugins/CompileContent).
@Suite("Content compiled at build time")
struct ContentCompilerTests {
    /// Runs the compiler on a copy of Assets/ with one file changed.
    func compile(editing name: String, _ edit: (String) -> String) throws -> (status: Int32, stderr: String, output: String?) {
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("assets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: checkout.appendingPathComponent("Assets"), to: copy)
        let file = copy.appendingPathComponent(name)
        try edit(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        let outputDirectory = copy.appendingPathComponent("generated")
        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        let output = outputDirectory.appendingPathComponent("BundledGuide.swift")
        let process = Process()
        process.executableURL = binaryURL.deletingLastPathComponent().appendingPathComponent("content-compiler")
        process.arguments = [copy.path, outputDirectory.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr, try? String(contentsOf: output, encoding: .utf8))
    }

    @Test("an unknown option id fails the build step, naming the file, the place and the problem")
    func unknownOption() throws {
        let result = try compile(editing: "rules.json") {
            $0.replacingOccurrences(of: "\"then\": {\n        \"dashboard\": [\n          \"none\"", with: "\"then\": {\n        \"dashboard\": [\n          \"nowhere\"")
        }
        #expect(result.status == 1)
        #expect(result.output == nil, "nothing is written")
        #expect(result.stderr.contains("rules.json: error: Assets/rules.json: at rules[0].then.dashboard: unknown value \"nowhere\""))
    }

    @Test("a link that is not on the allow-list fails the build")
    func unlistedLink() throws {
        let result = try compile(editing: "steps.json") {
            $0.replacingOccurrences(of: #""path": "/connect/hosted-onboarding""#, with: #""path": "/connect/made-up""#)
        }
        #expect(result.status == 1)
        #expect(result.stderr.contains("\"/connect/made-up\" is not in links.json"))
    }

    @Test("the binary holds no JSON parser and no content loader: it reads no JSON at run time")
    func noParserInBinary() throws {
        let bytes = [UInt8](try Data(contentsOf: binaryURL))
        func contains(_ text: String) -> Bool {
            let needle = Array(text.utf8)
            guard let first = needle.first else { return false }
            var index = bytes.startIndex
            while let found = bytes[index...].firstIndex(of: first) {
                if bytes[found...].starts(with: needle) { return true }
                index = found + 1
            }
            return false
        }
        // Symbol names (mangled, so the type names appear whole) and the parser's messages.
        for name in ["JSONParser", "JSONSyntaxError", "13ContentLoader", "ContentNode"] {
            #expect(!contains(name), "\(name) is in the binary")
        }
        // The check can see symbols at all: the document writer's type is there.
        #expect(contains("JSONValue"))
    }

    @Test("good content compiles to Swift source with the guide as literals")
    func compiles() throws {
        let result = try compile(editing: "guide.json") { $0 }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output?.contains("public static let bundled: Guide = makeBundledGuide()") == true)
        // The valid combinations of both rulesets (27 before 2026-11-18, 39 from it), precomputed.
        let selections = result.output?.components(separatedBy: "Selection(properties: propertyIDs, options:").count ?? 0
        #expect(selections - 1 == 27 + 39 + 6, "and the six presets")
    }
}
