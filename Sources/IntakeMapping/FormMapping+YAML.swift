import Yams

extension FormMapping {
    /// Reads one form mapping; every mistake is a ``MappingError`` with its line.
    public init(yaml: String, file: String) throws {
        let root = try YAMLReader.root(yaml: yaml, file: file)
        try root.rejectUnknownKeys(["mapping", "kind", "partnership", "form_version", "title", "short_title", "recognise", "stage", "sections", "fields", "checks",
                                   "case_keys", "document_date", "case_reference"])
        kind = try root.string("kind")
        partnership = try root.string("partnership")
        id = try root.optionalString("mapping") ?? "\(partnership)/\(kind)"
        guard id == "\(partnership)/\(kind)" else {
            throw root.error("'mapping' must be '\(partnership)/\(kind)' (partnership/kind)")
        }
        formVersion = try root.optionalString("form_version")
        guard let recogniseNode = try root.child("recognise") else { throw root.error("missing required key 'recognise'") }
        recognition = try Recognition(recogniseNode)
        title = try root.optionalString("title") ?? recognition.titles.first ?? kind
        shortTitle = try root.optionalString("short_title") ?? "the \(title)"
        guard let stageNode = try root.child("stage") else { throw root.error("missing required key 'stage'") }
        try stageNode.rejectUnknownKeys(["key", "allowed", "from_file_name"])
        stage = StageRule(key: try stageNode.string("key"), allowed: try stageNode.ints("allowed"),
                          fromFileName: try stageNode.optionalBool("from_file_name") ?? true)
        sections = try root.children("sections").map { node in
            try node.rejectUnknownKeys(["name", "labels"])
            let name = try node.string("name")
            return Section(name: name, labels: try node.has("labels") ? node.strings("labels") : [name])
        }
        let sectionNames = Set(sections.map(\.name))
        fields = try root.children("fields").map { try FieldMapping($0, sections: sectionNames) }
        guard !fields.isEmpty else { throw root.error("a form mapping needs at least one field") }
        checks = try root.child("checks").map(FormChecks.init) ?? FormChecks(dateOrder: [])
        cases = try CaseRule(root, fields: fields)
        self.file = file
        try validateReferences(root)
    }

    private func validateReferences(_ root: YAMLReader) throws {
        var seen = Set<String>()
        for field in fields where !seen.insert(field.key).inserted {
            throw root.error("field '\(field.key)' is mapped twice")
        }
        let keys = Set(fields.map(\.key))
        let referenced = checks.dateOrder + [checks.responseDue?.from, checks.responseDue?.to, checks.maxDays?.field,
                                             checks.inconsistentOutcome?.whenTrue].compactMap { $0 }
            + (checks.inconsistentOutcome?.conflictsWith ?? []) + (checks.noChildDetails?.textFields ?? [])
            + fields.flatMap { $0.required?.whenAnyPresent ?? [] }
        for key in referenced where !keys.contains(key) {
            throw root.error("'\(key)' is referenced but is not one of this form's fields")
        }
    }
}

extension YAMLReader {
    static func root(yaml: String, file: String) throws -> YAMLReader {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw MappingError(file: file, line: error.line, message: "not valid YAML: \(error.shortDescription)")
        }
        guard let node else { throw MappingError(file: file, line: nil, message: "the file is empty") }
        return try YAMLReader(file: file, node: node)
    }
}

extension YamlError {
    var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): mark.line
        default: nil
        }
    }

    var shortDescription: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _): problem
        default: "\(self)"
        }
    }
}

extension Recognition {
    init(_ node: YAMLReader) throws {
        try node.rejectUnknownKeys(["titles", "version_lines", "partnership_names", "phrases", "exclude"])
        titles = try node.strings("titles")
        versionLines = try node.strings("version_lines")
        partnershipNames = try node.strings("partnership_names")
        phrases = try node.strings("phrases")
        exclude = try node.strings("exclude")
        guard !titles.isEmpty else { throw node.error("'recognise' needs at least one title") }
    }
}

