import Foundation
import Testing

/// --locale and the locale variables, as a user meets them: every command speaks the
/// locale chosen, JSON says which, ids stay the same, a bad choice exits 2.
@Suite("Choosing the locale on the command line")
struct LocaleCommandTests {
    /// The locales other than English the binary carries (translations arrive per locale).
    static let carried: [String] = ["ja", "de", "fr", "es"].filter { (try? run(["--locale", $0, "url"]))?.status == 0 }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("a --locale that names no locale, or none, or twice, exits 2 naming the accepted ones; nothing on stdout")
    func badFlag() throws {
        for arguments in [["--locale", "xx", "plan"], ["plan", "--locale=pt"], ["plan", "--locale"], ["--locale", "--plain"], ["url", "--locale="]] {
            let result = try run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr.contains("en"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("--locale"), "\(arguments): \(result.stderr)")
        }
        let twice = try run(["--locale", "en", "url", "--locale", "en"])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("more than once"))
    }

    @Test("a locale variable naming a language the binary lacks: English, with one note on stderr; C and POSIX are English without one")
    func unsupportedEnvironment() throws {
        let english = try run(["plan", "--onboarding", "api"])
        let portuguese = try run(["plan", "--onboarding", "api"], environment: ["LANG": "pt_BR.UTF-8"])
        #expect(portuguese.status == 0)
        #expect(portuguese.stdout == english.stdout)
        let notes = portuguese.stderr.split(separator: "\n").filter { $0.contains("pt_BR.UTF-8") }
        #expect(notes.count == 1, "\(portuguese.stderr)")
        #expect(notes.first?.contains("LANG") == true)
        #expect(portuguese.stderr.split(separator: "\n").count == english.stderr.split(separator: "\n").count + 1)
        for value in ["C", "POSIX", "C.UTF-8", "en_US.UTF-8"] {
            let result = try run(["url"], environment: ["LANG": value])
            #expect(result.stderr.isEmpty, "\(value): \(result.stderr)")
        }
        // The strongest variable decides: LC_ALL over LANG.
        let forced = try run(["plan", "--format", "json"], environment: ["LC_ALL": "C", "LANG": "ja_JP.UTF-8"])
        #expect(try json(forced.stdout)["locale"] as? String == "en")
    }

    @Test("English JSON says so; the README's URL example is unchanged")
    func english() throws {
        let plan = try run(["plan", "--format", "json"])
        #expect(try json(plan.stdout)["locale"] as? String == "en")
        let url = try run(["url", "--onboarding", "api"])
        #expect(url.stdout.hasPrefix("https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=api&"))
    }

    @Test("each locale the binary carries: every command speaks it, by --locale and by LANG; JSON's ids are English's, its locale field the locale, its links Stripe's pages in that language")
    func everyLocale() throws {
        let englishPlan = try json(try run(["plan", "--preset", "marketplace", "--format", "json"]).stdout)
        for code in Self.carried {
            let byFlag = try run(["--locale", code, "plan", "--preset", "marketplace", "--format", "json"])
            #expect(byFlag.status == 0, "\(code): \(byFlag.stderr)")
            let plan = try json(byFlag.stdout)
            #expect(plan["locale"] as? String == code)
            #expect(plan["selection"] as? [String: String] == englishPlan["selection"] as? [String: String], "\(code)")
            #expect((plan["steps"] as? [[String: Any]])?.map { $0["id"] as? String } == (englishPlan["steps"] as? [[String: Any]])?.map { $0["id"] as? String })
            let stripeLocale = ["ja": "ja-JP", "de": "de-DE", "fr": "fr-FR", "es": "es-ES"][code]!
            #expect(byFlag.stdout.contains("?locale=\(stripeLocale)"), "\(code)")
            // The environment chooses the same.
            let variant = ["ja": "ja_JP.UTF-8", "de": "de_DE.UTF-8", "fr": "fr_FR.UTF-8", "es": "es_ES.UTF-8"][code]!
            let byLang = try run(["plan", "--preset", "marketplace", "--format", "json"], environment: ["LANG": variant])
            #expect(byLang.stdout == byFlag.stdout, "\(code)")
            #expect(byLang.stderr == byFlag.stderr, "\(code)")
            // The text plan is in that language: not the English one.
            let text = try run(["--locale", code, "plan", "--preset", "marketplace"])
            #expect(text.status == 0)
            #expect(text.stdout != (try run(["plan", "--preset", "marketplace"])).stdout)
            // Every command takes it, wherever it stands on the line.
            for arguments in [
                ["url", "--locale", code], ["config", "--locale", code], ["config", "--api", "v2", "--locale=\(code)"],
                ["--locale", code, "options"], ["options", "--format", "json", "--locale", code], ["code", "--locale", code],
                ["diff", "--locale", code, "--onboarding", "api", "--", "--onboarding", "embedded"],
                ["plan", "--format", "markdown", "--locale", code], ["plan", "--format", "prompt", "--locale", code],
            ] {
                let result = try run(arguments)
                #expect([0, 1].contains(result.status), "\(arguments): \(result.stderr)")
                #expect(!result.stdout.isEmpty, "\(arguments)")
            }
            // The selection's page in that language reads back as the same selection.
            let url = try run(["--locale", code, "url", "--onboarding", "api"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(url.contains("?locale=\(stripeLocale)&connect-"), "\(url)")
            let back = try run(["--locale", code, "url", "--from-url", url])
            #expect(back.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == url)
            #expect(back.stderr.isEmpty, "the page's locale parameter is not an unknown one: \(back.stderr)")
        }
    }

    /// The `--help` line of each property flag, by property id, read from Assets/: the
    /// English guide.json, or a locale's content.json.
    func propertyHelp(locale code: String) throws -> [String: String] {
        let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Assets")
        let guide = try json(try String(contentsOf: assets.appendingPathComponent("guide.json"), encoding: .utf8))
        let properties = try #require(guide["properties"] as? [[String: Any]])
        var lines: [String: String] = [:]
        for property in properties {
            let id = try #require(property["id"] as? String)
            lines[id] = try #require(property["cliHelp"] as? String)
        }
        guard code != "en" else { return lines }
        let content = try json(try String(contentsOf: assets.appendingPathComponent("locales/\(code)/content.json"), encoding: .utf8))
        let translated = try #require(content["guide.json"] as? [String: String])
        for id in lines.keys {
            let line: String = try #require(translated["properties[\(id)].cliHelp"], "\(code): \(id)")
            lines[id] = line
        }
        return lines
    }

    @Test("plan --help gives each property flag's help in the run's locale, none in English; English's are unchanged")
    func propertyFlagHelp() throws {
        let english = try propertyHelp(locale: "en")
        #expect(english.count == 5)
        let englishHelp = try run(["plan", "--help"])
        for line in english.values { #expect(englishHelp.stdout.contains(line), "\(line)") }
        #expect(!Self.carried.isEmpty)
        for code in Self.carried {
            let translated = try propertyHelp(locale: code)
            for arguments in [["--locale", code, "plan", "--help"], ["plan", "--help", "--locale=\(code)"]] {
                let help = try run(arguments)
                #expect(help.status == 0, "\(arguments): \(help.stderr)")
                for (id, line) in translated {
                    #expect(help.stdout.contains(line), "\(code) \(id): \(line)\n\(help.stdout)")
                    #expect(!help.stdout.contains(english[id]!), "\(code) \(id) is English: \(english[id]!)")
                }
            }
            let byLang = try run(["plan", "--help"], environment: ["LANG": code + "_" + code.uppercased() + ".UTF-8"])
            for line in translated.values { #expect(byLang.stdout.contains(line), "LANG \(code): \(line)") }
        }
    }

    @Test("Japanese documents end sentences with 。 alone: no \"。.\", no English full stop after a notice's id, for every preset and format")
    func japaneseFullStops() throws {
        guard Self.carried.contains("ja") else { return }
        let presets = try #require(try json(try run(["options", "--format", "json"]).stdout)["presets"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(presets.count > 3)
        for preset in presets {
            for format in ["text", "markdown", "prompt"] {
                let result = try run(["--locale", "ja", "plan", "--preset", preset, "--format", format])
                #expect(result.status == 0)
                #expect(result.stdout.contains("。"))
                #expect(!result.stdout.contains("。."), "\(preset) \(format)")
                #expect(!result.stdout.contains(")."), "\(preset) \(format): an English full stop")
            }
        }
        // The same Markdown in English keeps its full stops.
        let english = try run(["plan", "--preset", "api-onboarding", "--format", "markdown"]).stdout
        #expect(english.contains("(A12). "))
    }
}
