import ConnectGuideText
import ArgumentParser
import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideContent

extension DiffFormat: ExpressibleByArgument {}

struct DiffCommand: ParsableCommand {
    static let usage = "connect-guide diff [<selection-a>] [--format text|json] [--output <file>] -- [<selection-b>]"

    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: cliText.diffAbstract,
        usage: usage,
        discussion: cliText.diffDiscussion)

    // The guide's own flags, read here only to refuse them (ConnectGuide.refuseGuideFlags).
    @ParentCommand var root: ConnectGuide

    @OptionGroup(title: cliText.diffSelectionATitle) var a: SelectionOptions
    @OptionGroup var resumeA: ResumeOption

    @Option(help: ArgumentHelp(cliText.diffFormatHelp))
    var format: DiffFormat?

    @OptionGroup var output: OutputOptions

    // Everything after `--`: the argument parser takes it as positional words, so the
    // second selection is parsed here with the same flags (DiffSelectionB).
    @Argument(parsing: .postTerminator, help: ArgumentHelp(cliText.diffSelectionBHelp, valueName: "selection-b"))
    var b: [String] = []

    func run() throws {
        var a = self.a.flags
        a.resume = try root.checkedResume(in: "diff", own: resumeA)
        // Without `--` there is no second selection; an empty one after `--` means the defaults.
        guard !b.isEmpty || CommandLine.arguments.contains("--") else {
            throw CLIError.usage(cliText.diffNeedsSeparator)
        }
        let sideB: DiffSelectionB
        do {
            sideB = try DiffSelectionB.parse(b)
        } catch {
            // `diff -- --help` asks for this command's help, as `diff --help` does.
            if DiffSelectionB.exitCode(for: error) == .success {
                try writeStandardOutput(ConnectGuide.helpMessage(for: DiffCommand.self) + "\n")
                return
            }
            throw CLIError.usage(cliText.selectionB(message: cliText.selectionBHelpHint(message: DiffSelectionB.message(for: error))))
        }
        // One document, so one --output and one --format: on both sides they conflict.
        if self.output.output != nil, sideB.output != nil {
            throw CLIError.usage(cliText.givenOnBothSides(flag: "--output"))
        }
        if format != nil, sideB.format != nil {
            throw CLIError.usage(cliText.givenOnBothSides(flag: "--format"))
        }
        let base = localizedGuide
        var output = self.output.flags
        if let file = sideB.output { output.path = file }
        output.force = output.force || sideB.force
        let format = output.format(sideB.format ?? format, DiffFormat.init(fileKind:), else: .text)
        // Each side may name its own --stripe-version, to compare what a version changes.
        var b = sideB.selection.flags
        b.resume = sideB.resume.resume
        let guide = try a.guide(base)
        let reportA = try a.report(in: guide, impliedOnStderr: format == .text, label: "A")
        let reportB = try b.report(in: b.guide(base), impliedOnStderr: format == .text, label: "B")
        let diff = guide.diff(reportA, reportB)
        try output.emit(guide.render(diff, as: format))
        // As diff(1): 0 when the plans are the same, 1 when they differ (2 is an error).
        let same = diff.isEmpty && diff.addedSteps.isEmpty && diff.removedSteps.isEmpty && diff.changedSteps.isEmpty
            && diff.addedCautions.isEmpty && diff.removedCautions.isEmpty
        if !same { throw CLIError(message: "", code: Exit.noResult) }
    }
}

/// What may follow `--` in `diff`: selection B, and the output options, which users
/// naturally put at the end of the line. A command only for its name in messages
/// ("connect-guide diff", not the type's name); it is parsed on its own, never run.
struct DiffSelectionB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: cliText.diffSelectionBAbstract, usage: DiffCommand.usage)

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var resume: ResumeOption

    @Option var format: DiffFormat?

    @Option(name: [.customShort("o"), .long]) var output: String?

    @Flag var force = false
}
