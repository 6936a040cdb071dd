//! Time expressions in body sentences, normalized in TimeML style against the
//! publication date: "February 14, 2024" → `2024-02-14`, "last November" → `2023-11`,
//! "on Tuesday" → the Tuesday the sentence's tense points to, "a decade ago" → `2014`,
//! "the late 1990s" → `199`, "from 2011 to 2015" → `2011/2015`, "the third quarter of
//! 2008" → `2008-Q3`, "the first half of 2008" → `2008-H1`, "fiscal 2008" → `FY2008`.
//!
//! The scanner walks each sentence's words and tries the patterns at every position,
//! longest first. Expressions without a year (months, weekdays, month and day) take it
//! from the publication date, leaning to the past or the future as the nearest tense cue
//! of the sentence says ("fled in November" vs "will visit in November").

use std::ops::Range;
use std::sync::OnceLock;

use jiff::ToSpan;
use jiff::civil::Date;

use super::TimeExpr;
use crate::lexicon::PhraseTable;
use crate::prepare::Prepared;
use crate::prepare::words::{Word, number_at};

/// Finds the time expressions of the body sentences of `doc`, in text order.
pub(crate) fn find(doc: &Prepared) -> Vec<TimeExpr> {
    let mut found = Vec::new();
    let mut reference = doc.published.map(Point::Day);
    let day_first = days_first(doc);
    for sentence in doc.body_sentence_indexes() {
        let words = doc.words.sentence(sentence);
        let mut at = 0;
        while at < words.len() {
            let scan = Scan {
                words,
                anchor: doc.published,
                reference,
                day_first,
            };
            match scan.at(at) {
                Some(hit) => {
                    let span = words[hit.words.start].span.start..words[hit.words.end - 1].span.end;
                    if let Some(point) = hit.point {
                        reference = Some(point);
                    }
                    let ends = range_ends(&doc.text[span.clone()], hit.value.as_deref());
                    found.push(TimeExpr {
                        span: span.clone(),
                        sentence,
                        value: hit.value,
                    });
                    // "from 2009 to 2011": each year is a time of its own too.
                    for (offset, year) in ends {
                        found.push(TimeExpr {
                            span: span.start + offset..span.start + offset + 4,
                            sentence,
                            value: Some(year),
                        });
                    }
                    at = hit.words.end;
                }
                None => at += 1,
            }
        }
    }
    found
}

/// The offsets in `text` of the two years a year range's `value` ("2009/2011") names,
/// with each year: empty for any other value.
fn range_ends(text: &str, value: Option<&str>) -> Vec<(usize, String)> {
    let Some((from, to)) = value.and_then(|v| v.split_once('/')) else {
        return Vec::new();
    };
    let start = text.find(from);
    let end = text.rfind(to).filter(|&e| start.is_some_and(|s| e > s));
    match (start, end) {
        (Some(start), Some(end)) => vec![(start, from.to_string()), (end, to.to_string())],
        _ => Vec::new(),
    }
}

/// How a document writes its numeric dates: whether an ambiguous "7/8/07" is the 7th
/// of August. A date whose first number cannot be a month ("25/12/2023") shows the
/// document writes the day first, one whose second cannot ("12/25/2023") the month;
/// with no such date, or both, the month comes first, as in most English-language news.
fn days_first(doc: &Prepared) -> bool {
    let (mut day_first, mut month_first) = (false, false);
    let words = doc
        .body_sentence_indexes()
        .flat_map(|sentence| doc.words.sentence(sentence));
    for word in words {
        if let Some([a, b, _]) = numeric_date_parts(&word.low) {
            day_first |= a > 12 && b <= 12;
            month_first |= b > 12 && a <= 12;
        }
    }
    day_first && !month_first
}

/// The three numbers of a numeric date "7/8/07", "25/12/2023": two of one or two
/// digits and a year of two or four, each at least 1.
fn numeric_date_parts(word: &str) -> Option<[u16; 3]> {
    // Asked of every word: most do not open with a digit.
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut parts = word.split('/');
    let mut next = |sizes: &[usize]| -> Option<u16> {
        let part = parts.next()?;
        let ok = sizes.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| part.parse().ok()).flatten()
    };
    let found = [next(&[1, 2])?, next(&[1, 2])?, next(&[2, 4])?];
    (parts.next().is_none() && found[0] > 0 && found[1] > 0).then_some(found)
}

/// A calendar word from `data/time_words.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Calendar {
    Month(i8),
    Weekday(i8),
    Season(&'static str),
    Day(i64),
}

fn calendar(word: &str) -> Option<Calendar> {
    calendar_words().get(word).copied()
}

/// The weekday (1 for Monday) a word names when it is a capitalized full weekday name.
pub(crate) fn weekday_named(word: &str) -> Option<i8> {
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    match calendar(&word.to_lowercase()) {
        Some(Calendar::Weekday(day)) => Some(day),
        _ => None,
    }
}

crate::lexicon::lazy! {
    /// The calendar's words (`data/time_words.txt`).
    fn calendar_words() -> crate::lexicon::Map<Calendar> = {
        crate::lexicon::fields(include_str!("../../data/time_words.txt"))
            .filter_map(|f| {
                let value = *f.get(2)?;
                let entry = match *f.get(1)? {
                    "month" => Calendar::Month(value.parse().ok()?),
                    "weekday" => Calendar::Weekday(value.parse().ok()?),
                    "season" => Calendar::Season(value),
                    "day" => Calendar::Day(value.parse().ok()?),
                    _ => return None,
                };
                Some((f[0], entry))
            })
            .collect()
    };
}

/// Which way a sentence points in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
}

/// The tense a word signals: listed cues (`data/tense_cues.txt`) and regular "-ed" forms.
fn word_tense(word: &str) -> Option<Tense> {
    static TABLE: OnceLock<crate::lexicon::Map<Option<Tense>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        crate::lexicon::fields(include_str!("../../data/tense_cues.txt"))
            .filter_map(|f| {
                let tense = match *f.get(1)? {
                    "past" => Some(Tense::Past),
                    "future" => Some(Tense::Future),
                    _ => None,
                };
                Some((f[0], tense))
            })
            .collect()
    });
    match table.get(word) {
        Some(&tense) => tense,
        None => (word.len() >= 5
            && word.ends_with("ed")
            && word.bytes().all(|b| b.is_ascii_lowercase()))
        .then_some(Tense::Past),
    }
}

/// Whether `word` opens a noun phrase, so that a tense cue after it ("the plan", "a
/// scheduled meeting") is a noun or an adjective, not a verb.
fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our" | "still"
    )
}

/// Whether "plan" / "plans" is a noun: as a verb it takes "to" or "on" ("plans to
/// visit", "plans on staying"); "vacation plans for the week" points nowhere.
fn is_plan_noun(word: &str, after: &str) -> bool {
    matches!(word, "plan" | "plans") && !matches!(after, "to" | "on")
}

/// "unspecified", "undisclosed", "unnamed": adjectives ending in "-ed" that no verb
/// forms, so they say nothing of the tense.
fn is_negated_participle(word: &str) -> bool {
    word.len() > 6 && word.starts_with("un") && word.ends_with("ed")
}

/// The tense of the clause around `words[span]`: the nearest cue outside the
/// expression wins. Cues after it, across a clause boundary, or reporting verbs not
/// next to it (the main clause of "…, X said") count as farther away; a participle
/// after "be" ("will be paid") is no cue. Returns the cue's distance and tense.
fn tense_near(words: &[Word], span: &Range<usize>) -> Option<(usize, Tense)> {
    let mut best: Option<(usize, Tense)> = None;
    for (k, word) in words.iter().enumerate() {
        if span.contains(&k) {
            continue;
        }
        let before = k.checked_sub(1).map_or("", |b| words[b].low.as_str());
        // "the hastily planned trip": an adverb between determiner and participle.
        let before_adverb = k
            .checked_sub(2)
            .filter(|_| before.len() > 4 && before.ends_with("ly"))
            .map_or("", |b| words[b].low.as_str());
        // "is going to", "talks set to resume", "an event to be held on …" look ahead.
        let after = words.get(k + 1).map_or("", |w| w.low.as_str());
        let ahead = (matches!(word.low.as_str(), "going" | "set") && after == "to")
            || (word.low == "be" && before == "to");
        // "were planning to march on Saturday", "was scheduled for Friday": the
        // auxiliary dates the plan, the plan points ahead, so the participle decides.
        let auxiliary_of_plan = matches!(word.low.as_str(), "was" | "were" | "had")
            && word_tense(after) == Some(Tense::Future);
        let tense = if ahead {
            Some(Tense::Future)
        } else if auxiliary_of_plan
            || (word.low == "next" && after == "to")
            || is_determiner(before)
            || is_determiner(before_adverb)
            || is_negated_participle(&word.low)
            || is_plan_noun(&word.low, after)
        {
            // "next to the embassy" is a place; "the plan", "a still unspecified date",
            // "an undisclosed sum", "set aside vacation plans" are no verbs.
            None
        } else {
            word_tense(&word.low).filter(|&t| {
                t == Tense::Future
                    || !matches!(before, "be" | "being" | "been" | "is" | "are" | "to")
            })
        };
        let Some(tense) = tense else { continue };
        let between = if k < span.start {
            k + 1..span.start
        } else {
            span.end..k
        };
        let mut distance = between.len() + 1;
        if k >= span.end {
            distance += 1;
        }
        distance += 3 * words[between]
            .iter()
            .filter(|w| {
                matches!(
                    w.low.as_str(),
                    "," | ";" | ":" | "that" | "which" | "who" | "\"" | "'"
                )
            })
            .count();
        if distance > 2 && matches!(word.low.as_str(), "said" | "says" | "told") {
            distance += 4;
        }
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, tense));
        }
    }
    best
}

/// How to choose among the candidate years (or weeks) of a partial date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lean {
    /// The latest on or before the anchor (past tense).
    OnOrBefore,
    /// The earliest on or after the anchor (future tense).
    OnOrAfter,
    /// Strictly before ("last November").
    Before,
    /// Strictly after ("next Tuesday").
    After,
    /// The closest to the anchor (no tense cue).
    Nearest,
}

impl Lean {
    fn from_tense(tense: Option<Tense>) -> Lean {
        match tense {
            Some(Tense::Past) => Lean::OnOrBefore,
            Some(Tense::Future) => Lean::OnOrAfter,
            None => Lean::Nearest,
        }
    }

    /// Picks like [`Lean::pick`], except that a tense gives way to a candidate within
    /// `close` of the anchor: a writer names a date without its year when it is near
    /// the publication date, so "the dividend was declared payable Dec. 21" in late
    /// October is the coming December, not the one ten months back. Explicit directions
    /// ("last", "next") always hold.
    fn pick_near(self, anchor: i64, candidates: &[i64], close: i64) -> Option<i64> {
        let tense_only = matches!(self, Lean::OnOrBefore | Lean::OnOrAfter);
        let nearest = Lean::Nearest.pick(anchor, candidates.iter().copied())?;
        if tense_only && (nearest - anchor).abs() <= close {
            return Some(nearest);
        }
        self.pick(anchor, candidates.iter().copied())
    }

    /// Picks the candidate key (comparable with `anchor`) this lean selects.
    fn pick(self, anchor: i64, candidates: impl Iterator<Item = i64>) -> Option<i64> {
        let candidates = candidates.collect::<Vec<_>>();
        let allowed = candidates.iter().copied().filter(|&c| match self {
            Lean::OnOrBefore => c <= anchor,
            Lean::OnOrAfter => c >= anchor,
            Lean::Before => c < anchor,
            Lean::After => c > anchor,
            Lean::Nearest => true,
        });
        match self {
            Lean::OnOrBefore | Lean::Before => allowed.max(),
            Lean::OnOrAfter | Lean::After => allowed.min(),
            Lean::Nearest => allowed.min_by_key(|&c| ((c - anchor).abs(), c)),
        }
    }
}

