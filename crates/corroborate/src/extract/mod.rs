//! Per-document extraction: what one article says, before any other article is read.
//!
//! Stage order inside a document: mentions (entity tagger + in-document grouping) →
//! times → quantities → quotes → events → claims (with attribution, hedging and
//! negation). Each sub-module reads the [`Prepared`] document and the outputs of the
//! stages before it and returns plain values; [`Extraction`] gathers them for the
//! cross-document stage. Offsets are byte offsets into `Prepared::text`; entity
//! references are indexes into `Extraction::entities` (local to the document) until
//! resolution maps them to ledger ids.

pub(crate) mod attribution;
pub(crate) mod bearings;
pub(crate) mod bodies;
pub(crate) mod claims;
pub(crate) mod coref;
pub(crate) mod events;
pub(crate) mod groups;
pub(crate) mod headlines;
pub(crate) mod mentions;
pub(crate) mod nationals;
pub(crate) mod nominals;
pub(crate) mod provenance;
pub(crate) mod quantities;
pub(crate) mod quotes;
pub(crate) mod scope;
pub(crate) mod syntax;
pub(crate) mod times;

use std::ops::Range;

use crate::model::{EntityKind, EventType, Predicate, Role};
use crate::prepare::Prepared;

/// The items of a list in text order that belong to sentence `sentence`, found by
/// binary search so that a document of many sentences is not scanned once per sentence.
pub(crate) fn in_sentence<T>(items: &[T], sentence: usize, of: impl Fn(&T) -> usize) -> &[T] {
    let start = items.partition_point(|item| of(item) < sentence);
    let end = items.partition_point(|item| of(item) <= sentence);
    &items[start..end.max(start)]
}

/// What the stages before events found in one document, as the event stage reads it and
/// the claim stage reads it with the events.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found<'d> {
    /// The prepared document.
    pub doc: &'d Prepared,
    /// Entity mentions, in text order.
    pub mentions: &'d [Mention],
    /// In-document entities.
    pub entities: &'d [LocalEntity],
    /// Time expressions, in text order.
    pub times: &'d [TimeExpr],
    /// Quantities, in text order.
    pub quantities: &'d [QuantityExpr],
    /// Direct quotes, in text order.
    pub quotes: &'d [QuoteExpr],
}

/// One mention of a named thing in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// Index of the sentence in `Prepared::analysis.sentences`.
    pub sentence: usize,
    /// Kind given by the tagger (possibly corrected by in-document grouping).
    pub kind: EntityKind,
    /// Index of the in-document entity this mention belongs to.
    pub entity: usize,
}

/// A named thing as one document knows it: its mentions grouped (a bare surname joins
/// the full name it abbreviates; "the diplomat" may join the main person later).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LocalEntity {
    /// Person, organization, location or other.
    pub kind: EntityKind,
    /// The longest full name seen in the document.
    pub name: String,
    /// Indexes into `Extraction::mentions`.
    pub mentions: Vec<usize>,
    /// Nationalities the document introduces this person with ("American challenger Tom
    /// Hale"), lowercase: another article's "the American" may be them; and the person
    /// nouns written beside their name ("driver Tom Hale"), once each time, for another
    /// article's headline "Driver Charged".
    pub introduced_as: Vec<String>,
}

impl LocalEntity {
    /// The index of the document's person whose name `is_it` accepts, else of a new
    /// person named `surface`: the one person a description alone names ("the
    /// American", a headline's "Driver"), however often the document uses it.
    pub(crate) fn person_named(
        entities: &mut Vec<LocalEntity>,
        surface: &str,
        is_it: impl Fn(&str) -> bool,
    ) -> usize {
        let found = entities
            .iter()
            .position(|e| e.kind == EntityKind::Person && is_it(&e.name));
        found.unwrap_or_else(|| {
            entities.push(LocalEntity {
                kind: EntityKind::Person,
                name: surface.to_string(),
                mentions: Vec::new(),
                introduced_as: Vec::new(),
            });
            entities.len() - 1
        })
    }
}

/// A time expression with its normalized value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TimeExpr {
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// ISO-8601 value (`2023-11`, `2024-07-16`, `2016/2019`), or `None` when unresolvable.
    pub value: Option<String>,
}

