//! Throughput of the pipeline and its public stages, against the physical floor.
//!
//! ```text
//! cargo bench --bench pipeline                 # everything (~4 min)
//! cargo bench --bench pipeline -- reference    # one group
//! PEAK_MEM=1 cargo bench --bench pipeline      # peak heap per input, no timing
//! ```
//!
//! Groups (all `Throughput::Bytes` of the input):
//! - `document/<name>`: `parse_policy` on each `corpus/*.txt`;
//! - `all`: `parse_policy` and `parse_policy_bytes` on every corpus document
//!   concatenated, and the reference points on the same bytes: a memchr newline
//!   count and a `str::lines()` pass (the physical floor), `whatlang::detect` on the
//!   whole text and on a 1 KB prefix (the size of the language stage's sample);
//! - `all/stages/before_language`: decoding, the text made ready and the lines, on
//!   the same bytes (issue 13: >= 300 MB/s);
//! - `language_share`: the three corpus documents nearest 5 KB, parsed whole and
//!   through language detection alone (issue 13: detection <= 15 % of the time);
//! - `stages`: the value grammars through the public API: `parse_duration` over the
//!   Open Cookie Database's retention strings (`fuzz/seeds/durations.txt`),
//!   `split_cookie_names` over the first cells of corpus rows, `normalize_text`
//!   over corpus lines (repair off and on);
//! - `worst`: generated worst cases (a 1 MB table, a 1 MB line, 1 MB of glued
//!   text, mixed scripts with zero-width characters).
//!
//! A counting global allocator measures peak heap: `PEAK_MEM=1` prints, for each
//! input, the bytes allocated at peak during one `parse_policy` call over the input size.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use criterion::{Criterion, Throughput};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = CURRENT.fetch_add(new_size - layout.size(), Ordering::Relaxed)
                    + (new_size - layout.size());
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn corpus() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut docs: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("corpus/")
        .filter_map(|e| {
            let p = e.ok()?.path();
            if p.extension()? != "txt" {
                return None;
            }
            let name = p.file_stem()?.to_string_lossy().into_owned();
            Some((name, std::fs::read_to_string(&p).ok()?))
        })
        .collect();
    docs.sort();
    docs
}

fn durations() -> Vec<&'static str> {
    include_str!("../fuzz/seeds/durations.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
}

fn fill(s: &str, n: usize) -> String {
    s.repeat(n / s.len() + 1)
}

/// Generated worst cases, about `n` bytes each.
fn worst_cases(n: usize) -> Vec<(&'static str, String)> {
    let mut table = String::from("Name\tProvider\tPurpose\tExpiry\n");
    let mut i = 0;
    while table.len() < n {
        table.push_str(&format!("_c{i}_x\tGoogle\tDistinguishes users\t2 years\n"));
        i += 1;
    }
    let mut same = String::from("Name\tProvider\tPurpose\tExpiry\n");
    while same.len() < n {
        same.push_str("_ga\tGoogle\tDistinguishes users\t2 years\n");
    }
    vec![
        ("table_distinct_names", table),
        ("table_one_name", same),
        ("one_line", fill("The _ga cookie is set by Google Analytics to distinguish users, ", n)),
        ("glued", fill("cookiesforthewebsiteareused", n)),
        ("key_value", fill("Cookie: _ga\nProvider: Google\nPurpose: Distinguishes users\nDuration: 2 years\n\n", n)),
        (
            "mixed_scripts",
            fill("Cookie\u{200B}Name\tЦель\u{200D}\tاسم\t名前\u{FEFF}\n_g\u{200B}a\tΓκουγκλ\tदेखें\u{301}\t2\u{200B}年\n", n),
        ),
    ]
}

fn bench_documents(c: &mut Criterion, docs: &[(String, String)]) {
    let mut g = c.benchmark_group("document");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(800));
    for (name, text) in docs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name.as_str(), |b| {
            b.iter(|| cookie_charter::parse_policy(black_box(text)))
        });
    }
    g.finish();
}

fn bench_all(c: &mut Criterion, all: &str) {
    let mut g = c.benchmark_group("all");
    g.sample_size(30).measurement_time(Duration::from_secs(3));
    g.throughput(Throughput::Bytes(all.len() as u64));
    g.bench_function("parse_policy", |b| {
        b.iter(|| cookie_charter::parse_policy(black_box(all)))
    });
    g.bench_function("parse_policy_bytes", |b| {
        b.iter(|| cookie_charter::parse_policy_bytes(black_box(all.as_bytes())))
    });
    // issue 13: the stages before language detection (decode, the text made ready,
    // lines) at >= 300 MB/s
    g.bench_function("stages/before_language", |b| {
        b.iter(|| cookie_charter::stages::before_language(black_box(all.as_bytes())))
    });
    g.bench_function("reference/memchr_newlines", |b| {
        b.iter(|| memchr::memchr_iter(b'\n', black_box(all.as_bytes())).count())
    });
    g.bench_function("reference/str_lines", |b| {
        b.iter(|| black_box(all).lines().map(|l| l.len()).sum::<usize>())
    });
    g.bench_function("reference/whatlang_whole_text", |b| {
        b.iter(|| whatlang::detect(black_box(all)))
    });
    let mut cut = 1024.min(all.len());
    while !all.is_char_boundary(cut) {
        cut -= 1;
    }
    let prefix = &all[..cut];
    g.throughput(Throughput::Bytes(prefix.len() as u64));
    g.bench_function("reference/whatlang_1k_prefix", |b| {
        b.iter(|| whatlang::detect(black_box(prefix)))
    });
    g.finish();
}

