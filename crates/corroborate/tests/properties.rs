//! Properties every ledger has, whatever the input: spans inside their documents and on
//! character boundaries, unique ids, every referenced id defined, an exact JSON round
//! trip, and independence from the order of the documents.

use std::collections::HashSet;

use corroborate::model::{Ledger, Span, Value};
use corroborate::{DocumentInput, LedgerBuilder};
use proptest::prelude::*;

/// Pieces of news-like text: names, numbers, dates, quotes, non-ASCII, junk lines.
const PIECES: &[&str] = &[
    "The",
    "minister",
    "Anna Berg",
    "Berg",
    "said",
    "on Tuesday",
    "that",
    "Park Min-jun",
    "Park Min Jun",
    "visited",
    "Seoul",
    "and",
    "Paris",
    "last November",
    "in 2019",
    ",",
    ".",
    "“",
    "”",
    "\"",
    "’s",
    "about 40",
    "over 12,500",
    "$1,500",
    "ten",
    "officials",
    "fled",
    "to",
    "Britain",
    "with his wife and children",
    "the 47-year-old",
    "according to",
    "the Foreign Ministry",
    "reportedly",
    "did not",
    "comment",
    "United Nations",
    "U.N.",
    "서울",
    "Zoë",
    "—",
    "\n",
    "\n\n",
    "Skip to content\n",
    "3 Min read\n",
    "Comment 0\n",
    "PHOTO: ANNA BERG/REUTERS\n",
    "He",
    "defected",
    "from",
    "Cuba",
    "in",
    "March",
    "2024-02-14",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..60).prop_map(|words| {
        let mut text = String::new();
        for w in words {
            if !text.is_empty() && !text.ends_with('\n') && !matches!(w, "," | "." | "’s" | "”")
            {
                text.push(' ');
            }
            text.push_str(w);
        }
        text
    })
}

fn corpus() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(article(), 1..5)
}

fn build(texts: &[(String, String)]) -> Ledger {
    LedgerBuilder::new()
        .published("2024-07-16")
        .keep_going(true)
        .documents(
            texts
                .iter()
                .map(|(id, t)| DocumentInput::text(id.clone(), t.clone())),
        )
        .build()
        .expect("at least one document")
}

fn check_span(ledger: &Ledger, span: &Span) {
    let doc = ledger
        .document(&span.doc)
        .expect("span names a document of the ledger");
    assert!(
        span.start <= span.end && span.end <= doc.text.len(),
        "{span:?} outside its text"
    );
    assert!(
        doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end),
        "{span:?} splits a character"
    );
}

fn span(doc: &str, start: usize, end: usize) -> Span {
    Span::new(doc, start, end)
}

/// The set of `ids`, asserting that none repeats.
fn unique<'a>(ids: Vec<&'a str>, what: &str) -> HashSet<&'a str> {
    let set: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(set.len(), ids.len(), "duplicate {what} ids");
    set
}

