/// A docs page URL that cannot be read as a selection.
public enum URLImportError: Error, Hashable, Sendable {
    case empty
    case foreignHost(String)
    case foreignPage(String)
    case malformedEncoding(String)
    case notUTF8(String)
    case unknownValue(key: String, value: String, valid: [String])
    case conflictingValues(key: String, values: [String])

}

/// A selection read from a URL, with what was skipped.
public struct URLImport: Hashable, Sendable {
    public let selection: PartialSelection
    /// Query keys that are not the guide's, ignored.
    public let ignoredKeys: [String]
}

extension Guide {
    /// The docs page URL for a selection, with parameters in the page's own order (after
    /// the page's language, `?locale=ja-JP`, in a guide in another language than English).
    public func url(for selection: Selection) -> String {
        let query = urlParameterOrder.map { id in
            let property = property(id)
            return "\(property.urlKey)=\(property.option(selection[id])?.urlValue ?? selection[id].rawValue)"
        }
        return pageURL + (pageURL.contains("?") ? "&" : "?") + query.joined(separator: "&")
    }

    /// Reads a selection from the page's URL, or from its query alone (`?connect-...`).
    /// Unknown keys are ignored and reported; unknown values of known keys are errors.
    public func selection(fromURL text: String) throws(URLImportError) -> URLImport {
        var rest = Substring(text.trimmingWhitespace())
        guard !rest.isEmpty else { throw .empty }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }

        var query: Substring
        if let questionMark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: questionMark)...]
            rest = rest[..<questionMark]
        } else if rest.contains("=") && !rest.contains("/") {
            query = rest
            rest = ""
        } else {
            query = ""
        }
        if !rest.isEmpty { try checkPage(String(rest)) }

        var partial = PartialSelection()
        var ignored: [String] = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try percentDecoded(parts[0])
            let value = try percentDecoded(parts.count > 1 ? parts[1] : "")
            guard let property = properties.first(where: { $0.urlKey == key }) else {
                // The page's language is the page's own parameter, not an unknown one.
                if key != "locale" && !ignored.contains(key) { ignored.append(key) }
                continue
            }
            guard let option = property.options.first(where: { $0.urlValue == value }) ?? property.option(named: value) else {
                throw .unknownValue(key: key, value: value, valid: property.options.map(\.urlValue))
            }
            if let earlier = partial[property.id], earlier != option.id {
                let values = [earlier, option.id].compactMap { property.option($0)?.urlValue }
                throw .conflictingValues(key: key, values: values)
            }
            partial[property.id] = option.id
        }
        return URLImport(selection: partial, ignoredKeys: ignored)
    }

    private func checkPage(_ address: String) throws(URLImportError) {
        var rest = Substring(address)
        for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
        }
        let page = pageURL.prefix { $0 != "?" }.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: true)
        // pageURL is "https://docs.stripe.com/connect/design-an-integration", in another
        // language with "?locale=ja-JP" after it.
        let expectedHost = page.count > 1 ? page[1].lowercased() : ""
        let expectedPath = page.count > 2 ? "/" + String(page[2]) : ""
        // A path alone ("/connect/design-an-integration?..."), as copied from the page's links.
        if rest.hasPrefix("/") { rest = Substring(expectedHost + String(rest)) }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let host = rest[..<slash].lowercased()
        var path = String(rest[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        guard host == expectedHost || host == "www." + expectedHost else { throw .foreignHost(String(host)) }
        guard path == expectedPath else { throw .foreignPage(path.isEmpty ? "/" : path) }
    }
}

private func percentDecoded(_ text: Substring) throws(URLImportError) -> String {
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
        switch byte {
        case UInt8(ascii: "+"):
            bytes.append(UInt8(ascii: " "))
        case UInt8(ascii: "%"):
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw .malformedEncoding(String(text))
            }
            bytes.append(high << 4 | low)
        default:
            bytes.append(byte)
        }
    }
    guard let decoded = String(validating: bytes, as: UTF8.self) else { throw .notUTF8(String(text)) }
    return decoded
}

private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}

extension StringProtocol {
    /// The text without the whitespace around it.
    public func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return Substring(self[first...last])
    }
}
