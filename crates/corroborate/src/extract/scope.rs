//! The clause a claim's words stand in, which is as far as a hedge or a negation reaches.
//!
//! A sentence often holds more than one statement: "Lupu, who reportedly fled, said the
//! port closed" hedges the flight, not the closing; "the crew survived, but the captain
//! did not" negates only the captain. The sentence is cut into segments: a contrast
//! ("but", a semicolon) or a second verb group ("and is presumed to …") starts a new
//! part of the sentence, and an aside opened by a relative pronoun or a subordinator
//! ("who", "because"), or after a comma or dash by any relative or subordinating word
//! or an "-ing" participle, runs to the next comma, where the main clause resumes. A
//! claim whose words touch a main segment is in scope of every main segment of its
//! part of the sentence (the asides between them left out); a claim
//! lying wholly inside asides is in scope of those asides only.

use std::ops::Range;

use crate::lexicon::phrases::Phrases;

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
        let contrast = word == ";" || (word == "but" && i > sentence.start);
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

    #[test]
    fn without_commas_the_sentence_is_one_clause() {
        let text = "The ship is presumed to have gone back to smuggling";
        assert_eq!(in_reach(text, "smuggling"), text.to_lowercase());
    }
}
