import Foundation
import Testing

import Glibc

@Suite("--output to links and devices, and stdout errors")
struct OutputSafetyTests {
    @Test("--output through a symlink writes the target and keeps the link")
    func symlink() throws {
        let directory = try temporaryDirectory()
        let target = directory.appendingPathComponent("real.md")
        let link = directory.appendingPathComponent("link.md")
        try "old".write(to: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.md")
        let result = try run(["plan", "--format", "markdown", "-o", link.path, "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.md")
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("# "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["link.md", "real.md"])
    }

    @Test("--output /dev/null --force writes into the device and leaves it a device")
    func devNull() throws {
        let result = try run(["plan", "-o", "/dev/null", "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        var status = stat()
        #expect(stat("/dev/null", &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test("a stdout that cannot be written exits 1 and says so", arguments: [
        ["plan"], ["plan", "--format", "json"], ["url"], ["config"], ["options"], ["diff", "--", "--onboarding", "api"],
        ["--plain"], ["--plain", "--print", "json"], ["plan", "-o", "-"],
        ["--help"], ["--version"], ["plan", "--help"], ["help", "plan"],
    ])
    func fullStdout(arguments: [String]) throws {
        let state = try temporaryDirectory().path
        let result = try run(arguments, stdin: "", environment: ["XDG_STATE_HOME": state], stdoutPath: "/dev/full")
        #expect(result.status == 1)
        #expect(result.stderr.contains("connect-guide: cannot write standard output: no space left on device"), "\(result.stderr)")
    }

    @Test("--plain honours --print FORMAT for the final plan")
    func plainPrint() throws {
        let state = ["XDG_STATE_HOME": try temporaryDirectory().path]
        let result = try run(["--plain", "--print", "json", "--onboarding", "api"], stdin: "", environment: state)
        #expect(result.status == 0, "\(result.stderr)")
        let selection = try parseJSON(result.stdout)["selection"] as? [String: String]
        #expect(selection?["onboarding"] == "api")
        let markdown = try run(["--plain", "--print", "markdown"], stdin: "", environment: state)
        #expect(markdown.stdout.hasPrefix("# "))
        let text = try run(["--plain"], stdin: "", environment: state)
        #expect(!text.stdout.hasPrefix("# ") && !text.stdout.hasPrefix("{"))
    }

    @Test("completion scripts offer each selection flag's values and aliases")
    func completionValues() throws {
        let fish = try run(["--generate-completion-script", "fish"]).stdout
        #expect(fish.contains("hosted embedded api stripe-hosted"))
        #expect(fish.contains("full express none"))
        #expect(fish.contains("direct destination separate"))
        #expect(fish.contains("connected-accounts platform"))
        #expect(fish.contains("stripe platform"))
        let bash = try run(["--generate-completion-script", "bash"]).stdout
        #expect(bash.contains(#"'hosted'$'\n''embedded'$'\n''api'"#))
        #expect(bash.contains("'sct'"))
        let zsh = try run(["--generate-completion-script", "zsh"]).stdout
        #expect(zsh.contains("('hosted' 'embedded' 'api'"))
    }

    @Test("diff -- --help shows diff's help and exits 0", arguments: ["--help", "-h"])
    func diffHelpAfterTerminator(flag: String) throws {
        let result = try run(["diff", "--", flag])
        #expect(result.status == 0)
        #expect(result.stdout == (try run(["diff", "--help"])).stdout)
        #expect(result.stdout.contains("USAGE: connect-guide diff"))
        #expect(!result.stdout.contains("diff_selection_b"))
        #expect(result.stderr.isEmpty)
    }

    @Test("a child writing far more than a pipe holds to stderr does not block the test helper")
    func largeStderr() throws {
        // Far more than a pipe's 64 KiB (the binary caps its own warnings now, so a shell writes it).
        let result = try run(["-c", "head -c 200000 /dev/zero | tr '\\0' x >&2; echo end >&2"], executable: "/bin/sh")
        #expect(result.status == 0)
        #expect(result.stderr.utf8.count > 100_000)
        #expect(result.stderr.hasSuffix("xend\n"))
    }

    @Test("--help and --version with stdout closed exit 1", arguments: ["--help", "--version", "plan --help"])
    func closedStdout(arguments: String) throws {
        let result = try run(["-c", "exec \"$0\" \(arguments) >&-", binaryURL.path], executable: "/bin/sh")
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write standard output"), "\(result.stderr)")
    }

    @Test("help for a command that does not exist exits 2 and lists the commands")
    func helpUnknown() throws {
        let result = try run(["help", "nosuch"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no command \"nosuch\"") && result.stderr.contains("plan, url, config, code, options, diff"), "\(result.stderr)")
        #expect(try run(["help", "plan"]).status == 0)
    }

    @Test("--output /dev/null and a FIFO are written into without --force, never told they already exist")
    func devicesNeedNoForce() throws {
        let devNull = try run(["plan", "-o", "/dev/null"])
        #expect(devNull.status == 0, "\(devNull.stderr)")
        let fifo = try temporaryDirectory().appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        let result = try run(["url", "-o", fifo])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("already exists"))
        var buffer = [UInt8](repeating: 0, count: 4_096)
        let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress!, $0.count) }
        #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).hasPrefix("https://docs.stripe.com/"))
    }

    @Test("--output onto a read-only file says so and asks for --force; --force replaces it, hard links are refused with the reason")
    func readOnlyAndLinks() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("plan.txt").path
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(chmod(path, 0o444) == 0)
        let refused = try run(["plan", "-o", path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("read-only; pass --force"), "\(refused.stderr)")
        #expect(try run(["plan", "-o", path, "--force"]).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("Connect integration guide"))
        let other = directory.appendingPathComponent("other.txt").path
        #expect(link(path, other) == 0)
        let linked = try run(["plan", "-o", path, "--force", "--format", "json"])
        #expect(linked.status == 2)
        #expect(linked.stderr.contains("2 hard links"), "\(linked.stderr)")
        #expect(try String(contentsOfFile: other, encoding: .utf8).hasPrefix("Connect integration guide"))
    }

