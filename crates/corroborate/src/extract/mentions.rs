//! Entity mentions: the tagger's spans in body sentences, grouped into the entities of
//! one document. Spelling variants of a full name ("Park Min-jun", "Park Min Jun") are one
//! entity; a bare surname ("Park", "Han") joins the nearest full name it abbreviates; an
//! acronym ("FAA") joins the organization whose initials it spells.

use std::ops::Range;

use super::{LocalEntity, Mention};
use crate::model::EntityKind;
use crate::ner::{Session, TaggedSpan};
use crate::prepare::Prepared;

/// Tags the document's body sentences (all at once, so names inform each other across
/// sentences) and groups the names found into mentions and in-document entities.
pub(crate) fn find(doc: &Prepared, tagger: &mut Session) -> (Vec<Mention>, Vec<LocalEntity>) {
    let body: Vec<usize> = doc.body_sentence_indexes().collect();
    let words: Vec<Vec<&str>> = body.iter().map(|&s| doc.sentence_words(s)).collect();
    let tagged = tagger.tag_document(&words);
    let trimmed: Vec<TaggedSpan> = super::headlines::trim(&words, tagged)
        .into_iter()
        .map(|t| without_connecting_words(&words, t))
        .collect();
    let trimmed = with_sentence_openers(&words, trimmed);
    let trimmed = with_model_codes(&words, trimmed);
    let spans = with_untagged_surnames(&words, trimmed)
        .into_iter()
        .map(|t| {
            let sentence = body[t.sentence];
            let tokens = &doc.analysis.tokens[doc.analysis.sentences[sentence].tokens.clone()];
            (
                tokens[t.start].start..tokens[t.end - 1].end,
                sentence,
                t.kind,
            )
        })
        .collect();
    let (mut mentions, mut entities) = group(&doc.text, spans);
    super::nationals::resolve(doc, &mut mentions, &mut entities);
    super::nominals::resolve(doc, &mut mentions, &mut entities);
    super::groups::resolve(doc, &mut mentions, &mut entities);
    compact(mentions, entities)
}

/// The tagged spans with the occurrences the tagger missed of a surname it tagged in a
/// full name of the document ("Ada King" … "King said"; "King" and "White" also being
/// common words, the tagger doubts them alone at a sentence's start). An occurrence
/// counts where it stands alone: no capitalized word right before or after it ("White
/// House" is no mention of "Rosa White").
fn with_untagged_surnames(sentences: &[Vec<&str>], mut spans: Vec<TaggedSpan>) -> Vec<TaggedSpan> {
    let surnames: crate::hashing::HashSet<&str> = spans
        .iter()
        .filter(|t| t.kind == EntityKind::Person && t.end - t.start >= 2)
        .map(|t| {
            let words = &sentences[t.sentence][t.start..t.end];
            let suffixed = words.len() >= 3
                && crate::lexicon::people::is_name_suffix(
                    &words[words.len() - 1].trim_end_matches('.').to_lowercase(),
                );
            words[words.len() - 1 - usize::from(suffixed)]
        })
        .filter(|w| w.chars().count() >= 3 && w.chars().skip(1).any(char::is_lowercase))
        .collect();
    if surnames.is_empty() {
        return spans;
    }
    let capitalized =
        |w: Option<&&str>| w.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    // Which words the tagger already took into a name, marked once per document.
    let mut covered: Vec<Vec<bool>> = sentences.iter().map(|w| vec![false; w.len()]).collect();
    for t in &spans {
        covered[t.sentence][t.start..t.end].fill(true);
    }
    let mut found = Vec::new();
    for (s, words) in sentences.iter().enumerate() {
        for (i, word) in words.iter().enumerate() {
            let alone =
                !capitalized(words.get(i + 1)) && (i == 0 || !capitalized(words.get(i - 1)));
            if surnames.contains(word) && alone && !covered[s][i] {
                found.push(TaggedSpan {
                    sentence: s,
                    start: i,
                    end: i + 1,
                    kind: EntityKind::Person,
                });
            }
        }
    }
    spans.extend(found);
    spans.sort_by_key(|t| (t.sentence, t.start));
    spans
}

/// A name without the sentence-opening words the tagger joined to it ("Since Novak's
/// arrest" → "Novak's", "Unlike Vexa Corp" → "Vexa Corp"): a person's always, any
/// name's at a sentence's start (inside a sentence "After Hours" may be a bar).
fn without_connecting_words(sentences: &[Vec<&str>], mut span: TaggedSpan) -> TaggedSpan {
    let words = &sentences[span.sentence];
    while (span.kind == EntityKind::Person || span.start == 0)
        && span.end - span.start > 1
        && super::syntax::is_connecting(&words[span.start].to_lowercase())
    {
        span.start += 1;
    }
    span
}

