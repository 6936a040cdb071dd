//! People a headline or a lede names by what they are. Headlines write a person's role
//! or description as a capitalized noun ("Woman Killed In Crash, Driver Charged",
//! "Climber Dies In Fall", "A MAN has been charged"), and readers — and the gold sets
//! that count those as names — take it for the person the article is about. Each such
//! noun becomes a mention of the person the document describes with it ("driver Ivo
//! Rask", "Ivo Rask, the driver"), else a person of its own for cross-document
//! resolution to join to the person the story's articles describe so, or to the
//! story's protagonist.

use super::{LocalEntity, Mention};
use crate::hashing::HashSet;
use crate::lexicon::people::is_person_noun;
use crate::model::EntityKind;
use crate::prepare::Prepared;
use crate::prepare::words::Word;

/// How many body sentences open a document: the headline and the lede's first sentences.
const OPENING_SENTENCES: usize = 3;

/// How many words a title before a name may take ("Senior Vice President and Assistant
/// General Manager Ana Ruiz").
const TITLE_REACH: usize = 8;

/// How many words after a name and its comma a describing noun may stand ("Ivo Rask,
/// the harbour pilot", "Ivo Rask, 47, a pilot").
const APPOSITION_REACH: usize = 4;

/// Records on every person of the document the person nouns written beside their name
/// (see [`LocalEntity::introduced_as`]), and gives a mention to each capitalized person
/// noun of the document's opening sentences that no name covers. Such a noun is the
/// person the document describes with it; else a person of its own, named by the noun,
/// whom cross-document resolution may find among the people other articles of the
/// story describe so. A noun right before a name ("Coach Ana Ruiz") is a title, part of
/// the name's phrase, and left alone; a "name" the tagger found there that is only a
/// description ("Drunk Driver", "Woman Killed", see [`describes_no_name`]) becomes the
/// noun's mention. The mentions stay in text order.
pub(crate) fn resolve(
    doc: &Prepared,
    mentions: &mut Vec<Mention>,
    entities: &mut Vec<LocalEntity>,
) {
    record_descriptions(doc, mentions, entities);
    // (the tagged mention the noun replaces, if any; the noun's mention)
    let mut found: Vec<(Option<usize>, Mention)> = Vec::new();
    // Words the document writes in lowercase, and the entities named past the opening
    // sentences, read once a noun is seen.
    let mut lowercase: Option<HashSet<&str>> = None;
    let mut named_later: Option<Vec<bool>> = None;
    for sentence in doc.body_sentence_indexes().take(OPENING_SENTENCES) {
        let words = doc.words.sentence(sentence);
        for (i, word) in words.iter().enumerate() {
            let Some(noun) = person_noun(word) else {
                continue;
            };
            let lowercase = lowercase.get_or_insert_with(|| lowercase_words(doc));
            let named_later =
                named_later.get_or_insert_with(|| named_past_opening(doc, mentions, entities));
            let replaced = match covering(mentions, word) {
                None => None,
                Some(m) if describes_no_name(doc, lowercase, named_later, &mentions[m], word) => {
                    Some(m)
                }
                Some(_) => continue,
            };
            if replaced.is_some_and(|m| found.iter().any(|(r, _)| *r == Some(m))) {
                continue;
            }
            if replaced.is_none() && opens_title(words, i, mentions) {
                continue;
            }
            let entity = described_person(entities, noun)
                .unwrap_or_else(|| named_by(entities, noun, word.raw()));
            let mention = Mention {
                span: word.span.clone(),
                sentence,
                kind: EntityKind::Person,
                entity,
            };
            found.push((replaced, mention));
        }
    }
    if found.is_empty() {
        return;
    }
    for (replaced, mention) in found {
        match replaced {
            Some(m) => mentions[m] = mention,
            None => mentions.push(mention),
        }
    }
    mentions.sort_by_key(|m| m.span.start);
}

/// Whether the person noun at `i` opens a title written before a name, part of the
/// name's phrase: "Coach Ana Ruiz", "General manager Ana Ruiz", "President and Chief
/// Executive Ana Ruiz". The words up to the name are person nouns, "and", or
/// capitalized words that lead to one; the last before the name is a person noun, so
/// that "Woman Killed By Ana Ruiz" keeps its woman.
fn opens_title(words: &[Word], i: usize, mentions: &[Mention]) -> bool {
    let mut last_is_noun = true;
    for next in words.iter().skip(i + 1).take(TITLE_REACH) {
        if covering(mentions, next).is_some() {
            return last_is_noun;
        }
        if is_person_noun(possessive_stem(&next.low)) {
            last_is_noun = true;
        } else if matches!(next.low.as_str(), "and" | "&") || next.capitalized() {
            last_is_noun = false;
        } else {
            return false;
        }
    }
    false
}

