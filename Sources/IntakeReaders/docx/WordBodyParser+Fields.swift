import IntakeDocument

extension WordBodyParser {
    /// `w:sdt`: a content control. Check boxes become ticks (their own glyph is not read again),
    /// placeholder content is left out, and a named control becomes a ``FormField``.
    func handleContentControl() throws {
        var properties = ContentControlProperties()
        try reader.forEachChild {
            if reader.isElement(.w, "sdtPr") {
                properties = try ContentControlProperties.read(from: reader)
            } else if reader.isElement(.w, "sdtContent") {
                try handleContentControlContent(properties)
            }
        }
    }

    private func handleContentControlContent(_ properties: ContentControlProperties) throws {
        var origin = currentOrigin
        origin.field = properties.name
        if let checked = properties.checkboxChecked {
            try appendMark(checked: checked, style: .contentControl, field: properties.name)
            suppression += 1
            try handleChildren()
            suppression -= 1
            if let name = properties.name {
                try addField(FormField(name: name, alternateName: properties.tag, kind: .checkbox,
                                   checked: checked, origin: origin))
            }
            return
        }
        if properties.showingPlaceholder {
            // The structure stays (cells, paragraphs); only the placeholder text goes.
            suppression += 1
            try handleChildren()
            suppression -= 1
            if let name = properties.name {
                try addField(FormField(name: name, alternateName: properties.tag, kind: properties.kind,
                                       options: properties.options, isPlaceholder: true, origin: origin))
            }
            return
        }
        let capture = startCapture()
        try handleChildren()
        let shown = finishCapture(capture)
        guard let name = properties.name else { return }
        let value = properties.isDate ? (properties.fullDate ?? shown) : shown
        try addField(FormField(name: name, alternateName: properties.tag, kind: properties.kind,
                               value: value, options: properties.options, origin: origin))
    }

    /// `w:fldChar`: begin / separate / end of a complex field. Legacy form fields (`w:ffData`)
    /// become fields; a FORMCHECKBOX also becomes a tick. Instructions never show.
    ///
    /// At most ``WordBodyParser/maxOpenFields`` fields are open at once; a begin past that is
    /// counted (so its end matches) but otherwise ignored: its result reads as plain text.
    func handleFieldCharacter() throws {
        let type = reader.attribute("fldCharType", .w)
        if ignoredFieldDepth > 0 || (type == "begin" && fieldStack.count >= Self.maxOpenFields) {
            switch type {
            case "begin": ignoredFieldDepth += 1
            case "end": ignoredFieldDepth -= 1
            default: break
            }
            return
        }
        switch type {
        case "begin":
            var field = try LegacyFormField.read(from: reader)
            var origin = currentOrigin
            origin.field = field.name
            if case .checkbox(let checked) = field.kind {
                try appendMark(checked: checked, style: .legacyFormField, field: field.name)
                if let name = field.name {
                    try addField(FormField(name: name, kind: .checkbox, checked: checked, origin: origin))
                }
            }
            field.phase = .instruction
            fieldStack.append(field)
        case "separate":
            guard !fieldStack.isEmpty else { return }
            fieldStack[fieldStack.count - 1].phase = .result
            switch fieldStack[fieldStack.count - 1].kind {
            case .text, .dropdown: fieldStack[fieldStack.count - 1].captureIndex = startCapture()
            default: break
            }
        case "end":
            guard let field = fieldStack.popLast() else { return }
            try finishLegacyField(field)
        default:
            return
        }
    }

    private func finishLegacyField(_ field: LegacyFormField) throws {
        let shown = field.captureIndex.flatMap(finishCapture)
        guard let name = field.name else { return }
        var origin = currentOrigin
        origin.field = name
        switch field.kind {
        case .text:
            try addField(FormField(name: name, kind: .text, value: shown, origin: origin))
        case .dropdown(let entries, let selected):
            let value = shown ?? (entries.indices.contains(selected) ? entries[selected] : nil)
            try addField(FormField(name: name, kind: .choice, value: value, options: entries, origin: origin))
        case .checkbox, .other:
            return
        }
    }

    /// `mc:AlternateContent`: the first `mc:Choice` whose required namespaces are understood,
    /// else `mc:Fallback`; never both.
    func handleAlternateContent() throws {
        var chosen = false
        try reader.forEachChild {
            guard !chosen, reader.kind == .element, reader.namespace == .mc else { return }
            switch reader.localName {
            case "Choice":
                let prefixes = (reader.attribute("Requires") ?? "").split(separator: " ").map(String.init)
                let understood = !prefixes.isEmpty && prefixes.allSatisfy { prefix in
                    reader.namespace(forPrefix: prefix).map(OOXMLNamespace.understoodInChoice.contains) ?? false
                }
                if understood {
                    chosen = true
                    try handleChildren()
                }
            case "Fallback":
                chosen = true
                try handleChildren()
            default:
                return
            }
        }
    }
}
