import ConnectGuideCore
import ConnectGuideStorage
import ConnectGuideText
import Foundation
import FuzzSupport
import Testing

@testable import ConnectGuideTUI

/// Random input and random sizes through the same path the event loop takes: decoder,
/// mouse hit-testing, update, render. Short by default; `FUZZ_ITERATIONS=200000 swift
/// test --filter Fuzz` runs longer, `FUZZ_SEED=n` explores other sequences.
@Suite("Fuzz: random input and sizes into the front end")
struct FuzzTests {
    @Test("any bytes decode to keys that are whole characters, pastes without their markers, or mouse reports on the screen")
    func randomBytes() {
        var random = SeededGenerator(seed: fuzzSeed(5))
        var decoder = KeyDecoder()
        for step in 0..<fuzzIterations(20_000) {
            let bytes = randomTerminalBytes(&random)
            var output = decoder.feed(bytes)
            if step % 3 == 0 { output += decoder.flush() }
            for input in output {
                switch input {
                case .key(.character(let character)):
                    #expect(character.unicodeScalars.count == 1, "\(bytes)")
                    #expect(character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }, "\(bytes)")
                case .paste(let text):
                    #expect(!text.isEmpty && text.utf8.count <= KeyDecoder.pasteLimit)
                    #expect(!text.contains("\u{1B}[201~"))
                case .mouse(let mouse):
                    #expect(mouse.column >= 0 && mouse.row >= 0)
                case .key:
                    break
                }
            }
            // Nothing is held once the input has paused.
            if step % 3 == 0 { #expect(decoder.pendingTimeout == nil) }
        }
    }

    @Test("escape sequences ncurses does not know and bracketed pastes: the guide never quits, its selection never changes", arguments: testLocales)
    func unknownSequencesAndPastes(locale: LocaleID) {
        var random = SeededGenerator(seed: fuzzSeed(13))
        let start = model(120, 40, locale: locale)
        var current = start
        var decoder = KeyDecoder()
        for step in 0..<fuzzIterations(3_000) {
            var output = decoder.feed(unknownSequenceOrPaste(&random))
            if step % 5 == 0 { output += decoder.flush() }
            for input in output {
                let event: UIEvent
                switch input {
                case .key(let key): event = .key(key)
                case .paste(let text): event = .paste(text)
                case .mouse(let mouse):
                    guard let mouseEvent = mouseEvent(mouse, on: render(current)) else { continue }
                    event = mouseEvent
                }
                let (next, effects) = current.update(event)
                #expect(!effects.contains(.quit) && !effects.contains(.cancel), "step \(step): \(input) ended the guide")
                current = next
            }
            #expect(current.state.selection == start.state.selection, "step \(step)")
            #expect(current.overlay == nil, "step \(step)")
        }
    }

    @Test("random reads, mouse reports and resizes: no crash, a valid state, a frame of the model's size", arguments: testLocales)
    func randomInput(locale: LocaleID) {
        var random = SeededGenerator(seed: fuzzSeed(11))
        var model = model(120, 40, locale: locale)
        var frame = render(model)
        var reached: Set<String> = []
        for step in 0..<fuzzIterations(1_000) {
            var events: [UIEvent] = []
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<8:
                events = [.resize(randomSize(&random))]
            case 8..<16:
                let mouse = MouseInput(
                    column: Int.random(in: -3...(model.size.columns + 3), using: &random),
                    row: Int.random(in: -3...(model.size.rows + 3), using: &random),
                    action: [.press, .wheelUp, .wheelDown].randomElement(using: &random)!)
                events = mouseEvent(mouse, on: frame).map { [$0] } ?? []
            case 16..<24:
                events = [.paste(String(decoding: randomTerminalBytes(&random), as: UTF8.self))]
            default:
                // What the decoder would hand the loop for this read: a key.
                events = [.key(randomKey(&random))]
            }
            for event in events {
                var pending: [UIEvent] = [event]
                while !pending.isEmpty {
                    let (next, effects) = model.update(pending.removeFirst())
                    model = next
                    // No file is written: the outcomes are made up, covering each kind.
                    for effect in effects {
                        switch effect {
                        case .export(let request):
                            reached.insert("export written")
                            pending.append(.exported(
                                [.written(path: request.path), .exists(path: request.path), .failed("no space left")]
                                    .randomElement(using: &random)!))
                        case .save(let selection):
                            reached.insert("saved")
                            let failure = SaveFailure(FileError(path: "/state/last.url", kind: .other, problem: .system("no space left on device")))
                            pending.append(.saved(Int.random(in: 0..<20, using: &random) == 0 ? .failed(failure) : .saved(selection)))
                        default:
                            break
                        }
                    }
                }
            }
            expectValid(model, step: step)
            frame = render(model, color: step % 2 == 0)
            expectFrame(frame, fits: model, step: step)
            switch model.overlay {
            case .help?: reached.insert("help")
            case .url?: reached.insert("url")
            case .export?: reached.insert("export")
            case .menu?: reached.insert("menu")
            case .presets?: reached.insert("presets")
            case nil: break
            }
        }
        // The stream got past the panes into each panel.
        #expect(reached.isSuperset(of: ["help", "url", "export", "menu", "presets", "saved"]), "\(reached)")
    }

