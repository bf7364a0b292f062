import ConnectGuideContent
import ConnectGuideCore
import Foundation
import ConnectGuideStorage
import ConnectGuideText
import Testing

@testable import ConnectGuideTUI

/// The bundled guide; the core's tests check that it loads.
let guide = Guide.bundled

/// The locales the screen tests run in: English, and each other locale the binary carries.
let testLocales: [LocaleID] = LocaleID.allCases

/// A model at a size, after some events (keys, clicks), in English or another locale.
func model(
    _ columns: Int, _ rows: Int, after events: [UIEvent] = [], options: SessionOptions = SessionOptions(), locale: LocaleID = .en
) -> AppModel {
    let guide = locale == .en ? guide : Guide.bundled(locale)
    var model = AppModel(guide: guide, state: guide.initialState(), size: TerminalSize(columns: columns, rows: rows), options: options)
    for event in events { model = model.update(event).model }
    return model
}

/// The guide with the notice of a first start (nothing saved yet): what a new user needs.
func withFirstStartNote(_ columns: Int, _ rows: Int) -> AppModel {
    var first = model(columns, rows)
    first.showStartNotices([.firstStart])
    return first
}

func keys(_ list: Key...) -> [UIEvent] { list.map(UIEvent.key) }

func typed(_ text: String) -> [UIEvent] { text.map { .key(.character($0)) } }

/// The row of the first screen line containing `text`.
func row(of text: String, in frame: Frame) -> Int? {
    frame.lines.firstIndex { $0.contains(text) }
}

/// The column where `text` starts on `row`, counted in cells.
func column(of text: String, row: Int, in frame: Frame) -> Int? {
    let line = frame.lines[row]
    guard let range = line.range(of: text) else { return nil }
    return DisplayWidth.standard.of(String(line[..<range.lowerBound]))
}

// MARK: - Goldens

/// Golden files live beside this file. `UPDATE_GOLDENS=1 swift test --filter ConnectGuideTUITests`
/// rewrites them from the current renderer and fails each test it rewrote, so no recording
/// passes unread: read the diff, then run again without it.
let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

/// A frame as a golden file: the text, then one character per cell for the attributes,
/// then (for colour frames) one per cell for the colour role.
func goldenText(_ frame: Frame, color: Bool) -> String {
    var parts = [frame.text, "--- attributes (. none, b bold, r reverse, u underline, d dim, R reverse+bold, U underline+bold) ---", frame.styleMap]
    if color {
        parts += ["--- colour roles ---", frame.roleMap]
    }
    if !frame.links.isEmpty {
        parts += ["--- hyperlinks (row, column, width: address) ---"] + frame.links.map { "\($0.row), \($0.column), \($0.width): \($0.url)" }
    }
    return parts.joined(separator: "\n") + "\n"
}

func expectGolden(_ name: String, _ frame: Frame, color: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = goldenDirectory.appendingPathComponent(name + ".txt")
    let actual = goldenText(frame, color: color)
    if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
        try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
        let previous = try? String(contentsOf: url, encoding: .utf8)
        try actual.write(to: url, atomically: true, encoding: .utf8)
        if previous != actual {
            Issue.record(
                "recorded Goldens/\(name).txt anew; read its diff, then run the tests again without UPDATE_GOLDENS",
                sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no golden \(name).txt; run UPDATE_GOLDENS=1 swift test --filter ConnectGuideTUITests", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let shown = { (lines: [Substring]) in first < lines.count ? String(lines[first]) : "(end)" }
        Issue.record(
            """
            frame differs from Goldens/\(name).txt at line \(first + 1):
              expected: \(shown(expectedLines))
              actual:   \(shown(actualLines))
            If the change is intended: UPDATE_GOLDENS=1 swift test --filter ConnectGuideTUITests
            """, sourceLocation: sourceLocation)
    }
}