/// Whether a quantity is a lower or upper bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bound {
    /// "over", "more than", "at least".
    AtLeast,
    /// "under", "fewer than", "at most", "up to".
    AtMost,
}

impl Bound {
    /// The keyword the ledger uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::AtLeast => "at_least",
            Bound::AtMost => "at_most",
        }
    }
}

/// A number with its unit and what it counts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QuantityExpr {
    /// Byte range of the number's words (bound and approximation words included).
    pub span: Range<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// The number.
    pub value: f64,
    /// `USD`, `t`, `hour`, `percent`, … or `None` for a bare count.
    pub unit: Option<String>,
    /// Marked approximate ("around", "about", "dozens").
    pub approximate: bool,
    /// A bound, if the words give one.
    pub bound: Option<Bound>,
    /// The counted noun phrase, lowercase ("north korean defectors").
    pub counted: Option<String>,
    /// Byte range of the counted noun phrase.
    pub counted_span: Option<Range<usize>>,
    /// The time the sentence gives the quantity (normalized), if any.
    pub time: Option<String>,
    /// The casualty the number counts for the happening reported ("killed 6": killed),
    /// `None` for other counts, parts of a figure and running totals.
    pub role: Option<Casualty>,
    /// Whether the words give the figure as an update of an earlier one ("the death toll
    /// rose to 70").
    pub revised: bool,
}

/// What a casualty figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Casualty {
    /// killed, dead, died, martyred, executed, "claimed the lives of".
    Killed,
    /// injured, wounded.
    Injured,
    /// missing, abducted.
    Missing,
    /// arrested, detained.
    Arrested,
    /// displaced, fled.
    Displaced,
}

impl Casualty {
    /// The keyword the ledger uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Casualty::Killed => "killed",
            Casualty::Injured => "injured",
            Casualty::Missing => "missing",
            Casualty::Arrested => "arrested",
            Casualty::Displaced => "displaced",
        }
    }
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteExpr {
    /// Byte range of the quoted words, without the marks.
    pub span: Range<usize>,
    /// The speaker, as an index into `Extraction::entities`.
    pub speaker: Option<usize>,
    /// The speaker's words where the quote is attributed ("Novak", "he", "the minister").
    pub speaker_span: Option<Range<usize>>,
    /// The reporting verb or phrase ("said", "told", "wrote", "according to").
    pub cue: Option<String>,
}

/// Who a statement is attributed to in its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AttributionExpr {
    /// The source, as an index into `Extraction::entities`, when it is a named one.
    pub entity: Option<usize>,
    /// The source's words ("Brazil's Federal Police", "officials").
    pub text: String,
    /// The cue ("according to", "said", "confirmed", "told").
    pub cue: String,
}

/// One participant of an event mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ArgumentExpr {
    /// What the participant does in the event.
    pub role: Role,
    /// The entity filling the role, as an index into `Extraction::entities`.
    pub entity: Option<usize>,
    /// Byte range of the filler's words.
    pub span: Range<usize>,
    /// Normalized value for comparison: a time value, a lowercase group ("wife and child").
    pub value: String,
    /// For relatives named by kin words ("his parents and in-laws"), the entity they are
    /// the relatives of: details of someone's family are details of their life.
    pub kin_of: Option<usize>,
}

/// One mention of an event in a document (a trigger with its arguments).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EventMention {
    /// Event type keyword (`defection`, `arrest`, `seizure`, …).
    pub kind: EventType,
    /// Byte range of the trigger word(s).
    pub trigger: Range<usize>,
    /// The trigger names the happening as a noun ("the talks", "his death") or a
    /// participle before one ("355 damaged shops") rather than as a clause's verb.
    pub nominal: bool,
    /// Sentence index.
    pub sentence: usize,
    /// The arguments found.
    pub arguments: Vec<ArgumentExpr>,
    /// Normalized time of the happening, if the sentence (or document) gives one.
    pub time: Option<String>,
}

/// What a claim is about, inside one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SubjectRef {
    /// An entity, index into `Extraction::entities`.
    Entity(usize),
    /// An event mention, index into `Extraction::events`.
    Event(usize),
    /// Nothing resolvable.
    None,
}

