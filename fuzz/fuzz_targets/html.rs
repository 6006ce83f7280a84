//! Main-text and metadata extraction from one HTML page.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let _ = sitrep_ingest::formats::html::extract(&page);
});
