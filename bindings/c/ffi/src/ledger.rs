//! The ledger handle: an immutable ledger, its JSON, and an index of comparison subjects.

use std::collections::BTreeMap;
use std::ffi::CString;
use std::sync::OnceLock;

use corroborate::Ledger;

use crate::error::{Failure, boundary, corroborate_status, infallible};
use crate::ptr::{free_box, handle, into_raw};
use crate::strings::corroborate_str;

/// A built ledger. Opaque; made by `corroborate_builder_build` or
/// `corroborate_ledger_from_json`, released by `corroborate_ledger_free`.
///
/// Thread safety: immutable. Any number of threads may call the `corroborate_ledger_*`
/// readers on one ledger at once; `corroborate_ledger_free` must not race with them.
/// Every string a reader returns borrows from the ledger and dies with it.
#[derive(Debug)]
pub struct corroborate_ledger {
    ledger: Ledger,
    /// The JSON, made on first request (`OnceLock` keeps concurrent readers safe).
    json: OnceLock<CString>,
    /// Entity and event names by id, so a comparison's subject reads as words.
    subjects: BTreeMap<String, String>,
    /// Each comparison's reading values as the ledger prints them (`52`, `2023-11`), so
    /// a view can lend numbers as text too.
    values: Vec<Vec<String>>,
}

impl corroborate_ledger {
    /// Wraps a ledger for C.
    pub fn new(ledger: Ledger) -> corroborate_ledger {
        let entities = ledger
            .entities
            .iter()
            .map(|e| (e.id.clone(), e.name.clone()));
        let events = ledger
            .events
            .iter()
            .map(|e| (e.id.clone(), e.kind.to_string()));
        let subjects = entities.chain(events).collect();
        let values = ledger
            .comparisons
            .iter()
            .map(|c| c.readings.iter().map(|r| r.value.key()).collect())
            .collect();
        corroborate_ledger {
            ledger,
            json: OnceLock::new(),
            subjects,
            values,
        }
    }

    /// The ledger itself.
    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// What a comparison's subject id names: an entity's name or an event's type.
    pub fn subject_name(&self, id: &str) -> Option<&str> {
        self.subjects.get(id).map(String::as_str)
    }

    /// The printed value of one reading.
    pub fn value_text(&self, comparison: usize, reading: usize) -> &str {
        &self.values[comparison][reading]
    }

    fn json(&self) -> Result<&CString, Failure> {
        if let Some(json) = self.json.get() {
            return Ok(json);
        }
        // JSON escapes control characters, so it never holds a NUL byte.
        let json = CString::new(self.ledger.to_json()).map_err(|_| {
            Failure::new(
                corroborate_status::CORROBORATE_PANIC,
                "internal error: the ledger's JSON holds a NUL byte",
            )
        })?;
        Ok(self.json.get_or_init(|| json))
    }
}

/// Reads a ledger from its JSON (as `corroborate_ledger_to_json` or the `corroborate`
/// command write it) and writes the handle to `*out` (NULL on failure).
///
/// Thread safety: safe from any thread.
///
/// # Safety
///
/// `json` is NULL or points to `len` readable bytes; `out` is NULL or points to
/// writable memory for one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_ledger_from_json(
    json: corroborate_str,
    out: *mut *mut corroborate_ledger,
) -> corroborate_status {
    boundary(|| {
        // SAFETY: the caller promises `out` is NULL or a writable pointer slot.
        let out = unsafe { crate::ptr::out(out, "out") }?;
        *out = std::ptr::null_mut();
        // SAFETY: the caller promises `json` is readable for the call.
        let json = unsafe { json.required_text("ledger JSON") }?;
        *out = into_raw(corroborate_ledger::new(Ledger::from_json(json)?));
        Ok(())
    })
}

/// Releases a ledger; every string and view taken from it becomes invalid. NULL does
/// nothing.
///
/// Thread safety: no other call may be using this ledger.
///
/// # Safety
///
/// `ledger` is NULL or a live ledger handle not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_ledger_free(ledger: *mut corroborate_ledger) {
    // SAFETY: the caller promises `ledger` is NULL or a live handle freed only here.
    infallible((), || unsafe { free_box(ledger) })
}

/// The whole ledger as compact JSON, the contract `corroborate.ledger/1`: the same bytes
/// `corroborate ledger --format json` prints (which adds a final newline). The string is
/// NUL-terminated (`len` excludes the NUL), owned by the ledger and valid until it is freed.
///
/// Thread safety: safe to call on one ledger from many threads at once.
///
/// # Safety
///
/// `ledger` is NULL or a live ledger; `out` is NULL or points to a writable `corroborate_str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_ledger_to_json(
    ledger: *const corroborate_ledger,
    out: *mut corroborate_str,
) -> corroborate_status {
    boundary(|| {
        // SAFETY: the caller promises `out` is NULL or a writable view slot.
        let out = unsafe { crate::ptr::out(out, "out") }?;
        *out = corroborate_str::NONE;
        // SAFETY: the caller promises a live ledger, which is never mutated.
        let json = unsafe { handle(ledger, "ledger") }?.json()?;
        *out = corroborate_str {
            ptr: json.as_ptr(),
            len: json.as_bytes().len(),
        };
        Ok(())
    })
}

// The thread-safety promise above rests on this: a ledger handle is `Send + Sync`.
const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<corroborate_ledger>();
};

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate::{DocumentInput, LedgerBuilder};

    #[test]
    fn json_is_made_once_and_shared_across_threads() {
        let ledger = LedgerBuilder::new()
            .document(DocumentInput::text("a", "The port reopened on Monday."))
            .build()
            .unwrap();
        let expected = ledger.to_json();
        let handle = into_raw(corroborate_ledger::new(ledger));
        let address = handle as usize;
        let seen: Vec<(usize, String)> = std::thread::scope(|scope| {
            let readers: Vec<_> = (0..4)
                .map(|_| {
                    scope.spawn(move || {
                        let mut out = corroborate_str::NONE;
                        // SAFETY: the handle lives until after the scope; readers only share it.
                        let status = unsafe {
                            corroborate_ledger_to_json(
                                address as *const corroborate_ledger,
                                &mut out,
                            )
                        };
                        assert_eq!(status, corroborate_status::CORROBORATE_OK);
                        // SAFETY: the JSON lives as long as the handle.
                        let bytes =
                            unsafe { std::slice::from_raw_parts(out.ptr.cast::<u8>(), out.len) };
                        (out.ptr as usize, String::from_utf8(bytes.to_vec()).unwrap())
                    })
                })
                .collect();
            readers.into_iter().map(|r| r.join().unwrap()).collect()
        });
        assert!(
            seen.iter()
                .all(|(ptr, json)| *ptr == seen[0].0 && *json == expected)
        );
        // SAFETY: made by `into_raw` above and freed once, after every reader finished.
        unsafe { corroborate_ledger_free(handle) };
    }
}
