/// A small, allocation-light JSON writer that appends UTF-8 bytes to one
/// growing buffer.
///
/// The event stream is written one object per line by `repcount replay` and
/// by the daemon, so output must be deterministic (the same events give the
/// same bytes, attribute order included) and cheap: no `JSONEncoder`, no
/// dictionaries, no intermediate strings. Numbers are written in fixed point
/// with a stated number of decimals, trailing zeros dropped, so `6.0` prints
/// as `6` and `12.1` as `12.1`; non-finite numbers print as `null`.
///
/// Commas are inserted automatically: call `key(_:)` then a value inside an
/// object, or values directly inside an array.
public struct JSONWriter: Sendable {
    /// The bytes written so far (UTF-8).
    public private(set) var bytes: [UInt8]

    /// True right after `{`/`[`, when the next member needs no comma.
    private var atContainerStart = true
    /// True right after `"key":`, when the value needs no comma.
    private var afterKey = false

    /// Powers of ten for the supported decimal counts (0...9).
    private static let powersOfTen: [Int64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000]
    /// Largest scaled magnitude printed in fixed point; beyond 2^53 the
    /// double no longer holds every integer exactly, so the shortest
    /// round-trip form is printed instead.
    private static let maxExactScaled = 9_007_199_254_740_992.0

    /// Creates an empty writer, reserving `capacity` bytes.
    public init(capacity: Int = 512) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Forgets what was written but keeps the buffer's storage for reuse.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        atContainerStart = true
        afterKey = false
    }

    /// The bytes as a `String`.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Structure

    public mutating func beginObject() { open(UInt8(ascii: "{")) }

    public mutating func endObject() { close(UInt8(ascii: "}")) }

    public mutating func beginArray() { open(UInt8(ascii: "[")) }

    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a container: the next value written is its first.
    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        atContainerStart = true
    }

    /// Ends a container, which counts as one value of the enclosing one.
    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        atContainerStart = false
    }

    /// Writes `"name":`; the next value written belongs to it.
    public mutating func key(_ name: String) {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Ends a JSON Lines record.
    public mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        atContainerStart = true
        afterKey = false
    }

    // MARK: Values

    public mutating func null() {
        separate()
        append("null")
    }

    public mutating func bool(_ value: Bool) {
        separate()
        append(value ? "true" : "false")
    }

    public mutating func string(_ value: String) {
        separate()
        writeString(value)
    }

    public mutating func int(_ value: Int) {
        separate()
        writeInteger(Int64(value))
    }

    /// Writes `value` rounded to `decimals` places (0...9, half away from
    /// zero), trailing zeros dropped; `null` when it is not finite.
    public mutating func number(_ value: Double, decimals: Int) {
        precondition((0...9).contains(decimals), "decimals must be 0...9, got \(decimals)")
        separate()
        guard value.isFinite else { return append("null") }
        let scale = Self.powersOfTen[decimals]
        let scaled = (value * Double(scale)).rounded()
        guard abs(scaled) < Self.maxExactScaled else { return append(value.description) }
        var n = Int64(scaled)
        if n < 0 {
            bytes.append(UInt8(ascii: "-"))
            n = -n
        }
        writeInteger(n / scale)
        var fraction = n % scale
        guard fraction != 0 else { return }
        var digits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        bytes.append(UInt8(ascii: "."))
        // Leading zeros of the fraction: 0.005 has digits 3, fraction 5.
        var width = 1
        var probe = fraction
        while probe >= 10 {
            probe /= 10
            width += 1
        }
        for _ in width..<digits { bytes.append(UInt8(ascii: "0")) }
        writeInteger(fraction)
    }

    /// Writes `value` as `number(_:decimals:)` does, or `null` for `nil`.
    public mutating func number(_ value: Double?, decimals: Int) {
        if let value { number(value, decimals: decimals) } else { null() }
    }

    /// Writes `value` or `null` for `nil`.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    // MARK: Members (key and value in one call)

    public mutating func field(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    public mutating func field(_ name: String, _ value: Double?, decimals: Int) {
        key(name)
        number(value, decimals: decimals)
    }

    public mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    public mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    // MARK: Private

    private mutating func separate() {
        if afterKey {
            afterKey = false
        } else if atContainerStart {
            atContainerStart = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
    }

    private mutating func append(_ literal: String) {
        bytes.append(contentsOf: literal.utf8)
    }

    private mutating func writeInteger(_ value: Int64) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            // Int64.min has no positive counterpart; its magnitude fits UInt64.
            return writeMagnitude(UInt64(bitPattern: 0 &- value))
        }
        writeMagnitude(UInt64(value))
    }

    private mutating func writeMagnitude(_ value: UInt64) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while v > 0
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\r"): append("\\r")
            case UInt8(ascii: "\t"): append("\\t")
            case 0..<0x20:
                append("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
