//! Names reduced to the parts two spellings of one name share.
//!
//! Outlets write one name many ways: diacritics or none ("José"/"Jose"), hyphens and
//! spacing ("Park Min-jun"/"Park Min Jun"), apostrophes ("Ch'ol"), and different
//! romanizations of Korean, Chinese, Arabic and Russian names ("Choe"/"Choi",
//! "Mohammed"/"Muhammad"). [`parts`] folds all of that away — transliteration to ASCII,
//! then each part replaced by the canonical spelling of its group in
//! `data/romanization.txt`, and a short form of a given name read as the full form
//! (`data/given_name_forms.txt`: "Fred" is "Frederick") — so that equal parts mean
//! "same spelling of the same name".

use crate::lexicon;

crate::lexicon::lazy! {
    /// Variant spelling → canonical spelling, from `data/romanization.txt`, and short form
    /// of a given name → its full form's canonical spelling, from
    /// `data/given_name_forms.txt` ("fred" → "frederick", "alexis" → "aleksandr").
    fn romanization() -> crate::lexicon::Map<&'static str> = {
        let mut table = lexicon::Map::default();
        for line in lexicon::lines(include_str!("../../data/romanization.txt")) {
            let mut words = line.split_whitespace();
            if let Some(canonical) = words.next() {
                table.insert(canonical, canonical);
                for variant in words {
                    table.insert(variant, canonical);
                }
            }
        }
        for line in lexicon::lines(include_str!("../../data/given_name_forms.txt")) {
            let mut words = line.split_whitespace();
            if let Some(full) = words.next() {
                let canonical = table.get(full).copied().unwrap_or(full);
                for form in std::iter::once(full).chain(words) {
                    table.entry(form).or_insert(canonical);
                }
            }
        }
        table
    };
}

crate::lexicon::lazy! {
    /// Honorifics and titles that may open a tagged name (`data/name_titles.txt`).
    fn titles() -> crate::lexicon::Set = lexicon::lines(include_str!("../../data/name_titles.txt")).collect();
}

/// Whether `word` is an honorific or title that may open a tagged name.
fn is_title(word: &str) -> bool {
    titles().contains(word)
}

crate::lexicon::lazy! {
    /// Words that join the parts of an organization's name (`data/name_connectives.txt`).
    fn connectives() -> crate::lexicon::Set = lexicon::lines(include_str!("../../data/name_connectives.txt")).collect();
}

crate::lexicon::lazy! {
    /// Generational suffixes: "jr", "iii" (`data/name_suffixes.txt`).
    fn suffixes() -> crate::lexicon::Set = lexicon::lines(include_str!("../../data/name_suffixes.txt")).collect();
}

/// Words that join the parts of an organization's name without naming anything.
pub(crate) fn is_connective(word: &str) -> bool {
    connectives().contains(word)
}

/// The canonical spelling of one lowercase ASCII name part.
fn canonical(part: &str) -> String {
    // Most parts are letters only: looked up as they are, copied once.
    let bare = if part.bytes().all(|b| b.is_ascii_alphanumeric()) {
        std::borrow::Cow::Borrowed(part)
    } else {
        std::borrow::Cow::Owned(part.chars().filter(|c| c.is_ascii_alphanumeric()).collect())
    };
    match romanization().get(&*bare) {
        Some(canonical) => (*canonical).to_string(),
        None => bare.into_owned(),
    }
}

/// The matching parts of a name: transliterated to ASCII, lowercased, split at spaces,
/// hyphens and periods, a possessive and leading titles dropped, each part in its
/// canonical romanization: "Mr. Choi Min-ho's" → `["choe", "min", "ho"]`.
pub(crate) fn parts(name: &str) -> Vec<String> {
    // Folding and transliteration change nothing in most names, and parts are asked
    // for at every capitalized word of every document.
    let ascii = if crate::text::folds_to_itself(name) {
        name.to_ascii_lowercase()
    } else {
        any_ascii::any_ascii(&crate::text::fold(name)).to_lowercase()
    };
    let trimmed = ascii.trim_end_matches(['\'', ' ']);
    let trimmed = trimmed.strip_suffix("'s").unwrap_or(trimmed);
    let mut out: Vec<String> = trimmed
        .split(|c: char| c.is_whitespace() || c == '-' || c == '.' || c == ',')
        .map(canonical)
        .filter(|p| !p.is_empty())
        .collect();
    // A title is dropped only while a name remains after it ("President" alone stays);
    // so is a generational suffix ("Jr", "III").
    while out.len() > 1 && is_title(&out[0]) {
        out.remove(0);
    }
    if out.len() > 2 && suffixes().contains(out[out.len() - 1].as_str()) {
        out.pop();
    }
    out
}

