import Foundation
import Testing

@testable import RepCountJSON

@Suite struct JSONWriterTests {
    private func number(_ v: Double, _ decimals: Int) -> String {
        var w = JSONWriter()
        w.number(v, decimals: decimals)
        return w.string
    }

    @Test func fixedPointDropsTrailingZeros() {
        #expect(number(6, 3) == "6")
        #expect(number(12.1, 3) == "12.1")
        #expect(number(20.4, 3) == "20.4")
        #expect(number(0.005, 3) == "0.005")
        #expect(number(1.0504, 3) == "1.05")
        #expect(number(123456.789, 3) == "123456.789")
        #expect(number(7, 0) == "7")
    }

    @Test func roundsHalfAwayFromZero() {
        #expect(number(2.5, 0) == "3")
        #expect(number(-2.5, 0) == "-3")
        #expect(number(1.23456, 2) == "1.23")
        #expect(number(0.0996, 3) == "0.1")
    }

    @Test func negativeValuesAndNegativeZero() {
        #expect(number(-1.25, 3) == "-1.25")
        #expect(number(-0.0004, 3) == "0")
        #expect(number(-0.0, 3) == "0")
        #expect(number(-0.05, 3) == "-0.05")
    }

    @Test func nonFiniteIsNull() {
        #expect(number(.nan, 3) == "null")
        #expect(number(.infinity, 3) == "null")
        #expect(number(-.infinity, 3) == "null")
    }

    @Test func hugeValuesStayValidJSON() throws {
        for v in [1e300, -4.5e20, 9.1e12] {
            let text = number(v, 3)
            let parsed = try JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)) as? [NSNumber]
            #expect(parsed?.first?.doubleValue == v, "\(text)")
        }
    }

    @Test func commasAndNesting() {
        var w = JSONWriter()
        w.beginObject()
        w.field("a", 1)
        w.key("list")
        w.beginArray()
        w.int(1)
        w.beginObject()
        w.field("b", true)
        w.field("c", nil as String?)
        w.endObject()
        w.beginArray()
        w.endArray()
        w.endArray()
        w.field("d", "x")
        w.endObject()
        w.newline()
        #expect(w.string == #"{"a":1,"list":[1,{"b":true,"c":null},[]],"d":"x"}"# + "\n")
    }

    @Test func stringsAreEscapedAndRoundTrip() throws {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{07} é 🦵"
        var w = JSONWriter()
        w.beginArray()
        w.string(text)
        w.endArray()
        let parsed = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String]
        #expect(parsed == [text])
        #expect(!w.bytes.contains(0x07))
    }

    @Test func resetKeepsWorkingForTheNextLine() {
        var w = JSONWriter()
        w.beginObject()
        w.field("a", 1)
        w.endObject()
        w.newline()
        w.reset()
        w.beginObject()
        w.field("b", 2)
        w.endObject()
        #expect(w.string == #"{"b":2}"#)
    }

    @Test func integersAtTheLimits() {
        var w = JSONWriter()
        w.beginArray()
        w.int(Int.min)
        w.int(Int.max)
        w.int(0)
        w.endArray()
        #expect(w.string == "[\(Int.min),\(Int.max),0]")
    }
}
