import ConnectGuideContent
import ContentLoader
import Foundation

@testable import ConnectGuideCore

/// The guide compiled into the binary (ContentTests checks it against Assets/ read at run time).
let guide: Guide = Guide.bundled

extension ContentFiles {
    /// The content files as they are in the checkout's Assets/.
    static let assets: ContentFiles = {
        let directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Assets")
        var files: [String: [UInt8]] = [:]
        for name in names {
            files[name] = Array(FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) ?? Data())
        }
        return ContentFiles(files: files)
    }()
}

/// Builds a selection from option ids in page order: onboarding, dashboard, chargeType, fees, liability.
func selection(_ onboarding: String, _ dashboard: String, _ chargeType: String, _ fees: String, _ liability: String) -> Selection {
    let values = [onboarding, dashboard, chargeType, fees, liability]
    return Selection(properties: Guide.bundled.propertyIDs) { OptionID(values[$0.index]) }
}

/// The guide with the rules before Stripe API version 2026-11-18.endive.
let guideBefore20261118: Guide = guide.at(StripeAPIVersion("2026-10-28")!)

/// The hard rules restated from the spec (guide.md section 3), independently of the content
/// files, as the oracle the loaded rules are checked against. `expressMayBeStripeLiable`
/// is the 2026-11-18.endive change (R3 no longer applies).
func specAllows(_ s: Selection, expressMayBeStripeLiable: Bool = true) -> Bool {
    let onboarding = s[.onboarding].rawValue, dashboard = s[.dashboard].rawValue
    let fees = s[.fees].rawValue, liability = s[.liability].rawValue
    if onboarding == "api" && !(dashboard == "none" && fees == "platform" && liability == "platform") { return false }
    if dashboard == "full" && !(fees == "connectedAccounts" && liability == "stripe") { return false }
    if dashboard == "express" && !expressMayBeStripeLiable && !(fees == "platform" && liability == "platform") { return false }
    if dashboard == "none" && liability == "stripe" && onboarding != "embedded" { return false }
    if liability == "platform" && fees != "platform" { return false }
    return true
}

/// The recommendations (N1 to N4) a selection goes against, restated from the spec.
func specRecommendations(_ s: Selection) -> [String] {
    let indirect = s[.chargeType] != "direct"
    var ids: [String] = []
    if indirect && s[.fees] == "connectedAccounts" { ids.append("N1") }
    if indirect && s[.liability] == "stripe" { ids.append("N2") }
    if s[.dashboard] == "full" && indirect { ids.append("N3") }
    if !indirect && s[.liability] == "platform" { ids.append("N4") }
    return ids
}

/// The advisories restated from the spec (guide.md section 4), callouts apart.
func specAdvisories(_ s: Selection) -> [String] {
    let indirect = s[.chargeType] != "direct"
    var ids: [String] = []
    if s[.onboarding] == "api" { ids.append("A1") }
    if indirect { ids.append("A2") }
    if s[.dashboard] == "none" { ids.append("A4") }
    if s[.fees] == "platform" { ids.append("A5") }
    if indirect { ids.append("A6") }
    if s[.chargeType] == "direct" && s[.dashboard] == "express" { ids.append("A9") }
    if indirect { ids.append("A10") }
    if s[.chargeType] == "destination" { ids.append("A11") }
    return ids
}

/// The page's callouts: the scope (A12) and what is set once (A7), always, and no
/// `account_update` Account Links with no dashboard and Stripe liability (A8).
func specCallouts(_ s: Selection) -> [String] {
    s[.dashboard] == "none" && s[.liability] == "stripe" ? ["A12", "A7", "A8"] : ["A12", "A7"]
}

/// The step slots restated from the spec (guide.md section 5): the variant id expected in each slot.
func specSteps(_ s: Selection) -> [String] {
    var ids: [String] = []
    let indirect = s[.chargeType] != "direct"
    ids.append("onboard-" + s[.onboarding].rawValue)
    switch (s[.chargeType].rawValue, s[.fees].rawValue) {
    case ("direct", "connectedAccounts"): ids.append("charges-direct-accounts-pay")
    case ("direct", _): ids.append("charges-direct-platform-pays")
    case (let charge, _): ids.append("charges-" + charge)
    }
    ids.append("dashboard-" + s[.dashboard].rawValue + (s[.dashboard] == "express" && s[.liability] == "stripe" ? "-stripe-liable" : ""))
    if s[.liability] == "stripe" {
        // With indirect charges the platform still covers negative balances (N2): the step says so.
        ids.append((s[.dashboard] == "none" ? "liability-stripe-embedded" : "liability-stripe") + (indirect ? "-indirect" : ""))
    } else {
        ids.append("liability-platform")
    }
    if s[.dashboard] == "none" && s[.liability] == "platform" {
        ids.append(s[.onboarding] == "api" ? "requirement-updates-api" : "requirement-updates-" + s[.onboarding].rawValue)
    }
    ids.append(s[.onboarding] == "api" ? "payouts-api" : "payouts-standard")
    return ids
}
