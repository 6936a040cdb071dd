//! Claims: the atomic statements of each body sentence, in the form the cross-document
//! stage compares — a subject (an entity or an event), a predicate keyword and a
//! normalized value.
//!
//! - Attributes of people: `age` ("Novak, 47," / "aged 47" / "the 47-year-old"), `role`
//!   and `occupation` (appositives, titles before a name, "served as …", "his post as
//!   …", "X was a …"), `nationality` (the adjective of a described person) and
//!   `affiliation` ("a counselor at the embassy"). Titles are normalized through
//!   `data/role_titles.txt`, which keeps rank words ("third secretary") and folds
//!   synonyms ("adviser", "counsellor" → "counselor").
//! - Event arguments: the `time`, `origin`, `destination`, `place` and `companions` a
//!   sentence gives an event mention.
//! - `count` (bare numbers) and `amount` (numbers with a unit) from quantities, the
//!   counted phrase as subject text and the quantity's time kept.
//! - For a sentence with none of these, the lemma of its main verb about its subject.
//! - For each relative clause that reports no event ("the ship, which was renamed and
//!   is presumed to have gone back to smuggling"), one claim per coordinated verb about
//!   the clause's antecedent: `be` with the participle for a bare passive ("be:
//!   renamed"), else the verb's lemma with the words after it ("go: right back to
//!   smuggling"), so that a hedge or negation inside the clause has a claim to mark.
//!
//! Attribution, hedging and negation are left for the attribution stage.

use std::ops::Range;

use super::events::{Linker, kin_words, phrase_value};
use super::syntax::{Class, Phrase, Syntax, is_determiner, is_reporting, split_at};
use super::{ArgumentExpr, ClaimExpr, EventMention, Found, SubjectRef, ValueExpr, in_sentence};
use crate::lexicon::people::{TitleKind, is_person_noun, titles};
use crate::lexicon::phrases::{focus_words, hedges};
use crate::lexicon::places::{is_compass_word, place};
use crate::lexicon::units::is_duration;
use crate::model::{EntityKind, Predicate, Role, format_number};
use crate::prepare::words::Word;

crate::lexicon::lazy! {
    /// Nouns for a role held, before "of": "the post of" (`data/role_nouns.txt`).
    fn role_nouns() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/role_nouns.txt")).collect();
}

crate::lexicon::lazy! {
    /// Verbs whose object takes the post of an "as" phrase after it ("nominated Lind as
    /// surgeon general"; `data/object_role_verbs.txt`).
    fn object_role_verbs() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/object_role_verbs.txt")).collect();
}

/// What puts a post ahead of its holder (`data/prospective_posts.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prospect {
    /// A word before the title: "the next surgeon general".
    Modifier,
    /// The lemma of the verb the post depends on: "offered the post of".
    Verb,
}

crate::lexicon::lazy! {
    fn prospects() -> crate::lexicon::Map<Prospect> = crate::lexicon::kinds(
        include_str!("../../data/prospective_posts.txt"),
        &[("modifier", Prospect::Modifier), ("verb", Prospect::Verb)],
    );
}

/// Whether the verb at `verb` leaves the post depending on it unheld: an offer or a
/// consideration ("was offered the post of"), or a verb still to happen ("may name
/// Lind as", "to name Lind as").
fn prospective_verb(s: &Syntax, verb: usize) -> bool {
    let group = s.verb_group_start(verb);
    prospects().get(lemma(&s.words[verb].low).as_str()) == Some(&Prospect::Verb)
        || (group..verb).any(|i| {
            matches!(
                s.words[i].low.as_str(),
                "will" | "would" | "may" | "might" | "could" | "should"
            )
        })
        || (group > 0 && s.words[group - 1].low == "to")
}

/// How many words before "as" the verb a post depends on is looked for ("may name Ada
/// Lind of the Tarsk Herald as"), so that the search stays bounded in a long sentence.
const GOVERNOR_REACH: usize = 12;

/// How many words before a post's description a time may stand and still be the post's
/// ("in 1994 as an assistant coach").
const TIME_BEFORE_POST: usize = 3;

crate::lexicon::lazy! {
    /// Nouns naming a place without naming which: "the country" (`data/place_nouns.txt`).
    pub(crate) fn place_nouns() -> crate::lexicon::Set = {
        crate::lexicon::fields(include_str!("../../data/place_nouns.txt"))
            .map(|f| f[0])
            .collect()
    };
    /// The place nouns marked `division` there: "the city" alone only points back.
    fn division_nouns() -> crate::lexicon::Set = {
        crate::lexicon::fields(include_str!("../../data/place_nouns.txt"))
            .filter(|f| f.get(1) == Some(&"division"))
            .map(|f| f[0])
            .collect()
    };
}

/// A role title found in a run of words.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Title {
    /// [`Predicate::Role`] or [`Predicate::Occupation`].
    predicate: Predicate,
    /// Canonical form with its rank words ("third secretary").
    value: String,
    /// Words of the title, rank words included.
    words: Range<usize>,
}

/// The last title in `words` (the head of a description comes last: "political
/// affairs counselor"), longest entry first, with the rank words before it.
fn title_in(syntax: &Syntax, words: &Range<usize>) -> Option<Title> {
    let mut found = None;
    let mut i = words.start;
    while i < words.end {
        let hit = (1..=3).rev().find_map(|len| {
            let end = i + len;
            if end > words.end {
                return None;
            }
            let text = syntax.text(&(i..end));
            match titles().get(text.as_str()) {
                Some(&(canonical, kind))
                    if kind != TitleKind::Rank && !modifies_next(syntax, end, words) =>
                {
                    Some((canonical, kind, end))
                }
                _ => None,
            }
        });
        match hit {
            Some((canonical, kind, end)) => {
                let mut start = i;
                let mut ranks = Vec::new();
                while start > words.start {
                    match titles().get(syntax.words[start - 1].low.as_str()) {
                        Some(&(rank, TitleKind::Rank)) => {
                            ranks.insert(0, rank);
                            start -= 1;
                        }
                        _ => break,
                    }
                }
                ranks.push(canonical);
                found = Some(Title {
                    predicate: if kind == TitleKind::Title {
                        Predicate::Role
                    } else {
                        Predicate::Occupation
                    },
                    value: ranks.join(" "),
                    words: start..end,
                });
                i = end;
            }
            None => {
                if syntax.words[i].low == "of" || syntax.classes[i] == Class::Prep {
                    break; // the head comes before its prepositional phrases
                }
                i += 1;
            }
        }
    }
    found
}

/// Whether a title ending before word `end` qualifies the lowercase noun after it
/// rather than naming a post: "a general accountant", "the chief suspect". A title
/// before a name ("chief Ada Lind") or ending the description is a post.
fn modifies_next(syntax: &Syntax, end: usize, words: &Range<usize>) -> bool {
    end < words.end
        && syntax.classes[end] == Class::Content
        && !syntax.words[end].capitalized()
        && titles().get(syntax.words[end].low.as_str()).is_none()
}

/// The country of the first nationality adjective in `words`.
fn nationality_in(syntax: &Syntax, words: &Range<usize>) -> Option<(&'static str, Range<usize>)> {
    for i in words.clone() {
        for len in [2, 1] {
            let end = i + len;
            if end <= words.end {
                if let Some(country) =
                    crate::lexicon::nationalities::country_of(syntax.text(&(i..end)).as_str())
                {
                    return Some((country, i..end));
                }
            }
        }
    }
    None
}

