//! Story clustering: documents about one real-world happening.
//!
//! Each document becomes a TF-IDF vector over what it is about: its content words, the
//! capitalized words that name its people and places (in their canonical romanization,
//! so "Choe" and "Choi" count as one), the years it dates things to and the kinds of
//! event it reports, and the full names of the people in it (a full name is far more
//! specific than its two words apart). Documents meet only
//! through an inverted index on each one's most telling terms (blocking: a term shared
//! by more than [`MAX_POSTING`] documents links nothing), their cosine similarity is
//! computed for those candidate pairs alone, and average-link agglomerative clustering
//! over that sparse graph joins clusters while their mean similarity stays above
//! [`THRESHOLD`]. Average linkage keeps two happenings of one kind apart (two
//! earthquakes share "earthquake" but not their places, names and years), where single
//! linkage would chain them.
//!
//! A story is one happening, so what the documents say of it weighs beside their words:
//! similarity fades with the days between their publication dates (a strike and the
//! next day's toll update are one story; one kind of happening reported weeks apart
//! makes two), and drops where each document's main place (the place it names most,
//! countries and regions aside) is not named by the other at all: two air strikes on
//! one day in two cities read alike but for their places. Documents of one day, places
//! and kind of event are one happening whatever their words, unless their ledes tell
//! two days (a strike "on Tuesday" in Wednesday's paper and one of Wednesday). Places
//! also meet through the
//! province they lie in, from a gazetteer of towns or, for a village it lacks, from
//! the text ("Tarsk in rural Harran"); a name before or after a division noun ("Harran
//! province", "the province of Harran") is a place even where the tagger missed it.
//!
//! Documents are processed in id order and every tie is broken by document index, so the
//! stories do not depend on the order the documents were given in.

use crate::hashing::HashMap;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};
use std::ops::Range;

use aho_corasick::AhoCorasick;
use rayon::prelude::*;

use super::names;
use crate::extract::{EventMention, Extraction, Found};
use crate::lexicon;
use crate::model::EntityKind;
use crate::ner::hash;
use crate::prepare::Prepared;

/// Mean cosine similarity two clusters need to be joined in the first pass, which
/// gathers a topic for the second to split (ECB+ topics 1–35: story B³ 0.930 at 0.15,
/// 0.939 at 0.12, 0.940 at 0.08–0.10; the synthetic 8,000-document corpus 0.803 at 0.15,
/// 0.779 at 0.12).
const THRESHOLD: f64 = 0.12;
/// Mean similarity, with document frequencies counted inside a first-pass cluster, that
/// keeps two parts of it together (see [`cluster`]).
const SPLIT_THRESHOLD: f64 = 0.12;
/// Mean similarity a fragment left by the split needs to join a larger part.
const ATTACH_THRESHOLD: f64 = 0.05;
/// The most documents a part of a split may have and still be a fragment of another
/// (ECB+ topics 1–35: story B³ 0.939 with lone documents only, 0.944 with two, 0.951
/// with three, 0.954 with four; the synthetic 8,000-document corpus unchanged).
const FRAGMENT: usize = 3;
/// First-pass clusters larger than this are not split again (the split compares all
/// pairs inside a cluster).
const MAX_SPLIT: usize = 500;
/// Weight of a capitalized word inside a sentence, over a plain content word.
const CAPITAL_WEIGHT: f64 = 2.0;
/// Terms per document entered in the blocking index.
const BLOCK_TERMS: usize = 15;
/// A term in more documents than this is no blocking key: it names a topic, not a
/// happening, and would bring quadratic work.
const MAX_POSTING: usize = 100;
/// Days apart at which two documents' similarity is halved.
const DATE_SCALE: f64 = 0.5;
/// What is left of the similarity of two documents of one day whose main places the
/// other does not name.
const PLACE_APART: f64 = 0.1;
/// The most days before publication a lede's day may lie and still be its happening's.
const LEDE_DAYS: i32 = 7;
/// The similarity of two documents that report one happening by what they say of it
/// (one day, one place, one kind of event), however different their words.
const SAME_HAPPENING: f64 = 0.3;

/// How much more a full name or an event type counts than a content word.
const TAG_WEIGHT: f64 = 2.0;
/// How much more a year counts than a content word: two happenings of one kind in one
/// place (two fires at one chain's stores, two injuries on one team) read alike but for
/// their names and their year, and the year is the surer sign (ECB+ topics 1–35: story
/// B³ 0.902 at the weight of a name, 0.930 at twice that).
const YEAR_WEIGHT: f64 = 4.0;

