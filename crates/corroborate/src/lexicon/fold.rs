//! Normalization for matching only.
//!
//! News text mixes curly and straight quotes, several dashes, no-break spaces and
//! zero-width characters. Matching and comparison fold them away, but the document's
//! `text` is never rewritten: every span keeps indexing the caller's own bytes.

/// Folds one character for matching: curly quotes to straight, dashes to `-`,
/// exotic spaces to a space; `None` for characters that carry nothing (zero-width).
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    // Called at every character the tokenizer reads: the backtick is the only ASCII
    // character that folds.
    if c.is_ascii() {
        return Some(if c == '`' { '\'' } else { c });
    }
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' | '`' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{00ab}'
        | '\u{00bb}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => '-',
        '\u{00a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => ' ',
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}' => return None,
        other => other,
    })
}

/// Whether folding `s` changes nothing: ASCII without a backquote, as most words are.
pub(crate) fn folds_to_itself(s: &str) -> bool {
    s.is_ascii() && !s.contains('`')
}

/// Folds a string for matching (see [`fold_char`]), keeping case.
pub fn fold(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// Folds a string for matching and lowercases it.
pub fn fold_lower(s: &str) -> String {
    // Not through `fold_lower_cow`: its test for a word that folds to itself reads the
    // word once more only to copy it all the same (every token of every document).
    fold_lower_owned(s)
}

/// [`fold_lower`] without a copy when folding changes nothing, as for most words of a
/// document's lowercase tokens: for lookups of words that may or may not be folded yet.
pub(crate) fn fold_lower_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`')
    {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(fold_lower_owned(s))
}

/// `s` lowercased (not folded); borrowed when it is ASCII without an uppercase letter,
/// as most words are, to spare an allocation per word.
pub(crate) fn lower_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

fn fold_lower_owned(s: &str) -> String {
    // Most words are ASCII, where the only fold is the backtick and lowercasing works on
    // bytes: every token of every document comes through here.
    if s.is_ascii() {
        let mut lower = s.to_ascii_lowercase();
        if lower.contains('`') {
            lower = lower.replace('`', "'");
        }
        return lower;
    }
    s.chars()
        .filter_map(fold_char)
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn example_fold_char() {
        use super::fold_char;
        assert_eq!(fold_char('’'), Some('\''));
        assert_eq!(fold_char('—'), Some('-'));
        assert_eq!(fold_char('\u{200b}'), None);
        assert_eq!(fold_char('a'), Some('a'));
    }

    #[test]
    fn example_fold() {
        use crate::text::fold;
        assert_eq!(fold("Lee’s “word” — here"), "Lee's \"word\" - here");
    }

    #[test]
    fn example_fold_lower() {
        use crate::text::fold_lower;
        assert_eq!(fold_lower("Park Min‑Jun"), "park min-jun");
        assert_eq!(fold_lower("DON`T"), "don't");
    }
}
