//! Questions for counts and amounts that have no subject of their own.
//!
//! "Last year, 310 Peruvian miners crossed into Chile" and "Some 310 Peruvians crossed the
//! border last year" count the same thing, yet neither names an entity as its subject:
//! the counted phrase does. Such a claim is asked about the country its counted phrase
//! names (a nationality, "Peruvian(s)" → the story's entity "Peru", or an entity's name
//! inside it), for the period its quantity gives ("last year" → `2021`) and the thing
//! counted without the nationality ("miners"). A phrase that names only the people
//! ("Peruvians") joins the one thing counted of that country and period when
//! there is exactly one; two different things counted ("miners", "soldiers") stay two
//! questions.
//!
//! Casualty figures ("at least 22 people were killed", "killed 16") are asked per story
//! and role (`killed`, `injured`, …), whether or not they name a place: every outlet
//! reporting a happening answers "how many were killed?". The subject is the story's
//! first event of the role's kind (a killing for the killed), and each document
//! answers once (once for each side of the fighting where it gives a state's forces'
//! toll and its armed opponents'), with its latest figure for the role: the last it
//! gives as an update ("the toll rose to 70"); else the first exact figure of its lede
//! (the sentences up to the first that tells of a happening: the headline's or the
//! lede's toll is the toll of the happening the document reports, and a figure merely
//! repeated later — one of two nearby attacks' tolls, an earlier day's — never
//! outweighs it), unless the lede lists places ("in Tarsk and Harran", a sum of two
//! happenings); else the one it repeats most; else its first. A figure of the whole
//! comes before a part ("five children and four medics", "another 5", "two medics
//! among 31 dead"). Its zero ("no one was killed") only when it gives no other figure
//! for the role. A denial ("not 1000") answers only where another figure of the
//! question gives the value it denies. The answers are then split by their
//! [`circumstances`]: a toll of an air raid and one of a car bomb, or of attacks by the
//! two sides of a war (a regime's air raid, rebels' rocket fire), or of civilians and
//! of fighters (or of a part of the civilians, the children), or a sum over places
//! listed together and one place's toll, or dated two days or more apart, answer two
//! questions. A figure whose sentence names no means takes the means its document's
//! headline and lede name.

use crate::hashing::HashMap;
use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Claim, EntityKind, Ledger, Predicate, Quantity, Value};
use crate::resolve::circumstances::{self, Circumstances};

/// The subject and open-value key of one subject-less count or amount claim.
pub(crate) struct Measure {
    /// The entity the counted phrase names.
    pub subject: String,
    /// Period and thing counted, which keep different measures apart.
    pub key: String,
}

/// Finds the measure of each subject-less `count` or `amount` claim of the ledger, by
/// claim index; `texts` holds each document's text by id.
pub(crate) fn measures(ledger: &Ledger, texts: &HashMap<&str, &str>) -> HashMap<usize, Measure> {
    let places = place_names(ledger);
    let mut quantities: HashMap<&str, Vec<&Quantity>> = HashMap::default();
    for q in &ledger.quantities {
        quantities.entry(q.doc.as_str()).or_default().push(q);
    }
    let (mut result, casualties) = casualty_measures(ledger, &quantities, texts);
    let mut found: Vec<(usize, String, String, String)> = Vec::new();
    for (index, claim) in ledger.claims.iter().enumerate() {
        if claim.subject.is_some()
            || casualties.contains(&index)
            || !matches!(claim.predicate, Predicate::Count | Predicate::Amount)
        {
            continue;
        }
        let words: Vec<String> = crate::text::fold_lower(&claim.subject_text)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let sentence = texts
            .get(claim.doc.as_str())
            .and_then(|text| text.get(claim.start..claim.end))
            .unwrap_or_default();
        let capitalized = as_written(&words, sentence);
        let Some((subject, rest)) = named_place(&words, &capitalized, &places) else {
            continue;
        };
        let of_doc = quantities
            .get(claim.doc.as_str())
            .map_or(&[][..], Vec::as_slice);
        let time = quantity_time(of_doc, claim).unwrap_or_default();
        found.push((index, subject, time, rest));
    }
    // A measure of the people alone takes the one thing counted for its place and time.
    let mut counted: HashMap<(&str, &str), BTreeSet<&str>> = HashMap::default();
    for (_, subject, time, rest) in &found {
        if !rest.is_empty() {
            counted.entry((subject, time)).or_default().insert(rest);
        }
    }
    for (index, subject, time, rest) in &found {
        let thing = match counted.get(&(subject.as_str(), time.as_str())) {
            Some(things) if rest.is_empty() && things.len() == 1 => things.iter().next().copied(),
            _ => Some(rest.as_str()),
        };
        let predicate = &ledger.claims[*index].predicate;
        result.insert(
            *index,
            Measure {
                subject: subject.clone(),
                key: format!("{predicate} {time} {}", thing.unwrap_or_default()),
            },
        );
    }
    result
}