/// Clusters `docs` into stories: lists of document indexes, each sorted, in order of
/// their first document.
///
/// Two passes. The first, over the whole collection, gathers documents on one topic
/// (all the rehab admissions, all the earthquakes). The second weighs terms again by
/// their document frequency *inside* each such cluster, where the topic's own words
/// ("rehab", "earthquake") become common and what tells one happening from another —
/// the names, places, years — stands out, and clusters it again; fragments left over
/// (a lone document, two or three) then join the part they are closest to.
pub(crate) fn cluster(docs: &[Extraction]) -> Vec<Vec<usize>> {
    let raw: Vec<&[(u64, f64)]> = docs.iter().map(|x| x.story_terms.as_slice()).collect();
    let all: Vec<usize> = (0..docs.len()).collect();
    let global = vectors(&raw, &all);
    // The happenings, the edges and the splits of the groups are each worked out on
    // all cores: clustering runs once for the whole corpus, after the documents.
    let happenings: Vec<Happening> = docs.par_iter().map(Happening::of).collect();
    let mut pairs = candidate_pairs(&global);
    pairs.extend(same_day_and_place(&happenings));
    pairs.sort_unstable();
    pairs.dedup();
    let similarity = |a: usize, b: usize, cosine: f64| {
        let (x, y) = (&happenings[a], &happenings[b]);
        let sim = cosine * x.fit(y);
        if x.same(y) {
            sim.max(SAME_HAPPENING)
        } else {
            sim
        }
    };
    // The pairs come sorted, those of one first document together: its weights are
    // spread over a row once for all of them.
    let width = TermRow::width(&global);
    let edges: Vec<(usize, usize, f64)> = pairs
        .par_chunk_by(|x, y| x.0 == y.0)
        .map_init(
            || TermRow::new(width),
            |row, run| {
                let a = run[0].0;
                row.spread(&global[a]);
                let edges: Vec<(usize, usize, f64)> = run
                    .iter()
                    .filter_map(|&(_, b)| {
                        let sim = similarity(a, b, row.cosine(&global[b]));
                        (sim > 0.0).then_some((a, b, sim))
                    })
                    .collect();
                row.clear(&global[a]);
                edges
            },
        )
        .flatten_iter()
        .collect();
    let split = |group: Vec<usize>| -> Vec<Vec<usize>> {
        if group.len() < 4 || group.len() > MAX_SPLIT {
            return vec![group];
        }
        let local = vectors(&raw, &group);
        let mut edges = Vec::new();
        let mut row = TermRow::new(TermRow::width(&local));
        for a in 0..group.len() {
            row.spread(&local[a]);
            for b in a + 1..group.len() {
                let sim = similarity(group[a], group[b], row.cosine(&local[b]));
                if sim > 0.0 {
                    edges.push((a, b, sim));
                }
            }
            row.clear(&local[a]);
        }
        let subs = attach_fragments(average_link(group.len(), &edges, SPLIT_THRESHOLD), &edges);
        subs.into_iter()
            .map(|sub| sub.into_iter().map(|i| group[i]).collect())
            .collect()
    };
    let mut out: Vec<Vec<usize>> = average_link(docs.len(), &edges, THRESHOLD)
        .into_par_iter()
        .flat_map_iter(split)
        .collect();
    out.sort();
    out
}

/// What a document says of its happening beside its words: the days it tells it on,
/// its places and the kinds of event it reports.
struct Happening {
    /// Its publication day, and the day before when it updates a figure and its lede
    /// names that day, as days since the epoch; empty without a publication date.
    days: Vec<i32>,
    /// The day its lede tells its happening on: a day before publication that the first
    /// sentence reporting an event names ("12 were killed on Tuesday", in Wednesday's
    /// paper), else its publication day; as days since the epoch.
    told: Option<i32>,
    /// The places it names, countries and regions aside, as hashes of their keys
    /// ([`names::place_key`]: two romanizations of one town are one place), sorted.
    places: Vec<u64>,
    /// The place it names most (the first on a tie).
    main: Option<u64>,
    /// The first-level division of a country (a province, a governorate) whose places
    /// it names most, where the gazetteer knows them or the text puts them in a town it
    /// knows ([`containing_division`]): a town and its province's capital lie in one.
    division: Option<u64>,
    /// The kinds of event it reports that tell a story (not the commonplace ones), sorted.
    kinds: Vec<String>,
}

crate::lexicon::lazy! {
    /// Towns and the first-level division each lies in (`data/divisions.txt`, generated
    /// from GeoNames by `scripts/divisions.py`), by the hash of the town's place key
    /// ([`names::place_key`]: "Hasakeh" finds "Al Hasakah"), to the hash of the division;
    /// of two towns of one key, the first listed.
    fn divisions() -> HashMap<u64, u64> = {
        let mut map = HashMap::default();
        for f in lexicon::fields(include_str!("../../data/divisions.txt")) {
            if let [town, division] = f[..] {
                map.entry(hash::of(&names::place_key(town)))
                    .or_insert_with(|| hash::of(division));
            }
        }
        map
    };

    /// Words between "in" and a larger place that only qualify it
    /// (`data/place_qualifiers.txt`).
    fn place_qualifiers() -> crate::lexicon::Set =
        lexicon::lines(include_str!("../../data/place_qualifiers.txt")).collect();

    /// Nouns that follow a division's name (`data/division_nouns.txt`).
    fn division_nouns() -> crate::lexicon::Set =
        lexicon::lines(include_str!("../../data/division_nouns.txt")).collect();

    /// The division nouns, found anywhere in a text in one pass, ASCII case ignored as
    /// [`division_names`] compares them (`None` only if they cannot be compiled).
    fn division_noun_finder() -> Option<AhoCorasick> = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(division_nouns().iter())
        .ok();

    /// Countries and regions (`data/gazetteer/`), lowercase: too wide to tell a
    /// happening's place.
    fn wide_places() -> crate::hashing::HashSet<String> = {
        lexicon::lines(include_str!("../../data/gazetteer/countries.txt"))
            .chain(lexicon::lines(include_str!("../../data/gazetteer/regions.txt")))
            .map(str::to_lowercase)
            .collect()
    };
}

/// Keys the town gazetteer ([`divisions`]) now, if no one has yet. Its 32,000 names
/// take about 100 M instructions to key: built on the first call of [`cluster`], one
/// worker keys them while the other waits; the pipeline builds it beside the
/// per-document stages instead, where the other worker reads documents meanwhile.
pub(crate) fn load_gazetteer() {
    divisions();
}

