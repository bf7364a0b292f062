import ConnectGuideCore
import Foundation
import ConnectGuideDocuments
import Testing

@testable import ConnectGuideTUI

@Suite("Display width and wrapping")
struct WidthTests {
    let width = DisplayWidth.standard

    @Test("Wide characters count two, combining marks none, ASCII one")
    func widths() {
        #expect(width.of("a") == 1)
        #expect(width.of("漢") == 2)
        #expect(width.of("ｶ") == 1)
        #expect(width.of("Ａ") == 2)
        #expect(width.of("é") == 1)
        #expect(width.of("e\u{301}") == 1)
        #expect(width.of("🙂") == 2)
        #expect(width.of("漢字 ok") == 7)
    }

    @Test("Wrapping measures display width, not characters")
    func wrapping() {
        #expect(wrapText("漢字漢字 漢字", width: 8, displayWidth: width) == ["漢字漢字", "漢字"])
        #expect(wrapText("漢字漢字漢字", width: 5, displayWidth: width) == ["漢字", "漢字", "漢字"])
        #expect(wrapText("ab 漢字", width: 6, displayWidth: width) == ["ab 漢", "字"])
    }

    @Test("Truncation and padding keep to the width")
    func truncation() {
        #expect(width.truncate("漢字漢字", to: 5) == "漢字…")
        #expect(width.truncate("abcdef", to: 4) == "abc…")
        #expect(width.truncate("abcdef", to: 6) == "abcdef")
        #expect(width.truncate("abcdef", to: 1) == "…")
        // Characters of several scalars are kept or cut whole.
        #expect(width.truncate("e\u{301}e\u{301}e\u{301}e\u{301}", to: 3) == "e\u{301}e\u{301}…")
        #expect(width.truncate("🇯🇵🇯🇵🇯🇵", to: 5) == "🇯🇵🇯🇵…")
        #expect(width.of(width.pad("漢字", to: 7)) == 7)
    }

    @Test("A frame places a wide character in two cells and never splits one at the edge")
    func frameCells() {
        var frame = Frame(size: TerminalSize(columns: 5, rows: 1), displayWidth: width)
        frame.write("a漢字", column: 0, row: 0)
        #expect(frame.text == "a漢字")
        #expect(frame[2, 0].isContinuation)
        #expect(frame[4, 0].isContinuation)
        var edge = Frame(size: TerminalSize(columns: 4, rows: 1), displayWidth: width)
        edge.write("ab漢字", column: 0, row: 0)
        #expect(edge.text == "ab漢 " || edge.text == "ab漢")
        var cut = Frame(size: TerminalSize(columns: 3, rows: 1), displayWidth: width)
        cut.write("a漢字", column: 0, row: 0, width: 2)
        #expect(cut.text == "a  ")
    }

    @Test("Overwriting half of a wide character blanks the other half")
    func overwriteHalf() {
        var frame = Frame(size: TerminalSize(columns: 4, rows: 1), displayWidth: width)
        frame.write("漢字", column: 0, row: 0)
        frame.write("x", column: 1, row: 0)
        #expect(frame.text == " x字")
    }

    @Test("A panel filled over half of a wide character blanks the other half (an overlay over Japanese text)")
    func fillOverHalf() {
        var frame = Frame(size: TerminalSize(columns: 6, rows: 1), displayWidth: width)
        frame.write("漢字漢", column: 0, row: 0)
        frame.fill(Rect(x: 1, y: 0, width: 2, height: 1))
        #expect(frame.text == "    漢")
        #expect(width.of(frame.text) == 6)
        var right = Frame(size: TerminalSize(columns: 6, rows: 1), displayWidth: width)
        right.write("漢字漢", column: 0, row: 0)
        right.fill(Rect(x: 0, y: 0, width: 3, height: 1), "x")
        #expect(right.text == "xxx 漢")
    }

    @Test("Control characters in content cannot move the cursor")
    func controlCharacters() {
        var frame = Frame(size: TerminalSize(columns: 4, rows: 1), displayWidth: width)
        frame.write("a\u{1B}b", column: 0, row: 0)
        #expect(frame.text == "a?b ")
    }
}

@Suite("Export writing")
struct ExportWriterTests {
    func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("connect-guide-tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    @Test("Writes relative to the working directory, refuses to replace, replaces when told")
    func writeThenRefuse() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let request = ExportRequest(path: "plan.txt", format: .text, contents: "one\n", overwrite: false)
        #expect(writeExport(request, workingDirectory: directory, text: guide.text) == .written(path: directory + "/plan.txt"))
        var second = request
        second.contents = "two\n"
        #expect(writeExport(second, workingDirectory: directory, text: guide.text) == .exists(path: directory + "/plan.txt"))
        #expect(try String(contentsOfFile: directory + "/plan.txt", encoding: .utf8) == "one\n")
        second.overwrite = true
        #expect(writeExport(second, workingDirectory: directory, text: guide.text) == .written(path: directory + "/plan.txt"))
        #expect(try String(contentsOfFile: directory + "/plan.txt", encoding: .utf8) == "two\n")
        // No temporary files are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["plan.txt"])
    }

    @Test("A missing directory is a failure with a message, and ~ means home")
    func failures() throws {
        let request = ExportRequest(path: "/nonexistent-dir/plan.txt", format: .text, contents: "x", overwrite: false)
        guard case .failed(let message) = writeExport(request, text: guide.text) else {
            Issue.record("expected a failure")
            return
        }
        #expect(message.contains("/nonexistent-dir"))
        #expect(resolve("~/p.md", workingDirectory: "/w", home: "/h") == "/h/p.md")
        #expect(resolve("p.md", workingDirectory: "/w", home: "/h") == "/w/p.md")
    }
}

