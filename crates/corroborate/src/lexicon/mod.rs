//! Reading the embedded lexicon files in `data/`, and the look-ups more than one stage
//! asks: how words are folded for matching ([`fold`]), phrase lists ([`phrases`]),
//! nationalities, places and where they lie, words for people, units of amounts.
//!
//! Every lexicon is a UTF-8 text file compiled into the library with `include_str!`:
//! one entry a line, `#` starts a comment line, blank lines are ignored. Keeping the
//! word lists as data lets them grow without touching code. A list only one stage
//! reads is declared beside its reader with `lazy!`; a list two stages read lives
//! here, so that neither reaches into the other.

pub(crate) mod fold;
pub(crate) mod nationalities;
pub(crate) mod people;
pub(crate) mod phrases;
pub(crate) mod places;
pub(crate) mod units;

use std::collections::{HashMap, HashSet};

use rustc_hash::FxBuildHasher;

/// A table keyed by lexicon words. The extraction stages look words up at every token
/// (is it a month, a number word, a unit?), where the default SipHash cost more than the
/// look-ups' own work; lexicon keys are our own data, so a fast hasher is safe.
pub(crate) type Map<V> = HashMap<&'static str, V, FxBuildHasher>;

/// A set of lexicon words, hashed as [`Map`] is.
pub(crate) type Set = HashSet<&'static str, FxBuildHasher>;

/// Phrases with a value each, tried longest first (equals in file order) and kept by
/// their first word: the scanners try them at every word, and most words open none.
#[derive(Debug)]
pub(crate) struct PhraseTable<V> {
    by_first: Map<Vec<(Vec<&'static str>, V)>>,
    /// The most words of any phrase.
    longest: usize,
}

impl<V> PhraseTable<V> {
    /// The table of `entries`, each a phrase's words (at least one) and its value.
    pub fn new(entries: impl IntoIterator<Item = (Vec<&'static str>, V)>) -> PhraseTable<V> {
        let mut entries: Vec<_> = entries.into_iter().collect();
        entries.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
        let longest = entries.first().map_or(0, |(phrase, _)| phrase.len());
        let mut by_first: Map<Vec<_>> = Map::default();
        for (phrase, value) in entries {
            by_first.entry(phrase[0]).or_default().push((phrase, value));
        }
        PhraseTable { by_first, longest }
    }

    /// The most words of any phrase of the table (0 for an empty table).
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// Whether some phrase of the table opens with `word` (lowercase).
    pub fn opens(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
    }

    /// The value and length in words of the longest phrase at word `at`, where `word(k)`
    /// is the `k`-th word (lowercase), `None` past the last.
    pub fn longest_at<'w>(
        &self,
        at: usize,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<(&V, usize)> {
        self.by_first
            .get(word(at)?)?
            .iter()
            .find_map(|(phrase, value)| {
                let matches = (0..phrase.len()).all(|k| word(at + k) == Some(phrase[k]));
                matches.then_some((value, phrase.len()))
            })
    }
}

/// The entries of a lexicon file: trimmed lines that are neither blank nor comments.
pub(crate) fn lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// The entries of a tab-separated lexicon file, split into their fields.
pub(crate) fn fields(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    lines(file).map(|line| line.split('\t').map(str::trim).collect())
}

/// The entries of a tab-separated lexicon file whose second field names one of `kinds`,
/// keyed by their first field: the shape of the files that sort words into a few kinds
/// ("next<TAB>modifier", "she<TAB>female"). A line of no listed kind is left out.
pub(crate) fn kinds<K: Copy>(file: &'static str, kinds: &[(&str, K)]) -> Map<K> {
    fields(file)
        .filter_map(|f| {
            let field = *f.get(1)?;
            let &(_, kind) = kinds.iter().find(|(name, _)| *name == field)?;
            Some((f[0], kind))
        })
        .collect()
}

/// Declares functions returning a value built on first use and kept for the life of the
/// process — the one shape of every word list and table read from `data/`:
/// `lazy! { /// doc \n pub(crate) fn hedges() -> Phrases = Phrases::new(&[…]); }` gives
/// `pub(crate) fn hedges() -> &'static Phrases`.
macro_rules! lazy {
    ($($(#[$meta:meta])* $vis:vis fn $name:ident() -> $ty:ty = $init:expr;)+) => {
        $(
            $(#[$meta])*
            $vis fn $name() -> &'static $ty {
                static VALUE: std::sync::OnceLock<$ty> = std::sync::OnceLock::new();
                VALUE.get_or_init(|| $init)
            }
        )+
    };
}
pub(crate) use lazy;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blanks_are_skipped() {
        let got: Vec<_> = lines("# header\n\nalpha\n  beta  \n#x\n").collect();
        assert_eq!(got, ["alpha", "beta"]);
        let got: Vec<_> = fields("a\tb\n# c\td\n").collect();
        assert_eq!(got, [vec!["a", "b"]]);
    }

    #[test]
    fn a_phrase_table_knows_its_longest_phrase() {
        let table = PhraseTable::new([(vec!["at", "least"], 1), (vec!["no", "fewer", "than"], 2)]);
        assert_eq!(table.longest(), 3);
        assert_eq!(
            table.longest_at(0, |k| ["at", "least"].get(k).copied()),
            Some((&1, 2))
        );
        assert_eq!(PhraseTable::<u8>::new([]).longest(), 0);
    }

    lazy! {
        fn greek() -> Vec<&'static str> = lines("alpha\nbeta\n").collect();
    }

    #[test]
    fn a_lazy_value_is_built_once() {
        assert_eq!(greek(), &["alpha", "beta"]);
        assert!(std::ptr::eq(greek(), greek()));
    }
}
