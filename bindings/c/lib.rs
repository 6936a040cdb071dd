//! `libcorroborate`: links the C entry points of `corroborate-ffi` into a shared and a
//! static library. The code, and its documentation, live in `ffi/src`.

pub use corroborate_ffi::*;
