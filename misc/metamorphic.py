#!/usr/bin/env python3
"""Metamorphic pass over the labelled documents: rewrite every tab table as
another copy of the same page would come out, keep the gold labels, and score.

A tab table is a run of two or more lines that hold a tab; its first line is
read as the header.  Each rewrite keeps the cells and changes only how they are
laid out, so a drop in the score is a layout the parser does not read yet.

    python3 misc/metamorphic.py [--out DIR] REWRITE...   # writes DIR/var-REWRITE
    python3 ../shared/eval/score.py --verbose DIR/var-REWRITE

Documents without a tab table are copied unchanged, so the figures compare
with the unrewritten corpus.  Rewrites:
"""

import argparse
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def blocks(lines):
    """Yield (start, end) of each run of >= 2 lines holding a tab."""
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            j = i
            while j < len(lines) and "\t" in lines[j]:
                j += 1
            if j - i >= 2:
                yield i, j
            i = j
        else:
            i += 1


def cells(line):
    return [c.strip() for c in line.split("\t")]


def pad(rows):
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


def r_pipe(rows):
    rows = pad(rows)
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join("---" for _ in rows[0]) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return out


def r_pipebare(rows):
    return [" | ".join(r) for r in rows]


def r_cellline(rows):
    out = []
    for r in rows:
        out += r + [""]
    return out


def r_cellnb(rows):
    return [c for r in rows for c in r]


def r_celldrop(rows):
    return [c for r in rows for c in r if c]


def r_fused(rows):
    return [" ".join(c for c in r) for r in rows]


def r_spaces2(rows):
    rows = pad(rows)
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]


def r_colrot(rows):
    return ["\t".join(r[1:] + r[:1]) for r in pad(rows)]


def r_colrev(rows):
    return ["\t".join(reversed(r)) for r in pad(rows)]


def r_nohead(rows):
    return ["\t".join(r) for r in rows[1:]]


def r_kv(rows):
    head = rows[0]
    out = []
    for r in rows[1:]:
        out += [f"{h}: {c}" for h, c in zip(head, r) if c] + [""]
    return out


def r_kvtab(rows):
    head = rows[0]
    out = []
    for r in rows[1:]:
        out += [f"{h}\t{c}" for h, c in zip(head, r) if c] + [""]
    return out


def r_card(rows):
    head = rows[0]
    out = []
    for r in rows[1:]:
        out += [r[0]] + [f"{h}: {c}" for h, c in zip(head[1:], r[1:]) if c] + [""]
    return out


def r_transpose(rows):
    rows = pad(rows)
    return ["\t".join(r[k] for r in rows) for k in range(len(rows[0]))]


REWRITES = {
    "pipe": (r_pipe, "pipe table with outer pipes and a rule under the header"),
    "pipebare": (r_pipebare, "pipe rows, no outer pipes, no rule"),
    "cellline": (r_cellline, "one cell a line, a blank line after each row"),
    "cellnb": (r_cellnb, "one cell a line, rows not apart"),
    "celldrop": (r_celldrop, "one cell a line, rows not apart, empty cells dropped"),
    "fused": (r_fused, "tabs as single spaces"),
    "spaces2": (r_spaces2, "columns aligned by runs of spaces"),
    "colrot": (r_colrot, "first column moved last"),
    "colrev": (r_colrev, "columns in reverse order"),
    "nohead": (r_nohead, "header row dropped"),
    "kv": (r_kv, "each row as 'Header: cell' lines, blank line after"),
    "kvtab": (r_kvtab, "each row as 'Header<TAB>cell' lines, blank line after"),
    "card": (r_card, "first cell alone on its line, then 'Header: cell' lines"),
    "transpose": (r_transpose, "rows become columns"),
}
__doc__ += "".join(f"\n    {k:10} {v[1]}" for k, v in REWRITES.items()) + "\n"


def rewrite(text, fn):
    lines = text.split("\n")
    out, last = [], 0
    for s, e in blocks(lines):
        out += lines[last:s]
        out += fn([cells(l) for l in lines[s:e]])
        last = e
    out += lines[last:]
    return "\n".join(out)


def sources():
    seen = {}
    for d in (os.path.join(ROOT, "corpus"), os.path.join(ROOT, "..", "shared", "seeds")):
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(".txt") and os.path.exists(os.path.join(d, f[:-4] + ".gold.json")):
                seen.setdefault(f[:-4], d)
    return seen


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="/tmp/meta")
    ap.add_argument("--skip", default="", help="comma-separated stems to leave out (a held-out set)")
    ap.add_argument("rewrites", nargs="+", choices=sorted(REWRITES))
    a = ap.parse_args()
    skip = set(filter(None, a.skip.split(",")))
    for name in a.rewrites:
        fn = REWRITES[name][0]
        dest = os.path.join(a.out, "var-" + name)
        shutil.rmtree(dest, ignore_errors=True)
        os.makedirs(dest)
        changed = 0
        for stem, d in sources().items():
            if stem in skip:
                continue
            text = open(os.path.join(d, stem + ".txt"), encoding="utf-8").read()
            new = rewrite(text, fn)
            changed += new != text
            open(os.path.join(dest, stem + ".txt"), "w", encoding="utf-8").write(new)
            shutil.copy(os.path.join(d, stem + ".gold.json"), os.path.join(dest, stem + ".gold.json"))
        print(f"{name}: {changed} documents rewritten -> {dest}", file=sys.stderr)


if __name__ == "__main__":
    main()
