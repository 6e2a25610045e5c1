//! Language identification: whatlang over a bounded sample of the document's prose,
//! restricted to the languages the vocabularies support, reported as ISO 639-1.

use whatlang::{Detector, Lang};

use crate::segment::{Line, LineKind};

/// At most this many bytes of prose are given to whatlang: enough for a stable
/// answer, and it keeps detection cost independent of document size.
const SAMPLE_BYTES: usize = 4096;

/// The languages whatlang may answer with, and their ISO 639-1 codes.
const SUPPORTED: &[(Lang, &str)] = &[
    (Lang::Eng, "en"),
    (Lang::Fra, "fr"),
    (Lang::Deu, "de"),
    (Lang::Spa, "es"),
    (Lang::Ita, "it"),
    (Lang::Nld, "nl"),
    (Lang::Por, "pt"),
];

/// Detected language (ISO 639-1) and confidence.
pub(crate) fn detect(text: &str, lines: &[Line<'_>]) -> Option<(&'static str, f64)> {
    let mut sample = String::new();
    // Prose first: cookie names and table cells are mostly English in every language.
    for pass in [true, false] {
        for l in lines {
            if sample.len() >= SAMPLE_BYTES {
                break;
            }
            let prose = matches!(l.kind, LineKind::Text);
            if prose == pass && !l.text.trim().is_empty() {
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
    let detector = Detector::with_allowlist(SUPPORTED.iter().map(|(l, _)| *l).collect());
    let info = detector.detect(&sample[..cut])?;
    let code = SUPPORTED.iter().find(|(l, _)| *l == info.lang())?.1;
    Some((code, info.confidence()))
}
