//! How well a block reads as cookie records: the evidence on which the layouts that
//! claim the same lines compete.

use std::borrow::Cow;

use super::{Claim, RawDoc};
use crate::fields::duration::parse_duration;
use crate::fields::names::{is_joiner, is_name_shaped, is_strong_name};
use crate::fields::repair::Fragment;
use crate::policy::DurationKind;
use crate::segment::Line;
use crate::vocab::Role;

/// What a claim's records show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Evidence {
    /// Records read.
    pub records: usize,
    /// Records whose name slot holds name-shaped tokens only.
    pub named: usize,
    /// Records with a duration field that reads as a lifetime.
    pub durations: usize,
    /// Records with a duration field that does not.
    pub bad_durations: usize,
    /// Fields read besides the name and the duration (provider, purpose, type, or a
    /// key or column of no known role), at most six a record.
    pub fields: usize,
    /// Non-blank lines the block spans.
    pub lines: usize,
    /// Of those, lines some record took a name or value from: the rest the layout
    /// consumed without reading them.
    pub covered: usize,
}

/// Weigh what a layout read from `block`.
pub(crate) fn weigh(block: &[Line<'_>], doc: &RawDoc<'_>) -> Evidence {
    let mut e = Evidence {
        lines: block.iter().filter(|l| !l.is_blank()).count(),
        ..Evidence::default()
    };
    for rec in &doc.records {
        e.records += 1;
        let named = !rec.names.is_empty() && rec.names.iter().all(|f| names_slot(f.text));
        e.named += usize::from(named);
        e.fields += rec
            .fields
            .iter()
            .filter(|f| f.role != Some(Role::Duration))
            .count()
            .min(6);
        if let Some(d) = rec.fields.iter().find(|f| f.role == Some(Role::Duration)) {
            if parse_duration(&joined(&d.value)).kind == DurationKind::Unknown {
                e.bad_durations += 1;
            } else {
                e.durations += 1;
            }
        }
    }
    let mut covered = vec![false; block.len()];
    let starts: Vec<usize> = block.iter().map(|l| l.start()).collect();
    let frags = doc.records.iter().flat_map(|r| {
        r.names
            .iter()
            .chain(r.fields.iter().flat_map(|f| f.value.iter()))
    });
    for f in frags {
        if f.text.trim().is_empty() {
            continue;
        }
        if let Some(k) = starts.partition_point(|&s| s <= f.offset).checked_sub(1) {
            covered[k] = true;
        }
    }
    e.covered = covered.iter().filter(|&&c| c).count();
    e
}

/// The texts of `frags` joined by a space. Most values are one fragment, whose text
/// is borrowed: weighing a claim built a string per record and layout for it.
fn joined<'a>(frags: &[Fragment<'a>]) -> Cow<'a, str> {
    match frags {
        [one] => Cow::Borrowed(one.text),
        _ => Cow::Owned(frags.iter().map(|f| f.text).collect::<Vec<_>>().join(" ")),
    }
}

/// Does a name slot hold names: name-shaped tokens, one to a list item (`_ga, _gid`,
/// `_ga and _gid`)? Several words in one item (`Collect statistical data`) are a
/// sentence or a label, unless each is a name beyond doubt.
pub(crate) fn names_slot(text: &str) -> bool {
    let mut any = false;
    for item in text.split([',', ';', '/']) {
        // (the item's words are read again for each test, not gathered)
        let words = || item.split_whitespace().filter(|w| !is_joiner(w));
        let count = words().take(2).count();
        if count > 1 && !words().all(is_strong_name) {
            return false;
        }
        if !words().all(is_name_shaped) {
            return false;
        }
        any |= count > 0;
    }
    any
}

/// The claim to keep of those made at line `i` of `lines`: the one with the most
/// evidence; on equal evidence the one listed first (claims come in
/// [`LAYOUTS`](super::LAYOUTS) order). A lone claim is kept unweighed: there is
/// nothing to compare it with.
pub(crate) fn choose<'a>(
    lines: &[Line<'_>],
    i: usize,
    mut claims: Vec<Claim<'a>>,
) -> Option<Claim<'a>> {
    if claims.len() < 2 {
        return claims.pop();
    }
    let mut best: Option<(i64, Claim<'a>)> = None;
    for mut c in claims {
        let e = weigh(&lines[i..(i + c.len).min(lines.len())], &c.doc);
        let score = e.score();
        c.evidence = Some(e);
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, c));
        }
    }
    best.map(|b| b.1)
}

impl Evidence {
    /// One figure to compare claims by: named records with lifetimes that read and
    /// fields under known roles count for a claim, records named by something that is
    /// no name and lifetimes that do not read count against it.
    pub(crate) fn score(&self) -> i64 {
        let unnamed = self.records - self.named;
        3 * self.named as i64 - 3 * unnamed as i64 + 2 * self.durations as i64
            - 2 * self.bad_durations as i64
            + self.fields as i64
            + self.covered as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Context, RawRecord};
    use crate::segment::lines;

    /// [`joined`], which borrows a lone fragment's text, gives what the join it
    /// replaced gave: on every corpus line cut into none, one, two and three
    /// fragments (at its spaces, so pieces may be empty or blank), and made-up ones.
    #[test]
    fn joined_is_the_join() {
        let made_up = ["", " ", "2 years", " 1 day ", "Session  /  30 Tage", "\t"];
        for line in &crate::testing::corpus_lines_and(&made_up) {
            let pieces: Vec<&str> = line.split(' ').collect();
            for n in 0..=3 {
                let frags: Vec<Fragment<'_>> = pieces
                    .iter()
                    .take(n)
                    .enumerate()
                    .map(|(offset, &text)| Fragment { text, offset })
                    .collect();
                let old = frags.iter().map(|f| f.text).collect::<Vec<_>>().join(" ");
                assert_eq!(joined(&frags), old, "{line:?} in {n}");
            }
            let whole = [Fragment {
                text: line,
                offset: 0,
            }];
            assert_eq!(joined(&whole), *line);
        }
    }

    #[test]
    fn name_slots() {
        for yes in [
            "_ga",
            "_ga, _gid",
            "_ga and _gid",
            "ASP.NET_SessionId",
            "_pk_id.*",
        ] {
            assert!(names_slot(yes), "{yes:?}");
        }
        for no in [
            "Collect statistical data",
            "",
            "Used to store: a value",
            "two words",
        ] {
            assert!(!names_slot(no), "{no:?}");
        }
    }

    /// Two readings of one line: as a named record with a lifetime that reads, and
    /// as a record named by a sentence with a lifetime that does not.
    #[test]
    fn evidence_counts_for_and_against() {
        let ls = lines("_ga | 2 years\n");
        let line = &ls[0];
        let ctx = Context::default();
        let read = |name: &'static str, life: &'static str| {
            let mut doc = RawDoc::default();
            let at = |s: &'static str| {
                super::super::frag(line, &line.text[line.text.find(s).unwrap()..][..s.len()])
            };
            let mut rec = RawRecord::new(vec![at(name)], line.span(), &ctx);
            rec.push(Some(Role::Duration), "Duration", vec![at(life)]);
            doc.records.push(rec);
            weigh(&ls, &doc)
        };
        let good = read("_ga", "2 years");
        let bad = read("_ga | 2", "years");
        assert_eq!((good.named, good.durations, good.covered), (1, 1, 1));
        assert_eq!((bad.named, bad.bad_durations), (0, 1));
        assert!(good.score() > bad.score());
    }
}
