//! Merging ledgers: the ledger of parts, merged in any grouping and order, is the ledger
//! of the whole.
//!
//! A ledger carries every document it was built from (text, date, source, url, title),
//! and every stage is a deterministic function of those documents. Merging therefore
//! gathers the documents of both ledgers and runs the pipeline over their union, which
//! makes the result exact by construction — cross-document resolution and comparison
//! must see all documents of a story at once, so there is no cheaper exact merge.
//! Partial ledgers are still worth building in parallel: they fail fast on bad input,
//! and their JSON is a compact, self-contained unit of work to ship between processes.

use crate::model::{Document, Ledger};
use crate::{DocumentInput, Error, ErrorKind, LedgerBuilder};

impl Ledger {
    /// Merges two ledgers into the ledger of all their documents.
    ///
    /// A document present in both (same id, same text, same metadata) counts once; the same
    /// id with different content is an [`ErrorKind::DuplicateId`] error. Failures listed by
    /// either ledger are kept.
    ///
    /// ```
    /// use corroborate::{DocumentInput, LedgerBuilder};
    /// let a = DocumentInput::text("a", "The port of Lisbon reopened on Monday.").published("2024-07-16");
    /// let b = DocumentInput::text("b", "Lisbon's port reopened Monday, officials said.").published("2024-07-16");
    /// let whole = LedgerBuilder::new().document(a.clone()).document(b.clone()).build().unwrap();
    /// let left = LedgerBuilder::new().document(a).build().unwrap();
    /// let right = LedgerBuilder::new().document(b).build().unwrap();
    /// assert_eq!(right.merge(left).unwrap(), whole);
    /// ```
    pub fn merge(self, other: Ledger) -> Result<Ledger, Error> {
        let mut documents: Vec<Document> = self.documents;
        for doc in other.documents {
            match documents.iter().find(|d| d.id == doc.id) {
                Some(existing) if *existing == doc => {}
                Some(_) => {
                    return Err(Error::new(ErrorKind::DuplicateId {
                        input: "merge".to_string(),
                        id: doc.id,
                    }));
                }
                None => documents.push(doc),
            }
        }
        let mut failures = self.failures;
        for failure in other.failures {
            if !failures.contains(&failure) {
                failures.push(failure);
            }
        }
        failures.sort_by(|a, b| a.input.cmp(&b.input).then(a.message.cmp(&b.message)));
        if documents.is_empty() {
            return Ok(Ledger {
                failures,
                ..Ledger::default()
            });
        }
        let mut merged = LedgerBuilder::new()
            .documents(documents.into_iter().map(document_input))
            .build()?;
        merged.failures = failures;
        Ok(merged)
    }
}

/// A ledger document as an input again: its text is what every span indexes, so the
/// pipeline sees exactly what it saw the first time.
fn document_input(doc: Document) -> DocumentInput {
    DocumentInput {
        id: doc.id,
        content: crate::Content::Text(doc.text),
        published: doc.published,
        source: doc.source,
        url: doc.url,
        title: doc.title,
        origin: None,
    }
}
