import Foundation
import IntakeRecord
import IntakeTestSupport
import IntakeValidation
import Testing

/// The England and Wales calendar file as shipped in mappings/, checked against the dates the
/// filled forms' truth uses and against the substitute and one-off rules.
@Suite struct CalendarTests {
    static let calendarURL = TestPaths.mappings.appending(path: "calendar/england-and-wales.yaml")

    static func calendar() throws -> WorkingDayCalendar { try WorkingDayCalendar.load(from: calendarURL) }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test func coversTwentyEighteenToTwentyThirty() throws {
        let calendar = try Self.calendar()
        #expect(calendar.covers == Self.day("2018-01-01")...Self.day("2030-12-31"))
    }

    /// shared/forms/filled/README.md lists the 2025–2026 holidays the truth was computed with.
    @Test func matchesTheHolidaysTheTruthUses() throws {
        let readme = try String(contentsOf: TestPaths.filled.appending(path: "README.md"), encoding: .utf8)
        let line = try #require(readme.split(separator: "\n").first { $0.contains("bank holidays:") })
        let listed = Set(line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." })
            .compactMap { Day(iso: String($0)) })
        #expect(listed.count == 16)
        let calendar = try Self.calendar()
        let ours = calendar.holidays.filter { $0.year == 2025 || $0.year == 2026 }
        #expect(ours == listed)
    }

    @Test func everyHolidayIsAWeekday() throws {
        let calendar = try Self.calendar()
        #expect(calendar.holidays.allSatisfy { !$0.isWeekend })
        // Eight a year, plus 2022's jubilee and funeral and 2023's coronation.
        #expect(calendar.holidays.count == 13 * 8 + 3)
    }

    @Test(arguments: ["2026-12-28", "2021-12-27", "2021-12-28", "2022-01-03", "2022-12-27", "2023-01-02", "2027-12-27", "2027-12-28", "2028-01-03"])
    func substituteDaysAreHolidays(_ iso: String) throws {
        #expect(try Self.calendar().isWorkingDay(Self.day(iso)) == false)
    }

    @Test func oneOffHolidays() throws {
        let calendar = try Self.calendar()
        for iso in ["2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08", "2023-05-01"] {
            #expect(try calendar.isWorkingDay(Self.day(iso)) == false, "\(iso)")
        }
        // The days the 2020 and 2022 holidays were moved from are ordinary working days.
        #expect(try calendar.isWorkingDay(Self.day("2020-05-04")))
        #expect(try calendar.isWorkingDay(Self.day("2022-05-30")))
        // Christmas Day itself on a weekend is not counted twice.
        #expect(try calendar.isWorkingDay(Self.day("2026-12-29")))
    }

    @Test func workingDaysAcrossABankHoliday() throws {
        let calendar = try Self.calendar()
        // 2026-05-25 is the spring bank holiday; the day of sending is day 0.
        #expect(try calendar.workingDays(from: Self.day("2026-05-20"), to: Self.day("2026-06-05")) == 11)
        #expect(try calendar.workingDays(from: Self.day("2026-05-20"), to: Self.day("2026-05-20")) == 0)
        #expect(try calendar.workingDays(from: Self.day("2026-05-22"), to: Self.day("2026-05-26")) == 1)
        // A Saturday to the Monday after is one working day.
        #expect(try calendar.workingDays(from: Self.day("2026-11-14"), to: Self.day("2026-11-16")) == 1)
        #expect(try calendar.workingDays(from: Self.day("2026-06-05"), to: Self.day("2026-05-20")) == -11)
        // Christmas 2026: Fri 25 and Mon 28 (Boxing Day substitute) are both off.
        #expect(try calendar.workingDays(from: Self.day("2026-12-24"), to: Self.day("2026-12-29")) == 1)
    }

    @Test func addingWorkingDays() throws {
        let calendar = try Self.calendar()
        #expect(try calendar.adding(workingDays: 10, to: Self.day("2026-05-20")) == Self.day("2026-06-04"))
        #expect(try calendar.adding(workingDays: 1, to: Self.day("2026-12-24")) == Self.day("2026-12-29"))
        #expect(try calendar.adding(workingDays: -1, to: Self.day("2026-12-29")) == Self.day("2026-12-24"))
        #expect(try calendar.adding(workingDays: 0, to: Self.day("2026-12-25")) == Self.day("2026-12-25"))
        let start = Self.day("2025-03-03")
        let end = try calendar.adding(workingDays: 37, to: start)
        #expect(try calendar.workingDays(from: start, to: end) == 37)
    }

    @Test func datesOutsideTheDataAreRefused() throws {
        let calendar = try Self.calendar()
        #expect(throws: CalendarError.self) { try calendar.isWorkingDay(Self.day("2031-01-02")) }
        do {
            _ = try calendar.workingDays(from: Self.day("2017-12-29"), to: Self.day("2018-01-03"))
            Issue.record("expected calendar.out-of-range")
        } catch let error as CalendarError {
            #expect(error.code == .calendarOutOfRange)
            #expect(error.message.contains("2017"))
        }
        #expect(throws: CalendarError.self) { try calendar.adding(workingDays: 5, to: Self.day("2030-12-30")) }
    }

    @Test func malformedFilesAreRejectedWithTheLine() throws {
        #expect(throws: CalendarError.self) { try WorkingDayCalendar(yaml: "holidays:\n  - 2026-01-01\n") }
        do {
            _ = try WorkingDayCalendar(yaml: "covers: {from: 2026-01-01, to: 2026-12-31}\nholidays:\n  - 2026-02-31\n")
            Issue.record("expected calendar.calendarMalformed")
        } catch let error as CalendarError {
            #expect(error.code == .calendarMalformed)
            #expect(error.message.contains("line 3"))
        }
        #expect(throws: CalendarError.self) {
            try WorkingDayCalendar(yaml: "covers: {from: 2026-01-01, to: 2026-12-31}\nholidays:\n  - 2027-01-01\n")
        }
        let small = try WorkingDayCalendar(yaml: "# c\ncovers: {from: 2026-01-01, to: 2026-12-31}\nholidays:\n  - 2026-01-01  # New Year\n")
        #expect(small.holidays == [Self.day("2026-01-01")])
    }

    @Test func dayArithmetic() {
        #expect(Self.day("2026-11-20").weekday == 5)
        #expect(Self.day("2024-02-28").adding(days: 1) == Self.day("2024-02-29"))
        #expect(Self.day("2025-12-31").adding(days: 1) == Self.day("2026-01-01"))
        #expect(Self.day("2026-03-01").adding(days: -1) == Self.day("2026-02-28"))
        #expect(Self.day("2026-01-01").days(to: Self.day("2027-01-01")) == 365)
        #expect(Day(iso: "2026-2-03") == nil)
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Self.day("2026-02-03").description == "2026-02-03")
    }
}
