import IntakeExtraction
import IntakeRecord
import Testing

@Suite struct DateParserTests {
    static let third = Day(year: 2026, month: 2, day: 3)!

    @Test(arguments: [
        "3/2/2026", "03/02/2026", "03.02.26", "3-2-2026", "3/2/26", "3rd February 2026", "3 Feb 2026",
        "3 Feb. 2026", "Feb 3 2026", "February 3rd, 2026", "Tuesday 3 February 2026",
        "Tuesday, 3rd February 2026", "Tue 3 Feb 2026", "3rd of February 2026", "2026-02-03",
        "  3 February 2026.  ", "03/02/2026,", "3 FEBRUARY 2026",
    ])
    func readsDayFirst(_ text: String) {
        #expect(BritishDateParser.parse(text) == Self.third)
    }

    @Test func septemberAbbreviations() {
        #expect(BritishDateParser.parse("3 Sept 2026") == Day(year: 2026, month: 9, day: 3))
        #expect(BritishDateParser.parse("3 Sep 2026") == Day(year: 2026, month: 9, day: 3))
        #expect(BritishDateParser.parse("21st September 2026") == Day(year: 2026, month: 9, day: 21))
    }

    @Test func dayFirstNotMonthFirst() {
        #expect(BritishDateParser.parse("05/03/2026") == Day(year: 2026, month: 3, day: 5))
        #expect(BritishDateParser.parse("12/1/25") == Day(year: 2025, month: 1, day: 12))
    }

    @Test(arguments: [
        "31/02/2026", "13/13/2026", "29/02/2026", "0/1/2026", "32 January 2026", "3/2", "3/2/202",
        "3/2-2026", "February 2026", "3 Febtember 2026", "", "soon", "3 Feb 2026 at 10:00",
        "By 14 Nov 2025", "2026-13-01",
    ])
    func rejects(_ text: String) {
        #expect(BritishDateParser.parse(text) == nil)
    }

    @Test func monthOnlyWhenAllowed() {
        #expect(BritishDateParser.parse("December 2022", allowMonthOnly: true) == Day(year: 2022, month: 12, day: 1))
        #expect(BritishDateParser.parse("SEPTEMBER 2022", allowMonthOnly: true) == Day(year: 2022, month: 9, day: 1))
        #expect(BritishDateParser.parse("Apr 2025", allowMonthOnly: true) == Day(year: 2025, month: 4, day: 1))
        #expect(BritishDateParser.parse("December 2022") == nil)
        // A full date is still a full date.
        #expect(BritishDateParser.parse("3 February 2026", allowMonthOnly: true) == Self.third)
    }

    @Test func firstDateInText() {
        #expect(BritishDateParser.firstDate(in: "By 14 Nov 2025") == Day(year: 2025, month: 11, day: 14))
        #expect(BritishDateParser.firstDate(in: "Sent (03/02/2026) and chased 10/02/2026") == Self.third)
        #expect(BritishDateParser.firstDate(in: "Meeting on Tuesday 3rd February 2026 at 10am") == Self.third)
        #expect(BritishDateParser.firstDate(in: "within 10 working days") == nil)
        #expect(BritishDateParser.firstDate(in: "Updated December 2022", allowMonthOnly: true) == Day(year: 2022, month: 12, day: 1))
        #expect(BritishDateParser.firstDate(in: "Updated December 2022") == nil)
    }
}

@Suite struct DateParserSeparatorTests {
    @Test("a month name between hyphens or slashes", arguments: ["02-Oct-2026", "2-Oct-26", "2/Oct/2026"])
    func monthBetweenSeparators(_ text: String) {
        #expect(BritishDateParser.parse(text)?.description == "2026-10-02")
    }
}
