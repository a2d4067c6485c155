import Foundation
import IntakeDocument
#if canImport(Glibc)
import Glibc
#endif

/// A private temporary folder for one conversion: `mkdtemp` makes it mode 0700, the input and
/// output live in it under neutral names, and ``remove()`` deletes it and all it holds.
struct ConversionWorkspace {
    let folder: URL
    let output: URL
    let timeout: Duration

    init(in parent: URL, timeout: Duration) throws {
        var template = Array(parent.appendingPathComponent("intake-convert-XXXXXX").path.utf8CString)
        guard mkdtemp(&template) != nil else {
            throw IntakeError(.convertFailed, "No private temporary folder could be made for the conversion (errno \(errno)).")
        }
        folder = URL(fileURLWithPath: String(cString: template), isDirectory: true)
        output = folder.appendingPathComponent("out", isDirectory: true)
        self.timeout = timeout
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
        } catch {
            remove()
            throw IntakeError(.convertFailed, "The conversion's temporary folder could not be prepared.")
        }
    }

    func write(_ data: Data, as name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw IntakeError(.convertFailed, "The file could not be written to the conversion's temporary folder.")
        }
        return url
    }

    /// The converted file `name` in the output folder, once the program has exited cleanly.
    func result(_ outcome: ConversionProcess.Outcome, named name: String, program: String, limit: Int) throws -> Data {
        guard outcome == .exited(0) else { throw Self.failure(outcome, program: program, timeout: timeout) }
        let url = output.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw IntakeError(.convertFailed, "\(program) gave no converted file: the file is damaged, password-protected or not what its content first suggested.")
        }
        return try read(url, limit: limit)
    }

    func read(_ url: URL, limit: Int) throws -> Data {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int ?? 0
        guard size <= limit else {
            throw IntakeError(.fileTooLarge, "The converted file is \(size) bytes; the limit is \(max(0, limit)) bytes.")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw IntakeError(.convertFailed, "The converted file could not be read back.")
        }
        return data
    }

    static func failure(_ outcome: ConversionProcess.Outcome, program: String, timeout: Duration? = nil) -> IntakeError {
        switch outcome {
        case .timedOut:
            IntakeError(.convertTimeout, "\(program) took longer than \(timeout.map { "\($0)" } ?? "its deadline") to convert the file and was stopped; try again on a less busy machine, or ask for the form saved as .docx.")
        case .exited(let status):
            IntakeError(.convertFailed, "\(program) could not convert the file (exit status \(status)): it is damaged or protected.")
        case .signalled(let signal):
            IntakeError(.convertFailed, "\(program) stopped abnormally on the file (signal \(signal)).")
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
