//! Comparison: for each question a story raises — one subject, one predicate — which
//! documents agree, which conflict and which stand alone.
//!
//! The claims of a story are grouped by (subject, predicate). Inside a group, claims
//! whose values normalize to the same key ([`values`]) form one reading; the verdict is
//! `single` when one document gives them all, `agree` when every two readings fit
//! (a coarser time, an approximate number, "family" for "wife and child"), `conflict`
//! otherwise. A negated claim ("did not resign in 2022") is a reading of its own, in
//! conflict with the same value asserted and with no other: "did not return to France"
//! says nothing against "returned to Lyon".
//!
//! Attributes held over a time (`role`, `affiliation`, `nationality`, `residence`) are
//! compared only where their times overlap: each reading holds for the time its claim
//! gives ("deputy director from 2016 to 2019", "the former ambassador": until the day
//! before) or, without one, for its document's date; where one time is unknown they
//! are not compared. Two values one document gives from one source (both in its own voice, or
//! both from one speaker) are both true for that source ("the assistant general
//! manager, now interim head coach"): an outlet does not contradict itself. An event's
//! origin that is the country of its agents' nationality ("defected
//! from North Korea") is the state they left, which fits any place they left from.
//!
//! Only predicates with one true value per subject (`data/functional_predicates.txt`:
//! `age`, `role`, `time`, `companions`, …) can conflict. Any other predicate is a verb
//! that may hold of several values at once ("visited Rome" and "visited Paris"), so
//! each of its values is a question of its own: agreed by several outlets or single.
//! So is a place the place list does not know (a village, a street, a garbled name) or
//! one only neared ("near Lyon"): it fits every place, so it would confirm any, and is
//! agreed only by outlets naming it.
//!
//! Counts and amounts without a subject are asked about the place their counted phrase
//! names, for their period and thing counted ([`measures`]).
//!
//! Each reading carries its independent `sources` ([`sources`]).

mod days;
mod measures;
mod recalled;
mod sources;
mod values;

use crate::hashing::{HashMap, HashSet};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::lexicon;
use crate::lexicon::places::PlaceKind;
use crate::model::{Claim, Comparison, Entity, Ledger, Predicate, Reading, Role, Value, Verdict};
use crate::resolve::fit::times_fit;
use values::Normal;

/// Whether a predicate has one true value per subject: those listed, and the time of a
/// verb ("inform_time": how long before another happening someone informed).
fn is_functional(predicate: &str) -> bool {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    predicate.ends_with("_time")
        || LIST
            .get_or_init(|| {
                lexicon::lines(include_str!("../../data/functional_predicates.txt")).collect()
            })
            .contains(&predicate)
}

/// Whether a predicate is an attribute held over a time, which may change.
fn is_time_scoped(predicate: &Predicate) -> bool {
    matches!(
        predicate,
        Predicate::Role | Predicate::Affiliation | Predicate::Nationality
    ) || predicate.to_string() == "residence"
}

/// The index of each document's story in `ledger.stories`, by document id.
fn story_of(ledger: &Ledger) -> HashMap<&str, usize> {
    ledger
        .stories
        .iter()
        .enumerate()
        .flat_map(|(s, story)| story.documents.iter().map(move |d| (d.as_str(), s)))
        .collect()
}

/// One claim with its comparable value.
struct Entry<'l> {
    claim: &'l Claim,
    /// The question's subject: the claim's, or the one its counted phrase names.
    subject: &'l str,
    normal: Normal,
    /// The reading key: the normalized value, marked when negated.
    key: String,
    /// For an attribute held over a time, the time it holds for.
    held: Option<&'l str>,
    /// An origin that is the country its event's agents are nationals of.
    homeland: bool,
    /// For an age, the year it was told in: its document's ([`document_years`]), or
    /// for an undated document the one year the dated documents giving the same age
    /// were written in ([`date_undated_ages`]).
    told_in: Option<i32>,
    /// For a count, the one day of a many-day happening its sentence ties it to
    /// ([`days`]).
    day: Option<i8>,
}

