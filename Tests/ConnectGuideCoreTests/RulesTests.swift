import Testing

@testable import ConnectGuideCore

@Suite("Rules and validity")
struct RulesTests {
    @Test("39 of the 108 raw combinations are valid from 2026-11-18.endive, 27 before it")
    func validCount() {
        let all = guide.allSelections
        #expect(all.count == 108)
        #expect(Set(all).count == 108)
        #expect(guide.apiVersion.description == "2026-11-18.endive")
        #expect(all.filter(guide.isValid).count == 39)
        #expect(guide.validSelections.count == 39)
        #expect(guideBefore20261118.validSelections.count == 27)
        #expect(guideBefore20261118.allSelections.filter(guideBefore20261118.isValid).count == 27)
    }

    @Test("the loaded rules agree with the spec's rules on every combination, for both rulesets")
    func rulesMatchSpec() {
        for selection in guide.allSelections {
            #expect(guide.isValid(selection) == specAllows(selection), "\(selection)")
            #expect(
                guideBefore20261118.isValid(selection) == specAllows(selection, expressMayBeStripeLiable: false), "\(selection)")
        }
    }

    @Test("hard rules and recommendations carry kind, versions and sources as the spec gives them")
    func provenance() throws {
        let expected: [(RuleID, RuleKind, Bool)] = [
            ("R1", .api, true), ("R2", .api, true), ("R3", .api, false), ("R4", .docs, true), ("R6", .api, true),
            ("N1", .recommended, true), ("N2", .recommended, true), ("N3", .recommended, true), ("N4", .recommended, true),
        ]
        #expect(guide.allRules.map(\.id) == expected.map(\.0))
        for (id, kind, allVersions) in expected {
            let rule = try #require(guide.rule(id))
            #expect(rule.kind == kind, "\(id)")
            #expect(rule.versions.isAll == allVersions, "\(id)")
            #expect(!rule.sources.isEmpty && rule.sources.allSatisfy { $0.url.hasPrefix("https://docs.stripe.com/") }, "\(id)")
            #expect(!rule.reason.isEmpty && !rule.summary.isEmpty)
        }
        #expect(guide.rule("R5") == nil, "R5 became N1; ids are never reused")
        #expect(guide.rules.map(\.id) == ["R1", "R2", "R4", "R6"])
        #expect(guideBefore20261118.rules.map(\.id) == ["R1", "R2", "R3", "R4", "R6"])
        #expect(guide.recommendations.map(\.id) == ["N1", "N2", "N3", "N4"])
    }

    @Test("R3 holds before 2026-11-18, not from it, and not in preview versions from 2026-06-24")
    func r3Versions() throws {
        let r3 = try #require(guide.rule("R3"))
        for (text, holds) in [
            ("2026-11-17", true), ("2026-10-28.dahlia", true), ("2026-06-23.preview", true), ("2026-06-24.preview", false),
            ("2026-11-18", false), ("2026-11-18.endive", false), ("2027-01-01.foo", false), ("2025-12-15.clover", true),
        ] {
            #expect(r3.versions.contains(try #require(StripeAPIVersion(text))) == holds, "\(text)")
        }
    }

    @Test("Stripe API versions: YYYY-MM-DD with a real date and an optional name")
    func versionParsing() {
        for valid in ["2026-11-18", "2026-11-18.endive", "2024-02-29.x", "2026-11-18.ENDIVE"] {
            #expect(StripeAPIVersion(valid) != nil, "\(valid)")
        }
        for invalid in ["", "2026", "2026-13-01", "2026-02-30", "2025-02-29", "26-11-18", "2026-1-18", "2026-11-18.", "2026-11-18.endive.x", "2026-11-18.end1ve", "latest", "2026-11-18 ", "٢٠٢٦-١١-١٨"] {
            #expect(StripeAPIVersion(invalid) == nil, "\(invalid)")
        }
        #expect(StripeAPIVersion("2026-11-18.ENDIVE")?.description == "2026-11-18.endive")
        // A bare date of a known release takes its name.
        #expect(guide.at(StripeAPIVersion("2026-11-18")!).apiVersion.description == "2026-11-18.endive")
        #expect(guide.at(StripeAPIVersion("2026-10-28")!).apiVersion.description == "2026-10-28.endive")
    }

    @Test("a --stripe-version must name a known version (guide.md section 7), its name completed")
    func knownVersions() {
        func resolved(_ text: String) -> String? { try? guide.resolveAPIVersion(text).get().description }
        #expect(resolved("2026-10-28") == "2026-10-28.endive")
        #expect(resolved("2026-10-28.endive") == "2026-10-28.endive")
        #expect(resolved("2024-06-20") == "2024-06-20")
        #expect(resolved("2024-09-30") == "2024-09-30.acacia")
        #expect(resolved("2026-07-29.preview") == "2026-07-29.preview")
        #expect(guide.releaseBefore(preview: StripeAPIVersion("2026-07-30.preview")!)?.description == "2026-07-29.dahlia")
        #expect(guide.resolveAPIVersion("2026-10-28.clover") == .failure(.wrongName(known: StripeAPIVersion("2026-10-28.endive")!)))
        #expect(guide.resolveAPIVersion("2024-06-20.acacia") == .failure(.wrongName(known: StripeAPIVersion("2024-06-20")!)))
        #expect(guide.resolveAPIVersion("2026-10-01")
            == .failure(.unknown(nearest: [StripeAPIVersion("2026-09-30.endive")!, StripeAPIVersion("2026-10-28.endive")!])))
        #expect(guide.resolveAPIVersion("2030-01-01") == .failure(.tooNew(newest: StripeAPIVersion("2026-11-18.endive")!)))
        #expect(guide.resolveAPIVersion("2030-01-01.preview") == .failure(.tooNew(newest: StripeAPIVersion("2026-11-18.endive")!)))
        #expect(guide.resolveAPIVersion("2023-08-15") == .failure(.tooOld(oldest: StripeAPIVersion("2023-08-16")!)))
        #expect(guide.resolveAPIVersion("soon") == .failure(.malformed))
        // Every release of guide.md section 7, and nothing else.
        #expect(guide.knownAPIVersions.count == 31)
        #expect(guide.knownAPIVersions.filter { $0.name == nil }.map(\.date) == ["2023-08-16", "2023-10-16", "2024-04-10", "2024-06-20"])
    }

    @Test("every hard rule rules something out in the ruleset it belongs to", arguments: ["R1", "R2", "R3", "R4", "R6"])
    func eachRuleIsReal(id: RuleID) throws {
        let rule = try #require(guide.rule(id))
        // R1 is implied by R2, R3, R4 and R6 together, so no combination breaks it alone;
        // it stays because it is the reason a user understands for API onboarding.
        #expect(guide.allSelections.contains { guide.breaks(rule, $0) })
    }

    @Test("recommendations never make a combination invalid")
    func recommendationsNeverBlock() {
        for selection in guide.allSelections where specAllows(selection) {
            #expect(guide.isValid(selection))
            #expect(guide.breachedRecommendations(of: selection).map(\.id.rawValue) == specRecommendations(selection), "\(selection)")
        }
    }

    @Test("the default selection is the page default and valid")
    func defaults() {
        #expect(guide.defaults == selection("hosted", "full", "direct", "connectedAccounts", "stripe"))
        #expect(guide.isValid(guide.defaults))
    }

    @Test("every option of every property is part of some valid combination")
    func everyOptionReachable() {
        for property in guide.properties {
            for option in property.options {
                #expect(guide.validSelections.contains { $0[property.id] == option.id }, "\(property.id)=\(option.id)")
            }
        }
    }

    @Test("requirement collection is application exactly for no dashboard with platform liability")
    func requirementCollection() {
        for selection in guide.allSelections {
            let expected: RequirementCollection =
                selection[.dashboard] == "none" && selection[.liability] == "platform" ? .application : .stripe
            #expect(guide.requirementCollection(for: selection) == expected)
        }
    }

    @Test("violations name the rule an invalid combination breaks")
    func violationsNameRules() {
        let broken = selection("api", "full", "direct", "connectedAccounts", "stripe")
        #expect(guide.violations(of: broken).map(\.id) == ["R1"])
        let fullWithPlatformFees = selection("hosted", "full", "direct", "platform", "stripe")
        #expect(guide.violations(of: fullWithPlatformFees).map(\.id) == ["R2"])
        let destinationOnFull = selection("hosted", "full", "destination", "connectedAccounts", "stripe")
        #expect(guide.violations(of: destinationOnFull).isEmpty)
        #expect(guide.breachedRecommendations(of: destinationOnFull).map(\.id) == ["N1", "N2", "N3"])
        let stripeLiableExpress = selection("hosted", "express", "direct", "connectedAccounts", "stripe")
        #expect(guide.violations(of: stripeLiableExpress).isEmpty)
        #expect(guideBefore20261118.violations(of: stripeLiableExpress).map(\.id) == ["R3"])
    }
}

