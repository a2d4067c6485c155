import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Shows a batch's progress on standard error.
///
/// On a terminal: one line redrawn in place (`\r`, erase to the end of the line) at most ten
/// times a second: a bar, done / total, files per second, the time left at that rate, and the
/// counts by status. Off a terminal (a log file, CI): a plain line every `interval`, so that
/// a long batch neither floods the log nor falls silent, and a last one at the end.
struct BatchProgress {
    let onTerminal: Bool
    let interval: Duration
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant?
    static let barWidth = 24

    init(onTerminal: Bool = isatty(STDERR_FILENO) == 1, interval: Duration = .seconds(5)) {
        self.onTerminal = onTerminal
        self.interval = interval
        started = clock.now
    }

    var elapsed: Duration { clock.now - started }

    /// Draws the line when it is due (always when `final`).
    mutating func update(_ tally: BatchTally, final: Bool = false) {
        let now = clock.now
        let due = onTerminal ? Duration.milliseconds(100) : interval
        if !final, let lastDrawn, now - lastDrawn < due { return }
        lastDrawn = now
        let text = Self.line(tally, elapsed: now - started, bar: onTerminal)
        if onTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text + (final ? "\n" : "")).utf8))
        } else {
            StandardError.write("progress: " + text)
        }
    }

    /// "[######------] 120/1909 files, 6.3 files/s, ETA 4m43s; accepted 80, …".
    static func line(_ tally: BatchTally, elapsed: Duration, bar: Bool) -> String {
        let seconds = elapsed.seconds
        let rate = seconds > 0 ? Double(tally.files) / seconds : 0
        let left = tally.total - tally.files
        let eta = rate > 0 ? BatchTally.format(Double(left) / rate) : "unknown"
        var text = "\(tally.files)/\(tally.total) files, " + String(format: "%.1f files/s", rate) + ", ETA \(left == 0 ? "0 s" : eta); \(tally.statusCounts)"
        if bar {
            let filled = tally.total == 0 ? barWidth : barWidth * tally.files / tally.total
            text = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "] " + text
        }
        return text
    }
}
