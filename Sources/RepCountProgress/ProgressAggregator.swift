import RepCountCore

/// Turns kept sessions into per-day and per-week figures for each exercise.
///
/// Pure: sessions, a calendar and a plan in, rows out. A session belongs to the
/// local day it started on (as the store's daily totals do), so one that runs
/// past midnight is not split.
public struct ProgressAggregator: Sendable {
    public var calendar: ProgressCalendar
    public var plan: PracticePlan

    public init(calendar: ProgressCalendar, plan: PracticePlan = .daily) {
        self.calendar = calendar
        self.plan = plan
    }

    /// The exercises to report: those planned, then any others practised (`done`).
    public func exercises(done: some Collection<Exercise>) -> [Exercise] {
        Exercise.allCases.filter { (plan.daysPerWeek[$0] ?? 0) > 0 || done.contains($0) }
    }

    /// Figures for every day and every ISO week touching `from...through`.
    /// Days before `planStart` (when the user began) are not counted as planned,
    /// so the first weeks of a new user are not shown as missed.
    public func report(
        _ sessions: [PracticeSession], from: CalendarDay, through: CalendarDay, planStart: CalendarDay? = nil
    ) -> ProgressReport {
        let allDays = calendar.days(from: from, through: through)
        var byDay: [Exercise: [CalendarDay: [PracticeSession]]] = [:]
        for s in sessions {
            let d = calendar.day(of: s.startedAt)
            guard d >= from, d <= through else { continue }
            byDay[s.exercise, default: [:]][d, default: []].append(s)
        }
        let exercises = exercises(done: byDay.keys)
        var days: [PeriodStats] = []
        var weeks: [PeriodStats] = []
        for exercise in exercises {
            let sessionsByDay = byDay[exercise] ?? [:]
            for day in allDays {
                let planned = planStart.map { day >= $0 } ?? true ? plan.daysPlanned(exercise, inDays: 1) : 0
                days.append(
                    stats(
                        kind: .day, start: day, label: day.description, exercise: exercise,
                        days: [day], sessionsByDay: sessionsByDay, daysPlanned: planned))
            }
            var weekDays: [(CalendarDay, [CalendarDay])] = []
            for day in allDays {
                let monday = calendar.weekStart(of: day)
                if weekDays.last?.0 == monday { weekDays[weekDays.count - 1].1.append(day) } else { weekDays.append((monday, [day])) }
            }
            for (monday, covered) in weekDays {
                let plannable = covered.filter { d in planStart.map { d >= $0 } ?? true }.count
                weeks.append(
                    stats(
                        kind: .week, start: monday, label: calendar.weekLabel(of: monday), exercise: exercise,
                        days: covered, sessionsByDay: sessionsByDay,
                        daysPlanned: plan.daysPlanned(exercise, inDays: plannable)))
            }
        }
        return ProgressReport(from: from, through: through, exercises: exercises, days: days, weeks: weeks)
    }

    private func stats(
        kind: PeriodStats.Kind, start: CalendarDay, label: String, exercise: Exercise, days: [CalendarDay],
        sessionsByDay: [CalendarDay: [PracticeSession]], daysPlanned: Int
    ) -> PeriodStats {
        var row = PeriodStats(kind: kind, start: start, label: label, exercise: exercise, daysPlanned: daysPlanned)
        var holdSum = 0.0
        var targetSum = 0.0
        for day in days {
            guard let sessions = sessionsByDay[day] else { continue }
            var repsThatDay = 0
            for s in sessions {
                row.sessions += 1
                row.sets += s.setCount
                for rep in s.reps {
                    row.reps += 1
                    repsThatDay += 1
                    if rep.metTarget { row.repsOnTarget += 1 }
                    holdSum += rep.holdSeconds
                    targetSum += rep.targetHoldSeconds
                    row.bestHoldSeconds = max(row.bestHoldSeconds ?? 0, rep.holdSeconds)
                }
            }
            // A day counts as done only if reps were counted: opening a session
            // and stopping it straight away is not practice.
            if repsThatDay > 0 { row.daysDone += 1 }
        }
        if row.reps > 0 {
            row.meanHoldSeconds = holdSum / Double(row.reps)
            row.targetHoldSeconds = targetSum / Double(row.reps)
        }
        return row
    }
}
