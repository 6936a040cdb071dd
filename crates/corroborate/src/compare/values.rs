//! Claim values put in a comparable form, and when two of them fit.
//!
//! Compatibility is typed, because "different strings" is not "different facts":
//! - **numbers** are intervals: an exact value is itself; "about 200" and "some 200"
//!   reach 10 % either side, "nearly 100" 10 % below; "at least 22" and "more than 22"
//!   have no upper end, "up to 200" no lower one; "dozens", "hundreds" and "tens of"
//!   reach from the least such number to five times it. Two numbers fit when their
//!   intervals meet ("at least 20" and "25"), and an approximate value is one reading with
//!   the exact one ("196" and "some 196");
//! - **times**: two periods fit when one lies inside the other or they overlap —
//!   `2022-05` fits `2022` (a year is a coarser answer, not a different one) and
//!   `2020/2023`, but not `2022-08`; times of different years never fit;
//! - **groups** of people ("his wife and child"): members counted by category, where
//!   a plural means two or more; "family" fits every group, "wife and child" does not
//!   fit "wife and children" (one child against several); a member only one side names
//!   is an omission, not a contradiction;
//! - **role titles**: the head noun with its synonyms gathered (`data/roles.txt`:
//!   "adviser" = "counsellor") and the rank words kept ("third secretary" ≠
//!   "secretary"); qualifiers ("political affairs") are ignored. Two titles disagree
//!   when they share a head with other ranks ("head coach", "assistant coach") or
//!   stand on one career ladder ("counselor", "third secretary"); posts of no common
//!   ladder may be held together ("president", "general manager");
//! - **places** (an entity or words naming one, `data/places.txt`): a place fits the
//!   places it lies in or that lie in it ("Lyon" and "France"), a country its other
//!   names ("the United States", "USA") and the compass word outlets shorten it to
//!   ("the South" for South Korea); a quarter lies in its place ("southern Iran" in
//!   Iran), two opposite quarters of one place do not fit; words standing for a place without naming one ("the
//!   country") contradict no place;
//! - **bearings** from a landmark ("42 km southwest of Harran"): directions an eighth
//!   of a turn apart at most, distances within 15 % (see [`Bearing`]);
//! - **names** (entities, other text): one entity's name variants are one value, and a
//!   short form fits the longer form it shortens ("the embassy", "the North Korean
//!   embassy": the same last word, every word of the short form in the long one).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::hashing::HashMap;
use crate::lexicon;
use crate::lexicon::places::{
    Bearing, Place, Quarter, is_compass_name_of, is_compass_word, place, places_named, quarter_of,
};
use crate::model::{Claim, Entity, Predicate, Role, Value, format_number};
use crate::resolve::fit::{Count, group, times_fit};

/// A claim's value in comparable form.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Normal {
    /// A number, possibly approximate or a bound.
    Number {
        /// The number.
        value: f64,
        /// "about", "around", …
        approximate: bool,
        /// `Some(true)` for a lower bound ("more than"), `Some(false)` for an upper one.
        lower_bound: Option<bool>,
        /// The least and the greatest value the words admit.
        interval: (f64, f64),
    },
    /// An ISO-8601 time value.
    Time(String),
    /// Members of a group by category: count 1, 2 for "two or more", or an exact count
    /// given in words; `None` when the group is "family" (fits every group).
    Group(Option<BTreeMap<String, Count>>),
    /// A role title: rank words and canonical head ("third secretary", "counselor").
    Role(String),
    /// Anything else: an entity or lowercase text, with the names it goes by.
    Named(Named),
    /// Words standing for a place without naming one ("the country"), or a place the
    /// list does not know (a village, a district): they contradict no named place.
    VaguePlace(String),
    /// Where something lies from a landmark.
    Bearing(Bearing),
}

