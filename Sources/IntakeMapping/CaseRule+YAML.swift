import Yams

extension CaseRule {
    /// `case_keys:` (alternatives, each a list of field keys and `email.thread`),
    /// `document_date:` (date fields) and `case_reference:` (a field); every name must be one of
    /// the form's fields, else a ``MappingError`` at its line.
    init(_ root: YAMLReader, fields: [FieldMapping]) throws {
        let types = Dictionary(fields.map { ($0.key, $0.type) }, uniquingKeysWith: { first, _ in first })
        var keys: [[CaseKeyPart]] = []
        for alternative in try root.listItems("case_keys") {
            let items = try root.listItems(of: alternative, named: "an alternative of 'case_keys'")
            guard !items.isEmpty else { throw root.error("an alternative of 'case_keys' needs at least one part", at: alternative) }
            var parts: [CaseKeyPart] = []
            for (name, node) in try items.map({ ($0.scalar?.string, $0) }) {
                guard let name else { throw root.error("parts of 'case_keys' must be text", at: node) }
                let part: CaseKeyPart
                if name == CaseKeyPart.emailThreadName {
                    part = .emailThread
                } else if let type = types[name] {
                    // A signature or a set of ticks says nothing about which dispute it is.
                    guard type != .signature, type != .manyOf else {
                        throw root.error("case key part '\(name)' is a \(type.rawValue) field, which cannot tell disputes apart", at: node)
                    }
                    part = .field(name)
                } else {
                    throw root.error("case key part '\(name)' is neither one of this form's fields nor \(CaseKeyPart.emailThreadName)", at: node)
                }
                guard !parts.contains(part) else { throw root.error("case key part '\(name)' is named twice in one alternative", at: node) }
                parts.append(part)
            }
            keys.append(parts)
        }
        var documentDate: [String] = []
        for node in try root.listItems("document_date") {
            guard let name = node.scalar?.string else { throw root.error("items of 'document_date' must be text", at: node) }
            guard let type = types[name] else { throw root.error("document date '\(name)' is not one of this form's fields", at: node) }
            guard type == .date else { throw root.error("document date '\(name)' is a \(type.rawValue) field, not a date", at: node) }
            documentDate.append(name)
        }
        let reference = try root.optionalString("case_reference")
        if let reference, types[reference] == nil {
            throw root.error("case reference '\(reference)' is not one of this form's fields", at: root.raw("case_reference"))
        }
        self.init(keys: keys, documentDate: documentDate, reference: reference)
    }
}

extension YAMLReader {
    /// The items of a list under `key` (a single value is a list of one), each with its line.
    func listItems(_ key: String) throws -> [Node] {
        guard let value = raw(key) else { return [] }
        return try listItems(of: value, named: "'\(key)'")
    }

    func listItems(of value: Node, named name: String) throws -> [Node] {
        if value.scalar != nil { return [value] }
        guard let sequence = value.sequence else { throw error("\(name) must be a list", at: value) }
        return Array(sequence)
    }
}
