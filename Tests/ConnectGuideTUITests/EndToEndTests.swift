import Foundation
import FuzzSupport
import ConnectGuideStorage
import Testing

@testable import ConnectGuideTUI

/// The real binary in a pseudo-terminal (tmux), driven with keys as a user would.
/// Every wait polls the screen with a timeout; nothing asserts on timing.
@Suite("End to end in a terminal", .serialized, .enabled(if: tmuxAvailable, "needs tmux"))
struct EndToEndTests {
    @Test("Start, choose API onboarding: six steps, the others move to None / Your platform / Platform; q exits 0")
    func chooseAPI() throws {
        let session = try TerminalSession(columns: 200, rows: 60)
        try session.waitFor("Integration steps for your selections")
        #expect(session.screen.contains(selectorRow(.onboarding, "Stripe-hosted")))
        #expect(session.screen.contains("5. Pay out to your connected accounts"))
        try session.press("Down", "Down", "Enter")
        // The notice sits at the bottom, drawn last: once it shows, the whole frame is there.
        let screen = try session.waitFor("Choosing API also set")
        #expect(screen.contains(selectorRow(.onboarding, "API")))
        #expect(screen.contains(selectorRow(.dashboard, "None")))
        #expect(screen.contains(selectorRow(.fees, "Your platform")))
        #expect(screen.contains(selectorRow(.liability, "Platform")))
        #expect(screen.contains("1. Create accounts and collect requirements with the API"))
        // The sixth step may sit below the fold: scroll the steps panel until it shows.
        var sixth = screen.contains("6. Collect payout details, then pay out")
        for _ in 0..<6 where !sixth {
            try session.press("]")
            sixth = (try? session.waitFor("6. Collect payout details, then pay out", timeout: 1)) != nil
        }
        #expect(sixth)
        #expect(!session.screen.contains("7. "))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        #expect(try session.settingsRestored())
    }

    @Test("Resize to too small and back keeps the selection; help opens and closes; Ctrl-C exits 130")
    func resizeHelpInterrupt() throws {
        let session = try TerminalSession(columns: 100, rows: 30)
        try session.waitFor("Integration steps")
        try session.press("Right", "End", "Enter")
        try session.waitFor(selectorRow(.dashboard, "None"))
        try session.resize(columns: 50, rows: 12)
        try session.waitFor("Terminal too small")
        try session.resize(columns: 100, rows: 30)
        try session.waitUntilGone("Terminal too small")
        let back = try session.waitFor(selectorRow(.dashboard, "None"))
        #expect(back.contains(selectorRow(.dashboard, "None")))
        try session.press("?")
        try session.waitFor("The guide: move")
        try session.press("Escape")
        try session.waitUntilGone("The guide: move")
        try session.press("C-c")
        #expect(try session.exitStatus() == 130)
        #expect(try session.settingsRestored())
        #expect(try session.savedSelection()?["dashboard"] == "none")
    }

    @Test("--print json: only the plan reaches stdout, the UI draws on the terminal")
    func printJSON() throws {
        let session = try TerminalSession(
            columns: 120, rows: 40, command: "plan=$(\"$APP\" --print json); code=$?; record plan.json printf '%s' \"$plan\"; (exit $code)", closePresets: true)
        try session.waitFor("Integration steps")
        try session.press("Down", "Down", "Enter")
        try session.waitFor(selectorRow(.onboarding, "API"))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        let object = try JSONSerialization.jsonObject(with: Data(try session.file("plan.json").utf8)) as? [String: Any]
        let selection = object?["selection"] as? [String: String]
        #expect(selection?["onboarding"] == "api")
        #expect(selection?["dashboard"] == "none")
        #expect((object?["steps"] as? [Any])?.count == 6)
    }

    @Test("--print json and Esc: left without choosing, so nothing on stdout and exit 1")
    func printCancelled() throws {
        let session = try TerminalSession(
            columns: 120, rows: 40, command: "plan=$(\"$APP\" --print json); code=$?; record plan.json printf '%s' \"$plan\"; (exit $code)", closePresets: true)
        try session.waitFor("Integration steps")
        try session.press("Down", "Down", "Enter")
        try session.waitFor("Choosing API also set")
        // The first Esc clears the notice of what moved, the second leaves.
        try session.press("Escape")
        try session.waitUntilGone("Choosing API also set")
        try session.press("Escape")
        #expect(try session.exitStatus() == 1)
        #expect(try session.file("plan.json").isEmpty)
        #expect(try session.settingsRestored())
        // Leaving without choosing still keeps the selection for --resume.
        #expect(try session.savedSelection()?["onboarding"] == "api")
    }

