import ConnectGuideCore
import Foundation
import ConnectGuideDocuments
import Testing

@testable import ConnectGuideTUI

@Suite("Links, hyperlinks and the clipboard")
struct LinkTests {
    @Test("Every step link is a hyperlink to its full https address, on one line, cut with … only when it must be")
    func stepLinks() {
        for columns in [80, 100, 140, 200] {
            let frame = render(model(columns, 40, after: columns < 100 ? typed("w") : []))
            let addresses = Set(guide.plan(for: guide.defaults).steps.flatMap(\.links).map(\.url))
            #expect(!frame.links.isEmpty)
            for link in frame.links {
                #expect(link.url.hasPrefix("https://"), "\(link.url)")
                let row = frame.lines[link.row]
                let text = String(row.dropFirst(link.column).prefix(link.width))
                // The cells hold the address, or its start and "…".
                #expect(text == link.url || (text.hasSuffix("…") && link.url.hasPrefix(text.dropLast())), "\(columns): \(text)")
            }
            // Every link of the plan on screen is whole in its hyperlink.
            #expect(Set(frame.links.map(\.url)).isSubset(of: addresses.union([guide.url(for: guide.defaults)])))
        }
    }

    @Test("Without hyperlinks each address is printed whole on a line of its own, indented under its label")
    func fallback() {
        let frame = render(model(140, 60, options: SessionOptions(hyperlinks: false)))
        #expect(frame.links.isEmpty)
        let first = guide.plan(for: guide.defaults).steps[0].links[0].url
        let row = frame.lines.firstIndex { $0.contains("│    \(first) ") }
        #expect(row != nil)
        #expect(row.map { frame.lines[$0 - 1].contains("Onboarding quickstart:") } == true)
        #expect(!frame.text.contains("…\n") && !frame.lines.contains { $0.contains("https://") && $0.contains("…") })
    }

    @Test("An overlay hides the links under it")
    func overlayHidesLinks() {
        let help = render(model(140, 40, after: typed("?")))
        let box = helpLayout(model(140, 40, after: typed("?"))).rect
        #expect(help.links.allSatisfy { $0.row < box.y || $0.row >= box.y + box.height || $0.column + $0.width <= box.x })
    }

    @Test("OSC 8 brackets the link's cells with the full address; the cursor is saved and restored around it")
    func osc8Bytes() {
        let frame = render(model(140, 40))
        let link = frame.links[0]
        let bytes = String(decoding: hyperlinkBytes(for: frame, links: [link], color: true, unicode: true), as: UTF8.self)
        #expect(bytes.hasPrefix("\u{1B}7"))
        #expect(bytes.hasSuffix("\u{1B}8"))
        #expect(bytes.contains("\u{1B}[\(link.row + 1);\(link.column + 1)H\u{1B}]8;;\(link.url)\u{1B}\\"))
        #expect(bytes.contains("\u{1B}]8;;\u{1B}\\"))
        #expect(hyperlinkBytes(for: frame, links: [], color: true, unicode: true).isEmpty)
    }

    @Test("Links are sent again where ncurses may have written over them, and only there")
    func rewrite() {
        let start = render(model(140, 40))
        #expect(linksToRewrite(start, changes: [], previous: nil) == start.links)
        // An arrow key changes the left pane only: the steps' links stay as they were.
        let moved = render(model(140, 40, after: keys(.down)))
        let drawn = moved.changes(since: start)
        #expect(drawn.contains { $0 != nil })
        #expect(drawn.allSatisfy { ($0?.upperBound ?? 0) <= ScreenLayout.propertiesPaneWidth(columns: 140) })
        #expect(linksToRewrite(moved, changes: drawn, previous: start).isEmpty)
        // A choice changes the steps: their links are rewritten.
        let chosen = render(model(140, 40, after: keys(.down, .down, .enter)))
        #expect(!linksToRewrite(chosen, changes: chosen.changes(since: start), previous: start).isEmpty)
    }

    @Test("OSC 52 carries the text in base64")
    func osc52() {
        #expect(base64(Array("".utf8)) == "")
        #expect(base64(Array("f".utf8)) == "Zg==")
        #expect(base64(Array("fo".utf8)) == "Zm8=")
        #expect(base64(Array("foobar".utf8)) == "Zm9vYmFy")
        let url = guide.url(for: guide.defaults)
        let expected = Data(url.utf8).base64EncodedString()
        #expect(String(decoding: clipboardSequence(url), as: UTF8.self) == "\u{1B}]52;c;\(expected)\u{07}")
    }

