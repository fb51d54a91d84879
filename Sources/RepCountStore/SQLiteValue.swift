/// A value bound to a statement parameter.
enum SQLiteValue {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    static func optional(_ v: Double?) -> SQLiteValue { v.map { .real($0) } ?? .null }
    static func optional(_ v: String?) -> SQLiteValue { v.map { .text($0) } ?? .null }
}
