//! The section context: what headings and prose declare about the records that
//! follow them (a category, a provider), and what the whole document declares.

use super::{frag, RawDoc};
use crate::chars::CharClass;
use crate::fields::duration::find_duration;
use crate::fields::names::is_structured_name;
use crate::fields::provider::{after_set_by, is_vendor_name, vendor_run};
use crate::fields::text::{
    contains_short, find_short, fold_whitespace, match_form, more_words_than, word_count_upto,
};
use crate::policy::Category;
use crate::segment::{Line, LineKind};
use crate::vocab::Role;
use crate::vocab::{vocab, word_spans, word_spans_iter};

/// What the text read so far declares for the records that follow.
#[derive(Debug, Clone, Default)]
pub(crate) struct Context {
    /// Category declared by the last heading that named one, with that heading.
    pub category: Option<(Category, String)>,
    /// Provider named by the current section's heading or prose.
    pub provider: Option<String>,
    /// [`Context::provider`] was named by a heading or group row, not by prose.
    pub provider_heading: bool,
    /// A category declared for the whole document.
    pub doc_category: Option<(Category, String)>,
    /// The last lead-in announced storage that is not cookies (`... in local storage:`).
    pub storage_leadin: bool,
    /// Index of the first record of the current section (records since the last heading).
    pub section_start: usize,
    /// The line just taken in was a heading (`Google Analytics` then `Statistics`).
    pub after_heading: bool,
    /// How deep the numbered heading that declared [`Context::category`] was (`3.3` → 2);
    /// a numbered heading as deep or shallower that names no category ends its scope.
    pub category_depth: Option<usize>,
    /// A table's group row named a known service (`Google Analytics` over its rows):
    /// the table's other one-cell group rows name services too, known or not.
    pub service_rows: bool,
    /// The category or provider was set by a group row (a label with its count) and
    /// no record was read since: a line under it that names nothing (a link's label,
    /// `Learn more about this provider`) does not end the group.
    pub group_row: bool,
    /// The key-value labels this document taught ([`super::labels`]): shared by
    /// every copy of the context.
    pub learned: std::rc::Rc<super::labels::Learned>,
    /// The columns of the last tab table read: a row of as many cells with no header
    /// of its own, whose cells fit them, is read under them (a document's tables
    /// share their columns; [`super::table::Header::fits`]).
    pub last_table: Option<std::rc::Rc<super::table::Header>>,
    /// The line of the company a provider's label alone named ([`labelled_company`]):
    /// read with its label, it is no heading of its own.
    pub labelled_value: Option<usize>,
    /// A label of the provider's service block kept it (`Usage`, `Description of
    /// Service`, `Processing Company`): before the block's first record, a line under
    /// it that only names cookies (`Cookies`, `Cookies placed`) is one more of the
    /// block's labels, over the service's own cookies.
    pub block_labelled: bool,
}

/// Whether `h` holds a byte that may start a word of its matching form: an ASCII
/// letter, digit, `_`, `'` or `` ` `` (folded to `'`), or any byte outside ASCII
/// (which folding may turn into letters: `™` → `tm`). Without one, the form's words
/// ([`crate::fields::text::words`]) are none.
fn has_ascii_word_byte_or_other(h: &str) -> bool {
    h.bytes()
        .any(|b| !b.is_ascii() || b.is_ascii_alphanumeric() || matches!(b, b'_' | b'\'' | b'`'))
}

/// How deep a heading's section number is: `3.` / `3` → 1, `3.3` → 2, none → `None`.
pub(crate) fn heading_depth(text: &str) -> Option<usize> {
    let t = text.trim().trim_start_matches('#').trim();
    // a section number starts with a digit (its first part is digits, not empty):
    // most headings have none, and are not split
    if !t.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let num: &str = t.split(' ').next().unwrap_or("");
    let num = num.trim_end_matches(['.', ')']);
    (!num.is_empty()
        && num.len() < t.len()
        && num
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
    .then(|| num.split('.').count())
}

/// The text of a heading without markdown marks and section numbers.
pub(crate) fn heading_text(text: &str) -> &str {
    let t = text.trim().trim_start_matches('#').trim();
    // `2.1 `, `3. `, `I. `, `iv) `
    let mut rest = t;
    let num_end = rest
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ')')
        .last()
        .map(|(i, c)| i + c.len_utf8());
    if let Some(n) = num_end {
        if rest[n..].starts_with(' ') {
            rest = rest[n..].trim_start();
        }
    } else if let Some((roman, tail)) = roman_split(rest) {
        if !roman.is_empty() && roman.len() <= 4 && roman.chars().all(|c| "IVXivx".contains(c)) {
            rest = tail;
        }
    }
    rest
}

/// `t.split_once(". ")` where it can name a roman number of up to four letters: the
/// first `. ` only when it starts within the first five bytes (a later one, or none,
/// gives `None`), so a long line is not searched through.
fn roman_split(t: &str) -> Option<(&str, &str)> {
    let head = &t.as_bytes()[..t.len().min(6)];
    let at = head.windows(2).position(|w| w == b". ")?;
    // (`.` is ASCII: `at` and `at + 2` are character boundaries)
    Some((&t[..at], &t[at + 2..]))
}

/// Does the line read as a heading: short, no sentence punctuation at its end?
pub(crate) fn is_heading(line: &Line<'_>) -> bool {
    if line.kind != LineKind::Text {
        return false;
    }
    let t = heading_text(line.text);
    // (every test must pass: the cheap ones that turn most prose away come first)
    if t.is_empty() || t.len() > 120 || t.ends_with(['.', ',', ';', ':', '!']) {
        return false;
    }
    // `Cookies : _ga, _gid` is a label and its value, not a heading
    let labelled = t
        .split_once(':')
        .is_some_and(|(_, v)| !v.trim().is_empty() && !v.starts_with("//"));
    if labelled || more_words_than(t, 12) {
        return false;
    }
    // a sentence ended inside (`We use X for statistics. Read more`: a link's text
    // glued after it) is prose; abbreviations (`Inc. Analytics`) are short words
    let sentence_inside = sentence_stops(t).any(|at| {
        t[..at]
            .rsplit(|c: char| !c.is_letter_or_digit())
            .next()
            .is_some_and(|w| w.chars().count() >= 4 && w.chars().all(char::is_lowercase))
    });
    !sentence_inside
}

/// The shortest line read as part of a paragraph wrapped at a fixed width: text
/// wrapped by a PDF tool or a mail client has lines of 60 to 100 bytes but its last.
const WRAPPED_MIN: usize = 40;

/// Whether line `i` is inside a sentence a fixed width wrapped onto the next line
/// (a PDF's or a plain-text copy's hard line ends): such a line is no heading, however
/// few its words (`These cookies collect information about how you use our site,
/// such as` / `which pages you visit …`). A long line whose sentence goes on — the
/// next line opens in lower case, or the line ends with a function word of any
/// language (`…, wie Sie unsere` / `Website nutzen.`) — into a sentence (the next
/// line ends one, or the two hold more words than a heading); or a line in lower
/// case after a long one that ended no sentence.
pub(crate) fn inside_wrapped_sentence(lines: &[Line<'_>], i: usize) -> bool {
    let text_of = |k: usize| {
        lines
            .get(k)
            .filter(|l| l.kind == LineKind::Text)
            .map(|l| l.text.trim())
            .filter(|t| !t.is_empty())
    };
    let Some(t) = text_of(i) else {
        return false;
    };
    let ends_sentence = |t: &str| t.ends_with(['.', ':', ';', '!', '?']);
    let opens_lower = |t: &str| t.chars().next().is_some_and(char::is_lowercase);
    if t.len() >= WRAPPED_MIN && !ends_sentence(t) {
        if let Some(next) = text_of(i + 1) {
            let goes_on = || opens_lower(next) || crate::vocab::affixes::ends_with_function_word(t);
            // (a heading wrapped in two, `Cookies necessary for the platform to
            // function properly/functionality` / `cookies`, stays a heading; the two
            // lines' words are counted apart, a space standing between them)
            let sentence =
                ends_sentence(next) || word_count_upto(t, 13) + word_count_upto(next, 13) > 12;
            if sentence && goes_on() {
                return true;
            }
        }
    }
    opens_lower(t)
        && i > 0
        && text_of(i - 1).is_some_and(|p| p.len() >= WRAPPED_MIN && !ends_sentence(p))
}

/// Where `. ` stands in `t`: `t.match_indices(". ")`'s positions, by a byte scan
/// (no substring searcher is built per call; the pattern cannot overlap itself).
fn sentence_stops(t: &str) -> impl Iterator<Item = usize> + '_ {
    t.as_bytes()
        .windows(2)
        .enumerate()
        .filter_map(|(at, w)| (w == b". ").then_some(at))
}

/// Whether a space stands before a `-` or a byte that may start `–` / `—` (all
/// three are read after a space as a service line's separator): when not, the line
/// holds none of them.
fn has_spaced_dash(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b' ' && (w[1] == b'-' || w[1] == 0xE2))
}

impl Context {
    /// Take in a group row's label (`Necessary` of `Necessary  15`, `Hubspot` of
    /// `[Hubspot4](#)`, a title over a line holding its count): a category, a group
    /// of no service, or the service whose cookies follow.
    pub(crate) fn take_group_label(&mut self, label: &str, doc: &RawDoc<'_>) {
        self.storage_leadin = false;
        self.service_rows = false;
        self.section_start = doc.records.len();
        match heading_category(label).filter(|_| !is_brand(label)) {
            Some(c) => {
                self.category = Some((c, fold_whitespace(label)));
                self.provider = None;
            }
            // `Cookies (4)`, `Other  2`: a group of no service
            None if vocab().mentions_cookies(label) || more_words_than(label, 4) => {
                self.provider = None;
            }
            None => {
                self.provider = Some(label.to_string());
                self.block_labelled = false;
                self.provider_heading = true;
            }
        }
        self.after_heading = true;
        self.group_row = true;
    }

