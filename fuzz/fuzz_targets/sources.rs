//! Whole files through `read_sources`: format from the name or sniffed from the bytes, gzip/xz
//! decompression, the binary check, encoding detection, the bounded line reader (JSON Lines),
//! and every format's reader, then cleaning of every document.
//!
//! The first byte picks the file name's extension; the rest is the file.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use sitrep_ingest::IngestOptions;

/// Extensions tried; "" and ".dat" leave the format to sniffing.
const NAMES: &[&str] = &[
    "doc.txt",
    "doc.html",
    "doc.jsonl",
    "doc.warc",
    "doc.rss",
    "doc.atom",
    "doc.txt.gz",
    "doc.html.gz",
    "doc.jsonl.gz",
    "doc.warc.gz",
    "doc.rss.gz",
    "doc.jsonl.xz",
    "doc",
    "doc.dat",
    "doc.gz",
    "doc.xz",
];

static DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| tempfile::tempdir().expect("temporary directory"));

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let path = DIR.path().join(NAMES[usize::from(first) % NAMES.len()]);
    std::fs::write(&path, bytes).expect("write temporary file");
    // A small limit so that the size checks are reached by small inputs too.
    let options = IngestOptions { max_document_bytes: 1 << 16, ..IngestOptions::default() };
    for item in sitrep_ingest::read_sources(&[path.clone()], &options) {
        if let Ok(raw) = item {
            let _ = sitrep_ingest::process(raw);
        }
    }
    let _ = std::fs::remove_file(&path);
});
