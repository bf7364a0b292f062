import ConnectGuideText
import ArgumentParser
import ConnectGuideCore
import ConnectGuideContent
import ConnectGuideStorage

struct UrlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "url",
        abstract: cliText.urlAbstract,
        discussion: cliText.urlDiscussion)

    // The guide's own flags, read here only to refuse them (ConnectGuide.refuseGuideFlags).
    @ParentCommand var root: ConnectGuide

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var resume: ResumeOption
    @OptionGroup var output: OutputOptions

    func run() throws {
        var selection = self.selection.flags
        selection.resume = try root.checkedResume(in: "url", format: false, own: resume)
        let output = self.output.flags
        let guide = try selection.guide(localizedGuide)
        let completion = try selection.completion(in: guide) { printNotice($0, in: guide) }
        for move in completion.implied { printNotice(.implied(move), in: guide) }
        try output.emit(guide.url(for: completion.selection) + "\n")
    }
}
