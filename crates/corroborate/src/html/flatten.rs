//! Bounding how deep a page nests before it is parsed.
//!
//! HTML parsers check the stack of open elements on every tag, and tree walkers recurse
//! into children, so a page nested 100,000 levels deep costs quadratic time or the whole
//! stack. No real article nests more than a few dozen levels, so tags that would open
//! deeper than [`MAX_DEPTH`] are dropped (with their matching end tags) before parsing;
//! their text stays, one level up.

use std::borrow::Cow;

use memchr::memchr;

/// The deepest nesting kept. Real pages stay well under 100 levels.
pub const MAX_DEPTH: usize = 160;

/// Elements that never have an end tag, or whose end tag is usually left out, so they do
/// not count as a level.
const UNCOUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "param", "keygen",
];

/// Elements whose content is text up to their end tag, never markup.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// The page with tags deeper than [`MAX_DEPTH`] dropped; borrowed when none is.
pub fn flatten(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut kept_from = 0; // start of the bytes not yet copied to `out`
    let mut depth = 0usize;
    let mut dropped = 0usize; // start tags dropped and not yet closed
    let mut at = 0;
    while let Some(lt) = memchr(b'<', &bytes[at..]).map(|i| at + i) {
        let tag = Tag::at(bytes, lt);
        at = tag.end;
        let drop = match tag.kind {
            Kind::Start(name) if !tag.self_closing && !uncounted(name) => {
                if let Some(raw) = RAW_TEXT.iter().find(|r| name.eq_ignore_ascii_case(r)) {
                    at = skip_raw_text(bytes, at, raw);
                    false
                } else if depth >= MAX_DEPTH {
                    dropped += 1;
                    true
                } else {
                    depth += 1;
                    false
                }
            }
            Kind::End(name) if !uncounted(name) => {
                if dropped > 0 {
                    dropped -= 1;
                    true
                } else {
                    depth = depth.saturating_sub(1);
                    false
                }
            }
            _ => false,
        };
        if drop {
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(&html[kept_from..lt]);
            kept_from = tag.end;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(&html[kept_from..]);
            Cow::Owned(buf)
        }
    }
}

fn uncounted(name: &str) -> bool {
    UNCOUNTED.iter().any(|u| name.eq_ignore_ascii_case(u))
}

/// What a `<` opens.
enum Kind<'h> {
    Start(&'h str),
    End(&'h str),
    /// A comment, doctype, processing instruction or a stray `<`.
    Other,
}

struct Tag<'h> {
    kind: Kind<'h>,
    self_closing: bool,
    /// Just past the tag's `>` (or the end of the page).
    end: usize,
}

impl<'h> Tag<'h> {
    fn at(bytes: &'h [u8], lt: usize) -> Tag<'h> {
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            let end = memchr::memmem::find(&rest[3..], b"-->")
                .map_or(bytes.len(), |i| lt + 1 + 3 + i + 3);
            return Tag {
                kind: Kind::Other,
                self_closing: false,
                end,
            };
        }
        let (closing, name_from) = if rest.first() == Some(&b'/') {
            (true, 1)
        } else {
            (false, 0)
        };
        let name_len = rest[name_from..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':'))
            .count();
        if name_len == 0 || !rest[name_from].is_ascii_alphabetic() {
            // `<!doctype>`, `<?xml?>` or text such as `a < b`.
            let end = if matches!(rest.first(), Some(b'!' | b'?')) {
                memchr(b'>', rest).map_or(bytes.len(), |i| lt + 1 + i + 1)
            } else {
                lt + 1
            };
            return Tag {
                kind: Kind::Other,
                self_closing: false,
                end,
            };
        }
        let name_end = lt + 1 + name_from + name_len;
        // Names are ASCII by construction, so this slice is on character boundaries.
        let name = std::str::from_utf8(&bytes[lt + 1 + name_from..name_end]).unwrap_or_default();
        let close = find_tag_end(bytes, name_end);
        let self_closing = close > 0 && bytes[close - 1] == b'/';
        Tag {
            kind: if closing {
                Kind::End(name)
            } else {
                Kind::Start(name)
            },
            self_closing,
            end: (close + 1).min(bytes.len()),
        }
    }
}

