//! The clause a claim's words stand in, which is as far as a hedge or a negation reaches.
//!
//! A sentence often holds more than one statement: "Lupu, who reportedly fled, said the
//! port closed" hedges the flight, not the closing; "the crew survived, but the captain
//! did not" negates only the captain. The sentence is cut into segments: a contrast
//! ("but", a semicolon), a quotation mark (quoted words are the speaker's clause, not
//! the sentence's) or a second verb group ("and is presumed to …") starts a new part
//! of the sentence, and an aside opened by a relative pronoun or a subordinator
//! ("who", "because"), or after a comma or dash by any relative or subordinating word
//! or an "-ing" participle, runs to the next comma, where the main clause resumes. A
//! claim whose words touch a main segment is in scope of every main segment of its
//! part of the sentence (the asides between them left out); a claim
//! lying wholly inside asides is in scope of those asides only.
//!
//! A negation belongs to the verb it negates. A description of someone — an apposition,
//! a title, an age, a modifier — is negated only by a negation right before it in its
//! clause ("was not the ambassador", "not a 41-year-old"), never by one that negates
//! the clause's verb elsewhere: "Smith, a 41-year-old teacher, showed no remorse" says
//! nothing against Smith's age ([`description_reach`]).

use std::ops::Range;

use crate::lexicon::phrases::Phrases;
use crate::model::Predicate;

crate::lexicon::lazy! {
    fn aside_openers() -> Phrases = Phrases::new(&[include_str!("../../data/aside_openers.txt")]);
}

crate::lexicon::lazy! {
    fn scope_openers() -> Phrases = Phrases::new(&[include_str!("../../data/scope_openers.txt")]);
}

/// One stretch of a sentence's tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Segment {
    tokens: Range<usize>,
    /// An aside rather than part of the main clause.
    aside: bool,
    /// Which contrast-separated part of the sentence it belongs to.
    part: usize,
}

/// Whether word `i` opens an aside: a relative pronoun or a subordinator that is never
/// a preposition, or, after a comma or dash, any relative or subordinating word or an
/// "-ing" participle.
fn opens_aside(words: &[String], sentence: &Range<usize>, i: usize) -> bool {
    if scope_openers().contains(&words[i]) {
        return true;
    }
    if i == sentence.start || !matches!(words[i - 1].as_str(), "," | "—" | "–" | "--") {
        return false;
    }
    let word = words[i].as_str();
    aside_openers().contains(word) || (word.len() > 5 && word.ends_with("ing"))
}

/// Whether word `i` is "and" or "or" joining a second verb group to the first ("was
/// renamed and is presumed to …"): each verb group is a statement of its own.
fn joins_verb_groups(words: &[String], sentence: &Range<usize>, i: usize) -> bool {
    matches!(words[i].as_str(), "and" | "or")
        && i > sentence.start
        && i + 1 < sentence.end
        && crate::lexicon::phrases::auxiliaries().contains(&words[i + 1])
}

/// Cuts the sentence's tokens (`words` are the document's lowercase tokens) into
/// segments.
fn segments(words: &[String], sentence: &Range<usize>) -> Vec<Segment> {
    let mut found = Vec::new();
    let mut current = Segment {
        tokens: sentence.start..sentence.start,
        aside: false,
        part: 0,
    };
    // The part the main clause was in when the open aside began: it resumes there.
    let mut main_part = 0;
    for i in sentence.clone() {
        let word = words[i].as_str();
        let contrast = word == ";" || word == "\"" || (word == "but" && i > sentence.start);
        let next = if contrast {
            Some((false, current.part + 1))
        } else if joins_verb_groups(words, sentence, i) {
            Some((current.aside, current.part + 1))
        } else if opens_aside(words, sentence, i) {
            if !current.aside {
                main_part = current.part;
            }
            Some((true, current.part))
        } else if current.aside && i > current.tokens.start && word == "," {
            Some((false, main_part))
        } else {
            None
        };
        if let Some((aside, part)) = next {
            current.tokens.end = i;
            let done = std::mem::replace(
                &mut current,
                Segment {
                    tokens: i..i,
                    aside,
                    part,
                },
            );
            if !done.tokens.is_empty() {
                found.push(done);
            }
        }
    }
    current.tokens.end = sentence.end;
    if !current.tokens.is_empty() {
        found.push(current);
    }
    found
}

/// The token ranges a hedge or negation must lie in to reach a claim whose words are
/// the tokens `focus` of the sentence `sentence`.
pub(crate) fn reach(
    words: &[String],
    sentence: Range<usize>,
    focus: Range<usize>,
) -> Vec<Range<usize>> {
    let all = segments(words, &sentence);
    let touched: Vec<&Segment> = all
        .iter()
        .filter(|s| s.tokens.start < focus.end.max(focus.start + 1) && focus.start < s.tokens.end)
        .collect();
    let main_parts: Vec<usize> = touched
        .iter()
        .filter(|s| !s.aside)
        .map(|s| s.part)
        .collect();
    if main_parts.is_empty() {
        return touched.iter().map(|s| s.tokens.clone()).collect();
    }
    all.iter()
        .filter(|s| !s.aside && main_parts.contains(&s.part))
        .map(|s| s.tokens.clone())
        .collect()
}

