//! Entity resolution: the in-document entities of every document joined into ledger
//! entities, one per real person, organization or place.
//!
//! Three passes, none of them all-pairs:
//! 1. **Same name** (hash join, whole ledger): persons whose full names have equal
//!    canonical parts ([`names::parts`]: romanization, diacritics, hyphens and spacing
//!    folded), or the same parts in another order; organizations and places with the
//!    same set of content words ("Interior Ministry" = "Ministry of Interior").
//! 2. **Variant names** (blocked by first name part, whole ledger): a middle name or
//!    initial more or less ("George W. Bush" / "George Bush") and transliteration slips
//!    in long parts.
//! 3. **Short forms** (inside one story): a bare surname (or a lone word tagged as an
//!    organization, a place or "other" that no gazetteer lists as a place, which often
//!    is one) joins the full name in the story that begins or
//!    ends with it (a name of two or three parts joins the longer
//!    name it ends: "Lo Presti", "Diane Crawford Smith") — when several do, the one more documents of
//!    the story name, as the story's protagonist is the likelier referent of a surname
//!    used alone; a person named only by a nationality ("the American") joins the
//!    person the story's articles introduce with it ("American challenger Tom Hale");
//!    an acronym joins the one name whose initials it spells, and a place
//!    of one word the one place of the story it begins ("the South" → "South Sudan"
//!    where the story names no other "South …"). Short forms
//!    with no single best candidate stay apart rather than guess.
//! 4. **Names without their country** (inside one story): "Air Force" joins the one
//!    "United States Air Force" of the story.
//!
//! Every union checks that the two sides stay one person: two full names that share
//! only a surname ("Mina Han", "Han Seung Woo") never end up together, however a
//! chain of short forms would link them. A bare surname is never matched across
//! stories: the same surname in another happening is as likely someone else.

use crate::hashing::HashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use rayon::prelude::*;

use super::UnionFind;
use super::names::{self, acronym, initials, part_matches, word_set};
use crate::extract::Extraction;
use crate::model::EntityKind;

/// One ledger entity, before it gets its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// The kind most of its mentions have.
    pub kind: EntityKind,
    /// The canonical name: the most frequent of the longest surfaces.
    pub name: String,
    /// Distinct surfaces, sorted.
    pub aliases: Vec<String>,
    /// Every mention as (document index, byte range), in document then text order.
    pub mentions: Vec<(usize, Range<usize>)>,
}

/// The outcome of resolution.
#[derive(Debug, Clone)]
pub(crate) struct Entities {
    /// The ledger entities, in order of first mention.
    pub entities: Vec<Resolved>,
    /// For each document, for each of its local entities, the index into `entities`.
    pub of: Vec<Vec<usize>>,
}

/// One in-document entity as resolution sees it.
struct Item {
    doc: usize,
    /// Index into the document's `entities`.
    local: usize,
    story: usize,
    kind: EntityKind,
    /// Canonical parts of its longest name.
    parts: Vec<String>,
    /// For an organization, place or other thing: its parts without the legal forms and
    /// trades after a company's short name ("Acme Inc." → "acme"); else its parts.
    stem: Vec<String>,
    /// How many mentions it has: its weight in votes on what a name is.
    weight: usize,
    /// Its surfaces that are acronyms ("FAA"), and acronyms inside its longer name, as
    /// lowercase letters.
    acronyms: Vec<String>,
    /// Whether its name is an acronym.
    is_acronym: bool,
    /// Whether its name is one word the gazetteers know as a place or nationality.
    known_place: bool,
    /// Nationalities its document introduces it with ("American challenger Tom Hale").
    introduced_as: Vec<String>,
    /// For a person named only by a nationality ("the American"), that nationality.
    national: Option<String>,
    /// For a person named only by a person noun (a headline's "Driver"), that noun.
    described: Option<String>,
    /// Whether it is a group of people named by a plural noun ("Police", "Prosecutors"):
    /// one party of its story, never of another.
    group: bool,
    /// For a one-word name joining the starts of a given name and a surname ("JoMa" for
    /// Jolene Marsh), those starts in lowercase.
    blend: Option<[String; 2]>,
}

impl Item {
    fn is_person(&self) -> bool {
        self.kind == EntityKind::Person
    }

    /// A full name: a person with two parts or more.
    fn full_person(&self) -> bool {
        self.is_person() && self.parts.len() >= 2
    }

    /// A person named by one word.
    fn lone_person(&self) -> bool {
        self.is_person() && self.parts.len() == 1
    }

    /// An organization, place or other thing named by one word once its legal form is
    /// dropped ("Acme", "Acme Inc.").
    fn lone_thing(&self) -> bool {
        !self.is_person() && self.stem.len() == 1
    }
}

