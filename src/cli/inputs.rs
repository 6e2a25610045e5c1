//! From command-line paths to the ordered list of inputs, and reading them.
//!
//! Directories are walked by `walkdir` (entries in name order, hidden entries
//! skipped, symbolic links to directories not followed) and filtered by `--glob`
//! patterns compiled by `globset` (`*`, `?`, `**`, `[a-z]`, `{txt,md}`; a leading `!`
//! excludes). Without an including pattern, a directory gives its *policy-like* files
//! only: text (no NUL in the first 8 KiB, or a UTF-16 byte-order mark), not a data
//! file (`.json`, `.jsonl`, `.csv`, `.tsv`, …: gold labels and manifests sit beside
//! policies in corpora). Files named on the command line are always read.
//!
//! Nothing is dropped without a word: a pattern or a directory that gives no file is
//! an error, and a FIFO, socket or device found in a directory is named on stderr.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobMatcher};

use super::terminal::escape;

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

/// One entry of the expansion, in order.
#[derive(Debug)]
pub(crate) enum Entry {
    /// An input to read.
    Input(Input),
    /// A path that could not be listed: its shown name and why. It is a failed
    /// document in every count.
    Failed { source: String, error: String },
}

/// The outcome of expanding the command-line paths.
#[derive(Debug, Default)]
pub(crate) struct Expanded {
    /// Inputs (and paths that failed), in order.
    pub(crate) entries: Vec<Entry>,
    /// Patterns or directories that gave no file: named, and the run fails.
    pub(crate) unmatched: Vec<String>,
    /// Files found in directories and not read: `PATH: why`, for stderr when
    /// they are worth naming (not regular files).
    pub(crate) skipped_named: Vec<String>,
    /// Files found in directories and not read, all reasons.
    pub(crate) skipped: usize,
    /// A single file or stdin was named (so `--format json` prints one object).
    pub(crate) single: bool,
}

/// The `--glob` patterns, compiled.
#[derive(Debug, Default)]
pub(crate) struct Filter {
    include: Vec<Pattern>,
    exclude: Vec<Pattern>,
}

#[derive(Debug)]
struct Pattern {
    text: String,
    matcher: GlobMatcher,
    /// The pattern has a `/`: it is matched against the path below the directory
    /// given, not the file name.
    path: bool,
}

impl Pattern {
    fn matches(&self, name: &OsStr, relative: &Path) -> bool {
        if self.path {
            self.matcher.is_match(relative)
        } else {
            self.matcher.is_match(name)
        }
    }
}

impl Filter {
    /// Compile the patterns; an invalid one is an error naming it.
    pub(crate) fn new(patterns: &[String]) -> Result<Filter, String> {
        let mut filter = Filter::default();
        for p in patterns {
            let (negated, body) = match p.strip_prefix('!') {
                Some(rest) => (true, rest),
                None => (false, p.as_str()),
            };
            let glob: Glob = GlobBuilder::new(body)
                .literal_separator(true)
                .backslash_escape(true)
                .build()
                .map_err(|e| format!("invalid --glob `{p}`: {}", e.kind()))?;
            let pattern = Pattern {
                text: p.clone(),
                matcher: glob.compile_matcher(),
                path: body.contains('/'),
            };
            if negated {
                filter.exclude.push(pattern);
            } else {
                filter.include.push(pattern);
            }
        }
        Ok(filter)
    }
}

/// Extensions of data files, which are not policies unless a pattern asks for them.
const DATA_EXTENSIONS: &[&str] = &[
    "json", "jsonl", "ndjson", "csv", "tsv", "xml", "yaml", "yml", "toml", "snap",
];

