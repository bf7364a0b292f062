import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideText
import ConnectGuideStorage

extension AppModel {
    /// The app's state machine: a pure function from a model and an event to the next
    /// model and what the runtime should do. Selection events go through `Guide.reduce`.
    /// Any event that changes the selection asks for it to be saved (`.save`, first), until
    /// a save fails.
    public func update(_ event: UIEvent) -> (model: AppModel, effects: [Effect]) {
        var next = self
        var effect: Effect?
        switch event {
        case .resize(let size):
            // Scroll offsets are kept as they are; rendering clamps them to the new size,
            // so growing the terminal back restores the same view.
            next.size = size
        case .scroll(let area, let lines):
            next.scroll(area, by: lines)
        case .click(let target):
            effect = next.click(target)
        case .exported(let outcome):
            next.finishExport(outcome)
        case .opened(let outcome):
            next.finishOpen(outcome)
        case .saved(let outcome):
            next.finishSave(outcome)
        case .paste(let text):
            // Only the file name takes text; elsewhere a paste is not a string of commands.
            if case .export(var dialog) = overlay, !dialog.confirmingOverwrite, exporting == nil {
                dialog.insert(text)
                next.overlay = .export(dialog)
            }
        case .key(let key):
            // What the last choice moved stays highlighted until the next key.
            next.movedProperties = []
            switch overlay {
            case nil: effect = next.pressInPanes(key)
            case .help: effect = next.pressInHelp(key)
            case .url: effect = next.pressInURLView(key)
            case .menu(let menu): effect = next.pressInMenu(key, menu: menu)
            case .export(let dialog): effect = next.pressInExportDialog(key, dialog: dialog)
            case .presets(let cursor): effect = next.pressInPresets(key, cursor: cursor)
            }
        }
        // A new notice starts cut to its first lines.
        if next.notice != notice { next.noticeExpanded = false }
        var effects: [Effect] = []
        // First, so a runtime that stops at .quit has already taken it.
        if next.state.selection != state.selection, !next.savingStopped { effects.append(.save(next.state.selection)) }
        if let effect { effects.append(effect) }
        return (next, effects)
    }

    var layout: ScreenLayout { ScreenLayout(self) }

    /// Shows what was found before the session started (a saved selection that could not
    /// be used, what the flags implied) as the first notice, ahead of any notice of what the
    /// starting selection moved: an error when any of it is a problem, else information.
    public mutating func showStartNotices(_ notices: [StartNotice]) {
        guard !notices.isEmpty else { return }
        let texts = notices.map { $0.text(in: guide) }
        let combined = (texts + (notice.map { [$0.text] } ?? [])).joined(separator: " ")
        notice = Notice(kind: notices.contains(where: \.isProblem) ? .error : .info, text: combined)
    }

    var isShowingStepsOnly: Bool { ScreenLayout.mode(for: self) == .stacked(.steps) }

    // MARK: Panes

