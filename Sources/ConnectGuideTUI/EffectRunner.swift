import ConnectGuidePlatform
import ConnectGuideStorage
import Synchronization

/// Runs the effects that wait on files, FIFOs and other processes (export, open in the
/// browser, save) off the event loop, as bubbletea runs its commands: each on a thread of
/// its own, and their results come back to the loop as events for `update`. A byte in a
/// pipe wakes the loop's `poll` when a result is waiting, as the signal pipe does for
/// signals, so no effect ever holds up a key or a frame.
final class EffectRunner: Sendable {
    /// The loop polls this; readable when a result is waiting.
    let readFD: Int32
    private let writeFD: Int32
    /// Results not yet taken by the loop, and how many jobs have not finished.
    private let shared = Mutex<(results: [UIEvent], running: Int)>(([], 0))
    /// Held by a job while it runs: jobs run one at a time, so a save never races another
    /// save, and the browser's children are reaped by one job at a time.
    private let turn = Mutex<Void>(())

    init() throws(TerminalUnavailable) {
        (readFD, writeFD) = try nonBlockingPipe()
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    /// Whether a job has not finished yet.
    var isBusy: Bool { shared.withLock { $0.running > 0 } }

    /// Starts `job` on a thread of its own; its event comes back through `takeResults`.
    /// Where no thread can be made, it runs here and now, as effects did before.
    func start(_ job: @escaping @Sendable () -> UIEvent) {
        shared.withLock { $0.running += 1 }
        let work = JobContext { [self] in
            let event = turn.withLock { _ in job() }
            shared.withLock {
                $0.results.append(event)
                $0.running -= 1
            }
            var byte: UInt8 = 1
            // A full pipe already wakes the loop, which takes every result at once.
            _ = write(writeFD, &byte, 1)
        }
        let context = Unmanaged.passRetained(work).toOpaque()
        // The thread starts with every signal blocked but the faults: the loop's thread
        // handles Ctrl-C, Ctrl-Z and resizes, and a worker writing to a FIFO whose reader
        // went away gets EPIPE, an error it reports, rather than a fatal SIGPIPE.
        var blocked = sigset_t()
        sigfillset(&blocked)
        for fault in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS, SIGABRT] { sigdelset(&blocked, fault) }
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            Unmanaged<JobContext>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context)
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        if created == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<JobContext>.fromOpaque(context).takeRetainedValue().run()
        }
    }

    /// The results that came back since the last call, in the order they finished.
    func takeResults() -> [UIEvent] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while buffer.withUnsafeMutableBytes({ read(readFD, $0.baseAddress, $0.count) }) > 0 {}
        return shared.withLock {
            let results = $0.results
            $0.results = []
            return results
        }
    }

    /// Waits until every job has finished, or `milliseconds` have passed: at the end of a
    /// session, so an export under way is written and the last save is not raced. Each
    /// job is bounded (an export waits at most `exportReaderTimeout` for a reader, the
    /// browser `browserStartWait`), so this wait is too.
    func waitForJobs(milliseconds: Int) {
        var left = milliseconds
        while isBusy && left > 0 {
            usleep(5_000)
            left -= 5
        }
    }
}

/// A job and what it does after, handed to a new thread as its one argument.
private final class JobContext: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

/// The saver, carried to the job that saves. It is only used inside jobs, which run one
/// at a time, and at the end of the session once they are done, never by two threads at once.
struct SaverHandle: @unchecked Sendable {
    let saver: any SelectionSaver
}
