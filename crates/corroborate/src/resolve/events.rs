//! Event resolution: the event mentions of a story's documents joined into one event per
//! happening.
//!
//! Two mentions are one event when they have the same type (or types that tell one
//! happening, `data/event_families.txt`: "was killed" and "his death"), their times fit (the same
//! period or one inside the other: "2022-05" fits "2022", not "2022-08"), no key
//! argument clearly differs (an `agent` or `patient` named by two different names, or
//! relatives on one side — "the deaths of his parents" — and anyone else, or relatives
//! of no kind in common, on the other), their places meet and their means do not differ.
//! Places meet unless each names a place the other's documents never name (a report of
//! a strike on a district names its city too, so "the district" and "the city" meet; two
//! strikes reported in two districts do not), or the two lie in different countries by
//! the gazetteer (an article on a quake in one country recalls another's). Means are
//! what the mention's sentence says brought the happening about
//! (`data/event_means.txt`: an air raid, shelling, a bomb, gunfire, a mine; a mention
//! whose sentence names none has no means and meets any): killings by an air raid and
//! by rockets on one day in one city are two happenings, and their tolls are never
//! compared. Mentions are taken in document
//! then text order and each joins the first event of its story and type it fits, so the
//! outcome is fixed by the document ids.
//! Only events of one story and one type are ever compared: the blocks stay small.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use rayon::prelude::*;

use super::circumstances::{self, Victims};
use super::fit::{relatives, times_fit};
use crate::extract::events::{Joins, joins};
use crate::extract::{EventMention, Extraction};
use crate::lexicon;
use crate::model::{EntityKind, EventType, Role};

/// How far from its trigger, in bytes, a mention's sentence is read for its means: the
/// work per mention stays bounded whatever the sentence.
const MEANS_WINDOW: usize = 300;

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
    /// Document → the key participants of its mentions alone.
    in_document: BTreeMap<usize, Participants>,
    /// The places (ledger entities) its mentions happen in.
    places: BTreeSet<usize>,
    /// The countries those places may lie in ([`countries_of`]).
    countries: BTreeSet<&'static str>,
    /// The places its documents name, as ledger entities.
    named: BTreeSet<usize>,
    /// The means every mention that gives one shares; empty while none gave one.
    means: Vec<&'static str>,
    /// The words its triggers stand for ([`word_of`]), when its type may join
    /// another story event's by word.
    words: BTreeSet<String>,
    /// (document, mention) of its mentions, in document then text order.
    members: Vec<(usize, usize)>,
    /// Its mentions are set apart as an earlier happening ([`earlier`]).
    earlier: bool,
}

impl Open {
    /// Whether a mention in `places`, which lie in `countries`, of a document naming
    /// `named`, by `means`, can be of this happening: each side names no place the
    /// other never names, the two lie in one country where both say which, and the
    /// means they give have one in common.
    fn meets(
        &self,
        places: &[usize],
        countries: &BTreeSet<&str>,
        named: &[usize],
        means: &[&str],
    ) -> bool {
        // A quake in one country is not another's that an article recalls beside it,
        // however often each article names both countries.
        let countries_meet = self.countries.is_empty()
            || countries.is_empty()
            || !self.countries.is_disjoint(countries);
        let places_meet = countries_meet
            && (places.iter().all(|p| self.named.contains(p))
                || self.places.iter().all(|p| named.binary_search(p).is_ok()));
        let means_meet = self.means.is_empty()
            || means.is_empty()
            || means.iter().any(|m| self.means.contains(m));
        places_meet && means_meet
    }

    /// Whether the event `other` can be this one's happening: the victims each names
    /// can be the same people ([`Participants::victims_meet`]), the places of each lie
    /// among those the other's documents name and their means meet ([`Open::meets`]),
    /// and where one document tells both, no key role is filled by two different named
    /// entities, and every time one gives fits every time the other gives ([`times_fit`]:
    /// two dates a day apart are two strikes, and joined they would be a false conflict
    /// on the happening's time). The participants of other documents are not weighed:
    /// one word of one story mostly tells one happening, and each mention's reading of
    /// them may be wrong.
    fn fits(&self, other: &Open) -> bool {
        let places: Vec<usize> = other.places.iter().copied().collect();
        let named: Vec<usize> = other.named.iter().copied().collect();
        let participants = self.in_document.iter().all(|(d, mine)| {
            other
                .in_document
                .get(d)
                .is_none_or(|theirs| mine.named_alike(theirs))
        });
        // Each event holds its distinct times, a handful at most.
        let times = self
            .times
            .iter()
            .all(|t| other.times.iter().all(|u| times_fit(t, u)));
        self.earlier == other.earlier
            && self.keys.victims_meet(&other.keys)
            && self.meets(&places, &other.countries, &named, &other.means)
            && participants
            && times
    }

