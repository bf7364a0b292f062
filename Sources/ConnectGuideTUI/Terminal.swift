import CNcursesw
import ConnectGuidePlatform

/// Buffers for drawing rows, reused from row to row: which cells to send, and the
/// characters of one run.
private struct RowScratch {
    var dirty: [Bool] = []
    var text: [wchar_t] = []
}

/// Why the full-screen UI cannot start.
public struct TerminalUnavailable: Error, CustomStringConvertible {
    public let description: String
}

/// The one place that talks to ncurses. It draws on /dev/tty, never on stdout, so a
/// caller's stdout stays free for `--print`. Everything here runs on the main thread.
final class Terminal {
    private let screen: OpaquePointer
    private let file: UnsafeMutablePointer<FILE>
    let fd: Int32
    /// The terminal again, for restoring it: an ending signal may put /dev/null over `fd`.
    private let restoreFD: Int32
    let signalPipe: SignalPipe
    let hasColor: Bool
    /// Whether the locale's encoding is UTF-8; otherwise only ASCII reaches the screen.
    let unicode: Bool
    private var savedSettings = termios()
    /// The frame on screen, to skip redrawing rows that did not change.
    private var shown: Frame?
    private var isActive = true
    /// Continued in the background (after Ctrl-Z and `bg`, or `kill %1`): the terminal is
    /// the shell's, so nothing is drawn, read or set until the guide is in the foreground
    /// again, and ending leaves the terminal alone.
    private(set) var detached = false
    /// What the fatal-signal handler writes to undo the UI.
    private var undo: [UInt8] = []

    /// Columns per character as the C library (and so ncurses) counts them.
    static let displayWidth = DisplayWidth { character in
        guard let first = character.unicodeScalars.first else { return 0 }
        let width = cg_wcwidth(first.value)
        return width >= 0 ? Int(width) : DisplayWidth.scalarWidth(first)
    }

