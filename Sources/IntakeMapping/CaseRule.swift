/// How a form's submissions about one dispute are found to be the same case, and what places a
/// submission in the case's timeline: `case_keys:`, `document_date:` and `case_reference:` in
/// the form's YAML (its stage is ``StageRule/key``).
public struct CaseRule: Sendable, Equatable {
    /// Alternatives: a submission joins the case of another of the same partnership that agrees
    /// on every part of any one alternative. Empty: the form never forms a case.
    public var keys: [[CaseKeyPart]]
    /// Date fields, first present first: the document's own date. Without one, the day the
    /// file (or the e-mail that carried it) was received.
    public var documentDate: [String]
    /// The field a case is listed under (a case number), when the form has one.
    public var reference: String?

    public init(keys: [[CaseKeyPart]] = [], documentDate: [String] = [], reference: String? = nil) {
        self.keys = keys
        self.documentDate = documentDate
        self.reference = reference
    }
}

/// One part of a case key: a field of the form, or the e-mail thread that carried it.
public enum CaseKeyPart: Sendable, Equatable, Hashable {
    case field(String)
    /// The Message-ID, In-Reply-To and References of the e-mail that carried the form: any one
    /// id in common puts two submissions in the same thread (a reply carrying the next stage).
    case emailThread

    /// `email.thread` in YAML.
    public static let emailThreadName = "email.thread"

    public var name: String {
        switch self {
        case .field(let key): key
        case .emailThread: Self.emailThreadName
        }
    }
}
