import Foundation

@testable import ConnectGuideCore

/// The bundled guide, loaded once for all tests (loading is itself tested in ContentTests).
let guide: Guide = try! Guide.bundled()

/// A deterministic random number generator (SplitMix64), so property tests replay exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Iterations for a fuzz test: `standard` by default, FUZZ_ITERATIONS on demand
/// (`FUZZ_ITERATIONS=200000 swift test --filter Fuzz`).
func fuzzIterations(_ standard: Int) -> Int {
    ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"].flatMap(Int.init).map { max($0, 1) } ?? standard
}

/// The seed for a fuzz test: fixed, so a failure replays; FUZZ_SEED tries other sequences.
func fuzzSeed(_ standard: UInt64) -> UInt64 {
    ProcessInfo.processInfo.environment["FUZZ_SEED"].flatMap(UInt64.init).map { $0 &+ standard } ?? standard
}

/// Builds a selection from option ids in page order: onboarding, dashboard, chargeType, fees, liability.
func selection(_ onboarding: String, _ dashboard: String, _ chargeType: String, _ fees: String, _ liability: String) -> Selection {
    let values = [onboarding, dashboard, chargeType, fees, liability]
    return Selection { OptionID(values[$0.index]) }
}

/// The hard rules restated from the spec (guide.md section 3), independently of the content
/// files, as the oracle the loaded rules are checked against.
func specAllows(_ s: Selection) -> Bool {
    let onboarding = s[.onboarding].rawValue, dashboard = s[.dashboard].rawValue
    let charge = s[.chargeType].rawValue, fees = s[.fees].rawValue, liability = s[.liability].rawValue
    if onboarding == "api" && !(dashboard == "none" && fees == "platform" && liability == "platform") { return false }
    if dashboard == "full" && !(fees == "connectedAccounts" && liability == "stripe" && onboarding != "api") { return false }
    if dashboard == "express" && !(fees == "platform" && liability == "platform" && onboarding != "api") { return false }
    if dashboard == "none" && liability == "stripe" && onboarding != "embedded" { return false }
    if (charge == "destination" || charge == "separate") && fees != "platform" { return false }
    if liability == "platform" && fees != "platform" { return false }
    return true
}

/// The step slots restated from the spec (guide.md section 5): the variant id expected in each slot.
func specSteps(_ s: Selection) -> [String] {
    var ids: [String] = []
    ids.append("onboard-" + s[.onboarding].rawValue)
    switch (s[.chargeType].rawValue, s[.fees].rawValue) {
    case ("direct", "connectedAccounts"): ids.append("charges-direct-accounts-pay")
    case ("direct", _): ids.append("charges-direct-platform-pays")
    case (let charge, _): ids.append("charges-" + charge)
    }
    ids.append("dashboard-" + s[.dashboard].rawValue)
    if s[.liability] == "stripe" {
        ids.append(s[.dashboard] == "none" ? "liability-stripe-embedded" : "liability-stripe")
    } else {
        ids.append("liability-platform")
    }
    if s[.dashboard] == "none" && s[.liability] == "platform" { ids.append("requirement-updates") }
    ids.append(s[.onboarding] == "api" ? "payouts-api" : "payouts-standard")
    return ids
}
