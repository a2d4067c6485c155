import Foundation
import IntakeDocument
#if canImport(Glibc)
import Glibc
#endif

/// Runs one converter program (LibreOffice, msgconvert, ytnef) to completion or to its deadline.
///
/// The program is started with `posix_spawn` in a process group of its own, standard input,
/// output and error on `/dev/null` (converters print the paths they wrote, and paths can name
/// children), so that on the deadline the whole group is killed: `soffice` is a script that
/// starts `oosplash`, which starts `soffice.bin`. Waiting polls `waitpid` rather than relying on
/// a run loop, so it is safe on any thread. Blocks the calling thread.
/// Exit status 126/127 from the watchdog means the program could not be run.
enum ConversionProcess {
    static let watchdog = "/usr/bin/timeout"

    enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    /// - throws: `IntakeError(.convertUnavailable)` when the program cannot be started.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    deadline: Duration, unavailable: IntakeError) throws -> Outcome {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // No other descriptor of ours reaches the converter: Foundation's Process watches a
        // socket for its child's exit, and a converter holding a copy would keep an isolated
        // worker's parent waiting for as long as LibreOffice runs.
        closeFrom?(&actions, 3)

        // coreutils' timeout as the group's leader is a second watchdog that outlives us: should
        // this process die (an isolated worker killed on its own deadline, a second Ctrl-C), it
        // still kills the converter and all it started a little after the deadline.
        var command = [executable] + arguments
        if access(watchdog, X_OK) == 0 {
            command = [watchdog, "--signal=KILL", "\(deadline.components.seconds + 5)"] + command
        }
        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, command[0], &actions, &attributes, argv, envp) == 0 else { throw unavailable }
        return waitOrKill(pid, deadline: deadline)
    }

    private static func waitOrKill(_ pid: pid_t, deadline: Duration) -> Outcome {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: deadline)
        var pause: useconds_t = 2_000
        var status: Int32 = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited < 0 && errno != EINTR { return .signalled(0) }
            if clock.now >= end {
                kill(-pid, SIGKILL)  // the whole group: the program and whatever it started
                _ = waitpid(pid, &status, 0)
                awaitGroupEnd(pid)
                return .timedOut
            }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
        // Children the program left behind (a LibreOffice helper) go with it.
        kill(-pid, SIGKILL)
        awaitGroupEnd(pid)
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }

    /// A killed process lingers until the kernel has torn it down: wait (a little) until the
    /// group has no member left, so that nothing started here outlives the call.
    private static func awaitGroupEnd(_ group: pid_t) {
        for _ in 0..<200 where kill(-group, 0) == 0 {
            var status: Int32 = 0
            _ = waitpid(-group, &status, WNOHANG)
            usleep(10_000)
        }
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module
    /// does not import; nil where the C library lacks it.
    private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// The first executable file called `name` on `PATH`.
    static func find(_ name: String, environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }
}
