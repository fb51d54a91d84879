import ArgumentParser
import Foundation
import RepCountTestSupport

/// `repcount-iio-emulator`: an emulated IIO accelerometer for manual checks
/// and benchmarks, in a private mount and network namespace (needs root).
@main
struct Emulator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repcount-iio-emulator",
        abstract: "Run commands against an emulated IIO accelerometer (root; private namespaces).",
        subcommands: [RunCommand.self, Bench.self],
        defaultSubcommand: RunCommand.self)
}

/// The emulated device and what it streams, shared by the subcommands.
struct DeviceOptions: ParsableArguments {
    @Option(help: "Driver name of the device.")
    var name = "adxl345"

    @Option(help: "Scan element type of the accel channels, e.g. le:s13/16>>0, le:s12/16>>4, be:s16/16>>0.")
    var format = "le:s13/16>>0"

    @Option(help: "in_accel_scale, m/s^2 per count.")
    var scale = "0.038300"

    @Option(help: "Per-axis offsets in counts, 'x,y,z' (default: none).")
    var offsets: String?

    @Option(help: "Samples per second the device produces (and reports).")
    var rate: Double = 400

    @Flag(help: "Leave out the timestamp channel.")
    var noTimestamp = false

    @Option(help: "Stream this recording (looped) instead of a counter pattern.")
    var recording: String?

    @Option(help: "Seconds to stream.")
    var seconds: Double = 60

    var device: EmulatedAccelerometer {
        EmulatedAccelerometer(
            name: name, format: format, scale: scale, offsets: offsets.map { $0.split(separator: ",").map(String.init) },
            samplingFrequency: rate == rate.rounded() ? String(Int(rate)) : String(rate), timestamp: !noTimestamp)
    }

    /// Scan `i` of the stream: the recording's, or a counter pattern.
    func scanMaker(_ device: EmulatedAccelerometer) throws -> @Sendable (Int) -> [UInt8] {
        if let recording {
            let q = try QuantizedRecording(path: recording, device: device)
            return { i in
                let s = q.scan(i)
                return device.pack(raw: (s.raw.x, s.raw.y, s.raw.z), timestamp: s.timestamp)
            }
        }
        let period = 1e9 / rate
        return { i in
            let r = device.rawRange
            let v = r.lowerBound + Int64(i) % (r.upperBound - r.lowerBound + 1)
            return device.pack(raw: (v, -v, 0), timestamp: QuantizedRecording.epoch + Int64(Double(i) * period))
        }
    }
}

/// Sets up the device, streams at its rate, runs a command in the namespace
/// and reports the command's CPU time.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Stream the emulated device in real time and run COMMAND in its namespace.",
        discussion: """
            Example: repcount-iio-emulator run --rate 400 --seconds 65 -- \\
                       repcount record --device local: --seconds 60 --out /tmp/r.csv
            Prints the command's user+system CPU time (from wait4) when it exits.
            """)

    @OptionGroup var options: DeviceOptions

    @Option(help: "Also serve the device with iiod on 127.0.0.1:PORT (inside the namespace).")
    var iiodPort: UInt16?

    @Argument(parsing: .postTerminator, help: "The command to run inside the namespace.")
    var command: [String] = ["iio_info", "-u", "local:"]

    func run() throws {
        let ns = try IIONamespace()
        let device = options.device
        let writer = try ns.perform { try device.install(); return try FIFOWriter(path: device.devicePath) }
        let daemon = try iiodPort.map { try IIODaemon(namespace: ns, port: $0) }
        let feeder = ScanFeeder(
            writer: writer, count: Int(options.seconds * options.rate), rate: options.rate, scan: try options.scanMaker(device))
        let start = ScanFeeder.monotonicNanoseconds()
        let pid = try ns.spawn(command)
        // Ctrl-C goes to the whole foreground group; the command handles it
        // (repcount record stops cleanly) and this process waits for it.
        signal(SIGINT, SIG_IGN)
        let (status, usage) = IIONamespace.wait(pid)
        let wall = Double(ScanFeeder.monotonicNanoseconds() - start) / 1e9
        feeder.stop()
        daemon?.stop()
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        let line = String(
            format: "repcount-iio-emulator: %@ exited %d; CPU user+system %.3f s over %.1f s wall = %.3f%% of one core\n",
            command.joined(separator: " "), status, cpu, wall, 100 * cpu / wall)
        FileHandle.standardError.write(Data(line.utf8))
        if status != 0 { throw ExitCode(status) }
    }
}
