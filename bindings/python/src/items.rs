//! The ledger's items as Python classes, mirrored from the model types.
//!
//! Each class is declared once with the model struct it mirrors and that struct's field
//! names and types; the macro derives the class, its read-only attributes, the
//! conversion from the model, `__repr__` and `==`. Items that index a document's text
//! (`doc`, `start`, `end`) also get `start_char` and `end_char`, code-point offsets that
//! slice a Python `str`.

use std::sync::Arc;

use corroborate::model;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::chars::Context;
use crate::convert::Convert;

/// A short `repr` of one attribute: lists by their length, long strings cut.
fn short_repr(value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(list) = value.cast::<PyList>() {
        return Ok(format!("[{} items]", list.len()));
    }
    if let Ok(s) = value.cast::<PyString>() {
        let s = s.to_cow()?;
        if s.chars().count() > 60 {
            let cut: String = s.chars().take(57).collect();
            return Ok(format!("{}...", PyString::new(value.py(), &cut).repr()?));
        }
    }
    Ok(value.repr()?.to_string())
}

/// `Name(attr=value, ...)` from the attributes a class lists.
pub fn repr(object: &Bound<'_, PyAny>, name: &str, fields: &[&str]) -> PyResult<String> {
    let parts = fields
        .iter()
        .map(|f| Ok(format!("{f}={}", short_repr(&object.getattr(*f)?)?)))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(format!("{name}({})", parts.join(", ")))
}

