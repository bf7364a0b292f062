import ConnectGuideDocuments
import ConnectGuideJSON
import Testing
import Foundation

@testable import ConnectGuideCore

/// The quickstart of every valid selection, for both Accounts APIs, checked against
/// something real: stripe-python 16.1.0's typed parameters and mypy, and a recorder on
/// 127.0.0.1 that the Python (through the stripe package) and curl scripts both run
/// against (Tests/Quickstart/run_quickstarts.py). The Python environment is made by
/// Tools/python-env on first use. No network, no real key.
@Suite("Quickstart against the SDK and a recorder")
struct QuickstartSDKTests {
    static let checkout = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Writes every selection's quickstarts and the manifest the harness reads.
    static func writeQuickstarts(to directory: URL) throws -> Int {
        var manifest: [JSONValue] = []
        var requests: [JSONValue] = []
        for (index, selection) in guide.validSelections.enumerated() {
            let plan = guide.plan(for: selection)
            for api in AccountsAPI.allCases {
                let name = "q\(index)_\(api.rawValue)"
                let label = selection.properties.map { selection[$0].rawValue }.joined(separator: "-") + " " + api.rawValue
                for language in QuickstartLanguage.allCases {
                    let script = guide.quickstartScript(PlanReport(plan: plan), api: api, language: language)
                    try script.write(to: directory.appendingPathComponent("\(name).\(language.fileExtension)"), atomically: true, encoding: .utf8)
                }
                requests += guide.quickstartRequestsForCheck(plan, api: api, label: label)
                manifest.append(.object([
                    ("name", .string(label)), ("api", .string(api.rawValue)),
                    ("selection", .object(selection.properties.map { ($0.rawValue, .string(selection[$0].rawValue)) })),
                    ("requirementCollection", .string(plan.requirementCollection.rawValue)),
                    ("version", .string(plan.apiVersion.description)),
                    ("python", .string("\(name).py")), ("shell", .string("\(name).sh")),
                ]))
            }
        }
        try JSONValue.array(manifest).serialized().write(to: directory.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        try JSONValue.array(requests).serialized().write(to: directory.appendingPathComponent("requests.json"), atomically: true, encoding: .utf8)
        return manifest.count
    }

    static func python() throws -> String {
        let result = try runProgram(checkout.appendingPathComponent("Tools/python-env").path, [])
        guard result.status == 0 else { throw QuickstartTestError(message: "Tools/python-env failed: \(result.output)") }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("39 selections × 2 APIs × curl and Python: SDK parameters, mypy, recorded requests, refused keys")
    func everySelection() throws {
        #expect(guide.validSelections.count == 39)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("connect-guide-quickstart-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try Self.writeQuickstarts(to: directory) == 78)
        let result = try runProgram(
            try Self.python(), [Self.checkout.appendingPathComponent("Tests/Quickstart/run_quickstarts.py").path, directory.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("78 quickstarts: SDK parameters, mypy and 156 recorded runs all pass"), "\(result.output)")
    }
}

struct QuickstartTestError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Runs a program and returns its status and its stdout and stderr together.
func runProgram(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
