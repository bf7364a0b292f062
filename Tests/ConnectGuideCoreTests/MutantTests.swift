import FuzzSupport
import Testing

@testable import ConnectGuideCore
import ConnectGuideDocuments

/// Each test here fails on a one-line change that once passed the whole suite (issue 17's
/// mutation run): the behaviour it pins had no other test.
@Suite("Core tests that kill their mutants")
struct CoreMutantTests {
    @Test("the nearest valid choices come nearest first, keeping the default where they can")
    func alternativesNearestFirst() throws {
        var chosen = PartialSelection()
        chosen[.onboarding] = "api"
        chosen[.dashboard] = "full"
        guard case .failure(let contradiction) = guide.complete(chosen) else {
            Issue.record("API onboarding with the Stripe Dashboard must be refused")
            return
        }
        #expect(contradiction.alternatives.map { $0.changes.keys.sorted { $0.index < $1.index } } == [[.onboarding], [.onboarding], [.dashboard]])
        #expect(contradiction.alternatives.map(\.selection[.onboarding]) == ["hosted", "embedded", "api"])
        #expect(contradiction.rules == ["R1", "R2"])
        // Three choices, two of which can stand: the alternatives keep two.
        chosen[.liability] = "stripe"
        guard case .failure(let three) = guide.complete(chosen) else {
            Issue.record("still refused")
            return
        }
        #expect(three.alternatives.map(\.selection[.onboarding]) == ["hosted", "embedded"])
        #expect(three.rules == ["R1"])
    }

    @Test("a preview version keeps its name: its rules are the previews', not the release's")
    func previewKeepsName() throws {
        let preview = try #require(StripeAPIVersion("2026-07-29.preview"))
        let atPreview = guide.at(preview)
        #expect(atPreview.apiVersion.description == "2026-07-29.preview")
        // R3 stopped holding for previews from 2026-06-24, while the 2026-07-29 release kept it.
        #expect(!atPreview.rules.contains { $0.id == "R3" })
        #expect(guide.at(try #require(StripeAPIVersion("2026-07-29"))).rules.contains { $0.id == "R3" })
    }

    @Test("a docs URL with www. before the host is the same page")
    func wwwHost() throws {
        let query = "?connect-onboarding-surface=api&connect-dashboard-type=none&connect-economic-model=buy-rate&connect-loss-liability-owner=platform&connect-charge-type=direct"
        let plain = try guide.selection(fromURL: "https://docs.stripe.com/connect/design-an-integration" + query)
        let www = try guide.selection(fromURL: "https://www.docs.stripe.com/connect/design-an-integration" + query)
        #expect(www.selection == plain.selection)
        #expect(throws: URLImportError.self) { try guide.selection(fromURL: "https://wwwdocs.stripe.com/connect/design-an-integration" + query) }
    }
}

@Suite("The packed rank")
struct RankLayoutTests {
    @Test("packed ranks order as their keys do, for this guide and for a larger one (six properties, five options, ten recommendations)")
    func packedOrderIsKeyOrder() {
        var random = SeededGenerator(seed: 0x5EED)
        for (properties, options, recommendations) in [(guide.properties.count, 3, guide.allRules.filter { !$0.kind.isHard }.count), (6, 5, 10), (8, 16, 40)] {
            let layout = RankLayout(propertyCount: properties, maxOptions: options, recommendationCount: recommendations)
            struct Keys: Comparable {
                var changes: Int, breached: Int, givenUp: [Bool], offDefault: Int, places: [Int]
                static func < (a: Keys, b: Keys) -> Bool {
                    if a.changes != b.changes { return a.changes < b.changes }
                    if a.breached != b.breached { return a.breached < b.breached }
                    // A preferred property kept beats one given up, earliest first.
                    if let place = a.givenUp.indices.first(where: { a.givenUp[$0] != b.givenUp[$0] }) { return !a.givenUp[place] }
                    if a.offDefault != b.offDefault { return a.offDefault < b.offDefault }
                    return a.places.lexicographicallyPrecedes(b.places)
                }
            }
            func randomKeys() -> Keys {
                Keys(
                    changes: Int.random(in: 0...properties, using: &random), breached: Int.random(in: 0...recommendations, using: &random),
                    givenUp: (0..<properties).map { _ in Bool.random(using: &random) }, offDefault: Int.random(in: 0...properties, using: &random),
                    places: (0..<properties).map { _ in Int.random(in: 0..<options, using: &random) })
            }
            func packed(_ keys: Keys) -> UInt64 {
                var givenUp: UInt64 = 0
                for (place, gaveUp) in keys.givenUp.enumerated() where gaveUp { givenUp |= layout.preferenceBit(place) }
                return layout.rank(
                    changes: keys.changes, givenUp: givenUp,
                    targetFree: layout.targetFree(breached: keys.breached, offDefault: keys.offDefault, places: keys.places))
            }
            for _ in 0..<3_000 {
                let a = randomKeys(), b = randomKeys()
                #expect((packed(a) < packed(b)) == (a < b), "\(properties) properties: \(a) against \(b)")
                #expect((packed(a) == packed(b)) == (a == b))
            }
        }
    }
}

@Suite("Single-scalar text, read from bytes")
struct SingleScalarTextTests {
    @Test("the byte decoder agrees with the scalar view on random text, newlines allowed or not")
    func bytesAgreeWithScalars() {
        var random = SeededGenerator(seed: 0xB17E5)
        let pool: [Unicode.Scalar] = ["a", "Z", " ", "~", "\n", "\t", "\u{7F}", "\u{A0}", "é", "\u{2FF}", "\u{300}", "→", "•", "…", "€", "─", "\u{200D}",
            "\u{FE0F}", "日", "한", "😀", "\u{10FFFF}", "\u{2028}", "\u{2BFF}", "\u{2C00}"]
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &random) { text.unicodeScalars.append(pool.randomElement(using: &random)!) }
            for newlines in [false, true] {
                let expected = text.unicodeScalars.allSatisfy { isStandaloneScalar($0) || (newlines && $0 == "\n") }
                #expect(isSingleScalarText(text, allowingNewlines: newlines) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }
}
