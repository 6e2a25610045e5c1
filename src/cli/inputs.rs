//! From command-line paths to the ordered list of inputs: files named, files found
//! by walking directories (sorted, hidden entries skipped, `--glob` filtered), stdin.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use super::glob::Filter;

/// One input: a file or stdin.
#[derive(Debug, Clone)]
pub(crate) enum Input {
    /// Standard input, shown as `-`.
    Stdin,
    /// A file, with the name shown for it in `source` and messages.
    File { path: PathBuf, shown: String },
}

impl Input {
    /// The name used in `source` and in error messages.
    pub(crate) fn shown(&self) -> &str {
        match self {
            Input::Stdin => "-",
            Input::File { shown, .. } => shown,
        }
    }
}

/// The outcome of expanding the command-line paths.
#[derive(Debug, Default)]
pub(crate) struct Expanded {
    /// Inputs in order.
    pub(crate) inputs: Vec<Input>,
    /// Paths that could not be listed: `PATH: reason`, in the order met.
    pub(crate) errors: Vec<String>,
    /// A single file or stdin was named (so `--format json` prints one object).
    pub(crate) single: bool,
}

/// Expand `paths` (none: stdin). `stdin` twice is a usage error (returned as Err).
pub(crate) fn expand(paths: &[OsString], filter: &Filter) -> Result<Expanded, String> {
    let mut out = Expanded::default();
    if paths.is_empty() {
        out.inputs.push(Input::Stdin);
        out.single = true;
        return Ok(out);
    }
    let mut stdin_seen = false;
    let mut any_dir = false;
    for arg in paths {
        if arg == "-" {
            if stdin_seen {
                return Err("`-` (stdin) can be given only once".to_string());
            }
            stdin_seen = true;
            out.inputs.push(Input::Stdin);
            continue;
        }
        let path = PathBuf::from(arg);
        let shown = path.to_string_lossy().into_owned();
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                any_dir = true;
                walk(&path, "", filter, &mut out);
            }
            // Missing or unreadable files are reported when they are read, in order.
            _ => out.inputs.push(Input::File { path, shown }),
        }
    }
    out.single = paths.len() == 1 && !any_dir;
    Ok(out)
}

fn walk(dir: &Path, relative: &str, filter: &Filter, out: &mut Expanded) {
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.errors.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    let mut listed = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => listed.push(e),
            Err(e) => out.errors.push(format!("{}: {e}", dir.display())),
        }
    }
    listed.sort_by_key(|e| e.file_name());
    for entry in listed {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let rel = if relative.is_empty() {
            name.to_string()
        } else {
            format!("{relative}/{name}")
        };
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        // Symbolic links to directories are not followed (no cycles); links to files are read.
        let is_dir = file_type.is_dir();
        let is_file = file_type.is_file()
            || (file_type.is_symlink() && fs::metadata(&path).is_ok_and(|m| m.is_file()));
        if is_dir {
            walk(&path, &rel, filter, out);
        } else if is_file && filter.accepts(&name, &rel) {
            let shown = path.to_string_lossy().into_owned();
            out.inputs.push(Input::File { path, shown });
        }
    }
}
