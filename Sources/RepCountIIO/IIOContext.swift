import CLibIIO

/// An IIO context: the set of devices behind one URI (`local:`, `ip:HOST`,
/// `ip:HOST:PORT`, `usb:`, `usb:BUS.ADDR.INTF`).
///
/// Owns the `iio_context`; devices, channels and buffers obtained from it keep
/// it alive. libiio contexts are not thread-safe: use one context from one
/// thread at a time (`iio_buffer_cancel` is the one call that may come from
/// another thread, see `IIOBuffer.cancel()`).
public final class IIOContext {
    /// The URI the context was created from.
    public let uri: String
    let pointer: OpaquePointer

    /// Creates a context from a URI.
    ///
    /// The corresponding C function is `iio_create_context_from_uri`.
    public init(uri: String) throws(IIOError) {
        self.uri = uri
        repcount_iio_clear_errno()
        guard let p = iio_create_context_from_uri(uri) else {
            let code = repcount_iio_errno()
            // libiio 0.24 sometimes returns NULL without setting errno
            // (e.g. an unknown URI scheme); ENOSYS says "not available" then.
            throw .call("iio_create_context_from_uri", uri, code: code == 0 ? ENOSYS : code)
        }
        pointer = p
    }

    deinit { iio_context_destroy(pointer) }

    /// The backend's name: `local`, `network`, `usb`, `xml`.
    ///
    /// The corresponding C function is `iio_context_get_name`.
    public var backendName: String { String(cString: iio_context_get_name(pointer)) }

    /// The backend's description (for `local:`, the kernel's uname).
    ///
    /// The corresponding C function is `iio_context_get_description`.
    public var contextDescription: String { String(cString: iio_context_get_description(pointer)) }

    /// The context attributes (`uri`, `local,kernel`, `ip,ip-addr`, ...).
    ///
    /// The corresponding C functions are `iio_context_get_attrs_count` and
    /// `iio_context_get_attr`.
    public var attributes: [(name: String, value: String)] {
        (0..<iio_context_get_attrs_count(pointer)).compactMap { i in
            var name: UnsafePointer<CChar>?
            var value: UnsafePointer<CChar>?
            guard iio_context_get_attr(pointer, i, &name, &value) == 0, let name, let value else { return nil }
            return (String(cString: name), String(cString: value))
        }
    }

    /// The devices of the context, in libiio's order (by id).
    ///
    /// The corresponding C functions are `iio_context_get_devices_count` and
    /// `iio_context_get_device`.
    public var devices: [IIODevice] {
        (0..<iio_context_get_devices_count(pointer)).compactMap { i in
            iio_context_get_device(pointer, i).map { IIODevice(context: self, pointer: $0) }
        }
    }

    /// The device whose id, name or label is `query`, or nil.
    ///
    /// The corresponding C function is `iio_context_find_device` (which
    /// matches id, label or name, in that order).
    public func device(_ query: String) -> IIODevice? {
        iio_context_find_device(pointer, query).map { IIODevice(context: self, pointer: $0) }
    }

    /// Sets how long a blocking operation (e.g. `IIOBuffer.refill()`) may
    /// take before it fails with `ETIMEDOUT`; 0 means no limit.
    ///
    /// The corresponding C function is `iio_context_set_timeout`.
    public func setTimeout(milliseconds: UInt32) throws(IIOError) {
        let ret = iio_context_set_timeout(pointer, milliseconds)
        if ret < 0 { throw .call("iio_context_set_timeout", uri, code: ret) }
    }
}

/// The version of the libiio library loaded at run time, e.g. "0.24".
///
/// The corresponding C function is `iio_library_get_version`.
public var libiioVersion: String {
    let v = repcount_iio_library_version()
    return "\(v / 100).\(v % 100)"
}
