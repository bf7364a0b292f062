// connect-guide-bench: measures the release build as a user meets it, in a pseudo-terminal
// of a fixed size, and `dialog --menu` the same way in the same run when it is installed.
//
//   swift run -c release connect-guide-bench [--runs N] [--binary PATH]
//
// Every number is taken from outside the process: bytes as the terminal receives them,
// times from the write of a key to the last byte of the redraw it caused, memory from
// the kernel's accounting of the child (wait4's ru_maxrss).

import CPseudoTerminal
import Glibc

// MARK: - Clock and statistics

func now() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

struct Sample {
    var values: [Double] = []
    mutating func add(_ value: Double) { values.append(value) }

    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }

    var median: Double { percentile(0.5) }
    var spread: String { "\(format(percentile(0.25)))-\(format(percentile(0.75)))" }
}

func format(_ value: Double) -> String {
    guard value.isFinite else { return "n/a" }
    if value >= 100 { return String(Int(value.rounded())) }
    let scaled = (value * 100).rounded() / 100
    var text = String(scaled)
    if let dot = text.firstIndex(of: ".") {
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        if decimals < 2 { text += String(repeating: "0", count: 2 - decimals) }
    }
    return text
}

// MARK: - A program in a pseudo-terminal

struct Response {
    var bytes: [UInt8] = []
    var lastByteAt: UInt64 = 0
}

final class TerminalSession {
    let pid: pid_t
    let master: Int32
    let startedAt: UInt64
    private(set) var transcript: [UInt8] = []

    init(_ path: String, _ arguments: [String], environment: [String], rows: UInt16, columns: UInt16) throws {
        var master: Int32 = -1
        let argv = cStrings([path] + arguments)
        let envp = cStrings(environment)
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        startedAt = now()
        pid = pt_spawn(path, argv, envp, rows, columns, &master)
        guard pid > 0 else { throw BenchError("cannot start \(path): \(String(cString: strerror(errno)))") }
        self.master = master
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until `done` holds for what arrived and then the terminal stays quiet for
    /// `quietMilliseconds`; the response ends at the last byte before that silence.
    func read(quietMilliseconds: Int32, timeoutMilliseconds: Int = 5_000, until done: ([UInt8]) -> Bool = { !$0.isEmpty }) throws -> Response {
        var response = Response()
        let deadline = now() + UInt64(timeoutMilliseconds) * 1_000_000
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let satisfied = done(response.bytes)
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let wait = satisfied ? quietMilliseconds : 50
            let ready = poll(&descriptor, 1, wait)
            if ready > 0 {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
                if count <= 0 {
                    // The child closed the terminal.
                    if satisfied { return response }
                    throw BenchError("the program closed the terminal before the expected output")
                }
                response.bytes += buffer[0..<count]
                response.lastByteAt = now()
                transcript += buffer[0..<count]
            } else if satisfied {
                return response
            } else if now() > deadline {
                throw BenchError("timed out waiting for output (got \(response.bytes.count) bytes)")
            }
        }
    }

    /// Sends `keys` and reads the redraw they cause; returns the response and its latency.
    func respond(to keys: String, quietMilliseconds: Int32 = 40) throws -> (Response, Double) {
        let sentAt = now()
        send(keys)
        let response = try read(quietMilliseconds: quietMilliseconds)
        return (response, Double(response.lastByteAt - sentAt) / 1_000_000)
    }

    /// Drains output until the child exits; returns its wait status and peak memory in KiB.
    func finish() -> (status: Int32, peakKiB: Int) {
        var status: Int32 = 0
        var peak: Int = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = now() + 5_000_000_000
        while pt_poll_exit(pid, &status, &peak) == 0 {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 20) > 0 {
                _ = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            }
            if now() > deadline {
                kill(pid, SIGKILL)
                _ = pt_wait(pid, &status, &peak)
                break
            }
        }
        close(master)
        return (status, peak)
    }

    /// The cursor-down key as the program asked the terminal to send it: application
    /// mode (ESC O B) after it switched keypad mode on (ESC [ ? 1 h), else ESC [ B.
    var downKey: String { transcript.contains(subsequence: Array("\u{1B}[?1h".utf8)) ? "\u{1B}OB" : "\u{1B}[B" }
    var upKey: String { transcript.contains(subsequence: Array("\u{1B}[?1h".utf8)) ? "\u{1B}OA" : "\u{1B}[A" }
}

/// NUL-terminated copies for exec; the caller frees them.
func cStrings(_ words: [String]) -> [UnsafeMutablePointer<CChar>?] {
    words.map { strdup($0) } + [nil]
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Array where Element == UInt8 {
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        return (0...(count - needle.count)).contains { start in self[start..<(start + needle.count)].elementsEqual(needle) }
    }

    /// Full-screen clears: ED 2 (ESC [ 2 J) or home + ED 0 (ESC [ H ESC [ J).
    var fullScreenClears: Int {
        var found = 0
        for needle in ["\u{1B}[2J", "\u{1B}[H\u{1B}[J"].map({ Array($0.utf8) }) {
            var index = 0
            while index + needle.count <= count {
                if self[index..<(index + needle.count)].elementsEqual(needle) {
                    found += 1
                    index += needle.count
                } else {
                    index += 1
                }
            }
        }
        return found
    }
}

