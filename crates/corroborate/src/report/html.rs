//! The ledger as HTML, one renderer for every front end: a page that stands alone
//! (`corroborate ledger --format html`, [`Ledger::to_html`]) and a notebook view with
//! scoped styles ([`Ledger::to_html_fragment`], Python's `_repr_html_`).
//!
//! Per story: the comparisons grouped by verdict, disagreements first, in tables whose
//! columns are the story's outlets; then the articles themselves. Each outlet's words in
//! a table link to the sentence that states them, which the page highlights when it is
//! the link's target (CSS `:target`, no script). Removed boilerplate is greyed and shown
//! only on request (a checkbox, again no script).
//!
//! Everything drawn from the ledger is escaped as text ([`escape`](super::escape::escape)), attributes are
//! always double-quoted, and a link leaves the page only for an http(s) address.

use std::fmt::Write;

use super::article::write_text;
use super::escape::escape;
use super::{GROUPS, Names, comparisons_by_story, counts, group, qualifiers, support};
use crate::hashing::{HashMap, HashSet};
use crate::model::{Comparison, Document, Ledger, Story, Verdict};

/// Stories a notebook view shows before it says how many more there are: a notebook
/// cell holding a year of news must stay responsive. A page shows them all.
const MAX_NOTEBOOK_STORIES: usize = 50;

/// Styles of the view, every rule scoped to its `.corroborate` root so that a notebook's
/// own page is left alone.
const STYLE: &str = include_str!("style.css");

/// The page around the view.
const PAGE_STYLE: &str =
    "body{margin:0 auto;max-width:96em;padding:.5em 1em 3em;background:#fff;color:#1b1b1b}";

impl Ledger {
    /// The ledger as one HTML page that needs nothing else (inline styles, no script,
    /// nothing fetched): what `corroborate ledger --format html` writes.
    ///
    /// ```
    /// use corroborate::{DocumentInput, LedgerBuilder};
    /// let ledger = LedgerBuilder::new()
    ///     .document(DocumentInput::text("a", "The council met on Monday.").source("Daily Planet"))
    ///     .build()
    ///     .unwrap();
    /// let page = ledger.to_html();
    /// assert!(page.starts_with("<!DOCTYPE html>"));
    /// assert!(page.contains("The council met on Monday."));
    /// ```
    pub fn to_html(&self) -> String {
        let title = match self.stories.as_slice() {
            [story] => story.title.as_deref().unwrap_or("(untitled)").to_string(),
            stories => format!("{} stories", stories.len()),
        };
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>corroborate: {}</title><style>{PAGE_STYLE}{STYLE}</style></head>\
             <body><div class=\"corroborate\">",
            escape(&title)
        );
        Renderer::new(self, None).write_ledger(&mut out);
        out.push_str("</div></body></html>\n");
        out
    }

    /// The same view as [`Ledger::to_html`] as a fragment for a notebook cell (Python's
    /// `Ledger._repr_html_`): one element whose styles apply to it alone. A ledger of
    /// many stories shows the first 50.
    ///
    /// ```
    /// use corroborate::{DocumentInput, LedgerBuilder};
    /// let ledger = LedgerBuilder::new()
    ///     .document(DocumentInput::text("a", "The council met on Monday.").source("Daily Planet"))
    ///     .build()
    ///     .unwrap();
    /// let html = ledger.to_html_fragment();
    /// assert!(html.starts_with("<div class=\"corroborate\">"));
    /// assert!(html.contains("1 document"));
    /// ```
    pub fn to_html_fragment(&self) -> String {
        let mut out = format!("<div class=\"corroborate\"><style>{STYLE}</style>");
        Renderer::new(self, Some(MAX_NOTEBOOK_STORIES)).write_ledger(&mut out);
        out.push_str("</div>");
        out
    }

    /// One comparison of this ledger as a one-row table across its story's outlets
    /// (Python's `Comparison._repr_html_`), with each outlet's words and, on hover, the
    /// sentence that states them.
    ///
    /// ```
    /// use corroborate::{DocumentInput, LedgerBuilder};
    /// let ledger = LedgerBuilder::new()
    ///     .published("2024-07-16")
    ///     .document(DocumentInput::text("a", "Ana Vela, 41, left Brindle on Monday.").source("North Post"))
    ///     .document(DocumentInput::text("b", "Ana Vela, 42, left Brindle on Monday.").source("South Post"))
    ///     .build()
    ///     .unwrap();
    /// let conflict = ledger.comparisons.iter().find(|c| c.verdict.as_str() == "conflict").unwrap();
    /// let html = ledger.comparison_html(conflict);
    /// assert!(html.contains("<tr class=\"conflict\">"));
    /// assert!(html.contains(">41<") && html.contains(">42<"));
    /// ```
    pub fn comparison_html(&self, comparison: &Comparison) -> String {
        // A comparison names its story; one the ledger lacks still shows its own documents.
        let story = self
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
        let mut out = format!("<div class=\"corroborate\"><style>{STYLE}</style>");
        Renderer::new(self, Some(0)).write_table(&mut out, &story, &[comparison]);
        out.push_str("</div>");
        out
    }
}

