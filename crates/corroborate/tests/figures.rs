//! Casualty figures across outlets: one story per happening, figures compared per role
//! as intervals, each reading with the source its article credits. Synthetic articles
//! through the public API.

use corroborate::model::{Comparison, Ledger, Predicate, Value, Verdict};
use corroborate::{DocumentInput, LedgerBuilder};

/// The ledger of `articles`, each (publication date, outlet, text).
fn ledger(articles: &[(&str, &str, &str)]) -> Ledger {
    let mut builder = LedgerBuilder::new();
    for (i, (published, outlet, text)) in articles.iter().enumerate() {
        builder = builder.document(
            DocumentInput::text(format!("d{i}"), *text)
                .published(*published)
                .source(*outlet),
        );
    }
    builder.build().expect("the articles build")
}

/// A reading as (value, documents).
type Figure = (f64, Vec<String>);

/// The ledger of two outlets' articles of one day: the Daily Courier's and the Evening
/// Post's.
fn courier_and_post(courier: &str, post: &str) -> Ledger {
    ledger(&[
        ("2024-03-04", "Daily Courier", courier),
        ("2024-03-04", "Evening Post", post),
    ])
}

/// The count comparisons of the ledger, each as (verdict, its readings).
fn counts(ledger: &Ledger) -> Vec<(Verdict, Vec<Figure>)> {
    ledger
        .comparisons
        .iter()
        .filter(|c| c.predicate == Predicate::Count)
        .map(|c| (c.verdict, readings(c)))
        .collect()
}

fn readings(c: &Comparison) -> Vec<Figure> {
    c.readings
        .iter()
        .map(|r| {
            let Value::Number(n) = r.value else {
                panic!("a count that is no number: {r:?}")
            };
            (n, r.documents.clone())
        })
        .collect()
}

/// Whether a conflict holds the figures `a` and `b` among its readings.
fn set_against(counts: &[(Verdict, Vec<Figure>)], a: f64, b: f64) -> bool {
    counts.iter().any(|(verdict, figures)| {
        *verdict == Verdict::Conflict
            && figures.iter().any(|f| f.0 == a)
            && figures.iter().any(|f| f.0 == b)
    })
}

/// Whether some comparison reads the figure `value`.
fn read(counts: &[(Verdict, Vec<Figure>)], value: f64) -> bool {
    counts
        .iter()
        .any(|(_, figures)| figures.iter().any(|f| f.0 == value))
}

/// The comparison whose readings hold exactly the values `values`, in any order.
fn with_values<'l>(ledger: &'l Ledger, values: &[f64]) -> Option<&'l Comparison> {
    ledger.comparisons.iter().find(|c| {
        c.predicate == Predicate::Count && {
            let mut got: Vec<f64> = readings(c).into_iter().map(|(n, _)| n).collect();
            got.sort_by(f64::total_cmp);
            got == values
        }
    })
}

#[test]
fn two_outlets_giving_22_and_10_killed_conflict() {
    let got = courier_and_post(
        "At least 22 people were killed in air strikes on a market in Harran on Monday, \
         a monitor said.",
        "A militant website said 10 people were killed when air strikes hit a market in \
         Harran on Monday.",
    );
    assert_eq!(got.stories.len(), 1, "{:?}", got.stories);
    let found = with_values(&got, &[10.0, 22.0]).unwrap_or_else(|| panic!("{:?}", counts(&got)));
    assert_eq!(found.verdict, Verdict::Conflict);
}

#[test]
fn at_least_20_and_25_agree_as_two_readings() {
    let got = courier_and_post(
        "At least 20 people were killed when a car bomb exploded in Harran on Monday.",
        "A car bomb exploded in Harran on Monday, killing 25 people, officials said.",
    );
    let found = with_values(&got, &[20.0, 25.0]).unwrap_or_else(|| panic!("{:?}", counts(&got)));
    assert_eq!(found.verdict, Verdict::Agree);
    assert_eq!(found.readings.len(), 2);
}

#[test]
fn killed_and_wounded_are_never_compared() {
    let got = courier_and_post(
        "Shelling of Harran killed 6 and injured 32 on Monday, the civil defence said.",
        "Six people were killed and 30 wounded when shells hit Harran on Monday.",
    );
    let found = counts(&got);
    for (_, readings) in &found {
        let values: Vec<f64> = readings.iter().map(|(n, _)| *n).collect();
        let killed = values.contains(&6.0);
        let hurt = values.iter().any(|&n| n == 30.0 || n == 32.0);
        assert!(!(killed && hurt), "{found:?}");
    }
    let killed = with_values(&got, &[6.0]).unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(killed.verdict, Verdict::Agree);
    let hurt = with_values(&got, &[30.0, 32.0]).unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(hurt.verdict, Verdict::Conflict);
}