/// Finds the claims of a document whose entities, times, quantities and `events` are
/// known, reading its body `sentences` (see [`super::syntax::body_sentences`]).
pub(crate) fn find(
    x: &Found,
    events: &[EventMention],
    sentences: &[(usize, Syntax<'_>)],
) -> Vec<ClaimExpr> {
    let mut claims = Vec::new();
    for (sentence, syntax) in sentences {
        let sentence = *sentence;
        let mut found = Sentence {
            linker: Linker { x, syntax },
            events,
            index: sentence,
            claims: Vec::new(),
        };
        found.people();
        found.as_phrases();
        found.copulas();
        found.described_participants();
        found.event_arguments();
        found.quantities();
        found.offsets();
        found.bearings();
        if found.claims.is_empty() {
            found.verb_lemma();
        }
        found.relative_clauses();
        let mut list = found.claims;
        let key = |c: &ClaimExpr| {
            let value = match &c.value {
                ValueExpr::Number(n) => format!("n{n}"),
                ValueExpr::Text(t) => format!("t{t}"),
                ValueExpr::Entity(e) => format!("e{e}"),
            };
            // Two wordings of one subject say one thing; without a subject, the words
            // are what the claim is about ("310 miners", "310 workers").
            let about = match c.subject {
                SubjectRef::None => c.subject_text.clone(),
                _ => String::new(),
            };
            (
                c.predicate.to_string(),
                format!("{:?}", c.subject),
                about,
                value,
            )
        };
        list.sort_by_cached_key(key);
        list.dedup_by(|a, b| key(a) == key(b));
        claims.extend(list);
    }
    claims
}

/// The claims of one sentence, being gathered.
struct Sentence<'a> {
    linker: Linker<'a>,
    /// The document's event mentions, in text order.
    events: &'a [EventMention],
    index: usize,
    claims: Vec<ClaimExpr>,
}

/// The particles of phrasal verbs that take an "as" phrase ("took over as", "stepped
/// down as", "came back as").
const PARTICLES: &[&str] = &[
    "over", "up", "down", "in", "on", "out", "back", "off", "away",
];

impl Sentence<'_> {
    fn syntax(&self) -> &Syntax<'_> {
        self.linker.syntax
    }

    fn x(&self) -> &Found<'_> {
        self.linker.x
    }

    /// The claims' span: their sentence.
    fn sentence_span(&self) -> Range<usize> {
        let sentence = &self.x().doc.analysis.sentences[self.index];
        sentence.start..sentence.end
    }

    /// Adds one claim; `value_words` are the words giving the value, `time` the time
    /// it holds for when the text says.
    fn push(
        &mut self,
        subject: SubjectRef,
        subject_text: String,
        predicate: Predicate,
        value: ValueExpr,
        value_words: &Range<usize>,
        time: Option<String>,
    ) {
        let span = self.sentence_span();
        let focus = self.syntax().span(value_words);
        self.claims.push(ClaimExpr {
            span,
            sentence: self.index,
            focus,
            subject,
            subject_text,
            predicate,
            value,
            value_text: self.x().doc.text[self.syntax().span(value_words)].to_string(),
            attribution: None,
            hedged: false,
            negated: false,
            noun_phrase: None,
            time,
        });
    }

    /// The person a phrase refers to, with the words naming them.
    fn person(&self, phrase: &Phrase) -> Option<(usize, String)> {
        let entity = self
            .linker
            .refer(phrase, &[EntityKind::Person])
            .or_else(|| self.cataphora(phrase))
            .or_else(|| self.quoted_speaker(phrase))?;
        (self.x().entities[entity].kind == EntityKind::Person).then(|| {
            let span = self.syntax().span(&phrase.words);
            (entity, self.x().doc.text[span].to_string())
        })
    }

    /// "I" inside a direct quote is its speaker.
    fn quoted_speaker(&self, phrase: &Phrase) -> Option<usize> {
        let s = self.syntax();
        let first_person = matches!(s.words[phrase.head].low.as_str(), "i" | "me" | "my");
        if phrase.words.len() != 1 || !first_person {
            return None;
        }
        let at = s.words[phrase.head].span.start;
        self.x()
            .quotes
            .iter()
            .find(|q| q.span.contains(&at))
            .and_then(|q| q.speaker)
    }

    /// A pronoun in a fronted phrase that has no antecedent yet refers ahead, to the
    /// first person named after it in the sentence ("In his last post, Rask …").
    fn cataphora(&self, phrase: &Phrase) -> Option<usize> {
        let s = self.syntax();
        if phrase.words.len() != 1 || !matches!(s.classes[phrase.head], Class::Poss | Class::Pron) {
            return None;
        }
        let after = s.words[phrase.head].span.end;
        in_sentence(self.x().mentions, self.index, |m| m.sentence)
            .iter()
            .find(|m| m.span.start >= after && m.kind == EntityKind::Person)
            .map(|m| m.entity)
    }

    /// Claims about a described person: role, occupation, nationality and affiliation
    /// from the words `words` describing them.
    fn describe(&mut self, person: (usize, String), words: &Range<usize>) {
        let (entity, text) = person;
        let subject = SubjectRef::Entity(entity);
        let s = self.syntax();
        let title = title_in(s, words);
        // The nationality adjective describes the person before the title ("a Chilean
        // counselor"), not what follows it ("director for Latin American affairs").
        let before_title = words.start..title.as_ref().map_or(words.end, |t| t.words.start);
        // "the next surgeon general": a post ahead, not held.
        let ahead = before_title
            .clone()
            .any(|i| prospects().get(s.words[i].low.as_str()) == Some(&Prospect::Modifier));
        if let Some(title) = title.filter(|_| !ahead) {
            let held = self
                .time_held(words.start.saturating_sub(TIME_BEFORE_POST), words.end)
                .or_else(|| self.former(words.start..title.words.start));
            self.push(
                subject,
                text.clone(),
                title.predicate,
                ValueExpr::Text(title.value),
                &title.words,
                held.clone(),
            );
            self.affiliation(subject, &text, title.words.end..words.end, held);
        }
        if let Some((country, at)) = nationality_in(self.syntax(), &before_title) {
            // "a former North Korean diplomat": the nationality is the former post's,
            // held before the document's date as the post was (a defector's or an
            // emigrant's nationality changes).
            let held = self.former(words.start..at.start);
            self.push(
                subject,
                text,
                Predicate::Nationality,
                ValueExpr::Text(country.to_string()),
                &at,
                held,
            );
        }
    }

    /// The time a post described from word `from` holds for: a time expression opened
    /// by "from", "in", "between", "until", "since", "during" or "through" in the
    /// description, just before it or right after it, before the next comma ("deputy
    /// director for Latin American affairs from 2016 to 2019", "returned in 1994 as an
    /// assistant coach").
    fn time_held(&self, from: usize, end: usize) -> Option<String> {
        let s = self.syntax();
        let stop = (from..s.words.len())
            .find(|&i| i >= end && matches!(s.words[i].low.as_str(), "," | ";" | "."))
            .unwrap_or(s.words.len());
        let opens = |i: usize| {
            matches!(
                s.words[i].low.as_str(),
                "from" | "in" | "between" | "until" | "since" | "during" | "through"
            )
        };
        in_sentence(self.x().times, self.index, |t| t.sentence)
            .iter()
            .filter(|t| t.value.is_some())
            .find_map(|t| {
                let at = s.words_in(&t.span).start;
                let opened = opens(at) || (at > 0 && opens(at - 1));
                (from <= at && at < stop && opened).then(|| t.value.clone())?
            })
    }

    /// For a post called "former" ("ex-", "onetime") in `words`, the time it held for:
    /// up to the day before the document's date, in ISO 8601-2's open-start form
    /// (`../2008-12-22`), or `..` (some time before) when the date is unknown.
    fn former(&self, words: Range<usize>) -> Option<String> {
        let s = self.syntax();
        let called_former = words
            .clone()
            .any(|i| matches!(s.words[i].low.as_str(), "former" | "ex" | "onetime" | "ex-"));
        let before = self.x().doc.published.and_then(|p| p.yesterday().ok());
        called_former.then(|| before.map_or_else(|| "..".to_string(), |d| format!("../{d}")))
    }

    /// "a counselor at the embassy", "an adviser to the minister": the organization
    /// named in `words` after a title, held for the title's time `held`.
    fn affiliation(
        &mut self,
        subject: SubjectRef,
        text: &str,
        mut words: Range<usize>,
        held: Option<String>,
    ) {
        let s = self.syntax();
        let Some(prep) =
            words.find(|&i| matches!(s.words[i].low.as_str(), "at" | "for" | "with" | "of" | "to"))
        else {
            return;
        };
        let Some(phrase) = s.phrase_at(prep + 1, false) else {
            return;
        };
        let org = self
            .linker
            .entity_of(&phrase, &[EntityKind::Organization])
            .filter(|&e| self.x().entities[e].kind == EntityKind::Organization);
        let head = s.words[phrase.head].low.as_str();
        let is_org = org.is_some() || (s.classes[phrase.head] != Class::Name && head != "affairs");
        if !is_org {
            return;
        }
        let value = match org {
            Some(e) => ValueExpr::Entity(e),
            None => ValueExpr::Text(phrase_value(s, &phrase.words)),
        };
        let words = phrase.words.clone();
        self.push(
            subject,
            text.to_string(),
            Predicate::Affiliation,
            value,
            &words,
            held,
        );
    }

    /// Ages, appositives and titles around each person mention.
    fn people(&mut self) {
        let s = self.syntax();
        let x = self.x();
        let mut found = Vec::new();
        for m in in_sentence(x.mentions, self.index, |m| m.sentence) {
            if x.entities[m.entity].kind != EntityKind::Person {
                continue;
            }
            let words = s.words_in(&m.span);
            let (first, end) = (words.start, words.end);
            if first >= s.words.len() {
                continue;
            }
            found.push((m.entity, x.doc.text[m.span.clone()].to_string(), first, end));
        }
        for (entity, text, first, end) in found {
            let subject = SubjectRef::Entity(entity);
            // "Novak, 47," / "Novak, aged 47," and appositives.
            if let Some(aside) = self.syntax().aside_after(end) {
                let words = &self.syntax().words;
                let number = |i: usize| words.get(i).and_then(|w| age_value(&w.low));
                let at = if words[aside.start].low == "aged" {
                    aside.start + 1
                } else {
                    aside.start
                };
                if let (Some(age), true) = (number(at), at + 1 == aside.end) {
                    self.push(
                        subject,
                        text.clone(),
                        Predicate::Age,
                        ValueExpr::Number(age),
                        &(at..at + 1),
                        None,
                    );
                } else if matches!(self.syntax().classes[aside.start], Class::Det)
                    || words[aside.start].low == "former"
                {
                    self.describe((entity, text.clone()), &aside);
                }
            }
            // "Czech diplomat Novak": a title right before the name. Only a title makes
            // the words before a name a description of a person ("the newspaper X" says
            // nothing about anyone).
            let pre = self.syntax().phrase_ending(first, false);
            let start = pre.map(|p| {
                last_possessive(self.syntax(), p.words.start..first)
                    .map_or(p.words.start, |k| k + 1)
            });
            let start = start.filter(|&start| {
                start < first && title_in(self.syntax(), &(start..first)).is_some()
            });
            if let Some(start) = start {
                self.describe((entity, text.clone()), &(start..first));
            }
        }
        self.ages();
    }

    /// "aged 47" and "the 47-year-old" away from a name.
    fn ages(&mut self) {
        let s = self.syntax();
        let mut found = Vec::new();
        for i in 0..s.words.len() {
            let low = s.words[i].low.as_str();
            let (age, words) = if let Some(n) = low.strip_suffix("-year-old") {
                (age_value(n), i..i + 1)
            } else if low == "aged" && i > 0 && s.words[i - 1].low != "," {
                (s.words.get(i + 1).and_then(|w| age_value(&w.low)), i..i + 2)
            } else {
                continue;
            };
            let Some(age) = age else { continue };
            // "then-15-year-old" (or "then- 15-year-old" as tokenized text writes it): an
            // age at an earlier time, which another outlet's present age does not deny.
            if low.starts_with("then-")
                || i > 0 && matches!(s.words[i - 1].low.as_str(), "then" | "then-")
            {
                continue;
            }
            let described = if low == "aged" {
                s.phrase_ending(i, false)
            } else if matches!(s.classes.get(i + 1), Some(Class::Name)) {
                s.phrase_at(i + 1, false)
            } else if s.words.get(i + 1).is_some_and(|w| is_person_noun(&w.low)) {
                // "the 10-year-old girl": the noun says who, so the girl is the document's
                // main person only where it describes that person so elsewhere.
                s.phrase_ending(i + 2, false)
            } else {
                s.phrase_ending(i + 1, false)
            };
            // "Lind's 12-year-old daughter": the age is the daughter's, who is not named.
            let possessed = described.as_ref().is_some_and(|p| {
                (p.words.start..i).any(|k| matches!(s.classes[k], Class::Clitic | Class::Poss))
            });
            if possessed {
                continue;
            }
            if let Some(person) = described.and_then(|p| self.person(&p)) {
                found.push((person, age, words));
            }
        }
        for ((entity, text), age, words) in found {
            self.push(
                SubjectRef::Entity(entity),
                text,
                Predicate::Age,
                ValueExpr::Number(age),
                &words,
                None,
            );
        }
    }

    /// "served as a counselor", "his post as political adviser", "the position of
    /// deputy director": the role of the verb's subject or the noun's possessor, or of
    /// the object of a verb that gives its object a post ("named Lind as director").
    fn as_phrases(&mut self) {
        let s = self.syntax();
        let mut found = Vec::new();
        for i in 1..s.words.len() {
            let low = s.words[i].low.as_str();
            let noun_of = low == "of" && role_nouns().contains(s.words[i - 1].low.as_str());
            if low != "as" && !noun_of {
                continue;
            }
            let Some(phrase) = s.phrase_at(i + 1, false) else {
                continue;
            };
            // "as the visitor dominated": "as" opens a clause whose subject the phrase
            // is, and says nothing of what anyone serves as.
            if matches!(
                s.classes.get(phrase.words.end),
                Some(Class::Verb | Class::Aux | Class::Neg)
            ) {
                continue;
            }
            // "nominated Ada Lind as surgeon general": the post is the object's, and
            // an object naming no one known ("an unnamed coach") holds it all the same.
            let object = s.phrase_ending(i, false).filter(|o| {
                !noun_of
                    && o.words.start > 0
                    && object_role_verbs().contains(lemma(&s.words[o.words.start - 1].low).as_str())
            });
            // "King took over as president": a verb's particle stands between it and
            // "as", and the post is still its subject's, not the sentence's first name.
            let particle = i >= 2
                && PARTICLES.contains(&s.words[i - 1].low.as_str())
                && matches!(s.classes[i - 2], Class::Verb | Class::Content);
            let verb = if particle { i - 2 } else { i - 1 };
            // The verb the post depends on: the one before the object, before "the
            // post of", or the last of the clause before "as" ("may name Lind of the
            // Tarsk Herald as").
            let is_verb = |k: usize| {
                s.classes[k] == Class::Verb
                    || object_role_verbs().contains(lemma(&s.words[k].low).as_str())
            };
            let governor = match (&object, noun_of) {
                (Some(o), _) => Some(o.words.start - 1),
                (None, true) => s
                    .phrase_ending(i, false)
                    .and_then(|p| p.words.start.checked_sub(1)),
                (None, false) => (i.saturating_sub(GOVERNOR_REACH)..i)
                    .rev()
                    .take_while(|&k| {
                        !matches!(s.classes[k], Class::Punct | Class::Rel | Class::Sub)
                    })
                    .find(|&k| is_verb(k)),
            };
            if governor.is_some_and(|g| is_verb(g) && prospective_verb(s, g)) {
                continue;
            }
            let holder = object.or_else(|| {
                s.possessor(i - 1).or_else(|| match s.classes[verb] {
                    Class::Verb | Class::Content | Class::Locative if !noun_of => {
                        s.subject(s.verb_group_start(verb))
                    }
                    _ => None,
                })
            });
            let holder = holder.or_else(|| s.clause_subject(i).filter(|p| p.words.end <= i));
            if let Some(person) = holder.and_then(|p| self.person(&p)) {
                let end = self.phrase_with_complements(&phrase);
                found.push((person, phrase.words.start..end));
            }
        }
        for (person, words) in found {
            self.describe(person, &words);
        }
    }

    /// One past the end of a description with its prepositional phrases ("a counselor
    /// at the embassy in Oslo").
    fn phrase_with_complements(&self, phrase: &Phrase) -> usize {
        let s = self.syntax();
        let mut end = phrase.words.end;
        while s.classes.get(end) == Some(&Class::Prep) {
            match s.phrase_at(end + 1, false) {
                Some(next) => end = next.words.end,
                None => break,
            }
        }
        end
    }

    /// "X was a Peru expert", "X is the third secretary": a title after a form of "be".
    fn copulas(&mut self) {
        let s = self.syntax();
        let mut found = Vec::new();
        for i in 1..s.words.len() {
            if !matches!(s.words[i].low.as_str(), "is" | "was" | "are" | "were") {
                continue;
            }
            if !matches!(s.classes.get(i + 1), Some(Class::Det | Class::Content)) {
                continue;
            }
            let Some(phrase) = s.phrase_at(i + 1, false) else {
                continue;
            };
            let group = s.verb_group_start(i);
            if let Some(person) = s.subject(group).and_then(|p| self.person(&p)) {
                let end = self.phrase_with_complements(&phrase);
                found.push((person, phrase.words.start..end));
            }
        }
        for (person, words) in found {
            self.describe(person, &words);
        }
    }

    /// The time, origin, destination, place and companions this sentence gives each
    /// event mention in it, and its agent or patient when they are someone's relatives
    /// ("the deaths of his parents and in-laws": who died is a detail to compare).
    fn event_arguments(&mut self) {
        let x = self.x();
        let mut found = Vec::new();
        let first = self.events.partition_point(|e| e.sentence < self.index);
        let events = in_sentence(self.events, self.index, |e| e.sentence);
        // An everyday happening's clause is read as a verb and its complements.
        let coded = (first..)
            .zip(events)
            .filter(|(_, e)| !super::events::is_everyday(&e.kind));
        for (index, event) in coded {
            let trigger = x.doc.text[event.trigger.clone()].to_string();
            let noun_phrase = event
                .nominal
                .then(|| self.syntax().span(&self.noun_phrase_to(&event.trigger)));
            for argument in &event.arguments {
                let compared = match argument.role {
                    Role::Time
                    | Role::Origin
                    | Role::Destination
                    | Role::Place
                    | Role::Companions => true,
                    Role::Agent | Role::Patient => argument.kin_of.is_some(),
                    _ => false,
                };
                if !compared
                    || argument.value.is_empty()
                    || !fills_role(
                        x,
                        argument,
                        words_within(&self.syntax().words, &argument.span),
                    )
                {
                    continue;
                }
                let value = match argument.entity {
                    Some(e) => ValueExpr::Entity(e),
                    None => ValueExpr::Text(argument.value.clone()),
                };
                let focus = event.trigger.start.min(argument.span.start)
                    ..event.trigger.end.max(argument.span.end);
                found.push(ClaimExpr {
                    span: self.sentence_span(),
                    sentence: self.index,
                    focus,
                    subject: SubjectRef::Event(index),
                    subject_text: trigger.clone(),
                    predicate: Predicate::from(argument.role.clone()),
                    value,
                    value_text: x.doc.text[argument.span.clone()].to_string(),
                    attribution: None,
                    hedged: false,
                    negated: false,
                    noun_phrase: noun_phrase.clone(),
                    time: None,
                });
            }
        }
        self.claims.extend(found);
    }

    /// The words of the noun phrase ending at the noun `noun` (bytes) names: its
    /// determiners and modifiers ("no parliamentary elections", "355 damaged shops"),
    /// and a verb taking it right after a negation ("did not hold elections").
    fn noun_phrase_to(&self, noun: &Range<usize>) -> Range<usize> {
        let s = self.syntax();
        let noun = s.words_in(noun);
        let mut start = noun.start;
        while start > 0
            && matches!(
                s.classes[start - 1],
                Class::Det
                    | Class::Poss
                    | Class::Neg
                    | Class::Number
                    | Class::Content
                    | Class::Name
                    | Class::Clitic
                    | Class::Adv
            )
        {
            start -= 1;
        }
        if start > 1 && s.classes[start - 1] == Class::Verb && s.classes[start - 2] == Class::Neg {
            start -= 2;
        }
        start..noun.end
    }

    /// `count` and `amount` claims from the sentence's quantities.
    fn quantities(&mut self) {
        let x = self.x();
        let found: Vec<ClaimExpr> = in_sentence(x.quantities, self.index, |q| q.sentence)
            .iter()
            .filter_map(|q| {
                // A casualty figure is a count even without a noun ("killed 16").
                let counted = q
                    .counted
                    .clone()
                    .or_else(|| Some(q.role?.as_str().to_string()))?;
                let predicate = if q.unit.is_none() {
                    Predicate::Count
                } else {
                    Predicate::Amount
                };
                Some(ClaimExpr {
                    span: self.sentence_span(),
                    sentence: self.index,
                    focus: q.span.clone(),
                    subject: SubjectRef::None,
                    subject_text: counted,
                    predicate,
                    value: ValueExpr::Number(q.value),
                    value_text: x.doc.text[q.span.clone()].to_string(),
                    attribution: None,
                    hedged: false,
                    negated: false,
                    noun_phrase: None,
                    time: None,
                })
            })
            .collect();
        self.claims.extend(found);
    }

    /// "Tarsk, located 820 kilometers southeast of Harran": where a place or a
    /// happening lies from another place (see [`super::bearings`]).
    fn bearings(&mut self) {
        let found = super::bearings::find(self.x(), self.syntax(), self.index, self.events);
        for p in found {
            self.push(
                p.subject,
                p.subject_text,
                Predicate::Bearing,
                ValueExpr::Text(p.bearing.value()),
                &p.words,
                None,
            );
        }
    }

    /// "informed his family six hours before their departure": how long before or after
    /// another happening someone acted — a claim about the verb's subject whose predicate
    /// is the verb's time ([`predicate_of`] + `_time`: "inform_time") and whose value is
    /// the offset ("6 hours before"), so that outlets giving another lead time conflict.
    fn offsets(&mut self) {
        let s = self.syntax();
        let x = self.x();
        let mut found = Vec::new();
        for q in in_sentence(x.quantities, self.index, |q| q.sentence) {
            if !q.unit.as_deref().is_some_and(is_duration) || q.bound.is_some() {
                continue;
            }
            let words = s.words_in(&q.span);
            let relation = match s.words.get(words.end).map(|w| w.low.as_str()) {
                Some("before" | "earlier") => "before",
                Some("after" | "later") => "after",
                _ => continue,
            };
            // The nearest verb, an infinitive included ("called them to tell them").
            let infinitive = |i: usize| {
                i > 0
                    && s.words[i - 1].low == "to"
                    && matches!(s.classes[i], Class::Content | Class::Verb)
            };
            let Some(verb) = (s.clause_start(words.start)..words.start)
                .rev()
                .find(|&i| is_verb_form(s, i) || infinitive(i))
            else {
                continue;
            };
            let Some(person) = s
                .subject(s.verb_group_start(verb))
                .and_then(|p| self.person(&p))
            else {
                continue;
            };
            let anchor = s
                .phrase_at(words.end + 1, false)
                .map_or(words.end + 1, |p| p.words.end);
            let unit = q.unit.as_deref().unwrap_or_default();
            let plural = if q.value == 1.0 { "" } else { "s" };
            let value = format!("{} {unit}{plural} {relation}", format_number(q.value));
            let predicate = Predicate::verb_time(&predicate_of(&s.words[verb].low));
            found.push((person, predicate, value, words.start..anchor));
        }
        for ((entity, text), predicate, value, words) in found {
            let subject = SubjectRef::Entity(entity);
            self.push(
                subject,
                text,
                predicate,
                ValueExpr::Text(value),
                &words,
                None,
            );
        }
    }

    /// For a sentence without other claims: its first verb's lemma as predicate, about
    /// the verb's subject when that is an entity, with the verb's object or first
    /// prepositional phrase as value.
    fn verb_lemma(&mut self) {
        let s = self.syntax();
        // A finite verb: a past form, not a participle or gerund, nor a reporting verb
        // (whose statement is an attribution, not a claim of its own). A verb just after
        // the sentence's first comma is a participle opening an aside ("Ada Lind, known
        // for her gentle humor, …"); after a later one it may follow the aside ("Ada
        // Lind, 45, issued a statement").
        let first_comma = s.words.iter().position(|w| w.low == ",");
        let finite = |i: usize| {
            let low = s.words[i].low.as_str();
            s.classes[i] == Class::Verb
                && !low.ends_with("ing")
                && !is_reporting(low)
                && first_comma != Some(i - 1)
        };
        let Some(verb) = (1..s.words.len()).find(|&i| finite(i)) else {
            return;
        };
        let Some(subject) = s.subject(s.verb_group_start(verb)) else {
            return;
        };
        let Some(entity) = self.named_head(&subject).or_else(|| {
            matches!(s.classes[subject.head], Class::Pron)
                .then(|| self.linker.refer(&subject, &[]))
                .flatten()
        }) else {
            return;
        };
        // A phrasal verb's particle belongs to the predicate ("stepped up his tactics" is
        // "step up", "tactics"), and a particle alone is no value ("ended up").
        let particle = s
            .words
            .get(verb + 1)
            .filter(|w| verb_particles().contains(w.low.as_str()));
        let after = verb + usize::from(particle.is_some());
        // "served only a short term": the object follows the word that focuses on it.
        let focused = s
            .words
            .get(after + 1)
            .is_some_and(|w| focus_words().contains(w.low.as_str()));
        let Some(object) = s
            .complements(after + usize::from(focused))
            .into_iter()
            .next()
        else {
            return;
        };
        // A pronoun says nothing a reader could compare ("checked herself in"), nor does
        // a division noun alone ("was killed in the city").
        let object_words = || {
            s.words[object.phrase.words.clone()]
                .iter()
                .map(|w| w.low.as_str())
        };
        if object.phrase.words.len() == 1 && s.classes[object.phrase.head] == Class::Pron
            || only_points_back(object_words(), &s.words[object.phrase.head].low)
        {
            return;
        }
        let value = match self.named_head(&object.phrase) {
            Some(e) => ValueExpr::Entity(e),
            None => ValueExpr::Text(phrase_value(s, &object.phrase.words)),
        };
        let subject_text = self.x().doc.text[s.span(&subject.words)].to_string();
        let predicate = match particle {
            Some(particle) => Predicate::from(format!(
                "{} {}",
                predicate_of(&s.words[verb].low).as_str(),
                particle.low
            )),
            None => predicate_of(&s.words[verb].low),
        };
        let words = object.phrase.words.clone();
        self.push(
            SubjectRef::Entity(entity),
            subject_text,
            predicate,
            value,
            &words,
            None,
        );
    }
}

