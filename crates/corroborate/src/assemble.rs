//! Assembly: the per-document extractions, resolved across documents, become the ledger.
//!
//! Order of work: stories first (they bound where a bare surname may look for its full
//! name), then entities, then events (whose key arguments are resolved entities), then
//! claims, quotes, quantities and times with their local references turned into ledger
//! ids, and finally the comparisons over the finished claims.
//!
//! Ids are positional — `s1…` stories in order of their first document, `e1…` entities
//! and `v1…` events in order of first mention, `c1…` claims in document and text order —
//! and documents are always processed in id order, so one set of documents gives one
//! ledger whatever order it came in.

use crate::hashing::HashMap;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::compare;
use crate::extract::provenance::Origin;
use crate::extract::{
    ClaimExpr, Extraction, QuantityExpr, QuoteExpr, SubjectRef, TimeExpr, ValueExpr,
};
use crate::model::{
    Argument, Attribution, Claim, Document, Entity, Event, Ledger, Quantity, Quote, Span, Story,
    Time, Value,
};
use crate::prepare::Prepared;
use crate::resolve::{entities, events, stories};

/// Builds the ledger of `extractions` (sorted here by document id).
///
/// A year of news must fit in memory: each part of an extraction moves into the ledger
/// (not copied) and is let go as soon as no later step reads it — the story terms once
/// stories are clustered, everything else document by document as its claims, quotes,
/// times and quantities are taken over, before the comparisons are built.
pub(crate) fn ledger(mut extractions: Vec<Extraction>) -> Ledger {
    extractions.sort_by(|a, b| a.doc.id.cmp(&b.doc.id));
    let story_groups = stories::cluster(&extractions);
    for x in &mut extractions {
        x.story_terms = Vec::new();
    }
    let mut story_of = vec![0; extractions.len()];
    for (s, members) in story_groups.iter().enumerate() {
        for &d in members {
            story_of[d] = s;
        }
    }
    let entities::Entities {
        entities: resolved_entities,
        of: entity_of,
    } = entities::resolve(&extractions, &story_of);
    let events::Events {
        events: resolved_events,
        of: event_of,
    } = events::resolve(&extractions, &story_of, &entity_of);
    let ids = Ids {
        entity: &entity_of,
        event: &event_of,
    };
    let docs = &extractions;
    let mut ledger = Ledger {
        documents: docs.iter().map(|x| document(&x.doc)).collect(),
        stories: story_groups
            .iter()
            .enumerate()
            .map(|(s, members)| story(docs, s, members))
            .collect(),
        entities: resolved_entities
            .into_iter()
            .enumerate()
            .map(|(i, e)| Entity {
                id: entity_id(i),
                kind: e.kind,
                name: e.name,
                aliases: e.aliases,
                mentions: e.mentions.iter().map(|(d, r)| span(docs, *d, r)).collect(),
            })
            .collect(),
        events: resolved_events
            .into_iter()
            .enumerate()
            .map(|(i, e)| Event {
                id: event_id(i),
                kind: e.kind,
                mentions: e.mentions.iter().map(|(d, r)| span(docs, *d, r)).collect(),
                arguments: e
                    .arguments
                    .into_iter()
                    .map(|(role, entity, text)| Argument {
                        role,
                        entity: entity.map(entity_id),
                        text,
                    })
                    .collect(),
                time: e.time,
                documents: e
                    .documents
                    .iter()
                    .map(|&d| docs[d].doc.id.clone())
                    .collect(),
            })
            .collect(),
        ..Ledger::default()
    };
    // Sized once: these lists are the largest of a big ledger, and growing them by
    // doubling would leave up to half of each unused.
    ledger
        .claims
        .reserve_exact(docs.iter().map(|x| x.claims.len()).sum());
    ledger
        .quotes
        .reserve_exact(docs.iter().map(|x| x.quotes.len()).sum());
    ledger
        .times
        .reserve_exact(docs.iter().map(|x| x.times.len()).sum());
    ledger
        .quantities
        .reserve_exact(docs.iter().map(|x| x.quantities.len()).sum());
    // Each document's items are converted on all cores (claims numbered from their
    // document's first), then moved into the ledger in document order.
    let firsts: Vec<usize> = docs
        .iter()
        .scan(0, |next, x| {
            let first = *next;
            *next += x.claims.len();
            Some(first)
        })
        .collect();
    let converted: Vec<Converted> = extractions
        .into_par_iter()
        .zip(firsts)
        .enumerate()
        .map(|(d, (x, first))| Converted::new(x, d, first, &ids))
        .collect();
    let mut inherited = HashMap::default();
    for (d, mut c) in converted.into_iter().enumerate() {
        ledger.claims.append(&mut c.claims);
        inherited.extend(c.inherited);
        ledger.quotes.append(&mut c.quotes);
        ledger.times.append(&mut c.times);
        ledger.quantities.append(&mut c.quantities);
        ledger.documents[d].text = c.text;
    }
    ledger.comparisons = compare::comparisons(&ledger, &inherited);
    ledger
}