    /// Takes in the event `other`, found to tell the same happening.
    fn absorb(&mut self, other: Open) {
        for t in other.times {
            if !self.times.contains(&t) {
                self.times.push(t);
            }
        }
        self.keys.absorb(&other.keys);
        for (d, keys) in &other.in_document {
            self.in_document.entry(*d).or_default().absorb(keys);
        }
        self.places.extend(other.places);
        self.countries.extend(other.countries);
        self.named.extend(other.named);
        if self.means.is_empty() {
            self.means = other.means;
        } else if !other.means.is_empty() {
            self.means.retain(|m| other.means.contains(m));
        }
        self.words.extend(other.words);
        self.members.extend(other.members);
        self.members.sort_unstable();
    }
}

/// Who fills the key roles of an event mention or of an event being built.
#[derive(Default, Clone)]
struct Participants {
    /// Role → the ledger entity filling it.
    entities: BTreeMap<Role, usize>,
    /// Role → the kinds of relatives filling it ("his parents": `parent`).
    relatives: BTreeMap<Role, BTreeSet<String>>,
    /// Roles filled by anyone but relatives (an entity or other words).
    others: BTreeSet<Role>,
    /// The kinds of victims its patients name ("25 civilians", "40 militants").
    victims: BTreeSet<Victims>,
}

impl Participants {
    /// The key participants of one mention of document `x`; `entity_of` maps its
    /// local entities to ledger entities. An entity counts only where the filler names
    /// it: a pronoun or a description ("she", "the actress") may have been resolved to
    /// the wrong one, and would keep one happening's mentions apart.
    fn of(x: &Extraction, mention: &EventMention, entity_of: &[usize]) -> Participants {
        let mut found = Participants::default();
        for a in mention
            .arguments
            .iter()
            .filter(|a| KEY_ROLES.contains(&a.role))
        {
            let kinds = a.kin_of.and_then(|_| relatives(&a.value));
            let named = a
                .entity
                .filter(|&local| names(x.doc.slice(&a.span), &x.entities[local].name));
            match (named, kinds) {
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
            if a.role == Role::Patient {
                found
                    .victims
                    .extend(circumstances::victims(x.doc.slice(&a.span)));
            }
        }
        found
    }

    /// Whether the mention `other` can be of the same happening: no key role filled by
    /// two different entities, by relatives of no kind in common, or by relatives on
    /// one side and anyone else on the other ("the deaths of his parents" is not "the
    /// death of a diplomat"). Two entities keep mentions apart only inside one document
    /// (`across` false): across documents an argument's entity rests on two resolutions
    /// that both must be right, and on ECB+ the test split more happenings than it kept
    /// apart (event coreference CoNLL F1 0.677 with it, 0.693 without).
    fn fit(&self, other: &Participants, across: bool) -> bool {
        let entities = across || self.named_alike(other);
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
        entities && relatives && others && self.victims_meet(other)
    }

    /// Whether the victims both name can be the same people's: civilians killed and
    /// militants killed on one day are two happenings (an air raid on a town and a
    /// battle), as their tolls are two questions (`resolve::circumstances`). Where
    /// either names no kind ("25 people"), any meets.
    fn victims_meet(&self, other: &Participants) -> bool {
        self.victims.is_empty()
            || other.victims.is_empty()
            || self
                .victims
                .iter()
                .any(|&mine| other.victims.iter().any(|&theirs| mine.may_share(theirs)))
    }

    /// Whether no key role is filled by two different named entities here and in
    /// `other` ("Ivo Rask died" and "Lena Oduya died" are two deaths). An entity that
    /// fills any key role on the other side is no difference: a noun's possessor is read
    /// as its agent, so "Ivo Rask's arrest" has Rask as agent where "police arrested Ivo
    /// Rask" has him as patient and the police as agent.
    fn named_alike(&self, other: &Participants) -> bool {
        let mine = |id: &usize| self.entities.values().any(|e| e == id);
        let theirs = |id: &usize| other.entities.values().any(|e| e == id);
        other.entities.iter().all(|(role, id)| {
            self.entities
                .get(role)
                .is_none_or(|e| e == id || mine(id) || theirs(e))
        })
    }

    /// Takes in the participants of a mention that joined. By reference: a mention's
    /// participants go into both its event's and its document's, and a clone for one
    /// of them (maps made only to be taken apart) was a tenth of joining a story's
    /// mentions.
    fn absorb(&mut self, other: &Participants) {
        for (role, &id) in &other.entities {
            if !self.entities.contains_key(role) {
                self.entities.insert(role.clone(), id);
            }
        }
        for (role, kinds) in &other.relatives {
            let mine = self.relatives.entry(role.clone()).or_default();
            mine.extend(kinds.iter().cloned());
        }
        self.others.extend(other.others.iter().cloned());
        self.victims.extend(other.victims.iter().copied());
    }
}

/// The means of each event mention of one document ([`document_means`]).
type MentionMeans = Vec<Vec<&'static str>>;

/// Resolves the event mentions of `docs`. `story_of[d]` is document `d`'s story and
/// `entity_of[d][local]` the ledger entity of a local entity.
pub(crate) fn resolve(docs: &[Extraction], story_of: &[usize], entity_of: &[Vec<usize>]) -> Events {
    // Reading the means reads each mention's sentence, a document at a time: on all
    // cores, before the joining, which must take the mentions in order.
    let mut means_of: Vec<MentionMeans> = docs.par_iter().map(document_means).collect();
    // Only the events of one story are ever compared: each story's documents are
    // joined on their own, on all cores, in document order.
    let mut stories: BTreeMap<usize, Vec<(usize, MentionMeans)>> = BTreeMap::new();
    for (d, means) in means_of.iter_mut().enumerate() {
        stories
            .entry(story_of[d])
            .or_default()
            .push((d, std::mem::take(means)));
    }
    let per_story: Vec<Vec<Open>> = stories
        .into_iter()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(_, documents)| story_events(docs, entity_of, documents))
        .collect();
    // Numbered in order of first mention, as one pass over all the documents would
    // have made them: an event's first member is the mention that opened it.
    let mut open: Vec<Open> = per_story.into_iter().flatten().collect();
    open.sort_unstable_by_key(|event| event.members[0]);
    let mut of: Vec<Vec<usize>> = docs.iter().map(|x| vec![0; x.events.len()]).collect();
    for (e, event) in open.iter().enumerate() {
        for &(d, m) in &event.members {
            of[d][m] = e;
        }
    }
    // Each event's mentions and arguments are gathered on all cores: resolution runs
    // once for the whole corpus, after the documents (and each event is let go there
    // too: its maps and sets are a fifth of the joining's work).
    let events = open
        .into_par_iter()
        .map(|o| build(docs, entity_of, &o))
        .collect();
    Events { events, of }
}

