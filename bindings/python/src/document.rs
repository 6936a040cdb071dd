//! `corroborate.Document`: an article going into a ledger, and the same article as the
//! ledger holds it.
//!
//! One class serves both ways so that a ledger's documents can be fed back in (to
//! rebuild, filter or merge) without conversion.

use std::path::PathBuf;
use std::sync::Arc;

use corroborate::{DocumentInput, model};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::chars::Context;

crate::items::record! {
    /// One article: an input to `corroborate.ledger`, and an entry of `Ledger.documents`.
    Document from Document {
        /// The document's id, unique in one ledger.
        id: String,
        /// The text every span indexes: the input itself for plain text, the extracted
        /// body for HTML (empty in a `Document` made from HTML, until it is in a ledger).
        text: String,
        /// Publication date `YYYY-MM-DD`, the anchor for relative times.
        published: Option<String>,
        /// The outlet.
        source: Option<String>,
        /// The page's address.
        url: Option<String>,
        /// The headline.
        title: Option<String>,
        /// The byline found in a web page.
        author: Option<String>,
        /// Ranges of `text` that are not article body.
        removed: Vec<model::Removed> [skip],
    }
    hidden {
        // A ledger's documents hold their extracted text, not the page.
        html: Option<Arc<[u8]>> = |_: &model::Document, _: &Context| None,
    }
    stubs {
        "def __new__(
        cls,
        id: str,
        text: str | None = None,
        *,
        html: str | bytes | None = None,
        published: _DateLike | None = None,
        source: str | None = None,
        url: str | None = None,
        title: str | None = None,
    ) -> Document: ...",
        "@property
    def html(self) -> bytes | None: ...",
    }
    methods {
        /// An article from its text or its HTML (`str` or `bytes` in any declared encoding).
        #[new]
        #[pyo3(signature = (id, text=None, *, html=None, published=None, source=None, url=None, title=None))]
        #[allow(clippy::too_many_arguments)]
        fn py_new(
            id: String,
            text: Option<String>,
            html: Option<&Bound<'_, PyAny>>,
            published: Option<&Bound<'_, PyAny>>,
            source: Option<String>,
            url: Option<String>,
            title: Option<String>,
        ) -> PyResult<Document> {
            let html: Option<Arc<[u8]>> = match html {
                None => None,
                Some(h) => Some(if let Ok(s) = h.cast::<PyString>() {
                    s.to_str()?.as_bytes().into()
                } else if let Ok(b) = h.cast::<PyBytes>() {
                    b.as_bytes().into()
                } else {
                    return Err(PyTypeError::new_err("html must be str or bytes"));
                }),
            };
            let text = match (text, &html) {
                (Some(_), Some(_)) => {
                    return Err(PyTypeError::new_err("give text= or html=, not both"));
                }
                (None, None) => return Err(PyTypeError::new_err("give text= or html=")),
                (text, _) => text.unwrap_or_default(),
            };
            Ok(Document {
                id,
                text,
                html,
                published: published.map(date_string).transpose()?,
                source,
                url,
                title,
                author: None,
                removed: Vec::new(),
            })
        }

        /// The HTML the document was made from, or `None` for a text document.
        #[getter]
        fn html<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
            self.html.as_deref().map(|h| PyBytes::new(py, h))
        }
    }
}

/// A date as `YYYY-MM-DD`: a string as given (the core checks it), or anything with
/// `strftime` (`datetime.date`, `datetime.datetime`, `pandas.Timestamp`).
pub fn date_string(value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(s.to_str()?.to_string());
    }
    if value.hasattr("strftime")? {
        return value.call_method1("strftime", ("%Y-%m-%d",))?.extract();
    }
    Err(PyTypeError::new_err(format!(
        "a date must be a str 'YYYY-MM-DD' or a datetime.date, not {}",
        value.get_type().name()?
    )))
}

impl Document {
    /// The document as the core's input.
    pub fn input(&self) -> DocumentInput {
        let mut input = match &self.html {
            Some(html) => DocumentInput::html(&self.id, html.to_vec()),
            None => DocumentInput::text(&self.id, &self.text),
        };
        input.published = self.published.clone();
        input.source = self.source.clone();
        input.url = self.url.clone();
        input.title = self.title.clone();
        input
    }
}

/// One entry of `corroborate.ledger`'s `inputs`.
pub enum Input {
    /// A path, read as the command line reads it.
    Path(PathBuf),
    /// A document in memory.
    Document(DocumentInput),
}

impl Input {
    /// A `Document`, else a path (`str` or `os.PathLike`).
    pub fn extract(item: &Bound<'_, PyAny>) -> PyResult<Input> {
        if let Ok(doc) = item.cast::<Document>() {
            return Ok(Input::Document(doc.get().input()));
        }
        item.extract::<PathBuf>().map(Input::Path).map_err(|_| {
            let kind = item
                .get_type()
                .name()
                .map_or_else(|_| "?".to_string(), |n| n.to_string());
            PyTypeError::new_err(format!(
                "an input must be a path or a corroborate.Document, not {kind}"
            ))
        })
    }

    /// `inputs` as given: one input, or an iterable of them.
    pub fn extract_all(inputs: &Bound<'_, PyAny>) -> PyResult<Vec<Input>> {
        let single = inputs.cast::<PyString>().is_ok()
            || inputs.cast::<Document>().is_ok()
            || inputs.hasattr("__fspath__")?;
        if single {
            return Ok(vec![Input::extract(inputs)?]);
        }
        inputs
            .try_iter()?
            .map(|item| Input::extract(&item?))
            .collect()
    }
}
