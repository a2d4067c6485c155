import IntakeDocument

/// Turning a page on the desk by whole quarters, clockwise: what happens to rectangles given in
/// its top-left space.
///
/// Two turns compose by adding their quarters, as long as each is applied to the page size the
/// one before it left.
struct PdfQuarterTurn: Equatable {
    /// 0...3.
    let quarters: Int

    init(quarters: Int) { self.quarters = ((quarters % 4) + 4) % 4 }

    static let none = PdfQuarterTurn(quarters: 0)

    var inverse: PdfQuarterTurn { PdfQuarterTurn(quarters: -quarters) }

    static func + (lhs: PdfQuarterTurn, rhs: PdfQuarterTurn) -> PdfQuarterTurn {
        PdfQuarterTurn(quarters: lhs.quarters + rhs.quarters)
    }

    /// The size of a `width` × `height` page once turned.
    func size(width: Double, height: Double) -> (width: Double, height: Double) {
        quarters % 2 == 0 ? (width, height) : (height, width)
    }

    /// `rect`, in the top-left space of a `width` × `height` page, in the turned page's space.
    func apply(_ rect: Rect, width: Double, height: Double) -> Rect {
        switch quarters {
        // A point (x, y) goes to (height − y, x): the left edge becomes the top.
        case 1: Rect(x0: height - rect.y1, y0: rect.x0, x1: height - rect.y0, y1: rect.x1)
        case 2: Rect(x0: width - rect.x1, y0: height - rect.y1, x1: width - rect.x0, y1: height - rect.y0)
        // (x, y) goes to (y, width − x): the right edge becomes the top.
        case 3: Rect(x0: rect.y0, y0: width - rect.x1, x1: rect.y1, y1: width - rect.x0)
        default: rect
        }
    }
}
