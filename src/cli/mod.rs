//! The command line: arguments, reading inputs, the parallel pipeline, output.
//!
//! [`run`] returns the exit code; `main` is the only place that ends the process.

mod args;
mod inputs;
mod output;
mod pipeline;
mod record;
mod summary;
mod terminal;

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::ops::ControlFlow;
use std::sync::Arc;

use clap::Parser;
use cookie_charter::{ParseOptions, Policy};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use args::{Cli, Command, Format, InputKind, ParseArgs};
use inputs::{Entry, Input};
use output::Style;
use record::{DocumentRecord, ErrorRecord, OutputRecord, PassThrough};
use summary::{DocStats, Summary};

/// Exit code: every input parsed.
pub(crate) const EXIT_OK: u8 = 0;
/// Exit code: some inputs failed (or the output could not be written).
pub(crate) const EXIT_FAILED: u8 = 1;
/// Exit code: usage error.
pub(crate) const EXIT_USAGE: u8 = 2;

/// Longest JSON Lines line read (longer lines give an error record): room for a
/// policy at the library's size limit with JSON escaping.
const MAX_LINE_BYTES: usize = 2 * cookie_charter::DEFAULT_MAX_BYTES;
/// Bytes of input read but not yet written, across the documents in flight.
const MAX_BYTES_IN_FLIGHT: usize = 256 << 20;

/// Run the command line with these arguments (the first is the program name).
pub(crate) fn run(args: impl IntoIterator<Item = OsString>) -> u8 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version come here too, with exit code 0.
            let _ = e.print();
            return u8::try_from(e.exit_code()).unwrap_or(EXIT_USAGE);
        }
    };
    match cli.command {
        Command::Schema => schema(),
        Command::Parse(args) => parse(args),
    }
}

/// A message on stderr, with control and bidi characters (from file names, from
/// input text) escaped: see `terminal`.
fn message(text: &str) {
    let _ = writeln!(io::stderr(), "cookie-charter: {}", terminal::escape(text));
}

fn usage_error(text: &str) -> u8 {
    message(text);
    let _ = writeln!(
        io::stderr(),
        "\nFor more information, try 'cookie-charter parse --help'."
    );
    EXIT_USAGE
}

fn schema() -> u8 {
    let schema = record::schema();
    let mut out = io::stdout().lock();
    let written = serde_json::to_writer_pretty(&mut out, &schema)
        .map_err(io::Error::from)
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            message(&format!("error writing output: {e}"));
            EXIT_FAILED
        }
    }
}

/// What a worker is given.
enum Job {
    /// A whole file or stdin, one document.
    Text(Input),
    /// One JSON Lines line.
    Line(LineJob),
    /// A line over [`MAX_LINE_BYTES`].
    LineTooLong(LineJob, usize),
    /// An input that could not be read: its `source` and why.
    Failed { source: String, error: String },
}

impl Job {
    /// The input's name in messages: `PATH` or `PATH: line N`.
    fn name(&self) -> String {
        match self {
            Job::Text(input) => input.shown().to_string(),
            Job::Line(j) | Job::LineTooLong(j, _) => format!("{}: line {}", j.stream, j.line),
            Job::Failed { source, .. } => source.clone(),
        }
    }
}

struct LineJob {
    /// The input stream's name (`-` or the path), for messages.
    stream: String,
    /// `source` of the record.
    source: String,
    line: u64,
    bytes: Vec<u8>,
}

/// What a worker gives back.
struct Outcome {
    /// The record (nothing only when the parser panicked and nothing was made).
    out: Out,
    /// Counts for `--summary`.
    stats: DocStats,
    /// `PATH: reason` for stderr, when the input failed.
    error: Option<String>,
}

/// A record as a worker hands it to the writer.
enum Out {
    Nothing,
    /// Formatted by the worker (CSV, table, pretty JSON).
    Bytes(Vec<u8>),
    /// Compact JSON, serialised by the writer straight into the output: a large
    /// document's record is not held as text next to its policy.
    Record(Box<OutputRecord>),
}

impl Out {
    fn of(style: &Style, record: OutputRecord) -> Out {
        if style.streams() {
            Out::Record(Box::new(record))
        } else {
            Out::Bytes(style.format(&record))
        }
    }

    /// Nothing to write: no record, or a formatted one that came out empty.
    fn is_empty(&self) -> bool {
        match self {
            Out::Nothing => true,
            Out::Bytes(bytes) => bytes.is_empty(),
            Out::Record(_) => false,
        }
    }

