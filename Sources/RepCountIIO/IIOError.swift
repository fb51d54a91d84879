import CLibIIO

/// Why a libiio operation or a device look-up failed.
///
/// Every case carries enough context for its message alone to say what
/// failed: the libiio function, what it was called on, and the error text
/// libiio (`iio_strerror`) gives for the errno it reported.
public enum IIOError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A libiio call failed: `function` is the C function, `target` what it
    /// was called on (a URI, `device/channel/attribute`, ...), `code` the
    /// positive errno value and `message` its text from `iio_strerror`.
    case call(function: String, target: String, code: Int32, message: String)
    /// No device in the context matches the name, label or id asked for.
    case deviceNotFound(uri: String, query: String, available: [String])
    /// The context holds no device with `accel_x`, `accel_y` and `accel_z`
    /// input scan elements.
    case noAccelerometer(uri: String, available: [String])
    /// More than one accelerometer fits and none was named.
    case ambiguousAccelerometer(uri: String, candidates: [String])
    /// The named device lacks a channel the source needs.
    case missingChannel(device: String, channel: String)
    /// An attribute holds text that is not what the kernel ABI promises.
    case malformedAttribute(target: String, text: String, expected: String)
    /// A channel's data format is outside what can be converted (e.g.
    /// storage wider than 64 bits, or repeated channels).
    case unsupportedFormat(channel: String, format: String)
    /// The device address given on the command line cannot be parsed.
    case invalidAddress(String, reason: String)

    /// Builds `.call` from a libiio return value (negative errno) or a
    /// positive errno, looking up its text with `iio_strerror`.
    public static func call(_ function: String, _ target: String, code: Int32) -> IIOError {
        let positive = code < 0 ? -code : code
        return .call(function: function, target: target, code: positive, message: errorText(positive))
    }

    /// The text libiio gives for a positive errno value (`iio_strerror`).
    public static func errorText(_ code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        repcount_iio_strerror(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The errno value of a failed libiio call, or nil for look-up errors.
    public var errnoCode: Int32? {
        if case let .call(_, _, code, _) = self { return code }
        return nil
    }

    public var description: String {
        switch self {
        case let .call(function, target, code, message):
            // iio_strerror already ends with "(N)"; say the number once.
            message.hasSuffix("(\(code))") ? "\(function)(\(target)): \(message)" : "\(function)(\(target)): \(message) (errno \(code))"
        case let .deviceNotFound(uri, query, available):
            "\(uri): no IIO device named '\(query)'; devices: \(available.isEmpty ? "none" : available.joined(separator: ", "))"
        case let .noAccelerometer(uri, available):
            "\(uri): no accelerometer (a device with accel_x, accel_y, accel_z input scan elements); devices: \(available.isEmpty ? "none" : available.joined(separator: ", "))"
        case let .ambiguousAccelerometer(uri, candidates):
            "\(uri): several accelerometers; choose one with URI:DEVICE: \(candidates.joined(separator: ", "))"
        case let .missingChannel(device, channel):
            "\(device): no input scan element '\(channel)'"
        case let .malformedAttribute(target, text, expected):
            "\(target): '\(text)' is not \(expected)"
        case let .unsupportedFormat(channel, format):
            "\(channel): unsupported data format \(format)"
        case let .invalidAddress(address, reason):
            "'\(address)': \(reason)"
        }
    }
}
