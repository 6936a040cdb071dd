//! Events: trigger words from the embedded lexicon (`data/event_triggers.txt`) and their
//! participants, found by the syntactic layer and linked to the document's entities,
//! times and (through coreference) pronouns and descriptions.
//!
//! A verb trigger takes its agent from its subject (or from "by …" when passive, its
//! subject then being the patient), its object and prepositional phrases as patient,
//! origin ("from", "out of"), destination ("to", "into"), place ("in", "at"),
//! companions ("with his wife and child") or instrument ("with a knife"). A noun trigger
//! ("his defection", "the release of the ship") takes its possessor and its "of" phrase.
//! Its time is the nearest time expression of its clause, or the sentence's fronted one.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use super::groups::is_group_noun;
use super::syntax::{
    CLAUSE_REACH, Class, Complement, Phrase, Syntax, is_reporting, lowercase_text, names_no_place,
    split_at,
};
use super::{ArgumentExpr, Casualty, EventMention, Found, Mention, TimeExpr, coref};
use crate::lexicon::people::is_person_noun;
use crate::model::{EntityKind, EventType, Role};
use crate::prepare::words::number_at;

/// How a trigger form is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// A verb form that cannot be passive ("defects", "fleeing").
    Verb,
    /// A past participle ("seized"), passive after "was".
    Participle,
    /// A nominalization ("defection").
    Noun,
}

/// One lexicon entry for a trigger word.
#[derive(Debug, Clone, Copy)]
struct Entry {
    kind: &'static str,
    object: Option<&'static str>,
    form: Form,
    needs: &'static str,
}

fn lexicon() -> &'static crate::lexicon::Map<Vec<Entry>> {
    static MAP: OnceLock<crate::lexicon::Map<Vec<Entry>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: crate::lexicon::Map<Vec<Entry>> = crate::lexicon::Map::default();
        for fields in crate::lexicon::fields(include_str!("../../data/event_triggers.txt")) {
            let [kind, object, verbs, nouns, rest @ ..] = fields.as_slice() else {
                continue;
            };
            let object = (*object != "-").then_some(*object);
            let needs = rest.first().copied().unwrap_or("");
            let entry = |form| Entry {
                kind,
                object,
                form,
                needs,
            };
            for verb in verbs.split_whitespace().filter(|v| *v != "-") {
                let (word, form) = match verb.strip_suffix('+') {
                    Some(word) => (word, Form::Participle),
                    None => (verb, Form::Verb),
                };
                map.entry(word).or_default().push(entry(form));
            }
            for noun in nouns.split_whitespace().filter(|n| *n != "-") {
                map.entry(noun).or_default().push(entry(Form::Noun));
            }
        }
        for fields in crate::lexicon::fields(include_str!("../../data/event_lemmas.txt")) {
            let [kind, object, verbs, nouns] = fields[..] else {
                continue;
            };
            let object = (object != "-").then_some(object);
            let entry = |form| Entry {
                kind,
                object,
                form,
                needs: "",
            };
            for verb in verbs.split_whitespace().filter(|v| *v != "-") {
                for (word, form) in verb_forms(verb) {
                    add(&mut map, word, entry(form));
                }
            }
            for noun in nouns.split_whitespace().filter(|n| *n != "-") {
                for word in [Cow::Borrowed(noun), Cow::Owned(plural(noun))] {
                    add(&mut map, word, entry(Form::Noun));
                }
            }
        }
        map
    })
}

/// Adds `entry` under `word`. A word made by rule that is not yet a key is kept for the
/// life of the process, as the lexicon's own words are; one already a key is dropped
/// (leaking it would leave memory nothing points to).
fn add(map: &mut crate::lexicon::Map<Vec<Entry>>, word: Cow<'static, str>, entry: Entry) {
    if let Some(entries) = map.get_mut(&*word) {
        entries.push(entry);
        return;
    }
    let key = match word {
        Cow::Borrowed(word) => word,
        Cow::Owned(word) => Box::leak(word.into_boxed_str()),
    };
    map.insert(key, vec![entry]);
}

/// Whether a word ends in a consonant then "y" ("deny", not "play").
fn consonant_y(word: &str) -> bool {
    let mut end = word.chars().rev();
    end.next() == Some('y') && end.next().is_some_and(|c| !"aeiou".contains(c))
}

