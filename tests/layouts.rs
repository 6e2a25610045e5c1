//! Metamorphic tests: one list of records rendered in every layout, in every
//! supported language, must parse to the same records.

use cookie_charter::{parse_policy, Category, DurationKind, Policy};

/// The cookies read, as (name, provider).
fn names_and_providers(p: &Policy) -> Vec<(&str, Option<&str>)> {
    p.cookies
        .iter()
        .map(|c| (c.name.as_str(), c.provider.as_deref()))
        .collect()
}

/// The cookies read, as (name, category).
fn names_and_categories(p: &Policy) -> Vec<(&str, Category)> {
    p.cookies
        .iter()
        .map(|c| (c.name.as_str(), c.category))
        .collect()
}

/// The cookies read, as (name, provider, category).
fn names_providers_and_categories(p: &Policy) -> Vec<(&str, Option<&str>, Category)> {
    p.cookies
        .iter()
        .map(|c| (c.name.as_str(), c.provider.as_deref(), c.category))
        .collect()
}

struct Lang {
    code: &'static str,
    /// Name, Provider, Purpose, Duration, Type headers (and keys).
    headers: [&'static str; 5],
    years: &'static str,
    day: &'static str,
    session: &'static str,
    analytics: &'static str,
    necessary: &'static str,
}

const LANGS: &[Lang] = &[
    Lang {
        code: "en",
        headers: ["Name", "Provider", "Purpose", "Duration", "Type"],
        years: "2 years",
        day: "1 day",
        session: "Session",
        analytics: "Analytics",
        necessary: "Strictly necessary",
    },
    Lang {
        code: "fr",
        headers: ["Nom", "Fournisseur", "Finalité", "Durée", "Type"],
        years: "2 ans",
        day: "1 jour",
        session: "Session",
        analytics: "Mesure d'audience",
        necessary: "Nécessaire",
    },
    Lang {
        code: "de",
        headers: ["Name", "Anbieter", "Zweck", "Speicherdauer", "Kategorie"],
        years: "2 Jahre",
        day: "1 Tag",
        session: "Sitzung",
        analytics: "Statistik",
        necessary: "Notwendig",
    },
    Lang {
        code: "es",
        headers: ["Nombre", "Proveedor", "Finalidad", "Duración", "Tipo"],
        years: "2 años",
        day: "1 día",
        session: "Sesión",
        analytics: "Analítica",
        necessary: "Técnica",
    },
    Lang {
        code: "it",
        headers: ["Nome", "Fornitore", "Finalità", "Durata", "Tipo"],
        years: "2 anni",
        day: "1 giorno",
        session: "Sessione",
        analytics: "Analitico",
        necessary: "Tecnico",
    },
    Lang {
        code: "nl",
        headers: ["Naam", "Aanbieder", "Doel", "Bewaartermijn", "Soort"],
        years: "2 jaar",
        day: "1 dag",
        session: "Sessie",
        analytics: "Analytisch",
        necessary: "Noodzakelijk",
    },
    Lang {
        code: "pt",
        headers: ["Nome", "Fornecedor", "Finalidade", "Duração", "Tipo"],
        years: "2 anos",
        day: "1 dia",
        session: "Sessão",
        analytics: "Análise",
        necessary: "Necessário",
    },
];

/// One record as rendered: name, provider, purpose, duration text, type label.
fn records(l: &Lang) -> Vec<[String; 5]> {
    vec![
        [
            "_ga".into(),
            "Google Analytics".into(),
            "Distinguishes users.".into(),
            l.years.into(),
            l.analytics.into(),
        ],
        [
            "_gid".into(),
            "Google Analytics".into(),
            "Stores a visit identifier.".into(),
            l.day.into(),
            l.analytics.into(),
        ],
        [
            "session_id".into(),
            "Example Shop".into(),
            "Keeps you signed in.".into(),
            l.session.into(),
            l.necessary.into(),
        ],
    ]
}

fn tab(l: &Lang) -> String {
    let mut s = format!("Cookies\n\n{}\n", l.headers.join("\t"));
    for r in records(l) {
        s += &format!("{}\n", r.join("\t"));
    }
    s
}

fn pipe(l: &Lang) -> String {
    let mut s = format!("| {} |\n|---|---|---|---|---|\n", l.headers.join(" | "));
    for r in records(l) {
        s += &format!("| {} |\n", r.join(" | "));
    }
    s
}

fn cell_per_line(l: &Lang) -> String {
    let mut s = String::new();
    for h in l.headers {
        s += &format!("{h} |\n");
    }
    for r in records(l) {
        for c in r {
            s += &format!("{c} |\n");
        }
    }
    s
}

fn aligned(l: &Lang) -> String {
    let mut s = format!("{}\n", l.headers.join("    "));
    for r in records(l) {
        s += &format!("{}\n", r.join("    "));
    }
    s
}

fn key_value(l: &Lang) -> String {
    let mut s = String::new();
    for r in records(l) {
        for (h, c) in l.headers.iter().zip(&r) {
            s += &format!("{h}: {c}\n");
        }
        s += "\n";
    }
    s
}

/// A row per field and a column per cookie (`Name⇥_ga⇥_gid⇥session_id` / …).
fn transposed(l: &Lang) -> String {
    let rows = records(l);
    let mut s = String::from("Cookies\n\n");
    for (k, h) in l.headers.iter().enumerate() {
        let cells: Vec<&str> = rows.iter().map(|r| r[k].as_str()).collect();
        s += &format!("{h}\t{}\n", cells.join("\t"));
    }
    s
}

fn list(l: &Lang) -> String {
    let mut s = String::new();
    for r in records(l) {
        s += &format!("• {} – {} – {} – {} – {}\n", r[0], r[1], r[3], r[2], r[4]);
    }
    s
}

#[track_caller]
fn check(layout: &str, l: &Lang, text: &str, with_category: bool) {
    let p = parse_policy(text);
    let names: Vec<&str> = p.cookies.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["_ga", "_gid", "session_id"],
        "{layout}/{}: {text}\n{:#?}",
        l.code,
        p.cookies
    );
    for (c, r) in p.cookies.iter().zip(records(l)) {
        let ctx = format!("{layout}/{} {}", l.code, c.name);
        assert_eq!(c.provider.as_deref(), Some(r[1].as_str()), "{ctx}");
        assert_eq!(c.purposes.join(" "), r[2], "{ctx}");
        let d = c
            .duration
            .as_ref()
            .unwrap_or_else(|| panic!("{ctx}: no duration"));
        let (kind, iso) = match c.name.as_str() {
            "_ga" => (DurationKind::Persistent, Some("P2Y")),
            "_gid" => (DurationKind::Persistent, Some("P1D")),
            _ => (DurationKind::Session, None),
        };
        assert_eq!((d.kind, d.iso8601.as_deref()), (kind, iso), "{ctx}");
        if with_category {
            let want = if c.name == "session_id" {
                Category::Necessary
            } else {
                Category::Analytics
            };
            assert_eq!(c.category, want, "{ctx}");
        }
    }
}

#[test]
fn tab_tables_in_every_language() {
    for l in LANGS {
        check("tab", l, &tab(l), true);
    }
}

#[test]
fn pipe_tables_in_every_language() {
    for l in LANGS {
        check("pipe", l, &pipe(l), true);
    }
}

#[test]
fn cell_per_line_in_every_language() {
    for l in LANGS {
        check("cells", l, &cell_per_line(l), true);
    }
}

#[test]
fn aligned_columns_in_every_language() {
    for l in LANGS {
        check("aligned", l, &aligned(l), true);
    }
}

#[test]
fn transposed_tables_in_every_language() {
    for l in LANGS {
        check("transposed", l, &transposed(l), true);
    }
}

