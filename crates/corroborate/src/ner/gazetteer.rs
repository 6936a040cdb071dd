//! Gazetteers: embedded lists of names the tagger may not have seen in training —
//! countries, regions, cities, nationalities, international organizations, the head
//! words organizations end in, person titles, common given names and family names. Membership is a
//! feature, never a decision: the model learns how far to trust each list.

use super::hash;

/// The lists, in the order of their class numbers.
const LISTS: [&str; 9] = [
    include_str!("../../data/gazetteer/countries.txt"),
    include_str!("../../data/gazetteer/regions.txt"),
    include_str!("../../data/gazetteer/cities.txt"),
    include_str!("../../data/gazetteer/demonyms.txt"),
    include_str!("../../data/gazetteer/organizations.txt"),
    include_str!("../../data/gazetteer/org_heads.txt"),
    include_str!("../../data/gazetteer/titles.txt"),
    include_str!("../../data/gazetteer/given_names.txt"),
    include_str!("../../data/gazetteer/surnames.txt"),
];

/// The number of lists.
pub(crate) const CLASSES: usize = LISTS.len();

/// The class numbers of the lists of places and nationalities.
pub(crate) const PLACES: [usize; 4] = [0, 1, 2, 3];

/// The class numbers of the lists of given names and family names.
pub(crate) const PERSON_NAMES: [usize; 2] = [7, 8];

/// Every entry, lowercased, keyed by the hash of its first word [`hash::pair`]ed with
/// that of each next word in turn: a word's hash is all a tagger keeps of it, so
/// looking up a run of words needs no text.
pub(crate) struct Gazetteer {
    /// Hash of an entry or of the first words of a longer one → bit set of the lists
    /// holding it as a whole entry (possibly none), and whether longer entries begin so.
    entries: hash::Map<(u16, bool)>,
    /// The most words any entry has.
    longest: usize,
}

impl Gazetteer {
    crate::lexicon::lazy! {
        /// The embedded lists, parsed once.
        pub(crate) fn shipped() -> Gazetteer = {
            let mut entries: hash::Map<(u16, bool)> = hash::Map::default();
            let mut longest = 1;
            for (class, list) in LISTS.iter().enumerate() {
                for line in crate::lexicon::lines(list) {
                    let lower = line.to_lowercase();
                    let words: Vec<u64> = lower.split_whitespace().map(hash::of).collect();
                    longest = longest.max(words.len());
                    let mut key = words[0];
                    for &word in &words[1..] {
                        entries.entry(key).or_default().1 = true;
                        key = hash::pair(key, word);
                    }
                    entries.entry(key).or_default().0 |= 1 << class;
                }
            }
            Gazetteer { entries, longest }
        };
    }

    /// Whether one lowercase word is a whole entry of one of the lists `classes`.
    pub(crate) fn lists(&self, word: &str, classes: &[usize]) -> bool {
        let bits = self.matches(&[hash::of(word)])[0];
        classes.iter().any(|class| bits & (1 << (4 * class)) != 0)
    }

    /// For each word (the [`hash::of`] of its lowercase), a bit set of matches: bit
    /// `4 * class + position`, where position is 0 for a one-word entry, else 1 first,
    /// 2 inside, 3 last word.
    pub(crate) fn matches(&self, lower: &[u64]) -> Vec<u64> {
        let mut found = vec![0u64; lower.len()];
        for start in 0..lower.len() {
            let mut h = lower[start];
            for end in start + 1..=lower.len().min(start + self.longest) {
                if end > start + 1 {
                    h = hash::pair(h, lower[end - 1]);
                }
                let Some(&(classes, longer)) = self.entries.get(&h) else {
                    break;
                };
                for class in (0..CLASSES).filter(|c| classes & (1 << c) != 0) {
                    for (i, bits) in found[start..end].iter_mut().enumerate() {
                        let position = match (end - start, i) {
                            (1, _) => 0,
                            (_, 0) => 1,
                            (n, i) if i + 1 == n => 3,
                            _ => 2,
                        };
                        *bits |= 1 << (4 * class + position);
                    }
                }
                if !longer {
                    break;
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_lists_are_the_places() {
        let gazetteer = Gazetteer::shipped();
        for place in ["france", "paris", "french"] {
            assert!(gazetteer.lists(place, &PLACES), "{place}");
        }
        assert!(!gazetteer.lists("ministry", &PLACES));
    }

    fn lower(words: &[&str]) -> Vec<u64> {
        words.iter().map(|w| hash::of(&w.to_lowercase())).collect()
    }

    #[test]
    fn multiword_entries_mark_first_inside_and_last_words() {
        let gaz = Gazetteer::shipped();
        let found = gaz.matches(&lower(&["in", "New", "Zealand", "today"]));
        assert_eq!(found[0], 0);
        let country = 0;
        assert_ne!(found[1] & (1 << (4 * country + 1)), 0);
        assert_ne!(found[2] & (1 << (4 * country + 3)), 0);
        let single = gaz.matches(&lower(&["France"]));
        assert_ne!(single[0] & 1, 0);
    }
}
