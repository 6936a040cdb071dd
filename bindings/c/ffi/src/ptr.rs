//! Checked conversions from the raw pointers C passes: handles and out-parameters.
//!
//! A NULL becomes a `CORROBORATE_NULL_ARGUMENT` failure naming the argument; anything
//! else is trusted to be what the header says it is, which is the caller's promise.

use crate::error::Failure;

/// The handle behind `ptr`, shared.
///
/// # Safety
///
/// `ptr` is NULL or points to a live `T` that is not being mutated for `'a`.
pub unsafe fn handle<'a, T>(ptr: *const T, what: &str) -> Result<&'a T, Failure> {
    // SAFETY: `as_ref` checks for NULL; otherwise the caller promises a live, unaliased-for-
    // writing `T`.
    unsafe { ptr.as_ref() }.ok_or_else(|| Failure::null(what))
}

/// The handle behind `ptr`, exclusive.
///
/// # Safety
///
/// `ptr` is NULL or points to a live `T` that nothing else uses for `'a`.
pub unsafe fn handle_mut<'a, T>(ptr: *mut T, what: &str) -> Result<&'a mut T, Failure> {
    // SAFETY: `as_mut` checks for NULL; otherwise the caller promises exclusive access.
    unsafe { ptr.as_mut() }.ok_or_else(|| Failure::null(what))
}

/// The slot an out-parameter points to.
///
/// # Safety
///
/// `ptr` is NULL or points to writable, aligned memory for a `T` for `'a`.
pub unsafe fn out<'a, T>(ptr: *mut T, what: &str) -> Result<&'a mut T, Failure> {
    // SAFETY: as for `handle_mut`; the slot's old content is plain data (a pointer or a
    // `#[repr(C)]` view of pointers and numbers), so overwriting it leaks nothing.
    unsafe { ptr.as_mut() }.ok_or_else(|| Failure::null(what))
}

/// Moves `value` to the heap and hands C the pointer; `free_box` takes it back.
pub fn into_raw<T>(value: T) -> *mut T {
    Box::into_raw(Box::new(value))
}

/// Drops a value made by [`into_raw`]; NULL does nothing.
///
/// # Safety
///
/// `ptr` is NULL or came from [`into_raw`] and has not been freed.
pub unsafe fn free_box<T>(ptr: *mut T) {
    if !ptr.is_null() {
        // SAFETY: the caller promises `ptr` came from `Box::into_raw` and is freed once.
        drop(unsafe { Box::from_raw(ptr) });
    }
}
