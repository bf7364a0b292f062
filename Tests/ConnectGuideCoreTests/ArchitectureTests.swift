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
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.contains(" import ") && line.hasPrefix("@") {
                found.insert(String(line.split(separator: " ").last!))
            }
        }
        return found
    }

    @Test("ConnectGuideCore imports nothing, not even Glibc: no I/O, no terminal, no Foundation")
    func coreImportsNothing() throws {
        #expect(try Self.imports(of: "ConnectGuideCore").isEmpty)
    }

    @Test("the documents and storage depend on the core only; the front end never on the content loader")
    func arrows() throws {
        #expect(try Self.imports(of: "ConnectGuideDocuments") == ["ConnectGuideCore"])
        #expect(try Self.imports(of: "ConnectGuideStorage").isSubset(of: ["ConnectGuideCore", "Glibc"]))
        for module in ["ConnectGuideTUI", "connect-guide"] {
            #expect(try !Self.imports(of: module).contains("ContentLoader"), "\(module)")
        }
    }
}
