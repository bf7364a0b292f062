import ConnectGuideContent
import ConnectGuideCore
import ConnectGuideText
import Foundation
import FuzzSupport
import Testing

@testable import ConnectGuideTUI

/// The locales other than English the binary carries, for the end-to-end runs.
let carriedLocales: [LocaleID] = LocaleID.allCases.filter { $0 != .en }

/// A POSIX locale name for a locale, as LANG would hold it.
func posixName(_ locale: LocaleID) -> String {
    ["ja": "ja_JP.UTF-8", "de": "de_DE.UTF-8", "fr": "fr_FR.UTF-8", "es": "es_ES.UTF-8"][locale.rawValue] ?? "C.UTF-8"
}

/// The rows of a captured screen whose boxes do not reach the terminal's right edge: every
/// row that starts with a box's left edge must end with a right edge in the last column,
/// measured in display width (Japanese counts two). tmux drops trailing spaces.
func misalignedRows(_ screen: String, columns: Int) -> [String] {
    screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { row, line in
        let trimmed = String(line.reversed().drop { $0 == " " }.reversed())
        guard let first = trimmed.first, "│┌├└".contains(first) else { return nil }
        let width = DisplayWidth.standard.of(trimmed)
        guard let last = trimmed.last, "│┐┤┘".contains(last), width == columns else {
            return "row \(row), \(width) columns: \(trimmed)"
        }
        return nil
    }
}

extension TerminalSession {
    /// The screen once it holds still (two captures alike) and `predicate` holds.
    @discardableResult
    func settledScreen(_ what: String, timeout: Double = 10, _ predicate: (String) -> Bool = { _ in true }) throws -> String {
        var previous = ""
        return try waitForScreen(what, timeout: timeout) { screen in
            defer { previous = screen }
            return screen == previous && screen.contains("┌") && predicate(screen)
        }
    }

    /// Expects every box row of the settled screen to reach the right edge.
    func expectAligned(_ what: String, columns: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let screen = try settledScreen(what)
        let problems = misalignedRows(screen, columns: columns)
        #expect(problems.isEmpty, "\(what):\n\(problems.joined(separator: "\n"))\n\(screen)", sourceLocation: sourceLocation)
    }
}

/// The full-screen guide in each locale but English, in a real terminal (tmux): every box
/// edge where it belongs, and the hostile-input cases that wide text makes harder.
@Suite(
    "The guide in every locale, end to end", .serialized,
    .enabled(if: tmuxAvailable && !carriedLocales.isEmpty, "needs tmux and a locale besides English"))
struct LocaleEndToEndTests {
    @Test("80x24 and 200x60: on every screen each box row is exactly the terminal's width", arguments: carriedLocales)
    func boxEdgesAligned(locale: LocaleID) throws {
        let localized = Guide.bundled(locale)
        for (columns, rows) in [(80, 24), (200, 60)] {
            let session = try TerminalSession(
                columns: columns, rows: rows, environment: ["LANG": posixName(locale)], keepPresets: true)
            try session.expectAligned("\(locale) \(columns)x\(rows): the preset chooser", columns: columns)
            try session.press("Escape")
            let label = localized.property(.onboarding).label
            try session.settledScreen("the guide") { $0.contains(label) }
            try session.expectAligned("\(locale) \(columns)x\(rows): the guide", columns: columns)
            for (name, keys) in [("help", ["?"]), ("export", ["e"]), ("presets", ["p"]), ("copy", ["y"])] {
                let before = session.screen
                try session.tmux(["send-keys", "-t", "main"] + keys)
                try session.settledScreen(name) { $0 != before }
                try session.expectAligned("\(locale) \(columns)x\(rows): \(name)", columns: columns)
                if name == "export" {
                    try session.press("C-u")
                    try session.paste("計画/連結アカウントのプラン.md")
                    try session.settledScreen("the typed name") { $0.contains("プラン") }
                    try session.expectAligned("\(locale) \(columns)x\(rows): export with a Japanese name", columns: columns)
                }
                try session.press("Escape")
                try session.settledScreen("\(name) closed") { $0.contains(label) }
            }
            // Choosing API moves three others: the notice at the bottom, the marks. The screen
            // is exactly the frame the renderer makes, cell for cell: nothing shifted or cut.
            let chosen = typed("1") + keys(.down, .down, .enter)
            try session.press("1", "Down", "Down", "Enter")
            try session.waitFor(render(model(columns, rows, after: chosen, locale: locale)))
            try session.expectAligned("\(locale) \(columns)x\(rows): API chosen", columns: columns)
            try session.press("?")
            try session.waitFor(render(model(columns, rows, after: chosen + typed("?"), locale: locale)))
            // Esc, then w only once Esc has been read alone (ESC w would be Alt+w).
            try session.press("Escape")
            try session.waitFor(render(model(columns, rows, after: chosen + typed("?") + keys(.escape), locale: locale)))
            if columns == 80 {
                try session.press("w")
                try session.waitFor(render(model(columns, rows, after: chosen + typed("?") + keys(.escape) + typed("w"), locale: locale)))
                try session.expectAligned("\(locale) \(columns)x\(rows): the steps", columns: columns)
            }
            try session.press("q")
            #expect(try session.exitStatus() == 0)
            #expect(try session.settingsRestored())
        }
    }

