import ArgumentParser
import Foundation
import IntakeMapping
import IntakePipeline
import IntakeRecord
import IntakeStore

/// `intake records …`: the business unit's view of the stored records. Output goes to stdout;
/// logs (stderr) carry ids, hashes and codes, never field values.
struct RecordsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "List, show, export, import and resolve stored case records.",
        subcommands: [List.self, Show.self, Export.self, Import.self, Resolve.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List stored records (no field values).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var filter: RecordFilterOptions

        func run() async throws {
            let records = try await store.withStore { try await $0.records(matching: filter.filter) }.filter(filter.keeps)
            // No case reference column: people write children's names into that box.
            var rows = [["ID", "SHA256", "KIND", "PARTNERSHIP", "STATUS", "STAGE", "CASE", "RECEIVED"]]
            for s in records {
                let r = s.record
                let stage: String = s.stage.map { String($0) } ?? "-"
                let caseID: String = s.caseID.map { String($0) } ?? "-"
                let received: String = r.source.receivedAt ?? String(s.storedAt.prefix(10))
                let row: [String] = [String(s.id), String(r.source.sha256.prefix(12)), r.kind ?? "-",
                                     r.partnership ?? "-", s.status.rawValue, stage, caseID, received]
                rows.append(row)
            }
            print(TextTable.render(rows), terminator: "")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one record: fields, findings, audit log.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The record's id (see `intake records list`).") var id: Int64
        @Flag(help: "Print the case record as JSON instead.") var json = false

        func run() async throws {
            let (found, events) = try await store.withStore { store in
                let found = try await store.record(id: id)
                return (found, found == nil ? [] : try await store.events(recordID: id))
            }
            guard let found else { throw CommandFailure("No record has id \(id); `intake records list` shows the ids.") }
            if json {
                print(try RecordExport.jsonl([found], events: [id: events]), terminator: "")
            } else {
                print(RecordText.render(found, events: events), terminator: "")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export records as JSON Lines or CSV to stdout.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var filter: RecordFilterOptions
        @Option(help: "jsonl (re-importable case records) or csv.") var format: ExportFormat = .jsonl

        func run() async throws {
            let (records, events) = try await store.withStore { store in
                let records = try await store.records(matching: filter.filter).filter(filter.keeps)
                var events: [Int64: [StoreEvent]] = [:]
                if format == .jsonl {
                    for record in records { events[record.id] = try await store.events(recordID: record.id) }
                }
                return (records, events)
            }
            // Oldest first, so an export reads (and re-imports) in arrival order.
            print(try RecordExport.render(records.reversed(), events: events, as: format.format), terminator: "")
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store records printed by `intake extract`, or restore those of `intake records export`.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var mappingsOptions: MappingsOptions
        @Argument(help: "A .jsonl file, or - for standard input.") var file: String

        func run() async throws {
            let data: Data
            do {
                data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                    : try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CommandFailure("Cannot read \(file); check the path.")
            }
            // Decode everything first: a bad line stores nothing.
            var lines = try RecordLines.decode(data)
            // Records read before their mappings declared case keys get them now, so that they
            // are linked into cases as records read today are.
            if lines.contains(where: \.record.lacksCaseFacts) {
                let mappings = try MappingSet.load(from: try mappingsOptions.directory())
                for index in lines.indices { lines[index].record.addCaseFacts(from: mappings) }
            }
            // Importing stores records, like `extract`: it may start a new store.
            let counts = try await store.withStore(access: .createIfMissing) { store in
                var counts: [String: Int] = [:]
                for line in lines {
                    // An exported line carries its history and is restored as it was; a line of
                    // `extract` is saved like a new reading.
                    if let state = line.store {
                        counts[try await store.restore(line.record, state: state).rawValue, default: 0] += 1
                    } else {
                        counts[try await store.save(line.record).outcome.rawValue, default: 0] += 1
                    }
                }
                return counts
            }
            let said = ["inserted", "updated", "unchanged"].map { "\(counts[$0] ?? 0) \($0)" }
                + ["restored", "duplicate", "kept"].compactMap { key in counts[key].map { "\($0) \(key)" } }
            let nothingChanged = counts.keys.allSatisfy { $0 == "unchanged" }
            print("imported \(lines.count) records: " + said.joined(separator: ", ") + (nothingChanged ? "; nothing changed" : ""))
            if let kept = counts["kept"] {
                StandardError.write("import: \(kept) records are stored here already with other content or history, and were kept as stored")
            }
        }
    }

    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a needs-attention or rejected record resolved, so that it joins its case.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The record's id.") var id: Int64
        @Option(help: "Why it is resolved (kept in the audit log).") var note: String?

        func run() async throws {
            try await store.withStore { try await $0.resolve(id: id, note: note) }
            print("record \(id) resolved")
        }
    }
}

/// A failure that is not a usage error: printed as `Error: …`, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `--store LOC` and `--log-level`, shared by the records and cases commands.
struct StoreOptions: ParsableArguments {
    @Option(help: "An existing SQLite file, or a postgres:// URL (default: $INTAKE_STORE, else \(StoreLocation.defaultSQLitePath)).")
    var store: String?
    @OptionGroup var logging: LoggingOptions

    /// Opens the store (by default one that already exists: a mistyped path is an error, not a
    /// new empty store), runs `body`, and closes the store whether or not `body` threw.
    func withStore<T: Sendable>(access: StoreLocation.Access = .existing,
                                _ body: (any RecordStore) async throws -> T) async throws -> T {
        let store = try await StoreLocation.open(store, access: access, logger: logging.makeLogger())
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }
}

struct RecordFilterOptions: ParsableArguments {
    @Option(help: "accepted, needs-attention, rejected or resolved.") var status: StoredStatus?
    @Option(help: "A partnership, e.g. bolton.") var partnership: String?
    @Option(help: "Only records received on or after this date (YYYY-MM-DD).") var since: String?
    @Option(help: "Only records with this finding, e.g. response-overdue.") var finding: FindingCode?

    func validate() throws {
        if let since, Day(iso: since) == nil {
            throw ValidationError("--since takes a calendar date as YYYY-MM-DD; \(since) is not one.")
        }
    }

    var filter: RecordFilter { RecordFilter(status: status, partnership: partnership, since: since) }

    /// What the store cannot filter on: the findings inside each record.
    func keeps(_ stored: StoredRecord) -> Bool {
        finding.map { code in stored.record.findings.contains { $0.code == code } } ?? true
    }
}

extension StoredStatus: ExpressibleByArgument {}
extension FindingCode: ExpressibleByArgument {}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv
    var format: RecordExport.Format { self == .jsonl ? .jsonl : .csv }
}

/// JSON Lines of case records (with their store state when exported): blank lines skipped, a
/// bad line named by number only.
enum RecordLines {
    static func decode(_ data: Data) throws -> [ExportedRecord] {
        let decoder = JSONDecoder()
        var records: [ExportedRecord] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { !($0 == 32 || $0 == 9 || $0 == 13) }) else { continue }
            do {
                records.append(try decoder.decode(ExportedRecord.self, from: Data(line)))
            } catch let error as DecodingError {
                throw CommandFailure("Line \(index + 1) is not a case record (\(location(of: error))); nothing was stored.")
            }
        }
        return records
    }

    /// The coding path of a decoding error (keys only, never a value).
    private static func location(of error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): path = c.codingPath
        case .keyNotFound(let key, let c): path = c.codingPath + [key]
        @unknown default: path = []
        }
        let keys = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return keys.isEmpty ? "not JSON, or not an object" : "at \(keys)"
    }
}
