import ConnectGuideCore

extension AppModel {
    /// The app's state machine: a pure function from a model and an event to the next
    /// model and what the runtime should do. Selection events go through `Guide.reduce`.
    public func update(_ event: UIEvent) -> (model: AppModel, effect: Effect) {
        var next = self
        let effect: Effect
        switch event {
        case .resize(let size):
            // Scroll offsets are kept as they are; rendering clamps them to the new size,
            // so growing the terminal back restores the same view.
            next.size = size
            effect = .none
        case .scroll(let area, let lines):
            next.scroll(area, by: lines)
            effect = .none
        case .click(let target):
            effect = next.click(target)
        case .exported(let outcome):
            next.finishExport(outcome)
            effect = .none
        case .paste(let text):
            // Only the export dialog's path takes text; anywhere else a paste does nothing.
            if case .export(var dialog) = next.overlay, !dialog.confirmingOverwrite {
                dialog.insert(text)
                next.overlay = .export(dialog)
            }
            effect = .none
        case .key(let key):
            switch overlay {
            case nil: effect = next.pressInPanes(key)
            case .help: effect = next.pressInHelp(key)
            case .url: effect = next.pressInURLView(key)
            case .export(let dialog): effect = next.pressInExportDialog(key, dialog: dialog)
            }
        }
        return (next, effect)
    }

    var layout: ScreenLayout { ScreenLayout(self) }

    /// Shows a problem found outside the model (saving the selection failed, say).
    public mutating func showProblem(_ message: String) {
        notice = Notice(kind: .error, text: message)
    }

    /// Shows the messages from before the session started (problems with the saved
    /// selection, --resume notes) as the first notice, ahead of any notice of what the
    /// starting selection moved.
    public mutating func showStartNotices(_ messages: [String]) {
        let texts = messages.filter { !$0.allSatisfy(\.isWhitespace) }
        guard !texts.isEmpty else { return }
        // Notes (nothing saved yet, what the flags implied) are information; anything else
        // (an unusable saved file) is a problem.
        let problem = texts.contains { !$0.hasPrefix("note:") }
        let combined = (texts + (notice.map { [$0.text] } ?? [])).joined(separator: " ")
        notice = Notice(kind: problem ? .error : .info, text: combined)
    }

    var isShowingStepsOnly: Bool { ScreenLayout.mode(for: self) == .stacked(.steps) }

    // MARK: Panes

    private mutating func pressInPanes(_ key: Key) -> Effect {
        let stepsOnly = isShowingStepsOnly
        switch key {
        case .up, .character("k"):
            if stepsOnly { scroll(.steps, by: -1) } else { apply(.highlightPrevious) }
        case .down, .character("j"):
            if stepsOnly { scroll(.steps, by: 1) } else { apply(.highlightNext) }
        case .left, .character("h"), .backTab:
            apply(.focusPrevious)
        case .right, .character("l"), .tab:
            apply(.focusNext)
        case .character(let character) where ("1"..."5").contains(character):
            // The range also holds a digit with a combining mark ("1\u{301}"), which is no number.
            guard let number = character.wholeNumberValue, PropertyID.allCases.indices.contains(number - 1) else { break }
            apply(.focus(PropertyID.allCases[number - 1]))
            // Jumping to a property means wanting to see it.
            stackedPane = .properties
        case .enter, .character(" "):
            if !stepsOnly { apply(.selectHighlighted) }
        case .pageUp:
            if stepsOnly { scroll(.steps, by: -layout.stepsPage) } else { scroll(.explanation, by: -layout.explanationPage) }
        case .pageDown:
            if stepsOnly { scroll(.steps, by: layout.stepsPage) } else { scroll(.explanation, by: layout.explanationPage) }
        case .home:
            if stepsOnly { stepsScroll = 0 } else { apply(.highlightFirst) }
        case .end:
            if stepsOnly { stepsScroll = layout.maxStepsScroll } else { apply(.highlightLast) }
        case .character("["):
            scroll(.steps, by: -layout.stepsPage)
        case .character("]"):
            scroll(.steps, by: layout.stepsPage)
        case .character("w"):
            if layout.mode == .wide {
                notice = Notice(kind: .info, text: "Both panes are on screen; w switches between them when the terminal is narrower than \(ScreenLayout.sideBySideColumns) columns.")
            } else {
                stackedPane = stackedPane == .properties ? .steps : .properties
            }
        case .character("r"):
            apply(.reset)
        case .character("e"):
            overlay = .export(ExportDialog())
        case .character("u"):
            overlay = .url
        case .character("?"):
            helpScroll = 0
            overlay = .help
        case .character("q"):
            return .quit
        case .escape:
            // Esc with no panel open leaves without choosing: with --print, nothing is printed.
            return .cancel
        case .redraw:
            return .repaint
        default:
            break
        }
        return .none
    }

    /// Runs a selection event through the core and updates what depends on it.
    mutating func apply(_ event: GuideEvent) {
        let before = state
        state = guide.reduce(state, event)
        if state.focus != before.focus || state.highlighted != before.highlighted {
            explanationScroll = 0
        }
        guard let change = state.lastChange else { return }
        // A notice stays until the next choice, so the user can go and look at what moved.
        switch change.cause {
        case .reset:
            notice = Notice(kind: .info, text: Self.describe(change, in: guide))
        case .chose, .loaded:
            notice = change.moved.isEmpty ? nil : Notice(kind: .moved, text: Self.describe(change, in: guide))
        }
    }

