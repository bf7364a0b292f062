import ConnectGuideCore
import ConnectGuideStorage
import FuzzSupport
import Testing

@testable import ConnectGuideTUI

/// A saver that keeps what it was asked to save, and fails with `failure` when set.
private final class RecordingSaver: SelectionSaver {
    var saved: [Selection] = []
    var failure: FileError?

    func save(_ selection: Selection, in guide: Guide) throws(FileError) {
        if let failure { throw failure }
        saved.append(selection)
    }
}

private let diskFull = FileError(path: "/state/connect-guide/last.url", kind: .other, problem: .system("no space left on device"))

/// The saves among an update's effects.
private func saves(_ effects: [Effect]) -> [Selection] {
    effects.compactMap { effect in
        if case .save(let selection) = effect { return selection }
        return nil
    }
}

@Suite("Saving the selection: update asks, the runtime saves and answers")
struct SavingTests {
    @Test("each kind of change of selection asks for one save of the new selection, first among the effects", arguments: [
        ("a choice", keys(.down, .down), UIEvent.key(.enter)),
        ("a click on an option", [], .click(.option(.chargeType, "separate"))),
        ("a preset", typed("p"), .key(.character("3"))),
        ("a reset", keys(.down, .enter), .key(.character("r"))),
        ("an undo", keys(.down, .enter), .key(.character("u"))),
        ("a redo", keys(.down, .enter) + typed("u"), .key(.control("r"))),
    ])
    func changeAsksToSave(what: String, before: [UIEvent], change: UIEvent) {
        let start = model(140, 40, after: before)
        let (next, effects) = start.update(change)
        #expect(next.state.selection != start.state.selection, "\(what) changes the selection")
        #expect(effects == [.save(next.state.selection)], "\(what)")
    }

    @Test("events that leave the selection as it is ask for no save", arguments: [
        ("moving the highlight", [], UIEvent.key(.down)),
        ("another property", [], .key(.tab)),
        ("choosing the current option", [], .key(.enter)),
        ("a click on a property", [], .click(.property(.fees))),
        ("help", [], .key(.character("?"))),
        ("the preset that is already the selection", typed("p3p"), .key(.enter)),
        ("nothing to undo", [], .key(.character("u"))),
        ("a resize", [], .resize(TerminalSize(columns: 80, rows: 24))),
        ("quitting", [], .key(.character("q"))),
    ])
    func noChangeNoSave(what: String, before: [UIEvent], event: UIEvent) {
        let start = model(140, 40, after: before)
        let (next, effects) = start.update(event)
        #expect(next.state.selection == start.state.selection, "\(what)")
        #expect(saves(effects).isEmpty, "\(what): \(effects)")
    }

    @Test("random keys and clicks: a save is asked for exactly when the selection changed, and it is the new selection")
    func saveExactlyOnChange() {
        var random = SeededGenerator(seed: fuzzSeed(31))
        var current = model(120, 40)
        var changes = 0
        let options = guide.properties.flatMap { property in property.options.map { HitTarget.option(property.id, $0.id) } }
        let keyChoices: [Key] = [.up, .down, .left, .right, .enter, .tab, .character("u"), .control("r"), .character("r"), .character("p"), .escape, .home, .end]
        for step in 0..<fuzzIterations(2_000) {
            let event: UIEvent = Int.random(in: 0..<4, using: &random) == 0
                ? .click(options.randomElement(using: &random)!) : .key(keyChoices.randomElement(using: &random)!)
            let (next, effects) = current.update(event)
            let changed = next.state.selection != current.state.selection
            if changed { changes += 1 }
            #expect(saves(effects) == (changed ? [next.state.selection] : []), "step \(step): \(event)")
            current = next
        }
        #expect(changes > 50, "the walk changed the selection often enough to mean something")
    }

    @Test("a failed save is one error notice, and no save is asked for again in the session")
    func failureStopsSaving() throws {
        let chosen = model(140, 40, after: keys(.down, .enter))
        let failed = chosen.update(.saved(.failed(SaveFailure(diskFull)))).model
        #expect(failed.notice == Notice(
            kind: .error, text: "Cannot save the selection for --resume: /state/connect-guide/last.url: no space left on device"))
        #expect(failed.savingStopped)
        // Changes go on, unsaved and unannounced.
        let (next, effects) = failed.update(.key(.down))
        let (again, moreEffects) = next.update(.key(.enter))
        #expect(again.state.selection != failed.state.selection)
        #expect(saves(effects + moreEffects).isEmpty)
        #expect(again.notice?.kind != .error)
        // Told once: another failure reported late does not bring the notice back.
        #expect(again.update(.saved(.failed(SaveFailure(diskFull)))).model.notice == again.notice)
    }

    @Test("a save that worked changes nothing on screen")
    func successIsQuiet() {
        let chosen = model(140, 40, after: keys(.down, .enter))
        let saved = chosen.update(.saved(.saved(chosen.state.selection)))
        #expect(saved.effects.isEmpty)
        #expect(saved.model.notice == chosen.notice)
        #expect(!saved.model.savingStopped)
    }

    @Test("the runtime's queue writes only the last of several saves, once, and none the file already holds")
    func queueCoalesces() {
        let saver = RecordingSaver()
        let embedded = model(140, 40, after: keys(.down, .enter)).state.selection
        let api = model(140, 40, after: keys(.down, .down, .enter)).state.selection
        var queue = SaveQueue(startingFrom: guide.defaults)
        #expect(queue.perform(with: saver, in: guide) == nil, "nothing asked")
        queue.ask(embedded)
        queue.ask(api)
        #expect(queue.perform(with: saver, in: guide) == .saved(api))
        #expect(saver.saved == [api])
        #expect(queue.perform(with: saver, in: guide) == nil, "written once")
        // Back and forth within one read: the file already holds the last one.
        queue.ask(embedded)
        queue.ask(api)
        #expect(queue.perform(with: saver, in: guide) == nil)
        #expect(saver.saved == [api])
        // Back to the start selection: it is written (the file holds api now).
        queue.ask(guide.defaults)
        #expect(queue.perform(with: saver, in: guide) == .saved(guide.defaults))
        #expect(saver.saved == [api, guide.defaults])
    }

    @Test("the queue: a --fresh start's selection is not written until it changes; nowhere to save writes nothing; a failure is a typed value")
    func queueEdges() {
        let saver = RecordingSaver()
        var queue = SaveQueue(startingFrom: guide.defaults)
        queue.ask(guide.defaults)
        #expect(queue.perform(with: saver, in: guide) == nil)
        #expect(saver.saved.isEmpty)

        let embedded = model(140, 40, after: keys(.down, .enter)).state.selection
        var nowhere = SaveQueue(startingFrom: guide.defaults)
        nowhere.ask(embedded)
        #expect(nowhere.perform(with: nil, in: guide) == nil)
        #expect(nowhere.pending == nil)

        saver.failure = diskFull
        var failing = SaveQueue(startingFrom: guide.defaults)
        failing.ask(embedded)
        #expect(failing.perform(with: saver, in: guide) == .failed(SaveFailure(diskFull)))
        #expect(failing.written == guide.defaults, "what the file holds is unchanged")
    }
}
