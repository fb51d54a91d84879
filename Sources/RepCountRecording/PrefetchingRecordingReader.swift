import RepCountCore
import RepCountPlatform

/// A `RecordingReader` that parses on a second thread while the caller runs
/// the pipeline, handing samples over in fixed batches.
///
/// Parsing and the pipeline each take about half of a replay's time, so on
/// a machine with two cores this nearly halves a long replay's wall time.
/// The samples, their order and the errors are exactly those of
/// `RecordingReader` (an error comes after every sample before it), so
/// the output is the same; memory stays constant: `batchCount` batches of
/// `batchSize` samples plus the reader's buffer.
public final class PrefetchingRecordingReader {
    public let path: String
    /// The `# key: value` lines before the header.
    public let metadata: RecordingMetadata
    /// Header names in file order.
    public let columns: [String]

    /// Samples per hand-over: 4096 samples are 128 KiB, large enough that
    /// the lock is taken only ~900 times for a 10-hour recording.
    public static let batchSize = 4096
    /// Batches in flight: one being parsed, one being consumed, two spare to
    /// absorb jitter between the threads.
    public static let batchCount = 4

    private let shared: Shared
    private var batch: UnsafeMutablePointer<Sample>
    private var index = 0
    private var count = 0
    /// The slot the consumer holds, or -1.
    private var slot = -1
    private var finished = false

    /// Opens `path` and reads its metadata and header (errors in them are
    /// thrown here), then starts parsing the rows in the background.
    public init(path: String) throws(RecordingError) {
        let reader = try RecordingReader(path: path)
        self.path = path
        metadata = reader.metadata
        columns = reader.columns
        shared = Shared(reader: reader)
        batch = shared.storage
        let shared = self.shared
        DetachedThread.start(name: "repcount.reader") { shared.produce() }
    }

    deinit {
        shared.cancel(releasing: slot)
    }

    /// The next sample, or `nil` at the end of the file.
    @inline(__always)
    public func next() throws(RecordingError) -> Sample? {
        if index < count {
            defer { index += 1 }
            return batch[index]
        }
        return try nextBatch()
    }

    private func nextBatch() throws(RecordingError) -> Sample? {
        guard !finished else { return nil }
        let taken: (slot: Int, count: Int)?
        do {
            taken = try shared.take(releasing: slot)
        } catch {
            finished = true
            slot = -1
            throw error
        }
        guard let taken else {
            finished = true
            slot = -1
            return nil
        }
        slot = taken.slot
        batch = shared.storage + taken.slot * Self.batchSize
        count = taken.count
        index = 0
        return try next()
    }

    /// The state both threads share, guarded by `condition`.
    private final class Shared: @unchecked Sendable {
        let storage: UnsafeMutablePointer<Sample>
        private let condition = ConditionLock()
        private var reader: RecordingReader?
        /// Filled slots in file order, with their sample counts.
        private var filled: [(slot: Int, count: Int)] = []
        private var free: [Int] = Array(0..<PrefetchingRecordingReader.batchCount)
        private var ended = false
        private var failure: RecordingError?
        private var cancelled = false

        init(reader: RecordingReader) {
            self.reader = reader
            let capacity = PrefetchingRecordingReader.batchSize * PrefetchingRecordingReader.batchCount
            storage = .allocate(capacity: capacity)
            storage.initialize(repeating: Sample(time: 0, x: 0, y: 0, z: 0), count: capacity)
            filled.reserveCapacity(PrefetchingRecordingReader.batchCount)
        }

        deinit { storage.deallocate() }

        /// The background thread: fills free slots until the end, an error,
        /// or the consumer goes away.
        func produce() {
            guard let reader else { return }
            while true {
                condition.lock()
                while free.isEmpty, !cancelled { condition.wait() }
                if cancelled {
                    condition.unlock()
                    return
                }
                let slot = free.removeFirst()
                condition.unlock()

                let base = storage + slot * PrefetchingRecordingReader.batchSize
                var n = 0
                var atEnd = false
                var error: RecordingError?
                do {
                    while n < PrefetchingRecordingReader.batchSize {
                        guard let sample = try reader.next() else {
                            atEnd = true
                            break
                        }
                        base[n] = sample
                        n += 1
                    }
                } catch let e {
                    error = e
                }

                condition.lock()
                filled.append((slot, n))
                if atEnd || error != nil {
                    ended = true
                    failure = error
                }
                condition.broadcast()
                condition.unlock()
                if atEnd || error != nil {
                    self.reader = nil  // closes the file now, not when the consumer lets go
                    return
                }
            }
        }

        /// Returns the consumer's slot (if any) and waits for the next filled
        /// one; `nil` at the end, or the reader's error once every sample
        /// before it has been taken.
        func take(releasing slot: Int) throws(RecordingError) -> (slot: Int, count: Int)? {
            condition.lock()
            defer { condition.unlock() }
            if slot >= 0 {
                free.append(slot)
                condition.broadcast()
            }
            while filled.isEmpty, !ended { condition.wait() }
            if !filled.isEmpty { return filled.removeFirst() }
            if let failure { throw failure }
            return nil
        }

        /// The consumer is gone: stop the producer at its next batch.
        func cancel(releasing slot: Int) {
            condition.lock()
            cancelled = true
            if slot >= 0 { free.append(slot) }
            condition.broadcast()
            condition.unlock()
        }
    }
}