impl Happening {
    fn of(x: &Extraction) -> Happening {
        let day = |date: jiff::civil::Date| {
            jiff::civil::Date::constant(1970, 1, 1)
                .until(date)
                .map_or(0, |span| span.get_days())
        };
        // Place key → (mentions, first mention reversed).
        let mut counts: BTreeMap<u64, (usize, usize)> = BTreeMap::new();
        let locations = x
            .mentions
            .iter()
            .filter(|m| x.entities[m.entity].kind == EntityKind::Location);
        // Place key → the division the text puts it in, for places the gazetteer does not
        // know ("the village of Tarsk in rural Harran").
        let mut contained: BTreeMap<u64, u64> = BTreeMap::new();
        let mut read = |span: &Range<usize>, order: usize| {
            for place in happening_places(x.doc.slice(span)) {
                let name = hash::of(&names::place_key(&place));
                let count = counts.entry(name).or_insert((0, usize::MAX - order));
                count.0 += 1;
                if !divisions().contains_key(&name) && !contained.contains_key(&name) {
                    let after = &x.doc.text[span.end..];
                    if let Some(division) = containing_division(after) {
                        contained.insert(name, division);
                    }
                }
            }
        };
        let spans: Vec<&Range<usize>> = locations.map(|m| &m.span).collect();
        for (order, span) in spans.iter().enumerate() {
            read(span, order);
        }
        // A division's name the tagger left untagged ("rebel-held Tarsk province") still
        // names the happening's place.
        let untagged = division_names(&x.doc.text).into_iter().filter(|name| {
            !spans
                .iter()
                .any(|s| s.start < name.end && name.start < s.end)
        });
        for (order, span) in untagged.enumerate() {
            read(&span, spans.len() + order);
        }
        let main = counts
            .iter()
            .max_by_key(|(_, count)| **count)
            .map(|(name, _)| *name);
        let mut kinds: Vec<String> = x
            .events
            .iter()
            .filter(|e| !crate::extract::events::is_commonplace(&e.kind))
            .map(|e| e.kind.as_str().to_string())
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        // The lede: the first sentence that reports an event (the token analysis that
        // tells the body's sentences is let go by now).
        let lede = x.events.first().map(|e| e.sentence);
        let published = x.doc.published.map(day);
        // A day before publication the lede tells its happening on ("12 were killed on
        // Tuesday" in Wednesday's paper; "the toll from Monday's strike rose to 19" on
        // Tuesday).
        let named = published.and_then(|today| {
            x.times
                .iter()
                .filter(|t| Some(t.sentence) == lede)
                .filter_map(|t| t.value.as_deref()?.parse::<jiff::civil::Date>().ok())
                .map(day)
                .find(|&d| (1..=LEDE_DAYS).contains(&(today - d)))
        });
        // An update of the day after is of its happening's day too.
        let updates = x.quantities.iter().any(|q| q.revised);
        let mut days: Vec<i32> = published.into_iter().collect();
        days.extend(named.filter(|&d| updates && published == Some(d + 1)));
        // Division → (mentions of its places, its first place's first mention reversed).
        let mut by_division: BTreeMap<u64, (usize, usize)> = BTreeMap::new();
        for (place, count) in &counts {
            if let Some(&division) = divisions().get(place).or_else(|| contained.get(place)) {
                let sum = by_division.entry(division).or_insert((0, count.1));
                sum.0 += count.0;
                sum.1 = sum.1.max(count.1);
            }
        }
        Happening {
            days,
            told: named.or(published),
            division: by_division
                .into_iter()
                .max_by_key(|(_, sum)| *sum)
                .map(|(division, _)| division),
            places: counts.into_keys().collect(),
            main,
            kinds,
        }
    }

    /// How much the two documents' days and places allow them one story. Days: 1 on one
    /// day, fading fast with the days between them (many happenings of one kind come day
    /// after day in one place). Places, for documents of one day: [`PLACE_APART`] when
    /// neither names the other's main place. Documents without a date or a place are
    /// not held apart by it.
    fn fit(&self, other: &Happening) -> f64 {
        let apart = self
            .days
            .iter()
            .flat_map(|x| other.days.iter().map(move |y| (x - y).abs()))
            .min();
        match apart {
            None => 1.0,
            Some(0) if !self.places_meet(other) => PLACE_APART,
            Some(days) => 1.0 / (1.0 + (f64::from(days) / DATE_SCALE).powi(2)),
        }
    }

    /// Whether either names the other's main place (a city names its district in the
    /// same report), or both lie most in one division of a country (one report names
    /// the town, another the province by its capital); true when either has no place.
    fn places_meet(&self, other: &Happening) -> bool {
        let (Some(x), Some(y)) = (self.main, other.main) else {
            return true;
        };
        other.places.binary_search(&x).is_ok()
            || self.places.binary_search(&y).is_ok()
            || self.division.is_some() && self.division == other.division
    }

    /// Whether the two documents report one happening by what they say of it: one day
    /// (of publication, and the one their ledes tell it on: two reports in one day's
    /// papers, of a strike on Tuesday and of one on Wednesday, are two), places that meet
    /// and a kind of event in common, whatever their words.
    fn same(&self, other: &Happening) -> bool {
        let one_day = self.days.iter().any(|d| other.days.contains(d)) && self.told == other.told;
        one_day
            && self.main.is_some()
            && other.main.is_some()
            && self.places_meet(other)
            && self
                .kinds
                .iter()
                .any(|k| other.kinds.binary_search(k).is_ok())
    }
}

/// The words after a place's name read for the larger place it lies in.
const CONTAINER_WINDOW: usize = 80;
/// The most words a larger place's name may have.
const CONTAINER_WORDS: usize = 3;

