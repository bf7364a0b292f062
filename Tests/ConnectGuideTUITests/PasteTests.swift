import ConnectGuideCore
import Testing

@testable import ConnectGuideTUI

@Suite("Pasted text")
struct PasteTests {
    @Test("A paste into the export path is text: newlines and other controls dropped, never Enter")
    func intoExportPath() throws {
        let start = model(120, 40, after: typed("e") + [.key(.clearLine)])
        let (pasted, effects) = start.update(.paste("plan\necho hello\r\u{1B}[A.txt"))
        #expect(effects.isEmpty)
        guard case .export(let dialog)? = pasted.overlay else { throw HarnessError(description: "the dialog closed") }
        #expect(dialog.path == "planecho hello[A.txt")
        #expect(!dialog.confirmingOverwrite)
    }

    @Test("A paste stops growing the path at PATH_MAX bytes")
    func pathLimit() throws {
        let pasted = model(120, 40, after: typed("e") + [.key(.clearLine), .paste(String(repeating: "é", count: 5_000))])
        guard case .export(let dialog)? = pasted.overlay else { throw HarnessError(description: "the dialog closed") }
        #expect(dialog.path.utf8.count == ExportDialog.maximumPathBytes)
    }

    @Test("Anywhere else a paste does nothing: not in the panes, not at Replace it?, not in help")
    func elsewhere() {
        let text = "q\r2\r yq\u{1B}"
        for opened in [[], typed("?"), typed("v")] {
            let before = model(120, 40, after: opened)
            let (after, effects) = before.update(.paste(text))
            #expect(effects.isEmpty)
            #expect(after.state == before.state)
            #expect(after.overlay == before.overlay)
        }
        var dialog = ExportDialog()
        dialog.confirmingOverwrite = true
        var confirming = model(120, 40, after: typed("e"))
        confirming.overlay = .export(dialog)
        let (after, effects) = confirming.update(.paste("y"))
        #expect(effects.isEmpty)
        #expect(after.overlay == .export(dialog))
    }
}
