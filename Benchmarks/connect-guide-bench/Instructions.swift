import Glibc

/// Instructions counted by callgrind, which repeat exactly from run to run where wall
/// times do not: from exec to exit, for the same start and quit as the timed runs.
struct InstructionCounts {
    var guideStart = 0
    var dialogStart = 0
    var headless = 0
    var trueStart = 0
}

/// Runs each program once under `valgrind --tool=callgrind`.
func countInstructions(app: String, dialog: String, trueBinary: String, valgrind: String, stateDirectory: String) throws -> InstructionCounts {
    func outputFile(_ name: String) -> String { "\(stateDirectory)/callgrind.\(name)" }
    func tool(_ name: String) -> [String] { ["--tool=callgrind", "--callgrind-out-file=\(outputFile(name))"] }
    let variables = environment(stateDirectory: stateDirectory)

    /// Starts a program in the pseudo-terminal, waits for its first frame, leaves with `key`.
    func interactive(_ name: String, _ arguments: [String], marker: String, key: String) throws -> Int {
        let session = try TerminalSession(valgrind, tool(name) + arguments, environment: variables, rows: rows, columns: columns)
        _ = try session.read(quietMilliseconds: 500, timeoutMilliseconds: 120_000) { $0.contains(subsequence: Array(marker.utf8)) }
        session.send(key)
        let status = session.finish(timeoutSeconds: 60)
        guard status == 0 else { throw BenchError("\(name) under callgrind exited with wait status \(status)") }
        return try totalInstructions(outputFile(name))
    }

    var counts = InstructionCounts()
    counts.guideStart = try interactive("connect-guide", [app], marker: "Integration steps", key: "q")
    counts.dialogStart = try interactive("dialog", [dialog] + dialogArguments, marker: "Cancel", key: "\r")
    _ = try timeCommand(valgrind, tool("plan") + [app] + headlessArguments, environment: variables)
    counts.headless = try totalInstructions(outputFile("plan"))
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

func millions(_ count: Int) -> String { format(Double(count) / 1_000_000) + "M" }

/// Rows for the report: what each program runs from exec to exit.
func instructionRows(_ counts: InstructionCounts) -> [[String]] {
    [
        ["start, first frame, quit", millions(counts.guideStart), millions(counts.dialogStart), format(Double(counts.guideStart) / Double(counts.dialogStart)) + "x"],
        ["plan --format json", millions(counts.headless), "", ""],
        ["/bin/true", millions(counts.trueStart), "", ""],
    ]
}
