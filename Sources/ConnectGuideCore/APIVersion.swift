/// A Stripe API version as Stripe writes it: a release date, `YYYY-MM-DD`, and usually a
/// release name after a dot (`2026-11-18.endive`, `2026-06-24.preview`). Versions order by
/// date; the name only tells preview releases apart.
public struct StripeAPIVersion: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    /// The release name, lowercased; nil for a bare date.
    public let name: String?

    /// Nil unless the text is `YYYY-MM-DD` with a real date, optionally followed by `.name`
    /// (letters only).
    public init?(_ text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard date.count == 3, date[0].utf8.count == 4, date[1].utf8.count == 2, date[2].utf8.count == 2,
            date.allSatisfy({ $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }),
            let year = Int(date[0]), let month = Int(date[1]), let day = Int(date[2]),
            (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day)
        else { return nil }
        var name: String?
        if parts.count == 2 {
            let lowered = parts[1].lowercased()
            guard !lowered.isEmpty, lowered.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return nil }
            name = lowered
        }
        self.init(year: year, month: month, day: day, name: name)
    }

    public init(year: Int, month: Int, day: Int, name: String?) {
        self.year = year
        self.month = month
        self.day = day
        self.name = name
    }

    public var isPreview: Bool { name == "preview" }

    /// `YYYY-MM-DD`.
    public var date: String {
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    public var description: String { name.map { "\(date).\($0)" } ?? date }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.name ?? "") < (rhs.year, rhs.month, rhs.day, rhs.name ?? "")
    }

    /// Same release day, whatever the name.
    func isOnOrAfter(_ other: Self) -> Bool { (year, month, day) >= (other.year, other.month, other.day) }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// The Stripe API versions a rule holds for. All bounds are release dates: `from` is the
/// first date it holds, `before` the first date it no longer does, and preview releases
/// from `previewsFrom` on already behave as the releases after `before`.
public struct VersionRange: Hashable, Sendable {
    public let from: StripeAPIVersion?
    public let before: StripeAPIVersion?
    public let previewsFrom: StripeAPIVersion?

    public static let all = VersionRange(from: nil, before: nil, previewsFrom: nil)

    public init(from: StripeAPIVersion?, before: StripeAPIVersion?, previewsFrom: StripeAPIVersion?) {
        self.from = from
        self.before = before
        self.previewsFrom = previewsFrom
    }

    public var isAll: Bool { from == nil && before == nil }

    public func contains(_ version: StripeAPIVersion) -> Bool {
        if let from, !version.isOnOrAfter(from) { return false }
        if let before, version.isOnOrAfter(before) { return false }
        if let previewsFrom, before != nil, version.isPreview, version.isOnOrAfter(previewsFrom) { return false }
        return true
    }
}

/// A release that changed what the guide says, from Assets/rules.json.
public struct APIVersionChange: Hashable, Sendable {
    public let version: StripeAPIVersion
    public let change: String
    public let sources: [DocLink]

    public init(version: StripeAPIVersion, change: String, sources: [DocLink]) {
        self.version = version
        self.change = change
        self.sources = sources
    }
}

/// Why a version asked for is not one the guide can use. Stripe refuses a `Stripe-Version`
/// header that names no real version, so only known versions (and previews within the
/// known range) get through.
public enum APIVersionProblem: Hashable, Sendable, Error {
    /// Not `YYYY-MM-DD` or `YYYY-MM-DD.name` with a real date.
    case malformed
    /// A known release date with a name that is not that release's: the known version.
    case wrongName(known: StripeAPIVersion)
    /// No known version on that date: the known versions on either side of it.
    case unknown(nearest: [StripeAPIVersion])
    /// Before the oldest version the guide knows.
    case tooOld(oldest: StripeAPIVersion)
    /// After the newest version the guide knows.
    case tooNew(newest: StripeAPIVersion)
}

extension Guide {
    /// The known version a text names, its release name completed (`2026-10-28` is
    /// `2026-10-28.endive`), or a preview version dated within the known range.
    public func resolveAPIVersion(_ text: String) -> Result<StripeAPIVersion, APIVersionProblem> {
        guard let version = StripeAPIVersion(text) else { return .failure(.malformed) }
        guard let oldest = knownAPIVersions.first, let newest = knownAPIVersions.last else { return .success(version) }
        if !version.isOnOrAfter(oldest) { return .failure(.tooOld(oldest: oldest)) }
        if version.isOnOrAfter(newest), version.date != newest.date { return .failure(.tooNew(newest: newest)) }
        if version.isPreview { return .success(version) }
        if let known = knownAPIVersions.first(where: { $0.date == version.date }) {
            return version.name == nil || version.name == known.name ? .success(known) : .failure(.wrongName(known: known))
        }
        let before = knownAPIVersions.last { !$0.isOnOrAfter(version) }
        let after = knownAPIVersions.first { $0.isOnOrAfter(version) }
        return .failure(.unknown(nearest: [before, after].compactMap { $0 }))
    }

    /// The known release whose rules a preview version starts from: the newest on or
    /// before its date.
    public func releaseBefore(preview version: StripeAPIVersion) -> StripeAPIVersion? {
        knownAPIVersions.last { version.isOnOrAfter($0) }
    }
}
