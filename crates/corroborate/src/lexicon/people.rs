//! Words for people: the pronouns that refer to a person and the nouns that name one
//! (`data/person_pronouns.txt`, `data/person_nouns.txt`), read by coreference, the
//! syntax scan, events and quotes.

/// Pronouns that refer to a person.
pub(crate) fn is_person_pronoun(word: &str) -> bool {
    person_pronouns().contains(word.to_lowercase().as_str())
}

/// Whether a lowercase singular noun names a person ("diplomat", "minister").
pub(crate) fn is_person_noun(word: &str) -> bool {
    person_nouns().contains(word)
}

crate::lexicon::lazy! {
    /// `data/person_pronouns.txt`.
    fn person_pronouns() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/person_pronouns.txt")).collect();
}

crate::lexicon::lazy! {
    fn person_nouns() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/person_nouns.txt")).collect();
}
