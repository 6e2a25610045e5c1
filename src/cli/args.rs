//! Command-line arguments (clap derive).

use std::ffi::OsString;

use clap::{Args, Parser, Subcommand, ValueEnum};

const MAIN_AFTER_HELP: &str = "\
Examples:
  cookie-charter parse policy.txt                      one document -> one JSON object
  cookie-charter parse --format table policy.txt       human view in the terminal
  cookie-charter parse --format jsonl --glob '*.txt' corpus/ > out.jsonl
  crawler | cookie-charter parse --input jsonl --format jsonl > cookies.jsonl
  cookie-charter schema > record.schema.json

Exit status:
  0  every input was parsed
  1  some inputs failed (each is named on stderr as `cookie-charter: PATH: reason`);
     the others were still processed and printed; or stdout could not be written
  2  usage error (unknown option, bad value)";

const PARSE_AFTER_HELP: &str = "\
Inputs:
  PATH may be a file, a directory (walked recursively, hidden entries skipped,
  files in name order) or `-` for stdin; no PATH reads stdin. Without --glob a
  directory gives its text files that are not data files (.json, .jsonl, .csv,
  .tsv, MANIFEST, ...); a directory or --glob that gives no file is an error.
  gzip and zstd inputs are decompressed. Text inputs are decoded from UTF-8 (with
  or without BOM), UTF-16 (with BOM) or Windows-1252; binary input is an error.
  An input over 64 MiB (after decompression) is not parsed: an error record.
  With --input jsonl each line is a JSON object whose --text-field holds the
  document; its other fields are copied into the output record.

Output (one record per input, in input order whatever --jobs; a failed input
gives an error record `{source, error}`, so that counts add up):
  json   one input argument naming a file or stdin: one object; otherwise an array
  jsonl  one object per line; `source` is the path, `-`, or `line N`
  csv    one row per cookie (RFC 4180), purposes joined with ` | `; one row with
         empty cookie columns for a document without cookies, one with `error`
         for a failed input; cells starting with = + - @ get a leading '
  table  a human view: name, category, duration, provider, purpose cut to width
  The JSON Schema of a record: `cookie-charter schema`.

Examples:
  cookie-charter parse corpus/en-01.txt
  cookie-charter parse --pretty corpus/en-01.txt
  cookie-charter parse --format csv --glob '*.txt' corpus/ > cookies.csv
  cookie-charter parse --format table corpus/en-01.txt
  cat crawl.jsonl | cookie-charter parse --input jsonl --format jsonl --summary
  cookie-charter parse --input jsonl --text-field body --jobs 2 crawl.jsonl

Exit status: 0 all inputs parsed; 1 some inputs failed (named on stderr,
the others still printed); 2 usage error.";

/// Turns messy cookie-policy text into structured cookie records.
#[derive(Debug, Parser)]
#[command(name = "cookie-charter", version, after_help = MAIN_AFTER_HELP)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Parse cookie-policy documents into cookie records.
    #[command(after_help = PARSE_AFTER_HELP)]
    Parse(ParseArgs),
    /// Print the JSON Schema of one output record (a JSON/JSONL document or error record).
    Schema,
}

/// Options of `cookie-charter parse`.
#[derive(Debug, Args)]
pub(crate) struct ParseArgs {
    /// Files or directories to read; `-` or none reads stdin.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<OsString>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    pub(crate) format: Format,

    /// Indent JSON output (json format only).
    #[arg(long)]
    pub(crate) pretty: bool,

    /// How inputs are read: whole files as one document each, or JSON Lines with one document a line.
    #[arg(long, value_enum, default_value_t = InputKind::Text, value_name = "KIND")]
    pub(crate) input: InputKind,

    /// With --input jsonl: the field holding the document text [default: text].
    #[arg(long, value_name = "NAME")]
    pub(crate) text_field: Option<String>,

    /// Only files whose name (or, if the pattern has a `/`, path below the directory
    /// given) matches; `*`, `?`, `**`, `[a-z]`, `{txt,md}`; a leading `!` excludes.
    /// Repeatable. Applies to files found in directories, not to files named on the
    /// command line. A pattern that matches no file is an error.
    #[arg(short, long, value_name = "PATTERN")]
    pub(crate) glob: Vec<String>,

    /// Print the inputs that would be read, one a line, and parse nothing.
    #[arg(long)]
    pub(crate) files: bool,

    /// CSV: write cells that start with = + - @ as they are (by default they get a
    /// leading ' so that a spreadsheet does not run them as formulas).
    #[arg(long)]
    pub(crate) csv_formulas: bool,

    /// Change nothing: no control character dropped, no mojibake, glued word or
    /// hyphenation repaired (what would have been is warned about).
    #[arg(long)]
    pub(crate) raw: bool,

    /// Documents parsed in parallel [default: all cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) jobs: Option<u16>,

    /// No progress bar.
    #[arg(short, long)]
    pub(crate) quiet: bool,

    /// Print counts (inputs, documents, failures, cookies, warnings, languages,
    /// categories) on stderr; as a JSON object with --format json.
    #[arg(long)]
    pub(crate) summary: bool,

    /// Width of the table format [default: the terminal's, else $COLUMNS, else 100].
    #[arg(long, value_name = "COLS", value_parser = clap::value_parser!(u16).range(20..))]
    pub(crate) width: Option<u16>,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// One object for one input, else an array of objects.
    Json,
    /// JSON Lines: one object per document.
    Jsonl,
    /// One row per cookie.
    Csv,
    /// Aligned columns for a terminal.
    Table,
}

/// Input kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputKind {
    /// Each file (or stdin) is one document.
    Text,
    /// JSON Lines: one document per line.
    Jsonl,
}