/// The events of one story: `documents` are its documents in order, each with the
/// means of its mentions ([`document_means`]).
fn story_events(
    docs: &[Extraction],
    entity_of: &[Vec<usize>],
    documents: Vec<(usize, MentionMeans)>,
) -> Vec<Open> {
    let mut open: Vec<Open> = Vec::new();
    let mut by_block: BTreeMap<(&str, String, Option<usize>, bool), Vec<usize>> = BTreeMap::new();
    for (d, mut means) in documents {
        let x = &docs[d];
        let named = places_named(x, &entity_of[d]);
        for (m, mention) in x.events.iter().enumerate() {
            let keys = Participants::of(x, mention, &entity_of[d]);
            let local_places: Vec<usize> = mention
                .arguments
                .iter()
                .filter(|a| a.role == Role::Place)
                .filter_map(|a| a.entity)
                .filter(|&local| x.entities[local].kind == EntityKind::Location)
                .collect();
            let places: Vec<usize> = local_places.iter().map(|&l| entity_of[d][l]).collect();
            let countries = countries_of(x, &local_places);
            let means = std::mem::take(&mut means[m]);
            let joins = joins(&mention.kind);
            let word = word_of(&x.doc.text, mention.trigger.clone());
            let lemma = match joins {
                Joins::Type => String::new(),
                Joins::Lemma | Joins::Document => word.clone(),
            };
            let document = (joins == Joins::Document).then_some(d);
            let earlier = earlier(&x.doc.text, mention);
            let block = by_block
                .entry((happening_of(&mention.kind), lemma, document, earlier))
                .or_default();
            let found = block.iter().copied().find(|&e| {
                let event = &open[e];
                let time_fits = match &mention.time {
                    Some(t) => event.times.iter().all(|u| times_fit(t, u)),
                    None => true,
                };
                // Documents come in order: an event holds a mention of this document
                // only if its last one is.
                let across = event.members.last().is_some_and(|&(last, _)| last != d);
                time_fits
                    && event.keys.fit(&keys, across)
                    && event.meets(&places, &countries, &named, &means)
            });
            let e = found.unwrap_or_else(|| {
                open.push(Open {
                    kind: mention.kind.clone(),
                    times: Vec::new(),
                    keys: Participants::default(),
                    in_document: BTreeMap::new(),
                    places: BTreeSet::new(),
                    countries: BTreeSet::new(),
                    named: BTreeSet::new(),
                    means: Vec::new(),
                    words: BTreeSet::new(),
                    members: Vec::new(),
                    earlier,
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
            event.in_document.entry(d).or_default().absorb(&keys);
            event.keys.absorb(&keys);
            event.places.extend(places);
            event.countries.extend(countries);
            if event.members.last().is_none_or(|&(last, _)| last != d) {
                event.named.extend(named.iter().copied());
            }
            if event.means.is_empty() {
                event.means = means;
            } else if !means.is_empty() {
                event.means.retain(|m| means.contains(m));
            }
            if joins != Joins::Document {
                event.words.insert(word);
            }
            event.members.push((d, m));
        }
    }
    join_by_word(open)
}

/// How many of the latest events of one story and word an event is tried against: a
/// story telling one word of many happenings that never fit (a timeline's killings of
/// many days) would otherwise try each against every earlier one.
const WORD_CANDIDATES: usize = 32;

/// Joins the events of one story whose triggers share a word ([`word_of`]: "the quake
/// struck" and "the earthquake hit", "won" and "the victory", "died" in two outlets)
/// unless they clearly differ ([`Open::fits`]): within a story one word mostly tells one
/// happening, whatever the types and participants each mention's sentence gives — on
/// ECB+ the mention-by-mention tests kept apart more happenings told by one word than
/// they rightly split. Each event joins the first of the [`WORD_CANDIDATES`] latest
/// events of its story it shares a word with and fits; the events kept stay in order of
/// first mention.
fn join_by_word(open: Vec<Open>) -> Vec<Open> {
    let mut kept: Vec<Open> = Vec::with_capacity(open.len());
    let mut by_word: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for event in open {
        let found = event.words.iter().find_map(|word| {
            let events = by_word.get(word)?;
            events[events.len().saturating_sub(WORD_CANDIDATES)..]
                .iter()
                .copied()
                .find(|&k| kept[k].fits(&event))
        });
        let k = match found {
            Some(k) => {
                kept[k].absorb(event);
                k
            }
            None => {
                kept.push(event);
                kept.len() - 1
            }
        };
        for word in &kept[k].words {
            let events = by_word.entry(word.clone()).or_default();
            if !events.contains(&k) {
                events.push(k);
            }
        }
    }
    kept
}

crate::lexicon::lazy! {
    /// Trigger words that tell one happening, each mapped to the first word of its set
    /// (`data/event_synonyms.txt`), both as [`stem`]s; a phrase ("pass_away") as the
    /// stems of its words joined by "_". Looked up three times a trigger, hence the
    /// fast hasher (see [`crate::lexicon::Map`]).
    fn synonyms() -> std::collections::HashMap<String, String, rustc_hash::FxBuildHasher> = {
        lexicon::lines(include_str!("../../data/event_synonyms.txt"))
            .flat_map(|line| {
                let words: Vec<String> = line
                    .split_whitespace()
                    .map(|w| w.split('_').map(stem).collect::<Vec<_>>().join("_"))
                    .collect();
                let first = words.first().cloned().unwrap_or_default();
                words.into_iter().map(move |w| (w, first.clone()))
            })
            .collect()
    };

    /// Where the phrases of [`synonyms`] can be cut at a "_": the stems before a cut
    /// ("pass" of "pass_away") and those after it ("away").
    fn phrase_cuts() -> PhraseCuts = {
        let mut cuts = PhraseCuts::default();
        for key in synonyms().keys() {
            for (at, _) in key.match_indices('_') {
                cuts.before.insert(key[..at].to_string());
                cuts.after.insert(key[at + 1..].to_string());
            }
        }
        cuts
    };
}

/// See [`phrase_cuts`].
#[derive(Default)]
struct PhraseCuts {
    before: std::collections::HashSet<String, rustc_hash::FxBuildHasher>,
    after: std::collections::HashSet<String, rustc_hash::FxBuildHasher>,
}

/// The word the trigger at `trigger` of `text` stands for: read through
/// `data/event_synonyms.txt` ("struck" → "strike", "hit" → "strike", "earthquake" →
/// "quake"), a phrase of the trigger and the word before or after it first ("opened
/// fire" → "shoot", "passed away" → "die"), else its [`stem`].
fn word_of(text: &str, trigger: Range<usize>) -> String {
    // The phrases are joined by `concat`, not `format!`: three words a trigger, and the
    // formatting machinery cost several times the copy.
    let stem_of = |w: &str| self::stem(w.trim_matches(|c: char| !c.is_alphanumeric()));
    let stem = stem(&text[trigger.clone()]);
    // A neighbour's stem (a lemma looked up, a copy) is worked out only where it could
    // make a phrase of the table with the trigger's: few triggers end or open one, and
    // the two neighbours of every trigger cost more than the rest of the word.
    let cuts = phrase_cuts();
    let before = text[..trigger.start]
        .split_whitespace()
        .next_back()
        .filter(|_| cuts.after.contains(&stem))
        .map(stem_of);
    let after = text[trigger.end..]
        .split_whitespace()
        .next()
        .filter(|_| cuts.before.contains(&stem))
        .map(stem_of);
    let phrases = [
        before.map(|w| [w.as_str(), "_", &stem].concat()),
        after.map(|w| [stem.as_str(), "_", &w].concat()),
    ];
    let found = phrases
        .iter()
        .flatten()
        .chain([&stem])
        .find_map(|key| synonyms().get(key).cloned());
    found.unwrap_or(stem)
}

crate::lexicon::lazy! {
    /// Event types that tell the happening of another (`data/event_families.txt`).
    fn families() -> crate::lexicon::Map<&'static str> = {
        lexicon::fields(include_str!("../../data/event_families.txt"))
            .filter_map(|f| Some((*f.first()?, *f.get(1)?)))
            .collect()
    };
}

/// The type whose happening a mention of `kind` tells: a killing is a death.
fn happening_of(kind: &EventType) -> &str {
    families()
        .get(kind.as_str())
        .copied()
        .unwrap_or(kind.as_str())
}

/// How many words before an event noun a word of `data/earlier_words.txt` may stand
/// ("prior DUI convictions").
const EARLIER_REACH: usize = 2;

crate::lexicon::lazy! {
    /// `data/earlier_words.txt`.
    fn earlier_words() -> lexicon::Set = lexicon::lines(include_str!("../../data/earlier_words.txt")).collect();
}

/// Whether a nominal mention is set apart as an earlier happening than the story's by
/// a word just before its trigger ("three prior DUI convictions", "an earlier attack"),
/// with no punctuation between.
fn earlier(text: &str, mention: &EventMention) -> bool {
    mention.nominal
        && text[..mention.trigger.start]
            .split_whitespace()
            .rev()
            .take(EARLIER_REACH)
            .take_while(|w| w.ends_with(char::is_alphanumeric))
            .any(|w| earlier_words().contains(w.to_lowercase().as_str()))
}

/// The countries the places `local` of document `x` (its entities) may lie in, by the
/// gazetteer: every country a name may stand in ("Georgia": the country and the
/// United States), a quarter's ("southern Iran") its place's; a place the gazetteer
/// does not know says nothing.
fn countries_of(x: &Extraction, local: &[usize]) -> BTreeSet<&'static str> {
    local
        .iter()
        .flat_map(|&l| {
            let name = &x.entities[l].name;
            match lexicon::places::places_named(name) {
                [] => lexicon::places::quarter_of(name).map_or(&[][..], |(_, places)| places),
                places => places,
            }
        })
        .map(|p| p.country)
        .collect()
}

/// The places document `x` names, as ledger entities, sorted.
fn places_named(x: &Extraction, entity_of: &[usize]) -> Vec<usize> {
    let mut named: Vec<usize> = x
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Location)
        .map(|(local, _)| entity_of[local])
        .collect();
    named.sort_unstable();
    named.dedup();
    named
}

/// Whether a filler's words name the entity `name` (hold its last word) rather than
/// refer to it by a pronoun or a description.
fn names(filler: &str, name: &str) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(|last| filler.contains(last))
}

