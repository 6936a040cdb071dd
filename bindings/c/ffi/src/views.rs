//! Small `#[repr(C)]` views of the ledger's common parts: documents, entities,
//! comparisons with their readings, quotes and failures.
//!
//! A view copies numbers and lends strings: every `corroborate_str` in a view points into
//! the ledger handle and is valid until `corroborate_ledger_free`. Anything a view does
//! not carry is in the JSON.

use corroborate::Ledger;
use corroborate::model::{EntityKind, Verdict};

use crate::error::{Failure, boundary, corroborate_status, infallible};
use crate::ledger::corroborate_ledger;
use crate::ptr::handle;
use crate::strings::corroborate_str;

/// What kind of thing an entity is.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum corroborate_entity_kind {
    /// A person.
    CORROBORATE_PERSON = 0,
    /// A company, agency, ministry, party, newspaper, …
    CORROBORATE_ORGANIZATION = 1,
    /// A country, city, region or facility.
    CORROBORATE_LOCATION = 2,
    /// Nationalities, events, products and other named things.
    CORROBORATE_OTHER = 3,
}

/// How the sources of a story answer one question.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum corroborate_verdict {
    /// Several documents, compatible values.
    CORROBORATE_AGREE = 0,
    /// Incompatible values.
    CORROBORATE_CONFLICT = 1,
    /// One document only.
    CORROBORATE_SINGLE = 2,
}

/// One input document as it appears in the ledger.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct corroborate_document {
    /// The document's id.
    pub id: corroborate_str,
    /// The text every offset indexes (for HTML, the extracted body).
    pub text: corroborate_str,
    /// Publication date `YYYY-MM-DD`, or NULL.
    pub published: corroborate_str,
    /// Outlet name, or NULL.
    pub source: corroborate_str,
    /// Page address, or NULL.
    pub url: corroborate_str,
    /// Headline, or NULL.
    pub title: corroborate_str,
}

/// One person, organization, place or other named thing, across documents.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct corroborate_entity {
    /// Stable id within the ledger.
    pub id: corroborate_str,
    /// Person, organization, location or other.
    pub kind: corroborate_entity_kind,
    /// The kind as the JSON spells it: `"person"`, `"organization"`, `"location"`, `"other"`.
    pub kind_name: corroborate_str,
    /// The canonical name.
    pub name: corroborate_str,
    /// How many distinct surface forms were seen.
    pub alias_count: usize,
    /// How many mentions there are, across documents.
    pub mention_count: usize,
}

/// The verdict on one question inside one story.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct corroborate_comparison {
    /// The story's id.
    pub story: corroborate_str,
    /// The id of the entity or event asked about.
    pub subject: corroborate_str,
    /// The subject in words: the entity's name, the event's type, else the id.
    pub subject_name: corroborate_str,
    /// The predicate asked about (`age`, `role`, `count`, …).
    pub predicate: corroborate_str,
    /// Agree, conflict or single.
    pub verdict: corroborate_verdict,
    /// The verdict as the JSON spells it: `"agree"`, `"conflict"`, `"single"`.
    pub verdict_name: corroborate_str,
    /// How many distinct values were given; see `corroborate_ledger_reading`.
    pub reading_count: usize,
}

/// One distinct value given for a comparison's question.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct corroborate_reading {
    /// The value as the ledger prints it (`52`, `2023-11`, `deputy minister`).
    pub value: corroborate_str,
    /// The value is a number, also given in `number`.
    pub is_number: bool,
    /// The number when `is_number`, else 0.
    pub number: f64,
    /// How many claims give the value.
    pub claim_count: usize,
    /// How many documents give the value; see `corroborate_ledger_reading_document`.
    pub document_count: usize,
}

/// A direct quotation with its speaker.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct corroborate_quote {
    /// The document's id.
    pub doc: corroborate_str,
    /// First byte of the quoted words in the document's text.
    pub start: usize,
    /// One past their last byte.
    pub end: usize,
    /// The quoted words, without the marks.
    pub text: corroborate_str,
    /// The speaker entity's id, or NULL.
    pub speaker: corroborate_str,
    /// The speaker entity's name, or NULL.
    pub speaker_name: corroborate_str,
    /// The speaker's words in the document, or NULL.
    pub speaker_text: corroborate_str,
    /// The reporting verb, or NULL.
    pub cue: corroborate_str,
}

/// An input left out of a keep-going ledger, and why.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct corroborate_failure {
    /// The input's name (path, manifest line or document id).
    pub input: corroborate_str,
    /// The error's stable keyword (`empty_document`, `invalid_utf8`, …).
    pub code: corroborate_str,
    /// The full message.
    pub message: corroborate_str,
}

/// How many items a ledger holds; 0 for NULL.
fn count(ledger: *const corroborate_ledger, items: impl FnOnce(&Ledger) -> usize) -> usize {
    infallible(0, || {
        // SAFETY: every count function's contract makes `ledger` NULL or a live ledger,
        // which is never mutated.
        unsafe { handle(ledger, "ledger") }.map_or(0, |l| items(l.ledger()))
    })
}

