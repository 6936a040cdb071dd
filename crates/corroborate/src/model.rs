//! The ledger's data model: plain serde types that mirror the JSON contract
//! `corroborate.ledger/1` field for field.
//!
//! Every type here is a value type with public fields, so a caller can read a
//! ledger without learning an accessor API, and every front end (Rust, CLI,
//! Python, C) serializes the same bytes. Field order in each struct is the
//! order the JSON prints, which keeps output byte-for-byte stable.
//!
//! The types are `#[non_exhaustive]`, so that a later version can add a field or a
//! variant without breaking anyone: values come from a built ledger, from JSON, from
//! `Default` or from constructors such as [`Span::new`], never from a struct literal.
//!
//! ```compile_fail,E0639
//! let span = corroborate::model::Span { doc: "a".into(), start: 0, end: 5 };
//! ```
//!
//! ```
//! use corroborate::model::{Ledger, SCHEMA};
//!
//! let empty = Ledger::default();
//! let json = empty.to_json();
//! assert!(json.starts_with(&format!("{{\"schema\":\"{SCHEMA}\"")));
//! assert_eq!(Ledger::from_json(&json).unwrap(), empty);
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

/// The schema tag written into every ledger; bumped only when a field's meaning changes.
pub const SCHEMA: &str = "corroborate.ledger/1";

/// A half-open range of UTF-8 byte offsets into one document's `text`.
///
/// ```
/// use corroborate::model::Span;
/// let span = Span::new("a", 0, 5);
/// assert_eq!(span.slice("Hello world"), Some("Hello"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Span {
    /// The id of the document the offsets index.
    pub doc: String,
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// The span of bytes `start..end` of the document `doc`.
    pub fn new(doc: impl Into<String>, start: usize, end: usize) -> Span {
        Span {
            doc: doc.into(),
            start,
            end,
        }
    }

    /// The spanned text of `text`, or `None` when the offsets do not fit it.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }
}

/// A range of a document judged not to be article body, with a short reason keyword.
///
/// ```
/// use corroborate::model::Removed;
/// let r: Removed = serde_json::from_str(r#"{"start":0,"end":12,"reason":"navigation"}"#).unwrap();
/// assert_eq!(r.end - r.start, 12);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Removed {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
    /// Why the range is not body: `navigation`, `ticker`, `byline`, `comments`, `photo_credit`, …
    pub reason: String,
}

/// One input article as it appears in the ledger.
///
/// ```
/// use corroborate::model::Document;
/// let mut doc = Document::default();
/// doc.id = "a".into();
/// doc.text = "Text.".into();
/// assert!(doc.removed.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// The caller's id, or one derived from the content.
    pub id: String,
    /// The text every span indexes: the input itself for plain text, the extracted body for HTML.
    pub text: String,
    /// Publication date `YYYY-MM-DD`, the anchor for relative times.
    pub published: Option<String>,
    /// The outlet, as given or found in the page.
    #[serde(default)]
    pub source: Option<String>,
    /// The page's address, as given or found in the page.
    #[serde(default)]
    pub url: Option<String>,
    /// The headline, as given or found in the page.
    #[serde(default)]
    pub title: Option<String>,
    /// The byline found in a web page (an extension of the contract).
    #[serde(default)]
    pub author: Option<String>,
    /// Ranges of `text` that are not article body.
    pub removed: Vec<Removed>,
}

/// Documents about one real-world happening; comparisons are made only inside one story.
///
/// ```
/// use corroborate::model::Story;
/// let mut s = Story::default();
/// s.id = "s1".into();
/// s.documents.push("a".into());
/// assert_eq!(s.documents.len(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Story {
    /// Stable id.
    pub id: String,
    /// Ids of the story's documents.
    pub documents: Vec<String>,
    /// A headline for the story, from its documents.
    pub title: Option<String>,
}

/// What kind of thing an entity is.
///
/// ```
/// use corroborate::model::EntityKind;
/// assert_eq!(serde_json::to_string(&EntityKind::Person).unwrap(), "\"person\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, agency, ministry, party, newspaper, …
    Organization,
    /// A country, city, region or facility.
    Location,
    /// Nationalities, events, products and other named things.
    Other,
}

impl EntityKind {
    /// The lowercase keyword the JSON uses.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Other => "other",
        }
    }
}