/// The plural of a noun, or the third person of a verb, by English spelling rules.
fn plural(word: &str) -> String {
    if consonant_y(word) {
        format!("{}ies", &word[..word.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| word.ends_with(e))
    {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

/// Every form of a verb written `lemma[/past[/participle[/ing]]]` in
/// `data/event_lemmas.txt`: the lemma, third person and -ing form as plain verb forms,
/// the past participle (which can be passive) and a different simple past.
fn verb_forms(spec: &'static str) -> Vec<(Cow<'static, str>, Form)> {
    let mut parts = spec.split('/');
    let lemma = parts.next().unwrap_or(spec);
    let given: Vec<&'static str> = parts.collect();
    let stem = lemma.strip_suffix('e');
    let regular_past = if consonant_y(lemma) {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else if stem.is_some() {
        format!("{lemma}d")
    } else {
        format!("{lemma}ed")
    };
    let past: Cow<'static, str> = given
        .first()
        .map_or(Cow::Owned(regular_past), |p| Cow::Borrowed(*p));
    let participle: Cow<'static, str> = given
        .get(1)
        .map_or_else(|| past.clone(), |p| Cow::Borrowed(*p));
    let ing = match given.get(2) {
        Some(ing) => ing.to_string(),
        // "stop/stopped" doubles its consonant: "stopping".
        None if past.ends_with("ed") && !lemma.ends_with("ed") && {
            let b = past.as_bytes();
            b.len() > lemma.len() + 2 && b[b.len() - 3] == b[b.len() - 4]
        } =>
        {
            format!("{}ing", &past[..past.len() - 2])
        }
        None => match stem {
            Some(stem) if stem.ends_with('i') => format!("{}ying", &stem[..stem.len() - 1]),
            Some(stem) if !stem.ends_with(['e', 'y', 'o']) => format!("{stem}ing"),
            _ => format!("{lemma}ing"),
        },
    };
    let past_differs = past != participle;
    let mut forms = vec![
        (Cow::Borrowed(lemma), Form::Verb),
        (Cow::Owned(plural(lemma)), Form::Verb),
        (Cow::Owned(ing), Form::Verb),
        (participle, Form::Participle),
    ];
    if past_differs {
        forms.push((past, Form::Verb));
    }
    forms
}

crate::lexicon::lazy! {
    /// Canonical forms of kin and companion words (`data/kin_words.txt`).
    pub(crate) fn kin_words() -> crate::lexicon::Map<&'static str> = {
        crate::lexicon::fields(include_str!("../../data/kin_words.txt"))
            .filter_map(|f| Some((f[0], *f.get(1)?)))
            .collect()
    };
}

/// The properties of an event type (`data/event_types.txt`).
#[derive(Debug, Clone, Copy, Default)]
struct TypeInfo {
    /// Its participants move: "to" gives them a destination.
    moves: bool,
    /// For a journey, the type it tells again when its agent did such a thing.
    retells: Option<&'static str>,
    /// Part of too many stories to tell one from another.
    commonplace: bool,
    /// Which mentions of the type may be one happening.
    joins: Joins,
}

/// Which mentions of one event type may tell one happening (the `joins` column of
/// `data/event_types.txt`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Joins {
    /// Any two, whatever their trigger ("killed" and "the murder").
    #[default]
    Type,
    /// Only mentions of one lemma ("went" and "left" are both `movement`, rarely the
    /// same happening).
    Lemma,
    /// Only mentions of one lemma in one document: two outlets' "said" are two
    /// statements, each outlet's own report.
    Document,
}

fn type_info(kind: &str) -> TypeInfo {
    static MAP: OnceLock<crate::lexicon::Map<TypeInfo>> = OnceLock::new();
    MAP.get_or_init(|| {
        crate::lexicon::fields(include_str!("../../data/event_types.txt"))
            .filter_map(|f| {
                let [kind, moves, retells, commonplace, joins] = f[..] else {
                    return None;
                };
                let info = TypeInfo {
                    moves: moves == "yes",
                    retells: (retells != "-").then_some(retells),
                    commonplace: commonplace == "yes",
                    joins: match joins {
                        "lemma" => Joins::Lemma,
                        "document" => Joins::Document,
                        _ => Joins::Type,
                    },
                };
                Some((kind, info))
            })
            .collect()
    })
    .get(kind)
    .copied()
    .unwrap_or_default()
}

/// Event types whose participants move: "to" gives them a destination.
fn moves(kind: &str) -> bool {
    type_info(kind).moves
}

/// Event types too common in any news to tell one story from another: someone flying
/// somewhere is part of many stories and the subject of few.
pub(crate) fn is_commonplace(kind: &str) -> bool {
    type_info(kind).commonplace
}

/// Which mentions of an event type may tell one happening; an unlisted type's
/// mentions join by type.
pub(crate) fn joins(kind: &str) -> Joins {
    type_info(kind).joins
}

/// Whether an event type is an everyday happening coded by its verb ("went",
/// "helped", an unlisted verb's `occurrence`) rather than one of the families of news
/// events: the broad types are exactly those not joined by type. Claims still read the
/// clause of such an event on their own.
pub(crate) fn is_everyday(kind: &str) -> bool {
    joins(kind) != Joins::Type
}

/// The lexicon entry that fits the word at `at`, deciding noun or verb from the word
/// before it ("his escape" is a noun, "to escape" a verb).
fn entry_at(syntax: &Syntax, at: usize) -> Option<Entry> {
    let word = &syntax.words[at];
    // The sentence's first word, a dateline before it aside, may be capitalized as such.
    let opens = syntax.classes[..at].iter().all(|c| *c == Class::Time);
    let named = syntax.classes[at] == Class::Name && !opens && !syntax.headline;
    // A capitalized verb right before a figure takes it as its object, as a title-case
    // headline writes it ("Raids Kill 40", "Attacks Claim 20 Martyrs"), and is no name.
    let verb_before_figure = named && syntax.classes.get(at + 1) == Some(&Class::Number);
    if named && !verb_before_figure && !names_a_happening(syntax, at) {
        return None; // part of a name ("Victory Day", "Freedom Party")
    }
    if syntax.classes[at] == Class::Time {
        return None; // part of a time ("in March", "the fall of 2008")
    }
    let Some(entries) = lexicon().get(word.low.as_str()) else {
        return unlisted_at(syntax, at);
    };
    if entries.iter().any(|e| e.kind == NO_EVENT) {
        return None;
    }
    let before = at.checked_sub(1).map(|i| syntax.classes[i]);
    let nominal = !verb_before_figure
        && matches!(
            before,
            Some(
                Class::Det
                    | Class::Poss
                    | Class::Clitic
                    | Class::Content
                    | Class::Name
                    | Class::Number
            )
        );
    // An entry that needs a word nearby ("restored" + "relations") gives way to
    // another sense of the word when the word is not there ("restored power").
    let window = &syntax.words[at + 1..(at + 6).min(syntax.words.len())];
    let needs_met = |e: &Entry| {
        e.needs.is_empty()
            || window
                .iter()
                .any(|w| e.needs.split('|').any(|n| n == w.low))
    };
    let pick = |noun: bool| {
        entries
            .iter()
            .copied()
            .filter(needs_met)
            .find(|e| (e.form == Form::Noun) == noun)
    };
    let entry = if nominal {
        pick(true).or_else(|| pick(false))
    } else {
        pick(false).or_else(|| pick(true))
    }?;
    // A verb form right after a determiner or a number is a noun or an adjective of
    // another sense ("the free world", "90,000 bags"), unless it is a participle
    // ("the detained captain").
    let determined = matches!(
        before,
        Some(Class::Det | Class::Poss | Class::Number | Class::Clitic)
    );
    if (determined && entry.form == Form::Verb) || (verb_before_figure && entry.form == Form::Noun)
    {
        return None;
    }
    // "death penalty", "arrest warrant": the trigger only qualifies the noun after it,
    // and no death or arrest has happened.
    let qualifies = entry.form == Form::Noun
        && syntax
            .words
            .get(at + 1)
            .is_some_and(|next| unrealized_heads().contains(next.low.as_str()));
    (!qualifies && !avoids(syntax, at, &entry)).then_some(entry)
}

/// Whether a verb whose object is the place left ("fled the country") is about
/// something avoided instead: a thing of `data/avoided_things.txt` in the two words
/// after it ("escaped conviction", "escaped serious injury") or a gerund ("escaped
/// being buried").
fn avoids(syntax: &Syntax, at: usize, entry: &Entry) -> bool {
    let leaves = entry.form != Form::Noun && entry.object == Some("origin");
    let next = (at + 1..(at + 3).min(syntax.words.len()))
        .map(|i| (syntax.words[i].low.as_str(), syntax.classes[i]));
    leaves
        && next.enumerate().any(|(n, (low, class))| {
            avoided_things().contains(low)
                || (n == 0 && matches!(class, Class::Verb | Class::Aux) && low.ends_with("ing"))
        })
}

crate::lexicon::lazy! {
    /// `data/avoided_things.txt`.
    fn avoided_things() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/avoided_things.txt")).collect();
}

crate::lexicon::lazy! {
    /// `data/unrealized_heads.txt`.
    fn unrealized_heads() -> crate::lexicon::Set = crate::lexicon::lines(include_str!("../../data/unrealized_heads.txt")).collect();
}

/// Whether the capitalized word at `at`, which the lexicon lists as a noun, names a
/// happening rather than part of an organisation's or a day's name: an acronym in
/// capitals ("arrested on suspicion of DUI"), or a plural that ends a name of two words
/// or more ("hosts the Tarsk Film Awards", "the Winter Games"), as the name of a
/// ceremony, a contest or a round of talks ends in the happening's noun, while an
/// organisation's keeps its noun before another ("the Elections Commission").
fn names_a_happening(syntax: &Syntax, at: usize) -> bool {
    let word = &syntax.words[at];
    let raw = word.raw();
    let noun = || {
        lexicon()
            .get(word.low.as_str())
            .is_some_and(|entries| entries.iter().any(|e| e.form == Form::Noun))
    };
    let acronym = raw.len() > 1 && raw.bytes().all(|b| b.is_ascii_uppercase());
    let plural = word.low.ends_with('s') && !word.low.ends_with("ss");
    let ends_name = at
        .checked_sub(1)
        .is_some_and(|i| syntax.classes[i] == Class::Name)
        && syntax.classes.get(at + 1) != Some(&Class::Name);
    (acronym || plural && ends_name) && noun()
}

/// The type of the lemmas of `data/event_lemmas.txt` that are never triggers, so that
/// their verb-like forms ("including", "hundred") are not taken for happenings.
const NO_EVENT: &str = "-";

/// The entry of a word the trigger lists do not hold: a reporting verb is a
/// `statement`, any other verb form (a known irregular verb, a word in -ed or -ing) an
/// `occurrence` whose direct object is its patient — every reported happening is coded,
/// even one no list foresaw. A verb form after a determiner is a noun or an adjective
/// ("the following day"), unless a participle ("the wounded officer").
fn unlisted_at(syntax: &Syntax, at: usize) -> Option<Entry> {
    let low = syntax.words[at].low.as_str();
    if syntax.classes[at] != Class::Verb && !is_base_verb(syntax, at) {
        return None;
    }
    let form = if low.ends_with("ed") || low.ends_with("en") {
        Form::Participle
    } else {
        Form::Verb
    };
    let determined = at.checked_sub(1).is_some_and(|i| {
        matches!(
            syntax.classes[i],
            Class::Det | Class::Poss | Class::Number | Class::Clitic
        )
    });
    if determined && form == Form::Verb {
        return None;
    }
    let (kind, object) = if is_reporting(low) {
        ("statement", None)
    } else {
        ("occurrence", Some("patient"))
    };
    Some(Entry {
        kind,
        object,
        form,
        needs: "",
    })
}

crate::lexicon::lazy! {
    /// Words after which a plain word is a verb in its base form (`data/verb_openers.txt`).
    fn verb_openers() -> crate::lexicon::Set = {
        crate::lexicon::lines(include_str!("../../data/verb_openers.txt")).collect()
    };
}

/// Whether the plain word at `at` is a verb in its base form: it follows a modal, "do"
/// or "to" ([`verb_openers`]), adverbs and negation between them skipped ("will
/// remain", "did not attend", "to serve"). The tagger knows a verb only by its ending
/// or a list, and the base form has neither. A plural ("to reporters"), a number word
/// ("to one") and a noun for people ("according to police", "to a rival") are nouns.
fn is_base_verb(syntax: &Syntax, at: usize) -> bool {
    let low = syntax.words[at].low.as_str();
    let plural = low.ends_with('s') && !low.ends_with("ss");
    if syntax.classes[at] != Class::Content
        || !low.chars().all(|c| c.is_ascii_lowercase())
        || plural
    {
        return false;
    }
    // The opener before the word is asked before the noun tests: few words follow one,
    // and those tests look the word up in several tables (every plain word came here).
    let opened = syntax.words[..at]
        .iter()
        .zip(&syntax.classes[..at])
        .rev()
        .find(|(_, class)| !matches!(class, Class::Adv | Class::Neg))
        .is_some_and(|(word, _)| verb_openers().contains(word.low.as_str()));
    opened && number_at(&syntax.words, at).is_none() && !is_person_noun(low) && !is_group_noun(low)
}

/// Finds the event mentions of a document whose mentions, entities and times are known,
/// reading its body `sentences` (see [`super::syntax::body_sentences`]).
pub(crate) fn find(x: &Found, sentences: &[(usize, Syntax<'_>)]) -> Vec<EventMention> {
    let mut found = Vec::new();
    let headlines = HeadlineVerbs::of(sentences);
    for (k, (sentence, syntax)) in sentences.iter().enumerate() {
        let sentence = *sentence;
        let times: Vec<&TimeExpr> = super::in_sentence(x.times, sentence, |t| t.sentence)
            .iter()
            .collect();
        let linker = Linker { x, syntax };
        let headline_like = syntax.headline || k < headlines.opening_lines;
        let triggers: Vec<Trigger> = (0..syntax.words.len())
            .filter_map(|at| {
                let entry = entry_at(syntax, at).or_else(|| {
                    headline_like
                        .then(|| headlines.entry_at(syntax, at))
                        .flatten()
                })?;
                // A participle after a determiner or a number modifies a noun ("the
                // wounded officer", "355 damaged shops").
                let attributive = entry.form == Form::Participle
                    && at.checked_sub(1).is_some_and(|i| {
                        matches!(
                            syntax.classes[i],
                            Class::Det | Class::Poss | Class::Number | Class::Clitic
                        )
                    });
                Some(Trigger {
                    at,
                    entry,
                    nominal: entry.form == Form::Noun || attributive,
                })
            })
            .collect();
        for trigger in &triggers {
            let (at, entry) = (trigger.at, trigger.entry);
            let mut event = EventMention {
                kind: EventType::from(entry.kind),
                trigger: syntax.words[at].span.clone(),
                nominal: trigger.nominal,
                sentence,
                arguments: Vec::new(),
                time: None,
            };
            linker.arguments(&mut event, at, entry);
            if let Some(time) = event_time(syntax, &times, trigger, &triggers) {
                event.time = time.value.clone();
                event.arguments.push(ArgumentExpr {
                    role: Role::Time,
                    entity: None,
                    span: time.span.clone(),
                    value: time.value.clone().unwrap_or_default(),
                    kin_of: None,
                });
            }
            found.push(event);
        }
    }
    join_journeys(&mut found);
    found
}

/// What a document tells of its headline verbs: a headline writes its happening in the
/// present ("Navy foils attack", "Star Checks Into Clinic"), a form the tagger, which
/// knows verbs by "-ed" and "-ing", reads as a noun.
struct HeadlineVerbs<'s, 't> {
    /// How many body sentences open the document before its first sentence that ends
    /// in a full stop, question or exclamation mark: its headline, dateline and the like.
    opening_lines: usize,
    /// The document's sentences, read for [`HeadlineVerbs::verb_stems`].
    sentences: &'s [(usize, Syntax<'t>)],
    /// The stems (see [`super::headlines::stem`]) of the words the document uses as
    /// verbs ("checked", "foiling"): gathered only when a headline word needs them,
    /// since most documents have none.
    verb_stems: std::cell::OnceCell<crate::hashing::HashSet<String>>,
}

impl<'s, 't> HeadlineVerbs<'s, 't> {
    fn of(sentences: &'s [(usize, Syntax<'t>)]) -> HeadlineVerbs<'s, 't> {
        let ends_sentence = |syntax: &Syntax| {
            syntax
                .words
                .last()
                .is_some_and(|w| matches!(w.low.as_str(), "." | "!" | "?"))
        };
        let opening_lines = sentences
            .iter()
            .position(|(_, syntax)| ends_sentence(syntax))
            .unwrap_or(sentences.len());
        HeadlineVerbs {
            opening_lines,
            sentences,
            verb_stems: std::cell::OnceCell::new(),
        }
    }

    /// The stems of the words the document uses as verbs, gathered on first use.
    fn verb_stems(&self) -> &crate::hashing::HashSet<String> {
        self.verb_stems.get_or_init(|| {
            self.sentences
                .iter()
                .flat_map(|(_, syntax)| {
                    syntax
                        .words
                        .iter()
                        .zip(&syntax.classes)
                        .filter(|(_, class)| **class == Class::Verb)
                        .map(|(word, _)| super::headlines::stem(&word.low).to_string())
                })
                .collect()
        })
    }

    /// The entry of a headline's present-tense verb: a word in "-s" right after a name
    /// or a noun whose lemma is a trigger verb ("foils" of "foil"), or which the
    /// document writes as a verb elsewhere ("checks" after "checked"), then an
    /// `occurrence` as any other verb no list foresaw.
    fn entry_at(&self, syntax: &Syntax, at: usize) -> Option<Entry> {
        let low = syntax.words[at].low.as_str();
        let after_noun = at
            .checked_sub(1)
            .is_some_and(|i| matches!(syntax.classes[i], Class::Name | Class::Content));
        // A word the lexicon holds has had its say in `entry_at`.
        if !after_noun || !low.ends_with('s') || low.ends_with("ss") || lexicon().contains_key(low)
        {
            return None;
        }
        let lemmas = [
            low.strip_suffix("ies").map(|stem| format!("{stem}y")),
            low.strip_suffix("es").map(str::to_string),
            low.strip_suffix('s').map(str::to_string),
        ];
        let listed = lemmas.iter().flatten().find_map(|lemma| {
            lexicon()
                .get(lemma.as_str())?
                .iter()
                .copied()
                .find(|e| e.form == Form::Verb && e.needs.is_empty())
        });
        if listed.is_some_and(|e| e.kind == NO_EVENT) {
            return None;
        }
        listed.or_else(|| {
            self.verb_stems()
                .contains(super::headlines::stem(low))
                .then_some(Entry {
                    kind: "occurrence",
                    object: Some("patient"),
                    form: Form::Verb,
                    needs: "",
                })
        })
    }
}

/// A journey told of someone whose defection the same article reports ("he boarded a
/// plane with his wife and children") is that defection told again: it takes the
/// defection's type, so that its companions and destination count as the defection's.
/// A journey of anyone else stays a `travel` event of its own. Which types a journey
/// retells is the `retells` column of `data/event_types.txt`.
fn join_journeys(events: &mut [EventMention]) {
    let agent = |e: &EventMention| {
        e.arguments
            .iter()
            .find(|a| a.role == Role::Agent)
            .and_then(|a| a.entity)
    };
    let agents: Vec<(EventType, usize)> = events
        .iter()
        .filter_map(|e| Some((e.kind.clone(), agent(e)?)))
        .collect();
    for event in events.iter_mut() {
        let Some(retold) = type_info(&event.kind).retells else {
            continue;
        };
        let did_it =
            agent(event).is_some_and(|a| agents.iter().any(|(k, b)| *k == retold && *b == a));
        if did_it {
            event.kind = EventType::from(retold);
        }
    }
}

/// A word of a sentence that triggers an event.
struct Trigger {
    /// The word's index in the sentence.
    at: usize,
    /// What the lexicon says of it.
    entry: Entry,
    /// Whether it names the happening as a noun ("the attack", "the wounded officer").
    nominal: bool,
}

/// The time expression dating the event of `trigger`, one of the sentence's `triggers`:
/// the nearest in its clause (not one opened by "since" or "until", which bound a span),
/// unless the time belongs to another of the sentence's events, or else a time fronted
/// at the sentence's start ("In 2013, …"). A time before a noun ("a 2004 assault
/// conviction") dates that noun's happening and no other; a noun's happening is not
/// dated by an earlier time that another event word stands between ("went back to jail
/// in 2006 to serve a sentence for assault"), nor by the time of a verb it is the charge
/// of ("convicted in June 2004 of assault": the conviction's date, not the assault's).
fn event_time<'t>(
    syntax: &Syntax,
    times: &[&'t TimeExpr],
    trigger: &Trigger,
    triggers: &[Trigger],
) -> Option<&'t TimeExpr> {
    let at = trigger.at;
    let start = syntax.clause_start(at);
    let end = clause_end(syntax, at);
    let word_of = |t: &TimeExpr| {
        let i = syntax
            .words
            .partition_point(|w| w.span.start < t.span.start);
        (i < syntax.words.len()).then_some(i)
    };
    // "since 2016" bounds a span; "said on Tuesday" dates the report.
    let bounded = |i: usize| {
        let mut before = i;
        while before > 0 && matches!(syntax.words[before - 1].low.as_str(), "the" | "on" | "in") {
            before -= 1;
        }
        before > 0 && {
            let word = syntax.words[before - 1].low.as_str();
            matches!(word, "since" | "until" | "from") || is_reporting(word)
        }
    };
    let is_trigger = |i: usize| triggers.binary_search_by_key(&i, |t| t.at).is_ok();
    // The noun a time stands before inside a noun phrase: "a 2004 aggravated assault
    // conviction", "the March 2011 uprising".
    let premodified = |t: &TimeExpr| {
        let words = syntax.words_in(&t.span);
        let opened = words.start > 0
            && matches!(
                syntax.classes[words.start - 1],
                Class::Det | Class::Poss | Class::Clitic
            );
        let head = syntax.phrase_through_time(words.start)?.head;
        (opened && head >= words.end).then_some(head)
    };
    let belongs_elsewhere = |i: usize, t: &TimeExpr| {
        if let Some(head) = premodified(t).filter(|&head| is_trigger(head)) {
            return head != at;
        }
        // A time after the noun is its own ("the war erupted five years ago", "an
        // attack on a market on Tuesday killed 12"); one opening the sentence (a
        // dateline, "On Tuesday") dates all it tells.
        if !trigger.nominal || i > at || i <= 1 {
            return false;
        }
        // The words of the noun's compound are not other happenings ("a barrel bomb
        // attack"). This walk and the next stop at the time word at the latest.
        let compound = (0..at)
            .rev()
            .take_while(|&k| matches!(syntax.classes[k], Class::Content | Class::Name))
            .last()
            .unwrap_or(at);
        // The triggers are in word order: those before the time and those from it on.
        let (before_time, from_time) = triggers.split_at(triggers.partition_point(|t| t.at < i));
        let between = from_time.first().is_some_and(|other| other.at < compound);
        // "convicted in June 2004 of assault", "arrested on Tuesday for the murder":
        // the charge is another, earlier happening; "killed on Thursday in an attack"
        // is the attack's day too.
        let charge = (0..at)
            .rev()
            .find(|&k| {
                !matches!(
                    syntax.classes[k],
                    Class::Content | Class::Name | Class::Det | Class::Poss | Class::Verb
                )
            })
            .is_some_and(|k| matches!(syntax.words[k].low.as_str(), "of" | "for"));
        let verb_before = before_time
            .last()
            .is_some_and(|verb| !verb.nominal && verb.at >= start);
        between || (charge && verb_before)
    };
    let nearest = times
        .iter()
        .filter_map(|t| Some((word_of(t)?, *t)))
        .filter(|&(i, _)| (start..end).contains(&i) && !bounded(i))
        .min_by_key(|&(i, _)| i.abs_diff(at));
    if let Some((i, t)) = nearest {
        return (!belongs_elsewhere(i, t)).then_some(t);
    }
    // "On Tuesday, ...": an opening time dates the whole sentence.
    times
        .iter()
        .filter_map(|t| Some((word_of(t)?, *t)))
        .find(|&(i, _)| i <= 1 && syntax.words.iter().skip(i).take(6).any(|w| w.low == ","))
        .map(|(_, t)| t)
}

