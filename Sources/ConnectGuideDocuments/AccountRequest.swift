import ConnectGuideCore
import ConnectGuideJSON

/// The formats `connect-guide config` writes.
public enum ConfigFormat: String, CaseIterable, Hashable, Sendable {
    case json
    case curl
}

/// The version of the config JSON document's shape.
public let configSchemaID = "connect-guide/config/v1"

/// Where Stripe's API lives; the endpoints in config.json are paths under it.
public let stripeAPIBaseURL = "https://api.stripe.com"

extension Guide {
    public func renderConfiguration(_ report: PlanReport, api: AccountsAPI, as format: ConfigFormat) -> String {
        switch format {
        case .json: configurationDocument(report, api: api).serialized()
        case .curl: curlCommand(report, api: api)
        }
    }

    /// The account parameters for one API with the selection they are for and why each is set.
    public func configurationDocument(_ report: PlanReport, api: AccountsAPI) -> JSONValue {
        let plan = report.plan
        let configuration = plan.configuration(for: api)
        guard case .object(let request) = configurationJSON(configuration) else { return .null }
        return .object(
            [
                ("schema", .string(configSchemaID)),
                ("locale", .string(locale)),
                ("contentVersion", .string(plan.contentVersion)),
                ("api", .string(api.rawValue)),
                ("stripeVersion", .string(plan.apiVersion.description)),
                ("selection", .object(properties.map { ($0.id.rawValue, .string(plan.selection[$0.id].rawValue)) })),
                ("implied", .array(report.implied.map(movedJSON))),
                ("requirementCollection", .string(plan.requirementCollection.rawValue)),
            ] + request + [
                ("explanations", .array(
                    configuration.parameters.map { explanation($0, onBehalfOf: false) }
                        + configuration.onBehalfOf.map { explanation($0, onBehalfOf: true) })),
            ])
    }

    private func explanation(_ parameter: AccountParameter, onBehalfOf: Bool) -> JSONValue {
        .object([
            ("parameter", .string(parameter.name)),
            ("value", parameter.value.json),
            ("onBehalfOfOnly", .bool(onBehalfOf)),
            ("because", .string(parameter.because)),
        ])
    }

    /// A `curl` command that creates a connected account configured for the selection.
    /// The secret key stays a shell variable (`$STRIPE_SECRET_KEY`) for the user's shell
    /// to expand; this program never sees it.
    public func curlCommand(_ report: PlanReport, api: AccountsAPI) -> String {
        let plan = report.plan
        let configuration = plan.configuration(for: api)
        let words = text.documents
        var lines: [String] = []
        lines.append("# " + words.curlCreates(api: api.rawValue, method: configuration.method, endpoint: configuration.endpoint))
        lines.append("#   " + properties.map { "\($0.label): \(optionLabel($0.id, plan.selection))" }.joined(separator: "; "))
        lines.append("# " + words.curlSecretKey)
        lines.append("# " + words.curlVersion(version: plan.apiVersion.description))
        for parameter in configuration.parameters {
            if case .placeholder(let name, let description) = parameter.value {
                lines.append("# " + words.curlSetPlaceholder(name: name, description: description))
            }
        }
        lines.append("# " + (api == .v1 ? words.curlOtherDetailsV1 : words.curlOtherDetailsV2))
        lines.append("# " + words.curlWhy)
        for parameter in configuration.parameters {
            lines.append("#   \(parameter.name)=\(parameter.value): \(parameter.because)")
        }
        if !configuration.onBehalfOf.isEmpty {
            lines.append("# " + words.onBehalfOfAdd(note: self.configuration.onBehalfOf.text))
            for parameter in configuration.onBehalfOf {
                switch api {
                case .v1: lines.append("#   -d " + shellQuoted("\(parameter.name)=\(parameter.value)") + "  (\(parameter.because))")
                case .v2: lines.append("#   " + words.curlInBody(parameter: "\(parameter.name)=\(parameter.value)") + "  (\(parameter.because))")
                }
            }
        }

        var arguments: [String] = ["curl -X \(configuration.method) \(stripeAPIBaseURL)\(configuration.endpoint)"]
        switch api {
        case .v1:
            // Basic auth with the key as user name and no password, as Stripe's v1 examples do.
            // The shell stops the request when the key is unset, as for $ACCOUNT_COUNTRY.
            arguments.append("-u \"\(secretKey):\"")
            arguments.append("-H " + shellQuoted("Stripe-Version: \(plan.apiVersion)"))
            arguments += configuration.parameters.map { parameter in
                if case .placeholder(let name, _) = parameter.value {
                    // Expanded by the shell; stops the request when the variable is unset.
                    return "-d \"\(parameter.name)=${\(name):?set \(name) first}\""
                }
                return "-d " + shellQuoted("\(parameter.name)=\(parameter.value)")
            }
        case .v2:
            arguments.append("-H \"Authorization: Bearer \(secretKey)\"")
            arguments.append("-H " + shellQuoted("Stripe-Version: \(plan.apiVersion)"))
            // Content-Type and --data rather than --json, which curl before 7.82 lacks.
            arguments.append("-H 'Content-Type: application/json'")
            arguments.append("--data " + shellQuoted(configurationBody(configuration).serialized().trimmingTrailingNewline()))
        }
        lines.append(arguments.joined(separator: " \\\n  "))
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The text as one word for a POSIX shell: single-quoted, with embedded single quotes
/// closed, escaped and reopened. Plain words that need no quoting are left as they are.
public func shellQuoted(_ text: String) -> String {
    // Byte by byte: every safe character is ASCII, and a set of Characters built per call
    // cost more than the rest of the guide's exit.
    func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "@%+=:,./-_".utf8.contains(byte)
        }
    }
    if !text.isEmpty && text.utf8.allSatisfy(isSafe) { return text }
    var quoted: [UInt8] = [UInt8(ascii: "'")]
    for byte in text.utf8 {
        if byte == UInt8(ascii: "'") { quoted += "'\\''".utf8 } else { quoted.append(byte) }
    }
    quoted.append(UInt8(ascii: "'"))
    return String(decoding: quoted, as: UTF8.self)
}


/// The secret key as the curl requests name it: a shell variable, expanded by the user's
/// shell, which stops the request with a message when it is unset (rather than send an
/// empty key and get Stripe's 401).
let secretKey = "${STRIPE_SECRET_KEY:?set STRIPE_SECRET_KEY first}"
