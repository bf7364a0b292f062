import ConnectGuideCore
import ConnectGuideDocuments
import Testing

@Suite("One extension table, one control-character test")
struct FileKindAndControlTests {
    @Test("a file name's extension names its kind, case aside; no extension, a dot file or a directory's dot name none")
    func fileKinds() {
        let cases: [(String, FileKind?)] = [
            ("plan.txt", .text), ("plan.text", .text), ("plan.md", .markdown), ("PLAN.Markdown", .markdown), ("a/b.JSON", .json),
            ("run.sh", .shell), ("quickstart.py", .python), ("plan", nil), (".json", nil), ("dir.md/plan", nil), ("plan.", nil),
            ("plan.yaml", nil), ("dir/", nil),
        ]
        for (name, kind) in cases {
            #expect(FileKind(fileName: name) == kind, "\(name)")
        }
        #expect(FileKind.byExtension.map(\.key) == ["txt", "text", "md", "markdown", "json", "sh", "py"])
    }

    @Test("each command's format for a kind: the prompt never claims .md, curl is .sh")
    func formatsForKinds() {
        #expect(PlanFormat(fileKind: .markdown) == .markdown)
        #expect(PlanFormat(fileKind: .shell) == nil)
        #expect(ConfigFormat(fileKind: .shell) == .curl)
        #expect(ConfigFormat(fileKind: .text) == nil)
        #expect(QuickstartLanguage(fileKind: .python) == .python)
        #expect(OptionsFormat(fileKind: .json) == .json)
        #expect(DiffFormat(fileKind: .markdown) == nil)
    }

    @Test("terminal controls are C0, DEL and C1, nothing printable")
    func controls() {
        let controls: [UInt32] = [0x00, 0x07, 0x0A, 0x1B, 0x1F, 0x7F, 0x80, 0x9B, 0x9F]
        let printable: [UInt32] = [0x20, 0x41, 0x7E, 0xA0, 0xE9, 0x200E, 0x3042]
        for value in controls { #expect(Unicode.Scalar(value)?.isTerminalControl == true, "\(value)") }
        for value in printable { #expect(Unicode.Scalar(value)?.isTerminalControl == false, "\(value)") }
        #expect(Unicode.Scalar(0x202E)?.isBidirectionalFormatting == true)
        #expect(UntrustedText.quoted("a\u{1B}[2Jb\u{9B}c\u{202E}d") == #""a\u{1B}[2Jb\u{9B}c\u{202E}d""#)
    }
}
