#!/usr/bin/env python3
"""Generate samples/: filled safeguarding forms, each with the record it must give.

Deterministic: the same inputs give byte-identical output (fixed zip times, fixed PDF ids and
dates, fixed MIME boundaries, seeded pseudo-random data). Run from anywhere:

    python3 tools/make_samples.py            # writes samples/
    python3 tools/make_samples.py --check    # regenerates into a temp dir and compares

Inputs: ../shared/forms/blank (blank DOCX + fillable PDF, FORMS.md). The truth of every sample
is computed from the values written into it by the rules of ../shared/forms/filled/README.md
("How the findings are computed"), so truth and document cannot drift apart.
Needs pypdf (pip) and LibreOffice (soffice) for the PDF exports.
"""
from __future__ import annotations

import copy
import hashlib
import json
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BLANK = SHARED / "forms" / "blank"
AS_OF = date(2026, 11, 20)
ZIP_TIME = (2026, 11, 20, 9, 0, 0)
BANK_HOLIDAYS = {date.fromisoformat(d) for d in (
    "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26 "
    "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28").split()}
PLACEHOLDER_TEXT = "Click or tap here to enter text."
PLACEHOLDER_DATE = "Click or tap to enter a date."
FORM_FILES = {"bolton": "bolton-rpde-form", "south-gloucestershire": "south-gloucestershire-monitoring-form",
              "croydon": "croydon-escalation-notification", "west-sussex": "west-sussex-escalation-template"}
PLACEHOLDER_RPR = '<w:rStyle w:val="PlaceholderText"/>'
HEADER_RPR = '<w:b/><w:color w:val="1F4E79"/>'
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"

# --------------------------------------------------------------------------------------------
# What a person writes into a row (the sample definitions below use these)


@dataclass(frozen=True)
class D:
    """A date, written in a British style (style None = the sample's default style)."""
    iso: str
    style: str | None = None


@dataclass(frozen=True)
class Raw:
    """Text written as is into a typed row (an unparseable date, "Stage 2" typed in a choice)."""
    text: str


@dataclass(frozen=True)
class Placeholder:
    """A content control still showing its placeholder."""
    date: bool = False


@dataclass(frozen=True)
class Tracked:
    """A value replaced with Track Changes on: old is deleted (w:del), new inserted (w:ins)."""
    old: object
    new: object


@dataclass(frozen=True)
class Deleted:
    """A value deleted with Track Changes on (only w:del remains): the row is empty."""
    old: object


@dataclass(frozen=True)
class Sig:
    """kind: typed, slash-s, image, empty (DOCX); ink, unsigned (fillable PDF)."""
    kind: str
    name: str = ""


@dataclass
class Sample:
    name: str
    form: str                      # partnership
    fmt: str                       # docx, pdf-from-docx, fillable-pdf
    values: dict
    scenario: str
    tick: str = "sdt"
    tick_rows: dict = field(default_factory=dict)   # key -> tick style for that row only
    date_style: str = "slash"
    layout: str = "table"          # table, free-text
    below: tuple = ()              # keys whose value sits in the row below a spanning label
    old_labels: bool = False
    header_only: bool = False
    content_controls: bool = False
    child_details: str | None = None   # key of the Croydon row that names the child
    notes: str = ""


# --------------------------------------------------------------------------------------------
# The forms: FORMS.md rows zipped with the blank DOCX table rows


@dataclass
class Row:
    label: str
    key: str | None
    type: str
    required: bool
    pdf: str
    old: list
    options: list = field(default_factory=list)    # [(label, value)]
    multi: bool = False
    section: str = ""              # the section heading the row sits under


@dataclass
class Form:
    partnership: str
    kind: str
    stage_key: str
    allowed: list
    required_sigs: list
    old_version: str
    version: str
    rows: list


def parse_forms_md() -> dict:
    forms = {}
    for sec in (BLANK / "FORMS.md").read_text().split("\n## ")[1:]:
        lines = sec.splitlines()
        partnership, kind = [s.strip() for s in lines[0].split("/")]
        body = "\n".join(lines)
        version = re.search(r"Version line: `([^`]*)` \(older copies: `([^`]*)`\)", body)
        stage_key = re.search(r"Stage key: `([^`]*)`, allowed stages: ([\d, ]+)", body)
        sigs = re.search(r"Required signatures: (.*)", body).group(1)
        rows, section = [], ""
        for line in lines:
            if not line.startswith("| ") or line.startswith("| row "):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            label, key, typ, req, pdf, old = cells
            label = label.strip("*")
            key = None if key == "-" else key.strip("`")
            row = Row(label, key, typ, req == "yes", pdf, [o.strip() for o in old.split(";") if o.strip()])
            if typ == "section":
                section = label
            row.section = section
            if typ.startswith(("one of:", "any of:")):
                row.multi = typ.startswith("any of:")
                for opt in typ.split(":", 1)[1].split(", "):
                    opt = opt.strip()
                    if " = " in opt:
                        text, val = opt.rsplit(" = ", 1)
                        val = True if val == "True" else False if val == "False" else int(val)
                    else:
                        text, val = opt, opt
                    row.options.append((text, val))
                row.type = "any" if row.multi else "one"
            rows.append(row)
        forms[partnership] = Form(partnership, kind, stage_key.group(1),
                                  [int(s) for s in stage_key.group(2).replace(",", " ").split()],
                                  re.findall(r"(\w+\.signature)", sigs.split(";")[0]) if sigs != "none" else [],
                                  version.group(2), version.group(1), rows)
    return forms


FORMS = parse_forms_md()


def form_row(form: Form, key: str) -> Row:
    return next(r for r in form.rows if r.key == key)


# --------------------------------------------------------------------------------------------
# Dates, working days, validity


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def render_date(iso: str, style: str) -> str:
    d = date.fromisoformat(iso)
    day = d.day
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return {
        "slash": f"{day:02d}/{d.month:02d}/{d.year}",
        "dots": f"{day:02d}.{d.month:02d}.{d.year % 100:02d}",
        "ordinal": f"{day}{suffix} {MONTHS[d.month - 1]} {d.year}",
        "month-first": f"{MONTHS[d.month - 1][:3]} {day} {d.year}",
        "short-month": f"{day} {MONTHS[d.month - 1][:3]} {d.year}",
        "long": f"{day} {MONTHS[d.month - 1]} {d.year}",
    }[style]


def parse_british_date(text: str) -> str | None:
    """The reading a careful person gives; used to compute truth from what was written."""
    t = text.strip()
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", t)
    months = {m_[:3].lower(): i + 1 for i, m_ in enumerate(MONTHS)}
    try:
        if m:
            y = int(m.group(3))
            return date(y + 2000 if y < 100 else y, int(m.group(2)), int(m.group(1))).isoformat()
        m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})", t)
        if m and m.group(2)[:3].lower() in months:
            return date(int(m.group(3)), months[m.group(2)[:3].lower()], int(m.group(1))).isoformat()
        m = re.fullmatch(r"([A-Za-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", t)
        if m and m.group(1)[:3].lower() in months:
            return date(int(m.group(3)), months[m.group(1)[:3].lower()], int(m.group(2))).isoformat()
    except ValueError:
        return None
    return None


def working_days(start: date, end: date) -> int:
    """Working days after start up to and including end (the day of sending is day 0)."""
    n, d = 0, start
    while d < end:
        d += timedelta(days=1)
        if d.weekday() < 5 and d not in BANK_HOLIDAYS:
            n += 1
    return n


def valid_email(s: str) -> bool:
    return re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", s) is not None


def valid_phone(s: str) -> bool:
    digits = re.sub(r"[\s()\-]", "", s)
    if digits.startswith("+44"):
        digits = "0" + digits[3:]
    return re.fullmatch(r"0\d{9,10}", digits) is not None


# --------------------------------------------------------------------------------------------
# Truth: the record a sample must give, computed from what was written


def written_text(value, sample: Sample) -> str:
    """The text a reader sees for a written value (after Track Changes are applied)."""
    if isinstance(value, D):
        return render_date(value.iso, value.style or sample.date_style)
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, Tracked):
        return written_text(value.new, sample)
    if isinstance(value, (Deleted, Placeholder)) or value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(p.strip() for p in value)
    return str(value)


