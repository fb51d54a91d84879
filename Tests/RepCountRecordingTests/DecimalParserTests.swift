import Foundation
import Testing

@testable import RepCountRecording

@Suite struct DecimalParserTests {
    @Test(arguments: [
        ("0", 0.0), ("9.795", 9.795), ("-9.795", -9.795), ("+2.", 2.0), (".5", 0.5), ("-.5", -0.5),
        ("1e3", 1000.0), ("1E-3", 0.001), ("6.02e+23", 6.02e23), ("0.000", 0.0), ("007.50", 7.5),
        ("36000.01", 36000.01), ("123456789012345678901234", 123456789012345678901234.0),
        ("0.1000000000000000055511151231257827", 0.1), ("2.2250738585072014e-308", 2.2250738585072014e-308),
        ("4.9e-324", Double.leastNonzeroMagnitude), ("1e-400", 0.0), ("0e999", 0.0),
    ])
    func parsesNumbers(_ text: String, _ expected: Double) {
        #expect(DecimalParser.parse(text) == .value(expected), "\(text)")
    }

    @Test func negativeZeroKeepsItsSign() throws {
        guard case let .value(v) = DecimalParser.parse("-0.0") else {
            Issue.record("not parsed")
            return
        }
        #expect(v == 0 && v.sign == .minus)
    }

    @Test(arguments: ["", "-", "+", ".", "-.", "e5", "1e", "1e+", "1.2.3", "1,5", "0x10", "1 2", " 1", "1 ", "abc", "9.8m", "--1", "1e5.5", "nana", "infinit"])
    func rejectsMalformed(_ text: String) {
        #expect(DecimalParser.parse(text) == .malformed, "\(text)")
    }

    @Test(arguments: ["nan", "NaN", "-nan", "inf", "-Inf", "+INFINITY", "infinity", "1e999", "-1.8e308"])
    func reportsNonFinite(_ text: String) {
        #expect(DecimalParser.parse(text) == .nonFinite, "\(text)")
    }

    /// Against the C library on many generated literals: every digit count,
    /// both paths, exponents near the fast path's edge.
    @Test func agreesWithStrtodBitForBit() {
        var rng = SplitMix64(seed: 0x5EED)
        for _ in 0..<200_000 {
            var text = rng.next() % 2 == 0 ? "" : "-"
            let intDigits = Int(rng.next() % 12)
            let fracDigits = Int(rng.next() % 22)
            for _ in 0..<intDigits { text.append(Character(String(rng.next() % 10))) }
            if fracDigits > 0 || intDigits == 0 {
                text += "."
                for _ in 0..<max(fracDigits, 1) { text.append(Character(String(rng.next() % 10))) }
            }
            if rng.next() % 3 == 0 { text += "e\(Int(rng.next() % 61) - 30)" }
            let expected = strtod(text, nil)
            guard case let .value(v) = DecimalParser.parse(text) else {
                Issue.record("\(text) not parsed")
                return
            }
            if v.bitPattern != expected.bitPattern {
                Issue.record("\(text): \(v) != strtod \(expected)")
                return
            }
        }
    }
}

extension DecimalParserTests {
    /// The reader's one-pass fast path must give the same bits as the general
    /// parser (and strtod) wherever it answers, and stop right after the number.
    @Test func commonPrefixAgreesWithStrtod() {
        var rng = SplitMix64(seed: 0xFA57)
        var answered = 0
        for _ in 0..<200_000 {
            var text = rng.next() % 2 == 0 ? "" : "-"
            for _ in 0..<Int(rng.next() % 8) { text.append(Character(String(rng.next() % 10))) }
            if rng.next() % 4 != 0 {
                text += "."
                for _ in 0..<Int(rng.next() % 14) { text.append(Character(String(rng.next() % 10))) }
            }
            let suffix = [",", "", " ,", "\r"][Int(rng.next() % 4)]
            let shown = text + suffix
            var full = shown
            full.withUTF8 { bytes in
                var p = bytes.baseAddress!
                let end = p + bytes.count
                guard let v = DecimalParser.parseCommonPrefix(&p, end) else { return }
                answered += 1
                #expect(p - bytes.baseAddress! == text.utf8.count, "\(shown)")
                #expect(v.bitPattern == strtod(text, nil).bitPattern, "\(text)")
            }
        }
        #expect(answered > 150_000)  // the fast path must take the common case
    }

    @Test(arguments: ["+1", "1e3", "12345678901234567890", "0.12345678901234567890123", ".", "-", "x"])
    func commonPrefixDefersToTheGeneralParser(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var p = bytes.baseAddress!
            #expect(DecimalParser.parseCommonPrefix(&p, p + bytes.count) == nil)
            #expect(p == bytes.baseAddress!)
        }
    }
}

/// A small deterministic generator so the property test is reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
