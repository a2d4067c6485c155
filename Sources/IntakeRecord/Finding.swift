/// Something wrong or missing in a record, with the field it concerns and how to fix it.
///
/// Messages name field labels and keys, never values from the document.
public struct Finding: Sendable, Codable, Equatable, Hashable {
    public var code: FindingCode
    public var severity: Severity
    public var field: String?
    public var message: String

    public init(code: FindingCode, severity: Severity, field: String? = nil, message: String) {
        self.code = code
        self.severity = severity
        self.field = field
        self.message = message
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(severity, forKey: .severity)
        try c.encode(field, forKey: .field)
        try c.encode(message, forKey: .message)
    }
}

public enum Severity: String, Sendable, Codable, Equatable, Hashable, Comparable {
    case error, warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// The finding codes of the contract. Only ever added to.
public enum FindingCode: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
    case missingField = "missing-field"
    case missingSignature = "missing-signature"
    case missingStage = "missing-stage"
    case stageNotAllowed = "stage-not-allowed"
    case ambiguousChoice = "ambiguous-choice"
    case invalidDate = "invalid-date"
    case invalidEmail = "invalid-email"
    case invalidPhone = "invalid-phone"
    case dateOrder = "date-order"
    case responseOverdue = "response-overdue"
    case timescaleExceeded = "timescale-exceeded"
    case childDetailsPresent = "child-details-present"
    case inconsistentOutcome = "inconsistent-outcome"
    case unknownDocument = "unknown-document"
    case unreadableDocument = "unreadable-document"
    case policyReviewOverdue = "policy-review-overdue"
    /// Added to the contract: a working-day count needed a date the calendar does not cover.
    case calendarOutOfRange = "calendar-out-of-range"
    /// Added to the contract: a field read from a label recognised only by similar wording or
    /// by its place on the form; the value is kept, and a person should confirm it.
    case lowConfidenceField = "low-confidence-field"
}
