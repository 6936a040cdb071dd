//! Conversion of the core's model values into what the Python classes hold.
//!
//! One trait, implemented for the field types the model uses, lets the record macro in
//! `items.rs` mirror any model struct from its field list alone.

use corroborate::model;
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyString};

use crate::chars::Context;

/// A model value as the Python side holds it.
pub trait Convert {
    /// The converted type.
    type Py;
    /// Converts, with the ledger at hand for code-point offsets.
    fn convert(&self, cx: &Context) -> Self::Py;
}

/// Plain values cross unchanged.
macro_rules! same {
    ($($t:ty),*) => {$(
        impl Convert for $t {
            type Py = $t;
            fn convert(&self, _: &Context) -> $t {
                self.clone()
            }
        }
    )*};
}

same!(String, usize, bool, f64);

impl<T: Convert> Convert for Vec<T> {
    type Py = Vec<T::Py>;
    fn convert(&self, cx: &Context) -> Self::Py {
        self.iter().map(|v| v.convert(cx)).collect()
    }
}

impl<T: Convert> Convert for Option<T> {
    type Py = Option<T::Py>;
    fn convert(&self, cx: &Context) -> Self::Py {
        self.as_ref().map(|v| v.convert(cx))
    }
}

/// Keywords (entity kinds, verdicts, event types, roles, predicates) become the strings
/// the JSON uses.
macro_rules! keywords {
    ($($t:ty),*) => {$(
        impl Convert for $t {
            type Py = String;
            fn convert(&self, _: &Context) -> String {
                self.as_str().to_string()
            }
        }
    )*};
}

keywords!(
    model::EntityKind,
    model::Verdict,
    model::EventType,
    model::Role,
    model::Predicate
);

/// A claim's or reading's value: a `float` or a `str` in Python, as in the JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A number.
    Number(f64),
    /// Anything else.
    Text(String),
}

impl Convert for model::Value {
    type Py = Value;
    fn convert(&self, _: &Context) -> Value {
        match self {
            model::Value::Number(n) => Value::Number(*n),
            model::Value::Text(t) => Value::Text(t.clone()),
        }
    }
}

impl<'py> IntoPyObject<'py> for Value {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(match self {
            Value::Number(n) => PyFloat::new(py, n).into_any(),
            Value::Text(t) => PyString::new(py, &t).into_any(),
        })
    }
}
