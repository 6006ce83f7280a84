//! GeoJSON (RFC 7946): a FeatureCollection of points, longitude first, with the event's main
//! fields as flat properties (QGIS shows them as attribute columns), precision codes included
//! so that a map can tell a town's point from a province's centroid. An event with no point
//! has a null geometry, as the RFC allows; so has a tombstone, with `deleted: true`.

use std::io::Write;

use serde_json::{Value, json};
use sitrep_model::{EventRecord, Tombstone};

use crate::{ExportError, Output, Sink, outlets};

pub struct GeoJson {
    out: Output,
    first: bool,
}

impl GeoJson {
    pub fn new(mut out: Output) -> Result<GeoJson, ExportError> {
        out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
        Ok(GeoJson { out, first: true })
    }

    fn feature(&mut self, geometry: Value, properties: Value) -> Result<(), ExportError> {
        self.out.write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        serde_json::to_writer(
            &mut self.out,
            &json!({"type": "Feature", "geometry": geometry, "properties": properties}),
        )?;
        Ok(())
    }
}

fn properties(e: &EventRecord) -> Value {
    let l = &e.location;
    json!({
        "event_id": e.event_id,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "disorder_type": e.disorder_type,
        "aggregate": e.aggregate,
        "date_start": e.date_start,
        "date_end": e.date_end,
        "date_precision": e.date_precision,
        "location": l.name,
        "admin1": l.admin1,
        "admin2": l.admin2,
        "country": l.country,
        "iso2": l.iso2,
        "geonames_id": l.geonames_id,
        "geo_precision": l.geo_precision,
        "where_prec": l.where_prec,
        "actor1": e.actor("actor1").map(|a| &a.name),
        "actor2": e.actor("actor2").map(|a| &a.name),
        "fatalities_low": e.fatalities.low,
        "fatalities_best": e.fatalities.best,
        "fatalities_high": e.fatalities.high,
        "injuries_best": e.injuries.best,
        "n_documents": e.n_documents,
        "n_outlets": e.n_outlets,
        "sources": outlets(e),
        "flags": e.flags.join("; "),
        "version": e.version,
        "updated": e.updated,
    })
}

impl Sink for GeoJson {
    fn event(&mut self, e: &EventRecord) -> Result<(), ExportError> {
        let geometry = match (e.location.lon, e.location.lat) {
            (Some(lon), Some(lat)) => json!({"type": "Point", "coordinates": [lon, lat]}),
            _ => Value::Null,
        };
        self.feature(geometry, properties(e))
    }

    fn removed(&mut self, t: &Tombstone) -> Result<(), ExportError> {
        self.feature(Value::Null, serde_json::to_value(t)?)
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.out.write_all(b"\n]}\n")?;
        Ok(self.out.flush()?)
    }
}
