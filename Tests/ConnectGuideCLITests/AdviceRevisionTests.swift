import Foundation
import Testing

/// The revised advice (guide.md's latest revision), as a user of the CLI sees it.
@Suite("Advice: refunds, capabilities, API versions, N4")
struct AdviceRevisionTests {
    static let destination = ["--onboarding", "hosted", "--dashboard", "express", "--charge-type", "destination", "--fees", "platform", "--liability", "platform"]
    static let separate = ["--onboarding", "hosted", "--dashboard", "express", "--charge-type", "separate", "--fees", "platform", "--liability", "platform"]

    @Test("separate charges and transfers: reverse each transfer, no reverse_transfer; destination charges keep it")
    func refunds() throws {
        let separate = try run(["plan"] + Self.separate)
        #expect(separate.status == 0, "\(separate.stderr)")
        #expect(!separate.stdout.contains("reverse_transfer=true"))
        #expect(separate.stdout.contains("Transfer Reversals API"))
        #expect(separate.stdout.contains("https://docs.stripe.com/api/transfer_reversals"))
        #expect(separate.stdout.contains("there is no application fee"))
        let destination = try run(["plan"] + Self.destination)
        #expect(destination.stdout.contains("reverse_transfer=true"))
        #expect(!destination.stdout.contains("`"), "text shows code without Markdown's backticks")
        #expect(!destination.stdout.contains("no application fee"))
    }

    @Test("a --stripe-version that names no real version exits 2 and names the nearest known ones", arguments: [
        ("2030-01-01", "newest Stripe API version the guide knows, 2026-11-18.endive"),
        ("2026-10-28.clover", "the release of 2026-10-28 is 2026-10-28.endive"),
        ("2026-10-01", "the nearest are 2026-09-30.endive and 2026-10-28.endive"),
        ("2021-01-01", "oldest Stripe API version the guide knows, 2023-08-16"),
    ])
    func unknownVersions(version: String, message: String) throws {
        let result = try run(["config", "--api", "v1", "--format", "curl", "--stripe-version", version])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("a date is completed with its release name, everywhere it is shown and sent")
    func completedVersion() throws {
        let curl = try run(["config", "--api", "v1", "--format", "curl", "--stripe-version", "2026-10-28"])
        #expect(curl.status == 0)
        #expect(curl.stdout.contains("-H 'Stripe-Version: 2026-10-28.endive'"))
        let plan = try run(["plan", "--stripe-version", "2026-10-28"])
        #expect(plan.stdout.contains("Rules of Stripe API version 2026-10-28.endive"))
        let preview = try run(["plan", "--stripe-version", "2026-07-29.preview"])
        #expect(preview.status == 0)
        #expect(preview.stderr.contains("note: 2026-07-29.preview is a preview version"))
        #expect(preview.stdout.contains("Rules of Stripe API version 2026-07-29.preview"))
        let options = try parseJSON(try run(["options", "--format", "json"]).stdout)
        #expect((options["knownStripeVersions"] as? [String])?.last == "2026-11-18.endive")
    }

    @Test("v1 requests what the charges need: transfers only for separate charges and transfers")
    func capabilities() throws {
        let result = try run([
            "config", "--api", "v1", "--onboarding", "api", "--dashboard", "none", "--charge-type", "separate", "--fees", "platform",
            "--liability", "platform",
        ])
        let parameters = try #require(try parseJSON(result.stdout)["parameters"] as? [String: Any])
        #expect(parameters["capabilities[transfers][requested]"] as? String == "true")
        #expect(parameters["capabilities[card_payments][requested]"] == nil)
        let v2 = try parseJSON(try run(["config", "--api", "v2", "--onboarding", "api", "--charge-type", "separate"]).stdout)
        let configuration = (v2["body"] as? [String: Any])?["configuration"] as? [String: Any]
        #expect(configuration?.keys.sorted() == ["recipient"])
    }

    @Test("every output that shows requests shows the on_behalf_of variant for destination charges", arguments: [
        (["plan", "--format", "text"], "with on_behalf_of, also: capabilities[card_payments][requested]=true"),
        (["plan", "--format", "text"], "with on_behalf_of, also: configuration.merchant.capabilities.card_payments.requested=true"),
        (["plan", "--format", "markdown"], "with on_behalf_of, also: capabilities[card_payments][requested]=true"),
        (["plan", "--format", "prompt"], "`capabilities[card_payments][requested]=true`"),
        (["plan", "--format", "prompt"], "`configuration.merchant.capabilities.card_payments.requested=true`"),
        (["config", "--api", "v1", "--format", "curl"], "#   -d 'capabilities[card_payments][requested]=true'"),
        (["config", "--api", "v2", "--format", "curl"], "#   configuration.merchant.capabilities.card_payments.requested=true in the body"),
    ])
    func onBehalfOf(command: [String], expected: String) throws {
        let result = try run(command + Self.destination)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(expected), "\(result.stdout)")
        let direct = try run(command + ["--preset", "saas-dashboard"])
        #expect(!direct.stdout.contains("on_behalf_of, also"))
    }

