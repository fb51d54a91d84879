import Testing

@testable import RepCountJSON

@Suite struct JSONValueTests {
    @Test func parsesTheJSONGrammar() throws {
        let v = try JSONValue.parse(#" {"a":[1,-2.5e2,0.125,true,false,null],"b":{"c":"x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"},"d":{}} "#)
        #expect(v["a"] == .array([.number(1), .number(-250), .number(0.125), .bool(true), .bool(false), .null]))
        #expect(v["b"]?["c"]?.string == "x\"\\/\u{8}\u{c}\n\r\té😀")
        #expect(v["d"] == .object([:]))
        #expect(v["missing"] == nil)
        #expect(v["a"]?.array?[0].int == 1)
        #expect(v["a"]?.array?[2].int == nil)
    }

    @Test(arguments: [
        ("", 1), ("{", 2), ("[1,]", 4), ("{\"a\" 1}", 6), ("01", 2), ("1.", 3), ("-", 2), ("tru", 4), ("\"abc", 5),
        ("\"\\x\"", 3), ("\"\\ud800\"", 8), ("{} {}", 4), ("\"a\u{1}\"", 3), ("1e999", 6),
    ])
    func refusesInvalidTextWithAColumn(text: String, column: Int) {
        do {
            _ = try JSONValue.parse(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.column == column, "\(text): \(error)")
        }
    }

    @Test func refusesDeepNestingInsteadOfOverflowingTheStack() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { _ = try JSONValue.parse(deep) }
        let ok = String(repeating: "[", count: JSONValue.maximumDepth) + String(repeating: "]", count: JSONValue.maximumDepth)
        #expect(throws: Never.self) { _ = try JSONValue.parse(ok) }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONParseError.self) { _ = try JSONValue.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func writesBackSortedAndParsesToTheSameValue() throws {
        let v = try JSONValue.parse(#"{"b":[1,2.5,"s",null],"a":{"y":false,"x":-3}}"#)
        var w = JSONWriter()
        v.write(into: &w)
        #expect(w.string == #"{"a":{"x":-3,"y":false},"b":[1,2.5,"s",null]}"#)
        #expect(try JSONValue.parse(w.string) == v)
    }
}
