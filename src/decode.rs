//! Stage 1 (bytes input only): bytes → text.
//!
//! Policies arrive as files saved by browsers, word processors and PDF tools: UTF-8
//! (with or without a BOM), UTF-16 with a BOM, or, on Windows, Windows-1252. The
//! decoding is done by `encoding_rs` (the WHATWG definitions browsers use), never by
//! hand tables. Whatever the bytes are, a text comes out: decoding never fails.
//!
//! Spans of the resulting [`crate::Policy`] point into the *decoded* text (the text
//! this function returns, after control characters were dropped and mojibake was
//! repaired), not into the bytes.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::policy::{Span, Warning, WarningKind};

/// At most this many `ControlCharacters` warnings are given one by one; the rest are
/// summed up in one last warning, so a binary file cannot flood the output.
const MAX_CONTROL_WARNINGS: usize = 20;

/// Decode `bytes`; returns the text, the encoding's name and any warnings.
///
/// - a UTF-8 BOM, or bytes that are valid UTF-8: UTF-8 (the BOM is removed);
/// - a UTF-16 LE or BE BOM: UTF-16 (malformed units become U+FFFD, with a warning);
/// - anything else: Windows-1252, with an `EncodingFallback` warning, because that is
///   what pages saved on Windows in the supported languages are.
///
/// C0 control characters other than tab, line feed and carriage return (NUL from
/// binary junk, form feeds from PDF tools, ...) are dropped, so that the text around
/// them is parsed; each run dropped is a `ControlCharacters` warning whose (empty)
/// span is the position in the returned text where the run stood.
pub(crate) fn decode(bytes: &[u8]) -> (Cow<'_, str>, &'static str, Vec<Warning>) {
    let mut warnings = Vec::new();
    let (text, name): (Cow<'_, str>, &'static str) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => {
            let body = &bytes[bom_len..];
            let (text, had_errors) = enc.decode_without_bom_handling(body);
            let name = if enc == UTF_16LE {
                "utf-16le"
            } else if enc == UTF_16BE {
                "utf-16be"
            } else {
                "utf-8"
            };
            if had_errors {
                warnings.push(Warning {
                    kind: WarningKind::EncodingFallback,
                    message: format!(
                        "the input starts with a {name} byte-order mark but is not valid {name}; \
                         malformed sequences were replaced by U+FFFD"
                    ),
                    span: Span::new(0, text.len()),
                });
            }
            (text, name)
        }
        None => match std::str::from_utf8(bytes) {
            Ok(s) => (Cow::Borrowed(s), "utf-8"),
            Err(e) => {
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                warnings.push(Warning {
                    kind: WarningKind::EncodingFallback,
                    message: format!(
                        "the input is not valid UTF-8 (first bad byte at offset {}); \
                         decoded as Windows-1252",
                        e.valid_up_to()
                    ),
                    span: Span::new(0, text.len()),
                });
                (text, "windows-1252")
            }
        },
    };
    let text = drop_controls(text, &mut warnings);
    let text = repair_mojibake(text, &mut warnings);
    fit_spans(&text, &mut warnings);
    (text, name, warnings)
}

/// Spans must point into the text returned, which dropping controls and repairing
/// mojibake made shorter: whole-text warnings cover all of it, and a position taken
/// before the mojibake repair is kept inside the text, on a char boundary.
fn fit_spans(text: &str, warnings: &mut [Warning]) {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    for w in warnings {
        if w.kind == WarningKind::EncodingFallback {
            w.span = Span::new(0, text.len());
        } else {
            w.span = Span::new(floor(w.span.start), floor(w.span.end));
        }
    }
}

/// A file that is UTF-8 text once read as Windows-1252 and saved again (`Ã©` for
/// `é`) is a whole-document encoding error: repaired here, with the same rules as
/// field values (`fields::repair`), so that headers and headings are read too.
/// One `EncodingFallback` warning says how many places were repaired.
fn repair_mojibake<'a>(text: Cow<'a, str>, warnings: &mut Vec<Warning>) -> Cow<'a, str> {
    let (fixed, places) = crate::fields::repair::fix_mojibake(&text);
    if places == 0 {
        return text;
    }
    let fixed = fixed.into_owned();
    warnings.push(Warning {
        kind: WarningKind::EncodingFallback,
        message: format!(
            "the text holds UTF-8 that was read as Windows-1252 (mojibake such as `Ã©`); \
             {places} place(s) repaired before parsing"
        ),
        span: Span::new(0, fixed.len()),
    });
    Cow::Owned(fixed)
}

