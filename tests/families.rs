//! Synthetic members of the layout families real policies come in (consent-platform
//! declarations, OneTrust lists, Borlabs / Complianz boxes, header-less tables, prose),
//! written for these tests — not copied from any policy.

use cookie_charter::{parse_policy, Category, DurationKind, Policy};

fn names(p: &Policy) -> Vec<&str> {
    p.cookies.iter().map(|c| c.name.as_str()).collect()
}

fn cookie<'a>(p: &'a Policy, name: &str) -> &'a cookie_charter::Cookie {
    p.cookies
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no {name} in {:#?}", p.cookies))
}

fn iso(p: &Policy, name: &str) -> Option<String> {
    cookie(p, name)
        .duration
        .as_ref()
        .and_then(|d| d.iso8601.clone())
}

/// A Cookiebot declaration in each language: groups as headings, local storage and
/// pixels left out, `[x2]` markers off the names.
#[test]
fn cookiebot_declarations_in_every_language() {
    let langs = [
        (
            "Necessary",
            "Statistics",
            "Marketing",
            "Name\tProvider\tPurpose\tExpiry\tType",
            "1 year",
            "Session",
        ),
        (
            "Nécessaires",
            "Statistiques",
            "Marketing",
            "Nom\tFournisseur\tFinalité\tExpiration\tType",
            "1 an",
            "Session",
        ),
        (
            "Notwendig",
            "Statistiken",
            "Marketing",
            "Name\tAnbieter\tZweck\tAblauf\tTyp",
            "1 Jahr",
            "Sitzung",
        ),
        (
            "Necesarias",
            "Estadísticas",
            "Marketing",
            "Nombre\tProveedor\tPropósito\tCaducidad\tTipo",
            "1 año",
            "Sesión",
        ),
        (
            "Necessari",
            "Statistiche",
            "Marketing",
            "Nome\tFornitore\tScopo\tScadenza\tTipo",
            "1 anno",
            "Sessione",
        ),
        (
            "Noodzakelijk",
            "Statistieken",
            "Marketing",
            "Naam\tAanbieder\tDoel\tVervaldatum\tType",
            "1 jaar",
            "Sessie",
        ),
        (
            "Necessários",
            "Estatísticas",
            "Marketing",
            "Nome\tProvedor\tFinalidade\tExpiração\tTipo",
            "1 ano",
            "Sessão",
        ),
    ];
    for (nec, stat, mkt, header, year, session) in langs {
        let text = format!(
            "{nec} (2)\n\n{header}\nCookieConsent\tshop.example\tStores consent.\t{year}\tHTTP Cookie\nrc::a\tGoogle\tBot check.\tPersistent\tHTML Local Storage\n\n\
             {stat} (2)\n\n{header}\n_ga [x2]\tGoogle\tRegisters an id.\t{year}\tHTTP Cookie\n_gid\tGoogle\tRegisters an id.\t{session}\tHTTP Cookie\n\n\
             {mkt} (1)\n\n{header}\n_fbp\tMeta Platforms\tDelivers ads.\t{year}\tHTTP Cookie\ntr\tMeta Platforms\tPixel.\t{session}\tPixel Tracker\n"
        );
        let p = parse_policy(&text);
        assert_eq!(
            names(&p),
            ["CookieConsent", "_ga", "_gid", "_fbp"],
            "{header}"
        );
        assert_eq!(
            cookie(&p, "CookieConsent").category,
            Category::Necessary,
            "{nec}"
        );
        assert_eq!(cookie(&p, "_ga").category, Category::Analytics, "{stat}");
        assert_eq!(cookie(&p, "_fbp").category, Category::Advertising, "{mkt}");
        assert_eq!(iso(&p, "_ga").as_deref(), Some("P1Y"), "{year}");
        assert_eq!(
            cookie(&p, "_gid").duration.as_ref().map(|d| d.kind),
            Some(DurationKind::Session),
            "{session}"
        );
        assert_eq!(cookie(&p, "_ga").provider.as_deref(), Some("Google"));
        assert_eq!(
            p.warnings
                .iter()
                .filter(|w| format!("{:?}", w.kind) == "NotACookie")
                .count(),
            2
        );
    }
}