/// What the articles say a lone word names — a person or a thing — counted in mentions:
/// the tagger's kind is a vote, not a verdict. "Acme" typed a person once and an
/// organization nine times is the organization; "Hale" in a story about Tom Hale is him,
/// however one article typed it.
struct Votes {
    /// (story, canonical word) → mentions of it as a person (alone or as the first or
    /// last part of a full name), and as a thing.
    story: HashMap<(usize, String), [usize; 2]>,
    /// Canonical word → mentions of it alone as a person, and as a thing, in the whole
    /// ledger.
    ledger: HashMap<String, [usize; 2]>,
    /// (story, canonical word) that open or end a full person name of the story.
    people: crate::hashing::HashSet<(usize, String)>,
    /// (story, canonical word) of a lone thing → its mentions by kind.
    story_kinds: HashMap<(usize, String), BTreeMap<EntityKind, usize>>,
    /// Canonical word of a lone thing → its mentions by kind in the whole ledger.
    ledger_kinds: HashMap<String, BTreeMap<EntityKind, usize>>,
}

impl Votes {
    fn new(items: &[Item]) -> Votes {
        let mut votes = Votes {
            story: HashMap::default(),
            ledger: HashMap::default(),
            people: Default::default(),
            story_kinds: HashMap::default(),
            ledger_kinds: HashMap::default(),
        };
        for item in items {
            let (words, side): (Vec<&String>, usize) = if item.full_person() {
                (vec![&item.parts[0], &item.parts[item.parts.len() - 1]], 0)
            } else if item.lone_person() {
                (vec![&item.parts[0]], 0)
            } else if item.lone_thing() {
                let word = &item.stem[0];
                for counts in [
                    votes
                        .story_kinds
                        .entry((item.story, word.clone()))
                        .or_default(),
                    votes.ledger_kinds.entry(word.clone()).or_default(),
                ] {
                    *counts.entry(item.kind).or_default() += item.weight;
                }
                (vec![word], 1)
            } else {
                continue;
            };
            for word in words {
                // "Other" is the tagger's least sure kind: it casts no vote for a thing
                // against the person a story names in full ("Bush" typed other).
                if item.kind != EntityKind::Other {
                    votes.story.entry((item.story, word.clone())).or_default()[side] += item.weight;
                }
                if item.full_person() {
                    votes.people.insert((item.story, word.clone()));
                } else {
                    votes.ledger.entry(word.clone()).or_default()[side] += item.weight;
                }
            }
        }
        votes
    }

    /// The kind of thing a lone word names: the kind most of its mentions have in the
    /// story, else in the whole ledger (the earlier kind on ties). One name is one
    /// thing across a story's articles however they typed it; across stories, a place
    /// meets only places ("Bristol" the club is not the city).
    fn thing_kind(&self, story: usize, word: &str) -> EntityKind {
        let majority = |counts: &BTreeMap<EntityKind, usize>| {
            counts
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(kind, _)| *kind)
        };
        self.story_kinds
            .get(&(story, word.to_string()))
            .and_then(majority)
            .or_else(|| self.ledger_kinds.get(word).and_then(majority))
            .unwrap_or(EntityKind::Other)
    }

    /// Whether a lone thing is, by its story's votes, the surname of a person the story
    /// names in full: at least as many mentions call the word a person.
    fn thing_is_surname(&self, item: &Item) -> bool {
        let key = (item.story, item.stem[0].clone());
        item.parts.len() == 1
            && self.people.contains(&key)
            && self
                .story
                .get(&key)
                .is_some_and(|[person, thing]| person >= thing)
    }

    /// Whether a lone person whom no full name of the story explains is, by the votes of
    /// the whole ledger, a thing of that name the tagger mistyped ("Acme said"): a
    /// person is nearly always named in full once, so a tie goes to the thing.
    fn person_is_thing(&self, item: &Item) -> bool {
        !self.people.contains(&(item.story, item.parts[0].clone()))
            && !item.known_place
            && self
                .ledger
                .get(&item.parts[0])
                .is_some_and(|[person, thing]| *thing > 0 && thing >= person)
    }
}

/// Resolves the local entities of `docs`; `story_of[d]` is document `d`'s story.
pub(crate) fn resolve(docs: &[Extraction], story_of: &[usize]) -> Entities {
    let items = items(docs, story_of);
    let mut sets = Sets::new(&items);
    let votes = Votes::new(&items);
    same_names(&items, &votes, &mut sets);
    variant_names(&items, &mut sets);
    names_with_extra_words(&items, &mut sets);
    short_forms(docs, &items, &votes, &mut sets);
    names_without_their_place(docs, &items, &mut sets);
    build(docs, &items, &mut sets)
}

/// The items of every document's entities, in document then local order: each read on
/// its own, on all cores (resolution runs once for the whole corpus, after the
/// documents).
fn items(docs: &[Extraction], story_of: &[usize]) -> Vec<Item> {
    docs.par_iter()
        .enumerate()
        .flat_map_iter(|(d, x)| document_items(d, x, story_of[d]))
        .collect()
}

