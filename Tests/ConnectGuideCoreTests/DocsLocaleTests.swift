import ConnectGuideContent
import ConnectGuideText
import ContentLoader
import Testing

@testable import ConnectGuideCore

/// Docs links in a locale open Stripe's page in that language: the English address with
/// Stripe's `locale` parameter, added in one place as the locale's guide is built.
@Suite("Docs links in each language")
struct DocsLocaleTests {
    @Test("Stripe's locale parameter per language; none for English or a language Stripe's docs lack")
    func parameterPerLanguage() {
        #expect(stripeDocsLocale("ja") == "ja-JP")
        #expect(stripeDocsLocale("de") == "de-DE")
        #expect(stripeDocsLocale("fr") == "fr-FR")
        #expect(stripeDocsLocale("es") == "es-ES")
        #expect(stripeDocsLocale("en") == nil)
        #expect(stripeDocsLocale("xx") == nil)
    }

    @Test("the parameter joins the query, before a fragment")
    func addressForm() {
        #expect(localizedDocsAddress("https://docs.stripe.com/connect/charges", docsLocale: "ja-JP") == "https://docs.stripe.com/connect/charges?locale=ja-JP")
        #expect(localizedDocsAddress("https://docs.stripe.com/connect/charges#fees", docsLocale: "de-DE") == "https://docs.stripe.com/connect/charges?locale=de-DE#fees")
        #expect(localizedDocsAddress("https://docs.stripe.com/a?b=c#d", docsLocale: "fr-FR") == "https://docs.stripe.com/a?b=c&locale=fr-FR#d")
        #expect(localizedDocsAddress("https://docs.stripe.com/a", docsLocale: nil) == "https://docs.stripe.com/a")
    }

    @Test("a guide built for Japanese links every page in Japanese; the English guide's links are the allow-list's")
    func guideForLocale() throws {
        var files = ContentFiles.assets
        files.locale = "ja"
        let japanese = try Guide(files: files)
        #expect(japanese.links.count == guide.links.count)
        for (local, english) in zip(japanese.links, guide.links) {
            #expect(local.url == english.url + "?locale=ja-JP")
            #expect(!english.url.contains("locale="))
        }
        for step in japanese.plan(for: japanese.initialState().selection).steps {
            for link in step.links { #expect(link.url.hasSuffix("?locale=ja-JP"), "\(link.url)") }
        }
        for rule in japanese.allRules {
            for source in rule.sources { #expect(source.url.hasSuffix("?locale=ja-JP"), "\(source.url)") }
        }
        for preset in japanese.presets {
            for source in preset.sources { #expect(source.url.hasSuffix("?locale=ja-JP"), "\(source.url)") }
        }
        // The selection's page: in Japanese, with the selection after the language; read back
        // as the same selection, the language neither an error nor an ignored parameter.
        let selection = japanese.initialState().selection
        let address = japanese.url(for: selection)
        #expect(address.hasPrefix("https://docs.stripe.com/connect/design-an-integration?locale=ja-JP&connect-"))
        let read = try japanese.selection(fromURL: address)
        #expect(read.ignoredKeys.isEmpty)
        #expect(try guide.selection(fromURL: address).ignoredKeys.isEmpty, "the English guide reads a Japanese page's address too")
        #expect(try guide.selection(fromURL: address).selection == read.selection)
        #expect(guide.url(for: selection) == address.replacingOccurrences(of: "?locale=ja-JP&", with: "?"))
    }

    @Test("the bundled guide of each locale the binary carries links to Stripe's pages in that language")
    func bundledGuides() {
        for locale in LocaleID.allCases {
            let localized = Guide.bundled(locale)
            guard let parameter = stripeDocsLocale(locale.rawValue) else {
                #expect(localized.links.allSatisfy { !$0.url.contains("locale=") })
                continue
            }
            #expect(localized.links.allSatisfy { $0.url.hasSuffix("?locale=" + parameter) }, "\(locale)")
            #expect(localized.url(for: localized.initialState().selection).contains("?locale=\(parameter)&"))
        }
    }
}
