//! Where a place or a happening lies from another place: "Tarsk, located 820
//! kilometers southeast of Harran", "the quake, which struck 9 km east of Lund", "the
//! epicentre at about 42km (26 miles) south-west of Harran".
//!
//! Outlets place one spot from one landmark and differ in the distance or the
//! direction; each such statement is a `bearing` claim about what it places: its
//! [`Bearing`] from the landmark. What it places is the happening the clause tells
//! ("the quake, which struck", "put the epicentre of the quake at"), else the nearest
//! place named before the figure that is not itself a landmark ("south of Harran"), a
//! possessor ("Harran's") or the region after a town ("Tarsk, Kerria,").

use std::ops::Range;

use super::syntax::{Class, Syntax, is_reporting};
use super::{EventMention, Found, Mention, SubjectRef, in_sentence};
use crate::lexicon::places::{Bearing, place};
use crate::model::EntityKind;

/// One bearing a sentence tells.
pub(crate) struct Placed {
    /// What it places: an event mention or an entity.
    pub subject: SubjectRef,
    /// The words naming it.
    pub subject_text: String,
    /// The bearing from the landmark.
    pub bearing: Bearing,
    /// The words giving the bearing: the distance to the landmark's name.
    pub words: Range<usize>,
}

/// How many words before its figure a bearing looks for what it places: a clause's
/// reach, so that a long unpunctuated run of figures costs each figure a bounded look.
const REACH: usize = 40;

/// The words a compass direction may be written in ("south - west" in tokenized text).
fn is_compass_part(word: &str) -> bool {
    word == "-"
        || ["north", "south", "east", "west"]
            .iter()
            .any(|c| word.starts_with(c) || word.ends_with(c))
}

/// The bearings sentence `sentence` (with syntax `s`) tells; `events` are the
/// document's event mentions, in text order.
pub(crate) fn find(x: &Found, s: &Syntax, sentence: usize, events: &[EventMention]) -> Vec<Placed> {
    let mut found = Vec::new();
    for q in in_sentence(x.quantities, sentence, |q| q.sentence) {
        let Some(unit) = q.unit.as_deref().filter(|u| matches!(*u, "km" | "mi")) else {
            continue;
        };
        let figure = s.words_in(&q.span);
        if figure.is_empty() {
            continue;
        }
        let mut at = figure.end;
        // "42km ( 26 miles )": the conversion in brackets says the distance again.
        if s.words.get(at).is_some_and(|w| w.low == "(") {
            match (at..s.words.len().min(at + 6)).find(|&i| s.words[i].low == ")") {
                Some(close) => at = close + 1,
                None => continue,
            }
        }
        let direction_start = at;
        while s.words.get(at).is_some_and(|w| is_compass_part(&w.low)) {
            at += 1;
        }
        let direction: String = s.words[direction_start..at]
            .iter()
            .map(|w| w.low.as_str())
            .filter(|w| *w != "-")
            .collect();
        if !s
            .words
            .get(at)
            .is_some_and(|w| matches!(w.low.as_str(), "of" | "from"))
        {
            continue;
        }
        let Some((landmark, landmark_end)) = landmark(x, s, at + 1) else {
            continue;
        };
        let name = &x.entities[landmark].name;
        let Some(bearing) = Bearing::new(q.value, unit, &direction, name) else {
            continue;
        };
        let placed = happening(&x.doc.text, s, sentence, events, figure.start).or_else(|| {
            placed_place(x, s, sentence, figure.start).filter(|&(entity, _)| {
                let SubjectRef::Entity(e) = entity else {
                    return false;
                };
                e != landmark
            })
        });
        if let Some((subject, subject_text)) = placed {
            found.push(Placed {
                subject,
                subject_text,
                bearing,
                words: figure.start..landmark_end,
            });
        }
    }
    found
}

/// Whether a mention names a place: the tagger's kind, or a name the list of places
/// knows (taggers read some cities as organisations).
fn names_a_place(x: &Found, m: &Mention) -> bool {
    m.kind == EntityKind::Location || place(&x.doc.text[m.span.clone()]).is_some()
}

