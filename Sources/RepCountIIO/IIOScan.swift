import CLibIIO

/// Finds IIO contexts without a URI, one backend at a time.
///
/// Only `local` and `usb` are scanned by default: an `ip` scan browses
/// mDNS/DNS-SD on the network, which a command should do only when asked.
public enum IIOScan {
    /// A context found by a scan.
    public struct Found: Sendable, Equatable {
        public var uri: String
        public var description: String
    }

    /// The contexts the `backend` (`local`, `usb`, `ip`) finds.
    ///
    /// The corresponding C functions are `iio_create_scan_context`,
    /// `iio_scan_context_get_info_list`, `iio_context_info_get_uri`,
    /// `iio_context_info_get_description`, `iio_context_info_list_free` and
    /// `iio_scan_context_destroy`.
    public static func contexts(backend: String) throws(IIOError) -> [Found] {
        repcount_iio_clear_errno()
        guard let scan = iio_create_scan_context(backend, 0) else {
            let code = repcount_iio_errno()
            throw .call("iio_create_scan_context", backend, code: code == 0 ? ENOSYS : code)
        }
        defer { iio_scan_context_destroy(scan) }
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let n = iio_scan_context_get_info_list(scan, &list)
        if n < 0 { throw .call("iio_scan_context_get_info_list", backend, code: Int32(n)) }
        defer { iio_context_info_list_free(list) }
        return (0..<n).compactMap { i in
            guard let info = list?[i] else { return nil }
            return Found(
                uri: String(cString: iio_context_info_get_uri(info)),
                description: String(cString: iio_context_info_get_description(info)))
        }
    }
}
