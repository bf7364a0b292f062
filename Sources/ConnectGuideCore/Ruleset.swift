/// A property that a change of selection moved, and the rules that forced it.
public struct MovedProperty: Hashable, Sendable {
    public let property: PropertyID
    public let from: OptionID
    public let to: OptionID
    /// The rules that keeping `from` would have broken. Never empty. Rules that involve
    /// what the user chose come first: the first rule is the one to name in a notice.
    public let rules: [RuleID]
}

/// What resolving a wish against the rules gave: a valid selection and what had to move.
public struct Resolution: Hashable, Sendable {
    public let selection: Selection
    public let moved: [MovedProperty]
}

/// An explicit selection that no valid combination satisfies.
public struct Contradiction: Error, Hashable, Sendable {
    public struct Alternative: Hashable, Sendable {
        /// The explicit choices this alternative changes, with their new options.
        public let changes: [PropertyID: OptionID]
        public let selection: Selection
    }

    /// The user's explicit choices.
    public let chosen: PartialSelection
    /// The rules that stand between the explicit choices.
    public let rules: [RuleID]
    /// The valid selections that keep the most explicit choices, fewest changes first.
    public let alternatives: [Alternative]
}

/// A partial selection completed: the full valid selection and what was filled in.
public struct Completion: Hashable, Sendable {
    public let selection: Selection
    /// Properties the user did not choose that a rule moved away from their default or
    /// from the value the base gave them.
    public let implied: [MovedProperty]
    /// Properties that neither the choices nor the base set, filled with their defaults.
    public let defaulted: [PropertyID]
}

extension Guide {
    // MARK: Evaluating

    public func requirementCollection(for selection: Selection) -> RequirementCollection {
        holds(requirementCollectionCondition, facetValue: { facet in
            if case .property(let property) = facet { return selection[property] }
            return nil
        }) ? .application : .stripe
    }

    public func holds(_ condition: Condition, for selection: Selection) -> Bool {
        holds(condition) { facet in
            switch facet {
            case .property(let property): selection[property]
            // Derived only when a condition asks for it: most do not.
            case .requirementCollection: OptionID(rawValue: requirementCollection(for: selection).rawValue)
            }
        }
    }

    private func holds(_ condition: Condition, facetValue: (Facet) -> OptionID?) -> Bool {
        condition.clauses.allSatisfy { clause in
            facetValue(clause.facet).map(clause.allowed.contains) ?? false
        }
    }

    public func breaks(_ rule: Rule, _ selection: Selection) -> Bool {
        holds(rule.premise, for: selection) && !holds(rule.requirement, for: selection)
    }

    /// The hard rules a selection breaks, in rule order. Empty means the selection is valid.
    public func violations(of selection: Selection) -> [Rule] {
        rules.filter { breaks($0, selection) }
    }

    /// The recommendations a selection goes against, in rule order. They never make it invalid.
    public func breachedRecommendations(of selection: Selection) -> [Rule] {
        recommendations.filter { breaks($0, selection) }
    }

    public func isValid(_ selection: Selection) -> Bool { violations(of: selection).isEmpty }

    /// Every combination of options, valid or not (108 with the bundled content).
    public var allSelections: [Selection] {
        var result: [Selection] = [defaults]
        for property in propertyIDs {
            result = result.flatMap { partial in
                self.property(property).options.map { partial.setting(property, to: $0.id) }
            }
        }
        return result
    }

    // MARK: Resolving

    /// The valid selection nearest to `target` that keeps every `pinned` property:
    /// fewest changes first; on a tie, fewer breached recommendations, then keep the
    /// properties in `preference` (earlier wins), then prefer defaults, then page order.
    /// Nil when the pinned properties cannot be kept together.
    public func nearestValid(
        to target: Selection, keeping pinned: PropertySet, preferring preference: [PropertyID] = []
    ) -> Resolution? {
        let preference = distinct(preference)
        var best: (index: Int, rank: UInt64)?
        for (index, candidate) in validSelections.enumerated()
        where pinned.allSatisfy({ candidate[$0] == target[$0] }) {
            let candidateRank = rank(index, target: target, preference: preference)
            if best.map({ candidateRank < $0.rank }) ?? true { best = (index, candidateRank) }
        }
        guard let best else { return nil }
        let selection = validSelections[best.index]
        return Resolution(selection: selection, moved: explainMoves(from: target, to: selection, causes: pinned))
    }

