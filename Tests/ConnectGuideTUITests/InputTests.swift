import ConnectGuideCore
import Testing

@testable import ConnectGuideTUI

/// Bytes through a fresh decoder, then the pause that completes whatever is held.
func decoded(_ text: String) -> [DecodedInput] { decoded(Array(text.utf8)) }

func decoded(_ bytes: [UInt8]) -> [DecodedInput] {
    var decoder = KeyDecoder()
    return decoder.feed(bytes) + decoder.flush()
}

@Suite("Key decoding and mouse hit-testing")
struct InputTests {
    @Test("Cursor keys in normal and application mode, Home/End in every form, PgUp/PgDn, Delete, Shift-Tab")
    func keys() {
        let expected: [(String, Key)] = [
            ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
            ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}OC", .right), ("\u{1B}OD", .left),
            ("\u{1B}[H", .home), ("\u{1B}[1~", .home), ("\u{1B}[7~", .home), ("\u{1B}OH", .home),
            ("\u{1B}[F", .end), ("\u{1B}[4~", .end), ("\u{1B}[8~", .end), ("\u{1B}OF", .end),
            ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[3~", .delete), ("\u{1B}[Z", .backTab),
            // With modifiers (Ctrl+Up, Shift+End): the key itself.
            ("\u{1B}[1;5A", .up), ("\u{1B}[1;2F", .end), ("\u{1B}[5;3~", .pageUp),
        ]
        for (sequence, key) in expected {
            #expect(decoded(sequence) == [.key(key)], "\(Array(sequence.utf8))")
        }
    }

    @Test("Control characters: Tab, Enter (CR and LF), Ctrl-L, Ctrl-U, Backspace; others ignored")
    func controls() {
        #expect(decoded("\t\r\n\u{0C}\u{15}\u{7F}\u{08}") == [.tab, .enter, .enter, .redraw, .clearLine, .backspace, .backspace].map(DecodedInput.key))
        // Ctrl-A to Ctrl-Z not named above by their letter (line editing, Ctrl-R redo); other controls are nothing.
        #expect(decoded("\u{01}\u{12}") == [.control("a"), .control("r")].map(DecodedInput.key))
        #expect(decoded("\u{00}\u{1C}\u{1F}").isEmpty)
    }

    @Test("Esc alone is Esc once the input pauses; Esc Esc is one Esc; Alt+key is the key")
    func escape() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.pendingTimeout != nil)
        #expect(decoder.flush() == [.key(.escape)])
        #expect(decoder.pendingTimeout == nil)
        #expect(decoded("\u{1B}\u{1B}") == [.key(.escape)])
        #expect(decoded("\u{1B}j\u{1B}q") == [.key(.character("j")), .key(.character("q"))])
        #expect(decoded("\u{1B}\r") == [.key(.enter)])
        #expect(decoded("\u{1B}é") == [.key(.character("é"))])
    }

    @Test("Sequences that are not keys are read to their end and dropped, never an Esc: F-keys, focus, OSC, DCS, replies")
    func unknownSequences() {
        let ignored = [
            "\u{1B}[I", "\u{1B}[O", "\u{1B}[15~", "\u{1B}[2~", "\u{1B}OP", "\u{1B}[?1;2c", "\u{1B}[12;40R", "\u{1B}[>0;95;0c",
            "\u{1B}]11;rgb:0000/0000/0000\u{07}", "\u{1B}]0;title\u{1B}\\", "\u{1B}P1$r0m\u{1B}\\", "\u{1B}_APC\u{1B}\\",
            "\u{1B}[201~", "\u{1B}[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20;21;22;23;24;25;26;27;28;29;30;31;32;33;34;35x",
        ]
        for sequence in ignored {
            #expect(decoded(sequence + "j") == [.key(.character("j"))], "\(sequence.debugDescription)")
        }
        // A sequence cut short is dropped at the pause; the keys after the pause are keys.
        var decoder = KeyDecoder()
        #expect(decoder.feed(Array("\u{1B}[1;".utf8)).isEmpty)
        #expect(decoder.flush().isEmpty)
        #expect(decoder.feed(Array("jq".utf8)) == [.key(.character("j")), .key(.character("q"))])
    }

    @Test("Mouse reports in SGR, urxvt and X10 encodings; a cut-short X10 report does not swallow the keys after the pause")
    func mouse() {
        #expect(decoded("\u{1B}[<0;11;6M") == [.mouse(MouseInput(column: 10, row: 5, action: .press))])
        #expect(decoded("\u{1B}[<0;11;6m").isEmpty)  // the release
        #expect(decoded("\u{1B}[<64;3;4M") == [.mouse(MouseInput(column: 2, row: 3, action: .wheelUp))])
        #expect(decoded("\u{1B}[<65;3;4M") == [.mouse(MouseInput(column: 2, row: 3, action: .wheelDown))])
        #expect(decoded("\u{1B}[32;11;6M") == [.mouse(MouseInput(column: 10, row: 5, action: .press))])
        #expect(decoded([0x1B, 0x5B, 0x4D, 32, 33 + 10, 33 + 5]) == [.mouse(MouseInput(column: 10, row: 5, action: .press))])
        // Coordinates beyond 94 are raw bytes above 0x7F, not UTF-8.
        #expect(decoded([0x1B, 0x5B, 0x4D, 32, 0xFF, 0xC0]) == [.mouse(MouseInput(column: 222, row: 159, action: .press))])
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B, 0x5B, 0x4D, 32]).isEmpty)
        #expect(decoder.flush().isEmpty)
        #expect(decoder.feed(Array("jk".utf8)) == [.key(.character("j")), .key(.character("k"))])
    }

    @Test("Bracketed paste is one paste, newlines and Esc and keys inside included, in however many reads it comes")
    func paste() {
        let text = "echo hello\nls -la\n\u{1B}q\u{1B}[201"
        #expect(decoded("\u{1B}[200~" + text + "\u{1B}[201~j") == [.paste(text), .key(.character("j"))])
        var decoder = KeyDecoder()
        var output: [DecodedInput] = []
        for byte in Array(("\u{1B}[200~" + text + "\u{1B}[201~").utf8) { output += decoder.feed([byte]) }
        #expect(output == [.paste(text)])
        // A huge paste is kept to the limit, and what follows it is read as keys again.
        let huge = decoded(Array("\u{1B}[200~".utf8) + [UInt8](repeating: 0x61, count: 1_000_000) + Array("\u{1B}[201~q".utf8))
        #expect(huge.count == 2)
        if case .paste(let kept) = huge.first { #expect(kept.utf8.count == KeyDecoder.pasteLimit) } else { Issue.record("no paste") }
        #expect(huge.last == .key(.character("q")))
    }

    @Test("Printable and wide characters come through whole; invalid UTF-8 is U+FFFD and decoding goes on")
    func characters() {
        #expect(decoded("q 漢😀") == ["q", " ", "漢", "😀"].map { .key(.character($0)) })
        let replacement = DecodedInput.key(.character("\u{FFFD}"))
        let j = DecodedInput.key(.character("j"))
        #expect(decoded([0xFF, 0x6A]) == [replacement, j])
        #expect(decoded([0xC3, 0x6A]) == [replacement, j])  // cut short
        #expect(decoded([0xE2, 0x80, 0x6A]) == [replacement, j])
        #expect(decoded([0xC0, 0xAF, 0x6A]) == [replacement, replacement, j])  // overlong
        #expect(decoded([0xED, 0xA0, 0x80, 0x6A]) == [replacement, replacement, replacement, j])  // a surrogate
        #expect(decoded([0x80, 0x6A]) == [replacement, j])
        #expect(decoded([0xF0, 0x9F]) == [replacement])  // cut short by the pause
    }

    @Test("A click on an option row chooses that option; on a selector row, focuses that property")
    func clickTargets() throws {
        let frame = render(model(140, 40))
        let apiRow = try #require(row(of: "( ) API", in: frame))
        let apiColumn = try #require(column(of: "API", row: apiRow, in: frame))
        #expect(mouseEvent(MouseInput(column: apiColumn, row: apiRow, action: .press), on: frame) == .click(.option(.onboarding, "api")))
        let chargeRow = try #require(row(of: "3 Charge type", in: frame))
        #expect(mouseEvent(MouseInput(column: 5, row: chargeRow, action: .press), on: frame) == .click(.property(.chargeType)))
        // The preview lines under an option belong to it too.
        let previewRow = try #require(row(of: "→ sets", in: frame))
        #expect(frame.target(column: 10, row: previewRow) == .option(.onboarding, "api"))
        #expect(frame.target(column: 0, row: 0) == .background)
    }

    @Test("The wheel scrolls the pane under the pointer")
    func wheel() {
        let frame = render(model(140, 40))
        #expect(mouseEvent(MouseInput(column: 100, row: 10, action: .wheelDown), on: frame) == .scroll(.steps, 3))
        #expect(mouseEvent(MouseInput(column: 10, row: 30, action: .wheelUp), on: frame) == .scroll(.explanation, -3))
        #expect(mouseEvent(MouseInput(column: 10, row: 0, action: .wheelUp), on: frame) == nil)
    }

    @Test("Clicking through the real renderer and update chooses the option")
    func clickEndToEnd() throws {
        let start = model(140, 40, after: typed("3"))
        let frame = render(start)
        let separateRow = try #require(row(of: "( ) Separate charges and transfers", in: frame))
        let event = try #require(mouseEvent(MouseInput(column: 8, row: separateRow, action: .press), on: frame))
        #expect(start.update(event).model.state.selection[.chargeType] == "separate")
    }

    @Test("Under the help overlay nothing else can be clicked")
    func overlayCovers() throws {
        let frame = render(model(140, 40, after: typed("?")))
        let inside = frame.target(column: 70, row: 20)
        #expect(inside == .scrollArea(.help) || inside == .overlay)
    }
}

