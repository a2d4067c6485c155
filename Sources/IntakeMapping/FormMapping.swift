/// How to recognise one form and where each of its fields sits: one YAML file in `mappings/forms/`.
///
/// Adding a partnership's form needs a new file, not new code.
public struct FormMapping: Sendable, Equatable {
    /// `partnership/kind`, e.g. `bolton/rpde-form`.
    public var id: String
    public var kind: String
    public var partnership: String
    /// The version of the form this mapping was written for (`v2.1`).
    public var formVersion: String?
    /// The display title reports give the form (`title:`, else its first recognised title).
    public var title: String
    /// How a sentence names it: "the RPDE form" (`short_title:`).
    public var shortTitle: String
    public var recognition: Recognition
    public var stage: StageRule
    /// Headings that scope repeated labels ("Name" under "Agency A practitioner").
    public var sections: [Section]
    public var fields: [FieldMapping]
    public var checks: FormChecks
    /// Which submissions are one dispute, and how they are ordered in its timeline.
    public var cases: CaseRule
    /// The file it was read from, for messages.
    public var file: String

    public func field(_ key: String) -> FieldMapping? { fields.first { $0.key == key } }
}

public struct Section: Sendable, Equatable {
    public var name: String
    public var labels: [String]
}

/// The phrases that say which document this is. Titles and version lines weigh most.
public struct Recognition: Sendable, Equatable {
    public var titles: [String]
    public var versionLines: [String]
    /// Searched in the body, the page headers and footers, and the metadata.
    public var partnershipNames: [String]
    public var phrases: [String]
    /// A document holding any of these is not this form (a policy that quotes the form's title).
    public var exclude: [String]
}

public struct StageRule: Sendable, Equatable {
    /// `stage`, or `resolution_stage` for the monitoring form.
    public var key: String
    public var allowed: [Int]
    /// Whether a stage may be taken from the file name or e-mail subject when the form has none.
    public var fromFileName: Bool
}

public enum ValueType: String, Sendable, Equatable, CaseIterable {
    case text, long, date, email, phone, integer
    case oneOf = "one-of"
    case manyOf = "many-of"
    case signature

    /// A value written on one line (a name, a date, a number, an address), as against a long
    /// text, a choice or a signature.
    public var isOneLine: Bool {
        switch self {
        case .text, .date, .email, .phone, .integer: true
        case .long, .oneOf, .manyOf, .signature: false
        }
    }
}

/// Where the value may sit relative to its printed label.
public enum Placement: String, Sendable, Equatable, CaseIterable {
    /// The next cell of the same table row.
    case right
    /// The row (or paragraph) below the label.
    case below
    /// After a colon in the same paragraph: "Label: value".
    case colon
}

public struct FieldMapping: Sendable, Equatable {
    public var key: String
    public var label: String
    /// Wordings of older versions of the form.
    public var older: [String]
    public var type: ValueType
    public var section: String?
    public var placements: [Placement]
    /// The AcroForm field of the fillable PDF.
    public var formField: String?
    public var options: [ChoiceOption]
    /// Severity of its absence when the form requires it; nil when optional.
    public var required: RequiredRule?

    /// Every wording the label may have, official first.
    public var labels: [String] { [label] + older }
}

public struct RequiredRule: Sendable, Equatable {
    public var severity: Severity
    /// Required only once any of these fields has a value (Bolton Part B signature).
    public var whenAnyPresent: [String]
    /// Required only at these stages; empty means at every stage.
    public var atStages: [Int]
    /// What the submitter should do, in plain words.
    public var hint: String?
}

public enum Severity: String, Sendable, Equatable {
    case error, warning
}

public struct ChoiceOption: Sendable, Equatable {
    public var label: String
    public var older: [String]
    public var value: ChoiceValue
    public var formField: String?

    public var labels: [String] { [label] + older }

    public init(label: String, older: [String] = [], value: ChoiceValue, formField: String? = nil) {
        self.label = label
        self.older = older
        self.value = value
        self.formField = formField
    }
}

/// What a ticked option means: a stage number, a yes/no, or its own words (themes).
public enum ChoiceValue: Sendable, Equatable {
    case integer(Int)
    case boolean(Bool)
    case text(String)
}

/// The policy rules a form is validated against, with the numbers the policy sets.
public struct FormChecks: Sendable, Equatable {
    /// Dates that must not go backwards, in order.
    public var dateOrder: [String]
    public var responseDue: ResponseDue?
    public var maxDays: MaxDays?
    public var noChildDetails: NoChildDetails?
    public var inconsistentOutcome: InconsistentOutcome?
}

public struct ResponseDue: Sendable, Equatable {
    public var from: String
    public var to: String
    public var workingDays: Int
}

public struct MaxDays: Sendable, Equatable {
    public var field: String
    public var max: Int
}

public struct NoChildDetails: Sendable, Equatable {
    /// Free-text fields that must not name the child or give a date of birth.
    public var textFields: [String]
}

public struct InconsistentOutcome: Sendable, Equatable {
    /// A yes/no field that, when true, contradicts any of ``conflictsWith`` having a value.
    public var whenTrue: String
    public var conflictsWith: [String]
}
