//! The C API of corroborate: `libcorroborate.so` / `libcorroborate.a` and
//! `include/corroborate.h`.
//!
//! The design follows regex-capi and rustls-ffi:
//!
//! - **Opaque handles** ([`corroborate_builder`], [`corroborate_ledger`]) made by a
//!   `_new` (or `_build`, `_from_json`) function and released by a `_free` function;
//!   `_free(NULL)` does nothing.
//! - **Text in** as pointer + length ([`corroborate_str`]), checked to be UTF-8, so C
//!   strings need no NUL terminator and embedded NULs are not silently truncated.
//! - **Every fallible function returns a [`corroborate_status`]** and writes its result
//!   through an out-parameter; on failure [`corroborate_last_error`] describes why.
//! - **No unwinding into C**: every entry point runs inside [`error::boundary`], which
//!   catches panics and reports them as `CORROBORATE_PANIC`.
//! - **Strings out are borrowed from the ledger** and freed with it; the library never
//!   hands C a pointer that C must pass to `free()`.
//!
//! # Thread safety
//!
//! A builder is not synchronized: use it from one thread at a time (it may move between
//! threads). A ledger is immutable once built: every `corroborate_ledger_*` reader may
//! be called on one ledger from many threads at once; only `corroborate_ledger_free`
//! must not race with them. The last error is kept per thread. Each function's
//! documentation repeats the rule that applies to it.
//!
//! `unsafe` lives only in this crate, and every block says why it is sound.
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
// The C names (`corroborate_status`, `CORROBORATE_OK`) are the API: keep them as C spells them.
#![allow(non_camel_case_types)]

pub mod builder;
pub mod error;
pub mod ledger;
pub mod ptr;
pub mod strings;
pub mod views;

pub use builder::{corroborate_builder, corroborate_document_input};
pub use error::corroborate_status;
pub use ledger::corroborate_ledger;
pub use strings::corroborate_str;
