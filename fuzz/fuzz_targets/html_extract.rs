//! Any bytes given as a web page yield a page (possibly empty), never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = corroborate::html::extract(data);
    if let Some(date) = page.published {
        assert_eq!(date.len(), 10, "published is YYYY-MM-DD");
    }
    let _ = corroborate::html::looks_like_html(data);
});
