//! Status codes, the per-thread last error, and the panic boundary every entry point
//! goes through.
//!
//! A status tells a program *what kind* of failure to handle; the message tells a
//! person *which input* to fix, so it is kept per thread rather than per handle: a
//! failed constructor has no handle to hang a message on.

use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char, c_int};
use std::panic::{AssertUnwindSafe, catch_unwind};

use corroborate::{Error, ErrorKind};

/// The outcome of a fallible call. `CORROBORATE_OK` is zero, every failure non-zero.
///
/// New codes may be added; treat an unknown non-zero code as a failure and show
/// `corroborate_last_error()`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum corroborate_status {
    /// Success.
    CORROBORATE_OK = 0,
    /// A required pointer argument was NULL.
    CORROBORATE_NULL_ARGUMENT = 1,
    /// Text that must be UTF-8 is not; the message names the byte offset.
    CORROBORATE_INVALID_UTF8 = 2,
    /// An argument is out of its domain: an empty id, an index past the end, a length
    /// larger than any object can be.
    CORROBORATE_INVALID_ARGUMENT = 3,
    /// A document has no text, or only white space.
    CORROBORATE_EMPTY_DOCUMENT = 4,
    /// A date is not a real day written `YYYY-MM-DD`.
    CORROBORATE_BAD_DATE = 5,
    /// Two documents share one id.
    CORROBORATE_DUPLICATE_ID = 6,
    /// A document is larger than the builder's limit.
    CORROBORATE_TOO_LARGE = 7,
    /// A ledger was built from no documents.
    CORROBORATE_NO_DOCUMENTS = 8,
    /// A file could not be read.
    CORROBORATE_IO = 9,
    /// A path is not an article file, directory or manifest, or a manifest line is malformed.
    CORROBORATE_UNSUPPORTED_INPUT = 10,
    /// JSON could not be read as a ledger.
    CORROBORATE_JSON = 11,
    /// A bug: the library panicked. The panic was caught; the handles involved may be
    /// left empty but are still safe to free.
    CORROBORATE_PANIC = 12,
}

use corroborate_status::*;

impl corroborate_status {
    /// Every status, in code order.
    const ALL: [corroborate_status; 13] = [
        CORROBORATE_OK,
        CORROBORATE_NULL_ARGUMENT,
        CORROBORATE_INVALID_UTF8,
        CORROBORATE_INVALID_ARGUMENT,
        CORROBORATE_EMPTY_DOCUMENT,
        CORROBORATE_BAD_DATE,
        CORROBORATE_DUPLICATE_ID,
        CORROBORATE_TOO_LARGE,
        CORROBORATE_NO_DOCUMENTS,
        CORROBORATE_IO,
        CORROBORATE_UNSUPPORTED_INPUT,
        CORROBORATE_JSON,
        CORROBORATE_PANIC,
    ];

    /// The code's name as it appears in the header.
    fn name(self) -> &'static CStr {
        match self {
            CORROBORATE_OK => c"CORROBORATE_OK",
            CORROBORATE_NULL_ARGUMENT => c"CORROBORATE_NULL_ARGUMENT",
            CORROBORATE_INVALID_UTF8 => c"CORROBORATE_INVALID_UTF8",
            CORROBORATE_INVALID_ARGUMENT => c"CORROBORATE_INVALID_ARGUMENT",
            CORROBORATE_EMPTY_DOCUMENT => c"CORROBORATE_EMPTY_DOCUMENT",
            CORROBORATE_BAD_DATE => c"CORROBORATE_BAD_DATE",
            CORROBORATE_DUPLICATE_ID => c"CORROBORATE_DUPLICATE_ID",
            CORROBORATE_TOO_LARGE => c"CORROBORATE_TOO_LARGE",
            CORROBORATE_NO_DOCUMENTS => c"CORROBORATE_NO_DOCUMENTS",
            CORROBORATE_IO => c"CORROBORATE_IO",
            CORROBORATE_UNSUPPORTED_INPUT => c"CORROBORATE_UNSUPPORTED_INPUT",
            CORROBORATE_JSON => c"CORROBORATE_JSON",
            CORROBORATE_PANIC => c"CORROBORATE_PANIC",
        }
    }
}

/// Why a call failed: the status to return and the message to keep.
#[derive(Debug)]
pub struct Failure {
    status: corroborate_status,
    message: String,
}

impl Failure {
    /// A failure found by the binding itself (NULL pointers, bad lengths, indexes).
    pub fn new(status: corroborate_status, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }

    /// The status this failure returns.
    pub fn status(&self) -> corroborate_status {
        self.status
    }

    /// The message kept for `corroborate_last_error`.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// A NULL where `what` was required.
    pub fn null(what: &str) -> Failure {
        Failure::new(CORROBORATE_NULL_ARGUMENT, format!("{what} is NULL"))
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        let status = match error.kind() {
            ErrorKind::InvalidUtf8 { .. } => CORROBORATE_INVALID_UTF8,
            ErrorKind::EmptyDocument { .. } => CORROBORATE_EMPTY_DOCUMENT,
            ErrorKind::BadDate { .. } => CORROBORATE_BAD_DATE,
            ErrorKind::DuplicateId { .. } => CORROBORATE_DUPLICATE_ID,
            ErrorKind::TooLarge { .. } => CORROBORATE_TOO_LARGE,
            ErrorKind::NoDocuments => CORROBORATE_NO_DOCUMENTS,
            ErrorKind::Io { .. } => CORROBORATE_IO,
            ErrorKind::Json { .. } | ErrorKind::Schema { .. } => CORROBORATE_JSON,
            // Manifest lines, unsupported paths and kinds added to the core later.
            _ => CORROBORATE_UNSUPPORTED_INPUT,
        };
        Failure::new(status, format!("{error:#}"))
    }
}