def compute_truth(sample: Sample, file_name: str, subject: str | None = None) -> dict:
    form = FORMS[sample.form]
    fields, findings = {}, []

    def find(code, fld, note):
        findings.append({"code": code, "field": fld, "note": note})

    for row in form.rows:
        if not row.key:
            continue
        value = sample.values.get(row.key)
        if row.type == "signature":
            kind = {"typed": "typed", "slash-s": "typed", "image": "image", "ink": "ink"}.get(
                value.kind if value else "empty", "none")
            fields[row.key] = {"present": kind != "none", "kind": kind}
            continue
        if row.type in ("one", "any"):
            if isinstance(value, Raw):          # choice typed as text, e.g. "Stage 2"
                m = re.search(r"(\d+)", value.text)
                fields[row.key] = int(m.group(1)) if m else value.text
                continue
            chosen = [v for (t, v) in row.options if value and t in value]
            if row.multi:
                if chosen:
                    fields[row.key] = [t for (t, v) in row.options if t in value]
            elif len(chosen) == 1:
                fields[row.key] = chosen[0]
            elif len(chosen) > 1:
                find("ambiguous-choice", row.key, "two exclusive boxes ticked")
            continue
        text = written_text(value, sample).strip()
        if not text:
            continue
        if row.type == "date":
            iso = parse_british_date(text)
            if iso is None:
                find("invalid-date", row.key, f"'{text}' is not a date")
                continue
            fields[row.key] = iso
        elif row.type == "int":
            fields[row.key] = int(text)
        else:
            fields[row.key] = text
            if row.type == "email" and not valid_email(text):
                find("invalid-email", row.key, "not an e-mail address")
            if row.type == "phone" and not valid_phone(text):
                find("invalid-phone", row.key, "not a telephone number")

    # stage: form, then file name, then e-mail subject
    sk = form.stage_key
    if sk not in fields:
        m = re.search(r"stage[ _-]?(\d)", file_name, re.I) or (
            re.search(r"stage[ _-]?(\d)", subject, re.I) if subject else None)
        if m:
            fields[sk] = int(m.group(1))
    if sk not in fields:
        find("missing-stage", sk, "no stage in the form, the file name or the e-mail")
    elif fields[sk] not in form.allowed:
        find("stage-not-allowed", sk, f"stage {fields[sk]}; this form is used at stages "
             + ", ".join(map(str, form.allowed)))

    for row in form.rows:
        if row.required and row.key and row.key not in fields:
            find("missing-field", row.key, f"required row '{row.label}' is empty")
    required_sigs = list(form.required_sigs)
    if form.partnership == "bolton":
        part_b = ["date.received", "dispute.outcome", "dispute.resolved", "responder.manager",
                  "date.responded"]
        if any(k in fields for k in part_b) or any(f["field"] == "dispute.resolved" for f in findings):
            required_sigs.append("responder.signature")
    for k in required_sigs:
        if not fields[k]["present"]:
            find("missing-signature", k, "signature row is empty")

    chain = [k for k in ("date.completed", "date.sent", "date.received", "date.responded") if k in fields]
    for a, b in zip(chain, chain[1:]):
        if fields[a] > fields[b]:
            find("date-order", b, f"{b} {fields[b]} is before {a} {fields[a]}")

    if form.partnership == "bolton" and "date.sent" in fields:
        sent = date.fromisoformat(fields["date.sent"])
        if "date.responded" in fields:
            n = working_days(sent, date.fromisoformat(fields["date.responded"]))
            if n > 10:
                find("response-overdue", "date.responded", f"responded after {n} working days")
        else:
            n = working_days(sent, AS_OF)
            if n > 10:
                find("response-overdue", "date.responded", f"no response {n} working days after it was sent")
        if fields.get("dispute.resolved") is True and (
                "partnership_request.reason" in fields or "partnership_request.date" in fields):
            find("inconsistent-outcome", "dispute.resolved", "marked resolved yet Partnership Resolution requested")
    if form.partnership == "south-gloucestershire" and fields.get("dispute.days_taken", 0) > 5:
        find("timescale-exceeded", "dispute.days_taken",
             f"{fields['dispute.days_taken']} days, the policy allows 5 working days")
    if form.partnership == "croydon" and sample.child_details:
        find("child-details-present", sample.child_details, "names the child or gives a date of birth")

    return {"file": file_name, "kind": form.kind, "partnership": form.partnership,
            "format": "docx" if sample.fmt == "docx" else "pdf",
            "fields": fields, "findings": sorted({f["code"] for f in findings}),
            "finding_details": findings, "scenario": sample.scenario}


def variations(sample: Sample, file_name: str) -> list:
    tags = [sample.fmt]
    tick_tag = {"sdt": "sdt-checkbox", "fc-default": "formcheckbox", "fc-checked": "formcheckbox",
                "ballot-x": "unicode-ballot", "ballot-check": "unicode-ballot", "check": "check-mark",
                "heavy-check": "check-mark", "wd-sym-fe": "wingdings", "wd-sym-fd": "wingdings",
                "wd-text": "wingdings", "x": "x-typed", "bracket-x": "x-typed", "yes": "yes-typed",
                "deleted": "options-deleted", "pdf": "pdf-checkbox"}
    form = FORMS[sample.form]
    choice_keys = [r.key for r in form.rows if r.type in ("one", "any")]
    styles = []
    for k in choice_keys:
        v = sample.values.get(k)
        if isinstance(v, Raw):
            styles.append("choice-typed")
        elif v:
            styles.append("tick:" + tick_tag["pdf" if sample.fmt == "fillable-pdf"
                                              else sample.tick_rows.get(k, sample.tick)])
    tags += list(dict.fromkeys(styles))
    if sample.content_controls:
        tags.append("content-controls")
    vals = list(sample.values.values())
    if any(isinstance(v, Placeholder) for v in vals):
        tags.append("placeholder-text")
    if any(isinstance(v, Tracked) for v in vals):
        tags.append("tracked-changes")
    if any(isinstance(v, Deleted) for v in vals):
        tags.append("tracked-deletion")
    if sample.below:
        tags.append("value-below")
    if sample.layout == "free-text":
        tags.append("free-text-legacy")
    if sample.old_labels:
        tags.append("old-labels")
    if sample.header_only:
        tags.append("partnership-in-header-only")
    sig_tag = {"typed": "typed", "slash-s": "slash-s", "image": "image", "empty": "empty", "ink": "ink",
               "unsigned": "pdf-unsigned"}
    for row in form.rows:
        if row.type == "signature":
            s = sample.values.get(row.key) or Sig("unsigned" if sample.fmt == "fillable-pdf" else "empty")
            tags.append("signature:" + sig_tag[s.kind])
    styles = []
    for v in vals:
        for x in ([v.old, v.new] if isinstance(v, Tracked) else [v]):
            if isinstance(x, D):
                styles.append("date-style:" + (x.style or sample.date_style))
    tags += styles
    if re.search(r"stage[ _-]?\d", file_name, re.I):
        tags.append("stage-in-filename")
    return list(dict.fromkeys(tags))


# --------------------------------------------------------------------------------------------
# DOCX writing


