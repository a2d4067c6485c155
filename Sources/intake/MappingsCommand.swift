import ArgumentParser
import Foundation
import IntakeDocument
import IntakeExtraction
import IntakeMapping
import IntakePipeline
import IntakeReaders
import IntakeValidation

/// `intake mappings check`: validates the mapping files and names the line of any mistake.
struct MappingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mappings", abstract: "Work with the form and policy mappings.", subcommands: [Check.self, Suggest.self])

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

    /// `intake mappings suggest FILE...`: the wordings a mapping could learn, as YAML to paste.
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the labels that matched only by similar wording or by place, as lines to paste under a field's older:.",
            discussion: "Prints label wordings from the documents (not their values). Labels that matched nothing are listed as comments.")

        @Argument(help: "Filled forms (.docx, .pdf, .eml).")
        var files: [String]

        @OptionGroup var mappingsOptions: MappingsOptions

        func run() throws {
            let mappings: MappingSet
            do { mappings = try MappingSet.load(from: try mappingsOptions.directory()) }
            catch let error as ValidationError { throw error }
            catch { throw ValidationError("\(error)") }
            let extractor = Extractor(mappings: mappings)
            var failed = false
            for file in files {
                for (index, (name, bytes)) in try DocumentFile.documents(atPath: file, announce: false).enumerated() {
                    do {
                        let document = try DocumentReader().read(bytes, fileName: name)
                        print(SuggestionText.render(extractor.suggestions(for: document), name: name))
                    } catch let error as IntakeError {
                        failed = true
                        // Attachment names can name a child: say which by position only.
                        StandardError.write("document \(index + 1): \(error.code.rawValue)")
                    }
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
