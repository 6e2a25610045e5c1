//! Language identification: whatlang over a bounded sample of the document's prose,
//! restricted to the languages the vocabularies support, reported as ISO 639-1.

use whatlang::Detector;

use crate::vocab::languages::LANGUAGES;

use crate::segment::{Line, LineKind};

/// At most this many bytes of prose are given to whatlang: enough for a stable
/// answer, and it keeps detection cost independent of document size. whatlang's
/// cost is linear in the sample (it was a fifth of all parsing at 4 KB, and a sixth at
/// 1 KB once the rest got faster; issue 13 asks for at most 15 % on a 5 KB policy).
/// Taken sentences first, half of this already reads every corpus document in its
/// gold language whatever the line order (`tests/corpus_variants.rs`,
/// `language_under_line_orders`; a quarter, 128 bytes, does not), so the sample has a
/// twofold margin. From 1 KB to 512 bytes no corpus document changed its language or
/// its confidence.
const SAMPLE_BYTES: usize = 512;

/// whatlang's best guess.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Guess {
    /// ISO 639-1 code.
    pub(crate) code: &'static str,
    /// whatlang's confidence, 0 to 1.
    pub(crate) confidence: f64,
    /// The evidence supports the guess: see [`reliable`].
    pub(crate) reliable: bool,
}

/// Detected language (ISO 639-1) and confidence; `None` when there is no text.
pub(crate) fn detect(text: &str, lines: &[Line<'_>]) -> Option<Guess> {
    let mut sample = String::new();
    // Sentences first, then other prose, then the rest: cookie names and table cells
    // are mostly English in every language, and short prose lines are buttons and
    // headings ("Accept all") that a page carries in English whatever its language.
    for pass in [Pass::Sentences, Pass::Prose, Pass::Rest] {
        for l in lines {
            if sample.len() >= SAMPLE_BYTES {
                break;
            }
            if pass.takes(l) {
                sample.push_str(l.text);
                sample.push('\n');
            }
        }
        if sample.len() >= SAMPLE_BYTES / 4 {
            break;
        }
    }
    if sample.trim().is_empty() {
        sample = text.chars().take(SAMPLE_BYTES).collect();
    }
    let mut cut = sample.len().min(SAMPLE_BYTES);
    while !sample.is_char_boundary(cut) {
        cut -= 1;
    }
    // whatlang may answer only with a registered language
    let detector = Detector::with_allowlist(LANGUAGES.iter().map(|l| l.detect).collect());
    let sample = &sample[..cut];
    let info = detector.detect(sample)?;
    let code = LANGUAGES.iter().find(|l| l.detect == info.lang())?.code;
    Some(Guess {
        code,
        confidence: info.confidence(),
        reliable: reliable(info.is_reliable(), info.confidence(), sample),
    })
}

/// Words of at least two letters a sample needs before a guess can stand on its
/// own: a short sample is too little evidence whatever whatlang says.
const MIN_WORDS: usize = 8;

/// The guess is reported when whatlang calls it reliable, or when the sample has
/// enough words and the confidence is not negligible (whatlang's reliability test
/// asks much of a sample restricted to seven languages, whose cookie tables are
/// mostly English-looking names, so a long sample can be right and called unreliable).
fn reliable(whatlang_reliable: bool, confidence: f64, sample: &str) -> bool {
    let words = sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .count();
    words >= MIN_WORDS && (whatlang_reliable || confidence >= MIN_CONFIDENCE)
}

/// Lowest confidence of a guess whatlang does not call reliable, on a sample of
/// [`MIN_WORDS`] words or more.
const MIN_CONFIDENCE: f64 = 0.1;

/// The order in which lines fill the sample: a pass is taken only while the sample
/// is under a quarter full.
#[derive(Clone, Copy)]
enum Pass {
    Sentences,
    Prose,
    Rest,
}

impl Pass {
    /// A sentence is a prose line of at least six words and 40 bytes.
    fn takes(self, l: &Line<'_>) -> bool {
        let text = l.text.trim();
        let prose = matches!(l.kind, LineKind::Text);
        let sentence = prose && text.len() >= 40 && text.split_whitespace().nth(5).is_some();
        !text.is_empty()
            && match self {
                Pass::Sentences => sentence,
                Pass::Prose => prose && !sentence,
                Pass::Rest => !prose,
            }
    }
}
