//! Geocode: resolves a report's place mentions against a gazetteer to places with admin
//! hierarchy, coordinates and precision codes.
//!
//! This stage is not built yet (issue: gazetteer and geocoding): `geocode` leaves every report
//! without a location.

use sitrep_model::{Location, Report};

/// A report with the location its place mentions resolved to, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct LocatedReport {
    pub report: Report,
    pub location: Option<Location>,
}

/// Resolves the place mentions of a document's reports.
pub fn geocode(reports: Vec<Report>) -> Vec<LocatedReport> {
    reports.into_iter().map(|report| LocatedReport { report, location: None }).collect()
}