/// Expand `paths` (none: stdin). `stdin` twice is a usage error (returned as Err).
pub(crate) fn expand(paths: &[OsString], filter: &Filter) -> Result<Expanded, String> {
    let mut out = Expanded::default();
    if paths.is_empty() {
        out.entries.push(Entry::Input(Input::Stdin));
        out.single = true;
        return Ok(out);
    }
    let mut stdin_seen = false;
    let mut any_dir = false;
    let mut matched = vec![false; filter.include.len()];
    for arg in paths {
        if arg == "-" {
            if stdin_seen {
                return Err("`-` (stdin) can be given only once".to_string());
            }
            stdin_seen = true;
            out.entries.push(Entry::Input(Input::Stdin));
            continue;
        }
        let path = PathBuf::from(arg);
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                any_dir = true;
                let before = out.entries.len();
                walk(&path, filter, &mut matched, &mut out);
                if out.entries.len() == before {
                    out.unmatched.push(format!(
                        "{}: no policy file found in this directory{}",
                        shown(&path),
                        if filter.include.is_empty() {
                            " (only text files that are not data files are read \
                             unless --glob asks for others)"
                        } else {
                            " matches --glob"
                        }
                    ));
                }
            }
            // Missing or unreadable files are reported when they are read, in order.
            _ => {
                let shown = shown(&path);
                out.entries.push(Entry::Input(Input::File { path, shown }));
            }
        }
    }
    if any_dir {
        for (p, hit) in filter.include.iter().zip(&matched) {
            if !hit {
                out.unmatched
                    .push(format!("--glob `{}` matched no file", escape(&p.text)));
            }
        }
    }
    out.single = paths.len() == 1 && !any_dir;
    Ok(out)
}

fn walk(dir: &Path, filter: &Filter, matched: &mut [bool], out: &mut Expanded) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let source = e.path().map_or_else(|| shown(dir), shown);
                let error = e
                    .io_error()
                    .map_or_else(|| e.to_string(), |io| io.to_string());
                out.entries.push(Entry::Failed { source, error });
                continue;
            }
        };
        let ft = entry.file_type();
        if ft.is_dir() {
            continue;
        }
        let path = entry.path();
        let relative = path.strip_prefix(dir).unwrap_or(path);
        let name = entry.file_name();
        // Links to files are read; links to directories are not followed (no cycles).
        let is_file =
            ft.is_file() || (ft.is_symlink() && fs::metadata(path).is_ok_and(|m| m.is_file()));
        let mut hit = filter.include.is_empty();
        for (i, p) in filter.include.iter().enumerate() {
            if p.matches(name, relative) {
                matched[i] |= is_file;
                hit = true;
            }
        }
        if !hit || filter.exclude.iter().any(|p| p.matches(name, relative)) {
            continue;
        }
        if !is_file {
            out.skipped += 1;
            if !(ft.is_symlink() && fs::metadata(path).is_ok_and(|m| m.is_dir())) {
                out.skipped_named.push(format!(
                    "{}: skipped: {}, not a regular file",
                    shown(path),
                    kind_of(path, ft.is_symlink())
                ));
            }
            continue;
        }
        if filter.include.is_empty() && !policy_like(path) {
            out.skipped += 1;
            continue;
        }
        out.entries.push(Entry::Input(Input::File {
            path: path.to_path_buf(),
            shown: shown(path),
        }));
    }
}

/// What a non-regular file is, for messages.
fn kind_of(path: &Path, symlink: bool) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if let Ok(m) = fs::metadata(path) {
            let t = m.file_type();
            if t.is_fifo() {
                return "a FIFO";
            }
            if t.is_socket() {
                return "a socket";
            }
            if t.is_block_device() || t.is_char_device() {
                return "a device";
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    if symlink {
        "a broken symbolic link"
    } else {
        "special"
    }
}

/// A file found in a directory that may be a policy: not a data file by its name
/// (compression suffixes looked through), and text by its first bytes.
fn policy_like(path: &Path) -> bool {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let inner = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(&name);
    if inner == "MANIFEST" || inner.starts_with("MANIFEST.") {
        return false;
    }
    if let Some((_, ext)) = inner.rsplit_once('.') {
        if DATA_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) {
            return false;
        }
    }
    sniff_text(path)
}

/// Bytes looked at to tell text from binary, as git and ripgrep do.
const SNIFF_BYTES: u64 = 8192;

/// Text: a UTF-16 byte-order mark, or no NUL in the first [`SNIFF_BYTES`] (after
/// decompression). A file that cannot be opened counts as text: reading it will name
/// the error.
fn sniff_text(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return true;
    };
    let Ok(mut reader) = open_stream(Box::new(BufReader::new(file))) else {
        return true;
    };
    let mut head = Vec::new();
    if (&mut reader)
        .take(SNIFF_BYTES)
        .read_to_end(&mut head)
        .is_err()
    {
        return true;
    }
    head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) || !head.contains(&0)
}