@Suite("Key decoding: hostile input (issue 18)")
struct HostileDecodingTests {
    @Test("SGR and urxvt mouse parameters are unsigned digits: a sign or an overflowing number drops the report, never traps")
    func mouseParameters() {
        let dropped = [
            "\u{1B}[<0;-9223372036854775808;1M", "\u{1B}[<0;-9223372036854775808;1m", "\u{1B}[<0;1;-9223372036854775808M",
            "\u{1B}[<-9223372036854775808;1;1M", "\u{1B}[<0;+5;3M", "\u{1B}[<0;-1;3M", "\u{1B}[<0;9223372036854775807;1M",
            "\u{1B}[<0;99999999999999999999999;1M", "\u{1B}[<0;0;1M", "\u{1B}[<0;;1M", "\u{1B}[<0:1;2;3M",
            "\u{1B}[-9223372036854775808;1;1M", "\u{1B}[32;-9223372036854775808;1M", "\u{1B}[-1;5~", "\u{1B}[+1;5A",
        ]
        for sequence in dropped {
            #expect(decoded(sequence + "j") == [.key(.character("j"))], "\(sequence.debugDescription)")
        }
        #expect(decoded("\u{1B}[<0;99999999;2M") == [.mouse(MouseInput(column: 99_999_998, row: 1, action: .press))])
    }