/// The event types whose figures a casualty role counts, by role keyword.
fn role_event_types(role: &str) -> &'static [&'static str] {
    match role {
        "killed" => &["killing", "death"],
        "injured" => &["injury"],
        "arrested" => &["arrest"],
        "missing" => &["disappearance"],
        _ => &[],
    }
}

/// The casualty quantity a count claim was made from: the quantity of the claim's
/// document with the claim's value whose words lie in the claim, the one counting what
/// the claim is about where a sentence gives one value twice ("two civilians were
/// killed and two other persons injured").
fn casualty_of<'l>(quantities: &[&'l Quantity], claim: &Claim) -> Option<&'l Quantity> {
    let Value::Number(value) = claim.value else {
        return None;
    };
    let mut of_value = quantities
        .iter()
        .filter(|q| q.start >= claim.start && q.end <= claim.end && q.value == value);
    let first = of_value.clone().next();
    of_value
        .find(|q| {
            q.counted
                .as_deref()
                .is_some_and(|counted| counted.eq_ignore_ascii_case(&claim.subject_text))
        })
        .or(first)
        .copied()
        .filter(|q| q.role.is_some() && q.unit.is_none())
}

/// One document's casualty figure: (document, quantity start, revised, exact (no vague
/// "dozens", no "about"), claim index, what the quantity counts).
type Answer<'l> = (&'l str, usize, bool, bool, usize, Option<&'l str>);