impl Sentence<'_> {
    /// Claims from the relative clauses ("who", "whom", "which"; "that" is as often a
    /// complementizer) of the sentence that hold no event trigger (an event's clause is
    /// covered by its argument claims).
    fn relative_clauses(&mut self) {
        let s = self.syntax();
        let is_relative = |i: usize| matches!(s.words[i].low.as_str(), "who" | "whom" | "which");
        if !(1..s.words.len()).any(is_relative) {
            return;
        }
        let lows: Vec<String> = s.words.iter().map(|w| w.low.clone()).collect();
        let events = in_sentence(self.events, self.index, |e| e.sentence);
        let mut found = Vec::new();
        for rel in (1..s.words.len()).filter(|&i| is_relative(i)) {
            let Some(antecedent) = self.relative_antecedent(rel) else {
                continue;
            };
            let end = relative_clause_end(s, rel);
            let clause = s.span(&(rel..end));
            let reports_event = events.iter().any(|e| {
                e.trigger.start >= clause.start
                    && e.trigger.end <= clause.end
                    && !super::events::is_everyday(&e.kind)
            });
            if reports_event {
                continue;
            }
            let subject = match self.named_head(&antecedent) {
                Some(entity) => SubjectRef::Entity(entity),
                None => SubjectRef::None,
            };
            let subject_text = self.x().doc.text[s.span(&antecedent.words)].to_string();
            for piece in coordinated_predicates(s, rel + 1..end) {
                let Some(verb) = piece
                    .clone()
                    .find(|&i| is_verb_form(s, i) && !in_hedge(&lows, i))
                else {
                    continue;
                };
                let rest = verb + 1..piece.end;
                let (predicate, value_words) = if rest.is_empty() {
                    (Predicate::from("be"), verb..verb + 1)
                } else {
                    (predicate_of(&s.words[verb].low), rest)
                };
                let value = ValueExpr::Text(phrase_value(s, &value_words));
                found.push((subject, subject_text.clone(), predicate, value, value_words));
            }
        }
        for (subject, text, predicate, value, words) in found {
            self.push(subject, text, predicate, value, &words, None);
        }
    }

    /// The phrase a relative pronoun at `rel` refers to. "Who" refers to people: after
    /// "relatives in Lund who …" it is the relatives, not the place, that it refers to.
    fn relative_antecedent(&self, rel: usize) -> Option<Phrase> {
        let s = self.syntax();
        let antecedent = s.antecedent(rel)?;
        let names_no_person = self
            .named_head(&antecedent)
            .is_some_and(|e| self.x().entities[e].kind != EntityKind::Person);
        let before = antecedent.words.start;
        if s.words[rel].low == "who"
            && names_no_person
            && before > 0
            && s.classes[before - 1] == Class::Prep
        {
            return s.phrase_ending(before - 1, false);
        }
        Some(antecedent)
    }

    /// The entity named by a phrase's head word (not by a word buried in a modifier).
    fn named_head(&self, phrase: &Phrase) -> Option<usize> {
        let head = &self.syntax().words[phrase.head].span;
        self.x()
            .mentions
            .iter()
            .find(|m| m.span.start <= head.start && head.end <= m.span.end)
            .map(|m| m.entity)
    }

    /// Roles and nationality given by the descriptions that fill an event's agent or
    /// patient ("a political affairs counselor in Lima defected").
    fn described_participants(&mut self) {
        let x = self.x();
        let mut found = Vec::new();
        for event in in_sentence(self.events, self.index, |e| e.sentence) {
            for argument in &event.arguments {
                let Some(entity) = argument.entity else {
                    continue;
                };
                if !matches!(argument.role, Role::Agent | Role::Patient)
                    || x.entities[entity].kind != EntityKind::Person
                {
                    continue;
                }
                let mut words = self.syntax().words_in(&argument.span);
                // Only the words after a possessive describe the participant, who
                // must be named there.
                if let Some(clitic) = last_possessive(self.syntax(), words.clone()) {
                    words.start = clitic + 1;
                    let after = self.syntax().words[clitic].span.end;
                    let named_after = x.mentions.iter().any(|m| {
                        m.entity == entity
                            && m.span.start >= after
                            && m.span.end <= argument.span.end
                    });
                    if !named_after {
                        continue;
                    }
                }
                if !words.is_empty() {
                    let text = x.doc.text[argument.span.clone()].to_string();
                    found.push(((entity, text), words));
                }
            }
        }
        for (person, words) in found {
            self.describe(person, &words);
        }
    }
}

