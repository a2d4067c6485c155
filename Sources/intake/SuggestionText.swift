import IntakeExtraction

/// `intake mappings suggest` output: YAML list items grouped by mapping file and field, each
/// ready to paste under that field's `older:`; unmatched labels as comments.
enum SuggestionText {
    static func render(_ report: SuggestionReport, name: String) -> String {
        guard let mapping = report.mapping else { return "# \(name): not recognised as any mapped form\n" }
        var lines = ["# \(name): \(mapping)"]
        if report.suggestions.isEmpty && report.unmatched.isEmpty {
            lines.append("# every label matched a wording of the mapping exactly")
        }
        for suggestion in report.suggestions {
            let percent = Int((suggestion.confidence * 100).rounded())
            lines.append("# \(suggestion.file), field \(suggestion.key) (\(quoted(suggestion.officialLabel))): "
                + "found by \(suggestion.evidence), \(percent) % sure. Paste under its older:")
            lines.append("  - \(quoted(suggestion.wording))")
        }
        for label in report.unmatched {
            lines.append("# matched no field: \(quoted(label))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar: safe whatever the wording holds.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

private extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
