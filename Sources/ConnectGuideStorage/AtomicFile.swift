import ConnectGuideCore
import ConnectGuidePlatform
import ConnectGuideText

/// A file that could not be written (or read), with a message naming the path, the
/// problem and what to do about it.
public struct FileError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// The destination exists and the caller asked not to replace it.
        case exists
        case isDirectory
        case missingDirectory
        case permissionDenied
        /// A FIFO with nothing reading it (or a device with nothing behind it).
        case noReader
        case notRegularFile
        /// The name of a file descriptor (/dev/fd/N) that is not open, or not for writing.
        case notOpen
        case tooLarge
        case other
    }

    public let path: String
    public let kind: Kind
    public let problem: FileProblem

    public init(path: String, kind: Kind, problem: FileProblem) {
        self.path = path
        self.kind = kind
        self.problem = problem
    }

    /// The path, then the problem; the problem alone when there is no path to name.
    public func message(_ text: UIText) -> String {
        path.isEmpty ? problem.message(text) : "\(UntrustedText.escaped(path)): \(problem.message(text))"
    }

    public var description: String { message(UIText.bundled(.en)) }
}

/// What went wrong with a file, and so what to do about it.
public enum FileProblem: Hashable, Sendable {
    case emptyName
    case isDirectory
    case exists
    case existsReadOnly
    case hardLinks(Int)
    case danglingLink(target: String)
    case noTemporaryFile(directory: String)
    case ownerCannotBeKept(uid: UInt32, gid: UInt32)
    case fifoWithoutReader
    case readerStopped
    case descriptorNotOpen(Int32)
    case descriptorReadOnly(Int32)
    case notRegularFile
    case tooLarge(limit: Int)
    case cannotCreateFiles(directory: String)
    case missingDirectory(String)
    case notADirectoryInPath
    case unreadable
    case permissionDenied
    case readOnlyFileSystem
    case noReaderOrDevice
    /// The saved selection's file is read-only: kept, not replaced.
    case selectionReadOnly
    /// An error the messages above do not cover, as the system words it.
    case system(String)

    public func message(_ text: UIText) -> String {
        let words = text.files
        return switch self {
        case .emptyName: words.emptyName
        case .isDirectory: words.isDirectory
        case .exists: words.exists
        case .existsReadOnly: words.existsReadOnly
        case .hardLinks(let count): words.hardLinks(count: count)
        case .danglingLink(let target): words.danglingLink(target: UntrustedText.escaped(target))
        case .noTemporaryFile(let directory): words.noTemporaryFile(directory: UntrustedText.escaped(directory))
        case .ownerCannotBeKept(let uid, let gid): words.ownerCannotBeKept(uid: String(uid), gid: String(gid))
        case .fifoWithoutReader: words.fifoWithoutReader
        case .readerStopped: words.readerStopped
        case .descriptorNotOpen(let descriptor): words.descriptorNotOpen(descriptor: String(descriptor))
        case .descriptorReadOnly(let descriptor): words.descriptorReadOnly(descriptor: String(descriptor))
        case .notRegularFile: words.notRegularFile
        case .tooLarge(let limit): words.tooLarge(limit: String(limit))
        case .cannotCreateFiles(let directory): words.cannotCreateFiles(directory: UntrustedText.escaped(directory))
        case .missingDirectory(let directory): words.missingDirectory(directory: UntrustedText.escaped(directory))
        case .notADirectoryInPath: words.notADirectoryInPath
        case .unreadable: words.unreadable
        case .permissionDenied: words.permissionDenied
        case .readOnlyFileSystem: words.readOnlyFileSystem
        case .noReaderOrDevice: words.noReaderOrDevice
        case .selectionReadOnly: words.selectionReadOnly
        case .system(let message): message
        }
    }
}

/// Writes whole files so that readers see either the old content or the new, never a
/// half-written file: the bytes go to a temporary file in the destination's directory
/// (so the final rename stays on one file system), which then replaces the destination.
///
/// A symlink is followed: its target gets the content and the link stays. A destination
/// that is not a regular file (a FIFO, a device such as /dev/null) is written in place,
/// as a shell redirection would, never replaced and never refused as existing. The names
/// of open descriptors (/dev/stdout, /dev/fd/N, /proc/self/fd/N) are written through the
/// descriptor this process inherited, where it stands, never reopened or truncated; one
/// that is not open, or open only for reading, is refused. A replaced regular file
/// keeps its mode and owner; one with other hard links, or whose owner cannot be kept, is
/// refused with a message saying so, since replacing it would quietly change that.
public enum AtomicFile {
    public enum Overwrite: Sendable {
        /// Fail with `FileError.Kind.exists` when the destination exists.
        case refuse
        case replace
    }

