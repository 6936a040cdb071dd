//! Any UTF-8 text becomes a ledger (or a clear error), with every span inside its document.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Split the input into up to three documents at NUL bytes, to exercise cross-document work.
    let docs = text.splitn(3, '\0').enumerate().map(|(i, part)| {
        corroborate::DocumentInput::text(format!("d{i}"), part).published("2024-07-16")
    });
    let Ok(ledger) = corroborate::LedgerBuilder::new().keep_going(true).documents(docs).build() else {
        return;
    };
    for doc in &ledger.documents {
        for r in &doc.removed {
            assert!(doc.text.is_char_boundary(r.start) && doc.text.is_char_boundary(r.end));
        }
    }
    for entity in &ledger.entities {
        for m in &entity.mentions {
            let doc = ledger.document(&m.doc).expect("mention's document exists");
            assert!(m.slice(&doc.text).is_some(), "mention off the text");
        }
    }
    let json = ledger.to_json();
    assert_eq!(corroborate::Ledger::from_json(&json).expect("round trip"), ledger);
});
