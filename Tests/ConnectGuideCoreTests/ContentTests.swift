import Foundation
import ConnectGuideContent
import ContentLoader
import FuzzSupport
import Testing

@testable import ConnectGuideCore
import ConnectGuideDocuments

@Suite("Content files")
struct ContentTests {
    /// The bundled files as editable JSON, for breaking them on purpose.
    static func files(editing name: String, _ edit: (inout [String: Any]) -> Void) throws -> ContentFiles {
        var files = ContentFiles.assets
        var object = try #require(try JSONSerialization.jsonObject(with: Data(files.files[name]!)) as? [String: Any])
        edit(&object)
        files.files[name] = Array(try JSONSerialization.data(withJSONObject: object))
        return files
    }

    static func loadError(_ files: ContentFiles) -> ContentError? {
        do {
            _ = try Guide(files: files)
            return nil
        } catch {
            return error
        }
    }

    @Test("the guide compiled at build time is the one Assets/ gives at run time, plan for plan")
    func compiledMatchesAssets() throws {
        let loaded = try Guide(files: .assets)
        #expect(guide.renderOptions(as: .json) == loaded.renderOptions(as: .json))
        for version in ["2026-10-28", "2026-11-18.endive", "2025-01-01"] {
            let compiled = guide.at(StripeAPIVersion(version)!), fresh = loaded.at(StripeAPIVersion(version)!)
            #expect(compiled.validSelections == fresh.validSelections, "\(version)")
            for selection in compiled.allSelections {
                #expect(compiled.render(PlanReport(plan: compiled.plan(for: selection)), as: .json)
                    == fresh.render(PlanReport(plan: fresh.plan(for: selection)), as: .json))
            }
        }
        // The precomputed validity table covers every set of hard rules a version can put in force.
        #expect(Set(guide.validityTable.map(\.rules)) == Set(guide.rulesets.map { $0.map(\.id) }))
        #expect(guide.validityTable.count == 2)
    }

    @Test("the bundled content loads and is versioned")
    func bundledLoads() throws {
        let guide = try Guide(files: .assets)
        #expect(!guide.contentVersion.isEmpty)
        #expect(guide.properties.map(\.id) == [.onboarding, .dashboard, .chargeType, .fees, .liability])
        #expect(guide.slots.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(guide.allRules.map(\.id) == ["R1", "R2", "R3", "R4", "R6", "N1", "N2", "N3", "N4"])
        // A5 and A6 say one thing per charge type, so they come once per charge type.
        #expect(guide.advisories.map(\.id) == ["A12", "A7", "A8", "A1", "A2", "A4", "A5", "A5", "A5", "A6", "A6", "A9", "A10", "A11"])
        #expect(guide.advisories.filter(\.isCallout).map(\.id) == ["A12", "A7", "A8"])
        #expect(guide.knownAPIVersions.first?.description == "2023-08-16" && guide.newestAPIVersion.description == "2026-11-18.endive")
        #expect(guide.apiVersionChanges.map(\.version.description) == ["2025-12-15.clover", "2026-11-18.endive"])
    }

    @Test("labels, URL keys and values are the page's")
    func pageVocabulary() {
        let expected: [(PropertyID, String, String, [(String, String, String)])] = [
            (.onboarding, "Onboarding", "connect-onboarding-surface",
             [("hosted", "Stripe-hosted", "hosted"), ("embedded", "Embedded", "embedded"), ("api", "API", "api")]),
            (.dashboard, "Dashboard access", "connect-dashboard-type",
             [("full", "Stripe Dashboard", "full"), ("express", "Express Dashboard", "express"), ("none", "None", "none")]),
            (.chargeType, "Charge type", "connect-charge-type",
             [("direct", "Direct charges", "direct"), ("destination", "Destination charges", "destination"),
              ("separate", "Separate charges and transfers", "separate")]),
            (.fees, "Who pays Stripe fees", "connect-economic-model",
             [("connectedAccounts", "Your connected accounts", "revshare"), ("platform", "Your platform", "buy-rate")]),
            (.liability, "Negative balance liability", "connect-loss-liability-owner",
             [("stripe", "Stripe", "stripe"), ("platform", "Platform", "platform")]),
        ]
        for (id, label, key, options) in expected {
            let property = guide.property(id)
            #expect(property.label == label)
            #expect(property.urlKey == key)
            #expect(property.options.map { $0.id.rawValue } == options.map(\.0))
            #expect(property.options.map(\.label) == options.map(\.1))
            #expect(property.options.map(\.urlValue) == options.map(\.2))
        }
    }

    @Test("short labels and summaries fit the space the front ends give them")
    func lengths() {
        for property in guide.properties {
            #expect(property.shortLabel.count <= 18, "\(property.id)")
            for option in property.options {
                #expect(option.shortLabel.count <= 18, "\(option.id)")
                #expect(option.summary.count <= 70, "\(option.id)")
                #expect(!option.intro.isEmpty && !option.bestFor.isEmpty)
            }
        }
    }

    @Test("only API onboarding carries Stripe's strong recommendation callout among onboarding options")
    func recommendation() {
        let onboarding = guide.property(.onboarding)
        #expect(onboarding.option("api")?.recommendation?.isEmpty == false)
        #expect(onboarding.option("hosted")?.recommendation == nil)
    }

    @Test("section notes appear only where they apply")
    func conditionalNotes() {
        let liability = guide.property(.liability).section
        let embeddedStripe = selection("embedded", "none", "direct", "platform", "stripe")
        #expect(guide.notes(of: liability, for: embeddedStripe).contains { $0.contains("account_update") })
        #expect(!guide.notes(of: liability, for: guide.defaults).contains { $0.contains("account_update") })
        let api = selection("api", "none", "direct", "platform", "platform")
        #expect(guide.notes(of: guide.payouts, for: api).count == guide.notes(of: guide.payouts, for: guide.defaults).count + 1)
    }

    /// links.md in the shared spec lists the only links the app may use. CI lays shared/ beside
    /// the clone; where it is absent the check is skipped, and links.json remains the allow-list.
    static let linksSpec: String? = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try? String(contentsOf: repository.deletingLastPathComponent().appendingPathComponent("shared/spec/links.md"), encoding: .utf8)
    }()

    @Test("every link the content may use is listed in the shared links spec", .enabled(if: linksSpec != nil))
    func linksAreFromSpec() throws {
        let spec = try #require(Self.linksSpec)
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let confirmed = try String(contentsOf: repository.appendingPathComponent("docs/api-reference-links.md"), encoding: .utf8)
        for link in guide.links {
            // API reference pages: links.md allows them once confirmed; the list says where.
            let listed = spec.contains(link.path) || (link.path.hasPrefix("/api/") && confirmed.contains("| `\(link.path)` |"))
            #expect(listed, "\(link.path) is not in shared/spec/links.md or docs/api-reference-links.md")
            #expect(link.url == "https://docs.stripe.com" + link.path)
        }
    }

    @Test("broken content is reported with the file, the place and the problem", arguments: [
        ("rules.json", "rules[0].then.dashboard", "unknown value \"nowhere\""),
        ("guide.json", "properties[1].default", "\"sparkly\" is not one of this property's options"),
        ("steps.json", "slots[0].variants[0].links[0].path", "is not in links.json"),
        ("config.json", "v1.parameters[0]", "the field \"because\" is missing"),
        ("links.json", "links[1].path", "is listed twice"),
        ("rules.json", "advisories[0].when", "unknown facet \"weather\""),
        ("rules.json", "rules[1].kind", "unknown kind \"optional\""),
        ("rules.json", "rules[2].versions.before", "\"2026-11-31\" is not a Stripe API version"),
        ("rules.json", "rules[3].sources", "a rule needs at least one Stripe docs source"),
        ("rules.json", "rules[4].sources[0]", "is not in links.json"),
    ])
    func brokenContent(file: String, place: String, problem: String) throws {
        let files = try Self.files(editing: file) { object in
            switch (file, place) {
            case ("rules.json", "rules[0].then.dashboard"):
                var rules = object["rules"] as! [[String: Any]]
                rules[0]["then"] = ["dashboard": ["nowhere"]]
                object["rules"] = rules
            case ("rules.json", let place) where place.hasPrefix("rules["):
                var rules = object["rules"] as! [[String: Any]]
                switch place {
                case "rules[1].kind": rules[1]["kind"] = "optional"
                case "rules[2].versions.before": rules[2]["versions"] = ["before": "2026-11-31"]
                case "rules[3].sources": rules[3]["sources"] = [String]()
                default: rules[4]["sources"] = ["/connect/somewhere-unverified"]
                }
                object["rules"] = rules
            case ("guide.json", _):
                var properties = object["properties"] as! [[String: Any]]
                properties[1]["default"] = "sparkly"
                object["properties"] = properties
            case ("steps.json", _):
                var slots = object["slots"] as! [[String: Any]]
                var variants = slots[0]["variants"] as! [[String: Any]]
                variants[0]["links"] = [["label": "Nowhere", "path": "/connect/made-up-page"]]
                slots[0]["variants"] = variants
                object["slots"] = slots
            case ("config.json", _):
                var v1 = object["v1"] as! [String: Any]
                var parameters = v1["parameters"] as! [[String: Any]]
                parameters[0].removeValue(forKey: "because")
                v1["parameters"] = parameters
                object["v1"] = v1
            case ("links.json", _):
                var links = object["links"] as! [[String: Any]]
                links[1] = links[0]
                object["links"] = links
            default:
                var advisories = object["advisories"] as! [[String: Any]]
                advisories[0]["when"] = ["weather": ["rain"]]
                object["advisories"] = advisories
            }
        }
        let error = try #require(Self.loadError(files))
        #expect(error.file == file)
        #expect(error.place.hasPrefix(place), "\(error)")
        #expect(error.problem.contains(problem), "\(error)")
        #expect(error.description.hasPrefix("Assets/\(file): at "))
    }

    @Test("a file that is not JSON at all names the file and says so")
    func notJSON() throws {
        var files = ContentFiles.assets
        files.files["steps.json"] = Array("{ \"slots\": [ oops".utf8)
        let error = try #require(Self.loadError(files))
        #expect(error.file == "steps.json")
        #expect(error.problem.hasPrefix("not valid JSON"))
        var incomplete = ContentFiles.assets
        incomplete.files.removeValue(forKey: "links.json")
        #expect(Self.loadError(incomplete)?.description == "Assets/links.json: at top level: the file is missing")
    }
}