/// The measures of the casualty claims (see the module's documentation), by claim
/// index, and the indexes of every casualty claim, answered or not.
fn casualty_measures(
    ledger: &Ledger,
    quantities: &HashMap<&str, Vec<&Quantity>>,
    texts: &HashMap<&str, &str>,
) -> (HashMap<usize, Measure>, BTreeSet<usize>) {
    let story_of = super::story_of(ledger);
    // (story, role) → the answers, in claim order.
    let mut figures: BTreeMap<(usize, &str), Vec<Answer<'_>>> = BTreeMap::new();
    let mut casualties = BTreeSet::new();
    // Two claims read from one figure answer once: a figure is no repeat of itself.
    let mut answered: BTreeSet<(&str, usize)> = BTreeSet::new();
    for (index, claim) in ledger.claims.iter().enumerate() {
        if claim.subject.is_some() || claim.predicate != Predicate::Count {
            continue;
        }
        let of_doc = quantities
            .get(claim.doc.as_str())
            .map_or(&[][..], Vec::as_slice);
        let (Some(q), Some(&story)) =
            (casualty_of(of_doc, claim), story_of.get(claim.doc.as_str()))
        else {
            continue;
        };
        casualties.insert(index);
        if !answered.insert((claim.doc.as_str(), q.start)) {
            continue;
        }
        let role = q.role.as_deref().unwrap_or_default();
        figures.entry((story, role)).or_default().push((
            claim.doc.as_str(),
            q.start,
            q.revised,
            !q.approximate,
            index,
            q.counted.as_deref(),
        ));
    }
    let conjoined = conjoined_counts(quantities, texts);
    let events_of = story_events(ledger, &story_of);
    let ledes = lede_ends(ledger);
    let answering: BTreeSet<&str> = figures.values().flatten().map(|answer| answer.0).collect();
    let lede_reads = lede_circumstances(ledger, texts, &ledes, &answering);
    let joined_places = place_lists(ledger, texts);
    let mut result = HashMap::default();
    for ((story, role), mut answers) in figures {
        // A figure of an earlier happening the sentence recalls answers nothing here.
        answers.retain(|&(doc, .., index, _)| {
            let text = texts.get(doc).copied().unwrap_or_default();
            !super::recalled::tells_another(&ledger.claims[index], text)
        });
        // "No one was killed in the second blast" beside the first blast's toll: a
        // document's zero answers only when it gives no other figure.
        let zero = |index: usize| ledger.claims[index].value == Value::Number(0.0);
        let counting: BTreeSet<&str> = answers
            .iter()
            .filter(|&&(.., index, _)| !zero(index))
            .map(|&(doc, ..)| doc)
            .collect();
        answers.retain(|&(doc, .., index, _)| !zero(index) || !counting.contains(doc));
        let Some(subject) = story_subject(ledger, &events_of[story], role) else {
            continue;
        };
        // Each document's figure: its last update, else its lede's first, else the
        // figure it repeats most, the first on a tie.
        // A document giving the tolls of both sides of the fighting answers for each.
        // Whether a figure's sentence lists places ("in Tarsk and Harran").
        let lists_places = |claim: &Claim| {
            joined_places.get(claim.doc.as_str()).is_some_and(|joins| {
                let at = joins.partition_point(|&j| j < claim.start);
                joins.get(at).is_some_and(|&j| j < claim.end)
            })
        };
        let read = |index: usize, counted: Option<&str>| {
            let claim = &ledger.claims[index];
            let sentence = texts
                .get(claim.doc.as_str())
                .and_then(|text| text.get(claim.start..claim.end))
                .unwrap_or_default();
            let of_doc = quantities
                .get(claim.doc.as_str())
                .map_or(&[][..], Vec::as_slice);
            let lede = lede_reads
                .get(claim.doc.as_str())
                .copied()
                .unwrap_or_default();
            Circumstances::read(sentence, counted)
                .or_means_of(lede)
                .on(quantity_time(of_doc, claim).as_deref())
                .over_places(lists_places(claim))
        };
        // "Another 5" and "two other people" add to a figure, and one of two counts
        // joined by "and" ("five children and four medics were killed") is a part of
        // one: neither restates a toll. Two sub-counts of one value ("5 in the market
        // and another 5 at the school", "two people … two other people") are no
        // repeat that outweighs the lede's toll, and a part gives the document's
        // figure only where it gives none of the whole.
        let part = |doc: &str, start: usize, counted: Option<&str>| {
            let another = texts
                .get(doc)
                .and_then(|text| text.get(..start))
                .and_then(|before| before.trim_end().rsplit(char::is_whitespace).next())
                .is_some_and(|word| word.eq_ignore_ascii_case("another"));
            let other = counted
                .and_then(|c| c.split(' ').next())
                .is_some_and(|word| matches!(word, "other" | "more"));
            another || other || conjoined.contains(&(doc, start))
        };
        let mut repeats: BTreeMap<(&str, String), usize> = BTreeMap::new();
        for &(doc, start, .., index, counted) in &answers {
            if part(doc, start, counted) {
                continue;
            }
            *repeats
                .entry((doc, ledger.claims[index].value.key()))
                .or_default() += 1;
        }
        let mut chosen: BTreeMap<(&str, Option<circumstances::Side>), Choice<'_>> = BTreeMap::new();
        for &(doc, start, revised, exact, index, counted) in &answers {
            let repeated = repeats
                .get(&(doc, ledger.claims[index].value.key()))
                .copied()
                .unwrap_or_default();
            let candidate = if revised {
                Choice {
                    revised: true,
                    update_at: start,
                    whole: true,
                    lede: false,
                    repeated: 0,
                    earliness: 0,
                    index,
                    counted,
                }
            } else {
                let whole = !part(doc, start, counted);
                // Within the lede the first exact figure stands, however often a later
                // one is repeated; a headline's "dozens" gives way to a figure, and so
                // does a sum over places listed together ("in Tarsk and Harran").
                let claim = &ledger.claims[index];
                let lede = exact
                    && ledes.get(doc).is_some_and(|&end| claim.start <= end)
                    && !lists_places(claim);
                Choice {
                    revised: false,
                    update_at: 0,
                    whole,
                    lede,
                    repeated: if lede { 0 } else { repeated },
                    earliness: usize::MAX - start,
                    index,
                    counted,
                }
            };
            let best = chosen
                .entry((doc, read(index, counted).side()))
                .or_insert(candidate);
            if candidate > *best {
                *best = candidate;
            }
        }
        let asserted: Vec<&Value> = chosen
            .values()
            .map(|choice| &ledger.claims[choice.index])
            .filter(|c| !c.negated)
            .map(|c| &c.value)
            .collect();
        let chosen: Vec<(usize, Option<&str>)> = chosen
            .into_values()
            .map(|choice| (choice.index, choice.counted))
            .filter(|&(index, _)| {
                let claim = &ledger.claims[index];
                !claim.negated || asserted.contains(&&claim.value)
            })
            .collect();
        // Figures of different attacks or of different victims are different questions.
        let circumstances: Vec<Circumstances> = chosen
            .iter()
            .map(|&(index, counted)| read(index, counted))
            .collect();
        let (of_figure, groups) = circumstances::group(&circumstances);
        for (&(index, _), group) in chosen.iter().zip(of_figure) {
            result.insert(
                index,
                Measure {
                    subject: subject.clone(),
                    key: format!("count {role} {group} {}", groups[group].key()),
                },
            );
        }
    }
    (result, casualties)
}

