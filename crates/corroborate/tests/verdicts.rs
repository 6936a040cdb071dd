//! Every conflict shown is a real disagreement: stories written for the test, where a
//! containment, a synonym, a past post, a former nationality and a negated verb are no
//! conflict and a real disagreement about a post or a figure is one. The example story
//! of the shared corpus, whose only conflicts are the defector's post and his
//! companions, is pinned in `example_story.rs`.

use corroborate::model::{Comparison, Ledger, Value, Verdict};
use corroborate::{DocumentInput, LedgerBuilder};

/// What both outlets of a written story say, so that they make one story.
const COMMON: &str = "Peruvian diplomat Ivo Rask defected to Norway in May with his wife, \
                      the Foreign Ministry in Oslo said on Tuesday. The ministry said Rask \
                      had asked for asylum after years abroad. Norwegian officials declined \
                      to say where the family now lives.";

/// The ledger of two outlets telling the common story, each adding one sentence.
fn two_outlets(first: &str, second: &str) -> Ledger {
    two_outlets_telling(COMMON, first, second)
}

/// The ledger of two outlets telling `common`, each adding one sentence.
fn two_outlets_telling(common: &str, first: &str, second: &str) -> Ledger {
    LedgerBuilder::new()
        .published("2024-06-04")
        .document(DocumentInput::text("a", format!("{first} {common}")))
        .document(DocumentInput::text("b", format!("{common} {second}")))
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
fn a_place_the_list_does_not_know_confirms_no_named_place() {
    let ledger = two_outlets(
        "Ivo Rask fled from Havana to Norway in May.",
        "Ivo Rask fled from Tarsk to Norway in May.",
    );
    let origins: Vec<&Comparison> = ledger
        .comparisons
        .iter()
        .filter(|c| c.predicate.as_str() == "origin")
        .collect();
    assert!(
        !origins.is_empty() && origins.iter().all(|c| c.verdict == Verdict::Single),
        "{origins:#?}"
    );
    let ledger = two_outlets(
        "Ivo Rask fled from Tarsk to Norway in May.",
        "Ivo Rask fled from Tarsk to Norway in May.",
    );
    assert_eq!(verdict(&ledger, "origin", &["Tarsk"]), Verdict::Agree);
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
fn a_hedged_figure_does_not_conflict_and_a_hedged_verb_leaves_an_age_alone() {
    let ledger = two_outlets(
        "Ivo Rask, 41, left in May. There might have been 12 people killed in the blast.",
        "Ivo Rask, 45, may have left in May. 10 people were killed in the blast.",
    );
    assert_eq!(verdict(&ledger, "count", &["12", "10"]), Verdict::Agree);
    assert_eq!(verdict(&ledger, "age", &["41", "45"]), Verdict::Conflict);
}

#[test]
fn a_running_total_fits_a_smaller_count_of_one_happening() {
    let ledger = two_outlets(
        "The navy said six AK 47 rifles were seized in the raid.",
        "So far the navy has seized 14 AK 47 rifles from smugglers.",
    );
    assert_eq!(verdict(&ledger, "count", &["6", "14"]), Verdict::Agree);
    let ledger = two_outlets(
        "The navy said six AK 47 rifles were seized in the raid.",
        "Two weeks of raids have netted the navy 14 AK 47 rifles.",
    );
    assert_eq!(verdict(&ledger, "count", &["6", "14"]), Verdict::Agree);
    let ledger = two_outlets(
        "The navy said six AK 47 rifles were seized in the raid.",
        "The navy said 14 AK 47 rifles were seized in the raid.",
    );
    assert_eq!(verdict(&ledger, "count", &["6", "14"]), Verdict::Conflict);
}

#[test]
fn ages_told_years_apart_fit_one_birth_year() {
    // Undated documents whose datelines tell the years: an arrest, then a trial.
    let build = |first: &str, second: &str| {
        LedgerBuilder::new()
            .document(DocumentInput::text(
                "a",
                format!("July 26, 2005\n{first} {COMMON}"),
            ))
            .document(DocumentInput::text(
                "b",
                format!("March 20, 2007\n{COMMON} {second}"),
            ))
            .document(DocumentInput::text("c", format!("{COMMON} {first}")))
            .build()
            .expect("the story builds")
    };
    let ledger = build(
        "Ivo Rask, 27, was arrested.",
        "Ivo Rask, 29, was found guilty.",
    );
    assert_eq!(verdict(&ledger, "age", &["27", "29"]), Verdict::Agree);
    let ledger = build(
        "Ivo Rask, 27, was arrested.",
        "Ivo Rask, 35, was found guilty.",
    );
    assert_eq!(verdict(&ledger, "age", &["27", "35"]), Verdict::Conflict);
}

#[test]
fn different_figures_conflict() {
    let ledger = two_outlets("Ivo Rask, 41, left in May.", "Ivo Rask, 45, left in May.");
    assert_eq!(verdict(&ledger, "age", &["41", "45"]), Verdict::Conflict);
}

#[test]
fn a_negated_verb_does_not_deny_a_happening_a_noun_names() {
    let ledger = two_outlets(
        "Rask said the elections in Norway were not fair.",
        "Observers watched the elections in Norway.",
    );
    assert_eq!(verdict(&ledger, "place", &["Norway"]), Verdict::Agree);
}

#[test]
fn a_negation_before_the_noun_denies_the_happening() {
    let ledger = two_outlets(
        "There were no elections in Norway, Rask said.",
        "Observers watched the elections in Norway.",
    );
    assert_eq!(verdict(&ledger, "place", &["Norway"]), Verdict::Conflict);
}

/// What both outlets of a written earthquake story say.
const QUAKE: &str = "The earthquake of magnitude 6.1 destroyed homes in three villages on \
                     Sunday, officials said. Rescuers searched the rubble overnight.";

#[test]
fn one_epicentre_in_miles_and_kilometres_agrees() {
    let ledger = two_outlets_telling(
        QUAKE,
        "The quake struck about 42km (26 miles) south-west of Lyon.",
        "The quake struck 27 miles southwest of Lyon.",
    );
    let values = ["42 km southwest of Lyon", "56 km southwest of Lyon"];
    assert_eq!(verdict(&ledger, "bearing", &values), Verdict::Agree);
}

#[test]
fn epicentres_far_apart_or_in_other_directions_conflict() {
    let ledger = two_outlets_telling(
        QUAKE,
        "The quake, which struck 20 km north of Lyon, was felt widely.",
        "The quake struck 60 km south of Lyon.",
    );
    let values = ["20 km north of Lyon", "60 km south of Lyon"];
    assert_eq!(verdict(&ledger, "bearing", &values), Verdict::Conflict);
}

/// What both outlets of a written many-night protest say.
const PROTESTS: &str = "Protests over the death of a student in Tarsk ran for a fourth night, \
                        the city's police said on Friday. Shops in the Harran district were \
                        smashed and looted.";

#[test]
fn one_nights_arrests_are_a_part_of_the_tally() {
    let cases = [
        // One night's arrests against the tally.
        (
            "arrested in Tarsk on Tuesday night",
            "arrested in Tarsk",
            Verdict::Agree,
        ),
        // Two nights in a row (counts dated farther apart are two questions).
        (
            "arrested in Tarsk on Monday night",
            "arrested in Tarsk on Tuesday night",
            Verdict::Agree,
        ),
        // The same night's arrests, and a toll dated by its day, are one figure.
        (
            "arrested in Tarsk on Tuesday night",
            "arrested in Tarsk on Tuesday night",
            Verdict::Conflict,
        ),
        (
            "killed in Tarsk on Tuesday night",
            "killed in Tarsk",
            Verdict::Conflict,
        ),
    ];
    for (first, second, expected) in cases {
        let ledger = two_outlets_telling(
            PROTESTS,
            &format!("Police said 9 people were {first}."),
            &format!("Police said 31 people were {second}."),
        );
        assert_eq!(
            verdict(&ledger, "count", &["9", "31"]),
            expected,
            "{first} / {second}"
        );
    }
}
