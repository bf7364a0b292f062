import Foundation
import FuzzSupport
import ConnectGuideStorage
import Testing

@testable import ConnectGuideTUI

/// What a hostile test of the release binary found (issue 9), each as it was reproduced:
/// the real binary in tmux (CONNECT_GUIDE_BINARY names the release build in CI).
@Suite("Hostile input, end to end", .serialized, .enabled(if: tmuxAvailable, "needs tmux"))
struct HostileInputTests {
    // MARK: 1. Every death restores the terminal

    @Test(
        "A crash or fatal signal gives the screen back (main screen, cursor shown, mouse off, settings) before Swift's crash report",
        arguments: [SIGQUIT, SIGSEGV, SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGUSR1, SIGALRM])
    func fatalSignal(signal: Int32) throws {
        // In the foreground, where signals keep their default actions (a background job of
        // a script starts with SIGQUIT ignored, and the guide leaves ignored what its parent
        // ignores), and without job control, so the shell leaves the terminal settings as
        // the dying guide left them. A small sh records the guide's pid, then becomes it.
        // Swift's crash report on, also for the static release build, which finds the
        // reporter only when told where it is.
        let session = try TerminalSession(
            columns: 100, rows: 30, command: "sh -c 'echo $$ > pid.partial; mv pid.partial pid; exec \"$APP\"'",
            environment: backtracer.map { ["SWIFT_BACKTRACE": "enable=yes,interactive=no,color=no,symbolicate=off,threads=crashed,registers=none,images=none,swift-backtrace=\($0)"] } ?? [:],
            closePresets: true)
        try session.waitFor("Integration steps")
        let running = try session.modes()
        #expect(running.alternateScreen && !running.cursorVisible && running.mouseReporting, "\(running)")
        try session.recordOutput("death.raw")
        kill(try session.pid(), signal)
        #expect(try session.exitStatus() == 128 + signal)
        let after = try session.modes()
        #expect(!after.alternateScreen, "left on the alternate screen")
        #expect(after.cursorVisible, "cursor left hidden")
        #expect(!after.mouseReporting, "mouse reporting left on")
        // Read from outside: the settings the dying guide left, which no shell touched.
        let difference = try session.settingsDifference()
        #expect(difference == nil, "\(difference ?? "")")
        // The screen-restore sequence went out, and anything the runtime reports about the
        // crash comes after it, on the restored screen.
        let output = try session.output("death.raw", containing: "\u{1B}[?1049l")
        let restored = try #require(output.range(of: "\u{1B}[?1049l"))
        // The runtime reports the signals a crash raises; the others just end the process.
        guard backtracer != nil, [SIGQUIT, SIGSEGV, SIGILL, SIGABRT, SIGBUS, SIGFPE].contains(signal) else { return }
        let reported = try session.output("death.raw", containing: "Program crashed")
        let report = try #require(reported.range(of: "Program crashed"))
        #expect(report.lowerBound >= restored.upperBound, "the crash report came before the screen was restored")
    }

    // MARK: 2. Unknown escape sequences

    @Test("Home/End variants, Alt+key, focus reports, paste markers, F-keys and both mouse encodings never quit; --print still prints")
    func unknownSequences() throws {
        let session = try TerminalSession(
            columns: 120, rows: 40,
            command: "plan=$(\"$APP\" --print json); code=$?; record plan.json printf '%s' \"$plan\"; (exit $code)",
            environment: ["TERM": "xterm-256color"], closePresets: true)
        try session.waitFor("Integration steps")
        let sequences = [
            "\u{1B}[1~", "\u{1B}[4~", "\u{1B}[7~", "\u{1B}[8~", "\u{1B}OH", "\u{1B}OF", "\u{1B}k", "\u{1B}[I", "\u{1B}[O",
            "\u{1B}[200~", "\u{1B}[201~", "\u{1B}[15~", "\u{1B}OP", "\u{1B}[1;5D", "\u{1B}[<0;200;200m", "\u{1B}[M#!!", "\u{1B}]11;?\u{07}",
        ]
        for sequence in sequences { try session.send(bytes: Array(sequence.utf8)) }
        // The keys among them (Home, Alt+k, Ctrl+Left) moved the focus: back to the first property.
        try session.press("1", "Home", "Down", "Down", "Enter")
        try session.waitFor(selectorRow(.onboarding, "API"))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        let plan = try JSONSerialization.jsonObject(with: Data(try session.file("plan.json").utf8)) as? [String: Any]
        #expect((plan?["selection"] as? [String: String])?["onboarding"] == "api")
        #expect(try session.settingsRestored())
    }

