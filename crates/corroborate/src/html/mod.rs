//! Web pages in: the article text and the page's metadata.

use scraper::{Html, Selector};

/// What a web page yields: the article body as text plus the metadata found in the page.
///
/// ```
/// let page = corroborate::html::extract(b"<html><head><title>T</title></head><body><p>One.</p><p>Two.</p></body></html>");
/// assert_eq!(page.text, "One.\n\nTwo.\n");
/// assert_eq!(page.title.as_deref(), Some("T"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The article body, one block a paragraph.
    pub text: String,
    /// The headline.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// The outlet.
    pub site_name: Option<String>,
    /// Canonical address.
    pub url: Option<String>,
}

/// Extracts the text blocks of a page.
pub fn extract(bytes: &[u8]) -> Page {
    let html = String::from_utf8_lossy(bytes);
    let doc = Html::parse_document(&html);
    let blocks =
        Selector::parse("body p, body h1, body h2, body h3, body li").expect("valid selector");
    let mut text = String::new();
    for element in doc.select(&blocks) {
        let line = element.text().collect::<Vec<_>>().join(" ");
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            text.push_str(&line);
            text.push_str("\n\n");
        }
    }
    text.truncate(text.trim_end().len());
    text.push('\n');
    let title = Selector::parse("title").expect("valid selector");
    Page {
        text: if text.trim().is_empty() {
            String::new()
        } else {
            text
        },
        title: doc
            .select(&title)
            .next()
            .map(|t| t.text().collect::<String>().trim().to_string())
            .filter(|t| !t.is_empty()),
        ..Page::default()
    }
}

/// True when the bytes look like an HTML document.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    head.trim_start().starts_with("<!doctype html")
        || head.contains("<html")
        || head.contains("<body")
}
