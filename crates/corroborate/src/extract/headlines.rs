//! Names in title-case lines. A headline written in title case ("Harbour Pilot Ivo Rask
//! Flees To Norway") capitalizes every word, and the tagger — trained on sentence case —
//! reads the capitalized run as one long name. The document's other sentences tell
//! which of those words name something: a name the body uses inside the run is the
//! name ("Ivo Rask"); otherwise the run loses, at both ends, the words the body writes
//! in lowercase ("flees").

use std::borrow::Cow;

use crate::hashing::{HashMap, HashSet};

use crate::model::EntityKind;
use crate::ner::TaggedSpan;

/// Whether a sentence is a headline in title case: at least three words with letters,
/// every one of four letters or more capitalized, and two of the capitalized words ones
/// the document writes in lowercase elsewhere ("Ivo Rask Flees To Norway" after "he
/// fled"): a line of names ("5. Ivo Rask ( Norway ) 9") is no headline.
///
/// Without `common`, whether the sentence could be one: the test on its shape alone.
fn is_title_case<S: AsRef<str>>(words: &[S], common: Option<&HashSet<Cow<str>>>) -> bool {
    let lettered: Vec<&str> = words
        .iter()
        .map(AsRef::as_ref)
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let common_words = |common: &HashSet<Cow<str>>| {
        lettered
            .iter()
            .filter(|w| capitalized(w) && common.contains(&folded_stem(w)))
            .count()
    };
    lettered.len() >= 3
        && lettered
            .iter()
            .filter(|w| w.chars().count() >= 4)
            .all(|w| capitalized(w))
        && common.is_none_or(|common| common_words(common) >= 2)
}

/// The tagged spans of a document's sentences with the names of title-case sentences cut
/// down to what the rest of the document shows them to be (see the module doc).
pub(crate) fn trim<S: AsRef<str>>(sentences: &[Vec<S>], spans: Vec<TaggedSpan>) -> Vec<TaggedSpan> {
    if !sentences.iter().any(|s| is_title_case(s, None)) {
        return spans; // no sentence could be a headline: the common case, kept cheap
    }
    // Stems of the words the document writes in lowercase.
    let common: HashSet<Cow<str>> = sentences
        .iter()
        .flatten()
        .map(AsRef::as_ref)
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(folded_stem)
        .collect();
    let titled: Vec<bool> = sentences
        .iter()
        .map(|s| is_title_case(s, Some(&common)))
        .collect();
    if !titled.contains(&true) {
        return spans;
    }
    let is_common = |word: &String| common.contains(stem(word));
    let lower = |s: usize, i: usize| crate::text::fold_lower(sentences[s][i].as_ref());
    let mut names: HashMap<Vec<String>, EntityKind> = HashMap::default();
    for span in spans.iter().filter(|t| !titled[t.sentence]) {
        let words = (span.start..span.end)
            .map(|i| lower(span.sentence, i))
            .collect();
        names.entry(words).or_insert(span.kind);
    }
    spans
        .into_iter()
        .filter_map(|span| {
            if !titled[span.sentence] {
                return Some(span);
            }
            let words: Vec<String> = (span.start..span.end)
                .map(|i| lower(span.sentence, i))
                .collect();
            if names.contains_key(&words) {
                return Some(span);
            }
            // The longest run of the span's words the body uses as a name, which gives
            // the kind.
            for len in (1..words.len()).rev() {
                for from in 0..=words.len() - len {
                    if let Some(&kind) = names.get(&words[from..from + len]) {
                        return Some(TaggedSpan {
                            start: span.start + from,
                            end: span.start + from + len,
                            kind,
                            ..span
                        });
                    }
                }
            }
            let first = words.iter().position(|w| !is_common(w))?;
            let last = words.iter().rposition(|w| !is_common(w))?;
            Some(TaggedSpan {
                start: span.start + first,
                end: span.start + last + 1,
                ..span
            })
        })
        .collect()
}

/// A word without its inflection ("checks", "checked", "checking" → "check"; "dies",
/// "died" → "die"; "hire", "hired" → "hir"), so that a headline's "Checks" meets the
/// body's "checked".
pub(crate) fn stem(word: &str) -> &str {
    for suffix in ["ing", "ied", "ies", "ed", "es", "s", "d", "e"] {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.chars().count() >= 3 {
                return base;
            }
        }
    }
    word
}

/// The stem of a word folded and lowercased; borrowed from `word` when folding changes
/// nothing, as for most lowercase words (every one of a document's comes through here).
fn folded_stem(word: &str) -> Cow<'_, str> {
    match crate::text::fold_lower_cow(word) {
        Cow::Borrowed(lower) => Cow::Borrowed(stem(lower)),
        Cow::Owned(lower) => Cow::Owned(stem(&lower).to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(sentences: &[&str], tagged: &[(usize, usize, usize, EntityKind)]) -> Vec<String> {
        let words: Vec<Vec<&str>> = sentences.iter().map(|s| s.split(' ').collect()).collect();
        let tagged = tagged
            .iter()
            .map(|&(sentence, start, end, kind)| TaggedSpan {
                sentence,
                start,
                end,
                kind,
            })
            .collect();
        trim(&words, tagged)
            .iter()
            .map(|t| words[t.sentence][t.start..t.end].join(" "))
            .collect()
    }

    #[test]
    fn a_headline_run_keeps_the_name_the_body_uses() {
        use EntityKind::{Location, Person};
        let got = spans(
            &[
                "Harbour Pilot Ivo Rask Flees To Norway",
                "The harbour pilot Ivo Rask fled to Norway in May .",
            ],
            &[
                (0, 0, 5, Person),
                (0, 6, 7, Location),
                (1, 3, 5, Person),
                (1, 7, 8, Location),
            ],
        );
        assert_eq!(got, ["Ivo Rask", "Norway", "Ivo Rask", "Norway"]);
    }

    #[test]
    fn without_a_body_name_the_lowercase_words_fall_away() {
        use EntityKind::Person;
        let got = spans(
            &[
                "Since Rask Fled The Port",
                "He fled , and since then the port closed .",
            ],
            &[(0, 0, 3, Person)],
        );
        assert_eq!(got, ["Rask"]);
    }

    #[test]
    fn a_line_of_names_is_no_headline() {
        use EntityKind::Person;
        // Only one capitalized word ("Team") is one the body writes in lowercase.
        let got = spans(
            &["5. Ivo Rask Team Nord 9", "The team of Ivo Rask won ."],
            &[(0, 1, 5, Person), (1, 3, 5, Person)],
        );
        assert_eq!(got, ["Ivo Rask Team Nord", "Ivo Rask"]);
    }

    #[test]
    fn inflections_meet() {
        for (a, b) in [("checks", "checked"), ("dies", "died"), ("hires", "hire")] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
        assert_ne!(stem("the"), stem("then"));
    }

    #[test]
    fn sentence_case_is_left_alone() {
        use EntityKind::Person;
        let got = spans(
            &["Since Rask fled the port", "Since then the port closed ."],
            &[(0, 0, 2, Person)],
        );
        assert_eq!(got, ["Since Rask"]);
    }
}
