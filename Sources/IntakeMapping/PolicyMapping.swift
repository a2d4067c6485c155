/// A partnership's escalation policy: how to recognise its document, and its ladder.
/// One YAML file in `mappings/policies/`.
public struct PolicyMapping: Sendable, Equatable {
    public var partnership: String
    public var name: String
    public var recognition: Recognition
    /// The ladder as the policy sets it.
    public var stages: [LadderStage]
    public var file: String
}

public struct LadderStage: Sendable, Equatable {
    public var number: Int
    public var name: String
    public var workingDays: Int?
}
