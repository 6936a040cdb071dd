//! Independent origins behind a reading, through the whole pipeline on synthetic
//! articles: outlets relaying one newspaper's interview are one source.

use corroborate::model::{Ledger, Verdict};
use corroborate::{DocumentInput, LedgerBuilder};

fn ledger(articles: &[(&str, &str)]) -> Ledger {
    let mut builder = LedgerBuilder::new().published("2022-06-10");
    for (i, (outlet, text)) in articles.iter().enumerate() {
        builder = builder.document(DocumentInput::text(format!("d{i}"), *text).source(*outlet));
    }
    builder.build().expect("the articles build")
}

/// (source text, number of documents) of each reading of the `predicate` comparison.
fn sources(ledger: &Ledger, predicate: &str) -> Vec<Vec<(String, usize)>> {
    let comparison = ledger
        .comparisons
        .iter()
        .find(|c| c.predicate == predicate)
        .unwrap_or_else(|| panic!("no {predicate} comparison in {:?}", ledger.comparisons));
    assert_eq!(comparison.verdict, Verdict::Agree, "{comparison:?}");
    comparison
        .readings
        .iter()
        .map(|r| {
            r.sources
                .iter()
                .map(|s| (s.text.clone(), s.documents.len()))
                .collect()
        })
        .collect()
}

#[test]
fn outlets_relaying_one_interview_are_one_source() {
    let relayed = "Harbour pilot Ivo Rask fled Norland with his wife in May. In an interview \
                   with the Daily Meridian, Ivo Rask, 47, said he paid a fisherman to take \
                   them across the strait.";
    let reported = "Harbour pilot Ivo Rask fled Norland in May. Ivo Rask, 47, crossed the \
                    strait at night, border guards said.";
    let got = ledger(&[
        ("North Wire", relayed),
        ("South Post", relayed),
        ("East Mail", reported),
    ]);
    let age = sources(&got, "age");
    assert_eq!(
        age,
        [[
            ("Daily Meridian interview".to_string(), 2),
            ("border guards (East Mail)".to_string(), 1)
        ]],
        "{:?}",
        got.comparisons
    );
}
