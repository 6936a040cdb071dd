//! `corroborate.Ledger` and `corroborate.ledger()`: the core's ledger behind a Python
//! face. The ledger stays a Rust value; attributes convert on access, and the core's
//! work runs with the GIL released.

use std::sync::{Arc, OnceLock};

use corroborate::{LedgerBuilder, model};
use pyo3::exceptions::{PyImportError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};
use pyo3_arrow::PyTable;

use crate::chars::Context;
use crate::convert::Convert;
use crate::document::{Document, Input, date_string};
use crate::errors;
use crate::items::{Claim, Comparison, Entity, Event, Failure, Quantity, Quote, Story, Time};
use crate::progress::Progress;

/// What a pile of articles says, traced to byte offsets: the result of
/// `corroborate.ledger()`.
#[pyclass(module = "corroborate", frozen)]
pub struct Ledger {
    inner: Arc<model::Ledger>,
    cx: OnceLock<Context>,
}

impl Ledger {
    fn new(ledger: model::Ledger) -> Ledger {
        Ledger {
            inner: Arc::new(ledger),
            cx: OnceLock::new(),
        }
    }

    fn cx(&self) -> &Context {
        self.cx
            .get_or_init(|| Context::new(Arc::clone(&self.inner)))
    }

    fn convert<T: Convert>(&self, items: &[T]) -> Vec<T::Py> {
        let cx = self.cx();
        items.iter().map(|item| item.convert(cx)).collect()
    }
}

#[pymethods]
impl Ledger {
    /// Reads a ledger from the JSON `to_json()` (or the command line) writes.
    #[classmethod]
    fn from_json(
        _cls: &Bound<'_, pyo3::types::PyType>,
        json: &Bound<'_, PyAny>,
    ) -> PyResult<Ledger> {
        let text = if let Ok(s) = json.cast::<PyString>() {
            s.to_str()?.to_string()
        } else if let Ok(b) = json.cast::<PyBytes>() {
            String::from_utf8(b.as_bytes().to_vec())
                .map_err(|e| PyValueError::new_err(format!("ledger JSON is not UTF-8: {e}")))?
        } else {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "from_json takes str or bytes",
            ));
        };
        json.py()
            .detach(|| model::Ledger::from_json(&text))
            .map(Ledger::new)
            .map_err(errors::to_py)
    }

    /// The ledger as compact JSON: byte for byte what `corroborate ledger` prints
    /// (without its final newline).
    fn to_json(&self, py: Python<'_>) -> String {
        py.detach(|| self.inner.to_json())
    }

    /// The ledger of this ledger's documents and `other`'s, as if built in one go.
    fn merge(&self, py: Python<'_>, other: &Ledger) -> PyResult<Ledger> {
        py.detach(|| model::Ledger::clone(&self.inner).merge(model::Ledger::clone(&other.inner)))
            .map(Ledger::new)
            .map_err(errors::to_py)
    }

    /// One ledger per story; merging them gives this ledger back.
    fn split_by_story(&self, py: Python<'_>) -> Vec<Ledger> {
        py.detach(|| self.inner.split_by_story())
            .into_iter()
            .map(Ledger::new)
            .collect()
    }

    /// The plain-text report `corroborate ledger --format text` prints.
    fn report(&self, py: Python<'_>) -> String {
        py.detach(|| self.inner.to_text())
    }

    /// One table of the ledger as Arrow data: pass it to `pyarrow.table`, `polars.DataFrame`
    /// or anything else that reads the Arrow PyCapsule interface.
    fn to_arrow(&self, py: Python<'_>, table: &str) -> PyResult<PyTable> {
        let batch = py
            .detach(|| crate::arrow::table(self.cx(), table))
            .ok_or_else(|| {
                PyValueError::new_err(format!(
                    "no table {table:?}; the tables are {}",
                    crate::arrow::TABLES.join(", ")
                ))
            })?;
        let schema = batch.schema();
        PyTable::try_new(vec![batch], schema)
    }

    /// `to_arrow(table)` as a pandas DataFrame; needs pandas and pyarrow.
    fn to_pandas<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        let pyarrow = import_for(py, "pyarrow", "to_pandas", "pandas pyarrow")?;
        import_for(py, "pandas", "to_pandas", "pandas pyarrow")?;
        let arrow = self.to_arrow(py, table)?;
        pyarrow
            .call_method1("table", (arrow,))?
            .call_method0("to_pandas")
    }

    /// `to_arrow(table)` as a polars DataFrame; needs polars.
    fn to_polars<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        let polars = import_for(py, "polars", "to_polars", "polars")?;
        polars.call_method1("DataFrame", (self.to_arrow(py, table)?,))
    }

    /// The document with this id, or `None`.
    fn document(&self, id: &str) -> Option<Document> {
        self.inner.document(id).map(|d| d.convert(self.cx()))
    }

    /// The entity with this id, or `None`.
    fn entity(&self, id: &str) -> Option<Entity> {
        self.inner.entity(id).map(|e| e.convert(self.cx()))
    }

    /// Always `"corroborate.ledger/1"`.
    #[getter]
    fn schema(&self) -> &str {
        &self.inner.schema
    }

    /// The input documents, sorted by id.
    #[getter]
    fn documents(&self) -> Vec<Document> {
        self.convert(&self.inner.documents)
    }

    /// Documents grouped by happening.
    #[getter]
    fn stories(&self) -> Vec<Story> {
        self.convert(&self.inner.stories)
    }

    /// People, organizations, places and other named things.
    #[getter]
    fn entities(&self) -> Vec<Entity> {
        self.convert(&self.inner.entities)
    }

    /// Happenings with their participants.
    #[getter]
    fn events(&self) -> Vec<Event> {
        self.convert(&self.inner.events)
    }

    /// Atomic statements.
    #[getter]
    fn claims(&self) -> Vec<Claim> {
        self.convert(&self.inner.claims)
    }

    /// Direct quotations.
    #[getter]
    fn quotes(&self) -> Vec<Quote> {
        self.convert(&self.inner.quotes)
    }

    /// Numbers with units.
    #[getter]
    fn quantities(&self) -> Vec<Quantity> {
        self.convert(&self.inner.quantities)
    }

    /// Time expressions.
    #[getter]
    fn times(&self) -> Vec<Time> {
        self.convert(&self.inner.times)
    }

    /// Cross-source verdicts.
    #[getter]
    fn comparisons(&self) -> Vec<Comparison> {
        self.convert(&self.inner.comparisons)
    }

    /// Inputs left out when built with `keep_going=True`.
    #[getter]
    fn failures(&self) -> Vec<Failure> {
        self.convert(&self.inner.failures)
    }

    fn _repr_html_(&self, py: Python<'_>) -> String {
        py.detach(|| self.inner.to_html_fragment())
    }

    fn __repr__(&self) -> String {
        let l = &self.inner;
        format!(
            "<Ledger: {} documents, {} stories, {} entities, {} events, {} claims, {} quotes, \
             {} comparisons>",
            l.documents.len(),
            l.stories.len(),
            l.entities.len(),
            l.events.len(),
            l.claims.len(),
            l.quotes.len(),
            l.comparisons.len()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Ledger>()
            .is_ok_and(|o| self.inner == o.get().inner)
    }

    /// Pickles as its JSON, so ledgers travel between processes (multiprocessing, Dask,
    /// Spark).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let from_json = slf.get_type().getattr("from_json")?;
        let json = slf.get().to_json(py);
        (from_json, (json,)).into_pyobject(py)
    }
}

