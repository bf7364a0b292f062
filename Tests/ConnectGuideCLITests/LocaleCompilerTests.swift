import Foundation
import Testing

/// The locale checks of the content compiler: a locale is complete, its placeholders are
/// English's, and it words each glossary concept as Stripe's docs in that language do.
@Suite("Locales checked at build time")
struct LocaleCompilerTests {
    /// A copy of Assets/ with a locale `ja` that translates nothing (every text as in
    /// English) and a one-term glossary; `edit` changes it before the compiler runs.
    struct Copy {
        let root: URL
        var compiler: URL { binaryURL.deletingLastPathComponent().appendingPathComponent("content-compiler") }

        init() throws {
            let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            root = FileManager.default.temporaryDirectory.appendingPathComponent("assets-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: checkout.appendingPathComponent("Assets"), to: root)
            let locales = root.appendingPathComponent("locales")
            try? FileManager.default.removeItem(at: locales)
            let ja = locales.appendingPathComponent("ja")
            try FileManager.default.createDirectory(at: ja, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: root.appendingPathComponent("strings"), to: ja.appendingPathComponent("strings"))
            try run(["--text", root.path]).stdout.write(to: ja.appendingPathComponent("content.json"), atomically: true, encoding: .utf8)
            try write("locales/ja/glossary.json", """
                {"terms": [{"concept": "connected account", "en": ["connected account", "connected accounts"],
                  "forms": ["connected account"], "sources": ["https://docs.stripe.com/ja-jp/connect/accounts"]}]}
                """)
        }

        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            try write(path, change(try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)))
        }

