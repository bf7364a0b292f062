import ConnectGuidePlatform

/// What came of opening an address.
public enum OpenOutcome: Hashable, Sendable {
    /// Handed to the browser; `with` names the command.
    case launched(url: String, with: String)
    /// Neither $BROWSER nor xdg-open is there.
    case noBrowser(url: String)
    case failed(url: String, problem: String)
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

/// Opens an address with the browser command, detached: its output goes to /dev/null so
/// it cannot draw over the guide, and the guide does not wait for it to close.
func openInBrowser(_ url: String, environment: Environment) -> OpenOutcome {
    guard let browser = browserCommand(environment: environment) else { return .noBrowser(url: url) }
    // $1 is the browser command, left unquoted so "firefox --new-window" splits into words;
    // $2 the address, quoted. The shell puts the browser in the background and exits.
    let script = "$1 \"$2\" </dev/null >/dev/null 2>&1 &"
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
    guard spawned == 0 else { return .failed(url: url, problem: String(cString: strerror(spawned))) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return .launched(url: url, with: browser)
}
