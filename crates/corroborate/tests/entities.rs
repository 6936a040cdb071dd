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
        .unwrap_or_else(|| panic!("Ivan Kovalenko is an entity: {:?}", got.entities));
    assert!(
        ivan.aliases.iter().any(|a| a == "Kovlaenko"),
        "{:?}",
        got.entities
    );
}

/// The entity with a mention covering the first occurrence of `surface` in document `doc`.
fn entity_at<'l>(
    ledger: &'l Ledger,
    doc: &str,
    surface: &str,
    nth: usize,
) -> &'l corroborate::model::Entity {
    let text = &ledger.documents.iter().find(|d| d.id == doc).unwrap().text;
    let at = text
        .match_indices(surface)
        .nth(nth)
        .unwrap_or_else(|| panic!("{surface:?} #{nth} is in {doc}"))
        .0;
    ledger
        .entities
        .iter()
        .find(|e| {
            e.mentions
                .iter()
                .any(|m| m.doc == doc && m.start <= at && at < m.end)
        })
        .unwrap_or_else(|| panic!("no entity at {surface:?} in {doc}: {:?}", ledger.entities))
}

#[test]
fn an_acronym_introduced_once_is_the_name_it_stands_for() {
    let got = ledger(&[
        "The Coastal Transport Safety Board (CTSB) opened an inquiry into the ferry fire \
         off Tromso on Monday. The CTSB said the ferry carried 212 passengers. Investigators \
         from the CTSB boarded the ferry on Tuesday.",
        "The CTSB said on Tuesday that the ferry fire off Tromso began in the engine room. \
         The ferry carried 212 passengers when the fire began, the CTSB said.",
    ]);
    let board = entity_at(&got, "d0", "Coastal Transport Safety Board", 0);
    for (doc, nth) in [("d0", 1), ("d0", 2), ("d1", 0), ("d1", 1)] {
        assert_eq!(
            entity_at(&got, doc, "CTSB", nth).id,
            board.id,
            "{:?}",
            got.entities
        );
    }
    assert_eq!(board.name, "Coastal Transport Safety Board");
}

#[test]
fn a_company_and_a_person_sharing_a_surname_stay_apart() {
    let got = ledger(&[
        "Harlan Brodeck founded Brodeck Inc. in 1998 in Duluth. Brodeck Inc. said on Monday \
         that its sales fell 12 percent. Harlan Brodeck, 61, said he would retire.",
        "Brodeck Inc. reported falling sales on Monday, and its founder Harlan Brodeck said \
         he would step down. Brodeck, 61, built the company in Duluth.",
    ]);
    let person = entity_at(&got, "d0", "Harlan Brodeck", 0);
    let company = entity_at(&got, "d0", "Brodeck Inc.", 0);
    assert_ne!(person.id, company.id, "{:?}", got.entities);
    assert_eq!(person.kind, corroborate::model::EntityKind::Person);
    assert_eq!(entity_at(&got, "d1", "Brodeck Inc.", 0).id, company.id);
    assert_eq!(entity_at(&got, "d0", "Harlan Brodeck", 1).id, person.id);
    assert_eq!(entity_at(&got, "d1", "Brodeck, 61", 0).id, person.id);
    assert_eq!(entity_at(&got, "d1", "Harlan Brodeck", 0).id, person.id);
}

#[test]
fn two_products_of_one_maker_are_three_things() {
    let got = ledger(&[
        "Velmora showed the Velmora Z310 and the Velmora Z320 at the Leipzig fair on \
         Monday. The Z310 seats four, and the Z320 seats six, Velmora said.",
        "At the Leipzig fair, Velmora presented its Z310 and Z320 on Monday. Buyers \
         preferred the Z320, Velmora said.",
    ]);
    let small = entity_at(&got, "d0", "Velmora Z310", 0);
    let large = entity_at(&got, "d0", "Velmora Z320", 0);
    let maker = entity_at(&got, "d0", "Velmora said", 0);
    assert_ne!(small.id, large.id, "{:?}", got.entities);
    assert_ne!(small.id, maker.id);
    assert_ne!(large.id, maker.id);
    assert_eq!(
        entity_at(&got, "d0", "Z310 seats", 0).id,
        small.id,
        "{:?}",
        got.entities
    );
    assert_eq!(
        entity_at(&got, "d1", "Z320", 1).id,
        large.id,
        "{:?}",
        got.entities
    );
    assert_eq!(
        entity_at(&got, "d1", "Velmora said", 0).id,
        maker.id,
        "{:?}",
        got.entities
    );
}

#[test]
fn four_romanizations_of_one_korean_name_are_one_person() {
    let got = ledger(&[
        "North Korean diplomat Ri Il-gyu defected to South Korea in November, the \
         unification ministry said on Tuesday.",
        "Lee Il-kyu, a North Korean diplomat, defected to South Korea in November, \
         the unification ministry said on Tuesday.",
        "The unification ministry said on Tuesday that North Korean diplomat Rhee Il Kyu \
         defected to South Korea in November.",
        "North Korean diplomat Yi Ilgyu defected to South Korea in November, the \
         unification ministry said on Tuesday.",
    ]);
    let ri = entity_at(&got, "d0", "Ri Il-gyu", 0);
    for (doc, name) in [
        ("d1", "Lee Il-kyu"),
        ("d2", "Rhee Il Kyu"),
        ("d3", "Yi Ilgyu"),
    ] {
        assert_eq!(
            entity_at(&got, doc, name, 0).id,
            ri.id,
            "{name}: {:?}",
            got.entities
        );
    }
    assert_eq!(ri.kind, corroborate::model::EntityKind::Person);
}

