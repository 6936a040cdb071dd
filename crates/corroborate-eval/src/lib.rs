//! Shared pieces of the evaluation and training tools.

pub mod conll;
pub mod xml;