#[test]
fn two_incidents_on_one_day_in_two_cities_are_two_stories() {
    let got = ledger(&[
        (
            "2024-03-04",
            "Daily Courier",
            "Air strikes on a market in Harran killed 14 people on Monday, the civil defence \
             said. Rescuers searched the rubble of the market in Harran.",
        ),
        (
            "2024-03-04",
            "Evening Post",
            "Air strikes on a market in Harran killed 12 people on Monday, rescuers said. The \
             market in Harran was crowded.",
        ),
        (
            "2024-03-04",
            "Morning Herald",
            "Air strikes on a market in Tall Abyad killed 9 people on Monday, the civil \
             defence said. Rescuers searched the rubble of the market in Tall Abyad.",
        ),
    ]);
    let stories: Vec<&Vec<String>> = got.stories.iter().map(|s| &s.documents).collect();
    assert_eq!(stories, [&vec!["d0", "d1"], &vec!["d2"]]);
}

#[test]
fn two_romanizations_of_one_town_are_one_place() {
    // "Tell Karmeh" and "Tal Karma": one town in two transliterations, told in other words.
    let got = courier_and_post(
        "Shelling hit a school in Tell Karmeh on Monday, killing 7 pupils, the civil \
         defence said. Parents gathered outside the school in Tell Karmeh.",
        "Shelling killed seven children in the town of Tal Karma on Monday, a doctor \
         told reporters. Tal Karma lies near the front line.",
    );
    assert_eq!(got.stories.len(), 1, "{:?}", got.stories);
}

#[test]
fn another_figure_adds_to_the_toll_and_is_no_repeat() {
    // The first outlet's 5 and "another 5" are two parts of its 12, not a toll given twice.
    let got = courier_and_post(
        "Air strikes on Harran killed 12 people on Monday, the civil defence said. \
         In the market 5 people were killed and another 5 were killed near the \
         hospital.",
        "Air strikes killed 12 people in Harran on Monday, rescuers said.",
    );
    let found = with_values(&got, &[12.0]).unwrap_or_else(|| panic!("{:?}", counts(&got)));
    assert_eq!(found.verdict, Verdict::Agree);
    assert!(
        with_values(&got, &[5.0, 12.0]).is_none(),
        "{:?}",
        counts(&got)
    );
}

#[test]
fn other_people_killed_add_to_the_toll_and_are_no_repeat() {
    // The first outlet's two sub-counts of 2 ("two people", "two other people") are parts
    // of its 6, not a figure it gives twice: it answers with its lede's 6.
    let got = courier_and_post(
        "Six civilians were killed on Monday in rocket attacks on Harran. Two people \
         were killed in the market district. Two other people were reported killed \
         near the hospital.",
        "Rocket attacks killed 11 civilians in Harran on Monday, a monitor said.",
    );
    let counts = counts(&got);
    assert!(set_against(&counts, 6.0, 11.0), "{counts:?}");
    assert!(!read(&counts, 2.0), "{counts:?}");
}

#[test]
fn counts_joined_by_and_are_parts_of_the_toll() {
    // The first outlet's "four children and three medics" (twice) are parts of its 13:
    // it answers with the 13, which conflicts with the second outlet's 5.
    let got = courier_and_post(
        "Four children and three medics killed by air strikes on a clinic in Harran. \
         Air strikes on a clinic in Harran killed 13 people on Monday, the charity \
         said. Among the dead were three medics and four children.",
        "Air strikes on a clinic in Harran killed 5 people on Monday, rescuers said.",
    );
    let counts = counts(&got);
    assert!(set_against(&counts, 13.0, 5.0), "{counts:?}");
    assert!(!read(&counts, 3.0), "{counts:?}");
}

#[test]
fn a_toll_of_civilians_beside_their_children_is_the_toll() {
    // "16 civilians and three children" gives the civilians' toll, not a part of it.
    let got = courier_and_post(
        "At least 16 civilians and three children were killed in air raids on Harran. \
         Raids on the market killed seven people, a monitor said.",
        "Air raids killed 9 civilians in Harran on Monday, rescuers said.",
    );
    let counts = counts(&got);
    assert!(set_against(&counts, 16.0, 9.0), "{counts:?}");
}