/// Whether a time value names a decade or a century (`195`, `19`): "the 1950s
/// pin-up model" describes someone, and no outlet dates a happening that coarsely.
fn coarser_than_a_year(value: &str) -> bool {
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    (1..4).contains(&digits)
}

/// The last possessive "'s" among `words` of `s`: the words before it describe its
/// possessor, not the person named after it ("Lind's lawyer Heller", "the singer's agent
/// Ivo Rask"), so a description of that person starts right after it.
fn last_possessive(s: &Syntax<'_>, words: Range<usize>) -> Option<usize> {
    words.rev().find(|&k| s.classes[k] == Class::Clitic)
}

/// The words of a sentence's `words` that lie inside the byte range `span`.
fn words_within<'w>(words: &'w [Word], span: &Range<usize>) -> &'w [Word] {
    let start = words.partition_point(|w| w.span.start < span.start);
    let end = words.partition_point(|w| w.span.end <= span.end);
    &words[start..end.max(start)]
}

/// Whether an argument's filler is of a kind its role takes: places (or organisations
/// that are places: an embassy, an airport) for an origin, destination or place; people,
/// organisations and groups of people for an agent, patient or companions; a time
/// expression of a year or finer for a time. `words` are the filler's words. A phrase of no kind ("punishment", "the regime") is no
/// argument.
fn fills_role(x: &Found, argument: &ArgumentExpr, words: &[Word]) -> bool {
    let kind = argument.entity.map(|e| x.entities[e].kind);
    let text = &x.doc.text[argument.span.clone()];
    let words = || {
        words
            .iter()
            .map(|w| w.low.as_str())
            .filter(|w| w.starts_with(char::is_alphanumeric))
    };
    // The head: the last word before a prepositional phrase ("the embassy in Peru").
    let head = words()
        .take_while(|w| !matches!(*w, "of" | "in" | "at" | "near" | "on" | "from"))
        .last()
        .unwrap_or_default();
    match argument.role {
        Role::Origin | Role::Destination | Role::Place => {
            place(text).is_some()
                || is_compass_word(text)
                || match kind {
                    Some(EntityKind::Location) => true,
                    // An organisation stands for a place when it is one ("the embassy").
                    Some(EntityKind::Organization) | None => {
                        place_nouns().contains(head) && !only_points_back(words(), head)
                    }
                    Some(_) => false,
                }
        }
        Role::Agent | Role::Patient | Role::Companions => match kind {
            Some(k) => matches!(k, EntityKind::Person | EntityKind::Organization),
            None => {
                argument.kin_of.is_some()
                    || words().any(|w| kin_words().contains_key(w) || is_person_noun(w))
            }
        },
        Role::Time => {
            // The times are in text order: only those of the sentence of the last time
            // opening before the argument ends can overlap it (no scan of the document's
            // times per argument).
            let before_end = x
                .times
                .partition_point(|t| t.span.start < argument.span.end);
            let sentence = before_end.checked_sub(1).map(|last| x.times[last].sentence);
            x.times[..before_end]
                .iter()
                .rev()
                .take_while(|t| Some(t.sentence) == sentence)
                .inspect(|_| crate::work::count(1))
                .any(|t| {
                    argument.span.start < t.span.end
                        && !t.value.as_deref().is_some_and(coarser_than_a_year)
                })
        }
        _ => true,
    }
}