@Suite("Completing partial selections")
struct CompletionTests {
    @Test("API onboarding alone implies no dashboard, platform fees and platform liability")
    func apiImplies() throws {
        var partial = PartialSelection()
        partial[.onboarding] = "api"
        let completion = try guide.complete(partial).get()
        #expect(completion.selection == selection("api", "none", "direct", "platform", "platform"))
        #expect(completion.implied.map(\.property) == [.dashboard, .fees, .liability])
        #expect(completion.implied.allSatisfy { $0.rules.contains("R1") })
        #expect(completion.defaulted == [.chargeType])
    }

    @Test("an empty selection completes to the defaults with nothing implied")
    func emptyIsDefaults() throws {
        let completion = try guide.complete(PartialSelection()).get()
        #expect(completion.selection == guide.defaults)
        #expect(completion.implied.isEmpty)
        #expect(completion.defaulted == guide.propertyIDs)
    }

    @Test("every valid combination given in full completes to itself")
    func validIsFixedPoint() throws {
        for valid in guide.validSelections {
            let completion = try guide.complete(PartialSelection(valid)).get()
            #expect(completion.selection == valid)
            #expect(completion.implied.isEmpty)
        }
    }

    @Test("contradictory explicit choices name the rules and the nearest valid choices")
    func contradiction() throws {
        var partial = PartialSelection()
        partial[.onboarding] = "api"
        partial[.dashboard] = "full"
        guard case .failure(let contradiction) = guide.complete(partial) else {
            Issue.record("api with the full dashboard must not complete")
            return
        }
        #expect(contradiction.rules.contains("R1"))
        #expect(contradiction.rules.contains("R2"))
        #expect(!contradiction.alternatives.isEmpty)
        // Each alternative keeps one of the two choices and changes the other.
        for alternative in contradiction.alternatives {
            #expect(alternative.changes.count == 1)
            #expect(guide.isValid(alternative.selection))
        }
        let kept = Set(contradiction.alternatives.flatMap { $0.changes.keys })
        #expect(kept == [.onboarding, .dashboard])
    }

