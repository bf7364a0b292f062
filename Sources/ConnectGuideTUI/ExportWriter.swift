import ConnectGuideCore
import ConnectGuideStorage
import ConnectGuidePlatform

/// How long an export waits for a FIFO's reader, or for a FIFO or device to take the
/// bytes, before it says so: the UI waits meanwhile, so this is short.
let exportReaderTimeout = 1_000

/// Writes an export with the core's atomic writer (temporary file in the same
/// directory, then one rename). Without `overwrite`, an existing file is never replaced:
/// the outcome says so, and the dialog asks the user. A FIFO or device is written into,
/// never asked about, and never waited for longer than `exportReaderTimeout`.
public func writeExport(_ request: ExportRequest, workingDirectory: String? = nil, home: String? = nil) -> ExportOutcome {
    let path = resolve(request.path, workingDirectory: workingDirectory, home: home)
    do {
        try AtomicFile.write(
            request.contents, to: path, overwrite: request.overwrite ? .replace : .refuse, readerTimeout: exportReaderTimeout)
        return .written(path: path)
    } catch where error.kind == .exists {
        return .exists(path: path)
    } catch {
        return .failed("Cannot save to \(UntrustedText.escaped(error.path)): \(error.problem).")
    }
}

/// An absolute path: `~/` means the home directory, and relative paths start in the
/// working directory, so the notice can say exactly where the file went.
func resolve(_ path: String, workingDirectory: String?, home: String?) -> String {
    var trimmed = Substring(path)
    while trimmed.first == " " { trimmed.removeFirst() }
    while trimmed.last == " " { trimmed.removeLast() }
    if trimmed.hasPrefix("/") { return String(trimmed) }
    if trimmed == "~" || trimmed.hasPrefix("~/"), let home = home ?? environmentValue("HOME") {
        return home + trimmed.dropFirst()
    }
    let base = workingDirectory ?? currentDirectory()
    return (base.hasSuffix("/") ? base : base + "/") + trimmed
}

func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