/// Whether a place phrase of the lowercase `words` is a division noun with nothing but a
/// determiner before it ("the city", "this area", "its capital"): it names no place a
/// reader could compare, only one the text names elsewhere.
fn only_points_back<'a>(mut words: impl Iterator<Item = &'a str>, head: &str) -> bool {
    division_nouns().contains(head) && words.all(|w| w == head || is_determiner(w))
}

/// Whether word `i` belongs to a hedge ("presumed", "is thought to"): a hedging verb
/// is no statement of its own.
fn in_hedge(words: &[String], i: usize) -> bool {
    (i.saturating_sub(2)..=i).any(|start| {
        hedges()
            .match_at(words, start, words.len())
            .is_some_and(|len| start + len > i)
    })
}

/// Where the relative clause opened at `rel` ends: at the next punctuation, or, for a
/// clause set off by no comma, where a verb group follows a noun after the clause's own
/// verb ("relatives who might face reprisals | had died").
fn relative_clause_end(s: &Syntax, rel: usize) -> usize {
    let mut seen_verb = false;
    for i in rel + 1..s.words.len() {
        let class = s.classes[i];
        if class == Class::Punct && s.words[i].low != "-" {
            return i;
        }
        let after_noun = matches!(s.classes[i - 1], Class::Content | Class::Name);
        if seen_verb && after_noun && matches!(class, Class::Aux | Class::Verb) {
            return i;
        }
        seen_verb |= is_verb_form(s, i) || class == Class::Aux;
    }
    s.words.len()
}

/// The stretches of a clause's words that each carry a verb of their own: the clause
/// cut before every conjunction that a verb or an auxiliary follows ("was renamed | and
/// is presumed to have gone back").
fn coordinated_predicates(s: &Syntax, words: Range<usize>) -> Vec<Range<usize>> {
    split_at(&words, |i| {
        s.classes[i] == Class::Conj
            && matches!(s.classes.get(i + 1), Some(Class::Aux | Class::Verb))
    })
}

/// Whether word `i` is a verb of its clause: a verb form (regular by its ending, or
/// irregular from `data/irregular_verbs.txt`) that no preposition governs ("back to
/// smuggling" is a gerund object, not the clause's verb).
fn is_verb_form(s: &Syntax, i: usize) -> bool {
    let verb = s.classes[i] == Class::Verb
        || (s.classes[i] == Class::Content
            && irregular_verbs().contains_key(s.words[i].low.as_str()));
    verb && (i == 0 || s.classes[i - 1] != Class::Prep)
}

crate::lexicon::lazy! {
    /// Irregular verb forms and their lemmas (`data/irregular_verbs.txt`).
    fn irregular_verbs() -> crate::lexicon::Map<&'static str> = {
        crate::lexicon::lines(include_str!("../../data/irregular_verbs.txt"))
            .filter_map(|line| line.split_once(' '))
            .collect()
    };
}

crate::lexicon::lazy! {
    /// Particles that make a phrasal verb of the verb before them
    /// (`data/verb_particles.txt`).
    fn verb_particles() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/verb_particles.txt")).collect();
}

crate::lexicon::lazy! {
    /// Regular verb forms whose lemma the suffix rule of [`lemma`] gets wrong, and
    /// their lemmas (`data/verb_lemmas.txt`, generated by `scripts/verb_lemmas.py`).
    fn regular_exceptions() -> crate::lexicon::Map<&'static str> = {
        crate::lexicon::lines(include_str!("../../data/verb_lemmas.txt"))
            .filter_map(|line| line.split_once(' '))
            .collect()
    };
}

crate::lexicon::lazy! {
    /// Verb lemma → the first lemma of its line in `data/verb_synonyms.txt`.
    fn verb_synonyms() -> crate::lexicon::Map<&'static str> = {
        let mut map = crate::lexicon::Map::default();
        for line in crate::lexicon::lines(include_str!("../../data/verb_synonyms.txt")) {
            let mut verbs = line.split_whitespace();
            let Some(first) = verbs.next() else { continue };
            map.extend(verbs.map(|verb| (verb, first)));
        }
        map
    };
}

/// The predicate a verb form gives a claim: its lemma, read as the first verb of its
/// line in `data/verb_synonyms.txt` when it has one ("told" → "inform"), so that outlets
/// saying one thing in other words are compared.
///
/// A verb whose lemma is a keyword the ledger gives another meaning ("counted" → "count",
/// "timed" → "time") reads as `LEMMA_verb`, so that what a verb says is never taken for
/// a figure or an event's argument.
pub(super) fn predicate_of(word: &str) -> Predicate {
    let lemma = lemma(word);
    let first = verb_synonyms()
        .get(lemma.as_str())
        .map_or(lemma, |first| (*first).to_string());
    match Predicate::from(first.clone()) {
        verb @ Predicate::Verb(_) => verb,
        _ => Predicate::Verb(format!("{first}_verb")),
    }
}

/// A plausible age ("47" → 47), or `None`.
fn age_value(word: &str) -> Option<f64> {
    let n: u32 = word.parse().ok()?;
    (1..=120).contains(&n).then_some(f64::from(n))
}