/// The keyword traits of a type that reads as its keyword (`as_str`): serialized as the
/// plain string, read from any string, shown and ordered as the keyword (so
/// that what the ledger sorts by keyword keeps its order).
macro_rules! keyword {
    ($name:ident) => {
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<$name, D::Error> {
                String::deserialize(deserializer).map($name::from)
            }
        }

        impl From<&str> for $name {
            fn from(keyword: &str) -> $name {
                $name::from(keyword.to_string())
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                self.as_str()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl PartialOrd for $name {
            fn partial_cmp(&self, other: &$name) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $name {
            fn cmp(&self, other: &$name) -> std::cmp::Ordering {
                self.as_str().cmp(other.as_str())
            }
        }
    };
}

/// What kind of happening an event is: a keyword of the event vocabulary, which the
/// data files define (`data/event_triggers.txt`, `data/event_types.txt`; see
/// `docs/events.md`), so no code names one.
///
/// ```
/// use corroborate::model::EventType;
/// let kind = EventType::from("defection");
/// assert_eq!(kind.as_str(), "defection");
/// assert_eq!(serde_json::to_string(&kind).unwrap(), "\"defection\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EventType(String);

impl EventType {
    /// The keyword the JSON uses.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<String> for EventType {
    fn from(keyword: String) -> EventType {
        EventType(keyword)
    }
}

keyword!(EventType);

/// An event type is data, not a closed set, so it compares with the keyword it reads as.
impl PartialEq<&str> for EventType {
    fn eq(&self, keyword: &&str) -> bool {
        self.as_str() == *keyword
    }
}

/// The part a participant plays in an event.
///
/// ```
/// use corroborate::model::Role;
/// assert_eq!(serde_json::to_string(&Role::Destination).unwrap(), "\"destination\"");
/// assert_eq!(Role::from("origin"), Role::Origin);
/// assert_eq!(Role::from("witness"), Role::Other("witness".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Role {
    /// Who does it: the one who defects, arrests, resigns.
    Agent,
    /// Who or what undergoes it: the one arrested, the ship seized.
    Patient,
    /// Where a move starts.
    Origin,
    /// Where a move ends.
    Destination,
    /// Where it happens.
    Place,
    /// Who goes along ("with his wife and son").
    Companions,
    /// The means ("boarded a plane").
    Instrument,
    /// When it happens.
    Time,
    /// A role the data files add, or a ledger of a later version names.
    Other(String),
}

impl Role {
    /// The roles this version gives a meaning.
    const NAMED: [Role; 8] = [
        Role::Agent,
        Role::Patient,
        Role::Origin,
        Role::Destination,
        Role::Place,
        Role::Companions,
        Role::Instrument,
        Role::Time,
    ];

    /// The keyword the JSON uses.
    pub fn as_str(&self) -> &str {
        match self {
            Role::Agent => "agent",
            Role::Patient => "patient",
            Role::Origin => "origin",
            Role::Destination => "destination",
            Role::Place => "place",
            Role::Companions => "companions",
            Role::Instrument => "instrument",
            Role::Time => "time",
            Role::Other(keyword) => keyword,
        }
    }

    /// The named role of `keyword`, if it is one.
    fn named(keyword: &str) -> Option<Role> {
        Role::NAMED
            .into_iter()
            .find(|role| role.as_str() == keyword)
    }
}

impl From<String> for Role {
    fn from(keyword: String) -> Role {
        Role::named(&keyword).unwrap_or(Role::Other(keyword))
    }
}

keyword!(Role);

/// What a claim says of its subject: a family of facts, an event's argument, or what a
/// verb says.
///
/// ```
/// use corroborate::model::{Predicate, Role};
/// assert_eq!(Predicate::from("age"), Predicate::Age);
/// assert_eq!(Predicate::from("destination"), Predicate::Argument(Role::Destination));
/// assert_eq!(Predicate::from("visit"), Predicate::Verb("visit".into()));
/// assert_eq!(serde_json::to_string(&Predicate::Argument(Role::Time)).unwrap(), "\"time\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Predicate {
    /// A person's age.
    Age,
    /// A person's job title ("second secretary").
    Role,
    /// A person's trade, when no title names a post ("diplomat").
    Occupation,
    /// A person's nationality.
    Nationality,
    /// The organization a person belongs to.
    Affiliation,
    /// How many of something there are.
    Count,
    /// How much of something there is, in a unit.
    Amount,
    /// Where a place or a happening lies from a landmark: its distance and direction,
    /// `42 km southwest of Harran`.
    Bearing,
    /// Who or what fills a role of the event the claim is about.
    Argument(Role),
    /// What a verb says of its subject: the verb's lemma, or `LEMMA_time` for when it
    /// happened (see [`Predicate::verb_time`]).
    Verb(String),
}

