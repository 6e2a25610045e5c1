//! `cookie_charter._native`: the Rust half of the Python package `cookie_charter`.
//!
//! Python-facing argument checks, the GIL released around parsing, and errors turned
//! into Python exceptions. The calls into the core crate are in [`core`]; the threads
//! in [`work`]. The public Python API (with the Arrow tables) is
//! `python/cookie_charter/__init__.py`, which calls the functions here.

mod core;
mod work;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString};

use crate::core::{Failure, Input};

pyo3::create_exception!(
    cookie_charter,
    InternalError,
    PyRuntimeError,
    "An internal error of the parser (a Rust panic), caught before it reached Python. \
     Please report it with the input that caused it."
);

/// One document as taken from Python: the text or bytes, kept alive without the GIL.
enum Doc {
    Text(PyBackedStr),
    Bytes(PyBackedBytes),
}

impl Doc {
    fn input(&self) -> Input<'_> {
        match self {
            Doc::Text(s) => Input::Text(s),
            Doc::Bytes(b) => Input::Bytes(b),
        }
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
}

fn text_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<PyBackedStr> {
    if obj.is_instance_of::<PyString>() {
        return obj.extract();
    }
    let hint = if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
        " (use parse_bytes for bytes)"
    } else {
        ""
    };
    Err(PyTypeError::new_err(format!(
        "{what} must be str, not {}{hint}",
        type_name(obj)
    )))
}

fn bytes_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<PyBackedBytes> {
    if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
        return obj.extract();
    }
    let hint = if obj.is_instance_of::<PyString>() {
        " (use parse for str)"
    } else {
        ""
    };
    Err(PyTypeError::new_err(format!(
        "{what} must be bytes or bytearray, not {}{hint}",
        type_name(obj)
    )))
}

/// The documents of an iterable: each a `str` (parsed as text) or `bytes` (decoded).
fn docs_arg(texts: &Bound<'_, PyAny>) -> PyResult<Vec<Doc>> {
    if texts.is_instance_of::<PyString>() || texts.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(format!(
            "texts must be an iterable of str or bytes, not a single {} \
             (wrap one document in a list)",
            type_name(texts)
        )));
    }
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "texts must be an iterable of str or bytes, not {}",
            type_name(texts)
        ))
    })?;
    let mut docs = Vec::new();
    for (i, item) in iter.enumerate() {
        let item = item?;
        if item.is_instance_of::<PyString>() {
            docs.push(Doc::Text(item.extract()?));
        } else if item.is_instance_of::<PyBytes>() || item.is_instance_of::<PyByteArray>() {
            docs.push(Doc::Bytes(item.extract()?));
        } else {
            return Err(PyTypeError::new_err(format!(
                "texts[{i}] must be str or bytes, not {}",
                type_name(&item)
            )));
        }
    }
    Ok(docs)
}

fn jobs_arg(jobs: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    let Some(jobs) = jobs.filter(|j| !j.is_none()) else {
        return Ok(work::default_jobs());
    };
    if jobs.is_instance_of::<pyo3::types::PyBool>() || !jobs.is_instance_of::<pyo3::types::PyInt>()
    {
        return Err(PyTypeError::new_err(format!(
            "jobs must be an int or None, not {}",
            type_name(jobs)
        )));
    }
    let n: i64 = jobs.extract()?;
    if n < 1 {
        return Err(PyValueError::new_err(format!(
            "jobs must be at least 1, not {n}"
        )));
    }
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

fn to_py_err(failure: Failure, index: Option<usize>) -> PyErr {
    let at = index.map(|i| format!("texts[{i}]: ")).unwrap_or_default();
    match failure {
        Failure::TooLarge { size, limit } => PyValueError::new_err(format!(
            "{at}input is {size} bytes, over the size limit of {limit} bytes \
             (cookie_charter.MAX_BYTES)"
        )),
        Failure::Other(message) => PyValueError::new_err(format!("{at}{message}")),
        Failure::Panic(message) => InternalError::new_err(format!(
            "{at}internal error in the cookie-charter parser (Rust panic: {message}); \
             please report it with the input"
        )),
    }
}

/// The first failure of a batch, as a Python exception; else the results.
fn all_ok<T>(results: Vec<Result<T, Failure>>) -> PyResult<Vec<T>> {
    let mut out = Vec::with_capacity(results.len());
    for (i, r) in results.into_iter().enumerate() {
        out.push(r.map_err(|f| to_py_err(f, Some(i)))?);
    }
    Ok(out)
}

fn json_loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr("loads")?.call1((json,))
}

