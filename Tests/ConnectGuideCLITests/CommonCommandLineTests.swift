import ArgumentParser
import FuzzSupport
import Testing

@testable import connect_guide

/// The common command lines are read without the argument parser (CommonCommandLine);
/// whatever that reader takes, the parser must take too, to exactly the same request.
@Suite("Common command lines, read without the argument parser")
struct CommonCommandLineTests {
    /// What the argument parser makes of a command line, as the same plain value; nil when
    /// it refuses it or it names another command.
    func parsed(_ arguments: [String]) -> CommonCommandLine? {
        switch try? ConnectGuide.parseAsRoot(arguments) {
        case let root as ConnectGuide: .guide(root.start.flags(printing: root.interactive.printFormat))
        case let plan as PlanCommand: .plan(PlanFlags(selection: plan.selection.flags, format: plan.format, output: plan.output.flags))
        default: nil
        }
    }

    @Test("the lines most runs have are read directly, as the parser reads them")
    func common() {
        let lines: [[String]] = [
            [], ["--fresh"], ["--plain"], ["--print", "json"], ["--onboarding", "api", "--resume"], ["--print=markdown", "--fresh"],
            ["plan"], ["plan", "--format", "json"], ["plan", "--onboarding=api", "--format=json", "-o", "plan.json", "--force"],
            ["plan", "--from-url", "https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=api"],
            ["plan", "--stripe-version", "2026-10-28", "--dashboard", "express", "--liability", "stripe"],
        ]
        for line in lines {
            let direct = CommonCommandLine(line)
            #expect(direct != nil, "\(line) should not need the parser")
            #expect(direct == parsed(line), "\(line)")
        }
        #expect(CommonCommandLine([]) == .guide(SessionFlags()))
    }

    @Test("help, completion, other commands, repeats and mistakes are left to the parser")
    func leftToTheParser() {
        let lines: [[String]] = [
            ["--help"], ["-h"], ["--version"], ["help"], ["plan", "--help"], ["url"], ["config", "--api", "v2"], ["options"],
            ["diff", "--", "--onboarding", "api"], ["--generate-completion-script", "bash"], ["--fresh", "--fresh"],
            ["--onboarding"], ["--onboarding", "--fresh"], ["--print", "yaml"], ["plan", "--format", "xml"], ["plan", "--fresh"],
            ["--format", "json"], ["--force"], ["-o", "x"], ["plan", "-o", "-"], ["plan", "extra"], ["--fresh=yes"], ["--"],
            ["--onboarding", ""], ["plan", "--output", "a", "-o", "b"], ["--bogus"], ["---completion"],
        ]
        for line in lines {
            #expect(CommonCommandLine(line) == nil, "\(line)")
        }
    }

    @Test("random command lines: whatever is read directly, the parser reads the same way")
    func randomLines() {
        var random = SeededGenerator(seed: fuzzSeed(0xC0DE))
        let names = [
            "--stripe-version", "--onboarding", "--dashboard", "--charge-type", "--fees", "--liability", "--preset", "--from-url",
            "--resume", "--fresh", "--plain", "--print", "--format", "--output", "-o", "--force", "--help", "--bogus", "-x", "--",
        ]
        let values = [
            "api", "hosted", "none", "express", "json", "text", "markdown", "prompt", "yaml", "", "-", "-x", "x.json", "2026-11-18",
            "saas-dashboard", "https://docs.stripe.com/connect/design-an-integration?connect-charge-type=destination", "plan", "a=b",
        ]
        var direct = 0
        for _ in 0..<fuzzIterations(200) {
            var line: [String] = []
            switch Int.random(in: 0..<4, using: &random) {
            case 0: line.append("plan")
            case 1: line.append(["url", "options", "help"].randomElement(using: &random)!)
            default: break
            }
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                let name = names.randomElement(using: &random)!
                switch Int.random(in: 0..<4, using: &random) {
                case 0: line.append(name)
                case 1: line.append(name + "=" + values.randomElement(using: &random)!)
                default: line += [name, values.randomElement(using: &random)!]
                }
            }
            guard let read = CommonCommandLine(line) else { continue }
            direct += 1
            #expect(read == parsed(line), "\(line)")
        }
        // The generator must reach the direct reader often enough to test it.
        #expect(direct > fuzzIterations(200) / 20)
    }
}
