import IntakeRecord

extension ThemesReport {
    /// The submissions of one case, oldest first, and what the charts read from them.
    struct Dispute {
        var submissions: [CaseRecord]
        /// The day of its first submission: the day the period is matched against.
        var start: Day?
        var partnership: String?

        /// One dispute per case id, and one per submission the store linked to no case.
        static func group(_ submissions: [Submission]) -> [Dispute] {
            var byCase: [Int64: [Submission]] = [:]
            var alone: [[Submission]] = []
            for submission in submissions {
                if let caseID = submission.caseID { byCase[caseID, default: []].append(submission) } else { alone.append([submission]) }
            }
            let groups = byCase.keys.sorted().compactMap { byCase[$0] } + alone
            return groups.map { group in
                let dated = group.map { (day: day(of: $0), record: $0.record) }
                    .sorted { ($0.day ?? .distantPast, $0.record.source.sha256) < ($1.day ?? .distantPast, $1.record.source.sha256) }
                return Dispute(submissions: dated.map(\.record), start: dated.compactMap(\.day).min(),
                               partnership: dated.compactMap(\.record.partnership).first)
            }
        }

        /// A submission's day: the first date the form gives (sent, completed, received, the
        /// raiser's signature), else the day its source was received, else the day it was stored.
        static func day(of submission: Submission) -> Day? {
            for key in ["date.sent", "date.completed", "date.received", "raiser.signed_on"] {
                if let day = submission.record.dayValue(key) { return day }
            }
            for stamp in [submission.record.source.receivedAt, submission.storedAt] {
                if let stamp, let day = Day(iso: String(stamp.prefix(10))) { return day }
            }
            return nil
        }

        /// Distinct texts of a text or list field across the submissions, told apart by their
        /// letters and words (case and spacing aside), each shown as first written.
        func texts(_ key: String) -> [String] {
            var seen: Set<String> = []
            var shown: [String] = []
            for record in submissions {
                let values: [String]
                switch record.fields[key] {
                case .text(let t)?: values = [t]
                case .list(let items)?: values = items
                default: values = []
                }
                for value in values {
                    let words = value.split(whereSeparator: \.isWhitespace)
                    guard !words.isEmpty, seen.insert(words.joined(separator: " ").lowercased()).inserted else { continue }
                    shown.append(words.joined(separator: " "))
                }
            }
            return shown
        }

        /// The highest value of the integer fields across the submissions.
        func highest(_ keys: String...) -> Int? {
            submissions.flatMap { record in keys.compactMap { record.integerValue($0) } }.max()
        }
    }
}

extension CaseRecord {
    func dayValue(_ key: String) -> Day? {
        if case .date(let text)? = fields[key] { return Day(iso: text) }
        return nil
    }

    func integerValue(_ key: String) -> Int? {
        if case .integer(let n)? = fields[key] { return n }
        return nil
    }
}

extension Day {
    static let distantPast = Day(year: 1, month: 1, day: 1)!
}
