import ConnectGuideCore

/// A failure with a message for the user and the exit code app.md section 3 documents.
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

/// The bundled guide, loaded once. A failure names the content file and the place.
let bundledGuide: Result<Guide, ContentError> = Result { () throws(ContentError) in try Guide.bundled() }

func loadGuide() throws -> Guide {
    switch bundledGuide {
    case .success(let guide): return guide
    case .failure(let error):
        throw CLIError(message: "the built-in guide content is broken: \(error)\nRebuild from a checkout whose tests pass.", code: 1)
    }
}
