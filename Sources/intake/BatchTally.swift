import Foundation
import IntakeRecord

/// What a batch has done so far, counted as each file's records arrive: the progress line and
/// the closing summary are drawn from it. Holds codes, kinds and hash prefixes only, never a
/// file name or a value.
struct BatchTally {
    let total: Int
    private(set) var files = 0
    private(set) var records = 0
    private(set) var byStatus: [RecordStatus: Int] = [:]
    private(set) var byKind: [String: Int] = [:]
    private(set) var byFinding: [String: Int] = [:]
    private(set) var convertedFrom: [String: Int] = [:]
    /// Files another `--share` process claimed or did.
    private(set) var passedOver = 0
    /// The slowest files read, slowest first, by the SHA-256 prefix of the file.
    private(set) var slowest: [(hash: String, took: Duration)] = []
    static let slowestKept = 5
    /// Every file's reading time in seconds, for the latency percentiles (8 bytes a file).
    private(set) var latencies: [Double] = []

    init(total: Int) { self.total = total }

    mutating func add(_ fileRecords: [CaseRecord], took: Duration) {
        files += 1
        records += fileRecords.count
        for record in fileRecords {
            byStatus[record.status, default: 0] += 1
            byKind[Self.kindLabel(record), default: 0] += 1
            for finding in record.findings { byFinding[finding.code.rawValue, default: 0] += 1 }
            if let from = record.source.convertedFrom { convertedFrom[from, default: 0] += 1 }
        }
        // An e-mail's records carry their attachments' hashes: name the e-mail by its first.
        let hash = String((fileRecords.first?.source.sha256 ?? "").prefix(12))
        latencies.append(took.seconds)
        slowest.append((hash, took))
        slowest.sort { $0.took > $1.took }
        if slowest.count > Self.slowestKept { slowest.removeLast() }
    }

    mutating func passOver() {
        files += 1
        passedOver += 1
    }

    /// Whether every record so far is accepted (the exit status is 0).
    var allAccepted: Bool { byStatus[.needsAttention] == nil && byStatus[.rejected] == nil }

    /// `partnership/kind`, or `unrecognised`.
    static func kindLabel(_ record: CaseRecord) -> String {
        guard let kind = record.kind else { return "unrecognised" }
        return record.partnership.map { "\($0)/\(kind)" } ?? kind
    }

    /// "accepted 12, needs-attention 3, rejected 1", in the contract's order.
    var statusCounts: String {
        RecordStatus.allCases.map { "\($0.rawValue) \(byStatus[$0, default: 0])" }.joined(separator: ", ")
    }

    /// The closing summary, one topic a line.
    func summary(elapsed: Duration, stopped: Bool) -> [String] {
        let seconds = elapsed.seconds
        var lines = [
            "summary: \(files) of \(total) files, \(records) records in \(Self.format(seconds))"
                + (seconds > 0 ? String(format: " (%.1f files/s)", Double(files) / seconds) : "")
                + (stopped ? "; stopped early, \(total - files) files not read" : ""),
            "  by status: \(statusCounts)",
            "  by kind: " + Self.ranked(byKind, limit: nil),
        ]
        if passedOver > 0 { lines.append("  passed over (read by another --share process): \(passedOver) files") }
        if !byFinding.isEmpty { lines.append("  most frequent findings: " + Self.ranked(byFinding, limit: 8)) }
        if !convertedFrom.isEmpty { lines.append("  converted from: " + Self.ranked(convertedFrom, limit: nil)) }
        if !latencies.isEmpty { lines.append("  per file: " + Self.percentiles(latencies)) }
        if !slowest.isEmpty {
            lines.append("  slowest files (SHA-256): " + slowest.map { "\($0.hash) \(String(format: "%.2f s", $0.took.seconds))" }.joined(separator: ", "))
        }
        return lines
    }

    /// "median 0.012 s, p90 0.030 s, p99 0.081 s, max 0.200 s" (nearest rank).
    static func percentiles(_ values: [Double]) -> String {
        let sorted = values.sorted()
        func rank(_ p: Double) -> Double { sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))] }
        return [("median", 0.5), ("p90", 0.9), ("p99", 0.99), ("max", 1.0)]
            .map { "\($0.0) " + String(format: "%.3f s", rank($0.1)) }.joined(separator: ", ")
    }

    /// "a 3, b 2": most first, ties by name so that the line repeats.
    static func ranked(_ counts: [String: Int], limit: Int?) -> String {
        let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let kept = limit.map { Array(sorted.prefix($0)) } ?? sorted
        return kept.isEmpty ? "none" : kept.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// "42 s", "3m07s", "1h02m".
    static func format(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if seconds < 60 { return String(format: seconds < 10 ? "%.1f s" : "%.0f s", seconds) }
        if whole < 3600 { return String(format: "%dm%02ds", whole / 60, whole % 60) }
        return String(format: "%dh%02dm", whole / 3600, (whole % 3600) / 60)
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