/// What one view of a ledger needs while it is written.
struct Renderer<'l> {
    ledger: &'l Ledger,
    names: Names<'l>,
    /// Starts every id of the view, and differs between ledgers of different documents,
    /// so that two views in one notebook do not answer each other's links.
    prefix: String,
    /// The stories shown.
    stories: &'l [Story],
    /// The cited sentences the view's articles mark, by document index, sorted: the only
    /// places an outlet's words may link to.
    targets: HashMap<usize, Vec<(usize, usize)>>,
}

impl<'l> Renderer<'l> {
    /// A renderer of the ledger's first `limit` stories (all of them when `None`).
    fn new(ledger: &'l Ledger, limit: Option<usize>) -> Renderer<'l> {
        let names = Names::new(ledger);
        let stories =
            &ledger.stories[..limit.map_or(ledger.stories.len(), |n| n.min(ledger.stories.len()))];
        let mut ids = String::new();
        for document in &ledger.documents {
            ids.push_str(&document.id);
            ids.push('\n');
        }
        let prefix = format!("cb{:08x}-", crate::ids::fnv1a(ids.as_bytes()) >> 32);
        let shown: HashSet<&str> = stories
            .iter()
            .flat_map(|s| s.documents.iter().map(String::as_str))
            .collect();
        let mut targets: HashMap<usize, Vec<(usize, usize)>> = HashMap::default();
        let by_story = comparisons_by_story(ledger);
        let cited = stories
            .iter()
            .flat_map(|s| by_story.get(s.id.as_str()).into_iter().flatten())
            .flat_map(|c| c.readings.iter().flat_map(|r| &r.claims))
            .filter_map(|id| names.claims.get(id.as_str()));
        for claim in cited {
            let Some(&(index, document)) = names.documents.get(claim.doc.as_str()) else {
                continue;
            };
            if shown.contains(claim.doc.as_str())
                && document.text.get(claim.start..claim.end).is_some()
            {
                targets
                    .entry(index)
                    .or_default()
                    .push((claim.start, claim.end));
            }
        }
        for spans in targets.values_mut() {
            spans.sort_unstable();
            spans.dedup();
        }
        Renderer {
            ledger,
            names,
            prefix,
            stories,
            targets,
        }
    }

    /// The id of a document's article, or of one of its sentences.
    fn anchor(&self, document: usize, span: Option<(usize, usize)>) -> String {
        match span {
            Some((start, end)) => format!("{}d{document}-{start}-{end}", self.prefix),
            None => format!("{}d{document}", self.prefix),
        }
    }

    fn write_ledger(&self, out: &mut String) {
        let ledger = self.ledger;
        let _ = write!(
            out,
            "<p class=\"summary\"><b>corroborate ledger</b>: {}, {} comparisons</p>",
            counts(ledger),
            ledger.comparisons.len(),
        );
        if !self.targets.is_empty() {
            out.push_str(
                "<p class=\"hint\">Select an outlet’s words to see the sentence in its article.</p>",
            );
        }
        let by_story = comparisons_by_story(ledger);
        // A document listed under two stories is shown once, under the first.
        let mut shown: HashSet<&str> = HashSet::default();
        for (index, story) in self.stories.iter().enumerate() {
            let comparisons = by_story
                .get(story.id.as_str())
                .map_or(&[][..], Vec::as_slice);
            self.write_story(out, index, story, comparisons, &mut shown);
        }
        let hidden = ledger.stories.len() - self.stories.len();
        if hidden > 0 {
            let _ = write!(out, "<p>… and {hidden} more stories.</p>");
        }
    }

    fn write_story(
        &self,
        out: &mut String,
        index: usize,
        story: &'l Story,
        comparisons: &[&Comparison],
        shown: &mut HashSet<&'l str>,
    ) {
        let _ = write!(
            out,
            "<section class=\"story\" id=\"{}s{index}\"><h2>{} <small>({})</small></h2>\
             <p class=\"outlets\">{} outlet{}: ",
            self.prefix,
            escape(story.title.as_deref().unwrap_or("(untitled)")),
            escape(&story.id),
            story.documents.len(),
            super::plural(story.documents.len()),
        );
        for (n, doc) in story.documents.iter().enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            let outlet = escape(&self.names.outlet(doc));
            match self.names.documents.get(doc.as_str()) {
                Some(&(document, _)) => {
                    let _ = write!(
                        out,
                        "<a href=\"#{}\">{outlet}</a>",
                        self.anchor(document, None)
                    );
                }
                None => out.push_str(&outlet),
            }
        }
        out.push_str("</p>");
        if comparisons.is_empty() {
            out.push_str("<p>No comparable claims in this story.</p>");
        }
        for (verdict, heading) in GROUPS {
            let group = group(comparisons, verdict);
            if group.is_empty() {
                continue;
            }
            let _ = write!(
                out,
                "<details class=\"group\" open><summary>{heading} ({})</summary>",
                group.len()
            );
            self.write_table(out, story, &group);
            out.push_str("</details>");
        }
        let documents: Vec<(usize, &Document)> = story
            .documents
            .iter()
            .filter_map(|id| self.names.documents.get(id.as_str()).copied())
            .filter(|(_, document)| shown.insert(document.id.as_str()))
            .collect();
        if !documents.is_empty() {
            let _ = write!(
                out,
                "<details class=\"articles\" open><summary>The articles ({})</summary>\
                 <div class=\"grid\">",
                documents.len()
            );
            for (index, document) in documents {
                self.write_article(out, index, document);
            }
            out.push_str("</div></details>");
        }
        out.push_str("</section>");
    }

