import Foundation

/// One record per document: the product's output contract (`case-record/1`).
///
/// Encoded as JSON it is exactly the shape of shared/spec/case-record.md; the store keeps it
/// and the reports are built from it.
public struct CaseRecord: Sendable, Codable, Equatable {
    public static let schemaName = "case-record/1"

    public var schema: String
    public var source: RecordSource
    /// `rpde-form`, `monitoring-form`, `escalation-notification`, `escalation-template`,
    /// `policy`; nil when the document was not recognised.
    public var kind: String?
    public var partnership: String?
    /// `partnership/kind` of the mapping used, nil when none matched.
    public var mapping: String?
    /// The mapping's version (`v2.1`), when it says one.
    public var mappingVersion: String?
    public var fields: RecordFields
    /// Where each field was found, keyed like ``fields``.
    public var provenance: [String: Provenance]?
    public var findings: [Finding]
    public var status: RecordStatus
    /// Stage, document date and case keys, from the mapping: nil for a record that is not a
    /// form (a policy, an unknown or unreadable document). Added to the contract.
    public var caseFacts: CaseFacts?

    public init(
        source: RecordSource, kind: String? = nil, partnership: String? = nil, mapping: String? = nil,
        mappingVersion: String? = nil, fields: RecordFields = RecordFields(),
        provenance: [String: Provenance]? = nil, findings: [Finding] = [], status: RecordStatus? = nil,
        caseFacts: CaseFacts? = nil
    ) {
        self.schema = Self.schemaName
        self.source = source
        self.kind = kind
        self.partnership = partnership
        self.mapping = mapping
        self.mappingVersion = mappingVersion
        self.fields = fields
        self.provenance = provenance
        self.findings = findings
        self.status = status ?? RecordStatus(findings: findings, recognised: kind != nil)
        self.caseFacts = caseFacts
    }

    enum CodingKeys: String, CodingKey {
        case schema, source, kind, partnership, mapping
        case mappingVersion = "mapping_version"
        case fields, provenance, findings, status
        case caseFacts = "case"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(source, forKey: .source)
        try c.encode(kind, forKey: .kind)
        try c.encode(partnership, forKey: .partnership)
        try c.encode(mapping, forKey: .mapping)
        try c.encodeIfPresent(mappingVersion, forKey: .mappingVersion)
        try c.encode(fields, forKey: .fields)
        try c.encodeIfPresent(provenance, forKey: .provenance)
        try c.encode(findings, forKey: .findings)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(caseFacts, forKey: .caseFacts)
    }
}

/// Where a record's document came from.
public struct RecordSource: Sendable, Codable, Equatable, Hashable {
    public var path: String
    public var sha256: String
    /// `docx`, `pdf`, `eml`, or what the file appeared to be when it could not be read.
    public var format: String
    /// The e-mail's path, for a document that arrived as an attachment.
    public var attachmentOf: String?
    /// The attachment's file name inside the e-mail.
    public var attachmentName: String?
    public var receivedAt: String?
    public var sender: String?
    public var subject: String?
    public var size: Int?
    /// The format the file was converted from before it was read (`doc`, `odt`, `rtf`), when
    /// `format` is what it was converted to. Added to the contract.
    public var convertedFrom: String?
    /// The Message-ID of the e-mail that carried it, and the ids that e-mail answers
    /// (In-Reply-To) and follows (References), without angle brackets: how stages of one dispute
    /// sent as replies are linked into a case. Identifiers only; never logged. Added to the contract.
    public var messageID: String?
    public var inReplyTo: [String]?
    public var references: [String]?

    public init(
        path: String, sha256: String, format: String, attachmentOf: String? = nil,
        attachmentName: String? = nil, receivedAt: String? = nil, sender: String? = nil,
        subject: String? = nil, size: Int? = nil, convertedFrom: String? = nil,
        messageID: String? = nil, inReplyTo: [String]? = nil, references: [String]? = nil
    ) {
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.attachmentOf = attachmentOf
        self.attachmentName = attachmentName
        self.receivedAt = receivedAt
        self.sender = sender
        self.subject = subject
        self.size = size
        self.convertedFrom = convertedFrom
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
    }

    /// Every id of the e-mail's thread it names: its own Message-ID, In-Reply-To, References.
    public var threadIDs: [String] {
        [messageID].compactMap { $0 } + (inReplyTo ?? []) + (references ?? [])
    }

    enum CodingKeys: String, CodingKey {
        case path, sha256, format
        case attachmentOf = "attachment_of"
        case attachmentName = "attachment_name"
        case receivedAt = "received_at"
        case sender, subject, size
        case convertedFrom = "converted_from"
        case messageID = "message_id"
        case inReplyTo = "in_reply_to"
        case references
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(format, forKey: .format)
        try c.encode(attachmentOf, forKey: .attachmentOf)
        try c.encodeIfPresent(attachmentName, forKey: .attachmentName)
        try c.encode(receivedAt, forKey: .receivedAt)
        try c.encode(sender, forKey: .sender)
        try c.encodeIfPresent(subject, forKey: .subject)
        try c.encodeIfPresent(size, forKey: .size)
        try c.encodeIfPresent(convertedFrom, forKey: .convertedFrom)
        try c.encodeIfPresent(messageID, forKey: .messageID)
        try c.encodeIfPresent(inReplyTo, forKey: .inReplyTo)
        try c.encodeIfPresent(references, forKey: .references)
    }
}

public enum RecordStatus: String, Sendable, Codable, Equatable, CaseIterable {
    /// No error findings.
    case accepted
    /// One or more error findings.
    case needsAttention = "needs-attention"
    /// Unreadable or not a recognised document; the record says why.
    case rejected

    public init(findings: [Finding], recognised: Bool) {
        if !recognised { self = .rejected }
        else if findings.contains(where: { $0.severity == .error }) { self = .needsAttention }
        else { self = .accepted }
    }
}

/// Where a field's value was found.
public struct Provenance: Sendable, Codable, Equatable, Hashable {
    public var part: String?
    public var page: Int?
    public var table: Int?
    public var row: Int?
    public var cell: Int?
    public var field: String?
    /// How the value was found: `cell-right`, `cell-below`, `after-colon`, `form-field`,
    /// `content-control`, `file-name`, `email-subject`.
    public var via: String?
    /// How the field was recognised: `exact-label`, `similar-label` (by meaning), `position`
    /// (between rows that matched), `form-field`, `content-control`. Added to the contract.
    public var match: String?
    /// How sure that recognition is, 0–1 (1 for an exact label or a form field).
    public var confidence: Double?

    public init(part: String? = nil, page: Int? = nil, table: Int? = nil, row: Int? = nil,
                cell: Int? = nil, field: String? = nil, via: String? = nil, match: String? = nil,
                confidence: Double? = nil) {
        self.match = match
        self.confidence = confidence
        self.part = part
        self.page = page
        self.table = table
        self.row = row
        self.cell = cell
        self.field = field
        self.via = via
    }
}
