import ConnectGuideText
import ArgumentParser
import ConnectGuideCore
import ConnectGuideContent

import ConnectGuidePlatform

struct ConnectGuide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connect-guide",
        abstract: cliText.guideAbstract,
        discussion: cliText.guideDiscussion(about: aboutTheGuide + "\n\n" + runText.languages.localeHelp(accepted: LocaleID.allCases.map(\.rawValue).joined(separator: "|"))),
        version: version,
        subcommands: [PlanCommand.self, UrlCommand.self, ConfigCommand.self, CodeCommand.self, OptionsCommand.self, DiffCommand.self])

    // Selection flags, --resume and --plain for an interactive session (StartOptions.swift).
    @OptionGroup var start: StartOptions

    // --print, for the full-screen guide (InteractiveCommand.swift).
    @OptionGroup var interactive: InteractiveOptions

    func run() throws {
        try start.flags(printing: interactive.printFormat).run()
    }
}

/// The scope and prerequisites from the content, and the default --stripe-version, for --help.
let aboutTheGuide: String = {
    let guide = localizedGuide
    return cliText.aboutTheGuide(scope: guide.scopeStatement, prerequisites: guide.prerequisites, version: guide.newestAPIVersion.description)
}()

let version: String = {
    let guide = Guide.bundled
    return cliText.versionLine(version: "0.1.0", contentVersion: guide.contentVersion)
}()

/// A message on stderr. Its control characters are escaped, whatever put them there: a
/// message must never drive the terminal it is read on.
func printError(_ message: String) {
    var standardError = StandardError()
    print(UntrustedText.escapingControls(inMessage: message), to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        // A message that cannot be written has nowhere else to go.
        _ = writeAll(Array(string.utf8), to: 2)
    }
}

/// The unknown name in `help NAME...`, for which the argument parser would show the
/// top-level help and exit 0 as though nothing were wrong.
func unknownHelpTopic(_ arguments: [String]) -> String? {
    guard arguments.first == "help" else { return nil }
    var commands = ConnectGuide.configuration.subcommands
    for name in arguments.dropFirst() where !name.hasPrefix("-") {
        guard let command = commands.first(where: { $0._commandName == name }) else { return name }
        commands = command.configuration.subcommands
    }
    return nil
}

@main
enum Main {
    static func main() {
        do {
            let arguments = try chooseLocale(Array(CommandLine.arguments.dropFirst()), environment: runEnvironment)
            // The common command lines skip the argument parser (CommonCommandLine.swift).
            if let common = CommonCommandLine(arguments) {
                try common.run()
                return
            }
            try refuseRepeatedOptions(arguments)
            if let word = arguments.first, !word.hasPrefix("-"), word != "help" {
                let commands = ConnectGuide.configuration.subcommands.map { $0._commandName }
                if !commands.contains(word) {
                    let given = UntrustedText.quoted(word), all = commands.joined(separator: ", ")
                    throw CLIError.usage(
                        suggestion(for: word, among: commands).map { cliText.unknownCommandSuggesting(command: given, suggestion: $0, commands: all) }
                            ?? cliText.unknownCommand(command: given, commands: all))
                }
            }
            if let topic = unknownHelpTopic(arguments) {
                let commands = ConnectGuide.configuration.subcommands.map { $0._commandName }.joined(separator: ", ")
                throw CLIError.usage(cliText.unknownHelpTopic(command: UntrustedText.quoted(topic), commands: commands))
            }
            var command = try ConnectGuide.parseAsRoot(arguments)
            try command.run()
        } catch let error as CLIError {
            // An empty message is an exit status with nothing to say (diff: the plans differ).
            if !error.message.isEmpty { printError("connect-guide: \(error.message)") }
            exit(error.code)
        } catch {
            let code = ConnectGuide.exitCode(for: error)
            let message = ConnectGuide.fullMessage(for: error)
            if code == .success {
                // --help, --version: a document like any other, so a failed write exits 1.
                do {
                    try writeStandardOutput(message + "\n")
                } catch {
                    printError("connect-guide: \(error)")
                    exit(Exit.noResult)
                }
                exit(Exit.success)
            }
            // One error style: "connect-guide: what is wrong", as the guide's own errors.
            printError(message.hasPrefix("Error: ") ? "connect-guide: " + message.dropFirst("Error: ".count) : message)
            // The argument parser's usage errors (64) become our documented 2.
            exit(code == .validationFailure ? Exit.usage : code.rawValue)
        }
    }
}
