//! Who a statement is attributed to, and whether it is hedged or negated.
//!
//! A sentence is attributed when it names a source with a cue: "according to X", "X
//! said / told Y / confirmed / reported (that) …", "…, officials said", "media revealed".
//! "citing X" names where the reporting source got it, so it wins over the verb it
//! follows. The source is resolved like a quote speaker (a name, a pronoun through
//! coreference, or a description kept as words: "officials", "local media"). A claim
//! inside a direct quote is attributed to the quote's speaker. A claim is hedged when
//! the clause its words stand in holds a hedge ("reportedly", "may", "is believed to")
//! and negated when that clause holds a negation ("not", "never") or its source denied
//! it; [`super::scope`] says how far a clause reaches.

use std::ops::Range;

use super::quotes::{Found, Side, Speakers};
use super::{AttributionExpr, ClaimExpr, LocalEntity, Mention, QuoteExpr};
use crate::lexicon::phrases::{Phrases, auxiliaries, focus_words, hedges, prepositions};
use crate::model::Predicate;
use crate::prepare::Prepared;

/// How many tokens the source after "according to" or "citing" may hold.
const SOURCE_TOKENS: usize = 12;

/// How many tokens a source standing between a comma and its verb may hold.
const NEAR_SOURCE_TOKENS: usize = 6;

crate::lexicon::lazy! {
    fn placement_verbs() -> Phrases = Phrases::new(&[include_str!("../../data/placement_verbs.txt")]);
}

crate::lexicon::lazy! {
    fn reporting_verbs() -> Phrases = Phrases::new(&[include_str!("../../data/reporting_verbs.txt")]);
}

crate::lexicon::lazy! {
    fn negations() -> Phrases = Phrases::new(&[include_str!("../../data/negations.txt")]);
}

crate::lexicon::lazy! {
    /// Words before a reporting verb that make it a noun ("a report", "media reports").
    fn determiners() -> Phrases = Phrases::new(&[include_str!("../../data/determiners.txt")]);
}

/// The attribution of one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SentenceAttribution {
    /// Sentence index.
    pub sentence: usize,
    /// The source and cue.
    pub attribution: AttributionExpr,
    /// Byte range of the source's words and the cue: a claim lying wholly inside it is
    /// about the source ("Kim, 61, said …"), not attributed to it.
    pub frame: Range<usize>,
}

/// The attributed sentences of a document's body, in order.
pub(crate) fn find(
    doc: &Prepared,
    mentions: &[Mention],
    entities: &[LocalEntity],
    quotes: &[QuoteExpr],
) -> Vec<SentenceAttribution> {
    let words = &doc.words.lower;
    let quoted: Vec<Range<usize>> = quotes.iter().map(|q| q.span.clone()).collect();
    let speakers = Speakers::new(doc, mentions, entities, words, &quoted);
    let reader = Reader {
        doc,
        words,
        quoted: &quoted,
        speakers: &speakers,
    };
    doc.body_sentence_indexes()
        .filter_map(|i| reader.sentence(i))
        .collect()
}