#[test]
fn a_headline_without_commas_gives_the_killed_and_the_injured_apart() {
    // "Three killed 12 others injured": the 12 are injured, and two readings of one
    // value in a sentence ("two civilians … two other persons injured") each count
    // what their own words count.
    let got = courier_and_post(
        "Three killed 12 others injured in rocket attack on Harran. Rockets hit the \
         market of Harran on Monday, a source said. The attack claimed the lives of two \
         civilians and left two other persons injured.",
        "Rockets killed 5 people and wounded 12 in Harran on Monday, a monitor said.",
    );
    let counts = counts(&got);
    assert!(set_against(&counts, 3.0, 5.0), "{counts:?}");
    let injured = with_values(&got, &[12.0]).unwrap_or_else(|| panic!("{counts:?}"));
    assert_eq!(injured.verdict, Verdict::Agree);
    assert!(!set_against(&counts, 2.0, 12.0), "{counts:?}");
}

#[test]
fn a_follow_up_with_an_updated_toll_is_one_story_with_its_latest_figure() {
    let got = ledger(&[
        (
            "2024-03-04",
            "Daily Courier",
            "An air strike hit a crowded market in Harran on Monday, killing 12 people, the \
             civil defence said.",
        ),
        (
            "2024-03-05",
            "Evening Post",
            "The death toll from an air strike on a crowded market in Harran on Monday rose \
             to 19, the civil defence said. Earlier it said 12 people were killed.",
        ),
    ]);
    assert_eq!(got.stories.len(), 1, "{:?}", got.stories);
    let found = with_values(&got, &[12.0, 19.0]).unwrap_or_else(|| panic!("{:?}", counts(&got)));
    let latest: Vec<Figure> = readings(found)
        .into_iter()
        .filter(|(n, _)| *n == 19.0)
        .collect();
    assert_eq!(latest[0].1, ["d1"]);
}

#[test]
fn figures_credited_to_a_monitor_and_to_state_media_are_two_sources() {
    let got = courier_and_post(
        "At least 22 people were killed in air strikes on Harran on Monday, the Harran \
         Observatory for Human Rights said.",
        "State television said 10 people were killed in air strikes on Harran on Monday.",
    );
    let found = with_values(&got, &[10.0, 22.0]).unwrap_or_else(|| panic!("{:?}", counts(&got)));
    let sources: Vec<Vec<String>> = found
        .readings
        .iter()
        .map(|r| r.sources.iter().map(|s| s.text.clone()).collect())
        .collect();
    assert!(
        sources
            .iter()
            .any(|s| s.iter().any(|t| t.contains("Observatory"))),
        "{sources:?}"
    );
    assert!(
        sources
            .iter()
            .any(|s| s.iter().any(|t| t.contains("State television"))),
        "{sources:?}"
    );
}

#[test]
fn a_toll_of_civilians_and_one_of_fighters_are_not_compared() {
    let got = ledger(&[
        (
            "2024-05-10",
            "Daily Courier",
            "Air strikes on the town of Harran killed 25 civilians on Friday, a monitor said. \
             Fighting went on near Harran on Friday.",
        ),
        (
            "2024-05-10",
            "Evening Post",
            "At least 39 rebel fighters were killed in clashes near Harran on Friday, a monitor \
             said. Air strikes also hit the town of Harran.",
        ),
    ]);
    assert_eq!(got.stories.len(), 1, "{:?}", got.stories);
    let counts = counts(&got);
    assert!(!set_against(&counts, 25.0, 39.0), "{counts:?}");
    assert!(
        read(&counts, 25.0),
        "the civilians' toll is still asked: {counts:?}"
    );
}

#[test]
fn a_toll_of_soldiers_and_one_of_rebels_are_not_compared() {
    let got = ledger(&[
        (
            "2024-06-14",
            "Daily Courier",
            "Clashes near Harran went on for a third day on Friday. A monitor said 30 \
             soldiers and 39 rebel fighters were killed in the clashes near Harran.",
        ),
        (
            "2024-06-14",
            "Evening Post",
            "Military sources said approximately 40 terrorists were killed in clashes near \
             Harran on Friday.",
        ),
    ]);
    assert_eq!(got.stories.len(), 1, "{:?}", got.stories);
    let counts = counts(&got);
    assert!(
        !set_against(&counts, 30.0, 40.0),
        "soldiers set against rebels: {counts:?}"
    );
    assert!(
        read(&counts, 30.0),
        "the soldiers' toll is read: {counts:?}"
    );
    // The article giving both sides' tolls answers for each: its rebels meet the other's.
    let rebels = with_values(&got, &[39.0, 40.0]).unwrap_or_else(|| panic!("{counts:?}"));
    assert_eq!(rebels.verdict, Verdict::Agree);
}

