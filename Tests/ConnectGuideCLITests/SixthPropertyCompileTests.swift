import Foundation
import Testing

/// A sixth property added to a copy of Assets/ goes through the content compiler, and
/// what it generates type-checks against the modules this build made. A whole package
/// build in a test would take minutes on two cores; this is the part of one that depends
/// on the content: the rest of the package names no property (PropertyNamesInSourcesTests)
/// and the core runs six properties from the same content (SixthPropertyTests).
@Suite("A sixth property compiles")
struct SixthPropertyCompileTests {
    /// The build directory of the binary under test: the compiler and the modules.
    let build = binaryURL.deletingLastPathComponent()

    /// The content compiler's Swift for the edited copy: the guide, and with `--cli` the flags.
    func generated(cli: Bool) throws -> (status: Int32, stderr: String, source: String?) {
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("assets-six-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: checkout.appendingPathComponent("Assets"), to: copy)
        // The shape is the English content's; the locales would each need the new texts.
        try FileManager.default.removeItem(at: copy.appendingPathComponent("locales"))
        let guideFile = copy.appendingPathComponent("guide.json")
        let rulesFile = copy.appendingPathComponent("rules.json")
        let edited = try addingSixthProperty(guide: Array(try Data(contentsOf: guideFile)), rules: Array(try Data(contentsOf: rulesFile)))
        try Data(edited.guide).write(to: guideFile)
        try Data(edited.rules).write(to: rulesFile)
        // The guide goes into a directory (a file per locale), the flags into a file.
        let output = cli ? copy.appendingPathComponent("PropertyOptions.swift") : copy
        let compiler = ["content-compiler", "content-compiler-tool"].map { build.appendingPathComponent($0) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        let result = try run(
            (cli ? ["--cli"] : []) + [copy.path, output.path], executable: try #require(compiler, "no content compiler in \(build.path)").path)
        let source = cli ? output : output.appendingPathComponent("BundledGuide.swift")
        return (result.status, result.stderr, try? String(contentsOf: source, encoding: .utf8))
    }

    /// `swiftc -typecheck` of the source against the build's modules; the compiler's errors.
    func typecheck(_ source: String, named name: String) throws -> RunResult {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("typecheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try source.write(to: file, atomically: true, encoding: .utf8)
        return try run(
            ["swiftc", "-typecheck", "-swift-version", "6", "-parse-as-library", "-I", build.appendingPathComponent("Modules").path, file.path],
            executable: "/usr/bin/env")
    }

    @Test("the guide's source names six properties and type-checks against ConnectGuideCore")
    func guideSource() throws {
        let result = try generated(cli: false)
        #expect(result.status == 0, "\(result.stderr)")
        let source = try #require(result.source)
        #expect(source.contains(#"public static let payoutTiming = PropertyID(index: 5, rawValue: "payoutTiming")"#))
        #expect(source.contains("public enum PayoutTiming {"))
        #expect(source.contains(#"public static let manual: OptionID = "manual""#))
        #expect(source.contains("private let propertyIDs: [PropertyID] = [.onboarding, .dashboard, .chargeType, .fees, .liability, .payoutTiming]"))
        let checked = try typecheck(source, named: "BundledGuide.swift")
        #expect(checked.status == 0, "\(checked.stderr)")
    }

    @Test("the flags' source has --payout-timing, its help from the run's guide, and type-checks against ArgumentParser")
    func flagsSource() throws {
        let result = try generated(cli: true)
        #expect(result.status == 0, "\(result.stderr)")
        let source = try #require(result.source)
        #expect(source.contains(#"name: .customLong("payout-timing"),"#))
        #expect(source.contains(#"help: ArgumentHelp(localizedGuide.properties[5].cliHelp, valueName: "automatic|manual"),"#))
        #expect(source.contains("var inPageOrder: [String?] { [onboarding, dashboard, chargeType, fees, liability, payoutTiming] }"))
        #expect(source.contains(#"let propertyFlagNames: [String] = ["--onboarding", "--dashboard", "--charge-type", "--fees", "--liability", "--payout-timing"]"#))
        // The help comes from the executable's guide in the run's locale (LocaleOption.swift).
        let executable = "import ConnectGuideContent\nvar localizedGuide: Guide { Guide.bundled }\n"
        let checked = try typecheck(source + executable, named: "PropertyOptions.swift")
        #expect(checked.status == 0, "\(checked.stderr)")
    }
}

/// guide.json and rules.json with a sixth property, payoutTiming (automatic or manual),
/// and a rule R99 that ties manual payouts to platform liability: the edit a new property
/// takes, and the only one. The core suite runs the same edit (SixthPropertyTests).
func addingSixthProperty(guide: [UInt8], rules: [UInt8]) throws -> (guide: [UInt8], rules: [UInt8]) {
    func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] ?? [:]
    }
    func option(_ id: String) -> [String: Any] {
        ["id": id, "label": id.capitalized, "shortLabel": id.capitalized, "urlValue": id, "cliValue": id,
         "summary": "Payouts go out \(id)", "intro": "Payouts go out \(id).", "bestFor": [String]()]
    }
    var guideObject = try object(guide)
    var properties = guideObject["properties"] as? [[String: Any]] ?? []
    properties.append([
        "id": "payoutTiming", "label": "Payout timing", "shortLabel": "Payouts", "urlKey": "connect-payout-timing",
        "cliFlag": "payout-timing", "cliHelp": "When payouts go out.", "default": "automatic",
        "section": ["heading": "Time payouts", "intro": "When money leaves for users."],
        "options": [option("automatic"), option("manual")],
    ])
    guideObject["properties"] = properties
    guideObject["urlParameterOrder"] = (guideObject["urlParameterOrder"] as? [String] ?? []) + ["payoutTiming"]
    var rulesObject = try object(rules)
    var ruleList = rulesObject["rules"] as? [[String: Any]] ?? []
    ruleList.append([
        "id": "R99", "kind": "docs", "versions": "all", "summary": "Manual payouts mean platform liability",
        "if": ["payoutTiming": ["manual"]], "then": ["liability": ["platform"]],
        "reason": "A test rule.", "sources": ["/connect/migrate-to-controller-properties"],
    ])
    rulesObject["rules"] = ruleList
    func bytes(_ object: [String: Any]) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
    }
    return (try bytes(guideObject), try bytes(rulesObject))
}
