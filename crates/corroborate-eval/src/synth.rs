//! `synth DOCUMENTS [--seed N]`: writes a generated news corpus as a JSONL manifest on
//! stdout, for the scaling benchmarks (1k–100k documents) and memory checks.
//!
//! Each story is one happening (an arrest, a defection, a storm …) told by two to five
//! outlets in their own words; outlets now and then disagree on a number or a date, so
//! the comparison stage has work to do. Names are drawn from small lists of common
//! given names and surnames: nothing here comes from a real article. The generator is a
//! fixed-seed xorshift, so a size and a seed always give the same corpus.

use std::io::Write;

const GIVEN: &[&str] = &[
    "Anna", "Marco", "Lena", "Tomas", "Sofia", "Pavel", "Amira", "Jonas", "Elena", "Karim", "Mei",
    "Oskar", "Nadia", "Hugo", "Leila", "Viktor", "Ines", "Rafael", "Yuki", "Daniel",
];
const SURNAMES: &[&str] = &[
    "Novak",
    "Silva",
    "Berg",
    "Costa",
    "Haddad",
    "Lindqvist",
    "Moreau",
    "Petrov",
    "Okafor",
    "Tanaka",
    "Weber",
    "Romero",
    "Kovacs",
    "Nilsen",
    "Barros",
    "Fischer",
    "Duarte",
    "Ivanova",
];
const CITIES: &[(&str, &str)] = &[
    ("Lisbon", "Portugal"),
    ("Oslo", "Norway"),
    ("Nairobi", "Kenya"),
    ("Lima", "Peru"),
    ("Hanoi", "Vietnam"),
    ("Warsaw", "Poland"),
    ("Accra", "Ghana"),
    ("Manila", "Philippines"),
    ("Tbilisi", "Georgia"),
    ("Montevideo", "Uruguay"),
];
const OUTLETS: &[&str] = &[
    "Daily Courier",
    "Evening Post",
    "Harbor Times",
    "Morning Ledger",
    "City Herald",
    "National Wire",
    "Weekly Observer",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FILLER: &[&str] = &[
    "Officials declined to comment further on the case.",
    "The ministry said it was following the situation closely.",
    "Local residents described a tense week in the capital.",
    "Analysts said the episode could strain relations between the two governments.",
    "The police said an investigation was continuing.",
    "A spokesperson for the embassy did not answer requests for comment.",
    "Several opposition politicians called for a full inquiry.",
    "The news was first reported by local media on Monday.",
];

/// A fixed-seed xorshift64* generator: reproducible corpora without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// What every outlet of one story reports, before each tells it its own way.
struct Happening {
    person: String,
    age: usize,
    city: &'static str,
    country: &'static str,
    month: usize,
    day: usize,
    count: usize,
    kind: usize,
}

fn happening(rng: &mut Rng) -> Happening {
    let (city, country) = CITIES[rng.below(CITIES.len())];
    Happening {
        person: format!("{} {}", rng.pick(GIVEN), rng.pick(SURNAMES)),
        age: 25 + rng.below(50),
        city,
        country,
        month: rng.below(12),
        day: 1 + rng.below(28),
        count: 2 + rng.below(400),
        kind: rng.below(3),
    }
}

/// One outlet's article about a happening: its own filler and, sometimes, its own count.
fn article(h: &Happening, rng: &mut Rng) -> String {
    let surname = h.person.rsplit(' ').next().unwrap_or(&h.person);
    let count = if rng.below(4) == 0 {
        h.count + 1 + rng.below(9)
    } else {
        h.count
    };
    let month = MONTHS[h.month];
    let mut sentences = match h.kind {
        0 => vec![
            format!(
                "Police in {} arrested {}, {}, on {} {}, officials said.",
                h.city, h.person, h.age, month, h.day
            ),
            format!("{surname} was detained along with {count} other people after a protest."),
            format!("\"We acted within the law,\" a police spokesperson told reporters."),
        ],
        1 => vec![
            format!(
                "{}, a {}-year-old diplomat, fled to {} in {} with his family.",
                h.person, h.age, h.country, month
            ),
            format!(
                "According to the foreign ministry, {surname} had served in {} for years.",
                h.city
            ),
            format!("Some {count} diplomats have left their posts since the start of the year."),
        ],
        _ => vec![
            format!(
                "A storm struck {} on {} {}, killing at least {count} people.",
                h.city, month, h.day
            ),
            format!(
                "{} said about {} homes were destroyed.",
                h.person,
                count * 10
            ),
            format!("\"The water rose within minutes,\" {surname} said."),
        ],
    };
    for _ in 0..8 + rng.below(8) {
        sentences.push(rng.pick(FILLER).to_string());
    }
    sentences.join(" ")
}

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<(), String> {
    let usage = "usage: corroborate-eval synth DOCUMENTS [--seed N]";
    let documents: usize = args.first().and_then(|a| a.parse().ok()).ok_or(usage)?;
    let seed: u64 = match args.iter().position(|a| a == "--seed") {
        Some(at) => args.get(at + 1).and_then(|s| s.parse().ok()).ok_or(usage)?,
        None => 7,
    };
    let mut rng = Rng(seed.max(1));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut written = 0;
    let mut story = 0;
    while written < documents {
        let h = happening(&mut rng);
        let outlets = (2 + rng.below(4)).min(documents - written);
        for variant in 0..outlets {
            let line = serde_json::json!({
                "id": format!("s{story:06}-{variant}"),
                "text": article(&h, &mut rng),
                "published": format!("2025-{:02}-{:02}", h.month + 1, (h.day + 1).min(28)),
                "source": OUTLETS[(story + variant) % OUTLETS.len()],
            });
            writeln!(out, "{line}").map_err(|e| format!("stdout: {e}"))?;
            written += 1;
        }
        story += 1;
    }
    out.flush().map_err(|e| format!("stdout: {e}"))
}
