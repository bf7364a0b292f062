// Build-time tool: reads and checks Assets/*.json and writes them as Swift source (the
// CompileContent plugin runs it for the ConnectGuideContent target). A broken content file
// fails the build with the file, the place in it and the problem.
// With --cli it writes the executable's per-property flags instead (`commandLineSource`).
// Usage: content-compiler [--cli] <assets-directory> <output.swift>
import ConnectGuideCore
import ContentLoader
import Foundation

var arguments = CommandLine.arguments
let commandLine = arguments.count > 1 && arguments[1] == "--cli"
if commandLine { arguments.remove(at: 1) }
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: content-compiler [--cli] <assets-directory> <output.swift>\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1])
var files: [String: [UInt8]] = [:]
for name in ContentFiles.names {
    if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) {
        files[name] = Array(data)
    }
}
do {
    let guide = try Guide(files: ContentFiles(files: files))
    let source = commandLine ? commandLineSource(guide) : bundledGuideSource(guide)
    let output = URL(fileURLWithPath: arguments[2])
    // Unchanged content leaves the file alone, so nothing downstream rebuilds.
    if (try? String(contentsOf: output, encoding: .utf8)) != source {
        try source.write(to: output, atomically: true, encoding: .utf8)
    }
} catch let error as ContentError {
    // "path: error: message" is how SwiftPM shows a tool's error as a build error.
    let path = directory.appendingPathComponent(error.file).path
    FileHandle.standardError.write(Data("\(path): error: \(error.description)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("error: content-compiler: \(error)\n".utf8))
    exit(1)
}