def zip_write(path_or_buf, parts: list):
    """parts: [(name, bytes)] written with fixed timestamps so output is byte-identical."""
    with zipfile.ZipFile(path_or_buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def png_signature(seed: str, w: int = 160, h: int = 48) -> bytes:
    """A small deterministic PNG: a dark-blue scribble on white."""
    rnd = random.Random(seed)
    px = [[255] * w for _ in range(h)]
    y = h / 2
    for x in range(8, w - 8):
        y = max(6, min(h - 7, y + rnd.uniform(-3.2, 3.2)))
        for dy in (-1, 0, 1):
            px[int(y) + dy][x] = 40
    raw = b"".join(b"\x00" + bytes(row) for row in px)
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


class DocxBuilder:
    """Fills one blank DOCX by rewriting word/document.xml; every other part is kept."""

    def __init__(self, form: Form, sample: Sample):
        self.form, self.sample = form, sample
        z = zipfile.ZipFile(BLANK / (FORM_FILES[form.partnership] + ".docx"))
        self.parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
        self.extra = []
        self.rels_add, self.types_add = [], []
        self.ids = 900
        doc = self.part("word/document.xml").decode()
        b = doc.index("<w:body>") + len("<w:body>")
        t0, t1 = doc.index("<w:tbl>"), doc.index("</w:tbl>") + len("</w:tbl>")
        self.head = doc[:b]
        self.preamble = re.findall(r"<w:p(?:\s[^>]*)?>.*?</w:p>", doc[b:t0], re.S)
        tbl = doc[t0:t1]
        self.tbl_open = tbl[:tbl.index("<w:tr")]
        self.rows = re.findall(r"<w:tr(?:\s[^>]*)?>.*?</w:tr>", tbl, re.S)
        self.tail = doc[t1:]
        assert len(self.rows) == len(form.rows), (form.partnership, len(self.rows), len(form.rows))
        self.total_w = re.search(r'<w:tblW w:w="(\d+)"', self.tbl_open).group(1)

    def part(self, name):
        return next(d for n, d in self.parts if n == name)

    def next_id(self):
        self.ids += 1
        return self.ids

    # ---- runs and paragraphs
    @staticmethod
    def run(text, rpr=""):
        rp = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
        return f'<w:r>{rp}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'

    @staticmethod
    def para(runs, after=60, ppr_extra=""):
        return f'<w:p><w:pPr>{ppr_extra}<w:spacing w:before="0" w:after="{after}"/></w:pPr>{runs}</w:p>'

    def tracked_runs(self, value, deleted_only=False):
        author = self.sample.values.get("raiser.name") or "Author"
        if isinstance(author, (list, Tracked, Deleted, Placeholder, D, Raw)):
            author = "Author"
        attrs = lambda: f'w:id="{self.next_id()}" w:author="{escape(author)}" w:date="2026-01-12T10:15:00Z"'
        old = written_text(value.old, self.sample)
        out = f'<w:del {attrs()}><w:r><w:delText xml:space="preserve">{escape(old)}</w:delText></w:r></w:del>'
        if not deleted_only:
            out += f'<w:ins {attrs()}>{self.run(written_text(value.new, self.sample))}</w:ins>'
        return out

    def image_runs(self, seed):
        n = len(self.extra) + 1
        rid = f"rIdSig{n}"
        self.extra.append((f"word/media/signature{n}.png", png_signature(seed)))
        self.rels_add.append(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/'
                             f'2006/relationships/image" Target="media/signature{n}.png"/>')
        self.types_add.append('<Default Extension="png" ContentType="image/png"/>')
        cx, cy = 1512000, 453600
        return (f'<w:r><w:drawing><wp:inline xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                f'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><wp:extent cx="{cx}" cy="{cy}"/>'
                f'<wp:docPr id="{n}" name="Picture {n}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/>'
                f'</wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
                f'<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="signature{n}.png"/><pic:cNvPicPr/></pic:nvPicPr>'
                f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
                f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"/>'
                f'</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')

    # ---- tick marks
    def mark(self, style, on):
        if style == "sdt":
            return (f'<w:sdt><w:sdtPr><w:id w:val="{self.next_id()}"/><w14:checkbox><w14:checked w14:val="{int(on)}"/>'
                    '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" '
                    'w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" '
                    'w:hAnsi="MS Gothic" w:eastAsia="MS Gothic" w:cs="MS Gothic"/></w:rPr>'
                    f'<w:t xml:space="preserve">{"☒" if on else "☐"}</w:t></w:r></w:sdtContent></w:sdt>')
        if style in ("fc-default", "fc-checked"):
            if style == "fc-default":     # legacy field whose state is only its default
                state = f'<w:default w:val="{int(on)}"/>'
            else:                         # w:checked overrides an opposite w:default
                state = f'<w:default w:val="{int(not on)}"/><w:checked w:val="{int(on)}"/>'
            n = self.next_id()
            return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check{n}"/><w:enabled/>'
                    f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>{state}</w:checkBox></w:ffData></w:fldChar></w:r>'
                    '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
        if style in ("wd-sym-fe", "wd-sym-fd"):
            char = {"wd-sym-fe": "F0FE", "wd-sym-fd": "F0FD"}[style] if on else "F0A8"
            return f'<w:r><w:sym w:font="Wingdings" w:char="{char}"/></w:r>'
        if style == "wd-text":
            return self.run("þ" if on else "¨", '<w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/>')
        raise ValueError(style)

    def option_runs(self, style, text, on):
        """Runs for one option with its mark; None when the option was deleted."""
        glyph = {"ballot-x": "☒", "ballot-check": "☑", "check": "✓", "heavy-check": "✔"}
        if style in glyph:
            return self.run(f"{glyph[style] if on else '☐'} {text}")
        if style == "x":
            return self.run(f"X {text}" if on else text)
        if style == "bracket-x":
            return self.run(f"[{'X' if on else ' '}] {text}")
        if style == "yes":
            return self.run(f"{text} – Yes" if on else text)
        if style == "deleted":
            return self.run(text) if on else None
        return self.mark(style, on) + self.run(f" {text}")

    def choice_paras(self, row: Row, value, style):
        if isinstance(value, Raw):
            return [self.para(self.run(value.text))]
        chosen = set(value or [])
        items = [r for r in (self.option_runs(style, t, t in chosen) for t, _ in row.options) if r]
        inline = not row.multi and len(row.options) <= 2
        if inline:
            return [self.para("<w:r><w:tab/></w:r>".join(items))]
        return [self.para(i, after=20) for i in items]

    # ---- values
    def value_paras(self, row: Row, value):
        s = self.sample
        if row.type in ("one", "any"):
            return self.choice_paras(row, value, s.tick_rows.get(row.key, s.tick))
        if row.type == "signature":
            if value is None or value.kind == "empty":
                return [self.para("")]
            if value.kind == "image":
                return [self.para(self.image_runs(s.name + row.key))]
            return [self.para(self.run(("/s/ " if value.kind == "slash-s" else "") + value.name))]
        if value is None:
            return [self.para("")]
        if isinstance(value, Placeholder):
            text = PLACEHOLDER_DATE if value.date else PLACEHOLDER_TEXT
            kind = ('<w:date><w:dateFormat w:val="dd/MM/yyyy"/><w:lid w:val="en-GB"/><w:storeMappedDataAs '
                    'w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>') if value.date else "<w:text/>"
            return [self.para(f'<w:sdt><w:sdtPr><w:alias w:val="{escape(row.label[:40])}"/><w:tag w:val="{row.key}"/>'
                              f'<w:id w:val="{self.next_id()}"/><w:showingPlcHdr/>{kind}</w:sdtPr><w:sdtContent>'
                              + self.run(text, PLACEHOLDER_RPR) + '</w:sdtContent></w:sdt>')]
        if isinstance(value, Tracked):
            return [self.para(self.tracked_runs(value))]
        if isinstance(value, Deleted):
            return [self.para(self.tracked_runs(value, deleted_only=True))]
        paras = value if isinstance(value, list) else [written_text(value, s)]
        if s.content_controls:
            sdt_pr = (f'<w:sdtPr><w:alias w:val="{escape(row.label[:40])}"/><w:tag w:val="{row.key}"/>'
                      f'<w:id w:val="{self.next_id()}"/>{"<w:text/>" if len(paras) == 1 else ""}</w:sdtPr>')
            if len(paras) == 1:
                return [self.para(f"<w:sdt>{sdt_pr}<w:sdtContent>{self.run(paras[0])}</w:sdtContent></w:sdt>")]
            return [f"<w:sdt>{sdt_pr}<w:sdtContent>{''.join(self.para(self.run(p)) for p in paras)}</w:sdtContent></w:sdt>"]
        return [self.para(self.run(p)) for p in paras]

    def label_for(self, row: Row):
        return row.old[0] if self.sample.old_labels and row.old else row.label

    # ---- layouts
    def table_rows(self):
        out = []
        for xml, row in zip(self.rows, self.form.rows):
            cells = re.findall(r"<w:tc>.*?</w:tc>", xml, re.S)
            if not row.key or len(cells) < 2:
                out.append(xml)
                continue
            trpr = (re.search(r"<w:trPr>.*?</w:trPr>", xml) or [""])[0] if "<w:trPr>" in xml else ""
            label_cell = cells[0]
            if self.label_for(row) != row.label:
                tcpr = re.search(r"<w:tcPr>.*?</w:tcPr>", label_cell).group(0)
                label_cell = (f"<w:tc>{tcpr}" + self.para(self.run(self.label_for(row), '<w:b/><w:sz w:val="19"/>'
                              '<w:szCs w:val="19"/>')) + "</w:tc>")
            value_tcpr = re.search(r"<w:tcPr>.*?</w:tcPr>", cells[1]).group(0)
            paras = self.value_paras(row, self.sample.values.get(row.key))
            if row.key in self.sample.below:
                span = f'<w:tcW w:w="{self.total_w}" w:type="dxa"/><w:gridSpan w:val="2"/>'
                lab_tcpr = re.sub(r'<w:tcW [^>]*/>', span, re.search(r"<w:tcPr>.*?</w:tcPr>", label_cell).group(0))
                lab_inner = label_cell[label_cell.index("</w:tcPr>") + len("</w:tcPr>"):]
                out.append(f"<w:tr><w:tc>{lab_tcpr}{lab_inner}</w:tr>")
                out.append(f"<w:tr>{trpr}<w:tc><w:tcPr>{span}</w:tcPr>{''.join(paras)}</w:tc></w:tr>")
            else:
                out.append(f"<w:tr>{trpr}{label_cell}<w:tc>{value_tcpr}{''.join(paras)}</w:tc></w:tr>")
        return self.tbl_open + "".join(out) + "</w:tbl>"

    def free_text(self):
        """No table: 'Label: value' paragraphs, as older copies of the forms were laid out."""
        out, b = [], '<w:b/>'
        for row in self.form.rows:
            if row.type == "section":
                out.append(self.para(self.run(row.label.upper(), b), after=80, ppr_extra='<w:keepNext/>'))
                continue
            if row.type == "note":
                out.append(self.para(self.run(row.label, '<w:i/>')))
                continue
            label = self.label_for(row)
            if row.section and row.label in ("Name", "Role", "Agency", "Email", "Phone"):
                # one block of text has no section cells: the section goes into the label, as older copies did
                label = f"{row.section} {row.label.lower()}"
            paras = self.value_paras(row, self.sample.values.get(row.key))
            head = self.run(label + ": ", b)
            if row.type == "any":
                out.append(self.para(head))
                out += paras
                continue
            first = paras[0]
            i = first.index("</w:pPr>") + len("</w:pPr>")
            out.append(first[:i] + head + first[i:])
            out += paras[1:]
        return "".join(out)

    def build(self) -> bytes:
        s, form = self.sample, self.form
        pre = list(self.preamble)
        if s.old_labels or s.layout == "free-text":
            pre = [p.replace(escape(form.version), escape(form.old_version)) for p in pre]
        if s.header_only:
            pre = pre[1:]
        body = "".join(pre) + (self.free_text() if s.layout == "free-text" else self.table_rows())
        tail = self.tail
        if s.layout == "free-text":
            tail = tail  # same closing paragraphs and section properties
        parts = dict(self.parts)
        if s.header_only:
            name = self.preamble_text(0)
            parts["word/header1.xml"] = (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="http://schemas.openxmlformats.org/'
                'wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                f'<w:p><w:pPr><w:jc w:val="right"/></w:pPr>{self.run(name, HEADER_RPR)}</w:p>'
                '</w:hdr>').encode()
            self.rels_add.append('<Relationship Id="rIdHdr1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                                 'relationships/header" Target="header1.xml"/>')
            self.types_add.append('<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-'
                                  'officedocument.wordprocessingml.header+xml"/>')
            tail = re.sub(r"(<w:sectPr[^>]*>)", r'\1<w:headerReference w:type="default" r:id="rIdHdr1"/>', tail)
            core = parts["docProps/core.xml"].decode()
            parts["docProps/core.xml"] = core.replace(escape(name), escape(str(s.values.get("raiser.agency", "")))).encode()
            app = parts["docProps/app.xml"].decode()
            parts["docProps/app.xml"] = app.replace(escape(name), "").encode()
        parts["word/document.xml"] = (self.head + body + tail).encode()
        for name, data in self.extra:
            parts[name] = data
        rels = parts["word/_rels/document.xml.rels"].decode()
        parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", "".join(self.rels_add)
                                                             + "</Relationships>").encode()
        types = parts["[Content_Types].xml"].decode()
        for t in dict.fromkeys(self.types_add):
            if t.split('"')[1] not in types:
                types = types.replace("</Types>", t + "</Types>")
        parts["[Content_Types].xml"] = types.encode()
        order = [n for n, _ in self.parts] + [n for n in parts if n not in dict(self.parts)]
        import io
        buf = io.BytesIO()
        zip_write(buf, [(n, parts[n]) for n in order])
        return buf.getvalue()

    def preamble_text(self, i):
        return "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", self.preamble[i])).replace("&amp;", "&").replace("&apos;", "'")


