import Foundation
import Glibc

/// Named moments between two steps of taking a file in, where the tests kill the watcher to
/// check that a restart finishes the file exactly once. `INTAKE_CRASH_AT=NAME` makes the process
/// SIGKILL itself on reaching `NAME`, as a power cut or the OOM killer would; unset (always, in
/// use), each point is one comparison.
enum CrashPoint: String {
    /// The records' hashes journalled, nothing saved yet.
    case read
    /// Every record committed, the file not yet filed.
    case saved
    /// The name to file under journalled, no note written.
    case chosen
    /// The note written beside the chosen name, the file not yet moved.
    case noted
    /// The file moved, the journal not yet marked done.
    case filed
    /// A duplicate's event logged, the file not yet filed.
    case duplicateLogged = "duplicate-logged"

    private static let armed = ProcessInfo.processInfo.environment["INTAKE_CRASH_AT"].flatMap(CrashPoint.init(rawValue:))

    static func reach(_ point: CrashPoint) {
        if armed == point { kill(getpid(), SIGKILL) }
    }
}
