//! The pipeline: documents → prepared documents → per-document extraction →
//! cross-document resolution → comparison → ledger.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::extract::{self, Extraction, Found};
use crate::input::{Content, DocumentInput};
use crate::model::{Failure, Ledger};
use crate::ner::{Session, SessionPool, Tagger};
use crate::prepare::{Prepared, parse_date, prepare};
use crate::{Error, ErrorKind};

/// Builds a [`Ledger`] from documents.
///
/// ```
/// use corroborate::{DocumentInput, LedgerBuilder};
///
/// let ledger = LedgerBuilder::new()
///     .published("2024-07-16")
///     .document(DocumentInput::text("a", "The mayor of Springfield resigned on Tuesday."))
///     .document(DocumentInput::text("b", "Springfield's mayor quit on Tuesday, officials said."))
///     .build()
///     .unwrap();
/// assert_eq!(ledger.documents.len(), 2);
/// assert_eq!(ledger.documents[0].published.as_deref(), Some("2024-07-16"));
/// ```
#[derive(Debug, Clone)]
pub struct LedgerBuilder {
    documents: Vec<DocumentInput>,
    failures: Vec<Failure>,
    published: Option<String>,
    keep_going: bool,
    max_document_bytes: usize,
    progress: Option<Progress>,
}

/// A callback told how many documents have been read, out of how many.
#[derive(Clone)]
struct Progress(Arc<dyn Fn(usize, usize) + Send + Sync>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress(..)")
    }
}

/// The default for [`LedgerBuilder::max_document_bytes`]: 64 MiB, far above any real article.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 64 << 20;

impl Default for LedgerBuilder {
    fn default() -> LedgerBuilder {
        LedgerBuilder {
            documents: Vec::new(),
            failures: Vec::new(),
            published: None,
            keep_going: false,
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            progress: None,
        }
    }
}

impl LedgerBuilder {
    /// An empty builder.
    pub fn new() -> LedgerBuilder {
        LedgerBuilder::default()
    }

    /// The publication date for documents that give none (`YYYY-MM-DD`).
    pub fn published(mut self, date: impl Into<String>) -> LedgerBuilder {
        self.published = Some(date.into());
        self
    }

    /// Adds one document.
    pub fn document(mut self, document: DocumentInput) -> LedgerBuilder {
        self.documents.push(document);
        self
    }

    /// Adds several documents.
    pub fn documents(
        mut self,
        documents: impl IntoIterator<Item = DocumentInput>,
    ) -> LedgerBuilder {
        self.documents.extend(documents);
        self
    }

    /// Adds the documents a path names (an article file, a directory of them or a JSONL
    /// manifest, as [`load_path`](crate::load_path) reads them). A path that cannot be
    /// read is an error, or with [`keep_going`](LedgerBuilder::keep_going) set *before*
    /// this call, a failure the ledger lists — so every front end treats paths alike.
    ///
    /// ```
    /// use corroborate::LedgerBuilder;
    /// let missing = std::env::temp_dir().join("corroborate-no-such-file.txt");
    /// assert!(LedgerBuilder::new().path(&missing).is_err());
    /// let builder = LedgerBuilder::new().keep_going(true).path(&missing).unwrap();
    /// let ledger = builder.build().unwrap();
    /// assert_eq!(ledger.failures[0].code, "io");
    /// ```
    pub fn path(self, path: impl AsRef<std::path::Path>) -> Result<LedgerBuilder, Error> {
        let path = path.as_ref();
        match crate::load_path(path) {
            Ok(documents) => Ok(self.documents(documents)),
            Err(error) if self.keep_going => {
                Ok(self.failed_input(path.display().to_string(), &error))
            }
            Err(error) => Err(error),
        }
    }

    /// With `true`, a document that cannot be read is listed in the ledger's `failures`
    /// and the others are processed; with `false` (the default) the first such error is
    /// returned. Either way no document is dropped silently.
    ///
    /// ```
    /// use corroborate::{DocumentInput, LedgerBuilder};
    /// let ledger = LedgerBuilder::new()
    ///     .keep_going(true)
    ///     .document(DocumentInput::text("good", "The port reopened."))
    ///     .document(DocumentInput::text("blank", "   "))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(ledger.documents.len(), 1);
    /// assert_eq!(ledger.failures[0].message, "blank: the document is empty");
    /// ```
    pub fn keep_going(mut self, keep_going: bool) -> LedgerBuilder {
        self.keep_going = keep_going;
        self
    }

    /// Records an input that failed before it became a document (for example a file
    /// that could not be read), so that a `keep_going` ledger lists it.
    pub fn failed_input(mut self, input: impl Into<String>, error: &Error) -> LedgerBuilder {
        self.failures.push(Failure {
            input: input.into(),
            code: error.code().to_string(),
            message: format!("{error:#}"),
        });
        self
    }

    /// The largest document accepted, in bytes (default [`DEFAULT_MAX_DOCUMENT_BYTES`]);
    /// a larger one is an [`ErrorKind::TooLarge`] error, so hostile input stays bounded.
    ///
    /// ```
    /// use corroborate::{DocumentInput, ErrorKind, LedgerBuilder};
    /// let err = LedgerBuilder::new()
    ///     .max_document_bytes(10)
    ///     .document(DocumentInput::text("a", "This text is longer than ten bytes."))
    ///     .build()
    ///     .unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::TooLarge { .. }));
    /// ```
    pub fn max_document_bytes(mut self, limit: usize) -> LedgerBuilder {
        self.max_document_bytes = limit;
        self
    }