crate::lexicon::lazy! {
    /// Words that tell how a violent happening was brought about (`data/event_means.txt`).
    fn means_words() -> crate::lexicon::Map<&'static str> = {
        lexicon::fields(include_str!("../../data/event_means.txt"))
            .filter_map(|f| Some((*f.first()?, *f.get(1)?)))
            .collect()
    };

    /// Whether some word of [`means_words`] is as many bytes long as the index.
    fn means_word_lengths() -> Vec<bool> = {
        let mut lengths = Vec::new();
        for word in means_words().keys() {
            if lengths.len() <= word.len() {
                lengths.resize(word.len() + 1, false);
            }
            lengths[word.len()] = true;
        }
        lengths
    };
}

/// The means of each event mention of `x`, sorted. A mention whose sentence names no
/// means ("the toll rose to 30") has none, and so meets any: lending it the first means
/// its document gives read a police helicopter's search or a bomb scare before a
/// shooting as the shooting's means, and kept one happening's outlets apart (ECB+ 1–35:
/// event coreference CoNLL F1 0.744 with the loan, 0.749 without; FA-KES unchanged).
fn document_means(x: &Extraction) -> MentionMeans {
    let mut reader = MeansReader::new(&x.doc.text);
    x.events
        .iter()
        .map(|mention| reader.near(mention.trigger.clone()))
        .collect()
}

