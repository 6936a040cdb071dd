//! The one error type of the library.
//!
//! Errors are small (`Error` is one pointer) and name the input they concern, so a
//! message printed on its own tells a user which file, line or document to fix.
//!
//! As in the standard library, an error's message says what failed and
//! [`std::error::Error::source`] gives the cause (the operating system's or the JSON
//! parser's reason), so that printing the chain shows each once. `{:#}` prints the
//! whole chain on one line.

use std::fmt;

/// An error from reading input or building a ledger.
///
/// Match on [`Error::kind`] to handle a particular failure:
///
/// ```
/// use corroborate::{Error, ErrorKind};
///
/// let err = Error::new(ErrorKind::EmptyDocument { input: "a.txt".into() });
/// assert!(matches!(err.kind(), ErrorKind::EmptyDocument { .. }));
/// assert_eq!(err.to_string(), "a.txt: the document is empty");
/// ```
///
/// The message says what failed; the cause, when there is one, comes from
/// [`source`](std::error::Error::source). The alternate form (`{:#}`) joins the two with
/// `": "`, for a front end that shows one line:
///
/// ```
/// use std::error::Error as _;
///
/// let err = corroborate::Ledger::from_json("{").unwrap_err();
/// assert_eq!(err.to_string(), "ledger: invalid JSON");
/// assert_eq!(err.source().unwrap().to_string(), "EOF while parsing an object at line 1 column 1");
/// assert_eq!(
///     format!("{err:#}"),
///     "ledger: invalid JSON: EOF while parsing an object at line 1 column 1",
/// );
/// ```
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

/// What went wrong, with the input it concerns.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or directory could not be read.
    #[error("{path}: cannot read")]
    Io {
        /// The path as given.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// A text input is not valid UTF-8.
    #[error("{input}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// The input's name.
        input: String,
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// A document has no text (or only white space).
    #[error("{input}: the document is empty")]
    EmptyDocument {
        /// The input's name.
        input: String,
    },
    /// A line of a JSONL manifest is malformed.
    #[error("{input}:{line}: {message}")]
    Manifest {
        /// The manifest's path.
        input: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// A date is not `YYYY-MM-DD` or not a real day.
    #[error("{input}: bad date {value:?}: expected a real day as YYYY-MM-DD")]
    BadDate {
        /// Where the date came from.
        input: String,
        /// The date as given.
        value: String,
    },
    /// Two documents share one id.
    #[error("{input}: duplicate document id {id:?}")]
    DuplicateId {
        /// Where the second one came from.
        input: String,
        /// The id.
        id: String,
    },
    /// An input is larger than the configured limit.
    #[error("{input}: {size} bytes is over the limit of {limit} bytes")]
    TooLarge {
        /// The input's name.
        input: String,
        /// Its size.
        size: usize,
        /// The limit in force.
        limit: usize,
    },
    /// An input path names something that is not an article file, directory or manifest.
    #[error("{input}: {message}")]
    UnsupportedInput {
        /// The input's name.
        input: String,
        /// Why it cannot be read.
        message: String,
    },
    /// JSON could not be read.
    #[error("{input}: invalid JSON")]
    Json {
        /// What was being read.
        input: String,
        /// The parser's reason.
        source: serde_json::Error,
    },
    /// A ledger carries a schema this version does not read.
    #[error("unsupported ledger schema {found:?}, expected {expected:?}", expected = crate::model::SCHEMA)]
    Schema {
        /// The schema found.
        found: String,
    },
    /// No documents were given.
    #[error("no documents to read")]
    NoDocuments,
}

impl Error {
    /// Wraps a kind.
    pub fn new(kind: ErrorKind) -> Error {
        Error(Box::new(kind))
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// Consumes the error, returning its kind.
    pub fn into_kind(self) -> ErrorKind {
        *self.0
    }

    /// A short, stable keyword for the kind, used by the bindings to pick an exception or status.
    ///
    /// ```
    /// use corroborate::{Error, ErrorKind};
    /// assert_eq!(Error::new(ErrorKind::NoDocuments).code(), "no_documents");
    /// ```
    pub fn code(&self) -> &'static str {
        match self.kind() {
            ErrorKind::Io { .. } => "io",
            ErrorKind::InvalidUtf8 { .. } => "invalid_utf8",
            ErrorKind::EmptyDocument { .. } => "empty_document",
            ErrorKind::Manifest { .. } => "manifest",
            ErrorKind::BadDate { .. } => "bad_date",
            ErrorKind::DuplicateId { .. } => "duplicate_id",
            ErrorKind::TooLarge { .. } => "too_large",
            ErrorKind::UnsupportedInput { .. } => "unsupported_input",
            ErrorKind::Json { .. } => "json",
            ErrorKind::Schema { .. } => "schema",
            ErrorKind::NoDocuments => "no_documents",
        }
    }

    pub(crate) fn io(path: impl Into<String>, source: std::io::Error) -> Error {
        Error::new(ErrorKind::Io {
            path: path.into(),
            source,
        })
    }

    pub(crate) fn json(input: impl Into<String>, source: serde_json::Error) -> Error {
        Error::new(ErrorKind::Json {
            input: input.into(),
            source,
        })
    }
}

impl fmt::Display for Error {
    /// The message; with `{:#}`, followed by each cause in turn, joined by `": "`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)?;
        if f.alternate() {
            let mut cause = std::error::Error::source(self);
            while let Some(error) = cause {
                write!(f, ": {error}")?;
                cause = error.source();
            }
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&*self.0)
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error::new(kind)
    }
}
