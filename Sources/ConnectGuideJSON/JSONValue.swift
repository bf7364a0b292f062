/// A JSON document with object keys in a fixed order, so exports are stable and read
/// in a sensible order (selection first, URL last) rather than alphabetically.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .int(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let items): hasher.combine(items)
        case .object(let members):
            for (key, value) in members {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }

    /// Pretty-printed with two-space indentation and a trailing newline at top level.
    public func serialized(indent: Int = 0) -> String {
        var output = ""
        // A plan is a few kilobytes: one buffer, not a string grown many times.
        output.reserveCapacity(16 * 1024)
        write(to: &output, indent: indent)
        if indent == 0 { output += "\n" }
        return output
    }

    /// Two spaces a level, for the levels documents reach, made once.
    private static let indentation: [String] = (0..<12).map { String(repeating: "  ", count: $0) }

    private static func indent(_ level: Int, to output: inout String) {
        if level < indentation.count {
            output += indentation[level]
        } else {
            output += String(repeating: "  ", count: level)
        }
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "[\n"
            for (index, item) in items.enumerated() {
                JSONValue.indent(indent + 1, to: &output)
                item.write(to: &output, indent: indent + 1)
                output += index < items.count - 1 ? ",\n" : "\n"
            }
            JSONValue.indent(indent, to: &output)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{\n"
            for (index, (key, value)) in members.enumerated() {
                JSONValue.indent(indent + 1, to: &output)
                JSONValue.writeString(key, to: &output)
                output += ": "
                value.write(to: &output, indent: indent + 1)
                output += index < members.count - 1 ? ",\n" : "\n"
            }
            JSONValue.indent(indent, to: &output)
            output += "}"
        }
    }

    /// A string as a JSON string literal, quoted and escaped.
    public static func quoted(_ value: String) -> String {
        var output = ""
        writeString(value, to: &output)
        return output
    }

    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        // Most strings need no escaping: append them whole. Their bytes are scanned in
        // place where the string holds them contiguously, as native strings do.
        func needsEscaping(_ byte: UInt8) -> Bool { byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") }
        let escaping = value.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsEscaping) }
            ?? value.utf8.contains(where: needsEscaping)
        if !escaping {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Member lookup for tests and callers that read documents back.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }
}