    /// Write the record into `out`.
    fn write_to<W: Write>(&self, out: &mut W) -> io::Result<()> {
        match self {
            Out::Nothing => Ok(()),
            Out::Bytes(bytes) => out.write_all(bytes),
            Out::Record(record) => output::write_json(out, record),
        }
    }
}

impl Outcome {
    /// A failed input that has no record (the parser panicked).
    fn panicked(error: String) -> Outcome {
        Outcome {
            out: Out::Nothing,
            stats: DocStats::failed(),
            error: Some(error),
        }
    }
}

/// What every worker shares.
struct Context {
    style: Style,
    options: ParseOptions,
    text_field: String,
}

fn parse(args: ParseArgs) -> u8 {
    if args.pretty && args.format != Format::Json {
        return usage_error("--pretty applies to --format json only");
    }
    if args.text_field.is_some() && args.input != InputKind::Jsonl {
        return usage_error("--text-field applies to --input jsonl only");
    }
    if args.csv_formulas && args.format != Format::Csv {
        return usage_error("--csv-formulas applies to --format csv only");
    }
    let filter = match inputs::Filter::new(&args.glob) {
        Ok(f) => f,
        Err(e) => return usage_error(&e),
    };
    let expanded = match inputs::expand(&args.paths, &filter) {
        Ok(x) => x,
        Err(e) => return usage_error(&e),
    };
    for s in &expanded.skipped_named {
        message(s);
    }
    for u in &expanded.unmatched {
        message(u);
    }
    if args.files {
        return list_files(&expanded);
    }
    let jobs = match args.jobs {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    // One job runs on this thread: a pool of one worker would only add two thread
    // wake-ups a document (see `pipeline`).
    let pool = if jobs == 1 {
        None
    } else {
        match rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .thread_name(|i| format!("cookie-charter-{i}"))
            .build()
        {
            Ok(pool) => Some(pool),
            Err(e) => {
                message(&format!("cannot start worker threads: {e}"));
                return EXIT_FAILED;
            }
        }
    };

    let jsonl = args.input == InputKind::Jsonl;
    let stdout_tty = io::stdout().is_terminal();
    let width = args.width.map(usize::from).unwrap_or_else(|| {
        terminal_size::terminal_size_of(io::stdout())
            .map(|(w, _)| usize::from(w.0))
            .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
            .unwrap_or(100)
    });
    let style = Style {
        format: args.format,
        pretty: args.pretty,
        json_array: jsonl || !expanded.single,
        csv_fields: jsonl,
        width,
        escape_formulas: !args.csv_formulas,
    };
    let context = Arc::new(Context {
        style: style.clone(),
        options: ParseOptions {
            repair: !args.raw,
            ..ParseOptions::default()
        },
        text_field: args.text_field.unwrap_or_else(|| "text".to_string()),
    });

    let mut summary = Summary::default();
    summary.skipped = expanded.skipped;
    let unmatched = !expanded.unmatched.is_empty();

    let show_progress =
        !args.quiet && io::stderr().is_terminal() && (jsonl || expanded.entries.len() > 1);
    let progress = show_progress.then(|| {
        let bar = if jsonl {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {human_pos} documents, {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        } else {
            let bar = ProgressBar::new(expanded.entries.len() as u64);
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:40} {human_pos}/{human_len} documents, {elapsed}, eta {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        };
        bar.set_draw_target(ProgressDrawTarget::stderr());
        bar
    });

    let mut writer = Writer {
        out: io::BufWriter::with_capacity(1 << 16, io::stdout().lock()),
        style,
        written: 0,
        progress: progress.clone(),
        stdout_tty,
        summary: &mut summary,
        error: None,
    };
    let started = writer.start();

    let feed_inputs = expanded.entries;
    let several_streams = feed_inputs.len() > 1;
    let flow = if started.is_err() {
        ControlFlow::Break(())
    } else {
        let work_context = Arc::clone(&context);
        pipeline::run(
            pool,
            pipeline::Limits {
                max_items: jobs * 16,
                max_bytes: MAX_BYTES_IN_FLIGHT,
            },
            move |submit| {
                if jsonl {
                    // A line goes alone: the next may be slow to come (a stream on stdin),
                    // and the lines already read should not wait for it.
                    feed_jsonl(feed_inputs, several_streams, &mut |job, bytes| {
                        submit(vec![job], bytes)
                    });
                } else {
                    let size = batch_size(feed_inputs.len(), jobs);
                    let mut batch = Vec::with_capacity(size);
                    for entry in feed_inputs {
                        batch.push(match entry {
                            Entry::Input(input) => Job::Text(input),
                            Entry::Failed { source, error } => Job::Failed { source, error },
                        });
                        if batch.len() == size
                            && !submit(std::mem::replace(&mut batch, Vec::with_capacity(size)), 0)
                        {
                            return;
                        }
                    }
                    if !batch.is_empty() {
                        submit(batch, 0);
                    }
                }
            },
            move |batch: Vec<Job>| {
                batch
                    .into_iter()
                    .map(|job| {
                        let name = job.name();
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            work(&work_context, job)
                        }))
                        .unwrap_or_else(|_| {
                            Outcome::panicked(format!(
                                "{name}: internal error: the parser panicked"
                            ))
                        })
                    })
                    .collect::<Vec<_>>()
            },
            || {
                vec![Outcome::panicked(
                    "internal error: the parser panicked".to_string(),
                )]
            },
            |outcomes| {
                for outcome in outcomes {
                    writer.record(outcome)?;
                }
                ControlFlow::Continue(())
            },
        )
    };
    if flow.is_continue() {
        let _ = writer.finish();
    }
    let write_error = writer.error.take();
    drop(writer);
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if let Some(e) = &write_error {
        message(&format!("error writing output: {e}"));
    }
    if args.summary {
        let text = if args.format == Format::Json {
            summary.json()
        } else {
            summary.render()
        };
        let _ = io::stderr().write_all(text.as_bytes());
    }
    if write_error.is_some() || summary.failures > 0 || unmatched {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}

