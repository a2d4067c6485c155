import ArgumentParser
import Foundation
import IntakeMapping
import IntakeValidation

/// `intake mappings check`: validates the mapping files and names the line of any mistake.
struct MappingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mappings", abstract: "Work with the form and policy mappings.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check every mapping file; exit 1 if any has a mistake.")
        @OptionGroup var mappingsOptions: MappingsOptions

        func run() throws {
            let directory = try mappingsOptions.directory()
            let (set, problems) = MappingSet.check(directory: directory)
            var calendarProblem: String?
            do {
                _ = try WorkingDayCalendar.load(from: directory.appendingPathComponent("calendar/england-and-wales.yaml"))
            } catch {
                calendarProblem = "calendar/england-and-wales.yaml: \(error)"
            }
            for problem in problems { print(problem) }
            if let calendarProblem { print(calendarProblem) }
            if problems.isEmpty && calendarProblem == nil {
                print("\(set.forms.count) form mappings, \(set.policies.count) policy mappings, calendar: OK")
            } else {
                throw ExitCode(1)
            }
        }
    }
}
