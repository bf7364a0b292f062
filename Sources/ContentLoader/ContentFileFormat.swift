import ConnectGuideCore

// The shape of the files in Assets/. These types mirror the JSON one to one and are read
// by hand from `JSONValue` (see ContentNode), which checks every field's type and rejects
// unknown fields, so a typo in a content file is an error rather than a silent default.
// `Guide` (Guide.swift) is the validated, indexed form the rest of the core uses.


struct GuideFile {
    var contentVersion: String
    var title: String
    var pageURL: String
    /// Which Accounts API the page is for, and where the guide stands.
    var scope: String
    var prerequisites: String
    /// The order of query parameters in the page's own URLs, so ours match them exactly.
    var urlParameterOrder: [String]
    var properties: [PropertySpec]
    var payouts: SectionSpec
    /// The property whose section the payouts section follows, as on the page.
    var payoutsAfter: String

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["contentVersion", "title", "pageURL", "scope", "prerequisites", "urlParameterOrder", "properties", "payouts", "payoutsAfter"])
        contentVersion = try node.field("contentVersion").string()
        title = try node.field("title").string()
        pageURL = try node.field("pageURL").string()
        scope = try node.field("scope").string()
        prerequisites = try node.field("prerequisites").string()
        urlParameterOrder = try node.field("urlParameterOrder").strings()
        properties = try node.field("properties").array().map(PropertySpec.init)
        payouts = try SectionSpec(node.field("payouts"))
        payoutsAfter = try node.field("payoutsAfter").string()
    }
}

struct PropertySpec {
    var id: String
    var label: String
    var shortLabel: String
    var urlKey: String
    var cliFlag: String
    /// The flag's line in --help.
    var cliHelp: String
    var `default`: String
    var section: SectionSpec
    var options: [OptionSpec]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["id", "label", "shortLabel", "urlKey", "cliFlag", "cliHelp", "default", "section", "options"])
        id = try node.field("id").string()
        label = try node.field("label").string()
        shortLabel = try node.field("shortLabel").string()
        urlKey = try node.field("urlKey").string()
        cliFlag = try node.field("cliFlag").string()
        cliHelp = try node.field("cliHelp").string()
        `default` = try node.field("default").string()
        section = try SectionSpec(node.field("section"))
        options = try node.field("options").array().map(OptionSpec.init)
    }
}

struct SectionSpec {
    var heading: String
    var intro: String
    /// Paragraphs shown after the options; each may depend on the selection.
    var notes: [ConditionalTextSpec]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["heading", "intro", "notes"])
        heading = try node.field("heading").string()
        intro = try node.field("intro").string()
        notes = try node.optionalField("notes")?.array().map(ConditionalTextSpec.init) ?? []
    }
}

struct ConditionalTextSpec {
    var when: ConditionSpec
    var text: String

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["when", "text"])
        when = try node.optionalField("when")?.condition() ?? [:]
        text = try node.field("text").string()
    }
}

struct OptionSpec {
    var id: String
    var label: String
    var shortLabel: String
    var urlValue: String
    var cliValue: String
    var aliases: [String]
    var summary: String
    var intro: String
    var recommendation: String?
    var bestFor: [String]
    var notes: [String]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields([
            "id", "label", "shortLabel", "urlValue", "cliValue", "aliases", "summary", "intro", "recommendation",
            "bestFor", "notes",
        ])
        id = try node.field("id").string()
        label = try node.field("label").string()
        shortLabel = try node.field("shortLabel").string()
        urlValue = try node.field("urlValue").string()
        cliValue = try node.field("cliValue").string()
        aliases = try node.optionalField("aliases")?.strings() ?? []
        summary = try node.field("summary").string()
        intro = try node.field("intro").string()
        recommendation = try node.optionalField("recommendation")?.string()
        bestFor = try node.field("bestFor").strings()
        notes = try node.optionalField("notes")?.strings() ?? []
    }
}

