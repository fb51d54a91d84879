import NIOCore
import Testing

@testable import RepCountDaemon

@Suite struct LineFramerTests {
    func lines(_ framer: inout LineFramer, _ chunks: [String]) -> [LineFramer.Item] {
        var items: [LineFramer.Item] = []
        for chunk in chunks {
            var buffer = ByteBuffer(string: chunk)
            framer.append(&buffer)
            while let item = framer.next() { items.append(item) }
        }
        return items
    }

    @Test func splitsLinesAcrossChunksAndStripsCR() {
        var framer = LineFramer(maximumLength: 100)
        let items = lines(&framer, ["{\"a\":", "1}\r\n{\"b\"", ":2}\n\n", "{\"c\":3}"])
        #expect(items == [.line(ByteBuffer(string: "{\"a\":1}")), .line(ByteBuffer(string: "{\"b\":2}")), .line(ByteBuffer(string: ""))])
        // The unterminated third line waits for its newline.
        #expect(lines(&framer, ["\n"]) == [.line(ByteBuffer(string: "{\"c\":3}"))])
    }

    @Test func anOverlongLineIsReportedOnceAndSkipped() {
        var framer = LineFramer(maximumLength: 10)
        let long = String(repeating: "x", count: 25)
        let items = lines(&framer, [long, long, "still the same line\nok\n"])
        #expect(items == [.tooLong(bytes: 25), .line(ByteBuffer(string: "ok"))])
    }

    @Test func anOverlongLineInOneChunkIsReported() {
        var framer = LineFramer(maximumLength: 10)
        let items = lines(&framer, ["0123456789ABC\nshort\n"])
        #expect(items == [.tooLong(bytes: 13), .line(ByteBuffer(string: "short"))])
    }

    @Test func aLineOfExactlyTheLimitPasses() {
        var framer = LineFramer(maximumLength: 10)
        #expect(lines(&framer, ["0123456789\n"]) == [.line(ByteBuffer(string: "0123456789"))])
    }
}