// MARK: - The measurements

struct Results {
    var firstFrameMs = Sample()
    var firstFrameBytes = Sample()
    var arrowMs = Sample()
    var arrowBytes = Sample()
    var arrowClears = 0
    var selectMs = Sample()
    var selectBytes = Sample()
    var selectClears = 0
    var peakKiB = Sample()
    var headlessMs = Sample()
    var exitStatuses: [Int32] = []
}

let rows: UInt16 = 40
let columns: UInt16 = 140

func environment(stateDirectory: String) -> [String] {
    var variables = [
        "TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "XDG_STATE_HOME=\(stateDirectory)",
        "PATH=/usr/local/bin:/usr/bin:/bin",
    ]
    if let home = getenv("HOME") { variables.append("HOME=" + String(cString: home)) }
    return variables
}

/// Starts a program, waits for its first complete frame (once `marker` has arrived), and
/// measures one arrow move: the part both programs share.
func startAndMoveOnce(
    _ binary: String, _ arguments: [String], marker: String, into results: inout Results, stateDirectory: String
) throws -> TerminalSession {
    let session = try TerminalSession(binary, arguments, environment: environment(stateDirectory: stateDirectory), rows: rows, columns: columns)
    let first = try session.read(quietMilliseconds: 150) { $0.contains(subsequence: Array(marker.utf8)) }
    results.firstFrameMs.add(Double(first.lastByteAt - session.startedAt) / 1_000_000)
    results.firstFrameBytes.add(Double(first.bytes.count))
    let (arrow, arrowMs) = try session.respond(to: session.downKey)
    results.arrowMs.add(arrowMs)
    results.arrowBytes.add(Double(arrow.bytes.count))
    results.arrowClears += arrow.bytes.fullScreenClears
    return session
}

/// Sends the key that leaves, and records the exit status and peak memory.
func leave(_ session: TerminalSession, with key: String, into results: inout Results) {
    session.send(key)
    let (status, peak) = session.finish()
    results.exitStatuses.append(status)
    results.peakKiB.add(Double(peak))
}

/// One run of connect-guide: start, first frame, one arrow move, one selection that moves
/// three other properties (API onboarding), quit.
func measureConnectGuide(_ binary: String, into results: inout Results, stateDirectory: String) throws {
    // --fresh: every run starts from the defaults, not the API choice the run before saved.
    let session = try startAndMoveOnce(binary, ["--fresh"], marker: "Integration steps", into: &results, stateDirectory: stateDirectory)
    _ = try session.respond(to: session.downKey)  // highlight API
    let (select, selectMs) = try session.respond(to: "\r")
    results.selectMs.add(selectMs)
    results.selectBytes.add(Double(select.bytes.count))
    results.selectClears += select.bytes.fullScreenClears
    leave(session, with: "q", into: &results)
}

/// One run of dialog with the five onboarding and dashboard choices: start, first frame,
/// one arrow move, then Enter to leave.
func measureDialog(_ binary: String, into results: inout Results, stateDirectory: String) throws {
    let arguments = [
        "--menu", "Onboarding and dashboard", "15", "60", "5",
        "hosted", "Stripe-hosted", "embedded", "Embedded", "api", "API",
        "full", "Stripe Dashboard", "express", "Express Dashboard",
    ]
    let session = try startAndMoveOnce(binary, arguments, marker: "Cancel", into: &results, stateDirectory: stateDirectory)
    leave(session, with: "\r", into: &results)
}

/// Wall time of `connect-guide plan --format json`, output to /dev/null.
func measureHeadless(_ binary: String, into results: inout Results, stateDirectory: String) throws {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let argv = cStrings([binary, "plan", "--format", "json"])
    let envp = cStrings(environment(stateDirectory: stateDirectory))
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let start = now()
    guard posix_spawn(&pid, binary, &actions, nil, argv, envp) == 0 else { throw BenchError("cannot start \(binary)") }
    var status: Int32 = 0
    var peak = 0
    _ = pt_wait(pid, &status, &peak)
    results.headlessMs.add(Double(now() - start) / 1_000_000)
    guard status == 0 else { throw BenchError("plan --format json exited with status \(status)") }
}

// MARK: - Report

func commandOutput(_ command: String) -> String {
    guard let pipe = popen(command + " 2>/dev/null", "r") else { return "" }
    defer { pclose(pipe) }
    var output = ""
    var buffer = [CChar](repeating: 0, count: 4096)
    while let line = buffer.withUnsafeMutableBufferPointer({ pointer -> String? in
        fgets(pointer.baseAddress, Int32(pointer.count), pipe).map { String(cString: $0) }
    }) {
        output += line
    }
    return output.split(separator: "\n").first.map(String.init) ?? ""
}

