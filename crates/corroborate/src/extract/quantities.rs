//! Quantities in body sentences: a number with its unit ("180 metric tons" → 180 `t`,
//! "$2.5 million" → 2500000 `USD`, "five-day" → 5 `day`), its bound ("over 45,000" →
//! `at_least`), whether it is approximate ("around ten"), the noun phrase it counts
//! ("183 foreign workers" → "foreign workers") and the time its sentence
//! gives it. Numbers that belong to a time expression (years, days of the month) are
//! left to the time stage.
//!
//! A count takes the casualty role of the nearest casualty word of its clause
//! (`data/casualty_roles.txt`): in "raids killed 6 and injured 32" 6 are killed and 32
//! injured. A part of a figure ("including 10 children") and a running total ("killed
//! since April", "the war has killed") count no happening of their own and take none,
//! nor does an age ("died at the age of 85"); a figure the words
//! give as an update ("the toll rose to 70") is marked `revised`
//! (`data/casualty_cues.txt`). A sentence denying casualties ("no one was killed",
//! "there were no casualties") gives a figure of zero for the role, to be set against
//! another outlet's toll.

use std::ops::Range;

use super::{Bound, Casualty, QuantityExpr, TimeExpr};
use crate::lexicon::PhraseTable;
use crate::lexicon::phrases::auxiliaries;
use crate::lexicon::units::{UnitKind, currency_signs, is_function_word, stop_words, unit_at};
use crate::prepare::Prepared;
use crate::prepare::words::{Number, Word, number_at, parse_digits};

/// Finds the quantities of the body sentences of `doc`, in text order, skipping the
/// numbers inside `times`.
pub(crate) fn find(doc: &Prepared, times: &[TimeExpr]) -> Vec<QuantityExpr> {
    let mut found = Vec::new();
    for sentence in doc.body_sentence_indexes() {
        let words = doc.words.sentence(sentence);
        // Times are in text order: a sentence's are found by binary search, not by
        // reading the whole document's for every sentence.
        let sentence_times: Vec<&TimeExpr> = super::in_sentence(times, sentence, |t| t.sentence)
            .iter()
            .collect();
        let in_time = |at: usize| {
            words.get(at).is_some_and(|w| {
                sentence_times
                    .iter()
                    .any(|t| t.span.start < w.span.end && w.span.start < t.span.end)
            })
        };
        let first = found.len();
        let mut at = 0;
        // Word ranges of the quantities read, by index into `found`.
        let mut extents = Vec::new();
        // The next word where a number may open, at or after `at`. A quantity opens at
        // most `lead` words before its number ("between", a qualifier, a currency
        // sign), so the words farther before it are passed over without the table
        // look-ups `read_quantity` makes, which found nothing at most words.
        let lead = qualifiers().longest() + 2;
        let mut opener = 0;
        while at < words.len() {
            opener = (opener.max(at)..words.len())
                .find(|&k| may_open_number(&words[k]))
                .unwrap_or(words.len());
            if opener == words.len() {
                break;
            }
            at = at.max(opener.saturating_sub(lead));
            match read_quantity(words, at, &in_time) {
                Some(read) => {
                    for _ in &read.quantities {
                        extents.push(at..read.end);
                    }
                    at = read.end;
                    found.extend(read.quantities.into_iter().map(|mut q| {
                        q.sentence = sentence;
                        q.time = nearest_time(&sentence_times, &q.span);
                        q
                    }));
                }
                None => at += 1,
            }
        }
        casualty_roles(words, &extents, &mut found[first..]);
        borrow_parallel_counted(words, &extents, &mut found[first..]);
        let denied = denials(words);
        if !denied.is_empty() {
            found.extend(denied.into_iter().map(|(span, role)| QuantityExpr {
                span,
                sentence,
                value: 0.0,
                unit: None,
                approximate: false,
                bound: None,
                counted: None,
                counted_span: None,
                time: None,
                role: Some(role),
                revised: false,
            }));
            found[first..].sort_by_key(|q| q.span.start);
        }
    }
    found
}

/// The farthest a casualty word may stand after the "no" that denies it, in words: "no
/// one was killed", "no immediate reports of casualties".
const DENIAL_REACH: usize = 5;

/// The casualties a sentence denies, as the byte range from the denying word to the
/// casualty word, with the role: "no one was killed", "nobody was hurt", "there were
/// no casualties" (taken for the dead), "no injuries were reported". A zero figure,
/// so that it conflicts with another outlet's toll.
fn denials(words: &[Word]) -> Vec<(Range<usize>, Casualty)> {
    let word = |k: usize| words.get(k).map(|w| w.low.as_str());
    let mut found = Vec::new();
    for (at, opener) in words.iter().enumerate() {
        if !matches!(opener.low.as_str(), "no" | "nobody" | "none") {
            continue;
        }
        let mut k = at + 1;
        while k < words.len().min(at + 1 + DENIAL_REACH) {
            if matches!(word(k), Some("casualties" | "casualty")) {
                found.push((opener.span.start..words[k].span.end, Casualty::Killed));
                break;
            }
            if let Some((Some(role), len)) = casualty_words().longest_at(k, word) {
                found.push((opener.span.start..words[k + len - 1].span.end, *role));
                break;
            }
            // Only the words of a denied casualty stand between
            // (`data/denial_words.txt`).
            let between = word(k).is_some_and(|w| denial_words().contains(w));
            if !between {
                break;
            }
            k += 1;
        }
    }
    found
}

/// A qualifier before a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qualifier {
    Bound(Bound),
    Approximate,
}

crate::lexicon::lazy! {
    /// The qualifier phrases (`data/quantity_words.txt`).
    fn qualifiers() -> PhraseTable<Qualifier> = PhraseTable::new(
        crate::lexicon::fields(include_str!("../../data/quantity_words.txt")).filter_map(|f| {
            let kind = match *f.get(1)? {
                "at_least" => Qualifier::Bound(Bound::AtLeast),
                "at_most" => Qualifier::Bound(Bound::AtMost),
                "approximate" => Qualifier::Approximate,
                _ => return None,
            };
            Some((f[0].split(' ').collect::<Vec<_>>(), kind))
        }),
    );
}

fn qualifier_at(words: &[Word], at: usize) -> Option<(Qualifier, usize)> {
    let (kind, len) = qualifiers().longest_at(at, |k| words.get(k).map(|w| w.low.as_str()))?;
    Some((*kind, len))
}

crate::lexicon::lazy! {
    fn irregular_plurals() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/plural_nouns.txt")).collect();
}

crate::lexicon::lazy! {
    /// Words before "one" that make it a pronoun (`data/one_pronoun_openers.txt`).
    fn one_pronoun_openers() -> crate::lexicon::Set = {
        crate::lexicon::lines(include_str!("../../data/one_pronoun_openers.txt")).collect()
    };
}

crate::lexicon::lazy! {
    /// Determiners after "of" in a count of part of a group (`data/counted_determiners.txt`).
    fn counted_determiners() -> crate::lexicon::Set = {
        crate::lexicon::lines(include_str!("../../data/counted_determiners.txt")).collect()
    };
}

/// The quantities read at one position and the word after them.
struct Read {
    quantities: Vec<QuantityExpr>,
    end: usize,
}

/// One number with what surrounds it, before the counted noun is found.
struct Parsed {
    start: usize,
    end: usize,
    value: f64,
    unit: Option<&'static str>,
    kind: Option<UnitKind>,
    approximate: bool,
    bound: Option<Bound>,
}

/// Reads the quantity (or the two ends of a range) starting at word `at`.
fn read_quantity(words: &[Word], at: usize, in_time: &dyn Fn(usize) -> bool) -> Option<Read> {
    if words[at].low == "between" {
        if let Some(read) = read_range(words, at, in_time) {
            return Some(read);
        }
    }
    let parsed = one_life(words, at).or_else(|| parse_one(words, at, in_time))?;
    let (counted, counted_span, end) = counted_after(words, &parsed);
    Some(Read {
        quantities: vec![expr(words, &parsed, counted, counted_span)],
        end,
    })
}

