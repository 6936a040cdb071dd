//! The lowercase word view of a document's sentences, made once as the document is
//! prepared, and the numbers written in digits or words ("1,253", "2.5", "twenty-five",
//! "two hundred", "3 billion", "a dozen", "dozens") read from it: shared by the time,
//! quantity and syntax scans of extraction and by comparison.

use std::ops::Range;

use crate::text::{Analysis, fold_lower};

/// One token of a sentence with its matching form.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// The token as written, when it differs from `low` (see [`Word::raw`]): most tokens
    /// are lowercase already, and a copy per token was a third of the words' allocations.
    raw: Option<Box<str>>,
    /// Folded, lowercased text.
    pub low: String,
    /// See [`Word::capitalized`]. This and `number` are read once, as the word is made:
    /// the time and quantity scanners ask at every position.
    capitalized: bool,
    /// The value of a number word ("twelve", "twenty-five", "dozens").
    number: Option<(f64, WordKind)>,
}

impl Word {
    /// A word from its byte range and text.
    pub fn new(span: Range<usize>, raw: &str) -> Word {
        Word::folded(span, raw, fold_lower(raw))
    }

    /// A word from its byte range, text and folded lowercase form.
    fn folded(span: Range<usize>, raw: &str, low: String) -> Word {
        // Hyphens are found by bytes (a hyphen is one byte that no other character's
        // UTF-8 contains): `rfind('-')` sets up a searcher that, for words of a few
        // letters, cost a third of the making of every word.
        let after = raw
            .bytes()
            .rposition(|b| b == b'-')
            .map_or(raw, |dash| &raw[dash + 1..]);
        Word {
            span,
            raw: (raw != low).then(|| raw.into()),
            capitalized: after.chars().next().is_some_and(char::is_uppercase),
            number: word_value(&low),
            low,
        }
    }

    /// The token as written.
    pub fn raw(&self) -> &str {
        self.raw.as_deref().unwrap_or(&self.low)
    }

    /// Whether the word (or its part after a hyphen prefix, "mid-November") starts
    /// with an uppercase letter.
    pub fn capitalized(&self) -> bool {
        self.capitalized
    }

    /// Whether the word is a number word ("twelve", "dozens").
    pub fn is_number_word(&self) -> bool {
        self.number.is_some()
    }

    /// The lowercase form without a final abbreviation period ("sept." → "sept").
    pub fn bare(&self) -> &str {
        if self.low.len() > 1 {
            self.low.strip_suffix('.').unwrap_or(&self.low)
        } else {
            &self.low
        }
    }
}

/// The words of a document as the extraction stages match them, folded once per
/// document: the time, quantity and syntax stages each read every body sentence, and
/// four stages read the lowercase tokens, so folding them anew each time cost a fifth of
/// the extraction.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocWords {
    /// Every token folded and lowercased, aligned with `analysis.tokens`.
    pub lower: Vec<String>,
    /// The words of every sentence in order, percent signs split off.
    words: Vec<Word>,
    /// Each sentence's range in `words`.
    sentences: Vec<Range<usize>>,
}

impl DocWords {
    /// The words of `text` as `analysis` cuts it.
    pub fn new(text: &str, analysis: &Analysis) -> DocWords {
        let lower: Vec<String> = analysis
            .tokens
            .iter()
            .map(|t| fold_lower(t.as_str(text)))
            .collect();
        let mut words = Vec::with_capacity(analysis.tokens.len());
        let sentences = analysis
            .sentences
            .iter()
            .map(|sentence| {
                let start = words.len();
                for i in sentence.tokens.clone() {
                    let token = analysis.tokens[i];
                    split_percent(&mut words, token.start, token.as_str(text), &lower[i]);
                }
                start..words.len()
            })
            .collect();
        DocWords {
            lower,
            words,
            sentences,
        }
    }

    /// The words of sentence `index` (none past the last sentence).
    pub fn sentence(&self, index: usize) -> &[Word] {
        self.sentences
            .get(index)
            .map_or(&[], |range| &self.words[range.clone()])
    }
}

/// One token as words pushed onto `words`, with a percent sign (and a final period)
/// glued to a number split off: "1.5%." → "1.5", "%", "."; `lower` is the token folded
/// and lowercased, the form of a token left whole.
fn split_percent(words: &mut Vec<Word>, start: usize, text: &str, lower: &str) {
    let core = text.strip_suffix('.').unwrap_or(text);
    match core.strip_suffix('%') {
        Some(number) if parse_digits(number).is_some() => {
            words.push(Word::new(start..start + number.len(), number));
            words.push(Word::new(start + number.len()..start + core.len(), "%"));
            if core.len() < text.len() {
                words.push(Word::new(start + core.len()..start + text.len(), "."));
            }
        }
        _ => words.push(Word::folded(
            start..start + text.len(),
            text,
            lower.to_string(),
        )),
    }
}