/// Names that open a sentence with the word the tagger left out ("Choi Min-seok, a
/// defector, …" tagged as "Min-seok" alone: a capitalized first word is doubtful to a
/// tagger). The word before a one-word name at a sentence's second word opens the name
/// when it is capitalized, is no word the document writes in lowercase nor one that
/// joins clauses, and is a given or family name the lists know — or the name is a
/// hyphenated given name ("Min-seok"). The name is then a person's. A name of two
/// words already ("Boxer Ivan Kovalenko") needs no opener.
fn with_sentence_openers(sentences: &[Vec<&str>], mut spans: Vec<TaggedSpan>) -> Vec<TaggedSpan> {
    let candidates: Vec<usize> = (0..spans.len())
        .filter(|&i| spans[i].start == 1 && spans[i].end == 2)
        .filter(|&i| i == 0 || spans[i - 1].sentence != spans[i].sentence)
        .collect();
    if candidates.is_empty() {
        return spans;
    }
    // Words the document writes in lowercase somewhere: common words, not names.
    let lowercase: crate::hashing::HashSet<String> = sentences
        .iter()
        .flatten()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(|w| w.to_string())
        .collect();
    let gazetteer = crate::ner::gazetteer::Gazetteer::shipped();
    for i in candidates {
        let opener = sentences[spans[i].sentence][0];
        let lower = crate::text::fold_lower(opener);
        let capitalized = opener.chars().next().is_some_and(char::is_uppercase)
            && opener.chars().skip(1).all(char::is_lowercase)
            && opener.chars().count() >= 2;
        if !capitalized || lowercase.contains(&lower) || super::syntax::is_connecting(&lower) {
            continue;
        }
        let name_part = gazetteer.lists(&lower, &crate::ner::gazetteer::PERSON_NAMES)
            || crate::lexicon::people::is_romanized_name_part(&lower);
        let given_name = sentences[spans[i].sentence][1].contains('-')
            && matches!(spans[i].kind, EntityKind::Person | EntityKind::Other);
        if name_part || given_name {
            spans[i].start = 0;
            spans[i].kind = EntityKind::Person;
        }
    }
    spans
}

/// The tagged spans with the model codes the tagger passed over ("the X500 flew", "two
/// A320s"): a capital, maybe two, then digits and at most a few letters, four
/// characters or more, standing where no name was found. Kind other.
fn with_model_codes(sentences: &[Vec<&str>], mut spans: Vec<TaggedSpan>) -> Vec<TaggedSpan> {
    let mut found = Vec::new();
    for (s, words) in sentences.iter().enumerate() {
        for (i, word) in words.iter().enumerate() {
            if is_model_code(word)
                && !spans
                    .iter()
                    .any(|t| t.sentence == s && t.start <= i && i < t.end)
            {
                found.push(TaggedSpan {
                    sentence: s,
                    start: i,
                    end: i + 1,
                    kind: EntityKind::Other,
                });
            }
        }
    }
    if found.is_empty() {
        return spans;
    }
    spans.extend(found);
    spans.sort_by_key(|t| (t.sentence, t.start));
    spans
}

/// Whether a word is a model code: one or two capitals, two digits or more, then at
/// most three letters ("X500", "A320s", "KC45A").
fn is_model_code(word: &str) -> bool {
    let b = word.as_bytes();
    let capitals = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = b[capitals..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let rest = &b[capitals + digits..];
    b.len() >= 4
        && (1..=2).contains(&capitals)
        && digits >= 2
        && rest.len() <= 3
        && rest.iter().all(u8::is_ascii_alphabetic)
}

/// The parts of a name for matching: folded, lowercased, split at spaces and hyphens,
/// with a possessive ending dropped.
pub(crate) fn name_parts(name: &str) -> Vec<String> {
    let folded = crate::text::fold_lower(name);
    let folded = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix('\''))
        .unwrap_or(&folded);
    folded
        .split(|c: char| c.is_whitespace() || c == '-' || c == '.')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Letters of an acronym ("FAA", "U.N.") in lowercase, or `None` when the name is no acronym.
fn acronym_letters(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|c| *c != '.').collect();
    let count = letters.chars().count();
    ((2..=8).contains(&count) && letters.chars().all(|c| c.is_uppercase()))
        .then(|| letters.to_lowercase())
}