/// "claimed the life of a woman": the "a" after a casualty phrase of one life counts
/// one victim.
fn one_life(words: &[Word], at: usize) -> Option<Parsed> {
    let one = matches!(words[at].low.as_str(), "a" | "an")
        && at >= 2
        && words[at - 2].low == "life"
        && words[at - 1].low == "of";
    let named = one
        && (at.saturating_sub(5)..at).any(|k| {
            casualty_words()
                .longest_at(k, |i| words.get(i).map(|w| w.low.as_str()))
                .is_some_and(|(role, len)| *role == Some(Casualty::Killed) && k + len == at)
        });
    named.then_some(Parsed {
        start: at,
        end: at + 1,
        value: 1.0,
        unit: None,
        kind: None,
        approximate: false,
        bound: None,
    })
}

/// "between 10 and 20 people": two bounds sharing the unit and the counted noun.
fn read_range(words: &[Word], at: usize, in_time: &dyn Fn(usize) -> bool) -> Option<Read> {
    let mut low = parse_one(words, at + 1, in_time)?;
    if words.get(low.end)?.low != "and" {
        return None;
    }
    let mut high = parse_one(words, low.end + 1, in_time)?;
    if low.unit.is_none() {
        (low.unit, low.kind) = (high.unit, high.kind);
    }
    low.start = at;
    low.bound = Some(Bound::AtLeast);
    high.bound = Some(Bound::AtMost);
    let (counted, counted_span, end) = counted_after(words, &high);
    Some(Read {
        quantities: vec![
            expr(words, &low, counted.clone(), counted_span.clone()),
            expr(words, &high, counted, counted_span),
        ],
        end,
    })
}

fn expr(
    words: &[Word],
    parsed: &Parsed,
    counted: Option<String>,
    counted_span: Option<Range<usize>>,
) -> QuantityExpr {
    QuantityExpr {
        span: words[parsed.start].span.start..words[parsed.end - 1].span.end,
        sentence: 0,
        value: parsed.value,
        unit: parsed.unit.map(str::to_string),
        approximate: parsed.approximate,
        bound: parsed.bound,
        counted,
        counted_span,
        time: None,
        role: None,
        revised: false,
    }
}

/// A number at `at` with its qualifier, currency and unit.
fn parse_one(words: &[Word], at: usize, in_time: &dyn Fn(usize) -> bool) -> Option<Parsed> {
    let (qualifier, mut i) = match qualifier_at(words, at) {
        Some((kind, len)) => (Some(kind), at + len),
        None => (None, at),
    };
    let mut unit = None;
    let mut kind = None;
    if let Some(&code) = words
        .get(i)
        .and_then(|w| currency_signs().get(w.low.as_str()))
    {
        unit = Some(code);
        kind = Some(UnitKind::Currency);
        i += 1;
    }
    if !words.get(i).is_some_and(may_open_number) || in_time(i) {
        return None;
    }
    // Whether the word before belongs to a time is asked only here, where a number
    // may open: not at every word, most of which open none.
    let after_time = i > 0 && in_time(i - 1);
    if !reads_as_count(words, i, after_time) {
        return None;
    }
    let (number, attached) = match number_at(words, i) {
        Some(number) => (number, None),
        None => hyphenated(words, i)
            .or_else(|| glued(words, i))
            .or_else(|| decade_word(words, i))?,
    };
    let mut end = i + number.words;
    if let Some((found, found_kind)) = attached {
        (unit, kind) = (Some(found), Some(found_kind));
    } else if unit.is_none() {
        if let Some((found, found_kind, len)) =
            unit_at(end, |k| words.get(k).map(|w| w.low.as_str()))
        {
            unit = Some(found);
            kind = Some(found_kind);
            end += len;
        }
    } else if let Some((_, UnitKind::Currency, len)) =
        unit_at(end, |k| words.get(k).map(|w| w.low.as_str()))
    {
        // "$5 dollars" is rare, "US$ 5 dollars" rarer; take the words all the same.
        end += len;
    }
    let mut value = number.value;
    // Decades and centuries count years: "a decade" → 10 years.
    match unit {
        Some("decade") => (value, unit) = (value * 10.0, Some("year")),
        Some("century") => (value, unit) = (value * 100.0, Some("year")),
        _ => {}
    }
    // A lone "one" is more often a pronoun ("one of them") than a count.
    if number.words == 1 && words[i].low == "one" && unit.is_none() && qualifier.is_none() {
        let next = words.get(end).map_or("", |w| w.low.as_str());
        if matches!(next, "of" | "another" | "" | "," | "." | "who" | "that") {
            return None;
        }
    }
    Some(Parsed {
        start: at,
        end,
        value,
        unit,
        kind,
        approximate: number.approximate || qualifier == Some(Qualifier::Approximate),
        bound: match qualifier {
            Some(Qualifier::Bound(bound)) => Some(bound),
            _ => None,
        },
    })
}

/// Whether a number can open at `word`: digits, a number word, "a" ("a dozen", "a
/// decade") or a hyphenated word ("two-year"). Asked first because most words are none
/// of these and the other tests read the words around.
fn may_open_number(word: &Word) -> bool {
    let low = word.low.as_str();
    low.starts_with(|c: char| c.is_ascii_digit())
        || word.is_number_word()
        || matches!(low, "a" | "an")
        || low.contains('-')
}

/// Whether the number at `at` can be a count here: not a model or route number
/// ("Boeing 737", "Route 66"), a pronoun "one" ("no one", "the one"), a part of a
/// phone number ("555 0199", "0114") or a street number ("25 Main Street", "the 400
/// block of Elm Street"). A
/// capitalized word just before that belongs to a time (`after_time`: "On Tuesday 25
/// people", as text without commas has it) or is a casualty word (a title-case
/// headline's "Strikes Kill 50"), or one before a figure of casualties ("Claim 20
/// Martyrs"), names no model.
fn reads_as_count(words: &[Word], at: usize, after_time: bool) -> bool {
    let Some(word) = words.get(at) else {
        return false;
    };
    let bare_digits = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| !w.low.is_empty() && w.low.bytes().all(|b| b.is_ascii_digit()))
    };
    let phone = bare_digits(at)
        && (word.low.len() > 1 && word.low.starts_with('0')
            || bare_digits(at + 1)
            || at.checked_sub(1).is_some_and(bare_digits));
    let street = bare_digits(at)
        && (at + 2..at + 4).any(|k| {
            words
                .get(k)
                .is_some_and(|w| street_words().contains(w.low.as_str()))
                && words[at + 1..k].iter().all(Word::capitalized)
        })
        // "the 12000 block of East 223rd Street": a police report's address.
        || bare_digits(at)
            && words.get(at + 1).is_some_and(|w| w.low == "block")
            && words.get(at + 2).is_some_and(|w| w.low == "of");
    // "2 , 000ft": thousands written apart whose last group carries its unit, a length.
    let measure_apart = bare_digits(at)
        && words.get(at + 1).is_some_and(|w| w.low == ",")
        && words.get(at + 2).is_some_and(|w| {
            let digits = w.low.bytes().take_while(u8::is_ascii_digit).count();
            digits == 3 && w.low.len() > 3
        });
    if phone || street || measure_apart {
        return false;
    }
    // "5 p.m.": a clock time.
    let clock = words
        .get(at + 1)
        .is_some_and(|w| matches!(w.low.as_str(), "a.m." | "p.m." | "am" | "pm" | "o'clock"));
    let Some(before) = at.checked_sub(1).and_then(|k| words.get(k)) else {
        return !clock;
    };
    // "No. 2", "#3": a rank.
    if clock || matches!(before.low.as_str(), "no." | "#") {
        return false;
    }
    // "AK - 47", "F - 16": a model code whose hyphen tokenized text writes apart.
    let code = at >= 2 && model_code_at(words, at - 2) == Some(3);
    if code {
        return false;
    }
    if word.low == "one" {
        return !one_pronoun_openers().contains(before.low.as_str());
    }
    let is_digits = parse_digits(&word.low).is_some();
    let casualty_at = |k: usize| {
        casualty_words()
            .longest_at(k, |k| words.get(k).map(|w| w.low.as_str()))
            .is_some_and(|(_, len)| len == 1)
    };
    // "Attacks Claim 20 Martyrs": a figure of casualties is no model number either.
    let casualty_before = casualty_at(at - 1) || casualty_at(at + 1);
    let named_before = before.capitalized()
        && !after_time
        && !casualty_before
        && before.low.chars().all(char::is_alphabetic)
        && !is_function_word(&before.low);
    !(is_digits && named_before && qualifier_at(words, at - 1).is_none())
}

crate::lexicon::lazy! {
    /// The words that end a street's name ("Main Street"): the number before is its
    /// house number.
    fn street_words() -> crate::lexicon::Set = {
        ["street", "st.", "road", "rd.", "avenue", "ave.", "boulevard", "lane", "square"]
            .into_iter()
            .collect()
    };
}

