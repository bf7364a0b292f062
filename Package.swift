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
        .executableTarget(
            name: "connect-guide",
            dependencies: [
                "ConnectGuideCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ConnectGuideCoreTests",
            dependencies: ["ConnectGuideCore"]
        ),
        // Runs the built binary as a user would, checking output, streams and exit codes.
        .testTarget(
            name: "ConnectGuideCLITests",
            dependencies: ["connect-guide"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
