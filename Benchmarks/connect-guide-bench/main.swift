// connect-guide-bench: measures the release build as a user meets it, in a pseudo-terminal
// of a fixed size, next to `dialog --menu` measured the same way in the same run, and
// checks the targets of issue 10. See BENCHMARKS.md, which `--write-markdown` writes.

import ConnectGuideText
import Glibc

/// Exit statuses, as `--help` and BENCHMARKS.md list them.
enum BenchExit {
    static let measured: Int32 = 0
    static let targetMissed: Int32 = 1
    static let usage: Int32 = 2
    static let cannotMeasure: Int32 = 3
}

/// The title of the preset chooser a first start opens on, in English: its appearance
/// marks the first complete frame (and the symbol order's session waits for it).
let presetChooserTitle = UIText.bundled(.en).tui.presetsTitle

/// connect-guide in one locale: its arguments and the chooser title its first frame shows.
struct AppLocale {
    let locale: LocaleID?

    /// `--locale CODE` for a locale given, nothing otherwise (the benchmark pins LANG=C.UTF-8: English).
    var arguments: [String] { locale.map { ["--locale", $0.rawValue] } ?? [] }
    var chooserTitle: String { UIText.bundled(locale ?? .en).tui.presetsTitle }
}

let usage = """
    usage: connect-guide-bench [--runs N] [--binary PATH] [--locale CODE] [--check] [--write-markdown FILE] [--callgrind]
           connect-guide-bench --write-symbol-order FILE [--binary PATH]

    Runs connect-guide (the one beside this executable, or PATH) and dialog in a \(columns)x\(rows)
    pseudo-terminal N times (default 20), interleaved, and prints the medians.
      --locale CODE           run connect-guide with --locale CODE (en ja de fr es);
                              the default is LANG=C.UTF-8, English
      --check                 exit 1 if any target is missed
      --write-markdown FILE   write the report as Markdown to FILE (BENCHMARKS.md)
      --callgrind             also count instructions of one start and quit (valgrind)
      --write-symbol-order FILE
                              write the functions the measured sessions run, in the order
                              they first run, for the release link (Benchmarks/symbol-order.txt;
                              valgrind); measures nothing else
    Build first with:
      \(releaseBuildCommand)
    Exit status: 0 measured (with --check: every target met), 1 a target missed,
    2 bad usage, 3 nothing measured (dialog, valgrind or connect-guide missing, or a program failed).
    """

struct UsageError: Error, CustomStringConvertible {
    let description: String
}

struct Options {
    var runs = 20
    var binary: String?
    var check = false
    var markdownPath: String?
    var callgrind = false
    var symbolOrderPath: String?
    var locale: LocaleID?

    init(_ arguments: [String]) throws {
        var remaining = arguments[...]
        func value(for name: String) throws -> String {
            guard let value = remaining.popFirst() else { throw UsageError(description: "\(name) needs a value") }
            return value
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--runs":
                let text = try value(for: argument)
                guard let count = Int(text), count > 0 else { throw UsageError(description: "--runs: \"\(text)\" is not a positive number") }
                runs = count
            case "--binary": binary = try value(for: argument)
            case "--check": check = true
            case "--write-markdown": markdownPath = try value(for: argument)
            case "--callgrind": callgrind = true
            case "--write-symbol-order": symbolOrderPath = try value(for: argument)
            case "--locale":
                let code = try value(for: argument)
                guard let given = LocaleID(rawValue: code) else {
                    let known = LocaleID.allCases.map(\.rawValue).joined(separator: ", ")
                    throw UsageError(description: "--locale: \"\(code)\" is not one of \(known)")
                }
                locale = given
            default: throw UsageError(description: "unknown argument \"\(argument)\"")
            }
        }
    }
}

/// The run's scratch directory (saved selections, callgrind files), removed on every exit.
nonisolated(unsafe) var scratchDirectory: String?

func removeScratchDirectory() {
    if let scratchDirectory { _ = system("rm -rf '\(scratchDirectory)'") }
}

func fail(_ message: String, _ code: Int32) -> Never {
    var standardError = StandardError()
    print("connect-guide-bench: \(message)", to: &standardError)
    removeScratchDirectory()
    exit(code)
}

