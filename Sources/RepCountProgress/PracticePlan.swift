import RepCountCore

/// What the user means to do: on how many days of each week, per exercise.
///
/// Adherence is days done of days planned, the measure the seeds care about
/// (programs fail when people stop practising at home), so the plan counts
/// days rather than reps: a short session still counts as a day done.
public struct PracticePlan: Sendable, Equatable, Codable {
    /// Days per week, 1 to 7, for each planned exercise.
    public var daysPerWeek: [Exercise: Int]

    public init(daysPerWeek: [Exercise: Int]) {
        self.daysPerWeek = daysPerWeek.mapValues { min(7, max(0, $0)) }
    }

    /// Every exercise, every day: the default program ("twice a day is
    /// suggested", exercises.md; a day with either session counts).
    public static let daily = PracticePlan(daysPerWeek: Dictionary(uniqueKeysWithValues: Exercise.allCases.map { ($0, 7) }))

    /// Parses `bridge=7,bird-dog=5,wall-sit=3` (an exercise alone means daily).
    public init(parsing text: String) throws(ProgressError) {
        var days: [Exercise: Int] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard let exercise = Exercise(rawValue: parts[0]) else {
                throw .invalidPlan(text: text, reason: "unknown exercise '\(parts[0])'")
            }
            if parts.count == 2 {
                guard let n = Int(parts[1]), (1...7).contains(n) else {
                    throw .invalidPlan(text: text, reason: "days per week for \(parts[0]) must be 1 to 7")
                }
                days[exercise] = n
            } else {
                days[exercise] = 7
            }
        }
        guard !days.isEmpty else { throw .invalidPlan(text: text, reason: "no exercise") }
        self.init(daysPerWeek: days)
    }

    /// Days planned for `exercise` in a stretch of `days` consecutive days of
    /// one week: the weekly count prorated, rounded up so that a daily plan
    /// asks for every day and a partial first or current week asks for its share.
    public func daysPlanned(_ exercise: Exercise, inDays days: Int) -> Int {
        guard let perWeek = daysPerWeek[exercise], perWeek > 0, days > 0 else { return 0 }
        let d = min(7, days)
        return (perWeek * d + 6) / 7
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
