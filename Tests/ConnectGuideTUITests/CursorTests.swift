import ConnectGuideCore
import Testing

@testable import ConnectGuideTUI

/// The cursor is the screen's own state (the core keeps only the selection): where it
/// goes on each key, and how it follows a change of selection.
@Suite("The cursor in the properties pane")
struct CursorTests {
    @Test("focus wraps round the properties; the option cursor stops at either end; a new property opens at its chosen option")
    func navigation() {
        let start = GuideCursor(on: guide.propertyIDs[0], in: guide.defaults)
        #expect(start == start.focusing(by: 1, among: guide.propertyIDs, in: guide.defaults).focusing(.onboarding, in: guide.defaults))
        #expect(start.focus == .onboarding && start.highlighted == "hosted")
        let last = start.focusing(by: -1, among: guide.propertyIDs, in: guide.defaults)
        #expect(last.focus == .liability && last.highlighted == "stripe")
        #expect(last.focusing(by: 1, among: guide.propertyIDs, in: guide.defaults) == start)
        #expect(start.moving(.previous, in: guide) == start)
        let bottom = start.moving(.last, in: guide)
        #expect(bottom.highlighted == "api")
        #expect(bottom.moving(.next, in: guide) == bottom)
        #expect(bottom.moving(.previous, in: guide).highlighted == "embedded")
        #expect(bottom.moving(.first, in: guide).highlighted == "hosted")
        #expect(start.moving(.next, in: guide).moving(.next, in: guide) == bottom)
    }

    @Test("the cursor follows a change: a choice opens the property chosen at its option; reset and load keep the property, at its new value")
    func followsChanges() {
        let chosen = model(140, 40, after: typed("3") + keys(.down, .enter))
        #expect(chosen.cursor.focus == .chargeType && chosen.cursor.highlighted == "destination")
        let clicked = model(140, 40).update(.click(.option(.liability, "platform"))).model
        #expect(clicked.cursor.focus == .liability && clicked.cursor.highlighted == "platform")
        let onFees = model(140, 40, after: [.click(.option(.onboarding, "api"))] + typed("4"))
        #expect(onFees.cursor.highlighted == "platform", "API onboarding moved the fees to the platform")
        let reset = onFees.update(.key(.character("r"))).model
        #expect(reset.cursor.focus == .fees && reset.cursor.highlighted == "connectedAccounts")
        // Undo puts the cursor back where it was when the change was made.
        let undone = reset.update(.key(.character("u"))).model
        #expect(undone.cursor == onFees.cursor)
        // Moving the cursor changes no selection and asks for no save.
        let (moved, effects) = chosen.update(.key(.down))
        #expect(moved.state == chosen.state && effects.isEmpty)
    }
}