fn check_invariants(ledger: &Ledger) {
    for doc in &ledger.documents {
        for r in &doc.removed {
            check_span(ledger, &span(&doc.id, r.start, r.end));
        }
    }
    for entity in &ledger.entities {
        entity.mentions.iter().for_each(|m| check_span(ledger, m));
    }
    for event in &ledger.events {
        event.mentions.iter().for_each(|m| check_span(ledger, m));
    }
    for c in &ledger.claims {
        check_span(ledger, &span(&c.doc, c.start, c.end));
    }
    for q in &ledger.quotes {
        check_span(ledger, &span(&q.doc, q.start, q.end));
    }
    for q in &ledger.quantities {
        check_span(ledger, &span(&q.doc, q.start, q.end));
    }
    for t in &ledger.times {
        check_span(ledger, &span(&t.doc, t.start, t.end));
    }

    let docs = unique(
        ledger.documents.iter().map(|d| d.id.as_str()).collect(),
        "document",
    );
    let entities = unique(
        ledger.entities.iter().map(|e| e.id.as_str()).collect(),
        "entity",
    );
    let events = unique(
        ledger.events.iter().map(|e| e.id.as_str()).collect(),
        "event",
    );
    let claims = unique(
        ledger.claims.iter().map(|c| c.id.as_str()).collect(),
        "claim",
    );
    let stories = unique(
        ledger.stories.iter().map(|s| s.id.as_str()).collect(),
        "story",
    );

    for story in &ledger.stories {
        assert!(story.documents.iter().all(|d| docs.contains(d.as_str())));
    }
    for event in &ledger.events {
        assert!(event.documents.iter().all(|d| docs.contains(d.as_str())));
        for a in &event.arguments {
            assert!(
                a.entity.as_deref().is_none_or(|e| entities.contains(e)),
                "argument {a:?}"
            );
        }
    }
    for c in &ledger.claims {
        assert!(
            c.subject
                .as_deref()
                .is_none_or(|s| entities.contains(s) || events.contains(s))
        );
        if let Some(a) = &c.attribution {
            assert!(a.entity.as_deref().is_none_or(|e| entities.contains(e)));
        }
    }
    for q in &ledger.quotes {
        assert!(q.speaker.as_deref().is_none_or(|e| entities.contains(e)));
    }
    for c in &ledger.comparisons {
        assert!(stories.contains(c.story.as_str()));
        assert!(entities.contains(c.subject.as_str()) || events.contains(c.subject.as_str()));
        for r in &c.readings {
            assert!(r.claims.iter().all(|id| claims.contains(id.as_str())));
            assert!(r.documents.iter().all(|d| docs.contains(d.as_str())));
            if let Value::Number(n) = r.value {
                assert!(n.is_finite());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn ledgers_hold_their_invariants(texts in corpus()) {
        let named: Vec<(String, String)> =
            texts.into_iter().enumerate().map(|(i, t)| (format!("d{i}"), t)).collect();
        let ledger = build(&named);
        check_invariants(&ledger);
        let json = ledger.to_json();
        prop_assert_eq!(&Ledger::from_json(&json).unwrap(), &ledger);
        prop_assert_eq!(Ledger::from_json(&json).unwrap().to_json(), json);
    }

    #[test]
    fn document_order_does_not_matter(texts in corpus(), seed in any::<u64>()) {
        let named: Vec<(String, String)> =
            texts.into_iter().enumerate().map(|(i, t)| (format!("d{i}"), t)).collect();
        let mut shuffled = named.clone();
        // A seeded Fisher-Yates shuffle.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(build(&named).to_json(), build(&shuffled).to_json());
    }

    #[test]
    fn thread_count_does_not_matter(texts in corpus()) {
        let named: Vec<(String, String)> =
            texts.into_iter().enumerate().map(|(i, t)| (format!("d{i}"), t)).collect();
        let on = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool")
                .install(|| build(&named).to_json())
        };
        prop_assert_eq!(on(1), on(4));
    }

    #[test]
    fn merged_parts_equal_the_whole(texts in corpus(), cuts in prop::collection::vec(any::<bool>(), 5), right_first in any::<bool>()) {
        let named: Vec<(String, String)> =
            texts.into_iter().enumerate().map(|(i, t)| (format!("d{i}"), t)).collect();
        let whole = build(&named);
        // Cut the corpus into consecutive parts wherever `cuts` says so.
        let mut parts: Vec<Vec<(String, String)>> = vec![Vec::new()];
        for (i, doc) in named.into_iter().enumerate() {
            if i > 0 && cuts[i % cuts.len()] {
                parts.push(Vec::new());
            }
            parts.last_mut().unwrap().push(doc);
        }
        let mut ledgers: Vec<Ledger> = parts.iter().map(|p| build(p)).collect();
        // Merge as a tree: pairs, then pairs of pairs, in either order.
        while ledgers.len() > 1 {
            let mut next = Vec::new();
            let mut it = ledgers.into_iter();
            while let Some(left) = it.next() {
                next.push(match it.next() {
                    Some(right) if right_first => right.merge(left).unwrap(),
                    Some(right) => left.merge(right).unwrap(),
                    None => left,
                });
            }
            ledgers = next;
        }
        prop_assert_eq!(ledgers.pop().unwrap().to_json(), whole.to_json());
    }
}

/// Found by the `ledger_text` fuzz target: a 60-digit quantity whose shortest printed
/// form did not parse back to the same float without correctly rounded parsing.
#[test]
fn huge_quantities_round_trip_through_json() {
    let text = format!(
        "Officials said {} votes were counted.",
        "9".repeat(2) + &"0".repeat(48) + "1227049391"
    );
    let ledger = build(&[("d".to_string(), text)]);
    assert!(!ledger.quantities.is_empty());
    assert_eq!(Ledger::from_json(&ledger.to_json()).unwrap(), ledger);
}
