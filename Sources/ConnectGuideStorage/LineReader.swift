import ConnectGuidePlatform

/// Lines read from a file descriptor (stdin for `--plain`), each kept to `limit` bytes:
/// the rest of a longer line is read and dropped, so no input makes a line grow without
/// bound. Input that goes on for `discardLimit` bytes without a newline (`/dev/zero`, a
/// binary file) is not lines of text: what was kept is its last line, then input ends.
public struct LineReader {
    /// One line, without its newline (LF or CR LF), and how many bytes were dropped from it.
    public struct Line: Hashable, Sendable {
        public let text: String
        public let droppedBytes: Int
    }

    public static let defaultLimit = 4_096
    public static let defaultDiscardLimit = 64 << 20

    let descriptor: Int32
    let limit: Int
    let discardLimit: Int
    private var buffer = [UInt8](repeating: 0, count: 16_384)
    private var start = 0
    private var end = 0
    private var finished = false

    public init(descriptor: Int32 = 0, limit: Int = defaultLimit, discardLimit: Int = defaultDiscardLimit) {
        self.descriptor = descriptor
        self.limit = limit
        self.discardLimit = discardLimit
    }

    /// The next line; nil at the end of input (or of anything that is not text).
    public mutating func next() -> Line? {
        guard !finished else { return nil }
        var kept: [UInt8] = []
        var dropped = 0
        while true {
            if start == end {
                let count = buffer.withUnsafeMutableBytes { ConnectGuidePlatform.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    finished = true
                    return kept.isEmpty && dropped == 0 ? nil : line(kept, dropped: dropped)
                }
                start = 0
                end = count
            }
            let chunk = buffer[start..<end]
            let newline = chunk.firstIndex(of: 0x0A)
            let part = chunk[..<(newline ?? end)]
            let room = max(limit - kept.count, 0)
            kept += part.prefix(room)
            dropped += max(part.count - room, 0)
            start = newline.map { $0 + 1 } ?? end
            if newline != nil { return line(kept, dropped: dropped) }
            if dropped > discardLimit {
                // Not text: this line as far as it was kept, then the end of input.
                finished = true
                return line(kept, dropped: dropped)
            }
        }
    }

    private func line(_ bytes: [UInt8], dropped: Int) -> Line {
        let text = bytes.last == 0x0D && dropped == 0 ? bytes.dropLast() : bytes[...]
        return Line(text: String(decoding: text, as: UTF8.self), droppedBytes: dropped)
    }
}
