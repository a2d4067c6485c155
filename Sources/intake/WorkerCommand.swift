import ArgumentParser
import Foundation
import IntakePipeline

/// `intake worker FILE`: reads one file and prints its records; run by `--isolate`, not by people.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Read one file in a process of its own (used by --isolate).",
        shouldDisplay: false)

    @OptionGroup var pipelineOptions: PipelineOptions
    @OptionGroup var logging: LoggingOptions

    @Option(name: .long, help: "The path to show in the record.")
    var displayPath: String

    @Argument var file: String

    func run() throws {
        // A Ctrl-C at the terminal reaches the whole process group: the parent decides, and
        // finishes the files in hand, so the worker reading one of them goes on.
        signal(SIGINT, SIG_IGN)
        let pipeline = Pipeline(configuration: try pipelineOptions.loadConfiguration())
        for record in pipeline.process(fileAt: URL(fileURLWithPath: file), displayPath: displayPath, logger: logging.makeLogger()) {
            FileHandle.standardOutput.write(try record.jsonLine())
        }
    }
}

/// `--isolate` and `--timeout`, shared by the commands that read many files.
struct IsolationOptions: ParsableArguments {
    @Option(name: .long, help: "With isolation: seconds one file may take before its reader is stopped.")
    var timeout: Double = 120

    func validate() throws {
        guard timeout > 0, timeout <= 86_400 else { throw ValidationError("--timeout must be more than 0 and at most 86400 seconds.") }
    }

    /// A processor that runs each file in a worker process of this same executable.
    func isolatedProcessor(configuration: PipelineConfiguration, logging: LoggingOptions) -> IsolatedProcessor {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let arguments = ["worker", "--as-of", configuration.asOf.description,
                         "--mappings", configuration.mappings.directory.path,
                         "--log-level", logging.logLevel.rawValue]
        return IsolatedProcessor(executable: executable, arguments: arguments, deadline: .milliseconds(Int(timeout * 1000)))
    }
}