/// Parse one cookie policy given as text.
///
/// Returns, as a dict, the JSON object that `cookie-charter parse --format json`
/// prints for the document, less its `source` key: `language`,
/// `language_confidence`, `encoding`, `text_len`, `cookies`, `warnings`, `repairs`
/// (see `schema()`). Spans are UTF-8 byte offsets into `text`.
///
/// The text is parsed as given, as the CLI parses a `--input jsonl` text field. A file's
/// contents read as `str` give the CLI's result for the file too, unless the file has
/// a BOM, control characters or mojibake, which the CLI's decoding step handles: for
/// those, give the file's bytes to `parse_bytes`.
///
/// `repair=False` keeps field text as written (the CLI's `--raw`).
///
/// Raises `TypeError` when `text` is not a `str`, `ValueError` when it is over
/// `MAX_BYTES` bytes in UTF-8, and `InternalError` if the parser panics.
#[pyfunction]
#[pyo3(signature = (text, *, repair = true))]
fn parse<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    repair: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "text")?;
    let json = py
        .allow_threads(|| core::guard(|| core::parse(Input::Text(&text), repair)?.to_json()))
        .map_err(|f| to_py_err(f, None))?;
    json_loads(py, &json)
}

/// Parse one cookie policy given as bytes, decoded as the CLI decodes files:
/// UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (with a warning).
///
/// Returns the same dict as `parse`; `encoding` names the decoding, and spans are
/// byte offsets into the decoded UTF-8 text.
///
/// Raises `TypeError` when `data` is not `bytes` or `bytearray`, `ValueError` when
/// the decoded text is over `MAX_BYTES` bytes, and `InternalError` if the parser panics.
#[pyfunction]
#[pyo3(signature = (data, *, repair = true))]
fn parse_bytes<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    repair: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let data = bytes_arg(data, "data")?;
    let json = py
        .allow_threads(|| core::guard(|| core::parse(Input::Bytes(&data), repair)?.to_json()))
        .map_err(|f| to_py_err(f, None))?;
    json_loads(py, &json)
}

/// Parse many documents on threads in Rust, with the GIL released.
///
/// `texts` is an iterable whose items are `str` (parsed as by `parse`) or `bytes`
/// (as by `parse_bytes`). Returns a list of dicts in input order. `jobs` is the
/// number of threads (default: all cores).
///
/// Raises `TypeError` for a wrong type (naming the item's index), `ValueError` for
/// `jobs < 1` or an item over `MAX_BYTES`, and `InternalError` if the parser panics.
#[pyfunction]
#[pyo3(signature = (texts, *, jobs = None, repair = true))]
fn parse_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    jobs: Option<&Bound<'py, PyAny>>,
    repair: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let jobs = jobs_arg(jobs)?;
    let docs = docs_arg(texts)?;
    let results = py.allow_threads(|| {
        work::map_ordered(&docs, jobs, |d| {
            core::guard(|| core::parse(d.input(), repair)?.to_json())
        })
    });
    let jsons = all_ok(results)?;
    // One document at a time, each JSON text freed once loaded: no second copy of the batch.
    let loads = py.import("json")?.getattr("loads")?;
    let list = PyList::empty(py);
    for json in jsons {
        list.append(loads.call1((json,))?)?;
    }
    Ok(list.into_any())
}

/// What one document gives for the tables.
struct TableDoc {
    cookies: Vec<core::CookieRow>,
    language: Option<String>,
    document: core::DocumentRow,
}

