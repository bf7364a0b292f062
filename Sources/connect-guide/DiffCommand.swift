import ArgumentParser
import ConnectGuideCore

extension DiffFormat: ExpressibleByArgument {}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the plans of two selections.",
        usage: "connect-guide diff [<selection-a>] [--format text|json] [--output <file>] -- [<selection-b>]",
        discussion: """
            The selection flags before -- are selection A, the ones after it selection B; each \
            side takes every selection flag, --from-url included, and unset properties take \
            their defaults. --format, --output and --force may also come after --.
            Example: connect-guide diff --onboarding hosted -- --onboarding api
            """)

    @OptionGroup(title: "Selection A (before --)") var a: SelectionOptions

    @Option(help: "Output format.")
    var format: DiffFormat = .text

    @OptionGroup var output: OutputOptions

    // Everything after `--`: the argument parser takes it as positional words, so the
    // second selection is parsed here with the same flags (DiffSelectionB).
    @Argument(parsing: .postTerminator, help: ArgumentHelp("Selection B: selection flags after --.", valueName: "selection-b"))
    var b: [String] = []

    func run() throws {
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
            throw CLIError.usage(
                "selection B (after --): \(DiffSelectionB.message(for: error))\nSee connect-guide diff --help for the selection flags.")
        }
        let guide = try loadGuide()
        let format = sideB.format ?? format
        let reportA = try report(for: a, named: "A", in: guide, notes: format == .text)
        let reportB = try report(for: sideB.selection, named: "B", in: guide, notes: format == .text)
        var output = output
        if let file = sideB.output { output.output = file }
        output.force = output.force || sideB.force
        try output.emit(guide.render(guide.diff(reportA, reportB), as: format))
    }

    private func report(for selection: SelectionOptions, named name: String, in guide: Guide, notes: Bool) throws -> PlanReport {
        let completion: Completion
        do {
            completion = try selection.completion(in: guide) { printError("selection \(name): \($0)") }
        } catch let error as CLIError {
            throw CLIError(message: "selection \(name): \(error.message)", code: error.code)
        }
        if notes {
            for move in completion.implied { printError("selection \(name): note: \(guide.describe(move))") }
        }
        return PlanReport(plan: guide.plan(for: completion.selection), implied: completion.implied)
    }
}

/// What may follow `--` in `diff`: selection B, and the output options, which users
/// naturally put at the end of the line.
struct DiffSelectionB: ParsableArguments {
    @OptionGroup var selection: SelectionOptions

    @Option var format: DiffFormat?

    @Option(name: [.customShort("o"), .long]) var output: String?

    @Flag var force = false
}
