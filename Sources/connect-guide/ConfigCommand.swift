import ArgumentParser
import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideContent

extension AccountsAPI: ExpressibleByArgument {}
extension ConfigFormat: ExpressibleByArgument {}

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the account parameters for a selection, as JSON or a curl request.",
        discussion: """
            --format curl prints the request that creates a connected account configured for \
            the selection, with $STRIPE_SECRET_KEY left for your shell to fill in. \
            connect-guide never asks for, reads or stores a key.
            """)

    // The guide's own flags, read here only to refuse them (ConnectGuide.refuseGuideFlags).
    @ParentCommand var root: ConnectGuide

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var resume: ResumeOption

    @Option(help: "Which Accounts API: v1 (POST /v1/accounts) or v2 (POST /v2/core/accounts).")
    var api: AccountsAPI = .v1

    @Option(help: "Output format (default: from the --output file's extension, .sh curl, .json json; else json).")
    var format: ConfigFormat?

    @OptionGroup var output: OutputOptions

    func run() throws {
        var selection = self.selection.flags
        selection.resume = try root.checkedResume(in: "config", own: resume)
        let output = self.output.flags
        let guide = try selection.guide(.localized)
        let format = output.format(format, ["sh": .curl, "json": .json], else: .json)
        let report = try selection.report(in: guide, impliedOnStderr: format != .json)
        if let since = report.plan.configuration(for: api).unavailableBefore {
            throw CLIError.usage(
                "Accounts \(api.rawValue) needs Stripe API version \(since) or later, and --stripe-version is \(guide.apiVersion); pass a later --stripe-version, or use --api v1")
        }
        try output.emit(guide.renderConfiguration(report, api: api, as: format))
    }
}
