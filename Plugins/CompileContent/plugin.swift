import Foundation
import PackagePlugin

/// Turns Assets/ into Swift source at build time, with every check of the content run
/// here: for ConnectGuideContent the guide in each locale, for ConnectGuideText the UI
/// strings in each locale (with the completeness, placeholder and glossary checks), for
/// the executable its flag per property.
@main
struct CompileContent: BuildToolPlugin {
    static let contentFiles = ["guide.json", "rules.json", "steps.json", "config.json", "links.json", "presets.json", "quickstart.json"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let assets = context.package.directoryURL.appending(path: "Assets")
        let tool = try context.tool(named: "content-compiler").url
        let work = context.pluginWorkDirectoryURL
        let locales = listing(assets.appending(path: "locales")).filter { !$0.hasPrefix(".") }.sorted()
        let content = Self.contentFiles.map { assets.appending(path: $0) }
        let localeContent = locales.flatMap { code in
            ["content.json", "glossary.json"].map { assets.appending(path: "locales/\(code)/\($0)") }
        }
        if target.name == "ConnectGuideText" {
            let english = listing(assets.appending(path: "strings")).filter { $0.hasSuffix(".json") }.map { assets.appending(path: "strings/\($0)") }
            let translated = locales.flatMap { code in
                listing(assets.appending(path: "locales/\(code)/strings")).filter { $0.hasSuffix(".json") }
                    .map { assets.appending(path: "locales/\(code)/strings/\($0)") }
            }
            let output = work.appending(path: "Strings.swift")
            return [
                .buildCommand(
                    displayName: "Compiling the UI strings in Assets/strings and Assets/locales",
                    executable: tool,
                    arguments: ["--strings", assets.path(percentEncoded: false), output.path(percentEncoded: false)],
                    inputFiles: content + english + translated + localeContent,
                    outputFiles: [output])
            ]
        }
        if target.name == "connect-guide" {
            let output = work.appending(path: "PropertyOptions.swift")
            return [
                .buildCommand(
                    displayName: "Compiling the property flags from Assets/",
                    executable: tool,
                    arguments: ["--cli", assets.path(percentEncoded: false), output.path(percentEncoded: false)],
                    inputFiles: content,
                    outputFiles: [output])
            ]
        }
        let outputs = ["BundledGuide.swift", "BundledGuides.swift"] + locales.map { "BundledGuide-\($0).swift" }
        return [
            .buildCommand(
                displayName: "Compiling the guide content in Assets/",
                executable: tool,
                arguments: [assets.path(percentEncoded: false), work.path(percentEncoded: false)],
                inputFiles: content + localeContent,
                outputFiles: outputs.map { work.appending(path: $0) })
        ]
    }

    private func listing(_ directory: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.path(percentEncoded: false))) ?? []
    }
}
