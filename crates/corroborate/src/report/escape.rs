//! Text made safe for HTML: everything the report draws from a ledger (article text,
//! names, values, addresses) passes through here, shared by the page's tables and its
//! articles.

use std::fmt::Write;

/// Escapes text for HTML element content and double-quoted attribute values.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends `text` escaped. Bidirectional controls (an RTL override, say) are written as
/// character references: they still shape the text they sit in, which the styles
/// isolate, but the page's source shows them plainly to anyone who reads it.
pub(super) fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(needs_escape) {
        out.push_str(&rest[..at]);
        let c = rest[at..].chars().next().expect("found at a char");
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => {
                let _ = write!(out, "&#x{:X};", u32::from(c));
            }
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
}

fn needs_escape(c: char) -> bool {
    matches!(
        c,
        '&' | '<'
            | '>'
            | '"'
            | '\''
            | '\u{061C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
    )
}