    mutating func scroll(_ area: ScrollArea, by lines: Int) {
        // Start from the offset as shown: a stored offset may exceed what this size allows.
        switch area {
        case .explanation:
            let limit = layout.maxExplanationScroll
            explanationScroll = min(max(min(explanationScroll, limit) + lines, 0), limit)
        case .steps:
            let limit = layout.maxStepsScroll
            stepsScroll = min(max(min(stepsScroll, limit) + lines, 0), limit)
        case .help:
            let limit = helpLayout(self).lines.maxOffset
            helpScroll = min(max(min(helpScroll, limit) + lines, 0), limit)
        }
    }

    // MARK: Mouse

    private mutating func click(_ target: HitTarget) -> Effect {
        if let overlay {
            // A click outside a help or URL panel closes it; the export dialog waits for its keys.
            let inside = target == .overlay || target == .scrollArea(.help)
            if !inside, overlay == .help || overlay == .url { self.overlay = nil }
            return .none
        }
        switch target {
        case .property(let property): apply(.focus(property))
        case .option(let property, let option): apply(.choose(property, option))
        case .scrollArea, .overlay, .background: break
        }
        return .none
    }

    // MARK: Overlays

    private mutating func pressInHelp(_ key: Key) -> Effect {
        switch key {
        case .escape, .character("?"), .enter: overlay = nil
        case .character("q"): return .quit
        case .up, .character("k"): scroll(.help, by: -1)
        case .down, .character("j"): scroll(.help, by: 1)
        case .pageUp: scroll(.help, by: -max(helpLayout(self).lines.visibleRows - 1, 1))
        case .pageDown: scroll(.help, by: max(helpLayout(self).lines.visibleRows - 1, 1))
        case .home: helpScroll = 0
        case .end: helpScroll = helpLayout(self).lines.maxOffset
        case .redraw: return .repaint
        default: break
        }
        return .none
    }

    private mutating func pressInURLView(_ key: Key) -> Effect {
        switch key {
        case .escape, .character("u"), .enter: overlay = nil
        case .character("q"): return .quit
        case .redraw: return .repaint
        default: break
        }
        return .none
    }

    private mutating func pressInExportDialog(_ key: Key, dialog: ExportDialog) -> Effect {
        var dialog = dialog
        var effect = Effect.none
        if dialog.confirmingOverwrite {
            switch key {
            case .character("y"), .character("Y"):
                effect = .export(exportRequest(dialog, overwrite: true))
            case .character("n"), .character("N"), .escape:
                dialog.confirmingOverwrite = false
            case .redraw:
                effect = .repaint
            default:
                break
            }
            overlay = .export(dialog)
            return effect
        }
        switch key {
        case .escape:
            overlay = nil
            return .none
        case .tab, .right, .down:
            dialog.cycleFormat(by: 1)
        case .backTab, .left, .up:
            dialog.cycleFormat(by: -1)
        case .backspace, .delete:
            dialog.editPath { if !$0.isEmpty { $0.removeLast() } }
        case .clearLine:
            dialog.editPath { $0 = "" }
        case .character(let character):
            dialog.editPath { $0.append(character) }
        case .enter:
            if dialog.path.allSatisfy(\.isWhitespace) {
                dialog.error = "Type a file name first."
            } else {
                effect = .export(exportRequest(dialog, overwrite: false))
            }
        case .redraw:
            effect = .repaint
        default:
            break
        }
        overlay = .export(dialog)
        return effect
    }

    private func exportRequest(_ dialog: ExportDialog, overwrite: Bool) -> ExportRequest {
        let contents = guide.render(PlanReport(plan: plan), as: dialog.format)
        return ExportRequest(path: dialog.path, format: dialog.format, contents: contents, overwrite: overwrite)
    }

    private mutating func finishExport(_ outcome: ExportOutcome) {
        guard case .export(var dialog) = overlay else { return }
        switch outcome {
        case .written(let path):
            overlay = nil
            notice = Notice(kind: .info, text: "Saved the plan (\(dialog.format.rawValue)) to \(path).")
        case .exists:
            dialog.confirmingOverwrite = true
            overlay = .export(dialog)
        case .failed(let message):
            dialog.confirmingOverwrite = false
            dialog.error = message
            overlay = .export(dialog)
        }
    }
}

extension ExportDialog {
    /// Longest path the dialog takes, in bytes: Linux's PATH_MAX.
    static let pathLimit = 4096

    /// Pasted text into the path: control characters (newlines included) are dropped, so a
    /// paste can never press Enter, and the path stops growing at `pathLimit` bytes.
    mutating func insert(_ text: String) {
        var room = Self.pathLimit - path.utf8.count
        let printable = text.filter { character in
            guard !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return false }
            room -= character.utf8.count
            return room >= 0
        }
        guard !printable.isEmpty else { return }
        editPath { $0 += printable }
    }

    mutating func cycleFormat(by step: Int) {
        let formats = PlanFormat.allCases
        let index = formats.firstIndex(of: format) ?? 0
        format = formats[(index + step + formats.count) % formats.count]
        if !pathEdited { path = Self.defaultPath(for: format) }
        error = nil
    }
}
