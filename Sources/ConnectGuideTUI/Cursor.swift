import ConnectGuideCore

/// Where the cursor is in the properties pane: the property whose section is open, and the
/// option under the cursor in its list (not yet chosen). The screen's own state: the core
/// keeps only the selection.
public struct GuideCursor: Hashable, Sendable {
    public private(set) var focus: PropertyID
    public private(set) var highlighted: OptionID

    /// On `property` (the guide's first), at its chosen option.
    init(on property: PropertyID, in selection: Selection) {
        focus = property
        highlighted = selection[property]
    }

    /// `property`'s section open, at its chosen option.
    func focusing(_ property: PropertyID, in selection: Selection) -> GuideCursor {
        var next = self
        next.focus = property
        next.highlighted = selection[property]
        return next
    }

    /// The next of `properties` (`by` 1) or the previous one (-1) open, round the list.
    func focusing(by step: Int, among properties: [PropertyID], in selection: Selection) -> GuideCursor {
        let count = properties.count
        let current = properties.firstIndex(of: focus) ?? 0
        return focusing(properties[((current + step) % count + count) % count], in: selection)
    }

    enum Movement {
        case previous, next, first, last
    }

    /// Moved through the focused property's options, stopping at either end.
    func moving(_ movement: Movement, in guide: Guide) -> GuideCursor {
        let options = guide.property(focus).options
        let current = guide.property(focus).index(of: highlighted) ?? 0
        let target = switch movement {
        case .previous: max(current - 1, 0)
        case .next: min(current + 1, options.count - 1)
        case .first: 0
        case .last: options.count - 1
        }
        var next = self
        next.highlighted = options[target].id
        return next
    }

    /// After a change of selection: a choice opens the chosen property at the option
    /// chosen; a reset or a load keeps the property open, at its new value.
    func following(_ change: SelectionChange, to selection: Selection) -> GuideCursor {
        if case .chose(let property, _) = change.cause { return focusing(property, in: selection) }
        return focusing(focus, in: selection)
    }
}
