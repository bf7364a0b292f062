/// The state of an interactive session with the guide. Only `Guide.reduce` changes it,
/// and it keeps the selection valid: every event ends in a selection that breaks no rule.
public struct GuideState: Hashable, Sendable {
    public fileprivate(set) var selection: Selection
    /// The property whose section is open.
    public fileprivate(set) var focus: PropertyID
    /// The option under the cursor in the focused property's list (not yet chosen).
    public fileprivate(set) var highlighted: OptionID
    /// Properties the user chose, most recent first; ties in resolution keep these.
    public fileprivate(set) var recentlySet: [PropertyID]
    /// What the last selecting event changed, for the notice line; nil after other events.
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
    case focusNext
    case focusPrevious
    case focus(PropertyID)
    case highlightNext
    case highlightPrevious
    case highlightFirst
    case highlightLast
    case highlight(OptionID)
    /// Choose the highlighted option of the focused property.
    case selectHighlighted
    /// Choose an option of any property, as a mouse click does.
    case choose(PropertyID, OptionID)
    case reset
    /// Replace the whole selection (a URL, a saved file); an invalid one is moved to the nearest valid one.
    case load(Selection)
}

extension Guide {
    public func initialState(_ selection: Selection? = nil) -> GuideState {
        var state = GuideState(
            selection: defaults, focus: propertyIDs[0], highlighted: defaults[propertyIDs[0]],
            recentlySet: [], lastChange: nil)
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
        case .focusNext:
            next.moveFocus(to: propertyIDs[(state.focus.index + 1) % propertyIDs.count])
        case .focusPrevious:
            let count = propertyIDs.count
            next.moveFocus(to: propertyIDs[(state.focus.index + count - 1) % count])
        case .focus(let property):
            next.moveFocus(to: property)
        case .highlightNext, .highlightPrevious, .highlightFirst, .highlightLast:
            let options = property(state.focus).options
            let current = property(state.focus).index(of: state.highlighted) ?? 0
            let target: Int
            switch event {
            case .highlightNext: target = min(current + 1, options.count - 1)
            case .highlightPrevious: target = max(current - 1, 0)
            case .highlightFirst: target = 0
            default: target = options.count - 1
            }
            next.highlighted = options[target].id
        case .highlight(let option):
            if property(state.focus).option(option) != nil { next.highlighted = option }
        case .selectHighlighted:
            return reduce(state, .choose(state.focus, state.highlighted))
        case .choose(let chosenProperty, let option):
            guard property(chosenProperty).option(option) != nil else { return next }
            let resolution = choosing(option, for: chosenProperty, in: state.selection, recentlySet: state.recentlySet)
            next.selection = resolution.selection
            next.recentlySet = [chosenProperty] + state.recentlySet.filter { $0 != chosenProperty }
            next.lastChange = SelectionChange(cause: .chose(chosenProperty, option), moved: resolution.moved)
            next.focus = chosenProperty
            next.highlighted = option
        case .reset:
            next.selection = defaults
            next.recentlySet = []
            next.highlighted = defaults[next.focus]
            next.lastChange = SelectionChange(cause: .reset, moved: [])
        case .load(let wanted):
            let known = Selection(properties: propertyIDs) { property in
                self.property(property).option(wanted[property]) != nil ? wanted[property] : self.property(property).defaultOption
            }
            let resolution = nearestValid(to: known, keeping: []) ?? Resolution(selection: defaults, moved: [])
            next.selection = resolution.selection
            next.recentlySet = []
            next.highlighted = resolution.selection[next.focus]
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

extension GuideState {
    fileprivate mutating func moveFocus(to property: PropertyID) {
        focus = property
        highlighted = selection[property]
    }
}
