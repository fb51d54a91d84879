import CLibIIO

/// One channel of an IIO device (`accel_x`, `timestamp`, ...).
public struct IIOChannel {
    /// The device this channel belongs to.
    public let device: IIODevice
    let pointer: OpaquePointer

    init(device: IIODevice, pointer: OpaquePointer) {
        self.device = device
        self.pointer = pointer
    }

    /// The channel id, e.g. `accel_x`, `timestamp`, `voltage0`.
    ///
    /// The corresponding C function is `iio_channel_get_id`.
    public var id: String { String(cString: iio_channel_get_id(pointer)) }

    /// The channel's extended name, if the driver gives one.
    ///
    /// The corresponding C function is `iio_channel_get_name`.
    public var name: String? { iio_channel_get_name(pointer).map { String(cString: $0) } }

    /// Whether this is an output channel.
    ///
    /// The corresponding C function is `iio_channel_is_output`.
    public var isOutput: Bool { iio_channel_is_output(pointer) }

    /// Whether the channel can be captured into a buffer.
    ///
    /// The corresponding C function is `iio_channel_is_scan_element`.
    public var isScanElement: Bool { iio_channel_is_scan_element(pointer) }

    /// The channel's position in a scan (its `scan_elements/*_index`), or -1.
    ///
    /// The corresponding C function is `iio_channel_get_index`.
    public var index: Int { iio_channel_get_index(pointer) }

    /// The channel's data format in a buffer (`scan_elements/*_type`).
    ///
    /// The corresponding C function is `iio_channel_get_data_format`.
    public var format: ScanFormat {
        ScanFormat(iio_channel_get_data_format(pointer).pointee)
    }

    /// The names of the channel's attributes (`raw`, `scale`, `offset`, ...).
    ///
    /// The corresponding C functions are `iio_channel_get_attrs_count` and
    /// `iio_channel_get_attr`.
    public var attributeNames: [String] {
        (0..<iio_channel_get_attrs_count(pointer)).compactMap { i in
            iio_channel_get_attr(pointer, i).map { String(cString: $0) }
        }
    }

    /// Whether the channel has the attribute.
    ///
    /// The corresponding C function is `iio_channel_find_attr`.
    public func hasAttribute(_ name: String) -> Bool { iio_channel_find_attr(pointer, name) != nil }

    /// Reads a channel attribute as text.
    ///
    /// The corresponding C function is `iio_channel_attr_read`.
    public func readAttribute(_ name: String) throws(IIOError) -> String {
        var buffer = [CChar](repeating: 0, count: attributeBufferSize)
        let n = iio_channel_attr_read(pointer, name, &buffer, buffer.count)
        if n < 0 { throw .call("iio_channel_attr_read", "\(device.id)/\(id)/\(name)", code: Int32(n)) }
        return decodeAttribute(buffer)
    }

    /// Reads a channel attribute as a number (e.g. `scale`, `offset`).
    ///
    /// The corresponding C function is `iio_channel_attr_read`; the text is
    /// parsed here so a malformed value is reported with its text.
    public func readDouble(_ name: String) throws(IIOError) -> Double {
        let text = try readAttribute(name)
        guard let value = Double(text.trimmed), value.isFinite else {
            throw .malformedAttribute(target: "\(device.id)/\(id)/\(name)", text: text, expected: "a finite number")
        }
        return value
    }

    /// Writes a channel attribute as text.
    ///
    /// The corresponding C function is `iio_channel_attr_write`.
    public func writeAttribute(_ name: String, _ value: String) throws(IIOError) {
        let n = iio_channel_attr_write(pointer, name, value)
        if n < 0 { throw .call("iio_channel_attr_write", "\(device.id)/\(id)/\(name)=\(value)", code: Int32(n)) }
    }

    /// Marks the channel for capture by the next buffer.
    ///
    /// The corresponding C function is `iio_channel_enable`.
    public func enable() { iio_channel_enable(pointer) }

    /// Unmarks the channel for capture.
    ///
    /// The corresponding C function is `iio_channel_disable`.
    public func disable() { iio_channel_disable(pointer) }

    /// Whether the channel is marked for capture.
    ///
    /// The corresponding C function is `iio_channel_is_enabled`.
    public var isEnabled: Bool { iio_channel_is_enabled(pointer) }

    /// Converts one sample of this channel as libiio would: byte order,
    /// shift, sign extension or masking, into `storageBits / 8` bytes.
    /// Used to check `ScanFormat.decode` against the library.
    ///
    /// The corresponding C function is `iio_channel_convert`.
    public func convertWithLibiio(_ source: UnsafeRawPointer) -> Int64 {
        var out: Int64 = 0
        withUnsafeMutableBytes(of: &out) { iio_channel_convert(pointer, $0.baseAddress, source) }
        let f = format
        // The result occupies the low storageBits of `out`; widen its sign.
        let width = f.storageBits
        guard width < 64 else { return out }
        let low = UInt64(bitPattern: out) & ((1 << UInt64(width)) - 1)
        if f.isSigned, low >> UInt64(width - 1) & 1 == 1 {
            return Int64(bitPattern: low | ~((1 << UInt64(width)) - 1))
        }
        return Int64(bitPattern: low)
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\n" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\n" { s.removeLast() }
        return String(s)
    }
}