    @Test("Start-up warnings (an unusable saved selection) show in the guide, not on the hidden stderr")
    func startWarning() throws {
        let session = try TerminalSession(
            columns: 140, rows: 40,
            command: "mkdir -p connect-guide; echo 'not a url' > connect-guide/last.url; \"$APP\" --resume < /dev/tty 2> stderr.txt & record pid echo $!; wait $!")
        let screen = try session.waitFor("warning:")
        #expect(screen.contains("last.url"))
        #expect(screen.contains("Integration steps"))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        #expect(try session.file("stderr.txt").isEmpty)
        #expect(try session.settingsRestored())
    }

    @Test("What the flags raise at start (an unknown --from-url parameter, a preview --stripe-version) shows in the guide too")
    func flagNotices() throws {
        let session = try TerminalSession(
            columns: 160, rows: 40,
            command: "\"$APP\" --onboarding embedded --from-url '?utm_source=x' --stripe-version 2026-07-29.preview < /dev/tty 2> stderr.txt & record pid echo $!; wait $!")
        // The notice has one line; n shows it whole.
        try session.waitFor("n: more")
        try session.press("n")
        let screen = try session.waitFor("ignored the URL parameter")
        #expect(screen.contains("2026-07-29.preview is a preview version"))
        #expect(screen.contains(selectorRow(.onboarding, "Embedded")))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        #expect(try session.file("stderr.txt").isEmpty, "nothing on the hidden stderr")
    }

    @Test("A state directory that cannot be written: the guide says so once, as an error, and carries on")
    func unwritableState() throws {
        let session = try TerminalSession(columns: 160, rows: 40, environment: ["XDG_STATE_HOME": "/proc/connect-guide-test"])
        try session.waitFor("Integration steps")
        try session.press("Down", "Enter")
        let failed = try session.waitFor("Cannot save the selection for --resume")
        #expect(failed.contains(selectorRow(.onboarding, "Embedded")))
        // The next choice's notice replaces it, and no second failure is told.
        try session.press("Down", "Enter")
        let next = try session.waitFor("Choosing API also set")
        #expect(!next.contains("Cannot save"))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        #expect(try session.settingsRestored())
    }

    @Test("Keys typed ahead of q in one read are saved before the guide ends")
    func typedAheadOfQuit() throws {
        let session = try TerminalSession(columns: 120, rows: 40)
        try session.waitFor("Integration steps")
        // j (down), Enter and q in one write: the choice and the quit come in the same read.
        try session.send(bytes: Array("j\rq".utf8))
        #expect(try session.exitStatus() == 0)
        #expect(try session.savedSelection()?["onboarding"] == "embedded")
    }

    @Test("Ctrl-C: the guide dies of SIGINT (after restoring the terminal), so a calling loop sees the signal")
    func diesOfSignal() throws {
        // perl's system reports how the child ended: killed by a signal, or an exit status.
        // SIGINT goes back to its default first: the script ignores it (trap '' INT), and
        // the app would inherit that.
        let session = try TerminalSession(
            columns: 100, rows: 30,
            command: """
                perl -e '$SIG{INT} = "DEFAULT"; system @ARGV; open F, ">ended.partial"; print F (($? & 127) ? "signal " . ($? & 127) : "exit " . ($? >> 8)); close F; rename "ended.partial", "ended"' "$APP" < /dev/tty
                """, closePresets: true)
        try session.waitFor("Integration steps")
        try session.press("C-c")
        #expect(try session.file("ended") == "signal \(SIGINT)")
        #expect(try session.settingsRestored())
    }

