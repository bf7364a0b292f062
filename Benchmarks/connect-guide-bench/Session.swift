import CPseudoTerminal
import Glibc

// MARK: - Clock

func now() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

func milliseconds(from start: UInt64, to end: UInt64) -> Double {
    Double(end - start) / 1_000_000
}

// MARK: - A program in a pseudo-terminal

struct Response {
    var bytes: [UInt8] = []
    var lastByteAt: UInt64 = 0
}

final class TerminalSession {
    let pid: pid_t
    let master: Int32
    let startedAt: UInt64
    private(set) var transcript: [UInt8] = []

    init(_ path: String, _ arguments: [String], environment: [String], rows: UInt16, columns: UInt16) throws {
        var master: Int32 = -1
        let argv = CStrings([path] + arguments)
        let envp = CStrings(environment)
        startedAt = now()
        pid = pt_spawn(path, argv.pointers, envp.pointers, rows, columns, &master)
        guard pid > 0 else { throw BenchError("cannot start \(path): \(String(cString: strerror(errno)))") }
        self.master = master
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until `done` holds for what arrived and then the terminal stays quiet for
    /// `quietMilliseconds`; the response ends at the last byte before that silence.
    func read(quietMilliseconds: Int32, timeoutMilliseconds: Int = 5_000, until done: ([UInt8]) -> Bool = { !$0.isEmpty }) throws -> Response {
        var response = Response()
        let deadline = now() + UInt64(timeoutMilliseconds) * 1_000_000
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let satisfied = done(response.bytes)
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, satisfied ? quietMilliseconds : 50)
            if ready > 0 {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
                if count <= 0 {
                    // The child closed the terminal.
                    if satisfied { return response }
                    throw BenchError("the program closed the terminal before the expected output")
                }
                response.bytes += buffer[0..<count]
                response.lastByteAt = now()
                transcript += buffer[0..<count]
            } else if satisfied {
                return response
            } else if now() > deadline {
                throw BenchError("timed out waiting for output (got \(response.bytes.count) bytes)")
            }
        }
    }

    /// Sends `keys` and reads the redraw they cause; returns the response and its latency.
    func respond(to keys: String, quietMilliseconds: Int32 = 40) throws -> (Response, Double) {
        let sentAt = now()
        send(keys)
        let response = try read(quietMilliseconds: quietMilliseconds)
        return (response, milliseconds(from: sentAt, to: response.lastByteAt))
    }

    /// The peak resident memory of the running program in KiB: `VmHWM` from
    /// /proc/PID/status. Read while it runs, after exec, so it counts the program's own
    /// image only (wait4's ru_maxrss would keep the high-water mark of the forked
    /// benchmark from before the exec).
    func peakResidentKiB() throws -> Double {
        let status = try readFile("/proc/\(pid)/status")
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.dropFirst("VmHWM:".count).filter { $0.isNumber }
            if let kib = Double(String(digits)) { return kib }
        }
        throw BenchError("no VmHWM in /proc/\(pid)/status")
    }

    /// Drains output until the child exits; returns its wait status.
    func finish(timeoutSeconds: UInt64 = 5) -> Int32 {
        var status: Int32 = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = now() + timeoutSeconds * 1_000_000_000
        while pt_poll_exit(pid, &status) == 0 {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 20) > 0 {
                _ = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            }
            if now() > deadline {
                kill(pid, SIGKILL)
                _ = pt_wait(pid, &status)
                break
            }
        }
        close(master)
        return status
    }

    /// The cursor-down key as the program asked the terminal to send it: application
    /// mode (ESC O B) after it switched keypad mode on (ESC [ ? 1 h), else ESC [ B.
    var downKey: String { transcript.contains(subsequence: Array("\u{1B}[?1h".utf8)) ? "\u{1B}OB" : "\u{1B}[B" }
}

/// Runs `path` with stdout and stderr on /dev/null and returns its wall time in
/// milliseconds, from spawn to exit.
func timeCommand(_ path: String, _ arguments: [String], environment: [String]) throws -> Double {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = CStrings([path] + arguments)
    let envp = CStrings(environment)
    var pid: pid_t = 0
    let start = now()
    guard posix_spawn(&pid, path, &actions, nil, argv.pointers, envp.pointers) == 0 else { throw BenchError("cannot start \(path)") }
    var status: Int32 = 0
    _ = pt_wait(pid, &status)
    let elapsed = milliseconds(from: start, to: now())
    guard status == 0 else { throw BenchError("\(([path] + arguments).joined(separator: " ")) exited with wait status \(status)") }
    return elapsed
}

/// NUL-terminated copies of `words` for exec, freed with the value.
final class CStrings {
    let pointers: [UnsafeMutablePointer<CChar>?]
    init(_ words: [String]) { pointers = words.map { strdup($0) } + [nil] }
    deinit { pointers.forEach { free($0) } }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func readFile(_ path: String) throws -> String {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw BenchError("cannot read \(path): \(String(cString: strerror(errno)))") }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 16_384)
    while true {
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Writes `text` to `path` through a temporary file beside it and a rename, so a failed
/// run never leaves half a file.
func writeFile(_ path: String, _ text: String) throws {
    let temporary = path + ".tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw BenchError("cannot write \(temporary): \(String(cString: strerror(errno)))") }
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
        if written <= 0 {
            close(descriptor)
            unlink(temporary)
            throw BenchError("cannot write \(temporary): \(String(cString: strerror(errno)))")
        }
        offset += written
    }
    close(descriptor)
    guard rename(temporary, path) == 0 else { throw BenchError("cannot replace \(path): \(String(cString: strerror(errno)))") }
}

/// The first line a shell command prints, or "" when it fails.
func commandOutput(_ command: String) -> String {
    guard let pipe = popen(command + " 2>/dev/null", "r") else { return "" }
    defer { pclose(pipe) }
    var output = ""
    var buffer = [CChar](repeating: 0, count: 4096)
    while let line = buffer.withUnsafeMutableBufferPointer({ pointer -> String? in
        fgets(pointer.baseAddress, Int32(pointer.count), pipe).map { String(cString: $0) }
    }) {
        output += line
    }
    return output.split(separator: "\n").first.map(String.init) ?? ""
}

func findExecutable(_ name: String) -> String? {
    for directory in ["/usr/bin", "/usr/local/bin", "/bin"] {
        let path = directory + "/" + name
        if access(path, X_OK) == 0 { return path }
    }
    return nil
}

extension Array where Element == UInt8 {
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        return (0...(count - needle.count)).contains { start in self[start..<(start + needle.count)].elementsEqual(needle) }
    }

    /// Full-screen clears: ED 2 (ESC [ 2 J) or home + ED 0 (ESC [ H ESC [ J).
    var fullScreenClears: Int {
        var found = 0
        for needle in ["\u{1B}[2J", "\u{1B}[H\u{1B}[J"].map({ Array($0.utf8) }) {
            var index = 0
            while index + needle.count <= count {
                if self[index..<(index + needle.count)].elementsEqual(needle) {
                    found += 1
                    index += needle.count
                } else {
                    index += 1
                }
            }
        }
        return found
    }
}
