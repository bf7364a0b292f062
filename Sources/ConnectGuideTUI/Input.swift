/// What the terminal's input means before the app interprets it.
public enum DecodedInput: Hashable, Sendable {
    case key(Key)
    /// Text the terminal marked as pasted (bracketed paste): never run as keys.
    case paste(String)
    case mouse(MouseInput)
}

/// Turns the bytes read from the terminal into keys, pastes and mouse reports. It reads
/// every escape sequence to its end, so one ncurses does not know can never arrive as a
/// lone Esc, and it holds nothing back once the input pauses: after `pendingTimeout`
/// milliseconds without bytes the caller calls `flush`.
///
/// - CSI, SS3, OSC, DCS, SOS, PM and APC sequences end where ECMA-48 says; the ones that
///   are not keys (focus in/out, F-keys, replies) are dropped.
/// - Alt+key (Esc then the key) is the key itself; Esc Esc is one Esc, and Esc before a
///   whole CSI or SS3 sequence (Alt+arrow in rxvt, PuTTY, macOS "Option as Meta") is that key.
/// - A control string (OSC, DCS, SOS, PM, APC) ends at BEL or `ESC \\` (and at a raw 0x9C
///   only outside UTF-8, where it cannot be part of a character); CAN and SUB abort it. Its
///   introducer alone, followed by a pause, was typed (Alt+] and the like): that key.
/// - Numeric parameters are unsigned decimal digits; a sequence with any other parameter
///   (a sign, an overflowing number) is dropped, and no arithmetic on them can trap.
/// - Home and End in all their forms: `ESC[H`, `ESC[1~`, `ESC[7~`, `ESCOH` and the End twins.
/// - Mouse reports in SGR (`ESC[<b;x;yM`), urxvt (`ESC[b;x;yM`) and X10 (`ESC[M` and
///   three bytes) encodings. A report cut short is dropped at the pause, not read into
///   the keys that follow.
/// - Bracketed paste (`ESC[200~` to `ESC[201~`) is one `.paste`, kept to `pasteLimit` bytes.
/// - Invalid UTF-8 becomes U+FFFD, and decoding goes on with the next byte.
public struct KeyDecoder: Sendable {
    /// Bytes of one paste kept; the rest is read and dropped (a text field holds far less).
    public static let pasteLimit = 65_536
    /// Bytes of a sequence's parameters kept; longer ones are read to their end and dropped.
    static let parameterLimit = 64
    /// The largest numeric parameter read; more digits than this allows drop the sequence.
    static let parameterValueLimit = 99_999_999

    private enum State: Sendable {
        case ground
        case escape
        /// Esc Esc: one Esc, or Alt and the sequence that follows.
        case escapeEscape
        /// CSI (`ESC [`) or SS3 (`ESC O`): parameter and intermediate bytes so far.
        case sequence(singleShift: Bool, [UInt8])
        /// OSC, DCS, SOS, PM, APC: read to BEL or ST and dropped; `sawEscape` is a possible
        /// ST, and `introducer` the byte after Esc while nothing has followed it.
        case controlString(sawEscape: Bool, introducer: UInt8?)
        /// X10 mouse: the raw bytes after `ESC[M`.
        case x10Mouse([UInt8])
        /// A paste, its bytes and how much of the end marker matched.
        case paste([UInt8], matched: Int)
        /// A UTF-8 character: its bytes so far and how many it needs.
        case utf8([UInt8], needs: Int)
    }

    private var state = State.ground
    /// Milliseconds a lone Esc waits for the rest of a sequence before it counts as Esc.
    let escapeDelay: Int
    /// Whether the terminal sends UTF-8, in which 0x9C is a continuation byte and not ST.
    let utf8: Bool

    /// `escapeDelay` as ncurses' ESCDELAY sets it (25 ms by default; 1 to 1000).
    public init(escapeDelay: Int = 25, utf8: Bool = true) {
        self.escapeDelay = min(max(escapeDelay, 1), 1_000)
        self.utf8 = utf8
    }

    /// Milliseconds to wait for the rest of a sequence before `flush`; nil when nothing
    /// is held. A paste and the strings get longer, as a terminal may deliver them in parts.
    public var pendingTimeout: Int? {
        switch state {
        case .ground: nil
        case .escape, .escapeEscape, .sequence, .x10Mouse, .utf8, .controlString(_, introducer: .some): escapeDelay
        case .controlString(_, introducer: nil), .paste: 500
        }
    }

