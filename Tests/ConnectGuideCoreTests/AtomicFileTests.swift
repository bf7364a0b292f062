import ConnectGuideText
import Foundation
import Testing

import ConnectGuideCore
import ConnectGuidePlatform
@testable import ConnectGuideStorage

import Glibc

/// A fresh empty directory for one test.
private func temporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("connect-guide-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// The file type bits of `path` itself (not following a symlink); nil when it does not exist.
private func fileType(_ path: String) -> mode_t? {
    var status = stat()
    return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
}

private func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

private func listing(_ directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
}

@Suite("Atomic files: symlinks, special files, modes, file systems without hard links")
struct AtomicFileTests {
    @Test("a symlink stays a link and its target gets the content, with the temporary file beside the target")
    func symlink() throws {
        let linkDirectory = try temporaryDirectory()
        let targetDirectory = try temporaryDirectory()
        let target = targetDirectory + "/plan.md"
        let link = linkDirectory + "/plan.md"
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try AtomicFile.write("new", to: link, overwrite: .replace)
        #expect(fileType(link) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try contents(target) == "new")
        #expect(try listing(linkDirectory) == ["plan.md"])
        #expect(try listing(targetDirectory) == ["plan.md"])
        // A link is an existing file: refused without replace.
        #expect(throws: FileError.self) { try AtomicFile.write("newer", to: link, overwrite: .refuse) }
        #expect(try contents(target) == "new")
    }

    @Test("a relative symlink chain is followed; a dangling link gets its target created")
    func relativeAndDangling() throws {
        let directory = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/real", withIntermediateDirectories: false)
        try "old".write(toFile: directory + "/real/file", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory + "/second", withDestinationPath: "real/file")
        try FileManager.default.createSymbolicLink(atPath: directory + "/first", withDestinationPath: "second")
        try AtomicFile.write("new", to: directory + "/first", overwrite: .replace)
        #expect(fileType(directory + "/first") == S_IFLNK)
        #expect(fileType(directory + "/second") == S_IFLNK)
        #expect(try contents(directory + "/real/file") == "new")

        try FileManager.default.createSymbolicLink(atPath: directory + "/dangling", withDestinationPath: "real/missing")
        try AtomicFile.write("created", to: directory + "/dangling", overwrite: .replace)
        #expect(fileType(directory + "/dangling") == S_IFLNK)
        #expect(try contents(directory + "/real/missing") == "created")
        #expect(try listing(directory + "/real") == ["file", "missing"])
    }

    @Test("a FIFO is written into, not replaced")
    func fifo() throws {
        let path = try temporaryDirectory() + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        // The read end, opened first without blocking, lets the writer's open return at once.
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        try AtomicFile.write("through the pipe", to: path, overwrite: .replace)
        var buffer = [UInt8](repeating: 0, count: 100)
        let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress!, $0.count) }
        #expect(String(decoding: buffer[0..<max(count, 0)], as: UTF8.self) == "through the pipe")
        #expect(fileType(path) == S_IFIFO)
    }

    @Test("a character device is written into, never replaced, and never refused as existing: /dev/null stays a device")
    func device() throws {
        try AtomicFile.write("discarded", to: "/dev/null", overwrite: .replace)
        #expect(fileType("/dev/null") == S_IFCHR)
        try AtomicFile.write("x", to: "/dev/null", overwrite: .refuse)
        #expect(fileType("/dev/null") == S_IFCHR)
    }

    @Test("a FIFO is not refused as existing; with no reader, a reader timeout ends the wait with 'no reader'")
    func fifoWithoutReader() throws {
        let path = try temporaryDirectory() + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        do {
            try AtomicFile.write("nobody listens", to: path, overwrite: .refuse, readerTimeout: 100)
            Issue.record("wrote into a FIFO without a reader")
        } catch {
            #expect(error.kind == .noReader)
            #expect(error.problem.message(UIText.bundled(.en)).contains("no reader"), "\(error)")
        }
        // A reader that never reads: the write stops at the timeout instead of waiting for ever.
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        do {
            try AtomicFile.write([UInt8](repeating: 0x61, count: 1_000_000), to: path, overwrite: .refuse, readerTimeout: 100)
            Issue.record("a megabyte fitted into a pipe")
        } catch {
            #expect(error.kind == .noReader, "\(error)")
        }
        #expect(fileType(path) == S_IFIFO)
    }

    @Test("a read-only file: refused with 'read-only; pass --force'; replaced with --force, still read-only")
    func readOnly() throws {
        let path = try temporaryDirectory() + "/plan.txt"
        try AtomicFile.write("old", to: path, overwrite: .refuse)
        #expect(chmod(path, 0o444) == 0)
        do {
            try AtomicFile.write("new", to: path, overwrite: .refuse)
            Issue.record("replaced without asking")
        } catch {
            #expect(error.kind == .exists)
            #expect(error.problem.message(UIText.bundled(.en)).contains("read-only; pass --force"), "\(error)")
        }
        try AtomicFile.write("new", to: path, overwrite: .replace)
        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(status.st_mode & 0o7777 == 0o444)
        #expect(try contents(path) == "new")
    }

    @Test("a file with another hard link is not replaced (that would split the links): the message says so, both keep the old content")
    func hardLinks() throws {
        let directory = try temporaryDirectory()
        try AtomicFile.write("old", to: directory + "/plan.txt", overwrite: .refuse)
        #expect(link(directory + "/plan.txt", directory + "/other.txt") == 0)
        do {
            try AtomicFile.write("new", to: directory + "/plan.txt", overwrite: .replace)
            Issue.record("replaced a hard-linked file")
        } catch {
            #expect(error.problem.message(UIText.bundled(.en)).contains("2 hard links"), "\(error)")
        }
        #expect(try contents(directory + "/plan.txt") == "old")
        #expect(try contents(directory + "/other.txt") == "old")
        #expect(try listing(directory) == ["other.txt", "plan.txt"])
    }

    @Test("a replaced file keeps its owner and group (or, for a user who cannot give them away, is refused saying so)")
    func owner() throws {
        let path = try temporaryDirectory() + "/plan.txt"
        try AtomicFile.write("old", to: path, overwrite: .refuse)
        guard geteuid() == 0 else {
            // Only root can make a file someone else's; as anyone else this test has nothing to set up.
            return
        }
        #expect(chown(path, 12_345, 23_456) == 0)
        try AtomicFile.write("new", to: path, overwrite: .replace)
        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(status.st_uid == 12_345 && status.st_gid == 23_456)
        #expect(try contents(path) == "new")
    }

    @Test("error messages name the problem once: no 'permission denied (permission denied)', reading and writing told apart")
    func messages() {
        let write = AtomicFile.error(EACCES, path: "/x/plan.txt", directory: "/x")
        #expect(write.problem.message(UIText.bundled(.en)).components(separatedBy: "permission denied").count == 2, "\(write.problem)")
        let read = AtomicFile.error(EACCES, path: "/x/last.json", directory: "/x", reading: true)
        #expect(read.problem.message(UIText.bundled(.en)).hasPrefix("cannot be read"), "\(read.problem)")
        #expect(read.problem.message(UIText.bundled(.en)).components(separatedBy: "permission denied").count == 2)
        #expect(AtomicFile.error(EROFS, path: "/x/a", directory: "/x").problem.message(UIText.bundled(.en)).contains("read-only file system"))
    }

    @Test("read takes only a regular file up to its limit: FIFOs (without waiting for a writer), devices, larger files are errors")
    func boundedRead() throws {
        let directory = try temporaryDirectory()
        #expect(mkfifo(directory + "/fifo", 0o600) == 0)
        #expect(Glibc.symlink("/dev/zero", directory + "/zero") == 0)
        try AtomicFile.write([UInt8](repeating: 0x20, count: 101), to: directory + "/big", overwrite: .refuse)
        try AtomicFile.write([UInt8](repeating: 0x20, count: 100), to: directory + "/fits", overwrite: .refuse)
        for (name, kind) in [("fifo", FileError.Kind.notRegularFile), ("zero", .notRegularFile), ("big", .tooLarge)] {
            do {
                _ = try AtomicFile.read(directory + "/" + name, limit: 100)
                Issue.record("read \(name)")
            } catch {
                #expect(error.kind == kind, "\(name): \(error)")
            }
        }
        #expect(try AtomicFile.read(directory + "/fits", limit: 100)?.count == 100)
        #expect(try AtomicFile.read(directory + "/missing", limit: 100) == nil)
    }

    @Test("a replaced file keeps its mode", arguments: [0o600, 0o640, 0o755] as [mode_t])
    func mode(mode: mode_t) throws {
        let path = try temporaryDirectory() + "/secret.json"
        try AtomicFile.write("old", to: path, overwrite: .refuse)
        #expect(chmod(path, mode) == 0)
        try AtomicFile.write("new", to: path, overwrite: .replace)
        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(status.st_mode & 0o7777 == mode)
        #expect(try contents(path) == "new")
    }

    @Test("without hard links (link fails with EPERM and the like), publishing still never replaces", arguments: [
        EPERM, ENOTSUP, EOPNOTSUPP, ENOSYS, EXDEV,
    ])
    func noHardLinks(code: Int32) throws {
        let directory = try temporaryDirectory()
        let noLinks: (String, String) -> Int32 = { _, _ in code }
        // With renameat2's RENAME_NOREPLACE (the kernel's), then with the check-and-rename fallback.
        for renameNoReplace in [AtomicFile.systemRenameNoReplace, nil] {
            let target = directory + "/out.txt"
            try? FileManager.default.removeItem(atPath: target)
            try "first".write(toFile: directory + "/tmp1", atomically: false, encoding: .utf8)
            #expect(AtomicFile.publishWithoutReplacing(directory + "/tmp1", at: target, link: noLinks, renameNoReplace: renameNoReplace) == 0)
            #expect(try contents(target) == "first")
            try "second".write(toFile: directory + "/tmp2", atomically: false, encoding: .utf8)
            #expect(AtomicFile.publishWithoutReplacing(directory + "/tmp2", at: target, link: noLinks, renameNoReplace: renameNoReplace) == EEXIST)
            #expect(try contents(target) == "first")
            try FileManager.default.removeItem(atPath: directory + "/tmp2")
        }
    }

    @Test("renameat2 with RENAME_NOREPLACE is reached through syscall: it moves a file, and refuses an existing target")
    func renameWithoutReplacingReachesTheKernel() throws {
        let directory = try temporaryDirectory()
        try "first".write(toFile: directory + "/a", atomically: false, encoding: .utf8)
        try "second".write(toFile: directory + "/b", atomically: false, encoding: .utf8)
        #expect(renameWithoutReplacing(directory + "/a", directory + "/moved") == 0)
        #expect(try contents(directory + "/moved") == "first")
        #expect(renameWithoutReplacing(directory + "/b", directory + "/moved") == EEXIST)
        #expect(try contents(directory + "/moved") == "first")
        #expect(try contents(directory + "/b") == "second")
    }

    @Test("other link errors are reported as they are")
    func otherLinkErrors() throws {
        let directory = try temporaryDirectory()
        try "x".write(toFile: directory + "/tmp", atomically: false, encoding: .utf8)
        #expect(AtomicFile.publishWithoutReplacing(directory + "/tmp", at: directory + "/out", link: { _, _ in EACCES }) == EACCES)
        #expect(fileType(directory + "/out") == nil)
    }
}

