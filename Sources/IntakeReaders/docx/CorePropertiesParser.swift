import Foundation
import IntakeDocument
import Synchronization

/// Reads `docProps/core.xml` (title, subject, author, dates) and `docProps/app.xml`
/// (application, page count) into ``DocumentMetadata``.
enum CorePropertiesParser {
    static func read(package: ZipPackage, rootRelationships: PackageRelationships, limits: ReadLimits) throws -> DocumentMetadata {
        var metadata = DocumentMetadata()
        let coreName = rootRelationships.first(where: RelationshipType.isCoreProperties)?.target ?? "docProps/core.xml"
        if let data = try package.read(coreName) {
            let reader = try XMLStreamReader(data, partName: package.describe(coreName), limits: limits)
            if try reader.moveToRoot() {
                try reader.forEachChild {
                    guard reader.kind == .element else { return }
                    let name = reader.localName
                    let text = try reader.textContent().trimmedWhitespace
                    let value = text.isEmpty ? nil : text
                    switch name {
                    case "title": metadata.title = value
                    case "subject": metadata.subject = value
                    case "creator": metadata.author = value
                    case "lastModifiedBy": metadata.lastModifiedBy = value
                    case "created": metadata.created = value.flatMap(parseDate)
                    case "modified": metadata.modified = value.flatMap(parseDate)
                    default: break
                    }
                }
            }
        }
        let appName = rootRelationships.first(where: RelationshipType.isExtendedProperties)?.target ?? "docProps/app.xml"
        if let data = try package.read(appName) {
            let reader = try XMLStreamReader(data, partName: package.describe(appName), limits: limits)
            if try reader.moveToRoot() {
                try reader.forEachChild {
                    guard reader.kind == .element, reader.namespace == .extendedProperties else { return }
                    switch reader.localName {
                    case "Application":
                        let text = try reader.textContent().trimmedWhitespace
                        metadata.creator = text.isEmpty ? nil : text
                    case "Pages":
                        metadata.pageCount = Int(try reader.textContent().trimmedWhitespace)
                    default: break
                    }
                }
            }
        }
        return metadata
    }

    /// W3CDTF as Word writes it: `2026-09-13T10:00:00Z`, with or without fractions, or a bare date.
    static func parseDate(_ text: String) -> Date? {
        if let date = W3CDTF.parse(Array(text.utf8)) { return date }
        return w3cdtfFormatters.withLock { $0.plain.date(from: text) ?? $0.withFractions.date(from: text) ?? $0.dateOnly.date(from: text) }
    }
}

/// The common shapes of W3CDTF read from bytes (`YYYY-MM-DD`, then `THH:MM:SS`, fractions, `Z`
/// or `±HH:MM`): an ISO8601DateFormatter's parse cost as much as the rest of a DOCX's core
/// properties. Anything else goes to the formatters.
enum W3CDTF {
    static func parse(_ b: [UInt8]) -> Date? {
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var n = 0
            for i in from..<(from + count) {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard b.count >= 10, b[4] == 0x2D, b[7] == 0x2D, let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = Double(daysFromCivil(year, month, day)) * 86_400
        guard b.count > 10 else { return Date(timeIntervalSince1970: seconds) }
        guard b.count >= 20, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, let hour = number(11, 2), let minute = number(14, 2),
              let second = number(17, 2), hour < 24, minute < 60, second < 61 else { return nil }
        seconds += Double(hour * 3600 + minute * 60 + second)
        var i = 19
        if b[i] == 0x2E {
            var scale = 0.1
            i += 1
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { seconds += Double(b[i] - 0x30) * scale; scale /= 10; i += 1 }
        }
        guard i < b.count else { return nil }
        if b[i] == 0x5A, i + 1 == b.count { return Date(timeIntervalSince1970: seconds) }
        guard b[i] == 0x2B || b[i] == 0x2D, i + 6 == b.count, b[i + 3] == 0x3A, let oh = number(i + 1, 2), let om = number(i + 4, 2) else { return nil }
        let offset = Double(oh * 3600 + om * 60)
        return Date(timeIntervalSince1970: b[i] == 0x2B ? seconds - offset : seconds + offset)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// Made once: creating an ISO8601DateFormatter (an ICU calendar) cost more than reading the
/// rest of a DOCX's core properties. The lock serialises use, as the formatters are not Sendable.
private let w3cdtfFormatters = Mutex(W3CDTFFormatters())

private struct W3CDTFFormatters {
    let withFractions = ISO8601DateFormatter()
    let plain = ISO8601DateFormatter()
    let dateOnly = ISO8601DateFormatter()

    init() {
        withFractions.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        dateOnly.formatOptions = [.withFullDate]
    }
}