/// A resolved time, kept as the reference for "the following month".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    Day(Date),
    Month(i16, i8),
    Year(i16),
}

impl Point {
    fn value(self) -> String {
        match self {
            Point::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Year(y) => format!("{y:04}"),
        }
    }
}

/// The year, month or week (`unit`) `direction` steps from the one holding `anchor`,
/// over `span`: "last year", "this month", "next week".
fn shifted_unit(anchor: Date, span: Range<usize>, unit: &str, direction: i64) -> Option<Hit> {
    match unit {
        "year" => Some(Hit::point(
            span,
            Point::Year(anchor.year() + direction as i16),
        )),
        "month" => {
            let (y, m) = add_months(anchor.year(), anchor.month(), direction);
            Some(Hit::point(span, Point::Month(y, m)))
        }
        "week" => {
            let date = add_days(anchor, 7 * direction)?;
            Some(Hit::value(span, Some(week_value(date))))
        }
        _ => None,
    }
}

crate::lexicon::lazy! {
    /// Ordinal words and their values (`data/ordinal_words.txt`).
    fn ordinal_words() -> crate::lexicon::Map<u32> = {
        crate::lexicon::fields(include_str!("../../data/ordinal_words.txt"))
            .filter_map(|f| Some((f[0], f.get(1)?.parse().ok()?)))
            .collect()
    };
}

/// The value of an ordinal: "eighth" 8, "twenty-first" 21, "8th" 8, "21st" 21.
fn ordinal(word: &str) -> Option<u32> {
    if let Some(digits) = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    {
        return digits.parse().ok();
    }
    let (tens, last) = match word.rsplit_once('-') {
        Some((tens, last)) => (crate::prepare::words::tens_value(tens)?, last),
        None => (0, word),
    };
    ordinal_words().get(last).map(|value| tens + value)
}

/// The TimeML value of the time `count` units (`unit`: "years", "month", "week",
/// "decades", "days", ...) after `anchor` (before it when negative): a year, month,
/// ISO week or day.
fn counted_from(anchor: Date, count: i64, unit: &str) -> Option<String> {
    let years = |n: i64| {
        let year = i64::from(anchor.year()) + n;
        (0..=9999)
            .contains(&year)
            .then_some(Point::Year(year as i16))
    };
    let point = match unit.trim_end_matches('s') {
        "year" => years(count)?,
        "decade" => years(10 * count)?,
        "century" | "centurie" => years(100 * count)?,
        "month" => {
            let (y, m) = add_months(anchor.year(), anchor.month(), count);
            Point::Month(y, m)
        }
        "week" => return Some(week_value(add_days(anchor, 7 * count)?)),
        "day" => Point::Day(add_days(anchor, count)?),
        _ => return None,
    };
    Some(point.value())
}

/// Month arithmetic on (year, month).
fn add_months(year: i16, month: i8, by: i64) -> (i16, i8) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + by;
    (
        (index.div_euclid(12)) as i16,
        (index.rem_euclid(12) + 1) as i8,
    )
}

fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(days.days()).ok()
}

fn week_value(date: Date) -> String {
    let week = date.iso_week_date();
    format!("{:04}-W{:02}", week.year(), week.week())
}

/// A part of a year: a quarter (1–4) or a half (1–2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearPart {
    Quarter(u8),
    Half(u8),
}

impl YearPart {
    /// The TimeML code: `Q3`, `H1`.
    fn code(self) -> String {
        match self {
            YearPart::Quarter(n) => format!("Q{n}"),
            YearPart::Half(n) => format!("H{n}"),
        }
    }
}

/// The year a quarter or half lies in: a calendar year or a numbered fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearLabel {
    Calendar(i16),
    Fiscal(i16),
}

/// The quarter `date` lies in, as a count of quarters (year × 4 + quarter − 1).
fn quarter_key(date: Date) -> i64 {
    i64::from(date.year()) * 4 + i64::from((date.month() - 1) / 3)
}

/// The TimeML value of a quarter count ([`quarter_key`]): `2008-Q3`.
fn quarter_value(key: i64) -> String {
    format!("{:04}-Q{}", key.div_euclid(4), key.rem_euclid(4) + 1)
}

/// A match: the words it covers, its value and the point it sets as reference.
struct Hit {
    words: Range<usize>,
    value: Option<String>,
    point: Option<Point>,
}

impl Hit {
    fn point(words: Range<usize>, point: Point) -> Hit {
        Hit {
            words,
            value: Some(point.value()),
            point: Some(point),
        }
    }

    fn value(words: Range<usize>, value: Option<String>) -> Hit {
        Hit {
            words,
            value,
            point: None,
        }
    }
}

crate::lexicon::lazy! {
    /// Words that narrow a time without changing its TimeML value ("late last year"),
    /// kept by their first word (`data/time_modifiers.txt`): asked at every word, most
    /// of which open none.
    fn modifiers() -> PhraseTable<()> = PhraseTable::new(
        crate::lexicon::lines(include_str!("../../data/time_modifiers.txt"))
            .map(|phrase| (phrase.split(' ').collect(), ()))
    );
}

crate::lexicon::lazy! {
    /// Prepositions that make a following "May" a month (`data/month_prepositions.txt`).
    fn month_prepositions() -> crate::lexicon::Set = {
        crate::lexicon::lines(include_str!("../../data/month_prepositions.txt")).collect()
    };
}

crate::lexicon::lazy! {
    /// The words a time expression may open with beside capitals, digits and number
    /// words: the function words of `data/time_openers.txt` and the calendar's words
    /// ("today", "summer"), in one set, as every word of the body is asked (two look-ups
    /// a word were about 35 M instructions on ECB+ topics 1-35).
    fn opening_words() -> crate::lexicon::Set = {
        crate::lexicon::lines(include_str!("../../data/time_openers.txt"))
            .chain(calendar_words().keys().copied())
            .collect()
    };
}

crate::lexicon::lazy! {
    /// Nouns after "today's" that make it the present in general ("today's youth"), not
    /// the day of publication (`data/generic_present_nouns.txt`).
    fn generic_nouns() -> crate::lexicon::Set = {
        crate::lexicon::lines(include_str!("../../data/generic_present_nouns.txt")).collect()
    };
}

crate::lexicon::lazy! {
    /// Words before a year that leave it a year ("fiscal 2020"), not a name's number
    /// (`data/year_qualifiers.txt`).
    fn year_qualifiers() -> crate::lexicon::Set = {
        crate::lexicon::lines(include_str!("../../data/year_qualifiers.txt")).collect()
    };
}

/// One sentence being scanned.
struct Scan<'a> {
    words: &'a [Word],
    anchor: Option<Date>,
    reference: Option<Point>,
    /// Whether the document writes numeric dates day first ([`days_first`]).
    day_first: bool,
}

