/// A partnership's escalation policy: how to recognise its document, and its ladder.
/// One YAML file in `mappings/policies/`.
public struct PolicyMapping: Sendable, Equatable {
    public var partnership: String
    public var name: String
    /// How a sentence names the partnership: "Bolton" (`short_name:`, else ``name``).
    public var shortName: String
    public var recognition: Recognition
    /// The ladder as the policy sets it.
    public var stages: [LadderStage]
    public var file: String

    /// The policy document's title, as reports cite it.
    public var title: String? { recognition.titles.first }

    public func stage(_ number: Int) -> LadderStage? { stages.first { $0.number == number } }
}

public struct LadderStage: Sendable, Equatable {
    public var number: Int
    public var name: String
    public var workingDays: Int?
}
