//! Provenance: the origin of each statement as its own document tells it.
//!
//! Counting outlets counts echoes; counting origins counts sources. Inside one document
//! the origin of a claim is, in order (see `docs/provenance.md`):
//! 1. an interview the article reports, when the claim comes after the article frames
//!    it ("In an interview with NEWSPAPER, PERSON said …", "PERSON told NEWSPAPER …")
//!    and the claim is attributed to that person or outlet, or is an unattributed
//!    statement about that person (or an event that person drove);
//! 2. otherwise the explicit attribution of its sentence or quote;
//! 3. otherwise the article's own reporting.
//!
//! Following chains across documents (A cites B, B cites C) is the cross-document
//! stage's work: it reads these origins for every document of a story.

use std::ops::Range;

use super::attribution::SentenceAttribution;
use super::quotes::{Side, Speakers};
use super::{AttributionExpr, ClaimExpr, EventMention, LocalEntity, Mention, SubjectRef};
use crate::lexicon::phrases::Phrases;
use crate::model::{EntityKind, Role};
use crate::prepare::Prepared;

/// The longest outlet name after "interview with" or "told", in tokens.
const OUTLET_TOKENS: usize = 8;

crate::lexicon::lazy! {
    fn outlet_nouns() -> Phrases = Phrases::new(&[include_str!("../../data/outlet_nouns.txt")]);
}

/// An interview given to an outlet, as the article that reports it frames it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Interview {
    /// The outlet, an index into the document's entities, when named.
    pub outlet: Option<usize>,
    /// The outlet's words ("The Daily Post", "the newspaper").
    pub outlet_text: String,
    /// The person interviewed, when resolved.
    pub person: Option<usize>,
    /// The sentence that frames the interview; it covers the statements from there on.
    pub sentence: usize,
}

/// Where one statement comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origin {
    /// An interview given to an outlet (the article relays the outlet's reporting).
    Interview(Interview),
    /// A source named in the claim's sentence or quote.
    Source(AttributionExpr),
    /// The article's own reporting.
    Own,
}

/// The interview an article frames itself as reporting, if any: the first body sentence
/// with "interview with/to OUTLET", "PERSON told OUTLET" or "PERSON revealed to OUTLET"
/// (any reporting verb and "to"), where OUTLET is a named
/// organization or a description of a news outlet ("the newspaper").
pub(crate) fn article_origin(
    doc: &Prepared,
    mentions: &[Mention],
    entities: &[LocalEntity],
    attributions: &[SentenceAttribution],
) -> Option<Interview> {
    let words = &doc.words.lower;
    let speakers = Speakers::new(doc, mentions, entities, words, &[]);
    let outlet_after = |i: usize, end: usize| -> Option<(Option<usize>, String)> {
        let stop = (i..end)
            .find(|&k| matches!(words[k].as_str(), "," | "." | ";" | ":" | "that"))
            .unwrap_or(end)
            .min(i + OUTLET_TOKENS);
        let found = speakers.resolve(i..stop, Side::AfterCue);
        let span: Range<usize> = found.span?;
        let text = doc.slice(&span).to_string();
        let head = text.split_whitespace().last().unwrap_or("");
        // "the weekly newspaper Daily Post": a name an outlet noun introduces is an
        // outlet, whatever kind the tagger gave it.
        let name_start = doc
            .analysis
            .tokens
            .partition_point(|t| t.start < span.start);
        let introduced = (i..name_start.min(stop)).any(|k| outlet_nouns().contains(&words[k]));
        let outlet = match found.speaker {
            Some(e) => entities[e].kind == EntityKind::Organization || introduced,
            None => outlet_nouns().contains(head),
        };
        outlet.then_some((found.speaker, text))
    };
    doc.body_sentence_indexes().find_map(|s| {
        let range = doc.analysis.sentences[s].tokens.clone();
        let attributed = attributions
            .get(attributions.partition_point(|a| a.sentence < s))
            .filter(|a| a.sentence == s);
        let framed = range.clone().find_map(|i| match words[i].as_str() {
            "interview" | "interviews"
                if matches!(words.get(i + 1).map(String::as_str), Some("with" | "to")) =>
            {
                outlet_after(i + 2, range.end)
            }
            "told" if attributed.is_some_and(|a| a.attribution.cue == "told") => {
                outlet_after(i + 1, range.end)
            }
            // "PERSON revealed to NEWSPAPER", "PERSON said to NEWSPAPER".
            cue if cue != "according"
                && words.get(i + 1).is_some_and(|w| w == "to")
                && attributed
                    .is_some_and(|a| a.attribution.cue.split_whitespace().next() == Some(cue)) =>
            {
                outlet_after(i + 2, range.end)
            }
            _ => None,
        })?;
        let person = attributed
            .and_then(|a| a.attribution.entity)
            .filter(|&e| entities[e].kind == EntityKind::Person)
            .or_else(|| {
                let sentence = &doc.analysis.sentences[s];
                mentions[mentions.partition_point(|m| m.span.start < sentence.start)..]
                    .iter()
                    .take_while(|m| m.span.end <= sentence.end)
                    .find(|m| m.kind == EntityKind::Person)
                    .map(|m| m.entity)
            });
        let (outlet, outlet_text) = framed;
        (person.is_some() && person != outlet).then_some(Interview {
            outlet,
            outlet_text,
            person,
            sentence: s,
        })
    })
}

