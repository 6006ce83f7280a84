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
pub use sources::{read_sources, FieldMap, Format, IngestOptions};

use sitrep_model::Document;

/// Cleans a raw document into a `Document`: the one call between reading and storing.
pub fn process(raw: RawDocument) -> Result<Document, InputError> {
    clean::clean(raw)
}
