import Foundation
import Testing

@testable import ConnectGuideCore
import ConnectGuideDocuments

private func report(_ selection: Selection) -> PlanReport {
    PlanReport(plan: guide.plan(for: selection))
}

@Suite("Exports for the headless commands")
struct HeadlessExportTests {
    @Test("every valid combination has a prompt brief with all its steps, links, advisories and its URL")
    func promptForEveryCombination() {
        #expect(guide.validSelections.count == 39)
        for selection in guide.validSelections {
            let plan = guide.plan(for: selection)
            let brief = guide.render(PlanReport(plan: plan), as: .prompt)
            for step in plan.steps {
                #expect(brief.contains(step.title), "\(selection): missing step \(step.id)")
                for link in step.links { #expect(brief.contains(link.url)) }
            }
            for advisory in plan.advisories { #expect(brief.contains(advisory.title)) }
            for parameter in plan.configuration(for: .v1).parameters { #expect(brief.contains("\(parameter.name)=\(parameter.value)")) }
            #expect(brief.contains(plan.url))
            #expect(brief.contains("Stripe Connect"))
            #expect(brief.contains("What I would like from you"))
            // The quickstart names the key prefixes it refuses; no key itself is ever there.
            #expect(brief.firstMatch(of: /[sr]k_(test|live)_[A-Za-z0-9]/) == nil, "the brief never carries a key")
        }
    }

    @Test("the prompt brief explains choices the rules implied")
    func promptImplied() throws {
        let completion = try guide.complete({ var p = PartialSelection(); p[.onboarding] = "api"; return p }()).get()
        let brief = guide.render(PlanReport(plan: guide.plan(for: completion.selection), implied: completion.implied), as: .prompt)
        #expect(brief.contains("Dashboard access set to None"))
        #expect(brief.contains("R1"))
    }

    @Test("v1 curl: basic auth with the key placeholder, one quoted -d per parameter")
    func curlV1() {
        let curl = guide.curlCommand(report(guide.defaults), api: .v1)
        #expect(curl.contains("curl -X POST https://api.stripe.com/v1/accounts \\\n"))
        #expect(curl.contains("-u \"${STRIPE_SECRET_KEY:?set STRIPE_SECRET_KEY first}:\""))
        #expect(curl.contains("-d 'controller[fees][payer]=account'"))
        #expect(curl.contains("-d 'controller[requirement_collection]=stripe'"))
        #expect(!curl.hasSuffix("\\\n"), "the last line does not continue")
    }

    @Test("v2 curl: bearer key placeholder, version header, JSON body that parses")
    func curlV2() throws {
        let curl = guide.curlCommand(report(selection("api", "none", "destination", "platform", "platform")), api: .v2)
        #expect(curl.contains("curl -X POST https://api.stripe.com/v2/core/accounts"))
        #expect(curl.contains("-H \"Authorization: Bearer ${STRIPE_SECRET_KEY:?set STRIPE_SECRET_KEY first}\""))
        #expect(curl.contains("-H 'Stripe-Version: \(guide.apiVersion)'"))
        let body = try #require(curl.split(separator: "--data '").last?.dropLast(2))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(json["dashboard"] as? String == "none")
        let responsibilities = (json["defaults"] as? [String: Any])?["responsibilities"] as? [String: String]
        #expect(responsibilities?["fees_collector"] == "application")
        #expect(responsibilities?["losses_collector"] == "application")
        #expect((json["configuration"] as? [String: Any])?["recipient"] != nil)
    }

    @Test("shell quoting survives single quotes and leaves plain words alone")
    func quoting() {
        #expect(shellQuoted("abc") == "abc")
        #expect(shellQuoted("a b") == "'a b'")
        #expect(shellQuoted("it's") == "'it'\\''s'")
        #expect(shellQuoted("") == "''")
        #expect(shellQuoted("$HOME") == "'$HOME'")
        #expect(shellQuoted("caf\u{E9}") == "'caf\u{E9}'")  // not ASCII: quoted whole, bytes kept
        #expect(shellQuoted("https://docs.stripe.com/a?b=c&d") == "'https://docs.stripe.com/a?b=c&d'")
    }

    @Test("config JSON: v1 flat parameters, v2 nested body, each parameter explained")
    func configJSON() {
        let v1 = guide.configurationDocument(report(guide.defaults), api: .v1)
        #expect(v1["schema"] == .string(configSchemaID))
        #expect(v1["parameters"]?["controller[stripe_dashboard][type]"] == .string("full"))
        #expect(v1["body"] == nil)
        let v2 = guide.configurationDocument(report(guide.defaults), api: .v2)
        #expect(v2["body"]?["defaults"]?["responsibilities"]?["fees_collector"] == .string("stripe"))
        guard case .array(let explanations)? = v2["explanations"] else { Issue.record("no explanations"); return }
        #expect(explanations.count == guide.plan(for: guide.defaults).configuration(for: .v2).parameters.count)
    }

    @Test("options JSON lists every property, option name and rule")
    func optionsJSON() {
        let document = guide.optionsJSON()
        guard case .array(let properties)? = document["properties"], case .array(let rules)? = document["rules"] else {
            Issue.record("missing lists")
            return
        }
        #expect(properties.count == 5)
        #expect(rules.count == guide.allRules.count)
        #expect(document["validCombinations"] == .int(39))
        #expect(document["stripeVersion"] == .string("2026-11-18.endive"))
        let fees = properties[PropertyID.fees.index]
        #expect(fees["urlKey"] == .string("connect-economic-model"))
        #expect(fees["default"] == .string("connectedAccounts"))
        let text = guide.renderOptions(as: .text)
        for rule in guide.rules { #expect(text.contains(rule.id.rawValue) && text.contains(rule.summary)) }
        for property in guide.properties {
            for option in property.options {
                #expect(text.contains(option.cliValue))
                for alias in option.aliases { #expect(text.contains(alias)) }
            }
        }
        #expect(text.contains("If --onboarding api, then --dashboard none"))
    }

    @Test("diff compares steps by slot, cautions by id, parameters by name")
    func diff() {
        let a = report(guide.defaults)
        let b = report(selection("api", "none", "direct", "platform", "platform"))
        let diff = guide.diff(a, b)
        #expect(diff.properties == [.onboarding, .dashboard, .fees, .liability])
        #expect(diff.addedSteps.map(\.id) == ["requirement-updates-api"])
        #expect(diff.removedSteps.isEmpty)
        #expect(diff.changedSteps.map(\.slot) == [1, 2, 3, 4, 6])
        #expect(diff.addedCautions.map(\.id) == ["N4", "A1", "A4", "A5"])
        #expect(diff.removedCautions.isEmpty)
        let v1 = diff.configuration.first { $0.api == .v1 }
        #expect(v1?.changed.map(\.name).contains("controller[fees][payer]") == true)
        // A Custom-like account needs its country when it is created.
        #expect(v1?.added.map(\.name) == ["country"])

        let reverse = guide.diff(b, a)
        #expect(reverse.removedSteps.map(\.id) == ["requirement-updates-api"])
        #expect(reverse.removedCautions.map(\.id) == ["N4", "A1", "A4", "A5"])
    }

    @Test("diff of capability changes shows added and removed parameters")
    func diffParameters() {
        let a = report(selection("hosted", "express", "direct", "platform", "platform"))
        let b = report(selection("hosted", "express", "separate", "platform", "platform"))
        let v1 = guide.diff(a, b).configuration.first { $0.api == .v1 }
        #expect(v1?.removed.map(\.name) == ["capabilities[card_payments][requested]"])
        let v2 = guide.diff(a, b).configuration.first { $0.api == .v2 }
        #expect(v2?.added.map(\.name) == ["configuration.recipient.capabilities.stripe_balance.stripe_transfers.requested"])
        #expect(v2?.removed.map(\.name) == ["configuration.merchant.capabilities.card_payments.requested"])
    }

    @Test("a diff of a selection with itself is empty and says so")
    func identicalDiff() {
        let diff = guide.diff(report(guide.defaults), report(guide.defaults))
        #expect(diff.isEmpty)
        #expect(diff.changedSteps.isEmpty && diff.addedSteps.isEmpty && diff.configuration.allSatisfy(\.isEmpty))
        #expect(guide.render(diff, as: .text).contains("the plans are identical"))
        #expect(guide.diffJSON(diff)["identical"] == .bool(true))
    }
}

@Suite("One document, two writers")
struct DocumentTests {
    @Test("text and Markdown render the same blocks: every step, notice and value is in both")
    func sameFacts() {
        for valid in guide.validSelections {
            let blocks = guide.planDocument(PlanReport(plan: guide.plan(for: valid)))
            let text = plainText(blocks), markdown = markdown(blocks, in: guide)
            for block in blocks {
                switch block {
                case .notices(let notices):
                    for notice in notices {
                        #expect(text.contains("! \(notice.id) · "), "\(notice.id)")
                        #expect(markdown.contains("(\(notice.id)). \(notice.text)"), "\(notice.id)")
                    }
                case .table(_, let rows):
                    for row in rows { #expect(text.contains(row.value) && markdown.contains("| \(row.label) | \(row.value) |")) }
                case .steps(let steps):
                    for step in steps { #expect(text.contains(step.title) && markdown.contains("**\(step.title)**")) }
                default: break
                }
            }
        }
    }

    @Test("an aside (what the rules implied) is a quote in Markdown and stays out of text, which puts it on stderr")
    func asides() {
        let blocks: [Block] = [.title("T"), .aside("Implied: something."), .paragraph("P")]
        #expect(plainText(blocks) == "T\n\nP\n")
        #expect(markdown(blocks, in: guide) == "# T\n\n> Implied: something.\n\nP\n")
    }
}