def blank_docx_with_body(partnership: str, paragraphs: list, core_title: str) -> bytes:
    """A DOCX built on a blank form's package but with an unrelated body (covering letters)."""
    import io
    z = zipfile.ZipFile(BLANK / (FORM_FILES[partnership] + ".docx"))
    parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    out = []
    for name, data in parts:
        if name == "word/document.xml":
            doc = data.decode()
            head = doc[:doc.index("<w:body>") + len("<w:body>")]
            sect = re.search(r"<w:sectPr.*</w:sectPr>", doc, re.S).group(0)
            body = "".join(DocxBuilder.para(DocxBuilder.run(p), after=160) for p in paragraphs)
            data = (head + body + sect + "</w:body></w:document>").encode()
        if name == "docProps/core.xml":
            data = re.sub(r"<dc:title>.*?</dc:title>", f"<dc:title>{escape(core_title)}</dc:title>", data.decode())
            data = re.sub(r"<dc:creator>.*?</dc:creator>", "<dc:creator></dc:creator>", data)
            data = re.sub(r"<cp:lastModifiedBy>.*?</cp:lastModifiedBy>", "<cp:lastModifiedBy></cp:lastModifiedBy>",
                          data).encode()
        if name == "docProps/app.xml":
            data = re.sub(r"<Company>.*?</Company>", "<Company></Company>", data.decode()).encode()
        out.append((name, data))
    buf = io.BytesIO()
    zip_write(buf, out)
    return buf.getvalue()


# --------------------------------------------------------------------------------------------
# PDF writing (LibreOffice export, fillable AcroForm, ink, encryption)

import io  # noqa: E402

LO_PROFILE = Path(tempfile.gettempdir()) / "make_samples_lo_profile"


def fixed_id(seed: str):
    from pypdf.generic import ArrayObject, ByteStringObject
    h = hashlib.md5(seed.encode()).digest()
    return ArrayObject([ByteStringObject(h), ByteStringObject(h)])


def finish_pdf(writer, seed: str, producer: str) -> bytes:
    writer.add_metadata({"/CreationDate": "D:20261120090000Z", "/ModDate": "D:20261120090000Z",
                         "/Producer": producer})
    writer._ID = fixed_id(seed)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def docx_to_pdf(docx: bytes, stem: str) -> bytes:
    """LibreOffice export (text layer only, no fields); dates and ids fixed afterwards."""
    from pypdf import PdfReader, PdfWriter
    with tempfile.TemporaryDirectory() as td:
        src = Path(td) / (stem + ".docx")
        src.write_bytes(docx)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{LO_PROFILE}", "--headless", "--convert-to", "pdf",
                        "--outdir", td, str(src)], check=True, capture_output=True, timeout=300)
        data = (Path(td) / (stem + ".pdf")).read_bytes()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    return finish_pdf(writer, stem, "LibreOffice 7.4")


def ink_annotation(writer, page, rect, name: str, seed: str):
    from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject,
                               NumberObject, TextStringObject)
    x0, y0, x1, y1 = [float(v) for v in rect]
    rnd = random.Random(seed)
    pts, x = [], x0 + 10
    while x < min(x1 - 10, x0 + 150):
        pts.append((round(x, 1), round(y0 + (y1 - y0) * rnd.uniform(0.12, 0.88), 1)))
        x += rnd.uniform(4.5, 9.0)
    content = "0 0 0.55 RG 1.4 w 1 J 1 j " + f"{pts[0][0]} {pts[0][1]} m " + " ".join(
        f"{a} {b} l" for a, b in pts[1:]) + " S"
    ap = DecodedStreamObject()
    ap.set_data(content.encode())
    ap.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
               NameObject("/BBox"): ArrayObject([FloatObject(v) for v in (x0, y0, x1, y1)])})
    annot = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Ink"),
        NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (x0, y0, x1, y1)]),
        NameObject("/InkList"): ArrayObject([ArrayObject([FloatObject(v) for p in pts for v in p])]),
        NameObject("/C"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(0.55)]),
        NameObject("/BS"): DictionaryObject({NameObject("/W"): FloatObject(1.4)}),
        NameObject("/F"): NumberObject(4), NameObject("/T"): TextStringObject(name),
        NameObject("/Contents"): TextStringObject("Signature"),
        NameObject("/AP"): DictionaryObject({NameObject("/N"): writer._add_object(ap)}),
        NameObject("/P"): page.indirect_reference})
    page[NameObject("/Annots")].append(writer._add_object(annot))


