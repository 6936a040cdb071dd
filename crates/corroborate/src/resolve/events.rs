//! Event resolution: the event mentions of a story's documents joined into one event per
//! happening.
//!
//! Two mentions are one event when they have the same type, their times fit (the same
//! period or one inside the other: "2022-05" fits "2022", not "2022-08") and no key
//! argument clearly differs (an `agent` or `patient` that resolves to two different
//! entities, or relatives on one side — "the deaths of his parents" — and anyone else,
//! or relatives of no kind in common, on the other). Mentions are taken in document
//! then text order and each joins the first event of its story and type it fits, so the
//! outcome is fixed by the document ids.
//! Only events of one story and one type are ever compared: the blocks stay small.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use rayon::prelude::*;

use super::fit::{relatives, times_fit};
use crate::extract::events::joins_by_lemma;
use crate::extract::{EventMention, Extraction};
use crate::model::{EventType, Role};

/// Roles whose filler identifies the happening: another agent or patient is another event.
const KEY_ROLES: [Role; 2] = [Role::Agent, Role::Patient];

/// One ledger event, before it gets its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// Event type keyword.
    pub kind: EventType,
    /// Trigger spans as (document index, byte range), in document then text order.
    pub mentions: Vec<(usize, Range<usize>)>,
    /// Distinct (role, ledger entity index, words) fillers, by role then first seen.
    pub arguments: Vec<(Role, Option<usize>, String)>,
    /// The time most mentions give (the most precise on a tie).
    pub time: Option<String>,
    /// Indexes of the documents reporting it, sorted.
    pub documents: Vec<usize>,
}

/// The outcome of event resolution.
#[derive(Debug, Clone)]
pub(crate) struct Events {
    /// The ledger events, in order of first mention.
    pub events: Vec<Resolved>,
    /// For each document, for each of its event mentions, the index into `events`.
    pub of: Vec<Vec<usize>>,
}

/// What an event being built knows so far, to test the next mention against.
struct Open {
    kind: EventType,
    times: Vec<String>,
    keys: Participants,
    members: Vec<(usize, usize)>,
}

/// Who fills the key roles of an event mention or of an event being built.
#[derive(Default)]
struct Participants {
    /// Role → the ledger entity filling it.
    entities: BTreeMap<Role, usize>,
    /// Role → the kinds of relatives filling it ("his parents": `parent`).
    relatives: BTreeMap<Role, BTreeSet<String>>,
    /// Roles filled by anyone but relatives (an entity or other words).
    others: BTreeSet<Role>,
}

impl Participants {
    /// The key participants of one mention; `entity_of` maps its document's local
    /// entities to ledger entities.
    fn of(mention: &EventMention, entity_of: &[usize]) -> Participants {
        let mut found = Participants::default();
        for a in mention
            .arguments
            .iter()
            .filter(|a| KEY_ROLES.contains(&a.role))
        {
            let kinds = a.kin_of.and_then(|_| relatives(&a.value));
            match (a.entity, kinds) {
                (Some(local), _) => {
                    found.entities.insert(a.role.clone(), entity_of[local]);
                    found.others.insert(a.role.clone());
                }
                (None, Some(kinds)) => {
                    found
                        .relatives
                        .entry(a.role.clone())
                        .or_default()
                        .extend(kinds);
                }
                (None, None) => {
                    found.others.insert(a.role.clone());
                }
            }
        }
        found
    }

    /// Whether the mention `other` can be of the same happening: no key role filled by
    /// two different entities, by relatives of no kind in common, or by relatives on
    /// one side and anyone else on the other ("the deaths of his parents" is not "the
    /// death of a diplomat").
    fn fit(&self, other: &Participants) -> bool {
        let entities = other
            .entities
            .iter()
            .all(|(role, id)| self.entities.get(role).is_none_or(|e| e == id));
        let relatives = other.relatives.iter().all(|(role, kinds)| {
            !self.others.contains(role)
                && self
                    .relatives
                    .get(role)
                    .is_none_or(|mine| !mine.is_disjoint(kinds))
        });
        let others = other
            .others
            .iter()
            .all(|role| !self.relatives.contains_key(role));
        entities && relatives && others
    }

    /// Takes in the participants of a mention that joined.
    fn absorb(&mut self, other: Participants) {
        for (role, id) in other.entities {
            self.entities.entry(role).or_insert(id);
        }
        for (role, kinds) in other.relatives {
            self.relatives.entry(role).or_default().extend(kinds);
        }
        self.others.extend(other.others);
    }
}