/// One past the last word of the clause holding word `at`: the next relative pronoun,
/// subordinator (or preposition opening a clause), semicolon or the sentence end.
fn clause_end(syntax: &Syntax, at: usize) -> usize {
    let limit = syntax.words.len().min(at + 1 + CLAUSE_REACH);
    (at + 1..limit)
        .find(|&i| {
            matches!(syntax.classes[i], Class::Rel | Class::Sub)
                || opens_a_clause(syntax, i)
                || syntax.comma_conjunction(i)
                || matches!(syntax.words[i].low.as_str(), ";" | ":" | "\"")
        })
        .unwrap_or(limit)
}

/// Whether word `at` is a preposition of time opening a clause with a subject of its own
/// ("killed the pilot after he was forced to eject on Friday"): the day, and any place,
/// after it are the ejection's, not the killing's. Only a subject pronoun tells the
/// clause for sure; "after the raid on Friday" is a phrase of the main clause.
fn opens_a_clause(syntax: &Syntax, at: usize) -> bool {
    matches!(
        syntax.words[at].low.as_str(),
        "after" | "before" | "until" | "till" | "once"
    ) && syntax
        .words
        .get(at + 1)
        .is_some_and(|w| matches!(w.low.as_str(), "he" | "she" | "they" | "we" | "i"))
}

