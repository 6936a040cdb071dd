//! Conversion of the core's model values into what the Python classes hold.
//!
//! One trait, implemented for the field types the model uses, lets the record macro in
//! `items.rs` mirror any model struct from its field list alone.

use corroborate::model;
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyString};

use arrow_array::StringArray;

use crate::arrow::{Columns, Sink};
use crate::chars::Context;
use crate::stubs::Stub;

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

/// Keywords become the lowercase strings the JSON uses: in the classes, in the tables,
/// and in the stubs. A closed enum lists its variants, so its stub is a `Literal` naming
/// every keyword; an open one (event types come from data files, roles and predicates
/// have an escape for keywords the data adds) is a `str`.
macro_rules! keywords {
    ($($model:ident $(: $($variant:ident),+)?;)*) => {$(
        impl Convert for model::$model {
            type Py = String;
            fn convert(&self, _: &Context) -> String {
                self.as_str().to_string()
            }
        }

        impl Stub for model::$model {
            fn stub() -> String {
                let variants: &[&str] = &[$($(model::$model::$variant.as_str()),+)?];
                if variants.is_empty() {
                    "str".to_string()
                } else {
                    crate::stubs::literal(variants)
                }
            }
        }

        impl Columns for model::$model {
            fn columns(values: &[Option<&Self>], to: &mut Sink<'_>) {
                to.push(StringArray::from_iter(values.iter().map(|v| v.map(|k| k.as_str()))));
            }
        }
    )*};
}

keywords! {
    EntityKind: Person, Organization, Location, Other;
    Verdict: Agree, Conflict, Single;
    EventType;
    Role;
    Predicate;
}

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