/// Transposed tables under each group's heading (no type row: the heading is the
/// only category there is), the names row anywhere among the rows.
#[test]
fn transposed_tables_under_group_headings() {
    for l in LANGS {
        for names_at in 0..4 {
            let mut order = vec![1, 2, 3];
            order.insert(names_at, 0);
            let mut s = String::from("Cookies\n\n");
            let groups = grouped(l);
            let mut k = 0;
            while k < groups.len() {
                let g = groups[k].0;
                let part: Vec<&[String; 4]> = groups[k..]
                    .iter()
                    .take_while(|(h, _)| *h == g)
                    .map(|(_, r)| r)
                    .collect();
                s += &format!("{g}\n\n");
                for &f in &order {
                    let cells: Vec<&str> = part.iter().map(|r| r[f].as_str()).collect();
                    s += &format!("{}\t{}\n", l.headers[f], cells.join("\t"));
                }
                s += "\n";
                k += part.len();
            }
            check_groups("transposed", l, &s);
        }
    }
}

#[test]
fn key_value_blocks_in_every_language() {
    for l in LANGS {
        check("key-value", l, &key_value(l), true);
    }
}

#[test]
fn dash_lists_in_every_language() {
    for l in LANGS {
        check("list", l, &list(l), false);
    }
}

/// Columns collapsed to single spaces (PDF text): Name, Duration, Purpose.
#[test]
fn collapsed_columns_in_every_language() {
    for l in LANGS {
        let mut text = format!("{} {} {}\n", l.headers[0], l.headers[3], l.headers[2]);
        for r in records(l) {
            text += &format!("{} {} {}\n", r[0], r[3], r[2]);
        }
        let p = parse_policy(&text);
        let names: Vec<&str> = p.cookies.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["_ga", "_gid", "session_id"], "{}: {text}", l.code);
        for (c, r) in p.cookies.iter().zip(records(l)) {
            assert_eq!(c.purposes.join(" "), r[2], "{} {}", l.code, c.name);
            assert!(c.duration.is_some(), "{} {}", l.code, c.name);
        }
    }
}

/// Collapsed columns with a provider column: the provider is the run of capitalised
/// words before the description's first word.
#[test]
fn collapsed_columns_with_providers() {
    for l in LANGS {
        let mut text = format!(
            "{} {} {} {}\n",
            l.headers[0], l.headers[1], l.headers[2], l.headers[3]
        );
        for r in records(l) {
            text += &format!("{} {} {} {}\n", r[0], r[1], r[2], r[3]);
        }
        let p = parse_policy(&text);
        let got = names_and_providers(&p);
        assert_eq!(
            got,
            [
                ("_ga", Some("Google Analytics")),
                ("_gid", Some("Google Analytics")),
                ("session_id", Some("Example Shop"))
            ],
            "{}: {text}",
            l.code
        );
    }
}

