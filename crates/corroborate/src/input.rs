//! Inputs: documents given in memory, and the files, directories and JSONL manifests
//! the command line and the bindings read.
//!
//! Reading files lives in the core so that every front end accepts exactly the same
//! inputs with exactly the same error messages.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::{Error, ErrorKind};

/// A document's content before extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Plain text: the ledger's `text` is exactly this string.
    Text(String),
    /// A web page: the article body is extracted from it.
    Html(Vec<u8>),
}

/// One document to put into a ledger.
///
/// ```
/// use corroborate::DocumentInput;
/// let doc = DocumentInput::text("a1", "The mayor resigned on Monday.")
///     .published("2024-07-16")
///     .source("The Daily Planet");
/// assert_eq!(doc.id, "a1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInput {
    /// The document id (unique in one ledger).
    pub id: String,
    /// Text or HTML.
    pub content: Content,
    /// Publication date `YYYY-MM-DD`; validated when the ledger is built.
    pub published: Option<String>,
    /// Outlet name.
    pub source: Option<String>,
    /// Page address.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Where the document came from (a path, `manifest.jsonl:3`), for error messages.
    pub origin: Option<String>,
}

impl DocumentInput {
    /// A plain-text document.
    pub fn text(id: impl Into<String>, text: impl Into<String>) -> DocumentInput {
        DocumentInput::new(id, Content::Text(text.into()))
    }

    /// A web page, as raw bytes in any declared encoding.
    ///
    /// ```
    /// use corroborate::DocumentInput;
    /// let doc = DocumentInput::html("p1", "<html><body><p>Hello.</p></body></html>");
    /// assert!(matches!(doc.content, corroborate::Content::Html(_)));
    /// ```
    pub fn html(id: impl Into<String>, html: impl Into<Vec<u8>>) -> DocumentInput {
        DocumentInput::new(id, Content::Html(html.into()))
    }

    fn new(id: impl Into<String>, content: Content) -> DocumentInput {
        DocumentInput {
            id: id.into(),
            content,
            published: None,
            source: None,
            url: None,
            title: None,
            origin: None,
        }
    }

    /// Sets the publication date (`YYYY-MM-DD`).
    pub fn published(mut self, date: impl Into<String>) -> DocumentInput {
        self.published = Some(date.into());
        self
    }

    /// Sets the outlet name.
    pub fn source(mut self, source: impl Into<String>) -> DocumentInput {
        self.source = Some(source.into());
        self
    }

    /// Sets the page address.
    pub fn url(mut self, url: impl Into<String>) -> DocumentInput {
        self.url = Some(url.into());
        self
    }

    /// Sets the headline.
    pub fn title(mut self, title: impl Into<String>) -> DocumentInput {
        self.title = Some(title.into());
        self
    }

    /// The name errors use for this document: its origin, else its id.
    pub fn name(&self) -> &str {
        self.origin.as_deref().unwrap_or(&self.id)
    }
}

/// Reads the documents named by a path: an article file (`.txt`, `.html`, `.htm`), a
/// directory (its article files, sorted by name) or a `.jsonl` (or `.jsonl.gz`) manifest.
///
/// ```
/// let dir = std::env::temp_dir().join("corroborate-doc-load");
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("b.txt"), "Second story.").unwrap();
/// std::fs::write(dir.join("a.txt"), "First story.").unwrap();
/// let docs = corroborate::load_path(&dir).unwrap();
/// let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
/// assert_eq!(ids, ["a", "b"]);
///
/// let err = corroborate::load_path(dir.join("missing.txt")).unwrap_err();
/// assert!(err.to_string().contains("missing.txt"));
/// ```
pub fn load_path(path: impl AsRef<Path>) -> Result<Vec<DocumentInput>, Error> {
    let path = path.as_ref();
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(&shown, e))?;
    if meta.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| Error::io(&shown, e))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && article_format(p).is_some())
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(Error::new(ErrorKind::UnsupportedInput {
                input: shown,
                message: "the directory holds no .txt, .html or .htm files".into(),
            }));
        }
        return files.iter().map(|f| load_file(f)).collect();
    }
    if is_manifest(path) {
        return load_manifest(path);
    }
    Ok(vec![load_file(path)?])
}

