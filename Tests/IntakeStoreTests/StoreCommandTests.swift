import Foundation
import IntakeRecord
@testable import IntakeStore
import IntakeTestSupport
import Testing

extension IntakeStoreTests {
    /// The store as the commands open it: never a new empty store by mistake, never a guess.
    @Suite("Store locations on the command line") struct StoreCommandTests {
        static let samples = StoreHarness.packageRoot.appendingPathComponent("samples").path
        static let readers: [[String]] = [
            ["records", "list"], ["records", "show", "1"], ["records", "export"], ["records", "resolve", "1"],
            ["cases", "list"], ["cases", "show", "1"], ["status", StoreHarness.packageRoot.appendingPathComponent("samples").path],
        ]

        @Test("records, cases and status refuse a SQLite store that does not exist, naming it, and create nothing",
              arguments: Self.readers)
        func missingSQLiteStore(_ command: [String]) async throws {
            let path = try StoreHarness.temporaryFolder().appendingPathComponent("typo/intake.sqlite").path
            let result = try await IntakeProcess.run(command + ["--store", path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("store.missing"), "\(result.stderr)")
            #expect(result.stderr.contains(path))
            #expect(!FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent))
        }

        @Test("records list refuses a PostgreSQL schema that holds no store, and creates nothing")
        func missingPostgresStore() async throws {
            let location = try StoreHarness.freshLocation(.postgres)
            let schema = String(location.split(separator: "schema=").last!)
            let result = try await IntakeProcess.run(["records", "list", "--store", location])
            #expect(result.status == 1)
            #expect(result.stderr.contains("store.missing"), "\(result.stderr)")
            #expect(result.stderr.contains("schema=\(schema)"))
            try await StoreHarness.withFreshStore(.postgres) { store, _ in
                let schemas = try await store.scalar("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '\(schema)'")
                #expect(schemas == 0)
            }
        }

        @Test("a location with an unknown URL scheme is a usage error, never a file", arguments: [
            ["records", "list", "--store", "mysql://x/y"], ["cases", "list", "--store", "mysql://x/y"],
            ["records", "import", "-", "--store", "sqlite://x/y"],
            ["extract", Self.samples, "--as-of", "2026-11-20", "--quiet", "--store", "mysql://x/y"],
        ])
        func unknownScheme(_ command: [String]) async throws {
            let folder = try StoreHarness.temporaryFolder()
            let result = try await IntakeProcess.run(command, directory: folder)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("://, which Intake does not read"))
            #expect(result.stdout.isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }

        @Test("INTAKE_STORE is the default store: import creates it there, records and cases read it")
        func intakeStoreVariable() async throws {
            let folder = try StoreHarness.temporaryFolder()
            let path = folder.appendingPathComponent("chosen.sqlite").path
            let xdg = folder.appendingPathComponent("xdg")
            let environment = ["INTAKE_STORE": path, "XDG_DATA_HOME": xdg.path]
            let file = folder.appendingPathComponent("records.jsonl")
            try Samples.jsonl([Samples.record(sha: Samples.sha(90))]).write(to: file)

            let imported = try await IntakeProcess.run(["records", "import", file.path], environment: environment)
            #expect(imported.status == 0, "\(imported.stderr)")
            let listed = try await IntakeProcess.run(["records", "list", "--store", "default"], environment: environment)
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(listed.stdout.contains(String(Samples.sha(90).prefix(12))))
            #expect(try await IntakeProcess.run(["cases", "list"], environment: environment).stdout.contains("SG-1042"))
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(!FileManager.default.fileExists(atPath: xdg.path))
        }

        @Test("dates on the command line must be real days", arguments: [
            ["records", "list", "--since", "2026-99-01"], ["records", "export", "--since", "2026-02-30"],
            ["records", "list", "--since", "yesterday"], ["extract", Self.samples, "--as-of", "2026-13-01"],
        ])
        func invalidDates(_ command: [String]) async throws {
            let store = try StoreHarness.temporaryFolder().appendingPathComponent("intake.sqlite").path
            let result = try await IntakeProcess.run(command + ["--store", store])
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains(command[command.count - 2]))
            #expect(result.stdout.isEmpty)
        }

        @Test("intake --version prints the one version")
        func version() async throws {
            let result = try await IntakeProcess.run(["--version"])
            #expect(result.status == 0)
            #expect(result.stdout == IntakeVersion.current + "\n")
        }
    }
}
