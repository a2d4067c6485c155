import Foundation
import IntakeTestSupport
import Testing

/// `intake themes` as a user runs it, on a real SQLite store made by `intake extract --store`
/// from the samples and the shared filled forms.
@Suite struct ThemesCommandTests {
    static func storeOfSamples(in folder: URL) throws -> String {
        let store = folder.appendingPathComponent("s.sqlite").path
        let extract = try IntakeRun(["extract", ReportCommandTests.samples.path, IntakeRun.filled.path,
                                     "--as-of", "2026-11-20", "--store", store, "--quiet"])
        #expect(extract.status == 1, "some samples need attention or are rejected: \(extract.stderr)")
        return store
    }

    /// CSV rows as chart → category → count (a category holding a comma keeps its quotes; the
    /// partnership and stage categories hold none).
    static func csv(_ text: String) -> [String: [String: Int]] {
        var charts: [String: [String: Int]] = [:]
        for line in text.split(separator: "\r\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            charts[fields[0], default: [:]][fields.dropFirst().dropLast(2).joined(separator: ",")] = Int(fields[fields.count - 2])
        }
        return charts
    }

    /// Each partnership's `short_name:` as mappings/policies/*.yaml gives it.
    static func shortNames() throws -> [String: String] {
        let folder = IntakeRun.packageRoot.appendingPathComponent("mappings/policies")
        var names: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".yaml") {
            let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
            func value(_ key: String) -> String? {
                lines.first { $0.hasPrefix(key + ": ") }.map { String($0.dropFirst(key.count + 2)) }
            }
            if let id = value("partnership"), let short = value("short_name") { names[id] = short }
        }
        return names
    }

    @Test func writesThePageAndTheCSVWithTheStoredDisputes() throws {
        let folder = try ReportCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Self.storeOfSamples(in: folder)
        let out = folder.appendingPathComponent("themes")
        let run = try IntakeRun(["themes", "--out", out.path, "--store", store, "--as-of", "2026-11-20"])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("themes.html"), encoding: .utf8)
        let csvText = try String(contentsOf: out.appendingPathComponent("themes.csv"), encoding: .utf8)
        #expect(csvText.hasPrefix("chart,category,count,of\r\n"))
        for name in ["themes.html", "themes.csv"] {
            let mode = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name) is readable by its owner only")
        }
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"), "self-contained, no script")

        // Disputes per partnership, counted from the export's case links.
        let export = try IntakeRun(["records", "export", "--store", store])
        var cases: [String: Set<String>] = [:]
        for line in export.stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            guard object["status"] as? String != "rejected", object["mapping"] is String, object["kind"] as? String != "policy",
                  let partnership = object["partnership"] as? String else { continue }
            let state = object["store"] as? [String: Any]
            let source = object["source"] as! [String: Any]
            cases[partnership, default: []].insert(state?["case_of"] as? String ?? source["sha256"] as! String)
        }
        let shortNames = try Self.shortNames()
        let expected = Dictionary(uniqueKeysWithValues: cases.map { (shortNames[$0.key] ?? $0.key, $0.value.count) })
        #expect(Self.csv(csvText)["partnership"] == expected, "\(csvText)")
        #expect(html.contains("\(expected.values.reduce(0, +)) disputes"))
        #expect(run.stderr.contains("themes: \(expected.values.reduce(0, +)) disputes"))
    }

    @Test func onePartnershipByItsNameAndAnEmptyPeriod() throws {
        let folder = try ReportCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Self.storeOfSamples(in: folder)
        let out = folder.appendingPathComponent("bolton")
        let bolton = try IntakeRun(["themes", "--partnership", "Bolton", "--from", "2026-01-01", "--to", "2026-12-31",
                                    "--out", out.path, "--store", store, "--as-of", "2026-11-20"])
        #expect(bolton.status == 0, "\(bolton.stderr)")
        let charts = Self.csv(try String(contentsOf: out.appendingPathComponent("themes.csv"), encoding: .utf8))
        #expect(charts["partnership"]?.keys.sorted() == ["Bolton"])
        #expect(charts["stage_reached"]?.keys.allSatisfy { $0.hasPrefix("Stage 3: ") || $0.hasPrefix("Stage 4: ") } == true, "\(charts)")

        let empty = folder.appendingPathComponent("empty")
        let none = try IntakeRun(["themes", "--from", "1990-01-01", "--to", "1990-12-31", "--out", empty.path, "--store", store])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(try String(contentsOf: empty.appendingPathComponent("themes.html"), encoding: .utf8).contains("There is nothing to report"))
        #expect(try String(contentsOf: empty.appendingPathComponent("themes.csv"), encoding: .utf8) == "chart,category,count,of\r\n")
    }

    /// The same records in PostgreSQL give the same numbers (`scripts/test-postgres.sh`; a
    /// missing server is a failure, never a skip).
    @Test func aPostgreSQLStoreGivesTheSameCSV() throws {
        let (postgres, schema) = try WatchSharedInboxTests.freshStore()
        defer { WatchSharedInboxTests.dropSchema(schema) }
        let folder = try ReportCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = try Self.storeOfSamples(in: folder)
        _ = try IntakeRun(["extract", ReportCommandTests.samples.path, IntakeRun.filled.path, "--as-of", "2026-11-20",
                           "--store", postgres, "--quiet"])
        var written: [String] = []
        for (name, store) in [("sqlite", sqlite), ("postgres", postgres)] {
            let out = folder.appendingPathComponent(name)
            let run = try IntakeRun(["themes", "--out", out.path, "--store", store, "--as-of", "2026-11-20"])
            #expect(run.status == 0, "\(name): \(run.stderr)")
            written.append(try String(contentsOf: out.appendingPathComponent("themes.csv"), encoding: .utf8))
        }
        #expect(written[0].split(separator: "\r\n").count > 20)
        #expect(written[0] == written[1])
    }

    @Test func mistakesAreUsageErrorsAndAMissingStoreIsNamed() throws {
        let folder = try ReportCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let missing = folder.appendingPathComponent("none.sqlite").path
        let unknown = try IntakeRun(["themes", "--partnership", "Atlantis", "--out", out, "--store", missing])
        #expect(unknown.status == 2 && unknown.stderr.contains("bolton"), "\(unknown.stderr)")
        let backwards = try IntakeRun(["themes", "--from", "2026-02-01", "--to", "2026-01-01", "--out", out, "--store", missing])
        #expect(backwards.status == 2, "\(backwards.stderr)")
        let noStore = try IntakeRun(["themes", "--out", out, "--store", missing])
        #expect(noStore.status == 1 && noStore.stderr.contains("store.missing"), "\(noStore.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing), "no new empty store")
    }
}
