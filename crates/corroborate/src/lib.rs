//! corroborate turns a pile of news articles into one ledger.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod error;
mod lexicon;
pub mod model;
pub mod text;

pub use error::{Error, ErrorKind};
pub use model::Ledger;