fn bench_stages(c: &mut Criterion, docs: &[(String, String)]) {
    let mut g = c.benchmark_group("stages");
    g.sample_size(30).measurement_time(Duration::from_secs(2));
    let durs = durations();
    g.throughput(Throughput::Bytes(durs.iter().map(|d| d.len() as u64).sum()));
    g.bench_function("parse_duration/ocd_retention", |b| {
        b.iter(|| {
            for d in &durs {
                black_box(cookie_charter::parse_duration(black_box(d)));
            }
        })
    });
    let lines: Vec<&str> = docs
        .iter()
        .flat_map(|(_, t)| t.lines())
        .filter(|l| !l.trim().is_empty())
        .collect();
    let cells: Vec<&str> = lines
        .iter()
        .filter(|l| l.contains('\t'))
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect();
    g.throughput(Throughput::Bytes(
        cells.iter().map(|c| c.len() as u64).sum(),
    ));
    g.bench_function("split_cookie_names/first_cells", |b| {
        b.iter(|| {
            for cell in &cells {
                black_box(cookie_charter::split_cookie_names(black_box(cell)));
            }
        })
    });
    g.throughput(Throughput::Bytes(
        lines.iter().map(|l| l.len() as u64).sum(),
    ));
    for repair in [false, true] {
        g.bench_function(format!("normalize_text/lines_repair_{repair}"), |b| {
            b.iter(|| {
                for l in &lines {
                    black_box(cookie_charter::normalize_text(black_box(l), repair));
                }
            })
        });
    }
    g.finish();
}

/// Issue 13: language detection at most 15 % of the time on a typical 5 KB policy.
/// The corpus documents nearest 5 KB, each parsed whole and through language
/// detection alone (its lines found first, as the pipeline does): the share is the
/// ratio of the two times.
fn bench_language(c: &mut Criterion, docs: &[(String, String)]) {
    let mut g = c.benchmark_group("language_share");
    g.sample_size(30).measurement_time(Duration::from_secs(2));
    let mut near: Vec<&(String, String)> = docs.iter().collect();
    near.sort_by_key(|(_, t)| t.len().abs_diff(5_000));
    for (name, text) in near.into_iter().take(3) {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("{name}/parse_policy"), |b| {
            b.iter(|| cookie_charter::parse_policy(black_box(text)))
        });
        g.bench_function(format!("{name}/language"), |b| {
            b.iter(|| cookie_charter::stages::language(black_box(text)))
        });
    }
    g.finish();
}

fn bench_worst(c: &mut Criterion) {
    let mut g = c.benchmark_group("worst");
    g.sample_size(10).measurement_time(Duration::from_secs(2));
    for (name, text) in worst_cases(1 << 20) {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| cookie_charter::parse_policy(black_box(&text)))
        });
    }
    g.finish();
}

/// Peak heap of one `parse_policy` call, per input.
fn peak_mem(docs: &[(String, String)], all: &str) {
    let mut inputs: Vec<(String, String)> = docs.to_vec();
    inputs.push(("ALL (concatenated corpus)".into(), all.to_string()));
    for (name, text) in worst_cases(4 << 20) {
        inputs.push((format!("worst/{name}"), text));
    }
    println!(
        "size_of::<Cookie>() = {} bytes (before its strings)",
        std::mem::size_of::<cookie_charter::Cookie>()
    );
    // the first call builds the static vocabularies and word lists: not per input
    drop(cookie_charter::parse_policy(
        "Name\tPurpose\n_ga\tTracks visits\n",
    ));
    println!(
        "{:<34} {:>10} {:>12} {:>7}",
        "input", "bytes", "peak heap", "ratio"
    );
    for (name, text) in &inputs {
        let base = CURRENT.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let p = cookie_charter::parse_policy(text);
        let peak = PEAK.load(Ordering::Relaxed) - base;
        drop(p);
        println!(
            "{name:<34} {:>10} {:>12} {:>6.2}x",
            text.len(),
            peak,
            peak as f64 / text.len() as f64
        );
    }
}

fn main() {
    let docs = corpus();
    let all: String = docs
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    if std::env::var_os("PEAK_MEM").is_some() {
        peak_mem(&docs, &all);
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    bench_all(&mut c, &all);
    bench_stages(&mut c, &docs);
    bench_language(&mut c, &docs);
    bench_documents(&mut c, &docs);
    bench_worst(&mut c);
    c.final_summary();
}
