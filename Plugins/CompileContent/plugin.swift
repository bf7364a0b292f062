import Foundation
import PackagePlugin

/// Turns the guide content in Assets/ into Swift source for the target it is applied to,
/// with every check of the content run here, at build time: the guide itself for
/// ConnectGuideContent, the per-property flags for the executable.
@main
struct CompileContent: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let assets = context.package.directoryURL.appending(path: "Assets")
        let names = ["guide.json", "rules.json", "steps.json", "config.json", "links.json", "presets.json", "quickstart.json"]
        let commandLine = target.name == "connect-guide"
        let output = context.pluginWorkDirectoryURL.appending(path: commandLine ? "PropertyOptions.swift" : "BundledGuide.swift")
        return [
            .buildCommand(
                displayName: commandLine ? "Compiling the property flags from Assets/" : "Compiling the guide content in Assets/",
                executable: try context.tool(named: "content-compiler").url,
                arguments: (commandLine ? ["--cli"] : []) + [assets.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: names.map { assets.appending(path: $0) },
                outputFiles: [output])
        ]
    }
}