/// The `>` ending a tag whose attributes start at `from`, skipping quoted values.
fn find_tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &b) in bytes[from..].iter().enumerate() {
        match (quote, b) {
            (None, b'>') => return from + i,
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            _ => {}
        }
    }
    bytes.len()
}

/// Just past the end tag closing a raw-text element (or the end of the page).
fn skip_raw_text(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(i) = memchr::memmem::find(&bytes[at..], b"</") {
        let start = at + i + 2;
        let candidate = &bytes[start..(start + name.len()).min(bytes.len())];
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return start;
        }
        at = start;
    }
    bytes.len()
}

/// Puts a line break before every block-level tag that follows text or another tag
/// directly. Minified pages write `</p><p>` with nothing between, and the body extractor
/// then runs the two paragraphs together ("…morning.Schools …"); white space between
/// blocks means nothing to a browser, so adding it changes no rendering.
pub fn separate_blocks(html: &str) -> Cow<'_, str> {
    static BLOCK_TAG: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let block_tag = BLOCK_TAG.get_or_init(|| {
        regex::Regex::new(
            r"(?i)<(/?)(p|div|h[1-6]|li|ul|ol|br|tr|td|th|table|blockquote|section|article|header|footer|figure|figcaption|dd|dt|dl|hr|main|aside|nav)\b",
        )
        .expect("a valid pattern")
    });
    block_tag.replace_all(html, "\n<$1$2")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_of(html: &str) -> usize {
        let (mut depth, mut max) = (0usize, 0usize);
        for piece in html.split('<').skip(1) {
            if piece.starts_with("div") {
                depth += 1;
                max = max.max(depth);
            } else if piece.starts_with("/div") {
                depth -= 1;
            }
        }
        max
    }

    #[test]
    fn deep_nesting_is_capped_and_balanced() {
        let deep = format!(
            "<body>{}<p>bottom</p>{}<p>after</p></body>",
            "<div class=\"a>b\">".repeat(5000),
            "</div>".repeat(5000)
        );
        let flat = flatten(&deep);
        // `<body>` is one of the levels.
        assert_eq!(depth_of(&flat), MAX_DEPTH - 1);
        assert_eq!(flat.matches("<div").count(), flat.matches("</div>").count());
        assert!(flat.contains("<p>bottom</p>") && flat.ends_with("<p>after</p></body>"));
    }

    #[test]
    fn shallow_pages_and_unclosed_paragraphs_are_untouched() {
        let list = format!("<ul>{}</ul>", "<li><p>item".repeat(10_000));
        assert!(matches!(flatten(&list), Cow::Borrowed(_)));
        let script = format!("<script>{}</script><div>x</div>", "<div>".repeat(1000));
        assert!(matches!(flatten(&script), Cow::Borrowed(_)));
        let comment = format!("<!--{}--><div>x</div>", "<div>".repeat(1000));
        assert!(matches!(flatten(&comment), Cow::Borrowed(_)));
    }

    #[test]
    fn stray_brackets_and_truncated_tags_do_not_break_the_scan() {
        for page in [
            "a < b",
            "<",
            "<div",
            "<div class=\"",
            "</",
            "<!--",
            "<!doctype",
            "<\u{e9}>",
        ] {
            assert_eq!(flatten(page), page);
        }
    }

    #[test]
    fn example_flatten() {
        use crate::html::flatten;
        let deep = format!("{}<p>x</p>{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let flat = flatten(&deep);
        assert!(flat.len() < deep.len());
        assert!(flat.contains("<p>x</p>"));
        assert!(matches!(
            flatten("<div><p>x</p></div>"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn example_separate_blocks() {
        use crate::html::separate_blocks;
        assert_eq!(
            separate_blocks("<p>One.</p><p>Two.</p>"),
            "\n<p>One.\n</p>\n<p>Two.\n</p>"
        );
        assert_eq!(
            separate_blocks("<p>A <b>bold</b> word</p>"),
            "\n<p>A <b>bold</b> word\n</p>"
        );
    }
}
