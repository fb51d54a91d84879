import Foundation
import RepCountClient
import RepCountJSON
import RepCountProtocol
import RepCountStore
import RepCountTestSupport
import Testing

/// The daemon on its live IIO source: `repcount-iio-emulator` streams a
/// recording through an emulated accelerometer (sysfs and a character device
/// in private namespaces, read by the real libiio) and runs repcountd there.
/// Needs root for the namespaces, as the IIO tests do.
@Suite(.serialized) struct LiveSourceEndToEndTests {
    static let emulator = BuiltProducts.path("repcount-iio-emulator")

    @Test(.enabled(if: geteuid() == 0 && emulator != nil, "needs root (namespaces) and repcount-iio-emulator"))
    func countsRepsFromALiveAccelerometerAndStopsCleanly() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = "\(dir)/bridge.csv"
        // Real time: 10 s still, then 2 reps of 11 s.
        try writeBridgeRecording(path: recording, reps: 2, holdSeconds: 4, restSeconds: 4)
        let daemon = try DaemonProcess(
            directory: dir, arguments: ["--device", "local:", "--exercise", "bridge"], waitForSocket: false,
            launcher: [Self.emulator!, "run", "--rate", "100", "--seconds", "60", "--recording", recording, "--"])
        try daemon.waitForSocket(timeout: 30)

        // Under load the watch may begin after a rep or two are done: those count from
        // the status. The emulator streams for 60 s (the recording looped, four reps);
        // once its feed ends the sensor is lost and no rep can follow, so the daemon is
        // stopped then too and the expectations fail instead of the test waiting forever.
        let seen = try await DaemonConnection.withConnection(socketPath: daemon.socketPath) { c in
            let status = try await c.call(.status)
            _ = try await c.call(.watch(motion: false))
            var sensor = status["sensor_message"]?.string ?? ""
            var reps = status["session"]?["reps"]?.int ?? 0
            var stopped = false
            func stopOnce() throws {
                guard !stopped else { return }
                try stopDaemon(daemon)
                stopped = true
            }
            if reps >= 2 { try stopOnce() }
            var ended: JSONValue?
            while let m = try await c.nextMessage() {
                if m["type"]?.string == "sensor" {
                    sensor = m["message"]?.string ?? ""
                    if m["state"]?.string == "lost" { try stopOnce() }
                }
                if m["type"]?.string == "rep" {
                    reps += 1
                    if reps >= 2 { try stopOnce() }
                }
                if m["type"]?.string == "session", m["phase"]?.string == "ended" { ended = m }
            }
            return (reps, sensor, status["source"]?.string, ended)
        }
        #expect(seen.0 >= 2)
        #expect(seen.1.contains("connected to"), "\(seen.1)")
        #expect(seen.2 == "iio:local:")
        let ended = try #require(seen.3)
        #expect(ended["reason"]?.string == "shutdown")
        _ = try daemon.waitForExit(timeout: 30)
        let session = try #require(try HistoryStore(path: daemon.databasePath, readOnly: true).sessions().last)
        #expect(session.repCount == ended["reps"]?.int)
        #expect(session.repCount >= 2)
        #expect(session.endReason == .shutdown)
        #expect(session.source == "iio:local:")
    }

    /// The daemon is the emulator's child: stop it as systemd would (SIGTERM).
    func stopDaemon(_ launcher: DaemonProcess) throws {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(launcher.pid)/task")) ?? []
        let pids = tasks.flatMap { task in
            ((try? String(contentsOfFile: "/proc/\(launcher.pid)/task/\(task)/children", encoding: .utf8)) ?? "")
                .split(separator: " ").compactMap { Int32($0) }
        }
        let child = try #require(pids.first)
        kill(child, SIGTERM)
    }
}
