//! The store: documents, their cleaning record, near-duplicate keys, and the events made of
//! them, behind one interface (`Store`) that SQLite implements here and PostgreSQL will too.
//!
//! Ingest is idempotent: storing a document whose id and content hash are already stored
//! changes nothing. Writes go in batches, one transaction each, so a crash or Ctrl-C loses at
//! most the batch in flight and leaves the database consistent.
//!
//! Not here: deciding what is a duplicate or an event (ingest and resolve do); the store keeps
//! what they decided.

mod query;
mod schema;
mod sqlite;
mod sqlite_events;

pub use query::{Change, EventQuery, Sort, SyncSummary, format_time, parse_time};
pub use sqlite::SqliteStore;

use sitrep_model::{Document, EventRecord, Report};

/// What a reader of the event stream may fail with (a full disk, a closed pipe).
pub type SinkError = Box<dyn std::error::Error + Send + Sync>;

/// What storing one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    Inserted,
    /// Same id, same content: nothing written.
    Unchanged,
    /// Same id, new content: the stored copy was replaced.
    Updated,
}

/// A document ready to be stored, with what near-duplicate lookup needs.
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub document: Document,
    /// MinHash signature bytes, when the text is long enough to have one.
    pub signature: Option<Vec<u8>>,
    pub band_keys: Vec<i64>,
}

/// How much the store holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub documents: u64,
    pub near_duplicates: u64,
    pub events: u64,
}

/// A short line about a stored document, for listings.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentSummary {
    pub id: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub language: Option<String>,
    pub chars: u64,
    pub near_duplicate_of: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("database {path} was written by a newer sitrep (schema version {found}, this one knows {known})")]
    TooNew { path: String, found: i64, known: i64 },
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("database: stored record is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The reader given to `each_event` failed; the message is its own.
    #[error("{0}")]
    Sink(SinkError),
}

/// What every store backend offers.
pub trait Store {
    /// The content hash stored for a document id, if the id is stored.
    fn content_hash(&self, id: &str) -> Result<Option<String>, StoreError>;

    /// Documents that share a band key with these: (id, signature bytes).
    fn duplicate_candidates(&self, band_keys: &[i64]) -> Result<Vec<(String, Vec<u8>)>, StoreError>;

    /// Stores a batch in one transaction.
    fn put_documents(&mut self, batch: &[NewDocument]) -> Result<Vec<PutOutcome>, StoreError>;

    fn document(&self, id: &str) -> Result<Option<Document>, StoreError>;

    /// Every stored document, in id order.
    fn documents(&self) -> Result<Vec<DocumentSummary>, StoreError>;

    /// Every stored document id, in the order the documents arrived (an updated document
    /// arrives again). Resolution goes in this order, so that events keep their ids as new
    /// documents come.
    fn arrival_order(&self) -> Result<Vec<String>, StoreError>;

    /// A document's stored reports and the extractor that made them.
    fn reports(&self, document_id: &str) -> Result<Option<(String, Vec<Report>)>, StoreError>;

    /// Stores (document id, extractor, reports) triples in one transaction, replacing earlier ones.
    fn put_reports(&mut self, batch: &[(String, String, Vec<Report>)]) -> Result<(), StoreError>;

    /// Pairs (copy, first copy, similarity) found so far.
    fn near_duplicates(&self) -> Result<Vec<(String, String, f64)>, StoreError>;

    /// Makes these the stored events, in one transaction, as changes: unchanged events keep
    /// their version and times, changed ones get a new version, vanished ones leave a
    /// tombstone (see `sqlite_events::sync`).
    fn sync_events(&mut self, events: &[EventRecord]) -> Result<SyncSummary, StoreError>;

    /// Streams the events a query selects (and, with `since`, the tombstones) to `sink`.
    fn each_event(
        &self,
        query: &EventQuery,
        sink: &mut dyn FnMut(Change) -> Result<(), SinkError>,
    ) -> Result<(), StoreError>;

    /// The time of the latest change to the events (an update or a removal): what a reader
    /// passes as `since` next time to get only what changed after this read.
    fn last_change(&self) -> Result<Option<String>, StoreError>;

    /// Every stored event, in id order.
    fn events(&self) -> Result<Vec<EventRecord>, StoreError> {
        let mut out = Vec::new();
        self.each_event(&EventQuery { sort: Sort::Id, ..EventQuery::default() }, &mut |change| {
            if let Change::Event(event) = change {
                out.push(*event);
            }
            Ok(())
        })?;
        Ok(out)
    }

    fn counts(&self) -> Result<Counts, StoreError>;
}
