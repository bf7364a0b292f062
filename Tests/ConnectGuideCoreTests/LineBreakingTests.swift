import FuzzSupport
import Testing

@testable import ConnectGuideDocuments

/// Line breaking in the guide's languages: Japanese between characters with its rules,
/// Latin words whole, long words cut by display width.
@Suite("Line breaking in every language")
struct LineBreakingTests {
    @Test("Japanese breaks between characters, measured two columns each")
    func japaneseBreaksBetweenCharacters() {
        #expect(wrap("連結アカウントを作成します", width: 10) == ["連結アカウ", "ントを作成", "します"])
        #expect(wrap("連結アカウント 作成", width: 20) == ["連結アカウント 作成"])
        for line in wrap("連結アカウントを作成します", width: 7) { #expect(terminalColumns(of: line) <= 7) }
    }

    @Test("no line starts with 、 。 ） 」 ー or a small kana: it goes down with the character before it")
    func noLineStartsWithClosingPunctuation() {
        // Cut by characters, the second line would start with 、.
        #expect(wrap("あいうえお、かきくけこ", width: 10) == ["あいうえ", "お、かきく", "けこ"])
        #expect(wrap("あいうえお。かきくけこ", width: 10) == ["あいうえ", "お。かきく", "けこ"])
        #expect(wrap("あいうえ（お）かき", width: 10) == ["あいうえ", "（お）かき"])
        #expect(wrap("あいうえ「お」かき", width: 10) == ["あいうえ", "「お」かき"])
        #expect(wrap("あいうえおーかき", width: 10) == ["あいうえ", "おーかき"])
        #expect(wrap("あいうえおっかき", width: 10) == ["あいうえ", "おっかき"])
        #expect(wrap("あいうえお？かき", width: 10) == ["あいうえ", "お？かき"])
        #expect(wrap("あいうえお・かき", width: 10) == ["あいうえ", "お・かき"])
    }

    @Test("the rules read a character of one scalar by its value, and one of several as the same character")
    func rulesByScalarAndByCharacter() {
        #expect(mayNotStartLine("。") && mayNotStartLine("ッ") && mayNotStartLine("ー") && mayNotStartLine("?"))
        #expect(!mayNotStartLine("あ") && !mayNotStartLine("a") && !mayNotStartLine("「"))
        #expect(mayNotEndLine("「") && mayNotEndLine("(") && !mayNotEndLine("」"))
        // ゞ written as ゝ and a combining voiced mark is still ゞ.
        #expect(mayNotStartLine("\u{309D}\u{3099}"))
        #expect(!mayNotStartLine("\u{304B}\u{3099}"))  // が, decomposed: an ordinary kana
    }

    @Test("no line ends with an opening bracket: it goes down with what it opens")
    func noLineEndsWithOpeningBracket() {
        #expect(wrap("これは「連結アカウント」です", width: 8) == ["これは", "「連結ア", "カウン", "ト」です"])
        let lines = wrap("これは「連結アカウント」です", width: 8)
        #expect(lines.first == "これは")
        #expect(lines.allSatisfy { $0.last.map { !"「（『【".contains($0) } ?? true }, "\(lines)")
        #expect(wrap("あいう（えお）", width: 8) == ["あいう", "（えお）"])
        #expect(wrap("あいう『えお』", width: 8) == ["あいう", "『えお』"])
    }

    @Test("an API name or an address inside Japanese text stays whole when it fits on a line")
    func latinRunsStayWhole() {
        let text = "支払いには`payment_intents`を使います"
        #expect(wrap(text, width: 20) == ["支払いには", "`payment_intents`を", "使います"])
        let address = "詳しくはhttps://docs.stripe.com/ja-jp/connectを参照"
        let lines = wrap(address, width: 44)
        #expect(lines.contains { $0.contains("https://docs.stripe.com/ja-jp/connect") }, "\(lines)")
        // Wider than the line, it is cut (on screen) or kept whole (in documents).
        #expect(wrap("あ`payment_intents`い", width: 8).allSatisfy { terminalColumns(of: $0) <= 8 })
        #expect(breakLines("あ`payment_intents`い", width: 8, cutsLongWords: false) == ["あ", "`payment_intents`", "い"])
    }

    @Test("a German compound wider than the line is cut to the width in columns; narrower ones move down whole")
    func longCompounds() {
        let compound = "Kontoverwaltungsberechtigungen"
        #expect(wrap(compound, width: 12) == ["Kontoverwalt", "ungsberechti", "gungen"])
        #expect(wrap("Die Zahlungsempfängerkonten", width: 10) == ["Die", "Zahlungsem", "pfängerkon", "ten"])
        #expect(wrap("Für Plattformbetreiber", width: 20) == ["Für", "Plattformbetreiber"])
        // Wide characters inside a too-long word: no piece is wider than the line.
        for width in 2...9 {
            for line in wrap("Konto連結アカウントverwaltung", width: width) { #expect(terminalColumns(of: line) <= width, "\(line) at \(width)") }
        }
    }

    @Test("random Japanese and Latin text: lines keep to the width, lose nothing, and keep the rules")
    func randomMixedText() {
        var random = SeededGenerator(seed: fuzzSeed(0x1A9A))
        // Words as the translations write them: an opening bracket or none, the text, a
        // closing mark or none. No piece that may not be broken is wider than 16 columns.
        let openings = ["", "", "", "「", "（", "『"]
        let contents = ["連結", "アカウント", "を", "作成", "します", "`account`", "API", "Stripe", "の", "支払い"]
        let closings = ["", "", "", "、", "。", "」", "）", "ー", "っ", "？", "・", "ょ"]
        for _ in 0..<fuzzIterations(2_000) {
            var text = ""
            var previousIsLatin = false
            for _ in 0..<Int.random(in: 0...16, using: &random) {
                let opening = openings.randomElement(using: &random)!
                let content = contents.randomElement(using: &random)!
                let isLatin = content.first!.isASCII && opening.isEmpty
                let separator = [" ", "\n", "", "", ""].randomElement(using: &random)!
                text += (previousIsLatin && isLatin && separator.isEmpty ? " " : separator) + opening + content + closings.randomElement(using: &random)!
                previousIsLatin = content.last!.isASCII
            }
            let width = Int.random(in: 16...30, using: &random)
            let lines = wrap(text, width: width)
            let context = "\(lines) of \(text.debugDescription) at \(width)"
            #expect(lines.joined().filter { $0 != " " && $0 != "\n" } == text.filter { $0 != " " && $0 != "\n" }, "\(context)")
            for line in lines {
                #expect(terminalColumns(of: line) <= width, "\(context)")
                if let first = line.first { #expect(!mayNotStartLine(first), "\(context)") }
                if let last = line.last { #expect(!mayNotEndLine(last), "\(context)") }
            }
            #expect(breakLines(text, width: width, cutsLongWords: false) == lines, "no piece is too wide to cut: \(context)")
        }
    }

    @Test("Latin text breaks at spaces only, as the fast path does; Japanese text in documents wraps too")
    func latinTextUnchanged() {
        #expect(breakLines("the quick brown fox jumps over the lazy dog", width: 10) == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
        #expect(breakLines("https://docs.stripe.com/connect/express-accounts", width: 10, cutsLongWords: false) == ["https://docs.stripe.com/connect/express-accounts"])
        #expect(breakLines("連結アカウントを作成します", width: 10, cutsLongWords: false) == ["連結アカウ", "ントを作成", "します"])
    }

    @Test("French spaced punctuation stays with its word: no line starts with ? or » nor ends with «; ¿ stays with its word")
    func frenchSpacing() {
        #expect(wrap("Le compte connecté « Express » ?", width: 14) == ["Le compte", "connecté", "« Express » ?"])
        #expect(wrap("Quel tableau de bord ? Le compte", width: 13) == ["Quel tableau", "de bord ? Le", "compte"])
        #expect(wrap("Voici : les frais", width: 7) == ["Voici :", "les", "frais"])
        #expect(wrap("Usted ¿ quiere", width: 8) == ["Usted", "¿ quiere"])
        // Found from the bytes, as the fast way needs.
        #expect(hasBindingSpace("connecté ?") && hasBindingSpace("« Express") && hasBindingSpace("あ 。") && hasBindingSpace("x ( y") && hasBindingSpace("« »"))
        #expect(!hasBindingSpace("the fees (who pays), and the rest."))
        #expect(!hasBindingSpace("Stripe's fees: who pays? Your platform."))
    }

    @Test("columns: Japanese two, combining marks none; padding aligns by columns")
    func columns() {
        #expect(terminalColumns(of: "連結") == 4)
        #expect(terminalColumns(of: "Konto") == 5)
        #expect(terminalColumns(of: "e\u{301}") == 1)
        #expect(terminalColumns(of: "ｶ") == 1)
        #expect("連結".padded(to: 6) == "連結  ")
        #expect("連結".leftPadded(to: 6) == "  連結")
        #expect(terminalColumns(of: "料金".padded(to: 10)) == terminalColumns(of: "Gebühren".padded(to: 10)))
    }
}
