//! Reports of a ledger for people who never read JSON: per story, its casualty figures
//! side by side by outlet, the conflicts side by side with each outlet's own words,
//! what the sources agree on (with how many outlets
//! and how many independent sources), and what only one outlet says. [`Ledger::to_text`]
//! writes it for a terminal; [`html`] renders it as a page or a notebook view, with the
//! outlets as columns and each reading linked to the sentence that states it.

mod article;
mod escape;
mod html;

use crate::hashing::HashMap;
use std::fmt::Write;

use crate::model::{
    Claim, Comparison, Document, Entity, Event, Ledger, Predicate, Reading, Role, Value, Verdict,
};

impl Ledger {
    /// The plain-text report `corroborate ledger --format text` prints.
    ///
    /// ```
    /// use corroborate::{DocumentInput, LedgerBuilder};
    /// let ledger = LedgerBuilder::new()
    ///     .document(DocumentInput::text("a", "The council met on Monday."))
    ///     .build()
    ///     .unwrap();
    /// assert!(ledger.to_text().contains("1 document"));
    /// ```
    pub fn to_text(&self) -> String {
        text(self)
    }
}

/// The verdict groups of a report, in the order a reader wants them: where the sources
/// differ first, then what they agree on, then what one outlet alone says.
const GROUPS: [(Verdict, &str); 3] = [
    (Verdict::Conflict, "Where the sources differ"),
    (Verdict::Agree, "What the sources agree on"),
    (Verdict::Single, "Said by one outlet only"),
];

/// Each story's comparisons, looked up once: a ledger of a year of news has tens of
/// thousands of stories, and scanning every comparison for each would be quadratic.
fn comparisons_by_story(ledger: &Ledger) -> HashMap<&str, Vec<&Comparison>> {
    let mut by_story: HashMap<&str, Vec<&Comparison>> = HashMap::default();
    for comparison in &ledger.comparisons {
        by_story
            .entry(comparison.story.as_str())
            .or_default()
            .push(comparison);
    }
    by_story
}

/// The comparisons of one verdict, most contested first: the most readings, then the
/// most outlets involved.
fn group<'l>(comparisons: &[&'l Comparison], verdict: Verdict) -> Vec<&'l Comparison> {
    let mut group: Vec<&Comparison> = comparisons
        .iter()
        .copied()
        .filter(|c| c.verdict == verdict)
        .collect();
    group.sort_by_key(|c| std::cmp::Reverse((c.readings.len(), outlet_count(c))));
    group
}

fn text(ledger: &Ledger) -> String {
    let mut out = String::new();
    let names = Names::new(ledger);
    let by_story = comparisons_by_story(ledger);
    let _ = writeln!(out, "corroborate ledger: {}", counts(ledger));
    for story in &ledger.stories {
        let _ = writeln!(out);
        let rule = "=".repeat(78);
        let _ = writeln!(out, "{rule}");
        let _ = writeln!(
            out,
            "STORY {}: {}",
            story.id,
            story.title.as_deref().unwrap_or("(untitled)")
        );
        let outlets: Vec<String> = story.documents.iter().map(|d| names.outlet(d)).collect();
        let _ = writeln!(out, "{} outlets: {}", outlets.len(), outlets.join(", "));
        let _ = writeln!(out, "{rule}");
        let comparisons = by_story
            .get(story.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        write_figures(&mut out, &figures(ledger, comparisons, &names), &names);
        for (verdict, heading) in GROUPS {
            let group = group(comparisons, verdict);
            if group.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{} ({})\n", heading.to_uppercase(), group.len());
            for comparison in group {
                write_comparison(&mut out, comparison, &names);
            }
        }
        if comparisons.is_empty() {
            let _ = writeln!(out, "\nNo comparable claims in this story.");
        }
    }
    out
}

/// One outlet's figure for a casualty role: (role, verdict, outlet's document, the
/// figure's words with who it credits).
type Figure<'l> = (&'l str, Verdict, &'l str, String);

/// The casualty figures the story's count comparisons hold, in order of role, then
/// document: a count claim whose quantity has a role (`killed`, `injured`, …).
fn figures<'l>(
    ledger: &'l Ledger,
    comparisons: &[&'l Comparison],
    names: &Names<'l>,
) -> Vec<Figure<'l>> {
    let mut found = Vec::new();
    for comparison in comparisons
        .iter()
        .filter(|c| c.predicate == Predicate::Count)
    {
        for claim_id in comparison.readings.iter().flat_map(|r| &r.claims) {
            let Some(claim) = names.claims.get(claim_id.as_str()) else {
                continue;
            };
            let role = ledger
                .quantities
                .iter()
                .filter(|q| q.doc == claim.doc && q.start >= claim.start && q.end <= claim.end)
                .find(|q| Value::Number(q.value) == claim.value)
                .and_then(|q| q.role.as_deref());
            if let Some(role) = role {
                let words = format!("{}{}", claim.value_text, qualifiers(claim));
                found.push((role, comparison.verdict, claim.doc.as_str(), words));
            }
        }
    }
    found.sort_by(|a, b| (a.0, a.2).cmp(&(b.0, b.2)));
    found
}