    @Test("Ctrl-Z suspends with the terminal given back; fg brings the screen back")
    func suspendAndResume() throws {
        // Job control on, as in an interactive shell: the app runs as a foreground job
        // that Ctrl-Z can stop; the script records the stop and brings it back with fg.
        // Started in the foreground, not with & and fg: this shell ignores SIGTTOU, so a
        // background start would set up the screen at once, and a command run before fg
        // would make the shell keep the app's settings as its own.
        let session = try TerminalSession(
            columns: 100, rows: 30,
            command: "set -m; \"$APP\"; record stopped echo $?; record suspended stty -g; fg", closePresets: true)
        try session.waitFor("Integration steps")
        try session.press("Down", "Enter")
        try session.waitFor(selectorRow(.onboarding, "Embedded"))
        try session.press("C-z")
        #expect(try session.file("stopped") == "148")
        let suspended = try session.file("suspended")
        let before = try session.file("before")
        #expect(suspended == before)
        let back = try session.waitFor(selectorRow(.onboarding, "Embedded"))
        #expect(back.contains("Integration steps"))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        #expect(try session.settingsRestored())
        #expect(try session.savedSelection()?["onboarding"] == "embedded")
    }

    @Test(
        "SIGINT, SIGTERM, SIGHUP, crashes and other fatal signals restore the terminal, exit 128 + the signal and keep the saved choice",
        // SIGILL is what a Swift runtime trap (a failed precondition) raises on Linux.
        arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143)), (SIGHUP, Int32(129)), (SIGSEGV, Int32(139)), (SIGILL, Int32(132)), (SIGUSR1, Int32(138))])
    func signals(signal: Int32, status: Int32) throws {
        let session = try TerminalSession(columns: 100, rows: 30)
        try session.waitFor("Integration steps")
        try session.press("Down", "Down", "Enter")
        try session.waitFor(selectorRow(.onboarding, "API"))
        // The choice is saved just after it is drawn. The signals the app handles wait for
        // that save; a crash can come at any moment, so for those the test waits for it,
        // and then checks that dying left the file whole.
        if signal == SIGSEGV || signal == SIGILL || signal == SIGUSR1 {
            try session.waitForSaved("onboarding", "api")
        }
        kill(try session.pid(), signal)
        #expect(try session.exitStatus() == status)
        #expect(try session.settingsRestored())
        #expect(try session.savedSelection()?["onboarding"] == "api")
    }

    @Test("Without a UTF-8 locale the guide still draws: ASCII stand-ins for boxes, quotes and markers")
    func asciiLocale() throws {
        // LC_ALL=C is the user insisting on ASCII; an unset LANG alone would get C.UTF-8.
        let session = try TerminalSession(columns: 100, rows: 30, environment: ["LC_ALL": "C"])
        let screen = try session.waitFor("+ Properties -")
        #expect(screen.contains(selectorRow(.onboarding, "Stripe-hosted")))
        #expect(screen.contains("> (*) Stripe-hosted"))
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII })
        try session.press("Down", "Down", "Enter")
        let chosen = try session.waitFor("Choosing API also set")
        #expect(chosen.contains(selectorRow(.dashboard, "None")))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        #expect(try session.settingsRestored())
    }

    @Test("Keys typed ahead of q, read in one go: the choice is still saved for --resume")
    func typedAheadQuit() throws {
        let session = try TerminalSession(columns: 100, rows: 30)
        try session.waitFor("Integration steps")
        try session.press("Down", "Down", "Enter", "q")
        #expect(try session.exitStatus() == 0)
        #expect(try session.settingsRestored())
        #expect(try session.savedSelection()?["onboarding"] == "api")
    }

    @Test("A resize storm, 1x1 and one-row and one-column sizes among it: the screen is right for the final size")
    func resizeStorm() throws {
        let session = try TerminalSession(columns: 100, rows: 30)
        try session.waitFor("Integration steps")
        try session.press("Right", "End", "Enter")
        try session.waitFor(selectorRow(.dashboard, "None"))
        var random = SeededGenerator(seed: fuzzSeed(31))
        for index in 0..<40 {
            // tmux cannot make a window 0 wide or high; the unit fuzz tests cover 0x0.
            let sizes = [(1, 1), (1, Int.random(in: 1...60, using: &random)), (Int.random(in: 1...200, using: &random), 1)]
            let (columns, rows) = index % 5 == 0
                ? sizes.randomElement(using: &random)!
                : (Int.random(in: 1...220, using: &random), Int.random(in: 1...70, using: &random))
            try session.resize(columns: columns, rows: rows)
        }
        try session.resize(columns: 110, rows: 35)
        try session.waitFor(render(model(110, 35, after: keys(.right, .end, .enter))))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        #expect(try session.settingsRestored())
        #expect(try session.savedSelection()?["dashboard"] == "none")
    }

    @Test("At 1x1 the guide keeps running and answers keys; grown back, it shows the same guide")
    func oneByOne() throws {
        let session = try TerminalSession(columns: 100, rows: 30)
        try session.waitFor("Integration steps")
        try session.press("Down", "Enter")
        try session.waitFor(selectorRow(.onboarding, "Embedded"))
        let chosen = keys(.down, .enter)
        try session.resize(columns: 1, rows: 1)
        try session.waitFor(render(model(1, 1, after: chosen)))
        // Help opened while nothing can show it is there once the window grows.
        try session.press("?")
        try session.resize(columns: 1, rows: 30)
        try session.waitFor(render(model(1, 30, after: chosen)))
        try session.resize(columns: 100, rows: 1)
        try session.waitFor(render(model(100, 1, after: chosen)))
        try session.resize(columns: 100, rows: 30)
        try session.waitFor(render(model(100, 30, after: chosen + typed("?"))))
        try session.press("Escape")
        try session.waitFor(render(model(100, 30, after: chosen)))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        #expect(try session.settingsRestored())
        #expect(try session.savedSelection()?["onboarding"] == "embedded")
    }

    @Test("Closing the terminal (the pty hangs up): the app exits 129, gone rather than spinning, and the saved choice is intact")
    func hangUp() throws {
        // The shell ignores the hang-up so it outlives the terminal and records the app's status.
        let session = try TerminalSession(
            columns: 100, rows: 30,
            command: "trap '' HUP; record shell echo $$; \"$APP\" < /dev/tty & record pid echo $!; wait $!", closePresets: true)
        defer { if let shell = pid_t((try? session.file("shell")) ?? "") { kill(shell, SIGKILL) } }
        try session.waitFor("Integration steps")
        try session.press("Down", "Down", "Enter")
        try session.waitFor(selectorRow(.onboarding, "API"))
        let pid = try session.pid()
        // The only session: tmux exits and closes the pty's master side, as a closed window does.
        try session.tmux(["kill-session", "-t", "main"])
        #expect(try session.exitStatus() == 129)
        // The status is written after the shell reaped the app: it is gone, not spinning.
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
        #expect(try session.savedSelection()?["onboarding"] == "api")
    }

    @Test(
        "stdin at EOF, stdout a pipe without --print, or no controlling terminal: exit 2 with the reason; terminal untouched, nothing saved",
        arguments: [
            ("\"$APP\" < /dev/null 2> stderr.txt", "standard input is not one"),
            ("\"$APP\" < /dev/tty 2> stderr.txt | cat > stdout.txt; (exit ${PIPESTATUS[0]})", "add --print text, markdown or json"),
            // Terminals for stdin and stdout but none to control (a new session): no /dev/tty.
            ("setsid -w \"$APP\" < /dev/tty 2> stderr.txt", "cannot open /dev/tty"),
        ])
    func redirected(command: String, reason: String) throws {
        let session = try TerminalSession(columns: 100, rows: 30, command: command)
        #expect(try session.exitStatus() == 2)
        let message = try session.file("stderr.txt")
        #expect(message.contains(reason))
        #expect(message.contains("connect-guide plan"))
        #expect(((try? session.file("stdout.txt", timeout: 0)) ?? "").isEmpty)
        #expect(try session.settingsRestored())
        #expect(try session.savedSelection() == nil)
    }

    @Test("Not a terminal and no headless command: exit 2, naming what to run instead")
    func notATerminal() throws {
        let process = Process()
        process.executableURL = appBinary
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        process.environment = environment
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("connect-guide plan"))
    }
}

