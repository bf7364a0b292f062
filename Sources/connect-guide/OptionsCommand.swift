import ConnectGuideText
import ArgumentParser
import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideContent

extension OptionsFormat: ExpressibleByArgument {}

struct OptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "options",
        abstract: cliText.optionsAbstract)

    // The guide's own flags, read here only to refuse them (ConnectGuide.refuseGuideFlags).
    @ParentCommand var root: ConnectGuide

    @OptionGroup var version: StripeVersionOption

    @Option(help: ArgumentHelp(cliText.optionsFormatHelp))
    var format: OptionsFormat?

    @OptionGroup var output: OutputOptions

    func run() throws {
        _ = try root.checkedResume(in: "options", selection: false, own: ResumeOption())
        let output = self.output.flags
        let format = output.format(format, OptionsFormat.init(fileKind:), else: .text)
        try output.emit(try version.guide(localizedGuide).renderOptions(as: format))
    }
}
