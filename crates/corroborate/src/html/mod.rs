//! Web pages in: the article text and the page's metadata.
//!
//! A page goes through four steps, one module each: [`decode`] (bytes to text by
//! byte-order mark, declared charset or content), [`flatten`] (pathological nesting
//! capped so that parsing stays linear and the stack bounded), [`body`] (the article
//! text, paragraphs and headings as blocks) and [`Metadata`] (headline, date, author,
//! outlet, address).

mod body;
mod decode;
mod flatten;
mod metadata;
#[cfg(test)]
mod page_tests;

pub use body::body;
pub use decode::decode;
pub use flatten::{flatten, separate_blocks};
pub use metadata::{Metadata, date_in_url};

/// What a web page yields: the article body as text plus the metadata found in the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The article body: one block a paragraph, heading or list item, separated by blank lines.
    pub text: String,
    /// What the page says about itself.
    pub metadata: Metadata,
}

/// Extracts the article body and metadata of a page given as raw bytes in any declared
/// encoding; `url` is the page's address when the caller knows it.
pub fn extract(bytes: &[u8], url: Option<&str>) -> Page {
    let html = decode(bytes);
    let html = flatten(&html);
    let metadata = Metadata::from_html(&html);
    let html = separate_blocks(&html);
    let url = url.or(metadata.url.as_deref());
    Page {
        text: body(&html, url),
        metadata,
    }
}

/// True when the bytes look like an HTML document.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    head.trim_start().starts_with("<!doctype html")
        || head.contains("<html")
        || head.contains("<body")
}

#[cfg(test)]
mod tests {
    #[test]
    fn example_page() {
        let page = crate::html::extract(b"<html><head><title>Floods recede</title></head><body><article>\
            <p>The river fell two metres overnight, officials said on Tuesday morning.</p>\
            <p>Schools in the valley will reopen next week after repairs are finished.</p></article></body></html>", None);
        assert!(
            page.text
                .contains("officials said on Tuesday morning.\n\nSchools")
        );
        assert_eq!(page.metadata.title.as_deref(), Some("Floods recede"));
    }

    #[test]
    fn example_looks_like_html() {
        assert!(crate::html::looks_like_html(
            b"\n<!DOCTYPE html><html><body>x</body></html>"
        ));
        assert!(!crate::html::looks_like_html(b"The <b> tag is bold."));
    }
}
