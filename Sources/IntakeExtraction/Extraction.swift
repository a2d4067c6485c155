import IntakeDocument
import IntakeMapping
import IntakeRecord

/// What the document that is being extracted came with besides its bytes.
public struct ExtractionContext: Sendable {
    /// The file name (or attachment name): a stage may be written there ("…-stage4.docx").
    public var fileName: String?
    /// The subject of the e-mail that brought it: "Escalation notification – Stage 3".
    public var emailSubject: String?

    public init(fileName: String? = nil, emailSubject: String? = nil) {
        self.fileName = fileName
        self.emailSubject = emailSubject
    }
}

/// Typed values pulled from a document, where each was found, and what could not be read.
public struct ExtractedFields: Sendable, Equatable {
    public var fields = RecordFields()
    public var provenance: [String: Provenance] = [:]
    /// Problems met while reading values: invalid dates, e-mails, phones, ambiguous ticks.
    public var findings: [Finding] = []

    public init() {}
}

public enum Extraction: Sendable {
    case form(FormMapping, ExtractedFields)
    case policy(PolicyMapping, ExtractedFields)
    case unknown
}

/// Recognises a document and extracts its fields through the matching mapping.
///
/// Mappings are loaded once and shared; one `Extractor` serves any number of documents,
/// from any number of tasks.
public struct Extractor: Sendable {
    public let mappings: MappingSet
    /// Every form's label wordings, prepared once.
    let labels: LabelCatalogue
    /// Every mapping's recognition wordings, normalised once.
    let classifier: Classifier

    public init(mappings: MappingSet) {
        self.mappings = mappings
        self.labels = LabelCatalogue(mappings: mappings)
        self.classifier = Classifier(mappings: mappings)
    }

    public func extract(_ document: Document, context: ExtractionContext = .init()) -> Extraction {
        let units = document.layoutUnits()
        let text = DocumentText(document: document, units: units)
        switch classifier.classify(text) {
        case .form(let mapping, _):
            let reader = FormReader(labels: labels.labels(for: mapping), document: document, units: units, context: context)
            return .form(mapping, reader.read())
        case .policy(let policy, _):
            return .policy(policy, PolicyFieldReader(document: document).read())
        case .unknown:
            return .unknown
        }
    }
}