/// Fills a view: checks the handle and the out-parameter, then runs `make`.
fn fill<T>(
    ledger: *const corroborate_ledger,
    out: *mut T,
    make: impl FnOnce(&corroborate_ledger) -> Result<T, Failure>,
) -> corroborate_status {
    boundary(|| {
        // SAFETY: every view function's contract makes `out` NULL or a writable view slot.
        let out = unsafe { crate::ptr::out(out, "out") }?;
        // SAFETY: and `ledger` NULL or a live ledger, never mutated while borrowed.
        let ledger = unsafe { handle(ledger, "ledger") }?;
        *out = make(ledger)?;
        Ok(())
    })
}

/// `items[index]`, or an error naming what was indexed and how many there are.
fn at<'a, T>(items: &'a [T], index: usize, what: &str) -> Result<&'a T, Failure> {
    items.get(index).ok_or_else(|| {
        Failure::new(
            corroborate_status::CORROBORATE_INVALID_ARGUMENT,
            format!(
                "{what} index {index} is out of range (there are {})",
                items.len()
            ),
        )
    })
}

/// The number of documents in the ledger; 0 for NULL.
///
/// Thread safety: safe to call on one ledger from many threads at once.
///
/// # Safety
///
/// `ledger` is NULL or a live ledger.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_ledger_document_count(
    ledger: *const corroborate_ledger,
) -> usize {
    count(ledger, |l| l.documents.len())
}

/// Writes a view of document `index` (in id order) to `*out`.
///
/// Thread safety: safe to call on one ledger from many threads at once.
///
/// # Safety
///
/// `ledger` is NULL or a live ledger; `out` is NULL or points to a writable view.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_ledger_document(
    ledger: *const corroborate_ledger,
    index: usize,
    out: *mut corroborate_document,
) -> corroborate_status {
    fill(ledger, out, |l| {
        let d = at(&l.ledger().documents, index, "document")?;
        Ok(corroborate_document {
            id: corroborate_str::borrow(&d.id),
            text: corroborate_str::borrow(&d.text),
            published: corroborate_str::borrow_opt(d.published.as_deref()),
            source: corroborate_str::borrow_opt(d.source.as_deref()),
            url: corroborate_str::borrow_opt(d.url.as_deref()),
            title: corroborate_str::borrow_opt(d.title.as_deref()),
        })
    })
}

/// The number of entities in the ledger; 0 for NULL.
///
/// Thread safety: safe to call on one ledger from many threads at once.
///
/// # Safety
///
/// `ledger` is NULL or a live ledger.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_ledger_entity_count(
    ledger: *const corroborate_ledger,
) -> usize {
    count(ledger, |l| l.entities.len())
}

/// Writes a view of entity `index` to `*out`.
///
/// Thread safety: safe to call on one ledger from many threads at once.
///
/// # Safety
///
/// `ledger` is NULL or a live ledger; `out` is NULL or points to a writable view.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_ledger_entity(
    ledger: *const corroborate_ledger,
    index: usize,
    out: *mut corroborate_entity,
) -> corroborate_status {
    fill(ledger, out, |l| {
        let e = at(&l.ledger().entities, index, "entity")?;
        Ok(corroborate_entity {
            id: corroborate_str::borrow(&e.id),
            kind: match e.kind {
                EntityKind::Person => corroborate_entity_kind::CORROBORATE_PERSON,
                EntityKind::Organization => corroborate_entity_kind::CORROBORATE_ORGANIZATION,
                EntityKind::Location => corroborate_entity_kind::CORROBORATE_LOCATION,
                // Other, and any kind a later core adds (its name is in `kind_name`).
                _ => corroborate_entity_kind::CORROBORATE_OTHER,
            },
            kind_name: corroborate_str::borrow(e.kind.as_str()),
            name: corroborate_str::borrow(&e.name),
            alias_count: e.aliases.len(),
            mention_count: e.mentions.len(),
        })
    })
}

/// The number of comparisons (agreements, conflicts and single-source questions); 0 for NULL.
///
/// Thread safety: safe to call on one ledger from many threads at once.
///
/// # Safety
///
/// `ledger` is NULL or a live ledger.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_ledger_comparison_count(
    ledger: *const corroborate_ledger,
) -> usize {
    count(ledger, |l| l.comparisons.len())
}

