import Glibc

/// Instructions counted by callgrind, which repeat exactly from run to run where wall
/// times do not: from exec to exit, for the same start and quit as the timed runs.
struct InstructionCounts {
    var guideStart = 0
    var dialogStart = 0
    var headless = 0
    var trueStart = 0
    /// Times the Swift runtime scanned every conformance record in the binary to answer a
    /// conformance question (a generic type's requirement, an unspecialized generic call's
    /// associated type): about 150K instructions and hundreds of KiB of pages each.
    var guideScans = 0
    var headlessScans = 0
}

/// A copy of the binary without its debug information, for valgrind, whose reader of
/// debug information gives up on lld's output ("possibly corrupted debuginfo file"); the
/// symbol table, which names the functions, stays. The binary itself when objcopy is missing.
func callgrindCopy(of app: String, stateDirectory: String) -> String {
    let copy = stateDirectory + "/connect-guide.callgrind"
    guard let objcopy = findExecutable("objcopy"),
        system("'\(objcopy)' --strip-debug '\(app)' '\(copy)' 2>/dev/null") == 0 else { return app }
    return copy
}

/// Runs each program once under `valgrind --tool=callgrind`.
func countInstructions(app: String, locale: AppLocale, dialog: String, trueBinary: String, valgrind: String, stateDirectory: String) throws -> InstructionCounts {
    let app = callgrindCopy(of: app, stateDirectory: stateDirectory)
    func outputFile(_ name: String) -> String { "\(stateDirectory)/callgrind.\(name)" }
    func tool(_ name: String) -> [String] { ["--tool=callgrind", "--callgrind-out-file=\(outputFile(name))"] }
    let variables = environment(stateDirectory: stateDirectory)

    /// Starts a program in the pseudo-terminal, waits for its first frame, leaves with `keys`.
    func interactive(_ name: String, _ arguments: [String], marker: String, keys: [String]) throws -> Int {
        let session = try TerminalSession(valgrind, tool(name) + arguments, environment: variables, rows: rows, columns: columns)
        _ = try session.read(quietMilliseconds: 500, timeoutMilliseconds: 120_000) { $0.contains(subsequence: Array(marker.utf8)) }
        for key in keys.dropLast() { _ = try session.respond(to: key, quietMilliseconds: 500) }
        session.send(keys.last ?? "")
        let status = session.finish(timeoutSeconds: 60)
        guard status == 0 else { throw BenchError("\(name) under callgrind exited with wait status \(status)") }
        return try totalInstructions(outputFile(name))
    }
    func scans(_ name: String) throws -> Int { conformanceScans(inCallgrindFile: try readFile(outputFile(name))) }

    var counts = InstructionCounts()
    // A first start, as in the timed runs: the preset chooser, closed with Esc, then q.
    forgetSavedSelection(stateDirectory: stateDirectory)
    counts.guideStart = try interactive("connect-guide", [app] + locale.arguments, marker: locale.chooserTitle, keys: ["\u{1B}", "q"])
    counts.guideScans = try scans("connect-guide")
    counts.dialogStart = try interactive("dialog", [dialog] + dialogArguments, marker: "Cancel", keys: ["\r"])
    _ = try timeCommand(valgrind, tool("plan") + [app] + locale.arguments + headlessArguments, environment: variables)
    counts.headless = try totalInstructions(outputFile("plan"))
    counts.headlessScans = try scans("plan")
    _ = try timeCommand(valgrind, tool("true") + [trueBinary], environment: variables)
    counts.trueStart = try totalInstructions(outputFile("true"))
    return counts
}

/// The `totals:` line of a callgrind output file.
func totalInstructions(_ path: String) throws -> Int {
    for line in try readFile(path).split(separator: "\n") where line.hasPrefix("totals:") {
        if let total = Int(String(line.dropFirst("totals:".count).filter { $0.isNumber })) { return total }
    }
    throw BenchError("no totals in \(path)")
}

