//! The counting contract and the reliability defects of issue 11, one regression
//! test each: what the CLI reads by default, that nothing goes missing from a count,
//! and the attacks on its inputs and outputs (`docs/cli.md`, `docs/provenance.md`).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const SAMPLE: &str = "Name\tProvider\tPurpose\tExpiry\n_ga\tGoogle\tDistinguishes users\t2 years\n_gid\tGoogle\tCounts visits\t24 hours\n";

fn bin() -> Command {
    Command::cargo_bin("cookie-charter").unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("contract-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn json_lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn csv_rows(out: &[u8]) -> Vec<Vec<String>> {
    csv::Reader::from_reader(out)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// A corpus-like directory: a policy, its gold labels, a manifest, a binary file.
fn corpus_like(name: &str) -> PathBuf {
    let dir = scratch(name);
    fs::write(dir.join("a.txt"), SAMPLE).unwrap();
    fs::write(dir.join("a.gold.json"), r#"{"cookies":[]}"#).unwrap();
    fs::write(dir.join("MANIFEST.tsv"), "stem\tlang\na\ten\n").unwrap();
    fs::write(dir.join("b.md"), "# Cookies\n\nWe use no cookies at all.\n").unwrap();
    let mut elf = b"\x7FELF\x02\x01\x01".to_vec();
    elf.extend([0u8; 64]);
    fs::write(dir.join("tool"), elf).unwrap();
    dir
}

/// `parse corpus/` used to parse `*.gold.json` and `MANIFEST.tsv` as policies.
#[test]
fn a_directory_gives_its_policies_only_and_files_lists_them() {
    let dir = corpus_like("default");
    let out = bin()
        .args(["parse", "--files"])
        .arg(&dir)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let listed: Vec<String> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| l[dir.to_string_lossy().len() + 1..].to_string())
        .collect();
    assert_eq!(listed, ["a.txt", "b.md"]);
    let recs = json_lines(
        &bin()
            .args(["parse", "--format", "jsonl"])
            .arg(&dir)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    );
    assert_eq!(recs.len(), 2);
    // asked for, JSON is read
    let out = bin()
        .args(["parse", "--files", "--glob", "*.json"])
        .arg(&dir)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out).unwrap().ends_with("a.gold.json\n"));
}

#[test]
fn a_path_or_directory_that_gives_nothing_is_an_error() {
    let dir = scratch("empty");
    fs::write(dir.join("only.json"), "{}").unwrap();
    bin()
        .args(["parse", "--format", "jsonl"])
        .arg(&dir)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no policy file found"));
    bin()
        .args([
            "parse",
            "--files",
            "--glob",
            "*.{txt,json}",
            "--glob",
            "*.nope",
        ])
        .arg(&dir)
        .assert()
        .code(1)
        .stdout(predicate::str::ends_with("only.json\n"))
        .stderr(predicate::str::contains("--glob `*.nope` matched no file"));
}

/// CSV dropped documents without cookies and failed documents: a study could not
/// count its denominator. Every input is one row at least, in every format.
#[test]
fn every_format_counts_every_input() {
    let dir = corpus_like("count");
    let missing = dir.join("missing.txt");
    let tool = dir.join("tool");
    let args = |format: &str| {
        let mut c = bin();
        c.args(["parse", "--format", format])
            .arg(dir.join("a.txt"))
            .arg(dir.join("b.md"))
            .arg(&missing)
            .arg(&tool);
        c
    };
    let out = args("csv").assert().code(1).get_output().stdout.clone();
    let rows = csv_rows(&out);
    let header: Vec<String> = csv::Reader::from_reader(&out[..])
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let sources: Vec<String> = rows
        .iter()
        .map(|r| {
            Path::new(&r[col("source")])
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(sources, ["a.txt", "a.txt", "b.md", "missing.txt", "tool"]);
    assert_eq!(rows[2][col("name")], "");
    assert_eq!(rows[2][col("error")], "");
    assert!(rows[3][col("error")].contains("No such file"));
    assert!(rows[4][col("error")].contains("not text"));
    assert!(rows
        .iter()
        .all(|r| r[col("parser_version")] == env!("CARGO_PKG_VERSION")));

    for format in ["json", "jsonl"] {
        let out = args(format).assert().code(1).get_output().stdout.clone();
        let recs: Vec<Value> = if format == "json" {
            serde_json::from_slice::<Value>(&out)
                .unwrap()
                .as_array()
                .unwrap()
                .clone()
        } else {
            json_lines(&out)
        };
        assert_eq!(recs.len(), 4, "{format}");
        assert_eq!(recs.iter().filter(|r| r.get("error").is_some()).count(), 2);
    }
    let out = args("table").assert().code(1).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.matches("(error: ").count(), 2, "{text}");
    assert!(text.contains("(no cookies found)"));

    let assert = args("json").arg("--summary").assert().code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let summary: Value = serde_json::from_str(stderr.lines().last().unwrap()).unwrap();
    assert_eq!(summary["inputs"], 4);
    assert_eq!(summary["documents"], 2);
    assert_eq!(summary["failures"], 2);
    assert_eq!(summary["without_cookies"], 1);
    assert_eq!(summary["cookies"], 2);
}

/// An ELF binary on stdin came back as French with confidence 1.0 and exit 0.
#[test]
fn binary_stdin_is_a_named_error() {
    let mut elf = b"\x7FELF\x02\x01\x01".to_vec();
    elf.extend([0u8; 200]);
    bin()
        .args(["parse"])
        .write_stdin(elf)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("-: not text"));
}