fn is_manifest(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase());
    name.is_some_and(|n| n.ends_with(".jsonl") || n.ends_with(".jsonl.gz"))
}

/// `Some(true)` for HTML files, `Some(false)` for text files, `None` for anything else.
fn article_format(path: &Path) -> Option<bool> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(false),
        "html" | "htm" | "xhtml" => Some(true),
        _ => None,
    }
}

fn load_file(path: &Path) -> Result<DocumentInput, Error> {
    let shown = path.display().to_string();
    let Some(is_html) = article_format(path) else {
        return Err(Error::new(ErrorKind::UnsupportedInput {
            input: shown,
            message: "not an article file: expected .txt, .html, .htm or a .jsonl manifest".into(),
        }));
    };
    let bytes = std::fs::read(path).map_err(|e| Error::io(&shown, e))?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    let content = if is_html {
        Content::Html(bytes)
    } else {
        Content::Text(decode_utf8(&shown, bytes)?)
    };
    let mut doc = DocumentInput::new(id, content);
    doc.origin = Some(shown);
    Ok(doc)
}

/// Validates UTF-8, naming the input and the offset of the first bad byte.
pub(crate) fn decode_utf8(input: &str, bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| {
        Error::new(ErrorKind::InvalidUtf8 {
            input: input.to_string(),
            offset: e.utf8_error().valid_up_to(),
        })
    })
}

fn load_manifest(path: &Path) -> Result<Vec<DocumentInput>, Error> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::io(&shown, e))?;
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        gunzip(&shown, &bytes)?
    } else {
        bytes
    };
    let text = decode_utf8(&shown, bytes)?;
    parse_manifest(&text, path.parent().unwrap_or(Path::new(".")), &shown)
}

fn gunzip(shown: &str, bytes: &[u8]) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .read_to_end(&mut out)
        .map_err(|e| Error::io(shown, e))?;
    Ok(out)
}

/// Reads a JSONL manifest held in memory: one document a line, `path`s relative to
/// `base`; `name` is how errors refer to the manifest.
///
/// ```
/// use std::path::Path;
/// let manifest = r#"{"id": "a", "text": "The port reopened.", "published": "2024-07-16"}"#;
/// let docs = corroborate::parse_manifest(manifest, Path::new("."), "inline").unwrap();
/// assert_eq!(docs[0].published.as_deref(), Some("2024-07-16"));
///
/// let err = corroborate::parse_manifest("{\"id\": 1}\n[", Path::new("."), "m.jsonl").unwrap_err();
/// assert_eq!(err.to_string(), "m.jsonl:1: missing \"path\" or \"text\"");
/// ```
pub fn parse_manifest(text: &str, base: &Path, name: &str) -> Result<Vec<DocumentInput>, Error> {
    let shown = name.to_string();
    let mut docs = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |message: String| {
            Error::new(ErrorKind::Manifest {
                input: shown.clone(),
                line: index + 1,
                message,
            })
        };
        let value: Value =
            serde_json::from_str(line).map_err(|e| at(format!("invalid JSON: {e}")))?;
        let Value::Object(fields) = value else {
            return Err(at("expected a JSON object".into()));
        };
        docs.push(manifest_document(
            &fields,
            base,
            &at,
            &format!("{shown}:{}", index + 1),
        )?);
    }
    if docs.is_empty() {
        return Err(Error::new(ErrorKind::UnsupportedInput {
            input: shown,
            message: "the manifest lists no documents".into(),
        }));
    }
    Ok(docs)
}

