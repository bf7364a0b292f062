import ConnectGuideCore
import Testing

/// The core's `joined(separator:)` on `[String]` stands in for the standard library's
/// everywhere above the core (it is cheaper at start); it must give the same text.
@Suite("Joining strings")
struct JoinedTests {
    @Test("the same text as the standard library's joined(separator:)", arguments: [
        [], [""], ["a"], ["a", "b"], ["a", "", "c"], ["日本", "語", "🇯🇵"],
    ] as [[String]])
    func sameAsStandardLibrary(_ items: [String]) {
        for separator in ["", ", ", "\n", "・"] {
            let library = items.lazy.joined(separator: separator)
            #expect(items.joined(separator: separator) == String(library))
        }
    }
}
