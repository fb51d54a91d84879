import Foundation

/// The executables SwiftPM built beside the running test bundle
/// (`.build/<configuration>/`), for tests that run them as a user would.
public enum BuiltProducts {
    /// Directory levels searched above the test process: the bundle may be a
    /// directory (`RepCountPackageTests.xctest/...`) on some platforms.
    static let levels = 4

    /// The path of the built executable `name`, or nil when it is not built.
    public static func path(_ name: String) -> String? {
        let starts = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(), Bundle.main.bundleURL]
        for start in starts {
            var dir = start
            for _ in 0..<levels {
                let candidate = dir.appendingPathComponent(name).path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                dir.deleteLastPathComponent()
            }
        }
        return nil
    }

    /// The built executable `name`, or the bare name when it is not built (the test
    /// that runs it then fails saying what was missing).
    public static func executable(_ name: String) -> String { path(name) ?? name }
}
