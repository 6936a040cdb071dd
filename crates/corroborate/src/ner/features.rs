//! Feature extraction. A document is read once into per-word hashes (word, lowercase,
//! shape, affixes, gazetteer matches) and a document memory (how each word is written
//! elsewhere in the document); each word's features are then combinations of these
//! hashes over a window of two words either side, turned into 32-bit keys.

use std::borrow::Cow;

use super::gazetteer::Gazetteer;
use super::hash;
use super::tags::TAGS;

/// How a word is capitalized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// No letters.
    None,
    /// Only lowercase letters.
    Lower,
    /// An uppercase first letter followed by lowercase ones ("Paris", "McDonald").
    Title,
    /// Only uppercase letters ("NATO", "U.N.").
    Upper,
}

impl Case {
    fn of(word: &str) -> Case {
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        let Some(first) = letters.next() else {
            return Case::None;
        };
        let (mut upper, mut lower) = (0, 0);
        for c in letters {
            if c.is_uppercase() {
                upper += 1;
            } else if c.is_lowercase() {
                lower += 1;
            }
        }
        match (first.is_uppercase(), upper, lower) {
            (true, _, 0) => Case::Upper,
            (true, _, _) => Case::Title,
            (false, 0, _) => Case::Lower,
            (false, _, _) => Case::Title,
        }
    }

    fn capitalized(self) -> bool {
        matches!(self, Case::Title | Case::Upper)
    }
}

/// What is known of one word before looking at its neighbours.
#[derive(Debug, Clone)]
struct Word {
    word: u64,
    lower: u64,
    short: u64,
    case: Case,
    gaz: u64,
    /// The word's form, its index in the [`Forms`] the view was read with.
    form: usize,
}

/// How a lowercase word form is written elsewhere in the document.
#[derive(Debug, Clone, Copy, Default)]
struct Seen {
    /// Somewhere in lowercase, outside headlines.
    lowercase: bool,
    /// Somewhere capitalized, neither sentence-initial nor in a headline.
    capitalized_inside: bool,
    /// The first mixed-case spelling outside headlines, as a word hash.
    mixed: Option<u64>,
}

/// The word forms read so far and what does not depend on their context: the hash of
/// the folded form, of its lowercase and its short shape, its case. Kept across the
/// documents one worker tags, a form's shapes and keys are worked out, and its keys
/// scored, once — news repeats most of its words from one article to the next. Forms
/// are told apart by the hash of their text as given, so that a word met before is
/// neither folded nor lowercased again (two spellings that fold alike are two forms with
/// the same hashes and keys).
#[derive(Debug, Default)]
pub(crate) struct Forms {
    /// Hash of the text as given → index.
    index: hash::Map<usize>,
    /// What each form is, by index.
    known: Vec<Form>,
}

impl Forms {
    /// The number of forms.
    pub(crate) fn len(&self) -> usize {
        self.known.len()
    }
}

/// One word form of [`Forms`].
#[derive(Debug, Clone, Copy)]
struct Form {
    /// Hash of the folded text.
    word: u64,
    /// Hash of the folded text lowercased.
    lower: u64,
    /// Hash of the short shape.
    short: u64,
    case: Case,
    /// Whether it has a letter or a digit.
    alphanumeric: bool,
}

/// One document ready for feature extraction.
pub(crate) struct DocView {
    sentences: Vec<Vec<Word>>,
    /// The keys that depend on the form alone of each form first met in this
    /// document, [`FORM_ROLES`] "words" per form, in the order of their indexes from
    /// `first_new_form` on: scored once per form rather than at every occurrence (see
    /// [`Forms`]). The first holds the keys of the word itself (the bias, the form, its
    /// lowercase, shapes and affixes); the others, its keys as the neighbour at each of
    /// [`NEIGHBOURS`] of another word (its lowercase and short shape).
    pub new_forms: Features,
    /// The index of the first form this document added to its [`Forms`].
    pub first_new_form: usize,
    /// Whether each sentence is a headline (letters, but none lowercase).
    headline: Vec<bool>,
    /// Index of each sentence's first word with a letter or digit.
    first: Vec<usize>,
    memory: hash::Map<Seen>,
}