/// OneTrust: names and lifespans listed in one cell, paired in order; the same name
/// under another host is another record.
#[test]
fn onetrust_lists_pair_names_and_lifespans() {
    let text = "Performance Cookies\n\nCookie Subgroup\tCookies\tCookies used\tLifespan\n\
                example.com\t_ga, _gid\tFirst Party\t730 days, 1 days\n\
                google.com\t_ga\tThird Party\t365 days\n";
    let p = parse_policy(text);
    assert_eq!(names(&p), ["_ga", "_gid", "_ga"]);
    assert_eq!(iso(&p, "_gid").as_deref(), Some("P1D"));
    assert_eq!(
        p.cookies[0].duration.as_ref().unwrap().iso8601.as_deref(),
        Some("P730D")
    );
    assert_eq!(
        p.cookies[2].duration.as_ref().unwrap().iso8601.as_deref(),
        Some("P365D")
    );
    assert!(p.cookies.iter().all(|c| c.category == Category::Analytics));
}

/// Borlabs / Complianz boxes: the first `Name` is the service, `Cookie Name` the cookies.
#[test]
fn service_boxes_name_the_service_then_the_cookies() {
    let text = "Statistik\n\nName: Matomo\nAnbieter: Beispiel GmbH\nZweck: Zählt Besuche.\nCookie Name: _pk_id, _pk_ses\nCookie Laufzeit: 13 Monate\n";
    let p = parse_policy(text);
    assert_eq!(names(&p), ["_pk_id", "_pk_ses"]);
    assert_eq!(
        cookie(&p, "_pk_id").provider.as_deref(),
        Some("Beispiel GmbH")
    );
    assert_eq!(iso(&p, "_pk_id").as_deref(), Some("P13M"));
    assert_eq!(cookie(&p, "_pk_id").category, Category::Analytics);

    let text = "Google Analytics\nStatistics\n\nName\t_ga\nExpiration\t2 years\nFunction\tStore and count pageviews\n\nName\t_gid\nExpiration\t1 day\nFunction\tStore pageviews\n";
    let p = parse_policy(text);
    assert_eq!(names(&p), ["_ga", "_gid"]);
    assert_eq!(
        cookie(&p, "_ga").provider.as_deref(),
        Some("Google Analytics")
    );
    assert_eq!(cookie(&p, "_gid").category, Category::Analytics);
    assert_eq!(cookie(&p, "_gid").purposes, ["Store pageviews"]);
}

/// Tables without a header row: columns told by their content.
#[test]
fn headerless_tables() {
    let tab = "_ga\tGoogle Analytics\tDistinguishes users\t2 years\n_gid\tGoogle Analytics\tDistinguishes users\t24 hours\n";
    let pipe =
        "| _ga | 2 years | Distinguishes users |\n| _gid | 24 hours | Distinguishes users |\n";
    for text in [tab, pipe] {
        let p = parse_policy(text);
        assert_eq!(names(&p), ["_ga", "_gid"], "{text}");
        assert_eq!(iso(&p, "_ga").as_deref(), Some("P2Y"));
        assert_eq!(cookie(&p, "_gid").purposes, ["Distinguishes users"]);
    }
}

/// Prose naming cookies, with the provider and lifetime stated in the sentence.
#[test]
fn prose_names_with_provider_and_lifetime() {
    let p = parse_policy("Analytics\n\nWe use the _ga and _gid cookies from Google Analytics, which expire after 2 years.\n");
    assert_eq!(names(&p), ["_ga", "_gid"]);
    assert_eq!(
        cookie(&p, "_gid").provider.as_deref(),
        Some("Google Analytics")
    );
    assert_eq!(iso(&p, "_ga").as_deref(), Some("P2Y"));
    assert_eq!(cookie(&p, "_ga").category, Category::Analytics);
}

