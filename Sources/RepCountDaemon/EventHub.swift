import NIOCore
import Synchronization

/// Fans events out to the connections that watch.
///
/// Every connection lives on the hub's one event loop, so the watcher table
/// is touched only there and needs no lock. The engine encodes each event
/// once; `publish` hands the same bytes to every watcher in one hop onto the
/// loop and returns at once: a slow watcher never slows the pipeline (its
/// connection drops itself when its outbound buffer overflows).
public final class EventHub: Sendable {
    let eventLoop: EventLoop
    private let watchers: NIOLoopBoundBox<[ObjectIdentifier: (handler: ConnectionHandler, motion: Bool)]>
    private let count = Atomic<Int>(0)
    private let motionCount = Atomic<Int>(0)

    init(eventLoop: EventLoop) {
        self.eventLoop = eventLoop
        watchers = .makeBoxSendingValue([:], eventLoop: eventLoop)
    }

    /// How many connections watch now.
    public var watcherCount: Int { count.load(ordering: .relaxed) }
    /// Whether anyone asked for the tilt stream (so the engine can skip encoding it).
    public var wantsMotion: Bool { motionCount.load(ordering: .relaxed) > 0 }

    /// Sends `line` (one encoded event, newline included) to every watcher;
    /// `motion` events only to those that asked for them.
    public func publish(_ line: ByteBuffer, motion: Bool = false) {
        eventLoop.execute {
            for (_, watcher) in self.watchers.value where !motion || watcher.motion {
                watcher.handler.send(line)
            }
        }
    }

    /// Adds or updates a watcher. Must run on the event loop.
    func add(_ handler: ConnectionHandler, motion: Bool) {
        let key = ObjectIdentifier(handler)
        if let old = watchers.value[key] {
            if old.motion { motionCount.subtract(1, ordering: .relaxed) }
        } else {
            count.add(1, ordering: .relaxed)
        }
        if motion { motionCount.add(1, ordering: .relaxed) }
        watchers.value[key] = (handler, motion)
    }

    /// Removes a watcher (no-op if it was not one). Must run on the event loop.
    func remove(_ handler: ConnectionHandler) {
        guard let old = watchers.value.removeValue(forKey: ObjectIdentifier(handler)) else { return }
        count.subtract(1, ordering: .relaxed)
        if old.motion { motionCount.subtract(1, ordering: .relaxed) }
    }

    /// Waits until at least `n` connections watch (replay start gate for tests and demos).
    public func waitForWatchers(_ n: Int) async {
        while watcherCount < n, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }
}