@Suite("ASCII stand-ins")
struct ASCIIStandInTests {
    @Test("every non-ASCII character the guide draws has a stand-in of its own, not ?")
    func everyGlyphHasAStandIn() {
        let screens: [[UIEvent]] = [
            [], keys(.down, .down, .enter), typed("?"), typed("v"), typed("y"), typed("o"), typed("e"), typed("w"), keys(.right, .right, .right),
        ]
        for size in [(140, 40), (80, 24), (50, 12)] {
            for events in screens {
                let frame = render(model(size.0, size.1, after: events), color: false)
                for scalar in frame.text.unicodeScalars where !scalar.isASCII {
                    #expect(asciiStandIn(for: scalar) != "?", "\(scalar) at \(size) after \(events)")
                }
            }
        }
    }

    @Test("stand-ins are ASCII and one column, as the glyphs they replace")
    func standInsAreASCII() {
        for scalar: Unicode.Scalar in ["─", "│", "┌", "‹", "›", "▸", "→", "↑", "↓", "•", "★", "…", "·", "日", "é"] {
            let standIn = asciiStandIn(for: scalar)
            #expect(standIn.isASCII && standIn.value >= 0x20)
        }
        #expect(asciiStandIn(for: "日") == "?")
    }
}


@Suite("Wrapping web addresses")
struct AddressWrapTests {
    @Test("a long address breaks after / or -, never mid-segment, and loses nothing")
    func breaksAtPathSeparators() {
        let address = "docs.stripe.com/connect/platform-controls-for-stripe-dashboard-accounts"
        let lines = wrapAddress(address, width: 40, displayWidth: .standard)
        #expect(lines == ["docs.stripe.com/connect/platform-", "controls-for-stripe-dashboard-accounts"])
        #expect(lines.joined() == address)
        #expect(wrapAddress("docs.stripe.com/connect", width: 40, displayWidth: .standard) == ["docs.stripe.com/connect"])
    }

    @Test("a segment wider than the line is cut to the width")
    func cutsLongSegments() {
        let lines = wrapAddress("abcdefghijklmnop/q", width: 5, displayWidth: .standard)
        #expect(lines == ["abcde", "fghij", "klmno", "p/q"])
        for width in 1...12 {
            let pieces = wrapAddress("docs.stripe.com/connect/direct-charges", width: width, displayWidth: .standard)
            #expect(pieces.joined() == "docs.stripe.com/connect/direct-charges")
            #expect(pieces.allSatisfy { $0.count <= width })
        }
    }
}

@Suite("Export names and messages: hostile input, round 2 (issue 18)")
struct ExportNamesRound2Tests {
    @Test("A zero-width joiner sequence is measured as ncurses draws it, part by part, and the frame keeps what follows it")
    func zeroWidthJoiner() {
        let coder = "👩\u{200D}💻"
        #expect(DisplayWidth.standard.of(Character(coder)) == 4)
        #expect(DisplayWidth.standard.of("a" + coder + "b") == 6)
        var frame = Frame(size: TerminalSize(columns: 10, rows: 1), displayWidth: .standard)
        #expect(frame.write("a" + coder + "b", column: 0, row: 0) == 6)
        #expect(frame.character(5, 0) == "b")
        #expect(frame.character(1, 0) == "👩" && frame.character(3, 0) == "💻")
    }

    @Test("Bidirectional controls are escaped in every message: the export notice, its error, the CLI's")
    func bidiControls() throws {
        for control in ["\u{202E}", "\u{202D}", "\u{2066}", "\u{2069}", "\u{200F}", "\u{061C}"] {
            let escaped = UntrustedText.escaped("evil\(control)dm.md")
            #expect(!escaped.unicodeScalars.contains(control.unicodeScalars.first!), "\(escaped.debugDescription)")
            #expect(escaped.contains("\\u{"))
        }
        #expect(displayedPath("/x/evil\u{202E}dm.md") == "/x/evil\\u{202E}dm.md")
        let exporting = model(120, 40, after: typed("e"))
        let saved = exporting.update(.exported(.written(path: "/x/evil\u{202E}dm.md"))).model
        #expect(saved.notice?.text.hasSuffix(" to /x/evil\\u{202E}dm.md.") == true, "\(saved.notice?.text ?? "")")
    }

    @Test("Spaces at either end of the name are kept, and shown in quotes")
    func spacesKept() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("connect-guide-tui-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let request = ExportRequest(path: " plan.md ", format: .markdown, contents: "x\n", overwrite: false)
        #expect(writeExport(request, workingDirectory: directory, text: guide.text) == .written(path: directory + "/ plan.md "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == [" plan.md "])
        #expect(displayedPath(directory + "/ plan.md ") == "\"\(directory)/ plan.md \"")
    }

    @Test("An export to a terminal (a pty, as /dev/tty or a terminal stdout is) is refused: it would write over the screen")
    func terminalRefused() throws {
        // A new pty: /dev/ptmx, unlocked (TIOCSPTLCK), its number (TIOCGPTN).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        #expect(master >= 0)
        defer { close(master) }
        var unlock: Int32 = 0
        var number: Int32 = -1
        #expect(ioctl(master, 0x4004_5431, &unlock) == 0 && ioctl(master, 0x8004_5430, &number) == 0)
        let name = "/dev/pts/\(number)"
        let request = ExportRequest(path: name, format: .text, contents: "plan\n", overwrite: true)
        guard case .failed(let message) = writeExport(request, text: guide.text) else {
            Issue.record("written to a terminal")
            return
        }
        #expect(message.contains("it is a terminal"), "\(message)")
        // Nothing reached the terminal.
        var pending: Int32 = 0
        #expect(ioctl(master, UInt(FIONREAD), &pending) == 0 && pending == 0)
    }
}