    /// The order of `nearestValid` as one number, compared as the list of keys it stands
    /// for would be (`RankLayout`). A number rather than a list: every frame ranks every
    /// valid selection several times.
    private func rank(_ candidate: Int, target: Selection, preference: [PropertyID]) -> UInt64 {
        let selection = validSelections[candidate]
        var givenUp: UInt64 = 0
        for (place, property) in preference.enumerated() where selection[property] != target[property] {
            givenUp |= rankLayout.preferenceBit(place)
        }
        return rankLayout.rank(changes: selection.differenceCount(from: target), givenUp: givenUp, targetFree: validRankings[candidate])
    }

    /// The list without repeats, first places kept: a repeat never decides a tie, and
    /// without them it fits `rank`'s bit per property.
    private func distinct(_ preference: [PropertyID]) -> [PropertyID] {
        var seen: [PropertyID] = []
        for property in preference where !seen.contains(property) { seen.append(property) }
        return seen
    }

    /// Every property where `result` differs from `target`, with the rules that keeping
    /// the target's option would break. `result` must be a nearest valid selection, which
    /// guarantees each list is non-empty: had keeping the option broken nothing, the
    /// selection with that property kept would have been nearer.
    func explainMoves(from target: Selection, to result: Selection, causes: PropertySet) -> [MovedProperty] {
        result.differences(from: target).map { property in
            let kept = result.setting(property, to: target[property])
            let broken = violations(of: kept).filter { $0.properties.contains(property) }
            let direct = broken.filter { !$0.properties.isDisjoint(with: causes) }
            let rules = direct + broken.filter { !direct.contains($0) }
            return MovedProperty(property: property, from: target[property], to: result[property], rules: rules.map(\.id))
        }
    }

    /// What choosing `option` for `property` would do to `selection`: always succeeds.
    public func choosing(
        _ option: OptionID, for property: PropertyID, in selection: Selection, recentlySet: [PropertyID] = []
    ) -> Resolution {
        let target = selection.setting(property, to: option)
        let preference = recentlySet.filter { $0 != property }
        guard let resolution = nearestValid(to: target, keeping: [property], preferring: preference) else {
            // Content where some option belongs to no valid selection; the loader's tests rule
            // this out for the bundled guide. Leave the selection as it was.
            return Resolution(selection: selection, moved: [])
        }
        return resolution
    }

    /// Completes the user's explicit choices, or explains why they cannot stand together.
    /// `base` holds values to start from (a URL, a saved selection) that the choices and the
    /// rules may change; what neither sets takes its default. Ties keep the most recent
    /// explicit choice first, then the base's values.
    public func complete(_ chosen: PartialSelection, over base: PartialSelection = PartialSelection()) -> Result<Completion, Contradiction> {
        let target = Selection(properties: propertyIDs) { chosen[$0] ?? base[$0] ?? property($0).defaultOption }
        let pinned = chosen.chosenProperties
        let preference = chosen.order.reversed() + base.order.reversed().filter { chosen[$0] == nil }
        if let resolution = nearestValid(to: target, keeping: pinned, preferring: preference) {
            let movedIDs = PropertySet(resolution.moved.map(\.property))
            let defaulted = propertyIDs.filter { chosen[$0] == nil && base[$0] == nil && !movedIDs.contains($0) }
            return .success(Completion(selection: resolution.selection, implied: resolution.moved, defaulted: defaulted))
        }
        return .failure(contradiction(chosen, target: target))
    }

