import ConnectGuideCore
import ConnectGuideStorage
import Testing

@testable import ConnectGuideTUI

@Suite("update: keys and events")
struct UpdateTests {
    @Test("Down, Down, Enter chooses API; the rules move three properties and a notice says which and why")
    func chooseAPI() {
        let chosen = model(140, 40, after: keys(.down, .down, .enter))
        let selection = chosen.state.selection
        #expect(selection[.onboarding] == "api")
        #expect(selection[.dashboard] == "none")
        #expect(selection[.fees] == "platform")
        #expect(selection[.liability] == "platform")
        #expect(chosen.plan.steps.count == 6)
        #expect(chosen.notice?.kind == .moved)
        let text = chosen.notice?.text ?? ""
        #expect(text.contains("Dashboard access to None"))
        #expect(text.contains("Who pays Stripe fees to Your platform"))
        #expect(text.contains("Negative balance liability to Platform"))
        #expect(text.contains("(R1)"))
    }

    @Test("hjkl move like the arrows")
    func vimKeys() {
        let arrows = model(140, 40, after: keys(.right, .down))
        let letters = model(140, 40, after: typed("lj"))
        #expect(arrows.state == letters.state)
        #expect(letters.cursor.focus == .dashboard)
        #expect(model(140, 40, after: typed("lh")).cursor.focus == .onboarding)
    }

    @Test("Tab and Shift-Tab move the focus; digits jump to a property")
    func focus() {
        #expect(model(140, 40, after: keys(.tab, .tab)).cursor.focus == .chargeType)
        #expect(model(140, 40, after: keys(.backTab)).cursor.focus == .liability)
        #expect(model(140, 40, after: typed("4")).cursor.focus == .fees)
        #expect(model(140, 40, after: typed("5")).cursor.focus == .liability)
    }

    @Test("Space selects like Enter; Home and End go to the first and last option")
    func selectKeys() {
        #expect(model(140, 40, after: keys(.end) + typed(" ")).state.selection[.onboarding] == "api")
        #expect(model(140, 40, after: keys(.end, .home)).cursor.highlighted == "hosted")
    }

    @Test("r resets every property to its default and says so")
    func reset() {
        let back = model(140, 40, after: keys(.down, .down, .enter) + typed("r"))
        #expect(back.state.selection == guide.defaults)
        #expect(back.notice?.kind == .info)
    }

    @Test("A choice that moves nothing clears the previous notice")
    func noticeClears() {
        let chosen = model(140, 40, after: keys(.down, .down, .enter, .up, .enter))
        #expect(chosen.state.selection[.onboarding] == "embedded")
        #expect(chosen.notice == nil)
    }

    @Test("q quits choosing the selection; q and Esc close an open overlay first")
    func quitting() {
        #expect(model(140, 40).update(.key(.character("q"))).effects == [.quit])
        #expect(model(140, 40, after: typed("?")).update(.key(.character("q"))).effects.isEmpty)
        let helpOpen = model(140, 40, after: typed("?"))
        #expect(helpOpen.overlay == .help)
        let (closed, effects) = helpOpen.update(.key(.escape))
        #expect(effects.isEmpty)
        #expect(closed.overlay == nil)
        #expect(model(140, 40, after: typed("v")).overlay == .url(reason: nil))
        #expect(model(140, 40, after: typed("v") + keys(.escape)).overlay == nil)
    }

    @Test("A digit with a combining mark is no property number: nothing happens, nothing traps")
    func digitWithMark() {
        let start = model(140, 40, after: typed("3"))
        let (next, effects) = start.update(.key(.character("1\u{301}")))
        #expect(effects.isEmpty)
        #expect(next.cursor.focus == .chargeType)
        #expect(start.update(.key(.character("4"))).model.cursor.focus == .fees)
    }

