//! Any manifest text is read or refused with a message naming the manifest.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let dir = std::path::Path::new("/nonexistent-corroborate-fuzz");
    if let Err(error) = corroborate::parse_manifest(text, dir, "fuzz.jsonl") {
        let message = error.to_string();
        assert!(message.contains("fuzz.jsonl") || message.contains("nonexistent"), "{message}");
    }
});
