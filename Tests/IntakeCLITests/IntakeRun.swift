import Foundation

/// One run of the built `intake` binary, with its standard output, standard error and status.
struct IntakeRun {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = packageRoot.appendingPathComponent(".build/debug/intake")
    static let filled = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/forms/filled")

    var status: Int32
    var stdout: String
    var stderr: String

    /// Runs `intake arguments…` from the package root. Output goes through files, so a
    /// chatty run cannot fill a pipe and hang.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        try self.init(executable: Self.binary, arguments, environment: environment, interruptOnce: nil)
    }

    /// Runs another program (e.g. script(1) around `intake`) the same way.
    static func external(_ path: String, _ arguments: [String]) throws -> IntakeRun {
        try IntakeRun(executable: URL(fileURLWithPath: path), arguments, environment: [:], interruptOnce: nil)
    }

    /// Runs `intake arguments…` and sends it SIGINT (a Ctrl-C) once its standard error holds
    /// `marker`.
    static func interrupted(_ arguments: [String], once marker: String) throws -> IntakeRun {
        try IntakeRun(executable: binary, arguments, environment: [:], interruptOnce: marker)
    }

    private init(executable: URL, _ arguments: [String], environment: [String: String], interruptOnce marker: String?) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Self.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        if let marker {
            while process.isRunning, !((try? String(contentsOf: err, encoding: .utf8))?.contains(marker) ?? false) {
                usleep(10_000)
            }
            kill(process.processIdentifier, SIGINT)
        }
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = try String(contentsOf: out, encoding: .utf8)
        stderr = try String(contentsOf: err, encoding: .utf8)
    }

    /// Standard output as JSON objects, one a line.
    func records() throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        }
    }
}
