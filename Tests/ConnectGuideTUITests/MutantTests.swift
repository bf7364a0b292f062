import ConnectGuideCore
import Testing

@testable import ConnectGuideTUI

/// Each test here fails on a one-line change that once passed the whole suite (issue 17's
/// mutation run): the behaviour it pins had no other test.
@Suite("Tests that kill their mutants")
struct MutantTests {
    @Test("opening an overlay rewrites the hyperlinks of the rows it dims, or they would lose OSC 8")
    func overlayKeepsLinks() {
        let guideOnly = model(140, 40)
        let before = render(guideOnly)
        let after = render(guideOnly.update(.key(.character("y"))).model)
        let changes = after.changes(since: before)
        // Links still on screen whose cells the overlay's dimming redrew.
        let redrawn = after.links.filter { link in
            before.links.contains(link) && changes.indices.contains(link.row)
                && changes[link.row].map { $0.overlaps(link.column..<(link.column + link.width)) } == true
        }
        #expect(!redrawn.isEmpty, "the copy menu dims rows with links")
        let rewritten = linksToRewrite(after, changes: changes, previous: before)
        for link in redrawn { #expect(rewritten.contains(link), "\(link)") }
        // A link beside the change keeps its hyperlink and is not sent again.
        let untouched = after.links.filter { link in before.links.contains(link) && !redrawn.contains(link) }
        for link in untouched { #expect(!rewritten.contains(link), "\(link)") }
    }

    @Test("the layout memo tells states apart by what was set most recently, which decides ties")
    func memoKeysRecentlySet() throws {
        // Same selection, reached in two orders: hosted / none / direct / platform / platform.
        let dashboardLast = guide.reduce(guide.reduce(guide.initialState(), .choose(.liability, "platform")), .choose(.dashboard, "none"))
        let onboardingLast = guide.reduce(dashboardLast, .choose(.onboarding, "hosted"))
        #expect(dashboardLast.selection == onboardingLast.selection)
        #expect(dashboardLast.recentlySet != onboardingLast.recentlySet)
        // Stripe liability then breaks R4; the tie goes to what was set last.
        let (first, second) = (dashboardLast, onboardingLast)
        let direct = (
            guide.consequences(ofChoosing: "stripe", for: .liability, in: first).moves,
            guide.consequences(ofChoosing: "stripe", for: .liability, in: second).moves
        )
        #expect(direct.0 != direct.1, "the two orders move different properties")
        let memo = LayoutMemo()
        #expect(memo.consequences(ofChoosing: "stripe", for: .liability, in: first, guide: guide).moves == direct.0)
        #expect(memo.consequences(ofChoosing: "stripe", for: .liability, in: second, guide: guide).moves == direct.1)
    }

    @Test("ASCII written over half of a wide character clears its other half")
    func asciiOverWideCharacter() {
        var frame = Frame(size: TerminalSize(columns: 6, rows: 1), displayWidth: .standard)
        _ = frame.write("日本", column: 0, row: 0)
        #expect(frame.text == "日本  ")
        // Its first byte lands on the tail of 日, its last on the head of 本: both are cleared.
        var across = frame
        _ = across.write("ab", column: 1, row: 0)
        #expect(across.text == " ab   ", "no orphan head of 日, no orphan tail of 本")
        #expect((0..<6).filter { across[$0, 0].isContinuation }.isEmpty)
    }
}