/// The columns of the cookies table and of the documents table, as two dicts of lists
/// (`doc_index` in the cookie columns is each cookie's document position). Used by
/// `cookies_table` and `documents_table`, which build the Arrow tables; not API.
#[pyfunction]
#[pyo3(signature = (texts, *, jobs = None, repair = true))]
fn _columns<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    jobs: Option<&Bound<'py, PyAny>>,
    repair: bool,
) -> PyResult<(Bound<'py, PyDict>, Bound<'py, PyDict>)> {
    let jobs = jobs_arg(jobs)?;
    let docs = docs_arg(texts)?;
    let results = py.allow_threads(|| {
        work::map_ordered(&docs, jobs, |d| {
            core::guard(|| {
                let parsed = core::parse(d.input(), repair)?;
                Ok(TableDoc {
                    cookies: parsed.cookie_rows().collect(),
                    language: parsed.language().map(str::to_string),
                    document: parsed.document_row(),
                })
            })
        })
    });
    drop(docs);
    let parsed = all_ok(results)?;

    let rows: usize = parsed.iter().map(|d| d.cookies.len()).sum();
    let mut doc_index = Vec::with_capacity(rows);
    let mut name = Vec::with_capacity(rows);
    let mut provider = Vec::with_capacity(rows);
    let mut category = Vec::with_capacity(rows);
    let mut category_declared = Vec::with_capacity(rows);
    let mut duration_kind = Vec::with_capacity(rows);
    let mut duration_iso8601 = Vec::with_capacity(rows);
    let mut duration_seconds = Vec::with_capacity(rows);
    let mut duration_text = Vec::with_capacity(rows);
    let mut purposes = Vec::with_capacity(rows);
    let mut language = Vec::with_capacity(rows);
    let mut span_start = Vec::with_capacity(rows);
    let mut span_end = Vec::with_capacity(rows);

    let n = parsed.len();
    let mut d_language = Vec::with_capacity(n);
    let mut d_confidence = Vec::with_capacity(n);
    let mut d_encoding = Vec::with_capacity(n);
    let mut d_text_len = Vec::with_capacity(n);
    let mut d_cookies = Vec::with_capacity(n);
    let mut d_warnings = Vec::with_capacity(n);
    let mut d_repairs = Vec::with_capacity(n);

    for (i, doc) in parsed.into_iter().enumerate() {
        for c in doc.cookies {
            doc_index.push(i);
            name.push(c.name);
            provider.push(c.provider);
            category.push(c.category);
            category_declared.push(c.category_declared);
            duration_kind.push(c.duration_kind);
            duration_iso8601.push(c.duration_iso8601);
            duration_seconds.push(c.duration_seconds);
            duration_text.push(c.duration_text);
            purposes.push(c.purposes);
            language.push(doc.language.clone());
            span_start.push(c.span_start);
            span_end.push(c.span_end);
        }
        let d = doc.document;
        d_language.push(d.language);
        d_confidence.push(d.language_confidence);
        d_encoding.push(d.encoding);
        d_text_len.push(d.text_len);
        d_cookies.push(d.cookie_count);
        d_warnings.push(d.warning_count);
        d_repairs.push(d.repair_count);
    }

    let cookies = PyDict::new(py);
    cookies.set_item("doc_index", PyList::new(py, doc_index)?)?;
    cookies.set_item("name", PyList::new(py, name)?)?;
    cookies.set_item("provider", PyList::new(py, provider)?)?;
    cookies.set_item("category", PyList::new(py, category)?)?;
    cookies.set_item("category_declared", PyList::new(py, category_declared)?)?;
    cookies.set_item("duration_kind", PyList::new(py, duration_kind)?)?;
    cookies.set_item("duration_iso8601", PyList::new(py, duration_iso8601)?)?;
    cookies.set_item("duration_seconds", PyList::new(py, duration_seconds)?)?;
    cookies.set_item("duration_text", PyList::new(py, duration_text)?)?;
    cookies.set_item("purposes", PyList::new(py, purposes)?)?;
    cookies.set_item("language", PyList::new(py, language)?)?;
    cookies.set_item("span_start", PyList::new(py, span_start)?)?;
    cookies.set_item("span_end", PyList::new(py, span_end)?)?;

    let documents = PyDict::new(py);
    documents.set_item("language", PyList::new(py, d_language)?)?;
    documents.set_item("language_confidence", PyList::new(py, d_confidence)?)?;
    documents.set_item("encoding", PyList::new(py, d_encoding)?)?;
    documents.set_item("text_len", PyList::new(py, d_text_len)?)?;
    documents.set_item("cookie_count", PyList::new(py, d_cookies)?)?;
    documents.set_item("warning_count", PyList::new(py, d_warnings)?)?;
    documents.set_item("repair_count", PyList::new(py, d_repairs)?)?;
    Ok((cookies, documents))
}

/// The JSON Schema (draft 7) of the dicts that `parse` returns, as a dict.
#[pyfunction]
fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let json = core::schema_json().map_err(|f| to_py_err(f, None))?;
    json_loads(py, &json)
}

/// Panics inside the same guard that wraps every parse, to test that a Rust panic
/// reaches Python as `InternalError`. Not API.
#[pyfunction]
fn _panic_for_test(py: Python<'_>, message: String) -> PyResult<()> {
    py.allow_threads(|| core::guard(|| -> Result<(), Failure> { panic!("{message}") }))
        .map_err(|f| to_py_err(f, None))
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(_columns, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_test, m)?)?;
    m.add("InternalError", m.py().get_type::<InternalError>())?;
    m.add("MAX_BYTES", core::MAX_BYTES)?;
    m.add("PURPOSE_SEPARATOR", core::PURPOSE_SEPARATOR)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
