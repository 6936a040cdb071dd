//! A light syntactic layer over one sentence's tokens, enough to give an event its
//! participants and a claim its subject: word classes from a small closed-class list
//! (`data/function_words.txt`) and word shape, noun-phrase chunks (determiners,
//! adjectives, nouns, names, possessives, "of" phrases, coordination), the subject
//! before a verb (through appositives, relative pronouns and infinitives), passives,
//! and the prepositional phrases that follow a trigger.
//!
//! No statistical model: news sentences are regular enough around event verbs that
//! these few rules find most participants, and every rule stays readable and testable.

use std::borrow::Cow;
use std::ops::Range;

use super::TimeExpr;
use crate::prepare::Prepared;
use crate::prepare::words::Word;

/// The word class the chunker works with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// "a", "the", "some".
    Det,
    /// "his", "their".
    Poss,
    /// "he", "them".
    Pron,
    /// "to", "from", "with".
    Prep,
    /// "was", "has", "will".
    Aux,
    /// "not", "n't", "never".
    Neg,
    /// "and", "or", "but".
    Conj,
    /// "that", "which", "who".
    Rel,
    /// "when", "while", "because".
    Sub,
    /// "also", "reportedly", words in -ly.
    Adv,
    /// Known verbs, words in -ed and -ing.
    Verb,
    /// "stationed", "based": a participle placing a person somewhere.
    Locative,
    /// A capitalized word.
    Name,
    /// Digits.
    Number,
    /// Possessive "'s".
    Clitic,
    /// Punctuation.
    Punct,
    /// A word inside a time expression.
    Time,
    /// Any other word: nouns and adjectives, mostly.
    Content,
}

impl Class {
    /// Whether a word of this class can stand inside a noun phrase after its opener.
    fn in_phrase(self) -> bool {
        matches!(
            self,
            Class::Content | Class::Name | Class::Number | Class::Clitic
        )
    }
}

crate::lexicon::lazy! {
    /// The words of `data/function_words.txt` with the name of their class.
    fn tagged() -> crate::lexicon::Map<&'static str> = {
        crate::lexicon::fields(include_str!("../../data/function_words.txt"))
            .filter_map(|f| Some((f[0], *f.get(1)?)))
            .collect()
    };
}

crate::lexicon::lazy! {
    fn lexicon() -> crate::lexicon::Map<Class> = {
        tagged()
            .iter()
            .map(|(&word, &name)| {
                let class = match name {
                    "det" => Class::Det,
                    "poss" => Class::Poss,
                    "pron" => Class::Pron,
                    "prep" => Class::Prep,
                    "aux" => Class::Aux,
                    "neg" => Class::Neg,
                    "conj" => Class::Conj,
                    "rel" => Class::Rel,
                    "sub" => Class::Sub,
                    "adv" => Class::Adv,
                    "verb" | "report" => Class::Verb,
                    "locative" => Class::Locative,
                    _ => Class::Content,
                };
                (word, class)
            })
            .collect()
    };
}

crate::lexicon::lazy! {
    /// Forms of "be" and "get" that make a participle passive (`data/passive_auxiliaries.txt`).
    fn passive_auxiliaries() -> crate::lexicon::Set = {
        crate::lexicon::lines(include_str!("../../data/passive_auxiliaries.txt")).collect()
    };
}

/// Whether a lowercase word is a form of "be" or "get" that makes the participle after it
/// passive ("were killed").
pub(crate) fn is_passive_auxiliary(word: &str) -> bool {
    passive_auxiliaries().contains(word)
}

/// Whether a lowercase word is a reporting verb ("said", "confirmed").
pub(crate) fn is_reporting(word: &str) -> bool {
    tagged().get(word) == Some(&"report")
}

/// Whether a lowercase word opens or joins clauses or phrases — a preposition, a
/// conjunction or a subordinator ("since", "after", "and"): no person's name begins so.
pub(crate) fn is_connecting(word: &str) -> bool {
    matches!(
        lexicon().get(word),
        Some(Class::Prep | Class::Conj | Class::Sub)
    )
}

/// Whether a lowercase word cannot stand in a title before a name: a verb, an
/// auxiliary, a preposition, a conjunction or subordinator, a relative word, a negation
/// or punctuation other than a hyphen. "American challenger Tony Thompson" holds none
/// between the nationality and the name; "the Ukrainian champion dropped Thompson"
/// holds a verb, and describes the champion, not Thompson.
pub(crate) fn breaks_a_title(low: &str) -> bool {
    low != "-"
        && matches!(
            classify_lowercase(low, false, false),
            Class::Verb
                | Class::Aux
                | Class::Prep
                | Class::Conj
                | Class::Sub
                | Class::Rel
                | Class::Neg
                | Class::Punct
        )
}

