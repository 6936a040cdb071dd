//! The document stage: a validated input becomes a [`Prepared`] document — its final
//! text, publication date, metadata and text analysis — ready for extraction.

pub(crate) mod words;

use jiff::civil::Date;

use crate::input::{Content, DocumentInput};
use crate::text::Analysis;
use crate::{Error, ErrorKind};
use words::DocWords;

/// A document ready for extraction.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    /// The document id.
    pub id: String,
    /// The text every span indexes.
    pub text: String,
    /// The publication date, the anchor for relative times.
    pub published: Option<Date>,
    /// Outlet.
    pub source: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Byline, as found in a web page.
    pub author: Option<String>,
    /// Tokens, sentences and boilerplate.
    pub analysis: Analysis,
    /// The tokens as the extraction stages match them.
    pub words: DocWords,
}

impl Prepared {
    /// The text of a byte range.
    pub fn slice(&self, range: &std::ops::Range<usize>) -> &str {
        &self.text[range.clone()]
    }

    /// The token strings of sentence `index`.
    pub fn sentence_words(&self, index: usize) -> Vec<&str> {
        let sentence = &self.analysis.sentences[index];
        self.analysis
            .sentence_tokens(sentence)
            .iter()
            .map(|t| t.as_str(&self.text))
            .collect()
    }

    /// Indexes of the body sentences.
    pub fn body_sentence_indexes(&self) -> impl Iterator<Item = usize> + '_ {
        self.analysis
            .is_body
            .iter()
            .enumerate()
            .filter_map(|(i, &body)| body.then_some(i))
    }
}

/// Parses a `YYYY-MM-DD` date, naming `input` in the error.
pub(crate) fn parse_date(input: &str, value: &str) -> Result<Date, Error> {
    let bad = || {
        Error::new(ErrorKind::BadDate {
            input: input.to_string(),
            value: value.to_string(),
        })
    };
    let bytes = value.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return Err(bad());
    }
    value.parse::<Date>().map_err(|_| bad())
}

/// Validates one input and runs the text stage over it.
pub(crate) fn prepare(
    input: DocumentInput,
    default_published: Option<Date>,
) -> Result<Prepared, Error> {
    let name = input.origin.clone().unwrap_or_else(|| input.id.clone());
    let is_page = matches!(input.content, Content::Html(_));
    let (text, found) = match input.content {
        Content::Text(text) => (text, None),
        Content::Html(bytes) => {
            let page = crate::html::extract(&bytes, input.url.as_deref());
            (page.text, Some(page.metadata))
        }
    };
    if text.trim().is_empty() {
        return Err(Error::new(ErrorKind::EmptyDocument { input: name }));
    }
    let found = found.unwrap_or_default();
    // The caller's date wins; then the page's own; then a date in the caller's address.
    let published = match input.published.as_deref() {
        Some(value) => Some(parse_date(&name, value)?),
        None => found
            .published
            .clone()
            .or_else(|| input.url.as_deref().and_then(crate::html::date_in_url))
            .and_then(|value| parse_date(&name, &value).ok())
            .or(default_published),
    };
    let source = input.source.or(found.site_name);
    let url = input.url.or(found.url);
    let title = input.title.or(found.title);
    let author = found.author;
    let analysis = if is_page {
        Analysis::of_extracted_page(&text)
    } else {
        Analysis::new(&text)
    };
    let words = DocWords::new(&text, &analysis);
    Ok(Prepared {
        id: input.id,
        text,
        published,
        source,
        url,
        title,
        author,
        analysis,
        words,
    })
}