/// Whether a tagged mention holding the person noun `noun` is a description rather
/// than a name ("Drunk Driver", "Woman Killed", a headline's "MAN"): the document names
/// its entity nowhere past its opening sentences, no word of it is a given or family
/// name the lists know but the noun, and the words after the noun are ones the
/// document writes in lowercase ("Killed"; not "Man Utd").
fn describes_no_name(
    doc: &Prepared,
    lowercase: &HashSet<&str>,
    named_later: &[bool],
    mention: &Mention,
    noun: &Word,
) -> bool {
    let gazetteer = crate::ner::gazetteer::Gazetteer::shipped();
    let words = doc.words.sentence(mention.sentence);
    let inside = words
        .iter()
        .filter(|w| mention.span.start <= w.span.start && w.span.end <= mention.span.end)
        .filter(|w| w.span != noun.span);
    let mut name_part = false;
    let mut after_not_common = false;
    for w in inside {
        name_part |= gazetteer.lists(&w.low, &crate::ner::gazetteer::PERSON_NAMES);
        after_not_common |= w.span.start > noun.span.start && !is_common(lowercase, w);
    }
    !named_later[mention.entity] && !name_part && !after_not_common
}

/// For each entity, whether a mention names it past the document's opening sentences.
fn named_past_opening(doc: &Prepared, mentions: &[Mention], entities: &[LocalEntity]) -> Vec<bool> {
    let opening = doc
        .body_sentence_indexes()
        .nth(OPENING_SENTENCES)
        .unwrap_or(usize::MAX);
    let mut named = vec![false; entities.len()];
    for m in mentions.iter().filter(|m| m.sentence >= opening) {
        named[m.entity] = true;
    }
    named
}

/// The document's person named only by a person noun (written `surface`), made on
/// first use.
fn named_by(entities: &mut Vec<LocalEntity>, noun: &str, surface: &str) -> usize {
    LocalEntity::person_named(entities, surface, |name| {
        possessive_stem(&crate::text::fold_lower(name)) == noun
    })
}

/// The lowercase person noun a capitalized word is ("Driver", "DRIVER", "Deputy's" →
/// "deputy"), if it is one.
fn person_noun(word: &Word) -> Option<&str> {
    if !word.raw().chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let noun = possessive_stem(&word.low);
    is_person_noun(noun).then_some(noun)
}

/// A lowercase word without its possessive ending.
fn possessive_stem(low: &str) -> &str {
    low.strip_suffix("'s")
        .or_else(|| low.strip_suffix('\''))
        .unwrap_or(low)
}

/// The mention covering any of the word, if one does.
pub(super) fn covering(mentions: &[Mention], word: &Word) -> Option<usize> {
    let first = mentions.partition_point(|m| m.span.end <= word.span.start);
    mentions
        .get(first)
        .is_some_and(|m| m.span.start < word.span.end)
        .then_some(first)
}

/// Whether the document writes a word, or another form of it, in lowercase.
fn is_common(lowercase: &HashSet<&str>, word: &Word) -> bool {
    lowercase.contains(word.low.as_str()) || lowercase.contains(super::headlines::stem(&word.low))
}

/// The words of the document's body written in lowercase, and their stems ("killed" →
/// "kill"), so that a headline's "Kills" meets the body's "killed".
fn lowercase_words(doc: &Prepared) -> HashSet<&str> {
    doc.body_sentence_indexes()
        .flat_map(|s| doc.words.sentence(s))
        .filter(|w| !w.capitalized())
        .flat_map(|w| [w.low.as_str(), super::headlines::stem(&w.low)])
        .collect()
}

/// The person the document describes as `noun` beside their name most often (ties go
/// to the person with more mentions), if any.
fn described_person(entities: &[LocalEntity], noun: &str) -> Option<usize> {
    (0..entities.len())
        .filter(|&e| entities[e].kind == EntityKind::Person)
        .map(|e| {
            let times = entities[e]
                .introduced_as
                .iter()
                .filter(|d| *d == noun)
                .count();
            (e, times)
        })
        .filter(|&(_, times)| times > 0)
        .max_by_key(|&(e, times)| (times, entities[e].mentions.len(), std::cmp::Reverse(e)))
        .map(|(e, _)| e)
}

