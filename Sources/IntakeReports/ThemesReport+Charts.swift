import IntakeMapping
import IntakeRecord

extension ThemesReport {
    static func byPartnership(_ disputes: [Dispute], _ context: ReportContext) -> Chart {
        let bars = tally(disputes) { d in
            [d.partnership.map { context.mappings.policy(for: $0)?.shortName ?? $0 } ?? "Partnership not recognised"]
        }
        return Chart(id: "partnership", title: "Disputes by partnership",
                     sentence: "How many disputes each partnership's forms recorded, each dispute counted once however many submissions it took (\(disputes.count) disputes).",
                     scale: .count, bars: bars)
    }

    static func byTheme(_ disputes: [Dispute]) -> Chart {
        let none = disputes.filter { $0.texts("dispute.themes").isEmpty }.count
        return Chart(id: "theme", title: "Areas of disagreement",
                     sentence: "How many disputes ticked each area of disagreement on their forms, in the forms' own words: a dispute counts once per area, whichever of its submissions ticked it (out of \(disputes.count) disputes, \(none) of which ticked none).",
                     scale: .count, bars: tally(disputes) { $0.texts("dispute.themes") })
    }

    static func byStageReached(_ disputes: [Dispute], _ ladder: PolicyMapping?) -> Chart {
        let stages = disputes.map { $0.highest("stage", "resolution_stage") }
        return Chart(id: "stage_reached", title: "Stage reached",
                     sentence: "The highest stage each dispute reached, from the stages its submissions were made or resolved at; stage numbers are each partnership's own ladder (\(disputes.count) disputes, \(stages.filter { $0 == nil }.count) with no stage recorded).",
                     scale: .count, bars: stageBars(stages, ladder, of: disputes.count))
    }

    /// Resolved at the stage a form records it was resolved at, else at the stage of its latest
    /// submission when that one says the dispute was resolved.
    static func byStageAtResolution(_ disputes: [Dispute], _ ladder: PolicyMapping?) -> Chart {
        var stages: [Int?] = []
        var unresolved = 0, unstaged = 0
        for dispute in disputes {
            if let stage = dispute.highest("resolution_stage") {
                stages.append(stage)
            } else if let last = dispute.submissions.last, case .boolean(true)? = last.fields["dispute.resolved"] {
                if let stage = last.integerValue("stage") { stages.append(stage) } else { unstaged += 1 }
            } else {
                unresolved += 1
            }
        }
        var bars = stageBars(stages, ladder, of: disputes.count)
        if unstaged > 0 { bars.append(Bar(category: "Resolved, stage not recorded", count: unstaged, of: disputes.count)) }
        bars.append(Bar(category: "Not recorded as resolved", count: unresolved, of: disputes.count))
        return Chart(id: "stage_at_resolution", title: "Stage at resolution",
                     sentence: "The stage at which each dispute was resolved: the stage a form records it was resolved at, else the stage of its latest submission when that submission says it was resolved (\(disputes.count) disputes, \(unresolved) not recorded as resolved).",
                     scale: .count, bars: bars)
    }

    static func stageBars(_ stages: [Int?], _ ladder: PolicyMapping?, of total: Int) -> [Bar] {
        let counts = Dictionary(grouping: stages.compactMap { $0 }, by: { $0 }).mapValues(\.count)
        return counts.keys.sorted().map { stage in
            let name = ladder?.stage(stage).map { ": \($0.name)" } ?? ""
            return Bar(category: "Stage \(stage)\(name)", count: counts[stage] ?? 0, of: total)
        }
    }

    /// Each category counted once per dispute that has it, the most frequent first.
    static func tally(_ disputes: [Dispute], _ categories: (Dispute) -> [String]) -> [Bar] {
        var counts: [String: Int] = [:]
        for dispute in disputes {
            for category in Set(categories(dispute)) { counts[category, default: 0] += 1 }
        }
        return counts.map { Bar(category: $0.key, count: $0.value, of: disputes.count) }
            .sorted { ($1.count, $0.category) < ($0.count, $1.category) }
    }

    static func byAgency(_ disputes: [Dispute], key: String, id: String, title: String, side: String) -> Chart {
        let none = disputes.filter { $0.texts(key).isEmpty }.count
        return Chart(id: id, title: title,
                     sentence: "The agencies that \(side) the disputes, each dispute counted once per agency its submissions name (\(disputes.count) disputes, \(none) naming none).",
                     scale: .count, bars: tally(disputes) { $0.texts(key) })
    }
}