impl Predicate {
    /// The families this version gives a meaning.
    const FAMILIES: [Predicate; 8] = [
        Predicate::Age,
        Predicate::Role,
        Predicate::Occupation,
        Predicate::Nationality,
        Predicate::Affiliation,
        Predicate::Count,
        Predicate::Amount,
        Predicate::Bearing,
    ];

    /// When what the verb `lemma` says happened.
    ///
    /// ```
    /// use corroborate::model::Predicate;
    /// assert_eq!(Predicate::verb_time("inform").as_str(), "inform_time");
    /// ```
    pub fn verb_time(lemma: &str) -> Predicate {
        Predicate::from(format!("{lemma}_time"))
    }

    /// The keyword the JSON uses.
    pub fn as_str(&self) -> &str {
        match self {
            Predicate::Age => "age",
            Predicate::Role => "role",
            Predicate::Occupation => "occupation",
            Predicate::Nationality => "nationality",
            Predicate::Affiliation => "affiliation",
            Predicate::Count => "count",
            Predicate::Amount => "amount",
            Predicate::Bearing => "bearing",
            Predicate::Argument(role) => role.as_str(),
            Predicate::Verb(keyword) => keyword,
        }
    }
}

/// A keyword reads as a family, then as a named role, then as a verb's, so that one
/// keyword is always one predicate.
impl From<String> for Predicate {
    fn from(keyword: String) -> Predicate {
        if let Some(family) = Predicate::FAMILIES
            .into_iter()
            .find(|f| f.as_str() == keyword)
        {
            return family;
        }
        match Role::named(&keyword) {
            Some(role) => Predicate::Argument(role),
            None => Predicate::Verb(keyword),
        }
    }
}

/// The predicate of an event's argument (a role the data files add reads as a verb's,
/// as its keyword would).
impl From<Role> for Predicate {
    fn from(role: Role) -> Predicate {
        match role {
            Role::Other(keyword) => Predicate::from(keyword),
            named => Predicate::Argument(named),
        }
    }
}

keyword!(Predicate);

/// One real-world person, organization, place or other named thing, across documents.
///
/// ```
/// use corroborate::model::{Entity, EntityKind};
/// let e: Entity = serde_json::from_str(
///     r#"{"id":"e1","kind":"location","name":"Peru","aliases":["Peru"],"mentions":[]}"#,
/// ).unwrap();
/// assert_eq!(e.kind, EntityKind::Location);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entity {
    /// Stable id within the ledger.
    pub id: String,
    /// Person, organization, location or other.
    pub kind: EntityKind,
    /// The canonical name, usually the longest full name.
    pub name: String,
    /// Every distinct surface form seen.
    pub aliases: Vec<String>,
    /// Every mention in every document.
    pub mentions: Vec<Span>,
}

/// One participant of an event.
///
/// ```
/// use corroborate::model::{Argument, Role};
/// let a: Argument =
///     serde_json::from_str(r#"{"role":"destination","entity":null,"text":"South Korea"}"#).unwrap();
/// assert_eq!(a.role, Role::Destination);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Argument {
    /// What the participant does in the event.
    pub role: Role,
    /// The entity that fills the role, when it is one.
    pub entity: Option<String>,
    /// The words that fill the role.
    pub text: String,
}

/// One real happening, across the documents that report it.
///
/// ```
/// use corroborate::model::Event;
/// let json = r#"{"id":"v1","type":"defection","mentions":[],"arguments":[],"time":"2023-11","documents":[]}"#;
/// let e: Event = serde_json::from_str(json).unwrap();
/// assert_eq!(e.kind.as_str(), "defection");
/// assert_eq!(serde_json::to_string(&e).unwrap(), json);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// Stable id within the ledger.
    pub id: String,
    /// A keyword from the event vocabulary (see `docs/events.md`).
    #[serde(rename = "type")]
    pub kind: EventType,
    /// The trigger words, across documents.
    pub mentions: Vec<Span>,
    /// The participants.
    pub arguments: Vec<Argument>,
    /// Normalized time of the happening.
    pub time: Option<String>,
    /// Ids of the documents that report it.
    pub documents: Vec<String>,
}