/// A cookie named in prose and in a table is one record with both purposes.
#[test]
fn mixed_documents_merge() {
    let text = "We set the session_id cookie to keep you signed in.\n\nName\tPurpose\tDuration\nsession_id\tSession handling\tSession\n";
    let p = parse_policy(text);
    assert_eq!(names(&p), ["session_id"]);
    assert_eq!(cookie(&p, "session_id").purposes.len(), 2);
}

/// Glued words and cut-off text are handled without inventing records.
#[test]
fn stray_and_cut_lines_are_reported() {
    let text =
        "Name\tPurpose\tExpiry\n_ga\tUsers\t2 years\n\nBUY NOW banner\n\n_gid\tVisits\t1 day\n";
    let p = parse_policy(text);
    assert_eq!(names(&p), ["_ga", "_gid"]);
    assert!(p
        .warnings
        .iter()
        .any(|w| &text[w.span.start..w.span.end] == "BUY NOW banner"));
}

/// The seeds' platform charter in every language: provider / function / names /
/// purposes, wrapped cells on continuation lines, a stray banner line inside.
#[test]
fn platform_charters_in_every_language() {
    let langs = [
        (
            "Cookies necessary for the platform to function properly",
            "Service provider's name\tFunction and location\tCookie name(s)\tPurposes",
        ),
        (
            "Cookies nécessaires au bon fonctionnement de la plateforme",
            "Nom du prestataire\tService et emplacement\tNom du cookies\tFinalités",
        ),
        (
            "Für den Betrieb der Plattform notwendige Cookies",
            "Name des Dienstleisters\tFunktion und Speicherort\tName des Cookies\tZwecke",
        ),
        (
            "Cookies necesarias para el funcionamiento de la plataforma",
            "Nombre del proveedor\tFunción y ubicación\tNombre de las cookies\tFinalidades",
        ),
        (
            "Cookie necessari al funzionamento della piattaforma",
            "Nome del fornitore\tFunzione e posizione\tNome dei cookie\tFinalità",
        ),
        (
            "Noodzakelijke cookies voor de werking van het platform",
            "Naam van de dienstverlener\tFunctie en locatie\tNaam van de cookies\tDoeleinden",
        ),
        (
            "Cookies necessários ao bom funcionamento da plataforma",
            "Nome do prestador\tFunção e localização\tNome dos cookies\tFinalidades",
        ),
    ];
    for (heading, header) in langs {
        let text = format!(
            "{heading}\n\n{header}\nAcme\tLogin (front and\tsessionid\tKeeps the user from\n\tback office)\t\tone page to another\n\nSALE NOW ON\n\nAcme\tLanguage\tdjango_language\tRemembers the language\n"
        );
        let p = parse_policy(&text);
        assert_eq!(names(&p), ["sessionid", "django_language"], "{header}");
        let s = cookie(&p, "sessionid");
        assert_eq!(
            s.purposes,
            ["Keeps the user from one page to another"],
            "{header}"
        );
        assert_eq!(s.provider.as_deref(), Some("Acme"), "{header}");
        assert_eq!(s.category, Category::Necessary, "{heading}");
        assert!(p
            .cookies
            .iter()
            .all(|c| !c.purposes.concat().contains("SALE")));
        assert_eq!(p.warnings.len(), 1, "{header}: {:?}", p.warnings);
    }
}

