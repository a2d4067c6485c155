import Foundation
import IntakeExtraction
import IntakeRecord
import IntakeTestSupport
import Testing

/// The five partnerships' policy texts (shared/seeds, one line per paragraph, table rows as
/// tab-joined cells or one cell per line) against what each says, read by hand.
@Suite struct PolicySeedsTests {
    static let seeds = TestPaths.shared.appending(path: "seeds")

    static func facts(_ name: String) throws -> PolicyFacts {
        let text = try String(contentsOf: seeds.appending(path: name), encoding: .utf8)
        return PolicyExtractor.extract(paragraphs: text.components(separatedBy: "\n"), title: nil)
    }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test func bolton() throws {
        let facts = try Self.facts("bolton-policy.txt")
        #expect(facts.title == "Resolving Differences and Escalation Process")
        #expect(facts.updated == Self.day("2022-09-01"))     // LAUNCH: SEPTEMBER 2022
        #expect(facts.reviewDue == Self.day("2025-04-01"))   // REVIEW : APRIL 2025
        #expect(facts.stages == [
            PolicyStage(number: 1, name: "Prevention/Early Resolution"),
            PolicyStage(number: 2, name: "Informal Resolution"),
            PolicyStage(number: 3, name: "Formal Resolution", workingDays: 10),
            PolicyStage(number: 4, name: "Partnership Resolution"),
        ])
        #expect(facts.contacts.count == 13)
        #expect(facts.contacts.first == "boltonsafeguardingchildren@bolton.gov.uk")
        #expect(facts.contacts.contains("vikki.gibson@gmp.police.uk"))
        #expect(facts.contacts.last == "louise.mcdade@boltontogether.org.uk")
    }

    @Test func coventry() throws {
        let facts = try Self.facts("coventry-policy.txt")
        #expect(facts.title == "Escalation policy: Resolution of professional disagreements")
        #expect(facts.updated == nil)
        #expect(facts.reviewDue == nil)
        #expect(facts.stages == [
            PolicyStage(number: 1, name: "Frontline staff and Line Managers", workingDays: 1),
            PolicyStage(number: 2, name: "Second tier managers"),
            PolicyStage(number: 3, name: "Head of Service"),
            PolicyStage(number: 4, name: "Head of Safeguarding"),
        ])
        #expect(facts.contacts.isEmpty)
        #expect(facts.fields.keys == ["policy.title", "policy.stages"])
    }

    @Test func southGloucestershire() throws {
        let facts = try Self.facts("south-gloucestershire-policy.txt")
        #expect(facts.title == "Resolution of Professional Differences (Escalation Policy)")
        #expect(facts.updated == Self.day("2022-12-01"))
        #expect(facts.reviewDue == Self.day("2024-12-01"))
        #expect(facts.stages == [
            PolicyStage(number: 1, name: "Identifying the concern – worker to worker and where necessary line manager to line manager", workingDays: 1),
            PolicyStage(number: 2, name: "Discussing the concern between services or agencies – Second tier manager to manager", workingDays: 2),
            PolicyStage(number: 3, name: "Raising concern between line management – senior manager to senior manager", workingDays: 3),
            PolicyStage(number: 4, name: "Refer concern to Children’s Partnership Executive (SGCP)", workingDays: 5),
        ])
        #expect(facts.contacts == ["emma.collings@southglos.gov.uk"])
    }

    @Test func croydon() throws {
        let facts = try Self.facts("croydon-policy.txt")
        #expect(facts.title == "Resolution of Professional Disagreement in Safeguarding Children")
        #expect(facts.updated == Self.day("2018-11-01"))     // Policy agreed … November 2018
        #expect(facts.reviewDue == Self.day("2019-11-01"))   // Review November 2019
        // "Each stage of resolving the issue should take no longer than 7 working days."
        #expect(facts.stages == [
            PolicyStage(number: 1, name: "Discussion between front line workers", workingDays: 7),
            PolicyStage(number: 2, name: "Discussion between front line manager/supervisor (team)", workingDays: 7),
            PolicyStage(number: 3, name: "Escalate to operational managers or named/designated safeguarding leads", workingDays: 7),
            PolicyStage(number: 4, name: "Escalate to Senior Management/Leadership", workingDays: 7),
            PolicyStage(number: 5, name: "Escalate to Safeguarding Partners Executive", workingDays: 7),
        ])
        #expect(facts.contacts == ["safeguardingchildrenboard@croydon.gov.uk"])
    }

    @Test func westSussex() throws {
        let facts = try Self.facts("west-sussex-protocol.txt")
        #expect(facts.title == "Dispute Resolution & Escalation Protocol")
        #expect(facts.updated == Self.day("2022-01-01"))     // Reviewed January 2022
        #expect(facts.reviewDue == nil)
        // Written out of order (6 before 4 and 5) and with names over two lines.
        #expect(facts.stages == [
            PolicyStage(number: 1, name: "Professional to Professional"),
            PolicyStage(number: 2, name: "Manager to Manager"),
            PolicyStage(number: 3, name: "Senior Manager to Senior Manager"),
            PolicyStage(number: 4, name: "Professional leads for Safeguarding"),
            PolicyStage(number: 5, name: "Escalation to SCP"),
            PolicyStage(number: 6, name: "Escalation to Secretary of State"),
        ])
        #expect(facts.contacts.isEmpty)
    }
}
