// swift-tools-version: 6.0
import PackageDescription

// Targets are split by role so that each one can be held in one head:
// a pure signal core (no I/O, no C, no clocks), recording I/O, evaluation,
// the wire protocol, the libiio shim and its wrapper, the history store,
// the daemon as a library, and thin executables on top.
let package = Package(
    name: "RepCount",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "repcount", targets: ["repcount"]),
        .executable(name: "repcount-bench", targets: ["repcount-bench"]),
        .executable(name: "repcountd", targets: ["repcountd"]),
        .executable(name: "repcount-sim", targets: ["repcount-sim"]),
        .executable(name: "repcount-iio-emulator", targets: ["repcount-iio-emulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // MARK: Platform

        // Detached pthreads and a pthread condition lock, without Foundation (its ICU data
        // would be most of repcountd's idle memory): for readers that block.
        .target(name: "RepCountPlatform"),

        // JSON values: an RFC 8259 parser and a deterministic writer, without Foundation
        // (labels files, the daemon's wire protocol).
        .target(name: "RepCountJSON"),

        // MARK: Signal and recordings

        // The streaming signal pipeline: samples in, events out. Pure Swift, no Foundation.
        .target(name: "RepCountCore"),
        // Recordings (CSV), their metadata and ground-truth labels.
        .target(name: "RepCountRecording", dependencies: ["RepCountCore", "RepCountPlatform", "RepCountJSON"]),
        // Scoring the counter against labelled recordings.
        .target(name: "RepCountEvaluation", dependencies: ["RepCountCore", "RepCountRecording"]),
        // Physically based generator of labelled recordings (docs/simulator.md).
        .target(name: "RepCountSimulation", dependencies: ["RepCountCore", "RepCountRecording"]),

        // MARK: Sensors

        // libiio 0.24 as a system library, with a small shim header.
        .systemLibrary(name: "CLibIIO", pkgConfig: "libiio", providers: [.apt(["libiio-dev"])]),
        // Thin Swift wrapper over libiio and the live accelerometer source. Only this target imports CLibIIO.
        .target(name: "RepCountIIO", dependencies: ["CLibIIO", "RepCountCore", "RepCountPlatform"]),
        // An emulated IIO accelerometer (sysfs on tmpfs + FIFO, optional iiod) in private namespaces, for tests.
        .target(name: "RepCountTestSupport", dependencies: ["RepCountCore", "RepCountRecording"]),

        // MARK: Daemon, protocol, history

        // The event stream's JSON Lines encoding, shared by `repcount replay --json` and the daemon.
        .target(name: "RepCountProtocol", dependencies: ["RepCountCore", "RepCountJSON"]),
        // The system SQLite, as a C module (only RepCountStore imports it).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // The history of sessions, sets and reps in SQLite: written by the daemon, read by clients.
        .target(name: "RepCountStore", dependencies: ["CSQLite", "RepCountCore"]),
        // The daemon as a library: sample sources, the session engine, the socket server.
        .target(
            name: "RepCountDaemon",
            dependencies: [
                "RepCountCore", "RepCountRecording", "RepCountStore", "RepCountProtocol", "RepCountJSON", "RepCountIIO",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // Talking to repcountd: connect, send requests, read JSON Lines (CLI and full-screen view).
        .target(
            name: "RepCountClient",
            dependencies: [
                "RepCountProtocol", "RepCountJSON", "RepCountCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),

        // MARK: Executables

        .executableTarget(
            name: "repcount",
            dependencies: [
                "RepCountCore", "RepCountRecording", "RepCountEvaluation", "RepCountProtocol", "RepCountJSON",
                "RepCountIIO", "RepCountClient", "RepCountTerminal", "RepCountProgress", "RepCountStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark: parse, pipeline and end-to-end replay against pandas+scipy (reference.py).
        .executableTarget(
            name: "repcount-bench",
            dependencies: [
                "RepCountCore", "RepCountRecording", "RepCountProtocol", "RepCountJSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["reference.py"]
        ),
        // Pure rendering of the live view for a terminal (screen model, block
        // digits, ANSI output); the only I/O is a small TTY layer.
        .target(name: "RepCountTerminal", dependencies: ["RepCountCore", "RepCountJSON"]),
        // Pure aggregation of kept sessions into days and weeks, text charts,
        // CSV/JSON export and the HTML report for a physical therapist.
        .target(name: "RepCountProgress", dependencies: ["RepCountCore"]),
        .executableTarget(
            name: "repcountd",
            dependencies: [
                "RepCountDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Idle memory (issue 4: under 20 MB resident). The Swift toolchain links every
            // executable with --export-dynamic (~14,000 symbols in .dynsym/.dynstr) and gold
            // writes ~53,000 relative relocations as 24-byte RELA entries (1.3 MB); the loader
            // reads both at start and they stay resident. lld with packed relative relocations
            // (DT_RELR, glibc 2.36 or later) and no exported symbols: 17.7-17.9 MiB instead of
            // 19.5-20.3 MiB (docs/daemon.md). Nothing loads repcountd's symbols at run time.
            linkerSettings: [
                .unsafeFlags(
                    ["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic"],
                    .when(platforms: [.linux], configuration: .release))
            ]
        ),
        .executableTarget(
            name: "repcount-sim",
            dependencies: [
                "RepCountCore", "RepCountRecording", "RepCountSimulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Runs a command against the emulated device, and measures the live source (manual checks, benchmarks).
        .executableTarget(
            name: "repcount-iio-emulator",
            dependencies: [
                "RepCountTestSupport", "RepCountIIO", "RepCountCore", "RepCountRecording",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmark: latency of an event fanned out to N watchers of repcountd (prints figures).
        .executableTarget(
            name: "repcountd-fanout",
            dependencies: ["RepCountClient", "RepCountProtocol", "RepCountCore"],
            exclude: ["repcountd-idle.sh"]
        ),

        // MARK: Tests

        .testTarget(name: "RepCountPlatformTests", dependencies: ["RepCountPlatform"]),
        .testTarget(name: "RepCountJSONTests", dependencies: ["RepCountJSON"]),
        .testTarget(name: "RepCountCoreTests", dependencies: ["RepCountCore", "RepCountRecording"]),
        .testTarget(name: "RepCountRecordingTests", dependencies: ["RepCountRecording", "RepCountTestSupport"]),
        .testTarget(name: "RepCountEvaluationTests", dependencies: ["RepCountEvaluation", "RepCountTestSupport"]),
        .testTarget(name: "RepCountSimulationTests", dependencies: ["RepCountSimulation", "RepCountCore", "RepCountRecording", "RepCountTestSupport"]),
        .testTarget(
            name: "RepCountIIOTests",
            dependencies: ["RepCountIIO", "RepCountTestSupport", "RepCountCore", "RepCountRecording"]
        ),
        .testTarget(name: "RepCountTestSupportTests", dependencies: ["RepCountTestSupport"]),
        .testTarget(name: "RepCountProtocolTests", dependencies: ["RepCountProtocol", "RepCountJSON", "RepCountCore"]),
        .testTarget(name: "RepCountStoreTests", dependencies: ["RepCountStore", "RepCountCore"]),
        .testTarget(
            name: "RepCountDaemonTests",
            dependencies: [
                // repcountd: the end-to-end tests run the built executable.
                // repcount-iio-emulator: the live-source test runs the daemon against an emulated accelerometer.
                "repcountd", "repcount-iio-emulator", "RepCountDaemon", "RepCountClient", "RepCountProtocol", "RepCountJSON", "RepCountStore", "RepCountRecording", "RepCountCore",
                "RepCountTestSupport",
            ]
        ),
        .testTarget(
            name: "RepCountClientTests",
            dependencies: ["RepCountClient", "RepCountProtocol", "RepCountJSON", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")]
        ),
        // Unit tests of the views, and the end-to-end test that runs the built
        // `repcountd` and `repcount watch` in tmux (the dependencies build them first).
        .testTarget(name: "RepCountTerminalTests", dependencies: ["RepCountTerminal", "RepCountCore", "RepCountTestSupport", "repcount", "repcountd"]),
        // Aggregation on in-memory sessions, and the history/progress/report
        // commands run on a real SQLite history written with the store's API.
        .testTarget(
            name: "RepCountProgressTests",
            dependencies: ["RepCountProgress", "RepCountCore", "RepCountStore", "RepCountTestSupport", "repcount", "repcountd"]
        ),
        // Runs the built `repcount` as a subprocess (the dependency makes sure it is built first).
        .testTarget(name: "repcountTests", dependencies: ["repcount", "repcountd", "RepCountProtocol", "RepCountJSON", "RepCountRecording", "RepCountTestSupport"]),
    ]
)