/// "FIGURES BY OUTLET": per role, each outlet's figure on a line of its own, so that
/// the outlets' numbers stand one under the other.
fn write_figures(out: &mut String, figures: &[Figure<'_>], names: &Names<'_>) {
    if figures.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nFIGURES BY OUTLET\n");
    let mut last_role = None;
    for (role, verdict, doc, words) in figures {
        if last_role != Some(role) {
            let _ = writeln!(out, "* {role} ({})", verdict.as_str());
            last_role = Some(role);
        }
        let _ = writeln!(out, "        {:<28} {words}", names.outlet(doc));
    }
}

/// How many distinct documents give any reading of a comparison.
fn outlet_count(comparison: &Comparison) -> usize {
    let mut docs: Vec<&str> = comparison
        .readings
        .iter()
        .flat_map(|r| r.documents.iter().map(String::as_str))
        .collect();
    docs.sort_unstable();
    docs.dedup();
    docs.len()
}

/// What a ledger holds, in words: "5 documents, 1 story, 59 entities, …".
fn counts(ledger: &Ledger) -> String {
    let n_docs = ledger.documents.len();
    let n_stories = ledger.stories.len();
    format!(
        "{n_docs} document{}, {n_stories} stor{}, {} entities, {} events, {} claims, {} quotes",
        plural(n_docs),
        if n_stories == 1 { "y" } else { "ies" },
        ledger.entities.len(),
        ledger.events.len(),
        ledger.claims.len(),
        ledger.quotes.len(),
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Look-ups from ids to what a reader recognizes (indexed: a report of a large ledger
/// must not scan every entity for every line).
struct Names<'l> {
    claims: HashMap<&'l str, &'l Claim>,
    /// Each document with its place in the ledger, which names its anchors in a page.
    documents: HashMap<&'l str, (usize, &'l Document)>,
    entities: HashMap<&'l str, &'l Entity>,
    events: HashMap<&'l str, &'l Event>,
}

impl<'l> Names<'l> {
    fn new(ledger: &'l Ledger) -> Names<'l> {
        Names {
            claims: ledger.claims.iter().map(|c| (c.id.as_str(), c)).collect(),
            documents: ledger
                .documents
                .iter()
                .enumerate()
                .map(|(index, d)| (d.id.as_str(), (index, d)))
                .collect(),
            entities: ledger.entities.iter().map(|e| (e.id.as_str(), e)).collect(),
            events: ledger.events.iter().map(|e| (e.id.as_str(), e)).collect(),
        }
    }

    /// The outlet's name with its id, e.g. "Daily Planet (a1)".
    fn outlet(&self, doc: &str) -> String {
        match self
            .documents
            .get(doc)
            .and_then(|(_, d)| d.source.as_deref())
        {
            Some(source) => format!("{source} ({doc})"),
            None => doc.to_string(),
        }
    }

    /// A readable name for an entity or event id.
    fn subject(&self, id: &str) -> String {
        if let Some(entity) = self.entities.get(id) {
            return entity.name.clone();
        }
        if let Some(event) = self.events.get(id) {
            let agent = event
                .arguments
                .iter()
                .find(|a| a.role == Role::Agent)
                .map(|a| match &a.entity {
                    Some(e) => self.subject(e),
                    None => a.text.clone(),
                });
            return match agent {
                Some(agent) => format!("the {} ({agent})", event.kind.replace('_', " ")),
                None => format!("the {}", event.kind.replace('_', " ")),
            };
        }
        id.to_string()
    }

    /// The question a comparison answers: "Ana Vela — age".
    fn question(&self, comparison: &Comparison) -> String {
        format!(
            "{} — {}",
            self.subject(&comparison.subject),
            comparison.predicate.replace('_', " ")
        )
    }

    /// A value as a reader would say it: entity ids become names, denied ones too
    /// ("not e19" → "not Foreign Ministry").
    fn value(&self, value: &Value) -> String {
        match value {
            Value::Text(t) => {
                let (negation, id) = t
                    .strip_prefix("not ")
                    .map_or(("", t.as_str()), |id| ("not ", id));
                self.entities
                    .get(id)
                    .map_or_else(|| t.clone(), |e| format!("{negation}{}", e.name))
            }
            Value::Number(_) => value.key(),
        }
    }
}

fn write_comparison(out: &mut String, comparison: &Comparison, names: &Names<'_>) {
    let _ = writeln!(out, "* {}", names.question(comparison));
    for reading in &comparison.readings {
        write_reading(out, reading, names);
    }
    let _ = writeln!(out);
}

fn write_reading(out: &mut String, reading: &Reading, names: &Names<'_>) {
    let _ = writeln!(
        out,
        "    \"{}\": {}",
        names.value(&reading.value),
        support(reading)
    );
    for claim_id in &reading.claims {
        if let Some(claim) = names.claims.get(claim_id.as_str()) {
            let _ = writeln!(
                out,
                "        {:<14} \"{}{}\"",
                names.outlet(&claim.doc),
                claim.value_text,
                qualifiers(claim)
            );
        }
    }
}

/// What qualifies a claim after its words: " (said police) [hedged]", or nothing when the
/// document asserts it plainly.
fn qualifiers(claim: &Claim) -> String {
    let mut words = String::new();
    if let Some(a) = &claim.attribution {
        let _ = write!(words, " ({} {})", a.cue, a.text);
    }
    if claim.hedged {
        words.push_str(" [hedged]");
    }
    if claim.negated {
        words.push_str(" [negated]");
    }
    words
}

/// "agreed by 4 outlets, 2 independent sources (A; B)", with a flag when several
/// outlets rest on one origin.
fn support(reading: &Reading) -> String {
    let outlets = reading.documents.len();
    let mut line = match outlets {
        1 => "1 outlet".to_string(),
        n => format!("agreed by {n} outlets"),
    };
    let sources = reading.sources.len();
    if sources > 0 {
        let origins: Vec<&str> = reading.sources.iter().map(|s| s.text.as_str()).collect();
        let _ = write!(
            line,
            ", {sources} independent source{} ({})",
            plural(sources),
            origins.join("; ")
        );
        if sources == 1 && outlets > 1 {
            line.push_str(" — rests on a single origin");
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Predicate, Source, Story};

    fn reading(value: &str, docs: &[&str], sources: &[(&str, &[&str])]) -> Reading {
        let strings = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        Reading {
            value: Value::Text(value.into()),
            entity: None,
            claims: Vec::new(),
            documents: strings(docs),
            sources: sources
                .iter()
                .map(|(text, docs)| Source {
                    entity: None,
                    text: (*text).into(),
                    documents: strings(docs),
                })
                .collect(),
        }
    }

    #[test]
    fn counts_outlets_and_independent_sources() {
        let ledger = Ledger {
            documents: ["a", "b", "c"]
                .iter()
                .map(|id| Document {
                    id: (*id).into(),
                    ..Document::default()
                })
                .collect(),
            stories: vec![Story {
                id: "s1".into(),
                documents: vec!["a".into(), "b".into(), "c".into()],
                title: Some("Port closed".into()),
            }],
            comparisons: vec![
                Comparison {
                    story: "s1".into(),
                    subject: "x".into(),
                    predicate: Predicate::Count,
                    verdict: Verdict::Agree,
                    readings: vec![reading(
                        "12",
                        &["a", "b", "c"],
                        &[("Wire", &["a", "b", "c"])],
                    )],
                },
                Comparison {
                    story: "s1".into(),
                    subject: "x".into(),
                    predicate: "time".into(),
                    verdict: Verdict::Conflict,
                    readings: vec![
                        reading("2023", &["a", "b"], &[("a", &["a"]), ("b", &["b"])]),
                        reading("2021", &["c"], &[("c", &["c"])]),
                    ],
                },
            ],
            ..Ledger::default()
        };
        let report = text(&ledger);
        let conflict = report.find("WHERE THE SOURCES DIFFER").unwrap();
        let agree = report.find("WHAT THE SOURCES AGREE ON").unwrap();
        assert!(conflict < agree, "{report}");
        assert!(report.contains(
            "\"12\": agreed by 3 outlets, 1 independent source (Wire) — rests on a single origin"
        ));
        assert!(report.contains("\"2023\": agreed by 2 outlets, 2 independent sources (a; b)\n"));
        assert!(report.contains("\"2021\": 1 outlet, 1 independent source (c)\n"));
    }
}
