//! corroborate turns a pile of news articles into one **ledger**: the people,
//! organisations and places in them, the events they report, the claims each article
//! makes and who they are attributed to, direct quotes with their speakers, numbers and
//! times normalized, and — across outlets covering the same story — which claims agree,
//! which conflict and which stand alone. Every item is traced to byte offsets.
//!
//! ```
//! use corroborate::{DocumentInput, LedgerBuilder};
//!
//! let ledger = LedgerBuilder::new()
//!     .document(DocumentInput::text("a", "The mayor resigned on Monday.").published("2024-07-16"))
//!     .build()?;
//! println!("{}", ledger.to_json());
//! # Ok::<(), corroborate::Error>(())
//! ```
//!
//! Data flows one way through private stages: text (tokens, sentences, boilerplate)
//! → per-document extraction → cross-document resolution → comparison → [`Ledger`].
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod assemble;
mod compare;
mod error;
mod extract;
#[cfg(test)]
mod fixtures;
mod hashing;
mod html;
mod ids;
mod input;
#[cfg(feature = "unstable-internals")]
pub mod internals;
mod lexicon;
mod merge;
pub mod model;
mod ner;
mod pipeline;
mod prepare;
mod report;
mod resolve;
#[cfg(any(test, feature = "unstable-internals"))]
mod shapes;
mod text;
mod work;

pub use error::{Error, ErrorKind};
pub use input::{Content, DocumentInput, load_path, parse_manifest};
pub use model::Ledger;
pub use pipeline::{DEFAULT_MAX_DOCUMENT_BYTES, LedgerBuilder};