impl Normal {
    /// The key under which claims share one reading.
    pub fn key(&self) -> String {
        match self {
            Normal::Number {
                value, lower_bound, ..
            } => {
                // An approximate value is one reading with the exact one; a bound
                // is a reading of its own.
                let prefix = match lower_bound {
                    Some(true) => ">",
                    Some(false) => "<",
                    None => "",
                };
                format!("{prefix}{}", format_number(*value))
            }
            Normal::Time(t) | Normal::Role(t) | Normal::VaguePlace(t) => t.clone(),
            Normal::Named(named) => named.key.clone(),
            Normal::Bearing(bearing) => bearing.value(),
            Normal::Group(None) => "family".to_string(),
            Normal::Group(Some(members)) => members
                .iter()
                .map(|(category, count)| match count {
                    Count::Exactly(n) => format!("{category}:{n}"),
                    Count::Several => format!("{category}:2+"),
                })
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// Whether two values can both be true of one subject.
    pub fn fits(&self, other: &Normal) -> bool {
        match (self, other) {
            (Normal::Number { .. }, Normal::Number { .. }) => numbers_fit(self, other),
            (Normal::Time(a), Normal::Time(b)) => times_fit(a, b),
            (Normal::Group(a), Normal::Group(b)) => groups_fit(a.as_ref(), b.as_ref()),
            (Normal::VaguePlace(_), _) | (_, Normal::VaguePlace(_)) => true,
            (Normal::Named(a), Normal::Named(b)) => a.fits(b),
            (Normal::Role(a), Normal::Role(b)) => roles_fit(a, b),
            (Normal::Bearing(a), Normal::Bearing(b)) => a.fits(b),
            _ => self.key() == other.key(),
        }
    }

    /// The landmark a bearing is measured from, folded: bearings from different
    /// landmarks answer different questions.
    pub fn landmark(&self) -> Option<String> {
        match self {
            Normal::Bearing(bearing) => Some(crate::text::fold_lower(&bearing.from)),
            _ => None,
        }
    }

    /// Whether two values name the same thing: one key, or one entity's name variants
    /// ("North Korea", "DPRK"). A denial contradicts only the same value asserted.
    pub fn same_as(&self, other: &Normal) -> bool {
        match (self, other) {
            (Normal::Named(a), Normal::Named(b)) => a.key == b.key || a.shares_a_name(b),
            _ => self.key() == other.key(),
        }
    }

    /// The place the value names, if it names a country, region or city.
    pub fn place(&self) -> Option<&Place> {
        match self {
            Normal::Named(named) => named.places.first(),
            _ => None,
        }
    }
}

/// An entity or words, with the names they go by.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Named {
    /// The reading key: the entity id, or the folded lowercase words.
    key: String,
    /// Folded lowercase names without a leading "the": the entity's name and aliases,
    /// or the words.
    names: Vec<String>,
    /// The places the names name, when one of them is a known place (several for a
    /// name several places share), or the place a quarter lies in ("southern Iran").
    places: &'static [Place],
    /// The quarter of its places the name gives ("southern"), if any.
    quarter: Option<Quarter>,
}

impl Named {
    fn new(key: String, names: Vec<String>) -> Named {
        let names: Vec<String> = names
            .iter()
            .map(|n| {
                let folded = crate::text::fold_lower(n.trim());
                folded.strip_prefix("the ").unwrap_or(&folded).to_string()
            })
            .collect();
        let places = names
            .iter()
            .map(|n| places_named(n))
            .find(|p| !p.is_empty())
            .unwrap_or_default();
        let (quarter, places) = match names.iter().find_map(|n| quarter_of(n)) {
            Some((quarter, within)) if places.is_empty() => (Some(quarter), within),
            _ => (None, places),
        };
        Named {
            key,
            names,
            places,
            quarter,
        }
    }

    fn shares_a_name(&self, other: &Named) -> bool {
        self.names.iter().any(|n| other.names.contains(n))
    }

