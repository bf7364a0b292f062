import ConnectGuideCore
import ConnectGuideDocuments
import Testing

@testable import ConnectGuideTUI

/// A first start as the app makes it: the preset chooser open over the guide.
func firstStart(_ columns: Int, _ rows: Int) -> AppModel {
    AppModel(guide: guide, state: guide.initialState(), size: TerminalSize(columns: columns, rows: rows),
        options: SessionOptions(offerPresets: true))
}

func pressing(_ start: AppModel, _ events: [UIEvent]) -> AppModel {
    events.reduce(start) { $0.update($1).model }
}

/// Issue 12: presets, advice beside the options, what changed, and the plan strip.
@Suite("Helping the user choose")
struct ChoosingTests {
    // MARK: Presets

    @Test("A first start opens on the preset chooser, listing each preset with who it fits and its source")
    func chooserOnFirstStart() {
        let shown = firstStart(100, 40)
        #expect(shown.overlay == .presets(cursor: 0))
        let text = render(shown).text
        #expect(text.contains(presetChooserTitle))
        for preset in guide.presets.prefix(3) { #expect(text.contains(preset.label), "\(preset.label)") }
        #expect(text.contains("Stripe recommends it"))
        // Not on a later start.
        #expect(model(100, 40).overlay == nil)
    }

    @Test("With direct charges, the API option is marked and its preview says it goes against N4 (API onboarding forces platform liability)")
    func apiOptionPreviewsN4() {
        // Focus starts on onboarding with direct charges: move the cursor to API.
        let onAPI = model(120, 45, after: keys(.down, .down))
        #expect(onAPI.cursor.highlighted == "api")
        let text = render(onAPI).text
        #expect(text.contains("API !"))
        #expect(text.contains("! Not recommended with your other choices. A") && text.contains("its balance goes negative more often"))
        // With destination charges, API onboarding goes against nothing.
        var destination = AppModel(
            guide: guide, state: guide.reduce(guide.initialState(), .choose(.chargeType, "destination")),
            size: TerminalSize(columns: 120, rows: 45), options: SessionOptions())
        destination = pressing(destination, typed("1") + keys(.home, .down, .down))
        #expect(destination.cursor.highlighted == "api")
        #expect(!render(destination).text.contains("its balance goes negative more often"))
    }

    @Test("The SaaS brief (\"a SaaS like Shopify\") in at most 3 keystrokes from a first start: 1 loads the preset")
    func saasBrief() throws {
        let saas = try #require(guide.preset("saas-dashboard"))
        let keystrokes = typed("1")
        #expect(keystrokes.count <= 3)
        let done = pressing(firstStart(80, 24), keystrokes)
        #expect(done.overlay == nil)
        #expect(done.state.selection == saas.selection)
        #expect(done.state.selection[.chargeType] == OptionID("direct"))
        #expect(guide.breachedRecommendations(of: done.state.selection).isEmpty)
    }

    @Test("The Airbnb brief in at most 4 keystrokes: 4 (marketplace, embedded), 5, ↑, Enter (Stripe liability), with its caution marked")
    func marketplaceBrief() throws {
        // "a marketplace like Airbnb; hosts stay on our site; we want Stripe to carry risk"
        let keystrokes = typed("45") + keys(.up, .enter)
        #expect(keystrokes.count <= 4)
        let done = pressing(firstStart(100, 30), keystrokes)
        let selection = done.state.selection
        #expect(selection[.chargeType] == OptionID("destination"))
        #expect(selection[.onboarding] == OptionID("embedded"))
        #expect(selection[.dashboard] == OptionID("none"))
        #expect(selection[.liability] == OptionID("stripe"))
        // Stripe advises against Stripe liability with destination charges (N2): the liability
        // row says so with "!".
        let breached = guide.breachedRecommendations(of: selection)
        #expect(breached.contains { $0.properties.contains(.liability) })
        let frame = render(done)
        let liabilityRow = try #require(row(of: "5 Negative balance liability", in: frame))
        #expect(frame.lines[liabilityRow].contains(" !"), "\(frame.text)")
    }

    @Test("Loading a preset is one undoable change; Esc keeps the selection; p opens the chooser on the current preset")
    func presetUndo() throws {
        let loaded = pressing(firstStart(100, 30), typed("3"))
        let marketplace = try #require(guide.preset("marketplace"))
        #expect(loaded.state.selection == marketplace.selection)
        #expect(loaded.notice?.text.contains(marketplace.label) == true)
        #expect(pressing(loaded, typed("u")).state.selection == guide.defaults)
        #expect(pressing(firstStart(100, 30), keys(.escape)).state.selection == guide.defaults)
        #expect(pressing(loaded, typed("p")).overlay == .presets(cursor: 2))
        // Moving the cursor and Enter loads the preset under it.
        let second = pressing(firstStart(100, 30), keys(.down, .enter))
        #expect(second.state.selection == guide.presets[1].selection)
    }

    // MARK: What changed

    @Test("A choice that moved three properties: those rows highlighted until the next key, changed steps marked, steps scrolled to the first")
    func whatChanged() throws {
        let chosen = model(120, 40, after: keys(.down, .down, .enter))
        #expect(chosen.movedProperties == [.dashboard, .fees, .liability])
        #expect(!chosen.stepMarks.isEmpty)
        #expect(chosen.stepMarks.values.contains(.added))
        #expect(chosen.stepsScroll == chosen.firstMarkedStepRow())
        let frame = render(chosen)
        let dashboardRow = try #require(row(of: "2 Dashboard access", in: frame))
        #expect(frame.lines[dashboardRow].contains("◂"))
        // The next key clears the highlight; the step marks stay until the next choice.
        let after = chosen.update(.key(.down)).model
        #expect(after.movedProperties.isEmpty)
        #expect(after.stepMarks == chosen.stepMarks)
        // The reasons are in plain words, the rule id only a suffix.
        let notice = try #require(chosen.notice?.text)
        #expect(notice.contains("Why: API onboarding"))
    }

    @Test("n shows a cut notice in full and cuts it back; Esc dismisses it")
    func expandNotice() throws {
        let chosen = model(80, 24, after: keys(.down, .down, .enter))
        let cut = ScreenLayout(chosen).noticeLines
        #expect(cut.count == 1)
        #expect(cut.last?.spans.map(\.text).joined().hasSuffix("n: more, Esc: hide") == true)
        let expanded = chosen.update(.key(.character("n"))).model
        let whole = ScreenLayout(expanded).noticeLines
        #expect(whole.count > cut.count)
        #expect(whole.last?.spans.map(\.text).joined().contains("(R1)") == true)
        #expect(ScreenLayout(expanded.update(.key(.character("n"))).model).noticeLines.count == cut.count)
        #expect(expanded.update(.key(.escape)).model.notice == nil)
    }

    // MARK: Sizes

    @Test("80x24: the plan strip is always there and flags a change; the explanation gets at least 8 rows")
    func planStrip() throws {
        for events in [[], keys(.down, .down, .enter), typed("2") + keys(.end, .enter), typed("w")] {
            let shown = model(80, 24, after: events)
            let frame = render(shown)
            let strip = try #require(row(of: " Plan: ", in: frame), "\(frame.text)")
            #expect(strip == 24 - 2 - ScreenLayout(shown).noticeLines.count)
            if shown.stackedPane == .properties {
                #expect(ScreenLayout(shown).properties!.explanation.visibleRows >= 8, "\(frame.text)")
            }
        }
        let changed = render(model(80, 24, after: keys(.down, .down, .enter)))
        #expect(changed.lines.contains { $0.contains("Plan: 6 steps (+1 new, ~") }, "\(changed.text)")
    }

    @Test("160x45 and up: all five properties with all their options on screen, no scrolling of the list")
    func everyOption() {
        for (columns, rows) in [(160, 45), (200, 60), (300, 100)] {
            for focus in 1...5 {
                let frame = render(model(columns, rows, after: typed("\(focus)")))
                for property in guide.properties {
                    #expect(frame.text.contains(property.label), "\(columns)x\(rows)")
                    for option in property.options {
                        #expect(frame.lines.contains { $0.contains("(•) " + option.label) || $0.contains("( ) " + option.label) },
                            "\(columns)x\(rows) focus \(focus): \(option.label)\n\(frame.text)")
                    }
                }
            }
        }
    }

