import Foundation
import RepCountCore
import Testing

@testable import RepCountRecording
import RepCountTestSupport

@Suite struct PrefetchingRecordingReaderTests {
    /// A recording spanning many batches, with some irregular rows.
    static func write(rows: Int, to path: String, badRowAt bad: Int? = nil) throws {
        var text = "# exercise: wall-sit\ntime_s,accel_x,accel_y,accel_z\n"
        for i in 0..<rows {
            if i == bad {
                text += "\(Double(i) / 100),1,oops,3\n"
            } else {
                text += "\(Double(i) / 100),\(Double(i % 97) / 7),9.81,\(-Double(i % 13))\n"
            }
            if i % 1000 == 999 { text += "\n# marker\n" }
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func yieldsExactlyWhatTheSequentialReaderYields() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/a.csv"
        let rows = PrefetchingRecordingReader.batchSize * PrefetchingRecordingReader.batchCount * 3 + 17
        try Self.write(rows: rows, to: path)
        let sequential = try RecordingReader(path: path)
        let prefetching = try PrefetchingRecordingReader(path: path)
        #expect(prefetching.metadata == sequential.metadata)
        #expect(prefetching.columns == sequential.columns)
        var n = 0
        while let expected = try sequential.next() {
            let got = try prefetching.next()
            if got != expected {
                Issue.record("sample \(n): \(String(describing: got)) != \(expected)")
                return
            }
            n += 1
        }
        #expect(n == rows)
        #expect(try prefetching.next() == nil)
        #expect(try prefetching.next() == nil)
    }

    @Test func errorComesAfterEverySampleBeforeIt() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/bad.csv"
        let bad = PrefetchingRecordingReader.batchSize * 2 + 5
        try Self.write(rows: bad + 100, to: path, badRowAt: bad)
        let reader = try PrefetchingRecordingReader(path: path)
        var n = 0
        do {
            while try reader.next() != nil { n += 1 }
            Issue.record("no error")
        } catch {
            guard case let .malformedField(file, _, column, name, text) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(file == path && column == 3 && name == "accel_y" && text == "oops")
        }
        #expect(n == bad)
        #expect(try reader.next() == nil)
    }

    @Test func headerErrorsAreThrownByInit() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("h.csv", "time_s,accel_x,accel_y\n0,1,2\n")
        #expect(throws: RecordingError.missingColumn(file: path, line: 1, column: "accel_z")) {
            _ = try PrefetchingRecordingReader(path: path)
        }
    }

    @Test func droppingTheReaderEarlyStopsTheProducer() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/long.csv"
        try Self.write(rows: PrefetchingRecordingReader.batchSize * 20, to: path)
        for _ in 0..<20 {
            let reader = try PrefetchingRecordingReader(path: path)
            _ = try reader.next()
            // Dropped here with the producer blocked on a full ring: it must wake and exit.
        }
        let reader = try PrefetchingRecordingReader(path: path)
        var n = 0
        while try reader.next() != nil { n += 1 }
        #expect(n == PrefetchingRecordingReader.batchSize * 20)
    }
}
