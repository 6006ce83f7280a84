//! The pipeline wired end to end: sources → ingest → store, then annotate → extract → geocode →
//! resolve → store. Each stage is its crate's public call; this module only moves data between
//! them in batches and keeps count.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use indicatif::ProgressBar;
use sitrep_annotate::Annotations;
use sitrep_geo::LocatedReport;
use sitrep_ingest::dedup::{NEAR_DUPLICATE_JACCARD, Signature};
use sitrep_ingest::{IngestOptions, InputError};
use sitrep_model::{Document, NearDuplicate, Report, SourceCitation};
use sitrep_store::{NewDocument, PutOutcome, Store, StoreError, SyncSummary};

/// Documents written per transaction: a crash loses at most this many.
pub const BATCH: usize = 256;

/// What one ingest run did.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub read: u64,
    pub inserted: u64,
    pub unchanged: u64,
    pub updated: u64,
    pub near_duplicates: u64,
    pub failures: Vec<InputError>,
    /// Documents stored with a warning (no article text).
    pub warnings: u64,
    pub interrupted: bool,
    pub bytes: u64,
}

/// Reads every path into the store. Input errors and documents stored with a problem are
/// reported on stderr as they happen and counted; only a store error stops the run.
pub fn ingest(
    store: &mut dyn Store,
    paths: &[PathBuf],
    options: &IngestOptions,
    progress: &ProgressBar,
    stop: &AtomicBool,
) -> Result<IngestReport, StoreError> {
    let mut report = IngestReport::default();
    let mut batch: Vec<NewDocument> = Vec::with_capacity(BATCH);
    for item in sitrep_ingest::read_sources(paths, options) {
        if stop.load(Ordering::Relaxed) {
            report.interrupted = true;
            break;
        }
        let document = item.and_then(sitrep_ingest::process);
        let document = match document {
            Ok(d) => d,
            Err(e) => {
                progress.suspend(|| eprintln!("error: {e}"));
                report.failures.push(e);
                continue;
            }
        };
        report.read += 1;
        report.bytes += document.text.len() as u64;
        if let Some(warning) = sitrep_ingest::emptiness_warning(&document) {
            report.warnings += 1;
            progress.suspend(|| eprintln!("warning: {}: {warning}", document.source.describe()));
        }
        progress.inc(1);
        if store.content_hash(&document.id)?.as_deref() == Some(document.content_hash.as_str()) {
            report.unchanged += 1;
            continue;
        }
        let signature = Signature::of(&document.text);
        let band_keys = signature.as_ref().map(Signature::band_keys).unwrap_or_default();
        let mut new = NewDocument { signature: signature.as_ref().map(Signature::to_bytes), band_keys, document };
        if let Some(signature) = &signature {
            new.document.near_duplicate_of = first_copy(store, &batch, &new, signature)?;
        }
        batch.push(new);
        if batch.len() >= BATCH {
            flush(store, &mut batch, &mut report)?;
        }
    }
    flush(store, &mut batch, &mut report)?;
    Ok(report)
}

/// The earliest stored (or batched) document this one nearly copies.
fn first_copy(
    store: &dyn Store,
    batch: &[NewDocument],
    new: &NewDocument,
    signature: &Signature,
) -> Result<Option<NearDuplicate>, StoreError> {
    let mut best: Option<NearDuplicate> = None;
    let mut consider = |id: &str, bytes: &[u8]| {
        if id == new.document.id {
            return;
        }
        let Some(other) = Signature::from_bytes(bytes) else { return };
        let similarity = signature.similarity(&other);
        if similarity >= NEAR_DUPLICATE_JACCARD && best.as_ref().is_none_or(|b| similarity > b.similarity) {
            best = Some(NearDuplicate { document_id: id.to_owned(), similarity });
        }
    };
    for (id, bytes) in store.duplicate_candidates(&new.band_keys)? {
        consider(&id, &bytes);
    }
    for earlier in batch {
        if earlier.band_keys.iter().any(|k| new.band_keys.contains(k))
            && let Some(bytes) = &earlier.signature
        {
            consider(&earlier.document.id, bytes);
        }
    }
    // A copy of a copy points at the first copy.
    if let Some(found) = &mut best
        && let Some(first) = store.document(&found.document_id)?.and_then(|d| d.near_duplicate_of)
    {
        found.document_id = first.document_id;
    }
    Ok(best)
}