/// Resolves the event mentions of `docs`. `story_of[d]` is document `d`'s story and
/// `entity_of[d][local]` the ledger entity of a local entity.
pub(crate) fn resolve(docs: &[Extraction], story_of: &[usize], entity_of: &[Vec<usize>]) -> Events {
    let mut open: Vec<Open> = Vec::new();
    let mut by_block: BTreeMap<(usize, &str, String), Vec<usize>> = BTreeMap::new();
    let mut of: Vec<Vec<usize>> = docs.iter().map(|x| vec![0; x.events.len()]).collect();
    for (d, x) in docs.iter().enumerate() {
        for (m, mention) in x.events.iter().enumerate() {
            let keys = Participants::of(mention, &entity_of[d]);
            let lemma = if joins_by_lemma(&mention.kind) {
                stem(&x.doc.text[mention.trigger.clone()])
            } else {
                String::new()
            };
            let block = by_block
                .entry((story_of[d], mention.kind.as_str(), lemma))
                .or_default();
            let found = block.iter().copied().find(|&e| {
                let event = &open[e];
                let time_fits = match &mention.time {
                    Some(t) => event.times.iter().all(|u| times_fit(t, u)),
                    None => true,
                };
                time_fits && event.keys.fit(&keys)
            });
            let e = found.unwrap_or_else(|| {
                open.push(Open {
                    kind: mention.kind.clone(),
                    times: Vec::new(),
                    keys: Participants::default(),
                    members: Vec::new(),
                });
                block.push(open.len() - 1);
                open.len() - 1
            });
            let event = &mut open[e];
            if let Some(t) = &mention.time {
                if !event.times.contains(t) {
                    event.times.push(t.clone());
                }
            }
            event.keys.absorb(keys);
            event.members.push((d, m));
            of[d][m] = e;
        }
    }
    // Each event's mentions and arguments are gathered on all cores: resolution runs
    // once for the whole corpus, after the documents.
    let events = open.par_iter().map(|o| build(docs, entity_of, o)).collect();
    Events { events, of }
}

/// The key that tells a trigger's lemma: the verb lemma claims use ("said", "says" →
/// "say"; "went", "gone" → "go"), without a final "e", so that the rule's "making" →
/// "mak" meets "make".
fn stem(word: &str) -> String {
    let lemma = crate::extract::claims::lemma(&word.to_lowercase());
    match lemma.strip_suffix('e') {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => lemma,
    }
}

fn build(docs: &[Extraction], entity_of: &[Vec<usize>], open: &Open) -> Resolved {
    let mut mentions = Vec::new();
    let mut arguments: Vec<(Role, Option<usize>, String)> = Vec::new();
    let mut times: BTreeMap<&str, usize> = BTreeMap::new();
    let mut documents = Vec::new();
    for &(d, m) in &open.members {
        let x = &docs[d];
        let mention = &x.events[m];
        mentions.push((d, mention.trigger.clone()));
        documents.push(d);
        if let Some(t) = &mention.time {
            *times.entry(t.as_str()).or_default() += 1;
        }
        for a in &mention.arguments {
            let entity = a.entity.map(|local| entity_of[d][local]);
            let text = x.doc.slice(&a.span).to_string();
            let seen = arguments.iter().any(|(role, e, t)| {
                *role == a.role && (entity.is_some() && *e == entity || *t == text)
            });
            if !seen {
                arguments.push((a.role.clone(), entity, text));
            }
        }
    }
    arguments.sort_by(|a, b| a.0.cmp(&b.0));
    documents.dedup();
    let time = times
        .iter()
        .max_by(|a, b| (a.1, a.0.len()).cmp(&(b.1, b.0.len())).then(b.0.cmp(a.0)))
        .map(|(t, _)| t.to_string());
    Resolved {
        kind: open.kind.clone(),
        mentions,
        arguments,
        time,
        documents,
    }
}

#[cfg(test)]
mod tests {
    use crate::{DocumentInput, LedgerBuilder};

    /// The ledger events of `kind` over `texts`, each as the number of documents
    /// reporting it.
    fn reported(texts: &[&str], kind: &str) -> Vec<usize> {
        let mut builder = LedgerBuilder::new();
        for (k, text) in texts.iter().enumerate() {
            builder = builder
                .document(DocumentInput::text(format!("d{k}"), *text).published("2024-05-10"));
        }
        let ledger = builder.build().expect("ledger");
        ledger
            .events
            .iter()
            .filter(|e| e.kind.as_str() == kind)
            .map(|e| e.documents.len())
            .collect()
    }

    #[test]
    fn inflected_forms_share_a_stem() {
        for group in [
            ["said", "says", "say"],
            ["closed", "closes", "closing"],
            ["made", "make", "making"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| super::stem(w)).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{stems:?}");
        }
    }

    #[test]
    fn one_acquisition_told_by_two_outlets_is_one_event() {
        let got = reported(
            &[
                "Norvik Foods acquired the dairy maker Baltic Mills on Tuesday for $40 million, \
                 the company said. The acquisition gives Norvik Foods six plants.",
                "Baltic Mills was bought by Norvik Foods for $40 million on Tuesday. Shares of \
                 Norvik Foods rose after the purchase of the dairy maker.",
            ],
            "acquisition",
        );
        assert_eq!(got, [2], "{got:?}");
    }

    #[test]
    fn two_deaths_of_two_people_are_two_events() {
        let got = reported(
            &[
                "Mayor Ivo Rask died in Tarsk on Monday. His rival Lena Oduya died in Lima in March.",
            ],
            "death",
        );
        assert_eq!(got, [1, 1], "{got:?}");
    }
}