    private mutating func pressInPanes(_ key: Key) -> Effect? {
        let stepsOnly = isShowingStepsOnly
        guard let command = command(for: key, in: .guide) else { return nil }
        switch command {
        case .previousOption:
            if stepsOnly { scroll(.steps, by: -1) } else { moveCursor(to: cursor.moving(.previous, in: guide)) }
        case .nextOption:
            if stepsOnly { scroll(.steps, by: 1) } else { moveCursor(to: cursor.moving(.next, in: guide)) }
        case .previousProperty:
            moveCursor(to: cursor.focusing(by: -1, among: guide.propertyIDs, in: state.selection))
        case .nextProperty:
            moveCursor(to: cursor.focusing(by: 1, among: guide.propertyIDs, in: state.selection))
        case .jumpToProperty(let index):
            guard guide.propertyIDs.indices.contains(index) else { break }
            focus(guide.propertyIDs[index])
            // Jumping to a property means wanting to see it.
            stackedPane = .properties
        case .select:
            if !stepsOnly { apply(.choose(cursor.focus, cursor.highlighted)) }
        case .previousPage:
            if stepsOnly { scroll(.steps, by: -layout.stepsPage) } else { scroll(.explanation, by: -layout.explanationPage) }
        case .nextPage:
            if stepsOnly { scroll(.steps, by: layout.stepsPage) } else { scroll(.explanation, by: layout.explanationPage) }
        case .firstOption:
            if stepsOnly { stepsScroll = 0 } else { moveCursor(to: cursor.moving(.first, in: guide)) }
        case .lastOption:
            if stepsOnly { stepsScroll = layout.maxStepsScroll } else { moveCursor(to: cursor.moving(.last, in: guide)) }
        case .stepsUp:
            scroll(.steps, by: -layout.stepsPage)
        case .stepsDown:
            scroll(.steps, by: layout.stepsPage)
        case .switchPane:
            if layout.mode == .wide {
                notice = Notice(kind: .info, text: guide.text.tui.bothPanesShown(columns: "\(ScreenLayout.sideBySideColumns)"))
            } else {
                stackedPane = stackedPane == .properties ? .steps : .properties
            }
        case .reset:
            apply(.reset)
        case .undo:
            travel(backwards: true)
        case .redo:
            travel(backwards: false)
        case .export:
            overlay = .export(ExportDialog())
        case .open:
            overlay = .menu(Menu(purpose: .open, items: linkItems()))
        case .copy:
            overlay = .menu(Menu(purpose: .copy, items: copyItems()))
        case .showURL:
            overlay = .url(reason: nil)
        case .showCode:
            showNextStepCode(layout: layout)
        case .help:
            helpScroll = 0
            overlay = .help
        case .quit:
            return .quit
        case .close:
            // Esc at the top: the notice goes first; with --print it then leaves without
            // choosing (nothing printed, exit 1); otherwise it does nothing, so a stray Esc
            // never ends the session.
            if notice != nil {
                notice = nil
            } else if options.printFormat != nil {
                return .cancel
            }
        case .repaint:
            return .repaint
        case .presets:
            overlay = .presets(cursor: guide.presets.firstIndex { $0.selection == state.selection } ?? 0)
        case .expandNotice:
            if notice == nil {
                notice = Notice(kind: .info, text: guide.text.tui.noNoticeToShow)
            } else {
                noticeExpanded.toggle()
            }
        default:
            break
        }
        return nil
    }

    // MARK: Presets

    private mutating func pressInPresets(_ key: Key, cursor: Int) -> Effect? {
        let count = guide.presets.count
        guard count > 0 else {
            overlay = nil
            return nil
        }
        var cursor = cursor
        switch command(for: key, in: .presets) {
        case .close?:
            overlay = nil
            return nil
        case .previousItem?: cursor = (cursor + count - 1) % count
        case .nextItem?: cursor = (cursor + 1) % count
        case .firstItem?: cursor = 0
        case .lastItem?: cursor = count - 1
        case .activate?:
            choosePreset(cursor)
            return nil
        case .chooseNumbered(let number)? where (1...count).contains(number):
            choosePreset(number - 1)
            return nil
        case .repaint?: return .repaint
        default: break
        }
        overlay = .presets(cursor: cursor)
        return nil
    }

    /// Loads a preset's whole selection as one undoable change, and says what it set.
    private mutating func choosePreset(_ index: Int) {
        overlay = nil
        let preset = guide.presets[index]
        let before = state.selection
        apply(.load(preset.selection))
        let changed = state.selection.differences(from: before)
        movedProperties = PropertySet(changed)
        let text = guide.text.tui
        let list = changed.isEmpty ? text.presetSetNothing
            : guide.text.list(changed.map { text.presetSetting(property: guide.property($0).label, option: guide.optionLabel($0, state.selection)) })
        notice = Notice(kind: .info, text: changed.isEmpty
            ? text.presetLoaded(preset: preset.label, changes: list) : text.presetLoadedUndoable(preset: preset.label, changes: list))
    }

    // MARK: Undo

    /// u (`backwards`) or Ctrl-R: moves one change from one stack to the other and puts
    /// the state from that side of it back.
    private mutating func travel(backwards: Bool) {
        guard let entry = backwards ? undoStack.popLast() : redoStack.popLast() else {
            let text = backwards ? guide.text.tui.nothingToUndo : guide.text.tui.nothingToRedo
            notice = Notice(kind: .info, text: text)
            return
        }
        if backwards { redoStack.append(entry) } else { undoStack.append(entry) }
        restore(backwards ? entry.before : entry.after)
        let text = backwards
            ? guide.text.tui.undid(change: describeStep(entry)) : guide.text.tui.redid(change: describeStep(entry))
        notice = Notice(kind: .info, text: text)
    }