    /// Whether both can be true: one entity, places one within the other (a quarter,
    /// "southern Iran", within its place) or one the compass half of the other, or a
    /// short form of the other.
    fn fits(&self, other: &Named) -> bool {
        if self.key == other.key || self.shares_a_name(other) {
            return true;
        }
        if !self.places.is_empty() && !other.places.is_empty() {
            // "northern Iran" and "southern Iran" lie in one place, not in each other.
            if let (Some(a), Some(b)) = (self.quarter, other.quarter) {
                if a.opposes(b) {
                    return false;
                }
            }
            return self.places.iter().any(|a| {
                other
                    .places
                    .iter()
                    .any(|b| a.within(b) || b.within(a) || a.may_share_ground(b))
            });
        }
        let compass = |a: &Named, b: &Named| {
            b.places
                .iter()
                .any(|p| a.names.iter().any(|n| is_compass_name_of(n, p)))
        };
        compass(self, other)
            || compass(other, self)
            || self.names.iter().any(|a| {
                other
                    .names
                    .iter()
                    .any(|b| is_short_form(a, b) || is_short_form(b, a))
            })
    }
}

/// Whether `short` shortens `long`: the same last word, every word of `short` in
/// `long` ("embassy" of "north korean embassy").
fn is_short_form(short: &str, long: &str) -> bool {
    // Hyphens join, as in `role_key`: "north-east" is one word, not its two parts.
    let words =
        |s: &'_ str| -> Vec<String> { crate::text::words(s, &['-']).map(str::to_string).collect() };
    let (short, long) = (words(short), words(long));
    short.last().is_some_and(|w| long.last() == Some(w))
        && short.len() < long.len()
        && short.iter().all(|w| long.contains(w))
}

/// The comparable form of a claim's value, by predicate; `entities` gives the names of
/// the entities values may be.
pub(crate) fn normalize(claim: &Claim, entities: &HashMap<&str, &Entity>) -> Normal {
    let words = |t: &str| {
        let folded = crate::text::fold_lower(t.trim());
        Normal::Named(Named::new(folded.clone(), vec![folded]))
    };
    match &claim.value {
        Value::Number(n) => {
            let (approximate, lower_bound) = qualifiers(&claim.value_text);
            Normal::Number {
                value: *n,
                approximate,
                lower_bound,
                interval: interval(*n, approximate, lower_bound, &claim.value_text),
            }
        }
        Value::Text(t) if claim.predicate == Predicate::Role => Normal::Role(role_key(t)),
        Value::Text(t) if claim.predicate == Predicate::Bearing => {
            Bearing::parse(t).map_or_else(|| words(t), Normal::Bearing)
        }
        Value::Text(t) if claim.predicate == Predicate::Argument(Role::Companions) => {
            Normal::Group(group(t))
        }
        Value::Text(t) if entities.contains_key(t.as_str()) => {
            let entity = entities[t.as_str()];
            let mut names = vec![entity.name.clone()];
            names.extend(entity.aliases.iter().cloned());
            let named = Named::new(t.clone(), names);
            // A place the list does not know may lie in any place it knows.
            let unknown_place = is_place_predicate(&claim.predicate)
                && named.places.is_empty()
                && !named.names.iter().any(|n| is_compass_word(n));
            let vicinity = is_place_predicate(&claim.predicate)
                && named
                    .names
                    .iter()
                    .any(|name| in_vicinity(&claim.value_text, name));
            if unknown_place || vicinity {
                Normal::VaguePlace(t.clone())
            } else {
                Normal::Named(named)
            }
        }
        // Relatives filling an agent or patient ("his parents and in-laws").
        Value::Text(t)
            if matches!(
                claim.predicate,
                Predicate::Argument(Role::Agent | Role::Patient)
            ) =>
        {
            group(t).map_or_else(|| words(t), |g| Normal::Group(Some(g)))
        }
        Value::Text(t) if is_time_value(t) => Normal::Time(t.clone()),
        Value::Text(t)
            if is_place_predicate(&claim.predicate)
                && (place(t).is_none() && quarter_of(t).is_none() && !is_compass_word(t)
                    || in_vicinity(&claim.value_text, t)) =>
        {
            Normal::VaguePlace(crate::text::fold_lower(t.trim()))
        }
        Value::Text(t) => words(t),
    }
}

/// Whether the words of a place argument set it beside the place `name` rather than in
/// it ("a van near Houston", "outside Lyon", "close to the border"): any town nearby may
/// be the place, so it contradicts no other.
fn in_vicinity(value_text: &str, name: &str) -> bool {
    let text = crate::text::fold_lower(value_text);
    let name = crate::text::fold_lower(name.trim());
    let Some(before) = text.trim_end().strip_suffix(name.as_str()) else {
        return false;
    };
    let mut words = before.split_whitespace().rev();
    let mut last = words.next();
    if last == Some("the") {
        last = words.next();
    }
    match last {
        Some("near" | "nearby" | "outside") => true,
        Some("to" | "from") => matches!(words.next(), Some("close" | "far" | "next")),
        _ => false,
    }
}

/// Whether a predicate's values are places.
fn is_place_predicate(predicate: &Predicate) -> bool {
    matches!(
        predicate,
        Predicate::Argument(Role::Origin | Role::Destination | Role::Place)
    )
}

/// Whether a text value is an ISO-8601 date, month, year or range of them.
fn is_time_value(t: &str) -> bool {
    t.split('/').all(|part| {
        let digits: Vec<&str> = part.split('-').collect();
        digits[0].len() == 4
            && digits
                .iter()
                .all(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    })
}

crate::lexicon::lazy! {
    /// `data/running_totals.txt`.
    fn running_totals() -> crate::lexicon::PhraseTable<()> = crate::lexicon::PhraseTable::new(
        crate::lexicon::lines(include_str!("../../data/running_totals.txt"))
            .map(|phrase| (phrase.split(' ').collect(), ())),
    );
}

/// Whether the words of a count's claim tell a running total ("a total of 14 rifles in
/// five operations", "31 so far").
pub(crate) fn tells_running_total(words: &str) -> bool {
    let folded = crate::text::fold_lower(words);
    let words: Vec<&str> = crate::text::words(&folded, &[]).collect();
    (0..words.len()).any(|k| {
        running_totals()
            .longest_at(k, |i| words.get(i).copied())
            .is_some()
    })
}

impl Normal {
    /// The number as a running total: any smaller count, one happening's among those it
    /// sums, fits it.
    pub(crate) fn into_running_total(self) -> Normal {
        match self {
            Normal::Number {
                value,
                approximate,
                lower_bound,
                interval: (_, high),
            } => Normal::Number {
                value,
                approximate,
                lower_bound,
                interval: (0.0, high),
            },
            other => other,
        }
    }
}

fn numbers_fit(a: &Normal, b: &Normal) -> bool {
    let (
        Normal::Number {
            interval: (low_a, high_a),
            ..
        },
        Normal::Number {
            interval: (low_b, high_b),
            ..
        },
    ) = (a, b)
    else {
        return false;
    };
    low_a <= high_b && low_b <= high_a
}

/// The words of a vague plural number ("dozens of", "hundreds", "tens of"), which reach
/// from their value up to five times it.
const VAGUE_PLURALS: [&str; 4] = ["dozens", "hundreds", "thousands", "tens"];

/// The least and greatest value a number's words admit.
fn interval(value: f64, approximate: bool, lower_bound: Option<bool>, text: &str) -> (f64, f64) {
    let lower = crate::text::fold_lower(text);
    let words: Vec<&str> = lower.split_whitespace().collect();
    let has = |w: &str| words.contains(&w);
    match lower_bound {
        Some(true) => return (value, f64::INFINITY),
        Some(false) => return (0.0, value),
        None => {}
    }
    if VAGUE_PLURALS.iter().any(|w| has(w)) {
        return (value, 5.0 * value - 1.0);
    }
    if !approximate {
        return (value, value);
    }
    // At least one either side: "about 10" admits 9 and 11.
    let reach = (0.1 * value.abs()).max(1.0);
    if has("nearly") || has("almost") {
        (value - reach, value)
    } else {
        (value - reach, value + reach)
    }
}

/// What a word of `data/quantity_words.txt` says of the number it qualifies.
#[derive(Clone, Copy)]
enum Qualifier {
    AtLeast,
    AtMost,
    Approximate,
}

/// Approximation and bound words in a value's text (`data/quantity_words.txt`).
fn qualifiers(text: &str) -> (bool, Option<bool>) {
    // Asked of every number claim: each phrase is padded with spaces once, not on
    // every call, so that it matches whole words only.
    static WORDS: OnceLock<Vec<(String, Qualifier)>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        lexicon::fields(include_str!("../../data/quantity_words.txt"))
            .filter_map(|f| {
                let kind = match *f.get(1)? {
                    "at_least" => Qualifier::AtLeast,
                    "at_most" => Qualifier::AtMost,
                    _ => Qualifier::Approximate,
                };
                Some((format!(" {} ", f.first()?), kind))
            })
            .collect()
    });
    let padded = format!(" {} ", crate::text::fold_lower(text));
    let mut approximate = false;
    let mut bound = None;
    for (phrase, kind) in words {
        if padded.contains(phrase.as_str()) {
            match kind {
                Qualifier::AtLeast => bound = Some(true),
                Qualifier::AtMost => bound = Some(false),
                Qualifier::Approximate => approximate = true,
            }
        }
    }
    (approximate, bound)
}

