/// How plan B differs from plan A. Steps are compared by slot, since a slot is the same
/// place in the list whichever variant fills it; advisories by id; account parameters by
/// name, for each API.
public struct PlanDiff: Hashable, Sendable {
    public struct ChangedStep: Hashable, Sendable {
        public let slot: Int
        public let a: PlanStep
        public let b: PlanStep
    }

    public struct ChangedParameter: Hashable, Sendable {
        public let name: String
        public let a: ParameterValue
        public let b: ParameterValue
    }

    public struct ConfigurationDiff: Hashable, Sendable {
        public let api: AccountsAPI
        public let added: [AccountParameter]
        public let removed: [AccountParameter]
        public let changed: [ChangedParameter]

        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
    }

    public let a: PlanReport
    public let b: PlanReport
    /// Properties whose options differ, in page order.
    public let properties: [PropertyID]
    public let addedSteps: [PlanStep]
    public let removedSteps: [PlanStep]
    public let changedSteps: [ChangedStep]
    /// Slots filled by the same step in both plans.
    public let unchangedSlots: [Int]
    /// Recommendations gone against and advisories, by id and text.
    public let addedCautions: [Caution]
    public let removedCautions: [Caution]
    public let configuration: [ConfigurationDiff]

    public var isEmpty: Bool { properties.isEmpty }
}

extension Guide {
    public func diff(_ a: PlanReport, _ b: PlanReport) -> PlanDiff {
        let planA = a.plan
        let planB = b.plan
        var added: [PlanStep] = []
        var removed: [PlanStep] = []
        var changed: [PlanDiff.ChangedStep] = []
        var unchanged: [Int] = []
        for slot in slots.map(\.number) {
            let stepA = planA.steps.first { $0.slot == slot }
            let stepB = planB.steps.first { $0.slot == slot }
            switch (stepA, stepB) {
            case (nil, nil): continue
            case (nil, let step?): added.append(step)
            case (let step?, nil): removed.append(step)
            case (let stepA?, let stepB?):
                if stepA.id == stepB.id { unchanged.append(slot) } else { changed.append(.init(slot: slot, a: stepA, b: stepB)) }
            }
        }
        // By id and text: A5 and A6 say one thing per charge type under one id.
        let idsA = Set(planA.cautions.map(\.identity))
        let idsB = Set(planB.cautions.map(\.identity))
        let configuration = AccountsAPI.allCases.map { api in
            let parametersA = planA.configuration(for: api).parameters
            let parametersB = planB.configuration(for: api).parameters
            let namesA = Set(parametersA.map(\.name))
            let namesB = Set(parametersB.map(\.name))
            return PlanDiff.ConfigurationDiff(
                api: api,
                added: parametersB.filter { !namesA.contains($0.name) },
                removed: parametersA.filter { !namesB.contains($0.name) },
                changed: parametersA.compactMap { parameter in
                    guard let other = parametersB.first(where: { $0.name == parameter.name }), other.value != parameter.value
                    else { return nil }
                    return .init(name: parameter.name, a: parameter.value, b: other.value)
                })
        }
        return PlanDiff(
            a: a, b: b,
            properties: planB.selection.differences(from: planA.selection),
            addedSteps: added, removedSteps: removed, changedSteps: changed, unchangedSlots: unchanged,
            addedCautions: planB.cautions.filter { !idsA.contains($0.identity) },
            removedCautions: planA.cautions.filter { !idsB.contains($0.identity) },
            configuration: configuration)
    }
}

extension Caution {
    /// What tells two cautions apart: their id, and their text where one id says
    /// different things for different selections.
    fileprivate var identity: String { id + "\n" + text }
}
