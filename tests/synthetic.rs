//! Synthetic policies from real rows: records of the Open Cookie Database
//! (`tests/data/open-cookie-database.csv`, Apache-2.0, see `tests/data/OCD-LICENSE`;
//! commit 0ee5a17 of jkwakman/Open-Cookie-Database) rendered in every layout and
//! language, with header wordings drawn per document, and read back.
//!
//! The parser was never tuned on these documents: their names, providers and
//! descriptions are the database's, thousands of them, and the wordings are drawn at
//! random (fixed seed). The test prints a table per layout and language and fails
//! under a floor per layout, so that a change that breaks a family on names it was
//! not written against shows here, not on the next real policy.

use std::collections::BTreeMap;

use cookie_charter::{parse_policy, Category, DurationKind};

#[path = "support/scoring.rs"]
mod scoring;
use scoring::purpose_ok;

/// One database row as a document would state it.
#[derive(Debug, Clone)]
struct Row {
    name: String,
    provider: String,
    purpose: String,
    /// Number and unit (`2`, `years`), or `None` for a session cookie.
    length: Option<(u32, Unit)>,
    category: Category,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s.trim_end_matches('s') {
            "year" => Unit::Year,
            "month" => Unit::Month,
            "week" => Unit::Week,
            "day" => Unit::Day,
            "hour" => Unit::Hour,
            "minute" => Unit::Minute,
            _ => return None,
        })
    }

    /// ISO 8601 for `n` of this unit.
    fn iso(self, n: u32) -> String {
        match self {
            Unit::Year => format!("P{n}Y"),
            Unit::Month => format!("P{n}M"),
            Unit::Week => format!("P{n}W"),
            Unit::Day => format!("P{n}D"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Minute => format!("PT{n}M"),
        }
    }
}

/// How a language writes headers, lifetimes and categories.
struct Lang {
    code: &'static str,
    /// Header wordings for name, provider, purpose, lifetime and category columns.
    headers: [&'static [&'static str]; 5],
    /// Units, singular and plural, in `Unit` order.
    units: [(&'static str, &'static str); 6],
    session: &'static str,
    /// Category labels: necessary, functional, analytics, advertising.
    categories: [&'static str; 4],
}

const LANGS: &[Lang] = &[
    Lang {
        code: "en",
        headers: [
            &["Name", "Cookie", "Cookie name", "Cookie Name"],
            &["Provider", "Vendor", "Set by", "Source"],
            &["Purpose", "Description", "Function"],
            &[
                "Duration",
                "Expiry",
                "Expiration",
                "Retention period",
                "Maximum storage duration",
            ],
            &["Category", "Type"],
        ],
        units: [
            ("year", "years"),
            ("month", "months"),
            ("week", "weeks"),
            ("day", "days"),
            ("hour", "hours"),
            ("minute", "minutes"),
        ],
        session: "Session",
        categories: ["Strictly necessary", "Functional", "Analytics", "Marketing"],
    },
    Lang {
        code: "fr",
        headers: [
            &["Nom", "Cookie", "Nom du cookie"],
            &["Fournisseur", "Émetteur", "Éditeur"],
            &["Finalité", "Description", "Objet"],
            &["Durée", "Durée de conservation", "Expiration"],
            &["Catégorie", "Type"],
        ],
        units: [
            ("an", "ans"),
            ("mois", "mois"),
            ("semaine", "semaines"),
            ("jour", "jours"),
            ("heure", "heures"),
            ("minute", "minutes"),
        ],
        session: "Session",
        categories: [
            "Nécessaire",
            "Fonctionnel",
            "Mesure d'audience",
            "Publicité",
        ],
    },
    Lang {
        code: "de",
        headers: [
            &["Name", "Cookie", "Cookie-Name"],
            &["Anbieter", "Herausgeber"],
            &["Zweck", "Beschreibung"],
            &["Speicherdauer", "Laufzeit", "Ablauf"],
            &["Kategorie", "Typ"],
        ],
        units: [
            ("Jahr", "Jahre"),
            ("Monat", "Monate"),
            ("Woche", "Wochen"),
            ("Tag", "Tage"),
            ("Stunde", "Stunden"),
            ("Minute", "Minuten"),
        ],
        session: "Sitzung",
        categories: ["Notwendig", "Funktional", "Statistik", "Marketing"],
    },
    Lang {
        code: "es",
        headers: [
            &["Nombre", "Cookie"],
            &["Proveedor", "Titular"],
            &["Finalidad", "Descripción"],
            &["Duración", "Caducidad", "Expiración"],
            &["Categoría", "Tipo"],
        ],
        units: [
            ("año", "años"),
            ("mes", "meses"),
            ("semana", "semanas"),
            ("día", "días"),
            ("hora", "horas"),
            ("minuto", "minutos"),
        ],
        session: "Sesión",
        categories: ["Técnica", "Funcional", "Analítica", "Publicidad"],
    },
    Lang {
        code: "it",
        headers: [
            &["Nome", "Cookie"],
            &["Fornitore", "Titolare"],
            &["Finalità", "Descrizione", "Scopo"],
            &["Durata", "Scadenza"],
            &["Categoria", "Tipo"],
        ],
        units: [
            ("anno", "anni"),
            ("mese", "mesi"),
            ("settimana", "settimane"),
            ("giorno", "giorni"),
            ("ora", "ore"),
            ("minuto", "minuti"),
        ],
        session: "Sessione",
        categories: ["Tecnico", "Funzionale", "Analitico", "Pubblicità"],
    },
    Lang {
        code: "nl",
        headers: [
            &["Naam", "Cookie"],
            &["Aanbieder", "Leverancier"],
            &["Doel", "Beschrijving"],
            &["Bewaartermijn", "Looptijd", "Vervaltijd"],
            &["Categorie", "Soort"],
        ],
        units: [
            ("jaar", "jaar"),
            ("maand", "maanden"),
            ("week", "weken"),
            ("dag", "dagen"),
            ("uur", "uur"),
            ("minuut", "minuten"),
        ],
        session: "Sessie",
        categories: ["Noodzakelijk", "Functioneel", "Analytisch", "Marketing"],
    },
    Lang {
        code: "pt",
        headers: [
            &["Nome", "Cookie"],
            &["Fornecedor", "Provedor"],
            &["Finalidade", "Descrição"],
            &["Duração", "Expiração", "Validade"],
            &["Categoria", "Tipo"],
        ],
        units: [
            ("ano", "anos"),
            ("mês", "meses"),
            ("semana", "semanas"),
            ("dia", "dias"),
            ("hora", "horas"),
            ("minuto", "minutos"),
        ],
        session: "Sessão",
        categories: ["Necessário", "Funcional", "Análise", "Publicidade"],
    },
];

/// The rows a document may state: single-token names, a provider with no aside, a
/// one-line description, a lifetime of one number and unit or a session.
fn rows() -> Vec<Row> {
    let mut rd = csv::Reader::from_path("tests/data/open-cookie-database.csv").expect("the OCD");
    let mut out = Vec::new();
    for rec in rd.records() {
        let rec = rec.expect("a CSV row");
        // (a name is read without invisible characters: the OCD has one with a soft
        // hyphen in it, `logglytrackings\u{ad}ession`)
        let name = &rec[3].replace('\u{ad}', "");
        let (platform, category, name, description, retention) = (
            &rec[1],
            &rec[2],
            name,
            &rec[5],
            rec[6].trim().to_lowercase(),
        );
        let category = match category {
            "Functional" | "Personalization" => Category::Functional,
            "Analytics" => Category::Analytics,
            "Marketing" => Category::Advertising,
            "Security" | "Necessary" => Category::Necessary,
            _ => continue,
        };
        let length = if retention == "session" {
            None
        } else {
            let mut it = retention.split(' ');
            let (Some(n), Some(u), None) = (it.next(), it.next(), it.next()) else {
                continue;
            };
            match (n.parse::<u32>(), Unit::parse(u)) {
                (Ok(n), Some(u)) if n > 0 => Some((n, u)),
                _ => continue,
            }
        };
        let purpose = description.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty()
            || name.contains(char::is_whitespace)
            || name.contains(['|', '\t'])
            || name.len() > 60
            || platform.is_empty()
            || platform.contains(['(', '|', '\t'])
            || purpose.len() < 10
            || purpose.len() > 240
            || purpose.contains(['|', '\t'])
        {
            continue;
        }
        let purpose = if purpose.ends_with(['.', '!', '?']) {
            purpose
        } else {
            format!("{purpose}.")
        };
        out.push(Row {
            name: name.to_string(),
            provider: platform.to_string(),
            purpose,
            length,
            category,
        });
    }
    out
}

/// A small deterministic generator (xorshift64*): the same documents in every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    /// Shuffle `xs` in place (Fisher–Yates).
    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for k in (1..xs.len()).rev() {
            xs.swap(k, self.below(k + 1));
        }
    }
}

/// A row's cells as a document in language `l` writes them.
fn cells(l: &Lang, r: &Row) -> [String; 5] {
    let life = match r.length {
        None => l.session.to_string(),
        Some((n, u)) => {
            let (one, many) = l.units[u as usize];
            format!("{n} {}", if n == 1 { one } else { many })
        }
    };
    let cat = match r.category {
        Category::Necessary => l.categories[0],
        Category::Functional => l.categories[1],
        Category::Analytics => l.categories[2],
        _ => l.categories[3],
    };
    [
        r.name.clone(),
        r.provider.clone(),
        r.purpose.clone(),
        life,
        cat.to_string(),
    ]
}

/// `n` rows drawn from `all` that `keep` accepts, each name once, with their cells
/// as a document in language `l` writes them.
fn pick_rows(
    rng: &mut Rng,
    all: &[Row],
    l: &Lang,
    n: usize,
    keep: impl Fn(&Row) -> bool,
) -> Vec<(Row, [String; 5])> {
    let mut seen = std::collections::HashSet::new();
    (0..n)
        .map(|_| rng.pick(all).clone())
        .filter(|r| keep(r) && seen.insert(r.name.clone()))
        .map(|r| {
            let c = cells(l, &r);
            (r, c)
        })
        .collect()
}

/// Up to `n` rows for a section of a document: of the category `k` (the order of a
/// language's `categories`: necessary, functional, analytics, advertising) when one
/// is given, each name once in the whole document (`seen`).
fn section_rows(
    rng: &mut Rng,
    all: &[Row],
    l: &Lang,
    k: Option<usize>,
    n: usize,
    seen: &mut std::collections::HashSet<String>,
) -> Vec<(Row, [String; 5])> {
    let of_k = |r: &Row| {
        k.is_none_or(|k| {
            k == match r.category {
                Category::Necessary => 0,
                Category::Functional => 1,
                Category::Analytics => 2,
                _ => 3,
            }
        })
    };
    pick_rows(rng, all, l, 12 * n, of_k)
        .into_iter()
        .filter(|(r, _)| seen.insert(r.name.clone()))
        .take(n)
        .collect()
}

/// A name of letters, digits, `_` and `-` only: no `:`, `/`, `%`, `.` or `*` that a
/// generator's own separators or a name's gloss could take for theirs.
fn plain_name(name: &str) -> bool {
    name.chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// Whether `text` holds a dash between spaces (` - `, ` – `, ` — `): the separator of
/// the generators that write a record's cells on one line, which a description must
/// not hold.
fn has_spaced_dash(text: &str) -> bool {
    [" - ", " – ", " — "].iter().any(|d| text.contains(d))
}

/// A document's category sections in a shuffled order: for each category `k` (in the
/// order of a language's `categories`), `base` to `base + 2` rows of it drawn by
/// [`section_rows`] and handed to `write`; a category that drew no row is left out.
fn category_sections(
    rng: &mut Rng,
    all: &[Row],
    l: &Lang,
    base: usize,
    seen: &mut std::collections::HashSet<String>,
    mut write: impl FnMut(&mut Rng, usize, Vec<(Row, [String; 5])>),
) {
    let mut order = [0, 1, 2, 3];
    rng.shuffle(&mut order);
    for k in order {
        let n = base + rng.below(3);
        let picked = section_rows(rng, all, l, Some(k), n, seen);
        if !picked.is_empty() {
            write(rng, k, picked);
        }
    }
}

/// The marks list items open with on real pages, word processors' and PDF tools'
/// alike: dots, dashes, squares, circles, triangles, arrows, check marks. A generator
/// draws its bullet from them, so an item drawn with an arrow is read as one drawn
/// with a dot.
const BULLETS: &[&str] = &[
    "•", "-", "*", "–", "▪", "●", "∙", "■", "□", "◆", "◦", "○", "—", "⁃", "►", "▸", "‣", "→", "➔",
    "➢", "➤", "›", "»", "✓", "✔",
];

/// The layouts: each renders a header (five wordings) and rows of five cells.
const LAYOUTS: &[&str] = &[
    "tab",
    "pipe",
    "key-value",
    "label-led cards",
    "name-led cards",
    "cell per line",
    "aligned",
    "collapsed",
    "dash list",
    "fused",
    "markdown",
    "inline labels",
    "wrapped tab",
    "markdown cards",
    "csv",
    "semicolon",
    "grid",
];

/// How a document varies beyond its layout.
#[derive(Debug, Clone, Copy)]
struct Style {
    /// Categories as group rows over their rows instead of a column.
    groups: bool,
    /// Headers in capitals.
    upper: bool,
    /// A blank line after every row.
    spaced: bool,
    /// With `groups`: each group a section (a heading, then the table with its header
    /// again) instead of a group row.
    sections: bool,
    /// Line ends CRLF, a no-break space after every digit, trailing spaces.
    noise: bool,
}

impl Style {
    /// No group rows, headers as written, no noise; a blank line after every row when
    /// `spaced`.
    fn plain(spaced: bool) -> Style {
        Style {
            groups: false,
            upper: false,
            spaced,
            sections: false,
            noise: false,
        }
    }
}

/// Render rows in a layout and style: the category column becomes group rows (rows
/// sorted by category, a line naming it before each group) when `style.groups`.
fn render(layout: &str, h: &[&str; 5], rows: &[[String; 5]], style: Style) -> String {
    let upper: Vec<String> = h
        .iter()
        .map(|x| {
            if style.upper {
                x.to_uppercase()
            } else {
                x.to_string()
            }
        })
        .collect();
    let h: Vec<&str> = upper.iter().map(String::as_str).collect();
    let widths: [usize; 5] = std::array::from_fn(|k| {
        rows.iter()
            .map(|r| r[k].chars().count())
            .chain([h[k].chars().count()])
            .max()
            .unwrap_or(0)
    });
    if !style.groups {
        let h: [&str; 5] = [h[0], h[1], h[2], h[3], h[4]];
        return render_rows(layout, &h, rows, style.spaced, None, &widths);
    }
    let mut sorted = rows.to_vec();
    sorted.sort_by(|a, b| a[4].cmp(&b[4]));
    let mut s = String::new();
    let mut start = 0;
    let mut section = 0;
    if style.sections {
        s += "Cookies\n\nThe cookies we use are listed below.\n\n";
    }
    while start < sorted.len() {
        let end = (start..sorted.len())
            .find(|&k| sorted[k][4] != sorted[start][4])
            .unwrap_or(sorted.len());
        let group = sorted[start][4].clone();
        let part: Vec<[String; 5]> = sorted[start..end].to_vec();
        let h5: [&str; 5] = [h[0], h[1], h[2], h[3], h[4]];
        if style.sections {
            // a heading per group, in one of the ways documents number and mark them
            section += 1;
            s += &match group.len() % 4 {
                0 => format!("## {group}\n\n"),
                1 => format!("2.{section} {group}\n\n"),
                2 => format!("{}\n\n", group.to_uppercase()),
                _ => format!("{group}\n\n"),
            };
            s += &render_rows(layout, &h5, &part, style.spaced, Some(("", true)), &widths);
            s += "\n";
        } else {
            // the header once, before the first group (tables) or never (blocks)
            let with_header = start == 0;
            s += &render_rows(
                layout,
                &h5,
                &part,
                style.spaced,
                Some((&group, with_header)),
                &widths,
            );
        }
        start = end;
    }
    s
}

/// A copy with CRLF line ends, a no-break space after every digit (`2\u{a0}years`),
/// a soft hyphen inside every word of nine letters or more (`Marke\u{ad}ting`, as
/// pages that hyphenate carry them), a zero-width space opening every third line and
/// a trailing space on every other line.
fn noisy(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out += "\r\n";
        }
        if k % 3 == 2 && !line.is_empty() {
            out.push('\u{200b}');
        }
        let mut prev = ' ';
        let mut run = 0;
        for (i, c) in line.char_indices() {
            run = if c.is_alphabetic() { run + 1 } else { 0 };
            let long = line[i..].chars().take_while(|c| c.is_alphabetic()).count() + run > 9;
            if run == 6 && long {
                out.push('\u{ad}');
            }
            out.push(if c == ' ' && prev.is_ascii_digit() {
                '\u{a0}'
            } else {
                c
            });
            prev = c;
        }
        if k % 2 == 1 && !line.is_empty() {
            out.push(' ');
        }
    }
    out
}

/// Cells padded to their columns' widths, two spaces apart at least (a text copy of
/// an aligned table: an empty cell is only spaces).
/// A row of a delimited table, as a spreadsheet exports it: cells apart by `d`, a
/// cell quoted when it holds `d` or a quote (its quotes doubled).
fn delimited(cells: &[impl AsRef<str>], d: char) -> String {
    cells
        .iter()
        .map(|c| {
            let c = c.as_ref();
            if c.contains([d, '"']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(&d.to_string())
}

fn pad(cells: &[&str], widths: &[usize; 5]) -> String {
    let mut s = String::new();
    for (k, c) in cells.iter().enumerate() {
        s += c;
        if k + 1 < cells.len() {
            s += &" ".repeat(widths[k] + 2 - c.chars().count());
        }
    }
    s
}

/// Rows in a layout; with `group`, a group row first and no category cells (the
/// header once, when asked).
fn render_rows(
    layout: &str,
    h: &[&str; 5],
    rows: &[[String; 5]],
    spaced: bool,
    group: Option<(&str, bool)>,
    widths: &[usize; 5],
) -> String {
    let gap = if spaced { "\n" } else { "" };
    let (h, rows): (Vec<&str>, Vec<Vec<String>>) = match group {
        None => (h.to_vec(), rows.iter().map(|r| r.to_vec()).collect()),
        Some(_) => (
            h[..4].to_vec(),
            rows.iter().map(|r| r[..4].to_vec()).collect(),
        ),
    };
    let width = h.len();
    let header = group.is_none_or(|(_, with)| with);
    let mut s = String::new();
    // the document's intro, unless a section's heading was just written (`("", _)`)
    if group.is_none_or(|(g, with)| with && !g.is_empty()) {
        s += "Cookies\n\nThe cookies we use are listed below.\n\n";
    }
    // a table's header comes before the first group row
    let table = matches!(
        layout,
        "tab"
            | "pipe"
            | "cell per line"
            | "aligned"
            | "collapsed"
            | "fused"
            | "markdown"
            | "wrapped tab"
            | "csv"
            | "semicolon"
            | "grid"
    );
    if table && header {
        s += &match layout {
            "tab" | "wrapped tab" => format!("{}\n", h.join("\t")),
            "markdown" => format!("| {} |\n|{}\n", h.join(" | "), ":---|".repeat(width)),
            "pipe" => format!("| {} |\n|{}\n", h.join(" | "), "---|".repeat(width)),
            "cell per line" => h.iter().map(|c| format!("{c} |\n")).collect(),
            "collapsed" => format!("{}\n", h.join("    ")),
            "fused" => format!("{}\n", h.concat()),
            "csv" => format!("{}\n", delimited(&h, ',')),
            "semicolon" => format!("{}\n", delimited(&h, ';')),
            "grid" => {
                let w = grid_widths(&h, &rows);
                format!(
                    "{}{}{}",
                    grid_rule(&w, '-'),
                    grid_row(&h, &w),
                    grid_rule(&w, '=')
                )
            }
            _ => format!("{}\n", pad(&h, widths)),
        };
    }
    if let Some((g, _)) = group.filter(|(g, _)| !g.is_empty()) {
        s += &match layout {
            "pipe" => format!("| {g} |\n"),
            "markdown" => format!("| **{g}** |\n"),
            "cell per line" => format!("{g} |\n"),
            _ => format!("{g}\n"),
        };
    }
    match layout {
        "tab" => {
            for r in &rows {
                s += &format!("{}\n{gap}", r.join("\t"));
            }
        }
        "csv" | "semicolon" => {
            let d = if layout == "csv" { ',' } else { ';' };
            for r in &rows {
                s += &format!("{}\n{gap}", delimited(r, d));
            }
        }
        "pipe" => {
            for r in &rows {
                s += &format!("| {} |\n{gap}", r.join(" | "));
            }
        }
        // a plain-text grid table (`+----+----+`, as pandoc or a terminal writes
        // one): long cells wrapped inside their column, a rule after every row
        "grid" => {
            let w = grid_widths(&h, &rows);
            if !header {
                s += &grid_rule(&w, '-');
            }
            for r in &rows {
                s += &grid_row(r, &w);
                s += &grid_rule(&w, '-');
            }
        }
        "key-value" => {
            for r in &rows {
                for (k, v) in h.iter().zip(r) {
                    s += &format!("{k}: {v}\n");
                }
                s += "\n";
            }
        }
        "label-led cards" => {
            for r in &rows {
                for (k, v) in h.iter().zip(r) {
                    s += &format!("{k}\n{v}\n");
                }
                s += gap;
            }
        }
        "name-led cards" => {
            for r in &rows {
                s += &format!("{}\n{}\n{}\n{}\n", r[0], r[2], h[1], r[1]);
                if width == 5 {
                    s += &format!("{}\n{}\n", h[4], r[4]);
                }
                s += &format!("{}\n{}\n{gap}", h[3], r[3]);
            }
        }
        "cell per line" => {
            for r in &rows {
                for c in r {
                    s += &format!("{c} |\n");
                }
            }
        }
        "aligned" => {
            for r in &rows {
                let cells: Vec<&str> = r.iter().map(String::as_str).collect();
                s += &format!("{}\n{gap}", pad(&cells, widths));
            }
        }
        // a markdown capture (names in bold, providers linked: see `markdown_cells`)
        "markdown" => {
            for r in &rows {
                s += &format!("| {} |\n{gap}", r.join(" | "));
            }
        }
        // a markdown page's card per cookie: the name as a heading, in a code span or
        // bold, then `**Label:** value` lines
        "markdown cards" => {
            for r in &rows {
                let name = &r[0];
                s += &match name.len() % 3 {
                    0 => format!("### `{name}`\n"),
                    1 => format!("#### **{name}**\n"),
                    _ => format!("**`{name}`**\n"),
                };
                for (k, v) in h.iter().zip(r).skip(1) {
                    s += &format!("**{k}:** {v}\n");
                }
                s += "\n";
            }
        }
        // a card per line: `Label: value` pairs glued with a separator (`|`, `·`, `—` or a
        // comma)
        "inline labels" => {
            for r in &rows {
                let parts: Vec<String> = h
                    .iter()
                    .zip(r)
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect();
                let sep = [" | ", " · ", " — ", ", "][r[0].len() % 4];
                s += &format!("{}\n{gap}", parts.join(sep));
            }
        }
        // a browser copy whose long cells wrapped: the purpose continues on the next
        // line, with the row's remaining cells after it
        "wrapped tab" => {
            for r in &rows {
                let mut line = String::new();
                for (k, c) in r.iter().enumerate() {
                    if k > 0 {
                        line += "\t";
                    }
                    let words: Vec<&str> = c.split(' ').collect();
                    if words.len() >= 6 {
                        let cut = words.len() / 2;
                        line += &words[..cut].join(" ");
                        line += "\n";
                        line += &words[cut..].join(" ");
                    } else {
                        line += c;
                    }
                }
                s += &format!("{line}\n{gap}");
            }
        }
        // every separator lost, header included (one row per line)
        "fused" => {
            for r in &rows {
                s += &format!("{}\n{gap}", r.concat());
            }
        }
        // `• name – provider – lifetime – purpose` (a category as a fifth part)
        "dash list" => {
            for r in &rows {
                let mut parts = vec![r[0].as_str(), r[1].as_str(), r[3].as_str(), r[2].as_str()];
                if width == 5 {
                    parts.push(r[4].as_str());
                }
                let parts: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
                s += &format!("• {}\n{gap}", parts.join(" – "));
            }
        }
        // the padding collapsed to a fixed gap: an empty cell leaves a wider one
        "collapsed" => {
            for r in &rows {
                s += &format!("{}\n{gap}", r.join("    "));
            }
        }
        _ => unreachable!("a layout without a renderer"),
    }
    s
}

/// A grid table's column widths: each column as wide as its widest cell, at most 36
/// characters (longer cells wrap inside the column).
fn grid_widths(h: &[&str], rows: &[Vec<String>]) -> Vec<usize> {
    (0..h.len())
        .map(|k| {
            rows.iter()
                .map(|r| r[k].chars().count())
                .chain([h[k].chars().count(), 1])
                .max()
                .unwrap_or(1)
                .min(36)
        })
        .collect()
}

/// A grid table's rule: `+------+-----+` (`=` under the header).
fn grid_rule(w: &[usize], c: char) -> String {
    let mut s = String::from("+");
    for &k in w {
        s += &c.to_string().repeat(k + 2);
        s += "+";
    }
    s + "\n"
}

/// A grid table's row: each cell's words wrapped to its column's width, the row as
/// many lines as its tallest cell, every line padded to the columns.
fn grid_row<S: AsRef<str>>(cells: &[S], w: &[usize]) -> String {
    let wrapped: Vec<Vec<String>> = cells
        .iter()
        .zip(w)
        .map(|(c, &k)| {
            let mut lines = vec![String::new()];
            for word in c.as_ref().split_whitespace() {
                let last = lines.last_mut().expect("one line");
                if !last.is_empty() && last.chars().count() + 1 + word.chars().count() > k {
                    lines.push(word.to_string());
                } else {
                    if !last.is_empty() {
                        last.push(' ');
                    }
                    last.push_str(word);
                }
            }
            lines
        })
        .collect();
    let tall = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    let mut s = String::new();
    for i in 0..tall {
        s += "|";
        for (lines, &k) in wrapped.iter().zip(w) {
            let cell = lines.get(i).map_or("", String::as_str);
            s += &format!(
                " {cell}{} |",
                " ".repeat(k.saturating_sub(cell.chars().count()))
            );
        }
        s += "\n";
    }
    s
}

/// A row as a markdown capture writes it: the name in bold or as code, the provider
/// as a link to its privacy page.
fn markdown_cells(mut c: [String; 5]) -> [String; 5] {
    c[0] = if c[0].len().is_multiple_of(2) {
        format!("**{}**", c[0])
    } else {
        format!("`{}`", c[0])
    };
    if !c[1].is_empty() {
        let host: String = c[1]
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase();
        c[1] = format!("[{}](https://{host}.example/privacy)", c[1]);
    }
    c
}

/// Counts for one layout: rows stated, records read, names found, and records right
/// in each field (of those found).
#[derive(Default, Debug)]
struct Tally {
    gold: usize,
    pred: usize,
    hit: usize,
    provider: usize,
    purpose: usize,
    duration: usize,
    category: usize,
    exact: usize,
}

/// The language of `LANGS` with the code `code`.
fn lang(code: &str) -> &'static Lang {
    LANGS.iter().find(|l| l.code == code).expect("a language")
}

impl Tally {
    /// Count `other`'s figures in too.
    fn add(&mut self, other: &Tally) {
        self.gold += other.gold;
        self.pred += other.pred;
        self.hit += other.hit;
        self.provider += other.provider;
        self.purpose += other.purpose;
        self.duration += other.duration;
        self.category += other.category;
        self.exact += other.exact;
    }
    fn f1(&self) -> f64 {
        if self.gold + self.pred == 0 {
            return 1.0;
        }
        2.0 * self.hit as f64 / (self.gold + self.pred) as f64
    }
    fn exact(&self) -> f64 {
        self.exact as f64 / self.gold.max(1) as f64
    }
    /// Print the figures of the test `what` and fail under its floors.
    fn check(&self, what: &str, f1: f64, exact: f64) {
        eprintln!("{what}: F1={:.3} exact={:.3}", self.f1(), self.exact());
        assert!(
            self.f1() >= f1 && self.exact() >= exact,
            "{what}: F1 {:.3} exact {:.3}",
            self.f1(),
            self.exact()
        );
    }
}

/// Print a generated document under `SYNTH_DEBUG`, to read beside the misses.
fn show_doc(text: &str) {
    if std::env::var_os("SYNTH_DEBUG").is_some() {
        eprintln!("DOC\n{text}");
    }
}

fn score(t: &mut Tally, text: &str, want: &[(Row, [String; 5])]) {
    score_with(t, text, want, true);
}

/// [`score`] of a document that states lifetimes (`dated`) or none (then a cookie's
/// lifetime is right when none is read).
fn score_with(t: &mut Tally, text: &str, want: &[(Row, [String; 5])], dated: bool) {
    let p = parse_policy(text);
    t.gold += want.len();
    t.pred += p.cookies.len();
    let mut used = vec![false; p.cookies.len()];
    for (r, _) in want {
        let Some(k) = (0..p.cookies.len()).find(|&k| !used[k] && p.cookies[k].name == r.name)
        else {
            if std::env::var_os("SYNTH_DEBUG").is_some() {
                let got: Vec<&str> = p.cookies.iter().map(|c| c.name.as_str()).collect();
                eprintln!("MISSED {:?} among {got:?}", r.name);
            }
            continue;
        };
        used[k] = true;
        let c = &p.cookies[k];
        t.hit += 1;
        // an empty provider cell: none, or one the description names
        let prov = if r.provider.is_empty() {
            c.provider.as_deref().is_none_or(|p| r.purpose.contains(p))
        } else {
            c.provider.as_deref() == Some(r.provider.as_str())
        };
        let purp = c.purposes.join(" ") == r.purpose;
        let dur = !dated && c.duration.is_none()
            || dated
                && c.duration.as_ref().is_some_and(|d| match r.length {
                    None => d.kind == DurationKind::Session,
                    Some((n, u)) => {
                        d.kind == DurationKind::Persistent
                            && d.iso8601.as_deref() == Some(&u.iso(n))
                    }
                });
        let cat = c.category == r.category;
        if std::env::var_os("SYNTH_DEBUG").is_some() && !(prov && purp && dur && cat) {
            eprintln!(
                "MISS {}: prov={prov} purp={purp} dur={dur} cat={cat}\n  want {:?} {:?}\n  got  {:?} {:?} {:?}",
                r.name,
                r.provider,
                r.purpose,
                c.provider,
                c.purposes.join(" "),
                c.duration.as_ref().map(|d| &d.text)
            );
        }
        t.provider += usize::from(prov);
        t.purpose += usize::from(purp);
        t.duration += usize::from(dur);
        t.category += usize::from(cat);
        t.exact += usize::from(prov && purp && dur && cat);
    }
    if std::env::var_os("SYNTH_DEBUG").is_some() {
        for (c, _) in p.cookies.iter().zip(&used).filter(|(_, u)| !**u) {
            eprintln!("EXTRA {:?}", c.name);
        }
    }
}

/// Documents per layout and language.
const DOCS: usize = 6;

#[test]
fn open_cookie_database_rows_in_every_layout_and_language() {
    let all = rows();
    assert!(all.len() > 1500, "only {} usable rows", all.len());
    let mut rng = Rng(0x00C0_FFEE_D00D_F00D);
    let mut by_layout: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut by_lang: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut worst: Vec<(f64, String)> = Vec::new();
    for &layout in LAYOUTS {
        for l in LANGS {
            for _ in 0..DOCS {
                let n = 3 + rng.below(6);
                let picked: Vec<(Row, [String; 5])> = (0..n)
                    .map(|_| {
                        let r = rng.pick(&all).clone();
                        let c = cells(l, &r);
                        (r, c)
                    })
                    .collect();
                // one row per name: a document lists a cookie once
                let mut seen = std::collections::HashSet::new();
                let picked: Vec<_> = picked
                    .into_iter()
                    .filter(|(r, _)| seen.insert(r.name.clone()))
                    .collect();
                let mut h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
                // a provider cell left empty now and then (the row states none)
                let picked: Vec<(Row, [String; 5])> = picked
                    .into_iter()
                    .map(|(mut r, mut c)| {
                        if rng.below(8) == 0 {
                            r.provider.clear();
                            c[1].clear();
                        }
                        (r, c)
                    })
                    .collect();
                let mut rendered: Vec<[String; 5]> =
                    picked.iter().map(|(_, c)| c.clone()).collect();
                if layout == "markdown" {
                    rendered = rendered.into_iter().map(markdown_cells).collect();
                }
                // the first four columns in any order (the category stays last: group
                // rows replace it); name-led cards have a fixed shape
                if !matches!(layout, "name-led cards" | "dash list" | "markdown cards")
                    && rng.below(2) == 0
                {
                    let mut order = [0usize, 1, 2, 3];
                    for k in (1..4).rev() {
                        order.swap(k, rng.below(k + 1));
                    }
                    let h0 = h;
                    for (k, &o) in order.iter().enumerate() {
                        h[k] = h0[o];
                    }
                    for r in &mut rendered {
                        let r0 = r.clone();
                        for (k, &o) in order.iter().enumerate() {
                            r[k] = r0[o].clone();
                        }
                    }
                }
                let style = Style {
                    groups: rng.below(3) == 0,
                    upper: rng.below(4) == 0,
                    spaced: rng.below(4) == 0,
                    sections: rng.below(2) == 0,
                    noise: rng.below(4) == 0,
                };
                let mut text = render(layout, &h, &rendered, style);
                if style.noise {
                    text = noisy(&text);
                }
                let mut t = Tally::default();
                score(&mut t, &text, &picked);
                if t.exact() < 1.0 {
                    worst.push((t.exact(), format!("{layout}/{}:\n{text}", l.code)));
                }
                for acc in [
                    by_layout.entry(layout).or_default(),
                    by_lang.entry(l.code).or_default(),
                ] {
                    acc.gold += t.gold;
                    acc.pred += t.pred;
                    acc.hit += t.hit;
                    acc.provider += t.provider;
                    acc.purpose += t.purpose;
                    acc.duration += t.duration;
                    acc.category += t.category;
                    acc.exact += t.exact;
                }
            }
        }
    }
    let line = |name: &str, t: &Tally| {
        let of = |x: usize| x as f64 / t.hit.max(1) as f64;
        format!(
            "{name:<16} gold={:4} pred={:4} F1={:.3} provider={:.3} purpose={:.3} duration={:.3} category={:.3} exact={:.3}",
            t.gold,
            t.pred,
            t.f1(),
            of(t.provider),
            of(t.purpose),
            of(t.duration),
            of(t.category),
            t.exact()
        )
    };
    for (name, t) in &by_layout {
        eprintln!("{}", line(name, t));
    }
    for (name, t) in &by_lang {
        eprintln!("{}", line(name, t));
    }
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    let only = std::env::var("SYNTH_LAYOUT").unwrap_or_default();
    for (e, doc) in worst.iter().filter(|w| w.1.starts_with(&only)).take(3) {
        eprintln!("--- exact {e:.2}: {doc}");
    }
    // floors a little under what was measured when they were set (ratchet them up)
    for (name, t) in &by_layout {
        let (f1, exact) = floors(name);
        assert!(t.f1() >= f1, "{}", line(name, t));
        assert!(t.exact() >= exact, "{}", line(name, t));
    }
}

/// Lowest records F1 and share of rows right in every field a layout may fall to.
fn floors(layout: &str) -> (f64, f64) {
    match layout {
        // Still the weakest (F1 0.44 / exact 0.22 when added; 0.885 / 0.810 after the
        // fourth round read the name column anywhere, headers in capitals, known
        // vendors and lifetimes glued to the next cell, names glued after a full stop
        // and empty provider cells; 0.859 / 0.752 once sections and noise joined the
        // draws). Left: vendors the list lacks glued to a name (`Nexx360n360_adot`,
        // `SAPgst`, `X_twitter_sess`), ambiguous glued plurals (`1 yearsqzl_consent`),
        // and the repair splitting compounds in purposes.
        "fused" => (0.83, 0.70),
        // Added in round 17 (names as headings in a code span or bold, `**Label:**
        // value` lines): 0.921 / 0.842 once code spans and bold keys were read (no
        // record at all for a code-span name before). Left: some cards whose name
        // is not read as a head when the one before it ends oddly, and values glued
        // to a key with no space after its closing stars.
        "markdown cards" => (0.90, 0.80),
        _ => (0.975, 0.90),
    }
}

/// Cells that state nothing: a provider or lifetime cell written as a dash, a slash
/// or a language's "not applicable" (`-`, `—`, `n/a`, `k. A.`, `n.v.t.`) is read as
/// an empty cell, in every layout and language: no record takes the placeholder as
/// its provider or lifetime, and the records are still all read.
#[test]
fn placeholder_cells_state_nothing() {
    const MARKS: &[&str] = &[
        "-",
        "—",
        "–",
        "-/-",
        "/",
        "n/a",
        "N/A",
        "n.a.",
        "k. A.",
        "keine Angabe",
        "n.v.t.",
        "N/D",
        "n.d.",
        "non applicable",
        "no aplica",
        "não aplicável",
        "Not applicable",
    ];
    let all = rows();
    let mut rng = Rng(0x0BAD_CE11_5EED_0001);
    let (mut gold, mut found, mut docs) = (0, 0, 0);
    for &layout in LAYOUTS {
        // the fused layout glues cells: a placeholder there is part of its neighbours
        if layout == "fused" {
            continue;
        }
        for l in LANGS {
            for _ in 0..2 {
                let mut seen = std::collections::HashSet::new();
                let picked: Vec<Row> = (0..4)
                    .map(|_| rng.pick(&all).clone())
                    .filter(|r| seen.insert(r.name.clone()))
                    .collect();
                let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
                let rendered: Vec<[String; 5]> = picked
                    .iter()
                    .map(|r| {
                        let mut c = cells(l, r);
                        c[1] = rng.pick(MARKS).to_string();
                        c[3] = rng.pick(MARKS).to_string();
                        c
                    })
                    .collect();
                let text = render(layout, &h, &rendered, Style::plain(rng.below(4) == 0));
                let p = parse_policy(&text);
                docs += 1;
                for r in &picked {
                    gold += 1;
                    let Some(c) = p.cookies.iter().find(|c| c.name == r.name) else {
                        continue;
                    };
                    found += 1;
                    let said = |v: &str| MARKS.iter().any(|m| m.eq_ignore_ascii_case(v.trim()));
                    assert!(
                        c.provider.as_deref().is_none_or(|v| !said(v)),
                        "{layout}/{}: provider {:?}\n{text}",
                        l.code,
                        c.provider
                    );
                    assert!(
                        c.duration.as_ref().is_none_or(|d| !said(&d.text)),
                        "{layout}/{}: lifetime {:?}\n{text}",
                        l.code,
                        c.duration
                    );
                }
            }
        }
    }
    assert!(docs > 100, "{docs}");
    // (a placeholder is no cell's content: the rows are still read)
    assert!(found * 100 >= gold * 95, "{found} of {gold} names read");
}

/// A table with no provider column whose rows are grouped under their service's
/// name (`Google Analytics`, then its cookies' rows): each row's provider is the
/// group row above it, in tab, pipe and space-aligned tables, once the first group
/// row names a known service; a later group row the vendor list lacks
/// (`Zorblax Metrics`) names its rows' provider all the same.
#[test]
fn service_group_rows_name_the_provider() {
    let all = rows();
    let mut rng = Rng(0x5E41_CE00_0000_0017);
    let (mut want, mut right) = (0, 0);
    for layout in ["tab", "pipe", "aligned"] {
        for doc in 0..12 {
            // two to four services, one to three cookies each; the last service of
            // every other document is one no list knows
            let mut groups: Vec<(String, Vec<Row>)> = Vec::new();
            for _ in 0..2 + rng.below(3) {
                // (one service a group row: not the database's joint platforms,
                // `Azure / Microsoft`)
                let first = rng.pick(&all).clone();
                if first.provider.contains('/') {
                    continue;
                }
                let mut members: Vec<Row> = all
                    .iter()
                    .filter(|r| r.provider == first.provider && r.name != first.name)
                    .take(rng.below(3))
                    .cloned()
                    .collect();
                members.insert(0, first.clone());
                if groups.iter().any(|g| g.0 == first.provider) {
                    continue;
                }
                groups.push((first.provider.clone(), members));
            }
            if doc % 2 == 1 {
                if let Some(last) = groups.last_mut() {
                    last.0 = "Zorblax Metrics".to_string();
                }
            }
            let line = |cells: [&str; 3]| match layout {
                "tab" => format!("{}\t{}\t{}\n", cells[0], cells[1], cells[2]),
                "pipe" => format!("| {} | {} | {} |\n", cells[0], cells[1], cells[2]),
                _ => format!("{:<40}  {:<250}  {}\n", cells[0], cells[1], cells[2]),
            };
            let mut text = String::from("Cookies\n\nThe cookies we use are listed below.\n\n");
            text += &line(["Name", "Purpose", "Expiry"]);
            if layout == "pipe" {
                text += "|---|---|---|\n";
            }
            let mut expected: Vec<(String, String)> = Vec::new();
            for (service, members) in &groups {
                text += &match layout {
                    "pipe" => format!("| {service} |\n"),
                    _ => format!("{service}\n"),
                };
                for r in members {
                    let life = match r.length {
                        None => "Session".to_string(),
                        Some((n, u)) => format!("{n} {:?}s", u).to_lowercase(),
                    };
                    text += &line([&r.name, &r.purpose, &life]);
                    expected.push((r.name.clone(), service.clone()));
                }
            }
            let p = parse_policy(&text);
            for (name, service) in &expected {
                want += 1;
                let got = p.cookies.iter().find(|c| &c.name == name);
                if got.is_some_and(|c| c.provider.as_deref() == Some(service.as_str())) {
                    right += 1;
                } else if std::env::var_os("SYNTH_DEBUG").is_some() {
                    eprintln!(
                        "{layout}: {name} want {service:?}, got {:?}\n{text}",
                        got.map(|c| &c.provider)
                    );
                }
            }
        }
    }
    eprintln!("service group rows: {right} of {want} providers");
    assert!(want > 100, "{want}");
    // (159 of 189 when written; 3 of 209 before service rows were read. Left: a
    // service named like a host, `Consentmanager.net`, or by a stop-listed word, `X`,
    // is no group row, and the rows under it keep the provider before or none)
    assert!(right * 100 >= want * 80, "{right} of {want} providers");
}

/// A tab table whose name column's header is a word no vocabulary lists (`Key`,
/// `Clé`, `Sleutel`) beside known headers: the header row is still the header (no
/// record is named after it), and the rows are read with their other cells.
#[test]
fn an_unlisted_name_header() {
    const UNLISTED: &[&str] = &[
        "Key",
        "Clé",
        "Clave",
        "Chiave",
        "Sleutel",
        "Designação",
        "Kennung",
    ];
    let all = rows();
    let mut rng = Rng(0x4EAD_E500_0000_0017);
    let mut t = Tally::default();
    for l in LANGS {
        for _ in 0..6 {
            let n = 3 + rng.below(5);
            let picked = pick_rows(&mut rng, &all, l, n, |_| true);
            let mut h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
            let word = *rng.pick(UNLISTED);
            h[0] = word;
            let rendered: Vec<[String; 5]> = picked.iter().map(|(_, c)| c.clone()).collect();
            let text = render("tab", &h, &rendered, Style::plain(false));
            let p = parse_policy(&text);
            assert!(
                p.cookies.iter().all(|c| c.name != word),
                "{}: the header {word:?} read as a cookie\n{text}",
                l.code
            );
            score(&mut t, &text, &picked);
        }
    }
    t.check("unlisted name header", 0.95, 0.85);
}

/// How a language writes a paragraph about one cookie: a sentence naming it (with
/// `{n}` the name and `{p}` its provider), then its description, then a sentence
/// stating its lifetime (`{d}`) or that it is a session cookie.
struct ProseLang {
    code: &'static str,
    naming: &'static [&'static str],
    lifetime: &'static [&'static str],
    session: &'static [&'static str],
}

