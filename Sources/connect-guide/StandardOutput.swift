import ConnectGuidePlatform

/// Writes a document to standard output, all of it, or fails with exit status 1:
/// "connect-guide: cannot write standard output: <reason>" (a full disk, /dev/full, a
/// closed pipe when SIGPIPE is ignored). Every document that goes to stdout goes here.
func writeStandardOutput(_ document: String) throws {
    // Anything Swift's print buffered comes first, and its errors count too.
    if fflush(nil) != 0 { throw standardOutputError(errno) }
    let bytes = Array(document.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { buffer in
            ConnectGuidePlatform.write(1, buffer.baseAddress! + offset, buffer.count - offset)
        }
        if written < 0 {
            if errno == EINTR { continue }
            throw standardOutputError(errno)
        }
        offset += written
    }
}

private func standardOutputError(_ code: Int32) -> CLIError {
    CLIError(message: "cannot write standard output: \(String(cString: strerror(code)).lowercased())", code: Exit.noResult)
}