/// Who a claim is attributed to.
///
/// ```
/// use corroborate::model::Attribution;
/// let a: Attribution =
///     serde_json::from_str(r#"{"entity":null,"text":"officials","cue":"said"}"#).unwrap();
/// assert_eq!(a.cue, "said");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attribution {
    /// The source entity, when resolved.
    pub entity: Option<String>,
    /// The source's words.
    pub text: String,
    /// The reporting verb or phrase.
    pub cue: String,
}

/// A normalized value: a number, or text (times, entity ids and lowercase text are
/// strings), as JSON has them: a `match` on the two needs no wildcard arm.
///
/// ```
/// use corroborate::model::Value;
/// assert_eq!(serde_json::to_string(&Value::Number(47.0)).unwrap(), "47");
/// assert_eq!(serde_json::to_string(&Value::Text("2023-11".into())).unwrap(), "\"2023-11\"");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// A number, printed without a fraction when it is whole.
    #[serde(serialize_with = "serialize_number")]
    Number(f64),
    /// Everything else.
    Text(String),
}

impl Eq for Value {}

impl Value {
    /// A key under which equal values compare equal (numbers by their printed form).
    pub fn key(&self) -> String {
        match self {
            Value::Number(n) => format_number(*n),
            Value::Text(t) => t.clone(),
        }
    }
}

/// Prints a number the way the ledger does: whole numbers without `.0`.
///
/// ```
/// assert_eq!(corroborate::model::format_number(48250.0), "48250");
/// assert_eq!(corroborate::model::format_number(0.79), "0.79");
/// ```
pub fn format_number(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 9.0e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn serialize_number<S: serde::Serializer>(n: &f64, s: S) -> Result<S::Ok, S::Error> {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 9.0e15 {
        s.serialize_i64(*n as i64)
    } else {
        s.serialize_f64(*n)
    }
}

/// One atomic statement a document makes.
///
/// ```
/// use corroborate::model::{Claim, Predicate, Value};
/// let c: Claim = serde_json::from_str(
///     r#"{"id":"c1","doc":"a","start":0,"end":10,"subject":null,"subject_text":"Novak",
///         "predicate":"age","value":47,"value_text":"47","attribution":null,
///         "hedged":false,"negated":false}"#,
/// ).unwrap();
/// assert_eq!(c.predicate, Predicate::Age);
/// assert_eq!(c.value, Value::Number(47.0));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Claim {
    /// Stable id within the ledger.
    pub id: String,
    /// The document that makes the claim.
    pub doc: String,
    /// First byte of the claim's sentence or clause.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The entity or event the claim is about.
    pub subject: Option<String>,
    /// The subject's words.
    pub subject_text: String,
    /// What the claim says of its subject: `age`, `role`, `nationality`, …, an event's
    /// argument, or what a verb says.
    pub predicate: Predicate,
    /// The normalized value.
    pub value: Value,
    /// The value's words.
    pub value_text: String,
    /// Who the claim is attributed to; `None` when the document asserts it itself.
    pub attribution: Option<Attribution>,
    /// Softened by "reportedly", "allegedly", "may", …
    pub hedged: bool,
    /// Denied or negated.
    pub negated: bool,
    /// The time the value holds for, when the text says ("deputy director from 2016 to
    /// 2019": `2016/2019`); absent for a value the text gives no time of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// A direct quotation with its speaker.
///
/// ```
/// use corroborate::model::Quote;
/// let q: Quote = serde_json::from_str(
///     r#"{"doc":"a","start":1,"end":6,"text":"Hello","speaker":null,"speaker_text":null,"cue":"said"}"#,
/// ).unwrap();
/// assert_eq!(q.end - q.start, q.text.len());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quote {
    /// The document.
    pub doc: String,
    /// First byte of the quoted words (inside the marks).
    pub start: usize,
    /// One past their last byte.
    pub end: usize,
    /// The quoted words, without the marks.
    pub text: String,
    /// The speaker entity.
    pub speaker: Option<String>,
    /// The speaker's words in the document.
    pub speaker_text: Option<String>,
    /// The reporting verb or phrase.
    pub cue: Option<String>,
}