impl Scan<'_> {
    fn low(&self, at: usize) -> &str {
        self.words.get(at).map_or("", |w| w.low.as_str())
    }

    /// The expression starting at word `at`, if any.
    fn at(&self, at: usize) -> Option<Hit> {
        let skip = modifiers()
            .longest_at(at, |k| self.words.get(k).map(|w| w.low.as_str()))
            .map_or(0, |(_, len)| len);
        let core = at + skip;
        let mut hit = self
            .core(core)
            .or_else(|| (skip > 0).then(|| self.core(at)).flatten())?;
        if hit.words.start == core {
            hit.words.start = at;
        }
        Some(hit)
    }

    /// Whether any pattern of [`Scan::core`] can open at word `at`: each opens with a
    /// digit, a number word, a calendar word ("today", "summer"), one of a few function
    /// words, or a capitalized word of the few that only open a pattern capitalized
    /// ([`opens_capitalized`]). Most words are none of these, and asking first spares
    /// them the twenty-five patterns.
    fn may_open(&self, at: usize) -> bool {
        let Some(word) = self.words.get(at) else {
            return false;
        };
        let low = word.low.as_str();
        word.is_number_word()
            || low.bytes().any(|b| b.is_ascii_digit())
            || opening_words().contains(low)
            || (word.capitalized() && opens_capitalized(word))
    }

    /// The expression starting at word `at`, without modifiers.
    fn core(&self, at: usize) -> Option<Hit> {
        if !self.may_open(at) {
            return None;
        }
        self.iso(at)
            .or_else(|| self.numeric(at))
            .or_else(|| self.week_of(at))
            .or_else(|| self.listed_day(at))
            .or_else(|| self.year_part(at))
            .or_else(|| self.fiscal_year(at))
            .or_else(|| self.year_range(at))
            .or_else(|| self.day_month(at))
            .or_else(|| self.month(at))
            .or_else(|| self.relative(at))
            .or_else(|| self.elided_last(at))
            .or_else(|| self.ordinal_day(at))
            .or_else(|| self.relative_to_reference(at))
            .or_else(|| self.the_year(at))
            .or_else(|| self.year_end(at))
            .or_else(|| self.ago(at))
            .or_else(|| self.in_counted(at))
            .or_else(|| self.weekday(at))
            .or_else(|| self.holiday(at, None))
            .or_else(|| self.day_word(at))
            .or_else(|| self.decade(at))
            .or_else(|| self.century(at))
            .or_else(|| self.season(at))
            .or_else(|| self.vague(at))
            .or_else(|| self.year(at))
            .or_else(|| self.spoken_year(at))
            .or_else(|| self.anaphoric(at))
            .or_else(|| self.until_then(at))
    }

    /// "until then", "by then": the time the text is at, as a deadline names it. Not
    /// "since then" (a span up to now, which TimeML leaves unvalued) nor a bare "then"
    /// ("and then he left" orders events, it names no time).
    fn until_then(&self, at: usize) -> Option<Hit> {
        let before = at.checked_sub(1).map_or("", |k| self.low(k));
        if self.low(at) != "then" || !matches!(before, "until" | "till" | "by") {
            return None;
        }
        let point = self.reference?;
        Some(Hit::value(at..at + 1, Some(point.value())))
    }

    /// "nineteen ninety-six", "the year two thousand": years read aloud in transcripts.
    fn spoken_year(&self, at: usize) -> Option<Hit> {
        let century = match self.low(at) {
            "nineteen" => 1900,
            "eighteen" => 1800,
            "year" => {
                let number = number_at(self.words, at + 1)?;
                let year = number.value as i16;
                return (number.value.fract() == 0.0 && (1600..=2100).contains(&year))
                    .then(|| Hit::point(at..at + 1 + number.words, Point::Year(year)));
            }
            _ => return None,
        };
        let number = number_at(self.words, at + 1)?;
        let rest = number.value as i16;
        (number.words == 1 && number.value.fract() == 0.0 && (10..=99).contains(&rest))
            .then(|| Hit::point(at..at + 2, Point::Year(century + rest)))
    }

    /// "a year earlier": a year relative to the previous time of the text;
    /// "year-ago", "year-earlier": the year before publication.
    fn anaphoric(&self, at: usize) -> Option<Hit> {
        let (shift, len) = match (self.low(at), self.low(at + 1), self.low(at + 2)) {
            ("a", "year", "earlier" | "before") => (-1, 3),
            ("a", "year", "later") => (1, 3),
            // "year-ago" and "year-earlier" results: a report's comparison with the
            // year before its own, counted from publication as "a year ago" is.
            ("year-ago" | "year-earlier", _, _) => {
                let year = self.anchor.map(|d| Point::Year(d.year() - 1).value());
                return Some(Hit::value(at..at + 1, year));
            }
            _ => return None,
        };
        // The year, however precise the reference: news compares a period with the
        // same period a year before ("net rose 5% from a year earlier"). Not a new
        // reference: "a year earlier" twice compares with the same period.
        let year = reference_year(self.reference?) + shift;
        Some(Hit::value(at..at + len, Some(Point::Year(year).value())))
    }

    /// The lean for an expression over `span` without its own direction word. A
    /// deadline ("until March 6", "by Jan. 14", "effective Dec. 7", "extended the offer
    /// to Nov. 16") is often ahead of a past-tense report, so it takes the nearest date
    /// instead.
    fn lean(&self, span: Range<usize>) -> Lean {
        let tense = tense_near(self.words, &span).map(|(_, tense)| tense);
        if self.after_deadline(span.start) {
            return match tense {
                _ if self.after_postponement(span.start) => Lean::OnOrAfter,
                Some(Tense::Future) => Lean::OnOrAfter,
                _ => Lean::Nearest,
            };
        }
        Lean::from_tense(tense)
    }

    /// Whether the words before word `at` set a deadline or an earliest date: "until",
    /// "by", "effective", "as soon as", "as early as".
    fn after_deadline(&self, at: usize) -> bool {
        let before = |back: usize| at.checked_sub(back).map_or("", |k| self.low(k));
        matches!(
            before(1),
            "until" | "till" | "through" | "by" | "effective" | "to"
        ) || (before(1) == "as" && matches!(before(2), "soon" | "early") && before(3) == "as")
    }

    /// Whether a postponement puts the deadline before word `at` ahead: "postponed
    /// until Tuesday", "delayed until March", "put off to Friday" move a happening to a
    /// later day, so that day lies after the report whatever its tense.
    fn after_postponement(&self, at: usize) -> bool {
        let before = |back: usize| at.checked_sub(back).map_or("", |k| self.low(k));
        matches!(before(1), "until" | "till" | "to")
            && (matches!(
                before(2),
                "postponed" | "delayed" | "deferred" | "adjourned" | "rescheduled"
            ) || (matches!(before(2), "off" | "back")
                && matches!(before(3), "put" | "pushed" | "moved")))
    }

    /// How far from the anchor (in the unit of the candidates) a date without a year
    /// may lie and still win over the tense of its clause: `near` unless the tense
    /// comes from the verb right next to it ("arrived on August 2" keeps its past),
    /// where a writer would have given the year had the tense been at odds with it.
    fn reach(&self, span: &Range<usize>, near: i64) -> i64 {
        match tense_near(self.words, span) {
            Some((distance, _)) if distance <= 2 => 0,
            _ => near,
        }
    }

    /// "the week of March 6": the ISO week holding the date (TimeML `2000-W10`).
    fn week_of(&self, at: usize) -> Option<Hit> {
        if (self.low(at), self.low(at + 1), self.low(at + 2)) != ("the", "week", "of") {
            return None;
        }
        let day = self.day_month(at + 3).or_else(|| self.month(at + 3))?;
        let Some(Point::Day(date)) = day.point else {
            return None;
        };
        Some(Hit {
            words: at..day.words.end,
            value: Some(week_value(date)),
            point: day.point,
        })
    }

    /// The later day of a list or span of days in one month, "April 24 and 25", "June 3
    /// to 5": the month and year are those of the date just before.
    fn listed_day(&self, at: usize) -> Option<Hit> {
        let day = self.day_number(at)?;
        let Some(Point::Day(first)) = self.reference else {
            return None;
        };
        let joined = at >= 3
            && matches!(self.low(at - 1), "and" | "or" | "to" | "through" | "-")
            && self.day_number(at - 2) == Some(first.day())
            && self.month_name(at - 3) == Some(first.month());
        if !joined || day <= first.day() {
            return None;
        }
        let date = Date::new(first.year(), first.month(), day).ok()?;
        Some(Hit::point(at..at + 1, Point::Day(date)))
    }

    /// "2024-07-16", "2011-2015".
    fn iso(&self, at: usize) -> Option<Hit> {
        let word = self.low(at);
        // Both shapes open with digits; most words do not (and need no split).
        if !word.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let parts: Vec<&str> = word.split('-').collect();
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        match parts.as_slice() {
            [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
                let date = Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()?;
                Some(Hit::point(at..at + 1, Point::Day(date)))
            }
            [a, b] if digits(a, 4) && digits(b, 4) => {
                let (from, to) = (year_value(a)?, year_value(b)?);
                (from < to).then(|| Hit::value(at..at + 1, Some(format!("{from:04}/{to:04}"))))
            }
            _ => None,
        }
    }

    /// "7/8/07", "25/12/2023": month first unless a number cannot be a month or the
    /// document writes its dates day first ([`days_first`]); a two-digit year is of
    /// this century up to ten years past the anchor's, else of the last.
    fn numeric(&self, at: usize) -> Option<Hit> {
        let [a, b, year] = numeric_date_parts(self.low(at))?;
        let (month, day) = if a > 12 || (self.day_first && b <= 12) {
            (b, a)
        } else {
            (a, b)
        };
        let year = if year >= 100 {
            year
        } else {
            self.full_year(year)
        };
        let date = Date::new(
            i16::try_from(year).ok()?,
            i8::try_from(month).ok()?,
            i8::try_from(day).ok()?,
        )
        .ok()?;
        Some(Hit::point(at..at + 1, Point::Day(date)))
    }

    /// The year a two-digit year ("07" in "7/8/07", "FY08") names: of this century up to
    /// ten years past the anchor's, else of the last.
    fn full_year(&self, two_digits: u16) -> u16 {
        let now = self.anchor.map_or(2000, |d| d.year() as u16);
        let this_century = 2000 + two_digits;
        if this_century <= now + 10 {
            this_century
        } else {
            1900 + two_digits
        }
    }

    /// The year of a fiscal-year label: "FY2008", "FY08", "FY-2008".
    fn fiscal_label(&self, word: &str) -> Option<i16> {
        let digits = word.strip_prefix("fy")?;
        let digits = digits.strip_prefix(['-', '\'']).unwrap_or(digits);
        if digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit()) {
            return i16::try_from(self.full_year(digits.parse().ok()?)).ok();
        }
        year_value(digits)
    }

    /// "fiscal 2008", "fiscal year 2008", "FY2008", "FY 2008": TimeML `FY2008`. A
    /// fiscal year is not the calendar year of its number (it often starts months
    /// before), so it keeps its own value.
    fn fiscal_year(&self, at: usize) -> Option<Hit> {
        let (year, end) = self.fiscal_year_at(at)?;
        Some(Hit::value(at..end, Some(format!("FY{year:04}"))))
    }

    /// A numbered fiscal year at word `at`: its year and the word after it.
    fn fiscal_year_at(&self, at: usize) -> Option<(i16, usize)> {
        if let Some(year) = self.fiscal_label(self.low(at)) {
            return Some((year, at + 1));
        }
        let named = matches!(self.low(at), "fiscal" | "fy");
        let year_word =
            at + 1 + usize::from(self.low(at) == "fiscal" && self.low(at + 1) == "year");
        let year = self.plain_year(year_word).filter(|_| named)?;
        Some((year, year_word + 1))
    }

    /// A quarter or half named at word `at` ("third quarter", "third-quarter", "Q3",
    /// "first half", "H1"), with the number of words it takes.
    fn part_name(&self, at: usize) -> Option<(YearPart, usize)> {
        let word = self.words.get(at)?;
        let low = word.low.as_str();
        let label = match low.as_bytes() {
            [b'q', n @ b'1'..=b'4'] => Some(YearPart::Quarter(n - b'0')),
            [b'h', n @ b'1'..=b'2'] => Some(YearPart::Half(n - b'0')),
            _ => None,
        };
        if let Some(part) = label.filter(|_| word.capitalized()) {
            return Some((part, 1));
        }
        let (ordinal, noun, used) = match low.split_once('-') {
            Some((ordinal, noun)) => (ordinal, noun, 1),
            None => (low, self.low(at + 1), 2),
        };
        let n = self::ordinal(ordinal).filter(|n| (1..=4).contains(n))? as u8;
        match noun {
            "quarter" => Some((YearPart::Quarter(n), used)),
            "half" if n <= 2 => Some((YearPart::Half(n), used)),
            _ => None,
        }
    }

    /// A year before a quarter or half: "the 2008 third quarter", "this year's first
    /// half", "fiscal 2008 second quarter"; with the words it takes.
    fn year_before_part(&self, at: usize) -> Option<(YearLabel, usize)> {
        if let Some(year) = self.plain_year(at) {
            return Some((YearLabel::Calendar(year), 1));
        }
        if let Some((year, end)) = self.fiscal_year_at(at) {
            return Some((YearLabel::Fiscal(year), end - at));
        }
        let shift = match self.low(at) {
            "last" => -1,
            "this" => 0,
            "next" => 1,
            _ => return None,
        };
        let used = match (self.low(at + 1), self.low(at + 2)) {
            ("year's", _) => 2,
            ("year", "'s") => 3,
            _ => return None,
        };
        Some((YearLabel::Calendar(self.anchor?.year() + shift), used))
    }

    /// A year after a quarter or half: "of 2008", "2008", "of fiscal 2008", "of the
    /// year", "last year"; with the words it takes.
    fn year_after_part(&self, at: usize) -> Option<(YearLabel, usize)> {
        let of = usize::from(self.low(at) == "of");
        if let Some((year, end)) = self.fiscal_year_at(at + of) {
            return Some((YearLabel::Fiscal(year), end - at));
        }
        if of == 1 && self.low(at + 1) == "the" && self.low(at + 2) == "year" {
            return Some((YearLabel::Calendar(self.anchor?.year()), 3));
        }
        let (year, used) = self.year_after(at)?;
        Some((YearLabel::Calendar(year), used))
    }

    /// "the third quarter of 2008", "the 2008 third quarter", "this year's first half",
    /// "third-quarter", "Q3 2008", "the fiscal 2008 second quarter": TimeML `2008-Q3`,
    /// `2008-H1`, and `FY2008-Q2` in a numbered fiscal year. A quarter without a year
    /// is the one nearest the publication date; a half needs one (a
    /// game's "second half" is no part of a year), and a fiscal quarter without one
    /// has no value (which fiscal year is meant depends on the company).
    fn year_part(&self, at: usize) -> Option<Hit> {
        let mut next = at + usize::from(self.low(at) == "the");
        let mut year = None;
        if let Some((found, used)) = self.year_before_part(next) {
            year = Some(found);
            next += used;
        }
        let fiscal = self.low(next) == "fiscal";
        next += usize::from(fiscal);
        let (part, used) = self.part_name(next)?;
        let mut end = next + used;
        if year.is_none()
            && let Some((found, used)) = self.year_after_part(end)
        {
            year = Some(found);
            end += used;
        }
        let span = at..end;
        let code = part.code();
        match (year, part) {
            (Some(YearLabel::Calendar(y)), _) if !fiscal => {
                Some(Hit::value(span, Some(format!("{y:04}-{code}"))))
            }
            (Some(YearLabel::Calendar(y) | YearLabel::Fiscal(y)), _) => {
                Some(Hit::value(span, Some(format!("FY{y:04}-{code}"))))
            }
            (None, YearPart::Quarter(quarter)) if !fiscal => self.resolve_quarter(span, quarter),
            (None, YearPart::Quarter(_)) => Some(Hit::value(span, None)),
            (None, YearPart::Half(_)) => None,
        }
    }

    /// Quarter `quarter` without a year: the one nearest the anchor, the earlier of two
    /// as near. Not by tense: a quarter's results are reported after it ends, so "will
    /// release third-quarter results" in October means the quarter just ended.
    fn resolve_quarter(&self, span: Range<usize>, quarter: u8) -> Option<Hit> {
        let Some(anchor) = self.anchor else {
            return Some(Hit::value(span, None));
        };
        let key = |year: i16| i64::from(year) * 4 + i64::from(quarter) - 1;
        let chosen = Lean::Nearest.pick(
            quarter_key(anchor),
            (-1..=1).map(|k| key(anchor.year() + k)),
        )?;
        Some(Hit::value(span, Some(quarter_value(chosen))))
    }

    /// "from 2011 to 2015", "between 2011 and 2015".
    fn year_range(&self, at: usize) -> Option<Hit> {
        let joiner = match self.low(at) {
            "from" => "to",
            "between" => "and",
            _ => return None,
        };
        let from = self.plain_year(at + 1)?;
        if !(self.low(at + 2) == joiner || self.low(at + 2) == "-") {
            return None;
        }
        let to = self.plain_year(at + 3)?;
        (from < to).then(|| Hit::value(at + 1..at + 4, Some(format!("{from:04}/{to:04}"))))
    }

    /// A four-digit year token in a plausible range.
    fn plain_year(&self, at: usize) -> Option<i16> {
        year_value(self.low(at))
    }

    /// The month named by word `at`, if it reads as a month there.
    fn month_name(&self, at: usize) -> Option<i8> {
        let word = self.words.get(at)?;
        let bare = strip_part_prefix(word.bare());
        let Some(Calendar::Month(month)) = calendar(bare) else {
            return None;
        };
        if !word.capitalized() {
            return None;
        }
        let followed_by_number =
            self.day_number(at + 1).is_some() || self.plain_year(at + 1).is_some();
        let abbreviated =
            bare.len() <= 4 && !word.low.ends_with('.') && bare != "june" && bare != "july";
        let ambiguous = bare == "may" || bare == "march";
        let after_preposition = at > 0 && month_prepositions().contains(self.low(at - 1));
        // "June Carter", "April Ryan": a first name before a surname.
        let before_name = self.words.get(at + 1).is_some_and(|w| {
            w.capitalized() && w.low.chars().all(char::is_alphabetic) && calendar(&w.low).is_none()
        });
        // "the March accession", "its May elections": a month modifying a noun.
        let before_noun = at > 0
            && is_determiner(self.low(at - 1))
            && self.words.get(at + 1).is_some_and(|w| {
                !w.capitalized()
                    && w.low.len() > 3
                    && w.low.chars().all(char::is_alphabetic)
                    && !matches!(w.low.as_str(), "from" | "with" | "into" | "over" | "upon")
            });
        if (abbreviated || ambiguous || before_name)
            && !followed_by_number
            && !after_preposition
            && !before_noun
        {
            return None;
        }
        Some(month)
    }

    /// A day of the month: "14", "14th".
    fn day_number(&self, at: usize) -> Option<i8> {
        let word = self.low(at);
        let digits = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| word.strip_suffix(s))
            .unwrap_or(word);
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let day: i8 = digits.parse().ok()?;
        (1..=31).contains(&day).then_some(day)
    }

    /// A year after a month or day: "2024", ", 2024", "of 2024", "last year".
    fn year_after(&self, at: usize) -> Option<(i16, usize)> {
        let gap = usize::from(matches!(self.low(at), "," | "of"));
        if let Some(year) = self.plain_year(at + gap) {
            // "March 5, 2024" but not "March 5, 2,100".
            return Some((year, gap + 1));
        }
        if let Some(Hit {
            words,
            point: Some(Point::Year(year)),
            ..
        }) = self.spoken_year(at + gap)
        {
            return Some((year, gap + words.len()));
        }
        let (base, shift) = match (self.low(at + gap), self.low(at + gap + 1)) {
            ("last", "year") => (self.anchor?.year(), -1),
            ("this", "year") => (self.anchor?.year(), 0),
            ("next", "year") => (self.anchor?.year(), 1),
            ("that", "year") => (reference_year(self.reference?), 0),
            _ => return None,
        };
        Some((base + shift, gap + 2))
    }

    /// "14 February 2024", "14 February", "the 14th of February".
    fn day_month(&self, at: usize) -> Option<Hit> {
        let day = self.day_number(at)?;
        let of = usize::from(self.low(at + 1) == "of");
        let month = self.month_name(at + 1 + of)?;
        self.full_date(at, at + 2 + of, month, day)
    }

    /// A month, with a day or a year when they follow.
    fn month(&self, at: usize) -> Option<Hit> {
        let month = self.month_name(at)?;
        if let Some(day) = self.day_number(at + 1) {
            return self.full_date(at, at + 2, month, day);
        }
        if let Some((year, used)) = self.year_after(at + 1) {
            return Some(Hit::point(at..at + 1 + used, Point::Month(year, month)));
        }
        let span = at..at + 1;
        self.resolve_month(span.clone(), month, self.lean(span))
    }

    /// Month `month` resolved with `lean` over `span`.
    fn resolve_month(&self, span: Range<usize>, month: i8, lean: Lean) -> Option<Hit> {
        let Some(anchor) = self.anchor else {
            return Some(Hit::value(span, None));
        };
        let key = |y: i16, m: i8| i64::from(y) * 12 + i64::from(m);
        let candidates: Vec<i64> = (-1..=1).map(|k| key(anchor.year() + k, month)).collect();
        let reach = self.reach(&span, 2);
        let chosen = lean.pick_near(key(anchor.year(), anchor.month()), &candidates, reach)?;
        let year = ((chosen - i64::from(month)) / 12) as i16;
        Some(Hit::point(span, Point::Month(year, month)))
    }

    /// A month and day from word `at` to `end`, with the year after them or from the anchor.
    fn full_date(&self, at: usize, end: usize, month: i8, day: i8) -> Option<Hit> {
        if let Some((year, used)) = self.year_after(end) {
            let date = Date::new(year, month, day).ok()?;
            return Some(Hit::point(at..end + used, Point::Day(date)));
        }
        let span = at..end;
        let lean = self.lean(span.clone());
        self.resolve_yearly(span, lean, |year| Date::new(year, month, day).ok())
    }

    /// A yearly date (`date_in` gives it for a year) resolved with `lean` over `span`.
    fn resolve_yearly(
        &self,
        span: Range<usize>,
        lean: Lean,
        date_in: impl Fn(i16) -> Option<Date>,
    ) -> Option<Hit> {
        let Some(anchor) = self.anchor else {
            return Some(Hit::value(span, None));
        };
        let candidates: Vec<Date> = (-1..=1)
            .filter_map(|k| date_in(anchor.year() + k))
            .collect();
        let days_from_anchor = |d: Date| anchor.until(d).map_or(0, |span| span.get_days());
        let keys: Vec<i64> = candidates
            .iter()
            .map(|&d| i64::from(days_from_anchor(d)))
            .collect();
        let chosen = lean.pick_near(0, &keys, self.reach(&span, 61))?;
        let date = candidates
            .into_iter()
            .find(|&d| i64::from(days_from_anchor(d)) == chosen)?;
        Some(Hit::point(span, Point::Day(date)))
    }

    /// "Thanksgiving", "Christmas Eve": a holiday resolved with `lean`, or with the
    /// sentence's tense when `lean` is `None`.
    fn holiday(&self, at: usize, lean: Option<Lean>) -> Option<Hit> {
        if !self.words.get(at)?.capitalized() {
            return None;
        }
        let (&rule, len) = holidays().longest_at(at, |k| Some(self.low(k)))?;
        let span = at..at + len;
        let lean = lean.unwrap_or_else(|| self.lean(span.clone()));
        let hit = self.resolve_yearly(span.clone(), lean, |year| rule.date_in(year))?;
        // "Easter week", "Thanksgiving week": the ISO week holding the holiday.
        match hit.point {
            Some(Point::Day(day)) if self.low(span.end) == "week" => Some(Hit {
                words: at..span.end + 1,
                value: Some(week_value(day)),
                point: hit.point,
            }),
            _ => Some(hit),
        }
    }

    /// "last year", "next month", "this week", "last November", "next Tuesday", "last summer".
    fn relative(&self, at: usize) -> Option<Hit> {
        let direction: i64 = match self.low(at) {
            "last" | "past" | "previous" => -1,
            "this" | "current" => 0,
            "next" | "coming" => 1,
            _ => return None,
        };
        // "the current fiscal year", "this calendar year".
        let qualified =
            matches!(self.low(at + 1), "fiscal" | "calendar") && self.low(at + 2) == "year";
        let span = at..at + 2 + usize::from(qualified);
        let unit = self.low(span.end - 1);
        // A network's "This Week": a capitalized unit is a title's word, not a time.
        let titled = self.words.get(span.end - 1).is_some_and(Word::capitalized);
        if matches!(unit, "year" | "month" | "week") && titled {
            return None;
        }
        let Some(anchor) = self.anchor else {
            let known = matches!(unit, "year" | "month" | "week")
                || self.month_name(at + 1).is_some()
                || self.weekday_name(at + 1).is_some();
            return known.then(|| Hit::value(span, None));
        };
        let lean = match direction {
            -1 => Lean::Before,
            1 => Lean::After,
            _ => Lean::Nearest,
        };
        match unit {
            "year" | "month" | "week" => shifted_unit(anchor, span, unit, direction),
            "night" if direction == -1 => Some(Hit::point(span, Point::Day(add_days(anchor, -1)?))),
            "quarter" => Some(Hit::value(
                span,
                Some(quarter_value(quarter_key(anchor) + direction)),
            )),
            _ => {
                if let Some(month) = self.month_name(at + 1) {
                    if let Some(day) = self.day_number(at + 2) {
                        // "last Oct. 23": the latest before publication.
                        return self.resolve_yearly(at..at + 3, lean, |year| {
                            Date::new(year, month, day).ok()
                        });
                    }
                    if direction == 0 {
                        return Some(Hit::point(span, Point::Month(anchor.year(), month)));
                    }
                    if direction == -1 {
                        // "last February" in March is the February a year back: the
                        // month just ended would be "last month".
                        let (y, m) = add_months(anchor.year(), anchor.month(), -1);
                        let ended = i64::from(y) * 12 + i64::from(m);
                        let year = (y - 1..=y)
                            .rev()
                            .find(|&y| i64::from(y) * 12 + i64::from(month) < ended)?;
                        return Some(Hit::point(span, Point::Month(year, month)));
                    }
                    return self.resolve_month(span, month, lean);
                }
                if let Some(weekday) = self.weekday_name(at + 1) {
                    let lean = if direction == 0 {
                        self.lean(span.clone())
                    } else {
                        lean
                    };
                    return self.resolve_weekday(span, weekday, lean);
                }
                if let Some(hit) = self.holiday(at + 1, (direction != 0).then_some(lean)) {
                    return Some(Hit {
                        words: at..hit.words.end,
                        ..hit
                    });
                }
                if let Some(Calendar::Season(code)) = calendar(unit) {
                    return self.resolve_season(span, code, lean);
                }
                None
            }
        }
    }

    /// "more this year than last", "as high a dividend this year as last": a bare "last"
    /// after "than" or "as" takes its unit from the "this year" (month, week) before it.
    fn elided_last(&self, at: usize) -> Option<Hit> {
        let before = at.checked_sub(1).map_or("", |k| self.low(k));
        if self.low(at) != "last" || !matches!(before, "than" | "as") || !self.ends_phrase(at + 1) {
            return None;
        }
        // The compared time sits a few words back in the same clause.
        let unit = (at.saturating_sub(10)..at).rev().find_map(|k| {
            let unit = self.low(k + 1);
            (matches!(self.low(k), "this" | "current") && matches!(unit, "year" | "month" | "week"))
                .then_some(unit)
        })?;
        let span = at..at + 1;
        match self.anchor {
            Some(anchor) => shifted_unit(anchor, span, unit, -1),
            None => Some(Hit::value(span, None)),
        }
    }

    /// "Today is the eighth day of the blockade", "it's the second day of the
    /// offensive": a count of days that a present-tense "is" ties to now names the day
    /// of publication, as TimeML values it.
    fn ordinal_day(&self, at: usize) -> Option<Hit> {
        if self.low(at) != "the" || ordinal(self.low(at + 1)).is_none() || self.low(at + 2) != "day"
        {
            return None;
        }
        let back = |n: usize| at.checked_sub(n).map_or("", |k| self.low(k));
        if !matches!(back(1), "is" | "'s") || !matches!(back(2), "today" | "it" | "this") {
            return None;
        }
        let span = at..at + 3;
        match self.anchor {
            Some(anchor) => Some(Hit::point(span, Point::Day(anchor))),
            None => Some(Hit::value(span, None)),
        }
    }

    /// "the year", "the full year", "the fiscal year": in news, the year of publication
    /// ("a high for the year"). Not "the year two thousand" (a year read aloud) nor
    /// "the year before" (relative to the previous time).
    fn the_year(&self, at: usize) -> Option<Hit> {
        if self.low(at) != "the" {
            return None;
        }
        let qualified = matches!(self.low(at + 1), "full" | "fiscal" | "calendar");
        let year_at = at + 1 + usize::from(qualified);
        if self.low(year_at) != "year"
            || number_at(self.words, year_at + 1).is_some()
            || matches!(
                self.low(year_at + 1),
                "before" | "after" | "earlier" | "later" | "ago"
            )
        {
            return None;
        }
        let span = at..year_at + 1;
        let Some(anchor) = self.anchor else {
            return Some(Hit::value(span, None));
        };
        Some(Hit::point(span, Point::Year(anchor.year())))
    }

    /// "year-end", "year end", "the year's end": in news the end of the year of
    /// publication, valued as that year.
    fn year_end(&self, at: usize) -> Option<Hit> {
        let len = match (self.low(at), self.low(at + 1), self.low(at + 2)) {
            ("year-end", _, _) => 1,
            ("year" | "year's", "end", _) => 2,
            ("year", "'s", "end") => 3,
            _ => return None,
        };
        let span = at..at + len;
        let Some(anchor) = self.anchor else {
            return Some(Hit::value(span, None));
        };
        Some(Hit::point(span, Point::Year(anchor.year())))
    }

    /// Whether word `at` is past the end of a phrase: punctuation or the sentence end.
    fn ends_phrase(&self, at: usize) -> bool {
        !self
            .low(at)
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    }

    /// Season `code` resolved with `lean` over `span` (TimeML `2023-SU`).
    fn resolve_season(&self, span: Range<usize>, code: &str, lean: Lean) -> Option<Hit> {
        let Some(anchor) = self.anchor else {
            return Some(Hit::value(span, None));
        };
        let month = season_month(code);
        let key = |y: i16| i64::from(y) * 12 + i64::from(month);
        let now = i64::from(anchor.year()) * 12 + i64::from(anchor.month());
        let chosen = lean.pick(now, (-1..=1).map(|k| key(anchor.year() + k)))?;
        let year = (chosen - i64::from(month)) / 12;
        Some(Hit::value(span, Some(format!("{year:04}-{code}"))))
    }

    /// "the summer", "summer 2023", "the winter of 2018": a season without a direction
    /// word. "fall" and "spring" are verbs too, so they need "the" or a year.
    fn season(&self, at: usize) -> Option<Hit> {
        let Some(Calendar::Season(code)) = calendar(self.low(at)) else {
            return None;
        };
        if let Some((year, used)) = self.year_after(at + 1) {
            return Some(Hit::value(
                at..at + 1 + used,
                Some(format!("{year:04}-{code}")),
            ));
        }
        let before = at.checked_sub(1).map_or("", |k| self.low(k));
        let verb_too = matches!(self.low(at), "fall" | "spring");
        if !(before == "the" || (!verb_too && matches!(before, "in" | "during" | "early" | "late")))
        {
            return None;
        }
        let span = at..at + 1;
        self.resolve_season(span.clone(), code, self.lean(span))
    }

    /// "the 19th century" → TimeML `18`.
    fn century(&self, at: usize) -> Option<Hit> {
        let ordinal = self::ordinal(self.low(at)).filter(|n| (1..=21).contains(n))?;
        (self.low(at + 1) == "century")
            .then(|| Hit::value(at..at + 2, Some(format!("{:02}", ordinal - 1))))
    }

    /// "the following month", "the next day", "the previous year", "the day before",
    /// "that day", "the next morning": relative to the previous time of the text.
    fn relative_to_reference(&self, at: usize) -> Option<Hit> {
        if let Some(hit) = self.the_day_beside(at) {
            return Some(hit);
        }
        let (direction, unit, span) = match (self.low(at), self.low(at + 1), self.low(at + 2)) {
            ("that", unit, _) => (0, unit, at..at + 2),
            ("the", "following" | "next", unit) => (1, unit, at..at + 3),
            ("the", "previous" | "preceding", unit) => (-1, unit, at..at + 3),
            // "the day before" ends there; "the day before the vote" counts from the vote.
            ("the", unit, "before") if self.ends_phrase(at + 3) => (-1, unit, at..at + 3),
            ("the", unit, "after") if self.ends_phrase(at + 3) => (1, unit, at..at + 3),
            _ => return None,
        };
        if let Some(weekday) = self.weekday_name(span.end - 1).filter(|_| direction != 0) {
            // "the previous Friday": the one before the day the text is at.
            let Point::Day(day) = self.reference? else {
                return Some(Hit::value(span, None));
            };
            let ahead = (i64::from(weekday) - i64::from(day.weekday().to_monday_one_offset()))
                .rem_euclid(7);
            let offset = match (direction, ahead) {
                (1, 0) => 7,
                (1, _) => ahead,
                (_, 0) => -7,
                _ => ahead - 7,
            };
            return Some(Hit::point(span, Point::Day(add_days(day, offset)?)));
        }
        let unit = match unit {
            "morning" | "afternoon" | "evening" | "night" => "day",
            "day" | "month" | "year" => unit,
            _ => return None,
        };
        let point = match (self.reference?, unit) {
            (Point::Day(d), "day") => Point::Day(add_days(d, direction)?),
            (Point::Day(d), "month") => {
                let (y, m) = add_months(d.year(), d.month(), direction);
                Point::Month(y, m)
            }
            (Point::Month(y, m), "month") => {
                let (y, m) = add_months(y, m, direction);
                Point::Month(y, m)
            }
            (reference, "year") => Point::Year(reference_year(reference) + direction as i16),
            _ => return Some(Hit::value(span, None)),
        };
        Some(Hit::point(span, point))
    }

    /// "the day" named by the words around it, as TimeML values it:
    /// - "the day before last Tuesday's hearing", "the day after Christmas": the day
    ///   next to the time that follows;
    /// - "Oct. 12, the day before the plunge": in apposition to a date, that date;
    /// - "later in the day", "earlier in the day": the day the text is at.
    fn the_day_beside(&self, at: usize) -> Option<Hit> {
        if (self.low(at), self.low(at + 1)) != ("the", "day") {
            return None;
        }
        let before = |back: usize| at.checked_sub(back).map_or("", |k| self.low(k));
        let reference_day = match self.reference {
            Some(Point::Day(day)) => Some(day),
            _ => None,
        };
        let shift = match self.low(at + 2) {
            "before" => -1,
            "after" => 1,
            _ if matches!((before(2), before(1)), ("later" | "earlier", "in")) => {
                return Some(Hit::point(at..at + 2, Point::Day(reference_day?)));
            }
            _ => return None,
        };
        if let Some(next) = self.at(at + 3)
            && let Some(Point::Day(day)) = next.point
        {
            let span = at..next.words.end;
            return Some(Hit::point(span, Point::Day(add_days(day, shift)?)));
        }
        let after_date = before(1) == ","
            && at >= 2
            && (self.day_number(at - 2).is_some() || self.plain_year(at - 2).is_some());
        if !after_date {
            return None;
        }
        Some(Hit::point(at..at + 2, Point::Day(reference_day?)))
    }

    /// "two years ago", "a decade ago", "three months ago", "five days ago".
    fn ago(&self, at: usize) -> Option<Hit> {
        let (count, used) = if matches!(self.low(at), "a" | "an") {
            (1, 1)
        } else {
            let number = number_at(self.words, at)?;
            if number.approximate || number.value.fract() != 0.0 || number.value > 1000.0 {
                return None;
            }
            (number.value as i64, number.words)
        };
        let unit = self.low(at + used);
        if self.low(at + used + 1) != "ago" {
            return None;
        }
        let span = at..at + used + 2;
        let Some(anchor) = self.anchor else {
            return Some(Hit::value(span, None));
        };
        // Counted back from the publication, not a new reference: "a year ago" then
        // "a year earlier" compare with the same period.
        Some(Hit::value(span, Some(counted_from(anchor, -count, unit)?)))
    }

    /// "will be redeemed in five years", "would retire in two months": a count of
    /// units after "in" in a clause that looks ahead is the time that far from
    /// publication (TimeML `1994`). Elsewhere ("the first time in five years") it is a
    /// span, which TimeML leaves a duration.
    fn in_counted(&self, at: usize) -> Option<Hit> {
        if at.checked_sub(1).map(|k| self.low(k)) != Some("in") {
            return None;
        }
        let number = number_at(self.words, at)?;
        if number.approximate || number.value.fract() != 0.0 || number.value > 1000.0 {
            return None;
        }
        let unit = self.low(at + number.words);
        if !matches!(
            unit.trim_end_matches('s'),
            "year" | "month" | "week" | "day"
        ) || !self.ends_phrase(at + number.words + 1)
        {
            return None;
        }
        let span = at..at + number.words + 1;
        if tense_near(self.words, &span).map(|(_, tense)| tense) != Some(Tense::Future) {
            return None;
        }
        let Some(anchor) = self.anchor else {
            return Some(Hit::value(span, None));
        };
        let value = counted_from(anchor, number.value as i64, unit)?;
        Some(Hit::value(span, Some(value)))
    }

    /// The weekday named by word `at` (capitalized, full name).
    fn weekday_name(&self, at: usize) -> Option<i8> {
        let word = self.words.get(at)?;
        match calendar(&word.low) {
            Some(Calendar::Weekday(day)) if word.capitalized() => Some(day),
            _ => None,
        }
    }

    /// "Tuesday", "Tuesday morning".
    fn weekday(&self, at: usize) -> Option<Hit> {
        let weekday = self.weekday_name(at)?;
        let part = matches!(
            self.low(at + 1),
            "morning" | "afternoon" | "evening" | "night"
        );
        let span = at..at + 1 + usize::from(part);
        if let Some(hit) = self.weekday_date(span.end, weekday) {
            return Some(Hit::point(at..hit.0, Point::Day(hit.1)));
        }
        // "Friday's close", "get around Wednesday's ruling": the possessive dates a
        // happening the clause refers to, not the clause's own verb, so the verb's
        // tense ("would look for ways around …") says nothing of it.
        let lean = if self.low(span.end) == "'s" {
            Lean::Nearest
        } else {
            self.lean(span.clone())
        };
        self.resolve_weekday(span, weekday, lean)
    }

    /// "Saturday, April 25": the month and day after a weekday, in the year (nearest the
    /// anchor) where that day is that weekday. Returns the end word and the date.
    fn weekday_date(&self, at: usize, weekday: i8) -> Option<(usize, Date)> {
        let at = at + usize::from(self.low(at) == ",");
        let month = self.month_name(at)?;
        let day = self.day_number(at + 1)?;
        if self.year_after(at + 2).is_some() {
            return None;
        }
        let anchor = self.anchor?;
        let date = [0, -1, 1]
            .into_iter()
            .filter_map(|k| Date::new(anchor.year() + k, month, day).ok())
            .find(|d| d.weekday().to_monday_one_offset() == weekday)?;
        Some((at + 2, date))
    }

    fn resolve_weekday(&self, span: Range<usize>, weekday: i8, lean: Lean) -> Option<Hit> {
        let Some(anchor) = self.anchor else {
            return Some(Hit::value(span, None));
        };
        let today = i64::from(anchor.weekday().to_monday_one_offset());
        let offset = i64::from(weekday) - today;
        // The same weekday in the previous, this and the next week.
        let candidates = [offset - 7, offset, offset + 7].into_iter();
        // Without a tense cue a weekday is in the past four days or the coming two: news
        // mostly reports what happened ("shares rose to Thursday's close" on a Monday).
        let chosen = match lean {
            Lean::Nearest => candidates.clone().find(|c| (-4..=2).contains(c)),
            _ => lean.pick(0, candidates),
        }?;
        Some(Hit::point(span, Point::Day(add_days(anchor, chosen)?)))
    }

    /// "today", "yesterday", "tomorrow", "tonight".
    fn day_word(&self, at: usize) -> Option<Hit> {
        let Some(Calendar::Day(offset)) = calendar(self.low(at)) else {
            return None;
        };
        let span = at..at + 1;
        // "USA Today", "the network's Morning Today": a capitalized day word after a
        // capitalized word ends a name.
        let named = at > 0
            && self.words[at].capitalized()
            && self.words[at - 1].capitalized()
            && self.words[at - 1].low.chars().all(char::is_alphabetic);
        if named {
            return None;
        }
        // "today's world", "today's personal computers", "the people of tomorrow": the
        // present (or future) in general, no day.
        let generic_after =
            self.low(at + 1) == "'s"
                && (generic_nouns().contains(self.low(at + 2))
                    || (self.words.get(at + 2).is_some_and(|w| {
                        !w.capitalized() && w.low.chars().all(char::is_alphabetic)
                    }) && generic_nouns().contains(self.low(at + 3))));
        if generic_after {
            return Some(Hit::value(at..at + 2, None));
        }
        let generic_before =
            at >= 2 && self.low(at - 1) == "of" && generic_nouns().contains(self.low(at - 2));
        if generic_before {
            return Some(Hit::value(span, None));
        }
        match self.anchor {
            Some(anchor) => Some(Hit::point(span, Point::Day(add_days(anchor, offset)?))),
            None => Some(Hit::value(span, None)),
        }
    }

    /// "the 1990s", "the late 1990s", "mid-1990s", "the '90s": TimeML decade `199`.
    fn decade(&self, at: usize) -> Option<Hit> {
        let word = strip_part_prefix(self.low(at));
        let digits = word.strip_suffix('s')?;
        let digits = digits.strip_suffix('\'').unwrap_or(digits);
        let value = if let Some(short) = digits.strip_prefix('\'') {
            (short.len() == 2 && short.ends_with('0') && short.bytes().all(|b| b.is_ascii_digit()))
                .then(|| format!("19{}", &short[..1]))?
        } else {
            let year = year_value(digits)?;
            (year % 10 == 0).then(|| format!("{:03}", year / 10))?
        };
        Some(Hit::value(at..at + 1, Some(value)))
    }

    /// Times too vague to resolve: "recent years", "recent months".
    fn vague(&self, at: usize) -> Option<Hit> {
        (self.low(at) == "recent"
            && matches!(
                self.low(at + 1),
                "years" | "months" | "weeks" | "days" | "decades"
            ))
        .then(|| Hit::value(at..at + 2, None))
    }

    /// A bare year: "in 1999", "since 2015", not "2000 tons" or "$2024".
    fn year(&self, at: usize) -> Option<Hit> {
        let year = year_value(strip_part_prefix(self.low(at)))?;
        let before = if at > 0 { self.low(at - 1) } else { "" };
        // "Flight 2020", "Route 1600": a name's number, not a year.
        let named = at > 0
            && self.words[at - 1].capitalized()
            && before.chars().all(char::is_alphabetic)
            && !month_prepositions().contains(before)
            && !crate::lexicon::units::is_function_word(before)
            && !year_qualifiers().contains(before);
        if named
            || crate::lexicon::units::is_currency_sign(before)
            || matches!(before, "no." | "#" | "number")
            || crate::lexicon::units::unit_at(at + 1, |k| self.words.get(k).map(|w| w.low.as_str()))
                .is_some()
        {
            return None;
        }
        Some(Hit::point(at..at + 1, Point::Year(year)))
    }
}

