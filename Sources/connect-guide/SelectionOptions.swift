import ArgumentParser
import ConnectGuideCore
import ConnectGuideContent

/// `--stripe-version`: which Stripe API version's rules are in force. Every command takes it.
struct StripeVersionOption: ParsableArguments {
    @Option(
        name: .customLong("stripe-version"),
        help: ArgumentHelp(
            "The Stripe API version your platform creates accounts with; its rules apply (default: the newest the guide knows).",
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

    @Option(help: ArgumentHelp(
        "Start from a setup Stripe's docs recommend (connect-guide options lists them); flags and the URL override it.",
        valueName: "name"), completion: .list(Guide.bundled.presets.map(\.id)))
    var preset: String?

    @Option(name: .customLong("from-url"), help: ArgumentHelp(
        "Start from a docs page URL (https://docs.stripe.com/connect/design-an-integration?...); its values are kept like flags, and flags override it.",
        valueName: "url"))
    var fromURL: String?

    /// What these flags asked for, as a plain value.
    var flags: SelectionFlags {
        SelectionFlags(
            stripeVersion: version.stripeVersion, properties: properties.inPageOrder, preset: preset, fromURL: fromURL)
    }
}

/// `--resume` for the commands that take a selection: the saved selection is the base.
struct ResumeOption: ParsableArguments {
    @Flag(help: "Start from the selection the guide or --plain saved last ($XDG_STATE_HOME/connect-guide/last.url); the other flags override it. Exits 2 when nothing is saved.")
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
            let instead: String
            switch name {
            case "--print": instead = format ? "; \(command) takes --format" : ""
            case "--fresh": instead = selection ? "; \(command) starts from the defaults unless given --resume" : ""
            default: instead = ""
            }
            throw CLIError.usage(
                "\(command): \(name) belongs to the interactive guide (connect-guide \(name)\(name == "--print" ? " FORMAT" : "")), not to \(command)\(instead)")
        }
        if selection { return start.resume || resume.resume }
        let flags = start.selection.flags
        let selectionFlags: [(String, Bool)] = zip(propertyFlagNames, flags.properties).map { ($0, $1 != nil) } + [
            ("--preset", flags.preset != nil), ("--from-url", flags.fromURL != nil), ("--resume", start.resume),
        ]
        if let (name, _) = selectionFlags.first(where: \.1) {
            throw CLIError.usage(
                "\(command): \(name) belongs to the commands that take a selection (plan, url, config, code, diff) and to the interactive guide, not to \(command)")
        }
        return false
    }
}
