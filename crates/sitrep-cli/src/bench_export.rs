//! `sitrep bench --export N`: the cost of the dataset as users take it. Writes N generated
//! events into a fresh SQLite store (as one sync), then exports them in every format, each in a
//! child `sitrep export` process that reports its own peak memory (`PEAK_VARIABLE`): streaming
//! means the peak stays flat whatever N is.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use serde_json::json;
use sitrep_model::EventRecord;
use sitrep_store::{SqliteStore, Store};

/// A plausible event varied by `n`: two actors, three claims from two outlets, a point.
fn generated_event(n: usize) -> EventRecord {
    const PLACES: [(&str, &str, f64, f64); 4] = [
        ("Mopti", "ML", 14.49, -4.18),
        ("Segou", "ML", 13.43, -6.26),
        ("Tyre", "LB", 33.27, 35.2),
        ("Nabatieh", "LB", 33.38, 35.48),
    ];
    let (name, iso2, lat, lon) = PLACES[n % PLACES.len()];
    let killed = (n % 17) as u32;
    let day = jiff::civil::date(2020, 1, 1).checked_add(jiff::Span::new().days((n % 2000) as i64)).unwrap();
    let claim = |value: u32, claimant: &str, doc: String| {
        json!({"kind": "killed", "value": value, "qualifier": "at_least", "category": "civilians",
               "claimant": claimant, "aggregate": false, "document_id": doc, "span": {"start": 120, "end": 171},
               "quote": "gunmen killed at least a number of villagers on Monday"})
    };
    serde_json::from_value(json!({
        "event_id": format!("ev-bench-{n:08}"), "event_type": "Violence against civilians", "sub_event_type": "Attack",
        "disorder_type": "Political violence", "aggregate": false, "part_of": [],
        "date_start": day, "date_end": day, "date_precision": 1,
        "location": {"name": name, "admin1": "Region", "admin2": "District", "country": "Country", "iso2": iso2,
                     "lat": lat + (n % 100) as f64 / 1000.0, "lon": lon, "geonames_id": 1_000_000 + n % 5000,
                     "geo_precision": 1, "where_prec": 1},
        "actors": [{"name": "Unidentified armed group", "role": "actor1", "inter": 3},
                   {"name": "Civilians", "role": "actor2", "inter": 7}],
        "fatalities": {"low": killed, "best": killed + 1, "high": killed + 2, "state_forces": 0, "armed_group": 0,
                       "civilians": killed, "unknown": 1},
        "injuries": {"low": 2, "best": 2, "high": 3},
        "claims": [claim(killed, "local officials", format!("doc-{n}-a")),
                   claim(killed + 2, "a monitoring group", format!("doc-{n}-b")),
                   claim(killed + 1, "police", format!("doc-{n}-b"))],
        "sources": [{"document_id": format!("doc-{n}-a"), "outlet": "The Ridge Post", "url": null, "published": day},
                    {"document_id": format!("doc-{n}-b"), "outlet": "Valley Courier", "url": null, "published": day}],
        "n_documents": 2, "n_outlets": 2, "flags": ["claims_disagree"]
    }))
    .expect("the generated event is a valid record")
}

/// Set in a child's environment, makes `sitrep` print its peak memory on stderr at exit.
pub const PEAK_VARIABLE: &str = "SITREP_PRINT_PEAK_MEMORY";

/// Runs `sitrep export` as a child and returns (seconds, peak resident MB of the child).
fn timed_export(db: &Path, format: &str, out: &Path) -> Result<(f64, f64)> {
    let args = ["--quiet", "export", "--format", format, "-o"].map(std::ffi::OsStr::new);
    let rest = [out.as_os_str(), std::ffi::OsStr::new("--db"), db.as_os_str()];
    timed_child(&[&args[..], &rest[..]].concat())
}

/// Runs this `sitrep` with `args` as a child that reports its own peak memory; returns
/// (seconds, peak resident MB of the child), or its error output when it fails.
pub fn timed_child(args: &[&std::ffi::OsStr]) -> Result<(f64, f64)> {
    let exe = std::env::current_exe().context("cannot find the sitrep executable")?;
    let started = Instant::now();
    let output = std::process::Command::new(exe)
        .args(args)
        .env(PEAK_VARIABLE, "1")
        .output()
        .context("cannot start sitrep as a child")?;
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        let shown: Vec<_> = args.iter().map(|a| a.to_string_lossy()).collect();
        bail!("sitrep {} failed: {}", shown.join(" "), stderr.trim());
    }
    let peak = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak memory: ")?.strip_suffix(" MB")?.parse().ok())
        .unwrap_or(f64::NAN);
    Ok((seconds, peak))
}

pub fn run(events: usize) -> Result<ExitCode> {
    let dir = tempfile::tempdir().context("cannot make a temporary directory")?;
    let db = dir.path().join("bench.db");
    println!("bench: export of {events} generated events");
    let mut store = SqliteStore::open(&db)?;
    let started = Instant::now();
    let generated: Vec<EventRecord> = (0..events).map(generated_event).collect();
    let made = started.elapsed().as_secs_f64();
    let started = Instant::now();
    store.sync_events(&generated)?;
    let stored = started.elapsed().as_secs_f64();
    drop(generated);
    let db_mb = std::fs::metadata(&db).map(|m| m.len() as f64 / 1e6).unwrap_or(0.0);
    println!("  generate       {made:8.1} s");
    println!("  store (sync)   {stored:8.1} s  {:>10.0} events/s  database {db_mb:.0} MB", events as f64 / stored);
    println!("  {:<10} {:>8} {:>12} {:>10} {:>9}", "format", "seconds", "events/s", "file MB", "peak MB");
    for format in sitrep_export::Format::NAMES {
        let out = dir.path().join(format!("events.{format}"));
        let (seconds, peak) = timed_export(&db, format, &out)?;
        let size = std::fs::metadata(&out).map(|m| m.len() as f64 / 1e6).unwrap_or(0.0);
        println!("  {format:<10} {seconds:8.1} {:>12.0} {size:>10.0} {peak:>9.0}", events as f64 / seconds);
        std::fs::remove_file(&out).ok();
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_events_vary_and_are_valid() {
        let (a, b) = (generated_event(1), generated_event(2));
        assert_ne!(a.event_id, b.event_id);
        assert_ne!(a.location.name, b.location.name);
        assert_eq!(a.claims.len(), 3);
    }
}
