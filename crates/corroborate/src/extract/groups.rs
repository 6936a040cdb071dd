//! Groups of people a text names by a plural noun alone: "Police said …", "Protesters
//! stormed …", a headline's "Teen Killed By Police". Written capitalized — a headline's
//! words, a sentence's first — such a noun is read as a name: the party of the story
//! that acts as one ("the police" of one happening, its prosecutors, its voters). Each
//! becomes a mention of one entity of kind other per noun and document, which
//! resolution joins only inside a story: the police of one story are not those of
//! another.

use super::{LocalEntity, Mention};
use crate::lexicon::people::is_person_noun;
use crate::model::EntityKind;
use crate::prepare::Prepared;

/// Gives a mention to each capitalized group noun of the document's body ("Police",
/// "PROSECUTORS", the "Witnesses" of "Witnesses' accounts") that no name covers, as a mention of the document's
/// entity of kind other named by that noun (made on first use). The mentions stay in
/// text order.
pub(crate) fn resolve(
    doc: &Prepared,
    mentions: &mut Vec<Mention>,
    entities: &mut Vec<LocalEntity>,
) {
    let mut found: Vec<Mention> = Vec::new();
    for sentence in doc.body_sentence_indexes() {
        for word in doc.words.sentence(sentence) {
            if !word.raw().starts_with(char::is_uppercase) {
                continue;
            }
            let noun = word.low.as_str();
            if !is_group_noun(noun) || super::nominals::covering(mentions, word).is_some() {
                continue;
            }
            let entity = group_named(entities, noun, word.raw());
            found.push(Mention {
                span: word.span.clone(),
                sentence,
                kind: EntityKind::Other,
                entity,
            });
        }
    }
    if found.is_empty() {
        return;
    }
    mentions.extend(found);
    mentions.sort_by_key(|m| m.span.start);
}

/// The document's entity of kind other named by the group noun `noun` (written
/// `surface`), made on first use.
fn group_named(entities: &mut Vec<LocalEntity>, noun: &str, surface: &str) -> usize {
    let same =
        |e: &LocalEntity| e.kind == EntityKind::Other && crate::text::fold_lower(&e.name) == noun;
    entities.iter().position(same).unwrap_or_else(|| {
        entities.push(LocalEntity {
            kind: EntityKind::Other,
            name: surface.to_string(),
            mentions: Vec::new(),
            introduced_as: Vec::new(),
        });
        entities.len() - 1
    })
}

/// Whether a lowercase word names a group of people: a collective noun for them
/// (`data/group_nouns.txt`: "police", "authorities") or the plural of a noun for a
/// person ("prosecutors", "witnesses", "thieves", "firemen").
pub(crate) fn is_group_noun(word: &str) -> bool {
    group_nouns().contains(word) || singulars(word).any(|singular| is_person_noun(&singular))
}

/// The singulars a regular or common irregular English plural may have: "voters" →
/// "voter", "witnesses" → "witness", "thieves" → "thief", "firemen" → "fireman".
fn singulars(word: &str) -> impl Iterator<Item = String> + '_ {
    let s = word.strip_suffix('s');
    let es = word.strip_suffix("es");
    let ies = word.strip_suffix("ies").map(|stem| format!("{stem}y"));
    let ves = word
        .strip_suffix("ves")
        .into_iter()
        .flat_map(|stem| [format!("{stem}f"), format!("{stem}fe")]);
    let men = word.strip_suffix("men").map(|stem| format!("{stem}man"));
    s.into_iter()
        .chain(es)
        .map(str::to_string)
        .chain(ies)
        .chain(ves)
        .chain(men)
}

crate::lexicon::lazy! {
    /// `data/group_nouns.txt`.
    fn group_nouns() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/group_nouns.txt")).collect();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tagged;
    use EntityKind::Person;

    #[test]
    fn plurals_of_person_nouns_and_collectives_are_groups() {
        for word in [
            "police",
            "authorities",
            "witnesses",
            "thieves",
            "prosecutors",
        ] {
            assert!(is_group_noun(word), "{word}");
        }
        for word in ["witness", "president", "reports", "news", "paris"] {
            assert!(!is_group_noun(word), "{word}");
        }
    }

    #[test]
    fn a_capitalized_group_noun_is_one_entity_of_the_document() {
        let text = "Teen Shot By Police In Norvik\n\
                    Police said Ivo Rask, 17, was shot on Friday.\n\
                    The police chief met Police Commissioner Ada Lind.\n\
                    Witnesses' accounts differ, and Police's report is due.\n";
        let (doc, mut mentions, mut entities) =
            tagged(text, &[("Ivo Rask", Person), ("Ada Lind", Person)]);
        resolve(&doc, &mut mentions, &mut entities);
        let named: Vec<(&str, &str)> = mentions
            .iter()
            .map(|m| (&text[m.span.clone()], entities[m.entity].name.as_str()))
            .collect();
        // The lowercase "police chief" is no name; "Police Commissioner" still names
        // the police of the story beside the commissioner's own name.
        assert_eq!(
            named,
            [
                ("Police", "Police"),
                ("Police", "Police"),
                ("Ivo Rask", "Ivo Rask"),
                ("Police", "Police"),
                ("Ada Lind", "Ada Lind"),
                ("Witnesses", "Witnesses"),
                ("Police", "Police"),
            ]
        );
        assert!(
            mentions
                .windows(2)
                .all(|w| w[0].span.start < w[1].span.start)
        );
    }
}