/// A number and the unit written onto it, with the unit's kind.
type Attached = (Number, Option<(&'static str, UnitKind)>);

/// "five-day", "10-year": a number and a unit of time joined by a hyphen.
fn hyphenated(words: &[Word], at: usize) -> Option<Attached> {
    let (head, tail) = words.get(at)?.low.split_once('-')?;
    let tail = tail.split('-').next().unwrap_or(tail);
    attached(head, tail).filter(|(_, unit)| unit.is_some_and(|(_, k)| k == UnitKind::Duration))
}

/// "42km", "12kg": a number with a measure's unit written onto it. A one-letter
/// tail ("5g", "3m") is more often a name or "million" than grams or metres.
fn glued(words: &[Word], at: usize) -> Option<Attached> {
    let low = words.get(at)?.low.as_str();
    let split = low.find(|c: char| c.is_ascii_alphabetic())?;
    let (head, tail) = low.split_at(split);
    if tail.len() < 2 {
        return None;
    }
    attached(head, tail).filter(|(_, unit)| unit.is_some_and(|(_, k)| k == UnitKind::Measure))
}

/// The number `head` and the unit `tail` of one word, read as one number-word.
fn attached(head: &str, tail: &str) -> Option<Attached> {
    let probe = [Word::new(0..0, head)];
    let number = number_at(&probe, 0)?;
    let (unit, kind, _) = unit_at(0, |k| (k == 0).then_some(tail))?;
    Some((Number { words: 1, ..number }, Some((unit, kind))))
}

/// "a decade", "a century": one of a long unit of time.
fn decade_word(words: &[Word], at: usize) -> Option<Attached> {
    if !matches!(words.get(at)?.low.as_str(), "a" | "an") {
        return None;
    }
    matches!(words.get(at + 1)?.low.as_str(), "decade" | "century").then_some((
        Number {
            value: 1.0,
            words: 1,
            approximate: false,
        },
        None,
    ))
}

/// The noun phrase after a parsed number ("workers", "of rice"): text, span and the
/// word after the quantity's words.
fn counted_after(words: &[Word], parsed: &Parsed) -> (Option<String>, Option<Range<usize>>, usize) {
    let mut i = parsed.end;
    let measured = matches!(
        parsed.kind,
        Some(UnitKind::Measure | UnitKind::Currency | UnitKind::Percent)
    );
    if parsed.kind == Some(UnitKind::Duration) {
        return (None, None, parsed.end);
    }
    if words.get(i).is_some_and(|w| w.low == "of") {
        i += 1;
        // "10 of the workers".
        if words
            .get(i)
            .is_some_and(|w| counted_determiners().contains(w.low.as_str()))
        {
            i += 1;
        }
    } else if measured {
        return (None, None, parsed.end);
    }
    let start = i;
    let mut run_end = i;
    while run_end < words.len() && run_end - start < 5 {
        if let Some(len) = model_code_at(words, run_end) {
            // "six AK 47 rifles": the code names the kind of thing counted.
            run_end += len;
        } else if is_noun_like(&words[run_end]) {
            run_end += 1;
        } else {
            break;
        }
    }
    if run_end == start {
        return (None, None, parsed.end);
    }
    // End the phrase at its last plural noun (a count above one counts a plural).
    let end = if parsed.value == 1.0 || measured {
        Some(run_end)
    } else {
        (start..run_end)
            .rev()
            .find(|&k| is_plural(&words[k]))
            .map(|k| k + 1)
    };
    let Some(end) = end else {
        // "12 Tarskan and 11 Harrani nationals": the modifiers count the noun the next
        // count of the coordination ends with.
        if let Some(head) = shared_head(words, run_end) {
            let modifiers = words[start..run_end].iter().map(|w| w.low.as_str());
            let text = modifiers.chain([head]).collect::<Vec<_>>().join(" ");
            let span = words[start].span.start..words[run_end - 1].span.end;
            return (Some(text), Some(span), run_end);
        }
        // "70 regime and rebel fighters": two modifiers coordinated before one plural
        // noun.
        let coordinated = (run_end == start + 1)
            .then(|| coordination_end(words, run_end))
            .flatten();
        if let Some(end) = coordinated {
            let text = words[start..end]
                .iter()
                .map(|w| w.low.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let span = words[start].span.start..words[end - 1].span.end;
            return (Some(text), Some(span), end);
        }
        return (None, None, parsed.end);
    };
    // "AK - 47 rifles" and "AK 47 rifles" count one kind of thing.
    let text = words[start..end]
        .iter()
        .filter(|w| w.low != "-")
        .map(|w| w.low.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let span = words[start].span.start..words[end - 1].span.end;
    (Some(text), Some(span), end)
}

/// The plural noun a count coordinated at `and` ends with ("and 11 Harrani nationals"),
/// which the count before it shares.
fn shared_head(words: &[Word], and: usize) -> Option<&str> {
    if words.get(and)?.low != "and" {
        return None;
    }
    let number = number_at(words, and + 1)?;
    let start = and + 1 + number.words;
    let run = words[start.min(words.len())..]
        .iter()
        .take(4)
        .take_while(|w| is_noun_like(w));
    run.last().filter(|w| is_plural(w)).map(|w| w.low.as_str())
}

/// Where a modifier coordinated at `and` ends with the plural noun it shares with the
/// modifier before `and` ("and rebel fighters" in "70 regime and rebel fighters"): the
/// index after the noun. No count may open it (see [`shared_head`]), and a verb's
/// "-ing" form opens another clause ("24 more and damaging several villages").
fn coordination_end(words: &[Word], and: usize) -> Option<usize> {
    if words.get(and)?.low != "and" || number_at(words, and + 1).is_some() {
        return None;
    }
    let modifier = words.get(and + 1)?;
    let noun = words.get(and + 2)?;
    let fits = |w: &Word| is_noun_like(w) && !w.low.ends_with("ing");
    (fits(modifier) && fits(noun) && is_plural(noun)).then_some(and + 3)
}

/// The number of words of a model code at `at` ("AK 47", "AK - 47", "F - 16"): up to
/// three capital letters, then digits written apart or after a hyphen written apart.
fn model_code_at(words: &[Word], at: usize) -> Option<usize> {
    let letters = words.get(at)?.raw();
    if !(1..=3).contains(&letters.len()) || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let digits = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| !w.low.is_empty() && w.low.bytes().all(|b| b.is_ascii_digit()))
    };
    if digits(at + 1) {
        Some(2)
    } else {
        (words.get(at + 1).is_some_and(|w| w.low == "-") && digits(at + 2)).then_some(3)
    }
}

fn is_noun_like(word: &Word) -> bool {
    word.low.chars().next().is_some_and(char::is_alphabetic)
        && word
            .low
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !stop_words().contains(word.low.as_str())
        && !(word.low.len() >= 5 && word.low.ends_with("ed") && !word.capitalized())
}

fn is_plural(word: &Word) -> bool {
    irregular_plurals().contains(word.low.as_str())
        || (word.low.len() > 3 && word.low.ends_with('s') && !word.low.ends_with("ss"))
}

/// The farthest a casualty word may stand from the count it names, in words.
const CASUALTY_REACH: usize = 6;

/// What a word before or after a casualty figure says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// An update of an earlier figure ("rose to").
    Revised,
    /// A part of a figure given before ("including").
    Part,
    /// A running total over a period ("since").
    Total,
    /// The age someone died at ("died at the age of 85"), no count of the dead.
    Age,
}

crate::lexicon::lazy! {
    /// The casualty words (`data/casualty_roles.txt`), and the phrases that hold one
    /// without counting a casualty ("death sentence": role `none`).
    fn casualty_words() -> PhraseTable<Option<Casualty>> = PhraseTable::new(
        crate::lexicon::fields(include_str!("../../data/casualty_roles.txt")).filter_map(|f| {
            let role = match *f.get(1)? {
                "killed" => Some(Casualty::Killed),
                "injured" => Some(Casualty::Injured),
                "missing" => Some(Casualty::Missing),
                "arrested" => Some(Casualty::Arrested),
                "displaced" => Some(Casualty::Displaced),
                "none" => None,
                _ => return None,
            };
            Some((f[0].split(' ').collect::<Vec<_>>(), role))
        }),
    );
}

crate::lexicon::lazy! {
    /// The words that tell a kind of casualty figure (`data/casualty_cues.txt`).
    fn casualty_cues() -> PhraseTable<Cue> = PhraseTable::new(
        crate::lexicon::fields(include_str!("../../data/casualty_cues.txt")).filter_map(|f| {
            let cue = match *f.get(1)? {
                "revised" => Cue::Revised,
                "part" => Cue::Part,
                "total" => Cue::Total,
                "age" => Cue::Age,
                _ => return None,
            };
            Some((f[0].split(' ').collect::<Vec<_>>(), cue))
        }),
    );
}

/// Whether a word ends a clause: a casualty word past it names another count.
fn ends_clause(word: &Word) -> bool {
    matches!(
        word.low.as_str(),
        ";" | ":" | "." | "(" | ")" | "but" | "while" | "whereas"
    )
}

/// Sets the casualty role of each bare count of a sentence, whose words `words`
/// hold each of `quantities` at the word range of the same index in `extents`: the role
/// of the nearest casualty word of its clause, a casualty word before the count
/// passing over no other count ("killed 6 and injured 32": the 32 are injured).
/// A tie goes to the word before. Parts and running totals take no role.
fn casualty_roles(words: &[Word], extents: &[Range<usize>], quantities: &mut [QuantityExpr]) {
    // Most sentences have no count: their casualty words, looked up at every word, would
    // give a role to none.
    if quantities.is_empty() {
        return;
    }
    let word = |k: usize| words.get(k).map(|w| w.low.as_str());
    let mut cues = Vec::new();
    let mut k = 0;
    while k < words.len() {
        match casualty_words().longest_at(k, word) {
            Some((role, len)) => {
                if let Some(role) = role.filter(|_| !intended(words, k)) {
                    cues.push((k..k + len, role));
                }
                k += len;
            }
            None => k += 1,
        }
    }
    if cues.is_empty() {
        return;
    }
    // A part right after its whole ("Fifteen civilians among them 11 children were
    // killed") stands inside the whole's clause: the whole reaches its casualty word
    // across it.
    let part_of_previous: Vec<bool> = extents
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let Some(whole) = i.checked_sub(1).map(|p| &extents[p]) else {
                return false;
            };
            whole.end < e.start
                && casualty_cues().longest_at(whole.end, word)
                    == Some((&Cue::Part, e.start - whole.end))
        })
        .collect();
    for (index, (quantity, extent)) in quantities.iter_mut().zip(extents).enumerate() {
        if quantity.unit.is_some() {
            continue;
        }
        // A casualty word across "and" most often heads another clause.
        let gap = |range: Range<usize>| {
            range.len() + usize::from(words[range].iter().any(|w| w.low == "and"))
        };
        let clear = |range: Range<usize>| {
            !words[range.clone()].iter().any(ends_clause)
                && !extents.iter().enumerate().any(|(other, e)| {
                    other != index
                        && !(other == index + 1 && part_of_previous[other])
                        && range.start <= e.start
                        && e.end <= range.end
                })
        };
        let told = cue_told(words, extent, &cues);
        let own = own_casualty(words, extents, told).map(|role| (0, false, role));
        let nearest = own.or_else(|| {
            cues.iter()
                .filter_map(|(cue, role)| {
                    let distance = if cue.end <= extent.start {
                        clear(cue.end..extent.start).then(|| gap(cue.end..extent.start))?
                    } else if cue.start >= extent.end
                        && !opens_result_clause(words, cue.start)
                        && !counts_other_victims(words, cue)
                    {
                        clear(extent.end..cue.start)
                            .then(|| gap_before_verb(words, extent.end..cue.start))?
                    } else if cue.start > extent.start && cue.end == extent.end {
                        // The counted phrase's head names the casualty: "the four murder
                        // victims".
                        0
                    } else {
                        return None;
                    };
                    Some((distance, cue.start > extent.start, *role))
                })
                .min()
        });
        let before = cue_before(words, extent.start);
        // An update reaches back to the figure it updates: "the death toll from the
        // strike on the market rose to 19".
        let reach = if before == Some(Cue::Revised) {
            usize::MAX
        } else {
            CASUALTY_REACH
        };
        let Some((_, _, role)) = nearest.filter(|(distance, _, _)| *distance <= reach) else {
            continue;
        };
        let after = cue_after(words, extent.end);
        if counts_no_casualty(words, extent, quantity)
            || counts_two_roles(words, told, &cues)
            || matches!(before, Some(Cue::Part | Cue::Total | Cue::Age))
            || matches!(after, Some(Cue::Part | Cue::Total))
        {
            continue;
        }
        quantity.role = Some(role);
        quantity.revised = before == Some(Cue::Revised);
    }
    share_roles_across_and(words, extents, quantities);
}

