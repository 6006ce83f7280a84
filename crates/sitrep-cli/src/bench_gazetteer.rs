//! `sitrep bench --import N`: the cost of a full GeoNames import, on a generated table of N rows
//! shaped like `allCountries.txt` (12.4 million rows; the same mix of feature classes, names with
//! alternate spellings in the alternatenames column), so that it can be measured without the real
//! dump. The import runs as a child `sitrep gazetteer import` that reports its own peak memory;
//! then the index is opened and looked up in this process.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use sitrep_geo::Gazetteer;

const SYLLABLES: [&str; 48] = [
    "ka", "ra", "bel", "tan", "dor", "mi", "shu", "qa", "zen", "or", "vi", "lah", "nab", "sur", "te", "kfar", "bin",
    "ou", "ham", "da", "ye", "gor", "lin", "sa", "mar", "tel", "ak", "bur", "fen", "ghi", "jol", "kem", "lu", "mos",
    "nir", "pa", "quo", "ros", "sel", "tum", "ul", "var", "wen", "xi", "yar", "zu", "don", "ber",
];

/// The row's name: three to five syllables picked by a hash of `n` (no randomness: runs
/// repeat), so that names repeat about as often as in the real dump.
fn name(n: u64) -> String {
    let mut h = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let count = 3 + (h % 3);
    let mut out = String::new();
    for _ in 0..count {
        h = h.rotate_left(13).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        out.push_str(SYLLABLES[(h >> 32) as usize % SYLLABLES.len()]);
    }
    let mut chars = out.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or(out)
}

/// One row in GeoNames' 19 columns; classes in allCountries' proportions.
fn row(n: u64) -> String {
    let (class, code) = match n % 100 {
        0..38 => ("P", "PPL"),
        38..63 => ("S", "HTL"),
        63..82 => ("H", "STM"),
        82..95 => ("T", "MT"),
        95..98 => ("A", "ADM3"),
        _ => ("L", "AREA"),
    };
    let name = name(n);
    let alternates = match n % 4 {
        0 => String::new(),
        1 => format!("Al {name}"),
        2 => format!("{},{name}a", name.replace('u', "ou")),
        _ => format!("{},Al-{name},{}", name.replace("k", "q"), name.to_uppercase()),
    };
    let lat = (n % 17_000) as f64 / 100.0 - 85.0;
    let lon = (n % 35_000) as f64 / 100.0 - 175.0;
    let cc = ["SY", "IQ", "US", "NG", "ML", "LB"][(n % 6) as usize];
    format!(
        "{}\t{name}\t{name}\t{alternates}\t{lat:.5}\t{lon:.5}\t{class}\t{code}\t{cc}\t\t{:02}\t{}\t\t\t{}\t\t120\tAsia/Damascus\t2024-01-01\n",
        1_000_000 + n,
        n % 20,
        n % 300,
        (n * 7919) % 200_000
    )
}

pub fn run(rows: usize) -> Result<ExitCode> {
    let dir = tempfile::tempdir().context("cannot create a temporary directory")?;
    let table = dir.path().join("allCountries.txt");
    let started = Instant::now();
    let mut out = BufWriter::new(std::fs::File::create(&table).context("cannot write the generated table")?);
    for n in 0..rows as u64 {
        out.write_all(row(n).as_bytes())?;
    }
    out.flush()?;
    drop(out);
    let table_mb = std::fs::metadata(&table)?.len() as f64 / 1e6;
    println!(
        "bench: GeoNames import of {rows} generated rows ({table_mb:.0} MB, written in {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    let index = dir.path().join("gazetteer.idx");
    let (seconds, peak) = timed_import(&table, &index)?;
    let index_mb = std::fs::metadata(&index)?.len() as f64 / 1e6;
    println!(
        "  import         {seconds:.1} s, {:.0} rows/s, peak memory {peak:.0} MB, index {index_mb:.0} MB",
        rows as f64 / seconds
    );
    let started = Instant::now();
    let g = Gazetteer::open(&index)?;
    println!(
        "  open           {:.1} ms ({} places, {} names)",
        started.elapsed().as_secs_f64() * 1e3,
        g.len(),
        g.keys()
    );
    let lookups = 200_000u64;
    let started = Instant::now();
    let mut found = 0usize;
    for n in 0..lookups {
        found += g.candidates(&name(n * 7 % rows.max(1) as u64)).len();
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "  lookup         {:.0} names/s one core ({:.1} candidates each)",
        lookups as f64 / seconds,
        found as f64 / lookups as f64
    );
    if let Some(mb) = crate::bench::peak_memory_mb() {
        println!("  peak memory of this process after the lookups {mb:.0} MB (the index is mapped, not read)");
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `sitrep gazetteer import` as a child; returns (seconds, its peak resident MB).
fn timed_import(table: &Path, index: &Path) -> Result<(f64, f64)> {
    let args = ["--quiet", "gazetteer", "import", "-o"].map(std::ffi::OsStr::new);
    crate::bench_export::timed_child(&[&args[..], &[index.as_os_str(), table.as_os_str()][..]].concat())
}