/// The items of the entities of `x`, document `d` of story `story`.
fn document_items(d: usize, x: &Extraction, story: usize) -> Vec<Item> {
    let mut items = Vec::with_capacity(x.entities.len());
    for (local, entity) in x.entities.iter().enumerate() {
        let mut acronyms: Vec<String> = entity
            .mentions
            .iter()
            .filter_map(|&m| acronym(x.doc.slice(&x.mentions[m].span)))
            .collect();
        // Acronyms inside a longer name stand for it too ("Orla Holdings OHG N.V."),
        // but not one that opens it: "U.S. Open" is no "U.S.".
        acronyms.extend(entity.name.split_whitespace().skip(1).filter_map(acronym));
        acronyms.sort();
        acronyms.dedup();
        let parts = names::parts(&entity.name);
        let kind = model_name_kind(entity.kind, &parts);
        let stem = if kind == EntityKind::Person {
            parts.clone()
        } else {
            // The place is looked up as written: canonical parts are folded spellings.
            let stem = names::company_stem(&parts);
            let written: Vec<&str> = entity.name.split_whitespace().take(stem.len()).collect();
            if stem.len() < parts.len() && is_known_place(&written.join(" ")) {
                parts.clone()
            } else {
                stem.to_vec()
            }
        };
        // Looked up as written: canonical parts are folded spellings ("tin" for "teen").
        let described = (kind == EntityKind::Person && parts.len() == 1)
            .then(|| crate::text::fold_lower(&entity.name))
            .map(|name| match name.strip_suffix("'s") {
                Some(noun) => noun.to_string(),
                None => name,
            })
            .filter(|noun| crate::lexicon::people::is_person_noun(noun));
        items.push(Item {
            doc: d,
            local,
            story,
            kind,
            stem,
            weight: entity.mentions.len(),
            parts,
            acronyms,
            is_acronym: acronym(&entity.name).is_some(),
            known_place: is_known_place(&entity.name),
            introduced_as: entity.introduced_as.clone(),
            national: (entity.kind == EntityKind::Person)
                .then(|| crate::text::fold_lower(&entity.name))
                .filter(|name| crate::lexicon::nationalities::country_of(name).is_some()),
            described,
            group: entity.kind == EntityKind::Other
                && crate::extract::groups::is_group_noun(&crate::text::fold_lower(&entity.name)),
            blend: blend(&entity.name),
        });
    }
    items
}

/// The two halves of a nickname made of the starts of a given name and a surname, each
/// of two letters or more and capitalized ("JoMa" → "jo", "ma"), in lowercase.
fn blend(name: &str) -> Option<[String; 2]> {
    let bytes = name.as_bytes();
    let ascii_letters = bytes.iter().all(u8::is_ascii_alphabetic);
    let capitals: Vec<usize> = (0..bytes.len())
        .filter(|&i| bytes[i].is_ascii_uppercase())
        .collect();
    match capitals[..] {
        [0, second] if ascii_letters && second >= 2 && bytes.len() - second >= 2 => Some([
            name[..second].to_ascii_lowercase(),
            name[second..].to_ascii_lowercase(),
        ]),
        _ => None,
    }
}

/// The kind an entity is matched as: a name with a number in it ("Orla 350", "Vexa
/// 3G") is a model or product, whatever the tagger said, never a person.
fn model_name_kind(kind: EntityKind, parts: &[String]) -> EntityKind {
    let numbered = parts.iter().any(|p| p.bytes().any(|b| b.is_ascii_digit()));
    if kind == EntityKind::Person && numbered {
        EntityKind::Other
    } else {
        kind
    }
}

/// Whether a name is a single word the gazetteers list as a country, region, city or
/// nationality ("Jackson" the city, not only the surname).
fn is_known_place(name: &str) -> bool {
    let lower = crate::text::fold_lower(name);
    lower.split_whitespace().count() == 1 && is_place_entry(&[&lower])
}

/// Whether lowercase words are, all together, one entry of the gazetteers' lists of
/// places and nationalities ("united states").
fn is_place_entry(words: &[&str]) -> bool {
    use crate::ner::gazetteer::{Gazetteer, PLACES};
    let hashes: Vec<u64> = words.iter().map(|w| crate::ner::hash::of(w)).collect();
    let bits = Gazetteer::shipped().matches(&hashes);
    let (first, last) = match words.len() {
        0 => return false,
        1 => (0, 0),
        _ => (1, 3),
    };
    PLACES.iter().any(|class| {
        bits[0] & (1 << (4 * class + first)) != 0
            && bits[words.len() - 1] & (1 << (4 * class + last)) != 0
    })
}

/// Union-find over items that refuses unions joining two different full names.
struct Sets {
    sets: UnionFind,
    /// Distinct full person names (canonical parts) of each root's set.
    full_names: Vec<Vec<Vec<String>>>,
}

impl Sets {
    fn new(items: &[Item]) -> Sets {
        Sets {
            sets: UnionFind::new(items.len()),
            full_names: items
                .iter()
                .map(|i| {
                    if i.full_person() {
                        vec![i.parts.clone()]
                    } else {
                        Vec::new()
                    }
                })
                .collect(),
        }
    }

    fn join(&mut self, a: usize, b: usize) {
        self.join_unless(a, b, |_| false);
    }

