//! The text stage: from a document's text to tokens, sentences and marked boilerplate.
//!
//! Everything here indexes the text by UTF-8 byte offsets and never rewrites it;
//! [`fold`] and friends normalize only copies used for matching.

mod boilerplate;
mod sentences;
mod tokens;

pub use crate::lexicon::fold::{fold, fold_char, fold_lower};
pub(crate) use crate::lexicon::fold::{fold_lower_cow, folds_to_itself};
pub use boilerplate::mark_boilerplate;
pub use sentences::{Sentence, segment};
pub use tokens::{Token, tokenize};

use crate::model::Removed;

/// The character boundary of `text` at or before byte `at` (the text's end past it):
/// `str::floor_char_boundary`, not stable at the crate's minimum Rust version.
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The character boundary of `text` at or after byte `at` (the text's end past it):
/// `str::ceil_char_boundary`, not stable at the crate's minimum Rust version.
pub(crate) fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The words of `text` for matching phrases: its longest runs of letters, digits and the
/// `joiners` (as '-' to keep "north-east" one word), in order; every other character
/// separates words. Case is left as written: callers fold or lowercase as they need.
pub(crate) fn words<'a>(text: &'a str, joiners: &'a [char]) -> impl Iterator<Item = &'a str> {
    text.split(move |c: char| !(c.is_alphanumeric() || joiners.contains(&c)))
        .filter(|w| !w.is_empty())
}

/// A text cut into tokens and sentences, with its boilerplate marked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Every token of the text, in order.
    pub tokens: Vec<Token>,
    /// Every sentence, in order, boilerplate lines included.
    pub sentences: Vec<Sentence>,
    /// Whether each sentence (same index) is article body.
    pub is_body: Vec<bool>,
    /// The ranges judged not to be article body.
    pub removed: Vec<Removed>,
}

impl Analysis {
    /// Runs the text stage over `text`.
    pub fn new(text: &str) -> Analysis {
        Analysis::with_removed(text, mark_boilerplate(text))
    }

    /// Runs the text stage over an article body extracted from a web page. The
    /// extractor has already dropped the page furniture, so a line repeated verbatim is
    /// content (a recipe step, a refrain, a repeated question), not a second copy of a
    /// caption, and is kept.
    pub fn of_extracted_page(text: &str) -> Analysis {
        let mut removed = mark_boilerplate(text);
        removed.retain(|r| r.reason != "duplicate");
        Analysis::with_removed(text, removed)
    }

    fn with_removed(text: &str, removed: Vec<Removed>) -> Analysis {
        let tokens = tokenize(text);
        let sentences = segment(text, &tokens);
        let is_body = sentences
            .iter()
            .map(|s| !removed.iter().any(|r| r.start < s.end && s.start < r.end))
            .collect();
        Analysis {
            tokens,
            sentences,
            is_body,
            removed,
        }
    }

    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn char_boundaries_snap_down_or_up_and_stop_at_the_end() {
        use super::{ceil_char_boundary, floor_char_boundary};
        // "é" takes bytes 3 and 4.
        let text = "Café au lait";
        assert_eq!(floor_char_boundary(text, 4), 3);
        assert_eq!(ceil_char_boundary(text, 4), 5);
        assert_eq!(floor_char_boundary(text, 5), 5);
        assert_eq!(ceil_char_boundary(text, 99), text.len());
        assert_eq!(floor_char_boundary(text, 99), text.len());
    }

    #[test]
    fn example_analysis() {
        use crate::text::Analysis;
        let text = "Skip to content\nThe mayor resigned. She gave no reason.\n";
        let analysis = Analysis::new(text);
        assert_eq!(analysis.removed[0].reason, "navigation");
        let body: Vec<&str> = (analysis.sentences.iter().zip(&analysis.is_body))
            .filter(|(_, body)| **body)
            .map(|(s, _)| &text[s.start..s.end])
            .collect();
        assert_eq!(body, ["The mayor resigned.", "She gave no reason."]);
    }

    #[test]
    fn example_of_extracted_page() {
        use crate::text::Analysis;
        let text = "Stir for one minute.\nAdd the rice.\nStir for one minute.\n";
        assert_eq!(Analysis::new(text).removed.len(), 1);
        assert!(Analysis::of_extracted_page(text).removed.is_empty());
    }

    #[test]
    fn words_split_at_all_but_letters_digits_and_joiners() {
        use crate::text::words;
        let text = "Ivo Rask's north-east, AK 47 -- Tarsk";
        let plain: Vec<&str> = words(text, &[]).collect();
        assert_eq!(
            plain,
            ["Ivo", "Rask", "s", "north", "east", "AK", "47", "Tarsk"]
        );
        let hyphens: Vec<&str> = words(text, &['-']).collect();
        assert_eq!(
            hyphens,
            ["Ivo", "Rask", "s", "north-east", "AK", "47", "--", "Tarsk"]
        );
    }
}
