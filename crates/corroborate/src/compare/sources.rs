//! Independent origins: who a reading rests on, counting sources rather than echoes.
//!
//! A claim's origin is, in order:
//! 1. its attribution, resolved to an entity (by the extraction stage, or here by
//!    matching the attribution's words against the ledger's organization and place
//!    names and the outlets' own names);
//! 2. where the attribution names another outlet of the story that gives the same
//!    reading, *that* outlet's origin for it — so "A cites B, which cites C" rests on
//!    C, and an outlet citing a newspaper that reported the fact itself rests on the
//!    newspaper;
//! 3. without attribution, the origin the article passes on to it (an interview it
//!    reports, found by the per-document provenance stage);
//! 4. otherwise the outlet's own reporting: its own origin, which is the
//!    same origin as other outlets citing it by name.
//!
//! An unnamed attribution ("officials said") stays the citing outlet's own matter:
//! two outlets' anonymous officials are not known to be the same people.

use crate::hashing::HashMap;

use super::super::resolve::names::{self, word_set};
use crate::extract::bodies;
use crate::model::{Claim, EntityKind, Ledger, Source};

/// The most citations followed from one claim. Real chains are short ("A cites B,
/// which cites C"); outlets citing each other in a loop over many claims would
/// otherwise walk every claim of the reading from every claim.
const MAX_RELAYS: usize = 8;

/// An origin: the key that makes two origins one, and what the ledger shows of it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Origin {
    key: String,
    entity: Option<String>,
    text: String,
}

/// Looks up origins in one ledger.
pub(crate) struct Origins<'l> {
    /// Outlet name of each document, when known.
    source_of: HashMap<&'l str, Option<&'l str>>,
    /// Canonical name of each entity.
    entity_names: HashMap<&'l str, &'l str>,
    /// Content-word key of a non-person entity name or alias → entity id, when unique.
    by_name: HashMap<String, Option<&'l str>>,
    /// Every organization's id with each of its names, for descriptions ("the spy
    /// agency"), the names read once for all the descriptions tried on them.
    organizations: Vec<(&'l str, bodies::NameWords)>,
    /// Outlet name key → documents of that outlet.
    outlets: HashMap<String, Vec<&'l str>>,
    /// Interviews claims rest on as their article frames them, by claim id.
    inherited: &'l HashMap<String, (Option<String>, String)>,
}

/// The content-word key of an organization or outlet name.
fn name_key(name: &str) -> String {
    word_set(&names::parts(name)).join(" ")
}

impl<'l> Origins<'l> {
    /// Indexes the ledger's organization names and outlets.
    pub fn new(
        ledger: &'l Ledger,
        inherited: &'l HashMap<String, (Option<String>, String)>,
    ) -> Origins<'l> {
        let mut by_name: HashMap<String, Option<&'l str>> = HashMap::default();
        for entity in ledger
            .entities
            .iter()
            .filter(|e| e.kind != EntityKind::Person)
        {
            for alias in std::iter::once(&entity.name).chain(&entity.aliases) {
                let key = name_key(alias);
                if key.is_empty() {
                    continue;
                }
                by_name
                    .entry(key)
                    .and_modify(|seen| {
                        if *seen != Some(entity.id.as_str()) {
                            *seen = None;
                        }
                    })
                    .or_insert(Some(entity.id.as_str()));
            }
        }
        let mut outlets: HashMap<String, Vec<&'l str>> = HashMap::default();
        for doc in &ledger.documents {
            if let Some(source) = &doc.source {
                outlets.entry(name_key(source)).or_default().push(&doc.id);
            }
        }
        Origins {
            source_of: ledger
                .documents
                .iter()
                .map(|d| (d.id.as_str(), d.source.as_deref()))
                .collect(),
            entity_names: ledger
                .entities
                .iter()
                .map(|e| (e.id.as_str(), e.name.as_str()))
                .collect(),
            by_name,
            organizations: ledger
                .entities
                .iter()
                .filter(|e| e.kind == EntityKind::Organization)
                .flat_map(|e| {
                    std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .map(|name| (e.id.as_str(), bodies::NameWords::of(name)))
                })
                .collect(),
            outlets,
            inherited,
        }
    }

    /// The one organization a description of a body describes ("Seoul's spy agency"
    /// → the National Intelligence Service), if exactly one does.
    fn described(&self, description: &str) -> Option<&'l str> {
        let named = self.organizations.iter().map(|(id, name)| (*id, name));
        bodies::only_described(description, named)
    }

    /// The outlet's own origin: its name, one with the entity of that name if any.
    fn own(&self, doc: &str) -> Origin {
        match self.source_of.get(doc).copied().flatten() {
            Some(name) => {
                let name = name.to_string();
                let key = name_key(&name);
                match self.by_name.get(&key).copied().flatten() {
                    Some(id) => Origin {
                        key: id.to_string(),
                        entity: Some(id.to_string()),
                        text: name,
                    },
                    None => Origin {
                        key: format!("outlet:{key}"),
                        entity: None,
                        text: name,
                    },
                }
            }
            None => Origin {
                key: format!("doc:{doc}"),
                entity: None,
                text: doc.to_string(),
            },
        }
    }

    /// The origin a claim's attribution names, before following chains.
    fn named(&self, claim: &Claim) -> Option<Origin> {
        // An interview the article relays outranks the attribution to the person
        // interviewed: what they told the newspaper rests on the newspaper's interview.
        let (given, text, interview) = match (self.inherited.get(&claim.id), &claim.attribution) {
            (Some((entity, text)), _) => (entity.clone(), text.clone(), true),
            (None, Some(a)) => (a.entity.clone(), a.text.clone(), false),
            (None, None) => return None,
        };
        let label = |name: &str| {
            if interview {
                format!("{name} interview")
            } else {
                name.to_string()
            }
        };
        let a = crate::model::Attribution {
            entity: given,
            text,
            cue: String::new(),
        };
        let key = name_key(&a.text);
        let entity = a.entity.clone().or_else(|| {
            self.by_name
                .get(&key)
                .copied()
                .flatten()
                .or_else(|| self.described(&a.text))
                .map(str::to_string)
        });
        if let Some(id) = entity {
            let text = label(
                self.entity_names
                    .get(id.as_str())
                    .map_or(a.text.as_str(), |name| name),
            );
            return Some(Origin {
                key: id.clone(),
                entity: Some(id),
                text,
            });
        }
        if let Some(docs) = self.outlets.get(&key) {
            return Some(self.own(docs[0]));
        }
        let named = a.text.chars().next().is_some_and(char::is_uppercase);
        Some(if named {
            Origin {
                key: format!("name:{key}"),
                entity: None,
                text: label(&a.text),
            }
        } else {
            Origin {
                key: format!("unnamed:{}:{key}", claim.doc),
                entity: None,
                text: format!("{} ({})", label(&a.text), self.own(&claim.doc).text),
            }
        })
    }

    /// The origin of `claims[at]`, following citations to other outlets among the
    /// reading's claims; `seen` guards against citation loops, and a chain ends after
    /// [`MAX_RELAYS`] steps.
    fn origin(&self, reading: &Relays<'_, 'l>, at: usize, seen: &mut Vec<usize>) -> Origin {
        let claim = reading.claims[at];
        let Some(named) = self.named(claim) else {
            return reading.own_of(at).clone();
        };
        if seen.len() == MAX_RELAYS {
            return named;
        }
        seen.push(at);
        match reading.first_relay(&named.key, &claim.doc, seen) {
            Some(i) => self.origin(reading, i, seen),
            None => named,
        }
    }

    /// The independent sources of one reading: its claims grouped by origin, most
    /// relaying documents first.
    pub fn sources(&self, claims: &[&'l Claim]) -> Vec<Source> {
        let reading = Relays::new(self, claims);
        let mut found: Vec<(Origin, Vec<String>)> = Vec::new();
        let mut found_at: HashMap<String, usize> = HashMap::default();
        for (at, claim) in claims.iter().enumerate() {
            let origin = self.origin(&reading, at, &mut Vec::new());
            let doc = claim.doc.clone();
            crate::work::count(1);
            match found_at.get(&origin.key) {
                Some(&i) => found[i].1.push(doc),
                None => {
                    found_at.insert(origin.key.clone(), found.len());
                    found.push((origin, vec![doc]));
                }
            }
        }
        let mut sources: Vec<Source> = found
            .into_iter()
            .map(|(origin, mut documents)| {
                documents.sort();
                documents.dedup();
                Source {
                    entity: origin.entity,
                    text: origin.text,
                    documents,
                }
            })
            .collect();
        sources.sort_by(|a, b| {
            b.documents
                .len()
                .cmp(&a.documents.len())
                .then_with(|| a.text.cmp(&b.text))
        });
        sources
    }
}

