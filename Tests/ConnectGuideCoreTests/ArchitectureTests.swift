import Foundation
import Testing

/// The arrows between modules, checked in the sources: the core is the domain alone.
@Suite("Architecture")
struct ArchitectureTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    static func imports(of module: String) throws -> Set<String> {
        let directory = sources.appendingPathComponent(module)
        var found: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".swift") {
            found.formUnion(try imports(inFile: directory.appendingPathComponent(name)))
        }
        return found
    }

    /// The modules a Swift file imports (`import X`, `@_exported import X`, `import struct X.Y`).
    static func imports(inFile file: URL) throws -> Set<String> {
        let text = try String(contentsOf: file, encoding: .utf8)
        var found: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.contains(" import ") && line.hasPrefix("@") {
            let imported = line.split(separator: " ").last!
            found.insert(String(imported.split(separator: ".").first!))
        }
        return found
    }

    /// Every Swift file under Sources/, as a path relative to it.
    static func swiftSources() throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: sources.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted()
    }

    /// Modules that are one platform's C library or Foundation.
    static func namesPlatform(_ module: String) -> Bool {
        ["Glibc", "Musl", "Bionic", "Android", "Darwin", "WASILibc", "ucrt", "WinSDK", "CRT"].contains(module) || module.hasPrefix("Foundation")
    }

    @Test("ConnectGuideCore imports nothing, not even Glibc: no I/O, no terminal, no Foundation")
    func coreImportsNothing() throws {
        #expect(try Self.imports(of: "ConnectGuideCore").isEmpty)
    }

    /// Every module with sources under Sources/ (Swift files directly in its directory).
    static func modules() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { name in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: sources.appendingPathComponent(name).path)) ?? []
            return files.contains { $0.hasSuffix(".swift") }
        }.sorted()
    }

    @Test("the arrows point one way: documents under every front end, storage under the front ends, the two front ends apart")
    func arrows() throws {
        let documents = try Self.imports(of: "ConnectGuideDocuments")
        #expect(documents.contains("ConnectGuideCore"))
        #expect(try Self.imports(of: "ConnectGuideText").isEmpty, "the strings table depends on nothing")
        #expect(try Self.imports(of: "ConnectGuideJSON").isEmpty)
        #expect(try !Self.imports(of: "ConnectGuideCore").contains("ConnectGuideText"), "the core words nothing")
        #expect(try Self.imports(of: "ConnectGuideStorage").isSubset(of: ["ConnectGuideCore", "ConnectGuideDocuments", "ConnectGuidePlatform", "ConnectGuideText"]))
        for module in ["ConnectGuideTUI", "ConnectGuidePlain", "ConnectGuideStorage", "ConnectGuidePlatform", "ConnectGuideContent", "ContentLoader"] {
            #expect(!documents.contains(module), "ConnectGuideDocuments imports \(module)")
        }
        let storage = try Self.imports(of: "ConnectGuideStorage")
        for module in ["ConnectGuideTUI", "ConnectGuidePlain", "ConnectGuideContent", "ContentLoader"] {
            #expect(!storage.contains(module), "ConnectGuideStorage imports \(module)")
        }
        #expect(try Self.imports(of: "ConnectGuidePlain").contains("ConnectGuideCore"), "the walk found the plain front end")
        #expect(try !Self.imports(of: "ConnectGuidePlain").contains("ConnectGuideTUI"))
        #expect(try !Self.imports(of: "ConnectGuideTUI").contains("ConnectGuidePlain"))
        for module in ["ConnectGuideTUI", "ConnectGuidePlain", "connect-guide"] {
            #expect(try !Self.imports(of: module).contains("ContentLoader"), "\(module)")
        }
    }

    @Test("only the executable imports ArgumentParser: the libraries parse no command line")
    func argumentParserOnlyInTheExecutable() throws {
        let modules = try Self.modules()
        #expect(modules.contains("connect-guide") && modules.contains("ConnectGuideTUI"), "the walk found the modules: \(modules)")
        for module in modules {
            let parses = try Self.imports(of: module).contains("ArgumentParser")
            #expect(parses == (module == "connect-guide"), "\(module)")
        }
    }

    @Test("no module but ConnectGuidePlatform names the platform in its code: no Glibc, os(Linux) or canImport outside it")
    func platformNamedInOneModule() throws {
        for file in try Self.swiftSources() where !file.hasPrefix("ConnectGuidePlatform/") {
            let code = try SwiftLiterals(String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)).code
            for name in ["Glibc", "Musl", "Darwin", "os(Linux)", "canImport("] {
                #expect(!code.contains(name), "\(file) names \(name)")
            }
        }
    }

    /// The prose literals the core may keep: the messages of its preconditions, for
    /// developers (a broken build, never a user's input), one per `precondition(` in its
    /// code, and the mark that cuts a long untrusted value, which every message shares.
    static let coreProseBeyondPreconditions = 1

    @Test("the core has no English prose: its string literals are identifiers, keys and formats, within a small allowance")
    func coreHasNoProse() throws {
        var prose: [String] = []
        var preconditions = 0
        for file in try Self.swiftSources() where file.hasPrefix("ConnectGuideCore/") {
            let read = try SwiftLiterals(String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8))
            prose += read.literals.filter(SwiftLiterals.isProse).map { "\(file): \($0)" }
            preconditions += read.code.components(separatedBy: "precondition(").count - 1
        }
        let allowance = preconditions + Self.coreProseBeyondPreconditions
        #expect(prose.count <= allowance, "\(prose.count) prose literals, \(allowance) allowed:\n\(prose.joined(separator: "\n"))")
    }

    /// The plain front end and the shared wording speak only through the strings table;
    /// the prose left is `VersionRange.description`, the English of the options JSON's
    /// `versions` field (a value scripts read, not a sentence for a reader).
    static let wordedByTheTable: [(prefix: String, allowance: Int)] = [
        ("ConnectGuidePlain/", 0), ("ConnectGuideDocuments/Wording.swift", 4), ("ConnectGuideStorage/SessionStart.swift", 0),
    ]

    @Test("the plain front end, the shared wording and the start notices take their words from Assets/strings")
    func wordedByTheTable() throws {
        let files = try Self.swiftSources()
        for (prefix, allowance) in Self.wordedByTheTable {
            var prose: [String] = []
            var read = 0
            for file in files where file.hasPrefix(prefix) {
                read += 1
                let literals = try SwiftLiterals(String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)).literals
                prose += literals.filter(SwiftLiterals.isProse).map { "\(file): \($0)" }
            }
            #expect(read > 0, "\(prefix) found")
            #expect(prose.count <= allowance, "\(prose.count) prose literals:\n\(prose.joined(separator: "\n"))")
        }
    }

    @Test("no force unwrap outside the terminal front end: x!, try! and as! are bad input's way to crash")
    func noForceUnwraps() throws {
        var found: [String] = []
        for file in try Self.swiftSources() where !file.hasPrefix("ConnectGuideTUI/") {
            let code = Array(try SwiftLiterals(String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)).code)
            for index in code.indices.dropFirst() where code[index] == "!" {
                let before = code[index - 1]
                let after = index + 1 < code.count ? code[index + 1] : " "
                if after != "=" && (before.isLetter || before.isNumber || before == "_" || before == ")" || before == "]") {
                    found.append("\(file): \(String(code[max(0, index - 30)...index]))")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// The files of the core that extend `Guide`, one role each: what the guide's content
    /// value does lives in the file named for the role, not wherever it was needed first.
    static let guideRoles: Set<String> = [
        "ConnectGuideCore/Ruleset.swift", "ConnectGuideCore/SelectionMachine.swift", "ConnectGuideCore/Planner.swift",
        "ConnectGuideCore/URLCodec.swift", "ConnectGuideCore/PlanDiff.swift", "ConnectGuideCore/APIVersion.swift",
    ]

    @Test("the core extends Guide only in its role files (ruleset, machine, planner, URL codec, plan diff, API versions); no front end extends it")
    func guideSplitByRole() throws {
        var extending: Set<String> = []
        for file in try Self.swiftSources() {
            let code = try SwiftLiterals(String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)).code
            if code.contains("extension Guide {") || code.contains("extension Guide:") { extending.insert(file) }
        }
        #expect(extending.filter { $0.hasPrefix("ConnectGuideCore/") } == Self.guideRoles)
        let frontEnds = extending.filter { $0.hasPrefix("ConnectGuideTUI/") || $0.hasPrefix("ConnectGuidePlain/") || $0.hasPrefix("connect-guide/") }
        #expect(frontEnds.isEmpty, "\(frontEnds.sorted())")
    }

    @Test("the literal reader: comments are not code, interpolations are not text, prose is two words with a space")
    func literalReader() {
        let source = #"""
            // "a comment with words" Glibc
            let x = "Quit without a plan." /* "also a comment" */ + "\(a) \(b)" + "\(key)=\(value)"
            let y = """
                Two lines \(name("inner words")) of prose
                """
            """#
        let read = SwiftLiterals(source)
        #expect(!read.code.contains("Glibc") && !read.code.contains("Quit") && read.code.contains("let y"))
        #expect(read.literals.filter(SwiftLiterals.isProse).count == 3, "\(read.literals)")
        #expect(!SwiftLiterals.isProse("\u{1} \u{1}") && !SwiftLiterals.isProse("a=b") && SwiftLiterals.isProse("from \u{1}"))
    }

    @Test("only Sources/ConnectGuidePlatform/Linux.swift names the platform: no other source file imports Glibc, Darwin or Foundation")
    func platformInOneFile() throws {
        let files = try Self.swiftSources()
        #expect(files.contains("ConnectGuidePlatform/Linux.swift"))
        #expect(files.count > 20, "the walk found the sources")
        for file in files {
            let platform = try Self.imports(inFile: Self.sources.appendingPathComponent(file)).filter(Self.namesPlatform)
            if file == "ConnectGuidePlatform/Linux.swift" {
                #expect(platform == ["Glibc"], "\(file)")
            } else {
                #expect(platform.isEmpty, "\(file) imports \(platform.sorted()); import ConnectGuidePlatform instead")
            }
        }
        #expect(try !Self.imports(of: "ConnectGuideCore").contains("ConnectGuidePlatform"))
    }
}

/// A Swift source split into its code (without comments or the text of string literals)
/// and the text of its string literals (an interpolation is U+0001; the literals inside
/// one are read too). Enough of Swift's lexical grammar for the checks above.
struct SwiftLiterals {
    private(set) var code = ""
    private(set) var literals: [String] = []

    init(_ source: String) {
        let characters = Array(source)
        var index = 0
        read(characters, &index, inInterpolation: false)
    }

    /// Prose: a space and a word of two letters or more, as a sentence has.
    static func isProse(_ literal: String) -> Bool {
        guard literal.contains(" ") else { return false }
        return literal.split(whereSeparator: { !$0.isLetter }).contains { $0.count >= 2 }
    }

    private mutating func read(_ text: [Character], _ index: inout Int, inInterpolation: Bool) {
        var depth = 0
        while index < text.count {
            let character = text[index]
            let next = index + 1 < text.count ? text[index + 1] : nil
            if character == "/" && next == "/" {
                while index < text.count && text[index] != "\n" { index += 1 }
            } else if character == "/" && next == "*" {
                var nesting = 0
                repeat {
                    if text[index] == "/" && index + 1 < text.count && text[index + 1] == "*" { nesting += 1; index += 1 }
                    else if text[index] == "*" && index + 1 < text.count && text[index + 1] == "/" { nesting -= 1; index += 1 }
                    index += 1
                } while nesting > 0 && index < text.count
            } else if character == "\"" || (character == "#" && next == "\"") {
                readLiteral(text, &index)
            } else {
                if inInterpolation {
                    if character == "(" { depth += 1 }
                    if character == ")" {
                        if depth == 0 { return }
                        depth -= 1
                    }
                }
                code.append(character)
                index += 1
            }
        }
    }

    /// A literal from its opening quote (or #): plain, multi-line or raw.
    private mutating func readLiteral(_ text: [Character], _ index: inout Int) {
        var hashes = 0
        while text[index] == "#" { hashes += 1; index += 1 }
        let multiLine = index + 2 < text.count && text[index + 1] == "\"" && text[index + 2] == "\""
        index += multiLine ? 3 : 1
        let escape = "\\" + String(repeating: "#", count: hashes)
        let closing = (multiLine ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)
        var literal = ""
        func matches(_ string: String) -> Bool {
            let characters = Array(string)
            return index + characters.count <= text.count && Array(text[index..<index + characters.count]) == characters
        }
        while index < text.count {
            if matches(closing) {
                index += closing.count
                break
            }
            if matches(escape) {
                index += escape.count
                guard index < text.count else { break }
                if text[index] == "(" {
                    index += 1
                    literal.append("\u{1}")
                    read(text, &index, inInterpolation: true)
                    index += 1  // the interpolation's closing parenthesis
                } else {
                    literal.append(text[index] == "n" ? "\n" : text[index])
                    index += 1
                }
                continue
            }
            literal.append(text[index])
            index += 1
        }
        literals.append(literal)
    }
}