    @Test("An arrow typed before the first frame is an arrow, not an Esc that quits")
    func arrowBeforeFirstFrame() throws {
        // A saved selection, so the start is not a first start and no preset chooser takes the arrow.
        let saved = guide.url(for: guide.defaults)
        let session = try TerminalSession(
            columns: 100, rows: 30,
            command: "mkdir -p connect-guide; echo '\(saved)' > connect-guide/last.url; sleep 0.3; \"$APP\" < /dev/tty & record pid echo $!; wait $!")
        try session.press("Down")
        try session.waitFor("Integration steps")
        #expect(try session.chooseAPIThenQuit(with: ["Down", "Enter"]) == 0)
    }

    // MARK: 3. Paste

    @Test("A paste into the export path is text without its newlines; in the panes it does nothing")
    func paste() throws {
        let session = try TerminalSession(columns: 120, rows: 40)
        try session.openExportDialog(clearingPath: true)
        try session.paste("echo hello\nls -la\n")
        try session.waitFor("echo hellols -la")
        #expect(session.screen.contains("┌ Export "))
        try session.press("Escape")
        try session.waitUntilGone("┌ Export ")
        // Keys inside a paste are never keys: no choice, no quit.
        try session.paste("2\r3\rq\u{1B}")
        try session.press("Down", "Down", "Enter")
        try session.waitFor(selectorRow(.onboarding, "API"))
        #expect(session.screen.contains(selectorRow(.dashboard, "Stripe Dashboard")) == false)
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        #expect(try session.savedSelection()?["dashboard"] == "none")
        let files = try FileManager.default.contentsOfDirectory(atPath: session.directory.path)
        #expect(!files.contains { $0.contains("echo") || $0.hasPrefix("connect-guide-plan") }, "\(files)")
    }

    // MARK: 4. Hangs

    @Test("A 1 MB paste into the export path, then SIGINT: the guide ends with 130 rather than spinning")
    func hugePaste() throws {
        let session = try TerminalSession(columns: 120, rows: 40)
        try session.openExportDialog(clearingPath: false)
        try session.paste(String(repeating: "abcdefghij", count: 100_000))
        try session.waitFor("abcdefghij")
        kill(try session.pid(), SIGINT)
        #expect(try session.exitStatus() == 130)
        #expect(try session.settingsRestored())
    }

    @Test("SIGTERM or SIGHUP in the middle of a flood of keys ends the guide while the keys still pour in", arguments: [SIGTERM, SIGHUP])
    func signalUnderFlood(signal: Int32) throws {
        // Once the guide has ended, the script counts the keys it left unread (reading until
        // half a second passes without any): the signal must not wait for the flood to end.
        let session = try TerminalSession(
            columns: 100, rows: 30,
            command: """
                "$APP" < /dev/tty & record pid echo $!; wait $!; code=$?
                saved=$(stty -g); stty -icanon -echo min 0 time 5; left=$(wc -c < /dev/tty); stty "$saved"
                record unread echo "$left"; (exit $code)
                """)
        try session.waitFor("Integration steps")
        // Plain keys, not a bracketed paste: each one is handled. tmux writes them as fast
        // as the guide reads.
        let file = session.directory.appendingPathComponent("flood")
        try String(repeating: "jk", count: 2_000_000).write(to: file, atomically: true, encoding: .utf8)
        try session.tmux(["load-buffer", "-b", "flood", file.path])
        try session.tmux(["paste-buffer", "-d", "-b", "flood", "-t", "main"])
        kill(try session.pid(), signal)
        #expect(try session.exitStatus() == 128 + signal)
        #expect(try session.settingsRestored())
        let unread = try #require(Int(try session.file("unread", timeout: 60)))
        #expect(unread > 1_000_000, "only \(unread) of 4,000,000 bytes were left unread: the guide waited for the flood")
    }