/// Fills `attribution`, `hedged` and `negated` of each claim from the sentence
/// attributions [`find`] gave and the document's quotes.
pub(crate) fn annotate(
    doc: &Prepared,
    found: &[SentenceAttribution],
    quotes: &[QuoteExpr],
    mut claims: Vec<ClaimExpr>,
) -> Vec<ClaimExpr> {
    let words = &doc.words.lower;
    let tokens = &doc.analysis.tokens;
    for claim in claims.iter_mut() {
        // The words that give the claim's value decide whether it is quoted: a sentence
        // opening with a quote mark starts before the quoted words.
        let said = if claim.focus.is_empty() {
            &claim.span
        } else {
            &claim.focus
        };
        let last = quotes.partition_point(|q| q.span.start <= said.start);
        let quote = last
            .checked_sub(1)
            .map(|i| &quotes[i])
            .filter(|q| said.end <= q.span.end);
        claim.attribution = match quote {
            Some(q) => Some(AttributionExpr {
                entity: q.speaker,
                text: q
                    .speaker_span
                    .as_ref()
                    .map_or_else(String::new, |s| doc.slice(s).to_string()),
                cue: q.cue.clone().unwrap_or_default(),
            }),
            None => found[found.partition_point(|a| a.sentence < claim.sentence)..]
                .iter()
                .find(|a| {
                    a.sentence == claim.sentence
                        && !(a.frame.start <= claim.span.start && claim.span.end <= a.frame.end)
                })
                .map(|a| a.attribution.clone()),
        };
        let tokens_of = |bytes: &Range<usize>| {
            tokens.partition_point(|t| t.start < bytes.start)
                ..tokens.partition_point(|t| t.start < bytes.end)
        };
        let span = tokens_of(&claim.span);
        let focus = tokens_of(&claim.focus);
        let reach = if focus.is_empty() || focus.start < span.start || focus.end > span.end {
            vec![span]
        } else {
            super::scope::reach(words, span, focus.clone())
        };
        // A description ("Rask, 45,", "the counselor Rask") is hedged, as it is negated,
        // only by words about it: "Rask, 45, may have left" hedges the leaving.
        let description = super::scope::is_description(&claim.predicate) && !focus.is_empty();
        let hedge_reach = if description {
            vec![super::scope::description_reach(
                words,
                &reach,
                focus.clone(),
            )]
        } else {
            reach.clone()
        };
        claim.hedged = hedge_reach
            .iter()
            .any(|r| r.clone().any(|i| hedges_at(words, i, r.end)));
        let denied = claim.attribution.as_ref().is_some_and(|a| {
            negations().contains(&a.cue) && !is_own_verb(&a.cue, &claim.predicate)
        });
        let figure = matches!(claim.predicate, Predicate::Count | Predicate::Amount);
        let negated_here = if figure && !focus.is_empty() {
            // A figure is denied only right before it ("not 1000", "did not kill 30"):
            // "the man who killed four people … with no chance of parole" denies no
            // figure, and "no fewer than 30" is a bound. The figure's own words are its
            // value: "no one was killed" is a toll of zero, not a denial of one.
            let near = super::scope::description_reach(words, &reach, focus.clone());
            near.clone().any(|i| {
                !focus.contains(&i)
                    && negates_at(words, i, near.end, &claim.predicate)
                    && !matches!(
                        words.get(i + 1).map(String::as_str),
                        Some("more" | "fewer" | "less")
                    )
            })
        } else if let Some(noun_phrase) = &claim.noun_phrase {
            negated_in(words, tokens_of(noun_phrase), &claim.predicate)
        } else if description {
            negated_in(words, hedge_reach[0].clone(), &claim.predicate)
        } else {
            reach
                .iter()
                .any(|r| negated_in(words, r.clone(), &claim.predicate))
        };
        claim.negated = denied || negated_here;
    }
    claims
}

/// Whether a negation of the claim of `predicate` starts at `words[i]` (and ends before
/// `limit`). "Not only" and its kin add rather than deny ("not only had he started the
/// inquiry, but …"), and the claim's own verb is what it says, not a denial of it: "was
/// denied a permit" is a claim of denying.
fn negates_at(words: &[String], i: usize, limit: usize, predicate: &Predicate) -> bool {
    let Some(len) = negations().match_at(words, i, limit) else {
        return false;
    };
    let focused = words
        .get(i + len)
        .is_some_and(|next| focus_words().contains(next));
    !(focused || len == 1 && is_own_verb(&words[i], predicate))
}

/// Whether `word` is the verb the claim of `predicate` is made of.
fn is_own_verb(word: &str, predicate: &Predicate) -> bool {
    matches!(predicate, Predicate::Verb(_)) && super::claims::predicate_of(word) == *predicate
}

/// Whether a negation of the claim of `predicate` stands among `words[range]` (see
/// [`negates_at`]).
fn negated_in(words: &[String], range: Range<usize>, predicate: &Predicate) -> bool {
    range
        .clone()
        .any(|i| negates_at(words, i, range.end, predicate))
}