/// Writes a view of comparison `index` to `*out`.
///
/// Thread safety: safe to call on one ledger from many threads at once.
///
/// # Safety
///
/// `ledger` is NULL or a live ledger; `out` is NULL or points to a writable view.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_ledger_comparison(
    ledger: *const corroborate_ledger,
    index: usize,
    out: *mut corroborate_comparison,
) -> corroborate_status {
    fill(ledger, out, |l| {
        let c = at(&l.ledger().comparisons, index, "comparison")?;
        Ok(corroborate_comparison {
            story: corroborate_str::borrow(&c.story),
            subject: corroborate_str::borrow(&c.subject),
            subject_name: corroborate_str::borrow(l.subject_name(&c.subject).unwrap_or(&c.subject)),
            predicate: corroborate_str::borrow(&c.predicate),
            verdict: match c.verdict {
                Verdict::Agree => corroborate_verdict::CORROBORATE_AGREE,
                Verdict::Conflict => corroborate_verdict::CORROBORATE_CONFLICT,
                Verdict::Single => corroborate_verdict::CORROBORATE_SINGLE,
            },
            verdict_name: corroborate_str::borrow(c.verdict.as_str()),
            reading_count: c.readings.len(),
        })
    })
}

/// Writes a view of reading `reading` of comparison `comparison` to `*out`.
///
/// Thread safety: safe to call on one ledger from many threads at once.
///
/// # Safety
///
/// `ledger` is NULL or a live ledger; `out` is NULL or points to a writable view.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_ledger_reading(
    ledger: *const corroborate_ledger,
    comparison: usize,
    reading: usize,
    out: *mut corroborate_reading,
) -> corroborate_status {
    fill(ledger, out, |l| {
        let c = at(&l.ledger().comparisons, comparison, "comparison")?;
        let r = at(&c.readings, reading, "reading")?;
        let number = match r.value {
            corroborate::model::Value::Number(n) => Some(n),
            corroborate::model::Value::Text(_) => None,
        };
        Ok(corroborate_reading {
            value: corroborate_str::borrow(l.value_text(comparison, reading)),
            is_number: number.is_some(),
            number: number.unwrap_or(0.0),
            claim_count: r.claims.len(),
            document_count: r.documents.len(),
        })
    })
}

/// Writes the id of document `document` among those giving reading `reading` of
/// comparison `comparison` to `*out`.
///
/// Thread safety: safe to call on one ledger from many threads at once.
///
/// # Safety
///
/// `ledger` is NULL or a live ledger; `out` is NULL or points to a writable `corroborate_str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_ledger_reading_document(
    ledger: *const corroborate_ledger,
    comparison: usize,
    reading: usize,
    document: usize,
    out: *mut corroborate_str,
) -> corroborate_status {
    fill(ledger, out, |l| {
        let c = at(&l.ledger().comparisons, comparison, "comparison")?;
        let r = at(&c.readings, reading, "reading")?;
        Ok(corroborate_str::borrow(at(
            &r.documents,
            document,
            "reading document",
        )?))
    })
}

/// The number of direct quotes in the ledger; 0 for NULL.
///
/// Thread safety: safe to call on one ledger from many threads at once.
///
/// # Safety
///
/// `ledger` is NULL or a live ledger.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_ledger_quote_count(
    ledger: *const corroborate_ledger,
) -> usize {
    count(ledger, |l| l.quotes.len())
}

/// Writes a view of quote `index` to `*out`.
///
/// Thread safety: safe to call on one ledger from many threads at once.
///
/// # Safety
///
/// `ledger` is NULL or a live ledger; `out` is NULL or points to a writable view.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_ledger_quote(
    ledger: *const corroborate_ledger,
    index: usize,
    out: *mut corroborate_quote,
) -> corroborate_status {
    fill(ledger, out, |l| {
        let q = at(&l.ledger().quotes, index, "quote")?;
        let speaker = q.speaker.as_deref();
        Ok(corroborate_quote {
            doc: corroborate_str::borrow(&q.doc),
            start: q.start,
            end: q.end,
            text: corroborate_str::borrow(&q.text),
            speaker: corroborate_str::borrow_opt(speaker),
            speaker_name: corroborate_str::borrow_opt(speaker.and_then(|s| l.subject_name(s))),
            speaker_text: corroborate_str::borrow_opt(q.speaker_text.as_deref()),
            cue: corroborate_str::borrow_opt(q.cue.as_deref()),
        })
    })
}

/// The number of inputs a keep-going build left out; 0 for NULL.
///
/// Thread safety: safe to call on one ledger from many threads at once.
///
/// # Safety
///
/// `ledger` is NULL or a live ledger.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_ledger_failure_count(
    ledger: *const corroborate_ledger,
) -> usize {
    count(ledger, |l| l.failures.len())
}

/// Writes a view of failure `index` to `*out`.
///
/// Thread safety: safe to call on one ledger from many threads at once.
///
/// # Safety
///
/// `ledger` is NULL or a live ledger; `out` is NULL or points to a writable view.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_ledger_failure(
    ledger: *const corroborate_ledger,
    index: usize,
    out: *mut corroborate_failure,
) -> corroborate_status {
    fill(ledger, out, |l| {
        let f = at(&l.ledger().failures, index, "failure")?;
        Ok(corroborate_failure {
            input: corroborate_str::borrow(&f.input),
            code: corroborate_str::borrow(&f.code),
            message: corroborate_str::borrow(&f.message),
        })
    })
}