struct RulesFile {
    /// Every Stripe API version, oldest first, from Stripe's changelogs and SDK pins.
    var knownVersions: [ContentNode]
    var apiVersions: [APIVersionSpec]
    var requirementCollection: RequirementCollectionSpec
    var rules: [RuleSpec]
    var advisories: [AdvisorySpec]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["knownVersions", "apiVersions", "requirementCollection", "rules", "advisories"])
        knownVersions = try node.field("knownVersions").array()
        apiVersions = try node.field("apiVersions").array().map(APIVersionSpec.init)
        requirementCollection = try RequirementCollectionSpec(node.field("requirementCollection"))
        rules = try node.field("rules").array().map(RuleSpec.init)
        advisories = try node.field("advisories").array().map(AdvisorySpec.init)
    }
}

struct RequirementCollectionSpec {
    /// When this holds, the platform collects requirements (`application`); otherwise Stripe does.
    var applicationWhen: ConditionSpec
    var labels: [String: String]
    var explanation: [String: String]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["applicationWhen", "labels", "explanation"])
        applicationWhen = try node.field("applicationWhen").condition()
        var labels: [String: String] = [:]
        for (key, value) in try node.field("labels").members() { labels[key] = try value.string() }
        self.labels = labels
        var explanation: [String: String] = [:]
        for (key, value) in try node.field("explanation").members() { explanation[key] = try value.string() }
        self.explanation = explanation
    }
}

/// A Stripe API version whose release changed what the guide says.
struct APIVersionSpec {
    var version: String
    var change: String
    var sources: [String]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["version", "change", "sources"])
        version = try node.field("version").string()
        change = try node.field("change").string()
        sources = try node.field("sources").strings()
    }
}

struct RuleSpec {
    var id: String
    var kind: String
    /// Nil for "all"; otherwise the bounds as written (dates, `YYYY-MM-DD`).
    var versions: VersionBoundsSpec?
    var summary: String
    var `if`: ConditionSpec
    var then: ConditionSpec
    var reason: String
    var sources: [String]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["id", "kind", "versions", "summary", "if", "then", "reason", "sources"])
        id = try node.field("id").string()
        kind = try node.field("kind").string()
        let versionsNode = try node.field("versions")
        if case .string(let text) = versionsNode.value {
            guard text == "all" else { throw versionsNode.fail("expected \"all\" or an object with from, before, previewsFrom") }
            versions = nil
        } else {
            versions = try VersionBoundsSpec(versionsNode)
        }
        summary = try node.field("summary").string()
        `if` = try node.field("if").condition()
        then = try node.field("then").condition()
        reason = try node.field("reason").string()
        sources = try node.field("sources").strings()
    }
}

struct VersionBoundsSpec {
    var from: ContentNode?
    var before: ContentNode?
    var previewsFrom: ContentNode?

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["from", "before", "previewsFrom"])
        from = try node.optionalField("from")
        before = try node.optionalField("before")
        previewsFrom = try node.optionalField("previewsFrom")
    }
}

struct AdvisorySpec {
    var id: String
    /// One of the docs page's callouts, which every output shows ahead of the steps.
    var callout: Bool
    var when: ConditionSpec
    var title: String
    var text: String
    var links: [String]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["id", "callout", "when", "title", "text", "links"])
        id = try node.field("id").string()
        callout = try node.optionalField("callout")?.bool() ?? false
        when = try node.field("when").condition()
        title = try node.field("title").string()
        text = try node.field("text").string()
        links = try node.optionalField("links")?.strings() ?? []
    }
}

struct StepsFile {
    var slots: [SlotSpec]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["slots"])
        slots = try node.field("slots").array().map(SlotSpec.init)
    }
}

struct SlotSpec {
    var slot: Int
    var id: String
    var heading: String
    var variants: [StepVariantSpec]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["slot", "id", "heading", "variants"])
        slot = try node.field("slot").int()
        id = try node.field("id").string()
        heading = try node.field("heading").string()
        variants = try node.field("variants").array().map(StepVariantSpec.init)
    }
}

struct StepVariantSpec {
    var id: String
    var when: ConditionSpec
    var title: String
    var text: String
    var links: [StepLinkSpec]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["id", "when", "title", "text", "links"])
        id = try node.field("id").string()
        when = try node.field("when").condition()
        title = try node.field("title").string()
        text = try node.field("text").string()
        links = try node.field("links").array().map(StepLinkSpec.init)
    }
}

