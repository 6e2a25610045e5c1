//! Formatting one record into bytes (done by the workers, in parallel), and the
//! pieces the writer adds around them (JSON array brackets, CSV header).

use std::io::{self, Write};

use cookie_charter::{Cookie, Duration, DurationKind, Policy};

use super::args::Format;
use super::record::{DocumentRecord, ErrorRecord, OutputRecord, PassThrough};
use super::terminal::{self, escape, fit};

/// How records are written.
#[derive(Debug, Clone)]
pub(crate) struct Style {
    pub(crate) format: Format,
    pub(crate) pretty: bool,
    /// `--format json` prints an array (else one object).
    pub(crate) json_array: bool,
    /// CSV gets a `fields` column with the passed-through fields (JSON Lines input).
    pub(crate) csv_fields: bool,
    /// Table width in columns.
    pub(crate) width: usize,
    /// CSV cells that a spreadsheet would run as a formula are escaped.
    pub(crate) escape_formulas: bool,
}

/// CSV columns, in order. One row per cookie; a document without cookies has one
/// row with empty cookie columns, a failed input one row with `error` set, so that
/// every input is counted.
pub(crate) const CSV_COLUMNS: [&str; 15] = [
    "source",
    "language",
    "name",
    "provider",
    "category",
    "category_declared",
    "duration_text",
    "duration_kind",
    "duration_iso8601",
    "duration_seconds",
    "purposes",
    "span_start",
    "span_end",
    "error",
    "parser_version",
];

/// Separator of several purposes in one CSV cell.
pub(crate) const PURPOSE_SEPARATOR: &str = " | ";

impl Style {
    /// The header the writer prints before any record (CSV only).
    pub(crate) fn header(&self) -> Vec<u8> {
        if self.format != Format::Csv {
            return Vec::new();
        }
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut row: Vec<&str> = CSV_COLUMNS.to_vec();
        if self.csv_fields {
            row.push("fields");
        }
        // Writing to a Vec cannot fail.
        let _ = w.write_record(&row);
        w.into_inner().unwrap_or_default()
    }

    /// Whether records are compact JSON, which the writer serialises itself
    /// ([`write_json`]) rather than taking them formatted from the workers.
    pub(crate) fn streams(&self) -> bool {
        match self.format {
            Format::Jsonl => true,
            Format::Json => !self.pretty,
            Format::Csv | Format::Table => false,
        }
    }

    /// One record, formatted. JSON formats give the bare value (no separator);
    /// the writer adds newlines, commas and brackets.
    pub(crate) fn format(&self, record: &OutputRecord) -> Vec<u8> {
        match self.format {
            Format::Json | Format::Jsonl => self.json(record),
            Format::Csv => match record {
                OutputRecord::Document(doc) => csv_rows(doc, self.csv_fields, self.escape_formulas),
                OutputRecord::Error(err) => csv_error(err, self.csv_fields, self.escape_formulas),
            },
            Format::Table => match record {
                OutputRecord::Document(doc) => table(doc, self.width),
                OutputRecord::Error(err) => table_error(err),
            },
        }
    }

    fn json(&self, record: &OutputRecord) -> Vec<u8> {
        let mut out = Vec::with_capacity(4096);
        if self.pretty && self.format == Format::Json {
            // Serialising our own types into a Vec cannot fail.
            let _ = serde_json::to_writer_pretty(&mut out, record);
            if self.json_array {
                // Indent by one level inside the array. JSON strings escape their
                // newlines, so every newline here is structural.
                let mut indented = Vec::with_capacity(out.len() + out.len() / 8);
                indented.extend_from_slice(b"  ");
                for &b in &out {
                    indented.push(b);
                    if b == b'\n' {
                        indented.extend_from_slice(b"  ");
                    }
                }
                out = indented;
            }
        } else {
            let _ = write_json(&mut out, record);
        }
        out
    }
}

/// Write `record` as compact JSON: what [`Style::format`] gives without `--pretty`,
/// and what the writer streams ([`Style::streams`]).
pub(crate) fn write_json<W: Write>(out: &mut W, record: &OutputRecord) -> io::Result<()> {
    serde_json::to_writer(out, record).map_err(io::Error::from)
}

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a tab or
/// carriage return before one) gets a leading `'`, as OWASP advises and spreadsheet
/// exporters do: policy text comes from untrusted pages. `--csv-formulas` turns it off.
fn cell(value: &str, escape_formulas: bool) -> std::borrow::Cow<'_, str> {
    if escape_formulas && value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{value}"))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

fn csv_writer(rows: usize) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::with_capacity(256 * rows.max(1)))
}