/// Reads the means of the event mentions of one text ([`MeansReader::near`]),
/// remembering the last sentence read: a document's mentions come in text order, and
/// those of one sentence read the same words.
struct MeansReader<'t> {
    text: &'t str,
    /// The byte range last read and its means.
    last: Option<(Range<usize>, Vec<&'static str>)>,
}

impl<'t> MeansReader<'t> {
    fn new(text: &'t str) -> MeansReader<'t> {
        MeansReader { text, last: None }
    }

    /// The means the sentence around a trigger gives, sorted: the words of the text
    /// from the sentence's start to its end, read at most [`MEANS_WINDOW`] bytes either
    /// side.
    fn near(&mut self, trigger: Range<usize>) -> Vec<&'static str> {
        let text = self.text;
        let start =
            crate::text::ceil_char_boundary(text, trigger.start.saturating_sub(MEANS_WINDOW));
        let end = crate::text::floor_char_boundary(text, trigger.end + MEANS_WINDOW);
        // The stops are ASCII, so searched for as bytes (no UTF-8 byte of another
        // character equals one): a search by `char` decoded up to 600 bytes a mention,
        // a third of reading the means.
        let bytes = text.as_bytes();
        let before = &bytes[start..trigger.start];
        let from = memchr::memrchr3(b'.', b'!', b'?', before)
            .max(memchr::memrchr(b'\n', before))
            .map_or(start, |i| start + i + 1);
        let after = &bytes[trigger.end..end];
        let to = match (
            memchr::memchr3(b'.', b'!', b'?', after),
            memchr::memchr(b'\n', after),
        ) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
        .map_or(end, |i| trigger.end + i);
        match &self.last {
            Some((read, means)) if *read == (from..to) => means.clone(),
            _ => {
                let means = means_in(&text[from..to]);
                self.last = Some((from..to, means.clone()));
                means
            }
        }
    }
}