/// The role lexicon: synonyms to canonical, the rank, skip and stop words, and the
/// career ladder of each head on one.
struct Roles {
    same: crate::lexicon::Map<&'static str>,
    rank: Vec<&'static str>,
    skip: Vec<&'static str>,
    stop: Vec<&'static str>,
    ladder: crate::lexicon::Map<usize>,
}

/// Whether two role keys can both be true of one person: the same title, or posts
/// that share no head and no career ladder.
fn roles_fit(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let head = |key: &'_ str| key.rsplit(' ').next().unwrap_or_default().to_string();
    let (head_a, head_b) = (head(a), head(b));
    let ladder = &roles().ladder;
    let one_ladder = matches!(
        (ladder.get(head_a.as_str()), ladder.get(head_b.as_str())),
        (Some(x), Some(y)) if x == y
    );
    head_a != head_b && !one_ladder
}

fn roles() -> &'static Roles {
    static ROLES: OnceLock<Roles> = OnceLock::new();
    ROLES.get_or_init(|| {
        let mut roles = Roles {
            same: crate::lexicon::Map::default(),
            rank: Vec::new(),
            skip: Vec::new(),
            stop: Vec::new(),
            ladder: crate::lexicon::Map::default(),
        };
        let mut ladders = 0;
        for fields in lexicon::fields(include_str!("../../data/roles.txt")) {
            let (Some(kind), Some(words)) = (fields.first(), fields.get(1)) else {
                continue;
            };
            let words: Vec<&'static str> = words.split_whitespace().collect();
            match *kind {
                "same" => {
                    for w in &words {
                        roles.same.insert(w, words[0]);
                    }
                }
                "rank" => roles.rank.extend(words),
                "skip" => roles.skip.extend(words),
                "ladder" => {
                    ladders += 1;
                    for w in words {
                        roles.ladder.insert(w, ladders);
                    }
                }
                _ => roles.stop.extend(words),
            }
        }
        roles
    })
}

