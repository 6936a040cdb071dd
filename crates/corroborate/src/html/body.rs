//! The article body of a parsed page, as text blocks separated by blank lines.
//!
//! Two maintained extractors are combined (figures in docs/quality-html.md).
//! `rs-trafilatura` scores best on news pages and gives the body. A Readability port
//! (`dom_smoothie`), which picks the content container by a different score, is a
//! second opinion used two ways:
//! - when `rs-trafilatura` finds no content container it returns the whole page's text
//!   run together into one or two huge lines (navigation, sidebars and all); then the
//!   Readability text is taken instead;
//! - otherwise the short blocks at the start and end of the body that Readability did
//!   not keep (section links, kickers, share prompts, "more stories" lists) are cut.
//!   Blocks inside the body, and long paragraphs anywhere, are never cut.

use std::panic::{AssertUnwindSafe, catch_unwind};

/// The article body of a decoded, flattened page: one block a paragraph, heading or list
/// item, blocks separated by a blank line, ending with a newline (empty when the page
/// holds no text).
pub fn body(html: &str, url: Option<&str>) -> String {
    // Each extractor parses the page itself; run them side by side.
    let (first, second) = rayon::join(
        || blocks(&trafilatura(html, url)),
        || blocks(&readability(html, url)),
    );
    if run_together(&first) {
        return if second.trim().is_empty() {
            first
        } else {
            second
        };
    }
    trim_edges(&first, &second)
}

/// Blocks longer than this many words are paragraphs, kept whatever the second opinion.
const PARAGRAPH_WORDS: usize = 40;

/// A second opinion shorter than this (in normalized bytes) is too little to judge by.
const MIN_OPINION: usize = 200;

/// `body` without the leading and trailing short blocks that `opinion` does not contain.
fn trim_edges(body: &str, opinion: &str) -> String {
    let opinion = words(opinion);
    if opinion.len() < MIN_OPINION {
        return body.to_string();
    }
    let parts: Vec<&str> = body
        .split("\n\n")
        .map(str::trim_end)
        .filter(|b| !b.is_empty())
        .collect();
    let shared: Vec<bool> = parts.iter().map(|b| opinion.contains(&words(b))).collect();
    if !shared.contains(&true) {
        return body.to_string();
    }
    let keep = |i: usize| shared[i] || parts[i].split_whitespace().count() > PARAGRAPH_WORDS;
    let start = (0..parts.len()).find(|&i| keep(i)).unwrap_or(0);
    let end = (start..parts.len())
        .rev()
        .find(|&i| keep(i))
        .map_or(start, |i| i + 1);
    let mut out = parts[start..end].join("\n\n");
    out.push('\n');
    out
}

/// The words of a text, lowercased, one space apart: what two extractors' renderings
/// of the same block have in common whatever their spacing and punctuation.
fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
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
    fn edges_missing_from_the_second_opinion_are_cut() {
        let story =
            "The ferry resumed service on Monday after a week of storms, the operator said.";
        let more = "Officials said the harbour wall would be inspected again before the winter season began.";
        let body =
            format!("World | Europe\n\n{story}\n\nSee also\n\n{more}\n\nShare this article\n");
        let opinion = format!("{story} {more} ").repeat(3);
        assert_eq!(
            trim_edges(&body, &opinion),
            format!("{story}\n\nSee also\n\n{more}\n")
        );
        // Too short an opinion, or one sharing nothing, changes nothing.
        assert_eq!(trim_edges(&body, story), body);
        assert_eq!(trim_edges(&body, &"unrelated words here ".repeat(20)), body);
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

    #[test]
    fn example_body() {
        let body = crate::html::body(
            "<html><body><article><h1>Floods recede</h1>\
            <p>The river fell two metres overnight, officials said on Tuesday morning.</p>\
            <p>Schools in the valley will reopen next week after repairs are finished.</p></article></body></html>",
            None,
        );
        assert!(body.contains("The river fell two metres overnight"));
        assert!(body.ends_with('\n'));
    }
}
