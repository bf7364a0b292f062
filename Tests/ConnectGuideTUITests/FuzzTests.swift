import ConnectGuideCore
import Foundation
import FuzzSupport
import Testing

@testable import ConnectGuideTUI

/// Random input and random sizes through the same path the event loop takes: decoder,
/// mouse hit-testing, update, render. Short by default; `FUZZ_ITERATIONS=200000 swift
/// test --filter Fuzz` runs longer, `FUZZ_SEED=n` explores other sequences.
@Suite("Fuzz: random input and sizes into the front end")
struct FuzzTests {
    let decoder = KeyDecoder(codes: Terminal.keyCodes)

    @Test("any read decodes to nothing, a resize, a mouse report or a key that is one whole character")
    func randomReads() {
        var random = SeededGenerator(seed: fuzzSeed(5))
        for _ in 0..<fuzzIterations(100_000) {
            let raw = randomRead(&random)
            switch decoder.decode(raw) {
            case .key(.character(let character))?:
                guard case .character(let value) = raw else {
                    Issue.record("\(raw) became the character \(character)")
                    continue
                }
                #expect(character.unicodeScalars.map(\.value) == [value])
                #expect(value >= 0x20 && value != 0x7F)
            case .key?, .resize?, .mouse?, nil:
                break
            }
        }
    }

    @Test("random reads, mouse reports and resizes: no crash, a valid state, a frame of the model's size")
    func randomInput() {
        var random = SeededGenerator(seed: fuzzSeed(11))
        var model = model(120, 40)
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
            default:
                // What the terminal layer would hand the loop for this read.
                switch decoder.decode(randomRead(&random)) {
                case .key(let key)?: events = [.key(key)]
                case .resize?: events = [.resize(randomSize(&random))]
                case .mouse?: events = []  // getmouse found no report: nothing to do
                case nil: events = []
                }
            }
            for event in events {
                var pending = event
                while true {
                    let (next, effect) = model.update(pending)
                    model = next
                    // No file is written: the outcome is made up, covering each kind.
                    if case .export(let request) = effect {
                        reached.insert("export written")
                        pending = .exported(
                            [.written(path: request.path), .exists(path: request.path), .failed("no space left")]
                                .randomElement(using: &random)!)
                        continue
                    }
                    break
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
        #expect(reached.isSuperset(of: ["help", "url", "export", "menu", "presets"]), "\(reached)")
    }

    @Test("random resizes with every overlay open: 0x0, 1x1, 1xN, Nx1, huge; back at the start nothing is lost")
    func randomResizes() {
        var random = SeededGenerator(seed: fuzzSeed(23))
        let openers: [[UIEvent]] = [
            [], typed("?"), typed("p"), typed("v"), typed("y"), typed("o"), typed("e"), typed("e") + typed("x/y"), typed("w"), keys(.pageDown, .pageDown) + typed("]]"),
        ]
        let start = TerminalSize(columns: 90, rows: 30)
        var round = 0
        var opened = model(start.columns, start.rows)
        var resized = opened
        var visited: [TerminalSize] = []
        // One iteration is one resize; every few, check the round and open another panel.
        for step in 0..<fuzzIterations(200) {
            if step % 4 == 0 {
                // Growing back shows the same view, provided no key scrolled it meanwhile.
                let back = (visited + [start]).reduce(opened) { $0.update(.resize($1)).model }
                #expect(render(back).text == render(opened).text, "round \(round) through \(visited)")
                round += 1
                opened = model(start.columns, start.rows, after: keys(.down, .enter) + openers[round % openers.count])
                resized = opened
                visited = []
            }
            let size = step % 250 == 7 ? TerminalSize(columns: 1000, rows: 500) : randomSize(&random, huge: false)
            visited.append(size)
            resized = resized.update(.resize(size)).model
            expectFrame(render(resized, color: Bool.random(using: &random)), fits: resized, step: step)
            // Keys at whatever size: overlays answer them too, at 1x1 as well.
            for key in [Key.pageDown, .end, .down, .home, .pageUp, .tab, .character("]")].shuffled(using: &random).prefix(3) {
                let (next, effect) = resized.update(.key(key))
                if effect == .none { resized = next }
            }
            expectValid(resized, step: step)
            expectFrame(render(resized), fits: resized, step: step)
        }
    }

    // MARK: Checks

    func expectValid(_ model: AppModel, step: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let state = model.state
        #expect(guide.isValid(state.selection), "step \(step): \(state.selection)", sourceLocation: sourceLocation)
        #expect(guide.property(state.focus).option(state.highlighted) != nil, "step \(step)", sourceLocation: sourceLocation)
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
    }
}

// MARK: - Generators

/// One read as `wget_wch` could return it: any code point or none (surrogates, beyond
/// U+10FFFF), control characters, the app's own keys, and any key code.
func randomRead(_ random: inout SeededGenerator) -> RawInput {
    let codes = Terminal.keyCodes
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<30:
        // The keys the app acts on, so the stream gets into every panel and dialog.
        return .character(Array("qjkhl12345 rwe?uvoyp[]yYnN/x.\r\u{1B}\u{1B}".unicodeScalars).randomElement(using: &random)!.value)
    case 30..<40: return .character(UInt32.random(in: 0...0x1F, using: &random))
    case 40..<45: return .character([0x7F, 0x1B, 0x0D, 0x0A, 0x09, 0x08, 0x0C, 0x15].randomElement(using: &random)!)
    case 45..<50: return .character(UInt32.random(in: 0x80...0x9F, using: &random))
    case 50..<55: return .character(UInt32.random(in: 0xD800...0xDFFF, using: &random))
    case 55..<60: return .character(UInt32.random(in: 0x11_0000...UInt32.max, using: &random))
    case 60..<65:
        // Combining marks, zero-width joiners, variation selectors, non-characters.
        return .character([0x0301, 0x0308, 0x200B, 0x200D, 0xFE0F, 0xFFFE, 0xFFFF, 0x1F3FB, 0xE0001].randomElement(using: &random)!)
    case 65..<70:
        // Wide characters: CJK, Hangul, emoji.
        return .character([0x4E00, 0x3042, 0xAC00, 0x1F600, 0x1F1FA, 0xFF21].randomElement(using: &random)!)
    case 70..<75: return .character(UInt32.random(in: 0...UInt32.max, using: &random))
    case 75..<92:
        let known = [
            codes.up, codes.down, codes.left, codes.right, codes.backTab, codes.pageUp, codes.pageDown,
            codes.home, codes.end, codes.enter, codes.backspace, codes.delete, codes.resize, codes.mouse,
        ]
        return .keyCode(known.randomElement(using: &random)!)
    default: return .keyCode(Int32.random(in: Int32.min...Int32.max, using: &random))
    }
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
