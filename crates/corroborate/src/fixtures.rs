//! Hand-built extractions, so the cross-document stages can be tested on short synthetic
//! stories without depending on what the per-document taggers find.

use crate::extract::{
    ArgumentExpr, AttributionExpr, ClaimExpr, EventMention, Extraction, LocalEntity, Mention,
    SubjectRef, ValueExpr,
};
use crate::input::DocumentInput;
use crate::model::{EntityKind, EventType, Predicate, Role};
use crate::prepare::prepare;

/// A document being described: its text, then the entities, events and claims in it.
pub(crate) struct Doc {
    x: Extraction,
}

/// A claim's value in a fixture.
pub(crate) enum V<'a> {
    /// A number.
    N(f64),
    /// Normalized text.
    T(&'a str),
    /// An entity of the document, by one of its surfaces.
    E(&'a str),
}

impl Doc {
    /// A document published 2024-03-10, from outlet `source` when given.
    pub fn new(id: &str, source: Option<&str>, text: &str) -> Doc {
        let mut input = DocumentInput::text(id, text).published("2024-03-10");
        if let Some(source) = source {
            input = input.source(source);
        }
        let doc = prepare(input, None).expect("fixture documents are valid");
        Doc {
            x: Extraction {
                doc,
                mentions: Vec::new(),
                entities: Vec::new(),
                times: Vec::new(),
                quantities: Vec::new(),
                quotes: Vec::new(),
                events: Vec::new(),
                claims: Vec::new(),
                origins: Vec::new(),
                story_terms: Default::default(),
            },
        }
    }

    /// One in-document entity with every whole-word occurrence of each surface.
    pub fn entity(mut self, kind: EntityKind, surfaces: &[&str]) -> Doc {
        let local = self.x.entities.len();
        let text = &self.x.doc.text;
        let mut name = String::new();
        for surface in surfaces {
            if surface.len() > name.len() {
                name = (*surface).to_string();
            }
            for (start, _) in text.match_indices(surface) {
                let end = start + surface.len();
                let before = text[..start].chars().next_back();
                let after = text[end..].chars().next();
                if before.is_some_and(char::is_alphanumeric)
                    || after.is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                self.x.mentions.push(Mention {
                    span: start..end,
                    sentence: 0,
                    kind,
                    entity: local,
                });
            }
        }
        self.x.entities.push(LocalEntity {
            kind,
            name,
            mentions: Vec::new(),
            introduced_as: Vec::new(),
        });
        self
    }

    /// The local entity one of whose mentions reads `surface`.
    fn local(&self, surface: &str) -> usize {
        self.x
            .mentions
            .iter()
            .find(|m| self.x.doc.slice(&m.span) == surface)
            .map(|m| m.entity)
            .unwrap_or_else(|| panic!("no entity {surface:?} in fixture {}", self.x.doc.id))
    }

    /// An event mention: its type, trigger word, arguments (role, entity surface) and time.
    pub fn event(
        mut self,
        kind: &str,
        trigger: &str,
        arguments: &[(Role, &str)],
        time: Option<&str>,
    ) -> Doc {
        let start = self.x.doc.text.find(trigger).expect("trigger in text");
        let arguments = arguments
            .iter()
            .map(|(role, surface)| {
                let at = self.x.doc.text.find(surface).expect("argument in text");
                ArgumentExpr {
                    role: role.clone(),
                    entity: Some(self.local(surface)),
                    span: at..at + surface.len(),
                    value: (*surface).to_lowercase(),
                    kin_of: None,
                }
            })
            .collect();
        self.x.events.push(EventMention {
            kind: EventType::from(kind),
            trigger: start..start + trigger.len(),
            nominal: false,
            sentence: 0,
            arguments,
            time: time.map(str::to_string),
        });
        self
    }

    /// A claim about the entity named `subject` (or, with `#N`, about event mention N).
    pub fn claim(
        mut self,
        subject: &str,
        predicate: Predicate,
        value: V<'_>,
        value_text: &str,
        attribution: Option<&str>,
    ) -> Doc {
        let subject_ref = match subject.strip_prefix('#') {
            Some(n) => SubjectRef::Event(n.parse().expect("event index")),
            None => SubjectRef::Entity(self.local(subject)),
        };
        let value = match value {
            V::N(n) => ValueExpr::Number(n),
            V::T(t) => ValueExpr::Text(t.to_string()),
            V::E(surface) => ValueExpr::Entity(self.local(surface)),
        };
        let attribution = attribution.map(|source| AttributionExpr {
            entity: self
                .x
                .mentions
                .iter()
                .find(|m| self.x.doc.slice(&m.span) == source)
                .map(|m| m.entity),
            text: source.to_string(),
            cue: "according to".to_string(),
        });
        let len = self.x.doc.text.len();
        self.x.claims.push(ClaimExpr {
            span: 0..len,
            sentence: 0,
            focus: 0..len,
            subject: subject_ref,
            subject_text: subject.to_string(),
            predicate,
            value,
            value_text: value_text.to_string(),
            attribution,
            hedged: false,
            negated: false,
            noun_phrase: None,
            time: None,
        });
        self
    }

    /// The extraction, mentions in text order.
    pub fn build(mut self) -> Extraction {
        self.x.mentions.sort_by_key(|m| (m.span.start, m.span.end));
        for (i, m) in self.x.mentions.iter().enumerate() {
            self.x.entities[m.entity].mentions.push(i);
        }
        self.x.story_terms = crate::resolve::stories::terms(&self.x.found(), &self.x.events);
        self.x
    }
}
