import Foundation
import Plot

extension FollowUpList {
    public func renderText() -> String {
        guard !entries.isEmpty else { return "No response is due or overdue as of \(asOf).\n" }
        var lines = ["Responses due or overdue as of \(asOf): \(entries.count)"]
        for e in entries {
            let when = e.daysOverdue > 0 ? "OVERDUE by \(e.daysOverdue) working day\(e.daysOverdue == 1 ? "" : "s")"
                : e.daysOverdue == 0 ? "due today" : "due in \(-e.daysOverdue) working day\(e.daysOverdue == -1 ? "" : "s")"
            var line = "#\(e.recordID)  \(when) (due \(e.due))  \(e.partnership), \(e.form)"
            if let stage = e.stage { line += ", stage \(stage)" }
            let agencies = [e.raisingAgency, e.respondingAgency].compactMap { $0 }
            if !agencies.isEmpty { line += "  [\(agencies.joined(separator: " → "))]" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func renderCSV() -> String {
        ([Self.columns] + rows).map { $0.map(CSV.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public func renderHTML() -> String {
        ReportStyle.page(title: "Responses due or overdue as of \(asOf)",
                .p(.text(entries.isEmpty ? "No response is due or overdue." :
                    "\(entries.count) submissions wait for a response, most overdue first. Working days leave out weekends and England and Wales bank holidays.")),
                .if(!entries.isEmpty, .table(
                    .thead(.tr(.forEach(Self.columns) { .th(.text($0.replacingOccurrences(of: "_", with: " "))) })),
                    .tbody(.forEach(rows) { row in .tr(.forEach(row) { .td(.text($0)) }) })))) + "\n"
    }
}

/// RFC 4180 fields: quoted when they hold a comma, quote or line break. A field starting with
/// `=`, `+`, `-` or `@` is prefixed with a quote so that a spreadsheet does not run it as a formula.
enum CSV {
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { ",\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
