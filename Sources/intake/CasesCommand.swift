import ArgumentParser
import IntakeStore

/// `intake cases …`: disputes followed across stages. Only accepted or resolved records count.
struct CasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "List cases, or show one case's timeline of stages.",
        subcommands: [List.self, Show.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List cases with accepted or resolved records.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let cases = try await store.withStore { try await $0.cases() }
            var rows = [["CASE", "PARTNERSHIP", "REFERENCE", "RECORDS", "LATEST STAGE", "UPDATED"]]
            for c in cases {
                rows.append([String(c.id), c.partnership ?? "-", c.reference ?? "-", String(c.recordCount),
                             c.latestStage.map(String.init) ?? "-", c.updatedAt])
            }
            print(TextTable.render(rows), terminator: "")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a case's timeline: its records by stage, then date.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The case's id (see `intake cases list`).") var id: Int64

        func run() async throws {
            guard let detail = try await store.withStore({ try await $0.caseDetail(id: id) }) else {
                throw CommandFailure("No case has id \(id) (or it has no accepted or resolved record yet).")
            }
            let s = detail.summary
            print("case \(s.id)  partnership \(s.partnership ?? "-")  reference \(s.reference ?? "-")  opened \(s.openedAt)")
            var rows = [["STAGE", "DATE", "RECORD", "KIND", "STATUS", "SHA256"]]
            for r in detail.timeline {
                // The date the timeline is ordered by (from the mapping), else the day it was stored.
                let date = r.record.caseFacts?.documentDate ?? String(r.storedAt.prefix(10))
                rows.append([r.stage.map(String.init) ?? "-", date, String(r.id), r.record.kind ?? "-",
                             r.status.rawValue, String(r.sha256.prefix(12))])
            }
            print(TextTable.render(rows), terminator: "")
        }
    }
}

/// Left-aligned columns two spaces apart.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { cell, width in cell.padding(toLength: width, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }
}
