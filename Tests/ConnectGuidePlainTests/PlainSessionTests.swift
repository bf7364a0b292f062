import ConnectGuideContent
import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideText
import FuzzSupport
import Testing

@testable import ConnectGuidePlain

/// Runs a plain session over the given answer lines and returns the final state, the
/// transcript and each saved selection.
/// `answers` start with question 1: the preset question before it is skipped (Enter)
/// unless `preset` names an answer for it.
private func session(
    _ answers: [String], from start: GuideState? = nil, preset: String = "", in guide: Guide = guide
) -> (state: GuideState, transcript: String, saved: [Selection]) {
    var lines = ([preset] + answers)[...]
    var transcript = ""
    var saved: [Selection] = []
    let state = PlainSession(guide: guide).run(
        from: start ?? guide.initialState(),
        readLine: { lines.popFirst() },
        write: { transcript += $0 },
        selectionChanged: { saved.append($0) })
    return (state, transcript, saved)
}

@Suite("Plain accessible mode")
struct PlainSessionTests {
    @Test("3 then four Enters chooses API onboarding and keeps what the rules set")
    func acceptance() {
        let result = session(["3", "", "", "", ""])
        #expect(result.state.selection == selection("api", "none", "direct", "platform", "platform"))
        #expect(guide.plan(for: result.state.selection).steps.count == 6)
        #expect(result.transcript.contains("Onboarding is now API."))
        #expect(result.transcript.contains("This also changes Dashboard access to None, Who pays Stripe fees to Your platform and Negative balance liability to Platform (R1"))
        #expect(result.saved == [result.state.selection])
    }

    @Test("all Enters keep the defaults and save nothing")
    func keepDefaults() {
        let result = session(["", "", "", "", ""])
        #expect(result.state.selection == guide.defaults)
        #expect(result.saved.isEmpty)
        #expect(result.transcript.components(separatedBy: "Kept ").count == 6)
    }

    @Test("end of input keeps the remaining choices")
    func endOfInput() {
        let result = session(["embedded"])
        #expect(result.state.selection[.onboarding] == "embedded")
        #expect(result.transcript.contains("End of input"))
        #expect(!result.transcript.contains("Question 3 of 5"))
    }

    @Test("answers may be numbers, CLI values, aliases or URL values, with spaces around")
    func answerForms() {
        let result = session(["  embedded ", "3", "sct", "buy-rate", "platform-liable"])
        #expect(result.state.selection == selection("embedded", "none", "separate", "platform", "platform"))
    }

    @Test("bad input re-asks, listing the valid answers, and the next answer counts")
    func badInput() {
        let result = session(["7", "banana", "2", "", "", "", ""])
        #expect(result.state.selection[.onboarding] == "embedded")
        #expect(result.transcript.contains("\"7\" is not one of the answers"))
        #expect(result.transcript.contains("\"banana\" is not one of the answers. Type a number from 1 to 3, or one of: hosted, embedded, api"))
        #expect(result.transcript.components(separatedBy: "Onboarding, 1 to 3").count == 4, "asked three times")
    }

    @Test("options that would move others say so before they are chosen")
    func preview() {
        let result = session([])
        #expect(result.transcript.contains("3. API (api). Build every onboarding screen yourself on top of Stripe's APIs. Choosing it also sets Dashboard access to None"))
        #expect(result.transcript.contains("1. Stripe-hosted (hosted), current choice."))
    }

    @Test("a later answer can move an earlier property, with a notice")
    func laterMovesEarlier() {
        // API onboarding, then the full Stripe Dashboard, which API onboarding cannot have.
        let result = session(["api", "full", "", "", ""])
        #expect(result.state.selection[.dashboard] == "full")
        #expect(result.state.selection[.onboarding] != "api")
        #expect(guide.isValid(result.state.selection))
        #expect(result.transcript.contains("This also changes Onboarding to"))
        #expect(result.saved.count == 2)
    }

    @Test("no cursor movement or colour: plain printable text only")
    func plainText() {
        let transcript = session(["3", "x", "", "", "", ""]).transcript
        #expect(!transcript.contains("\u{1B}"))
        #expect(!transcript.contains("\r"))
    }

    @Test("echoing answers makes piped transcripts readable")
    func echo() {
        var lines = ["", "2"][...]
        var transcript = ""
        _ = PlainSession(guide: guide, echoAnswers: true).run(
            from: guide.initialState(), readLine: { lines.popFirst() }, write: { transcript += $0 })
        #expect(transcript.contains("Enter keeps Stripe-hosted, b back, ? more: 2\n"))
    }

    @Test("a preset first, then b goes back a question, ? explains, and the review changes one property before printing")
    func presetsBackAndReview() {
        // Preset 3 (marketplace), then Enter on onboarding, b back to onboarding, embedded,
        // Enter on the other four, ? on nothing; at the review change 2 to None, then Enter.
        let result = session(["", "b", "embedded", "?", "", "", "", "", "2", "3", ""], preset: "3")
        #expect(result.transcript.contains("Start from a common setup?"))
        #expect(result.transcript.contains("Starting from Marketplace, Express Dashboard: Stripe-hosted, Express Dashboard, Destination charges"))
        #expect(result.transcript.components(separatedBy: "Question 1 of 5").count == 3, "asked again after b")
        #expect(result.transcript.contains("Best for: "), "? reads the options in full")
        #expect(result.transcript.contains("Your choices:"))
        #expect(result.transcript.contains("Change 1 to 5, b to go back, c for the plan's API calls as code (Python), or press Enter to print the plan"))
        #expect(result.state.selection == selection("embedded", "none", "destination", "platform", "platform"))
        #expect(!result.transcript.contains("End of input"))
    }

