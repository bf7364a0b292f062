import FuzzSupport
import Testing

@testable import ConnectGuideCore
import ConnectGuideDocuments

@Suite("Docs page URLs")
struct URLTests {
    static let realQueries: [(String, Selection)] = [
        (
            "?connect-onboarding-surface=api&connect-dashboard-type=none&connect-economic-model=buy-rate&connect-loss-liability-owner=platform&connect-charge-type=direct",
            selection("api", "none", "direct", "platform", "platform")
        ),
        (
            "?connect-onboarding-surface=hosted&connect-dashboard-type=full&connect-economic-model=revshare&connect-loss-liability-owner=stripe&connect-charge-type=direct",
            selection("hosted", "full", "direct", "connectedAccounts", "stripe")
        ),
        (
            "?connect-onboarding-surface=embedded&connect-dashboard-type=none&connect-economic-model=buy-rate&connect-loss-liability-owner=platform&connect-charge-type=destination",
            selection("embedded", "none", "destination", "platform", "platform")
        ),
    ]

    @Test("the three real URLs give their selections, and the URL round-trips exactly", arguments: 0..<3)
    func realURLs(index: Int) throws {
        let (query, expected) = Self.realQueries[index]
        let url = "https://docs.stripe.com/connect/design-an-integration" + query
        let imported = try guide.selection(fromURL: url)
        #expect(imported.ignoredKeys.isEmpty)
        let completion = try guide.complete(imported.selection).get()
        #expect(completion.selection == expected)
        #expect(guide.url(for: completion.selection) == url)
        // The bare query, as the spec lists it, reads the same.
        #expect(try guide.selection(fromURL: query).selection == imported.selection)
    }

    @Test("every valid selection's URL reads back as the same selection")
    func roundTripAll() throws {
        for valid in guide.validSelections {
            let imported = try guide.selection(fromURL: guide.url(for: valid))
            #expect(try guide.complete(imported.selection).get().selection == valid)
        }
    }

    @Test("unknown keys are ignored and reported; fragments and trailing slashes are fine")
    func lenientParts() throws {
        let imported = try guide.selection(
            fromURL: "https://docs.stripe.com/connect/design-an-integration/?utm_source=x&connect-onboarding-surface=embedded#steps")
        #expect(imported.ignoredKeys == ["utm_source"])
        #expect(imported.selection[.onboarding] == "embedded")
        #expect(imported.selection.chosen.count == 1)
        #expect(try guide.selection(fromURL: "docs.stripe.com/connect/design-an-integration").selection.isEmpty)
        #expect(try guide.selection(fromURL: "/connect/design-an-integration?connect-dashboard-type=none").selection[.dashboard] == "none")
    }

    @Test("bad URLs are errors that say what is wrong", arguments: [
        ("", URLImportError.empty),
        ("https://example.com/connect/design-an-integration?connect-onboarding-surface=api", .foreignHost("example.com")),
        ("https://docs.stripe.com/connect/express-dashboard?connect-onboarding-surface=api", .foreignPage("/connect/express-dashboard")),
        ("?connect-onboarding-surface=%zz", .malformedEncoding("%zz")),
        ("?connect-onboarding-surface=%ff", .notUTF8("%ff")),
        ("?connect-dashboard-type=fancy", .unknownValue(key: "connect-dashboard-type", value: "fancy", valid: ["full", "express", "none"])),
        ("?connect-onboarding-surface=api&connect-onboarding-surface=hosted", .conflictingValues(key: "connect-onboarding-surface", values: ["api", "hosted"])),
    ])
    func badURLs(url: String, expected: URLImportError) {
        #expect(throws: expected) { try guide.selection(fromURL: url) }
        #expect(!guide.message(for: expected).isEmpty)
    }
}

extension URLTests {
    /// Random input, bounded for CI; FUZZ_ITERATIONS runs longer (README, Development).
    @Suite("Fuzz: docs page URLs")
    struct Fuzz {
        @Test("random query strings never crash the parser and give only known options, or an error that says why")
        func queries() {
            var random = SeededGenerator(seed: fuzzSeed(42))
            let pieces = ["connect-onboarding-surface", "connect-dashboard-type", "=", "&", "%", "%4", "%41", "api", "none", "?", "#", "+", "é", "", "/", "https://"]
            for _ in 0..<fuzzIterations(5_000) {
                let text = (0..<Int.random(in: 0..<10, using: &random)).map { _ in
                    // Mostly the URL's own parts; sometimes any escaped byte or any scalar.
                    switch Int.random(in: 0..<10, using: &random) {
                    case 0: "%" + String(UInt8.random(in: 0...255, using: &random), radix: 16, uppercase: Bool.random(using: &random))
                    case 1: String(Unicode.Scalar(UInt32.random(in: 0...0x10FFFF, using: &random)) ?? "\u{FFFD}")
                    default: pieces.randomElement(using: &random)!
                    }
                }.joined()
                do {
                    let imported = try guide.selection(fromURL: text)
                    for (property, option) in imported.selection.chosen {
                        #expect(guide.property(property).option(option) != nil)
                    }
                } catch {
                    #expect(!guide.message(for: error).isEmpty)
                }
            }
        }
    }
}
