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

/// One place per name in a document: a name the document places once ("HOBART, Okla.",
/// "Brownsville, Tennessee") has that context wherever else it stands alone ("Hobart police
/// said"), so that both resolve, or fall back, alike.
fn share_contexts(reports: &mut [Report]) {
    let mut placed: std::collections::HashMap<(String, Option<String>), Vec<String>> = Default::default();
    for m in reports.iter().flat_map(|r| &r.place_mentions).filter(|m| !m.context.is_empty()) {
        placed.entry((key::exact(&m.name), m.feature.clone())).or_insert_with(|| m.context.clone());
    }
    for m in reports.iter_mut().flat_map(|r| &mut r.place_mentions).filter(|m| m.context.is_empty()) {
        if let Some(context) = placed.get(&(key::exact(&m.name), m.feature.clone())) {
            m.context = context.clone();
        }
    }
}

/// A report with the location its place mentions resolved to, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct LocatedReport {
    pub report: Report,
    pub location: Option<Location>,
}

/// Resolves the place mentions of one document's reports (together: they share a country focus).
/// A mention the text gave no kind that names a state, a province or a country ("LEXINGTON,
/// Ky."; "in Kentucky") is marked an admin area: two reports naming the same state are not
/// thereby in the same town.
pub fn geocode(gazetteer: &Gazetteer, mut reports: Vec<Report>) -> Vec<LocatedReport> {
    share_contexts(&mut reports);
    let focus = resolution::Focus::of(gazetteer, &reports);
    let home = resolution::home(gazetteer, &focus);
    reports
        .into_iter()
        .map(|mut report| {
            let own = resolution::locate_report(gazetteer, &report, &focus);
            let location = resolution::in_home(own, home.as_ref());
            for m in report.place_mentions.iter_mut().filter(|m| m.feature.is_none()) {
                if resolution::names_area(gazetteer, m, &focus) {
                    m.feature = Some("admin".into());
                }
            }
            LocatedReport { report, location }
        })
        .collect()
}
