//! What a reader asks of the stored events (filters, order, changes since a time) and what a
//! write of new events did: backend-independent types.

use jiff::civil::Date;
use sitrep_model::{EventRecord, Tombstone, distance_km};

/// Filters over stored events; every field left empty matches everything. Text filters match
/// a part of the name, ignoring ASCII case.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// Events that end on or after this day.
    pub from: Option<Date>,
    /// Events that start on or before this day.
    pub to: Option<Date>,
    /// An ISO 3166 alpha-2 code or a country name.
    pub country: Option<String>,
    pub admin1: Option<String>,
    /// West, south, east, north (degrees).
    pub bbox: Option<[f64; 4]>,
    /// Latitude, longitude, radius in kilometres.
    pub near: Option<(f64, f64, f64)>,
    /// Any of these ACLED event types (exact names, ignoring case).
    pub event_types: Vec<String>,
    pub actor: Option<String>,
    pub min_fatalities: Option<u32>,
    pub outlet: Option<String>,
    pub claimant: Option<String>,
    /// Only running totals (`Some(true)`) or only incidents (`Some(false)`).
    pub aggregate: Option<bool>,
    /// Only what changed after this time (RFC 3339); tombstones of that period come too.
    pub since: Option<String>,
    pub sort: Sort,
    pub limit: Option<usize>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// By event id.
    Id,
    /// Oldest first, then by id.
    #[default]
    Date,
    /// Newest first.
    DateDesc,
    /// Most deaths (low figure) first.
    Fatalities,
    /// Least recently changed first: the order of the change feed.
    Updated,
}

/// One item of a query's answer: an event, or (with `since`) an event that is gone.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Event(Box<EventRecord>),
    Removed(Tombstone),
}

/// What writing a new set of events did to the stored ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncSummary {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Gone, their reports now in another event (a tombstone points at it).
    pub merged: u64,
    /// Gone, no event holds their reports now.
    pub removed: u64,
    /// The time written on every change of this sync.
    pub at: String,
}

/// A time as the store writes it: RFC 3339 in UTC with exactly six decimals, so that times
/// compare correctly as text.
pub fn format_time(ts: jiff::Timestamp) -> String {
    format!("{}.{:06}Z", ts.strftime("%Y-%m-%dT%H:%M:%S"), ts.subsec_microsecond())
}

/// Reads a user's `--since`: an RFC 3339 time ("2026-11-21T09:30:00Z", any offset) or a day
/// ("2026-11-21", its start in UTC), into the store's form.
pub fn parse_time(text: &str) -> Result<String, String> {
    let text = text.trim();
    if let Ok(ts) = text.parse::<jiff::Timestamp>() {
        return Ok(format_time(ts));
    }
    if let Ok(day) = text.parse::<Date>() {
        let ts = day.to_zoned(jiff::tz::TimeZone::UTC).map_err(|e| e.to_string())?.timestamp();
        return Ok(format_time(ts));
    }
    Err(format!("'{text}' is not a time: expected e.g. 2026-11-21T09:30:00Z or 2026-11-21"))
}

/// A box holding a circle, for an index lookup before the exact distance: with a 1% margin,
/// longitudes wrapped across the antimeridian (west > east then), and every longitude when the
/// circle reaches a pole.
pub fn circle_box(lat: f64, lon: f64, km: f64) -> [f64; 4] {
    let radius = km / 6371.0 * 1.01;
    let dlat = radius.to_degrees();
    let (south, north) = (lat - dlat, lat + dlat);
    if south <= -90.0 || north >= 90.0 {
        return [-180.0, south.max(-90.0), 180.0, north.min(90.0)];
    }
    let ratio = radius.sin() / lat.to_radians().cos();
    if ratio >= 1.0 {
        return [-180.0, south, 180.0, north];
    }
    let dlon = ratio.asin().to_degrees();
    let wrap = |x: f64| {
        if x > 180.0 {
            x - 360.0
        } else if x < -180.0 {
            x + 360.0
        } else {
            x
        }
    };
    [wrap(lon - dlon), south, wrap(lon + dlon), north]
}

impl EventQuery {
    /// Whether an event passes the filters SQL cannot say exactly (the radius).
    pub fn keeps(&self, event: &EventRecord) -> bool {
        match (self.near, event.location.lat, event.location.lon) {
            (Some((lat, lon, km)), Some(elat), Some(elon)) => distance_km(lat, lon, elat, elon) <= km,
            (Some(_), _, _) => false,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_have_one_width_and_accept_days_and_offsets() {
        assert_eq!(parse_time("2026-11-21").unwrap(), "2026-11-21T00:00:00.000000Z");
        assert_eq!(parse_time("2026-11-21T10:30:00+02:00").unwrap(), "2026-11-21T08:30:00.000000Z");
        assert_eq!(parse_time("2026-11-21T08:30:00.5Z").unwrap(), "2026-11-21T08:30:00.500000Z");
        assert!(parse_time("yesterday").unwrap_err().contains("'yesterday' is not a time"));
    }

    #[test]
    fn distance_and_box() {
        // One degree of latitude is about 111 km.
        assert!((distance_km(10.0, 20.0, 11.0, 20.0) - 111.2).abs() < 0.5);
        let [w, s, e, n] = circle_box(60.0, 10.0, 111.0);
        assert!((n - s - 2.0).abs() < 0.05 && (e - w - 4.0).abs() < 0.1);
        // Across the antimeridian the box wraps; at a pole it takes every longitude.
        let [w, _, e, _] = circle_box(-16.8, 179.9, 100.0);
        assert!(w > 0.0 && e < 0.0);
        assert_eq!(circle_box(89.5, 0.0, 200.0)[0], -180.0);
    }
}
