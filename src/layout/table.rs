//! What every table layout shares: recognising a header row, and turning a row
//! of cells into a raw record under that header.

use super::{frag, Context, RawDoc, RawRecord};
use crate::fields::repair::{Fragment, Frags};
use crate::fields::text::{fold_whitespace, forms_surely_differ, match_form};
use crate::segment::Line;
use std::rc::Rc;

use crate::fields::duration::parse_duration;
use crate::fields::names::{is_host_or_file, is_name_shaped, is_strong_name};
use crate::fields::provider::vendor_prefix;
use crate::fields::text::{more_words_than, word_count};
use crate::policy::DurationKind;
use crate::policy::Span;
use crate::vocab::{vocab, Role};

/// A table header: each column's role (if known) and its text as written.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    /// Each column's role and header text (whitespace folded), shared with the
    /// fields of every row.
    pub cols: Vec<(Option<Role>, Rc<str>)>,
    /// Index of the (first) name column.
    pub name: usize,
}

impl Header {
    /// Read header cells: at least one name column and one other known column.
    /// Only the first name column is the name; later ones are other columns.
    pub(crate) fn read(cells: &[&str]) -> Option<Header> {
        if cells.len() < 2 || cells.iter().any(|c| c.len() > 60) {
            return None;
        }
        // cells that pair a label with its value (`Nome do cookie: anj | Fornecedor:
        // Xandr | …`) are a record written on one line, not a header
        let paired = cells
            .iter()
            .filter(|c| {
                c.split_once(": ")
                    .is_some_and(|(_, v)| !v.trim().is_empty())
            })
            .count();
        if paired * 2 >= cells.len() {
            return None;
        }
        // the roles first (a byte a cell): the cells' text is copied only for a header
        // that passes, so a long row of data or of empty cells costs no column strings
        let mut roles: Vec<Option<Role>> = Vec::with_capacity(cells.len());
        let mut name = None;
        let mut known = 0;
        for (i, c) in cells.iter().enumerate() {
            let mut role = vocab().field(c);
            // an identifier in lower case whose words hold a header's (`plek-list-type`
            // beside `Cookie-Name`: a key-value row) is a value, unless a table lists
            // it whole
            if role.is_some()
                && c.starts_with(|ch: char| ch.is_lowercase())
                && !c.contains(char::is_whitespace)
                && c.contains(['-', '_', '.'])
                && vocab().field_listed(c).is_none()
            {
                role = None;
            }
            // (a second name header, `Cookies used` beside `Cookies`, is still a
            // header's word: it counts for the row being a header)
            if role.is_some() {
                known += 1;
            }
            if role == Some(Role::Name) {
                if name.is_some() {
                    role = None;
                } else {
                    name = Some(i);
                }
            }
            roles.push(role);
        }
        let name = name?;
        // a role named by a listed header is not given again to a column whose role was
        // only inferred from its head words (`Function and location` beside `Purposes`)
        let v = vocab();
        for i in 0..roles.len() {
            let Some(role) = roles[i] else { continue };
            if i == name || v.field_listed(cells[i]).is_some() {
                continue;
            }
            let listed_elsewhere = roles
                .iter()
                .enumerate()
                .any(|(j, r)| j != i && *r == Some(role) && v.field_listed(cells[j]).is_some());
            if listed_elsewhere {
                roles[i] = None;
                known -= 1;
            }
        }
        // most cells must be header words, not data
        let empty = cells.iter().filter(|c| c.trim().is_empty()).count();
        if known < 2 || known * 2 < cells.len() - empty {
            return None;
        }
        let cols = roles
            .into_iter()
            .zip(cells)
            .map(|(role, c)| (role, Rc::from(fold_whitespace(c))))
            .collect();
        Some(Header { cols, name })
    }

    /// A header row whose name column's header is a word no table lists (`Key`,
    /// `Clé`, `Designação`): one known header at least, two with the unknown headers
    /// over a column of lifetimes or of vendors, and these as many as the rest bar the
    /// name column; no name among the headers, no lifetime or vendor either; and exactly one unknown header over cells that are all cookie
    /// names ([`Header::name_cell`]; one sure name at least over two rows or more, or
    /// a row of sure names alone, a table of one row under a heading): that column is
    /// the name. The other unknown headers (`Origine` beside it) stay without a role
    /// for [`Header::confirm`] to find from their cells. A row of data has no column
    /// of header words beside it.
    pub(crate) fn read_unnamed(cells: &[&str], rows: &[Vec<&str>]) -> Option<Header> {
        if cells.len() < 3 || cells.iter().any(|c| c.is_empty() || c.len() > 40) {
            return None;
        }
        let v = vocab();
        let mut roles: Vec<Option<Role>> = cells.iter().map(|c| v.field(c)).collect();
        if roles.contains(&Some(Role::Name)) {
            return None;
        }
        let unknown: Vec<usize> = (0..roles.len()).filter(|&k| roles[k].is_none()).collect();
        let known = roles.len() - unknown.len();
        if known == 0 {
            return None;
        }
        let rows: Vec<&Vec<&str>> = rows.iter().filter(|r| r.len() == cells.len()).collect();
        // an unknown header whose cells are mostly lifetimes or vendors counts as known
        // (`Aufbewahrung`, `Instalada por`): its role is found by `confirm`; the header
        // row itself holds no lifetime or vendor
        let vendor = |cell: &str| is_vendor_cell(cell.trim());
        if cells.iter().any(|c| is_lifetime(c) || vendor(c)) {
            return None;
        }
        let voted = unknown
            .iter()
            .filter(|&&c| {
                !rows.is_empty() && (mostly(&rows, c, is_lifetime) || mostly(&rows, c, vendor))
            })
            .count();
        if known + voted < 2 || (known + voted) * 2 < roles.len() - 1 {
            return None;
        }
        let names = |u: usize| {
            let strong = |cell: &str| cell.split([',', ' ']).any(is_strong_name);
            let sure = match rows.len() {
                0 => false,
                1 => {
                    let cell = rows[0][u].trim();
                    Self::name_cell(cell)
                        && cell
                            .split([',', ' '])
                            .filter(|w| !w.is_empty())
                            .all(is_strong_name)
                }
                _ => Self::names_column(&rows, u) && rows.iter().any(|r| strong(r[u])),
            };
            sure && !is_strong_name(cells[u])
        };
        let mut found = unknown.iter().copied().filter(|&u| names(u));
        let (Some(u), None) = (found.next(), found.next()) else {
            return None;
        };
        roles[u] = Some(Role::Name);
        let cols = roles
            .into_iter()
            .zip(cells)
            .map(|(role, c)| (role, Rc::from(fold_whitespace(c))))
            .collect();
        Some(Header { cols, name: u })
    }

