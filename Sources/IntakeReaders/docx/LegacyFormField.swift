import IntakeDocument

/// A complex field (`w:fldChar` begin … separate … end) being read, with its legacy form-field
/// data (`w:ffData`) when it has any.
struct LegacyFormField {
    enum Kind {
        /// `FORMCHECKBOX`: `w:checked` wins over `w:default`; a bare `<w:checked/>` is on.
        case checkbox(Bool)
        /// `FORMTEXT`: the value is the shown result.
        case text
        /// `FORMDROPDOWN`: entries and the selected index.
        case dropdown([String], Int)
        /// Any other field (PAGE, DATE, …): only its result text is kept.
        case other
    }

    enum Phase { case instruction, result }

    var kind: Kind = .other
    var name: String?
    var phase: Phase = .instruction
    /// Where this field's result is captured (text and drop-down fields).
    var captureIndex: Int?

    /// Reads `w:fldChar` begin; the reader sits on it and is left on its end.
    static func read(from reader: XMLStreamReader) throws -> LegacyFormField {
        var field = LegacyFormField()
        try reader.forEachChild {
            guard reader.isElement(.w, "ffData") else { return }
            try reader.forEachChild {
                guard reader.kind == .element, reader.namespace == .w else { return }
                switch reader.localName {
                case "name":
                    if let name = reader.attribute("val", .w), !name.isEmpty { field.name = name }
                case "checkBox": field.kind = .checkbox(try readCheckbox(reader))
                case "textInput": field.kind = .text
                case "ddList": field.kind = try readDropdown(reader)
                default: break
                }
            }
        }
        return field
    }

    private static func readCheckbox(_ reader: XMLStreamReader) throws -> Bool {
        var defaultState = false
        var checked: Bool?
        try reader.forEachChild {
            if reader.isElement(.w, "default") {
                defaultState = OnOff.parse(reader.attribute("val", .w)) ?? true
            } else if reader.isElement(.w, "checked") {
                checked = OnOff.parse(reader.attribute("val", .w)) ?? true
            }
        }
        return checked ?? defaultState
    }

    private static func readDropdown(_ reader: XMLStreamReader) throws -> Kind {
        var entries: [String] = []
        var result: Int?
        var defaultIndex = 0
        try reader.forEachChild {
            guard reader.kind == .element, reader.namespace == .w else { return }
            switch reader.localName {
            case "listEntry": if let entry = reader.attribute("val", .w) { entries.append(entry) }
            case "result": result = reader.attribute("val", .w).flatMap { Int($0) }
            case "default": defaultIndex = reader.attribute("val", .w).flatMap { Int($0) } ?? 0
            default: break
            }
        }
        return .dropdown(entries, result ?? defaultIndex)
    }
}
