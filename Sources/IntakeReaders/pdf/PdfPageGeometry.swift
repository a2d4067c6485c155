import IntakeDocument

/// Where one PDF page's pieces are placed in the page as read: turned so that most of its text
/// runs left to right.
///
/// Poppler gives text, pictures and annotations in display space (top-left, `/Rotate` applied)
/// and AcroForm widgets in unturned PDF space (bottom-left, relative to the crop box). A portrait
/// form saved with `/Rotate 90`, or a landscape page drawn onto portrait paper through a turned
/// matrix, shows its text sideways there; the upright page turns it back, and every rectangle the
/// model reports is in the upright page's space, so labels, values, fields and pictures still
/// line up.
struct PdfPageGeometry {
    /// The page as poppler displays it.
    let displayWidth: Double
    let displayHeight: Double
    /// The page's `/Rotate`: from unturned PDF space to display space.
    let rotation: PdfQuarterTurn
    /// From display space to the upright page.
    let upright: PdfQuarterTurn

    /// The upright page's size.
    var size: (width: Double, height: Double) { upright.size(width: displayWidth, height: displayHeight) }

    /// A display-space rectangle (top-left origin) on the upright page.
    func fromDisplay(_ rect: Rect) -> Rect {
        upright.apply(rect, width: displayWidth, height: displayHeight)
    }

    /// A picture's area from `poppler_page_get_image_mapping`, on the upright page.
    ///
    /// Poppler 22.12 places a picture's box at the display position of the picture's own top-left
    /// corner and lays its width and height along the page's axes whatever the picture's turn:
    /// right for upright and upside-down pictures, wrong for quarter-turned ones. A picture is
    /// taken to be turned like the page's text (a signature pasted into a form turns with it), so
    /// on a page whose text runs down or up the box is rebuilt from that corner, sides exchanged.
    func fromImageMapping(_ area: Rect) -> Rect {
        let (x, y, width, height) = (area.x0, area.y0, area.width, area.height)
        switch upright.inverse.quarters {
        // Turned clockwise: the picture's top-left corner is the box's top-right.
        case 1: return fromDisplay(Rect(x0: x - height, y0: y, x1: x, y1: y + width))
        // Turned anticlockwise: it is the bottom-left.
        case 3: return fromDisplay(Rect(x0: x, y0: y - width, x1: x + height, y1: y))
        default: return fromDisplay(area)
        }
    }

    /// An unturned PDF-space rectangle (bottom-left origin, crop box at 0,0) on the upright page.
    func fromPDFSpace(_ rect: Rect) -> Rect {
        let unturned = rotation.inverse.size(width: displayWidth, height: displayHeight)
        let topLeft = Rect(x0: rect.x0, y0: unturned.height - rect.y1, x1: rect.x1, y1: unturned.height - rect.y0)
        return (rotation + upright).apply(topLeft, width: unturned.width, height: unturned.height)
    }
}
