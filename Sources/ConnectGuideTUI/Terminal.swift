import CNcursesw
import Glibc

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
    let signalPipe: SignalPipe
    let hasColor: Bool
    /// Whether the locale's encoding is UTF-8; otherwise only ASCII reaches the screen.
    let unicode: Bool
    private var savedSettings = termios()
    /// The frame on screen, to skip redrawing rows that did not change.
    private var shown: Frame?
    private var isActive = true

    static let keyCodes = KeyCodes(
        up: cg_key_up(), down: cg_key_down(), left: cg_key_left(), right: cg_key_right(), backTab: cg_key_btab(),
        pageUp: cg_key_ppage(), pageDown: cg_key_npage(), home: cg_key_home(), end: cg_key_end(),
        enter: cg_key_enter(), backspace: cg_key_backspace(), delete: cg_key_dc(), resize: cg_key_resize(),
        mouse: cg_key_mouse())

    /// Columns per character as the C library (and so ncurses) counts them.
    static let displayWidth = DisplayWidth { character in
        guard let first = character.unicodeScalars.first else { return 0 }
        let width = cg_wcwidth(first.value)
        return width >= 0 ? Int(width) : DisplayWidth.scalarWidth(first)
    }

    init() throws(TerminalUnavailable) {
        unicode = cg_use_environment_locale() != 0
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { throw TerminalUnavailable(description: "cannot open /dev/tty: \(String(cString: strerror(errno)))") }
        guard let file = fdopen(fd, "r+") else {
            close(fd)
            throw TerminalUnavailable(description: "cannot use /dev/tty: \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        self.file = file
        tcgetattr(fd, &savedSettings)
        do {
            signalPipe = try SignalPipe()
        } catch {
            fclose(file)
            throw error
        }
        // Our handlers go in before ncurses starts, so it leaves these signals to us.
        signalPipe.install(terminalFD: fd, settings: savedSettings)

        guard let screen = newterm(nil, file, file) else {
            signalPipe.uninstall()
            fclose(file)
            throw TerminalUnavailable(description: "ncurses cannot drive this terminal (TERM=\(environmentValue("TERM") ?? "unset"))")
        }
        self.screen = screen
        set_term(screen)
        cbreak()
        noecho()
        nonl()
        keypad(cg_stdscr(), true)
        nodelay(cg_stdscr(), true)
        curs_set(0)
        // No typeahead checks during refresh: ncurses flushes its output before each one,
        // which split one frame into dozens of small writes (strace), and a frame is cheap
        // enough that abandoning it for pending input gains nothing.
        typeahead(-1)
        // Report presses at once rather than waiting to tell clicks from double clicks.
        mouseinterval(0)
        mousemask(cg_all_mouse_events(), nil)
        // ncurses reads ESCDELAY from the environment itself; otherwise Esc should act at once.
        if environmentValue("ESCDELAY") == nil { cg_set_escdelay(25) }

        let noColor = !(environmentValue("NO_COLOR") ?? "").isEmpty
        hasColor = !noColor && has_colors()
        if hasColor {
            start_color()
            use_default_colors()
            for role in ColorRole.allCases {
                init_pair(Self.pair(for: role), Self.foreground(for: role), cg_color_default())
            }
        }
        signalPipe.setFatalRestoreSequence(Self.undoSequence())
    }

    /// Output that undoes the UI, for the fatal-signal handler, which cannot call endwin.
    private static func undoSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        // Mouse reporting off, in the xterm modes ncurses may have turned on.
        bytes += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8)
        return bytes
    }

    var size: TerminalSize {
        var rows: Int32 = 0
        var columns: Int32 = 0
        cg_getmaxyx(cg_stdscr(), &rows, &columns)
        return TerminalSize(columns: Int(columns), rows: Int(rows))
    }

    // MARK: Output

    /// Copies a frame to the screen with one `doupdate`. ncurses sends only the cells
    /// that differ from what the terminal shows; `repaint` forces every cell out.
    func draw(_ frame: Frame, repaint: Bool = false) {
        let window = cg_stdscr()
        if repaint || shown?.size != frame.size {
            werase(window)
            shown = nil
            if repaint { clearok(cg_curscr(), true) }
        }
        var drawn = Set<Int>()
        for row in 0..<frame.size.rows where shown.map({ !rowsEqual($0, frame, row) }) ?? true {
            drawRow(frame, row: row, window: window)
            drawn.insert(row)
        }
        wnoutrefresh(window)
        doupdate()
        writeHyperlinks(frame, rows: drawn, previous: shown)  // Hyperlinks.swift
        shown = frame
    }

    private func rowsEqual(_ old: Frame, _ new: Frame, _ row: Int) -> Bool {
        let start = row * new.size.columns
        return old.cells[start..<(start + new.size.columns)] == new.cells[start..<(start + new.size.columns)]
    }

    /// Draws a row as runs of one style each: one ncurses call per run, not per cell.
    private func drawRow(_ frame: Frame, row: Int, window: UnsafeMutablePointer<WINDOW>?) {
        let cells = frame.cells[(row * frame.size.columns)..<((row + 1) * frame.size.columns)]
        var text: [wchar_t] = []
        text.reserveCapacity(cells.count + 8)
        var start = cells.startIndex
        while start < cells.endIndex {
            let style = cells[start].style, role = cells[start].role
            var end = start
            text.removeAll(keepingCapacity: true)
            while end < cells.endIndex, cells[end].style == style, cells[end].role == role {
                let character = cells[end].character
                if cells[end].isContinuation {
                    // Drawn with the wide character before it.
                } else if unicode || character.isASCII {
                    for scalar in character.unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
                } else {
                    // Outside UTF-8, ncurses cannot show it at all: draw a stand-in per column.
                    let standIn = wchar_t(bitPattern: asciiStandIn(for: character).value)
                    let wide = end + 1 < cells.endIndex && cells[end + 1].isContinuation
                    text += wide ? [standIn, standIn] : [standIn]
                }
                end += 1
            }
            cg_set_style(window, attributes(style), hasColor ? Self.pair(for: role) : 0)
            text.withUnsafeBufferPointer { buffer in
                _ = mvwaddnwstr(window, Int32(row), Int32(start - cells.startIndex), buffer.baseAddress, Int32(buffer.count))
            }
            start = end
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

    /// The next waiting input, without blocking.
    func read() -> RawInput? {
        var value: wint_t = 0
        let status = wget_wch(cg_stdscr(), &value)
        if status == cg_key_code_yes() { return .keyCode(Int32(bitPattern: value)) }
        if status == cg_ok() { return .character(value) }
        return nil
    }

    func readMouse() -> MouseInput? {
        var report = MEVENT()
        guard getmouse(&report) == cg_ok() else { return nil }
        let buttons = report.bstate
        let action: MouseInput.Action
        if buttons & cg_button4_pressed() != 0 {
            action = .wheelUp
        } else if buttons & cg_button5_pressed() != 0 {
            action = .wheelDown
        } else if buttons & (cg_button1_pressed() | cg_button1_clicked() | cg_button1_double_clicked()) != 0 {
            action = .press
        } else {
            return nil
        }
        return MouseInput(column: Int(report.x), row: Int(report.y), action: action)
    }

    /// Tells ncurses the terminal's new size (we handle SIGWINCH, so it does not);
    /// it answers with KEY_RESIZE on the next read.
    func noticeResize() {
        var window = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 else { return }
        resizeterm(Int32(window.ws_row), Int32(window.ws_col))
    }

    // MARK: Giving the terminal back

    /// Ctrl-Z: put the terminal back, stop, and take it again on `fg`.
    func suspend() {
        endwin()
        signalPipe.stopProcess()
        // Running again: the next draw repaints everything.
        noticeResize()
        shown = nil
        clearok(cg_curscr(), true)
    }

    /// Restores the terminal as it was. Safe to call more than once.
    func end() {
        guard isActive else { return }
        isActive = false
        endwin()
        delscreen(screen)
        tcsetattr(fd, TCSANOW, &savedSettings)
        signalPipe.uninstall()
        fclose(file)
    }

    deinit { end() }
}

/// A variable of the process environment, if set.
func environmentValue(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}
