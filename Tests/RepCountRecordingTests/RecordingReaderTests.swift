import Foundation
import RepCountCore
import Testing

@testable import RepCountRecording
import RepCountTestSupport

@Suite struct RecordingReaderTests {
    private func readAll(_ path: String) throws -> (RecordingReader, [Sample]) {
        let reader = try RecordingReader(path: path)
        var samples: [Sample] = []
        while let s = try reader.next() { samples.append(s) }
        return (reader, samples)
    }

    /// The error thrown while opening and reading the whole file.
    private func failure(_ path: String) -> RecordingError? {
        do {
            _ = try readAll(path)
            return nil
        } catch let error as RecordingError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func readsMetadataHeaderAndRows() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file(
            "a.csv",
            """
            # sample_rate_hz: 100
            # exercise:  bridge
            #placement: thigh
            # a plain comment
            time_s,accel_x,accel_y,accel_z
            0.00,0.1,9.8,0.2
            0.01,-0.1,9.79,1e-2

            """)
        let (reader, samples) = try readAll(path)
        #expect(reader.metadata.sampleRateHz == 100)
        #expect(reader.metadata.exercise == .bridge)
        #expect(reader.metadata.placement == .thigh)
        #expect(reader.columns == ["time_s", "accel_x", "accel_y", "accel_z"])
        #expect(samples == [Sample(time: 0, x: 0.1, y: 9.8, z: 0.2), Sample(time: 0.01, x: -0.1, y: 9.79, z: 0.01)])
    }

    @Test func columnsInAnyOrderWithExtrasSpacesCRLFAndBlankLines() throws {
        let dir = try TemporaryDirectory()
        let text =
            "\u{FEFF}# device: adxl345\r\n\r\n anglvel_x , accel_z,time_s, raw ,accel_y,accel_x,tail\r\n"
            + " 5 , 3 , 0.5 , x , 2 , 1 ,junk\r\n" + "\r\n" + "# marker\r\n" + "6,  -3.5e0,1.0,y,2.25,\t-1 ,\r\n"
            + "7,0,1.0,z,0,0"  // equal time is fine; no final newline
        let (reader, samples) = try readAll(try dir.file("b.csv", text))
        #expect(reader.metadata["device"] == "adxl345")
        #expect(reader.columns == ["anglvel_x", "accel_z", "time_s", "raw", "accel_y", "accel_x", "tail"])
        #expect(
            samples == [
                Sample(time: 0.5, x: 1, y: 2, z: 3), Sample(time: 1, x: -1, y: 2.25, z: -3.5), Sample(time: 1, x: 0, y: 0, z: 0),
            ])
    }

    @Test func streamsAcrossManyBuffersWithConstantState() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/long.csv"
        let writer = try RecordingWriter(path: path, timeDecimals: 3, valueDecimals: 3)
        // Over 4 MB, so lines straddle many 256 KiB buffer boundaries.
        let count = 150_000
        for i in 0..<count {
            let t = Double(i) / 100
            try writer.write(Sample(time: t, x: sin(t) * 3, y: 9.81 + cos(t * 0.7), z: Double(i % 1000) - 500.5))
        }
        try writer.close()
        let reader = try RecordingReader(path: path)
        var n = 0
        while let s = try reader.next() {
            let t = Double(n) / 100
            #expect(s.time == (t * 1000).rounded() / 1000)
            #expect(abs(s.accel.x - sin(t) * 3) <= 0.0005 + 1e-12)
            #expect(s.accel.z == Double(n % 1000) - 500.5)
            n += 1
        }
        #expect(n == count)
        #expect(reader.lineNumber == count + 1)
    }

    @Test func missingFile() {
        #expect(failure("/nonexistent/dir/x.csv") == .cannotOpen(file: "/nonexistent/dir/x.csv", reason: "No such file or directory"))
    }

    @Test func emptyFiles() throws {
        let dir = try TemporaryDirectory()
        let empty = try dir.file("empty.csv", "")
        #expect(failure(empty) == .empty(file: empty))
        let onlyMetadata = try dir.file("meta.csv", "# exercise: bridge\n\n   \n")
        #expect(failure(onlyMetadata) == .empty(file: onlyMetadata))
    }

    @Test func headerOnlyHasNoSamples() throws {
        let dir = try TemporaryDirectory()
        let (_, samples) = try readAll(try dir.file("h.csv", "time_s,accel_x,accel_y,accel_z\n"))
        #expect(samples.isEmpty)
    }

    @Test func headerWithoutRequiredColumn() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("h.csv", "# exercise: bridge\ntime_s,accel_x,accel_y,accel_q\n0,1,2,3\n")
        #expect(failure(path) == .missingColumn(file: path, line: 2, column: "accel_z"))
        #expect(failure(path)?.description.hasPrefix("\(path):2: header has no 'accel_z' column") == true)
    }

    @Test func headerWithARequiredColumnTwice() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("d.csv", "time_s,accel_x,accel_y,accel_z,accel_x\n0,1,2,3,4\n")
        #expect(failure(path) == .duplicateColumn(file: path, line: 1, column: "accel_x"))
    }

    @Test func unparsableField() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("u.csv", "time_s,accel_x,accel_y,accel_z\n0,1,2,3\n0.01,1, 9.8.1 ,3\n")
        #expect(failure(path) == .malformedField(file: path, line: 3, column: 3, name: "accel_y", text: "9.8.1"))
        #expect(failure(path)?.description == "\(path):3:3: 'accel_y' is not a number: '9.8.1'")
    }

    @Test func emptyFieldIsUnparsable() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("e.csv", "accel_x,accel_y,accel_z,time_s\n1,,3,0\n")
        #expect(failure(path) == .malformedField(file: path, line: 2, column: 2, name: "accel_y", text: ""))
    }

    @Test(arguments: ["nan", "-inf", "Infinity", "1e400"])
    func nonFiniteValue(_ text: String) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("n.csv", "time_s,accel_x,accel_y,accel_z\n0,1,2,3\n0.01,\(text),2,3\n")
        #expect(failure(path) == .nonFinite(file: path, line: 3, column: 2, name: "accel_x", text: text))
    }

    @Test func rowEndsEarly() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("s.csv", "time_s,accel_x,accel_y,accel_z\n0,1,2\n")
        #expect(failure(path) == .missingField(file: path, line: 2, column: 4, name: "accel_z"))
    }

    @Test func timeGoingBackwards() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("t.csv", "accel_x,time_s,accel_y,accel_z\n1,0.00,2,3\n1,0.02,2,3\n\n1,0.01,2,3\n")
        #expect(failure(path) == .timeWentBackwards(file: path, line: 5, column: 2, time: 0.01, previous: 0.02))
        #expect(failure(path)?.description == "\(path):5:2: time_s goes backwards: 0.01 after 0.02")
    }

    @Test func errorLineNumbersCountAcrossBuffers() throws {
        let dir = try TemporaryDirectory()
        var text = "time_s,accel_x,accel_y,accel_z\n"
        let rows = 40_000  // about 1 MB: the bad row is several buffers in
        for i in 0..<rows { text += "\(i),0.123456,9.812345,0.654321\n" }
        text += "\(rows),0.1,oops,0.3\n"
        let path = try dir.file("l.csv", text)
        #expect(failure(path) == .malformedField(file: path, line: rows + 2, column: 3, name: "accel_y", text: "oops"))
    }

    @Test func lineLongerThanTheBuffer() throws {
        let dir = try TemporaryDirectory()
        let long = String(repeating: "1", count: RecordingReader.bufferSize + 10)
        let path = try dir.file("long.csv", "time_s,accel_x,accel_y,accel_z\n0,1,2,3\n0,\(long),2,3\n")
        #expect(failure(path) == .lineTooLong(file: path, line: 3, limit: RecordingReader.bufferSize))
    }

    @Test func longFieldTextIsShortenedInTheMessage() throws {
        let dir = try TemporaryDirectory()
        let junk = String(repeating: "x", count: 100)
        let path = try dir.file("j.csv", "time_s,accel_x,accel_y,accel_z\n\(junk),1,2,3\n")
        #expect(failure(path) == .malformedField(file: path, line: 2, column: 1, name: "time_s", text: String(repeating: "x", count: 40) + "..."))
    }

    @Test func failedOpensDoNotLeakFileDescriptors() throws {
        let dir = try TemporaryDirectory()
        let bad = try dir.file("bad.csv", "time_s,accel_x\n0,1\n")
        let good = try dir.file("good.csv", "time_s,accel_x,accel_y,accel_z\n0,1,2,3\n")
        // Counts only descriptors on this test's files: other tests run in parallel.
        func openHere() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter { fd in
                let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)")
                return target?.hasPrefix(dir.path) == true
            }.count
        }
        for _ in 0..<200 {
            _ = try? RecordingReader(path: bad)
            let reader = try RecordingReader(path: good)
            _ = try reader.next()
            #expect(try openHere() == 1)
        }
        #expect(try openHere() == 0)
    }

    @Test func directoryIsNotARecording() throws {
        let dir = try TemporaryDirectory()
        guard case .readFailed(let file, _)? = failure(dir.path) else {
            Issue.record("expected readFailed, got \(String(describing: failure(dir.path)))")
            return
        }
        #expect(file == dir.path)
    }
}