const PROSE: &[ProseLang] = &[
    ProseLang {
        code: "en",
        naming: &[
            "The cookie {n} is set by {p}.",
            "{n} is a cookie placed by {p}.",
            "Our site uses the {n} cookie, which is set by {p}.",
        ],
        lifetime: &[
            "It expires after {d}.",
            "It lasts {d}.",
            "The retention period is {d}.",
        ],
        session: &[
            "It is deleted when you close your browser.",
            "It expires at the end of the session.",
        ],
    },
    ProseLang {
        code: "fr",
        naming: &[
            "Le cookie {n} est déposé par {p}.",
            "{n} est un cookie déposé par {p}.",
        ],
        lifetime: &[
            "Il expire après {d}.",
            "Sa durée de conservation est de {d}.",
        ],
        session: &["Il est supprimé à la fin de la session."],
    },
    ProseLang {
        code: "de",
        naming: &[
            "Das Cookie {n} wird von {p} gesetzt.",
            "{n} ist ein Cookie von {p}.",
        ],
        lifetime: &["Die Speicherdauer beträgt {d}.", "Es verfällt nach {d}."],
        session: &["Es wird am Ende der Sitzung gelöscht."],
    },
    ProseLang {
        code: "es",
        naming: &[
            "La cookie {n} es instalada por {p}.",
            "{n} es una cookie de {p}.",
        ],
        lifetime: &["Caduca a los {d}.", "Su duración es de {d}."],
        session: &["Se elimina al cerrar el navegador."],
    },
    ProseLang {
        code: "it",
        naming: &[
            "Il cookie {n} è installato da {p}.",
            "{n} è un cookie di {p}.",
        ],
        lifetime: &["Scade dopo {d}.", "La sua durata è di {d}."],
        session: &["Viene eliminato alla chiusura del browser."],
    },
    ProseLang {
        code: "nl",
        naming: &[
            "De cookie {n} wordt geplaatst door {p}.",
            "{n} is een cookie van {p}.",
        ],
        lifetime: &["Deze verloopt na {d}.", "De bewaartermijn is {d}."],
        session: &["Deze wordt verwijderd aan het einde van de sessie."],
    },
    ProseLang {
        code: "pt",
        naming: &[
            "O cookie {n} é definido por {p}.",
            "{n} é um cookie de {p}.",
        ],
        lifetime: &["Expira após {d}.", "A sua duração é de {d}."],
        session: &["É eliminado no fim da sessão."],
    },
];

/// The paragraphs `para` writes for the rows picked, grouped under their category's
/// heading as policies group them (the rows are sorted by it), a blank line after
/// each.
fn under_headings(
    picked: &mut [(Row, [String; 5])],
    mut para: impl FnMut(&Row, &[String; 5]) -> String,
) -> String {
    picked.sort_by_key(|(_, c)| c[4].clone());
    let mut text = String::new();
    let mut heading = "";
    for (r, c) in picked.iter() {
        if c[4] != heading {
            heading = &c[4];
            text.push_str(&format!("{heading}\n\n"));
        }
        text.push_str(&para(r, c));
        text.push_str("\n\n");
    }
    text
}

/// Documents of a paragraph per cookie in the wordings of `prose`, grouped under
/// their category's heading, scored into a tally.
fn paragraphs(prose: &[ProseLang], seed: u64) -> Tally {
    let all = rows();
    let mut rng = Rng(seed);
    let mut t = Tally::default();
    for pl in prose {
        let l = lang(pl.code);
        for _ in 0..DOCS * 2 {
            let n = 3 + rng.below(4);
            // (a name that ends a sentence with a full stop is another matter)
            let mut picked = pick_rows(&mut rng, &all, l, n, |r| !r.name.ends_with('.'));
            let text = under_headings(&mut picked, |r, c| {
                let naming = rng
                    .pick(pl.naming)
                    .replace("{n}", &r.name)
                    .replace("{p}", &r.provider);
                let life = match r.length {
                    None => rng.pick(pl.session).to_string(),
                    Some(_) => rng.pick(pl.lifetime).replace("{d}", &c[3]),
                };
                format!("{naming} {} {life}", r.purpose)
            });
            if std::env::var_os("SYNTH_DEBUG").is_some() {
                eprintln!("=== {}\n{text}", pl.code);
            }
            score(&mut t, &text, &picked);
        }
    }
    t
}

/// Prints a paragraph generator's tally (names found, fields right); returns the
/// share of records right in every field.
fn report_paragraphs(label: &str, t: &Tally) -> f64 {
    let exact = t.exact();
    eprintln!(
        "{label}: F1 {:.3} exact {exact:.3} (names {} of {}, provider {} purpose {} duration {})",
        t.f1(),
        t.hit,
        t.gold,
        t.provider,
        t.purpose,
        t.duration
    );
    exact
}

/// Prose with a paragraph per cookie: `The cookie _ga is set by Google. Distinguishes
/// users. It expires after 2 years.` The name is read wherever it stands in the
/// naming sentence (first, after `the cookie`, before `cookie`), with or without an
/// identifier's shape; the sentences after it are its description and lifetime, not
/// the naming sentence (which only says who sets it). Floors at what the reader
/// measured when it was written (round 18), so that a change that loses the family
/// shows here.
#[test]
fn a_paragraph_per_cookie() {
    let t = paragraphs(PROSE, 0x9A2A_6EA9_0000_0018);
    let exact = report_paragraphs("a paragraph per cookie", &t);
    // round 18: F1 0.906, exact 0.691 (before it: F1 0.484, exact 0.000; names
    // without `_` and names opening the sentence were not read, and the description
    // and lifetime after the naming sentence were dropped). Round 23: F1 0.972,
    // exact 0.787 (names between an article and `cookie`, `the GCLB cookie`; short
    // or near-word names in a sentence that says who sets the cookie, `La cookie gst
    // es instalada por SAP`); providers as a set-by phrase names them (`Wix.com`,
    // `Bing / Microsoft`, `ist ein Cookie von Piano`, `wird von X gesetzt`): exact
    // 0.891; providers in lower case after a set-by phrase (`phpMyAdmin`,
    // `adscale.de`): 0.907. Left: words (`audit`, `test`, `Player`) are no names;
    // providers with `!` (`Joomla!`).
    assert!(
        t.f1() >= 0.95 && exact >= 0.87,
        "F1 {:.3} exact {exact:.3}",
        t.f1()
    );
}

/// Other wordings of the same paragraphs, written after the reader was developed on
/// [`PROSE`] and never tuned on: the provider as the subject (`Google places the _ga
/// cookie`), `called`, `des Anbieters`, lifetimes as `Retention: 2 years` or `kept
/// for`. A check of how far the reader's mechanisms carry past the sentences they
/// were built on.
const PROSE_OTHER: &[ProseLang] = &[
    ProseLang {
        code: "en",
        naming: &[
            "We set a cookie called {n} on behalf of {p}.",
            "{p} places the {n} cookie on your device.",
            "The {n} cookie comes from {p}.",
        ],
        lifetime: &["The cookie is kept for {d}.", "Retention: {d}."],
        session: &[
            "It is a session cookie.",
            "It is removed when the session ends.",
        ],
    },
    ProseLang {
        code: "fr",
        naming: &[
            "Nous utilisons le cookie {n}, fourni par {p}.",
            "{p} dépose le cookie {n} sur votre terminal.",
        ],
        lifetime: &["Durée de vie : {d}.", "Il est conservé pendant {d}."],
        session: &["C'est un cookie de session."],
    },
    ProseLang {
        code: "de",
        naming: &[
            "Wir verwenden das Cookie {n} des Anbieters {p}.",
            "{p} setzt das Cookie {n}.",
        ],
        lifetime: &["Laufzeit: {d}.", "Es wird {d} gespeichert."],
        session: &["Es handelt sich um ein Session-Cookie."],
    },
    ProseLang {
        code: "es",
        naming: &[
            "Utilizamos la cookie {n}, proporcionada por {p}.",
            "{p} instala la cookie {n} en su dispositivo.",
        ],
        lifetime: &["Duración: {d}.", "Se conserva durante {d}."],
        session: &["Es una cookie de sesión."],
    },
    ProseLang {
        code: "it",
        naming: &[
            "Utilizziamo il cookie {n}, fornito da {p}.",
            "{p} installa il cookie {n} sul tuo dispositivo.",
        ],
        lifetime: &["Durata: {d}.", "Viene conservato per {d}."],
        session: &["È un cookie di sessione."],
    },
    ProseLang {
        code: "nl",
        naming: &[
            "Wij gebruiken de cookie {n} van {p}.",
            "{p} plaatst de cookie {n} op uw apparaat.",
        ],
        lifetime: &["Bewaartermijn: {d}.", "Deze wordt {d} bewaard."],
        session: &["Dit is een sessiecookie."],
    },
    ProseLang {
        code: "pt",
        naming: &[
            "Utilizamos o cookie {n}, fornecido por {p}.",
            "{p} instala o cookie {n} no seu dispositivo.",
        ],
        lifetime: &["Duração: {d}.", "É conservado durante {d}."],
        session: &["É um cookie de sessão."],
    },
];

/// [`a_paragraph_per_cookie`] in the wordings of [`PROSE_OTHER`].
#[test]
fn a_paragraph_per_cookie_in_other_wordings() {
    let t = paragraphs(PROSE_OTHER, 0x0E7A_5A6E_0000_0023);
    let exact = report_paragraphs("a paragraph per cookie, other wordings", &t);
    // round 23, measured before any change for it (the reader of `f19eaba`): F1
    // 0.863, exact 0.404. After the round's work on the first wordings: 0.925 /
    // 0.475. Then, developed on these: names before a set-by phrase (`le cookie
    // auid, fourni par`), a capitalised article (`The LSOLH cookie`), sentences that
    // only say the kind (`C'est un cookie de session.`), lifetimes before their verb
    // (`Es wird 2 Jahre gespeichert.`): 0.943 / 0.707. A provider as the subject
    // of a verb that sets the cookie (`Facebook places the fr cookie`): 0.954 /
    // 0.792. Left: words as names (`locale`, `Cart`, `car`).
    assert!(
        t.f1() >= 0.93 && exact >= 0.75,
        "F1 {:.3} exact {exact:.3}",
        t.f1()
    );
}

/// How a language qualifies the cookie word that introduces a name: `{c}` in a naming
/// sentence (with `{n}` the name and `{p}` its provider) is the cookie word qualified
/// as a session cookie, a persistent one or a third party's, as the language writes
/// it: after the word in the Romance languages (`cookie de session`, `cookie di terze
/// parti`), compounded in German and Dutch (`Sitzungscookie`, `Drittanbieter-Cookie`,
/// `sessiecookie`), before it in English. A name is quoted, half the time, with the
/// language's marks (`„_ga“`, `»_ga«`, `« _ga »`).
struct QualifiedLang {
    code: &'static str,
    naming: &'static [&'static str],
    session: &'static [&'static str],
    persistent: &'static [&'static str],
    party: &'static [&'static str],
    quotes: &'static [(&'static str, &'static str)],
}

const QUALIFIED: &[QualifiedLang] = &[
    QualifiedLang {
        code: "en",
        naming: &[
            "The {c} {n} is set by {p}.",
            "We use the {c} {n}, which is set by {p}.",
        ],
        session: &["session cookie"],
        persistent: &["persistent cookie", "permanent cookie"],
        party: &["third-party cookie"],
        quotes: &[("“", "”"), ("\"", "\""), ("'", "'")],
    },
    QualifiedLang {
        code: "fr",
        naming: &[
            "Le {c} {n} est déposé par {p}.",
            "Nous utilisons le {c} {n}, déposé par {p}.",
        ],
        session: &["cookie de session"],
        persistent: &["cookie persistant", "cookie permanent"],
        party: &["cookie tiers"],
        quotes: &[("« ", " »"), ("«", "»"), ("\"", "\"")],
    },
    QualifiedLang {
        code: "de",
        naming: &[
            "Das {c} {n} wird von {p} gesetzt.",
            "Wir verwenden das {c} {n} des Anbieters {p}.",
        ],
        session: &["Session-Cookie", "Sitzungscookie", "Sitzungs-Cookie"],
        persistent: &["Drittanbieter-Cookie"],
        party: &["Drittanbieter-Cookie"],
        quotes: &[("„", "“"), ("»", "«"), ("\"", "\"")],
    },
    QualifiedLang {
        code: "es",
        naming: &[
            "La {c} {n} es instalada por {p}.",
            "Utilizamos la {c} {n}, proporcionada por {p}.",
        ],
        session: &["cookie de sesión"],
        persistent: &["cookie persistente"],
        party: &["cookie de terceros"],
        quotes: &[("«", "»"), ("\"", "\"")],
    },
    QualifiedLang {
        code: "it",
        naming: &[
            "Il {c} {n} è installato da {p}.",
            "Utilizziamo il {c} {n}, fornito da {p}.",
        ],
        session: &["cookie di sessione"],
        persistent: &["cookie persistente"],
        party: &["cookie di terze parti"],
        quotes: &[("«", "»"), ("\"", "\"")],
    },
    QualifiedLang {
        code: "nl",
        naming: &[
            "De {c} {n} wordt geplaatst door {p}.",
            "Wij gebruiken de {c} {n} van {p}.",
        ],
        session: &["sessiecookie"],
        persistent: &["permanente cookie"],
        party: &["cookie van derden"],
        quotes: &[("‘", "’"), ("\"", "\"")],
    },
    QualifiedLang {
        code: "pt",
        naming: &[
            "O {c} {n} é definido por {p}.",
            "Utilizamos o {c} {n}, fornecido por {p}.",
        ],
        session: &["cookie de sessão"],
        persistent: &["cookie persistente"],
        party: &["cookie de terceiros"],
        quotes: &[("«", "»"), ("\"", "\"")],
    },
];

/// A paragraph per cookie whose naming sentence qualifies the cookie word
/// ([`QualifiedLang`]): `Le cookie de session PHPSESSID est déposé par …`, `Das
/// Sitzungscookie „PHPSESSID“ wird von … gesetzt`. A session cookie's paragraph
/// states its lifetime in a sentence of its own half the time, else the qualifier
/// alone says it; a persistent one's always does. Half the documents hold only names
/// without `_` (read where a name may stand, not by their shape). Written before the
/// reader read qualifiers after the cookie word, compounds or German quotes.
#[test]
fn cookies_named_by_a_qualified_cookie_word() {
    let all = rows();
    let mut rng = Rng(0x0A11_F1ED_0000_0039);
    let mut t = Tally::default();
    for q in QUALIFIED {
        let l = lang(q.code);
        let pl = PROSE.iter().find(|p| p.code == q.code).expect("prose");
        for d in 0..DOCS * 2 {
            let plain = d % 2 == 1;
            let n = 3 + rng.below(4);
            let mut picked = pick_rows(&mut rng, &all, l, n, |r| {
                !(r.name.ends_with('.') || (plain && r.name.contains('_')))
            });
            let text = under_headings(&mut picked, |r, c| {
                let session = r.length.is_none();
                let (kinds, said): (&[&str], bool) = match rng.below(2) {
                    0 if session => (q.session, true),
                    0 => (q.persistent, false),
                    _ => (q.party, false),
                };
                let name = if rng.below(2) == 0 {
                    let (open, close) = rng.pick(q.quotes);
                    format!("{open}{}{close}", r.name)
                } else {
                    r.name.clone()
                };
                let kind = *rng.pick(kinds);
                let naming = rng
                    .pick(q.naming)
                    .replace("{c}", kind)
                    .replace("{n}", &name)
                    .replace("{p}", &r.provider);
                let life = match r.length {
                    None if said && rng.below(2) == 0 => String::new(),
                    None => format!(" {}", rng.pick(pl.session)),
                    Some(_) => format!(" {}", rng.pick(pl.lifetime).replace("{d}", &c[3])),
                };
                format!("{naming} {}{life}", r.purpose)
            });
            show_doc(&text);
            score(&mut t, &text, &picked);
        }
    }
    // measured when added (round 39, the reader of `d37ad8f`): F1 0.535, exact 0.256
    // (no name without `_` after a qualified or compounded cookie word, none in German
    // quotes, the kind before a name taken for the lifetime); after: 0.972 / 0.846.
    // Left: names that are words (`visitor`, `disco`), a description ended by a name
    // in it (`stored in __utp`) or after three sentences, `Wix.com` cut at its dot
    t.check("cookies named by a qualified cookie word", 0.96, 0.82);
}

/// Sentences about cookies that name none, in the seven languages: a vendor that sets
/// cookies, a cookie word next to a common noun (`the session cookie`, `the cookie
/// bar`, `the cookie ID`), a set-by phrase about the site or the browser. The prose
/// reader's looser names (round 23) must read none of them.
const PROSE_NAMING_NONE: &[&str] = &[
    "We use the Google Analytics cookie to understand how visitors use our site. Google places cookies on your device when you accept them.",
    "The session cookie is deleted by your browser when you close it. The consent cookie is set by OneTrust to remember your choice.",
    "Facebook uses the pixel to measure conversions. Our partners such as Google and Facebook set cookies on your device.",
    "Der Cookie-Banner wird von Usercentrics bereitgestellt. Das Cookie wird von Ihrem Browser gespeichert.",
    "Le cookie de session est supprimé à la fermeture du navigateur. Google dépose des cookies sur votre terminal.",
    "La cookie de consentimiento es instalada por Cookiebot. Google instala cookies en su dispositivo.",
    "Il cookie tecnico è installato dal sito. Google installa i cookie sul tuo dispositivo.",
    "De cookie wordt geplaatst door uw browser. Google plaatst cookies op uw apparaat.",
    "O cookie de sessão é definido pelo site. A Google instala cookies no seu dispositivo.",
    "YouTube sets a cookie when you play a video. HubSpot stores the cookie for 13 months.",
    "The cookie bar is provided by CookieYes. The cookie ID is generated by Google. This is a cookie set by Google.",
    "Cookies are small text files. A cookie is set by the web server. The cookie value is encrypted by Cloudflare.",
    "It is a session cookie. This website uses a session cookie, which is set by WordPress.",
];

#[test]
fn prose_about_cookies_naming_none() {
    for p in PROSE_NAMING_NONE {
        let text = format!("Cookies\n\n{p}\n");
        let got: Vec<String> = parse_policy(&text)
            .cookies
            .iter()
            .map(|c| c.name.clone())
            .collect();
        assert!(got.is_empty(), "{p:?}: {got:?}");
    }
}

/// Labels no vocabulary needs to list, per language (the codes of [`LANGS`]): for
/// the name, provider, purpose, lifetime and category lines of a key-value block.
/// Some may be listed one day; the name labels are what the test is about.
const UNLISTED_LABELS: &[(&str, [&[&str]; 5])] = &[
    (
        "en",
        [
            &["Key", "Identifier", "Cookie label", "Technical ID"],
            &["Placed by", "Owner", "Issued by"],
            &["Why we use it", "Used for", "What it does"],
            &["Kept for", "Storage time", "Valid for"],
            &["Group", "Kind", "Classification"],
        ],
    ),
    (
        "fr",
        [
            &["Clé", "Intitulé", "Nom technique"],
            &["Déposé par", "Société", "Origine"],
            &["À quoi sert-il ?", "Utilité", "Rôle"],
            &["Conservation", "Validité", "Durée de vie"],
            &["Famille", "Classe"],
        ],
    ),
    (
        "de",
        [
            &["Schlüssel", "Technischer Name", "Kennung"],
            &["Platziert von", "Setzer", "Firma"],
            &["Aufgabe", "Wozu dient es", "Nutzen"],
            &["Verfallsdatum", "Aufbewahrung", "Lebenszeit"],
            &["Gruppe", "Klassifizierung"],
        ],
    ),
    (
        "es",
        [
            &["Clave", "Denominación", "Identificador"],
            &["Instalada por", "Empresa", "Tercero"],
            &["Para qué sirve", "Uso", "Utilidad"],
            &["Vigencia", "Conservación", "Tiempo de vida"],
            &["Clase", "Grupo"],
        ],
    ),
    (
        "it",
        [
            &["Chiave", "Denominazione", "Identificativo"],
            &["Installato da", "Società", "Gestore"],
            &["A cosa serve", "Utilizzo", "Uso"],
            &["Persistenza", "Validità", "Tempo di conservazione"],
            &["Classe", "Gruppo"],
        ],
    ),
    (
        "nl",
        [
            &["Sleutel", "Benaming", "Identificatie"],
            &["Herkomst", "Verstrekker", "Eigenaar"],
            &["Waarvoor", "Toelichting", "Gebruik"],
            &["Levensduur", "Houdbaarheid", "Opslagduur"],
            &["Groep", "Classificatie"],
        ],
    ),
    (
        "pt",
        [
            &["Chave", "Designação", "Identificador"],
            &["Prestador", "Entidade", "Terceiro"],
            &["Para que serve", "Utilidade", "Função"],
            &["Tempo de vida", "Conservação", "Vencimento"],
            &["Classe", "Grupo"],
        ],
    ),
];

/// Key-value blocks whose labels are words no vocabulary lists (`Intitulé: _ga`,
/// `Sleutel⇥_ga`, `Denominación - _ga`): the labels repeat from block to block, and
/// their values say what they are (names, lifetimes, vendors), so the blocks are
/// still read as records. Separators, the order of the lines after the name, and
/// missing provider lines are drawn per document.
#[test]
fn key_value_blocks_with_unlisted_labels() {
    let all = rows();
    let mut rng = Rng(0x1ABE_1500_0000_0019);
    let mut t = Tally::default();
    for l in LANGS {
        let (_, labels) = UNLISTED_LABELS
            .iter()
            .find(|(code, _)| *code == l.code)
            .expect("labels for every language");
        for _ in 0..6 {
            let n = 3 + rng.below(6);
            let picked = pick_rows(&mut rng, &all, l, n, |_| true);
            let keys: [&str; 5] = std::array::from_fn(|k| *rng.pick(labels[k]));
            let sep = *rng.pick(&[": ", ": ", "\t", " - ", " – "]);
            // the lines after the name, in an order drawn per document
            let mut order = vec![1, 2, 3, 4];
            rng.shuffle(&mut order);
            let mut text = String::from("Cookie policy\n\n");
            for (_, c) in &picked {
                text += &format!("{}{sep}{}\n", keys[0], c[0]);
                for &k in &order {
                    // a provider line is sometimes missing
                    if k == 1 && rng.below(8) == 0 {
                        continue;
                    }
                    text += &format!("{}{sep}{}\n", keys[k], c[k]);
                }
                text += "\n";
            }
            let want: Vec<(Row, [String; 5])> = picked.clone();
            // a dropped provider line means no provider is stated
            let stated: Vec<(Row, [String; 5])> = want
                .into_iter()
                .map(|(mut r, c)| {
                    if !text.contains(&format!("{}{sep}{}\n", keys[1], c[1])) {
                        r.provider.clear();
                    }
                    (r, c)
                })
                .collect();
            if std::env::var_os("SYNTH_DEBUG").is_some()
                && parse_policy(&text).cookies.len() < stated.len()
            {
                eprintln!("DOC\n{text}");
            }
            score(&mut t, &text, &stated);
        }
    }
    t.check("key-value blocks, unlisted labels", 0.97, 0.9);
}

/// A consent platform's card list copied as plain text: a group row with its count,
/// then per service its name, a line holding its count, a link's label, and its
/// cookies (name, one line of description, lifetime and type keys). The service's
/// name is each cookie's provider; the link's label (any wording) changes nothing.
#[test]
fn plain_text_cards_under_service_titles() {
    const LINKS: &[&str] = &[
        "Learn more about this provider",
        "View the provider's privacy policy",
        "Details",
        "More information",
    ];
    let all = rows();
    let mut rng = Rng(0xCA2D_5000_0000_0019);
    let mut t = Tally::default();
    for l in LANGS {
        for _ in 0..6 {
            let n = 3 + rng.below(6);
            let picked = pick_rows(&mut rng, &all, l, n, |r| {
                !r.provider.contains(char::is_numeric)
            });
            let life_key = *rng.pick(l.headers[3]);
            let link = *rng.pick(LINKS);
            let mut text = String::from("Cookie declaration\n\n");
            for (k, label) in l.categories.iter().enumerate() {
                let group: Vec<&(Row, [String; 5])> = picked
                    .iter()
                    .filter(|(r, _)| {
                        let c = match r.category {
                            Category::Necessary => 0,
                            Category::Functional => 1,
                            Category::Analytics => 2,
                            _ => 3,
                        };
                        c == k
                    })
                    .collect();
                if group.is_empty() {
                    continue;
                }
                text += &format!("{label} ({})\n", group.len());
                for (_, c) in group {
                    text += &format!(
                        "{}\n1\n{link}\n{}\n{}\n{life_key}: {}\nType: HTTP Cookie\n",
                        c[1], c[0], c[2], c[3]
                    );
                }
            }
            score(&mut t, &text, &picked);
        }
    }
    t.check("plain-text cards", 0.95, 0.85);
}

/// Tables whose name or provider header no table lists (the labels of
/// [`UNLISTED_LABELS`]), one cell per line (blank lines between rows or not) or
/// tab-separated: the other headers are listed wordings, the columns in an order drawn
/// per document, the name column anywhere; a missing provider is written `-`. The name
/// column is found from its cells, the provider column from its vendors.
#[test]
fn tables_under_unlisted_headers() {
    let all = rows();
    let mut rng = Rng(0x7AB1_E500_0000_0020);
    let mut t = Tally::default();
    for l in LANGS {
        let (_, labels) = UNLISTED_LABELS
            .iter()
            .find(|(code, _)| *code == l.code)
            .expect("labels for every language");
        for d in 0..6 {
            let n = 3 + rng.below(6);
            let picked = pick_rows(&mut rng, &all, l, n, |_| true);
            let mut h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
            // the name header, the provider header, or both, unlisted
            match rng.below(3) {
                0 => h[0] = *rng.pick(labels[0]),
                1 => h[1] = *rng.pick(labels[1]),
                _ => {
                    h[0] = *rng.pick(labels[0]);
                    h[1] = *rng.pick(labels[1]);
                }
            }
            let mut order = vec![0, 1, 2, 3, 4];
            rng.shuffle(&mut order);
            let cell = |c: &[String; 5], k: usize| {
                if c[k].is_empty() {
                    "-".to_string()
                } else {
                    c[k].clone()
                }
            };
            let mut text =
                String::from("Cookie policy\n\nThe cookies we use are listed below.\n\n");
            if d % 2 == 0 {
                let blank = rng.below(2) == 0;
                for &k in &order {
                    text += &format!("{}\n", h[k]);
                }
                for (_, c) in &picked {
                    if blank {
                        text += "\n";
                    }
                    for &k in &order {
                        text += &format!("{}\n", cell(c, k));
                    }
                }
            } else {
                let line = |cells: Vec<String>| cells.join("\t") + "\n";
                text += &line(order.iter().map(|&k| h[k].to_string()).collect());
                for (_, c) in &picked {
                    text += &line(order.iter().map(|&k| cell(c, k)).collect());
                }
            }
            text += "\nYou can change your choice at any time.\n";
            show_doc(&text);
            score(&mut t, &text, &picked);
        }
    }
    t.check("tables under unlisted headers", 0.95, 0.85);
}

/// Bulleted rows of cells in small groups under category headings (one to three
/// items a group): the name, then provider, description and lifetime in an order drawn
/// per document, between separators drawn per document (` – `, ` - `, ` | `, ` — `,
/// ` -> `), a missing provider left out. The names are the database's, most of them no
/// sure cookie name, so a group is read as a flattened table by its rows' shape.
#[test]
fn bulleted_rows_in_small_groups() {
    let t = bulleted_rows(0xB011_E700_0000_0020, &[" – ", " - ", " | ", " — ", " -> "]);
    t.check("bulleted rows", 0.95, 0.85);
}

/// [`bulleted_rows_in_small_groups`] between the arrows and chevrons pages write
/// between a name and its cells (` ▸ `, ` › `, ` » `, ` > `, ` → `), as a consent
/// panel's list (`_pk_id ▸ 13 months`) or a breadcrumb-like row copies. Written
/// before the list reader took them for separators.
#[test]
fn bulleted_rows_between_arrows() {
    let t = bulleted_rows(0xB011_E700_0000_0040, &[" ▸ ", " › ", " » ", " > ", " → "]);
    // measured when added (round 40, the reader of `7f247e9`): F1 0.529, exact 0.338
    // (only ` → ` separated cells); after: 0.991 / 0.964
    t.check("bulleted rows between arrows", 0.98, 0.93);
}

