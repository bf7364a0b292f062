import ConnectGuideText
import Glibc

/// The command that builds what the benchmark measures, as the README installs it.
let releaseBuildCommand = "Tools/build-release"

func format(_ value: Double) -> String {
    guard value.isFinite else { return "n/a" }
    if abs(value) >= 100 { return String(Int(value.rounded())) }
    let scaled = (value * 100).rounded() / 100
    var text = String(scaled)
    if let dot = text.firstIndex(of: ".") {
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        if decimals < 2 { text += String(repeating: "0", count: 2 - decimals) }
    }
    return text
}

func describe(_ sample: Sample, _ unit: String) -> String {
    guard !sample.values.isEmpty else { return "n/a" }
    let (low, high) = sample.quartiles
    return "\(format(sample.median)) \(unit) (\(format(low))-\(format(high)))"
}

/// One line of the results table: connect-guide, dialog (when it does the same) and the ratio.
func resultRows(_ run: Run) -> [[String]] {
    func row(_ name: String, _ ours: Sample, _ theirs: Sample?, _ unit: String) -> [String] {
        let ratio = theirs.map { format(ours.median / $0.median) + "x" } ?? ""
        return [name, describe(ours, unit), theirs.map { describe($0, unit) } ?? "", ratio]
    }
    let guide = run.guide, dialog = run.dialog
    return [
        row("first complete frame", guide.firstFrameMs, dialog.firstFrameMs, "ms"),
        row("bytes of first frame", guide.firstFrameBytes, dialog.firstFrameBytes, "B"),
        row("arrow key response", guide.arrowMs, dialog.arrowMs, "ms"),
        row("bytes per arrow key", guide.arrowBytes, dialog.arrowBytes, "B"),
        row("selection moving 3 others", guide.selectMs, nil, "ms"),
        row("bytes per such selection", guide.selectBytes, nil, "B"),
        row("peak memory (VmHWM)", guide.peakMiB, dialog.peakMiB, "MiB"),
        row("plan --format json (wall)", guide.headlessMs, nil, "ms"),
        row("/bin/true (wall)", run.trueMs, nil, "ms"),
        ["full-screen clears", "\(guide.arrowClears) on arrow keys, \(guide.selectClears) on selections", "\(dialog.arrowClears) on arrow keys", ""],
    ]
}

/// A target of issue 10, and whether the run met it.
struct Target {
    let name: String
    let measured: String
    let met: Bool
}

func targets(_ run: Run) -> [Target] {
    let guide = run.guide, dialog = run.dialog
    let frame = guide.firstFrameMs.median, dialogFrame = dialog.firstFrameMs.median
    let arrow = guide.arrowMs.median, dialogArrow = dialog.arrowMs.median
    let arrowBytes = guide.arrowBytes.median, frameBytes = guide.firstFrameBytes.median
    let memory = guide.peakMiB.median, dialogMemory = dialog.peakMiB.median
    let overTrue = guide.headlessMs.median - run.trueMs.median
    return [
        Target(
            name: "first frame no slower than dialog's",
            measured: "\(format(frame)) ms against \(format(dialogFrame)) ms (\(format(frame / dialogFrame))x)",
            met: frame <= dialogFrame),
        Target(
            name: "arrow key at most 2x dialog's",
            measured: "\(format(arrow)) ms against \(format(dialogArrow)) ms (\(format(arrow / dialogArrow))x)",
            met: arrow <= 2 * dialogArrow),
        Target(
            name: "bytes per arrow key at most a third of a full frame",
            measured: "\(format(arrowBytes)) of \(format(frameBytes)) B (\(format(100 * arrowBytes / frameBytes))%)",
            met: arrowBytes <= frameBytes / 3),
        Target(
            name: "peak memory at most 2x dialog's",
            measured: "\(format(memory)) MiB against \(format(dialogMemory)) MiB (\(format(memory / dialogMemory))x)",
            met: memory <= 2 * dialogMemory),
        Target(
            name: "plan --format json at most 2 ms above /bin/true",
            measured: "\(format(guide.headlessMs.median)) ms, \(format(overTrue)) ms above /bin/true's \(format(run.trueMs.median)) ms",
            met: overTrue <= 2),
    ]
}