/// Whether a claim's predicate describes someone (age, role, occupation, nationality,
/// affiliation): its words are a description, negated only by [`description_reach`].
pub(crate) fn is_description(predicate: &Predicate) -> bool {
    matches!(
        predicate,
        Predicate::Age
            | Predicate::Role
            | Predicate::Occupation
            | Predicate::Nationality
            | Predicate::Affiliation
    )
}

/// How many words may stand between a negation and the description it negates: "was
/// not the acting ambassador", "did not serve as counselor".
const DESCRIPTION_NEGATION_GAP: usize = 3;

/// The tokens a negation must lie in to deny a description whose words are `focus`,
/// inside the ranges `reach` gave: the few words before it, back to a comma, and its
/// own words (empty when `focus` lies outside `reach`).
pub(crate) fn description_reach(
    words: &[String],
    reach: &[Range<usize>],
    focus: Range<usize>,
) -> Range<usize> {
    let Some(clause) = reach
        .iter()
        .find(|r| r.start <= focus.start && focus.start < r.end.max(r.start + 1))
    else {
        return focus.start..focus.start;
    };
    let mut start = focus.start;
    while start > clause.start
        && focus.start - start < DESCRIPTION_NEGATION_GAP
        && !matches!(words[start - 1].as_str(), "," | "—" | "–" | "--" | "(")
    {
        start -= 1;
    }
    start..focus.end.min(clause.end).max(focus.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_lowercase).collect()
    }

    /// The words in reach of the claim whose words are `focus` in `text`.
    fn in_reach(text: &str, focus: &str) -> String {
        let w = words(text);
        let f = words(focus);
        let start = (0..w.len()).find(|&i| w[i..].starts_with(&f)).unwrap();
        reach(&w, 0..w.len(), start..start + f.len())
            .into_iter()
            .map(|r| w[r].join(" "))
            .collect::<Vec<_>>()
            .join(" | ")
    }

    #[test]
    fn an_aside_is_its_own_reach() {
        let text = "Lupu , who reportedly fled , said the port closed .";
        assert_eq!(
            in_reach(text, "the port"),
            "lupu , | , said the port closed ."
        );
        assert_eq!(in_reach(text, "fled"), "who reportedly fled");
    }

    #[test]
    fn a_contrast_starts_a_new_part() {
        let text = "The crew survived , but the captain did not ; the ship sank";
        assert_eq!(in_reach(text, "crew"), "the crew survived ,");
        assert_eq!(in_reach(text, "captain"), "but the captain did not");
        assert_eq!(in_reach(text, "ship"), "; the ship sank");
    }

    #[test]
    fn participles_and_subordinate_clauses_after_a_comma_are_asides() {
        let text = "Two officers were held , when a judge ruled , saying there was no case";
        assert_eq!(
            in_reach(text, "Two officers"),
            "two officers were held , | ,"
        );
        assert_eq!(in_reach(text, "no case"), "saying there was no case");
    }

    #[test]
    fn quoted_words_are_a_part_of_their_own() {
        let text = "Rebels captured the pilot , saying the raid \" would not go unpunished \"";
        assert_eq!(in_reach(text, "pilot"), "rebels captured the pilot ,");
        let text = "While Nichols did not get the penalty , he will die in prison";
        assert_eq!(in_reach(text, "prison"), ", he will die in prison");
    }

    #[test]
    fn a_second_verb_group_is_a_statement_of_its_own() {
        let text = "The mill , which was sold and is thought to have closed , employs ten";
        assert_eq!(in_reach(text, "sold"), "which was sold");
        assert_eq!(in_reach(text, "closed"), "and is thought to have closed");
        assert_eq!(in_reach(text, "ten"), "the mill , | , employs ten");
    }

    #[test]
    fn relative_and_causal_clauses_need_no_comma() {
        let text = "She left because kin who might suffer had died";
        assert_eq!(in_reach(text, "She left"), "she left");
        assert_eq!(in_reach(text, "suffer"), "who might suffer had died");
    }

    #[test]
    fn a_claim_spanning_an_aside_and_the_main_clause_reaches_the_main_clause() {
        let text = "Lupu , who fled , may return";
        assert_eq!(in_reach(text, "fled , may"), "lupu , | , may return");
    }

    /// The words in which a negation denies the description `focus` in `text`.
    fn description_words(text: &str, focus: &str) -> String {
        let w = words(text);
        let f = words(focus);
        let start = (0..w.len()).find(|&i| w[i..].starts_with(&f)).unwrap();
        let focus = start..start + f.len();
        let reach = reach(&w, 0..w.len(), focus.clone());
        w[description_reach(&w, &reach, focus)].join(" ")
    }

    #[test]
    fn a_negated_verb_does_not_negate_a_description() {
        let text = "Smith , a 41-year-old teacher , showed no remorse";
        assert_eq!(description_words(text, "41-year-old"), "a 41-year-old");
        let text = "President Jones said the country would not retaliate";
        assert_eq!(description_words(text, "President"), "president");
        let text = "Jones was not the acting ambassador";
        assert_eq!(
            description_words(text, "acting ambassador"),
            "was not the acting ambassador"
        );
    }

    #[test]
    fn without_commas_the_sentence_is_one_clause() {
        let text = "The ship is presumed to have gone back to smuggling";
        assert_eq!(in_reach(text, "smuggling"), text.to_lowercase());
    }
}