    /// Joins the sets of `a` and `b` unless two of their full names cannot be one
    /// person; the full names of `a`'s set for which `ignored` holds are not compared.
    fn join_unless(&mut self, a: usize, b: usize, ignored: impl Fn(&[String]) -> bool) {
        let (ra, rb) = (self.sets.find(a), self.sets.find(b));
        if ra == rb {
            return;
        }
        // A slip of one letter passes too: pass 2 joins such names only inside a story.
        crate::work::count(1 + self.full_names[ra].len() * self.full_names[rb].len());
        let consistent = self.full_names[ra].iter().filter(|x| !ignored(x)).all(|x| {
            self.full_names[rb]
                .iter()
                .all(|y| same_person(x, y) || one_slip(x, y))
        });
        if !consistent {
            return;
        }
        if let Some((root, child)) = self.sets.union(ra, rb) {
            let moved = std::mem::take(&mut self.full_names[child]);
            for name in moved {
                if !self.full_names[root].contains(&name) {
                    self.full_names[root].push(name);
                }
            }
        }
    }
}

/// Whether two full person names (canonical parts) can name one person: the same parts
/// (in any order, or spaced differently), the shorter name ending the longer one
/// ("Diane Crawford Smith" in "Sharron Diane Crawford Smith"), or the same first and last parts with the
/// shorter name's parts all found in order in the longer one, parts compared allowing
/// transliteration slips.
pub(crate) fn same_person(a: &[String], b: &[String]) -> bool {
    // Compared without copies: names are compared pairwise inside blocks.
    if a.iter()
        .flat_map(|p| p.bytes())
        .eq(b.iter().flat_map(|p| p.bytes()))
    {
        return true;
    }
    if a.len() == b.len() {
        let mut sa: Vec<&String> = a.iter().collect();
        let mut sb: Vec<&String> = b.iter().collect();
        sa.sort();
        sb.sort();
        if sa == sb {
            return true;
        }
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.ends_with(short) {
        return true;
    }
    let ends = part_matches(&short[0], &long[0])
        && part_matches(&short[short.len() - 1], &long[long.len() - 1]);
    ends && is_subsequence(short, long)
}

/// Whether `short`'s parts occur in `long` in order, a one-letter part matching any part
/// it is the initial of.
fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut rest = long.iter();
    short
        .iter()
        .all(|s| rest.any(|l| part_matches(s, l) || (s.len() == 1 && l.starts_with(s.as_str()))))
}

/// Pass 1: equal name keys, joined by hashing.
fn same_names(items: &[Item], votes: &Votes, sets: &mut Sets) {
    let mut first: HashMap<(u8, String), usize> = HashMap::default();
    for (i, item) in items.iter().enumerate() {
        for key in name_keys(item, votes) {
            match first.get(&key) {
                Some(&j) => sets.join(j, i),
                None => {
                    first.insert(key, i);
                }
            }
        }
    }
}

/// The exact-match keys of an item, each tagged by the class it may match in:
/// persons with persons, bare surnames only in their story, and organizations, places
/// and other names of several words with each other whatever their kind (a tagger often
/// calls one newspaper an organization in one article and a place in the next), by
/// their words without a company's legal form; a lone word with the things of its
/// class ([`lone_class`]); a group of people ("Police") only in its story. A lone word that the votes make a person's surname gets no
/// key of a thing: short forms join it to the person.
fn name_keys(item: &Item, votes: &Votes) -> Vec<(u8, String)> {
    if item.parts.is_empty() {
        return Vec::new();
    }
    if item.is_person() {
        if item.parts.len() == 1 {
            let mut keys = vec![(0, format!("{}|{}", item.story, item.parts[0]))];
            if votes.person_is_thing(item) {
                let kind = votes.thing_kind(item.story, &item.parts[0]);
                keys.push((lone_class(kind), item.parts[0].clone()));
            }
            return keys;
        }
        let mut sorted = item.parts.clone();
        sorted.sort();
        // The same full name tagged as a person here and an organization there is one
        // thing: the tagger slipped, a name of several words rarely names two kinds.
        return vec![
            (1, item.parts.concat()),
            (1, sorted.join(" ")),
            (2, word_set(&item.parts).join(" ")),
        ];
    }
    if item.group {
        return vec![(5, format!("{}|{}", item.story, item.parts[0]))];
    }
    let words = word_set(&item.stem);
    // A lone word: keyed by its kind's class (a place's name also names its team, its
    // government, its airport: "Milan" the city, "Milan" the club).
    let lone = |word: &str| (lone_class(item.kind), word.to_string());
    let mut keys = match words.len() {
        0 => Vec::new(),
        1 if votes.thing_is_surname(item) => return Vec::new(),
        1 => vec![lone(&words[0])],
        _ => vec![(2, words.join(" "))],
    };
    let last = &item.stem[item.stem.len() - 1];
    if item.stem.len() == 1 && !item.known_place {
        // A plural of a thing's name is that thing ("Vexas" sold are "Vexa"s).
        if let Some(singular) = plural_stem(last) {
            keys.push(lone(singular));
        }
    } else if is_model_code(last) {
        // A maker's name and a model code ("Orla X500") is the model, named alone too.
        keys.push(lone(last));
    }
    keys
}

