//! The library's insides, for its own evaluation tools (`corroborate-eval`), fuzz
//! targets and benchmarks (cargo feature `unstable-internals`).
//!
//! **Unstable**: no semver promise; anything here may change or vanish in any release.
//! The hooks run one extraction stage over a plain-text document so a scorer can measure
//! it without going through the whole ledger; [`text`] and [`html`] are the stages that
//! read an article.

use crate::extract::{quantities, times};
use crate::input::DocumentInput;
use crate::prepare::prepare;

/// The time expressions of `text` published on `published` (`YYYY-MM-DD`), as
/// (start byte, end byte, normalized value). Empty when the document can't be prepared
/// (empty text, malformed date).
pub fn times(text: &str, published: Option<&str>) -> Vec<(usize, usize, Option<String>)> {
    let Some(doc) = prepared(text, published) else {
        return Vec::new();
    };
    times::find(&doc)
        .into_iter()
        .map(|t| (t.span.start, t.span.end, t.value))
        .collect()
}

/// One quantity as the evaluation hooks report it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Start byte of the number's words.
    pub start: usize,
    /// End byte of the number's words.
    pub end: usize,
    /// The number.
    pub value: f64,
    /// Unit keyword (`USD`, `t`, `day`, `percent`), if any.
    pub unit: Option<String>,
    /// Marked approximate.
    pub approximate: bool,
    /// `at_least` or `at_most`, if bounded.
    pub bound: Option<&'static str>,
    /// The counted noun phrase, lowercase.
    pub counted: Option<String>,
    /// The normalized time of the quantity's sentence.
    pub time: Option<String>,
}

/// The quantities of `text` published on `published` (`YYYY-MM-DD`).
pub fn quantities(text: &str, published: Option<&str>) -> Vec<Quantity> {
    let Some(doc) = prepared(text, published) else {
        return Vec::new();
    };
    let found_times = times::find(&doc);
    quantities::find(&doc, &found_times)
        .into_iter()
        .map(|q| Quantity {
            start: q.span.start,
            end: q.span.end,
            value: q.value,
            unit: q.unit,
            approximate: q.approximate,
            bound: q.bound.map(|b| b.as_str()),
            counted: q.counted,
            time: q.time,
        })
        .collect()
}

/// The event triggers of `text` published on `published` (`YYYY-MM-DD`), after every
/// per-document stage: (start byte, end byte, event type), in text order.
pub fn event_triggers(text: &str, published: Option<&str>) -> Vec<(usize, usize, String)> {
    let Some(doc) = prepared(text, published) else {
        return Vec::new();
    };
    crate::pipeline::extract_document(doc)
        .events
        .into_iter()
        .map(|e| (e.trigger.start, e.trigger.end, e.kind.to_string()))
        .collect()
}

fn prepared(text: &str, published: Option<&str>) -> Option<crate::prepare::Prepared> {
    let mut input = DocumentInput::text("eval", text);
    if let Some(date) = published {
        input = input.published(date);
    }
    prepare(input, None).ok()
}

pub use crate::ner::{TaggedSpan, Tagger};
pub use crate::shapes::Shape;

/// The text stage: tokens, sentences and boilerplate.
pub mod text {
    pub use crate::text::*;
}

/// Web pages in: the article text and the page's metadata.
pub mod html {
    pub use crate::html::*;
}

/// Training the entity tagger (cargo feature `train`).
#[cfg(feature = "train")]
pub use crate::ner::train as ner_train;
