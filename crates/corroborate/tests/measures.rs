//! Counts without a subject of their own are compared by the place their counted phrase
//! names, their period and the thing counted: synthetic articles through the public API.

use corroborate::model::{Ledger, Predicate, Value, Verdict};
use corroborate::{DocumentInput, LedgerBuilder};

fn ledger(articles: &[&str]) -> Ledger {
    let mut builder = LedgerBuilder::new().published("2022-06-10");
    for (i, text) in articles.iter().enumerate() {
        builder = builder.document(DocumentInput::text(format!("d{i}"), *text));
    }
    builder.build().expect("the articles build")
}

/// (value, documents, verdict) of every count comparison.
fn counts(ledger: &Ledger) -> Vec<(f64, Vec<String>, Verdict)> {
    ledger
        .comparisons
        .iter()
        .filter(|c| c.predicate == Predicate::Count)
        .flat_map(|c| {
            c.readings.iter().map(|r| {
                let Value::Number(n) = r.value else {
                    panic!("a count that is no number: {r:?}")
                };
                (n, r.documents.clone(), c.verdict)
            })
        })
        .collect()
}

#[test]
fn one_count_in_two_wordings_agrees_and_other_years_stay_apart() {
    let got = ledger(&[
        "Miners are leaving Peru for Chile in growing numbers, officials in Lima said. \
         Last year, 310 Peruvian miners crossed into Chile, down from 900 a decade ago.",
        "Miners keep leaving Peru for the mines of northern Chile. Some 310 Peruvians \
         crossed the border last year, compared with 120 in 2019, the labour ministry said.",
    ]);
    let found = counts(&got);
    // "310" and "Some 310" are two readings that fit: one agreed question.
    let agreeing: Vec<&String> = found
        .iter()
        .filter(|c| c.0 == 310.0 && c.2 == Verdict::Agree)
        .flat_map(|c| &c.1)
        .collect();
    assert_eq!(agreeing, ["d0", "d1"], "{found:?}");
    assert!(
        found
            .iter()
            .filter(|c| c.0 != 310.0)
            .all(|c| c.1.len() == 1 && c.2 == Verdict::Single),
        "{found:?}"
    );
}

#[test]
fn a_common_word_in_a_counted_phrase_names_no_place() {
    // "bath tubs" names no city: the counts are no question about Bath (as "five times"
    // asks nothing of a newspaper called the Times).
    let got = ledger(&[
        "Police in Bath said on Monday that 12 bath tubs were stolen from a shop.",
        "Thieves took 20 bath tubs from a shop in Bath, police said on Monday.",
    ]);
    let bath = got
        .entities
        .iter()
        .find(|e| e.name == "Bath")
        .expect("the city");
    let about_bath: Vec<_> = got
        .comparisons
        .iter()
        .filter(|c| c.predicate == Predicate::Count && c.subject == bath.id)
        .collect();
    assert!(about_bath.is_empty(), "{about_bath:?}");
}