func findExecutable(_ name: String) -> String? {
    for directory in ["/usr/bin", "/usr/local/bin", "/bin"] {
        let path = directory + "/" + name
        if access(path, X_OK) == 0 { return path }
    }
    return nil
}

func main() throws {
    var runs = 20
    var binary: String?
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--runs": runs = arguments.popFirst().flatMap { Int($0) } ?? runs
        case "--binary": binary = arguments.popFirst()
        case "-h", "--help":
            print("usage: swift run -c release connect-guide-bench [--runs N] [--binary PATH]")
            return
        default: throw BenchError("unknown argument \(argument); see --help")
        }
    }
    // The benchmark is built beside the app: use the connect-guide next to this executable.
    let own = CommandLine.arguments[0]
    let directory = own.contains("/") ? String(own[..<own.lastIndex(of: "/")!]) : "."
    let app = binary ?? directory + "/connect-guide"
    guard access(app, X_OK) == 0 else { throw BenchError("\(app) is not there; build it with swift build -c release") }
    var template = Array("/tmp/connect-guide-bench.XXXXXX".utf8CString)
    guard let stateDirectory = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({ String(cString: $0) }) else {
        throw BenchError("cannot create a temporary directory")
    }

    let dialog = findExecutable("dialog")
    var guideResults = Results()
    var dialogResults = Results()
    print("Measuring \(runs) runs at \(columns)x\(rows), TERM=xterm-256color ...")
    for _ in 0..<runs {
        // Interleaved, so both programs see the same machine conditions.
        try measureConnectGuide(app, into: &guideResults, stateDirectory: stateDirectory)
        if let dialog { try measureDialog(dialog, into: &dialogResults, stateDirectory: stateDirectory) }
        try measureHeadless(app, into: &guideResults, stateDirectory: stateDirectory)
    }

    print("")
    print("Machine: \(commandOutput("uname -srm")); \(commandOutput("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'")); \(commandOutput("nproc")) cores")
    print("connect-guide: \(app)")
    if let dialog { print("dialog: \(commandOutput(dialog + " --version"))") } else { print("dialog: not installed (apt-get install dialog), no comparison") }
    print("Median (interquartile range) over \(runs) runs.")
    print("")
    let header = ["measure", "connect-guide", "dialog", "ratio"]
    var table: [[String]] = [header]
    func row(_ name: String, _ ours: Sample, _ theirs: Sample?, unit: String) {
        let theirsText = theirs.map { $0.values.isEmpty ? "n/a" : "\(format($0.median)) \(unit) (\($0.spread))" } ?? "n/a"
        let ratio = theirs.flatMap { $0.values.isEmpty ? nil : ours.median / $0.median }.map { format($0) + "x" } ?? ""
        table.append([name, "\(format(ours.median)) \(unit) (\(ours.spread))", theirsText, ratio])
    }
    let other: Results? = dialog == nil ? nil : dialogResults
    row("first complete frame", guideResults.firstFrameMs, other?.firstFrameMs, unit: "ms")
    row("bytes of first frame", guideResults.firstFrameBytes, other?.firstFrameBytes, unit: "B")
    row("arrow key response", guideResults.arrowMs, other?.arrowMs, unit: "ms")
    row("bytes per arrow move", guideResults.arrowBytes, other?.arrowBytes, unit: "B")
    row("selection moving 3 others", guideResults.selectMs, nil, unit: "ms")
    row("bytes per such selection", guideResults.selectBytes, nil, unit: "B")
    row("peak resident memory", Sample(values: guideResults.peakKiB.values.map { $0 / 1024 }), other.map { Sample(values: $0.peakKiB.values.map { $0 / 1024 }) }, unit: "MiB")
    row("plan --format json (wall)", guideResults.headlessMs, nil, unit: "ms")
    let widths = (0..<header.count).map { column in table.map { $0[column].count }.max()! }
    for (index, line) in table.enumerated() {
        print(line.enumerated().map { $1.padding(toLength: widths[$0]) }.joined(separator: "  "))
        if index == 0 { print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
    }
    print("")
    let arrowShare = guideResults.arrowBytes.median / guideResults.firstFrameBytes.median
    print("arrow move / full frame bytes: \(format(arrowShare * 100))% (target: well under 33%)")
    print("full-screen clears on arrow keys: \(guideResults.arrowClears), on selections: \(guideResults.selectClears) (target: 0)")
    let failures = guideResults.exitStatuses.filter { $0 != 0 }.count
    print("connect-guide exits with status 0 after q: \(runs - failures)/\(runs)")
    _ = rmdirRecursive(stateDirectory)
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}

func rmdirRecursive(_ path: String) -> Int32 {
    system("rm -rf '\(path)'")
}

do {
    try main()
} catch {
    var standardError = FileHandleStream()
    print("connect-guide-bench: \(error)", to: &standardError)
    exit(1)
}

struct FileHandleStream: TextOutputStream {
    mutating func write(_ string: String) {
        _ = Array(string.utf8).withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
