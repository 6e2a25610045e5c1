#!/usr/bin/env bash
# Seed the (gitignored) fuzz corpus from the project's corpus/ and fuzz/seeds/.
#   parse_policy, parse_policy_bytes: each corpus/*.txt whole, plus its first 2 KB
#     (short inputs mutate faster) as written, hard-wrapped at 64 bytes and with
#     its tabs as semicolons, plus the UTF-16LE and Windows-1252 forms of a few
#     for the bytes entry point (iconv, when installed)
#   split_cookie_names: the first cell of every tab or pipe row of the corpus
#   normalize_text: every non-blank corpus line up to 512 bytes
#   parse_duration: fuzz/seeds/durations.txt, one value a file
# Usage: fuzz/seed-corpus.sh   (from anywhere; idempotent; file names are content hashes)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/corpus"

put() { # put TARGET  < content
    local dir="$out/$1" tmp
    mkdir -p "$dir"
    tmp="$(mktemp)"
    cat >"$tmp"
    if [ -s "$tmp" ]; then
        mv "$tmp" "$dir/$(sha1sum "$tmp" | cut -c1-40)"
    else
        rm -f "$tmp"
    fi
}

for f in "$root"/corpus/*.txt; do
    for t in parse_policy parse_policy_bytes; do
        put "$t" <"$f"
        head -c 2048 "$f" | put "$t"
        # hard-wrapped at a width, as a PDF's copy (the soft line ends the parser joins)
        head -c 2048 "$f" | fold -s -w 64 | put "$t"
        # its tab tables as semicolon rows (the delimited-table reader)
        head -c 2048 "$f" | tr '\t' ';' | put "$t"
    done
    # lines and first cells
    while IFS= read -r line || [ -n "$line" ]; do
        line="${line%$'\r'}"
        [ -z "${line//[[:space:]]/}" ] && continue
        printf '%s' "${line:0:512}" | put normalize_text
        case "$line" in
        *$'\t'*) printf '%s' "${line%%$'\t'*}" | put split_cookie_names ;;
        *'|'*)
            cell="${line#|}"
            printf '%s' "${cell%%|*}" | put split_cookie_names
            ;;
        esac
    done <"$f"
done
if command -v iconv >/dev/null; then
    for f in "$root"/corpus/fr-04.txt "$root"/corpus/de-03.txt "$root"/corpus/en-01.txt; do
        [ -f "$f" ] || continue
        { printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$f"; } | put parse_policy_bytes
        iconv -f UTF-8 -t WINDOWS-1252//TRANSLIT "$f" 2>/dev/null | put parse_policy_bytes || true
    done
fi
while IFS= read -r d; do
    case "$d" in '#'*) continue ;; esac
    printf '%s' "$d" | put parse_duration
done <"$here/seeds/durations.txt"
for t in parse_policy parse_policy_bytes parse_duration split_cookie_names normalize_text; do
    printf '%-20s %5d files\n' "$t" "$(find "$out/$t" -type f | wc -l)"
done
