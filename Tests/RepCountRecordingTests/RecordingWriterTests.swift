import Foundation
import RepCountCore
import Testing

@testable import RepCountRecording
import RepCountTestSupport

@Suite struct RecordingWriterTests {
    @Test func writesMetadataHeaderAndFixedPointRows() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/w.csv"
        let metadata = RecordingMetadata(entries: [(key: "sample_rate_hz", value: "100"), (key: "exercise", value: "wall-sit")])
        let writer = try RecordingWriter(path: path, metadata: metadata)
        try writer.write(Sample(time: 0.0125, x: -0.00004, y: 9.80665, z: -1.25))
        try writer.write(Sample(time: 1234.5, x: 0, y: 0, z: 0))
        try writer.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            text == """
                # sample_rate_hz: 100
                # exercise: wall-sit
                time_s,accel_x,accel_y,accel_z
                0.012500,0.0000,9.8067,-1.2500
                1234.500000,0.0000,0.0000,0.0000

                """)
        let reader = try RecordingReader(path: path)
        #expect(reader.metadata == metadata)
        #expect(reader.metadata.exercise == .wallSit)
    }

    @Test func metadataStaysOnItsLine() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/m.csv"
        let metadata = RecordingMetadata(entries: [(key: "device:name", value: "adxl\n345\r\nboard: a")])
        let writer = try RecordingWriter(path: path, metadata: metadata)
        try writer.write(Sample(time: 0, x: 1, y: 2, z: 3))
        try writer.close()
        let reader = try RecordingReader(path: path)
        #expect(reader.metadata["device_name"] == "adxl 345 board: a")  // "\r\n" is one Character
        #expect(try reader.next() == Sample(time: 0, x: 1, y: 2, z: 3))
    }

    @Test func extraColumnsRoundTrip() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/x.csv"
        let writer = try RecordingWriter(path: path, columns: ["time_s", "accel_x", "accel_y", "accel_z", "anglvel_x"])
        try writer.write(row: [0.5, 1, 2, 3, 4.25])
        try writer.close()
        let reader = try RecordingReader(path: path)
        #expect(try reader.next() == Sample(time: 0.5, x: 1, y: 2, z: 3))
        #expect(try reader.next() == nil)
    }

    @Test func cannotCreateInAMissingDirectory() {
        #expect(throws: RecordingError.cannotCreate(file: "/nonexistent/x.csv", reason: "No such file or directory")) {
            _ = try RecordingWriter(path: "/nonexistent/x.csv")
        }
    }

    @Test func fullDiskIsReported() throws {
        // /dev/full accepts the open and fails every write with ENOSPC.
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let writer = try RecordingWriter(path: "/dev/full")
        #expect(throws: RecordingError.writeFailed(file: "/dev/full", reason: "No space left on device")) {
            try writer.close()
        }
    }
}