/// Whether a hedge starts at `words[i]` (and ends before `limit`). A hedge that is a
/// lone modal ("may", "could") hedges only when a verb follows it and no preposition
/// comes before: "in May 2023" and "whatever he could to help" vouch for nothing less.
fn hedges_at(words: &[String], i: usize, limit: usize) -> bool {
    let Some(len) = hedges().match_at(words, i, limit) else {
        return false;
    };
    if len > 1 || !auxiliaries().contains(&words[i]) {
        return true;
    }
    let verb_follows = words
        .get(i + 1)
        .is_some_and(|w| w != "to" && w.chars().next().is_some_and(char::is_alphabetic));
    let after_preposition = i > 0 && prepositions().match_at(words, i - 1, i).is_some();
    verb_follows && !after_preposition
}

/// Reads the attribution of sentences.
struct Reader<'a> {
    doc: &'a Prepared,
    words: &'a [String],
    quoted: &'a [Range<usize>],
    speakers: &'a Speakers<'a>,
}

impl Reader<'_> {
    fn in_quote(&self, i: usize) -> bool {
        let at = self.doc.analysis.tokens[i].start;
        super::quotes::inside(self.quoted, at)
    }

    fn bytes(&self, tokens: Range<usize>) -> Range<usize> {
        let t = &self.doc.analysis.tokens;
        if tokens.is_empty() {
            return t[tokens.start].start..t[tokens.start].start;
        }
        t[tokens.start].start..t[tokens.end - 1].end
    }

    /// The attribution of sentence `index`: "citing X", then "according to X", then the
    /// first reporting verb with a source.
    fn sentence(&self, index: usize) -> Option<SentenceAttribution> {
        let range = self.doc.analysis.sentences[index].tokens.clone();
        let outside = |i: &usize| !self.in_quote(*i);
        let after_cue = |phrase: &str| {
            // Only a token that is the phrase's first word can open it (tokens hold no
            // spaces): the cue at every other token was read, and its words joined, for
            // each phrase.
            let first = phrase.split(' ').next().unwrap_or(phrase);
            let opens = |i: &usize| self.words[*i] == first;
            range.clone().filter(outside).filter(opens).find_map(|i| {
                let n = reporting_verbs().match_at(self.words, i, range.end)?;
                (self.words[i..i + n].join(" ") == phrase).then_some((i, n))
            })
        };
        for phrase in ["citing", "according to"] {
            if let Some((i, n)) = after_cue(phrase) {
                let end = (i + n..range.end)
                    .find(|&k| matches!(self.words[k].as_str(), "," | "." | ";" | ":"))
                    .unwrap_or(range.end)
                    .min(i + n + SOURCE_TOKENS);
                let found = self.speakers.resolve(i + n..end, Side::AfterCue);
                if let Some(a) = self.expr(found, phrase, i..end) {
                    return Some(SentenceAttribution {
                        sentence: index,
                        ..a
                    });
                }
            }
        }
        range
            .clone()
            .filter(outside)
            .find_map(|i| self.verb(range.clone(), i))
            .map(|a| SentenceAttribution {
                sentence: index,
                ..a
            })
    }

    /// A reporting verb at token `i` with its source before it ("officials said") or,
    /// right after a comma, after it (", said the minister").
    fn verb(&self, sentence: Range<usize>, i: usize) -> Option<SentenceAttribution> {
        let n = reporting_verbs().match_at(self.words, i, sentence.end)?;
        let t = &self.doc.analysis.tokens[i];
        let written = &self.doc.text[t.start..t.end];
        let previous = (i > sentence.start).then(|| self.words[i - 1].as_str());
        let next = self.words.get(i + n).map(String::as_str);
        let placed = placement_verbs().contains(&self.words[i])
            && next.is_some_and(|w| matches!(w, "in" | "at" | "to" | "abroad" | "overseas"));
        if written.starts_with(char::is_uppercase)
            || previous.is_some_and(|p| determiners().contains(p))
            || placed
            || reporting_verbs()
                .match_at(self.words, i + n, sentence.end)
                .is_some()
        {
            return None; // "United States", "a report", "posted in Lima", "media reports said"
        }
        let cue = self.words[i..i + n].join(" ");
        if previous.is_none_or(|p| p == ",") {
            // ", said the minister." — the source after the verb, when it is a name or a
            // pronoun, or a few words closing the sentence.
            let end = (i + n..sentence.end)
                .find(|&k| matches!(self.words[k].as_str(), "," | "." | ";"))
                .unwrap_or(sentence.end);
            let found = self.speakers.resolve(i + n..end, Side::AfterCue);
            let closes =
                (end..sentence.end).all(|k| !self.words[k].chars().any(char::is_alphanumeric));
            if found.speaker.is_some() || closes && end - (i + n) <= 4 {
                return self.expr(found, &cue, i..end);
            }
        }
        // The source: a name anywhere before the verb, else the words since the last comma.
        let clause = (sentence.start..i)
            .rev()
            .find(|&k| matches!(self.words[k].as_str(), "," | ":" | ";") || self.in_quote(k))
            .map_or(sentence.start, |k| k + 1);
        // A short phrase between a comma and the verb is the source itself (", the
        // spy agency confirmed"), whatever names the sentence holds before it.
        let near = (clause > sentence.start && clause < i && i - clause <= NEAR_SOURCE_TOKENS)
            .then(|| self.speakers.resolve(clause..i, Side::BeforeCue))
            .filter(|f| f.span.is_some());
        let found = near.unwrap_or_else(|| {
            let named = self.speakers.resolve(sentence.start..i, Side::BeforeCue);
            if named.speaker.is_some() {
                named
            } else {
                self.speakers.resolve(clause..i, Side::BeforeCue)
            }
        });
        let start = found.span.as_ref().map_or(clause, |s| {
            self.doc
                .analysis
                .tokens
                .partition_point(|t| t.start < s.start)
        });
        self.expr(found, &cue, start..i + n)
    }

    fn expr(&self, found: Found, cue: &str, frame: Range<usize>) -> Option<SentenceAttribution> {
        let span = found.span?;
        Some(SentenceAttribution {
            sentence: 0,
            attribution: AttributionExpr {
                entity: found.speaker,
                text: self.doc.slice(&span).to_string(),
                cue: cue.to_string(),
            },
            frame: self.bytes(frame),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{SubjectRef, ValueExpr, tagged};
    use crate::model::EntityKind;
    use crate::model::EntityKind::{Location, Organization, Person};

    /// (source text, source entity name or "-", cue) of each sentence.
    fn attributions(text: &str, names: &[(&str, EntityKind)]) -> Vec<(String, String, String)> {
        let (doc, mentions, entities) = tagged(text, names);
        let quotes = super::super::quotes::find(&doc, &mentions, &entities);
        find(&doc, &mentions, &entities, &quotes)
            .into_iter()
            .map(|a| {
                let name = a
                    .attribution
                    .entity
                    .map_or("-".to_string(), |e| entities[e].name.clone());
                (a.attribution.text, name, a.attribution.cue)
            })
            .collect()
    }

    fn a(text: &str, name: &str, cue: &str) -> (String, String, String) {
        (text.into(), name.into(), cue.into())
    }

    #[test]
    fn according_to_a_named_source() {
        let got = attributions(
            "The ship sank in May, according to the Coast Guard of Norland.",
            &[("Coast Guard of Norland", Organization)],
        );
        assert_eq!(
            got,
            [a(
                "Coast Guard of Norland",
                "Coast Guard of Norland",
                "according to"
            )]
        );
    }

    #[test]
    fn verbs_with_named_and_unnamed_sources() {
        let got = attributions(
            "On Monday, the Ministry of Ports confirmed that the ship sank. \
             The crew was rescued, officials said. Local media revealed the cargo. \
             Ana Lupu told reporters the port would close.",
            &[("Ministry of Ports", Organization), ("Ana Lupu", Person)],
        );
        assert_eq!(
            got,
            [
                a("Ministry of Ports", "Ministry of Ports", "confirmed"),
                a("officials", "-", "said"),
                a("Local media", "-", "revealed"),
                a("Ana Lupu", "Ana Lupu", "told"),
            ]
        );
    }

    #[test]
    fn inverted_and_citing() {
        let got = attributions(
            "The bridge will reopen, said Pavel Novak. \
             Radio Nord reported the fire, citing the Fire Service of Lund.",
            &[
                ("Pavel Novak", Person),
                ("Radio Nord", Organization),
                ("Fire Service of Lund", Organization),
                ("Lund", Location),
            ],
        );
        assert_eq!(
            got,
            [
                a("Pavel Novak", "Pavel Novak", "said"),
                a("Fire Service of Lund", "Fire Service of Lund", "citing"),
            ]
        );
    }

    #[test]
    fn nouns_and_names_are_no_cues() {
        let got = attributions(
            "A report on the United States appeared. Media reports said nothing.",
            &[("United States", Location)],
        );
        assert_eq!(got, [a("Media reports", "-", "said")]);
    }

    #[test]
    fn nationalities_modifying_a_source_are_not_the_source() {
        let got = attributions(
            "Norlandic media reported the arrest.",
            &[("Norlandic", EntityKind::Other)],
        );
        assert_eq!(got, [a("Norlandic media", "-", "reported")]);
    }

    #[test]
    fn pronoun_sources_resolve() {
        let got = attributions(
            "Ana Lupu arrived in May. She said the talks failed.",
            &[("Ana Lupu", Person)],
        );
        assert_eq!(got, [a("She", "Ana Lupu", "said")]);
    }

    #[test]
    fn a_source_between_a_comma_and_its_verb_beats_an_earlier_name() {
        let got = attributions(
            "Ivo Rask, a counselor stationed in Lima, fled in May, the spy agency confirmed.",
            &[("Ivo Rask", Person), ("Lima", Location)],
        );
        assert_eq!(got, [a("the spy agency", "-", "confirmed")]);
    }

    #[test]
    fn posted_somewhere_is_no_report() {
        let got = attributions(
            "A diplomat posted in Lima defected last year, officials said.",
            &[("Lima", Location)],
        );
        assert_eq!(got, [a("officials", "-", "said")]);
    }

    fn claim(doc: &Prepared, words: &str) -> ClaimExpr {
        let start = doc.text.find(words).unwrap();
        ClaimExpr {
            span: start..start + words.len(),
            focus: start..start + words.len(),
            sentence: doc.analysis.sentences.partition_point(|s| s.end <= start),
            subject: SubjectRef::None,
            subject_text: String::new(),
            predicate: crate::model::Predicate::from("be"),
            value: ValueExpr::Text(String::new()),
            value_text: String::new(),
            attribution: None,
            hedged: false,
            negated: false,
            noun_phrase: None,
            time: None,
        }
    }

    #[test]
    fn annotate_fills_claims() {
        let text = "Ana Lupu, 61, said the ship reportedly sank near Lund. \
                    The crew did not survive, according to the Coast Guard. \
                    The Coast Guard denied that the captain fled. \
                    “The cargo may be lost,” Lupu said. The port closed on Friday.";
        let (doc, mentions, entities) = tagged(
            text,
            &[
                ("Ana Lupu", Person),
                ("Lupu", Person),
                ("Lund", Location),
                ("Coast Guard", Organization),
            ],
        );
        let quotes = super::super::quotes::find(&doc, &mentions, &entities);
        let claims: Vec<ClaimExpr> = [
            "Ana Lupu, 61",
            "the ship reportedly sank near Lund",
            "The crew did not survive",
            "the captain fled",
            "The cargo may be lost",
            "The port closed on Friday",
        ]
        .iter()
        .map(|w| claim(&doc, w))
        .collect();
        let found = find(&doc, &mentions, &entities, &quotes);
        let claims = annotate(&doc, &found, &quotes, claims);
        let got: Vec<(Option<String>, Option<String>, bool, bool)> = claims
            .iter()
            .map(|c| {
                let a = c.attribution.as_ref();
                (
                    a.and_then(|a| a.entity).map(|e| entities[e].name.clone()),
                    a.map(|a| a.cue.clone()),
                    c.hedged,
                    c.negated,
                )
            })
            .collect();
        let person = Some("Ana Lupu".to_string());
        let guard = Some("Coast Guard".to_string());
        let cue = |c: &str| Some(c.to_string());
        assert_eq!(
            got,
            [
                (None, None, false, false),
                (person.clone(), cue("said"), true, false),
                (guard.clone(), cue("according to"), false, true),
                (guard, cue("denied"), false, true),
                (person, cue("said"), true, false),
                (None, None, false, false),
            ]
        );
    }

    #[test]
    fn neither_not_only_nor_the_claims_own_verb_negates_it() {
        let text = "Not only had Ivo Rask opened the inquiry, but he found the leak. \
                    Ivo Rask was denied a permit. Ivo Rask did not open the inquiry. \
                    Ivo Rask denied the charges.";
        let (doc, mentions, entities) = tagged(text, &[("Ivo Rask", Person)]);
        let quotes = super::super::quotes::find(&doc, &mentions, &entities);
        let verb_claim = |words: &str, verb: &str| {
            let mut c = claim(&doc, words);
            c.predicate = crate::model::Predicate::from(verb);
            c
        };
        let claims = vec![
            verb_claim("Not only had Ivo Rask opened the inquiry", "open"),
            verb_claim("Ivo Rask was denied a permit", "deny"),
            verb_claim("Ivo Rask did not open the inquiry", "open"),
            verb_claim("Ivo Rask denied the charges", "deny"),
        ];
        let found = find(&doc, &mentions, &entities, &quotes);
        let negated: Vec<bool> = annotate(&doc, &found, &quotes, claims)
            .iter()
            .map(|c| c.negated)
            .collect();
        assert_eq!(negated, [false, false, true, false]);
    }

    #[test]
    fn a_figure_is_denied_only_right_before_it() {
        let text = "A judge sentenced the man who killed four people to life with no chance \
                    of parole. The army did not kill 30 civilians. Raids killed no fewer \
                    than 12.";
        let (doc, mentions, entities) = tagged(text, &[]);
        let quotes = super::super::quotes::find(&doc, &mentions, &entities);
        let figure = |sentence: &str, number: &str| {
            let mut c = claim(&doc, sentence);
            let at = doc.text.find(number).unwrap();
            c.focus = at..at + number.len();
            c.predicate = crate::model::Predicate::Count;
            c
        };
        let claims = vec![
            figure(
                "A judge sentenced the man who killed four people to life with no chance \
                 of parole",
                "four",
            ),
            figure("The army did not kill 30 civilians", "30"),
            figure("Raids killed no fewer than 12", "12"),
        ];
        let found = find(&doc, &mentions, &entities, &quotes);
        let negated: Vec<bool> = annotate(&doc, &found, &quotes, claims)
            .iter()
            .map(|c| c.negated)
            .collect();
        assert_eq!(negated, [false, true, false]);
    }

    #[test]
    fn a_lone_modal_hedges_only_before_a_verb() {
        let words = |t: &str| -> Vec<String> { t.split(' ').map(str::to_lowercase).collect() };
        let hedged = |t: &str| {
            let w = words(t);
            (0..w.len()).any(|i| hedges_at(&w, i, w.len()))
        };
        assert!(hedged("The cargo may be lost"));
        assert!(hedged("She could return"));
        assert!(!hedged("The port closed in May 2021"));
        assert!(!hedged("He did whatever he could to help"));
        assert!(hedged("The ship is believed to have sunk"));
    }
}