/// The keys of every word of a sentence: word `i` has `keys[starts[i]..starts[i + 1]]`.
#[derive(Debug, Default, Clone)]
pub(crate) struct Features {
    pub keys: Vec<u32>,
    pub starts: Vec<usize>,
}

impl Features {
    /// The keys of word `i`.
    pub(crate) fn of(&self, i: usize) -> &[u32] {
        &self.keys[self.starts[i]..self.starts[i + 1]]
    }

    /// The number of words.
    pub(crate) fn len(&self) -> usize {
        self.starts.len() - 1
    }
}

/// Where a word reads the lowercase and short shape of its neighbours, relative to it.
const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];

/// The "words" of [`DocView::new_forms`] per form: its own keys, then its keys as each
/// neighbour of [`NEIGHBOURS`]. Most of a word's context keys are those of its
/// neighbours' forms: scored with the form, they are looked up once per form rather
/// than at every occurrence of every neighbour.
pub(crate) const FORM_ROLES: usize = 1 + NEIGHBOURS.len();

/// Template numbers (the first byte of each key's hash input).
mod t {
    pub const BIAS: u8 = 1;
    pub const WORD: u8 = 2;
    pub const LOWER: u8 = 3;
    pub const SHAPE: u8 = 4;
    pub const SHORT: u8 = 5;
    pub const AFFIX: u8 = 6; // 6..=13
    pub const LOWER_AT: u8 = 14; // 14..=17: -2, -1, +1, +2
    pub const SHORT_AT: u8 = 18; // 18..=21
    pub const BIGRAM_LEFT: u8 = 22;
    pub const BIGRAM_RIGHT: u8 = 23;
    pub const SHAPE_TRIGRAM: u8 = 24;
    pub const FIRST: u8 = 25;
    pub const HEADLINE_SHORT: u8 = 26;
    pub const HEADLINE_LOWER: u8 = 27;
    pub const GAZ: u8 = 28;
    pub const GAZ_LEFT: u8 = 29;
    pub const GAZ_RIGHT: u8 = 30;
    pub const SEEN_LOWER: u8 = 31;
    pub const SEEN_INSIDE: u8 = 32;
    pub const SEEN_MIXED: u8 = 33;
    pub const CAP_RUN: u8 = 34;
    pub const HISTORY_KIND: u8 = 35;
    pub const HISTORY_TAG: u8 = 36;
    pub const HISTORY_MAJORITY: u8 = 37;
}

/// How the previous stage tagged each capitalized word form across the document: the
/// second stage reads it so that a name tagged confidently in one sentence informs its
/// other occurrences (Ratinov and Roth 2009).
pub(crate) struct History {
    /// Lowercase word hash → how many times each tag was given.
    counts: hash::Map<[u16; TAGS]>,
    /// The previous stage's tags, per sentence.
    tags: Vec<Vec<u8>>,
}

impl History {
    /// Collects the tags `tags` (one list per sentence) of `view`'s capitalized words.
    pub(crate) fn new(view: &DocView, tags: Vec<Vec<u8>>) -> History {
        let mut counts: hash::Map<[u16; TAGS]> = hash::Map::default();
        for (words, sentence_tags) in view.sentences.iter().zip(&tags) {
            for (w, &tag) in words.iter().zip(sentence_tags) {
                if w.case.capitalized() {
                    let c = &mut counts.entry(w.lower).or_insert([0; TAGS])[tag as usize];
                    *c = c.saturating_add(1);
                }
            }
        }
        History { counts, tags }
    }

