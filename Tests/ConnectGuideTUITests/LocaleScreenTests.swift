import ConnectGuideContent
import ConnectGuideCore
import ConnectGuideText
import Testing

@testable import ConnectGuideTUI

/// The screen in every locale the binary carries: golden frames, and every row exactly as
/// wide as the terminal whatever the text (Japanese is two columns a character), on every
/// screen and overlay.
@Suite("The screen in every locale")
struct LocaleScreenTests {
    /// The screens each locale is checked on: keys from the start, by name.
    static let screens: [(name: String, events: [UIEvent])] = [
        ("start", []),
        ("API chosen", keys(.down, .down, .enter)),
        ("dashboard preview", keys(.right, .down, .down)),
        ("charge type", typed("3") + keys(.down, .enter)),
        ("fees", typed("4") + keys(.down)),
        ("liability", typed("5") + keys(.down)),
        ("steps", typed("w") + keys(.pageDown)),
        ("step code", typed("cc")),
        ("help", typed("?")),
        ("help scrolled", typed("?") + keys(.pageDown, .pageDown)),
        ("presets", typed("p")),
        ("export", typed("e")),
        ("export confirm", typed("e") + keys(.enter) + [.exported(.exists(path: "/tmp/連結アカウント-plan.txt"))]),
        ("export typed", typed("e") + [.key(.clearLine)] + typed("計画/プラン.md") + keys(.left, .left)),
        ("url", typed("v")),
        ("copy", typed("y")),
        ("open", typed("o")),
        ("undo after a move", keys(.down, .down, .enter) + typed("u")),
    ]

    static let sizes: [TerminalSize] = [
        TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 140, rows: 40), TerminalSize(columns: 200, rows: 60),
        TerminalSize(columns: 60, rows: 16), TerminalSize(columns: 101, rows: 31),
    ]

    @Test("every row of every screen is exactly as wide as the terminal, in every locale and at every size")
    func rowsKeepToTheWidth() {
        for locale in testLocales {
            for size in Self.sizes {
                for (name, events) in Self.screens {
                    let frame = render(model(size.columns, size.rows, after: events, locale: locale))
                    for (row, line) in frame.lines.enumerated() {
                        #expect(
                            DisplayWidth.standard.of(line) == size.columns,
                            "\(locale) \(size.columns)x\(size.rows) \(name), row \(row): \(DisplayWidth.standard.of(line)) columns\n\(frame.text)")
                    }
                }
            }
        }
    }

    @Test("box edges line up: each box's right edge sits in the same column on every row it spans, in every locale")
    func boxEdgesAlign() {
        for locale in testLocales {
            for size in [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 200, rows: 60)] {
                // The URL view takes the full width, without side edges.
                for (name, events) in Self.screens where name != "url" {
                    let frame = render(model(size.columns, size.rows, after: events, locale: locale))
                    // The panes' boxes end at the last column: every row between the top border
                    // and the bottom border of the body ends in an edge there, not in text.
                    let lines = frame.lines
                    guard let top = lines.firstIndex(where: { $0.hasPrefix("┌") }),
                        let bottom = lines.lastIndex(where: { $0.hasPrefix("└") }), bottom > top
                    else { continue }
                    for row in top...bottom {
                        let last = frame[size.columns - 1, row].scalar
                        #expect("│┐┘┤".unicodeScalars.contains(last), "\(locale) \(size.columns)x\(size.rows) \(name), row \(row) ends in \(last)\n\(frame.text)")
                    }
                }
            }
        }
    }

    @Test("golden frames in each locale but English (whose goldens are GoldenTests'), at 80x24 and 140x40")
    func goldens() throws {
        for locale in testLocales where locale != .en {
            let code = locale.rawValue
            try expectGolden("\(code)-140x40-defaults", render(model(140, 40, locale: locale)))
            try expectGolden("\(code)-140x40-help", render(model(140, 40, after: typed("?"), locale: locale)))
            try expectGolden("\(code)-80x24-api-chosen", render(model(80, 24, after: keys(.down, .down, .enter), locale: locale)))
            try expectGolden("\(code)-80x24-steps", render(model(80, 24, after: keys(.down, .down, .enter) + typed("w"), locale: locale)))
            try expectGolden("\(code)-80x24-export", render(model(80, 24, after: typed("e"), locale: locale)))
        }
    }

    @Test("a locale's screen speaks that locale: its option labels, from its own content, are on screen")
    func speaksItsLocale() {
        for locale in testLocales where locale != .en {
            let localized = Guide.bundled(locale)
            let frame = render(model(140, 40, locale: locale))
            // The start of the label: a long one may be cut with … in its column.
            let label = String(localized.optionLabel(.onboarding, localized.defaults).prefix(4))
            #expect(frame.text.contains(label), "\(locale): \(label)\n\(frame.text)")
            #expect(frame.text != render(model(140, 40)).text, "\(locale) looks like English")
        }
    }

    @Test("the help's key column is in the locale too: the numbered keys and the mouse are words of the strings table, key names stay")
    func helpKeyColumn() {
        let english = helpLines(width: 100, displayWidth: .standard, text: Guide.bundled.text.tui).map { $0.spans.map(\.text).joined() }
        #expect(english.contains { $0.contains(" 1 to 5 ") } && english.contains { $0.contains(" mouse ") })
        for locale in testLocales where locale != .en {
            let text = Guide.bundled(locale).text.tui
            let help = helpLines(width: 100, displayWidth: .standard, text: text).map { $0.spans.map(\.text).joined() }
            #expect(help.contains { $0.contains(text.keysNumbered(first: "1", last: "5")) }, "\(locale)")
            #expect(help.contains { $0.contains(text.keysMouse) }, "\(locale)")
            #expect(!help.contains { $0.contains("1 to 5") || $0.contains("1 to 9") || $0.contains(" mouse ") }, "\(locale): \(help)")
            // Key names are the keyboard's in every language.
            #expect(help.contains { $0.contains("Ctrl-L") } && help.contains { $0.contains("Home  End") })
        }
    }
}