/// How one of a document's casualty figures ranks as its answer: compared field by field
/// in this order, the greatest is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Choice<'l> {
    /// An update ("the toll rose to 70") outranks every other figure…
    revised: bool,
    /// …and a later update an earlier one (its byte offset; 0 for no update).
    update_at: usize,
    /// A figure of the whole before a part ("five children and four medics").
    whole: bool,
    /// The lede's first exact figure before one merely repeated.
    lede: bool,
    /// How often the document gives the value (0 for a lede figure, which needs none).
    repeated: usize,
    /// The first figure on a tie (`usize::MAX` less its offset).
    earliness: usize,
    /// The claim's index.
    index: usize,
    /// What the figure counts.
    counted: Option<&'l str>,
}

/// Where each document's lede sentence begins at the latest: the first byte of its
/// first event mention, by document. A claim whose sentence starts there or before is
/// the headline's or the lede's: what the document first tells of the happening it
/// reports (the same lede the stories are dated by).
fn lede_ends(ledger: &Ledger) -> HashMap<&str, usize> {
    let mut ends: HashMap<&str, usize> = HashMap::default();
    for mention in ledger.events.iter().flat_map(|e| &e.mentions) {
        ends.entry(mention.doc.as_str())
            .and_modify(|end| *end = (*end).min(mention.start))
            .or_insert(mention.start);
    }
    ends
}

/// The circumstances the headline and lede of each `answering` document (one giving a
/// casualty figure) tell, by document: the happening the document reports. The lede ends where the furthest claim starting at or before
/// the document's first event mention ends (a claim spans its sentence).
fn lede_circumstances<'l>(
    ledger: &'l Ledger,
    texts: &HashMap<&str, &str>,
    ledes: &HashMap<&str, usize>,
    answering: &BTreeSet<&str>,
) -> HashMap<&'l str, Circumstances> {
    let mut ends: HashMap<&str, usize> = HashMap::default();
    for claim in ledger
        .claims
        .iter()
        .filter(|c| answering.contains(c.doc.as_str()))
    {
        if let Some(&lede) = ledes.get(claim.doc.as_str()) {
            if claim.start <= lede {
                let end = ends.entry(claim.doc.as_str()).or_insert(lede);
                *end = (*end).max(claim.end);
            }
        }
    }
    ends.into_iter()
        .filter_map(|(doc, end)| {
            let lede = texts.get(doc)?.get(..end)?;
            Some((doc, Circumstances::read(lede, None)))
        })
        .collect()
}