/// `--files`: the inputs that would be read, one a line, in order; paths that
/// could not be listed are named on stderr. Exit 1 when anything failed or matched
/// nothing.
fn list_files(expanded: &inputs::Expanded) -> u8 {
    let tty = io::stdout().is_terminal();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut failed = !expanded.unmatched.is_empty();
    for entry in &expanded.entries {
        match entry {
            Entry::Input(input) => {
                let name = input.shown();
                let shown = if tty {
                    terminal::escape(name)
                } else {
                    name.to_string()
                };
                if writeln!(out, "{shown}").is_err() {
                    return EXIT_OK;
                }
            }
            Entry::Failed { source, error } => {
                failed = true;
                message(&format!("{source}: {error}"));
            }
        }
    }
    let _ = out.flush();
    if failed {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}

/// How many files a worker takes at a time: each hand-over wakes two threads (the
/// worker, then the writer), which over thousands of small files cost a tenth of the
/// time; batches of up to eight cut that eightfold, and are smaller when there are
/// too few files to give every worker several batches.
fn batch_size(files: usize, jobs: usize) -> usize {
    (files / (jobs * 4).max(1)).clamp(1, 8)
}

/// Read JSON Lines inputs in order and submit one job per non-blank line.
fn feed_jsonl(inputs: Vec<Entry>, several: bool, submit: &mut dyn FnMut(Job, usize) -> bool) {
    for entry in inputs {
        let input = match entry {
            Entry::Input(input) => input,
            Entry::Failed { source, error } => {
                if !submit(Job::Failed { source, error }, 0) {
                    return;
                }
                continue;
            }
        };
        let stream = input.shown().to_string();
        let raw: Box<dyn BufRead + Send> = match &input {
            Input::Stdin => Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
            Input::File { path, .. } => match File::open(path) {
                Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
                Err(e) => {
                    let job = Job::Failed {
                        source: stream,
                        error: e.to_string(),
                    };
                    if !submit(job, 0) {
                        return;
                    }
                    continue;
                }
            },
        };
        let reader = match inputs::open_stream(raw) {
            Ok(r) => r,
            Err(e) => {
                let job = Job::Failed {
                    source: stream,
                    error: e.to_string(),
                };
                if !submit(job, 0) {
                    return;
                }
                continue;
            }
        };
        if !feed_lines(reader, &stream, several, submit) {
            return;
        }
    }
}

/// Why a JSON Lines stream cannot be read, from its first bytes: UTF-16 (JSON Lines
/// is UTF-8 by definition, and every line would fail with a message about JSON).
fn stream_problem(first: &[u8]) -> Option<&'static str> {
    let utf16 = first.starts_with(&[0xFF, 0xFE])
        || first.starts_with(&[0xFE, 0xFF])
        || (first.len() >= 2 && (first[0] == 0) != (first[1] == 0) && first.contains(&0));
    utf16.then_some(
        "the input is UTF-16; JSON Lines must be UTF-8 \
         (convert it, e.g. `iconv -f UTF-16 -t UTF-8`)",
    )
}