/// A number with its unit and what it counts.
///
/// ```
/// use corroborate::model::Quantity;
/// let json = r#"{"doc":"a","start":0,"end":8,"value":48250,"unit":"USD","approximate":false,"bound":null,"counted":null,"time":null,"role":null,"revised":false}"#;
/// let q: Quantity = serde_json::from_str(json).unwrap();
/// assert_eq!(q.value, 48250.0);
/// assert_eq!(serde_json::to_string(&q).unwrap(), json);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quantity {
    /// The document.
    pub doc: String,
    /// First byte of the quantity's words.
    pub start: usize,
    /// One past their last byte.
    pub end: usize,
    /// The number.
    #[serde(serialize_with = "serialize_number")]
    pub value: f64,
    /// `USD`, `t`, `hour`, `percent`, … or `None` for a bare count.
    pub unit: Option<String>,
    /// "around", "about", "dozens", …
    pub approximate: bool,
    /// `at_least` or `at_most`.
    pub bound: Option<String>,
    /// What is counted, lowercase.
    pub counted: Option<String>,
    /// The time the sentence gives the quantity.
    pub time: Option<String>,
    /// The casualty the number counts for the happening reported: `killed`, `injured`,
    /// `missing`, `arrested` or `displaced` ("killed 6 and injured 32": 6 killed, 32
    /// injured); `null` for other counts, a part of a figure ("including 10 children")
    /// and a running total ("since April").
    #[serde(default)]
    pub role: Option<String>,
    /// Whether the document gives the figure as an update of an earlier one ("the death
    /// toll rose to 70"): its latest figure for the role.
    #[serde(default)]
    pub revised: bool,
}

impl Eq for Quantity {}

/// A time expression, normalized against the document's publication date.
///
/// ```
/// use corroborate::model::Time;
/// let t: Time = serde_json::from_str(
///     r#"{"doc":"a","start":0,"end":13,"text":"last November","value":"2023-11"}"#,
/// ).unwrap();
/// assert_eq!(t.value.as_deref(), Some("2023-11"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Time {
    /// The document.
    pub doc: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The words.
    pub text: String,
    /// ISO-8601 value (`2023-11`, `2024-07-16`, `2016/2019`) or `None` when unresolvable.
    pub value: Option<String>,
}

/// An independent origin behind a reading.
///
/// ```
/// use corroborate::model::Source;
/// let s: Source =
///     serde_json::from_str(r#"{"entity":null,"text":"own reporting","documents":["a"]}"#).unwrap();
/// assert_eq!(s.documents.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Source {
    /// The origin entity, when it is one.
    pub entity: Option<String>,
    /// The origin's name.
    pub text: String,
    /// The documents that relay it.
    pub documents: Vec<String>,
}

/// One distinct value given for a question, with the claims and documents behind it.
///
/// ```
/// use corroborate::model::Reading;
/// let r: Reading = serde_json::from_str(r#"{"value":47,"claims":["c1"],"documents":["a"]}"#).unwrap();
/// assert_eq!(r.value.key(), "47");
/// assert!(r.sources.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reading {
    /// The normalized value; an entity's name when the value is an entity.
    pub value: Value,
    /// The entity the value is, when it is one (its id; `value` is its name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Claim ids giving this value.
    pub claims: Vec<String>,
    /// Document ids giving this value.
    pub documents: Vec<String>,
    /// The independent origins behind the reading.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// The cross-source verdict on one question inside one story.
///
/// ```
/// use corroborate::model::{Comparison, Verdict};
/// let c: Comparison = serde_json::from_str(
///     r#"{"story":"s1","subject":"e1","predicate":"age","verdict":"single","readings":[]}"#,
/// ).unwrap();
/// assert_eq!(c.verdict, Verdict::Single);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Comparison {
    /// The story.
    pub story: String,
    /// The entity or event asked about.
    pub subject: String,
    /// The predicate asked about.
    pub predicate: Predicate,
    /// Agree, conflict or single.
    pub verdict: Verdict,
    /// One reading per distinct normalized value.
    pub readings: Vec<Reading>,
}

/// How the sources of a story answer one question. The three verdicts are the whole
/// contract (another would be a new schema), so a `match` on them needs no wildcard arm.
///
/// ```
/// use corroborate::model::Verdict;
/// assert_eq!(Verdict::Conflict.as_str(), "conflict");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Several documents, compatible values.
    Agree,
    /// Incompatible values.
    Conflict,
    /// One document only.
    Single,
}

