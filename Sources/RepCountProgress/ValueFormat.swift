import Foundation

/// Locale-independent number formatting for tables and exports (a CSV read
/// by a spreadsheet must not get "5,8" on a French machine).
enum ValueFormat {
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", locale: Locale(identifier: "en_US_POSIX"), value)
    }

    static func seconds(_ value: Double?) -> String {
        value.map { fixed($0, 1) } ?? "-"
    }

    static func percent(_ share: Double?) -> String {
        share.map { fixed($0 * 100, 0) + "%" } ?? "-"
    }
}
