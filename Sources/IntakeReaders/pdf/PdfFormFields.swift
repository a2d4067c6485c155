import CPoppler
import Foundation
import IntakeDocument

/// An AcroForm widget found on a page: the model's ``FormField`` plus what the table
/// rebuilder needs to put its value where a person sees it.
struct PlacedField {
    var field: FormField
    /// Top-left space of the upright page.
    var rect: Rect
    /// 1-based page number.
    var page: Int
    /// The text a person sees in the widget (text and choice fields), nil when empty.
    var shownText: String? {
        switch field.kind {
        case .text, .choice, .date: field.value
        default: nil
        }
    }
    var isTickBox: Bool { field.kind == .checkbox || field.kind == .radio }
}

/// Reads the AcroForm widgets of one page through `poppler_page_get_form_field_mapping`.
enum PdfFormFields {
    /// - parameter geometry: places the widgets, which poppler gives in unturned PDF space.
    static func read(page: PopplerPageHandle, number: Int, geometry: PdfPageGeometry) -> [PlacedField] {
        guard let mapping = poppler_page_get_form_field_mapping(page.raw) else { return [] }
        // Frees the mapping and unrefs every field: everything is copied out before that.
        defer { poppler_page_free_form_field_mapping(mapping) }
        var result: [PlacedField] = []
        var node: UnsafeMutablePointer<GList>? = mapping
        while let current = node {
            node = current.pointee.next
            guard let pointer = current.pointee.data?.assumingMemoryBound(to: PopplerFormFieldMapping.self),
                  let raw = pointer.pointee.field else { continue }
            let area = pointer.pointee.area
            let rect = geometry.fromPDFSpace(Rect(x0: area.x1, y0: area.y1, x1: area.x2, y1: area.y2))
            result.append(PlacedField(field: formField(raw, page: number, rect: rect), rect: rect, page: number))
        }
        return result.sorted { ($0.rect.y0, $0.rect.x0) < ($1.rect.y0, $1.rect.x0) }
    }

    private static func formField(_ raw: OpaquePointer, page: Int, rect: Rect) -> FormField {
        let name = owned(poppler_form_field_get_name(raw)) ?? owned(poppler_form_field_get_partial_name(raw)) ?? ""
        let alternate = owned(poppler_form_field_get_alternate_ui_name(raw))
        var field = FormField(name: name, alternateName: alternate, kind: .unknown,
                              origin: Origin(page: page, field: name, rect: rect))
        let type = poppler_form_field_get_field_type(raw)
        if type == POPPLER_FORM_FIELD_TEXT {
            field.kind = .text
            field.value = nonEmpty(owned(poppler_form_field_text_get_text(raw)))
        } else if type == POPPLER_FORM_FIELD_BUTTON {
            let buttonType = poppler_form_field_button_get_button_type(raw)
            if buttonType == POPPLER_FORM_BUTTON_PUSH {
                field.kind = .button
            } else {
                field.kind = buttonType == POPPLER_FORM_BUTTON_RADIO ? .radio : .checkbox
                field.checked = poppler_form_field_button_get_state(raw) != 0
            }
        } else if type == POPPLER_FORM_FIELD_CHOICE {
            field.kind = .choice
            let count = Int(poppler_form_field_choice_get_n_items(raw))
            var options: [String] = [], selected: [String] = []
            for index in 0..<count {
                let item = owned(poppler_form_field_choice_get_item(raw, Int32(index))) ?? ""
                options.append(item)
                if poppler_form_field_choice_is_item_selected(raw, Int32(index)) != 0 { selected.append(item) }
            }
            field.options = options
            field.value = nonEmpty(selected.isEmpty ? owned(poppler_form_field_choice_get_text(raw)) : selected.joined(separator: ", "))
        } else if type == POPPLER_FORM_FIELD_SIGNATURE {
            field.kind = .signature
            field.signed = isSigned(raw)
        }
        return field
    }

    /// Whether a signature field carries a signature. Validation is offline (certificate flag
    /// alone: poppler-glib 22.12 inverts the OCSP flag). An empty field reports NOT_VERIFIED with
    /// no signer; anything that was actually checked means a signature is there. The signer's
    /// name is looked at only for presence and never kept.
    private static func isSigned(_ raw: OpaquePointer) -> Bool {
        var error: UnsafeMutablePointer<GError>?
        let info = poppler_form_field_signature_validate_sync(raw, POPPLER_SIGNATURE_VALIDATION_FLAG_VALIDATE_CERTIFICATE, nil, &error)
        if let error { g_error_free(error) }
        guard let info else { return false }
        defer { poppler_signature_info_free(info) }
        if poppler_signature_info_get_signer_name(info) != nil { return true }
        let status = poppler_signature_info_get_signature_status(info)
        return status != POPPLER_SIGNATURE_NOT_VERIFIED && status != POPPLER_SIGNATURE_NOT_FOUND
            && status != POPPLER_SIGNATURE_GENERIC_ERROR
    }

    private static func owned(_ value: UnsafeMutablePointer<gchar>?) -> String? {
        guard let value else { return nil }
        defer { g_free(value) }
        return String(cString: value)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return normalised.trimmedWhitespace.isEmpty ? nil : normalised
    }
}