/// The role of the casualty word a count is the subject of: the word right after its
/// counted phrase or after auxiliaries ("13 civilians killed", "25 were wounded", "10
/// others have been injured"), a participle or adjective telling what befell them. In
/// a headline's "Seven killed 37 others injured" the 37 are injured, though "killed"
/// stands as near before them. An "-ing" form or an active verb taking a count of its
/// own tells nothing of the count before it: in "killing 8 persons injuring 55" and
/// "killed 20 people injured 50" the 8 and the 20 are killed.
fn own_casualty(words: &[Word], extents: &[Range<usize>], told: Option<Told>) -> Option<Casualty> {
    let (cue, role, passive) = told?;
    let takes_a_count = extents.iter().any(|e| e.start == cue.end);
    let telling = passive || !takes_a_count && !counts_other_victims(words, cue);
    (!words[cue.start].low.ends_with("ing") && telling).then_some(*role)
}

/// A casualty word told of a count (see [`cue_told`]): its words, its role and whether
/// it is passive.
type Told<'c> = (&'c Range<usize>, &'c Casualty, bool);

/// The casualty word right after a count's phrase or after auxiliaries ("13 civilians
/// killed", "10 others have been injured"), with whether an auxiliary makes it passive.
fn cue_told<'c>(
    words: &[Word],
    extent: &Range<usize>,
    cues: &'c [(Range<usize>, Casualty)],
) -> Option<Told<'c>> {
    let mut at = extent.end;
    let mut passive = false;
    while let Some(word) = words.get(at).filter(|w| auxiliaries().contains(&w.low)) {
        passive |= super::syntax::is_passive_auxiliary(&word.low);
        at += 1;
    }
    let (cue, role) = cues.iter().find(|(cue, _)| cue.start == at)?;
    Some((cue, role, passive))
}

/// Whether the casualty words told of a count join two roles ("the two victims killed
/// and injured", "dozens killed or wounded"): the count is of both together, a figure
/// of neither.
fn counts_two_roles(words: &[Word], told: Option<Told>, cues: &[(Range<usize>, Casualty)]) -> bool {
    told.is_some_and(|(cue, role, _)| {
        matches!(
            words.get(cue.end).map(|w| w.low.as_str()),
            Some("and" | "or")
        ) && cues
            .iter()
            .any(|(other, other_role)| other.start == cue.end + 1 && other_role != role)
    })
}

/// Whether the casualty word at `at` tells no happening: an aim, as a bare infinitive
/// ("conspired to kill three others") or the end of one ("voted to put Rask to death",
/// "arranged to have two witnesses killed"); a possibility after a modal ("knowing they
/// would kill", "could have died"); or a verb whose own object names its victim ("six
/// officers, knowing they would kill him": the six are not killed).
fn intended(words: &[Word], at: usize) -> bool {
    let word = |k: usize| words.get(k).map_or("", |w| w.low.as_str());
    let before = |back: usize| at.checked_sub(back).map_or("", word);
    let bare_infinitive = before(1) == "to" && matches!(word(at), "kill" | "die" | "execute");
    // "to have X killed" is an aim; "said to have killed", "to have been killed" a
    // perfect infinitive that reports the happening.
    let aimed_at = (1..=AIM_REACH)
        .map_while(|back| at.checked_sub(back))
        .any(|k| {
            word(k) == "to"
                && matches!(word(k + 1), "put" | "have" | "get" | "see" | "want")
                && k + 2 != at
                && word(k + 2) != "been"
        })
        && !(1..=AIM_REACH)
            .map_while(|back| at.checked_sub(back))
            .any(|k| ends_clause(&words[k]) || word(k) == "and");
    // "May" capitalized is the month: "strikes in May killed 40".
    let modal = |back: usize| {
        at.checked_sub(back).is_some_and(|k| {
            matches!(word(k), "would" | "could" | "might" | "may" | "should")
                && !(word(k) == "may" && words[k].capitalized())
        })
    };
    let possible = modal(1)
        || matches!(before(1), "be" | "have") && modal(2)
        || before(1) == "been" && before(2) == "have" && modal(3);
    // "would kill him", "shot him dead": one victim, not the count's ("seized 12
    // hostages and killed them" counts them).
    let object = |w: &str| matches!(w, "him" | "her");
    let own_object = object(word(at + 1)) || object(before(1));
    bare_infinitive || aimed_at || possible || own_object
}

