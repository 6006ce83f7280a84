//! `sitrep bench`: throughput of ingest + cleaning on one core, and peak memory.
//!
//! Reads the given file (e.g. the GVA documents) or generated articles, then cleans every
//! document `rounds` times; reports documents/s and MB/s per core for reading + cleaning and for
//! cleaning alone, and the process's peak resident memory.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use sitrep_ingest::{IngestOptions, RawDocument};
use sitrep_model::SourceRef;

pub fn run(path: Option<&Path>, generated: usize, rounds: usize) -> Result<ExitCode> {
    let started = Instant::now();
    let raws: Vec<RawDocument> = match path {
        Some(path) => sitrep_ingest::read_sources(&[path.to_path_buf()], &IngestOptions::default())
            .filter_map(Result::ok)
            .collect(),
        None => (0..generated).map(generated_article).collect(),
    };
    let read_seconds = started.elapsed().as_secs_f64();
    let bytes: usize = raws.iter().map(|r| r.text.len()).sum();
    let source = path.map(|p| p.display().to_string()).unwrap_or_else(|| format!("{generated} generated articles"));
    println!("bench: ingest + clean on {source}");
    println!("  read + parse   {} documents, {:.1} MB in {:.2} s", raws.len(), bytes as f64 / 1e6, read_seconds);
    let started = Instant::now();
    let mut kept = 0usize;
    for _ in 0..rounds.max(1) {
        for raw in &raws {
            if sitrep_ingest::process(raw.clone()).is_ok() {
                kept += 1;
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let documents = (raws.len() * rounds.max(1)) as f64;
    println!(
        "  clean          {:.0} documents/s, {:.1} MB/s per core ({} rounds, {} documents kept per round)",
        documents / seconds,
        (bytes * rounds.max(1)) as f64 / 1e6 / seconds,
        rounds.max(1),
        kept / rounds.max(1)
    );
    println!(
        "  read + clean   {:.0} documents/s per core",
        raws.len() as f64 / (read_seconds + seconds / rounds.max(1) as f64)
    );
    match peak_memory_mb() {
        Some(mb) => println!("  peak memory    {mb:.0} MB"),
        None => println!("  peak memory    unknown on this platform"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Peak resident set size of this process (Linux `VmHWM`).
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// A plausible article of a few paragraphs, varied by `n` (no randomness: runs repeat).
fn generated_article(n: usize) -> RawDocument {
    const PLACES: [&str; 6] = ["Northfield", "Marlow", "Kessel", "Vantor", "Brevia", "Oskland"];
    const ACTS: [&str; 4] = ["opened fire on", "attacked", "ambushed", "shelled"];
    const TARGETS: [&str; 4] = ["a checkpoint", "a market", "a police patrol", "a convoy"];
    let pick =
        |list: &[&'static str], salt: usize| list[(n.wrapping_mul(2654435761) >> 7).wrapping_add(salt) % list.len()];
    let text = format!(
        "Gunmen {} {} in {} on Monday, killing {} people and wounding {} others, officials said.\n\n\
         The attack began shortly after dawn, residents of {} told reporters. Security forces arrived \
         within the hour and sealed off the area around {}.\n\n\
         A spokesman for the provincial police said {} suspects had been arrested and that an \
         investigation was under way. \"We will find those responsible,\" he said.\n\n\
         It was the {}th such incident in the region this year, according to a local monitoring group.",
        pick(&ACTS, 0),
        pick(&TARGETS, 1),
        pick(&PLACES, 2),
        n % 9 + 1,
        n % 13,
        pick(&PLACES, 3),
        pick(&TARGETS, 4),
        n % 4,
        n % 30 + 4,
    );
    let source = SourceRef { path: "generated".into(), format: "text".into(), record: Some(n as u64) };
    let mut raw = RawDocument::new(text.clone(), text.as_bytes(), source);
    raw.id = Some(format!("gen-{n}"));
    raw
}