    /// The tags of the word's other occurrences (its own tag left out).
    fn others(&self, word: &Word, s: usize, i: usize) -> Option<[u16; TAGS]> {
        let mut counts = *self.counts.get(&word.lower)?;
        let own = self.tags[s][i] as usize;
        counts[own] = counts[own].saturating_sub(1);
        counts.iter().any(|&c| c > 0).then_some(counts)
    }
}

/// The shapes of a word: `X` for uppercase, `x` lowercase, `d` digits, other characters
/// as they are; the long shape keeps runs up to four, the short one collapses runs to
/// one. Both come from one pass over the word.
fn shapes(word: &str) -> (u64, u64) {
    let (mut long, mut short) = (hash::of(""), hash::of(""));
    let (mut last, mut run) = ('\0', 0);
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        run = if s == last { run + 1 } else { 1 };
        last = s;
        if run <= 4 {
            let mut buffer = [0; 4];
            let bytes = s.encode_utf8(&mut buffer).as_bytes();
            long = hash::extend(long, bytes);
            if run == 1 {
                short = hash::extend(short, bytes);
            }
        }
    }
    (long, short)
}

/// `word` folded for matching ([`crate::text::fold`]); borrowed when folding changes
/// nothing, as for most words (ASCII without a backquote), to spare an allocation.
fn folded(word: &str) -> Cow<'_, str> {
    if crate::text::folds_to_itself(word) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(crate::text::fold(word))
    }
}

/// Prefixes then suffixes of one to four characters of the lowercase word `lower`.
fn affixes(lower: &str) -> [u64; 8] {
    let mut ends = lower.char_indices().skip(1).map(|(i, _)| i);
    let mut starts = lower.char_indices().rev().map(|(i, _)| i);
    let mut out = [0u64; 8];
    // A prefix's hash goes on from the shorter prefix's: FNV reads bytes in order.
    let (mut prefix, mut hashed) = (hash::of(""), 0);
    for k in 0..4 {
        let end = ends.next().unwrap_or(lower.len());
        prefix = hash::extend(prefix, &lower.as_bytes()[hashed..end]);
        hashed = end;
        out[k] = prefix;
        out[4 + k] = hash::of(&lower[starts.next().unwrap_or(0)..]);
    }
    out
}

