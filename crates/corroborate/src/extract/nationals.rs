//! People named by their nationality. News refers back to someone by what they are: "the
//! American" after "American challenger Tony Thompson", "the 41-year-old Ukrainian". The
//! tagger marks the nationality word as a name of kind `other`; used as a noun after
//! "the", it is a mention of the person the article introduced with that nationality.

use crate::hashing::HashMap;

use super::syntax::{Class, Syntax};
use super::{LocalEntity, Mention};
use crate::model::EntityKind;
use crate::prepare::Prepared;

/// How many words before a name its nationality may stand ("American challenger Tony
/// Thompson").
const INTRODUCTION_REACH: usize = 3;
/// How many words before a nationality its "the" may stand ("the 41-year-old American",
/// "the 40 - year - old American" as some texts space their hyphens).
const ARTICLE_REACH: usize = 6;

/// Points every mention of a nationality used as a noun ("the American had to …") at the
/// person the document introduced with it, the nearest such introduction before it
/// first. Where the document introduced no one so, the mention becomes a person of its
/// own, named by the nationality, for cross-document resolution to find among the
/// people other articles introduce with it; each person's introductions are recorded
/// in [`LocalEntity::introduced_as`].
pub(crate) fn resolve(doc: &Prepared, mentions: &mut [Mention], entities: &mut Vec<LocalEntity>) {
    // (byte position, lowercase nationality, person entity) of every introduction.
    let tokens = &doc.analysis.tokens;
    let mut introductions: Vec<(usize, String, usize)> = Vec::new();
    for m in mentions.iter() {
        if entities[m.entity].kind != EntityKind::Person {
            continue;
        }
        let first = tokens.partition_point(|t| t.start < m.span.start);
        let sentence_start = doc.analysis.sentences[m.sentence].tokens.start;
        let reach = first.saturating_sub(INTRODUCTION_REACH).max(sentence_start);
        let words = doc.words.sentence(m.sentence);
        for token in &tokens[reach..first] {
            let word = crate::text::fold_lower(token.as_str(&doc.text));
            // Only title words may stand between the nationality and the name: "the
            // Ukrainian champion dropped Thompson" introduces no Ukrainian Thompson.
            let title_between = || {
                let from = words.partition_point(|w| w.span.start < token.end);
                let to = words.partition_point(|w| w.span.start < m.span.start);
                words[from..to.max(from)]
                    .iter()
                    .all(|w| !super::syntax::breaks_a_title(&w.low))
            };
            if is_nationality(&word) && title_between() {
                let known = &mut entities[m.entity].introduced_as;
                if !known.contains(&word) {
                    known.push(word.clone());
                }
                introductions.push((m.span.start, word, m.entity));
            }
        }
    }
    // Introductions are kept even where no nationality is used as a noun here: another
    // article of the story may use it.
    let nationals: Vec<usize> = (0..mentions.len())
        .filter(|&m| mentions[m].kind == EntityKind::Other)
        .filter(|&m| names_one_person(doc.slice(&mentions[m].span)))
        .collect();
    // The sentences holding a nationality, read once.
    let sentences: HashMap<usize, Syntax> = nationals
        .iter()
        .map(|&m| mentions[m].sentence)
        .map(|s| (s, Syntax::of_sentence(doc, s, &[])))
        .collect();
    for m in nationals {
        let mention = &mentions[m];
        let syntax = &sentences[&mention.sentence];
        let words = syntax.words_in(&mention.span);
        if words.is_empty() || !used_as_noun(syntax, words.start, words.end) {
            continue;
        }
        let nationality = crate::text::fold_lower(doc.slice(&mention.span));
        let at = mention.span.start;
        let introduced = introductions
            .iter()
            .filter(|(_, word, _)| *word == nationality)
            .min_by_key(|(position, _, _)| (*position > at, position.abs_diff(at)));
        mentions[m].entity = match introduced {
            Some(&(_, _, person)) => person,
            None => national(entities, doc.slice(&mentions[m].span)),
        };
    }
}

/// The document's person named by nationality `surface` alone ("the American"), made
/// on first use.
fn national(entities: &mut Vec<LocalEntity>, surface: &str) -> usize {
    LocalEntity::person_named(entities, surface, |name| name == surface)
}

