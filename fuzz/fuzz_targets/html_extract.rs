//! Any bytes given as a web page yield a page (possibly empty), never a panic, and a
//! publication date, when one is found, as `YYYY-MM-DD`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = corroborate::internals::html::extract(data, None);
    if let Some(date) = page.metadata.published {
        assert_eq!(date.len(), 10, "published is YYYY-MM-DD: {date}");
    }
    let _ = corroborate::internals::html::looks_like_html(data);
});