/// The first-level division the text right `after` a place's name puts it in: "in",
/// words that only qualify the larger place ([`place_qualifiers`]: "rural", "northern",
/// "rebel-held"), then the larger place's capitalized name, a closing place noun
/// dropped, naming a town the gazetteer knows ([`divisions`]): "Tarsk in rural Harran
/// Province" lies in Harran's division. The whole name must be known: "in Tell Qaswa"
/// is not in a town called Tell.
fn containing_division(after: &str) -> Option<u64> {
    let end = crate::text::floor_char_boundary(after, CONTAINER_WINDOW);
    let mut words = after[..end]
        .trim_start_matches([',', ' '])
        .split_whitespace();
    if words.next()? != "in" {
        return None;
    }
    let qualifiers = place_qualifiers();
    let mut name: Vec<&str> = Vec::new();
    for word in words.skip_while(|w| {
        let lower = w.to_lowercase();
        qualifiers.contains(lower.as_str()) || lower.ends_with("-held")
    }) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if name.len() == CONTAINER_WORDS || !bare.starts_with(char::is_uppercase) {
            break;
        }
        name.push(bare);
        // A name ends at its punctuation: "Harran, where" is Harran.
        if bare.len() < word.len() {
            break;
        }
    }
    let nouns = crate::extract::claims::place_nouns();
    while name.len() > 1
        && name
            .last()
            .is_some_and(|w| nouns.contains(w.to_lowercase().as_str()))
    {
        name.pop();
    }
    if name.is_empty() {
        return None;
    }
    let key = names::place_key(&name.join(" "));
    divisions().get(&hash::of(&key)).copied()
}

/// The most capitalized words a division's name beside its noun may have.
const DIVISION_WORDS: usize = 2;

/// The spans of the names `text` gives with a division noun ([`division_nouns`]): the
/// capitalized words just before the noun ("Tarsk province", "the Ivo Harran
/// governorate") or just after its "of" ("the province of Tarsk"), at most
/// [`DIVISION_WORDS`], function words ("In Tarsk province") left out. Words are those
/// of [`crate::text::words`]; a name does not run across punctuation ("Harran, Tarsk
/// province" names Tarsk).
fn division_names(text: &str) -> Vec<Range<usize>> {
    // Every document comes here and few hold a division noun: a text without one
    // anywhere holds no word that is one, and is not cut into words at all.
    if division_noun_finder()
        .as_ref()
        .is_some_and(|nouns| !nouns.is_match(text))
    {
        return Vec::new();
    }
    let at = |word: &str| word.as_ptr() as usize - text.as_ptr() as usize;
    let words: Vec<Range<usize>> = crate::text::words(text, &['-'])
        .map(|w| at(w)..at(w) + w.len())
        .collect();
    // Only spaces between two words: punctuation ends a name.
    let adjacent = |a: usize, b: usize| text[words[a].end..words[b].start].trim().is_empty();
    let nouns = division_nouns();
    let stop = stopwords();
    let named = |k: usize| {
        let word = &text[words[k].clone()];
        word.starts_with(char::is_uppercase) && !stop.contains(word.to_lowercase().as_str())
    };
    let mut names = Vec::new();
    for k in 0..words.len() {
        // Every word of the text comes here: compared in place, not lowercased.
        let word = &text[words[k].clone()];
        if !nouns.iter().any(|noun| noun.eq_ignore_ascii_case(word)) {
            continue;
        }
        let of = words
            .get(k + 1)
            .is_some_and(|w| &text[w.clone()] == "of" && adjacent(k, k + 1));
        let (first, last) = if of {
            // "the province of Tarsk": the name after "of".
            let first = k + 2;
            let mut last = first;
            while last < words.len()
                && last - first < DIVISION_WORDS
                && adjacent(last - 1, last)
                && named(last)
            {
                last += 1;
            }
            (first, last)
        } else {
            // "Tarsk province": the name before the noun.
            let mut first = k;
            while first > 0
                && k - first < DIVISION_WORDS
                && adjacent(first - 1, first)
                && named(first - 1)
            {
                first -= 1;
            }
            (first, k)
        };
        if first < last {
            names.push(words[first].start..words[last - 1].end);
        }
    }
    names
}

/// The places a location's name names that can tell a happening's place, countries and
/// regions left out: the name itself, a closing place noun or country dropped ("Harran
/// city", "Harran Syria"); or, where the text runs place names together without commas
/// ("Syrias Idlib" for "Syria's Idlib", a web page's tag line "Tags Syria Aleppo"), the
/// known places among its words. A name is read as such a run when its last word is a
/// known place or its first a country or region: "Castello Road" stays one place, a
/// related-article line's "Syria Talks" names none.
fn happening_places(name: &str) -> Vec<String> {
    let wide = |word: &str| wide_places().contains(word.to_lowercase().as_str());
    // Only the places outlets name bare (not every small town: "Tags" is no place).
    let known = |word: &str| lexicon::places::place(word).is_some();
    // "Syrias" is "Syria's" with its apostrophe lost.
    let unpossessed = |word: &str| -> String {
        match word.strip_suffix('s') {
            Some(stem) if !known(word) && !wide(word) && (known(stem) || wide(stem)) => {
                stem.to_string()
            }
            _ => word.to_string(),
        }
    };
    let mut words: Vec<String> = name.split_whitespace().map(unpossessed).collect();
    // "Harran Syria" and "Harran city" name Harran.
    let nouns = crate::extract::claims::place_nouns();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| wide(w) || nouns.contains(w.to_lowercase().as_str()))
    {
        words.pop();
    }
    let whole = words.join(" ");
    let run = words.len() > 1
        && !known(&whole)
        && !wide(&whole)
        && (words.last().is_some_and(|w| known(w) || wide(w))
            || words.first().is_some_and(|w| wide(w)));
    let places = if run {
        words.into_iter().filter(|w| known(w)).collect()
    } else {
        vec![whole]
    };
    places.into_iter().filter(|p| !wide(p)).collect()
}