    /// `readerTimeout` (milliseconds) bounds the wait for a FIFO's reader and for a FIFO or
    /// device to take the bytes; nil waits as a shell redirection would.
    public static func write(_ text: String, to path: String, overwrite: Overwrite, readerTimeout: Int? = nil) throws(FileError) {
        try write(Array(text.utf8), to: path, overwrite: overwrite, readerTimeout: readerTimeout)
    }

    public static func write(_ bytes: [UInt8], to path: String, overwrite: Overwrite, readerTimeout: Int? = nil) throws(FileError) {
        guard !path.isEmpty else {
            throw FileError(path: path, kind: .other, problem: .emptyName)
        }
        if let descriptor = openDescriptor(named: path) {
            try writeThrough(descriptor, bytes, reportedAs: path)
            return
        }
        if isDirectory(path) {
            throw FileError(path: path, kind: .isDirectory, problem: .isDirectory)
        }
        var status = stat()
        if stat(path, &status) == 0 {
            if (status.st_mode & S_IFMT) != S_IFREG {
                try writeInPlace(bytes, to: path, readerTimeout: readerTimeout)
                return
            }
            // Checked up front for a clear message; publishing without replacing below
            // keeps the check race-free.
            if overwrite == .refuse {
                // No write bit for anyone counts too: root may write anyway, but the owner
                // marked it as not to be changed.
                let readOnly = status.st_mode & 0o222 == 0 || access(path, W_OK) != 0
                throw FileError(
                    path: path, kind: .exists,
                    problem: readOnly ? .existsReadOnly : .exists)
            }
            if status.st_nlink > 1 {
                throw FileError(
                    path: path, kind: .other,
                    problem: .hardLinks(Int(status.st_nlink)))
            }
            // Replace the file the path resolves to, with a temporary file beside it.
            try replace(resolvedPath(path) ?? path, with: bytes, keeping: status, reportedAs: path, overwrite: overwrite)
        } else if errno == ENOENT {
            // A symlink counts as existing, even when it dangles: the message names where it points.
            if overwrite == .refuse && exists(path) {
                throw FileError(
                    path: path, kind: .exists,
                    problem: .danglingLink(target: newFileTarget(path)))
            }
            try replace(newFileTarget(path), with: bytes, keeping: nil, reportedAs: path, overwrite: overwrite)
        } else {
            throw error(errno, path: path, directory: directoryName(of: path))
        }
    }

