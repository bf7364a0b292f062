import ConnectGuideText
import Foundation
import Testing

@testable import ConnectGuideCore
@testable import ConnectGuideStorage
import ConnectGuideDocuments

/// A store in a fresh directory, holding `content` when given.
private func store(holding content: String? = nil) throws -> SelectionStore {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("connect-guide-start-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let store = SelectionStore(path: directory.path + "/last.url")
    if let content { try Data(content.utf8).write(to: URL(fileURLWithPath: store.path)) }
    return store
}

/// Starts a session with no flags (or with `complete` standing for them) and returns the
/// state, every notice in order, and the store left to save to.
private func begin(
    _ start: SessionStart, store: SelectionStore?,
    complete: (PartialSelection) throws -> Completion = { try guide.complete(PartialSelection(), over: $0).get() }
) throws -> (state: GuideState, notices: [StartNotice], saver: SelectionStore?) {
    var notices: [StartNotice] = []
    var saver = store
    let state = try start.begin(in: guide, store: &saver, completing: complete) { notices.append($0) }
    return (state, notices, saver)
}

private struct Contradictory: Error {}

/// API onboarding with the full Dashboard: every option known, but R1 forbids the pair.
private let outdatedURL = """
    https://docs.stripe.com/connect/design-an-integration?connect-onboarding-surface=api&connect-dashboard-type=full\
    &connect-economic-model=revshare&connect-loss-liability-owner=stripe&connect-charge-type=direct
    """

@Suite("How a session starts: the saved selection, and what the user is told")
struct SessionStartTests {
    let guideDefault = guide.initialState()
    let saved = selection("embedded", "none", "separate", "platform", "platform")

    @Test("nothing saved: a first start without --resume, a note with --resume; both from the defaults")
    func nothingSaved() throws {
        let empty = try store()
        let first = try begin(SessionStart(resumeByDefault: true), store: empty)
        #expect(first.notices == [.firstStart])
        #expect(first.state == guideDefault)
        let resumed = try begin(SessionStart(resume: true), store: empty)
        #expect(resumed.notices == [.nothingSavedToResume(path: empty.path)])
        #expect(!FileManager.default.fileExists(atPath: empty.path), "starting writes nothing")
    }

    @Test("no place to keep a selection: a warning at every start, since nothing will be saved either")
    func noStateLocation() throws {
        #expect(try begin(SessionStart(resume: true), store: nil).notices == [.noStateLocation])
        #expect(try begin(SessionStart(resumeByDefault: true), store: nil).notices == [.noStateLocation])
        #expect(try begin(SessionStart(), store: nil).notices == [.noStateLocation])
    }

    @Test("a usable saved selection: the full-screen guide opens on it and says so; --fresh and plain mode without --resume do not")
    func resuming() throws {
        let kept = try store()
        try kept.save(saved, in: guide)
        let guideStart = try begin(SessionStart(resumeByDefault: true), store: kept)
        #expect(guideStart.state.selection == saved)
        #expect(guideStart.notices == [.resumed(saved)])
        let plainResume = try begin(SessionStart(resume: true), store: kept)
        #expect(plainResume.state.selection == saved)
        #expect(plainResume.notices.isEmpty, "--plain --resume opens on it without a note")
        for start in [SessionStart(fresh: true, resumeByDefault: true), SessionStart()] {
            let fresh = try begin(start, store: kept)
            #expect(fresh.state == guideDefault)
            #expect(fresh.notices.isEmpty)
        }
        #expect(try kept.load(in: guide).get() == saved, "left alone")
    }

    @Test("an unusable saved file is reported as a problem and moved aside, whether or not the session resumes", arguments: [
        (content: "{ not a url", problem: "it is not a saved selection"), (content: outdatedURL, problem: "it breaks rule R1 of this version"),
    ])
    func unusable(content: String, problem: String) throws {
        for start in [SessionStart(resumeByDefault: true), SessionStart()] {
            let broken = try store(holding: content)
            let result = try begin(start, store: broken)
            #expect(result.state == guideDefault)
            guard case .savedSelectionUnusable(let error, let keptAs, let fromDefaults)? = result.notices.first, result.notices.count == 1 else {
                Issue.record("notices: \(result.notices)")
                continue
            }
            #expect(error.path == broken.path)
            #expect(error.problem.message(UIText.bundled(.en)).hasPrefix(problem), "\(error.problem)")
            #expect(keptAs == broken.path + ".corrupt")
            #expect(fromDefaults == start.resuming)
            #expect(result.notices[0].isProblem)
            #expect(try String(contentsOfFile: broken.path + ".corrupt", encoding: .utf8) == content, "kept whole")
            #expect(!FileManager.default.fileExists(atPath: broken.path))
        }
    }

    @Test("a corrupt file is set aside under a name not taken, never over an earlier one; when it cannot be, the session does not save")
    func setAsideUniquely() throws {
        let first = try store(holding: "{ first")
        // An earlier corrupt file, and a directory where the next name would go.
        try Data("earlier".utf8).write(to: URL(fileURLWithPath: first.path + ".corrupt"))
        try FileManager.default.createDirectory(atPath: first.path + ".corrupt.1", withIntermediateDirectories: false)
        let result = try begin(SessionStart(resumeByDefault: true), store: first)
        guard case .savedSelectionUnusable(_, let kept, _)? = result.notices.first else {
            Issue.record("\(result.notices)")
            return
        }
        #expect(kept == first.path + ".corrupt.2")
        #expect(try String(contentsOfFile: first.path + ".corrupt", encoding: .utf8) == "earlier")
        #expect(try String(contentsOfFile: first.path + ".corrupt.2", encoding: .utf8) == "{ first")
        #expect(!FileManager.default.fileExists(atPath: first.path))
        #expect(result.saver == first)

        // Every name it may take is taken: the file stays, the notice says so, and there is
        // no store left to save over it.
        let stuck = try store(holding: "{ stuck")
        for attempt in 0..<100 {
            try FileManager.default.createDirectory(atPath: stuck.path + ".corrupt" + (attempt == 0 ? "" : ".\(attempt)"), withIntermediateDirectories: false)
        }
        let refused = try begin(SessionStart(resumeByDefault: true), store: stuck)
        #expect(refused.saver == nil)
        let message = refused.notices.first?.text(in: guide) ?? ""
        #expect(message.contains("could not be moved aside, so this session saves nothing over it"), "\(message)")
        #expect(try String(contentsOfFile: stuck.path, encoding: .utf8) == "{ stuck")
    }

    @Test("flags that cannot be combined stop the start before anything is moved aside; notices found by then were heard")
    func contradiction() throws {
        let broken = try store(holding: "{ not a url")
        var heard: [StartNotice] = []
        #expect(throws: Contradictory.self) {
            var store: SelectionStore? = broken
            _ = try SessionStart(resumeByDefault: true).begin(in: guide, store: &store, completing: { _ in throw Contradictory() }) {
                heard.append($0)
            }
        }
        #expect(heard.isEmpty)
        #expect(FileManager.default.fileExists(atPath: broken.path), "not moved aside")

        let kept = try store()
        try kept.save(saved, in: guide)
        #expect(throws: Contradictory.self) {
            var store: SelectionStore? = kept
            _ = try SessionStart(resumeByDefault: true).begin(in: guide, store: &store, completing: { _ in throw Contradictory() }) {
                heard.append($0)
            }
        }
        #expect(heard == [.resumed(saved)])
    }

    @Test("what the flags implied comes last, one notice per property moved")
    func implied() throws {
        var flags = PartialSelection()
        flags[.onboarding] = "api"
        let result = try begin(SessionStart(), store: try store()) { try guide.complete(flags, over: $0).get() }
        let moves = result.notices.compactMap { notice -> MovedProperty? in
            if case .implied(let move) = notice { return move }
            return nil
        }
        #expect(result.notices.first == .firstStart)
        #expect(result.notices.count == moves.count + 1)
        #expect(Set(moves.map(\.property)) == [.dashboard, .fees, .liability])
        #expect(result.state.selection[.onboarding] == "api")
    }

    @Test("each notice is worded once, as before: warning: for a problem, note: otherwise")
    func wording() throws {
        #expect(StartNotice.resumed(saved).text(in: guide)
            == "note: opened on your last selection; r resets to the defaults, --fresh starts without it.")
        #expect(StartNotice.nothingSavedToResume(path: "/s/last.url").text(in: guide) == "note: nothing saved yet in /s/last.url; starting from the defaults")
        #expect(StartNotice.firstStart.text(in: guide) == "note: \(guide.prerequisites)")
        let error = SelectionStoreError(path: "/s/last.url", problem: .missingKeys(["connect-onboarding-surface"]))
        #expect(StartNotice.savedSelectionUnusable(error, keptAs: "/s/last.url.corrupt", startingFromDefaults: true).text(in: guide)
            == "warning: the saved selection in /s/last.url cannot be used: it is not a saved selection (no connect-onboarding-surface); it is kept as /s/last.url.corrupt; starting from the defaults instead")
        #expect(StartNotice.savedSelectionUnusable(error, keptAs: nil, startingFromDefaults: false).text(in: guide)
            == "warning: the saved selection in /s/last.url cannot be used: it is not a saved selection (no connect-onboarding-surface); it could not be moved aside, so this session saves nothing over it (move or remove it yourself)")
        #expect(StartNotice.noStateLocation.text(in: guide)
            == "warning: cannot find or save a selection: neither XDG_STATE_HOME nor HOME is set, so choices are not kept for --resume")
        let move = try #require(guide.reduce(guide.initialState(), .choose(.onboarding, "api")).lastChange?.moved.first)
        #expect(StartNotice.implied(move).text(in: guide) == "note: \(guide.describe(move))")
        #expect(StartNotice.ignoredURLParameters(["utm_source"]).text(in: guide) == "warning: ignored the URL parameter \"utm_source\": it is not one of the guide's")
        let many = (1...15_000).map { "k\($0)" }
        #expect(StartNotice.ignoredURLParameters(many).text(in: guide)
            == "warning: ignored 15000 URL parameters, \"k1\", \"k2\", \"k3\", \"k4\", \"k5\" and 14995 more: they are not the guide's")
        let preview = StripeAPIVersion("2026-07-29.preview")!
        #expect(StartNotice.previewVersion(preview, rulesFrom: guide.releaseBefore(preview: preview)).text(in: guide)
            == "note: 2026-07-29.preview is a preview version: Stripe gives previews by invitation and may still change them; the guide applies the rules of 2026-07-29.dahlia, with the changes previews from that date had")
        #expect(StartNotice.ignoredURLParameters(["x"]).isProblem && StartNotice.noStateLocation.isProblem)
        #expect(!StartNotice.firstStart.isProblem && !StartNotice.resumed(saved).isProblem && !StartNotice.implied(move).isProblem)
    }
}