extension EndToEndTests {
    /// Random bytes into the real binary; serialized and skipped without tmux like the rest.
    @Suite("Fuzz: bytes into the real binary")
    struct Fuzz {
        @Test("random bytes (invalid UTF-8, broken escape and mouse sequences): no crash, no hang, it still answers")
        func randomBytes() throws {
            // A stray q quits, as it should: the script starts the app again until the
            // test asks for a last run, and notes every exit status and whether the terminal
            // was restored. Before the last run it reads away input no run consumed.
            let session = try TerminalSession(
                columns: 120, rows: 40,
                command: """
                    final=0
                    while :; do
                      if [ -e last ]; then
                        final=1; : > ready; until [ -e go ]; do sleep 0.02; done
                        stty -icanon min 0 time 0; cat > /dev/null; stty "$(cat before)"
                      fi
                      "$APP" --fresh < /dev/tty & record pid echo $!; wait $!; code=$?
                      echo "$code" >> codes
                      [ "$(stty -g)" = "$(cat before)" ] || echo "$code" >> unrestored
                      if [ $code -ne 0 ] || [ $final = 1 ]; then break; fi
                    done
                    (exit $code)
                    """, closePresets: true)
            try session.waitFor("Integration steps")
            var random = SeededGenerator(seed: fuzzSeed(47))
            var sent = 0
            while sent < fuzzIterations(3_000) {
                let chunk = randomTerminalBytes(&random)
                try session.send(bytes: chunk)
                sent += chunk.count
            }
            // Ask for the last run, then end the current one: Esc closes a panel (or says no
            // to replacing a file), q closes another or quits.
            _ = FileManager.default.createFile(atPath: session.directory.appendingPathComponent("last").path, contents: nil)
            var ready = false
            for _ in 0..<8 where !ready {
                if FileManager.default.fileExists(atPath: session.directory.appendingPathComponent("status").path) { break }
                try session.press("Escape")
                try session.press("Escape")
                try session.press("q")
                ready = (try? session.file("ready", timeout: 1)) != nil
            }
            let codes = { ((try? session.file("codes", timeout: 0)) ?? "").split(separator: "\n").map(String.init) }
            try #require(ready, "the app stopped answering, or ended with an error; exit statuses: \(codes())")
            _ = FileManager.default.createFile(atPath: session.directory.appendingPathComponent("go").path, contents: nil)

            // The last run answers keys as on any start: the defaults, with the first-start
            // note if no run saved a choice.
            // A first start opens on the preset chooser; Esc closes it.
            var offered = AppModel(guide: guide, state: guide.initialState(), size: TerminalSize(columns: 120, rows: 40),
                options: SessionOptions(offerPresets: true))
            offered.showStartNotices([.firstStart])
            let starts = [render(model(120, 40)), render(withFirstStartNote(120, 40)), render(offered)]
            let first = try session.waitForScreen("the first frame") { screen in starts.contains { session.shows($0, on: screen) } }
            if first.contains(presetChooserTitle) {
                try session.press("Escape")
                try session.waitUntilGone(presetChooserTitle)
            }
            try session.press("Down", "Down", "Enter")
            try session.waitFor(selectorRow(.onboarding, "API"))
            try session.press("q")
            #expect(try session.exitStatus() == 0)
            #expect(codes().allSatisfy { $0 == "0" }, "exit statuses: \(codes())")
            #expect(codes().count >= 2)
            #expect((try? session.file("unrestored", timeout: 0)) == nil, "terminal left unrestored")
            #expect(try session.settingsRestored())
            #expect(try session.savedSelection()?["onboarding"] == "api")
        }
    }
}