struct StepLinkSpec {
    var label: String
    var path: String

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["label", "path"])
        label = try node.field("label").string()
        path = try node.field("path").string()
    }
}

struct ConfigFile {
    var v1: APIConfigSpec
    var v2: APIConfigSpec
    var legacyTypes: [LegacyTypeSpec]
    /// Why the `on_behalf_of` variant exists, and the docs pages that say so.
    var onBehalfOfText: String
    var onBehalfOfSources: [String]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["v1", "v2", "legacyTypes", "onBehalfOf"])
        v1 = try APIConfigSpec(node.field("v1"))
        v2 = try APIConfigSpec(node.field("v2"))
        legacyTypes = try node.field("legacyTypes").array().map(LegacyTypeSpec.init)
        let onBehalfOf = try node.field("onBehalfOf")
        try onBehalfOf.allowFields(["text", "sources"])
        onBehalfOfText = try onBehalfOf.field("text").string()
        onBehalfOfSources = try onBehalfOf.field("sources").strings()
    }
}

struct APIConfigSpec {
    var method: String
    var endpoint: String
    /// The first Stripe API version that has this API, if not every version does.
    var minimumVersion: ContentNode?
    var parameters: [ParameterRuleSpec]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["method", "endpoint", "minimumVersion", "parameters"])
        method = try node.field("method").string()
        endpoint = try node.field("endpoint").string()
        minimumVersion = try node.optionalField("minimumVersion")
        parameters = try node.field("parameters").array().map(ParameterRuleSpec.init)
    }
}

struct ParameterRuleSpec {
    var when: ConditionSpec
    /// Parameter name to value, in file order. v1 names use form encoding
    /// (`controller[fees][payer]`), v2 names are dotted JSON paths (`defaults.responsibilities.fees_collector`).
    var set: [(name: String, value: ParameterValue)]
    var because: String
    var onBehalfOf: Bool

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["when", "set", "because", "onBehalfOf"])
        when = try node.field("when").condition()
        set = try node.field("set").members().map { (name, value) throws(ContentError) -> (name: String, value: ParameterValue) in
            switch value.value {
            case .string(let text): return (name, .string(text))
            case .bool(let flag): return (name, .bool(flag))
            case .object:
                // A value only the user knows, named like the shell variable curl reads it from.
                try value.allowFields(["placeholder", "description"])
                let placeholder = ParameterValue.placeholder(
                    name: try value.field("placeholder").string(), description: try value.field("description").string())
                return (name, placeholder)
            default: throw value.fail("expected a string, true or false, or a placeholder object")
            }
        }
        because = try node.field("because").string()
        onBehalfOf = try node.optionalField("onBehalfOf")?.bool() ?? false
    }
}

struct LegacyTypeSpec {
    var name: String
    var when: ConditionSpec
    /// How accounts created with controller properties differ from the legacy type.
    var except: String?

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["name", "when", "except"])
        name = try node.field("name").string()
        when = try node.field("when").condition()
        except = try node.optionalField("except")?.string()
    }
}

struct PresetsFile {
    var presets: [PresetSpec]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["presets"])
        presets = try node.field("presets").array().map(PresetSpec.init)
    }
}

/// A starting selection for a common kind of platform, with the docs it follows.
struct PresetSpec {
    var id: String
    var label: String
    var fits: String
    var selection: [String: String]
    var stripeRecommends: Bool
    var sources: [String]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["id", "label", "fits", "selection", "stripeRecommends", "sources"])
        stripeRecommends = try node.field("stripeRecommends").bool()
        id = try node.field("id").string()
        label = try node.field("label").string()
        fits = try node.field("fits").string()
        var selection: [String: String] = [:]
        for (key, value) in try node.field("selection").members() { selection[key] = try value.string() }
        self.selection = selection
        sources = try node.field("sources").strings()
    }
}

struct LinksFile {
    var base: String
    var links: [LinkSpec]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["base", "links"])
        base = try node.field("base").string()
        links = try node.field("links").array().map(LinkSpec.init)
    }
}

struct LinkSpec {
    var path: String
    var title: String

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["path", "title"])
        path = try node.field("path").string()
        title = try node.field("title").string()
    }
}

