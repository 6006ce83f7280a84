//! One module per input format, each turning bytes into `RawDocument`s: text with its metadata,
//! before cleaning.

pub mod feed;
pub mod html;
pub mod jsonl;
pub mod text;
pub mod warc;

use sitrep_model::{Published, SourceRef};

/// One record of a multi-document file: a document, or an error naming the record's number.
pub type RecordItem = Result<RawDocument, (u64, String)>;

/// A document as its format gives it: text (an HTML page's main text, already extracted) and
/// whatever metadata the format carried. Cleaning turns it into a `Document`.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDocument {
    /// The id the input gives; `None` lets ingest derive one (file name, URL, content hash).
    pub id: Option<String>,
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Published>,
    /// A publication date string that could not be parsed, kept to report it.
    pub published_raw: Option<String>,
    /// Language the source declares (`<html lang>`), a hint for detection.
    pub language_hint: Option<String>,
    /// Hash of the raw bytes of this record.
    pub raw_hash: String,
    pub source: SourceRef,
}

impl RawDocument {
    pub fn new(text: String, raw: &[u8], source: SourceRef) -> Self {
        RawDocument {
            id: None,
            text,
            title: None,
            url: None,
            outlet: None,
            published: None,
            published_raw: None,
            language_hint: None,
            raw_hash: format!("{:032x}", xxhash_rust::xxh3::xxh3_128(raw)),
            source,
        }
    }

    /// Sets `published` from a date string, keeping the string when it cannot be parsed.
    pub fn set_published(&mut self, raw: Option<&str>) {
        if let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) {
            match crate::dates::parse(raw) {
                Some(p) => self.published = Some(p),
                None => self.published_raw = Some(raw.to_owned()),
            }
        }
    }
}

/// Builds a `RawDocument` from an HTML page: main text and the page's own metadata.
pub fn from_html(page: &str, raw: &[u8], source: SourceRef) -> RawDocument {
    let article = html::extract(page);
    let mut doc = RawDocument::new(article.text, raw, source);
    doc.title = article.title;
    doc.outlet = article.outlet;
    doc.url = article.canonical_url;
    doc.language_hint = article.language;
    doc.set_published(article.published.as_deref());
    doc
}