/// One cell per line with the header on lines of its own, rows with or without
/// blank lines between them.
#[test]
fn cell_lines_in_every_language() {
    for l in LANGS {
        for sep in ["\n", "\n\n"] {
            let mut text = format!(
                "{}\n{}\n{}\n{}\n{sep}",
                l.headers[0], l.headers[1], l.headers[2], l.headers[3]
            );
            for r in records(l) {
                text += &format!("{}\n{}\n{}\n{}\n{sep}", r[0], r[1], r[2], r[3]);
            }
            let p = parse_policy(&text);
            let names: Vec<&str> = p.cookies.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(names, ["_ga", "_gid", "session_id"], "{}: {text}", l.code);
            assert_eq!(
                p.cookies[2].provider.as_deref(),
                Some("Example Shop"),
                "{}",
                l.code
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Group rows: a line or row naming a category between the rows it governs. Each
// cookie gets the category of the group row above it, never of a later one.
// ---------------------------------------------------------------------------

/// (necessary group label, analytics group label) as a document in each language writes them.
fn group_labels(code: &str) -> (&'static str, &'static str) {
    match code {
        "en" => ("Strictly necessary cookies", "Analytics cookies"),
        "fr" => ("Cookies nécessaires", "Cookies de mesure d'audience"),
        "de" => ("Notwendige Cookies", "Statistik-Cookies"),
        "es" => ("Cookies técnicas", "Cookies analíticas"),
        "it" => ("Cookie tecnici", "Cookie analitici"),
        "nl" => ("Noodzakelijke cookies", "Analytische cookies"),
        "pt" => ("Cookies necessários", "Cookies de análise"),
        _ => unreachable!("a language without group labels"),
    }
}

/// The records in group order (necessary first), each with its group label, four
/// columns (no type column: the group row is the only category there is).
fn grouped(l: &Lang) -> Vec<(&'static str, [String; 4])> {
    let (nec, ana) = group_labels(l.code);
    let mut out = Vec::new();
    for r in records(l) {
        let g = if r[0] == "session_id" { nec } else { ana };
        out.push((g, [r[0].clone(), r[1].clone(), r[2].clone(), r[3].clone()]));
    }
    out.sort_by_key(|(g, _)| *g != nec);
    out
}

/// Render grouped records: `head` once, then for each group its row, then its rows.
fn render_groups(
    l: &Lang,
    head: &dyn Fn(&[&str]) -> String,
    group: &dyn Fn(&str) -> String,
    row: &dyn Fn(&[String; 4]) -> String,
) -> String {
    let mut s = String::from("Cookies\n\n");
    s += &head(&l.headers[..4]);
    let mut last = "";
    for (g, r) in grouped(l) {
        if g != last {
            s += &group(g);
            last = g;
        }
        s += &row(&r);
    }
    s
}

#[track_caller]
fn check_groups(layout: &str, l: &Lang, text: &str) {
    let p = parse_policy(text);
    let got = names_and_categories(&p);
    let want = [
        ("session_id", Category::Necessary),
        ("_ga", Category::Analytics),
        ("_gid", Category::Analytics),
    ];
    assert_eq!(got, want, "{layout}/{}:\n{text}", l.code);
    for c in &p.cookies {
        assert!(
            c.duration.is_some(),
            "{layout}/{} {}: no duration",
            l.code,
            c.name
        );
    }
}

#[test]
fn group_rows_in_every_layout_and_language() {
    for l in LANGS {
        let tab = render_groups(
            l,
            &|h| format!("{}\n", h.join("\t")),
            &|g| format!("{g}\n"),
            &|r| format!("{}\n", r.join("\t")),
        );
        check_groups("tab", l, &tab);
        let tab_spanning = render_groups(
            l,
            &|h| format!("{}\n", h.join("\t")),
            &|g| format!("{g}\t\t\t\n"),
            &|r| format!("{}\n", r.join("\t")),
        );
        check_groups("tab, group row with empty cells", l, &tab_spanning);
        let pipe = render_groups(
            l,
            &|h| format!("| {} |\n|---|---|---|---|\n", h.join(" | ")),
            &|g| format!("| {g} |\n"),
            &|r| format!("| {} |\n", r.join(" | ")),
        );
        check_groups("pipe", l, &pipe);
        let pipe_spanning = render_groups(
            l,
            &|h| format!("| {} |\n|---|---|---|---|\n", h.join(" | ")),
            &|g| format!("| {g} | | | |\n"),
            &|r| format!("| {} |\n", r.join(" | ")),
        );
        check_groups("pipe, group row with empty cells", l, &pipe_spanning);
        let cells = render_groups(
            l,
            &|h| h.iter().map(|c| format!("{c} |\n")).collect(),
            &|g| format!("{g} |\n"),
            &|r| r.iter().map(|c| format!("{c} |\n")).collect(),
        );
        check_groups("cell per line", l, &cells);
        let aligned = render_groups(
            l,
            &|h| format!("{}\n", h.join("    ")),
            &|g| format!("{g}\n"),
            &|r| format!("{}\n", r.join("    ")),
        );
        check_groups("aligned", l, &aligned);
        let kv = render_groups(l, &|_| String::new(), &|g| format!("{g}\n\n"), &|r| {
            let mut s: String = l.headers[..4]
                .iter()
                .zip(r)
                .map(|(h, c)| format!("{h}: {c}\n"))
                .collect();
            s.push('\n');
            s
        });
        check_groups("key-value", l, &kv);
        let fused = render_groups(
            l,
            &|h| format!("{}\n", h.concat()),
            &|g| format!("{g}\n"),
            &|r| format!("{}\n", r.concat()),
        );
        check_groups("fused", l, &fused);
    }
}

/// A label column before the cookie-name column (`Cookie | Name | …` where the first
/// column holds `Analytics cookie`, `Google Analytics cookie (GA4)`): the cells decide
/// which column holds the names; the label still declares the category it names.
#[test]
fn label_column_before_the_name_column() {
    for l in LANGS {
        let (nec, ana) = group_labels(l.code);
        let head = ["Cookie", l.headers[0], l.headers[2], l.headers[3]];
        let rows = [
            [
                ana.to_string(),
                "_ga".into(),
                "Distinguishes users.".into(),
                l.years.into(),
            ],
            [
                ana.to_string(),
                "_gid".into(),
                "Stores a visit identifier.".into(),
                l.day.into(),
            ],
            [
                nec.to_string(),
                "session_id".into(),
                "Keeps you signed in.".into(),
                l.session.into(),
            ],
        ];
        let tab: String = std::iter::once(head.join("\t"))
            .chain(rows.iter().map(|r| r.join("\t")))
            .map(|r| r + "\n")
            .collect();
        let pipe: String = std::iter::once(format!("| {} |\n|---|---|---|---|", head.join(" | ")))
            .chain(rows.iter().map(|r| format!("| {} |", r.join(" | "))))
            .map(|r| r + "\n")
            .collect();
        for (layout, text) in [("tab", tab), ("pipe", pipe)] {
            let p = parse_policy(&text);
            let got = names_and_categories(&p);
            assert_eq!(
                got,
                [
                    ("_ga", Category::Analytics),
                    ("_gid", Category::Analytics),
                    ("session_id", Category::Necessary)
                ],
                "{layout}/{}:\n{text}",
                l.code
            );
        }
    }
}

/// One cell per line with the separators and header damaged the ways copies damage
/// them: bare `|` lines between rows, an empty cell as a bare `|`, the header's cells
/// blanked, or the header gone; group rows between the rows.
#[test]
fn cells_with_lost_separators_and_headers() {
    for l in LANGS {
        let (nec, ana) = group_labels(l.code);
        let mut body = String::new();
        let mut last = "";
        for (g, r) in grouped(l) {
            if g != last {
                body += &format!("{g} |\n");
                last = g;
            }
            // name, purpose, duration, and an empty provider cell as a bare pipe
            body += &format!("{} |\n{} |\n{} |\n|\n|\n", r[0], r[2], r[3]);
        }
        let heads = [
            format!(
                "|\n{} |\n{} |\n{} |\n{} |\n|\n",
                l.headers[0], l.headers[2], l.headers[3], l.headers[1]
            ),
            format!("|\n|\n|\n{} |\n", l.headers[1]),
            String::new(),
        ];
        for (h, head) in heads.iter().enumerate() {
            let text = format!("Cookies\n\n{head}{body}");
            let p = parse_policy(&text);
            let got: Vec<(&str, Category, Option<&str>)> = p
                .cookies
                .iter()
                .map(|c| {
                    (
                        c.name.as_str(),
                        c.category,
                        c.duration.as_ref().and_then(|d| d.iso8601.as_deref()),
                    )
                })
                .collect();
            assert_eq!(
                got,
                [
                    ("session_id", Category::Necessary, None),
                    ("_ga", Category::Analytics, Some("P2Y")),
                    ("_gid", Category::Analytics, Some("P1D")),
                ],
                "header variant {h}, {}/{nec}/{ana}:\n{text}",
                l.code
            );
        }
    }
}

/// A lifetime column under a header no vocabulary knows is found by its cells; a
/// type column that negates a category (`Non-essential`) declares nothing.
#[test]
fn columns_confirmed_by_their_cells() {
    for l in LANGS {
        for unknown in ["deadline", "Session or persistent", "Zeitraum", "Info"] {
            let mut t = format!(
                "{}\t{unknown}\t{}\t{}\n",
                l.headers[0], l.headers[2], l.headers[4]
            );
            for r in records(l) {
                t += &format!("{}\t{}\t{}\tNon-essential\n", r[0], r[3], r[2]);
            }
            let p = parse_policy(&t);
            let got: Vec<(&str, Option<&str>, Category)> = p
                .cookies
                .iter()
                .map(|c| {
                    (
                        c.name.as_str(),
                        c.duration.as_ref().and_then(|d| d.iso8601.as_deref()),
                        c.category,
                    )
                })
                .collect();
            assert_eq!(
                got,
                [
                    ("_ga", Some("P2Y"), Category::Unknown),
                    ("_gid", Some("P1D"), Category::Unknown),
                    ("session_id", None, Category::Unknown)
                ],
                "{}/{unknown}:\n{t}",
                l.code
            );
        }
    }
}

/// Rows that lack a cell (the type cell left out, the row ending in an empty cell)
/// are realigned by content: the lifetime goes to the duration column.
#[test]
fn rows_missing_a_cell_realigned() {
    for l in LANGS {
        let head = [l.headers[0], l.headers[4], l.headers[3], l.headers[2]];
        let mut t = format!("| {} |\n|---|---|---|---|\n", head.join(" | "));
        for r in records(l) {
            t += &format!("| {} | {} | {} | |\n", r[0], r[3], r[2]);
        }
        let p = parse_policy(&t);
        for (c, r) in p.cookies.iter().zip(records(l)) {
            let ctx = format!("{}/{}:\n{t}", l.code, c.name);
            assert_eq!(c.purposes.join(" "), r[2], "{ctx}");
            let d = c.duration.as_ref().expect("a duration");
            assert_eq!(d.text, r[3], "{ctx}");
        }
        assert_eq!(p.cookies.len(), 3, "{}", l.code);
    }
}

/// A table collapsed to single spaces with category and type columns before the
/// provider (`Name Category Type Source Retention Description`), whose first row names
/// no cookie: the type cells are one word each, and the first row is skipped with a
/// warning, never made a cookie.
#[test]
fn collapsed_columns_with_type_cells_and_a_pseudo_row() {
    for l in LANGS {
        let head = format!(
            "{} Category Type {} {} {}",
            l.headers[0], l.headers[1], l.headers[3], l.headers[2]
        );
        let mut t = format!(
            "{head}\nUnique Name (Generated) Essential Session First-Party {} Needed.\n",
            l.session
        );
        for r in records(l) {
            let cat = if r[0] == "session_id" {
                "Essential"
            } else {
                "Analytical"
            };
            t += &format!("{} {cat} Persistent First-Party {} {}\n", r[0], r[3], r[2]);
        }
        let p = parse_policy(&t);
        let got: Vec<(&str, Category, Option<&str>)> = p
            .cookies
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.category,
                    c.duration.as_ref().map(|d| d.text.as_str()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("_ga", Category::Analytics, Some(l.years)),
                ("_gid", Category::Analytics, Some(l.day)),
                ("session_id", Category::Necessary, Some(l.session)),
            ],
            "{}:\n{t}",
            l.code
        );
        assert!(
            p.warnings
                .iter()
                .any(|w| w.message.contains("names no cookie")),
            "{}",
            l.code
        );
    }
}

/// A purpose-headed column holding category labels (`Zweck: Funktional`) is read as the
/// type column, and the column of sentences beside it as the purpose.
#[test]
fn category_labels_under_a_purpose_header() {
    for l in LANGS {
        let mut t = format!(
            "{}\t{}\t{}\tNotes\n",
            l.headers[0], l.headers[2], l.headers[3]
        );
        for r in records(l) {
            t += &format!(
                "{}\t{}\t{}\t{} It is set on every page.\n",
                r[0], r[4], r[3], r[2]
            );
        }
        let p = parse_policy(&t);
        let got = names_and_categories(&p);
        assert_eq!(
            got,
            [
                ("_ga", Category::Analytics),
                ("_gid", Category::Analytics),
                ("session_id", Category::Necessary)
            ],
            "{}:\n{t}",
            l.code
        );
        for (c, r) in p.cookies.iter().zip(records(l)) {
            assert!(
                c.purposes.join(" ").starts_with(&r[2]),
                "{}: {:?}",
                l.code,
                c.purposes
            );
        }
    }
}

/// A table whose every separator was lost: the header's labels glued into one word,
/// each row's cells run into each other, in several column orders.
#[test]
fn fused_tables_in_every_language() {
    // column orders as indexes into the record: name, provider, purpose, duration, type
    let orders: [&[usize]; 4] = [&[0, 1, 2, 3, 4], &[0, 3, 2], &[0, 2, 3, 4], &[0, 1, 3, 2]];
    for l in LANGS {
        for order in orders {
            let mut text = format!(
                "Cookies\n\n{}\n",
                order.iter().map(|&k| l.headers[k]).collect::<String>()
            );
            for r in records(l) {
                text += &order.iter().map(|&k| r[k].as_str()).collect::<String>();
                text += "\n";
            }
            text += "\nMore text after the table.\n";
            let p = parse_policy(&text);
            let names: Vec<&str> = p.cookies.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(names, ["_ga", "_gid", "session_id"], "{}: {text}", l.code);
            for (c, r) in p.cookies.iter().zip(records(l)) {
                let ctx = format!("{} {:?} {}\n{text}", l.code, order, c.name);
                let d = c.duration.as_ref().expect(&ctx);
                let want = match c.name.as_str() {
                    "_ga" => Some("P2Y"),
                    "_gid" => Some("P1D"),
                    _ => None,
                };
                assert_eq!(d.iso8601.as_deref(), want, "{ctx}");
                if order.contains(&2) {
                    assert_eq!(c.purposes.join(" "), r[2], "{ctx}");
                }
                if order.contains(&1) {
                    assert_eq!(c.provider.as_deref(), Some(r[1].as_str()), "{ctx}");
                }
                if order.contains(&4) {
                    let want = if c.name == "session_id" {
                        Category::Necessary
                    } else {
                        Category::Analytics
                    };
                    assert_eq!(c.category, want, "{ctx}");
                }
            }
        }
    }
}

/// Fields stated once for a whole list, on lines right after it (`Retention: 2 years`,
/// `Provider: Google`), apply to every item that states none; a lone text after the
/// name is the item's description, never its provider.
#[test]
fn fields_stated_once_after_a_list() {
    for l in LANGS {
        for bullet in ["•", "-", "*"] {
            let mut text = String::from("Cookies\n\n");
            for r in records(l).iter().take(2) {
                text += &format!("{bullet} {} - {}\n", r[0], r[2].trim_end_matches('.'));
            }
            text += &format!("{}: {}\n", l.headers[3], l.years);
            text += &format!("{}: Google\n\nOther text.\n", l.headers[1]);
            let p = parse_policy(&text);
            let got: Vec<(&str, Option<&str>, Option<&str>, String)> = p
                .cookies
                .iter()
                .map(|c| {
                    (
                        c.name.as_str(),
                        c.provider.as_deref(),
                        c.duration.as_ref().and_then(|d| d.iso8601.as_deref()),
                        c.purposes.join(" "),
                    )
                })
                .collect();
            assert_eq!(
                got,
                [
                    (
                        "_ga",
                        Some("Google"),
                        Some("P2Y"),
                        "Distinguishes users".to_string()
                    ),
                    (
                        "_gid",
                        Some("Google"),
                        Some("P2Y"),
                        "Stores a visit identifier".to_string()
                    ),
                ],
                "{}:\n{text}",
                l.code
            );
        }
    }
}

/// Per language: a lead-in announcing cookies, the cookie word, and the word "and".
fn leadin_words(code: &str) -> (&'static str, &'static str, &'static str) {
    match code {
        "en" => ("Cookies used:", "Cookies", "and"),
        "fr" => ("Cookies utilisés :", "Cookies", "et"),
        "de" => ("Verwendete Cookies:", "Cookies", "und"),
        "es" => ("Cookies utilizadas:", "Cookies", "y"),
        "it" => ("Cookie utilizzati:", "Cookie", "e"),
        "nl" => ("Gebruikte cookies:", "Cookies", "en"),
        "pt" => ("Cookies utilizados:", "Cookies", "e"),
        _ => unreachable!("a language without lead-in words"),
    }
}

/// Item heads after a lead-in are name slots: one-token names no dictionary knows
/// (`sessionToken`) are names there, with their bracketed lifetimes.
#[test]
fn names_after_a_lead_in() {
    for l in LANGS {
        let (lead, _, _) = leadin_words(l.code);
        let text = format!(
            "Cookies\n\n{lead}\nsessionToken - Token ({})\ncsrfToken - CSRF ({})\n\nOther text.\n",
            l.session, l.years
        );
        let p = parse_policy(&text);
        let got: Vec<(&str, Option<&str>)> = p
            .cookies
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.duration.as_ref().and_then(|d| d.iso8601.as_deref()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [("sessionToken", None), ("csrfToken", Some("P2Y"))],
            "{}:\n{text}",
            l.code
        );
        // without the lead-in, plain words before a dash are no names
        let bare = text.replace(lead, "Some words about the site.");
        assert!(
            parse_policy(&bare).cookies.is_empty(),
            "{}:\n{bare}",
            l.code
        );
    }
}

/// `Cookies: a (lifetime), b (lifetime) and c (lifetime).` in a sentence: each name
/// with its own lifetime; one bracket after several names is shared by position.
#[test]
fn lists_after_a_cookie_word_and_colon() {
    for l in LANGS {
        let (_, word, and) = leadin_words(l.code);
        let text = format!(
            "Cookies\n\nWe store data. {word}: wmp_tech ({}), wmp_vid ({}) {and} wmp_other ({}).\n",
            l.session, l.years, l.day
        );
        let p = parse_policy(&text);
        let got: Vec<(&str, Option<&str>)> = p
            .cookies
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.duration.as_ref().and_then(|d| d.iso8601.as_deref()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("wmp_tech", None),
                ("wmp_vid", Some("P2Y")),
                ("wmp_other", Some("P1D"))
            ],
            "{}:\n{text}",
            l.code
        );
        let text = format!(
            "Cookies\n\nWe store data. {word}: _ga, _gid ({}, {}).\n",
            l.years, l.day
        );
        let p = parse_policy(&text);
        let got: Vec<(&str, Option<&str>)> = p
            .cookies
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.duration.as_ref().and_then(|d| d.iso8601.as_deref()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [("_ga", Some("P2Y")), ("_gid", Some("P1D"))],
            "{}:\n{text}",
            l.code
        );
    }
}

/// Numbered sections and service blocks: a list's items carry their bracketed
/// lifetimes and the provider line after the list; a sibling section that names no
/// category ends the last one's scope; a service's lead-in line (`Google Maps (if
/// shown):`) names the provider of the key-value block after it.
#[test]
fn sections_services_and_lists() {
    for l in LANGS {
        let (_, ana) = group_labels(l.code);
        let (lead, word, _) = leadin_words(l.code);
        let text = format!(
            "Cookies\n\n3.3 {ana}\n{lead}\n_ga ({years}) - Distinguishes users\n_gid ({day}) - Stores a visit identifier\n{prov}: Google LLC (USA)\n3.4 Video\nYouTube (x):\n{word}: YSC\n{dur}: {years}\nPrivacy: https://example.com/p\nGoogle Maps (x):\n{word}: NID\n{dur}: {day}\n",
            years = l.years,
            day = l.day,
            prov = l.headers[1],
            dur = l.headers[3],
        );
        let p = parse_policy(&text);
        type Row<'a> = (&'a str, Category, Option<&'a str>, Option<&'a str>, String);
        let got: Vec<Row> = p
            .cookies
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.category,
                    c.provider.as_deref(),
                    c.duration.as_ref().and_then(|d| d.iso8601.as_deref()),
                    c.purposes.join(" "),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "_ga",
                    Category::Analytics,
                    Some("Google LLC"),
                    Some("P2Y"),
                    "Distinguishes users".into()
                ),
                (
                    "_gid",
                    Category::Analytics,
                    Some("Google LLC"),
                    Some("P1D"),
                    "Stores a visit identifier".into()
                ),
                (
                    "YSC",
                    Category::Unknown,
                    Some("YouTube"),
                    Some("P2Y"),
                    String::new()
                ),
                (
                    "NID",
                    Category::Unknown,
                    Some("Google Maps"),
                    Some("P1D"),
                    String::new()
                ),
            ],
            "{}:\n{text}",
            l.code
        );
    }
}