/// The letters of an acronym ("FAA", "U.N.") in lowercase, or `None` when the surface
/// is not one: two to eight letters, all capitals.
pub(crate) fn acronym(surface: &str) -> Option<String> {
    // Read before anything is copied: most surfaces asked about are no acronym.
    let letters = || surface.trim_end_matches("'s").chars().filter(|c| *c != '.');
    let count = letters().count();
    ((2..=8).contains(&count) && letters().all(|c| c.is_ascii_uppercase()))
        .then(|| letters().map(|c| c.to_ascii_lowercase()).collect())
}

/// The initials an acronym of this name could spell: of every word, and of the words
/// that are not connectives ("Ministry of Interior" → "moi", "mi").
pub(crate) fn initials(parts: &[String]) -> [String; 2] {
    let all = parts.iter().filter_map(|p| p.chars().next()).collect();
    let content = parts
        .iter()
        .filter(|p| !is_connective(p))
        .filter_map(|p| p.chars().next())
        .collect();
    [all, content]
}

/// An organization's content words in sorted order, so that word order does not matter
/// ("Interior Ministry" and "Ministry of Interior" give the same key).
pub(crate) fn word_set(parts: &[String]) -> Vec<String> {
    let mut words: Vec<String> = parts
        .iter()
        .filter(|p| !is_connective(p))
        .cloned()
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Whether two name parts are spellings of one another: equal canonical forms, or long
/// parts that differ by a transliteration slip ("Ahmadinejad"/"Ahmadinezhad").
pub(crate) fn part_matches(a: &str, b: &str) -> bool {
    a == b
        || (a.len() >= 6
            && b.len() >= 6
            && a.as_bytes()[0] == b.as_bytes()[0]
            && strsim::jaro_winkler(a, b) >= 0.93)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_name_have_equal_parts() {
        assert_eq!(parts("Park Min-jun"), parts("Park Min Jun"));
        assert_eq!(parts("Choe Min-ho"), parts("Choi Min-ho"));
        assert_eq!(parts("Mohammed Salah"), parts("Muhammad Salah"));
        assert_eq!(parts("Pak Chol"), parts("Park Ch'ol"));
        assert_eq!(parts("José Ramos"), parts("Jose Ramos"));
        assert_eq!(parts("Mr. Choi Min-ho's"), ["choe", "min", "ho"]);
        assert_ne!(parts("Park Min-jun"), parts("Park Min-seo"));
    }

    #[test]
    fn short_forms_of_given_names_are_the_full_form() {
        assert_eq!(parts("Fred LaRue"), parts("Frederick LaRue"));
        assert_eq!(parts("Katie Morrow"), parts("Kathryn Morrow"));
        assert_eq!(parts("Alexis Petrov"), parts("Aleksandr Petrov"));
        assert_ne!(parts("Greg Dunn"), parts("Doug Dunn"));
    }

    #[test]
    fn a_lone_title_stays() {
        assert_eq!(parts("President"), ["president"]);
        assert_eq!(parts("President Ana Biden"), ["ana", "biden"]);
        assert_eq!(parts("Arthur Bell Jr."), ["arthur", "bell"]);
    }

    #[test]
    fn organizations_ignore_word_order() {
        let a = word_set(&parts("Interior Ministry"));
        let b = word_set(&parts("Ministry of Interior"));
        assert_eq!(a, b);
        assert_eq!(acronym("FAA").as_deref(), Some("faa"));
        assert_eq!(acronym("U.N.").as_deref(), Some("un"));
        assert_eq!(acronym("Faa"), None);
        let [all, content] = initials(&parts("Federal Aviation Administration"));
        assert_eq!((all.as_str(), content.as_str()), ("faa", "faa"));
    }

    #[test]
    fn long_parts_tolerate_a_slip() {
        assert!(part_matches("ahmadinejad", "ahmadinezhad"));
        assert!(!part_matches("smith", "smyth"));
        assert!(!part_matches("un", "nam"));
    }
}
