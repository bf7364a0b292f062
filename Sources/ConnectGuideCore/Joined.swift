extension Array where Element == String {
    /// The elements with `separator` between them, as the standard library's
    /// `joined(separator:)` gives them. Declared here, on `Array` itself, so every module
    /// above the core calls this and not the library's generic version: that one asks the
    /// runtime for an associated type on its first call, and the answer scans every
    /// conformance record in the binary (about 150K instructions of each start).
    public func joined(separator: String) -> String {
        var result = ""
        for (index, element) in enumerated() {
            if index > 0 { result.append(separator) }
            result.append(element)
        }
        return result
    }
}
