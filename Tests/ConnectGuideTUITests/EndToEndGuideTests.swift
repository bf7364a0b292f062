import ConnectGuideCore
import Foundation
import Testing

@testable import ConnectGuideTUI

/// Links, open, copy, export, undo, quitting and resuming, in the real binary under tmux.
@Suite("End to end: links, open, copy, export, undo, resume", .serialized, .enabled(if: tmuxAvailable, "needs tmux"))
struct EndToEndGuideTests {
    let defaultsURL = guide.url(for: guide.defaults)

    /// What the app writes to the pane from now on, raw (tmux pipe-pane -O).
    func startRecording(_ session: TerminalSession) throws -> URL {
        let file = session.directory.appendingPathComponent("raw.bin")
        try session.tmux(["pipe-pane", "-O", "-t", "main", "cat >> " + shellQuoted(file.path)])
        return file
    }

    func waitForBytes(_ file: URL, containing text: String) throws {
        try poll("\(text.debugDescription) in the output") {
            FileManager.default.contents(atPath: file.path).map { String(decoding: $0, as: UTF8.self).contains(text) } == true ? true : nil
        }
    }

    /// Polls `body` until it gives a value, for up to ten seconds.
    @discardableResult
    func poll<Value>(_ what: String, _ body: () throws -> Value?) throws -> Value {
        let deadline = Date().addingTimeInterval(10)
        while true {
            if let value = try body() { return value }
            if Date() > deadline { throw HarnessError(description: "timed out waiting for \(what)") }
            Thread.sleep(forTimeInterval: 0.03)
        }
    }

    @Test("A step link goes out as an OSC 8 hyperlink with its full address; y y sends the URL in OSC 52 base64")
    func hyperlinkAndCopy() throws {
        // Inside tmux the guide draws no hyperlinks unless told to.
        let session = try TerminalSession(columns: 120, rows: 40, environment: ["CONNECT_GUIDE_HYPERLINKS": "1"])
        try session.waitFor("Integration steps")
        let raw = try startRecording(session)
        try session.press("C-l")
        let link = guide.plan(for: guide.defaults).steps[0].links[0].url
        try waitForBytes(raw, containing: "\u{1B}]8;;\(link)\u{1B}\\")
        try waitForBytes(raw, containing: "\(link)\u{1B}]8;;\u{1B}\\")
        try session.press("y")
        try session.waitFor("the curl request (Accounts v1)")
        try session.press("y")
        try session.waitFor("Sent the docs URL")
        try waitForBytes(raw, containing: "\u{1B}]52;c;\(Data(defaultsURL.utf8).base64EncodedString())\u{07}")
        try session.press("q")
        #expect(try session.exitStatus() == 0)
    }

    @Test("o runs $BROWSER with the docs page, or with the link chosen in the list")
    func open() throws {
        let session = try TerminalSession(
            columns: 100, rows: 30,
            command: """
                printf '#!/bin/sh\\nprintf %%s "$1" > "%s/opened.partial"; mv "%s/opened.partial" "%s/opened.$$"\\n' "$PWD" "$PWD" "$PWD" > browser.sh
                chmod +x browser.sh
                BROWSER="$PWD/browser.sh" "$APP" < /dev/tty & record pid echo $!; wait $!
                """, closePresets: true)
        try session.waitFor("Integration steps")
        try session.press("o")
        try session.waitFor("Open a link")
        try session.press("Enter")
        try session.waitFor("Opened the link with")
        #expect(try openedAddresses(session, count: 1) == [defaultsURL])
        try session.press("o")
        try session.waitFor("Open a link")
        try session.press("Down")
        try session.press("Enter")
        let first = guide.plan(for: guide.defaults).steps[0].links[0].url
        #expect(try openedAddresses(session, count: 2).contains(first))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
    }

