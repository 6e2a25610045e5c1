//! `--summary`: counts over the run, printed on stderr.

use std::collections::BTreeMap;
use std::fmt::Write;

use cookie_charter::{Category, Policy};

const CATEGORIES: [Category; 5] = [
    Category::Necessary,
    Category::Functional,
    Category::Analytics,
    Category::Advertising,
    Category::Unknown,
];

/// The counts of one input.
#[derive(Debug, Default)]
pub(crate) struct DocStats {
    failed: bool,
    cookies: usize,
    warnings: usize,
    language: Option<String>,
    categories: [usize; 5],
}

impl DocStats {
    /// An input that failed.
    pub(crate) fn failed() -> DocStats {
        DocStats {
            failed: true,
            ..DocStats::default()
        }
    }

    /// A parsed document.
    pub(crate) fn of(policy: &Policy) -> DocStats {
        let mut categories = [0; 5];
        for c in &policy.cookies {
            if let Some(i) = CATEGORIES.iter().position(|k| *k == c.category) {
                categories[i] += 1;
            }
        }
        DocStats {
            failed: false,
            cookies: policy.cookies.len(),
            warnings: policy.warnings.len(),
            language: policy.language.clone(),
            categories,
        }
    }
}

/// Counts over all inputs: `inputs = documents + failures`, and
/// `documents = with cookies + without_cookies`.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    /// Documents parsed.
    pub(crate) documents: usize,
    /// Inputs that failed (each has an error record).
    pub(crate) failures: usize,
    /// Parsed documents in which no cookie was found.
    without_cookies: usize,
    /// Files found in directories and not read (not text, data files, not regular files).
    pub(crate) skipped: usize,
    cookies: usize,
    warnings: usize,
    languages: BTreeMap<String, usize>,
    categories: [usize; 5],
}

impl Summary {
    /// Count one input.
    pub(crate) fn add(&mut self, doc: &DocStats) {
        if doc.failed {
            self.failures += 1;
            return;
        }
        self.documents += 1;
        self.without_cookies += usize::from(doc.cookies == 0);
        self.cookies += doc.cookies;
        self.warnings += doc.warnings;
        let lang = doc.language.clone().unwrap_or_else(|| "none".to_string());
        *self.languages.entry(lang).or_default() += 1;
        for (total, n) in self.categories.iter_mut().zip(doc.categories) {
            *total += n;
        }
    }

    /// The summary as printed.
    pub(crate) fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "inputs:     {}", self.documents + self.failures);
        let _ = writeln!(s, "documents:  {}", self.documents);
        let _ = writeln!(s, "failures:   {}", self.failures);
        let _ = writeln!(s, "no cookies: {}", self.without_cookies);
        let _ = writeln!(s, "skipped:    {}", self.skipped);
        let _ = writeln!(s, "cookies:    {}", self.cookies);
        let _ = writeln!(s, "warnings:   {}", self.warnings);
        let mut langs: Vec<(&String, &usize)> = self.languages.iter().collect();
        langs.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let langs: Vec<String> = langs.iter().map(|(l, n)| format!("{l} {n}")).collect();
        let _ = writeln!(s, "languages:  {}", langs.join(", "));
        let cats: Vec<String> = CATEGORIES
            .iter()
            .zip(self.categories)
            .map(|(c, n)| format!("{} {n}", c.as_str()))
            .collect();
        let _ = writeln!(s, "categories: {}", cats.join(", "));
        s
    }

    /// The summary as one JSON object (and a newline), for `--summary --format json`.
    pub(crate) fn json(&self) -> String {
        let categories: serde_json::Map<String, serde_json::Value> = CATEGORIES
            .iter()
            .zip(self.categories)
            .map(|(c, n)| (c.as_str().to_string(), n.into()))
            .collect();
        let value = serde_json::json!({
            "inputs": self.documents + self.failures,
            "documents": self.documents,
            "failures": self.failures,
            "without_cookies": self.without_cookies,
            "skipped": self.skipped,
            "cookies": self.cookies,
            "warnings": self.warnings,
            "languages": self.languages,
            "categories": categories,
        });
        format!("{value}\n")
    }
}