    @Test("escape sequences in a value are shown escaped, and a huge value is cut at 200 characters", arguments: [
        ["plan", "--onboarding"], ["url", "--from-url"], ["plan", "--from-url"],
    ])
    func untrustedEcho(command: [String]) throws {
        let crafted = "?connect-onboarding-surface=x\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m"
        let result = try run(command + [crafted])
        #expect(result.status == 2)
        #expect(!result.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }, "\(result.stderr.debugDescription)")
        #expect(result.stderr.contains("\\u{1B}"), "\(result.stderr)")
        let huge = try run(command + ["?connect-onboarding-surface=" + String(repeating: "x", count: 100_000)])
        #expect(huge.status == 2)
        #expect(huge.stderr.utf8.count < 1_000, "\(huge.stderr.utf8.count) bytes")
        #expect(huge.stderr.contains("more characters"))
    }

    // MARK: Hostile input, round 2 (issue 18)

    /// Runs `script` in sh with `$BIN` naming the binary, in `directory`.
    private func shell(_ script: String, in directory: URL) throws -> RunResult {
        try run(["-c", script], environment: ["BIN": binaryURL.path], directory: directory, executable: "/bin/sh")
    }

    @Test("-o /dev/stdout, /dev/fd/N and /proc/self/fd/N write through the open descriptor: >> appends, nothing is cut short", arguments: [
        "url -o /dev/stdout >> log.txt", "url -o /dev/fd/1 >> log.txt", "url -o /proc/self/fd/1 >> log.txt",
        "url -o /dev/fd/5 5>> log.txt", "url -o /dev/stderr 2>> log.txt",
    ])
    func openDescriptorAppends(command: String) throws {
        let directory = try temporaryDirectory()
        let result = try shell("echo earlier > log.txt; \"$BIN\" \(command)", in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let log = try String(contentsOf: directory.appendingPathComponent("log.txt"), encoding: .utf8)
        #expect(log.hasPrefix("earlier\nhttps://docs.stripe.com/"), "\(log)")
    }

    @Test("-o /proc/self/fd/0 or /dev/stdin with a file as input: refused, the input file untouched", arguments: [
        "/proc/self/fd/0", "/dev/stdin", "/dev/fd/0",
    ])
    func inputDescriptorRefused(path: String) throws {
        let directory = try temporaryDirectory()
        let result = try shell("echo keep > in.txt; \"$BIN\" url -o \(path) --force < in.txt", in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("which is open only for reading"), "\(result.stderr)")
        #expect(try String(contentsOf: directory.appendingPathComponent("in.txt"), encoding: .utf8) == "keep\n")
    }

    @Test("a closed stdout or /dev/fd/5: 'not open', not 'already exists'", arguments: [
        "-o /dev/stdout >&-", "-o /dev/fd/5", "-o /proc/self/fd/7",
    ])
    func closedDescriptor(command: String) throws {
        let result = try shell("\"$BIN\" url \(command)", in: try temporaryDirectory())
        #expect(result.status == 2)
        #expect(result.stderr.contains("which is not open here"), "\(result.stderr)")
        #expect(!result.stderr.contains("already exists"))
    }

    @Test("a dangling symlink: refused naming its target, not as 'already exists'; with --force the note says where the document went")
    func danglingSymlink() throws {
        let directory = try temporaryDirectory()
        let link = directory.appendingPathComponent("plan.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "elsewhere.md")
        let refused = try run(["plan", "-o", link])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is a symbolic link to \(directory.path)/elsewhere.md, which does not exist"), "\(refused.stderr)")
        let forced = try run(["plan", "-o", link, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr.contains("is a symbolic link; the document went to \(directory.path)/elsewhere.md"), "\(forced.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("elsewhere.md").path))
    }

    @Test("--output with an empty name: no stray space before the colon")
    func emptyOutputName() throws {
        let result = try run(["url", "--output", ""])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--output: the file name is empty"), "\(result.stderr)")
    }

    @Test(
        "a replaced 0600 file's temporary file is created 0600, never readable by others for a moment",
        .enabled(if: straceWorks, "needs strace (ptrace)"))
    func temporaryCreatedWithFinalMode() throws {
        let directory = try temporaryDirectory()
        let target = directory.appendingPathComponent("secret.md")
        try "old".write(to: target, atomically: false, encoding: .utf8)
        #expect(chmod(target.path, 0o600) == 0)
        let result = try run(
            ["-f", "-o", directory.appendingPathComponent("trace").path, "-e", "trace=openat", binaryURL.path, "plan", "-o", target.path, "--force"],
            executable: straceBinary)
        #expect(result.status == 0, "\(result.stderr)")
        let trace = try String(contentsOf: directory.appendingPathComponent("trace"), encoding: .utf8)
        let creation = trace.split(separator: "\n").filter { $0.contains("O_CREAT") && $0.contains(".tmp") }
        #expect(creation.count == 1, "\(trace)")
        #expect(creation.allSatisfy { $0.contains(", 0600)") }, "\(creation)")
        var status = stat()
        #expect(stat(target.path, &status) == 0 && status.st_mode & 0o777 == 0o600)
    }
}

/// strace, where it is installed.
let straceBinary = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/strace"

/// Whether strace is here and may trace (a container may forbid ptrace).
let straceWorks: Bool = (try? run(["-o", "/dev/null", "true"], executable: straceBinary))?.status == 0