/// Prose naming cookies in each language.
#[test]
fn prose_in_every_language() {
    let sentences = [
        ("Nous utilisons les cookies _ga et _gid de Google Analytics, qui expirent après 2 ans.", "P2Y"),
        ("Wir verwenden die Cookies _ga und _gid von Google Analytics, die nach 2 Jahren ablaufen.", "P2Y"),
        ("Utilizamos las cookies _ga y _gid de Google Analytics, que caducan a los 2 años.", "P2Y"),
        ("Utilizziamo i cookie _ga e _gid di Google Analytics, che scadono dopo 2 anni.", "P2Y"),
        ("Wij gebruiken de cookies _ga en _gid van Google Analytics, die na 2 jaar verlopen.", "P2Y"),
        ("Utilizamos os cookies _ga e _gid do Google Analytics, que expiram após 2 anos.", "P2Y"),
    ];
    for (s, want) in sentences {
        let p = parse_policy(&format!("{s}\n"));
        assert_eq!(names(&p), ["_ga", "_gid"], "{s}");
        assert_eq!(
            cookie(&p, "_gid").provider.as_deref(),
            Some("Google Analytics"),
            "{s}"
        );
        assert_eq!(iso(&p, "_ga").as_deref(), Some(want), "{s}");
    }
}

/// Key-value blocks with a typo in a key and keys in several languages.
#[test]
fn key_value_blocks_with_typos() {
    let text = "Nom : _pk_id\nFinalité : Mesure d'audience\nDurée de conservaton : 13 mois\n\nNom : _pk_ses\nFinalitée : Visite en cours\nDurée : 30 minutes\n";
    let p = parse_policy(text);
    assert_eq!(names(&p), ["_pk_id", "_pk_ses"]);
    assert_eq!(iso(&p, "_pk_ses").as_deref(), Some("PT30M"));
    assert_eq!(iso(&p, "_pk_id").as_deref(), Some("P13M"));
    assert_eq!(cookie(&p, "_pk_id").purposes, ["Mesure d'audience"]);
    assert_eq!(cookie(&p, "_pk_ses").purposes, ["Visite en cours"]);
}

/// Rows whose cells were glued with no separator, one row per line.
#[test]
fn glued_cells_one_row_per_line() {
    let text = "Cookie Provider Purpose Duration\n__cf_bmCloudflare bot management30 minutes\n_gaGoogle AnalyticsDistinguishes users2 years\nsession_idKeeps you signed in1 day\n";
    let p = parse_policy(text);
    assert_eq!(names(&p), ["__cf_bm", "_ga", "session_id"]);
    assert_eq!(
        cookie(&p, "__cf_bm").provider.as_deref(),
        Some("Cloudflare")
    );
    assert_eq!(
        cookie(&p, "_ga").provider.as_deref(),
        Some("Google Analytics")
    );
    assert_eq!(iso(&p, "__cf_bm").as_deref(), Some("PT30M"));
    assert_eq!(cookie(&p, "session_id").purposes, ["Keeps you signed in"]);
}

/// A tool listed in the cookie table but described as setting no cookie, and a
/// template placeholder, are not records (each is reported).
#[test]
fn tools_without_cookies_and_placeholders_are_not_records() {
    let text = "Name\tPurpose\tDuration\n_ga\tCounts visits\t2 years\nGoogle Fonts\tNo cookie is set\t-\n[cookie name]\t[purpose]\t[duration]\n";
    let p = parse_policy(text);
    assert_eq!(names(&p), ["_ga"]);
    assert_eq!(
        p.warnings
            .iter()
            .filter(|w| format!("{:?}", w.kind) == "NotACookie")
            .count(),
        2
    );
}

/// A whole record on one line, key-value pairs separated by pipes or semicolons.
#[test]
fn one_line_records() {
    let text = "Analytics cookies\nName: _ga | Provider: Google | Purpose: Counts visits | Expiry: 2 years\nName: _gid; Provider: Google; Purpose: Counts visits; Expiry: 1 day\n";
    let p = parse_policy(text);
    assert_eq!(names(&p), ["_ga", "_gid"]);
    assert_eq!(iso(&p, "_gid").as_deref(), Some("P1D"));
    assert_eq!(cookie(&p, "_ga").category, Category::Analytics);
}
