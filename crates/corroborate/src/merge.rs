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

use crate::hashing::HashSet;

use crate::model::{Document, Entity, Event, Ledger};
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
        let known: crate::hashing::HashMap<String, usize> = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        for doc in other.documents {
            match known.get(&doc.id).map(|&i| &documents[i]) {
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

impl Ledger {
    /// Splits the ledger into one ledger per story, each holding only that story's
    /// documents and the items that belong to them (entities keep only their mentions in
    /// those documents). Merging the parts gives back the whole.
    ///
    /// ```
    /// use corroborate::{DocumentInput, LedgerBuilder};
    /// let ledger = LedgerBuilder::new()
    ///     .document(DocumentInput::text("a", "An earthquake struck Chile on Monday."))
    ///     .build()
    ///     .unwrap();
    /// let parts = ledger.split_by_story();
    /// assert_eq!(parts.len(), ledger.stories.len());
    /// ```
    pub fn split_by_story(&self) -> Vec<Ledger> {
        self.stories
            .iter()
            .map(|story| {
                let docs: HashSet<&str> = story.documents.iter().map(String::as_str).collect();
                let has = |doc: &str| docs.contains(doc);
                let entities: Vec<Entity> = self
                    .entities
                    .iter()
                    .filter_map(|e| {
                        let mentions: Vec<_> =
                            e.mentions.iter().filter(|m| has(&m.doc)).cloned().collect();
                        (!mentions.is_empty()).then(|| Entity {
                            mentions,
                            ..e.clone()
                        })
                    })
                    .collect();
                let events: Vec<Event> = self
                    .events
                    .iter()
                    .filter(|e| e.documents.iter().any(|d| has(d)))
                    .map(|e| Event {
                        mentions: e.mentions.iter().filter(|m| has(&m.doc)).cloned().collect(),
                        documents: e.documents.iter().filter(|d| has(d)).cloned().collect(),
                        ..e.clone()
                    })
                    .collect();
                Ledger {
                    schema: self.schema.clone(),
                    documents: self
                        .documents
                        .iter()
                        .filter(|d| has(&d.id))
                        .cloned()
                        .collect(),
                    stories: vec![story.clone()],
                    entities,
                    events,
                    claims: self
                        .claims
                        .iter()
                        .filter(|c| has(&c.doc))
                        .cloned()
                        .collect(),
                    quotes: self
                        .quotes
                        .iter()
                        .filter(|q| has(&q.doc))
                        .cloned()
                        .collect(),
                    quantities: self
                        .quantities
                        .iter()
                        .filter(|q| has(&q.doc))
                        .cloned()
                        .collect(),
                    times: self.times.iter().filter(|t| has(&t.doc)).cloned().collect(),
                    comparisons: self
                        .comparisons
                        .iter()
                        .filter(|c| c.story == story.id)
                        .cloned()
                        .collect(),
                    failures: Vec::new(),
                }
            })
            .collect()
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