    /// Whether `cell` may stand in an inferred name column: one to four name-shaped
    /// tokens (between commas and spaces), or a list of them between commas.
    /// [`Header::infer`] takes a name column only when every row's cell in it is one.
    pub(crate) fn name_cell(cell: &str) -> bool {
        let cell = cell.trim();
        let mut toks = cell.split([',', ' ']).filter(|w| !w.is_empty());
        let mut k = 0;
        let few = toks.all(|t| {
            k += 1;
            k <= 4 && is_name_shaped(t)
        }) && k > 0;
        // or a list of names between commas, as long as it is (`li_sugr, li_gc, lang,
        // AnalyticsSyncHistory, bcookie`: a consent platform's row of one vendor)
        few || (cell.contains(',')
            && cell.split(',').all(|piece| {
                let piece = piece.trim();
                !piece.contains(' ') && is_name_shaped(piece)
            }))
    }

    /// Whether column `c` of `rows` (two or more) holds names: a [`Header::name_cell`]
    /// in every row but one in five (a name the shape does not take,
    /// `pagead/1p-user-list/#`), and in the first two rows, where the table starts
    /// (the tab reader turns a window away on those two alone).
    fn names_column<'a, R: AsRef<[&'a str]>>(rows: &[R], c: usize) -> bool {
        let odd = rows.len() / 5;
        rows.iter().take(2).all(|r| Self::name_cell(r.as_ref()[c]))
            && rows
                .iter()
                .filter(|r| !Self::name_cell(r.as_ref()[c]))
                .count()
                <= odd
    }

    /// A header inferred from the rows of a table that has none (two rows or more,
    /// as many cells each): the column whose cells are all cookie names (but one in
    /// five, not the first two), with a sure
    /// name among them or a column of lifetimes in every row beside them; then
    /// [`Header::inferred_roles`] for the others.
    pub(crate) fn infer(rows: &[Vec<&str>]) -> Option<Header> {
        let n = rows.first()?.len();
        if rows.len() < 2 || n < 2 || rows.iter().any(|r| r.len() != n) {
            return None;
        }
        let v = vocab();
        let share = |col: usize, f: &dyn Fn(&str) -> bool| {
            rows.iter().filter(|r| f(r[col].trim())).count() * 2 >= rows.len()
        };
        // a column of lifetimes in every row: the rows are cookies, and a column of
        // single tokens beside it, none of them a word the vocabulary knows, holds
        // their names even when none is a sure one (`locale`, `theme`)
        let lifetimes_everywhere = (0..n).any(|c| rows.iter().all(|r| is_lifetime(r[c].trim())));
        // the name column: cells of one to four name-shaped tokens, not vendors,
        // categories or lifetimes; among several, the one with the most distinct
        // cells, sure names and single tokens (a provider column repeats its vendors)
        let candidate = |c: usize| {
            Self::names_column(rows, c)
                && (rows
                    .iter()
                    .any(|r| r[c].split([',', ' ']).any(is_strong_name))
                    || (lifetimes_everywhere
                        && rows.iter().all(|r| {
                            let cell = r[c].trim();
                            !cell.contains(' ') && v.field(cell).is_none()
                        })))
                && !share(c, &|cell| {
                    v.category_of_label(cell).is_some()
                        || v.storage_of(cell).is_some()
                        || vendor_prefix(cell) == Some(cell.len())
                        || parse_duration(cell).kind != DurationKind::Unknown
                })
        };
        let score = |c: usize| {
            let mut cells: Vec<&str> = rows.iter().map(|r| r[c].trim()).collect();
            let k = cells.len() as f64;
            let strong = cells
                .iter()
                .filter(|x| x.split([',', ' ']).any(is_strong_name))
                .count() as f64;
            let single = cells.iter().filter(|x| !x.contains(' ')).count() as f64;
            cells.sort_unstable();
            cells.dedup();
            cells.len() as f64 / k + strong / k + single / k
        };
        let name = (0..n)
            .filter(|&c| candidate(c))
            .max_by(|&a, &b| score(a).total_cmp(&score(b)).then(b.cmp(&a)))?;
        Self::inferred_roles(rows, name)
    }

    /// A header inferred from the one row of a table that has none (a table of one
    /// cookie whose header the copy left out: `_fbp⇥Facebook Pixel⇥3 months`): three
    /// cells or more, exactly one of them sure cookie names alone and another a
    /// lifetime. One row is little evidence, so both are asked for; the other columns
    /// are read as [`Header::infer`] reads them.
    pub(crate) fn infer_row(row: &[&str]) -> Option<Header> {
        if row.len() < 3 || row.iter().any(|c| c.len() > 600) {
            return None;
        }
        let sure = |cell: &str| {
            Self::name_cell(cell)
                && cell
                    .split([',', ' '])
                    .filter(|w| !w.is_empty())
                    .all(is_strong_name)
        };
        let mut names = (0..row.len()).filter(|&c| sure(row[c].trim()));
        let (Some(name), None) = (names.next(), names.next()) else {
            return None;
        };
        if !(0..row.len()).any(|c| c != name && is_lifetime(row[c].trim())) {
            return None;
        }
        Self::inferred_roles(&[row.to_vec()], name)
    }

    /// Whether a row with no header of its own fits this header's columns, as the
    /// rows of the document's earlier table did: as many cells, a name in the name
    /// column, and a lifetime in the lifetime column (the header must have one: a
    /// row's cells say little else about their columns).
    pub(crate) fn fits(&self, row: &[&str]) -> bool {
        let Some(d) = self.cols.iter().position(|c| c.0 == Some(Role::Duration)) else {
            return false;
        };
        row.len() == self.len()
            && row[self.name].split([',', ' ']).any(|t| !t.is_empty())
            && Self::name_cell(row[self.name])
            && !is_strong_name(row[d].trim())
            && is_lifetime(row[d].trim())
    }

    /// The roles of an inferred header's columns once its name column is known: the
    /// column with the most lifetimes (half its cells at least), the column with the
    /// most category, storage or party labels, a column of vendors or hosts; the
    /// longest remaining
    /// column is the purpose, and a column of short names left beside it (`Shopify`,
    /// `Yandex Metrica`: capitalised, four words at most, no sentence) the provider.
    fn inferred_roles(rows: &[Vec<&str>], name: usize) -> Option<Header> {
        let n = rows.first()?.len();
        let v = vocab();
        let count =
            |col: usize, f: &dyn Fn(&str) -> bool| rows.iter().filter(|r| f(r[col].trim())).count();
        let mut cols: Vec<(Option<Role>, Rc<str>)> = (0..n)
            .map(|c| (None, Rc::from(format!("column {}", c + 1))))
            .collect();
        cols[name].0 = Some(Role::Name);
        // the lifetime column: at least half its cells lifetimes, and no column more
        // (of two rows, a purpose that mentions a session is half lifetimes too)
        let lifetimes: Vec<usize> = (0..n)
            .map(|c| {
                if c == name {
                    return 0;
                }
                count(c, &|cell| {
                    !more_words_than(cell, 8) && parse_duration(cell).kind != DurationKind::Unknown
                })
            })
            .collect();
        let most = (0..n)
            .filter(|&c| c != name)
            .map(|c| lifetimes[c])
            .max()
            .unwrap_or(0);
        // (of columns with as many, the shortest: `Session` beside `Maintains the
        // user's session`)
        if let Some(c) = (0..n)
            .filter(|&c| c != name && lifetimes[c] * 2 >= rows.len() && lifetimes[c] == most)
            .min_by_key(|&c| rows.iter().map(|r| r[c].len()).sum::<usize>())
        {
            cols[c].0 = Some(Role::Duration);
        }
        // vendors (`Google Ads`) and hosts (`collabhq.app`, as consent platforms name
        // providers)
        // (an aside after the name is the cell's: `Google Analytics (first-party)`)
        let bare = |cell: &str| cell.split('(').next().unwrap_or_default().trim_end().len();
        let vendors = |cell: &str| {
            let cell = &cell[..bare(cell)];
            vendor_prefix(cell) == Some(cell.len())
                || (is_host_or_file(cell) && !cell.contains(' '))
        };
        if let Some(c) =
            (0..n).find(|&c| cols[c].0.is_none() && count(c, &vendors) * 2 >= rows.len())
        {
            cols[c].0 = Some(Role::Provider);
        }
        // a column of parties alone (`First Party`, `Third Party`) is a type
        let party = |c: usize| {
            rows.iter().any(|r| !r[c].trim().is_empty())
                && rows.iter().all(|r| {
                    let cell = r[c].trim();
                    cell.is_empty() || v.is_first_party(cell)
                })
        };
        if let Some(c) = (0..n).find(|&c| cols[c].0.is_none() && party(c)) {
            cols[c].0 = Some(Role::Type);
        }
        // a column of labels (a category or storage named, three words at most): a
        // type column when its labels repeat or are single words (`Tecnico`,
        // `Analitico`); short phrases that name one (`Gestion de session`, `Gestion
        // statistique`) may be purposes
        let label = |cell: &str| {
            !more_words_than(cell, 3)
                && (v.category_of_label(cell).is_some() || v.storage_of(cell).is_some())
        };
        let labels: Vec<usize> = (0..n).map(|c| count(c, &label)).collect();
        let type_like = |c: usize| {
            let mut filled: Vec<&str> = rows
                .iter()
                .map(|r| r[c].trim())
                .filter(|x| !x.is_empty())
                .collect();
            let all = filled.len();
            let single = filled.iter().all(|x| !x.contains(char::is_whitespace));
            filled.sort_unstable();
            filled.dedup();
            labels[c] > 0 && labels[c] * 2 >= rows.len() && (single || filled.len() < all)
        };
        // the purpose: the longest column left that is no type column; a table may
        // state none (host, names, party and lifetime columns)
        if let Some(purpose) = (0..n)
            .filter(|&c| cols[c].0.is_none() && !type_like(c))
            .max_by_key(|&c| rows.iter().map(|r| r[c].len()).sum::<usize>())
        {
            cols[purpose].0 = Some(Role::Purpose);
        }
        // the type column: of those left, the one with the most labels, half its
        // cells at least
        let most = (0..n)
            .filter(|&c| cols[c].0.is_none())
            .map(|c| labels[c])
            .max()
            .unwrap_or(0);
        if let Some(c) = (0..n).find(|&c| {
            cols[c].0.is_none() && labels[c] > 0 && labels[c] * 2 >= rows.len() && labels[c] == most
        }) {
            cols[c].0 = Some(Role::Type);
        }
        // the provider, when no vendor told it: the one column left, mostly of proper
        // names (every word capitalised, four words at most, no label, no sentence)
        if !cols.iter().any(|c| c.0 == Some(Role::Provider)) {
            let proper = |cell: &str| {
                let cell = &cell[..bare(cell)];
                !cell.is_empty()
                    && !more_words_than(cell, 4)
                    && cell.split_whitespace().all(|w| {
                        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                            || !w.contains(char::is_alphabetic)
                    })
                    && !cell.ends_with(['.', '!', '?', ':'])
                    && !v.is_first_party(cell)
                    && v.field(cell).is_none()
                    && v.category_of_label(cell).is_none()
            };
            let left: Vec<usize> = (0..n).filter(|&c| cols[c].0.is_none()).collect();
            let rows: Vec<&Vec<&str>> = rows.iter().collect();
            if let [c] = left[..] {
                if mostly(&rows, c, proper) {
                    cols[c].0 = Some(Role::Provider);
                }
            }
        }
        Some(Header { cols, name })
    }

    /// Confirm the name column by its cells: when most cells under the header's name
    /// column are phrases (`Google Analytics cookie (GA4)`) and another column holds
    /// one identifier per cell (`_ga`), that column is the name and the first is read
    /// as a label for the row's type and provider. `sample` is the rows that follow the
    /// header, cells as written.
    pub(crate) fn confirm(&mut self, sample: &[Vec<&str>]) {
        let rows: Vec<&Vec<&str>> = sample.iter().filter(|r| r.len() == self.len()).collect();
        if rows.is_empty() {
            return;
        }
        let one_name = |cell: &str| {
            let bare = cell.split('(').next().unwrap_or("").trim();
            !bare.is_empty()
                && !bare.contains(' ')
                && is_name_shaped(bare)
                && vocab().field(bare).is_none()
                // `Statistik-Cookies` is a category label, not a name
                && !(vocab().mentions_cookies(bare) && vocab().find_category(bare).is_some())
        };
        let share =
            |c: usize| rows.iter().filter(|r| one_name(r[c])).count() as f64 / rows.len() as f64;
        if rows.len() >= 2 {
            self.vote_lifetimes(&rows);
            self.vote_types(&rows);
        }
        self.vote_providers(&rows);
        // two columns headed as names (`Cookie | Nome`): the one of sure cookie names
        // is the name column, the other a label (`Webtrends`, `Adobe Analytics`). A
        // cell of names between commas (`OptanonConsent, OptanonAlertBoxClosed`) is
        // sure when each is one name-shaped token and one of them a sure name.
        fn bare(cell: &str) -> &str {
            cell.split('(').next().unwrap_or("").trim()
        }
        // (`Some(true)`: names, one a sure name; `Some(false)`: names, none sure; `None`:
        // a piece of words or no name)
        let names_cell = |cell: &str| {
            let mut strong = false;
            cell.split(',')
                .all(|piece| {
                    let b = bare(piece);
                    strong |= is_strong_name(b);
                    !b.is_empty() && !b.contains(' ') && is_name_shaped(b)
                })
                .then_some(strong)
        };
        let sure = |c: usize| {
            rows.iter()
                .filter(|r| names_cell(r[c]) == Some(true))
                .count() as f64
                / rows.len() as f64
        };
        // or, in a table of any length, the name column's cells are all words (`Third
        // Party`, `Cookies propriétaires`: no list between commas) and the twin's all
        // names that are no party's word (`Propias`)
        let worded = |c: usize| {
            rows.iter().all(|r| {
                let cell = r[c].trim();
                cell.contains(' ') && !cell.contains(',') && names_cell(cell).is_none()
            })
        };
        let named = |c: usize| {
            rows.iter()
                .all(|r| names_cell(r[c]).is_some() && !vocab().mentions_party(r[c]))
        };
        let named_twin = (0..self.len()).find(|&c| {
            c != self.name
                // (a name known as a vendor's too, `wistia`, may have voted it the
                // provider column)
                && matches!(self.cols[c].0, None | Some(Role::Provider))
                && vocab().field(&self.cols[c].1) == Some(Role::Name)
                && ((sure(c) >= 0.5 && sure(c) > sure(self.name))
                    || (worded(self.name) && named(c)))
        });
        if let Some(c) = named_twin {
            // the label names a category (`Analytics cookie`) or the service
            // (`Webtrends`); a party (`Third Party`) is no provider
            let v = vocab();
            let labels =
                |cell: &str| v.category_of_label(cell).is_some() || v.storage_of(cell).is_some();
            self.cols[self.name].0 = if mostly(&rows, self.name, labels) {
                Some(Role::Type)
            } else if mostly(&rows, self.name, |cell| v.mentions_party(cell)) {
                None
            } else {
                Some(Role::Provider)
            };
            self.cols[c].0 = Some(Role::Name);
            self.name = c;
            return;
        }
        if share(self.name) >= 0.5 || rows.len() < 2 {
            return;
        }
        let better = (0..self.len())
            .filter(|&c| c != self.name && matches!(self.cols[c].0, None | Some(Role::Name)))
            .filter(|&c| {
                rows.iter()
                    .any(|r| is_strong_name(r[c].split('(').next().unwrap_or("").trim()))
            })
            .find(|&c| share(c) >= 0.8);
        if let Some(c) = better {
            self.cols[self.name].0 = Some(Role::Type);
            self.cols[c].0 = Some(Role::Name);
            self.name = c;
        }
    }

    /// A column whose header says nothing known (`deadline`, `Session or persistent`)
    /// but whose cells are mostly lifetimes is the duration column, when the table has
    /// none.
    fn vote_lifetimes(&mut self, rows: &[&Vec<&str>]) {
        if self.cols.iter().any(|c| c.0 == Some(Role::Duration)) {
            return;
        }
        let found = (0..self.len())
            .find(|&c| c != self.name && self.cols[c].0.is_none() && mostly(rows, c, is_lifetime));
        if let Some(c) = found {
            self.cols[c].0 = Some(Role::Duration);
        }
    }

    /// A purpose or unnamed column whose cells are mostly short category labels
    /// (`Funktional`, `Technisch notwendig` under `Zweck`) is the type column; the
    /// purpose is then the unnamed column of the longest cells.
    fn vote_types(&mut self, rows: &[&Vec<&str>]) {
        if self.cols.iter().any(|c| c.0 == Some(Role::Type)) {
            return;
        }
        let v = vocab();
        let label = |cell: &str| !more_words_than(cell, 4) && v.category_of_label(cell).is_some();
        // under a purpose header the cells must be bare labels (`Analytics`, `Cookies
        // de análise`): `Preferência de idioma` is a purpose that opens with a category
        let bare_label =
            |cell: &str| label(cell) && (!more_words_than(cell, 2) || v.mentions_cookies(cell));
        let found = (0..self.len()).find(|&c| {
            c != self.name
                && match self.cols[c].0 {
                    None => mostly(rows, c, label),
                    Some(Role::Purpose) => mostly(rows, c, bare_label),
                    _ => false,
                }
        });
        let Some(c) = found else { return };
        self.cols[c].0 = Some(Role::Type);
        if self.cols.iter().any(|c| c.0 == Some(Role::Purpose)) {
            return;
        }
        let words = |c: usize| rows.iter().map(|r| word_count(r[c])).sum::<usize>();
        if let Some(p) = (0..self.len())
            .filter(|&c| c != self.name && self.cols[c].0.is_none())
            .max_by_key(|&c| words(c))
            .filter(|&c| words(c) >= 4 * rows.len())
        {
            self.cols[p].0 = Some(Role::Purpose);
        }
    }

    /// A column whose header says nothing known (`Origine`, `Platziert von`) but
    /// whose cells are mostly vendors (`Google`, `hotjar.com`), first-party words (`Prima
    /// parte`) or placeholders (`-`), one vendor at least, is the provider column, when
    /// the table has none. A table of one row is enough when its cell is a vendor.
    fn vote_providers(&mut self, rows: &[&Vec<&str>]) {
        if self.cols.iter().any(|c| c.0 == Some(Role::Provider)) {
            return;
        }
        let v = vocab();
        let party = |cell: &str| {
            is_vendor_cell(cell)
                || (!more_words_than(cell, 4) && (v.is_first_party(cell) || v.is_placeholder(cell)))
        };
        let found = (0..self.len()).find(|&c| {
            c != self.name
                && self.cols[c].0.is_none()
                && mostly(rows, c, party)
                && rows.iter().any(|r| is_vendor_cell(r[c].trim()))
        });
        if let Some(c) = found {
            self.cols[c].0 = Some(Role::Provider);
        }
    }

    /// Does this row repeat the header (a header row repeated mid-table)?
    pub(crate) fn is_repeat(&self, cells: &[&str]) -> bool {
        // (the first bytes first: a row's cells nearly never start as the header's do,
        // and each form is a new string)
        cells.len() == self.cols.len()
            && !cells
                .iter()
                .zip(&self.cols)
                .any(|(c, (_, h))| forms_surely_differ(c, h))
            && cells
                .iter()
                .zip(&self.cols)
                .all(|(c, (_, h))| match_form(c) == match_form(h))
    }

    /// Number of columns.
    pub(crate) fn len(&self) -> usize {
        self.cols.len()
    }
}