fn flush(store: &mut dyn Store, batch: &mut Vec<NewDocument>, report: &mut IngestReport) -> Result<(), StoreError> {
    if batch.is_empty() {
        return Ok(());
    }
    for (new, outcome) in batch.iter().zip(store.put_documents(batch)?) {
        match outcome {
            PutOutcome::Inserted => report.inserted += 1,
            PutOutcome::Unchanged => report.unchanged += 1,
            PutOutcome::Updated => report.updated += 1,
        }
        if outcome != PutOutcome::Unchanged && new.document.near_duplicate_of.is_some() {
            report.near_duplicates += 1;
        }
    }
    batch.clear();
    Ok(())
}

/// Annotates a document and extracts its reports. A panic there (a bug) becomes this
/// document's error, so that the other documents carry on.
pub fn analyse(document: &Document) -> Result<(Annotations, Vec<Report>), String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let annotations = sitrep_annotate::annotate(document);
        let reports = sitrep_extract::extract(document, &annotations);
        (annotations, reports)
    }))
    .map_err(|panic| {
        let message = sitrep_ingest::panic_message(&panic);
        format!("{}: internal error while extracting: {message} (please report)", document.id)
    })
}

/// Which build of sitrep made a document's reports: its version and the executable's size and
/// modification time, so that a rebuilt binary (new rules, new lexicons) reads every document
/// again while the same binary never does twice.
fn build_key() -> String {
    let exe = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok());
    let stamp = exe.map(|m| {
        let modified = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        format!("{}-{}", m.len(), modified.map_or(0, |d| d.as_nanos()))
    });
    format!("{}+{}", env!("CARGO_PKG_VERSION"), stamp.unwrap_or_default())
}

/// How resolve cites a document.
pub fn source_document(document: &Document) -> sitrep_resolve::SourceDocument {
    sitrep_resolve::SourceDocument {
        citation: SourceCitation {
            document_id: document.id.clone(),
            outlet: document.outlet.clone(),
            url: document.url.clone(),
            published: document.published.as_ref().map(|p| p.iso()),
            title: document.title.clone(),
            copy_of: document.near_duplicate_of.as_ref().map(|n| n.document_id.clone()),
        },
        published: document.published.as_ref().map(|p| p.date),
    }
}

/// Runs the stages after ingest over every stored document, in the order the documents
/// arrived, and stores the resulting events as changes; returns the located reports the events
/// were made of (evaluation reads their claims) and what changed among the stored events. A document whose reports this build already stored is
/// not read again: only new and changed documents are annotated and extracted.
pub fn process(
    store: &mut dyn Store,
    gazetteer: &sitrep_geo::Gazetteer,
) -> Result<(Vec<LocatedReport>, SyncSummary), StoreError> {
    let build = build_key();
    let mut located = Vec::new();
    let mut resolver = sitrep_resolve::Resolver::new();
    let mut fresh: Vec<(String, String, Vec<Report>)> = Vec::new();
    for id in store.arrival_order()? {
        let Some(document) = store.document(&id)? else { continue };
        let reports = match store.reports(&id)? {
            Some((made_by, reports)) if made_by == build => reports,
            _ => match analyse(&document) {
                Ok((_, reports)) => {
                    fresh.push((id.clone(), build.clone(), reports.clone()));
                    reports
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    continue;
                }
            },
        };
        if fresh.len() >= BATCH {
            store.put_reports(&fresh)?;
            fresh.clear();
        }
        let reports = sitrep_geo::geocode(gazetteer, reports);
        resolver.add(source_document(&document), &document.text, reports.clone());
        located.extend(reports);
    }
    store.put_reports(&fresh)?;
    let changes = store.sync_events(&resolver.events())?;
    Ok((located, changes))
}
