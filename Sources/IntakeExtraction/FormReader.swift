import Foundation
import IntakeDocument
import IntakeMapping
import IntakeRecord

/// Reads every field of one form mapping out of one document.
struct FormReader {
    let mapping: FormMapping
    let document: Document
    let units: [LayoutUnit]
    let context: ExtractionContext

    func read() -> ExtractedFields {
        var out = ExtractedFields()
        let regions = FieldLocator(mapping: mapping, units: units).locate()
        let formFields = Dictionary(document.fields.flatMap { field in
            [(field.name, field)] + (field.alternateName.map { [($0, field)] } ?? [])
        }, uniquingKeysWith: { first, _ in first })

        for field in mapping.fields {
            let region = regions[field.key]
            let formField = field.pdfField.flatMap { formFields[$0] }
            var reader = ValueReader(field: field, out: out)
            if field.type == .signature {
                let signature = SignatureReader(document: document, units: units).read(region: region, formField: formField)
                reader.out.fields[field.key] = .signature(signature)
                reader.note(provenance(region: region, formField: formField))
            } else if let formField, formField.kind != .signature, field.type != .oneOf, field.type != .manyOf {
                reader.read(text: formField.value ?? "", provenance: provenance(region: nil, formField: formField))
            } else if field.type == .oneOf || field.type == .manyOf, let boxes = optionBoxes(field, formFields) {
                reader.read(boxes: boxes, provenance: provenance(region: nil, formField: formFields[field.options[0].pdfField ?? ""]))
            } else if let region {
                reader.read(text: region.text, provenance: provenance(region: region, formField: nil))
            }
            out = reader.out
        }
        fillStageFromContext(&out)
        return out
    }

    /// The fillable PDF's check boxes for a choice row, when the form has them.
    private func optionBoxes(_ field: FieldMapping, _ formFields: [String: FormField]) -> [(ChoiceOption, Bool)]? {
        let boxes = field.options.compactMap { option in
            option.pdfField.flatMap { formFields[$0] }.map { (option, $0.checked == true) }
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
                              field: formField.name, via: "form-field")
        }
        guard let region else { return nil }
        let o = region.origin
        return Provenance(part: o.part, page: o.page, table: o.table, row: o.row, cell: o.cell, field: o.field, via: region.via)
    }
}