/// How a holiday falls in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HolidayRule {
    /// Month and day.
    Fixed(i8, i8),
    /// Month, ISO weekday and which one (5 = the last).
    NthWeekday(i8, i8, i8),
    /// Month, day and ISO weekday: the first such weekday on or after that date (the
    /// US Election Day is the Tuesday after the first Monday of November).
    WeekdayFrom(i8, i8, i8),
    /// Days after (or, negative, before) Western Easter Sunday.
    FromEaster(i8),
}

/// Western (Gregorian) Easter Sunday of `year`, by the anonymous Gregorian computus.
fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (b - (b + 8) / 25 + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let l = (32 + 2 * e + 2 * (c / 4) - h - c % 4) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    Date::new(
        year,
        i8::try_from(n / 31).ok()?,
        i8::try_from(n % 31 + 1).ok()?,
    )
    .ok()
}

impl HolidayRule {
    fn date_in(self, year: i16) -> Option<Date> {
        match self {
            HolidayRule::Fixed(month, day) => Date::new(year, month, day).ok(),
            HolidayRule::NthWeekday(month, weekday, nth) => {
                let days: Vec<Date> = (1..=31)
                    .filter_map(|d| Date::new(year, month, d).ok())
                    .filter(|d| d.weekday().to_monday_one_offset() == weekday)
                    .collect();
                days.get(usize::try_from(nth - 1).ok()?)
                    .or(days.last())
                    .copied()
            }
            HolidayRule::WeekdayFrom(month, day, weekday) => {
                let from = Date::new(year, month, day).ok()?;
                let ahead = (i64::from(weekday) - i64::from(from.weekday().to_monday_one_offset()))
                    .rem_euclid(7);
                add_days(from, ahead)
            }
            HolidayRule::FromEaster(offset) => add_days(easter(year)?, i64::from(offset)),
        }
    }
}

