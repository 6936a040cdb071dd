//! Whether two values can describe one thing: time periods that overlap, groups of
//! relatives with a kind in common. Event resolution joins mentions by them and
//! comparison judges readings by them.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use crate::lexicon;
use crate::prepare::words::{Word, number_at};

/// How many members of one category a group has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Count {
    /// Exactly this many.
    Exactly(u32),
    /// Two or more (a plural without a number).
    Several,
}

/// The first and last day a time value covers, as comparable `YYYY-MM-DD` strings.
fn period(t: &str) -> Option<(String, String)> {
    let (first, last) = t.split_once('/').unwrap_or((t, t));
    let bound = |v: &str, pad: &str| -> Option<String> {
        let fields: Vec<&str> = v.split('-').collect();
        let ok = v.len() <= pad.len()
            && fields.len() <= 3
            && fields[0].len() == 4
            && fields.iter().all(|f| f.bytes().all(|b| b.is_ascii_digit()));
        ok.then(|| format!("{v}{}", &pad[v.len()..]))
    };
    Some((bound(first, "0000-01-01")?, bound(last, "0000-12-31")?))
}

/// Whether two time values fit: one period inside or overlapping the other. Values
/// that are not plain dates (weeks, seasons) fit only themselves.
pub(crate) fn times_fit(a: &str, b: &str) -> bool {
    match (period(a), period(b)) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => a == b,
    }
}

/// The kinds of people a group named in words holds ("his parents and in-laws":
/// `parent`, `parent-in-law`), or `None` when it names none or a whole family.
pub(crate) fn relatives(text: &str) -> Option<BTreeSet<String>> {
    group(text).map(|members| members.into_keys().collect())
}

/// The members of a group named in words, or `None` for a whole family.
pub(crate) fn group(text: &str) -> Option<BTreeMap<String, Count>> {
    static WORDS: OnceLock<crate::lexicon::Map<(&'static str, &'static str)>> = OnceLock::new();
    let table = WORDS.get_or_init(|| {
        lexicon::fields(include_str!("../../data/group_words.txt"))
            .filter_map(|f| Some((*f.first()?, (*f.get(1)?, *f.get(2)?))))
            .collect()
    });
    let words: Vec<Word> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| Word::new(0..0, w))
        .collect();
    let mut members: BTreeMap<String, Count> = BTreeMap::new();
    for (i, word) in words.iter().enumerate() {
        let Some(&(category, count)) = table.get(word.low.as_str()) else {
            continue;
        };
        if category == "*" {
            return None;
        }
        let counted = (i > 0)
            .then(|| number_at(&words, i - 1))
            .flatten()
            .filter(|n| n.value >= 1.0 && n.value < 1000.0 && n.words == 1);
        let count = match (counted, count) {
            (Some(n), _) => Count::Exactly(n.value as u32),
            (None, "1") => Count::Exactly(1),
            _ => Count::Several,
        };
        members.insert(category.to_string(), count);
    }
    if members.is_empty() {
        return None;
    }
    Some(members)
}