/// A string field of a manifest line; `null` and absence are both `None`.
fn string_field(
    fields: &Map<String, Value>,
    name: &str,
    at: &dyn Fn(String) -> Error,
) -> Result<Option<String>, Error> {
    match fields.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) if name == "id" => Ok(Some(n.to_string())),
        Some(other) => Err(at(format!(
            "field {name:?} must be a string, found {}",
            json_type(other)
        ))),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn manifest_document(
    fields: &Map<String, Value>,
    base: &Path,
    at: &dyn Fn(String) -> Error,
    origin: &str,
) -> Result<DocumentInput, Error> {
    let path = string_field(fields, "path", at)?;
    let text = string_field(fields, "text", at)?;
    let format = string_field(fields, "format", at)?;
    let declared_html = match format.as_deref() {
        None => None,
        Some("text") => Some(false),
        Some("html") => Some(true),
        Some(other) => {
            return Err(at(format!(
                "field \"format\" must be \"text\" or \"html\", found {other:?}"
            )));
        }
    };
    let (content, id_default, origin) = match (path, text) {
        (Some(_), Some(_)) => return Err(at("give either \"path\" or \"text\", not both".into())),
        (None, None) => return Err(at("missing \"path\" or \"text\"".into())),
        (Some(p), None) => {
            let full = base.join(&p);
            let shown = full.display().to_string();
            let bytes =
                std::fs::read(&full).map_err(|e| at(format!("cannot read {shown}: {e}")))?;
            let is_html = declared_html
                .or_else(|| article_format(&full).filter(|&h| h))
                .unwrap_or_else(|| crate::html::looks_like_html(&bytes));
            let content = if is_html {
                Content::Html(bytes)
            } else {
                Content::Text(decode_utf8(&shown, bytes)?)
            };
            let stem = Path::new(&p)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or(p);
            (content, stem, shown)
        }
        (None, Some(t)) => {
            let is_html =
                declared_html.unwrap_or_else(|| crate::html::looks_like_html(t.as_bytes()));
            let content = if is_html {
                Content::Html(t.into_bytes())
            } else {
                Content::Text(t)
            };
            (content, String::new(), origin.to_string())
        }
    };
    let id = match string_field(fields, "id", at)? {
        Some(id) if id.is_empty() => return Err(at("field \"id\" is empty".into())),
        Some(id) => id,
        None if !id_default.is_empty() => id_default,
        None => crate::ids::content_id(match &content {
            Content::Text(t) => t.as_bytes(),
            Content::Html(b) => b,
        }),
    };
    Ok(DocumentInput {
        id,
        content,
        published: string_field(fields, "published", at)?,
        source: string_field(fields, "source", at)?,
        url: string_field(fields, "url", at)?,
        title: string_field(fields, "title", at)?,
        origin: Some(origin),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn gzipped_manifests_are_read() {
        let dir = std::env::temp_dir().join(format!("corroborate-gz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("corpus.jsonl.gz");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \"Two.\"}\n")
            .unwrap();
        std::fs::write(&path, gz.finish().unwrap()).unwrap();
        let ids: Vec<String> = load_path(&path)
            .unwrap()
            .into_iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn manifest_html_is_detected_without_a_format() {
        let docs = parse_manifest(
            r#"{"id": "p", "text": "<!DOCTYPE html><html><body><p>Hi.</p></body></html>"}"#,
            Path::new("."),
            "m",
        )
        .unwrap();
        assert!(matches!(docs[0].content, Content::Html(_)));
    }

    #[test]
    fn manifest_field_types_are_checked() {
        let err =
            parse_manifest(r#"{"text": "x", "format": "pdf"}"#, Path::new("."), "m").unwrap_err();
        assert_eq!(
            err.to_string(),
            "m:1: field \"format\" must be \"text\" or \"html\", found \"pdf\""
        );
        let err = parse_manifest(r#"["x"]"#, Path::new("."), "m").unwrap_err();
        assert_eq!(err.to_string(), "m:1: expected a JSON object");
        let err = parse_manifest(r#"{"id": "", "text": "x"}"#, Path::new("."), "m").unwrap_err();
        assert_eq!(err.to_string(), "m:1: field \"id\" is empty");
    }
}
