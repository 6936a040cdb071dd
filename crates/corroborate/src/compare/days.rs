//! The day a figure is told of, and the many-day happenings counted by the day.
//!
//! A count's day is the full date its figure's sentence gives it ("46 arrested
//! Wednesday night" in a Thursday paper, "killed on Friday"): the time of the quantity
//! it was read from. A month, a week or no time tells no day. The one reading serves
//! both the tallies below and the casualty tolls, which
//! [`crate::resolve::circumstances`] keeps apart when they are dated two days or more
//! apart.
//!
//! Protests, riots and searches run over several days, and outlets count them by the
//! day ("46 arrested Wednesday night", "86 arrests over the course of Saturday's
//! protests") or as a tally ("more than 200 people have been arrested"). A count tied
//! to one day is a part of the happening: it fits the tally, which holds it, and the
//! count of any other day, or of a day left untold. Only counts tied to one same day
//! answer one question. This holds of the happenings such stories tally
//! (`data/tallied_happenings.txt`: arrests); a toll of deaths dated by its day is
//! the whole toll of that day's attack, not a part of a tally.

use std::collections::BTreeSet;

use jiff::civil::Date;

use crate::hashing::{HashMap, HashSet};
use crate::model::{Claim, Ledger, Quantity, Value};

crate::lexicon::lazy! {
    /// `data/tallied_happenings.txt`.
    fn tallied_types() -> crate::lexicon::Set =
        crate::lexicon::lines(include_str!("../../data/tallied_happenings.txt")).collect();
}

/// The ids of the ledger's events whose type outlets count by the day of a many-day
/// story as well as in a tally (arrests over nights of unrest).
pub(crate) fn tallied_events(ledger: &Ledger) -> HashSet<&str> {
    ledger
        .events
        .iter()
        .filter(|e| tallied_types().contains(e.kind.as_str()))
        .map(|e| e.id.as_str())
        .collect()
}

/// The time the figure of a count or amount claim is told at: that of the quantity of
/// the claim's value inside the claim, among `quantities` (each document's, by id).
pub(crate) fn time_told<'q>(
    quantities: &HashMap<&str, Vec<&'q Quantity>>,
    claim: &Claim,
) -> Option<&'q str> {
    let Value::Number(value) = claim.value else {
        return None;
    };
    quantities
        .get(claim.doc.as_str())?
        .iter()
        .find(|q| q.start >= claim.start && q.end <= claim.end && q.value == value)
        .and_then(|q| q.time.as_deref())
}

/// The day the figure of a count is told of: its time when that is a full date.
pub(crate) fn day_told(quantities: &HashMap<&str, Vec<&Quantity>>, claim: &Claim) -> Option<Date> {
    time_told(quantities, claim)?.parse().ok()
}

/// Whether two readings of a count, tied to the days in `a` and `b` (the days their
/// claims tell), are of different parts of a many-day happening: one is tied to a day
/// and they share no day.
pub(crate) fn of_other_days(a: &BTreeSet<Date>, b: &BTreeSet<Date>) -> bool {
    (!a.is_empty() || !b.is_empty()) && a.is_disjoint(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Predicate;
    use crate::{DocumentInput, LedgerBuilder};

    /// The ledger of one text published on Saturday 10 May 2031.
    fn ledger(text: &str) -> Ledger {
        LedgerBuilder::new()
            .document(DocumentInput::text("d", text).published("2031-05-10"))
            .build()
            .expect("ledger")
    }

    /// The days the count claims of `text` are told of.
    fn days_told(text: &str) -> Vec<Option<String>> {
        let ledger = ledger(text);
        let mut quantities: HashMap<&str, Vec<&Quantity>> = HashMap::default();
        for q in &ledger.quantities {
            quantities.entry(q.doc.as_str()).or_default().push(q);
        }
        ledger
            .claims
            .iter()
            .filter(|c| c.predicate == Predicate::Count)
            .map(|c| day_told(&quantities, c).map(|day| day.to_string()))
            .collect()
    }

    #[test]
    fn a_count_is_told_of_the_day_its_sentence_dates_it() {
        assert_eq!(
            days_told("Police arrested 31 people over Friday's marches in Tarsk."),
            [Some("2031-05-09".to_string())]
        );
        assert_eq!(
            days_told("Police said 12 people were arrested in Harran on Wednesday night."),
            [Some("2031-05-07".to_string())]
        );
        // A month tells no day, and a sentence without a time none.
        assert_eq!(
            days_told("Police said 40 people were arrested in Harran in April."),
            [None]
        );
        assert_eq!(
            days_told("Police said more than 90 people have been arrested."),
            [None]
        );
    }

    #[test]
    fn arrests_are_tallied_and_killings_are_not() {
        let ledger = ledger(
            "Police arrested 31 protesters in Tarsk on Friday. Gunmen killed 4 guards in Harran.",
        );
        let kinds: Vec<&str> = ledger
            .events
            .iter()
            .filter(|e| tallied_events(&ledger).contains(e.id.as_str()))
            .map(|e| e.kind.as_str())
            .collect();
        assert_eq!(kinds, ["arrest"]);
        assert!(ledger.events.iter().any(|e| e.kind.as_str() == "killing"));
    }

    #[test]
    fn counts_of_different_days_are_parts() {
        let day = |d: &str| BTreeSet::from([d.parse::<Date>().unwrap()]);
        let none = BTreeSet::new();
        let (friday, tuesday) = (day("2031-05-09"), day("2031-05-06"));
        assert!(of_other_days(&friday, &none));
        assert!(of_other_days(&friday, &tuesday));
        assert!(!of_other_days(&friday, &friday));
        assert!(!of_other_days(&none, &none));
    }
}
