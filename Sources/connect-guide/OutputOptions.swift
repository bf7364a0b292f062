import ConnectGuideText
import ArgumentParser
import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideStorage

/// `--output FILE` and `--force`, for every command that writes a document.
struct OutputOptions: ParsableArguments {
    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp(cliText.outputHelp, valueName: "file"),
        completion: .file())
    var output: String?

    @Flag(help: ArgumentHelp(cliText.forceHelp))
    var force = false

    /// What these flags asked for, as a plain value.
    var flags: OutputFlags { OutputFlags(path: output, force: force) }
}

/// Where a document goes: `--output FILE` (nil or - for stdout) and `--force`.
struct OutputFlags: Hashable, Sendable {
    var path: String?
    var force = false

    /// The format the --output file's extension names (`x.json` is JSON, `FileKind`), for
    /// commands given no --format; nil without a file or with an extension the command
    /// writes nothing for.
    func formatFromExtension<Format>(_ named: (FileKind) -> Format?) -> Format? {
        guard let path, path != "-", let kind = FileKind(fileName: path) else { return nil }
        return named(kind)
    }

    /// The format asked for with --format, after a warning when the --output file's
    /// extension names another (`--format text -o plan.json`), as the guide's export
    /// dialog points out; the format given still wins. Else the extension's, else `fallback`.
    func format<Format: Equatable & RawRepresentable>(
        _ asked: Format?, _ named: (FileKind) -> Format?, else fallback: Format, flag: String = "--format"
    ) -> Format
    where Format.RawValue == String {
        let named = formatFromExtension(named)
        guard let asked else { return named ?? fallback }
        if let named, named != asked, let path {
            printError(cliText.extensionMismatch(path: path, named: named.rawValue, flag: flag, asked: asked.rawValue))
        }
        return asked
    }

    /// Prints the document, or writes it to the --output file atomically.
    func emit(_ document: String) throws {
        guard let path, path != "-" else {
            try writeStandardOutput(document)
            return
        }
        do {
            try AtomicFile.write(document, to: path, overwrite: force ? .replace : .refuse)
            // Written through a link: say where the document went.
            if let target = AtomicFile.linkTarget(of: path) {
                printError(cliText.outputIsLink(path: UntrustedText.escaped(path), target: UntrustedText.escaped(target)))
            }
        } catch {
            // "--output PATH: problem", or "--output: problem" when there is no path to name.
            throw CLIError.usage("--output\(error.path.isEmpty ? ":" : "") \(error)")
        }
    }
}