fn entity_id(index: usize) -> String {
    format!("e{}", index + 1)
}

fn event_id(index: usize) -> String {
    format!("v{}", index + 1)
}

/// Local-to-ledger look-ups: `entity[d][local]`, `event[d][mention]`.
struct Ids<'r> {
    entity: &'r [Vec<usize>],
    event: &'r [Vec<usize>],
}

impl Ids<'_> {
    fn entity(&self, doc: usize, local: usize) -> String {
        entity_id(self.entity[doc][local])
    }
}

fn span(docs: &[Extraction], doc: usize, range: &std::ops::Range<usize>) -> Span {
    Span {
        doc: docs[doc].doc.id.clone(),
        start: range.start,
        end: range.end,
    }
}

/// A document of the ledger, its text still to come (moved in as [`ledger`] takes its
/// extraction over).
fn document(doc: &Prepared) -> Document {
    Document {
        id: doc.id.clone(),
        text: String::new(),
        published: doc.published.map(|d: Date| d.to_string()),
        source: doc.source.clone(),
        url: doc.url.clone(),
        title: doc.title.clone(),
        author: doc.author.clone(),
        removed: doc.analysis.removed.clone(),
    }
}

/// A story with the headline of its first document that has one.
fn story(docs: &[Extraction], index: usize, members: &[usize]) -> Story {
    Story {
        id: format!("s{}", index + 1),
        documents: members.iter().map(|&d| docs[d].doc.id.clone()).collect(),
        title: members.iter().find_map(|&d| docs[d].doc.title.clone()),
    }
}

/// One document's items as the ledger holds them.
struct Converted {
    claims: Vec<Claim>,
    /// The interviews its claims rest on, by claim id (see [`compare::comparisons`]).
    inherited: Vec<(String, (Option<String>, String))>,
    quotes: Vec<Quote>,
    times: Vec<Time>,
    quantities: Vec<Quantity>,
    text: String,
}

impl Converted {
    /// The items of `x`, document `d`, its claims numbered from `first` on.
    fn new(x: Extraction, d: usize, first: usize, ids: &Ids<'_>) -> Converted {
        let mut claims_of = Vec::with_capacity(x.claims.len());
        claims(&mut claims_of, x.claims, &x.doc.id, d, first, ids);
        let inherited = claims_of
            .iter()
            .zip(x.origins)
            .filter_map(|(claim, origin)| match origin {
                Origin::Interview(interview) => {
                    let outlet = interview.outlet.map(|local| ids.entity(d, local));
                    Some((claim.id.clone(), (outlet, interview.outlet_text)))
                }
                _ => None,
            })
            .collect();
        let mut converted = Converted {
            claims: claims_of,
            inherited,
            quotes: Vec::new(),
            times: Vec::new(),
            quantities: Vec::new(),
            text: String::new(),
        };
        quotes(&mut converted.quotes, x.quotes, &x.doc, d, ids);
        times(&mut converted.times, x.times, &x.doc);
        quantities(&mut converted.quantities, x.quantities, &x.doc.id);
        converted.text = x.doc.text;
        converted
    }
}

/// Pushes the claims `found` of document `d`, numbered from `first` on.
fn claims(
    out: &mut Vec<Claim>,
    found: Vec<ClaimExpr>,
    doc: &str,
    d: usize,
    first: usize,
    ids: &Ids<'_>,
) {
    for (i, c) in found.into_iter().enumerate() {
        let subject = match c.subject {
            SubjectRef::Entity(local) => Some(ids.entity(d, local)),
            SubjectRef::Event(m) => Some(event_id(ids.event[d][m])),
            SubjectRef::None => None,
        };
        let value = match c.value {
            ValueExpr::Number(n) => Value::Number(n),
            ValueExpr::Text(t) => Value::Text(t),
            ValueExpr::Entity(local) => Value::Text(ids.entity(d, local)),
        };
        out.push(Claim {
            id: format!("c{}", first + i + 1),
            doc: doc.to_string(),
            start: c.span.start,
            end: c.span.end,
            subject,
            subject_text: c.subject_text,
            predicate: c.predicate,
            value,
            value_text: c.value_text,
            attribution: c.attribution.map(|a| Attribution {
                entity: a.entity.map(|local| ids.entity(d, local)),
                text: a.text,
                cue: a.cue,
            }),
            hedged: c.hedged,
            negated: c.negated,
            time: c.time,
        });
    }
}

