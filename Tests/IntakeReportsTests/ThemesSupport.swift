import CLibXML2
import Foundation
import IntakeRecord
import IntakeReports
import IntakeStore
import Logging

/// The sample forms read by the real pipeline, saved in a real SQLite file and read back with
/// the store's case links: what `intake extract samples/ --store FILE` leaves for `intake themes`.
enum StoredSamples {
    static func load() async throws -> [StoredRecord] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-themes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = try FileManager.default.contentsOfDirectory(atPath: Reports.samples.path)
        let forms = names.filter { !$0.hasSuffix(".json") && !$0.hasSuffix(".md") }.sorted()
        let logger = Logger(label: "intake.tests", factory: { _ in SwiftLogNoOpLogHandler() })
        let store = try await StoreLocation.open(folder.appendingPathComponent("s.sqlite").path, logger: logger)
        for record in forms.flatMap({ Reports.records($0) }) { try await store.save(record) }
        let stored = try await store.records(matching: RecordFilter())
        try await store.close()
        return stored
    }

    static func submissions(_ stored: [StoredRecord]) -> [ThemesReport.Submission] {
        stored.map { .init(id: $0.id, caseID: $0.caseID, record: $0.record, storedAt: $0.storedAt) }
    }

    /// The disputes as the test counts them: records neither rejected nor a policy nor
    /// unrecognised, grouped by the store's case id (a record in no case alone).
    static func disputes(_ stored: [StoredRecord]) -> [[StoredRecord]] {
        let counted = stored.filter { $0.record.status != .rejected && $0.record.mapping != nil && $0.record.kind != "policy" }
        return Array(Dictionary(grouping: counted) { $0.caseID.map { "case \($0)" } ?? "record \($0.id)" }.values)
    }
}

extension ThemesReport {
    func chart(_ id: String) -> Chart? { charts.first { $0.id == id } }

    /// A chart's bars as category → count.
    func counts(_ id: String) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: (chart(id)?.bars ?? []).map { ($0.category, $0.count) })
    }
}

/// libxml2 2.9's HTML parser knows HTML 4's elements only: inline SVG and HTML5's figure are
/// reported as unknown tags (code 801), and nothing else may be.
enum PageErrors {
    static let newerTags: Set<String> = ["svg", "rect", "text", "figure", "figcaption"]

    static func beyondUnknownTags(_ parsed: ParsedHTML) -> [String] {
        parsed.errors.filter { error in
            guard error.hasPrefix("801: Tag "), let tag = error.dropFirst(9).split(separator: " ").first else { return true }
            return !newerTags.contains(String(tag))
        }
    }

    /// Each inline SVG of the page parsed as XML by libxml2: what it reports, empty when well formed.
    static func svgXMLErrors(_ html: String) -> [String] {
        html.matches(of: /<svg[\s\S]*?<\/svg>/).flatMap { match -> [String] in
            let bytes = Array(String(match.output).utf8)
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), nil, "utf-8", Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue))
                }
            }
            guard let document else { return ["an SVG is not well-formed XML"] }
            xmlFreeDoc(document)
            return []
        }
    }
}
