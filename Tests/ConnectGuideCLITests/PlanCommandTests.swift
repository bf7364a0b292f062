import Foundation
import Testing

@Suite("connect-guide plan")
struct PlanCommandTests {
    @Test("--onboarding api --format json prints the six-step plan with application requirement collection")
    func apiJSON() throws {
        let result = try run(["plan", "--onboarding", "api", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "JSON reports implied changes in a field, not on stderr")
        let plan = try parseJSON(result.stdout)
        #expect((plan["steps"] as? [[String: Any]])?.count == 6)
        let v1 = ((plan["accountConfiguration"] as? [String: Any])?["v1"] as? [String: Any])?["parameters"] as? [String: Any]
        #expect(v1?["controller[requirement_collection]"] as? String == "application")
        #expect((plan["implied"] as? [[String: Any]])?.count == 3)
    }

    @Test("text output reports what the rules implied on stderr, and the plan on stdout")
    func impliedOnStderr() throws {
        let result = try run(["plan", "--onboarding", "api"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("6. "))
        #expect(result.stderr.contains("Dashboard access set to None"))
        #expect(result.stderr.contains("R1"))
    }

    @Test("page values work as aliases")
    func aliases() throws {
        let result = try run(["plan", "--fees", "buy-rate", "--dashboard", "express", "--format", "json"])
        #expect(result.status == 0)
        let selection = try parseJSON(result.stdout)["selection"] as? [String: String]
        #expect(selection?["fees"] == "platform")
        #expect(selection?["dashboard"] == "express")
    }

    @Test("--from-url with each real URL gives that selection, and its URL round-trips", arguments: [
        "https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=api&connect-dashboard-type=none&connect-economic-model=buy-rate&connect-loss-liability-owner=platform&connect-charge-type=direct",
        "https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=hosted&connect-dashboard-type=full&connect-economic-model=revshare&connect-loss-liability-owner=stripe&connect-charge-type=direct",
        "https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=embedded&connect-dashboard-type=none&connect-economic-model=buy-rate&connect-loss-liability-owner=platform&connect-charge-type=destination",
    ])
    func fromURL(url: String) throws {
        let result = try run(["plan", "--from-url", url, "--format", "json"])
        #expect(result.status == 0)
        let plan = try parseJSON(result.stdout)
        #expect(plan["url"] as? String == url)
        #expect((plan["implied"] as? [Any])?.isEmpty == true)
    }

    @Test("contradictory choices exit 2 naming the rules and the nearest valid choices")
    func contradiction() throws {
        let result = try run(["plan", "--onboarding", "api", "--dashboard", "full"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("R1"))
        #expect(result.stderr.contains("R2"))
        #expect(result.stderr.contains("nearest valid choices"))
        #expect(result.stderr.contains("--onboarding api --dashboard none"))
    }

    @Test("an unknown value exits 2 and lists the valid ones")
    func unknownValue() throws {
        let result = try run(["plan", "--dashboard", "fancy"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("full, express, none"))
    }

    @Test("an unknown format or flag exits 2, not the parser's 64")
    func badUsage() throws {
        #expect(try run(["plan", "--format", "pdf"]).status == 2)
        #expect(try run(["plan", "--colour"]).status == 2)
    }

    @Test("a foreign URL exits 2 and says what was expected")
    func foreignURL() throws {
        let result = try run(["plan", "--from-url", "https://example.com/?connect-onboarding-surface=api"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("docs.stripe.com"))
    }

    @Test("the binary works from any directory")
    func anyDirectory() throws {
        let result = try run(["plan", "--format", "markdown"], directory: URL(fileURLWithPath: "/"))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# "))
    }
}