fn quotes(out: &mut Vec<Quote>, found: Vec<QuoteExpr>, doc: &Prepared, d: usize, ids: &Ids<'_>) {
    out.extend(found.into_iter().map(|q| Quote {
        doc: doc.id.clone(),
        start: q.span.start,
        end: q.span.end,
        text: doc.slice(&q.span).to_string(),
        speaker: q.speaker.map(|local| ids.entity(d, local)),
        speaker_text: q.speaker_span.as_ref().map(|s| doc.slice(s).to_string()),
        cue: q.cue,
    }));
}

fn times(out: &mut Vec<Time>, found: Vec<TimeExpr>, doc: &Prepared) {
    out.extend(found.into_iter().map(|t| Time {
        doc: doc.id.clone(),
        start: t.span.start,
        end: t.span.end,
        text: doc.slice(&t.span).to_string(),
        value: t.value,
    }));
}

fn quantities(out: &mut Vec<Quantity>, found: Vec<QuantityExpr>, doc: &str) {
    out.extend(found.into_iter().map(|q| Quantity {
        doc: doc.to_string(),
        start: q.span.start,
        end: q.span.end,
        value: q.value,
        unit: q.unit,
        approximate: q.approximate,
        bound: q.bound.map(|b| b.as_str().to_string()),
        counted: q.counted,
        time: q.time,
        role: q.role.map(|r| r.as_str().to_string()),
        revised: q.revised,
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{Doc, V};
    use crate::model::{EntityKind, Predicate, Role, Verdict};

    const PERSON: EntityKind = EntityKind::Person;
    const ORG: EntityKind = EntityKind::Organization;

    /// Three outlets on one defection of a fictional envoy, and one on an unrelated flood.
    fn story() -> Vec<Extraction> {
        vec![
            Doc::new(
                "a",
                Some("Harbor Gazette"),
                "Choe Min-gyu, a counsellor at the embassy in Lima, defected to the south \
                 with his wife and child, the Transport Ministry said. Choe is 47.",
            )
            .entity(PERSON, &["Choe Min-gyu", "Choe"])
            .entity(ORG, &["Transport Ministry"])
            .entity(EntityKind::Location, &["Lima"])
            .event(
                "defection",
                "defected",
                &[(Role::Agent, "Choe Min-gyu")],
                Some("2022-05"),
            )
            .claim("Choe Min-gyu", Predicate::Age, V::N(47.0), "47", None)
            .claim(
                "Choe Min-gyu",
                Predicate::Role,
                V::T("counsellor"),
                "a counsellor",
                None,
            )
            .claim(
                "#0",
                Predicate::Argument(Role::Companions),
                V::T("wife and child"),
                "his wife and child",
                None,
            )
            .claim(
                "#0",
                Predicate::Argument(Role::Time),
                V::T("2022-05"),
                "last May",
                Some("Transport Ministry"),
            )
            .claim(
                "#0",
                Predicate::Argument(Role::Place),
                V::E("Lima"),
                "in Lima",
                None,
            )
            .build(),
            Doc::new(
                "b",
                Some("Valley Times"),
                "Choi Min Kyu, 47, a third secretary at the embassy in Lima, defected with \
                 his wife and children in 2022, according to the Ministry of Transport. \
                 Anna Choi, a researcher, said defections are rising.",
            )
            .entity(PERSON, &["Choi Min Kyu"])
            .entity(ORG, &["Ministry of Transport"])
            .entity(EntityKind::Location, &["Lima"])
            .entity(PERSON, &["Anna Choi"])
            .event(
                "defection",
                "defected",
                &[(Role::Agent, "Choi Min Kyu")],
                Some("2022"),
            )
            .claim("Choi Min Kyu", Predicate::Age, V::N(47.0), "47", None)
            .claim(
                "Choi Min Kyu",
                Predicate::Role,
                V::T("third secretary"),
                "a third secretary",
                None,
            )
            .claim(
                "#0",
                Predicate::Argument(Role::Companions),
                V::T("wife and children"),
                "his wife and children",
                None,
            )
            .claim(
                "#0",
                Predicate::Argument(Role::Time),
                V::T("2022"),
                "in 2022",
                Some("Ministry of Transport"),
            )
            .claim(
                "#0",
                Predicate::Argument(Role::Place),
                V::E("Lima"),
                "in Lima",
                None,
            )
            .build(),
            Doc::new(
                "c",
                Some("Coast Herald"),
                "The envoy Choe, a political adviser at the embassy in Lima, defected last \
                 year, the Harbor Gazette reported, aged 47.",
            )
            .entity(PERSON, &["Choe"])
            .entity(ORG, &["Harbor Gazette"])
            .entity(EntityKind::Location, &["Lima"])
            .event(
                "defection",
                "defected",
                &[(Role::Agent, "Choe")],
                Some("2022"),
            )
            .claim(
                "Choe",
                Predicate::Age,
                V::N(47.0),
                "aged 47",
                Some("Harbor Gazette"),
            )
            .claim(
                "Choe",
                Predicate::Role,
                V::T("political adviser"),
                "a political adviser",
                None,
            )
            .build(),
            Doc::new(
                "z",
                Some("Fjord Post"),
                "Floods closed the mountain railway near Bergen for a week as rivers rose \
                 and landslides buried the tracks, engineers said.",
            )
            .entity(EntityKind::Location, &["Bergen"])
            .build(),
        ]
    }

    #[test]
    fn a_surname_the_tagger_took_for_an_organization_or_a_place_joins_its_full_name() {
        for kind in [ORG, EntityKind::Location, EntityKind::Other] {
            let mut docs = story();
            let c = &mut docs[2];
            let choe = c.entities.iter().position(|e| e.name == "Choe").unwrap();
            c.entities[choe].kind = kind;
            for m in c.mentions.iter_mut().filter(|m| m.entity == choe) {
                m.kind = kind;
            }
            let ledger = ledger(docs);
            let envoy = &ledger.entities[0];
            assert_eq!(envoy.name, "Choe Min-gyu");
            assert_eq!(envoy.kind, PERSON);
            assert!(
                envoy.mentions.iter().any(|m| m.doc == "c"),
                "{kind:?}: {envoy:?}"
            );
        }
    }

    #[test]
    fn a_place_the_gazetteers_know_is_no_surname() {
        let docs = vec![
            Doc::new("a", None, "Mara Lima, a lawyer, flew to Lima on Monday.")
                .entity(PERSON, &["Mara Lima"])
                .build(),
            Doc::new("b", None, "Mara Lima arrived in Lima to meet the mayor.")
                .entity(PERSON, &["Mara Lima"])
                .entity(EntityKind::Location, &["Lima"])
                .build(),
        ];
        let ledger = ledger(docs);
        let lima = ledger
            .entities
            .iter()
            .find(|e| e.name == "Lima")
            .expect("the city stays an entity of its own");
        assert_eq!(lima.kind, EntityKind::Location);
    }

    fn comparison<'l>(
        ledger: &'l Ledger,
        subject: &str,
        predicate: Predicate,
    ) -> &'l crate::model::Comparison {
        ledger
            .comparisons
            .iter()
            .find(|c| c.subject == subject && c.predicate == predicate)
            .unwrap_or_else(|| panic!("no comparison {subject} {predicate}"))
    }

    #[test]
    fn one_story_one_person_one_event() {
        let ledger = ledger(story());
        assert_eq!(ledger.stories.len(), 2, "{:?}", ledger.stories);
        assert_eq!(ledger.stories[0].documents, ["a", "b", "c"]);
        let envoy = &ledger.entities[0];
        assert_eq!(envoy.name, "Choe Min-gyu");
        assert_eq!(envoy.aliases, ["Choe", "Choe Min-gyu", "Choi Min Kyu"]);
        let anna = ledger
            .entities
            .iter()
            .find(|e| e.name == "Anna Choi")
            .unwrap();
        assert_eq!(anna.mentions.len(), 1);
        let ministry = ledger
            .entities
            .iter()
            .find(|e| e.name == "Ministry of Transport")
            .unwrap();
        assert_eq!(
            ministry.aliases,
            ["Ministry of Transport", "Transport Ministry"]
        );
        assert_eq!(ledger.events.len(), 1);
        assert_eq!(ledger.events[0].documents, ["a", "b", "c"]);
        assert_eq!(ledger.events[0].time.as_deref(), Some("2022"));
    }

    #[test]
    fn verdicts_by_kind_of_value() {
        let ledger = ledger(story());
        let envoy = ledger.entities[0].id.clone();
        let age = comparison(&ledger, &envoy, Predicate::Age);
        assert_eq!(age.verdict, Verdict::Agree);
        assert_eq!(age.readings[0].documents, ["a", "b", "c"]);
        let role = comparison(&ledger, &envoy, Predicate::Role);
        assert_eq!(role.verdict, Verdict::Conflict);
        assert_eq!(role.readings[0].documents, ["a", "c"]);
        assert_eq!(
            role.readings[1].value,
            Value::Text("third secretary".into())
        );
        let event = ledger.events[0].id.clone();
        assert_eq!(
            comparison(&ledger, &event, Predicate::Argument(Role::Companions)).verdict,
            Verdict::Conflict
        );
        assert_eq!(
            comparison(&ledger, &event, Predicate::Argument(Role::Time)).verdict,
            Verdict::Agree
        );
        let place = comparison(&ledger, &event, Predicate::Argument(Role::Place));
        let lima = ledger.entities.iter().find(|e| e.name == "Lima").unwrap();
        assert_eq!(place.verdict, Verdict::Agree);
        assert_eq!(place.readings[0].value, Value::Text("Lima".into()));
        assert_eq!(place.readings[0].entity.as_ref(), Some(&lima.id));
        assert_eq!(lima.mentions.len(), 3);
    }

    /// One claim per outlet about one subject, each citing the next outlet's name.
    fn relay(links: &[(&str, &str, Option<&str>)]) -> Ledger {
        let docs = links
            .iter()
            .enumerate()
            .map(|(i, (outlet, text, cites))| {
                let mut doc = Doc::new(&format!("d{i}"), Some(outlet), text)
                    .entity(ORG, &["Harbour Authority"]);
                if let Some(cited) = cites {
                    doc = doc.entity(ORG, &[cited]);
                }
                doc.claim(
                    "Harbour Authority",
                    Predicate::Count,
                    V::N(12.0),
                    "12",
                    *cites,
                )
                .build()
            })
            .collect();
        ledger(docs)
    }

    fn source_names(ledger: &Ledger) -> Vec<(String, usize)> {
        let comparison = &ledger.comparisons[0];
        comparison.readings[0]
            .sources
            .iter()
            .map(|s| (s.text.clone(), s.documents.len()))
            .collect()
    }

    #[test]
    fn three_outlets_quoting_one_agency_are_one_source() {
        let text = "The Harbour Authority closed 12 piers, according to Meridian Agency.";
        let ledger = relay(&[
            ("North Wire", text, Some("Meridian Agency")),
            ("South Daily", text, Some("Meridian Agency")),
            ("East Mail", text, Some("Meridian Agency")),
        ]);
        assert_eq!(ledger.comparisons[0].verdict, Verdict::Agree);
        assert_eq!(source_names(&ledger), [("Meridian Agency".to_string(), 3)]);
    }

    #[test]
    fn outlets_with_their_own_reporters_are_separate_sources() {
        let text = "The Harbour Authority closed 12 piers.";
        let ledger = relay(&[("North Wire", text, None), ("South Daily", text, None)]);
        assert_eq!(
            source_names(&ledger),
            [
                ("North Wire".to_string(), 1),
                ("South Daily".to_string(), 1)
            ]
        );
    }

    #[test]
    fn a_chain_of_citations_rests_on_its_end() {
        let ledger = relay(&[
            (
                "North Wire",
                "The Harbour Authority closed 12 piers, South Daily said.",
                Some("South Daily"),
            ),
            (
                "South Daily",
                "The Harbour Authority closed 12 piers, Meridian Agency said.",
                Some("Meridian Agency"),
            ),
        ]);
        assert_eq!(source_names(&ledger), [("Meridian Agency".to_string(), 2)]);
    }

    #[test]
    fn sources_follow_citations() {
        let ledger = ledger(story());
        let envoy = ledger.entities[0].id.clone();
        // c cites the Harbor Gazette, which is outlet a reporting on its own: one source.
        let age = comparison(&ledger, &envoy, Predicate::Age);
        let sources: Vec<(&str, &[String])> = age.readings[0]
            .sources
            .iter()
            .map(|s| (s.text.as_str(), s.documents.as_slice()))
            .collect();
        assert_eq!(
            sources,
            [
                ("Harbor Gazette", &["a".to_string(), "c".to_string()][..]),
                ("Valley Times", &["b".to_string()][..])
            ]
        );
        // Both outlets give the time on the ministry's word: one source, whatever its name.
        let time = comparison(
            &ledger,
            &ledger.events[0].id,
            Predicate::Argument(Role::Time),
        );
        let origins: Vec<&str> = time
            .readings
            .iter()
            .flat_map(|r| &r.sources)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(origins, ["Ministry of Transport", "Ministry of Transport"]);
    }

    #[test]
    fn document_order_does_not_matter() {
        let mut reversed = story();
        reversed.reverse();
        assert_eq!(ledger(reversed), ledger(story()));
    }
}
