import ConnectGuideCore
import ConnectGuideJSON

/// The formats `connect-guide diff` writes.
public enum DiffFormat: String, CaseIterable, Hashable, Sendable {
    case text
    case json
}

/// The version of the diff JSON document's shape.
public let diffSchemaID = "connect-guide/diff/v2"

extension Guide {
    public func render(_ diff: PlanDiff, as format: DiffFormat, width: Int = 80) -> String {
        switch format {
        case .text: diffText(diff, width: width)
        case .json: diffJSON(diff).serialized()
        }
    }

    private func slotHeading(_ slot: Int) -> String {
        slots.first { $0.number == slot }?.heading ?? text.documents.diffSlot(number: String(slot))
    }

    private func diffText(_ diff: PlanDiff, width: Int) -> String {
        let selectionA = diff.a.plan.selection
        let selectionB = diff.b.plan.selection
        let words = text.documents
        var lines: [String] = [words.diffTitle(title: title)]
        let versionA = diff.a.plan.apiVersion
        let versionB = diff.b.plan.apiVersion
        lines.append(versionA == versionB
            ? words.diffSameVersion(version: versionA.description)
            : words.diffVersions(a: versionA.description, b: versionB.description))
        lines.append("")
        let labelWidth = properties.map { terminalColumns(of: $0.label) }.max() ?? 0
        let optionWidth = properties.map { terminalColumns(of: optionLabel($0.id, selectionA)) }.max() ?? 0
        lines.append("  " + "".padded(to: labelWidth) + "  " + "A".padded(to: optionWidth) + "  B")
        for property in properties {
            let differs = selectionA[property.id] != selectionB[property.id]
            lines.append((differs ? "* " : "  ") + property.label.padded(to: labelWidth) + "  "
                + optionLabel(property.id, selectionA).padded(to: optionWidth) + "  "
                + (differs ? optionLabel(property.id, selectionB) : words.diffSame))
        }
        lines.append("")
        guard !diff.isEmpty else {
            lines.append(words.diffIdentical)
            return lines.joined(separator: "\n") + "\n"
        }

        lines.append(words.integrationSteps)
        if diff.addedSteps.isEmpty && diff.removedSteps.isEmpty && diff.changedSteps.isEmpty {
            lines.append("  " + words.diffNone)
        }
        for step in diff.removedSteps {
            lines.append("  - " + words.diffStepOnlyInA(slot: slotHeading(step.slot), title: step.title))
        }
        for step in diff.addedSteps {
            lines.append("  + " + words.diffStepOnlyInB(slot: slotHeading(step.slot), title: step.title))
        }
        for change in diff.changedSteps {
            lines.append("  ~ \(slotHeading(change.slot))")
            lines.append("      A: \(change.a.title)")
            lines.append("      B: \(change.b.title)")
        }
        if !diff.unchangedSlots.isEmpty {
            lines.append("  " + words.diffSameInBoth(slots: text.list(diff.unchangedSlots.map(slotHeading))))
        }
        lines.append("")

        lines.append(words.diffCautions)
        if diff.addedCautions.isEmpty && diff.removedCautions.isEmpty {
            lines.append("  " + words.diffNone)
        }
        for caution in diff.removedCautions { lines.append("  - " + words.diffCautionOnlyInA(title: caution.title) + " [\(caution.id)]") }
        for caution in diff.addedCautions { lines.append("  + " + words.diffCautionOnlyInB(title: caution.title) + " [\(caution.id)]") }
        lines.append("")

        for configuration in diff.configuration {
            let request = diff.a.plan.configuration(for: configuration.api)
            lines.append(words.accountConfigurationHeading(api: configuration.api.rawValue, method: request.method, endpoint: request.endpoint))
            if configuration.isEmpty { lines.append("  " + words.diffNone) }
            for parameter in configuration.removed { lines.append("  - \(parameter.name)=\(parameter.value)  " + words.diffOnlyInA) }
            for parameter in configuration.added { lines.append("  + \(parameter.name)=\(parameter.value)  " + words.diffOnlyInB) }
            for change in configuration.changed {
                lines.append("  ~ " + words.diffParameterChanged(name: change.name, a: change.a.description, b: change.b.description))
            }
            lines.append("")
        }
        lines.append("A: \(diff.a.plan.url)")
        lines.append("B: \(diff.b.plan.url)")
        return lines.joined(separator: "\n") + "\n"
    }

    public func diffJSON(_ diff: PlanDiff) -> JSONValue {
        func side(_ report: PlanReport) -> JSONValue {
            .object([
                ("stripeVersion", .string(report.plan.apiVersion.description)),
                ("selection", .object(properties.map { ($0.id.rawValue, .string(report.plan.selection[$0.id].rawValue)) })),
                ("implied", .array(report.implied.map(movedJSON))),
                ("requirementCollection", .string(report.plan.requirementCollection.rawValue)),
                ("stepCount", .int(report.plan.steps.count)),
                ("url", .string(report.plan.url)),
            ])
        }
        func step(_ step: PlanStep) -> JSONValue {
            .object([
                ("slot", .int(step.slot)), ("slotId", .string(step.slotID)), ("id", .string(step.id)), ("title", .string(step.title)),
            ])
        }
        func caution(_ caution: Caution) -> JSONValue {
            .object([("id", .string(caution.id)), ("kind", .string(caution.kind.rawValue)), ("title", .string(caution.title))])
        }
        func parameter(_ parameter: AccountParameter) -> JSONValue {
            .object([("name", .string(parameter.name)), ("value", parameter.value.json)])
        }
        return .object([
            ("schema", .string(diffSchemaID)),
            ("locale", .string(locale)),
            ("contentVersion", .string(contentVersion)),
            ("identical", .bool(diff.isEmpty)),
            ("a", side(diff.a)),
            ("b", side(diff.b)),
            ("properties", .array(diff.properties.map { id in
                .object([
                    ("property", .string(id.rawValue)),
                    ("a", .string(diff.a.plan.selection[id].rawValue)),
                    ("b", .string(diff.b.plan.selection[id].rawValue)),
                ])
            })),
            ("steps", .object([
                ("added", .array(diff.addedSteps.map(step))),
                ("removed", .array(diff.removedSteps.map(step))),
                ("changed", .array(diff.changedSteps.map { change in
                    .object([
                        ("slot", .int(change.slot)), ("slotId", .string(change.a.slotID)),
                        ("a", step(change.a)), ("b", step(change.b)),
                    ])
                })),
                ("unchangedSlots", .array(diff.unchangedSlots.map(JSONValue.int))),
            ])),
            ("cautions", .object([
                ("added", .array(diff.addedCautions.map(caution))),
                ("removed", .array(diff.removedCautions.map(caution))),
            ])),
            ("accountConfiguration", .object(diff.configuration.map { configuration in
                (configuration.api.rawValue, .object([
                    ("added", .array(configuration.added.map(parameter))),
                    ("removed", .array(configuration.removed.map(parameter))),
                    ("changed", .array(configuration.changed.map { change in
                        .object([("name", .string(change.name)), ("a", change.a.json), ("b", change.b.json)])
                    })),
                ]))
            })),
        ])
    }
}
