//! Bytes to text: a page's byte-order mark, else its declared charset, else UTF-8 when
//! the bytes are valid UTF-8, else windows-1252 (what browsers assume for undeclared
//! Western pages).

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a charset declaration is looked for. Browsers look at the first
/// 1024 bytes; servers that pad their `<head>` with scripts push it further, so this
/// looks a little deeper.
const PRESCAN: usize = 8192;

/// Decodes a page into UTF-8, replacing undecodable bytes with U+FFFD.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0;
    }
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    let encoding = match declared(&bytes[..bytes.len().min(PRESCAN)]) {
        // A page that declares a single-byte charset yet is valid UTF-8 with non-ASCII
        // bytes was re-saved as UTF-8 without its declaration being updated.
        Some(e) if e.is_single_byte() && valid_utf8 && !bytes.is_ascii() => UTF_8,
        Some(e) => e,
        None if valid_utf8 => UTF_8,
        None => WINDOWS_1252,
    };
    encoding.decode_without_bom_handling(bytes).0
}

/// The charset a page declares in a `<meta charset>` or `<meta http-equiv>` tag (or an
/// XML declaration). UTF-16 declarations are read as UTF-8, as the HTML standard says:
/// a page whose bytes are ASCII-compatible enough to be read cannot be UTF-16.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let mut rest = head;
    while let Some(at) = find_ascii_ci(rest, b"charset") {
        rest = &rest[at + b"charset".len()..];
        let value = rest
            .iter()
            .position(|&b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .filter(|&i| rest[i] == b'=')
            .map(|i| &rest[i + 1..]);
        let Some(value) = value else { continue };
        let value = trim_start(value);
        let value = value
            .strip_prefix(b"\"")
            .or(value.strip_prefix(b"'"))
            .unwrap_or(value);
        let end = value
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
            .unwrap_or(value.len());
        if let Some(encoding) = Encoding::for_label(&value[..end]) {
            return Some(encoding.output_encoding());
        }
    }
    find_ascii_ci(head, b"encoding=").and_then(|at| {
        let value = &head[at + b"encoding=".len()..];
        let value = value.strip_prefix(b"\"").or(value.strip_prefix(b"'"))?;
        let end = value.iter().position(|&b| b == b'"' || b == b'\'')?;
        Encoding::for_label(&value[..end]).map(Encoding::output_encoding)
    })
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

/// Position of an ASCII needle (given in lowercase) in a haystack, ignoring case.
fn find_ascii_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        encoding.encode(text).0.into_owned()
    }

    #[test]
    fn declared_charsets_are_honoured() {
        for (label, encoding, text) in [
            (
                "windows-1252",
                WINDOWS_1252,
                "Caf\u{e9} \u{201c}quoted\u{201d} \u{2014} na\u{ef}ve",
            ),
            ("ISO-8859-1", WINDOWS_1252, "Se\u{f1}or M\u{fc}ller"),
            (
                "EUC-KR",
                encoding_rs::EUC_KR,
                "\u{d55c}\u{ad6d}\u{c5b4} \u{bb38}\u{c7a5}",
            ),
            (
                "Shift_JIS",
                encoding_rs::SHIFT_JIS,
                "\u{65e5}\u{672c}\u{8a9e}\u{306e}\u{6587}",
            ),
        ] {
            let page = format!(
                "<html><head><meta charset=\"{label}\"></head><body><p>{text}</p></body></html>"
            );
            let bytes = encode(encoding, &page);
            assert!(decode(&bytes).contains(text), "{label}");
        }
    }

    #[test]
    fn http_equiv_and_xml_declarations_are_read() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        assert!(decode(page).contains("\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}"));
        let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><p>\xa4</p>";
        assert!(decode(xml).contains('\u{20ac}'));
    }

    #[test]
    fn byte_order_marks_win_over_declarations() {
        let mut utf16 = vec![0xff, 0xfe];
        for unit in "<meta charset=\"latin1\"><p>\u{e9}t\u{e9}</p>".encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        assert_eq!(
            decode(&utf16),
            "<meta charset=\"latin1\"><p>\u{e9}t\u{e9}</p>"
        );
    }

    #[test]
    fn undeclared_pages_are_utf8_or_windows_1252() {
        assert_eq!(
            decode("<p>\u{e9}t\u{e9}</p>".as_bytes()),
            "<p>\u{e9}t\u{e9}</p>"
        );
        assert_eq!(decode(b"<p>\xe9t\xe9</p>"), "<p>\u{e9}t\u{e9}</p>");
        // Valid UTF-8 under a stale Latin-1 declaration is read as UTF-8.
        let stale = "<meta charset=iso-8859-1><p>\u{e9}t\u{e9}</p>";
        assert_eq!(decode(stale.as_bytes()), stale);
    }

    #[test]
    fn example_decode() {
        use crate::html::decode;
        let latin1 = b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>";
        assert!(decode(latin1).contains("caf\u{e9}"));
        assert_eq!(decode(b"\xef\xbb\xbf<p>x</p>"), "<p>x</p>");
    }
}