    @Test("JSON documents carry the on_behalf_of variant as data")
    func onBehalfOfJSON() throws {
        let plan = try parseJSON(try run(["plan", "--format", "json"] + Self.destination).stdout)
        let v1 = (plan["accountConfiguration"] as? [String: Any])?["v1"] as? [String: Any]
        let adds = (v1?["onBehalfOf"] as? [String: Any])?["adds"] as? [String: Any]
        #expect(adds?["capabilities[card_payments][requested]"] as? String == "true")
        let config = try parseJSON(try run(["config", "--api", "v2"] + Self.destination).stdout)
        let merchant = (((config["onBehalfOf"] as? [String: Any])?["adds"] as? [String: Any])?["configuration"] as? [String: Any])?["merchant"]
        #expect(merchant != nil)
        let direct = try parseJSON(try run(["plan", "--format", "json", "--preset", "saas-dashboard"]).stdout)
        #expect(((direct["accountConfiguration"] as? [String: Any])?["v1"] as? [String: Any])?["onBehalfOf"] is NSNull)
    }

    @Test("N4: platform liability with direct charges is a caution, listed first; no preset goes against any recommendation")
    func n4() throws {
        let plan = try parseJSON(try run([
            "plan", "--format", "json", "--onboarding", "hosted", "--dashboard", "none", "--charge-type", "direct", "--fees", "platform",
            "--liability", "platform",
        ]).stdout)
        #expect((plan["recommendations"] as? [[String: Any]])?.map { $0["id"] as? String } == ["N4"])
        let text = try run(["plan", "--onboarding", "hosted", "--dashboard", "none", "--charge-type", "direct", "--fees", "platform", "--liability", "platform"])
        let cautions = try #require(text.stdout.range(of: "Cautions"))
        #expect(text.stdout[cautions.upperBound...].contains("N4 · Stripe liability is recommended with direct charges"))
        for preset in ["saas-dashboard", "saas-embedded", "marketplace", "marketplace-embedded", "multi-party-marketplace", "api-onboarding"] {
            let document = try parseJSON(try run(["plan", "--format", "json", "--preset", preset]).stdout)
            #expect((document["recommendations"] as? [[String: Any]])?.isEmpty == true, "\(preset)")
        }
        let api = try parseJSON(try run(["plan", "--format", "json", "--preset", "api-onboarding"]).stdout)
        #expect((api["selection"] as? [String: String])?["chargeType"] == "destination")
    }

    @Test("only presets that match Stripe's recommended settings say Stripe recommends them")
    func presetsThatStripeRecommends() throws {
        let options = try parseJSON(try run(["options", "--format", "json"]).stdout)
        let presets = try #require(options["presets"] as? [[String: Any]])
        let recommended = presets.filter { $0["stripeRecommends"] as? Bool == true }.map { $0["id"] as? String }
        #expect(recommended == ["saas-dashboard", "saas-embedded", "marketplace", "marketplace-embedded", "multi-party-marketplace"])
        let text = try run(["options"]).stdout
        #expect(text.contains("api-onboarding  Platform that owns onboarding (API)\n"))
        #expect(text.contains("marketplace  Marketplace, Express Dashboard *\n"))
    }
}
