import Foundation
import IntakeRecord

/// The calendar file format, a deliberately tiny subset of YAML read line by line (this
/// module has no YAML library, and the data needs none):
///
/// ```yaml
/// # comment
/// covers: {from: 2018-01-01, to: 2030-12-31}
/// holidays:
///   - 2018-01-01  # New Year's Day
/// ```
///
/// Anything else is an error, so a typo cannot silently drop a holiday.
extension WorkingDayCalendar {
    static func parse(_ text: String) throws -> (covers: ClosedRange<Day>, holidays: Set<Day>) {
        var covers: ClosedRange<Day>?
        var holidays: Set<Day> = []
        var inHolidays = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = stripComment(rawLine).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("covers:") {
                covers = try parseCovers(line.dropFirst("covers:".count), line: lineNumber)
                inHolidays = false
            } else if line == "holidays:" {
                inHolidays = true
            } else if inHolidays, line.hasPrefix("- ") {
                let value = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                guard let day = Day(iso: value) else { throw malformed(lineNumber, "expected - YYYY-MM-DD") }
                holidays.insert(day)
            } else {
                throw malformed(lineNumber, "unexpected line")
            }
        }
        guard let covers else { throw CalendarError(.calendarMalformed, "the calendar file has no covers: line") }
        if let outside = holidays.first(where: { !covers.contains($0) }) {
            throw CalendarError(.calendarMalformed, "a holiday in \(outside.year) lies outside covers")
        }
        return (covers, holidays)
    }

    private static func stripComment(_ line: Substring) -> String {
        guard let hash = line.firstIndex(of: "#") else { return String(line) }
        return String(line[..<hash])
    }

    /// `{from: YYYY-MM-DD, to: YYYY-MM-DD}`.
    private static func parseCovers(_ text: Substring, line: Int) throws -> ClosedRange<Day> {
        let body = text.trimmingCharacters(in: .whitespaces)
        guard body.hasPrefix("{"), body.hasSuffix("}") else { throw malformed(line, "expected {from: …, to: …}") }
        var from: Day?, to: Day?
        for pair in body.dropFirst().dropLast().split(separator: ",") {
            let kv = pair.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, let day = Day(iso: kv[1]) else { throw malformed(line, "expected key: YYYY-MM-DD") }
            switch kv[0] {
            case "from": from = day
            case "to": to = day
            default: throw malformed(line, "unknown key in covers")
            }
        }
        guard let from, let to, from <= to else { throw malformed(line, "covers needs from <= to") }
        return from...to
    }

    private static func malformed(_ line: Int, _ what: String) -> CalendarError {
        CalendarError(.calendarMalformed, "calendar file line \(line): \(what)")
    }
}
