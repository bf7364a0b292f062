// The one Swift file that names the platform: Linux with glibc, the only platform built
// and tested. Every other module imports ConnectGuidePlatform instead of Glibc, so a
// port replaces this file (and the C module CLinuxSystemCalls below it) and the rest of
// the sources stay as they are. The core imports neither: it does no I/O.
@_exported import Glibc
import CLinuxSystemCalls

/// renameat2(2) with RENAME_NOREPLACE: moves `from` to `to` unless `to` exists. 0, or the
/// error number: EEXIST when `to` exists; ENOSYS (an old kernel) or EINVAL (a file system
/// without the flag) when the caller must fall back to something else.
public func renameWithoutReplacing(_ from: String, _ to: String) -> Int32 {
    cg_rename_no_replace(from, to)
}

/// Path prefixes that name a process's open file descriptors (`/dev/fd/3`,
/// `/proc/self/fd/3`): writing to one writes into the open file, never replaces it.
public let openDescriptorPathPrefixes = ["/dev/fd/", "/proc/self/fd/"]

/// When a file was last modified, in seconds since the epoch, from its `stat`.
public func modificationSeconds(_ status: stat) -> Int {
    Int(status.st_mtim.tv_sec)
}

/// The terminal's size in rows and columns (TIOCGWINSZ), or nil when `fd` is not a
/// terminal or the size is not known.
public func terminalWindowSize(_ fd: Int32) -> (rows: Int, columns: Int)? {
    var window = winsize()
    guard ioctl(fd, UInt(TIOCGWINSZ), &window) == 0 else { return nil }
    return (Int(window.ws_row), Int(window.ws_col))
}

/// The environment of this process (`environ`), as a value.
public func processEnvironment() -> Environment {
    var variables: [(name: String, value: String)] = []
    var entry = environ
    // clearenv(3) may leave it null, though Swift's declaration says otherwise.
    guard Int(bitPattern: entry) != 0 else { return Environment(variables) }
    while let pointer = entry.pointee {
        let text = String(cString: pointer)
        // Entries without "=" are left out.
        if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
            variables.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
        }
        entry += 1
    }
    return Environment(variables)
}

/// Writes all of `bytes` to `descriptor`: 0, or the error number. An interrupted write
/// goes on. On a non-blocking descriptor that is full, it waits for room until
/// `deadline` (monotonic milliseconds) and then gives ETIMEDOUT; without a deadline it
/// gives EAGAIN. The one such loop: every caller that must not lose bytes uses it.
public func writeAll(_ bytes: [UInt8], to descriptor: Int32, deadline: Int? = nil) -> Int32 {
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            return write(descriptor, base + offset, buffer.count - offset)
        }
        if written < 0 {
            if errno == EINTR { continue }
            if errno == EAGAIN, let deadline {
                let left = deadline - monotonicMilliseconds()
                guard left > 0 else { return ETIMEDOUT }
                var watched = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&watched, 1, Int32(left))
                continue
            }
            return errno
        }
        // A write that takes nothing would loop for ever.
        if written == 0 { return EIO }
        offset += written
    }
    return 0
}

/// Milliseconds on the monotonic clock, for deadlines.
public func monotonicMilliseconds() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return now.tv_sec * 1_000 + now.tv_nsec / 1_000_000
}
