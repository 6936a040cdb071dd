//! The builder handle: collects documents and settings, then builds a ledger.

use corroborate::{Content, DocumentInput, Error, ErrorKind, LedgerBuilder};

use crate::error::{Failure, boundary, corroborate_status, infallible};
use crate::ledger::corroborate_ledger;
use crate::ptr::{free_box, handle_mut, into_raw};
use crate::strings::corroborate_str;

/// Collects documents for one ledger. Opaque; made by `corroborate_builder_new`, released
/// by `corroborate_builder_free`.
///
/// Thread safety: not synchronized. Use one builder from one thread at a time; it may be
/// handed from one thread to another between calls.
#[derive(Debug)]
pub struct corroborate_builder {
    documents: Vec<DocumentInput>,
    failed_inputs: Vec<(String, Error)>,
    published: Option<String>,
    keep_going: bool,
    max_document_bytes: usize,
}

impl Default for corroborate_builder {
    fn default() -> corroborate_builder {
        corroborate_builder {
            documents: Vec::new(),
            failed_inputs: Vec::new(),
            published: None,
            keep_going: false,
            max_document_bytes: corroborate::DEFAULT_MAX_DOCUMENT_BYTES,
        }
    }
}

/// One document to add with `corroborate_builder_add_document`.
///
/// Every string is borrowed only for the duration of the call (the library copies it).
/// Zero-initialize the struct and fill in what you have: NULL optional fields are absent.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct corroborate_document_input {
    /// Required, non-empty, UTF-8, unique within the ledger.
    pub id: corroborate_str,
    /// Required and non-empty. UTF-8 text; with `html` set, the raw bytes of a web page
    /// in any encoding it declares.
    pub text: corroborate_str,
    /// The text is a web page whose article body is to be extracted.
    pub html: bool,
    /// Optional publication date `YYYY-MM-DD` (checked when the ledger is built).
    pub published: corroborate_str,
    /// Optional outlet name.
    pub source: corroborate_str,
    /// Optional page address.
    pub url: corroborate_str,
    /// Optional headline.
    pub title: corroborate_str,
}

impl corroborate_document_input {
    /// Copies and checks the caller's document.
    ///
    /// # Safety
    ///
    /// Every non-NULL string points to `len` readable bytes for the call.
    unsafe fn to_document(self) -> Result<DocumentInput, Failure> {
        // SAFETY: the caller's promise covers each field (see the function's contract).
        let id = unsafe { self.id.required_text("document id") }?;
        if id.is_empty() {
            return Err(Failure::new(
                corroborate_status::CORROBORATE_INVALID_ARGUMENT,
                "document id is empty",
            ));
        }
        let mut doc = if self.html {
            // SAFETY: as above.
            let bytes = unsafe { self.text.bytes(id) }?.ok_or_else(|| Failure::null("text"))?;
            DocumentInput::html(id, bytes)
        } else {
            // SAFETY: as above.
            DocumentInput::text(id, unsafe { self.text.required_text(id) }?)
        };
        let empty = match &doc.content {
            Content::Text(text) => text.is_empty(),
            Content::Html(bytes) => bytes.is_empty(),
        };
        if empty {
            return Err(Error::new(ErrorKind::EmptyDocument { input: id.into() }).into());
        }
        let optional = |field: corroborate_str, name: &str| {
            // SAFETY: as above.
            unsafe { field.text(&format!("{id}: {name}")) }.map(|t| t.map(str::to_string))
        };
        doc.published = optional(self.published, "published")?;
        doc.source = optional(self.source, "source")?;
        doc.url = optional(self.url, "url")?;
        doc.title = optional(self.title, "title")?;
        Ok(doc)
    }
}

/// Makes an empty builder and writes it to `*out` (NULL on failure).
///
/// Thread safety: safe from any thread.
///
/// # Safety
///
/// `out` is NULL or points to writable memory for one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_builder_new(
    out: *mut *mut corroborate_builder,
) -> corroborate_status {
    boundary(|| {
        // SAFETY: the caller promises `out` is NULL or a writable pointer slot.
        let out = unsafe { crate::ptr::out(out, "out") }?;
        *out = into_raw(corroborate_builder::default());
        Ok(())
    })
}

/// Releases a builder and every document it holds. NULL does nothing.
///
/// Thread safety: no other call may be using this builder.
///
/// # Safety
///
/// `builder` is NULL or came from `corroborate_builder_new` and was not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_builder_free(builder: *mut corroborate_builder) {
    // SAFETY: the caller promises `builder` is NULL or a live handle freed only here.
    infallible((), || unsafe { free_box(builder) })
}

