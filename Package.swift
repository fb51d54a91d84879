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
        .executableTarget(
            name: "repcount",
            dependencies: [
                "RepCountCore", "RepCountRecording", "RepCountEvaluation", "RepCountTerminal", "RepCountProgress",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Pure rendering of the live view, history tables and charts for a terminal;
        // the only I/O is a small TTY layer (size, raw writes, SIGWINCH).
        .target(name: "RepCountTerminal", dependencies: ["RepCountCore"]),
        // Pure aggregation of kept sessions into days and weeks, charts, CSV/JSON
        // export and the HTML report for a physical therapist.
        .target(name: "RepCountProgress", dependencies: ["RepCountCore"]),
        .testTarget(name: "RepCountCoreTests", dependencies: ["RepCountCore", "RepCountRecording"]),
        .testTarget(name: "RepCountRecordingTests", dependencies: ["RepCountRecording"]),
        .testTarget(name: "RepCountEvaluationTests", dependencies: ["RepCountEvaluation"]),
        .testTarget(name: "RepCountTerminalTests", dependencies: ["RepCountTerminal", "RepCountCore"]),
        .testTarget(name: "RepCountProgressTests", dependencies: ["RepCountProgress", "RepCountCore"]),
    ]
)
