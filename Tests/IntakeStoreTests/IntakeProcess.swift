import Foundation

/// A run of the built `intake` binary, its output kept in files (no pipe to fill up).
final class IntakeProcess: @unchecked Sendable {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    private let process = Process()
    private let outURL: URL
    private let errURL: URL
    private let exited: AsyncStream<Int32>
    private let continuation: AsyncStream<Int32>.Continuation

    /// Starts `intake arguments…` (in `directory`, else this process's); environment additions are
    /// merged into this process's.
    init(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) throws {
        let binary = StoreHarness.intakeBinary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw HarnessError(description: "\(binary.path) is missing: build it with `swift build --build-tests` first.")
        }
        let folder = try StoreHarness.temporaryFolder()
        outURL = folder.appendingPathComponent("stdout")
        errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        (exited, continuation) = AsyncStream.makeStream(of: Int32.self)
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        let continuation = self.continuation
        process.terminationHandler = { continuation.yield($0.terminationStatus); continuation.finish() }
        try process.run()
    }

    func wait() async -> Result {
        var status: Int32 = -1
        for await s in exited { status = s }
        return Result(status: status,
                      stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) async throws -> Result {
        await (try IntakeProcess(arguments, environment: environment, directory: directory)).wait()
    }
}
