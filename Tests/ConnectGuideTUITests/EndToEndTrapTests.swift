import ConnectGuideCore
import Foundation
import Testing

@testable import ConnectGuideTUI

/// Issue 19's traps, in the real binary under tmux (part of the end-to-end suite, so CI
/// runs them against the release build too).
extension EndToEndGuideTests {
    @Test("A first start given selection flags, --from-url or --preset opens on them, not on the preset chooser", arguments: [
        // The defaults' own values: a start the flags chose, even where it looks like none.
        ["--onboarding", "hosted"], ["--from-url", "?connect-charge-type=direct"], ["--preset", "saas-dashboard"],
    ])
    func noPresetChooserWithFlags(arguments: [String]) throws {
        let session = try TerminalSession(columns: 100, rows: 30, arguments: arguments, closePresets: false)
        try session.waitFor("Integration steps")
        // The chooser is in the first frame when it is offered: give it time to show.
        Thread.sleep(forTimeInterval: 0.3)
        let screen = session.screen
        #expect(!screen.contains(presetChooserTitle), "\(arguments)\n\(screen)")
        #expect(screen.contains(selectorRow(.onboarding, "Stripe-hosted")))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
    }

    @Test("80x24: after choosing API, and on a resumed start, all five property rows are on screen with a one-line notice")
    func fivePropertyRowsAt80x24() throws {
        let session = try TerminalSession(columns: 80, rows: 24)
        try session.waitFor(selectorRow(.onboarding, "Stripe-hosted"))
        try session.press("Down", "Down", "Enter")
        let chosen = try session.waitFor("Choosing API also set")
        for (property, value) in [(PropertyID.onboarding, "API"), (.dashboard, "None"), (.chargeType, "Direct charges"),
            (.fees, "Your platform"), (.liability, "Platform")]
        {
            #expect(chosen.contains(selectorRow(property, value)), "\(property)\n\(chosen)")
        }
        #expect(chosen.components(separatedBy: "\n").filter { $0.contains("Choosing API also set") }.count == 1)
        #expect(!chosen.contains("Why: API"), "the reason is behind n\n\(chosen)")
        try session.waitForSaved("onboarding", "api")
        try session.press("q")
        #expect(try session.exitStatus() == 0)

        // The same state directory: the next start resumes, with its notice.
        let resumed = try TerminalSession(
            columns: 80, rows: 24, command: "XDG_STATE_HOME=\(shellQuoted(session.directory.path)) \"$APP\" < /dev/tty & record pid echo $!; wait $!",
            closePresets: false)
        let screen = try resumed.waitFor("opened on your last selection")
        for property in guide.properties {
            #expect(screen.contains(" \(property.id.index + 1) \(property.label) "), "\(property.label)\n\(screen)")
        }
        try resumed.press("q")
        #expect(try resumed.exitStatus() == 0)
    }

    @Test("o with no browser shows the link chosen, not the page's URL; a browser that is not there is reported")
    func openWithoutBrowser() throws {
        let link = guide.plan(for: guide.defaults).steps[0].links[0].url
        let none = try TerminalSession(
            columns: 100, rows: 30, command: "BROWSER= PATH=/nonexistent \"$APP\" < /dev/tty & record pid echo $!; wait $!", closePresets: true)
        try none.waitFor("Integration steps")
        try none.press("o")
        try none.waitFor("Open a link")
        try none.press("Down")
        try none.press("Enter")
        // The whole panel, not its first line: ncurses writes a frame in several calls
        // (3391 bytes at a time at 100x30), and a capture between two of them shows the
        // reason with the address below it not drawn yet.
        let shown = try none.waitForScreen("the reason and the link under it") { $0.contains("Cannot open it here") && $0.contains(link) }
        #expect(shown.contains(link), "\(shown)")
        #expect(!shown.contains(guide.url(for: guide.defaults).prefix(90)), "the page's URL instead of the link\n\(shown)")
        try none.press("Escape")
        try none.waitUntilGone("Cannot open it here")
        try none.press("q")
        #expect(try none.exitStatus() == 0)

        let missing = try TerminalSession(
            columns: 100, rows: 30, command: "BROWSER=/nonexistent/browser \"$APP\" < /dev/tty & record pid echo $!; wait $!", closePresets: true)
        try missing.waitFor("Integration steps")
        try missing.press("o")
        try missing.waitFor("Open a link")
        try missing.press("Enter")
        let failed = try missing.waitFor("was not found")
        #expect(!failed.contains("Opened"), "\(failed)")
        try missing.press("Escape")
        try missing.waitUntilGone("The browser did not open it")
        try missing.press("q")
        #expect(try missing.exitStatus() == 0)
    }

