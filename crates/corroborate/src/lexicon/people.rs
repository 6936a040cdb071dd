//! Words for people: the pronouns that refer to a person and the nouns that name one
//! (`data/person_pronouns.txt`, `data/person_nouns.txt`), read by coreference, the
//! syntax scan, events and quotes; and the romanization groups of name parts
//! (`data/romanization.txt`), read by the mention stage (a name part opening a
//! sentence) and by entity resolution (spellings of one name).

/// Pronouns that refer to a person.
pub(crate) fn is_person_pronoun(word: &str) -> bool {
    person_pronouns().contains(super::fold::lower_cow(word).as_ref())
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

/// Whether a lowercase word, without its period, is a generational suffix written after
/// a person's name ("jr", "iii"; `data/name_suffixes.txt`).
pub(crate) fn is_name_suffix(word: &str) -> bool {
    name_suffixes().contains(word)
}

crate::lexicon::lazy! {
    fn name_suffixes() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/name_suffixes.txt")).collect();
}

/// Whether a lowercase noun names a relative ("sister", "son", "widow";
/// `data/kin_nouns.txt`).
pub(crate) fn is_kin_noun(word: &str) -> bool {
    kin_nouns().contains(word)
}

crate::lexicon::lazy! {
    fn kin_nouns() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/kin_nouns.txt")).collect();
}

/// Whether a lowercase noun describes a child ("boy", "teenager"; `data/child_words.txt`).
pub(crate) fn is_child_noun(word: &str) -> bool {
    child_words().contains(word)
}

crate::lexicon::lazy! {
    fn child_words() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/child_words.txt")).collect();
}

/// Whether a person is a woman or a man, as a pronoun, honorific or noun says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// "she", "Mrs.", "woman", "daughter".
    Female,
    /// "he", "Mr.", "man", "son".
    Male,
}

/// The gender a lowercase word (without its period) gives a person, if it gives one
/// (`data/gendered_words.txt`).
pub(crate) fn gender_of_word(word: &str) -> Option<Gender> {
    gendered_words().get(word).copied()
}

crate::lexicon::lazy! {
    fn gendered_words() -> crate::lexicon::Map<Gender> = crate::lexicon::kinds(
        include_str!("../../data/gendered_words.txt"),
        &[("female", Gender::Female), ("male", Gender::Male)],
    );
}

/// The groups of spellings of one name part (`data/romanization.txt`), each a line of
/// lowercase ASCII words, the canonical spelling first.
pub(crate) fn romanization_groups() -> impl Iterator<Item = &'static str> {
    crate::lexicon::lines(include_str!("../../data/romanization.txt"))
}

/// Whether a lowercase word is a spelling of a name part the romanization table lists
/// ("choe", "seok", "gyu").
pub(crate) fn is_romanized_name_part(word: &str) -> bool {
    romanized_parts().contains(word)
}

crate::lexicon::lazy! {
    fn romanized_parts() -> crate::lexicon::Set = romanization_groups().flat_map(str::split_whitespace).collect();
}

/// What kind of word a role-title entry of `data/role_titles.txt` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleKind {
    /// A position ("counselor", "ambassador").
    Title,
    /// A line of work many positions share ("diplomat", "official").
    Occupation,
    /// A word kept before a title ("deputy", "third").
    Rank,
}

crate::lexicon::lazy! {
    /// Role and job titles (`data/role_titles.txt`): surface → (canonical form, kind).
    pub(crate) fn titles() -> crate::lexicon::Map<(&'static str, TitleKind)> = {
        crate::lexicon::fields(include_str!("../../data/role_titles.txt"))
            .filter_map(|f| {
                let kind = match *f.get(2)? {
                    "title" => TitleKind::Title,
                    "occupation" => TitleKind::Occupation,
                    "rank" => TitleKind::Rank,
                    _ => return None,
                };
                Some((f[0], (f[1], kind)))
            })
            .collect()
    };
}

/// Whether a lowercase word is the title of a position ("minister", "president"; kind
/// `title` in `data/role_titles.txt`), not an occupation or a rank.
pub(crate) fn is_office_title(word: &str) -> bool {
    titles()
        .get(word)
        .is_some_and(|(_, kind)| *kind == TitleKind::Title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_gendered_word_is_read() {
        let listed = crate::lexicon::lines(include_str!("../../data/gendered_words.txt")).count();
        assert_eq!(gendered_words().len(), listed);
        assert_eq!(gender_of_word("widow"), Some(Gender::Female));
        assert_eq!(gender_of_word("his"), Some(Gender::Male));
        assert_eq!(gender_of_word("diplomat"), None);
    }
}
