import ConnectGuideCore
import ConnectGuideJSON
import ConnectGuideText

/// The languages the quickstart is written in; both come from the same calls.
public enum QuickstartLanguage: String, CaseIterable, Hashable, Sendable {
    case curl
    case python

    /// The file extension that picks the language in `--output` and the export dialog.
    public var fileExtension: String { self == .curl ? "sh" : "py" }
}

/// One request of the quickstart, resolved for a plan and an Accounts API.
public struct QuickstartRequest: Hashable, Sendable {
    public let call: QuickstartCall
    public let method: String
    public let path: String
    public let parameters: [QuickstartField]
    /// Said above the call: the v2 way is not confirmed, so this is the v1 call.
    public let fallbackNote: String?
    /// A variant shown as a comment (the `on_behalf_of` one): what it adds, and why.
    public let alternative: QuickstartAlternative?
    /// A JSON body (Accounts v2 endpoints) rather than a form (v1).
    public var isJSON: Bool { path.hasPrefix("/v2/") }
}

/// A plan step with the requests that carry it out, or the one line that says what to set.
public struct QuickstartStep: Hashable, Sendable {
    public let number: Int
    public let title: String
    public let requests: [QuickstartRequest]
    public let note: String?
}

extension Guide {
    /// The plan's steps with their calls for one Accounts API, in plan order.
    public func quickstartSteps(_ plan: Plan, api: AccountsAPI) -> [QuickstartStep] {
        plan.steps.map { step in
            let content = quickstart.first { $0.stepID == step.id }
            let requests = (content?.calls ?? []).filter { $0.apis.contains(api) && holds($0.condition, for: plan.selection) }.map { call in
                if call.createsAccount {
                    let configuration = plan.configuration(for: api)
                    // The on_behalf_of variant of the account (destination charges): one comment.
                    let variant = configuration.onBehalfOf.isEmpty ? nil : QuickstartAlternative(
                        comment: text.documents.onBehalfOfAdd(note: self.configuration.onBehalfOf.text),
                        parameters: accountFields(configuration.onBehalfOf))
                    return QuickstartRequest(
                        call: call, method: configuration.method, path: configuration.endpoint,
                        parameters: merged(accountFields(configuration.parameters), call.parameters), fallbackNote: nil,
                        alternative: variant)
                }
                return QuickstartRequest(
                    call: call, method: call.method, path: call.path, parameters: call.parameters,
                    fallbackNote: api == .v2 ? call.fallbackNote : nil, alternative: call.alternative)
            }
            return QuickstartStep(number: step.number, title: step.title, requests: requests, note: content?.note)
        }
    }

