import ConnectGuideCore
import ConnectGuideStorage
import ConnectGuidePlatform
import ConnectGuideText

/// How long an export waits for a FIFO's reader, or for a FIFO or device to take the
/// bytes, before it says so: the UI waits meanwhile, so this is short.
let exportReaderTimeout = 1_000

/// Writes an export with the core's atomic writer (temporary file in the same
/// directory, then one rename). Without `overwrite`, an existing file is never replaced:
/// the outcome says so, and the dialog asks the user. A FIFO or device is written into,
/// never asked about, and never waited for longer than `exportReaderTimeout`.
/// `text` words the failures.
public func writeExport(
    _ request: ExportRequest, workingDirectory: String? = nil, home: String? = nil, text: UIText
) -> ExportOutcome {
    let path = resolve(request.path, workingDirectory: workingDirectory, home: home)
    if isTerminal(path) {
        return .failed(text.tui.cannotSaveToTerminal(path: displayedPath(path)))
    }
    do {
        try AtomicFile.write(
            request.contents, to: path, overwrite: request.overwrite ? .replace : .refuse, readerTimeout: exportReaderTimeout)
        return .written(path: path)
    } catch where error.kind == .exists {
        return .exists(path: path)
    } catch {
        return .failed(text.tui.cannotSave(path: displayedPath(error.path), problem: error.problem.message(text)))
    }
}

/// Whether `path` is a terminal (/dev/tty, /dev/pts/N, or /dev/stdout when that is one),
/// which the guide's own screen is, or may be.
func isTerminal(_ path: String) -> Bool {
    if let descriptor = AtomicFile.openDescriptor(named: path) { return isatty(descriptor) != 0 }
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFCHR else { return false }
    // Opening a terminal this way neither waits for a carrier nor makes it ours.
    let descriptor = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return isatty(descriptor) != 0
}

/// A path in a message: escaped as any untrusted text, and in quotes when it starts or
/// ends with a space, which would not show otherwise.
func displayedPath(_ path: String) -> String {
    let name = AtomicFile.baseName(of: path)
    return name.first == " " || name.last == " " ? UntrustedText.quoted(path) : UntrustedText.escaped(path)
}

/// An absolute path: `~/` means the home directory (when one is known), and relative paths start in the
/// working directory, so the notice can say exactly where the file went. Spaces at either
/// end are part of the name, as typed (the messages show such a name in quotes).
func resolve(_ path: String, workingDirectory: String?, home: String?) -> String {
    if path.hasPrefix("/") { return path }
    if path == "~" || path.hasPrefix("~/"), let home {
        return home + path.dropFirst()
    }
    let base = workingDirectory ?? currentDirectory()
    return (base.hasSuffix("/") ? base : base + "/") + path
}

func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