#[test]
fn compressed_inputs_are_read_transparently() {
    let dir = scratch("compressed");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(SAMPLE.as_bytes()).unwrap();
    fs::write(dir.join("p.txt.gz"), gz.finish().unwrap()).unwrap();
    let zst = zstd::encode_all(SAMPLE.as_bytes(), 3).unwrap();
    fs::write(dir.join("p.txt.zst"), zst).unwrap();
    let recs = json_lines(
        &bin()
            .args(["parse", "--format", "jsonl"])
            .arg(&dir)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    );
    assert_eq!(recs.len(), 2);
    for r in &recs {
        assert_eq!(r["cookies"].as_array().unwrap().len(), 2, "{r}");
    }
    // a JSON Lines stream, gzip on stdin
    let line = serde_json::json!({"id": 1, "text": SAMPLE}).to_string();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(format!("{line}\n{line}\n").as_bytes())
        .unwrap();
    let recs = json_lines(
        &bin()
            .args(["parse", "--input", "jsonl", "--format", "jsonl"])
            .write_stdin(gz.finish().unwrap())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    );
    assert_eq!(recs.len(), 2);
}

/// Cells starting with `=`, `+`, `-`, `@` went into the CSV as they were.
#[test]
fn csv_formulas_are_escaped_unless_asked() {
    let text = "Name\tProvider\tPurpose\n=HYPERLINK(\"http://x\")\t@evil\t+1 tracks you\n";
    let out = bin()
        .args(["parse", "--format", "csv"])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 1);
    for cell in &rows[0] {
        assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?}");
    }
    assert!(rows[0].iter().any(|c| c == "'@evil"), "{:?}", rows[0]);
    let out = bin()
        .args(["parse", "--format", "csv", "--csv-formulas"])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(csv_rows(&out)[0].iter().any(|c| c == "@evil"));
}

/// `parse /dev/zero` grew to gigabytes: at most the limit + 1 byte is read, and
/// the one rule for an input over the limit is an error record.
#[cfg(unix)]
#[test]
fn endless_input_is_cut_at_the_limit() {
    let assert = bin()
        .args(["parse", "--format", "jsonl", "/dev/zero"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "/dev/zero: input is over the limit",
        ));
    let recs = json_lines(&assert.get_output().stdout);
    assert_eq!(recs.len(), 1);
    assert!(recs[0]["error"]
        .as_str()
        .unwrap()
        .contains("over the limit"));
}

/// FIFOs (and sockets, devices) in a directory were skipped silently.
#[cfg(unix)]
#[test]
fn fifos_in_directories_are_named() {
    let dir = scratch("fifo");
    fs::write(dir.join("a.txt"), SAMPLE).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("pipe.txt"))
        .status()
        .unwrap();
    assert!(made.success());
    bin()
        .args(["parse", "--format", "jsonl"])
        .arg(&dir)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "pipe.txt: skipped: a FIFO, not a regular file",
        ));
}

/// A UTF-8 BOM lost the first record; UTF-16 gave a message about JSON syntax.
#[test]
fn jsonl_byte_order_marks() {
    let line = serde_json::json!({"id": 1, "text": SAMPLE}).to_string();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(format!("{line}\n{line}\n").as_bytes());
    let recs = json_lines(
        &bin()
            .args(["parse", "--input", "jsonl", "--format", "jsonl"])
            .write_stdin(bom)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    );
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["id"], 1);

    let mut utf16 = vec![0xFF, 0xFE];
    for u in format!("{line}\n").encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    bin()
        .args(["parse", "--input", "jsonl", "--format", "jsonl"])
        .write_stdin(utf16)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the input is UTF-16; JSON Lines must be UTF-8",
        ));
}

