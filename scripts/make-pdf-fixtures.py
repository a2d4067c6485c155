#!/usr/bin/env python3
"""Writes the small PDFs the PDF reader tests need and the shared forms do not cover.

Raw PDF syntax, standard library only. Run from the package root:
    python3 scripts/make-pdf-fixtures.py
Outputs go to Tests/IntakeReadersTests/Fixtures/pdf/ and are committed, so tests never need Python.
"""
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
    content = stream(text_ops([(50, 780, 12, "Plain fixture"), (50, 760, 10, "Nothing to see here.")]))
    return build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        content,
    ])


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for name, data in [("fields.pdf", fields_pdf()), ("image-only.pdf", image_only_pdf()),
                       ("no-pages.pdf", no_pages_pdf()), ("plain.pdf", plain_pdf())]:
        with open(os.path.join(OUT, name), "wb") as handle:
            handle.write(data)
        print(name, len(data))
