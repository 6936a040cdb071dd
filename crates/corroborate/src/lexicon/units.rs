//! The words of amounts: units and the currency signs written before a number
//! (`data/units.txt`, `data/currency_signs.txt`), and the function words a counted
//! phrase stops at (`data/counted_stops.txt`). The quantity and time scans read them.

/// Whether `word` (lowercase) is a currency sign or code written before a number.
pub(crate) fn is_currency_sign(word: &str) -> bool {
    currency_signs().contains_key(word)
}

/// The unit phrase starting at word `at`, where `word(k)` is the `k`-th word
/// (lowercase), `None` past the last: (unit keyword, kind, words used).
pub(crate) fn unit_at<'w>(
    at: usize,
    word: impl Fn(usize) -> Option<&'w str>,
) -> Option<(&'static str, UnitKind, usize)> {
    // Longest phrase first: "metric tons" before "tons".
    (1..=3).rev().find_map(|len| {
        let phrase = (at..at + len)
            .map(&word)
            .collect::<Option<Vec<_>>>()?
            .join(" ");
        units()
            .get(phrase.as_str())
            .map(|&(unit, kind)| (unit, kind, len))
    })
}

/// Whether `word` (lowercase) is a function word (article, preposition, pronoun,
/// auxiliary) rather than a name or a noun.
pub(crate) fn is_function_word(word: &str) -> bool {
    stop_words().contains(word)
}

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitKind {
    /// A physical measure (`t`, `km`).
    Measure,
    /// A span of time (`day`, `year`).
    Duration,
    /// Money named after the number ("won", "dollars").
    Currency,
    /// `percent`.
    Percent,
}

/// Whether a unit keyword (`hour`, `day`) measures a span of time.
pub(crate) fn is_duration(unit: &str) -> bool {
    units()
        .values()
        .any(|&(keyword, kind)| keyword == unit && kind == UnitKind::Duration)
}

crate::lexicon::lazy! {
    fn units() -> crate::lexicon::Map<(&'static str, UnitKind)> = {
        crate::lexicon::fields(include_str!("../../data/units.txt"))
            .filter_map(|f| {
                let kind = match *f.get(2)? {
                    "measure" => UnitKind::Measure,
                    "duration" => UnitKind::Duration,
                    "currency" => UnitKind::Currency,
                    "percent" => UnitKind::Percent,
                    _ => return None,
                };
                Some((f[0], (*f.get(1)?, kind)))
            })
            .collect()
    };
}

crate::lexicon::lazy! {
    /// Currency signs and codes written before a number, with the unit each stands for.
    pub(crate) fn currency_signs() -> crate::lexicon::Map<&'static str> = {
        crate::lexicon::fields(include_str!("../../data/currency_signs.txt"))
            .filter_map(|f| Some((f[0], *f.get(1)?)))
            .collect()
    };
}

crate::lexicon::lazy! {
    /// The function words a counted phrase stops at.
    pub(crate) fn stop_words() -> crate::lexicon::Set = {
        crate::lexicon::lines(include_str!("../../data/counted_stops.txt")).collect()
    };
}
