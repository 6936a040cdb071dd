//! Cross-document entities through the whole pipeline on synthetic articles.

use corroborate::model::Ledger;
use corroborate::{DocumentInput, LedgerBuilder};

fn ledger(articles: &[&str]) -> Ledger {
    let mut builder = LedgerBuilder::new().published("2022-06-10");
    for (i, text) in articles.iter().enumerate() {
        builder = builder.document(DocumentInput::text(format!("d{i}"), *text));
    }
    builder.build().expect("the articles build")
}

#[test]
fn a_person_named_by_nationality_is_the_one_introduced_so() {
    let got = ledger(&[
        "American challenger Tom Hale lost to Ivo Rask in Oslo on Saturday. Hale was hurt \
         in the sixth round of the title fight.",
        "Ivo Rask beat Tom Hale in Oslo on Saturday to keep his title. The 41-year-old \
         American never recovered after the fifth round.",
    ]);
    let text = &got.documents[1].text;
    let at = text
        .find("American")
        .expect("the nationality is in the text");
    let hale = got
        .entities
        .iter()
        .find(|e| e.name == "Tom Hale")
        .expect("Tom Hale is an entity");
    assert!(
        hale.mentions.iter().any(|m| m.doc == "d1" && m.start == at),
        "{:?}",
        got.entities
    );
}

#[test]
fn headline_words_do_not_join_a_name() {
    let got = ledger(&[
        "Harbour Pilot Ivo Rask Flees To Norway\nThe harbour pilot Ivo Rask fled to Norway \
         by boat on Friday, the coast guard said.",
        "Ivo Rask, a harbour pilot, fled to Norway on Friday.",
    ]);
    let names: Vec<&str> = got.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Ivo Rask"), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Flees") || n.contains("Pilot Ivo")),
        "{names:?}"
    );
}

#[test]
fn a_one_letter_slip_joins_names_across_articles_of_a_story() {
    let got = ledger(&[
        "Climber Marten Holt died in a fall on Mount Sefton on Sunday, rescuers said. Holt \
         had been climbing alone near the summit.",
        "Rescuers recovered the body of climber Marten Holte after his fall on Mount Sefton \
         on Sunday. Holte was climbing alone.",
    ]);
    let holts: Vec<&str> = got
        .entities
        .iter()
        .map(|e| e.name.as_str())
        .filter(|n| n.starts_with("Marten"))
        .collect();
    assert_eq!(holts.len(), 1, "{:?}", got.entities);
}

#[test]
fn a_bare_surname_is_the_person_named_most() {
    let got = ledger(&[
        "Tom Price was charged with the robbery on Monday. Tom Price appeared in court, \
         where his sister Ella Price spoke. Price denied the charges.",
    ]);
    let tom = got
        .entities
        .iter()
        .find(|e| e.name == "Tom Price")
        .expect("Tom Price is an entity");
    let at = got.documents[0]
        .text
        .rfind("Price denied")
        .expect("the surname is in the text");
    assert!(
        tom.mentions.iter().any(|m| m.start == at),
        "{:?}",
        got.entities
    );
}

#[test]
fn an_entity_is_named_as_the_articles_name_it_most() {
    // The longest form is not the name: a headline or a byline's extra word ("Coach",
    // "Hire") would win that way; the form most mentions use does not.
    let got = ledger(&[
        "Mary Ann Kowalski, 52, was elected mayor of Tarnow on Tuesday.",
        "Mary Kowalski won the election in Tarnow on Tuesday. Kowalski thanked voters.",
        "Voters in Tarnow chose Mary Kowalski as mayor on Tuesday.",
    ]);
    let names: Vec<&str> = got
        .entities
        .iter()
        .map(|e| e.name.as_str())
        .filter(|n| n.contains("Kowalski"))
        .collect();
    assert_eq!(names, ["Mary Kowalski"], "{:?}", got.entities);
}

#[test]
fn a_nickname_of_name_starts_and_a_name_with_extra_words_are_the_person() {
    let got = ledger(&[
        "Singer Jolene Marsh left the clinic in Malibu on Monday. Marsh thanked her fans.",
        "Jolene Marsh left the Malibu clinic on Monday, her lawyer said. JoMa, as fans \
         call her, will tour in June.",
        "Jolene Marsh Quits Clinic\nThe singer left the clinic on Monday.",
    ]);
    let marsh: Vec<_> = got
        .entities
        .iter()
        .filter(|e| e.aliases.iter().any(|a| a.contains("Marsh") || a == "JoMa"))
        .collect();
    assert_eq!(marsh.len(), 1, "{:?}", got.entities);
    assert!(
        marsh[0].aliases.iter().any(|a| a == "JoMa"),
        "{:?}",
        got.entities
    );
}

#[test]
fn a_thing_named_after_a_person_is_not_the_person() {
    let got = ledger(&[
        "Mayor Jolene Marsh opened the Jolene Marsh Bridge on Monday. Marsh cut the ribbon.",
        "The Jolene Marsh Bridge opened on Monday, Jolene Marsh said.",
    ]);
    let people: Vec<_> = got
        .entities
        .iter()
        .filter(|e| e.aliases.iter().any(|a| a.contains("Bridge")))
        .collect();
    assert!(
        people
            .iter()
            .all(|e| !e.aliases.iter().any(|a| a == "Jolene Marsh")),
        "{:?}",
        got.entities
    );
}

#[test]
fn a_surname_with_two_letters_swapped_is_the_person() {
    let got = ledger(&[
        "Boxer Ivan Kovalenko won the title fight in Bern on Saturday.",
        "Ivan Kovalenko kept his title in Bern on Saturday. Fans chanted for Kovlaenko \
         after the fifth round.",
    ]);
    let ivan = got
        .entities
        .iter()
        .find(|e| e.name == "Ivan Kovalenko")
        .expect("Ivan Kovalenko is an entity");
    assert!(
        ivan.aliases.iter().any(|a| a == "Kovlaenko"),
        "{:?}",
        got.entities
    );
}