/// A role title's key: its rank words in order, then its head noun in canonical form.
fn role_key(title: &str) -> String {
    let roles = roles();
    let lower = crate::text::fold_lower(title);
    // Hyphens join: a hyphenated title ("vice-president") is one word, not its parts.
    let words: Vec<&str> = crate::text::words(&lower, &['-'])
        .take_while(|w| !roles.stop.contains(w))
        .filter(|w| !roles.skip.contains(w))
        .collect();
    let Some((head, before)) = words.split_last() else {
        return lower.trim().to_string();
    };
    let mut key: Vec<&str> = before
        .iter()
        .copied()
        .filter(|w| roles.rank.contains(w))
        .collect();
    key.push(roles.same.get(head).copied().unwrap_or(head));
    key.join(" ")
}

fn groups_fit(a: Option<&BTreeMap<String, Count>>, b: Option<&BTreeMap<String, Count>>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    a.iter().all(|(category, x)| match (x, b.get(category)) {
        (_, None) => true,
        (Count::Several, Some(Count::Exactly(n))) | (Count::Exactly(n), Some(Count::Several)) => {
            *n >= 2
        }
        (x, Some(y)) => x == y,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(predicate: Predicate, value: Value, value_text: &str) -> Claim {
        Claim {
            id: "c".into(),
            doc: "d".into(),
            start: 0,
            end: 0,
            subject: None,
            subject_text: String::new(),
            predicate,
            value,
            value_text: value_text.into(),
            attribution: None,
            hedged: false,
            negated: false,
            time: None,
        }
    }

    fn text(predicate: Predicate, value: &str) -> Normal {
        normalize(
            &claim(predicate, Value::Text(value.into()), value),
            &HashMap::default(),
        )
    }

    #[test]
    fn qualifiers_are_whole_words() {
        assert_eq!(qualifiers("More than 20"), (false, Some(true)));
        assert_eq!(qualifiers("up to 30"), (false, Some(false)));
        assert_eq!(qualifiers("about 10"), (true, None));
        // Inside another word they qualify nothing.
        assert_eq!(qualifiers("10 at the roundabout"), (false, None));
    }

    fn number(value: f64, words: &str) -> Normal {
        normalize(
            &claim(Predicate::Count, Value::Number(value), words),
            &HashMap::default(),
        )
    }

    #[test]
    fn a_place_near_a_town_contradicts_no_place() {
        let origin = |value: &str, words: &str| {
            normalize(
                &claim(
                    Predicate::Argument(Role::Origin),
                    Value::Text(value.into()),
                    words,
                ),
                &HashMap::default(),
            )
        };
        let lyon = origin("Lyon", "a van in Lyon");
        let near = origin("Marseille", "a prison van near Marseille");
        let outside = origin("Marseille", "just outside Marseille");
        let close = origin("Marseille", "close to Marseille");
        assert!(!lyon.fits(&origin("Marseille", "a van in Marseille")));
        assert!(lyon.fits(&near) && lyon.fits(&outside) && lyon.fits(&close));
    }

    #[test]
    fn places_fit_the_places_they_lie_in() {
        let origin = |t: &str| text(Predicate::Argument(Role::Origin), t);
        assert!(origin("Lyon").fits(&origin("France")));
        assert!(origin("France").fits(&origin("Lyon")));
        assert!(!origin("Lyon").fits(&origin("Mexico")));
        assert!(!origin("Lyon").fits(&origin("Madrid")));
        assert!(origin("Atlanta").fits(&origin("Georgia")));
        assert!(origin("the South").fits(&origin("South Korea")));
        assert!(!origin("the North").fits(&origin("South Korea")));
        assert!(origin("the country").fits(&origin("Mexico")));
        assert!(origin("Southern Iran").fits(&origin("Iran")));
        assert!(origin("eastern Lyon").fits(&origin("France")));
        assert!(!origin("northern Iran").fits(&origin("southern Iran")));
        assert!(!origin("southern Iran").fits(&origin("China")));
    }

    #[test]
    fn one_entity_under_its_names_is_one_value() {
        let entity = |id: &str, name: &str, aliases: &[&str]| -> Entity {
            serde_json::from_value(serde_json::json!({
                "id": id, "kind": "organization", "name": name, "aliases": aliases,
                "mentions": [],
            }))
            .unwrap()
        };
        let (a, b) = (
            entity("e1", "Ministry of Unification", &["Unification Ministry"]),
            entity("e2", "Unification Ministry", &[]),
        );
        let entities: HashMap<&str, &Entity> = [("e1", &a), ("e2", &b)].into_iter().collect();
        let of = |id: &str| {
            normalize(
                &claim(Predicate::Affiliation, Value::Text(id.into()), id),
                &entities,
            )
        };
        assert!(of("e1").fits(&of("e2")) && of("e1").same_as(&of("e2")));
    }

    #[test]
    fn a_short_form_fits_the_long_one() {
        let of = |t: &str| text(Predicate::Affiliation, t);
        assert!(of("the embassy").fits(&of("the North Korean embassy")));
        assert!(of("North Korean embassy").fits(&of("the embassy")));
        assert!(!of("the North Korean embassy").fits(&of("the South Korean embassy")));
        assert!(!of("the embassy").fits(&of("the ministry")));
    }

    #[test]
    fn times_fit_by_period() {
        assert!(times_fit("2022-05", "2022"));
        assert!(times_fit("2022", "2022-05-05"));
        assert!(times_fit("2018", "2016/2019"));
        assert!(!times_fit("2022-05", "2022-08"));
        assert!(!times_fit("2022-05-05", "2022-05-06"));
        assert!(!times_fit("2022-W45", "2022"));
        assert_eq!(
            text(Predicate::Argument(Role::Time), "2022-05"),
            Normal::Time("2022-05".into())
        );
    }

    #[test]
    fn numbers_fit_by_precision() {
        assert!(number(47.0, "47").fits(&number(47.0, "47-year-old")));
        assert!(!number(47.0, "47").fits(&number(48.0, "48")));
        assert!(number(200.0, "about 200").fits(&number(188.0, "188")));
        assert!(!number(200.0, "about 200").fits(&number(150.0, "150")));
        assert!(number(180.0, "more than 180").fits(&number(188.0, "188")));
        assert!(!number(180.0, "more than 180").fits(&number(150.0, "150")));
        assert_eq!(number(180.0, "more than 180").key(), ">180");
        assert_eq!(number(196.0, "some 196").key(), number(196.0, "196").key());
    }

    #[test]
    fn numbers_are_intervals() {
        assert!(number(20.0, "at least 20").fits(&number(25.0, "25")));
        assert_ne!(number(20.0, "at least 20").key(), number(25.0, "25").key());
        assert!(!number(22.0, "at least 22").fits(&number(10.0, "10")));
        assert!(!number(22.0, "22").fits(&number(10.0, "10")));
        assert!(number(200.0, "up to 200").fits(&number(150.0, "150")));
        assert!(!number(200.0, "up to 200").fits(&number(213.0, "213")));
        assert!(number(100.0, "nearly 100").fits(&number(95.0, "95")));
        assert!(!number(100.0, "nearly 100").fits(&number(101.0, "101")));
        assert!(number(24.0, "dozens").fits(&number(43.0, "43")));
        assert!(!number(24.0, "dozens").fits(&number(1300.0, "1300")));
        assert!(number(200.0, "hundreds").fits(&number(213.0, "213")));
        assert!(!number(200.0, "hundreds").fits(&number(22.0, "22")));
    }

    #[test]
    fn groups_count_their_members() {
        let one = text(Predicate::Argument(Role::Companions), "wife and child");
        let many = text(Predicate::Argument(Role::Companions), "wife and children");
        let family = text(Predicate::Argument(Role::Companions), "his family");
        assert!(!one.fits(&many));
        assert!(family.fits(&one) && family.fits(&many));
        assert!(text(Predicate::Argument(Role::Companions), "wife and two sons").fits(&many));
        assert!(
            !text(Predicate::Argument(Role::Companions), "wife and two sons").fits(&text(
                Predicate::Argument(Role::Companions),
                "wife and three children"
            ))
        );
        assert_eq!(one.key(), "child:1 spouse:1");
    }

    #[test]
    fn roles_gather_synonyms_and_keep_ranks() {
        let key = |t: &str| text(Predicate::Role, t).key();
        assert_eq!(key("political adviser"), "counselor");
        assert_eq!(key("the counsellor for political affairs"), "counselor");
        assert_eq!(key("political affairs counselor"), "counselor");
        assert_eq!(
            key("a former third secretary at the embassy"),
            "third secretary"
        );
        assert_ne!(key("first secretary"), key("third secretary"));
        let role = |t: &str| text(Predicate::Role, t);
        assert!(!role("counselor").fits(&role("third secretary")));
        assert!(!role("head coach").fits(&role("assistant coach")));
        assert!(role("president").fits(&role("general manager")));
        assert!(role("adviser").fits(&role("political affairs counselor")));
        // One holding a post for the time being holds it.
        assert!(role("acting director").fits(&role("director")));
        assert!(role("interim head coach").fits(&role("head coach")));
    }
}
