import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Ctrl-C (SIGINT) or SIGTERM asking a batch to stop: the first finishes the files in hand,
/// stores their records and ends the run; a second stops at once. Records are written one
/// transaction each, so either way the store holds whole records only.
final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    private var sources: [any DispatchSourceSignal] = []

    /// Whether a stop was asked for; safe from any thread.
    @Sendable func isRequested() -> Bool {
        lock.withLock { requested }
    }

    /// Starts listening for SIGINT and SIGTERM (the signals' default action is turned off for
    /// as long as the returned request lives, which is the rest of the run).
    static func onInterrupt(quiet: Bool) -> StopRequest {
        let request = StopRequest()
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak request] in
                guard let request else { return }
                let again = request.lock.withLock {
                    defer { request.requested = true }
                    return request.requested
                }
                if again {
                    signal(number, SIG_DFL)
                    kill(getpid(), number)
                    return
                }
                if !quiet { StandardError.write("\nstopping: finishing the files in hand (again to stop at once)") }
            }
            source.resume()
            request.sources.append(source)
        }
        return request
    }
}
