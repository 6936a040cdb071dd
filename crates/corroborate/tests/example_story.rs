//! The example story's must-shows for times, quantities and verdicts, through the public
//! API. They read the shared corpus beside the repository, so they are `#[ignore]`d: a
//! run without it counts them as ignored, and `scripts/test.sh` runs them
//! (`--include-ignored`) when `../shared` is there. The expected values live here, in a
//! test, and nowhere in the library.

use std::path::PathBuf;

use corroborate::model::{Ledger, Predicate, Role, Verdict};
use corroborate::{DocumentInput, LedgerBuilder};

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

fn text<'a>(ledger: &'a Ledger, doc: &str, start: usize, end: usize) -> &'a str {
    let document = ledger.documents.iter().find(|d| d.id == doc).unwrap();
    &document.text[start..end]
}

#[test]
#[ignore = "reads ../shared/corpus beside the checkout"]
fn times_resolve_against_the_publication_date() {
    let ledger = example_story();
    let found: Vec<(&str, Option<&str>)> = ledger
        .times
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_deref()))
        .collect();
    for (words, value) in [
        ("last November", "2023-11"),
        ("November", "2023-11"),
        ("Tuesday", "2024-07-16"),
        ("February 14", "2024-02-14"),
        ("Last year", "2023"),
        ("a decade ago", "2014"),
        ("2016 to 2019", "2016/2019"),
        ("late last year", "2023"),
        ("late 1990s", "199"),
    ] {
        assert!(
            found.contains(&(words, Some(value))),
            "{words} → {value} not in {found:?}"
        );
    }
}

#[test]
#[ignore = "reads ../shared/corpus beside the checkout"]
fn quantities_carry_value_unit_bound_and_what_they_count() {
    let ledger = example_story();
    let find = |words: &str| {
        ledger
            .quantities
            .iter()
            .find(|q| text(&ledger, &q.doc, q.start, q.end) == words)
            .unwrap_or_else(|| panic!("{words} not among the quantities"))
    };
    let q = find("Around ten");
    assert_eq!((q.value, q.approximate), (10.0, true));
    let q = find("over 34,000");
    assert_eq!((q.value, q.bound.as_deref()), (34000.0, Some("at_least")));
    let q = find("$666,666");
    assert_eq!((q.value, q.unit.as_deref()), (666666.0, Some("USD")));
    let q = find("196");
    assert_eq!(
        (q.counted.as_deref(), q.time.as_deref()),
        (Some("north korean defectors"), Some("2023"))
    );
}

#[test]
#[ignore = "reads ../shared/corpus beside the checkout"]
fn comparisons_show_what_the_outlets_agree_and_differ_on() {
    let ledger = example_story();
    use corroborate::model::{Comparison, Value, Verdict};
    assert_eq!(ledger.stories.len(), 1);
    let find = |predicate: &str, value: Value| -> &Comparison {
        ledger
            .comparisons
            .iter()
            .find(|c| {
                c.predicate.as_str() == predicate && c.readings.iter().any(|r| r.value == value)
            })
            .unwrap_or_else(|| panic!("no {predicate} comparison with {value:?}"))
    };
    let documents = |c: &Comparison, value: Value| -> usize {
        c.readings
            .iter()
            .filter(|r| r.value == value)
            .map(|r| r.documents.len())
            .sum()
    };
    let age = find("age", Value::Number(52.0));
    assert_eq!(age.verdict, Verdict::Agree);
    assert!(documents(age, Value::Number(52.0)) >= 4, "{age:?}");
    let defector = age.subject.clone();
    let role = find("role", Value::Text("third secretary".into()));
    assert_eq!(role.subject, defector);
    assert_eq!(role.verdict, Verdict::Conflict);
    assert!(
        documents(role, Value::Text("counselor".into())) >= 4,
        "{role:?}"
    );
    let time = find("time", Value::Text("2023-11".into()));
    assert_eq!(time.verdict, Verdict::Agree);
    assert!(
        documents(time, Value::Text("2023-11".into())) >= 4,
        "{time:?}"
    );
    let companions = find("companions", Value::Text("children and wife".into()));
    assert_eq!(
        companions.subject, time.subject,
        "the defection's companions"
    );
    assert_eq!(companions.verdict, Verdict::Conflict);
    assert!(documents(companions, Value::Text("child and wife".into())) >= 1);
    let count = find("count", Value::Number(196.0));
    assert_eq!(count.verdict, Verdict::Agree);
    let mut counted: Vec<&String> = count.readings.iter().flat_map(|r| &r.documents).collect();
    counted.sort();
    assert_eq!(counted, ["001", "004"]);
}

