import Glibc

/// The values of one measure over all runs.
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
    var quartiles: (Double, Double) { (percentile(0.25), percentile(0.75)) }
}

/// What one program showed over all runs.
struct Results {
    var firstFrameMs = Sample()
    var firstFrameBytes = Sample()
    var arrowMs = Sample()
    var arrowBytes = Sample()
    var arrowClears = 0
    var selectMs = Sample()
    var selectBytes = Sample()
    var selectClears = 0
    var peakMiB = Sample()
    var headlessMs = Sample()
    var exitStatuses: [Int32] = []
}

let rows: UInt16 = 40
let columns: UInt16 = 140
let terminalType = "xterm-256color"

/// The arguments of the yardstick: a menu with the five onboarding and dashboard choices.
let dialogArguments = [
    "--menu", "Onboarding and dashboard", "15", "60", "5",
    "hosted", "Stripe-hosted", "embedded", "Embedded", "api", "API",
    "full", "Stripe Dashboard", "express", "Express Dashboard",
]

/// The headless command measured against starting /bin/true.
let headlessArguments = ["plan", "--format", "json"]

func environment(stateDirectory: String) -> [String] {
    var variables = [
        "TERM=\(terminalType)", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "XDG_STATE_HOME=\(stateDirectory)",
        "PATH=/usr/local/bin:/usr/bin:/bin",
    ]
    if let home = getenv("HOME") { variables.append("HOME=" + String(cString: home)) }
    return variables
}

/// Starts a program, waits for its first complete frame (once `marker` has arrived and
/// the terminal has been quiet for 150 ms, which is not counted), and measures one arrow
/// move: the part both programs share.
func startAndMoveOnce(
    _ binary: String, _ arguments: [String], marker: String, dismiss: String? = nil, into results: inout Results,
    stateDirectory: String
) throws -> TerminalSession {
    let session = try TerminalSession(binary, arguments, environment: environment(stateDirectory: stateDirectory), rows: rows, columns: columns)
    let first = try session.read(quietMilliseconds: 150) { $0.contains(subsequence: Array(marker.utf8)) }
    results.firstFrameMs.add(milliseconds(from: session.startedAt, to: first.lastByteAt))
    results.firstFrameBytes.add(Double(first.bytes.count))
    // A panel the first frame opens on (connect-guide's preset chooser) is closed unmeasured.
    if let dismiss { _ = try session.respond(to: dismiss) }
    let (arrow, arrowMs) = try session.respond(to: session.downKey)
    results.arrowMs.add(arrowMs)
    results.arrowBytes.add(Double(arrow.bytes.count))
    results.arrowClears += arrow.bytes.fullScreenClears
    return session
}

/// Reads the peak memory while the program still runs, then sends the key that leaves and
/// records the exit status.
func leave(_ session: TerminalSession, with key: String, into results: inout Results) throws {
    results.peakMiB.add(try session.peakResidentKiB() / 1024)
    session.send(key)
    results.exitStatuses.append(session.finish())
}

/// One run of connect-guide: start, first frame, one arrow move, one selection that moves
/// three other properties (API onboarding), quit.
func measureConnectGuide(_ binary: String, locale: AppLocale, into results: inout Results, stateDirectory: String) throws {
    // Every run starts as a first start, with no arguments: the guide opens on the last
    // saved selection, so the one the run before saved goes first. A first start opens on
    // the preset chooser: its frame is the first frame, and Esc closes it.
    forgetSavedSelection(stateDirectory: stateDirectory)
    let session = try startAndMoveOnce(
        binary, locale.arguments, marker: locale.chooserTitle, dismiss: "\u{1B}", into: &results, stateDirectory: stateDirectory)
    _ = try session.respond(to: session.downKey)  // highlight API
    let (select, selectMs) = try session.respond(to: "\r")
    results.selectMs.add(selectMs)
    results.selectBytes.add(Double(select.bytes.count))
    results.selectClears += select.bytes.fullScreenClears
    try leave(session, with: "q", into: &results)
}

/// One run of dialog: start, first frame, one arrow move, then Enter to leave.
func measureDialog(_ binary: String, into results: inout Results, stateDirectory: String) throws {
    let session = try startAndMoveOnce(binary, dialogArguments, marker: "Cancel", into: &results, stateDirectory: stateDirectory)
    try leave(session, with: "\r", into: &results)
}

/// Everything one invocation of the benchmark measured.
struct Run {
    var guide = Results()
    var dialog = Results()
    /// Starting /bin/true the way `plan --format json` is started: the floor for the latter.
    var trueMs = Sample()
    var runs = 0
}

/// Measures both programs `runs` times, interleaved so that both see the same machine.
func measure(app: String, locale: AppLocale, dialog: String, trueBinary: String, runs: Int, stateDirectory: String) throws -> Run {
    var run = Run()
    run.runs = runs
    let variables = environment(stateDirectory: stateDirectory)
    for _ in 0..<runs {
        try measureConnectGuide(app, locale: locale, into: &run.guide, stateDirectory: stateDirectory)
        try measureDialog(dialog, into: &run.dialog, stateDirectory: stateDirectory)
        run.guide.headlessMs.add(try timeCommand(app, locale.arguments + headlessArguments, environment: variables))
        run.trueMs.add(try timeCommand(trueBinary, [], environment: variables))
    }
    let failures = run.guide.exitStatuses.filter { $0 != 0 }
    guard failures.isEmpty else {
        throw BenchError("connect-guide did not exit with status 0 after q in \(failures.count) of \(runs) runs (wait statuses \(failures))")
    }
    return run
}

/// Removes what connect-guide saved under the benchmark's XDG_STATE_HOME.
func forgetSavedSelection(stateDirectory: String) {
    let directory = stateDirectory + "/connect-guide"
    guard let entries = opendir(directory) else { return }
    while let entry = readdir(entries) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name != "." && name != ".." { unlink(directory + "/" + name) }
    }
    closedir(entries)
}
