import ConnectGuideDocuments

/// The command lines most runs have, read without the argument parser: the guide with
/// its own flags (none at all, most often) and `plan` with its flags. The parser reflects
/// over every option before it reads a word, most of the start-up of these commands
/// (callgrind: 15M of 21M instructions for `plan --format json`).
///
/// Only the plainest forms are read here: each option once, as `--name value` or
/// `--name=value`, a value that does not start with `-` and is not empty, a format the
/// parser would take. Anything else (help, completion scripts, another command, a
/// repeat, a typo) is left to the parser, so its messages and help stay the only ones.
/// `CommonCommandLineTests` checks that every line read here gives exactly what the
/// parser gives.
enum CommonCommandLine: Hashable, Sendable {
    /// `connect-guide [SELECTION] [--resume] [--fresh] [--plain] [--print FORMAT]`
    case guide(SessionFlags)
    /// `connect-guide plan [SELECTION] [--format FORMAT] [-o|--output FILE] [--force]`
    case plan(PlanFlags)

    /// The command line (without the program's name) read, or nil when it is not one of
    /// the plain forms.
    init?(_ arguments: [String]) {
        var words = arguments[...]
        let isPlan = words.first == "plan"
        if isPlan { words = words.dropFirst() }
        var session = SessionFlags()
        var plan = PlanFlags()
        var seen: [Substring] = []
        while let word = words.popFirst() {
            guard word.hasPrefix("-") else { return nil }
            let name: Substring
            var attached: Substring?
            if let equals = word.firstIndex(of: "=") {
                name = word[..<equals]
                attached = word[word.index(after: equals)...]
            } else {
                name = word[...]
            }
            // Each option once: the parser has its own rules for repeats.
            let option = name == "-o" ? "--output" : name
            guard !seen.contains(option) else { return nil }
            seen.append(option)
            /// The option's value: attached, or the next word.
            func value() -> String? {
                let text = attached ?? words.popFirst().map { $0[...] }
                guard let text, !text.isEmpty, !text.hasPrefix("-") else { return nil }
                return String(text)
            }
            /// A flag takes no value.
            func flag() -> Bool? { attached == nil ? true : nil }
            // A property's flag, from the content's table.
            if let property = propertyFlagNames.firstIndex(where: { $0 == name }) {
                guard let v = value() else { return nil }
                session.selection.properties[property] = v
                continue
            }
            switch name {
            case "--stripe-version": guard let v = value() else { return nil }; session.selection.stripeVersion = v
            case "--preset": guard let v = value() else { return nil }; session.selection.preset = v
            case "--from-url": guard let v = value() else { return nil }; session.selection.fromURL = v
            case "--resume" where !isPlan: guard let f = flag() else { return nil }; session.resume = f
            case "--fresh" where !isPlan: guard let f = flag() else { return nil }; session.fresh = f
            case "--plain" where !isPlan: guard let f = flag() else { return nil }; session.plain = f
            case "--print" where !isPlan:
                guard let format = value().flatMap(PlanFormat.init(rawValue:)) else { return nil }
                session.printFormat = format
            case "--format" where isPlan:
                guard let format = value().flatMap(PlanFormat.init(rawValue:)) else { return nil }
                plan.format = format
            case "--output" where isPlan, "-o" where isPlan: guard let v = value() else { return nil }; plan.output.path = v
            case "--force" where isPlan: guard let f = flag() else { return nil }; plan.output.force = f
            default: return nil
            }
        }
        if isPlan {
            plan.selection = session.selection
            self = .plan(plan)
        } else {
            self = .guide(session)
        }
    }

    func run() throws {
        switch self {
        case .guide(let session): try session.run()
        case .plan(let plan): try plan.run()
        }
    }
}