/// A claim's value before cross-document resolution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ValueExpr {
    /// A number (ages, counts).
    Number(f64),
    /// Normalized text: a time value, a role title, a lowercase lemma phrase.
    Text(String),
    /// An entity, index into `Extraction::entities`; resolved to a ledger id later.
    Entity(usize),
}

/// One atomic statement of a document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ClaimExpr {
    /// Byte range of the claim's sentence or clause.
    pub span: Range<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// Byte range of the words the claim rests on (its value, its event's trigger and
    /// argument): the clause around them is as far as a hedge or negation reaches.
    pub focus: Range<usize>,
    /// What the claim is about.
    pub subject: SubjectRef,
    /// The subject's words.
    pub subject_text: String,
    /// What the claim says of its subject.
    pub predicate: Predicate,
    /// Normalized value.
    pub value: ValueExpr,
    /// The value's words.
    pub value_text: String,
    /// Explicit attribution in the sentence, if any.
    pub attribution: Option<AttributionExpr>,
    /// Softened by a hedge word.
    pub hedged: bool,
    /// Negated or denied.
    pub negated: bool,
    /// For a happening a noun names ("the talks with Ardan"), the bytes of its noun
    /// phrase up to the noun, with a verb taking it after a negation ("did not hold
    /// talks"): only a negation there denies the happening ("no talks"). One negating
    /// another verb of the clause says something else of it ("the talks were not easy").
    pub noun_phrase: Option<Range<usize>>,
    /// The time the value holds for, when the sentence gives it one ("deputy director
    /// from 2016 to 2019").
    pub time: Option<String>,
}

/// Everything extracted from one document.
#[derive(Debug, Clone)]
pub(crate) struct Extraction {
    /// The prepared document.
    pub doc: Prepared,
    /// Entity mentions, in text order.
    pub mentions: Vec<Mention>,
    /// In-document entities.
    pub entities: Vec<LocalEntity>,
    /// Time expressions, in text order.
    pub times: Vec<TimeExpr>,
    /// Quantities, in text order.
    pub quantities: Vec<QuantityExpr>,
    /// Direct quotes, in text order.
    pub quotes: Vec<QuoteExpr>,
    /// Event mentions, in text order.
    pub events: Vec<EventMention>,
    /// Claims, in text order.
    pub claims: Vec<ClaimExpr>,
    /// The origin of each claim (same order as `claims`), an interview the article frames
    /// itself as reporting among them.
    pub origins: Vec<provenance::Origin>,
    /// What the document is about, as story clustering weighs it: (hashed term, weight)
    /// sorted by term, read from the token analysis, which is let go once extraction is
    /// done; hashes keep a hundred thousand documents' terms small.
    pub story_terms: Vec<(u64, f64)>,
}

#[cfg(test)]
impl Extraction {
    /// What the stages before events found, as a finished extraction holds it.
    pub(crate) fn found(&self) -> Found<'_> {
        Found {
            doc: &self.doc,
            mentions: &self.mentions,
            entities: &self.entities,
            times: &self.times,
            quantities: &self.quantities,
            quotes: &self.quotes,
        }
    }
}

/// A prepared document with `names` tagged as mentions (every word-bounded occurrence
/// not inside a longer listed name), grouped as the tagger's output would be.
#[cfg(test)]
pub(crate) fn tagged(
    text: &str,
    names: &[(&str, EntityKind)],
) -> (Prepared, Vec<Mention>, Vec<LocalEntity>) {
    let doc = crate::prepare::prepare(crate::input::DocumentInput::text("t", text), None).unwrap();
    let mut spans = Vec::new();
    for &(name, kind) in names {
        for (at, _) in text.match_indices(name) {
            let end = at + name.len();
            let inside_longer = names.iter().any(|&(other, _)| {
                other.len() > name.len()
                    && text
                        .match_indices(other)
                        .any(|(o, _)| o <= at && end <= o + other.len())
            });
            let word_bounded = !text[..at].ends_with(char::is_alphanumeric)
                && !text[end..].starts_with(char::is_alphanumeric);
            if !inside_longer && word_bounded {
                let sentence = doc.analysis.sentences.partition_point(|s| s.end <= at);
                spans.push((at..end, sentence, kind));
            }
        }
    }
    spans.sort_by_key(|(r, _, _)| r.start);
    let (mentions, entities) = mentions::group(&doc.text, spans);
    (doc, mentions, entities)
}