macro_rules! record {
    (
        $(#[$meta:meta])*
        $name:ident from $model:ident {
            $( $(#[doc = $fdoc:literal])* $field:ident $(as $pyname:literal)?: $ty:ty ),* $(,)?
        }
        $( chars($doc:ident) )?
        $( hidden { $( $hfield:ident: $hty:ty = $hval:expr ),* $(,)? } )?
        $( methods { $($method:item)* } )?
    ) => {
        $(#[$meta])*
        #[pyclass(module = "corroborate", frozen)]
        #[derive(Clone)]
        pub struct $name {
            $(
                $(#[doc = $fdoc])*
                #[pyo3(get $(, name = $pyname)?)]
                pub $field: <$ty as Convert>::Py,
            )*
            $(
                #[doc = concat!("`start` counted in code points of `", stringify!($doc), "`'s text.")]
                #[pyo3(get)]
                pub start_char: usize,
                /// `end` counted in code points.
                #[pyo3(get)]
                pub end_char: usize,
            )?
            $( $( $hfield: $hty, )* )?
        }

        impl $name {
            pub fn new(m: &model::$model, cx: &Context) -> $name {
                $name {
                    $( $field: Convert::convert(&m.$field, cx), )*
                    $(
                        start_char: cx.char_offset(&m.$doc, m.start),
                        end_char: cx.char_offset(&m.$doc, m.end),
                    )?
                    $( $( $hfield: ($hval)(m, cx), )* )?
                }
            }
        }

        impl Convert for model::$model {
            type Py = $name;
            fn convert(&self, cx: &Context) -> $name {
                $name::new(self, cx)
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &$name) -> bool {
                true $( && self.$field == other.$field )*
            }
        }

        #[pymethods]
        impl $name {
            fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
                #[allow(unused_mut)]
                let mut fields: Vec<&str> = vec![$( record!(@name $field $($pyname)?) ),*];
                $( fields.extend(record!(@chars $doc)); )?
                repr(slf.as_any(), stringify!($name), &fields)
            }

            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                other.cast::<$name>().is_ok_and(|o| *self == *o.get())
            }

            $( $( $method )* )?
        }
    };
    (@name $field:ident) => { stringify!($field) };
    (@name $field:ident $pyname:literal) => { $pyname };
    (@chars $doc:ident) => { ["start_char", "end_char"] };
}

record! {
    /// A range of one document's text: `doc`, UTF-8 byte offsets as in the JSON, and
    /// code-point offsets, so `ledger.document(span.doc).text[span.start_char:span.end_char]`
    /// is the spanned text.
    Span from Span {
        /// The id of the document the offsets index.
        doc: String,
        /// First byte of the span.
        start: usize,
        /// One past the last byte.
        end: usize,
    }
    chars(doc)
}

record! {
    /// A range of a document judged not to be article body.
    Removed from Removed {
        /// First byte of the range.
        start: usize,
        /// One past the last byte.
        end: usize,
        /// Why the range is not body: `navigation`, `byline`, `comments`, ...
        reason: String,
    }
}

record! {
    /// Documents about one real-world happening; comparisons are made inside one story.
    Story from Story {
        /// Stable id.
        id: String,
        /// Ids of the story's documents.
        documents: Vec<String>,
        /// A headline for the story.
        title: Option<String>,
    }
}

record! {
    /// One real-world person, organization, place or other named thing, across documents.
    Entity from Entity {
        /// Stable id within the ledger.
        id: String,
        /// `person`, `organization`, `location` or `other`.
        kind: model::EntityKind,
        /// The canonical name.
        name: String,
        /// Every distinct surface form seen.
        aliases: Vec<String>,
        /// Every mention in every document.
        mentions: Vec<model::Span>,
    }
}

record! {
    /// One participant of an event.
    Argument from Argument {
        /// `agent`, `patient`, `origin`, `destination`, `place`, ...
        role: String,
        /// The entity that fills the role, when it is one.
        entity: Option<String>,
        /// The words that fill the role.
        text: String,
    }
}

record! {
    /// One real happening, across the documents that report it.
    Event from Event {
        /// Stable id within the ledger.
        id: String,
        /// A keyword from the event vocabulary (`type` in the JSON).
        kind as "type": String,
        /// The trigger words, across documents.
        mentions: Vec<model::Span>,
        /// The participants.
        arguments: Vec<model::Argument>,
        /// Normalized time of the happening.
        time: Option<String>,
        /// Ids of the documents that report it.
        documents: Vec<String>,
    }
}

record! {
    /// Who a claim is attributed to.
    Attribution from Attribution {
        /// The source entity, when resolved.
        entity: Option<String>,
        /// The source's words.
        text: String,
        /// The reporting verb or phrase.
        cue: String,
    }
}

record! {
    /// One atomic statement a document makes.
    Claim from Claim {
        /// Stable id within the ledger.
        id: String,
        /// The document that makes the claim.
        doc: String,
        /// First byte of the claim's sentence or clause.
        start: usize,
        /// One past its last byte.
        end: usize,
        /// The entity or event the claim is about.
        subject: Option<String>,
        /// The subject's words.
        subject_text: String,
        /// `age`, `role`, `nationality`, `count`, `date`, an event argument, a verb lemma, ...
        predicate: String,
        /// The normalized value: a `float` or a `str`.
        value: model::Value,
        /// The value's words.
        value_text: String,
        /// Who the claim is attributed to; `None` when the document asserts it itself.
        attribution: Option<model::Attribution>,
        /// Softened by "reportedly", "allegedly", "may", ...
        hedged: bool,
        /// Denied or negated.
        negated: bool,
    }
    chars(doc)
}

record! {
    /// A direct quotation with its speaker.
    Quote from Quote {
        /// The document.
        doc: String,
        /// First byte of the quoted words (inside the marks).
        start: usize,
        /// One past their last byte.
        end: usize,
        /// The quoted words, without the marks.
        text: String,
        /// The speaker entity.
        speaker: Option<String>,
        /// The speaker's words in the document.
        speaker_text: Option<String>,
        /// The reporting verb or phrase.
        cue: Option<String>,
    }
    chars(doc)
}

record! {
    /// A number with its unit and what it counts.
    Quantity from Quantity {
        /// The document.
        doc: String,
        /// First byte of the quantity's words.
        start: usize,
        /// One past their last byte.
        end: usize,
        /// The number.
        value: f64,
        /// `USD`, `t`, `hour`, `percent`, ... or `None` for a bare count.
        unit: Option<String>,
        /// Given as "around", "about", "dozens", ...
        approximate: bool,
        /// `at_least` or `at_most`.
        bound: Option<String>,
        /// What is counted, lowercase.
        counted: Option<String>,
        /// The time the sentence gives the quantity.
        time: Option<String>,
    }
    chars(doc)
}

record! {
    /// A time expression, normalized against the document's publication date.
    Time from Time {
        /// The document.
        doc: String,
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
        /// The words.
        text: String,
        /// ISO-8601 value (`2023-11`, `2024-07-16`, ...) or `None` when unresolvable.
        value: Option<String>,
    }
    chars(doc)
}

record! {
    /// An independent origin behind a reading.
    Source from Source {
        /// The origin entity, when it is one.
        entity: Option<String>,
        /// The origin's name.
        text: String,
        /// The documents that relay it.
        documents: Vec<String>,
    }
}

record! {
    /// One distinct value given for a question, with the claims and documents behind it.
    Reading from Reading {
        /// The normalized value: a `float` or a `str`.
        value: model::Value,
        /// Claim ids giving this value.
        claims: Vec<String>,
        /// Document ids giving this value.
        documents: Vec<String>,
        /// The independent origins behind the reading.
        sources: Vec<model::Source>,
    }
}

record! {
    /// The cross-source verdict on one question inside one story. In a notebook it shows
    /// as a row across the story's outlets.
    Comparison from Comparison {
        /// The story.
        story: String,
        /// The entity or event asked about.
        subject: String,
        /// The predicate asked about.
        predicate: String,
        /// `agree`, `conflict` or `single`.
        verdict: model::Verdict,
        /// One reading per distinct normalized value.
        readings: Vec<model::Reading>,
    }
    hidden {
        ledger: Arc<model::Ledger> = |_, cx: &Context| Arc::clone(&cx.ledger),
        model: model::Comparison = |m: &model::Comparison, _| m.clone(),
    }
    methods {
        fn _repr_html_(&self) -> String {
            self.ledger.comparison_html(&self.model)
        }
    }
}

record! {
    /// An input left out of a ledger built with `keep_going=True`, and why.
    Failure from Failure {
        /// The input's name (path, manifest line or document id).
        input: String,
        /// The error's stable keyword, as `Error.code`.
        code: String,
        /// The full message.
        message: String,
    }
}