    /// Puts a whole earlier state back: the selection with everything the rules moved, and
    /// the focus and cursor of that moment.
    private mutating func restore(_ earlier: Snapshot) {
        moveCursor(to: earlier.cursor)
        let before = state.selection
        state = earlier.state
        markChanges(from: before)
        movedProperties = PropertySet(state.selection.differences(from: before))
    }

    /// After a change of selection: which steps are new or changed (from the plan diff), and
    /// the steps pane scrolled to the first of them.
    private mutating func markChanges(from before: Selection) {
        guard before != state.selection else { return }
        let diff = guide.diff(PlanReport(plan: guide.plan(for: before)), PlanReport(plan: plan))
        var marks = StepMarks()
        for step in diff.addedSteps { marks[step.slot] = .added }
        for step in diff.changedSteps { marks[step.slot] = .changed }
        stepMarks = marks
        if let row = firstMarkedStepRow() { stepsScroll = row }
    }

    /// "choosing Destination charges (which also set ...)", "the reset".
    private func describeStep(_ entry: HistoryEntry) -> String {
        let text = guide.text.tui
        guard let change = entry.after.state.lastChange else { return text.changeLast }
        switch change.cause {
        case .chose(let property, let option):
            let (option, property) = (guide.optionLabel(property, option), guide.property(property).label)
            return change.moved.isEmpty
                ? text.changeChoosing(option: option, property: property) : text.changeChoosingWithMoves(option: option, property: property)
        case .reset: return text.changeReset
        case .loaded:
            // A preset is loaded whole (presets are valid), so its selection names it.
            if let preset = guide.presets.first(where: { $0.selection == entry.after.state.selection }) {
                return text.changeLoadingPreset(preset: preset.label)
            }
            return text.changeLoadingSelection
        }
    }

    /// Undo reaches back to the start of the session; this many changes is far more than
    /// a session makes, and keeps a key held down from growing memory without end.
    static let historyLimit = 10_000

    /// Moves the cursor; the explanation of what is now under it starts at its top.
    private mutating func moveCursor(to moved: GuideCursor) {
        if moved != cursor { explanationScroll = 0 }
        cursor = moved
    }

    /// Opens a property's section, at its chosen option.
    private mutating func focus(_ property: PropertyID) {
        moveCursor(to: cursor.focusing(property, in: state.selection))
    }

