//! A page's metadata: headline, publication date, author, outlet and canonical address.
//!
//! Publishers state these several ways at once — schema.org JSON-LD, OpenGraph and other
//! `<meta>` tags, `<time datetime>`, the address itself — and each source is missing or
//! wrong on some sites, so each field is taken from the most deliberate source present:
//! JSON-LD first, then `<meta>` tags, then the markup, then the address.

use std::sync::OnceLock;

use jiff::civil::Date;
use regex::Regex;
use serde_json::Value;

/// Metadata found in a page; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`, as the page states it (no time-zone shift).
    pub published: Option<String>,
    /// Byline: the author's name, several joined by `, `.
    pub author: Option<String>,
    /// The outlet.
    pub site_name: Option<String>,
    /// The canonical address.
    pub url: Option<String>,
}

/// `<meta>` names and properties that carry a publication date, most specific first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "published_time",
    "article.published",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "citation_publication_date",
    "original-publish-date",
    "date",
];

/// `<meta>` names that carry an author's name.
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "byl",
];

const SITE_KEYS: &[&str] = &[
    "og:site_name",
    "application-name",
    "publisher",
    "dc.publisher",
];

const TITLE_KEYS: &[&str] = &["og:title", "twitter:title", "headline", "dc.title"];

/// schema.org types whose fields describe the article itself.
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "socialmediaposting",
    "liveblogposting",
    "scholarlyarticle",
    "report",
    "webpage",
];

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("metadata patterns are valid"))
}

fn meta_tag() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    regex(&R, r"(?i)<(meta|link|time)\b([^>]*)>")
}

fn attribute() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    regex(
        &R,
        r#"([A-Za-z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#,
    )
}

fn json_ld() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    regex(
        &R,
        r#"(?is)<script[^>]*application/ld\+json[^>]*>(.*?)</script>"#,
    )
}

fn title_tag() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    regex(&R, r"(?is)<title[^>]*>(.*?)</title>")
}

/// The attributes of one tag, names lowercased, values with entities decoded.
fn attributes(tag: &str) -> Vec<(String, String)> {
    attribute()
        .captures_iter(tag)
        .map(|c| {
            let value = c
                .get(2)
                .or(c.get(3))
                .or(c.get(4))
                .map_or("", |m| m.as_str());
            (c[1].to_ascii_lowercase(), clean(value))
        })
        .collect()
}