/// How far back from a casualty word an infinitive's "to" may stand and still make it
/// an aim ("arranged to have witnesses, including two girls, killed").
const AIM_REACH: usize = 12;

/// Whether the casualty word `cue`, standing after a count, names victims other than
/// the count's: an adjective before its noun ("one woman, who called herself the slain
/// teenager's cousin"), an active verb with an object of its own ("two officers shot
/// and killed a teenager": the officers are the killers) or the deed the counted are
/// charged with ("two men accused of killing", "three charged with murder";
/// `data/charge_words.txt`).
fn counts_other_victims(words: &[Word], cue: &Range<usize>) -> bool {
    let word = |k: usize| words.get(k).map_or("", |w| w.low.as_str());
    let determiner = |w: &str| matches!(w, "a" | "an" | "the" | "his" | "her" | "their" | "its");
    let before = cue.start.checked_sub(1).map_or("", word);
    let attributive = determiner(before);
    let active_with_object = cue.len() == 1
        && transitive_casualty_verbs().contains(word(cue.start))
        && !super::syntax::is_passive_auxiliary(before)
        && determiner(word(cue.end));
    let charged = matches!(before, "of" | "with" | "in")
        && cue
            .start
            .checked_sub(2)
            .is_some_and(|k| charge_words().contains(word(k)));
    attributive || active_with_object || charged
}

crate::lexicon::lazy! {
    /// `data/charge_words.txt`.
    fn charge_words() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/charge_words.txt")).collect();
}

/// The words between a count and the casualty verb after it, as [`casualty_roles`]
/// weighs them: an aside between commas ("two managers, Tom Berg and Al Sten, were
/// wounded") and the verb's passive auxiliary do not part the count from its verb, and
/// an "and" outside the aside most often heads another clause.
fn gap_before_verb(words: &[Word], range: Range<usize>) -> usize {
    let between = &words[range];
    let commas: Vec<usize> = (0..between.len())
        .filter(|&k| between[k].low == ",")
        .collect();
    // Commas pair up: an odd last one opens no aside.
    let in_aside = |k: usize| {
        commas
            .chunks_exact(2)
            .any(|pair| pair[0] <= k && k <= pair[1])
    };
    let last = between.len().saturating_sub(1);
    between
        .iter()
        .enumerate()
        .filter(|&(k, word)| {
            let auxiliary = k == last && super::syntax::is_passive_auxiliary(&word.low);
            !in_aside(k) && !auxiliary
        })
        .map(|(_, word)| 1 + usize::from(word.low == "and"))
        .sum()
}

crate::lexicon::lazy! {
    /// `data/transitive_casualty_verbs.txt`.
    fn transitive_casualty_verbs() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/transitive_casualty_verbs.txt")).collect();
}

/// Whether the casualty word at `at` opens a participle clause after a comma or a dash:
/// in "shooting three people, killing one" the clause tells what came of the three, it does
/// not count them.
fn opens_result_clause(words: &[Word], at: usize) -> bool {
    at > 0
        && matches!(
            words[at - 1].low.as_str(),
            "," | "-" | "--" | "\u{2013}" | "\u{2014}"
        )
        && words[at].low.ends_with("ing")
}

/// Whether a count beside a casualty word counts something else than its victims: an
/// age or another modifier ("a 59 - year - old woman was killed", "Ivo Rask, 40, died",
/// "died in prison at 77", "a 12 - gauge shotgun"), the
/// children of a relative ("a mother of two died", "a father to two boys") or things ("fired 13 shots",
/// "two counts of murder"; `data/counted_things.txt`).
fn counts_no_casualty(words: &[Word], extent: &Range<usize>, quantity: &QuantityExpr) -> bool {
    let word = |k: usize| words.get(k).map_or("", |w| w.low.as_str());
    let (start, end) = (extent.start, extent.end);
    let before = |back: usize| start.checked_sub(back).map_or("", word);
    let children_of =
        matches!(before(1), "of" | "to") && crate::lexicon::people::is_kin_noun(before(2));
    if let Some(counted) = &quantity.counted {
        let head = counted.rsplit(' ').next().unwrap_or_default();
        // "four prior arrests": a record of earlier happenings, not this one's figure.
        let earlier = matches!(
            counted.split(' ').next(),
            Some("prior" | "previous" | "past" | "earlier" | "former")
        );
        return children_of || earlier || counted_things().contains(head);
    }
    // "a 12 - gauge shotgun", "a 59 - year - old": a number joined by a hyphen written
    // apart (as tokenized text has it) modifies a noun; "59 years old" is an age.
    let compound = word(end) == "-"
        || matches!(word(end), "year" | "years") && word(end + 1) == "old"
        || word(end).starts_with("-year");
    // "Rask, 40, ..." or "(40)": an age in apposition to a name or a person noun; so
    // are two ages listed ("his two half-brothers, 17 and 22, were arrested").
    let is_number = |k: usize| parse_digits(word(k)).is_some();
    let (start, end) = (
        if start >= 2 && before(1) == "and" && is_number(start - 2) {
            start - 2
        } else {
            start
        },
        if word(end) == "and" && is_number(end + 1) {
            end + 2
        } else {
            end
        },
    );
    let before = |back: usize| start.checked_sub(back).map_or("", word);
    let person = |noun: &str| {
        let singular = noun.strip_suffix('s').unwrap_or(noun);
        [noun, singular].into_iter().any(|n| {
            crate::lexicon::people::is_person_noun(n) || crate::lexicon::people::is_kin_noun(n)
        })
    };
    // "Lind and Rask, both 51, died": the ages of those listed before.
    let shared = usize::from(matches!(before(1), "both" | "each" | "all"));
    let apposition = matches!(before(1 + shared), "," | "(")
        && start >= 2 + shared
        && (words[start - 2 - shared].capitalized() || person(before(2 + shared)))
        && matches!(word(end), "," | "." | ")" | "");
    let died_at = before(1) == "at"
        && (2..6).any(|back| matches!(before(back), "die" | "dies" | "died" | "dead"));
    compound || apposition || died_at || children_of
}

crate::lexicon::lazy! {
    /// `data/denial_words.txt`.
    fn denial_words() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/denial_words.txt")).collect();
}

crate::lexicon::lazy! {
    /// `data/counted_things.txt`.
    fn counted_things() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/counted_things.txt")).collect();
}

/// A count joined by "and" to the next count shares its role when it has none of its
/// own: in "16 civilians and three children were killed" the verb after the second
/// names both (its word stands past the second count, out of the first's reach).
/// Parts and running totals stay without a role.
fn share_roles_across_and(
    words: &[Word],
    extents: &[Range<usize>],
    quantities: &mut [QuantityExpr],
) {
    for index in (0..quantities.len().saturating_sub(1)).rev() {
        let (this, next) = (&extents[index], &extents[index + 1]);
        let joined = this.end < next.start
            && words[this.end..next.start]
                .iter()
                .map(|w| w.low.as_str())
                .eq(["and"]);
        let own = &quantities[index];
        if !joined
            || own.role.is_some()
            || own.unit.is_some()
            || cue_before(words, this.start).is_some()
        {
            continue;
        }
        quantities[index].role = quantities[index + 1].role;
    }
}

/// The figure cue that ends within the few words before word `at` ("the death toll rose
/// to", "including"), none past a clause's end.
fn cue_before(words: &[Word], at: usize) -> Option<Cue> {
    let word = |k: usize| words.get(k).map(|w| w.low.as_str());
    (at.saturating_sub(5)..at)
        .rev()
        .take_while(|&k| !ends_clause(&words[k]))
        .find_map(|k| {
            let (cue, len) = casualty_cues().longest_at(k, word)?;
            // "Two medics were among at least 31 people killed": what the subject is
            // among is the whole, not a part.
            if *cue == Cue::Part
                && k.checked_sub(1)
                    .is_some_and(|b| super::syntax::is_passive_auxiliary(&words[b].low))
            {
                return None;
            }
            // A part names its whole and an age its number just before them; an update
            // or a war ("the conflict has killed more than") may stand farther back.
            let reach = if matches!(cue, Cue::Part | Cue::Age) {
                1
            } else {
                5
            };
            (k + len <= at && at - (k + len) < reach).then_some(*cue)
        })
}