        func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
            let process = Process()
            process.executableURL = compiler
            process.arguments = arguments
            let output = Pipe(), errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, stdout, stderr)
        }

        /// Both compilations the build runs: the strings (with the checks) and the guides.
        func compile() throws -> (status: Int32, stderr: String, strings: String?) {
            let strings = root.appendingPathComponent("Strings.swift")
            let first = try run(["--strings", root.path, strings.path])
            guard first.status == 0 else { return (first.status, first.stderr, nil) }
            let guides = root.appendingPathComponent("generated")
            try FileManager.default.createDirectory(at: guides, withIntermediateDirectories: true)
            let second = try run([root.path, guides.path])
            return (second.status, second.stderr, try String(contentsOf: strings, encoding: .utf8))
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test("a complete locale compiles into a LocaleID case, a strings table and a guide")
    func complete() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let result = try copy.compile()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.strings?.contains("    case ja\n") == true)
        #expect(FileManager.default.fileExists(atPath: copy.root.appendingPathComponent("generated/BundledGuide-ja.swift").path))
    }

    @Test("a key that English has and the locale lacks fails the build, naming file and key")
    func missingKey() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try copy.edit("locales/ja/strings/common.json") { text in
            text.split(separator: "\n").filter { !$0.contains("listSeparator\"") }.joined(separator: "\n")
        }
        let result = try copy.compile()
        #expect(result.status == 1)
        #expect(result.stderr.contains("Assets/locales/ja/strings/common.json: at listSeparator: missing: English has this key"), "\(result.stderr)")
    }

    @Test("a key that English lacks fails the build")
    func extraKey() throws {
        let copy = try Copy()
        defer { copy.remove() }
        // After the object's opening brace only: the strings hold {placeholders} too.
        try copy.edit("locales/ja/strings/common.json") { "{\n  \"listOxford\": \", and \"," + $0.dropFirst() }
        let result = try copy.compile()
        #expect(result.status == 1)
        #expect(result.stderr.contains("at listOxford: English has no such key"), "\(result.stderr)")
    }

    @Test("a placeholder that differs from English's fails the build")
    func placeholderDiffers() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try copy.write("strings/documents.json", #"{"stepCount": {"one": "{count} step", "other": "{count} steps"}, "movedTo": "{property} is now {option}"}"#)
        try copy.write("locales/ja/strings/documents.json", #"{"stepCount": {"other": "{count} ステップ"}, "movedTo": "{property} は {value} になりました"}"#)
        let result = try copy.compile()
        #expect(result.status == 1)
        #expect(result.stderr.contains("at movedTo: placeholders {property}, {value} differ from English's {option}, {property}"), "\(result.stderr)")
        try copy.write("locales/ja/strings/documents.json", #"{"stepCount": {"other": "{count} ステップ"}, "movedTo": "{property} は {option} になりました"}"#)
        let fixed = try copy.compile()
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.strings?.contains("public func `movedTo`(property: String, option: String) -> String") == true)
        #expect(fixed.strings?.contains("public func `stepCount`(count: Int) -> String") == true)
    }

    @Test("a brace that is not a placeholder fails the build")
    func strayBrace() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try copy.write("strings/documents.json", #"{"example": "use {\"a\": 1}"}"#)
        let result = try copy.compile()
        #expect(result.status == 1)
        #expect(result.stderr.contains("Assets/strings/documents.json: at example: a brace that is not a {placeholder}"), "\(result.stderr)")
    }

    @Test("a content text the locale does not translate fails the build")
    func missingContent() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try copy.edit("locales/ja/content.json") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("\"properties[onboarding].options[hosted].summary\"") }.joined(separator: "\n")
        }
        let result = try copy.compile()
        #expect(result.status == 1)
        #expect(result.stderr.contains("at guide.json: properties[onboarding].options[hosted].summary: missing: English has this text"), "\(result.stderr)")
    }

    @Test("a glossary concept in another wording fails the build, naming Stripe's term")
    func glossary() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try copy.edit("locales/ja/glossary.json") { $0.replacingOccurrences(of: #""forms": ["connected account"]"#, with: #""forms": ["連結アカウント"]"#) }
        let result = try copy.compile()
        #expect(result.status == 1)
        #expect(result.stderr.contains("Stripe's ja docs call it \"連結アカウント\""), "\(result.stderr)")
    }

    @Test("the glossary check reads prose only: a concept's word inside a {placeholder}, a --flag or a `code span` is a name, in English and in the translation")
    func glossaryNames() throws {
        let copy = try Copy()
        defer { copy.remove() }
        // A made-up concept: no text of the content uses it, only this test's string.
        try copy.write("locales/ja/glossary.json", """
            {"terms": [{"concept": "ledger", "en": ["ledger", "ledgers"], "forms": ["台帳"],
              "sources": ["https://docs.stripe.com/ja-jp/example"]}]}
            """)
        // English names the concept only in names: the translation needs none of its forms.
        try copy.write("strings/documents.json", #"{"example": "Set `ledger_id` with --ledger-name=a for {ledger}."}"#)
        try copy.write("locales/ja/strings/documents.json", #"{"example": "`ledger_id` と --ledger-name=a を {ledger} に設定します。"}"#)
        let names = try copy.compile()
        #expect(names.status == 0, "\(names.stderr)")
        // English's prose says "ledger": a translation that has 台帳 only inside a code
        // span or a flag still lacks Stripe's term.
        try copy.write("strings/documents.json", #"{"example": "Set `ledger_id` to open a ledger with --ledger-name."}"#)
        for translation in ["`ledger_id` を設定します。", "`台帳` のために `ledger_id` を設定します。", "--台帳 を設定します。"] {
            try copy.write("locales/ja/strings/documents.json", #"{"example": "\#(translation)"}"#)
            let result = try copy.compile()
            #expect(result.status == 1, "\(translation)")
            #expect(result.stderr.contains("at example: the English says \"ledger\"; Stripe's ja docs call it \"台帳\""), "\(result.stderr)")
        }
        try copy.write("locales/ja/strings/documents.json", #"{"example": "`ledger_id` を設定して台帳を開きます。"}"#)
        let worded = try copy.compile()
        #expect(worded.status == 0, "\(worded.stderr)")
    }

    @Test("the translated texts reach the locale's guide, and English's stays English")
    func translatedGuide() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try copy.edit("locales/ja/content.json") {
            $0.replacingOccurrences(of: "\"properties[onboarding].label\": \"Onboarding\"", with: "\"properties[onboarding].label\": \"オンボーディング\"")
        }
        let result = try copy.compile()
        #expect(result.status == 0, "\(result.stderr)")
        let ja = try String(contentsOf: copy.root.appendingPathComponent("generated/BundledGuide-ja.swift"), encoding: .utf8)
        let en = try String(contentsOf: copy.root.appendingPathComponent("generated/BundledGuide.swift"), encoding: .utf8)
        #expect(ja.contains("label: \"オンボーディング\""))
        #expect(!en.contains("オンボーディング"))
    }
}
