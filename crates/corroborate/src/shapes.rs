//! Inputs shaped to break a pipeline that compares each new item with all earlier
//! ones: one very long document, one story told by many short articles, many
//! unrelated articles, one entity mentioned very often, one reading carried by many
//! claims. The complexity benchmark (`benches/complexity.rs`) times each at n and 4n;
//! the test below counts the comparisons made at small n, so a quadratic path fails in
//! CI whatever the machine's speed.

use crate::input::DocumentInput;

/// One shape of input, made at any size by [`Shape::documents`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One document of `n` sentences, each the same meeting.
    LongDocument,
    /// `n` short articles from as many outlets about one man's visits.
    OneStory,
    /// `n` articles about different people, companies and towns.
    UnrelatedArticles,
    /// One person mentioned `n` times, a hundred times a document.
    OneEntity,
    /// One reading (a man's age) carried by `n` claims: ten outlets, each citing the
    /// next, the last citing the first.
    OneReading,
}

/// Mentions of the one entity per document of [`Shape::OneEntity`].
const MENTIONS_PER_DOCUMENT: usize = 100;
/// Outlets carrying the claims of [`Shape::OneReading`].
const READING_OUTLETS: usize = 10;

const CITIES: [&str; 10] = [
    "Oslo", "Lisbon", "Vienna", "Prague", "Dublin", "Warsaw", "Athens", "Madrid", "Lima", "Quito",
];
const DAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

impl Shape {
    /// Every shape, in the order above.
    pub const ALL: [Shape; 5] = [
        Shape::LongDocument,
        Shape::OneStory,
        Shape::UnrelatedArticles,
        Shape::OneEntity,
        Shape::OneReading,
    ];

    /// What `n` counts in this shape.
    pub fn unit(self) -> &'static str {
        match self {
            Shape::LongDocument => "sentences",
            Shape::OneStory | Shape::UnrelatedArticles => "articles",
            Shape::OneEntity => "mentions",
            Shape::OneReading => "claims",
        }
    }

    /// The documents of this shape at size `n`, published 2024-07-16.
    ///
    /// ```
    /// use corroborate::internals::Shape;
    ///
    /// assert_eq!(Shape::UnrelatedArticles.documents(3).len(), 3);
    /// assert_eq!(Shape::LongDocument.documents(1000).len(), 1);
    /// ```
    pub fn documents(self, n: usize) -> Vec<DocumentInput> {
        let document = |i: usize, source: String, text: String| {
            DocumentInput::text(format!("d{i}"), text)
                .published("2024-07-16")
                .source(source)
        };
        match self {
            Shape::LongDocument => {
                let sentence = "Mara Velt met Ivo Brandt in Oslo on Tuesday, officials said.";
                vec![document(0, outlet(0), vec![sentence; n].join(" "))]
            }
            Shape::OneStory => (0..n)
                .map(|i| {
                    let (city, day) = (CITIES[i % CITIES.len()], DAYS[i % DAYS.len()]);
                    let text = format!(
                        "Ivo Brandt visited {city} on {day}. The 52-year-old minister met {} \
                         mayors there, the {} agency said. Brandt left {city} later that day.",
                        i % 7 + 2,
                        word(i * 3 + 1, 2),
                    );
                    document(i, outlet(i), text)
                })
                .collect(),
            Shape::UnrelatedArticles => (0..n)
                .map(|i| {
                    let person = format!("{} {}", word(i, 3), word(i * 7 + 3, 2));
                    let company = format!("{} Holdings", word(i * 3 + 1, 3));
                    let town = format!("{}ville", word(i * 5 + 2, 3));
                    let text = format!(
                        "{person} resigned from {company} in {town} on {}. The {}-year-old \
                         executive had led {company} for {} years, a spokesman said. \
                         {company} employs {} people.",
                        DAYS[i % DAYS.len()],
                        30 + i % 40,
                        i % 9 + 2,
                        100 + i % 900,
                    );
                    document(i, outlet(i), text)
                })
                .collect(),
            Shape::OneEntity => (0..n.div_ceil(MENTIONS_PER_DOCUMENT))
                .map(|i| {
                    let text = (0..MENTIONS_PER_DOCUMENT / 2)
                        .map(|j| {
                            let city = CITIES[(i + j) % CITIES.len()];
                            format!("Ivo Brandt spoke in {city} and Ivo Brandt left.")
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                    document(i, outlet(i), text)
                })
                .collect(),
            Shape::OneReading => (0..READING_OUTLETS)
                .map(|i| {
                    let cited = outlet((i + 1) % READING_OUTLETS);
                    let sentence =
                        format!("Ivo Brandt, 52, arrived in Oslo on Tuesday, {cited} reported.");
                    let claims = n / READING_OUTLETS + usize::from(i < n % READING_OUTLETS);
                    document(i, outlet(i), vec![sentence; claims].join(" "))
                })
                .collect(),
        }
    }
}

/// A made-up capitalized word of `syllables` syllables, distinct for each `i` below
/// 16 to the power of `syllables`.
fn word(mut i: usize, syllables: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "ren", "to", "sa", "vi", "nel", "dor", "ba", "ku", "ze", "pa", "ri",
        "mon", "fe",
    ];
    let mut word = String::new();
    for _ in 0..syllables {
        word.push_str(SYLLABLES[i % SYLLABLES.len()]);
        i /= SYLLABLES.len();
    }
    let mut letters = word.chars();
    letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default()
}

/// The name of the `i`th outlet.
fn outlet(i: usize) -> String {
    format!("The {} Courier", word(i, 4))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LedgerBuilder;

    /// The comparisons counted while building the ledger of `shape` at size `n`, on
    /// one thread.
    fn comparisons(shape: Shape, n: usize) -> u64 {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let documents = shape.documents(n);
        pool.install(|| {
            let (ledger, work) =
                crate::work::counted(|| LedgerBuilder::new().documents(documents).build());
            assert!(!ledger.unwrap().claims.is_empty() || shape == Shape::OneEntity);
            work
        })
    }

    /// Four times the input costs at most 4.6 times the comparisons, for every shape:
    /// each new item is looked up, not compared with all the earlier ones. The sizes
    /// are past the bounds under which a stage may compare all pairs (a story's
    /// documents share a term with at most 100 others before it stops linking them).
    #[test]
    fn four_times_the_input_is_at_most_four_point_six_times_the_work() {
        for shape in Shape::ALL {
            let n = match shape {
                Shape::OneStory => 1000,
                Shape::OneEntity => 20_000,
                _ => 100,
            };
            let (small, large) = (comparisons(shape, n), comparisons(shape, 4 * n));
            assert!(small > 0, "{shape:?}: no comparisons counted");
            let ratio = large as f64 / small as f64;
            assert!(
                ratio <= 4.6,
                "{shape:?}: {n} {} made {small} comparisons, {} made {large} ({ratio:.2}×)",
                shape.unit(),
                4 * n,
            );
        }
    }

    #[test]
    fn made_up_words_are_distinct_and_capitalized() {
        let words: crate::hashing::HashSet<String> = (0..256).map(|i| word(i, 2)).collect();
        assert_eq!(words.len(), 256);
        assert!(words.iter().all(|w| w.starts_with(char::is_uppercase)));
    }
}
