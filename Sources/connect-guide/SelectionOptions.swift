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

    @Option(help: ArgumentHelp("How accounts onboard.", valueName: values(.onboarding)), completion: .list(values(.onboarding, aliases: true)))
    var onboarding: String?

    @Option(help: ArgumentHelp("Which dashboard accounts get.", valueName: values(.dashboard)), completion: .list(values(.dashboard, aliases: true)))
    var dashboard: String?

    @Option(
        name: .customLong("charge-type"), help: ArgumentHelp("How charges are made.", valueName: values(.chargeType)),
        completion: .list(values(.chargeType, aliases: true)))
    var chargeType: String?

    @Option(help: ArgumentHelp("Who pays Stripe's fees.", valueName: values(.fees)), completion: .list(values(.fees, aliases: true)))
    var fees: String?

    @Option(help: ArgumentHelp("Who covers negative balances.", valueName: values(.liability)), completion: .list(values(.liability, aliases: true)))
    var liability: String?

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
            stripeVersion: version.stripeVersion, onboarding: onboarding, dashboard: dashboard, chargeType: chargeType, fees: fees,
            liability: liability, preset: preset, fromURL: fromURL)
    }
}

/// A property's CLI values, as the value name in --help ("hosted|embedded|api").
private func values(_ property: PropertyID) -> String {
    let guide = Guide.bundled
    return guide.property(property).options.map(\.cliValue).joined(separator: "|")
}

/// What shell completion offers for a property's flag: the CLI values, then the aliases.
private func values(_ property: PropertyID, aliases: Bool) -> [String] {
    let guide = Guide.bundled
    let options = guide.property(property).options
    return options.map(\.cliValue) + (aliases ? options.flatMap(\.aliases) : [])
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
        let selectionFlags: [(String, Bool)] = [
            ("--onboarding", flags.onboarding != nil), ("--dashboard", flags.dashboard != nil),
            ("--charge-type", flags.chargeType != nil), ("--fees", flags.fees != nil), ("--liability", flags.liability != nil),
            ("--preset", flags.preset != nil), ("--from-url", flags.fromURL != nil), ("--resume", start.resume),
        ]
        if let (name, _) = selectionFlags.first(where: \.1) {
            throw CLIError.usage(
                "\(command): \(name) belongs to the commands that take a selection (plan, url, config, code, diff) and to the interactive guide, not to \(command)")
        }
        return false
    }
}
