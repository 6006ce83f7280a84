//! Parquet with typed columns (dates as DATE, times as UTC TIMESTAMP, coordinates as DOUBLE,
//! counts as INT32) for pandas, polars, R arrow and DuckDB; the whole event record rides along
//! as JSON in `record` for the claims and sources. Written in row groups of `ROW_GROUP`
//! events, so memory stays flat whatever the number of events.

use std::io::Write as _;
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use sitrep_model::{EventRecord, Tombstone};

use crate::{Deleted, ExportError, Output, Sink, claimants, outlets};

const ROW_GROUP: usize = 16_384;

/// One cell's value, by physical type; `None` is a null.
enum Val {
    Str(Option<String>),
    I32(Option<i32>),
    I64(Option<i64>),
    F64(Option<f64>),
    Bool(bool),
}

struct Spec {
    name: &'static str,
    /// Parquet's physical type and logical annotation, as the schema language writes them.
    kind: &'static str,
    required: bool,
    value: fn(&EventRecord) -> Val,
}

fn s(v: Option<&str>) -> Val {
    Val::Str(v.map(str::to_owned))
}

fn n(v: u32) -> Val {
    Val::I32(Some(v.min(i32::MAX as u32) as i32))
}

fn small(v: Option<u8>) -> Val {
    Val::I32(v.map(i32::from))
}

/// Days since 1970-01-01, Parquet's DATE.
fn date(d: Option<jiff::civil::Date>) -> Val {
    let epoch = jiff::civil::date(1970, 1, 1);
    Val::I32(d.and_then(|d| epoch.until(d).ok()).map(|span| span.get_days()))
}

/// Microseconds since the epoch, Parquet's TIMESTAMP(MICROS, UTC).
fn micros(t: Option<&str>) -> Val {
    Val::I64(t.and_then(|t| t.parse::<jiff::Timestamp>().ok()).map(|t| t.as_microsecond()))
}

const STRING: &str = "BYTE_ARRAY (STRING)";
const INT: &str = "INT32";

static COLUMNS: &[Spec] = &[
    Spec { name: "event_id", kind: STRING, required: true, value: |e| s(Some(&e.event_id)) },
    Spec { name: "event_type", kind: STRING, required: false, value: |e| s(e.event_type.as_deref()) },
    Spec { name: "sub_event_type", kind: STRING, required: false, value: |e| s(e.sub_event_type.as_deref()) },
    Spec { name: "disorder_type", kind: STRING, required: false, value: |e| s(e.disorder_type.as_deref()) },
    Spec { name: "aggregate", kind: "BOOLEAN", required: true, value: |e| Val::Bool(e.aggregate) },
    Spec {
        name: "part_of",
        kind: STRING,
        required: false,
        value: |e| Val::Str((!e.part_of.is_empty()).then(|| e.part_of.join("; "))),
    },
    Spec { name: "date_start", kind: "INT32 (DATE)", required: false, value: |e| date(e.date_start) },
    Spec { name: "date_end", kind: "INT32 (DATE)", required: false, value: |e| date(e.date_end) },
    Spec { name: "date_precision", kind: INT, required: false, value: |e| small(e.date_precision) },
    Spec { name: "location", kind: STRING, required: false, value: |e| s(e.location.name.as_deref()) },
    Spec { name: "admin1", kind: STRING, required: false, value: |e| s(e.location.admin1.as_deref()) },
    Spec { name: "admin2", kind: STRING, required: false, value: |e| s(e.location.admin2.as_deref()) },
    Spec { name: "country", kind: STRING, required: false, value: |e| s(e.location.country.as_deref()) },
    Spec { name: "iso2", kind: STRING, required: false, value: |e| s(e.location.iso2.as_deref()) },
    Spec { name: "latitude", kind: "DOUBLE", required: false, value: |e| Val::F64(e.location.lat) },
    Spec { name: "longitude", kind: "DOUBLE", required: false, value: |e| Val::F64(e.location.lon) },
    Spec {
        name: "geonames_id",
        kind: "INT64",
        required: false,
        value: |e| Val::I64(e.location.geonames_id.map(|g| g as i64)),
    },
    Spec { name: "geo_precision", kind: INT, required: false, value: |e| small(e.location.geo_precision) },
    Spec { name: "where_prec", kind: INT, required: false, value: |e| small(e.location.where_prec) },
    Spec { name: "actor1", kind: STRING, required: false, value: |e| s(e.actor("actor1").map(|a| a.name.as_str())) },
    Spec { name: "inter1", kind: INT, required: false, value: |e| small(e.actor("actor1").map(|a| a.inter)) },
    Spec { name: "actor2", kind: STRING, required: false, value: |e| s(e.actor("actor2").map(|a| a.name.as_str())) },
    Spec { name: "inter2", kind: INT, required: false, value: |e| small(e.actor("actor2").map(|a| a.inter)) },
    Spec { name: "fatalities_low", kind: INT, required: true, value: |e| n(e.fatalities.low) },
    Spec { name: "fatalities_best", kind: INT, required: true, value: |e| n(e.fatalities.best) },
    Spec { name: "fatalities_high", kind: INT, required: true, value: |e| n(e.fatalities.high) },
    Spec { name: "fatalities_state_forces", kind: INT, required: true, value: |e| n(e.fatalities.state_forces) },
    Spec { name: "fatalities_armed_group", kind: INT, required: true, value: |e| n(e.fatalities.armed_group) },
    Spec { name: "fatalities_civilians", kind: INT, required: true, value: |e| n(e.fatalities.civilians) },
    Spec { name: "fatalities_unknown", kind: INT, required: true, value: |e| n(e.fatalities.unknown) },
    Spec { name: "injuries_low", kind: INT, required: true, value: |e| n(e.injuries.low) },
    Spec { name: "injuries_best", kind: INT, required: true, value: |e| n(e.injuries.best) },
    Spec { name: "injuries_high", kind: INT, required: true, value: |e| n(e.injuries.high) },
    Spec { name: "n_documents", kind: INT, required: true, value: |e| n(e.n_documents) },
    Spec { name: "n_outlets", kind: INT, required: true, value: |e| n(e.n_outlets) },
    Spec { name: "n_claims", kind: INT, required: true, value: |e| n(e.claims.len() as u32) },
    Spec { name: "sources", kind: STRING, required: true, value: |e| Val::Str(Some(outlets(e))) },
    Spec { name: "claimants", kind: STRING, required: true, value: |e| Val::Str(Some(claimants(e))) },
    Spec { name: "flags", kind: STRING, required: true, value: |e| Val::Str(Some(e.flags.join("; "))) },
    Spec {
        name: "created",
        kind: "INT64 (TIMESTAMP(MICROS,true))",
        required: false,
        value: |e| micros(e.created.as_deref()),
    },
    Spec {
        name: "updated",
        kind: "INT64 (TIMESTAMP(MICROS,true))",
        required: false,
        value: |e| micros(e.updated.as_deref()),
    },
    Spec { name: "version", kind: INT, required: true, value: |e| n(e.version) },
    Spec {
        name: "record",
        kind: STRING,
        required: true,
        value: |e| Val::Str(Some(serde_json::to_string(e).unwrap_or_default())),
    },
];