impl Entry<'_> {
    /// The voice the claim speaks in: its document and its source there.
    fn voice(&self) -> (&str, Option<&str>) {
        (
            self.claim.doc.as_str(),
            self.claim.attribution.as_ref().map(|a| a.text.as_str()),
        )
    }

    /// Whether two readings of an attribute held over a time may hold at different
    /// times: their times do not overlap, or one states a time and the other's is
    /// unknown (no time of its own and an undated document). Two readings without a
    /// time of their own both hold at their documents' dates.
    fn held_apart(&self, other: &Entry<'_>) -> bool {
        if !is_time_scoped(&self.claim.predicate)
            || (self.claim.time.is_none() && other.claim.time.is_none())
        {
            return false;
        }
        match (self.held, other.held) {
            (Some(a), Some(b)) if a != ".." && b != ".." => !held_together(a, b),
            _ => true,
        }
    }

    /// What [`Entry::fits`] and the verdict read of a claim besides its normalized
    /// value: two entries alike here and in value fit every other entry alike.
    fn behaviour(&self) -> (&str, bool, Option<&str>, bool, bool, bool, Option<i32>) {
        (
            self.key.as_str(),
            self.claim.negated,
            self.held,
            self.homeland,
            self.claim.time.is_some(),
            self.claim.hedged,
            self.told_in,
        )
    }

    /// Whether two ages given in documents written in different years fit the one
    /// birth year: "27" in 2005 and "29" in 2007 (an arrest, then a trial) are one age
    /// told at two times. `None` where the years are unknown or the same.
    fn ages_over_years(&self, other: &Entry<'_>) -> Option<bool> {
        let (Some(year), Some(other_year)) = (self.told_in, other.told_in) else {
            return None;
        };
        let (Value::Number(age), Value::Number(other_age)) =
            (&self.claim.value, &other.claim.value)
        else {
            return None;
        };
        // Ages are whole years below 200: the casts are exact.
        let born = f64::from(year) - age;
        let other_born = f64::from(other_year) - other_age;
        (year != other_year).then(|| (born - other_born).abs() <= 1.0)
    }

    /// Whether the two claims can both be true. A hedged claim ("there might have been
    /// two killed", "the film might not make its date") asserts nothing that another
    /// can deny.
    fn fits(&self, other: &Entry<'_>) -> bool {
        if self.claim.hedged || other.claim.hedged {
            return true;
        }
        match (self.claim.negated, other.claim.negated) {
            (false, false) => {
                if let Some(fit) = self.ages_over_years(other) {
                    return fit;
                }
                self.key == other.key
                    || self.normal.fits(&other.normal)
                    || self.homeland
                    || other.homeland
                    || self.held_apart(other)
            }
            (true, true) => true,
            _ => !self.normal.same_as(&other.normal),
        }
    }
}

/// Whether two times an attribute holds for overlap; an open start (`../2008-12-22`,
/// "former") reaches back indefinitely.
fn held_together(a: &str, b: &str) -> bool {
    let closed = |t: &str| {
        t.strip_prefix("..")
            .map_or_else(|| t.to_string(), |rest| format!("0000{rest}"))
    };
    times_fit(&closed(a), &closed(b))
}

