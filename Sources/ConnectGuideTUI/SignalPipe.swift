import CTerminalSignals
import ConnectGuidePlatform

/// Signals as bytes in a pipe, so the event loop handles them as ordinary input (the
/// self-pipe trick). The handlers themselves live in CTerminalSignals and only write to
/// the pipe; the fatal ones restore the terminal and pass the signal on to the handler
/// they replaced (Swift's crash report), or die of it.
final class SignalPipe {
    let readFD: Int32
    private let writeFD: Int32

    /// Signals the loop acts on: abort, terminate, hang up, suspend, continue, resize.
    static let forwarded: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH]
    /// Signals that end the process at once: every other signal whose default action is to
    /// terminate (crashes, SIGIO, SIGPWR, the real-time signals, ...), up to SIGRTMAX; the
    /// terminal is restored first. SIGKILL cannot be caught, and the C library keeps the two
    /// real-time signals below SIGRTMIN for itself (sigaction refuses them).
    static let fatal: [Int32] = (1...ts_last_signal()).filter { signal in
        ts_catchable_and_fatal(signal) != 0 && !forwarded.contains(signal)
    }
    private var terminalFD: Int32 = -1
    private var settings = termios()

    init() throws(TerminalUnavailable) {
        // Neither end may block: the handler must never wait, and the loop drains until empty.
        (readFD, writeFD) = try nonBlockingPipe()
    }

    func install(terminalFD: Int32, settings: termios) {
        self.terminalFD = terminalFD
        self.settings = settings
        setFatalRestoreSequence([])
        var handled = sigset_t()
        sigemptyset(&handled)
        // The keys' signals (Ctrl-C, Ctrl-Z) are always the UI's, even when a parent started
        // us ignoring them (a background job's SIGINT); another signal a parent chose to
        // ignore (SIGPIPE, say) stays ignored.
        for signal in Self.forwarded + Self.fatal where Self.forwarded.contains(signal) || ts_signal_is_ignored(signal) == 0 {
            _ = Self.forwarded.contains(signal)
                ? ts_forward_to_pipe(signal, writeFD)
                : ts_restore_terminal_on_fatal(signal)
            sigaddset(&handled, signal)
        }
        // A parent may have started us with these blocked (the mask is inherited);
        // blocked, Ctrl-C or a resize would never reach the loop.
        sigprocmask(SIG_UNBLOCK, &handled, nil)
    }

    /// What to write to the terminal before re-raising a fatal signal.
    func setFatalRestoreSequence(_ bytes: [UInt8]) {
        withUnsafePointer(to: &settings) { saved in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { characters in
                    ts_set_terminal_restore(terminalFD, saved, characters.baseAddress, characters.count)
                }
            }
        }
    }

    /// SIGINT, SIGTERM and SIGHUP put /dev/null over `fd` from now on, so that a write
    /// blocked on a terminal that stopped reading cannot keep them from being acted on.
    func divertOutputOnEndingSignals(_ fd: Int32) {
        ts_divert_output_on_ending_signals(fd)
    }

    /// Whether an ending signal has put /dev/null over the terminal's descriptor.
    var outputDiverted: Bool { ts_output_diverted() != 0 }

    /// Writes `bytes` to `fd`, waiting at most `milliseconds` for it to take them.
    func write(_ bytes: [UInt8], to fd: Int32, withinMilliseconds milliseconds: Int32) {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = ts_write_within(fd, $0.baseAddress, $0.count, milliseconds) }
        }
    }

    /// No terminal to restore on a fatal signal: the guide runs in the background, and the
    /// terminal is the shell's.
    func forgetTerminal() {
        ts_set_terminal_restore(-1, nil, nil, 0)
    }

    /// The signals that arrived since the last call, oldest first.
    func drain() -> [Int32] {
        var received: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = buffer.withUnsafeMutableBytes { ConnectGuidePlatform.read(readFD, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            received += buffer.prefix(count).map(Int32.init)
        }
        return received
    }

    /// Stops the process as Ctrl-Z would have without our handler; returns once continued.
    func stopProcess() {
        ts_stop_process()
    }

    /// Back to the dispositions from before `install` (the runtime's crash handlers
    /// included); after this a signal acts as it would without the UI.
    func uninstall() {
        ts_restore_signals()
    }

    /// Dies of `signal` with its default action, so a parent sees the true cause.
    static func die(of signal: Int32) -> Never {
        ts_die_of_signal(signal)
    }

    deinit {
        close(readFD)
        close(writeFD)
    }
}

/// A pipe whose ends never block and are closed on exec: how a signal handler or a worker
/// thread wakes the loop, which polls the read end beside the terminal.
func nonBlockingPipe() throws(TerminalUnavailable) -> (read: Int32, write: Int32) {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else {
        throw TerminalUnavailable(description: "cannot create a pipe: \(String(cString: strerror(errno)))")
    }
    for end in ends {
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
    }
    return (ends[0], ends[1])
}
