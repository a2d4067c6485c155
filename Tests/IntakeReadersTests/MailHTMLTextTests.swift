import Foundation
import Testing
@testable import IntakeReaders

/// The plain-text fallback for HTML-only e-mail bodies, read by libxml2's HTML parser: what it
/// keeps, on broken and hostile markup, and on bodies large enough that a quadratic pass would
/// run into the suite's time limit (a hang guard, not a speed check).
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

    @Test func entitiesDecode() {
        #expect(HTMLText.plainText(fromHTML: "&lt;b&gt; &quot;x&quot; &apos;y&apos; &pound;5 &euro;6 &hellip; &copy; &eacute;t&eacute; &#169; &#xe9;")
                == "<b> \"x\" 'y' £5 €6 … © été © é")
        // A name HTML does not define is kept as written, its semicolon too; so is one without a semicolon.
        #expect(HTMLText.plainText(fromHTML: "a &nosuch; b &amp c") == "a &nosuch; b &amp c")
    }

    @Test func blocksBecomeLineBreaks() {
        let html = "one<br>two<p>three</p><div>four</div><ul><li>five<li>six</ul><table><tr><td>7</td><th>8</th><tr><td>9</table>ten"
        #expect(HTMLText.plainText(fromHTML: html) == "one\ntwo\n\nthree\n\nfour\n\nfive\n\nsix\n\n7 8\n\n9\n\nten")
    }

    @Test func scriptStyleAndHeadContentIsDropped() {
        let html = """
            <html><head><title>Title</title><meta name="x" content="meta text"><script>var head = 1</script></head>
            <body><style>.x { color: red }</style>shown<script type="text/javascript">if (a < b && c > d) { x() }</script> too</body></html>
            """
        #expect(HTMLText.plainText(fromHTML: html) == "shown too")
    }

    @Test func brokenMarkupIsReadWithoutError() {
        #expect(HTMLText.plainText(fromHTML: "<p>open <b>bold <i>both</p>after") == "open bold both\nafter")
        #expect(HTMLText.plainText(fromHTML: "3 < 4 and 5 > 2") == "3 < 4 and 5 > 2")
        #expect(HTMLText.plainText(fromHTML: "</div></p>closing only</td>") == "closing only")
        #expect(HTMLText.plainText(fromHTML: "<<<>>>text<") .contains("text"))
        #expect(HTMLText.plainText(fromHTML: "") == "")
        #expect(HTMLText.plainText(fromHTML: "\u{0}nul\u{0}") .contains("nul"))
    }

    /// No DTD or external entity is loaded: a file's content never reaches the text, and an
    /// unreachable URL does not stall or fail the parse.
    @Test func noExternalEntityOrDTDIsLoaded() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("intake-html-\(UUID().uuidString).txt")
        try "SECRET-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let html = """
            <!DOCTYPE html [<!ENTITY leak SYSTEM "\(secret.absoluteString)">]>
            <!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://127.0.0.1:9/strict.dtd">
            <html><body>before &leak; after<img src="\(secret.absoluteString)"></body></html>
            """
        let text = HTMLText.plainText(fromHTML: html)
        #expect(!text.contains("SECRET"))
        #expect(text.contains("before") && text.contains("after"))
    }

    /// The body is decoded text already: a charset it declares changes nothing.
    @Test func declaredCharsetIsIgnored() {
        let html = #"<html><head><meta charset="iso-8859-1"><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>Zoë – £5 “q”</body></html>"#
        #expect(HTMLText.plainText(fromHTML: html) == "Zoë – £5 “q”")
    }

    /// Nesting within libxml2's depth limit (256) is read whole; beyond it the parser stops, and
    /// what it read before is kept: a hostile body costs its tail, never the process.
    @Test func deepNesting() {
        func nested(_ depth: Int) -> String {
            "before" + String(repeating: "<span><b>", count: depth) + "deep" + String(repeating: "</b></span>", count: depth) + " after"
        }
        #expect(HTMLText.plainText(fromHTML: nested(120)) == "beforedeep after")
        #expect(HTMLText.plainText(fromHTML: nested(20_000)) == "before")
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