    /// `environment` is the process's, as the session was given it: TERM for messages,
    /// NO_COLOR.
    init(environment: Environment) throws(TerminalUnavailable) {
        unicode = cg_use_environment_locale() != 0
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { throw TerminalUnavailable(description: "cannot open /dev/tty: \(String(cString: strerror(errno)))") }
        // A file or device put at /dev/tty (in a container, say) would be read as keys forever.
        guard isatty(fd) != 0 else {
            close(fd)
            throw TerminalUnavailable(description: "/dev/tty is not a terminal")
        }
        guard let file = fdopen(fd, "r+") else {
            close(fd)
            throw TerminalUnavailable(description: "cannot use /dev/tty: \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        self.file = file
        tcgetattr(fd, &savedSettings)
        restoreFD = fcntl(fd, F_DUPFD_CLOEXEC, 3)
        do {
            signalPipe = try SignalPipe()
        } catch {
            fclose(file)
            close(restoreFD)
            throw error
        }
        // Our handlers go in before ncurses starts, so it leaves these signals to us.
        signalPipe.install(terminalFD: restoreFD, settings: savedSettings)

        Self.takeSizeFromTerminal(fd)
        guard let screen = newterm(nil, file, file) else {
            signalPipe.uninstall()
            fclose(file)
            close(restoreFD)
            throw TerminalUnavailable(description: "ncurses cannot drive this terminal (TERM=\(environment["TERM"] ?? "unset"))")
        }
        self.screen = screen
        set_term(screen)
        // Before anything reaches the terminal: a fatal signal from now on finds the way back.
        undo = Self.undoSequence()
        signalPipe.setFatalRestoreSequence(undo)
        signalPipe.divertOutputOnEndingSignals(fd)
        cbreak()
        noecho()
        nonl()
        // Ctrl-S and Ctrl-Q are keys here, not flow control that would freeze the screen.
        // ncurses keeps these settings (def_prog_mode) for when it takes the terminal back.
        var programSettings = termios()
        if tcgetattr(fd, &programSettings) == 0 {
            programSettings.c_iflag &= ~tcflag_t(IXON | IXOFF)
            tcsetattr(fd, TCSANOW, &programSettings)
        }
        def_prog_mode()
        // ncurses (6.4) flushes its output after every cursor move until the screen has
        // been suspended once (its "initial" state), which cut each frame into a hundred
        // writes (strace). One endwin and doupdate before anything is drawn leave it
        // running, so a frame goes out in a few writes.
        endwin()
        doupdate()
        // No keypad mode: KeyDecoder reads the bytes itself, every sequence to its end.
        curs_set(0)
        // No typeahead checks during refresh: ncurses flushes its output before each one,
        // which split one frame into dozens of small writes (strace), and a frame is cheap
        // enough that abandoning it for pending input gains nothing.
        typeahead(-1)
        // Mouse reports (press and release, SGR encoding where the terminal has it) only
        // where terminfo says there is a mouse, as ncurses would; bracketed paste always.
        let hasMouse = tigetstr("kmous").map { Int(bitPattern: $0) != -1 && Int(bitPattern: $0) != 0 } ?? false
        modesOn = (hasMouse ? Self.mouseOn : "") + Self.pasteOn

        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        hasColor = !noColor && has_colors()
        if hasColor {
            start_color()
            use_default_colors()
            for role in ColorRole.allCases {
                init_pair(Self.pair(for: role), Self.foreground(for: role), cg_color_default())
            }
        }
        writeModes(modesOn)
    }

    /// What `init` switched on beyond ncurses: mouse reporting and bracketed paste.
    private var modesOn = ""
    private static let mouseOn = "\u{1B}[?1000h\u{1B}[?1006h"
    private static let pasteOn = "\u{1B}[?2004h"
    /// Every mode either of the above turns on, off (and the ones ncurses may have set).
    private static let modesOff = "\u{1B}[?2004l\u{1B}[?1006l\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l"

    /// Writes mode switches straight to the terminal, after whatever ncurses has buffered.
    private func writeModes(_ sequence: String) {
        fflush(file)
        _ = writeAll(Array(sequence.utf8), to: fd)
    }

    /// The largest size the guide draws at. ncurses keeps sizes as `short` (32,767 at most)
    /// and allocates every cell several times over; no real terminal is larger than this.
    static let sizeLimit = TerminalSize(columns: 2_000, rows: 1_000)

    /// `size` as ncurses can hold it.
    static func clamped(rows: Int, columns: Int) -> (rows: Int32, columns: Int32) {
        (Int32(min(rows, sizeLimit.rows)), Int32(min(columns, sizeLimit.columns)))
    }

    /// The size comes from the terminal, never from COLUMNS or LINES (left over from
    /// another terminal, they garble the screen). Only a size beyond `sizeLimit` is
    /// handed to ncurses through them, as the clamped size, since it would overflow.
    private static func takeSizeFromTerminal(_ fd: Int32) {
        if let window = terminalWindowSize(fd), window.rows > sizeLimit.rows || window.columns > sizeLimit.columns {
            let size = clamped(rows: window.rows, columns: window.columns)
            setenv("LINES", "\(size.rows)", 1)
            setenv("COLUMNS", "\(size.columns)", 1)
            use_env(true)
            use_tioctl(false)
        } else {
            // The window size from the system, never the environment (nor terminfo's).
            use_env(false)
            use_tioctl(true)
        }
    }

    /// Output that undoes the UI, for the fatal-signal handler, which cannot call endwin.
    private static func undoSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1, Int(bitPattern: value) != 0 else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        return bytes + Array(modesOff.utf8)
    }

    var size: TerminalSize {
        var rows: Int32 = 0
        var columns: Int32 = 0
        cg_getmaxyx(cg_stdscr(), &rows, &columns)
        return TerminalSize(columns: Int(columns), rows: Int(rows))
    }

    // MARK: Output

    /// Copies a frame to the screen with one `doupdate`. Only the cells that changed since
    /// the last frame are handed to ncurses, which then sends only what differs from what
    /// the terminal shows; `repaint` forces every cell out.
    func draw(_ frame: Frame, repaint: Bool = false) {
        let window = cg_stdscr()
        if repaint || shown?.size != frame.size {
            werase(window)
            shown = nil
            if repaint { clearok(cg_curscr(), true) }
        }
        // Row by row, the columns that differ from what is on screen (all of them on a fresh one).
        let changes = shown.map { frame.changes(since: $0) }
            ?? [ChangedColumns?](repeating: ChangedColumns(lowerBound: 0, upperBound: frame.size.columns), count: frame.size.rows)
        // Scratch space for the rows, local: a class's own arrays would be checked for
        // exclusive access at every touch.
        var scratch = RowScratch()
        for (row, columns) in changes.enumerated() {
            guard let columns else { continue }
            drawRow(frame, row: row, columns: columns.range, over: shown, window: window, scratch: &scratch)
        }
        wnoutrefresh(window)
        doupdate()
        writeHyperlinks(frame, changes: changes, previous: shown)  // Hyperlinks.swift
        shown = frame
    }

    /// Draws the cells of a row, within `columns`, that differ from `previous` (every cell
    /// on a fresh screen: a cell `werase` blanked does not carry the attributes of a blank
    /// drawn by us, so ncurses would send it again): runs of one style each, one ncurses
    /// call per run, never a cell that is already right.
    private func drawRow(
        _ frame: Frame, row: Int, columns: Range<Int>, over previous: Frame?, window: UnsafeMutablePointer<WINDOW>?,
        scratch: inout RowScratch
    ) {
        // One column wide, ncurses writes the bottom-right cell by inserting the cell to
        // its left, which does not exist: it sent bytes from outside the line (garbage on
        // screen). Left blank, that cell is never sent; the terminal could not show it anyway.
        if frame.size.columns == 1 && row == frame.size.rows - 1 {
            cg_set_style(window, cg_a_normal(), 0)
            _ = mvwaddnwstr(window, Int32(row), 0, [wchar_t(32)], 1)
            return
        }
        let base = row * frame.size.columns
        let width = frame.size.columns
        frame.cells.withUnsafeBufferPointer { cells in
            // Which cells to send; a wide character goes out whole, both of its cells.
            scratch.dirty.removeAll(keepingCapacity: true)
            if let previous {
                for column in columns {
                    scratch.dirty.append(frame.cell(at: base + column, differsFrom: previous))
                }
                for offset in scratch.dirty.indices where scratch.dirty[offset] {
                    let column = columns.lowerBound + offset
                    if offset > 0, cells[base + column].isContinuation { scratch.dirty[offset - 1] = true }
                    if offset + 1 < scratch.dirty.count, cells[base + column + 1].isContinuation { scratch.dirty[offset + 1] = true }
                }
            } else {
                scratch.dirty.append(contentsOf: repeatElement(true, count: columns.count))
            }
            var start = columns.lowerBound
            while start < columns.upperBound {
                guard scratch.dirty[start - columns.lowerBound] else {
                    start += 1
                    continue
                }
                let style = cells[base + start].style, role = cells[base + start].role
                var end = start
                var clustered = false
                scratch.text.removeAll(keepingCapacity: true)
                while end < columns.upperBound, scratch.dirty[end - columns.lowerBound], cells[base + end].style == style,
                    cells[base + end].role == role
                {
                    let cell = cells[base + end]
                    if cell.isContinuation {
                        // Drawn with the wide character before it.
                    } else if !unicode && !cell.scalar.isASCII {
                        // Outside UTF-8, ncurses cannot show it at all: a stand-in per column.
                        let standIn = wchar_t(bitPattern: asciiStandIn(for: cell.scalar).value)
                        scratch.text.append(standIn)
                        if end + 1 < width, cells[base + end + 1].isContinuation { scratch.text.append(standIn) }
                    } else if cell.isCluster {
                        for scalar in frame.character(end, row).unicodeScalars { scratch.text.append(wchar_t(bitPattern: scalar.value)) }
                        clustered = true
                    } else {
                        scratch.text.append(wchar_t(bitPattern: cell.scalar.value))
                    }
                    end += 1
                }
                let pair = hasColor ? Self.pair(for: role) : 0
                scratch.text.withUnsafeBufferPointer { text in
                    if clustered {
                        // A character with combining marks is several wide characters to
                        // ncurses, which only its own string handling joins into one cell.
                        cg_set_style(window, attributes(style), pair)
                        _ = mvwaddnwstr(window, Int32(row), Int32(start), text.baseAddress, Int32(text.count))
                    } else {
                        _ = cg_put_cells(window, Int32(row), Int32(start), text.baseAddress, Int32(text.count), attributes(style), pair)
                    }
                }
                start = end
            }
        }
        cg_set_style(window, cg_a_normal(), 0)
    }

    private func attributes(_ style: CellStyle) -> attr_t {
        var result = cg_a_normal()
        if style.contains(.bold) { result |= cg_a_bold() }
        if style.contains(.reverse) { result |= cg_a_reverse() }
        if style.contains(.underline) { result |= cg_a_underline() }
        if style.contains(.dim) { result |= cg_a_dim() }
        return result
    }

    private static func pair(for role: ColorRole) -> Int16 { Int16(role.rawValue) + 1 }

    private static func foreground(for role: ColorRole) -> Int16 {
        switch role {
        case .plain, .border: cg_color_default()
        case .title, .heading: cg_color_cyan()
        case .focus: cg_color_cyan()
        case .selected: cg_color_green()
        case .link: cg_color_blue()
        case .warning, .callout: cg_color_yellow()
        case .notice: cg_color_magenta()
        case .muted: cg_color_default()
        }
    }

    // MARK: Input

    /// The bytes waiting on the terminal, up to `limit`, once `poll` said there are some;
    /// nil at end of input or on an error (the terminal is gone).
    func readBytes(limit: Int = 4_096) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: limit)
        let count = buffer.withUnsafeMutableBytes { ConnectGuidePlatform.read(fd, $0.baseAddress, $0.count) }
        if count > 0 { return Array(buffer.prefix(count)) }
        return count < 0 && (errno == EINTR || errno == EAGAIN) ? [] : nil
    }

    /// Tells ncurses the terminal's new size (we handle SIGWINCH, so it does not); the
    /// loop then sees `size` differ from the model's.
    func noticeResize() {
        guard let window = terminalWindowSize(fd), window.rows > 0, window.columns > 0 else { return }
        let size = Self.clamped(rows: window.rows, columns: window.columns)
        resizeterm(size.rows, size.columns)
    }

    // MARK: Giving the terminal back

    /// Whether this process group owns the terminal: the shell's foreground job.
    private var inForeground: Bool { tcgetpgrp(restoreFD) == getpgrp() }

    /// Ctrl-Z: put the terminal back, stop, and on being continued take it again if the
    /// guide is in the foreground (`fg`), or leave it to the shell (`bg`, `kill %1`).
    func suspend() {
        if !detached {
            endwin()
            writeModes(Self.modesOff)
        }
        signalPipe.stopProcess()
        reclaim()
    }

    /// Continued (SIGCONT): in the foreground, the terminal is set up again as the guide
    /// needs it, whatever the shell did to it while the guide was stopped (an external
    /// SIGSTOP leaves the shell's cooked settings), and the next draw repaints everything.
    /// In the background nothing is touched: setting the terminal there would stop the
    /// guide (SIGTTOU), and mouse reporting would land at the shell's prompt.
    func reclaim() {
        guard isActive else { return }
        guard inForeground else {
            detached = true
            // A fatal signal now must not write to, or set, a terminal the shell owns.
            signalPipe.forgetTerminal()
            return
        }
        detached = false
        signalPipe.setFatalRestoreSequence(undo)
        // Stopped without warning (SIGSTOP), ncurses still thinks it owns the terminal:
        // give it back first, so the next draw sets the program's mode and screen again.
        if !isendwin() { endwin() }
        writeModes(modesOn)
        noticeResize()
        shown = nil
        clearok(cg_curscr(), true)
    }

    /// Restores the terminal as it was. Safe to call more than once. Continued in the
    /// background, the guide leaves the terminal to the shell that owns it.
    func end() {
        guard isActive else { return }
        isActive = false
        defer { close(restoreFD) }
        if detached || !inForeground {
            signalPipe.uninstall()
            return
        }
        endwin()
        if signalPipe.outputDiverted {
            // Ended by a signal: ncurses ended into /dev/null, and the terminal, which may
            // have stopped reading, gets the undo through its other descriptor within a second.
            signalPipe.write(undo, to: restoreFD, withinMilliseconds: 1_000)
        } else {
            writeModes(Self.modesOff)
        }
        delscreen(screen)
        tcsetattr(restoreFD, TCSANOW, &savedSettings)
        signalPipe.uninstall()
        fclose(file)
    }

    deinit { end() }
}
