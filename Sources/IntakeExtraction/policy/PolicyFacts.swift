import IntakeRecord

/// What a partnership's escalation policy says about itself: the `policy.*` fields of a record.
public struct PolicyFacts: Sendable, Equatable {
    public var title: String?
    public var updated: Day?
    public var reviewDue: Day?
    /// The ladder, ordered by stage number.
    public var stages: [PolicyStage]
    /// E-mail addresses in order of first appearance, lowercased, without repeats.
    public var contacts: [String]

    public init(title: String? = nil, updated: Day? = nil, reviewDue: Day? = nil,
                stages: [PolicyStage] = [], contacts: [String] = []) {
        self.title = title
        self.updated = updated
        self.reviewDue = reviewDue
        self.stages = stages
        self.contacts = contacts
    }

    /// The record fields under their contract keys; a fact not found is left out.
    public var fields: RecordFields {
        var fields = RecordFields()
        if let title { fields["policy.title"] = .text(title) }
        if let updated { fields["policy.updated"] = .date(updated.description) }
        if let reviewDue { fields["policy.review_due"] = .date(reviewDue.description) }
        if !stages.isEmpty { fields["policy.stages"] = .stages(stages) }
        if !contacts.isEmpty { fields["policy.contacts"] = .list(contacts) }
        return fields
    }
}
