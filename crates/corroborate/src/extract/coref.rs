//! In-document coreference, as much as claims and quote speakers need: a pronoun goes
//! to the last compatible person before it; a definite description of a person ("the
//! diplomat", "the 47-year-old") goes to the document's main person.

use std::ops::Range;

use super::{LocalEntity, Mention};
use crate::lexicon::people::{
    Gender, gender_of_word, is_child_noun, is_office_title, is_person_noun, is_person_pronoun,
};
use crate::model::EntityKind;
use crate::prepare::Prepared;

/// How far back (in sentences) a pronoun looks for its antecedent.
const PRONOUN_REACH: usize = 3;

/// The person entity a pronoun at `at` refers to: in the nearest sentence (no more than
/// [`PRONOUN_REACH`] back) with a person mentioned before `at`, the first such person —
/// the sentence's subject far more often than a person named later in it ("Novak said he
/// was thanked by the minister. He was promoted" → Novak).
pub(crate) fn pronoun_antecedent(doc: &Prepared, mentions: &[Mention], at: usize) -> Option<usize> {
    let sentence = sentence_at(doc, at)?;
    // Mentions are in text order: those within reach are one run of them, found by
    // binary search rather than by reading the whole document's for every pronoun.
    let first = mentions.partition_point(|m| m.sentence + PRONOUN_REACH < sentence);
    let before: Vec<&Mention> = mentions[first..]
        .iter()
        .take_while(|m| m.span.start <= at)
        .inspect(|_| crate::work::count(1))
        .filter(|m| m.span.end <= at && m.kind == EntityKind::Person)
        .collect();
    let nearest = before.last()?.sentence;
    let first = before.iter().position(|m| m.sentence == nearest)?;
    // "Rask announced that Lind had been relieved of his duties": in a clause reported
    // after the sentence's subject, the pronoun is the reported clause's subject's.
    if nearest == sentence {
        if let Some(that) = reported_clause_start(doc, before[first].span.end, at) {
            if let Some(m) = before[first..].iter().find(|m| m.span.start >= that) {
                return Some(m.entity);
            }
        }
    }
    Some(before[first].entity)
}

/// How many tokens before a pronoun the "that" opening its reported clause may stand.
const REPORTED_REACH: usize = 40;

/// The byte offset after the last "that" between `from` and `to` that follows a
/// reporting verb ("said that", "announced today that"), if there is one.
fn reported_clause_start(doc: &Prepared, from: usize, to: usize) -> Option<usize> {
    let tokens = &doc.analysis.tokens;
    let last = tokens.partition_point(|t| t.start < to);
    // A reported clause opens near its pronoun; the bound keeps a long sentence's many
    // pronouns from each reading all of it.
    let first = tokens
        .partition_point(|t| t.start < from)
        .max(last.saturating_sub(REPORTED_REACH));
    // Asked for every pronoun: the tokens are read in place, and only the few words
    // before a "that" are lowercased.
    (first..last).rev().find_map(|k| {
        let reported = tokens[k].as_str(&doc.text).eq_ignore_ascii_case("that")
            && tokens[k.saturating_sub(3).max(first)..k]
                .iter()
                .any(|t| crate::extract::syntax::is_reporting(&t.as_str(&doc.text).to_lowercase()));
        reported.then(|| tokens[k].end)
    })
}

/// The document's main person: the person entity with the most mentions (earliest on ties).
pub(crate) fn main_person(entities: &[LocalEntity]) -> Option<usize> {
    entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .max_by(|(ia, a), (ib, b)| a.mentions.len().cmp(&b.mentions.len()).then(ib.cmp(ia)))
        .map(|(i, _)| i)
}

/// The entity that the words `span` refer to, when they are a mention, a person pronoun
/// or a definite description of a person ("the diplomat", "the 47-year-old").
pub(crate) fn referent(
    doc: &Prepared,
    mentions: &[Mention],
    entities: &[LocalEntity],
    span: &Range<usize>,
) -> Option<usize> {
    if let Some(m) = mentions
        .iter()
        .find(|m| m.span.start < span.end && span.start < m.span.end)
    {
        return Some(m.entity);
    }
    described(doc, mentions, entities, span)
}

