/// How printed labels are compared: case, spacing, curly quotes, dashes and trailing
/// punctuation do not matter ("Child’s name:" matches "Child's name").
public enum LabelText {
    public static func normalize(_ text: String) -> String {
        // Built as a scalar view and converted once: appending to a String's scalars one by
        // one copies the string each time, which is quadratic on a long paragraph.
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let c: Unicode.Scalar
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{02BC}", "`": c = "'"
            case "\u{201C}", "\u{201D}": c = "\""
            case "\u{2013}", "\u{2014}", "\u{2012}", "\u{2212}": c = "-"
            case "\u{00A0}": c = " "
            default: c = scalar
            }
            if c.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            if c.isASCII {
                out.append(c.properties.isUppercase ? Unicode.Scalar(c.value + 32)! : c)
            } else {
                out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            }
        }
        while let last = out.last, ":*?. ".unicodeScalars.contains(last) { out.removeLast() }
        return String(out)
    }
}
