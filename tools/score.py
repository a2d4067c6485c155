#!/usr/bin/env python3
"""Score `intake extract` output against a corpus's truth files.

    intake extract corpus/dev --as-of 2026-11-20 > /tmp/dev.jsonl
    python3 tools/score.py corpus/dev /tmp/dev.jsonl [--by-tag] [--json] [--ignore-code CODE]...

Works on any folder of `NAME.truth.json` files in the format of ../shared/forms/filled
(corpus/dev, corpus/unseen, samples/). Records are matched to truth by file name: the
basename of `source.path`, or for an e-mail attachment the e-mail's name (`source.attachment_of`)
plus `source.attachment_name`.

Fields: a field is a key of truth ∪ record; it is right when both values are equal after
whitespace is collapsed (lists compared as lists, true is not 1), or equal to one of the
truth's `accept` alternatives. A signature a record leaves out is {"present": false, "kind": "none"}.
A document with no record has every truth field wrong.
Findings: (document, code) pairs, precision and recall per code; of `findings` and
`findings_alt` the one closer to the record is used. Codes the truth never lists (warnings such
as low-confidence-field) are ignored on both sides: `--ignore-code`, repeatable.

The documents with the most wrong fields are listed (40 lines at most), except for a held-out
corpus (MANIFEST.json "set": "unseen"), whose contents are not shown. Always exits 0.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

NO_SIGNATURE = {"present": False, "kind": "none"}
DEFAULT_IGNORED = ["low-confidence-field"]
WORST_LINES = 40


def canon(value):
    """Whitespace collapsed in every string; dict keys sorted. JSON text keeps true apart from 1."""
    if isinstance(value, str):
        value = " ".join(value.split())
    elif isinstance(value, list):
        value = [canon(v) for v in value]
    elif isinstance(value, dict):
        value = {k: canon(v) for k, v in sorted(value.items())}
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def load_truth(corpus: Path) -> dict:
    """(file, attachment or None) -> truth entry."""
    truth = {}
    for path in sorted(corpus.glob("*.truth.json")):
        data = json.loads(path.read_text())
        for entry in data if isinstance(data, list) else [data]:
            truth[(entry["file"], entry.get("attachment"))] = entry
    return truth


def record_key(record: dict):
    src = record.get("source") or {}
    if src.get("attachment_of"):
        return Path(src["attachment_of"]).name, src.get("attachment_name")
    return Path(src.get("path", "")).name, None


def load_records(path: Path, truth: dict):
    """Records matched to truth keys; also the count of lines that were not records or matched nothing."""
    records, unmatched, bad = {}, [], 0
    try:
        lines = path.read_text().splitlines()
    except OSError as e:
        print(f"score.py: cannot read {path}: {e}", file=sys.stderr)
        lines = []
    for line in lines:
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            bad += 1
            continue
        key = record_key(rec)
        if key not in truth and key[1] is not None and (key[0], None) in truth:
            key = (key[0], None)
        if key in truth:
            records.setdefault(key, rec)        # a second record for one document is ignored
        else:
            unmatched.append(key)
    return records, unmatched, bad


def value_of(fields: dict, key: str):
    if key in fields:
        return fields[key]
    return NO_SIGNATURE if key.endswith(".signature") else None


def score_fields(entry: dict, record: dict | None) -> list:
    """[(key, got, want, right)] for one document."""
    want_fields = entry.get("fields", {})
    got_fields = (record or {}).get("fields") or {}
    accept = entry.get("accept") or {}
    keys = list(want_fields) + [k for k in got_fields if k not in want_fields]
    out = []
    for k in keys:
        want = value_of(want_fields, k)
        got = value_of(got_fields, k) if record is not None else None
        right = record is not None and (canon(got) == canon(want)
                                        or any(canon(got) == canon(a) for a in accept.get(k, [])))
        out.append((k, got, want, right))
    return out


def score_findings(entry: dict, record: dict | None, ignored: set):
    got = {f.get("code") for f in (record or {}).get("findings") or []} - ignored
    options = [set(entry.get("findings", []))] + ([set(entry["findings_alt"])] if "findings_alt" in entry else [])
    want = min((o - ignored for o in options), key=lambda o: len(o ^ got))    # ties: the official set
    return got & want, got - want, want - got


class Tally:
    def __init__(self):
        self.right = self.total = 0
        self.tp, self.fp, self.fn = defaultdict(int), defaultdict(int), defaultdict(int)

    def add_fields(self, scored):
        self.total += len(scored)
        self.right += sum(1 for s in scored if s[3])

    def add_findings(self, tp, fp, fn):
        for c in tp:
            self.tp[c] += 1
        for c in fp:
            self.fp[c] += 1
        for c in fn:
            self.fn[c] += 1

    def fields_json(self):
        return {"right": self.right, "total": self.total,
                "accuracy": round(self.right / self.total, 4) if self.total else None}

    def findings_json(self):
        def pr(tp, fp, fn):
            return {"tp": tp, "fp": fp, "fn": fn, "precision": round(tp / (tp + fp), 4) if tp + fp else None,
                    "recall": round(tp / (tp + fn), 4) if tp + fn else None}
        codes = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        return {"overall": pr(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())),
                "by_code": {c: pr(self.tp[c], self.fp[c], self.fn[c]) for c in codes}}


def score(corpus: Path, records_path: Path, ignored: set) -> dict:
    truth = load_truth(corpus)
    records, unmatched, bad = load_records(records_path, truth)
    manifest = corpus / "MANIFEST.json"
    set_name = json.loads(manifest.read_text()).get("set") if manifest.exists() else None
    overall, by_tag, by_form, by_key = Tally(), defaultdict(Tally), defaultdict(Tally), defaultdict(Tally)
    worst = []
    for key, entry in sorted(truth.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        rec = records.get(key)
        scored = score_fields(entry, rec)
        found = score_findings(entry, rec, ignored)
        for t in [overall, by_form[entry.get("partnership") or "none"]] + [by_tag[v] for v in entry.get("variations", [])]:
            t.add_fields(scored)
            t.add_findings(*found)
        for s in scored:
            by_key[s[0]].add_fields([s])
        wrong = [s for s in scored if not s[3]]
        if wrong:
            name = key[0] + (f" → {key[1]}" if key[1] else "")
            worst.append((len(wrong), name, rec is None, wrong))
    worst.sort(key=lambda w: (-w[0], w[1]))
    result = {"corpus": str(corpus), "set": set_name, "documents": len(truth), "records_matched": len(records),
              "records_missing": len(truth) - len(records), "records_unmatched": len(unmatched),
              "lines_not_json": bad, "ignored_codes": sorted(ignored),
              "fields": overall.fields_json(), "findings": overall.findings_json(),
              "by_form": {f: {"fields": t.fields_json(), "findings": t.findings_json()["overall"]}
                          for f, t in sorted(by_form.items())},
              "by_tag": {g: {"documents": 0, "fields": t.fields_json(), "findings": t.findings_json()["overall"]}
                         for g, t in sorted(by_tag.items())},
              "by_key": {k: t.fields_json() for k, t in sorted(by_key.items())}}
    for entry in truth.values():
        for v in entry.get("variations", []):
            result["by_tag"][v]["documents"] += 1
    if set_name != "unseen":
        result["worst"] = [{"file": name, "missing_record": missing, "wrong": len(wrong),
                            "fields": [{"key": k, "got": g, "want": w} for k, g, w, _ in wrong]}
                           for _, name, missing, wrong in worst]
    return result


def pct(d):
    return f"{100 * d['accuracy']:5.1f}% ({d['right']}/{d['total']})" if d["total"] else "    – (0/0)"


def pr_text(d):
    p = "  –  " if d["precision"] is None else f"{100 * d['precision']:5.1f}%"
    r = "  –  " if d["recall"] is None else f"{100 * d['recall']:5.1f}%"
    return f"precision {p}  recall {r}  (tp {d['tp']}, fp {d['fp']}, fn {d['fn']})"


def short(v, n=60):
    s = "∅" if v is None else json.dumps(v, ensure_ascii=False)
    return s if len(s) <= n else s[:n - 1] + "…"


def print_report(r: dict, by_tag: bool):
    print(f"corpus {r['corpus']} ({r['set'] or 'unnamed set'}): {r['documents']} documents, "
          f"{r['records_matched']} with a record, {r['records_missing']} without"
          + (f", {r['records_unmatched']} records matching no document" if r["records_unmatched"] else "")
          + (f", {r['lines_not_json']} lines not JSON" if r["lines_not_json"] else ""))
    print(f"\nfield accuracy   {pct(r['fields'])}")
    for f, d in r["by_form"].items():
        print(f"  {f:32} {pct(d['fields'])}")
    if by_tag:
        print("\nfield accuracy by variation tag (documents)")
        for g, d in r["by_tag"].items():
            print(f"  {g:32} {pct(d['fields'])}  [{d['documents']}]  findings {pr_text(d['findings'])}")
        print("\nfield accuracy by key")
        for k, d in sorted(r["by_key"].items(), key=lambda kv: (kv[1]["accuracy"] or 0, kv[0])):
            print(f"  {k:32} {pct(d)}")
    print(f"\nfindings (ignored: {', '.join(r['ignored_codes']) or 'none'})")
    print(f"  {'overall':24} {pr_text(r['findings']['overall'])}")
    for c, d in r["findings"]["by_code"].items():
        print(f"  {c:24} {pr_text(d)}")
    if "worst" not in r:
        print("\nheld-out corpus: documents are not listed")
        return
    print("\ndocuments with the most wrong fields" + ("" if r["worst"] else ": none"))
    lines = 0
    for w in r["worst"]:
        if lines >= WORST_LINES:
            break
        if w["missing_record"]:
            print(f"  {w['file']}: no record ({w['wrong']} fields)")
            lines += 1
            continue
        for f in w["fields"]:
            if lines >= WORST_LINES:
                break
            print(f"  {w['file']}  {f['key']}  got {short(f['got'])}  want {short(f['want'])}")
            lines += 1


def main(argv) -> int:
    ap = argparse.ArgumentParser(description="Score intake extract records against a corpus's truth files.")
    ap.add_argument("corpus", type=Path)
    ap.add_argument("records", type=Path, help="JSON Lines from `intake extract`")
    ap.add_argument("--by-tag", action="store_true", help="also field accuracy and findings per variation tag, "
                                                          "and field accuracy per key")
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON")
    ap.add_argument("--ignore-code", action="append", metavar="CODE",
                    help=f"finding code left out of the findings score (repeatable; default: {DEFAULT_IGNORED[0]})")
    args = ap.parse_args(argv)
    ignored = set(args.ignore_code if args.ignore_code is not None else DEFAULT_IGNORED)
    try:
        result = score(args.corpus, args.records, ignored)
    except (OSError, ValueError, KeyError) as e:          # a score is a report, never a failing step
        print(f"score.py: {e}", file=sys.stderr)
        return 0
    try:
        if args.json:
            print(json.dumps(result, indent=1, ensure_ascii=False))
        else:
            print_report(result, args.by_tag)
    except BrokenPipeError:                 # output cut short by `| head`
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
