//! Nationality adjectives and the countries they name (`data/nationalities.txt`), read
//! by the mention, claim, entity and comparison stages alike.

crate::lexicon::lazy! {
    fn nationalities() -> crate::lexicon::Map<&'static str> = {
        crate::lexicon::fields(include_str!("../../data/nationalities.txt"))
            .filter_map(|f| Some((f[0], *f.get(1)?)))
            .collect()
    };
}

/// The country a nationality adjective names ("north korean" → "north korea"), from
/// `data/nationalities.txt`; lowercase.
pub(crate) fn country_of(adjective: &str) -> Option<&'static str> {
    nationalities().get(adjective).copied()
}
