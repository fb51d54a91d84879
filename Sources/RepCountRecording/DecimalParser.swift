#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses one decimal number from the bytes of a CSV field, exactly and fast.
///
/// Grammar: `[+-] digits [. digits] [(e|E) [+-] digits]`, with at least one
/// digit before or after the point (`1`, `-1.5`, `.5`, `2.`, `6.02e23`).
/// Nothing else: no spaces (the caller trims), no hex, no `nan`/`inf`
/// (recognised only to report them as non-finite).
///
/// Recorded values have few digits (`9.795`, `12.3400`), so almost every
/// field takes the exact fast path: the significand fits in 2^53 and the
/// power of ten is at most 10^22, both exactly representable, so one IEEE
/// multiplication or division gives the correctly rounded result (Clinger
/// 1990). Anything longer falls back to the C library's `strtod`, which
/// rounds correctly too.
public enum DecimalParser {
    /// What a field holds.
    public enum Result: Equatable, Sendable {
        case value(Double)
        /// `nan`, `inf`, `infinity` (any case, any sign), or a literal too large for a Double.
        case nonFinite
        /// Not a number by the grammar above.
        case malformed
    }

    /// Largest significand the fast path takes: every integer up to 2^53 is exact.
    private static let maxExactSignificand: UInt64 = 1 << 53
    /// Significand digits kept while scanning; 19 always fit in a UInt64.
    private static let maxKeptDigits = 19
    /// Exponent magnitude beyond which the value is 0 or infinite anyway;
    /// capping it keeps the accumulation from overflowing.
    private static let exponentCap = 100_000
    /// Longest field handed to `strtod` from a stack buffer.
    private static let stackFieldLimit = 128

    /// 10^n for n in 0...22, the exactly representable powers of ten
    /// (10^23 is the first that is not). A switch, not a global array, so the
    /// hot path has no lazy-initialisation check and no bounds check.
    @inline(__always)
    static func exactPowerOfTen(_ n: Int) -> Double {
        switch n {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// The common case in one pass: `[-]digits[.digits]` with at most 19
    /// digits, no exponent, exact on the fast path. Parses from `p` as far as
    /// the number goes and moves `p` past it; returns `nil` without moving
    /// `p` when the text needs the general parser (which also judges errors).
    /// The caller checks what follows the number.
    @inline(__always)
    static func parseCommonPrefix(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Double? {
        var q = p
        let negative = q < end && q.pointee == UInt8(ascii: "-")
        if negative { q += 1 }
        var significand: UInt64 = 0
        let digitsStart = q
        while q < end, case let d = q.pointee &- UInt8(ascii: "0"), d < 10 {
            significand = significand &* 10 &+ UInt64(d)
            q += 1
        }
        var digits = q - digitsStart
        var fractionDigits = 0
        if q < end, q.pointee == UInt8(ascii: ".") {
            q += 1
            let fractionStart = q
            while q < end, case let d = q.pointee &- UInt8(ascii: "0"), d < 10 {
                significand = significand &* 10 &+ UInt64(d)
                q += 1
            }
            fractionDigits = q - fractionStart
            digits += fractionDigits
        }
        // 19 digits always fit a UInt64, so the wrapping arithmetic above
        // did not wrap; an exponent or a long fraction goes the general way.
        guard digits > 0, digits <= maxKeptDigits, significand <= maxExactSignificand, fractionDigits <= 22 else {
            return nil
        }
        if q < end, q.pointee | 0x20 == UInt8(ascii: "e") { return nil }
        p = q
        let v = Double(significand) / exactPowerOfTen(fractionDigits)
        return negative ? -v : v
    }

    /// Parses the whole of `bytes`.
    @inlinable
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .malformed }
        return parse(base, base + bytes.count)
    }

    /// Parses the whole of `text` (for tests and tools; the reader uses the pointer form).
    public static func parse(_ text: String) -> Result {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Parses the bytes `start ..< end`; all of them must belong to the number.
    @usableFromInline
    static func parse(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Result {
        var p = start
        var negative = false
        if p < end, p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+") {
            negative = p.pointee == UInt8(ascii: "-")
            p += 1
        }
        var significand: UInt64 = 0
        var kept = 0  // significant digits held in `significand`
        var exponent = 0  // decimal exponent applied to `significand`
        var truncated = false
        var sawDigit = false

        while p < end, case let d = p.pointee &- UInt8(ascii: "0"), d < 10 {
            sawDigit = true
            if kept < maxKeptDigits {
                significand = significand &* 10 &+ UInt64(d)
                if significand != 0 { kept += 1 }
            } else {
                exponent += 1
                if d != 0 { truncated = true }
            }
            p += 1
        }
        if p < end, p.pointee == UInt8(ascii: ".") {
            p += 1
            while p < end, case let d = p.pointee &- UInt8(ascii: "0"), d < 10 {
                sawDigit = true
                if kept < maxKeptDigits {
                    significand = significand &* 10 &+ UInt64(d)
                    if significand != 0 { kept += 1 }
                    exponent -= 1
                } else if d != 0 {
                    truncated = true
                }
                p += 1
            }
        }
        guard sawDigit else { return isNonFiniteWord(p, end) ? .nonFinite : .malformed }
        if p < end, p.pointee | 0x20 == UInt8(ascii: "e") {
            p += 1
            var negativeExponent = false
            if p < end, p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+") {
                negativeExponent = p.pointee == UInt8(ascii: "-")
                p += 1
            }
            var value = 0
            var sawExponentDigit = false
            while p < end, case let d = p.pointee &- UInt8(ascii: "0"), d < 10 {
                sawExponentDigit = true
                if value < exponentCap { value = value * 10 + Int(d) }
                p += 1
            }
            guard sawExponentDigit else { return .malformed }
            exponent += negativeExponent ? -value : value
        }
        guard p == end else { return .malformed }

        if !truncated, significand <= maxExactSignificand, exponent >= -22, exponent <= 22 {
            var v = Double(significand)
            v = exponent < 0 ? v / exactPowerOfTen(-exponent) : v * exactPowerOfTen(exponent)
            return .value(negative ? -v : v)
        }
        if significand == 0, !truncated { return .value(negative ? -0.0 : 0.0) }
        return slowParse(start, end)
    }

    /// `strtod` on a NUL-terminated copy: correctly rounded for any length.
    private static func slowParse(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Result {
        let count = end - start
        let v: Double = withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            let raw = UnsafeMutableRawPointer(buffer.baseAddress!)
            raw.copyMemory(from: start, byteCount: count)
            buffer[count] = 0
            return strtod(buffer.baseAddress!, nil)
        }
        return v.isFinite ? .value(v) : .nonFinite
    }

    /// `nan`, `inf` or `infinity`, any case (after the sign).
    private static func isNonFiniteWord(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        let n = end - p
        func matches(_ word: StaticString) -> Bool {
            guard n == word.utf8CodeUnitCount else { return false }
            for i in 0..<n where p[i] | 0x20 != word.utf8Start[i] { return false }
            return true
        }
        return matches("nan") || matches("inf") || matches("infinity")
    }
}
