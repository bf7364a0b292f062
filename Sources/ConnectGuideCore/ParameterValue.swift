/// A parameter value as the API takes it: a string, or a boolean for v2's JSON body.
public enum ParameterValue: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case bool(Bool)
    /// A value only the user knows (the account's country): `name` is the shell variable
    /// the curl request reads it from, `description` says what to put there.
    case placeholder(name: String, description: String)

    public var description: String {
        switch self {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .placeholder(let name, _): "$" + name
        }
    }
}