/// C0 controls that are not line structure: they carry no text and confuse every
/// later stage.
fn is_dropped_control(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{7F}'
}

/// Remove control characters, warning once per run (capped). Borrowed text without
/// controls stays borrowed.
fn drop_controls<'a>(text: Cow<'a, str>, warnings: &mut Vec<Warning>) -> Cow<'a, str> {
    if !text.chars().any(is_dropped_control) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut run = 0usize;
    let mut runs = 0usize;
    let mut extra = 0usize;
    let mut flush = |out: &String, run: &mut usize, warnings: &mut Vec<Warning>| {
        if *run == 0 {
            return;
        }
        runs += 1;
        if runs <= MAX_CONTROL_WARNINGS {
            warnings.push(Warning {
                kind: WarningKind::ControlCharacters,
                message: format!("{run} control character(s) dropped"),
                span: Span::new(out.len(), out.len()),
            });
        } else {
            extra += *run;
        }
        *run = 0;
    };
    for c in text.chars() {
        if is_dropped_control(c) {
            run += 1;
        } else {
            flush(&out, &mut run, warnings);
            out.push(c);
        }
    }
    flush(&out, &mut run, warnings);
    if runs > MAX_CONTROL_WARNINGS {
        warnings.push(Warning {
            kind: WarningKind::ControlCharacters,
            message: format!(
                "{extra} more control character(s) dropped in {} more place(s)",
                runs - MAX_CONTROL_WARNINGS
            ),
            span: Span::new(0, out.len()),
        });
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(bytes: &[u8], text: &str, enc: &str, kinds: &[WarningKind]) {
        let (t, e, w) = decode(bytes);
        assert_eq!(t, text);
        assert_eq!(e, enc);
        let got: Vec<WarningKind> = w.iter().map(|w| w.kind).collect();
        assert_eq!(got, kinds);
    }

    #[test]
    fn decodes_every_supported_encoding() {
        let fb = WarningKind::EncodingFallback;
        let cc = WarningKind::ControlCharacters;
        let cases: &[(&[u8], &str, &str, &[WarningKind])] = &[
            (b"Dur\xC3\xA9e", "Durée", "utf-8", &[]),
            (b"\xEF\xBB\xBFDur\xC3\xA9e", "Durée", "utf-8", &[]),
            (b"\xFF\xFED\x00\xE9\x00", "Dé", "utf-16le", &[]),
            (b"\xFE\xFF\x00D\x00\xE9", "Dé", "utf-16be", &[]),
            (b"Dur\xE9e \x80", "Durée €", "windows-1252", &[fb]),
            (b"a\x00\x00b\x0Cc", "abc", "utf-8", &[cc, cc]),
            (b"\xFF\xFED", "\u{FFFD}", "utf-16le", &[fb]),
            (b"", "", "utf-8", &[]),
            (b"Dur\xC3\x83\xC2\xA9e", "Durée", "utf-8", &[fb]),
            (b"S\xC3\xA3o \xC3\xA2ge", "São âge", "utf-8", &[]),
        ];
        for (bytes, text, enc, kinds) in cases {
            check(bytes, text, enc, kinds);
        }
    }

    #[test]
    fn control_warning_spans_point_into_decoded_text() {
        let (t, _, w) = decode(b"ab\x00cd");
        assert_eq!(t, "abcd");
        assert_eq!(w[0].span, Span::new(2, 2));
    }

    #[test]
    fn control_warnings_are_capped() {
        let bytes: Vec<u8> = (0..1000).flat_map(|_| [b'a', 0u8]).collect();
        let (t, _, w) = decode(&bytes);
        assert_eq!(t.len(), 1000);
        assert_eq!(w.len(), MAX_CONTROL_WARNINGS + 1);
    }
}