thread_local! {
    /// The message of the last failed call on this thread, NUL-terminated.
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

fn set_last_error(message: &str) {
    // A message can quote an input name holding NUL bytes; show them rather than cut there.
    let bytes = message.replace('\0', "\\0").into_bytes();
    let message = CString::new(bytes).unwrap_or_default();
    // During thread teardown the slot may be gone; the status still tells the caller.
    let _ = LAST_ERROR.try_with(|slot| *slot.borrow_mut() = message);
}

/// Runs the body of a fallible entry point: clears this thread's last error, runs `body`,
/// and turns an error or a panic into a status and a message. Nothing unwinds past it.
pub fn boundary(body: impl FnOnce() -> Result<(), Failure>) -> corroborate_status {
    set_last_error("");
    let failure = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => return CORROBORATE_OK,
        Ok(Err(failure)) => failure,
        Err(payload) => {
            let reason = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".to_string());
            // Dropping a payload can itself panic; leak it instead of risking an unwind.
            std::mem::forget(payload);
            Failure::new(
                CORROBORATE_PANIC,
                format!("internal error, please report it: {reason}"),
            )
        }
    };
    set_last_error(&failure.message);
    failure.status
}

/// Runs the body of an infallible entry point (counts, names): a panic yields `fallback`.
pub fn infallible<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|payload| {
        std::mem::forget(payload);
        fallback
    })
}

/// The message of the last failed call on this thread, or `""` after a successful one.
///
/// Every fallible call clears it first, so it always describes the most recent call.
/// The string is NUL-terminated, owned by the library and valid until the next
/// fallible call on this thread; copy it to keep it.
///
/// Thread safety: safe from any thread; each thread sees its own last error.
#[unsafe(no_mangle)]
pub extern "C" fn corroborate_last_error() -> *const c_char {
    infallible(c"".as_ptr(), || {
        LAST_ERROR
            .try_with(|slot| slot.borrow().as_ptr())
            .unwrap_or(c"".as_ptr())
    })
}

/// The name of a status code (`"CORROBORATE_INVALID_UTF8"`), a static string;
/// `"unknown status"` for a number that is no code.
///
/// Takes an `int` rather than the enum so that any number a caller holds is safe to pass.
///
/// Thread safety: safe from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn corroborate_status_name(status: c_int) -> *const c_char {
    usize::try_from(status)
        .ok()
        .and_then(|code| corroborate_status::ALL.get(code))
        .map_or(c"unknown status", |status| status.name())
        .as_ptr()
}

/// The library's version (`"0.1.0"`), a static string.
///
/// Thread safety: safe from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn corroborate_version() -> *const c_char {
    const VERSION: &CStr =
        match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
            Ok(version) => version,
            Err(_) => panic!("the version has no NUL"),
        };
    VERSION.as_ptr()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn last() -> String {
        // SAFETY: corroborate_last_error returns a NUL-terminated string owned by this
        // thread's slot, alive until the next fallible call, which comes after this read.
        unsafe { CStr::from_ptr(corroborate_last_error()) }
            .to_string_lossy()
            .into_owned()
    }

    #[test]
    fn panics_become_a_status_and_a_message() {
        let status = boundary(|| panic!("boom"));
        assert_eq!(status, CORROBORATE_PANIC);
        assert!(last().contains("boom"), "{}", last());
        assert_eq!(boundary(|| Ok(())), CORROBORATE_OK);
        assert_eq!(last(), "");
    }

    #[test]
    fn messages_keep_text_after_nul_bytes() {
        let status = boundary(|| Err(Failure::new(CORROBORATE_INVALID_ARGUMENT, "a\0b")));
        assert_eq!(status, CORROBORATE_INVALID_ARGUMENT);
        assert_eq!(last(), "a\\0b");
    }

    #[test]
    fn core_errors_map_to_statuses() {
        let failure = Failure::from(Error::new(ErrorKind::NoDocuments));
        assert_eq!(failure.status, CORROBORATE_NO_DOCUMENTS);
        assert_eq!(failure.message, "no documents to read");
    }

    #[test]
    fn status_names_follow_the_codes() {
        for (code, status) in corroborate_status::ALL.iter().enumerate() {
            assert_eq!(*status as usize, code);
            let name = corroborate_status_name(code as c_int);
            // SAFETY: status names are static NUL-terminated strings.
            let name = unsafe { CStr::from_ptr(name) };
            assert_eq!(name, status.name());
        }
        // SAFETY: as above.
        let unknown = unsafe { CStr::from_ptr(corroborate_status_name(-1)) };
        assert_eq!(unknown, c"unknown status");
    }
}
