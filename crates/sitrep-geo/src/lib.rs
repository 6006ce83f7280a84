//! Geocode: resolves a report's place mentions against a gazetteer to places with admin
//! hierarchy, coordinates and precision codes, and picks each report's location.
//!
//! `gazetteer` holds the places (an embedded default from GeoNames' cities of 1,000 people or
//! more, their admin areas and every country, or one imported from GeoNames files by `import`
//! into an `index` read in place); `key` the name keys under which spellings meet; `resolution`
//! the choice among candidates and the precision codes.
//!
//! Not here: finding place mentions in text (annotate did), clustering (resolve does).

pub mod gazetteer;
pub mod import;
pub mod index;
pub mod key;
pub mod resolution;

use sitrep_model::{Location, Report};

pub use gazetteer::Gazetteer;

/// A report with the location its place mentions resolved to, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct LocatedReport {
    pub report: Report,
    pub location: Option<Location>,
}

/// Resolves the place mentions of one document's reports (together: they share a country focus).
pub fn geocode(gazetteer: &Gazetteer, reports: Vec<Report>) -> Vec<LocatedReport> {
    let focus = resolution::Focus::of(gazetteer, &reports);
    reports
        .into_iter()
        .map(|report| {
            let location = resolution::locate_report(gazetteer, &report, &focus);
            LocatedReport { report, location }
        })
        .collect()
}
