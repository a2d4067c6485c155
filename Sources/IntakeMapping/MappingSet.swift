import Foundation

/// Every form and policy mapping of a `mappings/` folder, loaded once and shared read-only.
///
/// Layout: `forms/*.yaml`, `policies/*.yaml`, `lexicon.yaml` (label words, optional),
/// `calendar/*.yaml` (the working-day calendar, read by validation).
public struct MappingSet: Sendable {
    public var forms: [FormMapping]
    public var policies: [PolicyMapping]
    /// How labels are compared by meaning (`lexicon.yaml`).
    public var lexicon: Lexicon
    public var directory: URL

    public init(forms: [FormMapping], policies: [PolicyMapping], lexicon: Lexicon = .empty, directory: URL) {
        self.forms = forms
        self.policies = policies
        self.lexicon = lexicon
        self.directory = directory
    }

    /// Loads every mapping, failing on the first mistake. Use ``check(directory:)`` to see them all.
    public static func load(from directory: URL) throws -> MappingSet {
        let result = check(directory: directory)
        if let first = result.problems.first { throw first }
        return result.set
    }

    /// Reads every file, collecting all mistakes rather than stopping at the first.
    public static func check(directory: URL) -> (set: MappingSet, problems: [MappingError]) {
        var problems: [MappingError] = []
        var forms: [FormMapping] = []
        var policies: [PolicyMapping] = []
        for url in yamlFiles(in: directory.appendingPathComponent("forms"), problems: &problems) {
            let name = "forms/" + url.lastPathComponent
            do { forms.append(try FormMapping(yaml: try String(contentsOf: url, encoding: .utf8), file: name)) }
            catch let error as MappingError { problems.append(error) }
            catch { problems.append(MappingError(file: name, line: nil, message: "cannot be read (\(error))")) }
        }
        for url in yamlFiles(in: directory.appendingPathComponent("policies"), problems: &problems) {
            let name = "policies/" + url.lastPathComponent
            do { policies.append(try PolicyMapping(yaml: try String(contentsOf: url, encoding: .utf8), file: name)) }
            catch let error as MappingError { problems.append(error) }
            catch { problems.append(MappingError(file: name, line: nil, message: "cannot be read (\(error))")) }
        }
        var lexicon = Lexicon.empty
        let lexiconURL = directory.appendingPathComponent("lexicon.yaml")
        if FileManager.default.fileExists(atPath: lexiconURL.path) {
            do { lexicon = try Lexicon(yaml: try String(contentsOf: lexiconURL, encoding: .utf8), file: "lexicon.yaml") }
            catch let error as MappingError { problems.append(error) }
            catch { problems.append(MappingError(file: "lexicon.yaml", line: nil, message: "cannot be read (\(error))")) }
        }
        let set = MappingSet(forms: forms, policies: policies, lexicon: lexicon, directory: directory)
        problems += set.crossCheck()
        return (set, problems)
    }

    public func policy(for partnership: String) -> PolicyMapping? {
        policies.first { $0.partnership == partnership }
    }

    /// Mistakes that only show across files: duplicate ids, a form whose partnership has no
    /// policy, stages the policy's ladder does not have.
    func crossCheck() -> [MappingError] {
        var problems: [MappingError] = []
        var ids = Set<String>()
        for form in forms where !ids.insert(form.id).inserted {
            problems.append(MappingError(file: form.file, line: nil, message: "mapping '\(form.id)' is defined twice"))
        }
        for form in forms {
            guard let policy = policy(for: form.partnership) else {
                problems.append(MappingError(file: form.file, line: nil,
                                             message: "no policy mapping for partnership '\(form.partnership)' in policies/"))
                continue
            }
            let ladder = Set(policy.stages.map(\.number))
            for stage in form.stage.allowed where !ladder.contains(stage) {
                problems.append(MappingError(file: form.file, line: nil,
                                             message: "allowed stage \(stage) is not in \(policy.file)'s ladder"))
            }
        }
        return problems
    }

    private static func yamlFiles(in directory: URL, problems: inout [MappingError]) -> [URL] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory.path) }
        catch {
            problems.append(MappingError(file: directory.lastPathComponent, line: nil, message: "folder cannot be read"))
            return []
        }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { directory.appendingPathComponent($0) }
    }
}
