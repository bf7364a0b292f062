import Testing

@testable import ConnectGuideCore

@Suite("Rules and validity")
struct RulesTests {
    @Test("exactly 21 of the 108 raw combinations are valid")
    func validCount() {
        let all = guide.allSelections
        #expect(all.count == 108)
        #expect(Set(all).count == 108)
        #expect(all.filter(guide.isValid).count == 21)
        #expect(guide.validSelections.count == 21)
    }

    @Test("the loaded rules agree with the spec's rules on every combination")
    func rulesMatchSpec() {
        for selection in guide.allSelections {
            #expect(guide.isValid(selection) == specAllows(selection), "\(selection)")
        }
    }

    @Test("every rule rules something out and explains itself", arguments: ["R1", "R2", "R3", "R4", "R5", "R6"])
    func eachRuleIsReal(id: String) throws {
        let rule = try #require(guide.rule(id))
        // R1 is implied by R2, R3, R4 and R6 together, so no combination breaks it alone;
        // it stays because it is the reason a user understands for API onboarding.
        #expect(guide.allSelections.contains { guide.breaks(rule, $0) })
        #expect(!rule.reason.isEmpty && !rule.summary.isEmpty)
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
        #expect(guide.violations(of: broken).map(\.id) == ["R1", "R2"])
        let destinationOnFull = selection("hosted", "full", "destination", "connectedAccounts", "stripe")
        #expect(guide.violations(of: destinationOnFull).map(\.id) == ["R5"])
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
        #expect(completion.defaulted == PropertyID.allCases)
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

    @Test("an indirect contradiction (through fees) names both rules in the way")
    func indirectContradiction() throws {
        var partial = PartialSelection()
        partial[.dashboard] = "full"
        partial[.chargeType] = "destination"
        guard case .failure(let contradiction) = guide.complete(partial) else {
            Issue.record("full dashboard with destination charges must not complete")
            return
        }
        #expect(Set(contradiction.rules) == ["R2", "R5"])
    }

    @Test("every partial selection either completes validly, keeping every explicit choice, or is a contradiction")
    func allPartials() {
        // All 4 * 4 * 4 * 3 * 3 = 576 partial selections (each property unset or one option).
        var partials = [PartialSelection()]
        for property in PropertyID.allCases {
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
                #expect(!guide.validSelections.contains { valid in partial.chosen.allSatisfy { valid[$0.key] == $0.value } })
                #expect(!contradiction.rules.isEmpty)
                #expect(!contradiction.alternatives.isEmpty)
            }
        }
    }
}