/// The claims of one reading, indexed by their outlets' own origins, so that finding
/// the claim a citation points to looks at the claims of the outlet cited, not at
/// every claim of the reading.
struct Relays<'r, 'l> {
    claims: &'r [&'l Claim],
    /// The own origin of each distinct document of the reading.
    own: Vec<Origin>,
    /// For each claim, its document's place in `own`.
    own_at: Vec<usize>,
    /// Own-origin key → the claims of documents with that own origin, in reading
    /// order, each with the place of the next claim of another document in the list.
    by_own_key: HashMap<String, Vec<(usize, usize)>>,
}

impl<'r, 'l> Relays<'r, 'l> {
    fn new(origins: &Origins<'l>, claims: &'r [&'l Claim]) -> Relays<'r, 'l> {
        let mut own: Vec<Origin> = Vec::new();
        let mut own_of_doc: HashMap<&str, usize> = HashMap::default();
        let own_at: Vec<usize> = claims
            .iter()
            .map(|claim| {
                *own_of_doc.entry(claim.doc.as_str()).or_insert_with(|| {
                    own.push(origins.own(&claim.doc));
                    own.len() - 1
                })
            })
            .collect();
        let mut by_own_key: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
        for (at, &o) in own_at.iter().enumerate() {
            by_own_key
                .entry(own[o].key.clone())
                .or_default()
                .push((at, usize::MAX));
        }
        for list in by_own_key.values_mut() {
            let mut next_other = list.len();
            for p in (0..list.len()).rev() {
                if p + 1 < list.len() && claims[list[p].0].doc != claims[list[p + 1].0].doc {
                    next_other = p + 1;
                }
                list[p].1 = next_other;
            }
        }
        Relays {
            claims,
            own,
            own_at,
            by_own_key,
        }
    }

    /// The own origin of the document of claim `at`.
    fn own_of(&self, at: usize) -> &Origin {
        &self.own[self.own_at[at]]
    }

    /// The first claim, in reading order, of a document other than `doc` whose own
    /// origin is `key`, not in `seen`.
    fn first_relay(&self, key: &str, doc: &str, seen: &[usize]) -> Option<usize> {
        let list = self.by_own_key.get(key)?;
        let mut p = 0;
        while let Some(&(at, next_other)) = list.get(p) {
            crate::work::count(1);
            if self.claims[at].doc == doc {
                p = next_other;
            } else if seen.contains(&at) {
                p += 1;
            } else {
                return Some(at);
            }
        }
        None
    }
}
