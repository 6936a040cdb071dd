//! Every conflict shown is a real disagreement: stories written for the test, where a
//! containment, a synonym, a past post and a negated verb are no conflict and a real
//! disagreement about a post or a figure is one, and the example story of the shared
//! corpus (`#[ignore]`d: it reads `../shared` beside the checkout), whose only
//! conflicts are the defector's post and his companions.

use std::path::PathBuf;

use corroborate::model::{Comparison, Ledger, Value, Verdict};
use corroborate::{DocumentInput, LedgerBuilder};

/// What both outlets of a written story say, so that they make one story.
const COMMON: &str = "Peruvian diplomat Ivo Rask defected to Norway in May with his wife, \
                      the Foreign Ministry in Oslo said on Tuesday. The ministry said Rask \
                      had asked for asylum after years abroad. Norwegian officials declined \
                      to say where the family now lives.";

/// The ledger of two outlets telling the common story, each adding one sentence.
fn two_outlets(first: &str, second: &str) -> Ledger {
    LedgerBuilder::new()
        .published("2024-06-04")
        .document(DocumentInput::text("a", format!("{first} {COMMON}")))
        .document(DocumentInput::text("b", format!("{COMMON} {second}")))
        .build()
        .expect("the story builds")
}

/// The verdict on `predicate` among comparisons carrying a reading whose value is
/// one of `values`.
fn verdict(ledger: &Ledger, predicate: &str, values: &[&str]) -> Verdict {
    let wanted = |v: &Value| values.iter().any(|w| v.key() == *w);
    let found: Vec<&Comparison> = ledger
        .comparisons
        .iter()
        .filter(|c| {
            c.predicate.as_str() == predicate && c.readings.iter().any(|r| wanted(&r.value))
        })
        .collect();
    assert!(
        !found.is_empty(),
        "no {predicate} comparison with {values:?} in {:#?}",
        ledger.comparisons
    );
    if found.iter().any(|c| c.verdict == Verdict::Conflict) {
        Verdict::Conflict
    } else {
        found[0].verdict
    }
}

#[test]
fn a_city_agrees_with_its_country() {
    let ledger = two_outlets(
        "Ivo Rask fled from Havana to Norway in May.",
        "Ivo Rask fled from Cuba to Norway in May.",
    );
    assert_eq!(
        verdict(&ledger, "origin", &["Havana", "Cuba"]),
        Verdict::Agree
    );
}

#[test]
fn a_former_nationality_does_not_conflict_with_the_present_one() {
    let ledger = two_outlets(
        "Lena Ostrova, a former Peruvian diplomat who moved to Norway in 2016, welcomed him.",
        "Lena Ostrova, a Norwegian lawmaker, welcomed him.",
    );
    assert_ne!(
        verdict(&ledger, "nationality", &["peru", "norway"]),
        Verdict::Conflict
    );
}

#[test]
fn synonyms_of_a_post_agree() {
    let ledger = two_outlets(
        "Ivo Rask, a political adviser at the embassy, left in May.",
        "Ivo Rask, a counsellor at the embassy, left in May.",
    );
    assert_eq!(verdict(&ledger, "role", &["counselor"]), Verdict::Agree);
}

#[test]
fn a_past_post_does_not_conflict_with_the_present_one() {
    let ledger = two_outlets(
        "Ivo Rask, a counselor at the embassy, left in May.",
        "Rask served as deputy director for trade from 2016 to 2019.",
    );
    assert_ne!(
        verdict(&ledger, "role", &["counselor", "deputy director"]),
        Verdict::Conflict
    );
}

#[test]
fn a_negated_verb_does_not_negate_a_description() {
    let ledger = two_outlets(
        "Ivo Rask, a 41-year-old teacher, showed no remorse.",
        "Ivo Rask, 41, said he would not return.",
    );
    assert_eq!(verdict(&ledger, "age", &["41"]), Verdict::Agree);
}

#[test]
fn different_posts_on_one_ladder_conflict() {
    let ledger = two_outlets(
        "Ivo Rask, a counselor at the embassy, left in May.",
        "Ivo Rask, the third secretary at the embassy, left in May.",
    );
    assert_eq!(
        verdict(&ledger, "role", &["counselor", "third secretary"]),
        Verdict::Conflict
    );
}

#[test]
fn different_figures_conflict() {
    let ledger = two_outlets("Ivo Rask, 41, left in May.", "Ivo Rask, 45, left in May.");
    assert_eq!(verdict(&ledger, "age", &["41", "45"]), Verdict::Conflict);
}

fn example_story() -> Ledger {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/ri-il-kyu");
    let mut builder = LedgerBuilder::new().published("2024-07-16");
    for i in 0..5 {
        let path = dir.join(format!("00{i}.txt"));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (the test needs ../shared)", path.display()));
        builder = builder.document(DocumentInput::text(format!("00{i}"), text));
    }
    builder.build().expect("the example story builds")
}

#[test]
#[ignore = "reads ../shared/corpus beside the checkout"]
fn the_example_story_shows_its_real_conflicts_only() {
    let ledger = example_story();
    let mut conflicts: Vec<&str> = ledger
        .comparisons
        .iter()
        .filter(|c| c.verdict == Verdict::Conflict)
        .map(|c| c.predicate.as_str())
        .collect();
    conflicts.sort();
    assert_eq!(
        conflicts,
        ["companions", "role"],
        "{:#?}",
        ledger.comparisons
    );
    // The agreements the report showed before conflicts were judged by these rules.
    for (predicate, value) in [
        ("age", "52"),
        ("agent", "parents and in-laws"),
        ("count", "196"),
        ("destination", "South Korea"),
        ("inform_time", "6 hours before"),
        ("nationality", "north korea"),
        ("occupation", "diplomat"),
        ("place", "Mexico"),
        ("place", "South Korea"),
        ("time", "2023-11"),
    ] {
        let agreed = ledger.comparisons.iter().any(|c| {
            c.verdict == Verdict::Agree
                && c.predicate.as_str() == predicate
                && c.readings.iter().any(|r| r.value.key() == value)
        });
        assert!(agreed, "no agreement on {predicate} {value}");
    }
    // Readings name entities by name, with the id beside.
    let origin = ledger
        .comparisons
        .iter()
        .find(|c| c.predicate.as_str() == "origin" && c.verdict == Verdict::Agree)
        .expect("the defection's origin");
    let cuba = origin
        .readings
        .iter()
        .find(|r| r.value.key() == "Cuba")
        .expect("Cuba by name");
    let id = cuba.entity.as_deref().expect("Cuba's entity id");
    assert!(
        ledger
            .entities
            .iter()
            .any(|e| e.id == id && e.name == "Cuba")
    );
}
