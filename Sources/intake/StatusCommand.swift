import ArgumentParser
import Foundation
import IntakeInbox
import IntakeStore

/// `intake status INBOX`: what waits, what is in hand, what was filed today, and each watcher's heartbeat.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show how an inbox stands: waiting, in progress, processed, needing attention, rejected, each watcher's heartbeat.")

    @Argument(help: "The inbox folder the watcher watches.")
    var directory: String

    @Option(name: .long, help: "The watchers' store, for each watcher's heartbeat and last error: a SQLite file, a postgres:// URL, or 'default'.")
    var store: String?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("No such folder: \(directory)")
        }
    }

    func run() async throws {
        var status = InboxStatus(directory: directory)
        if let store {
            let recordStore = try await StoreLocation.open(store, access: .existing, logger: logging.makeLogger())
            try await status.readHeartbeats(from: recordStore, directory: directory)
            try await recordStore.close()
        }
        print(status.render(), terminator: "")
    }
}