/// The figure cue after word `at` in its clause: "of them" (a part) or "since" (a
/// running total).
fn cue_after(words: &[Word], at: usize) -> Option<Cue> {
    let word = |k: usize| words.get(k).map(|w| w.low.as_str());
    if word(at) == Some("of") && matches!(word(at + 1), Some("them" | "whom")) {
        return Some(Cue::Part);
    }
    (at..words.len().min(at + 8))
        .take_while(|&k| !ends_clause(&words[k]) && parse_digits(&words[k].low).is_none())
        .find_map(|k| match casualty_cues().longest_at(k, word) {
            Some((Cue::Total, _)) => Some(Cue::Total),
            _ => None,
        })
}

/// A bare count with no noun of its own takes the counted noun of a parallel count in
/// its sentence ("150 migrants last year, against 2,100 a decade ago"). A count with a
/// noun of its own that is no plural ("a two - car convoy") counts that, not the
/// other's. `extents` are the word ranges the quantities were read from.
fn borrow_parallel_counted(
    words: &[Word],
    extents: &[Range<usize>],
    quantities: &mut [QuantityExpr],
) {
    let donor = quantities
        .iter()
        .find(|q| q.unit.is_none() && q.counted.is_some())
        .map(|q| (q.counted.clone(), q.counted_span.clone()));
    let Some((counted, counted_span)) = donor else {
        return;
    };
    let own_noun = |extent: &Range<usize>| {
        words[extent.end.min(words.len())..]
            .iter()
            .find(|w| w.low != "-")
            .is_some_and(is_noun_like)
    };
    for (quantity, extent) in quantities.iter_mut().zip(extents) {
        if quantity.unit.is_none() && quantity.counted.is_none() && !own_noun(extent) {
            quantity.counted.clone_from(&counted);
            quantity.counted_span.clone_from(&counted_span);
        }
    }
}

