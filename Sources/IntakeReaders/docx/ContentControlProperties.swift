import IntakeDocument

/// What a content control's `w:sdtPr` says about it.
struct ContentControlProperties {
    var alias: String?
    var tag: String?
    /// `w:showingPlcHdr`: the content is placeholder text, not what the person wrote.
    var showingPlaceholder = false
    /// `w14:checkbox/w14:checked`: nil when the control is not a check box.
    var checkboxChecked: Bool?
    var isDate = false
    /// `w:date@w:fullDate`, the ISO date part.
    var fullDate: String?
    var options: [String]?
    var kind: FormFieldKind = .text

    /// The field name: the alias a person sees, else the tag.
    var name: String? { alias ?? tag }

    /// Reads `w:sdtPr`; the reader sits on it and is left on its end.
    static func read(from reader: XMLStreamReader) throws -> ContentControlProperties {
        var properties = ContentControlProperties()
        try reader.forEachChild {
            guard reader.kind == .element else { return }
            switch (reader.namespace, reader.localName) {
            case (.w?, "alias"): properties.alias = nonEmpty(reader.attribute("val", .w))
            case (.w?, "tag"): properties.tag = nonEmpty(reader.attribute("val", .w))
            case (.w?, "showingPlcHdr"): properties.showingPlaceholder = OnOff.parse(reader.attribute("val", .w)) ?? true
            case (.w14?, "checkbox"):
                properties.kind = .checkbox
                properties.checkboxChecked = false
                try reader.forEachChild {
                    if reader.isElement(.w14, "checked") {
                        properties.checkboxChecked = OnOff.parse(reader.attribute("val", .w14)) ?? true
                    }
                }
            case (.w?, "date"):
                properties.kind = .date
                properties.isDate = true
                if let full = reader.attribute("fullDate", .w), full.count >= 10 {
                    properties.fullDate = String(full.prefix(10))
                }
            case (.w?, "dropDownList"), (.w?, "comboBox"):
                properties.kind = .choice
                var options: [String] = []
                try reader.forEachChild {
                    if reader.isElement(.w, "listItem"),
                       let text = reader.attribute("displayText", .w) ?? reader.attribute("value", .w) {
                        options.append(text)
                    }
                }
                properties.options = options
            case (.w?, "picture"): properties.kind = .unknown
            default: break
            }
        }
        return properties
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

/// WordprocessingML on/off values: "1", "true", "on" (and their opposites).
enum OnOff {
    static func parse(_ text: String?) -> Bool? {
        switch text?.lowercased() {
        case nil: nil
        case "1", "true", "on": true
        case "0", "false", "off", "none": false
        default: nil
        }
    }
}
