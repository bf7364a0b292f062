@testable import ConnectGuideText
import Testing

@Suite("The strings table at run time")
struct UITextTests {
    @Test("placeholders are filled by name, in any order and more than once; unknown names stay")
    func fill() {
        #expect(UIText.fill("{b} then {a}, {b}", [("a", "1"), ("b", "2")]) == "2 then 1, 2")
        #expect(UIText.fill("{missing} and {a}", [("a", "x")]) == "{missing} and x")
        #expect(UIText.fill("no braces", []) == "no braces")
        #expect(UIText.fill("日本語の{a}文", [("a", "テスト")]) == "日本語のテスト文")
    }

    @Test("lists join with the locale's separators")
    func lists() {
        let text = UIText.bundled(.en)
        #expect(text.list([]) == "")
        #expect(text.list(["a"]) == "a")
        #expect(text.list(["a", "b"]) == "a and b")
        #expect(text.list(["a", "b", "c"]) == "a, b and c")
        #expect(UIText.join(["a", "b", "c", "d"], pair: "と", separator: "、", final: "、") == "a、b、c、d")
    }

    @Test("plural keys choose their form by each language's rule")
    func plurals() {
        let forms = ["one form", "other form"]
        func form(_ code: String, _ count: Int) -> String? {
            LocaleID(rawValue: code).map { UIText(locale: $0, values: forms).plural(0, count: count) }
        }
        #expect(form("en", 1) == "one form")
        #expect(form("en", 0) == "other form")
        #expect(form("en", 2) == "other form")
        // Each language's rule, whether or not the binary carries the locale yet.
        for (language, count, singular) in [("en", 1, true), ("en", 0, false), ("de", 1, true), ("de", 2, false), ("es", 1, true),
                                            ("es", 0, false), ("fr", 0, true), ("fr", 1, true), ("fr", 2, false), ("ja", 1, false)] {
            #expect(UIText.usesSingularForm(language: language, count) == singular, "\(language) \(count)")
        }
    }
}
