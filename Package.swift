// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "connect-guide",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "connect-guide", targets: ["connect-guide"]),
        .library(name: "ConnectGuideCore", targets: ["ConnectGuideCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The domain: content, rules, state machine, derivation, exports.
        // The content in Assets/ is compiled into the binary (embedInCode), so the
        // executable runs from any directory without the checkout beside it.
        .target(
            name: "ConnectGuideCore",
            resources: [
                .embedInCode("Assets/guide.json"),
                .embedInCode("Assets/rules.json"),
                .embedInCode("Assets/steps.json"),
                .embedInCode("Assets/config.json"),
                .embedInCode("Assets/links.json"),
            ]
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
            dependencies: ["ConnectGuideCore", "CNcursesw", "CTerminalSignals"]
        ),
        .executableTarget(
            name: "connect-guide",
            dependencies: [
                "ConnectGuideCore",
                "ConnectGuideTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The shipped benchmark: runs the release build (and dialog) in a pseudo-terminal.
        // Run: swift build -c release && .build/release/connect-guide-bench
        .target(
            name: "CPseudoTerminal",
            path: "Benchmarks/CPseudoTerminal",
            linkerSettings: [.linkedLibrary("util")]
        ),
        .executableTarget(
            name: "connect-guide-bench",
            dependencies: ["CPseudoTerminal"],
            path: "Benchmarks/connect-guide-bench"
        ),
        // Seeded random numbers and the FUZZ_ITERATIONS / FUZZ_SEED knobs, for both test targets.
        .target(
            name: "FuzzSupport",
            path: "Tests/FuzzSupport"
        ),
        .testTarget(
            name: "ConnectGuideCoreTests",
            dependencies: ["ConnectGuideCore", "FuzzSupport"]
        ),
        // Golden frames and unit tests of the front end, and end-to-end runs in a pseudo-terminal.
        .testTarget(
            name: "ConnectGuideTUITests",
            dependencies: ["ConnectGuideTUI", "connect-guide", "FuzzSupport"],
            exclude: ["Goldens"]
        ),
        // Runs the built binary as a user would, checking output, streams and exit codes.
        .testTarget(
            name: "ConnectGuideCLITests",
            dependencies: ["connect-guide"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