/// The rows of a table being read. Only the last can still grow (continuation lines,
/// a wrapped last cell): it is kept with the context it was read under, and the rows
/// before it are records already, not held to the table's end (a table of 10^6 rows
/// held them all twice over, as rows and as records).
#[derive(Debug, Default)]
pub(crate) struct Rows<'a> {
    last: Option<(Row<'a>, Context)>,
    /// Records this table made (its last one is `doc`'s last: see
    /// [`carry_cell`]).
    made: usize,
}

impl<'a> Rows<'a> {
    /// No row read yet.
    pub(crate) fn is_empty(&self) -> bool {
        self.last.is_none()
    }

    /// The row read last, which later lines may add to.
    pub(crate) fn last_mut(&mut self) -> Option<&mut Row<'a>> {
        self.last.as_mut().map(|(row, _)| row)
    }

    /// A new row, read under `ctx`: the one before it becomes a record of `doc`.
    pub(crate) fn push(
        &mut self,
        row: Row<'a>,
        ctx: &Context,
        header: &Header,
        doc: &mut RawDoc<'a>,
    ) {
        self.finish(header, doc);
        self.last = Some((row, ctx.clone()));
    }

    /// The table ends: its last row becomes a record of `doc`.
    pub(crate) fn finish(&mut self, header: &Header, doc: &mut RawDoc<'a>) {
        if let Some((mut row, ctx)) = self.last.take() {
            let lacked = row.realign(header);
            if let Some(mut rec) = row.into_aligned_record(header, &ctx) {
                if let Some(col) = lacked.filter(|_| self.made > 0) {
                    carry_cell(header, &mut rec, doc.records.last(), col);
                }
                doc.records.push(rec);
                self.made += 1;
            }
        }
    }
}