def fill_pdf(sample: Sample, stem: str, password: str | None = None) -> bytes:
    """Fill the blank fillable PDF: text fields, check boxes (/Yes), ink in signature rects."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject
    form = FORMS[sample.form]
    writer = PdfWriter(clone_from=PdfReader(BLANK / (FORM_FILES[sample.form] + ".pdf")))
    texts, checks, inks = {}, set(), {}
    for row in form.rows:
        if not row.key:
            continue
        v = sample.values.get(row.key)
        if row.type in ("one", "any"):
            checks |= {(row.label + " - " + t)[:60] for t, _ in row.options if v and t in v}
        elif row.type == "signature":
            if v and v.kind == "ink":
                inks[row.pdf] = v.name
            assert v is None or v.kind in ("ink", "unsigned"), "fillable PDFs take ink or nothing"
        else:
            t = written_text(v, sample)
            if t:
                texts[row.pdf] = t
    seen = set()
    for page in writer.pages:
        names = []
        for a in page.get("/Annots", []):
            o = a.get_object()
            t = o.get("/T")
            seen.add(t)
            if t in checks:
                o[NameObject("/V")] = NameObject("/Yes")
                o[NameObject("/AS")] = NameObject("/Yes")
            if t in texts:
                names.append(t)
            if o.get("/FT") == "/Sig" and t in inks:
                ink_annotation(writer, page, o["/Rect"], inks[t], stem + t)
        if names:
            writer.update_page_form_field_values(page, {n: texts[n] for n in names}, auto_regenerate=False)
    missing = (set(texts) | checks | set(inks)) - seen
    assert not missing, missing
    writer.set_need_appearances_writer(True)
    if password:
        writer._ID = fixed_id(stem)
        writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    return finish_pdf(writer, stem, "pypdf")


# --------------------------------------------------------------------------------------------
# E-mail


def encode_words(text: str) -> str:
    """RFC 2047: encode only the non-ASCII words, as mail clients do."""
    out = []
    for w in text.split(" "):
        if all(ord(c) < 128 for c in w):
            out.append(w)
        else:
            out.append("=?utf-8?q?" + "".join(c if c.isalnum() and ord(c) < 128 else
                                               "".join(f"={b:02X}" for b in c.encode()) for c in w) + "?=")
    return " ".join(out)


def make_eml(sender: tuple, subject: str, when: str, body: str, attachments: list, seed: str) -> bytes:
    import email.charset
    from email.mime.application import MIMEApplication
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText
    from email.utils import formataddr
    digest = hashlib.sha1(seed.encode()).hexdigest()
    msg = MIMEMultipart("mixed", boundary="=_intake_" + digest[:24])
    msg["From"] = formataddr(sender)
    msg["To"] = "escalations@partnership.agency.example"
    msg["Subject"] = encode_words(subject)
    msg["Date"] = when
    msg["Message-ID"] = f"<{digest[:20]}@mail.agency.example>"
    cs = email.charset.Charset("utf-8")
    cs.body_encoding = email.charset.QP
    msg.attach(MIMEText(body, "plain", cs))
    for name, data in attachments:
        sub = {"docx": "vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "pdf"}[name.rsplit(".", 1)[1]]
        part = MIMEApplication(data, sub)
        part.add_header("Content-Disposition", "attachment", filename=name)
        msg.attach(part)
    return msg.as_bytes()


# --------------------------------------------------------------------------------------------
# The samples. Invented people and agencies; e-mail on *.example, phones in the Ofcom drama range.

S = Sig


def two(a: str, b: str) -> list:
    return [a, b]


BOLTON_A = {
    "date.completed": D("2026-10-02"), "child.name": "Maisie Hartley", "child.dob": D("2014-03-17"),
    "child.reference": "EHM-40213", "raiser.name": "Deborah Ainsworth", "raiser.role": "Designated Safeguarding Lead",
    "raiser.agency": "Riverside Primary School", "raiser.email": "d.ainsworth@riverside-primary.example",
    "raiser.phone": "01632 960412", "raiser.manager": "Graham Pilling", "responder.name": "Tomasz Wilk",
    "responder.role": "Senior Social Worker", "responder.agency": "Children's Social Care – Assessment Team",
    "dispute.themes": ["Application of thresholds and processes in the Framework for Action",
                       "Information sharing and communication"],
    "dispute.summary": two("The contact about Maisie was closed at the front door with advice only. School has "
                           "continuing concerns about her attendance (72%) and two disclosures of being left alone "
                           "overnight.", "The Assessment Team's view is that the threshold for a Child and Family "
                           "Assessment is not met and that Early Help is the right response."),
    "dispute.actions_taken": "DSL and duty social worker spoke on 22/09/2026; team managers discussed the case on "
                             "29/09/2026 without agreement.",
    "dispute.desired_outcome": "A Child and Family Assessment is completed and Maisie is seen on her own.",
    "raiser.signature": S("typed", "Graham Pilling"), "date.sent": D("2026-10-05"), "stage": ["Formal Resolution"],
    "date.received": D("2026-10-06"),
    "dispute.outcome": "Agreed to open a Child and Family Assessment; allocated to a social worker on 13/10/2026.",
    "dispute.resolved": ["Yes"], "responder.manager": "Sunita Ravel", "responder.signature": S("typed", "Sunita Ravel"),
    "date.responded": D("2026-10-14"),
}

BOLTON_B = {
    "date.completed": D("2026-08-19"), "child.name": "Kacper Nowicki", "child.dob": D("2011-09-02"),
    "child.reference": "LCS 7712093", "raiser.name": "Sgt Aled Pryce", "raiser.role": "Police Sergeant",
    "raiser.agency": "Public Protection Unit, Example Constabulary", "raiser.email": "aled.pryce@ppu.police.example",
    "raiser.phone": "+44 1632 960587", "raiser.manager": "DI Rachel Moorcroft", "responder.name": "Jenna Crossley",
    "responder.role": "Practice Manager", "responder.agency": "Youth Justice Service",
    "dispute.themes": ["Quality and/or timeliness of interventions", "Decisions made within strategy discussions"],
    "dispute.summary": two("Kacper has been missing from home four times since July and was found in another town "
                           "with older males. Police request a strategy discussion under child exploitation "
                           "procedures.", "Youth Justice Service consider the current voluntary plan sufficient "
                           "and declined a strategy discussion on 14/08/2026."),
    "dispute.actions_taken": "Practitioners spoke on 12/08/2026 and managers on 17/08/2026; no agreement.",
    "dispute.desired_outcome": "A strategy discussion is convened and an exploitation risk assessment completed.",
    "raiser.signature": S("slash-s", "Rachel Moorcroft"), "date.sent": D("2026-08-20"), "stage": ["Formal Resolution"],
    "date.received": D("2026-08-21"),
    "dispute.outcome": "Strategy discussion declined again; Youth Justice Service will review at the next plan review.",
    "dispute.resolved": ["No"], "responder.manager": "Owen Bickerstaffe",
    "responder.signature": S("slash-s", "Owen Bickerstaffe"), "date.responded": D("2026-09-07"),
}

BOLTON_C = {
    "date.completed": D("2026-05-29"), "child.name": "Amara Oyelaran", "child.dob": D("2019-12-08"),
    "child.reference": "EHM-55871", "raiser.name": "Helen Threlfall", "raiser.role": "Health Visitor",
    "raiser.agency": "Bolton Health Visiting Service", "raiser.email": "helen.threlfall@hv.nhs.example",
    "raiser.phone": "01632 960733", "raiser.manager": "Carol Ince", "responder.name": "Marcus Doyle",
    "responder.role": "Early Help Practitioner", "responder.agency": "Early Help Service",
    "dispute.themes": ["Service referral criteria"],
    "dispute.summary": two("Amara has missed three developmental reviews and her weight has dropped from the 50th "
                           "to the 9th centile. The referral to Early Help was declined as the family did not "
                           "consent.", "Health Visiting consider the concerns meet the threshold for support "
                           "without consent being the deciding factor."),
    "dispute.actions_taken": "Telephone discussion with the Early Help duty worker on 26/05/2026.",
    "dispute.desired_outcome": "The referral is accepted and the family are offered a service.",
    "raiser.signature": S("ink", "Carol Ince"), "date.sent": D("2026-06-01"), "stage": ["Formal Resolution"],
}

MONITOR_A = {
    "child.name": "Oliver Penhaligon",
    "dispute.summary": two("Kingswood Academy referred concerns about Oliver's self-harm; CAMHS declined the "
                           "referral pending a school-based intervention.", "CAMHS view: the presentation is "
                           "mild to moderate and suits the Mental Health Support Team. School view: the "
                           "injuries are escalating and need specialist assessment."),
    "dispute.outcome": two("Agreed that CAMHS will offer a choice appointment within 10 working days.",
                           "School will share the safety plan with CAMHS and the GP."),
    "raiser.signature": S("typed", "Bethan Rowe"), "raiser.name": "Bethan Rowe", "raiser.role": "Deputy Head",
    "raiser.agency": "Kingswood Academy", "responder.signature": S("typed", "Dr Imran Haq"),
    "responder.name": "Dr Imran Haq", "responder.role": "CAMHS Team Lead", "responder.agency": "Avon CAMHS (Example)",
    "resolution_stage": ["Stage 3"], "dispute.days_taken": 3,
    "feedback": "Clear and quick once the managers spoke; a contact list for each agency would help.",
}

MONITOR_B = {
    "child.name": "Ruby-Mae Tozer",
    "dispute.summary": two("Housing gave notice on the family's temporary accommodation; Children's Social Care "
                           "asked for the notice to be withdrawn while an assessment is completed.",
                           "Housing view: the tenancy breaches were serious and repeated."),
    "dispute.outcome": "Notice suspended for 28 days; joint visit by Housing and the social worker arranged.",
    "raiser.signature": S("slash-s", "Lorna Field"), "raiser.name": "Lorna Field", "raiser.role": "Team Manager",
    "raiser.agency": "Children's Social Care – Safeguarding Team East", "responder.signature": S("slash-s", "Pete Garrow"),
    "responder.name": "Pete Garrow", "responder.role": "Housing Options Manager",
    "responder.agency": "Housing Options Team", "resolution_stage": ["Stage 4"], "dispute.days_taken": 2,
    "feedback": "The form is short and easy to use.",
}

CROYDON_A = {
    "raiser.name": "Adaeze Nwosu", "raiser.role": "Safeguarding Lead", "raiser.agency": "Croydon Example NHS Trust",
    "raiser.contact": "adaeze.nwosu@trust.nhs.example / 01632 960215",
    "dispute.summary": two("The hospital's referral following a presentation with an unexplained injury was "
                           "closed by the front door with no strategy discussion.", "Our view is that the "
                           "injury and the explanation given required a strategy discussion under the "
                           "child protection procedures."),
    "dispute.actions_taken": "Discussed with the front door team manager on 03/11/2026 and with the service "
                             "manager on 06/11/2026.",
    "dispute.outcome": "Unresolved: the service manager upheld the decision to close the contact.",
    "dispute.meeting_request": "We request a CSCB led Dispute Resolution Meeting to consider the threshold "
                               "applied to injuries in non-mobile infants.",
}

CROYDON_B = {
    "raiser.name": "Femi Adebayo", "raiser.role": "Head of Service", "raiser.agency": "Croydon Youth Offending Service",
    "raiser.contact": "+44 1632 960366",
    "dispute.summary": "Disagreement with Housing about the suitability of emergency accommodation for a 16-year-old "
                       "placed 40 miles from school.",
    "dispute.actions_taken": "Managers met on 14/09/2026; Head of Service discussion on 21/09/2026.",
    "dispute.outcome": "Resolved: Housing agreed to source accommodation in borough within 14 days.",
}

WSX_A = {
    "date.completed": D("2026-09-15"), "stage": ["Stage 3: Senior Manager to Senior Manager"],
    "raiser.name": "Clare Mountford", "raiser.role": "Named Nurse for Safeguarding",
    "raiser.agency": "Sussex Example Community NHS Trust", "raiser.email": "clare.mountford@sect.nhs.example",
    "raiser.phone": "01632 960940", "responder.name": "Rob Tilling", "responder.role": "Service Manager",
    "responder.agency": "West Sussex Children's Services – Assessment Hub",
    "child.name": "J.K.", "child.reference": "WS/26/40418",
    "dispute.themes": ["Criteria for referrals and levels of need", "Timeliness of interventions"],
    "dispute.summary": two("A referral about neglect was stepped down to Early Help without a home visit.",
                           "The Trust considers the repeated missed medical appointments meet the threshold "
                           "for a statutory assessment."),
    "dispute.actions_taken": "Stage 1 discussion on 01/09/2026; Stage 2 between managers on 08/09/2026.",
    "dispute.timeframe": "5 working days (by 22/09/2026)",
    "dispute.outcome": "Assessment Hub agreed to a joint home visit on 21/09/2026.",
    "raiser.signature": S("typed", "Clare Mountford"), "raiser.signed_on": D("2026-09-15"),
}

WSX_B = {
    "date.completed": D("2026-02-03"), "stage": ["Stage 4: Professional leads for Safeguarding"],
    "raiser.name": "Martin Okafor", "raiser.role": "Detective Inspector",
    "raiser.agency": "Sussex Example Police – Safeguarding Investigations Unit",
    "raiser.email": "martin.okafor@police.example", "raiser.phone": "+44 1632 960471",
    "responder.name": "Gemma Ashdown", "responder.role": "Head of Education Safeguarding",
    "responder.agency": "County Education Safeguarding Team", "child.name": "T.R.", "child.reference": "WS/26/03317",
    "dispute.themes": ["Roles and responsibilities of workers", "Information sharing and communication"],
    "dispute.summary": two("School did not share a disclosure with police for nine days.",
                           "Education Services consider the school's referral route was followed."),
    "dispute.actions_taken": "Stage 3 senior managers' meeting on 27/01/2026 without agreement.",
    "dispute.timeframe": "10 working days",
    "raiser.signature": S("slash-s", "Martin Okafor"), "raiser.signed_on": D("2026-02-03"),
}


def form_samples() -> list:
    B, M, C, W = "bolton", "south-gloucestershire", "croydon", "west-sussex"
    part_b = ["date.received", "dispute.outcome", "dispute.resolved", "responder.manager", "responder.signature",
              "date.responded"]
    a_only = dict(BOLTON_C)
    return [
        # ---------------- Bolton RPDE form
        Sample("bolton-rpde-form-01.docx", B, "docx", {**BOLTON_A, "partnership_request.reason": Placeholder(),
               "partnership_request.date": Placeholder(date=True)}, "ontime", tick="sdt", content_controls=True),
        Sample("bolton-rpde-form-02-late.docx", B, "docx", BOLTON_B, "late", tick="fc-default", date_style="dots"),
        Sample("bolton-rpde-form-03-bank-holiday.docx", B, "docx",
               {**BOLTON_B, "date.responded": D("2026-09-04"), "dispute.resolved": ["Yes"],
                "dispute.outcome": "Strategy discussion held on 03/09/2026; exploitation risk assessment started.",
                "raiser.signature": S("image"), "responder.signature": S("image")},
               "ontime-bank-holiday", tick="fc-checked", date_style="long",
               notes="sent 2026-08-20, response 2026-09-04: 10 working days because 2026-08-31 is a bank holiday"),
        Sample("bolton-rpde-form-04.pdf", B, "fillable-pdf", a_only, "pending-overdue"),
        Sample("bolton-rpde-form-05-ambiguous.docx", B, "docx",
               {**BOLTON_A, "dispute.resolved": ["Yes", "No"], "date.sent": D("2026-10-12"),
                "date.completed": D("2026-10-09"), "date.received": D("2026-10-13"), "date.responded": D("2026-10-19")},
               "ambiguous-resolved", tick="ballot-x"),
        Sample("bolton-rpde-form-06-stage4.docx", B, "docx",
               {**BOLTON_C, "stage": None, "raiser.signature": S("typed", "Carol Ince"),
                "date.received": D("2026-06-02"), "dispute.outcome": "Early Help will offer a consent conversation "
                "with the family; referral to remain closed.", "dispute.resolved": ["Yes"],
                "responder.manager": "Lisa Entwistle", "responder.signature": S("typed", "Lisa Entwistle"),
                "date.responded": D("2026-06-10"),
                "partnership_request.reason": "The response does not address the weight loss; Health Visiting "
                "asks for referral to the statutory safeguarding partners.",
                "partnership_request.date": D("2026-06-12")},
               "inconsistent-stage-in-filename", tick="wd-sym-fe"),
        Sample("bolton-rpde-form-07.docx", B, "docx",
               {**BOLTON_A, "date.sent": D("2026-02-02"), "date.completed": D("2026-02-02"),
                "date.received": D("2026-02-03"), "date.responded": D("2026-02-12"),
                "responder.signature": S("empty"), "raiser.signature": S("slash-s", "Graham Pilling"),
                "dispute.actions_taken": "DSL and duty social worker spoke on 19/01/2026; team managers discussed "
                                         "the case on 27/01/2026 without agreement.",
                "dispute.outcome": "Agreed to open a Child and Family Assessment; allocated on 11/02/2026."},
               "nosig-b", tick="yes", tick_rows={"dispute.resolved": "deleted"}, layout="free-text", old_labels=True, date_style="ordinal"),
        Sample("bolton-rpde-form-08.docx", B, "docx",
               {**{k: v for k, v in BOLTON_B.items() if k not in part_b}, "child.name": Deleted("Kacper Nowicki"),
                "date.completed": D("2026-11-11"), "date.sent": Tracked(D("2026-11-11"), D("2026-11-12")),
                "dispute.actions_taken": Tracked("Practitioners spoke.", "Practitioners spoke on 05/11/2026 and "
                                                 "managers on 10/11/2026; no agreement.")},
               "child-name-deleted", tick="bracket-x"),
        Sample("bolton-rpde-form-09.pdf", B, "pdf-from-docx",
               {**BOLTON_A, "date.completed": D("2026-03-06"), "date.sent": D("2026-03-09"),
                "date.received": D("2026-03-10"), "date.responded": D("2026-03-04"),
                "dispute.actions_taken": "DSL and duty social worker spoke on 23/02/2026; no agreement.",
                "dispute.outcome": "Agreed to open a Child and Family Assessment.",
                "raiser.signature": S("image"), "responder.signature": S("image")},
               "date-order", tick="check", date_style="short-month"),
        Sample("bolton-rpde-form-10.docx", B, "docx",
               {**BOLTON_A, "child.dob": Raw("31/02/2016")}, "invalid-date", tick="wd-text", header_only=True),
        Sample("bolton-rpde-form-11.pdf", B, "fillable-pdf",
               {**BOLTON_B, "stage": ["Partnership Resolution"], "raiser.signature": S("ink", "Rachel Moorcroft"),
                "responder.signature": S("ink", "Owen Bickerstaffe"), "date.responded": D("2026-08-28"),
                "partnership_request.reason": "Youth Justice Service still declines a strategy discussion; the "
                "Public Protection Unit asks the statutory partners to decide.",
                "partnership_request.date": D("2026-09-01")}, "partnership-request"),
        Sample("bolton-rpde-form-12.docx", B, "docx",
               {**BOLTON_A, "date.completed": D("2026-10-02", "dots"), "child.dob": D("2014-03-17", "ordinal"),
                "date.sent": D("2026-10-05", "month-first"), "date.received": D("2026-10-06", "short-month"),
                "date.responded": D("2026-10-14", "long")}, "date-styles", tick="wd-sym-fd"),
        # ---------------- South Gloucestershire monitoring form
        Sample("south-glos-monitoring-form-01.docx", M, "docx", MONITOR_A, "clean", tick="sdt"),
        Sample("south-glos-monitoring-form-02.docx", M, "docx", {**MONITOR_B, "resolution_stage": Raw("Stage 2")},
               "stage-not-allowed"),
        Sample("south-glos-monitoring-form-03.pdf", M, "pdf-from-docx",
               {**MONITOR_A, "dispute.days_taken": 7, "raiser.signature": S("image"),
                "responder.signature": S("image")}, "timescale", tick="ballot-check"),
        Sample("south-glos-monitoring-form-04.pdf", M, "fillable-pdf",
               {**MONITOR_B, "raiser.signature": None, "responder.signature": None, "dispute.days_taken": 5},
               "nosig-both"),
        Sample("south-glos-monitoring-form-05.pdf", M, "fillable-pdf",
               {**MONITOR_A, "raiser.signature": S("ink", "Bethan Rowe"),
                "responder.signature": S("ink", "Imran Haq"), "dispute.days_taken": 4}, "clean"),
        Sample("south-glos-monitoring-form-06.docx", M, "docx",
               {**MONITOR_A, "child.name": Placeholder(), "raiser.signature": S("empty"),
                "feedback": Placeholder()}, "placeholder-child-nosig-a", tick="fc-checked", content_controls=True),
        Sample("south-glos-monitoring-form-07.docx", M, "docx", {**MONITOR_B, "dispute.days_taken": 5},
               "old-labels", tick="x", old_labels=True),
        Sample("south-glos-monitoring-form-08.docx", M, "docx",
               {**MONITOR_A, "responder.name": Deleted("Dr Imran Haq"), "dispute.days_taken": Tracked(6, 4)},
               "responder-name-deleted", tick="wd-sym-fd"),
        Sample("south-glos-monitoring-form-09.docx", M, "docx",
               {**MONITOR_B, "resolution_stage": ["Stage 3", "Stage 4"]}, "ambiguous-stage", tick="sdt"),
        Sample("south-glos-monitoring-form-10.docx", M, "docx", {**MONITOR_A, "resolution_stage": ["Stage 4"]},
               "header-only", tick="deleted", header_only=True, below=("dispute.summary", "dispute.outcome")),
        # ---------------- Croydon escalation notification (no stage box)
        Sample("croydon-escalation-notification-01-stage3.docx", C, "docx", CROYDON_A, "clean"),
        Sample("croydon-escalation-notification-02-stage4.docx", C, "docx",
               {**CROYDON_A, "dispute.summary": two("The hospital's referral about Lily-Rose Okonkwo following a "
                "presentation with an unexplained injury was closed with no strategy discussion.",
                "Our view is that a strategy discussion was required."), "dispute.meeting_request": Placeholder()},
               "child-name", content_controls=True, child_details="dispute.summary"),
        Sample("croydon-escalation-notification-03.pdf", C, "fillable-pdf", {**CROYDON_B, "raiser.contact": None},
               "no-stage-no-contact"),
        Sample("croydon-escalation-notification-04-stage5.pdf", C, "pdf-from-docx", CROYDON_A, "old-labels-below",
               old_labels=True, below=("dispute.summary", "dispute.outcome", "dispute.meeting_request")),
        Sample("croydon-escalation-notification-06-stage3.docx", C, "docx",
               {**CROYDON_B, "dispute.summary": "Disagreement with Housing about emergency accommodation for a "
                "young person (DOB 14/03/2010) placed 40 miles from school."},
               "dob-given", layout="free-text", old_labels=True, child_details="dispute.summary"),
        # ---------------- West Sussex escalation template
        Sample("west-sussex-escalation-template-01.docx", W, "docx", WSX_A, "clean", tick="sdt"),
        Sample("west-sussex-escalation-template-02.docx", W, "docx",
               {**WSX_B, "raiser.email": "martin.okafor at police.example"}, "invalid-email", tick="heavy-check",
               date_style="month-first"),
        Sample("west-sussex-escalation-template-03.docx", W, "docx",
               {**WSX_B, "stage": Raw("Stage 4: Professional leads for Safeguarding")}, "free-text",
               tick="x", layout="free-text", old_labels=True, date_style="dots"),
        Sample("west-sussex-escalation-template-04.pdf", W, "pdf-from-docx",
               {**WSX_A, "stage": ["Stage 5: Escalation to SCP"], "raiser.signature": S("image")},
               "value-below", tick="deleted", date_style="ordinal",
               below=("dispute.summary", "dispute.actions_taken", "dispute.outcome")),
        Sample("west-sussex-escalation-template-05.pdf", W, "fillable-pdf",
               {**WSX_A, "raiser.signature": None, "raiser.phone": "01632 96"}, "nosig-invalid-phone"),
        Sample("west-sussex-escalation-template-06.docx", W, "docx",
               {**WSX_A, "stage": ["Stage 2: Manager to Manager"], "raiser.signature": S("empty")},
               "stage-not-allowed-nosig", tick="fc-default"),
        Sample("west-sussex-escalation-template-07.docx", W, "docx",
               {**WSX_B, "dispute.outcome": Placeholder(), "dispute.timeframe": Placeholder()},
               "header-only", tick="wd-text", header_only=True, content_controls=True),
    ]


# Sample ids whose stage absence follows only from an ambiguous tick: "missing-stage" is defensible either way.
FINDINGS_ALT_WITHOUT_MISSING_STAGE = {"south-glos-monitoring-form-09.docx"}


# --------------------------------------------------------------------------------------------
# Documents that are not forms, and e-mails

COVERING_LETTER = [
    "Harbour Family Trust, 14 Quay Street, Exampleton EX1 4QT",
    "20 October 2026",
    "Dear colleague,",
    "Please find enclosed our escalation form regarding the professional difference we discussed by telephone "
    "last week. We would be grateful if you could confirm receipt and let us know who will respond.",
    "If you need anything further, please contact me on 01632 960158 or at intake.team@harbour-trust.example.",
    "Yours faithfully,",
    "Nasreen Chaudhry",
    "Practice Lead, Harbour Family Trust",
]


def non_form_truth(file_name, fmt, code, note, scenario, tags):
    return {"file": file_name, "kind": None, "partnership": None, "format": fmt, "fields": {},
            "findings": [code], "finding_details": [{"code": code, "field": None, "note": note}],
            "scenario": scenario, "variations": tags}


def build_form(sample: Sample, stem: str) -> bytes:
    if sample.fmt == "fillable-pdf":
        return fill_pdf(sample, stem)
    docx = DocxBuilder(FORMS[sample.form], sample).build()
    return docx if sample.fmt == "docx" else docx_to_pdf(docx, stem)


def form_truth(sample: Sample, file_name: str, subject=None) -> dict:
    t = compute_truth(sample, file_name, subject)
    t["variations"] = variations(sample, file_name)
    if sample.name in FINDINGS_ALT_WITHOUT_MISSING_STAGE:
        t["findings_alt"] = [c for c in t["findings"] if c != "missing-stage"]
    if sample.notes:
        t["note"] = sample.notes
    return t


def build_all(out: Path) -> list:
    """Writes every sample and its truth into out; returns manifest entries."""
    out.mkdir(parents=True, exist_ok=True)
    docs = []   # (file name, bytes, truth)
    for s in form_samples():
        docs.append((s.name, build_form(s, Path(s.name).stem), form_truth(s, s.name)))

    letter = blank_docx_with_body("bolton", COVERING_LETTER, "Covering letter")
    docs.append(("covering-letter.docx", letter,
                 non_form_truth("covering-letter.docx", "docx", "unknown-document", "covering letter", "unknown",
                                ["docx", "covering-letter"])))
    docs.append(("empty.docx", b"", non_form_truth("empty.docx", "docx", "unreadable-document", "empty file",
                                                   "unreadable", ["docx", "empty-file"])))
    whole = DocxBuilder(FORMS["croydon"], Sample(
        "x.docx", "croydon", "docx", CROYDON_B, "clean")).build()
    docs.append(("truncated.docx", whole[: len(whole) * 2 // 5],
                 non_form_truth("truncated.docx", "docx", "unreadable-document", "truncated zip", "unreadable",
                                ["docx", "truncated"])))
    docs.append(("random-bytes.pdf", random.Random("random-bytes").randbytes(6144),
                 non_form_truth("random-bytes.pdf", "pdf", "unreadable-document", "not a PDF: random bytes",
                                "unreadable", ["random-bytes"])))
    enc = Sample("encrypted.pdf", "west-sussex", "fillable-pdf", {**WSX_A, "raiser.signature": None}, "encrypted")
    docs.append(("encrypted-west-sussex.pdf", fill_pdf(enc, "encrypted-west-sussex", password="Example-2026"),
                 non_form_truth("encrypted-west-sussex.pdf", "pdf", "unreadable-document",
                                "encrypted with a password", "unreadable", ["fillable-pdf", "encrypted"])))

    # e-mail 1: Croydon notification (no stage box), stage only in the subject
    subj = "Escalation notification – Stage 4"
    cro = Sample("Escalation notification.docx", "croydon", "docx",
                 {**CROYDON_B, "dispute.outcome": Tracked("Not resolved.", "Resolved: Housing agreed to source "
                                                          "accommodation in borough within 14 days.")}, "stage-in-subject")
    eml_name = "croydon-escalation-notification-05.eml"
    body = ("Dear Board colleagues,\n\nPlease find attached our updated escalation notification — we have now "
            "reached the Head of Service stage and would welcome the Board's oversight. The notification holds no "
            "details of the young person, as the template asks.\n\nKind regards,\nFemi Adebayo\nHead of Service, "
            "Croydon Youth Offending Service\nTel 01632 960366\n")
    att = DocxBuilder(FORMS["croydon"], cro).build()
    t = form_truth(cro, eml_name, subj)
    t.update({"file": eml_name, "attachment": cro.name, "attachment_index": 0,
              "email": {"sender": "femi.adebayo@yos.croydon.example", "subject": subj}})
    t["variations"] = ["eml-attachment"] + t["variations"] + ["stage-in-subject"]
    docs.append((eml_name, make_eml(("Femi Adebayo", "femi.adebayo@yos.croydon.example"), subj,
                                    "Fri, 02 Oct 2026 11:42:00 +0100", body, [(cro.name, att)], eml_name), [t]))

    # e-mail 2: Bolton form with no stage ticked + a covering letter; stage 3 in the subject
    subj = "RPDE form – Stage 3 (Formal Resolution) – Hartley"
    bol = Sample("RPDE form.docx", "bolton", "docx", {**BOLTON_A, "stage": None}, "stage-in-subject", tick="sdt")
    eml_name = "bolton-rpde-form-13.eml"
    body = ("Hello,\n\nAttached are the RPDE form (Part A and Part B completed) and our covering letter. "
            "Agency B responded within 10 working days.\n\nThanks,\nDeborah Ainsworth\nDSL, Riverside Primary School\n")
    t1 = form_truth(bol, eml_name, subj)
    t1.update({"file": eml_name, "attachment": bol.name, "attachment_index": 0,
               "email": {"sender": "d.ainsworth@riverside-primary.example", "subject": subj}})
    t1["variations"] = ["eml-attachment"] + t1["variations"] + ["stage-in-subject"]
    t2 = non_form_truth(eml_name, "docx", "unknown-document", "covering letter", "unknown",
                        ["eml-attachment", "covering-letter"])
    t2.update({"attachment": "Covering letter.docx", "attachment_index": 1, "email": t1["email"]})
    docs.append((eml_name, make_eml(("Deborah Ainsworth", "d.ainsworth@riverside-primary.example"), subj,
                                    "Wed, 14 Oct 2026 16:05:00 +0100", body,
                                    [(bol.name, DocxBuilder(FORMS["bolton"], bol).build()),
                                     ("Covering letter.docx", letter)], eml_name), [t1, t2]))

    manifest = []
    for name, data, truth in sorted(docs, key=lambda d: d[0]):
        (out / name).write_bytes(data)
        (out / (name + ".truth.json")).write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n")
        entries = truth if isinstance(truth, list) else [truth]
        manifest.append({"file": name, "truth": name + ".truth.json", "bytes": len(data),
                         "kind": [e["kind"] for e in entries] if isinstance(truth, list) else truth["kind"],
                         "partnership": ([e["partnership"] for e in entries] if isinstance(truth, list)
                                         else truth["partnership"]),
                         "findings": ([e["findings"] for e in entries] if isinstance(truth, list) else truth["findings"]),
                         "variations": sorted({v for e in entries for v in e["variations"]},
                                              key=[v for e in entries for v in e["variations"]].index)})
    (out / "MANIFEST.json").write_text(json.dumps(
        {"set": "samples", "as_of": AS_OF.isoformat(), "generator": "tools/make_samples.py", "files": len(manifest),
         "bytes": sum(m["bytes"] for m in manifest), "documents": manifest}, indent=1, ensure_ascii=False) + "\n")
    return manifest


README_HEAD = """# samples/ – filled forms with the records they must give