/// A verb's lemma from its inflected form: irregular forms from a table ("went",
/// "gone" → "go"), regular ones by rule ("revealed" → "reveal", "planned" → "plan",
/// "studied" → "study") unless a generated table of the forms the rule gets wrong
/// says otherwise ("released" → "release", not "releas"; "added" → "add").
pub(crate) fn lemma(word: &str) -> String {
    if let Some(lemma) = irregular_verbs()
        .get(word)
        .or_else(|| regular_exceptions().get(word))
    {
        (*lemma).to_string()
    } else if let Some(s) = word.strip_suffix("ied") {
        // "died", "tied": a one-letter stem keeps its "ie" ("die", not "dy").
        if s.len() == 1 {
            format!("{s}ie")
        } else {
            format!("{s}y")
        }
    } else if let Some(s) = word.strip_suffix("ed").or_else(|| word.strip_suffix("ing")) {
        let b = s.as_bytes();
        let doubled = b.len() >= 3
            && b[b.len() - 1] == b[b.len() - 2]
            && !matches!(b[b.len() - 1], b'l' | b's' | b'e');
        if doubled {
            s[..s.len() - 1].to_string()
        } else if s.ends_with('v')
            || s.ends_with('z')
            || s.ends_with("at")
            || s.ends_with("iz")
            || s.ends_with('c')
            || s.ends_with("ur")
        {
            format!("{s}e")
        } else {
            s.to_string()
        }
    } else if let Some(s) = word.strip_suffix("ies") {
        if s.len() == 1 {
            format!("{s}ie")
        } else {
            format!("{s}y")
        }
    } else if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        word[..word.len() - 1].to_string()
    } else {
        word.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::events::tests::extraction;

    const PERSON: EntityKind = EntityKind::Person;

    /// The extraction of a synthetic text and the claims found in it.
    fn extracted(
        text: &str,
        names: &[(&str, EntityKind)],
    ) -> (crate::extract::Extraction, Vec<ClaimExpr>) {
        let mut x = extraction(text, names);
        x.quantities = crate::extract::quantities::find(&x.doc, &x.times);
        let sentences = crate::extract::syntax::body_sentences(&x.doc, &x.times);
        let events = crate::extract::events::find(&x.found(), &sentences);
        let found = find(&x.found(), &events, &sentences);
        (x, found)
    }

    /// (subject text, predicate, value key) of each claim of a synthetic text.
    fn claims(text: &str, names: &[(&str, EntityKind)]) -> Vec<(String, Predicate, String)> {
        let (x, found) = extracted(text, names);
        found
            .into_iter()
            .map(|c| {
                let value = match c.value {
                    ValueExpr::Number(n) => n.to_string(),
                    ValueExpr::Text(t) => t,
                    ValueExpr::Entity(e) => format!("#{}", x.entities[e].name),
                };
                (c.subject_text, c.predicate, value)
            })
            .collect()
    }

    fn has(list: &[(String, Predicate, String)], predicate: Predicate, value: &str) -> bool {
        list.iter().any(|(_, p, v)| *p == predicate && v == value)
    }

    /// The names of the entities the text's claims of `predicate` (with the value
    /// `value`, when one is given) are about.
    fn holders(
        text: &str,
        names: &[(&str, EntityKind)],
        predicate: Predicate,
        value: Option<&str>,
    ) -> Vec<String> {
        let (x, found) = extracted(text, names);
        found
            .into_iter()
            .filter(|c| c.predicate == predicate)
            .filter(|c| value.is_none_or(|v| c.value == ValueExpr::Text(v.to_string())))
            .map(|c| match c.subject {
                SubjectRef::Entity(e) => x.entities[e].name.clone(),
                _ => c.subject_text,
            })
            .collect()
    }

    #[test]
    fn ages_in_asides_and_descriptions() {
        let got = claims(
            "Mara Lind, 47, resigned. Later the 47-year-old left.",
            &[("Mara Lind", PERSON)],
        );
        assert!(
            got.iter()
                .filter(|c| c.1 == Predicate::Age && c.2 == "47")
                .count()
                == 2,
            "{got:?}"
        );
        let got = claims("Mara Lind, aged 39, spoke.", &[("Mara Lind", PERSON)]);
        assert!(has(&got, Predicate::Age, "39"), "{got:?}");
        let got = claims("Engineer Mara Lind, 2024, spoke.", &[("Mara Lind", PERSON)]);
        assert!(!got.iter().any(|c| c.1 == Predicate::Age), "{got:?}");
    }

    #[test]
    fn an_age_after_a_possessor_is_not_the_possessor_s() {
        for text in [
            "Mara Lind, 48, was found. Lind's 12-year-old daughter was at home.",
            "Mara Lind, 48, was found. Ms. Lind' 12-year-old daughter was at home.",
            "Mara Lind, 48, was found. Her 12-year-old daughter was at home.",
        ] {
            let got = claims(text, &[("Mara Lind", PERSON), ("Lind", PERSON)]);
            assert!(!has(&got, Predicate::Age, "12"), "{text}: {got:?}");
            assert!(has(&got, Predicate::Age, "48"), "{text}: {got:?}");
        }
    }

    #[test]
    fn an_age_description_with_another_age_is_someone_else() {
        let text = "Police charged 16-year-old Ivo Rask. Rask denied it. \
                    The 10-year-old was hit outside. Rask was held.";
        let got = claims(text, &[("Ivo Rask", PERSON), ("Rask", PERSON)]);
        assert!(!has(&got, Predicate::Age, "10"), "{got:?}");
        assert!(has(&got, Predicate::Age, "16"), "{got:?}");
    }

    #[test]
    fn an_age_description_is_whoever_the_document_introduced_with_that_age() {
        // Rask, the main person, has no age of his own; the girl introduced as ten is
        // the one "the 10-year-old" names.
        let text = "Ivo Rask was charged. Rask denied it. A stray bullet struck 10-year-old \
                    Ada Lind. The 10-year-old died. Rask was held.";
        let aged = holders(
            text,
            &[("Ivo Rask", PERSON), ("Rask", PERSON), ("Ada Lind", PERSON)],
            Predicate::Age,
            None,
        );
        assert!(
            !aged.is_empty() && aged.iter().all(|n| *n == "Ada Lind"),
            "{aged:?}"
        );
    }

    #[test]
    fn an_age_of_another_person_or_time_is_not_the_main_persons() {
        // The girl is not the main person, who is nowhere called a girl.
        let text = "Ivo Rask fired twice. Rask missed his target, striking the 10-year-old girl.";
        let got = claims(text, &[("Ivo Rask", PERSON), ("Rask", PERSON)]);
        assert!(!has(&got, Predicate::Age, "10"), "{got:?}");
        // "then-15-year-old": an age at an earlier time.
        let got = claims(
            "Lynch said then- 15-year-old Ivo Rask had a gun.",
            &[("Ivo Rask", PERSON)],
        );
        assert!(!got.iter().any(|c| c.1 == Predicate::Age), "{got:?}");
        // A noun that describes the main person elsewhere keeps the age his.
        let got = claims(
            "The diplomat Ivo Rask fled. The 47-year-old diplomat left with his wife.",
            &[("Ivo Rask", PERSON)],
        );
        assert!(has(&got, Predicate::Age, "47"), "{got:?}");
    }

    #[test]
    fn words_before_a_possessive_describe_the_possessor() {
        let got = claims(
            "Mara Lind's attorney said Thursday the actress had left.",
            &[("Mara Lind", PERSON)],
        );
        assert!(!got.iter().any(|c| c.1 == Predicate::Occupation), "{got:?}");
        let got = claims(
            "The actress's rep Ivo Rask told the magazine.",
            &[("Ivo Rask", PERSON)],
        );
        assert!(!got.iter().any(|c| c.1 == Predicate::Occupation), "{got:?}");
        let got = claims(
            "The firm's lawyer Ivo Rask told the magazine.",
            &[("Ivo Rask", PERSON)],
        );
        assert!(has(&got, Predicate::Occupation, "lawyer"), "{got:?}");
    }

    #[test]
    fn as_opening_a_clause_gives_no_description() {
        let got = claims(
            "Ivo Rask barely landed a punch as the Peruvian dominated the bout.",
            &[("Ivo Rask", PERSON)],
        );
        assert!(
            !got.iter().any(|c| c.1 == Predicate::Nationality),
            "{got:?}"
        );
        let got = claims(
            "Ivo Rask worked as a Peruvian diplomat in Oslo.",
            &[("Ivo Rask", PERSON)],
        );
        assert!(has(&got, Predicate::Nationality, "peru"), "{got:?}");
    }

    #[test]
    fn roles_from_appositives_titles_and_as() {
        // A post given to an object is the object's.
        let names = [("Ivo Rask", PERSON), ("Ada Lind", PERSON)];
        let got = claims(
            "President Ivo Rask nominated Ada Lind as surgeon general.",
            &names,
        );
        let roles: Vec<_> = got
            .iter()
            .filter(|c| c.1 == Predicate::Role)
            .map(|c| (c.0.as_str(), c.2.as_str()))
            .collect();
        assert!(roles.contains(&("Ada Lind", "surgeon general")), "{got:?}");
        assert!(!roles.contains(&("Ivo Rask", "surgeon general")), "{got:?}");
        let got = claims("Ivo Rask joined the club as an assistant coach.", &names);
        assert!(has(&got, Predicate::Role, "assistant coach"), "{got:?}");
        // A phrasal verb's particle before "as": the post is that verb's subject's.
        for text in [
            "Manager Ivo Rask said Ada Lind will take over as head coach.",
            "Ivo Rask is the fourth coach since Ada Lind took over as head coach.",
        ] {
            assert_eq!(
                holders(text, &names, Predicate::Role, Some("head coach")),
                ["Ada Lind"],
                "{text}"
            );
        }
        // A possessive pronoun inside a reported clause is that clause's subject's.
        let text = "Ivo Rask announced today that Ada Lind has been relieved of her duties as \
                    head coach.";
        assert_eq!(
            holders(text, &names, Predicate::Role, Some("head coach")),
            ["Ada Lind"]
        );
        let got = claims(
            "Mara Lind, a former second secretary at the Chilean embassy, spoke.",
            &[("Mara Lind", PERSON)],
        );
        assert!(has(&got, Predicate::Role, "second secretary"), "{got:?}");
        assert!(
            has(&got, Predicate::Affiliation, "chilean embassy"),
            "{got:?}"
        );
        assert!(
            !got.iter().any(|c| c.1 == Predicate::Nationality),
            "{got:?}"
        );
        // "general" after another post's word is part of that title, not a rank.
        let got = claims(
            "Attorney General Ivo Rask resigned.",
            &[("Ivo Rask", PERSON)],
        );
        assert!(has(&got, Predicate::Role, "attorney general"), "{got:?}");
        assert!(!has(&got, Predicate::Role, "general"), "{got:?}");
        // A court reporter records hearings; she is no journalist.
        let got = claims(
            "The court reporter Ada Lind was hurt.",
            &[("Ada Lind", PERSON)],
        );
        assert!(
            has(&got, Predicate::Occupation, "court reporter"),
            "{got:?}"
        );
        assert!(!has(&got, Predicate::Occupation, "journalist"), "{got:?}");
        let got = claims(
            "Peruvian diplomat Ivo Rask resigned.",
            &[("Ivo Rask", PERSON)],
        );
        assert!(has(&got, Predicate::Occupation, "diplomat"), "{got:?}");
        assert!(has(&got, Predicate::Nationality, "peru"), "{got:?}");
        let got = claims(
            "Ivo Rask retired. He had served as a political affairs consultant.",
            &[("Ivo Rask", PERSON)],
        );
        assert!(has(&got, Predicate::Role, "counselor"), "{got:?}");
        let got = claims(
            "In his last post as trade advisor, Ivo Rask met buyers.",
            &[("Ivo Rask", PERSON)],
        );
        assert!(has(&got, Predicate::Role, "counselor"), "{got:?}");
        let got = claims(
            "Ivo Rask was the acting ambassador.",
            &[("Ivo Rask", PERSON)],
        );
        assert!(has(&got, Predicate::Role, "acting ambassador"), "{got:?}");
    }

    #[test]
    fn pronouns_go_to_the_last_sentence_subject() {
        let got = claims(
            "Ivo Rask said he was praised by Ana Lopez. He later served as the acting consul.",
            &[("Ivo Rask", PERSON), ("Ana Lopez", PERSON)],
        );
        let role: Vec<_> = got.iter().filter(|c| c.1 == Predicate::Role).collect();
        assert_eq!(role.len(), 1, "{got:?}");
        let x = extraction(
            "Ivo Rask said he was praised by Ana Lopez. He later served as the acting consul.",
            &[("Ivo Rask", PERSON), ("Ana Lopez", PERSON)],
        );
        let found = find(
            &x.found(),
            &[],
            &crate::extract::syntax::body_sentences(&x.doc, &x.times),
        );
        let claim = found
            .iter()
            .find(|c| c.predicate == Predicate::Role)
            .unwrap();
        assert_eq!(claim.subject, SubjectRef::Entity(0));
        assert_eq!(claim.value, ValueExpr::Text("acting consul".into()));
    }

    #[test]
    fn descriptions_in_the_lede_describe_the_main_person() {
        let text = "Ivo Rask has vanished. Police said a Peruvian second secretary posted in Lima absconded. Rask, 44, was last seen in May.";
        let got = claims(
            text,
            &[
                ("Ivo Rask", PERSON),
                ("Rask", PERSON),
                ("Lima", EntityKind::Location),
            ],
        );
        assert!(has(&got, Predicate::Role, "second secretary"), "{got:?}");
        assert!(has(&got, Predicate::Nationality, "peru"), "{got:?}");
        assert!(has(&got, Predicate::Age, "44"), "{got:?}");
    }

    #[test]
    fn a_lede_description_of_the_other_sex_is_not_the_main_person() {
        let text = "Police arrested a man they say struck a 66-year-old woman. Ivo Rask was \
                    stopped after he hit two cars. Officers pulled him from his car. Rask is \
                    held.";
        let got = claims(text, &[("Ivo Rask", PERSON), ("Rask", PERSON)]);
        assert!(!has(&got, Predicate::Age, "66"), "{got:?}");
        // Where the text calls the main person "she", the woman is her.
        let text = text
            .replace("he hit", "she hit")
            .replace("him from his", "her from her");
        let got = claims(&text, &[("Ivo Rask", PERSON), ("Rask", PERSON)]);
        assert!(has(&got, Predicate::Age, "66"), "{got:?}");
    }

    #[test]
    fn a_source_in_the_lede_is_not_the_main_person() {
        // "an official said" brings in who vouches for the news, not who it is about.
        let got = claims(
            "Ivo Rask was killed in Tarsk on Tuesday, an official said.",
            &[("Ivo Rask", PERSON)],
        );
        assert!(!has(&got, Predicate::Occupation, "official"), "{got:?}");
        // A description the main person's verb follows still describes them.
        let got = claims(
            "An official was killed in Tarsk on Tuesday. Ivo Rask had served there.",
            &[("Ivo Rask", PERSON)],
        );
        assert!(has(&got, Predicate::Occupation, "official"), "{got:?}");
    }

    #[test]
    fn a_child_in_the_lede_is_not_a_main_person_in_office() {
        let text = "Riots spread across Tarsk. The shooting of a 15-year-old boy by police \
                    set off the unrest. Prime Minister Ivo Rask said he would restore order. \
                    Rask met police chiefs. Rask spoke again on Sunday.";
        let names = [("Ivo Rask", PERSON), ("Rask", PERSON)];
        let got = claims(text, &names);
        assert!(!has(&got, Predicate::Age, "15"), "{got:?}");
        // A main person in no office may be the child the lede describes.
        let text = text.replace("Prime Minister Ivo Rask", "Ivo Rask");
        let got = claims(&text, &names);
        assert!(has(&got, Predicate::Age, "15"), "{got:?}");
    }

    #[test]
    fn a_description_before_a_verb_is_not_its_objects() {
        let names = [("Ivo Rask", PERSON), ("Tom Hale", PERSON), ("Hale", PERSON)];
        let text = "Ivo Rask stopped Tom Hale in the sixth round on Saturday. The Norwegian \
                    champion dropped Hale again in the sixth. Hale said he was fine.";
        let got = claims(text, &names);
        assert!(
            !got.iter().any(|c| c.1 == Predicate::Nationality),
            "{got:?}"
        );
    }

    #[test]
    fn a_description_is_read_whatever_the_case_and_letters_around_the_name() {
        // The title is found in capitals, and where folding joins its letters (a
        // zero-width space inside it): only ASCII surroundings are passed over unread.
        for title in ["GENERAL", "Gen\u{200b}eral"] {
            let text = format!("{title} Ivo Rask resigned. Rask left. The general moved abroad.");
            let x = extraction(&text, &[("Ivo Rask", PERSON), ("Rask", PERSON)]);
            let start = text.find("The general").unwrap();
            let span = start..start + "The general".len();
            let refer = crate::extract::coref::referent(&x.doc, &x.mentions, &x.entities, &span);
            assert_eq!(refer, Some(0), "{title}");
        }
    }

    #[test]
    fn a_new_description_is_not_the_main_person() {
        let text = "Diplomat Ivo Rask, 51, resigned. Rask said he met Ana Lopez. \
                    The diplomat later moved abroad. The captain who hired him was 70. \
                    Rask fired twice, hitting the driver. The driver was hurt. \
                    Ana Lopez, the lawyer, spoke. The lawyer left.";
        let x = extraction(
            text,
            &[
                ("Ivo Rask", PERSON),
                ("Rask", PERSON),
                ("Ana Lopez", PERSON),
            ],
        );
        let span = |words: &str| {
            let start = text.find(words).unwrap();
            start..start + words.len()
        };
        let refer = |words: &str| {
            crate::extract::coref::referent(&x.doc, &x.mentions, &x.entities, &span(words))
        };
        assert_eq!(refer("The diplomat"), Some(0));
        assert_eq!(refer("The captain"), None);
        // The driver his shots hit is someone else; the lawyer is not the main person.
        assert_eq!(refer("The driver"), None);
        assert_eq!(refer("The lawyer"), None);
    }

    #[test]
    fn nationality_comes_before_the_title() {
        let got = claims(
            "Ivo Rask became director for Latin American affairs.",
            &[("Ivo Rask", PERSON)],
        );
        assert!(
            !got.iter().any(|c| c.1 == Predicate::Nationality),
            "{got:?}"
        );
    }

    #[test]
    fn event_arguments_become_claims() {
        let got = claims(
            "Ivo Rask defected to Norway with his wife and child in November.",
            &[("Ivo Rask", PERSON), ("Norway", EntityKind::Location)],
        );
        assert!(
            has(&got, Predicate::Argument(Role::Destination), "#Norway"),
            "{got:?}"
        );
        assert!(
            has(
                &got,
                Predicate::Argument(Role::Companions),
                "child and wife"
            ),
            "{got:?}"
        );
        assert!(
            has(&got, Predicate::Argument(Role::Time), "2023-11"),
            "{got:?}"
        );
    }

    #[test]
    fn a_decade_describing_someone_is_no_time_of_the_happening() {
        let got = claims(
            "Ivo Rask, the 1950s film star, defected to Norway.",
            &[("Ivo Rask", PERSON), ("Norway", EntityKind::Location)],
        );
        let times: Vec<&str> = got
            .iter()
            .filter(|c| c.1 == Predicate::Argument(Role::Time))
            .map(|c| c.2.as_str())
            .collect();
        assert!(times.is_empty(), "{got:?}");
        assert!(
            has(&got, Predicate::Argument(Role::Destination), "#Norway"),
            "{got:?}"
        );
    }

    #[test]
    fn a_role_holds_for_the_time_the_text_gives() {
        let text = "Ivo Rask is the counselor. He served as deputy director from 2016 \
                    to 2019, in Oslo.";
        let x = extraction(text, &[("Ivo Rask", PERSON)]);
        let sentences = crate::extract::syntax::body_sentences(&x.doc, &x.times);
        let held: Vec<(String, Option<String>)> = find(&x.found(), &[], &sentences)
            .into_iter()
            .filter(|c| c.predicate == Predicate::Role)
            .map(|c| (c.value_text, c.time))
            .collect();
        assert!(
            held.contains(&("deputy director".into(), Some("2016/2019".into()))),
            "{held:?}"
        );
        assert!(held.contains(&("counselor".into(), None)), "{held:?}");
        let x = extraction(
            "Ivo Rask, the former ambassador, spoke.",
            &[("Ivo Rask", PERSON)],
        );
        let sentences = crate::extract::syntax::body_sentences(&x.doc, &x.times);
        let held: Vec<Option<String>> = find(&x.found(), &[], &sentences)
            .into_iter()
            .filter(|c| c.predicate == Predicate::Role)
            .map(|c| c.time)
            .collect();
        assert_eq!(held, [Some("../2024-03-19".to_string())]);
    }

    #[test]
    fn a_post_offered_or_ahead_is_not_held() {
        let names = [("Ada Lind", PERSON), ("Ivo Rask", PERSON)];
        for text in [
            "Ada Lind, a reporter, has been offered the post of ambassador.",
            "Ada Lind is tipped to be the next ambassador.",
            "The board will name Ada Lind as ambassador.",
            "The board may name Ada Lind of the Tarsk Herald as its ambassador.",
        ] {
            let found = claims(text, &names);
            assert!(
                !has(&found, Predicate::Role, "ambassador"),
                "{text}: {found:?}"
            );
        }
        for text in [
            "Ada Lind was given the post of ambassador.",
            "The board named Ada Lind as ambassador.",
        ] {
            let found = claims(text, &names);
            assert!(
                has(&found, Predicate::Role, "ambassador"),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_title_word_qualifying_a_noun_is_no_post() {
        let names = [("Ivo Rask", PERSON)];
        let found = claims(
            "Ivo Rask was fired as a general accountant at the firm.",
            &names,
        );
        assert!(!has(&found, Predicate::Role, "general"), "{found:?}");
        let found = claims("Ivo Rask, the general manager, spoke.", &names);
        assert!(has(&found, Predicate::Role, "manager"), "{found:?}");
        let found = claims("Ivo Rask, a retired general, spoke.", &names);
        assert!(has(&found, Predicate::Role, "general"), "{found:?}");
    }

    #[test]
    fn a_place_or_a_happening_has_a_bearing_from_a_landmark() {
        let names = [
            ("Tarsk", EntityKind::Location),
            ("Kerria", EntityKind::Location),
            ("Harran", EntityKind::Location),
        ];
        // (text, what it places, bearing); the region after a town and the landmark
        // are not what a figure places.
        let cases = [
            (
                "Tarsk, located 820 kilometers (510 miles) southeast of Harran, was hit.",
                "Tarsk",
                "820 km southeast of Harran",
            ),
            (
                "The mill in Tarsk, Kerria, 25 miles north of Harran.",
                "Tarsk",
                "40 km north of Harran",
            ),
            (
                "The quake, which struck 9 km east of Harran, was felt.",
                "quake",
                "9 km east of Harran",
            ),
        ];
        for (text, placed, bearing) in cases {
            let found = claims(text, &names);
            assert!(
                found
                    .iter()
                    .any(|(s, p, v)| s == placed && *p == Predicate::Bearing && v == bearing),
                "{text}: {found:?}"
            );
        }
        // No landmark, no direction, only a source before the figure: no bearing.
        let found = claims(
            "Tarsk lies 25 miles north of here. It is 9 km from Harran. Kerria said the \
             village lies 9 km north of Harran.",
            &names,
        );
        assert!(
            !found.iter().any(|(_, p, _)| *p == Predicate::Bearing),
            "{found:?}"
        );
    }

    #[test]
    fn a_role_takes_fillers_of_its_kind() {
        let got = claims(
            "Ivo Rask fled the regime to Norway, fearing punishment.",
            &[("Ivo Rask", PERSON), ("Norway", EntityKind::Location)],
        );
        let places: Vec<&str> = got
            .iter()
            .filter(|c| {
                matches!(
                    c.1,
                    Predicate::Argument(Role::Origin | Role::Destination | Role::Place)
                )
            })
            .map(|c| c.2.as_str())
            .collect();
        assert!(places.contains(&"#Norway"), "{got:?}");
        assert!(places.iter().all(|p| p.starts_with('#')), "{got:?}");
    }

    #[test]
    fn a_bare_division_noun_fills_no_place() {
        let got = claims(
            "Ivo Rask was killed in the city. Ada Lind was killed in a border town. \
             Tom Hale died in prison. Kerria was killed in this area, Lind said.",
            &[
                ("Ivo Rask", PERSON),
                ("Ada Lind", PERSON),
                ("Tom Hale", PERSON),
            ],
        );
        let places: Vec<&str> = got
            .iter()
            .filter(|c| c.1 == Predicate::Argument(Role::Place))
            .map(|c| c.2.as_str())
            .collect();
        assert!(places.contains(&"border town"), "{got:?}");
        assert!(places.contains(&"prison"), "{got:?}");
        // Neither as a place nor as the verb's object ("kill city").
        assert!(
            !got.iter()
                .any(|c| c.2.contains("city") || c.2.contains("area")),
            "{got:?}"
        );
    }

    #[test]
    fn counts_and_verb_lemmas() {
        let got = claims("Last year, 310 miners joined the union.", &[]);
        assert!(has(&got, Predicate::Count, "310"), "{got:?}");
        let got = claims("Ivo Rask criticized the budget.", &[("Ivo Rask", PERSON)]);
        assert_eq!(
            got,
            [(
                "Ivo Rask".to_string(),
                Predicate::from("criticize"),
                "budget".to_string()
            )]
        );
    }

    #[test]
    fn a_participle_opening_an_aside_is_no_verb_of_the_sentence() {
        let lind = [("Ada Lind", PERSON)];
        let got = claims("Ada Lind, known for her gentle humor, hosted it.", &lind);
        assert!(
            got.iter().all(|c| c.1 != Predicate::from("know")),
            "{got:?}"
        );
        // After the aside, the sentence's own verb.
        let got = claims("Ada Lind, however, criticized the budget.", &lind);
        assert!(has(&got, Predicate::from("criticize"), "budget"), "{got:?}");
    }

    #[test]
    fn a_phrasal_verbs_particle_is_its_predicates() {
        let rask = [("Ivo Rask", PERSON)];
        let got = claims("Ivo Rask stepped up his campaign.", &rask);
        assert!(has(&got, Predicate::from("step up"), "campaign"), "{got:?}");
        let got = claims("Ivo Rask ended up in Tarsk.", &rask);
        assert!(got.iter().all(|c| c.2 != "up"), "{got:?}");
        // "went back to Tarsk" was "go" :: "back".
        let got = claims("Ivo Rask went back to Tarsk.", &rask);
        assert!(has(&got, Predicate::from("go back"), "tarsk"), "{got:?}");
    }

    #[test]
    fn a_verbs_object_is_a_thing_written_whole() {
        let rask = [("Ivo Rask", PERSON)];
        // The object follows the word that focuses on it.
        let got = claims("Ivo Rask had served only a short term in Tarsk.", &rask);
        assert!(has(&got, Predicate::from("serve"), "short term"), "{got:?}");
        // A hyphen written apart joins a compound as the written-together one does.
        let got = claims("Ivo Rask served a five - year term.", &rask);
        assert!(
            has(&got, Predicate::from("serve"), "five-year term"),
            "{got:?}"
        );
        // A short gerund is a verb, no thing kept.
        let got = claims(
            "Ada Lind told Ivo Rask to stop, but Ivo Rask kept going.",
            &rask,
        );
        assert!(got.iter().all(|c| c.2 != "going"), "{got:?}");
    }

    #[test]
    fn a_verb_is_never_read_as_a_figure_or_an_argument() {
        let rask = [("Ivo Rask", PERSON)];
        let got = claims("Ivo Rask placed the order.", &rask);
        assert!(has(&got, Predicate::from("put"), "order"), "{got:?}");
        let got = claims("Ivo Rask counted the ballots.", &rask);
        assert!(
            has(&got, Predicate::from("count_verb"), "ballots"),
            "{got:?}"
        );
    }

    #[test]
    fn lemmas_of_regular_verbs() {
        assert_eq!(lemma("revealed"), "reveal");
        assert_eq!(lemma("planned"), "plan");
        assert_eq!(lemma("studied"), "study");
        assert_eq!(lemma("negotiated"), "negotiate");
        assert_eq!(lemma("helps"), "help");
        assert_eq!(lemma("gone"), "go");
        assert_eq!(lemma("fled"), "flee");
        // Forms the suffix rule alone would cut wrong.
        assert_eq!(lemma("released"), "release");
        assert_eq!(lemma("added"), "add");
        assert_eq!(lemma("defeated"), "defeat");
        assert_eq!(lemma("pushes"), "push");
        assert_eq!(lemma("making"), "make");
    }

    #[test]
    fn relative_clauses_give_one_claim_per_verb() {
        let got = claims(
            "The board sold the mill, which was closed and is thought to have gone to a \
             rival.",
            &[],
        );
        assert!(has(&got, Predicate::from("be"), "closed"), "{got:?}");
        assert!(has(&got, Predicate::from("go"), "to rival"), "{got:?}");
        assert!(
            got.iter()
                .all(|c| c.0 != "the mill" || c.1 != Predicate::from("think")),
            "{got:?}"
        );
    }

    #[test]
    fn a_relative_clause_with_an_event_is_left_to_the_event() {
        let got = claims(
            "Ivo Rask, who fled to Vienna in 2019, spoke on Monday.",
            &[("Ivo Rask", PERSON), ("Vienna", EntityKind::Location)],
        );
        assert!(
            got.iter().all(|c| c.1 != Predicate::from("flee")),
            "{got:?}"
        );
    }
}
