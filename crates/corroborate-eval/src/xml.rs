//! The two XML helpers the gold-set readers share (ECB+, TempEval): the corpora are
//! written one element a line or as inline tags, so a full XML parser buys nothing.

/// The value of attribute `name` in a tag's text (`<token t_id="3" …>` → `3`).
///
/// ```
/// use corroborate_eval::xml::attribute;
/// assert_eq!(attribute(r#"<token t_id="3" sentence="0">"#, "sentence"), Some("0"));
/// assert_eq!(attribute(r#"t_id="3">"#, "t_id"), Some("3"));
/// assert_eq!(attribute(r#"<token t_id="3">"#, "id"), None);
/// ```
pub fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    // The name must start the text or follow white space: `id` is not `t_id`.
    let at = tag.match_indices(&key).map(|(at, _)| at).find(|&at| {
        tag[..at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
    })?;
    let from = at + key.len();
    let len = tag[from..].find('"')?;
    Some(&tag[from..from + len])
}

/// Decodes the XML entities of a text segment: the five named ones and numeric ones.
///
/// ```
/// assert_eq!(corroborate_eval::xml::unescape("a &amp; b &#x41; &bogus;"), "a & b A &bogus;");
/// ```
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let entity = &rest[1..semi];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => entity
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