    /// Take in a line no layout parser took: a heading or a line of prose.
    pub(crate) fn observe<'a>(&mut self, lines: &[Line<'a>], i: usize, doc: &mut RawDoc<'a>) {
        let line = &lines[i];
        let text = line.text.trim();
        // a consent platform's group row: a label with its count (`Necessary 15`,
        // `[Cookiebot2](#)`, `Statistiques (17)`) names a category or a service
        if let Some(label) = group_label(text) {
            self.take_group_label(label, doc);
            return;
        }
        // a provider's label on a line of its own and the company on the next
        // (`Processing Company` / `Piano`, a consent panel's cells one per line):
        // the company names the section's provider, as a provider key does; its line
        // is read with the label's
        if self.labelled_value == Some(i) {
            return;
        }
        // a line of links' labels (`En savoir plus - Voir le site officiel`, under a
        // service's name in a consent panel) is no heading: the section goes on
        if vocab().is_link_labels(text) {
            return;
        }
        if let Some((company, at)) = labelled_company(lines, i) {
            self.provider = Some(company.to_string());
            self.provider_heading = true;
            self.labelled_value = Some(at);
            // (the service's block begins here: the labels under it keep it)
            self.section_start = doc.records.len();
            self.block_labelled = true;
            return;
        }
        // (a service named by its host, `Consentmanager.net` over `We use
        // Consentmanager.net for …`, or by one word in camel case, `DornifyForms`, or
        // over a line that calls it a service, `velqora` / `This service can …`, or
        // that says what it is, `comScore` / `comScore is a service …`, is a heading,
        // where such a token alone is a value)
        // (the service so named is kept for the heading path below: its evidence is
        // asked once)
        let mut value_service = None;
        let mut value_heads = || {
            let t = heading_text(text);
            if crate::fields::names::is_host_or_file(t)
                || is_camel_brand(t)
                || spoken_of_below(lines, i)
                || subject_below(lines, i, before_aside(t))
            {
                value_service = named_service(lines, i, t);
            }
            value_service.is_some()
        };
        if is_heading(line)
            && (!is_value_line(text) || value_heads())
            && !inside_wrapped_sentence(lines, i)
        {
            let h = heading_text(text);
            self.storage_leadin = false;
            self.service_rows = false;
            // records were read since the last heading: a service's block has begun
            let read_since = doc.records.len() > self.section_start;
            self.section_start = doc.records.len();
            // (the vendor run is read once for the category and the service)
            let run = vendor_run(h);
            let mut category = heading_category_given(h, run);
            let mut vendor = heading_service(h, run, category.is_some());
            // (a service's name before its company declares no category, whatever
            // words it holds: `Pinterest Ads conversion tracking (Pinterest Europe
            // Ltd.)`; the section's heading does)
            if category.is_some()
                && vendor.as_deref() == Some(before_aside(h))
                && in_company_aside(h)
            {
                category = None;
            }
            // a service no list knows, named by what the text says of it: its name
            // is the whole heading, and a category word in it (`Peltram Analytics`)
            // is part of the name, as in a known vendor's (`Google Analytics`)
            if vendor.is_none() {
                if let Some(service) = value_service.or_else(|| named_service(lines, i, h)) {
                    category = None;
                    vendor = Some(service);
                }
            }
            // the title of a group row written on two lines (`Bixvyn Analytics` / `2`):
            // a brand's name declares no category (the count line makes it the group's
            // provider: `take_group_label`)
            if category.is_some()
                && vendor.is_none()
                && lines
                    .get(i + 1)
                    .is_some_and(|n| split_group_row(text, n.text).is_some())
                && is_brand(h)
            {
                category = None;
            }
            // a category heading right under a service's heading keeps the service; so
            // does a label or group row of the service's block (`Usage`, `Sharing data`,
            // `Partage de données`, `Marketing/Tracking`: three words at most that name
            // no vendor or cookies and carry no section number)
            // (the section number is read once, for the block label and the scope)
            let depth = heading_depth(text);
            // (after the block's records, only a category line is one of its labels:
            // another heading opens the next block, `Funda` after the cookies of
            // `Mediarithmics`, and the last service's name ends there)
            // (before the block's first record, a longer line too: a link's label
            // under the service's name, `Voir le site officiel`, `Read the privacy
            // policy of this provider`)
            // (so is the title a consent platform sets over the service's table of
            // cookies, `Technical cookie definitions`, after the cookies of the
            // service before too)
            let table_title = || vocab().is_table_title(h);
            // (a title right over cookie items is the next service's, named or not:
            // `• Piano` / `◦ cX_P – 13 months – …` after `• Beeswax` and its cookies)
            let over_items = || category.is_none() && items_below(lines, i);
            // (and, once another label kept the service and before the block's first
            // record, a short line that names cookies and no party: `Cookies placed`,
            // `Cookies`, over the service's own)
            let cookies_label = || {
                self.block_labelled
                    && !read_since
                    && category.is_none()
                    && !more_words_than(h, 3)
                    && !vocab().mentions_party(h)
            };
            let block_label = self.provider_heading
                && depth.is_none()
                && !more_words_than(h, if read_since { 3 } else { 7 })
                && ((!vocab().mentions_cookies(h) && (!read_since || category.is_some()))
                    || table_title()
                    || cookies_label())
                && !over_items();
            // under a group row, before its first record, a line that names no vendor,
            // category or cookies leaves the group as it is
            if self.group_row
                && doc.records.len() == self.section_start
                && vendor.is_none()
                && category.is_none()
                && depth.is_none()
                && !vocab().mentions_cookies(h)
            {
                return;
            }
            self.group_row = false;
            if vendor.is_some() || !(self.after_heading && category.is_some() || block_label) {
                self.provider_heading = vendor.is_some();
                self.provider = vendor;
                self.block_labelled = false;
            } else if block_label {
                self.block_labelled = !read_since;
            }
            match category {
                Some(c) => {
                    self.category = Some((c, fold_whitespace(h)));
                    self.category_depth = depth;
                }
                // `3.4 Third-party cookies` after `3.3 Marketing cookies`: a sibling
                // section that names no category ends the last one's scope
                None if depth.is_some_and(|d| self.category_depth.is_some_and(|cd| d <= cd)) => {
                    self.category = None;
                    self.category_depth = None;
                }
                // `Cookies von Drittanbietern`, `Third-party cookies`: cookies sorted by
                // who sets them, not by purpose, start a section of no category
                // (party words are the rarer in headings: asked first)
                None if vocab().mentions_party(h) && vocab().mentions_cookies(h) => {
                    self.category = None;
                    self.category_depth = None;
                }
                None => {}
            }
            self.after_heading = true;
            return;
        }
        self.after_heading = false;
        // a provider key on a line of its own (`Anbieter: Google Ireland Limited,
        // Gordon House, …`) names the provider of the section's cookies, over its
        // heading: the company up to its address
        if let Some((_, Role::Provider, value)) = super::keyvalue::kv_line(text) {
            let company = stated_company(value);
            // (a web address under a `Service URL` key names no company)
            let address = contains_short(company, "://")
                || company.starts_with("www.")
                || crate::fields::names::is_host_or_file(company);
            // (`Provider: n/a` names no company: see `Vocab::is_placeholder`)
            if !company.is_empty()
                && !more_words_than(company, 6)
                && !address
                && !vocab().is_placeholder(company)
            {
                self.provider = Some(company.to_string());
                self.provider_heading = true;
                return;
            }
        }
        // Prose: a named vendor or `created by X` becomes the section's provider.
        // (a service heading's provider rules its section: `Google Analytics` over
        // `… fornito da Google LLC` in the text below it)
        // A line that is only a vendor's name (`.Hotjar`, a heading glued to the
        // sentence before it) names the next service.
        let bare = text.trim_matches(|c: char| !c.is_letter_or_digit());
        // (the vendor run of `bare`, read once: see `sentence_vendor_from`)
        let bare_run = vendor_run(bare);
        if !bare.is_empty() && bare_run == Some((0, bare.len())) {
            self.provider = Some(bare.to_string());
            self.block_labelled = false;
            self.provider_heading = true;
            // (the next service's block begins: the labels under it keep it)
            self.section_start = doc.records.len();
        } else if !self.provider_heading {
            if let Some(p) =
                after_set_by(text).or_else(|| sentence_vendor_from(text, bare, bare_run))
            {
                self.provider = Some(p);
            }
        }
        if text.ends_with(':') {
            self.storage_leadin = vocab().mentions_local_storage(text);
            // `Strictly necessary cookies:` / `We use these analytics cookies:` lead a list
            let lead = text.trim_end_matches(':');
            // `Google Maps (se mappa embedded):` introduces that service's cookies
            // (the lead's words are counted once, for the service and the category)
            let lead_words = word_count_upto(lead, 9);
            // (a service no list knows is named whole: a category word in its name,
            // `Velqora Analytics:`, declares nothing)
            let mut unlisted_service = false;
            if lead_words <= 6 {
                let service = lead.split(" (").next().unwrap_or(lead).trim_end();
                // (a line of colons leads with nothing: no vendor, and nothing to read)
                if !service.is_empty() && is_vendor_name(service) {
                    self.provider = Some(service.to_string());
                    self.block_labelled = false;
                    self.provider_heading = true;
                } else if lead_words <= 4 {
                    // `Verve:` over its cookies: a service no list knows, by the
                    // evidence a heading's name is asked for
                    if let Some(service) = named_service(lines, i, lead) {
                        self.provider = Some(service);
                        self.block_labelled = false;
                        self.provider_heading = true;
                        self.section_start = doc.records.len();
                        unlisted_service = true;
                    }
                }
            }
            if lead_words <= 8 && !unlisted_service {
                if let Some(c) = heading_category(heading_text(lead)) {
                    self.category = Some((c, fold_whitespace(lead)));
                }
            }
        } else {
            // a paragraph that is not a list item closes a lead-in
            self.storage_leadin = self.storage_leadin && looks_like_item(text);
        }
        if self.doc_category.is_none() {
            self.doc_category = only_category(text);
        }
        self.these_cookies_last(line, doc);
    }

    /// `These cookies expire after 6 months`: a lifetime stated after a table or
    /// list for all its cookies is given to those of the section that state none.
    fn these_cookies_last<'a>(&self, line: &Line<'a>, doc: &mut RawDoc<'a>) {
        // the lifetime goes only to a record of the section that states none: with no
        // such record (most prose lines: before a section's table, after one whose
        // cookies state theirs) the line is not read for the phrase or a lifetime
        let start = self.section_start.min(doc.records.len());
        if doc.records[start..].iter().all(has_duration) {
            return;
        }
        let Some((phrase_start, phrase_end)) = demonstrative_cookies(line.text) else {
            return;
        };
        // a line that names cookies before the phrase (`We use Hotjar (_hjSession_*,
        // _hjSessionUser_*); these cookies last 1 year`) speaks of those: the prose
        // reader gives them the lifetime, and the section's others keep none
        if names_cookies(&line.text[..phrase_start]) {
            return;
        }
        // the lifetime after the phrase (`These cookies expire after 6 months`), or
        // before it in the same sentence (not in the next: `Lists all cookies
        // validated. It expires after 1 year.` speaks of its own cookie)
        let rest = &line.text[phrase_end..];
        let rest = &rest[..rest.find(". ").map_or(rest.len(), |p| p + 1)];
        let head = &line.text[..phrase_start];
        let head = &head[head.rfind(['.', '!', '?']).map_or(0, |p| p + 1)..];
        let piece = match find_duration(rest) {
            Some((s, e)) => &rest[s..e],
            None => match find_duration(head) {
                Some((s, e)) => &head[s..e],
                None => return,
            },
        };
        for rec in &mut doc.records[start..] {
            if !has_duration(rec) {
                rec.push(Some(Role::Duration), "duration", frag(line, piece));
            }
        }
    }
}

/// Where `These cookies` stands in `text`: the start of the demonstrative and the
/// end of the cookie word right after it, the first such pair in the first thirty
/// words (`Google documents a default lifetime of 2 years for these cookies`: no more
/// of a long line is read). The words are read as they come, each with the one
/// before it, and none is collected: this runs on every prose line of a section
/// with a record that states no lifetime, and a list of its words was built and
/// dropped for each.
fn demonstrative_cookies(text: &str) -> Option<(usize, usize)> {
    let mut before: Option<(usize, usize)> = None;
    for (s, e) in word_spans_iter(text).take(30) {
        if let Some((ds, de)) = before {
            // (the word is folded only after a demonstrative)
            if vocab().is_demonstrative_word(&text[ds..de])
                && vocab().is_cookie_word(&match_form(&text[s..e]))
            {
                return Some((ds, e));
            }
        }
        before = Some((s, e));
    }
    None
}

/// Whether a line of prose names cookies by names with an underscore (`_ga`,
/// `_hjSession_*`): what it says of a provider or a lifetime is said of those, which
/// the prose reader reads from the line, not of the section's other cookies (a
/// provider it names is kept for the line only: see `layout::parse_in`).
pub(crate) fn names_cookies(text: &str) -> bool {
    memchr::memchr(b'_', text.as_bytes()).is_some()
        && text
            .split_whitespace()
            .any(|t| is_structured_name(t.trim_matches(|c: char| !c.is_alphanumeric() && c != '_')))
}

/// Whether a record states a lifetime (a field read as one).
fn has_duration(rec: &super::RawRecord<'_>) -> bool {
    rec.fields.iter().any(|f| f.role == Some(Role::Duration))
}

/// A heading that names a service and what it does (`Google Analytics - Analisi del
/// traffico web`): the description, which the cookies of the block right after it
/// share as their purpose when they state none.
pub(crate) fn service_note<'a>(line: &Line<'a>) -> Option<super::Fragment<'a>> {
    let text = line.text;
    // (a dash between words is rare: looked for before the line is read as a heading,
    // on no more than a heading's length)
    // (on a short line the dash is looked for first: the scan costs less than reading
    // the heading's text, and most lines have no dash; all the tests are pure)
    let short = text.len() <= 256;
    if line.kind != LineKind::Text
        || (short && !has_spaced_dash(text))
        || heading_text(text).len() > 120
        || (!short && !has_spaced_dash(text))
    {
        return None;
    }
    let (at, sep) = [" - ", " – ", " — "]
        .iter()
        .find_map(|d| find_short(text, d).map(|p| (p, d.len())))?;
    if !is_heading(line) {
        return None;
    }
    let service = heading_text(&text[..at]);
    let desc = text[at + sep..].trim();
    (is_vendor_name(service) && more_words_than(desc, 1)).then(|| frag(line, desc))
}

/// A short line between records that reads as a value, not a heading: one token
/// that is not a capitalised word (`gale`, `_ga_`), or a lifetime (`30 seconds`). It
/// declares and resets nothing.
fn is_value_line(text: &str) -> bool {
    // (a heading set in bold, `**Marketing**`, is read as written plain)
    let t = crate::fields::text::strip_emphasis(text.trim());
    let one_token = !t.is_empty() && !t.contains(char::is_whitespace);
    // `Marketing`, `Statistik-Cookies`: capitalised words, hyphen-joined or not
    let capitalised_word = t.split('-').all(|p| {
        p.chars().next().is_some_and(char::is_uppercase)
            && p.chars().skip(1).all(char::is_lowercase)
    });
    // `FUNCTIONAL`, `PUBLICITÉ`: a category word in capitals is a heading, where
    // `JSESSIONID` is a value
    let category_in_capitals = t.chars().all(|c| c.is_letter() || c == '-')
        && !t.chars().any(char::is_lowercase)
        && heading_category(t).is_some();
    (one_token
        && !capitalised_word
        && !category_in_capitals
        && crate::fields::names::is_name_shaped(t))
        || crate::fields::duration::is_whole_duration(t)
}

