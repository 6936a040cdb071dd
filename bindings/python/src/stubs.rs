//! The generated part of `_corroborate.pyi`: the Python type of every field of every
//! record, from the same declarations that make the classes.
//!
//! `_corroborate._generated_stubs()` returns the text; `stubgen.py` writes it into the
//! stub file, and with `--check` (run by `run-tests.sh`) fails when the file is not up
//! to date.

use corroborate::model;

/// A field type's annotation in the stub.
pub trait Stub {
    /// The Python type, as the stub writes it.
    fn stub() -> String;
}

/// Plain values and their Python types.
macro_rules! plain {
    ($($t:ty => $py:literal),*) => {$(
        impl Stub for $t {
            fn stub() -> String {
                $py.to_string()
            }
        }
    )*};
}

plain!(String => "str", usize => "int", bool => "bool", f64 => "float", model::Value => "float | str");

impl<T: Stub> Stub for Option<T> {
    fn stub() -> String {
        format!("{} | None", T::stub())
    }
}

impl<T: Stub> Stub for Vec<T> {
    fn stub() -> String {
        format!("list[{}]", T::stub())
    }
}

/// `Literal["a", "b", ...]` of a keyword enum's keywords.
pub fn literal(keywords: &[&str]) -> String {
    let quoted: Vec<String> = keywords.iter().map(|k| format!("{k:?}")).collect();
    format!("Literal[{}]", quoted.join(", "))
}
