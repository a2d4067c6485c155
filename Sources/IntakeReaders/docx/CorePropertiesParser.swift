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
                    let text = try reader.textContent().trimmingCharacters(in: .whitespacesAndNewlines)
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
                        let text = try reader.textContent().trimmingCharacters(in: .whitespacesAndNewlines)
                        metadata.creator = text.isEmpty ? nil : text
                    case "Pages":
                        metadata.pageCount = Int(try reader.textContent().trimmingCharacters(in: .whitespacesAndNewlines))
                    default: break
                    }
                }
            }
        }
        return metadata
    }

    /// W3CDTF as Word writes it: `2026-09-13T10:00:00Z`, with or without fractions, or a bare date.
    static func parseDate(_ text: String) -> Date? {
        w3cdtfFormatters.withLock { $0.plain.date(from: text) ?? $0.withFractions.date(from: text) ?? $0.dateOnly.date(from: text) }
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