#[test]
#[ignore = "reads ../shared/corpus beside the checkout"]
fn details_from_the_newspaper_interview_rest_on_that_interview() {
    let ledger = example_story();
    use corroborate::model::{Value, Verdict};
    let mexico = ledger
        .entities
        .iter()
        .find(|e| e.name == "Mexico")
        .expect("the place of the refused treatment is an entity");
    let treatment = ledger
        .comparisons
        .iter()
        .find(|c| {
            c.predicate == Predicate::Argument(Role::Place)
                && c.readings.iter().any(|r| {
                    r.entity.as_ref() == Some(&mexico.id) && r.value == Value::Text("Mexico".into())
                })
        })
        .expect("a comparison places the treatment in Mexico");
    assert_eq!(treatment.verdict, Verdict::Agree);
    let reading = &treatment.readings[0];
    assert!(reading.documents.len() >= 3, "{reading:?}");
    assert!(
        reading.sources.len() < reading.documents.len(),
        "{reading:?}"
    );
    let interview = reading
        .sources
        .iter()
        .find(|s| s.text.ends_with(" interview"))
        .unwrap_or_else(|| panic!("no interview among {:?}", reading.sources));
    assert!(interview.documents.len() >= 2, "{interview:?}");
}

#[test]
#[ignore = "reads ../shared/corpus beside the checkout"]
fn escape_details_rest_on_the_interview_and_the_defection_on_its_confirmers() {
    let ledger = example_story();
    use corroborate::model::{Comparison, Verdict};
    let single_origin = |c: &Comparison| {
        assert_eq!(c.verdict, Verdict::Agree, "{c:?}");
        let reading = &c.readings[0];
        assert_eq!(reading.sources.len(), 1, "{reading:?}");
        assert!(
            reading.sources[0].text.ends_with(" interview"),
            "{reading:?}"
        );
        reading.documents.len()
    };
    // The six hours' notice: told by three outlets, all from the newspaper interview.
    let notice = ledger
        .comparisons
        .iter()
        .find(|c| c.predicate.as_str() == "inform_time")
        .expect("the notice the defector gave his family is compared");
    assert!(single_origin(notice) >= 3, "{notice:?}");
    // The deaths of his parents and in-laws: two outlets, one origin.
    let deaths = ledger
        .comparisons
        .iter()
        .find(|c| {
            c.predicate == Predicate::Argument(Role::Agent)
                && c.readings
                    .iter()
                    .any(|r| format!("{:?}", r.value).contains("parents"))
        })
        .expect("who died is compared");
    assert!(single_origin(deaths) >= 2, "{deaths:?}");
    // The defection itself rests on the spy agency's confirmation ("Seoul's spy agency"
    // and "South Korea's intelligence service" are the National Intelligence Service)
    // and on the newspaper, each named.
    let named = |id: &str| {
        ledger
            .entities
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.name.clone())
    };
    let destination = ledger
        .comparisons
        .iter()
        .filter(|c| c.predicate == Predicate::Argument(Role::Destination))
        .max_by_key(|c| c.readings[0].documents.len())
        .expect("the defection's destination is compared");
    let sources: Vec<String> = destination.readings[0]
        .sources
        .iter()
        .filter_map(|s| named(s.entity.as_deref()?))
        .collect();
    assert!(
        sources.iter().any(|s| s == "National Intelligence Service"),
        "{sources:?}"
    );
    assert!(sources.iter().any(|s| s == "Chosun Ilbo"), "{sources:?}");
    let agency = destination.readings[0]
        .sources
        .iter()
        .find(|s| s.text == "National Intelligence Service")
        .expect("the agency is one source");
    assert!(agency.documents.len() >= 2, "{agency:?}");
}

#[test]
#[ignore = "reads ../shared/corpus beside the checkout"]
fn the_only_conflicts_shown_are_the_post_and_the_companions() {
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
