//! # cookie-charter
//!
//! Turns messy cookie-policy text (copied out of web pages and PDFs, in English,
//! French, German, Spanish, Italian, Dutch or Portuguese) into structured cookie
//! records: name, provider, purposes, duration (ISO 8601), declared category,
//! the document's language, and the byte span each record came from.
//!
//! ```
//! let text = "Name\tProvider\tPurpose\tExpiry\n_ga\tGoogle\tDistinguishes users\t2 years\n";
//! let policy = cookie_charter::parse_policy(text);
//! let ga = &policy.cookies[0];
//! assert_eq!(ga.name, "_ga");
//! assert_eq!(ga.provider.as_deref(), Some("Google"));
//! assert_eq!(ga.duration.as_ref().unwrap().iso8601.as_deref(), Some("P2Y"));
//! assert_eq!(&text[ga.span.start..ga.span.end], "_ga\tGoogle\tDistinguishes users\t2 years");
//! ```
//!
//! ## The pipeline
//!
//! [`parse_policy`] runs these stages, one module each:
//!
//! 1. **decode** (`decode`): bytes → text by UTF-8, UTF-16 or Windows-1252 (bytes
//!    input only; binary input refused); then, with repair on, control characters
//!    dropped and whole-document mojibake repaired, each change listed, and every span
//!    carried back to the caller's text afterwards (`docs/provenance.md`).
//! 2. **segment** (`wrap`, `segment`): in a document hard-wrapped at a fixed width
//!    (a PDF's or a mail's copy), the line ends inside paragraphs, rows and items
//!    read as spaces; then the text → lines with byte spans and a shape (blank, tab
//!    row, pipe row, table rule, text).
//! 3. **language** (`lang`): whatlang over a bounded sample of prose lines.
//! 4. **layout** (`layout`): one parser per layout (tab, pipe, delimited (CSV,
//!    semicolons), cell-per-line, space-aligned, glued cells, key-value, list, prose) turns runs of lines into
//!    raw records, while the section context (headings, category and provider
//!    statements) is tracked.
//! 5. **fields** (`fields`): value grammars turn raw cells into values: names split,
//!    durations read, categories mapped, providers found, text repaired.
//! 6. **records** (`records`): one [`Cookie`] per name, duplicates merged.
//!
//! Parsing never fails and never panics: what cannot be read becomes a
//! [`Warning`] with its span. Vocabularies (headers, keys, categories, duration
//! units) are data tables per language under `src/vocab/data/`.

#![deny(missing_docs)]
#![warn(unreachable_pub)]

mod chars;
mod decode;
mod error;
mod fields;
mod fx;
mod lang;
mod layout;
mod policy;
mod records;
mod segment;
#[cfg(test)]
mod testing;
mod vocab;
mod wrap;

/// Not part of the API (hidden, no stability promise): single stages of the
/// pipeline, so that `benches/pipeline.rs` can measure what issue 13 sets targets
/// for, the stages before language detection and language detection itself, on
/// their own.
#[doc(hidden)]
pub mod stages {
    /// The stages before language detection, as [`crate::parse_policy_bytes`] runs
    /// them: decoding, the text made ready (repairs on), the lines. Returns the
    /// number of lines (so the work is not optimised away); 0 for bytes that are not
    /// text.
    pub fn before_language(bytes: &[u8]) -> usize {
        let Ok((text, _, _)) = crate::decode::decode(bytes) else {
            return 0;
        };
        let prepared = crate::decode::prepare(&text, true);
        crate::segment::lines(&crate::wrap::unwrap(&prepared.text)).len()
    }

    /// The text as the lines are made of it: a hard-wrapped document's soft line
    /// ends read as spaces (the same length as `text`).
    pub fn unwrap(text: &str) -> String {
        crate::wrap::unwrap(text).into_owned()
    }