/// `module`, or an `ImportError` that says which method needs it and what to install.
fn import_for<'py>(
    py: Python<'py>,
    module: &str,
    method: &str,
    install: &str,
) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|_| {
        PyImportError::new_err(format!(
            "Ledger.{method}() needs {module}, which is not installed: pip install {install}"
        ))
    })
}

/// Builds the ledger of `inputs`: paths (article files, directories, `.jsonl` or
/// `.jsonl.gz` manifests, as the command line takes them) or `Document`s, one or a list.
///
/// `progress=True` shows a tqdm bar (a widget in a notebook) as documents go through;
/// a callable instead is called with `(done, total)`, from the calling thread.
#[pyfunction]
#[pyo3(signature = (inputs, published=None, *, keep_going=false, max_document_bytes=corroborate::DEFAULT_MAX_DOCUMENT_BYTES, progress=None))]
pub fn ledger(
    py: Python<'_>,
    inputs: &Bound<'_, PyAny>,
    published: Option<&Bound<'_, PyAny>>,
    keep_going: bool,
    max_document_bytes: usize,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<Ledger> {
    let inputs = Input::extract_all(inputs)?;
    let published = published.map(date_string).transpose()?;
    let progress = Progress::from_arg(progress)?;
    let make = move |builder: LedgerBuilder| {
        let mut builder = builder
            .keep_going(keep_going)
            .max_document_bytes(max_document_bytes);
        if let Some(date) = published {
            builder = builder.published(date);
        }
        for input in inputs {
            builder = match input {
                Input::Path(path) => builder.path(path)?,
                Input::Document(doc) => builder.document(doc),
            };
        }
        builder.build()
    };
    let built = match progress {
        None => py.detach(|| make(LedgerBuilder::new())),
        Some(progress) => crate::progress::run(py, progress, make)?,
    };
    built.map(Ledger::new).map_err(errors::to_py)
}
