import Foundation
import IntakeRecord

/// England and Wales working days: Monday to Friday, less the bank holidays of a data file.
///
/// The holidays live in `mappings/calendar/england-and-wales.yaml`, not in code, so a new
/// year (or a one-off holiday) is a data change. The calendar knows which years its data
/// covers and refuses to answer outside them rather than silently counting a year whose
/// holidays it does not know.
///
/// ```swift
/// let calendar = try WorkingDayCalendar.load(from: mappingsURL.appending(path: "calendar/england-and-wales.yaml"))
/// try calendar.workingDays(from: Day(iso: "2026-05-20")!, to: Day(iso: "2026-06-05")!)   // 11
/// ```
///
/// Immutable and `Sendable`: load it once and share it.
public struct WorkingDayCalendar: Sendable {
    /// The days the holiday data is complete for.
    public let covers: ClosedRange<Day>
    /// The bank holidays, all inside ``covers``.
    public let holidays: Set<Day>

    /// Parses the calendar format (see ``WorkingDayCalendar+Parsing``).
    /// - throws: ``CalendarError`` (`calendar.calendarMalformed`) naming the offending line number.
    public init(yaml: String) throws {
        let parsed = try Self.parse(yaml)
        self.covers = parsed.covers
        self.holidays = parsed.holidays
    }

    public init(covers: ClosedRange<Day>, holidays: Set<Day>) {
        self.covers = covers
        self.holidays = holidays
    }

    /// Reads and parses a calendar file.
    /// - throws: ``CalendarError`` when the file cannot be read or is malformed.
    public static func load(from url: URL) throws -> WorkingDayCalendar {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CalendarError(.calendarUnreadable, "cannot read the calendar file \(url.lastPathComponent)")
        }
        return try WorkingDayCalendar(yaml: text)
    }

    /// Whether `d` is a weekday that is not a bank holiday.
    /// - throws: ``CalendarError`` (`calendar.out-of-range`) when `d` is outside ``covers``.
    public func isWorkingDay(_ d: Day) throws -> Bool {
        try check(d)
        return !d.isWeekend && !holidays.contains(d)
    }

    /// How many working days lie after `start`, up to and including `end`: the day of sending
    /// is day 0, so a reply on the next working day is 1. When `end` is before `start` the
    /// count runs the other way and is negative.
    /// - throws: ``CalendarError`` (`calendar.out-of-range`) when either day is outside ``covers``.
    public func workingDays(from start: Day, to end: Day) throws -> Int {
        try check(start)
        try check(end)
        if end < start { return -(try workingDays(from: end, to: start)) }
        var count = 0
        var d = start
        while d < end {
            d = d.adding(days: 1)
            if try isWorkingDay(d) { count += 1 }
        }
        return count
    }

    /// The day on which `n` working days after `d` have passed (before `d` for negative `n`).
    /// Adding 0 returns `d` itself, working day or not.
    /// - throws: ``CalendarError`` (`calendar.out-of-range`) when `d` or the result is outside ``covers``.
    public func adding(workingDays n: Int, to d: Day) throws -> Day {
        try check(d)
        let step = n < 0 ? -1 : 1
        var remaining = abs(n)
        var current = d
        while remaining > 0 {
            current = current.adding(days: step)
            if try isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    private func check(_ d: Day) throws {
        guard covers.contains(d) else {
            throw CalendarError(.calendarOutOfRange,
                "a date in \(d.year) is outside the bank-holiday data (\(covers.lowerBound.year)–\(covers.upperBound.year)); add that year to the calendar file")
        }
    }
}
