import Foundation

/// A fresh directory under the system temporary directory, removed on deinit,
/// so tests exercise real files.
public final class TemporaryDirectory {
    public let path: String

    public init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("repcount-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `contents` to `name` in the directory and returns its path.
    @discardableResult
    public func file(_ name: String, _ contents: String) throws -> String {
        let p = path + "/" + name
        try contents.write(toFile: p, atomically: false, encoding: .utf8)
        return p
    }

    /// Writes raw bytes.
    @discardableResult
    public func file(_ name: String, bytes: [UInt8]) throws -> String {
        let p = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }
}
