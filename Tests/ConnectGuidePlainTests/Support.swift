import ConnectGuideContent
import ConnectGuideCore

/// The guide compiled into the binary.
let guide: Guide = Guide.bundled

/// Builds a selection from option ids in page order: onboarding, dashboard, chargeType, fees, liability.
func selection(_ onboarding: String, _ dashboard: String, _ chargeType: String, _ fees: String, _ liability: String) -> Selection {
    let values = [onboarding, dashboard, chargeType, fees, liability]
    return Selection(properties: Guide.bundled.propertyIDs) { OptionID(values[$0.index]) }
}
