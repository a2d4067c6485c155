import IntakeDocument
import IntakeRecord

/// Reads a policy document's title, dates, ladder and contacts into record fields.
struct PolicyFieldReader {
    let document: Document

    func read() -> ExtractedFields {
        var out = ExtractedFields()
        let paragraphs = document.allBodyParagraphs.map(\.text)
        let facts = PolicyExtractor.extract(paragraphs: paragraphs, title: document.metadata.title)
        if let title = facts.title { out.fields["policy.title"] = .text(title) }
        if let updated = facts.updated { out.fields["policy.updated"] = .date(updated.description) }
        if let due = facts.reviewDue { out.fields["policy.review_due"] = .date(due.description) }
        if !facts.stages.isEmpty { out.fields["policy.stages"] = .stages(facts.stages) }
        if !facts.contacts.isEmpty { out.fields["policy.contacts"] = .list(facts.contacts) }
        return out
    }
}