/// Where two places are listed together ("in Tarsk and Harran", "Tarsk & Harran",
/// "Tarsk, Harran"): the end of the first place's mention, by document, in order. A
/// figure of a sentence listing places sums happenings in each. The name after a place
/// and "and" counts whatever kind its entity was given: an unfamiliar town's name is
/// often taken for a person's or a group's, and the list tells it is a place.
fn place_lists<'l>(
    ledger: &'l Ledger,
    texts: &HashMap<&str, &str>,
) -> HashMap<&'l str, Vec<usize>> {
    let mut mentions: HashMap<&str, Vec<(usize, usize, &str, bool)>> = HashMap::default();
    for entity in &ledger.entities {
        let place = entity.kind == EntityKind::Location;
        for m in &entity.mentions {
            mentions.entry(m.doc.as_str()).or_default().push((
                m.start,
                m.end,
                entity.id.as_str(),
                place,
            ));
        }
    }
    let mut lists = HashMap::default();
    for (doc, mut of_doc) in mentions {
        let Some(text) = texts.get(doc) else {
            continue;
        };
        of_doc.sort_unstable();
        let joins: Vec<usize> = of_doc
            .windows(2)
            .filter(|pair| {
                let ((_, end, first, place), (start, _, next, _)) = (pair[0], pair[1]);
                let between = text.get(end..start).unwrap_or_default().trim();
                place
                    && first != next
                    && (between.eq_ignore_ascii_case("and") || between == "&" || between == ",")
            })
            .map(|pair| pair[0].1)
            .collect();
        if !joins.is_empty() {
            lists.insert(doc, joins);
        }
    }
    lists
}

/// The (document, start) of each casualty quantity that is one of two counts of one
/// role joined by "and" — the first's counted phrase and "and" alone between them
/// ("five children and four medics were killed", "four staff and five children"):
/// each counts a part of the dead, not the toll. Where either counts a whole class of
/// victims ("16 civilians and three children", "45 militants and 20 soldiers"), each
/// stands as a toll of its own. A casualty count set "among" the next count ("two medics
/// among 31 dead") is a part of it, whatever the next one's role.
fn conjoined_counts<'l>(
    quantities: &HashMap<&'l str, Vec<&'l Quantity>>,
    texts: &HashMap<&str, &str>,
) -> BTreeSet<(&'l str, usize)> {
    let mut parts = BTreeSet::new();
    for (&doc, of_doc) in quantities {
        let Some(text) = texts.get(doc) else {
            continue;
        };
        for pair in of_doc.windows(2) {
            let (first, next) = (pair[0], pair[1]);
            if first.role.is_none() || first.end > next.start {
                continue;
            }
            let between = text.get(first.end..next.start).unwrap_or_default();
            let between = crate::text::fold_lower(between);
            let mut words = crate::text::words(&between, &['-']);
            let counted = first.counted.as_deref().unwrap_or_default();
            let after_counted = counted.split_whitespace().all(|w| words.next() == Some(w));
            let joiner = words
                .next()
                .filter(|_| after_counted && words.next().is_none());
            let class =
                |q: &Quantity| Circumstances::read("", q.counted.as_deref()).counts_a_class();
            match joiner {
                Some("and") if first.role == next.role && !class(first) && !class(next) => {
                    parts.insert((doc, first.start));
                    parts.insert((doc, next.start));
                }
                Some("among") => {
                    parts.insert((doc, first.start));
                }
                _ => {}
            }
        }
    }
    parts
}

/// The indexes of the events each story's documents report, by story, in ledger order:
/// found once for the ledger rather than by reading every event for each question.
fn story_events(ledger: &Ledger, story_of: &HashMap<&str, usize>) -> Vec<Vec<usize>> {
    let mut events_of = vec![Vec::new(); ledger.stories.len()];
    for (e, event) in ledger.events.iter().enumerate() {
        for doc in &event.documents {
            if let Some(&story) = story_of.get(doc.as_str()) {
                let events: &mut Vec<usize> = &mut events_of[story];
                if events.last() != Some(&e) {
                    events.push(e);
                }
            }
        }
    }
    events_of
}

