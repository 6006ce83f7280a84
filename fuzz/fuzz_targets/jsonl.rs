//! One JSON line with the default field names (HTML fields go through extraction), then cleaning.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_ingest::FieldMap;
use sitrep_model::SourceRef;

fuzz_target!(|data: &[u8]| {
    let fields = FieldMap::default();
    let source = SourceRef { path: "fuzz.jsonl".into(), format: "jsonl".into(), record: Some(1) };
    if let Ok(raw) = sitrep_ingest::formats::jsonl::parse_line(data, &fields, source) {
        let _ = sitrep_ingest::process(raw);
    }
});