    @Test("b on the preset list's question goes back to the list, and a bad setup answer re-asks")
    func backToPresets() {
        let result = session(["b", "12", "saas-embedded"], preset: "")
        #expect(result.transcript.components(separatedBy: "Start from a common setup?").count == 3, "listed at start and after b")
        #expect(result.transcript.contains("\"12\" is not one of the setups"))
        #expect(result.state.selection == guide.preset("saas-embedded")!.selection)
    }

    @Test("the reducer: each answer gives its writes, a save when the selection changed, then the next question; end of input finishes")
    func reducerEffects() throws {
        let session = PlainSession(guide: guide)
        let (presets, opening) = session.start(from: guide.initialState())
        #expect(presets.stage == .presets)
        guard case .write(let intro)? = opening.first, opening.count == 1 else {
            Issue.record("start: \(opening)")
            return
        }
        #expect(intro.hasPrefix(guide.title))
        #expect(intro.hasSuffix("Enter to answer the questions from the current choices: "))

        let marketplace = try #require(session.preset(named: "3"))
        let (first, loaded) = session.step(presets, .line("3"))
        #expect(first.stage == .question(0))
        #expect(first.guideState.selection == marketplace.selection)
        #expect(loaded.count == 3)
        #expect(loaded.first.map { if case .write(let text) = $0 { text.hasPrefix("Starting from \(marketplace.label)") } else { false } } == true)
        #expect(loaded.dropFirst().first == .save(marketplace.selection))
        #expect(loaded.last.map { if case .write(let text) = $0 { text.contains("Question 1 of 5") } else { false } } == true)

        let (second, kept) = session.step(first, .line(""))
        #expect(second.stage == .question(1))
        #expect(kept.count == 1, "Enter keeps: no save")

        let (third, chosen) = session.step(second, .line("none"))
        #expect(third.guideState.selection[.dashboard] == "none")
        #expect(chosen.contains(.save(third.guideState.selection)))

        let (finished, ending) = session.step(third, .endOfInput)
        #expect(finished.stage == .finished)
        #expect(ending == [.write("\nEnd of input: keeping the current choices.\n"), .finish(third.guideState)])
        #expect(session.step(finished, .line("1")).effects.isEmpty, "nothing after the end")
    }

    @Test("the review: Enter and the end of input both finish, without the end-of-input message")
    func reducerReview() {
        let session = PlainSession(guide: guide)
        var state = session.start(from: guide.initialState()).state
        for _ in 0..<6 { state = session.step(state, .line("")).state }
        #expect(state.stage == .review)
        #expect(session.step(state, .line("")).effects == [.finish(state.guideState)])
        #expect(session.step(state, .endOfInput).effects == [.finish(state.guideState)])
        let (changing, _) = session.step(state, .line("2"))
        #expect(changing.stage == .question(1))
        let (back, _) = session.step(changing, .line("none"))
        #expect(back.stage == .review, "an answer asked from the review goes back to it")
    }

    @Test("random answers: a save is an effect exactly when an answer changed the selection, and it is the new selection")
    func reducerSaves() {
        var random = SeededGenerator(seed: fuzzSeed(41))
        let words = ["", "b", "?", "1", "2", "3", "4", "x", "api", "embedded", "full", "none", "separate", "platform", "stripe", "saas-embedded"]
        let session = PlainSession(guide: guide, echoAnswers: true)
        var changes = 0
        for trial in 0..<fuzzIterations(200) {
            var state = session.start(from: guide.initialState()).state
            for _ in 0..<40 where state.stage != .finished {
                let input = Int.random(in: 0..<40, using: &random) == 0 ? PlainInput.endOfInput : .line(words.randomElement(using: &random)!)
                let (next, effects) = session.step(state, input)
                let saves = effects.filter { if case .save = $0 { true } else { false } }
                let changed = next.guideState.selection != state.guideState.selection
                if changed { changes += 1 }
                #expect(saves == (changed ? [.save(next.guideState.selection)] : []), "trial \(trial): \(input)")
                state = next
            }
        }
        #expect(changes > 100)
    }

    @Test("a sentence ends with its locale's full stop, once: Japanese never gets \"。.\" nor a space after 。; English keeps its full stops")
    func fullStopsPerLocale() {
        // A preset list, a question with a move and a breached recommendation, ? in full,
        // the moves of an answer, the review: every place plain mode ends a sentence.
        let answers = ["?", "3", "", "", "", "", ""]
        let japanese = session(answers, preset: "", in: Guide.bundled(.ja)).transcript
        #expect(japanese.contains("。"))
        #expect(!japanese.contains("。."), "\(japanese)")
        #expect(!japanese.contains("。 "), "\(japanese)")
        let english = session(answers, preset: "", in: guide).transcript
        let hosted = guide.property(.onboarding).options[0]
        #expect(english.contains("(\(hosted.cliValue)), current choice. \(hosted.summary)."), "\(english)")
        #expect(english.contains("Best for: \(hosted.bestFor[0])."))
        #expect(!english.replacingOccurrences(of: "...", with: "").contains(".."), "a full stop doubled")
        for locale in LocaleID.allCases {
            let localized = Guide.bundled(locale)
            let transcript = session(answers, preset: "", in: localized).transcript
            #expect(!transcript.contains("。.") && !transcript.contains("。。"), "\(locale)")
            // One sentence function for every locale: a line that ends like a sentence is kept.
            #expect(localized.sentence("a.") == "a." && localized.sentence("文。") == "文。" && localized.sentence("ok?") == "ok?")
        }
        #expect(Guide.bundled(.ja).sentence("文") == "文。" && guide.sentence("word") == "word.")
    }
}