fn get<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Collapses white space and decodes the few entities that appear in attribute values.
fn clean(value: &str) -> String {
    let decoded = if value.contains('&') {
        decode_entities(value)
    } else {
        value.to_string()
    };
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let window = &rest.as_bytes()[..rest.len().min(12)];
        let Some(semi) = window.iter().position(|&b| b == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let ch = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "rsquo" => Some('\u{2019}'),
            "lsquo" => Some('\u{2018}'),
            "rdquo" => Some('\u{201d}'),
            "ldquo" => Some('\u{201c}'),
            "mdash" => Some('\u{2014}'),
            "ndash" => Some('\u{2013}'),
            _ => name
                .strip_prefix("#x")
                .or(name.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

impl Metadata {
    /// Reads the metadata of a decoded page.
    pub fn from_html(html: &str) -> Metadata {
        let mut found = Metadata::default();
        for block in json_ld().captures_iter(html) {
            if let Ok(value) = serde_json::from_str::<Value>(block[1].trim()) {
                found.fill_from_json_ld(&value, 0);
            }
        }
        let tags = Tags::read(html);
        let first_of = |keys: &[&str], accept: &dyn Fn(&str) -> bool| {
            keys.iter().find_map(|key| {
                tags.meta
                    .iter()
                    .find(|(k, v)| k == key && accept(v))
                    .map(|(_, v)| v.clone())
            })
        };
        let any = |v: &str| !v.is_empty();
        let name_like = |v: &str| !v.is_empty() && !v.contains("://") && !v.starts_with('@');
        found.published = found
            .published
            .or_else(|| {
                first_of(DATE_KEYS, &|v| parse_date(v).is_some()).and_then(|v| parse_date(&v))
            })
            .or_else(|| tags.time.iter().find_map(|v| parse_date(v)));
        found.author = found
            .author
            .or_else(|| first_of(AUTHOR_KEYS, &name_like).map(|a| strip_by(&a)));
        found.site_name = found.site_name.or_else(|| first_of(SITE_KEYS, &name_like));
        found.url = found
            .url
            .or_else(|| tags.canonical.clone())
            .or_else(|| first_of(&["og:url"], &|v| v.starts_with("http")));
        let page_title = title_tag()
            .captures(html)
            .map(|c| clean(&c[1]))
            .filter(|t| any(t));
        found.title = found
            .title
            .or_else(|| first_of(TITLE_KEYS, &any))
            .or(page_title)
            .map(|t| strip_site_suffix(&t, found.site_name.as_deref()));
        if found.published.is_none() {
            found.published = found.url.as_deref().and_then(date_in_url);
        }
        found
    }

    /// Takes the fields of schema.org objects that describe an article.
    fn fill_from_json_ld(&mut self, value: &Value, depth: usize) {
        if depth > 8 {
            return;
        }
        match value {
            Value::Array(items) => {
                for item in items {
                    self.fill_from_json_ld(item, depth + 1);
                }
            }
            Value::Object(fields) => {
                if let Some(graph) = fields.get("@graph") {
                    self.fill_from_json_ld(graph, depth + 1);
                }
                if !is_article(fields.get("@type")) {
                    return;
                }
                let text = |name: &str| {
                    fields
                        .get(name)
                        .and_then(Value::as_str)
                        .map(clean)
                        .filter(|s| !s.is_empty())
                };
                if self.published.is_none() {
                    self.published = text("datePublished")
                        .or_else(|| text("dateCreated"))
                        .and_then(|d| parse_date(&d));
                }
                if self.title.is_none() {
                    self.title = text("headline").or_else(|| text("name"));
                }
                if self.author.is_none() {
                    self.author = fields.get("author").and_then(names);
                }
                if self.site_name.is_none() {
                    self.site_name = fields.get("publisher").and_then(names);
                }
                if self.url.is_none() {
                    self.url = text("url").filter(|u| u.starts_with("http"));
                }
            }
            _ => {}
        }
    }
}

fn is_article(kind: Option<&Value>) -> bool {
    let is = |v: &Value| {
        v.as_str()
            .is_some_and(|s| ARTICLE_TYPES.contains(&s.to_ascii_lowercase().as_str()))
    };
    match kind {
        Some(Value::Array(kinds)) => kinds.iter().any(is),
        Some(kind) => is(kind),
        None => false,
    }
}

/// The names in a schema.org `author` or `publisher`: a string, an object with a
/// `name`, or a list of either.
fn names(value: &Value) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |name: &str| {
        let name = strip_by(&clean(name));
        if !name.is_empty() && !name.contains("://") && !out.contains(&name) {
            out.push(name);
        }
    };
    match value {
        Value::String(s) => push(s),
        Value::Object(o) => {
            if let Some(n) = o.get("name").and_then(Value::as_str) {
                push(n);
            }
        }
        Value::Array(items) => {
            for item in items.iter().take(8) {
                match item {
                    Value::String(s) => push(s),
                    Value::Object(o) => {
                        if let Some(n) = o.get("name").and_then(Value::as_str) {
                            push(n);
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    (!out.is_empty()).then(|| out.join(", "))
}

/// A byline without its leading "By".
fn strip_by(name: &str) -> String {
    let trimmed = name.trim();
    for prefix in ["By ", "by ", "BY "] {
        if let Some(rest) = trimmed.strip_prefix(prefix) {
            return rest.trim().to_string();
        }
    }
    trimmed.to_string()
}

/// A `<title>` without the outlet's name after a separator ("Headline | Outlet").
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [
        " | ",
        " - ",
        " \u{2013} ",
        " \u{2014} ",
        " :: ",
        " \u{00b7} ",
    ] {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (&title[..at], &title[at + sep.len()..]);
            let tail_is_site = site.is_some_and(|s| tail.eq_ignore_ascii_case(s))
                || (tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3);
            if tail_is_site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The `<meta>` key/value pairs, the canonical link and the `<time datetime>` values.
struct Tags {
    meta: Vec<(String, String)>,
    canonical: Option<String>,
    time: Vec<String>,
}

impl Tags {
    fn read(html: &str) -> Tags {
        let mut tags = Tags {
            meta: Vec::new(),
            canonical: None,
            time: Vec::new(),
        };
        let mut published_times = Vec::new();
        for c in meta_tag().captures_iter(html) {
            let attrs = attributes(&c[2]);
            match c[1].to_ascii_lowercase().as_str() {
                "meta" => {
                    let key = get(&attrs, "property")
                        .or_else(|| get(&attrs, "name"))
                        .or_else(|| get(&attrs, "itemprop"));
                    if let (Some(key), Some(value)) = (key, get(&attrs, "content")) {
                        tags.meta
                            .push((key.to_ascii_lowercase(), value.to_string()));
                    }
                }
                "link" => {
                    let canonical =
                        get(&attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
                    if canonical && tags.canonical.is_none() {
                        tags.canonical = get(&attrs, "href")
                            .filter(|h| h.starts_with("http"))
                            .map(str::to_string);
                    }
                }
                _ => {
                    if let Some(value) = get(&attrs, "datetime") {
                        // A `<time>` marked as the publication time beats the others.
                        // `pubdate` is usually a bare attribute, without a value.
                        let marked = c[2].to_ascii_lowercase().contains("pubdate")
                            || get(&attrs, "itemprop")
                                .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                            || get(&attrs, "class")
                                .is_some_and(|c| c.to_ascii_lowercase().contains("publish"));
                        if marked {
                            published_times.push(value.to_string());
                        } else {
                            tags.time.push(value.to_string());
                        }
                    }
                }
            }
        }
        published_times.append(&mut tags.time);
        tags.time = published_times;
        tags
    }
}

/// The calendar date a date-time string starts with: ISO 8601 (`2021-03-04T…`),
/// `2021/03/04`, `20210304`, or an English date (`March 4, 2021`, `4 March 2021`).
fn parse_date(value: &str) -> Option<String> {
    static NUMERIC: OnceLock<Regex> = OnceLock::new();
    static WORDS: OnceLock<Regex> = OnceLock::new();
    let value = value.trim();
    let numeric = regex(&NUMERIC, r"^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:$|[T\s_])");
    if let Some(c) = numeric.captures(value) {
        return valid(&c[1], &c[2], &c[3]);
    }
    let words = regex(
        &WORDS,
        r"(?i)\b(?:(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})|([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b",
    );
    let c = words.captures(value)?;
    let (day, month, year) = match c.get(1) {
        Some(day) => (day.as_str(), &c[2], &c[3]),
        None => (&c[5], &c[4], &c[6]),
    };
    let month = month_number(month)?;
    valid(year, &month.to_string(), day)
}

fn month_number(name: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.to_ascii_lowercase();
    let index = MONTHS.iter().position(|m| lower.starts_with(m))?;
    u8::try_from(index + 1).ok()
}

fn valid(year: &str, month: &str, day: &str) -> Option<String> {
    let (year, month, day): (i16, i8, i8) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    if !(1900..=2100).contains(&year) {
        return None;
    }
    Date::new(year, month, day).ok().map(|d| d.to_string())
}

/// The date a news address carries (`/2021/03/04/`, `/2021-03-04/`, `/20210304/`).
pub fn date_in_url(url: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let pattern = regex(
        &R,
        r"(?:^|[/_-])((?:19|20)\d{2})([/_-]?)(\d{2})([/_-]?)(\d{2})(?:$|[/_.-])",
    );
    pattern
        .captures_iter(url)
        .filter(|c| c[2] == c[4])
        .find_map(|c| valid(&c[1], &c[3], &c[5]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str, body: &str) -> String {
        format!("<!doctype html><html><head>{head}</head><body>{body}</body></html>")
    }

    #[test]
    fn json_ld_fields_come_first() {
        let html = page(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Wrong"},
              {"@type":["NewsArticle"],"headline":"Ferry service resumes","datePublished":"2019-11-05T22:30:00-05:00",
               "author":[{"@type":"Person","name":"Ana Field"},{"@type":"Person","name":"Bo Chen"}],
               "publisher":{"@type":"Organization","name":"Coastal Post"},"url":"https://coastal.example/ferry"}]}</script>
               <meta property="article:published_time" content="2019-11-07">"#,
            "<time datetime=\"2019-11-08\">x</time>",
        );
        let meta = Metadata::from_html(&html);
        assert_eq!(meta.title.as_deref(), Some("Ferry service resumes"));
        assert_eq!(meta.published.as_deref(), Some("2019-11-05"));
        assert_eq!(meta.author.as_deref(), Some("Ana Field, Bo Chen"));
        assert_eq!(meta.site_name.as_deref(), Some("Coastal Post"));
        assert_eq!(meta.url.as_deref(), Some("https://coastal.example/ferry"));
    }

    #[test]
    fn meta_tags_time_and_canonical_links() {
        let html = page(
            r#"<meta name="author" content="By Dana Ruiz"><meta property="og:site_name" content="Valley Courier">
               <meta property="og:title" content="Bridge vote delayed &amp; disputed">
               <link rel="canonical" href="https://courier.example/bridge">"#,
            r#"<time class="updated" datetime="2020-02-03">Feb 3</time><time pubdate datetime="2020-02-01T08:00Z">Feb 1</time>"#,
        );
        let meta = Metadata::from_html(&html);
        assert_eq!(meta.author.as_deref(), Some("Dana Ruiz"));
        assert_eq!(meta.site_name.as_deref(), Some("Valley Courier"));
        assert_eq!(
            meta.title.as_deref(),
            Some("Bridge vote delayed & disputed")
        );
        assert_eq!(meta.url.as_deref(), Some("https://courier.example/bridge"));
        assert_eq!(meta.published.as_deref(), Some("2020-02-01"));
    }

    #[test]
    fn dates_from_words_and_from_the_address() {
        assert_eq!(
            parse_date("March 4, 2021 9:00 AM").as_deref(),
            Some("2021-03-04")
        );
        assert_eq!(parse_date("4 Sept. 2021").as_deref(), Some("2021-09-04"));
        assert_eq!(parse_date("20210304").as_deref(), Some("2021-03-04"));
        assert_eq!(parse_date("2021-02-30"), None);
        let html = page(
            r#"<link rel="canonical" href="https://x.example/2018/06/30/story">"#,
            "",
        );
        assert_eq!(
            Metadata::from_html(&html).published.as_deref(),
            Some("2018-06-30")
        );
        assert_eq!(date_in_url("https://x.example/id/1234567890123"), None);
    }

    #[test]
    fn titles_lose_the_outlet_suffix() {
        let html = page(
            "<title>Council approves budget plan - Valley Courier</title>",
            "",
        );
        assert_eq!(
            Metadata::from_html(&html).title.as_deref(),
            Some("Council approves budget plan")
        );
        assert_eq!(strip_site_suffix("Q&A - Part 2", None), "Q&A - Part 2");
    }

    #[test]
    fn example_metadata() {
        use crate::html::Metadata;
        let page = r#"<html><head><meta property="og:site_name" content="The Ledger Gazette">
        <meta property="article:published_time" content="2021-03-04T09:00:00+01:00">
        <title>Harbour reopens | The Ledger Gazette</title></head></html>"#;
        let meta = Metadata::from_html(page);
        assert_eq!(meta.site_name.as_deref(), Some("The Ledger Gazette"));
        assert_eq!(meta.published.as_deref(), Some("2021-03-04"));
        assert_eq!(meta.title.as_deref(), Some("Harbour reopens"));
    }

    #[test]
    fn example_date_in_url() {
        use crate::html::date_in_url;
        assert_eq!(
            date_in_url("https://news.example/2021/03/04/harbour-reopens").as_deref(),
            Some("2021-03-04")
        );
        assert_eq!(
            date_in_url("https://news.example/world/harbour-reopens-20210304.html").as_deref(),
            Some("2021-03-04")
        );
        assert_eq!(date_in_url("https://news.example/2021/99/99/x"), None);
    }
}