impl Verdict {
    /// The lowercase keyword the JSON uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Conflict => "conflict",
            Verdict::Single => "single",
        }
    }
}

/// The whole result: what a pile of articles says, traced to byte offsets.
///
/// ```
/// use corroborate::model::Ledger;
/// let ledger = Ledger::default();
/// assert!(ledger.documents.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Ledger {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The input documents.
    pub documents: Vec<Document>,
    /// Documents grouped by happening.
    pub stories: Vec<Story>,
    /// People, organizations, places.
    pub entities: Vec<Entity>,
    /// Happenings with their participants.
    pub events: Vec<Event>,
    /// Atomic statements.
    pub claims: Vec<Claim>,
    /// Direct quotations.
    pub quotes: Vec<Quote>,
    /// Numbers with units.
    pub quantities: Vec<Quantity>,
    /// Time expressions.
    pub times: Vec<Time>,
    /// Cross-source verdicts.
    pub comparisons: Vec<Comparison>,
    /// Inputs that could not be read, when the ledger was built with `keep_going`
    /// (absent from the JSON when there are none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub failures: Vec<Failure>,
}

/// An input that was left out of the ledger, and why.
///
/// ```
/// use corroborate::{DocumentInput, LedgerBuilder};
/// let ledger = LedgerBuilder::new()
///     .keep_going(true)
///     .document(DocumentInput::text("a", "The mayor resigned."))
///     .document(DocumentInput::text("b", " "))
///     .build()?;
/// let f = &ledger.failures[0];
/// assert_eq!((f.input.as_str(), f.code.as_str()), ("b", "empty_document"));
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Failure {
    /// The input's name (path, manifest line or document id).
    pub input: String,
    /// The error's stable keyword (see `Error::code`).
    pub code: String,
    /// The full message.
    pub message: String,
}

impl Default for Ledger {
    fn default() -> Self {
        Ledger {
            schema: SCHEMA.to_string(),
            documents: Vec::new(),
            stories: Vec::new(),
            entities: Vec::new(),
            events: Vec::new(),
            claims: Vec::new(),
            quotes: Vec::new(),
            quantities: Vec::new(),
            times: Vec::new(),
            comparisons: Vec::new(),
            failures: Vec::new(),
        }
    }
}

/// Writes `,"name":[…]` for [`Ledger::write_json`]: runs of items serialized in parallel,
/// a bounded number at a time (so that a ledger is never held twice), written in order.
/// The runs are serialized into `buffers`, kept from one batch and one list to the
/// next: a buffer made anew for every run grew by copying itself some ten times.
fn write_json_list<T: Serialize + Sync>(
    out: &mut impl std::io::Write,
    name: &str,
    items: &[T],
    buffers: &mut Vec<Vec<u8>>,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    /// Items one worker serializes into one buffer.
    const RUN: usize = 128;
    /// Runs serialized before they are written.
    const RUNS_IN_FLIGHT: usize = 32;
    write!(out, ",\"{name}\":[")?;
    for (n, batch) in items.chunks(RUN * RUNS_IN_FLIGHT).enumerate() {
        let runs = batch.len().div_ceil(RUN);
        if buffers.len() < runs {
            buffers.resize_with(runs, Vec::new);
        }
        batch
            .par_chunks(RUN)
            .zip(buffers.par_iter_mut())
            .try_for_each(|(run, buffer)| {
                buffer.clear();
                for (i, item) in run.iter().enumerate() {
                    if i > 0 {
                        buffer.push(b',');
                    }
                    serde_json::to_writer(&mut *buffer, item)?;
                }
                serde_json::Result::Ok(())
            })?;
        for (i, run) in buffers[..runs].iter().enumerate() {
            if n > 0 || i > 0 {
                out.write_all(b",")?;
            }
            out.write_all(run)?;
        }
    }
    out.write_all(b"]")
}