    /// A table of comparisons: a row each, a column for each of the story's outlets.
    fn write_table(&self, out: &mut String, story: &Story, comparisons: &[&Comparison]) {
        // The outlets' count sets the table's least width, so that many outlets scroll
        // sideways rather than squeeze, and tables of one story line up.
        let _ = write!(
            out,
            "<div class=\"scroll\"><table style=\"--outlets:{}\"><thead><tr>\
             <th>question</th><th>readings</th>",
            story.documents.len()
        );
        for doc in &story.documents {
            let _ = write!(out, "<th>{}</th>", escape(&self.names.outlet(doc)));
        }
        out.push_str("</tr></thead><tbody>");
        for comparison in comparisons {
            self.write_row(out, story, comparison);
        }
        out.push_str("</tbody></table></div>");
    }

    fn write_row(&self, out: &mut String, story: &Story, comparison: &Comparison) {
        let mark = match comparison.verdict {
            Verdict::Agree => "✓ agree",
            Verdict::Conflict => "✗ conflict",
            Verdict::Single => "· single",
        };
        let _ = write!(
            out,
            "<tr class=\"{}\"><td class=\"question\"><span class=\"verdict\">{mark}</span> \
             <span class=\"words\">{}</span></td><td class=\"readings\"><ul>",
            comparison.verdict.as_str(),
            escape(&self.names.question(comparison)),
        );
        // Readings are told apart by a key only when there are several to tell apart.
        let keyed = comparison.readings.len() > 1;
        for (k, reading) in comparison.readings.iter().enumerate() {
            let _ = write!(out, "<li class=\"{}\">", reading_class(k));
            if keyed {
                let _ = write!(out, "<span class=\"key\">{}</span> ", reading_key(k));
            }
            let _ = write!(
                out,
                "<span class=\"value\">{}</span> <span class=\"support\">{}</span></li>",
                escape(&self.names.value(&reading.value)),
                escape(&support(reading)),
            );
        }
        out.push_str("</ul></td>");
        for doc in &story.documents {
            let _ = write!(
                out,
                "<td data-outlet=\"{}\">",
                escape(&self.names.outlet(doc))
            );
            let given = comparison
                .readings
                .iter()
                .enumerate()
                .filter(|(_, r)| r.documents.iter().any(|d| d == doc));
            for (k, reading) in given {
                let _ = write!(out, "<div class=\"given {}\">", reading_class(k));
                if keyed {
                    let _ = write!(out, "<span class=\"key\">{}</span> ", reading_key(k));
                }
                let _ = write!(
                    out,
                    "<span class=\"value\">{}</span>",
                    escape(&self.names.value(&reading.value))
                );
                let claims = reading
                    .claims
                    .iter()
                    .filter_map(|id| self.names.claims.get(id.as_str()))
                    .filter(|claim| claim.doc == *doc);
                for claim in claims {
                    self.write_cite(out, claim);
                }
                out.push_str("</div>");
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }

    /// An outlet's words for a reading, linked to their sentence when the view shows it.
    fn write_cite(&self, out: &mut String, claim: &crate::model::Claim) {
        let Some(&(document, doc)) = self.names.documents.get(claim.doc.as_str()) else {
            return;
        };
        let sentence = doc.text.get(claim.start..claim.end).unwrap_or_default();
        let span = (claim.start, claim.end);
        let words = escape(&claim.value_text);
        let title = escape(sentence.trim());
        let linked = self
            .targets
            .get(&document)
            .is_some_and(|spans| spans.binary_search(&span).is_ok());
        if linked {
            let _ = write!(
                out,
                " <a class=\"cite\" href=\"#{}\" title=\"{title}\">“{words}”</a>",
                self.anchor(document, Some(span))
            );
        } else {
            let _ = write!(
                out,
                " <span class=\"cite\" title=\"{title}\">“{words}”</span>"
            );
        }
        let note = qualifiers(claim);
        if !note.is_empty() {
            let _ = write!(out, "<span class=\"note\">{}</span>", escape(note.trim()));
        }
    }

    /// One article: who published it, then its text with the cited sentences marked.
    fn write_article(&self, out: &mut String, index: usize, document: &Document) {
        let _ = write!(
            out,
            "<article id=\"{}\"><h3>{}</h3><p class=\"meta\">",
            self.anchor(index, None),
            escape(document.source.as_deref().unwrap_or(&document.id)),
        );
        let mut meta: Vec<String> = Vec::new();
        if let Some(title) = &document.title {
            meta.push(format!("<span class=\"headline\">{}</span>", escape(title)));
        }
        if let Some(published) = &document.published {
            meta.push(escape(published));
        }
        if let Some(url) = &document.url {
            meta.push(match web_address(url) {
                Some(url) => format!(
                    "<a href=\"{0}\" rel=\"noopener noreferrer\">{0}</a>",
                    escape(url)
                ),
                None => format!("<span class=\"url\">{}</span>", escape(url)),
            });
        }
        meta.push(format!("<code>{}</code>", escape(&document.id)));
        out.push_str(&meta.join(" · "));
        out.push_str("</p>");
        if !document.removed.is_empty() {
            let mut reasons: Vec<&str> =
                document.removed.iter().map(|r| r.reason.as_str()).collect();
            reasons.sort_unstable();
            reasons.dedup();
            let toggle = format!("{}r{index}", self.prefix);
            let count = document.removed.len();
            let _ = write!(
                out,
                "<input type=\"checkbox\" class=\"show-removed\" id=\"{toggle}\">\
                 <label for=\"{toggle}\">show {count} removed passage{} ({})</label>",
                super::plural(count),
                escape(&reasons.join(", ")),
            );
        }
        let anchors: Vec<(usize, usize, String)> = self
            .targets
            .get(&index)
            .into_iter()
            .flatten()
            .map(|&(start, end)| (start, end, self.anchor(index, Some((start, end)))))
            .collect();
        let cited: Vec<(usize, usize, &str)> = anchors
            .iter()
            .map(|(start, end, anchor)| (*start, *end, anchor.as_str()))
            .collect();
        out.push_str("<div class=\"text\">");
        write_text(out, &document.text, &document.removed, &cited);
        out.push_str("</div></article>");
    }
}

/// The class of the `k`th reading of a comparison, which gives it its colour.
fn reading_class(k: usize) -> String {
    format!("r{}", k % 6)
}

/// The key that tells the `k`th reading of a comparison apart: A, B, C, …
fn reading_key(k: usize) -> String {
    match u8::try_from(k) {
        Ok(k) if k < 26 => char::from(b'A' + k).to_string(),
        _ => (k + 1).to_string(),
    }
}

/// The address when it is one a link may follow: http(s) only, so that a `javascript:`
/// or `data:` address in an input stays text.
fn web_address(url: &str) -> Option<&str> {
    let scheme = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (scheme.starts_with("http://") || scheme.starts_with("https://")).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Removed, Value};
    use crate::{DocumentInput, LedgerBuilder};

    /// Markup, a script, quotes that would end an attribute, and a right-to-left
    /// override that would turn the words after it around.
    const HOSTILE: &str =
        "<script>alert(1)</script><img src=x \"onerror=alert(2)\" x='y'> \u{202E}gpj.exe";

    /// Two outlets in conflict, with hostile text in every field a view shows.
    fn hostile_ledger() -> Ledger {
        let mut ledger = LedgerBuilder::new()
            .published("2024-07-16")
            .document(
                DocumentInput::text(
                    format!("a{HOSTILE}"),
                    format!("Ana Vela, 41, left Brindle on Monday. {HOSTILE}\nMenu {HOSTILE}"),
                )
                .source(HOSTILE)
                .title(HOSTILE)
                .url("javascript:alert(3)"),
            )
            .document(
                DocumentInput::text("b", "Ana Vela, 42, left Brindle on Monday.")
                    .source("South Post")
                    .url(format!("https://b.example/?q={HOSTILE}")),
            )
            .build()
            .unwrap();
        let document = &mut ledger.documents[0];
        let menu = document.text.rfind("Menu").unwrap();
        let end = document.text.len();
        document.removed.push(Removed {
            start: menu,
            end,
            reason: HOSTILE.into(),
        });
        ledger.stories[0].title = Some(HOSTILE.into());
        ledger.entities[0].name = HOSTILE.into();
        for claim in &mut ledger.claims {
            claim.value_text = HOSTILE.into();
        }
        for comparison in &mut ledger.comparisons {
            for reading in &mut comparison.readings {
                reading.value = Value::Text(HOSTILE.into());
            }
        }
        ledger
    }

    /// Every tag of `html` outside `<style>`: its name and attributes, each attribute a
    /// known name with a double-quoted value free of quotes and angle brackets.
    fn check_tags(html: &str) -> usize {
        const ATTRIBUTES: [&str; 14] = [
            "class",
            "id",
            "href",
            "title",
            "rel",
            "type",
            "for",
            "data-outlet",
            "open",
            "charset",
            "name",
            "content",
            "lang",
            "style",
        ];
        let mut tags = 0;
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            rest = &rest[at + 1..];
            let end = rest.find('>').expect("every tag closes");
            let tag = &rest[..end];
            rest = &rest[end + 1..];
            tags += 1;
            if tag.starts_with('/') || tag.starts_with('!') {
                continue;
            }
            let (name, mut attributes) = tag.split_once(' ').unwrap_or((tag, ""));
            assert!(
                name.chars().all(|c| c.is_ascii_alphanumeric()),
                "tag <{tag}>"
            );
            while !attributes.is_empty() {
                let (attribute, after) = match attributes.split_once("=\"") {
                    Some((attribute, value)) if !attribute.contains(' ') => {
                        let close = value.find('"').expect("a quoted value closes");
                        assert!(!value[..close].contains(['<', '>']), "tag <{tag}>");
                        (attribute, value[close + 1..].trim_start())
                    }
                    _ => attributes.split_once(' ').unwrap_or((attributes, "")),
                };
                assert!(
                    ATTRIBUTES.contains(&attribute),
                    "attribute {attribute} in <{tag}>"
                );
                attributes = after;
            }
            if name == "style" {
                rest = &rest[rest.find("</style>").expect("styles close")..];
            }
        }
        tags
    }

