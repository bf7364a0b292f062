import ConnectGuideCore
import ConnectGuideStorage

/// The saves `update` asks for, held until the frame is on screen so the disk (an fsync)
/// never delays a key, then written as one: only the last selection asked for matters.
struct SaveQueue {
    /// The selection to write at the next `perform`, if any.
    private(set) var pending: Selection?
    /// What the file holds as far as this session knows: the starting selection until the
    /// first write (a --fresh start leaves the file alone until a change), then the last
    /// selection written. Asking for it again writes nothing.
    private(set) var written: Selection

    init(startingFrom selection: Selection) {
        written = selection
    }

    mutating func ask(_ selection: Selection) {
        pending = selection
    }

    /// Writes the pending selection, unless the file holds it already or there is nowhere
    /// to save (`saver` nil: neither XDG_STATE_HOME nor HOME is set). The outcome of a
    /// write, to feed back to the model; nil when nothing was written.
    mutating func perform(with saver: (any SelectionSaver)?, in guide: Guide) -> SaveOutcome? {
        guard let selection = pending else { return nil }
        pending = nil
        guard let saver, selection != written else { return nil }
        let outcome = saver.outcome(ofSaving: selection, in: guide)
        if case .saved = outcome { written = selection }
        return outcome
    }
}