impl Ledger {
    /// The ledger as compact JSON, the interchange form every front end prints.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("ledger types always serialize")
    }

    /// Writes the ledger as compact JSON (the same bytes as [`Ledger::to_json`]) to
    /// `out`, without holding the whole text in memory: a year of news makes a ledger of
    /// hundreds of megabytes.
    ///
    /// ```
    /// let ledger = corroborate::model::Ledger::default();
    /// let mut out = Vec::new();
    /// ledger.write_json(&mut out).unwrap();
    /// assert_eq!(String::from_utf8(out).unwrap(), ledger.to_json());
    /// ```
    ///
    /// The lists are serialized on all cores, a few hundred items at a time, and written
    /// in order: the JSON of a big ledger took as long as resolving its entities.
    pub fn write_json(&self, mut out: impl std::io::Write) -> std::io::Result<()> {
        // Taken apart field by field in declaration order, as the derived `Serialize`
        // writes them (a field added to `Ledger` fails to compile here, and the unit
        // test `written_json_is_the_serialized_json` checks the bytes).
        let Ledger {
            schema,
            documents,
            stories,
            entities,
            events,
            claims,
            quotes,
            quantities,
            times,
            comparisons,
            failures,
        } = self;
        let mut buffers = Vec::new();
        out.write_all(b"{\"schema\":")?;
        serde_json::to_writer(&mut out, schema)?;
        write_json_list(&mut out, "documents", documents, &mut buffers)?;
        write_json_list(&mut out, "stories", stories, &mut buffers)?;
        write_json_list(&mut out, "entities", entities, &mut buffers)?;
        write_json_list(&mut out, "events", events, &mut buffers)?;
        write_json_list(&mut out, "claims", claims, &mut buffers)?;
        write_json_list(&mut out, "quotes", quotes, &mut buffers)?;
        write_json_list(&mut out, "quantities", quantities, &mut buffers)?;
        write_json_list(&mut out, "times", times, &mut buffers)?;
        write_json_list(&mut out, "comparisons", comparisons, &mut buffers)?;
        if !failures.is_empty() {
            write_json_list(&mut out, "failures", failures, &mut buffers)?;
        }
        out.write_all(b"}")
    }

    /// The ledger as indented JSON, for people.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("ledger types always serialize")
    }

    /// Reads a ledger written by [`Ledger::to_json`].
    pub fn from_json(json: &str) -> Result<Ledger, crate::Error> {
        let ledger: Ledger =
            serde_json::from_str(json).map_err(|e| crate::Error::json("ledger", e))?;
        if ledger.schema != SCHEMA {
            return Err(crate::Error::new(crate::ErrorKind::Schema {
                found: ledger.schema,
            }));
        }
        Ok(ledger)
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DocumentInput, LedgerBuilder};

    /// Every list repeated to `n` items, so that the writer's runs and batches split it.
    fn repeated(mut ledger: Ledger, n: usize) -> Ledger {
        fn grow<T: Clone>(items: &mut Vec<T>, n: usize) {
            assert!(!items.is_empty(), "the fixture must fill every list");
            *items = items.iter().cycle().take(n).cloned().collect();
        }
        grow(&mut ledger.documents, n);
        grow(&mut ledger.stories, n);
        grow(&mut ledger.entities, n);
        grow(&mut ledger.events, n);
        grow(&mut ledger.claims, n);
        grow(&mut ledger.quotes, n);
        grow(&mut ledger.quantities, n);
        grow(&mut ledger.times, n);
        grow(&mut ledger.comparisons, n);
        grow(&mut ledger.failures, n);
        ledger
    }

    #[test]
    fn written_json_is_the_serialized_json() {
        let ledger = LedgerBuilder::new()
            .published("2024-07-16")
            .keep_going(true)
            .document(DocumentInput::text(
                "a",
                "Floods killed 12 people in Springfield on Tuesday, police said. \
                 \"We lost everything,\" said Ana Lopez, a farmer.",
            ))
            .document(DocumentInput::text(
                "b",
                "Floods killed 15 people in Springfield on Tuesday, the mayor said.",
            ))
            .document(DocumentInput::text("blank", " "))
            .build()
            .unwrap();
        for n in [1, 2, 129, 5000] {
            let ledger = repeated(ledger.clone(), n);
            let mut written = Vec::new();
            ledger.write_json(&mut written).unwrap();
            assert_eq!(
                String::from_utf8(written).unwrap(),
                ledger.to_json(),
                "{n} items"
            );
        }
        let mut written = Vec::new();
        let without_failures = Ledger {
            failures: Vec::new(),
            ..ledger
        };
        without_failures.write_json(&mut written).unwrap();
        assert_eq!(written, without_failures.to_json().into_bytes());
    }
}
