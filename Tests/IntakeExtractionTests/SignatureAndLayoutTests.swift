import Foundation
import IntakeDocument
@testable import IntakeExtraction
import IntakeMapping
import IntakeReaders
import IntakeRecord
import IntakeTestSupport
import Testing

@Suite struct SignatureTextTests {
    @Test("typed signatures", arguments: ["Pat Jones", "/s/ Pat Jones", "P. Jones", "Signed: Pat Jones"])
    func signed(_ text: String) {
        #expect(SignatureReader.looksSigned(text))
    }

    @Test("empty signature lines", arguments: ["__________________", "Signed: ........ Date: ......", "Signature", "-", "/s/",
                                               "Name: ____ Date: __/__/____", "Not signed", "Unsigned", "To follow", "N/A"])
    func unsigned(_ text: String) {
        #expect(!SignatureReader.looksSigned(text))
    }
}

@Suite struct LabelTextTests {
    @Test func normalisesCaseSpacingQuotesAndDashes() {
        #expect(LabelText.normalize("  Child’s   NAME: ") == "child's name")
        #expect(LabelText.normalize("Part A – to be completed") == "part a - to be completed")
    }

    @Test func textBeyondASCIIIsLowercasedAndSpacedAsASCIIIs() {
        // Box glyphs and symbols pass through; letters beyond ASCII are lowercased, one
        // ("İ") into two scalars; no-break and em spaces fold into one space; the
        // trailing colon goes even after a non-ASCII letter.
        #expect(LabelText.normalize("☒ Ägency\u{00A0}\u{2003}ÉCOLE  “Name”:") == "☒ ägency école \"name\"")
        #expect(LabelText.normalize("İD – ΣΟΦΙΑ:  ") == "i\u{0307}d - σοφια")
        #expect(LabelText.normalize("\u{2003}☐\u{2003}") == "☐")
        #expect(LabelText.normalize("Café —\n  Résumé ?") == "café - résumé")
    }

    @Test func asciiTextIsNormalisedAsTheGeneralPathNormalisesIt() {
        // "é " in front sends a text down the scalar path; it adds just itself and a space.
        let texts = ["", " ", "Name", "  Child's \t NAME:  ", "Date of Birth?.", "A\u{0B}B\u{0C}C\r\nD", "`quoted`", "x :*?. ",
                     "Stage 2 (Formal)", "\u{0}\u{1F}~", "ALL CAPS\tAND\nLINES..", ":::"]
        for text in texts {
            let ascii = LabelText.normalize(text)
            #expect(LabelText.normalize("é " + text) == (ascii.isEmpty ? "é" : "é " + ascii), "\(text.debugDescription)")
        }
    }

    @Test func aMillionCharacterParagraphIsNormalisedInOnePass() {
        let text = String(repeating: "Abcdefghij ", count: 100_000)
        #expect(LabelText.normalize(text).count == text.count - 1)
    }
}

/// A label merged down over two rows keeps both rows of its value.
@Suite struct MergedLabelTests {
    @Test func valueBesideAVerticallyMergedLabelIsWhole() throws {
        /// `merge`: "restart" starts a vertical merge, "continue" carries it on (a bare `w:vMerge`).
        func cell(_ text: String, merge: String? = nil) -> String {
            let properties = switch merge {
            case "restart": "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>"
            case "continue": "<w:tcPr><w:vMerge/></w:tcPr>"
            default: ""
            }
            return "<w:tc>\(properties)<w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
        }
        let rows = [
            "<w:tr>\(cell("Full Name of Child"))\(cell("Sam Example"))</w:tr>",
            "<w:tr>\(cell("Summary of reason for dispute", merge: "restart"))\(cell("First part."))</w:tr>",
            "<w:tr>\(cell("", merge: "continue"))\(cell("Second part."))</w:tr>",
            "<w:tr>\(cell("Agreed outcomes or actions if satisfactorily resolved – includes escalation to next stage if unresolved"))\(cell("Agreed."))</w:tr>",
        ]
        let docx = try DocxBuilder.form(title: "Appendix Three Monitoring Form - a tool to record decisions and to monitor the Resolution of Professional Differences policy",
                                     tableXML: rows.joined())
        let document = try DocumentReader().read(docx, fileName: "m.docx")
        let mappings = try MappingSet.load(from: Corpus.mappings)
        guard case .form(_, let extracted) = Extractor(mappings: mappings).extract(document) else {
            Issue.record("the monitoring form was not recognised")
            return
        }
        #expect(extracted.fields["dispute.summary"] == .text("First part.\nSecond part."))
        #expect(extracted.fields["dispute.outcome"] == .text("Agreed."))
    }
}

/// Repeated labels ("Name") find their party even when a section's heading row is missing.
@Suite struct MissingSectionHeadingTests {
    @Test func aNameBlockWithoutItsHeadingGoesToTheFirstPartyStillUnread() throws {
        let docx = try DocxBuilder.form(
            title: "Appendix Three Monitoring Form - a tool to record decisions and to monitor the Resolution of Professional Differences policy",
            rows: [
                ("Full Name of Child", "Sam Example"),
                // The "Initiating Manager Signature" row was deleted.
                ("Name", "Pat Raiser"), ("Role", "Team Manager"), ("Organisation", "School"),
                ("Receiving Manager Signature", "/s/ Robin Responder"),
                ("Name", "Robin Responder"), ("Role", "Head of Service"), ("Organisation", "Council"),
            ])
        let document = try DocumentReader().read(docx, fileName: "m.docx")
        guard case .form(_, let extracted) = Extractor(mappings: try MappingSet.load(from: Corpus.mappings)).extract(document) else {
            Issue.record("the monitoring form was not recognised")
            return
        }
        #expect(extracted.fields["raiser.name"] == .text("Pat Raiser"))
        #expect(extracted.fields["raiser.agency"] == .text("School"))
        #expect(extracted.fields["responder.name"] == .text("Robin Responder"))
        #expect(extracted.fields["responder.agency"] == .text("Council"))
        #expect(extracted.fields["raiser.signature"] == .signature(.none))
    }
}

/// A picture pasted into a free-text form signs its row: in the paragraph under
/// "Signed (initiating manager):" (corpus/dev, monitoring form 009: no tables at all), or set
/// inline at the end of "Sign-off: Manager Raising The Dispute:" and exported to PDF, where it
/// rises above the label's line (corpus/dev2, monitoring form 025).
@Suite struct FreeTextSignatureTests {
    static func raiserSignature(_ path: String) throws -> FieldValue? {
        let file = Corpus.packageRoot.appendingPathComponent(path)
        let document = try DocumentReader().read(try Data(contentsOf: file), fileName: file.lastPathComponent)
        #expect(!document.pictures.isEmpty)
        #expect(document.pictures.allSatisfy { $0.origin.table == nil })
        let mappings = try MappingSet.load(from: Corpus.mappings)
        guard case .form(_, let extracted) = Extractor(mappings: mappings).extract(document) else {
            Issue.record("the monitoring form was not recognised")
            return nil
        }
        return extracted.fields["raiser.signature"]
    }

    @Test func aPictureUnderAColonLabelSignsIt() throws {
        #expect(try Self.raiserSignature("corpus/dev/south-glos-monitoring-form-009.docx") == .signature(SignatureValue(present: true, kind: .image)))
    }

    @Test func aPictureInlineAfterAColonLabelInAPdfSignsIt() throws {
        #expect(try Self.raiserSignature("corpus/dev2/south-glos-monitoring-form-025.pdf") == .signature(SignatureValue(present: true, kind: .image)))
    }
}