/// How many times the runtime's conformance lookup missed its cache and scanned the
/// conformance records: the calls callgrind counted to the function that scans.
func conformanceScans(inCallgrindFile text: String) -> Int {
    // Callgrind names a function once, where its id first appears (`fn=(7) name`,
    // `cfn=(7) name`), and by id alone after that; the scanner's inner lambdas share
    // its prefix but not its last parameter.
    func isScanner(_ name: Substring) -> Bool {
        name.hasPrefix("swift_conformsToProtocolMaybeInstantiateSuperclasses(") && name.hasSuffix(", bool)")
    }
    var names: [Substring: Substring] = [:]
    var callingScanner = false
    var total = 0
    for line in text.split(separator: "\n") {
        let isCall = line.hasPrefix("cfn=(")
        if isCall || line.hasPrefix("fn=(") {
            guard let open = line.firstIndex(of: "("), let close = line.firstIndex(of: ")") else { continue }
            let id = line[open...close]
            let name = line[line.index(after: close)...].drop { $0 == " " }
            if !name.isEmpty { names[id] = name }
            callingScanner = isCall && names[id].map(isScanner) == true
        } else if line.hasPrefix("calls="), callingScanner {
            total += Int(line.dropFirst("calls=".count).prefix { $0.isNumber }) ?? 0
            callingScanner = false
        }
    }
    return total
}

func millions(_ count: Int) -> String { format(Double(count) / 1_000_000) + "M" }

/// Rows for the report: what each program runs from exec to exit.
func instructionRows(_ counts: InstructionCounts) -> [[String]] {
    [
        ["start, first frame, quit", millions(counts.guideStart), millions(counts.dialogStart), format(Double(counts.guideStart) / Double(counts.dialogStart)) + "x"],
        ["plan --format json", millions(counts.headless), "", ""],
        ["/bin/true", millions(counts.trueStart), "", ""],
        ["conformance scans: start / plan", "\(counts.guideScans) / \(counts.headlessScans)", "", ""],
    ]
}

/// The functions connect-guide runs in the measured sessions (a first start on the preset
/// chooser, Esc, an arrow key, a selection that moves three properties, q) and in
/// `plan --format json`, by their symbol names, first seen first: the order the release
/// build lays them out in (Tools/build-release, Benchmarks/symbol-order.txt), so the pages the
/// guide touches are few and together.
func symbolOrder(app: String, valgrind: String, stateDirectory: String) throws -> [String] {
    let copy = callgrindCopy(of: app, stateDirectory: stateDirectory)
    let variables = environment(stateDirectory: stateDirectory)
    func tool(_ name: String) -> [String] {
        ["--tool=callgrind", "--demangle=no", "--callgrind-out-file=\(stateDirectory)/order.\(name)"]
    }
    forgetSavedSelection(stateDirectory: stateDirectory)
    let session = try TerminalSession(valgrind, tool("guide") + [copy], environment: variables, rows: rows, columns: columns)
    let slow: Int32 = 500
    _ = try session.read(quietMilliseconds: slow, timeoutMilliseconds: 120_000) {
        $0.contains(subsequence: Array(presetChooserTitle.utf8))
    }
    for key in ["\u{1B}", session.downKey, session.downKey, "\r"] { _ = try session.respond(to: key, quietMilliseconds: slow) }
    session.send("q")
    guard session.finish(timeoutSeconds: 60) == 0 else { throw BenchError("connect-guide under callgrind did not exit with status 0") }
    _ = try timeCommand(valgrind, tool("plan") + [copy] + headlessArguments, environment: variables)
    var seen: Set<String> = []
    var order: [String] = []
    for name in ["guide", "plan"] {
        for name in functionNames(inCallgrindFile: try readFile("\(stateDirectory)/order.\(name)")) where seen.insert(name).inserted {
            order.append(name)
        }
    }
    return order
}

/// The function names a callgrind file defines (`fn=(id) name`), in the order they first
/// appear, without callgrind's marks for recursion (`'2`) and without addresses of
/// functions that have no symbol.
func functionNames(inCallgrindFile text: String) -> [String] {
    var names: [String] = []
    for line in text.split(separator: "\n") where line.hasPrefix("fn=(") || line.hasPrefix("cfn=(") {
        guard let close = line.firstIndex(of: ")") else { continue }
        var name = line[line.index(after: close)...].drop { $0 == " " }
        if let mark = name.lastIndex(of: "'"), name[name.index(after: mark)...].allSatisfy(\.isNumber) { name = name[..<mark] }
        if name.isEmpty || name.hasPrefix("0x") { continue }
        names.append(String(name))
    }
    return names
}
