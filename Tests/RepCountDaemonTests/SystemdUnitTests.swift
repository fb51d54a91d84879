import Foundation
import RepCountTestSupport
import Testing

/// The units in `systemd/` pass `systemd-analyze verify` (skipped only where
/// systemd-analyze is not installed; CI installs systemd).
@Suite struct SystemdUnitTests {
    static let analyzer = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The package's `systemd/` directory, found from this source file.
    static var unitDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("systemd").path
    }

    /// Copies the units to a temporary directory with ExecStart pointing at
    /// the built repcountd (verify insists the binary exists), applies `edit`,
    /// and runs `systemd-analyze verify`. Returns its exit status and output.
    func verify(edit: (String) -> String = { $0 }) throws -> (status: Int32, output: String) {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let binary = try daemonExecutable()
        var service = try String(contentsOfFile: "\(Self.unitDirectory)/repcountd.service", encoding: .utf8)
        service = edit(service.replacingOccurrences(of: "/usr/local/bin/repcountd", with: binary))
        try service.write(toFile: "\(dir)/repcountd.service", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: "\(Self.unitDirectory)/repcountd.socket", toPath: "\(dir)/repcountd.socket")
        let run = try ProcessRun(
            Self.analyzer!, ["verify", "\(dir)/repcountd.service", "\(dir)/repcountd.socket"], errorOutput: .mergedIntoOutput)
        return (run.status, run.stdout)
    }

    @Test(.enabled(if: analyzer != nil, "systemd-analyze is not installed"))
    func unitsVerifyCleanly() throws {
        let (status, output) = try verify()
        #expect(status == 0, "\(output)")
        #expect(!output.contains("Unknown key"), "\(output)")
        #expect(!output.contains("Failed to parse"), "\(output)")
    }

    /// A control: the same check rejects a broken unit, so a pass means something.
    @Test(.enabled(if: analyzer != nil, "systemd-analyze is not installed"))
    func aBrokenUnitFailsVerification() throws {
        let (status, output) = try verify { $0.replacingOccurrences(of: "Type=notify", with: "Type=notfiy") }
        #expect(status != 0 || output.contains("Failed to parse"), "\(output)")
    }

    @Test func serviceHasTheRequiredSettings() throws {
        let service = try String(contentsOfFile: "\(Self.unitDirectory)/repcountd.service", encoding: .utf8)
        for line in [
            "Type=notify", "WatchdogSec=", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes",
            "StateDirectory=repcount", "RuntimeDirectory=repcount", "User=repcount", "DeviceAllow=char-iio rw",
        ] {
            #expect(service.contains("\n\(line)"), "missing \(line)")
        }
        let socket = try String(contentsOfFile: "\(Self.unitDirectory)/repcountd.socket", encoding: .utf8)
        #expect(socket.contains("SocketMode=0660"))
        #expect(socket.contains("SocketGroup=repcount"))
    }
}
