//! Plain-text parsing (header block, date prefix, dateline, headline line), then cleaning.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_model::SourceRef;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let source = SourceRef { path: "fuzz.txt".into(), format: "text".into(), record: None };
    let raw = sitrep_ingest::formats::text::parse(&text, data, source);
    let _ = sitrep_ingest::process(raw);
});