/// The name shown for a path in `source` and messages: the path as given, with (on
/// Unix) bytes that are not UTF-8 written `\xNN` and backslashes doubled, so that two
/// files never share a name.
pub(crate) fn shown(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        let mut out = String::with_capacity(bytes.len());
        for chunk in bytes.utf8_chunks() {
            out.push_str(&chunk.valid().replace('\\', "\\\\"));
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned()
    }
}

/// gzip's first bytes.
const GZIP_MAGIC: &[u8] = &[0x1F, 0x8B];
/// zstd's first bytes.
const ZSTD_MAGIC: &[u8] = &[0x28, 0xB5, 0x2F, 0xFD];

/// A stream, decompressed when its first bytes say gzip or zstd (whatever its name).
pub(crate) fn open_stream(
    mut reader: Box<dyn BufRead + Send>,
) -> io::Result<Box<dyn BufRead + Send>> {
    let head = loop {
        match reader.fill_buf() {
            Ok(b) => break b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    };
    if head.starts_with(GZIP_MAGIC) {
        let gz = flate2::bufread::MultiGzDecoder::new(reader);
        return Ok(Box::new(BufReader::with_capacity(1 << 16, gz)));
    }
    if head.starts_with(ZSTD_MAGIC) {
        let zst = zstd::stream::read::Decoder::with_buffer(reader)?;
        return Ok(Box::new(BufReader::with_capacity(1 << 16, zst)));
    }
    Ok(reader)
}

/// Why an input was not read whole.
#[derive(Debug)]
pub(crate) enum ReadError {
    Io(io::Error),
    /// More bytes than the limit (after decompression).
    TooLarge(usize),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::TooLarge(limit) => {
                write!(f, "input is over the limit of {limit} bytes; not parsed")
            }
        }
    }
}

/// Read a whole input, decompressed, but never more than `limit` + 1 bytes: an
/// endless input (`/dev/zero`, a FIFO, a decompression bomb) costs at most that much.
pub(crate) fn read_input(input: &Input, limit: usize) -> Result<Vec<u8>, ReadError> {
    let raw: Box<dyn BufRead + Send> = match input {
        Input::Stdin => Box::new(BufReader::new(io::stdin())),
        Input::File { path, .. } => {
            let file = File::open(path).map_err(ReadError::Io)?;
            let meta = file.metadata().map_err(ReadError::Io)?;
            if meta.is_dir() {
                return Err(ReadError::Io(io::Error::other("is a directory")));
            }
            Box::new(BufReader::new(file))
        }
    };
    let reader = open_stream(raw).map_err(ReadError::Io)?;
    let mut bytes = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_by_name_path_braces_and_exclusion() {
        let f =
            Filter::new(&["*.{txt,md}".into(), "!draft-*".into(), "a/**/x.csv".into()]).unwrap();
        let m = |name: &str, rel: &str| {
            f.include
                .iter()
                .any(|p| p.matches(OsStr::new(name), Path::new(rel)))
                && !f
                    .exclude
                    .iter()
                    .any(|p| p.matches(OsStr::new(name), Path::new(rel)))
        };
        assert!(m("en.txt", "sub/en.txt"));
        assert!(m("en.md", "en.md"));
        assert!(!m("en.json", "en.json"));
        assert!(!m("draft-1.txt", "draft-1.txt"));
        assert!(m("x.csv", "a/b/c/x.csv"));
        assert!(m("x.csv", "a/x.csv"));
        assert!(!m("x.csv", "b/x.csv"));
        assert!(Filter::new(&["[abc".into()]).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_stay_distinct() {
        use std::os::unix::ffi::OsStrExt;
        let a = shown(Path::new(OsStr::from_bytes(b"a\xFF.txt")));
        let b = shown(Path::new(OsStr::from_bytes(b"a\xFE.txt")));
        let c = shown(Path::new(r"a\xFF.txt"));
        assert_eq!(a, r"a\xFF.txt");
        assert_ne!(a, b);
        assert_ne!(a, c);
    }
}