/// Adds to each person's `introduced_as` the person nouns written beside their name: right
/// before it ("driver Ivo Rask", "the pilot, Ivo Rask") or after it and its comma ("Ivo
/// Rask, 47, the driver"), never after a possessive ("Rask's lawyer"). A noun is
/// recorded once for each time it is written so, its count telling who it describes best.
fn record_descriptions(doc: &Prepared, mentions: &[Mention], entities: &mut [LocalEntity]) {
    for m in mentions {
        if entities[m.entity].kind != EntityKind::Person {
            continue;
        }
        let words = doc.words.sentence(m.sentence);
        let first = words.partition_point(|w| w.span.start < m.span.start);
        let last = words.partition_point(|w| w.span.start < m.span.end);
        if first >= last {
            continue;
        }
        let noun_of = |w: &Word| {
            let noun = possessive_stem(&w.low);
            is_person_noun(noun).then(|| noun.to_string())
        };
        let before = first
            .checked_sub(1)
            .and_then(|i| match words[i].low.as_str() {
                "," => i.checked_sub(1),
                _ => Some(i),
            })
            .and_then(|i| noun_of(&words[i]));
        let possessive = possessive_stem(&words[last - 1].low) != words[last - 1].low
            || words.get(last).is_some_and(|w| w.low == "'s");
        let after = (!possessive && words.get(last).is_some_and(|w| w.low == ","))
            .then(|| {
                words[last + 1..]
                    .iter()
                    .take(APPOSITION_REACH)
                    .find_map(noun_of)
            })
            .flatten();
        entities[m.entity]
            .introduced_as
            .extend(before.into_iter().chain(after));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tagged;
    use EntityKind::{Other, Person};

    /// The entity name each capitalized word `nouns` of the text ends up a mention of.
    fn referents(text: &str, names: &[(&str, EntityKind)], nouns: &[&str]) -> Vec<String> {
        let (doc, mut mentions, mut entities) = tagged(text, names);
        resolve(&doc, &mut mentions, &mut entities);
        nouns
            .iter()
            .map(|noun| {
                let at = text.find(noun).expect("the noun is in the text");
                mentions
                    .iter()
                    .find(|m| m.span.start == at)
                    .map_or("none".to_string(), |m| entities[m.entity].name.clone())
            })
            .collect()
    }

    #[test]
    fn a_headline_noun_is_the_person_described_so() {
        let text = "Woman Hurt As Driver Flees Crash\n\
                    A woman was hurt when a car hit her on Main Street on Friday.\n\
                    The driver fled.\n\
                    Police later arrested driver Ivo Rask, 41.\n\
                    Nora Vale, 59, is in hospital; Vale was crossing the street.\n";
        let names = [
            ("Ivo Rask", Person),
            ("Nora Vale", Person),
            ("Vale", Person),
        ];
        // The body calls Rask the driver; nobody is called a woman beside a name, so
        // the headline's "Woman" is a person of its own, for other articles to place.
        assert_eq!(
            referents(text, &names, &["Woman", "Driver"]),
            ["Woman", "Ivo Rask"]
        );
    }

    #[test]
    fn apposition_after_a_name_describes_it_but_not_after_a_possessive() {
        let text = "Lawyer : Moss Is Well\n\
                    Singer Tia Moss, 30, has left the clinic.\n\
                    Moss's lawyer, Dan Pike, said she was well.\n\
                    Dan Pike, the lawyer, spoke on Monday.\n";
        let names = [("Tia Moss", Person), ("Moss", Person), ("Dan Pike", Person)];
        assert_eq!(
            referents(text, &names, &["Lawyer", "Singer "]),
            ["Dan Pike", "none"],
            "\"Singer Tia Moss\" is a title before her name, no mention of its own"
        );
    }

    #[test]
    fn a_title_of_several_words_before_a_name_is_no_mention() {
        let text = "Harbour Pilot Quits\n\
                    General manager Ada Lind said pilot Ivo Rask, 41, had quit.\n\
                    President and General Manager Ada Lind thanked him.\n";
        let names = [("Ada Lind", Person), ("Ivo Rask", Person)];
        assert_eq!(
            referents(text, &names, &["General manager", "President and"]),
            ["none", "none"],
            "the nouns open Lind's title: no mention for the story's protagonist"
        );
        // A capitalized verb before a name is no title: the headline's woman stays.
        let text = "Woman Killed By Ivo Rask\n\
                    A woman was killed on Friday.\n\
                    Ivo Rask, 41, was held.\n";
        assert_eq!(
            referents(text, &[("Ivo Rask", Person)], &["Woman"]),
            ["Woman"]
        );
    }

    #[test]
    fn a_tagged_description_in_a_headline_is_the_noun() {
        let text = "MAN HELD AFTER FIRE\n\
                    A man was held after a fire in a shop.\n\
                    The fire was held to be arson by police.\n\
                    Officers named him as Olaf Berg, a local man.\n";
        let names = [("MAN", Other), ("Olaf Berg", Person)];
        // The tagger's "MAN" names no one past the opening sentences, and "held"
        // is a word the article writes in lowercase.
        assert_eq!(referents(text, &names, &["MAN"]), ["Olaf Berg"]);
    }

    #[test]
    fn a_name_with_a_noun_in_it_stays_a_name() {
        let text = "King Leaves Club\n\
                    Coach Billy King left the club on Monday.\n\
                    King said he was proud.\n\
                    The club thanked King for his work.\n";
        let names = [("Billy King", Person), ("King", Person)];
        let (doc, mut mentions, mut entities) = tagged(text, &names);
        let before = mentions.clone();
        resolve(&doc, &mut mentions, &mut entities);
        assert_eq!(mentions, before);
    }
}