impl DocView {
    /// Reads a document's sentences (their words), its forms new to the view.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn new<S: AsRef<str>>(sentences: &[Vec<S>]) -> DocView {
        DocView::read(sentences, &mut Forms::default())
    }

    /// Reads a document's sentences (their words), adding the forms first met to `forms`.
    pub(crate) fn read<S: AsRef<str>>(sentences: &[Vec<S>], forms: &mut Forms) -> DocView {
        let gazetteer = Gazetteer::shipped();
        let mut views = Vec::with_capacity(sentences.len());
        let mut headline = Vec::with_capacity(sentences.len());
        let mut first = Vec::with_capacity(sentences.len());
        // Sized for every word being new: grown as it filled, the map was rehashed
        // about seven times a document.
        let word_count = sentences.iter().map(Vec::len).sum();
        let mut memory: hash::Map<Seen> =
            hash::Map::with_capacity_and_hasher(word_count, Default::default());
        let mut new_forms = Features::default();
        let first_new_form = forms.len();
        for words in sentences {
            let mut view: Vec<Word> = words
                .iter()
                .map(|w| {
                    let w = w.as_ref();
                    let form = *forms.index.entry(hash::of(w)).or_insert_with(|| {
                        let folded = folded(w);
                        let lower_text = crate::lexicon::fold::lower_cow(&folded);
                        let (word, lower) = (hash::of(&folded), hash::of(&lower_text));
                        let (shape, short) = shapes(&folded);
                        new_forms.starts.push(new_forms.keys.len());
                        push_form_keys(&mut new_forms.keys, word, lower, shape, short, &lower_text);
                        for j in 0..NEIGHBOURS.len() {
                            new_forms.starts.push(new_forms.keys.len());
                            push_neighbour_keys(&mut new_forms.keys, j, lower, short);
                        }
                        forms.known.push(Form {
                            word,
                            lower,
                            short,
                            case: Case::of(&folded),
                            alphanumeric: folded.chars().any(char::is_alphanumeric),
                        });
                        forms.known.len() - 1
                    });
                    let known = forms.known[form];
                    Word {
                        word: known.word,
                        lower: known.lower,
                        short: known.short,
                        case: known.case,
                        gaz: 0,
                        form,
                    }
                })
                .collect();
            let lower: Vec<u64> = view.iter().map(|w| w.lower).collect();
            for (w, gaz) in view.iter_mut().zip(gazetteer.matches(&lower)) {
                w.gaz = gaz;
            }
            let is_headline = view.iter().any(|w| w.case != Case::None)
                && view
                    .iter()
                    .all(|w| matches!(w.case, Case::None | Case::Upper));
            let start = view
                .iter()
                .position(|w| forms.known[w.form].alphanumeric)
                .unwrap_or(0);
            if !is_headline {
                for (i, w) in view.iter().enumerate() {
                    let seen = memory.entry(w.lower).or_default();
                    match w.case {
                        Case::Lower => seen.lowercase = true,
                        Case::Title | Case::Upper if i > start => {
                            seen.capitalized_inside = true;
                        }
                        _ => {}
                    }
                    if w.case == Case::Title && seen.mixed.is_none() {
                        seen.mixed = Some(w.word);
                    }
                }
            }
            views.push(view);
            headline.push(is_headline);
            first.push(start);
        }
        new_forms.starts.push(new_forms.keys.len());
        DocView {
            sentences: views,
            new_forms,
            first_new_form,
            headline,
            first,
            memory,
        }
    }

    /// The number of sentences.
    pub(crate) fn len(&self) -> usize {
        self.sentences.len()
    }

    /// The features of every word of sentence `s`, written into `out`: its form's keys
    /// and those of its context. Only for a view read with no forms known before
    /// ([`DocView::new`]), whose forms' keys it all holds.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn features(&self, s: usize, out: &mut Features) {
        self.sentence_features(s, true, out);
    }

    /// The features of every word of sentence `s` apart from its form's keys.
    pub(crate) fn context_features(&self, s: usize, out: &mut Features) {
        self.sentence_features(s, false, out);
    }

    /// The forms of the words of sentence `s`, indexes into the view's [`Forms`].
    pub(crate) fn forms_of(&self, s: usize) -> impl Iterator<Item = usize> + '_ {
        self.sentences[s].iter().map(|w| w.form)
    }

    /// For each word of sentence `s`, the roles of its neighbours' forms whose keys
    /// are its own ([`FORM_ROLES`]): `(neighbour's word index, role)`, the keys
    /// [`DocView::context_features`] leaves out.
    pub(crate) fn neighbours_of(
        &self,
        s: usize,
        i: usize,
    ) -> impl Iterator<Item = (usize, usize)> + '_ {
        let words = self.sentences[s].len();
        NEIGHBOURS
            .iter()
            .enumerate()
            .filter_map(move |(j, offset)| {
                let at = i.checked_add_signed(*offset).filter(|&at| at < words)?;
                Some((at, 1 + j))
            })
    }

    fn sentence_features(&self, s: usize, with_forms: bool, out: &mut Features) {
        out.keys.clear();
        out.starts.clear();
        let words = &self.sentences[s];
        let headline = self.headline[s];
        let first = self.first[s];
        let bos = hash::of("<s>");
        let eos = hash::of("</s>");
        let lower_at = |i: isize| -> u64 {
            if i < 0 {
                bos
            } else {
                words.get(i as usize).map_or(eos, |w| w.lower)
            }
        };
        let short_at = |i: isize| -> u64 {
            if i < 0 {
                bos
            } else {
                words.get(i as usize).map_or(eos, |w| w.short)
            }
        };
        for (i, w) in words.iter().enumerate() {
            out.starts.push(out.keys.len());
            let k = &mut out.keys;
            let at = i as isize;
            let form_keys = |form: usize, role: usize| {
                let new = (form.checked_sub(self.first_new_form))
                    .expect("a view read with no forms known before");
                self.new_forms.of(new * FORM_ROLES + role)
            };
            if with_forms {
                k.extend_from_slice(form_keys(w.form, 0));
            }
            for (j, offset) in NEIGHBOURS.into_iter().enumerate() {
                match i.checked_add_signed(offset).and_then(|at| words.get(at)) {
                    Some(neighbour) if with_forms => {
                        k.extend_from_slice(form_keys(neighbour.form, 1 + j));
                    }
                    Some(_) => {}
                    None => {
                        push_neighbour_keys(k, j, lower_at(at + offset), short_at(at + offset));
                    }
                }
            }
            k.push(hash::key(
                t::BIGRAM_LEFT,
                hash::pair(lower_at(at - 1), w.lower),
            ));
            k.push(hash::key(
                t::BIGRAM_RIGHT,
                hash::pair(w.lower, lower_at(at + 1)),
            ));
            k.push(hash::key(
                t::SHAPE_TRIGRAM,
                hash::pair(hash::pair(short_at(at - 1), w.short), short_at(at + 1)),
            ));
            if i == first {
                k.push(hash::key(t::FIRST, w.short));
            }
            if headline {
                k.push(hash::key(t::HEADLINE_SHORT, w.short));
                k.push(hash::key(t::HEADLINE_LOWER, w.lower));
            }
            push_bits(k, t::GAZ, w.gaz);
            if i > 0 {
                push_bits(k, t::GAZ_LEFT, classes(words[i - 1].gaz));
            }
            if let Some(next) = words.get(i + 1) {
                push_bits(k, t::GAZ_RIGHT, classes(next.gaz));
            }
            if w.case.capitalized() {
                let seen = self.memory.get(&w.lower).copied().unwrap_or_default();
                let position = u64::from(i == first) + 2 * u64::from(headline);
                if seen.lowercase {
                    k.push(hash::key(t::SEEN_LOWER, position));
                }
                if seen.capitalized_inside {
                    k.push(hash::key(t::SEEN_INSIDE, position));
                }
                if position != 0 {
                    if let Some(mixed) = seen.mixed {
                        k.push(hash::key(t::SEEN_MIXED, mixed));
                    }
                }
                let left = words[..i]
                    .iter()
                    .rev()
                    .take(3)
                    .take_while(|w| w.case.capitalized())
                    .count();
                let right = words[i + 1..]
                    .iter()
                    .take(3)
                    .take_while(|w| w.case.capitalized())
                    .count();
                k.push(hash::key(t::CAP_RUN, (left * 4 + right) as u64));
            }
        }
        out.starts.push(out.keys.len());
    }
}

