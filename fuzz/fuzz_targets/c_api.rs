//! The C entry points, called as a C program would, with arbitrary bytes: every call ends
//! in a status (never `CORROBORATE_PANIC`), every view it lends points inside the ledger,
//! and nothing leaks or is freed twice (the address sanitizer watches).
#![no_main]

use std::ffi::CStr;

use corroborate_ffi::builder::*;
use corroborate_ffi::error::*;
use corroborate_ffi::ledger::*;
use corroborate_ffi::views::*;
use corroborate_ffi::{corroborate_builder, corroborate_document_input, corroborate_ledger};
use corroborate_ffi::{corroborate_status, corroborate_str};
use libfuzzer_sys::fuzz_target;

fn raw(bytes: &[u8]) -> corroborate_str {
    corroborate_str {
        ptr: bytes.as_ptr().cast(),
        len: bytes.len(),
    }
}

fn ok(status: corroborate_status) -> bool {
    assert_ne!(
        status,
        corroborate_status::CORROBORATE_PANIC,
        "{}",
        last_error()
    );
    if status != corroborate_status::CORROBORATE_OK {
        assert!(!last_error().is_empty(), "a failure without a message");
    }
    status == corroborate_status::CORROBORATE_OK
}

fn last_error() -> String {
    // SAFETY: the library returns a NUL-terminated string that lives until the next call.
    unsafe { CStr::from_ptr(corroborate_last_error()) }
        .to_string_lossy()
        .into_owned()
}

/// A view's string is NULL or lies inside memory the ledger owns (read it all).
fn touch(s: corroborate_str) -> usize {
    if s.ptr.is_null() {
        assert_eq!(s.len, 0);
        return 0;
    }
    // SAFETY: the library lends `len` bytes at `ptr` for the ledger's lifetime.
    let bytes = unsafe { std::slice::from_raw_parts(s.ptr.cast::<u8>(), s.len) };
    assert!(
        std::str::from_utf8(bytes).is_ok(),
        "a lent string is not UTF-8"
    );
    bytes.len()
}

/// Reads every view of a ledger, plus a few indexes past the end.
fn read_all(ledger: *const corroborate_ledger) {
    // SAFETY (whole function): `ledger` is a live handle made by the library, and every
    // out-pointer is a local of the right type.
    unsafe {
        let mut json = corroborate_str::NONE;
        assert!(ok(corroborate_ledger_to_json(ledger, &mut json)));
        touch(json);
        let mut reread: *mut corroborate_ledger = std::ptr::null_mut();
        assert!(
            ok(corroborate_ledger_from_json(json, &mut reread)),
            "{}",
            last_error()
        );
        assert_eq!(
            corroborate_ledger_entity_count(reread),
            corroborate_ledger_entity_count(ledger)
        );
        corroborate_ledger_free(reread);

        for i in 0..=corroborate_ledger_document_count(ledger) {
            let mut d = std::mem::zeroed::<corroborate_document>();
            if ok(corroborate_ledger_document(ledger, i, &mut d)) {
                touch(d.id);
                touch(d.text);
                touch(d.published);
                touch(d.source);
                touch(d.url);
                touch(d.title);
            }
        }
        for i in 0..=corroborate_ledger_entity_count(ledger) {
            let mut e = std::mem::zeroed::<corroborate_entity>();
            if ok(corroborate_ledger_entity(ledger, i, &mut e)) {
                touch(e.id);
                touch(e.name);
                touch(e.kind_name);
            }
        }
        for i in 0..=corroborate_ledger_comparison_count(ledger) {
            let mut c = std::mem::zeroed::<corroborate_comparison>();
            if !ok(corroborate_ledger_comparison(ledger, i, &mut c)) {
                continue;
            }
            touch(c.subject_name);
            for r in 0..=c.reading_count {
                let mut reading = std::mem::zeroed::<corroborate_reading>();
                if !ok(corroborate_ledger_reading(ledger, i, r, &mut reading)) {
                    continue;
                }
                touch(reading.value);
                for d in 0..=reading.document_count {
                    let mut doc = corroborate_str::NONE;
                    if ok(corroborate_ledger_reading_document(
                        ledger, i, r, d, &mut doc,
                    )) {
                        touch(doc);
                    }
                }
            }
        }
        for i in 0..=corroborate_ledger_quote_count(ledger) {
            let mut q = std::mem::zeroed::<corroborate_quote>();
            if ok(corroborate_ledger_quote(ledger, i, &mut q)) {
                assert!(q.start <= q.end);
                touch(q.text);
                touch(q.speaker_name);
                touch(q.speaker_text);
                touch(q.cue);
            }
        }
        for i in 0..=corroborate_ledger_failure_count(ledger) {
            let mut f = std::mem::zeroed::<corroborate_failure>();
            if ok(corroborate_ledger_failure(ledger, i, &mut f)) {
                touch(f.message);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    // The rest is split at 0xFF bytes into fields: published, then (id, text) pairs.
    let mut fields = rest.split(|&b| b == 0xff);
    let published = fields.next().unwrap_or_default();
    // SAFETY (whole block): every pointer passed is NULL, a local out-slot, or a slice of
    // `data` alive for the call; the builder and ledgers are freed exactly once.
    unsafe {
        let _ = corroborate_status_name(i32::from(flags) - 2);
        let mut builder: *mut corroborate_builder = std::ptr::null_mut();
        assert!(ok(corroborate_builder_new(&mut builder)));
        if flags & 1 != 0 {
            ok(corroborate_builder_set_published(builder, raw(published)));
        }
        ok(corroborate_builder_set_keep_going(builder, flags & 2 != 0));
        if flags & 4 != 0 {
            ok(corroborate_builder_set_max_document_bytes(
                builder,
                usize::from(flags) * 4,
            ));
        }
        let mut pairs = 0;
        while let (Some(id), Some(text)) = (fields.next(), fields.next()) {
            let mut doc = std::mem::zeroed::<corroborate_document_input>();
            doc.id = raw(id);
            doc.text = raw(text);
            doc.html = flags & (8 << (pairs % 3)) != 0;
            doc.source = if flags & 64 != 0 {
                raw(id)
            } else {
                corroborate_str::NONE
            };
            ok(corroborate_builder_add_document(builder, &doc));
            pairs += 1;
        }
        let mut ledger: *mut corroborate_ledger = std::ptr::null_mut();
        if ok(corroborate_builder_build(builder, &mut ledger)) {
            read_all(ledger);
        } else {
            assert!(ledger.is_null());
        }
        corroborate_ledger_free(ledger);
        corroborate_builder_free(builder);

        // The same bytes as a stored ledger.
        let mut from_json: *mut corroborate_ledger = std::ptr::null_mut();
        if ok(corroborate_ledger_from_json(raw(rest), &mut from_json)) {
            read_all(from_json);
        }
        corroborate_ledger_free(from_json);
    }
});
