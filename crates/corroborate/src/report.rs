//! A plain-text report of a ledger for people who never read JSON: per story, the
//! conflicts side by side with each outlet's own words, what the sources agree on (with
//! how many outlets and how many independent sources), and what only one outlet says;
//! and the same ledger as HTML tables with the outlets side by side ([`html`]).

mod html;

use std::collections::HashMap;
use std::fmt::Write;

use crate::model::{Claim, Comparison, Ledger, Reading, Value, Verdict};

pub use html::{comparison_html, html};

/// Renders the ledger as a report.
///
/// ```
/// use corroborate::{DocumentInput, LedgerBuilder};
/// let ledger = LedgerBuilder::new()
///     .document(DocumentInput::text("a", "The council met on Monday."))
///     .build()
///     .unwrap();
/// let report = corroborate::report::text(&ledger);
/// assert!(report.contains("1 document"));
/// ```
pub fn text(ledger: &Ledger) -> String {
    let mut out = String::new();
    let names = Names::new(ledger);
    let n_docs = ledger.documents.len();
    let _ = writeln!(
        out,
        "corroborate ledger: {} document{}, {} stor{}, {} entities, {} events, {} claims, {} quotes",
        n_docs,
        plural(n_docs),
        ledger.stories.len(),
        if ledger.stories.len() == 1 {
            "y"
        } else {
            "ies"
        },
        ledger.entities.len(),
        ledger.events.len(),
        ledger.claims.len(),
        ledger.quotes.len(),
    );
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
        let comparisons: Vec<&Comparison> = ledger
            .comparisons
            .iter()
            .filter(|c| c.story == story.id)
            .collect();
        for (verdict, heading) in [
            (Verdict::Conflict, "WHERE THE SOURCES DIFFER"),
            (Verdict::Agree, "WHAT THE SOURCES AGREE ON"),
            (Verdict::Single, "SAID BY ONE OUTLET ONLY"),
        ] {
            let group: Vec<&&Comparison> = comparisons
                .iter()
                .filter(|c| c.verdict == verdict)
                .collect();
            if group.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{heading} ({})\n", group.len());
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

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Look-ups from ids to what a reader recognizes.
struct Names<'l> {
    ledger: &'l Ledger,
    claims: HashMap<&'l str, &'l Claim>,
}

impl<'l> Names<'l> {
    fn new(ledger: &'l Ledger) -> Names<'l> {
        Names {
            ledger,
            claims: ledger.claims.iter().map(|c| (c.id.as_str(), c)).collect(),
        }
    }

    /// The outlet's name with its id, e.g. "Daily Planet (a1)".
    fn outlet(&self, doc: &str) -> String {
        match self.ledger.document(doc).and_then(|d| d.source.as_deref()) {
            Some(source) => format!("{source} ({doc})"),
            None => doc.to_string(),
        }
    }

    /// A readable name for an entity or event id.
    fn subject(&self, id: &str) -> String {
        if let Some(entity) = self.ledger.entity(id) {
            return entity.name.clone();
        }
        if let Some(event) = self.ledger.events.iter().find(|e| e.id == id) {
            let agent =
                event
                    .arguments
                    .iter()
                    .find(|a| a.role == "agent")
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

    /// A value as a reader would say it: entity ids become names.
    fn value(&self, value: &Value) -> String {
        match value {
            Value::Text(t) => self
                .ledger
                .entity(t)
                .map(|e| e.name.clone())
                .unwrap_or_else(|| t.clone()),
            Value::Number(_) => value.key(),
        }
    }
}

fn write_comparison(out: &mut String, comparison: &Comparison, names: &Names<'_>) {
    let _ = writeln!(
        out,
        "* {} — {}",
        names.subject(&comparison.subject),
        comparison.predicate.replace('_', " ")
    );
    for reading in &comparison.readings {
        write_reading(out, reading, names);
    }
    let _ = writeln!(out);
}

fn write_reading(out: &mut String, reading: &Reading, names: &Names<'_>) {
    let outlets = reading.documents.len();
    let sources = reading.sources.len();
    let mut line = format!(
        "    {:<28} {} outlet{}",
        format!("\"{}\"", names.value(&reading.value)),
        outlets,
        plural(outlets)
    );
    if sources > 0 {
        let origin: Vec<&str> = reading.sources.iter().map(|s| s.text.as_str()).collect();
        let _ = write!(
            line,
            ", {} independent source{} ({})",
            sources,
            plural(sources),
            origin.join("; ")
        );
        if sources == 1 && outlets > 1 {
            line.push_str(" — rests on a single origin");
        }
    }
    let _ = writeln!(out, "{line}");
    for claim_id in &reading.claims {
        if let Some(claim) = names.claims.get(claim_id.as_str()) {
            let mut words = claim.value_text.clone();
            if let Some(a) = &claim.attribution {
                let _ = write!(words, " ({} {})", a.cue, a.text);
            }
            if claim.hedged {
                words.push_str(" [hedged]");
            }
            if claim.negated {
                words.push_str(" [negated]");
            }
            let _ = writeln!(
                out,
                "        {:<14} \"{}\"",
                names.outlet(&claim.doc),
                words
            );
        }
    }
}