/// Cells on their own text lines, each ended by a bare `|` line, the header repeated
/// before a second run of rows and a second table of other columns after them.
#[test]
fn cells_ended_by_bare_pipe_lines() {
    for l in LANGS {
        let cols = [0, 3, 2];
        let cell = |t: &str| format!("{t}\n|\n");
        let head: String = cols.iter().map(|&k| cell(l.headers[k])).collect();
        let mut text = String::from("Cookies\n\n");
        for (k, r) in records(l).iter().enumerate() {
            if k < 2 {
                text += &head;
            }
            text += &cols.iter().map(|&c| cell(&r[c])).collect::<String>();
        }
        text += &format!(
            "{} | {} |\nother_one | Something else |\n",
            l.headers[0], l.headers[2]
        );
        let p = parse_policy(&text);
        let got: Vec<(&str, Option<&str>, String)> = p
            .cookies
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.duration.as_ref().and_then(|d| d.iso8601.as_deref()),
                    c.purposes.join(" "),
                )
            })
            .collect();
        let want: Vec<(&str, Option<&str>, String)> = vec![
            ("_ga", Some("P2Y"), "Distinguishes users.".into()),
            ("_gid", Some("P1D"), "Stores a visit identifier.".into()),
            ("session_id", None, "Keeps you signed in.".into()),
            ("other_one", None, "Something else".into()),
        ];
        assert_eq!(got, want, "{}:\n{text}", l.code);
    }
}

