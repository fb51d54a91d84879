import NIOCore

/// Splits a byte stream into lines with a bound on line length.
///
/// A line longer than `maximumLength` is not buffered: the framer reports it
/// once (`tooLong`), throws its bytes away up to the next newline, and then
/// carries on, so one bad request does not cost the connection.
struct LineFramer {
    /// What one call to `next()` found.
    enum Item: Equatable {
        /// A complete line, without its `\n` (nor a trailing `\r`).
        case line(ByteBuffer)
        /// A line went past the bound; `bytes` is how much was seen when it did.
        case tooLong(bytes: Int)
    }

    let maximumLength: Int
    private var buffer = ByteBuffer()
    private var discarding = false

    init(maximumLength: Int) { self.maximumLength = maximumLength }

    /// Adds received bytes.
    mutating func append(_ bytes: inout ByteBuffer) { buffer.writeBuffer(&bytes) }

    /// The next complete line or overflow report, or `nil` until more bytes come.
    mutating func next() -> Item? {
        while true {
            let view = buffer.readableBytesView
            if let newline = view.firstIndex(of: UInt8(ascii: "\n")) {
                let length = newline - view.startIndex
                if discarding {
                    buffer.moveReaderIndex(forwardBy: length + 1)
                    discarding = false
                    continue
                }
                if length > maximumLength {
                    buffer.moveReaderIndex(forwardBy: length + 1)
                    compact()
                    return .tooLong(bytes: length)
                }
                var line = buffer.readSlice(length: length)!
                buffer.moveReaderIndex(forwardBy: 1)
                compact()
                if line.readableBytesView.last == UInt8(ascii: "\r") {
                    line = line.getSlice(at: line.readerIndex, length: line.readableBytes - 1)!
                }
                return .line(line)
            }
            // No newline yet: the partial line is all there is.
            if discarding {
                buffer.clear()
                return nil
            }
            if buffer.readableBytes > maximumLength {
                let seen = buffer.readableBytes
                buffer.clear()
                discarding = true
                return .tooLong(bytes: seen)
            }
            return nil
        }
    }

    /// Drops consumed bytes once they dominate the buffer, so memory stays
    /// bounded by the line limit rather than by the connection's lifetime.
    private mutating func compact() {
        if buffer.readerIndex > 4096, buffer.readerIndex > buffer.readableBytes {
            buffer.discardReadBytes()
        }
    }
}