#[test]
fn an_outlet_denying_any_dead_conflicts_with_a_toll() {
    let got = ledger(&[
        (
            "2024-05-14",
            "Daily Courier",
            "A strong earthquake struck the coastal town of Harran on Tuesday. At least 12 \
             people were killed in the earthquake, officials said.",
        ),
        (
            "2024-05-14",
            "Evening Star",
            "A strong earthquake struck the coastal town of Harran on Tuesday. No one was \
             killed in the earthquake, officials said.",
        ),
    ]);
    assert!(set_against(&counts(&got), 12.0, 0.0), "{:?}", counts(&got));
}

#[test]
fn a_denial_beside_a_toll_in_one_article_leaves_the_toll() {
    let got = ledger(&[
        (
            "2024-05-14",
            "Daily Courier",
            "Two bombs exploded in the market of Harran on Tuesday. The first blast killed \
             9 people. No one was killed in the second blast, police said.",
        ),
        (
            "2024-05-14",
            "Evening Star",
            "Two bombs exploded in the market of Harran on Tuesday, killing 9 people, \
             police said.",
        ),
    ]);
    let counts = counts(&got);
    assert!(!read(&counts, 0.0), "{counts:?}");
    assert!(
        counts
            .iter()
            .any(|(verdict, figures)| *verdict == Verdict::Agree
                && figures.iter().all(|f| f.0 == 9.0)),
        "{counts:?}"
    );
}

#[test]
fn a_recalled_earlier_happenings_toll_answers_nothing_about_this_one() {
    let got = courier_and_post(
        "A gunman killed two workers at a factory in Harran on Monday, police said.",
        "Police said a gunman opened fire at a Harran factory on Monday. Earlier this \
         year, a gunman killed five students at a school in the city.",
    );
    let found = counts(&got);
    assert!(!set_against(&found, 2.0, 5.0), "{found:?}");
    assert!(!read(&found, 5.0), "{found:?}");
}

#[test]
fn the_headline_toll_outweighs_a_later_figure_repeated() {
    // The first outlet's headline gives its toll, 9; the body lists an earlier attack's
    // three dead twice. The document answers with the 9, not the repeated 3.
    let got = courier_and_post(
        "Nine people killed in rocket attack on Harran. Six civilians were killed on \
         Monday when rockets hit the market of Harran, a source said. Three people were \
         killed in an earlier attack on the port. The source said rockets on the port \
         killed three people.",
        "Rockets killed 22 people in Harran on Monday, a monitor said.",
    );
    let counts = counts(&got);
    assert!(set_against(&counts, 9.0, 22.0), "{counts:?}");
    assert!(!read(&counts, 3.0), "{counts:?}");
}

#[test]
fn a_vague_headline_figure_gives_way_to_the_stated_toll() {
    // "Dozens" in the headline is no toll: the lede's 38, given twice, answers.
    let got = courier_and_post(
        "Dozens of civilians killed in shelling of Harran. Shelling killed 38 civilians \
         in Harran on Monday, a monitor said. The monitor said 38 civilians were killed.",
        "Shelling killed 25 civilians in Harran on Monday, rescuers said.",
    );
    let counts = counts(&got);
    assert!(set_against(&counts, 38.0, 25.0), "{counts:?}");
    assert!(!read(&counts, 24.0), "{counts:?}");
}

#[test]
fn a_count_among_the_dead_is_a_part_of_the_toll() {
    // "Two medics among 31 dead": the 2 is a part of the headline's 31.
    let got = courier_and_post(
        "Two medics among 31 dead in shelling of Harran. Shelling killed 31 people in \
         Harran on Monday including two medics, rescuers said.",
        "Shelling killed 25 people in Harran on Monday, a monitor said.",
    );
    let counts = counts(&got);
    assert!(set_against(&counts, 31.0, 25.0), "{counts:?}");
    assert!(!read(&counts, 2.0), "{counts:?}");
}