/// How a number word combines with its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordKind {
    /// "one" … "nineteen": added.
    Unit,
    /// "twenty" … "ninety": added, may take a unit after it.
    Ten,
    /// "hundred": multiplies what precedes.
    Hundred,
    /// "thousand", "million", …: multiplies what precedes and closes the group.
    Scale,
    /// "dozen": twelve, multiplies what precedes.
    Dozen,
    /// "dozens", "hundreds", …: a vague plural.
    Plural,
}

crate::lexicon::lazy! {
    /// The number-word table (`data/number_words.txt`).
    fn number_words() -> crate::lexicon::Map<(f64, WordKind)> = {
        crate::lexicon::fields(include_str!("../../data/number_words.txt"))
            .filter_map(|f| {
                let value = f.get(1)?.parse().ok()?;
                let kind = match *f.get(2)? {
                    "unit" => WordKind::Unit,
                    "ten" => WordKind::Ten,
                    "hundred" => WordKind::Hundred,
                    "scale" => WordKind::Scale,
                    "dozen" => WordKind::Dozen,
                    "plural" => WordKind::Plural,
                    _ => return None,
                };
                Some((f[0], (value, kind)))
            })
            .collect()
    };
}

/// A number found at some word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Number {
    /// The value.
    pub value: f64,
    /// How many words it takes.
    pub words: usize,
    /// Vague ("dozens", "hundreds of").
    pub approximate: bool,
}

/// Parses digits with thousands separators and decimals: "1,253", "2.5", "45,000".
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    // Called at every word, most of which are not numbers.
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (int, frac) = match s.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (s, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or_default();
    let first_ok = !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit());
    let grouped = !int.contains(',')
        || (first.len() <= 3
            && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())));
    if !first_ok || !grouped {
        return None;
    }
    // Only a number with separators needs a copy without them.
    let value: Option<f64> = if int.contains(',') {
        s.replace(',', "").parse().ok()
    } else {
        s.parse().ok()
    };
    // A 500-digit number overflows to infinity, which JSON cannot carry: not a quantity.
    value.filter(|value| value.is_finite())
}

/// The value of a tens word ("twenty" 20, "ninety" 90), which opens a compound
/// ("twenty-five", "twenty-first").
pub(crate) fn tens_value(word: &str) -> Option<u32> {
    match number_words().get(word)? {
        // The tens of the table are whole numbers below a hundred: the cast is exact.
        &(value, WordKind::Ten) => Some(value as u32),
        _ => None,
    }
}

/// Whether a lowercase word is a number: digits ("12", "1,400") or a number word
/// ("twelve", "twenty-five", "dozens").
pub(crate) fn is_number(word: &str) -> bool {
    parse_digits(word).is_some() || word_value(word).is_some()
}

/// The value of one number-word token, hyphenated compounds included ("twenty-five").
fn word_value(word: &str) -> Option<(f64, WordKind)> {
    if let Some(&found) = number_words().get(word) {
        return Some(found);
    }
    // By bytes, as in `Word::folded`: asked of every word.
    let dash = word.bytes().position(|b| b == b'-')?;
    let (tens, unit) = (&word[..dash], &word[dash + 1..]);
    match (number_words().get(tens)?, number_words().get(unit)?) {
        (&(t, WordKind::Ten), &(u, WordKind::Unit)) if u < 10.0 && u > 0.0 => {
            Some((t + u, WordKind::Unit))
        }
        _ => None,
    }
}

/// The number starting at `words[at]`, if there is one.
pub(crate) fn number_at(words: &[Word], at: usize) -> Option<Number> {
    let first = words.get(at)?;
    if let Some(mut value) = parse_digits(&first.low) {
        // "1 , 400": thousands separated by a comma written as a token of its own, as
        // tokenized text has them.
        let mut used = 1;
        let group_of_three =
            |w: &Word| w.low.len() == 3 && w.low.bytes().all(|b| b.is_ascii_digit());
        if first.low.len() <= 3 && first.low.bytes().all(|b| b.is_ascii_digit()) {
            while words.get(at + used).is_some_and(|w| w.low == ",")
                && words.get(at + used + 1).is_some_and(group_of_three)
            {
                value =
                    value * 1000.0 + parse_digits(&words[at + used + 1].low).unwrap_or_default();
                used += 2;
            }
        }
        // "2.5 million", "3 billion".
        let scale = words
            .get(at + used)
            .and_then(|w| number_words().get(w.low.as_str()))
            .filter(|(_, kind)| matches!(kind, WordKind::Scale | WordKind::Hundred));
        let number = match scale {
            Some(&(factor, _)) => Number {
                value: value * factor,
                words: used + 1,
                approximate: false,
            },
            None => Number {
                value,
                words: used,
                approximate: false,
            },
        };
        return number.value.is_finite().then_some(number);
    }
    number_in_words(words, at)
}

