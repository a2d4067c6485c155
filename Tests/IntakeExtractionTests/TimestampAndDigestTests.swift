import Foundation
import Testing
@testable import IntakePipeline

/// The hand-written timestamp and hex writers must give what Foundation gives, byte for byte:
/// records made before them are compared with records made after.
@Suite struct TimestampAndDigestTests {
    @Test func timestampsMatchFoundationsISO8601Formatter() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        // Leap days, year ends, the epoch, before it, and far ahead, then a prime step through
        // 220 years, which lands on every month, hour and second in turn.
        var moments = [0, -1, 951_782_400, 1_709_164_799, 1_767_225_599, 4_102_444_800, -2_208_988_800]
        moments += stride(from: -2_000_000_000, to: 5_000_000_000, by: 3_500_017)
        for seconds in moments {
            #expect(UTCTimestamp.string(epochSeconds: seconds) == formatter.string(from: Date(timeIntervalSince1970: Double(seconds))))
        }
    }

    @Test func aFilesModificationTimeIsItsStatTime() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mtime-\(UUID().uuidString)")
        try Data("x".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let when = Date(timeIntervalSince1970: 1_763_630_400)  // 2025-11-20T09:20:00Z
        try FileManager.default.setAttributes([.modificationDate: when], ofItemAtPath: url.path)
        #expect(UTCTimestamp.modificationTime(ofFileAt: url.path) == "2025-11-20T09:20:00Z")
        #expect(UTCTimestamp.modificationTime(ofFileAt: url.path + "-missing") == nil)
    }

    @Test func hexDigestsMatchFormattedBytes() {
        for length in [0, 1, 16, 32, 33] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + length) }
            #expect(HexDigest.string(bytes) == bytes.map { String(format: "%02x", $0) }.joined())
        }
        #expect(HexDigest.string([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
    }
}
