import ArgumentParser
import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideContent

extension QuickstartLanguage: ExpressibleByArgument {}

struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Print the plan's API calls as a runnable quickstart, in curl or Python.",
        discussion: """
            The whole quickstart runs top to bottom against a sandbox: it reads the key from \
            $STRIPE_SECRET_KEY and refuses a live key (sk_live_, rk_live_). --step N prints \
            the code of one step. It covers the plan's API calls, not a whole application.
            """)

    // The guide's own flags, read here only to refuse them (ConnectGuide.refuseGuideFlags).
    @ParentCommand var root: ConnectGuide

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var resume: ResumeOption

    @Option(help: "Which Accounts API: v1 or v2.")
    var api: AccountsAPI = .v1

    @Option(help: "curl or python (default: from the --output file's extension, .sh curl, .py python; else python).")
    var lang: QuickstartLanguage?

    @Option(help: ArgumentHelp("Print only the code of step N of the plan.", valueName: "N"))
    var step: Int?

    @OptionGroup var output: OutputOptions

    func run() throws {
        var selection = self.selection.flags
        selection.resume = try root.checkedResume(in: "code", format: false, own: resume)
        let output = self.output.flags
        let guide = try selection.guide(.localized)
        let language = output.format(lang, ["sh": .curl, "py": .python], else: .python, flag: "--lang")
        let report = try selection.report(in: guide, impliedOnStderr: true)
        if let since = report.plan.configuration(for: api).unavailableBefore {
            throw CLIError.usage(
                "Accounts \(api.rawValue) needs Stripe API version \(since) or later, and --stripe-version is \(guide.apiVersion); pass a later --stripe-version, or use --api v1")
        }
        if let step {
            guard let code = guide.quickstartStepCode(report.plan, api: api, language: language, step: step) else {
                throw CLIError.usage("--step \(step): the plan has steps 1 to \(report.plan.steps.count)")
            }
            try output.emit(code)
        } else {
            try output.emit(guide.quickstartScript(report, api: api, language: language))
        }
    }
}