/// A service column headed like a name column before the cookie-name column
/// (`Cookie | Name | …` with `Webtrends` / `PWC_WOD`): the sure names decide the name
/// column and the service becomes the provider, in tab, pipe and stacked one-cell
/// layouts, also when a description lost its pipe.
#[test]
fn service_column_headed_as_a_name() {
    for l in LANGS {
        let head = ["Cookie", l.headers[0], l.headers[2], l.headers[3]];
        let rows = [
            ["Webtrends", "PWC_WOD", "Identifies visitors.", l.years],
            ["Webtrends", "WT_FPC", "Stores the visit.", l.day],
        ];
        let tab: String = std::iter::once(head.join("\t"))
            .chain(rows.iter().map(|r| r.join("\t")))
            .map(|r| r + "\n")
            .collect();
        let pipe: String = std::iter::once(format!("| {} |\n|---|---|---|---|", head.join(" | ")))
            .chain(rows.iter().map(|r| format!("| {} |", r.join(" | "))))
            .map(|r| r + "\n")
            .collect();
        let stacked: String = head
            .iter()
            .chain(rows.iter().flatten())
            .map(|c| {
                // descriptions that lost their pipe
                if c.ends_with('.') {
                    format!("{c} \n")
                } else {
                    format!("{c} |\n")
                }
            })
            .collect();
        for (layout, text) in [("tab", tab), ("pipe", pipe), ("stacked", stacked)] {
            let text = format!("Cookies\n\n{text}");
            let p = parse_policy(&text);
            let got = names_and_providers(&p);
            assert_eq!(
                got,
                [
                    ("PWC_WOD", Some("Webtrends")),
                    ("WT_FPC", Some("Webtrends"))
                ],
                "{layout}/{}:\n{text}",
                l.code
            );
        }
    }
}

/// A service line that says what the service does, right before its cookies
/// (`Google Analytics - Counts visits` / `Cookies: _ga, _gid (2 years, 1 day)`): the
/// cookies share the description as their purpose and the service as provider; the
/// next service's cookies do not.
#[test]
fn service_line_before_its_cookies() {
    for l in LANGS {
        let (_, word, _) = leadin_words(l.code);
        let text = format!(
            "Cookies\n\nGoogle Analytics - Counts visits to the site\n{word}: _ga, _gid ({}, {})\nHotjar\n{word}: _hjSession (30 min)\n",
            l.years, l.day
        );
        let p = parse_policy(&text);
        let got: Vec<(&str, Option<&str>, String)> = p
            .cookies
            .iter()
            .map(|c| (c.name.as_str(), c.provider.as_deref(), c.purposes.join(" ")))
            .collect();
        let want: Vec<(&str, Option<&str>, String)> = vec![
            (
                "_ga",
                Some("Google Analytics"),
                "Counts visits to the site".into(),
            ),
            (
                "_gid",
                Some("Google Analytics"),
                "Counts visits to the site".into(),
            ),
            ("_hjSession", Some("Hotjar"), String::new()),
        ];
        assert_eq!(got, want, "{}:\n{text}", l.code);
    }
}

/// A service heading, prose below it naming the company that runs the service, then
/// a lifetime label introducing `name: lifetime` lines (iubenda-style): the heading is
/// the provider, the label is no cookie, every line is a cookie with its lifetime.
#[test]
fn service_heading_over_prose_and_a_lifetime_label() {
    for l in LANGS {
        let by = match l.code {
            "en" => "is a service provided by Google LLC",
            "fr" => "est un service fourni par Google LLC",
            "de" => "ist ein Dienst, bereitgestellt von Google LLC",
            "es" => "es un servicio proporcionado por Google LLC",
            "it" => "è un servizio fornito da Google LLC",
            "nl" => "is een dienst geleverd door Google LLC",
            "pt" => "é um serviço fornecido pela Google LLC",
            _ => unreachable!(),
        };
        let text = format!(
            "Cookies\n\nGoogle Analytics (Universal Analytics)\nGoogle Analytics {by}.\n{}:\nAMP_TOKEN: {}\n_ga: {}\n\nOther text.\n",
            l.headers[3], l.day, l.years
        );
        let p = parse_policy(&text);
        let got: Vec<(&str, Option<&str>, Option<&str>)> = p
            .cookies
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.provider.as_deref(),
                    c.duration.as_ref().and_then(|d| d.iso8601.as_deref()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("AMP_TOKEN", Some("Google Analytics"), Some("P1D")),
                ("_ga", Some("Google Analytics"), Some("P2Y"))
            ],
            "{}:\n{text}",
            l.code
        );
    }
}

