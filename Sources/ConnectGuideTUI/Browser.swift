import ConnectGuidePlatform

/// What came of opening an address.
public enum OpenOutcome: Hashable, Sendable {
    /// Handed to the browser; `with` names the command.
    case launched(url: String, with: String)
    /// Neither $BROWSER nor xdg-open is there.
    case noBrowser(url: String)
    case failed(url: String, problem: BrowserProblem)
}

/// Why the browser command did not open the address, worded where it is shown.
public enum BrowserProblem: Hashable, Sendable {
    /// The system could not start it (posix_spawn's error, as the system words it).
    case notStarted(String)
    case endedBySignal(browser: String, signal: Int32)
    /// Exit status 127.
    case notFound(browser: String)
    /// Exit status 126.
    case cannotRun(browser: String)
    case exited(browser: String, status: Int32)
}

/// The command that opens addresses here: $BROWSER (its first entry, as the convention
/// allows a colon-separated list), else xdg-open found on PATH; nil when neither is.
func browserCommand(environment: Environment) -> String? {
    if let browser = environment["BROWSER"]?.split(separator: ":").first, !browser.allSatisfy(\.isWhitespace) {
        return String(browser)
    }
    let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") where access("\(directory)/xdg-open", X_OK) == 0 {
        return "\(directory)/xdg-open"
    }
    return nil
}

/// How long a browser command may run before it counts as started: long enough for one
/// that is missing or fails at once (127, or xdg-open without a desktop), short enough
/// not to be felt. One still running then is a browser that opened the address.
let browserStartWait = 40  // steps of 10 ms

/// Opens an address with the browser command, its output to /dev/null so it cannot draw
/// over the guide. A command that is missing or exits with a failure within
/// `browserStartWait` is reported as a failure; one still running is left to run.
func openInBrowser(_ url: String, environment: Environment) -> OpenOutcome {
    guard let browser = browserCommand(environment: environment) else { return .noBrowser(url: url) }
    // Browsers left running by earlier opens that have ended since: the guide starts no
    // other processes, so every child is one of them.
    var reaped: Int32 = 0
    while waitpid(-1, &reaped, WNOHANG) > 0 {}
    // $1 is the browser command, left unquoted so "firefox --new-window" splits into words;
    // $2 the address, quoted.
    let script = "$1 \"$2\" </dev/null >/dev/null 2>&1"
    let words: [String] = ["/bin/sh", "-c", script, "sh", browser, url]
    let argv = words.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, environ)
    guard spawned == 0 else { return .failed(url: url, problem: .notStarted(String(cString: strerror(spawned)))) }
    var status: Int32 = 0
    for _ in 0..<browserStartWait {
        let done = waitpid(pid, &status, WNOHANG)
        if done == 0 || (done < 0 && errno == EINTR) {
            usleep(10_000)
            continue
        }
        guard done == pid else { break }
        let signal = status & 0x7F
        let code = (status >> 8) & 0xFF
        if signal != 0 { return .failed(url: url, problem: .endedBySignal(browser: browser, signal: signal)) }
        switch code {
        case 0: return .launched(url: url, with: browser)
        case 127: return .failed(url: url, problem: .notFound(browser: browser))
        case 126: return .failed(url: url, problem: .cannotRun(browser: browser))
        default: return .failed(url: url, problem: .exited(browser: browser, status: code))
        }
    }
    return .launched(url: url, with: browser)
}
