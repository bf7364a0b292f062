import ConnectGuideCore
import Foundation
import Testing

@testable import ConnectGuideTUI

/// Undo and redo, quitting, open and copy, and the export dialog's line editor, through `update`.
@Suite("update: undo, quitting, open, copy, export")
struct GuideActionsTests {
    /// 3 ↓ Enter: Destination charges (Stripe advises against them with the defaults, but
    /// nothing has to move).
    let destination = typed("3") + keys(.down, .enter)
    /// ↓ ↓ Enter: API onboarding, which moves three other properties.
    let apiOnboarding = keys(.down, .down, .enter)

    @Test("3 ↓ Enter, u: the defaults exactly, focus and cursor included; Ctrl-R: the Destination selection again")
    func undoRedo() {
        let start = model(140, 40)
        let chosen = model(140, 40, after: destination)
        #expect(chosen.state.selection[.chargeType] == "destination")
        #expect(chosen.state.selection != guide.defaults)
        #expect(model(140, 40, after: apiOnboarding).notice?.text.contains("u undoes it.") == true)
        let undone = chosen.update(.key(.character("u"))).model
        #expect(undone.state.selection == guide.defaults)
        // Everything as just before Enter: the selection, the focus and the cursor.
        #expect(undone.state == model(140, 40, after: typed("3") + keys(.down)).state)
        #expect(undone.state.selection == start.state.selection)
        let redone = undone.update(.key(.control("r"))).model
        #expect(redone.state.selection == chosen.state.selection)
        #expect(redone.state == chosen.state)
    }

    @Test("Every choice, reset and click undoes back to the start of the session, then says there is nothing more")
    func undoToStart() {
        // Destination charges, then platform fees (which moves the dashboard), a reset, a click.
        let events = destination + typed("4") + keys(.down, .enter) + typed("r") + [.click(.option(.onboarding, "api"))]
        var current = model(140, 40, after: events)
        #expect(current.state.selection[.onboarding] == "api")
        var seen: [Selection] = [current.state.selection]
        for _ in 0..<4 {
            current = current.update(.key(.character("u"))).model
            seen.append(current.state.selection)
        }
        #expect(current.state.selection == guide.defaults)
        // Before the click: the reset's defaults; before the reset: the fees choice, with what it moved.
        #expect(seen[1] == guide.defaults)
        #expect(seen[2][.fees] == "platform")
        #expect(seen[2][.dashboard] == "express")
        #expect(seen[3][.chargeType] == "destination")
        #expect(seen[3][.fees] == "connectedAccounts")
        let more = current.update(.key(.character("u"))).model
        #expect(more.state == current.state)
        #expect(more.notice?.text.contains("Nothing to undo") == true)
        // A new choice after undoing drops what could have been redone.
        let branched = model(140, 40, after: destination + typed("u") + keys(.enter) + [.key(.control("r"))])
        #expect(branched.notice?.text.contains("Nothing to redo") == true)
    }

    @Test("Reset asks nothing and can be undone")
    func resetUndo() {
        let reset = model(140, 40, after: destination + typed("r"))
        #expect(reset.state.selection == guide.defaults)
        #expect(reset.overlay == nil)
        #expect(reset.update(.key(.character("u"))).model.state.selection[.chargeType] == "destination")
    }

    @Test("q and Esc close an overlay first; Esc then clears the notice; at the top q quits and Esc does nothing")
    func quitting() {
        for opener in ["?", "v", "y", "o"] {
            for closer in [Key.escape, .character("q")] {
                let (closed, effects) = model(140, 40, after: typed(opener)).update(.key(closer))
                #expect(closed.overlay == nil, "\(opener) then \(closer)")
                #expect(effects.isEmpty)
            }
        }
        #expect(model(140, 40).update(.key(.character("q"))).effects == [.quit])
        #expect(model(140, 40).update(.key(.escape)).effects.isEmpty)
        let noticed = model(140, 40, after: apiOnboarding)
        #expect(noticed.notice != nil)
        let cleared = noticed.update(.key(.escape))
        #expect(cleared.effects.isEmpty)
        #expect(cleared.model.notice == nil)
        // With --print, Esc at the top still cancels.
        let printing = SessionOptions(printFormat: "json")
        #expect(model(140, 40, options: printing).update(.key(.escape)).effects == [.cancel])
        #expect(model(140, 40, after: typed("?"), options: printing).update(.key(.escape)).effects.isEmpty)
    }

