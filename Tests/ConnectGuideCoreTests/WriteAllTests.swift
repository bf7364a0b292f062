import ConnectGuidePlatform
import Testing

/// The one loop that writes all of a buffer (stdout, stderr, the terminal, files).
@Suite("Writing all bytes")
struct WriteAllTests {
    @Test("all bytes reach a pipe; a closed descriptor gives its error; a full pipe with a deadline gives ETIMEDOUT")
    func writeAllBytes() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        #expect(fcntl(ends[1], F_SETFL, O_NONBLOCK) == 0)
        defer { close(ends[0]); close(ends[1]) }
        let bytes = Array("every byte\n".utf8)
        #expect(writeAll(bytes, to: ends[1]) == 0)
        var read = [UInt8](repeating: 0, count: 64)
        let count = read.withUnsafeMutableBytes { ConnectGuidePlatform.read(ends[0], $0.baseAddress!, $0.count) }
        #expect(Array(read.prefix(count)) == bytes)
        #expect(writeAll(bytes, to: -1) == EBADF)
        // Nobody reads: the pipe fills, and the deadline ends the wait.
        let large = [UInt8](repeating: 0x41, count: 1 << 20)
        let started = monotonicMilliseconds()
        #expect(writeAll(large, to: ends[1], deadline: started + 100) == ETIMEDOUT)
        #expect(monotonicMilliseconds() - started < 5_000)
        #expect(writeAll(large, to: ends[1]) == EAGAIN)
    }
}
