/// The API calls a plan step makes, as content (Assets/quickstart.json): one request per
/// call, with its parameters and the docs page it cites. The curl and Python renderers
/// (ConnectGuideDocuments) turn the same data into both languages.
public struct QuickstartStepCalls: Hashable, Sendable {
    /// The step variant (steps.json) these calls carry out.
    public let stepID: String
    public let calls: [QuickstartCall]
    /// For a step the API does not carry out: what to set and where, in one line.
    public let note: String?

    public init(stepID: String, note: String?, calls: [QuickstartCall]) {
        self.stepID = stepID
        self.calls = calls
        self.note = note
    }
}

/// One API request of a step.
public struct QuickstartCall: Hashable, Sendable {
    /// The name the result goes by in the script (`account`, `account_link`).
    public let id: String
    /// Which Accounts API's scripts make it.
    public let apis: [AccountsAPI]
    /// Narrows the step's selection further (empty: always).
    public let condition: Condition
    /// The account-creation request: method, path and parameters come from the plan's
    /// account configuration (config.json); `parameters` adds to them.
    public let createsAccount: Bool
    public let method: String
    /// May hold references to earlier results in braces: `/v1/accounts/{account.id}`.
    public let path: String
    public let parameters: [QuickstartField]
    /// Made on the connected account: the `Stripe-Account` header.
    public let onConnectedAccount: Bool
    public let doc: DocLink
    /// What the call does, in one line, for the comment above it.
    public let comment: String
    /// A result field the user opens in a browser, and what to tell them.
    public let browser: QuickstartBrowserStep?
    /// Shown commented out: a call the plan may make, not one the script runs.
    public let optional: Bool
    /// A variant of the call, shown as a comment: extra parameters and why.
    public let alternative: QuickstartAlternative?
    /// Said above the call in the other API's scripts when this call stands in for a v2
    /// way that the SDK and the docs do not confirm.
    public let fallbackNote: String?

    public init(
        id: String, apis: [AccountsAPI], condition: Condition, createsAccount: Bool, method: String, path: String,
        parameters: [QuickstartField], onConnectedAccount: Bool, doc: DocLink, comment: String,
        browser: QuickstartBrowserStep?, optional: Bool, alternative: QuickstartAlternative?, fallbackNote: String?
    ) {
        self.id = id
        self.apis = apis
        self.condition = condition
        self.createsAccount = createsAccount
        self.method = method
        self.path = path
        self.parameters = parameters
        self.onConnectedAccount = onConnectedAccount
        self.doc = doc
        self.comment = comment
        self.browser = browser
        self.optional = optional
        self.alternative = alternative
        self.fallbackNote = fallbackNote
    }
}

public struct QuickstartBrowserStep: Hashable, Sendable {
    /// The result field to show (`url`, `client_secret`).
    public let field: String
    public let text: String
    /// Code that runs in the browser with the field (Connect.js), shown as a comment.
    public let browserCode: [String]

    public init(field: String, text: String, browserCode: [String]) {
        self.field = field
        self.text = text
        self.browserCode = browserCode
    }
}

public struct QuickstartAlternative: Hashable, Sendable {
    public let comment: String
    public let parameters: [QuickstartField]

    public init(comment: String, parameters: [QuickstartField]) {
        self.comment = comment
        self.parameters = parameters
    }
}

public struct QuickstartField: Hashable, Sendable {
    public let name: String
    public let value: QuickstartValue

    public init(name: String, value: QuickstartValue) {
        self.name = name
        self.value = value
    }
}

/// A parameter value: a literal, a nested object, or something the script fills in.
public indirect enum QuickstartValue: Hashable, Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([String])
    case object([QuickstartField])
    /// From the environment; without a fallback the script stops early when it is unset.
    case environment(name: String, fallback: String?, about: String)
    /// A field of an earlier call's result (`account.id`).
    case reference(call: String, field: String)
    /// The time the script runs: seconds since 1970 (v1) or an RFC 3339 string (v2).
    case now(iso: Bool)
}
