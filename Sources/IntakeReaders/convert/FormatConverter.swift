import Foundation
import IntakeDocument
#if canImport(Glibc)
import Glibc
#endif

/// Turns the formats Intake does not read itself into ones it does, through the programs
/// Debian ships: Word 97–2003, OpenDocument and RTF into DOCX with LibreOffice headless
/// (`libreoffice-writer-nogui`), Outlook `.msg` into an RFC 822 e-mail with `msgconvert`
/// (`libemail-outlook-message-perl`), and `winmail.dat` (TNEF) into its files with `ytnef`
/// (`ytnef-tools`).
///
/// ```swift
/// let converter = FormatConverter()                       // finds the programs on PATH
/// let docx = try converter.wordDocument(from: data, format: .wordBinary)
/// ```
///
/// Each conversion works in a private temporary folder (mode 0700, removed afterwards whatever
/// happens) holding the input under a neutral name (never the file's own name, which can name a
/// child), the output, and LibreOffice's profile, so that runs never share or lock a profile.
/// A conversion past ``timeout`` is killed with everything it started; at most
/// `maxConcurrent` run at once, however many files are read in parallel. Safe to share between
/// threads; each call blocks its thread until its program ends.
public struct FormatConverter: Sendable {
    /// Absolute paths of the programs, nil for one that is not installed.
    public var soffice: String?
    public var msgconvert: String?
    public var ytnef: String?
    public var timeout: Duration
    public var maxOutputBytes: Int
    /// Where each conversion's private folder is made (default: the system's temporary folder).
    public var temporaryDirectory: URL
    private let slots: ConversionSlots

    /// - parameter environment: where `PATH` is read from; `INTAKE_SOFFICE`, `INTAKE_MSGCONVERT`
    ///   and `INTAKE_YTNEF` name a program directly (an empty value: not installed).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                timeout: Duration = .seconds(60), maxConcurrent: Int = 2, maxOutputBytes: Int = ReadLimits.default.maxFileBytes,
                temporaryDirectory: URL = FileManager.default.temporaryDirectory) {
        func program(_ name: String, _ variable: String) -> String? {
            if let named = environment[variable] { return named.isEmpty ? nil : named }
            return ConversionProcess.find(name, environment: environment)
        }
        soffice = program("soffice", "INTAKE_SOFFICE")
        msgconvert = program("msgconvert", "INTAKE_MSGCONVERT")
        ytnef = program("ytnef", "INTAKE_YTNEF")
        self.timeout = timeout
        self.maxOutputBytes = maxOutputBytes
        self.temporaryDirectory = temporaryDirectory
        slots = ConversionSlots(max(1, maxConcurrent))
    }

    /// DOCX bytes for a `.doc`, `.odt` or `.rtf` file.
    /// - throws: `IntakeError` `.convertUnavailable` (the message names the package to install),
    ///   `.convertTimeout`, `.convertFailed`.
    public func wordDocument(from data: Data, format: SourceFormat) throws -> Data {
        let name = format.rawValue
        guard let soffice else {
            throw IntakeError(.convertUnavailable, "Reading .\(name) files needs LibreOffice: install Debian's libreoffice-writer-nogui (scripts/setup.sh does), or ask for the form saved as .docx.")
        }
        return try inWorkspace { workspace in
            let input = try workspace.write(data, as: "document.\(name)")
            let outcome = try run(soffice, [
                "--headless", "--norestore", "--nolockcheck", "--nologo", "--nodefault",
                "-env:UserInstallation=\(workspace.folder.appendingPathComponent("profile").absoluteString)",
                "--convert-to", "docx:MS Word 2007 XML", "--outdir", workspace.output.path, input.path,
            ], workspace: workspace, program: "LibreOffice")
            return try workspace.result(outcome, named: "document.docx", program: "LibreOffice", limit: maxOutputBytes)
        }
    }

    /// The RFC 822 e-mail an Outlook `.msg` file holds, attachments included.
    /// - throws: as ``wordDocument(from:format:)``.
    public func email(fromOutlookMessage data: Data) throws -> Data {
        guard let msgconvert else {
            throw IntakeError(.convertUnavailable, "Reading Outlook .msg files needs msgconvert: install Debian's libemail-outlook-message-perl (scripts/setup.sh does), or ask for the e-mail saved as .eml.")
        }
        return try inWorkspace { workspace in
            let input = try workspace.write(data, as: "message.msg")
            let eml = workspace.output.appendingPathComponent("message.eml")
            let outcome = try run(msgconvert, ["--outfile", eml.path, input.path], workspace: workspace, program: "msgconvert")
            return try workspace.result(outcome, named: "message.eml", program: "msgconvert", limit: maxOutputBytes)
        }
    }

    /// The files a `winmail.dat` (TNEF) attachment carries, in name order.
    /// - throws: as ``wordDocument(from:format:)``.
    public func files(fromTNEF data: Data) throws -> [(name: String, data: Data)] {
        guard let ytnef else {
            throw IntakeError(.convertUnavailable, "Reading winmail.dat (TNEF) attachments needs ytnef: install Debian's ytnef-tools (scripts/setup.sh does), or ask the sender to send in plain-text or HTML format.")
        }
        return try inWorkspace { workspace in
            let input = try workspace.write(data, as: "winmail.dat")
            let outcome = try run(ytnef, ["-f", workspace.output.path, input.path], workspace: workspace, program: "ytnef")
            guard outcome == .exited(0) else { throw ConversionWorkspace.failure(outcome, program: "ytnef", timeout: timeout) }
            let names = try FileManager.default.contentsOfDirectory(atPath: workspace.output.path).sorted()
            var total = 0
            return try names.map { name in
                let file = try workspace.read(workspace.output.appendingPathComponent(name), limit: maxOutputBytes - total)
                total += file.count
                return (name, file)
            }
        }
    }

    /// Kills the conversions still running in folders under `folder`, with all they started:
    /// for a process that ran conversions there and died without stopping them (an isolated
    /// worker killed on its deadline). Each conversion's command line names its private folder.
    public static func stopConversions(under folder: URL) {
        let marker = folder.path + "/intake-convert-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry), let raw = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            if String(decoding: raw, as: UTF8.self).contains(marker) {
                let group = getpgid(pid)
                if group > 1 { kill(-group, SIGKILL) }
            }
        }
    }

    private func run(_ program: String, _ arguments: [String], workspace: ConversionWorkspace, program label: String) throws -> ConversionProcess.Outcome {
        let unavailable = IntakeError(.convertUnavailable, "\(label) is installed but could not be started.")
        // A minimal environment: no variable of ours reaches the converter, and HOME is private.
        let environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": workspace.folder.path, "LANG": "C.UTF-8"]
        let outcome = try slots.withSlot {
            try ConversionProcess.run(program, arguments, environment: environment, deadline: timeout, unavailable: unavailable)
        }
        // The watchdog's way of saying the program could not be run (POSIX shells' 126 and 127).
        if outcome == .exited(126) || outcome == .exited(127) { throw unavailable }
        return outcome
    }

    private func inWorkspace<T>(_ body: (ConversionWorkspace) throws -> T) throws -> T {
        let workspace = try ConversionWorkspace(in: temporaryDirectory, timeout: timeout)
        defer { workspace.remove() }
        return try body(workspace)
    }
}

/// At most so many conversions at once: each LibreOffice takes a core and 100–200 MB.
private final class ConversionSlots: @unchecked Sendable {
    private let semaphore: DispatchSemaphore

    init(_ count: Int) { semaphore = DispatchSemaphore(value: count) }

    func withSlot<T>(_ body: () throws -> T) rethrows -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return try body()
    }
}
