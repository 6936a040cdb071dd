//! The day of a many-day happening a count is told of.
//!
//! Protests, riots and searches run over several days, and outlets count them by the
//! day ("46 arrested Wednesday night", "86 arrests over the course of Saturday's
//! protests") or as a tally ("more than 200 people have been arrested"). A count tied
//! to one day is a part of the happening: it fits the tally, which holds it, and the
//! count of any other day, or of a day left untold. Only counts tied to one same day
//! answer one question. This holds of the happenings such stories tally
//! (`data/tallied_happenings.txt`: arrests); an attack's toll dated by its day is the
//! toll of the one attack.

use std::collections::BTreeSet;

crate::lexicon::lazy! {
    /// `data/tallied_happenings.txt`.
    fn tallied_types() -> crate::lexicon::Set =
        crate::lexicon::lines(include_str!("../../data/tallied_happenings.txt")).collect();
}

/// Whether outlets count happenings of this event type by the day of a many-day story
/// as well as in a tally (arrests over nights of unrest).
pub(crate) fn is_tallied(kind: &str) -> bool {
    tallied_types().contains(kind)
}

/// The weekday a count's sentence or clause ties it to: the one weekday it names.
/// `None` when it names none, or several (a sentence retelling the days in turn).
pub(crate) fn day_told(sentence: &str) -> Option<i8> {
    let days: BTreeSet<i8> = crate::text::words(sentence, &[])
        .filter_map(crate::extract::times::weekday_named)
        .collect();
    match days.len() {
        1 => days.first().copied(),
        _ => None,
    }
}

/// Whether two readings of a count, tied to the days in `a` and `b` (the days their
/// claims tell), are of different parts of a many-day happening: one is tied to a day
/// and they share no day.
pub(crate) fn of_other_days(a: &BTreeSet<i8>, b: &BTreeSet<i8>) -> bool {
    (!a.is_empty() || !b.is_empty()) && a.is_disjoint(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_is_tied_to_the_one_day_its_sentence_names() {
        assert_eq!(
            day_told("Police made 31 arrests over Friday's marches in Tarsk."),
            Some(5)
        );
        assert_eq!(
            day_told("Twelve were held in Harran on Tuesday night."),
            Some(2)
        );
        assert_eq!(
            day_told("A vigil on Monday, a march on Tuesday; 9 were held."),
            None
        );
        assert_eq!(day_told("More than 90 people have been arrested."), None);
        // A lowercase word is no weekday name.
        assert_eq!(day_told("the sunday papers counted 40"), None);
    }

    #[test]
    fn arrests_are_tallied_and_deaths_are_not() {
        assert!(is_tallied("arrest"));
        assert!(!is_tallied("death"));
    }

    #[test]
    fn counts_of_different_days_are_parts() {
        let none = BTreeSet::new();
        let friday = BTreeSet::from([5]);
        let tuesday = BTreeSet::from([2]);
        assert!(of_other_days(&friday, &none));
        assert!(of_other_days(&friday, &tuesday));
        assert!(!of_other_days(&friday, &friday));
        assert!(!of_other_days(&none, &none));
    }
}