/// A number written in words: "two hundred", "twenty-five", "a dozen", "dozens".
fn number_in_words(words: &[Word], at: usize) -> Option<Number> {
    let mut i = at;
    let mut total = 0.0;
    let mut group = 0.0;
    let mut any = false;
    // "a dozen", "a hundred", "a million".
    if words[at].low == "a" || words[at].low == "one" {
        if let Some((v, WordKind::Hundred | WordKind::Scale | WordKind::Dozen)) =
            words.get(at + 1).and_then(|w| w.number)
        {
            group = v;
            i = at + 2;
            any = true;
        }
    }
    if !any {
        if let Some((v, WordKind::Plural)) = words[at].number {
            // "dozens", "hundreds of thousands".
            let mut value = 2.0 * v;
            let mut used = 1;
            if words.get(at + 1).is_some_and(|w| w.low == "of") {
                if let Some((w, WordKind::Plural)) = words.get(at + 2).and_then(|w| w.number) {
                    value *= w;
                    used = 3;
                }
            }
            return Some(Number {
                value,
                words: used,
                approximate: true,
            });
        }
    }
    while let Some(word) = words.get(i) {
        let Some((v, kind)) = word.number else {
            // "two hundred and five".
            if word.low == "and"
                && any
                && group >= 100.0
                && words.get(i + 1).and_then(|w| w.number).is_some()
            {
                i += 1;
                continue;
            }
            break;
        };
        match kind {
            WordKind::Unit | WordKind::Ten => {
                // "twenty five" is fine, "five five" is two numbers.
                let last_digit = group % 100.0;
                if any && (last_digit != 0.0 && !(last_digit % 10.0 == 0.0 && v < 10.0)) {
                    break;
                }
                group += v;
            }
            WordKind::Hundred | WordKind::Dozen => group = if any { group * v } else { v },
            WordKind::Scale => {
                total += if any { group * v } else { v };
                group = 0.0;
            }
            WordKind::Plural => break,
        }
        any = true;
        i += 1;
    }
    if !any || (i == at + 1 && words[at].low == "and") {
        return None;
    }
    Some(Number {
        value: total + group,
        words: i - at,
        approximate: false,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Words of a short text, for tests of the scanners.
    pub(crate) fn words_of(text: &str) -> Vec<Word> {
        let mut words = Vec::new();
        for t in crate::text::tokenize(text) {
            split_percent(
                &mut words,
                t.start,
                t.as_str(text),
                &fold_lower(t.as_str(text)),
            );
        }
        words
    }

    fn value(text: &str) -> Option<(f64, usize, bool)> {
        number_at(&words_of(text), 0).map(|n| (n.value, n.words, n.approximate))
    }

    #[test]
    fn digits_with_separators_and_decimals() {
        assert_eq!(parse_digits("1,253"), Some(1253.0));
        assert_eq!(parse_digits("2.5"), Some(2.5));
        assert_eq!(parse_digits("45,000"), Some(45000.0));
        assert_eq!(parse_digits("1,04"), None);
        assert_eq!(parse_digits("12a"), None);
        assert_eq!(parse_digits(""), None);
        assert_eq!(parse_digits(&"9".repeat(500)), None);
        assert_eq!(value("2.5 million people"), Some((2_500_000.0, 2, false)));
    }

    #[test]
    fn number_words_and_compounds() {
        assert_eq!(value("ten people"), Some((10.0, 1, false)));
        assert_eq!(value("two hundred people"), Some((200.0, 2, false)));
        assert_eq!(value("twenty-five people"), Some((25.0, 1, false)));
        assert_eq!(value("twenty five people"), Some((25.0, 2, false)));
        assert_eq!(
            value("three thousand two hundred and five"),
            Some((3205.0, 6, false))
        );
        assert_eq!(value("a dozen eggs"), Some((12.0, 2, false)));
        assert_eq!(value("dozens of eggs"), Some((24.0, 1, true)));
        assert_eq!(
            value("hundreds of thousands of people"),
            Some((200_000.0, 3, true))
        );
        assert_eq!(value("people"), None);
        assert_eq!(value("a man"), None);
    }
}