    @Test("y y copies the docs URL with a confirmation; the menu also offers the plan, both curls and JSON")
    func copy() {
        let url = guide.url(for: guide.defaults)
        let (copied, effects) = model(140, 40, after: typed("y")).update(.key(.character("y")))
        #expect(effects == [.copy(url)])
        #expect(copied.notice?.text.hasPrefix("Sent the docs URL") == true)
        let curl = model(140, 40, after: typed("y") + keys(.down, .down)).update(.key(.enter)).effects.first
        guard case .copy(let text)? = curl else {
            Issue.record("no copy")
            return
        }
        #expect(text.contains("https://api.stripe.com/v1/accounts"))
        guard case .menu(let menu) = model(140, 40, after: typed("y")).overlay else {
            Issue.record("no menu")
            return
        }
        #expect(menu.items.map(\.label).count == 5)
        #expect(menu.items.last?.payload.contains("\"schema\"") == true)
    }

    @Test("o and y work the same in the stacked layout, in either pane")
    func stacked() {
        let url = guide.url(for: guide.defaults)
        for pane in [[], typed("w")] {
            #expect(model(80, 24, after: pane + typed("y")).update(.key(.character("y"))).effects == [.copy(url)])
            #expect(model(80, 24, after: pane + typed("o")).update(.key(.enter)).effects == [.open(url)])
        }
    }

    @Test("o opens the docs page, or a step's link; with no browser the URL view shows the address and says why")
    func open() {
        let url = guide.url(for: guide.defaults)
        #expect(model(140, 40, after: typed("o")).update(.key(.enter)).effects == [.open(url)])
        let firstStepLink = guide.plan(for: guide.defaults).steps[0].links[0].url
        #expect(model(140, 40, after: typed("o") + keys(.down)).update(.key(.character("o"))).effects == [.open(firstStepLink)])
        let none = model(140, 40).update(.opened(.noBrowser(url: url))).model
        guard case .url(let reason?, _) = none.overlay else {
            Issue.record("no URL view")
            return
        }
        #expect(reason.contains("BROWSER"))
        let screen = render(none)
        // The address whole, across full-width rows, with no border beside it.
        let first = screen.lines.firstIndex { $0.hasPrefix("https://docs.stripe.com/connect/design-an-integration") } ?? 0
        let rows = Array(screen.lines[first...].prefix { !$0.hasPrefix("──") })
        #expect(rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined() == url)
        #expect(!rows.contains { $0.contains("│") })
        #expect(model(140, 40).update(.opened(.launched(url: url, with: "firefox"))).model.notice?.text.contains("firefox") == true)
    }

    @Test("With no browser the chosen link is shown, not the page's URL; a failed browser is an error that shows the link")
    func openChosenLink() {
        let link = guide.plan(for: guide.defaults).steps[0].links[0].url
        let none = model(140, 40).update(.opened(.noBrowser(url: link))).model
        #expect(render(none).text.replacingOccurrences(of: "\n", with: "").contains(link))
        #expect(none.update(.key(.character("y"))).effects == [.copy(link)])
        let failed = model(140, 40).update(.opened(.failed(url: link, problem: .notFound(browser: "nobrowser")))).model
        #expect(failed.notice?.kind == .error)
        #expect(failed.notice?.text.contains("nobrowser was not found") == true)
        #expect(render(failed).text.contains(link))
    }

