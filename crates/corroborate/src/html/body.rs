//! The article body of a parsed page, as text blocks separated by blank lines.
//!
//! Two maintained extractors are combined. `rs-trafilatura` scores best on news pages
//! (see docs/quality-html.md) and is the first choice. When it cannot find a content
//! container it falls back to the whole page's text run together into one or two huge
//! lines — navigation, sidebars and all; on those pages a Readability port
//! (`dom_smoothie`), which scores candidate containers differently, is asked instead.

use std::panic::{AssertUnwindSafe, catch_unwind};

/// The article body of a decoded, flattened page: one block a paragraph, heading or list
/// item, blocks separated by a blank line, ending with a newline (empty when the page
/// holds no text).
///
/// ```
/// let body = corroborate::html::body("<html><body><article><h1>Floods recede</h1>\
///     <p>The river fell two metres overnight, officials said on Tuesday morning.</p>\
///     <p>Schools in the valley will reopen next week after repairs are finished.</p></article></body></html>", None);
/// assert!(body.contains("The river fell two metres overnight"));
/// assert!(body.ends_with('\n'));
/// ```
pub fn body(html: &str, url: Option<&str>) -> String {
    let first = blocks(&trafilatura(html, url));
    if !run_together(&first) {
        return first;
    }
    let second = blocks(&readability(html, url));
    if second.trim().is_empty() {
        first
    } else {
        second
    }
}

/// Text by `rs-trafilatura`. Its panics (it indexes strings by computed offsets) are
/// caught: a page it cannot handle yields no text rather than aborting the ledger.
fn trafilatura(html: &str, url: Option<&str>) -> String {
    let options = rs_trafilatura::Options {
        url: url.map(str::to_string),
        ..rs_trafilatura::Options::default()
    };
    catch_unwind(AssertUnwindSafe(|| {
        rs_trafilatura::extract_with_options(html, &options)
    }))
    .ok()
    .and_then(Result::ok)
    .map(|r| r.content_text)
    .unwrap_or_default()
}

/// Text by `dom_smoothie`, a port of Mozilla's Readability, one block a line.
fn readability(html: &str, url: Option<&str>) -> String {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    catch_unwind(AssertUnwindSafe(|| {
        dom_smoothie::Readability::new(html, url, Some(config))
            .and_then(|mut r| r.parse())
            .map(|article| article.text_content.to_string())
    }))
    .ok()
    .and_then(Result::ok)
    .unwrap_or_default()
}

/// True when extracted text is a page's text run together: long, and mostly one line.
/// Real article bodies are paragraphs; no news paragraph runs past a few thousand bytes.
fn run_together(text: &str) -> bool {
    let longest = text.lines().map(str::len).max().unwrap_or(0);
    text.len() >= 1500 && longest * 2 >= text.len()
}

/// Normalizes extracted text into blocks: white space inside a line collapsed, empty
/// lines dropped, one blank line between blocks.
fn blocks(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for line in text.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        for (i, word) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_single_spaced_lines_between_blank_lines() {
        assert_eq!(blocks("  One\t two \n\n\n Three\n"), "One two\n\nThree\n");
        assert_eq!(blocks(" \n\t\n"), "");
    }

    #[test]
    fn run_together_text_is_recognized() {
        let paragraph = "A sentence of ordinary length, as articles have. ";
        let page = paragraph.repeat(40);
        assert!(run_together(&page));
        let article = format!("{}\n\n", paragraph.repeat(4)).repeat(10);
        assert!(!run_together(&article));
        assert!(!run_together(paragraph));
    }
}