/// The means the words of `words` name, sorted.
fn means_in(words: &str) -> Vec<&'static str> {
    let table = means_words();
    let lengths = means_word_lengths();
    let mut means: Vec<&'static str> = Vec::new();
    let mut look_up = |word: &str| {
        // An ASCII word is as long lowercased: one of a length no means word has ("a",
        // "the", "said") is not lowercased and hashed, as every word of a sentence with
        // an event was.
        if word.is_ascii() && !lengths.get(word.len()).is_some_and(|&fits| fits) {
            return;
        }
        if let Some(&found) = table.get(lexicon::fold::lower_cow(word).as_ref()) {
            means.push(found);
        }
    };
    // A word is a run of letters, digits and hyphens. Read byte by byte, decoding only
    // a non-ASCII character: splitting by `char` decoded every byte of every sentence
    // with an event.
    let bytes = words.as_bytes();
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        let (inside, width) = if bytes[at].is_ascii() {
            (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'-', 1)
        } else {
            let c = words[at..].chars().next().unwrap_or_default();
            (c.is_alphanumeric(), c.len_utf8())
        };
        if !inside {
            if start < at {
                look_up(&words[start..at]);
            }
            start = at + width;
        }
        at += width;
    }
    if start < bytes.len() {
        look_up(&words[start..]);
    }
    means.sort_unstable();
    means.dedup();
    means
}

/// The key that tells a trigger's lemma: the verb lemma claims use ("said", "says" →
/// "say"; "went", "gone" → "go"), a nominalization read as its verb ([`verb_of_noun`]:
/// "the nomination" → "nominate"), without a final "e", so that the suffix rule's cut
/// "mak" meets "make" for a form the tables miss.
fn stem(word: &str) -> String {
    // Three words a trigger come through here: no copy of a word already lowercase,
    // and the final "e" cut off in place.
    let lemma = crate::extract::claims::lemma(&lexicon::fold::lower_cow(word));
    let mut lemma = verb_of_noun(&lemma).unwrap_or(lemma);
    if lemma.len() > 1 && lemma.ends_with('e') {
        lemma.pop();
    }
    lemma
}

/// Noun endings that make a happening of a verb, each with the verb ending it stands
/// for and the fewest letters the rest must keep, so that short words that merely end
/// alike ("trial", "nation", "station") stay themselves: "nomination" → "nominat(e)",
/// "election" → "elect", "decision" → "decid(e)", "explosion" → "explod(e)",
/// "suspension" → "suspend", "detention" → "detain", "reduction" → "reduc(e)",
/// "announcement" → "announc(e)", "appearance" → "appear", "seizure" → "seiz(e)",
/// "denial" → "deny", "arrival" → "arriv(e)". The first ending that fits is taken, so
/// the longer endings come first. A verb ending so ("sentence", "capture") loses the
/// ending in all its forms alike, which keeps it one key.
const NOMINALIZATIONS: [(&str, &str, usize); 16] = [
    ("ization", "iz", 3),
    ("mission", "mit", 2),
    ("ision", "id", 3),
    ("osion", "od", 3),
    ("usion", "ud", 3),
    ("ension", "end", 2),
    ("ention", "ain", 2),
    ("uction", "uc", 3),
    ("ation", "at", 3),
    ("ion", "", 4),
    ("ment", "", 4),
    ("ance", "", 4),
    ("ence", "", 4),
    ("ure", "", 4),
    ("ial", "y", 3),
    ("al", "", 4),
];

