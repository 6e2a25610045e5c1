//! A small glob matcher for `--glob`: `*` (not across `/`), `**` (across `/`),
//! `?`, `[abc]`, `[a-z]`, `[!a-z]`, and `\` to escape. Matching is a dynamic
//! programme over pattern × text, so it is linear in their product (no backtracking blow-up).

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Char(char),
    Any,
    Star,
    DoubleStar,
    Class {
        negated: bool,
        ranges: Vec<(char, char)>,
    },
}

/// One compiled pattern.
#[derive(Debug, Clone)]
pub(crate) struct Glob {
    tokens: Vec<Token>,
    /// The pattern has a `/`: it is matched against the relative path, not the name.
    pub(crate) has_slash: bool,
}

impl Glob {
    /// Compile `pattern`; an unclosed `[` or a trailing `\` is an error.
    pub(crate) fn new(pattern: &str) -> Result<Glob, String> {
        let mut tokens = Vec::new();
        let mut chars = pattern.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '*' => {
                    if chars.peek() == Some(&'*') {
                        chars.next();
                        // `**/` also matches zero directories.
                        if chars.peek() == Some(&'/') {
                            chars.next();
                            tokens.push(Token::DoubleStar);
                            tokens.push(Token::Char('/'));
                            // mark: the `/` after `**` is optional, handled in matching
                        } else {
                            tokens.push(Token::DoubleStar);
                        }
                    } else {
                        tokens.push(Token::Star);
                    }
                }
                '?' => tokens.push(Token::Any),
                '\\' => match chars.next() {
                    Some(e) => tokens.push(Token::Char(e)),
                    None => return Err(format!("invalid glob `{pattern}`: trailing `\\`")),
                },
                '[' => {
                    let mut negated = false;
                    if matches!(chars.peek(), Some('!') | Some('^')) {
                        negated = true;
                        chars.next();
                    }
                    let mut ranges = Vec::new();
                    let mut first = true;
                    loop {
                        let Some(c) = chars.next() else {
                            return Err(format!("invalid glob `{pattern}`: unclosed `[`"));
                        };
                        if c == ']' && !first {
                            break;
                        }
                        first = false;
                        let lo = c;
                        if chars.peek() == Some(&'-') {
                            let mut ahead = chars.clone();
                            ahead.next();
                            match ahead.peek() {
                                Some(&hi) if hi != ']' => {
                                    chars.next();
                                    chars.next();
                                    ranges.push((lo, hi));
                                    continue;
                                }
                                _ => {}
                            }
                        }
                        ranges.push((lo, lo));
                    }
                    tokens.push(Token::Class { negated, ranges });
                }
                c => tokens.push(Token::Char(c)),
            }
        }
        Ok(Glob {
            tokens,
            has_slash: pattern.contains('/'),
        })
    }

    /// Whether `text` matches the whole pattern.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        let text: Vec<char> = text.chars().collect();
        let n = text.len();
        // reach[j]: the tokens so far can consume exactly text[..j].
        let mut reach = vec![false; n + 1];
        reach[0] = true;
        let mut i = 0;
        while i < self.tokens.len() {
            let tok = &self.tokens[i];
            let mut next = vec![false; n + 1];
            match tok {
                Token::Star | Token::DoubleStar => {
                    let crosses = matches!(tok, Token::DoubleStar);
                    let mut on = false;
                    for j in 0..=n {
                        if reach[j] {
                            on = true;
                        } else if on && j > 0 && !crosses && text[j - 1] == '/' {
                            on = false;
                        }
                        next[j] = on;
                    }
                    // `**/`: the slash is optional (zero directories).
                    if crosses && self.tokens.get(i + 1) == Some(&Token::Char('/')) {
                        let mut after = vec![false; n + 1];
                        for j in 0..n {
                            if next[j] && text[j] == '/' {
                                after[j + 1] = true;
                            }
                        }
                        for j in 0..=n {
                            after[j] |= reach[j];
                        }
                        next = after;
                        i += 1;
                    }
                }
                _ => {
                    for j in 0..n {
                        if reach[j] && single(tok, text[j]) {
                            next[j + 1] = true;
                        }
                    }
                }
            }
            reach = next;
            i += 1;
        }
        reach[n]
    }
}

fn single(tok: &Token, c: char) -> bool {
    match tok {
        Token::Char(t) => *t == c,
        Token::Any => c != '/',
        Token::Class { negated, ranges } => {
            let inside = ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi);
            inside != *negated && c != '/'
        }
        Token::Star | Token::DoubleStar => false,
    }
}

/// The `--glob` filters: a file passes if it matches some include pattern
/// (or there is none) and no exclude (`!`) pattern.
#[derive(Debug, Default)]
pub(crate) struct Filter {
    include: Vec<Glob>,
    exclude: Vec<Glob>,
}

impl Filter {
    /// Compile the patterns.
    pub(crate) fn new(patterns: &[String]) -> Result<Filter, String> {
        let mut filter = Filter::default();
        for p in patterns {
            match p.strip_prefix('!') {
                Some(rest) => filter.exclude.push(Glob::new(rest)?),
                None => filter.include.push(Glob::new(p)?),
            }
        }
        Ok(filter)
    }

    /// Whether a file with this name and `/`-separated path relative to the walked root passes.
    pub(crate) fn accepts(&self, name: &str, relative: &str) -> bool {
        let hit = |g: &Glob| g.is_match(if g.has_slash { relative } else { name });
        (self.include.is_empty() || self.include.iter().any(hit)) && !self.exclude.iter().any(hit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, t: &str) -> bool {
        Glob::new(p).unwrap().is_match(t)
    }

    #[test]
    fn stars_and_classes() {
        assert!(m("*.txt", "en-01.txt"));
        assert!(!m("*.txt", "en-01.gold.json"));
        assert!(!m("*.txt", "a/b.txt"));
        assert!(m("**/*.txt", "b.txt"));
        assert!(m("**/*.txt", "a/b/c.txt"));
        assert!(m("a/**", "a/b/c"));
        assert!(m("en-0?.txt", "en-05.txt"));
        assert!(m("[de]*-0[1-3].txt", "de-03.txt"));
        assert!(!m("[!d]*", "de-03.txt"));
        assert!(m("\\*", "*"));
        assert!(m("", ""));
        assert!(Glob::new("[abc").is_err());
        assert!(m(&"*".repeat(50), &"a".repeat(500)));
    }

    #[test]
    fn filter() {
        let f = Filter::new(&["*.txt".into(), "!en-*".into()]).unwrap();
        assert!(f.accepts("de-03.txt", "de-03.txt"));
        assert!(!f.accepts("en-01.txt", "en-01.txt"));
        assert!(!f.accepts("MANIFEST.tsv", "MANIFEST.tsv"));
        assert!(Filter::new(&[]).unwrap().accepts("x", "x"));
    }
}
