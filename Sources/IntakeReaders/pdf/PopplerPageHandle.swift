import CPoppler
import Foundation
import IntakeDocument

/// One character of `poppler_page_get_text` with its box (top-left page space: display space
/// as poppler gives it, the upright page once ``PdfPageGeometry`` has turned it).
struct PdfGlyph {
    var scalar: Unicode.Scalar
    var rect: Rect
    /// Index into the page's font table, nil when poppler gave no attributes for it.
    var font: Int?
    /// Which way its line runs in the same space (see ``PdfTextDirection``).
    var direction = 0
}

/// Owns one `PopplerPage*`; holds its document strongly so the page never outlives it.
final class PopplerPageHandle {
    let raw: OpaquePointer
    private let document: PopplerDocumentHandle

    init(raw: OpaquePointer, document: PopplerDocumentHandle) {
        self.raw = raw
        self.document = document
    }

    deinit { intake_g_object_unref(UnsafeMutableRawPointer(raw)) }

    var size: (width: Double, height: Double) {
        var width = 0.0, height = 0.0
        poppler_page_get_size(raw, &width, &height)
        return (width, height)
    }

    /// The page text, one glyph per character with its rectangle and font key.
    /// `fonts` maps "name size" to an index shared by all pages of the document.
    func glyphs(fonts: inout [String: Int]) -> [PdfGlyph] {
        guard let text = poppler_page_get_text(raw) else { return [] }
        defer { g_free(text) }
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(raw, &rects, &count) != 0, let rects else { return [] }
        defer { g_free(rects) }
        let scalars = Array(String(cString: text).unicodeScalars)
        let n = min(scalars.count, Int(count))
        var fontOfIndex = [Int?](repeating: nil, count: n)
        if let attributes = poppler_page_get_text_attributes(raw) {
            defer { poppler_page_free_text_attributes(attributes) }
            var node: UnsafeMutablePointer<GList>? = attributes
            while let current = node {
                if let pointer = current.pointee.data?.assumingMemoryBound(to: PopplerTextAttributes.self) {
                    let attribute = pointer.pointee
                    let name = attribute.font_name.map { String(cString: $0) } ?? "?"
                    let key = "\(name) \((attribute.font_size * 2).rounded() / 2)"
                    let id = fonts[key] ?? fonts.count
                    fonts[key] = id
                    let lower = max(0, Int(attribute.start_index)), upper = min(n - 1, Int(attribute.end_index))
                    if lower <= upper { for index in lower...upper { fontOfIndex[index] = id } }
                }
                node = current.pointee.next
            }
        }
        return (0..<n).map { index in
            let box = rects[index]
            return PdfGlyph(scalar: scalars[index], rect: Rect(x0: box.x1, y0: box.y1, x1: box.x2, y1: box.y2),
                            font: fontOfIndex[index])
        }
    }

    /// Converts an annotation-mapping rectangle (display space with a bottom-left origin) to
    /// top-left display space.
    func topLeft(_ area: PopplerRectangle) -> Rect {
        let height = size.height
        return Rect(x0: area.x1, y0: height - area.y2, x1: area.x2, y1: height - area.y1)
    }

    /// Ink annotations (hand-drawn signatures) in top-left display space, and the page's
    /// `/Rotate`.
    ///
    /// Poppler-glib 22.12 has no getter for `/Rotate`, and AcroForm widgets come unturned, so the
    /// turn is read back from the annotations: `poppler_annot_get_rectangle` gives each one's
    /// unturned rectangle and the mapping the same one in display space; the turn is the quarter
    /// turn that takes the first to the second (for a NoRotate annotation, which keeps its shape,
    /// its top-left corner). A page with no annotations has no widgets to place: no turn.
    func annotations() -> (ink: [Rect], rotation: PdfQuarterTurn) {
        guard let mapping = poppler_page_get_annot_mapping(raw) else { return ([], .none) }
        defer { poppler_page_free_annot_mapping(mapping) }
        var crop = PopplerRectangle()
        poppler_page_get_crop_box(raw, &crop)
        let (width, height) = (abs(crop.x2 - crop.x1), abs(crop.y2 - crop.y1))
        var ink: [Rect] = []
        var misfit = [0.0, 0.0, 0.0, 0.0]
        var node: UnsafeMutablePointer<GList>? = mapping
        while let current = node {
            node = current.pointee.next
            guard let pointer = current.pointee.data?.assumingMemoryBound(to: PopplerAnnotMapping.self),
                  let annot = pointer.pointee.annot else { continue }
            let shown = topLeft(pointer.pointee.area)
            if poppler_annot_get_annot_type(annot) == POPPLER_ANNOT_INK { ink.append(shown) }
            let keepsShape = poppler_annot_get_flags(annot).rawValue & POPPLER_ANNOT_FLAG_NO_ROTATE.rawValue != 0
            var own = PopplerRectangle()
            poppler_annot_get_rectangle(annot, &own)
            let unturned = Rect(x0: own.x1, y0: height - own.y2, x1: own.x2, y1: height - own.y1)
            let corner = Rect(x0: unturned.x0, y0: unturned.y0, x1: unturned.x0, y1: unturned.y0)
            for quarters in 0..<4 {
                let turned = PdfQuarterTurn(quarters: quarters).apply(keepsShape ? corner : unturned, width: width, height: height)
                misfit[quarters] += abs(turned.x0 - shown.x0) + abs(turned.y0 - shown.y0)
                    + (keepsShape ? 0 : abs(turned.x1 - shown.x1) + abs(turned.y1 - shown.y1))
            }
        }
        let best = misfit.indices.min { misfit[$0] < misfit[$1] } ?? 0
        return (ink, PdfQuarterTurn(quarters: best))
    }

    /// Placed images: id and area (top-left display space; poppler's extents are approximate).
    func images() -> [(id: Int, rect: Rect)] {
        guard let mapping = poppler_page_get_image_mapping(raw) else { return [] }
        defer { poppler_page_free_image_mapping(mapping) }
        var result: [(Int, Rect)] = []
        var node: UnsafeMutablePointer<GList>? = mapping
        while let current = node {
            if let pointer = current.pointee.data?.assumingMemoryBound(to: PopplerImageMapping.self) {
                let area = pointer.pointee.area
                result.append((Int(pointer.pointee.image_id), Rect(x0: area.x1, y0: area.y1, x1: area.x2, y1: area.y2)))
            }
            node = current.pointee.next
        }
        return result
    }
}
