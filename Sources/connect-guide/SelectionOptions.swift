import ConnectGuideText
import ArgumentParser
import ConnectGuideCore
import ConnectGuideContent

/// `--stripe-version`: which Stripe API version's rules are in force. Every command takes it.
struct StripeVersionOption: ParsableArguments {
    @Option(
        name: .customLong("stripe-version"),
        help: ArgumentHelp(
            cliText.stripeVersionHelp,
            valueName: "YYYY-MM-DD[.name]"))
    var stripeVersion: String?

    /// The guide with the rules of the version asked for (see `SelectionFlags.guide`).
    func guide(_ guide: Guide) throws -> Guide {
        try SelectionFlags(stripeVersion: stripeVersion).guide(guide)
    }
}

/// The SELECTION flags shared by every command, for the argument
/// parser; what they ask for is a `SelectionFlags`.
struct SelectionOptions: ParsableArguments {
    @OptionGroup var version: StripeVersionOption

    // A flag per property, generated from the content (PropertyOptions.swift).
    @OptionGroup var properties: PropertyOptions

    @Option(help: ArgumentHelp(cliText.presetHelp, valueName: "name"), completion: .list(Guide.bundled.presets.map(\.id)))
    var preset: String?

    @Option(name: .customLong("from-url"), help: ArgumentHelp(cliText.fromURLHelp, valueName: "url"))
    var fromURL: String?

    /// What these flags asked for, as a plain value.
    var flags: SelectionFlags {
        SelectionFlags(
            stripeVersion: version.stripeVersion, properties: properties.inPageOrder, preset: preset, fromURL: fromURL)
    }
}

/// `--resume` for the commands that take a selection: the saved selection is the base.
struct ResumeOption: ParsableArguments {
    @Flag(help: ArgumentHelp(cliText.resumeHelp))
    var resume = false
}

extension ConnectGuide {
    /// Refuses the guide's own flags given with a subcommand, and returns whether
    /// --resume was given. The argument parser reads a flag of the root command wherever
    /// it appears on the line (`plan --print json`, `url --fresh`, `options --onboarding
    /// api`) into the root, whose `run` a subcommand never calls: taken and silently
    /// dropped. An option both have reaches both; `--resume`, a flag, reaches only the
    /// root, so the command reads it from there. `command` names the subcommand, `format`
    /// says whether it takes --format, `selection` whether it takes selection flags and
    /// --resume.
    func checkedResume(in command: String, format: Bool = true, selection: Bool = true, own resume: ResumeOption) throws -> Bool {
        let guideFlags: [(String, Bool)] = [
            ("--print", interactive.printFormat != nil), ("--fresh", start.fresh), ("--plain", start.plain),
        ]
        if let (name, _) = guideFlags.first(where: \.1) {
            let message = cliText.guideFlagElsewhere(command: command, flag: name, usage: "connect-guide \(name)\(name == "--print" ? " FORMAT" : "")")
            switch name {
            case "--print" where format: throw CLIError.usage(cliText.printTakesFormatInstead(message: message, command: command))
            case "--fresh" where selection: throw CLIError.usage(cliText.freshStartsFromDefaults(message: message, command: command))
            default: throw CLIError.usage(message)
            }
        }
        if selection { return start.resume || resume.resume }
        let flags = start.selection.flags
        let selectionFlags: [(String, Bool)] = zip(propertyFlagNames, flags.properties).map { ($0, $1 != nil) } + [
            ("--preset", flags.preset != nil), ("--from-url", flags.fromURL != nil), ("--resume", start.resume),
        ]
        if let (name, _) = selectionFlags.first(where: \.1) {
            throw CLIError.usage(cliText.selectionFlagElsewhere(command: command, flag: name))
        }
        return false
    }
}
