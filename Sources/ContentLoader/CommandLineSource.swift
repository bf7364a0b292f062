import ConnectGuideCore

/// The executable's per-property command-line code, generated from the content: one
/// `--flag` per property for the argument parser, with its value names, its shell
/// completion and its help, which comes from the run's guide (`localizedGuide`, in the
/// run's locale); and the list of those flags that the fast reader (`CommonCommandLine`)
/// and the checks of where a flag belongs read. A property added to guide.json gets its flag
/// with no edit to Swift.
public func commandLineSource(_ guide: Guide) -> String {
    var lines = [
        "// Generated from Assets/guide.json by content-compiler --cli (Plugins/CompileContent) at build time.",
        "// Do not edit: edit the content files.",
        "import ArgumentParser",
        "import ConnectGuideCore",
        "",
        "/// A flag per property of the guide, in page order.",
        "struct PropertyOptions: ParsableArguments {",
    ]
    for (index, property) in guide.properties.enumerated() {
        let values = property.options.map(\.cliValue)
        let completion = values + property.options.flatMap(\.aliases)
        lines.append("    @Option(")
        lines.append("        name: .customLong(\(literal(property.cliFlag))),")
        lines.append("        help: ArgumentHelp(localizedGuide.properties[\(index)].cliHelp, valueName: \(literal(values.joined(separator: "|")))),")
        lines.append("        completion: .list([\(completion.map(literal).joined(separator: ", "))]))")
        lines.append("    var \(swiftName(property.id.rawValue)): String?")
        lines.append("")
    }
    lines.append("    /// The values given, by property in page order (nil: not given).")
    lines.append("    var inPageOrder: [String?] { [\(guide.propertyIDs.map { swiftName($0.rawValue) }.joined(separator: ", "))] }")
    lines.append("}")
    lines.append("")
    lines.append("/// The properties' flags in page order, as typed.")
    lines.append("let propertyFlagNames: [String] = [\(guide.properties.map { literal("--" + $0.cliFlag) }.joined(separator: ", "))]")
    return lines.joined(separator: "\n") + "\n"
}