/// iubenda's service heading with its company in brackets, named by its legal form
/// (`Hotjar Heat Maps & Recordings (Hotjar Ltd.)`, a service no list knows,
/// `Velqora Live Chat and Forms (Velqora Media GmbH)`): the words before the
/// company are the service, the provider of the cookies under it, whatever the
/// prose below says provides it; a category word in them declares nothing (the
/// section's heading does).
#[test]
fn a_service_heading_names_its_company_in_brackets() {
    for l in LANGS {
        let text = format!(
            "{}\n\nHotjar Heat Maps & Recordings (Hotjar Ltd.)\nHotjar, Hotjar Ltd.\n{}:\n\
             _hjid: {}\n\nVelqora Live Chat and Forms (Velqora Media GmbH)\n\
             Velqora, Somebody Inc.\n{}:\n_vq_a: {}\n",
            l.analytics, l.headers[3], l.years, l.headers[3], l.day
        );
        let p = parse_policy(&text);
        let got: Vec<(&str, Option<&str>, Category)> = p
            .cookies
            .iter()
            .map(|c| (c.name.as_str(), c.provider.as_deref(), c.category))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "_hjid",
                    Some("Hotjar Heat Maps & Recordings"),
                    Category::Analytics
                ),
                (
                    "_vq_a",
                    Some("Velqora Live Chat and Forms"),
                    Category::Analytics
                )
            ],
            "{}:\n{text}",
            l.code
        );
    }
}

/// A heading names a service; an item's own text names it more fully (`Google
/// Analytics` over `_ga: Google Analytics 4 (2 years)`): the fuller name is the
/// provider. A different company in the item's text does not replace the heading's.
#[test]
fn item_text_names_the_heading_service_more_fully() {
    for l in LANGS {
        let (_, ana) = group_labels(l.code);
        let text = format!(
            "Cookies\n\n{ana} (Google Analytics)\n• _ga: Google Analytics 4 ({})\n• _gid: Google Ads ({})\n",
            l.years, l.day
        );
        let p = parse_policy(&text);
        let got = names_and_providers(&p);
        assert_eq!(
            got,
            [
                ("_ga", Some("Google Analytics 4")),
                ("_gid", Some("Google Analytics"))
            ],
            "{}:\n{text}",
            l.code
        );
    }
}

/// Under a purpose header, descriptions that open with a category word
/// (`Preferência de idioma`, `Analytics of page views`) stay purposes; a tab table
/// whose nameless line fills most cells is a row without a name (skipped, reported),
/// not a wrapped cell of the row above.
#[test]
fn purposes_opening_with_a_category_word_and_nameless_rows() {
    for l in LANGS {
        let rows = [
            [
                "_ga".to_string(),
                format!("{} page views", l.analytics),
                l.years.to_string(),
            ],
            [
                "_gid".to_string(),
                format!("{} visits", l.analytics),
                l.day.to_string(),
            ],
        ];
        let mut text = format!(
            "Cookies\n\n{}\t{}\t{}\n",
            l.headers[0], l.headers[2], l.headers[3]
        );
        for r in &rows {
            text += &format!("{}\n", r.join("\t"));
        }
        text += &format!("\t{}\t{}\n", "Some purpose", l.session);
        let p = parse_policy(&text);
        let got: Vec<(&str, String, Option<&str>)> = p
            .cookies
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.purposes.join(" "),
                    c.duration.as_ref().and_then(|d| d.iso8601.as_deref()),
                )
            })
            .collect();
        let want: Vec<(&str, String, Option<&str>)> = rows
            .iter()
            .zip([Some("P2Y"), Some("P1D")])
            .map(|(r, d)| (r[0].as_str(), r[1].clone(), d))
            .collect();
        assert_eq!(got, want, "{}:\n{text}", l.code);
        assert!(
            p.warnings
                .iter()
                .any(|w| w.message.contains("without a name")),
            "{}: {:?}",
            l.code,
            p.warnings
        );
    }
}

/// A description that states the lifetime in a sentence of its own with a verb
/// (`It lasts 2 years.`): the sentence is the duration, not part of the purpose.
#[test]
fn lifetime_sentences_in_descriptions() {
    for l in LANGS {
        let (it_lasts, stored) = match l.code {
            "en" => ("It lasts", "It is stored on your device."),
            "fr" => ("Il dure", "Il est enregistré sur votre appareil."),
            "de" => ("Er verfällt nach", "Er wird auf Ihrem Gerät gespeichert."),
            "es" => ("Dura", "Se guarda en su dispositivo."),
            "it" => ("Dura", "Viene salvato sul dispositivo."),
            "nl" => ("Het verloopt na", "Het wordt op uw apparaat opgeslagen."),
            "pt" => ("Dura", "É guardado no seu dispositivo."),
            _ => unreachable!(),
        };
        let text = format!(
            "Cookies\n\n• _ga: Distinguishes users. {it_lasts} {}.\n• _gid: Stores a visit identifier. {stored}\n",
            l.years
        );
        let p = parse_policy(&text);
        let got: Vec<(&str, Option<&str>, String)> = p
            .cookies
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.duration.as_ref().and_then(|d| d.iso8601.as_deref()),
                    c.purposes.join(" "),
                )
            })
            .collect();
        let want: Vec<(&str, Option<&str>, String)> = vec![
            ("_ga", Some("P2Y"), "Distinguishes users.".into()),
            ("_gid", None, format!("Stores a visit identifier. {stored}")),
        ];
        assert_eq!(got, want, "{}:\n{text}", l.code);
    }
}

/// Names listed a few words after a cookie word (`Cookies may include _ga and _gid`)
/// are cookies; a lifetime stated for "these cookies" later in the section, before or
/// after the phrase, is theirs.
#[test]
fn names_after_a_cookie_word_and_a_lifetime_for_these_cookies() {
    for l in LANGS {
        let (names, these) = match l.code {
            "en" => (
                "Cookies may include _ga and _gid to count visits.",
                "A lifetime of {} applies to these cookies.",
            ),
            "fr" => (
                "Les cookies peuvent inclure _ga et _gid pour compter les visites.",
                "Une durée de {} s'applique à ces cookies.",
            ),
            "de" => (
                "Cookies können _ga und _gid enthalten, um Besuche zu zählen.",
                "Eine Laufzeit von {} gilt für diese Cookies.",
            ),
            "es" => (
                "Las cookies pueden incluir _ga y _gid para contar visitas.",
                "Un plazo de {} se aplica a estas cookies.",
            ),
            "it" => (
                "I cookie possono includere _ga e _gid per contare le visite.",
                "Una durata di {} vale per questi cookie.",
            ),
            "nl" => (
                "Cookies kunnen _ga en _gid bevatten om bezoeken te tellen.",
                "Een termijn van {} geldt voor deze cookies.",
            ),
            "pt" => (
                "Os cookies podem incluir _ga e _gid para contar visitas.",
                "Um prazo de {} aplica-se a estes cookies.",
            ),
            _ => unreachable!(),
        };
        let text = format!("Analytics\n\n{names}\n{}\n", these.replace("{}", l.years));
        let p = parse_policy(&text);
        let got: Vec<(&str, Option<&str>)> = p
            .cookies
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.duration.as_ref().and_then(|d| d.iso8601.as_deref()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [("_ga", Some("P2Y")), ("_gid", Some("P2Y"))],
            "{}:\n{text}",
            l.code
        );
    }
}

