import Foundation
import Testing
@testable import IntakeReaders

/// The core properties' dates are read from bytes; they must agree with Foundation's W3CDTF
/// reading wherever that reads them.
@Suite struct CorePropertiesDateTests {
    static let stamps = ["2026-09-13T10:00:00Z", "2026-01-05T09:00:00Z", "1999-12-31T23:59:59Z", "2024-02-29T12:30:45Z",
                         "2026-09-13T10:00:00.123Z", "2026-09-13T10:00:00+01:00", "2026-09-13T10:00:00-05:30", "2026-09-13",
                         "1900-03-01T00:00:00Z"]

    @Test(arguments: stamps)
    func agreesWithFoundation(_ stamp: String) throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = stamp.count == 10 ? [.withFullDate]
            : stamp.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        let expected = try #require(formatter.date(from: stamp))
        let read = try #require(W3CDTF.parse(Array(stamp.utf8)))
        #expect(abs(read.timeIntervalSince(expected)) < 0.001)
    }

    @Test(arguments: ["2026-13-01T00:00:00Z", "2026-09-13T25:00:00Z", "2026/09/13", "13 September 2026", "", "2026-09-13T10:00:00"])
    func leavesOtherShapesToFoundation(_ stamp: String) {
        #expect(W3CDTF.parse(Array(stamp.utf8)) == nil)
    }
}
