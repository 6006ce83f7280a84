//! Publication date strings.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Some(published) = sitrep_ingest::dates::parse(&s) {
        let _ = published.iso();
    }
});