/// Links phrases of one sentence to the document's entities.
pub(crate) struct Linker<'a> {
    /// What the stages before events found in the document.
    pub x: &'a Found<'a>,
    /// The sentence.
    pub syntax: &'a Syntax<'a>,
}

impl Linker<'_> {
    /// The entity a phrase refers to: a mention inside it (of the first `preferred`
    /// kind found, or holding its head), else what coreference makes of a pronoun or a
    /// description ("a Czech diplomat" is a description, not "North Korean").
    pub(crate) fn refer(&self, phrase: &Phrase, preferred: &[EntityKind]) -> Option<usize> {
        let span = self.syntax.span(&phrase.words);
        self.entity_of(phrase, preferred).or_else(|| {
            coref::described(self.x.doc, self.x.mentions, self.x.entities, &span).or_else(|| {
                coref::lede_description(self.x.doc, self.x.mentions, self.x.entities, &span)
            })
        })
    }

    /// Fills the arguments of the event whose trigger is word `at`.
    fn arguments(&self, event: &mut EventMention, at: usize, entry: Entry) {
        let s = self.syntax;
        let mut complements = s.complements(at);
        let mut agent_phrase = None;
        match entry.form {
            Form::Noun => {
                if let Some(owner) = s.possessor(at) {
                    agent_phrase = Some(owner.clone());
                    self.push(event, Role::Agent, &owner);
                }
                complements.retain(|c| !c.prep.is_empty());
                complements.extend(self.relative_continuation(&complements, at));
            }
            Form::Verb | Form::Participle => {
                let group = s.verb_group_start(at);
                let passive = entry.form == Form::Participle && s.is_passive(at);
                if let Some(subject) = s.subject(group) {
                    agent_phrase = Some(subject.clone());
                    let role = if passive { Role::Patient } else { Role::Agent };
                    self.push_split(event, role, &subject);
                    if !passive && moves(&event.kind) {
                        self.locative_origin(event, subject.words.end, group);
                    }
                }
                if passive {
                    complements.retain(|c| !c.prep.is_empty());
                }
                if moves(&event.kind) {
                    let end = complements.last().map_or(at + 1, |c| c.phrase.words.end);
                    self.left_behind(event, end);
                }
            }
        }
        if entry.form == Form::Noun && matches!(entry.kind, "death" | "killing") {
            self.toll_update(event, at);
        }
        for (k, c) in complements.iter().enumerate() {
            let role = match c.prep.as_str() {
                "" => entry.object.map(Role::from),
                // "the establishment of relations": the required word, not a party —
                // unless the lexicon says what the "of" phrase fills ("the passing of
                // his mother": who died).
                "of" if !entry.needs.is_empty() && entry.object.is_none() => None,
                "of" if entry.form == Form::Noun => Some(match entry.object.map(Role::from) {
                    Some(role @ (Role::Patient | Role::Agent)) => role,
                    _ if agent_phrase.is_some() => Role::Patient,
                    _ => Role::Agent,
                }),
                "by" if entry.form != Form::Verb => Some(Role::Agent),
                "between" => Some(Role::Agent),
                "against" => Some(Role::Patient),
                // Only a journey has an origin and a destination: "convicted of assault
                // out of Tarsk County" names a court's county, "died from wounds" a
                // cause.
                "from" | "out of" | "away from"
                    if moves(&event.kind) && !self.after_journey(&complements, k) =>
                {
                    Some(Role::Origin)
                }
                "to" | "into" | "toward" | "towards"
                    if moves(&event.kind) && !self.after_journey(&complements, k) =>
                {
                    Some(Role::Destination)
                }
                "in" | "at" | "near" | "inside" | "outside"
                    if !names_no_place(&self.syntax.words[c.phrase.head].low) =>
                {
                    self.refine_previous(event, &complements, k);
                    // Only the first place is the event's: a later one belongs to the
                    // phrase before it ("treatment in Lima for lack of doctors in Quito").
                    (!event.arguments.iter().any(|a| a.role == Role::Place)).then_some(Role::Place)
                }
                "with" | "alongside" | "together with" => Some(if self.is_people(&c.phrase) {
                    Role::Companions
                } else {
                    Role::Instrument
                }),
                _ => None,
            };
            if let Some(role) = role {
                if matches!(role, Role::Agent | Role::Patient) {
                    self.push_split(event, role, &c.phrase);
                } else {
                    self.push(event, role, &c.phrase);
                }
            }
        }
    }

    /// "the death toll from the raids rose to 12 people": the figure a toll of deaths
    /// rises to in its clause counts the dead, its patients.
    fn toll_update(&self, event: &mut EventMention, at: usize) {
        let s = self.syntax;
        if s.words.get(at + 1).is_none_or(|w| w.low != "toll") {
            return;
        }
        let (from, to) = (s.words[at].span.end, clause_end(s, at));
        let update = super::in_sentence(self.x.quantities, event.sentence, |q| q.sentence)
            .iter()
            .find(|q| {
                q.revised
                    && q.role == Some(Casualty::Killed)
                    && q.span.start > from
                    && s.words_in(&q.span).start < to
            });
        if let Some(phrase) = update.and_then(|q| s.phrase_at(s.words_in(&q.span).start, false)) {
            self.push(event, Role::Patient, &phrase);
        }
    }

    /// The complements of a relative clause describing an event noun: "his escape,
    /// which involved flying out of Peru with his wife" adds "out of Peru", "with …".
    fn relative_continuation(&self, complements: &[Complement], at: usize) -> Vec<Complement> {
        let s = self.syntax;
        let end = complements.last().map_or(at + 1, |c| c.phrase.words.end);
        let comma = s.words.get(end).is_some_and(|w| w.low == ",");
        let rel = s.classes.get(end + 1) == Some(&Class::Rel);
        if !(comma && rel) {
            return Vec::new();
        }
        let mut verb = end + 2;
        while verb + 1 < s.words.len()
            && matches!(s.classes[verb + 1], Class::Verb | Class::Adv)
            && verb < end + 4
        {
            verb += 1;
        }
        let mut found = s.complements(verb);
        found.retain(|c| !c.prep.is_empty());
        found
    }

    /// For a moving participant placed by a participle between its phrase and the verb
    /// ("a diplomat stationed in Oslo defected", "Novak, a counselor based in Lima,
    /// fled"), that place is where the move started.
    fn locative_origin(&self, event: &mut EventMention, from: usize, to: usize) {
        let s = self.syntax;
        let lo = s
            .classes
            .iter()
            .enumerate()
            .skip(from)
            .take(to.saturating_sub(from))
            .find(|(_, c)| **c == Class::Locative)
            .map(|(i, _)| i);
        let Some(lo) = lo else { return };
        if event.arguments.iter().any(|a| a.role == Role::Origin) {
            return;
        }
        if let Some(place) = s
            .complements(lo)
            .into_iter()
            .find(|c| matches!(c.prep.as_str(), "in" | "at"))
        {
            self.push(event, Role::Origin, &place.phrase);
        }
    }

    /// ", leaving his post at the embassy in Lima": for a move without an origin, the
    /// last named place of a "leaving" clause right after it.
    fn left_behind(&self, event: &mut EventMention, mut end: usize) {
        let s = self.syntax;
        while matches!(s.classes.get(end), Some(Class::Time | Class::Adv)) {
            end += 1;
        }
        let leaving = s.words.get(end).is_some_and(|w| w.low == ",")
            && s.words.get(end + 1).is_some_and(|w| w.low == "leaving");
        if !leaving || event.arguments.iter().any(|a| a.role == Role::Origin) {
            return;
        }
        let mut at = end + 2;
        let mut place = None;
        let mut steps = 0;
        while let Some(phrase) = s.phrase_at(at, false).filter(|_| steps < 8) {
            steps += 1;
            let located = matches!(s.words[at - 1].low.as_str(), "in" | "at");
            if located && s.classes[phrase.head] == Class::Name {
                place = Some(phrase.clone());
            }
            let next = phrase.words.end;
            if s.classes.get(next) != Some(&Class::Prep) {
                break;
            }
            at = next + 1;
        }
        if let Some(place) = place {
            self.push(event, Role::Origin, &place);
        }
    }

    /// Whether complement `k` follows right after a phrase naming a journey of its own,
    /// whose ends it gives: "escaped custody during his transport from Tarsk" says
    /// where the transport started, not the escape.
    fn after_journey(&self, complements: &[Complement], k: usize) -> bool {
        let Some(previous) = k.checked_sub(1).map(|p| &complements[p]) else {
            return false;
        };
        previous.phrase.words.end + 1 == complements[k].phrase.words.start
            && entry_at(self.syntax, previous.phrase.head)
                .is_some_and(|e| e.form == Form::Noun && moves(e.kind))
    }

    /// When a place phrase follows an origin or destination without a location of its
    /// own ("from the embassy in Oslo"), the place's location becomes theirs.
    fn refine_previous(&self, event: &mut EventMention, complements: &[Complement], k: usize) {
        let Some(previous) = k.checked_sub(1).map(|p| &complements[p]) else {
            return;
        };
        let place = &complements[k].phrase;
        if previous.phrase.words.end != complements[k].phrase.words.start - 1 {
            return;
        }
        let Some(location) = self.entity_of(place, &[EntityKind::Location]) else {
            return;
        };
        let prev_span = self.syntax.span(&previous.phrase.words);
        for argument in event.arguments.iter_mut().rev() {
            if argument.span == prev_span
                && matches!(argument.role, Role::Origin | Role::Destination)
                && argument
                    .entity
                    .is_none_or(|e| self.x.entities[e].kind != EntityKind::Location)
            {
                argument.entity = Some(location);
                argument.value = self.x.entities[location].name.to_lowercase();
                argument.span.end = self.syntax.span(&place.words).end;
            }
        }
    }

    /// Whether a phrase names people: a pronoun, a kin word, a person noun, a person.
    fn is_people(&self, phrase: &Phrase) -> bool {
        let s = self.syntax;
        let head = s.words[phrase.head].low.as_str();
        s.classes[phrase.head] == Class::Pron
            || kin_words().contains_key(head)
            || crate::lexicon::people::is_person_noun(head)
            || self.entity_of(phrase, &[EntityKind::Person]).is_some()
    }

    /// Adds one argument per name of a coordinated phrase ("Chile and Peru"), or one for
    /// the whole phrase.
    fn push_split(&self, event: &mut EventMention, role: Role, phrase: &Phrase) {
        let s = self.syntax;
        let parts: Vec<Range<usize>> = split_at_and(s, &phrase.words);
        let all_names =
            parts.len() > 1 && parts.iter().all(|p| s.classes[p.end - 1] == Class::Name);
        if all_names {
            for mut part in parts {
                // "kept Chile and Peru from …": the name, not the verb glued before it.
                while s.classes[part.start] != Class::Name {
                    part.start += 1;
                }
                let head = part.end - 1;
                self.push(event, role.clone(), &Phrase { words: part, head });
            }
        } else {
            self.push(event, role, phrase);
        }
    }

    /// Adds the argument `role` filled by `phrase`.
    fn push(&self, event: &mut EventMention, role: Role, phrase: &Phrase) {
        let span = self.syntax.span(&phrase.words);
        let preferred: &[EntityKind] = match role {
            Role::Origin | Role::Destination | Role::Place => {
                &[EntityKind::Location, EntityKind::Organization]
            }
            Role::Instrument => &[],
            _ => &[
                EntityKind::Person,
                EntityKind::Organization,
                EntityKind::Location,
            ],
        };
        let entity = self.refer(phrase, preferred);
        let value = if role == Role::Companions {
            companions_value(self.syntax, &phrase.words)
        } else if let Some(e) = entity {
            self.x.entities[e].name.to_lowercase()
        } else {
            phrase_value(self.syntax, &phrase.words)
        };
        let kin_of = entity.is_none().then(|| self.kin_of(phrase)).flatten();
        event.arguments.push(ArgumentExpr {
            role,
            entity,
            span,
            value,
            kin_of,
        });
    }

    /// For a phrase naming relatives by a kin word after a possessive ("his parents and
    /// in-laws"), the person the possessive refers to.
    fn kin_of(&self, phrase: &Phrase) -> Option<usize> {
        let s = self.syntax;
        let first = phrase.words.start;
        let relatives = phrase
            .words
            .clone()
            .any(|i| kin_words().contains_key(s.words[i].low.as_str()));
        if s.classes[first] != Class::Poss || !relatives {
            return None;
        }
        let owner = Phrase {
            words: first..first + 1,
            head: first,
        };
        self.refer(&owner, &[EntityKind::Person])
            .filter(|&e| self.x.entities[e].kind == EntityKind::Person)
    }

    /// The entity a phrase names: a mention inside it, of the first preferred kind found,
    /// else a mention of any kind that holds the phrase's head.
    pub(crate) fn entity_of(&self, phrase: &Phrase, preferred: &[EntityKind]) -> Option<usize> {
        let span = self.syntax.span(&phrase.words);
        // Mentions are in text order: those starting inside the phrase are one run of
        // them, found by binary search rather than by reading the whole document's.
        let mentions = self.x.mentions;
        let first = mentions.partition_point(|m| m.span.start < span.start);
        let inside: Vec<&Mention> = mentions[first..]
            .iter()
            .take_while(|m| m.span.start <= span.end)
            .inspect(|_| crate::work::count(1))
            .filter(|m| m.span.end <= span.end)
            .collect();
        // Another kind only when it names the phrase's head: "a Czech diplomat"
        // is no mention of "North Korean".
        let head = &self.syntax.words[phrase.head].span;
        preferred
            .iter()
            .find_map(|kind| inside.iter().find(|m| m.kind == *kind))
            .or_else(|| {
                inside
                    .iter()
                    .find(|m| m.span.start <= head.start && head.end <= m.span.end)
            })
            .map(|m| m.entity)
    }
}

