// What layout remembers between frames: the work a cursor move would otherwise repeat.
// Transparent: each memo returns exactly what computing afresh would.

import ConnectGuideCore
import Synchronization

/// Remembers the steps panel's lines for the last selection and width. They are most of
/// the text on screen and change only with the selection or the width, so a cursor move
/// need not wrap them again. Transparent: the lines are exactly what `stepsContent` returns.
final class LayoutMemo: Sendable {
    private struct Entry: Sendable {
        let selection: Selection
        let marks: StepMarks
        let codeStep: Int?
        let width: Int
        let lines: [TextLine]
    }

    private let last = Mutex<Entry?>(nil)

    /// What choosing each option of a property would do (see `Guide.consequences`): the
    /// same on every cursor move, until a choice changes the selection.
    private struct Consequences: Sendable {
        let selection: Selection
        let recentlySet: [PropertyID]
        let property: PropertyID
        let byOption: [(option: OptionID, moves: [MovedProperty], breached: [Rule])]
    }

    private let consequences = Mutex<Consequences?>(nil)

    func stepsLines(
        for selection: Selection, marks: StepMarks, codeStep: Int?, width: Int, compute: () -> [TextLine]
    ) -> [TextLine] {
        if let entry = last.withLock({ $0 }), entry.selection == selection, entry.marks == marks, entry.codeStep == codeStep,
            entry.width == width
        {
            return entry.lines
        }
        let lines = compute()
        last.withLock { $0 = Entry(selection: selection, marks: marks, codeStep: codeStep, width: width, lines: lines) }
        return lines
    }

    /// What choosing `option` of the focused property would move, and the recommendations
    /// it would go against, for the options' marks and the explanation.
    func consequences(
        ofChoosing option: OptionID, for property: PropertyID, in state: GuideState, guide: Guide
    ) -> (moves: [MovedProperty], breached: [Rule]) {
        if let entry = consequences.withLock({ $0 }), entry.selection == state.selection, entry.recentlySet == state.recentlySet,
            entry.property == property, let found = entry.byOption.first(where: { $0.option == option })
        {
            return (found.moves, found.breached)
        }
        let byOption = guide.property(property).options.map { candidate in
            let (moves, breached) = guide.consequences(ofChoosing: candidate.id, for: property, in: state)
            return (option: candidate.id, moves: moves, breached: breached)
        }
        consequences.withLock {
            $0 = Consequences(selection: state.selection, recentlySet: state.recentlySet, property: property, byOption: byOption)
        }
        let found = byOption.first { $0.option == option }
        return (found?.moves ?? [], found?.breached ?? [])
    }
}