func main() -> Int32 {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.contains("-h") || arguments.contains("--help") {
        print(usage)
        return BenchExit.measured
    }
    let options: Options
    do {
        options = try Options(arguments)
    } catch {
        fail("\(error); see --help", BenchExit.usage)
    }
    // The benchmark is built beside the app: use the connect-guide next to this executable.
    let own = CommandLine.arguments[0]
    let directory = own.contains("/") ? String(own[..<own.lastIndex(of: "/")!]) : "."
    let app = options.binary ?? directory + "/connect-guide"
    guard access(app, X_OK) == 0 else {
        fail("\(app) is not there; build it with: \(releaseBuildCommand)", BenchExit.cannotMeasure)
    }
    let valgrind = findExecutable("valgrind")
    if options.callgrind && valgrind == nil {
        fail("--callgrind needs valgrind; install it with: sudo apt-get install -y valgrind", BenchExit.cannotMeasure)
    }
    var template = Array("/tmp/connect-guide-bench.XXXXXX".utf8CString)
    guard let stateDirectory = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({ String(cString: $0) }) else {
        fail("cannot create a temporary directory", BenchExit.cannotMeasure)
    }
    scratchDirectory = stateDirectory
    defer { removeScratchDirectory() }

    if let path = options.symbolOrderPath {
        guard let valgrind else { fail("--write-symbol-order needs valgrind; install it with: sudo apt-get install -y valgrind", BenchExit.cannotMeasure) }
        print("Recording the functions connect-guide runs, under callgrind ...")
        do {
            let names = try symbolOrder(app: app, valgrind: valgrind, stateDirectory: stateDirectory)
            let header = [
                "# The functions connect-guide runs at start-up, on the first frame, an arrow key, a selection and",
                "# quitting, and in plan --format json, first run first: lld lays the release build out in this order",
                "# (Tools/build-release). Written by connect-guide-bench --write-symbol-order; edit the benchmark, not this.",
            ]
            try writeFile(path, (header + names).joined(separator: "\n") + "\n")
            print("Wrote \(names.count) symbols to \(path).")
        } catch {
            fail("\(error)", BenchExit.cannotMeasure)
        }
        return BenchExit.measured
    }
    guard let dialog = findExecutable("dialog") else {
        fail("dialog is not installed; the targets are relative to it. Install it with: sudo apt-get install -y dialog", BenchExit.cannotMeasure)
    }
    guard let trueBinary = findExecutable("true") else { fail("cannot find /bin/true", BenchExit.cannotMeasure) }
    let setup = Setup(app: app, locale: options.locale, dialog: dialog, arguments: arguments)
    print("Measuring \(options.runs) runs of connect-guide and dialog at \(columns)x\(rows) ...")
    let run: Run
    do {
        run = try measure(app: app, locale: AppLocale(locale: options.locale), dialog: dialog, trueBinary: trueBinary, runs: options.runs, stateDirectory: stateDirectory)
    } catch {
        fail("\(error)", BenchExit.cannotMeasure)
    }
    var counts: InstructionCounts?
    if options.callgrind, let valgrind {
        print("Counting instructions under callgrind ...")
        do {
            counts = try countInstructions(app: app, locale: AppLocale(locale: options.locale), dialog: dialog, trueBinary: trueBinary, valgrind: valgrind, stateDirectory: stateDirectory)
        } catch {
            fail("\(error)", BenchExit.cannotMeasure)
        }
    }
    let checked = targets(run)
    print("")
    print(textReport(run, counts, setup, checked), terminator: "")
    if let path = options.markdownPath {
        do {
            try writeFile(path, markdownReport(run, counts, setup, checked))
            print("Wrote \(path).")
        } catch {
            fail("\(error)", BenchExit.cannotMeasure)
        }
    }
    let missed = checked.filter { !$0.met }
    if options.check && !missed.isEmpty {
        print("--check: \(missed.count) of \(checked.count) targets missed.")
        return BenchExit.targetMissed
    }
    return BenchExit.measured
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        _ = Array(string.utf8).withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}

exit(main())