/// The parts of a word range separated by "and" (or commas in a list).
fn split_at_and(syntax: &Syntax, words: &Range<usize>) -> Vec<Range<usize>> {
    split_at(words, |i| {
        matches!(syntax.words[i].low.as_str(), "and" | ",")
    })
}

/// Whether the word at `i` is an article or a possessive, which a comparable value drops.
fn is_article(syntax: &Syntax, i: usize) -> bool {
    syntax.classes[i] == Class::Poss || matches!(syntax.words[i].low.as_str(), "a" | "an" | "the")
}

/// The comparable form of a phrase: lowercase, without articles and possessives.
pub(crate) fn phrase_value(syntax: &Syntax, words: &Range<usize>) -> String {
    lowercase_text(
        words
            .clone()
            .filter(|&i| !is_article(syntax, i))
            .map(|i| &syntax.words[i]),
    )
}

/// The comparable form of a group of companions: each part's words without
/// determiners and possessives, kin words in canonical form, parts sorted and joined by
/// "and" — "his wife and kid" and "the child and his wife" both give "child and wife",
/// while "wife and children" stays apart.
pub(crate) fn companions_value(syntax: &Syntax, words: &Range<usize>) -> String {
    let mut parts: Vec<String> = split_at_and(syntax, words)
        .into_iter()
        .map(|part| {
            part.filter(|&i| !is_article(syntax, i))
                .map(|i| {
                    let low = syntax.words[i].low.as_str();
                    kin_words().get(low).copied().unwrap_or(low).to_string()
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect();
    parts.sort();
    parts.dedup();
    parts.join(" and ")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::{Extraction, mentions};
    use crate::input::DocumentInput;
    use crate::prepare::prepare;

    #[test]
    fn every_type_described_has_triggers() {
        let triggered: Vec<&str> = lexicon()
            .values()
            .flatten()
            .map(|entry| entry.kind)
            .collect();
        for fields in crate::lexicon::fields(include_str!("../../data/event_types.txt")) {
            // Unlisted verbs are occurrences (`unlisted_at`).
            assert!(
                triggered.contains(&fields[0]) || fields[0] == "occurrence",
                "{} has no trigger",
                fields[0]
            );
            assert_eq!(fields.len(), 5, "{fields:?}");
            if let Some(retold) = type_info(fields[0]).retells {
                assert!(triggered.contains(&retold), "{retold} has no trigger");
            }
        }
        assert!(moves("travel") && is_commonplace("travel") && !is_commonplace("defection"));
    }

    /// Runs the times and event stages over a synthetic text, with the given names
    /// tagged as entities (so these tests do not depend on the tagger).
    pub(crate) fn extraction(text: &str, names: &[(&str, EntityKind)]) -> Extraction {
        let doc = prepare(DocumentInput::text("t", text).published("2024-03-20"), None).unwrap();
        let mut spans = Vec::new();
        for (name, kind) in names {
            for (start, _) in text.match_indices(name) {
                let sentence = doc
                    .analysis
                    .sentences
                    .iter()
                    .position(|s| s.start <= start && start < s.end)
                    .unwrap();
                spans.push((start..start + name.len(), sentence, *kind));
            }
        }
        spans.sort_by_key(|(span, _, _)| span.start);
        let (mentions, entities) = mentions::group(&doc.text, spans);
        let times = super::super::times::find(&doc);
        Extraction {
            doc,
            mentions,
            entities,
            times,
            quantities: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
            claims: Vec::new(),
            origins: Vec::new(),
            story_terms: Default::default(),
        }
    }

    /// The events of the families of news events in `text` (everyday happenings left
    /// out), with their arguments.
    fn events(text: &str, names: &[(&str, EntityKind)]) -> Vec<(EventType, Vec<(Role, String)>)> {
        every_event(text, names)
            .into_iter()
            .filter(|(kind, _)| !is_everyday(kind))
            .collect()
    }

    /// The types of every event in `text`.
    fn every_kind(text: &str) -> Vec<String> {
        let found = every_event(text, &[]);
        found.iter().map(|(k, _)| k.as_str().to_string()).collect()
    }

    /// The types of the events of the families of news events in `text`.
    fn family_kinds(text: &str) -> Vec<String> {
        let found = events(text, &[]);
        found.iter().map(|(k, _)| k.as_str().to_string()).collect()
    }

    /// Every event in `text`, with its arguments.
    fn every_event(
        text: &str,
        names: &[(&str, EntityKind)],
    ) -> Vec<(EventType, Vec<(Role, String)>)> {
        let x = extraction(text, names);
        find(
            &x.found(),
            &crate::extract::syntax::body_sentences(&x.doc, &x.times),
        )
        .into_iter()
        .map(|e| {
            let args = e
                .arguments
                .iter()
                .map(|a| (a.role.clone(), a.value.clone()))
                .collect();
            (e.kind, args)
        })
        .collect()
    }

    fn args(list: &[(Role, &str)]) -> Vec<(Role, String)> {
        list.iter()
            .map(|(r, v)| (r.clone(), v.to_string()))
            .collect()
    }

    const PERSON: EntityKind = EntityKind::Person;
    const PLACE: EntityKind = EntityKind::Location;

    #[test]
    fn treatment_abroad_takes_its_first_place_only() {
        let got = events(
            "Ana Lupu asked for treatment in Lima due to the lack of doctors in Quito.",
            &[("Ana Lupu", PERSON), ("Lima", PLACE), ("Quito", PLACE)],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "medical_treatment");
        let places: Vec<&str> = got[0]
            .1
            .iter()
            .filter(|a| a.0 == Role::Place)
            .map(|a| a.1.as_str())
            .collect();
        assert_eq!(places, ["lima"], "{got:?}");
        let unfair = events("The staff complained of unfair treatment.", &[]);
        assert!(unfair.is_empty(), "{unfair:?}");
    }

    #[test]
    fn a_defector_s_journey_is_the_defection_and_anyone_else_s_is_travel() {
        let got = events(
            "Lena Oduya defected to Norway in May. She boarded a ferry with her husband \
             and kids. Ivo Rask flew to Oslo with his wife.",
            &[
                ("Lena Oduya", PERSON),
                ("Ivo Rask", PERSON),
                ("Norway", PLACE),
                ("Oslo", PLACE),
            ],
        );
        let kinds: Vec<&str> = got.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(kinds, ["defection", "defection", "travel"], "{got:?}");
        assert!(
            got[1]
                .1
                .contains(&(Role::Companions, "children and husband".into())),
            "{got:?}"
        );
        assert!(
            got[2].1.contains(&(Role::Destination, "oslo".into())),
            "{got:?}"
        );
    }

    #[test]
    fn defection_with_destination_companions_and_time() {
        let got = events(
            "Army captain Lena Oduya, 41, defected from the garrison in Tarsk to Norway with her husband and kids last October.",
            &[("Lena Oduya", PERSON), ("Tarsk", PLACE), ("Norway", PLACE)],
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "defection");
        assert_eq!(
            got[0].1,
            args(&[
                (Role::Agent, "lena oduya"),
                (Role::Origin, "tarsk"),
                (Role::Place, "tarsk"),
                (Role::Destination, "norway"),
                (Role::Companions, "children and husband"),
                (Role::Time, "2023-10"),
            ])
        );
    }

    #[test]
    fn passive_seizure_takes_its_agent_from_by() {
        let got = events(
            "In 2011, the crew sought the release of a tanker named Star Nine that was seized by Ruritania.",
            &[("Star Nine", EntityKind::Other), ("Ruritania", PLACE)],
        );
        let kinds: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(kinds, ["release", "seizure"]);
        assert_eq!(
            got[0].1,
            args(&[(Role::Patient, "star nine"), (Role::Time, "2011")])
        );
        assert_eq!(
            got[1].1,
            args(&[
                (Role::Patient, "star nine"),
                (Role::Agent, "ruritania"),
                (Role::Time, "2011")
            ])
        );
    }

    #[test]
    fn relations_between_two_parties() {
        let got = events(
            "Chile and Peru restored their relations on March 3.",
            &[("Chile", PLACE), ("Peru", PLACE)],
        );
        assert_eq!(got[0].0, "diplomatic_relations");
        assert_eq!(
            got[0].1,
            args(&[
                (Role::Agent, "chile"),
                (Role::Agent, "peru"),
                (Role::Time, "2024-03-03")
            ])
        );
        assert!(events("The firm established a new office.", &[]).is_empty());
    }

    #[test]
    fn nouns_take_possessors_and_relative_clauses() {
        let got = events(
            "Oduya described her escape, which involved driving out of Tarsk with her son.",
            &[("Oduya", PERSON), ("Tarsk", PLACE)],
        );
        assert_eq!(got[0].0, "defection");
        assert_eq!(
            got[0].1,
            args(&[
                (Role::Agent, "oduya"),
                (Role::Origin, "tarsk"),
                (Role::Companions, "son")
            ])
        );
    }

    #[test]
    fn relative_pronouns_and_locative_participles() {
        let got = events(
            "Omar Vance, a former envoy who fled to Canada in 2015, spoke. A clerk posted in Lima defected.",
            &[("Omar Vance", PERSON), ("Canada", PLACE), ("Lima", PLACE)],
        );
        assert_eq!(
            got[0].1,
            args(&[
                (Role::Agent, "omar vance"),
                (Role::Destination, "canada"),
                (Role::Time, "2015")
            ])
        );
        assert_eq!(
            got[1].1,
            args(&[(Role::Agent, "clerk"), (Role::Origin, "lima")])
        );
    }

    #[test]
    fn headlines_in_title_case_have_triggers() {
        let got = events("Veteran Actor Dies In Crash Near Lyon", &[]);
        let kinds: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(kinds, ["death", "crash"]);
        assert!(events("The Victory Day parade passed.", &[]).is_empty());
    }

    #[test]
    fn a_headline_s_present_verbs_are_its_events() {
        let kinds = |text: &str| -> Vec<String> {
            every_event(text, &[("Ivo Rask", EntityKind::Person)])
                .into_iter()
                .map(|(kind, _)| kind.as_str().to_string())
                .collect()
        };
        // "rehires" is known by the body's "rehired"; "sacks" by its listed lemma.
        let text = "Ivo Rask rehires old lawyer\n\
                    Ivo Rask rehired his lawyer on Monday.";
        assert_eq!(kinds(text), ["occurrence", "occurrence"]);
        assert_eq!(
            kinds("Port authority sacks Ivo Rask\n\nThe pilot left."),
            ["dismissal", "movement"]
        );
        // The same word after the opening lines is a noun, as the tagger reads it.
        let text = "The ferry left at dawn.\n\
                    Ivo Rask rehires old lawyer\n\
                    Ivo Rask rehired his lawyer on Monday.";
        assert_eq!(kinds(text), ["movement", "occurrence"]);
    }

    #[test]
    fn a_base_verb_after_a_modal_do_or_to_is_an_event() {
        let triggers = |text: &str| -> Vec<String> {
            let x = extraction(text, &[("Ivo Rask", EntityKind::Person)]);
            find(
                &x.found(),
                &crate::extract::syntax::body_sentences(&x.doc, &x.times),
            )
            .into_iter()
            .map(|e| text[e.trigger].to_string())
            .collect()
        };
        assert_eq!(triggers("Ivo Rask will remain in Tarsk."), ["remain"]);
        assert_eq!(triggers("Ivo Rask did not attend."), ["attend"]);
        assert_eq!(
            triggers("Ivo Rask could soon face a trial."),
            ["face", "trial"]
        );
        assert_eq!(triggers("Ivo Rask agreed to serve."), ["agreed", "serve"]);
        // A noun after "to" names a place or a thing, not a happening.
        assert!(
            triggers("Ivo Rask drove to Tarsk.")
                .iter()
                .all(|t| t != "Tarsk")
        );
        assert!(triggers("Ivo Rask is a lawyer to the stars.").is_empty());
        for sentence in [
            "Ivo Rask spoke to reporters.",
            "Ivo Rask fled, according to police.",
            "Ivo Rask lost two to one.",
        ] {
            assert!(
                triggers(sentence)
                    .iter()
                    .all(|t| t != "reporters" && t != "police" && t != "one"),
                "{sentence}"
            );
        }
    }

    #[test]
    fn martyred_executed_and_slain_are_killings() {
        for sentence in [
            "Five residents were martyred in the shelling.",
            "The militants executed two hostages.",
            "Three guards were slain at the gate.",
            "The shelling left 5 martyrs in the market.",
        ] {
            let got = events(sentence, &[]);
            let kinds: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
            assert!(kinds.contains(&"killing"), "{sentence}: {kinds:?}");
        }
    }

    #[test]
    fn claiming_lives_is_a_killing_and_claiming_that_is_not() {
        let got = every_kind("The blast claimed the lives of four guards.");
        assert_eq!(got, ["explosion", "killing"], "{got:?}");
        let got = every_kind("The shelling claimed the life of a porter.");
        assert_eq!(got, ["shelling", "killing"], "{got:?}");
        let got = every_kind("The rebels claimed that the town was taken.");
        assert_eq!(got[..1], ["occurrence"], "{got:?}");
    }

    #[test]
    fn a_capitalized_verb_before_a_figure_is_no_name() {
        let got = family_kinds("Jets Pound Tarsk Killing 50 Fighters and then the town was quiet.");
        assert!(got.contains(&"killing".to_string()), "{got:?}");
        let got = family_kinds("Rockets on Tarsk Claim 20 Martyrs as the siege goes on.");
        assert!(got.contains(&"killing".to_string()), "{got:?}");
        // A noun in a name stays a name even before a figure.
        let got = family_kinds("The Victory 2 parade passed by the river.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_name_ending_in_a_happening_noun_names_the_happening() {
        let got = every_kind("Ada Lind will host the Tarsk Film Awards next spring.");
        assert!(got.contains(&"award".to_string()), "{got:?}");
        let got = family_kinds("Police arrested Ivo Rask on suspicion of DUI near Harran.");
        assert!(got.contains(&"crime".to_string()), "{got:?}");
        // An organisation's name keeps its noun before another.
        let got = every_kind("The Tarsk Elections Commission has a new chair.");
        assert!(!got.contains(&"election".to_string()), "{got:?}");
    }

    #[test]
    fn irregular_past_forms_are_events() {
        assert_eq!(every_kind("The ground shook."), ["occurrence"]);
        assert_eq!(every_kind("Ivo Rask drove home."), ["occurrence"]);
    }

    #[test]
    fn more_nouns_verbs_and_states_of_the_families_are_events() {
        for (text, kind) in [
            ("A stampede near the gate hurt dozens.", "accident"),
            ("Two reporters were trapped in the crossfire.", "fighting"),
            ("A trawler severed the cable off Harran.", "cut"),
            ("The court overturned the ruling on Friday.", "decision"),
            ("Ada Lind watched the quarterfinal.", "game"),
        ] {
            let got = every_kind(text);
            assert!(got.contains(&kind.to_string()), "{text}: {got:?}");
        }
        let got = every_kind("Ivo Rask was drunk, the police said.");
        assert_eq!(got[..1], ["occurrence"], "{got:?}");
    }

    #[test]
    fn a_dateline_opening_the_sentence_leaves_its_first_word_capitalized() {
        let got =
            family_kinds("16 August 2016 Death toll from rocket attacks on Tarsk rises to 8.");
        assert_eq!(got[..1], ["death"], "{got:?}");
    }

    #[test]
    fn a_toll_of_deaths_counts_the_figure_it_rises_to() {
        let text = "The death toll from the raids rose to 12 people with 30 others injured.";
        let mut x = extraction(text, &[]);
        x.quantities = crate::extract::quantities::find(&x.doc, &x.times);
        let sentences = crate::extract::syntax::body_sentences(&x.doc, &x.times);
        let got = find(&x.found(), &sentences);
        let death = got.iter().find(|e| e.kind.as_str() == "death").unwrap();
        let patients: Vec<&str> = death
            .arguments
            .iter()
            .filter(|a| a.role == Role::Patient)
            .map(|a| a.value.as_str())
            .collect();
        assert_eq!(patients, ["12 people"], "{:?}", death.arguments);
    }

    #[test]
    fn a_trigger_qualifying_a_noun_tells_no_happening() {
        let got = events(
            "Prosecutors seek the death penalty and an arrest warrant.",
            &[],
        );
        assert!(got.is_empty(), "{got:?}");
        let got = events(
            "The death of Ivo Rask shocked the town.",
            &[("Ivo Rask", EntityKind::Person)],
        );
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn escaping_a_fate_leaves_no_place() {
        let names = [("Ivo Rask", EntityKind::Person)];
        for text in [
            "Ivo Rask feigned illness to escape conviction in 1990.",
            "Ivo Rask narrowly escaped serious injury.",
            "Ivo Rask escaped being buried alive.",
        ] {
            let got = events(text, &names);
            assert!(
                got.iter().all(|(k, _)| k.as_str() != "defection"),
                "{text}: {got:?}"
            );
        }
        let got = events("Ivo Rask escaped the prison in 1990.", &names);
        assert!(
            got.iter().any(|(k, _)| k.as_str() == "defection"),
            "{got:?}"
        );
    }

    #[test]
    fn one_word_two_senses() {
        let got = events("The club fired its coach after a fire at the stadium.", &[]);
        let kinds: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(kinds, ["dismissal", "fire"]);
        // Firing a weapon is an attack, not a dismissal.
        let got = events(
            "Gunmen fired dozens of rockets into the town of Tarsk.",
            &[],
        );
        let kinds: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(kinds, ["attack"]);
    }

    #[test]
    fn since_does_not_date_an_event() {
        let got = events("No official had fled since 2016.", &[]);
        assert_eq!(got[0].1, args(&[(Role::Agent, "no official")]));
    }

    #[test]
    fn only_a_journey_has_an_origin() {
        let roles_of = |text: &str, kind: &str| -> Vec<Role> {
            every_event(text, &[("Tarsk", EntityKind::Location)])
                .into_iter()
                .filter(|(k, _)| k.as_str() == kind)
                .flat_map(|(_, a)| a.into_iter().map(|(role, _)| role))
                .collect()
        };
        let got = roles_of("He was convicted of an assault out of Tarsk.", "attack");
        assert!(!got.contains(&Role::Origin), "{got:?}");
        let got = roles_of("He fled from Tarsk.", "defection");
        assert!(got.contains(&Role::Origin), "{got:?}");
        // A journey named after the verb takes the ends that follow it.
        let text = "He escaped custody during his transport from Tarsk.";
        let origins_of = |kind: &str| -> Vec<String> {
            every_event(text, &[("Tarsk", EntityKind::Location)])
                .into_iter()
                .filter(|(k, _)| k.as_str() == kind)
                .flat_map(|(_, a)| a.into_iter())
                .filter(|(role, _)| *role == Role::Origin)
                .map(|(_, value)| value)
                .collect()
        };
        assert_eq!(origins_of("defection"), ["custody"]);
        assert_eq!(origins_of("movement"), ["tarsk"]);
    }

    #[test]
    fn a_time_dates_the_happening_it_belongs_to() {
        let time_of = |text: &str, kind: &str| {
            every_event(text, &[])
                .into_iter()
                .filter(|(k, _)| k.as_str() == kind)
                .map(|(_, a)| {
                    a.into_iter()
                        .find(|(role, _)| *role == Role::Time)
                        .map(|(_, v)| v)
                })
                .collect::<Vec<_>>()
        };
        // A time before a noun dates that noun's happening only.
        let text = "Ivo Rask is in jail for a 2004 aggravated assault conviction.";
        assert_eq!(time_of(text, "conviction"), [Some("2004".to_string())]);
        assert_eq!(time_of(text, "attack"), [None]);
        // A verb's time is not the time of the happening named after it.
        let text = "Ivo Rask was convicted in June 2004 of aggravated assault.";
        assert_eq!(time_of(text, "conviction"), [Some("2004-06".to_string())]);
        assert_eq!(time_of(text, "attack"), [None]);
        // Nor is a time past another event word.
        let text = "Ivo Rask went back to jail in June 2006 to serve a sentence for assault.";
        assert_eq!(time_of(text, "attack"), [None]);
        // A noun's own time stays with it, also when a verb follows.
        let text = "An attack on a market on Tuesday killed 12 people.";
        assert_eq!(time_of(text, "attack"), [Some("2024-03-19".to_string())]);
        assert_eq!(time_of(text, "killing"), [Some("2024-03-19".to_string())]);
        // The happening a death is told in shares its day.
        let text = "Eleven people were killed on Tuesday in a bomb attack on a market.";
        assert_eq!(time_of(text, "attack"), [Some("2024-03-19".to_string())]);
        let text = "On Tuesday two people were killed and five wounded in an attack.";
        assert_eq!(time_of(text, "attack"), [Some("2024-03-19".to_string())]);
        // A clause with a subject of its own keeps its day: the ejection's, not the
        // killing's; a phrase after "after" is the main clause's.
        let text = "Rebels killed the pilot after he was forced to eject on Tuesday.";
        assert_eq!(time_of(text, "killing"), [None]);
        let text = "Rebels killed the pilot after the crash on Tuesday.";
        assert_eq!(time_of(text, "killing"), [Some("2024-03-19".to_string())]);
    }

    /// Whether `got` holds an event of `kind` with every one of `roles`.
    fn has(got: &[(EventType, Vec<(Role, String)>)], kind: &str, roles: &[(Role, &str)]) -> bool {
        got.iter().any(|(k, a)| {
            k.as_str() == kind
                && roles
                    .iter()
                    .all(|(r, v)| a.contains(&(r.clone(), v.to_string())))
        })
    }

    const ORG: EntityKind = EntityKind::Organization;

    #[test]
    fn one_event_of_each_family_with_its_roles() {
        // Economic: a verb and its noun, each with its parties.
        let got = events(
            "Norvik Foods bought Baltic Mills in March. The purchase of Baltic Mills closed \
             on Monday. The carmaker announced 2,000 layoffs in Tarsk.",
            &[
                ("Norvik Foods", ORG),
                ("Baltic Mills", ORG),
                ("Tarsk", PLACE),
            ],
        );
        let bought = [
            (Role::Agent, "norvik foods"),
            (Role::Patient, "baltic mills"),
            (Role::Time, "2024-03"),
        ];
        assert!(has(&got, "acquisition", &bought), "{got:?}");
        assert!(
            has(&got, "acquisition", &[(Role::Patient, "baltic mills")]),
            "{got:?}"
        );
        assert!(has(&got, "layoff", &[(Role::Place, "tarsk")]), "{got:?}");
        // Political.
        let got = events(
            "Senator Ana Ruiz visited Lima on Monday. She resigned in January.",
            &[("Ana Ruiz", PERSON), ("Lima", PLACE)],
        );
        let visit = [(Role::Agent, "ana ruiz"), (Role::Patient, "lima")];
        assert!(has(&got, "visit", &visit), "{got:?}");
        assert!(
            has(&got, "resignation", &[(Role::Time, "2024-01")]),
            "{got:?}"
        );
        // Conflict and crime.
        let got = events(
            "Rebels shelled Tarsk on Sunday. Police arrested Ivo Rask in Lima.",
            &[("Tarsk", PLACE), ("Ivo Rask", PERSON), ("Lima", PLACE)],
        );
        let shelled = [(Role::Agent, "rebels"), (Role::Patient, "tarsk")];
        assert!(has(&got, "shelling", &shelled), "{got:?}");
        let arrest = [(Role::Patient, "ivo rask"), (Role::Place, "lima")];
        assert!(has(&got, "arrest", &arrest), "{got:?}");
        // Disasters and accidents.
        let got = events(
            "The flood in Tarsk cut the road. A derailment near Lima injured nine people.",
            &[("Tarsk", PLACE), ("Lima", PLACE)],
        );
        assert!(has(&got, "flood", &[(Role::Place, "tarsk")]), "{got:?}");
        assert!(has(&got, "accident", &[(Role::Place, "lima")]), "{got:?}");
    }

    #[test]
    fn a_word_needing_another_nearby_gives_way_to_its_other_sense() {
        let kinds = |text: &str| -> Vec<String> {
            every_event(text, &[])
                .into_iter()
                .map(|(k, _)| k.as_str().to_string())
                .collect()
        };
        let got = kinds("Chile and Peru restored their relations.");
        assert_eq!(got, ["diplomatic_relations"], "{got:?}");
        let got = kinds("Crews restored power overnight.");
        assert_eq!(got, ["repair"], "{got:?}");
    }

    #[test]
    fn named_happenings_are_coded() {
        let got = every_event(
            "Fans held a vigil after the rampage. The rival bid threw the offer into doubt.",
            &[],
        );
        let kinds: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "holding",
                "occurrence",
                "occurrence",
                "occurrence",
                "occurrence"
            ],
            "{got:?}"
        );
    }

    #[test]
    fn states_and_upheavals_are_coded() {
        let triggers = |text: &str| -> Vec<String> {
            let x = extraction(text, &[("Ivo Rask", PERSON)]);
            find(
                &x.found(),
                &crate::extract::syntax::body_sentences(&x.doc, &x.times),
            )
            .into_iter()
            .filter(|e| e.kind.as_str() == "occurrence")
            .map(|e| x.doc.text[e.trigger].to_string())
            .collect()
        };
        let got = triggers("Ivo Rask, held on suspicion of arson, fell into a coma.");
        assert_eq!(got, ["suspicion", "coma"], "{got:?}");
        let got = triggers("A jury found Ivo Rask guilty. The scandal caused an uproar in Tarsk.");
        assert!(
            ["guilty", "scandal", "uproar"]
                .iter()
                .all(|w| got.contains(&w.to_string())),
            "{got:?}"
        );
        let got = triggers("Ivo Rask set a record in the second round.");
        assert!(got.contains(&"record".to_string()) && got.contains(&"round".to_string()));
    }

    #[test]
    fn every_happening_is_coded() {
        let got = every_event("The singer checked into a clinic, her spokesman said.", &[]);
        let kinds: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(kinds, ["occurrence", "statement"], "{got:?}");
        assert!(
            every_event("Including fees, the hundred tickets sold out.", &[])
                .iter()
                .all(|(k, _)| k.as_str() != "occurrence")
        );
    }

    #[test]
    fn forms_of_a_lemma_follow_spelling_rules() {
        let forms = |spec: &'static str| -> Vec<String> {
            verb_forms(spec)
                .into_iter()
                .map(|(w, _)| w.into_owned())
                .collect()
        };
        assert_eq!(
            forms("acquire"),
            ["acquire", "acquires", "acquiring", "acquired"]
        );
        assert_eq!(forms("deny"), ["deny", "denies", "denying", "denied"]);
        assert_eq!(
            forms("stop/stopped"),
            ["stop", "stops", "stopping", "stopped"]
        );
        assert_eq!(forms("agree"), ["agree", "agrees", "agreeing", "agreed"]);
        assert_eq!(forms("tie"), ["tie", "ties", "tying", "tied"]);
        assert_eq!(forms("sell/sold"), ["sell", "sells", "selling", "sold"]);
        assert_eq!(
            forms("begin/began/begun/beginning"),
            ["begin", "begins", "beginning", "begun", "began"]
        );
        assert_eq!(plural("crash"), "crashes");
        assert_eq!(plural("inquiry"), "inquiries");
    }

    #[test]
    fn companions_compare_by_canonical_parts() {
        let s = crate::extract::syntax::tests::parse(
            "his wife and kid the child and his wife wife and children",
        );
        assert_eq!(companions_value(&s, &(0..4)), "child and wife");
        assert_eq!(companions_value(&s, &(4..9)), "child and wife");
        assert_eq!(companions_value(&s, &(9..12)), "children and wife");
    }
}