/// The person that words naming no one refer to: a pronoun's antecedent, or the main
/// person for a definite description of them ("the diplomat", "the 47-year-old").
pub(crate) fn described(
    doc: &Prepared,
    mentions: &[Mention],
    entities: &[LocalEntity],
    span: &Range<usize>,
) -> Option<usize> {
    let words = doc.text[span.clone()].trim();
    if is_person_pronoun(words) {
        return pronoun_antecedent(doc, mentions, span.start);
    }
    // Asked of most phrases, few of which open with "the" or "this": their opening is
    // read before a lowercase copy is made (no letter but an ASCII one lowercases to
    // these).
    let opens = |article: &str| {
        words
            .get(..article.len())
            .is_some_and(|opening| opening.eq_ignore_ascii_case(article))
    };
    if !opens("the ") && !opens("this ") {
        return None;
    }
    let lower = words.to_lowercase();
    if !lower.contains(" of ") && lower.split_whitespace().count() <= 4 && describes_person(&lower)
    {
        // "10-year-old Ada Lind … the 10-year-old": whoever the document introduced with
        // that age is meant, main person or not.
        let head = lower.split_whitespace().last().unwrap_or("");
        if let Some(person) = age_of(head).and_then(|age| aged_so(doc, mentions, age, span.start)) {
            return Some(person);
        }
        let main = main_person(entities)?;
        return described_as(doc, mentions, main, &lower).then_some(main);
    }
    None
}

/// How far (in bytes, inside its sentence) around a mention a describing noun may stand
/// ("Czech diplomat Novak", "Novak, a counselor at the embassy,").
const DESCRIPTION_REACH: usize = 48;

/// Whether the document describes `entity` as what the description's head names: an
/// age fits the main person unless the document gives them another one ("16-year-old
/// Ito", "Ito, 16,"), a noun ("the general") only when it describes one of the person's
/// mentions somewhere — a title before the name ("General Ito", "the driver, Ito") or an
/// apposition after it ("Ito, a retired general"), so that a newly introduced "the
/// captain", or "the girl" the person's bullet struck, is not taken for the protagonist.
fn described_as(doc: &Prepared, mentions: &[Mention], entity: usize, lower: &str) -> bool {
    let head = lower.split_whitespace().last().unwrap_or("");
    if let Some(age) = age_of(head) {
        return !aged_otherwise(doc, mentions, entity, age);
    }
    // Asked of every "the …" phrase, for each of the person's mentions: only those
    // whose surroundings hold the head at all are cut into words.
    beside_mentions(doc, mentions, entity, Some(head), |title, apposition| {
        title.iter().chain(apposition).any(|w| w == head)
    })
}

/// The age a word gives ("47-year-old", "then-47-year-old"), as its digits.
fn age_of(word: &str) -> Option<&str> {
    let number = word.strip_suffix("-year-old")?.rsplit('-').next()?;
    number.bytes().all(|b| b.is_ascii_digit()).then_some(number)
}

/// Whether the document gives `entity` an age other than `age` beside one of its
/// mentions ("16-year-old Ito", "Ito, 16,"): a description by another age is someone
/// else ("the 10-year-old" the shooter's bullet struck).
fn aged_otherwise(doc: &Prepared, mentions: &[Mention], entity: usize, age: &str) -> bool {
    beside_mentions(doc, mentions, entity, None, |title, apposition| {
        stated_age(title, apposition).is_some_and(|stated| stated != age)
    })
}

/// How many person mentions before a description by age are read for the one
/// introduced with that age: enough for any article, bounded so that a document of many
/// such descriptions stays linear.
const AGED_REACH: usize = 200;

/// The person the document gives the age `age` beside one of their mentions before
/// `at` ("10-year-old Ada Lind", "Lind, 10,"), the nearest so described.
fn aged_so(doc: &Prepared, mentions: &[Mention], age: &str, at: usize) -> Option<usize> {
    let before = mentions.partition_point(|m| m.span.start < at);
    mentions[..before]
        .iter()
        .rev()
        .filter(|m| m.kind == EntityKind::Person)
        .take(AGED_REACH)
        .find(|m| {
            let (title, apposition) = description(doc, m);
            stated_age(&title, &apposition) == Some(age)
        })
        .map(|m| m.entity)
}

/// The age a mention's title ("16-year-old Ito") or apposition ("Ito, 16,") states.
fn stated_age<'a>(title: &'a [String], apposition: &'a [String]) -> Option<&'a str> {
    title.iter().find_map(|w| age_of(w)).or(match apposition {
        [number] if number.bytes().all(|b| b.is_ascii_digit()) => Some(number.as_str()),
        _ => None,
    })
}

/// How many words may stand between a title and the name it comes before ("retired
/// general Ito", "driver L. Ito").
const WORDS_BEFORE_NAME: usize = 2;

