/// What places a record in its case, worked out from the form's mapping when it was read
/// (`case` in the record's JSON; added to the contract). The store links and orders records by
/// these and nothing else.
public struct CaseFacts: Sendable, Codable, Equatable, Hashable {
    /// The stage the submission is made (or, on the monitoring form, resolved) at: the field the
    /// mapping's `stage.key` names.
    public var stage: Int?
    /// `YYYY-MM-DD`: the first of the mapping's `document_date` fields present, else the day the
    /// file or the e-mail that carried it was received. Orders a case's timeline after the stage.
    public var documentDate: String?
    /// The value of the mapping's `case_reference` field, shown as the case's reference.
    public var reference: String?
    /// Opaque keys (`partnership:parts:SHA-256`), one per alternative of the mapping's
    /// `case_keys` that the record fills (one per thread id for `email.thread`): records that
    /// share any key are one case. Hashes, so that no key repeats a name or a message id.
    public var keys: [String]

    public init(stage: Int? = nil, documentDate: String? = nil, reference: String? = nil, keys: [String] = []) {
        self.stage = stage
        self.documentDate = documentDate
        self.reference = reference
        self.keys = keys
    }

    enum CodingKeys: String, CodingKey {
        case stage
        case documentDate = "document_date"
        case reference, keys
    }
}
