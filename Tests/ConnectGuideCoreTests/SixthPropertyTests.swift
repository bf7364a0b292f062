import ConnectGuideContent
import ContentLoader
import Foundation
import Testing

@testable import ConnectGuideCore

/// guide.json and rules.json with a sixth property, payoutTiming (automatic or manual),
/// and a rule R99 that ties manual payouts to platform liability: the edit a new property
/// takes, and the only one. The CLI suite compiles the same edit (SixthPropertyCompileTests).
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

@Suite("A sixth property in the content needs no code")
struct SixthPropertyTests {
    let guide: Guide
    let timing: PropertyID

    init() throws {
        var files = ContentFiles.assets
        let edited = try addingSixthProperty(guide: files.files["guide.json"] ?? [], rules: files.files["rules.json"] ?? [])
        files.files["guide.json"] = edited.guide
        files.files["rules.json"] = edited.rules
        guide = try Guide(files: files)
        timing = guide.propertyIDs[guide.propertyIDs.count - 1]
    }

    @Test("the content loads with six properties, and every combination counts it")
    func loads() {
        #expect(guide.propertyIDs.map(\.rawValue) == ["onboarding", "dashboard", "chargeType", "fees", "liability", "payoutTiming"])
        #expect(timing.index == 5)
        #expect(guide.allSelections.count == Guide.bundled.allSelections.count * 2)
        #expect(guide.defaults[timing] == "automatic")
        #expect(guide.validSelections.allSatisfy { $0[timing] == "automatic" || $0[.liability] == "platform" })
        #expect(guide.validSelections.contains { $0[timing] == "manual" })
    }

    @Test("the machine chooses the sixth property and the rules move the others")
    func machine() throws {
        // (Moving the focus through the properties is the front ends' cursor, not the core's.)
        let state = guide.reduce(guide.initialState(), .choose(timing, "manual"))
        #expect(state.selection[timing] == "manual")
        #expect(state.selection[.liability] == "platform")
        let liability = try #require(state.lastChange?.moved.first { $0.property == .liability })
        #expect(liability.rules.first == "R99")
        #expect(guide.isValid(state.selection))
    }

    @Test("completing, contradicting and the docs URL take the sixth property")
    func completeAndURL() throws {
        var chosen = PartialSelection()
        chosen[timing] = "manual"
        chosen[.liability] = "stripe"
        guard case .failure(let contradiction) = guide.complete(chosen) else {
            Issue.record("manual payouts with Stripe liability should contradict R99")
            return
        }
        #expect(contradiction.rules == ["R99"])
        #expect(contradiction.alternatives.allSatisfy { guide.isValid($0.selection) })

        var wish = PartialSelection()
        wish[timing] = "manual"
        let completion = try guide.complete(wish).get()
        #expect(completion.selection[timing] == "manual")
        #expect(completion.implied.contains { $0.property == .liability })
        let url = guide.url(for: completion.selection)
        #expect(url.hasSuffix("&connect-payout-timing=manual"))
        #expect(try guide.selection(fromURL: url).selection[timing] == "manual")
        #expect(!guide.plan(for: completion.selection).steps.isEmpty)
    }
}

@Suite("No shipped source names a property")
struct PropertyNamesInSourcesTests {
    /// Hand-written code that names a property (`.fees`, `PropertyID.onboarding`) would
    /// break or silently misbehave when the content changes; only generated code may. The
    /// content loader's one content check (an onBehalfOf parameter needs destination
    /// charges) looks the property up by its content id, as a string.
    @Test("Sources/ refers to no property by a Swift name")
    func noPropertyNames() throws {
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = checkout.appendingPathComponent("Sources")
        let names = Guide.bundled.propertyIDs.map(\.rawValue)
        var found: [String] = []
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.components(separatedBy: "//")[0]
                for name in names where code.range(of: #"\.\#(name)\b"#, options: .regularExpression) != nil {
                    found.append("\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
