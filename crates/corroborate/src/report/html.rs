//! An HTML view of a ledger for notebooks and browsers: per story, one table whose
//! columns are the story's outlets and whose rows are the questions they answer, so a
//! reader sees at a glance who says what and where the outlets part ways.
//!
//! The view is built here rather than in a binding so that every front end (Python's
//! `_repr_html_`, a future `--format html`) shows the same thing.

use std::fmt::Write;

use super::{Names, counts};
use crate::model::{Comparison, Ledger, Story, Verdict};

/// Stories shown before the view says how many more there are: a notebook cell holding
/// a year of news must stay responsive.
const MAX_STORIES: usize = 50;

/// Styles scoped to the view's own classes, so a notebook's page is left alone.
const STYLE: &str = "<style>\
.corroborate table{border-collapse:collapse;margin:.4em 0 1em}\
.corroborate th,.corroborate td{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}\
.corroborate tr.conflict td.given{background:#fde2e1}\
.corroborate tr.agree td.given{background:#e3f4e1}\
.corroborate .verdict{font-weight:bold;white-space:nowrap}\
.corroborate tr.conflict .verdict{color:#b3261e}\
.corroborate tr.agree .verdict{color:#2e7d32}\
.corroborate tr.single .verdict{color:#666}\
</style>";

/// Renders the whole ledger: a summary line, then one side-by-side table per story.
///
/// ```
/// use corroborate::{DocumentInput, LedgerBuilder};
/// let ledger = LedgerBuilder::new()
///     .document(DocumentInput::text("a", "The council met on Monday.").source("Daily Planet"))
///     .build()
///     .unwrap();
/// let html = corroborate::report::html(&ledger);
/// assert!(html.starts_with("<div class=\"corroborate\">"));
/// assert!(html.contains("1 document"));
/// ```
pub fn html(ledger: &Ledger) -> String {
    let names = Names::new(ledger);
    let mut out = format!("<div class=\"corroborate\">{STYLE}");
    let _ = write!(
        out,
        "<p><b>corroborate ledger</b>: {}, {} comparisons</p>",
        counts(ledger),
        ledger.comparisons.len(),
    );
    for story in ledger.stories.iter().take(MAX_STORIES) {
        let comparisons: Vec<&Comparison> = ledger
            .comparisons
            .iter()
            .filter(|c| c.story == story.id)
            .collect();
        let _ = write!(
            out,
            "<h4>{} <small>({})</small></h4>",
            escape(story.title.as_deref().unwrap_or("(untitled)")),
            escape(&story.id)
        );
        write_table(&mut out, &names, story, &comparisons);
    }
    if ledger.stories.len() > MAX_STORIES {
        let _ = write!(
            out,
            "<p>… and {} more stories.</p>",
            ledger.stories.len() - MAX_STORIES
        );
    }
    out.push_str("</div>");
    out
}

/// Renders one comparison as a one-row table across its story's outlets.
///
/// ```
/// use corroborate::model::{Comparison, Ledger, Story};
/// let mut ledger = Ledger::default();
/// let mut story = Story::default();
/// story.id = "s1".into();
/// story.documents = vec!["a".into(), "b".into()];
/// ledger.stories.push(story);
/// let comparison: Comparison = serde_json::from_str(
///     r#"{"story":"s1","subject":"e1","predicate":"age","verdict":"conflict","readings":[
///         {"value":40,"claims":[],"documents":["a"]},{"value":41,"claims":[],"documents":["b"]}]}"#,
/// ).unwrap();
/// let html = corroborate::report::comparison_html(&ledger, &comparison);
/// assert!(html.contains("<tr class=\"conflict\">"));
/// assert!(html.contains(">40<") && html.contains(">41<"));
/// ```
pub fn comparison_html(ledger: &Ledger, comparison: &Comparison) -> String {
    let names = Names::new(ledger);
    let mut out = format!("<div class=\"corroborate\">{STYLE}");
    // A comparison names its story; one the ledger lacks still shows its own documents.
    let story = ledger
        .stories
        .iter()
        .find(|s| s.id == comparison.story)
        .cloned()
        .unwrap_or_else(|| Story {
            id: comparison.story.clone(),
            documents: comparison
                .readings
                .iter()
                .flat_map(|r| r.documents.iter().cloned())
                .collect(),
            title: None,
        });
    write_table(&mut out, &names, &story, &[comparison]);
    out.push_str("</div>");
    out
}

fn write_table(out: &mut String, names: &Names<'_>, story: &Story, comparisons: &[&Comparison]) {
    if comparisons.is_empty() {
        out.push_str("<p>No comparable claims in this story.</p>");
        return;
    }
    out.push_str("<table><tr><th>question</th><th>verdict</th>");
    for doc in &story.documents {
        let _ = write!(out, "<th>{}</th>", escape(&names.outlet(doc)));
    }
    out.push_str("</tr>");
    for comparison in comparisons {
        let verdict = comparison.verdict.as_str();
        let mark = match comparison.verdict {
            Verdict::Agree => "✓ agree",
            Verdict::Conflict => "✗ conflict",
            Verdict::Single => "· single",
        };
        let _ = write!(
            out,
            "<tr class=\"{verdict}\"><td>{} — {}</td><td class=\"verdict\">{mark}</td>",
            escape(&names.subject(&comparison.subject)),
            escape(&comparison.predicate.replace('_', " "))
        );
        for doc in &story.documents {
            let given: Vec<String> = comparison
                .readings
                .iter()
                .filter(|r| r.documents.iter().any(|d| d == doc))
                .map(|r| escape(&names.value(&r.value)))
                .collect();
            if given.is_empty() {
                out.push_str("<td></td>");
            } else {
                let _ = write!(out, "<td class=\"given\">{}</td>", given.join("; "));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
}

/// Escapes text for HTML element content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<b>\"A&B\"</b>"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
        );
    }
}