Generated by `python3 tools/make_samples.py` (deterministic; `--check` rebuilds twice into temp
folders and compares bytes). Do not edit by hand: change the generator and rerun.

Each document `NAME` has `NAME.truth.json` in the format of `../shared/forms/filled/*.truth.json`
(`file`, `kind`, `partnership`, `format`, `fields`, `findings`, `finding_details`, `scenario`,
`variations`; optional `findings_alt`, `note`). An `.eml` has a list, one entry per attachment,
with `attachment`, `attachment_index` and `email`. `MANIFEST.json` lists everything.

Truth follows the conventions of `../shared/forms/filled/README.md`: "today" is 2026-11-20
(`intake extract --as-of 2026-11-20`), dates ISO, several paragraphs joined with "\\n", signature
rows always `{"present", "kind"}`. The generator computes `fields` and `findings` from the values
it writes, with the rules of "How the findings are computed" (required rows from
`../shared/forms/blank/FORMS.md`, England and Wales bank holidays, the day of sending is day 0).
Compare `findings` as sets.

What the tick styles look like in the DOCX XML:

| tag | XML |
|---|---|
| tick:sdt-checkbox | `w:sdt` with `w14:checkbox`, `w14:checked w14:val="1"`, glyph ☒ |
| tick:formcheckbox | legacy `FORMCHECKBOX`: `-02-late` ticks with `w:default w:val="1"` and no `w:checked`; `-03-bank-holiday` and monitoring `-06` use `w:checked` that overrides an opposite `w:default` (unticked boxes have default 1, checked 0) |
| tick:unicode-ballot | ☒ (bolton `-05`) or ☑ (monitoring `-03`) typed before the option, ☐ before the others |
| tick:check-mark | ✓ (bolton `-09`) or ✔ (west-sussex `-02`) before the option |
| tick:wingdings | `w:sym w:font="Wingdings" w:char="F0FE"` (bolton `-06`), `F0FD` (bolton `-12`, monitoring `-08`), or a Wingdings text run holding `þ` (bolton `-10`, west-sussex `-07`); unticked boxes are `F0A8` / `¨` |
| tick:x-typed | `X Option` (monitoring `-07`, west-sussex `-03`) or `[X] Option` beside `[ ] Option` (bolton `-08`) |
| tick:yes-typed | `Option – Yes` (bolton `-07`) |
| tick:options-deleted | only the chosen option is left in the cell (monitoring `-10`, west-sussex `-04`, bolton `-07` Resolved?) |
| choice-typed | the choice written as text in place of boxes (`Stage 2`, `Stage 4: Professional leads…`) |
| tick:pdf-checkbox | AcroForm check box with `/V /Yes` and `/AS /Yes` |

