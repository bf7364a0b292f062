import ConnectGuideText
import ArgumentParser
import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideContent

extension QuickstartLanguage: ExpressibleByArgument {}

struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: cliText.codeAbstract,
        discussion: cliText.codeDiscussion)

    // The guide's own flags, read here only to refuse them (ConnectGuide.refuseGuideFlags).
    @ParentCommand var root: ConnectGuide

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var resume: ResumeOption

    @Option(help: ArgumentHelp(cliText.codeAPIHelp))
    var api: AccountsAPI = .v1

    @Option(help: ArgumentHelp(cliText.codeLanguageHelp))
    var lang: QuickstartLanguage?

    @Option(help: ArgumentHelp(cliText.codeStepHelp, valueName: "N"))
    var step: Int?

    @OptionGroup var output: OutputOptions

    func run() throws {
        var selection = self.selection.flags
        selection.resume = try root.checkedResume(in: "code", format: false, own: resume)
        let output = self.output.flags
        let guide = try selection.guide(localizedGuide)
        let language = output.format(lang, QuickstartLanguage.init(fileKind:), else: .python, flag: "--lang")
        let report = try selection.report(in: guide, impliedOnStderr: true)
        if let since = report.plan.configuration(for: api).unavailableBefore {
            throw CLIError.usage(guide.text.cli.apiNeedsVersion(api: api.rawValue, since: since.description, version: guide.apiVersion.description))
        }
        if let step {
            guard let code = guide.quickstartStepCode(report.plan, api: api, language: language, step: step) else {
                throw CLIError.usage(guide.text.cli.stepOutOfRange(step: String(step), last: String(report.plan.steps.count)))
            }
            try output.emit(code)
        } else {
            try output.emit(guide.quickstartScript(report, api: api, language: language))
        }
    }
}
