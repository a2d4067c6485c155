import ArgumentParser
import Foundation
import IntakeStore
import IntakeRecord

/// `intake`: safeguarding escalation forms in, validated case records out.
@main
struct Intake: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Turn safeguarding escalation forms (DOCX, PDF, e-mail) into validated case records.",
        version: IntakeVersion.current,
        subcommands: [ExtractCommand.self, ReportCommand.self, FollowupCommand.self, ThemesCommand.self, WatchCommand.self, StatusCommand.self, DumpCommand.self, MappingsCommand.self, RecordsCommand.self, CasesCommand.self,
                      WorkerCommand.self])

    /// ArgumentParser exits 64 on a usage error; the contract says 2.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as IntakeError where error.code == .storeLocation {
            // A --store that names no kind of store is a usage error, whichever command read it.
            FileHandle.standardError.write(Data("Error: \(error.message)\n".utf8))
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