/// Whether a lowercase word only picks out what a noun refers to — a determiner or a
/// possessive ("the", "this", "its"): the noun after it says all the phrase does.
pub(crate) fn is_determiner(low: &str) -> bool {
    matches!(lexicon().get(low), Some(Class::Det | Class::Poss))
}

/// Whether a lowercase noun after "in" or "at" names no place ("search", "years").
pub(crate) fn names_no_place(word: &str) -> bool {
    tagged().get(word) == Some(&"nonplace")
}

/// Lowercase text of words, one space apart but none before a word opening with "'s"
/// ("the mayor's office") nor around a hyphen ("five - year" is "five-year"): written
/// straight into one string, as it is asked of every phrase.
pub(crate) fn lowercase_text<'a>(words: impl Iterator<Item = &'a Word> + Clone) -> String {
    let mut text = String::with_capacity(words.clone().map(|w| w.low.len() + 1).sum());
    let mut after_hyphen = false;
    for (k, word) in words.enumerate() {
        let hyphen = word.low == "-";
        if k > 0 && !word.low.starts_with("'s") && !hyphen && !after_hyphen {
            text.push(' ');
        }
        text.push_str(&word.low);
        after_hyphen = hyphen;
    }
    text
}

/// The class of `word`, the `at`-th word of its sentence; `sentence_start` tells whether
/// a capital letter may just mark the sentence's first word.
fn classify(word: &Word, sentence_start: bool) -> Class {
    let capital = word.raw().chars().next().is_some_and(char::is_uppercase);
    classify_lowercase(&word.low, capital, sentence_start)
}

/// [`classify`] of a word given as its lowercase form and whether it is capitalized.
fn classify_lowercase(low: &str, capital: bool, sentence_start: bool) -> Class {
    if low == "'s" || low == "'" {
        return Class::Clitic;
    }
    if !low.chars().any(char::is_alphanumeric) {
        return Class::Punct;
    }
    if low.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return Class::Number;
    }
    if !capital || sentence_start {
        if let Some(&class) = lexicon().get(low) {
            return class;
        }
    }
    if capital {
        return Class::Name;
    }
    // More than `n` letters, counted up to the one after the `n`-th only, and only for a
    // word with one of the endings: every word of every sentence comes through here.
    let longer_than = |n: usize| low.chars().nth(n).is_some();
    if low.ends_with("ly") && longer_than(4) {
        Class::Adv
    } else if (low.ends_with("ed") && longer_than(4)) || (low.ends_with("ing") && longer_than(5)) {
        Class::Verb
    } else {
        Class::Content
    }
}

/// The runs of `words` between the words for which `separates` holds, the separators
/// left out and empty runs dropped: "wife , son and daughter" at "," and "and" gives
/// "wife", "son", "daughter".
pub(crate) fn split_at(
    words: &Range<usize>,
    mut separates: impl FnMut(usize) -> bool,
) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = words.start;
    for i in words.clone() {
        if separates(i) {
            if i > start {
                parts.push(start..i);
            }
            start = i + 1;
        }
    }
    if start < words.end {
        parts.push(start..words.end);
    }
    parts
}

/// How many words a clause may span, in either direction from a word of it: far above
/// any real clause, and a bound on the work one word can cost in a pathological
/// sentence (a ten-megabyte line).
pub(crate) const CLAUSE_REACH: usize = 80;

/// A run of words: a noun phrase, or any other stretch the layer hands out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Phrase {
    /// Word indexes.
    pub words: Range<usize>,
    /// Index of the head word (the last word before an "of" or the end).
    pub head: usize,
}

/// A prepositional phrase (or direct object, with an empty preposition) after a verb or
/// an event noun.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Complement {
    /// The lowercase preposition ("to", "out of", "with"), empty for a direct object.
    pub prep: String,
    /// Its noun phrase.
    pub phrase: Phrase,
}

/// The body sentences of `doc` (index and syntax), the words inside `times` marked as
/// time words: the event and claim stages read the same sentences, built once.
pub(crate) fn body_sentences<'d>(
    doc: &'d Prepared,
    times: &[TimeExpr],
) -> Vec<(usize, Syntax<'d>)> {
    doc.body_sentence_indexes()
        .map(|s| (s, Syntax::of_sentence(doc, s, times)))
        .collect()
}

