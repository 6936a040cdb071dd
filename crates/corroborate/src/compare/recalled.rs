//! Sentences that tell of another happening than the one a claim's event is.
//!
//! Outlets set a happening beside earlier ones: "Earlier this year, a gunman killed three
//! at a campus" in a report of a factory shooting, "Last year, a quake killed 600" in a
//! report of this year's. The event linker may give such a sentence's figures and
//! places to the story's event; they answer no question about it. A sentence recalls
//! another happening when it opens with a recall phrase (`data/recall_openers.txt`).
//! A sentence that merely names an earlier year does not: a trial's report dates the
//! crime it is about ("the March 2005 incident that left four dead") as often as an
//! earlier disaster.

use crate::model::Claim;

crate::lexicon::lazy! {
    /// `data/recall_openers.txt`.
    fn recall_openers() -> crate::lexicon::PhraseTable<()> = crate::lexicon::PhraseTable::new(
        crate::lexicon::lines(include_str!("../../data/recall_openers.txt"))
            .map(|phrase| (phrase.split(' ').collect(), ())),
    );
}

/// Whether `claim`'s sentence, read in `text` (its document's), opens with a recall
/// phrase and so tells of another happening than the story's.
pub(crate) fn tells_another(claim: &Claim, text: &str) -> bool {
    let sentence = text.get(claim.start..claim.end).unwrap_or_default();
    opens_with_recall(sentence)
}

/// Whether a sentence's first words, after an opening conjunction, are a recall phrase.
fn opens_with_recall(sentence: &str) -> bool {
    // Lowercased, not folded: the openers are plain ASCII phrases.
    let words: Vec<String> = crate::text::words(sentence, &[])
        .take(5)
        .map(str::to_lowercase)
        .collect();
    let start = usize::from(
        words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "and" | "but")),
    );
    recall_openers()
        .longest_at(start, |i| words.get(i).map(String::as_str))
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recall_phrases_open_a_sentence() {
        assert!(opens_with_recall(
            "Earlier this year, a gunman killed three."
        ));
        assert!(opens_with_recall("But last year a quake killed 600."));
        assert!(!opens_with_recall("A gunman killed three last year."));
        assert!(!opens_with_recall(
            "The March 2005 incident left four dead."
        ));
    }
}