/// A row being assembled: each cell is one or more fragments (continuation lines).
///
/// The row is `width` cells wide, but holds only the cells up to the last one
/// filled: a row under a header of 145,000 columns (a page's header row run on)
/// held 32 bytes for each, empty (`docs/performance.md`, "Round 15").
#[derive(Debug, Clone, Default)]
pub(crate) struct Row<'a> {
    /// Cells `0..cells.len()`; those after are empty.
    cells: Vec<Frags<'a>>,
    width: usize,
    pub span: Option<Span>,
}

impl<'a> Row<'a> {
    pub(crate) fn with_len(n: usize) -> Self {
        Row {
            cells: Vec::new(),
            width: n,
            span: None,
        }
    }

    /// The fragments of cell `i` (none past the last cell filled).
    pub(crate) fn cell(&self, i: usize) -> &[Fragment<'a>] {
        self.cells.get(i).map_or(&[], |c| c)
    }

    /// The cells up to the last one filled, in order (the rest are empty).
    pub(crate) fn into_cells(self) -> Vec<Frags<'a>> {
        self.cells
    }

    /// Append a fragment to cell `i` (cells past the header's end join the last one).
    pub(crate) fn add(&mut self, i: usize, f: Fragment<'a>) {
        if f.text.trim().is_empty() || self.width == 0 {
            return;
        }
        let i = i.min(self.width - 1);
        if self.cells.len() <= i {
            self.cells.resize_with(i + 1, Frags::default);
        }
        // most cells are one fragment, kept inline
        self.cells[i].push(f);
    }

    pub(crate) fn cover(&mut self, s: Span) {
        self.span = Some(self.span.map_or(s, |o| o.cover(s)));
    }

    /// Append `piece`, a slice of `line`, to cell `i`, and cover the line.
    pub(crate) fn put(&mut self, i: usize, line: &Line<'a>, piece: &'a str) {
        self.add(i, frag(line, piece));
        self.cover(line.span());
    }

    /// Append the cells of `line` to cells `from`, `from + 1`, …, and cover the line.
    pub(crate) fn put_cells(&mut self, from: usize, line: &Line<'a>, cells: &[&'a str]) {
        for (q, c) in cells.iter().enumerate() {
            self.add(from + q, frag(line, c));
        }
        self.cover(line.span());
    }

    /// Number of non-empty cells.
    pub(crate) fn filled(&self) -> usize {
        self.cells.iter().filter(|c| !c.is_empty()).count()
    }

    /// The text of cell `i`, fragments joined.
    pub(crate) fn text(&self, i: usize) -> String {
        cell_text(&self.cells, i)
    }

    /// Realign the row's cells by their content ([`realign`]), the row of a copy
    /// that leaves out a cell spanning rows (a tab or delimited row, whose cells are
    /// counted, not drawn): the column of the cell the row lacked, if any.
    pub(crate) fn realign(&mut self, header: &Header) -> Option<usize> {
        realign(header, &mut self.cells, self.width, true)
    }

    /// The row as a raw record under `header`, its cells realigned by their content
    /// first ([`realign`]); `None` when the name cell is empty.
    pub(crate) fn into_record(mut self, header: &Header, ctx: &Context) -> Option<RawRecord<'a>> {
        realign(header, &mut self.cells, self.width, false);
        self.into_aligned_record(header, ctx)
    }

    /// [`Row::into_record`] of a row realigned already ([`Row::realign`]).
    fn into_aligned_record(self, header: &Header, ctx: &Context) -> Option<RawRecord<'a>> {
        let span = self.span?;
        let mut cells = self.cells;
        let names = std::mem::take(cells.get_mut(header.name)?);
        if names.is_empty() {
            return None;
        }
        let mut rec = RawRecord::new(names, span, ctx);
        rec.name_cell = true;
        for (i, cell) in cells.into_iter().enumerate() {
            if i == header.name {
                continue;
            }
            // the header is shared, not copied per cell of every row
            match header.cols.get(i) {
                Some((role, h)) => rec.push_shared(*role, h, cell),
                None => rec.push(None, "", cell),
            }
        }
        Some(rec)
    }
}