/// The surname of a person's full name (name parts): its last part, or the one before a
/// generational suffix ("Ivo Lind Jr" → "lind").
fn surname(parts: &[String]) -> Option<&String> {
    match parts {
        [.., last, suffix]
            if parts.len() >= 3 && crate::lexicon::people::is_name_suffix(suffix) =>
        {
            Some(last)
        }
        _ => parts.last(),
    }
}

/// Whether a full name at `span` is written as a relative's: right after a lowercase
/// noun for one ("his sister Ada Lind", "and son, Ivo Lind"), or followed by a comma
/// and a possessive apposition holding one ("Ivo Lind, her younger son", "Ivo Lind,
/// his priest-brother"). A surname alone is less likely a relative's.
fn introduced_as_relative(text: &str, span: &Range<usize>) -> bool {
    let kin = |word: &str| {
        crate::lexicon::people::is_kin_noun(word.trim_matches(|c: char| !c.is_alphanumeric()))
    };
    let before = text[..span.start]
        .trim_end()
        .trim_end_matches(',')
        .trim_end();
    let noun_before = before
        .rsplit(|c: char| c.is_whitespace() || c == '-')
        .next()
        .is_some_and(kin);
    let after = text[span.end..].trim_start();
    let apposition = after.strip_prefix(',').is_some_and(|rest| {
        let mut words = rest
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty());
        matches!(words.next(), Some("his" | "her" | "their")) && words.take(3).any(kin)
    });
    noun_before || apposition
}

/// Initials of an organization's significant words ("Federal Aviation Administration" → "faa").
fn initials(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|p| !matches!(p.as_str(), "of" | "the" | "and" | "for" | "on" | "in" | "&"))
        .filter_map(|p| p.chars().next())
        .collect()
}

/// Groups tagged spans (in text order) into mentions and in-document entities.
pub(crate) fn group(
    text: &str,
    spans: Vec<(Range<usize>, usize, EntityKind)>,
) -> (Vec<Mention>, Vec<LocalEntity>) {
    let mut mentions: Vec<Mention> = Vec::with_capacity(spans.len());
    let mut entities: Vec<LocalEntity> = Vec::new();
    let mut parts_of: Vec<Vec<String>> = Vec::new(); // the longest parts of each entity
    let mut pending_short: Vec<usize> = Vec::new(); // single-part mentions seen before a full name
    let mut relatives: Vec<bool> = Vec::new(); // entities named in full as someone's relative
    for (span, sentence, kind) in spans {
        let surface = &text[span.clone()];
        let parts = name_parts(surface);
        if parts.is_empty() {
            continue;
        }
        let index = mentions.len();
        let found = find_entity(&entities, &parts_of, &relatives, surface, &parts, kind);
        let entity = match found {
            Some(e) => e,
            None => {
                entities.push(LocalEntity {
                    kind,
                    name: surface.to_string(),
                    mentions: Vec::new(),
                    introduced_as: Vec::new(),
                });
                parts_of.push(parts.clone());
                relatives.push(false);
                if parts.len() == 1 {
                    pending_short.push(entities.len() - 1);
                }
                entities.len() - 1
            }
        };
        if kind == EntityKind::Person && parts.len() >= 2 && introduced_as_relative(text, &span) {
            relatives[entity] = true;
        }
        if parts.len() > parts_of[entity].len() {
            parts_of[entity] = parts.clone();
            entities[entity].name = surface.to_string();
        }
        entities[entity].mentions.push(index);
        mentions.push(Mention {
            span,
            sentence,
            kind,
            entity,
        });
    }
    absorb_early_short_forms(
        &mut mentions,
        &mut entities,
        &parts_of,
        &relatives,
        &pending_short,
    );
    settle_kinds(&mentions, &mut entities);
    compact(mentions, entities)
}