/// Documents of [`bulleted_rows_in_small_groups`], the separator of each drawn from
/// `seps`, scored into a tally.
fn bulleted_rows(seed: u64, seps: &[&str]) -> Tally {
    let all = rows();
    let mut rng = Rng(seed);
    let mut t = Tally::default();
    for l in LANGS {
        for _ in 0..6 {
            let sep = *rng.pick(seps);
            let bullet = *rng.pick(BULLETS);
            let mut order = [1, 2, 3];
            rng.shuffle(&mut order);
            let mut text = String::from("Cookie policy\n\nThe cookies we use, by category:\n\n");
            let mut want = Vec::new();
            for label in l.categories {
                let size = 1 + rng.below(3);
                let cat = l.categories.iter().position(|c| *c == label);
                let group = pick_rows(&mut rng, &all, l, 12, |r| {
                    let k = match r.category {
                        Category::Necessary => 0,
                        Category::Functional => 1,
                        Category::Analytics => 2,
                        _ => 3,
                    };
                    Some(k) == cat && !r.purpose.contains(sep.trim())
                });
                let group: Vec<_> = group.into_iter().take(size).collect();
                if group.is_empty() {
                    continue;
                }
                text += &format!("{label}\n");
                for (_, c) in &group {
                    let mut cells = vec![c[0].as_str()];
                    cells.extend(
                        order
                            .iter()
                            .map(|&k| c[k].as_str())
                            .filter(|c| !c.is_empty()),
                    );
                    text += &format!("{bullet} {}\n", cells.join(sep));
                }
                text += "\n";
                want.extend(group);
            }
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    t
}

/// A heading per cookie (`### \`YSC\``, `### trc`, `#### _ga`, `**ucid**`), its
/// fields as key lines under it (plain, bulleted or with bold keys, listed wordings
/// drawn per document), groups under category headings. The database's names, many
/// of them plain words or acronyms: the heading's place before the keys names them.
#[test]
fn a_heading_per_cookie() {
    let all = rows();
    let mut rng = Rng(0x4EAD_1200_0000_0020);
    let mut t = Tally::default();
    for l in LANGS {
        for _ in 0..6 {
            let n = 3 + rng.below(6);
            let picked = pick_rows(&mut rng, &all, l, n, |r| !r.provider.is_empty());
            let keys: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
            let head = *rng.pick(&["### `{}`", "### {}", "#### {}", "**{}**", "## `{}`"]);
            let key = *rng.pick(&["{}: ", "- {}: ", "**{}:** ", "* {}: "]);
            let mut text = String::from("# Cookie policy\n\nThese are the cookies we use.\n\n");
            for (_, c) in &picked {
                text += &format!("{}\n", head.replace("{}", &c[0]));
                for k in 1..5 {
                    text += &format!("{}{}\n", key.replace("{}", keys[k]), c[k]);
                }
                text += "\n";
            }
            show_doc(&text);
            score(&mut t, &text, &picked);
        }
    }
    t.check("a heading per cookie", 0.95, 0.85);
}

/// A record a line, `Label: value` pairs set apart by a separator drawn per document,
/// the name's label one no table lists (the labels of [`UNLISTED_LABELS`]) and the
/// others listed wordings, the pairs after the name in an order drawn per document.
#[test]
fn one_line_records_under_an_unlisted_name_label() {
    let all = rows();
    let mut rng = Rng(0x0E11_4E00_0000_0020);
    let mut t = Tally::default();
    for l in LANGS {
        let (_, labels) = UNLISTED_LABELS
            .iter()
            .find(|(code, _)| *code == l.code)
            .expect("labels for every language");
        for _ in 0..6 {
            let n = 3 + rng.below(6);
            let picked = pick_rows(&mut rng, &all, l, n, |r| !r.provider.is_empty());
            let mut keys: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
            keys[0] = *rng.pick(labels[0]);
            let sep = *rng.pick(&[" | ", "; ", " · ", " • "]);
            let mut order = [1, 2, 3, 4];
            rng.shuffle(&mut order);
            let mut text = String::from("Cookie policy\n\nThe cookies we use:\n\n");
            for (_, c) in &picked {
                let mut pairs = vec![format!("{}: {}", keys[0], c[0])];
                pairs.extend(order.iter().map(|&k| format!("{}: {}", keys[k], c[k])));
                text += &(pairs.join(sep) + "\n");
            }
            show_doc(&text);
            score(&mut t, &text, &picked);
        }
    }
    t.check("one-line records, unlisted name label", 0.95, 0.85);
}

/// Prose that names several cookies together, per language: the joiner between
/// names, sentences that give each cookie's lifetime after its own name, sentences
/// that list the lifetimes with a `respectively` word, and a first-party cookie
/// described after the services.
struct TogetherLang {
    code: &'static str,
    and: &'static str,
    /// `{p}` the provider, `{names}` the names joined, `{lives}` the lifetimes joined
    /// in the names' order.
    respectively: &'static [&'static str],
    /// `{p}` the provider, `{names}` the names joined; then each name's own clause
    /// (`{n}`, `{d}`), the clauses joined.
    own: Option<(&'static str, &'static str, &'static str)>,
    /// `{p}` the provider, `{items}` the names joined, each with its lifetime in
    /// brackets after it as the second template writes it (`{n}`, `{d}`).
    qualified: &'static [(&'static str, &'static str)],
    /// `{p}` the provider, `{items}` the items cut by semicolons, each a name and
    /// a clause with its lifetime as the second template writes it (`{n}`, `{d}`).
    clauses: Option<(&'static str, &'static str)>,
    /// `{n}`: a first-party session cookie (no provider).
    first_party: &'static str,
}

const TOGETHER: &[TogetherLang] = &[
    TogetherLang {
        code: "de",
        and: "und",
        respectively: &[],
        own: None,
        qualified: &[
            (
                "Wir verwenden {p}. Dabei werden die Cookies {items} gesetzt.",
                "{n} (Speicherdauer {d})",
            ),
            ("Die Cookies {items} werden von {p} gesetzt.", "{n} ({d})"),
        ],
        clauses: Some(("Folgende Cookies von {p} werden gesetzt: {items}.", "{n}, Speicherdauer {d}")),
        first_party: "Das Sitzungscookie {n} hält Sie angemeldet. Es wird am Ende der Sitzung gelöscht.",
    },
    TogetherLang {
        code: "en",
        and: "and",
        respectively: &[
            "The cookies {names} are set by {p} and expire after {lives} respectively.",
            "We use {p} ({names}) to measure visits; these cookies last {lives} respectively.",
        ],
        own: Some((
            "{p} sets the cookies {names}.",
            "the {n} cookie after {d}",
            "The {n} cookie expires after {d}",
        )),
        qualified: &[("{p} sets the cookies {items} to count visits.", "{n} ({d})")],
        clauses: Some(("We use the following cookies from {p}: {items}.", "{n}, which expires after {d}")),
        first_party: "The session cookie {n} keeps you signed in. It is deleted when you close your browser.",
    },
    TogetherLang {
        code: "fr",
        and: "et",
        respectively: &[
            "Les cookies {names} sont déposés par {p} et expirent après {lives} respectivement.",
            "Nous utilisons {p} ({names}) pour mesurer l'audience ; ces cookies sont conservés {lives} respectivement.",
        ],
        own: None,
        qualified: &[("Les cookies {items} sont déposés par {p}.", "{n} (durée : {d})")],
        clauses: Some(("Les cookies de {p} : {items}.", "{n} – mesure d'audience, {d}")),
        first_party: "Le cookie de session {n} garde votre connexion. Il est supprimé à la fin de la session.",
    },
    TogetherLang {
        code: "es",
        and: "y",
        respectively: &[
            "Las cookies {names} son instaladas por {p} y caducan después de {lives} respectivamente.",
        ],
        own: None,
        qualified: &[],
        clauses: None,
        first_party: "La cookie de sesión {n} mantiene su sesión abierta. Se elimina al final de la sesión.",
    },
    TogetherLang {
        code: "it",
        and: "e",
        respectively: &[
            "I cookie {names} sono installati da {p} e scadono dopo {lives} rispettivamente.",
        ],
        own: None,
        qualified: &[],
        clauses: None,
        first_party: "Il cookie di sessione {n} mantiene l'accesso. Viene eliminato alla fine della sessione.",
    },
];

/// A paragraph of `tl`'s templates drawn by `rng` naming the cookies `names` of the
/// provider `p` with their lifetimes `lives`: each lifetime after its own name, a
/// list of clauses cut by semicolons, a list with `respectively`, or each in
/// brackets after its name.
fn together_paragraph(
    rng: &mut Rng,
    tl: &TogetherLang,
    p: &str,
    names: &[String],
    lives: &[String],
) -> String {
    let listed_names = listed(names, tl.and);
    if let Some((intro, clause, first)) = tl.own.filter(|_| rng.below(2) == 0) {
        let own = |k: usize, t: &str| t.replace("{n}", &names[k]).replace("{d}", &lives[k]);
        let mut clauses = vec![own(0, first)];
        clauses.extend((1..names.len()).map(|k| own(k, clause)));
        let intro = intro.replace("{p}", p).replace("{names}", &listed_names);
        return format!("{intro} {}.", listed(&clauses, tl.and));
    }
    if let Some((sentence, item)) = tl.clauses.filter(|_| rng.below(4) == 0) {
        let items: Vec<String> = (0..names.len())
            .map(|k| item.replace("{n}", &names[k]).replace("{d}", &lives[k]))
            .collect();
        let (last, init) = items.split_last().expect("two names or more");
        let items = format!("{}; {} {last}", init.join("; "), tl.and);
        return sentence.replace("{p}", p).replace("{items}", &items);
    }
    if !tl.qualified.is_empty() && (tl.respectively.is_empty() || rng.below(3) == 0) {
        let (sentence, item) = *rng.pick(tl.qualified);
        let items: Vec<String> = (0..names.len())
            .map(|k| item.replace("{n}", &names[k]).replace("{d}", &lives[k]))
            .collect();
        return sentence
            .replace("{p}", p)
            .replace("{items}", &listed(&items, tl.and));
    }
    rng.pick(tl.respectively)
        .replace("{p}", p)
        .replace("{names}", &listed_names)
        .replace("{lives}", &listed(lives, tl.and))
}

/// `items` joined as a sentence lists them: commas, and the joiner before the last.
fn listed(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// Paragraphs of prose, each naming two or three cookies of one service together
/// with their lifetimes (each after its own name, or listed with `respectively`),
/// then a first-party session cookie: every cookie keeps its own lifetime, the
/// service's provider, and the first-party cookie none of the services before it.
/// Scored on names, providers and lifetimes (purposes are the sentences').
#[test]
fn cookies_named_together_in_prose() {
    let all = rows();
    let mut rng = Rng(0x70_6E7E_0000_0021);
    let mut t = Tally::default();
    for tl in TOGETHER {
        let l = lang(tl.code);
        for _ in 0..DOCS * 2 {
            let mut text = String::from("Cookie policy\n\n");
            let mut want: Vec<(String, Option<String>, Option<String>)> = Vec::new();
            for _ in 0..1 + rng.below(3) {
                let n = 2 + rng.below(2);
                let picked = pick_rows(&mut rng, &all, l, n + 2, |r| {
                    r.length.is_some() && r.name.contains('_') && !r.provider.is_empty()
                });
                let picked: Vec<_> = picked
                    .into_iter()
                    .filter(|(r, _)| !want.iter().any(|w| w.0 == r.name))
                    .take(n)
                    .collect();
                if picked.len() < 2 {
                    continue;
                }
                let p = picked[0].0.provider.clone();
                let names: Vec<String> = picked.iter().map(|(r, _)| r.name.clone()).collect();
                let lives: Vec<String> = picked.iter().map(|(_, c)| c[3].clone()).collect();
                let para = together_paragraph(&mut rng, tl, &p, &names, &lives);
                text += &format!("{para}\n\n");
                for (r, _) in &picked {
                    let iso = r.length.map(|(n, u)| u.iso(n));
                    want.push((r.name.clone(), Some(p.clone()), iso));
                }
            }
            let fp = pick_rows(&mut rng, &all, l, 4, |r| {
                r.length.is_none() && r.name.contains('_')
            });
            if let Some((r, _)) = fp.iter().find(|(r, _)| !want.iter().any(|w| w.0 == r.name)) {
                text += &format!("{}\n", tl.first_party.replace("{n}", &r.name));
                want.push((r.name.clone(), None, None));
            }
            let got = parse_policy(&text);
            show_doc(&text);
            t.gold += want.len();
            t.pred += got.cookies.len();
            for (name, provider, iso) in &want {
                let Some(c) = got.cookies.iter().find(|c| &c.name == name) else {
                    continue;
                };
                t.hit += 1;
                let life = match iso {
                    Some(i) => c.duration.as_ref().and_then(|d| d.iso8601.as_ref()) == Some(i),
                    None => c
                        .duration
                        .as_ref()
                        .is_some_and(|d| d.kind == DurationKind::Session),
                };
                let ok = life && &c.provider == provider;
                if std::env::var_os("SYNTH_DEBUG").is_some() && !ok {
                    eprintln!(
                        "MISS {name}: want {provider:?} {iso:?}, got {:?} {:?}",
                        c.provider,
                        c.duration.as_ref().map(|d| (&d.text, &d.iso8601))
                    );
                }
                t.exact += usize::from(ok);
            }
        }
    }
    // (exact: provider and lifetime right)
    t.check("cookies named together in prose", 0.95, 0.85);
}

/// Per language: the joiner between the last two clauses, clause templates (`{n}` a
/// cookie's name, `{p}` what it is for) and purposes written as that language writes
/// them after such a clause's verb.
struct ClauseLang {
    code: &'static str,
    and: &'static str,
    clauses: &'static [&'static str],
    purposes: &'static [&'static str],
    /// Said after a clause's purpose: the cookie's lifetime (`{d}`), joined by the
    /// language's joiner.
    lifetime: &'static str,
}

const CLAUSES: &[ClauseLang] = &[
    ClauseLang {
        code: "en",
        and: "and",
        clauses: &[
            "the {n} cookie is used {p}",
            "the cookie {n} is set {p}",
            "{n} is used {p}",
        ],
        purposes: &[
            "to distinguish visitors",
            "to remember your language",
            "to measure how ads perform",
            "to keep the shopping cart",
            "to count page views",
            "to balance the load on our servers",
        ],
        lifetime: " and expires after {d}",
    },
    ClauseLang {
        code: "fr",
        and: "et",
        clauses: &["le cookie {n} est utilisé {p}", "le cookie {n} sert {p}"],
        purposes: &[
            "pour distinguer les visiteurs",
            "pour mémoriser votre langue",
            "pour mesurer la performance des annonces",
            "pour conserver le panier",
            "pour compter les pages vues",
        ],
        lifetime: " et expire après {d}",
    },
    ClauseLang {
        code: "de",
        and: "und",
        clauses: &[
            "das Cookie {n} wird {p} verwendet",
            "der Cookie {n} dient {p}",
        ],
        purposes: &[
            "zur Unterscheidung der Besucher",
            "zum Speichern Ihrer Sprache",
            "zur Messung der Werbeleistung",
            "zum Speichern des Warenkorbs",
            "zur Zählung der Seitenaufrufe",
        ],
        lifetime: " und wird nach {d} gelöscht",
    },
    ClauseLang {
        code: "es",
        and: "y",
        clauses: &["la cookie {n} se utiliza {p}", "la cookie {n} sirve {p}"],
        purposes: &[
            "para distinguir a los visitantes",
            "para recordar su idioma",
            "para medir el rendimiento de los anuncios",
            "para conservar el carrito",
        ],
        lifetime: " y caduca después de {d}",
    },
    ClauseLang {
        code: "it",
        and: "e",
        clauses: &[
            "il cookie {n} viene utilizzato {p}",
            "il cookie {n} serve {p}",
        ],
        purposes: &[
            "per distinguere i visitatori",
            "per ricordare la lingua",
            "per misurare il rendimento degli annunci",
            "per conservare il carrello",
        ],
        lifetime: " e scade dopo {d}",
    },
];

/// Sentences that name two to four cookies, each in a clause of its own saying what
/// it is for (`The _ga cookie is used to distinguish visitors, the _gid cookie is
/// used to count page views and _gat is used to …`), the clauses set apart by commas,
/// semicolons or the joiner: each cookie takes its own clause's purpose, not the
/// sentence's. Scored on names and on purposes as the evaluation script judges them.
#[test]
fn several_cookies_each_in_its_own_clause() {
    let all = rows();
    let mut rng = Rng(0xC1A0_5E00_0000_0022);
    let mut t = Tally::default();
    for cl in CLAUSES {
        let l = lang(cl.code);
        for _ in 0..DOCS * 2 {
            let mut text = String::from("Cookie policy\n\n");
            let mut want: Vec<(String, &str)> = Vec::new();
            for _ in 0..1 + rng.below(3) {
                let n = 2 + rng.below(3);
                let picked: Vec<_> = pick_rows(&mut rng, &all, l, n + 3, |r| {
                    r.name.contains('_') && r.name.len() > 3
                })
                .into_iter()
                .filter(|(r, _)| !want.iter().any(|w| w.0 == r.name))
                .take(n)
                .collect();
                if picked.len() < 2 {
                    continue;
                }
                let mut clauses = Vec::new();
                for (r, c) in &picked {
                    let p = *rng.pick(cl.purposes);
                    let mut clause = rng
                        .pick(cl.clauses)
                        .replace("{n}", &r.name)
                        .replace("{p}", p);
                    if r.length.is_some() && rng.below(2) == 0 {
                        clause += &cl.lifetime.replace("{d}", &c[3]);
                    }
                    clauses.push(clause);
                    want.push((r.name.clone(), p));
                }
                let (last, init) = clauses.split_last().expect("two clauses or more");
                let sep = *rng.pick(&[", ", "; "]);
                let before_last = match rng.below(3) {
                    0 => format!(" {} ", cl.and),
                    1 => format!(", {} ", cl.and),
                    _ => sep.to_string(),
                };
                let sentence = format!("{}{before_last}{last}.", init.join(sep));
                let mut chars = sentence.chars();
                let first = chars.next().expect("a sentence").to_uppercase();
                text += &format!("{first}{}\n\n", chars.as_str());
            }
            let got = parse_policy(&text);
            show_doc(&text);
            t.gold += want.len();
            t.pred += got.cookies.len();
            for (name, purpose) in &want {
                let Some(c) = got.cookies.iter().find(|c| &c.name == name) else {
                    continue;
                };
                t.hit += 1;
                let said = c.purposes.join(" ");
                let ok = purpose_ok(purpose, &said);
                if std::env::var_os("SYNTH_DEBUG").is_some() && !ok {
                    eprintln!("MISS {name}: want {purpose:?}, got {said:?}");
                }
                t.exact += usize::from(ok);
            }
        }
    }
    // (exact: the purpose right)
    t.check("each cookie its own clause", 0.95, 0.85);
}

/// `text` with every line longer than `width` characters broken before the word
/// that would not fit (greedy, as a PDF tool or a mail client wraps), table lines
/// (tabs, pipes, cells aligned by runs of spaces, delimited rows) aside.
fn hard_wrap(text: &str, width: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text.split('\n') {
        // (a spreadsheet's row: two commas at least with no space after them; a
        // record's pairs between `, ` are text, and wrap)
        let delimited = line.matches(';').count() >= 2
            || line
                .match_indices(',')
                .filter(|&(p, _)| !line[p + 1..].starts_with(' '))
                .count()
                >= 2;
        if line.chars().count() <= width
            || line.contains(['\t', '|'])
            || line.contains("   ")
            || delimited
        {
            out.push(line.to_string());
            continue;
        }
        let mut cur = String::new();
        for w in line.split(' ').filter(|w| !w.is_empty()) {
            if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
                out.push(std::mem::take(&mut cur));
            }
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
        }
        out.push(cur);
    }
    out.join("\n")
}

/// Every layout in every language, eight to thirteen rows, then hard-wrapped at a
/// width between 50 and 90 characters: a policy copied out of a PDF. Each document
/// is read as written and wrapped, and the wrapped reading may lose only a little of
/// the written one (per layout). Where a document shows no width (a table whose
/// lines stay short) nothing is joined and nothing is lost; where it does, the rows,
/// items and paragraphs broken across lines are read whole (`src/wrap.rs`). Before
/// that, a wrapped row lost its purpose's end to a stray line, a card its lifetime:
/// exact 0.068 for dash lists, 0.59 for key-value blocks, 0.61 for label-led cards,
/// 0.30 for inline labels, 0.02 for fused rows (0.98–1.00 written).
#[test]
fn hard_wrapped_documents() {
    let all = rows();
    let mut rng = Rng(0x0BAD_C0DE_0F0F_1234);
    let mut failed = Vec::new();
    for &layout in LAYOUTS {
        let (mut written, mut wrapped) = (Tally::default(), Tally::default());
        for l in LANGS {
            for _ in 0..4 {
                let (picked, h, rendered) = draw_rows(&mut rng, &all, l, layout);
                let style = Style {
                    groups: rng.below(3) == 0,
                    sections: rng.below(2) == 0,
                    ..Style::plain(rng.below(4) == 0)
                };
                let text = render(layout, &h, &rendered, style);
                let width = 50 + rng.below(41);
                score(&mut written, &text, &picked);
                let hard = hard_wrap(&text, width);
                let before = wrapped.exact;
                score(&mut wrapped, &hard, &picked);
                // SYNTH_WRAP=layout prints that layout's documents read with a miss
                if std::env::var("SYNTH_WRAP").is_ok_and(|v| v == layout)
                    && wrapped.exact - before < picked.len()
                {
                    let read = cookie_charter::stages::unwrap(&hard);
                    eprintln!("--- {layout} at {width}:\n{hard}\n---unwrapped:\n{read}");
                }
            }
        }
        eprintln!(
            "{layout:<16} written F1={:.3} exact={:.3}  wrapped F1={:.3} exact={:.3}",
            written.f1(),
            written.exact(),
            wrapped.f1(),
            wrapped.exact()
        );
        // fused rows (cells glued with no separator) broken at a width are still
        // the weakest: a break after a glued `customers.` before `1 month` reads
        // as a dotted cookie name opening the next row (0.654 / 0.430 measured)
        let lost = if layout == "fused" {
            wrapped.f1() < 0.62 || wrapped.exact() < 0.40
        } else {
            wrapped.f1() < written.f1() - 0.02 || wrapped.exact() < written.exact() - 0.06
        };
        if lost {
            failed.push(layout);
        }
    }
    assert!(
        failed.is_empty(),
        "wrapped documents lost too much: {failed:?}"
    );
}

/// Rows drawn for a document, each with its cells as the document writes them.
type Picked = Vec<(Row, [String; 5])>;