/// The key class of a lone word of a kind: places apart, organizations and other things
/// together — a tagger wavers between those two for one company or product, while a
/// place and an organization of one name are often two things (a city and its club).
fn lone_class(kind: EntityKind) -> u8 {
    if kind == EntityKind::Location { 4 } else { 3 }
}

/// The singular of a plural name of five letters or more ("vexas" → "vexa").
fn plural_stem(word: &str) -> Option<&str> {
    let singular = word.strip_suffix('s')?;
    let unlikely = ["s", "u", "i"].iter().any(|end| singular.ends_with(end));
    (word.len() >= 5 && !unlikely).then_some(singular)
}

/// Whether a name part is a model code: letters and digits, four characters or more
/// ("x500", "a320"), not a number alone ("747") nor a short tag ("3g").
fn is_model_code(part: &str) -> bool {
    part.len() >= 4
        && part.bytes().all(|b| b.is_ascii_alphanumeric())
        && part.bytes().any(|b| b.is_ascii_digit())
        && part.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Blocks bigger than this are skipped by pass 2: a first name shared by that many
/// different full names says nothing, and the pass must stay near-linear.
const MAX_BLOCK: usize = 200;

/// Pass 2: full person names that differ by a middle part or a slip, compared only
/// inside blocks of names with the same first part.
fn variant_names(items: &[Item], sets: &mut Sets) {
    // Blocked by first part and, apart, by last part: a slip in either still leaves
    // the other to meet by.
    let mut blocks: BTreeMap<(bool, &str), Vec<usize>> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        if item.full_person() {
            blocks
                .entry((false, item.parts[0].as_str()))
                .or_default()
                .push(i);
            let last = item.parts[item.parts.len() - 1].as_str();
            blocks.entry((true, last)).or_default().push(i);
        }
    }
    for block in blocks.values().filter(|b| b.len() <= MAX_BLOCK) {
        for (n, &a) in block.iter().enumerate() {
            for &b in &block[n + 1..] {
                crate::work::count(1);
                let (x, y) = (&items[a], &items[b]);
                let slip = x.story == y.story && one_slip(&x.parts, &y.parts);
                if slip || same_person(&x.parts, &y.parts) {
                    sets.join(a, b);
                }
            }
        }
    }
}

/// Whether two names of as many parts differ only by one letter in one part of four
/// letters or more ("Marten Holt" / "Marten Holte"): a spelling slip, trusted inside
/// one story only.
fn one_slip(a: &[String], b: &[String]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let differing: Vec<(&String, &String)> = a.iter().zip(b).filter(|(x, y)| x != y).collect();
    match differing[..] {
        [(x, y)] => x.len().min(y.len()) >= 4 && strsim::levenshtein(x, y) == 1,
        _ => false,
    }
}

/// Pass 2b: a name made of a person's full name and extra words at either end
/// ("Maria Lopez Resigns", "Rangers Maria Lopez", "Maria Lopez Quits As Coach") is that
/// person when exactly one person of the story fits: a headline or a caption ran
/// capitalized words into the name. Not when an extra word ends the names of things
/// named after people ("Maria Lopez Foundation", "Maria Lopez Bridge" are not her; the
/// gazetteer's organization heads and `data/named_after_words.txt`).
fn names_with_extra_words(items: &[Item], sets: &mut Sets) {
    let mut by_first: HashMap<(usize, &str), Vec<usize>> = HashMap::default();
    for (i, item) in items.iter().enumerate() {
        if item.full_person() {
            by_first
                .entry((item.story, item.parts[0].as_str()))
                .or_default()
                .push(i);
        }
    }
    let named_after = |part: &str| named_after_words().contains(part);
    for (i, item) in items.iter().enumerate() {
        let n = item.parts.len();
        // A full name (two words at least) and one word more.
        if n < 3 {
            continue;
        }
        let mut fits: Vec<usize> = Vec::new();
        for start in 0..n {
            let Some(candidates) = by_first.get(&(item.story, item.parts[start].as_str())) else {
                continue;
            };
            for &p in candidates {
                let len = items[p].parts.len();
                let inside = len < n
                    && start + len <= n
                    && items[p].parts[..] == item.parts[start..start + len];
                if !inside {
                    continue;
                }
                let mut extra = item.parts[..start].iter().chain(&item.parts[start + len..]);
                // Fits are counted as the people found so far: many documents' items
                // carry one name, and a name already joined with this one is no other
                // fit ("Lopez Resigns" inside "Maria Lopez Resigns").
                let root = sets.sets.find(p);
                let known =
                    root == sets.sets.find(i) || fits.iter().any(|&f| sets.sets.find(f) == root);
                if !known && !extra.any(|w| named_after(w)) {
                    fits.push(p);
                }
            }
        }
        if let [person] = fits[..] {
            // The longer name is no other person's: it holds this one's name. So are the
            // other names it was joined with that hold this one's surname ("Lopez
            // Resigns" beside "Maria Lopez Resigns").
            let surname = &items[person].parts[items[person].parts.len() - 1];
            sets.join_unless(i, person, |full| full.contains(surname));
        }
    }
}

