//! The pipeline: documents → prepared documents → per-document extraction →
//! cross-document resolution → comparison → ledger.

use jiff::civil::Date;
use rayon::prelude::*;

use crate::extract::Extraction;
use crate::input::DocumentInput;
use crate::model::{Document, Ledger};
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
#[derive(Debug, Clone, Default)]
pub struct LedgerBuilder {
    documents: Vec<DocumentInput>,
    published: Option<String>,
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

    /// Runs every stage and returns the ledger, or the first input error.
    pub fn build(self) -> Result<Ledger, Error> {
        build(self.documents, self.published.as_deref())
    }
}

fn build(documents: Vec<DocumentInput>, published: Option<&str>) -> Result<Ledger, Error> {
    if documents.is_empty() {
        return Err(Error::new(ErrorKind::NoDocuments));
    }
    let default_published = published
        .map(|value| parse_date("--published", value))
        .transpose()?;
    check_unique_ids(&documents)?;
    let prepared: Vec<Prepared> = documents
        .into_par_iter()
        .map(|doc| prepare(doc, default_published))
        .collect::<Result<_, _>>()?;
    let extractions: Vec<Extraction> = prepared.into_par_iter().map(extract_document).collect();
    Ok(assemble(extractions))
}

fn check_unique_ids(documents: &[DocumentInput]) -> Result<(), Error> {
    let mut seen = std::collections::HashSet::new();
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

/// Runs the per-document stages in order.
fn extract_document(doc: Prepared) -> Extraction {
    Extraction {
        doc,
        mentions: Vec::new(),
        entities: Vec::new(),
        times: Vec::new(),
        quantities: Vec::new(),
        quotes: Vec::new(),
        events: Vec::new(),
        claims: Vec::new(),
    }
}

fn ledger_document(doc: &Prepared) -> Document {
    Document {
        id: doc.id.clone(),
        text: doc.text.clone(),
        published: doc.published.map(|d: Date| d.to_string()),
        source: doc.source.clone(),
        url: doc.url.clone(),
        title: doc.title.clone(),
        removed: doc.analysis.removed.clone(),
    }
}

/// Puts the per-document extractions together into one ledger.
fn assemble(extractions: Vec<Extraction>) -> Ledger {
    Ledger {
        documents: extractions
            .iter()
            .map(|x| ledger_document(&x.doc))
            .collect(),
        ..Ledger::default()
    }
}
