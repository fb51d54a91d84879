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
        .executable(name: "repcountd", targets: ["repcountd"]),
        .executable(name: "repcount-sim", targets: ["repcount-sim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The streaming signal pipeline: samples in, events out. Pure Swift, no Foundation.
        .target(name: "RepCountCore"),
        // Recordings (CSV), their metadata and ground-truth labels.
        .target(name: "RepCountRecording", dependencies: ["RepCountCore"]),
        // Scoring the counter against labelled recordings.
        .target(name: "RepCountEvaluation", dependencies: ["RepCountCore", "RepCountRecording"]),
        // The event stream's JSON Lines encoding, shared by `repcount replay --json` and the daemon.
        .target(name: "RepCountProtocol", dependencies: ["RepCountCore"]),
        // The system SQLite, as a C module (only RepCountStore imports it).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // The history of sessions, sets and reps in SQLite: written by the daemon, read by clients.
        .target(name: "RepCountStore", dependencies: ["CSQLite", "RepCountCore"]),
        // The daemon as a library: sample sources, the session engine, the socket server.
        .target(
            name: "RepCountDaemon",
            dependencies: [
                "RepCountCore", "RepCountRecording", "RepCountStore", "RepCountProtocol",
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
                "RepCountProtocol", "RepCountCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "repcountd",
            dependencies: [
                "RepCountDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "repcount",
            dependencies: [
                "RepCountCore", "RepCountRecording", "RepCountEvaluation", "RepCountProtocol", "RepCountClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Physically based generator of labelled recordings (docs/simulator.md).
        .target(name: "RepCountSimulation", dependencies: ["RepCountCore", "RepCountRecording"]),
        .executableTarget(
            name: "repcount-sim",
            dependencies: [
                "RepCountCore", "RepCountRecording", "RepCountSimulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RepCountSimulationTests", dependencies: ["RepCountSimulation", "RepCountCore", "RepCountRecording"]),
        .testTarget(name: "RepCountCoreTests", dependencies: ["RepCountCore", "RepCountRecording"]),
        .testTarget(name: "RepCountRecordingTests", dependencies: ["RepCountRecording"]),
        .testTarget(name: "RepCountEvaluationTests", dependencies: ["RepCountEvaluation"]),
        .testTarget(name: "RepCountProtocolTests", dependencies: ["RepCountProtocol", "RepCountCore"]),
        // Runs the built `repcount` as a subprocess (the dependency makes sure it is built first).
        .testTarget(name: "repcountTests", dependencies: ["repcount", "RepCountProtocol", "RepCountRecording"]),
        .testTarget(name: "RepCountStoreTests", dependencies: ["RepCountStore", "RepCountCore"]),
        .testTarget(
            name: "RepCountDaemonTests",
            dependencies: [
                // repcountd: the end-to-end tests run the built executable.
                "repcountd", "RepCountDaemon", "RepCountClient", "RepCountProtocol", "RepCountStore", "RepCountRecording", "RepCountCore",
            ]
        ),
        .testTarget(name: "RepCountClientTests", dependencies: ["RepCountClient", "RepCountProtocol"]),
    ]
)
