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
