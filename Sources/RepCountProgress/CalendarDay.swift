import Foundation

/// A local calendar date, the unit of "a day done".
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init(parsing text: String) throws(ProgressError) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
            throw .invalidDate(text: text)
        }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Days and ISO weeks in one time zone: the only place progress code touches
/// the calendar, so tests can fix the zone and get the same buckets anywhere.
public struct ProgressCalendar: Sendable {
    public let calendar: Calendar

    /// ISO 8601 weeks (Monday first, week 1 holds the first Thursday) in `timeZone`.
    public init(timeZone: TimeZone = .current) {
        var c = Calendar(identifier: .iso8601)
        c.timeZone = timeZone
        c.firstWeekday = 2
        c.minimumDaysInFirstWeek = 4
        self.calendar = c
    }

    /// The local day of a Unix time.
    public func day(of unixSeconds: Double) -> CalendarDay {
        let d = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: unixSeconds))
        return CalendarDay(year: d.year!, month: d.month!, day: d.day!)
    }

    /// Local midnight starting `day`, as a Unix time.
    public func start(of day: CalendarDay) -> Double {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!.timeIntervalSince1970
    }

    /// The day `n` days after `day` (before, for negative `n`).
    public func adding(_ n: Int, to day: CalendarDay) -> CalendarDay {
        let d = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        return self.day(of: calendar.date(byAdding: .day, value: n, to: d)!.timeIntervalSince1970)
    }

    /// The Monday of the ISO week holding `day`.
    public func weekStart(of day: CalendarDay) -> CalendarDay {
        let d = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        let weekday = calendar.component(.weekday, from: d)  // 1 = Sunday ... 7 = Saturday
        return adding(-((weekday + 5) % 7), to: day)
    }

    /// `2026-W47` for the ISO week holding `day`.
    public func weekLabel(of day: CalendarDay) -> String {
        let d = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        let c = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: d)
        let w = c.weekOfYear!
        return "\(c.yearForWeekOfYear!)-W\(w < 10 ? "0" : "")\(w)"
    }

    /// Every day from `first` through `last`.
    public func days(from first: CalendarDay, through last: CalendarDay) -> [CalendarDay] {
        var out: [CalendarDay] = []
        var d = first
        while d <= last {
            out.append(d)
            d = adding(1, to: d)
        }
        return out
    }
}
