/// The state of the selection in a session with the guide. Only `Guide.reduce` changes it,
/// and it keeps the selection valid: every event ends in a selection that breaks no rule.
/// Where a front end's cursor is belongs to that front end.
public struct GuideState: Hashable, Sendable {
    public fileprivate(set) var selection: Selection
    /// Properties the user chose, most recent first; ties in resolution keep these.
    public fileprivate(set) var recentlySet: [PropertyID]
    /// What the last event changed, for the notice line; nil when it changed nothing.
    public fileprivate(set) var lastChange: SelectionChange?
}

/// What one selecting event did to the selection.
public struct SelectionChange: Hashable, Sendable {
    public enum Cause: Hashable, Sendable {
        case chose(PropertyID, OptionID)
        case reset
        case loaded
    }

    public let cause: Cause
    /// Properties that ended up other than the event asked, each with the rules that moved it.
    public let moved: [MovedProperty]
}

public enum GuideEvent: Hashable, Sendable {
    /// Choose an option of a property; an option the property does not have changes nothing.
    case choose(PropertyID, OptionID)
    case reset
    /// Replace the whole selection (a URL, a saved file); an invalid one is moved to the nearest valid one.
    case load(Selection)
}

extension Guide {
    public func initialState(_ selection: Selection? = nil) -> GuideState {
        var state = GuideState(selection: defaults, recentlySet: [], lastChange: nil)
        if let selection {
            state = reduce(state, .load(selection))
            state.lastChange = state.lastChange?.moved.isEmpty == false ? state.lastChange : nil
        }
        return state
    }

    /// The state machine: a pure function from a state and an event to the next state.
    public func reduce(_ state: GuideState, _ event: GuideEvent) -> GuideState {
        var next = state
        next.lastChange = nil
        switch event {
        case .choose(let chosenProperty, let option):
            guard property(chosenProperty).option(option) != nil else { return next }
            let resolution = choosing(option, for: chosenProperty, in: state.selection, recentlySet: state.recentlySet)
            next.selection = resolution.selection
            next.recentlySet = [chosenProperty] + state.recentlySet.filter { $0 != chosenProperty }
            next.lastChange = SelectionChange(cause: .chose(chosenProperty, option), moved: resolution.moved)
        case .reset:
            next.selection = defaults
            next.recentlySet = []
            next.lastChange = SelectionChange(cause: .reset, moved: [])
        case .load(let wanted):
            let known = Selection(properties: propertyIDs) { property in
                self.property(property).option(wanted[property]) != nil ? wanted[property] : self.property(property).defaultOption
            }
            let resolution = nearestValid(to: known, keeping: []) ?? Resolution(selection: defaults, moved: [])
            next.selection = resolution.selection
            next.recentlySet = []
            next.lastChange = SelectionChange(cause: .loaded, moved: resolution.moved)
        }
        return next
    }

    /// What choosing `option` for `property` would do, for marking the option before it is
    /// chosen: the properties it would move, and the recommendations the selection would
    /// then go against that are about `property` or about a property the choice moves
    /// (API onboarding moves liability to the platform, which N4 advises against with
    /// direct charges). One resolution for both.
    public func consequences(
        ofChoosing option: OptionID, for property: PropertyID, in state: GuideState
    ) -> (moves: [MovedProperty], breached: [Rule]) {
        let resolution = state.selection[property] == option
            ? Resolution(selection: state.selection, moved: [])
            : choosing(option, for: property, in: state.selection, recentlySet: state.recentlySet)
        var concerned = PropertySet()
        concerned.insert(property)
        for move in resolution.moved { concerned.insert(move.property) }
        return (resolution.moved, breachedRecommendations(of: resolution.selection).filter { !$0.properties.isDisjoint(with: concerned) })
    }

    /// What choosing the option would move, for marking it before it is chosen.
    public func preview(choosing option: OptionID, for property: PropertyID, in state: GuideState) -> [MovedProperty] {
        consequences(ofChoosing: option, for: property, in: state).moves
    }
}