    private func contradiction(_ chosen: PartialSelection, target: Selection) -> Contradiction {
        let pinned = propertyIDs.filter { chosen[$0] != nil }
        func keptCount(_ selection: Selection) -> Int { pinned.filter { selection[$0] == target[$0] }.count }
        let most = validSelections.map(keptCount).max() ?? 0
        // Among selections keeping the most explicit choices, one per distinct set of changes
        // to explicit choices, nearest first.
        var seen: Set<[PropertyID: OptionID]> = []
        var alternatives: [Contradiction.Alternative] = []
        let ranked = validSelections.indices.filter { keptCount(validSelections[$0]) == most }
            .sorted { rank($0, target: target, preference: []) < rank($1, target: target, preference: []) }
            .map { validSelections[$0] }
        for selection in ranked {
            var changes: [PropertyID: OptionID] = [:]
            for property in pinned where selection[property] != target[property] { changes[property] = selection[property] }
            if seen.insert(changes).inserted {
                alternatives.append(.init(changes: changes, selection: selection))
            }
        }
        // The rules an alternative would break if it kept the explicit choice it gives up.
        var ruleIDs: [RuleID] = []
        for alternative in alternatives {
            for (property, _) in alternative.changes {
                let kept = alternative.selection.setting(property, to: target[property])
                for rule in violations(of: kept) where rule.properties.contains(property) && !ruleIDs.contains(rule.id) {
                    ruleIDs.append(rule.id)
                }
            }
        }
        ruleIDs.sort { lhs, rhs in
            (rules.firstIndex { $0.id == lhs } ?? 0) < (rules.firstIndex { $0.id == rhs } ?? 0)
        }
        return Contradiction(chosen: chosen, rules: ruleIDs, alternatives: alternatives)
    }

    /// Any rule the content knows, in force or not.
    public func rule(_ id: RuleID) -> Rule? { allRules.first { $0.id == id } }
}

/// Where each key of a selection's rank sits in one `UInt64`, most significant first:
/// changes from the target, breached recommendations, a bit per preferred property given
/// up (earliest highest), options off their default, then each option's place in page
/// order. The widths come from the content (how many properties, options and
/// recommendations), so more of any cannot spill one key into the next unnoticed: a
/// guide whose keys need more than 64 bits stops at its construction.
struct RankLayout: Hashable, Sendable {
    let propertyCount: Int
    let placeBits: Int
    let countBits: Int
    let breachedBits: Int
    let offDefaultShift: Int
    let preferenceShift: Int
    let breachedShift: Int
    let changesShift: Int

    init(propertyCount: Int, maxOptions: Int, recommendationCount: Int) {
        self.propertyCount = propertyCount
        placeBits = Self.bits(for: maxOptions - 1)
        countBits = Self.bits(for: propertyCount)
        breachedBits = Self.bits(for: recommendationCount)
        offDefaultShift = placeBits * propertyCount
        preferenceShift = offDefaultShift + countBits
        breachedShift = preferenceShift + propertyCount
        changesShift = breachedShift + breachedBits
        precondition(changesShift + countBits <= 64, "the rank of a selection needs \(changesShift + countBits) bits; 64 is the most")
    }

    /// The bits that hold every number from 0 to `maximum`, and at least one.
    static func bits(for maximum: Int) -> Int { max(1, Int.bitWidth - max(maximum, 0).leadingZeroBitCount) }

    /// The bit that giving up the preferred property at `place` (0 most preferred) sets.
    func preferenceBit(_ place: Int) -> UInt64 { 1 << UInt64(propertyCount - 1 - place) }

    /// The keys that do not depend on the target, packed: breached recommendations, options
    /// off their default, and the places of the options (first property most significant).
    func targetFree(breached: Int, offDefault: Int, places: [Int]) -> UInt64 {
        var placing: UInt64 = 0
        for place in places { placing = placing << UInt64(placeBits) | UInt64(place) }
        return UInt64(breached) << UInt64(breachedShift) | UInt64(offDefault) << UInt64(offDefaultShift) | placing
    }

    func rank(changes: Int, givenUp: UInt64, targetFree: UInt64) -> UInt64 {
        UInt64(changes) << UInt64(changesShift) | givenUp << UInt64(preferenceShift) | targetFree
    }
}