fn csv_rows(doc: &DocumentRecord, with_fields: bool, esc: bool) -> Vec<u8> {
    let policy: &Policy = &doc.policy;
    let mut w = csv_writer(policy.cookies.len());
    let language = policy.language.as_deref().unwrap_or("");
    let fields = if with_fields {
        fields_json(&doc.fields)
    } else {
        String::new()
    };
    let source = cell(&doc.source, esc);
    let version = policy.parser_version.as_str();
    if policy.cookies.is_empty() {
        let mut row: Vec<&str> = vec![&source, language];
        row.extend(std::iter::repeat_n("", CSV_COLUMNS.len() - 4));
        row.extend(["", version]);
        if with_fields {
            row.push(&fields);
        }
        let _ = w.write_record(&row);
    }
    for c in &policy.cookies {
        let d = c.duration.as_ref();
        let seconds = d
            .and_then(|d| d.seconds)
            .map(|s| s.to_string())
            .unwrap_or_default();
        let start = c.span.start.to_string();
        let end = c.span.end.to_string();
        let purposes = c.purposes.join(PURPOSE_SEPARATOR);
        let text = |v: Option<&str>| cell(v.unwrap_or(""), esc).into_owned();
        let mut row: Vec<String> = vec![
            source.to_string(),
            language.to_string(),
            text(Some(&c.name)),
            text(c.provider.as_deref()),
            c.category.as_str().to_string(),
            text(c.category_declared.as_deref()),
            text(d.map(|d| d.text.as_str())),
            d.map(|d| d.kind.as_str()).unwrap_or("").to_string(),
            d.and_then(|d| d.iso8601.clone()).unwrap_or_default(),
            seconds,
            text(Some(&purposes)),
            start,
            end,
            String::new(),
            version.to_string(),
        ];
        if with_fields {
            row.push(fields.clone());
        }
        let _ = w.write_record(&row);
    }
    w.into_inner().unwrap_or_default()
}

/// The row of a failed input: source, the error, empty cookie columns.
fn csv_error(err: &ErrorRecord, with_fields: bool, esc: bool) -> Vec<u8> {
    let mut w = csv_writer(1);
    let source = cell(&err.source, esc);
    let error = cell(&err.error, esc);
    let mut row: Vec<&str> = vec![&source];
    row.extend(std::iter::repeat_n("", CSV_COLUMNS.len() - 3));
    row.extend([&*error, err.parser_version]);
    let fields = fields_json(&err.fields);
    if with_fields {
        row.push(&fields);
    }
    let _ = w.write_record(&row);
    w.into_inner().unwrap_or_default()
}

fn fields_json(fields: &PassThrough) -> String {
    if fields.0.is_empty() {
        return String::new();
    }
    serde_json::to_string(fields).unwrap_or_default()
}

/// Short duration for the table: ISO 8601, `session`, or the text as written.
fn duration_cell(d: Option<&Duration>) -> String {
    match d {
        None => "-".to_string(),
        Some(d) => match (&d.iso8601, d.kind) {
            (Some(iso), _) => iso.clone(),
            (None, DurationKind::Session) => "session".to_string(),
            (None, _) => d.text.clone(),
        },
    }
}

fn table(doc: &DocumentRecord, width: usize) -> Vec<u8> {
    let p = &doc.policy;
    let mut out = Vec::new();
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let _ = writeln!(
        out,
        "{}  ({}, {}, {})",
        escape(&doc.source),
        p.language.as_deref().unwrap_or("language unknown"),
        plural(p.cookies.len(), "cookie"),
        plural(p.warnings.len(), "warning"),
    );
    if p.cookies.is_empty() {
        let _ = writeln!(out, "  (no cookies found)\n");
        return out;
    }
    let durations: Vec<String> = p
        .cookies
        .iter()
        .map(|c| duration_cell(c.duration.as_ref()))
        .collect();
    let col = |f: &dyn Fn(&Cookie) -> usize, head: &str, max: usize| {
        p.cookies
            .iter()
            .map(f)
            .max()
            .unwrap_or(0)
            .max(head.len())
            .min(max)
    };
    let mut name_w = col(&|c| terminal::width(&escape(&c.name)), "NAME", 28);
    let cat_w = "advertising".len();
    let dur_w = durations
        .iter()
        .map(|d| terminal::width(&escape(d)))
        .max()
        .unwrap_or(0)
        .clamp("DURATION".len(), 14);
    let mut prov_w = col(
        &|c| {
            c.provider
                .as_deref()
                .map_or(1, |s| terminal::width(&escape(s)))
        },
        "PROVIDER",
        22,
    );
    // Two spaces of indent and two between columns; on a narrow terminal the
    // provider and name columns give way first, so that the purpose keeps 12.
    let fixed = 2 + cat_w + 2 + dur_w + 2 + 2 + 2;
    let room = width.saturating_sub(fixed + 12);
    if name_w + prov_w > room {
        prov_w = prov_w.min(room.saturating_sub(name_w.min(16)).max(8));
        name_w = name_w.min(room.saturating_sub(prov_w).max(8));
    }
    let purpose_w = width.saturating_sub(fixed + name_w + prov_w).max(12);
    let _ = writeln!(
        out,
        "  {}  {}  {}  {}  PURPOSE",
        fit("NAME", name_w, true),
        fit("CATEGORY", cat_w, true),
        fit("DURATION", dur_w, true),
        fit("PROVIDER", prov_w, true),
    );
    for (c, d) in p.cookies.iter().zip(&durations) {
        let purpose = c.purposes.join(" / ");
        let _ = writeln!(
            out,
            "  {}  {}  {}  {}  {}",
            fit(&c.name, name_w, true),
            fit(c.category.as_str(), cat_w, true),
            fit(d, dur_w, true),
            fit(c.provider.as_deref().unwrap_or("-"), prov_w, true),
            fit(
                if purpose.is_empty() { "-" } else { &purpose },
                purpose_w,
                false
            ),
        );
    }
    out.push(b'\n');
    out
}

fn table_error(err: &ErrorRecord) -> Vec<u8> {
    format!(
        "{}  (error: {})\n\n",
        escape(&err.source),
        escape(&err.error)
    )
    .into_bytes()
}
