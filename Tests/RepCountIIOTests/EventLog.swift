import Foundation
import RepCountIIO
import RepCountTestSupport

/// Collects a `LiveSource`'s events from its reading thread, for tests to
/// wait on and inspect.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storedEvents: [LiveSourceEvent] = []
    private let changed = DispatchSemaphore(value: 0)

    func append(_ event: LiveSourceEvent) {
        lock.withLock { storedEvents.append(event) }
        changed.signal()
    }

    var events: [LiveSourceEvent] { lock.withLock { storedEvents } }

    var samples: [LiveSample] {
        events.flatMap { event -> [LiveSample] in
            if case let .samples(batch) = event { return batch }
            return []
        }
    }

    var states: [SensorState] {
        events.compactMap { event in
            if case let .state(s) = event { return s }
            return nil
        }
    }

    /// Waits until `condition` holds for the log, up to `timeout` seconds.
    @discardableResult
    func wait(timeout: Double, until condition: (EventLog) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition(self) {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return false }
            _ = changed.wait(timeout: .now() + min(left, 0.1))
        }
        return true
    }
}

extension IIONamespace {
    /// Runs `source` on a thread inside this namespace, logging its events.
    func run(_ source: LiveSource) throws -> EventLog {
        let log = EventLog()
        try startThread(name: "repcount.iio.test-source") { source.run { log.append($0) } }
        return log
    }
}

/// Whether the emulated-device tests can run here, and why not.
enum Emulation {
    static let available = IIONamespace.unavailableReason == nil
    static let skipReason = IIONamespace.unavailableReason ?? ""
}
