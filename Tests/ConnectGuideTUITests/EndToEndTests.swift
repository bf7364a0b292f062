import Foundation
import Testing

/// The real binary in a pseudo-terminal (tmux), driven with keys as a user would.
/// Every wait polls the screen with a timeout; nothing asserts on timing.
@Suite("End to end in a terminal", .serialized, .enabled(if: tmuxAvailable, "needs tmux"))
struct EndToEndTests {
    @Test("Start, choose API onboarding: six steps, the others move to None / Your platform / Platform; q exits 0")
    func chooseAPI() throws {
        let session = try TerminalSession(columns: 200, rows: 60)
        try session.waitFor("Integration steps for your selections")
        #expect(session.screen.contains("‹ Stripe-hosted ›"))
        #expect(session.screen.contains("5. Pay out to your connected accounts"))
        try session.press("Down", "Down", "Enter")
        let screen = try session.waitFor("‹ API ›")
        #expect(screen.contains("2 Dashboard access  ‹ None ›"))
        #expect(screen.contains("4 Who pays fees     ‹ Your platform ›"))
        #expect(screen.contains("5 Negative balances ‹ Platform ›"))
        #expect(screen.contains("Choosing API also set"))
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
        try session.waitFor("‹ None ›")
        try session.resize(columns: 50, rows: 12)
        try session.waitFor("Terminal too small")
        try session.resize(columns: 100, rows: 30)
        try session.waitUntilGone("Terminal too small")
        let back = try session.waitFor("‹ None ›")
        #expect(back.contains("▸2 Dashboard access"))
        try session.press("?")
        try session.waitFor("suspend; fg brings the guide back")
        try session.press("Escape")
        try session.waitUntilGone("suspend; fg brings the guide back")
        try session.press("C-c")
        #expect(try session.exitStatus() == 130)
        #expect(try session.settingsRestored())
    }

    @Test("--print json: only the plan reaches stdout, the UI draws on the terminal")
    func printJSON() throws {
        let session = try TerminalSession(
            columns: 120, rows: 40, command: "plan=$(\"$APP\" --print json); code=$?; record plan.json printf '%s' \"$plan\"; (exit $code)")
        try session.waitFor("Integration steps")
        try session.press("Down", "Down", "Enter")
        try session.waitFor("‹ API ›")
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        let object = try JSONSerialization.jsonObject(with: Data(try session.file("plan.json").utf8)) as? [String: Any]
        let selection = object?["selection"] as? [String: String]
        #expect(selection?["onboarding"] == "api")
        #expect(selection?["dashboard"] == "none")
        #expect((object?["steps"] as? [Any])?.count == 6)
    }

    @Test("Ctrl-Z suspends with the terminal given back; fg brings the screen back")
    func suspendAndResume() throws {
        // Job control on, as in an interactive shell: the app runs as a foreground job
        // that Ctrl-Z can stop; the script records the stop and brings it back with fg.
        let session = try TerminalSession(
            columns: 100, rows: 30,
            command: "set -m; \"$APP\" & record pid echo $!; fg; record stopped echo $?; record suspended stty -g; fg")
        try session.waitFor("Integration steps")
        try session.press("Down", "Enter")
        try session.waitFor("‹ Embedded ›")
        try session.press("C-z")
        #expect(try session.file("stopped") == "148")
        let suspended = try session.file("suspended")
        let before = try session.file("before")
        #expect(suspended == before)
        let back = try session.waitFor("‹ Embedded ›")
        #expect(back.contains("Integration steps"))
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        #expect(try session.settingsRestored())
    }

    @Test("SIGTERM, SIGHUP and a crash restore the terminal", arguments: [(SIGTERM, Int32(143)), (SIGHUP, Int32(129)), (SIGSEGV, Int32(139))])
    func signals(signal: Int32, status: Int32) throws {
        let session = try TerminalSession(columns: 100, rows: 30)
        try session.waitFor("Integration steps")
        kill(try session.pid(), signal)
        #expect(try session.exitStatus() == status)
        #expect(try session.settingsRestored())
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
