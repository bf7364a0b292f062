import Foundation

/// A deterministic random number generator (SplitMix64), so a failing sequence replays.
public struct SeededGenerator: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Iterations for a fuzz test: `standard` by default, FUZZ_ITERATIONS on demand
/// (`FUZZ_ITERATIONS=20000 swift test --filter Fuzz`).
public func fuzzIterations(_ standard: Int) -> Int {
    ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"].flatMap(Int.init).map { max($0, 1) } ?? standard
}

/// The seed for a fuzz test: fixed, so a failure replays; FUZZ_SEED tries other sequences.
public func fuzzSeed(_ standard: UInt64) -> UInt64 {
    ProcessInfo.processInfo.environment["FUZZ_SEED"].flatMap(UInt64.init).map { $0 &+ standard } ?? standard
}
