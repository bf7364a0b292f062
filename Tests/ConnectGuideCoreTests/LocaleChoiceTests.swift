import ConnectGuideText
import Testing

/// How a run's locale is chosen: --locale, else LC_ALL, LC_MESSAGES, LANG, else English.
@Suite("Choosing the locale")
struct LocaleChoiceTests {
    /// Whether the binary carries `code` (translations arrive per locale).
    static func carries(_ code: String) -> Bool { LocaleID(rawValue: code) != nil }

    @Test("the table: flag, then LC_ALL, LC_MESSAGES, LANG, the first set and non-empty; C and POSIX are English")
    func table() throws {
        // (flag, LC_ALL, LC_MESSAGES, LANG) → locale code, unsupported variable
        let rows: [(flag: String?, all: String?, messages: String?, lang: String?, locale: String, unsupported: String?)] = [
            (nil, nil, nil, nil, "en", nil),
            (nil, nil, nil, "ja_JP.UTF-8", "ja", nil),
            (nil, nil, nil, "de_DE.UTF-8", "de", nil),
            (nil, nil, nil, "fr_CA.utf8", "fr", nil),
            (nil, nil, nil, "es_ES@euro", "es", nil),
            (nil, nil, nil, "ja", "ja", nil),
            (nil, nil, nil, "C", "en", nil),
            (nil, nil, nil, "C.UTF-8", "en", nil),
            (nil, nil, nil, "POSIX", "en", nil),
            (nil, nil, nil, "en_GB.UTF-8", "en", nil),
            (nil, nil, nil, "", "en", nil),
            (nil, nil, nil, "pt_BR.UTF-8", "en", "LANG"),
            (nil, "de_DE.UTF-8", "fr_FR.UTF-8", "ja_JP.UTF-8", "de", nil),
            (nil, nil, "fr_FR.UTF-8", "ja_JP.UTF-8", "fr", nil),
            (nil, "", "fr_FR.UTF-8", "ja_JP.UTF-8", "fr", nil),
            (nil, "C", "fr_FR.UTF-8", "ja_JP.UTF-8", "en", nil),
            (nil, "pt_PT.UTF-8", nil, "ja_JP.UTF-8", "en", "LC_ALL"),
            (nil, nil, "xx_YY", "de_DE.UTF-8", "en", "LC_MESSAGES"),
            ("ja", "de_DE.UTF-8", nil, nil, "ja", nil),
            ("en", nil, nil, "ja_JP.UTF-8", "en", nil),
            ("de", nil, nil, "pt_BR.UTF-8", "de", nil),
            ("FR", nil, nil, nil, "fr", nil),
        ]
        for row in rows {
            // A locale the binary does not carry yet is English with a note when it comes from the
            // environment, and a refusal as a flag: the rows need the locale they expect.
            guard Self.carries(row.locale), row.flag.map({ Self.carries($0.lowercased()) }) ?? true else { continue }
            let environment = ["LC_ALL": row.all, "LC_MESSAGES": row.messages, "LANG": row.lang]
            let choice = try LocaleChoice.resolve(flag: row.flag) { environment[$0] ?? nil }
            #expect(choice.locale.rawValue == row.locale, "\(row)")
            #expect(choice.unsupported?.variable == row.unsupported, "\(row)")
            if let unsupported = choice.unsupported {
                #expect(unsupported.value == environment[unsupported.variable] ?? nil)
            }
        }
    }

    @Test("a --locale that names no locale is refused with what was given; the environment never is")
    func invalidFlag() {
        for bad in ["xx", "", "ja_JP", "english", "pt"] {
            #expect(throws: LocaleChoice.InvalidFlag(given: bad)) {
                try LocaleChoice.resolve(flag: bad) { _ in "ja_JP.UTF-8" }
            }
        }
        #expect(throws: Never.self) { try LocaleChoice.resolve(flag: nil) { _ in "xx_YY.UTF-8" } }
    }

    @Test("the language of a POSIX locale name")
    func posixNames() {
        #expect(LocaleChoice.language(ofPOSIXLocale: "ja_JP.UTF-8") == "ja")
        #expect(LocaleChoice.language(ofPOSIXLocale: "DE_de") == "de")
        #expect(LocaleChoice.language(ofPOSIXLocale: "sr_RS@latin") == "sr")
        #expect(LocaleChoice.language(ofPOSIXLocale: "C") == nil)
        #expect(LocaleChoice.language(ofPOSIXLocale: "C.UTF-8") == nil)
        #expect(LocaleChoice.language(ofPOSIXLocale: "POSIX") == nil)
    }
}
