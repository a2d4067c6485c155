extension PolicyMapping {
    /// Reads one policy mapping; every mistake is a ``MappingError`` with its line.
    public init(yaml: String, file: String) throws {
        let root = try YAMLReader.root(yaml: yaml, file: file)
        try root.rejectUnknownKeys(["partnership", "name", "short_name", "recognise", "stages"])
        partnership = try root.string("partnership")
        name = try root.string("name")
        shortName = try root.optionalString("short_name") ?? name
        guard let recogniseNode = try root.child("recognise") else { throw root.error("missing required key 'recognise'") }
        recognition = try Recognition(recogniseNode)
        stages = try root.children("stages").map { node in
            try node.rejectUnknownKeys(["number", "name", "working_days"])
            guard let number = try node.optionalInt("number") else { throw node.error("missing required key 'number'") }
            return LadderStage(number: number, name: try node.string("name"), workingDays: try node.optionalInt("working_days"))
        }
        guard !stages.isEmpty else { throw root.error("a policy mapping needs its 'stages'") }
        for (index, stage) in stages.enumerated() where stage.number != index + 1 {
            throw root.error("stages must be numbered 1, 2, 3 … in order; found \(stage.number) at position \(index + 1)")
        }
        self.file = file
    }
}
