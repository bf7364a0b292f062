// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "connect-guide",
    products: [
        .executable(name: "connect-guide", targets: ["connect-guide"]),
        .library(name: "ConnectGuideCore", targets: ["ConnectGuideCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The domain: model, rules, state machine, derivation, diff data, URL codec.
        .target(name: "ConnectGuideCore"),
        // The documents a plan is written as: text, Markdown, JSON, prompt, options, diff, curl.
        .target(
            name: "ConnectGuideDocuments",
            dependencies: ["ConnectGuideCore", "ConnectGuideJSON", "ConnectGuideText"]
        ),
        // A JSON value with ordered keys and its writer: the documents write it, the content
        // compiler reads into it.
        .target(name: "ConnectGuideJSON"),
        // Every user-facing string by key, in each locale: Assets/strings (English) and
        // Assets/locales/<code>/strings, compiled into typed accessors (`text.tui.quitHint`).
        // No dependencies: the core never words anything.
        .target(
            name: "ConnectGuideText",
            plugins: ["CompileContent"]
        ),
        // The one place that names the platform (Linux, glibc): re-exports Glibc and holds
        // the Linux-only calls. A port replaces it and CLinuxSystemCalls. The core does not
        // depend on it.
        .target(
            name: "ConnectGuidePlatform",
            dependencies: ["CLinuxSystemCalls"]
        ),
        // The system calls Swift cannot make (syscall is variadic), as inline C functions.
        .systemLibrary(name: "CLinuxSystemCalls"),
        // Files: atomic writes, and the saved selection (a docs page URL).
        .target(
            name: "ConnectGuideStorage",
            dependencies: ["ConnectGuideCore", "ConnectGuideDocuments", "ConnectGuidePlatform", "ConnectGuideText"]
        ),
        // Build time only: reads and checks Assets/*.json and writes it as Swift source.
        .target(
            name: "ContentLoader",
            dependencies: ["ConnectGuideCore", "ConnectGuideJSON"]
        ),
        .executableTarget(
            name: "content-compiler",
            dependencies: ["ConnectGuideCore", "ContentLoader"],
            path: "Tools/content-compiler"
        ),
        .plugin(
            name: "CompileContent",
            capability: .buildTool(),
            dependencies: ["content-compiler"]
        ),
        // The content of Assets/, compiled into the binary as Swift (`Guide.bundled`), so the
        // executable runs from any directory, parses no JSON and checks nothing at start.
        .target(
            name: "ConnectGuideContent",
            dependencies: ["ConnectGuideCore", "ConnectGuideText"],
            plugins: ["CompileContent"]
        ),
        // ncursesw from the system (Debian: libncurses-dev), with a C shim for its macros.
        // No pkgConfig: ncursesw.pc only adds -D flags that SwiftPM refuses (with a
        // warning); the shim defines what it needs and the module map links the library.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The signal handlers and their one state, compiled once (a header's statics are
        // copied into every object file that inlines them).
        .target(name: "CTerminalSignals"),
        // The full-screen front end: model, pure renderer, key decoding, one ncurses layer.
        .target(
            name: "ConnectGuideTUI",
            dependencies: [
                "ConnectGuideCore", "ConnectGuideDocuments", "ConnectGuideStorage", "ConnectGuidePlatform", "ConnectGuideText", "CNcursesw",
                "CTerminalSignals",
            ]
        ),
        // The accessible line-by-line front end (`--plain`): a reducer of questions and
        // answers, and the loop that runs it on a terminal or a pipe.
        .target(
            name: "ConnectGuidePlain",
            dependencies: ["ConnectGuideCore", "ConnectGuideDocuments", "ConnectGuideStorage", "ConnectGuidePlatform", "ConnectGuideText"]
        ),
        .executableTarget(
            name: "connect-guide",
            dependencies: [
                "ConnectGuideCore",
                "ConnectGuideContent",
                "ConnectGuideDocuments",
                "ConnectGuidePlain",
                "ConnectGuidePlatform",
                "ConnectGuideStorage",
                "ConnectGuideTUI",
                "ConnectGuideText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The per-property flags (PropertyOptions), generated from the content.
            plugins: ["CompileContent"]
        ),
        // The shipped benchmark: runs the release build (and dialog) in a pseudo-terminal.
        // Build and run it as BENCHMARKS.md says; --check fails on a missed target.
        .target(
            name: "CPseudoTerminal",
            path: "Benchmarks/CPseudoTerminal",
            linkerSettings: [.linkedLibrary("util")]
        ),
        .executableTarget(
            name: "connect-guide-bench",
            dependencies: ["CPseudoTerminal", "ConnectGuideText"],
            path: "Benchmarks/connect-guide-bench"
        ),
        // Seeded random numbers and the FUZZ_ITERATIONS / FUZZ_SEED knobs, for both test targets.
        .target(
            name: "FuzzSupport",
            path: "Tests/FuzzSupport"
        ),
        .testTarget(
            name: "ConnectGuideCoreTests",
            dependencies: [
                "ConnectGuideCore", "ConnectGuideContent", "ConnectGuideDocuments", "ConnectGuidePlatform", "ConnectGuideJSON", "ConnectGuideStorage", "ConnectGuideText", "ContentLoader",
                "FuzzSupport",
            ]
        ),
        // The plain front end's reducer, driven by lines.
        .testTarget(
            name: "ConnectGuidePlainTests",
            dependencies: ["ConnectGuidePlain", "ConnectGuideContent", "ConnectGuideText", "FuzzSupport"]
        ),
        // Golden frames and unit tests of the front end, and end-to-end runs in a pseudo-terminal.
        .testTarget(
            name: "ConnectGuideTUITests",
            dependencies: ["ConnectGuideTUI", "ConnectGuideContent", "ConnectGuideText", "connect-guide", "FuzzSupport"],
            exclude: ["Goldens"]
        ),
        // Runs the built binary as a user would, checking output, streams and exit codes.
        .testTarget(
            name: "ConnectGuideCLITests",
            dependencies: ["connect-guide", "FuzzSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
