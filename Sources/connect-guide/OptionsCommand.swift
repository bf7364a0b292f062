import ArgumentParser
import ConnectGuideCore
import ConnectGuideContent

extension OptionsFormat: ExpressibleByArgument {}

struct OptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "options",
        abstract: "List the properties, their options (with every accepted name) and the rules.")

    @OptionGroup var version: StripeVersionOption

    @Option(help: "Output format.")
    var format: OptionsFormat = .text

    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.emit(try version.guide(.bundled).renderOptions(as: format))
    }
}
