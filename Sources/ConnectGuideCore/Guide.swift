/// The whole guide: properties, rules, advisories, steps and API mapping, validated, for
/// one Stripe API version (`at(_:)` gives the guide for another).
/// Built once from the content files; every other operation is a pure function of it.
public struct Guide: Sendable {
    public let contentVersion: String
    /// The language of the content's text, as a locale code ("en", "ja"): the front ends
    /// word everything else in the same one.
    public let locale: String
    public let title: String
    public let pageURL: String
    /// The page covers Accounts v1; Stripe recommends v2 for new platforms; the choices map onto both.
    public let scopeStatement: String
    /// What a new user needs before starting, and that choosing changes nothing in their account.
    public let prerequisites: String
    public let urlParameterOrder: [PropertyID]
    public let properties: [Property]
    /// The properties' ids, in page order: what a selection is made of.
    public let propertyIDs: [PropertyID]
    public let payouts: Section
    /// The property whose section the payouts section follows, as on the docs page.
    public let payoutsAfter: PropertyID?
    /// Every rule the content knows, of every kind and for every API version.
    public let allRules: [Rule]
    /// The releases that changed the rules, oldest first.
    public let apiVersionChanges: [APIVersionChange]
    /// Every Stripe API version the guide knows, oldest first, with its release name where
    /// it has one. A request's `Stripe-Version` must name one of these (or a preview).
    public let knownAPIVersions: [StripeAPIVersion]
    /// The Stripe API version whose rules are in force.
    public fileprivate(set) var apiVersion: StripeAPIVersion
    /// The hard rules (`api` and `docs`) in force: a valid selection breaks none.
    public fileprivate(set) var rules: [Rule]
    /// The recommendations in force: shown as cautions, never enforced.
    public fileprivate(set) var recommendations: [Rule]
    public let advisories: [Advisory]
    public let requirementCollectionCondition: Condition
    /// "Stripe", "Your platform": how outputs name who collects requirements.
    public let requirementCollectionLabels: TextPerCollection
    public let requirementCollectionExplanation: TextPerCollection
    public let slots: [StepSlot]
    public let configuration: ConfigurationPerAPI
    public let legacyTypes: [LegacyType]
    public let links: [DocLink]
    /// Setups Stripe's docs recommend for common kinds of platform, to start from.
    public let presets: [Preset]
    /// The API calls of each step variant that the API carries out (quickstart.json),
    /// made when first asked for: most runs never show code.
    public var quickstart: [QuickstartStepCalls] { quickstartCalls() }
    private let quickstartCalls: @Sendable () -> [QuickstartStepCalls]

    /// Every selection that breaks no rule in force, in page order of options (first
    /// property slowest).
    public fileprivate(set) var validSelections: [Selection]
    /// What ranks each valid selection whatever the target, packed (`RankLayout`).
    fileprivate(set) var validRankings: [UInt64]
    /// Where each key of a rank sits, sized for this content.
    let rankLayout: RankLayout

    /// The newest Stripe API version the content knows: the default.
    public var newestAPIVersion: StripeAPIVersion { knownAPIVersions.last ?? apiVersionChanges.last?.version ?? apiVersion }

    /// The same guide with the rules that hold for another Stripe API version, which
    /// `resolveAPIVersion` has checked. A bare date that names a known release takes that
    /// release's name.
    public func at(_ version: StripeAPIVersion) -> Guide {
        var result = self
        result.applyRules(of: version)
        return result
    }

    private mutating func applyRules(of version: StripeAPIVersion) {
        apiVersion = version.name == nil ? knownAPIVersions.first { $0.date == version.date } ?? version : version
        rules = allRules.filter { $0.kind.isHard && $0.versions.contains(version) }
        recommendations = allRules.filter { !$0.kind.isHard && $0.versions.contains(version) }
        let inForce = rules.map(\.id)
        validSelections = validityTable.first { $0.rules == inForce }?.selections ?? allSelections.filter { violations(of: $0).isEmpty }
        validRankings = validSelections.map(ranking)
    }

    /// The parts of a selection's rank that do not depend on the target, packed.
    private func ranking(_ selection: Selection) -> UInt64 {
        var places: [Int] = []
        var offDefault = 0
        for property in propertyIDs {
            places.append(self.property(property).index(of: selection[property]) ?? 0)
            if selection[property] != self.property(property).defaultOption { offDefault += 1 }
        }
        return rankLayout.targetFree(breached: breachedRecommendations(of: selection).count, offDefault: offDefault, places: places)
    }

