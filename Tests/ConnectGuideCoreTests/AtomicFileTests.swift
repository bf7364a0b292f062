import Foundation
import Testing

@testable import ConnectGuideCore

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

    @Test("a character device is written into, never replaced: /dev/null stays a device")
    func device() throws {
        try AtomicFile.write("discarded", to: "/dev/null", overwrite: .replace)
        #expect(fileType("/dev/null") == S_IFCHR)
        #expect(throws: FileError.self) { try AtomicFile.write("x", to: "/dev/null", overwrite: .refuse) }
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
        // With renameat2's RENAME_NOREPLACE (where the C library has it), then with the check-and-rename fallback.
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
        #expect(AtomicFile.systemRenameNoReplace != nil, "glibc 2.28 and later have renameat2")
    }

    @Test("other link errors are reported as they are")
    func otherLinkErrors() throws {
        let directory = try temporaryDirectory()
        try "x".write(toFile: directory + "/tmp", atomically: false, encoding: .utf8)
        #expect(AtomicFile.publishWithoutReplacing(directory + "/tmp", at: directory + "/out", link: { _, _ in EACCES }) == EACCES)
        #expect(fileType(directory + "/out") == nil)
    }
}
