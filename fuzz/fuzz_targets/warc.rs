//! A WARC stream: record headers, HTTP responses, chunked and compressed bodies, charset
//! decoding, HTML extraction, then cleaning of every document.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_ingest::formats::warc::WarcReader;

fuzz_target!(|data: &[u8]| {
    for item in WarcReader::new(data, "fuzz.warc", 1 << 20) {
        if let Ok(raw) = item {
            let _ = sitrep_ingest::process(raw);
        }
    }
});
