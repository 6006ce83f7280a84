//! sitrep's own CSV: one row per event with the fields a spreadsheet user filters and sums on,
//! in sitrep's field names (the JSON record's, flattened); `sitrep events --format csv` writes
//! it too.

use sitrep_model::EventRecord;

use crate::columns::cell;
use crate::outlets;

pub const SUMMARY_COLUMNS: [&str; 26] = [
    "event_id",
    "date_start",
    "date_end",
    "date_precision",
    "event_type",
    "sub_event_type",
    "aggregate",
    "location",
    "admin1",
    "admin2",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "actor1",
    "actor2",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "injuries_best",
    "n_documents",
    "n_outlets",
    "sources",
    "flags",
    "version",
    "updated",
];

pub fn row(e: &EventRecord) -> Vec<String> {
    let l = &e.location;
    vec![
        e.event_id.clone(),
        cell(e.date_start),
        cell(e.date_end),
        cell(e.date_precision),
        cell(e.event_type.as_deref()),
        cell(e.sub_event_type.as_deref()),
        e.aggregate.to_string(),
        cell(l.name.as_deref()),
        cell(l.admin1.as_deref()),
        cell(l.admin2.as_deref()),
        cell(l.country.as_deref()),
        cell(l.lat),
        cell(l.lon),
        cell(l.geo_precision),
        cell(e.actor("actor1").map(|a| &a.name)),
        cell(e.actor("actor2").map(|a| &a.name)),
        e.fatalities.low.to_string(),
        e.fatalities.best.to_string(),
        e.fatalities.high.to_string(),
        e.injuries.best.to_string(),
        e.n_documents.to_string(),
        e.n_outlets.to_string(),
        outlets(e),
        e.flags.join("; "),
        e.version.to_string(),
        cell(e.updated.as_deref()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_cell_per_column() {
        assert_eq!(row(&crate::tests::event()).len(), SUMMARY_COLUMNS.len());
    }
}