impl DocView {
    /// The second-stage features of every word of sentence `s`: how `history` tagged
    /// the word's other occurrences (capitalized words only).
    pub(crate) fn history_features(&self, s: usize, history: &History, out: &mut Features) {
        out.keys.clear();
        out.starts.clear();
        for (i, w) in self.sentences[s].iter().enumerate() {
            out.starts.push(out.keys.len());
            if w.case.capitalized() {
                if let Some(counts) = history.others(w, s, i) {
                    push_history(&mut out.keys, &counts);
                }
            }
        }
        out.starts.push(out.keys.len());
    }
}

/// The keys of a word form whatever its context: the bias, the form `word`, its
/// lowercase `lower`, its shapes and the affixes of `lower_text`.
fn push_form_keys(
    keys: &mut Vec<u32>,
    word: u64,
    lower: u64,
    shape: u64,
    short: u64,
    lower_text: &str,
) {
    keys.push(hash::key(t::BIAS, 0));
    keys.push(hash::key(t::WORD, word));
    keys.push(hash::key(t::LOWER, lower));
    keys.push(hash::key(t::SHAPE, shape));
    keys.push(hash::key(t::SHORT, short));
    for (j, &a) in affixes(lower_text).iter().enumerate() {
        keys.push(hash::key(t::AFFIX + j as u8, a));
    }
}

