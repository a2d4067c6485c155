import Foundation
import IntakeMapping
import IntakeRecord

/// Turns the text found for one field into its typed value, or a finding saying why not.
///
/// Messages name the field's printed label, never the value: forms name children.
struct ValueReader {
    let field: FieldMapping
    var out: ExtractedFields

    init(field: FieldMapping, out: ExtractedFields) {
        self.field = field
        self.out = out
    }

    mutating func read(text raw: String, provenance: Provenance?) {
        guard let text = ValueText.clean(raw) else { return }
        switch field.type {
        case .text, .long:
            set(.text(text), provenance)
        case .date:
            // "05/10/2026 at 14:30" and "Monday 5th October 2026 (by e-mail)" still give their date.
            if let day = BritishDateParser.parse(text) ?? BritishDateParser.firstDate(in: text) {
                set(.date(day.description), provenance)
            } else {
                finding(.invalidDate, "\(field.label) could not be read as a date. Write it as day/month/year, for example 05/03/2026.")
            }
        case .email:
            let address = ValueText.normaliseEmail(text)
            set(.text(address), provenance)
            if !ValueText.isEmail(address) {
                finding(.invalidEmail, "\(field.label) is not a valid e-mail address (name@organisation.example).")
            }
        case .phone:
            let number = ValueText.normalisePhone(text)
            set(.text(number), provenance)
            if !ValueText.isPhone(number) {
                finding(.invalidPhone, "\(field.label) is not a valid UK telephone number (e.g. 01632 960000 or +44 1632 960000).")
            }
        case .integer:
            if let number = ValueText.integer(in: text) { set(.integer(number), provenance) }
        case .oneOf, .manyOf:
            readChoice(text, provenance)
        case .signature:
            break
        }
    }

    /// A choice read from a fillable PDF's check boxes.
    mutating func read(boxes: [(ChoiceOption, Bool)], provenance: Provenance?) {
        choose(boxes.filter(\.1).map(\.0), provenance)
    }

    mutating func note(_ provenance: Provenance?) {
        if let provenance { out.provenance[field.key] = provenance }
    }

    private mutating func readChoice(_ text: String, _ provenance: Provenance?) {
        // A choice row is a few lines; a huge one is not a choice row, and must not cost minutes.
        switch ChoiceReader(options: field.options).read(String(text.prefix(ValueText.maxChoiceText))) {
        case .chosen(let options):
            choose(options, provenance)
        case .typed(let typed):
            guard field.type == .oneOf, let first = field.options.first else { return }
            switch first.value {
            case .integer:
                if let stage = ValueText.stageNumber(in: typed) { set(.integer(stage), provenance) }
            case .boolean:
                if let answer = ValueText.yesOrNo(typed) { set(.boolean(answer), provenance) }
            case .text:
                break
            }
        case .none:
            break
        }
    }

    private mutating func choose(_ options: [ChoiceOption], _ provenance: Provenance?) {
        if field.type == .manyOf {
            if !options.isEmpty { set(.list(options.map(\.label)), provenance) }
            return
        }
        guard options.count <= 1 else {
            finding(.ambiguousChoice, "\(field.label): more than one box is ticked where only one may be. Tick one box only.", severity: .error)
            return
        }
        guard let option = options.first else { return }
        switch option.value {
        case .integer(let n): set(.integer(n), provenance)
        case .boolean(let b): set(.boolean(b), provenance)
        case .text(let s): set(.text(s), provenance)
        }
    }

    private mutating func set(_ value: FieldValue, _ provenance: Provenance?) {
        out.fields[field.key] = value
        note(provenance)
    }

    private mutating func finding(_ code: FindingCode, _ message: String, severity: IntakeRecord.Severity = .warning) {
        out.findings.append(Finding(code: code, severity: severity, field: field.key, message: message))
    }
}