/// What was measured: the machine, the programs and how the binary was built, read from the
/// binary itself so that the report cannot disagree with it.
struct Setup {
    let date: String
    let machine: String
    let load: String
    let app: String
    let appSize: String
    /// "static executable", or what a dynamically linked one loads.
    let linking: String
    let linker: String
    let dialog: String
    let command: String
    /// "en (LANG=C.UTF-8)", or the locale given with --locale.
    let locale: String

    init(app: String, locale: LocaleID?, dialog: String, arguments: [String]) {
        self.locale = locale.map { "\($0.rawValue) (--locale \($0.rawValue))" } ?? "en (LANG=C.UTF-8)"
        date = commandOutput("date -u '+%Y-%m-%d %H:%M UTC'")
        machine = "\(commandOutput("uname -srm")); \(commandOutput("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'")); \(commandOutput("nproc")) cores"
        load = commandOutput("cut -d' ' -f1-3 /proc/loadavg")
        self.app = app
        var info = stat()
        appSize = stat(app, &info) == 0 ? "\(format(Double(info.st_size) / 1_048_576)) MiB" : "?"
        let quoted = "'\(app)'"
        if findExecutable("readelf") == nil {
            (linking, linker) = ("unknown (no readelf)", "unknown")
        } else {
            let libraries = commandOutput("readelf -d \(quoted) 2>/dev/null | grep -c NEEDED")
            let swiftRuntime = commandOutput("readelf -d \(quoted) | grep -c libswiftCore") == "0" ? "statically" : "dynamically"
            linking = libraries == "0" || libraries.isEmpty
                ? "static executable" : "dynamically linked (\(libraries) libraries, the Swift runtime \(swiftRuntime))"
            linker = commandOutput("readelf -p .comment \(quoted) | grep -c 'Linker: LLD'") == "0" ? "not lld" : "lld"
        }
        self.dialog = "\(dialog), \(commandOutput(dialog + " --version"))"
        command = (["connect-guide-bench"] + arguments).joined(separator: " ")
    }

    var lines: [String] {
        [
            "Date: \(date); load average at the start: \(load)",
            "Machine: \(machine)",
            "connect-guide: \(app), \(appSize); \(linking); linker \(linker); locale \(locale)",
            "dialog: \(self.dialog)",
        ]
    }
}

