import CLibIIO

/// How one channel's value is laid out in a scan, as the kernel reports it in
/// `scan_elements/in_X_type`: `[be|le]:[s|u|S|U]BITS/STORAGE[XREPEAT]>>SHIFT`.
///
/// `decode(_:)` turns the stored bytes into the raw integer, exactly as
/// libiio's `iio_channel_convert` does (tested against it), without the
/// per-sample C call. libiio 0.24 applies neither `scale` nor `offset`.
public struct ScanFormat: Sendable, Equatable, CustomStringConvertible {
    /// Significant bits of the value (`13` in `le:s13/16>>0`).
    public var bits: Int
    /// Bits the value occupies in the scan (`16` in `le:s13/16>>0`).
    public var storageBits: Int
    /// Right shift applied to the stored word before masking.
    public var shift: Int
    /// Two's-complement signed.
    public var isSigned: Bool
    /// Big-endian storage.
    public var isBigEndian: Bool
    /// The whole storage word is the value (upper-case sign letter, or
    /// bits == storage): libiio neither masks nor sign-extends then.
    public var isFullyDefined: Bool
    /// Values per sample (the `X` repeat; 1 for ordinary channels).
    public var repeatCount: Int

    public init(bits: Int, storageBits: Int, shift: Int, isSigned: Bool, isBigEndian: Bool, isFullyDefined: Bool? = nil, repeatCount: Int = 1) {
        self.bits = bits
        self.storageBits = storageBits
        self.shift = shift
        self.isSigned = isSigned
        self.isBigEndian = isBigEndian
        self.isFullyDefined = isFullyDefined ?? (bits == storageBits)
        self.repeatCount = repeatCount
    }

    init(_ f: iio_data_format) {
        self.init(
            bits: Int(f.bits), storageBits: Int(f.length), shift: Int(f.shift), isSigned: f.is_signed,
            isBigEndian: f.is_be, isFullyDefined: f.is_fully_defined, repeatCount: Int(f.repeat))
    }

    /// Parses the kernel's text form, e.g. `le:s12/16>>4` or `be:U64/64>>0`.
    public init?(parsing text: String) {
        let t = text.trimmed
        let parts = t.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[0] == "le" || parts[0] == "be" else { return nil }
        var rest = Substring(parts[1])
        guard let sign = rest.first, "suSU".contains(sign) else { return nil }
        rest = rest.dropFirst()
        guard let slash = rest.firstIndex(of: "/"), let bits = Int(rest[..<slash]) else { return nil }
        rest = rest[rest.index(after: slash)...]
        guard let shiftRange = rest.firstRange(of: ">>") else { return nil }
        var storagePart = rest[..<shiftRange.lowerBound]
        var repeatCount = 1
        if let x = storagePart.firstIndex(of: "X") {
            guard let r = Int(storagePart[storagePart.index(after: x)...]) else { return nil }
            repeatCount = r
            storagePart = storagePart[..<x]
        }
        guard let storage = Int(storagePart), let shift = Int(rest[shiftRange.upperBound...]) else { return nil }
        self.init(
            bits: bits, storageBits: storage, shift: shift, isSigned: sign == "s" || sign == "S",
            isBigEndian: parts[0] == "be", isFullyDefined: sign == "S" || sign == "U" || bits == storage,
            repeatCount: repeatCount)
    }

    /// The kernel's text form.
    public var description: String {
        let sign = isSigned ? (isFullyDefined && bits != storageBits ? "S" : "s") : (isFullyDefined && bits != storageBits ? "U" : "u")
        let repeatText = repeatCount > 1 ? "X\(repeatCount)" : ""
        return "\(isBigEndian ? "be" : "le"):\(sign)\(bits)/\(storageBits)\(repeatText)>>\(shift)"
    }

    /// Whether `decode` can handle this format: whole-byte storage of 8 to
    /// 64 bits, a value that fits its storage, and no repeat.
    public var isSupported: Bool {
        storageBits % 8 == 0 && storageBits >= 8 && storageBits <= 64 && bits >= 1 && bits <= storageBits
            && shift >= 0 && shift < storageBits && repeatCount == 1
    }

    /// Bytes the value occupies in a scan.
    public var storageBytes: Int { storageBits / 8 }

    /// The raw integer stored at `p`.
    @inlinable
    public func decode(_ p: UnsafeRawPointer) -> Int64 {
        let n = storageBits / 8
        var word: UInt64 = 0
        if isBigEndian {
            for i in 0..<n { word = word << 8 | UInt64(p.load(fromByteOffset: i, as: UInt8.self)) }
        } else {
            for i in stride(from: n - 1, through: 0, by: -1) { word = word << 8 | UInt64(p.load(fromByteOffset: i, as: UInt8.self)) }
        }
        word >>= UInt64(shift)
        let width = isFullyDefined ? storageBits : bits
        if width < 64 {
            let mask: UInt64 = (1 << UInt64(width)) - 1
            word &= mask
            if isSigned, word >> UInt64(width - 1) & 1 == 1 { word |= ~mask }
        }
        return Int64(bitPattern: word)
    }
}