    @Test("A truncated X10 mouse report (TERM=screen) swallows nothing: the keys after it act")
    func truncatedMouseReport() throws {
        let session = try TerminalSession(columns: 100, rows: 30, environment: ["TERM": "screen"])
        try session.waitFor("Integration steps")
        try session.send(bytes: [0x1B, 0x5B, 0x4D, 0x20])
        // The rest of the report never comes; the next keys arrive after a pause, as typed.
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try session.chooseAPIThenQuit() == 0)
    }

    @Test("Export to a FIFO: never 'Replace it?'; with no reader it says so and the guide answers; with a reader it saves")
    func exportToFIFO() throws {
        let session = try TerminalSession(columns: 120, rows: 40)
        let fifo = session.directory.appendingPathComponent("plan.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        try session.openExportDialog(clearingPath: true)
        try session.press("plan.fifo", "Enter")
        try session.waitFor("no reader")
        #expect(!session.screen.contains("Replace it?"))
        // Still answering: the format changes.
        try session.press("Tab")
        try session.waitFor("(•) markdown")
        // With a reader the plan goes through the FIFO.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        try session.press("Enter")
        try session.waitFor("Saved markdown to")
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress!, $0.count) }
        #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).hasPrefix("# "))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
    }

    @Test("Export to a FIFO no one reads runs off the loop: the screen answers keys while it waits, then says why it failed")
    func exportToFIFOKeepsAnswering() throws {
        let session = try TerminalSession(columns: 120, rows: 40)
        let fifo = session.directory.appendingPathComponent("plan.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        try session.openExportDialog(clearingPath: true)
        try session.press("plan.fifo", "Enter")
        // Drawn while the export waits for a reader (up to exportReaderTimeout).
        try session.waitFor("Saving to")
        let waiting = Date()
        // Esc alone: with a key right behind it in one write, it would read as Alt.
        try session.press("Escape")
        try session.waitUntilGone("┌ Export ")
        try session.press("v")
        let answered = try session.waitFor("Docs URL")
        let elapsed = Date().timeIntervalSince(waiting)
        #expect(!answered.contains("no reader"), "the keys were answered only after the export gave up")
        #expect(elapsed < Double(exportReaderTimeout) / 1_000, "keys took \(elapsed) s while the export waited")
        try session.press("Escape")
        try session.waitUntilGone("Docs URL")
        try session.press("3")
        try session.waitFor("no reader")
        // Still answering after: the charge type is focused, and q quits normally.
        try session.press("Down", "Enter")
        try session.waitFor(selectorRow(.chargeType, "Destination"))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        #expect(try session.settingsRestored())
    }

    @Test("/dev/tty that is not a terminal: exit 2 with the reason, at once", .enabled(if: canUnshareMounts, "needs unshare -m"))
    func devTTYNotATerminal() throws {
        // A mount namespace of its own, with a plain file over /dev/tty.
        let session = try TerminalSession(
            columns: 100, rows: 30,
            command: "echo junk > fake-tty; unshare -m sh -c 'mount --bind fake-tty /dev/tty && exec \"$APP\"' 2> stderr.txt")
        #expect(try session.exitStatus() == 2)
        #expect(try session.file("stderr.txt").contains("/dev/tty is not a terminal"))
        #expect(try session.settingsRestored())
    }

    @Test("A saved selection that is a FIFO or a link to /dev/zero: the guide starts and says why it was not used", arguments: [
        "mkfifo connect-guide/last.url", "ln -s /dev/zero connect-guide/last.url",
    ])
    func unreadableSavedSelection(make: String) throws {
        let session = try TerminalSession(
            columns: 140, rows: 40, command: "mkdir -p connect-guide; \(make); \"$APP\" --resume < /dev/tty & record pid echo $!; wait $!")
        // The notice has one line; n shows it whole.
        try session.waitFor("warning:")
        try session.press("n")
        let screen = try session.waitFor("is not a regular file")
        #expect(screen.contains("Integration steps"))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
    }

    // MARK: 5. Terminal edge cases

    @Test("Sizes beyond what ncurses holds (32,768 and more): the guide draws and quits normally", arguments: [
        "rows 40000 cols 100", "rows 30 cols 40000", "rows 65535 cols 65535",
    ])
    func hugeSize(size: String) throws {
        // A saved selection, so no preset chooser opens: the jumbled pane could not show it.
        let saved = guide.url(for: guide.defaults)
        let session = try TerminalSession(
            columns: 100, rows: 30,
            command: "mkdir -p connect-guide; echo '\(saved)' > connect-guide/last.url; stty \(size); \"$APP\" < /dev/tty & record pid echo $!; wait $!")
        // The pane is smaller than the size the guide was told, so what it shows is a jumble
        // of the frame; it is enough that something was drawn and the guide is still there.
        try session.waitForScreen("a frame") { $0.contains("│") }
        #expect(kill(try session.pid(), 0) == 0, "the guide is gone")
        try session.press("q")
        #expect(try session.exitStatus() == 0)
    }

    @Test("COLUMNS and LINES from elsewhere are ignored: the guide fills the real terminal")
    func sizeFromTerminal() throws {
        // Set on the command itself: bash would otherwise put its own (right) values in.
        let session = try TerminalSession(
            columns: 100, rows: 30, command: "COLUMNS=50 LINES=10 \"$APP\" < /dev/tty & record pid echo $!; wait $!", keepPresets: true)
        // The first start's frame at the real size: the preset chooser over the guide.
        var offered = AppModel(guide: guide, state: guide.initialState(), size: TerminalSize(columns: 100, rows: 30),
            options: SessionOptions(offerPresets: true))
        offered.showStartNotices([.firstStart])
        try session.waitFor(render(offered))
        try session.press("Escape")
        try session.waitUntilGone(presetChooserTitle)
        try session.press("q")
        #expect(try session.exitStatus() == 0)
    }

    @Test("Ctrl-S is not flow control: the screen goes on answering")
    func noFlowControl() throws {
        let session = try TerminalSession(columns: 100, rows: 30)
        try session.waitFor("Integration steps")
        try session.press("C-s")
        #expect(try session.chooseAPIThenQuit() == 0)
        #expect(try session.settingsRestored())
    }

    @Test("An invalid UTF-8 byte loses nothing after it in the same read")
    func invalidUTF8() throws {
        let session = try TerminalSession(columns: 100, rows: 30)
        try session.waitFor("Integration steps")
        try session.send(bytes: [0xFF, 0xC3, 0x28] + Array("\u{1B}[B\u{1B}[B\r".utf8))
        try session.waitFor(selectorRow(.onboarding, "API"))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
    }

    // MARK: 6. Leftovers

    @Test("Temporary files killed saves left beside the saved selection are gone after the next start; a fresh one stays")
    func staleTemporaryFiles() throws {
        let session = try TerminalSession(
            columns: 100, rows: 30,
            command: """
                mkdir -p connect-guide; touch -d '2 minutes ago' connect-guide/.last.url.1.tmp connect-guide/.last.url.2.tmp
                touch connect-guide/.last.url.3.tmp
                "$APP" < /dev/tty & record pid echo $!; wait $!
                """, closePresets: true)
        try session.waitFor("Integration steps")
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: session.directory.appendingPathComponent("connect-guide").path)
        #expect(left.sorted() == [".last.url.3.tmp"], "\(left)")
    }
}

