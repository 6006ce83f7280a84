//! Ingest: sources → `Document`s.
//!
//! Reads plain text (with an optional metadata header or dateline), HTML pages, JSON Lines,
//! WARC(.gz) crawls and RSS/Atom feeds, from files, directories or standard input, all streamed
//! record by record; decodes legacy encodings; extracts an HTML page's main text; then cleans
//! the text (`clean`) and computes what near-duplicate detection needs (`dedup`).
//!
//! Not here: storing documents (the `store` crate decides what is new), and anything that reads
//! the text for meaning (annotate and later stages).

pub mod clean;
pub mod dates;
pub mod dedup;
mod encoding;
mod error;
pub mod formats;
mod lexicon;
mod reader;
mod sources;

pub use error::InputError;
pub use formats::RawDocument;
pub use sources::{FieldMap, Format, IngestOptions, read_sources};

use sitrep_model::Document;

/// Cleans a raw document into a `Document`: the one call between reading and storing.
///
/// A panic inside a parser or cleaning step (a bug) is caught here and reported as an error of
/// this input, so that the other inputs carry on.
pub fn process(raw: RawDocument) -> Result<Document, InputError> {
    let input = raw.source.describe();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| clean::clean(raw))).map_err(|panic| {
        InputError::new(input, format!("internal error while cleaning: {} (please report)", panic_message(&panic)))
    })
}

/// A document without article text deserves a warning: why, if it can be told.
pub fn emptiness_warning(document: &Document) -> Option<String> {
    if !document.text.trim().is_empty() {
        return None;
    }
    Some(if document.dropped.is_empty() && document.embedded.is_empty() {
        "no article text found; stored without text".to_owned()
    } else {
        format!(
            "no article text left after cleaning ({} segments dropped); stored without text",
            document.dropped.len()
        )
    })
}

/// The message a panic carried, for reporting it as an input's error.
pub fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}
