import IntakeDocument

extension WordBodyParser {
    /// `w:drawing`: DrawingML pictures (`a:blip@r:embed`) with `wp:docPr@descr` as alt text.
    func handleDrawing() throws {
        drawings.append(DrawingState())
        try handleChildren()
        guard let drawing = drawings.popLast() else { return }
        for relationshipID in drawing.imageRelationships {
            try addImage(relationshipID: relationshipID, altText: drawing.altText)
        }
    }

    func handleDrawingProperties() {
        guard !drawings.isEmpty else { return }
        let description = reader.attribute("descr") ?? reader.attribute("title")
        if let description, !description.isEmpty { drawings[drawings.count - 1].altText = description }
    }

    func handleBlip() throws {
        guard let id = reader.attribute("embed", .r) ?? reader.attribute("link", .r) else { return }
        if drawings.isEmpty {
            try addImage(relationshipID: id, altText: nil)
        } else {
            drawings[drawings.count - 1].imageRelationships.append(id)
        }
    }

    /// VML (`w:pict`): `v:shape` with `v:imagedata@r:id` pictures and `o:signatureline`.
    func handleVML() throws {
        if reader.localName == "imagedata" {
            if let id = reader.attribute("id", .r) ?? reader.attribute("relid", .o) {
                try addImage(relationshipID: id, altText: drawings.last?.altText)
            }
            return
        }
        // A VML shape's alt text applies to the image data inside it.
        let alt = reader.attribute("alt")
        drawings.append(DrawingState(altText: alt?.isEmpty == false ? alt : nil))
        defer { drawings.removeLast() }
        try handleChildren()
    }

    func handleSignatureLine() throws {
        // An unsigned line and a signed one look alike here; the signature itself lives in
        // `_xmlsignatures`, so the state is left unknown.
        try addSignature(SignatureEvidence(kind: .signatureLine, signed: nil, origin: currentOrigin))
    }

    /// `w14:contentPart`: Word ink, drawn by hand (often a signature).
    func handleInk() throws {
        if let id = reader.attribute("id", .r), let relationship = resources.relationships[id], !relationship.isExternal {
            noteInkPart(relationship.target)
        }
        try addSignature(SignatureEvidence(kind: .ink, origin: currentOrigin))
    }

    private func addImage(relationshipID: String, altText: String?) throws {
        let origin = currentOrigin
        guard let relationship = resources.relationships[relationshipID] else {
            try addPicture(Picture(altText: altText, origin: origin))
            return
        }
        // A linked picture is a URL outside the package: recorded, never fetched.
        guard !relationship.isExternal else {
            try addPicture(Picture(altText: altText, origin: origin))
            return
        }
        let target = relationship.target
        let contentType = resources.contentTypes.contentType(of: target)
        if target.lowercased().hasPrefix("word/ink/") || contentType == "application/inkml+xml" {
            noteInkPart(target)
            try addSignature(SignatureEvidence(kind: .ink, origin: origin))
            return
        }
        try addPicture(Picture(name: target, altText: altText, contentType: contentType,
                           byteCount: resources.package.declaredSize(of: target), origin: origin))
    }
}
