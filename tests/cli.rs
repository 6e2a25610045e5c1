//! Integration tests of the `cookie-charter` binary: formats, inputs, exit codes,
//! order under parallelism, the JSON Schema over the corpus, `--summary`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const SAMPLE: &str = "Name\tProvider\tPurpose\tExpiry\n_ga\tGoogle\tDistinguishes users\t2 years\n_gid\tGoogle\tCounts visits\t24 hours\n";

fn bin() -> Command {
    Command::cargo_bin("cookie-charter").unwrap()
}

fn corpus_texts() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir("corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// A fresh directory under cargo's test temp dir.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn json_one_file_is_one_object() {
    let out = bin()
        .args(["parse", "--format", "json", "corpus/en-01.txt"])
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 1, "compact: one line");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(v.is_object());
    assert_eq!(v["source"], "corpus/en-01.txt");
    assert!(v.get("language").is_some());
    let cookies = v["cookies"].as_array().unwrap();
    assert!(!cookies.is_empty());
    for c in cookies {
        for key in ["name", "provider", "purposes", "duration", "category"] {
            assert!(c.get(key).is_some(), "cookie lacks {key}: {c}");
        }
    }
    // json is the default format.
    assert_eq!(stdout_of(bin().args(["parse", "corpus/en-01.txt"])), text);
}

#[test]
fn json_pretty_indents_and_several_files_give_an_array() {
    let pretty = stdout_of(bin().args(["parse", "--pretty", "corpus/en-01.txt"]));
    assert!(pretty.lines().count() > 10);
    assert!(pretty.contains("\n  \"cookies\": ["));
    let one: Value = serde_json::from_str(&pretty).unwrap();

    let both = stdout_of(bin().args(["parse", "corpus/en-01.txt", "corpus/de-03.txt"]));
    let arr: Value = serde_json::from_str(&both).unwrap();
    let arr = arr.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    assert_eq!(arr[0], one);
    assert_eq!(arr[1]["source"], "corpus/de-03.txt");

    let both_pretty =
        stdout_of(bin().args(["parse", "--pretty", "corpus/en-01.txt", "corpus/de-03.txt"]));
    let arr2: Value = serde_json::from_str(&both_pretty).unwrap();
    assert_eq!(arr2.as_array().unwrap(), arr);
    assert!(both_pretty.starts_with("[\n  {\n    \"source\""));
}

#[test]
fn jsonl_output_one_line_per_document_with_source() {
    let out = stdout_of(bin().args([
        "parse",
        "--format",
        "jsonl",
        "corpus/en-01.txt",
        "corpus/de-03.txt",
    ]));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["source"], "corpus/en-01.txt");
    assert_eq!(docs[1]["source"], "corpus/de-03.txt");
    assert!(docs[1]["cookies"].is_array());
}