    @Test("what Stripe only advises against completes as asked, moving nothing")
    func recommendationsDoNotMove() throws {
        var partial = PartialSelection()
        partial[.dashboard] = "full"
        partial[.chargeType] = "destination"
        partial[.fees] = "connectedAccounts"
        let completion = try guide.complete(partial).get()
        #expect(completion.selection == selection("hosted", "full", "destination", "connectedAccounts", "stripe"))
        #expect(completion.implied.isEmpty)
    }

    @Test("Express with Stripe liability: a contradiction naming R3 before 2026-11-18, valid from it")
    func expressStripeLiability() throws {
        var partial = PartialSelection()
        partial[.dashboard] = "express"
        partial[.liability] = "stripe"
        #expect(try guide.complete(partial).get().selection == selection("hosted", "express", "direct", "connectedAccounts", "stripe"))
        guard case .failure(let contradiction) = guideBefore20261118.complete(partial) else {
            Issue.record("Express with Stripe liability must not complete before 2026-11-18")
            return
        }
        #expect(contradiction.rules == ["R3"])
    }

    @Test("ties in the nearest valid selection go to the one that breaks fewer recommendations")
    func tiesPreferFewerBreaches() throws {
        // Platform liability on the full Dashboard: the dashboard must go (R2), and fees follow
        // (R6). Express and None tie at two moves, and neither breaks a recommendation.
        let start = guide.initialState(selection("hosted", "full", "destination", "connectedAccounts", "stripe"))
        let next = guide.reduce(start, .choose(.liability, "platform"))
        #expect(next.selection == selection("hosted", "express", "destination", "platform", "platform"))
        #expect(guide.breachedRecommendations(of: next.selection).isEmpty)
        // Over every move: the result breaks no more recommendations than any other valid
        // selection with as few changes.
        for valid in guide.validSelections {
            for property in guide.propertyIDs {
                for option in guide.property(property).options where option.id != valid[property] {
                    let result = guide.choosing(option.id, for: property, in: valid)
                    let changes = result.selection.differences(from: valid.setting(property, to: option.id)).count
                    let best = guide.validSelections
                        .filter { $0[property] == option.id && $0.differences(from: valid.setting(property, to: option.id)).count == changes }
                        .map { guide.breachedRecommendations(of: $0).count }.min()
                    #expect(guide.breachedRecommendations(of: result.selection).count == best, "\(valid) + \(property)=\(option.id)")
                }
            }
        }
    }

    @Test("every partial selection either completes validly, keeping every explicit choice, or is a contradiction")
    func allPartials() {
        // All 4 * 4 * 4 * 3 * 3 = 576 partial selections (each property unset or one option).
        var partials = [PartialSelection()]
        for property in guide.propertyIDs {
            partials = partials.flatMap { base in
                [base] + guide.property(property).options.map { option in
                    var next = base
                    next[property] = option.id
                    return next
                }
            }
        }
        #expect(partials.count == 576)
        for partial in partials {
            switch guide.complete(partial) {
            case .success(let completion):
                #expect(guide.isValid(completion.selection))
                for (property, option) in partial.chosen { #expect(completion.selection[property] == option) }
                for move in completion.implied { #expect(!move.rules.isEmpty) }
            case .failure(let contradiction):
                // A contradiction is real: no valid selection keeps every explicit choice.
                #expect(!guide.validSelections.contains { valid in partial.chosen.allSatisfy { valid[$0.property] == $0.option } })
                #expect(!contradiction.rules.isEmpty)
                #expect(!contradiction.alternatives.isEmpty)
            }
        }
    }
}