impl Spec {
    /// The physical type, without the logical annotation: "INT32" of "INT32 (DATE)".
    fn physical(&self) -> &'static str {
        self.kind.split_once(' ').map_or(self.kind, |(physical, _)| physical)
    }
}

/// The names and Parquet types of the columns, in order.
pub fn schema() -> String {
    let mut out = String::from("message event {\n");
    for c in COLUMNS {
        let repetition = if c.required { "REQUIRED" } else { "OPTIONAL" };
        let logical = &c.kind[c.physical().len()..];
        out.push_str(&format!("  {repetition} {} {}{logical};\n", c.physical(), c.name));
    }
    out.push('}');
    out
}

/// A column's values and definition levels (1 present, 0 null) for the row group in hand.
#[derive(Default)]
struct Buffer {
    strings: Vec<ByteArray>,
    ints: Vec<i32>,
    longs: Vec<i64>,
    doubles: Vec<f64>,
    bools: Vec<bool>,
    defs: Vec<i16>,
}

pub struct ParquetSink {
    writer: SerializedFileWriter<Output>,
    buffers: Vec<Buffer>,
    rows: usize,
    deleted: Deleted,
}

impl ParquetSink {
    pub fn new(out: Output, deleted: Deleted) -> Result<ParquetSink, ExportError> {
        let schema = Arc::new(parse_message_type(&schema())?);
        let props = Arc::new(WriterProperties::builder().set_compression(Compression::SNAPPY).build());
        let writer = SerializedFileWriter::new(out, schema, props)?;
        let buffers = COLUMNS.iter().map(|_| Buffer::default()).collect();
        Ok(ParquetSink { writer, buffers, rows: 0, deleted })
    }

    fn flush_group(&mut self) -> Result<(), ExportError> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        let mut index = 0;
        while let Some(mut column) = group.next_column()? {
            let spec = &COLUMNS[index];
            let b = std::mem::take(&mut self.buffers[index]);
            let defs = (!spec.required).then_some(b.defs.as_slice());
            match spec.physical() {
                "BYTE_ARRAY" => column.typed::<ByteArrayType>().write_batch(&b.strings, defs, None)?,
                "INT32" => column.typed::<Int32Type>().write_batch(&b.ints, defs, None)?,
                "INT64" => column.typed::<Int64Type>().write_batch(&b.longs, defs, None)?,
                "DOUBLE" => column.typed::<DoubleType>().write_batch(&b.doubles, defs, None)?,
                _ => column.typed::<BoolType>().write_batch(&b.bools, defs, None)?,
            };
            column.close()?;
            index += 1;
        }
        group.close()?;
        self.rows = 0;
        Ok(())
    }
}

impl Sink for ParquetSink {
    fn event(&mut self, e: &EventRecord) -> Result<(), ExportError> {
        for (spec, b) in COLUMNS.iter().zip(&mut self.buffers) {
            let present = match (spec.value)(e) {
                Val::Str(v) => v.map(|v| b.strings.push(ByteArray::from(v.into_bytes()))).is_some(),
                Val::I32(v) => v.map(|v| b.ints.push(v)).is_some(),
                Val::I64(v) => v.map(|v| b.longs.push(v)).is_some(),
                Val::F64(v) => v.map(|v| b.doubles.push(v)).is_some(),
                Val::Bool(v) => {
                    b.bools.push(v);
                    true
                }
            };
            b.defs.push(i16::from(present));
        }
        self.rows += 1;
        if self.rows >= ROW_GROUP {
            self.flush_group()?;
        }
        Ok(())
    }

    fn removed(&mut self, tombstone: &Tombstone) -> Result<(), ExportError> {
        self.deleted.write(tombstone)
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.flush_group()?;
        let mut out = self.writer.into_inner()?;
        out.flush()?;
        self.deleted.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_parses() {
        let schema = parse_message_type(&schema()).unwrap();
        assert_eq!(schema.get_fields().len(), COLUMNS.len());
    }

    #[test]
    fn dates_count_days_from_1970() {
        assert!(matches!(date(Some(jiff::civil::date(1970, 1, 2))), Val::I32(Some(1))));
        assert!(matches!(date(Some(jiff::civil::date(2024, 5, 2))), Val::I32(Some(19845))));
    }
}
