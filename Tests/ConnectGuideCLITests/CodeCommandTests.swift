import Foundation
import Testing

@Suite("connect-guide code")
struct CodeCommandTests {
    @Test("the marketplace quickstart makes the account, account link, destination charge and login link calls, in order")
    func marketplaceOrder() throws {
        let python = try run(["code", "--lang", "python", "--api", "v1", "--preset", "marketplace"])
        #expect(python.status == 0, "\(python.stderr)")
        let calls = ["client.v1.accounts.create(", "client.v1.account_links.create(", "client.v1.payment_intents.create(", "client.v1.accounts.login_links.create("]
        let positions = calls.map { python.stdout.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(python.stdout)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(python.stdout.contains("\"transfer_data\": {\n            \"destination\": account.id,"))
        #expect(python.stdout.contains("stripe_version=\"2026-11-18.endive\""))
        let curl = try run(["code", "--lang", "curl", "--preset", "marketplace", "--api", "v2"])
        #expect(curl.status == 0)
        #expect(curl.stdout.contains("/v2/core/accounts\""))
        #expect(curl.stdout.contains("-H 'Stripe-Version: 2026-11-18.endive'"))
    }

    @Test("a live key or no key is refused with the reason, before anything is sent; the key is never printed")
    func refusesLiveKeys() throws {
        let script = try run(["code", "--lang", "python", "--preset", "marketplace"]).stdout
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("connect-guide-code-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("q.py")
        try script.write(to: file, atomically: true, encoding: .utf8)
        for (key, reason) in [("sk_live_x", "is a live key"), ("rk_live_x", "is a live key"), ("", "set STRIPE_SECRET_KEY")] {
            let result = try run([file.path], environment: ["STRIPE_SECRET_KEY": key, "STRIPE_API_BASE": "http://127.0.0.1:9"], executable: "/usr/bin/python3")
            #expect(result.status == 1)
            #expect(result.stderr.contains(reason), "\(result.stderr)")
            #expect(key.isEmpty || !(result.stdout + result.stderr).contains(key))
        }
        let shell = try run(["code", "--lang", "curl", "--preset", "marketplace"]).stdout
        let result = try run(["-c", shell], environment: ["STRIPE_SECRET_KEY": "sk_live_x"], executable: "/bin/bash")
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a live key"))
        #expect(!(result.stdout + result.stderr).contains("sk_live_x"))
    }

    @Test("--step N prints one step; --output picks the language by extension and needs --force to replace")
    func stepAndOutput() throws {
        let step = try run(["code", "--preset", "marketplace", "--step", "2"])
        #expect(step.status == 0)
        #expect(step.stdout.contains("# Step 2. "))
        #expect(step.stdout.contains("payment_intents.create("))
        #expect(!step.stdout.contains("accounts.create("))
        let dashboard = try run(["code", "--preset", "saas-dashboard", "--step", "3", "--lang", "curl"])
        #expect(dashboard.stdout.contains("No API call"), "\(dashboard.stdout)")
        let missing = try run(["code", "--preset", "marketplace", "--step", "9"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--step 9: the plan has steps 1 to"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("connect-guide-code-out-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("quickstart.sh").path
        #expect(try run(["code", "--preset", "marketplace", "--output", target]).status == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("#!/usr/bin/env bash"))
        let again = try run(["code", "--preset", "marketplace", "--output", target])
        #expect(again.status == 2)
        #expect(try run(["code", "--preset", "marketplace", "--output", target, "--force", "--lang", "python"]).status == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("#!/usr/bin/env python3"))
    }
}