    @Test("\"Best for\" shows without scrolling at 100x30 and up, for every option")
    func bestForVisible() {
        for (columns, rows) in [(100, 30), (120, 40), (160, 45)] {
            for property in guide.properties {
                for (index, option) in property.options.enumerated() where !option.bestFor.isEmpty {
                    let events = typed("\(property.id.index + 1)") + keys(.home) + Array(repeating: UIEvent.key(.down), count: index)
                    let frame = render(model(columns, rows, after: events))
                    #expect(frame.text.contains("Best for"), "\(columns)x\(rows) \(option.label)\n\(frame.text)")
                }
            }
        }
    }

    @Test("Inline code is drawn with an attribute, not backticks")
    func inlineCode() {
        var inCode = false
        let spans = codeSpans("set `reverse_transfer=true` on refunds", style: [], role: .plain, inCode: &inCode)
        #expect(spans.map(\.text) == ["set ", "reverse_transfer=true", " on refunds"])
        #expect(spans[1].style.contains(.bold) && spans[0].style.isEmpty)
        // Nothing on any screen of the guide shows a backtick.
        for events in [[], typed("w"), typed("5") + keys(.end), typed("2") + keys(.end, .enter) + typed("w")] {
            for line in ScreenLayout(model(100, 40, after: events)).steps?.lines ?? [] {
                #expect(!line.spans.contains { $0.text.contains("`") })
            }
        }
    }

    @Test("Overlays dim what is behind them; the help is grouped and ends with the legend of marks")
    func overlaysAndHelp() {
        let frame = render(model(100, 30, after: typed("?")))
        #expect(frame[1, 2].style.contains(.dim))
        let help = helpLines(width: 70, displayWidth: .standard, text: guide.text.tui).map { $0.spans.map(\.text).joined() }
        for group in KeyGroup.allCases {
            #expect(help.contains { $0.contains("The guide: " + group.title(guide.text.tui)) })
        }
        #expect(help.contains { $0.contains("What the marks mean") })
        // Every key of the table is in the help.
        for binding in keyBindings { #expect(help.contains { $0.contains(binding.keys(guide.text.tui)) }, "\(binding.keys(guide.text.tui))") }
    }

    @Test("One focus marker: ▸ only on the option under the cursor; no chevrons on the values")
    func oneMarker() {
        for size in [(80, 24), (140, 40), (160, 45)] {
            let text = render(model(size.0, size.1)).text
            #expect(text.filter { $0 == "▸" }.count == 1, "\(size)")
            #expect(!text.contains("‹") && !text.contains("›"))
        }
    }
}
