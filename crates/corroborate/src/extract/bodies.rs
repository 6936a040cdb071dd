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
    crate::text::words(after_possessor, &[])
        .filter(|w| !matches!(*w, "the" | "a" | "an" | "of" | "and"))
        .map(|w| {
            table()
                .get(w)
                .map_or(w, |&(name_word, _)| name_word)
                .to_string()
        })
        .collect()
}

/// The words of a body's name as descriptions are matched against them: read once for a
/// name that many descriptions are tried on.
#[derive(Debug, Clone)]
pub(crate) struct NameWords(BTreeSet<String>);

impl NameWords {
    pub(crate) fn of(name: &str) -> NameWords {
        NameWords(canonical(name))
    }
}

/// A description of a body ("Seoul's spy agency"), read once to be tried on many names.
struct Description(BTreeSet<String>);

impl Description {
    /// `None` when `description` is no description of a body: its last word is not a
    /// body noun.
    fn read(description: &str) -> Option<Description> {
        let last = description.split_whitespace().last()?;
        if !is_body_noun(&crate::text::fold_lower_cow(last)) {
            return None;
        }
        let words = canonical(description);
        (!words.is_empty()).then_some(Description(words))
    }

    /// Whether every word of the description is a word of the name.
    fn fits(&self, name: &NameWords) -> bool {
        self.0.is_subset(&name.0)
    }
}

/// The one candidate a description describes by one of its names, or `None` when none
/// or several do: a description is trusted only when it cannot be misread.
pub(crate) fn only_described<T, N>(
    description: &str,
    named: impl IntoIterator<Item = (T, N)>,
) -> Option<T>
where
    T: Copy + PartialEq,
    N: std::borrow::Borrow<NameWords>,
{
    let description = Description::read(description)?;
    let mut found = None;
    for (candidate, name) in named {
        if description.fits(name.borrow()) {
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

    /// Whether `description` ("Seoul's spy agency") is a description of a body — its
    /// last word a body noun — whose every word is a word of `name`.
    fn describes(description: &str, name: &str) -> bool {
        Description::read(description).is_some_and(|d| d.fits(&NameWords::of(name)))
    }

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

    fn words<'a>(named: &'a [(i32, &str)]) -> impl Iterator<Item = (i32, NameWords)> + 'a {
        named.iter().map(|&(id, name)| (id, NameWords::of(name)))
    }

    #[test]
    fn a_description_two_bodies_fit_names_neither() {
        let one = [
            (1, "State Intelligence Service"),
            (2, "Ministry of Defense"),
        ];
        assert_eq!(only_described("the spy agency", words(&one)), Some(1));
        let two = [
            (1, "State Intelligence Service"),
            (2, "Military Intelligence Agency"),
        ];
        assert_eq!(only_described("the spy agency", words(&two)), None);
        let aliases = [
            (1, "State Intelligence Service"),
            (1, "Intelligence Service"),
        ];
        assert_eq!(only_described("the spy agency", words(&aliases)), Some(1));
    }
}