crate::lexicon::lazy! {
    /// Words that end the names of things named after a person ("Bridge", "Day"), and the
    /// words organizations' names end in ("Foundation"), in their canonical spelling:
    /// they are compared with canonical name parts.
    fn named_after_words() -> crate::hashing::HashSet<String> = {
        let lists = [
            include_str!("../../data/named_after_words.txt"),
            include_str!("../../data/gazetteer/org_heads.txt"),
        ];
        lists
            .into_iter()
            .flat_map(crate::lexicon::lines)
            .map(|word| names::parts(word).concat())
            .collect()
    };
}

/// Whether `a` is `b` with two neighbouring letters swapped ("kovlaenko", "kovalenko").
fn swapped_once(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(differ[..], [i, j] if j == i + 1 && a[i] == b[j] && a[j] == b[i])
}

/// Pass 3: bare surnames and acronyms join the one name they abbreviate in their story.
fn short_forms(docs: &[Extraction], items: &[Item], votes: &Votes, sets: &mut Sets) {
    // (story, surname) → full person names; (story, initials) → multi-word non-persons.
    let mut surnames: HashMap<(usize, String), Vec<usize>> = HashMap::default();
    let mut initials_of: HashMap<(usize, String), Vec<usize>> = HashMap::default();
    // (story, first word) → places of several words ("South" → "South Sudan").
    let mut place_heads: HashMap<(usize, String), Vec<usize>> = HashMap::default();
    // The initials of the names of things of several words, read on all cores.
    let mut initials_read: Vec<Vec<String>> = items
        .par_iter()
        .map(|item| {
            if !item.is_person() && item.parts.len() >= 2 {
                initials(&docs[item.doc].entities[item.local].name)
            } else {
                Vec::new()
            }
        })
        .collect();
    for (i, item) in items.iter().enumerate() {
        if item.kind == EntityKind::Location && item.parts.len() >= 2 {
            place_heads
                .entry((item.story, item.parts[0].clone()))
                .or_default()
                .push(i);
        }
        if item.full_person() {
            let n = item.parts.len();
            for part in [&item.parts[0], &item.parts[n - 1]] {
                surnames
                    .entry((item.story, part.clone()))
                    .or_default()
                    .push(i);
            }
            // A surname of several words ("Lo Presti", "Boone Isaacs") or a name without
            // its first given name: the last parts of a longer name.
            for from in 1..n.saturating_sub(1) {
                surnames
                    .entry((item.story, item.parts[from..].concat()))
                    .or_default()
                    .push(i);
            }
        } else if !item.is_person() && item.parts.len() >= 2 {
            let inside = item.acronyms.iter().filter(|_| !item.is_acronym).cloned();
            for letters in std::mem::take(&mut initials_read[i])
                .into_iter()
                .chain(inside)
            {
                let entry = initials_of.entry((item.story, letters)).or_default();
                if !entry.contains(&i) {
                    entry.push(i);
                }
            }
        }
    }
    // (story, nationality or person noun) → the people introduced with it ("American
    // challenger Tom Hale", "driver Tom Hale"), whom "the American" or a headline's
    // "Driver" of another article may be.
    let mut nationals: HashMap<(usize, &str), Vec<usize>> = HashMap::default();
    for (i, item) in items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.full_person())
    {
        for nationality in &item.introduced_as {
            nationals
                .entry((item.story, nationality))
                .or_default()
                .push(i);
        }
    }
    // story → its names of things of several words, for acronyms spelled by word starts.
    let mut things: HashMap<usize, Vec<usize>> = HashMap::default();
    for (i, item) in items.iter().enumerate() {
        if !item.is_person() && item.parts.len() >= 2 && !item.is_acronym {
            things.entry(item.story).or_default().push(i);
        }
    }
    // story → its full person names, for nicknames and mistyped surnames.
    let mut people: HashMap<usize, Vec<usize>> = HashMap::default();
    for (i, item) in items.iter().enumerate() {
        if item.full_person() {
            people.entry(item.story).or_default().push(i);
        }
    }
    // The full person names of `story` whose parts pass `test`.
    let people_of = |story: usize, test: &dyn Fn(&[String]) -> bool| -> Vec<usize> {
        let all = people.get(&story).map_or(&[][..], Vec::as_slice);
        all.iter()
            .copied()
            .filter(|&p| test(&items[p].parts))
            .collect()
    };
    // Sets as they stand before short forms join them, and the documents naming each
    // full name's set, to prefer the story's protagonist.
    let before: Vec<usize> = (0..items.len()).map(|i| sets.sets.find(i)).collect();
    let mut documents: HashMap<usize, BTreeSet<usize>> = HashMap::default();
    for (i, item) in items.iter().enumerate() {
        if item.full_person() {
            documents.entry(before[i]).or_default().insert(item.doc);
        }
    }
    // The set each item joins is read on all cores from the sets as they stand before
    // this pass (`before`); the joins are then made in item order.
    let join_of = |i: usize, item: &Item| -> Option<(usize, usize)> {
        // A lone word the tagger took for an organization or a place, where no full
        // name of the document spells it out, is as often a person's surname ("Hale
        // said …") — unless it is a place the gazetteers know.
        let surname_like = !item.is_person()
            && item.parts.len() == 1
            && item.acronyms.is_empty()
            && !item.known_place;
        let as_surname = ((item.is_person() && item.parts.len() <= 3)
            || (surname_like && votes.thing_is_surname(item)))
        .then(|| surnames.get(&(item.story, item.parts.concat())))
        .flatten()
        .filter(|found| !found.is_empty());
        // A surname with two letters swapped ("Kovlaenko" for "Kovalenko"): a typing
        // slip, not another name, when the word is long enough to tell.
        let swapped: Vec<usize> = if item.parts.len() == 1
            && item.parts[0].len() >= 6
            && (item.is_person() || surname_like)
            && as_surname.is_none()
        {
            people_of(item.story, &|parts: &[String]| {
                swapped_once(&item.parts[0], &parts[parts.len() - 1])
            })
        } else {
            Vec::new()
        };
        let targets: Vec<usize> = if let Some(nationality) = &item.national {
            nationals
                .get(&(item.story, nationality.as_str()))
                .cloned()
                .unwrap_or_default()
        } else if let Some(found) = as_surname {
            found.clone()
        } else if let Some(noun) = &item.described {
            // The person the story's articles describe so, else its protagonist: a
            // headline names by what they are the person the story is about.
            nationals
                .get(&(item.story, noun.as_str()))
                .or_else(|| people.get(&item.story))
                .cloned()
                .unwrap_or_default()
        } else if !swapped.is_empty() {
            swapped
        } else if let Some([given, surname]) = &item.blend {
            people_of(item.story, &|parts: &[String]| {
                parts[0].starts_with(given.as_str())
                    && parts[parts.len() - 1].starts_with(surname.as_str())
            })
        } else if item.is_person() && item.parts.len() <= 3 {
            Vec::new()
        } else if !item.is_person() && (item.parts.len() == 1 || item.is_acronym) {
            let heads = (item.kind == EntityKind::Location)
                .then(|| place_heads.get(&(item.story, item.parts[0].clone())))
                .flatten();
            let spelled: Vec<usize> = item
                .acronyms
                .iter()
                .filter_map(|a| initials_of.get(&(item.story, a.clone())))
                .chain(heads)
                .flatten()
                .copied()
                .filter(|&t| before[t] != before[i])
                .collect();
            if spelled.is_empty() && item.is_acronym {
                // No name of the story has these initials: one whose words' starts
                // spell it ("SIA" for "Singapore Airlines").
                let letters = &item.acronyms;
                let spelled_by = |t: &usize| {
                    let name = &docs[items[*t].doc].entities[items[*t].local].name;
                    letters
                        .iter()
                        .any(|a| a.len() >= 3 && names::spelled_by_starts(a, name))
                };
                things
                    .get(&item.story)
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(spelled_by)
                    .collect()
            } else {
                spelled
            }
        } else {
            return None;
        };
        let mut roots: Vec<(usize, usize)> = targets
            .iter()
            .map(|&t| {
                (
                    documents.get(&before[t]).map_or(0, BTreeSet::len),
                    before[t],
                )
            })
            .collect();
        roots.sort_unstable_by(|a, b| b.cmp(a));
        roots.dedup();
        let best = match roots[..] {
            [(_, root)] => Some(root),
            [(n, root), (m, _), ..] if n > m => Some(root),
            _ => None,
        };
        best.map(|root| (root, i))
    };
    let joins: Vec<(usize, usize)> = items
        .par_iter()
        .enumerate()
        .filter_map(|(i, item)| join_of(i, item))
        .collect();
    for (root, i) in joins {
        sets.join(root, i);
    }
}

