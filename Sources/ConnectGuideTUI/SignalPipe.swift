import CNcursesw
import Glibc

/// Signals as bytes in a pipe, so the event loop handles them as ordinary input (the
/// self-pipe trick). The handlers themselves live in the C shim and only write to the
/// pipe; the fatal ones restore the terminal's settings and re-raise. This is the only
/// file that calls the shim's signal functions: their state is per object file.
final class SignalPipe {
    let readFD: Int32
    private let writeFD: Int32

    /// Signals the loop acts on: abort, terminate, hang up, suspend, continue, resize.
    static let forwarded: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH]
    /// Signals that end the process at once; the terminal is restored first.
    static let fatal: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGQUIT]

    private var terminalFD: Int32 = -1
    private var settings = termios()

    init() throws(TerminalUnavailable) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw TerminalUnavailable(description: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        readFD = ends[0]
        writeFD = ends[1]
        // Neither end may block: the handler must never wait, and the loop drains until empty.
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
    }

    func install(terminalFD: Int32, settings: termios) {
        self.terminalFD = terminalFD
        self.settings = settings
        setFatalRestoreSequence([])
        for signal in Self.forwarded { _ = cg_forward_signal_to_pipe(signal, writeFD) }
        for signal in Self.fatal { _ = cg_restore_terminal_on_fatal_signal(signal) }
        // A parent may have started us with these blocked (the mask is inherited);
        // blocked, Ctrl-C or a resize would never reach the loop.
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in Self.forwarded + Self.fatal { sigaddset(&handled, signal) }
        sigprocmask(SIG_UNBLOCK, &handled, nil)
    }

    /// What to write to the terminal before re-raising a fatal signal.
    func setFatalRestoreSequence(_ bytes: [UInt8]) {
        withUnsafePointer(to: &settings) { saved in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { characters in
                    cg_set_fatal_restore(terminalFD, saved, characters.baseAddress, characters.count)
                }
            }
        }
    }

    /// The signals that arrived since the last call, oldest first.
    func drain() -> [Int32] {
        var received: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(readFD, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            received += buffer.prefix(count).map(Int32.init)
        }
        return received
    }

    /// Stops the process as Ctrl-Z would have without our handler; returns once continued.
    func stopProcess() {
        cg_default_signal(SIGTSTP)
        raise(SIGTSTP)
        _ = cg_forward_signal_to_pipe(SIGTSTP, writeFD)
    }

    /// Back to the default dispositions; after this a signal acts as it would without the UI.
    func uninstall() {
        for signal in Self.forwarded + Self.fatal { cg_default_signal(signal) }
    }

    deinit {
        close(readFD)
        close(writeFD)
    }
}
