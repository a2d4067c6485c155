import ArgumentParser
import Foundation
import IntakePipeline
import IntakeRecord
import Logging

/// Where the mappings are: `--mappings DIR`, else `$INTAKE_MAPPINGS`, else `./mappings`,
/// else the `mappings/` folder of the checkout the binary was built in.
struct MappingsOptions: ParsableArguments {
    @Option(name: .long, help: "The mappings folder (forms/, policies/, calendar/).")
    var mappings: String?

    func directory() throws -> URL {
        if let mappings { return URL(fileURLWithPath: mappings) }
        if let env = ProcessInfo.processInfo.environment["INTAKE_MAPPINGS"] { return URL(fileURLWithPath: env) }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("mappings")
        if FileManager.default.fileExists(atPath: here.appendingPathComponent("forms").path) { return here }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("mappings")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("forms").path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        throw ValidationError("No mappings folder found: pass --mappings DIR or set INTAKE_MAPPINGS.")
    }
}

/// What every command that reads forms needs: the mappings and "today".
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: "Today's date for overdue checks (YYYY-MM-DD), so results can be repeated; default: today in the UK.")
    var asOf: Day?

    @OptionGroup var mappingsOptions: MappingsOptions

    /// Loads the mappings and the calendar once; a mistake in them is a usage error (exit 2).
    func loadConfiguration() throws -> PipelineConfiguration {
        do {
            return try PipelineConfiguration.load(mappingsDirectory: try mappingsOptions.directory(), asOf: asOf ?? Day.today())
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

/// Logging to standard error (never standard output, which carries records).
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: "Log level on standard error: trace, debug, info, notice, warning, error.")
    var logLevel: Logger.Level = .notice

    func makeLogger() -> Logger {
        var handler = StreamLogHandler.standardError(label: "intake")
        handler.logLevel = logLevel
        return Logger(label: "intake", factory: { _ in handler })
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

/// Writes to standard error without touching standard output.
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension SourceWalker {
    /// The files behind the paths a user typed; a path that does not exist is a usage error.
    static func expandForCommand(_ paths: [String]) throws -> [Item] {
        do { return try expand(paths) } catch { throw ValidationError("\(error)") }
    }
}

extension Day {
    /// Today's date in the UK.
    static func today() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)!
    }
}