Signatures: `signature:typed` (the name), `signature:slash-s` (`/s/ Name`), `signature:image` (a PNG in
`word/media` with its relationship and a `w:drawing` in the signature cell), `signature:empty`;
fillable PDFs: `signature:pdf-unsigned` (the `/Sig` field has no value → present false, kind none),
`signature:ink` (an `/Ink` annotation drawn inside the signature field's rectangle → kind ink).

Other variations: `content-controls` (values inside `w:sdt` text controls), `placeholder-text`
(a control still showing "Click or tap here to enter text." with `w:showingPlcHdr` → field
absent), `tracked-changes` (old value in `w:del`, new value in `w:ins`: the insertion counts),
`tracked-deletion` (the whole value in `w:del` → field absent), `value-below` (label in a row
spanning the table, value in the next spanning row), `free-text-legacy` (no table, `Label: value`
paragraphs; rows under a section get the section in the label, e.g. "Agency A practitioner name"),
`old-labels` (the older wordings of FORMS.md and the older version line),
`partnership-in-header-only` (the partnership's name only in `word/header1.xml`; the body and
core properties do not name it), `stage-in-filename`, `stage-in-subject`, `pdf-from-docx`
(LibreOffice export of the filled DOCX: text layer, no fields), `fillable-pdf` (the blank
AcroForm filled with pypdf).

Notes on particular samples:

- `bolton-rpde-form-03-bank-holiday.docx`: sent 2026-08-20, response 2026-09-04 = 10 working
  days because 2026-08-31 is a bank holiday → on time (a counter that forgets the bank holiday
  gets 11 and wrongly reports `response-overdue`). `bolton-rpde-form-02-late.docx` has the same
  dates but the response on 2026-09-07 = 11 working days → `response-overdue`.
- `bolton-rpde-form-05-ambiguous.docx`: Resolved? Yes and No both ticked → `dispute.resolved`
  absent + `ambiguous-choice` (Part B has content, so Agency B's signature is required; it is typed).
- `south-glos-monitoring-form-09.docx`: Stage 3 and Stage 4 both ticked → `resolution_stage`
  absent, `ambiguous-choice` and `missing-stage` (`findings_alt` accepts the set without
  `missing-stage`).
- `bolton-rpde-form-06-stage4.docx`: no stage box ticked; the stage comes from the file name.
- `bolton-rpde-form-13.eml` / `croydon-escalation-notification-05.eml`: the form carries no stage;
  the subject does ("Stage 3", "Stage 4"). Text body quoted-printable, attachments base64.
- Croydon `-02` names the child and `-06` gives a date of birth → `child-details-present`.
- `empty.docx`, `truncated.docx`, `random-bytes.pdf`, `encrypted-west-sussex.pdf` (user password,
  RC4-128) → `unreadable-document`; `covering-letter.docx` → `unknown-document` (status rejected).

## The samples

| file | scenario | findings | variations |
|---|---|---|---|
"""


def write_readme(out: Path, manifest: list):
    lines = [README_HEAD]
    for m in manifest:
        truth = json.loads((out / m["truth"]).read_text())
        entries = truth if isinstance(truth, list) else [truth]
        for e in entries:
            name = m["file"] + (f" → {e['attachment']}" if "attachment" in e else "")
            lines.append(f"| `{name}` | {e['scenario']} | {', '.join(e['findings']) or '–'} | "
                         f"{', '.join(e['variations'])} |\n")
    (out / "README.md").write_text("".join(lines))


def validate(out: Path):
    """Every DOCX opens and its document.xml parses; every readable PDF goes through pdftotext."""
    from xml.dom import minidom
    bad_on_purpose = {"empty.docx", "truncated.docx", "random-bytes.pdf", "encrypted-west-sussex.pdf"}
    for f in sorted(out.iterdir()):
        if f.name in bad_on_purpose:
            continue
        if f.suffix == ".docx":
            with zipfile.ZipFile(f) as z:
                assert z.testzip() is None, f
                for n in z.namelist():
                    if n.endswith(".xml") or n.endswith(".rels"):
                        minidom.parseString(z.read(n))
        elif f.suffix == ".pdf":
            r = subprocess.run(["pdftotext", str(f), "-"], capture_output=True)
            assert r.returncode == 0, (f, r.stderr)
        elif f.suffix == ".eml":
            import email
            msg = email.message_from_bytes(f.read_bytes())
            for part in msg.walk():
                if part.get_filename() and part.get_filename().endswith(".docx"):
                    with zipfile.ZipFile(io.BytesIO(part.get_payload(decode=True))) as z:
                        minidom.parseString(z.read("word/document.xml"))


def main(argv):
    out = ROOT / "samples"
    if "--check" in argv:
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            build_all(Path(a))
            build_all(Path(b))
            diff = [f.name for f in Path(a).iterdir() if f.read_bytes() != (Path(b) / f.name).read_bytes()]
            print("identical" if not diff else f"differ: {diff}")
            return 1 if diff else 0
    for f in out.glob("*"):
        if f.is_file():
            f.unlink()
    manifest = build_all(out)
    write_readme(out, manifest)
    validate(out)
    size = sum(f.stat().st_size for f in out.iterdir())
    print(f"{len(manifest)} samples, {size} bytes in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
