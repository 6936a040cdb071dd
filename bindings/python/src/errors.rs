//! `corroborate.CorroborateError` and one subclass per error kind of the core.
//!
//! Every exception carries the core's message unchanged and a `code` attribute with the
//! core's stable keyword (each subclass also carries its keyword as a class attribute),
//! so a caller can catch one kind, or all of them, or switch on the keyword. Each kind is
//! also the built-in exception Python code expects for it: `IoError` is an `OSError`,
//! every other kind (bad input is a bad value) a `ValueError`.

use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};

pyo3::create_exception!(
    corroborate,
    CorroborateError,
    PyException,
    "Any error from reading input or building a ledger; `code` is its stable keyword."
);

/// The built-in exception a kind of error also is.
#[derive(Clone, Copy)]
enum Builtin {
    OsError,
    ValueError,
}

impl Builtin {
    fn name(self) -> &'static str {
        match self {
            Builtin::OsError => "OSError",
            Builtin::ValueError => "ValueError",
        }
    }
}

/// One kind of error: its class's name, the core's code for it, what else it is, and
/// its docstring.
struct Kind(&'static str, &'static str, Builtin, &'static str);

const KINDS: &[Kind] = &[
    Kind(
        "IoError",
        "io",
        Builtin::OsError,
        "A file or directory could not be read.",
    ),
    Kind(
        "InvalidUtf8Error",
        "invalid_utf8",
        Builtin::ValueError,
        "A text input is not valid UTF-8.",
    ),
    Kind(
        "EmptyDocumentError",
        "empty_document",
        Builtin::ValueError,
        "A document has no text.",
    ),
    Kind(
        "ManifestError",
        "manifest",
        Builtin::ValueError,
        "A line of a JSONL manifest is malformed.",
    ),
    Kind(
        "BadDateError",
        "bad_date",
        Builtin::ValueError,
        "A date is not a real day written YYYY-MM-DD.",
    ),
    Kind(
        "DuplicateIdError",
        "duplicate_id",
        Builtin::ValueError,
        "Two documents share one id.",
    ),
    Kind(
        "TooLargeError",
        "too_large",
        Builtin::ValueError,
        "A document is larger than the limit in force.",
    ),
    Kind(
        "UnsupportedInputError",
        "unsupported_input",
        Builtin::ValueError,
        "A path is not an article file, directory or manifest.",
    ),
    Kind(
        "JsonError",
        "json",
        Builtin::ValueError,
        "JSON could not be read.",
    ),
    Kind(
        "SchemaError",
        "schema",
        Builtin::ValueError,
        "A ledger carries a schema this version does not read.",
    ),
    Kind(
        "NoDocumentsError",
        "no_documents",
        Builtin::ValueError,
        "No documents were given.",
    ),
];

/// The subclasses, in the order of [`KINDS`], made once: a class with two bases cannot
/// be declared statically.
static CLASSES: PyOnceLock<Vec<Py<PyType>>> = PyOnceLock::new();

fn classes(py: Python<'_>) -> PyResult<&Vec<Py<PyType>>> {
    CLASSES.get_or_try_init(py, || {
        let builtins = py.import("builtins")?;
        let base = py.get_type::<CorroborateError>();
        KINDS
            .iter()
            .map(|&Kind(name, code, builtin, doc)| {
                let namespace = PyDict::new(py);
                namespace.set_item("__module__", "corroborate")?;
                namespace.set_item("__doc__", doc)?;
                namespace.set_item("code", code)?;
                let bases = PyTuple::new(py, [base.as_any(), &builtins.getattr(builtin.name())?])?;
                let class = py.get_type::<PyType>().call1((name, bases, namespace))?;
                Ok(class.cast_into::<PyType>()?.unbind())
            })
            .collect()
    })
}

/// Adds `CorroborateError` (also as `Error`) and every subclass to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("CorroborateError", py.get_type::<CorroborateError>())?;
    m.add("Error", py.get_type::<CorroborateError>())?;
    for (Kind(name, ..), class) in KINDS.iter().zip(classes(py)?) {
        m.add(*name, class.bind(py))?;
    }
    Ok(())
}

/// The exception classes' stubs, as `_corroborate.pyi` has them.
pub fn stub() -> String {
    let mut text = String::from(
        "class CorroborateError(Exception):\n    \"\"\"Any error from reading input or building \
         a ledger; `code` is its stable keyword.\"\"\"\n\n    code: str\n\nError = CorroborateError\n\n",
    );
    for Kind(name, _, builtin, _) in KINDS {
        text.push_str(&format!(
            "class {name}(CorroborateError, {}): ...\n",
            builtin.name()
        ));
    }
    text
}

/// The Python exception for a core error.
pub fn to_py(error: corroborate::Error) -> PyErr {
    Python::attach(|py| {
        let make = || -> PyResult<PyErr> {
            let class = match KINDS.iter().position(|kind| kind.1 == error.code()) {
                Some(i) => classes(py)?[i].bind(py).clone(),
                // A kind this build does not know still arrives, as the base class.
                None => py.get_type::<CorroborateError>(),
            };
            let value = class.call1((format!("{error:#}"),))?;
            value.setattr("code", error.code())?;
            Ok(PyErr::from_value(value))
        };
        make().unwrap_or_else(|e| e)
    })
}
