import IntakeRecord
import Plot

extension SubmitterReport {
    /// A self-contained HTML page (no script, no external file), for the reply's HTML part and
    /// `--format html`. Every text goes through Plot's `.text`, escaped by construction.
    public func renderHTML() -> String {
        ReportStyle.page(title: "Report for \(documentName)",
                .dl(.class("recognised"),
                    .unwrap(emailSubject) { .group(.dt("Sent by e-mail"), .dd(.text($0))) },
                    .unwrap(formTitle) { .group(.dt("Form"), .dd(.text($0))) },
                    .unwrap(partnershipName) { .group(.dt("Partnership"), .dd(.text($0))) }),
                .p(.class("summary status-\(status.rawValue)"), .text(summary)),
                .forEach(problemGroups) { heading, group in
                    .div(.class("problems"), .h2(.text(heading)), .ol(.forEach(group) { problem in
                        .li(.class("problem \(problem.severity.rawValue)"),
                            .p(.class("what"),
                               .unwrap(problem.label) { .strong(.text($0)) },
                               .unwrap(problem.party) { .span(.class("party"), .text(" (\($0))")) },
                               .if(problem.label != nil || problem.party != nil, .text(": ")),
                               .text(problem.problem)),
                            .p(.class("why"), .em("Why it matters: "), .text(problem.whyItMatters)),
                            .p(.class("todo"), .em("What to do: "), .text(problem.whatToDo)))
                    }))
                },
                .if(!accepted.isEmpty, .div(.class("accepted"), .h2("Read and accepted"),
                                                .ul(.forEach(accepted) { .li(.text($0)) }))),
                .p(.class("next"), .text(nextStep)))
    }
}

/// The pages' one stylesheet, inline so a page needs no other file. Long words wrap, so no
/// text runs out of its box at any width.
enum ReportStyle {
    /// A whole page: its title as the heading, the one stylesheet, `body` under the heading.
    static func page(title: String, _ body: Node<HTML.BodyContext>...) -> String {
        HTML(
            .lang(.english),
            // Not Plot's .title(), which also copies the title into meta attributes, and Plot does
            // not escape attribute values: data goes only into text nodes.
            .head(.encoding(.utf8), .element(named: "title", text: title), .style(css)),
            .body(.div(.class("main"), .h1(.text(title)), .group(body)))
        ).render(indentedBy: .spaces(1))
    }

    static let css = """
    body{font-family:sans-serif;line-height:1.45;margin:0;padding:1rem;color:#1b1b1b}
    .main{max-width:46rem;margin:auto}
    h1{font-size:1.4rem;overflow-wrap:anywhere}
    h2{font-size:1.1rem;margin-top:1.5rem}
    p,li,dd,dt,td,th,text{overflow-wrap:anywhere}
    dl.recognised{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
    dt{font-weight:bold}dd{margin:0}
    .summary{padding:.6rem;border-left:.4rem solid #767676;background:#f3f3f3}
    .status-accepted{border-color:#2e7d32}.status-needs-attention{border-color:#b26a00}.status-rejected{border-color:#b00020}
    li.problem{margin-bottom:.8rem}li.problem p{margin:.15rem 0}
    table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.25rem .4rem;text-align:left;vertical-align:top}
    figure{margin:1.5rem 0}figcaption{margin-top:.3rem;overflow-wrap:anywhere}
    svg.chart{display:block;width:100%;margin:.4rem 0}svg.chart text{font-size:13px;fill:#1b1b1b}svg.chart .bar{fill:#1f5f99}
    """
}