/// Gives an age from an undated document the year of the dated documents that give the
/// same age, where they agree on one: outlets telling one age wrote at one time.
fn date_undated_ages(entries: &mut [Entry<'_>]) {
    let mut years: HashMap<String, BTreeSet<i32>> = HashMap::default();
    for entry in entries.iter() {
        if let Some(year) = entry.told_in {
            years.entry(entry.key.clone()).or_default().insert(year);
        }
    }
    for entry in entries.iter_mut().filter(|e| e.told_in.is_none()) {
        if let Some(known) = years.get(&entry.key).filter(|known| known.len() == 1) {
            entry.told_in = known.first().copied();
        }
    }
}

/// How far into a document (in bytes) a full date may stand and still be its dateline.
const DATELINE_REACH: usize = 300;

/// The year each document was written in: its publication date's, else that of the
/// first full date in its opening bytes (a dateline, "July 26, 2005").
fn document_years(ledger: &Ledger) -> HashMap<&str, i32> {
    // A full date's year, as the time values and publication dates write it.
    let year = |value: &str| {
        crate::prepare::parse_date("", value)
            .ok()
            .map(|date| i32::from(date.year()))
    };
    let mut years: HashMap<&str, i32> = HashMap::default();
    for time in ledger.times.iter().filter(|t| t.start < DATELINE_REACH) {
        if let Some(y) = time.value.as_deref().and_then(year) {
            years.entry(time.doc.as_str()).or_insert(y);
        }
    }
    for document in &ledger.documents {
        if let Some(y) = document.published.as_deref().and_then(year) {
            years.insert(document.id.as_str(), y);
        }
    }
    years
}

/// The countries an event's agents are nationals of, by event id, as the story's
/// claims give them (lowercase country names).
fn homelands(ledger: &Ledger) -> HashMap<&str, Vec<&str>> {
    let mut nationality: HashMap<&str, Vec<&str>> = HashMap::default();
    for claim in &ledger.claims {
        if let (Some(subject), Predicate::Nationality, Value::Text(country), false) = (
            claim.subject.as_deref(),
            &claim.predicate,
            &claim.value,
            claim.negated,
        ) {
            nationality.entry(subject).or_default().push(country);
        }
    }
    ledger
        .events
        .iter()
        .map(|event| {
            let countries = event
                .arguments
                .iter()
                .filter(|a| a.role == Role::Agent)
                .filter_map(|a| nationality.get(a.entity.as_deref()?))
                .flatten()
                .copied()
                .collect();
            (event.id.as_str(), countries)
        })
        .collect()
}

/// The comparisons of a ledger whose stories, entities, events and claims are set, in
/// order of story, subject (as the ledger lists entities then events) and predicate.
/// `inherited` gives, by claim id, the interview a claim rests on as its article frames
/// it (outlet entity id, outlet's words): the person's statements after "PERSON told
/// NEWSPAPER …", attributed to the person or not.
pub(crate) fn comparisons(
    ledger: &Ledger,
    inherited: &HashMap<String, (Option<String>, String)>,
) -> Vec<Comparison> {
    let story_of = story_of(ledger);
    let subject_rank: HashMap<&str, usize> = ledger
        .entities
        .iter()
        .map(|e| e.id.as_str())
        .chain(ledger.events.iter().map(|e| e.id.as_str()))
        .enumerate()
        .map(|(i, id)| (id, i))
        .collect();
    // The casualty measures, the sources' origins and the homelands are each read on
    // their own core; each claim's value is normalized on all cores, then the claims
    // are grouped in their order.
    let texts: HashMap<&str, &str> = ledger
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    let (measures, (origins, homelands)) = rayon::join(
        || measures::measures(ledger, &texts),
        || {
            rayon::join(
                || sources::Origins::new(ledger, inherited),
                || homelands(ledger),
            )
        },
    );
    let entities: HashMap<&str, &Entity> =
        ledger.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let published: HashMap<&str, &str> = ledger
        .documents
        .iter()
        .filter_map(|d| Some((d.id.as_str(), d.published.as_deref()?)))
        .collect();
    let years = document_years(ledger);
    let events: HashSet<&str> = ledger.events.iter().map(|e| e.id.as_str()).collect();
    let tallied: HashSet<&str> = ledger
        .events
        .iter()
        .filter(|e| days::is_tallied(e.kind.as_str()))
        .map(|e| e.id.as_str())
        .collect();
    let entries: Vec<_> = ledger
        .claims
        .par_iter()
        .enumerate()
        .filter_map(|(index, claim)| {
            let measure = measures.get(&index);
            let subject = claim
                .subject
                .as_deref()
                .or(measure.map(|m| m.subject.as_str()))?;
            // A sentence recalling an earlier happening tells nothing of this event.
            let of_event = claim.subject.as_deref().is_some_and(|s| events.contains(s));
            if of_event
                && texts
                    .get(claim.doc.as_str())
                    .is_some_and(|text| recalled::tells_another(claim, text))
            {
                return None;
            }
            let (Some(&story), Some(&rank)) =
                (story_of.get(claim.doc.as_str()), subject_rank.get(subject))
            else {
                return None;
            };
            let mut normal = values::normalize(claim, &entities);
            let running_total = claim.predicate == Predicate::Count
                && texts
                    .get(claim.doc.as_str())
                    .and_then(|text| text.get(claim.start..claim.end))
                    .is_some_and(values::tells_running_total);
            if running_total {
                normal = normal.into_running_total();
            }
            let day = (claim.predicate == Predicate::Count && tallied.contains(subject))
                .then(|| {
                    texts
                        .get(claim.doc.as_str())
                        .and_then(|text| text.get(claim.start..claim.end))
                        .and_then(days::day_told)
                })
                .flatten();
            let held = is_time_scoped(&claim.predicate)
                .then(|| {
                    claim
                        .time
                        .as_deref()
                        .or_else(|| published.get(claim.doc.as_str()).copied())
                })
                .flatten();
            let homeland = claim.predicate == Predicate::Argument(Role::Origin)
                && normal.place().is_some_and(|p| {
                    p.kind == PlaceKind::Country
                        && homelands
                            .get(subject)
                            .is_some_and(|countries| countries.contains(&p.country))
                });
            let key = if claim.negated {
                format!("not {}", normal.key())
            } else {
                normal.key()
            };
            let open_value = match measure {
                Some(m) => m.key.clone(),
                None if claim.predicate == Predicate::Bearing => {
                    normal.landmark().unwrap_or_default()
                }
                // A place the list does not know, or one only neared, fits every place
                // but confirms none: a question of its own, agreed by outlets naming it.
                None if matches!(normal, Normal::VaguePlace(_)) => key.clone(),
                None if is_functional(&claim.predicate) => String::new(),
                None => key.clone(),
            };
            let entry = Entry {
                claim,
                subject,
                normal,
                key,
                held,
                homeland,
                told_in: (claim.predicate == Predicate::Age)
                    .then(|| years.get(claim.doc.as_str()).copied())
                    .flatten(),
                day,
            };
            Some(((story, rank, &claim.predicate, open_value), entry))
        })
        .collect();
    let mut questions: BTreeMap<(usize, usize, &Predicate, String), Vec<Entry<'_>>> =
        BTreeMap::new();
    for (question, entry) in entries {
        questions.entry(question).or_default().push(entry);
    }
    for ((_, _, predicate, _), entries) in &mut questions {
        if **predicate == Predicate::Age {
            date_undated_ages(entries);
        }
    }
    // Each question is answered on its own: on all cores, in the B-tree's order.
    let questions: Vec<_> = questions.into_iter().collect();
    questions
        .into_par_iter()
        .map(|((story, _, predicate, _), entries)| Comparison {
            story: ledger.stories[story].id.clone(),
            subject: entries[0].subject.to_string(),
            predicate: predicate.clone(),
            verdict: verdict(&entries),
            readings: readings(&entries, &origins, &entities),
        })
        .collect()
}

fn verdict(entries: &[Entry<'_>]) -> Verdict {
    let first_doc = &entries[0].claim.doc;
    if entries.iter().all(|e| e.claim.doc == *first_doc) {
        return Verdict::Single;
    }
    // Values one voice gives together are answers to different parts of the question
    // (two years' figures, two posts), not a disagreement, for every outlet. Each value
    // lists the voices asserting it (sorted, so two lists meet in one merge pass).
    let mut voice_ids: BTreeMap<(&str, Option<&str>), usize> = BTreeMap::new();
    let mut voices_of: HashMap<&str, Vec<usize>> = HashMap::default();
    for e in entries.iter().filter(|e| !e.claim.negated) {
        crate::work::count(1);
        let next = voice_ids.len();
        let voice = *voice_ids.entry(e.voice()).or_insert(next);
        voices_of.entry(e.key.as_str()).or_default().push(voice);
    }
    for voices in voices_of.values_mut() {
        voices.sort_unstable();
        voices.dedup();
    }
    // The days of a many-day happening each reading's claims tie it to: a reading any
    // of whose claims names a day is that day's count.
    let mut days_of: HashMap<&str, BTreeSet<i8>> = HashMap::default();
    for e in entries.iter().filter(|e| !e.claim.negated) {
        let days = days_of.entry(e.key.as_str()).or_default();
        days.extend(e.day);
    }
    let of_other_days = |a: &str, b: &str| match (days_of.get(a), days_of.get(b)) {
        (Some(a), Some(b)) => days::of_other_days(a, b),
        _ => false,
    };
    let given_together = |a: &str, b: &str| {
        let (Some(a), Some(b)) = (voices_of.get(a), voices_of.get(b)) else {
            return false;
        };
        crate::work::count(a.len() + b.len());
        shares_one(a, b)
    };
    // Claims of one value and one polarity always fit one another, so only claims of
    // different values are compared, and of those each distinct value with what `fits`
    // reads of its claim once. The work grows with the claims and the products of the
    // distinct values' sizes, not with the square of the claims (one reading carried by
    // 10,000 claims costs one pass).
    let mut seen: HashMap<_, Vec<&Normal>> = HashMap::default();
    let mut groups: BTreeMap<(&str, bool), Vec<&Entry<'_>>> = BTreeMap::new();
    for entry in entries {
        // One key may stand for values that differ in detail ("196", "some 196").
        let normals = seen.entry(entry.behaviour()).or_default();
        crate::work::count(1 + normals.len());
        if !normals.contains(&&entry.normal) {
            normals.push(&entry.normal);
            groups
                .entry((entry.key.as_str(), entry.claim.negated))
                .or_default()
                .push(entry);
        }
    }
    let groups: Vec<Vec<&Entry<'_>>> = groups.into_values().collect();
    let all_fit = groups.iter().enumerate().all(|(i, group)| {
        groups[i + 1..].iter().all(|other| {
            let (a, b) = (group[0], other[0]);
            if !a.claim.negated
                && !b.claim.negated
                && (given_together(&a.key, &b.key) || of_other_days(&a.key, &b.key))
            {
                return true;
            }
            crate::work::count(group.len() * other.len());
            group.iter().all(|a| other.iter().all(|b| a.fits(b)))
        })
    });
    if all_fit {
        Verdict::Agree
    } else {
        Verdict::Conflict
    }
}

/// Whether two sorted lists hold a common item.
fn shares_one(a: &[usize], b: &[usize]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

fn readings(
    entries: &[Entry<'_>],
    origins: &sources::Origins<'_>,
    entities: &HashMap<&str, &Entity>,
) -> Vec<Reading> {
    let mut by_key: BTreeMap<&str, Vec<&Entry<'_>>> = BTreeMap::new();
    for entry in entries {
        by_key.entry(entry.key.as_str()).or_default().push(entry);
    }
    let mut readings: Vec<Reading> = by_key
        .into_values()
        .map(|group| {
            let claims: Vec<&Claim> = group.iter().map(|e| e.claim).collect();
            let mut documents: Vec<String> = claims.iter().map(|c| c.doc.clone()).collect();
            documents.sort();
            documents.dedup();
            let (value, entity) = reading_value(&group, entities);
            Reading {
                value,
                entity,
                claims: claims.iter().map(|c| c.id.clone()).collect(),
                documents,
                sources: origins.sources(&claims),
            }
        })
        .collect();
    readings.sort_by_key(|r| std::cmp::Reverse(r.documents.len()));
    readings
}

/// A reading's value: the number, or the value its claims give most often (the first
/// in sorted order on a tie), marked "not" when the claims deny it; an entity by its
/// name, with its id.
fn reading_value(
    group: &[&Entry<'_>],
    entities: &HashMap<&str, &Entity>,
) -> (Value, Option<String>) {
    let mut counts: BTreeMap<String, (usize, &Value)> = BTreeMap::new();
    for entry in group {
        counts
            .entry(entry.claim.value.key())
            .or_insert((0, &entry.claim.value))
            .0 += 1;
    }
    let best = counts
        .values()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.key().cmp(&a.1.key())))
        .map(|(_, v)| (*v).clone())
        .unwrap_or(Value::Text(String::new()));
    let entity = match &best {
        Value::Text(id) => entities.get(id.as_str()),
        Value::Number(_) => None,
    };
    let named = entity.map_or(best, |e| Value::Text(e.name.clone()));
    let value = if group[0].claim.negated {
        Value::Text(format!("not {}", named.key()))
    } else {
        named
    };
    (value, entity.map(|e| e.id.clone()))
}