/// One sentence seen through the syntactic layer.
#[derive(Debug, Clone)]
pub(crate) struct Syntax<'w> {
    /// The sentence's words, borrowed from the document's (read by several stages).
    pub words: Cow<'w, [Word]>,
    /// The class of each word.
    pub classes: Vec<Class>,
    /// Whether the sentence is written in title case ("Actress Dies At 85"), where a
    /// capital letter does not mark a name.
    pub headline: bool,
}

impl<'w> Syntax<'w> {
    /// Sentence `index` of `doc`, the words inside `times` marked as time words.
    pub fn of_sentence(doc: &'w Prepared, index: usize, times: &[TimeExpr]) -> Syntax<'w> {
        let spans: Vec<Range<usize>> = super::in_sentence(times, index, |t| t.sentence)
            .iter()
            .map(|t| t.span.clone())
            .collect();
        Syntax::new(doc.words.sentence(index), &spans)
    }

    /// Classifies `words`, the ones inside `times` (byte ranges) as time words.
    pub fn new(words: impl Into<Cow<'w, [Word]>>, times: &[Range<usize>]) -> Syntax<'w> {
        let words = words.into();
        let (long, capitalized) = words
            .iter()
            .filter(|w| {
                w.raw().chars().nth(3).is_some() && w.raw().chars().all(char::is_alphabetic)
            })
            .fold((0, 0), |(long, capitalized), w| {
                (long + 1, capitalized + usize::from(w.capitalized()))
            });
        let headline = long >= 3 && capitalized * 5 >= long * 4;
        let mut classes = Vec::with_capacity(words.len());
        for (i, word) in words.iter().enumerate() {
            // A dateline opening the sentence ("16 August 2016 Death toll rises") is
            // no part of it: the word after it opens the sentence.
            let after_dateline = i > 0 && classes.iter().all(|c| *c == Class::Time);
            let start = headline
                || i == 0
                || after_dateline
                || matches!(classes.last(), Some(Class::Punct));
            // Times are in text order: the only candidate is the last one starting
            // before the word ends.
            let candidate = times.partition_point(|t| t.start < word.span.end);
            let in_time = candidate > 0 && word.span.start < times[candidate - 1].end;
            classes.push(if in_time {
                Class::Time
            } else {
                classify(word, start)
            });
        }
        Syntax {
            words,
            classes,
            headline,
        }
    }

    fn class(&self, at: usize) -> Option<Class> {
        self.classes.get(at).copied()
    }

    fn low(&self, at: usize) -> &str {
        self.words.get(at).map_or("", |w| w.low.as_str())
    }

    /// Byte range of a run of words.
    pub fn span(&self, words: &Range<usize>) -> Range<usize> {
        self.words[words.start].span.start..self.words[words.end - 1].span.end
    }

    /// The words inside a byte range.
    pub fn words_in(&self, span: &Range<usize>) -> Range<usize> {
        let start = self.words.partition_point(|w| w.span.start < span.start);
        let end = self.words.partition_point(|w| w.span.end <= span.end);
        start..end.max(start)
    }

    /// Lowercase text of a run of words (see [`lowercase_text`]).
    pub fn text(&self, words: &Range<usize>) -> String {
        lowercase_text(self.words[words.clone()].iter())
    }

    /// Whether the word may open a noun phrase.
    fn opens_phrase(&self, at: usize) -> bool {
        matches!(
            self.class(at),
            Some(Class::Det | Class::Poss | Class::Content | Class::Name | Class::Number)
        )
    }

    /// Whether a verbal-looking word inside a phrase is used as an adjective: right
    /// after the phrase's opener (or, with `times`, a time word) and before a noun ("the
    /// detained captain", "a 2004 aggravated assault").
    fn adjectival(&self, at: usize, start: usize, times: bool) -> bool {
        self.class(at) == Some(Class::Verb)
            && at > start
            && match self.class(at - 1) {
                Some(Class::Det | Class::Poss | Class::Clitic) => true,
                Some(Class::Time) => times,
                _ => false,
            }
            && matches!(self.class(at + 1), Some(Class::Content | Class::Name))
    }

    /// The noun phrase starting at word `at`: an opener (determiner, possessive,
    /// pronoun or word), nouns, adjectives, names, numbers, possessive "'s", and "of"
    /// followed by a name or a determiner. With `coordinate`, "and" joins two phrases
    /// ("his wife and child").
    pub fn phrase_at(&self, at: usize, coordinate: bool) -> Option<Phrase> {
        self.phrase_from(at, coordinate, false)
    }

    /// The noun phrase a time opens at word `at` inside a larger one ("the Tuesday
    /// raid", "a 2004 aggravated assault conviction"): as [`Syntax::phrase_at`], the
    /// time's words standing in it as adjectives do (`phrase_at` stops at them) before
    /// the nouns and names it dates, and no number or possessive.
    pub fn phrase_through_time(&self, at: usize) -> Option<Phrase> {
        self.phrase_from(at, false, true)
    }

    /// [`Syntax::phrase_at`]; with `times`, words of a time open and stand in the phrase.
    fn phrase_from(&self, at: usize, coordinate: bool, times: bool) -> Option<Phrase> {
        // A time's noun run holds its nouns and names, not numbers or a possessive.
        let in_phrase = |c: Class| match c {
            Class::Time | Class::Content | Class::Name if times => true,
            _ => !times && c.in_phrase(),
        };
        if self.class(at) == Some(Class::Pron) {
            return Some(Phrase {
                words: at..at + 1,
                head: at,
            });
        }
        if !(self.opens_phrase(at) || times && self.class(at) == Some(Class::Time)) {
            return None;
        }
        let mut end = at + 1;
        let mut head = at;
        let mut of_seen = false;
        while end < self.words.len() && end - at < 12 {
            match self.class(end) {
                Some(c) if in_phrase(c) || self.adjectival(end, at, times) => {
                    if !of_seen {
                        head = end;
                    }
                    end += 1;
                }
                Some(Class::Prep)
                    if self.titled_to(end)
                        || self.low(end) == "of"
                            && matches!(
                                self.class(end + 1),
                                Some(Class::Name | Class::Det | Class::Content)
                            ) =>
                {
                    of_seen = true;
                    end += 1;
                }
                Some(Class::Conj)
                    if coordinate
                        && self.low(end) == "and"
                        && self.opens_phrase(end + 1)
                        && !self.is_verb_after(end + 1) =>
                {
                    end += 1;
                }
                Some(Class::Det) if end == at + 1 && self.class(at) == Some(Class::Det) => {
                    end += 1; // "all the", "both the"
                }
                // "a five - year term", "a second - floor office": a hyphen written
                // apart joins the words of a compound as the written-together one does.
                Some(Class::Punct)
                    if self.low(end) == "-"
                        && end > at
                        && !matches!(self.class(end - 1), Some(Class::Punct))
                        && matches!(self.class(end + 1), Some(Class::Content | Class::Number)) =>
                {
                    end += 1;
                }
                _ => break,
            }
        }
        // A phrase never ends on its opener or on "of"/"and".
        while end > at + 1
            && matches!(
                self.class(end - 1),
                Some(Class::Det | Class::Poss | Class::Prep | Class::Conj)
            )
        {
            end -= 1;
        }
        if matches!(self.class(end - 1), Some(Class::Det | Class::Poss)) {
            return None;
        }
        // "a tanker named Star Nine", "a group called the Hawks": the name belongs, and
        // is what the phrase names.
        if matches!(self.low(end), "named" | "called") {
            if let Some(name) = self
                .phrase_at(end + 1, false)
                .filter(|p| self.class(p.head) == Some(Class::Name))
            {
                end = name.words.end;
                head = name.head;
            }
        }
        Some(Phrase {
            words: at..end,
            head: head.min(end - 1),
        })
    }

    /// Whether the "to" at `at` belongs to a person's title ("ambassador to Chile").
    fn titled_to(&self, at: usize) -> bool {
        self.low(at) == "to"
            && at > 0
            && crate::lexicon::people::is_person_noun(self.low(at - 1))
            && self.class(at + 1) == Some(Class::Name)
    }

    /// Whether a lowercase word opening a phrase after "and" is rather a verb ("and
    /// fled"): it looks like one, or it is followed by a preposition or determiner.
    fn is_verb_after(&self, at: usize) -> bool {
        self.class(at) == Some(Class::Content)
            && matches!(self.class(at + 1), Some(Class::Det | Class::Poss))
    }

    /// The noun phrase that ends just before word `end`, read backwards: words, names,
    /// numbers, possessives and "of" phrases, stopping after a determiner. With
    /// `coordinate`, a phrase joined by "and" is taken in too ("Seoul and Oslo").
    pub fn phrase_ending(&self, end: usize, coordinate: bool) -> Option<Phrase> {
        if end == 0 {
            return None;
        }
        let last = end - 1;
        if self.class(last) == Some(Class::Pron) {
            return Some(Phrase {
                words: last..end,
                head: last,
            });
        }
        if !matches!(
            self.class(last),
            Some(Class::Content | Class::Name | Class::Number)
        ) {
            return None;
        }
        let mut start = last;
        let mut head = last;
        while start > 0 && last - start < 12 {
            let before = start - 1;
            match self.class(before) {
                Some(c) if c.in_phrase() => start = before,
                Some(Class::Det | Class::Poss) => {
                    start = before;
                    break;
                }
                Some(Class::Verb) if self.adjectival(before, before.saturating_sub(1), false) => {
                    start = before
                }
                Some(Class::Prep)
                    if self.titled_to(before)
                        || self.low(before) == "of"
                            && before > 0
                            && matches!(
                                self.class(before - 1),
                                Some(Class::Content | Class::Name)
                            ) =>
                {
                    head = before - 1;
                    start = before;
                }
                _ => break,
            }
        }
        if coordinate && start >= 2 && self.low(start - 1) == "and" {
            if let Some(first) = self.phrase_ending(start - 1, false) {
                start = first.words.start;
            }
        }
        Some(Phrase {
            words: start..end,
            head,
        })
    }

    /// The first word of the verb group that ends with the verb at `verb`: auxiliaries,
    /// negations and adverbs before it ("has reportedly not defected").
    pub fn verb_group_start(&self, verb: usize) -> usize {
        let mut start = verb;
        while start > 0
            && matches!(
                self.class(start - 1),
                Some(Class::Aux | Class::Neg | Class::Adv)
            )
        {
            start -= 1;
        }
        start
    }

    /// Whether the verb at `verb`, a past participle, is passive: a form of "be" or
    /// "get" in its verb group ("was seized").
    pub fn is_passive(&self, verb: usize) -> bool {
        (self.verb_group_start(verb)..verb).any(|i| passive_auxiliaries().contains(self.low(i)))
    }

    /// The subject of the verb group starting at `group`: the phrase before it, through
    /// an appositive or parenthesis set off by commas ("Novak, 47, defected"), a relative
    /// pronoun ("the ship that was seized" → "the ship"), an infinitive ("Novak chose to
    /// defect" → "Novak"), or, for a participle or gerund ("by defecting", ", leaving"),
    /// the subject of its clause.
    pub fn subject(&self, group: usize) -> Option<Phrase> {
        let before = group.checked_sub(1)?;
        match self.class(before)? {
            Class::Punct if self.low(before) == "," => match self.comma_pair_before(before) {
                Some(open) => self.phrase_ending(open, true),
                None => self.clause_subject(group),
            },
            Class::Rel => self.antecedent(before),
            Class::Prep if self.low(before) == "to" => self.infinitive_subject(before),
            // "kept Chile and Peru from restoring ties": the object before "from".
            Class::Prep if self.low(before) == "from" => self
                .phrase_ending(before, true)
                .or_else(|| self.clause_subject(group)),
            Class::Prep | Class::Conj => self.clause_subject(group),
            Class::Content | Class::Name | Class::Number | Class::Pron => {
                let mut phrase = self.phrase_ending(group, true)?;
                // "a clerk stationed in Lima defected", "a clerk in Lima defected": the
                // clerk, not Lima.
                loop {
                    let start = phrase.words.start;
                    let attached =
                        start >= 2 && matches!(self.low(start - 1), "in" | "at" | "from" | "near");
                    let before = if attached && self.class(start - 2) == Some(Class::Locative) {
                        start - 2
                    } else {
                        start.saturating_sub(1)
                    };
                    match attached
                        .then(|| self.phrase_ending(before, true))
                        .flatten()
                        .filter(|p| self.class(p.head) == Some(Class::Content))
                    {
                        Some(owner) => phrase = owner,
                        None => break Some(phrase),
                    }
                }
            }
            _ => None,
        }
    }

    /// For a comma at `close`, the comma opening a short aside before it (an age, an
    /// appositive, a relative clause), when there is one.
    fn comma_pair_before(&self, close: usize) -> Option<usize> {
        let open = (close.saturating_sub(16)..close)
            .rev()
            .find(|&i| self.low(i) == ",")?;
        let first = open + 1;
        let aside = matches!(
            self.class(first),
            Some(Class::Det | Class::Number | Class::Rel | Class::Poss)
        ) || self.low(first) == "aged"
            || self.low(first) == "former";
        (aside && open > 0 && self.phrase_ending(open, false).is_some()).then_some(open)
    }

    /// The noun phrase a relative pronoun at `rel` refers to; when that phrase is itself
    /// an appositive ("Choi, a former diplomat who fled"), the name it describes.
    pub fn antecedent(&self, rel: usize) -> Option<Phrase> {
        let end = if rel > 0 && self.low(rel - 1) == "," {
            rel - 1
        } else {
            rel
        };
        let phrase = self.phrase_ending(end, true)?;
        Some(self.appositive_anchor(&phrase).unwrap_or(phrase))
    }

    /// The name phrase an appositive phrase describes: "Choi, a former diplomat" → "Choi".
    pub fn appositive_anchor(&self, phrase: &Phrase) -> Option<Phrase> {
        let comma = phrase.words.start.checked_sub(1)?;
        if self.low(comma) != ","
            || !matches!(
                self.class(phrase.words.start),
                Some(Class::Det | Class::Poss)
            )
        {
            return None;
        }
        self.phrase_ending(comma, false)
            .filter(|anchor| self.class(anchor.head) == Some(Class::Name))
    }

    /// The subject of an infinitive whose "to" is at `to`: the possessor of a noun
    /// ("Novak's decision to defect"), else the subject of the verb before ("Novak chose to
    /// defect").
    fn infinitive_subject(&self, to: usize) -> Option<Phrase> {
        let noun = to.checked_sub(1)?;
        if let Some(owner) = self.possessor(noun) {
            return Some(owner);
        }
        // "the first official to flee": a described noun, not a verb, before "to".
        if let Some(described) = self
            .phrase_ending(to, false)
            .filter(|p| p.words.len() > 1 && self.class(noun) == Some(Class::Content))
        {
            return Some(described);
        }
        if matches!(
            self.class(noun),
            Some(Class::Verb | Class::Content | Class::Locative)
        ) {
            let group = self.verb_group_start(noun);
            return self.subject(group);
        }
        None
    }

    /// The possessor of the noun at `noun`: "his" in "his defection", "Novak" in "Novak's
    /// decision" (adjectives between allowed: "his last role").
    pub fn possessor(&self, noun: usize) -> Option<Phrase> {
        let mut at = noun;
        while at > 0 && at + 3 > noun {
            let before = at - 1;
            match self.class(before)? {
                Class::Poss => {
                    return Some(Phrase {
                        words: before..at,
                        head: before,
                    });
                }
                Class::Clitic => {
                    // "the wake of Novak's defection": Novak, not the wake.
                    let mut owner = self.phrase_ending(before, false)?;
                    if let Some(of) = owner.words.clone().rev().find(|&i| self.low(i) == "of") {
                        owner.words.start = of + 1;
                    }
                    return Some(owner);
                }
                Class::Content => at = before,
                _ => return None,
            }
        }
        None
    }

    /// The subject of the clause around word `at`: its first noun phrase, after any
    /// fronted adverbial ("In 2013, Novak helped …") and after a complementizer ("said
    /// that Novak …").
    pub fn clause_subject(&self, at: usize) -> Option<Phrase> {
        let mut start = self.clause_start(at);
        loop {
            let opener = self.class(start);
            let fronted = matches!(
                opener,
                Some(Class::Prep | Class::Adv | Class::Time | Class::Sub)
            ) || self.low(start) == "however";
            match (start..at).find(|&i| self.low(i) == ",") {
                Some(comma) if fronted => start = comma + 1,
                _ => break,
            }
        }
        while matches!(self.class(start), Some(Class::Time | Class::Adv)) && start < at {
            start += 1;
        }
        let phrase = self.phrase_at(start, true)?;
        (phrase.words.end <= at).then_some(phrase)
    }

    /// The first word of the clause holding word `at`: after the last complementizer
    /// "that" (following a verb, or a reporting verb's object: "told the paper that"),
    /// semicolon or colon before it, or 0.
    pub fn clause_start(&self, at: usize) -> usize {
        let floor = at.saturating_sub(CLAUSE_REACH);
        (floor..at)
            .rev()
            .find(|&i| {
                self.comma_conjunction(i)
                    || matches!(self.low(i), ";" | ":" | "\"")
                    || (self.low(i) == "that"
                        && i > 0
                        && (matches!(
                            self.class(i - 1),
                            Some(Class::Verb | Class::Time | Class::Content)
                        ) || (i.saturating_sub(5)..i).any(|k| is_reporting(self.low(k)))))
            })
            .map_or(floor, |i| i + 1)
    }

    /// Whether word `at` is the conjunction of ", and" / ", but", which joins clauses.
    pub fn comma_conjunction(&self, at: usize) -> bool {
        at > 0 && self.class(at) == Some(Class::Conj) && self.low(at - 1) == ","
    }

    /// The complements after the word at `head` (a verb or an event noun): a direct
    /// object, then prepositional phrases ("to South Korea", "out of Peru", "with his
    /// wife and child"), skipping adverbs and time words, until the clause ends.
    pub fn complements(&self, head: usize) -> Vec<Complement> {
        let mut found = Vec::new();
        let mut at = head + 1;
        while at < self.words.len() && found.len() < 8 {
            match self.class(at) {
                Some(Class::Adv | Class::Time) => at += 1,
                Some(Class::Prep) if self.class(at + 1) == Some(Class::Time) => at += 1,
                Some(Class::Prep) => {
                    let (prep, next) = self.preposition(at);
                    let strict = prep == "to" || prep == "for";
                    let opens = !strict
                        || matches!(
                            self.class(next),
                            Some(
                                Class::Det
                                    | Class::Poss
                                    | Class::Name
                                    | Class::Number
                                    | Class::Pron
                            )
                        );
                    // "with his wife and son", "the deaths of his parents and in-laws".
                    let coordinate =
                        matches!(prep.as_str(), "with" | "alongside" | "between" | "of");
                    match self.phrase_at(next, coordinate).filter(|_| opens) {
                        Some(phrase) => {
                            at = phrase.words.end;
                            found.push(Complement { prep, phrase });
                        }
                        None => break,
                    }
                }
                Some(Class::Det | Class::Poss | Class::Name | Class::Pron | Class::Content)
                    if at == head + 1 =>
                {
                    match self.phrase_at(at, true) {
                        Some(phrase) => {
                            at = phrase.words.end;
                            found.push(Complement {
                                prep: String::new(),
                                phrase,
                            });
                        }
                        None => break,
                    }
                }
                _ => break,
            }
        }
        found
    }

    /// The preposition at `at`, joined with a second one where they form a unit ("out
    /// of", "together with"), and the index after it.
    fn preposition(&self, at: usize) -> (String, usize) {
        let first = self.low(at);
        let second = self.low(at + 1);
        if matches!(
            (first, second),
            ("out", "of") | ("together", "with") | ("away", "from")
        ) {
            (format!("{first} {second}"), at + 2)
        } else {
            (first.to_string(), at + 1)
        }
    }

    /// The words of an aside set off by a comma right after word `end - 1`: ", 47,",
    /// ", a former diplomat at the embassy," (up to the next comma or the sentence end).
    pub fn aside_after(&self, end: usize) -> Option<Range<usize>> {
        if self.low(end) != "," {
            return None;
        }
        let start = end + 1;
        let limit = self.words.len().min(start + 17);
        let stop = (start..limit)
            .find(|&i| self.class(i) == Some(Class::Punct) && self.low(i) != "-")
            .unwrap_or(self.words.len());
        (stop > start && stop - start <= 16).then_some(start..stop)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::prepare::words::tests::words_of;

    /// The syntax of a synthetic sentence without times.
    pub(crate) fn parse(text: &str) -> Syntax<'static> {
        Syntax::new(words_of(text), &[])
    }

    fn index(s: &Syntax, word: &str) -> usize {
        s.words.iter().position(|w| w.raw() == word).unwrap()
    }

    fn words(s: &Syntax, p: &Phrase) -> String {
        s.words[p.words.clone()]
            .iter()
            .map(|w| w.raw())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_word_after_an_opening_dateline_opens_the_sentence() {
        let text = "16 August 2016 The toll rose.";
        let dateline = 0..text.find(" The").unwrap();
        let s = Syntax::new(words_of(text), &[dateline]);
        assert_eq!(s.classes[index(&s, "The")], Class::Det);
        // Not so after words that are no time.
        let s = parse("Ivo Rask said yesterday that he reads The Tarsk Herald daily.");
        assert_eq!(s.classes[index(&s, "The")], Class::Name);
    }

    #[test]
    fn noun_phrases_forward() {
        let s = parse("The former deputy mayor of Springfield resigned.");
        let p = s.phrase_at(0, false).unwrap();
        assert_eq!(words(&s, &p), "The former deputy mayor of Springfield");
        assert_eq!(s.words[p.head].raw(), "mayor");
        let s = parse("She left with her husband and two sons on Friday.");
        let with = index(&s, "with");
        assert_eq!(
            words(&s, &s.phrase_at(with + 1, true).unwrap()),
            "her husband and two sons"
        );
        assert_eq!(
            words(&s, &s.phrase_at(with + 1, false).unwrap()),
            "her husband"
        );
    }

    #[test]
    fn noun_phrases_backward() {
        let s = parse("Norway's foreign minister Ola Berg resigned.");
        let verb = index(&s, "resigned");
        assert_eq!(
            words(&s, &s.phrase_ending(verb, true).unwrap()),
            "Norway 's foreign minister Ola Berg"
        );
        let s = parse("Chile and Peru restored ties.");
        let verb = index(&s, "restored");
        assert_eq!(
            words(&s, &s.phrase_ending(verb, true).unwrap()),
            "Chile and Peru"
        );
    }

    #[test]
    fn subjects_through_asides_relatives_and_infinitives() {
        let s = parse("Senator Ana Ruiz, 61, resigned on Monday.");
        let v = index(&s, "resigned");
        assert_eq!(words(&s, &s.subject(v).unwrap()), "Senator Ana Ruiz");
        let s = parse("Tom Hale, a former banker who fled to Brazil, was arrested.");
        let v = index(&s, "fled");
        assert_eq!(words(&s, &s.subject(v).unwrap()), "Tom Hale");
        let s = parse("Hale chose to flee.");
        let v = index(&s, "flee");
        assert_eq!(
            words(&s, &s.subject(s.verb_group_start(v)).unwrap()),
            "Hale"
        );
        let s = parse("Hale's decision to flee surprised everyone.");
        let v = index(&s, "flee");
        assert_eq!(words(&s, &s.subject(v).unwrap()), "Hale");
        let s = parse("In March, a junior officer made headlines by deserting.");
        let v = index(&s, "deserting");
        assert_eq!(words(&s, &s.subject(v).unwrap()), "a junior officer");
    }

    #[test]
    fn passives_and_agents() {
        let s = parse("The tanker was seized by Ruritania in 2010.");
        let v = index(&s, "seized");
        assert!(s.is_passive(v));
        assert_eq!(
            words(&s, &s.subject(s.verb_group_start(v)).unwrap()),
            "The tanker"
        );
        let c = s.complements(v);
        assert_eq!(c[0].prep, "by");
        assert_eq!(words(&s, &c[0].phrase), "Ruritania");
        let s = parse("Police seized the tanker.");
        assert!(!s.is_passive(index(&s, "seized")));
    }

    #[test]
    fn complements_after_a_verb() {
        let s = parse("Ito fled out of Mali with his wife and child to Ghana, officials said.");
        let v = index(&s, "fled");
        let got: Vec<(String, String)> = s
            .complements(v)
            .iter()
            .map(|c| (c.prep.clone(), words(&s, &c.phrase)))
            .collect();
        assert_eq!(
            got,
            [
                ("out of".to_string(), "Mali".to_string()),
                ("with".to_string(), "his wife and child".to_string()),
                ("to".to_string(), "Ghana".to_string())
            ]
        );
        let s = parse("He wanted to defect.");
        assert!(s.complements(index(&s, "wanted")).is_empty());
    }

    #[test]
    fn possessors_and_asides() {
        let s = parse("His sudden departure and Ito's arrest followed.");
        assert_eq!(
            words(&s, &s.possessor(index(&s, "departure")).unwrap()),
            "His"
        );
        assert_eq!(words(&s, &s.possessor(index(&s, "arrest")).unwrap()), "Ito");
        let s = parse("Lena Park, a second secretary at the mission, spoke.");
        let aside = s.aside_after(index(&s, "Park") + 1).unwrap();
        assert_eq!(s.text(&aside), "a second secretary at the mission");
    }

    #[test]
    fn text_glues_the_possessive_to_its_word() {
        let s = parse("The Mayor's office and the envoys' club closed.");
        assert_eq!(
            s.text(&(0..s.words.len())),
            "the mayor's office and the envoys ' club closed ."
        );
    }
}
