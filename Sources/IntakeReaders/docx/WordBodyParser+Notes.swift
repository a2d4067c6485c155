import IntakeDocument

extension WordBodyParser {
    /// `w:footnote` / `w:endnote`: one note of a notes part, filed in ``notes`` rather than in the
    /// part's flow. Word's own separator lines (`w:type` separator, continuationSeparator,
    /// continuationNotice) are not notes and are skipped, as is a note nested in another.
    func handleNote(_ kind: Note.Kind) throws {
        let type = reader.attribute("type", .w) ?? "normal"
        guard type == "normal", currentNote == nil, let id = reader.attribute("id", .w).flatMap({ Int($0) }) else {
            return try reader.skipElement()
        }
        currentNote = id
        containers.append([])
        defer { currentNote = nil }
        try handleChildren()
        let blocks = containers.popLast() ?? []
        notes.append(Note(kind: kind, id: id, blocks: blocks, origin: partOrigin))
    }
}