    /// Calls `report(done, total)` as documents finish (or fail) their per-document
    /// stages (from worker threads, in no particular order), for progress bars.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    /// use std::sync::Arc;
    /// use corroborate::{DocumentInput, LedgerBuilder};
    /// let seen = Arc::new(AtomicUsize::new(0));
    /// let counter = Arc::clone(&seen);
    /// LedgerBuilder::new()
    ///     .on_progress(move |_done, _total| { counter.fetch_add(1, Ordering::Relaxed); })
    ///     .document(DocumentInput::text("a", "The port reopened."))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(seen.load(Ordering::Relaxed), 1);
    /// ```
    pub fn on_progress(
        mut self,
        report: impl Fn(usize, usize) + Send + Sync + 'static,
    ) -> LedgerBuilder {
        self.progress = Some(Progress(Arc::new(report)));
        self
    }

    /// Runs every stage and returns the ledger, or the first input error.
    pub fn build(self) -> Result<Ledger, Error> {
        let default_published = self
            .published
            .as_deref()
            .map(|value| parse_date("--published", value))
            .transpose()?;
        check_unique_ids(&self.documents)?;
        let limit = self.max_document_bytes;
        let total = self.documents.len();
        let done = AtomicUsize::new(0);
        let progress = self.progress;
        // Each document goes through every per-document stage on one worker, so that
        // only the documents in flight hold their token analysis, not the whole corpus.
        // A worker's documents share one tagging session, which scores a word form once.
        let sessions = SessionPool::new(Tagger::shipped());
        let documents = self.documents;
        let extract_all = || -> Vec<Result<Extraction, (String, Error)>> {
            documents
                .into_par_iter()
                .map_init(
                    || sessions.lend(),
                    |tagger, doc| {
                        let name = doc.name().to_string();
                        let outcome = check_size(&doc, limit)
                            .and_then(|()| prepare(doc, default_published))
                            .map(|doc| extract_with(doc, tagger))
                            .map_err(|e| (name, e));
                        if let Some(Progress(report)) = &progress {
                            report(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                        }
                        outcome
                    },
                )
                .collect()
        };
        // Story clustering's town gazetteer is keyed meanwhile, on whichever worker
        // is free: keyed when clustering first asks for it, it would hold up both.
        let (outcomes, ()) = rayon::join(extract_all, crate::resolve::stories::load_gazetteer);
        let mut failures = self.failures;
        let mut extractions = Vec::with_capacity(outcomes.len());
        for outcome in outcomes {
            match outcome {
                Ok(extraction) => extractions.push(extraction),
                Err((_, error)) if !self.keep_going => return Err(error),
                Err((input, error)) => failures.push(Failure {
                    input,
                    code: error.code().to_string(),
                    message: format!("{error:#}"),
                }),
            }
        }
        // The ledger does not depend on the order documents were given in (the
        // extractions are sorted by id as the ledger is assembled).
        failures.sort_by(|a, b| a.input.cmp(&b.input));
        if extractions.is_empty() && failures.is_empty() {
            return Err(Error::new(ErrorKind::NoDocuments));
        }
        let mut ledger = crate::assemble::ledger(extractions);
        ledger.failures = failures;
        Ok(ledger)
    }
}

fn check_size(doc: &DocumentInput, limit: usize) -> Result<(), Error> {
    let size = match &doc.content {
        Content::Text(t) => t.len(),
        Content::Html(b) => b.len(),
    };
    if size > limit {
        return Err(Error::new(ErrorKind::TooLarge {
            input: doc.name().to_string(),
            size,
            limit,
        }));
    }
    Ok(())
}

fn check_unique_ids(documents: &[DocumentInput]) -> Result<(), Error> {
    let mut seen = crate::hashing::HashSet::default();
    for doc in documents {
        if !seen.insert(doc.id.as_str()) {
            return Err(Error::new(ErrorKind::DuplicateId {
                input: doc.name().to_string(),
                id: doc.id.clone(),
            }));
        }
    }
    Ok(())
}

/// Runs the per-document stages in order, each on what the stages before it returned.
#[cfg(any(test, feature = "unstable-internals"))]
pub(crate) fn extract_document(doc: Prepared) -> Extraction {
    extract_with(doc, &mut Tagger::shipped().session())
}

/// [`extract_document`] with the names tagged in the session `tagger`.
fn extract_with(doc: Prepared, tagger: &mut Session) -> Extraction {
    let (mentions, entities) = extract::mentions::find(&doc, tagger);
    let times = extract::times::find(&doc);
    let quantities = extract::quantities::find(&doc, &times);
    let quotes = extract::quotes::find(&doc, &mentions, &entities);
    let found = Found {
        doc: &doc,
        mentions: &mentions,
        entities: &entities,
        times: &times,
        quantities: &quantities,
        quotes: &quotes,
    };
    let sentences = extract::syntax::body_sentences(&doc, &times);
    let events = extract::events::find(&found, &sentences);
    let claims = extract::claims::find(&found, &events, &sentences);
    // The sentences borrow the document's words, which are let go below.
    drop(sentences);
    let attributions = extract::attribution::find(&doc, &mentions, &entities, &quotes);
    let claims = extract::attribution::annotate(&doc, &attributions, &quotes, claims);
    let interview = extract::provenance::article_origin(&doc, &mentions, &entities, &attributions);
    let origins = extract::provenance::origins(&claims, &events, interview.as_ref());
    let story_terms = crate::resolve::stories::terms(&found, &events);
    // Later stages read spans, names and the story terms, not the token analysis: let it
    // go, so that a year of news fits in memory (`removed` stays for the ledger).
    let mut doc = doc;
    doc.analysis.tokens = Vec::new();
    doc.analysis.sentences = Vec::new();
    doc.analysis.is_body = Vec::new();
    doc.words = Default::default();
    Extraction {
        doc,
        mentions,
        entities,
        times,
        quantities,
        quotes,
        events,
        claims,
        origins,
        story_terms,
    }
}
