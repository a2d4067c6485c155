import IntakeRecord

/// The annual themes report: what a partnership's annual report says about its escalations,
/// as plain numbers for the page (``renderHTML()``) and the spreadsheet (``renderCSV()``).
///
/// A dispute is a case: the submissions the store linked across stages (same child reference,
/// or same partnership, agencies and child). A submission the store linked to no case is a
/// dispute of its own. Rejected files and policy documents are not disputes.
public struct ThemesReport: Sendable {
    /// A stored record as the report needs it: the store's case link and when it was stored.
    public struct Submission: Sendable {
        public var id: Int64
        public var caseID: Int64?
        public var record: CaseRecord
        /// ISO-8601 UTC, the day used when neither the form nor its source gives one.
        public var storedAt: String?

        public init(id: Int64, caseID: Int64?, record: CaseRecord, storedAt: String?) {
            self.id = id
            self.caseID = caseID
            self.record = record
            self.storedAt = storedAt
        }
    }

    /// One category of a chart: `count` out of `of` (the disputes or submissions it is out of).
    public struct Bar: Sendable, Equatable {
        public var category: String
        public var count: Int
        public var of: Int
    }

    public struct Chart: Sendable, Equatable {
        public enum Scale: Sendable, Equatable {
            /// Bars as long as their count, the longest count the full width.
            case count
            /// Bars as long as `count / of`, 100 % the full width.
            case rate
        }

        /// The chart's name in the CSV's `chart` column.
        public var id: String
        public var title: String
        public var sentence: String
        public var scale: Scale
        public var bars: [Bar]
    }

    /// Disputes whose first submission falls on or between the two days (nil: no bound).
    public struct Period: Sendable, Equatable {
        public var from: Day?
        public var to: Day?

        public init(from: Day? = nil, to: Day? = nil) {
            self.from = from
            self.to = to
        }

        public func contains(_ day: Day?) -> Bool {
            guard let day else { return from == nil && to == nil }
            return (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
        }
    }

    public let period: Period
    /// The partnership's display name when the report is for one partnership.
    public let partnershipName: String?
    public let asOf: Day
    public let disputeCount: Int
    public let submissionCount: Int
    /// In the page's order; empty when the period holds no dispute.
    public let charts: [Chart]

    /// `partnership`: the partnership id the records were chosen by, if any (it names the
    /// report and the stages of its own ladder).
    public init(submissions: [Submission], period: Period, partnership: String?, context: ReportContext) {
        let counted = submissions.filter(Self.isDispute)
        let disputes = Dispute.group(counted).filter { period.contains($0.start) }
        self.period = period
        partnershipName = partnership.map { context.mappings.policy(for: $0)?.shortName ?? $0 }
        asOf = context.asOf
        disputeCount = disputes.count
        submissionCount = disputes.reduce(0) { $0 + $1.submissions.count }
        let ladder = partnership.flatMap(context.mappings.policy(for:))
        charts = disputes.isEmpty ? [] : [
            Self.byPartnership(disputes, context),
            Self.byTheme(disputes),
            Self.byStageReached(disputes, ladder),
            Self.byStageAtResolution(disputes, ladder),
            Self.daysTaken(disputes, context),
            Self.byAgency(disputes, key: "raiser.agency", id: "raising_agency", title: "Raising agencies", side: "raised"),
            Self.byAgency(disputes, key: "responder.agency", id: "responding_agency", title: "Responding agencies",
                          side: "were escalated to"),
            Self.overdueByMonth(counted.filter { period.contains(Dispute.day(of: $0)) }, context),
        ]
    }

    /// A recognised form that was not rejected: policies and unknown documents are not disputes.
    static func isDispute(_ submission: Submission) -> Bool {
        let record = submission.record
        return record.status != .rejected && record.mapping != nil && record.kind != "policy"
    }
}
