import IntakeMapping
import IntakeRecord

/// Raises the findings a record's fields call for, from its form mapping and the policy.
///
/// Knows nothing of files: it sees typed fields only. "Today" is given (`asOf`) so that a
/// run can be repeated with the same result.
public struct Validator: Sendable {
    public let calendar: WorkingDayCalendar
    public let asOf: Day

    public init(calendar: WorkingDayCalendar, asOf: Day) {
        self.calendar = calendar
        self.asOf = asOf
    }

    /// Findings for a form, in the order a submitter would fix them: missing things first.
    public func validate(form mapping: FormMapping, fields: RecordFields, extractionFindings: [Finding]) -> [Finding] {
        var findings = extractionFindings
        let flagged = Set(extractionFindings.compactMap(\.field))
        let stage = fields[mapping.stage.key].flatMap(Self.integer)
        findings += stageFindings(mapping, stage: stage, flagged: flagged)
        findings += requiredFindings(mapping, fields: fields, stage: stage, flagged: flagged)
        findings += policyFindings(mapping, fields: fields)
        return findings
    }

    public func validate(policyFields fields: RecordFields) -> [Finding] {
        guard case .date(let iso)? = fields["policy.review_due"], let due = Day(iso: iso), due < asOf else { return [] }
        return [Finding(code: .policyReviewOverdue, severity: .warning, field: "policy.review_due",
                        message: "The policy's review date has passed: ask the partnership for the current version.")]
    }

    private func stageFindings(_ mapping: FormMapping, stage: Int?, flagged: Set<String>) -> [Finding] {
        let key = mapping.stage.key
        let allowed = mapping.stage.allowed.map(String.init).joined(separator: ", ")
        guard let stage else {
            if flagged.contains(key) { return [] }
            return [Finding(code: .missingStage, severity: .error, field: key,
                            message: "No stage was found in the form, its file name or the e-mail that brought it. Tick the stage (\(allowed)) on the form.")]
        }
        guard mapping.stage.allowed.contains(stage) else {
            return [Finding(code: .stageNotAllowed, severity: .error, field: key,
                            message: "This form is used at stages \(allowed) only, but it gives stage \(stage). Check the stage, or use the form for that stage.")]
        }
        return []
    }

    private func requiredFindings(_ mapping: FormMapping, fields: RecordFields, stage: Int?, flagged: Set<String>) -> [Finding] {
        var findings: [Finding] = []
        for field in mapping.fields where field.key != mapping.stage.key && !flagged.contains(field.key) {
            guard let rule = field.required else { continue }
            if !rule.atStages.isEmpty, let stage, !rule.atStages.contains(stage) { continue }
            if !rule.whenAnyPresent.isEmpty, !rule.whenAnyPresent.contains(where: { fields[$0] != nil }) { continue }
            if field.type == .signature {
                if case .signature(let s)? = fields[field.key], s.present { continue }
                findings.append(Finding(code: .missingSignature, severity: .error, field: field.key,
                                        message: rule.hint ?? "\(field.label) is empty: the form must be signed there."))
            } else if fields[field.key] == nil {
                let severity: IntakeRecord.Severity = rule.severity == .error ? .error : .warning
                findings.append(Finding(code: .missingField, severity: severity, field: field.key,
                                        message: rule.hint ?? "\(field.label) is empty: fill it in before sending the form."))
            }
        }
        return findings
    }

    private func policyFindings(_ mapping: FormMapping, fields: RecordFields) -> [Finding] {
        var findings: [Finding] = []
        let checks = mapping.checks
        if let broken = firstDateOrderBreak(checks.dateOrder, fields: fields, mapping: mapping) { findings.append(broken) }
        if let due = checks.responseDue, let finding = responseFinding(due, fields: fields, mapping: mapping) { findings.append(finding) }
        if let max = checks.maxDays, case .integer(let days)? = fields[max.field], days > max.max {
            findings.append(Finding(code: .timescaleExceeded, severity: .warning, field: max.field,
                                    message: "The dispute took longer than the \(max.max) working days the policy allows before escalation."))
        }
        if let rule = checks.noChildDetails {
            let named = rule.textFields.first { key in
                if case .text(let text)? = fields[key] { return ChildDetailsDetector.containsChildDetails(text) }
                return false
            }
            if let named {
                findings.append(Finding(code: .childDetailsPresent, severity: .error, field: named,
                                        message: "\(label(named, mapping)) appears to name a child or give a date of birth. This form must hold no child or family details: remove them."))
            }
        }
        if let rule = checks.inconsistentOutcome, case .boolean(true)? = fields[rule.whenTrue],
           let conflict = rule.conflictsWith.first(where: { fields[$0] != nil }) {
            findings.append(Finding(code: .inconsistentOutcome, severity: .warning, field: conflict,
                                    message: "The form says the difference was resolved, yet \(label(conflict, mapping)) is filled in. Check which is right."))
        }
        return findings
    }

    private func firstDateOrderBreak(_ keys: [String], fields: RecordFields, mapping: FormMapping) -> Finding? {
        let dated = keys.compactMap { key -> (String, Day)? in
            guard case .date(let iso)? = fields[key], let day = Day(iso: iso) else { return nil }
            return (key, day)
        }
        for (earlier, later) in zip(dated, dated.dropFirst()) where later.1 < earlier.1 {
            return Finding(code: .dateOrder, severity: .warning, field: later.0,
                           message: "\(label(later.0, mapping)) is before \(label(earlier.0, mapping)). Check both dates.")
        }
        return nil
    }

    private func responseFinding(_ due: ResponseDue, fields: RecordFields, mapping: FormMapping) -> Finding? {
        guard case .date(let fromISO)? = fields[due.from], let from = Day(iso: fromISO) else { return nil }
        let responded: Day? = if case .date(let iso)? = fields[due.to] { Day(iso: iso) } else { nil }
        let end = responded ?? asOf
        do {
            let days = try calendar.workingDays(from: from, to: end)
            guard days > due.workingDays else { return nil }
            let what = responded == nil ? "No response has been recorded" : "The response came"
            return Finding(code: .responseOverdue, severity: .warning, field: due.to,
                           message: "\(what) \(days) working days after \(label(due.from, mapping)); the policy allows \(due.workingDays). Chase the response.")
        } catch {
            return Finding(code: .calendarOutOfRange, severity: .warning, field: due.to,
                           message: "Working days cannot be counted: a date lies outside the years the working-day calendar covers. Check the dates, or extend mappings/calendar/.")
        }
    }

    private func label(_ key: String, _ mapping: FormMapping) -> String {
        mapping.field(key)?.label ?? key
    }

    static func integer(_ value: FieldValue) -> Int? {
        if case .integer(let n) = value { n } else { nil }
    }
}
