//! Byte offsets to code-point offsets.
//!
//! The ledger counts UTF-8 bytes, Python strings count code points; a span carries both
//! so that `doc.text[span.start_char:span.end_char]` is the spanned text.

use std::collections::HashMap;
use std::sync::Arc;

use corroborate::model;

/// One document's multi-byte characters: for each, the byte just past it and how many
/// bytes beyond one per character the text has used up to there. News text is mostly
/// ASCII, so the table stays far smaller than the text.
#[derive(Debug, Default)]
struct Wide(Vec<(usize, usize)>);

impl Wide {
    fn new(text: &str) -> Wide {
        let mut extra = 0;
        let mut table = Vec::new();
        for (at, c) in text.char_indices() {
            let len = c.len_utf8();
            if len > 1 {
                extra += len - 1;
                table.push((at + len, extra));
            }
        }
        Wide(table)
    }

    fn char_offset(&self, byte: usize) -> usize {
        let before = self.0.partition_point(|&(end, _)| end <= byte);
        byte - before.checked_sub(1).map_or(0, |i| self.0[i].1)
    }
}

/// A ledger with what its spans need to be shown in Python.
#[derive(Debug)]
pub struct Context {
    /// The ledger itself, for items that render against it.
    pub ledger: Arc<model::Ledger>,
    /// Each document's place in `ledger.documents`, and its wide characters.
    docs: HashMap<String, (usize, Wide)>,
}

impl Context {
    pub fn new(ledger: Arc<model::Ledger>) -> Context {
        let docs = ledger
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), (i, Wide::new(&d.text))))
            .collect();
        Context { ledger, docs }
    }

    /// The code-point offset of a byte offset into document `doc`; the byte offset
    /// itself when the ledger lacks the document (a hand-made ledger).
    pub fn char_offset(&self, doc: &str, byte: usize) -> usize {
        self.docs
            .get(doc)
            .map_or(byte, |(_, w)| w.char_offset(byte))
    }

    /// The spanned text of a document, empty when the offsets do not fit it.
    pub fn slice(&self, doc: &str, start: usize, end: usize) -> &str {
        self.docs
            .get(doc)
            .and_then(|&(i, _)| self.ledger.documents[i].text.get(start..end))
            .unwrap_or("")
    }
}

/// An item that indexes a document's text with `doc`, `start` and `end`.
pub trait Spanned {
    /// The document's id and the item's byte offsets.
    fn span(&self) -> (&str, usize, usize);
}

macro_rules! spanned {
    ($($model:ident),*) => {$(
        impl Spanned for model::$model {
            fn span(&self) -> (&str, usize, usize) {
                (&self.doc, self.start, self.end)
            }
        }
    )*};
}

spanned!(Span, Claim, Quote, Quantity, Time);

/// The item's `start` counted in code points.
pub fn start_char(item: &impl Spanned, cx: &Context) -> usize {
    let (doc, start, _) = item.span();
    cx.char_offset(doc, start)
}

/// The item's `end` counted in code points.
pub fn end_char(item: &impl Spanned, cx: &Context) -> usize {
    let (doc, _, end) = item.span();
    cx.char_offset(doc, end)
}

/// The item's words.
pub fn words(item: &impl Spanned, cx: &Context) -> String {
    let (doc, start, end) = item.span();
    cx.slice(doc, start, end).to_string()
}
