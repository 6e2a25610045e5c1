#!/usr/bin/env python3
"""Generate the embedded word lists of src/vocab/words/ from wordfreq.

    pip install wordfreq==3.1.1
    python3 misc/words/gen_words.py

Writes, for each supported language:
  src/vocab/words/<lang>.txt   the N most frequent alphabetic lower-case words,
                               one a line, most frequent first (line number = rank)
  misc/words/heldout-<lang>.txt  real words ranked after the embedded list
                               (length >= 6), used by tests/repair.rs to measure
                               how often a real word unknown to the dictionary is
                               wrongly split. Not embedded in the binary.

Data: wordfreq 3.1.1 (code Apache-2.0, word-frequency data CC-BY-SA 4.0,
Robyn Speer et al.); see src/vocab/words/README.md.
"""
import os
import random

import wordfreq

LANGS = ["en", "fr", "de", "es", "it", "nl", "pt"]
N = 25000          # embedded words per language
HELDOUT_FROM = N   # held-out real words start after the embedded list
HELDOUT_TO = 60000
HELDOUT_COUNT = 3000

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def words(lang, n):
    out = []
    for w in wordfreq.top_n_list(lang, n):
        if w.isalpha() and w == w.lower():
            out.append(w)
    return out


for lang in LANGS:
    all_words = words(lang, HELDOUT_TO + 10000)
    top = all_words[:N]
    with open(os.path.join(root, "src/vocab/words", lang + ".txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(top) + "\n")
    rest = [w for w in all_words[HELDOUT_FROM:HELDOUT_TO] if len(w) >= 6]
    rng = random.Random(lang)
    sample = sorted(rng.sample(rest, min(HELDOUT_COUNT, len(rest))))
    with open(os.path.join(root, "misc/words", "heldout-" + lang + ".txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(sample) + "\n")
    print(lang, len(top), len(sample))
