import ConnectGuideCore
import Testing

@testable import ConnectGuideTUI

/// The whole screen, rendered without a terminal, against reviewed golden files.
@Suite("Golden frames")
struct GoldenTests {
    @Test("140x40: the defaults, both panes side by side")
    func wideDefaults() throws {
        try expectGolden("140x40-defaults", render(model(140, 40)))
    }

    @Test("100x30: API onboarding chosen, with the notice of what moved")
    func apiChosen() throws {
        try expectGolden("100x30-api-chosen", render(model(100, 30, after: keys(.down, .down, .enter))))
    }

    @Test("80x24 after choosing API: all five property rows, and the notice of what moved on one line")
    func apiChosenAt80x24() throws {
        let shown = model(80, 24, after: keys(.down, .down, .enter))
        let frame = render(shown)
        for property in shown.guide.properties {
            #expect(frame.text.contains(" \(property.id.index + 1) \(property.label) "), "\(property.label)\n\(frame.text)")
        }
        #expect(ScreenLayout(shown).noticeLines.count == 1)
        #expect(frame.text.contains("n: more"))
        try expectGolden("80x24-api-chosen", frame)
    }

    @Test("80x24: panes stacked, dashboard focused, cursor on an option that would move others")
    func stacked() throws {
        try expectGolden("80x24-dashboard-preview", render(model(80, 24, after: keys(.right, .down, .down))))
    }

    @Test("80x24: the steps pane of the stacked layout")
    func stackedSteps() throws {
        try expectGolden("80x24-steps", render(model(80, 24, after: keys(.down, .down, .enter) + typed("w"))))
    }

    @Test("140x40: destination charges on the Stripe Dashboard: the version in force, and marks on what Stripe advises against")
    func recommendationMarks() throws {
        // Charge type focused, destination chosen; the cursor then rests on the fees
        // property's options, where "Your connected accounts" goes against N1.
        let frame = render(model(140, 40, after: typed("3") + keys(.down, .enter) + typed("4")))
        #expect(frame.text.contains("Stripe API 2026-11-18.endive"))
        try expectGolden("140x40-recommendations", frame)
    }

    @Test("50x12: the terminal-too-small screen names the size needed")
    func tooSmall() throws {
        let frame = render(model(50, 12))
        #expect(frame.text.contains("60x16"))
        try expectGolden("50x12-too-small", frame)
    }

    @Test("NO_COLOR: roles become attributes, focus and choice still visible")
    func noColor() throws {
        try expectGolden("80x24-no-color", render(model(80, 24, after: keys(.down, .down, .enter)), color: false), color: false)
    }

    @Test("100x30: help overlay")
    func help() throws {
        try expectGolden("100x30-help", render(model(100, 30, after: typed("?"))))
    }

    @Test("100x30: export dialog asking before replacing a file")
    func exportConfirm() throws {
        let asking = model(100, 30, after: typed("e") + keys(.enter) + [.exported(.exists(path: "/tmp/connect-guide-plan.txt"))])
        try expectGolden("100x30-export-confirm", render(asking))
    }

    @Test("80x24 and 140x40: step links as hyperlinks, whole or cut with …, the full address kept")
    func links() throws {
        try expectGolden("80x24-links", render(model(80, 24, after: typed("w") + keys(.pageDown))))
        try expectGolden("140x40-links", render(model(140, 40, after: keys(.right, .end, .enter) + typed("]"))))
    }

    @Test("80x30: without OSC 8, each address whole on a line of its own")
    func linksWithoutHyperlinks() throws {
        try expectGolden("80x30-links-plain", render(model(80, 30, after: typed("w"), options: SessionOptions(hyperlinks: false))))
    }

    @Test("120x30: --print json says how it ends in the header and the key bar")
    func printHeader() throws {
        try expectGolden("120x30-print", render(model(120, 30, options: SessionOptions(printFormat: "json"))))
    }

    @Test("100x30: the export dialog with a typed name, its target and a format mismatch")
    func exportEditor() throws {
        let options = SessionOptions(workingDirectory: "/home/ada/work", home: "/home/ada")
        let events = typed("e") + keys(.tab, .tab) + [.key(.clearLine)] + typed("plans/plan.md") + keys(.left, .left, .left)
        try expectGolden("100x30-export-editor", render(model(100, 30, after: events, options: options)))
    }

    @Test("100x30: the URL view, full width with no side borders, and the copy menu")
    func urlAndCopy() throws {
        try expectGolden("100x30-url", render(model(100, 30, after: typed("v"))))
        try expectGolden("100x30-copy", render(model(100, 30, after: typed("y"))))
    }

    @Test("80x24 and 200x60: c shows a step's API calls as code under it; y then offers that code")
    func stepCode() throws {
        // The defaults' step 2, a direct charge on the connected account: c twice.
        try expectGolden("80x24-step-code", render(model(80, 24, after: typed("cc"))))
        try expectGolden("200x60-step-code", render(model(200, 60, after: typed("cc"))))
        let copying = model(100, 30, after: typed("ccy"))
        guard case .menu(let menu)? = copying.overlay else {
            Issue.record("y opens the copy menu")
            return
        }
        #expect(menu.items.first?.label == "the docs URL", "y y still copies the URL")
        #expect(menu.items[1].label == "step 2's code (Python)")
        #expect(menu.items[1].payload.contains("client.v1.payment_intents.create(") == true)
        #expect(menu.items[1].payload.contains("options={\"stripe_account\": account.id}") == true)
        #expect(menu.items[2].payload.contains("-H 'Stripe-Version: ") == true)
        #expect(menu.items[2].payload.contains("-H \"Stripe-Account: $ACCOUNT_ID\"") == true)
        // c after the last step hides the code again.
        let steps = copying.plan.steps.count
        #expect(model(100, 30, after: typed(String(repeating: "c", count: steps + 1))).codeStep == nil)
    }

    @Test("Without colour no cell keeps a colour role")
    func monochromeHasNoRoles() {
        let frame = render(model(140, 40, after: keys(.down, .down, .enter)), color: false)
        #expect(frame.cells.allSatisfy { $0.role == .plain })
        #expect(frame.cells.contains { $0.style.contains(.reverse) })
    }
}

/// Issue 12's frames: the plan strip, every option at once, and what a choice changed.
@Suite("Golden frames: helping the user choose")
struct ChoosingGoldenTests {
    @Test("80x24: the plan strip under the properties, flagging the change the last choice made")
    func planStrip() throws {
        let frame = render(model(80, 24, after: typed("2") + keys(.end, .enter)))
        #expect(frame.text.contains(" Plan: "))
        try expectGolden("80x24-plan-strip", frame)
    }

    @Test("160x45: all five properties with all their options, beside the explanation and the steps")
    func everyOption() throws {
        try expectGolden("160x45-every-option", render(model(160, 45, after: typed("3"))))
    }

    @Test("120x40: the notice after API onboarding moved three properties, the moved rows highlighted, the steps marked")
    func movedThree() throws {
        let shown = model(120, 40, after: keys(.down, .down, .enter))
        #expect(shown.movedProperties.count == 3)
        let frame = render(shown)
        #expect(frame.lines.contains { $0.contains("~1.") || $0.contains("+") })
        try expectGolden("120x40-moved-three", frame)
    }

    @Test("100x30: the preset chooser of a first start, over the dimmed guide")
    func presetChooser() throws {
        try expectGolden("100x30-presets", render(firstStart(100, 30)))
    }
}