/// Submit the lines of one stream; false when the writer stopped.
fn feed_lines(
    mut reader: Box<dyn BufRead + Send>,
    stream: &str,
    several: bool,
    submit: &mut dyn FnMut(Job, usize) -> bool,
) -> bool {
    let mut line = 0u64;
    loop {
        line += 1;
        let mut bytes = Vec::new();
        let read = match read_line_capped(&mut reader, &mut bytes, MAX_LINE_BYTES) {
            Ok(None) => return true,
            Ok(Some(read)) => read,
            Err(e) => {
                let job = Job::Failed {
                    source: format!("{stream}: line {line}"),
                    error: e.to_string(),
                };
                return submit(job, 0);
            }
        };
        if line == 1 {
            if let Some(problem) = stream_problem(&bytes) {
                let job = Job::Failed {
                    source: stream.to_string(),
                    error: problem.to_string(),
                };
                return submit(job, 0);
            }
            // A UTF-8 byte-order mark is not part of the first record.
            if bytes.starts_with(b"\xEF\xBB\xBF") {
                bytes.drain(..3);
            }
        }
        if read.complete && bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let source = if several {
            format!("{stream} line {line}")
        } else {
            format!("line {line}")
        };
        let cost = bytes.len();
        let job = LineJob {
            stream: stream.to_string(),
            source,
            line,
            bytes,
        };
        let job = if read.complete {
            Job::Line(job)
        } else {
            Job::LineTooLong(job, read.length)
        };
        if !submit(job, cost) {
            return false;
        }
    }
}

struct LineRead {
    /// The line fitted in the limit.
    complete: bool,
    /// Its length in bytes.
    length: usize,
}

/// Read one line without its `\n` / `\r\n` into `buf`, keeping at most `limit`
/// bytes (the rest of a longer line is read and dropped). `None` at end of input.
fn read_line_capped(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<LineRead>> {
    let mut length = 0usize;
    let mut any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            if !any {
                return Ok(None);
            }
            break;
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        let room = limit.saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..take.min(room)]);
        length += take;
        reader.consume(if done { take + 1 } else { take });
        if done {
            break;
        }
    }
    if length <= limit && buf.last() == Some(&b'\r') {
        buf.pop();
        length -= 1;
    }
    Ok(Some(LineRead {
        complete: length <= limit,
        length,
    }))
}

/// Parse one job (on a worker thread).
fn work(context: &Context, job: Job) -> Outcome {
    match job {
        Job::Failed { source, error } => {
            failed(context, source, None, error, PassThrough::default())
        }
        Job::Text(input) => {
            let source = input.shown().to_string();
            let bytes = match inputs::read_input(&input, context.options.max_bytes) {
                Ok(b) => b,
                Err(e) => {
                    return failed(context, source, None, e.to_string(), PassThrough::default())
                }
            };
            let parsed = parse_bytes(&bytes, &context.options);
            // the input is not needed to write the record: free it first
            drop(bytes);
            let policy = match parsed {
                Ok(p) => p,
                Err(e) => {
                    return failed(context, source, None, e.to_string(), PassThrough::default())
                }
            };
            document(
                context,
                source,
                None,
                PassThrough::default(),
                Vec::new(),
                policy,
            )
        }
        Job::LineTooLong(job, length) => line_error(
            context,
            job,
            format!("line is {length} bytes, over the limit of {MAX_LINE_BYTES} bytes"),
            PassThrough::default(),
        ),
        Job::Line(job) => match record::read_input_line(&job.bytes, &context.text_field) {
            Err(e) => line_error(
                context,
                job,
                format!("invalid JSON: {e}"),
                PassThrough::default(),
            ),
            Ok(input) => match input.text {
                Err(e) => line_error(context, job, e, input.fields),
                Ok(text) => match cookie_charter::parse_policy_with(&text, &context.options) {
                    Ok(policy) => document(
                        context,
                        job.source,
                        Some(job.line),
                        input.fields,
                        input.warnings,
                        policy,
                    ),
                    Err(e) => line_error(context, job, e.to_string(), input.fields),
                },
            },
        },
    }
}

/// Decode and parse, with the library's own decoding (BOM, UTF-8, UTF-16, else
/// Windows-1252) whatever the options.
fn parse_bytes(bytes: &[u8], options: &ParseOptions) -> Result<Policy, cookie_charter::Error> {
    cookie_charter::parse_policy_bytes_policy_with(bytes, options)
}

