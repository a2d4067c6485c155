import Foundation
import Testing
@testable import IntakeReaders

/// The plain-text fallback for HTML-only e-mail bodies: what it keeps, on bodies large enough
/// that a quadratic pass would run into the suite's time limit (a hang guard, not a speed check).
@Suite(.serialized, .timeLimit(.minutes(2))) struct MailHTMLTextTests {
    @Test func tagsEntitiesAndBlocksBecomeReadableText() {
        let html = """
            <html><head><title>x</title><style>p { color: red }</style></head><body>
            <p class="a">Dear&nbsp;team,</p><P>Stage 3 &amp; more &#8211; &#x2014; &bogus; &unterminated</P>
            <table><tr><td>Name</td><td>Value</td></tr></table><SCRIPT>alert("no")</SCRIPT>
            line<br/>next   <!-- a comment --> done
            </body></html>
            """
        #expect(HTMLText.plainText(fromHTML: html) == """
            Dear team,

            Stage 3 & more – — &bogus; &unterminated

            Name Value

            line
            next done
            """)
    }

    @Test func unclosedScriptAndTagDropTheRest() {
        #expect(HTMLText.plainText(fromHTML: "kept<script>dropped") == "kept")
        #expect(HTMLText.plainText(fromHTML: "kept<b dropped") == "kept")
        #expect(HTMLText.plainText(fromHTML: "a<script>x</script b>z") == "az")
    }

    /// Each shape stresses one path: plain text, tags, entities, script blocks.
    @Test(arguments: [
        ("text", "Plain words of a long body, no markup at all. "),
        ("tags", "<p>One <b>short</b> line</p><br>"),
        ("entities", "&amp;&lt;&#8211;&nbsp;x "),
        ("scripts", "<script>var a = 1;</script>ok "),
        ("styles", "<STYLE>p{}</Style >ok "),
    ])
    func oneMegabyteConverts(shape: String, unit: String) {
        let html = String(repeating: unit, count: 1_000_000 / unit.utf8.count + 1)
        let text = HTMLText.plainText(fromHTML: html)
        #expect(!text.isEmpty)
        #expect(!text.contains("var a") && !text.contains("p{}"))
        #expect(text.contains("<") == (shape == "entities"))  // only a decoded &lt; is left
    }
}