/// The verb a noun that names its happening stands for, by the first of
/// [`NOMINALIZATIONS`] it ends in; `None` for a word without such an ending or too short
/// a rest before it ("station" is no "stat(e)").
fn verb_of_noun(word: &str) -> Option<String> {
    let (rest, verb, keep) = NOMINALIZATIONS
        .iter()
        .find_map(|&(ending, verb, keep)| Some((word.strip_suffix(ending)?, verb, keep)))?;
    (rest.len() >= keep).then(|| [rest, verb].concat())
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

    /// For each document, how many documents the events its mentions of `word` belong
    /// to are reported by.
    fn reach_of(texts: &[&str], word: &str) -> Vec<Vec<usize>> {
        let mut builder = LedgerBuilder::new();
        for (k, text) in texts.iter().enumerate() {
            builder = builder
                .document(DocumentInput::text(format!("d{k}"), *text).published("2024-05-10"));
        }
        let ledger = builder.build().expect("ledger");
        (0..texts.len())
            .map(|k| {
                let doc = format!("d{k}");
                ledger
                    .events
                    .iter()
                    .filter(|e| {
                        e.mentions
                            .iter()
                            .any(|m| m.doc == doc && texts[k][m.start..m.end] == *word)
                    })
                    .map(|e| e.documents.len())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn synonyms_stand_for_one_word() {
        let word = |w: &str| super::word_of(w, 0..w.len());
        assert_eq!(word("struck"), word("hit"));
        assert_eq!(word("earthquake"), word("quakes"));
        assert_eq!(word("victory"), word("won"));
        assert_ne!(word("won"), word("died"));
        assert_eq!(word("died"), word("dies"));
        assert_eq!(word("dead"), word("death"));
    }

    #[test]
    fn a_phrase_of_the_trigger_and_either_neighbour_stands_for_its_word() {
        let word = |text: &str, trigger: &str| {
            let at = text.find(trigger).expect("the trigger is in the text");
            super::word_of(text, at..at + trigger.len())
        };
        let shot = word("Ivo Rask shot", "shot");
        assert_eq!(word("Ivo Rask opened fire", "opened"), shot);
        assert_eq!(word("Ivo Rask opened fire", "fire"), shot);
        assert_eq!(
            word("Ada Lind passed away", "passed"),
            word("Ada Lind died", "died")
        );
        assert_ne!(
            word("Ada Lind passed the test", "passed"),
            word("Ada Lind died", "died")
        );
    }

    #[test]
    fn nominalizations_stand_for_their_verbs() {
        let word = |w: &str| super::word_of(w, 0..w.len());
        for (noun, verb) in [
            ("nomination", "nominated"),
            ("election", "elected"),
            ("decision", "decided"),
            ("explosion", "exploded"),
            ("suspension", "suspended"),
            ("detention", "detained"),
            ("reduction", "reduced"),
            ("admission", "admitted"),
            ("hospitalization", "hospitalized"),
            ("announcement", "announced"),
            ("appearance", "appeared"),
            ("seizure", "seized"),
            ("arrival", "arrived"),
            ("denial", "denied"),
            ("dismissals", "dismissed"),
        ] {
            assert_eq!(word(noun), word(verb), "{noun} / {verb}");
        }
        // Short words that merely end alike stay themselves.
        assert_ne!(word("trial"), word("tried"));
        assert_ne!(word("station"), word("stated"));
        assert_ne!(word("nation"), word("nated"));
    }

    #[test]
    fn general_synonyms_and_irregular_nouns_stand_for_one_word() {
        let word = |w: &str| super::word_of(w, 0..w.len());
        for (a, b) in [
            ("severed", "cut"),
            ("assault", "attacked"),
            ("blast", "explosion"),
            ("wedding", "married"),
            ("sale", "sold"),
            ("examination", "examined"),
            ("allegations", "accused"),
            ("testimony", "testified"),
            ("gunned", "shot"),
            ("plugged", "fixed"),
            ("riots", "clashes"),
            ("unrest", "rioting"),
        ] {
            assert_eq!(word(a), word(b), "{a} / {b}");
        }
        assert_ne!(word("sale"), word("bought"));
        // A suicide attack or bomber is no death: "suicide" stays its own word.
        assert_ne!(word("suicide"), word("died"));
    }

    #[test]
    fn a_nomination_and_the_nominating_are_one_happening() {
        let got = reach_of(
            &[
                "The Tarsk Labour party nominated Ivo Rask for mayor of Tarsk on Monday. \
                 Ivo Rask, a former teacher, thanked the party members in Tarsk.",
                "Ivo Rask accepted the Labour nomination for mayor of Tarsk on Monday. The \
                 former teacher thanked Labour party members in Tarsk.",
            ],
            "nomination",
        );
        assert_eq!(got[1], [2], "{got:?}");
    }

    #[test]
    fn one_word_in_two_outlets_tells_one_happening() {
        let got = reach_of(
            &[
                "A strong earthquake struck the coast of Norland on Sunday, officials said. \
                 Dozens of homes collapsed.",
                "Rescuers searched the rubble after the quake hit the Norland coast. The \
                 earthquake was felt across the region on Saturday night.",
            ],
            "quake",
        );
        assert_eq!(got[1], [2], "{got:?}");
    }

    #[test]
    fn two_outlets_statements_are_two_events() {
        let got = reach_of(
            &[
                "Norvik Foods acquired Baltic Mills on Tuesday, the company said.",
                "Baltic Mills was bought by Norvik Foods on Tuesday, a spokesman said.",
            ],
            "said",
        );
        assert_eq!(got, [[1], [1]], "{got:?}");
    }

    #[test]
    fn strikes_on_two_cities_are_two_events() {
        let got = reach_of(
            &[
                "Air strikes killed 12 people in Tarsin on Monday, a monitor said.",
                "Air strikes killed 7 people in Karmel on Monday, a monitor said.",
            ],
            "killed",
        );
        assert_eq!(got, [[1], [1]], "{got:?}");
    }

    #[test]
    fn happenings_in_two_countries_are_two_events() {
        let got = reach_of(
            &[
                "Ten people were killed in Lima on Sunday, officials said. Homes fell in \
                 Arequipa.",
                "Ten people were killed in Lima on Sunday, officials said. Three people \
                 were killed in Chile on Sunday.",
            ],
            "killed",
        );
        assert_eq!(got, [vec![2], vec![2, 1]], "{got:?}");
    }

    #[test]
    fn an_earlier_happening_is_not_the_storys() {
        let got = reach_of(
            &[
                "Police arrested Ivo Rask after the crash in Tarsk on Friday. The arrest \
                 came after a chase.",
                "Ivo Rask, who has two prior arrests for speeding, was arrested in Tarsk \
                 on Friday after the crash.",
            ],
            "arrests",
        );
        assert_eq!(got, [vec![], vec![1]], "{got:?}");
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
    fn means_are_words_between_any_other_characters() {
        // Hyphens join a word; a dash, a curly apostrophe or a digit group do not split
        // a word wrongly, and a word at the very end counts.
        assert_eq!(
            super::means_in("Air-strikes\u{2014}Tarsk\u{2019}s WARPLANES, snipers"),
            ["air", "gun"]
        );
        assert_eq!(super::means_in("Tarsk\u{2019}s air"), ["air"]);
        assert!(super::means_in("airx \u{e9}air 9air").is_empty());
    }

    #[test]
    fn the_means_are_read_in_the_triggers_sentence_only() {
        let text = "Shells hit a school. Air strikes killed 9 people in Tarsin. Snipers fired.";
        let at = text.find("killed").expect("the trigger");
        let mut reader = super::MeansReader::new(text);
        assert_eq!(reader.near(at..at + 6), ["air"]);
        let strikes = text.find("strikes").expect("a second trigger");
        assert_eq!(
            reader.near(strikes..strikes + 7),
            ["air"],
            "the same sentence"
        );
        let fired = text.find("fired").expect("a third trigger");
        assert_eq!(reader.near(fired..fired + 5), ["gun"], "the next sentence");
        let mut other = super::MeansReader::new("Nine people were killed.");
        assert!(other.near(17..23).is_empty());
    }

    #[test]
    fn strikes_in_two_districts_of_one_city_are_two_events() {
        let got = reported(
            &[
                "Rockets fired by militants hit the Karmel district of Tarsin on Monday and \
                 killed 8 people, state media said.",
                "Government warplanes struck the Soran district of Tarsin on Monday and \
                 killed 30 people, a monitor said.",
            ],
            "killing",
        );
        assert_eq!(got, [1, 1], "{got:?}");
    }

    #[test]
    fn a_strike_on_a_district_and_on_its_city_is_one_event() {
        let got = reported(
            &[
                "Government warplanes struck the Soran district of Tarsin on Monday and \
                 killed 30 people, a monitor said.",
                "Air strikes on Tarsin killed 30 people on Monday, rescuers said.",
            ],
            "killing",
        );
        assert_eq!(got, [2], "{got:?}");
    }

    #[test]
    fn an_arrest_and_a_custody_told_by_two_outlets_are_one_event() {
        let got = reach_of(
            &[
                "Police arrested the singer Ivo Rask in Tarsk on Monday after a brawl.",
                "The singer Ivo Rask was taken into custody in Tarsk on Monday after a \
                 brawl, police said.",
            ],
            "custody",
        );
        assert_eq!(got[1], [2], "{got:?}");
    }

    #[test]
    fn opened_fire_and_the_shooting_are_one_event() {
        let got = reach_of(
            &[
                "A gunman opened fire in a mall in Tarsk on Sunday, wounding four people.",
                "Four people were wounded in the shooting at a Tarsk mall on Sunday.",
            ],
            "shooting",
        );
        assert_eq!(got[1], [2], "{got:?}");
    }

    #[test]
    fn passed_away_and_died_are_one_death() {
        let got = reach_of(
            &[
                "The actress Lena Oduya passed away in Tarsk on May 5 at 85.",
                "Lena Oduya, the star of many films, died in Tarsk on May 5 at 85.",
            ],
            "died",
        );
        assert_eq!(got[1], [2], "{got:?}");
    }

    #[test]
    fn two_shootings_on_different_days_told_by_one_word_are_two_events() {
        let text = "A gunman shot two guards at a bank in Tarsk on March 3. A gunman shot \
                    a teacher at a school in Tarsk on March 9, police said.";
        let got = reach_of(&[text, text], "shot");
        assert_eq!(got[0], [2, 2], "{got:?}");
    }

    #[test]
    fn a_killing_whose_sentence_names_no_means_meets_any() {
        // The helicopter of the first sentence is no means of the killing.
        let got = reach_of(
            &[
                "A police helicopter searched the hills near Tarsk on Sunday. Ivo Rask was \
                 killed in Tarsk on Sunday, police said.",
                "A gunman killed Ivo Rask in Tarsk on Sunday, police said.",
            ],
            "killed",
        );
        assert_eq!(got, [[2], [2]], "{got:?}");
    }

    #[test]
    fn relieved_of_is_a_dismissal() {
        let word = |w: &str| super::word_of(w, 0..w.len());
        let text = "the mayor was relieved of his duties";
        let at = text.find("relieved").expect("the trigger");
        assert_eq!(super::word_of(text, at..at + 8), word("dismissed"));
        assert_ne!(
            word("relieved"),
            word("dismissed"),
            "relieved alone is no dismissal"
        );
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

    #[test]
    fn killings_of_civilians_and_of_militants_are_two_events() {
        let got = reported(
            &[
                "Twenty civilians were killed in air raids on Tarsk on Monday, a monitor said.",
                "Forty militants were killed near Tarsk on Monday, state media said.",
            ],
            "killing",
        );
        assert_eq!(got, [1, 1], "{got:?}");
    }

    #[test]
    fn killings_of_children_and_of_civilians_are_one_event() {
        let got = reported(
            &[
                "Twenty civilians were killed in air raids on Tarsk on Monday, a monitor said.",
                "Eleven children were killed in air raids on Tarsk on Monday, rescuers said.",
            ],
            "killing",
        );
        assert_eq!(got, [2], "{got:?}");
    }
}
