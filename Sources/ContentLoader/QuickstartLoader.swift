import ConnectGuideCore

// Assets/quickstart.json: the API calls of each step variant. Read by hand like the other
// content files (unknown fields are errors), checked against steps.json and links.json.

struct QuickstartFile {
    var steps: [ContentNode]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["steps"])
        steps = try node.field("steps").array()
    }
}

extension GuideBuilder {
    func buildQuickstart(_ file: QuickstartFile, slots: [StepSlot]) throws(ContentError) -> [QuickstartStepCalls] {
        let variantIDs = slots.flatMap { $0.variants.map(\.id) }
        var result: [QuickstartStepCalls] = []
        for node in file.steps {
            try node.allowFields(["step", "calls", "note"])
            let stepID = try node.field("step").string()
            guard variantIDs.contains(stepID) else {
                throw try node.field("step").fail("\"\(stepID)\" is not a step in steps.json")
            }
            guard !result.contains(where: { $0.stepID == stepID }) else {
                throw try node.field("step").fail("\"\(stepID)\" is listed twice")
            }
            let calls = try (node.optionalField("calls")?.array() ?? []).map { (call) throws(ContentError) in try self.call(call) }
            let note = try node.optionalField("note")?.string()
            guard calls.isEmpty != (note == nil) else {
                throw node.fail("a step has either calls or a note saying what to set and where")
            }
            if let note, note.contains("\n") { throw node.fail("a note is one line") }
            result.append(QuickstartStepCalls(stepID: stepID, note: note, calls: calls))
        }
        if let missing = variantIDs.first(where: { id in !result.contains { $0.stepID == id } }) {
            throw ContentError(file: "quickstart.json", place: "steps", problem: "no calls or note for the step \"\(missing)\"")
        }
        // A reference names a call made before it in some step, or the account.
        var known: Set<String> = ["account"]
        for step in result {
            for call in step.calls {
                for name in references(in: call) where !known.contains(name) {
                    throw ContentError(
                        file: "quickstart.json", place: "steps[\(step.stepID)].\(call.id)",
                        problem: "refers to \"\(name)\", which no earlier call makes")
                }
                known.insert(call.id)
            }
        }
        return result
    }

    private func call(_ node: ContentNode) throws(ContentError) -> QuickstartCall {
        try node.allowFields([
            "account", "id", "api", "when", "method", "path", "params", "onAccount", "doc", "comment", "browser", "optional",
            "alternative", "fallbackNote",
        ])
        let createsAccount = try node.optionalField("account")?.bool() ?? false
        var apis = AccountsAPI.allCases
        if let list = try node.optionalField("api") {
            apis = []
            for item in try list.array() {
                guard let api = AccountsAPI(rawValue: try item.string()) else { throw item.fail("expected v1 or v2") }
                apis.append(api)
            }
        }
        let method: String, path: String, id: String
        if createsAccount {
            guard try node.optionalField("method") == nil, try node.optionalField("path") == nil else {
                throw node.fail("the account call takes its method and path from config.json")
            }
            method = "POST"
            path = ""
            id = "account"
        } else {
            id = try node.field("id").string()
            guard !id.isEmpty, id.allSatisfy({ $0.isLowercase || $0 == "_" }) else {
                throw try node.field("id").fail("an id is a lowercase Python name (letters and _)")
            }
            method = try node.field("method").string()
            guard method == "POST" else { throw try node.field("method").fail("only POST requests are supported") }
            path = try node.field("path").string()
            guard path.hasPrefix("/v1/") || path.hasPrefix("/v2/") else {
                throw try node.field("path").fail("a path starts with /v1/ or /v2/")
            }
            if path.hasPrefix("/v2/"), apis.contains(.v1) {
                throw try node.field("path").fail("an Accounts v2 endpoint belongs in the v2 scripts only (\"api\": [\"v2\"])")
            }
        }
        let docPath = try node.field("doc").string()
        let doc = try link(docPath, file: "quickstart.json", place: node.place + ".doc")
        let comment = try node.field("comment").string()
        var browser: QuickstartBrowserStep?
        if let spec = try node.optionalField("browser") {
            try spec.allowFields(["field", "text", "code"])
            browser = QuickstartBrowserStep(
                field: try spec.field("field").string(), text: try spec.field("text").string(),
                browserCode: try spec.optionalField("code")?.strings() ?? [])
        }
        var alternative: QuickstartAlternative?
        if let spec = try node.optionalField("alternative") {
            try spec.allowFields(["comment", "params"])
            alternative = QuickstartAlternative(comment: try spec.field("comment").string(), parameters: try fields(spec.field("params")))
        }
        return QuickstartCall(
            id: id, apis: apis, condition: try condition(try node.optionalField("when")?.condition() ?? [:], file: "quickstart.json", place: node.place + ".when"),
            createsAccount: createsAccount, method: method, path: path,
            parameters: try node.optionalField("params").map { (params) throws(ContentError) in try fields(params) } ?? [],
            onConnectedAccount: try node.optionalField("onAccount")?.bool() ?? false, doc: doc, comment: comment,
            browser: browser, optional: try node.optionalField("optional")?.bool() ?? false, alternative: alternative,
            fallbackNote: try node.optionalField("fallbackNote")?.string())
    }

