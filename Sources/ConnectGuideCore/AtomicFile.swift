#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be written (or read), with a message naming the path, the
/// problem and what to do about it.
public struct FileError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// The destination exists and the caller asked not to replace it.
        case exists
        case isDirectory
        case missingDirectory
        case permissionDenied
        case other
    }

    public let path: String
    public let kind: Kind
    public let problem: String

    public init(path: String, kind: Kind, problem: String) {
        self.path = path
        self.kind = kind
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}

/// Writes whole files so that readers see either the old content or the new, never a
/// half-written file: the bytes go to a temporary file in the destination's directory
/// (so the final rename stays on one file system), which then replaces the destination.
public enum AtomicFile {
    public enum Overwrite: Sendable {
        /// Fail with `FileError.Kind.exists` when the destination exists.
        case refuse
        case replace
    }

    public static func write(_ text: String, to path: String, overwrite: Overwrite) throws(FileError) {
        try write(Array(text.utf8), to: path, overwrite: overwrite)
    }

    public static func write(_ bytes: [UInt8], to path: String, overwrite: Overwrite) throws(FileError) {
        guard !path.isEmpty else {
            throw FileError(path: path, kind: .other, problem: "the file name is empty; give a path such as plan.md")
        }
        if isDirectory(path) {
            throw FileError(path: path, kind: .isDirectory, problem: "is a directory; give a file name inside it")
        }
        // Checked up front for a clear message; `link` below keeps the check race-free.
        if overwrite == .refuse && exists(path) {
            throw FileError(path: path, kind: .exists, problem: "already exists; use --force to replace it")
        }
        let directory = directoryName(of: path)
        let temporary = directory + "/." + baseName(of: path) + ".\(UInt64.random(in: 0...UInt64.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw error(errno, path: path, directory: directory) }
        var failure = writeAll(bytes, to: descriptor)
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 {
            switch overwrite {
            case .replace:
                if rename(temporary, path) != 0 { failure = errno }
            case .refuse:
                // A hard link fails if the destination appeared meanwhile, where rename would replace it.
                if link(temporary, path) != 0 { failure = errno }
            }
        }
        unlink(temporary)
        if failure != 0 { throw error(failure, path: path, directory: directory) }
    }

    /// The whole content of a file; nil when it does not exist.
    public static func read(_ path: String) throws(FileError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { return nil }
            throw error(code, path: path, directory: directoryName(of: path))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw error(errno, path: path, directory: directoryName(of: path))
            }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
        }
    }

    /// Creates a directory and its missing parents, as `mkdir -p` does.
    public static func createDirectory(_ path: String) throws(FileError) {
        if isDirectory(path) { return }
        let parent = directoryName(of: path)
        if parent != path && parent != "." && parent != "/" { try createDirectory(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw error(errno, path: path, directory: parent)
        }
    }

    public static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    private static func error(_ code: Int32, path: String, directory: String) -> FileError {
        switch code {
        case EEXIST:
            FileError(path: path, kind: .exists, problem: "already exists; use --force to replace it")
        case ENOENT where isDirectory(directory):
            // Some file systems (/proc, /sys) refuse new files this way.
            FileError(path: path, kind: .permissionDenied, problem: "cannot create files in \(directory); choose another path")
        case ENOENT:
            FileError(path: path, kind: .missingDirectory, problem: "the directory \(directory) does not exist; create it first or choose another path")
        case ENOTDIR:
            FileError(path: path, kind: .missingDirectory, problem: "part of the path is not a directory; check the path")
        case EACCES, EPERM, EROFS:
            FileError(path: path, kind: .permissionDenied, problem: "permission denied (\(message(code))); choose a path you can write to")
        case EISDIR:
            FileError(path: path, kind: .isDirectory, problem: "is a directory; give a file name inside it")
        default:
            FileError(path: path, kind: .other, problem: message(code))
        }
    }

    private static func message(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}

// The system calls, named apart from the Swift methods `read` and `write` above.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
    #else
    Darwin.write(descriptor, buffer, count)
    #endif
}
