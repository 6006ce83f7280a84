//! Resolve: clusters located reports from all documents into events, links incidents to the
//! aggregates that contain them, and reconciles claims into figures.
//!
//! This stage is not built yet (issue: event resolution): `resolve` makes no events.

use sitrep_geo::LocatedReport;
use sitrep_model::{EventRecord, SourceCitation};

/// What resolve needs to know of a document to cite it.
pub type CiteDocument<'a> = &'a dyn Fn(&str) -> Option<SourceCitation>;

/// Events from reports.
pub fn resolve(_reports: &[LocatedReport], _cite: CiteDocument) -> Vec<EventRecord> {
    Vec::new()
}