    private func fields(_ node: ContentNode) throws(ContentError) -> [QuickstartField] {
        try node.members().map { (name, value) throws(ContentError) in
            guard !name.isEmpty, name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }) else {
                throw value.fail("a parameter name is lowercase letters, digits and _")
            }
            return QuickstartField(name: name, value: try self.value(value))
        }
    }

    private func value(_ node: ContentNode) throws(ContentError) -> QuickstartValue {
        switch node.value {
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .array: return .list(try node.strings())
        case .object(let members):
            let keys = Set(members.map(\.0))
            if keys.contains("env") {
                try node.allowFields(["env", "default", "about"])
                let name = try node.field("env").string()
                guard !name.isEmpty, name.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) else {
                    throw node.fail("an environment variable name is upper case")
                }
                return .environment(name: name, fallback: try node.optionalField("default")?.string(), about: try node.field("about").string())
            }
            if keys.contains("ref") {
                try node.allowFields(["ref"])
                let parts = try node.field("ref").string().split(separator: ".")
                guard parts.count == 2 else { throw node.fail("a reference is call.field, such as account.id") }
                return .reference(call: String(parts[0]), field: String(parts[1]))
            }
            if keys.contains("now") {
                try node.allowFields(["now"])
                switch try node.field("now").string() {
                case "unix": return .now(iso: false)
                case "iso": return .now(iso: true)
                default: throw node.fail("now is unix or iso")
                }
            }
            return .object(try fields(node))
        default:
            throw node.fail("expected a string, number, true or false, list, object, or {env}, {ref} or {now}")
        }
    }

    private func references(in call: QuickstartCall) -> [String] {
        func walk(_ fields: [QuickstartField]) -> [String] {
            fields.flatMap { field -> [String] in
                switch field.value {
                case .reference(let name, _): [name]
                case .object(let inner): walk(inner)
                default: []
                }
            }
        }
        var names = walk(call.parameters) + walk(call.alternative?.parameters ?? [])
        var rest = Substring(call.path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names += [String(rest[rest.index(after: open)..<close].split(separator: ".").first ?? "")]
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// The quickstart as Swift literals, for bundledGuideSource.
func quickstartSource(_ steps: [QuickstartStepCalls], linkReference: (DocLink) -> String, condition: (Condition) -> String) -> [String] {
    func value(_ value: QuickstartValue) -> String {
        switch value {
        case .string(let text): return ".string(\(literal(text)))"
        case .int(let number): return ".int(\(number))"
        case .bool(let flag): return ".bool(\(flag))"
        case .list(let items): return ".list([\(items.map(literal).joined(separator: ", "))])"
        case .object(let inner): return ".object(\(fields(inner)))"
        case .environment(let name, let fallback, let about):
            return ".environment(name: \(literal(name)), fallback: \(fallback.map(literal) ?? "nil"), about: \(literal(about)))"
        case .reference(let call, let field): return ".reference(call: \(literal(call)), field: \(literal(field)))"
        case .now(let iso): return ".now(iso: \(iso))"
        }
    }
    func fields(_ list: [QuickstartField]) -> String {
        "[" + list.map { "QuickstartField(name: \(literal($0.name)), value: \(value($0.value)))" }.joined(separator: ", ") + "]"
    }
    var lines: [String] = ["    let quickstart: [QuickstartStepCalls] = ["]
    for step in steps {
        lines.append("        QuickstartStepCalls(stepID: \(literal(step.stepID)), note: \(step.note.map(literal) ?? "nil"), calls: [")
        for call in step.calls {
            let browser = call.browser.map {
                "QuickstartBrowserStep(field: \(literal($0.field)), text: \(literal($0.text)), browserCode: [\($0.browserCode.map(literal).joined(separator: ", "))])"
            } ?? "nil"
            let alternative = call.alternative.map {
                "QuickstartAlternative(comment: \(literal($0.comment)), parameters: \(fields($0.parameters)))"
            } ?? "nil"
            lines.append("            QuickstartCall(")
            lines.append("                id: \(literal(call.id)), apis: [\(call.apis.map { "." + $0.rawValue }.joined(separator: ", "))], condition: \(condition(call.condition)),")
            lines.append("                createsAccount: \(call.createsAccount), method: \(literal(call.method)), path: \(literal(call.path)),")
            lines.append("                parameters: \(fields(call.parameters)),")
            lines.append("                onConnectedAccount: \(call.onConnectedAccount), doc: \(linkReference(call.doc)), comment: \(literal(call.comment)),")
            lines.append("                browser: \(browser), optional: \(call.optional), alternative: \(alternative),")
            lines.append("                fallbackNote: \(call.fallbackNote.map(literal) ?? "nil")),")
        }
        lines.append("        ]),")
    }
    lines.append("    ]")
    return lines
}
