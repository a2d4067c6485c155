#!/usr/bin/env python3
"""Writes the small PDFs the PDF reader tests need and the shared forms do not cover.

Raw PDF syntax, standard library only. Run from the package root:
    python3 scripts/make-pdf-fixtures.py
Outputs go to Tests/IntakeReadersTests/Fixtures/pdf/ and are committed, so tests never need Python.
"""
import base64
import os
import zlib

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "IntakeReadersTests", "Fixtures", "pdf")


def build(objects, trailer_extra=""):
    """objects: list of bytes bodies for objects 1..n. Returns a complete PDF with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra.encode(), xref)
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_ops(lines):
    """lines: (x, y_from_bottom, size, text) in Helvetica."""
    ops = b"BT\n"
    for x, y, size, text in lines:
        ops += b"/F1 %d Tf 1 0 0 1 %d %d Tm (%s) Tj\n" % (size, x, y, text.encode("latin-1"))
    return ops + b"ET\n"


def fields_pdf():
    """A label | value form: a combo box with one option chosen, and a radio group."""
    content = text_ops([
        (50, 780, 14, "Field fixture"),
        (50, 700, 10, "Preferred contact"),
        (50, 660, 10, "Outcome"),
        (252, 660, 10, "Agreed"),
        (352, 660, 10, "Declined"),
        (50, 620, 10, "Notes"),
    ])
    # 10 and 11: the radio buttons' on and off appearances.
    on = stream(b"0 g 2 2 6 6 re f", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] ")
    off = stream(b"", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] ")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R 6 0 R 9 0 R] /NeedAppearances true "
        b"/DA (/Helv 10 Tf 0 g) /DR << /Font << /Helv 4 0 R >> >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 12 0 R /Annots [5 0 R 7 0 R 8 0 R 9 0 R] >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        # 5: combo box (choice), Email selected
        b"<< /Type /Annot /Subtype /Widget /FT /Ch /Ff 131072 /T (contact) /TU (Preferred contact) "
        b"/Opt [(Phone) (Email) (Letter)] /V (Email) /Rect [236 694 500 712] /P 3 0 R /DA (/Helv 10 Tf 0 g) /F 4 >>",
        # 6: radio group parent
        b"<< /FT /Btn /Ff 49152 /T (outcome) /TU (Outcome) /V /Agreed /Kids [7 0 R 8 0 R] >>",
        b"<< /Type /Annot /Subtype /Widget /Parent 6 0 R /Rect [238 657 248 667] /P 3 0 R /F 4 "
        b"/AS /Agreed /AP << /N << /Agreed 10 0 R /Off 11 0 R >> >> >>",
        b"<< /Type /Annot /Subtype /Widget /Parent 6 0 R /Rect [338 657 348 667] /P 3 0 R /F 4 "
        b"/AS /Off /AP << /N << /Declined 10 0 R /Off 11 0 R >> >> >>",
        # 9: text field
        b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (notes) /TU (Notes) /V (Called back on Friday) "
        b"/Rect [236 614 500 632] /P 3 0 R /DA (/Helv 10 Tf 0 g) /F 4 >>",
        on,
        off,
        stream(content),
    ]
    return build(objects + [
        b"<< /Title (Field fixture) /Author (Intake tests) /Creator (make-pdf-fixtures.py) >>"], "/Info 13 0 R ")


def image_only_pdf():
    """One page holding only a picture: what a scanner produces."""
    pixels = zlib.compress(bytes([0, 255, 255, 0] * 16))
    image = stream(pixels, b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                           b"/BitsPerComponent 8 /Filter /FlateDecode ")
    content = stream(b"q 400 0 0 400 100 300 cm /Im0 Do Q")
    return build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
        image,
        content,
    ])


def no_pages_pdf():
    """A well-formed PDF whose page tree is empty."""
    return build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ])


def plain_pdf():
    """One page of text, the input for the encryption test (qpdf encrypts it at test time)."""
    return one_text_page([(50, 780, 12, "Plain fixture"), (50, 760, 10, "Nothing to see here.")])


def one_text_page(lines):
    """An A4 page of Helvetica text lines (see text_ops)."""
    return build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(text_ops(lines)),
    ])


# Prose set line under line at one pitch: a paragraph wrapped at the margin, then
# "Label: value" paragraphs with no space between them (an older free-text form).
PROSE_LINES = [
    "Describe the difference: the school asked for a strategy discussion after the second",
    "incident and was told the threshold was not met.",
    "Child's name: Ava Unsworth",
    "Date of referral: 12 March 2026",
    "Manager:",
    "Sam Jones",
    "This line is long enough to reach the right margin of the page, and so it wraps onto",
    "the next line, which therefore continues it.",
]


def prose_pdf():
    """Helvetica 10 pt at a 12 pt pitch: wrapped and separate paragraphs look alike by pitch."""
    return one_text_page([(50, 780 - 12 * i, 10, text) for i, text in enumerate(PROSE_LINES)])


# The landscape form of rotated.pdf, in its own upright space (842 x 595, PDF bottom-left origin).
LANDSCAPE = (842, 595)
ROTATED_ROWS = [
    (50, 540, 14, "Rotated fixture"),
    (50, 480, 10, "Child's name"), (300, 480, 10, "Ava Unsworth"),
    (50, 450, 10, "Date of referral"), (300, 450, 10, "12 March 2026"),
    (50, 420, 10, "Manager name"),
    (50, 380, 10, "Manager signature"),
    (50, 330, 10, "Stamp"),
    (50, 280, 10, "Please return this form within five working days."),
]
# Widget and picture areas in the same space: [x1 y1 x2 y2].
ROTATED_NAME_RECT = (296, 414, 600, 432)
ROTATED_SIGNATURE_RECT = (296, 366, 600, 396)
ROTATED_PICTURE_RECT = (300, 320, 360, 350)


def rotated_pdf():
    """One landscape form three times: upright on landscape paper (page 1), then drawn onto
    portrait paper through a turned matrix, as a scanner or "fit to page" printing does: turned
    a quarter anticlockwise (page 2, its text reads upwards) and clockwise (page 3, downwards).
    Each has a filled text field, an unsigned signature field and a picture. Page 4 is upright
    portrait with a note reading up its margin."""
    width, height = LANDSCAPE
    # 16 x 8 pixels, the shape it is shown at: poppler sizes a picture by its pixels' shape.
    pixels = zlib.compress(bytes([0, 255] * 64))
    image = stream(pixels, b"/Type /XObject /Subtype /Image /Width 16 /Height 8 /ColorSpace /DeviceGray "
                           b"/BitsPerComponent 8 /Filter /FlateDecode ")
    px1, py1, px2, py2 = ROTATED_PICTURE_RECT
    form = text_ops(ROTATED_ROWS) + b"q %d 0 0 %d %d %d cm /Im0 Do Q\n" % (px2 - px1, py2 - py1, px1, py1)
    # (matrix, media box, landscape point -> page point)
    turns = [((1, 0, 0, 1, 0, 0), (width, height), lambda x, y: (x, y)),
             ((0, 1, -1, 0, height, 0), (height, width), lambda x, y: (height - y, x)),
             ((0, -1, 1, 0, 0, width), (height, width), lambda x, y: (y, width - x))]

    def page_rect(rect, to_page):
        (ax, ay), (bx, by) = to_page(rect[0], rect[1]), to_page(rect[2], rect[3])
        return b"[%d %d %d %d]" % (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))

    # Objects: 1 catalog, 2 pages, 3 font, 4 image, 5 resources; then per form page: page,
    # content, name field, signature field; then the portrait page and its content.
    kids = b" ".join(b"%d 0 R" % (6 + 4 * index) for index in range(len(turns) + 1))
    objects = [None, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(turns) + 1),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
               image, b"<< /Font << /F1 3 0 R >> /XObject << /Im0 4 0 R >> >>"]
    fields = []
    for index, (matrix, media, to_page) in enumerate(turns):
        page, content, name, signature = range(6 + 4 * index, 10 + 4 * index)
        fields += [name, signature]
        objects += [
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources 5 0 R /Contents %d 0 R "
            b"/Annots [%d 0 R %d 0 R] >>" % (media + (content, name, signature)),
            stream(b"q\n" + b"%d %d %d %d %d %d cm\n" % matrix + form + b"Q\n"),
            b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (manager%d) /TU (Manager name) /V (Pat Quinn) "
            b"/Rect %s /P %d 0 R /DA (/Helv 10 Tf 0 g) /F 4 >>" % (index + 1, page_rect(ROTATED_NAME_RECT, to_page), page),
            b"<< /Type /Annot /Subtype /Widget /FT /Sig /T (signature%d) /Rect %s /P %d 0 R /F 4 >>"
            % (index + 1, page_rect(ROTATED_SIGNATURE_RECT, to_page), page),
        ]
    margin = b"BT /F1 8 Tf 0 1 -1 0 30 300 Tm (Office use only) Tj ET\n"
    portrait = 6 + 4 * len(turns)
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 5 0 R /Contents %d 0 R >>" % (portrait + 1),
        stream(text_ops([(60, 780, 14, "Upright page"), (60, 740, 10, "Child's name"), (300, 740, 10, "Ava Unsworth")]) + margin),
    ]
    objects[0] = (b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [%s] /NeedAppearances true "
                  b"/DA (/Helv 10 Tf 0 g) /DR << /Font << /Helv 3 0 R >> >> >> >>"
                  % b" ".join(b"%d 0 R" % number for number in fields))
    return build(objects)

def overleaf_pdf():
    """A free-text Bolton form whose manager's signature label ends page 1 and whose picture
    went over the page break to the top of page 2, above the next line (an export from Word)."""
    page1 = text_ops([
        (57, 790, 12, "Resolving Professional Differences and Escalation (RPDE) Form"),
        (57, 760, 10, "Date of receipt: 30/09/2026"),
        (57, 744, 10, "Name of Agency B manager: Priya Evans"),
        (57, 100, 10, "Agency B manager's signature:"),
    ])
    page2 = text_ops([(57, 735, 10, "Date responded to: 01/10/2026"), (57, 719, 10, "Part C: Partnership Resolution"),
                      (57, 703, 10, "Requested on:")])
    # Pixels in the proportions it is drawn in, as Word exports a pasted signature.
    pixels = zlib.compress(bytes([0, 255, 255, 0] * 80))
    image = stream(pixels, b"/Type /XObject /Subtype /Image /Width 32 /Height 10 /ColorSpace /DeviceGray "
                           b"/BitsPerComponent 8 /Filter /FlateDecode ")
    # Drawn from 56.7 to 93.7 points below the top of page 2 (842 - 93.7 = 748.3).
    picture = b"q 119 0 0 37 66 748.3 cm /Im0 Do Q\n"
    return build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /Im0 8 0 R >> >> "
        b"/Contents 7 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(page1),
        stream(picture + page2),
        image,
    ])


def signed_page(picture_objects, content, extra_resources=b""):
    """A one-page form whose signature is a picture: `content` draws it (and the text), and
    `picture_objects` follow the font as objects 5, 6, ... (the content stream is object 4)."""
    return build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> %s>> "
        b"/Contents 4 0 R >>" % extra_resources,
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ] + picture_objects)


SIGNED_TEXT = [(57, 790, 12, "Picture signature fixture"), (57, 760, 10, "Manager's signature:")]
# A 1-bit 16 x 4 stencil, drawn beside the label, as Ghostscript writes a small signature.
INLINE_PICTURE = b"q 120 0 0 30 200 750 cm BI /W 16 /H 4 /BPC 1 /IM true ID \x0f\xf0\xff\x00\xf0\x0f\x00\xff EI Q\n"


def inline_picture_pdf():
    """The signature as an inline image in a Flate-compressed content stream."""
    content = zlib.compress(INLINE_PICTURE + text_ops(SIGNED_TEXT))
    return signed_page([], stream(content, b"/Filter /FlateDecode "))


def ascii85_picture_pdf():
    """The inline image again, in a content stream written in ASCII85 (a filter the probe does not read)."""
    encoded = base64.a85encode(INLINE_PICTURE + text_ops(SIGNED_TEXT)) + b"~>"
    return signed_page([], stream(encoded, b"/Filter /ASCII85Decode "))


def escaped_picture_pdf():
    """An image XObject whose /Subtype is written /Im#61ge, which is /Image."""
    pixels = zlib.compress(bytes([0, 255, 255, 0] * 80))
    image = stream(pixels, b"/Type /XObject /Subtype /Im#61ge /Width 32 /Height 10 /ColorSpace /DeviceGray "
                           b"/BitsPerComponent 8 /Filter /FlateDecode ")
    content = b"q 120 0 0 30 200 750 cm /Im0 Do Q\n" + text_ops(SIGNED_TEXT)
    return signed_page([image], stream(zlib.compress(content), b"/Filter /FlateDecode "),
                       extra_resources=b"/XObject << /Im0 6 0 R >> ")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for name, data in [("fields.pdf", fields_pdf()), ("image-only.pdf", image_only_pdf()),
                       ("no-pages.pdf", no_pages_pdf()), ("plain.pdf", plain_pdf()), ("prose.pdf", prose_pdf()),
                       ("rotated.pdf", rotated_pdf()), ("overleaf.pdf", overleaf_pdf()),
                       ("inline-picture.pdf", inline_picture_pdf()), ("ascii85-picture.pdf", ascii85_picture_pdf()),
                       ("escaped-picture.pdf", escaped_picture_pdf())]:
        with open(os.path.join(OUT, name), "wb") as handle:
            handle.write(data)
        print(name, len(data))
