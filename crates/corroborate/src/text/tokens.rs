//! Tokenization with byte offsets, following the CoNLL/Penn Treebank conventions
//! the entity tagger was trained on: punctuation apart, possessive `'s` and `n't`
//! apart, hyphenated words, dotted acronyms, abbreviations and numbers with
//! separators kept whole.

use super::fold_char;

/// One token: a half-open byte range of the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Token {
    /// The token's text in `text`.
    pub fn as_str(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

crate::lexicon::lazy! {
    /// Words that take a period without ending there (`data/abbreviations.txt`).
    pub(crate) fn abbreviations() -> crate::lexicon::Set = {
        crate::lexicon::lines(include_str!("../../data/abbreviations.txt")).collect()
    };
}

/// Characters split off the front and back of a whitespace-separated chunk.
fn is_edge_punct(c: char) -> bool {
    matches!(
        fold_char(c),
        Some('"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | ',' | ';' | ':' | '!' | '?' | '*')
    ) || matches!(c, '…' | '¿' | '¡')
}

/// Characters that are a token of their own wherever they stand.
fn is_always_split(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '¥' | '₩' | '"' | '“' | '”' | '(' | ')' | '…'
    )
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chunk_start = None;
    for (i, c) in text.char_indices() {
        // An ASCII character folds to a space only if it is one (see `fold_char`): the
        // fold is asked of the others alone, not of every character of every document.
        let blank = c.is_whitespace() || (!c.is_ascii() && fold_char(c).is_none_or(|f| f == ' '));
        if blank {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, s, i, &mut tokens);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, s, text.len(), &mut tokens);
    }
    tokens
}