    #[test]
    fn hostile_text_is_shown_as_text() {
        let ledger = hostile_ledger();
        assert!(
            ledger
                .comparisons
                .iter()
                .any(|c| c.verdict == Verdict::Conflict)
        );
        for html in [ledger.to_html(), ledger.to_html_fragment()] {
            assert!(check_tags(&html) > 50);
            assert!(
                !html.contains("<script") && !html.contains("<img"),
                "{html}"
            );
            assert!(
                !html.contains("\"onerror") && !html.contains("'y'"),
                "{html}"
            );
            assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x &quot;onerror=alert(2)&quot; x=&#39;y&#39;&gt;"));
            assert!(!html.contains('\u{202E}') && html.contains("&#x202E;gpj.exe"));
            assert!(!html.contains("href=\"javascript"), "{html}");
            // The hostile passage was marked removed: it is on the page, wrapped.
            assert!(html.contains("<span class=\"removed\" title=\"removed: &lt;script&gt;"));
        }
        let conflict = ledger
            .comparisons
            .iter()
            .find(|c| c.verdict == Verdict::Conflict)
            .unwrap();
        let html = ledger.comparison_html(conflict);
        assert!(check_tags(&html) > 10);
        assert!(!html.contains("<script") && !html.contains('\u{202E}'));
    }