#[test]
fn a_two_part_korean_name_opening_a_sentence_is_a_person() {
    let got = ledger(&[
        "Kang Min-seok, a former trade envoy, arrived in Seoul on Friday. \"I will keep \
         writing,\" he told reporters.",
        "Former trade envoy Kang Min-seok arrived in Seoul on Friday, officials said.",
    ]);
    let kang = entity_at(&got, "d0", "Kang Min-seok", 0);
    assert_eq!(kang.kind, corroborate::model::EntityKind::Person);
    assert!(
        kang.mentions.iter().any(|m| m.doc == "d0" && m.start == 0),
        "{kang:?}"
    );
    assert_eq!(entity_at(&got, "d1", "Kang Min-seok", 0).id, kang.id);
}

#[test]
fn the_bundled_example_has_one_petrov_and_his_age_in_conflict() {
    use corroborate::model::{Value, Verdict};
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/stories/lisbon-defector/manifest.jsonl");
    let got = LedgerBuilder::new()
        .path(manifest)
        .expect("the example loads")
        .build()
        .expect("the example builds");
    let petrovs: Vec<&corroborate::model::Entity> = got
        .entities
        .iter()
        .filter(|e| e.aliases.iter().any(|a| a.contains("Petrov")))
        .collect();
    assert_eq!(petrovs.len(), 1, "{petrovs:?}");
    let age = got
        .comparisons
        .iter()
        .find(|c| c.predicate.as_str() == "age" && c.subject == petrovs[0].id)
        .expect("Petrov's age is compared");
    assert_eq!(age.verdict, Verdict::Conflict, "{age:?}");
    let values: Vec<&Value> = age.readings.iter().map(|r| &r.value).collect();
    assert!(values.contains(&&Value::Number(47.0)), "{values:?}");
    assert!(values.contains(&&Value::Number(48.0)), "{values:?}");
}

#[test]
fn a_headline_noun_is_the_person_the_story_describes_so() {
    let got = ledger(&[
        "Cyclist Hurt In Harbour Road Crash\nPolice charged driver Ivo Rask, 41, after a \
         crash on Harbour Road in Lidby on Friday left cyclist Maria Olsen hurt. Rask was \
         held overnight and Olsen was taken to hospital in Lidby.",
        "Driver Charged After Harbour Road Crash\nA man was charged on Saturday after a \
         crash on Harbour Road in Lidby hurt cyclist Maria Olsen on Friday. Ivo Rask was \
         held overnight, police in Lidby said, and Olsen stayed in hospital.",
    ]);
    // The second article's headline calls Rask what the first calls him.
    assert_eq!(entity_at(&got, "d1", "Driver", 0).name, "Ivo Rask");
    // The first article's body calls Olsen the cyclist.
    assert_eq!(entity_at(&got, "d0", "Cyclist", 0).name, "Maria Olsen");
}

#[test]
fn a_headline_noun_nobody_is_described_as_is_the_story_s_protagonist() {
    let got = ledger(&[
        "Climber Dies In Fall On Mount Sefton\nMarten Holt died in a fall on Mount Sefton \
         on Sunday, rescuers said. Holt had been climbing alone near the summit, and Holt \
         was found by a guide.",
        "Rescuers recovered the body of Marten Holt on Mount Sefton on Monday. Holt fell \
         near the summit on Sunday, a guide said, and a helicopter took Holt to the valley.",
    ]);
    assert_eq!(entity_at(&got, "d0", "Climber", 0).name, "Marten Holt");
}

#[test]
fn a_group_named_by_a_plural_noun_is_one_party_inside_its_story_only() {
    let got = ledger(&[
        "Ferry Nordlys Sinks Off Tromso\nPolice said the ferry Nordlys sank off Tromso on \
         Monday after a fire in its engine room. Coast guard boats pulled 40 passengers from \
         the icy sea, and the ferry captain was rescued by a fishing trawler.",
        "Ferry Nordlys Lost Off Tromso\nThe ferry Nordlys sank off Tromso on Monday. Police \
         said a fire broke out in the engine room, and coast guard boats took 40 passengers \
         ashore while a fishing trawler rescued the ferry captain.",
        "Savings Bank Robbed In Lidby\nThieves took cash from the Lidby Savings Bank on \
         Friday night. Police in Lidby said the thieves smashed a vault door and fled in a \
         stolen van after the bank robbery.",
        "Lidby Savings Bank Vault Robbed\nThe Lidby Savings Bank was robbed on Friday night. \
         Thieves smashed the vault door and fled in a stolen van. Police said the bank \
         robbery left no one hurt.",
    ]);
    let ferry_police = entity_at(&got, "d0", "Police", 0);
    assert_eq!(ferry_police.id, entity_at(&got, "d1", "Police", 0).id);
    assert_eq!(
        entity_at(&got, "d2", "Thieves", 0).id,
        entity_at(&got, "d3", "Thieves", 0).id
    );
    let bank_police = entity_at(&got, "d2", "Police", 0);
    assert_eq!(bank_police.id, entity_at(&got, "d3", "Police", 0).id);
    // The police of the robbery are not those of the shipwreck.
    assert_ne!(ferry_police.id, bank_police.id, "{:?}", got.stories);
}