/// The keys of a word whose neighbour at `NEIGHBOURS[j]` has the lowercase hash
/// `lower` and short shape hash `short` (or those of a sentence's edge).
fn push_neighbour_keys(keys: &mut Vec<u32>, j: usize, lower: u64, short: u64) {
    keys.push(hash::key(t::LOWER_AT + j as u8, lower));
    keys.push(hash::key(t::SHORT_AT + j as u8, short));
}

/// The history features of a word whose other occurrences got the tags `counts`: each
/// kind and tag given, and the kind given most (outside counting as a kind).
fn push_history(keys: &mut Vec<u32>, counts: &[u16; TAGS]) {
    let mut kinds = [0u32; 5];
    for (tag, &c) in counts.iter().enumerate() {
        let kind = if tag == 0 { 0 } else { 1 + (tag - 1) / 4 };
        kinds[kind] += u32::from(c);
        if c > 0 && tag > 0 {
            keys.push(hash::key(t::HISTORY_TAG, tag as u64));
        }
    }
    for (kind, &c) in kinds.iter().enumerate().skip(1) {
        if c > 0 {
            keys.push(hash::key(t::HISTORY_KIND, kind as u64));
        }
    }
    let majority = (0..5)
        .max_by_key(|&k| (kinds[k], std::cmp::Reverse(k)))
        .unwrap_or(0);
    keys.push(hash::key(t::HISTORY_MAJORITY, majority as u64));
}

/// One key per set bit of `bits`.
fn push_bits(keys: &mut Vec<u32>, template: u8, mut bits: u64) {
    while bits != 0 {
        let bit = bits.trailing_zeros();
        keys.push(hash::key(template, u64::from(bit)));
        bits &= bits - 1;
    }
}

/// The classes of a gazetteer bit set, positions dropped.
fn classes(bits: u64) -> u64 {
    (0..super::gazetteer::CLASSES)
        .filter(|c| (bits >> (4 * c)) & 0xf != 0)
        .fold(0, |acc, c| acc | 1 << c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_and_shapes() {
        assert_eq!(Case::of("Paris"), Case::Title);
        assert_eq!(Case::of("NATO"), Case::Upper);
        assert_eq!(Case::of("U.N."), Case::Upper);
        assert_eq!(Case::of("iPhone"), Case::Title);
        assert_eq!(Case::of("1996"), Case::None);
        assert_eq!(shapes("Jong-un").1, shapes("Ab-cd").1);
        assert_ne!(shapes("Jong-un").0, shapes("Ab-cd").0);
    }

    #[test]
    fn affixes_are_the_hashes_of_prefixes_and_suffixes() {
        for word in ["seoul", "ab", "é", "pyŏngyang", ""] {
            let chars: Vec<char> = word.chars().collect();
            let expected: Vec<u64> = (1..=4)
                .map(|n| hash::of(&chars[..n.min(chars.len())].iter().collect::<String>()))
                .chain((1..=4).map(|n| {
                    hash::of(
                        &chars[chars.len() - n.min(chars.len())..]
                            .iter()
                            .collect::<String>(),
                    )
                }))
                .collect();
            assert_eq!(affixes(word).to_vec(), expected, "{word}");
        }
    }

    #[test]
    fn the_document_memory_sees_other_sentences() {
        let doc = DocView::new(&[vec!["Rain", "fell", "."], vec!["Heavy", "rain", "."]]);
        let seen = doc.memory[&hash::of("rain")];
        assert!(seen.lowercase && !seen.capitalized_inside);
        let mut features = Features::default();
        doc.features(0, &mut features);
        assert_eq!(features.len(), 3);
        assert!(features.of(0).contains(&hash::key(t::SEEN_LOWER, 1)));
    }
}
