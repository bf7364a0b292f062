import Foundation
import PackagePlugin

/// Turns the guide content in Assets/ into Swift source for the target it is applied to
/// (ConnectGuideContent), with every check of the content run here, at build time.
@main
struct CompileContent: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let assets = context.package.directoryURL.appending(path: "Assets")
        let names = ["guide.json", "rules.json", "steps.json", "config.json", "links.json", "presets.json", "quickstart.json"]
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledGuide.swift")
        return [
            .buildCommand(
                displayName: "Compiling the guide content in Assets/",
                executable: try context.tool(named: "content-compiler").url,
                arguments: [assets.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: names.map { assets.appending(path: $0) },
                outputFiles: [output])
        ]
    }
}
