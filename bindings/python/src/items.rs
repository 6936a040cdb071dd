//! The ledger's items as Python classes, mirrored from the model types.
//!
//! Each class is declared once with the model struct it mirrors and that struct's field
//! names and types; the macro derives the class, its read-only attributes, the
//! conversion from the model, `__repr__`, `==`, its Arrow columns and its type stub.
//! Items that index a document's text (`doc`, `start`, `end`) also get `start_char` and
//! `end_char`, code-point offsets that slice a Python `str`.

use std::sync::Arc;

use corroborate::model;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::chars::{Context, end_char, start_char, words};

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

/// The ledger an item renders against. It is context, not content: two items equal
/// field for field are equal whatever ledger they came from.
#[derive(Clone)]
pub struct Backref(Arc<model::Ledger>);

impl Backref {
    fn new<M>(_: &M, cx: &Context) -> Backref {
        Backref(Arc::clone(&cx.ledger))
    }
}

impl PartialEq for Backref {
    fn eq(&self, _: &Backref) -> bool {
        true
    }
}

/// Declares one record of the ledger: the Python class that mirrors a model struct, its
/// conversion from the model, its columns in an Arrow table and its type stub, all from
/// one list of fields.
///
/// - Each field names the model struct's field and type; the class holds the converted
///   value (`Convert`), the table takes the type's columns (`Columns`), the stub its
///   Python type (`Stub`). `as "name"` renames the attribute (and column); a field may
///   be followed by `[skip]` (not a column), `[count "name"]` (the number of its items)
///   or `[list field]` (the list of that field of its items).
/// - `computed` fields are derived from the model item and the ledger: attributes and
///   columns too.
/// - `hidden` fields are kept for methods, neither attributes nor columns.
/// - `stubs` are the stubs of the `methods`, which are added to the class.
macro_rules! record {
    (
        $(#[$meta:meta])*
        $name:ident from $model:ident {
            $(
                $(#[doc = $fdoc:literal])*
                $field:ident $(as $pyname:literal)?: $ty:ty $([$($arrow:tt)*])?
            ),* $(,)?
        }
        $( computed { $( $(#[doc = $cdoc:literal])* $cfield:ident: $cty:ty = $cval:expr ),* $(,)? } )?
        $( hidden { $( $hfield:ident: $hty:ty = $hval:expr ),* $(,)? } )?
        $( stubs { $($stub:literal),* $(,)? } )?
        $( methods { $($method:item)* } )?
    ) => {
        $(#[$meta])*
        #[pyclass(module = "corroborate", frozen)]
        #[derive(Clone, PartialEq)]
        pub struct $name {
            $(
                $(#[doc = $fdoc])*
                #[pyo3(get $(, name = $pyname)?)]
                pub $field: <$ty as $crate::convert::Convert>::Py,
            )*
            $($(
                $(#[doc = $cdoc])*
                #[pyo3(get)]
                pub $cfield: $cty,
            )*)?
            $($( $hfield: $hty, )*)?
        }

        impl $name {
            /// The Python attributes, in the order of the stub, `repr` and table columns.
            const ATTRIBUTES: &[&str] = &[
                $( $crate::items::record!(@name $field $($pyname)?), )*
                $($( stringify!($cfield), )*)?
            ];

            pub fn new(
                m: &corroborate::model::$model,
                cx: &$crate::chars::Context,
            ) -> $name {
                $name {
                    $( $field: $crate::convert::Convert::convert(&m.$field, cx), )*
                    $($( $cfield: ($cval)(m, cx), )*)?
                    $($( $hfield: ($hval)(m, cx), )*)?
                }
            }

            /// The class's stub, as `_corroborate.pyi` has it.
            pub fn stub() -> String {
                use $crate::stubs::Stub;
                let mut text = format!("@final\nclass {}:\n", stringify!($name));
                $( $( text.push_str(concat!("    ", $stub, "\n")); )* )?
                let types = [
                    $( <$ty>::stub(), )*
                    $($( <$cty>::stub(), )*)?
                ];
                for (name, ty) in Self::ATTRIBUTES.iter().zip(types) {
                    text.push_str(&format!("    @property\n    def {name}(self) -> {ty}: ...\n"));
                }
                text.push_str("    def __eq__(self, value: object, /) -> bool: ...\n");
                text
            }
        }

        impl $crate::convert::Convert for corroborate::model::$model {
            type Py = $name;
            fn convert(&self, cx: &$crate::chars::Context) -> $name {
                $name::new(self, cx)
            }
        }

        impl $crate::stubs::Stub for corroborate::model::$model {
            fn stub() -> String {
                stringify!($name).to_string()
            }
        }

        impl $crate::arrow::Columns for corroborate::model::$model {
            fn columns(rows: &[Option<&Self>], to: &mut $crate::arrow::Sink<'_>) {
                $({
                    let values: Vec<Option<&$ty>> =
                        rows.iter().map(|row| row.map(|m| &m.$field)).collect();
                    let name = $crate::items::record!(@name $field $($pyname)?);
                    $crate::items::record!(@columns [$($($arrow)*)?] $ty, values, to, name);
                })*
                $($({
                    let owned: Vec<Option<$cty>> =
                        rows.iter().map(|row| row.map(|m| ($cval)(m, to.cx))).collect();
                    let values: Vec<Option<&$cty>> = owned.iter().map(Option::as_ref).collect();
                    let to = &mut to.field(stringify!($cfield));
                    <$cty as $crate::arrow::Columns>::columns(&values, to);
                })*)?
            }
        }

        #[pymethods]
        impl $name {
            fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
                $crate::items::repr(slf.as_any(), stringify!($name), Self::ATTRIBUTES)
            }

            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                other.cast::<$name>().is_ok_and(|o| *self == *o.get())
            }

            $( $( $method )* )?
        }
    };
    (@name $field:ident) => { stringify!($field) };
    (@name $field:ident $pyname:literal) => { $pyname };
    (@columns [] $ty:ty, $values:ident, $to:ident, $name:ident) => {
        <$ty as $crate::arrow::Columns>::columns(&$values, &mut $to.field($name))
    };
    (@columns [skip] $ty:ty, $values:ident, $to:ident, $name:ident) => {
        let _ = ($values, $name);
    };
    (@columns [count $column:literal] $ty:ty, $values:ident, $to:ident, $name:ident) => {
        let _ = $name;
        $crate::arrow::counts(&$values, &mut $to.field($column));
    };
    (@columns [list $sub:ident] $ty:ty, $values:ident, $to:ident, $name:ident) => {
        let items = $values.iter().map(|v| v.map(|items| items.iter().map(|item| item.$sub.as_str())));
        $crate::arrow::lists(items, &mut $to.field($name));
    };
}

pub(crate) use record;

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
    computed {
        /// `start` counted in code points of `doc`'s text.
        start_char: usize = start_char,
        /// `end` counted in code points.
        end_char: usize = end_char,
        /// The spanned words.
        text: String = words,
    }
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
        mentions: Vec<model::Span> [count "mention_count"],
    }
}

record! {
    /// One participant of an event.
    Argument from Argument {
        /// `agent`, `patient`, `origin`, `destination`, `place`, ...
        role: model::Role,
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
        kind as "type": model::EventType,
        /// The trigger words, across documents.
        mentions: Vec<model::Span> [count "mention_count"],
        /// The participants.
        arguments: Vec<model::Argument> [count "argument_count"],
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
        predicate: model::Predicate,
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
        /// The time the value holds for, when the text says ("deputy director from 2016
        /// to 2019": `"2016/2019"`).
        time: Option<String>,
    }
    computed {
        /// `start` counted in code points of `doc`'s text.
        start_char: usize = start_char,
        /// `end` counted in code points.
        end_char: usize = end_char,
    }
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
    computed {
        /// `start` counted in code points of `doc`'s text.
        start_char: usize = start_char,
        /// `end` counted in code points.
        end_char: usize = end_char,
    }
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
        /// The casualty the number counts: `killed`, `injured`, `missing`, `arrested`,
        /// `displaced`, or `None`.
        role: Option<String>,
        /// Whether the document gives the figure as an update of an earlier one.
        revised: bool,
    }
    computed {
        /// `start` counted in code points of `doc`'s text.
        start_char: usize = start_char,
        /// `end` counted in code points.
        end_char: usize = end_char,
        /// The quantity's words.
        text: String = words,
    }
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
    computed {
        /// `start` counted in code points of `doc`'s text.
        start_char: usize = start_char,
        /// `end` counted in code points.
        end_char: usize = end_char,
    }
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
        /// The normalized value: a `float` or a `str` (an entity's name when it is one).
        value: model::Value,
        /// The entity the value is, when it is one (its id).
        entity: Option<String>,
        /// Claim ids giving this value.
        claims: Vec<String>,
        /// Document ids giving this value.
        documents: Vec<String>,
        /// The independent origins behind the reading.
        sources: Vec<model::Source> [list text],
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
        predicate: model::Predicate,
        /// `agree`, `conflict` or `single`.
        verdict: model::Verdict,
        /// One reading per distinct normalized value.
        readings: Vec<model::Reading> [count "reading_count"],
    }
    hidden {
        ledger: Backref = Backref::new,
        model: model::Comparison = |m: &model::Comparison, _: &Context| m.clone(),
    }
    stubs { "def _repr_html_(self) -> str: ..." }
    methods {
        fn _repr_html_(&self) -> String {
            self.ledger.0.comparison_html(&self.model)
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
