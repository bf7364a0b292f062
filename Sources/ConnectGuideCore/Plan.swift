/// Everything a selection implies: the numbered steps, the advisories, the account
/// configuration and the docs URL. `Guide.plan(for:)` derives it; nothing else does.
public struct Plan: Hashable, Sendable {
    public let selection: Selection
    public let requirementCollection: RequirementCollection
    public let steps: [PlanStep]
    public let advisories: [Advisory]
    public let configuration: [AccountConfiguration]
    /// The legacy account type this combination used to be called, if any.
    public let legacyType: String?
    public let url: String
    public let contentVersion: String

    public func configuration(for api: AccountsAPI) -> AccountConfiguration {
        configuration.first { $0.api == api }!
    }
}

public struct PlanStep: Hashable, Sendable {
    /// The position in the list as shown (1-based, absent slots skipped).
    public let number: Int
    /// The fixed slot this step fills (1 to 6).
    public let slot: Int
    public let slotID: String
    public let heading: String
    public let id: String
    public let title: String
    public let text: String
    public let links: [StepLink]
}

public struct AccountParameter: Hashable, Sendable {
    public let name: String
    public let value: ParameterValue
    public let because: String
}

/// The request that creates a connected account configured for the selection.
public struct AccountConfiguration: Hashable, Sendable {
    public let api: AccountsAPI
    public let method: String
    public let endpoint: String
    public let parameters: [AccountParameter]
}

extension Guide {
    /// Step derivation: a pure function of the selection.
    public func plan(for selection: Selection) -> Plan {
        var steps: [PlanStep] = []
        for slot in slots {
            guard let variant = slot.variants.first(where: { holds($0.condition, for: selection) }) else { continue }
            steps.append(PlanStep(
                number: steps.count + 1, slot: slot.number, slotID: slot.id, heading: slot.heading,
                id: variant.id, title: variant.title, text: variant.text, links: variant.links))
        }
        let configuration = AccountsAPI.allCases.map { api in
            let rules = self.configuration[api]!
            return AccountConfiguration(
                api: api, method: rules.method, endpoint: rules.endpoint,
                parameters: rules.rules.filter { holds($0.condition, for: selection) }.flatMap { rule in
                    rule.parameters.map { AccountParameter(name: $0.name, value: $0.value, because: rule.because) }
                })
        }
        return Plan(
            selection: selection,
            requirementCollection: requirementCollection(for: selection),
            steps: steps,
            advisories: advisories.filter { holds($0.condition, for: selection) },
            configuration: configuration,
            legacyType: legacyTypes.first { holds($0.condition, for: selection) }?.name,
            url: url(for: selection),
            contentVersion: contentVersion)
    }

    /// The notes of a section that apply to the selection.
    public func notes(of section: Section, for selection: Selection) -> [String] {
        section.notes.filter { holds($0.condition, for: selection) }.map(\.text)
    }
}