    #[test]
    fn outlet_words_link_to_their_highlighted_sentence() {
        let ledger = hostile_ledger();
        let page = ledger.to_html();
        let links: Vec<&str> = page
            .split("<a class=\"cite\" href=\"#")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        assert!(links.len() >= 2, "{page}");
        for anchor in links {
            let target = format!("<span class=\"cited\" id=\"{anchor}\">Ana Vela, 4");
            assert!(page.contains(&target), "{anchor} has no sentence");
        }
        // A single comparison's view shows no articles, so it links nowhere.
        let view = ledger.comparison_html(&ledger.comparisons[0]);
        assert!(!view.contains("href=\"#") && view.contains("<span class=\"cite\""));
    }

    #[test]
    fn disagreements_come_first_and_notebook_views_are_capped() {
        let mut ledger = hostile_ledger();
        let page = ledger.to_html();
        let conflict = page.find("<tr class=\"conflict\">").unwrap();
        assert!(
            page.find("<tr class=\"agree\">")
                .is_none_or(|agree| conflict < agree)
        );
        assert!(
            page.find("<tr class=\"single\">")
                .is_none_or(|single| conflict < single)
        );
        let story = ledger.stories[0].clone();
        ledger.stories = vec![story; MAX_NOTEBOOK_STORIES + 2];
        assert!(ledger.to_html_fragment().contains("… and 2 more stories."));
        assert!(!ledger.to_html().contains("more stories"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<b>\"A&B\"</b> it's \u{202E}"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; it&#39;s &#x202E;"
        );
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert_eq!(
            web_address("HTTPS://a.example/x"),
            Some("HTTPS://a.example/x")
        );
        assert_eq!(web_address("javascript:alert(1)"), None);
        assert_eq!(web_address(" http://a.example"), None);
        assert_eq!(web_address("http"), None);
    }

    #[test]
    fn reading_keys_are_letters_then_numbers() {
        assert_eq!(reading_key(0), "A");
        assert_eq!(reading_key(25), "Z");
        assert_eq!(reading_key(26), "27");
    }
}
