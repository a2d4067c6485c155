import Foundation
import IntakeRecord
@testable import IntakeStore
import IntakeTestSupport
import Testing

extension IntakeStoreTests {
    /// `records export` then `records import`, through the binary, between the two kinds of store.
    @Suite("Export and import") struct ExportImportTests {
        /// Every kind of record and event: stages of one case, a resolved and an open
        /// needs-attention record, a rejected one, a reprocessed one, a duplicate, a report.
        static func fill(_ store: any RecordStore) async throws {
            try await store.save(Samples.record(sha: Samples.sha(200), stage: 3, reference: "RT-1"))
            try await store.save(Samples.record(sha: Samples.sha(201), stage: 4, reference: "RT-1"))
            let flagged = try await store.save(Samples.record(sha: Samples.sha(202), stage: 5, reference: "RT-1", errors: true)).id
            try await store.resolve(id: flagged, note: "Signed copy received by phone")
            try await store.save(Samples.record(sha: Samples.sha(203), reference: "RT-2", childName: "Second Child", errors: true))
            try await store.save(Samples.rejected(sha: Samples.sha(204)))
            var remapped = Samples.record(sha: Samples.sha(205), reference: "RT-3", childName: "Third Child")
            try await store.save(remapped)
            remapped.mappingVersion = "v2"
            try await store.save(remapped)
            var copy = Samples.record(sha: Samples.sha(200), stage: 3, reference: "RT-1")
            copy.source.path = "elsewhere/copy.docx"
            try await store.save(copy)
            let reported = try await store.save(Samples.record(sha: Samples.sha(206), reference: "RT-4", childName: "Fourth Child")).id
            try await store.appendEvent(.reported, recordID: reported, detail: "report=submitter")
        }

        @Test("an export restores exactly into the other kind of store, and importing it again changes nothing",
              arguments: [(Backend.sqlite, Backend.postgres), (Backend.postgres, Backend.sqlite)])
        func roundTrip(from: Backend, to: Backend) async throws {
            let (source, target) = (try StoreHarness.freshLocation(from), try StoreHarness.freshLocation(to))
            let filled = try await StoreHarness.open(source)
            try await Self.fill(filled)
            let exported = try await IntakeProcess.run(["records", "export", "--store", source])
            #expect(exported.status == 0, "\(exported.stderr)")
            let file = try StoreHarness.temporaryFolder().appendingPathComponent("export.jsonl")
            try Data(exported.stdout.utf8).write(to: file)

            let first = try await IntakeProcess.run(["records", "import", file.path, "--store", target])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout == "imported 7 records: 0 inserted, 0 updated, 0 unchanged, 7 restored\n")
            let again = try await IntakeProcess.run(["records", "import", file.path, "--store", target])
            #expect(again.stdout == "imported 7 records: 0 inserted, 0 updated, 7 unchanged; nothing changed\n")
            let reexported = try await IntakeProcess.run(["records", "export", "--store", target])
            #expect(reexported.stdout == exported.stdout)

            // What the export carries: statuses, resolution, every kind of event, case links.
            let lines = try exported.stdout.split(separator: "\n").map {
                try JSONDecoder().decode(ExportedRecord.self, from: Data($0.utf8))
            }
            let state = Dictionary(uniqueKeysWithValues: try lines.map { ($0.record.source.sha256, try #require($0.store)) })
            #expect(state[Samples.sha(202)]?.resolutionNote == "Signed copy received by phone")
            #expect(state[Samples.sha(202)]?.resolvedAt != nil)
            #expect(Set(lines.flatMap { $0.store?.events.map(\.kind) ?? [] }) == Set(StoreEventKind.allCases))
            #expect([200, 201, 202].map { state[Samples.sha($0)]?.caseOf } == Array(repeating: Samples.sha(200), count: 3))
            #expect(state[Samples.sha(204)]?.caseOf == nil)
            #expect(lines.first { $0.record.source.sha256 == Samples.sha(200) }?.record.source.path == "inbox/\(Samples.sha(200).suffix(6)).docx")
            let restored = try await StoreHarness.open(target)
            #expect(try await restored.cases().map(\.recordCount).sorted() == [1, 1, 3])
            try await StoreHarness.cleanUp(restored, location: target)
            try await StoreHarness.cleanUp(filled, location: source)
        }

        @Test("records read before their mappings declared case keys are linked into cases on import",
              arguments: Backend.allCases)
        func olderLinesGainCaseKeys(_ backend: Backend) async throws {
            // As an older `extract` printed them: no `case`.
            var lines = [
                Samples.record(sha: Samples.sha(300), stage: 3), Samples.record(sha: Samples.sha(301), stage: 4),
                Samples.record(sha: Samples.sha(302), childName: "Sam Other"), Samples.rejected(sha: Samples.sha(303)),
            ]
            for index in lines.indices { lines[index].caseFacts = nil }
            let file = try StoreHarness.temporaryFolder().appendingPathComponent("older.jsonl")
            try Samples.jsonl(lines).write(to: file)
            let location = try StoreHarness.freshLocation(backend)
            let imported = try await IntakeProcess.run(["records", "import", file.path, "--store", location])
            #expect(imported.status == 0, "\(imported.stderr)")

            let store = try await StoreHarness.open(location)
            let stored = Dictionary(uniqueKeysWithValues: try await store.records(matching: RecordFilter()).map { ($0.sha256, $0) })
            // The monitoring form's mapping links the same agencies and child: one case of two.
            let caseID = try #require(stored[Samples.sha(300)]?.caseID)
            #expect(stored[Samples.sha(301)]?.caseID == caseID)
            #expect(stored[Samples.sha(302)]?.caseID != caseID)
            #expect(stored[Samples.sha(302)]?.caseID != nil)
            #expect(stored[Samples.sha(303)]?.caseID == nil)
            #expect(stored[Samples.sha(303)]?.record.caseFacts == nil)
            #expect(try await store.caseDetail(id: caseID)?.timeline.count == 2)
            let again = try await IntakeProcess.run(["records", "import", file.path, "--store", location])
            #expect(again.stdout.hasSuffix("nothing changed\n"), "\(again.stdout)")
            try await StoreHarness.cleanUp(store, location: location)
        }
    }
}
