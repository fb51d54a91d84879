import Foundation
import RepCountClient
import RepCountCore
import RepCountProtocol
import Synchronization

/// repcountd-fanout: how long an event takes to reach N watchers.
///
/// Starts `repcountd` (the one built beside this program) on a real-speed
/// replay, connects N watchers, then a controller sends `start` R times. Each
/// `start` publishes a `session` event to every watcher. Per round it prints
/// nothing; at the end it prints, over all rounds: the latency from sending
/// `start` to the first and to the last watcher receiving the event, and the
/// spread between them (what fanning out to N adds). Run it with N = 1 and
/// N = 100 to compare.
///
///     swift build -c release --product repcountd && swift build -c release --product repcountd-fanout
///     .build/release/repcountd-fanout 100 200
@main
enum Fanout {
    static func main() async throws {
        let args = CommandLine.arguments
        let watchers = args.count > 1 ? Int(args[1]) ?? 100 : 100
        let rounds = args.count > 2 ? Int(args[2]) ?? 200 : 200
        let dir = NSTemporaryDirectory() + "repcountd-fanout-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }

        // Stillness longer than any run: the daemon runs its pipeline as live, with
        // nothing to count.
        let rateHz = 100
        let seconds = 600
        var csv = "# sample_rate_hz: \(rateHz)\n# exercise: bridge\ntime_s,accel_x,accel_y,accel_z\n"
        for i in 0..<(rateHz * seconds) { csv += "\(Double(i) / Double(rateHz)),0,0,9.81\n" }
        try csv.write(toFile: "\(dir)/still.csv", atomically: true, encoding: .utf8)

        let daemonPath = URL(fileURLWithPath: args[0]).deletingLastPathComponent().appendingPathComponent("repcountd").path
        let socket = "\(dir)/d.sock"
        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: daemonPath)
        daemon.arguments = [
            "--replay", "\(dir)/still.csv", "--speed", "1", "--idle", "--socket", socket, "--database", "\(dir)/h.db",
            "--log-level", "warning",
        ]
        try daemon.run()
        defer { daemon.terminate() }
        while !FileManager.default.fileExists(atPath: socket) { try await Task.sleep(for: .milliseconds(20)) }
        try await Task.sleep(for: .milliseconds(200))

        let clock = ContinuousClock()
        let received = Box<[[ContinuousClock.Instant]]>(Array(repeating: [], count: rounds))
        let sent = Box<[ContinuousClock.Instant]>([])

        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<watchers {
                group.addTask {
                    try await DaemonConnection.withConnection(socketPath: socket) { c in
                        _ = try await c.call(.watch(motion: false))
                        var round = 0
                        while round < rounds, let m = try await c.nextMessage() {
                            guard m["type"]?.string == "session", m["phase"]?.string == "started" else { continue }
                            let now = clock.now
                            let r = round
                            received.value.withLock { $0[r].append(now) }
                            round += 1
                        }
                    }
                }
            }
            group.addTask {
                try await DaemonConnection.withConnection(socketPath: socket) { c in
                    while try await c.call(.status)["watchers"]?.int != watchers {
                        try await Task.sleep(for: .milliseconds(20))
                    }
                    for _ in 0..<rounds {
                        let t0 = clock.now
                        sent.value.withLock { $0.append(t0) }
                        _ = try await c.call(.start(StartRequest(exercise: .bridge)))
                        // Let the round settle so rounds do not overlap.
                        try await Task.sleep(for: .milliseconds(50))
                    }
                }
            }
            try await group.waitForAll()
        }

        let starts = sent.value.withLock { $0 }
        let arrivals = received.value.withLock { $0 }
        var first: [Double] = []
        var last: [Double] = []
        var spread: [Double] = []
        for (r, times) in arrivals.enumerated() where times.count == watchers {
            let ms = times.map { ($0 - starts[r]).milliseconds }.sorted()
            first.append(ms.first!)
            last.append(ms.last!)
            spread.append(ms.last! - ms.first!)
        }
        func describe(_ v: [Double]) -> String {
            let s = v.sorted()
            func p(_ q: Double) -> Double { s[min(s.count - 1, Int(q * Double(s.count)))] }
            return String(format: "median %.2f ms, p95 %.2f ms, max %.2f ms", p(0.5), p(0.95), s.last!)
        }
        print("repcountd-fanout: \(watchers) watchers, \(first.count) rounds (start -> session event)")
        print("  first watcher:  \(describe(first))")
        print("  last watcher:   \(describe(last))")
        print("  spread (fan-out to \(watchers)): \(describe(spread))")
    }
}

extension Duration {
    var milliseconds: Double {
        let (s, atto) = components
        return Double(s) * 1e3 + Double(atto) * 1e-15
    }
}

/// A lock-protected value shared by the watcher tasks.
final class Box<T: Sendable>: Sendable {
    let value: Mutex<T>
    init(_ v: T) { value = Mutex(v) }
}
