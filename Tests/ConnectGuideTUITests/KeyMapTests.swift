import Foundation
import ConnectGuideDocuments
import Testing

@testable import ConnectGuideTUI

/// One key map per context, declared once in KeyBindings.swift: the guide, each panel and
/// the export dialog's states act on commands from it, and their key bars and the help
/// are made from it.
@Suite("Key maps")
struct KeyMapTests {
    @Test("in every context a key runs one command at most, its own map before the keys of every panel")
    func oneCommandPerKey() {
        for context in KeyContext.allCases {
            var seen: [Key: Command] = [:]
            for binding in keyBindings where binding.context == context {
                for (key, command) in binding.commands {
                    #expect(seen[key] == nil || seen[key] == command, "\(context): \(key) runs \(seen[key].map { "\($0)" } ?? "") and \(command)")
                    seen[key] = command
                }
            }
        }
    }

    @Test("each panel's key bar is its map's hints, in order; the help lists every context")
    func barsAndHelpFromTheMap() {
        let presets = model(100, 30, after: typed("p"))
        #expect(keyHints(model: presets, mode: .wide).map(\.key) == ["↑↓", "Enter", "1-\(guide.presets.count)", "Esc"])
        let confirming = model(100, 30, after: typed("e") + keys(.enter) + [.exported(.exists(path: "/tmp/x"))])
        #expect(keyHints(model: confirming, mode: .wide).map(\.action) == ["replace the file", "keep it"])
        let help = helpLines(width: 70, displayWidth: .standard, text: guide.text.tui).map { $0.spans.map(\.text).joined() }
        for context in KeyContext.allCases {
            #expect(help.contains { $0.contains(context.title(guide.text.tui)) }, "the help has no section for \(context)")
        }
    }

    @Test("the panels and the export dialog take their keys from the map: no key is named in update or the renderer")
    func noKeysOutsideTheMap() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/ConnectGuideTUI").standardized
        let pattern = try Regex(#"\.character\("|case \.(up|down|left|right|tab|backTab|enter|escape|home|end|pageUp|pageDown|redraw|backspace|delete)\b"#)
        for file in ["Update.swift", "Render.swift", "Overlays.swift", "AppModel.swift"] {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(pattern) {
                Issue.record("\(file):\(number + 1) names a key: \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
    }

    @Test("a panel's keys act through its map: digits load a preset or jump to a step's links; Ctrl-L repaints in every panel")
    func panelsAct() {
        let loaded = model(100, 30, after: typed("p2"))
        #expect(loaded.overlay == nil && loaded.state.selection == guide.presets[1].selection)
        #expect(model(100, 30, after: typed("p9")).overlay == .presets(cursor: guide.presets.firstIndex { $0.selection == guide.defaults } ?? 0),
                "a number past the last setup does nothing")
        let open = model(140, 40, after: typed("o3"))
        guard case .menu(let menu) = open.overlay else {
            Issue.record("the open menu closed")
            return
        }
        #expect(menu.items[menu.cursor].label.hasPrefix("3. "))
        for panel in ["?", "v", "y", "o", "p", "e"] {
            #expect(model(100, 30, after: typed(panel)).update(.key(.redraw)).effects == [.repaint], "Ctrl-L in \(panel)'s panel")
        }
    }
}
