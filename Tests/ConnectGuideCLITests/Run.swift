import Foundation

/// The result of running the built `connect-guide` binary.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// The binary under test: CONNECT_GUIDE_BINARY when set (the release build, in CI), else
/// the one SwiftPM built beside the test bundle.
let binaryURL: URL = {
    if let path = ProcessInfo.processInfo.environment["CONNECT_GUIDE_BINARY"], !path.isEmpty {
        return URL(fileURLWithPath: path)
    }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // Swift Testing may run from inside the .xctest bundle directory.
    while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("connect-guide").path),
        directory.path != "/"
    {
        directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent("connect-guide")
}()

/// Runs the binary with arguments, optional stdin text and extra environment, and waits.
/// With `stdoutPath`, the child's stdout is that file (/dev/full, say) and `stdout` is empty.
/// `executable` runs another program instead (a shell around the binary).
func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], directory: URL? = nil,
    stdoutPath: String? = nil, executable: String? = nil
) throws -> RunResult {
    let process = Process()
    process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? binaryURL
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    // English unless a test asks for a locale: the runner's own locale must not change the output.
    env["LC_ALL"] = nil
    env["LC_MESSAGES"] = nil
    env["LANG"] = "C.UTF-8"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    var outFile: FileHandle?
    if let stdoutPath {
        guard let file = FileHandle(forWritingAtPath: stdoutPath) else { throw CocoaError(.fileWriteUnknown) }
        outFile = file
        process.standardOutput = file
    } else {
        process.standardOutput = out
    }
    process.standardError = err
    process.standardInput = input
    try process.run()
    try? outFile?.close()
    // Read both pipes at once, so neither can fill up and block the child while the other
    // is read to its end: stderr on another thread, stdout here.
    let errData = Collected()
    let errReader = err.fileHandleForReading
    let errDone = DispatchGroup()
    DispatchQueue.global().async(group: errDone) { errData.data = errReader.readDataToEndOfFile() }
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = stdoutPath == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
    errDone.wait()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData.data, as: UTF8.self))
}

/// Bytes one thread reads and another takes after waiting for it (the DispatchGroup
/// orders the two), so no lock is needed.
private final class Collected: @unchecked Sendable {
    var data = Data()
}

/// Parses JSON output into Foundation objects for structural checks.
func parseJSON(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    guard let dictionary = object as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
    return dictionary
}

/// A fresh empty directory for one test.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("connect-guide-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