/// Whether words name a nationality ("American", "New Zealander").
fn is_nationality(words: &str) -> bool {
    crate::lexicon::nationalities::country_of(&crate::text::fold_lower(words)).is_some()
}

/// Whether a nationality, used as a noun, names one person ("the American", "the
/// Briton") rather than a whole people ("the French", "the Chinese", "the Swiss").
fn names_one_person(words: &str) -> bool {
    let lower = crate::text::fold_lower(words);
    let collective = ["sh", "ch", "ese", "ss"]
        .iter()
        .any(|end| lower.ends_with(end));
    is_nationality(&lower) && !collective
}

/// Whether the nationality in words `start..end` is a noun: "the" opens its phrase
/// within a few words, and what follows cannot continue a noun phrase (a verb, a
/// preposition, punctuation, the sentence end) — "the American had", "the cornered
/// American ,", not "the American people".
fn used_as_noun(syntax: &Syntax, start: usize, end: usize) -> bool {
    let opened = (start.saturating_sub(ARTICLE_REACH)..start)
        .rev()
        .take_while(|&k| syntax.classes[k] != Class::Punct || syntax.words[k].low == "-")
        .any(|k| syntax.words[k].low == "the");
    let closed = syntax.classes.get(end).is_none_or(|class| {
        !matches!(
            class,
            Class::Content | Class::Name | Class::Number | Class::Clitic
        )
    });
    opened && closed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tagged;

    fn person_of(text: &str, names: &[(&str, EntityKind)], at: &str) -> String {
        let (doc, mut mentions, mut entities) = tagged(text, names);
        resolve(&doc, &mut mentions, &mut entities);
        let start = text.rfind(at).expect("the nationality is in the text");
        let m = mentions
            .iter()
            .find(|m| m.span.start == start)
            .expect("a mention there");
        entities[m.entity].name.clone()
    }

    #[test]
    fn the_national_is_the_person_introduced_so() {
        use EntityKind::{Other, Person};
        let names = [
            ("Ivo Rask", Person),
            ("Tom Hale", Person),
            ("Norwegian", Other),
            ("American", Other),
        ];
        let text = "Norwegian Ivo Rask beat American challenger Tom Hale. The referee \
                    stopped the fight when the 41-year-old American was hurt.";
        assert_eq!(person_of(text, &names, "American was"), "Tom Hale");
    }

    #[test]
    fn a_verb_between_nationality_and_name_introduces_no_one() {
        use EntityKind::{Other, Person};
        let names = [("Tom Hale", Person), ("Norwegian", Other)];
        let introduced_as = |text: &str| {
            let (doc, mut mentions, mut entities) = tagged(text, &names);
            resolve(&doc, &mut mentions, &mut entities);
            let hale = entities.into_iter().find(|e| e.name == "Tom Hale").unwrap();
            hale.introduced_as
        };
        let dropped = introduced_as("The Norwegian champion dropped Tom Hale in the sixth.");
        assert!(dropped.is_empty(), "{dropped:?}");
        assert_eq!(
            introduced_as("Norwegian champion Tom Hale won."),
            ["norwegian"]
        );
    }

    #[test]
    fn a_national_nobody_was_introduced_as_is_a_person_of_its_own() {
        use EntityKind::{Other, Person};
        let names = [("Tom Hale", Person), ("American", Other)];
        let text = "Ivo Rask beat Tom Hale. The 41-year-old American was hurt.";
        let (doc, mut mentions, mut entities) = tagged(text, &names);
        resolve(&doc, &mut mentions, &mut entities);
        let at = text.find("American").unwrap();
        let m = mentions.iter().find(|m| m.span.start == at).unwrap();
        assert_eq!(entities[m.entity].kind, Person);
        assert_eq!(entities[m.entity].name, "American");
    }

    #[test]
    fn a_people_is_no_person() {
        use EntityKind::{Other, Person};
        let names = [("Tom Hale", Person), ("English", Other)];
        let text = "English striker Tom Hale scored. In the end the English , unbeaten , won.";
        assert_eq!(person_of(text, &names, "English ,"), "English");
    }

    #[test]
    fn an_adjective_stays_a_nationality() {
        use EntityKind::{Other, Person};
        let names = [("Tom Hale", Person), ("American", Other)];
        let text = "American Tom Hale lost. The American people cheered anyway.";
        assert_eq!(person_of(text, &names, "American people"), "American");
    }
}