@Suite("Atomic files: hostile input, round 2 (issue 18)")
struct AtomicFileRound2Tests {
    @Test("a file name of 255 bytes (NAME_MAX) can be written: the temporary name is short")
    func longName() throws {
        let directory = try temporaryDirectory()
        for length in [230, 250, 255] {
            let path = directory + "/" + String(repeating: "n", count: length - 3) + ".md"
            try AtomicFile.write("plan \(length)", to: path, overwrite: .refuse)
            #expect(try contents(path) == "plan \(length)")
        }
        #expect(try listing(directory).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    @Test("temporary files a killed write left beside a target go at its next write once a minute old; a fresh one stays")
    func staleTemporaryFiles() throws {
        let directory = try temporaryDirectory()
        let stale = directory + "/.connect-guide-k3x9.tmp"
        let fresh = directory + "/.connect-guide-zz1.tmp"
        let foreign = directory + "/.plan.md.123.tmp"
        for path in [stale, fresh, foreign] { #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8))) }
        var old = [timeval(tv_sec: time(nil) - 120, tv_usec: 0), timeval(tv_sec: time(nil) - 120, tv_usec: 0)]
        #expect(utimes(stale, &old) == 0)
        #expect(utimes(foreign, &old) == 0)
        try AtomicFile.write("plan", to: directory + "/plan.md", overwrite: .refuse)
        #expect(try listing(directory) == [".connect-guide-zz1.tmp", ".plan.md.123.tmp", "plan.md"])
    }

    @Test("an empty name is said without a stray path in front")
    func emptyName() {
        #expect(throws: FileError.self) { try AtomicFile.write("x", to: "", overwrite: .refuse) }
        do {
            try AtomicFile.write("x", to: "", overwrite: .refuse)
        } catch {
            #expect(error.description == "the file name is empty; give a path such as plan.md")
        }
    }

    @Test("a writable file in a directory that cannot be written: the message says a temporary file is needed there")
    func unwritableDirectory() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/plan.md"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(chmod(directory, 0o500) == 0)
        defer { chmod(directory, 0o700) }
        guard access(directory, W_OK) != 0 else { return }  // root may write anywhere
        do {
            try AtomicFile.write("new", to: path, overwrite: .replace)
            Issue.record("written")
        } catch {
            #expect(error.problem.message(UIText.bundled(.en)).contains("cannot create a temporary file in \(directory)"), "\(error)")
        }
        #expect(try contents(path) == "old")
    }
}
