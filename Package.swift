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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        .executableTarget(
            name: "repcount",
            dependencies: [
                "RepCountCore", "RepCountRecording", "RepCountEvaluation", "RepCountProtocol",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark: parse, pipeline and end-to-end replay against pandas+scipy (reference.py).
        .executableTarget(
            name: "repcount-bench",
            dependencies: [
                "RepCountCore", "RepCountRecording", "RepCountProtocol",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["reference.py"]
        ),
        .testTarget(name: "RepCountCoreTests", dependencies: ["RepCountCore", "RepCountRecording"]),
        .testTarget(name: "RepCountRecordingTests", dependencies: ["RepCountRecording"]),
        .testTarget(name: "RepCountEvaluationTests", dependencies: ["RepCountEvaluation"]),
        .testTarget(name: "RepCountProtocolTests", dependencies: ["RepCountProtocol", "RepCountCore"]),
        // Runs the built `repcount` as a subprocess (the dependency makes sure it is built first).
        .testTarget(name: "repcountTests", dependencies: ["repcount", "RepCountProtocol", "RepCountRecording"]),
    ]
)