extension RecordingReaderTests {
    /// Damaged files (random bytes spliced into a valid one) must end in a
    /// sample stream or a `RecordingError`, never a crash or a hang.
    @Test func damagedFilesFailCleanly() throws {
        let dir = try TemporaryDirectory()
        var valid = Array("# exercise: bridge\ntime_s,accel_x,accel_y,accel_z,extra\n".utf8)
        for i in 0..<300 { valid += Array("\(Double(i) / 100),0.1\(i % 10),9.8,-0.3e0,x\r\n".utf8) }
        let alphabet = Array("0123456789.,-+eE \t\r\n#nNaiIf:x\u{0}".utf8) + [0xFF, 0xEF, 0xBB, 0xBF]
        var rng = SplitMix64(seed: 0xDA3A6E)
        for round in 0..<300 {
            var bytes = valid
            for _ in 0..<Int(rng.next() % 8 + 1) {
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes[at] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                case 1: bytes.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: at)
                default: bytes.removeSubrange(at..<min(bytes.count, at + Int(rng.next() % 40)))
                }
            }
            let path = try dir.file("damaged-\(round).csv", bytes: bytes)
            do {
                let reader = try RecordingReader(path: path)
                var previous = -Double.infinity
                while let s = try reader.next() {
                    #expect(s.time >= previous && s.time.isFinite && s.accel.x.isFinite && s.accel.y.isFinite && s.accel.z.isFinite)
                    previous = s.time
                }
            } catch {
                // Every error names this file.
                #expect(error.description.hasPrefix(path))
            }
        }
    }
}