/// The label of a group row that carries a count, the count taken off: a list item or
/// short line `Label  15` / `Label (15)`, or a list item made only of links whose
/// first link's text has the count glued on (`* [Cookiebot2](#)[Learn more …](…)`).
/// A heading or group row without a count is read by [`is_heading`] instead.
pub(crate) fn group_label(text: &str) -> Option<&str> {
    let t = text
        .trim()
        .trim_start_matches(crate::chars::is_bullet_or_space);
    let label = if let Some(inner) = t.strip_prefix('[') {
        // only links on the line: the first link's text is the label
        let close = inner.find("](")?;
        let label = &inner[..close];
        let mut rest = &inner[close + 2..];
        let end = rest.find(')')?;
        rest = &rest[end + 1..];
        if !rest.is_empty() && !rest.starts_with('[') {
            return None;
        }
        let digits = label.len() - label.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 || digits == label.len() {
            return None;
        }
        label[..label.len() - digits].trim()
    } else {
        let t = t.trim_end();
        let (label, count) = if let Some(open) = t.strip_suffix(')').and_then(|x| x.rfind('(')) {
            (&t[..open], &t[open + 1..t.len() - 1])
        } else {
            // a count set apart by two spaces or a tab (`Necessary  15`), not `Version 2`
            let count = t.rsplit([' ', '\u{a0}', '\t']).next()?;
            let gap_end = t.len() - count.len();
            let before = t[..gap_end].trim_end_matches([' ', '\u{a0}', '\t']);
            let gap = &t[before.len()..gap_end];
            if gap.chars().count() < 2 && !gap.contains('\t') {
                return None;
            }
            (before, count)
        };
        if !is_count(count) {
            return None;
        }
        let label = label.trim();
        if label.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        label
    };
    label_shaped(label)
}

/// A group row's count: one to three digits.
fn is_count(count: &str) -> bool {
    (1..=3).contains(&count.len()) && count.bytes().all(|b| b.is_ascii_digit())
}

/// A group row's label as [`group_label`] and [`split_group_row`] take one: one to
/// five words, at most 60 bytes, starting with a letter or digit, not ending as a
/// key or a sentence does, not a number.
fn label_shaped(label: &str) -> Option<&str> {
    let words = word_count_upto(label, 6);
    ((1..=5).contains(&words) && label.len() <= 60 && label.chars().next()?.is_letter_or_digit())
        .then_some(label)
        .filter(|l| !l.ends_with([':', '.', ',']) && !l.chars().all(|c| c.is_ascii_digit()))
}

/// A group row written on two lines (`Microsoft` / `1`, as a consent platform's
/// card list reads when copied as plain text): `count` is the line after `title`,
/// one to three digits alone; the title is a label as [`group_label`] takes one.
pub(crate) fn split_group_row<'a>(title: &'a str, count: &str) -> Option<&'a str> {
    let t = title.trim();
    if !is_count(count.trim()) || t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    label_shaped(t)
}

fn looks_like_item(text: &str) -> bool {
    text.starts_with(crate::chars::is_bullet)
}

/// The category a heading declares, once vendor names are taken out of it
/// (`Google Analytics` names a vendor, not the analytics category).
pub(crate) fn heading_category(h: &str) -> Option<Category> {
    heading_category_given(h, vendor_run(h))
}

/// [`heading_category`] given the [`vendor_run`] of `h`.
fn heading_category_given(h: &str, run: Option<(usize, usize)>) -> Option<Category> {
    // a heading of ASCII punctuation alone (`[`, `::`) has no word to name a category
    // (its matching form is that punctuation, lower-cased), so no dictionary is asked
    if !has_ascii_word_byte_or_other(h) {
        return None;
    }
    // (most headings name no vendor: they are read as they are, with no copy)
    let owned;
    let rest: &str = match run {
        None => h,
        Some((s, e)) => {
            let mut r = h.to_string();
            r.replace_range(s..e, " ");
            while let Some((s, e)) = vendor_run(&r) {
                r.replace_range(s..e, " ");
            }
            owned = r;
            &owned
        }
    };
    // (most headings hold no word that may start a category phrase, and declare none:
    // asked before their words are counted and their cookie words looked for; see
    // `Vocab::heading_category`)
    if !vocab().may_name_category(rest) {
        return None;
    }
    let words = word_count_upto(rest, 5);
    // a long heading must be about cookies to declare their category
    if words > 4 && !vocab().mentions_cookies(rest) {
        return None;
    }
    vocab().heading_category(rest)
}

/// The service a heading names, as written: a heading that opens with a vendor and
/// is only a service's name (`Google various services`, `Google Ads Optimization`;
/// a parenthetical qualifier dropped), or whose vendor is named only in its aside
/// (`Civic (Civic UK)`), is the provider whole; so is one that names its company in
/// the aside, wherever the vendor stands in it and up to [`MAX_SERVICE_WORDS`]
/// words, `&` and all (`Hotjar Heat Maps & Recordings (Hotjar Ltd.)`, `Monitoraggio
/// conversioni di Google Ads (Google Ireland Limited)`); a longer heading, or one
/// about cookies or a category, gives the vendor named in it.
///
/// `run` is the [`vendor_run`] of `h`.
fn heading_service(h: &str, run: Option<(usize, usize)>, names_category: bool) -> Option<String> {
    let (s, e) = run?;
    let plain = before_aside(h);
    // (a service named by its host is named as written: `Wix.com`, `Hotjar.com`)
    let host =
        || !plain.contains(char::is_whitespace) && crate::fields::names::is_host_or_file(plain);
    // (a vendor named only in the aside, `Civic (Civic UK)`, is the company behind
    // the service the heading names: the service is the provider)
    let in_aside = s >= plain.len();
    // (a company in the aside, `Hotjar Heat Maps & Recordings (Hotjar Ltd.)`, makes
    // the name before it a service's, however long: iubenda's headings)
    let company = in_company_aside(h);
    // (a category word in such a name is the name's: `Pinterest Ads conversion
    // tracking (Pinterest Europe Ltd.)`; not a category named alone, `Analytics
    // (Google LLC)`)
    let whole = (s == 0 || in_aside || company)
        && (!names_category || (company && vocab().category_whole(plain).is_none()))
        && (e <= plain.len() || in_aside)
        && !more_words_than(plain, if company { MAX_SERVICE_WORDS } else { 4 })
        && !vocab().mentions_cookies(plain)
        && (!plain.contains([':', ',', ';', '.', '/', '|', '&'])
            || host()
            || (company && !plain.contains([':', ',', ';', '.', '/', '|'])))
        && plain
            .split_whitespace()
            .all(|w| !w.chars().any(|c| c.is_ascii_digit()));
    Some(if whole { plain } else { &h[s..e] }.to_string())
}

/// The company a provider key states: its value up to the postal address
/// ([`Vocab::without_address`](crate::vocab::Vocab)) and without the aside after the
/// name (`Google Ireland Limited, Gordon House, …` → `Google Ireland Limited`,
/// `Google LLC (USA)` → `Google LLC`). Read by the section's provider key and by a
/// service's box.
pub(crate) fn stated_company(value: &str) -> &str {
    before_aside(vocab().without_address(value).trim())
}

/// How many words a service's name may have when the heading names its company
/// after it (`Facebook Like button and social widgets (Meta Platforms Ireland
/// Limited)`, `Pulsante Mi Piace e widget sociali di Facebook (…)`).
const MAX_SERVICE_WORDS: usize = 8;

/// Whether heading `h` ends with a bracketed company after its name, the company
/// named by its legal form (`(Hotjar Ltd.)`, `(Google Ireland Limited)`, `(Velqora
/// Media S.L.)`): the name before it ([`before_aside`]) is then a service's, as
/// iubenda's headings write a service and the company that provides it.
fn in_company_aside(h: &str) -> bool {
    let rest = find_short(h, " (").map_or("", |p| h[p..].trim());
    rest.strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .is_some_and(|inner| !inner.contains(['(', ')']) && vocab().ends_with_legal_form(inner))
}

/// A heading without the bracketed aside after its name (`Vidoomy (Vidoomy Media
/// SL)` → `Vidoomy`): `h.split(" (").next()`, by a byte scan.
fn before_aside(h: &str) -> &str {
    find_short(h, " (").map_or(h, |p| &h[..p]).trim()
}

/// One word in camel case, capitalised, of letters and digits (`DornifyForms`,
/// `CognitoForms`): how a brand is often written, and a cookie's name too; a
/// heading so written names a service only on the evidence [`named_service`] asks.
fn is_camel_brand(t: &str) -> bool {
    t.starts_with(char::is_uppercase)
        && t.chars().all(char::is_alphanumeric)
        && t.chars()
            .zip(t.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// A group row's label that holds a category word beside a brand's (`Bixvyn
/// Analytics  2` under `Statistics  5`): it names the provider, not the category. A
/// word no language's list holds, nor one a typo away from a listed word, is a
/// brand's.
fn is_brand(label: &str) -> bool {
    more_words_than(label, 1)
        && label.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.chars().count() >= 3
                && w.chars().all(char::is_alphabetic)
                && !crate::fields::repair::is_any_language_word(w)
                && !crate::fields::repair::is_near_any_language_word(&w.to_lowercase())
        })
}

/// How many lines after a heading are searched for its name (`Funda` / `Marketing` /
/// `Usage` / `We use Funda for …`: a consent platform's service block names its
/// service within its first lines).
const SERVICE_NAMED_WITHIN: usize = 6;

