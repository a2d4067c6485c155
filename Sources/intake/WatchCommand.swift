import ArgumentParser
import Foundation
import IntakeInbox
import IntakePipeline
import IntakeRecord
import IntakeStore
import IntakeReports
import Logging
import ServiceLifecycle

/// `intake watch DIR`: the unattended inbox-drop watcher.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch an inbox folder and store a record for every file dropped into it.",
        discussion: """
            Runs until SIGTERM or SIGINT, finishing the file in hand. A file is claimed by a \
            rename into INBOX/.processing/ and, once its records are committed, filed in \
            INBOX/processed/YYYY-MM-DD/ (a needs-attention file with NAME.report.txt beside it) or \
            INBOX/rejected/YYYY-MM-DD/ (with NAME.reason.txt). A file with the content of one \
            already stored is filed with NAME.duplicate.txt and not stored again. A Maildir \
            (cur/ new/ tmp/) is read from new/ and its messages moved to cur/ with the S flag; its \
            notes go to --notes (MAILDIR.intake-notes by default). \
            Each new record is printed as JSON Lines on stdout; one log line per file on stderr.
            """)

    @Argument(help: "The inbox folder (or Maildir).")
    var directory: String

    @Option(name: .long, help: "Where to store: a SQLite file, a postgres:// URL, or 'default' (\(StoreLocation.defaultSQLitePath)).")
    var store: String = "default"

    @Option(name: .long, help: "Seconds between rescans (the net under inotify events; with --poll, the only source).")
    var interval: Double = 5

    @Option(name: .long, help: "Seconds a file's size and modification time must hold still before it is taken without a close event.")
    var settle: Double = 2

    @Flag(name: .long, help: "Rescan only, no inotify: for network shares, where events do not arrive.")
    var poll = false

    @Flag(name: .long, help: "Move nothing (a folder the watcher may not write): the store's journal says what is done.")
    var inPlace = false

    @Option(name: .long, help: "A file-name pattern to ignore as well as the defaults (~$*, .~lock*, *.tmp, *.part, *.crdownload, .DS_Store, Thumbs.db, desktop.ini, dot files); repeatable.")
    var ignore: [String] = []

    @Flag(name: .long, help: "Ignore only the --ignore patterns, not the defaults.")
    var noDefaultIgnores = false

    @Flag(name: .long, help: "Read files in this process instead of one worker process per file (faster, less safe).")
    var inProcess = false

    @OptionGroup var isolation: IsolationOptions

    @Option(name: .long, help: "Seconds after which a claim in .processing/ left by a watcher on another host is taken over (a watcher on this host is asked whether it still runs).")
    var claimLease: Double = 600

    @Option(name: .long, help: "Where a Maildir (default: MAILDIR.intake-notes beside it) or an --in-place inbox (default: none) keeps its notes: DIR/YYYY-MM-DD/NAME.report.txt, .reason.txt, .duplicate.txt.")
    var notes: String?

    @Option(name: .long, help: "Files finished at once, each in its own worker process (1 to 64).")
    var jobs: Int = 1

    @Flag(name: .long, help: "Process what is in the folder now, then exit: status 1 when any file needed attention or was rejected.")
    var once = false

    @OptionGroup var pipelineOptions: PipelineOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard interval > 0, interval <= 3600 else { throw ValidationError("--interval must be more than 0 and at most 3600 seconds.") }
        guard settle >= 0, settle <= 3600 else { throw ValidationError("--settle must be from 0 to 3600 seconds.") }
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be from 1 to 64.") }
        guard claimLease > 0, claimLease <= 31_536_000 else { throw ValidationError("--claim-lease must be more than 0 seconds and at most a year.") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("No such folder: \(directory)")
        }
        if let notes {
            guard InboxLayout(root: directory, inPlace: inPlace).mode != .folder else {
                throw ValidationError("--notes is for a Maildir or an --in-place inbox: a folder inbox keeps each note beside its filed file.")
            }
            // Inside the inbox, the notes would be read as new files or shown to mail clients.
            let (inbox, folder) = (URL(fileURLWithPath: directory).standardizedFileURL.path, URL(fileURLWithPath: notes).standardizedFileURL.path)
            guard folder != inbox, !folder.hasPrefix(inbox + "/") else { throw ValidationError("--notes must be a folder outside the inbox.") }
        }
    }

    func run() async throws {
        let logger = logging.makeLogger()
        let configuration = try pipelineOptions.loadConfiguration()
        let recordStore = try await StoreLocation.open(store, logger: logger)
        let options = InboxWatcher.Options(
            interval: .milliseconds(Int(interval * 1000)), settle: .milliseconds(Int(settle * 1000)), poll: poll, once: once,
            inPlace: inPlace, ignore: (noDefaultIgnores ? [] : InboxWatcher.defaultIgnore) + ignore,
            claimLease: .milliseconds(Int(claimLease * 1000)), notes: notes, jobs: jobs)
        let watcher = InboxWatcher(
            directory: directory,
            processor: inProcess ? Pipeline(configuration: configuration)
                : isolation.isolatedProcessor(configuration: configuration, logging: logging),
            store: recordStore, options: options,
            reports: ReportContext(mappings: configuration.mappings, calendar: configuration.calendar, asOf: configuration.asOf),
            logger: logger
        ) { record in
            if let line = try? record.jsonLine() { FileHandle.standardOutput.write(line) }
        }
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: watcher, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            try? await recordStore.close()
            throw error
        }
        try await recordStore.close()
        if once && watcher.tally.anyNotAccepted { throw ExitCode(1) }
    }
}
