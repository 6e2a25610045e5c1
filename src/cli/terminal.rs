//! Text for a terminal: file names and cookie text come from untrusted pages and
//! file systems, and a terminal obeys what it is sent. Control characters (escape
//! sequences, newlines, carriage returns) and bidirectional overrides (which make a
//! name read differently from what it is) are shown as `\u{..}` escapes instead;
//! columns are cut and padded by display width (`unicode-width`), so wide and
//! combining characters keep the table aligned.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters a terminal must not be sent raw: controls (C0, DEL, C1) and the
/// bidirectional formatting characters.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// `s` with every unsafe character written as `\u{XXXX}`.
pub(crate) fn escape(s: &str) -> String {
    if !s.chars().any(is_unsafe) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Display width of `s` in terminal columns.
pub(crate) fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Whitespace folded, unsafe characters escaped, cut to `cols` columns (with `…`
/// when cut), padded to `cols` when `pad`.
pub(crate) fn fit(s: &str, cols: usize, pad: bool) -> String {
    let s = escape(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    let w = width(&s);
    if w > cols {
        let mut out = String::new();
        let mut used = 0;
        for c in s.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > cols.saturating_sub(1) {
                break;
            }
            used += cw;
            out.push(c);
        }
        out.push('…');
        used += 1;
        if pad && used < cols {
            out.push_str(&" ".repeat(cols - used));
        }
        out
    } else if pad {
        format!("{s}{}", " ".repeat(cols - w))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_bidi() {
        assert_eq!(escape("a\u{1b}[31mb"), "a\\u{001B}[31mb");
        assert_eq!(escape("x\u{202E}txt.exe"), "x\\u{202E}txt.exe");
        assert_eq!(escape("plain é"), "plain é");
        assert_eq!(escape("a\nb\rc"), "a\\u{000A}b\\u{000D}c");
    }

    #[test]
    fn fits_by_display_width() {
        assert_eq!(width(&fit("日本語のクッキー", 7, true)), 7);
        assert_eq!(fit("abc", 5, true), "abc  ");
        assert_eq!(fit("abcdef", 4, false), "abc…");
        assert_eq!(width(&fit("e\u{301}e\u{301}", 4, true)), 4);
    }
}