/// A heading no vendor list knows that names a service by evidence: a short name
/// (four words at most; a bracketed company after it dropped: `Vidoomy (Vidoomy Media
/// SL)`) that is no cookie name, no category and no word of any language's list (one
/// word of it at least: `Live helper chat` reads as a topic, as `Security` does), and
/// that the prose under it repeats, as written (`We use Funda for marketing`, `Belco
/// is a service provided by …`), or that a block of keys naming cookies follows
/// (`Cookies: _vq_id, _vq_ses`: a card's title). The service is the cookies'
/// provider under it.
fn named_service(lines: &[Line<'_>], i: usize, h: &str) -> Option<String> {
    // (a title may be an item of a list, its cookies the items under it: `• Verve`)
    let h = super::list::unbullet(h);
    let plain = before_aside(h);
    let first = plain.chars().next()?;
    // (a company in the aside is evidence of its own, and a service's name so
    // followed may be longer: `Velqora Heat Maps & Recordings (Velqora Ltd.)`)
    let company = in_company_aside(h);
    if more_words_than(plain, if company { MAX_SERVICE_WORDS } else { 4 })
        || plain.contains([':', ',', ';', '|', '?', '!', '"'])
        || plain.ends_with('.')
    {
        return None;
    }
    // the evidence first (the lines under most headings do not repeat them, and no
    // word of theirs is looked up), then what the heading is
    let finder = memchr::memmem::Finder::new(plain.as_bytes());
    let mentioned = |t: &str| {
        finder.find_iter(t.as_bytes()).any(|at| {
            let before = t[..at].chars().next_back();
            let after = t[at + plain.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
    };
    let after = lines[i + 1..].iter().filter(|l| !l.is_blank());
    // a card's title: a block of keys naming its cookies right under it (`Velqora` /
    // `Cookies: _vq_id, _vq_ses` / `Duration: 13 months`), the name's key among the
    // block's first (`Velqora` / `Privacy policy: https://…` / `Name: _vq_id`)
    // (after the service's own keys only: links no list knows, what it is for; a key
    // of the cookie's own before its name, `Speicherinformationen` / `Typ: Cookie` /
    // `Name: _x`, makes the title a label of the card's storage section)
    let card = || {
        super::keyvalue::names_by_key_below(lines, i, |r| matches!(r, None | Some(Role::Purpose)))
    };
    // … or a line right under it that speaks of the service (`This service can
    // install 4 cookies.`, a consent panel's line under each service)
    let spoken = spoken_of_below(lines, i);
    // … or the line under it opens with the heading's name, saying what it is
    // (`Verve (Verve)` / `Verve is a service provided by Verve …`): a name of common
    // words (`Command Act`) is a service's by that
    let subject = subject_below(lines, i, plain);
    // … or list items that declare cookies right under it (`Verve` / `• lkqdid –
    // 1 year – …`, `Outbrain:` / `- mdfrc – 4 months – …`): a service's title over
    // its cookies
    let items = || items_below(lines, i);
    // … or a card of bare keys right under it (`Velqora` / `_vq_id` / `Expiration 2
    // years` / `Function …`)
    let bare_card = || super::bare_keys::card_below(lines, i);
    let evidence = company
        || card()
        || spoken
        || subject
        || after
            .take(SERVICE_NAMED_WITHIN)
            .take_while(|l| l.kind == LineKind::Text)
            .any(|l| mentioned(l.text) && !is_heading(l))
        || items()
        || bare_card();
    // (a service named by its host is written in lower case: `dornify.io`; a line
    // that calls it a service is evidence enough for a name of one word that is a
    // word, `Piano`, or written in lower case, `velqora`)
    let named = evidence
        && (spoken
            || subject
            || first.is_uppercase()
            || first.is_ascii_digit()
            || crate::fields::names::is_host_or_file(plain))
        && !crate::fields::names::is_strong_name(plain)
        && !vocab().mentions_cookies(plain)
        && !vocab().mentions_party(plain)
        // (a field's label over its values, `Storage duration:` / `_ga: 2 years`,
        // names no service)
        && vocab().field(plain).is_none()
        // (a category named alone is a section's heading, even in a word no list
        // holds: `Funktional`, `Essenziell` over a block of keys)
        && vocab().category_whole(plain).is_none()
        && (subject
            || spoken && !plain.contains(char::is_whitespace)
            || !plain
                .split_whitespace()
                .all(crate::fields::repair::is_any_language_word));
    named.then(|| plain.to_string())
}

/// Whether the next line after line `i` that is not blank is a list item that
/// declares a cookie (`• lkqdid – 1 year – …`; [`super::list::is_cookie_item`]): line
/// `i` is then the title of the service those cookies belong to.
fn items_below(lines: &[Line<'_>], i: usize) -> bool {
    lines[i + 1..]
        .iter()
        .position(|l| !l.is_blank())
        .is_some_and(|d| super::list::is_cookie_item(lines, i + 1 + d))
}

/// The company line `i` labels: line `i` is a provider's label alone, as a table
/// lists it (`Processing Company`, `Anbieter`), and the next line that is not blank
/// a short value that is no label, placeholder or sentence (`Google Ireland
/// Limited`, `Piano`).
fn labelled_company<'a>(lines: &[Line<'a>], i: usize) -> Option<(&'a str, usize)> {
    let label = lines[i].text.trim();
    // (a label listed whole: the header words' reading takes sentences too,
    // `Provide spam protection`; a label is short: a line of megabytes is not
    // folded to be asked)
    if label.is_empty()
        || label.len() > 64
        || more_words_than(label, 3)
        // (the remembered reading first: most short lines are no provider's label)
        || vocab().field(label) != Some(Role::Provider)
        || vocab().field_listed(label) != Some(Role::Provider)
    {
        return None;
    }
    let at = i + 1 + lines[i + 1..].iter().position(|l| !l.is_blank())?;
    let next = &lines[at];
    let company = next.text.trim();
    // (a card's label right under the value makes both a card's, one no reader took:
    // `SOURCE` / `Wix.com` / `TYPE`; its provider is no section's)
    let in_card = lines.get(at + 1).is_some_and(|l| {
        let t = l.text.trim();
        !t.is_empty() && t.len() <= 64 && vocab().field_listed(t).is_some()
    });
    (next.kind == LineKind::Text
        && !in_card
        && !company.is_empty()
        && !more_words_than(company, 4)
        // (a full stop ends a sentence, or a legal form: `Nifyra Inc.`)
        && !company.ends_with(':')
        && (!company.ends_with('.') || vocab().ends_with_legal_form(company))
        && vocab().field(company).is_none()
        && !vocab().is_placeholder(company)
        && !vocab().is_first_party(company))
    .then_some((company, at))
}

/// Whether the first line under line `i` that is not blank nor links' labels speaks
/// of the service line `i` names (`This service can install 4 cookies.`, `Ce service
/// peut déposer …`): see [`crate::vocab::Vocab::opens_with_service_ref`].
fn spoken_of_below(lines: &[Line<'_>], i: usize) -> bool {
    first_said_below(lines, i).is_some_and(|l| vocab().opens_with_service_ref(l.text))
}

/// Whether the first line under line `i` that is not blank nor links' labels opens
/// with `name` and says it is a service ([`said_to_be_service`]).
fn subject_below(lines: &[Line<'_>], i: usize, name: &str) -> bool {
    first_said_below(lines, i).is_some_and(|l| said_to_be_service(name, l.text))
}

/// The first line of text under line `i` that is not blank and not only links'
/// labels (two such lines at most: a consent panel writes the service's links
/// between its name and the line about it, `Read more - View the official
/// website`); `None` when that line is no text.
fn first_said_below<'l, 'a>(lines: &'l [Line<'a>], i: usize) -> Option<&'l Line<'a>> {
    let mut links = 0;
    for l in lines[i + 1..].iter().filter(|l| !l.is_blank()) {
        if l.kind != LineKind::Text {
            return None;
        }
        if links < 2 && vocab().is_link_labels(l.text) {
            links += 1;
            continue;
        }
        return Some(l);
    }
    None
}

/// Whether `line` opens with `name`, then words that say what it is
/// ([`Vocab::opens_as_service`]: `Verve is a service provided by …`, `Piano est un
/// service …`), and what it says is no cookie (`auid is a cookie …` is a cookie's
/// description): the name is a service's.
pub(crate) fn said_to_be_service(name: &str, line: &str) -> bool {
    let Some(rest) = line.trim_start().strip_prefix(name) else {
        return false;
    };
    let v = vocab();
    if !rest.starts_with(' ') || !v.opens_as_service(rest) {
        return false;
    }
    // (the phrase is two words: what it says the name is stands in the next two)
    !rest
        .split_whitespace()
        .skip(2)
        .take(2)
        .any(|w| v.is_cookie_word(&match_form(w)))
}

/// Whether line `i` is a heading that names a service no list knows
/// ([`named_service`]): such a line after a table's last row opens the next
/// service's block (`rabix.io` / `We use rabix.io for …`), however it is written.
pub(crate) fn heads_service(lines: &[Line<'_>], i: usize) -> bool {
    is_heading(&lines[i]) && named_service(lines, i, heading_text(lines[i].text)).is_some()
}

/// A vendor named as the subject or object of a sentence about cookies or tracking.
fn sentence_vendor(text: &str) -> Option<String> {
    let (s, e) = vendor_run(text)?;
    // the vendor must stand near the start, not in a list of links further on
    (s <= 200).then(|| text[s..e].to_string())
}

/// [`sentence_vendor`] of `text`, given `bare` (`text` trimmed of what is not
/// alphanumeric at its ends) and its [`vendor_run`]: when what was trimmed holds no
/// word character (`_`, `'`, `’`), the words of `text` are those of `bare`, with the
/// same text between them, so the run is the same, moved by where `bare` starts;
/// otherwise `text` is read again.
fn sentence_vendor_from(
    text: &str,
    bare: &str,
    bare_run: Option<(usize, usize)>,
) -> Option<String> {
    let at = text.len()
        - text
            .trim_start_matches(|c: char| !c.is_letter_or_digit())
            .len();
    let word_char = |c: char| c == '_' || c == '\'' || c == '\u{2019}';
    let before = text.get(..at).unwrap_or("");
    let after = text.get(at + bare.len()..).unwrap_or("");
    if bare.is_empty() || before.contains(word_char) || after.contains(word_char) {
        return sentence_vendor(text);
    }
    let (s, e) = bare_run?;
    let (s, e) = (at + s, at + e);
    (s <= 200).then(|| text[s..e].to_string())
}

/// `The site only uses strictly necessary cookies.`: an "only" word next to a category
/// word (after it, or before it when the "only" word ends the sentence:
/// [`declared_near_only`]), in a sentence about cookies.
pub(crate) fn only_category(text: &str) -> Option<(Category, String)> {
    let v = vocab();
    // a category is read only after a word that is an "only" word by itself: text
    // with no word that may be one has none (the test looks at each word's form, and
    // folds only the words that are not ASCII, where `mentions_only` would fold the
    // whole text first; ASCII text is read without a fold there, and asked as before)
    if !text.is_ascii() && !may_hold_only_word(text) {
        return None;
    }
    if !v.mentions_only(text) || !v.mentions_cookies(text) {
        return None;
    }
    declared_near_only(text)
}

/// The category declared next to an "only" word of `text`: in the four words after
/// it, or, when it ends the sentence, in the four before it (`This website uses
/// essential cookies only.`, `cookies técnicas únicamente`; not `analytics cookies
/// only with your consent`, which says when, not which).
fn declared_near_only(text: &str) -> Option<(Category, String)> {
    let v = vocab();
    let spans = word_spans(text);
    for (i, &(s, e)) in spans.iter().enumerate() {
        if !v.mentions_only(&text[s..e]) {
            continue;
        }
        let stop = spans.len().min(i + 5);
        if i + 1 < stop {
            let window = &text[spans[i + 1].0..spans[stop - 1].1];
            if let Some(found) = declared_in(window) {
                return Some(found);
            }
        }
        let ends = text[e..]
            .trim_start()
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '.' | '!' | ';'));
        if ends && i > 0 {
            let window = &text[spans[i.saturating_sub(4)].0..spans[i - 1].1];
            if let Some(found) = declared_in(window) {
                return Some(found);
            }
        }
    }
    None
}

/// The category a window next to an "only" word declares: it names cookies and a
/// category, and negates neither (`nur notwendige Funktionen, keine Cookies`: the
/// cookies are denied, not typed).
fn declared_in(window: &str) -> Option<(Category, String)> {
    let v = vocab();
    if !v.mentions_cookies(window) || v.has_negation(window) {
        return None;
    }
    v.find_category(window)
        .filter(|&c| c != Category::Unknown)
        .map(|c| (c, fold_whitespace(window)))
}

/// The first words of the vocabulary's "only" phrases, in match form, each with
/// whether it is a stem (a one-word phrase written with `*`, which matches the words
/// it starts), read from the vocabulary tables as the vocabulary reads them; and the
/// bytes they start with.
struct OnlyWords {
    first: Vec<(String, bool)>,
    first_bytes: [bool; 256],
}

fn only_words() -> &'static OnlyWords {
    static W: std::sync::OnceLock<OnlyWords> = std::sync::OnceLock::new();
    W.get_or_init(|| {
        let mut first: Vec<(String, bool)> = Vec::new();
        for (_, _, phrase) in crate::vocab::table_rows().filter(|r| r.0 == "only") {
            let stem = phrase.trim_end().ends_with('*');
            let form = match_form(phrase.trim_end().trim_end_matches('*'));
            let ws: Vec<&str> = crate::fields::text::words(&form).collect();
            if let Some(w) = ws.first() {
                let entry = (w.to_string(), stem && ws.len() == 1);
                if !first.contains(&entry) {
                    first.push(entry);
                }
            }
        }
        let mut first_bytes = [false; 256];
        for (w, _) in &first {
            if let Some(&b) = w.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        OnlyWords { first, first_bytes }
    })
}

/// Whether `form_word` (a word of a [`match_form`]) may start an "only" phrase.
fn is_only_first(form_word: &str) -> bool {
    only_words().first.iter().any(|(f, stem)| {
        if *stem {
            form_word.starts_with(f.as_str())
        } else {
            form_word == f
        }
    })
}

/// Whether a word of `text` may be an "only" word by itself: true whenever
/// `vocab().mentions_only(word)` holds for a word of [`word_spans`]. Such a word's form
/// has a word that starts an "only" phrase. The words are read from the bytes: an
/// ASCII word's form is its lower case without the apostrophes at its ends (its first
/// byte is looked up before it is compared), a word with other characters is folded.
fn may_hold_only_word(text: &str) -> bool {
    let ow = only_words();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // to the next word character
        if b[i].is_ascii() {
            if !crate::vocab::FORM_WORD_BYTE[usize::from(b[i])] {
                i += 1;
                continue;
            }
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if !is_word_char(c) {
                i += c.len_utf8();
                continue;
            }
        }
        // the word: a run of word characters
        let start = i;
        let mut ascii = true;
        while i < b.len() {
            if b[i].is_ascii() {
                if !crate::vocab::FORM_WORD_BYTE[usize::from(b[i])] {
                    break;
                }
                i += 1;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                if !is_word_char(c) {
                    break;
                }
                ascii = false;
                i += c.len_utf8();
            }
        }
        let w = &text[start..i];
        let found = if ascii {
            // (the apostrophes at its ends, `'` bytes, taken off on the bytes)
            let mut t = w.as_bytes();
            while let [b'\'', rest @ ..] = t {
                t = rest;
            }
            while let [rest @ .., b'\''] = t {
                t = rest;
            }
            t.first()
                .is_some_and(|&f| ow.first_bytes[usize::from(f.to_ascii_lowercase())])
                && ow.first.iter().any(|(f, stem)| {
                    let f = f.as_bytes();
                    (t.len() == f.len() || (*stem && t.len() > f.len()))
                        && t[..f.len()].eq_ignore_ascii_case(f)
                })
        } else if starts_no_only_word(w, ow) {
            false
        } else {
            crate::fields::text::words(&match_form(w)).any(is_only_first)
        };
        if found {
            return true;
        }
    }
    false
}

/// Whether the form of the word `w` (not ASCII) is one word of [`words`] that starts
/// with a byte no "only" word starts with, read without folding it: `w` starts with an
/// ASCII letter (its form's first character is that letter in lower case), holds no
/// character that sends it to the mojibake repair, and each of its other characters
/// folds to characters that stay inside a word (`folds_within_word`), so the form is
/// not split. Most words of the languages written with diacritics are turned away
/// here, before [`match_form`] copies them.
fn starts_no_only_word(w: &str, ow: &OnlyWords) -> bool {
    w.as_bytes().first().is_some_and(|&b| {
        b.is_ascii_alphabetic() && !ow.first_bytes[usize::from(b.to_ascii_lowercase())]
    }) && !w.contains(['Ã', 'Â', 'â'])
        && w.chars()
            .all(|c| c.is_ascii() || crate::fields::text::folds_within_word(c))
}

/// A character of a word as [`word_spans_iter`] reads words.
fn is_word_char(c: char) -> bool {
    c.is_letter_or_digit() || c == '_' || c == '\'' || c == '\u{2019}'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::text::word_count;

    /// [`only_category`] as it read before its test for an "only" word.
    fn only_category_reference(text: &str) -> Option<(Category, String)> {
        let v = vocab();
        if !v.mentions_only(text) || !v.mentions_cookies(text) {
            return None;
        }
        declared_near_only(text)
    }

    /// A title no vendor list knows over list items that declare cookies (`• Bixvyn`
    /// / `◦ bx_a – 1 year – …`, `Velqora Analytics:` / `• vq_id – …`) names their
    /// provider; a title that is a word of a language (`Piano`) names none, and keeps
    /// no service from before it (a category's label between them, `Marketing`, is
    /// no label of that service's block); a category word in the service's name declares
    /// nothing (the heading above does).
    #[test]
    fn service_titles_over_cookie_items() {
        let p = crate::parse_policy(
            "Cookie Policy\n\nFunctional cookies\nVelqora Analytics:\n\
             • vq_id – 1 year – Stores the visitor id.\n\
             • vq_ses – Session – Keeps the session.\nDornify.io:\n\
             • dfy – 2 days – Remembers the form.\n\nAnalytics\n• Bixvyn\n\
             \x20   ◦ bx_a – 1 year – Counts visits.\n\nMarketing\n• Piano\n\
             \x20   ◦ pn_x – 1 day – Counts pages.\nBixvyn Forms\n\
             pelvyn – 1 day – Counts forms.\n",
        );
        let got: Vec<(&str, Option<&str>, crate::Category)> = p
            .cookies
            .iter()
            .map(|c| (c.name.as_str(), c.provider.as_deref(), c.category))
            .collect();
        use crate::Category::{Advertising, Analytics, Functional};
        assert_eq!(
            got,
            [
                ("vq_id", Some("Velqora Analytics"), Functional),
                ("vq_ses", Some("Velqora Analytics"), Functional),
                ("dfy", Some("Dornify.io"), Functional),
                ("bx_a", Some("Bixvyn"), Analytics),
                ("pn_x", None, Advertising),
                ("pelvyn", Some("Bixvyn Forms"), Advertising),
            ]
        );
    }

    /// A heading set in bold or italics declares its category as written plain
    /// (`**Marketing**` is no value line, whatever a star in a name may mean).
    #[test]
    fn headings_in_bold_or_italics() {
        for (heading, want) in [
            ("**Marketing**", crate::Category::Advertising),
            ("*Necessary*", crate::Category::Necessary),
            ("**Statistiken**", crate::Category::Analytics),
        ] {
            let text = format!("Cookies\n\n{heading}\n\n_fbp\t3 months\tShows ads.\n");
            let p = crate::parse_policy(&text);
            assert_eq!(p.cookies.len(), 1, "{heading}");
            assert_eq!(p.cookies[0].category, want, "{heading}");
        }
        assert!(!is_value_line("**Marketing**"));
        assert!(is_value_line("_fbp"));
    }

    /// The word test holds wherever a word is an "only" word by itself, and
    /// [`only_category`] gives its former answers: every corpus line, every "only"
    /// phrase of the tables in sentences with accents and in several cases, and
    /// made-up words with marks, apostrophes and compatibility characters.
    #[test]
    fn only_words_are_looked_for_first() {
        let mut lines = crate::testing::corpus_lines_and(&[
            "",
            "é",
            "Wir verwenden ausschließlich notwendige Cookies.",
            "Nous utilisons uniquement des cookies nécessaires.",
            "Usamos únicamente cookies técnicas.",
            "Usamos ÚNICAMENTE cookies técnicas.",
            "Ú only é",
            "é 'only' analytics cookies",
            "é ’only’ analytics cookies",
            "é l'only analytics cookies",
            "é x\u{301}only necessary cookies",
            "é on\u{301}ly necessary cookies",
            "é ½only necessary cookies",
            "é ｏｎｌｙ necessary cookies",
            "é ONLY_necessary cookies",
            "é onlyx necessary cookies",
            "é onl necessary cookies",
        ]);
        for (_, _, phrase) in crate::vocab::table_rows().filter(|r| r.0 == "only") {
            let w = phrase.trim_end_matches('*');
            for word in [w.to_string(), w.to_uppercase(), format!("{w}s")] {
                lines.push(format!("Le site utilise {word} des cookies nécessaires."));
                lines.push(format!(
                    "Wir nutzen {word} notwendige Cookies für Statistiken."
                ));
                lines.push(format!("é {word} analytics cookies"));
                lines.push(format!("é «{word}» strictly necessary cookies"));
            }
        }
        // every character of the fold table inside, before and after a word that an
        // "only" word follows in its form or not (`xŀonly` folds to `xl·only`, two words)
        for c in crate::fields::text::CharTable::<()>::chars() {
            lines.push(format!("Le site x{c}only utilise des cookies nécessaires."));
            lines.push(format!("Le site {c}seulement des cookies nécessaires."));
            lines.push(format!("Wir nutzen t{c}nur{c} notwendige Cookies."));
            lines.push(format!("é b{c}c only analytics cookies"));
        }
        let (mut with_word, mut found) = (0, 0);
        for line in &lines {
            let word = word_spans(line)
                .iter()
                .any(|&(s, e)| vocab().mentions_only(&line[s..e]));
            assert!(!word || may_hold_only_word(line), "{line:?}");
            let want = only_category_reference(line);
            assert_eq!(only_category(line), want, "{line:?}");
            with_word += usize::from(word);
            found += usize::from(want.is_some());
        }
        assert!(with_word > 100 && found > 20, "{with_word} {found}");
    }

    /// [`Context::these_cookies_last`] as it read before it looked at the section's
    /// records first: the phrase and the lifetime always read.
    fn these_cookies_last_reference<'a>(ctx: &Context, line: &Line<'a>, doc: &mut RawDoc<'a>) {
        let spans: Vec<(usize, usize)> = word_spans_iter(line.text).take(30).collect();
        let Some(k) = (0..spans.len().saturating_sub(1)).find(|&k| {
            vocab().is_demonstrative_word(&line.text[spans[k].0..spans[k].1])
                && vocab().is_cookie_word(&match_form(&line.text[spans[k + 1].0..spans[k + 1].1]))
        }) else {
            return;
        };
        // (and, as it reads now, not for a line that names cookies before the phrase)
        if names_cookies(&line.text[..spans[k].0]) {
            return;
        }
        let rest = &line.text[spans[k + 1].1..];
        let rest = &rest[..rest.find(". ").map_or(rest.len(), |p| p + 1)];
        let head = &line.text[..spans[k].0];
        let head = &head[head.rfind(['.', '!', '?']).map_or(0, |p| p + 1)..];
        let piece = match find_duration(rest) {
            Some((s, e)) => &rest[s..e],
            None => match find_duration(head) {
                Some((s, e)) => &head[s..e],
                None => return,
            },
        };
        let start = ctx.section_start.min(doc.records.len());
        for rec in &mut doc.records[start..] {
            if !rec.fields.iter().any(|f| f.role == Some(Role::Duration)) {
                rec.push(Some(Role::Duration), "duration", frag(line, piece));
            }
        }
    }

    /// The lifetime of `these cookies` is the one their sentence states: a sentence
    /// after it speaks of something else (`Lists all cookies validated by the user.
    /// Sa durée de conservation est de 1 an.`, a cookie's description and its own
    /// lifetime).
    #[test]
    fn these_cookies_last_within_their_sentence() {
        for (text, want) in [
            (
                "These cookies expire after 6 months. See our notice.",
                Some("expire after 6 months"),
            ),
            (
                "Google keeps 2 years of data for these cookies. Read more.",
                Some("2 years"),
            ),
            (
                "Lists all cookies validated by the user. Sa durée de conservation est de 1 an.",
                None,
            ),
            (
                "All cookies are listed below. They expire after 1 year.",
                None,
            ),
        ] {
            let lines = crate::segment::lines(text);
            let line = &lines[0];
            let mut doc = RawDoc::default();
            doc.records.push(super::super::RawRecord::new(
                frag(line, &line.text[..1]),
                crate::policy::Span { start: 0, end: 0 },
                &Context::default(),
            ));
            Context::default().these_cookies_last(line, &mut doc);
            let got: Vec<&str> = doc.records[0]
                .fields
                .iter()
                .filter(|f| f.role == Some(Role::Duration))
                .flat_map(|f| f.value.iter().map(|v| v.text))
                .collect();
            assert_eq!(got.first().copied(), want, "{text}");
        }
    }

    /// Looking at the section's records first changes nothing: every line of the
    /// corpus (and lines that state a lifetime for `these cookies`), given sections
    /// with no records, with records that all state a lifetime, and with some that
    /// state none, starting before, at and after them.
    #[test]
    fn these_cookies_last_reads_only_for_records_without_a_lifetime() {
        let mut texts = crate::testing::corpus_lines();
        texts.extend(
            [
                "These cookies expire after 6 months.",
                "Google documents a default lifetime of 2 years for these cookies",
                "Ces cookies expirent après 13 mois",
                "Diese Cookies werden nach 1 Jahr gelöscht.",
                "these cookies",
                "",
                "é these cookies 3 days",
            ]
            .map(String::from),
        );
        let all: String = texts.join("\n");
        let lines = crate::segment::lines(&all);
        fn record<'a>(line: &Line<'a>, lifetime: bool) -> super::super::RawRecord<'a> {
            let mut rec = super::super::RawRecord::new(
                frag(line, line.text),
                crate::policy::Span { start: 0, end: 0 },
                &Context::default(),
            );
            if lifetime {
                rec.push(Some(Role::Duration), "expiry", frag(line, line.text));
            }
            rec.push(Some(Role::Purpose), "purpose", frag(line, line.text));
            rec
        }
        let mut changed = 0;
        for line in &lines {
            let sections = [
                vec![],
                vec![true, true],
                vec![true, false, true],
                vec![false],
            ];
            for lifetimes in &sections {
                for section_start in [0, 1, 2, 5] {
                    let ctx = Context {
                        section_start,
                        ..Context::default()
                    };
                    let mut doc = RawDoc {
                        records: lifetimes.iter().map(|&d| record(line, d)).collect(),
                        ..RawDoc::default()
                    };
                    let mut want = RawDoc {
                        records: doc.records.clone(),
                        ..RawDoc::default()
                    };
                    ctx.these_cookies_last(line, &mut doc);
                    these_cookies_last_reference(&ctx, line, &mut want);
                    assert_eq!(format!("{:?}", doc.records), format!("{:?}", want.records));
                    changed += usize::from(
                        doc.records
                            .iter()
                            .zip(lifetimes)
                            .any(|(r, &d)| !d && has_duration(r)),
                    );
                }
            }
        }
        assert!(changed > 5, "{changed}");
    }

    /// [`is_heading`] as it read before its cheap tests were put first.
    fn is_heading_reference(line: &Line<'_>) -> bool {
        if line.kind != LineKind::Text {
            return false;
        }
        let t = heading_text(line.text);
        if t.is_empty() || t.len() > 120 || more_words_than(t, 12) {
            return false;
        }
        let last = t.chars().last().unwrap_or(' ');
        let labelled = t
            .split_once(':')
            .is_some_and(|(_, v)| !v.trim().is_empty() && !v.starts_with("//"));
        let sentence_inside = sentence_stops(t).any(|at| {
            t[..at]
                .rsplit(|c: char| !c.is_letter_or_digit())
                .next()
                .is_some_and(|w| w.chars().count() >= 4 && w.chars().all(char::is_lowercase))
        });
        !matches!(last, '.' | ',' | ';' | ':' | '!') && !labelled && !sentence_inside
    }

    /// [`service_note`] as it read before it looked for a dash first.
    fn service_note_reference<'a>(line: &Line<'a>) -> Option<super::super::Fragment<'a>> {
        if !is_heading_reference(line) {
            return None;
        }
        let text = line.text;
        let (at, sep) = [" - ", " – ", " — "]
            .iter()
            .find_map(|d| text.find(d).map(|p| (p, d.len())))?;
        let service = heading_text(&text[..at]);
        let desc = text[at + sep..].trim();
        (is_vendor_name(service) && more_words_than(desc, 1)).then(|| frag(line, desc))
    }

    /// The heading tests in a new order and the dash looked for first give the old
    /// answers: every corpus line, and headings with dashes, labels, stops and
    /// numbers, long and short, in every line shape.
    #[test]
    fn heading_tests_in_any_order() {
        let mut texts = crate::testing::corpus_lines();
        for core in [
            "Google Analytics - Analisi del traffico web",
            "Hotjar – Heatmaps und Aufnahmen",
            "Matomo — statistiques de visite",
            "Google Analytics -Analisi",
            "Google Analytics - x",
            "Cookies : _ga, _gid",
            "Cookies: https://x.example",
            "We use X for statistics. Read more",
            "Inc. Analytics",
            "3.3 Marketing cookies",
            "## 2.1 Cookie Tecnici (necessari)",
            "I. Informazioni generali",
            "Analytics cookies.",
            "é — ü",
            "",
            "-",
            " \u{2013}",
        ] {
            texts.push(core.to_string());
            texts.push(format!("{core} {}", "word ".repeat(30)));
            texts.push(format!("| {core} |"));
            texts.push(format!("* {core}"));
            // around the length where `service_note` looks for the dash first
            for pad in [240usize, 250, 256, 260, 300] {
                let lead = " ".repeat(pad.saturating_sub(core.len()));
                texts.push(format!("{lead}{core}"));
                texts.push(format!(
                    "##{}{core}",
                    " ".repeat(pad.saturating_sub(core.len()))
                ));
            }
        }
        let all = texts.join("\n");
        let lines = crate::segment::lines(&all);
        let (mut headings, mut notes) = (0, 0);
        for line in &lines {
            let want = is_heading_reference(line);
            assert_eq!(is_heading(line), want, "{:?}", line.text);
            let note = service_note_reference(line);
            assert_eq!(service_note(line), note, "{:?}", line.text);
            // (a line without the dash holds none of the separators)
            let separated = [" - ", " – ", " — "].iter().any(|d| line.text.contains(d));
            assert!(has_spaced_dash(line.text) || !separated, "{:?}", line.text);
            headings += usize::from(want);
            notes += usize::from(note.is_some());
        }
        assert!(headings > 500 && notes >= 3, "{headings} {notes}");
    }

    #[test]
    fn sentence_vendor_from_bare_is_sentence_vendor() {
        let mut texts: Vec<String> = Vec::new();
        texts.extend(crate::testing::corpus_lines());
        for core in [
            "Google Analytics",
            "Hotjar",
            "x Hotjar y",
            "Facebook Pixel",
            "",
            "é",
        ] {
            for (pre, post) in [
                ("", ""),
                ("* ", "."),
                ("'", "'"),
                ("_", ""),
                ("", "\u{2019}"),
                ("— ", " —"),
                ("**", ":**"),
            ] {
                texts.push(format!("{pre}{core}{post}"));
            }
        }
        texts.push(format!("{} Google Analytics", "word ".repeat(60)));
        for t in &texts {
            let text = t.trim();
            let bare = text.trim_matches(|c: char| !c.is_letter_or_digit());
            assert_eq!(
                sentence_vendor_from(text, bare, vendor_run(bare)),
                sentence_vendor(text),
                "{text:?}"
            );
        }
    }

    /// [`demonstrative_cookies`] finds the pair the former collected list of the first
    /// thirty words gave (kept here): on every corpus line and made-up lines in several
    /// languages, the pair at the start, at the end, past the thirtieth word, split
    /// across it, folded (`CES TRACEURS`, `Diese Cookies`), and absent.
    #[test]
    fn demonstrative_cookies_is_the_collected_reading() {
        fn before(text: &str) -> Option<(usize, usize)> {
            let spans: Vec<(usize, usize)> = word_spans_iter(text).take(30).collect();
            let k = (0..spans.len().saturating_sub(1)).find(|&k| {
                vocab().is_demonstrative_word(&text[spans[k].0..spans[k].1])
                    && vocab().is_cookie_word(&match_form(&text[spans[k + 1].0..spans[k + 1].1]))
            })?;
            Some((spans[k].0, spans[k + 1].1))
        }
        let mut texts = crate::testing::corpus_lines();
        for core in [
            "These cookies expire after 6 months",
            "Google documents a default lifetime of 2 years for these cookies",
            "Ces cookies expirent après 13 mois.",
            "CES TRACEURS sont conservés 6 mois",
            "Diese Cookies werden nach 1 Jahr gelöscht",
            "Questi cookie scadono dopo 2 anni",
            "Estas cookies caducan en 1 año",
            "Deze cookies verlopen na 1 jaar",
            "These",
            "cookies",
            "These, cookies",
            "'These' 'cookies'",
            "These\u{a0}cookies",
            "The cookie _pk_id_1 is set by Matomo to store a unique visitor ID.",
            "",
        ] {
            texts.push(core.to_string());
            for n in [27usize, 28, 29, 30, 40] {
                texts.push(format!("{}{core}", "word ".repeat(n)));
            }
            texts.push(format!("{core} {}", "mot ".repeat(35)));
        }
        let mut found = 0;
        for t in &texts {
            let want = before(t);
            assert_eq!(demonstrative_cookies(t), want, "{t:?}");
            found += usize::from(want.is_some());
        }
        assert!(found > 20, "only {found} found");
    }

    #[test]
    fn roman_split_is_split_once_where_a_roman_number_can_stand() {
        let mut texts: Vec<String> = [
            "",
            ".",
            ". ",
            "I. x",
            "IV. Cookies",
            "iv. a. b",
            "XVIII. x",
            "VIII. x",
            "abcde. x",
            "abcd. x",
            "é. x",
            "éé. x",
            "a.b. c",
            "x .. y",
            "Word. Next. More",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.extend(
            crate::testing::corpus_lines()
                .into_iter()
                .map(|l| l.trim().to_string()),
        );
        for t in &texts {
            let general = t.split_once(". ").filter(|(roman, _)| roman.len() <= 4);
            let fast = roman_split(t).filter(|(roman, _)| roman.len() <= 4);
            assert_eq!(fast, general, "{t:?}");
        }
    }

    /// [`heading_category`] reads a heading with no vendor as it is, as the copy
    /// with every vendor run blanked out would read it.
    /// Nothing is no vendor's name (the lead of a line of colons is not read for one).
    #[test]
    fn an_empty_lead_names_no_vendor() {
        assert!(!is_vendor_name(""));
    }

    /// `heading_depth` answers as it did before it looked at the first byte: on every
    /// corpus line and made-up section numbers.
    #[test]
    fn heading_depth_is_the_former_reading() {
        fn before(text: &str) -> Option<usize> {
            let t = text.trim().trim_start_matches('#').trim();
            let num: &str = t.split(' ').next().unwrap_or("");
            let num = num.trim_end_matches(['.', ')']);
            (!num.is_empty()
                && num.len() < t.len()
                && num
                    .split('.')
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
            .then(|| num.split('.').count())
        }
        let lines = crate::testing::corpus_lines_and(&[
            "3. Cookies",
            "3.3 Marketing",
            "## 2) Analytics",
            "3",
            "3.",
            ".3 x",
            "a3 x",
            "٣ x",
            "  #  1.2.3 Deep",
            "1..2 x",
            "12 ",
            "(1) x",
            "#1 x",
        ]);
        let mut numbered = 0;
        for l in &lines {
            assert_eq!(heading_depth(l), before(l), "{l:?}");
            numbered += usize::from(before(l).is_some());
        }
        assert!(numbered > 20, "only {numbered} numbered lines");
    }

    /// [`heading_category_given`] as it was, asking the dictionary of every heading.
    fn heading_category_given_before(h: &str, run: Option<(usize, usize)>) -> Option<Category> {
        let owned;
        let rest: &str = match run {
            None => h,
            Some((s, e)) => {
                let mut r = h.to_string();
                r.replace_range(s..e, " ");
                while let Some((s, e)) = vendor_run(&r) {
                    r.replace_range(s..e, " ");
                }
                owned = r;
                &owned
            }
        };
        let words = word_count(rest);
        if words > 4 && !vocab().mentions_cookies(rest) {
            return None;
        }
        vocab().heading_category(rest)
    }

    /// A heading of ASCII punctuation alone is turned away before the dictionary, as
    /// the dictionary would turn it away: on every corpus line (as a heading and as
    /// the lead of a `…:` line), each ASCII byte alone, twice, and around category
    /// words, and texts outside ASCII that fold to letters (`™`, `ﬁ`).
    #[test]
    fn punctuation_headings_declare_no_category() {
        let mut texts = crate::testing::corpus_lines_and(&[
            "[",
            ":",
            "::",
            "()",
            "-- ---",
            "™",
            "ﬁnalité",
            "Analytics",
            "'",
            "`",
            "_",
        ]);
        for b in 0u8..128 {
            let c = char::from(b);
            texts.push(format!("{c}"));
            texts.push(format!("{c}{c} "));
            texts.push(format!("{c}Analytics cookies"));
            texts.push(format!("Marketing{c}"));
        }
        let mut named = 0;
        for t in &texts {
            for h in [
                heading_text(t),
                heading_text(t.trim().trim_end_matches(':')),
            ] {
                let run = vendor_run(h);
                let want = heading_category_given_before(h, run);
                assert_eq!(heading_category_given(h, run), want, "{h:?}");
                named += usize::from(want.is_some());
            }
        }
        assert!(named > 100, "only {named} categories");
    }

    #[test]
    fn heading_category_without_a_copy() {
        fn general(h: &str) -> Option<Category> {
            let mut rest = h.to_string();
            while let Some((s, e)) = vendor_run(&rest) {
                rest.replace_range(s..e, " ");
            }
            if more_words_than(&rest, 4) && !vocab().mentions_cookies(&rest) {
                return None;
            }
            vocab().heading_category(&rest)
        }
        let mut texts: Vec<String> = [
            "Google Analytics",
            "Cookie Analitici (Google Analytics)",
            "Hotjar and Google Analytics cookies",
            "Measuring site usage",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.extend(
            crate::testing::corpus_lines()
                .into_iter()
                .filter(|l| l.len() <= 200),
        );
        let mut named = 0;
        for t in &texts {
            let h = heading_text(t);
            let want = general(h);
            assert_eq!(heading_category(h), want, "{h:?}");
            named += usize::from(want.is_some());
        }
        assert!(named > 10, "{named}");
    }

    #[test]
    fn byte_scans_are_the_substring_searches() {
        let mut texts: Vec<String> = [
            "",
            ".",
            ". ",
            ". . ",
            "a. b. c",
            "x - y",
            "x – y — z",
            " - ",
            "–",
            "é. — ",
            "Google Analytics - Analisi del traffico web",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.extend(crate::testing::corpus_lines());
        let mut found = 0;
        for t in &texts {
            let want: Vec<usize> = t.match_indices(". ").map(|(at, _)| at).collect();
            assert_eq!(sentence_stops(t).collect::<Vec<_>>(), want, "{t:?}");
            for pat in [" - ", " – ", " — ", ". ", " ("] {
                assert_eq!(find_short(t, pat), t.find(pat), "{t:?} {pat:?}");
                found += usize::from(t.contains(pat));
            }
        }
        assert!(found > 100, "{found}");
    }

    /// Each cookie's name, provider and category as `parse_policy` reads `text`.
    fn read_services(text: &str) -> Vec<(String, Option<String>, Category)> {
        crate::parse_policy(text)
            .cookies
            .into_iter()
            .map(|c| (c.name, c.provider, c.category))
            .collect()
    }

    /// `read_services`' answer written with borrowed strings.
    fn owned(v: &[(&str, Option<&str>, Category)]) -> Vec<(String, Option<String>, Category)> {
        v.iter()
            .map(|&(n, p, c)| (n.to_string(), p.map(str::to_string), c))
            .collect()
    }

    /// A line that only names cookies (`Cookies placed`, `Cookies`) under a service's
    /// block of labels, before its first record, is one more of its labels: the
    /// service (or the company its block names) sets the cookies under it. Once the
    /// block's cookies were read, it is a heading of its own, which names no provider.
    #[test]
    fn a_line_naming_cookies_among_a_service_s_labels() {
        let block = |labels: &str, cookies: &str| {
            format!(
                "Statistics\n\nVelqora\n{labels}{cookies}\nExpiration\n2 years\n\
                 Function\nCounts visits.\n_vq_ses\nExpiration\n1 day\nFunction\nKeeps a session.\n"
            )
        };
        for (labels, cookies_line, provider) in [
            // Complianz
            (
                "Usage\nWe use Velqora for statistics.\nSharing data\nRead the Velqora statement.\n",
                "Cookies placed\n_vq_id",
                Some("Velqora"),
            ),
            // Usercentrics, its company right over the next label
            (
                "Description of Service\nThis is an analytics service.\nProcessing Company\n\
                 Trambix Inc.\nData Purposes\nStatistics\n",
                "Cookies\n_vq_id",
                Some("Trambix Inc."),
            ),
        ] {
            let text = block(labels, cookies_line);
            assert_eq!(
                read_services(&text),
                owned(&[
                    ("_vq_id", provider, Category::Analytics),
                    ("_vq_ses", provider, Category::Analytics)
                ]),
                "{text}"
            );
        }
        // after the block's first cookies, the line opens another section
        assert_eq!(
            read_services(
                "Statistics\n\nVelqora\nUsage\nWe use Velqora for statistics.\n\
                 Cookies placed\n_vq_id\nExpiration\n2 years\nFunction\nCounts visits.\n\n\
                 Other cookies\n_other\nExpiration\n1 day\nFunction\nKeeps a session.\n"
            ),
            owned(&[
                ("_vq_id", Some("Velqora"), Category::Analytics),
                ("_other", None, Category::Analytics),
            ])
        );
    }

    /// A heading no vendor list knows names a service when the lines under it name
    /// it again, as written; a word of a language's list (`Security`), a category
    /// alone (`Funktional`), a heading the text does not repeat, a cookie's name or a
    /// phrase about cookies does not.
    #[test]
    fn services_named_by_what_the_text_says_of_them() {
        let named = |text: &str| {
            let ls = crate::segment::lines(text);
            named_service(&ls, 0, heading_text(ls[0].text))
        };
        for (text, service) in [
            (
                "Velqora\nUsage\nWe use Velqora for statistics. Read more\n",
                "Velqora",
            ),
            (
                "Vidoomy (Vidoomy Media SL)\nVidoomy is a service provided by Vidoomy Media SL.\n",
                "Vidoomy",
            ),
            (
                "dornify.io\nMarketing\nWe use dornify.io for marketing.\n",
                "dornify.io",
            ),
            (
                "Peltram Analytics\nWe use Peltram Analytics to count visits.\n",
                "Peltram Analytics",
            ),
            (
                "Velqora\nCookies: _vq_id, _vq_ses\nDuration: 13 months\n",
                "Velqora",
            ),
            (
                "DornifyForms\nWe use DornifyForms for forms.\n",
                "DornifyForms",
            ),
            // the line under it opens with the name and says what it is: a name of
            // common words, or in lower case, is a service's by that
            (
                "Command Act (Command Act SAS)\nCommand Act is a service provided by Command Act SAS.\n",
                "Command Act",
            ),
            (
                "comScore\ncomScore est un service fourni par comScore.\n",
                "comScore",
            ),
            (
                "Verve\nVerve ist ein Dienst von Verve.\nSpeicherdauer: 1 Jahr\n",
                "Verve",
            ),
        ] {
            assert_eq!(named(text).as_deref(), Some(service), "{text:?}");
        }
        assert!(is_camel_brand("DornifyForms") && is_camel_brand("CognitoForms"));
        assert!(
            !is_camel_brand("Dornify")
                && !is_camel_brand("_vqId")
                && !is_camel_brand("dornifyForms")
        );
        for text in [
            "Velqora\nDuration: 13 months\nCookies: _vq_id\n",
            "Security\nSecurity cookies keep your account safe.\n",
            "Velqora\nWe use this service for statistics.\n",
            "_velq_id\nThe _velq_id cookie counts visits.\n",
            "Velqora cookies\nVelqora cookies count visits.\n",
            "Velqora\n\tName\tExpiry\nWe use Velqora.\n",
            // a category alone, in a word no list holds, over a card of keys
            "Funktional\n\nName: abc_x\nAnbieter: .example.com\nAblauf: 1 Jahr\n",
            "Essenziell\nCookies: _vq_id, _vq_ses\nDuration: 13 months\n",
            // the name repeated, but not said to be a service; a category alone
            "Command Act\nCommand Act requires an answer.\n",
            // the name said to be a cookie: a cookie's description
            "auid\nauid is a cookie used to count visits.\n",
            "Experience\nExperience is a set of services we use.\n",
        ] {
            assert_eq!(named(text), None, "{text:?}");
        }
    }

    /// A name that reads as a value (`comScore`, lower case first, one token) is a
    /// service's heading when the line under it says what it is: the cookies under
    /// it are its own, not the service's above.
    #[test]
    fn a_value_said_to_be_a_service_heads_its_block() {
        let p = crate::parse_policy(
            "Analytics\n\nVelqora\nVelqora is a service provided by Velqora.\n\
             Storage duration: _vq: 1 year\n\ncomScore\n\
             comScore is a service provided by comScore.\nStorage duration:\n- S1: 5 years\n",
        );
        let got: Vec<(&str, Option<&str>)> = p
            .cookies
            .iter()
            .map(|c| (c.name.as_str(), c.provider.as_deref()))
            .collect();
        assert_eq!(got, [("_vq", Some("Velqora")), ("S1", Some("comScore"))]);
    }

    /// A heading whose vendor stands only in its aside (`Civic (Civic UK)`) names the
    /// service, as one that opens with its vendor does; a longer heading gives the
    /// vendor named in it.
    #[test]
    fn a_vendor_in_the_aside_is_the_company_behind_the_service() {
        let service = |h: &str| heading_service(h, vendor_run(h), false);
        assert_eq!(service("Civic (Civic UK)").as_deref(), Some("Civic"));
        assert_eq!(service("Hotjar (Hotjar Ltd.)").as_deref(), Some("Hotjar"));
        assert_eq!(
            service("Cookies we use with Civic UK").as_deref(),
            Some("Civic UK")
        );
    }

    /// A heading that names its company in brackets, by its legal form, names a
    /// service by the words before it, however many (up to eight), with `&`, the
    /// vendor anywhere in it, a category word in it (which declares no category);
    /// not a category named alone, nor a heading whose aside is no company.
    #[test]
    fn a_company_in_the_aside_makes_the_heading_a_service() {
        let service = |h: &str| heading_service(h, vendor_run(h), heading_category(h).is_some());
        assert_eq!(
            service("Hotjar Heat Maps & Recordings (Hotjar Ltd.)").as_deref(),
            Some("Hotjar Heat Maps & Recordings")
        );
        assert_eq!(
            service(
                "Pulsante Mi Piace e widget sociali di Facebook (Meta Platforms Ireland Limited)"
            )
            .as_deref(),
            Some("Pulsante Mi Piace e widget sociali di Facebook")
        );
        assert_eq!(
            service("Pinterest Ads conversion tracking (Pinterest Europe Ltd.)").as_deref(),
            Some("Pinterest Ads conversion tracking")
        );
        // without a company in the aside, as before: the vendor's run
        assert_eq!(
            service("Hotjar Heat Maps & Recordings (recordings)").as_deref(),
            Some("Hotjar Heat Maps")
        );
        // (a category named alone stays the category's: the company is the vendor)
        assert_eq!(
            service("Analytics (Google LLC)").as_deref(),
            Some("Google LLC")
        );
        assert!(in_company_aside("Velqora (Velqora Media S.L.)"));
        assert!(!in_company_aside("Velqora (Velqora Media)"));
        assert!(!in_company_aside("Velqora (GmbH) (2)"));
        // a service no list knows, by the company alone; its category word is its name's
        let got = read_services(
            "Analytics\n\nVelqora Heat Maps & Recordings (Velqora Media GmbH)\n\
             Velqora is a service provided by Velqora Media GmbH.\nStorage duration:\n\
             _vq_a: 1 year\n\nPeltram Ads conversion tracking (Peltram Inc.)\n\
             The service is provided by Somebody Inc.\nStorage duration:\n_pt_b: 2 years\n\n\
             Pinterest Ads conversion tracking (Pinterest Europe Ltd.)\n\
             Pinterest is a service provided by Pinterest Europe Ltd.\nStorage duration:\n\
             _pin_unauth: 1 year\n",
        );
        assert_eq!(
            got,
            owned(&[
                (
                    "_vq_a",
                    Some("Velqora Heat Maps & Recordings"),
                    Category::Analytics
                ),
                (
                    "_pt_b",
                    Some("Peltram Ads conversion tracking"),
                    Category::Analytics
                ),
                (
                    "_pin_unauth",
                    Some("Pinterest Ads conversion tracking"),
                    Category::Analytics
                ),
            ])
        );
    }

    /// Service blocks of a consent platform, each under a service no list knows (its
    /// name in capitals, by its host, with a category word in it): every block's
    /// cookies get their own service, the category line under it still declares the
    /// category, and a block label of three words (`Partage de données`) keeps it.
    #[test]
    fn service_blocks_under_unknown_services() {
        assert_eq!(
            read_services(
                "Velqora\nMarketing\nUtilisation\nNous utilisons Velqora pour le marketing.\n\
                 Partage de données\nLisez la déclaration de Velqora.\nMarketing\n\
                 Nom\n_vq_id\nDurée\n1 an\nFinalité\nIdentifie les visiteurs.\n\
                 dornify.io\nMarketing\nUtilisation\nNous utilisons dornify.io pour le marketing.\n\
                 Nom\n_dn_uid\nDurée\n2 ans\nFinalité\nCompte les visites.\n\
                 Peltram Analytics\nAnalytics\nNous utilisons Peltram Analytics pour compter.\n\
                 Nom\tDurée\tFinalité\n_pt_s\t30 jours\tCompte les pages vues.\n\
                 trixo.net\nMarketing\nNous utilisons trixo.net pour la publicité.\n\
                 Nom\tDurée\tFinalité\n_tx\t1 jour\tMesure les campagnes.\n",
            ),
            owned(&[
                ("_vq_id", Some("Velqora"), Category::Advertising),
                ("_dn_uid", Some("dornify.io"), Category::Advertising),
                ("_pt_s", Some("Peltram Analytics"), Category::Analytics),
                ("_tx", Some("trixo.net"), Category::Advertising),
            ])
        );
    }

    /// A title over a card whose name key comes after the service's own keys (a
    /// link to its privacy policy, known keys or not) names the service, a host and
    /// a brand in camel case too; the title is no cookie of its own.
    #[test]
    fn service_titles_over_cards_named_by_a_key() {
        assert_eq!(
            read_services(
                "Cookie list\n\nVelqora Analytics\nPurpose: Audience measurement\n\
                 Name: _vq_id\nDuration: 13 months\n\nName: _vq_ses\nDuration: 30 minutes\n\n\
                 peldor.net\nPrivacy policy: https://peldor.net/privacy\nOpt-out: https://peldor.net/out\n\
                 Name: pd_uid\nDuration: 1 year\n\n\
                 KestrapelForms\nPolitique de confidentialité : https://k.example\n\
                 Nom : kf_sess\nDurée : 1 jour\n",
            ),
            owned(&[
                ("_vq_id", Some("Velqora Analytics"), Category::Unknown),
                ("_vq_ses", Some("Velqora Analytics"), Category::Unknown),
                ("pd_uid", Some("peldor.net"), Category::Unknown),
                ("kf_sess", Some("KestrapelForms"), Category::Unknown),
            ])
        );
    }

    /// A service's title over cards of bare keys titled by their cookie's name
    /// (`Velqora` / `_vq_id` / `Expiration 13 months` / `Function …`) names the
    /// service that sets them.
    #[test]
    fn service_titles_over_cards_of_bare_keys() {
        assert_eq!(
            read_services(
                "Cookie list\n\nVelqoraForms\n\n_vq_id\nExpiration 13 months\n\
                 Function Counts visits.\nvq_ses\nFunction Keeps the visit.\nExpiration Session\n\n\
                 dornify.io\n\ndn_uid\nDurée 1 an\nFinalité Mesure d'audience.\n",
            ),
            owned(&[
                ("_vq_id", Some("VelqoraForms"), Category::Unknown),
                ("vq_ses", Some("VelqoraForms"), Category::Unknown),
                ("dn_uid", Some("dornify.io"), Category::Unknown),
            ])
        );
    }

    /// After a service block's records, a heading the reader cannot name (`Blue`,
    /// a word of a list) opens the next block: its cookies are no longer the last
    /// service's. A category line between the block's cookies keeps the service.
    #[test]
    fn a_block_after_records_ends_the_last_service() {
        assert_eq!(
            read_services(
                "Velqora\nMarketing\nUsage\nWe use Velqora for ads.\nMarketing\n\
                 Name\n_vq_id\nExpiration\n1 year\nFunction\nIdentifies visitors.\n\
                 Statistics\nName\n_vq_st\nExpiration\n1 day\nFunction\nCounts visits.\n\
                 Blue\nMarketing\nUsage\nWe use Blue for ads.\nMarketing\n\
                 Name\nBLUEID\nExpiration\n1 year\nFunction\nIdentifies visitors.\n",
            ),
            owned(&[
                ("_vq_id", Some("Velqora"), Category::Advertising),
                ("_vq_st", Some("Velqora"), Category::Analytics),
                ("BLUEID", None, Category::Advertising),
            ])
        );
    }

    /// A service named by one word in camel case, alone on its line (where such a
    /// token is a value), heads its block when the lines under it name it again.
    #[test]
    fn a_camel_case_service_heads_its_block() {
        assert_eq!(
            read_services(
                "Velqora\nMarketing\nUsage\nWe use Velqora for ads.\nMarketing\n\
                 Name\n_vq_id\nExpiration\n1 year\nFunction\nIdentifies visitors.\n\
                 DornifyForms\nMarketing\nUsage\nWe use DornifyForms for forms.\nMarketing\n\
                 Name\n_df_id\nExpiration\n1 year\nFunction\nIdentifies visitors.\n",
            ),
            owned(&[
                ("_vq_id", Some("Velqora"), Category::Advertising),
                ("_df_id", Some("DornifyForms"), Category::Advertising),
            ])
        );
    }

    /// A consent panel's service (tarteaucitron's): its name over a line that calls
    /// it a service names the service, even as a word (`Piano`) or written in lower
    /// case (`velqora`); the link's label under it (`View the official
    /// website`, four words) does not end it; a host-named service a list knows is
    /// named as written (`Wix.com`).
    #[test]
    fn services_a_line_below_calls_services() {
        let panel = |service: &str, names: &str| {
            format!(
                "{service}\nThis service can install 2 cookies.\nView the official website\n\
                 Cookies: {names}\nAllow Deny\n\n"
            )
        };
        let text = format!(
            "Audience measurement\n\n{}{}{}",
            panel("Piano", "_pcid, _pctx"),
            panel("velqora", "_vq_id"),
            panel("Wix.com", "_wixAB3"),
        );
        assert_eq!(
            read_services(&text),
            owned(&[
                ("_pcid", Some("Piano"), Category::Analytics),
                ("_pctx", Some("Piano"), Category::Analytics),
                ("_vq_id", Some("velqora"), Category::Analytics),
                ("_wixAB3", Some("Wix.com"), Category::Analytics),
            ])
        );
        // with nothing that calls it a service, a word is a topic and names no one
        assert_eq!(
            read_services("Piano\nWe play music.\nCookies: _pcid, _pctx\n"),
            owned(&[
                ("_pcid", None, Category::Unknown),
                ("_pctx", None, Category::Unknown)
            ])
        );
        // after the block's records, a long line still ends the service
        assert_eq!(
            read_services(
                "Velqora\nThis service can install 1 cookies.\nCookies: _vq_id\n\
                 Other tools we use on this site\nCookies: _ot_id\n"
            ),
            owned(&[
                ("_vq_id", Some("Velqora"), Category::Unknown),
                ("_ot_id", None, Category::Unknown)
            ])
        );
    }

    /// A consent panel's service details one cell a line: the provider's label alone
    /// (a label a table lists whole) with the company under it names the provider of
    /// the block's cookies, the labels under it keep it, and the records before it
    /// keep theirs; a sentence a header word starts (`Provide spam protection`) labels
    /// nothing.
    #[test]
    fn a_provider_label_over_its_company() {
        assert_eq!(
            read_services(
                "Name: _rp_uid\nDuration: 30 days\n\nrabix.io\n\nProcessing Company\nrabix.io\n\n\
                 Data Purposes\nFunctional\n\nStorage Information\nName: _pcus\nDuration: 1 year\n"
            ),
            owned(&[
                ("_rp_uid", None, Category::Unknown),
                ("_pcus", Some("rabix.io"), Category::Functional),
            ])
        );
        let ls = crate::segment::lines(
            "Anbieter\nGoogle Ireland Limited\nProvide spam protection\nMarketing\n",
        );
        assert_eq!(
            labelled_company(&ls, 0),
            Some(("Google Ireland Limited", 1))
        );
        assert_eq!(labelled_company(&ls, 2), None);
        // a card's label under the value: a card no reader took, not the section's
        let card = crate::segment::lines("SOURCE\nWix.com\nTYPE\nFunctional\n");
        assert_eq!(labelled_company(&card, 0), None);
        // a full stop ends a legal form, or a sentence
        let ls =
            crate::segment::lines("Processing Company\nNifyra Inc.\n\nAnbieter\nSiehe oben.\n");
        assert_eq!(labelled_company(&ls, 0), Some(("Nifyra Inc.", 1)));
        assert_eq!(labelled_company(&ls, 3), None);
    }

    /// A provider's group row whose name holds a category word beside a brand's
    /// (`Bixvyn Analytics` / `2` under `Preferences 2`) names the provider and
    /// leaves the category to the group above; a category's label of words stays a
    /// category (`Statistics` / `1`).
    #[test]
    fn group_rows_named_by_a_brand_with_a_category_word() {
        assert_eq!(
            read_services(
                "Preferences 2\nThese cookies remember choices.\nBixvyn Analytics\n1\n\
                 Learn more about this provider\n_bx_pref\nRemembers the language.\n\
                 Maximum Storage Duration: 1 year\nType: HTTP Cookie\n\
                 Statistics\n1\nVelqora\n1\nLearn more about this provider\n_vq_id\n\
                 Counts visits.\nMaximum Storage Duration: 2 years\nType: HTTP Cookie\n",
            ),
            owned(&[
                ("_bx_pref", Some("Bixvyn Analytics"), Category::Functional),
                ("_vq_id", Some("Velqora"), Category::Analytics),
            ])
        );
        assert!(is_brand("Bixvyn Analytics"));
        assert!(!is_brand("Analytics"));
        assert!(!is_brand("Strictly Necessary"));
        assert!(!is_brand("Statistcs Cookies"), "a typo is no brand");
    }

    #[test]
    fn category_words_in_capitals_are_headings() {
        assert!(!is_value_line("FUNCTIONAL"));
        assert!(!is_value_line("PUBLICITÉ"));
        assert!(!is_value_line("Marketing"));
        // an identifier in capitals, a lower-case token and a lifetime are values
        assert!(is_value_line("JSESSIONID"));
        assert!(is_value_line("gale"));
        assert!(is_value_line("30 seconds"));
    }

    #[test]
    fn headings() {
        assert_eq!(
            heading_text("## 2.1 Cookie Tecnici (necessari)"),
            "Cookie Tecnici (necessari)"
        );
        assert_eq!(
            heading_text("I. Informazioni generali"),
            "Informazioni generali"
        );
        assert_eq!(heading_category("Google Analytics"), None);
        assert_eq!(heading_category("Google Analytics Cookies"), None);
        assert_eq!(
            heading_category("Cookie Analitici (Google Analytics)"),
            Some(Category::Analytics)
        );
        assert_eq!(
            heading_category("Measuring site usage"),
            Some(Category::Analytics)
        );
        assert_eq!(
            heading_category("Visitor preferences"),
            Some(Category::Functional)
        );
    }

    #[test]
    fn values_are_no_headings() {
        assert!(is_value_line("gale"));
        assert!(is_value_line("_ga_"));
        assert!(is_value_line("30 seconds"));
        assert!(!is_value_line("Marketing"));
        assert!(!is_value_line("Statistik-Cookies"));
        assert!(!is_value_line("Analytics cookies"));
    }

    #[test]
    fn group_rows_split_over_two_lines() {
        assert_eq!(split_group_row("Microsoft", "1"), Some("Microsoft"));
        assert_eq!(split_group_row("Joomla!", " 12 "), Some("Joomla!"));
        assert_eq!(split_group_row("Statistiken", "3"), Some("Statistiken"));
        // a count is one to three digits alone; a title is a short label
        assert_eq!(split_group_row("Microsoft", "1234"), None);
        assert_eq!(split_group_row("Microsoft", "1."), None);
        assert_eq!(split_group_row("Version 2", "1"), None);
        assert_eq!(split_group_row("We use these cookies.", "1"), None);
        assert_eq!(split_group_row("Duration:", "1"), None);
        assert_eq!(
            split_group_row("a label of far too many words here", "1"),
            None
        );
    }

    /// A link's label under a service's group row keeps the service as the provider
    /// of the cookies that follow; a heading that names a vendor replaces it.
    #[test]
    fn a_link_label_under_a_group_row_keeps_its_service() {
        let text = "Acme Widgets\n1\nLearn more about this provider\nacme_sid\nKeeps the session of the widget open.\nMaximum Storage Duration: 1 day\n";
        let p = crate::parse_policy(text);
        assert_eq!(p.cookies.len(), 1, "{:?}", p.cookies);
        assert_eq!(p.cookies[0].name, "acme_sid");
        assert_eq!(p.cookies[0].provider.as_deref(), Some("Acme Widgets"));
        let text = "Acme Widgets\n1\nGoogle\nacme_sid\nKeeps the session of the widget open.\nMaximum Storage Duration: 1 day\n";
        let p = crate::parse_policy(text);
        assert_eq!(p.cookies.len(), 1, "{:?}", p.cookies);
        assert_eq!(p.cookies[0].provider.as_deref(), Some("Google"));
    }

    #[test]
    fn group_rows_with_counts() {
        assert_eq!(group_label("  * Necessary  15"), Some("Necessary"));
        assert_eq!(group_label("Statistiques (17)"), Some("Statistiques"));
        assert_eq!(
            group_label(
                "* [Hubspot4](#)[Learn more about this provider![]()](https://x.example/ \"t\")"
            ),
            Some("Hubspot")
        );
        assert_eq!(group_label("[www.example.ch4](#)"), Some("www.example.ch"));
        assert_eq!(group_label("We use 3 cookies"), None);
        assert_eq!(group_label("Version 2"), None);
        assert_eq!(group_label("Article 13 (2)"), None);
        assert_eq!(group_label("Updated on 12.03.2024"), None);
        assert_eq!(group_label("[Read more](https://x.example)"), None);
        assert_eq!(group_label("2.1 Cookies"), None);
        assert_eq!(
            group_label("Nécessaires\u{a0}\u{a0}16"),
            Some("Nécessaires")
        );
        assert_eq!(group_label("é\u{a0}1"), None);
    }

    /// Lines of a paragraph wrapped at a fixed width are no headings; headings,
    /// wrapped or not, stay headings.
    #[test]
    fn wrapped_sentences_are_no_headings() {
        // (text, the line asked, whether it is inside a wrapped sentence)
        let cases: &[(&str, usize, bool)] = &[
            (
                "These cookies collect information about how you use our website, such as\n\
                 which pages you visit most often and if you encounter any errors. This\n\
                 data helps us improve how our website works.",
                0,
                true,
            ),
            // a function word at the end, the next line capitalised (German nouns)
            (
                "Diese Cookies sammeln Informationen darüber, wie Sie unsere\n\
                 Website nutzen und welche Seiten Sie besuchen.",
                0,
                true,
            ),
            // a line in lower case after a long one that ended no sentence
            (
                "Ces cookies nous permettent de mesurer l'audience de notre site et\n\
                 comprendre comment vous l'utilisez",
                1,
                true,
            ),
            // a heading wrapped in two stays a heading, and so does its first line
            (
                "Cookies necessary for the platform to function properly/functionality\n\
                 cookies\n",
                0,
                false,
            ),
            // short headings over a line in lower case, a blank line, a sentence
            (
                "Analytics cookies\nthese cookies count visits to the site.",
                0,
                false,
            ),
            (
                "Cookies that measure how you use our website and its pages\n\nWe use",
                0,
                false,
            ),
            (
                "Cookies that measure how you use our website and its pages\n\
                 We use them to count visits.",
                0,
                false,
            ),
            // a line that ends its sentence is not inside one
            (
                "These cookies collect information about how you use our website.\n\
                 which is how we improve it, and why we keep them for two years.",
                0,
                false,
            ),
            ("Marketing\nthe cookies of our partners", 1, false),
        ];
        for &(text, i, want) in cases {
            let ls = crate::segment::lines(text);
            assert_eq!(inside_wrapped_sentence(&ls, i), want, "{text:?} line {i}");
        }
    }

    #[test]
    fn lead_in_lines_declare_a_category() {
        let mut ctx = Context::default();
        let mut doc = RawDoc::default();
        let ls = crate::segment::lines("We use the following analytics cookies:\n");
        ctx.observe(&ls, 0, &mut doc);
        assert_eq!(ctx.category.map(|c| c.0), Some(Category::Analytics));
        let ls = crate::segment::lines("We use the following cookies:\n");
        let mut ctx = Context::default();
        ctx.observe(&ls, 0, &mut doc);
        assert_eq!(ctx.category, None);
    }

    #[test]
    fn heading_depths() {
        assert_eq!(heading_depth("3.3 COOKIE DI PROFILAZIONE"), Some(2));
        assert_eq!(heading_depth("## 3. Analytics"), Some(1));
        assert_eq!(heading_depth("4 Third parties"), Some(1));
        assert_eq!(heading_depth("Analytics cookies"), None);
        assert_eq!(heading_depth("2026"), None);
    }

    #[test]
    fn only_sentences() {
        let c = only_category("The site only uses strictly necessary cookies. No analytics.");
        assert_eq!(c.map(|c| c.0), Some(Category::Necessary));
        let c = only_category("Rest assured, these are purely technical cookies that store only anonymized visitor consent data.");
        assert_eq!(c.map(|c| c.0), Some(Category::Necessary));
        assert_eq!(
            only_category("These cookies will be stored in your browser only with your consent."),
            None
        );
        // the cookies are denied, not typed
        assert_eq!(
            only_category("Wir laden nur notwendige Funktionen, keine Cookies für Statistiken."),
            None
        );
        // an "only" word after the cookie word, ending the sentence
        let c = only_category("This website uses essential cookies only.");
        assert_eq!(c.map(|c| c.0), Some(Category::Necessary));
        let c = only_category("Usamos cookies técnicas únicamente");
        assert_eq!(c.map(|c| c.0), Some(Category::Necessary));
        // ... not one that goes on to say when
        assert_eq!(
            only_category("We set analytics cookies only with your consent."),
            None
        );
    }
}
