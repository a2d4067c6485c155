import Foundation
import IntakeRecord
@testable import IntakeStore
import Logging
import Testing

/// Every store test, serialised: the outage test stops the shared PostgreSQL server.
@Suite("IntakeStoreTests", .serialized) struct IntakeStoreTests {}

extension IntakeStoreTests {
    /// The same behaviour, run on SQLite and on a real PostgreSQL.
    @Suite("Record store") struct RecordStoreTests {
        @Test("saving the same source twice is one record", arguments: Backend.allCases)
        func idempotentSave(_ backend: Backend) async throws {
            try await StoreHarness.withFreshStore(backend) { store, _ in
                let record = Samples.record(sha: Samples.sha(1))
                let first = try await store.save(record)
                let second = try await store.save(record)
                #expect(first.outcome == .inserted)
                #expect(second == SaveResult(outcome: .unchanged, id: first.id))
                // The same content with its fields in another order is the same record.
                var reordered = record
                reordered.fields = RecordFields(record.fields.entries.reversed().map { ($0.key, $0.value) })
                #expect(try await store.save(reordered) == SaveResult(outcome: .unchanged, id: first.id))

                #expect(try await store.scalar("SELECT COUNT(*) FROM sources") == 1)
                #expect(try await store.scalar("SELECT COUNT(*) FROM records") == 1)
                #expect(try await store.scalar("SELECT COUNT(*) FROM fields") == record.fields.count)
                #expect(try await store.scalar("SELECT COUNT(*) FROM findings") == 1)
                let stored = try #require(try await store.record(id: first.id))
                #expect(stored.record == (try JSONDecoder().decode(CaseRecord.self, from: JSONEncoder().encode(record))))
                #expect(stored.stage == 3)
                #expect(stored.caseReference == "SG-1042")
                #expect(try await store.events(recordID: first.id).map(\.kind) == [.received, .extracted, .stored])
                // Typed values: type name, JSON value and display text side by side.
                #expect(try await store.scalar("SELECT COUNT(*) FROM fields WHERE key = 'stage' AND value_type = 'integer' AND display_text = '3'") == 1)
            }
        }

        @Test("a changed record is updated in one transaction with a reprocessed event", arguments: Backend.allCases)
        func updateOnChange(_ backend: Backend) async throws {
            try await StoreHarness.withFreshStore(backend) { store, _ in
                let original = Samples.record(sha: Samples.sha(2), errors: true)
                let id = try await store.save(original).id
                var remapped = Samples.record(sha: Samples.sha(2), mappingVersion: "v2",
                                              extra: [("dispute.resolved", .boolean(true))])
                remapped.fields["dispute.summary"] = nil
                let result = try await store.save(remapped)
                #expect(result == SaveResult(outcome: .updated, id: id))
                let stored = try #require(try await store.record(id: id))
                #expect(stored.record.mappingVersion == "v2")
                #expect(stored.status == .accepted)
                #expect(try await store.scalar("SELECT COUNT(*) FROM records") == 1)
                #expect(try await store.scalar("SELECT COUNT(*) FROM fields") == remapped.fields.count)
                #expect(try await store.scalar("SELECT COUNT(*) FROM fields WHERE key = 'dispute.summary'") == 0)
                #expect(try await store.scalar("SELECT COUNT(*) FROM findings") == remapped.findings.count)
                let events = try await store.events(recordID: id)
                #expect(events.map(\.kind) == [.received, .extracted, .stored, .reprocessed])
                #expect(events.last?.detail?.contains("previous=needs-attention") == true)
                #expect(events.last?.detail?.contains("version=v2") == true)
                #expect(try await store.save(remapped).outcome == .unchanged)
            }
        }

        @Test("a failure mid-write leaves nothing half-written", arguments: Backend.allCases)
        func atomicWrite(_ backend: Backend) async throws {
            try await StoreHarness.withFreshStore(backend) { store, _ in
                let kept = try await store.save(Samples.record(sha: Samples.sha(3)))
                // A fault planted after sources, records and fields are written: findings fail.
                switch backend {
                case .sqlite:
                    try await store.execute("CREATE TRIGGER fault BEFORE INSERT ON findings BEGIN SELECT RAISE(ABORT, 'planted fault'); END")
                case .postgres:
                    try await store.execute("CREATE FUNCTION fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'planted fault'; END $$")
                    try await store.execute("CREATE TRIGGER fault BEFORE INSERT ON findings FOR EACH ROW EXECUTE FUNCTION fault()")
                }
                await #expect(throws: StoreError.self) { try await store.save(Samples.record(sha: Samples.sha(4))) }
                // An update of the kept record fails the same way and keeps the old content.
                await #expect(throws: StoreError.self) {
                    try await store.save(Samples.record(sha: Samples.sha(3), mappingVersion: "v9"))
                }
                let error = await #expect(throws: StoreError.self) { try await store.save(Samples.record(sha: Samples.sha(4))) }
                #expect(error?.code == .storeFailed)
                #expect(error?.description.contains(Samples.childName) == false)
                #expect(try await store.scalar("SELECT COUNT(*) FROM sources") == 1)
                #expect(try await store.scalar("SELECT COUNT(*) FROM records") == 1)
                #expect(try await store.scalar("SELECT COUNT(*) FROM fields") == Samples.record(sha: "x").fields.count)
                #expect(try await store.scalar("SELECT COUNT(*) FROM events") == 3)
                #expect(try await store.record(id: kept.id)?.record.mappingVersion == "v1")
            }
        }