extension ContentTests {
    /// Random input, bounded for CI; FUZZ_ITERATIONS runs longer (README, Development).
    @Suite("Fuzz: content files")
    struct Fuzz {
        @Test("random byte mutations of the content files never crash the loader; errors name the file and place")
        func mutations() {
            var random = SeededGenerator(seed: fuzzSeed(7))
            for _ in 0..<fuzzIterations(300) {
                var files = ContentFiles.assets
                let name = ContentFiles.names.randomElement(using: &random)!
                var bytes = files.files[name]!
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let index = Int.random(in: 0..<bytes.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: bytes[index] = UInt8.random(in: 0...255, using: &random)
                    case 1: bytes.remove(at: index)
                    default: bytes.insert(Array("{}[],:\"0".utf8).randomElement(using: &random)!, at: index)
                    }
                }
                files.files[name] = bytes
                if let error = ContentTests.loadError(files) {
                    #expect(!error.problem.isEmpty)
                    #expect(error.description.hasPrefix("Assets/\(error.file): at "), "\(error)")
                }
            }
        }
    }

    /// The corrections against the revised spec, each as the text a user reads.
    @Test("texts follow the revised spec: Express login, requirement updates, examples, callouts")
    func corrections() throws {
        func option(_ property: PropertyID, _ id: String) throws -> PropertyOption {
            try #require(guide.property(property).option(OptionID(id)))
        }
        func variant(_ id: String) throws -> StepVariant {
            try #require(guide.slots.flatMap(\.variants).first { $0.id == id })
        }
        let everything = guide.properties.flatMap { property in
            property.options.flatMap { [$0.summary, $0.intro] + $0.bestFor + $0.notes }
        } + guide.slots.flatMap(\.variants).map(\.text) + guide.advisories.map(\.text)
        // Express accounts have a login of their own (Stripe's Express login page).
        #expect(!everything.contains { $0.contains("no login of their own") || $0.contains("no direct login") })
        #expect(try option(.dashboard, "express").notes.contains { $0.contains("Express login page") })
        #expect(try variant("dashboard-express").text.contains("Express login page"))
        #expect(try option(.dashboard, "express").bestFor.contains { $0.contains("simple, streamlined") })
        // The fee setting only matters on direct charges; it is not "only possible" with them.
        #expect(try option(.fees, "connectedAccounts").notes.allSatisfy { !$0.contains("Only possible") })
        // Hosted and embedded onboarding keep requirements current themselves, not through the API.
        for id in ["requirement-updates-hosted", "requirement-updates-embedded"] {
            #expect(try !variant(id).text.contains("through the API"), "\(id)")
        }
        #expect(try variant("requirement-updates-hosted").text.contains("`collection_options`"))
        #expect(try variant("requirement-updates-embedded").text.contains("`collectionOptions`"))
        // The API payout step keeps the default schedule.
        #expect(try variant("payouts-api").text.contains("daily on a rolling schedule"))
        // The page's named examples.
        let examples = guide.property(.chargeType).options.flatMap(\.bestFor).joined(separator: " ")
        for company in ["Shopify", "Thinkific", "Airbnb", "Lyft", "DoorDash"] { #expect(examples.contains(company), "\(company)") }
        // The no-dashboard panel says account_update Account Links are unavailable with Stripe liability.
        #expect(try option(.dashboard, "none").notes.contains { $0.contains("`account_update`") })
        // A2 holds for any dashboard with indirect charges; A6 points to cross-border payouts.
        let a2 = try #require(guide.advisories.first { $0.id == "A2" })
        #expect(a2.condition.clauses.map(\.facet.description) == ["chargeType"])
        // A6 per charge type: a destination charge's refund reverses its transfer; separate
        // charges and transfers have none attached, so each transfer is reversed.
        let destination = guide.plan(for: selection("hosted", "express", "destination", "platform", "platform"))
        let separate = guide.plan(for: selection("hosted", "express", "separate", "platform", "platform"))
        let a6Destination = try #require(destination.advisories.first { $0.id == "A6" })
        let a6Separate = try #require(separate.advisories.first { $0.id == "A6" })
        #expect(a6Destination.links.map(\.path).contains("/connect/cross-border-payouts"))
        #expect(a6Destination.text.contains("`reverse_transfer=true`") && a6Destination.text.contains("transfer reversal"))
        #expect(!a6Separate.text.contains("`reverse_transfer=true`") && a6Separate.text.contains("Transfer Reversals API"))
        #expect(a6Separate.links.map(\.path).contains("/api/transfer_reversals"))
        // A5: an application fee for direct and destination charges, none for separate charges and transfers.
        #expect(separate.advisories.first { $0.id == "A5" }?.text.contains("no application fee") == true)
        #expect(destination.advisories.first { $0.id == "A5" }?.text.contains("application fee") == true)
        // A2 names both on_behalf_of exceptions.
        #expect(a2.text.contains("Issue refunds") && a2.text.contains("`destination_on_behalf_of_charge_management`"))
        // Legacy types are compared, and Express and Custom name the fee payer they differ in.
        #expect(guide.legacyTypes.map(\.name) == ["Standard", "Express", "Custom"])
        #expect(guide.legacyTypes.dropFirst().allSatisfy { $0.difference?.contains("application_") == true })
        #expect(guide.scopeStatement.contains("Accounts v1") && guide.scopeStatement.contains("/connect/interactive-platform-guide"))
        #expect(guide.prerequisites.contains("sandbox") && guide.prerequisites.contains("changes nothing"))
    }

    @Test("every preset is valid and goes against no recommendation under the default version, with sources")
    func presets() {
        #expect(guide.presets.map(\.id) == [
            "saas-dashboard", "saas-embedded", "marketplace", "marketplace-embedded", "multi-party-marketplace", "api-onboarding",
        ])
        for preset in guide.presets {
            #expect(guide.isValid(preset.selection), "\(preset.id)")
            #expect(guide.breachedRecommendations(of: preset.selection).isEmpty, "\(preset.id)")
            #expect(!preset.sources.isEmpty && !preset.fits.isEmpty && !preset.label.isEmpty)
        }
        #expect(guide.preset("marketplace")?.selection[.chargeType] == "destination")
        #expect(guide.preset("multi-party-marketplace")?.selection[.chargeType] == "separate")
    }
}
