// Which locale a run speaks: `--locale` when given, else the POSIX locale variables, else
// English. Pure: the command line's value and the environment come in, a locale (and what
// to tell the user) comes out; the executable does the printing.

/// The locale a run uses, and an environment locale it could not honour.
public struct LocaleChoice: Hashable, Sendable {
    public var locale: LocaleID
    /// The variable that named a language the binary has no text for: the run is in
    /// English and says so once.
    public var unsupported: EnvironmentLocale?

    /// A locale variable and its value (`LANG`, `pt_BR.UTF-8`).
    public struct EnvironmentLocale: Hashable, Sendable {
        public let variable: String
        public let value: String
    }

    /// A `--locale` value that names no locale the binary carries.
    public struct InvalidFlag: Error, Hashable, Sendable {
        public let given: String

        public init(given: String) { self.given = given }
    }

    /// The variables that name the language of messages, strongest first (POSIX): the
    /// first one set to a non-empty value decides.
    public static let variables = ["LC_ALL", "LC_MESSAGES", "LANG"]

    /// `--locale` (`flag`) when given, else the first of LC_ALL, LC_MESSAGES and LANG that is
    /// set: `ja_JP.UTF-8` is Japanese, `C` and `POSIX` English; a language the binary has no
    /// text for is English, reported in `unsupported`. Else English.
    public static func resolve(flag: String?, environment: (String) -> String?) throws(InvalidFlag) -> LocaleChoice {
        if let flag {
            guard let locale = LocaleID(rawValue: flag.lowercased()) else { throw InvalidFlag(given: flag) }
            return LocaleChoice(locale: locale)
        }
        for variable in variables {
            guard let value = environment(variable), !value.isEmpty else { continue }
            guard let language = language(ofPOSIXLocale: value) else { return LocaleChoice(locale: .en) }
            guard let locale = LocaleID(rawValue: language) else {
                return LocaleChoice(locale: .en, unsupported: EnvironmentLocale(variable: variable, value: value))
            }
            return LocaleChoice(locale: locale)
        }
        return LocaleChoice(locale: .en)
    }

    /// The language code of a POSIX locale name, `language[_territory][.codeset][@modifier]`,
    /// in lower case: `ja_JP.UTF-8` → `ja`, `de` → `de`. Nil for the C locale (`C`, `POSIX`,
    /// `C.UTF-8`), which is English.
    public static func language(ofPOSIXLocale name: String) -> String? {
        let language = name.prefix { $0 != "_" && $0 != "." && $0 != "@" && $0 != "-" }
        guard language != "C", language != "POSIX" else { return nil }
        return language.lowercased()
    }
}