/// Eight to thirteen rows drawn from `all` (each name once) with their cells in
/// language `l`, a header wording drawn for each column, and the cells as `layout`
/// renders them (markdown escapes for `markdown`): one document's draw for
/// [`hard_wrapped_documents`] and [`documents_cut_by_page_breaks`].
fn draw_rows(
    rng: &mut Rng,
    all: &[Row],
    l: &'static Lang,
    layout: &str,
) -> (Picked, [&'static str; 5], Vec<[String; 5]>) {
    let n = 8 + rng.below(6);
    let mut seen = std::collections::HashSet::new();
    let picked: Picked = (0..n)
        .map(|_| rng.pick(all).clone())
        .filter(|r| seen.insert(r.name.clone()))
        .map(|r| {
            let c = cells(l, &r);
            (r, c)
        })
        .collect();
    let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
    let mut rendered: Vec<[String; 5]> = picked.iter().map(|(_, c)| c.clone()).collect();
    if layout == "markdown" {
        rendered = rendered.into_iter().map(markdown_cells).collect();
    }
    (picked, h, rendered)
}

/// Tab tables whose header row the copy left out (a header drawn as an image, a
/// table continued on the next page, a copy begun below it): the database's rows in
/// every language, their cells in an order drawn per document, one to six rows a
/// table, either under section headings naming the category (one to three sections,
/// no header in any, or one over the first table only) or in one table with the
/// category a cell; a tab after the last
/// cell now and then (an empty column the page left); a missing provider an empty
/// cell. Nothing says what a column holds but its cells. Tables of one row are
/// counted apart too (`SYNTH_DEBUG` prints the documents).
#[test]
fn tables_without_a_header_row() {
    let all = rows();
    let mut rng = Rng(0x4EAD_E7E5_0000_0026);
    let mut t = Tally::default();
    let (mut single, mut single_found) = (0, 0);
    for l in LANGS {
        for d in 0..10 {
            let sections = d % 2 == 0;
            let mut order: Vec<usize> = if sections {
                vec![0, 1, 2, 3]
            } else {
                vec![0, 1, 2, 3, 4]
            };
            rng.shuffle(&mut order);
            let trailing = rng.below(4) == 0;
            let mut text =
                String::from("Cookie policy\n\nThe cookies we use are listed below.\n\n");
            let mut cats = [0usize, 1, 2, 3];
            rng.shuffle(&mut cats);
            let tables = if sections { 1 + rng.below(3) } else { 1 };
            let mut seen = std::collections::HashSet::new();
            let mut want = Vec::new();
            let mut alone = Vec::new();
            for &k in &cats[..tables] {
                let n = 1 + rng.below(6);
                let mut picked =
                    section_rows(&mut rng, &all, l, sections.then_some(k), n, &mut seen);
                for (r, c) in &mut picked {
                    if rng.below(8) == 0 {
                        r.provider.clear();
                        c[1].clear();
                    }
                }
                if sections {
                    text += &format!("{}\n\n", l.categories[k]);
                    // a paragraph about the section's cookies, now and then
                    if d % 3 == 0 {
                        text += "These cookies are listed with their provider, purpose and expiry. You can accept or refuse them at any time in the settings of this site.\n\n";
                    }
                }
                // now and then a header over the first table only (the document's
                // tables share its columns)
                if sections && d % 4 == 0 && want.is_empty() {
                    let h: Vec<&str> = order.iter().map(|&k| *rng.pick(l.headers[k])).collect();
                    text += &h.join("\t");
                    text += "\n";
                }
                for (_, c) in &picked {
                    let cells: Vec<&str> = order.iter().map(|&k| c[k].as_str()).collect();
                    text += &cells.join("\t");
                    text += if trailing { "\t\n" } else { "\n" };
                }
                text += "\n";
                if picked.len() == 1 {
                    alone.push(picked[0].0.name.clone());
                }
                want.extend(picked);
            }
            text += "You can change your choice at any time.\n";
            show_doc(&text);
            score(&mut t, &text, &want);
            let p = parse_policy(&text);
            single += alone.len();
            single_found += alone
                .iter()
                .filter(|n| p.cookies.iter().any(|c| &c.name == *n))
                .count();
        }
    }
    eprintln!("tables of one row: {single_found} of {single} names found");
    // measured when added: F1 0.943, exact 0.849, 5 of 17 one-row tables read; after
    // the round-26 inference (one row beyond doubt, party and label columns, the
    // provider by elimination, rows with an empty first cell): 0.993 / 0.945, 15 of 17;
    // 0.987 / 0.956 once a header over the first table and section paragraphs joined
    // the draws
    assert!(
        single_found * 10 >= single * 8,
        "{single_found} of {single}"
    );
    t.check("tables without a header row", 0.98, 0.92);
}

/// Items that name a cookie with a bracketed aside stating its provider and lifetime
/// (`• _ga (Google Analytics, 2 years): Distinguishes users.`, `_fbp (Meta; 3 months)
/// – Delivers ads.`): the database's rows in every language under category headings,
/// the aside's parts in either order, between a comma or a semicolon, the provider
/// left out when the row has none, then the description after a colon or a dash.
#[test]
fn names_with_a_bracketed_aside() {
    let all = rows();
    let mut rng = Rng(0xA51D_E500_0000_0026);
    let mut t = Tally::default();
    for l in LANGS {
        for d in 0..8 {
            let mut text = String::from("Cookies\n\nThe cookies we use are listed below.\n\n");
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let bullet = ["• ", "- ", "* ", ""][d % 4];
            let (sep, after) =
                [(", ", ": "), ("; ", " – "), (", ", " - "), ("; ", ": ")][rng.below(4)];
            let provider_first = rng.below(2) == 0;
            for k in 0..4 {
                let n = 1 + rng.below(4);
                let picked: Vec<(Row, [String; 5])> =
                    section_rows(&mut rng, &all, l, Some(k), n, &mut seen)
                        .into_iter()
                        .map(|(mut r, mut c)| {
                            if rng.below(6) == 0 {
                                r.provider.clear();
                                c[1].clear();
                            }
                            (r, c)
                        })
                        .collect();
                if picked.is_empty() {
                    continue;
                }
                text += &format!("{}\n\n", l.categories[k]);
                for (_, c) in &picked {
                    let aside = if c[1].is_empty() {
                        c[3].clone()
                    } else if provider_first {
                        format!("{}{sep}{}", c[1], c[3])
                    } else {
                        format!("{}{sep}{}", c[3], c[1])
                    };
                    text += &format!("{bullet}{} ({aside}){after}{}\n", c[0], c[2]);
                }
                text += "\n";
                want.extend(picked);
            }
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    // measured when added: F1 0.905, exact 0.156 (the aside read whole as the
    // provider or the description); after round 26's reading of its parts and of a
    // bracketed lifetime as a name's evidence: 0.993 / 0.984
    t.check("names with a bracketed aside", 0.98, 0.95);
}

/// Descriptions that state the provider and lifetime themselves, in items whose name
/// leads: a closing bracketed aside (`• _ga – Distinguishes users (Google Analytics,
/// 2 years)`) or labelled statements after the text (`_ga: Distinguishes users.
/// Provider: Google Analytics. Expiry: 2 years.`, the language's header words as
/// labels): the database's rows in every language under category headings.
#[test]
fn descriptions_that_state_provider_and_lifetime() {
    let all = rows();
    let mut rng = Rng(0xDE5C_0000_0000_0026);
    let mut t = Tally::default();
    for l in LANGS {
        for d in 0..8 {
            let mut text = String::from("Cookies\n\nThe cookies we use are listed below.\n\n");
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let labelled = d % 2 == 1;
            for k in 0..4 {
                let n = 1 + rng.below(4);
                let picked = section_rows(&mut rng, &all, l, Some(k), n, &mut seen);
                if picked.is_empty() {
                    continue;
                }
                text += &format!("{}\n\n", l.categories[k]);
                for (r, c) in picked {
                    if labelled {
                        let pk = *rng.pick(l.headers[1]);
                        let dk = *rng.pick(l.headers[3]);
                        text += &format!("{}: {} {pk}: {}. {dk}: {}.\n", c[0], c[2], c[1], c[3]);
                        want.push((r, c));
                    } else {
                        let mut r = r;
                        // the description's full stop goes after the aside
                        r.purpose = r.purpose.trim_end_matches('.').to_string();
                        let sep = [", ", "; "][rng.below(2)];
                        text += &format!("• {} – {} ({}{sep}{})\n", c[0], r.purpose, c[1], c[3]);
                        want.push((r, c));
                    }
                }
                text += "\n";
            }
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    // measured when added: F1 0.916, exact 0.825 (the aside or the labels left in the
    // description, items of names no list knows not read); after round 26: 0.984 /
    // 0.979
    t.check("descriptions that state provider and lifetime", 0.97, 0.95);
}

/// A consent platform's words for its service blocks in one language: what a
/// service is used for, who provides it, its block labels (`Usage`, `Sharing
/// data`), and the lines before its lifetimes (`Personal Data processed`).
struct ServiceLang {
    code: &'static str,
    uses: &'static str,
    provided: &'static str,
    usage: &'static str,
    sharing: &'static str,
    shared: &'static str,
    processed: &'static str,
}

const SERVICE_WORDS: &[ServiceLang] = &[
    ServiceLang {
        code: "en",
        uses: "We use {s} for {c}. Read more",
        provided: "{s} is a service provided by {co}.",
        usage: "Usage",
        sharing: "Sharing data",
        shared: "For more information, please read the {s} Privacy Statement.",
        processed: "Personal Data processed: Trackers and Usage Data.",
    },
    ServiceLang {
        code: "fr",
        uses: "Nous utilisons {s} pour {c}. En savoir plus",
        provided: "{s} est un service fourni par {co}.",
        usage: "Utilisation",
        sharing: "Partage de données",
        shared: "Pour plus d'informations, veuillez lire la déclaration de confidentialité de {s}.",
        processed: "Données personnelles traitées : Traceurs et Données d'utilisation.",
    },
    ServiceLang {
        code: "de",
        uses: "Wir verwenden {s} für {c}. Weiterlesen",
        provided: "{s} ist ein Dienst von {co}.",
        usage: "Verwendung",
        sharing: "Daten teilen",
        shared: "Weitere Informationen finden Sie in der Datenschutzerklärung von {s}.",
        processed: "Verarbeitete personenbezogene Daten: Tracker und Nutzungsdaten.",
    },
    ServiceLang {
        code: "es",
        uses: "Utilizamos {s} para {c}. Leer más",
        provided: "{s} es un servicio prestado por {co}.",
        usage: "Uso",
        sharing: "Compartir datos",
        shared: "Para más información, lea la declaración de privacidad de {s}.",
        processed: "Datos personales tratados: Rastreadores y Datos de uso.",
    },
    ServiceLang {
        code: "it",
        uses: "Utilizziamo {s} per {c}. Leggi di più",
        provided: "{s} è un servizio fornito da {co}.",
        usage: "Utilizzo",
        sharing: "Condivisione dei dati",
        shared: "Per maggiori informazioni, leggi l'informativa sulla privacy di {s}.",
        processed: "Dati Personali trattati: Strumenti di tracciamento e Dati di utilizzo.",
    },
    ServiceLang {
        code: "nl",
        uses: "Wij gebruiken {s} voor {c}. Lees meer",
        provided: "{s} is een dienst van {co}.",
        usage: "Gebruik",
        sharing: "Delen van data",
        shared: "Lees voor meer informatie de privacyverklaring van {s}.",
        processed: "Verwerkte persoonsgegevens: Trackers en Gebruiksgegevens.",
    },
    ServiceLang {
        code: "pt",
        uses: "Utilizamos {s} para {c}. Ler mais",
        provided: "{s} é um serviço fornecido por {co}.",
        usage: "Uso",
        sharing: "Partilha de dados",
        shared: "Para mais informações, leia a declaração de privacidade de {s}.",
        processed: "Dados pessoais tratados: Rastreadores e Dados de utilização.",
    },
];

/// A made-up brand no vendor list holds (`Velqora`, `Trambix Chat`, `dornify.io`,
/// `DornifyForms`):
/// the service blocks below must be read by what the document says of their
/// headings, not by a list of known names.
fn made_up_service(rng: &mut Rng) -> String {
    const SYLLABLES: &[&str] = &[
        "vel", "qo", "ra", "tram", "bix", "zen", "dor", "nify", "quar", "lum", "trix", "oxa",
        "pel", "vyn", "kest", "ora",
    ];
    let word: String = (0..2 + rng.below(2))
        .map(|_| *rng.pick(SYLLABLES))
        .collect();
    let brand = format!("{}{}", word[..1].to_uppercase(), &word[1..]);
    match rng.below(4) {
        0 => format!(
            "{} {}",
            brand,
            rng.pick(&["Chat", "Forms", "Pixel", "Analytics"])
        ),
        1 => format!("{word}.{}", rng.pick(&["io", "net", "com"])),
        // one word in camel case (`DornifyForms`), for a word of nine letters
        // (drawn with no draw of its own: the documents' rows stay as they were)
        _ if word.len() == 9 => format!("{brand}Forms"),
        _ => brand,
    }
}

/// Rows drawn for a service's block, each set by `provider` (its cell too); without
/// their purposes when the document states none (`purposes` false).
fn set_by(
    rows: Vec<(Row, [String; 5])>,
    provider: &str,
    purposes: bool,
) -> Vec<(Row, [String; 5])> {
    rows.into_iter()
        .map(|(mut r, mut c)| {
            r.provider = provider.to_string();
            c[1] = provider.to_string();
            if !purposes {
                r.purpose.clear();
            }
            (r, c)
        })
        .collect()
}

/// A service block's cookies with their lifetime and purpose, headed in `l`'s words
/// (name, lifetime and purpose headers drawn first), in one of the first `forms` of
/// four layouts: cells one a line under their labels, label-tab-value lines, a
/// table under its header, a name over its labelled cells.
fn service_cookie_cells(
    rng: &mut Rng,
    l: &Lang,
    picked: &[(Row, [String; 5])],
    forms: usize,
) -> String {
    let (hn, hl, hp) = (
        *rng.pick(l.headers[0]),
        *rng.pick(l.headers[3]),
        *rng.pick(l.headers[2]),
    );
    let form = rng.below(forms);
    let mut text = String::new();
    if form == 2 {
        text += &format!("{hn}\t{hl}\t{hp}\n");
    }
    for (_, c) in picked {
        text += &match form {
            0 => format!("{hn}\n{}\n{hl}\n{}\n{hp}\n{}\n", c[0], c[3], c[2]),
            1 => format!("{hn}\t{}\n{hl}\t{}\n{hp}\t{}\n", c[0], c[3], c[2]),
            2 => format!("{}\t{}\t{}\n", c[0], c[3], c[2]),
            _ => format!("{}\n{hl}\n{}\n{hp}\n{}\n", c[0], c[3], c[2]),
        };
    }
    text
}

/// Consent platforms' service blocks (Complianz, iubenda and their likes), each
/// under a service no vendor list knows: the service's name over its block, a
/// sentence that names it again, and its cookies as `Name`/`Expiration`/`Function`
/// cells one per line, as label-tab-value lines, as a table, or as the name and
/// lifetime pairs after a lifetime label (`Storage duration:` then `_ga: 2 years`
/// lines, or those run together on the label's line); or a card: the service's
/// title over keys naming its cookies, their lifetime and purpose. The service is every cookie's
/// provider; the category is the block's category line or the section's heading.
#[test]
fn consent_platform_service_blocks() {
    let all = rows();
    let mut rng = Rng(0xC0_5E17_0000_0027);
    let mut t = Tally::default();
    for (l, w) in LANGS.iter().zip(SERVICE_WORDS) {
        assert_eq!(l.code, w.code);
        for d in 0..8 {
            let mut text = String::from("Cookies\n\nThe cookies we use are listed below.\n\n");
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let iubenda = d % 2 == 1;
            // every fourth document: cards, each service's title over the keys of
            // its cookies, one lifetime and one purpose for all of them
            let cards = d % 4 == 2;
            for k in 0..4 {
                let service = made_up_service(&mut rng);
                let n = 1 + rng.below(4);
                let picked = set_by(
                    section_rows(&mut rng, &all, l, Some(k), n, &mut seen),
                    &service,
                    !iubenda,
                );
                if picked.is_empty() {
                    continue;
                }
                let cat = l.categories[k];
                if cards {
                    let (first, c0) = &picked[0];
                    let names: Vec<&str> = picked.iter().map(|(_, c)| c[0].as_str()).collect();
                    text += &format!(
                        "{cat}\n\n{service}\n{}: {}\n{}: {}\n{}: {}\n\n",
                        rng.pick(&["Cookies", "Cookie"]),
                        names.join(", "),
                        rng.pick(l.headers[3]),
                        c0[3],
                        rng.pick(l.headers[2]),
                        c0[2]
                    );
                    let (length, purpose) = (first.length, first.purpose.clone());
                    want.extend(picked.into_iter().map(|(mut r, c)| {
                        r.length = length;
                        r.purpose.clone_from(&purpose);
                        (r, c)
                    }));
                    continue;
                }
                if iubenda {
                    // the category's heading, the service's (its company after it or
                    // not), what it is, the lines before its lifetimes
                    let company = format!("{service} Ltd");
                    text += &format!("{cat}\n\n");
                    text += &if rng.below(2) == 0 {
                        format!("{service} ({company})\n")
                    } else {
                        format!("{service}\n")
                    };
                    text += &w
                        .provided
                        .replace("{s}", &service)
                        .replace("{co}", &company);
                    text += &format!("\n{}\n", w.processed);
                    let label = rng.pick(l.headers[3]);
                    let pairs: Vec<String> = picked
                        .iter()
                        .map(|(_, c)| format!("{}: {}", c[0], c[3]))
                        .collect();
                    match rng.below(3) {
                        0 => {
                            text +=
                                &format!("{label}: {}\n\n", pairs.join(*rng.pick(&["; ", ", "])))
                        }
                        1 => text += &format!("{label}:\n{}\n\n", pairs.join("\n")),
                        _ => text += &format!("{label}:\n• {}\n\n", pairs.join("\n• ")),
                    }
                } else {
                    // the service's name, its category line, its block's labels and
                    // sentences, the category line again, its cookies
                    let lower = cat.to_lowercase();
                    text += &format!(
                        "{service}\n{cat}\n{}\n{}\n{}\n{}\n{cat}\n",
                        w.usage,
                        w.uses.replace("{s}", &service).replace("{c}", &lower),
                        w.sharing,
                        w.shared.replace("{s}", &service),
                    );
                    text += &service_cookie_cells(&mut rng, l, &picked, 3);
                }
                want.extend(picked);
            }
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    // measured when added: F1 0.847, exact 0.000 (every block's cookies under the
    // last known provider or none, names with lifetimes run together on one line
    // not read, a host-named service glued to the table's last cell); after round
    // 27's services named by evidence and name-lifetime pairs: 0.991 / 0.977 (what
    // is left: services whose names are words of a language's list, `Orador`,
    // `Rara`, read as topics by design); with cards drawn too, 0.994 / 0.831 before
    // a card's title named its service, 0.994 / 0.995 after; with a third of the
    // plain brands in camel case (`NifyravelForms`, a value line when alone), 0.994
    // / 0.970 before such a line could head a service, 0.994 / 0.995 after
    t.check("consent platform service blocks", 0.98, 0.95);
}

/// A consent platform's labels in a service's block, one language: the line over
/// the service's cookies (`Cookies placed`, `Cookies`), and Usercentrics' labels of
/// the service's description, its company and its purposes.
struct BlockLabels {
    code: &'static str,
    cookies: [&'static str; 2],
    description: &'static str,
    company: &'static str,
    purposes: &'static str,
}

const BLOCK_LABELS: &[BlockLabels] = &[
    BlockLabels {
        code: "en",
        cookies: ["Cookies placed", "Cookies"],
        description: "Description of Service",
        company: "Processing Company",
        purposes: "Data Purposes",
    },
    BlockLabels {
        code: "fr",
        cookies: ["Cookies déposés", "Cookies"],
        description: "Description du service",
        company: "Société de traitement",
        purposes: "Finalités du traitement",
    },
    BlockLabels {
        code: "de",
        cookies: ["Gesetzte Cookies", "Cookies"],
        description: "Beschreibung des Services",
        company: "Verarbeitendes Unternehmen",
        purposes: "Datenverarbeitungszwecke",
    },
    BlockLabels {
        code: "es",
        cookies: ["Cookies colocadas", "Cookies"],
        description: "Descripción del servicio",
        company: "Empresa procesadora",
        purposes: "Finalidades del tratamiento",
    },
    BlockLabels {
        code: "it",
        cookies: ["Cookie installati", "Cookie"],
        description: "Descrizione del servizio",
        company: "Società di trattamento",
        purposes: "Finalità del trattamento",
    },
    BlockLabels {
        code: "nl",
        cookies: ["Geplaatste cookies", "Cookies"],
        description: "Beschrijving van de dienst",
        company: "Verwerkend bedrijf",
        purposes: "Doeleinden van gegevensverwerking",
    },
    BlockLabels {
        code: "pt",
        cookies: ["Cookies colocados", "Cookies"],
        description: "Descrição do serviço",
        company: "Empresa de processamento",
        purposes: "Finalidades dos dados",
    },
];

/// Consent platforms' service blocks with a line that only names cookies over the
/// service's own (Complianz's `Cookies placed`, Usercentrics' `Cookies`), under
/// services no vendor list knows: the block's labels and sentences first
/// (Complianz: `Usage`, `Sharing data`; Usercentrics: the description, the
/// processing company or not, the purposes), then the cookies as cells one per line,
/// as label-tab-value lines, as a table, or as a name over its labelled cells. The
/// service (or the company its block names) is every cookie's provider; the
/// category is the section's heading.
#[test]
fn consent_service_blocks_with_a_cookies_label() {
    let all = rows();
    let mut rng = Rng(0xC0_0C1E_5042);
    let mut t = Tally::default();
    for ((l, w), b) in LANGS.iter().zip(SERVICE_WORDS).zip(BLOCK_LABELS) {
        assert_eq!((l.code, w.code), (b.code, b.code));
        for d in 0..8 {
            let mut text = String::from("Cookies\n\nThe cookies we use are listed below.\n\n");
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let usercentrics = d % 2 == 1;
            for k in 0..4 {
                let service = made_up_service(&mut rng);
                // (a company of another name: the service's own name with a legal
                // form is the service, as a heading's company in brackets is)
                let company = format!(
                    "{} {}",
                    made_up_service(&mut rng),
                    rng.pick(&["Ltd", "GmbH", "S.A.", "Inc."])
                );
                let named_company = usercentrics && rng.below(2) == 0;
                let provider = if named_company { &company } else { &service };
                let n = 1 + rng.below(3);
                let picked = set_by(
                    section_rows(&mut rng, &all, l, Some(k), n, &mut seen),
                    provider,
                    true,
                );
                if picked.is_empty() {
                    continue;
                }
                let cat = l.categories[k];
                let lower = cat.to_lowercase();
                text += &format!("{cat}\n\n{service}\n");
                if usercentrics {
                    text += &format!(
                        "{}\n{}\n",
                        b.description,
                        w.uses.replace("{s}", &service).replace("{c}", &lower)
                    );
                    if named_company {
                        text += &format!("{}\n{company}\n", b.company);
                    }
                    text += &format!("{}\n{cat}\n", b.purposes);
                } else {
                    text += &format!(
                        "{}\n{}\n{}\n{}\n",
                        w.usage,
                        w.uses.replace("{s}", &service).replace("{c}", &lower),
                        w.sharing,
                        w.shared.replace("{s}", &service),
                    );
                }
                text += &format!("{}\n", rng.pick(&b.cookies));
                text += &service_cookie_cells(&mut rng, l, &picked, 4);
                text += "\n";
                want.extend(picked);
            }
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    // measured when added (round 42): F1 0.997, exact 0.077 (the line over the
    // cookies ended the service's scope; the company of a block over its next label
    // read as a card's; the block's labels joined to its first cookie's card); after:
    // 1.000 / 0.974 (what is left: a block of one cookie keeps the block's purposes'
    // line, with no next card to tell it from the cookie's own)
    t.check("consent service blocks with a cookies label", 0.99, 0.95);
}

/// A consent platform's declaration words in one language: the link under each
/// provider, the lifetime's and the type's keys, the type of an HTTP cookie.
const DECLARATION_WORDS: &[(&str, [&str; 4])] = &[
    (
        "en",
        [
            "Learn more about this provider",
            "Maximum Storage Duration",
            "Type",
            "HTTP Cookie",
        ],
    ),
    (
        "fr",
        [
            "En savoir plus sur ce fournisseur",
            "Durée de conservation maximale",
            "Type",
            "Cookie HTTP",
        ],
    ),
    (
        "de",
        [
            "Mehr über diesen Anbieter",
            "Maximale Speicherdauer",
            "Typ",
            "HTTP Cookie",
        ],
    ),
    (
        "es",
        [
            "Más información sobre este proveedor",
            "Duración máxima de almacenamiento",
            "Tipo",
            "Cookie HTTP",
        ],
    ),
    (
        "it",
        [
            "Maggiori informazioni su questo fornitore",
            "Durata massima di conservazione",
            "Tipo",
            "HTTP Cookie",
        ],
    ),
    (
        "nl",
        [
            "Meer informatie over deze aanbieder",
            "Maximale opslagduur",
            "Type",
            "HTTP Cookie",
        ],
    ),
    (
        "pt",
        [
            "Saiba mais sobre este fornecedor",
            "Duração máxima de armazenamento",
            "Tipo",
            "Cookie HTTP",
        ],
    ),
];

/// A consent platform's cookie declaration copied as plain text (Cookiebot's
/// layout): a category with its count, providers no list knows each with its count
/// and a link, and each cookie as its name, its description, and its lifetime and
/// type under their keys, written three ways: each on a line of its own; the name
/// and description side by side after a tab, the two keys likewise; the name and
/// description after a space, the type's key glued to the lifetime (`1 yearType:
/// HTTP Cookie`). Entries typed as pixels or local storage are no cookies.
#[test]
fn cookie_declarations_copied_as_plain_text() {
    let all = rows();
    let mut rng = Rng(0xDEC1_A4A7_0000_0027);
    let mut t = Tally::default();
    for (l, (code, w)) in LANGS.iter().zip(DECLARATION_WORDS) {
        assert_eq!(l.code, *code);
        for d in 0..9 {
            let form = d % 3;
            let mut text = String::from("Cookie declaration\n\n");
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for k in 0..4 {
                let groups: Vec<Vec<(Row, [String; 5])>> = (0..1 + rng.below(2))
                    .map(|_| {
                        let service = made_up_service(&mut rng);
                        let n = 1 + rng.below(3);
                        set_by(
                            section_rows(&mut rng, &all, l, Some(k), n, &mut seen),
                            &service,
                            true,
                        )
                    })
                    .filter(|g: &Vec<_>| !g.is_empty())
                    .collect();
                let count: usize = groups.iter().map(Vec::len).sum();
                if count == 0 {
                    continue;
                }
                text += &format!(
                    "{} {count}\n{}\n",
                    l.categories[k], "These cookies are listed below."
                );
                for g in groups {
                    text += &format!("{}\n{}\n{}\n", g[0].1[1], g.len(), w[0]);
                    for (r, c) in g {
                        let typ = match rng.below(10) {
                            0 => "Pixel Tracker",
                            1 => "HTML Local Storage",
                            _ => w[3],
                        };
                        let (name, text_, life) = (&c[0], &c[2], &c[3]);
                        text += &match form {
                            0 => format!("{name}\n{text_}\n{}: {life}\n{}: {typ}\n", w[1], w[2]),
                            1 => format!("{name}\t{text_}\n{}: {life}\t{}: {typ}\n", w[1], w[2]),
                            _ => format!("{name} {text_}\n{}: {life}{}: {typ}\n", w[1], w[2]),
                        };
                        if typ == w[3] {
                            want.push((r, c));
                        }
                    }
                }
            }
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    // measured when added: F1 0.521, exact 0.331 (a name and its description side
    // by side not read, pairs side by side after a tab read as one, a provider whose
    // name holds a category word taken for a category); after round 27: 0.973 /
    // 0.946 (what is left: names after a space that are words or capitalised, `vs`,
    // `RT`, read as prose by design; providers a description names itself, `used
    // by TikTok`)
    t.check("cookie declarations copied as plain text", 0.96, 0.92);
}

/// A consent panel's words in one language: the line under each service that
/// speaks of it, the link under that, the key of its cookies' names, the buttons.
const PANEL_WORDS: &[(&str, [&str; 4])] = &[
    (
        "en",
        [
            "This service can install {n} cookies.",
            "View the official website",
            "Cookies",
            "Allow Deny",
        ],
    ),
    (
        "fr",
        [
            "Ce service peut déposer {n} cookies.",
            "Voir le site officiel",
            "Cookies",
            "Autoriser Interdire",
        ],
    ),
    (
        "de",
        [
            "Dieser Dienst kann {n} Cookies setzen.",
            "Offizielle Website ansehen",
            "Cookies",
            "Erlauben Ablehnen",
        ],
    ),
    (
        "es",
        [
            "Este servicio puede instalar {n} cookies.",
            "Ver el sitio oficial",
            "Cookies",
            "Permitir Denegar",
        ],
    ),
    (
        "it",
        [
            "Questo servizio può installare {n} cookie.",
            "Visita il sito ufficiale",
            "Cookie",
            "Consenti Nega",
        ],
    ),
    (
        "nl",
        [
            "Deze dienst kan {n} cookies plaatsen.",
            "Bekijk de officiële website",
            "Cookies",
            "Toestaan Weigeren",
        ],
    ),
    (
        "pt",
        [
            "Este serviço pode instalar {n} cookies.",
            "Ver o site oficial",
            "Cookies",
            "Permitir Recusar",
        ],
    ),
];

/// A cookie card's words in one language (Termly's and its likes'): the keys of the
/// host and of the service, the link's label after the service's name, the key of
/// the type and the combined header of a provider-or-domain column.
const CARD_WORDS: &[(&str, [&str; 5])] = &[
    (
        "en",
        [
            "Provider",
            "Service",
            "View Service Privacy Policy",
            "Type",
            "Provider / Domain",
        ],
    ),
    (
        "fr",
        [
            "Hôte",
            "Service",
            "Politique de confidentialité",
            "Type",
            "Fournisseur / Domaine",
        ],
    ),
    (
        "de",
        [
            "Host",
            "Dienst",
            "Datenschutzerklärung",
            "Typ",
            "Anbieter / Domain",
        ],
    ),
    (
        "es",
        [
            "Host",
            "Servicio",
            "Política de privacidad",
            "Tipo",
            "Proveedor / Dominio",
        ],
    ),
    (
        "it",
        [
            "Host",
            "Servizio",
            "Informativa sulla privacy",
            "Tipo",
            "Fornitore / Dominio",
        ],
    ),
    (
        "nl",
        [
            "Host",
            "Dienst",
            "Privacybeleid",
            "Type",
            "Aanbieder / Domein",
        ],
    ),
    (
        "pt",
        [
            "Host",
            "Serviço",
            "Política de privacidade",
            "Tipo",
            "Fornecedor / Domínio",
        ],
    ),
];

/// Consent panels and cookie cards under services no list knows, in three forms:
/// a panel (tarteaucitron's and its likes'): the category's heading, then for each
/// service its name, a line that speaks of it (`This service can install 2
/// cookies.`), a link's label, its cookies' names after a key (one name or several,
/// lifetimes not stated) and the buttons; cards (Termly's): the category's lead-in
/// (`Marketing cookies:`), then for each cookie its name, purpose, host, service (its
/// name before a link's label), type and lifetime under keys, after a colon, a
/// colon and a tab, or on the line below the key; a table whose provider column is
/// headed `Provider / Domain` and holds hosts or companies.
#[test]
fn consent_panels_and_cards_under_unknown_services() {
    let all = rows();
    let mut rng = Rng(0xCA4D_5000_0000_0028);
    let mut t = Tally::default();
    for ((l, (pc, pw)), (cc, cw)) in LANGS.iter().zip(PANEL_WORDS).zip(CARD_WORDS) {
        assert_eq!((l.code, l.code), (*pc, *cc));
        for d in 0..9 {
            let form = d % 3;
            let mut text = String::from("Cookies\n\nThe cookies we use are listed below.\n\n");
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for k in 0..4 {
                let cat = l.categories[k];
                match form {
                    0 => {
                        text += &format!("{cat}\n\n");
                        for _ in 0..1 + rng.below(2) {
                            let service = made_up_service(&mut rng);
                            let n = 1 + rng.below(3);
                            let picked = set_by(
                                section_rows(&mut rng, &all, l, Some(k), n, &mut seen),
                                &service,
                                false,
                            );
                            if picked.is_empty() {
                                continue;
                            }
                            let names: Vec<&str> =
                                picked.iter().map(|(_, c)| c[0].as_str()).collect();
                            text += &format!(
                                "{service}\n{}\n{}\n{} : {}\n{}\n\n",
                                pw[0].replace("{n}", &picked.len().to_string()),
                                pw[1],
                                pw[2],
                                names.join(", "),
                                pw[3]
                            );
                            want.extend(picked);
                        }
                    }
                    1 => {
                        text +=
                            &format!("{cat} cookies:\n{}\n\n", "These cookies are listed below.");
                        let (hn, hp, hl) = (
                            *rng.pick(l.headers[0]),
                            *rng.pick(l.headers[2]),
                            *rng.pick(l.headers[3]),
                        );
                        let sep = *rng.pick(&[": ", ":\t", ":\n"]);
                        for _ in 0..1 + rng.below(2) {
                            let service = made_up_service(&mut rng);
                            let n = 1 + rng.below(2);
                            for (mut r, mut c) in
                                section_rows(&mut rng, &all, l, Some(k), n, &mut seen)
                            {
                                r.provider.clone_from(&service);
                                c[1].clone_from(&service);
                                let host =
                                    format!(".{}", rng.pick(&["example.com", "shop.example.org"]));
                                let keys = [
                                    (hn, c[0].clone()),
                                    (hp, c[2].clone()),
                                    (cw[0], host),
                                    (cw[1], format!("{service} {}", cw[2])),
                                    (cw[3], "http_cookie".to_string()),
                                    (hl, c[3].clone()),
                                ];
                                for (key, value) in keys {
                                    text += &format!("{key}{sep}{value}\n");
                                }
                                text += "\n";
                                want.push((r, c));
                            }
                        }
                    }
                    _ => {
                        text += &format!(
                            "{cat}\n{}\t{}\t{}\t{}\n",
                            l.headers[0][0], cw[4], l.headers[3][0], l.headers[2][0]
                        );
                        let n = 2 + rng.below(3);
                        for (mut r, mut c) in section_rows(&mut rng, &all, l, Some(k), n, &mut seen)
                        {
                            let who = if rng.below(2) == 0 {
                                format!(
                                    "{}.{}",
                                    made_up_service(&mut rng)
                                        .to_lowercase()
                                        .replace([' ', '.'], ""),
                                    rng.pick(&["com", "io"])
                                )
                            } else {
                                made_up_service(&mut rng)
                            };
                            r.provider.clone_from(&who);
                            c[1].clone_from(&who);
                            text += &format!("{}\t{}\t{}\t{}\n", c[0], c[1], c[3], c[2]);
                            want.push((r, c));
                        }
                        text += "\n";
                    }
                }
            }
            show_doc(&text);
            score_with(&mut t, &text, &want, form != 0);
        }
    }
    // measured when added (round 28): F1 0.989, exact 0.000 before (panels: a
    // service's link label ended it, a line that calls the heading a service was no
    // evidence, a lone name key's identifiers not read; cards: the service's name
    // kept its link's label or lost to the host, a lead-in about cookies became a
    // key of the block above; tables: `Provider / Domain` read as no provider);
    // 0.993 / 0.989 after (what is left: panel names that are words, `optout`,
    // `force-proxy-stream`, read as words by design)
    t.check(
        "consent panels and cards under unknown services",
        0.98,
        0.96,
    );
}

/// A consent panel's links under a service's name, in one language (tarteaucitron's
/// `Read more - View the official website`).
const PANEL_LINKS: &[(&str, &str)] = &[
    ("en", "Read more - View the official website"),
    ("fr", "En savoir plus - Voir le site officiel"),
    ("de", "Mehr lesen - Offizielle Website ansehen"),
    ("es", "Leer más - Ver el sitio oficial"),
    ("it", "Per saperne di più - Visita il sito ufficiale"),
    ("nl", "Lees meer - Bekijk de officiële website"),
    ("pt", "Saiba mais - Ver o site oficial"),
];

/// `consent_panels_and_cards_under_unknown_services`' panels with the service's
/// links between its name and the line that speaks of it (tarteaucitron's order:
/// `Matomo` / `Read more - View the official website` / `This service can install
/// 3 cookies.`), the links on one line or one a line, and its cookies after a key
/// or one an item with its lifetime after an arrow (`_pk_id ▸ 13 months`). The
/// service is every cookie's provider.
#[test]
fn consent_panels_with_links_under_the_service() {
    let all = rows();
    let mut rng = Rng(0xCA4D_5000_0000_0041);
    let mut t = Tally::default();
    for ((l, (pc, pw)), (kc, links)) in LANGS.iter().zip(PANEL_WORDS).zip(PANEL_LINKS) {
        assert_eq!((l.code, l.code), (*pc, *kc));
        for d in 0..8 {
            let items = d % 2 == 1;
            let mut text = String::from("Cookies\n\n");
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for k in 0..4 {
                text += &format!("{}\n\n", l.categories[k]);
                for _ in 0..1 + rng.below(2) {
                    let service = made_up_service(&mut rng);
                    let n = 1 + rng.below(3);
                    // (a name the database ends with a `.` or `:` is read without it)
                    let picked: Vec<_> = set_by(
                        section_rows(&mut rng, &all, l, Some(k), n, &mut seen),
                        &service,
                        false,
                    )
                    .into_iter()
                    .filter(|(r, _)| !r.name.ends_with(['.', ':']))
                    .collect();
                    if picked.is_empty() {
                        continue;
                    }
                    let links = if rng.below(2) == 0 {
                        links.to_string()
                    } else {
                        links.replace(" - ", "\n")
                    };
                    text += &format!(
                        "{service}\n{links}\n{}\n",
                        pw[0].replace("{n}", &picked.len().to_string())
                    );
                    if items {
                        for (_, c) in &picked {
                            text += &format!("{} ▸ {}\n", c[0], c[3]);
                        }
                    } else {
                        let names: Vec<&str> = picked.iter().map(|(_, c)| c[0].as_str()).collect();
                        text += &format!("{} : {}\n", pw[2], names.join(", "));
                    }
                    text += &format!("{}\n\n", pw[3]);
                    want.extend(picked);
                }
            }
            show_doc(&text);
            score_with(&mut t, &text, &want, items);
        }
    }
    // measured when added (round 41): F1 0.923, exact 0.000 with the reader of
    // round 41's first commit (on this test before names ending in `.` or `:` were
    // left out: the links' line was a heading that ended the service's section, or
    // hid the line about the service; the panel read as hard-wrapped joined that line
    // to the first item; items of names no list knows under it were no list); 0.985
    // / 0.972 after (what is left: a `Cookies : …` key of such names under the first
    // service, names that are words)
    t.check("consent panels with links under the service", 0.98, 0.96);
}

/// A consent panel's service details in one language (Usercentrics' and its
/// likes'): the storage section's heading, the sentence under it, the key of the
/// longest lifetime and of the refresh, the type of an HTTP cookie.
const DETAIL_WORDS: &[(&str, [&str; 5])] = &[
    (
        "en",
        [
            "Storage Information",
            "Below you can see the longest potential duration for storage on a device.",
            "Maximum age of cookie storage",
            "Cookie refreshing",
            "Cookie",
        ],
    ),
    (
        "fr",
        [
            "Informations de stockage",
            "Vous trouverez ci-dessous la durée maximale de stockage sur un appareil.",
            "Durée maximale de stockage des cookies",
            "Actualisation des cookies",
            "Cookie",
        ],
    ),
    (
        "de",
        [
            "Speicherinformationen",
            "Nachfolgend sehen Sie die längste potenzielle Speicherdauer auf einem Gerät.",
            "Maximale Speicherdauer von Cookies",
            "Cookie-Aktualisierung",
            "Cookie",
        ],
    ),
    (
        "es",
        [
            "Información de almacenamiento",
            "A continuación puede ver la duración máxima de almacenamiento en un dispositivo.",
            "Duración máxima de almacenamiento de cookies",
            "Actualización de cookies",
            "Cookie",
        ],
    ),
    (
        "it",
        [
            "Informazioni sulla memorizzazione",
            "Di seguito è indicata la durata massima di memorizzazione su un dispositivo.",
            "Durata massima di memorizzazione dei cookie",
            "Aggiornamento dei cookie",
            "Cookie",
        ],
    ),
    (
        "nl",
        [
            "Opslaginformatie",
            "Hieronder ziet u de langst mogelijke opslagduur op een apparaat.",
            "Maximale opslagduur van cookies",
            "Cookie vernieuwen",
            "Cookie",
        ],
    ),
    (
        "pt",
        [
            "Informações de armazenamento",
            "Abaixo pode ver a duração máxima de armazenamento num dispositivo.",
            "Duração máxima de armazenamento de cookies",
            "Atualização de cookies",
            "Cookie",
        ],
    ),
];

/// A consent panel's service details copied as text, one cell a line: the
/// category's heading; for each service its name (a made-up brand), the provider's
/// label alone with the company on the next line, the purposes' label with the
/// category, the storage section (its heading, a sentence, the longest lifetime and
/// the refresh under keys), then the heading again and each cookie as its name, its
/// type and its lifetime's key (`obuid` / `Cookie` / `Duration: 3 months`) or as
/// keys (`Type: Cookie` / `Name: apnxs` / `Duration: 4 months`). The company is
/// every cookie's provider; no purpose is stated.
#[test]
fn consent_service_details_one_cell_a_line() {
    let all = rows();
    let mut rng = Rng(0xDE7A_1150_0000_0028);
    let mut t = Tally::default();
    for (l, (code, w)) in LANGS.iter().zip(DETAIL_WORDS) {
        assert_eq!(l.code, *code);
        for _ in 0..6 {
            let mut text = String::from("Privacy Settings\n\n");
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for k in 0..4 {
                let cat = l.categories[k];
                text += &format!("{cat}\n\n");
                for _ in 0..1 + rng.below(2) {
                    let service = made_up_service(&mut rng);
                    let company = if rng.below(2) == 0 {
                        service.clone()
                    } else {
                        format!("{service} Ltd")
                    };
                    let n = 1 + rng.below(3);
                    let picked = set_by(
                        section_rows(&mut rng, &all, l, Some(k), n, &mut seen),
                        &company,
                        false,
                    );
                    if picked.is_empty() {
                        continue;
                    }
                    let longest = &picked[0].1[3];
                    text += &format!(
                        "{service}\n\n{}\n{company}\n\n{}\n{cat}\n\n{}\n{}\n{}: {longest}\n{}: {}\n\n{}\n",
                        l.headers[1][0],
                        l.headers[2][0],
                        w[0],
                        w[1],
                        w[2],
                        w[3],
                        l.session,
                        w[0]
                    );
                    for (_, c) in &picked {
                        text += &if rng.below(2) == 0 {
                            format!("{}\n{}\n{}: {}\n", c[0], w[4], l.headers[3][0], c[3])
                        } else {
                            format!(
                                "{}: {}\n{}: {}\n{}: {}\n",
                                l.headers[4][1], w[4], l.headers[0][0], c[0], l.headers[3][0], c[3]
                            )
                        };
                    }
                    text += "\n";
                    want.extend(picked);
                }
            }
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    // measured when added (round 28): F1 0.871, exact 0.000 before (a name over its
    // type line read as a word or not at all, a compound title, `Speicherinformationen`,
    // read as a cookie, the provider's label over its company on the next line not
    // read); 0.993 / 0.995 after (what is left: names the database writes with a
    // trailing `.` or a path, `pagead/conv/%INTEGER%`)
    t.check("consent service details one cell a line", 0.98, 0.96);
}

/// Category headings as consent platforms write them alone on their line, in each
/// language's spellings (`Essenziell`, `Funktional`, `Statistiques`), a few of
/// which no word list holds.
const HEADING_WORDS: &[(&str, [&[&str]; 4])] = &[
    (
        "en",
        [
            &["Necessary", "Essential", "Strictly necessary"],
            &["Functional", "Preferences", "Functionality"],
            &["Statistics", "Analytics", "Performance"],
            &["Marketing", "Advertising", "Targeting"],
        ],
    ),
    (
        "fr",
        [
            &["Nécessaires", "Essentiels", "Strictement nécessaires"],
            &["Fonctionnels", "Préférences", "Fonctionnalité"],
            &["Statistiques", "Mesure d'audience", "Performance"],
            &["Marketing", "Publicité", "Publicitaires"],
        ],
    ),
    (
        "de",
        [
            &["Essenziell", "Notwendig", "Erforderlich"],
            &["Funktional", "Funktionell", "Präferenzen"],
            &["Statistiken", "Statistik", "Analyse"],
            &["Marketing", "Werbung"],
        ],
    ),
    (
        "es",
        [
            &["Necesarias", "Técnicas", "Estrictamente necesarias"],
            &["Funcionales", "Preferencias", "Personalización"],
            &["Estadísticas", "Analíticas", "Rendimiento"],
            &["Marketing", "Publicidad", "Publicitarias"],
        ],
    ),
    (
        "it",
        [
            &["Necessari", "Tecnici", "Strettamente necessari"],
            &["Funzionali", "Preferenze", "Funzionalità"],
            &["Statistiche", "Analitici", "Prestazioni"],
            &["Marketing", "Pubblicità", "Profilazione"],
        ],
    ),
    (
        "nl",
        [
            &["Noodzakelijk", "Essentieel", "Strikt noodzakelijk"],
            &["Functioneel", "Voorkeuren", "Functionaliteit"],
            &["Statistieken", "Analytisch", "Prestaties"],
            &["Marketing", "Advertenties"],
        ],
    ),
    (
        "pt",
        [
            &["Necessários", "Essenciais", "Estritamente necessários"],
            &["Funcionais", "Preferências", "Funcionalidade"],
            &["Estatísticas", "Análise", "Desempenho"],
            &["Marketing", "Publicidade", "Publicitários"],
        ],
    ),
];

/// A consent platform's declaration as cards of keys (Cookie Information and its
/// likes): a category heading alone on its line, as the platform spells it, then
/// each cookie's `Name` / provider / purpose / lifetime / type keys, the cards apart
/// by blank lines. A heading that is only a category is the section's category,
/// never a service's name, even in a word no list holds (`Funktional`).
#[test]
fn category_headings_alone_over_keyed_cards() {
    let all = rows();
    let mut rng = Rng(0xCA7E_6021_0000_0029);
    let mut t = Tally::default();
    for (l, (code, words)) in LANGS.iter().zip(HEADING_WORDS) {
        assert_eq!(l.code, *code);
        for _ in 0..8 {
            let mut text = String::new();
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            category_sections(&mut rng, &all, l, 1, &mut seen, |rng, k, picked| {
                text += &format!("{}\n\n", rng.pick(words[k]));
                for (_, c) in &picked {
                    let h = &l.headers;
                    text += &format!(
                        "{}: {}\n{}: {}\n{}: {}\n{}: {}\n{}: HTTP\n\n",
                        h[0][0],
                        c[0],
                        h[1][0],
                        c[1],
                        h[2][0],
                        c[2],
                        rng.pick(h[3]),
                        c[3],
                        h[4][1]
                    );
                }
                want.extend(picked);
            });
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    // measured when added (round 29): F1 1.000, exact 0.834 before (a heading that
    // is only a category in a word no list holds, `Funktional`, `Essenziell`, was
    // read as the name of a service over the card under it, and declared nothing;
    // `Functionaliteit` was no category word); 1.000 / 1.000 after
    t.check("category headings alone over keyed cards", 0.98, 0.96);
}

/// How a language writes a cookie list sorted by host (OneTrust's cookie list): the
/// host column's header (as the platform writes it; a word no list holds in the
/// unit tests of `Header::read`, where hosts under it are no provider's), the
/// names' and the party's headers, the lifetime's header, the party values, the
/// word for days, the category headings and a sentence under each.
struct HostListLang {
    code: &'static str,
    host: &'static str,
    names: &'static str,
    party: &'static str,
    lifespan: &'static str,
    first_third: [&'static str; 2],
    days: &'static str,
    headings: [&'static str; 4],
    sentence: &'static str,
}

const HOST_LIST_WORDS: &[HostListLang] = &[
    HostListLang {
        code: "en",
        host: "Cookie Subgroup",
        names: "Cookies",
        party: "Cookies used",
        lifespan: "Lifespan",
        first_third: ["First Party", "Third Party"],
        days: "Days",
        headings: [
            "Strictly Necessary Cookies",
            "Functional Cookies",
            "Performance Cookies",
            "Targeting Cookies",
        ],
        sentence: "These cookies are set by us and by the partners below.",
    },
    HostListLang {
        code: "fr",
        host: "Sous-groupe de cookies",
        names: "Cookies",
        party: "Cookies utilisés",
        lifespan: "Durée de vie",
        first_third: ["Cookies propriétaires", "Cookies tiers"],
        days: "jours",
        headings: [
            "Cookies strictement nécessaires",
            "Cookies de fonctionnalité",
            "Cookies de performance",
            "Cookies de ciblage",
        ],
        sentence: "Ces cookies sont déposés par nous et par les partenaires ci-dessous.",
    },
    HostListLang {
        code: "de",
        host: "Cookie-Untergruppe",
        names: "Cookies",
        party: "Verwendete Cookies",
        lifespan: "Lebensdauer",
        first_third: ["Erstanbieter", "Drittanbieter"],
        days: "Tage",
        headings: [
            "Unbedingt erforderliche Cookies",
            "Funktionelle Cookies",
            "Leistungs-Cookies",
            "Cookies für Marketingzwecke",
        ],
        sentence: "Diese Cookies werden von uns und den unten genannten Partnern gesetzt.",
    },
    HostListLang {
        code: "es",
        host: "Subgrupo de cookies",
        names: "Cookies",
        party: "Cookies utilizadas",
        lifespan: "Duración",
        first_third: ["Propias", "De terceros"],
        days: "días",
        headings: [
            "Cookies estrictamente necesarias",
            "Cookies funcionales",
            "Cookies de rendimiento",
            "Cookies dirigidas",
        ],
        sentence: "Estas cookies las instalamos nosotros y los socios indicados abajo.",
    },
    HostListLang {
        code: "it",
        host: "Sottogruppo di cookie",
        names: "Cookie",
        party: "Cookie utilizzati",
        lifespan: "Durata",
        first_third: ["Prima parte", "Terza parte"],
        days: "giorni",
        headings: [
            "Cookie strettamente necessari",
            "Cookie funzionali",
            "Cookie di prestazione",
            "Cookie di targeting",
        ],
        sentence: "Questi cookie sono installati da noi e dai partner indicati sotto.",
    },
    HostListLang {
        code: "nl",
        host: "Cookie-subgroep",
        names: "Cookies",
        party: "Gebruikte cookies",
        lifespan: "Levensduur",
        first_third: ["Eerste partij", "Derde partij"],
        days: "dagen",
        headings: [
            "Strikt noodzakelijke cookies",
            "Functionele cookies",
            "Prestatiecookies",
            "Targeting cookies",
        ],
        sentence: "Deze cookies worden door ons en de onderstaande partners geplaatst.",
    },
    HostListLang {
        code: "pt",
        host: "Subgrupo de cookies",
        names: "Cookies",
        party: "Cookies utilizados",
        lifespan: "Duração",
        first_third: ["Primários", "De terceiros"],
        days: "dias",
        headings: [
            "Cookies estritamente necessários",
            "Cookies funcionais",
            "Cookies de desempenho",
            "Cookies de direcionamento",
        ],
        sentence: "Estes cookies são instalados por nós e pelos parceiros indicados abaixo.",
    },
];

/// One host's row of a cookie list sorted by host: the host, the cookies stored
/// there (their rows, lifetimes in days), and the party.
struct HostRow {
    host: String,
    picked: Vec<(Row, [String; 5])>,
    party: String,
}

/// A cookie list sorted by host in language `l`: four sections (one per category),
/// each of one to three hosts of one to three cookies. The cookies have no provider
/// or purpose (the list states none) and live a number of days or a session.
fn host_list_sections(
    rng: &mut Rng,
    all: &[Row],
    l: &Lang,
    w: &HostListLang,
    seen: &mut std::collections::HashSet<String>,
) -> Vec<Vec<HostRow>> {
    let in_days = |r: &Row| match r.length {
        None => Some(None),
        Some((n, Unit::Year)) => Some(Some(n * 365)),
        Some((n, Unit::Month)) => Some(Some(n * 30)),
        Some((n, Unit::Week)) => Some(Some(n * 7)),
        Some((n, Unit::Day)) => Some(Some(n)),
        _ => None,
    };
    let mut sections = Vec::new();
    for k in 0..4 {
        let mut hosts = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let host = format!("{}.com", made_up_service(rng).to_lowercase())
                .replace(".io.com", ".io")
                .replace(".net.com", ".net")
                .replace(".com.com", ".com")
                .replace(' ', "");
            let n = 1 + rng.below(3);
            let picked: Vec<_> = section_rows(rng, all, l, Some(k), n, seen)
                .into_iter()
                // (a name the database ends with a `.` is read without it)
                .filter(|(r, _)| in_days(r).is_some() && !r.name.ends_with('.'))
                .map(|(mut r, c)| {
                    r.provider.clear();
                    r.purpose.clear();
                    r.length = in_days(&r).flatten().map(|d| (d, Unit::Day));
                    (r, c)
                })
                .collect();
            if picked.is_empty() {
                continue;
            }
            let party = rng.pick(&w.first_third).to_string();
            hosts.push(HostRow {
                host,
                picked,
                party,
            });
        }
        sections.push(hosts);
    }
    sections
}

/// A host row's lifetimes in one cell, in its names' order (`Session, 365 Days`).
fn host_row_lives(l: &Lang, w: &HostListLang, row: &HostRow) -> String {
    row.picked
        .iter()
        .map(|(r, _)| match r.length {
            None => l.session.to_string(),
            Some((d, _)) => format!("{d} {}", w.days),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A consent platform's cookie list sorted by host (OneTrust): under each category's
/// heading, a table of a host, the host's cookies in one cell, the party, and, in
/// half the documents, their lifespans in days in one cell in the names' order. The
/// host is where a cookie is stored, not who sets it: no provider. Two headers name
/// cookies (`Cookies`, `Cookies used`); the second's cells are parties.
#[test]
fn cookie_lists_sorted_by_host() {
    let t = host_list_tables(0x0_7E57_4057_0000_0029, None);
    // measured when added (round 29): F1 0.975, exact 0.588 before (a header with
    // two headers that name cookies and a host header no list held, `Sous-groupe
    // de cookies`, was no header, and its rows were read as a table without one:
    // hosts for providers, parties for purposes, `Cookies` for a cookie; `Cookies
    // dirigidas`, `Cookies de direcionamento` declared no category); 1.000 / 1.000
    // after
    t.check("cookie lists sorted by host", 0.98, 0.96);
}

/// `cookie_lists_sorted_by_host`'s tables with their columns in any order, one order
/// a document: the party's column (headed as names, `Cookies used`) may come before
/// the names' (`Cookies`), whose cells are lists of names between commas. Which of
/// the two is the name column is read from the cells, not from the headers' order.
#[test]
fn cookie_lists_sorted_by_host_in_any_column_order() {
    let mut order = Rng(0x0_7E57_4057_0002_0041);
    let t = host_list_tables(0x0_7E57_4057_0001_0041, Some(&mut order));
    t.check(
        "cookie lists sorted by host, columns in any order",
        0.98,
        0.96,
    );
}

/// The documents of `cookie_lists_sorted_by_host` drawn from `seed`; with `order`,
/// each document's columns shuffled by it.
fn host_list_tables(seed: u64, mut order: Option<&mut Rng>) -> Tally {
    let all = rows();
    let mut rng = Rng(seed);
    let mut t = Tally::default();
    for (l, w) in LANGS.iter().zip(HOST_LIST_WORDS) {
        assert_eq!(l.code, w.code);
        for doc in 0..8 {
            let dated = doc % 2 == 0;
            let mut perm: Vec<usize> = (0..3 + usize::from(dated)).collect();
            if let Some(order) = order.as_deref_mut() {
                order.shuffle(&mut perm);
            }
            let permuted = |cells: Vec<String>| -> String {
                perm.iter()
                    .map(|&k| cells[k].as_str())
                    .collect::<Vec<_>>()
                    .join("\t")
            };
            let mut text = String::from("Cookie List\n\n");
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for (k, hosts) in host_list_sections(&mut rng, &all, l, w, &mut seen)
                .into_iter()
                .enumerate()
            {
                let mut header = vec![w.host, w.names, w.party];
                if dated {
                    header.push(w.lifespan);
                }
                let header = permuted(header.into_iter().map(String::from).collect());
                text += &format!("{}\n{}\n{}\n", w.headings[k], w.sentence, header);
                for row in hosts {
                    let names: Vec<&str> =
                        row.picked.iter().map(|(r, _)| r.name.as_str()).collect();
                    let mut cells = vec![row.host.clone(), names.join(", "), row.party.clone()];
                    if dated {
                        cells.push(host_row_lives(l, w, &row));
                    }
                    text += &permuted(cells);
                    text += "\n";
                    want.extend(row.picked);
                }
                text += "\n";
            }
            show_doc(&text);
            score_with(&mut t, &text, &want, dated);
        }
    }
    t
}

/// Words a language writes after a list of cookie names to speak of more it does
/// not name (`_clck, _clsk e identificadores do Clarity`).
const MORE_IDENTIFIERS: &[(&str, &str)] = &[
    ("en", "and other identifiers"),
    ("fr", "et autres identifiants"),
    ("de", "und weitere Kennungen"),
    ("es", "y otros identificadores"),
    ("it", "e altri identificatori"),
    ("nl", "en andere identificatoren"),
    ("pt", "e outros identificadores"),
];

/// The cookie list sorted by host of `cookie_lists_sorted_by_host`, each host's row
/// written as a block of keys, as the platform's list reads on a phone or copied
/// from its accordion: `Key: value` lines, `Key⇥value` lines, or the host alone on
/// its line over the other keys (a card, whose title over its cookies is their
/// provider). The table form is drawn too. In every document, some rows name no
/// cookie (the page left the names cell empty, or the key out): no cookie, and no
/// line of them read as one; and a quarter of the rows of two names or more end
/// their names with words about more identifiers, which name no cookie.
#[test]
fn cookie_lists_sorted_by_host_as_keyed_blocks() {
    let all = rows();
    let mut rng = Rng(0x0_7E57_4057_0000_0038);
    let mut extra = Rng(0x0_7E57_4057_0001_0038);
    let mut by_form: [Tally; 4] = Default::default();
    for (l, w) in LANGS.iter().zip(HOST_LIST_WORDS) {
        let more = MORE_IDENTIFIERS
            .iter()
            .find(|(c, _)| *c == l.code)
            .expect("words for every language")
            .1;
        for doc in 0..12 {
            let form = doc % 4;
            let dated = doc % 8 < 4;
            let mut text = String::from("Cookie List\n\n");
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let pair = |k: &str, v: &str| match form {
                2 => format!("{k}\t{v}\n"),
                _ => format!("{k}: {v}\n"),
            };
            for (k, hosts) in host_list_sections(&mut rng, &all, l, w, &mut seen)
                .into_iter()
                .enumerate()
            {
                text += &format!("{}\n\n{}\n\n", w.headings[k], w.sentence);
                if form == 0 {
                    let mut header = vec![w.host, w.names, w.party];
                    if dated {
                        header.push(w.lifespan);
                    }
                    text += &header.join("\t");
                    text += "\n";
                }
                for (h, mut row) in hosts.into_iter().enumerate() {
                    // a row that names no cookie, before the first host of a section
                    // now and then
                    if h == 0 && extra.below(3) == 0 {
                        let empty = HostRow {
                            host: format!("cdn{}.example.net", extra.below(90)),
                            picked: Vec::new(),
                            party: extra.pick(&w.first_third).to_string(),
                        };
                        text += &host_block(
                            form,
                            &pair,
                            w,
                            &empty,
                            "",
                            dated.then(|| l.session.to_string()),
                            extra.below(2) == 0,
                        );
                    }
                    let mut names: Vec<&str> =
                        row.picked.iter().map(|(r, _)| r.name.as_str()).collect();
                    if names.len() >= 2 && extra.below(4) == 0 {
                        names.push(more);
                    }
                    let names = names
                        .join(", ")
                        .replace(&format!(", {more}"), &format!(" {more}"));
                    let lives = dated.then(|| host_row_lives(l, w, &row));
                    text += &host_block(form, &pair, w, &row, &names, lives, false);
                    if form == 3 {
                        // a card's title over its cookies is their provider
                        for (r, _) in &mut row.picked {
                            r.provider = row.host.clone();
                        }
                    }
                    want.extend(row.picked);
                }
                text += "\n";
            }
            show_doc(&text);
            score_with(&mut by_form[form], &text, &want, dated);
        }
    }
    // measured when added (round 38), before: table 0.968 / 0.907 (the words after
    // the names read as a cookie), `Key: value` 0.935 / 0.395, `Key⇥value` 0.919 /
    // 0.363 (`Cookies used` opened a block of its own, whose lifetimes were the
    // next block's; a block naming no cookie ran into the next, or its lines were
    // read as a table's rows), cards 0.871 / 0.834 (the party key took the names'
    // place; a card alone in its section was no card), 0.922 / 0.633 in all; 1.000 /
    // 1.000 in every form after
    let mut all_forms = Tally::default();
    for (form, t) in ["table", "Key: value", "Key⇥value", "cards"]
        .iter()
        .zip(&by_form)
    {
        t.check(
            &format!("cookie lists sorted by host as keyed blocks, {form}"),
            0.98,
            0.95,
        );
        all_forms.add(t);
    }
    all_forms.check("cookie lists sorted by host as keyed blocks", 0.98, 0.96);
}

/// One host's row of a cookie list in form `form` (0 a table row, 1 and 2 a block of
/// key lines written by `pair`, 3 a card: the host alone, then the keys), its names
/// written `names` (no names: the names cell empty, or, when `drop_key`, the key
/// left out), its lifetimes `lives` when the list states them.
fn host_block(
    form: usize,
    pair: &dyn Fn(&str, &str) -> String,
    w: &HostListLang,
    row: &HostRow,
    names: &str,
    lives: Option<String>,
    drop_key: bool,
) -> String {
    if form == 0 {
        let mut cells = vec![row.host.as_str(), names, row.party.as_str()];
        if let Some(l) = &lives {
            cells.push(l);
        }
        return cells.join("\t") + "\n";
    }
    let mut out = if form == 3 {
        format!("{}\n", row.host)
    } else {
        pair(w.host, &row.host)
    };
    if !(drop_key || names.is_empty() && form == 3) {
        out += &pair(w.names, names);
    }
    out += &pair(w.party, &row.party);
    if let Some(l) = &lives {
        out += &pair(w.lifespan, l);
    }
    out + "\n"
}

/// How a language states, in a sentence of its own, how long a cookie lives and who
/// sets it: a verb sentence and a keyed sentence for the lifetime (`{}` the lifetime)
/// and a set-by sentence (`{}` the provider).
const ITEM_SENTENCES: &[(&str, [&str; 3])] = &[
    (
        "en",
        ["It expires after {}.", "Lifetime: {}.", "Set by {}."],
    ),
    (
        "fr",
        [
            "Il expire après {}.",
            "Durée de conservation : {}.",
            "Déposé par {}.",
        ],
    ),
    (
        "de",
        [
            "Es verfällt nach {}.",
            "Speicherdauer: {}.",
            "Gesetzt von {}.",
        ],
    ),
    (
        "es",
        [
            "Caduca después de {}.",
            "Duración: {}.",
            "Instalada por {}.",
        ],
    ),
    ("it", ["Scade dopo {}.", "Durata: {}.", "Installato da {}."]),
    (
        "nl",
        [
            "Verloopt na {}.",
            "Bewaartermijn: {}.",
            "Geplaatst door {}.",
        ],
    ),
    (
        "pt",
        ["Expira após {}.", "Duração: {}.", "Definido por {}."],
    ),
];

/// Cookies listed by name under category headings, as hand-written pages list them:
/// the name alone on its line over a paragraph that says what it does, who sets it
/// and how long it lives (or over the same sentences one per line), or the name and
/// that text on one line after a dash. Half the names are tokens no shape makes sure
/// (`auid`, `c-referrer`, `token`), first in their section too: their place among
/// sure names (or, on dash lines, the lifetime each states) makes them names.
#[test]
fn names_alone_over_their_paragraphs() {
    let all = rows();
    let mut rng = Rng(0x0A10_4E0F_0000_0029);
    let mut t = Tally::default();
    let sure = |n: &str| n.contains(['_', '.']) || n.chars().any(|c| c.is_ascii_digit());
    for (l, (code, s)) in LANGS.iter().zip(ITEM_SENTENCES) {
        assert_eq!(l.code, *code);
        for doc in 0..9 {
            let form = doc % 3;
            let mut text = String::from("Cookies\n\n");
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for k in 0..4 {
                // a section's names: tokens and sure names mixed, a sure one at least
                let n = 2 + rng.below(3);
                let mut picked: Vec<_> = section_rows(&mut rng, &all, l, Some(k), 4 * n, &mut seen)
                    .into_iter()
                    .filter(|(r, _)| {
                        !r.name.ends_with('.')
                            && !r.name.contains([':', '%', '/'])
                            && r.name.chars().next().is_some_and(|c| !c.is_uppercase())
                    })
                    .collect();
                let Some(first_sure) = picked.iter().position(|(r, _)| sure(&r.name)) else {
                    continue;
                };
                let anchor = picked.remove(first_sure);
                picked.truncate(n - 1);
                picked.insert(rng.below(picked.len() + 1), anchor);
                text += &format!("{}\n\n", l.categories[k]);
                for (r, c) in &mut picked {
                    // (a session is stated under a key: `It expires after Session.`
                    // is no sentence a page writes)
                    let says = if rng.below(2) == 0 && r.length.is_some() {
                        s[0]
                    } else {
                        s[1]
                    };
                    let life = says.replacen("{}", &c[3], 1);
                    // (a description that names a setter itself, `Used by Google
                    // AdSense …`, gets no sentence of its own: the two would differ)
                    let by = if rng.below(2) == 0 && !r.purpose.contains(" by ") {
                        Some(s[2].replacen("{}", &c[1], 1))
                    } else {
                        r.provider.clear();
                        None
                    };
                    let mut sentences = vec![r.purpose.clone()];
                    // (the set-by sentence is part of the description as written)
                    if let Some(by) = by {
                        r.purpose = format!("{} {by}", r.purpose);
                        sentences.push(by);
                    }
                    sentences.push(life);
                    text += &match form {
                        0 => format!("{}\n{}\n\n", r.name, sentences.join(" ")),
                        1 => format!("{}\n{}\n\n", r.name, sentences.join("\n")),
                        _ => format!("{} – {}\n", r.name, sentences.join(" ")),
                    };
                }
                text += "\n";
                want.extend(picked);
            }
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    // measured when added (round 29): F1 0.925, exact 0.622 before (tokens no shape
    // makes sure were no names, before a sure name or after it; the lines under a
    // name's paragraph, `Set by …` / `Lifetime: …`, were left out, and a lifetime key
    // there was given to every item of the list); 0.989 / 0.956 after (what is left:
    // names no line shape tells, `audience`, a category word; providers written in
    // lower case, `richAudience`, or cut at a word, `Ruby on Rails`)
    t.check("names alone over their paragraphs", 0.98, 0.93);
}

/// Tables set a column per cookie and a row per field (a page that lays a few cookies
/// side by side): the header of each row in the language's wordings, the rows in any
/// order (the names row first or not), one to five cookies a table (one is a block
/// of `Key⇥value` lines), under a category heading per table or, in one table, with
/// a category row; an eighth of the provider cells empty, and in a quarter of the
/// tables a row of a label no list holds (`HttpOnly`).
#[test]
fn tables_set_a_column_per_cookie() {
    let all = rows();
    let mut rng = Rng(0x7A45_9053_0000_0038);
    let mut t = Tally::default();
    for l in LANGS {
        for d in 0..10 {
            let sections = d % 2 == 0;
            let mut order: Vec<usize> = if sections {
                vec![0, 1, 2, 3]
            } else {
                vec![0, 1, 2, 3, 4]
            };
            let mut text =
                String::from("Cookie policy\n\nThe cookies we use are listed below.\n\n");
            let mut cats = [0usize, 1, 2, 3];
            rng.shuffle(&mut cats);
            let tables = if sections { 1 + rng.below(4) } else { 1 };
            let mut seen = std::collections::HashSet::new();
            let mut want = Vec::new();
            for &k in &cats[..tables] {
                rng.shuffle(&mut order);
                let n = 1 + rng.below(5);
                let mut picked =
                    section_rows(&mut rng, &all, l, sections.then_some(k), n, &mut seen);
                for (r, c) in &mut picked {
                    if rng.below(8) == 0 {
                        r.provider.clear();
                        c[1].clear();
                    }
                }
                if sections {
                    text += &format!("{}\n\n", l.categories[k]);
                }
                let label = rng.below(4) == 0;
                for (row, &f) in order.iter().enumerate() {
                    let mut cells = vec![rng.pick(l.headers[f]).to_string()];
                    cells.extend(picked.iter().map(|(_, c)| c[f].clone()));
                    text += &cells.join("\t");
                    text += "\n";
                    if label && row == 1 {
                        let flags: Vec<&str> = picked
                            .iter()
                            .map(|_| if rng.below(2) == 0 { "yes" } else { "no" })
                            .collect();
                        text += &format!("HttpOnly\t{}\n", flags.join("\t"));
                    }
                }
                text += "\n";
                want.extend(picked);
            }
            text += "You can change your choice at any time.\n";
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    // measured when added (round 38): F1 0.236, exact 0.076 before (the names row
    // read as a header whose name column was the first cookie's, or a column of
    // values read as names; one cookie's `Key⇥value` block stopped at a label no
    // list holds); 0.998 / 0.993 after
    t.check("tables set a column per cookie", 0.98, 0.96);
}

/// Tables grouped by their first column, copied from a page whose group cell spans
/// the group's rows (`rowspan`): the provider (or the category) stands in the
/// group's first row only, and the rows after it lack the cell (a browser's copy
/// writes no tab for it; a converter writing pipe rows, in every other document,
/// no cell). Every row of a group is the group's; the header is each language's.
#[test]
fn tables_whose_first_column_spans_rows() {
    let all = rows();
    let mut rng = Rng(0x5BA4_0000_0029);
    let mut t = Tally::default();
    for l in LANGS {
        for doc in 0..8 {
            // the grouping column: the provider, or in every third document the category
            let by_category = doc % 3 == 2;
            let group_col = if by_category { 4 } else { 1 };
            let h = &l.headers;
            let header = [
                *rng.pick(h[group_col]),
                *rng.pick(h[0]),
                *rng.pick(h[2]),
                *rng.pick(h[3]),
            ];
            let pipe = doc % 2 == 1;
            let mut text = if pipe {
                format!("Cookies\n\n| {} |\n|---|---|---|---|\n", header.join(" | "))
            } else {
                format!("Cookies\n\n{}\n", header.join("\t"))
            };
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for k in 0..4 {
                let n = 2 + rng.below(3);
                let mut picked = section_rows(&mut rng, &all, l, Some(k), n, &mut seen);
                if picked.len() < 2 {
                    continue;
                }
                if !by_category {
                    // one provider for the group (the first row's); the table states
                    // no category
                    let p = picked[0].1[1].clone();
                    picked = set_by(picked, &p, true);
                    for (r, _) in &mut picked {
                        r.category = Category::Unknown;
                    }
                }
                for (i, (_, c)) in picked.iter().enumerate() {
                    let mut cells = vec![c[0].as_str(), c[2].as_str(), c[3].as_str()];
                    if i == 0 {
                        cells.insert(0, c[group_col].as_str());
                    }
                    text += &if pipe {
                        format!("| {} |\n", cells.join(" | "))
                    } else {
                        format!("{}\n", cells.join("\t"))
                    };
                }
                if by_category {
                    // the table states no provider
                    for (r, _) in &mut picked {
                        r.provider.clear();
                    }
                }
                want.extend(picked);
            }
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    // measured when added (round 29): F1 0.378, exact 0.334 before (the rows after a
    // group's first lacked its cell, so each name stood under the group's header and
    // each description under the name's); 0.995 / 0.988 after. Round 44 wrote every
    // other document as pipe rows: 0.709 / 0.656 (a pipe row that lacked the group's
    // cell was read a column early, its description as the name), then 0.999 / 0.994
    // (`pipe::finish` realigns a short row; the tab reader's short name beside a
    // short description, `fr` / `Delivers ads.`, is its unit test's)
    t.check("tables whose first column spans rows", 0.98, 0.95);
}

/// Tables whose description cell spans the rows of cookies that share it (`_ga` and
/// `_gid` under one text): the copy writes it in the first row only and leaves it
/// out of the rows after, whose lifetime then stands in its column. Each row is
/// moved back by its lifetime and takes the description; the provider column after
/// them is filled in every row.
#[test]
fn descriptions_spanning_rows() {
    let all = rows();
    let mut rng = Rng(0xDE5C_0000_0029);
    let mut t = Tally::default();
    for l in LANGS {
        for _ in 0..6 {
            let h = &l.headers;
            let header = [
                *rng.pick(h[0]),
                *rng.pick(h[2]),
                *rng.pick(h[3]),
                *rng.pick(h[1]),
            ];
            let mut text = format!("Cookies\n\n{}\n", header.join("\t"));
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for _ in 0..4 {
                let n = 1 + rng.below(3);
                let mut picked = section_rows(&mut rng, &all, l, None, n, &mut seen);
                let Some(shared) = picked.first().map(|(r, _)| r.purpose.clone()) else {
                    continue;
                };
                for (i, (r, c)) in picked.iter_mut().enumerate() {
                    r.purpose.clone_from(&shared);
                    r.category = Category::Unknown;
                    text += &if i == 0 {
                        format!("{}\t{}\t{}\t{}\n", c[0], shared, c[3], c[1])
                    } else {
                        format!("{}\t{}\t{}\n", c[0], c[3], c[1])
                    };
                }
                want.extend(picked);
            }
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    // measured when added (round 29): F1 1.000, exact 0.472 before (the rows after
    // the first were realigned by their lifetime but got no description); 1.000 /
    // 0.992 after
    t.check("descriptions spanning rows", 0.98, 0.95);
}

/// How a language writes a consent platform's sections per service (iubenda and its
/// likes): the category headings (the platform's own words among them: `Experience`,
/// `Measurement`), a sentence under each, the line that says what the service is, the
/// two keys about the data, and the key over the lifetimes of its cookies.
struct ServiceSectionLang {
    code: &'static str,
    headings: [&'static [&'static str]; 4],
    intro: &'static str,
    /// `{s}`: the service, `{c}`: the company.
    is_service: &'static str,
    data: &'static str,
    place: &'static str,
    storage: &'static str,
}

const SERVICE_SECTION_WORDS: &[ServiceSectionLang] = &[
    ServiceSectionLang {
        code: "en",
        headings: [
            &["Strictly necessary", "Necessary"],
            &["Experience", "Functionality"],
            &["Measurement", "Analytics"],
            &["Marketing", "Advertising"],
        ],
        intro: "The services in this section are listed with the trackers they use.",
        is_service: "{s} is a service provided by {c} that the Owner uses on this Website.",
        data: "Personal Data processed: Trackers; Usage Data.",
        place: "Place of processing: United States – Privacy Policy – Opt Out.",
        storage: "Storage duration:",
    },
    ServiceSectionLang {
        code: "fr",
        headings: [
            &["Strictement nécessaires", "Nécessaires"],
            &["Expérience", "Fonctionnalité"],
            &["Mesure", "Statistiques"],
            &["Marketing", "Publicité"],
        ],
        intro: "Les services de cette section sont listés avec les traceurs qu'ils utilisent.",
        is_service: "{s} est un service fourni par {c} que le Propriétaire utilise sur ce site.",
        data: "Données personnelles traitées : Traceurs ; Données d'utilisation.",
        place: "Lieu de traitement : États-Unis – Politique de confidentialité.",
        storage: "Durée de stockage :",
    },
    ServiceSectionLang {
        code: "de",
        headings: [
            &["Unbedingt erforderlich", "Notwendig"],
            &["Erfahrung", "Funktionalität"],
            &["Messung", "Statistik"],
            &["Marketing", "Werbung"],
        ],
        intro: "Die Dienste dieses Abschnitts sind mit ihren Trackern aufgeführt.",
        is_service: "{s} ist ein Dienst von {c}, den der Anbieter auf dieser Website nutzt.",
        data: "Verarbeitete personenbezogene Daten: Tracker; Nutzungsdaten.",
        place: "Verarbeitungsort: Vereinigte Staaten – Datenschutzerklärung.",
        storage: "Speicherdauer:",
    },
    ServiceSectionLang {
        code: "es",
        headings: [
            &["Estrictamente necesarias", "Necesarias"],
            &["Experiencia", "Funcionalidad"],
            &["Medición", "Estadísticas"],
            &["Marketing", "Publicidad"],
        ],
        intro: "Los servicios de esta sección se enumeran con los rastreadores que utilizan.",
        is_service: "{s} es un servicio prestado por {c} que el Titular utiliza en este sitio.",
        data: "Datos personales tratados: Rastreadores; Datos de uso.",
        place: "Lugar del tratamiento: Estados Unidos – Política de privacidad.",
        storage: "Duración del almacenamiento:",
    },
    ServiceSectionLang {
        code: "it",
        headings: [
            &["Strettamente necessari", "Necessari"],
            &["Esperienza", "Funzionalità"],
            &["Misurazione", "Statistica"],
            &["Marketing", "Pubblicità"],
        ],
        intro: "I servizi di questa sezione sono elencati con gli strumenti che utilizzano.",
        is_service: "{s} è un servizio fornito da {c} che il Titolare utilizza su questo sito.",
        data: "Dati Personali trattati: Strumenti di Tracciamento; Dati di utilizzo.",
        place: "Luogo del trattamento: Stati Uniti – Privacy Policy.",
        storage: "Durata di archiviazione:",
    },
];

/// A consent platform's sections per service (iubenda's shape): a category heading
/// in the platform's words, then for each service its name as a heading (the company
/// after it in brackets, or not), a line that says what the service is (`Verve is a
/// service provided by Verve …`), two keys about the data, and the key over its
/// cookies' lifetimes: `name: lifetime` pairs on the key's line apart by `;`, one a
/// line under it, or one a line after a dash. The service is the provider of the
/// cookies under it, whatever its name (`Command Act`, `comScore`); no cookie has a
/// description of its own.
#[test]
fn service_sections_with_storage_lists() {
    let all = rows();
    // services whose name a heading writes as it is (no `/`, `.`, brackets), each
    // with the cookies of one category
    let mut by_service: std::collections::BTreeMap<(String, usize), Vec<&Row>> =
        std::collections::BTreeMap::new();
    for r in &all {
        let p = &r.provider;
        if p.len() < 3
            || p.split_whitespace().count() > 3
            || !p
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
            || all.iter().filter(|o| o.name == r.name).count() > 1
            // (names a list of pairs can hold: no `:`, `/` or `%`, none cut at its end)
            || !plain_name(&r.name)
            || !r.name.ends_with(|c: char| c.is_alphanumeric())
        {
            continue;
        }
        let k = match r.category {
            Category::Necessary => 0,
            Category::Functional => 1,
            Category::Analytics => 2,
            _ => 3,
        };
        by_service.entry((p.clone(), k)).or_default().push(r);
    }
    let services: Vec<(&(String, usize), &Vec<&Row>)> =
        by_service.iter().filter(|(_, rs)| rs.len() >= 2).collect();
    let mut rng = Rng(0x5E2F_1CE5_0000_0030);
    let mut t = Tally::default();
    for s in SERVICE_SECTION_WORDS {
        let l = LANGS.iter().find(|l| l.code == s.code).expect("a language");
        for form in 0..3 {
            for _ in 0..4 {
                let mut text = String::from("Cookie Policy\n\n");
                let mut want = Vec::new();
                let mut seen = std::collections::HashSet::new();
                let mut order = [0, 1, 2, 3];
                rng.shuffle(&mut order);
                for k in order {
                    let of_k: Vec<_> = services.iter().filter(|((_, c), _)| *c == k).collect();
                    if of_k.is_empty() {
                        continue;
                    }
                    text += &format!("{}\n{}\n\n", rng.pick(s.headings[k]), s.intro);
                    for _ in 0..1 + rng.below(2) {
                        let ((service, _), rs) = rng.pick(&of_k);
                        if !seen.insert(service.clone()) {
                            continue;
                        }
                        let company = if rng.below(2) == 0 {
                            service.clone()
                        } else {
                            format!("{service} Ltd.")
                        };
                        let heading = match rng.below(3) {
                            0 => service.clone(),
                            _ => format!("{service} ({company})"),
                        };
                        text += &format!(
                            "{heading}\n{}\n{}\n{}\n",
                            s.is_service
                                .replace("{s}", service)
                                .replace("{c}", &company),
                            s.data,
                            s.place
                        );
                        let rs: Vec<&Row> = rs.iter().take(4).copied().collect();
                        let pairs: Vec<String> = rs
                            .iter()
                            .map(|r| format!("{}: {}", r.name, cells(l, r)[3]))
                            .collect();
                        text += &match form {
                            0 => format!("{} {}\n\n", s.storage, pairs.join("; ")),
                            1 => format!("{}\n{}\n\n", s.storage, pairs.join("\n")),
                            _ => format!("{}\n- {}\n\n", s.storage, pairs.join("\n- ")),
                        };
                        for r in rs {
                            let mut r = r.clone();
                            r.provider = service.clone();
                            r.purpose = String::new();
                            let c = cells(l, &r);
                            want.push((r, c));
                        }
                    }
                }
                show_doc(&text);
                score(&mut t, &text, &want);
            }
        }
    }
    // measured when added (round 30): F1 0.997, exact 0.769 before (`Experience`,
    // `Mesure`, `Misurazione`, `Erfahrung` declared no category; a service named in
    // common words, `Command Act`, or in lower case, `comScore`, was no service, so
    // the one above went on; `Civic (Civic UK)` gave the company in the aside);
    // 0.997 / 0.984 after; 0.997 / 0.985 once a name in lower case said to be a
    // service (`comScore`) heads its block (`ID5` reads as a cookie's name, and is
    // left)
    t.check("service sections with storage lists", 0.98, 0.96);
}

/// How a language names a service after the vendor's product, as iubenda's headings
/// do (`{b}`: the brand), and the legal forms of its companies.
const SERVICE_NAMES: &[(&str, &[&str], &[&str])] = &[
    (
        "en",
        &[
            "{b} Heat Maps & Recordings",
            "{b} Ads conversion tracking",
            "{b} Like button and social widgets",
            "{b} video widget",
            "{b} Tag Manager",
        ],
        &["Ltd.", "Inc.", "Limited", "LLC"],
    ),
    (
        "fr",
        &[
            "Suivi des conversions de {b} Ads",
            "Bouton J'aime et widgets sociaux de {b}",
            "Widget vidéo {b}",
            "{b} Heat Maps & Recordings",
        ],
        &["SAS", "SARL", "Ltd."],
    ),
    (
        "de",
        &[
            "{b} Conversion-Tracking",
            "Like-Button und Social-Widgets von {b}",
            "{b} Video-Widget",
            "{b} Heat Maps & Recordings",
        ],
        &["GmbH", "AG", "Ltd."],
    ),
    (
        "es",
        &[
            "Seguimiento de conversiones de {b} Ads",
            "Botón Me gusta y widgets sociales de {b}",
            "Widget de video de {b}",
        ],
        &["S.L.", "S.A.", "Inc."],
    ),
    (
        "it",
        &[
            "Monitoraggio conversioni di {b} Ads",
            "Pulsante Mi Piace e widget sociali di {b}",
            "Widget Video {b}",
            "{b} Heat Maps & Recordings",
        ],
        &["S.r.l.", "S.p.A.", "Limited"],
    ),
];

/// Vendors the lists know, for [`service_headings_naming_their_company`]: the brand
/// and how its company is named.
const KNOWN_BRANDS: &[(&str, &str)] = &[
    ("Google", "Google Ireland Limited"),
    ("Hotjar", "Hotjar Ltd."),
    ("Microsoft", "Microsoft Ireland Operations Limited"),
    ("Pinterest", "Pinterest Europe Ltd."),
    ("TikTok", "TikTok Technology Limited"),
];

/// iubenda's service headings: the service's name, long and in the language's words
/// (`Hotjar Heat Maps & Recordings`, `Pulsante Mi Piace e widget sociali di Velqora`,
/// the vendor first or last, a known vendor's or one made up), then its company in
/// brackets, named by its legal form (`(Velqora Ltd.)`); the line under it says what
/// the brand is and who provides it, naming neither the service as the heading
/// writes it nor the company as the aside does (`Velqora is a service provided by
/// Velqora Media GmbH …`), and the `Storage duration:` pairs follow. The service is
/// every cookie's provider: a service heading wins over a company the prose below
/// names. Written before the reader read a company in the aside as evidence.
#[test]
fn service_headings_naming_their_company() {
    let all = rows();
    let mut rng = Rng(0x1B3E_0DA5_0000_0040);
    let mut t = Tally::default();
    for s in SERVICE_SECTION_WORDS {
        let l = LANGS.iter().find(|l| l.code == s.code).expect("a language");
        let (_, names, forms) = SERVICE_NAMES
            .iter()
            .find(|(c, _, _)| *c == s.code)
            .expect("service names");
        for d in 0..8 {
            let mut text = String::from("Cookie Policy\n\n");
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let mut used = std::collections::HashSet::new();
            for k in 0..4 {
                text += &format!("{}\n{}\n\n", rng.pick(s.headings[k]), s.intro);
                for _ in 0..1 + rng.below(2) {
                    let (brand, company) = if d % 2 == 0 {
                        let (b, c) = *rng.pick(KNOWN_BRANDS);
                        (b.to_string(), c.to_string())
                    } else {
                        // (a brand's word, not a host: `Velqora`)
                        let made = made_up_service(&mut rng);
                        let word: String = made.chars().take_while(|c| c.is_alphabetic()).collect();
                        let word = format!("{}{}", word[..1].to_uppercase(), &word[1..]);
                        let company = format!("{word} Media {}", rng.pick(forms));
                        (word, company)
                    };
                    let service = rng.pick(names).replace("{b}", &brand);
                    if !used.insert(service.clone()) {
                        continue;
                    }
                    let n = 1 + rng.below(3);
                    let picked = section_rows(&mut rng, &all, l, Some(k), n, &mut seen)
                        .into_iter()
                        .filter(|(r, _)| {
                            plain_name(&r.name) && r.name.ends_with(|c: char| c.is_alphanumeric())
                        })
                        .collect::<Vec<_>>();
                    if picked.is_empty() {
                        continue;
                    }
                    let picked = set_by(picked, &service, false);
                    text += &format!(
                        "{service} ({company})\n{}\n{}\n{}\n",
                        s.is_service.replace("{s}", &brand).replace("{c}", &company),
                        s.data,
                        s.place
                    );
                    let pairs: Vec<String> = picked
                        .iter()
                        .map(|(_, c)| format!("{}: {}", c[0], c[3]))
                        .collect();
                    text += &match rng.below(2) {
                        0 => format!("{} {}\n\n", s.storage, pairs.join("; ")),
                        _ => format!("{}\n{}\n\n", s.storage, pairs.join("\n")),
                    };
                    want.extend(picked);
                }
            }
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    // measured when added (round 40, the reader of `1f79747`): F1 1.000, exact 0.092
    // (the company in the prose below won; a known vendor's heading gave the vendor's
    // run, `Pinterest Ads`, or was cut at `&`, and a category word in it declared its
    // category); after: 1.000 / 1.000
    t.check("service headings naming their company", 0.99, 0.97);
}

/// How a language writes category headings as its writers compound or elide them
/// (`Funktions-Cookies`, `Personalisierungs-Cookies`, `Cookies d'analyse`), and the
/// lifetime key a consent platform's cards write (`Läuft ab in`, `Expire dans`).
const COMPOUND_HEADINGS: &[(&str, [&[&str]; 4], &str)] = &[
    (
        "en",
        [
            &["Essential website cookies", "Strictly necessary cookies"],
            &["Experience cookies", "User experience cookies"],
            &["Measurement cookies", "Analytics and customization cookies"],
            &["Advertising cookies", "Targeting cookies"],
        ],
        "Expires in",
    ),
    (
        "fr",
        [
            &[
                "Cookies strictement nécessaires",
                "Cookies essentiels du site",
            ],
            &["Cookies de fonctionnalité", "Cookies d'expérience"],
            &[
                "Cookies d'analyse",
                "Cookies d’audience",
                "Cookies d'analyse et de personnalisation",
                "Cookies de mesure",
            ],
            &["Cookies publicitaires", "Cookies de ciblage"],
        ],
        "Expire dans",
    ),
    (
        "de",
        [
            &["Unbedingt erforderliche Cookies", "Notwendige Cookies"],
            &[
                "Funktions-Cookies",
                "Funktionscookies",
                "Personalisierungs-Cookies",
                "Komfort-Cookies",
            ],
            &["Analyse-Cookies", "Leistungs-Cookies", "Statistik-Cookies"],
            &["Werbe-Cookies", "Marketing-Cookies"],
        ],
        "Läuft ab in",
    ),
    (
        "es",
        [
            &["Cookies estrictamente necesarias", "Cookies técnicas"],
            &["Cookies de experiencia", "Cookies de personalización"],
            &["Cookies de medición", "Cookies de análisis"],
            &["Cookies publicitarias", "Cookies de publicidad"],
        ],
        "Caduca en",
    ),
    (
        "it",
        [
            &["Cookie tecnici", "Cookie strettamente necessari"],
            &["Cookie di esperienza", "Cookie di funzionalità"],
            &["Cookie di misurazione", "Cookie statistici"],
            &["Cookie di profilazione", "Cookie pubblicitari"],
        ],
        "Scade tra",
    ),
    (
        "nl",
        [
            &["Strikt noodzakelijke cookies", "Noodzakelijke cookies"],
            &["Ervaringscookies", "Functionele cookies"],
            &["Metingscookies", "Analytische cookies"],
            &["Advertentiecookies", "Marketingcookies"],
        ],
        "Verloopt na",
    ),
    (
        "pt",
        [
            &["Cookies estritamente necessários", "Cookies essenciais"],
            &["Cookies de experiência", "Cookies de funcionalidade"],
            &["Cookies de medição", "Cookies de análise"],
            &["Cookies publicitários", "Cookies de marketing"],
        ],
        "Expira em",
    ),
];

/// Cards of labels under category headings written as a language compounds or
/// elides them (`Funktions-Cookies`, `Cookies d'analyse`, `Personalisierungs-Cookies`),
/// with the lifetime under a consent platform's key (`Läuft ab in`, `Expire dans`),
/// each label beside its value or alone on its line over it. The heading is the
/// category of the cards under it.
#[test]
fn category_headings_compounded_or_elided() {
    let all = rows();
    let mut rng = Rng(0xC0A1_E5CE_0000_0030);
    let mut t = Tally::default();
    for (code, headings, lifetime) in COMPOUND_HEADINGS {
        let l = lang(code);
        for form in 0..2 {
            for _ in 0..5 {
                let mut text = String::new();
                let mut want = Vec::new();
                let mut seen = std::collections::HashSet::new();
                category_sections(&mut rng, &all, l, 1, &mut seen, |rng, k, picked| {
                    text += &format!("{}\n\n", rng.pick(headings[k]));
                    for (_, c) in &picked {
                        let h = &l.headers;
                        let keys = [h[0][0], h[2][0], h[1][0], lifetime];
                        let values = [&c[0], &c[2], &c[1], &c[3]];
                        for (key, value) in keys.iter().zip(values) {
                            text += &match form {
                                0 => format!("{key}: {value}\n"),
                                _ => format!("{key}:\n{value}\n"),
                            };
                        }
                        text += "\n";
                    }
                    want.extend(picked);
                });
                show_doc(&text);
                score(&mut t, &text, &want);
            }
        }
    }
    // measured when added (round 30): F1 0.998, exact 0.499 before (`Cookies
    // d'analyse` and `Funktions-Cookies` declared nothing, `Läuft ab in` alone on its
    // line was no lifetime key); 1.000 / 1.000 after
    t.check("category headings compounded or elided", 0.98, 0.97);
}

/// How a cookie scanner's audit table (CookieYes and its likes) heads its columns
/// in a language, and the category headings over its groups; the descriptions stay
/// in English, as the scanner writes them.
const AUDIT_WORDS: &[(&str, [&str; 3], [&str; 4])] = &[
    (
        "en",
        ["Cookie", "Duration", "Description"],
        ["Necessary", "Functional", "Analytics", "Advertisement"],
    ),
    (
        "fr",
        ["Cookie", "Durée", "Description"],
        ["Nécessaire", "Fonctionnel", "Analytique", "Publicité"],
    ),
    (
        "de",
        ["Cookie", "Dauer", "Beschreibung"],
        ["Notwendig", "Funktional", "Analyse", "Werbung"],
    ),
    (
        "es",
        ["Cookie", "Duración", "Descripción"],
        ["Necesaria", "Funcional", "Analítica", "Publicidad"],
    ),
];

/// A cookie scanner's audit table (CookieYes' `Cookie | Duration | Description`)
/// under category headings, as tab rows, a markdown table, cells glued with the
/// header written again over each group, or rows numbered as a list with no header.
/// The description names who sets the cookie, known or not (`Piano sets this cookie
/// to …`, `This cookie is set by vBulletin.`, `The cookie is set by Command Act and
/// …`), or no one; the setter is the cookie's provider.
#[test]
fn audit_tables_whose_descriptions_name_the_setter() {
    let all: Vec<Row> = rows()
        .into_iter()
        .filter(|r| {
            r.provider.split_whitespace().count() <= 3
                && r.provider.len() >= 3
                && r.provider
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-'))
                && !r.provider.ends_with('.')
                && plain_name(&r.name)
                // (a name ending in a digit glued to a lifetime is two readings)
                && !r.name.ends_with(|c: char| c.is_ascii_digit())
        })
        .collect();
    let mut rng = Rng(0xA0D1_75E7_0000_0030);
    let mut t = Tally::default();
    for (code, header, headings) in AUDIT_WORDS {
        let l = lang(code);
        for form in 0..4 {
            for _ in 0..4 {
                let mut text = String::from("Cookie Policy\n\n");
                let mut want = Vec::new();
                let mut seen = std::collections::HashSet::new();
                category_sections(&mut rng, &all, l, 2, &mut seen, |rng, k, picked| {
                    text += &format!("{}\n\n", headings[k]);
                    text += &match form {
                        0 => format!("{}\n", header.join("\t")),
                        1 => format!("| {} |\n|---|---|---|\n", header.join(" | ")),
                        2 => format!("{}\n", header.concat()),
                        _ => String::new(),
                    };
                    for (i, (r, c)) in picked.into_iter().enumerate() {
                        let d = r.purpose.trim_end_matches('.');
                        let lower = |d: &str| {
                            let mut cs = d.chars();
                            match (cs.next(), cs.next()) {
                                (Some(a), Some(b)) if !b.is_uppercase() => {
                                    format!("{}{}", a.to_lowercase(), &d[a.len_utf8()..])
                                }
                                _ => d.to_string(),
                            }
                        };
                        let p = &r.provider;
                        let (desc, provider) = match rng.below(4) {
                            0 => (format!("{p} sets this cookie to {}.", lower(d)), p.clone()),
                            1 => (format!("This cookie is set by {p}. {d}."), p.clone()),
                            2 => (
                                format!("The cookie is set by {p} and {}.", lower(d)),
                                p.clone(),
                            ),
                            _ => (format!("{d}."), String::new()),
                        };
                        let cells = [c[0].as_str(), c[3].as_str(), desc.as_str()];
                        text += &match form {
                            0 => format!("{}\n", cells.join("\t")),
                            1 => format!("| {} |\n", cells.join(" | ")),
                            2 => format!("{}\n", cells.concat()),
                            _ => format!("{}. {}\n", i + 1, cells.join(" | ")),
                        };
                        let mut r = r.clone();
                        r.provider = provider;
                        r.purpose = desc;
                        want.push((r, c));
                    }
                    text += "\n";
                });
                show_doc(&text);
                score(&mut t, &text, &want);
            }
        }
    }
    // measured when added (round 30): F1 0.833, exact 0.692 before (rows numbered as
    // a list's items read nothing; the glued header written again was read as a
    // cookie; a setter no list knows, `Piano`, `Command Act`, `vBulletin`, was no
    // provider, and a later set-by phrase or a known vendor's shorter name won over
    // the opening subject); 0.993 / 0.983 after
    t.check(
        "audit tables whose descriptions name the setter",
        0.98,
        0.96,
    );
}

/// A language's words for [`BOX_WORDS`]: its code, the box's keys, the owner's
/// words, the category headings and the button.
type BoxWords = (
    &'static str,
    [&'static str; 7],
    &'static str,
    [&'static str; 4],
    &'static str,
);

/// How a consent platform's service box (Borlabs Cookie's) reads in a language: its
/// keys (`Name`, provider, purpose, privacy policy, hosts, cookie names, cookie
/// lifetime), the site owner's words in the provider key, the category headings over
/// the boxes (necessary, analytics, advertising, then the platform's own group of
/// embedded content, which declares no category) and the button over each box.
const BOX_WORDS: &[BoxWords] = &[
    (
        "de",
        [
            "Name",
            "Anbieter",
            "Zweck",
            "Datenschutzerklärung",
            "Host(s)",
            "Cookie Name",
            "Cookie Laufzeit",
        ],
        "Eigentümer dieser Website, Impressum",
        ["Essenziell", "Statistiken", "Marketing", "Externe Medien"],
        "Akzeptieren",
    ),
    (
        "en",
        [
            "Name",
            "Provider",
            "Purpose",
            "Privacy Policy",
            "Host(s)",
            "Cookie Name",
            "Cookie Expiry",
        ],
        "Owner of this website, Imprint",
        ["Essential", "Statistics", "Marketing", "External Media"],
        "Accept",
    ),
    (
        "fr",
        [
            "Nom",
            "Fournisseur",
            "Finalité",
            "Politique de confidentialité",
            "Hôte(s)",
            "Nom du cookie",
            "Durée du cookie",
        ],
        "Propriétaire de ce site, Mentions légales",
        ["Essentiels", "Statistiques", "Marketing", "Médias externes"],
        "Accepter",
    ),
    (
        "nl",
        [
            "Naam",
            "Aanbieder",
            "Doel",
            "Privacybeleid",
            "Host(s)",
            "Cookienaam",
            "Cookie vervaltijd",
        ],
        "Eigenaar van deze website, Colofon",
        ["Essentieel", "Statistieken", "Marketing", "Externe media"],
        "Accepteren",
    ),
    (
        "es",
        [
            "Nombre",
            "Proveedor",
            "Propósito",
            "Política de privacidad",
            "Host(s)",
            "Nombre de la cookie",
            "Duración de la cookie",
        ],
        "Propietario de este sitio web, Aviso legal",
        ["Esenciales", "Estadísticas", "Marketing", "Medios externos"],
        "Aceptar",
    ),
    (
        "it",
        [
            "Nome",
            "Fornitore",
            "Scopo",
            "Privacy Policy",
            "Host(s)",
            "Nome del cookie",
            "Scadenza del cookie",
        ],
        "Proprietario di questo sito web, Imprint",
        ["Essenziali", "Statistiche", "Marketing", "Media esterni"],
        "Accetta",
    ),
];

/// A key and its value as a box writes them: `Key⇥value`, `Key: value`, or the key on
/// its line and the value on the next.
fn box_pair(form: usize, key: &str, value: &str) -> String {
    match form {
        0 => format!("{key}\t{value}\n"),
        1 => format!("{key}: {value}\n"),
        _ => format!("{key}\n{value}\n"),
    }
}

/// Consent platforms' service boxes over their cookies. Borlabs' shape: under each
/// category heading (with its count), one box per service: its name, its provider
/// (a company with its postal address, or the site's owner), its purpose, a link to
/// its privacy policy and its hosts now and then, then the cookies' names in one key
/// and one lifetime for them all. Real Cookie Banner's shape (de, en): the service's
/// box, then `Technical cookie definitions` and the cookies' own table or blocks
/// (name, host, lifetime, type). Keys beside their values (tab, colon) or over them.
/// The service's name is no cookie; the company up to its address is the provider.
#[test]
fn service_boxes_over_their_cookies() {
    let all: Vec<Row> = rows()
        .into_iter()
        .filter(|r| {
            !r.provider.is_empty()
                && r.provider.len() <= 40
                && !r.provider.contains([',', '(', ':'])
                && plain_name(&r.name)
        })
        .collect();
    let mut rng = Rng(0xB0C5_0000_0000_0031);
    let mut t = Tally::default();
    const ADDRESS: &str = ", Gordon House, Barrow Street, Dublin 4, Ireland";
    for &(code, keys, owner, headings, button) in BOX_WORDS {
        let l = lang(code);
        for form in 0..3 {
            for doc in 0..4 {
                let rcb = doc % 2 == 1 && matches!(code, "de" | "en");
                let mut text = String::new();
                let mut want = Vec::new();
                let mut seen = std::collections::HashSet::new();
                let mut order = [0, 1, 2, 3];
                rng.shuffle(&mut order);
                for k in order.into_iter().take(3) {
                    // (the embedded-content group holds functional rows and declares
                    // no category)
                    let of = [0, 2, 3, 1][k];
                    let category = [
                        Category::Necessary,
                        Category::Analytics,
                        Category::Advertising,
                        Category::Unknown,
                    ][k];
                    let services = 1 + rng.below(2);
                    let mut boxes = String::new();
                    for _ in 0..services {
                        let n = 1 + rng.below(3);
                        let picked = section_rows(&mut rng, &all, l, Some(of), n, &mut seen);
                        let Some((first, first_cells)) = picked.first().cloned() else {
                            continue;
                        };
                        let service = first.provider.clone();
                        let own = rng.below(5) == 0;
                        let company = if own {
                            owner.to_string()
                        } else if rng.below(2) == 0 {
                            format!("{service}{ADDRESS}")
                        } else {
                            service.clone()
                        };
                        let purpose = first.purpose.clone();
                        if !rcb {
                            boxes += &format!("{button}\n");
                        }
                        boxes += &box_pair(form, keys[0], &service);
                        boxes += &box_pair(form, keys[1], &company);
                        boxes += &box_pair(form, keys[2], &purpose);
                        // (the service's host: `Google Analytics` → `googleanalytics.com`)
                        let host =
                            format!("{}.com", service.to_lowercase().replace([' ', '.'], ""));
                        if rng.below(3) > 0 {
                            boxes += &box_pair(form, keys[3], &format!("https://{host}/privacy"));
                        }
                        let names: Vec<&str> =
                            picked.iter().map(|(r, _)| r.name.as_str()).collect();
                        if rcb {
                            let (title, cols, typ) = if code == "de" {
                                (
                                    "Technische Cookie-Definitionen",
                                    ["Name", "Host", "Dauer", "Typ"],
                                    "HTTP Cookie",
                                )
                            } else {
                                (
                                    "Technical cookie definitions",
                                    ["Name", "Host", "Duration", "Type"],
                                    "HTTP Cookie",
                                )
                            };
                            boxes += &format!("{title}\n");
                            if form == 0 {
                                boxes += &format!("{}\n", cols.join("\t"));
                            }
                            let dot_host = format!(".{host}");
                            for (r, c) in &picked {
                                let values =
                                    [r.name.as_str(), dot_host.as_str(), c[3].as_str(), typ];
                                if form == 0 {
                                    boxes += &format!("{}\n", values.join("\t"));
                                } else {
                                    for (key, value) in cols.iter().zip(values) {
                                        boxes += &box_pair(form, key, value);
                                    }
                                    boxes += "\n";
                                }
                                let mut r = r.clone();
                                r.provider = if own { String::new() } else { service.clone() };
                                r.purpose = String::new();
                                r.category = category;
                                want.push((r, c.clone()));
                            }
                        } else {
                            if rng.below(3) == 0 {
                                boxes += &box_pair(form, keys[4], &host);
                            }
                            let sep = if rng.below(2) == 0 { ", " } else { "," };
                            boxes += &box_pair(form, keys[5], &names.join(sep));
                            boxes += &box_pair(form, keys[6], &first_cells[3]);
                            for (r, c) in &picked {
                                let mut r = r.clone();
                                r.provider = if own { String::new() } else { service.clone() };
                                r.purpose = purpose.clone();
                                r.length = first.length;
                                r.category = category;
                                want.push((r, c.clone()));
                            }
                        }
                        boxes += "\n";
                    }
                    if !boxes.is_empty() {
                        text += &format!("{} ({services})\n{boxes}", headings[k]);
                    }
                }
                show_doc(&text);
                score(&mut t, &text, &want);
            }
        }
    }
    // measured when added (round 31): F1 0.863, exact 0.217 before (the service's
    // name read as a cookie, the address kept in the provider, `Externe Medien` kept
    // the category above, a box one cell a line read as a table, `Cookienaam` no
    // cookies' key, the service's box over its cookie table a cookie of its own and
    // `Technische Cookie-Definitionen` technical cookies); 1.000 / 0.994 after
    t.check("service boxes over their cookies", 0.98, 0.96);
}

/// `text` broken into lines of at most `width` characters at spaces (a word longer
/// than the width stands alone).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for w in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A table aligned in columns by runs of spaces, as text copied out of a PDF reads:
/// each cell wrapped to its column's width, the wrapped lines standing under their
/// column (the name cell empty), a blank line between rows or none, the columns in
/// any order (the name first), in every language. Enough wrapped lines show the
/// document a width, so the text is also one the hard-wrap repair reads: the lines of
/// one cell must not be joined into one line, where they would read as two cells.
#[test]
fn tables_aligned_by_spaces_with_wrapped_cells() {
    let all: Vec<Row> = rows()
        .into_iter()
        .filter(|r| !r.purpose.contains(['|', '\t']) && !r.purpose.contains("  "))
        .collect();
    let mut rng = Rng(0xA11C_4ED0_0000_0031);
    let mut t = Tally::default();
    for l in LANGS {
        for form in 0..4 {
            for _ in 0..4 {
                // (no category column: the rows declare none)
                let picked: Vec<(Row, [String; 5])> = pick_rows(&mut rng, &all, l, 7, |_| true)
                    .into_iter()
                    .map(|(mut r, c)| {
                        r.category = Category::Unknown;
                        (r, c)
                    })
                    .collect();
                let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
                // columns: name, then provider, purpose, lifetime in some order
                let mut order = [1usize, 2, 3];
                rng.shuffle(&mut order);
                let cols = [0, order[0], order[1], order[2]];
                let name_w = picked
                    .iter()
                    .map(|(r, _)| r.name.chars().count())
                    .max()
                    .unwrap_or(8);
                let width = |k: usize| match k {
                    0 => name_w.max(h[0].chars().count()) + 2 + rng_width(form, 0),
                    1 => 20 + rng_width(form, 1),
                    2 => 30 + rng_width(form, 2),
                    _ => 14,
                };
                // (a column is as wide as its header at least: the header's cells stand
                // over their columns)
                let widths: Vec<usize> = cols
                    .iter()
                    .map(|&k| width(k).max(h[k].chars().count() + 2))
                    .collect();
                let line = |cells: &[String]| -> String {
                    let mut s = String::new();
                    for (c, w) in cells.iter().zip(&widths) {
                        s += c;
                        s += &" ".repeat(w.saturating_sub(c.chars().count()).max(2));
                    }
                    s.trim_end().to_string()
                };
                let mut text = String::from("Cookie Policy\n\n");
                text += &line(&cols.iter().map(|&k| h[k].to_string()).collect::<Vec<_>>());
                text += "\n";
                for (_, c) in &picked {
                    let wrapped: Vec<Vec<String>> = cols
                        .iter()
                        .zip(&widths)
                        .map(|(&k, &w)| {
                            if k == 0 {
                                vec![c[0].clone()]
                            } else {
                                wrap_words(&c[k], w - 2)
                            }
                        })
                        .collect();
                    let n = wrapped.iter().map(Vec::len).max().unwrap_or(1);
                    for i in 0..n {
                        let cells: Vec<String> = wrapped
                            .iter()
                            .map(|w| w.get(i).cloned().unwrap_or_default())
                            .collect();
                        text += &line(&cells);
                        text += "\n";
                    }
                    if form % 2 == 1 {
                        text += "\n";
                    }
                }
                show_doc(&text);
                score(&mut t, &text, &picked);
            }
        }
    }
    // measured when added (round 31): F1 0.970, exact 0.880 before (the hard-wrap
    // repair joined the wrapped lines of one cell into one line once the document
    // showed a width, and the two then read as two cells, the second given to the
    // last column; a cell's line holding a camel-case word alone, `PubMatic.`, was
    // realigned as a row of its own); 0.996 / 0.996 after
    t.check("tables aligned by spaces with wrapped cells", 0.98, 0.97);
}

/// A column's extra width in a form of [`tables_aligned_by_spaces_with_wrapped_cells`].
fn rng_width(form: usize, k: usize) -> usize {
    (form * 3 + k * 5) % 9
}

/// A service's name with its cookies in brackets, in the name cell or at an item's
/// head (`Google Analytics (_ga, _gid)`): the cookies are the bracket's names, the
/// service their provider; one description and lifetime for them all. As a tab
/// table, a pipe table, and list items (`- Hotjar (_hjSession, _hjSessionUser):
/// records visits. 1 year`), in every language.
#[test]
fn services_naming_their_cookies_in_brackets() {
    let all: Vec<Row> = rows()
        .into_iter()
        .filter(|r| {
            let words = r.provider.split_whitespace().count();
            (1..=4).contains(&words)
                && !r.provider.contains([',', ';', '(', ')', '/'])
                && plain_name(&r.name)
                && !r.purpose.contains(['|', '(', ')'])
        })
        .collect();
    let mut by_provider: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in &all {
        by_provider.entry(r.provider.as_str()).or_default().push(r);
    }
    // services with two cookies or more (a service named over one cookie reads as the
    // cookie's gloss)
    let services: Vec<&Vec<&Row>> = by_provider.values().filter(|v| v.len() >= 2).collect();
    let mut rng = Rng(0xB4AC_CE75_0000_0031);
    let mut t = Tally::default();
    for l in LANGS {
        for form in 0..3 {
            for _ in 0..4 {
                let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
                let mut text = String::from("Cookie Policy\n\n");
                text += &match form {
                    0 => format!("{}\t{}\t{}\n", h[0], h[2], h[3]),
                    1 => format!("| {} | {} | {} |\n|---|---|---|\n", h[0], h[2], h[3]),
                    _ => String::new(),
                };
                let mut want = Vec::new();
                let mut seen = std::collections::HashSet::new();
                for _ in 0..4 {
                    let group = *rng.pick(&services);
                    let n = 2 + rng.below(2);
                    let mut cookies: Vec<&Row> = Vec::new();
                    for r in group.iter().take(n) {
                        if seen.insert(r.name.clone()) {
                            cookies.push(r);
                        }
                    }
                    if cookies.len() < 2 {
                        continue;
                    }
                    let first = cookies[0];
                    let c0 = cells(l, first);
                    let names: Vec<&str> = cookies.iter().map(|r| r.name.as_str()).collect();
                    let head = format!("{} ({})", first.provider, names.join(", "));
                    let purpose = first.purpose.trim_end_matches('.').to_string() + ".";
                    text += &match form {
                        0 => format!("{head}\t{purpose}\t{}\n", c0[3]),
                        1 => format!("| {head} | {purpose} | {} |\n", c0[3]),
                        _ => format!("- {head}: {purpose} {}.\n", c0[3]),
                    };
                    for r in cookies {
                        let mut r = r.clone();
                        r.purpose = purpose.clone();
                        r.length = first.length;
                        r.category = Category::Unknown;
                        let c = cells(l, &r);
                        want.push((r, c));
                    }
                }
                show_doc(&text);
                score(&mut t, &text, &want);
            }
        }
    }
    // measured when added (round 31): F1 0.300, exact 0.012 before (the cell was
    // split at its commas into `Google Analytics (_ga` and `_gid)`; an item's head
    // read no names, and the description went to the service's name); 0.992 / 0.990
    // after (a service named like a cookie, `phpMyAdmin (pmaAuth-, …)`, is a name
    // and its gloss)
    t.check("services naming their cookies in brackets", 0.98, 0.97);
}

/// A cell's text as a page's source writes it: a no-break space as `&nbsp;`, an
/// ampersand as `&amp;`, an apostrophe as `&#39;`, a line break between sentences
/// as `<br>`.
fn marked_up(text: &str, rng: &mut Rng) -> String {
    let t = text
        .replace('&', "&amp;")
        .replace('\'', "&#39;")
        .replace('’', "&rsquo;");
    let t = match t.split_once(". ") {
        Some((a, b)) if rng.below(2) == 0 => format!("{a}.<br>{b}"),
        _ => t,
    };
    // a number and its unit held together
    let mut out = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c.is_ascii_digit() && chars.peek() == Some(&' ') {
            chars.next();
            out.push_str("&nbsp;");
        }
    }
    out
}

/// Tables whose cells keep the HTML of the page's source (a markdown file's table,
/// a template's): `&nbsp;` in lifetimes, `&amp;` and `&#39;` in names of companies
/// and descriptions, `<br>` between two sentences of a description and between two
/// names of one row, in markdown, pipe and tab tables, in every language. Read as
/// the text they stand for.
#[test]
fn cells_with_markup_left_in_them() {
    let all: Vec<Row> = rows()
        .into_iter()
        .filter(|r| !r.purpose.contains(['|', '<', '>', '&']) && !r.provider.contains(['&', '|']))
        .collect();
    let mut rng = Rng(0x3A2C_0000_0000_0031);
    let mut t = Tally::default();
    for l in LANGS {
        for form in 0..3 {
            for _ in 0..4 {
                let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
                let picked = pick_rows(&mut rng, &all, l, 6, |_| true);
                let mut text = String::from("Cookie Policy\n\n");
                let head = [h[0], h[1], h[2], h[3]];
                text += &match form {
                    0 => format!("| {} |\n|---|---|---|---|\n", head.join(" | ")),
                    1 => format!("{}\n", head.join(" | ")),
                    _ => format!("{}\n", head.join("\t")),
                };
                let mut want = Vec::new();
                let mut k = 0;
                while k < picked.len() {
                    // two rows of one provider and lifetime now and then share a row,
                    // their names apart by a line break
                    let pair = k + 1 < picked.len() && rng.below(3) == 0;
                    let (r, c) = &picked[k];
                    let names = if pair {
                        format!("{}<br>{}", r.name, picked[k + 1].0.name)
                    } else {
                        r.name.clone()
                    };
                    let row = [
                        names,
                        marked_up(&c[1], &mut rng),
                        marked_up(&c[2], &mut rng),
                        marked_up(&c[3], &mut rng),
                    ];
                    text += &match form {
                        0 => format!("| {} |\n", row.join(" | ")),
                        1 => format!("{}\n", row.join(" | ")),
                        _ => format!("{}\n", row.join("\t")),
                    };
                    let members = if pair { 2 } else { 1 };
                    for (r2, _) in &picked[k..k + members] {
                        let mut r2 = r2.clone();
                        r2.provider = r.provider.clone();
                        r2.purpose = r.purpose.clone();
                        r2.length = r.length;
                        r2.category = Category::Unknown;
                        let c2 = cells(l, &r2);
                        want.push((r2, c2));
                    }
                    k += members;
                }
                show_doc(&text);
                score(&mut t, &text, &want);
            }
        }
    }
    // measured when added (round 31): F1 0.638, exact 0.101 before (`3&nbsp;months`
    // no lifetime, `&amp;` and `<br>` kept in the text, `_ga<br>_gid` one name);
    // 0.992 / 0.992 after
    t.check("cells with markup left in them", 0.98, 0.97);
}

/// Category headings as a language writes the adjective (`Cookies fonctionnels`,
/// `Funktionale Cookies`, `Cookie analitici`): necessary, functional, analytics,
/// advertising; two wordings each.
const ADJECTIVE_HEADINGS: &[(&str, [[&str; 2]; 4])] = &[
    (
        "en",
        [
            ["Strictly necessary cookies", "Necessary cookies"],
            ["Functional cookies", "Preference cookies"],
            ["Analytics cookies", "Performance cookies"],
            ["Marketing cookies", "Advertising cookies"],
        ],
    ),
    (
        "fr",
        [
            ["Cookies nécessaires", "Cookies techniques"],
            ["Cookies fonctionnels", "Cookies de préférences"],
            ["Cookies analytiques", "Cookies statistiques"],
            ["Cookies publicitaires", "Cookies marketing"],
        ],
    ),
    (
        "de",
        [
            ["Notwendige Cookies", "Technisch notwendige Cookies"],
            ["Funktionale Cookies", "Funktionelle Cookies"],
            ["Analytische Cookies", "Statistische Cookies"],
            ["Werbecookies", "Marketing Cookies"],
        ],
    ),
    (
        "es",
        [
            ["Cookies necesarias", "Cookies técnicas"],
            ["Cookies funcionales", "Cookies de preferencias"],
            ["Cookies analíticas", "Cookies estadísticas"],
            ["Cookies publicitarias", "Cookies de marketing"],
        ],
    ),
    (
        "it",
        [
            ["Cookie necessari", "Cookie tecnici"],
            ["Cookie funzionali", "Cookie di preferenza"],
            ["Cookie analitici", "Cookie statistici"],
            ["Cookie pubblicitari", "Cookie di marketing"],
        ],
    ),
    (
        "nl",
        [
            ["Noodzakelijke cookies", "Technische cookies"],
            ["Functionele cookies", "Voorkeurscookies"],
            ["Analytische cookies", "Statistische cookies"],
            ["Marketingcookies", "Advertentiecookies"],
        ],
    ),
    (
        "pt",
        [
            ["Cookies necessários", "Cookies técnicos"],
            ["Cookies funcionais", "Cookies de preferências"],
            ["Cookies analíticos", "Cookies estatísticos"],
            ["Cookies publicitários", "Cookies de marketing"],
        ],
    ),
];

/// One line a cookie, its cells between dashes (`_ga – Google – 2 years – Used to
/// distinguish users.`, with or without a bullet, the provider left out, or the
/// lifetime last), under category headings written as adjectives. The heading is the
/// category of the lines under it, never a table's header.
#[test]
fn one_line_records_between_dashes_under_category_headings() {
    let all: Vec<Row> = rows()
        .into_iter()
        .filter(|r| {
            plain_name(&r.name)
                && !has_spaced_dash(&r.purpose)
                && !r.provider.contains(['-', '–', '—'])
        })
        .collect();
    let mut rng = Rng(0xDA5E_0000_0000_0032);
    let mut t = Tally::default();
    for (code, headings) in ADJECTIVE_HEADINGS {
        let l = lang(code);
        for form in 0..3 {
            for _ in 0..4 {
                let dash = *rng.pick(&[" – ", " - ", " — "]);
                let bullet = match rng.below(2) {
                    0 => String::new(),
                    _ => format!("{} ", rng.pick(BULLETS)),
                };
                let mut text = String::from("Cookie Policy\n\n");
                let mut want = Vec::new();
                let mut seen = std::collections::HashSet::new();
                category_sections(&mut rng, &all, l, 2, &mut seen, |rng, k, picked| {
                    text += &format!("{}\n", rng.pick(&headings[k]));
                    for (mut r, mut c) in picked {
                        let parts = match form {
                            0 => [&c[0], &c[1], &c[3], &c[2]].map(String::as_str).to_vec(),
                            1 => [&c[0], &c[3], &c[2]].map(String::as_str).to_vec(),
                            _ => [&c[0], &c[2], &c[3]].map(String::as_str).to_vec(),
                        };
                        text += &format!("{bullet}{}\n", parts.join(dash));
                        if form > 0 {
                            r.provider.clear();
                            c[1].clear();
                        }
                        want.push((r, c));
                    }
                    text += "\n";
                });
                show_doc(&text);
                score(&mut t, &text, &want);
            }
        }
    }
    // measured when added (round 32): F1 0.999, exact 0.989 before (`Cookies
    // fonctionnels` read as a header, `Cookie` and `Fonction`, over the lines under
    // it, whose category went to the section above); 0.999 / 0.997 after (a cookie
    // named like a vendor, `Datadome`, is missed)
    t.check(
        "one line records between dashes under category headings",
        0.98,
        0.97,
    );
}

/// A consent platform's declaration whose label and value cells were run together
/// in the copy: each card a line per field, the label (any listed wording, in the
/// document's language), one or two spaces and the value (`Name _ga` / `Provider
/// Google` / `Maximum Storage Duration 2 years` / `Type HTTP Cookie`), the name's
/// line first, the others in a drawn order, an unknown provider's line left out,
/// blank lines between cards or none, under category headings.
#[test]
fn cards_whose_keys_lost_their_separators() {
    let all: Vec<Row> = rows().into_iter().filter(|r| plain_name(&r.name)).collect();
    let mut rng = Rng(0xBA2E_0000_0000_0043);
    let mut t = Tally::default();
    for (code, headings) in ADJECTIVE_HEADINGS {
        let l = lang(code);
        for form in 0..4 {
            for _ in 0..3 {
                let gap = if form % 2 == 0 { " " } else { "  " };
                let between = if form < 2 { "\n" } else { "" };
                let mut text = String::from("Cookie declaration\n\n");
                let mut want = Vec::new();
                let mut seen = std::collections::HashSet::new();
                let labels: Vec<&str> = (0..4).map(|k| *rng.pick(l.headers[k])).collect();
                category_sections(&mut rng, &all, l, 2, &mut seen, |rng, k, picked| {
                    text += &format!("{}\n\n", rng.pick(&headings[k]));
                    for (r, c) in picked {
                        let mut keys: Vec<String> = [1, 2, 3]
                            .into_iter()
                            .filter(|&f| !c[f].is_empty())
                            .map(|f| format!("{}{gap}{}", labels[f], c[f]))
                            .collect();
                        keys.push(format!("Type{gap}HTTP Cookie"));
                        rng.shuffle(&mut keys);
                        text +=
                            &format!("{}{gap}{}\n{}\n{between}", labels[0], c[0], keys.join("\n"));
                        want.push((r, c));
                    }
                    text += "\n";
                });
                show_doc(&text);
                score(&mut t, &text, &want);
            }
        }
    }
    // measured when added (round 43): F1 0.596, exact 0.000 before (no reader knew a
    // label without its separator: names were found in the lines, each field lost);
    // 1.000 / 1.000 after (`layout::bare_keys`)
    t.check("cards whose keys lost their separators", 0.99, 0.98);
}

/// Per language: the labels of a service's own keys over its cookie cards (a link
/// to its privacy policy, a link to opt out), and a cookie's host key.
const SERVICE_KEYS: &[(&str, &str, &str, &str)] = &[
    ("en", "Privacy policy", "Opt-out", "Host"),
    ("fr", "Politique de confidentialité", "Opposition", "Hôte"),
    ("de", "Datenschutzerklärung", "Widerspruch", "Host"),
    ("es", "Política de privacidad", "Exclusión", "Dominio"),
    ("it", "Informativa sulla privacy", "Opt-out", "Dominio"),
    ("nl", "Privacybeleid", "Afmelden", "Domein"),
    ("pt", "Política de privacidade", "Exclusão", "Domínio"),
];

/// A consent platform's services, each a made-up brand's title over its cookies as
/// keyed cards (name first, then purpose, host and lifetime in a drawn order, a
/// blank line between cards), the service's own keys (its privacy policy's link, an
/// opt-out link) before its first card, under category headings or none, in every
/// language. The title is each cookie's provider; the service's keys are no
/// cookie's, and a title with a category word (`Velqora Analytics`) declares none.
#[test]
fn service_titles_over_keyed_cards_after_the_service_s_keys() {
    let all: Vec<Row> = rows()
        .into_iter()
        .filter(|r| plain_name(&r.name) && !r.purpose.contains(':'))
        .collect();
    let mut rng = Rng(0x5E2C_0000_0000_0043);
    let mut t = Tally::default();
    for (code, headings) in ADJECTIVE_HEADINGS {
        let l = lang(code);
        let keys = SERVICE_KEYS.iter().find(|k| k.0 == *code).expect("keys");
        for form in 0..4 {
            for _ in 0..3 {
                let headed = form % 2 == 1;
                let mut text = String::from("Cookie list\n\n");
                let mut want = Vec::new();
                let mut seen = std::collections::HashSet::new();
                let (name_key, purpose_key, life_key) = (
                    *rng.pick(l.headers[0]),
                    *rng.pick(l.headers[2]),
                    *rng.pick(l.headers[3]),
                );
                category_sections(&mut rng, &all, l, 2, &mut seen, |rng, k, picked| {
                    if headed {
                        text += &format!("{}\n\n", rng.pick(&headings[k]));
                    }
                    let cut = 1 + rng.below(picked.len());
                    let (a, b) = picked.split_at(cut);
                    for group in [a, b].into_iter().filter(|g| !g.is_empty()) {
                        let service = made_up_service(rng);
                        let slug = service.to_lowercase().replace(' ', "");
                        text += &format!("{service}\n");
                        text += &format!("{}: https://{slug}.example/privacy\n", keys.1);
                        if form >= 2 {
                            text += &format!("{}: https://{slug}.example/opt-out\n", keys.2);
                        }
                        for (r, c) in set_by(group.to_vec(), &service, true) {
                            let mut lines = vec![
                                format!("{purpose_key}: {}", c[2]),
                                format!("{}: .{slug}.example", keys.3),
                                format!("{life_key}: {}", c[3]),
                            ];
                            rng.shuffle(&mut lines);
                            text += &format!("{name_key}: {}\n{}\n\n", c[0], lines.join("\n"));
                            let mut r = r;
                            if !headed {
                                r.category = Category::Unknown;
                            }
                            want.push((r, c));
                        }
                    }
                });
                show_doc(&text);
                score(&mut t, &text, &want);
            }
        }
    }
    // measured when added (round 43): F1 0.988, exact 0.211 before (a title over a
    // link's key before the name key was read as a heading naming no service, the
    // cookies kept the last service's; a host's or a camel-case brand's title was
    // taken by the card reader, as a card's provider or as a cookie of its own);
    // 1.000 / 0.999 after (a description's repair)
    t.check(
        "service titles over keyed cards after the service's keys",
        0.99,
        0.97,
    );
}

/// The word that joins the last two of several names, per language.
const AND_WORDS: &[(&str, &str)] = &[
    ("en", "and"),
    ("fr", "et"),
    ("de", "und"),
    ("es", "y"),
    ("it", "e"),
    ("nl", "en"),
    ("pt", "e"),
];

/// List items that name two or three cookies, each with its lifetime in brackets
/// after it (or its provider and lifetime), then the text they share after a colon
/// or a dash, under category headings in every language: `- _ga (2 years), _gid (24
/// hours): for anonymous statistics.`, `• _fbp (Meta, 3 months) and fr (Meta, 90
/// days) – to show ads.`, `IDE (1 year); test_cookie (15 minutes) - Google - …`.
/// Each name is a record of its own lifetime with the shared provider and text.
#[test]
fn list_items_naming_cookies_each_with_its_lifetime() {
    let all: Vec<Row> = rows()
        .into_iter()
        .filter(|r| {
            plain_name(&r.name)
                && !has_spaced_dash(&r.purpose)
                && !r.purpose.contains(['(', ')'])
                && !r
                    .provider
                    .contains(['-', '–', '—', ',', ';', '(', ')', ':'])
        })
        .collect();
    let mut rng = Rng(0x11FE_0000_0000_0043);
    let mut t = Tally::default();
    for (code, headings) in ADJECTIVE_HEADINGS {
        let l = lang(code);
        let and = AND_WORDS
            .iter()
            .find(|a| a.0 == *code)
            .map_or("and", |a| a.1);
        for form in 0..3 {
            for _ in 0..4 {
                let sep = *rng.pick(&[": ", " – ", " - ", " — "]);
                let bullet = match rng.below(3) {
                    0 => String::new(),
                    _ => format!("{} ", rng.pick(BULLETS)),
                };
                let mut text = String::from("Cookie Policy\n\n");
                let mut want = Vec::new();
                let mut seen = std::collections::HashSet::new();
                category_sections(&mut rng, &all, l, 2, &mut seen, |rng, k, picked| {
                    text += &format!("{}\n", rng.pick(&headings[k]));
                    for group in picked.chunks(2 + rng.below(2)) {
                        let provider = group[0].1[1].clone();
                        let purpose = group[0].1[2].clone();
                        // the provider in each bracket (form 1), a cell of its own
                        // after a dash (form 2), or not stated (form 0)
                        let form = if provider.is_empty() || (form == 2 && sep == ": ") {
                            0
                        } else {
                            form
                        };
                        let joiner = *rng.pick(&[", ", "; ", ", "]);
                        let names: Vec<String> = group
                            .iter()
                            .map(|(_, c)| match form {
                                1 => format!("{} ({provider}, {})", c[0], c[3]),
                                _ => format!("{} ({})", c[0], c[3]),
                            })
                            .collect();
                        let head = match names.split_last() {
                            Some((last, rest)) if !rest.is_empty() && rng.below(2) == 0 => {
                                format!("{} {and} {last}", rest.join(joiner))
                            }
                            _ => names.join(joiner),
                        };
                        let body = match form {
                            2 => format!("{provider}{sep}{purpose}"),
                            _ => purpose.clone(),
                        };
                        text += &format!("{bullet}{head}{sep}{body}\n");
                        for (r, c) in group {
                            let (mut r, mut c) = (r.clone(), c.clone());
                            r.purpose = purpose.clone();
                            c[2] = purpose.clone();
                            if form == 0 {
                                r.provider.clear();
                                c[1].clear();
                            } else {
                                r.provider = provider.clone();
                                c[1] = provider.clone();
                            }
                            want.push((r, c));
                        }
                    }
                    text += "\n";
                });
                show_doc(&text);
                score(&mut t, &text, &want);
            }
        }
    }
    // measured when added (round 43): F1 0.339, exact 0.150 before (the first name
    // took the rest of the head as its aside, and the others were lost); 0.999 / 0.982
    // after (the misses: repairs of the descriptions, `DoubleClick/Google Marketing`)
    t.check(
        "list items naming cookies each with its lifetime",
        0.99,
        0.97,
    );
}

/// A section's number before a heading, in the ways documents number them: `3.2.1`,
/// `4.`, `(b)`, `c)`, `iv)`, a markdown heading's `### 2.3`.
fn section_number(rng: &mut Rng, depth: usize, k: usize) -> String {
    let letter = (b'a' + (k % 26) as u8) as char;
    let roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][k % 10];
    match rng.below(6) {
        0 if depth == 2 => format!("3.{}.{} ", 1 + k / 10, 1 + k % 10),
        0 | 1 => format!("{}.{} ", 2 + depth, 1 + k),
        2 => format!("{}. ", 1 + k),
        3 => format!("({letter}) "),
        4 => format!("{roman}) "),
        _ => format!("### {}.{} ", 2 + depth, 1 + k),
    }
}

/// A numbered heading per cookie (`3.1.2 _ga`, `(b) _gid`, `### 2.3 IDE`) over its
/// keys (provider, purpose, lifetime in any order; right under it or after a blank
/// line) or over its description and lifetime key, under numbered category headings (`3.1 Cookies analytiques`), in every
/// language. The number is no part of the name, and the heading is the category of
/// the cookies under it.
#[test]
fn numbered_headings_over_each_cookie() {
    let all: Vec<Row> = rows().into_iter().filter(|r| plain_name(&r.name)).collect();
    let mut rng = Rng(0x5EC7_1000_0000_0032);
    let mut t = Tally::default();
    for (code, headings) in ADJECTIVE_HEADINGS {
        let l = lang(code);
        for form in 0..3 {
            for _ in 0..4 {
                let mut text = String::from("Cookie Policy\n\n");
                let mut want = Vec::new();
                let mut seen = std::collections::HashSet::new();
                let mut section = 0;
                category_sections(&mut rng, &all, l, 2, &mut seen, |rng, k, picked| {
                    let number = section_number(rng, 1, section);
                    section += 1;
                    text += &format!("{number}{}\n\n", rng.pick(&headings[k]));
                    let mut order = [1, 2, 3];
                    rng.shuffle(&mut order);
                    for (n, (mut r, mut c)) in picked.into_iter().enumerate() {
                        let number = section_number(rng, 2, n);
                        text += &format!("{number}{}\n", c[0]);
                        if form > 0 {
                            text += "\n";
                        }
                        if form == 2 {
                            // its description as a paragraph, its lifetime's key under it
                            let purpose = c[2].trim_end_matches('.').to_string() + ".";
                            text += &format!("{purpose}\n{}: {}\n\n", l.headers[3][0], c[3]);
                            r.purpose = purpose;
                            r.provider.clear();
                            c[1].clear();
                            want.push((r, c));
                            continue;
                        }
                        for f in order {
                            text += &format!("{}: {}\n", l.headers[f][0], c[f]);
                        }
                        text += "\n";
                        want.push((r, c));
                    }
                });
                show_doc(&text);
                score(&mut t, &text, &want);
            }
        }
    }
    // measured when added (round 32): F1 0.085, exact 0.025 before (a name slot
    // under a number, `3.2.1 nest-session` or `(b) _gid`, was no name line, and a
    // list item's number was only `1.` or `2)`); 0.993 / 0.983 after (names no
    // reader is sure of alone on their line, `u`, `csm`, are missed)
    t.check("numbered headings over each cookie", 0.98, 0.97);
}

/// Headings set in bold or italics as a page copied as markdown writes them: the
/// document's title (`**Cookies**`, `**Cookie Policy**`), and over each section a
/// category (`**Marketing**`, `*Funktional*`, `**Cookies analytiques**`), over a tab
/// table, names with their text after a colon, or key-value blocks, in every language.
#[test]
fn headings_set_in_bold_or_italics() {
    let all: Vec<Row> = rows().into_iter().filter(|r| plain_name(&r.name)).collect();
    let mut rng = Rng(0xB01D_0000_0000_0032);
    let mut t = Tally::default();
    for (code, headings) in ADJECTIVE_HEADINGS {
        let l = lang(code);
        for form in 0..3 {
            for _ in 0..4 {
                let title = *rng.pick(&["Cookies", "Cookie Policy", "Cookie", "Tracking"]);
                let mark = *rng.pick(&["**", "*", "__"]);
                let mut text = format!("{mark}{title}{mark}\n\nThis page lists what we store.\n\n");
                let mut want = Vec::new();
                let mut seen = std::collections::HashSet::new();
                category_sections(&mut rng, &all, l, 2, &mut seen, |rng, k, picked| {
                    let heading = if rng.below(2) == 0 {
                        l.categories[k]
                    } else {
                        rng.pick(&headings[k])
                    };
                    let mark = *rng.pick(&["**", "*"]);
                    text += &format!("{mark}{heading}{mark}\n\n");
                    let h = &l.headers;
                    if form == 0 {
                        text += &format!("{}\t{}\t{}\t{}\n", h[0][0], h[1][0], h[2][0], h[3][0]);
                    }
                    for (r, c) in picked {
                        text += &match form {
                            0 => format!("{}\t{}\t{}\t{}\n", c[0], c[1], c[2], c[3]),
                            1 => format!("{}: {} ({}, {})\n", c[0], c[2], c[1], c[3]),
                            _ => format!(
                                "{}: {}\n{}: {}\n{}: {}\n{}: {}\n\n",
                                h[0][0], c[0], h[1][0], c[1], h[2][0], c[2], h[3][0], c[3]
                            ),
                        };
                        want.push((r, c));
                    }
                    text += "\n";
                });
                show_doc(&text);
                score(&mut t, &text, &want);
            }
        }
    }
    // measured when added (round 32): F1 0.911, exact 0.332 before (`**Marketing**`
    // was a value line and declared nothing, `**Cookies**` read as a cookie: a star
    // at both ends counted as a wildcard); 1.000 / 0.997 after
    t.check("headings set in bold or italics", 0.98, 0.97);
}

/// A service's title over its cookies as list items, one line a cookie (`• Velqora`
/// / `    ◦ _vq_id – 1 year – …`, `Dornify.io:` / `- dfy – Session – …`, a title and
/// its items with no bullet at all), under category headings written out or as the
/// category's bare label, in every language. The title, a service no vendor list
/// knows, is the provider of the cookies under it, and no cookie of its own; the
/// heading is their category.
#[test]
fn service_titles_over_their_cookie_items() {
    let all: Vec<Row> = rows()
        .into_iter()
        .filter(|r| plain_name(&r.name) && !has_spaced_dash(&r.purpose) && !r.purpose.contains(':'))
        .collect();
    let mut rng = Rng(0x5E7F_1CE5_0000_0033);
    let mut t = Tally::default();
    for (code, headings) in ADJECTIVE_HEADINGS {
        let l = lang(code);
        for form in 0..6 {
            for _ in 0..3 {
                // the title's shape and the items' under it
                let (title, item) = [
                    ("• {}", "    ◦ "),
                    ("- {}", "  - "),
                    ("{}:", "• "),
                    ("{}", "- "),
                    ("{}", ""),
                    ("* {}", "  * "),
                ][form];
                let dash = *rng.pick(&[" – ", " - ", " — "]);
                let bare = rng.below(2) == 0;
                let mut text = String::from("Cookie Policy\n\n");
                let mut want = Vec::new();
                let mut seen = std::collections::HashSet::new();
                category_sections(&mut rng, &all, l, 2, &mut seen, |rng, k, picked| {
                    let heading = if bare {
                        l.categories[k]
                    } else {
                        rng.pick(&headings[k])
                    };
                    text += &format!("{heading}\n");
                    for group in picked.chunks(2) {
                        let service = made_up_service(rng);
                        text += &format!("{}\n", title.replace("{}", &service));
                        for (r, c) in set_by(group.to_vec(), &service, true) {
                            let parts = if form == 5 {
                                [&c[0], &c[2], &c[3]]
                            } else {
                                [&c[0], &c[3], &c[2]]
                            };
                            let line = parts.map(String::as_str).join(dash);
                            text += &format!("{item}{line}\n");
                            want.push((r, c));
                        }
                    }
                    text += "\n";
                });
                show_doc(&text);
                score(&mut t, &text, &want);
            }
        }
    }
    // measured when added (round 33): F1 0.920, exact 0.000 before (`Velqora:` over
    // `• vq_id – 1 year – …` read as a cookie named `Velqora` described by the item
    // under it; `- ID5` over its items the same; a title no list knew named no
    // provider); 0.998 / 0.992 after (a made-up title that is a word, `Rara`, names
    // none; cookies named like capitalised words, `Player`, `Cart`, are missed)
    t.check("service titles over their cookie items", 0.98, 0.97);
}

/// A page's footer in language `code`, for page `n` (`Seite 3 von 9`), or another
/// furniture a PDF's copy leaves between pages: `- 3 -`, a running title with the
/// number, the number alone.
fn page_footer(code: &str, style: usize, n: usize) -> String {
    let (page, of) = match code {
        "de" => ("Seite", "von"),
        "fr" => ("Page", "sur"),
        "es" => ("Página", "de"),
        "it" => ("Pagina", "di"),
        "nl" => ("Pagina", "van"),
        "pt" => ("Página", "de"),
        _ => ("Page", "of"),
    };
    match style {
        0 => format!("{page} {n} {of} 12"),
        1 => format!("{page} {n}"),
        2 => format!("- {n} -"),
        3 => format!("Example Ltd – Cookie Policy – {n}"),
        4 => format!("{n} | Example Ltd"),
        _ => n.to_string(),
    }
}

/// Every layout in every language cut by page breaks, as a PDF's copy leaves them:
/// every seven to sixteen lines (or more often, for two breaks at least), a blank
/// line, the page's number (`Seite 3 von 12`, `- 3 -`, a running title with it, the
/// number alone) and a blank line, wherever it falls: between a table's rows,
/// between a record's cells one a line, inside a block of keys. Each layout must read
/// about as well as written whole.
#[test]
fn documents_cut_by_page_breaks() {
    let all = rows();
    let mut rng = Rng(0x9A6E_B4EA_0000_0033);
    let mut failed = Vec::new();
    for &layout in LAYOUTS {
        let (mut written, mut paged) = (Tally::default(), Tally::default());
        for l in LANGS {
            for _ in 0..3 {
                let (picked, h, rendered) = draw_rows(&mut rng, &all, l, layout);
                let text = render(layout, &h, &rendered, Style::plain(false));
                // (two breaks at least: a running title or a number alone seen once is
                // no evidence of pages)
                let every = (7 + rng.below(10)).min(text.lines().count() / 3).max(2);
                let style = rng.below(6);
                let mut cut = String::new();
                for (i, line) in text.lines().enumerate() {
                    if i > 0 && i % every == 0 {
                        cut += &format!("\n{}\n\n", page_footer(l.code, style, 1 + i / every));
                    }
                    cut += line;
                    cut.push('\n');
                }
                score(&mut written, &text, &picked);
                show_doc(&cut);
                score(&mut paged, &cut, &picked);
            }
        }
        eprintln!(
            "{layout:<16} written F1={:.3} exact={:.3}  paged F1={:.3} exact={:.3}",
            written.f1(),
            written.exact(),
            paged.f1(),
            paged.exact()
        );
        if paged.f1() < written.f1() - 0.02 || paged.exact() < written.exact() - 0.06 {
            failed.push(layout);
        }
    }
    assert!(
        failed.is_empty(),
        "paged documents lost too much: {failed:?}"
    );
}

/// What a consent column's cells say, per language: whether consent is asked
/// (`Not required`, `Ja`), no category's or lifetime's word.
const CONSENT_VALUES: &[(&str, &[&str])] = &[
    ("en", &["Required", "Not required", "Yes", "No"]),
    ("fr", &["Requis", "Non requis", "Oui", "Non"]),
    // (`Erforderlich` is also the category `necessary`: under a consent column's
    // header it says consent is asked)
    ("de", &["Erforderlich", "Nicht erforderlich", "Ja", "Nein"]),
    ("es", &["Requerido", "No requerido", "Sí", "No"]),
    ("it", &["Richiesto", "Non richiesto", "Sì", "No"]),
    ("nl", &["Vereist", "Niet vereist", "Ja", "Nee"]),
    ("pt", &["Obrigatório", "Não obrigatório", "Sim", "Não"]),
];

/// The label of a last column that holds a consent switch on the page, which every
/// row leaves empty once copied, one per language.
const SWITCH_COLUMNS: &[(&str, &str)] = &[
    ("en", "Consent"),
    ("fr", "Acceptation"),
    ("de", "Einwilligung"),
    ("es", "Aceptación"),
    ("it", "Consenso"),
    ("nl", "Toestemming"),
    ("pt", "Aceitação"),
];

/// Tables whose tabs became single spaces (a PDF's text, a page read aloud into a
/// text field, a copy that turned each cell break into a space): the header's labels
/// and each row's cells apart by one space, as `Nome Tipologia Durata Finalità` over
/// `_ga Analitico (terze parti) 2 anni Google Analytics - distinguere gli utenti`.
/// The name opens each row or follows a provider's or category's cell; the other
/// columns come in eight orders (a provider, a category or type, the lifetime before
/// or after the description), the category
/// either a column or a heading over a table of its own, its header repeated; now and
/// then a last column no list names (`Acceptation`) that the rows leave empty.
#[test]
fn tables_whose_cells_are_apart_by_single_spaces() {
    let all: Vec<Row> = rows()
        .into_iter()
        .filter(|r| !r.name.contains(char::is_whitespace))
        .collect();
    const ORDERS: [&[usize]; 8] = [
        &[0, 2, 3],
        &[0, 1, 2, 3],
        &[0, 4, 3, 2],
        &[0, 3, 2],
        &[0, 1, 3, 2],
        &[0, 2, 3, 4],
        &[1, 0, 2, 3],
        &[4, 0, 3, 2],
    ];
    let mut rng = Rng(0x5EAC_E500_0000_0034);
    let mut style = Rng(0x5EAC_E500_0000_0035);
    let mut fill = Rng(0x5EAC_E500_0000_0036);
    let mut by_order: BTreeMap<usize, Tally> = BTreeMap::new();
    let mut t = Tally::default();
    for l in LANGS {
        for (o, order) in ORDERS.iter().enumerate() {
            for _ in 0..3 {
                let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
                let line = |cells: Vec<&str>| cells.join(" ") + "\n";
                let mut header = line(order.iter().map(|&k| h[k]).collect());
                // now and then a last column no list names, left empty in every row
                // (a consent switch's): the rows end with their lifetime; one time in
                // two its rows say whether consent is asked (`Not required`), drawn
                // apart, so the documents are otherwise the ones drawn before
                let mut said: Option<&[&str]> = None;
                if order.last() == Some(&3) && rng.below(3) == 0 {
                    let (_, word) = SWITCH_COLUMNS.iter().find(|(c, _)| *c == l.code).unwrap();
                    header = format!("{} {word}\n", header.trim_end());
                    if fill.below(2) == 0 {
                        let (_, values) =
                            CONSENT_VALUES.iter().find(|(c, _)| *c == l.code).unwrap();
                        said = Some(values);
                    }
                }
                // now and then the header set in bold or as a heading (a page's `<th>`
                // copied as markdown; drawn apart, so the documents are otherwise the
                // ones drawn before this was added)
                header = match style.below(4) {
                    0 => format!("**{}**\n", header.trim_end()),
                    1 => format!("### {header}"),
                    _ => header,
                };
                let mut text = String::from("Cookie Policy\n\nThe cookies we use:\n\n");
                let mut want = Vec::new();
                let mut table = |text: &mut String, picked: Vec<(Row, [String; 5])>| {
                    *text += &header;
                    for (mut r, mut c) in picked {
                        if !order.contains(&1) {
                            r.provider.clear();
                            c[1].clear();
                        }
                        let mut cells: Vec<&str> = order
                            .iter()
                            .map(|&k| if c[k].is_empty() { "-" } else { c[k].as_str() })
                            .collect();
                        if let Some(values) = said {
                            cells.push(*fill.pick(values));
                        }
                        *text += &line(cells);
                        want.push((r, c));
                    }
                };
                if order.contains(&4) {
                    let n = 3 + rng.below(5);
                    let picked = pick_rows(&mut rng, &all, l, n, |_| true);
                    table(&mut text, picked);
                } else {
                    let mut seen = std::collections::HashSet::new();
                    category_sections(&mut rng, &all, l, 1, &mut seen, |_, k, picked| {
                        text += &format!("\n{}\n", l.categories[k]);
                        table(&mut text, picked);
                    });
                }
                text += "\nYou can change your choice at any time.\n";
                show_doc(&text);
                score(&mut t, &text, &want);
                score(by_order.entry(o).or_default(), &text, &want);
            }
        }
    }
    for (o, ot) in &by_order {
        // (a name after another cell is found when it is a sure one, or a word in
        // lower case between a provider's capitalised words and a description's;
        // a name no test is sure of after a provider written in lower case, or
        // capitalised, is taken for one of the provider's words)
        let (f1, exact) = if ORDERS[*o][0] == 0 {
            (0.97, 0.92)
        } else {
            (0.95, 0.92)
        };
        ot.check(
            &format!("single spaces, columns {:?}", ORDERS[*o]),
            f1,
            exact,
        );
    }
    t.check("tables whose cells are apart by single spaces", 0.98, 0.96);
}

/// The rows whose names are plain ([`plain_name`]) and whose providers list no
/// other: rows a generator may join into a list of names of one service.
fn plain_rows() -> Vec<Row> {
    rows()
        .into_iter()
        .filter(|r| plain_name(&r.name) && !r.provider.contains(['/', ',']))
        .collect()
}

/// What a row or card puts between the names of one service it lists (commas twice
/// as often as slashes).
const NAME_JOINS: &[&str] = &[", ", " / ", ", "];

/// The services of `all` that set three cookies or more, each with its rows.
fn services_of(all: &[Row]) -> Vec<Vec<&Row>> {
    let mut by_provider: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in all {
        by_provider.entry(r.provider.as_str()).or_default().push(r);
    }
    by_provider.into_values().filter(|v| v.len() >= 3).collect()
}

/// The rows one table row declares: one time in `one_in`, two or three cookies of
/// one of `services`, else one row of `all`.
fn one_or_a_service<'r>(
    rng: &mut Rng,
    one_in: usize,
    services: &[Vec<&'r Row>],
    all: &'r [Row],
) -> Vec<&'r Row> {
    if rng.below(one_in) == 0 {
        let g = rng.pick(services);
        g.iter().take(2 + rng.below(2)).copied().collect()
    } else {
        vec![rng.pick(all)]
    }
}

/// Tables as a copy leaves them: one cell a line with a blank line between rows,
/// pipe rows, and cells apart by a run of spaces that lines up with nothing. Now and
/// then a row names two or three cookies of one service (`_ga, _gid`, `_ga / _gid`)
/// or a consent platform's count after a name (`_ga [x2]`), and now
/// and then the header ends with a consent switch's column that every row leaves
/// empty: a copy then drops the cell (one cell a line), or its last pipe or spaces
/// (the rows end with their lifetime), in every language.
#[test]
fn tables_a_copy_left_with_short_rows_and_listed_names() {
    let all = plain_rows();
    let services = services_of(&all);
    let mut rng = Rng(0xC0B1_E500_0000_0035);
    let mut by_form: BTreeMap<usize, Tally> = BTreeMap::new();
    let mut t = Tally::default();
    for l in LANGS {
        let (_, switch) = SWITCH_COLUMNS.iter().find(|(c, _)| *c == l.code).unwrap();
        for form in 0..3 {
            for _ in 0..4 {
                let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
                let switched = rng.below(2) == 0;
                let mut head = vec![h[0], h[1], h[2], h[3]];
                if switched {
                    head.push(switch);
                }
                let gap = " ".repeat(2 + rng.below(3));
                let mut text = String::from("Cookie Policy\n\nThe cookies we use:\n\n");
                text += &match form {
                    0 => head.join("\n") + "\n\n",
                    1 => format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(head.len())),
                    _ => head.join(&gap) + "\n",
                };
                let mut want = Vec::new();
                let mut seen = std::collections::HashSet::new();
                let n = 3 + rng.below(4);
                for k in 0..n {
                    // a service's cookies in one row, or one cookie
                    let group = one_or_a_service(&mut rng, 3, &services, &all);
                    if group.iter().any(|r| seen.contains(&r.name)) {
                        continue;
                    }
                    let first = group[0];
                    let c = cells(l, first);
                    let mut name = match group.len() {
                        1 => first.name.clone(),
                        _ => {
                            let names: Vec<&str> = group.iter().map(|r| r.name.as_str()).collect();
                            names.join(*rng.pick(NAME_JOINS))
                        }
                    };
                    if group.len() == 1 && rng.below(4) == 0 {
                        name += &format!(" [x{}]", 2 + rng.below(3));
                    }
                    let last = k + 1 == n;
                    let row = [name.as_str(), &c[1], &c[2], &c[3]];
                    text += &match form {
                        0 => row.join("\n") + "\n\n",
                        // the last row, or any now and then, lost its empty cell's pipe
                        1 if switched && !(last || rng.below(3) == 0) => {
                            format!("| {} |  |\n", row.join(" | "))
                        }
                        1 => format!("| {} |\n", row.join(" | ")),
                        // the first rows keep their spaces before the empty cell
                        _ if switched && !last && rng.below(2) == 0 => row.join(&gap) + &gap + "\n",
                        _ => row.join(&gap) + "\n",
                    };
                    for r in group {
                        seen.insert(r.name.clone());
                        let mut r = r.clone();
                        r.provider = first.provider.clone();
                        r.purpose = first.purpose.clone();
                        r.length = first.length;
                        r.category = Category::Unknown;
                        let c = cells(l, &r);
                        want.push((r, c));
                    }
                }
                text += "\nYou can change your choice at any time.\n";
                show_doc(&text);
                score(&mut t, &text, &want);
                score(by_form.entry(form).or_default(), &text, &want);
            }
        }
    }
    // measured when added (round 35), before -> after: one cell a line 0.462 / 0.097
    // -> 1.000 / 1.000 (a row of several names, or a name and its count, was no row;
    // a header cell no row fills shifted every row), pipe rows 0.949 / 0.893 ->
    // 1.000 / 0.989 (a last row short of its empty cell took the text after the
    // table for it), cells apart by spaces 0.922 / 0.606 -> 1.000 / 1.000 (a short
    // row's cells went to the header's columns by their character positions); all
    // 0.822 / 0.543 -> 1.000 / 0.996
    for (form, ft) in &by_form {
        let what = ["one cell a line", "pipe rows", "cells apart by spaces"][*form];
        ft.check(&format!("short rows and listed names, {what}"), 0.97, 0.95);
    }
    t.check(
        "tables a copy left with short rows and listed names",
        0.98,
        0.97,
    );
}

/// A consent platform's type column in each language: its header, and the storage
/// types it states, a cookie's and those of storage that is no cookie (local
/// storage, a pixel, IndexedDB).
const STORAGE_TYPES: &[(&str, &str, &str, &[&str])] = &[
    (
        "en",
        "Type",
        "HTTP Cookie",
        &["HTML Local Storage", "Pixel Tracker", "IndexedDB"],
    ),
    (
        "fr",
        "Type",
        "Cookie HTTP",
        &["Stockage local HTML", "Pixel de suivi", "IndexedDB"],
    ),
    (
        "de",
        "Typ",
        "HTTP Cookie",
        &["HTML Lokaler Speicher", "Pixel Tracker", "IndexedDB"],
    ),
    (
        "es",
        "Tipo",
        "Cookie HTTP",
        &[
            "Almacenamiento local HTML",
            "Pixel de seguimiento",
            "IndexedDB",
        ],
    ),
    (
        "it",
        "Tipo",
        "Cookie HTTP",
        &[
            "Archiviazione locale HTML",
            "Pixel di tracciamento",
            "IndexedDB",
        ],
    ),
    (
        "nl",
        "Type",
        "HTTP Cookie",
        &["HTML lokale opslag", "Pixel Tracker", "IndexedDB"],
    ),
    (
        "pt",
        "Tipo",
        "Cookie HTTP",
        &[
            "Armazenamento local HTML",
            "Pixel de rastreamento",
            "IndexedDB",
        ],
    ),
];

/// Keys of storage that is no cookie as platforms list them, some of them names no
/// test reads as a cookie's.
const STORAGE_KEYS: &[&str] = &[
    "iU5q-!O9@$",
    "#-#",
    "pagead/1p-conversion/#/",
    "yt-remote-device-id",
    "_ptq.gif",
    "ytidb::LAST_RESULT_ENTRY_KEY",
    "tt_appInfo",
    "lastExternalReferrer",
];

/// Notes a table puts in brackets after a provider's name (the party that sets the
/// cookie) and after a category (whether consent is asked), per language.
const BRACKET_NOTES: &[(&str, &[&str], &[&str])] = &[
    (
        "en",
        &["(first-party)", "(third party)", "(3rd party)"],
        &["(opt-in)", "(always active)"],
    ),
    (
        "fr",
        &["(tiers)", "(Tiers)"],
        &["(optionnel)", "(toujours actif)"],
    ),
    (
        "de",
        &["(Drittanbieter)", "(eigene)"],
        &["(optional)", "(immer aktiv)"],
    ),
    (
        "es",
        &["(terceros)", "(propia)"],
        &["(opcional)", "(siempre activa)"],
    ),
    (
        "it",
        &["(terze parti)", "(terza parte)"],
        &["(facoltativo)", "(sempre attivo)"],
    ),
    (
        "nl",
        &["(derde partij)", "(eigen)"],
        &["(optioneel)", "(altijd actief)"],
    ),
    (
        "pt",
        &["(terceiros)", "(própria)"],
        &["(opcional)", "(sempre ativo)"],
    ),
];

/// Rows of a consent platform's declaration whose cells a copy left apart by single
/// spaces, in two column orders: the platform's own (`Name Provider Purpose Expiry
/// Type`, the type a storage type) and one with a category before the lifetime.
/// Now and then a row names two or three cookies of one service (`_ga, _gid`,
/// `__gads / __gpi`, the first name now and then capitalised: `Uetsid, uetvid`) or
/// a name with the platform's count (`__cf_bm [x3]`); a provider carries a bracketed
/// note of its party (`Alisios Van (first-party)`), a category one of consent
/// (`Analytics (opt-in)`); and between the cookies' rows, the platform's rows of
/// storage that is no cookie (`iU5q-!O9@$ … Session HTML Local Storage`), no records.
/// Half the platform's tables hold every category, a group row naming a category
/// over its rows (the first over the header).
#[test]
fn collapsed_rows_of_a_consent_platform_declaration() {
    let all = plain_rows();
    let services = services_of(&all);
    let mut rng = Rng(0xDEC1_A4ED_0000_0037);
    // (drawn apart: the documents are otherwise the ones drawn before group rows)
    let mut grouping = Rng(0xDEC1_A4ED_0000_0038);
    let mut by_style: BTreeMap<usize, Tally> = BTreeMap::new();
    let mut groups = Tally::default();
    let mut t = Tally::default();
    for l in LANGS {
        let (_, type_header, cookie_type, other_types) =
            STORAGE_TYPES.iter().find(|(c, ..)| *c == l.code).unwrap();
        let (_, party_notes, consent_notes) =
            BRACKET_NOTES.iter().find(|(c, ..)| *c == l.code).unwrap();
        for style in 0..2 {
            for _ in 0..5 {
                let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
                let head = match style {
                    0 => [h[0], h[1], h[2], h[3], type_header],
                    _ => [h[0], h[1], h[2], h[4], h[3]],
                };
                // half the platform's tables are one table of every category, a
                // group row naming each category over its rows (the first one's over
                // the header)
                let grouped = style == 0 && grouping.below(2) == 0;
                let mut body = String::new();
                let mut first_group = None;
                let mut group_now = None;
                let mut want = Vec::new();
                let mut seen = std::collections::HashSet::new();
                let n = 4 + rng.below(5);
                for _ in 0..n {
                    let group = one_or_a_service(&mut rng, 4, &services, &all);
                    if group.iter().any(|r| seen.contains(&r.name)) {
                        continue;
                    }
                    let first = group[0];
                    let c = cells(l, first);
                    let mut names: Vec<String> = group.iter().map(|r| r.name.clone()).collect();
                    if names.len() > 1 && rng.below(3) == 0 {
                        let mut cs = names[0].chars();
                        if let Some(a) = cs.next().filter(char::is_ascii_lowercase) {
                            names[0] = a.to_ascii_uppercase().to_string() + cs.as_str();
                        }
                    }
                    let mut name = names.join(*rng.pick(NAME_JOINS));
                    if style == 0 && names.len() == 1 && rng.below(4) == 0 {
                        name += &format!(" [x{}]", 2 + rng.below(3));
                    }
                    let mut provider = c[1].clone();
                    if rng.below(4) == 0 {
                        provider = format!("{provider} {}", rng.pick(party_notes));
                    }
                    let last = match style {
                        0 => cookie_type.to_string(),
                        _ if rng.below(3) == 0 => format!("{} {}", c[4], rng.pick(consent_notes)),
                        _ => c[4].clone(),
                    };
                    let row = match style {
                        0 => [name.as_str(), &provider, &c[2], &c[3], &last],
                        _ => [name.as_str(), &provider, &c[2], &last, &c[3]],
                    };
                    if grouped && group_now != Some(first.category) {
                        match group_now {
                            None => first_group = Some(c[4].clone()),
                            Some(_) => body += &format!("{}\n", c[4]),
                        }
                        group_now = Some(first.category);
                    }
                    body += &(row.join(" ") + "\n");
                    for (r, shown) in group.iter().zip(&names) {
                        seen.insert(r.name.clone());
                        let mut r = (*r).clone();
                        r.name = shown.clone();
                        r.provider = first.provider.clone();
                        r.purpose = first.purpose.clone();
                        r.length = first.length;
                        if style == 0 && !grouped {
                            r.category = Category::Unknown;
                        } else {
                            r.category = first.category;
                        }
                        let c = cells(l, &r);
                        want.push((r, c));
                    }
                    // now and then storage that is no cookie after the row
                    if style == 0 && rng.below(3) == 0 {
                        let other = cells(l, rng.pick(&all));
                        let key = rng.pick(STORAGE_KEYS);
                        let kind = rng.pick(other_types);
                        body += &format!("{key} {} {} {} {kind}\n", other[1], other[2], other[3]);
                    }
                }
                let mut text = String::from("Cookie Policy\n\nThe cookies we use:\n\n");
                if let Some(g) = first_group {
                    text += &format!("{g}\n\n");
                }
                text += &(head.join(" ") + "\n");
                text += &body;
                text += "\nYou can change your choice at any time.\n";
                show_doc(&text);
                score(&mut t, &text, &want);
                score(by_style.entry(style).or_default(), &text, &want);
                if grouped {
                    score(&mut groups, &text, &want);
                }
            }
        }
    }
    // measured when added (round 37), before -> after: the platform's columns 0.747 /
    // 0.345 -> 1.000 / 0.986 (a storage row no test read ended the table, a name's
    // count or a slash ended its row's name cell, `HTML Local Storage` was read as
    // `Local Storage`, leaving `HTML` at the lifetime's end), a category before the
    // lifetime 0.517 / 0.253 -> 1.000 / 0.982 (a category with a note fitted no
    // cell; a capitalised provider's note went to the description); all 0.643 /
    // 0.299 -> 1.000 / 0.984. Group rows added after (half the platform's tables,
    // drawn apart): under group rows 0.347 / 0.206 -> 1.000 / 0.981 (a category's
    // line between rows ended the table; a capitalised name before a slash opened
    // no row), the platform's columns 0.734 / 0.577 -> 1.000 / 0.986, all 0.880 /
    // 0.777 -> 1.000 / 0.984. What is left is round 34's provider-word boundary
    // (`Magnite Rubicon Project …`, `Consentmanager.net Consent String …`).
    for (style, st) in &by_style {
        let what = ["the platform's columns", "a category before the lifetime"][*style];
        st.check(&format!("collapsed platform rows, {what}"), 0.98, 0.95);
    }
    groups.check("collapsed platform rows under group rows", 0.98, 0.95);
    t.check(
        "collapsed rows of a consent platform declaration",
        0.98,
        0.96,
    );
}

/// Names a site gives its own cookies that are words or one letter (`session`,
/// `preferences`, `m`): a card list names them on a line of their own like any other.
/// (Not one capitalised word, `Player`: alone on its line over keys, that is a
/// section's title.)
const WORD_NAMES: &[&str] = &[
    "session",
    "preferences",
    "consent",
    "language",
    "cart",
    "currency",
    "theme",
    "m",
    "s",
    "MATOMO",
    "SID",
];

/// Cards named by a line of their own: a cookie's name alone on its line, then its
/// fields as `Key: value` lines (keys in the document's language, in an order drawn
/// per document, the provider's now and then left out, a category's in half the
/// documents), the cards apart by a blank line or not at all. Now and then a card is
/// named by a word or one letter (`session`, `m`: the name slot says it is a name,
/// as it says of the cards around it), or names two or three cookies of one service
/// (`__gads / __gpi`, `_ga, _gid`), in every language.
#[test]
fn cards_named_by_a_line_of_their_own() {
    let all = plain_rows();
    let services = services_of(&all);
    let mut rng = Rng(0xCA2D_5000_0000_0036);
    let mut by_kind: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut t = Tally::default();
    for l in LANGS {
        for _ in 0..8 {
            let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
            let sep = *rng.pick(&[": ", ": ", " – "]);
            let apart = rng.below(3) != 0;
            let categorised = rng.below(2) == 0;
            let mut order = vec![1, 2, 3];
            if categorised {
                order.push(4);
            }
            rng.shuffle(&mut order);
            let mut text = String::from("Cookie Policy\n\nThe cookies we use:\n\n");
            let mut seen = std::collections::HashSet::new();
            // each card's kind and the rows it names
            type Card = (&'static str, Vec<(Row, [String; 5])>);
            let mut cards: Vec<Card> = Vec::new();
            for _ in 0..3 + rng.below(4) {
                let kind = rng.below(4);
                let group: Vec<Row> = match kind {
                    // a service's cookies on one line
                    0 => {
                        let g = rng.pick(&services);
                        g.iter()
                            .take(2 + rng.below(2))
                            .map(|r| (*r).clone())
                            .collect()
                    }
                    // a word or a letter
                    1 => {
                        let mut r = rng.pick(&all).clone();
                        r.name = rng.pick(WORD_NAMES).to_string();
                        vec![r]
                    }
                    _ => vec![rng.pick(&all).clone()],
                };
                if group.iter().any(|r| !seen.insert(r.name.clone())) {
                    continue;
                }
                let first = group[0].clone();
                let kind = [
                    "names of one service",
                    "a word or a letter",
                    "a name",
                    "a name",
                ][kind];
                let want = group
                    .into_iter()
                    .map(|mut r| {
                        r.provider = first.provider.clone();
                        r.purpose = first.purpose.clone();
                        r.length = first.length;
                        r.category = if categorised {
                            first.category
                        } else {
                            Category::Unknown
                        };
                        let c = cells(l, &r);
                        (r, c)
                    })
                    .collect::<Vec<_>>();
                cards.push((kind, want));
            }
            // the cards in sections under their categories' headings, in a third
            let sectioned = categorised && rng.below(3) == 0;
            if sectioned {
                cards.sort_by_key(|(_, w)| cells(l, &w[0].0)[4].clone());
            }
            let mut section = String::new();
            for (_, want) in &mut cards {
                let c = want[0].1.clone();
                if sectioned && c[4] != section {
                    section = c[4].clone();
                    // (a section is set apart by blank lines, its cards or not)
                    let gap = if text.ends_with("\n\n") { "" } else { "\n" };
                    text += &format!("{gap}{section}\n\n");
                }
                let names: Vec<&str> = want.iter().map(|(r, _)| r.name.as_str()).collect();
                let names = names.join(*rng.pick(NAME_JOINS));
                // the name plain, in bold or as a heading
                text += &match rng.below(4) {
                    0 => format!("**{names}**\n"),
                    1 => format!("### {names}\n"),
                    _ => format!("{names}\n"),
                };
                for &k in &order {
                    // the provider's line now and then left out: no provider is stated
                    if k == 1 && rng.below(8) == 0 {
                        for (r, _) in want.iter_mut() {
                            r.provider.clear();
                        }
                        continue;
                    }
                    text += &format!("{}{sep}{}\n", h[k], c[k]);
                }
                if apart {
                    text += "\n";
                }
            }
            text += "\nYou can change your choice at any time.\n";
            show_doc(&text);
            let want: Vec<(Row, [String; 5])> =
                cards.iter().flat_map(|(_, w)| w.iter().cloned()).collect();
            score(&mut t, &text, &want);
            for (kind, w) in &cards {
                score(by_kind.entry(kind).or_default(), &text, w);
            }
        }
    }
    // measured when added (round 36), before -> after: cards named by a word or a
    // letter 0.717 / 0.559 -> 1.000 / 1.000 (a name no test reads as one by itself
    // opened no card, and its keys went to the card above or to none), by names of
    // one service 0.717 / 0.514 -> 1.000 / 1.000 (`__gads / __gpi`, and lists of
    // names no list knows), by a name 1.000 / 0.945 -> 1.000 / 1.000 (the fields a
    // card missed by its neighbour went to it); all 0.833 / 0.673 -> 1.000 / 1.000.
    // (per kind, extra records belong to no kind: its F1 counts the names it missed)
    for (kind, kt) in &mut by_kind {
        kt.pred = kt.hit;
        kt.check(
            &format!("cards named by a line of their own, {kind}"),
            0.97,
            0.95,
        );
    }
    t.check("cards named by a line of their own", 0.98, 0.97);
}

/// A consent platform's services, each a made-up brand's title over cards whose
/// first line is the cookie's name alone and whose keys lost their separators
/// (`_vq_id` / `Expiration 2 years` / `Function Store and count pageviews`, labels in
/// the document's language, lifetime and purpose in a drawn order, one or two
/// spaces), blank lines between cards or none, under category headings or none, in
/// every language. The title is each cookie's provider.
#[test]
fn cards_titled_by_their_cookie_name_with_bare_keys() {
    let all: Vec<Row> = rows()
        .into_iter()
        .filter(|r| plain_name(&r.name) && !r.purpose.contains(':'))
        .collect();
    let mut rng = Rng(0xC0C1_0000_0000_0044);
    let mut t = Tally::default();
    for (code, headings) in ADJECTIVE_HEADINGS {
        let l = lang(code);
        for form in 0..4 {
            for _ in 0..3 {
                let headed = form % 2 == 1;
                let gap = if form < 2 { " " } else { "  " };
                let between = if rng.below(2) == 0 { "\n" } else { "" };
                let mut text = String::from("Cookie list\n\n");
                let mut want = Vec::new();
                let mut seen = std::collections::HashSet::new();
                let (purpose_key, life_key) = (*rng.pick(l.headers[2]), *rng.pick(l.headers[3]));
                category_sections(&mut rng, &all, l, 2, &mut seen, |rng, k, picked| {
                    if headed {
                        text += &format!("{}\n\n", rng.pick(&headings[k]));
                    }
                    let cut = 1 + rng.below(picked.len());
                    let (a, b) = picked.split_at(cut);
                    for group in [a, b].into_iter().filter(|g| !g.is_empty()) {
                        let service = made_up_service(rng);
                        text += &format!("{service}\n\n");
                        for (r, c) in set_by(group.to_vec(), &service, true) {
                            let mut lines = vec![format!("{life_key}{gap}{}", c[3])];
                            if !c[2].is_empty() {
                                lines.push(format!("{purpose_key}{gap}{}", c[2]));
                            }
                            rng.shuffle(&mut lines);
                            text += &format!("{}\n{}\n{between}", c[0], lines.join("\n"));
                            let mut r = r;
                            if !headed {
                                r.category = Category::Unknown;
                            }
                            want.push((r, c));
                        }
                        text += "\n";
                    }
                });
                show_doc(&text);
                score(&mut t, &text, &want);
            }
        }
    }
    // measured when added (round 44): F1 0.905, exact 0.000 before (the list reader
    // took each name with its lines, a label's word kept in each value, and the
    // title named no service); 1.000 / 0.987 after (a capitalised first name that is
    // no sure one, `Pdomid`, opens no card; a title of words, `Rara Pixel`, names no
    // service)
    t.check(
        "cards titled by their cookie name with bare keys",
        0.99,
        0.97,
    );
}

/// Tables whose name cell holds the cookie's lifetime in brackets and that have no
/// lifetime column (`Cookie (expiry)` / `_ga (2 years)`), as tab, pipe or one-cell-
/// a-line tables, the header naming the bracket or not, under category headings, in
/// every language: the bracket is the cookie's lifetime, not a gloss of its name.
#[test]
fn name_cells_holding_the_lifetime_in_brackets() {
    let all: Vec<Row> = rows().into_iter().filter(|r| plain_name(&r.name)).collect();
    let mut rng = Rng(0x6105_5ED0_0000_0044);
    let mut t = Tally::default();
    for l in LANGS {
        for form in 0..6 {
            let mut text = String::from("Cookies\n\n");
            let mut want = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let name_h = *rng.pick(l.headers[0]);
            let h = [
                if form % 2 == 0 {
                    format!("{name_h} ({})", rng.pick(l.headers[3]))
                } else {
                    name_h.to_string()
                },
                rng.pick(l.headers[1]).to_string(),
                rng.pick(l.headers[2]).to_string(),
            ];
            for k in 0..4 {
                let n = 2 + rng.below(3);
                let picked = section_rows(&mut rng, &all, l, Some(k), n, &mut seen);
                if picked.is_empty() {
                    continue;
                }
                text += &format!("{}\n\n", l.categories[k]);
                let rows: Vec<[String; 3]> = picked
                    .iter()
                    .map(|(_, c)| [format!("{} ({})", c[0], c[3]), c[1].clone(), c[2].clone()])
                    .collect();
                match form / 2 {
                    0 => {
                        text += &format!("{}\n", h.join("\t"));
                        for r in &rows {
                            text += &format!("{}\n", r.join("\t"));
                        }
                    }
                    1 => {
                        text += &format!("| {} |\n|---|---|---|\n", h.join(" | "));
                        for r in &rows {
                            text += &format!("| {} |\n", r.join(" | "));
                        }
                    }
                    _ => {
                        text += &format!("{}\n\n", h.join("\n"));
                        for r in &rows {
                            text += &format!("{}\n\n", r.join("\n"));
                        }
                    }
                }
                text += "\n";
                want.extend(picked);
            }
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    // measured when added (round 44): F1 0.799, exact 0.000 before (the bracket kept
    // as the name's gloss, no lifetime; one-cell-a-line rows not read at all: a cell
    // with an aside opened no row); 1.000 / 0.997 after
    t.check("name cells holding the lifetime in brackets", 0.99, 0.97);
}

/// Short descriptions as a table's cells state them, per language (the codes of
/// [`LANGS`]): a verb and its object, no sentence of six words a language detector
/// could lean on. The Open Cookie Database's descriptions are all English.
const SHORT_PURPOSES: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "Keeps your basket between pages.",
            "Stores your cookie choices.",
            "Distinguishes users.",
            "Remembers your language.",
            "Counts page views.",
            "Shows ads that match your interests.",
            "Measures how the site is used.",
            "Keeps you signed in.",
            "Balances the load on our servers.",
            "Tracks visits across websites.",
        ],
    ),
    (
        "fr",
        &[
            "Mémorise votre panier.",
            "Enregistre vos choix de cookies.",
            "Distingue les utilisateurs.",
            "Retient votre langue.",
            "Compte les pages vues.",
            "Affiche des publicités adaptées.",
            "Mesure l'audience du site.",
            "Vous garde connecté.",
            "Répartit la charge des serveurs.",
            "Suit les visites sur d'autres sites.",
        ],
    ),
    (
        "de",
        &[
            "Speichert Ihren Warenkorb.",
            "Speichert Ihre Cookie-Auswahl.",
            "Unterscheidet die Nutzer.",
            "Merkt sich Ihre Sprache.",
            "Zählt die Seitenaufrufe.",
            "Zeigt passende Werbung an.",
            "Misst die Nutzung der Website.",
            "Hält Sie angemeldet.",
            "Verteilt die Last auf die Server.",
            "Verfolgt Besuche auf anderen Websites.",
        ],
    ),
    (
        "es",
        &[
            "Guarda su cesta de la compra.",
            "Guarda sus preferencias de cookies.",
            "Distingue a los usuarios.",
            "Recuerda su idioma.",
            "Cuenta las páginas vistas.",
            "Muestra anuncios adaptados.",
            "Mide el uso del sitio.",
            "Mantiene la sesión iniciada.",
            "Reparte la carga de los servidores.",
            "Sigue las visitas en otros sitios.",
        ],
    ),
    (
        "it",
        &[
            "Conserva il carrello.",
            "Memorizza le tue scelte sui cookie.",
            "Distingue gli utenti.",
            "Ricorda la lingua scelta.",
            "Conta le pagine visitate.",
            "Mostra annunci pertinenti.",
            "Misura l'uso del sito.",
            "Mantiene l'accesso.",
            "Bilancia il carico dei server.",
            "Traccia le visite su altri siti.",
        ],
    ),
    (
        "nl",
        &[
            "Onthoudt je winkelmandje.",
            "Slaat je cookievoorkeuren op.",
            "Onderscheidt gebruikers.",
            "Onthoudt je taal.",
            "Telt het aantal paginaweergaven.",
            "Toont advertenties die bij je passen.",
            "Meet hoe de site wordt gebruikt.",
            "Houdt je ingelogd.",
            "Verdeelt de belasting over de servers.",
            "Volgt bezoeken op andere websites.",
        ],
    ),
    (
        "pt",
        &[
            "Guarda o seu carrinho.",
            "Guarda as suas escolhas de cookies.",
            "Distingue os utilizadores.",
            "Lembra o seu idioma.",
            "Conta as páginas vistas.",
            "Mostra anúncios adequados.",
            "Mede a utilização do site.",
            "Mantém a sessão iniciada.",
            "Distribui a carga dos servidores.",
            "Segue as visitas noutros sites.",
        ],
    ),
];

/// A policy's title, per language, that a generated document may open with.
const TITLES: &[(&str, &str)] = &[
    ("en", "Cookie policy"),
    ("fr", "Politique de cookies"),
    ("de", "Cookie-Richtlinie"),
    ("es", "Política de cookies"),
    ("it", "Informativa sui cookie"),
    ("nl", "Cookiebeleid"),
    ("pt", "Política de cookies"),
];

/// A document with no sentence in it (a title or none, a table of a few cookies in
/// any layout, descriptions of a few words in the document's language) is read in its
/// language: a language detector reading letter trigrams alone takes such a short
/// sample for another language now and then (`Keeps your basket between pages.`
/// for French), while its words are plainly one language's commonest.
#[test]
fn documents_without_sentences_keep_their_language() {
    let all = rows();
    let mut rng = Rng(0x1A46_0A6E_5EED_0001);
    let mut t = Tally::default();
    let (mut right, mut docs) = (0usize, 0usize);
    let mut by_lang: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for l in LANGS {
        let purposes = SHORT_PURPOSES
            .iter()
            .find(|p| p.0 == l.code)
            .expect("short purposes of every language")
            .1;
        let title = TITLES.iter().find(|p| p.0 == l.code).expect("a title").1;
        for _ in 0..24 {
            let layout = *rng.pick(LAYOUTS);
            let n = 2 + rng.below(4);
            let picked: Vec<(Row, [String; 5])> =
                pick_rows(&mut rng, &all, l, n, |r| plain_name(&r.name))
                    .into_iter()
                    .map(|(mut r, mut c)| {
                        r.purpose = rng.pick(purposes).to_string();
                        c[2] = r.purpose.clone();
                        (r, c)
                    })
                    .collect();
            let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
            let rendered: Vec<[String; 5]> = picked.iter().map(|(_, c)| c.clone()).collect();
            let style = Style {
                groups: rng.below(2) == 0,
                upper: rng.below(4) == 0,
                spaced: rng.below(4) == 0,
                sections: rng.below(2) == 0,
                noise: false,
            };
            // (the renderer's English opening sentence left out: it is no part of a
            // document in another language)
            let mut text = render(layout, &h, &rendered, style)
                .replace("Cookies\n\nThe cookies we use are listed below.\n\n", "");
            if rng.below(2) == 0 {
                text = format!("{title}\n\n{text}");
            }
            let got = parse_policy(&text).language;
            let ok = got.as_deref() == Some(l.code);
            if !ok && std::env::var_os("SYNTH_DEBUG").is_some() {
                eprintln!("LANGUAGE {got:?}, not {}", l.code);
                show_doc(&text);
            }
            right += usize::from(ok);
            docs += 1;
            let e = by_lang.entry(l.code).or_default();
            e.0 += usize::from(ok);
            e.1 += 1;
            score(&mut t, &text, &picked);
        }
    }
    let share = right as f64 / docs as f64;
    eprintln!(
        "documents without sentences, language right={share:.3} ({right} of {docs}) {by_lang:?}"
    );
    assert!(
        share >= 0.97,
        "language right in {right} of {docs}: {by_lang:?}"
    );
    t.check("documents without sentences", 0.95, 0.85);
}

/// How a page says, in a provider's place, that the site itself sets a cookie, per
/// language (the codes of [`LANGS`]): in lower case as often as capitalised.
const SITE_ITSELF: &[(&str, &[&str])] = &[
    (
        "en",
        &["this website", "our website", "This site", "first party"],
    ),
    ("fr", &["ce site", "Notre site", "ce site web", "interne"]),
    (
        "de",
        &["diese Website", "eigene", "Unsere Website", "Erstanbieter"],
    ),
    ("es", &["propia", "este sitio web", "Nuestra web", "Propia"]),
    (
        "it",
        &[
            "questo sito",
            "prima parte",
            "Il nostro sito",
            "Questo sito web",
        ],
    ),
    (
        "nl",
        &["deze website", "eigen", "Onze website", "deze site"],
    ),
    (
        "pt",
        &["este site", "própria", "Nosso site", "este website"],
    ),
];

/// List items of a name and its cells between dashes, arrows or bars
/// (`• PHPSESSID – deze website – onthoudt je sessie – Sessie`), the cells after the
/// name in any order, where some rows name the site itself in the provider's place,
/// often in lower case: no vendor, and no description either.
#[test]
fn list_items_whose_provider_is_the_site_itself() {
    let all = rows();
    let mut rng = Rng(0x517E_0000_0045_0001);
    let mut t = Tally::default();
    let seps = [" – ", " - ", " | ", " — ", " → "];
    for l in LANGS {
        let own = SITE_ITSELF
            .iter()
            .find(|s| s.0 == l.code)
            .expect("every language")
            .1;
        for _ in 0..10 {
            let sep = *rng.pick(&seps);
            let bullet = *rng.pick(BULLETS);
            let mut order = [1, 2, 3];
            rng.shuffle(&mut order);
            let n = 3 + rng.below(4);
            let mut want = pick_rows(&mut rng, &all, l, n, |r| {
                plain_name(&r.name)
                    && !r.purpose.contains(sep.trim())
                    && !has_spaced_dash(&r.purpose)
            });
            let mut text = String::from(*rng.pick(&["Cookies\n\n", ""]));
            for (r, c) in &mut want {
                // (no category declared: no heading over the items)
                r.category = Category::Unknown;
                if rng.below(2) == 0 {
                    r.provider.clear();
                    c[1] = rng.pick(own).to_string();
                }
                let cells: Vec<&str> = std::iter::once(c[0].as_str())
                    .chain(order.iter().map(|&k| c[k].as_str()))
                    .collect();
                text += &format!("{bullet} {}\n", cells.join(sep));
            }
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    t.check("list items whose provider is the site itself", 0.98, 0.95);
}

/// Tables copied from a page's source, with the no-break spaces the markup spelt
/// left in as references: after a name (`_ga&nbsp;`, `_gid&#160;`), inside a
/// lifetime (`2&nbsp;years`), between a provider's words. Each reference is read as
/// the space it stands for, and a name is not cut at a reference's `;`.
#[test]
fn tables_with_space_references_from_the_page_source() {
    let all = rows();
    let mut rng = Rng(0x0B5F_0000_0045_0002);
    let mut t = Tally::default();
    let refs = ["&nbsp;", "&#160;", "&#xA0;"];
    for l in LANGS {
        for _ in 0..8 {
            let layout = *rng.pick(&["tab", "pipe", "markdown", "cell per line"]);
            let n = 3 + rng.below(4);
            let picked = pick_rows(&mut rng, &all, l, n, |r| plain_name(&r.name));
            let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
            let reference = *rng.pick(&refs);
            let rendered: Vec<[String; 5]> = picked
                .iter()
                .map(|(_, c)| {
                    let mut c = c.clone();
                    if rng.below(2) == 0 {
                        c[0] = format!("{}{reference}", c[0]);
                    }
                    c[1] = c[1].replace(' ', reference);
                    c[3] = c[3].replace(' ', reference);
                    c
                })
                .collect();
            let text = render(layout, &h, &rendered, Style::plain(false));
            show_doc(&text);
            score(&mut t, &text, &picked);
        }
    }
    t.check(
        "tables with space references from the page source",
        0.99,
        0.95,
    );
}

/// How a language says that a subject sets a cookie without a cookie word: `{p}` the
/// provider, `{n}` the name, `{d}` its lifetime in a relative clause.
struct SetsLang {
    code: &'static str,
    /// A provider sets the cookie (`Hotjar sets _hjSessionUser.`).
    vendor: &'static [&'static str],
    /// The site sets it (`We use PHPSESSID.`): no provider.
    site: &'static [&'static str],
    /// A provider sets it, and a relative clause says how long it lasts.
    lasting: &'static [&'static str],
}

const SETS: &[SetsLang] = &[
    SetsLang {
        code: "en",
        vendor: &["{p} sets {n}.", "{p} places {n}.", "{p} uses {n}."],
        site: &["We use {n}.", "We set {n}."],
        lasting: &[
            "{p} sets {n}, which lasts {d}.",
            "{p} places {n}, which expires after {d}.",
        ],
    },
    SetsLang {
        code: "fr",
        vendor: &["{p} dépose {n}.", "{p} utilise {n}."],
        site: &["Nous utilisons {n}."],
        lasting: &["{p} dépose {n}, qui expire après {d}."],
    },
    SetsLang {
        code: "de",
        vendor: &["{p} setzt {n}.", "{p} verwendet {n}."],
        site: &["Wir verwenden {n}."],
        lasting: &["{p} setzt {n}, das {d} gültig ist."],
    },
    SetsLang {
        code: "es",
        vendor: &["{p} instala {n}.", "{p} utiliza {n}."],
        site: &["Este sitio usa {n}."],
        lasting: &["{p} instala {n}, que dura {d}."],
    },
    SetsLang {
        code: "it",
        vendor: &["{p} installa {n}.", "{p} utilizza {n}."],
        site: &["Questo sito utilizza {n}."],
        lasting: &["{p} imposta {n}, che dura {d}."],
    },
    SetsLang {
        code: "nl",
        vendor: &["{p} plaatst {n}.", "{p} gebruikt {n}."],
        site: &["Deze website gebruikt {n}."],
        lasting: &["{p} plaatst {n}, die na {d} verloopt."],
    },
    SetsLang {
        code: "pt",
        vendor: &["{p} define {n}.", "{p} utiliza {n}."],
        site: &["Este site utiliza {n}."],
        lasting: &["{p} define {n}, que dura {d}."],
    },
];

/// Prose that names each cookie only as what a subject sets, no cookie word in the
/// sentence (`Hotjar sets _hjSessionUser_{site_id}, which lasts 365 days.`, `Wir
/// verwenden _pk_id.`), its description and lifetime in the sentences after it or
/// the lifetime in a relative clause (some with no description: their purpose is
/// none); a third of the cookies the site's own (no provider), grouped under
/// category headings. The names are built like identifiers
/// (an underscore among letters): such a token is a name even in running prose.
#[test]
fn cookies_a_subject_sets_in_prose() {
    let all = rows();
    let mut rng = Rng(0x5E75_0000_0000_0046);
    let mut t = Tally::default();
    for sl in SETS {
        let l = lang(sl.code);
        let pl = PROSE.iter().find(|p| p.code == sl.code).expect("prose");
        for _ in 0..DOCS * 2 {
            let n = 3 + rng.below(4);
            let mut picked = pick_rows(&mut rng, &all, l, n, |r| {
                r.name.contains('_') && !r.name.ends_with('.') && !r.provider.is_empty()
            });
            for (r, _) in picked.iter_mut() {
                if rng.below(3) == 0 {
                    // (an empty provider: the site's own cookie)
                    r.provider.clear();
                } else if r.length.is_some() && rng.below(4) == 0 {
                    // (no description: the relative clause says all)
                    r.purpose.clear();
                }
            }
            let text = under_headings(&mut picked, |r, c| {
                let fill = |s: &str| {
                    s.replace("{n}", &r.name)
                        .replace("{p}", &r.provider)
                        .replace("{d}", &c[3])
                };
                let life = match r.length {
                    None => rng.pick(pl.session).to_string(),
                    Some(_) => rng.pick(pl.lifetime).replace("{d}", &c[3]),
                };
                if r.provider.is_empty() {
                    let form = *rng.pick(sl.site);
                    format!("{} {} {life}", fill(form), r.purpose)
                } else if r.purpose.is_empty() || r.length.is_some() && rng.below(2) == 0 {
                    let form = *rng.pick(sl.lasting);
                    let named = fill(form);
                    format!("{named} {}", r.purpose).trim_end().to_string()
                } else {
                    let form = *rng.pick(sl.vendor);
                    format!("{} {} {life}", fill(form), r.purpose)
                }
            });
            show_doc(&text);
            score(&mut t, &text, &picked);
        }
    }
    t.check("cookies a subject sets in prose", 0.95, 0.85);
}

/// Cookies as nested list items, as markdown and rich-text editors write them: the
/// name an item of its own (`- _ga`, `* _ga`, `• _ga`, a word processor's `●⇥_ga`),
/// half the time with its
/// provider in brackets after it (`- _ga (Google)`), and its fields as keys in the
/// items under it (`  - Purpose: …`); the provider's key left out when the brackets
/// name it. Under category headings, in 7 languages.
#[test]
fn nested_list_items_with_the_provider_in_brackets() {
    let all = rows();
    let mut rng = Rng(0x4E57_0000_0000_0046);
    let mut t = Tally::default();
    for l in LANGS {
        for _ in 0..DOCS * 2 {
            let n = 3 + rng.below(4);
            let mut picked = pick_rows(&mut rng, &all, l, n, |r| {
                plain_name(&r.name) && !r.provider.is_empty()
            });
            let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
            // (a word processor's copy: the bullet, then a tab)
            let bullet = *rng.pick(&["- ", "* ", "• ", "– ", "●\t"]);
            let under = *rng.pick(&["  - ", "  ◦ ", "    * ", "\t- ", "○\t", "\t▪\t"]);
            let marks = *rng.pick(&["### ", "## ", ""]);
            let text = under_headings(&mut picked, |_, c| {
                let bracketed = rng.below(2) == 0;
                let mut item = format!("{bullet}{}", c[0]);
                if bracketed {
                    item += &format!(" ({})", c[1]);
                } else {
                    item += &format!("\n{under}{}: {}", h[1], c[1]);
                }
                item += &format!("\n{under}{}: {}", h[2], c[2]);
                item += &format!("\n{under}{}: {}", h[3], c[3]);
                item
            });
            let text = text
                .lines()
                .map(|line| match line {
                    line if l.categories.contains(&line) => format!("{marks}{line}"),
                    line => line.to_string(),
                })
                .collect::<Vec<_>>()
                .join("\n");
            show_doc(&text);
            score(&mut t, &text, &picked);
        }
    }
    t.check(
        "nested list items with the provider in brackets",
        0.98,
        0.95,
    );
}

/// A document copied from a word processor: numbered headings and list items whose
/// marker a tab sets apart (`2.⇥Third-party cookies`, `●⇥_fbp – Facebook – …`), a tab
/// table under the first heading and a list of items under the second. The heading
/// after the table is no row of it, and the items are read as the list they are.
#[test]
fn word_processor_lists_after_a_tab_table() {
    let all = rows();
    let mut rng = Rng(0x0D0C_0000_0000_0046);
    let mut t = Tally::default();
    for l in LANGS {
        for _ in 0..DOCS * 2 {
            let keep = |r: &Row| plain_name(&r.name) && !has_spaced_dash(&r.purpose);
            let n = 6 + rng.below(4);
            let picked = pick_rows(&mut rng, &all, l, n, keep);
            let split = picked.len() / 2;
            let (table, items) = picked.split_at(split);
            let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
            let rendered: Vec<[String; 5]> = table.iter().map(|(_, c)| c.clone()).collect();
            let marker = *rng.pick(&["●", "•", "-", "▪"]);
            let number = *rng.pick(&["2.", "2)", "3.1"]);
            let mut text = format!(
                "1.\tCookies\n\n{}\n",
                render("tab", &h, &rendered, Style::plain(false))
            );
            let k = rng.below(4);
            text += &format!("{number}\t{}\n\n", l.categories[k]);
            let category = [
                Category::Necessary,
                Category::Functional,
                Category::Analytics,
                Category::Advertising,
            ][k];
            let mut want: Vec<(Row, [String; 5])> = table.to_vec();
            for (r, c) in items {
                let mut r = r.clone();
                // (no category column: the numbered heading's category is theirs)
                text += &format!("{marker}\t{} – {} – {} – {}\n", c[0], c[1], c[2], c[3]);
                r.category = category;
                want.push((r, c.clone()));
            }
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    t.check("word processor lists after a tab table", 0.98, 0.95);
}

/// English documents with no sentence in them, only a table's headers and short cells
/// (descriptions cut to one to four words, one to three rows, no sentence over the table): a page whose cookie list is a table of
/// short cells, or one cut down to its table. whatlang reads letter trigrams, and on
/// such a sample it has answered French with confidence; the words (`the`, `users`,
/// `years`) are plainly English. Every layout, the language read as English: 192 of
/// 204 before the vote counted words of one language alone (round 47), 193 after;
/// most of the rest keep fewer than eight words (no language is reported) or are a
/// fused table's glued cells.
#[test]
fn english_tables_without_sentences_are_read_in_english() {
    let all = rows();
    let l = lang("en");
    let mut rng = Rng(0x1A6_0E1D_5EED);
    let (mut read, mut right) = (0usize, 0usize);
    let mut wrong: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for &layout in LAYOUTS {
        for _ in 0..12 {
            let n = 1 + rng.below(3);
            let mut rendered: Vec<[String; 5]> = Vec::new();
            for _ in 0..n {
                let r = rng.pick(&all).clone();
                let mut c = cells(l, &r);
                let keep = 1 + rng.below(4);
                c[2] = c[2]
                    .trim_end_matches('.')
                    .split_whitespace()
                    .take(keep)
                    .collect::<Vec<_>>()
                    .join(" ");
                rendered.push(c);
            }
            if layout == "markdown" {
                rendered = rendered.into_iter().map(markdown_cells).collect();
            }
            let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
            let mut text = render(layout, &h, &rendered, Style::plain(rng.below(2) == 0));
            // the page's title over the table, and no sentence introducing it
            let title = *rng.pick(&["Cookie Policy", "Cookies", "Cookie list", "Our cookies"]);
            text = text.replacen("Cookies\n\nThe cookies we use are listed below.", title, 1);
            read += 1;
            let got = parse_policy(&text).language;
            if got.as_deref() == Some("en") {
                right += 1;
            } else {
                wrong.entry(layout).or_default().push(format!("{got:?}"));
                if std::env::var("SYNTH_DEBUG").is_ok() {
                    println!("DOC {layout} read {got:?}:\n{text}");
                }
            }
        }
    }
    let share = right as f64 / read as f64;
    println!("english without sentences: read as en {right} of {read} ({share:.3}) {wrong:?}");
    assert!(share >= 0.93, "{right} of {read}: {wrong:?}");
}

/// A service's title over the names of its cookies, and a paragraph under it that
/// describes them: `Google Analytics (_ga, _gid)` or `Hotjar: _hjSession_*,
/// _hjSessionUser_*`, then `Used to … It expires after 2 years.` (a blank line
/// between or none), under category headings, in 7 languages. Each service's
/// cookies share its description and lifetime; the title is their provider. Before
/// round 47 the title was read as the purpose (or, after a colon, nothing was read)
/// and the paragraph was lost.
#[test]
fn service_titles_over_a_paragraph() {
    let all = rows();
    // the services: a title of a few capitalised words, its cookies named like
    // identifiers, a one-sentence description naming none
    let title_like = |p: &str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 5
            && !p.contains([',', ':', ';', '(', ')', '!', '?'])
            && !p.ends_with('.')
            && !p.contains(". ")
            && words
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) || w.chars().any(char::is_uppercase))
    };
    let mut services: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for r in &all {
        let described = r.purpose.ends_with('.')
            && !r.purpose.contains('_')
            && r.purpose.split(". ").count() == 1
            && r.purpose.split_whitespace().count() <= 30;
        if r.name.contains('_') && plain_name(&r.name) && title_like(&r.provider) && described {
            services
                .entry(r.provider.clone())
                .or_default()
                .push(r.clone());
        }
    }
    let services: Vec<(String, Vec<Row>)> = services.into_iter().collect();
    assert!(services.len() > 40, "{} services", services.len());
    let mut rng = Rng(0x7171_0000_0000_0047);
    let mut t = Tally::default();
    for l in LANGS {
        let pl = PROSE.iter().find(|p| p.code == l.code).expect("prose");
        for _ in 0..DOCS * 2 {
            let mut seen = std::collections::HashSet::new();
            // (a service's title and its rows)
            type Block = (String, Vec<(Row, [String; 5])>);
            let mut blocks: Vec<Block> = Vec::new();
            for _ in 0..2 + rng.below(3) {
                let (svc, rows) = rng.pick(&services);
                let first = rows[0].clone();
                let n = 1 + rng.below(3.min(rows.len()));
                let mut picked = Vec::new();
                for r in rows.iter().take(n) {
                    if !seen.insert(r.name.clone()) {
                        continue;
                    }
                    // the service's cookies share its description, lifetime and category
                    let mut r = r.clone();
                    r.purpose = first.purpose.clone();
                    r.length = first.length;
                    r.category = first.category;
                    let c = cells(l, &r);
                    picked.push((r, c));
                }
                if !picked.is_empty() {
                    blocks.push((svc.clone(), picked));
                }
            }
            blocks.sort_by_key(|(_, p)| p[0].1[4].clone());
            let bracketed = rng.below(2) == 0;
            let gap = if rng.below(2) == 0 { "\n\n" } else { "\n" };
            let mut text = String::from("Cookies\n\n");
            let mut heading = String::new();
            for (svc, picked) in &blocks {
                let (r, c) = &picked[0];
                if c[4] != heading {
                    heading = c[4].clone();
                    text += &format!("{heading}\n\n");
                }
                let names: Vec<&str> = picked.iter().map(|(r, _)| r.name.as_str()).collect();
                let names = names.join(", ");
                let title = if bracketed {
                    format!("{svc} ({names})")
                } else {
                    format!("{svc}: {names}")
                };
                let life = match r.length {
                    None => rng.pick(pl.session).to_string(),
                    Some(_) => rng.pick(pl.lifetime).replace("{d}", &c[3]),
                };
                text += &format!("{title}{gap}{} {life}\n\n", r.purpose);
            }
            let want: Vec<(Row, [String; 5])> = blocks.into_iter().flat_map(|(_, p)| p).collect();
            show_doc(&text);
            score(&mut t, &text, &want);
        }
    }
    t.check("service titles over a paragraph", 0.98, 0.95);
}

/// Cards whose lines were joined by spaces, as a page or PDF copies them when it
/// loses the line breaks: `Name: _ga Provider: Google Purpose: Used to distinguish
/// users. Expiry: 2 years`, one card a line, the keys in any order after the name's
/// (the provider's left out now and then), under category headings or with a
/// category key, in 7 languages. Before round 47 no record was read.
#[test]
fn flattened_cards_one_a_line() {
    let all = rows();
    let mut rng = Rng(0xF1A7_0000_0000_0047);
    let mut t = Tally::default();
    for l in LANGS {
        for _ in 0..DOCS * 2 {
            let n = 3 + rng.below(4);
            // (a description holding a colon reads as a key of its own)
            let mut picked = pick_rows(&mut rng, &all, l, n, |r| {
                plain_name(&r.name) && !r.purpose.contains(':')
            });
            let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
            let keyed_category = rng.below(2) == 0;
            let card = |rng: &mut Rng, r: &Row, c: &[String; 5]| {
                let mut order = vec![2usize, 3];
                if !r.provider.is_empty() {
                    order.push(1);
                }
                if keyed_category {
                    order.push(4);
                }
                rng.shuffle(&mut order);
                let mut s = format!("{}: {}", h[0], c[0]);
                for k in order {
                    s += &format!(" {}: {}", h[k], c[k]);
                }
                s
            };
            for (r, c) in picked.iter_mut() {
                if rng.below(5) == 0 {
                    r.provider.clear();
                    c[1].clear();
                }
            }
            let text = if keyed_category {
                let mut s = String::from("Cookies\n\n");
                for (r, c) in &picked {
                    s += &card(&mut rng, r, c);
                    s += "\n";
                }
                s
            } else {
                under_headings(&mut picked, |r, c| card(&mut rng, r, c))
            };
            show_doc(&text);
            score(&mut t, &text, &picked);
        }
    }
    t.check("flattened cards, one a line", 0.95, 0.85);
}

/// A table copied out of a PDF one cell a line (as a PDF tool without its layout
/// mode writes it): the header's cells each on a line, then each row's cells, each
/// cell wrapped to its column's width, so that a row takes as many lines as its
/// longest cells need (a description three or four, a lifetime one). Rows with or
/// without a blank line between them; the name first, the other columns in any order,
/// a category column or a table under each category's heading; in 7 languages.
/// Before round 48 a row was read only where no cell wrapped.
#[test]
fn table_cells_one_a_line_wrapped_to_their_column() {
    /// The section after a table of cookies: its heading and first sentence.
    const AFTER_TABLE: &[(&str, &str, &str)] = &[
        ("en", "Managing cookies", "You can delete or block cookies at any time in the settings of your browser."),
        ("fr", "Gérer les cookies", "Vous pouvez supprimer ou bloquer les cookies à tout moment dans les paramètres de votre navigateur."),
        ("de", "Cookies verwalten", "Sie können Cookies jederzeit in den Einstellungen Ihres Browsers löschen oder blockieren."),
        ("es", "Gestión de las cookies", "Puede eliminar o bloquear las cookies en cualquier momento en la configuración de su navegador."),
        ("it", "Gestione dei cookie", "Puoi eliminare o bloccare i cookie in qualsiasi momento nelle impostazioni del tuo browser."),
        ("nl", "Cookies beheren", "U kunt cookies op elk moment verwijderen of blokkeren in de instellingen van uw browser."),
        ("pt", "Gestão de cookies", "Pode eliminar ou bloquear os cookies a qualquer momento nas definições do seu navegador."),
    ];
    let all: Vec<Row> = rows()
        .into_iter()
        .filter(|r| plain_name(&r.name) && !r.provider.is_empty())
        .collect();
    let mut rng = Rng(0xCE11_0000_0000_0048);
    let mut t = Tally::default();
    for l in LANGS {
        for form in 0..3 {
            for _ in 0..DOCS {
                let n = 3 + rng.below(4);
                let mut picked = pick_rows(&mut rng, &all, l, n, |_| true);
                let h: [&str; 5] = std::array::from_fn(|k| *rng.pick(l.headers[k]));
                let mut order = vec![1usize, 2, 3];
                if form == 1 {
                    order.push(4);
                }
                rng.shuffle(&mut order);
                let mut cols = vec![0usize];
                cols.extend(order);
                // a narrow column (a PDF's table on a portrait page)
                let width: Vec<usize> = cols.iter().map(|_| 16 + rng.below(24)).collect();
                // packed: no blank line anywhere, a category heading that counts its
                // cookies right after a table, and the text after the last table
                // (a numbered heading and a sentence) right after its last row
                let blank = rng.below(2) == 0;
                let packed = !blank && rng.below(2) == 0;
                let table = |rows: &[&(Row, [String; 5])]| -> String {
                    let mut s = String::new();
                    for &k in &cols {
                        s += h[k];
                        s += "\n";
                    }
                    for (_, c) in rows {
                        if blank {
                            s += "\n";
                        }
                        for (q, &k) in cols.iter().enumerate() {
                            let lines = if k == 0 {
                                vec![c[0].clone()]
                            } else {
                                wrap_words(&c[k], width[q])
                            };
                            for line in lines {
                                s += &line;
                                s += "\n";
                            }
                        }
                    }
                    s
                };
                let mut text = String::from("Cookie Policy\n\n");
                if form == 2 {
                    picked.sort_by_key(|(_, c)| c[4].clone());
                    let mut at = 0;
                    while at < picked.len() {
                        let cat = picked[at].1[4].clone();
                        let group: Vec<&(Row, [String; 5])> = picked[at..]
                            .iter()
                            .take_while(|(_, c)| c[4] == cat)
                            .collect();
                        at += group.len();
                        text += &if packed {
                            format!("{cat} ({})\n{}", group.len(), table(&group))
                        } else {
                            format!("{cat}\n\n{}\n", table(&group))
                        };
                    }
                } else {
                    if form == 0 {
                        for (r, _) in picked.iter_mut() {
                            r.category = Category::Unknown;
                        }
                    }
                    text += &table(&picked.iter().collect::<Vec<_>>());
                }
                if packed {
                    let (_, heading, sentence) = AFTER_TABLE
                        .iter()
                        .find(|a| a.0 == l.code)
                        .expect("every language has the text after a table");
                    text += &format!("{}. {heading}\n{sentence}\n", 2 + rng.below(6));
                }
                show_doc(&text);
                score(&mut t, &text, &picked);
            }
        }
    }
    t.check("table cells one a line, wrapped", 0.98, 0.95);
}