extension FieldMapping {
    init(_ node: YAMLReader, sections: Set<String>) throws {
        try node.rejectUnknownKeys(["key", "label", "older", "type", "section", "where", "form_field", "options", "required"])
        key = try node.string("key")
        label = try node.string("label")
        older = try node.strings("older")
        let typeName = try node.string("type")
        guard let type = ValueType(rawValue: typeName) else {
            throw node.error("unknown type '\(typeName)' (expected one of: \(ValueType.allCases.map(\.rawValue).joined(separator: ", ")))",
                             at: node.raw("type"))
        }
        self.type = type
        section = try node.optionalString("section")
        if let section, !sections.contains(section) {
            throw node.error("section '\(section)' is not listed under 'sections'", at: node.raw("section"))
        }
        placements = try node.strings("where").map { name in
            guard let placement = Placement(rawValue: name) else {
                throw node.error("unknown placement '\(name)' (expected right, below or colon)", at: node.raw("where"))
            }
            return placement
        }
        if placements.isEmpty { placements = [.right, .below, .colon] }
        formField = try node.optionalString("form_field")
        options = try node.children("options").map { try ChoiceOption($0, type: type) }
        if (type == .oneOf || type == .manyOf) && options.isEmpty {
            throw node.error("a \(type.rawValue) field needs 'options'")
        }
        required = try RequiredRule(node.raw("required"), reader: node)
    }
}

extension RequiredRule {
    /// `required: error`, `required: warning`, or a mapping with `severity`, `when_any_present`, `at_stages`, `hint`.
    init?(_ raw: Node?, reader: YAMLReader) throws {
        guard let raw else { return nil }
        if let scalar = raw.scalar {
            guard let severity = Severity(rawValue: scalar.string) else {
                throw reader.error("'required' must be error, warning, or a mapping", at: raw)
            }
            self.init(severity: severity, whenAnyPresent: [], atStages: [], hint: nil)
            return
        }
        let node = try YAMLReader(file: reader.file, node: raw)
        try node.rejectUnknownKeys(["severity", "when_any_present", "at_stages", "hint"])
        let name = try node.optionalString("severity") ?? "error"
        guard let severity = Severity(rawValue: name) else { throw node.error("'severity' must be error or warning") }
        self.init(severity: severity, whenAnyPresent: try node.strings("when_any_present"),
                  atStages: try node.ints("at_stages"), hint: try node.optionalString("hint"))
    }
}

extension ChoiceOption {
    init(_ node: YAMLReader, type: ValueType) throws {
        try node.rejectUnknownKeys(["label", "older", "value", "form_field"])
        label = try node.string("label")
        older = try node.strings("older")
        formField = try node.optionalString("form_field")
        if let raw = node.raw("value") {
            if let flag = raw.bool, raw.int == nil { value = .boolean(flag) }
            else if let number = raw.int { value = .integer(number) }
            else if let text = raw.string { value = .text(text) }
            else { throw node.error("'value' must be a number, true/false or text", at: raw) }
        } else if type == .manyOf {
            value = .text(label)
        } else {
            throw node.error("a one-of option needs a 'value'")
        }
    }
}

extension FormChecks {
    init(_ node: YAMLReader) throws {
        try node.rejectUnknownKeys(["date_order", "response_due", "max_days", "no_child_details", "inconsistent_outcome"])
        dateOrder = try node.strings("date_order")
        responseDue = try node.child("response_due").map { n in
            try n.rejectUnknownKeys(["from", "to", "working_days"])
            guard let days = try n.optionalInt("working_days") else { throw n.error("missing required key 'working_days'") }
            return ResponseDue(from: try n.string("from"), to: try n.string("to"), workingDays: days)
        }
        maxDays = try node.child("max_days").map { n in
            try n.rejectUnknownKeys(["field", "max"])
            guard let max = try n.optionalInt("max") else { throw n.error("missing required key 'max'") }
            return MaxDays(field: try n.string("field"), max: max)
        }
        noChildDetails = try node.child("no_child_details").map { n in
            try n.rejectUnknownKeys(["text_fields"])
            return NoChildDetails(textFields: try n.strings("text_fields"))
        }
        inconsistentOutcome = try node.child("inconsistent_outcome").map { n in
            try n.rejectUnknownKeys(["when_true", "conflicts_with"])
            return InconsistentOutcome(whenTrue: try n.string("when_true"), conflictsWith: try n.strings("conflicts_with"))
        }
    }
}