    @Test("Start-up notices are the first notice: problems as errors, notes as information, ahead of what moved")
    func startNotices() throws {
        let unusable = StartNotice.savedSelectionUnusable(
            SelectionStoreError(path: "/x/last.url", problem: .notASelection("not a URL")), keptAs: "/x/last.url.corrupt", startingFromDefaults: false)
        let move = try #require(guide.reduce(guide.initialState(), .choose(.onboarding, "api")).lastChange?.moved.first)
        var problem = model(140, 40)
        problem.showStartNotices([unusable, .implied(move)])
        #expect(problem.notice == Notice(
            kind: .error,
            text: "warning: the saved selection in /x/last.url cannot be used: it is not a saved selection (not a URL); it is kept as /x/last.url.corrupt note: \(guide.describe(move))"))
        var note = model(140, 40)
        note.showStartNotices([.nothingSavedToResume(path: "/x/last.url")])
        #expect(note.notice?.kind == .info)
        #expect(render(note).text.contains("note: nothing saved yet in /x/last.url"))
        var none = model(140, 40)
        none.showStartNotices([])
        #expect(none.notice == nil)
        // The next choice replaces it, as any notice.
        #expect(note.update(.key(.down)).model.update(.key(.enter)).model.notice?.text.contains("nothing saved") != true)
        // A starting selection the rules moved: the start notices come first, then what moved.
        // API onboarding with the full Dashboard: R1 moves the Dashboard.
        let moved = guide.initialState(Selection(properties: guide.propertyIDs) { $0 == .onboarding ? "api" : $0 == .dashboard ? "full" : guide.defaults[$0] })
        var both = AppModel(guide: guide, state: moved, size: TerminalSize(columns: 140, rows: 40))
        let movedText = try #require(both.notice?.text)
        both.showStartNotices([.firstStart])
        #expect(both.notice == Notice(kind: .info, text: "note: \(guide.prerequisites) " + movedText))
    }

    @Test("Ctrl-L asks for a full repaint")
    func repaint() {
        #expect(model(140, 40).update(.key(.redraw)).effects == [.repaint])
    }

    @Test("PgDn scrolls the explanation and stops at its end; a new option starts at the top")
    func scrolling() {
        let scrolled = model(80, 24, after: keys(.pageDown))
        #expect(scrolled.explanationScroll > 0)
        let bottom = model(80, 24, after: Array(repeating: .key(.pageDown), count: 20))
        #expect(bottom.explanationScroll == ScreenLayout(bottom).maxExplanationScroll)
        #expect(model(80, 24, after: keys(.pageDown, .down)).explanationScroll == 0)
    }

    @Test("w switches the stacked panes; in the steps pane the arrows scroll")
    func stackedPanes() {
        let steps = model(80, 24, after: typed("w"))
        #expect(steps.stackedPane == .steps)
        let scrolled = steps.update(.key(.down)).model
        #expect(scrolled.stepsScroll == 1)
        #expect(scrolled.cursor.highlighted == steps.cursor.highlighted)
        #expect(model(80, 24, after: typed("ww")).stackedPane == .properties)
        // On a wide terminal both panes show; w explains instead of hiding one.
        #expect(model(140, 40, after: typed("w")).notice?.kind == .info)
    }

    @Test("Resizing to too small and back loses nothing")
    func resizeKeepsState() {
        let before = model(80, 24, after: keys(.right, .pageDown) + typed("w") + keys(.pageDown))
        let after = before
            .update(.resize(TerminalSize(columns: 50, rows: 12))).model
            .update(.resize(TerminalSize(columns: 80, rows: 24))).model
        #expect(after.state == before.state)
        #expect(after.explanationScroll == before.explanationScroll)
        #expect(after.stepsScroll == before.stepsScroll)
        #expect(after.stackedPane == before.stackedPane)
        #expect(render(after).text == render(before).text)
    }

    @Test("Export: format cycles and renames an untouched path; Enter asks the runtime to write")
    func exportDialog() {
        let dialog = model(140, 40, after: typed("e") + keys(.tab, .tab))
        guard case .export(let fields) = dialog.overlay else {
            Issue.record("export dialog not open")
            return
        }
        #expect(fields.format == .json)
        #expect(fields.path == "connect-guide-plan.json")
        let (_, effects) = dialog.update(.key(.enter))
        guard case .export(let request)? = effects.first else {
            Issue.record("Enter did not request an export")
            return
        }
        #expect(request.format == .json)
        #expect(request.overwrite == false)
        #expect(request.contents.contains("\"schema\""))
    }

    @Test("Export: a typed path stays when the format changes; q is typed, not quit")
    func exportTyping() {
        let dialog = model(140, 40, after: typed("e") + [.key(.clearLine)] + typed("q.txt") + keys(.tab))
        guard case .export(let fields) = dialog.overlay else {
            Issue.record("export dialog not open")
            return
        }
        #expect(fields.path == "q.txt")
        #expect(fields.format == .markdown)
    }

    @Test("Export: an existing file is replaced only after y; n goes back to the dialog")
    func exportConfirmation() {
        let asking = model(140, 40, after: typed("e") + keys(.enter) + [.exported(.exists(path: "/tmp/x"))])
        guard case .export(let fields) = asking.overlay else {
            Issue.record("export dialog not open")
            return
        }
        #expect(fields.confirmingOverwrite)
        guard case .export(let request)? = asking.update(.key(.character("y"))).effects.first else {
            Issue.record("y did not request an export")
            return
        }
        #expect(request.overwrite)
        let declined = asking.update(.key(.character("n"))).model
        #expect(declined.overlay == .export(ExportDialog()))
        let written = asking.update(.exported(.written(path: "/tmp/x"))).model
        #expect(written.overlay == nil)
        #expect(written.notice?.text.contains("/tmp/x") == true)
    }

    @Test("Export under way: the dialog waits (keys and pastes change nothing, a second Enter exports nothing); Esc closes it and the outcome becomes a notice")
    func exportUnderWay() {
        let (waiting, effects) = model(140, 40, after: typed("e") + [.key(.clearLine)] + typed("p.md")).update(.key(.enter))
        guard case .export? = effects.last else {
            Issue.record("Enter did not ask for the export")
            return
        }
        #expect(waiting.exporting == .markdown)
        #expect(render(waiting).text.contains("Saving to"))
        let pressed = ([.key(.enter), .key(.character("x")), .key(.tab), .paste("y")] as [UIEvent]).reduce(waiting) { model, event in
            let (next, effects) = model.update(event)
            #expect(effects.isEmpty, "\(event) while the export is written")
            return next
        }
        #expect(pressed.overlay == waiting.overlay)
        let closed = pressed.update(.key(.escape)).model
        #expect(closed.overlay == nil)
        #expect(closed.exporting == .markdown)
        let failed = closed.update(.exported(.failed("Cannot save to /w/p.md: is a FIFO with no reader."))).model
        #expect(failed.notice == Notice(kind: .error, text: "Cannot save to /w/p.md: is a FIFO with no reader."))
        #expect(failed.exporting == nil)
        let written = closed.update(.exported(.written(path: "/w/p.md"))).model
        #expect(written.notice == Notice(kind: .info, text: "Saved markdown to /w/p.md."))
        // Answered in the dialog, the outcome shows there as before.
        let inDialog = waiting.update(.exported(.failed("no room"))).model
        guard case .export(let dialog) = inDialog.overlay else {
            Issue.record("the dialog closed on a failure")
            return
        }
        #expect(dialog.error == .failed("no room"))
        #expect(inDialog.exporting == nil)
    }

    @Test("Clicks choose options and focus properties; a click outside help closes it")
    func clicks() {
        let chosen = model(140, 40).update(.click(.option(.liability, "platform"))).model
        #expect(chosen.state.selection[.liability] == "platform")
        #expect(chosen.state.selection[.fees] == "platform", "a click moves what the rules require, as a key does")
        #expect(model(140, 40).update(.click(.property(.liability))).model.cursor.focus == .liability)
        let help = model(140, 40, after: typed("?"))
        #expect(help.update(.click(.scrollArea(.help))).model.overlay == .help)
        #expect(help.update(.click(.background)).model.overlay == nil)
        // Nothing under an overlay reacts.
        #expect(help.update(.click(.property(.fees))).model.cursor.focus == .onboarding)
    }
}
