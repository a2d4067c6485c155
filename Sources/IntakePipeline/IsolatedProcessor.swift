import Foundation
import IntakeDocument
import IntakeReaders
import IntakeRecord
import Logging

/// Reads each file in a worker process (`intake worker FILE …`), with a deadline.
///
/// The C readers run on untrusted bytes; poppler's own notes advise a process per PDF for
/// untrusted input. A worker that crashes or runs past the deadline is killed and its file
/// becomes a `rejected` record saying so, and the run goes on: an unattended watcher cannot be
/// stopped, or made to crash on every restart, by one file.
public struct IsolatedProcessor: FileProcessor {
    /// The `intake` executable and the arguments that come before the file
    /// (`worker --as-of … --mappings …`).
    public let executable: URL
    public let arguments: [String]
    public let deadline: Duration

    public init(executable: URL, arguments: [String], deadline: Duration) {
        self.executable = executable
        self.arguments = arguments
        self.deadline = deadline
    }

    public func records(for item: SourceWalker.Item, logger: Logger) async -> [CaseRecord] {
        // Only a failed worker needs the hash here: a good one's records carry it already.
        var source: RecordSource {
            RecordSource(path: item.displayPath, sha256: (try? Pipeline.sha256(fileAt: item.url)) ?? "", format: "unknown")
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("intake-worker-\(UUID().uuidString)")
        // The worker's own temporary folder (its conversions work there), removed here even
        // when the worker is killed before it can clean up after itself.
        let scratch = output.appendingPathExtension("tmp")
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: scratch)
        }
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            _ = FileManager.default.createFile(atPath: output.path, contents: nil, attributes: [.posixPermissions: 0o600])
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments + ["--display-path", item.displayPath, "--", item.url.path]
            process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": scratch.path]) { $1 }
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = FileHandle.standardError
            try process.run()
            let finished = await Self.wait(for: process, deadline: deadline)
            guard finished else {
                process.terminate()
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                FormatConverter.stopConversions(under: scratch)
                return [Self.failure(source, .readerTimeout, "Reading the file took longer than \(deadline): it was stopped.", logger)]
            }
            guard process.terminationReason == .exit, process.terminationStatus == 0 else {
                return [Self.failure(source, .readerCrashed, "The reader stopped abnormally on this file (signal or status \(process.terminationStatus)).", logger)]
            }
            let lines = try Data(contentsOf: output).split(separator: UInt8(ascii: "\n"))
            let records = try lines.map { try JSONDecoder().decode(CaseRecord.self, from: Data($0)) }
            return records.isEmpty
                ? [Self.failure(source, .readerCrashed, "The reader gave no record for this file.", logger)] : records
        } catch {
            return [Self.failure(source, .readerCrashed, "The worker for this file could not be run or read.", logger)]
        }
    }

    /// Polls rather than blocking a thread of the cooperative pool on `waitUntilExit`.
    private static func wait(for process: Process, deadline: Duration) async -> Bool {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: deadline)
        var pause = Duration.milliseconds(2)
        while process.isRunning {
            if clock.now >= end { return false }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(50))
        }
        return true
    }

    private static func failure(_ source: RecordSource, _ code: IntakeError.Code, _ message: String, _ logger: Logger) -> CaseRecord {
        logger.error("worker failed", metadata: ["file.sha256": "\(source.sha256)", "error.code": "\(code)"])
        return RecordBuilder.rejected(source: source, error: IntakeError(code, message))
    }
}
