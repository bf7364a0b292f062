/// Everything a selection implies: the numbered steps, the advisories, the account
/// configuration and the docs URL. `Guide.plan(for:)` derives it; nothing else does.
public struct Plan: Hashable, Sendable {
    public let selection: Selection
    public let requirementCollection: RequirementCollection
    /// The Stripe API version whose rules the plan follows.
    public let apiVersion: StripeAPIVersion
    /// The page's callouts that apply (the dashboard type is permanent, ...): shown first.
    public let callouts: [Advisory]
    public let steps: [PlanStep]
    /// The recommendations the selection goes against: the first of its cautions.
    public let breachedRecommendations: [Rule]
    public let advisories: [Advisory]
    public let configuration: [AccountConfiguration]
    /// The account type from before controller properties that these settings resemble.
    public let legacyType: LegacyType?
    public let url: String
    public let contentVersion: String

    /// `plan(for:)` builds `configuration` with one request per API, in `AccountsAPI` order.
    public func configuration(for api: AccountsAPI) -> AccountConfiguration {
        switch api {
        case .v1: configuration[0]
        case .v2: configuration[1]
        }
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
    /// The first Stripe API version with this API, when the plan's version predates it.
    public let unavailableBefore: StripeAPIVersion?
    public let parameters: [AccountParameter]
    /// What the request adds when destination charges are made `on_behalf_of` the
    /// account; empty when the selection's charges never are.
    public let onBehalfOf: [AccountParameter]
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
            let rules = self.configuration[api]
            let tooOld = rules.minimumVersion.flatMap { apiVersion.isOnOrAfter($0) ? nil : $0 }
            let applying = rules.rules.filter { holds($0.condition, for: selection) }
            func parameters(_ rules: [ParameterRule]) -> [AccountParameter] {
                rules.flatMap { rule in rule.parameters.map { AccountParameter(name: $0.name, value: $0.value, because: rule.because) } }
            }
            return AccountConfiguration(
                api: api, method: rules.method, endpoint: rules.endpoint, unavailableBefore: tooOld,
                parameters: parameters(applying.filter { !$0.onBehalfOf }),
                onBehalfOf: parameters(applying.filter(\.onBehalfOf)))
        }
        let applying = advisories.filter { holds($0.condition, for: selection) }
        return Plan(
            selection: selection,
            requirementCollection: requirementCollection(for: selection),
            apiVersion: apiVersion,
            callouts: applying.filter(\.isCallout),
            steps: steps,
            breachedRecommendations: breachedRecommendations(of: selection),
            advisories: applying.filter { !$0.isCallout },
            configuration: configuration,
            legacyType: legacyTypes.first { holds($0.condition, for: selection) },
            url: url(for: selection),
            contentVersion: contentVersion)
    }

    /// The notes of a section that apply to the selection.
    public func notes(of section: Section, for selection: Selection) -> [String] {
        section.notes.filter { holds($0.condition, for: selection) }.map(\.text)
    }
}

/// Something the plan warns about: a recommendation the selection goes against, or an
/// advisory. Every output lists them in the same order, recommendations first.
public struct Caution: Hashable, Sendable, Identifiable {
    public enum Kind: String, Hashable, Sendable {
        case recommendation
        case advisory
    }

    public let id: String
    public let kind: Kind
    public let title: String
    public let text: String
    public let links: [DocLink]
}

extension Plan {
    public var cautions: [Caution] {
        breachedRecommendations.map { rule in
            Caution(id: rule.id.rawValue, kind: .recommendation, title: rule.summary, text: rule.reason, links: rule.sources)
        } + advisories.map { advisory in
            Caution(id: advisory.id, kind: .advisory, title: advisory.title, text: advisory.text, links: advisory.links)
        }
    }
}

/// A plan plus how its selection came about, as the exports show it.
public struct PlanReport: Hashable, Sendable {
    public let plan: Plan
    /// Properties the rules set that the user did not ask for.
    public let implied: [MovedProperty]

    public init(plan: Plan, implied: [MovedProperty] = []) {
        self.plan = plan
        self.implied = implied
    }
}