/// The plain-text report for the terminal.
func textReport(_ run: Run, _ counts: InstructionCounts?, _ setup: Setup, _ checked: [Target]) -> String {
    var lines = setup.lines
    lines.append("Pseudo-terminal \(columns)x\(rows), TERM=\(terminalType); median (interquartile range) of \(run.runs) runs.")
    func appendTable(_ table: [[String]]) {
        lines.append("")
        let widths = (0..<4).map { column in table.map { $0[column].count }.max()! }
        for (index, row) in table.enumerated() {
            lines.append(row.enumerated().map { $1.padded(to: widths[$0]) }.joined(separator: "  "))
            if index == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
    }
    appendTable([["measure", "connect-guide", "dialog", "ratio"]] + resultRows(run))
    if let counts { appendTable([["instructions (callgrind)", "connect-guide", "dialog", "ratio"]] + instructionRows(counts)) }
    lines.append("")
    lines.append("Targets:")
    for target in checked { lines.append("  \(target.met ? "met   " : "MISSED") \(target.name): \(target.measured)") }
    return lines.joined(separator: "\n") + "\n"
}

/// BENCHMARKS.md, written whole from a run: every number in it comes from that run.
func markdownReport(_ run: Run, _ counts: InstructionCounts?, _ setup: Setup, _ checked: [Target]) -> String {
    func tableRow(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
    func table(_ header: [String], _ rows: [[String]]) -> String {
        ([tableRow(header), tableRow(header.map { _ in "---" })] + rows.map(tableRow)).joined(separator: "\n")
    }
    let results = table(["measure", "connect-guide", "dialog", "ratio"], resultRows(run))
    let instructions = counts.map {
        "\n\nInstructions from exec to exit, counted once with `--callgrind`:\n\n"
            + table(["instructions (callgrind)", "connect-guide", "dialog", "ratio"], instructionRows($0))
    } ?? ""
    let targetRows = [tableRow(["target", "measured", "result"]), tableRow(["---", "---", "---"])]
        + checked.map { tableRow([$0.name, $0.measured, $0.met ? "met" : "**missed**"]) }
    let missed = checked.filter { !$0.met }.count
    return """
        # Benchmarks

        <!-- Written by `\(setup.command)`; edit the benchmark, not this file. -->

        How fast and how small connect-guide is next to `dialog --menu`, measured the way
        a user meets both: the release build in a pseudo-terminal of \(columns)x\(rows) with
        `TERM=\(terminalType)`, from outside the process, the two programs interleaved in
        the same run so that both see the same machine.

        ## Run it

        ```sh
        sudo apt-get install -y dialog
        \(releaseBuildCommand)
        .build/release/connect-guide-bench --check                             # exits 1 if a target is missed
        .build/release/connect-guide-bench --callgrind --write-markdown BENCHMARKS.md  # rewrites this file
        ```

        Options: `--runs N`, `--binary PATH` (the connect-guide to measure), `--locale CODE`
        (connect-guide in that language; English otherwise),
        `--check`, `--write-markdown FILE`, and `--callgrind`, which also counts
        the instructions of one start and quit of each program under
        `valgrind --tool=callgrind` (`sudo apt-get install -y valgrind`).
        `--write-symbol-order FILE` records the functions the measured sessions run,
        for the release link (`Benchmarks/symbol-order.txt`), and measures nothing. Exit
        status: 0 measured (and with `--check`, every target met), 1 a target
        missed (`--check`), 2 bad usage, 3 nothing measured (dialog, valgrind or
        connect-guide missing, or a program failed).

        What is measured:

        - **first complete frame**: from exec until the last byte of the first
          frame; the frame is complete once its text has arrived and the terminal
          stays quiet for 150 ms, which is not counted;
        - **arrow key response**: from writing the cursor-down key to the last byte
          of the redraw it causes; the same for **a selection that moves three other
          properties** (choosing API onboarding), which dialog has no counterpart for;
        - **bytes** the terminal receives for the first frame and for each of these,
          and the full-screen clears among them;
        - **peak memory**: `VmHWM` from `/proc/PID/status`, read while the program
          runs, just before it is told to quit;
        - **`plan --format json`**: wall time from spawn to exit, output to
          `/dev/null`, next to starting `/bin/true` the same way.

        Wall times on a shared virtual machine vary by tens of percent from run to
        run; for deciding what to change, count instructions, which repeat exactly
        (`--callgrind`), and see where they go with `valgrind --tool=callgrind` on a
        copy of the binary without its debug information (`objcopy --strip-debug`:
        valgrind cannot read lld's), in a terminal of the same size, then `q`, and
        `callgrind_annotate --inclusive=yes`.

        `--callgrind` also counts the **conformance scans**: each time the Swift
        runtime answers a conformance question it has not seen (a generic type's
        `Key: Hashable`, the associated types of an unspecialized generic call such as
        the standard library's `joined(separator:)`), it walks every conformance
        record in the binary, about 150K instructions and a few hundred KiB of pages.
        There should be none; `gdb -ex 'break swift_conformsToProtocolMaybeInstantiateSuperclasses'`
        shows where one comes from.

        ## The latest run

        \(setup.lines.map { "- " + $0 }.joined(separator: "\n"))
        - Median (interquartile range) of \(run.runs) runs.

        \(results)\(instructions)

        ## Targets

        \(missed == 0 ? "All targets met in this run." : "\(missed) of \(checked.count) targets missed in this run.")

        \(targetRows.joined(separator: "\n"))

        """
}

extension String {
    func padded(to length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
