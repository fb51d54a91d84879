import CLibIIO

/// One IIO device of a context (`iio:deviceN` on Linux).
///
/// A value that keeps its context alive; cheap to copy.
public struct IIODevice {
    /// The context this device belongs to.
    public let context: IIOContext
    let pointer: OpaquePointer

    init(context: IIOContext, pointer: OpaquePointer) {
        self.context = context
        self.pointer = pointer
    }

    /// The device id, e.g. `iio:device0`.
    ///
    /// The corresponding C function is `iio_device_get_id`.
    public var id: String { String(cString: iio_device_get_id(pointer)) }

    /// The driver's name for the device (e.g. `adxl345`), or nil.
    ///
    /// The corresponding C function is `iio_device_get_name`.
    public var name: String? { iio_device_get_name(pointer).map { String(cString: $0) } }

    /// The device label from the device tree (e.g. `thigh`), or nil.
    ///
    /// The corresponding C function is `iio_device_get_label`.
    public var label: String? { iio_device_get_label(pointer).map { String(cString: $0) } }

    /// How the device is shown to users: `name (id)`, with the label if any.
    public var displayName: String {
        var text = name ?? id
        if let label { text += " [\(label)]" }
        return name == nil ? text : "\(text) (\(id))"
    }

    /// The device's channels, inputs and outputs.
    ///
    /// The corresponding C functions are `iio_device_get_channels_count` and
    /// `iio_device_get_channel`.
    public var channels: [IIOChannel] {
        (0..<iio_device_get_channels_count(pointer)).compactMap { i in
            iio_device_get_channel(pointer, i).map { IIOChannel(device: self, pointer: $0) }
        }
    }

    /// The channel with this id or name (`accel_x`, `timestamp`), or nil.
    ///
    /// The corresponding C function is `iio_device_find_channel`.
    public func channel(_ id: String, output: Bool = false) -> IIOChannel? {
        iio_device_find_channel(pointer, id, output).map { IIOChannel(device: self, pointer: $0) }
    }

    /// The names of the device-specific attributes (e.g. `sampling_frequency`).
    ///
    /// The corresponding C functions are `iio_device_get_attrs_count` and
    /// `iio_device_get_attr`.
    public var attributeNames: [String] {
        (0..<iio_device_get_attrs_count(pointer)).compactMap { i in
            iio_device_get_attr(pointer, i).map { String(cString: $0) }
        }
    }

    /// Whether the device has the attribute.
    ///
    /// The corresponding C function is `iio_device_find_attr`.
    public func hasAttribute(_ name: String) -> Bool { iio_device_find_attr(pointer, name) != nil }

    /// Reads a device attribute as text.
    ///
    /// The corresponding C function is `iio_device_attr_read`.
    public func readAttribute(_ name: String) throws(IIOError) -> String {
        var buffer = [CChar](repeating: 0, count: attributeBufferSize)
        let n = iio_device_attr_read(pointer, name, &buffer, buffer.count)
        if n < 0 { throw .call("iio_device_attr_read", "\(id)/\(name)", code: Int32(n)) }
        return decodeAttribute(buffer)
    }

    /// Writes a device attribute as text.
    ///
    /// The corresponding C function is `iio_device_attr_write`.
    public func writeAttribute(_ name: String, _ value: String) throws(IIOError) {
        let n = iio_device_attr_write(pointer, name, value)
        if n < 0 { throw .call("iio_device_attr_write", "\(id)/\(name)=\(value)", code: Int32(n)) }
    }

    /// Reads a buffer attribute (`length`, `watermark`, `enable`) as text.
    ///
    /// The corresponding C function is `iio_device_buffer_attr_read`.
    public func readBufferAttribute(_ name: String) throws(IIOError) -> String {
        var buffer = [CChar](repeating: 0, count: attributeBufferSize)
        let n = iio_device_buffer_attr_read(pointer, name, &buffer, buffer.count)
        if n < 0 { throw .call("iio_device_buffer_attr_read", "\(id)/buffer/\(name)", code: Int32(n)) }
        return decodeAttribute(buffer)
    }

    /// Bytes one sample takes with the currently enabled channels.
    ///
    /// The corresponding C function is `iio_device_get_sample_size`.
    public func sampleSize() throws(IIOError) -> Int {
        let n = iio_device_get_sample_size(pointer)
        if n < 0 { throw .call("iio_device_get_sample_size", id, code: Int32(n)) }
        return n
    }

    /// Creates a buffer of `samples` samples over the enabled channels.
    ///
    /// The corresponding C function is `iio_device_create_buffer`.
    public func createBuffer(samples: Int) throws(IIOError) -> IIOBuffer {
        try IIOBuffer(device: self, samples: samples)
    }
}

/// Longest attribute text read, in bytes: sysfs attributes are at most one
/// page (4096 bytes) by the kernel's ABI.
let attributeBufferSize = 4096

/// Text of a NUL-terminated attribute buffer, without a trailing newline.
func decodeAttribute(_ buffer: [CChar]) -> String {
    var text = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    while text.last == "\n" || text.last == " " { text.removeLast() }
    return text
}