fn document(
    context: &Context,
    source: String,
    line: Option<u64>,
    fields: PassThrough,
    input_warnings: Vec<String>,
    policy: Policy,
) -> Outcome {
    let stats = DocStats::of(&policy);
    let record = OutputRecord::Document(DocumentRecord {
        source,
        line,
        fields,
        input_warnings,
        policy,
    });
    Outcome {
        out: Out::of(&context.style, record),
        stats,
        error: None,
    }
}

fn line_error(context: &Context, job: LineJob, error: String, fields: PassThrough) -> Outcome {
    let message = format!("{}: line {}: {error}", job.stream, job.line);
    let mut outcome = failed(context, job.source, Some(job.line), error, fields);
    outcome.error = Some(message);
    outcome
}

/// A failed input: an error record in every format, and its message for stderr.
fn failed(
    context: &Context,
    source: String,
    line: Option<u64>,
    error: String,
    fields: PassThrough,
) -> Outcome {
    let message = format!("{source}: {error}");
    let record = OutputRecord::Error(ErrorRecord {
        source,
        line,
        error,
        parser_version: cookie_charter::PARSER_VERSION,
        fields,
    });
    Outcome {
        out: Out::of(&context.style, record),
        stats: DocStats::failed(),
        error: Some(message),
    }
}

/// Writes outcomes in order, with the separators of the format.
struct Writer<'a, W: Write> {
    out: W,
    style: Style,
    /// Records written so far.
    written: usize,
    progress: Option<ProgressBar>,
    stdout_tty: bool,
    summary: &'a mut Summary,
    /// The first write error other than a closed pipe.
    error: Option<io::Error>,
}

impl<W: Write> Writer<'_, W> {
    fn start(&mut self) -> io::Result<()> {
        let header = self.style.header();
        self.write(&header)
    }

    fn record(&mut self, outcome: Outcome) -> ControlFlow<()> {
        self.summary.add(&outcome.stats);
        if let Some(e) = &outcome.error {
            match &self.progress {
                Some(bar) => bar.suspend(|| message(e)),
                None => message(e),
            }
        }
        if let Some(bar) = &self.progress {
            bar.inc(1);
        }
        // the record is written between its separators, not copied next to them: a
        // large document's record would be held twice
        let (before, after): (&[u8], &[u8]) = match self.style.format {
            Format::Json if self.style.json_array => {
                (if self.written == 0 { b"[\n" } else { b",\n" }, b"")
            }
            Format::Json | Format::Jsonl => (b"", b"\n"),
            Format::Csv | Format::Table => (b"", b""),
        };
        if outcome.out.is_empty() {
            return ControlFlow::Continue(());
        }
        let result = self.emit(|out| {
            out.write_all(before)?;
            outcome.out.write_to(out)?;
            out.write_all(after)
        });
        self.written += 1;
        match result {
            Ok(()) => ControlFlow::Continue(()),
            Err(_) => ControlFlow::Break(()),
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.style.format == Format::Json && self.style.json_array {
            let end: &[u8] = if self.written == 0 { b"[]\n" } else { b"\n]\n" };
            self.write(end)?;
        }
        let flushed = self.out.flush();
        self.check(flushed)
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.emit(|out| out.write_all(bytes))
    }

    /// Run `put`, which writes one piece of output.
    fn emit(&mut self, put: impl FnOnce(&mut W) -> io::Result<()>) -> io::Result<()> {
        let out = &mut self.out;
        let result = match (&self.progress, self.stdout_tty) {
            // Keep the bar and the output apart on a shared terminal.
            (Some(bar), true) => bar.suspend(|| put(out).and_then(|()| out.flush())),
            _ => put(out),
        };
        self.check(result)
    }

    /// A closed pipe (`| head`) ends the output quietly; other errors are kept.
    fn check(&mut self, result: io::Result<()>) -> io::Result<()> {
        if let Err(e) = &result {
            if e.kind() != io::ErrorKind::BrokenPipe && self.error.is_none() {
                self.error = Some(io::Error::new(e.kind(), e.to_string()));
            }
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_capped_and_crlf_trimmed() {
        let data: &[u8] = b"short\r\nthis line is too long\nlast";
        // A tiny buffer, so lines span several fill_buf calls.
        let mut reader = BufReader::with_capacity(4, data);
        let mut lines = Vec::new();
        loop {
            let mut buf = Vec::new();
            match read_line_capped(&mut reader, &mut buf, 10).unwrap() {
                None => break,
                Some(r) => lines.push((String::from_utf8(buf).unwrap(), r.complete, r.length)),
            }
        }
        assert_eq!(
            lines,
            [
                ("short".to_string(), true, 5),
                ("this line ".to_string(), false, 21),
                ("last".to_string(), true, 4),
            ]
        );
    }
}
