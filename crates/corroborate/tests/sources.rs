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
        .find(|c| c.predicate.as_str() == predicate)
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

/// The comparison of `predicate`, which must exist.
fn comparison<'l>(ledger: &'l Ledger, predicate: &str) -> &'l corroborate::model::Comparison {
    ledger
        .comparisons
        .iter()
        .find(|c| c.predicate.as_str() == predicate)
        .unwrap_or_else(|| panic!("no {predicate} comparison in {:?}", ledger.comparisons))
}

#[test]
fn details_told_to_a_newspaper_rest_on_its_interview_however_retold() {
    let first = "Harbour pilot Ivo Rask fled Norland with his wife in May. In an interview \
                 with the Daily Meridian, Rask said he had planned the escape for years. He \
                 informed his wife only two hours before their departure. The deaths of his \
                 parents and in-laws had weighed on him.";
    let second = "Harbour pilot Ivo Rask fled Norland in May. Rask told the Daily Meridian \
                  that he notified his wife two hours before the departure. His decision \
                  followed the passing of his parents and parents-in-law.";
    let third = "Harbour pilot Ivo Rask fled Norland in May. “I called my wife to tell her, \
                 two hours before the escape,” Rask told the Daily Meridian.";
    let got = ledger(&[
        ("North Wire", first),
        ("South Post", second),
        ("East Mail", third),
    ]);
    let notice = comparison(&got, "inform_time");
    assert_eq!(notice.verdict, Verdict::Agree, "{notice:?}");
    assert_eq!(notice.readings[0].documents.len(), 3, "{notice:?}");
    assert_eq!(
        sources(&got, "inform_time"),
        [[("Daily Meridian interview".to_string(), 3)]]
    );
    // "in-laws" and "parents-in-law" are one kind of relative.
    assert_eq!(
        sources(&got, "agent"),
        [[("Daily Meridian interview".to_string(), 2)]]
    );
}

#[test]
fn another_lead_time_is_a_conflict() {
    let one = "Harbour pilot Ivo Rask fled Norland in May. He informed his wife two hours \
               before their departure.";
    let other = "Harbour pilot Ivo Rask fled Norland in May. He told his wife two days before \
                 their departure.";
    let got = ledger(&[("North Wire", one), ("South Post", other)]);
    let notice = comparison(&got, "inform_time");
    assert_eq!(notice.verdict, Verdict::Conflict, "{notice:?}");
}

#[test]
fn the_deaths_of_relatives_are_not_another_death() {
    let text = "Harbour pilot Ivo Rask fled Norland in May. A customs officer drowned in the \
                harbour last year. The deaths of his parents had weighed on him.";
    let got = ledger(&[("North Wire", text), ("South Post", text)]);
    let deaths: Vec<_> = got.events.iter().filter(|e| e.kind == "death").collect();
    assert_eq!(deaths.len(), 2, "{deaths:?}");
}

#[test]
fn a_described_agency_and_a_named_one_are_one_source() {
    let described = "Pavel Orlov, a Russian sailor, defected to Estonia in May, Estonia's spy \
                     agency confirmed on Tuesday.";
    let named = "Pavel Orlov, a Russian sailor, defected to Estonia in May, according to the \
                 Foreign Intelligence Service.";
    let reported = "Pavel Orlov, a Russian sailor, defected to Estonia in May, according to \
                    reports from the Baltic Times.";
    let got = ledger(&[
        ("North Wire", described),
        ("South Post", named),
        ("East Mail", reported),
    ]);
    assert_eq!(
        sources(&got, "destination"),
        [[
            ("Foreign Intelligence Service".to_string(), 2),
            ("Baltic Times".to_string(), 1)
        ]],
        "{:?}",
        got.comparisons
    );
}
