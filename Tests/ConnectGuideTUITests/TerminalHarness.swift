import ConnectGuideCore
import Foundation
import Testing

@testable import ConnectGuideTUI

/// The `connect-guide` binary under test: CONNECT_GUIDE_BINARY when set (CI runs these
/// suites again against the release build, which inlines differently), else the one
/// SwiftPM built beside the test bundle.
let appBinary: URL = {
    if let path = ProcessInfo.processInfo.environment["CONNECT_GUIDE_BINARY"], !path.isEmpty {
        return URL(fileURLWithPath: path)
    }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("connect-guide").path), directory.path != "/" {
        directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent("connect-guide")
}()

struct HarnessError: Error, CustomStringConvertible {
    let description: String
}

/// Runs a command and returns its stdout; throws with its stderr when it fails.
/// posix_spawn and waitpid rather than Foundation's Process, whose wait never returned
/// here for a tmux client that had started a server; output goes through files.
@discardableResult
func runTool(_ executable: String, _ arguments: [String]) throws -> String {
    let base = FileManager.default.temporaryDirectory.path + "/connect-guide-tool-\(UUID().uuidString)"
    let outputPath = base + ".out"
    let errorPath = base + ".err"
    defer {
        unlink(outputPath)
        unlink(errorPath)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    // Test runner threads block signals, and a tmux server passes its mask on to the app:
    // start from a clean mask and default dispositions, as a login shell would.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, executable, &actions, &attributes, argv, environ)
    guard spawned == 0 else { throw HarnessError(description: "cannot run \(executable): error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    // Exited normally with status 0: the low 7 bits hold no signal, the next 8 the status.
    guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
        let message = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        throw HarnessError(description: "\(executable) \(arguments.joined(separator: " ")) failed: \(message)")
    }
    return output
}

/// The real binary in a real pseudo-terminal: a detached tmux session on a private
/// server. A small shell script around the binary records the terminal settings
/// before and after, the exit status, and the process id (for signals).
/// A property's row in the guide as the screen shows it: number, name (padded as the
/// guide pads it) and value.
func selectorRow(_ property: PropertyID, _ value: String) -> String {
    let width = guide.properties.map { DisplayWidth.standard.of($0.label) }.max() ?? 0
    return "\(property.index + 1) " + DisplayWidth.standard.pad(guide.property(property).label, to: width) + " " + value
}

/// The preset chooser's title, as a first start shows it.
let presetChooserTitle = "Start from a common setup"

final class TerminalSession {
    let socket = "connect-guide-e2e-\(UUID().uuidString.prefix(8))"
    let directory: URL
    private(set) var paneTTY = ""

    /// `command` is shell text run in place of the binary; `$APP` names the binary, and
    /// `record NAME COMMAND...` saves a command's output as a file the test can read.
    /// A first start opens on the preset chooser. `closePresets` (by default: when the
    /// session runs the guide itself) waits for it and closes it with Esc, so the test starts
    /// in the guide; a `command` that starts the guide on a first start passes true.
    init(
        columns: Int, rows: Int, arguments: [String] = [], command: String? = nil, environment: [String: String] = [:],
        keepPresets: Bool = false, closePresets: Bool? = nil
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let quotedArguments = arguments.map(shellQuoted).joined(separator: " ")
        // BROWSER=true: an o in a test (a fuzzed one, say) opens nothing on the machine.
        // Swift's crash report, when the runtime has one, without its wait for a key.
        // CONNECT_GUIDE_HYPERLINKS=1: inside tmux the guide would show addresses whole on
        // lines of their own; the frames tests compare with are drawn with hyperlinks.
        var exports = [
            "APP": appBinary.path, "XDG_STATE_HOME": directory.path, "BROWSER": "true", "SWIFT_BACKTRACE": "interactive=no,color=no",
            "CONNECT_GUIDE_HYPERLINKS": "1",
        ]
        exports.merge(environment) { $1 }
        let run = command ?? "\"$APP\" \(quotedArguments) < /dev/tty & record pid echo $!; wait $!"
        // English unless a test asks for a locale: the runner's own locale must not change the frames.
        let script = """
            unset LC_ALL LC_MESSAGES
            export LANG=C.UTF-8
            \(exports.sorted { $0.key < $1.key }.map { "export \($0.key)=\(shellQuoted($0.value))" }.joined(separator: "\n"))
            ulimit -c 0
            # Ctrl-C and Ctrl-Z reach the whole process group; only the app should act on them.
            trap '' INT TSTP
            cd \(shellQuoted(directory.path))
            # Files appear whole (write, then rename), so a reader never sees one half written.
            record() { name=$1; shift; "$@" > "$name.partial"; mv "$name.partial" "$name"; }
            record before stty -g
            \(run)
            record status echo $?
            record after stty -g
            sleep 60
            """
        try script.write(to: directory.appendingPathComponent("run.sh"), atomically: true, encoding: .utf8)
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(columns)", "-y", "\(rows)", "bash " + shellQuoted(directory.appendingPathComponent("run.sh").path)])
        paneTTY = try tmux(["display-message", "-p", "-t", "main", "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        if !keepPresets, closePresets ?? (command == nil && !arguments.contains("--plain")) {
            try waitFor(presetChooserTitle)
            try press("Escape")
            try waitForScreen("the preset chooser closed") { !$0.contains(presetChooserTitle) }
        }
    }

    deinit {
        // A failed test can leave the app stopped (Ctrl-Z) or running: end it first.
        if let pid = try? pid_t(String(contentsOf: directory.appendingPathComponent("pid"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)) {
            kill(pid, SIGKILL)
        }
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try runTool("tmux", ["-L", socket] + arguments)
    }

    var screen: String { (try? tmux(["capture-pane", "-p", "-t", "main"])) ?? "" }

    /// Polls the screen until `predicate` holds; returns the screen then.
    @discardableResult
    func waitForScreen(_ what: String, timeout: Double = 10, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let text = screen
            if predicate(text) { return text }
            if Date() > deadline {
                throw HarnessError(description: "timed out waiting for \(what); the screen shows:\n\(text)")
            }
            Thread.sleep(forTimeInterval: 0.03)
        }
    }

    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try waitForScreen("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    func waitUntilGone(_ text: String, timeout: Double = 10) throws {
        try waitForScreen("\"\(text)\" to go", timeout: timeout) { !$0.contains(text) }
    }

    /// Keys in tmux's names: Down, Enter, Escape, C-c, or literal text.
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "main"] + keys)
    }

    /// Raw bytes, exactly as given: tmux writes each one to the pane unchanged, so they
    /// need not be valid UTF-8 or complete escape sequences.
    func send(bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        try tmux(["send-keys", "-t", "main", "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// Pastes `text` as a terminal does: in one write, between bracketed-paste markers when
    /// the app asked for them (tmux's paste-buffer -p).
    func paste(_ text: String) throws {
        let file = directory.appendingPathComponent("paste-\(UUID().uuidString)")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try tmux(["load-buffer", "-b", "paste", file.path])
        try tmux(["paste-buffer", "-p", "-d", "-b", "paste", "-t", "main"])
    }

    /// Records everything the pane receives from now on, raw, into `name`.
    func recordOutput(_ name: String) throws {
        try tmux(["pipe-pane", "-o", "-t", "main", "cat >> " + shellQuoted(directory.appendingPathComponent(name).path)])
    }

    /// What `recordOutput` saved in `name`, once it holds `text`.
    func output(_ name: String, containing text: String, timeout: Double = 10) throws -> String {
        let url = directory.appendingPathComponent(name)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let data = FileManager.default.contents(atPath: url.path) ?? Data()
            let output = String(decoding: data, as: UTF8.self)
            if output.contains(text) { return output }
            if Date() > deadline { throw HarnessError(description: "\(name) never showed \(text.debugDescription); it holds \(data.count) bytes") }
            Thread.sleep(forTimeInterval: 0.03)
        }
    }

    /// The terminal's modes as tmux sees them: on the alternate screen, cursor shown, any
    /// mouse reporting on, bracketed paste asked for.
    func modes() throws -> (alternateScreen: Bool, cursorVisible: Bool, mouseReporting: Bool) {
        let flags = try tmux(["display-message", "-p", "-t", "main", "#{alternate_on} #{cursor_flag} #{mouse_any_flag}"])
            .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "1" }
        guard flags.count == 3 else { throw HarnessError(description: "unreadable pane flags") }
        return (flags[0], flags[1], flags[2])
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(columns)", "-y", "\(rows)"])
    }

    func file(_ name: String, timeout: Double = 10) throws -> String {
        let url = directory.appendingPathComponent(name)
        let deadline = Date().addingTimeInterval(timeout)
        while !FileManager.default.fileExists(atPath: url.path) {
            if Date() > deadline { throw HarnessError(description: "timed out waiting for \(name); the screen shows:\n\(screen)") }
            Thread.sleep(forTimeInterval: 0.03)
        }
        return try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The app's exit status, once it has exited.
    func exitStatus(timeout: Double = 10) throws -> Int32 {
        guard let status = Int32(try file("status", timeout: timeout)) else { throw HarnessError(description: "unreadable status") }
        return status
    }

    /// The app's process id.
    func pid() throws -> pid_t {
        guard let pid = pid_t(try file("pid")) else { throw HarnessError(description: "unreadable pid") }
        return pid
    }

    /// The pty's settings now, read from outside.
    func currentSettings() throws -> String {
        try runTool("stty", ["-g", "-F", paneTTY]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The saved selection (`$XDG_STATE_HOME/connect-guide/last.url`, the docs page URL) as
    /// property to option id; nil when there is no file. Throws when it is not the one-line
    /// URL the app writes, so a torn or corrupt file fails the test.
    func savedSelection() throws -> [String: String]? {
        let url = directory.appendingPathComponent("connect-guide/last.url")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        let properties = [
            "connect-onboarding-surface": "onboarding", "connect-dashboard-type": "dashboard", "connect-charge-type": "chargeType",
            "connect-economic-model": "fees", "connect-loss-liability-owner": "liability",
        ]
        let feeOptions = ["revshare": "connectedAccounts", "buy-rate": "platform"]
        var selection: [String: String] = [:]
        if text.hasPrefix("https://docs.stripe.com/connect/design-an-integration?"), text.hasSuffix("\n"), let query = text.split(separator: "?").last {
            for pair in query.dropLast().split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let property = properties[parts[0]] else { continue }
                selection[property] = property == "fees" ? feeOptions[parts[1]] ?? parts[1] : parts[1]
            }
        }
        guard selection.count == 5 else { throw HarnessError(description: "not a saved selection: \(text)") }
        return selection
    }

    /// Waits until the saved selection has `option` for `property`.
    func waitForSaved(_ property: String, _ option: String, timeout: Double = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while (try? savedSelection())??[property] != option {
            if Date() > deadline { throw HarnessError(description: "timed out waiting for \(property)=\(option) to be saved") }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// True when the screen shows exactly `frame` (tmux drops trailing spaces and colour).
    /// The bottom-right cell is left out: ncurses does not write it on a terminal that
    /// would scroll after it (screen and xterm), which shows at 1x1.
    func shows(_ frame: Frame, on screen: String) -> Bool {
        func trimmed(_ lines: [String]) -> [String] {
            var result = lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
            if frame.size.rows > 0, result.count >= frame.size.rows,
                DisplayWidth.standard.of(result[frame.size.rows - 1]) == frame.size.columns {
                result[frame.size.rows - 1].removeLast()
            }
            result = result.map { String($0.reversed().drop { $0 == " " }.reversed()) }
            while result.last == "" { result.removeLast() }
            return result
        }
        return trimmed(screen.components(separatedBy: "\n")) == trimmed(frame.lines)
    }

    /// Waits until the screen shows `frame`.
    @discardableResult
    func waitFor(_ frame: Frame, timeout: Double = 10) throws -> String {
        try waitForScreen("the frame for \(frame.size):\n\(frame.text)", timeout: timeout) { shows(frame, on: $0) }
    }

    /// True when the settings after the app match those before it started.
    func settingsRestored() throws -> Bool {
        try file("before") == file("after")
    }

    /// Whether the pane's terminal settings, read from outside, come back to what they were
    /// before the app started, within a couple of seconds: what a user finds after a death,
    /// whatever the shell around the app did in between. Nil when they do, else what they
    /// were and what they are, for the failure message.
    func settingsDifference() throws -> String? {
        let before = try file("before")
        var now = ""
        for _ in 0..<40 {
            now = try currentSettings()
            if now == before { return nil }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return "before \(before), now \(now)"
    }
}

func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// tmux is needed for the end-to-end tests; .ci/run installs it.
let tmuxAvailable: Bool = (try? runTool("tmux", ["-V"])) != nil