/// Whether `test` holds of the words describing one of `entity`'s mentions: the words
/// right before it back to a comma, at most [`WORDS_BEFORE_NAME`] more than the title
/// ("retired general Ito", "the driver, Ito"), and those of an apposition after it
/// ("Ito, a retired general,"), lowercase, each inside [`DESCRIPTION_REACH`] bytes.
/// When `test` can only hold of words that include `needed`, a mention whose ASCII
/// surroundings do not hold it (ASCII case aside) is passed over unread: lowercasing
/// ASCII text changes no other letter, so none of its words could be it.
fn beside_mentions(
    doc: &Prepared,
    mentions: &[Mention],
    entity: usize,
    needed: Option<&str>,
    test: impl Fn(&[String], &[String]) -> bool,
) -> bool {
    mentions.iter().filter(|m| m.entity == entity).any(|m| {
        let may_hold = needed.is_none_or(|word| {
            let around = &doc.text[surroundings(doc, m)];
            !around.is_ascii() || holds_ignoring_ascii_case(around, word)
        });
        may_hold && {
            let (title, apposition) = description(doc, m);
            test(&title, &apposition)
        }
    })
}

/// Whether `text` holds `word` anywhere, ASCII case aside.
fn holds_ignoring_ascii_case(text: &str, word: &str) -> bool {
    word.is_empty()
        || text
            .as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// The bytes around the mention `m` that its description is read from: inside its
/// sentence, at most [`DESCRIPTION_REACH`] bytes either side, on character boundaries.
fn surroundings(doc: &Prepared, m: &Mention) -> Range<usize> {
    let text = doc.text.as_str();
    let sentence = &doc.analysis.sentences[m.sentence];
    let from = m
        .span
        .start
        .saturating_sub(DESCRIPTION_REACH)
        .max(sentence.start);
    let to = (m.span.end + DESCRIPTION_REACH).min(sentence.end);
    crate::text::floor_char_boundary(text, from)..crate::text::ceil_char_boundary(text, to)
}

/// The words describing the mention `m` (see [`beside_mentions`]): its title and its
/// apposition.
fn description(doc: &Prepared, m: &Mention) -> (Vec<String>, Vec<String>) {
    let text = doc.text.as_str();
    let words = |t: &str| -> Vec<String> {
        crate::text::fold_lower(t)
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != ',')
            .flat_map(|w| {
                // A comma is a word of its own: it closes an apposition.
                let (word, comma) = w.strip_suffix(',').map_or((w, false), |w| (w, true));
                [
                    word.to_string(),
                    if comma { ",".into() } else { String::new() },
                ]
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let Range {
        start: from,
        end: to,
    } = surroundings(doc, m);
    let before = words(&text[from..m.span.start]);
    let before = before.strip_suffix(&[",".to_string()]).unwrap_or(&before);
    let title: Vec<String> = before
        .iter()
        .rev()
        .take(WORDS_BEFORE_NAME + 1)
        // "the actress's rep Ito": the words before a possessive are someone else's
        // ("'s" splits into a word "s"); a verb ends them: "the champion dropped Ito"
        // does not describe Ito.
        .take_while(|w| *w != "," && *w != "s" && !super::syntax::breaks_a_title(w))
        .cloned()
        .collect();
    let after = words(&text[m.span.end..to]);
    let apposition = match after.split_first() {
        Some((comma, rest)) if comma == "," => {
            let end = rest.iter().position(|w| w == ",").unwrap_or(rest.len());
            rest[..end].to_vec()
        }
        _ => Vec::new(),
    };
    (title, apposition)
}

/// How many body sentences open a story: news writing introduces its protagonist there
/// by description before naming them ("A senior diplomat has defected …").
const LEDE_SENTENCES: usize = 3;

/// The main person, for an indefinite description of a person ("a senior diplomat
/// posted abroad") with no name in it, standing in the document's lede.
pub(crate) fn lede_description(
    doc: &Prepared,
    mentions: &[Mention],
    entities: &[LocalEntity],
    span: &Range<usize>,
) -> Option<usize> {
    let sentence = sentence_at(doc, span.start)?;
    if doc
        .body_sentence_indexes()
        .take(LEDE_SENTENCES)
        .all(|s| s != sentence)
    {
        return None;
    }
    let lower = crate::text::fold_lower(doc.text[span.clone()].trim());
    // A dateline may be glued to the first word ("CITY—A diplomat").
    let first = lower.split_whitespace().next()?;
    let opener = first.rsplit('-').next()?;
    if !matches!(opener, "a" | "an") || !describes_person(&lower) || gives_a_report(doc, span) {
        return None;
    }
    let main = main_person(entities)?;
    let other_age = lower
        .split_whitespace()
        .find_map(age_of)
        .is_some_and(|age| aged_otherwise(doc, mentions, main, age));
    // "killed a 66-year-old woman" in a lede whose main person the text calls "he".
    let other_gender = lower
        .split_whitespace()
        .last()
        .and_then(gender_of_word)
        .is_some_and(|said| gender_of(doc, mentions, main).is_some_and(|known| known != said));
    // "the shooting of a 15-year-old boy" in a lede whose main person holds an office
    // ("Prime Minister Ivo Rask"): a child holds none.
    let child = lower.split_whitespace().any(|w| {
        is_child_noun(w)
            || age_of(w)
                .and_then(|a| a.parse::<u32>().ok())
                .is_some_and(|a| a < 18)
    });
    let in_office = child
        && beside_mentions(doc, mentions, main, None, |title, apposition| {
            title.iter().chain(apposition).any(|w| is_office_title(w))
        });
    (!other_age && !other_gender && !in_office).then_some(main)
}

/// Whether the phrase at `span` is the subject of a reporting verb right after it ("…,
/// an official said", "a witness told reporters"): a source the text brings in to vouch
/// for what it tells, not a description of the person it tells of.
fn gives_a_report(doc: &Prepared, span: &Range<usize>) -> bool {
    let rest = doc.text[span.end..].trim_start();
    let next = &rest[..rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len())];
    !next.is_empty() && crate::extract::syntax::is_reporting(&next.to_lowercase())
}

/// How many sentences, and at most how many tokens, from the document's start are read
/// for a person's gender: the pronouns and titles that tell it come early, and a bounded
/// opening keeps the question independent of the document's length (and of one
/// sentence's).
const GENDER_SENTENCES: usize = 12;
/// See [`GENDER_SENTENCES`].
const GENDER_TOKENS: usize = 600;

/// The gender the document's opening gives `entity`, by a vote of the gendered pronouns
/// that follow it in its own sentence ("Rask said he …", where no other person comes
/// first) and the honorifics and nouns beside its mentions ("Mr. Rask", "Lind, a mother
/// of two"); none on a tie. A pronoun whose antecedent lies in an earlier sentence is
/// not counted: that guess is the weakest, and a wrong one would decide against the
/// text's own words.
fn gender_of(doc: &Prepared, mentions: &[Mention], entity: usize) -> Option<Gender> {
    let sentences = &doc.analysis.sentences;
    let tokens = &doc.analysis.tokens;
    let end = sentences
        .get(GENDER_SENTENCES.min(sentences.len()).checked_sub(1)?)?
        .end
        .min(tokens.get(GENDER_TOKENS).map_or(usize::MAX, |t| t.start));
    let mut votes = [0usize; 2];
    let mut vote = |gender: Gender| votes[gender as usize] += 1;
    let opening = mentions.partition_point(|m| m.span.start < end);
    let mut people = mentions[..opening]
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .peekable();
    while let Some(first) = people.next() {
        // The sentence's first person is the antecedent of each gendered pronoun after
        // it there; later people of the sentence are skipped.
        let sentence = first.sentence;
        while people.next_if(|m| m.sentence == sentence).is_some() {}
        if first.entity != entity {
            continue;
        }
        for token in &tokens[sentences[sentence].tokens.clone()] {
            let word = token.as_str(&doc.text);
            if token.start >= end {
                break;
            }
            if token.start >= first.span.end && is_person_pronoun(word) {
                if let Some(gender) = gender_of_word(&word.to_lowercase()) {
                    vote(gender);
                }
            }
        }
    }
    for m in mentions[..opening].iter().filter(|m| m.entity == entity) {
        let (title, apposition) = description(doc, m);
        // A pronoun beside a name is someone else's ("Lind, his wife").
        let said = title
            .iter()
            .chain(&apposition)
            .filter(|w| !is_person_pronoun(w))
            .find_map(|w| gender_of_word(w));
        if let Some(gender) = said {
            vote(gender);
        }
    }
    match votes {
        [female, male] if female > male => Some(Gender::Female),
        [female, male] if male > female => Some(Gender::Male),
        _ => None,
    }
}

/// Whether a lowercase definite description names a person: an age ("47-year-old") or a
/// person noun from `data/person_nouns.txt`.
fn describes_person(lower: &str) -> bool {
    let head = lower.split_whitespace().last().unwrap_or("");
    head.ends_with("-year-old") || is_person_noun(head)
}

fn sentence_at(doc: &Prepared, at: usize) -> Option<usize> {
    let sentences = &doc.analysis.sentences;
    let i = sentences.partition_point(|s| s.end <= at);
    (i < sentences.len()).then_some(i)
}