    @Test("The o list has the cautions' links after the steps', and a digit jumps to that step's first link")
    func openListCautionsAndDigits() {
        // Destination charges on the full Dashboard: a recommendation is breached.
        let chosen = model(140, 40, after: typed("3") + keys(.down, .enter))
        guard case .menu(let menu) = chosen.update(.key(.character("o"))).model.overlay else {
            Issue.record("no menu")
            return
        }
        let plan = chosen.plan
        let cautionLinks = plan.cautions.flatMap(\.links).map(\.url) + plan.callouts.flatMap(\.links).map(\.url)
        #expect(!cautionLinks.isEmpty)
        #expect(Set(cautionLinks).isSubset(of: Set(menu.items.map(\.payload))))
        #expect(menu.items.contains { $0.label.hasPrefix("! ") })
        let jumped = chosen.update(.key(.character("o"))).model.update(.key(.character("3"))).model
        guard case .menu(let moved) = jumped.overlay else {
            Issue.record("the menu closed")
            return
        }
        #expect(moved.items[moved.cursor].label.hasPrefix("3. "))
    }
}

@Suite("Export dialog: formats and the file-name editor")
struct ExportEditorTests {
    func dialog(_ events: [UIEvent]) -> ExportDialog? {
        guard case .export(let dialog) = model(100, 30, after: typed("e") + events).overlay else { return nil }
        return dialog
    }

    @Test("←→ move the cursor, typing inserts at it; Home/End, Ctrl-A/E, Backspace, Delete, Ctrl-W, Ctrl-U edit")
    func lineEditor() {
        let start = [UIEvent.key(.clearLine)] + typed("plans/x.md")
        #expect(dialog(start)?.path == "plans/x.md")
        #expect(dialog(start + keys(.left, .left, .left) + typed("y"))?.path == "plans/xy.md")
        #expect(dialog(start + keys(.home) + typed("~/"))?.path == "~/plans/x.md")
        #expect(dialog(start + [.key(.control("a")), .key(.delete)])?.path == "lans/x.md")
        #expect(dialog(start + [.key(.control("a")), .key(.control("e")), .key(.backspace)])?.path == "plans/x.m")
        #expect(dialog(start + [.key(.control("w"))])?.path == "plans/")
        #expect(dialog(start + [.key(.control("w")), .key(.control("w"))])?.path == "")
        #expect(dialog(start + keys(.left, .left, .left) + [.key(.clearLine)])?.cursor == 0)
        // ←→ no longer change the format.
        #expect(dialog(start + keys(.left, .right))?.format == .markdown)
    }

