import ConnectGuideCore
import ConnectGuideStorage

/// The saves `update` asks for, held until the frame is on screen and then written as one
/// (only the last selection asked for matters), off the loop, one at a time.
struct SaveQueue {
    /// The selection to write next, if any.
    private(set) var pending: Selection?
    /// What the file holds as far as this session knows: the starting selection until the
    /// first write (a --fresh start leaves the file alone until a change), then the last
    /// selection written. Asking for it again writes nothing.
    private(set) var written: Selection
    /// A save handed to the effect runner whose outcome has not come back.
    private(set) var saving = false

    init(startingFrom selection: Selection) {
        written = selection
    }

    mutating func ask(_ selection: Selection) {
        pending = selection
    }

    /// The selection to write now, taken from the queue: nil when nothing is pending, the
    /// file holds it already, a save is still under way (it is written after that one), or
    /// there is nowhere to save (`canSave` false: neither XDG_STATE_HOME nor HOME is set).
    mutating func take(canSave: Bool) -> Selection? {
        guard !saving, let selection = pending else { return nil }
        pending = nil
        guard canSave, selection != written else { return nil }
        saving = true
        return selection
    }

    /// The outcome of the save `take` handed out.
    mutating func finished(_ outcome: SaveOutcome) {
        saving = false
        if case .saved(let selection) = outcome { written = selection }
    }

    /// Takes and writes the pending selection here and now (at the end of a session, and
    /// in tests); the outcome of a write, nil when nothing was written.
    mutating func perform(with saver: (any SelectionSaver)?, in guide: Guide) -> SaveOutcome? {
        guard let selection = take(canSave: saver != nil), let saver else { return nil }
        let outcome = saver.outcome(ofSaving: selection, in: guide)
        finished(outcome)
        return outcome
    }
}
