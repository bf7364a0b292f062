import Foundation

@testable import ConnectGuideCore

/// The bundled guide, loaded once for all tests (loading is itself tested in ContentTests).
let guide: Guide = try! Guide.bundled()

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