extension EndToEndTests.Fuzz {
    @Test("escape sequences ncurses does not know and bracketed pastes into the real binary: it keeps running, its selection unchanged")
    func unknownSequencesAndPastes() throws {
        let session = try TerminalSession(columns: 120, rows: 40, environment: ["TERM": "xterm-256color"])
        try session.waitFor("Integration steps")
        // A first choice, so there is a saved selection that must stay as it is.
        try session.press("Down", "Enter")
        try session.waitFor(selectorRow(.onboarding, "Embedded"))
        try session.waitForSaved("onboarding", "embedded")
        let saved = try session.savedSelection()
        var random = SeededGenerator(seed: fuzzSeed(53))
        var chunk: [UInt8] = []
        for _ in 0..<fuzzIterations(400) {
            chunk += unknownSequenceOrPaste(&random)
            // Several sequences per write, as a terminal sends them when busy.
            if chunk.count > 200 {
                try session.send(bytes: chunk)
                chunk = []
            }
        }
        try session.send(bytes: chunk)
        // Still running and answering: a key typed now acts (choose API), then q quits with 0.
        try session.press("1", "Home", "Down", "Down")
        try session.waitFor("▸ ( ) API")
        #expect(try session.savedSelection() == saved)
        #expect(!FileManager.default.fileExists(atPath: session.directory.appendingPathComponent("status").path), "the guide ended")
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        #expect(try session.settingsRestored())
        #expect(try session.savedSelection() == saved)
    }
}