/// Splits one whitespace-free chunk `text[start..end]` into tokens.
fn split_chunk(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Token>) {
    // Whether the chunk opens a line: read only for a chunk ending in a period.
    let chunk_start = start;
    let line_start = || {
        let before = text[..chunk_start].trim_end_matches([' ', '\t']);
        before.is_empty() || before.ends_with('\n')
    };
    // Leading punctuation, one character a token; a clitic standing alone ("'s") stays whole.
    while start < end {
        let c = text[start..end].chars().next().expect("non-empty");
        if (is_edge_punct(c) || is_always_split(c)) && !is_clitic(&text[start..end]) {
            out.push(Token {
                start,
                end: start + c.len_utf8(),
            });
            start += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, pushed last to first as it is peeled off and put after the
    // core below: no list of its own for every chunk that ends in a comma or period.
    let peeled_from = out.len();
    while start < end {
        let c = text[start..end].chars().next_back().expect("non-empty");
        let peel = if c == '.' {
            !keeps_final_period(&text[start..end], line_start())
        } else {
            is_edge_punct(c) || is_always_split(c) || c == '%'
        };
        if !peel {
            break;
        }
        // A run of periods ("...") is one token.
        let mut cut = end - c.len_utf8();
        if c == '.' {
            while cut > start && text.as_bytes()[cut - 1] == b'.' {
                cut -= 1;
            }
        }
        out.push(Token { start: cut, end });
        end = cut;
    }
    let peeled = out.len() - peeled_from;
    if start < end {
        split_core(text, start, end, out);
    }
    let tail = &mut out[peeled_from..];
    tail[..peeled].reverse();
    tail.rotate_left(peeled);
}

/// A clitic or elided year written apart from its word: "'s", "’re", "n't", "'90s".
fn is_clitic(chunk: &str) -> bool {
    // None is longer than four characters ("'90s"), and lowercasing never shortens a
    // word: asked of every chunk opening with a quote mark or a bracket, it copies only
    // the short ones.
    if chunk.chars().filter_map(fold_char).nth(4).is_some() {
        return false;
    }
    let folded: String = chunk
        .chars()
        .filter_map(fold_char)
        .collect::<String>()
        .to_lowercase();
    let Some(rest) = folded.strip_prefix('\'') else {
        return folded == "n't";
    };
    matches!(rest, "s" | "m" | "re" | "ve" | "ll" | "d")
        || (rest.len() == 3 && rest.ends_with('s') && rest[..2].bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a chunk ending in `.` keeps it: abbreviations, initials, dotted acronyms.
fn keeps_final_period(chunk: &str, line_start: bool) -> bool {
    let body = chunk.trim_end_matches('.');
    if body.is_empty() || chunk.len() - body.len() > 1 {
        return false;
    }
    if line_start && body.len() <= 3 && body.bytes().all(|b| b.is_ascii_digit()) {
        return true; // a list number opening a line: "1."
    }
    let mut letters = body.chars();
    let first = letters.next().expect("non-empty");
    if first.is_uppercase() && letters.next().is_none() {
        return true; // an initial: "J."
    }
    if body.contains('.')
        && body
            .split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
    {
        return true; // "U.S", "e.g"
    }
    abbreviations().contains(body)
}

/// Splits the core of a chunk: possessives, `n't`, and symbols glued to words.
fn split_core(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let core = &text[start..end];
    // Currency symbols glued to the front: "$48,250", "₩10".
    if let Some(c) = core.chars().next()
        && is_always_split(c)
        && core.len() > c.len_utf8()
    {
        out.push(Token {
            start,
            end: start + c.len_utf8(),
        });
        return split_core(text, start + c.len_utf8(), end, out);
    }
    // Every split below is at an apostrophe: a core without one (most words) is whole.
    // Only an apostrophe, a backquote or a non-ASCII character folds to an apostrophe:
    // the bytes say so for most words without asking the fold of each character.
    let may_split = core
        .bytes()
        .any(|b| b == b'\'' || b == b'`' || !b.is_ascii());
    if !may_split || !core.chars().any(|c| fold_char(c) == Some('\'')) {
        out.push(Token { start, end });
        return;
    }
    // "didn't" → "did" "n't"; "Lee's" → "Lee" "'s" (straight or curly apostrophe).
    let folded: String = core.chars().filter_map(fold_char).collect();
    let lower = folded.to_lowercase();
    for suffix in ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"] {
        if lower.ends_with(suffix) && lower.len() > suffix.len() {
            // Locate the byte where the suffix begins in the original (apostrophes may be 3 bytes).
            let suffix_chars = suffix.chars().count();
            let cut = core
                .char_indices()
                .rev()
                .nth(suffix_chars - 1)
                .map(|(i, _)| start + i)
                .expect("suffix fits");
            if cut > start {
                out.push(Token { start, end: cut });
                out.push(Token { start: cut, end });
                return;
            }
        }
    }
    // A trailing bare apostrophe of a plural possessive: "diplomats'".
    if lower.len() > 1 && lower.ends_with('\'') {
        let cut = core
            .char_indices()
            .next_back()
            .map(|(i, _)| start + i)
            .expect("non-empty");
        out.push(Token { start, end: cut });
        out.push(Token { start: cut, end });
        return;
    }
    out.push(Token { start, end });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.as_str(text)).collect()
    }

    #[test]
    fn clitics_written_apart_stay_whole() {
        assert_eq!(words("Lee 's car"), ["Lee", "'s", "car"]);
        assert_eq!(
            words("I 'm here , it 's ’90s"),
            ["I", "'m", "here", ",", "it", "'s", "’90s"]
        );
        assert_eq!(words("'quoted'"), ["'", "quoted", "'"]);
    }

    #[test]
    fn possessives_straight_and_curly() {
        assert_eq!(words("Lee's"), ["Lee", "'s"]);
        assert_eq!(words("Lee’s plan"), ["Lee", "’s", "plan"]);
        assert_eq!(
            words("the diplomats' wives"),
            ["the", "diplomats", "'", "wives"]
        );
    }

    #[test]
    fn quotes_and_punctuation_split() {
        assert_eq!(
            words("“Hello,” he said."),
            ["“", "Hello", ",", "”", "he", "said", "."]
        );
        assert_eq!(words("'live abroad.'"), ["'", "live", "abroad", ".", "'"]);
    }

    #[test]
    fn abbreviations_initials_acronyms_kept() {
        assert_eq!(
            words("Dr. J. R. R. Tolkien met U.N. staff."),
            [
                "Dr.", "J.", "R.", "R.", "Tolkien", "met", "U.N.", "staff", "."
            ]
        );
    }

    #[test]
    fn numbers_and_ranges() {
        assert_eq!(
            words("3,081 and 2.5 on 2021-03-09"),
            ["3,081", "and", "2.5", "on", "2021-03-09"]
        );
        assert_eq!(words("up 0.79%."), ["up", "0.79", "%", "."]);
        assert_eq!(words("rose 1.5%. Then"), ["rose", "1.5", "%", ".", "Then"]);
        assert_eq!(words("v1.2."), ["v1.2", "."]);
    }

    #[test]
    fn ellipsis_and_odd_spaces() {
        assert_eq!(words("wait...\u{00a0}now"), ["wait", "...", "now"]);
        assert_eq!(words("so ... then"), ["so", "...", "then"]);
        assert_eq!(
            words("1. Ajax 12\n2. PSV 10 in 2019."),
            ["1.", "Ajax", "12", "2.", "PSV", "10", "in", "2019", "."]
        );
        assert_eq!(words("a\u{200b}b"), ["a", "b"]);
        assert!(tokenize("").is_empty());
        assert!(tokenize("  \n ").is_empty());
    }

    #[test]
    fn offsets_are_char_boundaries() {
        let text = "Oslo’s “open secret” — 東京都 $5";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(t.start < t.end);
        }
    }

    #[test]
    fn example_token() {
        use crate::text::tokenize;
        let text = "Lee’s U.N. job";
        let words: Vec<&str> = tokenize(text).iter().map(|t| t.as_str(text)).collect();
        assert_eq!(words, ["Lee", "’s", "U.N.", "job"]);
    }

    #[test]
    fn example_tokenize() {
        use crate::text::tokenize;
        let text = "He paid $48,250 (about 1.5%) in Jan. to Park Min-jun, didn't he?";
        let words: Vec<&str> = tokenize(text).iter().map(|t| t.as_str(text)).collect();
        assert_eq!(
            words,
            [
                "He", "paid", "$", "48,250", "(", "about", "1.5", "%", ")", "in", "Jan.", "to",
                "Park", "Min-jun", ",", "did", "n't", "he", "?"
            ]
        );
    }
}
