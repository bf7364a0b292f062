import ArgumentParser
import Testing

@testable import connect_guide

/// `connect-guide` without arguments skips the argument parser (Main.commandWithoutArguments).
@Suite struct NoArgumentsTests {
    /// Every option, nested groups included, holds the value the parser gives an empty
    /// command line. An option added without a value there would still be a definition and
    /// stop the guide with a fatal error at its first read.
    @Test func theCommandBuiltWithoutParsingEqualsTheParsedOne() throws {
        let parsed = try #require(try ConnectGuide.parseAsRoot([]) as? ConnectGuide)
        let built = Main.commandWithoutArguments()
        let description = String(reflecting: built)
        #expect(!description.contains("definition"), "an option is not set: \(description)")
        #expect(description == String(reflecting: parsed))
    }
}
