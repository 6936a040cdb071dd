//! Word lists matched token by token.
//!
//! Cue and hedge lexicons hold phrases as well as single words ("according to", "is
//! believed to"). Matching them over the document's tokens — folded and lowercased once
//! per document — keeps curly apostrophes, case and spacing from mattering.

use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

/// A set of lowercase phrases, each a sequence of tokens.
#[derive(Debug, Default)]
pub(crate) struct Phrases {
    /// Phrases by their first word, each as its remaining words. Looked up at every
    /// token of a sentence, hence the fast hasher (see [`crate::lexicon::Map`]).
    by_first: HashMap<String, Vec<Vec<String>>, FxBuildHasher>,
}

impl Phrases {
    /// Reads the entries of one or more lexicon files (see [`crate::lexicon::lines`]).
    pub fn new(files: &[&'static str]) -> Phrases {
        let mut by_first: HashMap<String, Vec<Vec<String>>, FxBuildHasher> = HashMap::default();
        for line in files.iter().flat_map(|f| super::lines(f)) {
            let mut words = line.split_whitespace().map(super::fold::fold_lower);
            if let Some(first) = words.next() {
                by_first.entry(first).or_default().push(words.collect());
            }
        }
        Phrases { by_first }
    }

    /// The length in tokens of the longest phrase that starts at `words[i]` and ends
    /// before `limit`.
    pub fn match_at(&self, words: &[String], i: usize, limit: usize) -> Option<usize> {
        let rests = self.by_first.get(words.get(i)?)?;
        rests
            .iter()
            .filter(|rest| {
                i + 1 + rest.len() <= limit.min(words.len())
                    && rest.iter().zip(&words[i + 1..]).all(|(a, b)| a == b)
            })
            .map(|rest| rest.len() + 1)
            .max()
    }

    /// Whether `phrase` (words separated by spaces) is in the set.
    pub fn contains(&self, phrase: &str) -> bool {
        // Callers mostly pass one of the document's lowercase tokens: one pass over its
        // bytes tells a word that folding leaves as it is (visible ASCII, no capital,
        // no backquote), looked up without reading it again for spaces and for folding.
        let plain = |b: u8| b.is_ascii_graphic() && !b.is_ascii_uppercase() && b != b'`';
        if !phrase.is_empty() && phrase.bytes().all(plain) {
            return self.has_word(phrase);
        }
        // Most callers ask about one word: no need to split it.
        if !phrase.is_empty() && !phrase.contains(char::is_whitespace) {
            return self.has_word(&super::fold::fold_lower_cow(phrase));
        }
        let words: Vec<String> = phrase
            .split_whitespace()
            .map(super::fold::fold_lower)
            .collect();
        self.match_at(&words, 0, words.len()) == Some(words.len()) && !words.is_empty()
    }

    /// Whether the one-word phrase `word` (folded and lowercase) is in the set.
    fn has_word(&self, word: &str) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|rests| rests.iter().any(Vec::is_empty))
    }
}

crate::lexicon::lazy! {
    /// Words and phrases that soften a statement (`data/hedges.txt`).
    pub(crate) fn hedges() -> Phrases = Phrases::new(&[include_str!("../../data/hedges.txt")]);
}

crate::lexicon::lazy! {
    /// Auxiliary verbs, no speech cues (`data/auxiliaries.txt`).
    pub(crate) fn auxiliaries() -> Phrases = Phrases::new(&[include_str!("../../data/auxiliaries.txt")]);
}

crate::lexicon::lazy! {
    /// Prepositions that govern the name after them (`data/prepositions.txt`).
    pub(crate) fn prepositions() -> Phrases = Phrases::new(&[include_str!("../../data/prepositions.txt")]);
}

crate::lexicon::lazy! {
    /// Words that focus on what follows them ("only", "just"; `data/focus_words.txt`).
    pub(crate) fn focus_words() -> Phrases = Phrases::new(&[include_str!("../../data/focus_words.txt")]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn longest_phrase_wins_within_limit() {
        let set = Phrases::new(&["may\nmay have\n# comment\nis believed to\n"]);
        let w = words("it may have been");
        assert_eq!(set.match_at(&w, 1, w.len()), Some(2));
        assert_eq!(set.match_at(&w, 1, 2), Some(1));
        assert_eq!(set.match_at(&w, 0, w.len()), None);
        let believed = words("he is believed to be");
        assert_eq!(set.match_at(&believed, 1, 5), Some(3));
        assert!(set.contains("May") && set.contains("is believed to") && !set.contains("is"));
        assert_eq!(set.match_at(&believed, 1, 3), None);
    }
}
