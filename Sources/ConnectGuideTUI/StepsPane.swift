// The steps panel: the numbered steps with their links, the cautions and the account
// configuration, memoised for the selection and width; and the one-line plan strip.

import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideText

/// The steps panel: numbered steps with links, then advisories and the account configuration.
/// Depends only on the selection and the width (see `LayoutMemo`).
func stepsContent(model: AppModel, width: Int) -> [TextLine] {
    let measure = model.displayWidth
    let plan = model.plan
    let text = model.guide.text.tui
    var lines: [TextLine] = []
    for step in plan.steps {
        let number = "\(step.number). "
        var title = hangingParagraph(step.title, prefix: number, width: width, style: [.bold], role: .heading, displayWidth: measure)
        // "+" new, "~" changed by the last change of selection, in the column before the number.
        if let mark = model.stepMarks[step.slot], !title.isEmpty, !title[0].spans.isEmpty {
            title[0].spans[0].text.removeFirst()
            title[0].spans.insert(Span(text: String(mark.rawValue), style: [.bold, .reverse], role: .notice), at: 0)
        }
        if !title.isEmpty { title[0].block = .step(number: step.number, mark: model.stepMarks[step.slot]) }
        lines += title
        let indent = String(repeating: " ", count: measure.of(number))
        lines += hangingParagraph(step.text, prefix: indent, width: width, displayWidth: measure)
        for link in step.links {
            lines += linkLines(label: link.label, url: link.url, indent: indent, width: width, model: model)
        }
        if model.codeStep == step.number,
            let code = model.guide.quickstartStepCode(plan, api: .v1, language: .python, step: step.number)
        {
            lines += codeLines(code, heading: text.codeHeading, width: width, displayWidth: measure)
        }
        lines.append(.blank)
    }
    // Stripe's recommendations the selection goes against first, then the page's callouts
    // and the advisories.
    let cautions = plan.cautions
    if !cautions.isEmpty || !plan.callouts.isEmpty {
        lines.append(TextLine(" " + text.cautionsHeading, style: [.bold, .underline], role: .heading))
        for caution in cautions where caution.kind == .recommendation {
            lines += hangingParagraph(
                text.againstRecommendation(title: caution.title), prefix: "! ", width: width, style: [.bold], role: .warning, displayWidth: measure)
            lines += hangingParagraph(caution.text, prefix: "  ", width: width, displayWidth: measure)
        }
        for callout in plan.callouts {
            lines += hangingParagraph(callout.title, prefix: "* ", width: width, style: [.bold], role: .warning, displayWidth: measure)
            lines += hangingParagraph(callout.text, prefix: "  ", width: width, displayWidth: measure)
        }
        for caution in cautions where caution.kind == .advisory {
            lines += hangingParagraph(caution.title, prefix: "* ", width: width, style: [.bold], role: .warning, displayWidth: measure)
            lines += hangingParagraph(caution.text, prefix: "  ", width: width, displayWidth: measure)
        }
        lines.append(.blank)
    }
    let configuration = plan.configuration(for: .v1)
    lines.append(TextLine(" " + text.accountConfigurationHeading, style: [.bold, .underline], role: .heading))
    lines += hangingParagraph(
        text.requestWith(method: configuration.method, endpoint: configuration.endpoint), prefix: "", width: width, role: .muted, displayWidth: measure)
    for parameter in configuration.parameters {
        lines += hangingParagraph("\(parameter.name)=\(parameter.value)", prefix: "  ", width: width, displayWidth: measure)
    }
    if !configuration.onBehalfOf.isEmpty {
        let added = configuration.onBehalfOf.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
        lines += hangingParagraph(text.onBehalfOfAlso(parameters: added), prefix: "  ", width: width, role: .muted, displayWidth: measure)
    }
    lines += hangingParagraph(
        "Stripe-Version: \(plan.apiVersion)", prefix: "", width: width, role: .muted, displayWidth: measure)
    if let legacy = plan.legacyType {
        lines += hangingParagraph(model.guide.legacyTypeSentence(legacy), prefix: "", width: width, role: .muted, displayWidth: measure)
    }
    return lines
}

/// A step's code under it: a heading line, then the code cut into pieces that fit, each
/// piece after the first of a line marked `↪` (code is not reflowed at spaces).
func codeLines(_ code: String, heading: String, width: Int, displayWidth measure: DisplayWidth) -> [TextLine] {
    var lines = [TextLine("  " + heading, style: [.bold], role: .heading)]
    let room = max(width - 2, 8)
    for line in code.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
        var rest = Substring(line)
        var first = true
        repeat {
            var piece = ""
            var used = 0
            let limit = first ? room : room - 2
            while let character = rest.first {
                let w = measure.of(String(character))
                if used + w > limit { break }
                piece.append(character)
                used += w
                rest.removeFirst()
            }
            if piece.isEmpty, let character = rest.first { piece.append(character); rest.removeFirst() }
            // Comments are prose: break them at a space when one is near.
            if line.drop(while: { $0 == " " }).hasPrefix("#"), !rest.isEmpty {
                if rest.first != " ", let space = piece.lastIndex(of: " "), piece.distance(from: piece.startIndex, to: space) > limit / 2 {
                    rest = piece[piece.index(after: space)...] + rest
                    piece = String(piece[..<space])
                }
                while rest.first == " " { rest.removeFirst() }
            }
            lines.append(TextLine((first ? "  " : "  ↪ ") + piece, role: .muted))
            first = false
        } while !rest.isEmpty
    }
    return lines
}

/// The plan in one line, for when the steps pane is not on screen (or is, by itself):
/// steps, what the last change did to them, cautions, and the key that switches panes.
func planStripLine(model: AppModel) -> TextLine {
    let plan = model.plan
    let added = model.stepMarks.values.filter { $0 == .added }.count
    let changed = model.stepMarks.values.filter { $0 == .changed }.count
    // As many as the steps pane lists under "Cautions": the page's callouts too.
    let cautions = plan.cautions.count + plan.callouts.count
    let text = model.guide.text.tui
    var spans = [Span(text: " " + text.planStripLabel, style: [.bold], role: .heading), Span(text: text.planStepCount(count: plan.steps.count))]
    if added + changed > 0 {
        let what = [added > 0 ? text.planStripNew(count: added) : nil, changed > 0 ? text.planStripChanged(count: changed) : nil].compactMap { $0 }
        spans.append(Span(text: " (" + what.joined(separator: text.planStripSeparator) + ")", style: [.bold], role: .notice))
    }
    spans.append(Span(text: " · "))
    spans.append(Span(text: text.cautionCount(count: cautions), style: cautions > 0 ? [.bold] : [], role: cautions > 0 ? .warning : .plain))
    let key = model.stackedPane == .properties ? text.planStripShow : text.planStripBack
    spans.append(Span(text: " · " + key, role: .muted))
    return TextLine(spans)
}

/// The steps panel's lines at a width, memoised (see `LayoutMemo`).
func stepsLines(model: AppModel, width: Int) -> [TextLine] {
    model.memo.stepsLines(for: model.state.selection, marks: model.stepMarks, codeStep: model.codeStep, width: width) {
        stepsContent(model: model, width: width)
    }
}

extension AppModel {
    /// The row of the steps panel where the first new or changed step starts.
    func firstMarkedStepRow() -> Int? {
        guard !stepMarks.isEmpty else { return nil }
        let layout = ScreenLayout(self)
        guard layout.mode != .tooSmall else { return nil }
        return stepsLines(model: self, width: layout.stepsWidth).firstIndex {
            if case .step(_, _?)? = $0.block { true } else { false }
        }
    }
}