/// The entity a new mention belongs to, if any: the same name parts, a surname of a
/// person seen before (latest first) who is not named as someone's relative, or the
/// acronym of an organization.
fn find_entity(
    entities: &[LocalEntity],
    parts_of: &[Vec<String>],
    relatives: &[bool],
    surface: &str,
    parts: &[String],
    kind: EntityKind,
) -> Option<usize> {
    let compatible = |e: &LocalEntity| {
        e.kind == kind || e.kind == EntityKind::Other || kind == EntityKind::Other
    };
    if let Some(i) = (0..entities.len()).find(|&i| parts_of[i] == parts && compatible(&entities[i]))
    {
        return Some(i);
    }
    if parts.len() == 1 {
        let part = &parts[0];
        if let Some(letters) = acronym_letters(surface) {
            if let Some(i) = (0..entities.len()).rev().find(|&i| {
                entities[i].kind != EntityKind::Person
                    && parts_of[i].len() >= 2
                    && initials(&parts_of[i]) == letters
            }) {
                return Some(i);
            }
        }
        if kind == EntityKind::Person {
            // Of several people with the name, the one mentioned most so far (the latest
            // of equals): the story's subject is called by surname, relatives by their
            // full or first names — and one introduced as a relative ("his sister Ada
            // Lind") not by surname at all: it stays apart, for the story to place.
            return (0..entities.len())
                .filter(|&i| shortens(part, &entities[i], &parts_of[i], relatives[i]))
                .max_by_key(|&i| (entities[i].mentions.len(), i));
        }
    }
    None
}

/// Whether a one-part name `part` may shorten the name (parts) of `entity`: a person's
/// full name begins with it, or has it for surname unless it names a `relative`.
fn shortens(part: &String, entity: &LocalEntity, parts: &[String], relative: bool) -> bool {
    entity.kind == EntityKind::Person
        && parts.len() >= 2
        && (parts.first() == Some(part) || (!relative && surname(parts) == Some(part)))
}

/// A bare surname used before its full name ("Park said … Park Min-jun, 47, …") joins the
/// first later person whose name begins or ends with it, when exactly one such person exists
/// (by surname, one not named as someone's relative).
fn absorb_early_short_forms(
    mentions: &mut [Mention],
    entities: &mut [LocalEntity],
    parts_of: &[Vec<String>],
    relatives: &[bool],
    pending: &[usize],
) {
    for &short in pending {
        if entities[short].kind != EntityKind::Person || parts_of[short].len() != 1 {
            continue;
        }
        let part = &parts_of[short][0];
        let candidates: Vec<usize> = (0..entities.len())
            .filter(|&i| i != short && shortens(part, &entities[i], &parts_of[i], relatives[i]))
            .collect();
        if let [target] = candidates[..] {
            let moved = std::mem::take(&mut entities[short].mentions);
            for &m in &moved {
                mentions[m].entity = target;
            }
            entities[target].mentions.extend(moved);
            entities[target].mentions.sort_unstable();
        }
    }
}

/// Gives each entity the kind most of its mentions have (the earliest kind on ties).
fn settle_kinds(mentions: &[Mention], entities: &mut [LocalEntity]) {
    for entity in entities.iter_mut() {
        let mut counts: Vec<(EntityKind, usize)> = Vec::new();
        for &m in &entity.mentions {
            match counts.iter_mut().find(|(k, _)| *k == mentions[m].kind) {
                Some((_, n)) => *n += 1,
                None => counts.push((mentions[m].kind, 1)),
            }
        }
        if let Some(&(kind, _)) = counts.iter().rev().max_by_key(|(_, n)| *n) {
            entity.kind = kind;
        }
    }
}