    /// Language detection as the pipeline runs it on a ready text (its lines found
    /// first): the ISO 639-1 code of whatlang's best guess.
    pub fn language(text: &str) -> Option<&'static str> {
        let lines = crate::segment::lines(text);
        crate::lang::detect(text, &lines).map(|g| g.code)
    }

    #[cfg(test)]
    mod tests {
        /// The stages answer as the pipeline does: the lines the parser reads and
        /// the language it detects, on every corpus document; nothing for bytes that
        /// are not text.
        #[test]
        fn stages_are_the_pipelines() {
            for (path, bytes) in crate::testing::corpus_documents() {
                let (text, _, _) = crate::decode::decode(&bytes).expect("corpus text");
                let prepared = crate::decode::prepare(&text, true);
                let text = crate::wrap::unwrap(&prepared.text);
                let lines = crate::segment::lines(&text);
                assert_eq!(super::before_language(&bytes), lines.len(), "{path:?}");
                assert!(!lines.is_empty(), "{path:?}");
                let guess = crate::lang::detect(&text, &lines).map(|g| g.code);
                assert_eq!(super::language(&text), guess, "{path:?}");
            }
            assert_eq!(super::before_language(&[0u8; 64]), 0);
            assert_eq!(
                super::language("Wir verwenden Cookies, um die Nutzung der Website zu analysieren und Inhalte zu personalisieren."),
                Some("de")
            );
        }
    }
}

pub use error::Error;
pub use policy::{
    Category, Cookie, Duration, DurationKind, DurationRange, Policy, Repair, RepairKind, Span,
    Warning, WarningKind,
};

/// Inputs larger than this are cut (at a line boundary) by [`parse_policy`], or
/// refused by the other entry points: 64 MiB, far above any real policy, low enough
/// that a hostile input cannot exhaust memory.
pub const DEFAULT_MAX_BYTES: usize = 64 << 20;

/// The version of this crate, as written into every [`Policy::parser_version`].
pub const PARSER_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Options for [`parse_policy_with`] and [`parse_policy_bytes_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseOptions {
    /// Largest input accepted, in bytes.
    pub max_bytes: usize,
    /// Repair the text: control characters dropped and whole-document mojibake
    /// repaired before parsing, glued words, mojibake and hyphenation repaired in
    /// field values; every change listed in [`Policy::repairs`]. On by default.
    /// Off, no value is changed: the text is read as it is, and what would have
    /// been repaired in the document is only warned about.
    pub repair: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            repair: true,
        }
    }
}

/// A policy parsed from bytes, with the text its spans index.
///
/// `text` is the bytes decoded from their character encoding (UTF-8, UTF-16,
/// Windows-1252; a byte-order mark removed) and nothing else: no control character
/// dropped, no mojibake repaired, whatever the options. Every span of `policy`
/// (cookies, warnings, repairs) indexes it, and `policy.text_len == text.len()`.
///
/// ```
/// // "Durée" in Windows-1252, with a form feed from a PDF tool
/// let bytes = b"Name\tDur\xE9e\n_ga\t2 ans\x0C\n";
/// let decoded = cookie_charter::parse_policy_bytes(bytes).unwrap();
/// let ga = &decoded.policy.cookies[0];
/// assert_eq!(&decoded.text[ga.span.start..ga.span.end], "_ga\t2 ans");
/// assert_eq!(decoded.policy.text_len, decoded.text.len());
/// // the form feed is still in the text; dropping it for parsing is a listed repair
/// let ff = &decoded.policy.repairs[0];
/// assert_eq!(&decoded.text[ff.span.start..ff.span.end], "\x0C");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// What was extracted from it.
    pub policy: Policy,
}

/// Parse a cookie policy. Total: any input gives a [`Policy`]; an input over
/// [`DEFAULT_MAX_BYTES`] is parsed up to the last line that fits, with a warning.
/// Spans index `text`.
pub fn parse_policy(text: &str) -> Policy {
    let options = ParseOptions::default();
    if text.len() <= options.max_bytes {
        return parse_text(text, &options);
    }
    let cut = line_cut(text, options.max_bytes);
    let mut policy = parse_text(&text[..cut], &options);
    policy
        .warnings
        .push(too_large(text.len(), options.max_bytes, cut));
    policy.text_len = text.len();
    policy
}

/// The warning for an input of `len` bytes, over `limit`, read up to `cut`.
fn too_large(len: usize, limit: usize, cut: usize) -> Warning {
    Warning {
        kind: WarningKind::InputTooLarge,
        message: format!(
            "input is {len} bytes, over the limit of {limit} bytes; the rest was not parsed"
        ),
        span: Span::new(cut, len),
    }
}

/// Where to cut `text` so that it keeps at most `limit` bytes: after the last line
/// feed that fits, else at the last character boundary that does.
fn line_cut(text: &str, limit: usize) -> usize {
    if text.len() <= limit {
        return text.len();
    }
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    if let Some(nl) = text[..cut].rfind('\n') {
        cut = nl + 1;
    }
    cut
}

