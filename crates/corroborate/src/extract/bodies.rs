//! Descriptions of public bodies ("Seoul's spy agency", "the foreign ministry") and the
//! names they describe ("National Intelligence Service", "Ministry of Foreign Affairs").
//!
//! News often names a source by what it is rather than what it is called; counting
//! sources needs the two to meet. A description describes a name when every word of it
//! (read through `data/body_words.txt`: "spy" is "intelligence", "service" is
//! "agency") is a word of the name.

use std::collections::BTreeSet;

crate::lexicon::lazy! {
    /// Word → (the word names use, whether it can end a description).
    fn table() -> crate::lexicon::Map<(&'static str, bool)> = {
        crate::lexicon::fields(include_str!("../../data/body_words.txt"))
            .filter_map(|f| Some((f[0], (*f.get(1)?, f.get(2) == Some(&"head")))))
            .collect()
    };
}

/// Whether a lowercase word can end a description of a body ("agency", "ministry").
pub(crate) fn is_body_noun(word: &str) -> bool {
    table().get(word).is_some_and(|&(_, head)| head)
}

/// The words of a description or a name as names use them, lowercase, without
/// possessors, articles and "of".
fn canonical(words: &str) -> BTreeSet<String> {
    let lower = crate::text::fold_lower(words);
    let after_possessor = lower
        .rsplit_once("'s ")
        .map_or(lower.as_str(), |(_, rest)| rest);
    after_possessor
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "the" | "a" | "an" | "of" | "and"))
        .map(|w| {
            table()
                .get(w)
                .map_or(w, |&(name_word, _)| name_word)
                .to_string()
        })
        .collect()
}

/// Whether `description` ("Seoul's spy agency") is a description of a body — its last
/// word a body noun — whose every word is a word of `name` ("National Intelligence
/// Service").
pub(crate) fn describes(description: &str, name: &str) -> bool {
    let last = description
        .split_whitespace()
        .last()
        .map(crate::text::fold_lower)
        .unwrap_or_default();
    if !is_body_noun(&last) {
        return false;
    }
    let wanted = canonical(description);
    let words = canonical(name);
    !wanted.is_empty() && wanted.is_subset(&words)
}

/// The one candidate a description describes by one of its names, or `None` when none
/// or several do: a description is trusted only when it cannot be misread.
pub(crate) fn only_described<'n, T: Copy + PartialEq>(
    description: &str,
    named: impl IntoIterator<Item = (T, &'n str)>,
) -> Option<T> {
    let mut found = None;
    for (candidate, name) in named {
        if describes(description, name) {
            match found {
                Some(other) if other != candidate => return None,
                _ => found = Some(candidate),
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_meet_the_names_they_describe() {
        assert!(describes(
            "Norland's spy agency",
            "State Intelligence Service"
        ));
        assert!(describes(
            "the intelligence service",
            "State Intelligence Service"
        ));
        assert!(describes(
            "the foreign ministry",
            "Ministry of Foreign Affairs"
        ));
        assert!(!describes("the foreign ministry", "Ministry of Defense"));
        assert!(!describes(
            "Norland's spy agency",
            "Norland Broadcasting Service"
        ));
        // Not a description of a body: no body noun at its end.
        assert!(!describes("the intelligence", "State Intelligence Service"));
    }

    #[test]
    fn a_description_two_bodies_fit_names_neither() {
        let one = [
            (1, "State Intelligence Service"),
            (2, "Ministry of Defense"),
        ];
        assert_eq!(only_described("the spy agency", one), Some(1));
        let two = [
            (1, "State Intelligence Service"),
            (2, "Military Intelligence Agency"),
        ];
        assert_eq!(only_described("the spy agency", two), None);
        let aliases = [
            (1, "State Intelligence Service"),
            (1, "Intelligence Service"),
        ];
        assert_eq!(only_described("the spy agency", aliases), Some(1));
    }
}
