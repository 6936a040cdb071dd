//! The time and quantity parsers accept any text: spans stay inside it on character
//! boundaries, values are finite, and impossible dates never come out.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for (start, end, value) in corroborate::internals::times(text, Some("2024-02-29")) {
        assert!(start <= end && end <= text.len());
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        if let Some(value) = value {
            assert!(!value.contains("-02-30") && !value.contains("-02-31"), "{value}");
        }
    }
    for quantity in corroborate::internals::quantities(text, Some("2024-02-29")) {
        assert!(quantity.start <= quantity.end && quantity.end <= text.len());
        assert!(text.is_char_boundary(quantity.start) && text.is_char_boundary(quantity.end));
        assert!(quantity.value.is_finite(), "{quantity:?}");
    }
});