/// Pass 4: an organization's name written without the country that opens it ("Air
/// Force" for "United States Air Force") joins the one such longer name of the story.
fn names_without_their_place(docs: &[Extraction], items: &[Item], sets: &mut Sets) {
    // (story, word set of the rest) → names of things that open with a place.
    let mut rests: HashMap<(usize, String), Vec<usize>> = HashMap::default();
    for (i, item) in items.iter().enumerate() {
        if item.is_person() || item.is_acronym {
            continue;
        }
        let written = crate::text::fold_lower(&docs[item.doc].entities[item.local].name);
        let words: Vec<&str> = written.split_whitespace().collect();
        // The rest must be a name of two words or more: "Korean Air" is no "Air".
        for k in (1..=2).filter(|&k| words.len() >= k + 2) {
            if is_place_entry(&words[..k]) {
                let rest = names::parts(&words[k..].join(" "));
                rests
                    .entry((item.story, word_set(&rest).join(" ")))
                    .or_default()
                    .push(i);
            }
        }
    }
    if rests.is_empty() {
        return;
    }
    for (i, item) in items.iter().enumerate() {
        if item.is_person() || item.parts.len() < 2 {
            continue;
        }
        let Some(found) = rests.get(&(item.story, word_set(&item.parts).join(" "))) else {
            continue;
        };
        let mut roots: Vec<usize> = found.iter().map(|&t| sets.sets.find(t)).collect();
        roots.sort_unstable();
        roots.dedup();
        if let [root] = roots[..] {
            sets.join(root, i);
        }
    }
}

