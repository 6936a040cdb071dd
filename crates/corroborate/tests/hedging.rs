//! Hedges and negations reach the clause they stand in, not the whole sentence:
//! synthetic articles through the public API.

use corroborate::model::Ledger;
use corroborate::{DocumentInput, LedgerBuilder};

fn ledger(text: &str) -> Ledger {
    LedgerBuilder::new()
        .published("2021-03-04")
        .document(DocumentInput::text("a", text))
        .build()
        .expect("the article builds")
}

/// (predicate, value text, hedged, negated) of every claim.
fn marks(ledger: &Ledger) -> Vec<(String, String, bool, bool)> {
    ledger
        .claims
        .iter()
        .map(|c| {
            (
                c.predicate.to_string(),
                c.value_text.clone(),
                c.hedged,
                c.negated,
            )
        })
        .collect()
}

#[test]
fn a_hedge_in_a_relative_clause_marks_that_clause_only() {
    let got = marks(&ledger(
        "Lund Shipping bought the old ferry in Oslo last week. The company paid a large \
         sum for the ferry, which was repainted and is presumed to have gone back to \
         service on the northern route.",
    ));
    let clause = got
        .iter()
        .find(|c| c.0 == "go")
        .unwrap_or_else(|| panic!("no claim from the relative clause in {got:?}"));
    assert!(clause.2, "{clause:?}");
    assert!(
        got.iter().any(|c| c.0 == "be" && c.1 == "repainted"),
        "{got:?}"
    );
}

#[test]
fn a_month_named_may_hedges_nothing() {
    let got = marks(&ledger(
        "Ana Lupu, 47, left the party in May 2020. She now leads a small union in Brno.",
    ));
    assert!(
        got.iter().all(|c| !c.2),
        "a hedge where there is none: {got:?}"
    );
}

#[test]
fn a_negation_in_an_aside_leaves_the_main_clause_alone() {
    let got = marks(&ledger(
        "Ivo Rask, 61, who did not attend the hearing, chairs the board. Rask has not \
         commented on the ruling.",
    ));
    let age = got
        .iter()
        .find(|c| c.0 == "age")
        .unwrap_or_else(|| panic!("no age claim in {got:?}"));
    assert!(!age.3, "{age:?}");
    assert!(
        got.iter().any(|c| c.3),
        "the unreached negation is lost: {got:?}"
    );
}