#[test]
fn a_weeks_toll_is_a_running_total_no_days_toll_disputes() {
    // 90 killed in one week sums many days' tolls: the 4 of Monday fits it.
    let got = courier_and_post(
        "Air raids on Harran killed 4 civilians on Monday, rescuers said.",
        "Air raids on Harran killed 90 civilians in one week, a monitor said on Monday.",
    );
    let counts = counts(&got);
    assert!(!set_against(&counts, 4.0, 90.0), "{counts:?}");
}

#[test]
fn a_toll_over_two_places_contradicts_no_toll_of_one() {
    // The Courier's only figure sums two towns' dead: it answers for both, and the
    // Post's larger toll of one of them is no disagreement.
    let got = courier_and_post(
        "Seven people were killed in rocket attacks on Harran and Tarsk on Monday.",
        "Shelling of Harran killed 11 people on Monday, a monitor said.",
    );
    let counts = counts(&got);
    assert!(
        counts
            .iter()
            .all(|(verdict, _)| *verdict != Verdict::Conflict),
        "{counts:?}"
    );
    assert!(read(&counts, 7.0) && read(&counts, 11.0), "{counts:?}");
}

#[test]
fn a_headline_toll_over_two_places_is_no_lede_toll() {
    // The headline's 8 sums the tolls of two towns: the document answers for Harran
    // with the 6 its body gives twice, which the second outlet's 6 agrees with. The
    // unknown "Deir Kasso" is taken for a person's name, yet the list after "on Harran
    // and" makes it a place.
    for other in ["Tarsk", "Deir Kasso"] {
        let first = format!(
            "Eight civilians killed in rocket attacks on Harran and {other}. Rockets killed \
             6 civilians in the city of Harran on Monday, a source said. The source said \
             rockets killed 6 civilians in Harran."
        );
        let got = ledger(&[
            ("2024-03-04", "Daily Courier", &first),
            (
                "2024-03-04",
                "Evening Post",
                "Rockets killed 6 civilians in Harran on Monday, a monitor said.",
            ),
        ]);
        let counts = counts(&got);
        let found = with_values(&got, &[6.0]).unwrap_or_else(|| panic!("{counts:?}"));
        assert_eq!(found.verdict, Verdict::Agree, "{other}");
        assert!(!read(&counts, 8.0), "{other}: {counts:?}");
    }
}

#[test]
fn tolls_of_attacks_by_the_two_sides_are_not_compared() {
    // One day in one city, two happenings: rebels' rocket fire on one district and a
    // government's barrel bomb on another.
    let got = courier_and_post(
        "Rebels fired rocket shells at the Kerria district of Harran on Monday, killing \
         2 people, a police source said.",
        "A barrel bomb dropped by government helicopters on the rebel-held Ostra district \
         of Harran killed 15 civilians on Monday, a monitor said.",
    );
    let sided = counts(&got);
    assert!(!set_against(&sided, 2.0, 15.0), "{sided:?}");
    assert!(read(&sided, 2.0) && read(&sided, 15.0), "{sided:?}");
    // The same two figures, neither telling who struck, still conflict.
    let unsaid = courier_and_post(
        "Shells hit the Kerria district of Harran on Monday, killing 2 people, a police \
         source said.",
        "Shelling of the Ostra district of Harran killed 15 civilians on Monday, a monitor \
         said.",
    );
    let unsaid = counts(&unsaid);
    assert!(set_against(&unsaid, 2.0, 15.0), "{unsaid:?}");
}

#[test]
fn a_later_figure_naming_no_means_is_one_of_the_ledes_happening() {
    // The Courier's lede tells of a car bomb; its injured, given later without a means,
    // are the blast's and never agree with the Post's air strikes' injured.
    let got = courier_and_post(
        "At least 17 people were killed in a car bomb blast at a checkpoint near Harran on \
         Monday. Witnesses said the checkpoint was crowded. Rescue workers said 25 people \
         were injured and taken to hospital.",
        "Air strikes on Harran killed 13 people and injured 25 on Monday, rescue workers \
         said.",
    );
    let agreeing: Vec<_> = got
        .comparisons
        .iter()
        .filter(|c| c.predicate == Predicate::Count && c.verdict == Verdict::Agree)
        .filter(|c| c.readings.iter().map(|r| r.documents.len()).sum::<usize>() > 1)
        .collect();
    let counts = counts(&got);
    assert!(agreeing.is_empty(), "{counts:?}");
    // The blast's injured are still read, apart.
    let blast_injured = counts
        .iter()
        .any(|(_, figures)| figures.iter().any(|f| f.0 == 25.0 && f.1 == ["d0"]));
    assert!(blast_injured, "{counts:?}");
}