    /// The whole quickstart as one file that runs top to bottom against a sandbox.
    public func quickstartScript(_ report: PlanReport, api: AccountsAPI, language: QuickstartLanguage) -> String {
        let plan = report.plan
        let steps = quickstartSteps(plan, api: api)
        let writer = QuickstartWriter(language: language, api: api, version: plan.apiVersion.description, steps: steps, words: text.documents)
        var lines = writer.preamble(
            selection: properties.map { "\($0.label): \(optionLabel($0.id, plan.selection))" }.joined(separator: "; "))
        for step in steps { lines += [""] + writer.step(step) }
        let done = text.documents.quickstartDone
        lines += ["", language == .python ? "print(\(pythonString(done)))" : "echo \(shellQuoted(done))"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The quickstart in Python for Accounts v1, as a Markdown section of the plan and the prompt.
    public func quickstartSection(_ report: PlanReport, heading: String) -> String {
        quickstartSection(plan: report.plan, heading: heading)
    }

    /// `forAssistant` (the prompt) leaves out how to get other forms with this CLI, which
    /// an assistant does not have.
    func quickstartSection(plan: Plan, heading: String, forAssistant: Bool = false) -> String {
        let words = text.documents
        var lines = [
            "\(heading) " + words.quickstartHeading,
            "",
            forAssistant ? words.quickstartIntroduction : words.quickstartIntroduction + " " + words.quickstartOtherForms,
            "",
            "```python",
        ]
        lines.append(quickstartScript(PlanReport(plan: plan), api: .v1, language: .python).trimmingTrailingNewline())
        lines += ["```", ""]
        return lines.joined(separator: "\n")
    }

    /// One step's code, as the guide shows and copies it; nil for a step number the plan lacks.
    public func quickstartStepCode(_ plan: Plan, api: AccountsAPI, language: QuickstartLanguage, step number: Int) -> String? {
        let steps = quickstartSteps(plan, api: api)
        guard let step = steps.first(where: { $0.number == number }) else { return nil }
        let writer = QuickstartWriter(language: language, api: api, version: plan.apiVersion.description, steps: steps, words: text.documents)
        var lines: [String] = []
        if !step.requests.isEmpty {
            lines.append("# " + (language == .python
                ? text.documents.quickstartStepUsesClient(version: plan.apiVersion.description)
                : text.documents.quickstartStepUsesShell))
        }
        return (lines + writer.step(step)).joined(separator: "\n") + "\n"
    }

    /// Every request the quickstart can send (optional calls and commented variants
    /// included), as `Tools/sdk/check_requests.py` reads them.
    public func quickstartRequestsForCheck(_ plan: Plan, api: AccountsAPI, label: String) -> [JSONValue] {
        quickstartSteps(plan, api: api).flatMap { step in
            step.requests.flatMap { request -> [JSONValue] in
                var variants = [("", request.parameters)]
                if let alternative = request.alternative {
                    variants.append((" (variant)", merged(request.parameters, alternative.parameters)))
                }
                return variants.map { suffix, parameters in
                    let path = QuickstartWriter.pathSegments(request.path).map { segment in
                        switch segment {
                        case .text(let text): text
                        case .reference(let call, let field): "{" + call + "." + field + "}"
                        }
                    }.joined()
                    let body: (String, JSONValue) = request.isJSON
                        ? ("params", checkJSON(parameters))
                        : ("form", .array(formPairs(parameters, prefix: "").map { .array([.string($0.0), .string($0.1)]) }))
                    return .object([
                        ("label", .string("\(label) step \(step.number) \(request.call.id)\(suffix)")),
                        ("method", .string(request.method)), ("path", .string(path)), body,
                    ])
                }
            }
        }
    }
}

/// The account configuration's parameters as nested fields: v1 names are form keys
/// (`controller[fees][payer]`), v2 names dotted paths.
private func accountFields(_ parameters: [AccountParameter]) -> [QuickstartField] {
    var result: [QuickstartField] = []
    for parameter in parameters {
        let path: [String] = parameter.name.contains("[")
            ? parameter.name.split(whereSeparator: { $0 == "[" || $0 == "]" }).map(String.init)
            : parameter.name.split(separator: ".").map(String.init)
        let value: QuickstartValue
        switch parameter.value {
        case .string("true"): value = .bool(true)
        case .string("false"): value = .bool(false)
        case .string(let text): value = .string(text)
        case .bool(let flag): value = .bool(flag)
        case .placeholder(let name, let description): value = .environment(name: name, fallback: nil, about: description)
        }
        result = merged(result, [nestedField(path, value)])
    }
    return result
}

private func nestedField(_ path: [String], _ value: QuickstartValue) -> QuickstartField {
    guard path.count > 1 else { return QuickstartField(name: path.first ?? "", value: value) }
    return QuickstartField(name: path[0], value: .object([nestedField(Array(path.dropFirst()), value)]))
}

/// `extra` laid over `base`: objects merge by name, other values replace.
private func merged(_ base: [QuickstartField], _ extra: [QuickstartField]) -> [QuickstartField] {
    var result = base
    for field in extra {
        if let index = result.firstIndex(where: { $0.name == field.name }) {
            if case .object(let old) = result[index].value, case .object(let new) = field.value {
                result[index] = QuickstartField(name: field.name, value: .object(merged(old, new)))
            } else {
                result[index] = field
            }
        } else {
            result.append(field)
        }
    }
    return result
}

/// Placeholders as check_requests.py knows them: `$NAME`.
private func placeholder(_ value: QuickstartValue) -> String? {
    switch value {
    case .environment(let name, _, _): "$" + name
    case .reference(let call, let field): "$" + (call + "_" + field).uppercased()
    case .now: "$NOW"
    default: nil
    }
}

private func checkJSON(_ fields: [QuickstartField]) -> JSONValue {
    .object(fields.map { field in
        switch field.value {
        case .string(let text): (field.name, .string(text))
        case .int(let number): (field.name, .int(number))
        case .bool(let flag): (field.name, .bool(flag))
        case .list(let items): (field.name, .array(items.map { .string($0) }))
        case .object(let inner): (field.name, checkJSON(inner))
        default: (field.name, .string(placeholder(field.value) ?? ""))
        }
    })
}

/// Form pairs as stripe-python encodes them: `a[b][c]`, lists as `a[0]`.
func formPairs(_ fields: [QuickstartField], prefix: String) -> [(String, String)] {
    fields.flatMap { field -> [(String, String)] in
        let name = prefix.isEmpty ? field.name : "\(prefix)[\(field.name)]"
        switch field.value {
        case .string(let text): return [(name, text)]
        case .int(let number): return [(name, String(number))]
        case .bool(let flag): return [(name, flag ? "true" : "false")]
        case .list(let items): return items.enumerated().map { ("\(name)[\($0.offset)]", $0.element) }
        case .object(let inner): return formPairs(inner, prefix: name)
        default: return [(name, placeholder(field.value) ?? "")]
        }
    }
}

/// Writes the quickstart's steps in one language. Both languages walk the same requests.
struct QuickstartWriter {
    let language: QuickstartLanguage
    let api: AccountsAPI
    let version: String
    let steps: [QuickstartStep]
    let words: UIText.Documents

    enum PathSegment: Hashable {
        case text(String)
        case reference(call: String, field: String)
    }

    /// `/v1/accounts/{account.id}/login_links` as text and references.
    static func pathSegments(_ path: String) -> [PathSegment] {
        var segments: [PathSegment] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { segments.append(.text(String(rest[..<open]))) }
            let parts = rest[rest.index(after: open)..<close].split(separator: ".")
            segments.append(.reference(call: String(parts.first ?? ""), field: String(parts.dropFirst().first ?? "id")))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { segments.append(.text(String(rest))) }
        return segments
    }

    var requests: [QuickstartRequest] { steps.flatMap(\.requests) }

    /// Environment variables the scripts read, in order of first use, with what they hold.
    var environment: [(name: String, fallback: String?, about: String)] {
        var seen: [(name: String, fallback: String?, about: String)] = []
        func walk(_ fields: [QuickstartField]) {
            for field in fields {
                switch field.value {
                case .environment(let name, let fallback, let about) where !seen.contains(where: { $0.name == name }):
                    seen.append((name, fallback, about))
                case .object(let inner): walk(inner)
                default: break
                }
            }
        }
        for request in requests where !request.call.optional { walk(request.parameters) }
        return seen
    }

    /// The result fields later requests use, for each call id.
    func usedFields(of call: String) -> [String] {
        var fields: [String] = []
        func add(_ name: String, _ field: String) { if name == call, !fields.contains(field) { fields.append(field) } }
        func walk(_ list: [QuickstartField]) {
            for item in list {
                switch item.value {
                case .reference(let name, let field): add(name, field)
                case .object(let inner): walk(inner)
                default: break
                }
            }
        }
        for request in requests {
            walk(request.parameters)
            walk(request.alternative?.parameters ?? [])
            for case .reference(let name, let field) in Self.pathSegments(request.path) { add(name, field) }
        }
        return fields
    }

    // MARK: The file's start

    func preamble(selection: String) -> [String] {
        var about = [
            language == .python ? words.quickstartAboutPython(api: api.rawValue) : words.quickstartAboutCurl(api: api.rawValue),
            words.quickstartSelection(selection: selection),
            words.quickstartVersion(version: version),
            words.quickstartWhatItDoes,
            language == .python ? words.quickstartRunPython : words.quickstartRunCurl,
            words.quickstartBrowser,
        ]
        let variables = environment
        if !variables.isEmpty {
            about.append(words.quickstartEnvironment)
            for variable in variables {
                about.append("  \(variable.name): " + (variable.fallback.map { words.quickstartVariableDefault(about: variable.about, value: $0) }
                    ?? words.quickstartVariableRequired(about: variable.about)))
            }
        }
        about.append(words.quickstartAPIBase)
        let required = variables.filter { $0.fallback == nil }
        switch language {
        case .python:
            var lines = ["#!/usr/bin/env python3"] + about.map { "# " + $0 } + [
                "import os",
                "import sys",
                "import time",
                "from datetime import datetime, timezone",
                "",
                "secret_key = os.environ.get(\"STRIPE_SECRET_KEY\", \"\")",
                "if not secret_key:",
                "    sys.exit(\(pythonString(words.quickstartMissingKey)))",
                "if secret_key.startswith((\"sk_live_\", \"rk_live_\")):",
                "    sys.exit(\(pythonString(words.quickstartLiveKey)))",
            ]
            for variable in required {
                lines += [
                    "if not os.environ.get(\(pythonString(variable.name))):",
                    "    sys.exit(\(pythonString(words.quickstartSetVariable(name: variable.name, about: variable.about))))",
                ]
            }
            lines += [
                "",
                "# " + words.quickstartImportAfterChecks,
                "import stripe  # noqa: E402",
                "",
                "client = stripe.StripeClient(",
                "    secret_key,",
                "    stripe_version=\(pythonString(version)),",
                "    base_addresses={\"api\": os.environ.get(\"STRIPE_API_BASE\", \"https://api.stripe.com\")},",
                ")",
                "# " + words.quickstartUnusedImports,
                "_ = (time, datetime, timezone)",
            ]
            return lines
        case .curl:
            var lines = ["#!/usr/bin/env bash"] + about.map { "# " + $0 } + [
                "set -euo pipefail",
                "if [ -z \"${STRIPE_SECRET_KEY:-}\" ]; then",
                "  echo \(shellQuoted(words.quickstartMissingKey)) >&2",
                "  exit 1",
                "fi",
                "case \"$STRIPE_SECRET_KEY\" in",
                "  sk_live_* | rk_live_*)",
                "    echo \(shellQuoted(words.quickstartLiveKey)) >&2",
                "    exit 1 ;;",
                "esac",
            ]
            for variable in required {
                lines += [
                    "if [ -z \"${\(variable.name):-}\" ]; then",
                    "  echo \(shellQuoted(words.quickstartSetVariable(name: variable.name, about: variable.about))) >&2",
                    "  exit 1",
                    "fi",
                ]
            }
            return lines
        }
    }

    // MARK: Steps

    func step(_ step: QuickstartStep) -> [String] {
        let comment = "# "
        var lines = [comment + words.quickstartStep(number: String(step.number), title: step.title)]
        if let note = step.note { lines.append(comment + note) }
        for request in step.requests {
            var block = [comment + request.call.comment, comment + words.quickstartDocs(url: request.call.doc.url)]
            if let note = request.fallbackNote { block.append(comment + note) }
            if let code = request.call.browser?.browserCode, !code.isEmpty {
                block.append(comment + words.quickstartBrowserCode)
                block += code.map { comment + "  " + $0 }
            }
            if let alternative = request.alternative {
                block.append(comment + alternative.comment)
                let lines = language == .python
                    ? pythonDictLines(alternative.parameters, indent: 0)
                    : request.isJSON ? shellJSONLines(alternative.parameters, indent: 0, last: true) : curlArguments(alternative.parameters)
                block += lines.map { comment + "  " + $0 }
            }
            let call = language == .python ? python(request) : curl(request)
            block += request.call.optional ? call.map { comment + $0 } : call
            lines += block
        }
        return lines
    }

    // MARK: Python

    func python(_ request: QuickstartRequest) -> [String] {
        var names: [String] = []
        var arguments: [String] = []
        for segment in Self.pathSegments(request.path) {
            switch segment {
            case .text(let text): names += text.split(separator: "/").map(String.init)
            case .reference(let call, let field): arguments.append(pythonReference(call, field))
            }
        }
        let endsInID: Bool = if case .reference = Self.pathSegments(request.path).last { true } else { false }
        let method = "client." + names.joined(separator: ".") + "." + (endsInID ? "update" : "create")
        var lines = ["\(request.call.id) = \(method)("]
        lines += arguments.map { "    \($0)," }
        if !request.parameters.isEmpty {
            lines.append("    params={")
            lines += pythonDictLines(request.parameters, indent: 2)
            lines.append("    },")
        }
        if request.call.onConnectedAccount {
            lines.append("    options={\"stripe_account\": account.id},  # " + words.quickstartAccountHeader)
        }
        lines.append(")")
        if let browser = request.call.browser {
            lines += [
                "print(\(pythonString(browser.text)), \(pythonReference(request.call.id, browser.field)), sep=\"\\n  \")",
                "if sys.stdin.isatty():",
                "    input(\(pythonString(words.quickstartPressEnter + " ")))",
            ]
        } else if usedFields(of: request.call.id).contains("id") {
            lines.append("print(\(pythonString(request.call.id + ":")), \(request.call.id).id)")
        } else {
            lines.append("print(\(pythonString(words.quickstartCallDone(call: request.call.id))))")
        }
        return lines
    }

    func pythonDictLines(_ fields: [QuickstartField], indent: Int) -> [String] {
        let pad = String(repeating: "    ", count: indent)
        return fields.flatMap { field -> [String] in
            if case .object(let inner) = field.value {
                return ["\(pad)\(pythonString(field.name)): {"] + pythonDictLines(inner, indent: indent + 1) + ["\(pad)},"]
            }
            return ["\(pad)\(pythonString(field.name)): \(pythonValue(field.value)),"]
        }
    }

    func pythonValue(_ value: QuickstartValue) -> String {
        switch value {
        case .string(let text): pythonString(text)
        case .int(let number): String(number)
        case .bool(let flag): flag ? "True" : "False"
        case .list(let items): "[" + items.map(pythonString).joined(separator: ", ") + "]"
        case .object: "{}"
        case .environment(let name, let fallback, _):
            fallback.map { "os.environ.get(\(pythonString(name)), \(pythonString($0)))" } ?? "os.environ[\(pythonString(name))]"
        case .reference(let call, let field): pythonReference(call, field)
        case .now(let iso): iso ? "datetime.now(timezone.utc).strftime(\"%Y-%m-%dT%H:%M:%S.000Z\")" : "int(time.time())"
        }
    }

    /// A result field; the SDK types the ones that may hold an expanded object as a union,
    /// and the quickstart never expands them, so they are ids.
    func pythonReference(_ call: String, _ field: String) -> String {
        ["id", "url", "client_secret"].contains(field) ? "\(call).\(field)" : "str(\(call).\(field))"
    }

    // MARK: curl

    func shellVariable(_ call: String, _ field: String) -> String { (call + "_" + field).uppercased() }

    func curl(_ request: QuickstartRequest) -> [String] {
        let path = Self.pathSegments(request.path).map { segment in
            switch segment {
            case .text(let text): text
            case .reference(let call, let field): "$" + shellVariable(call, field)
            }
        }.joined()
        var arguments = ["RESPONSE=$(curl -sS --fail-with-body -X \(request.method) \"${STRIPE_API_BASE:-https://api.stripe.com}\(path)\""]
        if request.isJSON {
            arguments.append("-H \"Authorization: Bearer $STRIPE_SECRET_KEY\"")
        } else {
            arguments.append("-u \"$STRIPE_SECRET_KEY:\"")
        }
        arguments.append("-H " + shellQuoted("Stripe-Version: \(version)"))
        if request.call.onConnectedAccount {
            arguments.append("-H \"Stripe-Account: $ACCOUNT_ID\"")
        }
        var lines: [String]
        if request.isJSON {
            arguments.append("-H 'Content-Type: application/json'")
            arguments.append("--data @- <<JSON")
            lines = [arguments.joined(separator: " \\\n  ")] + shellJSONLines(request.parameters, indent: 0, last: true) + ["JSON", ")"]
            lines[lines.count - 1] = ") || { printf '%s\\n' \"$RESPONSE\" >&2; exit 1; }"
        } else {
            arguments += curlArguments(request.parameters)
            lines = [arguments.joined(separator: " \\\n  ") + ") || { printf '%s\\n' \"$RESPONSE\" >&2; exit 1; }"]
        }
        lines = lines.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = usedFields(of: request.call.id)
        if let browser = request.call.browser, !fields.contains(browser.field) { fields.append(browser.field) }
        for field in fields {
            lines.append(
                "\(shellVariable(request.call.id, field))=$(printf '%s' \"$RESPONSE\" | grep -o '\"\(field)\": *\"[^\"]*\"' | sed -n '1s/.*\"\\([^\"]*\\)\"$/\\1/p' || true)")
        }
        if let browser = request.call.browser {
            lines += [
                "printf '%s\\n  %s\\n' \(shellQuoted(browser.text)) \"$\(shellVariable(request.call.id, browser.field))\"",
                "if [ -t 0 ]; then read -r -p \(shellQuoted(words.quickstartPressEnter + " ")) _; fi",
            ]
        } else if fields.contains("id") {
            lines.append("echo \"\(request.call.id): $\(shellVariable(request.call.id, "id"))\"")
        } else {
            lines.append("echo \(shellQuoted(words.quickstartCallDone(call: request.call.id)))")
        }
        return lines
    }

    /// `-d name=value` for each form pair; values the shell fills in are URL-encoded.
    func curlArguments(_ fields: [QuickstartField]) -> [String] {
        shellPairs(fields, prefix: "").map { name, value, literal in
            literal ? "-d " + shellQuoted("\(name)=\(value)") : "--data-urlencode \"\(name)=\(value)\""
        }
    }

    /// (form key, value, whether the value is a literal) in stripe-python's order and keys.
    func shellPairs(_ fields: [QuickstartField], prefix: String) -> [(String, String, Bool)] {
        fields.flatMap { field -> [(String, String, Bool)] in
            let name = prefix.isEmpty ? field.name : "\(prefix)[\(field.name)]"
            switch field.value {
            case .string(let text): return [(name, text, true)]
            case .int(let number): return [(name, String(number), true)]
            case .bool(let flag): return [(name, flag ? "true" : "false", true)]
            case .list(let items): return items.enumerated().map { ("\(name)[\($0.offset)]", $0.element, true) }
            case .object(let inner): return shellPairs(inner, prefix: name)
            default: return [(name, shellValue(field.value), false)]
            }
        }
    }

    /// A value the shell expands, for use inside double quotes.
    func shellValue(_ value: QuickstartValue) -> String {
        switch value {
        case .environment(let name, let fallback, _): fallback.map { "${\(name):-\($0)}" } ?? "${\(name)}"
        case .reference(let call, let field): "$" + shellVariable(call, field)
        case .now(let iso): iso ? "$(date -u +%Y-%m-%dT%H:%M:%S.000Z)" : "$(date +%s)"
        default: ""
        }
    }

    /// A JSON body for a here-document whose `$` expansions fill in the values.
    func shellJSONLines(_ fields: [QuickstartField], indent: Int, last: Bool) -> [String] {
        let pad = String(repeating: "  ", count: indent + 1)
        var lines = [indent == 0 ? "{" : ""]
        lines.removeAll { $0.isEmpty }
        for (index, field) in fields.enumerated() {
            let comma = index == fields.count - 1 ? "" : ","
            let key = heredocEscaped(jsonString(field.name))
            switch field.value {
            case .object(let inner):
                lines.append("\(pad)\(key): {")
                lines += shellJSONLines(inner, indent: indent + 1, last: index == fields.count - 1)
                lines.append("\(pad)}\(comma)")
            case .string(let text): lines.append("\(pad)\(key): \(heredocEscaped(jsonString(text)))\(comma)")
            case .int(let number): lines.append("\(pad)\(key): \(number)\(comma)")
            case .bool(let flag): lines.append("\(pad)\(key): \(flag)\(comma)")
            case .list(let items): lines.append("\(pad)\(key): [\(items.map { heredocEscaped(jsonString($0)) }.joined(separator: ", "))]\(comma)")
            default: lines.append("\(pad)\(key): \"\(shellValue(field.value))\"\(comma)")
            }
        }
        if indent == 0 { lines.append("}") }
        return lines
    }
}

private func pythonString(_ text: String) -> String { jsonString(text) }


/// A JSON string literal (also a valid Python one).
func jsonString(_ text: String) -> String { JSONValue.quoted(text) }

/// Text inside an unquoted here-document: `\`, `$` and backquotes stay literal.
private func heredocEscaped(_ text: String) -> String {
    text.replacing("\\", with: "\\\\").replacing("$", with: "\\$").replacing("`", with: "\\`")
}
