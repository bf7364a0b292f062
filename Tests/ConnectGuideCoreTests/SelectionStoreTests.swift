import ConnectGuideText
import Foundation
import Testing

@testable import ConnectGuideCore
@testable import ConnectGuideStorage

/// A fresh empty directory for one test.
private func temporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("connect-guide-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

@Suite("Saved selection and atomic files")
struct SelectionStoreTests {
    @Test("the path follows XDG_STATE_HOME, else HOME/.local/state; relative XDG paths are ignored")
    func paths() {
        #expect(SelectionStore.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/connect-guide/last.url")
        #expect(SelectionStore.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/connect-guide/last.url")
        #expect(SelectionStore.defaultPath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h/"]) == "/h/.local/state/connect-guide/last.url")
        #expect(SelectionStore(environment: [:]) == nil)
    }

    @Test("the state directory and its missing parents are created 0700 (XDG)")
    func privateDirectory() throws {
        let base = try temporaryDirectory()
        let store = SelectionStore(path: base + "/state/deeper/connect-guide/last.url")
        let mask = umask(0o022)
        defer { umask(mask) }
        try store.save(Selection(properties: guide.propertyIDs) { guide.property($0).options[0].id }, in: guide)
        for directory in ["/state", "/state/deeper", "/state/deeper/connect-guide"] {
            var status = stat()
            #expect(stat(base + directory, &status) == 0)
            #expect(status.st_mode & 0o777 == 0o700, "\(directory): \(String(status.st_mode & 0o777, radix: 8))")
        }
    }

    @Test("a read-only saved selection is kept as it is, and the save says it is read-only")
    func readOnlySavedFile() throws {
        let directory = try temporaryDirectory()
        let store = SelectionStore(path: directory + "/last.url")
        let first = Selection(properties: guide.propertyIDs) { guide.property($0).options[0].id }
        try store.save(first, in: guide)
        #expect(chmod(store.path, 0o444) == 0)
        let before = try String(contentsOfFile: store.path, encoding: .utf8)
        let other = Selection(properties: guide.propertyIDs) { guide.property($0).options[1].id }
        #expect(throws: FileError.self) { try store.save(other, in: guide) }
        if case .failed(let failure) = store.outcome(ofSaving: other, in: guide) {
            #expect(failure.error.problem.message(UIText.bundled(.en)).contains("is read-only"), "\(failure)")
        }
        #expect(try String(contentsOfFile: store.path, encoding: .utf8) == before)
    }

    @Test("a missing file loads as nothing saved")
    func missing() throws {
        let store = SelectionStore(environment: ["XDG_STATE_HOME": try temporaryDirectory()])!
        #expect(try store.load(in: guide).get() == nil)
    }

    @Test("save creates the directory and load reads the selection back")
    func roundTrip() throws {
        let store = SelectionStore(environment: ["XDG_STATE_HOME": try temporaryDirectory() + "/deeper/state"])!
        let saved = selection("embedded", "none", "separate", "platform", "platform")
        try store.save(saved, in: guide)
        #expect(try store.load(in: guide).get() == saved)
        let replacement = selection("api", "none", "direct", "platform", "platform")
        try store.save(replacement, in: guide)
        #expect(try store.load(in: guide).get() == replacement)
    }

    @Test("save leaves no temporary files behind", arguments: [1, 5])
    func noLeftovers(saves: Int) throws {
        let directory = try temporaryDirectory()
        let store = SelectionStore(path: directory + "/last.url")
        for _ in 0..<saves { try store.save(guide.defaults, in: guide) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["last.url"])
    }

    @Test("a corrupt file is an error value naming the path, and is left untouched", arguments: [
        "{ not a url", "", "https://example.com/connect/design-an-integration?connect-onboarding-surface=api",
        "?connect-onboarding-surface=api",
        "?connect-onboarding-surface=carrier-pigeon&connect-dashboard-type=none&connect-economic-model=buy-rate&connect-loss-liability-owner=platform&connect-charge-type=direct",
    ])
    func corrupt(content: String) throws {
        let path = try temporaryDirectory() + "/last.url"
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        let result = SelectionStore(path: path).load(in: guide)
        guard case .failure(let error) = result else {
            Issue.record("loaded \(result) from \(content)")
            return
        }
        #expect(error.description.contains(path))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
    }

    @Test("an unreadable path (a directory) is an error value, not a crash")
    func unreadable() throws {
        let path = try temporaryDirectory()
        guard case .failure(let error) = SelectionStore(path: path).load(in: guide) else {
            Issue.record("a directory loaded")
            return
        }
        #expect(error.description.contains(path))
    }

    @Test("a saved selection that breaks a rule loads, and the machine moves it to a valid one")
    func invalidCombination() throws {
        let path = try temporaryDirectory() + "/last.url"
        let broken = selection("api", "full", "direct", "connectedAccounts", "stripe")
        try SelectionStore(path: path).save(broken, in: guide)
        let loaded = try #require(try SelectionStore(path: path).load(in: guide).get())
        #expect(loaded == broken)
        #expect(guide.isValid(guide.initialState(loaded).selection))
    }

    @Test("refusing to overwrite keeps the existing file; replacing swaps it whole")
    func overwrite() throws {
        let path = try temporaryDirectory() + "/out.txt"
        try AtomicFile.write("first", to: path, overwrite: .refuse)
        #expect(throws: FileError.self) { try AtomicFile.write("second", to: path, overwrite: .refuse) }
        do {
            try AtomicFile.write("second", to: path, overwrite: .refuse)
        } catch {
            #expect(error.kind == .exists)
            #expect(error.description.contains("--force"))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
        try AtomicFile.write("second", to: path, overwrite: .replace)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["out.txt"])
    }

    @Test("unwritable destinations are reported with what to do")
    func unwritable() throws {
        let directory = try temporaryDirectory()
        let cases: [(String, FileError.Kind)] = [
            (directory + "/missing/out.txt", .missingDirectory),
            (directory, .isDirectory),
            ("", .other),
        ]
        for (path, kind) in cases {
            do {
                try AtomicFile.write("x", to: path, overwrite: .replace)
                Issue.record("wrote \(path)")
            } catch {
                #expect(error.kind == kind, "\(path)")
            }
        }
        try AtomicFile.write("x", to: directory + "/file", overwrite: .refuse)
        #expect(throws: FileError.self) { try AtomicFile.write("x", to: directory + "/file/below", overwrite: .replace) }
    }

    @Test("a saved selection that is a FIFO, a link to /dev/zero or larger than 64 KiB is an error value, found at once")
    func notASmallRegularFile() throws {
        let directory = try temporaryDirectory()
        let cases: [(String, (String) -> Void)] = [
            ("is not a regular file", { #expect(mkfifo($0, 0o600) == 0) }),
            ("is not a regular file", { #expect(symlink("/dev/zero", $0) == 0) }),
            ("larger than 65536 bytes", { try? String(repeating: " ", count: 65_537).write(toFile: $0, atomically: false, encoding: .utf8) }),
        ]
        for (index, (problem, make)) in cases.enumerated() {
            let path = directory + "/\(index).json"
            make(path)
            guard case .failure(let error) = SelectionStore(path: path).load(in: guide) else {
                Issue.record("case \(index) loaded")
                continue
            }
            #expect(error.problem.message(UIText.bundled(.en)).contains(problem), "\(error)")
        }
    }

    @Test("temporary files that killed saves left beside the saved selection go at start once older than a minute; newer ones stay")
    func staleTemporaryFiles() throws {
        let directory = try temporaryDirectory()
        let store = SelectionStore(path: directory + "/last.url")
        let names = [".last.url.123.tmp", ".last.url.456.tmp", ".other.json.789.tmp", "last.url.1.tmp", ".last.url.x.tmp"]
        for name in names { #expect(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data())) }
        // All but the second are two minutes old.
        var old = [timeval(tv_sec: time(nil) - 120, tv_usec: 0), timeval(tv_sec: time(nil) - 120, tv_usec: 0)]
        for name in names where name != ".last.url.456.tmp" { #expect(utimes(directory + "/" + name, &old) == 0) }
        _ = store.load(in: guide)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(left == [".last.url.456.tmp", ".last.url.x.tmp", ".other.json.789.tmp", "last.url.1.tmp"])
    }

    @Test("untrusted text in a message: control characters escaped, cut at 200 characters")
    func untrustedText() {
        #expect(UntrustedText.quoted("a\u{1B}]0;title\u{07}b\n") == #""a\u{1B}]0;title\u{7}b\n""#)
        #expect(UntrustedText.escaped("\u{9B}31m\u{7F}") == #"\u{9B}31m\u{7F}"#)
        let long = UntrustedText.escaped(String(repeating: "x", count: 100_000))
        #expect(long == String(repeating: "x", count: 200) + "… (99800 more characters)")
        #expect(UntrustedText.escapingControls(inMessage: "one\ntwo\u{1B}[2J") == #"one"# + "\n" + #"two\u{1B}[2J"#)
    }

    @Test("the saved file is the docs page URL of the selection, one line, that --from-url reads")
    func savedAsURL() throws {
        let store = SelectionStore(path: try temporaryDirectory() + "/last.url")
        let saved = selection("embedded", "none", "separate", "platform", "platform")
        try store.save(saved, in: guide)
        let text = try String(contentsOfFile: store.path, encoding: .utf8)
        #expect(text == guide.url(for: saved) + "\n")
        let read = try guide.selection(fromURL: text).selection
        #expect(guide.propertyIDs.allSatisfy { read[$0] == saved[$0] })
    }
}
