//! Sentence segmentation over tokens.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) when the next
//! token can begin a sentence, and at every line break that is not a hard wrap. Titles
//! ("Dr."), months ("Jan."), initials ("J.") and dotted acronyms ("U.N.") do not end a
//! sentence unless an acronym is followed by a word that plainly starts one.

use std::ops::Range;

use super::fold_char;
use super::tokens::Token;

/// One sentence: its byte range and the indexes of its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Indexes into the document's tokens.
    pub tokens: Range<usize>,
}

crate::lexicon::lazy! {
    fn sentence_starters() -> crate::lexicon::Set = {
        crate::lexicon::lines(include_str!("../../data/sentence_starters.txt")).collect()
    };
}

/// Whether a token closes a quote or bracket (opening curly marks never do).
fn is_closer(token: &str) -> bool {
    token.chars().all(|c| {
        !matches!(c, '“' | '‘' | '„' | '«')
            && matches!(fold_char(c), Some('"' | '\'' | ')' | ']' | '}'))
    })
}

fn is_terminal(token: &str) -> bool {
    matches!(token, "." | "!" | "?" | "..." | "…" | "?!" | "!?") || token.chars().all(|c| c == '.')
}

/// Whether a token can open a sentence: a capital, a digit or an opening quote/bracket.
fn can_open(token: &str) -> bool {
    token.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_numeric()
            || matches!(fold_char(c), Some('"' | '\'' | '(' | '['))
            || !c.is_alphabetic() && !c.is_ascii_punctuation()
    })
}

/// Whether a token ending in a kept period (an acronym such as "U.S.") closes the sentence.
fn acronym_closes(token: &str, next: &str) -> bool {
    token.len() > 2
        && token.ends_with('.')
        && token[..token.len() - 1].contains('.')
        && sentence_starters().contains(next)
}

/// The most tokens one sentence may hold. Real sentences stay far below it (news
/// sentences rarely pass 100 tokens); a run of text with no sentence end — a 10 MB line,
/// a table flattened to words — is cut into pieces this long, so that every later stage,
/// some of which look across a sentence's tokens, works in bounded time per sentence.
pub const MAX_SENTENCE_TOKENS: usize = 256;

/// Splits a document's tokens into sentences.
pub fn segment(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let word = tokens[i].as_str(text);
        let mut last = i;
        let boundary = if let Some(next) = tokens.get(i + 1) {
            let gap = &text[tokens[i].end..next.start];
            let next_word = next.as_str(text);
            if is_terminal(word) || word.ends_with(['!', '?']) {
                // Attach closing quotes and brackets that follow without a line break.
                while let Some(t) = tokens.get(last + 1) {
                    let between = &text[tokens[last].end..t.start];
                    if is_closer(t.as_str(text)) && between.is_empty() {
                        last += 1;
                    } else {
                        break;
                    }
                }
                match tokens.get(last + 1) {
                    Some(after) => {
                        let between = &text[tokens[last].end..after.start];
                        between.contains('\n') || can_open(after.as_str(text))
                    }
                    None => true,
                }
            } else if gap.contains('\n') {
                let wrapped = !gap.contains("\n\n")
                    && next_word.chars().next().is_some_and(char::is_lowercase)
                    && !is_closer(word);
                !wrapped
            } else {
                acronym_closes(word, next_word)
            }
        } else {
            true
        };
        if boundary || last + 1 - first >= MAX_SENTENCE_TOKENS {
            sentences.push(Sentence {
                start: tokens[first].start,
                end: tokens[last].end,
                tokens: first..last + 1,
            });
            first = last + 1;
        }
        i = last + 1;
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn split(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        segment(text, &tokens)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn endless_runs_are_cut_into_bounded_sentences() {
        let text = "word ".repeat(MAX_SENTENCE_TOKENS * 2 + 10);
        let tokens = tokenize(&text);
        let sentences = segment(&text, &tokens);
        assert_eq!(sentences.len(), 3);
        assert!(
            sentences
                .iter()
                .all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS)
        );
        assert_eq!(sentences.last().unwrap().tokens.end, tokens.len());
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            split("“It is over.” He left. “Go!” she said."),
            ["“It is over.”", "He left.", "“Go!” she said."]
        );
    }

    #[test]
    fn headlines_without_period_end_at_line_break() {
        assert_eq!(
            split("Minister Resigns Over Scandal\n\nThe minister quit on Monday."),
            [
                "Minister Resigns Over Scandal",
                "The minister quit on Monday."
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        assert_eq!(
            split("The talks, held in the capital,\ncontinued for days.\nThen they ended."),
            [
                "The talks, held in the capital,\ncontinued for days.",
                "Then they ended."
            ]
        );
    }

    #[test]
    fn initials_and_titles_do_not_split() {
        assert_eq!(
            split("Mr. J. R. Smith arrived at 5 p.m. on Sept. 3. Prof. Lee did not."),
            [
                "Mr. J. R. Smith arrived at 5 p.m. on Sept. 3.",
                "Prof. Lee did not."
            ]
        );
    }

    #[test]
    fn lowercase_after_period_continues() {
        assert_eq!(
            split("It rose 2.5 pct. to close higher."),
            ["It rose 2.5 pct. to close higher."]
        );
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(split("").is_empty());
    }

    #[test]
    fn example_sentence() {
        use crate::text::{segment, tokenize};
        let text = "Dr. Kim left Jan. 5. He went to the U.N. Then he flew home.";
        let tokens = tokenize(text);
        let sentences: Vec<&str> = segment(text, &tokens)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            sentences,
            [
                "Dr. Kim left Jan. 5.",
                "He went to the U.N.",
                "Then he flew home."
            ]
        );
    }
}