fn build(docs: &[Extraction], items: &[Item], sets: &mut Sets) -> Entities {
    let groups = sets.sets.groups();
    let mut item_group = vec![0; items.len()];
    for (g, members) in groups.iter().enumerate() {
        for &i in members {
            item_group[i] = g;
        }
    }
    // Items are numbered document by document, so a group's first member holds its
    // first mention: groups come out in order of first mention already.
    let mut of: Vec<Vec<usize>> = Vec::with_capacity(docs.len());
    let mut next = 0;
    for x in docs {
        of.push(item_group[next..next + x.entities.len()].to_vec());
        next += x.entities.len();
    }
    // Each group's name and kind are read from its own mentions: on all cores.
    let entities = groups
        .par_iter()
        .map(|members| resolved(docs, items, members))
        .collect();
    Entities { entities, of }
}

fn resolved(docs: &[Extraction], items: &[Item], members: &[usize]) -> Resolved {
    let mut mentions = Vec::new();
    let mut kinds: BTreeMap<EntityKind, usize> = BTreeMap::new();
    // Each surface with its mentions' kinds.
    let mut surfaces: BTreeMap<&str, Vec<EntityKind>> = BTreeMap::new();
    for &i in members {
        let x = &docs[items[i].doc];
        for &m in &x.entities[items[i].local].mentions {
            let span = x.mentions[m].span.clone();
            let surface = x.doc.slice(&span);
            let kind = model_name_kind(x.mentions[m].kind, &names::parts(surface));
            *kinds.entry(kind).or_default() += 1;
            surfaces.entry(surface).or_default().push(kind);
            mentions.push((items[i].doc, span));
        }
    }
    mentions.sort_by_key(|(d, span)| (*d, span.start, span.end));
    mentions.dedup();
    // Most mentions wins; on a tie the earlier kind in the enum's order — but a person
    // is nearly always named in full once: without a full name, a tie is a thing's.
    let named_in_full = members.iter().any(|&i| items[i].full_person());
    let kind = kinds
        .iter()
        .max_by(|a, b| {
            let person_last = |k: &EntityKind| named_in_full || *k != EntityKind::Person;
            a.1.cmp(b.1)
                .then(person_last(a.0).cmp(&person_last(b.0)))
                .then(b.0.cmp(a.0))
        })
        .map_or(items[members[0]].kind, |(k, _)| *k);
    // A surface written as the entity's kind before one the tagger read as another
    // kind ("Acme" the company, not "Acme Vexa" taken for a person), then a name of
    // several words before a lone word ("Maria Lopez", not "Lopez"), then the most
    // frequent — a headline's "Harbour Pilot Maria Lopez" is written once, the name many
    // times —, then the longest, then the first in sorted order.
    let name = surfaces
        .iter()
        .map(|(s, kinds_of)| {
            let parts = names::parts(s).len();
            let as_kind = kinds_of.contains(&kind);
            ((as_kind, parts >= 2, kinds_of.len(), parts), *s)
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(a.1)))
        .map(|(_, s)| s.to_string())
        .unwrap_or_default();
    Resolved {
        kind,
        name,
        aliases: surfaces.keys().map(|s| s.to_string()).collect(),
        mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        same_person(&names::parts(a), &names::parts(b))
    }

    #[test]
    fn full_names_match_by_their_parts() {
        assert!(same("Park Min-jun", "Park Min Jun"));
        assert!(same("Han Seung Woo", "Seung Woo Han"));
        assert!(same("George W. Bush", "George Bush"));
        assert!(same("Diane Crawford Smith", "Sharron Diane Crawford Smith"));
        assert!(same("Mahmoud Ahmadinejad", "Mahmoud Ahmadinezhad"));
        assert!(!same("Mina Han", "Han Seung Woo"));
        assert!(!same("Park Min-jun", "Park Min-seo"));
        assert!(!same("George Bush", "Reggie Bush"));
    }

    #[test]
    fn swapped_letters() {
        assert!(swapped_once("kovlaenko", "kovalenko"));
        assert!(!swapped_once("kovalenko", "kovalenko"));
        assert!(!swapped_once("johnson", "johnston"));
        assert!(!swapped_once("abcd", "badc"));
    }

    #[test]
    fn nicknames_of_name_starts() {
        assert_eq!(blend("JoMa"), Some(["jo".to_string(), "ma".to_string()]));
        assert_eq!(blend("Marsh"), None);
        assert_eq!(blend("NATO"), None);
        assert_eq!(blend("JoM"), None);
    }

    #[test]
    fn a_one_letter_slip_is_one_name() {
        let slip = |a: &str, b: &str| one_slip(&names::parts(a), &names::parts(b));
        assert!(slip("Marten Holt", "Marten Holte"));
        assert!(slip("Jermaine Tolland", "Jermayne Tolland"));
        assert!(!slip("Mark Lee", "Mark Lei"));
        assert!(!slip("Anna Berg", "Anne Borg"));
    }
}
