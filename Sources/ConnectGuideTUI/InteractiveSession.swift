import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideText
import ConnectGuideStorage
import ConnectGuidePlatform

/// The interactive guide: the event loop joining the terminal, the model and the renderer.
public enum InteractiveSession {
    /// How a session ended.
    public enum Ending: Hashable, Sendable {
        /// The user quit with q; the selection on screen at that moment.
        case quit(Selection)
        /// The user left with Esc (no panel open): no choice was made, so with --print
        /// nothing is printed. The selection on screen is still saved for --resume.
        case cancelled(Selection)
        /// A signal ended it (Ctrl-C, SIGTERM, SIGHUP); the terminal is already restored.
        case signal(Int32)
    }

    /// Why the full-screen UI should not start here, or nil when it can.
    ///
    /// The UI reads keys from stdin's terminal and draws on /dev/tty. stdout may be a
    /// pipe or file only when the plan is to be printed there (`--print`), which is what
    /// makes `plan=$(connect-guide --print json)` work; otherwise a redirected stdout
    /// means the caller wanted output, not a screen, and a headless command fits better.
    public static func refusal(printRequested: Bool, environment: Environment, text: UIText) -> String? {
        let headless = headlessAdvice(text)
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" {
            return term.isEmpty ? text.tui.refusalNoTerm(advice: headless) : text.tui.refusalDumbTerm(advice: headless)
        }
        if isatty(0) == 0 {
            return text.tui.refusalInputNotTerminal(advice: headless)
        }
        if isatty(1) == 0 && !printRequested {
            return text.tui.refusalOutputNotTerminal(advice: headless)
        }
        return nil
    }

    /// Advice for when the full-screen guide cannot run.
    public static func headlessAdvice(_ text: UIText) -> String { text.tui.headlessAdvice }

    /// Runs the guide until the user quits or a signal ends it. The terminal is restored
    /// in every case before this returns. `startNotices` are what was found before the
    /// screen was taken (a saved selection that could not be used, say): anything printed
    /// then would be hidden by the full-screen UI, so they are the first notice instead.
    /// `saver` keeps the selection for --resume, saving when `update` asks (nil: nowhere
    /// to save); a failure is told to the model, which shows it once and stops asking.
    /// `environment` decides hyperlinks (TERM) and the browser ($BROWSER); `printFormat`
    /// is what --print will print, for the header and key bar.
    public static func run(
        guide: Guide, start: GuideState, startNotices: [StartNotice] = [], environment: Environment = [:],
        printFormat: String? = nil, offerPresets: Bool = false, saver: (any SelectionSaver)? = nil
    ) throws(TerminalUnavailable) -> Ending {
        let terminal = try Terminal(environment: environment)
        defer { terminal.end() }
        let color = terminal.hasColor
        var decoder = KeyDecoder(escapeDelay: environment["ESCDELAY"].flatMap { Int($0) } ?? 25, utf8: terminal.unicode)
        let options = SessionOptions(
            printFormat: printFormat, hyperlinks: terminalSupportsHyperlinks(environment: environment),
            workingDirectory: currentDirectory(), home: environment["HOME"], offerPresets: offerPresets,
            insideTmux: environment["TMUX"] != nil)
        var model = AppModel(guide: guide, state: start, size: terminal.size, displayWidth: Terminal.displayWidth, options: options)
        model.showStartNotices(startNotices)
        var frame = render(model, color: color)
        terminal.draw(frame, repaint: true)
        var saves = SaveQueue(startingFrom: model.state.selection)
        let runner = try EffectRunner()
        let saverHandle = saver.map(SaverHandle.init)
        var repaint = false

        /// Restores the terminal, lets the jobs under way finish (an export being written,
        /// a save), then writes a save still pending (keys typed ahead of q in the same
        /// read), so --resume keeps what was on screen. Outcomes have no screen left to show on.
        func finish(_ ending: Ending) -> Ending {
            terminal.end()
            runner.waitForJobs(milliseconds: 3_000)
            for case .saved(let outcome) in runner.takeResults() { saves.finished(outcome) }
            _ = saves.perform(with: saver, in: guide)
            return ending
        }

        /// Acts on the signals that arrived; the ending when one of them ends the session.
        func handleSignals() -> Ending? {
            for signal in terminal.signalPipe.drain() {
                switch signal {
                case SIGINT, SIGTERM, SIGHUP:
                    return finish(.signal(signal))
                case SIGTSTP:
                    terminal.suspend()
                    repaint = true
                case SIGCONT:
                    terminal.reclaim()
                    repaint = true
                case SIGWINCH where !terminal.detached:
                    terminal.noticeResize()
                default:
                    break
                }
            }
            return nil
        }

        /// read → update → perform: the model takes the event, and its effects run, those
        /// that wait on the system (files, FIFOs, the browser) as jobs off the loop whose
        /// results come back as events. The ending when an effect ends the session.
        func handle(_ event: UIEvent) -> Ending? {
            if case .saved(let outcome) = event { saves.finished(outcome) }
            let (next, effects) = model.update(event)
            model = next
            for effect in effects {
                switch effect {
                case .save(let selection): saves.ask(selection)
                case .quit: return finish(.quit(model.state.selection))
                case .cancel: return finish(.cancelled(model.state.selection))
                case .repaint: repaint = true
                case .export(let request):
                    let options = model.options
                    runner.start {
                        .exported(writeExport(request, workingDirectory: options.workingDirectory, home: options.home, text: guide.text))
                    }
                case .open(let url): runner.start { .opened(openInBrowser(url, environment: environment)) }
                case .copy(let text): terminal.copyToClipboard(text)
                }
            }
            return nil
        }

        while true {
            let (inputWaiting, resultsWaiting, terminalAlive, timedOut) = waitForInput(
                terminal, results: runner.readFD, timeout: decoder.pendingTimeout)
            var changed = false
            if let ending = handleSignals() { return ending }

            if resultsWaiting {
                for event in runner.takeResults() {
                    if let ending = handle(event) { return ending }
                    // A save that went through changes nothing on screen: no frame for it.
                    if case .saved(.saved) = event { continue }
                    changed = true
                }
            }

            // A read takes at most a few KiB, and the signals are checked between reads
            // and every few events, so Ctrl-C acts at once however fast input floods in.
            var decoded: [DecodedInput] = []
            if inputWaiting {
                guard let bytes = terminal.readBytes() else { return finish(.signal(SIGHUP)) }
                decoded = decoder.feed(bytes)
            } else if !terminalAlive {
                return finish(.signal(SIGHUP))
            } else if timedOut {
                // The rest of a sequence did not come: what is held is complete as it is.
                decoded = decoder.flush()
            }

            for (index, input) in decoded.enumerated() {
                if index % 64 == 63, let ending = handleSignals() { return ending }
                let event: UIEvent
                switch input {
                case .key(let key): event = .key(key)
                case .paste(let text): event = .paste(text)
                case .mouse(let mouse):
                    guard let clicked = mouseEvent(mouse, on: frame) else { continue }
                    event = clicked
                }
                if let ending = handle(event) { return ending }
                changed = true
            }

            if terminal.detached {
                // In the background: nothing is drawn until the guide is in the foreground.
            } else if changed || repaint || model.size != terminal.size {
                if model.size != terminal.size {
                    model = model.update(.resize(terminal.size)).model
                    repaint = true
                }
                frame = render(model, color: color)
                terminal.draw(frame, repaint: repaint)
                repaint = false
            }

            // Saved once the frame is on screen, off the loop, so the disk (an fsync) never
            // delays a key; the outcome comes back as `.saved` (a failure as a notice, after
            // which no save is asked for again).
            if let selection = saves.take(canSave: saverHandle != nil), let saverHandle {
                runner.start { .saved(saverHandle.saver.outcome(ofSaving: selection, in: guide)) }
            }
        }
    }

    /// Dies of `signal` with its default action (after the terminal is restored), so a
    /// calling shell sees how the guide ended.
    public static func die(of signal: Int32) -> Never {
        SignalPipe.die(of: signal)
    }

    /// Blocks until input, a signal or an effect's result (on `results`) is waiting, or
    /// `timeout` milliseconds pass (nil: no limit). Says whether input is waiting, whether
    /// results are, and whether the terminal is still there (a closed window hangs it up:
    /// no one is left to answer, so the session ends as on SIGHUP), and whether the time
    /// ran out with nothing at all to read.
    private static func waitForInput(
        _ terminal: Terminal, results: Int32, timeout: Int?
    ) -> (inputWaiting: Bool, resultsWaiting: Bool, terminalAlive: Bool, timedOut: Bool) {
        // In the background only signals and results are waited for: reading the terminal
        // there would stop the guide (SIGTTIN), and the keys are the shell's.
        var watched = [
            pollfd(fd: terminal.detached ? -1 : terminal.fd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: terminal.signalPipe.readFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: results, events: Int16(POLLIN), revents: 0),
        ]
        // EINTR (a signal arrived) is fine: the caller reads the pipe either way.
        let ready = poll(&watched, nfds_t(watched.count), Int32(terminal.detached ? -1 : timeout ?? -1))
        if ready < 0 { return (false, false, true, false) }
        let alive = watched[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) == 0
        return (watched[0].revents & Int16(POLLIN) != 0, watched[2].revents & Int16(POLLIN) != 0, alive, ready == 0)
    }
}
