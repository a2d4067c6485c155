import Foundation

/// Where the test suites find the package, the shared corpus and the built binary.
public enum TestPaths {
    /// The package root (this file is Tests/IntakeTestSupport/TestPaths.swift).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// ../shared beside the package root (read-only).
    public static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    public static let filled = shared.appendingPathComponent("forms/filled")
    public static let samples = packageRoot.appendingPathComponent("samples")
    public static let mappings = packageRoot.appendingPathComponent("mappings")
    /// `.build/debug/intake`, built by `swift build --build-tests`.
    public static let intakeBinary = packageRoot.appendingPathComponent(".build/debug/intake")

    /// A new, empty folder under the system's temporary directory.
    public static func temporaryFolder(_ prefix: String = "intake-tests") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A test's setting-up failed (a missing binary, an archive that could not be built).
public struct TestSupportError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