#[test]
fn csv_one_row_per_cookie() {
    let out = stdout_of(bin().args([
        "parse",
        "--format",
        "csv",
        "corpus/en-01.txt",
        "corpus/de-03.txt",
    ]));
    let json = stdout_of(bin().args(["parse", "corpus/en-01.txt", "corpus/de-03.txt"]));
    let docs: Vec<Value> = serde_json::from_str(&json).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    for col in [
        "source",
        "language",
        "name",
        "provider",
        "category",
        "duration_kind",
        "duration_iso8601",
        "purposes",
    ] {
        assert!(header.iter().any(|h| h == col), "no column {col}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let expected: Vec<(&Value, &Value)> = docs
        .iter()
        .flat_map(|d| {
            let cookies = d["cookies"].as_array().unwrap();
            cookies.iter().map(move |c| (&d["source"], c))
        })
        .collect();
    assert_eq!(rows.len(), expected.len());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, (source, cookie)) in rows.iter().zip(&expected) {
        assert_eq!(&row[col("source")], source.as_str().unwrap());
        assert_eq!(&row[col("name")], cookie["name"].as_str().unwrap());
        let purposes: Vec<&str> = cookie["purposes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        assert_eq!(&row[col("purposes")], purposes.join(" | "));
    }
    assert_eq!(&rows[0][col("source")], "corpus/en-01.txt");
}

#[test]
fn table_fits_the_width() {
    let out = stdout_of(bin().args([
        "parse",
        "--format",
        "table",
        "--width",
        "70",
        "corpus/en-01.txt",
    ]));
    assert!(out.starts_with("corpus/en-01.txt  ("));
    let header = out.lines().nth(1).unwrap();
    for col in ["NAME", "CATEGORY", "DURATION", "PROVIDER", "PURPOSE"] {
        assert!(header.contains(col), "{header}");
    }
    for line in out.lines().skip(1) {
        assert!(line.chars().count() <= 70, "too wide: {line:?}");
    }
}

#[test]
fn stdin_with_no_argument_and_with_dash() {
    let a = stdout_of(bin().arg("parse").write_stdin(SAMPLE));
    let b = stdout_of(bin().args(["parse", "-"]).write_stdin(SAMPLE));
    assert_eq!(a, b);
    let v: Value = serde_json::from_str(&a).unwrap();
    assert_eq!(v["source"], "-");
    let names: Vec<&str> = v["cookies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["_ga", "_gid"]);
    // `-` twice is a usage error.
    bin().args(["parse", "-", "-"]).assert().code(2);
}

#[test]
fn jsonl_input_passes_fields_through_and_survives_a_malformed_line() {
    let good = serde_json::json!({"url": "https://a.example", "id": 7, "text": SAMPLE});
    let other = serde_json::json!({"id": 9, "body": SAMPLE});
    let input = format!("{good}\n{{\"url\": oops\n\n{good}\n{other}\n");
    let assert = bin()
        .args(["parse", "--input", "jsonl", "--format", "jsonl"])
        .write_stdin(input.clone())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cookie-charter: -: line 2: invalid JSON",
        ))
        .stderr(predicate::str::contains(
            "cookie-charter: -: line 5: no field `text`",
        ));
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let recs = json_lines(&out);
    assert_eq!(recs.len(), 4, "blank line skipped, the rest in order");
    assert_eq!(recs[0]["source"], "line 1");
    assert_eq!(recs[0]["url"], "https://a.example");
    assert_eq!(recs[0]["id"], 7);
    assert!(recs[0].get("text").is_none(), "the text is not copied");
    assert_eq!(recs[0]["cookies"].as_array().unwrap().len(), 2);
    assert_eq!(recs[1]["line"], 2);
    assert!(recs[1]["error"].as_str().unwrap().contains("invalid JSON"));
    assert_eq!(recs[2]["source"], "line 4");
    assert_eq!(recs[2]["cookies"], recs[0]["cookies"]);
    assert_eq!(recs[3]["line"], 5);
    assert_eq!(recs[3]["id"], 9);

    // --text-field picks another field; the same from a file.
    let dir = scratch("jsonl-input");
    let file = dir.join("crawl.jsonl");
    fs::write(&file, &input).unwrap();
    let out = stdout_of(
        bin()
            .args([
                "parse",
                "--input",
                "jsonl",
                "--text-field",
                "body",
                "--format",
                "jsonl",
            ])
            .arg(&file),
    );
    let recs = json_lines(&out);
    assert_eq!(recs.len(), 4);
    assert!(recs[0]["error"]
        .as_str()
        .unwrap()
        .contains("no field `body`"));
    assert_eq!(recs[3]["cookies"].as_array().unwrap().len(), 2);
    assert_eq!(
        recs[0]["text"].as_str().unwrap(),
        SAMPLE,
        "text passes through when not the text field"
    );

    // --format json over JSON Lines input is an array.
    let out = stdout_of(bin().args(["parse", "--input", "jsonl"]).arg(&file));
    let arr: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(arr.as_array().unwrap().len(), 4);
}

#[test]
fn directory_with_glob() {
    let texts = corpus_texts();
    // Many inputs, stderr piped: no progress bar, nothing on stderr.
    let assert = bin()
        .args(["parse", "--format", "jsonl", "--glob", "*.txt", "corpus"])
        .assert()
        .success()
        .stderr("");
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let sources: Vec<String> = json_lines(&out)
        .iter()
        .map(|v| v["source"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = texts
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert_eq!(sources, expected);

    // Exclusion, and a directory is an array even when one file matches.
    let out = stdout_of(bin().args(["parse", "--glob", "en-01.*", "--glob", "!*.json", "corpus"]));
    let arr: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(arr.as_array().unwrap().len(), 1);

    // Recursive, hidden entries skipped.
    let dir = scratch("walk");
    fs::create_dir_all(dir.join("b/c")).unwrap();
    fs::create_dir_all(dir.join(".hidden")).unwrap();
    for p in ["a.txt", "b/c/d.txt", "b/e.md", ".hidden/f.txt", "b/.g.txt"] {
        fs::write(dir.join(p), SAMPLE).unwrap();
    }
    let out = stdout_of(
        bin()
            .args(["parse", "--format", "jsonl", "--glob", "*.txt"])
            .arg(&dir),
    );
    let found: Vec<String> = json_lines(&out)
        .iter()
        .map(|v| {
            let s = v["source"].as_str().unwrap();
            s[dir.to_string_lossy().len() + 1..].to_string()
        })
        .collect();
    assert_eq!(found, ["a.txt", "b/c/d.txt"]);

    // A pattern that matches nothing is an error that names it (it used to be an
    // empty array and exit 0).
    bin()
        .args(["parse", "--glob", "*.nothing"])
        .arg(&dir)
        .assert()
        .code(1)
        .stdout("[]\n")
        .stderr(predicate::str::contains(
            "--glob `*.nothing` matched no file",
        ));
    // Brace sets (a hand-written matcher once matched nothing and exited 0).
    let out = stdout_of(
        bin()
            .args(["parse", "--format", "jsonl", "--glob", "*.{txt,md}"])
            .arg(&dir),
    );
    assert_eq!(json_lines(&out).len(), 3);
}

#[test]
fn missing_file_among_good_ones() {
    let assert = bin()
        .args([
            "parse",
            "--format",
            "jsonl",
            "corpus/en-01.txt",
            "no/such/file.txt",
            "corpus/de-03.txt",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "cookie-charter: no/such/file.txt: ",
        ));
    // Every input has a record, the failed one an error record in its place.
    let recs = json_lines(&String::from_utf8(assert.get_output().stdout.clone()).unwrap());
    let sources: Vec<&str> = recs.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(
        sources,
        ["corpus/en-01.txt", "no/such/file.txt", "corpus/de-03.txt"]
    );
    assert!(recs[1]["error"].as_str().unwrap().contains("No such file"));
    assert!(recs[0].get("error").is_none());

    // The same with json: a valid array of both.
    let out = bin()
        .args(["parse", "corpus/en-01.txt", "no/such/file.txt"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let arr: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(arr.as_array().unwrap().len(), 2);

    // A single missing file: its error record, exit 1.
    let out = bin()
        .args(["parse", "no/such/file.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cookie-charter: no/such/file.txt:",
        ))
        .get_output()
        .stdout
        .clone();
    let one: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(one["source"], "no/such/file.txt");
    assert!(one["error"].is_string());
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["parse", "--no-such-flag"],
        vec!["parse", "--format", "xml", "corpus/en-01.txt"],
        vec!["parse", "--jobs", "0", "corpus/en-01.txt"],
        vec!["parse", "--pretty", "--format", "csv", "corpus/en-01.txt"],
        vec!["parse", "--text-field", "body", "corpus/en-01.txt"],
        vec!["parse", "--glob", "[abc", "corpus"],
        vec!["frobnicate"],
        vec![],
    ] {
        bin()
            .args(&args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::is_empty().not());
    }
}

#[test]
fn help_and_version() {
    bin()
        .args(["parse", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("Exit status"))
        .stdout(predicate::str::contains("--input"));
    bin()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("2  usage error"));
    bin()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("cookie-charter {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn order_is_input_order_under_jobs_2() {
    let texts = corpus_texts();
    let dir = scratch("order");
    // Big and small documents interleaved, so that later ones often finish first.
    let mut paths = Vec::new();
    for i in 0..150 {
        let src = &texts[(i * 7) % texts.len()];
        let mut text = fs::read_to_string(src).unwrap();
        if i % 5 == 0 {
            text = text.repeat(20);
        }
        let p = dir.join(format!("doc-{i:03}.txt"));
        fs::write(&p, text).unwrap();
        paths.push(p);
    }
    let expected: Vec<String> = paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    for jobs in ["1", "2"] {
        let out = stdout_of(
            bin()
                .args(["parse", "--format", "jsonl", "--jobs", jobs])
                .arg(&dir),
        );
        let got: Vec<String> = json_lines(&out)
            .iter()
            .map(|v| v["source"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(got, expected, "--jobs {jobs}");
    }
    // The same for JSON Lines input.
    let mut input = String::new();
    for (i, p) in paths.iter().enumerate() {
        let text = fs::read_to_string(p).unwrap();
        input.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        input.push('\n');
    }
    let out = stdout_of(
        bin()
            .args([
                "parse", "--input", "jsonl", "--format", "jsonl", "--jobs", "2",
            ])
            .write_stdin(input),
    );
    let ids: Vec<u64> = json_lines(&out)
        .iter()
        .map(|v| v["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, (0..150).collect::<Vec<u64>>());
}

#[test]
fn corpus_output_matches_the_schema() {
    let schema_text = stdout_of(bin().arg("schema"));
    let schema: Value = serde_json::from_str(&schema_text).unwrap();
    let compiled = jsonschema::JSONSchema::compile(&schema).unwrap();
    let out = stdout_of(bin().args(["parse", "--format", "jsonl", "--glob", "*.txt", "corpus"]));
    let recs = json_lines(&out);
    assert_eq!(recs.len(), corpus_texts().len());
    for rec in &recs {
        if let Err(errors) = compiled.validate(rec) {
            let msgs: Vec<String> = errors
                .map(|e| format!("{e} at {}", e.instance_path))
                .collect();
            panic!("{} does not match the schema: {msgs:?}", rec["source"]);
        }
    }
    // JSON Lines records, with pass-through fields and error records, too.
    let input = format!(
        "{}\nnot json\n",
        serde_json::json!({"url": "u", "text": SAMPLE, "cookies": 3})
    );
    let out = stdout_of(
        bin()
            .args(["parse", "--input", "jsonl", "--format", "jsonl"])
            .write_stdin(input),
    );
    let recs = json_lines(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["input_cookies"], 3, "clashing names are prefixed");
    for rec in &recs {
        assert!(compiled.is_valid(rec), "{rec}");
    }
    // The schema rejects what is not a record.
    assert!(!compiled.is_valid(&serde_json::json!({"source": "x", "cookies": 1})));
}

#[test]
fn summary_on_stderr() {
    let assert = bin()
        .args([
            "parse",
            "--summary",
            "--format",
            "jsonl",
            "corpus/en-01.txt",
            "corpus/de-03.txt",
            "missing.txt",
        ])
        .assert()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    for line in [
        "documents:  2",
        "failures:   1",
        "cookies:",
        "warnings:",
        "languages:",
        "categories: necessary",
    ] {
        assert!(stderr.contains(line), "no {line:?} in {stderr}");
    }
    assert!(
        stderr.contains("en 1") && stderr.contains("de 1"),
        "{stderr}"
    );
    // Without --summary, stderr stays quiet on success (warnings go into the JSON).
    bin()
        .args(["parse", "--format", "jsonl", "corpus/en-01.txt"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn raw_and_non_utf8_inputs() {
    let dir = scratch("encodings");
    let latin1: Vec<u8> = b"Nom\tFinalit\xe9\n_ga\tMesure d'audience\n".to_vec();
    fs::write(dir.join("latin1.txt"), &latin1).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in SAMPLE.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    fs::write(dir.join("utf16.txt"), &utf16).unwrap();
    for extra in [None, Some("--raw")] {
        let out = stdout_of(
            bin()
                .args(["parse", "--format", "jsonl"])
                .args(extra)
                .arg(&dir),
        );
        assert_eq!(json_lines(&out).len(), 2);
    }
    let out = stdout_of(bin().args(["parse", "--raw"]).write_stdin(SAMPLE));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["cookies"].as_array().unwrap().len(), 2);
}

#[test]
fn closed_pipe_is_quiet() {
    let exe = assert_cmd::cargo::cargo_bin("cookie-charter");
    let mut args = vec!["parse".to_string(), "--format".into(), "jsonl".into()];
    for _ in 0..30 {
        args.extend(
            corpus_texts()
                .iter()
                .map(|p| p.to_string_lossy().into_owned()),
        );
    }
    let mut child = StdCommand::new(exe)
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, then close the pipe, as `| head -c 100` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = [0u8; 100];
    std::io::Read::read_exact(&mut stdout, &mut buf).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(out.status.code(), Some(0));
}
