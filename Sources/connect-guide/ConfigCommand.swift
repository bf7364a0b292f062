import ConnectGuideText
import ArgumentParser
import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideContent

extension AccountsAPI: ExpressibleByArgument {}
extension ConfigFormat: ExpressibleByArgument {}

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: cliText.configAbstract,
        discussion: cliText.configDiscussion)

    // The guide's own flags, read here only to refuse them (ConnectGuide.refuseGuideFlags).
    @ParentCommand var root: ConnectGuide

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var resume: ResumeOption

    @Option(help: ArgumentHelp(cliText.configAPIHelp))
    var api: AccountsAPI = .v1

    @Option(help: ArgumentHelp(cliText.configFormatHelp))
    var format: ConfigFormat?

    @OptionGroup var output: OutputOptions

    func run() throws {
        var selection = self.selection.flags
        selection.resume = try root.checkedResume(in: "config", own: resume)
        let output = self.output.flags
        let guide = try selection.guide(localizedGuide)
        let format = output.format(format, ConfigFormat.init(fileKind:), else: .json)
        let report = try selection.report(in: guide, impliedOnStderr: format != .json)
        if let since = report.plan.configuration(for: api).unavailableBefore {
            throw CLIError.usage(guide.text.cli.apiNeedsVersion(api: api.rawValue, since: since.description, version: guide.apiVersion.description))
        }
        try output.emit(guide.renderConfiguration(report, api: api, as: format))
    }
}
