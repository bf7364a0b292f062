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

    @Test("the documents depend on the core only, storage on the core and the platform; the front end never on the content loader")
    func arrows() throws {
        #expect(try Self.imports(of: "ConnectGuideDocuments").isSubset(of: ["ConnectGuideCore", "ConnectGuideJSON", "ConnectGuideText"]))
        #expect(try Self.imports(of: "ConnectGuideText").isEmpty, "the strings table depends on nothing")
        #expect(try Self.imports(of: "ConnectGuideJSON").isEmpty)
        #expect(try !Self.imports(of: "ConnectGuideCore").contains("ConnectGuideText"), "the core words nothing")
        #expect(try Self.imports(of: "ConnectGuideStorage").isSubset(of: ["ConnectGuideCore", "ConnectGuideDocuments", "ConnectGuidePlatform", "ConnectGuideText"]))
        for module in ["ConnectGuideTUI", "connect-guide"] {
            #expect(try !Self.imports(of: module).contains("ContentLoader"), "\(module)")
        }
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
