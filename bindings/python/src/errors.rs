//! `corroborate.Error` and one subclass per error kind of the core.
//!
//! Every exception is a `ValueError` (bad input is a bad value), carries the core's
//! message unchanged, and a `code` attribute with the core's stable keyword (each
//! subclass also carries its keyword as a class attribute), so a caller can catch one
//! kind, or all of them, or switch on the keyword.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyType;

pyo3::create_exception!(
    corroborate,
    Error,
    PyValueError,
    "Any error from reading input or building a ledger; `code` is its stable keyword."
);

/// Declares each subclass with the core's error code it stands for.
macro_rules! kinds {
    ($( $name:ident = $code:literal : $doc:literal ),* $(,)?) => {
        $( pyo3::create_exception!(corroborate, $name, Error, $doc); )*

        /// The class for a code, `Error` itself for a kind this build does not know.
        fn class_for<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyType> {
            match code {
                $( $code => py.get_type::<$name>(), )*
                _ => py.get_type::<Error>(),
            }
        }

        /// Adds `Error` and every subclass to the module.
        pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
            let py = m.py();
            m.add("Error", py.get_type::<Error>())?;
            $(
                let class = py.get_type::<$name>();
                class.setattr("code", $code)?;
                m.add(stringify!($name), class)?;
            )*
            Ok(())
        }
    };
}

kinds! {
    IoError = "io": "A file or directory could not be read.",
    InvalidUtf8Error = "invalid_utf8": "A text input is not valid UTF-8.",
    EmptyDocumentError = "empty_document": "A document has no text.",
    ManifestError = "manifest": "A line of a JSONL manifest is malformed.",
    BadDateError = "bad_date": "A date is not a real day written YYYY-MM-DD.",
    DuplicateIdError = "duplicate_id": "Two documents share one id.",
    TooLargeError = "too_large": "A document is larger than the limit in force.",
    UnsupportedInputError = "unsupported_input": "A path is not an article file, directory or manifest.",
    JsonError = "json": "JSON could not be read.",
    SchemaError = "schema": "A ledger carries a schema this version does not read.",
    NoDocumentsError = "no_documents": "No documents were given.",
}

/// The Python exception for a core error.
pub fn to_py(error: corroborate::Error) -> PyErr {
    Python::attach(|py| {
        let class = class_for(py, error.code());
        let make = || -> PyResult<PyErr> {
            let value = class.call1((format!("{error:#}"),))?;
            value.setattr("code", error.code())?;
            Ok(PyErr::from_value(value))
        };
        make().unwrap_or_else(|e| e)
    })
}