/// A few bytes as a terminal, a paste or line noise could deliver them: keys, invalid
/// UTF-8, C1 controls, and escape sequences that are cut short, overlong or garbled,
/// mouse reports included. Never the bytes the terminal driver itself turns into signals
/// or flow control (Ctrl-C, Ctrl-\\, Ctrl-Z, Ctrl-S, Ctrl-Q): those are not input.
func randomTerminalBytes(_ random: inout SeededGenerator) -> [UInt8] {
    func any(_ count: ClosedRange<Int>, from range: ClosedRange<UInt8> = 0...255) -> [UInt8] {
        (0..<Int.random(in: count, using: &random)).map { _ in UInt8.random(in: range, using: &random) }
    }
    func digits() -> [UInt8] { Array(escapeParameter(&random).utf8) }
    let escape: UInt8 = 0x1B
    var bytes: [UInt8]
    switch Int.random(in: 0..<12, using: &random) {
    case 0: bytes = any(1...40)
    case 1: bytes = any(1...20, from: 0x20...0x7E)
    case 2: bytes = any(1...8, from: 0x80...0xFF)  // continuation bytes and lead bytes, unpaired
    case 3: bytes = [[0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF, 0xFE]]
        .randomElement(using: &random)!  // truncated, overlong, surrogate, beyond U+10FFFF
    case 4: bytes = [escape, 0x5B] + any(0...6, from: 0x30...0x3F)  // CSI cut short
    case 5: bytes = [escape, 0x5B] + digits() + [0x3B] + digits() + any(1...1, from: 0x40...0x7E)
        + (Bool.random(using: &random) ? [] : [escape, 0x5B, 0x3C] + digits() + [0x3B] + digits() + [0x3B] + digits() + [0x4D])
    case 6: bytes = [escape, 0x4F] + any(0...1, from: 0x20...0x7E)  // SS3, maybe cut short
    case 7: bytes = [escape, 0x5B, 0x4D] + any(0...3)  // X10 mouse report, any coordinates
    case 8: bytes = [escape, 0x5B, 0x3C] + digits() + [0x3B] + digits() + [0x3B] + digits() + [[0x4D], [0x6D], [], [0x3B]].randomElement(using: &random)!
    case 9: bytes = [[0x9B], [0x8F], [0x90], [0x9D]].randomElement(using: &random)! + any(0...6, from: 0x20...0x7E)  // 8-bit C1
    case 10: bytes = [escape] + any(0...3)
    default: bytes = Array(["\u{1B}[A", "\u{1B}[B", "\u{1B}OC", "\u{1B}[5~", "\u{1B}[6~", "\t", "\r", "e", "?", "u", "v", "y", "o", " ", "]"].randomElement(using: &random)!.utf8)
    }
    // Alt before anything (rxvt, PuTTY and macOS send Esc before a whole sequence).
    if Int.random(in: 0..<8, using: &random) == 0 { bytes = [escape] + bytes }
    let signalsAndFlowControl: Set<UInt8> = [0x03, 0x1C, 0x1A, 0x13, 0x11]
    return bytes.filter { !signalsAndFlowControl.contains($0) }
}

/// A numeric escape parameter as a terminal, or an attacker, could send it: ordinary
/// numbers mostly, and signed, zero, empty, at and beyond the limits of Int and UInt64.
func escapeParameter(_ random: inout SeededGenerator) -> String {
    switch Int.random(in: 0..<10, using: &random) {
    case 0: return "-" + String(Int.random(in: 0...99_999_999, using: &random))
    case 1: return "+" + String(Int.random(in: 0...9_999, using: &random))
    case 2:
        return ["-9223372036854775808", "9223372036854775807", "9223372036854775808", "18446744073709551616", "-1", "0", "",
            "99999999", "100000000", String(repeating: "9", count: 40)].randomElement(using: &random)!
    case 3: return String(Int.random(in: Int.min...Int.max, using: &random))
    default: return String(Int.random(in: 0...99_999_999, using: &random))
    }
}
