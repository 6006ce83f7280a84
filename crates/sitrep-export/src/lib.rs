//! Export: the stored events in the formats analysts load into their own tools — the full
//! event record as JSON Lines, ACLED's and UCDP GED's CSV columns, GeoJSON for GIS, Parquet for
//! dataframes — and, in a change feed (`--since`), the tombstones of events that are gone.
//!
//! Every format streams: a `Sink` takes one event at a time and keeps at most one Parquet row
//! group in memory, so exporting a million events never holds a million events.
//!
//! Not here: choosing the events (the store's query does) or deciding their fields (resolve
//! and geocode do). Formats only arrange what the record already says.

mod acled;
mod columns;
mod geojson;
mod notes;
mod parquet;
mod summary;
mod ucdp;

use std::io::Write;

use sitrep_model::{EventRecord, Tombstone};

pub use acled::ACLED_COLUMNS;
pub use summary::SUMMARY_COLUMNS;
pub use ucdp::UCDP_COLUMNS;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    /// sitrep's own flat CSV (`summary`).
    Csv,
    AcledCsv,
    UcdpCsv,
    Geojson,
    Parquet,
}

impl Format {
    pub const NAMES: [&'static str; 6] = ["jsonl", "csv", "acled-csv", "ucdp-csv", "geojson", "parquet"];

    pub fn parse(name: &str) -> Option<Format> {
        Some(match name {
            "jsonl" => Format::Jsonl,
            "csv" => Format::Csv,
            "acled-csv" => Format::AcledCsv,
            "ucdp-csv" => Format::UcdpCsv,
            "geojson" => Format::Geojson,
            "parquet" => Format::Parquet,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Whether the format has a place for tombstones in its own stream; the others write them
    /// to a separate CSV (`deleted.csv`), as ACLED publishes deleted events apart.
    pub fn carries_tombstones(self) -> bool {
        matches!(self, Format::Jsonl | Format::Geojson)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("writing the export: {0}")]
    Io(#[from] std::io::Error),
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("writing Parquet: {0}")]
    Parquet(#[from] ::parquet::errors::ParquetError),
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{0} has no place for deleted events: give an output file, and they go to a CSV beside it")]
    NoDeletedOutput(&'static str),
}

/// Takes events one at a time and writes them in one format.
pub trait Sink {
    fn event(&mut self, event: &EventRecord) -> Result<(), ExportError>;
    /// An event that is gone (change feeds only).
    fn removed(&mut self, tombstone: &Tombstone) -> Result<(), ExportError>;
    /// Writes what is buffered and the format's closing bytes.
    fn finish(self: Box<Self>) -> Result<(), ExportError>;
}

pub type Output = Box<dyn Write + Send>;

/// A sink for `format` writing to `out`; tombstones go to `deleted` in the formats that do not
/// carry them (an error when it is `None` and one comes).
pub fn sink(format: Format, out: Output, deleted: Option<Output>) -> Result<Box<dyn Sink>, ExportError> {
    let deleted = Deleted::new(deleted, format)?;
    Ok(match format {
        Format::Jsonl => Box::new(Jsonl { out }),
        Format::Csv => Box::new(columns::CsvSink::new(out, summary::row, &SUMMARY_COLUMNS, deleted)?),
        Format::AcledCsv => Box::new(columns::CsvSink::new(out, acled::row, &ACLED_COLUMNS, deleted)?),
        Format::UcdpCsv => Box::new(columns::CsvSink::new(out, ucdp::row, &UCDP_COLUMNS, deleted)?),
        Format::Geojson => Box::new(geojson::GeoJson::new(out)?),
        Format::Parquet => Box::new(parquet::ParquetSink::new(out, deleted)?),
    })
}

/// The full event record, one JSON object per line; a tombstone is a line of its own
/// (`"deleted": true`).
struct Jsonl {
    out: Output,
}

impl Sink for Jsonl {
    fn event(&mut self, event: &EventRecord) -> Result<(), ExportError> {
        serde_json::to_writer(&mut self.out, event)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn removed(&mut self, tombstone: &Tombstone) -> Result<(), ExportError> {
        serde_json::to_writer(&mut self.out, tombstone)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        Ok(self.out.flush()?)
    }
}

/// Where the tabular formats put tombstones: a CSV with ACLED's deleted-events fields
/// (`event_id_cnty`, `deleted_timestamp` in Unix seconds) and sitrep's reason and redirect.
pub(crate) struct Deleted {
    out: Option<csv::Writer<Output>>,
    format: Format,
}

impl Deleted {
    pub const COLUMNS: [&'static str; 5] = ["event_id_cnty", "deleted_timestamp", "reason", "merged_into", "version"];

    /// Writes the header at once, so that a feed with no deletions still has its file.
    fn new(out: Option<Output>, format: Format) -> Result<Deleted, ExportError> {
        let mut out = out.map(csv::Writer::from_writer);
        if let Some(out) = &mut out {
            out.write_record(Self::COLUMNS)?;
        }
        Ok(Deleted { out, format })
    }

    pub fn write(&mut self, t: &Tombstone) -> Result<(), ExportError> {
        let out = self.out.as_mut().ok_or(ExportError::NoDeletedOutput(self.format.name()))?;
        let seconds = unix_seconds(&t.removed).map(|s| s.to_string()).unwrap_or_default();
        out.write_record([
            t.event_id.as_str(),
            &seconds,
            &t.reason,
            t.merged_into.as_deref().unwrap_or(""),
            &t.version.to_string(),
        ])?;
        Ok(())
    }

    pub fn finish(self) -> Result<(), ExportError> {
        if let Some(mut out) = self.out {
            out.flush()?;
        }
        Ok(())
    }
}

/// Seconds since 1970 of an RFC 3339 time (ACLED's `timestamp`).
pub(crate) fn unix_seconds(time: &str) -> Option<i64> {
    time.parse::<jiff::Timestamp>().ok().map(|t| t.as_second())
}

/// The distinct values, in first-seen order, joined with "; " (ACLED joins sources so).
pub(crate) fn joined<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for v in values {
        let v = v.trim();
        if !v.is_empty() && !seen.contains(&v) {
            seen.push(v);
        }
    }
    seen.join("; ")
}

/// The outlets that report an event, a syndicated copy under its own outlet name.
pub(crate) fn outlets(e: &EventRecord) -> String {
    joined(e.sources.iter().map(|s| s.outlet.as_deref().unwrap_or(&s.document_id)))
}

/// Who the figures come from, as the claims name them.
pub(crate) fn claimants(e: &EventRecord) -> String {
    joined(e.claims.iter().map(|c| c.claimant.as_str()))
}

#[cfg(test)]
pub(crate) mod tests {
    use serde_json::json;
    use sitrep_model::EventRecord;

    /// A clash reported by two outlets whose figures disagree.
    pub fn event() -> EventRecord {
        let claim = |value: u32, claimant: &str, doc: &str| {
            json!({"kind": "killed", "value": value, "qualifier": "exact", "category": "all", "claimant": claimant,
                   "aggregate": false, "document_id": doc, "span": {"start": 0, "end": 4}, "quote": "three"})
        };
        serde_json::from_value(json!({
            "event_id": "ev-1", "event_type": "Battles", "sub_event_type": "Armed clash",
            "disorder_type": "Political violence", "aggregate": false, "part_of": [],
            "date_start": "2024-05-02", "date_end": "2024-05-02", "date_precision": 1,
            "location": {"name": "Arnoun", "admin1": "South", "admin2": "Nabatieh", "country": "Lebanon",
                         "iso2": "LB", "lat": 33.32, "lon": 35.52, "geonames_id": 276000,
                         "geo_precision": 1, "where_prec": 1},
            "actors": [{"name": "Military Forces of Lebanon", "role": "actor1", "inter": 1},
                       {"name": "Tanzim al-Jabal", "role": "actor2", "inter": 2}],
            "fatalities": {"low": 3, "best": 3, "high": 5, "state_forces": 1, "armed_group": 2,
                           "civilians": 0, "unknown": 0},
            "injuries": {"low": 2, "best": 2, "high": 2},
            "claims": [claim(3, "Civil Defence", "d1"), claim(5, "Al-Manar", "d2")],
            "sources": [
                {"document_id": "d1", "outlet": "Daily Lantern", "url": "https://lantern.example/a",
                 "published": "2024-05-02", "title": "Three dead in clash"},
                {"document_id": "d2", "outlet": "Wire Service", "url": null, "published": "2024-05-03"}],
            "n_documents": 2, "n_outlets": 2, "flags": ["claims_disagree"],
            "created": "2024-05-02T12:00:00.000000Z", "updated": "2024-05-03T00:00:00.000000Z", "version": 2
        }))
        .unwrap()
    }
}
