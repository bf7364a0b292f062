import ConnectGuideDocuments
import ConnectGuideJSON
import Testing

import Foundation
import FuzzSupport

@testable import ContentLoader

@Suite("JSON reading and writing")
struct JSONTests {
    @Test("what the writer writes, the parser reads back the same")
    func roundTrip() throws {
        var random = SeededGenerator(seed: 99)
        func randomString() -> String {
            let pieces = ["a", "é", "日本", "\"", "\\", "\n", "\t", "\u{01}", "😀", " ", "/", "\u{7F}"]
            return (0..<Int.random(in: 0..<6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        func randomValue(depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &random) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &random))
            case 2: return .int(Int.random(in: -1_000_000...1_000_000, using: &random))
            case 3: return .string(randomString())
            case 4: return .array((0..<Int.random(in: 0..<4, using: &random)).map { _ in randomValue(depth: depth + 1) })
            default:
                var members: [(String, JSONValue)] = []
                for index in 0..<Int.random(in: 0..<4, using: &random) {
                    members.append(("\(randomString())#\(index)", randomValue(depth: depth + 1)))
                }
                return .object(members)
            }
        }
        for _ in 0..<2_000 {
            let value = randomValue(depth: 0)
            let text = value.serialized()
            #expect(try JSONValue.parse(Array(text.utf8)) == value, "\(text)")
            // Foundation agrees that it is JSON.
            #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)) != nil)
        }
    }

    @Test("escapes and surrogate pairs decode as the standard says")
    func escapes() throws {
        let text = #"{"a": "x\u00e9\ud83d\ude00\n\/\"", "b": [true, false, null, -12]}"#
        let value = try JSONValue.parse(Array(text.utf8))
        #expect(value["a"] == .string("xé😀\n/\""))
        #expect(value["b"] == .array([.bool(true), .bool(false), .null, .int(-12)]))
    }

    @Test("malformed documents say where and what", arguments: [
        ("", 1, 1, "unexpected end"),
        ("{\"a\": 1,}", 1, 9, "field name"),
        ("[1 2]", 1, 4, "expected , or ]"),
        ("{\"a\": tru}", 1, 7, "expected a value"),
        ("\"abc", 1, 5, "unterminated string"),
        ("{\"a\": 1}\n{", 2, 1, "after the end"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "appears twice"),
        ("[\"\\ud800\"]", 1, 9, "surrogate"),
        ("[1.5]", 1, 3, "whole numbers"),
        ("[\"a\nb\"]", 1, 4, "control character"),
    ])
    func malformed(text: String, line: Int, column: Int, problem: String) {
        do {
            _ = try JSONValue.parse(Array(text.utf8))
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.problem.contains(problem), "\(error)")
        }
    }

    @Test("invalid UTF-8 and very deep nesting are errors, not crashes")
    func hostileInput() {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse([0x22, 0xFF, 0xFE, 0x22]) }
        let deep = Array(String(repeating: "[", count: 100_000).utf8)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(deep) }
    }
}