    /// Every distinct set of hard rules some API version puts in force, for the content
    /// compiler's validity table: one version on each side of every boundary a rule names.
    public var rulesets: [[Rule]] {
        var versions = apiVersionChanges.map(\.version) + [StripeAPIVersion(year: 1, month: 1, day: 1, name: nil)]
        for rule in allRules {
            for bound in [rule.versions.from, rule.versions.before, rule.versions.previewsFrom].compactMap({ $0 }) {
                versions.append(StripeAPIVersion(year: bound.year, month: bound.month, day: bound.day, name: nil))
                versions.append(StripeAPIVersion(year: bound.year, month: bound.month, day: bound.day, name: "preview"))
            }
        }
        var seen: Set<[RuleID]> = []
        var result: [[Rule]] = []
        for version in versions {
            let hard = allRules.filter { $0.kind.isHard && $0.versions.contains(version) }
            if seen.insert(hard.map(\.id)).inserted { result.append(hard) }
        }
        return result
    }

    public func property(_ id: PropertyID) -> Property { properties[id.index] }

    public var defaults: Selection { Selection(properties: propertyIDs) { property($0).defaultOption } }

    public func preset(_ id: String) -> Preset? { presets.first { $0.id == id.lowercased() } }

    /// The valid selections for each set of hard rules (by rule ids, in rule order), as the
    /// content compiler precomputes them; a set not in the table is computed when needed.
    let validityTable: [ValidSelections]

    /// A guide with the rules of the newest API version in `apiVersionChanges` in force.
    public init(
        contentVersion: String, title: String, pageURL: String, scopeStatement: String, prerequisites: String,
        urlParameterOrder: [PropertyID], properties: [Property], payouts: Section, payoutsAfter: PropertyID? = nil, allRules: [Rule],
        apiVersionChanges: [APIVersionChange], knownAPIVersions: [StripeAPIVersion] = [], advisories: [Advisory],
        requirementCollectionCondition: Condition,
        requirementCollectionLabels: TextPerCollection,
        requirementCollectionExplanation: TextPerCollection, slots: [StepSlot],
        configuration: ConfigurationPerAPI, legacyTypes: [LegacyType], links: [DocLink],
        presets: [Preset] = [], validityTable: [ValidSelections] = [],
        quickstart: @escaping @Sendable () -> [QuickstartStepCalls] = { [] },
        locale: String = "en"
    ) {
        self.contentVersion = contentVersion
        self.locale = locale
        self.title = title
        self.pageURL = pageURL
        self.scopeStatement = scopeStatement
        self.prerequisites = prerequisites
        self.urlParameterOrder = urlParameterOrder
        self.properties = properties
        let ids = properties.map(\.id)
        precondition(ids.indices.allSatisfy { ids[$0].index == $0 }, "each property's index is its place in page order")
        propertyIDs = ids
        self.payouts = payouts
        self.payoutsAfter = payoutsAfter
        self.allRules = allRules
        self.apiVersionChanges = apiVersionChanges
        self.knownAPIVersions = knownAPIVersions
        self.advisories = advisories
        self.requirementCollectionCondition = requirementCollectionCondition
        self.requirementCollectionLabels = requirementCollectionLabels
        self.requirementCollectionExplanation = requirementCollectionExplanation
        self.slots = slots
        self.configuration = configuration
        self.legacyTypes = legacyTypes
        self.links = links
        self.presets = presets
        self.validityTable = validityTable
        self.quickstartCalls = quickstart
        apiVersion = StripeAPIVersion(year: 1, month: 1, day: 1, name: nil)
        rules = []
        recommendations = []
        validSelections = []
        validRankings = []
        rankLayout = RankLayout(
            propertyCount: properties.count, maxOptions: properties.map(\.options.count).max() ?? 1,
            recommendationCount: allRules.filter { !$0.kind.isHard }.count)
        applyRules(of: knownAPIVersions.last ?? apiVersionChanges.last?.version ?? apiVersion)
    }
}

/// The valid selections under one set of hard rules (their ids in rule order), as the
/// content compiler precomputes them. A list of these, not a dictionary: a dictionary
/// keyed by arrays costs a runtime conformance lookup at every start.
public struct ValidSelections: Hashable, Sendable {
    public let rules: [RuleID]
    public let selections: [Selection]

    public init(rules: [RuleID], selections: [Selection]) {
        self.rules = rules
        self.selections = selections
    }
}