/// Drops entities left without mentions and renumbers the rest in order of first mention.
fn compact(
    mut mentions: Vec<Mention>,
    entities: Vec<LocalEntity>,
) -> (Vec<Mention>, Vec<LocalEntity>) {
    let mut new_index = vec![usize::MAX; entities.len()];
    let mut kept = Vec::new();
    for mention in &mentions {
        if new_index[mention.entity] == usize::MAX {
            new_index[mention.entity] = kept.len();
            kept.push(LocalEntity {
                mentions: Vec::new(),
                ..entities[mention.entity].clone()
            });
        }
    }
    for (i, mention) in mentions.iter_mut().enumerate() {
        mention.entity = new_index[mention.entity];
        mention.kind = kept[mention.entity].kind;
        kept[mention.entity].mentions.push(i);
    }
    (mentions, kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    #[test]
    fn a_tagged_surname_is_found_where_the_tagger_missed_it() {
        let words = vec![
            vec![
                "Club",
                "president",
                "Ada",
                "King",
                "fired",
                "the",
                "coach",
                ".",
            ],
            vec!["King", "said", "the", "White", "House", "called", "."],
            vec!["White", "said", "King", "Charles", "wrote", "."],
        ];
        let tagged = vec![TaggedSpan {
            sentence: 0,
            start: 2,
            end: 4,
            kind: Person,
        }];
        let got: Vec<(usize, usize)> = with_untagged_surnames(&words, tagged)
            .iter()
            .map(|t| (t.sentence, t.start))
            .collect();
        // "King said" is found; "King Charles" stands beside another capitalized word.
        assert_eq!(got, [(0, 2), (1, 0)]);
    }

    #[test]
    fn a_name_loses_the_sentence_opener_glued_to_it() {
        let words = vec![vec![
            "Since", "Novak", "'s", "arrest", ",", "After", "Hours", "closed",
        ]];
        let span = |start, end, kind| TaggedSpan {
            sentence: 0,
            start,
            end,
            kind,
        };
        let person = without_connecting_words(&words, span(0, 2, Person));
        assert_eq!((person.start, person.end), (1, 2));
        // Only people: "After Hours" may be a bar's name.
        let bar = without_connecting_words(&words, span(5, 7, Organization));
        assert_eq!((bar.start, bar.end), (5, 7));
    }

    #[test]
    fn a_name_opening_a_sentence_keeps_its_first_word() {
        let words = vec![
            vec![
                "Choi", "Min-seok", ",", "a", "former", "envoy", ",", "spoke", ".",
            ],
            vec!["Today", "Min-seok", "spoke", "."],
            vec!["Tak", "Hyun-woo", "left", "."],
            vec![
                "Since", "Voss", "left", ",", "it", "is", "quiet", "today", ".",
            ],
        ];
        let span = |sentence, kind| TaggedSpan {
            sentence,
            start: 1,
            end: 2,
            kind,
        };
        let got: Vec<(usize, EntityKind)> = with_sentence_openers(
            &words,
            vec![
                span(0, Other),
                span(1, Other),
                span(2, Person),
                span(3, Person),
            ],
        )
        .iter()
        .map(|t| (t.start, t.kind))
        .collect();
        // "Choi" is a family name the lists know; "Today" is written in lowercase
        // too; "Tak" opens a hyphenated given name; "Since" joins clauses.
        assert_eq!(got, [(0, Person), (1, Other), (0, Person), (1, Person)]);
    }

    #[test]
    fn model_codes_are_found_where_no_name_was() {
        assert!(is_model_code("X500"));
        assert!(is_model_code("A320s"));
        assert!(!is_model_code("747"));
        assert!(!is_model_code("3G"));
        assert!(!is_model_code("G20"));
        assert!(!is_model_code("COVID19"));
        let words = vec![vec!["The", "Orla", "X500", "and", "two", "A320s", "flew"]];
        let tagged = vec![TaggedSpan {
            sentence: 0,
            start: 1,
            end: 3,
            kind: Other,
        }];
        let got: Vec<usize> = with_model_codes(&words, tagged)
            .iter()
            .map(|t| t.start)
            .collect();
        assert_eq!(got, [1, 5]);
    }

    /// Tags every listed surface (all occurrences, in order) with its kind.
    fn spans(text: &str, marks: &[(&str, EntityKind)]) -> Vec<(Range<usize>, usize, EntityKind)> {
        let mut out = Vec::new();
        for &(surface, kind) in marks {
            for (at, _) in text.match_indices(surface) {
                let end = at + surface.len();
                let inside_longer = marks.iter().any(|&(other, _)| {
                    other.len() > surface.len()
                        && text
                            .match_indices(other)
                            .any(|(o, _)| o <= at && end <= o + other.len())
                });
                if !inside_longer {
                    out.push((at..end, 0, kind));
                }
            }
        }
        out.sort_by_key(|(r, _, _)| r.start);
        out
    }

    fn names(text: &str, marks: &[(&str, EntityKind)]) -> Vec<(String, Vec<String>)> {
        let (mentions, entities) = group(text, spans(text, marks));
        entities
            .iter()
            .map(|e| {
                let forms = e
                    .mentions
                    .iter()
                    .map(|&m| text[mentions[m].span.clone()].to_string());
                (e.name.clone(), forms.collect())
            })
            .collect()
    }

    #[test]
    fn spelling_variants_and_surnames_join() {
        let text = "Park Min-jun spoke. Later Park Min Jun left, and Park waved.";
        let got = names(
            text,
            &[
                ("Park Min-jun", Person),
                ("Park Min Jun", Person),
                ("Park", Person),
            ],
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, ["Park Min-jun", "Park Min Jun", "Park"]);
    }

    #[test]
    fn surname_before_full_name_joins_it() {
        let text = "Park said no. Park Min-su, 40, is a diplomat.";
        let got = names(text, &[("Park Min-su", Person), ("Park", Person)]);
        assert_eq!(
            got,
            [(
                "Park Min-su".to_string(),
                vec!["Park".to_string(), "Park Min-su".to_string()]
            )]
        );
    }

    #[test]
    fn people_sharing_a_surname_stay_apart() {
        let text = "Anna Berg met Lars Berg. Berg said it went well.";
        let got = names(
            text,
            &[
                ("Anna Berg", Person),
                ("Lars Berg", Person),
                ("Berg", Person),
            ],
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[1].1,
            ["Lars Berg", "Berg"],
            "a bare surname goes to the latest full name"
        );
    }

    #[test]
    fn a_bare_surname_is_not_a_relative_named_in_full() {
        let text = "Ada Lind left the court. Her son Piet Lind waited. Lind said no.";
        let got = names(
            text,
            &[
                ("Ada Lind", Person),
                ("Piet Lind", Person),
                ("Lind", Person),
            ],
        );
        assert_eq!(got[0].1, ["Ada Lind", "Lind"], "{got:?}");
        // The only full name is a relative's: the surname stays apart for the story.
        let text = "Rev. Ivo Brandt, his elder brother, wept. Brandt died on Monday.";
        let got = names(text, &[("Ivo Brandt", Person), ("Brandt", Person)]);
        assert_eq!(got.len(), 2, "{got:?}");
        // A first name alone still names the relative.
        let text = "Ada Lind and her sister Mia Lind met. Mia said Lind was calm.";
        let marks = [
            ("Ada Lind", Person),
            ("Mia Lind", Person),
            ("Mia", Person),
            ("Lind", Person),
        ];
        let got = names(text, &marks);
        assert_eq!(got[1].1, ["Mia Lind", "Mia"], "{got:?}");
        assert_eq!(got[0].1, ["Ada Lind", "Lind"], "{got:?}");
    }

    #[test]
    fn a_surname_is_found_before_a_generational_suffix() {
        let text = "Tomas Vekker III met Lina Vekker. Tomas Vekker III left. Vekker said no.";
        let marks = [
            ("Tomas Vekker III", Person),
            ("Lina Vekker", Person),
            ("Vekker", Person),
        ];
        let got = names(text, &marks);
        assert_eq!(
            got[0].1,
            ["Tomas Vekker III", "Tomas Vekker III", "Vekker"],
            "{got:?}"
        );
        let words = vec![
            vec!["Tomas", "Vekker", "Jr.", "spoke", "."],
            vec!["Vekker", "left", "."],
        ];
        let tagged = vec![TaggedSpan {
            sentence: 0,
            start: 0,
            end: 3,
            kind: Person,
        }];
        let got: Vec<(usize, usize)> = with_untagged_surnames(&words, tagged)
            .iter()
            .map(|t| (t.sentence, t.start))
            .collect();
        assert_eq!(got, [(0, 0), (1, 0)]);
    }

    #[test]
    fn acronyms_join_their_organization() {
        let text = "The Federal Bureau of Investigation said the FBI would help.";
        let got = names(
            text,
            &[
                ("Federal Bureau of Investigation", Organization),
                ("FBI", Organization),
            ],
        );
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn possessives_match_the_plain_name() {
        let text = "Oslo’s mayor met Oslo officials.";
        let got = names(text, &[("Oslo’s", Location), ("Oslo", Location)]);
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn tagged_names_map_to_byte_ranges_of_body_sentences() {
        let text = "Skip to content\nAnna Lindqvist arrived in Stockholm on Friday. \
                    Lindqvist said the trip went well.\n";
        let doc = crate::prepare::prepare(crate::DocumentInput::text("a", text), None).unwrap();
        let (mentions, entities) = find(&doc, &mut crate::ner::Tagger::shipped().session());
        let surfaces: Vec<&str> = mentions.iter().map(|m| &text[m.span.clone()]).collect();
        assert_eq!(surfaces, ["Anna Lindqvist", "Stockholm", "Lindqvist"]);
        assert_eq!(entities[0].name, "Anna Lindqvist");
        assert_eq!(entities[0].mentions, [0, 2]);
        assert_eq!(entities[1].kind, Location);
    }

    #[test]
    fn kinds_do_not_mix() {
        let text = "Jordan visited Jordan.";
        let (_, entities) = group(text, vec![(0..6, 0, Person), (15..21, 0, Location)]);
        assert_eq!(entities.len(), 2);
    }
}
