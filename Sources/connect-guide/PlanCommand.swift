import ConnectGuideText
import ArgumentParser
import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideContent

extension PlanFormat: ExpressibleByArgument {}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: cliText.planAbstract,
        discussion: cliText.planDiscussion)

    // The guide's own flags, read here only to refuse them (ConnectGuide.refuseGuideFlags).
    @ParentCommand var root: ConnectGuide

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var resume: ResumeOption

    @Option(help: ArgumentHelp(cliText.planFormatHelp))
    var format: PlanFormat?

    @OptionGroup var output: OutputOptions

    func run() throws {
        var selection = self.selection.flags
        selection.resume = try root.checkedResume(in: "plan", own: resume)
        try PlanFlags(selection: selection, format: format, output: output.flags).run()
    }
}

/// `plan` as asked, a plain value that the argument parser and `CommonCommandLine` both give.
struct PlanFlags: Hashable, Sendable {
    var selection = SelectionFlags()
    var format: PlanFormat?
    var output = OutputFlags()

    func run() throws {
        let guide = try selection.guide(localizedGuide)
        let format = output.format(format, PlanFormat.init(fileKind:), else: .text)
        let report = try selection.report(in: guide, impliedOnStderr: format != .json)
        try output.emit(guide.render(report, as: format))
    }
}