/// The place named within a few words after word `from` ("the port of Harran"), by its
/// entity, and the word after its name; none past the clause's punctuation.
fn landmark(x: &Found, s: &Syntax, from: usize) -> Option<(usize, usize)> {
    let end = (from..s.words.len().min(from + 6))
        .find(|&i| s.classes[i] == Class::Punct)
        .unwrap_or_else(|| s.words.len().min(from + 6));
    let span = s.span(&(from..end));
    let first = x.mentions.partition_point(|m| m.span.start < span.start);
    let mention = x.mentions[first..]
        .iter()
        .take_while(|m| m.span.end <= span.end)
        .find(|m| names_a_place(x, m))?;
    Some((mention.entity, s.words_in(&mention.span).end))
}

/// The happening a figure at word `figure` places: the nearest event of a news family
/// before it in its clause, reaching back over the comma before a relative clause or a
/// participle ("the quake, which struck", "Tarsk, located").
fn happening(
    text: &str,
    s: &Syntax,
    sentence: usize,
    events: &[EventMention],
    figure: usize,
) -> Option<(SubjectRef, String)> {
    let mut start = figure;
    while start > figure.saturating_sub(REACH) {
        let before = start - 1;
        if s.words[before].low == "," {
            let next = s.words.get(start).map(|w| w.low.as_str());
            if !matches!(
                next,
                Some("which" | "that" | "located" | "situated" | "lying")
            ) {
                break;
            }
        } else if matches!(s.classes[before], Class::Punct) {
            break;
        }
        start = before;
    }
    let from = s.span(&(start..figure));
    // The sentence's events are in text order: those in reach are one run of them.
    let sentence_start = events.partition_point(|e| e.sentence < sentence);
    let of_sentence = in_sentence(events, sentence, |e| e.sentence);
    let first = sentence_start + of_sentence.partition_point(|e| e.trigger.start < from.start);
    let last = sentence_start + of_sentence.partition_point(|e| e.trigger.start < from.end);
    (first..last)
        .zip(&events[first..last])
        .rev()
        .find(|(_, e)| e.trigger.end <= from.end && !super::events::is_everyday(&e.kind))
        .map(|(index, e)| {
            (
                SubjectRef::Event(index),
                text[e.trigger.clone()].to_string(),
            )
        })
}

/// The place a figure at word `figure` places: the nearest place or organisation (a
/// town the tagger does not know, a plant) named within [`REACH`] words before it that is no
/// landmark ("south of Harran"), no destination ("to"), no source ("AFP reported"), no
/// possessive a possessor ("Harran's"), and no town before it the town's region
/// ("Tarsk, Kerria,").
fn placed_place(
    x: &Found,
    s: &Syntax,
    sentence: usize,
    figure: usize,
) -> Option<(SubjectRef, String)> {
    let reach = s.span(&(figure.saturating_sub(REACH)..figure));
    // The sentence's mentions in reach, one run of them in text order.
    let of_sentence = in_sentence(x.mentions, sentence, |m| m.sentence);
    let in_reach = &of_sentence[of_sentence.partition_point(|m| m.span.start < reach.start)..];
    let in_reach = &in_reach[..in_reach.partition_point(|m| m.span.start < reach.end)];
    let ends_a_place = |word: usize| {
        let end = s.words[word].span.end;
        in_reach
            .iter()
            .any(|m| m.span.end == end && names_a_place(x, m))
    };
    in_reach
        .iter()
        .filter(|m| {
            m.span.end <= reach.end && (m.kind == EntityKind::Organization || names_a_place(x, m))
        })
        .rev()
        .find(|m| {
            let words = s.words_in(&m.span);
            let word_before = words.start.checked_sub(1);
            let landmark = word_before.is_some_and(|b| match s.words[b].low.as_str() {
                "of" | "from" => b > 0 && is_compass_part(&s.words[b - 1].low),
                "to" | "toward" | "towards" => true,
                _ => false,
            });
            let possessor = s.classes.get(words.end) == Some(&Class::Clitic);
            // "AFP reported …": a source, not what the figure places.
            let source = s.words.get(words.end).is_some_and(|w| is_reporting(&w.low));
            let region =
                word_before.is_some_and(|b| s.words[b].low == "," && b > 0 && ends_a_place(b - 1));
            !landmark && !possessor && !source && !region
        })
        .map(|m| {
            (
                SubjectRef::Entity(m.entity),
                x.doc.text[m.span.clone()].to_string(),
            )
        })
}
