import Foundation
import RepCountTestSupport
import RepCountClient
import RepCountCore
import RepCountJSON
import RepCountProtocol
import RepCountRecording

/// A fresh directory under the system temp dir. Socket paths must stay under
/// 108 bytes, so the name is short.
func makeTemporaryDirectory() throws -> String {
    var template = Array("/tmp/rcd-XXXXXX".utf8CString)
    guard let p = mkdtemp(&template) else { throw POSIXError(.EIO) }
    return String(cString: p)
}

/// Writes a synthetic bridge recording in the shared CSV format: a still
/// lead-in, then `reps` reps per set (tilt ramps up over 1.5 s, holds, ramps
/// down), rests between reps, a long rest between sets.
func writeBridgeRecording(
    path: String, sets: Int = 1, reps: Int, holdSeconds: Double = 6.5, restSeconds: Double = 5, tiltDegrees: Double = 20,
    rateHz: Double = 100, setGapSeconds: Double = 60
) throws {
    var text = "# sample_rate_hz: \(Int(rateHz))\n# exercise: bridge\n# placement: thigh\ntime_s,accel_x,accel_y,accel_z\n"
    var t = 0.0
    func add(_ seconds: Double, _ angle: (Double) -> Double) {
        let n = Int(seconds * rateHz)
        for i in 0..<n {
            let a = angle(Double(i) / Double(n)) * .pi / 180
            text += String(format: "%.3f,0,%.5f,%.5f\n", t, 9.81 * sin(a), 9.81 * cos(a))
            t += 1 / rateHz
        }
    }
    // 10 s still before the first rep: longer than `RestPoseFinder`'s confident stretch
    // for the bridge (its 6 s target hold + `overholdSeconds` 3 s = 9 s), so the rest
    // pose is known at once and every hold is timed live.
    add(10) { _ in 0 }
    for set in 0..<sets {
        for _ in 0..<reps {
            add(1.5) { tiltDegrees * $0 }
            add(holdSeconds) { _ in tiltDegrees }
            add(1.5) { tiltDegrees * (1 - $0) }
            add(restSeconds) { _ in 0 }
        }
        if set < sets - 1 { add(setGapSeconds) { _ in 0 } }
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

/// `DIR/bridge.csv`: one bridge, for tests about the daemon rather than the count.
func writeOneRepRecording(in dir: String) throws -> String {
    let path = "\(dir)/bridge.csv"
    try writeBridgeRecording(path: path, reps: 1)
    return path
}

/// What `repcount replay --json` prints for the recording: every pipeline
/// event of the same `Pipeline`, encoded by the same encoder.
func referenceEventLines(path: String, targets: Targets? = nil) throws -> [String] {
    let reader = try RecordingReader(path: path)
    let exercise = reader.metadata.exercise ?? .bridge
    var pipeline = Pipeline(configuration: PipelineConfiguration(exercise: exercise, placement: reader.metadata.placement, targets: targets))
    var lines: [String] = []
    let emit: (PipelineEvent) -> Void = { lines.append(EventEncoder.line(WireEvent($0)).trimmingCharacters(in: .newlines)) }
    while let s = try reader.next() { pipeline.process(s, emit) }
    pipeline.finish(emit)
    return lines
}

/// The `repcountd` built beside this test bundle.
func daemonExecutable() throws -> String {
    if let path = BuiltProducts.path("repcountd") { return path }
    throw DaemonTestError.missingExecutable("repcountd not found near \(CommandLine.arguments[0]); run `swift build` first")
}

enum DaemonTestError: Error, CustomStringConvertible {
    case missingExecutable(String)
    case timeout(String)
    var description: String {
        switch self {
        case let .missingExecutable(m), let .timeout(m): m
        }
    }
}

/// A running `repcountd` in a temporary directory, with its log captured.
final class DaemonProcess: @unchecked Sendable {
    let directory: String
    let socketPath: String
    let databasePath: String
    let logPath: String
    let process = Process()

    /// Starts `repcountd --socket … --database … <arguments>` and waits until its socket accepts connections.
    /// `launcher` runs the daemon through another program (e.g.
    /// `systemd-socket-activate -l PATH`), which then gets repcountd's path and arguments.
    init(
        directory: String, arguments: [String], environment: [String: String] = [:], waitForSocket: Bool = true,
        launcher: [String] = []
    ) throws {
        self.directory = directory
        socketPath = "\(directory)/d.sock"
        databasePath = "\(directory)/history.db"
        logPath = "\(directory)/daemon-\(UInt32.random(in: 0...UInt32.max)).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        let daemon = try daemonExecutable()
        let daemonArguments = ["--socket", socketPath, "--database", databasePath] + arguments
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(launcher.dropFirst()) + [daemon] + daemonArguments
        } else {
            process.executableURL = URL(fileURLWithPath: daemon)
            process.arguments = daemonArguments
        }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = log
        process.standardError = log
        try process.run()
        if waitForSocket { try self.waitForSocket() }
    }

    func waitForSocket(timeout: Double = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if canConnect(socketPath) { return }
            if !process.isRunning { throw DaemonTestError.timeout("repcountd exited early: \(log)") }
            usleep(20_000)
        }
        throw DaemonTestError.timeout("repcountd socket never appeared: \(log)")
    }

    var pid: Int32 { process.processIdentifier }
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the process to exit and returns its status.
    func waitForExit(timeout: Double = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                throw DaemonTestError.timeout("repcountd did not exit: \(log)")
            }
            usleep(10_000)
        }
        return process.terminationStatus
    }

    /// Stops the daemon if it still runs (SIGTERM, then SIGKILL).
    func stop() {
        guard process.isRunning else { return }
        signal(SIGTERM)
        if (try? waitForExit(timeout: 10)) == nil { signal(SIGKILL) }
    }

    deinit { stop() }
}

/// Whether something listens on the Unix socket at `path`.
func canConnect(_ path: String) -> Bool {
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return connectUnix(fd, path)
}

func connectUnix(_ fd: Int32, _ path: String) -> Bool {
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
    }
}

/// Reads events from `connection` until one satisfies `stop` (included) or the daemon closes.
func collectLines(_ connection: DaemonConnection, until stop: (JSONValue) -> Bool) async throws -> [String] {
    var lines: [String] = []
    while let line = try await connection.nextLine() {
        lines.append(line)
        if stop(try JSONValue.parse(line)) { break }
    }
    return lines
}

func type(of line: String) -> String? { (try? JSONValue.parse(line))?["type"]?.string }
