//! Test support shared by the unit tests: the corpus as documents and as lines.
//!
//! Fast paths are tested against the code they replace on every line of the corpus
//! (`corpus/`, in the repository, so a clean clone has it). Reading it in one place
//! means a missing corpus fails the tests instead of making them compare nothing.

use std::path::{Path, PathBuf};

/// Every file in `corpus/` (the policies and their gold labels) in name order, with its
/// bytes. Panics when the corpus has no documents.
fn corpus_files() -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(
        files
            .iter()
            .any(|p| p.extension().is_some_and(|x| x == "txt")),
        "no documents in {}",
        dir.display()
    );
    files
        .into_iter()
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        .collect()
}

/// The policies of `corpus/` (its `.txt` files), in name order, as bytes: what the
/// tests that run whole documents through a stage read. Panics when there are none.
pub(crate) fn corpus_documents() -> Vec<(PathBuf, Vec<u8>)> {
    corpus_files()
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|x| x == "txt"))
        .collect()
}

/// Every line of every file in `corpus/` (the policies and their gold labels), files
/// in name order. Panics when the corpus has no documents.
pub(crate) fn corpus_lines() -> Vec<String> {
    corpus_files()
        .iter()
        .filter_map(|(_, b)| std::str::from_utf8(b).ok())
        .flat_map(|text| text.lines().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// [`corpus_lines`] and then `extra`: the made-up edge cases a fast path is compared
/// on besides the corpus.
pub(crate) fn corpus_lines_and(extra: &[&str]) -> Vec<String> {
    let mut lines = corpus_lines();
    lines.extend(extra.iter().map(|e| e.to_string()));
    lines
}