/// One cell per line without pipes (name / description / lifetime): a name no
/// dictionary knows (`gale`) in the name slot of the run is a name.
#[test]
fn name_slots_in_a_run_of_name_description_lifetime_lines() {
    for l in LANGS {
        let mut text = String::from("Cookies\n\n");
        let rows = [
            ("_ga", l.years),
            ("_gid", l.day),
            ("gale", l.day),
            ("_gat", l.years),
        ];
        for (n, d) in rows {
            text += &format!("{n}\nUsed to count visits\n{d}\n");
        }
        text += "\nOther text.\n";
        let p = parse_policy(&text);
        let got: Vec<&str> = p.cookies.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(got, ["_ga", "_gid", "gale", "_gat"], "{}:\n{text}", l.code);
        assert!(p.cookies.iter().all(|c| c.duration.is_some()), "{}", l.code);
    }
}

// ---------------------------------------------------------------------------
// Cards: labels on their own line, each value on the line under it.
// ---------------------------------------------------------------------------

/// Label-led cards (`Name` / `_ga` / `Provider` / `Google Analytics` / …), in every
/// language, with and without colons after the labels and blank lines between pairs;
/// name-led cards (`_ga` / its description / `Provider` / … / `Duration` / `2 years`);
/// and both with group rows between the cards.
#[test]
fn cards_in_every_language() {
    for l in LANGS {
        for (colon, gap) in [("", ""), (":", ""), ("", "\n")] {
            let mut s = String::from("Cookies\n\n");
            for r in records(l) {
                for (h, c) in l.headers.iter().zip(&r) {
                    s += &format!("{h}{colon}\n{c}\n{gap}");
                }
            }
            check("label-led cards", l, &s, true);
        }
        // the description under the name, then the labelled lines (lifetime last)
        let mut s = String::from("Cookies\n\n");
        for r in records(l) {
            s += &format!(
                "{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n",
                r[0], r[2], l.headers[1], r[1], l.headers[4], r[4], l.headers[3], r[3]
            );
        }
        check("name-led cards", l, &s, true);
        let label_led = render_groups(l, &|_| String::new(), &|g| format!("{g}\n"), &|r| {
            l.headers[..4]
                .iter()
                .zip(r)
                .map(|(h, c)| format!("{h}\n{c}\n"))
                .collect()
        });
        check_groups("label-led cards", l, &label_led);
        let name_led = render_groups(l, &|_| String::new(), &|g| format!("{g}\n"), &|r| {
            format!(
                "{}\n{}\n{}\n{}\n{}\n{}\n",
                r[0], r[2], l.headers[1], r[1], l.headers[3], r[3]
            )
        });
        check_groups("name-led cards", l, &name_led);
    }
}

/// A service's block over its cards (a known vendor's name, the categories it uses, labelled
/// lines about the service, then a group row and the cards): the service is the
/// provider of every card under it, the group row their category; a label with no
/// value (a blank under it) takes nothing from the next block.
#[test]
fn service_blocks_over_cards() {
    for l in LANGS {
        let (nec, ana) = group_labels(l.code);
        let [name, _, purpose, duration, _] = l.headers;
        let block = |service: &str, group: &str, cards: &[(&str, &str)]| {
            let mut s =
                format!("{service}\n{group}\n{purpose}\nWe use {service}. Read more\n{group}\n");
            for (n, d) in cards {
                s += &format!("{name}\n{n}\n{duration}\n{d}\n{purpose}\n\n");
            }
            s
        };
        let text = format!(
            "Cookies\n\n{}{}",
            block("HubSpot", nec, &[("session_id", l.session)]),
            block(
                "Matomo Analytics",
                ana,
                &[("_pk_id", l.years), ("_pk_ses", l.day)]
            ),
        );
        let p = parse_policy(&text);
        let got = names_providers_and_categories(&p);
        assert_eq!(
            got,
            [
                ("session_id", Some("HubSpot"), Category::Necessary),
                ("_pk_id", Some("Matomo Analytics"), Category::Analytics),
                ("_pk_ses", Some("Matomo Analytics"), Category::Analytics),
            ],
            "{}:\n{text}",
            l.code
        );
        for c in &p.cookies {
            assert!(c.duration.is_some(), "{} {}: no duration", l.code, c.name);
            assert!(
                c.purposes.is_empty(),
                "{} {}: {:?}",
                l.code,
                c.name,
                c.purposes
            );
        }
    }
}

/// Key-value blocks whose name line is an identifier no dictionary knows
/// (`shop-session`, `campaign-tracking`, `cartToken`, `basket.v2`), in every language:
/// the name slot before the keys takes it, even where its parts are category or
/// lifetime words; a plain capitalised word there (`Newsletter`) stays a heading.
#[test]
fn unknown_identifiers_in_a_key_value_name_slot() {
    let names = [
        "shop-session",
        "campaign-tracking",
        "cartToken",
        "basket.v2",
    ];
    for l in LANGS {
        let [_, provider, purpose, duration, _] = l.headers;
        let mut s = String::from("Cookies\n\nNewsletter\n");
        s += &format!("{purpose}: Sends our news.\n{duration}: {}\n\n", l.years);
        for n in names {
            s += &format!(
                "{n}\n{provider}: Example Shop\n{purpose}: Keeps the basket.\n{duration}: {}\n\n",
                l.day
            );
        }
        let p = parse_policy(&s);
        let got: Vec<&str> = p.cookies.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(got, names, "{}:\n{s}", l.code);
        for c in &p.cookies {
            let d = c.duration.as_ref().expect("a duration");
            assert_eq!(d.iso8601.as_deref(), Some("P1D"), "{} {}", l.code, c.name);
            assert_eq!(
                c.provider.as_deref(),
                Some("Example Shop"),
                "{} {}",
                l.code,
                c.name
            );
        }
    }
}

/// Key-value blocks whose keys end in a colon and a tab (`Name:⇥_ga`), under group
/// lead-ins that end in a colon (`Analytics cookies:` then what they are), in every
/// language: blocks, not two-column tables; each lead-in governs the blocks after it.
#[test]
fn tab_key_value_blocks_under_lead_ins() {
    for l in LANGS {
        let kv = render_groups(
            l,
            &|_| String::new(),
            &|g| format!("{g}:\nThese cookies are described below.\n"),
            &|r| {
                l.headers[..4]
                    .iter()
                    .zip(r)
                    .map(|(h, c)| format!("{h}:\t{c}\n"))
                    .collect()
            },
        );
        check_groups("tab key-value", l, &kv);
    }
}

/// A provider key that only gives a host, then a service key that names a known
/// vendor (with a link's text after it): the vendor is the provider; with no service
/// key the host stays the provider.
#[test]
fn a_named_service_over_a_host_in_the_provider_key() {
    let text = "Name:\t__stripe_mid\nProvider:\t.shop.example\nService:\tStripe View Service Privacy Policy\nExpires in:\t1 year\n\nName:\tconnect.sid\nProvider:\tapi.shop.example\nExpires in:\tsession\n";
    let p = parse_policy(text);
    let got = names_and_providers(&p);
    assert_eq!(
        got,
        [
            ("__stripe_mid", Some("Stripe")),
            ("connect.sid", Some("api.shop.example"))
        ]
    );
}

/// Headings that open with a category word and put modifiers before the cookie word
/// declare that category (`Essential website cookies`); a heading whose category word
/// stands elsewhere, behind a preposition, does not.
#[test]
fn category_headings_with_modifiers() {
    for (heading, want) in [
        ("Essential website cookies", Category::Necessary),
        ("Analytics and customization cookies", Category::Analytics),
        ("Noodzakelijke website cookies", Category::Necessary),
        (
            "Remembering your preferences about cookies",
            Category::Unknown,
        ),
    ] {
        let text = format!("{heading}\n\nName\tDuration\n_ga\t2 years\n");
        let p = parse_policy(&text);
        assert_eq!(p.cookies.len(), 1, "{heading}");
        assert_eq!(p.cookies[0].category, want, "{heading}");
    }
}