crate::lexicon::lazy! {
    /// The holiday names (`data/holidays.txt`).
    fn holidays() -> PhraseTable<HolidayRule> = PhraseTable::new(
        crate::lexicon::fields(include_str!("../../data/holidays.txt")).filter_map(|f| {
            let rule = match f.as_slice() {
                [_, "easter", offset] => HolidayRule::FromEaster(offset.parse().ok()?),
                [_, date] => {
                    let (m, d) = date.split_once('-')?;
                    HolidayRule::Fixed(m.parse().ok()?, d.parse().ok()?)
                }
                [_, date, w] => {
                    let (m, d) = date.split_once('-')?;
                    HolidayRule::WeekdayFrom(m.parse().ok()?, d.parse().ok()?, w.parse().ok()?)
                }
                [_, m, w, n] => {
                    HolidayRule::NthWeekday(m.parse().ok()?, w.parse().ok()?, n.parse().ok()?)
                }
                _ => return None,
            };
            Some((f[0].split(' ').collect::<Vec<_>>(), rule))
        }),
    );
}

/// A word without a "mid-", "early-", "late-", "pre-" or "post-" prefix ("mid-November"
/// → "November", "post-1959" → "1959": TimeML values the year the words name).
fn strip_part_prefix(word: &str) -> &str {
    ["mid-", "early-", "late-", "pre-", "post-"]
        .iter()
        .find_map(|p| word.strip_prefix(p))
        .unwrap_or(word)
}

