//! RSS/Atom feeds (feed-rs) and the HTML fragments of their items.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(items) = sitrep_ingest::formats::feed::parse(data, "fuzz.rss") {
        for item in items.into_iter().flatten() {
            let _ = sitrep_ingest::process(item);
        }
    }
});
