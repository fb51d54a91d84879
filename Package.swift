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
        .executable(name: "repcount-iio-emulator", targets: ["repcount-iio-emulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The streaming signal pipeline: samples in, events out. Pure Swift, no Foundation.
        .target(name: "RepCountCore"),
        // Recordings (CSV), their metadata and ground-truth labels.
        .target(name: "RepCountRecording", dependencies: ["RepCountCore"]),
        // libiio 0.24 as a system library, with a small shim header.
        .systemLibrary(name: "CLibIIO", pkgConfig: "libiio", providers: [.apt(["libiio-dev"])]),
        // Thin Swift wrapper over libiio and the live accelerometer source. Only this target imports CLibIIO.
        .target(name: "RepCountIIO", dependencies: ["CLibIIO", "RepCountCore"]),
        // An emulated IIO accelerometer (sysfs on tmpfs + FIFO, optional iiod) in private namespaces, for tests.
        .target(name: "RepCountTestSupport", dependencies: ["RepCountCore", "RepCountRecording"]),
        // Runs a command against the emulated device, and measures the live source (manual checks, benchmarks).
        .executableTarget(
            name: "repcount-iio-emulator",
            dependencies: [
                "RepCountTestSupport", "RepCountIIO", "RepCountCore", "RepCountRecording",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "repcount",
            dependencies: [
                "RepCountCore", "RepCountRecording", "RepCountIIO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RepCountCoreTests", dependencies: ["RepCountCore", "RepCountRecording"]),
        .testTarget(name: "RepCountRecordingTests", dependencies: ["RepCountRecording"]),
        .testTarget(
            name: "RepCountIIOTests",
            dependencies: ["RepCountIIO", "RepCountTestSupport", "RepCountCore", "RepCountRecording"]
        ),
    ]
)