/// Parse with options. An input over `options.max_bytes` is an
/// [`Error::TooLarge`], one that is not text (NUL and other control characters
/// all over) an [`Error::NotText`]. Spans index `text`.
pub fn parse_policy_with(text: &str, options: &ParseOptions) -> Result<Policy, Error> {
    if text.len() > options.max_bytes {
        return Err(Error::TooLarge {
            size: text.len(),
            limit: options.max_bytes,
        });
    }
    decode::check_text(text)?;
    Ok(parse_text(text, options))
}

/// Parse a policy given as bytes: UTF-8 (with or without BOM), UTF-16 with BOM,
/// or else Windows-1252, with the default options. Returns the decoded text with
/// the policy, whose spans index it (see [`Decoded`]). Input over
/// [`DEFAULT_MAX_BYTES`] is an [`Error::TooLarge`]; input that is not text (an
/// executable, an image) is an [`Error::NotText`], never records.
pub fn parse_policy_bytes(bytes: &[u8]) -> Result<Decoded, Error> {
    parse_policy_bytes_with(bytes, &ParseOptions::default())
}

/// [`parse_policy_bytes`] with options: an input whose decoded text is over
/// `options.max_bytes` is an [`Error::TooLarge`].
pub fn parse_policy_bytes_with(bytes: &[u8], options: &ParseOptions) -> Result<Decoded, Error> {
    let (text, policy) = decode_and_parse(bytes, options)?;
    Ok(Decoded {
        text: text.into_owned(),
        policy,
    })
}

/// [`parse_policy_bytes_with`]'s policy without the decoded text, for a caller that
/// does not read the text (the CLI): UTF-8 input is then never copied.
#[doc(hidden)]
pub fn parse_policy_bytes_policy_with(
    bytes: &[u8],
    options: &ParseOptions,
) -> Result<Policy, Error> {
    decode_and_parse(bytes, options).map(|(_, policy)| policy)
}

/// Decode `bytes` and parse the text: the text (borrowed from `bytes` when they are
/// UTF-8 without a byte-order mark) and the policy.
fn decode_and_parse<'b>(
    bytes: &'b [u8],
    options: &ParseOptions,
) -> Result<(std::borrow::Cow<'b, str>, Policy), Error> {
    let (text, encoding, mut warnings) = decode::decode(bytes)?;
    if text.len() > options.max_bytes {
        return Err(Error::TooLarge {
            size: text.len(),
            limit: options.max_bytes,
        });
    }
    let mut policy = parse_text(&text, options);
    policy.encoding = encoding.to_string();
    // how the bytes were decoded comes first
    warnings.append(&mut policy.warnings);
    policy.warnings = warnings;
    Ok((text, policy))
}

/// Read one duration value (`6 months`, `13 mois`, `Sitzung`, `30 seconds to 1 year`)
/// with the same grammar the parser uses for duration cells.
///
/// ```
/// let d = cookie_charter::parse_duration("6 months");
/// assert_eq!(d.iso8601.as_deref(), Some("P6M"));
/// ```
pub fn parse_duration(text: &str) -> Duration {
    fields::duration::parse_duration(text)
}

/// Split a cell that lists cookie names (`_ga, _gid`, `_pk_id et _pk_ses`) into names,
/// as the parser does; markers such as `[x2]` and glosses in brackets are taken off.
///
/// ```
/// assert_eq!(cookie_charter::split_cookie_names("_ga + _gid"), ["_ga", "_gid"]);
/// ```
pub fn split_cookie_names(cell: &str) -> Vec<String> {
    fields::names::split_names(cell)
        .into_iter()
        .map(|n| n.name)
        .collect()
}

/// Normalise one field value as the parser does: Unicode NFC, whitespace folded,
/// and (unless `repair` is false) damaged text repaired. Returns the text and the repairs,
/// whose spans are byte offsets into `text`.
pub fn normalize_text(text: &str, repair: bool) -> (String, Vec<Repair>) {
    let mut repairs = Vec::new();
    let part = fields::repair::Fragment { text, offset: 0 };
    let out = fields::repair::normalize_value(&[part], None, repair, &mut repairs);
    (out, repairs)
}

