import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A run of the built `intake` binary (or another program), its output kept in files so that
/// a chatty run cannot fill a pipe and hang: the one runner every test suite uses.
///
/// ```swift
/// let result = try await IntakeProcess.run(["records", "list", "--store", path])   // async
/// let run = try IntakeRun(["extract", file, "--quiet"])                           // blocking
/// ```
public final class IntakeProcess: @unchecked Sendable {
    /// How a run ended and what it printed.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        /// Standard output as JSON objects, one a line.
        public func records() throws -> [[String: Any]] {
            try stdout.split(separator: "\n").map { line in
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    throw TestSupportError("a line of standard output is not a JSON object")
                }
                return object
            }
        }
    }

    private let process = Process()
    private let folder: URL
    private let outURL: URL
    private let errURL: URL
    private let exited: AsyncStream<Int32>

    /// Starts `executable arguments…` (in `directory`, else this process's); environment
    /// additions are merged into this process's.
    public init(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil,
                executable: URL = TestPaths.intakeBinary) throws {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw TestSupportError("\(executable.path) is missing: build it with `swift build --build-tests` first.")
        }
        folder = try TestPaths.temporaryFolder("intake-run")
        outURL = folder.appendingPathComponent("stdout")
        errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let (exited, continuation) = AsyncStream.makeStream(of: Int32.self)
        self.exited = exited
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.terminationHandler = { continuation.yield($0.terminationStatus); continuation.finish() }
        try process.run()
    }

    /// What it has written so far, while it runs.
    public var stdoutSoFar: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }
    public var stderrSoFar: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

    /// Its process id, while it runs.
    public var processIdentifier: Int32 { process.processIdentifier }

    /// How it ended (a call to exit, or a signal); meaningful once it has exited.
    public var terminationReason: Process.TerminationReason { process.terminationReason }

    /// Asks it to stop (SIGTERM) and waits for it: its exit status.
    @discardableResult
    public func terminate() -> Int32 {
        process.terminate()
        return waitUntilExit().status
    }

    /// Kills it at once (SIGKILL), as a crash would, and waits for it.
    public func kill() {
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Sends SIGINT (a Ctrl-C) once its standard error holds `marker`, or at once if it has exited.
    public func interrupt(once marker: String) {
        while process.isRunning, !stderrSoFar.contains(marker) { usleep(10_000) }
        _ = Glibc.kill(process.processIdentifier, SIGINT)
    }

    /// Waits for it to exit without blocking a thread.
    public func wait() async -> Result {
        var status: Int32 = -1
        for await s in exited { status = s }
        return collect(status)
    }

    /// Waits for it to exit, blocking the calling thread.
    public func waitUntilExit() -> Result {
        process.waitUntilExit()
        return collect(process.terminationStatus)
    }

    private func collect(_ status: Int32) -> Result {
        Result(status: status, stdout: stdoutSoFar, stderr: stderrSoFar)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs `intake arguments…` to its end.
    public static func run(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) async throws -> Result {
        await (try IntakeProcess(arguments, environment: environment, directory: directory)).wait()
    }
}

/// A finished run, as the blocking CLI tests use it.
public typealias IntakeRun = IntakeProcess.Result

extension IntakeProcess.Result {
    /// Runs `intake arguments…` from the package root and waits for it.
    public init(_ arguments: [String], environment: [String: String] = [:]) throws {
        self = try IntakeProcess(arguments, environment: environment, directory: TestPaths.packageRoot).waitUntilExit()
    }

    /// Runs another program (e.g. script(1) around `intake`) the same way.
    public static func external(_ path: String, _ arguments: [String]) throws -> IntakeRun {
        try IntakeProcess(arguments, directory: TestPaths.packageRoot, executable: URL(fileURLWithPath: path)).waitUntilExit()
    }

    /// Runs `intake arguments…` and sends it SIGINT (a Ctrl-C) once its standard error holds `marker`.
    public static func interrupted(_ arguments: [String], once marker: String) throws -> IntakeRun {
        let process = try IntakeProcess(arguments, directory: TestPaths.packageRoot)
        process.interrupt(once: marker)
        return process.waitUntilExit()
    }

    public static var packageRoot: URL { TestPaths.packageRoot }
    public static var binary: URL { TestPaths.intakeBinary }
    public static var filled: URL { TestPaths.filled }
}
