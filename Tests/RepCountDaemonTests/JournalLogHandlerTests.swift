import Logging
import Testing

@testable import RepCountDaemon

@Suite struct JournalLogHandlerTests {
    @Test func journalLinesCarryThePriorityAndNoTimestamp() {
        var handler = JournalLogHandler(label: "repcountd", journal: true)
        handler[metadataKey: "client.id"] = "7"
        let line = handler.format(level: .warning, message: "dropping a client", metadata: ["b.key": "2", "a.key": "1"], now: 0)
        #expect(line == "<4>dropping a client a.key=1 b.key=2 client.id=7")
        #expect(handler.format(level: .error, message: "x", metadata: nil, now: 0) == "<3>x client.id=7")
        #expect(JournalLogHandler.priority(.info) == 6)
        #expect(JournalLogHandler.priority(.debug) == 7)
    }

    @Test func terminalLinesCarryATimestampLevelAndLabel() {
        let handler = JournalLogHandler(label: "repcountd", journal: false)
        let line = handler.format(level: .info, message: "listening", metadata: ["socket.path": "/tmp/s"], now: 86_400)
        #expect(line.hasPrefix("1970-01-0"))
        #expect(line.hasSuffix(" info repcountd: listening socket.path=/tmp/s"))
    }
}