    @Test("random resizes with every overlay open: 0x0, 1x1, 1xN, Nx1, huge; back at the start nothing is lost", arguments: testLocales)
    func randomResizes(locale: LocaleID) {
        var random = SeededGenerator(seed: fuzzSeed(23))
        let openers: [[UIEvent]] = [
            [], typed("?"), typed("p"), typed("v"), typed("y"), typed("o"), typed("e"), typed("e") + typed("x/y"), typed("w"), keys(.pageDown, .pageDown) + typed("]]"),
        ]
        let start = TerminalSize(columns: 90, rows: 30)
        var round = 0
        var opened = model(start.columns, start.rows, locale: locale)
        var resized = opened
        var visited: [TerminalSize] = []
        // One iteration is one resize; every few, check the round and open another panel.
        for step in 0..<fuzzIterations(200) {
            if step % 4 == 0 {
                // Growing back shows the same view, provided no key scrolled it meanwhile.
                let back = (visited + [start]).reduce(opened) { $0.update(.resize($1)).model }
                #expect(render(back).text == render(opened).text, "round \(round) through \(visited)")
                round += 1
                opened = model(start.columns, start.rows, after: keys(.down, .enter) + openers[round % openers.count], locale: locale)
                resized = opened
                visited = []
            }
            let size = step % 250 == 7 ? TerminalSize(columns: 1000, rows: 500) : randomSize(&random, huge: false)
            visited.append(size)
            resized = resized.update(.resize(size)).model
            expectFrame(render(resized, color: Bool.random(using: &random)), fits: resized, step: step)
            // Keys at whatever size: overlays answer them too, at 1x1 as well.
            for key in [Key.pageDown, .end, .down, .home, .pageUp, .tab, .character("]")].shuffled(using: &random).prefix(3) {
                let (next, effects) = resized.update(.key(key))
                if effects.isEmpty { resized = next }
            }
            expectValid(resized, step: step)
            expectFrame(render(resized), fits: resized, step: step)
        }
    }

    // MARK: Checks

    func expectValid(_ model: AppModel, step: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let state = model.state
        #expect(guide.isValid(state.selection), "step \(step): \(state.selection)", sourceLocation: sourceLocation)
        #expect(guide.property(model.cursor.focus).option(model.cursor.highlighted) != nil, "step \(step)", sourceLocation: sourceLocation)
        #expect(model.explanationScroll >= 0 && model.stepsScroll >= 0 && model.helpScroll >= 0, "step \(step)", sourceLocation: sourceLocation)
    }

    func expectFrame(_ frame: Frame, fits model: AppModel, step: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let size = model.size
        #expect(frame.size == size, "step \(step)", sourceLocation: sourceLocation)
        #expect(frame.cells.count == size.columns * size.rows, "step \(step) at \(size)", sourceLocation: sourceLocation)
        // Continuation cells must follow a wide character on the same row, or a row would be
        // drawn shorter than the screen.
        for row in 0..<size.rows where size.columns > 0 {
            #expect(!frame[0, row].isContinuation, "step \(step) at \(size), row \(row)", sourceLocation: sourceLocation)
        }
        // Every row as wide as the screen: no wide character lost half of itself.
        for (row, line) in frame.lines.enumerated() where size.columns > 0 && size.rows > 0 {
            #expect(DisplayWidth.standard.of(line) == size.columns, "step \(step) at \(size), row \(row)", sourceLocation: sourceLocation)
        }
    }
}

// MARK: - Generators

/// A key as the decoder could yield it: the app's own keys (so the stream gets into every
/// panel and dialog), any special key, and any character, wide, combining or odd ones too.
func randomKey(_ random: inout SeededGenerator) -> Key {
    let special: [Key] = [
        .up, .down, .left, .right, .tab, .backTab, .enter, .pageUp, .pageDown, .home, .end, .escape, .backspace, .delete, .redraw,
        .clearLine, .control("a"), .control("e"), .control("r"), .control("w"),
    ]
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<35:
        // The keys the app acts on, and Esc and Enter to leave what they open, so the stream
        // gets into every panel and dialog and out again.
        let keys = Array("qjkhl12345 rwe?uvoyp[]yYnN/x.").map(Key.character) + [.escape, .escape, .enter]
        return keys.randomElement(using: &random)!
    case 35..<70: return special.randomElement(using: &random)!
    case 70..<80:
        // Combining marks, zero-width joiners, variation selectors, non-characters, U+FFFD.
        return .character(Character(Unicode.Scalar([0x0301, 0x0308, 0x200B, 0x200D, 0xFE0F, 0xFFFD, 0xFFFE, 0x1F3FB, 0xE0001].randomElement(using: &random)!)!))
    case 80..<90:
        // Wide characters: CJK, Hangul, emoji.
        return .character(Character(Unicode.Scalar([0x4E00, 0x3042, 0xAC00, 0x1F600, 0x1F1FA, 0xFF21].randomElement(using: &random)!)!))
    default:
        return .character(Character(Unicode.Scalar(UInt32.random(in: 0x20...0x10_FFFF, using: &random)) ?? "\u{FFFD}"))
    }
}