/// A cell spanning several rows (`Google` beside `_ga`, `_gid`, `_gat`; one
/// description for `_ga` and `_gid`) is copied as text into the first row only, and
/// the rows after it lack the cell (a cell kept empty says nothing of the kind:
/// `realign` tells which cell a row lacks). Such a record takes column `col` of the
/// record above it in the same table (`prev`), its span where it is written.
pub(crate) fn carry_cell<'a>(
    header: &Header,
    rec: &mut super::RawRecord<'a>,
    prev: Option<&super::RawRecord<'a>>,
    col: usize,
) {
    if col == header.name {
        return;
    }
    let Some((role, h)) = header.cols.get(col) else {
        return;
    };
    if rec.fields.iter().any(|f| f.header == *h) {
        return;
    }
    let Some(above) = prev.and_then(|p| p.fields.iter().find(|f| f.header == *h)) else {
        return;
    };
    rec.push_shared(*role, h, above.value.clone());
}

/// The text of cell `i` of `cells`, its fragments trimmed and joined by a space (empty
/// past the last cell).
fn cell_text(cells: &[Frags<'_>], i: usize) -> String {
    cells
        .get(i)
        .map(|c| {
            c.iter()
                .map(|f| f.text.trim())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

/// A row that lacks a cell (`_ga | 2 years | Distinguishes users |` under `Cookie |
/// Type | Duration | Description`) is realigned by content: when the duration column
/// holds no lifetime, the cell just before it does, and the last cell is empty, the
/// cells from there on move one column to the right; when a sure name stands just
/// before the name column, which holds none, the row lacks its first cell and moves
/// whole (only in a copy that may leave a cell out, `first_may_lack`). Returns the
/// column of the cell the row lacked (see [`carry_cell`]). `cells` are the row's
/// first cells (of `width`; the rest are empty).
fn realign(
    header: &Header,
    cells: &mut Vec<Frags<'_>>,
    width: usize,
    first_may_lack: bool,
) -> Option<usize> {
    // a row that lacks its first cell (a group cell spanning rows, `Google` beside
    // `_ga` and `_gid`, that the copy left out of the rows after the first): its sure
    // name stands one column early, and its last cell is empty
    let n = header.name;
    let mut lacked_first = false;
    if first_may_lack && n > 0 && width >= 3 && cells.get(width - 1).is_none_or(|c| c.is_empty()) {
        let early = cell_text(cells, n - 1);
        let early = early.trim();
        let at_name = cell_text(cells, n);
        // (a sure name, or one token beside a sentence where the name should be)
        // (words where the name should be, two or more that are no list of names:
        // `fr` beside `Delivers ads.`)
        let at_name = at_name.trim();
        let name_early = is_strong_name(early)
            || !early.contains(' ')
                && is_name_shaped(early)
                && more_words_than(at_name, 1)
                && !super::evidence::names_slot(at_name);
        if name_early && !is_strong_name(at_name) {
            cells.insert(0, Frags::default());
            cells.truncate(width);
            lacked_first = true;
        }
    }
    // (a row that lacked its first cell may lack another too: the lifetime's rule
    // below reads it as moved; the cell carried is the first)
    let first = lacked_first.then_some(0);
    let Some(d) = header.cols.iter().position(|c| c.0 == Some(Role::Duration)) else {
        return first;
    };
    if d == 0 || width < 3 {
        return first;
    }
    let j = d - 1;
    if j == header.name
        || cells.get(width - 1).is_some_and(|c| !c.is_empty())
        || is_lifetime(&cell_text(cells, d))
        || !is_lifetime(&cell_text(cells, j))
    {
        return first;
    }
    // the cells from `j` one to the right: the last, empty, drops off the end
    // (cell `j` holds a lifetime, so it is there to move)
    cells.insert(j, Frags::default());
    cells.truncate(width);
    first.or(Some(j))
}

/// A cell that states a lifetime: at most eight words that read as a session, a
/// persistent kind or a length (`2 years`, `Session (1 day)`).
/// A cell that is a vendor and nothing else: a listed vendor's name (`Google Ads`)
/// or a company written as its host (`Adalyser.com`, capitalised: a column of
/// lower-case hosts, `.inapub.co.uk`, is where the cookie is stored, not who sets it).
fn is_vendor_cell(cell: &str) -> bool {
    let company_host = || {
        cell.starts_with(|c: char| c.is_uppercase()) && !cell.contains(' ') && is_host_or_file(cell)
    };
    !more_words_than(cell, 4) && (vendor_prefix(cell) == Some(cell.len()) || company_host())
}

fn is_lifetime(cell: &str) -> bool {
    let d = parse_duration(cell);
    !more_words_than(cell, 8) && (d.kind != DurationKind::Unknown || d.iso8601.is_some())
}

/// Does column `c` hold mostly cells of one kind: filled in at least half the rows,
/// and `kind` true of at least 60 % of its filled cells?
pub(crate) fn mostly(rows: &[&Vec<&str>], c: usize, kind: impl Fn(&str) -> bool) -> bool {
    let filled: Vec<&str> = rows
        .iter()
        .map(|r| r[c].trim())
        .filter(|x| !x.is_empty())
        .collect();
    filled.len() * 2 >= rows.len()
        && filled.iter().filter(|x| kind(x)).count() * 10 >= filled.len() * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Of a headerless table's columns, the one with the most lifetimes is the
    /// lifetime column: with two rows, a purpose that mentions a session (`Maintains
    /// your session state`) is half lifetimes too, and the table had no purpose
    /// column left (it was not read at all).
    /// A key and a cookie's name whose words hold a header's (`Cookie-Name⇥plek-list-type`,
    /// a key-value row) are no header; a header of listed words stays one.
    #[test]
    fn an_identifier_beside_a_key_is_no_header() {
        assert!(Header::read(&["Cookie-Name", "plek-list-type"]).is_none());
        assert!(Header::read(&["Name", "session_type"]).is_none());
        assert!(Header::read(&["Cookie-Name", "Type"]).is_some());
        assert!(Header::read(&["Name", "Expiry", "Purpose"]).is_some());
    }

    #[test]
    fn two_rows_without_a_header() {
        use Role::{Duration, Name, Purpose};
        let cases = [
            (
                [
                    ["_ga", "Maintains your session state", "2 years"],
                    ["_gid", "Prevents cross-site request forgery", "1 day"],
                ],
                [Name, Purpose, Duration],
            ),
            // the lifetime column wherever it stands
            (
                [
                    ["_ga", "2 years", "Keeps the session alive"],
                    ["_gid", "1 day", "Counts visits"],
                ],
                [Name, Duration, Purpose],
            ),
        ];
        for (rows, want) in cases {
            let rows: Vec<Vec<&str>> = rows.iter().map(|r| r.to_vec()).collect();
            let h = Header::infer(&rows).expect("a table");
            let roles: Vec<Option<Role>> = h.cols.iter().map(|c| c.0).collect();
            assert_eq!(roles, want.map(Some), "{rows:?}");
        }
    }

    fn roles(h: &Header) -> Vec<Option<Role>> {
        h.cols.iter().map(|c| c.0).collect()
    }

    /// The columns of a headerless table told by their cells: a column of parties
    /// is a type (no purpose stated), a column of repeated or one-word category labels
    /// is a type beside a shorter purpose, short phrases that name a category are the
    /// purpose when nothing else is, and the one column left of proper names is the
    /// provider.
    #[test]
    fn columns_told_by_their_cells() {
        use Role::{Duration, Name, Provider, Purpose, Type};
        let cases: [(&[&[&str]], &[Role]); 4] = [
            (
                &[
                    &[
                        "careers.example.com",
                        "JSESSIONID",
                        "First Party",
                        "Session",
                    ],
                    &[
                        "vimeo.com",
                        "__cf_bm, vuid, player",
                        "Third Party",
                        "730 Days",
                    ],
                ],
                &[Provider, Name, Type, Duration],
            ),
            (
                &[
                    &[
                        "Cookie sessione",
                        "Tecnico",
                        "Chiusura browser",
                        "Navigazione",
                    ],
                    &["_ga", "Analitico", "2 anni", "Google Analytics"],
                    &["_gid", "Analitico", "24 ore", "Google Analytics"],
                ],
                &[Name, Type, Duration, Provider],
            ),
            (
                &[
                    &["Uetsid, uetvid", "DTD", "Gestion de session", "365 jours"],
                    &["_pk_id.", "Matomo", "Gestion statistique", "13 mois"],
                ],
                &[Name, Provider, Purpose, Duration],
            ),
            (
                &[
                    &[
                        "keep_alive",
                        "Used in connection with buyer localization.",
                        "Shopify",
                        "14 weeks",
                    ],
                    &[
                        "cecu",
                        "Stores the identity of logged-in users.",
                        "Crazy Egg",
                        "Session",
                    ],
                    &[
                        "esctx",
                        "Verifies your login.",
                        "Azure / Microsoft",
                        "Session",
                    ],
                ],
                &[Name, Purpose, Provider, Duration],
            ),
        ];
        for (rows, want) in cases {
            let rows: Vec<Vec<&str>> = rows.iter().map(|r| r.to_vec()).collect();
            let h = Header::infer(&rows).expect("a table");
            let want: Vec<Option<Role>> = want.iter().copied().map(Some).collect();
            assert_eq!(roles(&h), want, "{rows:?}");
        }
    }

    /// One row is read alone only beyond doubt: sure names in one cell, a lifetime
    /// in another, three cells at least; a name in one row of five may have a shape
    /// no name test takes, but not in the first two rows.
    #[test]
    fn one_row_and_odd_names() {
        use Role::{Duration, Name, Purpose};
        let h = Header::infer_row(&["_fbp", "Identifies browsers for ad targeting", "3 months"])
            .expect("a cookie beyond doubt");
        assert_eq!(roles(&h), [Some(Name), Some(Purpose), Some(Duration)]);
        // a plan and its price, no sure name; a cookie without a lifetime; two cells
        for row in [
            &["Basic", "Five projects", "1 month"][..],
            &["_ga", "Google Analytics", "Distinguishes users"],
            &["_ga", "2 years"],
        ] {
            assert!(Header::infer_row(row).is_none(), "{row:?}");
        }
        let mut rows: Vec<Vec<&str>> = ["_ga", "_gid", "_gat", "_fbp", "pagead/1p-user-list/#"]
            .iter()
            .map(|n| vec![*n, "Google", "Measures visits", "1 day"])
            .collect();
        assert_eq!(Header::infer(&rows).map(|h| h.name), Some(0));
        rows.swap(1, 4);
        assert!(
            Header::infer(&rows).is_none(),
            "an odd name in the second row"
        );
    }

    /// A second header that names cookies (`Cookies used` beside `Cookies`, whose
    /// cells are parties) is no name column, but it is a header's word: beside a
    /// word no list holds, the row is still a header, its name column the first.
    #[test]
    fn a_second_name_header_is_a_header_word() {
        let h = Header::read(&["Gruppe", "Cookies", "Cookies used"]).expect("a header");
        assert_eq!(h.name, 1);
        assert_eq!(h.cols[2].0, None);
        assert!(Header::read(&["Group", "Cookies", "Cookie"]).is_some());
        // one header word among data is still no header
        assert!(Header::read(&["example.com", "Cookies", "2 years"]).is_none());
    }

    /// A row of `label: value` cells is a record on one line, not a header, though
    /// its labels are header words; a header may hold a colon of its own.
    #[test]
    fn paired_cells_are_no_header() {
        let row = [
            "Nome do cookie: anj",
            "Fornecedor: Xandr",
            "Expiração: 90 dias",
            "Tipo: Marketing",
        ];
        assert!(Header::read(&row).is_none());
        assert!(Header::read(&["Name", "Provider", "Expiry", "Type"]).is_some());
        assert!(Header::read(&["Name:", "Provider:", "Expiry (days): approx.", "Type"]).is_some());
    }

    /// A header of two unlisted words (`Chiave`, `Origine`) over a column of cookie
    /// names and a column of vendors: the first is the name column (one row of sure
    /// names is enough), the second the provider column, by their cells. A row of
    /// data is no header; nor is a header whose unknown columns hold no evidence.
    #[test]
    fn unlisted_headers_read_from_their_cells() {
        let head = ["Chiave", "Origine", "Utilizzo", "Persistenza"];
        let one = vec![vec![
            "_curtime",
            "Reddit",
            "Misura le campagne.",
            "1 giorno",
        ]];
        let mut h = Header::read_unnamed(&head, &one).expect("a header");
        assert_eq!(h.name, 0);
        assert_eq!(h.cols[1].0, None);
        h.confirm(&one);
        assert_eq!(h.cols[1].0, Some(Role::Provider));
        let rows = vec![
            one[0].clone(),
            vec![
                "am_tokens",
                "Prima parte",
                "Memorizza la lingua.",
                "Sessione",
            ],
            vec!["plek-list-type", "-", "Mostra le mappe.", "2 anni"],
        ];
        let mut h = Header::read_unnamed(&head, &rows).expect("a header");
        h.confirm(&rows);
        assert_eq!(h.cols[1].0, Some(Role::Provider));
        // a column of lower-case hosts is where the cookie lives, not who sets it
        let hosts = vec![
            vec!["_ga", ".example.com", "Distinguishes users.", "2 years"],
            vec!["_gid", ".example.com", "Distinguishes users.", "1 day"],
        ];
        let mut h = Header::read_unnamed(&["Key", "Origin", "Purpose", "Expiry"], &hosts)
            .expect("a header");
        h.confirm(&hosts);
        assert_eq!(h.cols[1].0, None);
        // a row of data is no header; words no rows explain are none either
        assert!(Header::read_unnamed(&rows[0], &rows[1..]).is_none());
        let wordy = vec![
            vec!["_ga", "Zeta", "Eta", "Theta"],
            vec!["_gid", "Zeta", "Eta", "Iota"],
        ];
        assert!(Header::read_unnamed(&["Alpha", "Beta", "Gamma", "Purpose"], &wordy).is_none());
    }

    /// Two headers that name cookies (`Cookies used` before `Cookies`, OneTrust's
    /// columns in another order): the name column is the one whose cells are names,
    /// lists of them between commas too, or, in a table of one row, the one beside a
    /// column of words; a column of parties is no provider's.
    #[test]
    fn of_two_name_headers_the_cells_choose() {
        let head = ["Lifespan", "Cookies used", "Cookies", "Cookie Subgroup"];
        let rows = vec![
            vec![
                "Session",
                "First Party",
                "JSESSIONID",
                "careers.example.com",
            ],
            vec![
                "364 Days, 364 Days",
                "First Party",
                "OptanonConsent, OptanonAlertBoxClosed",
                "europe.example.com",
            ],
            vec![
                "Session, 3650 Days",
                "First Party",
                "ARRAffinity, SC_ANALYTICS_GLOBAL_COOKIE",
                "www.example.com",
            ],
        ];
        let mut h = Header::read(&head).expect("a header");
        assert_eq!(h.name, 1);
        h.confirm(&rows);
        assert_eq!(
            (h.name, h.cols[2].0, h.cols[1].0),
            (2, Some(Role::Name), None)
        );
        // one row, its name no sure one (and a vendor's word too)
        for name in ["dbln", "wistia"] {
            let one = vec![vec!["Session", "Third Party", name, "cdn.example.net"]];
            let mut h = Header::read(&head).expect("a header");
            h.confirm(&one);
            assert_eq!(h.name, 2, "{name}");
        }
        // a party's word (`Propias`) is no name, and a list that ends in words is names
        let head = ["Duración", "Cookies", "Cookies utilizadas"];
        for (names, twin) in [
            ("DYID y otros identificadores", "Propias"),
            ("DYID, axeptio_all_vendors y otros", "Stripe"),
        ] {
            let one = vec![vec!["Sesión", names, twin]];
            let mut h = Header::read(&head).expect("a header");
            h.confirm(&one);
            assert_eq!(h.name, 1, "{twin}");
        }
    }

    /// A lazily grown row realigns as a full-width row did (every cell present,
    /// `rotate_right` of the cells from the one before the duration column): every
    /// row of three to six cells filled from empty cells, lifetimes and other texts,
    /// under headers with the duration column in each place.
    #[test]
    fn lazy_rows_realign_as_full_rows() {
        fn full(header: &Header, cells: &mut [Vec<&str>]) {
            let Some(d) = header.cols.iter().position(|c| c.0 == Some(Role::Duration)) else {
                return;
            };
            let n = cells.len();
            if d == 0 || n < 3 {
                return;
            }
            let j = d - 1;
            if j == header.name
                || !cells[n - 1].is_empty()
                || is_lifetime(&cells[d].join(" "))
                || !is_lifetime(&cells[j].join(" "))
            {
                return;
            }
            cells[j..].rotate_right(1);
        }
        let texts = ["", "2 years", "Google", "Session"];
        let mut checked = 0;
        for width in 3..=6usize {
            for d in 0..width {
                let cols = (0..width)
                    .map(|c| {
                        let role = if c == d { Some(Role::Duration) } else { None };
                        (role, Rc::from(format!("h{c}").as_str()))
                    })
                    .collect();
                let header = Header { cols, name: 0 };
                // every row of these texts (base-4 digits of `k`)
                for k in 0..texts.len().pow(width as u32) {
                    let pick = |c: usize| texts[k / texts.len().pow(c as u32) % texts.len()];
                    let mut row = Row::with_len(width);
                    let mut want: Vec<Vec<&str>> = vec![Vec::new(); width];
                    for (c, w) in want.iter_mut().enumerate() {
                        row.add(
                            c,
                            Fragment {
                                text: pick(c),
                                offset: c,
                            },
                        );
                        if !pick(c).is_empty() {
                            w.push(pick(c));
                        }
                    }
                    full(&header, &mut want);
                    let mut cells = row.into_cells();
                    realign(&header, &mut cells, width, false);
                    let got: Vec<Vec<&str>> = (0..width)
                        .map(|c| {
                            cells
                                .get(c)
                                .map_or(Vec::new(), |f| f.iter().map(|f| f.text).collect())
                        })
                        .collect();
                    assert_eq!(got, want, "{width} {d} {k}");
                    assert!(cells.len() <= width);
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }
}