extension TerminalSession {
    /// Opens the export dialog once the guide is up, its path emptied if asked.
    func openExportDialog(clearingPath: Bool) throws {
        try waitFor("Integration steps")
        try press("e")
        try waitFor("┌ Export ")
        if clearingPath { try press("C-u") }
    }

    /// Chooses API onboarding with `keys`, then quits with q, and gives the exit status:
    /// proof that the guide still answers keys as on any start.
    func chooseAPIThenQuit(with keys: [String] = ["Down", "Down", "Enter"]) throws -> Int32 {
        try tmux(["send-keys", "-t", "main"] + keys)
        try waitFor(selectorRow(.onboarding, "API"))
        try press("q")
        return try exitStatus()
    }
}

/// Swift's crash reporter from the toolchain in use (the static one works for every build).
let backtracer: String? = {
    guard let swift = try? runTool("/bin/sh", ["-c", "command -v swift"]).trimmingCharacters(in: .whitespacesAndNewlines),
        let resolved = realpath(swift, nil) else { return nil }
    defer { free(resolved) }
    let path = URL(fileURLWithPath: String(cString: resolved)).deletingLastPathComponent()
        .appendingPathComponent("../libexec/swift/linux/swift-backtrace-static").standardized.path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}()

/// Whether this machine lets the tests make a mount namespace (root, or a user namespace).
let canUnshareMounts: Bool = (try? runTool("unshare", ["-m", "true"])) != nil