/// Whether a capitalized `word` that is neither a number, nor a calendar word, nor one of
/// `data/time_openers.txt` can open a pattern of [`Scan::core`]: a month abbreviated or
/// with a part prefix ("Jan.", "mid-March"), a holiday's first word ("Christmas"), or
/// "FY" ("FY 2008"). The patterns read a capitalized word as its lowercase form, which
/// opens none of them otherwise; asking this spares names the twenty-five patterns
/// (a fifth of the scan's instructions).
fn opens_capitalized(word: &Word) -> bool {
    calendar(strip_part_prefix(word.bare())).is_some()
        || holidays().opens(&word.low)
        || word.low == "fy"
}

/// A plausible four-digit year.
fn year_value(word: &str) -> Option<i16> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i16 = word.parse().ok()?;
    (1600..=2100).contains(&year).then_some(year)
}

/// The year a reference point lies in.
fn reference_year(point: Point) -> i16 {
    match point {
        Point::Day(d) => d.year(),
        Point::Month(y, _) | Point::Year(y) => y,
    }
}

/// The middle month of a TimeML season, used to pick its year.
fn season_month(code: &str) -> i8 {
    match code {
        "SP" => 4,
        "SU" => 7,
        "FA" => 10,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::DocumentInput;

    /// (text, value) of every time in `text` published on `published`.
    fn times(text: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
        let mut input = DocumentInput::text("t", text);
        if let Some(date) = published {
            input = input.published(date);
        }
        let doc = crate::prepare::prepare(input, None).expect("prepared");
        find(&doc)
            .into_iter()
            .map(|t| (doc.text[t.span].to_string(), t.value))
            .collect()
    }

    /// The single time of `text`, published on Tuesday 2024-07-16.
    fn one(text: &str) -> (String, Option<String>) {
        let found = times(text, Some("2024-07-16"));
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().expect("one")
    }

    fn value(text: &str) -> String {
        one(text).1.unwrap_or_default()
    }

    #[test]
    fn full_dates() {
        assert_eq!(
            one("He left on February 14, 2024."),
            ("February 14, 2024".into(), Some("2024-02-14".into()))
        );
        assert_eq!(value("He left on 14 February 2024."), "2024-02-14");
        assert_eq!(value("The report is dated 2024-07-16."), "2024-07-16");
        assert_eq!(
            value("The treaty was signed on the 3rd of March 1999."),
            "1999-03-03"
        );
        assert_eq!(value("The plant opened in July 1997."), "1997-07");
        assert_eq!(
            value("The plant opened in November of last year."),
            "2023-11"
        );
    }

    #[test]
    fn month_and_day_take_the_year_from_the_tense() {
        assert_eq!(
            value("The two firms signed the deal on Feb. 14."),
            "2024-02-14"
        );
        assert_eq!(value("The envoy arrived on August 2."), "2023-08-02");
        assert_eq!(value("The envoy will arrive on March 3."), "2025-03-03");
        assert_eq!(
            value("The dividend is payable Dec. 15 to holders."),
            "2024-12-15"
        );
    }

    #[test]
    fn months_alone() {
        assert_eq!(value("The mayor resigned in November."), "2023-11");
        assert_eq!(value("The mayor will travel in November."), "2024-11");
        assert_eq!(value("The mayor resigned last November."), "2023-11");
        // Published in July: "last June" is not the month just ended.
        assert_eq!(value("The mayor resigned last June."), "2023-06");
        assert_eq!(value("The mayor resigned last May."), "2024-05");
        assert_eq!(value("The mayor resigned last July."), "2023-07");
        assert_eq!(value("The mayor resigned in July."), "2024-07");
        assert_eq!(value("The vote is set for next March."), "2025-03");
        assert_eq!(value("The vote happens this September."), "2024-09");
        assert_eq!(value("Talks stalled in mid-November."), "2023-11");
        assert_eq!(value("He said he would visit in November."), "2024-11");
    }

    #[test]
    fn may_and_march_need_a_reason_to_be_months() {
        assert!(
            times(
                "Officials may resign. Protesters march on.",
                Some("2024-07-16")
            )
            .is_empty()
        );
        assert_eq!(value("The law took effect in May."), "2024-05");
        assert_eq!(value("The law took effect May 5."), "2024-05-05");
    }

    #[test]
    fn weekdays() {
        assert_eq!(
            value("The ministry announced on Tuesday that he resigned."),
            "2024-07-16"
        );
        assert_eq!(
            value("The ministry announced on Friday that he resigned."),
            "2024-07-12"
        );
        assert_eq!(value("The minister will speak on Friday."), "2024-07-19");
        assert_eq!(value("The minister will speak next Tuesday."), "2024-07-23");
        assert_eq!(value("The minister spoke last Tuesday."), "2024-07-09");
        assert_eq!(value("The minister spoke Monday morning."), "2024-07-15");
        assert_eq!(value("The vote is on Saturday, July 20."), "2024-07-20");
    }

    #[test]
    fn a_count_after_in_looks_ahead_only_in_a_future_clause() {
        // Published 2024-07-16.
        assert_eq!(
            value("The Tarsk bonds would be redeemed in five years."),
            "2029"
        );
        assert_eq!(
            value("Ada Lind will retire in two months, she said."),
            "2024-09"
        );
        assert!(
            times(
                "Harran won its first title in five years.",
                Some("2024-07-16")
            )
            .is_empty()
        );
        assert!(
            times(
                "The plant will be rebuilt in three years of work.",
                Some("2024-07-16")
            )
            .is_empty()
        );
    }

    #[test]
    fn a_bare_last_after_than_takes_the_compared_unit() {
        // Published 2024-07-16.
        let found = times(
            "Tarsk Mills paid more this year than last.",
            Some("2024-07-16"),
        );
        assert_eq!(found[1], ("last".into(), Some("2023".into())));
        let found = times(
            "Sales at Harran Foods were as high this month as last.",
            Some("2024-07-16"),
        );
        assert_eq!(found[1], ("last".into(), Some("2024-06".into())));
        // "as last reported" is no time.
        assert!(times("The toll stood as last reported.", Some("2024-07-16")).is_empty());
    }

    #[test]
    fn ordinals_in_words_and_digits() {
        for (word, value) in [
            ("eighth", 8),
            ("twenty-first", 21),
            ("8th", 8),
            ("21st", 21),
        ] {
            assert_eq!(ordinal(word), Some(value), "{word}");
        }
        for word in ["eight", "st", "tenths", "many-first"] {
            assert_eq!(ordinal(word), None, "{word}");
        }
    }

    #[test]
    fn an_ordinal_day_that_is_now_is_the_publication_date() {
        let found = times(
            "Today is the eighth day of the Harran blockade.",
            Some("2024-07-16"),
        );
        assert_eq!(
            found[1],
            ("the eighth day".into(), Some("2024-07-16".into()))
        );
        assert_eq!(
            value("It's the 2nd day of a strike at Tarsk Mills."),
            "2024-07-16"
        );
        assert!(times("The second day of the trial was quiet.", Some("2024-07-16")).is_empty());
    }

    #[test]
    fn a_plan_held_in_the_past_points_ahead() {
        // Published Tuesday 2024-07-16.
        assert_eq!(
            value("Protesters planned a rally on Saturday and were planning to march."),
            "2024-07-20"
        );
        assert_eq!(value("The vote was scheduled for Friday."), "2024-07-19");
        assert_eq!(value("The vote was held on Friday."), "2024-07-12");
    }

    #[test]
    fn easter_and_a_holiday_week() {
        assert_eq!(easter(2000), Date::new(2000, 4, 23).ok());
        assert_eq!(easter(2024), Date::new(2024, 3, 31).ok());
        assert_eq!(easter(2019), Date::new(2019, 4, 21).ok());
        assert_eq!(value("Crowds gathered at Easter."), "2024-03-31");
        assert_eq!(value("The shops closed on Good Friday."), "2024-03-29");
        assert_eq!(
            times(
                "Pilgrims prayed for rain as Easter week began.",
                Some("2024-03-25")
            ),
            pairs(&[("Easter week", "2024-W13")])
        );
        assert_eq!(
            times("Travel peaks in Thanksgiving week.", Some("2024-11-20")),
            pairs(&[("Thanksgiving week", "2024-W48")])
        );
    }

    #[test]
    fn a_possessive_weekday_is_the_nearest_one() {
        // Published on Tuesday 2024-07-16: the verb's future is not the ruling's.
        assert_eq!(
            value("Lawyers would look for ways around Monday's ruling."),
            "2024-07-15"
        );
        assert_eq!(
            value("Three days later, as of Friday's close, the index was down."),
            "2024-07-12"
        );
    }

    #[test]
    fn a_postponement_lies_ahead() {
        assert_eq!(
            value("Officials postponed until Monday any action on the permit."),
            "2024-07-22"
        );
        assert_eq!(value("The hearing was put off to Friday."), "2024-07-19");
        // A deadline without a postponement keeps the nearest day.
        assert_eq!(value("The road stayed closed until Sunday."), "2024-07-14");
    }

    #[test]
    fn the_week_of_a_date_is_its_week() {
        assert_eq!(
            one("A hearing is set for the week of July 29."),
            ("the week of July 29".into(), Some("2024-W31".into()))
        );
    }

    #[test]
    fn the_later_days_of_a_list_share_the_month() {
        assert_eq!(
            times(
                "The summit will be held on April 24 and 25.",
                Some("2024-02-10")
            ),
            vec![
                ("April 24".into(), Some("2024-04-24".into())),
                ("25".into(), Some("2024-04-25".into())),
            ]
        );
        assert_eq!(
            times("Talks ran from June 3 to 5.", Some("2024-07-16"))[1],
            ("5".into(), Some("2024-06-05".into()))
        );
        // A number after a date is not always a day.
        assert_eq!(
            times("On June 3 and 2 others died.", Some("2024-07-16")).len(),
            1
        );
    }

    #[test]
    fn today_in_a_name_or_in_general_is_no_day() {
        assert!(times("He told USA Today the plan failed.", Some("2024-07-16")).is_empty());
        assert_eq!(
            times("In today's world, few write letters.", Some("2024-07-16")),
            vec![("today's".into(), None)]
        );
        assert_eq!(value("Today's editions carry the offer."), "2024-07-16");
        assert_eq!(
            times(
                "Many of today's personal computers use it.",
                Some("2024-07-16")
            ),
            vec![("today's".into(), None)]
        );
        assert_eq!(
            times("He chose the people of tomorrow.", Some("2024-07-16")),
            vec![("tomorrow".into(), None)]
        );
        assert_eq!(value("The results of today's vote are due."), "2024-07-16");
        assert_eq!(value("Shares ended the day as of today."), "2024-07-16");
    }

    #[test]
    fn until_then_is_the_time_the_text_is_at() {
        assert_eq!(
            times(
                "The rights expire on Nov. 30. Until then, holders may convert.",
                Some("2024-07-16")
            )[1],
            ("then".into(), Some("2024-11-30".into()))
        );
        assert_eq!(
            times(
                "The list began in 1950. Since then, many were caught, and then freed.",
                Some("2024-07-16")
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_capitalized_unit_is_a_title() {
        assert!(
            times(
                "He said on the network's \"This Week\" program that talks failed.",
                Some("2024-07-16")
            )
            .is_empty()
        );
    }

    #[test]
    fn days_relative_to_publication() {
        assert_eq!(value("He arrived yesterday."), "2024-07-15");
        assert_eq!(value("He arrives today."), "2024-07-16");
        assert_eq!(value("He arrives tomorrow."), "2024-07-17");
        assert_eq!(value("They met on Thanksgiving."), "2023-11-23");
        assert_eq!(value("They will meet on Christmas Eve."), "2024-12-24");
        // The Tuesday after the first Monday of November.
        assert_eq!(value("Polls close on Election Day."), "2024-11-05");
        assert_eq!(value("Shops close on Labor Day."), "2024-09-02");
    }

    #[test]
    fn years_months_and_weeks_relative_to_publication() {
        assert_eq!(
            one("Last year, exports fell."),
            ("Last year".into(), Some("2023".into()))
        );
        assert_eq!(value("Exports rose this year."), "2024");
        assert_eq!(value("Exports will rise next year."), "2025");
        assert_eq!(
            one("He resigned late last year."),
            ("late last year".into(), Some("2023".into()))
        );
        assert_eq!(value("Prices rose last month."), "2024-06");
        assert_eq!(value("Officials said this week that he left."), "2024-W29");
        assert_eq!(value("Officials met last week."), "2024-W28");
        assert_eq!(value("The count was higher a decade ago."), "2014");
        assert_eq!(value("He left two years ago."), "2022");
        assert_eq!(value("He left three months ago."), "2024-04");
        assert_eq!(value("He left five days ago."), "2024-07-11");
    }

    #[test]
    fn vague_times_have_no_value() {
        assert_eq!(
            one("Exports have grown in recent years."),
            ("recent years".into(), None)
        );
    }

    #[test]
    fn years_ranges_and_decades() {
        assert_eq!(value("He moved there in 1999."), "1999");
        assert_eq!(value("He has lived there since 2015."), "2015");
        let first = |text: &str| times(text, Some("2024-07-16"))[0].clone();
        assert_eq!(
            first("He served from 2011 to 2015."),
            ("2011 to 2015".into(), Some("2011/2015".into()))
        );
        assert_eq!(
            first("He served between 2011 and 2013.").1.unwrap(),
            "2011/2013"
        );
        assert_eq!(first("He served 2012-2017.").1.unwrap(), "2012/2017");
        assert_eq!(
            one("Since the late 1990s, prices have risen."),
            ("late 1990s".into(), Some("199".into()))
        );
        assert_eq!(value("Growth slowed in the mid-1980s."), "198");
    }

    #[test]
    fn seasons_and_centuries() {
        assert_eq!(value("The talks stalled last summer."), "2023-SU");
        assert_eq!(value("The talks stalled in the autumn."), "2023-FA");
        assert_eq!(value("The talks will resume in the autumn."), "2024-FA");
        assert_eq!(value("The plant closed in summer 2018."), "2018-SU");
        assert_eq!(value("The town was founded in the 19th century."), "18");
        assert!(times("Prices fall in spring markets.", Some("2024-07-16")).is_empty());
    }

    #[test]
    fn relative_to_the_previous_time() {
        let found = times(
            "The talks began on May 3. The following month, they collapsed.",
            Some("2024-07-16"),
        );
        let values: Vec<_> = found
            .into_iter()
            .map(|(_, v)| v.unwrap_or_default())
            .collect();
        assert_eq!(values, ["2024-05-03", "2024-06"]);
        let found = times(
            "The raid began on May 3. Later that day, police left.",
            Some("2024-07-16"),
        );
        assert_eq!(
            found[1],
            ("Later that day".into(), Some("2024-05-03".into()))
        );
        let found = times(
            "They met on May 3. The next morning, talks collapsed.",
            Some("2024-07-16"),
        );
        assert_eq!(
            found[1],
            ("The next morning".into(), Some("2024-05-04".into()))
        );
        let found = times(
            "The last case was in 2018. He arrived in July of that year.",
            Some("2024-07-16"),
        );
        assert_eq!(
            found[1],
            ("July of that year".into(), Some("2018-07".into()))
        );
    }

    #[test]
    fn the_day_next_to_a_time_or_in_apposition() {
        assert_eq!(
            one("The day before last Tuesday's hearing, he flew home."),
            (
                "The day before last Tuesday".into(),
                Some("2024-07-08".into())
            )
        );
        assert_eq!(
            one("They met the day after Christmas."),
            ("the day after Christmas".into(), Some("2023-12-26".into()))
        );
        assert_eq!(
            times(
                "Shares fell on May 3, the day before the vote.",
                Some("2024-07-16")
            ),
            pairs(&[("May 3", "2024-05-03"), ("the day", "2024-05-03")])
        );
        assert_eq!(
            times(
                "She spoke on Monday. She arrived in Boston later in the day.",
                Some("2024-07-16")
            ),
            pairs(&[("Monday", "2024-07-15"), ("the day", "2024-07-15")])
        );
        // No time follows and no date stands before: the day of an unnamed event.
        assert!(times("He left the day after the vote.", Some("2024-07-16")).is_empty());
        assert!(times("It was the day of the vote.", Some("2024-07-16")).is_empty());
    }

    #[test]
    fn a_month_before_a_noun_is_a_month() {
        assert_eq!(
            one("The March accession will let them join."),
            ("March".into(), Some("2025-03".into()))
        );
        assert_eq!(value("They lost the May elections."), "2024-05");
        assert!(times("The March on Washington drew crowds.", Some("2024-07-16")).is_empty());
        assert!(times("Theresa May spoke.", Some("2024-07-16")).is_empty());
    }

    #[test]
    fn numbers_that_are_not_times() {
        let text = "The ship carried 180 metric tons of rice and 1,053 passengers. Some 2,600 people \
                    waited. Kim, 47, said 3,000 more would come. Flight 2020 landed. It cost $2018.";
        assert_eq!(times(text, Some("2024-07-16")), []);
    }

    #[test]
    fn without_a_publication_date_only_absolute_times_resolve() {
        let found = times(
            "He fled in November and returned on February 14, 2024.",
            None,
        );
        assert_eq!(
            found,
            [
                ("November".into(), None),
                ("February 14, 2024".into(), Some("2024-02-14".into()))
            ]
        );
    }

    /// (text, value) pairs, for comparing lists.
    fn pairs(list: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
        list.iter()
            .map(|(t, v)| (t.to_string(), Some(v.to_string())))
            .collect()
    }

    #[test]
    fn a_date_near_publication_outweighs_the_tense() {
        // Two months or less ahead: the coming one, whatever the tense.
        let record = "The board declared the payout to holders of record Dec. 21.";
        assert_eq!(
            times(record, Some("2024-10-25")),
            pairs(&[("Dec. 21", "2024-12-21")])
        );
        let month = "The plant said it cut its output in September.";
        assert_eq!(
            times(month, Some("2024-08-16")),
            pairs(&[("September", "2024-09")])
        );
        // Farther ahead, the tense decides.
        let far = "The plant said it cut its output in January.";
        assert_eq!(
            times(far, Some("2024-08-16")),
            pairs(&[("January", "2024-01")])
        );
        // "last" is a direction, not a tense.
        let last = "The plant cut its output last September.";
        assert_eq!(
            times(last, Some("2024-08-16")),
            pairs(&[("last September", "2023-09")])
        );
    }

    #[test]
    fn the_year_is_the_year_of_publication() {
        let high = "Shares hit a high for the year in June.";
        assert_eq!(
            times(high, Some("2024-07-16")),
            pairs(&[("the year", "2024"), ("June", "2024-06")])
        );
        assert_eq!(value("Sales for the full year rose 3%."), "2024");
        // Counted from the previous time, not the year of publication.
        assert_eq!(
            times("The firm was sold the year before.", Some("2024-07-16")),
            pairs(&[("the year before", "2023")])
        );
    }

    #[test]
    fn a_weekday_without_tense_looks_back_up_to_four_days() {
        // Published on Monday 2024-07-15.
        let close = "A 5% premium over Thursday's closing price.";
        assert_eq!(
            times(close, Some("2024-07-15")),
            pairs(&[("Thursday", "2024-07-11")])
        );
        let coming = "A 5% premium over Wednesday's closing price.";
        assert_eq!(
            times(coming, Some("2024-07-15")),
            pairs(&[("Wednesday", "2024-07-17")])
        );
        let scheduled = "The talks, set to resume Tuesday, stalled.";
        assert_eq!(
            times(scheduled, Some("2024-07-14")),
            pairs(&[("Tuesday", "2024-07-16")])
        );
        // A past form too short for the "-ed" rule still looks back (Friday 2024-05-10).
        let died = "Ivo Rask died on Sunday at his home.";
        assert_eq!(
            times(died, Some("2024-05-10")),
            pairs(&[("Sunday", "2024-05-05")])
        );
    }

    #[test]
    fn a_preview_s_date_lies_ahead() {
        let preview = "The two leaders will meet on October 12 in Vienna.";
        assert_eq!(
            times(preview, Some("2024-10-04")),
            pairs(&[("October 12", "2024-10-12")])
        );
        // "next to" places, it does not look ahead.
        assert_eq!(
            times(
                "Two bombs exploded next to the embassy on Friday.",
                Some("2024-07-16")
            ),
            pairs(&[("Friday", "2024-07-12")])
        );
        let announced = "The maker announced an event to be held on October 12.";
        assert_eq!(
            times(announced, Some("2024-10-04")),
            pairs(&[("October 12", "2024-10-12")])
        );
        // A deadline a few weeks ahead of a past-tense report is the coming one.
        let deadline = "The bidder extended its offer to Nov. 16.";
        assert_eq!(
            times(deadline, Some("2024-10-30")),
            pairs(&[("Nov. 16", "2024-11-16")])
        );
        // Past tense and a date well behind: backward.
        let past = "The firm announced the cuts on Aug. 21.";
        assert_eq!(
            times(past, Some("2024-10-27")),
            pairs(&[("Aug. 21", "2024-08-21")])
        );
    }

    #[test]
    fn a_range_gives_its_ends_as_times_of_their_own() {
        assert_eq!(
            times("Output grew from 2009 to 2011.", Some("2024-07-16")),
            pairs(&[
                ("2009 to 2011", "2009/2011"),
                ("2009", "2009"),
                ("2011", "2011")
            ])
        );
        assert_eq!(
            times("The plant ran in 2009 and 2010.", Some("2024-07-16")),
            pairs(&[("2009", "2009"), ("2010", "2010")])
        );
    }

    #[test]
    fn numeric_dates_in_either_order() {
        // Month first unless a number cannot be a month.
        assert_eq!(value("The vote was held on 7/8/07."), "2007-07-08");
        assert_eq!(value("The vote was held on 25/12/2023."), "2023-12-25");
        assert_eq!(value("The vote was held on 12/25/2023."), "2023-12-25");
        // A document that writes another date day first reads its ambiguous ones so.
        assert_eq!(
            times(
                "The fire began on 30/06/2024. It was out on 7/8/24.",
                Some("2024-09-01")
            ),
            pairs(&[("30/06/2024", "2024-06-30"), ("7/8/24", "2024-08-07")])
        );
        // Two-digit years past ten years ahead of publication are of the last century.
        assert_eq!(value("He was born on 3/4/68."), "1968-03-04");
    }

    #[test]
    fn quarters_and_halves() {
        assert_eq!(
            value("Profit rose in the third quarter of 2008."),
            "2008-Q3"
        );
        assert_eq!(value("Profit rose in the 2022 fourth quarter."), "2022-Q4");
        assert_eq!(value("Profit rose 4% in Q1 2023."), "2023-Q1");
        assert_eq!(value("Sales fell in the first half of 2023."), "2023-H1");
        assert_eq!(
            value("Sales will grow in this year's second half."),
            "2024-H2"
        );
        // Without a year, the nearest to publication (a July 16 article).
        assert_eq!(value("Sales fell in the first quarter."), "2024-Q1");
        assert_eq!(
            value("Fourth-quarter sales will be reported later."),
            "2024-Q4"
        );
        assert_eq!(value("Prices rose last quarter."), "2024-Q2");
        // A half without a year is a game's, not the calendar's; fractions are no times.
        assert!(times("He scored in the second half.", Some("2024-07-16")).is_empty());
        assert!(times("A quarter of the staff left.", Some("2024-07-16")).is_empty());
    }

    #[test]
    fn capitalized_words_open_only_the_patterns_they_can() {
        // Past the word lists `may_open` reads: an abbreviated or prefixed month, a
        // holiday, "FY".
        assert_eq!(value("Revenue grew in FY 2008."), "FY2008");
        assert_eq!(value("Talks resumed in mid-March."), "2024-03");
        assert_eq!(value("The firms met on Jan. 14."), "2024-01-14");
        assert_eq!(value("The firms met at Easter."), "2024-03-31");
        assert!(times("Ivo Rask met Ada Lind in Tarsk.", Some("2024-07-16")).is_empty());
    }

    #[test]
    fn fiscal_years_keep_their_own_value() {
        assert_eq!(value("Revenue grew in fiscal 2023."), "FY2023");
        assert_eq!(value("The plan runs through FY25."), "FY2025");
        assert_eq!(value("Revenue grew in fiscal year 2023."), "FY2023");
        assert_eq!(
            value("Revenue grew in the fiscal 2023 second quarter."),
            "FY2023-Q2"
        );
        // Which fiscal year a bare fiscal quarter lies in depends on the company.
        assert_eq!(one("Revenue grew in the fiscal first quarter.").1, None);
    }

    #[test]
    fn a_weekday_counted_from_an_earlier_day_of_the_text() {
        let found = times(
            "Shares closed at a record on Friday, March 8. They were up 2% from the previous Friday.",
            Some("2024-07-16"),
        );
        assert_eq!(
            found,
            pairs(&[
                ("Friday, March 8", "2024-03-08"),
                ("the previous Friday", "2024-03-01")
            ])
        );
    }

    #[test]
    fn a_year_earlier_compares_with_the_year_before_the_period() {
        // "a year ago" counts from publication and sets no reference of its own.
        let found = times(
            "Sales rose 5% from a year ago, and profit was higher than a year earlier.",
            Some("2024-07-16"),
        );
        assert_eq!(
            found,
            pairs(&[("a year ago", "2023"), ("a year earlier", "2023")])
        );
        let found = times(
            "The mine closed in 2019. A year earlier, it had lost money.",
            Some("2024-07-16"),
        );
        assert_eq!(found[1], ("A year earlier".into(), Some("2018".into())));
    }

    #[test]
    fn year_ago_and_year_earlier_as_adjectives() {
        assert_eq!(value("Profit fell from year-ago levels."), "2023");
        let found = times(
            "Output rose 3% last year. Year-earlier output was lower.",
            Some("2024-07-16"),
        );
        assert_eq!(found[1], ("Year-earlier".into(), Some("2023".into())));
    }

    #[test]
    fn prefixed_years_and_dates_after_last() {
        assert_eq!(value("The post-1959 order split families."), "1959");
        assert_eq!(value("He was shot last Oct. 23 at home."), "2023-10-23");
    }

    #[test]
    fn year_end_and_the_past_year() {
        assert_eq!(value("The sale should close by year-end."), "2024");
        assert_eq!(value("Hate crimes rose over the past year."), "2023");
        assert_eq!(value("Sales in the current fiscal year will rise."), "2024");
    }

    #[test]
    fn a_noun_or_adjective_is_no_tense_cue() {
        // "the plan" and "unspecified" say nothing of the tense; "will" does.
        assert_eq!(
            value("The board announced the plan Oct. 2 to cut costs."),
            "2023-10-02"
        );
        assert_eq!(
            value("The split would be paid on a still unspecified date in January."),
            "2025-01"
        );
        // "vacation plans" is a noun: the Friday is the one just past.
        assert_eq!(
            value(
                "On Friday, when Ada Lind set aside vacation plans for the summit in Tarsk, the talks resumed."
            ),
            "2024-07-12"
        );
        // So is "planned" after "the hastily": the trip is an adjective's noun.
        assert_eq!(
            value("On Friday, as Ada Lind set out on the hastily planned trip, the talks resumed."),
            "2024-07-12"
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,200}", day in 0i64..40000) {
            let date = Date::constant(1900, 1, 1).checked_add(day.days()).expect("in range");
            let published = date.to_string();
            let _ = times(&format!("{text} in November, last year, 1999 to 2001."), Some(&published));
            let _ = times(&format!("{text} x"), None);
        }
    }
}