    @Test("The format follows the extension until Tab picks one; then a mismatch is said before saving")
    func formatFromName() throws {
        #expect(dialog([.key(.clearLine)] + typed("x.json"))?.format == .json)
        #expect(dialog([.key(.clearLine)] + typed("x.sh"))?.format == .curlV1)
        #expect(dialog([.key(.clearLine)] + typed("x.md"))?.format == .markdown)
        #expect(dialog([.key(.clearLine)] + typed("x.md"))?.mismatch == nil)
        // Tab from text: Markdown, and an untouched name follows it.
        let tabbed = try #require(dialog(keys(.tab)))
        #expect(tabbed.format == .markdown)
        #expect(tabbed.path == "connect-guide-plan.md")
        let picked = try #require(dialog([.key(.clearLine)] + typed("x.json") + keys(.tab) + typed("x")))
        // Picked by Tab (json, then prompt), the format stays while the name changes.
        #expect(picked.format == .prompt)
        #expect(picked.path == "x.jsonx")
        let mismatched = try #require(dialog(keys(.tab, .tab) + [.key(.clearLine)] + typed("plan.md")))
        #expect(mismatched.format == .json)
        #expect(mismatched.mismatch == "md")
        #expect(render(model(100, 30, after: typed("e") + keys(.tab, .tab) + [.key(.clearLine)] + typed("plan.md"))).text
            .contains("but the format is json"))
    }

    @Test("Each format writes its document: JSON for x.json, the v1 curl for x.sh, the URL")
    func contents() throws {
        func request(_ name: String, tabs: Int = 0) -> ExportRequest? {
            let events = typed("e") + [.key(.clearLine)] + typed(name) + Array(repeating: .key(.tab), count: tabs)
            guard case .export(let request)? = model(100, 30, after: events).update(.key(.enter)).effects.first else { return nil }
            return request
        }
        let json = try #require(request("x.json"))
        #expect(json.format == .json)
        #expect(json.contents.contains("\"schema\": \"connect-guide/plan/v1\""))
        let curl = try #require(request("x.sh"))
        #expect(curl.contents.contains("curl -X POST https://api.stripe.com/v1/accounts"))
        let v2 = try #require(request("x.sh", tabs: 1))
        #expect(v2.format == .curlV2)
        #expect(v2.contents.contains("/v2/core/accounts"))
        let account = try #require(request("x.json", tabs: 4))
        #expect(account.format == .accountJSON)
        #expect(account.contents.contains("connect-guide/config/v1"))
        let url = try #require(request("x.txt", tabs: 7))
        #expect(url.format == .url)
        #expect(url.contents == guide.url(for: guide.defaults) + "\n")
    }

    @Test("The absolute target is shown before saving")
    func target() {
        let options = SessionOptions(workingDirectory: "/home/ada/work", home: "/home/ada")
        let relative = render(model(100, 30, after: typed("e") + [.key(.clearLine)] + typed("out/x.json"), options: options))
        #expect(relative.text.contains("Saves   /home/ada/work/out/x.json"))
        let home = render(model(100, 30, after: typed("e") + [.key(.clearLine)] + typed("~/x.md"), options: options))
        #expect(home.text.contains("Saves   /home/ada/x.md"))
    }

    @Test("A 100,000-character paste: control characters dropped, cut at PATH_MAX (4096 bytes) and said, and the frame renders")
    func hugePaste() throws {
        let pasted = String(repeating: "a/b\u{7}c\n", count: 20_000)
        let pastedModel = model(100, 30, after: typed("e") + [.key(.clearLine), .paste(pasted)])
        guard case .export(let field) = pastedModel.overlay else {
            Issue.record("export dialog not open")
            return
        }
        #expect(field.path.utf8.count == ExportDialog.maximumPathBytes)
        #expect(field.byteCount == ExportDialog.maximumPathBytes)
        #expect(!field.path.contains("\u{7}") && !field.path.contains("\n"))
        #expect(field.path.hasPrefix("a/bca/bc"))
        #expect(field.cursor == field.characters.count)
        let frame = render(pastedModel)
        #expect(frame.text.contains("PATH_MAX"))
        // The field shows the end of the name, cut with "…" at its start, and fits its box.
        let line = try #require(frame.lines.first { $0.contains(" File ") })
        #expect(line.contains("…"))
        #expect(line.contains("a/bc"))
        #expect(DisplayWidth.standard.of(line) == 100)
        // Typed one key at a time it stops at the same limit; multi-byte characters never split.
        var typedModel = model(100, 30, after: typed("e") + [.key(.clearLine)])
        for character in String(repeating: "é", count: 2_100) { typedModel = typedModel.update(.key(.character(character))).model }
        guard case .export(let typedField) = typedModel.overlay else { return }
        #expect(typedField.path.utf8.count == 4096)
        #expect(typedField.characters.count == 2048)
        // A paste outside the dialog does nothing.
        #expect(model(100, 30).update(.paste("q")).effects.isEmpty)
    }

    @Test("The field's window keeps the cursor in view wherever it is in a long name")
    func window() {
        let characters = Array(String(repeating: "abcdefghij", count: 50))
        for cursor in [0, 1, 37, 250, 499, 500] {
            let shown = fieldWindow(characters, cursor: cursor, width: 30, displayWidth: .standard)
            #expect(DisplayWidth.standard.of(shown.text) <= 30, "cursor \(cursor)")
            #expect(shown.cursorColumn < 30, "cursor \(cursor)")
            if cursor < characters.count, shown.cursorColumn > 0 { #expect(shown.cursorCharacter == characters[cursor]) }
        }
    }
}