        @Test("needs-attention and rejected records wait apart until resolved or reprocessed", arguments: Backend.allCases)
        func flaggedApart(_ backend: Backend) async throws {
            try await StoreHarness.withFreshStore(backend) { store, _ in
                let accepted = try await store.save(Samples.record(sha: Samples.sha(10), stage: 3)).id
                let flagged = try await store.save(Samples.record(sha: Samples.sha(11), stage: 4, errors: true)).id
                let reprocessed = try await store.save(Samples.record(sha: Samples.sha(12), stage: 5, errors: true)).id
                let rejected = try await store.save(Samples.rejected(sha: Samples.sha(13))).id

                let cases = try await store.cases()
                #expect(cases.count == 1)
                #expect(cases.first?.recordCount == 1)
                let caseID = try #require(cases.first?.id)
                #expect(try await store.caseDetail(id: caseID)?.timeline.map(\.id) == [accepted])
                #expect(try await store.records(matching: RecordFilter(status: .needsAttention)).map(\.id).sorted() == [flagged, reprocessed])
                #expect(try await store.records(matching: RecordFilter(status: .rejected)).map(\.id) == [rejected])
                #expect(try await store.records(matching: RecordFilter(status: .accepted)).map(\.id) == [accepted])

                try await store.resolve(id: flagged, note: "Signed copy received by phone")
                #expect(try await store.save(Samples.record(sha: Samples.sha(12), stage: 5)).outcome == .updated)
                try await store.resolve(id: flagged, note: "again")  // already resolved: no change
                #expect(try await store.record(id: flagged)?.status == .resolved)
                #expect(try await store.record(id: flagged)?.resolutionNote == "Signed copy received by phone")
                #expect(try await store.events(recordID: flagged).filter { $0.kind == .resolved }.map(\.detail)
                        == ["Signed copy received by phone"])
                #expect(try await store.records(matching: RecordFilter(status: .resolved)).map(\.id) == [flagged])
                #expect(try await store.cases().first?.recordCount == 3)
                #expect(try await store.caseDetail(id: caseID)?.timeline.map(\.id) == [accepted, flagged, reprocessed])

                let acceptedError = await #expect(throws: StoreError.self) { try await store.resolve(id: accepted, note: nil) }
                #expect(acceptedError?.code == .storeFailed)
                await #expect(throws: StoreError.self) { try await store.resolve(id: 9999, note: nil) }
                // The audit log cannot be rewritten.
                await #expect(throws: StoreError.self) { try await store.execute("DELETE FROM events") }
            }
        }

        @Test("later stages of one dispute are linked into one case with a timeline", arguments: Backend.allCases)
        func caseLinking(_ backend: Backend) async throws {
            try await StoreHarness.withFreshStore(backend) { store, _ in
                // Stored out of order: the timeline orders by stage, then date.
                let stage4 = try await store.save(Samples.record(sha: Samples.sha(20), stage: 4, completed: "2026-03-20")).id
                let stage3 = try await store.save(Samples.record(sha: Samples.sha(21), stage: 3, completed: "2026-03-02")).id
                // No reference, but the same partnership, agencies and child: the other key.
                let stage5 = try await store.save(Samples.record(
                    sha: Samples.sha(22), stage: 5, reference: nil, completed: "2026-04-01")).id
                // Another child: another case. The same child in another partnership: another case.
                let other = try await store.save(Samples.record(sha: Samples.sha(23), reference: "SG-2000", childName: "Sam Other")).id
                let elsewhere = try await store.save(Samples.record(sha: Samples.sha(24), partnership: "croydon")).id

                let cases = try await store.cases()
                #expect(cases.count == 3)
                let main = try #require(try await store.record(id: stage3)?.caseID)
                #expect(try await store.record(id: stage4)?.caseID == main)
                #expect(try await store.record(id: stage5)?.caseID == main)
                #expect(try await store.record(id: other)?.caseID != main)
                #expect(try await store.record(id: elsewhere)?.caseID != main)
                let detail = try #require(try await store.caseDetail(id: main))
                #expect(detail.timeline.map(\.id) == [stage3, stage4, stage5])
                #expect(detail.summary.latestStage == 5)
                #expect(detail.summary.reference == "SG-1042")
                #expect(detail.summary.partnership == "south-gloucestershire")

                // A record that joins two cases (one known by reference only, one by names only) merges them.
                let byRef = try await store.save(Samples.record(sha: Samples.sha(30), reference: "SG-3000", childName: nil)).id
                let byNames = try await store.save(Samples.record(sha: Samples.sha(31), stage: 4, reference: nil, childName: "Alex Third")).id
                #expect(try await store.record(id: byRef)?.caseID != (try await store.record(id: byNames)?.caseID))
                let both = try await store.save(Samples.record(sha: Samples.sha(32), stage: 5, reference: "SG-3000", childName: "Alex Third")).id
                let merged = try await store.record(id: both)?.caseID
                #expect(try await store.record(id: byRef)?.caseID == merged)
                #expect(try await store.record(id: byNames)?.caseID == merged)
                #expect(try await store.cases().count == 4)
            }
        }

        @Test("export as JSON Lines round-trips; CSV has a column per field", arguments: Backend.allCases)
        func export(_ backend: Backend) async throws {
            try await StoreHarness.withFreshStore(backend) { store, _ in
                let records = [
                    Samples.record(sha: Samples.sha(40), extra: [("feedback", .text("=HYPERLINK(\"x\")"))]),
                    Samples.record(sha: Samples.sha(41), stage: 4, errors: true),
                    Samples.rejected(sha: Samples.sha(42)),
                ]
                for record in records { try await store.save(record) }
                let stored = try await store.records(matching: RecordFilter())
                #expect(stored.count == 3)

                let jsonl = try RecordExport.render(stored, as: .jsonl)
                let lines = jsonl.split(separator: "\n")
                #expect(lines.count == 3)
                let decoded = try lines.map { try JSONDecoder().decode(CaseRecord.self, from: Data($0.utf8)) }
                #expect(Set(decoded.map(\.source.sha256)) == Set(records.map(\.source.sha256)))
                #expect(decoded.first { $0.source.sha256 == Samples.sha(41) }?.status == .needsAttention)

                let csv = try RecordExport.render(stored, as: .csv)
                let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(rows.count == 4)
                let header = rows[0].split(separator: ",").map(String.init)
                #expect(header.starts(with: RecordExport.fixedColumns))
                #expect(header.contains("field:child.name") && header.contains("field:feedback") && header.contains("field:stage"))
                #expect(Set(header).count == header.count)
                #expect(csv.contains("\"Disagreement about the plan, with a comma, and \"\"quotes\"\"\""))
                #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""))  // never a live formula
                #expect(rows.contains { $0.contains(Samples.sha(41)) && $0.contains("needs-attention") })

                let filtered = try await store.records(matching: RecordFilter(partnership: "croydon"))
                #expect(filtered.isEmpty)
                // Received dates where the source gave one, else the day it was stored.
                let received = try await store.records(matching: RecordFilter(since: "2026-03-03")).map(\.sha256)
                #expect(received.contains(Samples.sha(40)) && received.contains(Samples.sha(41)))
                let later = try await store.records(matching: RecordFilter(since: "2026-03-04")).map(\.sha256)
                #expect(!later.contains(Samples.sha(40)) && !later.contains(Samples.sha(41)))
                #expect(try await store.records(matching: RecordFilter(since: "2999-01-01")).isEmpty)
            }
        }

        @Test("migrations re-run safely; data survives reopening", arguments: Backend.allCases)
        func migrationsRerun(_ backend: Backend) async throws {
            try await StoreHarness.withFreshStore(backend) { store, location in
                let id = try await store.save(Samples.record(sha: Samples.sha(50))).id
                for _ in 0..<2 {
                    let again = try await StoreHarness.open(location)
                    #expect(try await again.record(id: id)?.sha256 == Samples.sha(50))
                    #expect(try await again.save(Samples.record(sha: Samples.sha(50))).outcome == .unchanged)
                    try await again.close()
                }
                let table = backend == .sqlite ? "grdb_migrations" : "schema_migrations"
                // Each migration recorded once, however often the store is opened (SQLite has no
                // batch claims: 001-records, 002-watch).
                let migrations = backend == .sqlite ? 2 : StoreMigrations.all.count
                #expect(try await store.scalar("SELECT COUNT(*) FROM \(table)") == migrations)
            }
        }

        @Test("logs carry ids, hashes and codes, never field values", arguments: Backend.allCases)
        func logsCarryNoValues(_ backend: Backend) async throws {
            let sink = LogSink()
            try await StoreHarness.withFreshStore(backend, logger: StoreHarness.logger(sink)) { store, _ in
                let id = try await store.save(Samples.record(sha: Samples.sha(60), errors: true)).id
                try await store.save(Samples.record(sha: Samples.sha(60)))
                try await store.resolve(id: try await store.save(Samples.record(sha: Samples.sha(61), errors: true)).id, note: "Jamie's note")
                _ = try await store.records(matching: RecordFilter())
                #expect(id > 0)
            }
            let text = sink.text
            #expect(sink.count > 0)
            #expect(text.contains(Samples.sha(60)))
            for value in [Samples.childName, "SG-1042", "North Health Trust", "Disagreement", "Jamie's note"] {
                #expect(!text.contains(value), "a log line carries a field value")
            }
        }
    }
}
