import ConnectGuideCore
import ConnectGuideText

extension Guide {
    /// The strings in the guide's own language, so a document never mixes two.
    public var text: UIText { UIText.bundled(LocaleID(rawValue: locale) ?? .en) }
}
