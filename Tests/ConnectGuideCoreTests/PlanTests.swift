import Foundation
import FuzzSupport
import Testing

@testable import ConnectGuideCore
@testable import ConnectGuideDocuments

@Suite("Step derivation")
struct PlanTests {
    @Test("all 39 valid combinations (and the 27 before 2026-11-18) give the spec's steps and cautions")
    func slotTable() {
        for version in [guide, guideBefore20261118] {
            for valid in version.validSelections {
                let plan = version.plan(for: valid)
                #expect(plan.steps.map(\.id) == specSteps(valid), "\(valid)")
                #expect(plan.breachedRecommendations.map(\.id.rawValue) == specRecommendations(valid), "\(valid)")
                #expect(plan.advisories.map(\.id) == specAdvisories(valid), "\(valid)")
                #expect(plan.callouts.map(\.id) == specCallouts(valid), "\(valid)")
                #expect(plan.cautions.map(\.id) == specRecommendations(valid) + specAdvisories(valid), "recommendations first")
                #expect(plan.apiVersion == version.apiVersion)
            }
        }
        for valid in guide.validSelections {
            let plan = guide.plan(for: valid)
            #expect(plan.steps.map(\.number) == Array(1...plan.steps.count))
            #expect(plan.steps.allSatisfy { (1...2).contains($0.links.count) })
            #expect(plan.steps.allSatisfy { $0.links.allSatisfy { $0.url.hasPrefix("https://docs.stripe.com/") } })
        }
    }