    @Test("--locale on the guide's own command line; resizes through tiny sizes and back keep every row whole", arguments: carriedLocales)
    func resizes(locale: LocaleID) throws {
        let session = try TerminalSession(columns: 120, rows: 40, arguments: ["--locale", locale.rawValue], keepPresets: true)
        try session.expectAligned("\(locale) 120x40", columns: 120)
        try session.press("Escape")
        var random = SeededGenerator(seed: 0x21)
        for _ in 0..<8 {
            try session.resize(columns: Int.random(in: 30...210, using: &random), rows: Int.random(in: 8...62, using: &random))
        }
        try session.resize(columns: 97, rows: 33)
        try session.expectAligned("\(locale) back at 97x33", columns: 97)
        try session.press("C-c")
        #expect(try session.exitStatus() == 130)
        #expect(try session.settingsRestored())
    }

    @Test("hostile: a fatal signal in another locale still gives the terminal back", arguments: carriedLocales)
    func fatalSignal(locale: LocaleID) throws {
        let session = try TerminalSession(
            columns: 100, rows: 30, command: "sh -c 'echo $$ > pid.partial; mv pid.partial pid; exec \"$APP\"'",
            environment: ["LANG": posixName(locale)], keepPresets: true)
        try session.settledScreen("the guide")
        kill(try session.pid(), SIGSEGV)
        #expect(try session.exitStatus() == 128 + SIGSEGV)
        let after = try session.modes()
        #expect(!after.alternateScreen && after.cursorVisible && !after.mouseReporting, "\(after)")
        #expect(try session.settingsDifference() == nil)
    }

    @Test("hostile: a 1 MB paste of Japanese into the export name, then SIGINT: 130, not a spin", arguments: carriedLocales)
    func hugeWidePaste(locale: LocaleID) throws {
        let session = try TerminalSession(columns: 120, rows: 40, environment: ["LANG": posixName(locale)], keepPresets: true)
        try session.settledScreen("the preset chooser")
        try session.press("Escape")
        let label = Guide.bundled(locale).property(.onboarding).label
        try session.settledScreen("the guide") { $0.contains(label) }
        let before = session.screen
        try session.press("e")
        try session.settledScreen("the export dialog") { $0 != before }
        try session.paste(String(repeating: "連結アカウント", count: 50_000))
        try session.waitFor("連結アカウント")
        try session.expectAligned("\(locale): the export name full of wide characters", columns: 120)
        kill(try session.pid(), SIGINT)
        let status = try session.exitStatus()
        #expect(status == 130, "exit status \(status); screen:\n\(session.screen)")
        #expect(try session.settingsRestored())
    }

    @Test("hostile: unknown sequences and keys, then --print json: the plan in that locale, the same ids", arguments: carriedLocales)
    func unknownSequencesThenPrint(locale: LocaleID) throws {
        let session = try TerminalSession(
            columns: 120, rows: 40,
            command: "plan=$(\"$APP\" --locale \(locale.rawValue) --print json); code=$?; record plan.json printf '%s' \"$plan\"; (exit $code)",
            environment: ["TERM": "xterm-256color"], keepPresets: true)
        try session.settledScreen("the preset chooser")
        try session.press("Escape")
        let localized = Guide.bundled(locale)
        try session.settledScreen("the guide") { $0.contains(localized.property(.onboarding).label) }
        for sequence in ["\u{1B}[1~", "\u{1B}[4~", "\u{1B}k", "\u{1B}[I", "\u{1B}[O", "\u{1B}[15~", "\u{1B}[<0;200;200m", "\u{1B}[M#!!"] {
            try session.send(bytes: Array(sequence.utf8))
        }
        try session.press("1", "Home", "Down", "Down", "Enter")
        try session.settledScreen("API chosen") { $0.contains(localized.optionLabel(.onboarding, OptionID("api"))) }
        try session.press("q")
        #expect(try session.exitStatus() == 0)
        let plan = try JSONSerialization.jsonObject(with: Data(try session.file("plan.json").utf8)) as? [String: Any]
        #expect(plan?["locale"] as? String == locale.rawValue)
        #expect((plan?["selection"] as? [String: String])?["onboarding"] == "api")
        #expect(try session.settingsRestored())
    }
}