/// Adds one document (the library copies it). Fails on a NULL or empty id, NULL or empty
/// text, text that is not UTF-8 (unless `html` is set), or optional fields that are not UTF-8.
///
/// Thread safety: no other call may be using this builder.
///
/// # Safety
///
/// `builder` is NULL or a live builder; `document` is NULL or points to a
/// `corroborate_document_input` whose non-NULL strings point to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_builder_add_document(
    builder: *mut corroborate_builder,
    document: *const corroborate_document_input,
) -> corroborate_status {
    boundary(|| {
        // SAFETY: the caller promises a live builder used by no one else during the call.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        // SAFETY: the caller promises `document` is NULL or a readable input struct.
        let document = unsafe { crate::ptr::handle(document, "document") }?;
        // SAFETY: the caller promises the struct's strings are readable for the call.
        let document = unsafe { document.to_document() }?;
        builder.documents.push(document);
        Ok(())
    })
}

/// Adds the documents a path names, read exactly as the `corroborate` command reads
/// them: an article file (`.txt`, `.html`, `.htm`; its id is the file name without the
/// extension), a directory of them, or a `.jsonl` manifest. With keep-going on, a path
/// that cannot be read is recorded in the ledger's `failures` and this returns OK.
///
/// Thread safety: no other call may be using this builder.
///
/// # Safety
///
/// `builder` is NULL or a live builder; `path` is NULL or points to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_builder_add_path(
    builder: *mut corroborate_builder,
    path: corroborate_str,
) -> corroborate_status {
    boundary(|| {
        // SAFETY: the caller promises a live builder used by no one else during the call.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        // SAFETY: the caller promises `path` is readable for the call.
        let path = unsafe { path.required_text("path") }?;
        match corroborate::load_path(path) {
            Ok(documents) => builder.documents.extend(documents),
            Err(error) if builder.keep_going => builder.failed_inputs.push((path.into(), error)),
            Err(error) => return Err(error.into()),
        }
        Ok(())
    })
}

/// Sets the publication date (`YYYY-MM-DD`) for documents that give none; NULL unsets
/// it. The date is checked when the ledger is built.
///
/// Thread safety: no other call may be using this builder.
///
/// # Safety
///
/// `builder` is NULL or a live builder; `date` is NULL or points to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_builder_set_published(
    builder: *mut corroborate_builder,
    date: corroborate_str,
) -> corroborate_status {
    boundary(|| {
        // SAFETY: the caller promises a live builder used by no one else during the call.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        // SAFETY: the caller promises `date` is readable for the call.
        builder.published = unsafe { date.text("published date") }?.map(str::to_string);
        Ok(())
    })
}

/// With `true`, documents that cannot be read are listed in the ledger's `failures`
/// instead of failing the build (default `false`).
///
/// Thread safety: no other call may be using this builder.
///
/// # Safety
///
/// `builder` is NULL or a live builder.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_builder_set_keep_going(
    builder: *mut corroborate_builder,
    keep_going: bool,
) -> corroborate_status {
    boundary(|| {
        // SAFETY: the caller promises a live builder used by no one else during the call.
        unsafe { handle_mut(builder, "builder") }?.keep_going = keep_going;
        Ok(())
    })
}

/// The largest document accepted, in bytes (default 64 MiB); a larger one fails with
/// `CORROBORATE_TOO_LARGE`.
///
/// Thread safety: no other call may be using this builder.
///
/// # Safety
///
/// `builder` is NULL or a live builder.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_builder_set_max_document_bytes(
    builder: *mut corroborate_builder,
    max_bytes: usize,
) -> corroborate_status {
    boundary(|| {
        // SAFETY: the caller promises a live builder used by no one else during the call.
        unsafe { handle_mut(builder, "builder") }?.max_document_bytes = max_bytes;
        Ok(())
    })
}

/// Builds the ledger of the documents added so far and writes it to `*out` (NULL on
/// failure). The documents move into the ledger, success or not: the builder is left
/// empty, keeps its settings, and must still be freed.
///
/// Thread safety: no other call may be using this builder. The work inside is spread
/// over the library's own worker threads.
///
/// # Safety
///
/// `builder` is NULL or a live builder; `out` is NULL or points to writable memory for
/// one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn corroborate_builder_build(
    builder: *mut corroborate_builder,
    out: *mut *mut corroborate_ledger,
) -> corroborate_status {
    boundary(|| {
        // SAFETY: the caller promises `out` is NULL or a writable pointer slot.
        let out = unsafe { crate::ptr::out(out, "out") }?;
        *out = std::ptr::null_mut();
        // SAFETY: the caller promises a live builder used by no one else during the call.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        let mut core = LedgerBuilder::new()
            .keep_going(builder.keep_going)
            .max_document_bytes(builder.max_document_bytes)
            .documents(std::mem::take(&mut builder.documents));
        for (input, error) in std::mem::take(&mut builder.failed_inputs) {
            core = core.failed_input(input, &error);
        }
        if let Some(date) = &builder.published {
            core = core.published(date);
        }
        *out = into_raw(corroborate_ledger::new(core.build()?));
        Ok(())
    })
}