/// One thing a terminal sends that is not a key the guide acts on: a sequence ncurses does
/// not know (focus reports, F-keys, device replies, OSC/DCS/APC strings, mouse releases and
/// motion, modified cursor keys), or a bracketed paste of anything (keys, Enter, Esc, q).
func unknownSequenceOrPaste(_ random: inout SeededGenerator) -> [UInt8] {
    func number() -> String { escapeParameter(&random) }
    func text(_ count: ClosedRange<Int>) -> String {
        String((0..<Int.random(in: count, using: &random)).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &random))) })
    }
    let escape = "\u{1B}"
    let sequence: String
    switch Int.random(in: 0..<10, using: &random) {
    case 0: sequence = escape + ["[I", "[O"].randomElement(using: &random)!
    case 1:
        // Tilde keys that are not Home, End, Delete, PgUp, PgDn or a paste start.
        let code = [2, 9, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24, 25, 26, 28, 29, 31, 32, 33, 34, 201].randomElement(using: &random)!
        sequence = escape + "[\(code)" + (Bool.random(using: &random) ? ";\(Int.random(in: 2...8, using: &random))" : "") + "~"
    case 2: sequence = escape + "O" + String(Array("PQRSpqrstuvwxy").randomElement(using: &random)!)
    case 3:
        // Replies and reports: device attributes, cursor position, private modes, anything.
        let final = Character(Unicode.Scalar(Array(0x40...0x7E).filter { !"ABCDFHMZm~".unicodeScalars.map(\.value).contains(UInt32($0)) }.randomElement(using: &random)!)!)
        sequence = escape + "[" + ["", "?", ">", "="].randomElement(using: &random)! + "\(number());\(number())" + String(final)
    case 4:
        let introducer = ["]", "P", "_", "^", "X"].randomElement(using: &random)!
        sequence = escape + introducer + text(0...60) + [escape + "\\", "\u{07}"].randomElement(using: &random)!
    case 5:
        // Mouse releases and motion, in SGR.
        sequence = escape + "[<\(Int.random(in: 32...47, using: &random));\(number());\(number())" + ["M", "m"].randomElement(using: &random)!
    case 6: sequence = escape + "[<0;\(number());\(number())m"
    case 7:
        // Modified cursor keys, their parameters anything: they move, but never choose.
        sequence = escape + "[\(number());\(number())" + String(Array("ABCDHF").randomElement(using: &random)!)
    default:
        let pieces = ["q", "\r", "\n", escape, "y", "e", " ", "2", "\u{1B}[B", "\u{1B}[20~", text(1...20), "漢"]
        let pasted = (0..<Int.random(in: 1...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        sequence = escape + "[200~" + pasted + escape + "[201~"
    }
    // Alt as a second Esc before a CSI or SS3 sequence, as rxvt, PuTTY and macOS send it.
    if Int.random(in: 0..<4, using: &random) == 0, sequence.hasPrefix(escape + "[") || sequence.hasPrefix(escape + "O") {
        return Array((escape + sequence).utf8)
    }
    return Array(sequence.utf8)
}

/// A terminal size, weighted towards the edges: 0x0, 1x1, one row or column, around the
/// minimum the layout needs, ordinary, and (unless `huge` is false) 1000x500.
func randomSize(_ random: inout SeededGenerator, huge: Bool = true) -> TerminalSize {
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<5: return TerminalSize(columns: 0, rows: 0)
    case 5..<10: return TerminalSize(columns: 1, rows: 1)
    case 10..<15: return TerminalSize(columns: 1, rows: Int.random(in: 0...80, using: &random))
    case 15..<20: return TerminalSize(columns: Int.random(in: 0...250, using: &random), rows: 1)
    case 20..<25: return TerminalSize(columns: Int.random(in: 0...3, using: &random), rows: Int.random(in: 0...3, using: &random))
    case 25..<45:
        // Around the minimum (60x16) and the side-by-side width (100).
        return TerminalSize(columns: Int.random(in: 55...105, using: &random), rows: Int.random(in: 13...20, using: &random))
    case 45..<46 where huge: return TerminalSize(columns: 1000, rows: 500)
    default: return TerminalSize(columns: Int.random(in: 0...240, using: &random), rows: Int.random(in: 0...70, using: &random))
    }
}
