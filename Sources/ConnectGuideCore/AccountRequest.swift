/// The formats `connect-guide config` writes.
public enum ConfigFormat: String, CaseIterable, Hashable, Sendable {
    case json
    case curl
}

/// The version of the config JSON document's shape.
public let configSchemaID = "connect-guide/config/v1"

/// Where Stripe's API lives; the endpoints in config.json are paths under it.
public let stripeAPIBaseURL = "https://api.stripe.com"

/// The `Stripe-Version` sent with the Accounts v2 request. Stripe's documented v2 examples
/// always send this header with a dated version; 2025-12-15.clover is the release whose
/// changelog opened Accounts v2 to Connect platforms. Not checked against a live account:
/// users should put the version their account uses (the curl output says so).
public let accountsV2APIVersion = "2025-12-15.clover"

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
                ("contentVersion", .string(plan.contentVersion)),
                ("api", .string(api.rawValue)),
                ("selection", .object(properties.map { ($0.id.rawValue, .string(plan.selection[$0.id].rawValue)) })),
                ("implied", .array(report.implied.map(movedJSON))),
                ("requirementCollection", .string(plan.requirementCollection.rawValue)),
            ] + request + [
                ("explanations", .array(configuration.parameters.map { parameter in
                    .object([
                        ("parameter", .string(parameter.name)),
                        ("value", parameter.value.json),
                        ("because", .string(parameter.because)),
                    ])
                })),
            ])
    }

    /// A `curl` command that creates a connected account configured for the selection.
    /// The secret key stays a shell variable (`$STRIPE_SECRET_KEY`) for the user's shell
    /// to expand; this program never sees it.
    public func curlCommand(_ report: PlanReport, api: AccountsAPI) -> String {
        let plan = report.plan
        let configuration = plan.configuration(for: api)
        var lines: [String] = []
        lines.append("# Creates a connected account for this selection with Accounts \(api.rawValue) (\(configuration.method) \(configuration.endpoint)):")
        lines.append("#   " + properties.map { "\($0.label): \(optionLabel($0.id, plan.selection))" }.joined(separator: "; "))
        lines.append("# Set STRIPE_SECRET_KEY in your shell first; connect-guide never reads or stores your key.")
        switch api {
        case .v1:
            lines.append("# Add the account's own details (country, email, business) as your integration needs.")
        case .v2:
            lines.append("# Add the account's own details: contact_email and identity (country, entity type) are")
            lines.append("# needed before a merchant or recipient configuration can be used.")
            lines.append("# Stripe-Version: \(accountsV2APIVersion) is the first release with Accounts v2 for Connect;")
            lines.append("# use the API version your account is on.")
        }
        lines.append("# Why each parameter:")
        for parameter in configuration.parameters {
            lines.append("#   \(parameter.name)=\(parameter.value): \(parameter.because)")
        }

        var arguments: [String] = ["curl -X \(configuration.method) \(stripeAPIBaseURL)\(configuration.endpoint)"]
        switch api {
        case .v1:
            // Basic auth with the key as user name and no password, as Stripe's v1 examples do.
            arguments.append("-u \"$STRIPE_SECRET_KEY:\"")
            arguments += configuration.parameters.map { "-d " + shellQuoted("\($0.name)=\($0.value)") }
        case .v2:
            arguments.append("-H \"Authorization: Bearer $STRIPE_SECRET_KEY\"")
            arguments.append("-H " + shellQuoted("Stripe-Version: \(accountsV2APIVersion)"))
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
    let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./-_")
    if !text.isEmpty && text.allSatisfy(safe.contains) { return text }
    return "'" + text.replacing("'", with: "'\\''") + "'"
}

