import ArgumentParser
import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideContent

extension DiffFormat: ExpressibleByArgument {}

struct DiffCommand: ParsableCommand {
    static let usage = "connect-guide diff [<selection-a>] [--format text|json] [--output <file>] -- [<selection-b>]"

    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the plans of two selections.",
        usage: usage,
        discussion: """
            The selection flags before -- are selection A, the ones after it selection B; each \
            side takes every selection flag, --from-url included, and unset properties take \
            their defaults. --format, --output and --force may also come after -- (--format and \
            --output on one side only). Exit status: 0 when the plans are the same, 1 when they \
            differ, 2 on an error.
            Example: connect-guide diff --onboarding hosted -- --onboarding api
            """)

    // The guide's own flags, read here only to refuse them (ConnectGuide.refuseGuideFlags).
    @ParentCommand var root: ConnectGuide

    @OptionGroup(title: "Selection A (before --)") var a: SelectionOptions
    @OptionGroup var resumeA: ResumeOption

    @Option(help: "Output format (default: from the --output file's extension, .json json, .txt text; else text).")
    var format: DiffFormat?

    @OptionGroup var output: OutputOptions

    // Everything after `--`: the argument parser takes it as positional words, so the
    // second selection is parsed here with the same flags (DiffSelectionB).
    @Argument(parsing: .postTerminator, help: ArgumentHelp("Selection B: selection flags after --.", valueName: "selection-b"))
    var b: [String] = []

    func run() throws {
        var a = self.a.flags
        a.resume = try root.checkedResume(in: "diff", own: resumeA)
        // Without `--` there is no second selection; an empty one after `--` means the defaults.
        guard !b.isEmpty || CommandLine.arguments.contains("--") else {
            throw CLIError.usage("""
                diff compares two selections: put -- between them, for example
                  connect-guide diff --onboarding hosted -- --onboarding api
                """)
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
            throw CLIError.usage(
                "selection B (after --): \(DiffSelectionB.message(for: error))\nSee connect-guide diff --help for the selection flags.")
        }
        // One document, so one --output and one --format: on both sides they conflict.
        if self.output.output != nil, sideB.output != nil {
            throw CLIError.usage("--output is given on both sides of --; diff writes one document: give it once")
        }
        if format != nil, sideB.format != nil {
            throw CLIError.usage("--format is given on both sides of --; diff writes one document: give it once")
        }
        let base = Guide.localized
        var output = self.output.flags
        if let file = sideB.output { output.path = file }
        output.force = output.force || sideB.force
        let format = output.format(sideB.format ?? format, ["json": .json, "txt": .text], else: .text)
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
        commandName: "diff", abstract: "Selection B of connect-guide diff: the flags after --.", usage: DiffCommand.usage)

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var resume: ResumeOption

    @Option var format: DiffFormat?

    @Option(name: [.customShort("o"), .long]) var output: String?

    @Flag var force = false
}