/// The value of the time expression of the sentence nearest to `span`.
fn nearest_time(times: &[&TimeExpr], span: &Range<usize>) -> Option<String> {
    times
        .iter()
        .filter(|t| t.value.is_some())
        .min_by_key(|t| {
            if t.span.end <= span.start {
                span.start - t.span.end
            } else {
                t.span.start.saturating_sub(span.end)
            }
        })
        .and_then(|t| t.value.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::DocumentInput;

    /// The quantities of `text`, published on 2024-07-16, with the times found first.
    fn quantities(text: &str) -> Vec<QuantityExpr> {
        let input = DocumentInput::text("q", text).published("2024-07-16");
        let doc = crate::prepare::prepare(input, None).expect("prepared");
        let times = super::super::times::find(&doc);
        find(&doc, &times)
    }

    /// The single quantity of `text`.
    fn one(text: &str) -> QuantityExpr {
        let found = quantities(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().expect("one")
    }

    /// (value, unit) of the single quantity of `text`.
    fn value_unit(text: &str) -> (f64, Option<String>) {
        let q = one(text);
        (q.value, q.unit)
    }

    fn unit(code: &str) -> Option<String> {
        Some(code.to_string())
    }

    #[test]
    fn counts_with_what_they_count_and_their_time() {
        let text = "Last year, 183 South American migrants reached the port.";
        let q = one(text);
        assert_eq!(q.value, 183.0);
        assert_eq!(q.unit, None);
        assert_eq!(q.counted.as_deref(), Some("south american migrants"));
        assert_eq!(
            &text[q.counted_span.expect("span")],
            "South American migrants"
        );
        assert_eq!(&text[q.span], "183");
        assert_eq!(q.time.as_deref(), Some("2023"));
    }

    #[test]
    fn digits_separators_decimals_and_percent() {
        assert_eq!(value_unit("The town has 1,234 residents."), (1234.0, None));
        assert_eq!(
            value_unit("Output grew 2.5 percent."),
            (2.5, unit("percent"))
        );
        assert_eq!(value_unit("Output grew 1.5%."), (1.5, unit("percent")));
        assert_eq!(
            value_unit("Output grew 3% (or more)."),
            (3.0, unit("percent"))
        );
        let text = "Output grew 1.5%.";
        assert_eq!(&text[one(text).span], "1.5%");
        let q = one("Some 40 percent of voters stayed home.");
        assert_eq!(
            (q.value, q.counted.as_deref(), q.approximate),
            (40.0, Some("voters"), true)
        );
    }

    #[test]
    fn money() {
        assert_eq!(
            value_unit("He paid a fine of $123,457 last week."),
            (123457.0, unit("USD"))
        );
        assert_eq!(
            value_unit("The deal is worth $2.5 million."),
            (2_500_000.0, unit("USD"))
        );
        assert_eq!(
            value_unit("The fund holds 3 billion won."),
            (3e9, unit("KRW"))
        );
        assert_eq!(value_unit("Tickets cost €40."), (40.0, unit("EUR")));
        assert_eq!(value_unit("Tickets cost £5."), (5.0, unit("GBP")));
        assert_eq!(value_unit("Tickets cost ¥900."), (900.0, unit("JPY")));
        assert_eq!(value_unit("Tickets cost ₩5,000."), (5000.0, unit("KRW")));
    }

    #[test]
    fn units_and_durations() {
        let q = one("The ship carried 180 metric tons of rice.");
        assert_eq!(
            (q.value, q.unit.as_deref(), q.counted.as_deref()),
            (180.0, Some("t"), Some("rice"))
        );
        assert_eq!(value_unit("The border is 12 km away."), (12.0, unit("km")));
        assert_eq!(value_unit("The border is 12km away."), (12.0, unit("km")));
        // A one-letter unit written onto a number is more often something else.
        assert!(
            quantities("The 5g network opened.")
                .iter()
                .all(|q| q.unit.is_none())
        );
        assert_eq!(value_unit("The talks lasted 9 hours."), (9.0, unit("hour")));
        assert_eq!(value_unit("He began a five-day visit."), (5.0, unit("day")));
        assert_eq!(
            value_unit("He served for three years."),
            (3.0, unit("year"))
        );
        assert_eq!(value_unit("He served for a decade."), (10.0, unit("year")));
    }

    #[test]
    fn number_words() {
        assert_eq!(value_unit("Ten soldiers crossed."), (10.0, None));
        assert_eq!(value_unit("Two hundred workers struck."), (200.0, None));
        assert_eq!(value_unit("Twenty-five soldiers crossed."), (25.0, None));
        assert_eq!(value_unit("A dozen soldiers crossed."), (12.0, None));
        let q = one("Dozens of soldiers crossed.");
        assert!(q.approximate);
        assert_eq!(q.counted.as_deref(), Some("soldiers"));
        assert_eq!(one("Thousands of people fled.").value, 2000.0);
    }

    #[test]
    fn bounds_and_approximations() {
        let q = one("Over 31,000 people have voted.");
        assert_eq!(
            (q.value, q.bound, q.counted.as_deref()),
            (31000.0, Some(Bound::AtLeast), Some("people"))
        );
        assert_eq!(one("More than 50 people fled.").bound, Some(Bound::AtLeast));
        assert_eq!(one("At least 50 people fled.").bound, Some(Bound::AtLeast));
        assert_eq!(one("Fewer than 50 people fled.").bound, Some(Bound::AtMost));
        assert_eq!(
            one("The jail holds under 50 inmates.").bound,
            Some(Bound::AtMost)
        );
        let q = one("The visit lasts up to 30 days.");
        assert_eq!(
            (q.value, q.unit.as_deref(), q.bound),
            (30.0, Some("day"), Some(Bound::AtMost))
        );
        for text in [
            "Around ten sailors reached the port.",
            "About 10 sailors reached the port.",
            "Roughly 10 sailors reached the port.",
            "Nearly 10 sailors reached the port.",
            "Almost 10 sailors reached the port.",
            "Approximately 10 sailors reached the port.",
            "An estimated 10 sailors reached the port.",
        ] {
            let q = one(text);
            assert_eq!(
                (q.value, q.approximate, q.bound),
                (10.0, true, None),
                "{text}"
            );
            assert_eq!(q.counted.as_deref(), Some("sailors"), "{text}");
        }
        let q = one("Around 10 of the miners were injured.");
        assert_eq!(q.counted.as_deref(), Some("miners"));
    }

    #[test]
    fn ranges() {
        let found = quantities("Between 10 and 20 people were hurt.");
        let got: Vec<_> = found
            .iter()
            .map(|q| (q.value, q.bound, q.counted.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (10.0, Some(Bound::AtLeast), Some("people")),
                (20.0, Some(Bound::AtMost), Some("people"))
            ]
        );
    }

    #[test]
    fn parallel_counts_share_the_counted_noun() {
        let found = quantities("Last year 150 migrants arrived, down from 2,100 a decade ago.");
        let got: Vec<_> = found
            .iter()
            .map(|q| (q.value, q.counted.as_deref()))
            .collect();
        assert_eq!(got, [(150.0, Some("migrants")), (2100.0, Some("migrants"))]);
        assert_eq!(one("The count rose to 2,100.").counted, None);
        // Coordinated modifiers share the last count's noun; a count with a noun of
        // its own borrows none.
        let counted = |text: &str| -> Vec<Option<String>> {
            quantities(text).into_iter().map(|q| q.counted).collect()
        };
        assert_eq!(
            counted("They seized 12 Tarskan and 11 Harrani nationals."),
            [
                Some("tarskan nationals".into()),
                Some("harrani nationals".into())
            ]
        );
        assert_eq!(
            counted("A two - car convoy left with 26 sailors aboard."),
            [None, Some("sailors".into())]
        );
        // Two modifiers coordinated before one noun count it; a verb opens a clause.
        assert_eq!(
            counted("Some 70 Tarskan and Harrani fighters were killed."),
            [Some("tarskan and harrani fighters".into())]
        );
        assert_eq!(
            counted("The blast injured 24 more and damaging several villages."),
            [None]
        );
        // A model code names the kind of thing counted, written apart or not.
        let found = quantities("Six AK 47 rifles , 12 magazines and two F - 16 jets.");
        let got: Vec<_> = found.iter().map(|q| q.counted.as_deref()).collect();
        assert_eq!(
            got,
            [Some("ak 47 rifles"), Some("magazines"), Some("f 16 jets")]
        );
    }

    #[test]
    fn times_ages_ranks_and_names_are_not_counts() {
        assert!(quantities("On February 14, 2024, nothing happened in 1999.").is_empty());
        let found = quantities(
            "The third secretary left. No one came. Flight 370 vanished. The No. 2 met at 5 p.m.",
        );
        assert!(found.is_empty(), "{found:?}");
        assert!(quantities("They seized AK - 47 rifles and an F - 16.").is_empty());
        assert_eq!(quantities("Follow - Up - 1 Dead").len(), 1);
        let q = one("Kim, 47, left.");
        assert_eq!((q.value, q.counted.clone()), (47.0, None));
    }

    /// (value, role keyword, revised) of each quantity of `text`.
    fn roles(text: &str) -> Vec<(f64, Option<&'static str>, bool)> {
        quantities(text)
            .iter()
            .map(|q| (q.value, q.role.map(Casualty::as_str), q.revised))
            .collect()
    }

    #[test]
    fn casualty_figures_take_the_role_of_their_nearest_casualty_word() {
        assert_eq!(
            roles("Shelling killed 6 and injured 32 in the old town."),
            [(6.0, Some("killed"), false), (32.0, Some("injured"), false)]
        );
        assert_eq!(
            roles("At least 16 civilians were killed and 22 others wounded."),
            [
                (16.0, Some("killed"), false),
                (22.0, Some("injured"), false)
            ]
        );
        assert_eq!(
            roles("The blast claimed the lives of 9 people."),
            [(9.0, Some("killed"), false)]
        );
        assert_eq!(
            roles("Four men were executed and 12 remain missing."),
            [(4.0, Some("killed"), false), (12.0, Some("missing"), false)]
        );
        assert_eq!(
            roles("Police arrested 30 protesters."),
            [(30.0, Some("arrested"), false)]
        );
        assert_eq!(
            roles("The ministry said 40 tanks were delivered."),
            [(40.0, None, false)]
        );
        // Drones shot down beside a killing are no casualties.
        assert_eq!(
            roles(
                "Troops repelled an attack on Tarsk killing scores of fighters shooting down 4 \
                 drones and destroying 1 tank."
            ),
            [(4.0, None, false), (1.0, None, false)]
        );
    }

    #[test]
    fn the_accused_are_not_the_victims() {
        assert_eq!(
            roles("The two men accused of killing Ada Lind went on trial."),
            [(2.0, None, false)]
        );
        assert_eq!(
            roles("Three suspects were charged with murder in Tarsk."),
            [(3.0, None, false)]
        );
        assert_eq!(
            roles("Two men were killed in the raid."),
            [(2.0, Some("killed"), false)]
        );
    }

    #[test]
    fn a_count_of_the_killed_and_the_wounded_together_is_neither() {
        assert_eq!(
            roles("Ada Lind and two other victims were killed and injured in the shooting."),
            [(2.0, None, false)]
        );
        assert_eq!(
            roles("Dozens of people were killed or wounded."),
            [(24.0, None, false)]
        );
        assert_eq!(
            roles("Two were killed and five injured."),
            [(2.0, Some("killed"), false), (5.0, Some("injured"), false)]
        );
    }

    #[test]
    fn a_count_takes_the_casualty_word_it_is_the_subject_of() {
        // Headlines written without commas: each count with the participle after it.
        assert_eq!(
            roles("Seven killed 37 others injured in rocket attacks on the city."),
            [(7.0, Some("killed"), false), (37.0, Some("injured"), false)]
        );
        assert_eq!(
            roles("Civilian killed 3 injured in shelling of the old town."),
            [(3.0, Some("injured"), false)]
        );
        assert_eq!(
            roles("Two people have been killed and 10 other people have been injured."),
            [(2.0, Some("killed"), false), (10.0, Some("injured"), false)]
        );
        assert_eq!(
            roles("At least 14 people were killed 25 were wounded in the blast."),
            [
                (14.0, Some("killed"), false),
                (25.0, Some("injured"), false)
            ]
        );
        // An active verb or an "-ing" form after a count takes the count after it.
        assert_eq!(
            roles("The shells hit the market killing 8 persons injuring 55 others."),
            [(8.0, Some("killed"), false), (55.0, Some("injured"), false)]
        );
        assert_eq!(
            roles("The raid killed 20 people injured 50 and destroyed a school."),
            [
                (20.0, Some("killed"), false),
                (50.0, Some("injured"), false)
            ]
        );
    }

    #[test]
    fn ages_listed_in_apposition_are_no_count() {
        assert_eq!(
            roles("His two half - brothers , 17 and 22 , were also arrested ."),
            [(2.0, None, false), (17.0, None, false), (22.0, None, false)]
        );
    }

    #[test]
    fn a_whole_reaches_its_casualty_word_across_its_part() {
        assert_eq!(
            roles("Fifteen civilians among them 11 children were killed in the raid."),
            [(15.0, Some("killed"), false), (11.0, None, false)]
        );
        // "among" before a whole that the part is among is no part after its whole.
        assert_eq!(
            roles("Two medics were among at least 31 people killed on Saturday."),
            [(2.0, None, false), (31.0, Some("killed"), false)]
        );
    }

    #[test]
    fn updates_parts_and_running_totals() {
        assert_eq!(
            roles("The death toll from the attack rose to 70 on Sunday."),
            [(70.0, Some("killed"), true)]
        );
        assert_eq!(
            roles("Raids killed 31 civilians including 10 children."),
            [(31.0, Some("killed"), false), (10.0, None, false)]
        );
        assert_eq!(
            roles("More than 300 civilians have been killed in the city since April."),
            [(300.0, None, false)]
        );
        assert_eq!(
            roles("The conflict has killed more than 280000 people."),
            [(280000.0, None, false)]
        );
    }

    #[test]
    fn title_case_headlines_keep_their_casualty_figures() {
        assert_eq!(
            roles("Air Strikes Kill 40 in Northern Town"),
            [(40.0, Some("killed"), false)]
        );
        assert_eq!(
            roles("Shelling of Market Killing 12 Civilians"),
            [(12.0, Some("killed"), false)]
        );
        // A figure of casualties after a capitalized word is a count too.
        assert_eq!(
            roles("Tarsk Attacks Claim 20 Martyrs"),
            [(20.0, Some("killed"), false)]
        );
        // A capitalized word that is no casualty word still names a model.
        assert!(quantities("Boeing 737 Lands Safely").is_empty());
    }

    #[test]
    fn a_life_claimed_is_one_victim() {
        assert_eq!(
            roles("The shell claimed the life of a porter and injured two guards."),
            [(1.0, Some("killed"), false), (2.0, Some("injured"), false)]
        );
        // A life of no casualty phrase counts nothing.
        assert!(quantities("She wrote about the life of a porter.").is_empty());
    }

    #[test]
    fn a_count_takes_its_own_passive_verb_past_an_aside() {
        assert_eq!(
            roles("The clerk was shot dead and two managers, Tom Berg and Al Sten, were wounded."),
            [(2.0, Some("injured"), false)]
        );
        assert_eq!(
            roles("Five people, police said, were killed."),
            [(5.0, Some("killed"), false)]
        );
    }

    #[test]
    fn counts_joined_by_and_share_the_verb_after_them() {
        assert_eq!(
            roles("At least 16 civilians and three children have been killed in raids."),
            [(16.0, Some("killed"), false), (3.0, Some("killed"), false)]
        );
        assert_eq!(
            roles("Raids killed 31 civilians including 10 children and 4 women."),
            [
                (31.0, Some("killed"), false),
                (10.0, None, false),
                (4.0, None, false)
            ]
        );
    }

    #[test]
    fn an_update_told_in_the_present_tense() {
        assert_eq!(
            roles("Death toll from the shelling of the old market rises to 14."),
            [(14.0, Some("killed"), true)]
        );
    }

    #[test]
    fn a_death_penalty_counts_no_dead() {
        assert_eq!(
            roles("He was spared the death penalty by three jurors."),
            [(3.0, None, false)]
        );
        assert_eq!(
            roles("Three men on death row were executed."),
            [(3.0, Some("killed"), false)]
        );
    }

    #[test]
    fn the_age_someone_died_at_counts_no_dead() {
        assert_eq!(
            roles("The singer died at the age of 78 in her home."),
            [(78.0, None, false)]
        );
        assert_eq!(roles("Ruiz died aged 64."), [(64.0, None, false)]);
        assert_eq!(
            roles("Ada Lind and Ivo Rask, both 51, died at the scene."),
            [(51.0, None, false)]
        );
        assert_eq!(
            roles("Two people died in the fire."),
            [(2.0, Some("killed"), false)]
        );
    }

    #[test]
    fn ages_children_and_things_beside_a_casualty_word_count_no_casualty() {
        let none = |text: &str| {
            let found = roles(text);
            assert!(
                !found.is_empty() && found.iter().all(|&(_, role, _)| role.is_none()),
                "{text}: {found:?}"
            );
        };
        none("A 59 - year - old woman was killed in the crash.");
        none("A 59-year-old woman was killed in the crash.");
        none("The man was 59 years old when he died.");
        none("Ivo Rask, 40, was killed on Friday.");
        none("The old boxer dies at 77");
        none("The old boxer died in his sleep at 77.");
        none("A mother of two died in the fire.");
        none("A father of two sons was killed.");
        none("Rask fired 13 shots, killing a guard.");
        none("He faces two counts of murder.");
        none("Officers found a 12 - gauge shotgun after the killing.");
        // The figures of the dead beside them keep their role, and a counted phrase
        // may name the casualty itself.
        assert_eq!(
            roles("Relatives of the four murder victims spoke."),
            [(4.0, Some("killed"), false)]
        );
        assert_eq!(
            roles("Ivo Rask, 40, and 3 others were killed."),
            [(40.0, None, false), (3.0, Some("killed"), false)]
        );
        // A relative's children, a record of earlier happenings, a length.
        assert_eq!(
            roles("The father to two boys died at once."),
            [(2.0, None, false)]
        );
        assert_eq!(
            roles("Rask, who was arrested, has four prior arrests."),
            [(4.0, None, false)]
        );
        assert!(
            roles("A climber was killed after falling around 2 , 000ft.")
                .iter()
                .all(|r| r.1.is_none())
        );
        // "When one is killed": anyone, no count.
        assert!(roles("When one is killed, all of us lose.").is_empty());
    }

    #[test]
    fn a_denied_casualty_is_a_figure_of_zero() {
        for text in [
            "No one was killed in the blast.",
            "Nobody was hurt.",
            "There were no casualties, police said.",
            "No injuries were reported.",
        ] {
            let found = roles(text);
            assert!(
                matches!(found[..], [(0.0, Some(_), false)]),
                "{text}: {found:?}"
            );
        }
        assert_eq!(roles("No injuries were reported.")[0].1, Some("injured"));
        // Any word but those of a denied casualty ends the search: a bound ("no more
        // than"), "no longer", a denial of something else.
        assert_eq!(
            roles("No more than 10 people were killed."),
            [(10.0, Some("killed"), false)]
        );
        assert!(roles("He no longer fears death.").is_empty());
        assert!(roles("No evidence ties him to the killing.").is_empty());
    }

    #[test]
    fn an_aim_or_a_result_clause_is_no_count_of_its_victims() {
        assert_eq!(
            roles("He conspired to kill three others."),
            [(3.0, None, false)]
        );
        assert_eq!(
            roles("The nine jurors voted to put Rask to death."),
            [(9.0, None, false)]
        );
        assert_eq!(
            roles("He arranged to have witnesses, including two girls, killed."),
            [(2.0, None, false)]
        );
        // A perfect infinitive reports the happening.
        assert_eq!(
            roles("Rebels are said to have killed 5 people."),
            [(5.0, Some("killed"), false)]
        );
        assert_eq!(
            roles("Three soldiers are reported to have been killed."),
            [(3.0, Some("killed"), false)]
        );
        // "Them" are the count's own people.
        assert_eq!(
            roles("Gunmen seized 12 hostages and killed them."),
            [(12.0, Some("killed"), false)]
        );
        // A possibility, and a verb whose own object is its victim.
        assert_eq!(roles("Two guards could have died."), [(2.0, None, false)]);
        assert_eq!(
            roles("The strikes in May killed 40 people."),
            [(40.0, Some("killed"), false)]
        );
        assert_eq!(
            roles("He aimed at six officers, knowing they would kill him."),
            [(6.0, None, false)]
        );
        assert_eq!(
            roles("Three gunmen shot him dead on Monday."),
            [(3.0, None, false)]
        );
        // The killers, and someone beside an adjective, are not the victims.
        assert_eq!(
            roles("Two officers shot and killed a teenager on Saturday."),
            [(2.0, None, false)]
        );
        assert_eq!(
            roles("One woman, who said she was the slain man's cousin, spoke."),
            [(1.0, None, false)]
        );
        assert_eq!(
            roles("Five people were killed the day before."),
            [(5.0, Some("killed"), false)]
        );
        assert_eq!(
            roles("A gunman shot five people, killing two."),
            [(5.0, None, false), (2.0, Some("killed"), false)]
        );
        assert_eq!(
            roles("The quake killed 612 people and injured more than 1 , 400."),
            [
                (612.0, Some("killed"), false),
                (1400.0, Some("injured"), false)
            ]
        );
    }

    #[test]
    fn text_without_commas_keeps_its_numbers_and_dates() {
        let found = quantities("On Tuesday 25 people were killed in the town the monitor said.");
        let got: Vec<_> = found.iter().map(|q| (q.value, q.role)).collect();
        assert_eq!(got, [(25.0, Some(Casualty::Killed))]);
        assert_eq!(found[0].time.as_deref(), Some("2024-07-16"));
        let found = quantities("The strike killed 1300 people in 2013 the opposition said.");
        let got: Vec<_> = found.iter().map(|q| (q.value, q.role)).collect();
        assert_eq!(got, [(1300.0, Some(Casualty::Killed))]);
    }

    #[test]
    fn years_phone_and_street_numbers_are_no_casualties() {
        let found = quantities(
            "The office at 25 Main Street opened in 2011. Call 555 0199 to report the dead. \
             The deputy was shot to death in the 12000 block of Elm Street.",
        );
        assert!(found.iter().all(|q| q.role.is_none()), "{found:?}");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,200}") {
            let _ = quantities(&format!("{text} over 1,000 of the 2.5% $3 twenty-five-day"));
        }
    }
}