    @Test("OSC 8 is used unless TERM names a terminal that cannot take it; an override decides")
    func support() {
        #expect(terminalSupportsHyperlinks(environment: ["TERM": "xterm-256color"]))
        #expect(terminalSupportsHyperlinks(environment: ["TERM": "xterm-kitty"]))
        // tmux 3.3 drops OSC 8 and 3.4 passes it on only when told to: off inside tmux.
        #expect(!terminalSupportsHyperlinks(environment: ["TERM": "screen-256color", "TMUX": "/tmp/x"]))
        #expect(!terminalSupportsHyperlinks(environment: ["TERM": "tmux-256color", "TMUX": "/tmp/x"]))
        #expect(!terminalSupportsHyperlinks(environment: ["TERM": "xterm-256color", "TMUX": "/tmp/x", "TERM_PROGRAM": "tmux"]))
        #expect(terminalSupportsHyperlinks(environment: ["TERM": "tmux-256color", "TMUX": "/tmp/x", "CONNECT_GUIDE_HYPERLINKS": "1"]))
        #expect(!terminalSupportsHyperlinks(environment: ["TERM": "screen-256color"]))
        #expect(!terminalSupportsHyperlinks(environment: ["TERM": "linux"]))
        #expect(!terminalSupportsHyperlinks(environment: ["TERM": "vt100"]))
        #expect(!terminalSupportsHyperlinks(environment: ["TERM": "xterm", "CONNECT_GUIDE_HYPERLINKS": "0"]))
        #expect(terminalSupportsHyperlinks(environment: ["TERM": "linux", "CONNECT_GUIDE_HYPERLINKS": "1"]))
    }

    @Test("The browser is $BROWSER's first entry, else xdg-open on PATH, else none")
    func browser() throws {
        #expect(browserCommand(environment: ["BROWSER": "firefox:chromium"]) == "firefox")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cg-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(browserCommand(environment: ["PATH": directory.path]) == nil)
        #expect(openInBrowser("https://docs.stripe.com/connect", environment: ["PATH": directory.path]) == .noBrowser(url: "https://docs.stripe.com/connect"))
        let opener = directory.appendingPathComponent("xdg-open")
        try "#!/bin/sh\n".write(to: opener, atomically: true, encoding: .utf8)
        chmod(opener.path, 0o755)
        #expect(browserCommand(environment: ["PATH": directory.path]) == opener.path)
    }
}

@Suite("One key table")
struct KeyTableTests {
    @Test("The README's key table is the one in code (refresh it with UPDATE_README=1)")
    func readme() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- keys: generated from keyBindings (Sources/ConnectGuideTUI/KeyBindings.swift) -->\n"
        let end = "<!-- /keys -->"
        let start = try #require(readme.range(of: begin), "README has no key table markers")
        let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex))
        let section = String(readme[start.upperBound..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["UPDATE_README"] == "1" {
            try (readme[..<start.upperBound] + keyTableMarkdown(text: guide.text.tui) + readme[stop.lowerBound...]).write(to: url, atomically: true, encoding: .utf8)
            // A rewrite passes only once it has been read: the run that writes it fails.
            #expect(section == keyTableMarkdown(text: guide.text.tui), "README key table rewritten; read the diff, then run again without UPDATE_README")
            return
        }
        #expect(section == keyTableMarkdown(text: guide.text.tui), "README key table is stale: UPDATE_README=1 swift test --filter KeyTableTests")
    }

    @Test("The help lists every binding's keys and words; each key runs one command per context")
    func helpAndUniqueness() {
        let help = helpLines(width: 70, displayWidth: .standard, text: guide.text.tui).map { $0.spans.map(\.text).joined() }.joined(separator: "\n")
        for binding in keyBindings {
            #expect(help.contains(binding.keys(guide.text.tui)), "\(binding.keys(guide.text.tui))")
            let words = binding.help(guide.text.tui)
            #expect(help.contains(words.split(separator: " ").prefix(3).joined(separator: " ")), "\(words)")
        }
        for context in KeyContext.allCases {
            let keys = keyBindings.filter { $0.context == context }.flatMap(\.commands).map(\.key)
            #expect(Set(keys).count == keys.count, "\(context): a key bound twice")
        }
    }

    @Test("The key bar's words come from the table")
    func keyBar() {
        let bar = render(model(200, 40)).lines[39]
        for command in [Command.undo, .redo, .open, .copy, .showURL, .help] {
            let entry = hint(for: command, text: guide.text.tui)
            #expect(entry != nil)
            #expect(bar.contains("\(entry!.key) \(entry!.action)"), "\(command)")
        }
        let printing = render(model(200, 40, options: SessionOptions(printFormat: "json")))
        #expect(printing.lines[0].contains("[q] done: prints json  [Esc] cancel"))
        #expect(printing.lines[39].hasPrefix(" q done: prints json  Esc cancel"))
    }
}
