import ConnectGuideText
import ConnectGuidePlatform

/// Writes a document to standard output, all of it, or fails with exit status 1:
/// "connect-guide: cannot write standard output: <reason>" (a full disk, /dev/full, a
/// closed pipe when SIGPIPE is ignored). Every document that goes to stdout goes here.
func writeStandardOutput(_ document: String) throws {
    // Anything Swift's print buffered comes first, and its errors count too.
    if fflush(nil) != 0 { throw standardOutputError(errno) }
    let failure = writeAll(Array(document.utf8), to: 1)
    if failure != 0 { throw standardOutputError(failure) }
}

private func standardOutputError(_ code: Int32) -> CLIError {
    CLIError(message: cliText.cannotWriteStandardOutput(reason: String(cString: strerror(code)).lowercased()), code: Exit.noResult)
}
