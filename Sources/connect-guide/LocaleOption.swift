import ConnectGuideContent
import ConnectGuideCore
import ConnectGuidePlatform
import ConnectGuideText

// --locale, on every command: read off the command line before anything else parses it,
// so each command, the common command lines, the full-screen guide and plain mode all
// speak the one locale chosen here (`LocaleChoice` in ConnectGuideText decides which).

/// The command line without `--locale VALUE` / `--locale=VALUE`, and that value.
struct LocaleFlag: Hashable, Sendable {
    var arguments: [String]
    var value: String?

    enum Problem: Error, Hashable {
        case missingValue
        case repeated
    }

    init(_ arguments: [String]) throws(Problem) {
        var rest: [String] = []
        var value: String?
        var words = arguments[...]
        while let word = words.popFirst() {
            let given: String
            if word == "--locale" {
                guard let next = words.popFirst(), !next.isEmpty, !next.hasPrefix("-") else { throw .missingValue }
                given = next
            } else if word.hasPrefix("--locale=") {
                given = String(word.dropFirst("--locale=".count))
                guard !given.isEmpty else { throw .missingValue }
            } else {
                rest.append(word)
                continue
            }
            guard value == nil else { throw .repeated }
            value = given
        }
        self.arguments = rest
        self.value = value
    }
}

/// The locales --locale accepts, for messages: "en, ja, de, fr, es".
let acceptedLocales = LocaleID.allCases.map(\.rawValue).joined(separator: ", ")

/// The process's environment, read once for the run.
let runEnvironment = processEnvironment()

/// The locale of this run: --locale, else LC_ALL, LC_MESSAGES or LANG, else English.
/// `chooseLocale` has already refused a bad --locale by the time anything reads this.
let runLocale: LocaleID = {
    let environment = runEnvironment
    let flag = try? LocaleFlag(Array(CommandLine.arguments.dropFirst()))
    return (try? LocaleChoice.resolve(flag: flag?.value, environment: { environment[$0] }))?.locale ?? .en
}()

/// The strings of this run's locale.
let runText = UIText.bundled(runLocale)

/// The guide's content in this run's locale, its docs links to Stripe's pages in that language.
var localizedGuide: Guide { Guide.bundled(runLocale) }

/// Reads --locale off the command line: the arguments left for the commands. A bad value
/// exits 2 with the accepted ones; an environment locale the binary lacks gets one note
/// on stderr, before any command runs (and before the full-screen guide takes the screen).
func chooseLocale(_ arguments: [String], environment: Environment) throws -> [String] {
    // The messages of a bad --locale are in the environment's language.
    let fallback = UIText.bundled((try? LocaleChoice.resolve(flag: nil, environment: { environment[$0] }))?.locale ?? .en)
    let flag: LocaleFlag
    do {
        flag = try LocaleFlag(arguments)
    } catch .missingValue {
        throw CLIError.usage(fallback.languages.missingLocale(accepted: acceptedLocales))
    } catch {
        throw CLIError.usage(fallback.languages.repeatedLocale)
    }
    do {
        let choice = try LocaleChoice.resolve(flag: flag.value, environment: { environment[$0] })
        if let unsupported = choice.unsupported {
            printError(
                "connect-guide: "
                    + runText.languages.unsupportedEnvironmentLocale(
                        variable: unsupported.variable, value: UntrustedText.quoted(unsupported.value), accepted: acceptedLocales))
        }
    } catch {
        throw CLIError.usage(fallback.languages.invalidLocale(given: UntrustedText.quoted(error.given), accepted: acceptedLocales))
    }
    return flag.arguments
}