    @Test("Esc before a whole CSI or SS3 sequence (Alt+arrow from rxvt, PuTTY, macOS) is that key, never Esc")
    func altSequences() {
        #expect(decoded("\u{1B}\u{1B}[A") == [.key(.up)])
        #expect(decoded("\u{1B}\u{1B}OA") == [.key(.up)])
        #expect(decoded("\u{1B}\u{1B}[1;3D") == [.key(.left)])
        #expect(decoded("\u{1B}\u{1B}[15~j") == [.key(.character("j"))])
        // Esc Esc alone is still one Esc, and Esc Esc then a key is Esc and the key.
        #expect(decoded("\u{1B}\u{1B}") == [.key(.escape)])
        #expect(decoded("\u{1B}\u{1B}j") == [.key(.escape), .key(.character("j"))])
        #expect(decoded("\u{1B}\u{1B}]0;title\u{07}j") == [.key(.escape), .key(.character("j"))])
    }

    @Test("In UTF-8 only BEL and ESC \\ end a control string: 0x9C inside a character does not; CAN and SUB abort it")
    func controlStrings() {
        // М is D0 9C in UTF-8.
        #expect(decoded("\u{1B}]11;М3\u{1B}\\j") == [.key(.character("j"))])
        #expect(decoded("\u{1B}P1$rМ\u{07}j") == [.key(.character("j"))])
        #expect(decoded("\u{1B}]0;abc\u{18}j") == [.key(.character("j"))])
        #expect(decoded("\u{1B}_abc\u{1A}j") == [.key(.character("j"))])
        // Esc and anything but a backslash ends the string and starts a sequence: the arrow acts.
        #expect(decoded("\u{1B}]0;cut\u{1B}[Aj") == [.key(.up), .key(.character("j"))])
        // Outside UTF-8 a raw 0x9C is ST.
        var latin = KeyDecoder(utf8: false)
        #expect(latin.feed([0x1B, 0x5D, 0x30, 0x3B, 0x9C, 0x6A]) == [.key(.character("j"))])
    }

    @Test("Alt+] and the other string introducers typed by a person are keys, and the keys after them act")
    func introducersTyped() {
        for introducer in ["]", "P", "X", "^", "_"] {
            var decoder = KeyDecoder()
            #expect(decoder.feed(Array("\u{1B}\(introducer)".utf8)).isEmpty)
            #expect(decoder.pendingTimeout == decoder.escapeDelay)
            #expect(decoder.flush() == [.key(.character(Character(introducer)))])
            #expect(decoder.feed(Array("jk".utf8)) == [.key(.character("j")), .key(.character("k"))])
        }
    }
}