/// The origin of each claim (same order).
pub(crate) fn origins(
    claims: &[ClaimExpr],
    events: &[EventMention],
    interview: Option<&Interview>,
) -> Vec<Origin> {
    claims
        .iter()
        .map(|claim| {
            let relayed = interview.filter(|iv| claim.sentence >= iv.sentence);
            match (&claim.attribution, relayed) {
                (Some(a), Some(iv)) if from_interview(a, iv) => Origin::Interview(iv.clone()),
                (Some(a), _) => Origin::Source(a.clone()),
                (None, Some(iv)) if about_person(claim, events, iv) => {
                    Origin::Interview(iv.clone())
                }
                (None, _) => Origin::Own,
            }
        })
        .collect()
}

/// Whether an attribution points at the interview: its person, its outlet, or an
/// outlet description ("the newspaper reported").
fn from_interview(a: &AttributionExpr, iv: &Interview) -> bool {
    match a.entity {
        Some(e) => Some(e) == iv.person || Some(e) == iv.outlet,
        None => {
            let head = a.text.split_whitespace().last().unwrap_or("");
            outlet_nouns().contains(head) || a.text.eq_ignore_ascii_case(&iv.outlet_text)
        }
    }
}

/// Whether an unattributed claim is about the interviewed person, directly, as the
/// agent of the event it describes, or through their relatives taking part in it ("the
/// passing of his parents").
fn about_person(claim: &ClaimExpr, events: &[EventMention], iv: &Interview) -> bool {
    let is_person = |e: Option<usize>| e.is_some() && e == iv.person;
    match claim.subject {
        SubjectRef::Entity(e) => Some(e) == iv.person,
        SubjectRef::Event(i) => events.get(i).is_some_and(|ev| {
            ev.arguments.iter().any(|arg| {
                (arg.role == Role::Agent && is_person(arg.entity)) || is_person(arg.kin_of)
            })
        }),
        SubjectRef::None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{ArgumentExpr, ValueExpr, attribution, quotes, tagged};
    use crate::model::{EventType, Predicate};
    use EntityKind::{Organization, Person};

    fn interview(text: &str, names: &[(&str, EntityKind)]) -> Option<(String, String, usize)> {
        let (doc, mentions, entities) = tagged(text, names);
        let q = quotes::find(&doc, &mentions, &entities);
        let found = attribution::find(&doc, &mentions, &entities, &q);
        article_origin(&doc, &mentions, &entities, &found).map(|iv| {
            let person = iv
                .person
                .map(|p| entities[p].name.clone())
                .unwrap_or_default();
            (iv.outlet_text, person, iv.sentence)
        })
    }

    #[test]
    fn interview_with_an_outlet() {
        let got = interview(
            "Ana Lupu left the country in May. In an interview with the Daily Post, \
             Lupu said she had no choice.",
            &[
                ("Ana Lupu", Person),
                ("Lupu", Person),
                ("Daily Post", Organization),
            ],
        );
        assert_eq!(got, Some(("Daily Post".into(), "Ana Lupu".into(), 1)));
    }

    #[test]
    fn told_an_outlet_description() {
        let got = interview(
            "Ana Lupu told the newspaper that she fled.",
            &[("Ana Lupu", Person)],
        );
        assert_eq!(got, Some(("the newspaper".into(), "Ana Lupu".into(), 0)));
    }

    #[test]
    fn interview_with_a_described_outlet_whatever_its_tagged_kind() {
        let got = interview(
            "Ana Lupu fled in May. Her choice was hard. In an exclusive interview with the \
             Norwegian newspaper Daily Post, Lupu revealed that she had planned it for years.",
            &[
                ("Ana Lupu", Person),
                ("Lupu", Person),
                ("Norwegian", EntityKind::Other),
                ("Daily Post", Person),
            ],
        );
        assert_eq!(got, Some(("Daily Post".into(), "Ana Lupu".into(), 2)));
    }

    #[test]
    fn revealed_to_an_outlet() {
        let got = interview(
            "The port closed. Ana Lupu revealed to Radio Nord that she paid the crew.",
            &[("Ana Lupu", Person), ("Radio Nord", Organization)],
        );
        assert_eq!(got, Some(("Radio Nord".into(), "Ana Lupu".into(), 1)));
    }

    #[test]
    fn telling_reporters_or_a_person_is_no_interview() {
        let names = [("Ana Lupu", Person), ("Ion Popa", Person)];
        assert_eq!(
            interview("Ana Lupu told reporters that she fled.", &names),
            None
        );
        assert_eq!(
            interview("Ana Lupu told Ion Popa that she fled.", &names),
            None
        );
    }

    fn claim(
        sentence: usize,
        subject: SubjectRef,
        attribution: Option<AttributionExpr>,
    ) -> ClaimExpr {
        ClaimExpr {
            span: 0..0,
            sentence,
            focus: 0..0,
            subject,
            subject_text: String::new(),
            predicate: Predicate::from("be"),
            value: ValueExpr::Text(String::new()),
            value_text: String::new(),
            attribution,
            hedged: false,
            negated: false,
            noun_phrase: None,
            time: None,
        }
    }

    fn source(entity: Option<usize>, text: &str) -> Option<AttributionExpr> {
        Some(AttributionExpr {
            entity,
            text: text.into(),
            cue: "said".into(),
        })
    }

    #[test]
    fn interview_passes_to_later_statements_of_the_person() {
        let (person, outlet, agency, other) = (0, 1, 2, 3);
        let iv = Interview {
            outlet: Some(outlet),
            outlet_text: "Daily Post".into(),
            person: Some(person),
            sentence: 2,
        };
        let event = EventMention {
            kind: EventType::from("defection"),
            trigger: 0..0,
            nominal: false,
            sentence: 5,
            arguments: vec![ArgumentExpr {
                role: Role::Agent,
                entity: Some(person),
                span: 0..0,
                value: String::new(),
                kin_of: None,
            }],
            time: None,
        };
        let claims = [
            claim(1, SubjectRef::Entity(person), None), // before the framing
            claim(3, SubjectRef::Entity(person), None), // unattributed, the person
            claim(3, SubjectRef::None, source(Some(person), "she")), // attributed to the person
            claim(4, SubjectRef::None, source(None, "the newspaper")),
            claim(4, SubjectRef::None, source(Some(agency), "the agency")),
            claim(5, SubjectRef::Event(0), None), // her own action
            claim(6, SubjectRef::Entity(other), None), // someone else
        ];
        let got = origins(&claims, &[event], Some(&iv));
        let interview = Origin::Interview(iv.clone());
        assert_eq!(
            got,
            [
                Origin::Own,
                interview.clone(),
                interview.clone(),
                interview.clone(),
                Origin::Source(source(Some(agency), "the agency").unwrap()),
                interview,
                Origin::Own,
            ]
        );
    }

    #[test]
    fn provenance_of_a_whole_document() {
        let text = "Ana Lupu told the Daily Post that she fled to Sweden in May. \
                    Lupu, 40, is a former diplomat. Lupu defected with her husband.";
        let x = crate::pipeline::extract_document(
            crate::prepare::prepare(crate::input::DocumentInput::text("d", text), None).unwrap(),
        );
        assert_eq!(x.origins.len(), x.claims.len());
        let iv = x
            .origins
            .iter()
            .find_map(|o| match o {
                Origin::Interview(iv) => Some(iv),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no claim from the interview: {:?}", x.claims));
        assert_eq!((iv.sentence, iv.outlet_text.as_str()), (0, "Daily Post"));
    }

    #[test]
    fn without_interview_attribution_or_own_reporting() {
        let claims = [
            claim(0, SubjectRef::Entity(0), None),
            claim(1, SubjectRef::None, source(Some(1), "X")),
        ];
        let got = origins(&claims, &[], None);
        assert_eq!(
            got,
            [Origin::Own, Origin::Source(source(Some(1), "X").unwrap())]
        );
    }
}