    /// Decodes `bytes`; a sequence cut off at the end is held for the next call.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [DecodedInput] {
        var output: [DecodedInput] = []
        for byte in bytes { step(byte, into: &output) }
        return output
    }

    /// No more bytes came in time: a lone Esc is the Esc key, an unfinished paste is
    /// pasted, an unfinished UTF-8 character is U+FFFD, and any other sequence cut short
    /// is dropped.
    public mutating func flush() -> [DecodedInput] {
        var output: [DecodedInput] = []
        switch state {
        case .escape, .escapeEscape: output.append(.key(.escape))
        case .controlString(_, introducer: let introducer?):
            // Alt+] (or P, X, ^, _) typed by a person: nothing came after it.
            output.append(.key(.character(Character(Unicode.Scalar(introducer)))))
        case .paste(let bytes, let matched): finishPaste(bytes + Self.pasteEnd.prefix(matched), into: &output)
        case .utf8: output.append(.key(.character("\u{FFFD}")))
        case .ground, .sequence, .controlString, .x10Mouse: break
        }
        state = .ground
        return output
    }

    private static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    private mutating func step(_ byte: UInt8, into output: inout [DecodedInput]) {
        switch state {
        case .ground:
            ground(byte, into: &output)
        case .escape:
            switch byte {
            case 0x5B: state = .sequence(singleShift: false, [])  // [
            case 0x4F: state = .sequence(singleShift: true, [])  // O
            case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .controlString(sawEscape: false, introducer: byte)  // ] P X ^ _
            case 0x1B: state = .escapeEscape
            default:
                // Alt+key: the key itself.
                state = .ground
                ground(byte, into: &output)
            }
        case .escapeEscape:
            switch byte {
            // Alt and a cursor or other key sequence: the key.
            case 0x5B: state = .sequence(singleShift: false, [])
            case 0x4F: state = .sequence(singleShift: true, [])
            default:
                // One Esc, and the second starts afresh (Alt+key, a string, another Esc).
                output.append(.key(.escape))
                state = .escape
                step(byte, into: &output)
            }
        case .sequence(let singleShift, var collected):
            switch byte {
            case 0x20...0x3F:
                if collected.count < Self.parameterLimit { collected.append(byte) }
                state = .sequence(singleShift: singleShift, collected)
            case 0x40...0x7E:
                state = .ground
                if singleShift {
                    if let key = Self.singleShiftKeys[byte] { output.append(.key(key)) }
                } else if byte == 0x4D && collected.isEmpty {  // ESC[M: X10 mouse, three raw bytes follow
                    state = .x10Mouse([])
                } else {
                    controlSequence(collected, final: byte, into: &output)
                }
            case 0x18, 0x1A:
                state = .ground  // CAN and SUB cancel a sequence
            default:
                // Not part of a sequence: the sequence was cut short, and this byte is input.
                state = .ground
                ground(byte, into: &output)
            }
        case .controlString(let sawEscape, _):
            switch byte {
            case 0x5C where sawEscape: state = .ground  // ST
            case _ where sawEscape:
                // Esc and anything but `\\`: the string was cut short, and a new sequence starts.
                state = .escape
                step(byte, into: &output)
            case 0x07, 0x18, 0x1A: state = .ground  // BEL ends it; CAN and SUB abort it
            case 0x9C where !utf8: state = .ground  // the 8-bit ST, outside UTF-8 only
            default: state = .controlString(sawEscape: byte == 0x1B, introducer: nil)
            }
        case .x10Mouse(var collected):
            collected.append(byte)
            if collected.count < 3 {
                state = .x10Mouse(collected)
            } else {
                state = .ground
                if let mouse = Self.mouse(button: Int(collected[0]) - 32, column: Int(collected[1]) - 33, row: Int(collected[2]) - 33, released: false) {
                    output.append(.mouse(mouse))
                }
            }
        case .paste(var bytes, var matched):
            if byte == Self.pasteEnd[matched] {
                matched += 1
                if matched == Self.pasteEnd.count {
                    state = .ground
                    finishPaste(bytes, into: &output)
                    return
                }
            } else {
                // What matched of the end marker was text after all.
                append(Self.pasteEnd.prefix(matched), to: &bytes)
                matched = 0
                if byte == Self.pasteEnd[0] { matched = 1 } else { append(CollectionOfOne(byte), to: &bytes) }
            }
            state = .paste(bytes, matched: matched)
        case .utf8(var bytes, let needs):
            if Self.continues(bytes, with: byte) {
                bytes.append(byte)
                if bytes.count == needs {
                    state = .ground
                    let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
                    output.append(.key(.character(Character(scalar))))
                } else {
                    state = .utf8(bytes, needs: needs)
                }
            } else {
                // A character cut short: U+FFFD for it, and this byte starts afresh.
                state = .ground
                output.append(.key(.character("\u{FFFD}")))
                ground(byte, into: &output)
            }
        }
    }

    private func append(_ more: some Sequence<UInt8>, to bytes: inout [UInt8]) {
        for byte in more where bytes.count < Self.pasteLimit { bytes.append(byte) }
    }

    private func finishPaste(_ bytes: [UInt8], into output: inout [DecodedInput]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if !text.isEmpty { output.append(.paste(text)) }
    }

    private mutating func ground(_ byte: UInt8, into output: inout [DecodedInput]) {
        switch byte {
        case 0x1B: state = .escape
        case 0x09: output.append(.key(.tab))
        case 0x0A, 0x0D: output.append(.key(.enter))
        case 0x0C: output.append(.key(.redraw))
        case 0x15: output.append(.key(.clearLine))
        case 0x08, 0x7F: output.append(.key(.backspace))
        // Ctrl-A to Ctrl-Z not named above (line editing, Ctrl-R redo): by their letter.
        case 0x01...0x1A: output.append(.key(.control(Character(Unicode.Scalar(byte + 0x60)))))
        case 0x00...0x1F: break
        case 0x20...0x7E: output.append(.key(.character(Character(Unicode.Scalar(byte)))))
        case 0xC2...0xDF: state = .utf8([byte], needs: 2)
        case 0xE0...0xEF: state = .utf8([byte], needs: 3)
        case 0xF0...0xF4: state = .utf8([byte], needs: 4)
        default: output.append(.key(.character("\u{FFFD}")))  // a stray continuation or an impossible byte
        }
    }

    /// Whether `byte` may follow `bytes` in a UTF-8 character: no overlong forms, no
    /// surrogates, nothing beyond U+10FFFF.
    private static func continues(_ bytes: [UInt8], with byte: UInt8) -> Bool {
        guard (0x80...0xBF).contains(byte) else { return false }
        guard bytes.count == 1 else { return true }
        switch bytes[0] {
        case 0xE0: return byte >= 0xA0
        case 0xED: return byte <= 0x9F
        case 0xF0: return byte >= 0x90
        case 0xF4: return byte <= 0x8F
        default: return true
        }
    }

    private static let singleShiftKeys: [UInt8: Key] = [
        0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end, 0x4D: .enter,
    ]

    private mutating func controlSequence(_ collected: [UInt8], final: UInt8, into output: inout [DecodedInput]) {
        let isPrivate = collected.first.map { (0x3C...0x3F).contains($0) } ?? false
        let parameters = collected.drop { (0x3C...0x3F).contains($0) }
            .split(separator: 0x3B, omittingEmptySubsequences: false).map(Self.unsignedParameter)
        let first = parameters.first ?? nil
        if collected.first == 0x3C, final == 0x4D || final == 0x6D {  // ESC[<b;x;yM (press) or m (release)
            if parameters.count == 3, let button = parameters[0], let column = parameters[1], let row = parameters[2],
                let mouse = Self.mouse(button: button, column: column - 1, row: row - 1, released: final == 0x6D) {
                output.append(.mouse(mouse))
            }
            return
        }
        guard !isPrivate, collected.allSatisfy({ (0x30...0x3B).contains($0) }) else { return }
        switch final {
        case 0x41: output.append(.key(.up))
        case 0x42: output.append(.key(.down))
        case 0x43: output.append(.key(.right))
        case 0x44: output.append(.key(.left))
        case 0x48: output.append(.key(.home))
        case 0x46: output.append(.key(.end))
        case 0x5A: output.append(.key(.backTab))
        case 0x4D where parameters.count == 3:  // urxvt: ESC[b;x;yM, the button offset by 32
            if let button = parameters[0], let column = parameters[1], let row = parameters[2],
                let mouse = Self.mouse(button: button - 32, column: column - 1, row: row - 1, released: false) {
                output.append(.mouse(mouse))
            }
        case 0x7E:
            switch first {
            case 1, 7: output.append(.key(.home))
            case 4, 8: output.append(.key(.end))
            case 3: output.append(.key(.delete))
            case 5: output.append(.key(.pageUp))
            case 6: output.append(.key(.pageDown))
            case 200: state = .paste([], matched: 0)
            default: break  // Insert, F-keys, a stray paste end
            }
        default:
            break  // focus in/out (ESC[I, ESC[O), cursor reports, and the rest
        }
    }

    /// A parameter of unsigned decimal digits, at most `parameterValueLimit`; nil when it is
    /// empty or holds anything else (a sign, an overflowing number, a sub-parameter).
    private static func unsignedParameter(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
            guard value <= parameterValueLimit else { return nil }
        }
        return value
    }

    /// A report of the xterm button code `button` at 0-based `column` and `row`; nil for
    /// what the app does not use (releases, motion, other buttons, off-screen cells).
    private static func mouse(button: Int, column: Int, row: Int, released: Bool) -> MouseInput? {
        guard !released, column >= 0, row >= 0, button >= 0, button & 32 == 0 else { return nil }
        switch button & ~0b11100 {  // without Shift, Alt and Ctrl
        case 0: return MouseInput(column: column, row: row, action: .press)
        case 64: return MouseInput(column: column, row: row, action: .wheelUp)
        case 65: return MouseInput(column: column, row: row, action: .wheelDown)
        default: return nil
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
        case .overlay, .preset, .background: return nil
        }
    }
}