/// Pairs (a < b) of documents of one day whose places meet and that share a kind of
/// event: candidates whatever their words.
fn same_day_and_place(happenings: &[Happening]) -> Vec<(usize, usize)> {
    let mut by_day: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (d, h) in happenings.iter().enumerate() {
        for &day in &h.days {
            by_day.entry(day).or_default().push(d);
        }
    }
    let mut pairs = Vec::new();
    for docs in by_day.values().filter(|docs| docs.len() <= MAX_POSTING) {
        for (n, &a) in docs.iter().enumerate() {
            for &b in &docs[n + 1..] {
                if happenings[a].same(&happenings[b]) {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs
}

/// A sparse vector: (term id, weight) sorted by term id, of unit length.
type Vector = Vec<(u32, f64)>;

crate::lexicon::lazy! {
    fn stopwords() -> crate::lexicon::Set = {
        lexicon::lines(include_str!("../../data/stopwords.txt"))
            .flat_map(str::split_whitespace)
            .collect()
    };
}

/// The raw terms of a document with their weights before IDF, each term as its hash,
/// sorted (kept in [`Extraction::story_terms`]), from what the stages before events
/// `found` and the event mentions. Terms are counted by their hashes from
/// the start: their text is never read again, and a map of strings cost a comparison of
/// strings at every word.
pub(crate) fn terms(x: &Found, events: &[EventMention]) -> Vec<(u64, f64)> {
    // Sized for every token a term of its own: grown as it filled, the map was rehashed
    // several times a document.
    let mut counts: HashMap<u64, f64> =
        HashMap::with_capacity_and_hasher(x.doc.words.lower.len(), Default::default());
    // A name's capitalized words recur through a document; their parts are read once.
    let mut capital_terms: HashMap<&str, u64> = HashMap::default();
    let stop = stopwords();
    for s in x.doc.body_sentence_indexes() {
        for (i, token) in x.doc.analysis.sentences[s].tokens.clone().enumerate() {
            let word = x.doc.analysis.tokens[token].as_str(&x.doc.text);
            // A capitalized word inside a sentence is most likely part of a name: it
            // names the happening's people and places even where no tagger ran.
            if i > 0 && word.len() > 2 && word.chars().next().is_some_and(char::is_uppercase) {
                let term = *capital_terms
                    .entry(word)
                    .or_insert_with(|| tagged_term("c:", &names::parts(word).concat()));
                *counts.entry(term).or_default() += CAPITAL_WEIGHT;
            }
            let lower = &x.doc.words.lower[token];
            // At least three characters: counted up to the third only, not to the end.
            if lower.chars().nth(2).is_some()
                && lower.chars().all(|c| c.is_alphabetic() || c == '-')
                && !stop.contains(lower.as_str())
            {
                *counts.entry(hash::of(lower)).or_default() += 1.0;
            }
        }
    }
    for address in addresses(x.doc) {
        for word in address_words(address) {
            if !stop.contains(word.as_str()) {
                *counts.entry(hash::of(&word)).or_default() += 1.0;
            }
        }
    }
    let mut years: HashMap<u64, f64> = HashMap::default();
    let mut tags: HashMap<u64, f64> = HashMap::default();
    for entity in x.entities.iter().filter(|e| e.kind == EntityKind::Person) {
        let parts = names::parts(&entity.name);
        if parts.len() >= 2 {
            *tags.entry(tagged_term("n:", &parts.concat())).or_default() += 1.0;
        }
    }
    for t in x.times {
        if let Some(year) = t.value.as_deref().and_then(|v| v.get(..4)) {
            if year.bytes().all(|b| b.is_ascii_digit()) {
                *years.entry(tagged_term("y:", year)).or_default() += 1.0;
            }
        }
    }
    for year in addresses(x.doc).flat_map(address_years) {
        *years.entry(tagged_term("y:", &year)).or_default() += 1.0;
    }
    for e in events
        .iter()
        .filter(|e| !crate::extract::events::is_commonplace(&e.kind))
    {
        *tags.entry(tagged_term("v:", &e.kind)).or_default() += 1.0;
    }
    let weigh = |weight: f64| move |(t, n): (u64, f64)| (t, weight * (1.0 + f64::ln(n)));
    let mut hashed: Vec<(u64, f64)> = counts
        .into_iter()
        .map(weigh(1.0))
        .chain(years.into_iter().map(weigh(YEAR_WEIGHT)))
        .chain(tags.into_iter().map(weigh(TAG_WEIGHT)))
        .collect();
    // Two terms of one hash (vanishingly rare) count as one; summed in a fixed order, so
    // that the maps' order cannot change the sum.
    hashed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    hashed.dedup_by(|next, kept| {
        let same = next.0 == kept.0;
        if same {
            kept.1 += next.1;
        }
        same
    });
    hashed
}

/// The hash of a term of a kind marked by `tag` ("c:" capitalized, "n:" full name, "y:"
/// year, "v:" event kind), as if of the two strings joined, without joining them.
fn tagged_term(tag: &str, term: &str) -> u64 {
    hash::extend(hash::of(tag), term.as_bytes())
}

/// The page addresses of a document: its `url` and any line that is only an address.
fn addresses(doc: &Prepared) -> impl Iterator<Item = &str> {
    let lines = doc
        .analysis
        .removed
        .iter()
        .filter(|r| r.reason == "address")
        .map(|r| doc.slice(&(r.start..r.end)));
    doc.url.as_deref().into_iter().chain(lines)
}

/// The words of an address's path, lowercase: a page's address is usually written from
/// its headline ("/2013/08/02/harbour-bridge-closed-for-repairs.html"), so it names the
/// story even where the page's own text is short. The host and the scheme are left out.
fn address_words(address: &str) -> Vec<String> {
    address_path(&crate::text::fold_lower(address))
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_string)
        .collect()
}

/// An address's path, spaces squeezed out: what follows its host.
fn address_path(address: &str) -> String {
    let squeezed: String = address.split_whitespace().collect();
    let after_scheme = squeezed
        .split_once("//")
        .map_or(squeezed.as_str(), |(_, rest)| rest);
    after_scheme
        .split_once('/')
        .map_or_else(String::new, |(_, path)| path.to_string())
}

/// The years an address's path dates its page to ("/2013/08/02/…" → 2013).
fn address_years(address: &str) -> Vec<String> {
    address_path(address)
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")))
        .map(str::to_string)
        .collect()
}

/// TF-IDF vectors of unit length of the documents `members`, document frequencies
/// counted among them, term ids given in order of first appearance.
fn vectors(raw: &[&[(u64, f64)]], members: &[usize]) -> Vec<Vector> {
    let raw: Vec<&[(u64, f64)]> = members.iter().map(|&d| raw[d]).collect();
    let mut ids: HashMap<u64, u32> = HashMap::default();
    let mut df: Vec<u32> = Vec::new();
    for terms in &raw {
        for (term, _) in terms.iter() {
            let next = ids.len() as u32;
            let id = *ids.entry(*term).or_insert(next);
            if id as usize == df.len() {
                df.push(0);
            }
            df[id as usize] += 1;
        }
    }
    let n = raw.len() as f64;
    raw.par_iter()
        .map(|terms| {
            let mut v: Vector = terms
                .iter()
                .map(|(t, w)| {
                    let id = ids[t];
                    let idf = f64::ln((n + 1.0) / (f64::from(df[id as usize]) + 1.0)) + 1.0;
                    (id, w * idf)
                })
                .collect();
            v.sort_by_key(|(id, _)| *id);
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v
        })
        .collect()
}

/// One vector's weights spread over a row indexed by term id, for the cosines of one
/// document with several others: each reads the row at its own terms, where a merge of
/// two vectors' sorted terms takes a step and an unpredictable branch at every term of
/// both (the cosines took a tenth of the stories stage's instructions so).
struct TermRow(Vec<f64>);

impl TermRow {
    /// The width of a row that every term id of `vectors` fits in.
    fn width(vectors: &[Vector]) -> usize {
        vectors
            .iter()
            .flatten()
            .map(|&(id, _)| id as usize + 1)
            .max()
            .unwrap_or(0)
    }

    /// A row of `width` zeros.
    fn new(width: usize) -> TermRow {
        TermRow(vec![0.0; width])
    }

    /// Sets the row to `v`'s weights (the row is zeros before; a vector's term ids are
    /// distinct, as [`terms`] sums the weights of one term).
    fn spread(&mut self, v: &Vector) {
        for &(id, w) in v {
            self.0[id as usize] = w;
        }
    }

    /// Sets the row back to zeros after [`TermRow::spread`]`(v)`.
    fn clear(&mut self, v: &Vector) {
        for &(id, _) in v {
            self.0[id as usize] = 0.0;
        }
    }

    /// The cosine of the vector spread over the row and `b` (both of unit length): the
    /// products of their shared terms added in order of term id, as a merge of the two
    /// adds them, to the bit — a term the row lacks adds a zero, which leaves a sum that
    /// starts at +0.0 as it is.
    fn cosine(&self, b: &Vector) -> f64 {
        crate::work::count(1);
        b.iter()
            .fold(0.0, |sum, &(id, w)| sum + self.0[id as usize] * w)
    }
}

/// Pairs (a < b) of documents that share one of their most telling terms.
fn candidate_pairs(vectors: &[Vector]) -> Vec<(usize, usize)> {
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::default();
    for (d, v) in vectors.iter().enumerate() {
        let mut top: Vec<&(u32, f64)> = v.iter().collect();
        top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for (term, _) in top.into_iter().take(BLOCK_TERMS) {
            postings.entry(*term).or_default().push(d);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for docs in postings.values() {
        if docs.len() > MAX_POSTING {
            continue;
        }
        for (n, &a) in docs.iter().enumerate() {
            for &b in &docs[n + 1..] {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Fragments the split leaves (parts of at most [`FRAGMENT`] documents) join the larger
/// part they are most similar to on average, when that similarity reaches
/// [`ATTACH_THRESHOLD`]: a short article, or two or three of them, share too few words
/// with any one document to be linked, yet clearly belong with a group.
fn attach_fragments(
    mut clusters: Vec<Vec<usize>>,
    edges: &[(usize, usize, f64)],
) -> Vec<Vec<usize>> {
    let n: usize = clusters.iter().map(Vec::len).sum();
    let mut cluster_of = vec![0; n];
    for (c, members) in clusters.iter().enumerate() {
        for &d in members {
            cluster_of[d] = c;
        }
    }
    // (fragment, larger part) → the sum of their documents' similarities.
    let mut sums: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for &(a, b, sim) in edges {
        let (x, y) = (cluster_of[a], cluster_of[b]);
        for (fragment, other) in [(x, y), (y, x)] {
            let size = clusters[fragment].len();
            if size <= FRAGMENT && clusters[other].len() > size {
                *sums.entry((fragment, other)).or_default() += sim;
            }
        }
    }
    let mut best: BTreeMap<usize, (f64, usize)> = BTreeMap::new();
    for ((fragment, other), sum) in sums {
        let mean = sum / (clusters[fragment].len() * clusters[other].len()) as f64;
        let entry = best.entry(fragment).or_insert((mean, other));
        if mean > entry.0 {
            *entry = (mean, other);
        }
    }
    for (fragment, (mean, other)) in best {
        // A part that has itself moved on takes no fragment.
        if mean >= ATTACH_THRESHOLD && !clusters[other].is_empty() {
            let moved = std::mem::take(&mut clusters[fragment]);
            clusters[other].extend(moved);
        }
    }
    clusters.retain(|c| !c.is_empty());
    for c in &mut clusters {
        c.sort_unstable();
    }
    clusters
}

/// A candidate merge in the heap: the mean similarity of two clusters.
#[derive(PartialEq)]
struct Merge {
    mean: f64,
    a: usize,
    b: usize,
}

impl Eq for Merge {}

impl Ord for Merge {
    fn cmp(&self, other: &Merge) -> Ordering {
        self.mean
            .total_cmp(&other.mean)
            .then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Merge) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Average-link clustering over a sparse similarity graph: pairs without an edge count
/// as similarity 0. A cluster is named by its smallest document; a merge keeps the
/// smaller name, and heap entries naming an absorbed cluster or an outdated sum are
/// skipped when they surface.
fn average_link(n: usize, edges: &[(usize, usize, f64)], threshold: f64) -> Vec<Vec<usize>> {
    let mut links: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); n];
    let mut heap = BinaryHeap::new();
    for &(a, b, sim) in edges {
        links[a].insert(b, sim);
        links[b].insert(a, sim);
        heap.push(Merge { mean: sim, a, b });
    }
    let mut members: Vec<Vec<usize>> = (0..n).map(|d| vec![d]).collect();
    let mut alive = vec![true; n];
    while let Some(Merge { mean, a, b }) = heap.pop() {
        if mean < threshold {
            break;
        }
        if !alive[a] || !alive[b] {
            continue;
        }
        let current =
            links[a].get(&b).copied().unwrap_or(0.0) / (members[a].len() * members[b].len()) as f64;
        if current.total_cmp(&mean) != Ordering::Equal {
            continue;
        }
        alive[b] = false;
        let absorbed = std::mem::take(&mut members[b]);
        members[a].extend(absorbed);
        let b_links = std::mem::take(&mut links[b]);
        links[a].remove(&b);
        crate::work::count(b_links.len() + links[a].len());
        for (c, sum) in b_links {
            if c == a {
                continue;
            }
            links[c].remove(&b);
            *links[a].entry(c).or_default() += sum;
            let total = links[a][&c];
            links[c].insert(a, total);
        }
        let size_a = members[a].len();
        for (&c, &sum) in &links[a] {
            let (x, y) = (a.min(c), a.max(c));
            heap.push(Merge {
                mean: sum / (size_a * members[c].len()) as f64,
                a: x,
                b: y,
            });
        }
    }
    // Sorted once at the end: sorting a growing cluster at each merge was quadratic.
    (0..n)
        .filter(|&c| alive[c])
        .map(|c| {
            let mut cluster = std::mem::take(&mut members[c]);
            cluster.sort_unstable();
            cluster
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_row_sums_the_shared_terms_in_order_of_term_id() {
        let a: Vector = vec![(0, 0.6), (2, 0.8)];
        let b: Vector = vec![(1, 0.5), (2, -0.5), (3, 0.7)];
        let c: Vector = vec![(0, 0.1), (2, 0.3), (4, 0.9)];
        let mut row = TermRow::new(TermRow::width(&[a.clone(), b.clone(), c.clone()]));
        row.spread(&a);
        assert_eq!(row.cosine(&b).to_bits(), (0.8f64 * -0.5).to_bits());
        assert_eq!(
            row.cosine(&c).to_bits(),
            (0.6f64 * 0.1 + 0.8 * 0.3).to_bits()
        );
        row.clear(&a);
        row.spread(&b);
        // No term shared: a sum of zeros, +0.0 though 0.0 × -1.0 is -0.0.
        assert_eq!(
            row.cosine(&vec![(0, -1.0), (4, 1.0)]).to_bits(),
            0f64.to_bits()
        );
        assert_eq!(row.cosine(&c).to_bits(), (-0.5f64 * 0.3).to_bits());
    }

    #[test]
    fn fragments_join_the_part_they_are_closest_to() {
        // Parts {0,1,2,3,4}, {5,6} and {7,8,9,10}: the pair leans on the big part, the
        // four-document part is no fragment and stays, however close.
        let parts = vec![vec![0, 1, 2, 3, 4], vec![5, 6], vec![7, 8, 9, 10]];
        let mut edges = Vec::new();
        for big in 0..5 {
            for other in [5, 6, 7, 8, 9, 10] {
                edges.push((big, other, 0.08));
            }
        }
        let got = attach_fragments(parts, &edges);
        assert_eq!(got, [vec![0, 1, 2, 3, 4, 5, 6], vec![7, 8, 9, 10]]);
        // Too far apart on average: the pair stays a story of its own.
        let far: Vec<_> = edges.iter().map(|&(a, b, _)| (a, b, 0.02)).collect();
        let parts = vec![vec![0, 1, 2, 3, 4], vec![5, 6], vec![7, 8, 9, 10]];
        assert_eq!(attach_fragments(parts.clone(), &far), parts);
    }

    #[test]
    fn an_address_names_its_story_by_its_path() {
        let spaced =
            "http : / / news . example . org / 2013 / 08 / harbour - fire - closes - port . html";
        assert_eq!(
            address_words(spaced),
            ["harbour", "fire", "closes", "port", "html"]
        );
        assert_eq!(address_words("https://example.org/"), Vec::<String>::new());
        assert_eq!(address_years(spaced), ["2013"]);
    }

    #[test]
    fn run_together_place_names_are_read_as_their_places() {
        let places = |name: &str| happening_places(name);
        assert_eq!(places("Lyon France"), ["Lyon"]);
        assert_eq!(places("Frances Lyon"), ["Lyon"]);
        assert_eq!(places("Tags France Lyon"), ["Lyon"]);
        assert_eq!(places("Harran city"), ["Harran"]);
        assert_eq!(places("Harran France"), ["Harran"]);
        assert_eq!(places("Tell Qaswa"), ["Tell Qaswa"]);
        assert!(places("France Talks").is_empty());
        assert!(places("France").is_empty());
    }

    /// What a report naming `places` in turn says of its happening.
    fn happening(places: &[&str]) -> Happening {
        let text: String = places
            .iter()
            .map(|place| format!("Shells fell on {place} on Monday. "))
            .collect();
        let names: Vec<(&str, EntityKind)> = places
            .iter()
            .map(|&place| (place, EntityKind::Location))
            .collect();
        Happening::of(&crate::extract::events::tests::extraction(&text, &names))
    }

    #[test]
    fn a_town_and_its_provinces_capital_meet() {
        // Villeurbanne lies in the division of Lyon, Marseille in another.
        let town = happening(&["Villeurbanne"]);
        assert!(town.places_meet(&happening(&["Lyon"])));
        assert!(!town.places_meet(&happening(&["Marseille"])));
        // Invented places the gazetteer does not know meet only when named.
        let harran = happening(&["Harran"]);
        assert!(!harran.places_meet(&happening(&["Tell Qaswa"])));
        assert!(harran.places_meet(&happening(&["Tell Qaswa", "Harran"])));
    }

    #[test]
    fn the_larger_place_is_read_after_in() {
        let lyon = divisions()
            .get(&hash::of(&names::place_key("Lyon")))
            .copied();
        assert!(lyon.is_some());
        assert_eq!(containing_division(" in rural Lyon on Monday."), lyon);
        assert_eq!(
            containing_division(", in the rebel-held Lyon province"),
            lyon
        );
        assert_eq!(containing_division(" in northern Lyon, where"), lyon);
        assert_eq!(containing_division(" in Lyon Province."), lyon);
        // Not "in" a place: near it, or in a month, or a place the gazetteer lacks.
        assert_eq!(containing_division(" near Lyon"), None);
        assert_eq!(containing_division(" in rural areas"), None);
        assert_eq!(containing_division(" in Tell Qaswa"), None);
        assert_eq!(containing_division(" in"), None);
    }

    #[test]
    fn a_place_the_text_puts_in_a_province_lies_in_it() {
        // The gazetteer does not know Tarsk, and the tagger read no place in "rural
        // Lyon": only the words after "Tarsk" tell its province.
        let of = |text: &str| {
            let names = [("Tarsk", EntityKind::Location)];
            Happening::of(&crate::extract::events::tests::extraction(text, &names))
        };
        let inside = of("Shells fell on Tarsk in rural Lyon on Monday. Tarsk was hit again.");
        assert!(inside.places_meet(&happening(&["Lyon"])));
        assert!(inside.places_meet(&happening(&["Villeurbanne"])));
        assert!(!inside.places_meet(&happening(&["Marseille"])));
        let bare = of("Shells fell on Tarsk on Monday. Tarsk was hit again.");
        assert!(!bare.places_meet(&happening(&["Lyon"])));
    }

    #[test]
    fn a_division_the_tagger_missed_names_the_place() {
        // No name tagged: the division noun tells "Tarsk" and "Harran" are places.
        let of = |text: &str| Happening::of(&crate::extract::events::tests::extraction(text, &[]));
        let before = of("Air strikes killed 12 people in the rebel-held Tarsk province on Monday.");
        assert!(before.places_meet(&happening(&["Tarsk"])));
        assert!(!before.places_meet(&happening(&["Harran"])));
        let after = of("Shells killed three people in the province of Harran on Monday.");
        assert!(after.places_meet(&happening(&["Harran"])));
        assert!(!after.places_meet(&happening(&["Tarsk"])));
        // A sentence's first word is no part of the name, nor is a name before a comma.
        let opening = of("In Tarsk province, shells killed three people on Monday.");
        assert!(opening.places_meet(&happening(&["Tarsk"])));
        assert!(!opening.places_meet(&happening(&["Harran"])));
        let listed = |text: &'static str| -> Vec<&'static str> {
            division_names(text).into_iter().map(|r| &text[r]).collect()
        };
        assert_eq!(
            listed("Shelling hit Harran, Tarsk province and Ivo."),
            ["Tarsk"]
        );
        // Nouns are matched whatever their case; a text without one names no division.
        assert_eq!(listed("Shelling hit the Tarsk PROVINCES."), ["Tarsk"]);
        assert!(listed("Shelling hit Harran and Tarsk.").is_empty());
    }

    /// What a report published on Wednesday 2024-03-20 says of its happening.
    fn reported(text: &str) -> Happening {
        let input = crate::input::DocumentInput::text("t", text).published("2024-03-20");
        let doc = crate::prepare::prepare(input, None).unwrap();
        Happening::of(&crate::pipeline::extract_document(doc))
    }

    #[test]
    fn ledes_telling_two_days_tell_two_happenings() {
        let tuesday = reported("Shells killed 12 people in Harran on Tuesday, medics said.");
        let again = reported("Twelve people were killed by shells in Harran on Tuesday.");
        let today = reported("Shells killed 9 people in Harran on Wednesday, medics said.");
        assert!(tuesday.same(&again));
        assert!(!tuesday.same(&today));
        assert!(today.same(&reported("Shells killed nine people in Harran today.")));
    }

    #[test]
    fn average_link_keeps_loose_chains_apart() {
        // 0-1 and 2-3 are close; 1-2 alone is similar, not their clusters on average.
        let edges = [(0, 1, 0.9), (2, 3, 0.9), (1, 2, 0.3)];
        assert_eq!(
            average_link(4, &edges, THRESHOLD),
            vec![vec![0, 1], vec![2, 3]]
        );
        let edges = [(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.7)];
        assert_eq!(average_link(3, &edges, THRESHOLD), vec![vec![0, 1, 2]]);
    }
}
