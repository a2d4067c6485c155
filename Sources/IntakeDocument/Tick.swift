/// A tick box and the words beside it.
public struct Tick: Sendable, Codable, Equatable {
    /// How ticks are written into paragraph text by every reader.
    public static let checkedMark: Character = "☒"
    public static let uncheckedMark: Character = "☐"

    public var checked: Bool
    /// The text that follows the box up to the next box or the end of the paragraph, trimmed.
    public var label: String
    public var style: TickStyle
    public var origin: Origin

    public init(checked: Bool, label: String, style: TickStyle, origin: Origin) {
        self.checked = checked
        self.label = label
        self.style = style
        self.origin = origin
    }
}

/// How the box was made, so a report can say what was seen.
public enum TickStyle: String, Sendable, Codable, Equatable {
    /// `w14:checkbox` content control.
    case contentControl = "content-control"
    /// Legacy `FORMCHECKBOX` field (`w:ffData/w:checkBox`).
    case legacyFormField = "legacy-form-field"
    /// A Unicode character: ☐ ☑ ☒ ✓ ✔ ✗ ✘.
    case unicode
    /// A Wingdings symbol (`w:sym`, or text in a Wingdings font, or a private-use code in a PDF).
    case wingdings
    /// An AcroForm check box or radio button.
    case pdfField = "pdf-field"
}

/// Which characters are tick boxes, and in which state.
///
/// Shared by the readers so that a DOCX and the PDF exported from it agree.
public enum TickGlyph {
    /// The state of a Unicode box or mark, or nil when the character is not one.
    public static func state(ofUnicode scalar: Unicode.Scalar) -> Bool? {
        switch scalar.value {
        case 0x2610, 0x25A1, 0x25FB, 0x2B1C: false          // ☐ □ ◻ ⬜
        case 0x2611, 0x2612, 0x2713, 0x2714, 0x2705, 0x2717, 0x2718, 0x2BBD: true  // ☑ ☒ ✓ ✔ ✅ ✗ ✘ ⮽
        default: nil
        }
    }

    /// The state of a Wingdings character code (with or without the F000 offset Word adds),
    /// or nil when the code is not a box or mark.
    public static func state(ofWingdings code: UInt32) -> Bool? {
        switch code & 0xFF {
        case 0xFE, 0xFD, 0xFC, 0xFB: true    // ☑ ☒ ✓ ✗
        case 0xA8, 0x6F, 0x71, 0x72: false   // ◻ □ (and the shadowed squares)
        default: nil
        }
    }

    /// The state of a character found in extracted text where the font is not known
    /// (a PDF's private-use Wingdings codes U+F0xx, or Unicode boxes).
    public static func state(ofTextScalar scalar: Unicode.Scalar) -> Bool? {
        if (0xF000...0xF0FF).contains(scalar.value) { return state(ofWingdings: scalar.value) }
        return state(ofUnicode: scalar)
    }

    /// The glyph readers write for a tick in this state.
    public static func mark(_ checked: Bool) -> Character {
        checked ? Tick.checkedMark : Tick.uncheckedMark
    }
}