/// The text made ready ([`decode::prepare`]), parsed, and every span carried back
/// into `text`.
fn parse_text(text: &str, options: &ParseOptions) -> Policy {
    let prepared = decode::prepare(text, options.repair);
    let mut policy = run(&prepared.text, options);
    let map = &prepared.map;
    for c in &mut policy.cookies {
        c.span = map.span(c.span);
        for s in &mut c.spans {
            *s = map.span(*s);
        }
    }
    for w in &mut policy.warnings {
        w.span = map.span(w.span);
    }
    for r in &mut policy.repairs {
        r.span = map.span(r.span);
    }
    policy.warnings.extend(prepared.warnings);
    if !options.repair {
        warn_names_without_controls(text, &mut policy);
    }
    policy.warnings.sort_by_key(|w| (w.span.start, w.span.end));
    policy.repairs.extend(prepared.repairs);
    policy.repairs.sort_by_key(|r| (r.span.start, r.span.end));
    policy.text_len = text.len();
    policy
}

/// With repair off the text keeps its control characters, but a field value never
/// holds one (`_g\0a` is read as the name `_ga`): say so for each such name, so that
/// no name differs from its source without a word.
fn warn_names_without_controls(text: &str, policy: &mut Policy) {
    for c in &policy.cookies {
        let source = &text[c.span.start..c.span.end];
        if source.chars().any(decode::is_dropped_control) && !source.contains(&c.name) {
            policy.warnings.push(Warning {
                kind: WarningKind::ControlCharacters,
                message: format!(
                    "the name {:?} is read without the control characters of its source, \
                     which repair off keeps in the text",
                    c.name
                ),
                span: c.span,
            });
        }
    }
}

/// The pipeline, in the order the crate docs list it.
fn run(full: &str, options: &ParseOptions) -> Policy {
    // the line table keeps offsets as `u32`: a larger text (allowed by a `max_bytes`
    // over 4 GiB) is read up to the last line that fits, as `parse_policy` reads one
    // over its limit
    let text = &full[..line_cut(full, segment::MAX_TEXT)];
    // hard-wrapped lines joined where the document shows its width (same length:
    // the spans need no map)
    let text = &*wrap::unwrap(text);
    let lines = segment::lines(text);
    let guess = lang::detect(text, &lines);
    // The best guess chooses the vocabularies the fields are read with (a wrong one
    // costs little: every language's keys are tried, and repairs are listed); only a
    // language the evidence supports is reported.
    let language = guess.and_then(|g| g.reliable.then_some(g.code));
    let mut raw = layout::parse(&lines);
    // the raw records borrow the text, not the line table: free it before the records
    drop(lines);
    let mut warnings = std::mem::take(&mut raw.warnings);
    let mut repairs = Vec::new();
    // splitting unlisted words in two only where the document shows glued text
    let mend = if !options.repair {
        fields::repair::Mend::Off
    } else if fields::repair::glue_evidence_in(raw.value_texts(), guess.map(|g| g.code)) {
        fields::repair::Mend::All
    } else {
        fields::repair::Mend::Sure
    };
    let cookies = records::build(
        raw,
        guess.map(|g| g.code),
        mend,
        &mut warnings,
        &mut repairs,
    );
    if text.len() < full.len() {
        warnings.push(too_large(full.len(), segment::MAX_TEXT, text.len()));
    }
    warnings.sort_by_key(|w| (w.span.start, w.span.end));
    Policy {
        parser_version: PARSER_VERSION.to_string(),
        language: language.map(str::to_string),
        language_confidence: guess.map(|g| (g.confidence * 1000.0).round() / 1000.0),
        encoding: "utf-8".to_string(),
        text_len: full.len(),
        cookies,
        warnings,
        repairs,
    }
}

#[cfg(test)]
mod tests {
    use super::line_cut;

    /// A text over the limit is cut after its last line feed that fits, else at the
    /// last character boundary that fits; a text within it is kept whole.
    #[test]
    fn cuts_keep_whole_lines() {
        assert_eq!(line_cut("ab\ncd\nef", 100), 8);
        assert_eq!(line_cut("ab\ncd\nef", 8), 8);
        assert_eq!(line_cut("ab\ncd\nef", 7), 6);
        assert_eq!(line_cut("ab\ncd\nef", 5), 3);
        assert_eq!(line_cut("abcdef", 4), 4);
        assert_eq!(line_cut("aé", 2), 1);
        assert_eq!(line_cut("", 0), 0);
        for limit in 0..12 {
            let text = "x\né\n日本\n";
            let cut = line_cut(text, limit);
            assert!(cut <= limit && text.is_char_boundary(cut), "{limit}");
        }
    }
}
