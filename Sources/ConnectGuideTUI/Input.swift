/// One read from the terminal, as ncurses' `wget_wch` returns it.
public enum RawInput: Hashable, Sendable {
    /// A character (`OK`): a code point, control characters included.
    case character(UInt32)
    /// A function key (`KEY_CODE_YES`): one of ncurses' `KEY_*` codes.
    case keyCode(Int32)
}

/// The `KEY_*` codes the app understands. ncurses defines them as macros; the terminal
/// layer fills this in from the C shim, so decoding stays testable without a terminal.
public struct KeyCodes: Hashable, Sendable {
    public var up, down, left, right: Int32
    public var backTab, pageUp, pageDown, home, end, enter: Int32
    public var backspace, delete, resize, mouse: Int32

    public init(
        up: Int32, down: Int32, left: Int32, right: Int32, backTab: Int32, pageUp: Int32, pageDown: Int32,
        home: Int32, end: Int32, enter: Int32, backspace: Int32, delete: Int32, resize: Int32, mouse: Int32
    ) {
        self.up = up
        self.down = down
        self.left = left
        self.right = right
        self.backTab = backTab
        self.pageUp = pageUp
        self.pageDown = pageDown
        self.home = home
        self.end = end
        self.enter = enter
        self.backspace = backspace
        self.delete = delete
        self.resize = resize
        self.mouse = mouse
    }
}

/// What a terminal read means before the app interprets it.
public enum DecodedInput: Hashable, Sendable {
    case key(Key)
    case resize
    /// A mouse report is waiting; the terminal layer fetches it with `getmouse`.
    case mouse
}

/// Turns raw terminal reads into keys.
public struct KeyDecoder: Sendable {
    public let codes: KeyCodes

    public init(codes: KeyCodes) { self.codes = codes }

    public func decode(_ input: RawInput) -> DecodedInput? {
        switch input {
        case .keyCode(let code):
            switch code {
            case codes.up: return .key(.up)
            case codes.down: return .key(.down)
            case codes.left: return .key(.left)
            case codes.right: return .key(.right)
            case codes.backTab: return .key(.backTab)
            case codes.pageUp: return .key(.pageUp)
            case codes.pageDown: return .key(.pageDown)
            case codes.home: return .key(.home)
            case codes.end: return .key(.end)
            case codes.enter: return .key(.enter)
            case codes.backspace: return .key(.backspace)
            case codes.delete: return .key(.delete)
            case codes.resize: return .resize
            case codes.mouse: return .mouse
            default: return nil
            }
        case .character(let value):
            switch value {
            case 0x09: return .key(.tab)
            case 0x0A, 0x0D: return .key(.enter)
            case 0x1B: return .key(.escape)
            case 0x0C: return .key(.redraw)
            case 0x15: return .key(.clearLine)
            case 0x08, 0x7F: return .key(.backspace)
            // Ctrl-A to Ctrl-Z not named above (line editing, Ctrl-R redo): by their letter.
            case 0x01...0x1A: return .key(.control(Character(Unicode.Scalar(value + 0x60)!)))
            case ..<0x20: return nil
            default:
                guard let scalar = Unicode.Scalar(value) else { return nil }
                return .key(.character(Character(scalar)))
            }
        }
    }
}

/// A mouse report, already reduced to what the app uses.
public struct MouseInput: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        case press
        case wheelUp
        case wheelDown
    }

    public var column: Int
    public var row: Int
    public var action: Action

    public init(column: Int, row: Int, action: Action) {
        self.column = column
        self.row = row
        self.action = action
    }
}

/// Lines one notch of the wheel scrolls.
let wheelLines = 3

/// What a mouse report does, judged against the frame on screen.
public func mouseEvent(_ mouse: MouseInput, on frame: Frame) -> UIEvent? {
    let target = frame.target(column: mouse.column, row: mouse.row)
    switch mouse.action {
    case .press:
        return .click(target)
    case .wheelUp, .wheelDown:
        let lines = mouse.action == .wheelUp ? -wheelLines : wheelLines
        switch target {
        case .scrollArea(let area): return .scroll(area, lines)
        case .property, .option: return .scroll(.explanation, lines)
        case .overlay, .background: return nil
        }
    }
}