    /// Runs a selection event through the core and updates what depends on it: the cursor
    /// follows the change (to the option chosen), and it can be undone.
    mutating func apply(_ event: GuideEvent) {
        let before = Snapshot(state: state, cursor: cursor)
        state = guide.reduce(state, event)
        guard let change = state.lastChange else { return }
        moveCursor(to: cursor.following(change, to: state.selection))
        if state.selection != before.state.selection {
            undoStack.append(HistoryEntry(before: before, after: Snapshot(state: state, cursor: cursor)))
            if undoStack.count > Self.historyLimit { undoStack.removeFirst(undoStack.count - Self.historyLimit) }
            redoStack.removeAll()
            markChanges(from: before.state.selection)
            movedProperties = change.cause == .reset
                ? PropertySet(state.selection.differences(from: before.state.selection)) : PropertySet(change.moved.map(\.property))
        }
        // A notice stays until the next choice, so the user can go and look at what moved.
        switch change.cause {
        case .reset:
            notice = Notice(kind: .info, text: Self.describe(change, in: guide, undoable: true))
        case .chose, .loaded:
            notice = change.moved.isEmpty ? nil : Notice(kind: .moved, text: Self.describe(change, in: guide, undoable: true))
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

    private mutating func click(_ target: HitTarget) -> Effect? {
        if let overlay {
            // A click outside a panel closes it; the export dialog waits for its keys.
            let inside = target == .overlay || target == .scrollArea(.help)
            if case .presets = overlay {
                // The chooser: a click on a setup loads it; one outside closes the chooser
                // (keeping the selection, as Esc does) and focuses the property clicked.
                switch target {
                case .preset(let index): choosePreset(index)
                case .property(let property), .option(let property, _):
                    self.overlay = nil
                    focus(property)
                case .overlay: break
                default: self.overlay = nil
                }
                return nil
            }
            if case .export = overlay {} else if !inside { self.overlay = nil }
            return nil
        }
        switch target {
        case .property(let property): focus(property)
        case .option(let property, let option): apply(.choose(property, option))
        case .scrollArea, .overlay, .preset, .background: break
        }
        return nil
    }

    // MARK: Overlays

    private mutating func pressInHelp(_ key: Key) -> Effect? {
        let page = max(helpLayout(self).lines.visibleRows - 1, 1)
        switch command(for: key, in: .help) {
        case .close?: overlay = nil
        case .scrollUp?: scroll(.help, by: -1)
        case .scrollDown?: scroll(.help, by: 1)
        case .previousPage?: scroll(.help, by: -page)
        case .nextPage?: scroll(.help, by: page)
        case .top?: helpScroll = 0
        case .bottom?: helpScroll = helpLayout(self).lines.maxOffset
        case .repaint?: return .repaint
        default: break
        }
        return nil
    }

    private mutating func pressInURLView(_ key: Key) -> Effect? {
        guard case .url(_, let address)? = overlay else { return nil }
        let url = address ?? guide.url(for: state.selection)
        switch command(for: key, in: .urlView) {
        case .close?: overlay = nil
        case .copy?:
            overlay = nil
            return copy(url, named: address == nil ? guide.text.tui.theDocsURL : guide.text.tui.theLink)
        case .open?:
            overlay = nil
            return .open(url)
        case .repaint?: return .repaint
        default: break
        }
        return nil
    }

    // MARK: Open and copy

    /// The docs page first, then every step's links in order, then the cautions' sources
    /// and links, as the steps pane lists them.
    private func linkItems() -> [Menu.Item] {
        let text = guide.text.tui
        var items = [Menu.Item(label: text.menuDocsPage, payload: guide.url(for: state.selection))]
        for step in plan.steps {
            for link in step.links {
                items.append(Menu.Item(label: text.menuStepLink(number: "\(step.number)", label: link.label), payload: link.url, step: step.number))
            }
        }
        let cautions = plan.cautions.filter { $0.kind == .recommendation }.map { ($0.title, $0.links) }
            + plan.callouts.map { ($0.title, $0.links) } + plan.cautions.filter { $0.kind == .advisory }.map { ($0.title, $0.links) }
        for (title, links) in cautions {
            for link in links { items.append(Menu.Item(label: text.menuCautionLink(caution: title, link: link.title), payload: link.url)) }
        }
        return items
    }

    /// In the open menu, the first item of step `number` (a digit typed there).
    private func menuItem(ofStep number: Int, in menu: Menu) -> Int? {
        guard menu.purpose == .open else { return nil }
        return menu.items.firstIndex { $0.step == number }
    }

    private func copyItems() -> [Menu.Item] {
        let report = PlanReport(plan: plan)
        var code: [Menu.Item] = []
        if let number = codeStep {
            for language in [QuickstartLanguage.python, .curl] {
                if let text = guide.quickstartStepCode(plan, api: .v1, language: language, step: number) {
                    let name = language == .python ? "Python" : "curl"
                    code.append(Menu.Item(label: guide.text.tui.copyStepCode(number: "\(number)", language: name), payload: text))
                }
            }
        }
        // The URL stays first, so y y copies it whatever else is offered.
        let text = guide.text.tui
        return [Menu.Item(label: text.theDocsURL, payload: guide.url(for: state.selection))] + code + [
            Menu.Item(label: text.copyPlanText, payload: guide.render(report, as: .text)),
            Menu.Item(label: text.copyCurlV1, payload: guide.curlCommand(report, api: .v1)),
            Menu.Item(label: text.copyCurlV2, payload: guide.curlCommand(report, api: .v2)),
            Menu.Item(label: text.copyPlanJSON, payload: guide.render(report, as: .json)),
        ]
    }

    private mutating func pressInMenu(_ key: Key, menu: Menu) -> Effect? {
        var menu = menu
        let count = menu.items.count
        switch command(for: key, in: menu.purpose == .copy ? .copyMenu : .openMenu) {
        case .close?:
            overlay = nil
            return nil
        case .previousItem?: menu.cursor = (menu.cursor + count - 1) % count
        case .nextItem?: menu.cursor = (menu.cursor + 1) % count
        case .firstItem?: menu.cursor = 0
        case .lastItem?: menu.cursor = count - 1
        case .jumpToStep(let number)?:
            if let index = menuItem(ofStep: number, in: menu) { menu.cursor = index }
        case .activate?:
            overlay = nil
            let item = menu.items[menu.cursor]
            return menu.purpose == .copy ? copy(item.payload, named: item.label) : .open(item.payload)
        case .repaint?:
            return .repaint
        default:
            break
        }
        overlay = .menu(menu)
        return nil
    }

    /// c: the code of the step after the one shown (the first when none is), scrolled
    /// to; after the last step the code is hidden. A narrow terminal turns to the steps.
    private mutating func showNextStepCode(layout: ScreenLayout) {
        let next = (codeStep ?? 0) + 1
        guard next <= plan.steps.count else {
            codeStep = nil
            return
        }
        codeStep = next
        if layout.mode != .wide { stackedPane = .steps }
        let lines = stepsLines(model: self, width: ScreenLayout(self).stepsWidth)
        if let row = lines.firstIndex(where: { if case .step(next, _)? = $0.block { true } else { false } }) {
            stepsScroll = row
        }
    }

    private mutating func copy(_ text: String, named name: String) -> Effect {
        // OSC 52 has no answer: whether the text reached the clipboard cannot be known here.
        let message = options.insideTmux
            ? guide.text.tui.sentToTmux(item: name) : guide.text.tui.sentToTerminal(item: name)
        notice = Notice(kind: .info, text: message)
        return .copy(text)
    }

    /// A failed save is said once, as an error; no more saves are asked for, since each
    /// would fail the same way and the session is worth more than --resume.
    private mutating func finishSave(_ outcome: SaveOutcome) {
        guard case .failed(let failure) = outcome, !savingStopped else { return }
        savingStopped = true
        let text = failure.description
        notice = Notice(kind: .error, text: text.prefix(1).uppercased() + text.dropFirst())
    }

    private mutating func finishOpen(_ outcome: OpenOutcome) {
        switch outcome {
        case .launched(_, let browser):
            // The address is left out: the one-line notice would cut it.
            notice = Notice(kind: .info, text: guide.text.tui.openedWith(browser: browser))
        case .noBrowser(let url):
            overlay = .url(reason: guide.text.tui.noBrowser, address: url)
        case .failed(let url, let failure):
            let text = guide.text.tui
            let problem = switch failure {
            case .notStarted(let reason): reason
            case .endedBySignal(let browser, let signal): text.browserEndedBySignal(browser: browser, signal: "\(signal)")
            case .notFound(let browser): text.browserNotFound(browser: browser)
            case .cannotRun(let browser): text.browserCannotRun(browser: browser)
            case .exited(let browser, let status): text.browserExited(browser: browser, status: "\(status)")
            }
            notice = Notice(kind: .error, text: guide.text.tui.couldNotOpen(problem: problem))
            overlay = .url(reason: guide.text.tui.browserDidNotOpen(problem: problem), address: url)
        }
    }

    // MARK: Export

    private mutating func pressInExportDialog(_ key: Key, dialog: ExportDialog) -> Effect? {
        var dialog = dialog
        var effect: Effect?
        if exporting != nil {
            // An export is being written: the dialog waits for its outcome; Esc leaves it
            // to come back as a notice.
            switch command(for: key, in: .exportUnderWay) {
            case .close?: overlay = nil
            case .repaint?: return .repaint
            default: break
            }
            return nil
        }
        if dialog.confirmingOverwrite {
            switch command(for: key, in: .exportConfirm) {
            case .replace?: effect = .export(exportRequest(dialog, overwrite: true))
            case .keep?: dialog.confirmingOverwrite = false
            case .repaint?: effect = .repaint
            default: break
            }
            overlay = .export(dialog)
            return effect
        }
        if case .character(let character) = key {
            dialog.insert(String(character))
            overlay = .export(dialog)
            return nil
        }
        switch command(for: key, in: .exportDialog) {
        case .close?:
            overlay = nil
            return nil
        case .nextFormat?: dialog.cycleFormat(by: 1)
        case .previousFormat?: dialog.cycleFormat(by: -1)
        case .cursorLeft?: dialog.moveCursor(to: dialog.cursor - 1)
        case .cursorRight?: dialog.moveCursor(to: dialog.cursor + 1)
        case .lineStart?: dialog.moveCursor(to: 0)
        case .lineEnd?: dialog.moveCursor(to: dialog.characters.count)
        case .deleteBackward?: dialog.delete((dialog.cursor - 1)..<dialog.cursor)
        case .deleteForward?: dialog.delete(dialog.cursor..<(dialog.cursor + 1))
        case .deleteWord?: dialog.deleteWordBackward()
        case .clearLine?: dialog.delete(0..<dialog.characters.count)
        case .save?:
            if dialog.path.allSatisfy(\.isWhitespace) {
                dialog.error = .noFileName
            } else {
                effect = .export(exportRequest(dialog, overwrite: false))
            }
        case .repaint?: effect = .repaint
        default: break
        }
        overlay = .export(dialog)
        return effect
    }

    private mutating func exportRequest(_ dialog: ExportDialog, overwrite: Bool) -> ExportRequest {
        exporting = dialog.format
        let report = PlanReport(plan: plan)
        let contents: String
        switch dialog.format {
        case .text: contents = guide.render(report, as: .text)
        case .markdown: contents = guide.render(report, as: .markdown)
        case .json: contents = guide.render(report, as: .json)
        case .prompt: contents = guide.render(report, as: .prompt)
        case .curlV1: contents = guide.curlCommand(report, api: .v1)
        case .curlV2: contents = guide.curlCommand(report, api: .v2)
        case .accountJSON: contents = guide.configurationDocument(report, api: .v1).serialized()
        case .url: contents = guide.url(for: state.selection) + "\n"
        case .quickstartPython: contents = guide.quickstartScript(report, api: .v1, language: .python)
        case .quickstartCurl: contents = guide.quickstartScript(report, api: .v1, language: .curl)
        }
        return ExportRequest(path: dialog.path, format: dialog.format, contents: contents, overwrite: overwrite)
    }

    private mutating func finishExport(_ outcome: ExportOutcome) {
        let format = exporting
        exporting = nil
        guard case .export(var dialog) = overlay else {
            // The dialog was closed while the export was written: the outcome is a notice.
            switch outcome {
            case .written(let path):
                let shown = displayedPath(path)
                notice = Notice(kind: .info, text: format.map { guide.text.tui.savedFormat(format: $0.rawValue, path: shown) }
                    ?? guide.text.tui.savedTo(path: shown))
            case .exists(let path):
                notice = Notice(kind: .error, text: guide.text.tui.notSavedExists(path: displayedPath(path)))
            case .failed(let message):
                notice = Notice(kind: .error, text: message)
            }
            return
        }
        switch outcome {
        case .written(let path):
            overlay = nil
            notice = Notice(kind: .info, text: guide.text.tui.savedFormat(format: (format ?? dialog.format).rawValue, path: displayedPath(path)))
        case .exists:
            dialog.confirmingOverwrite = true
            overlay = .export(dialog)
        case .failed(let message):
            dialog.confirmingOverwrite = false
            dialog.error = .failed(message)
            overlay = .export(dialog)
        }
    }
}

extension ExportDialog {
    /// Tab: the user picks the format, so the extension no longer does; an untouched name
    /// follows the format.
    mutating func cycleFormat(by step: Int) {
        let formats = ExportFormat.allCases
        let index = formats.firstIndex(of: format) ?? 0
        format = formats[(index + step + formats.count) % formats.count]
        formatChosen = true
        if !pathEdited {
            characters = Array(format.defaultFileName)
            cursor = characters.count
            byteCount = format.defaultFileName.utf8.count
        }
        error = nil
    }
}
