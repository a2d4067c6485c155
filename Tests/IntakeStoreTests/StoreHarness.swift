import Foundation
import IntakeRecord
@testable import IntakeStore
import IntakeTestSupport
import Logging
import Testing

/// The two stores every behaviour test runs on.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres
    var testDescription: String { rawValue }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
}

/// Opens fresh, isolated stores: a SQLite file in a new temp folder, or a new schema in the
/// PostgreSQL test database named by `INTAKE_TEST_POSTGRES_URL` (scripts/test-postgres.sh).
enum StoreHarness {
    static let environment = ProcessInfo.processInfo.environment

    /// The PostgreSQL test database. Missing is a failure, never a skip.
    static func postgresURL() throws -> String {
        guard let url = environment["INTAKE_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw HarnessError(description: """
                INTAKE_TEST_POSTGRES_URL is not set: the store tests need a real PostgreSQL. Run \
                `eval "$(scripts/test-postgres.sh)"` in the package root, then the tests again.
                """)
        }
        return url
    }

    static func postgresControl() throws -> String {
        guard let ctl = environment["INTAKE_TEST_POSTGRES_CTL"], !ctl.isEmpty else {
            throw HarnessError(description: """
                INTAKE_TEST_POSTGRES_CTL is not set: the outage test stops and restarts the test server \
                with it. Run `eval "$(scripts/test-postgres.sh)"` in the package root, then the tests again.
                """)
        }
        return ctl
    }

    static func temporaryFolder() throws -> URL {
        try TestPaths.temporaryFolder("intake-store-tests")
    }

    /// A location string for a fresh store of `backend` (what `--store` takes).
    static func freshLocation(_ backend: Backend) throws -> String {
        switch backend {
        case .sqlite:
            return try temporaryFolder().appendingPathComponent("store/intake.sqlite").path
        case .postgres:
            let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
            let base = try postgresURL()
            return base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
        }
    }

    static func logger(_ sink: LogSink? = nil) -> Logger {
        if sink == nil, environment["INTAKE_TEST_LOG"] != nil {
            // Debugging a test: the store's own logs on stderr.
            var logger = Logger(label: "intake.test", factory: { StreamLogHandler.standardError(label: $0) })
            logger.logLevel = environment["INTAKE_TEST_LOG"] == "trace" ? .trace : .debug
            return logger
        }
        var logger = sink.map { sink in Logger(label: "intake.test", factory: { _ in CapturingLogHandler(sink: sink) }) }
            ?? Logger(label: "intake.test", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = sink == nil ? .critical : .trace
        return logger
    }

    static func open(_ location: String, logger: Logger = logger()) async throws -> any RecordStore & StoreInspection {
        let store = try await StoreLocation.open(location, logger: logger)
        guard let inspectable = store as? any RecordStore & StoreInspection else {
            throw HarnessError(description: "The store at \(location) cannot be inspected.")
        }
        return inspectable
    }

    /// Runs `body` on a fresh store, then closes it and drops its PostgreSQL schema.
    static func withFreshStore(_ backend: Backend, logger: Logger = logger(),
                               _ body: (any RecordStore & StoreInspection, String) async throws -> Void) async throws {
        let location = try freshLocation(backend)
        let store = try await open(location, logger: logger)
        do {
            try await body(store, location)
        } catch {
            try? await cleanUp(store, location: location)
            throw error
        }
        try await cleanUp(store, location: location)
    }

    static func cleanUp(_ store: any RecordStore & StoreInspection, location: String) async throws {
        if let schema = location.split(separator: "schema=").last, location.contains("schema=") {
            try await store.execute("DROP SCHEMA \(schema) CASCADE")
        }
        try await store.close()
    }

    static var packageRoot: URL { TestPaths.packageRoot }
}

/// Every log line of the loggers made with it, to check that logs carry no field values.
final class LogSink: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var text: String { lock.withLock { lines.joined(separator: "\n") } }
    var count: Int { lock.withLock { lines.count } }
}

/// A value-type handler (as swift-log expects: each logger copy owns its metadata) writing to a shared sink.
struct CapturingLogHandler: LogHandler {
    let sink: LogSink
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        sink.append("\(event.level) \(event.message) \(all.map { "\($0)=\($1)" }.sorted().joined(separator: " "))")
    }
}