    /// Writes `bytes` to a temporary file beside `target` (with the mode and owner of the
    /// file it replaces, when given), then moves it to `target`: over an existing file, or
    /// only where none exists.
    private static func replace(
        _ target: String, with bytes: [UInt8], keeping old: stat?, reportedAs path: String, overwrite: Overwrite
    ) throws(FileError) {
        let directory = directoryName(of: target)
        removeStaleTemporaryFiles(in: directory)
        let temporary = temporaryPath(for: target)
        // Created with the mode it keeps (the umask only takes bits away), so the new
        // content is never readable by more people than the old, even for a moment.
        let mode = old.map { $0.st_mode & 0o777 } ?? 0o666
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            let code = errno
            if old != nil, code == EACCES || code == EPERM {
                // The file itself may be writable; the safe replacement needs its directory.
                throw FileError(
                    path: path, kind: .permissionDenied,
                    problem: .noTemporaryFile(directory: directory))
            }
            throw error(code, path: path, directory: directory)
        }
        if let old, old.st_uid != geteuid() || old.st_gid != getegid(), fchown(descriptor, old.st_uid, old.st_gid) != 0 {
            close(descriptor)
            unlink(temporary)
            throw FileError(
                path: path, kind: .permissionDenied,
                problem: .ownerCannotBeKept(uid: old.st_uid, gid: old.st_gid))
        }
        var failure = writeAll(bytes, to: descriptor, deadline: nil)
        if failure == 0, let old, fchmod(descriptor, old.st_mode & 0o7777) != 0 { failure = errno }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 {
            switch overwrite {
            case .replace:
                if rename(temporary, target) != 0 { failure = errno }
            case .refuse:
                failure = publishWithoutReplacing(temporary, at: target)
            }
        }
        unlink(temporary)
        if failure != 0 { throw error(failure, path: path, directory: directory) }
    }

    /// The name of the temporary file written beside `target`: hidden, with a random part,
    /// and short whatever the target's name (which may take all of NAME_MAX itself).
    static func temporaryPath(for target: String) -> String {
        directoryName(of: target) + "/" + temporaryPrefix + String(UInt64.random(in: 0...UInt64.max), radix: 36) + ".tmp"
    }

    /// How every temporary file name starts.
    static let temporaryPrefix = ".connect-guide-"

    /// Whether `name` is one of ours: `temporaryPrefix`, base-36 digits, `.tmp`.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix(temporaryPrefix), name.hasSuffix(".tmp") else { return false }
        let middle = name.utf8.dropFirst(temporaryPrefix.utf8.count).dropLast(".tmp".utf8.count)
        return !middle.isEmpty && middle.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }
    }

    /// How old a temporary file must be to count as left over by a write that was killed
    /// (kill -9, a crash, a power cut) before its rename; a write in progress takes
    /// milliseconds, so a concurrent one keeps its own.
    static let staleAge = 60

    /// Removes the temporary files in `directory` that `isTemporary` recognises and that
    /// are older than `staleAge` seconds. Every replacing write does this in its target's
    /// directory, so a write killed half-way is cleaned up by the next one there.
    static func removeStaleTemporaryFiles(
        in directory: String, now: Int = Int(time(nil)), matching isTemporary: (String) -> Bool = isTemporaryName
    ) {
        guard let listing = opendir(directory) else { return }
        defer { closedir(listing) }
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard isTemporary(name) else { continue }
            let candidate = directory + "/" + name
            var status = stat()
            guard lstat(candidate, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
                now - modificationSeconds(status) > staleAge else { continue }
            unlink(candidate)
        }
    }

    /// Writes into an existing file that is not a regular file and must not be replaced: a
    /// FIFO or a device. With a `readerTimeout`, a FIFO without a reader, or one that stops
    /// reading, is an error once that many milliseconds have passed.
    private static func writeInPlace(_ bytes: [UInt8], to path: String, readerTimeout: Int?) throws(FileError) {
        let directory = directoryName(of: path)
        let deadline = readerTimeout.map { monotonicMilliseconds() + $0 }
        var descriptor: Int32
        while true {
            descriptor = open(path, O_WRONLY | O_CLOEXEC | (deadline == nil ? 0 : O_NONBLOCK))
            if descriptor >= 0 { break }
            let code = errno
            if code == EINTR { continue }
            // ENXIO: a FIFO that no one has open for reading.
            guard code == ENXIO, let deadline else { throw error(code, path: path, directory: directory) }
            guard monotonicMilliseconds() < deadline else {
                throw FileError(path: path, kind: .noReader, problem: .fifoWithoutReader)
            }
            usleep(20_000)
        }
        var failure = writeAll(bytes, to: descriptor, deadline: deadline)
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == ETIMEDOUT {
            throw FileError(path: path, kind: .noReader, problem: .readerStopped)
        }
        if failure != 0 { throw error(failure, path: path, directory: directory) }
    }

    /// Moves `temporary` to `target` unless `target` exists: 0, or the error number
    /// (EEXIST when it exists). A hard link fails if the destination appeared meanwhile,
    /// where rename would replace it. File systems without hard links (FAT, some FUSE and
    /// SMB mounts) get renameat2's RENAME_NOREPLACE instead, and where that is missing too,
    /// a check then a rename.
    static func publishWithoutReplacing(
        _ temporary: String, at target: String,
        link makeLink: (String, String) -> Int32 = { link($0, $1) == 0 ? 0 : errno },
        renameNoReplace: RenameNoReplace? = systemRenameNoReplace
    ) -> Int32 {
        let linked = makeLink(temporary, target)
        guard [EPERM, ENOTSUP, EOPNOTSUPP, ENOSYS, EXDEV].contains(linked) else { return linked }
        if let renameNoReplace {
            let renamed = renameNoReplace(temporary, target)
            // EINVAL: this file system does not support the flag.
            guard [EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP].contains(renamed) else { return renamed }
        }
        // A small race remains here: a file created at `target` between the check and the
        // rename is replaced. Only file systems with neither hard links nor
        // RENAME_NOREPLACE get this far.
        if exists(target) { return EEXIST }
        return rename(temporary, target) == 0 ? 0 : errno
    }

    /// renameat2(2) with RENAME_NOREPLACE, returning 0 or the error number.
    typealias RenameNoReplace = @Sendable (String, String) -> Int32

    /// The system's, from the platform layer; a kernel or file system without it answers
    /// ENOSYS or EINVAL, and `publishWithoutReplacing` falls back.
    static let systemRenameNoReplace: RenameNoReplace = { renameWithoutReplacing($0, $1) }

    /// The file a write to `path` reaches when `path` is a symbolic link (followed to its
    /// end, existing or not); nil for any other path.
    public static func linkTarget(of path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return nil }
        return resolvedPath(path) ?? newFileTarget(path)
    }

    /// The real path of an existing file, through every symlink.
    static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Where a file that does not exist yet should be created: at the end of a dangling
    /// symlink's chain (so the link stays a link), in its directory's real path.
    static func newFileTarget(_ path: String) -> String {
        var target = path
        for _ in 0..<40 {  // Linux's limit on symlinks followed in one lookup
            var status = stat()
            guard lstat(target, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { break }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(target, &buffer, buffer.count - 1)
            guard count > 0 else { break }
            let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            target = link.hasPrefix("/") ? link : directoryName(of: target) + "/" + link
        }
        guard let directory = resolvedPath(directoryName(of: target)) else { return target }
        return (directory == "/" ? "" : directory) + "/" + baseName(of: target)
    }

    /// The descriptor a name of an already open file stands for (/dev/stdout is the
    /// caller's stdout, even when that is a file), or nil for any other path.
    public static func openDescriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdin": return 0
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            guard let prefix = openDescriptorPathPrefixes.first(where: { path.hasPrefix($0) }) else { return nil }
            let number = path.utf8.dropFirst(prefix.utf8.count)
            guard (1...9).contains(number.count), number.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return Int32(String(decoding: number, as: UTF8.self))
        }
    }

    /// Writes into an inherited descriptor where it stands, as a command whose output the
    /// shell redirected would: `>>` keeps appending, and a file is never cut short.
    private static func writeThrough(_ descriptor: Int32, _ bytes: [UInt8], reportedAs path: String) throws(FileError) {
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0 else {
            throw FileError(
                path: path, kind: .notOpen,
                problem: .descriptorNotOpen(descriptor))
        }
        guard flags & O_ACCMODE != O_RDONLY else {
            throw FileError(
                path: path, kind: .notOpen,
                problem: .descriptorReadOnly(descriptor))
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw FileError(path: path, kind: .isDirectory, problem: .isDirectory)
        }
        let failure = writeAll(bytes, to: descriptor, deadline: nil)
        if failure != 0 { throw error(failure, path: path, directory: directoryName(of: path)) }
    }

    /// The whole content of a regular file of at most `limit` bytes; nil when it does not
    /// exist. Anything else (a FIFO, a device, a link to /dev/zero, a larger file) is an
    /// error, found without waiting for a writer or reading more than `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(FileError) -> [UInt8]? {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { return nil }
            throw error(code, path: path, directory: directoryName(of: path), reading: true)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw error(errno, path: path, directory: directoryName(of: path), reading: true) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw FileError(path: path, kind: .notRegularFile, problem: .notRegularFile)
        }
        let tooLarge = FileError(path: path, kind: .tooLarge, problem: .tooLarge(limit: limit))
        guard status.st_size <= limit else { throw tooLarge }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0) }
            if count < 0 {
                if errno == EINTR { continue }
                throw error(errno, path: path, directory: directoryName(of: path), reading: true)
            }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
            // It grew while being read.
            if bytes.count > limit { throw tooLarge }
        }
    }

    /// Creates a directory and its missing parents with `mode` (less the umask), as
    /// `mkdir -p -m` does.
    public static func createDirectory(_ path: String, mode: mode_t = 0o755) throws(FileError) {
        if isDirectory(path) { return }
        let parent = directoryName(of: path)
        if parent != path && parent != "." && parent != "/" { try createDirectory(parent, mode: mode) }
        if mkdir(path, mode) != 0 && errno != EEXIST {
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

    public static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Writes all of `bytes` (`ConnectGuidePlatform.writeAll`): 0, or the error number.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, deadline: Int?) -> Int32 {
        ConnectGuidePlatform.writeAll(bytes, to: descriptor, deadline: deadline)
    }

    static func error(_ code: Int32, path: String, directory: String, reading: Bool = false) -> FileError {
        switch code {
        case EEXIST:
            FileError(path: path, kind: .exists, problem: .exists)
        case ENOENT where isDirectory(directory):
            // Some file systems (/proc, /sys) refuse new files this way.
            FileError(path: path, kind: .permissionDenied, problem: .cannotCreateFiles(directory: directory))
        case ENOENT:
            FileError(path: path, kind: .missingDirectory, problem: .missingDirectory(directory))
        case ENOTDIR:
            FileError(path: path, kind: .missingDirectory, problem: .notADirectoryInPath)
        case EACCES where reading, EPERM where reading:
            FileError(path: path, kind: .permissionDenied, problem: .unreadable)
        case EACCES, EPERM:
            FileError(path: path, kind: .permissionDenied, problem: .permissionDenied)
        case EROFS:
            FileError(path: path, kind: .permissionDenied, problem: .readOnlyFileSystem)
        case ENXIO:
            FileError(path: path, kind: .noReader, problem: .noReaderOrDevice)
        case EISDIR:
            FileError(path: path, kind: .isDirectory, problem: .isDirectory)
        default:
            FileError(path: path, kind: .other, problem: .system(message(code)))
        }
    }

    private static func message(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}

// The system calls, named apart from the Swift methods `read` and `write` above.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
    ConnectGuidePlatform.read(descriptor, buffer.baseAddress, buffer.count)
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    ConnectGuidePlatform.write(descriptor, buffer, count)
}
