import ConnectGuideCore
import Testing

@testable import ConnectGuideTUI

@Suite("Key decoding and mouse hit-testing")
struct InputTests {
    let decoder = KeyDecoder(codes: Terminal.keyCodes)
    let codes = Terminal.keyCodes

    @Test("ncurses key codes become keys")
    func keyCodes() {
        let expected: [(Int32, DecodedInput)] = [
            (codes.up, .key(.up)), (codes.down, .key(.down)), (codes.left, .key(.left)), (codes.right, .key(.right)),
            (codes.backTab, .key(.backTab)), (codes.pageUp, .key(.pageUp)), (codes.pageDown, .key(.pageDown)),
            (codes.home, .key(.home)), (codes.end, .key(.end)), (codes.enter, .key(.enter)),
            (codes.backspace, .key(.backspace)), (codes.resize, .resize), (codes.mouse, .mouse),
        ]
        for (code, decoded) in expected {
            #expect(decoder.decode(.keyCode(code)) == decoded)
        }
        #expect(decoder.decode(.keyCode(9999)) == nil)
    }

    @Test("Control characters: Tab, Enter (CR and LF), Esc, Ctrl-L, Ctrl-U, Backspace")
    func controls() {
        #expect(decoder.decode(.character(0x09)) == .key(.tab))
        #expect(decoder.decode(.character(0x0D)) == .key(.enter))
        #expect(decoder.decode(.character(0x0A)) == .key(.enter))
        #expect(decoder.decode(.character(0x1B)) == .key(.escape))
        #expect(decoder.decode(.character(0x0C)) == .key(.redraw))
        #expect(decoder.decode(.character(0x15)) == .key(.clearLine))
        #expect(decoder.decode(.character(0x7F)) == .key(.backspace))
        #expect(decoder.decode(.character(0x01)) == .key(.control("a")))
        #expect(decoder.decode(.character(0x12)) == .key(.control("r")))
        #expect(decoder.decode(.character(0x1C)) == nil)
    }

    @Test("Printable and wide characters come through whole")
    func characters() {
        #expect(decoder.decode(.character(UInt32(("q" as Unicode.Scalar).value))) == .key(.character("q")))
        #expect(decoder.decode(.character(0x20)) == .key(.character(" ")))
        #expect(decoder.decode(.character(0x6F22)) == .key(.character("漢")))
    }

    @Test("A click on an option row chooses that option; on a selector row, focuses that property")
    func clickTargets() throws {
        let frame = render(model(140, 40))
        let apiRow = try #require(row(of: "( ) API", in: frame))
        let apiColumn = try #require(column(of: "API", row: apiRow, in: frame))
        #expect(mouseEvent(MouseInput(column: apiColumn, row: apiRow, action: .press), on: frame) == .click(.option(.onboarding, "api")))
        let chargeRow = try #require(row(of: "3 Charge type", in: frame))
        #expect(mouseEvent(MouseInput(column: 5, row: chargeRow, action: .press), on: frame) == .click(.property(.chargeType)))
        // The preview lines under an option belong to it too.
        let previewRow = try #require(row(of: "→ sets", in: frame))
        #expect(frame.target(column: 10, row: previewRow) == .option(.onboarding, "api"))
        #expect(frame.target(column: 0, row: 0) == .background)
    }

    @Test("The wheel scrolls the pane under the pointer")
    func wheel() {
        let frame = render(model(140, 40))
        #expect(mouseEvent(MouseInput(column: 100, row: 10, action: .wheelDown), on: frame) == .scroll(.steps, 3))
        #expect(mouseEvent(MouseInput(column: 10, row: 30, action: .wheelUp), on: frame) == .scroll(.explanation, -3))
        #expect(mouseEvent(MouseInput(column: 10, row: 0, action: .wheelUp), on: frame) == nil)
    }

    @Test("Clicking through the real renderer and update chooses the option")
    func clickEndToEnd() throws {
        let start = model(140, 40, after: typed("3"))
        let frame = render(start)
        let separateRow = try #require(row(of: "( ) Separate charges and transfers", in: frame))
        let event = try #require(mouseEvent(MouseInput(column: 8, row: separateRow, action: .press), on: frame))
        #expect(start.update(event).model.state.selection[.chargeType] == "separate")
    }

    @Test("Under the help overlay nothing else can be clicked")
    func overlayCovers() throws {
        let frame = render(model(140, 40, after: typed("?")))
        let inside = frame.target(column: 70, row: 20)
        #expect(inside == .scrollArea(.help) || inside == .overlay)
    }
}
