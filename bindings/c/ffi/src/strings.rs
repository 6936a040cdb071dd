//! Strings across the boundary: [`corroborate_str`], a pointer and a length.
//!
//! Pointer + length rather than NUL-terminated strings, because article text may hold
//! NUL bytes and because a view into the ledger can then borrow Rust's own bytes
//! without copying them.

use std::ffi::c_char;

use corroborate::{Error, ErrorKind};

use crate::error::{Failure, corroborate_status};

/// A UTF-8 string as a pointer and a length in bytes, not necessarily NUL-terminated.
///
/// Passed in, it is borrowed for the duration of the call. Returned in a view, it
/// borrows from the ledger and is valid until that ledger is freed. `ptr == NULL`
/// (with `len == 0`) means "absent" for optional fields.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct corroborate_str {
    /// The first byte, or NULL.
    pub ptr: *const c_char,
    /// The number of bytes.
    pub len: usize,
}

impl corroborate_str {
    /// The absent string: NULL, length 0.
    pub const NONE: corroborate_str = corroborate_str {
        ptr: std::ptr::null(),
        len: 0,
    };

    /// Borrows a Rust string; the view lives as long as the string is not moved or freed.
    pub fn borrow(text: &str) -> corroborate_str {
        corroborate_str {
            ptr: text.as_ptr().cast(),
            len: text.len(),
        }
    }

    /// Borrows an optional Rust string, NULL when absent.
    pub fn borrow_opt(text: Option<&str>) -> corroborate_str {
        text.map_or(corroborate_str::NONE, corroborate_str::borrow)
    }

    /// The bytes, or `None` when `ptr` is NULL.
    ///
    /// # Safety
    ///
    /// When `ptr` is not NULL it must point to `len` readable bytes that stay unchanged
    /// for `'a`.
    pub unsafe fn bytes<'a>(self, what: &str) -> Result<Option<&'a [u8]>, Failure> {
        if self.ptr.is_null() {
            return if self.len == 0 {
                Ok(None)
            } else {
                Err(Failure::null(&format!("{what} (with a non-zero length)")))
            };
        }
        if self.len > isize::MAX as usize {
            return Err(Failure::new(
                corroborate_status::CORROBORATE_INVALID_ARGUMENT,
                format!("{what}: length {} is larger than any object", self.len),
            ));
        }
        // SAFETY: the caller promises `len` readable bytes at `ptr` for 'a; the pointer is
        // not NULL and the length fits in isize, as `from_raw_parts` requires.
        Ok(Some(unsafe {
            std::slice::from_raw_parts(self.ptr.cast::<u8>(), self.len)
        }))
    }

    /// The text, or `None` when `ptr` is NULL; invalid UTF-8 is an error naming `what`
    /// and the offset of the first bad byte.
    ///
    /// # Safety
    ///
    /// As for [`corroborate_str::bytes`].
    pub unsafe fn text<'a>(self, what: &str) -> Result<Option<&'a str>, Failure> {
        // SAFETY: the caller's promise is passed on unchanged.
        let Some(bytes) = (unsafe { self.bytes(what) })? else {
            return Ok(None);
        };
        std::str::from_utf8(bytes).map(Some).map_err(|e| {
            Failure::from(Error::new(ErrorKind::InvalidUtf8 {
                input: what.to_string(),
                offset: e.valid_up_to(),
            }))
        })
    }

    /// The text of a required argument: NULL is an error.
    ///
    /// # Safety
    ///
    /// As for [`corroborate_str::bytes`].
    pub unsafe fn required_text<'a>(self, what: &str) -> Result<&'a str, Failure> {
        // SAFETY: the caller's promise is passed on unchanged.
        unsafe { self.text(what) }?.ok_or_else(|| Failure::null(what))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::corroborate_status::*;

    fn raw(bytes: &[u8]) -> corroborate_str {
        corroborate_str {
            ptr: bytes.as_ptr().cast(),
            len: bytes.len(),
        }
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let bad = b"ab\xffc";
        // SAFETY: `raw` points into `bad`, alive for the call.
        let err = unsafe { raw(bad).text("text") }.unwrap_err();
        assert_eq!(err.status(), CORROBORATE_INVALID_UTF8);
        assert_eq!(err.message(), "text: invalid UTF-8 at byte offset 2");
    }

    #[test]
    fn null_is_absent_only_with_length_zero() {
        // SAFETY: NULL pointers are never read.
        assert!(
            unsafe { corroborate_str::NONE.text("x") }
                .unwrap()
                .is_none()
        );
        let bad = corroborate_str {
            ptr: std::ptr::null(),
            len: 3,
        };
        // SAFETY: as above.
        let err = unsafe { bad.text("x") }.unwrap_err();
        assert_eq!(err.status(), CORROBORATE_NULL_ARGUMENT);
        // SAFETY: as above.
        let err = unsafe { corroborate_str::NONE.required_text("id") }.unwrap_err();
        assert_eq!(err.message(), "id is NULL");
    }

    #[test]
    fn oversized_lengths_are_refused_before_reading() {
        let huge = corroborate_str {
            ptr: c"x".as_ptr(),
            len: usize::MAX,
        };
        // SAFETY: the length check fails before the pointer is read.
        let err = unsafe { huge.bytes("text") }.unwrap_err();
        assert_eq!(err.status(), CORROBORATE_INVALID_ARGUMENT);
    }
}
