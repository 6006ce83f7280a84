//! Extract: assembles a document's annotations into `Report`s, one per incident it describes,
//! each with type, date, place mentions, actors and attributed casualty claims.
//!
//! This stage is not built yet (issue: extraction engine): `extract` finds no reports.

use sitrep_annotate::Annotations;
use sitrep_model::{Document, Report};

/// The incidents a document describes.
pub fn extract(_document: &Document, _annotations: &Annotations) -> Vec<Report> {
    Vec::new()
}
