/// A context URI and an optional device, as given on the command line:
/// `URI[:DEVICE]`.
///
/// - `local:` or `local:adxl345`
/// - `ip:HOST`, `ip:HOST:PORT`, `ip:HOST:PORT:DEVICE`, `ip:HOST:DEVICE`
///   (a numeric field after the host is the port; IPv6 hosts in brackets)
/// - `usb:`, `usb:BUS.ADDR.INTF`, either followed by `:DEVICE`
/// - a bare `DEVICE` means `local:DEVICE`.
public struct DeviceAddress: Sendable, Equatable, CustomStringConvertible {
    /// The libiio context URI.
    public var uri: String
    /// The device id, name or label; nil to pick the only accelerometer.
    public var device: String?

    public init(uri: String, device: String?) {
        self.uri = uri
        self.device = device
    }

    public init(parsing text: String) throws(IIOError) {
        guard let colon = text.firstIndex(of: ":") else {
            guard !text.isEmpty else { throw .invalidAddress(text, reason: "empty device address") }
            self.init(uri: "local:", device: text)
            return
        }
        let scheme = String(text[..<colon])
        let rest = String(text[text.index(after: colon)...])
        func device(_ parts: ArraySlice<Substring>) -> String? {
            parts.isEmpty ? nil : parts.joined(separator: ":")
        }
        switch scheme {
        case "local":
            self.init(uri: "local:", device: rest.isEmpty ? nil : rest)
        case "usb":
            let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
            if let first = parts.first, !first.isEmpty, first.allSatisfy({ $0.isNumber || $0 == "." }) {
                self.init(uri: "usb:\(first)", device: device(parts.dropFirst()))
            } else {
                self.init(uri: "usb:", device: rest.isEmpty ? nil : rest)
            }
        case "ip":
            var host: String
            var remainder: Substring
            if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]") else {
                    throw .invalidAddress(text, reason: "IPv6 host without closing ']'")
                }
                host = String(rest[...close])
                remainder = rest[rest.index(after: close)...]
                if remainder.first == ":" { remainder = remainder.dropFirst() }
            } else {
                let parts = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                host = String(parts.first ?? "")
                remainder = parts.count > 1 ? parts[1] : ""
            }
            guard !host.isEmpty else { throw .invalidAddress(text, reason: "ip: needs a host (ip:HOST[:PORT][:DEVICE])") }
            var parts = remainder.isEmpty ? [] : remainder.split(separator: ":", omittingEmptySubsequences: false)[...]
            if let port = parts.first, !port.isEmpty, port.allSatisfy(\.isNumber) {
                host += ":\(port)"
                parts = parts.dropFirst()
            }
            self.init(uri: "ip:\(host)", device: device(parts))
        default:
            throw .invalidAddress(text, reason: "unknown scheme '\(scheme):' (use local:, ip:HOST or usb:)")
        }
    }

    public var description: String {
        guard let device else { return uri }
        return uri.hasSuffix(":") ? uri + device : "\(uri):\(device)"
    }
}