/// A service's section (its heading, what it is, a provider key with the company's
/// address, a lead-in, `name: purpose (lifetime)` items, then labelled links), under a
/// section sorted by party, in every language: the provider key names the provider
/// (up to the address), the party heading ends the category above it, and the
/// labelled lines after the items (`Datenschutzerklärung: https://…`, `Opt-Out: …`)
/// are no cookies.
#[test]
fn a_service_section_with_a_provider_key_and_links() {
    for l in LANGS {
        let (lead, _, _) = leadin_words(l.code);
        let (_, ana) = group_labels(l.code);
        let party = match l.code {
            "en" => "Third-party cookies",
            "fr" => "Cookies tiers",
            "de" => "Cookies von Drittanbietern",
            "es" => "Cookies de terceros",
            "it" => "Cookie di terze parti",
            "nl" => "Cookies van derden",
            "pt" => "Cookies de terceiros",
            _ => unreachable!(),
        };
        let provider = l.headers[1];
        let text = format!(
            "1. {ana}\n\nText about them.\n\n{party}\n\nGoogle Analytics (GA4)\n\nWe use Google Analytics.\n\n\
             {provider}: Google Ireland Limited, Gordon House, Dublin 4\n\n{lead}\n\n\
             _ga: Distinguishes users ({})\n\n_gid: Stores a visit ({})\n\n\
             Datenschutzerklärung: https://policies.google.com/privacy\n\nOpt-Out: See the browser add-on.\n",
            l.years, l.day
        );
        let p = parse_policy(&text);
        let got = names_providers_and_categories(&p);
        let want = Some("Google Ireland Limited");
        assert_eq!(
            got,
            [
                ("_ga", want, Category::Unknown),
                ("_gid", want, Category::Unknown)
            ],
            "{}:\n{text}",
            l.code
        );
    }
}

/// A consent banner's table flattened into one paragraph with no separator at all
/// (`CookieDurationDescription` then name, lifetime and description glued row after
/// row), in every language: lifetimes in digits or in words (`session`), names that
/// are identifiers no dictionary knows glued after the last sentence's full stop.
#[test]
fn glued_banner_tables_in_every_language() {
    for l in LANGS {
        let dur = l.headers[3];
        let desc = l.headers[2];
        let rows = [
            (
                "cookielawinfo-checkbox-ads",
                l.years,
                "Records the consent of the user.",
            ),
            (
                "yt.innertube::nextId",
                l.session,
                "Stores a unique identifier for videos.",
            ),
            ("_pk_ses.1.abc", l.day, "Counts visits in this way."),
            (
                "viewed_cookie_policy",
                l.session,
                "Keeps the banner closed.",
            ),
        ];
        let mut text = format!("Cookie{dur}{desc}");
        for (n, d, p) in rows {
            // a lifetime in words is written lower case when glued (`YSCsession`)
            let d = if d.chars().any(|c| c.is_ascii_digit()) {
                d.to_string()
            } else {
                d.to_lowercase()
            };
            text += &format!("{n}{d}{p}");
        }
        let p = parse_policy(&format!("Cookies\n\n{text}\n"));
        let got: Vec<&str> = p.cookies.iter().map(|c| c.name.as_str()).collect();
        let want: Vec<&str> = rows.iter().map(|r| r.0).collect();
        assert_eq!(got, want, "{}:\n{text}", l.code);
        for (c, r) in p.cookies.iter().zip(rows) {
            let d = c.duration.as_ref().expect("a lifetime");
            let kind = if r.1 == l.session {
                DurationKind::Session
            } else {
                DurationKind::Persistent
            };
            assert_eq!(d.kind, kind, "{} {}", l.code, c.name);
            assert_eq!(c.purposes.join(" "), r.2, "{} {}", l.code, c.name);
        }
    }
}

/// A paragraph that names its cookie and who sets it (`The cookie APIDTS is set by
/// Yahoo.`) states that provider for its own cookie: a later paragraph's cookie,
/// whose provider no list knows, is not given it, in any language; one naming no
/// provider has none.
#[test]
fn a_paragraph_s_provider_stays_with_its_cookie() {
    for (first, second) in [
        (
            "The cookie APIDTS is set by Yahoo. It stores an ID. It lasts 1 day.",
            "We use the cookie lkqdid, which keeps a setting. It lasts 1 year.",
        ),
        (
            "O cookie APIDTS é definido por Yahoo. Guarda um ID. A sua duração é de 1 dia.",
            "Utilizamos o cookie lkqdid para guardar uma definição. A sua duração é de 1 ano.",
        ),
        (
            "Das Cookie APIDTS wird von Yahoo gesetzt. Es speichert eine ID. Es verfällt nach 1 Tag.",
            "Wir verwenden das Cookie lkqdid für eine Einstellung. Es verfällt nach 1 Jahr.",
        ),
    ] {
        let text = format!("Cookies\n\n{first}\n\n{second}\n");
        let p = parse_policy(&text);
        assert_eq!(
            names_and_providers(&p),
            [("APIDTS", Some("Yahoo")), ("lkqdid", None)],
            "{text}"
        );
    }
    // a provider no list knows after a set-by phrase of the language (`fornecido
    // por`, `proporcionada por`) is read as the cookie's
    let p = parse_policy(
        "Cookies\n\nUtilizamos o cookie lkqdid, fornecido por Velqora. Guarda um ID.\n",
    );
    assert_eq!(names_and_providers(&p), [("lkqdid", Some("Velqora"))]);
    let p = parse_policy(
        "Cookies\n\nUtilizamos la cookie lkqdid, proporcionada por Velqora. Guarda un ID.\n",
    );
    assert_eq!(names_and_providers(&p), [("lkqdid", Some("Velqora"))]);
}

/// A consent panel (tarteaucitron's): each service's name, its links on one line or
/// one a line, the line that speaks of it, then its cookies as items with their
/// lifetimes after an arrow, names no list knows among them. The links are no
/// heading and hide no evidence: the service is each cookie's provider; the line
/// that says the service installs cookies opens their list.
#[test]
fn a_consent_panel_s_links_under_the_service() {
    for (links, spoken, life) in [
        (
            "Read more - View the official website",
            "This service can install 2 cookies.",
            "13 months",
        ),
        (
            "En savoir plus\nVoir le site officiel",
            "Ce service peut déposer 2 cookies.",
            "13 mois",
        ),
        (
            "En savoir plus - Voir le site officiel",
            "Ce service peut déposer 2 cookies.",
            "13 mois",
        ),
        (
            "Mehr lesen - Offizielle Website ansehen",
            "Dieser Dienst kann 2 Cookies setzen.",
            "13 Monate",
        ),
    ] {
        let text = format!(
            "Cookies\n\nAnalytics\n\nVelqora\n{links}\n{spoken}\n\
             trc ▸ {life}\nhubspotutk ▸ {life}\nAllow Deny\n\n\
             Orabix Chat\n{links}\n{spoken}\nc-signup ▸ {life}\n_ob_id ▸ {life}\n"
        );
        let p = parse_policy(&text);
        assert_eq!(
            names_and_providers(&p),
            vec![
                ("trc", Some("Velqora")),
                ("hubspotutk", Some("Velqora")),
                ("c-signup", Some("Orabix Chat")),
                ("_ob_id", Some("Orabix Chat")),
            ],
            "{text}"
        );
        assert!(p.cookies.iter().all(|c| c.duration.is_some()), "{text}");
    }
}