    /// The addresses the stand-in browser was given, once there are `count` of them.
    func openedAddresses(_ session: TerminalSession, count: Int) throws -> Set<String> {
        try poll("the browser to be run \(count) times") {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: session.directory.path)) ?? []
            let opened = names.filter { $0.hasPrefix("opened.") && !$0.hasSuffix("partial") }
            guard opened.count >= count else { return nil }
            return Set(try opened.map { try String(contentsOf: session.directory.appendingPathComponent($0), encoding: .utf8) })
        }
    }

    @Test("Export to x.json writes JSON and to x.sh the v1 curl: the format follows the name")
    func export() throws {
        let session = try TerminalSession(columns: 100, rows: 30)
        try session.waitFor("Integration steps")
        for (name, format) in [("x.json", "json"), ("x.sh", "curl v1")] {
            try session.press("e")
            try session.waitFor("Export")
            try session.press("C-u")
            try session.press("-l", name)
            try session.waitFor("/" + name)
            try session.press("Enter")
            try session.waitFor("Saved \(format) to")
        }
        let json = try JSONSerialization.jsonObject(with: Data(try session.file("x.json").utf8)) as? [String: Any]
        #expect(json?["schema"] as? String == "connect-guide/plan/v1")
        #expect(try session.file("x.sh").contains("curl -X POST https://api.stripe.com/v1/accounts"))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
    }

    @Test("3 ↓ Enter, u: exactly the defaults on screen; Ctrl-R: the Destination selection again")
    func undoRedo() throws {
        let session = try TerminalSession(columns: 120, rows: 40)
        try session.waitFor("Integration steps")
        let destination = typed("3") + keys(.down, .enter)
        try session.press("3")
        try session.press("Down")
        try session.press("Enter")
        try session.waitFor(render(model(120, 40, after: destination)))
        try session.press("u")
        try session.waitFor(render(model(120, 40, after: destination + typed("u"))))
        #expect(model(120, 40, after: destination + typed("u")).state.selection == guide.defaults)
        try session.waitForSaved("chargeType", "direct")
        try session.press("C-r")
        try session.waitFor(render(model(120, 40, after: destination + typed("u") + [.key(.control("r"))])))
        try session.waitForSaved("chargeType", "destination")
        try session.press("q")
        #expect(try session.exitStatus() == 0)
    }

    @Test("? Esc leaves the guide running, a second Esc does nothing, and q then exits 0, leaving the URL line")
    func escapeAndQuit() throws {
        let session = try TerminalSession(columns: 120, rows: 40)
        try session.waitFor("Integration steps")
        try session.press("?")
        try session.waitFor("show or hide this help")
        try session.press("Escape")
        try session.waitUntilGone("show or hide this help")
        try session.press("Escape")
        // Still answering: help opens again.
        try session.press("?")
        try session.waitFor("show or hide this help")
        try session.press("q")
        try session.waitUntilGone("show or hide this help")
        #expect((try? session.file("status", timeout: 0)) == nil)
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        // The restored screen keeps the selection, its URL and the plan command (joined lines).
        let screen = try session.tmux(["capture-pane", "-p", "-J", "-t", "main"])
        #expect(screen.contains("connect-guide: Onboarding: Stripe-hosted · Dashboard access: Stripe Dashboard"))
        #expect(screen.components(separatedBy: "\n").contains(defaultsURL))
        #expect(screen.contains("connect-guide plan --from-url '\(defaultsURL)'"))
    }

    @Test("A second start opens on the first one's selection and says so; --fresh starts from the defaults")
    func resume() throws {
        let session = try TerminalSession(
            columns: 120, rows: 40,
            command: """
                "$APP" < /dev/tty & echo $! > pid; wait $!; : > first.done
                "$APP" < /dev/tty & echo $! > pid; wait $!; : > second.done
                "$APP" --fresh < /dev/tty & record pid echo $!; wait $!
                """, closePresets: true)
        try session.waitFor("Integration steps")
        try session.press("Down")
        try session.press("Down")
        try session.press("Enter")
        try session.waitFor("Choosing API also set")
        try session.waitForSaved("onboarding", "api")
        try session.press("q")
        _ = try session.file("first.done")
        let second = try session.waitFor("opened on your last selection")
        #expect(second.contains(selectorRow(.onboarding, "API")))
        #expect(second.contains("--fresh"))
        try session.press("q")
        _ = try session.file("second.done")
        try session.waitFor("Integration steps")
        let fresh = try session.waitFor(selectorRow(.onboarding, "Stripe-hosted"))
        #expect(!fresh.contains("opened on your last selection"))
        // Untouched until a choice.
        #expect(try session.savedSelection()?["onboarding"] == "api")
        try session.press("q")
        #expect(try session.exitStatus() == 0)
    }

    @Test("A first start offers the presets; the Airbnb brief takes 4 keys (4 5 ↑ Enter) and the SaaS brief 1 (1)")
    func briefsThroughPresets() throws {
        // "a marketplace like Airbnb; hosts stay on our site; we want Stripe to carry risk"
        let marketplace = try TerminalSession(columns: 80, rows: 24, keepPresets: true)
        try marketplace.waitFor(presetChooserTitle)
        try marketplace.press("4")
        try marketplace.waitFor("Loaded the preset")
        try marketplace.press("5")
        try marketplace.press("Up")
        try marketplace.press("Enter")
        try marketplace.waitForSaved("liability", "stripe")
        let saved = try #require(try marketplace.savedSelection())
        #expect(saved == ["onboarding": "embedded", "dashboard": "none", "chargeType": "destination", "fees": "platform", "liability": "stripe"])
        // Stripe advises against Stripe liability with destination charges: the row says so.
        let screen = try marketplace.waitFor(selectorRow(.liability, "Stripe !"))
        #expect(screen.contains("Plan: "))
        try marketplace.press("q")
        #expect(try marketplace.exitStatus() == 0)

        // "a SaaS like Shopify"
        let saas = try TerminalSession(columns: 200, rows: 60, keepPresets: true)
        try saas.waitFor(presetChooserTitle)
        try saas.press("1")
        try saas.waitFor("Loaded the preset")
        try saas.press("q")
        #expect(try saas.exitStatus() == 0)
    }
}
