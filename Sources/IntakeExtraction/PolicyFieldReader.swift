import IntakeDocument
import IntakeRecord

/// Reads a policy document's title, dates, ladder and contacts into record fields.
struct PolicyFieldReader {
    let document: Document

    func read() -> ExtractedFields {
        var out = ExtractedFields()
        out.fields = PolicyExtractor.extract(document: document).fields
        return out
    }
}
