import Foundation
import IntakeDocument
import IntakeMapping
import IntakeRecord

/// Reads every field of one form mapping out of one document.
struct FormReader {
    let labels: FormLabels
    let document: Document
    let units: [LayoutUnit]
    let context: ExtractionContext
    var mapping: FormMapping { labels.mapping }

    init(labels: FormLabels, document: Document, units: [LayoutUnit], context: ExtractionContext) {
        self.labels = labels
        self.document = document
        self.units = units
        self.context = context
    }

    func read() -> ExtractedFields {
        read(located: FieldLocator(labels: labels, units: units).locate())
    }

    func read(located: LocatedFields) -> ExtractedFields {
        var out = ExtractedFields()
        let regions = located.regions
        let formFields = Dictionary(document.fields.flatMap { field in
            [(field.name, field)] + (field.alternateName.map { [($0, field)] } ?? [])
        }, uniquingKeysWith: { first, _ in first })

        for field in mapping.fields {
            let region = regions[field.key]
            let formField = field.formField.flatMap { formFields[$0] }
            var reader = ValueReader(field: field, out: out)
            if field.type == .signature {
                let signature = SignatureReader(document: document, units: units).read(region: region, formField: formField)
                reader.out.fields[field.key] = .signature(signature)
                reader.note(provenance(region: region, formField: formField))
            } else if let formField, formField.kind != .signature, field.type != .oneOf, field.type != .manyOf {
                reader.read(text: formField.value ?? "", provenance: provenance(region: nil, formField: formField))
            } else if field.type == .oneOf || field.type == .manyOf, let boxes = optionBoxes(field, formFields) {
                reader.read(boxes: boxes, provenance: provenance(region: nil, formField: formFields[field.options[0].formField ?? ""]))
            } else if let region {
                reader.read(text: region.text, provenance: provenance(region: region, formField: nil))
            }
            out = reader.out
        }
        fillStageFromContext(&out)
        out.findings += lowConfidenceFindings(out)
        return out
    }

    /// A value read through a label recognised only by similar wording or by place is kept,
    /// and named so that a person confirms it. Messages carry the official label, never text
    /// from the document.
    private func lowConfidenceFindings(_ out: ExtractedFields) -> [Finding] {
        let confident = labels.words.lexicon.confidentThreshold
        return mapping.fields.compactMap { field in
            guard let provenance = out.provenance[field.key], let confidence = provenance.confidence, confidence < confident,
                  let value = out.fields[field.key] else { return nil }
            if case .signature(let signature) = value, !signature.present { return nil }
            let how = provenance.match == LabelEvidence.position.rawValue
                ? "from the row where the form has it, though that row's label is worded differently"
                : "from a row whose label is worded differently from the form's"
            let percent = Int((confidence * 100).rounded())
            return Finding(code: .lowConfidenceField, severity: .warning, field: field.key,
                           message: "\(field.label) was read \(how) (\(percent) % sure). Check that it is right.")
        }
    }

    /// The fillable PDF's check boxes for a choice row, when the form has them.
    private func optionBoxes(_ field: FieldMapping, _ formFields: [String: FormField]) -> [(ChoiceOption, Bool)]? {
        let boxes = field.options.compactMap { option in
            option.formField.flatMap { formFields[$0] }.map { (option, $0.checked == true) }
        }
        return boxes.isEmpty ? nil : boxes
    }

    /// The stage from the file name, else the e-mail subject, when the form gave none.
    private func fillStageFromContext(_ out: inout ExtractedFields) {
        let key = mapping.stage.key
        guard mapping.stage.fromFileName, out.fields[key] == nil,
              !out.findings.contains(where: { $0.field == key }) else { return }
        let fileName = context.fileName.map { ($0 as NSString).lastPathComponent }
        if let name = fileName, let stage = ValueText.stageNumber(in: name.replacingOccurrences(of: "_", with: " ")) {
            out.fields[key] = .integer(stage)
            out.provenance[key] = Provenance(via: "file-name")
        } else if let subject = context.emailSubject, let stage = ValueText.stageNumber(in: subject) {
            out.fields[key] = .integer(stage)
            out.provenance[key] = Provenance(via: "email-subject")
        }
    }

    private func provenance(region: ValueRegion?, formField: FormField?) -> Provenance? {
        if let formField {
            let o = formField.origin
            return Provenance(part: o.part, page: o.page, table: o.table, row: o.row, cell: o.cell,
                              field: formField.name, via: "form-field", match: LabelEvidence.formField.rawValue, confidence: 1)
        }
        guard let region else { return nil }
        let o = region.origin
        let evidence = region.evidence == .exact && o.field != nil ? LabelEvidence.contentControl : region.evidence
        return Provenance(part: o.part, page: o.page, table: o.table, row: o.row, cell: o.cell, field: o.field, via: region.via,
                          match: evidence.rawValue, confidence: (region.confidence * 100).rounded() / 100)
    }
}