    @Test("hosted / full / direct / connected accounts / Stripe gives the page's five steps")
    func pageDefaultList() {
        let plan = guide.plan(for: selection("hosted", "full", "direct", "connectedAccounts", "stripe"))
        #expect(plan.steps.map(\.slot) == [1, 2, 3, 4, 6])
        #expect(plan.steps.map(\.id) == [
            "onboard-hosted", "charges-direct-accounts-pay", "dashboard-full", "liability-stripe", "payouts-standard",
        ])
        #expect(plan.steps[0].links.map(\.url) == [
            "https://docs.stripe.com/connect/onboarding/quickstart", "https://docs.stripe.com/connect/hosted-onboarding",
        ])
        #expect(plan.steps[2].links.first?.url == "https://docs.stripe.com/connect/stripe-dashboard")
        #expect(plan.steps[3].links.first?.url == "https://docs.stripe.com/connect/risk-management/managed-risk")
        #expect(plan.steps[4].links.first?.url == "https://docs.stripe.com/connect/payouts-connected-accounts")
        #expect(plan.requirementCollection == .stripe)
        #expect(plan.advisories.isEmpty)
        #expect(plan.callouts.map(\.id) == ["A12", "A7"])
        #expect(plan.legacyType?.name == "Standard")
    }

    @Test("API / none / direct / platform / platform gives the page's six steps")
    func pageAPIList() {
        let plan = guide.plan(for: selection("api", "none", "direct", "platform", "platform"))
        #expect(plan.steps.map(\.slot) == [1, 2, 3, 4, 5, 6])
        #expect(plan.steps.map(\.id) == [
            "onboard-api", "charges-direct-platform-pays", "dashboard-none", "liability-platform",
            "requirement-updates-api", "payouts-api",
        ])
        #expect(plan.steps[0].links.first?.url == "https://docs.stripe.com/connect/api-onboarding")
        #expect(plan.steps[4].links.first?.url == "https://docs.stripe.com/connect/handle-verification-updates")
        #expect(plan.steps[5].links.first?.url == "https://docs.stripe.com/connect/payouts-bank-accounts")
        #expect(plan.requirementCollection == .application)
        #expect(plan.advisories.map(\.id) == ["A1", "A4", "A5"])
        #expect(plan.legacyType?.name == "Custom")
    }

    @Test("no step says Stripe covers the losses of destination charges or separate charges")
    func noFalseLiabilityPromise() {
        for valid in guide.validSelections where valid[.chargeType] != "direct" {
            let step = guide.plan(for: valid).steps.first { $0.slotID == "negative-balances" }
            #expect(step?.text.contains("covers negative balances caused by business risk") == false, "\(valid)")
            if valid[.liability] == "stripe" { #expect(step?.text.contains("your platform") == true, "\(valid)") }
        }
    }

    @Test("account configuration follows the spec's API mapping on every valid combination")
    func configuration() {
        for valid in guide.validSelections {
            let plan = guide.plan(for: valid)
            let v1 = Dictionary(uniqueKeysWithValues: plan.configuration(for: .v1).parameters.map { ($0.name, $0.value.description) })
            #expect(v1["controller[stripe_dashboard][type]"] == valid[.dashboard].rawValue)
            #expect(v1["controller[fees][payer]"] == (valid[.fees] == "platform" ? "application" : "account"))
            #expect(v1["controller[losses][payments]"] == (valid[.liability] == "platform" ? "application" : "stripe"))
            #expect(v1["controller[requirement_collection]"] == plan.requirementCollection.rawValue)
            #expect(v1["capabilities[transfers][requested]"] == "true")
            // Capabilities follow the charges (guide.md section 6): card payments for direct
            // charges, and for destination charges made on_behalf_of the account (the variant).
            let platformCollects = plan.requirementCollection == .application
            let direct = valid[.chargeType] == "direct"
            #expect(v1["capabilities[card_payments][requested]"] == (direct ? "true" : nil))
            let v1Variant = plan.configuration(for: .v1).onBehalfOf.map(\.name)
            #expect(v1Variant == (valid[.chargeType] == "destination" ? ["capabilities[card_payments][requested]"] : []))
            #expect(v1["country"] == (platformCollects ? "$ACCOUNT_COUNTRY" : nil))
            #expect(plan.configuration(for: .v1).parameters.map(\.name).count == Set(plan.configuration(for: .v1).parameters.map(\.name)).count)

            let v2 = Dictionary(uniqueKeysWithValues: plan.configuration(for: .v2).parameters.map { ($0.name, $0.value) })
            #expect(v2["dashboard"] == .string(valid[.dashboard].rawValue))
            #expect(v2["defaults.responsibilities.fees_collector"] == .string(valid[.fees] == "platform" ? "application" : "stripe"))
            #expect(v2["defaults.responsibilities.losses_collector"] == .string(valid[.liability] == "platform" ? "application" : "stripe"))
            #expect(v2["configuration.merchant.capabilities.card_payments.requested"] == (direct ? .bool(true) : nil))
            #expect(v2["configuration.recipient.capabilities.stripe_balance.stripe_transfers.requested"] == (direct ? nil : .bool(true)))
            #expect(v2.keys.allSatisfy { !$0.contains("requirement_collection") }, "v2 derives it; it is not settable")
            let v2Variant = plan.configuration(for: .v2).onBehalfOf.map(\.name)
            #expect(v2Variant == (valid[.chargeType] == "destination" ? ["configuration.merchant.capabilities.card_payments.requested"] : []))
        }
    }

    @Test("the JSON export has the documented shape")
    func jsonShape() throws {
        var partial = PartialSelection()
        partial[.onboarding] = "api"
        let completion = try guide.complete(partial).get()
        let text = guide.render(PlanReport(plan: guide.plan(for: completion.selection), implied: completion.implied), as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == planSchemaID)
        #expect(object["contentVersion"] as? String == guide.contentVersion)
        #expect((object["selection"] as? [String: String])?["dashboard"] == "none")
        #expect((object["steps"] as? [[String: Any]])?.count == 6)
        #expect((object["implied"] as? [[String: Any]])?.map { $0["property"] as? String } == ["dashboard", "fees", "liability"])
        let configuration = try #require(object["accountConfiguration"] as? [String: Any])
        let v1 = try #require((configuration["v1"] as? [String: Any])?["parameters"] as? [String: Any])
        #expect(v1["controller[requirement_collection]"] as? String == "application")
        #expect((v1["country"] as? [String: String])?["placeholder"] == "ACCOUNT_COUNTRY")
        #expect(object["stripeVersion"] as? String == "2026-11-18.endive")
        #expect((object["callouts"] as? [[String: Any]])?.map { $0["id"] as? String } == ["A12", "A7"])
        // API onboarding with direct charges goes against N4 (Stripe liability with direct charges).
        #expect((object["recommendations"] as? [[String: Any]])?.map { $0["id"] as? String } == ["N4"])
        let v2 = try #require((configuration["v2"] as? [String: Any])?["body"] as? [String: Any])
        #expect((((v2["defaults"] as? [String: Any])?["responsibilities"]) as? [String: String])?["losses_collector"] == "application")
        #expect(object["url"] as? String == guide.url(for: completion.selection))
    }

    @Test("text and Markdown exports carry every step title and link", arguments: [PlanFormat.text, .markdown])
    func documentExports(format: PlanFormat) {
        for valid in guide.validSelections {
            let plan = guide.plan(for: valid)
            let document = guide.render(PlanReport(plan: plan), as: format)
            for step in plan.steps {
                #expect(document.contains(step.title))
                for link in step.links { #expect(document.contains(link.url)) }
            }
            #expect(document.contains(plan.url))
        }
    }
}

@Suite("Text wrapping")
struct WrapTests {
    @Test("lines break at spaces and never exceed the width")
    func wrapsAtSpaces() {
        let lines = wrap("the quick brown fox jumps over the lazy dog", width: 10)
        #expect(lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
    }

    @Test("a word wider than the line is cut, and wide characters count by their width")
    func longWordsAndWideCharacters() {
        #expect(wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        let wide = wrap("日本語のテキスト", width: 6) { $0.isASCII ? 1 : 2 }
        #expect(wide == ["日本語", "のテキ", "スト"])
        #expect(wrap("", width: 5) == [""])
        #expect(wrap("a\n\nb", width: 5) == ["a", "", "b"])
    }

    @Test("the fast ways (bytes for ASCII, scalars for single-scalar text) give exactly the lines of the general line breaker")
    func fastWaysAgree() {
        var random = SeededGenerator(seed: fuzzSeed(0x5EED))
        // Spaces runs, line breaks, long words, two-byte and three-byte scalars, and ones
        // the measure counts as zero or two columns.
        let pieces = ["a", "bc", "word", "longerwordthanline", " ", "  ", "\n", "é", "→", "─", "·", "⌚", "\u{00AD}", "x→y", "é→"]
        let measures: [(Character) -> Int] = [
            { _ in 1 },
            { $0 == "⌚" ? 2 : $0 == "\u{00AD}" ? 0 : 1 },
        ]
        for _ in 0..<fuzzIterations(2_000) {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let width = Int.random(in: 1...12, using: &random)
            for measure in measures {
                #expect(wrap(text, width: width, displayWidth: measure) == breakLines(text, width: width, displayWidth: measure),
                    "\(text.debugDescription) at \(width)")
            }
        }
    }
}
