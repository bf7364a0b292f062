import ConnectGuideCore

/// A failure with a message for the user and the exit code the README documents.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    let code: Int32

    var description: String { message }

    /// Bad usage or bad input: exit 2.
    static func usage(_ message: String) -> CLIError { CLIError(message: message, code: 2) }
}

/// Exit codes, as documented in README.md.
enum Exit {
    static let success: Int32 = 0
    static let noResult: Int32 = 1
    static let usage: Int32 = 2
    static let interrupted: Int32 = 130
}
