import ArgumentParser
import ConnectGuideCore
import ConnectGuideStorage

/// `--output FILE` and `--force`, for every command that writes a document.
struct OutputOptions: ParsableArguments {
    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp("Write to this file instead of standard output (- means standard output).", valueName: "file"),
        completion: .file())
    var output: String?

    @Flag(help: "Replace the --output file if it exists.")
    var force = false

    /// What these flags asked for, as a plain value.
    var flags: OutputFlags { OutputFlags(path: output, force: force) }
}

/// Where a document goes: `--output FILE` (nil or - for stdout) and `--force`.
struct OutputFlags: Hashable, Sendable {
    var path: String?
    var force = false

    /// The format the --output file's extension names (`x.json` is JSON), for commands
    /// given no --format; nil without a file or with an extension the table lacks.
    func formatFromExtension<Format>(_ table: [String: Format]) -> Format? {
        guard let path, path != "-" else { return nil }
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return table[name[name.index(after: dot)...].lowercased()]
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
                printError("note: --output \(UntrustedText.escaped(path)) is a symbolic link; the document went to \(UntrustedText.escaped(target))")
            }
        } catch {
            // "--output PATH: problem", or "--output: problem" when there is no path to name.
            throw CLIError.usage("--output\(error.path.isEmpty ? ":" : "") \(error)")
        }
    }
}
