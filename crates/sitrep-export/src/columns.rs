//! The CSV formats: a fixed header and one row per event, built by the format's row function.

use sitrep_model::{EventRecord, Tombstone};

use crate::{Deleted, ExportError, Output, Sink};

/// One event's cells, in the header's order.
pub type RowFn = fn(&EventRecord) -> Vec<String>;

pub struct CsvSink {
    out: csv::Writer<Output>,
    row: RowFn,
    deleted: Deleted,
}

impl CsvSink {
    pub fn new(out: Output, row: RowFn, header: &[&str], deleted: Deleted) -> Result<CsvSink, ExportError> {
        let mut out = csv::Writer::from_writer(out);
        out.write_record(header)?;
        Ok(CsvSink { out, row, deleted })
    }
}

impl Sink for CsvSink {
    fn event(&mut self, event: &EventRecord) -> Result<(), ExportError> {
        self.out.write_record((self.row)(event))?;
        Ok(())
    }

    fn removed(&mut self, tombstone: &Tombstone) -> Result<(), ExportError> {
        self.deleted.write(tombstone)
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.out.flush()?;
        self.deleted.finish()
    }
}

/// An optional value as a cell: empty when absent.
pub fn cell<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}