/// A lone surrogate in a pass-through field lost the whole record.
#[test]
fn jsonl_lone_surrogate_keeps_the_record() {
    let line = format!(
        "{{\"title\":\"caf\\ud800\",\"text\":{}}}\n",
        serde_json::to_string(SAMPLE).unwrap()
    );
    let recs = json_lines(
        &bin()
            .args(["parse", "--input", "jsonl", "--format", "jsonl"])
            .write_stdin(line)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    );
    assert_eq!(recs[0]["title"], "caf\u{FFFD}");
    assert_eq!(recs[0]["cookies"].as_array().unwrap().len(), 2);
    assert!(recs[0]["input_warnings"][0]
        .as_str()
        .unwrap()
        .contains("surrogate"));
}

/// The JSON Lines path dropped `\u0000` from `_g\u0000a` silently.
#[test]
fn jsonl_control_characters_are_warned_like_files() {
    let text = "Name\tExpiry\n_g\u{0}a\t2 years\n";
    let line = serde_json::json!({ "text": text }).to_string();
    let recs = json_lines(
        &bin()
            .args(["parse", "--input", "jsonl", "--format", "jsonl"])
            .write_stdin(line.clone())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    );
    let file = json_lines(
        &bin()
            .args(["parse", "--format", "jsonl"])
            .write_stdin(text)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    );
    for r in [&recs[0], &file[0]] {
        let kinds: Vec<&str> = r["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["kind"].as_str().unwrap())
            .collect();
        assert!(kinds.contains(&"control_characters"), "{r}");
        let repairs: Vec<&str> = r["repairs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["kind"].as_str().unwrap())
            .collect();
        assert!(repairs.contains(&"control_characters"), "{r}");
    }
    assert_eq!(recs[0]["cookies"], file[0]["cookies"]);
}

/// Escape sequences, newlines and bidi overrides from file names and cookie text
/// reached the terminal raw.
#[test]
fn terminal_output_is_escaped() {
    let text = "Name\tProvider\tPurpose\n_ga\u{1b}[31m\tGo\u{202E}ogle\tDistinguishes users\n";
    let out = bin()
        .args(["parse", "--format", "table", "--width", "80"])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202E}'),
        "{out:?}"
    );
    // a bidi override is invisible: the text is read without it (`Google`)
    assert!(out.contains("Google"), "{out}");
    let dir = scratch("names");
    let evil = dir.join("a\u{1b}[2Jb.txt");
    bin().args(["parse"]).arg(&evil).assert().code(1).stderr(
        predicate::str::contains("a\\u{001B}[2Jb.txt")
            .and(predicate::str::contains("\u{1b}").not()),
    );
    let evil = dir.join("c\u{202E}d.txt");
    bin().args(["parse"]).arg(&evil).assert().code(1).stderr(
        predicate::str::contains("c\\u{202E}d.txt").and(predicate::str::contains("\u{202E}").not()),
    );
}

/// Two file names that are not UTF-8 became the same lossy `source`.
#[cfg(unix)]
#[test]
fn non_utf8_file_names_stay_distinct() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("bytes");
    for b in [0xFEu8, 0xFF] {
        let bytes = [b'p', b, b'.', b't', b'x', b't'];
        fs::write(dir.join(std::ffi::OsStr::from_bytes(&bytes)), SAMPLE).unwrap();
    }
    let recs = json_lines(
        &bin()
            .args(["parse", "--format", "jsonl"])
            .arg(&dir)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    );
    let sources: Vec<&str> = recs.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(sources.len(), 2);
    assert_ne!(sources[0], sources[1]);
    assert!(sources[0].ends_with("p\\xFE.txt"), "{sources:?}");
}

/// `--raw` changes nothing: the spans of a file with form feeds index the file.
#[test]
fn raw_spans_index_the_file() {
    let text = "\x0CName\tExpiry\n_ga\t2 years\n\x0C_gid\t1 day\n";
    for raw in [false, true] {
        let mut c = bin();
        c.args(["parse"]);
        if raw {
            c.arg("--raw");
        }
        let out = c
            .write_stdin(text)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["text_len"], text.len());
        for c in v["cookies"].as_array().unwrap() {
            let (s, e) = (
                c["span"]["start"].as_u64().unwrap() as usize,
                c["span"]["end"].as_u64().unwrap() as usize,
            );
            assert!(
                text[s..e].contains(c["name"].as_str().unwrap()),
                "raw {raw}: {c}"
            );
        }
    }
}