/// The subject of a story's casualty questions for `role`, among `events` (the indexes
/// of the events the story's documents report, in ledger order): the first of a type
/// the role counts; for the killed, else the first at all (every happening a story
/// reports with a toll is one that killed). The wounded, the missing, the arrested or
/// the displaced without an event of their kind are asked about nothing: under another
/// happening a reader would take them for its dead.
fn story_subject(ledger: &Ledger, events: &[usize], role: &str) -> Option<String> {
    let types = role_event_types(role);
    let mut in_story = events.iter().map(|&e| &ledger.events[e]);
    in_story
        .clone()
        .find(|e| types.contains(&e.kind.as_str()))
        .or_else(|| (role == "killed").then(|| in_story.next()).flatten())
        .map(|e| e.id.clone())
}

/// Lowercase names and aliases of the ledger's places and groups → entity id, names
/// shared by two entities left out.
fn place_names(ledger: &Ledger) -> HashMap<String, Option<String>> {
    let mut names: HashMap<String, Option<String>> = HashMap::default();
    for entity in ledger
        .entities
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Location | EntityKind::Organization))
    {
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            names
                .entry(crate::text::fold_lower(name))
                .and_modify(|seen| {
                    if seen.as_deref() != Some(entity.id.as_str()) {
                        *seen = None;
                    }
                })
                .or_insert_with(|| Some(entity.id.clone()));
        }
    }
    names
}

/// Whether each of the folded `words` of a counted phrase is written with a capital (or
/// is a number, as in "AK 47") where the phrase first stands in `sentence`; all false
/// where the sentence does not hold the phrase word for word.
fn as_written(words: &[String], sentence: &str) -> Vec<bool> {
    let written: Vec<&str> = crate::text::words(sentence, &[]).collect();
    let folded: Vec<String> = written.iter().map(|w| crate::text::fold_lower(w)).collect();
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    (0..folded.len().saturating_sub(words.len()) + 1)
        .find(|&at| folded.get(at..at + words.len()) == Some(words))
        .map_or_else(
            || vec![false; words.len()],
            |at| {
                written[at..at + words.len()]
                    .iter()
                    .map(|w| capital(w))
                    .collect()
            },
        )
}

/// The entity the counted words name — a nationality (singular or plural) through its
/// country, or a place's own name written as a name — with the remaining words, plurals
/// made singular. `capitalized` tells, word by word, whether the text wrote it with a
/// capital (or a digit, as in "AK 47"): "five times" and "three bank workers" name no
/// newspaper and no bank.
fn named_place(
    words: &[String],
    capitalized: &[bool],
    places: &HashMap<String, Option<String>>,
) -> Option<(String, String)> {
    let singular = |w: &str| w.strip_suffix('s').unwrap_or(w).to_string();
    // Where folding changed the words' count, no word counts as written with a capital.
    let written_as_name = |at: std::ops::Range<usize>| {
        capitalized.len() == words.len() && capitalized[at].iter().all(|&c| c)
    };
    for len in (1..=words.len().min(4)).rev() {
        for start in 0..=words.len() - len {
            let phrase = words[start..start + len].join(" ");
            let country = crate::lexicon::nationalities::country_of(&singular(&phrase))
                .or_else(|| crate::lexicon::nationalities::country_of(&phrase));
            let own_name = || {
                places
                    .get(&phrase)
                    .filter(|_| written_as_name(start..start + len))
            };
            let entity = country
                .and_then(|c| places.get(c))
                .or_else(own_name)
                .cloned()
                .flatten();
            if let Some(entity) = entity {
                let rest: Vec<String> = words[..start]
                    .iter()
                    .chain(&words[start + len..])
                    .map(|w| singular(w))
                    .collect();
                return Some((entity, rest.join(" ")));
            }
        }
    }
    None
}

/// The time of the quantity a count or amount claim was made from, among the
/// quantities of the claim's document.
fn quantity_time(quantities: &[&Quantity], claim: &Claim) -> Option<String> {
    let Value::Number(value) = claim.value else {
        return None;
    };
    quantities
        .iter()
        .find(|q| q.start >= claim.start && q.end <= claim.end && q.value == value)
        .and_then(|q| q.time.clone())
}
