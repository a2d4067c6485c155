import Foundation
@testable import IntakeStore
import IntakeTestSupport
import Testing

extension IntakeStoreTests {
    @Suite("SQLite file") struct SQLiteFileTests {
        static func mode(_ path: String) throws -> Int {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }

        @Test("the database, its -wal and -shm are readable by their owner only")
        func permissions() async throws {
            let path = try StoreHarness.freshLocation(.sqlite)
            let store = try await StoreHarness.open(path)
            try await store.save(Samples.record(sha: Samples.sha(70)))
            for file in SQLiteFile.companions(of: path) {
                #expect(FileManager.default.fileExists(atPath: file), "\(file) exists in WAL mode")
                #expect(try Self.mode(file) == 0o600, "\(file) is 0600")
            }
            #expect(try Self.mode((path as NSString).deletingLastPathComponent) == 0o700)
            #expect(try await store.scalar("SELECT COUNT(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'") == 1)
            try await store.close()

            // A file someone loosened is tightened again on open.
            chmod(path, 0o644)
            let again = try await StoreHarness.open(path)
            #expect(try Self.mode(path) == 0o600)
            try await again.close()
        }

        @Test("the default store is $XDG_DATA_HOME/intake/intake.sqlite, created 0600 by the commands that store")
        func defaultLocation() async throws {
            let home = try StoreHarness.temporaryFolder()
            let environment = ["XDG_DATA_HOME": home.path, "INTAKE_STORE": ""]
            let file = home.appendingPathComponent("records.jsonl")
            try Samples.jsonl([Samples.record(sha: Samples.sha(71))]).write(to: file)
            let imported = try await IntakeProcess.run(["records", "import", file.path], environment: environment)
            #expect(imported.status == 0, "\(imported.stderr)")
            let result = try await IntakeProcess.run(["records", "list"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("ID"))
            #expect(result.stdout.contains(String(Samples.sha(71).prefix(12))))
            let path = home.appendingPathComponent("intake/intake.sqlite").path
            #expect(try Self.mode(path) == 0o600)
        }

        @Test("a store location that cannot be created is a store.failed error naming the path")
        func unwritableLocation() async throws {
            let folder = try StoreHarness.temporaryFolder()
            let blocker = folder.appendingPathComponent("file")
            #expect(FileManager.default.createFile(atPath: blocker.path, contents: Data("x".utf8)))
            let error = await #expect(throws: StoreError.self) {
                _ = try await StoreLocation.open(blocker.appendingPathComponent("intake.sqlite").path, logger: StoreHarness.logger())
            }
            #expect(error?.code == .storeFailed)
            #expect(error?.message.contains(blocker.path) == true)
        }
    }
}