    @Test("Inside tmux with links not turned on, no address on screen ends in …, in the steps or the o list")
    func wholeAddressesInsideTmux() throws {
        // Empty: the guide's own guess, as for a user who has not set it.
        let session = try TerminalSession(columns: 80, rows: 24, environment: ["CONNECT_GUIDE_HYPERLINKS": ""])
        try session.waitFor(selectorRow(.onboarding, "Stripe-hosted"))
        try session.press("w")
        var screens = [try session.waitFor("Integration steps")]
        // Page through the steps to their end.
        for _ in 0..<12 {
            try session.press("PageDown")
            Thread.sleep(forTimeInterval: 0.15)
            screens.append(session.screen)
        }
        try session.press("o")
        screens.append(try session.waitFor("Open a link"))
        for _ in 0..<8 {
            try session.press("Down")
            Thread.sleep(forTimeInterval: 0.1)
            screens.append(session.screen)
        }
        let cut = screens.flatMap { $0.components(separatedBy: "\n") }.filter { line in
            line.split(separator: " ").contains { $0.hasPrefix("https://") && $0.hasSuffix("…") }
        }
        #expect(cut.isEmpty, "addresses cut with …:\n\(cut.joined(separator: "\n"))")
        #expect(screens.contains { $0.contains("https://docs.stripe.com/connect/") }, "the addresses are on screen")
        try session.press("Escape")
        try session.waitUntilGone("Open a link")
        try session.press("q")
        #expect(try session.exitStatus() == 0)
    }
}

extension EndToEndGuideTests {
    /// The README's lines that start the full-screen guide (ReadmeExamplesTests in the CLI
    /// suite runs the rest), as written: `swift run X` stands for X, already built.
    @Test("The README's full-screen examples, run as written in tmux")
    func readmeInteractiveExamples() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        var inBlock = false
        var lines: [String] = []
        for raw in try String(contentsOf: readme, encoding: .utf8).components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") {
                inBlock = !inBlock && line == "```sh"
                continue
            }
            // The guide itself: swift run connect-guide without a subcommand.
            let words = line.split(separator: "#").first.map { $0.split(separator: " ") } ?? []
            if inBlock, let run = words.firstIndex(where: { $0.hasSuffix("swift") }), words.count > run + 2,
                words[run + 1] == "run", words[run + 2] == "connect-guide", words.count == run + 3 || words[run + 3].hasPrefix("-")
            {
                lines.append(line)
            }
        }
        #expect(lines.count == 4, "\(lines)")
        for line in lines {
            let printsPlan = line.hasPrefix("plan=$(")
            let choosesStart = line.contains("--onboarding")
            let session = try TerminalSession(
                columns: 100, rows: 30,
                command: """
                    connect-guide() { "$APP" "$@" < /dev/tty; }
                    swift() { [ "$1" = run ] || return 97; shift; "$@"; }
                    \(line)
                    done=$?
                    printf %s "${plan-}" > plan.partial; mv plan.partial plan.out
                    (exit $done)
                    """, closePresets: !choosesStart)
            try session.waitFor(choosesStart ? selectorRow(.onboarding, "API") : "Integration steps")
            try session.press("q")
            #expect(try session.exitStatus() == 0, "\(line)")
            let plan = try session.file("plan.out")
            if printsPlan {
                let json = try JSONSerialization.jsonObject(with: Data(plan.utf8)) as? [String: Any]
                #expect(json?["schema"] as? String == "connect-guide/plan/v1", "\(line): \(plan)")
            } else {
                #expect(plan.isEmpty)
            }
        }
    }
}
