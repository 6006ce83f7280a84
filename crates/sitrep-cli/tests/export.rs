//! The dataset as users take it: `sitrep events` filters, every export format opened by its
//! consumer's real reader (pandas, pyarrow, geojson: see readers.py), and a change feed that
//! keeps a downstream copy exactly in sync.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use common::{examples, sitrep};
use predicates::str::contains;
use serde_json::Value;

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

fn lines(text: &str) -> Vec<Value> {
    text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// The Python that has the readers: `SITREP_TEST_PYTHON` (set by scripts/test), else python3.
fn python() -> std::process::Command {
    let python = std::env::var("SITREP_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let probe = std::process::Command::new(&python).args(["-c", "import pandas, pyarrow, geojson"]).output();
    assert!(
        probe.is_ok_and(|o| o.status.success()),
        "{python} cannot import pandas, pyarrow and geojson, which the export tests read files with: \
         run scripts/test (it installs them into target/test-python) or pip install -r tests/requirements.txt"
    );
    std::process::Command::new(python)
}

#[test]
fn every_export_opens_in_its_readers_with_the_right_columns_and_types() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    sitrep(&db).args(["run", "--quiet"]).arg(examples()).assert().success();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    for (format, file) in [
        ("jsonl", "events.jsonl"),
        ("csv", "events.csv"),
        ("acled-csv", "acled.csv"),
        ("ucdp-csv", "ucdp.csv"),
        ("geojson", "events.geojson"),
        ("parquet", "events.parquet"),
    ] {
        sitrep(&db)
            .args(["export", "--format", format, "-o"])
            .arg(out.join(file))
            .assert()
            .success()
            .stderr(contains(format!("as {format}")));
    }
    let events = std::fs::read_to_string(out.join("events.jsonl")).unwrap().lines().count();
    assert!(events >= 5, "the examples make events");
    let check = python()
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/readers.py"))
        .arg(&out)
        .arg(events.to_string())
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    assert!(String::from_utf8_lossy(&check.stdout).contains("ok:"));
}

#[test]
fn events_are_filtered_from_the_terminal_and_bad_filters_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    sitrep(&db).args(["run", "--quiet"]).arg(examples()).assert().success();
    let all = lines(&stdout(sitrep(&db).args(["events", "--format", "jsonl"])));
    let iraq = lines(&stdout(sitrep(&db).args(["events", "--format", "jsonl", "--country", "IQ"])));
    assert!(!iraq.is_empty() && iraq.len() < all.len());
    assert!(iraq.iter().all(|e| e["location"]["iso2"] == "IQ"));
    let by_name = lines(&stdout(sitrep(&db).args(["events", "--format", "jsonl", "--country", "iraq"])));
    assert_eq!(by_name, iraq);
    // Kirkuk is about 35.47 N, 44.39 E: a 30 km circle holds its events (the checkpoint attack,
    // and last month's ambush "west of the city") and not Mosul's.
    let near = lines(&stdout(sitrep(&db).args(["events", "--format", "jsonl", "--near", "35.47,44.39,30"])));
    assert_eq!(near.len(), 2);
    assert!(near.iter().all(|e| e["location"]["name"] == "Kirkuk"));
    assert!(iraq.iter().any(|e| e["location"]["name"] == "Mosul"));
    let deadly = lines(&stdout(sitrep(&db).args(["events", "--format", "jsonl", "--min-fatalities", "1"])));
    assert!(deadly.iter().all(|e| e["fatalities"]["low"].as_u64() >= Some(1)) && deadly.len() < all.len());
    let most =
        lines(&stdout(sitrep(&db).args(["events", "--format", "jsonl", "--sort", "fatalities", "--limit", "1"])));
    let max = all.iter().map(|e| e["fatalities"]["low"].as_u64().unwrap()).max();
    assert_eq!(most[0]["fatalities"]["low"].as_u64(), max);
    let table = stdout(sitrep(&db).args(["events", "--outlet", "ridge"]));
    assert!(table.contains("Gao, Mali") && !table.contains("Kirkuk") && table.contains("1 events"));
    let csv = stdout(sitrep(&db).args(["events", "--format", "csv", "--type", "battles"]));
    assert!(csv.starts_with("event_id,date_start,") && csv.lines().skip(1).all(|l| l.contains(",Battles,")));

    sitrep(&db).args(["events", "--bbox", "1,2,3"]).assert().code(2).stderr(contains("'1,2,3': expected 4 numbers"));
    sitrep(&db)
        .args(["events", "--since", "last week"])
        .assert()
        .code(2)
        .stderr(contains("--since 'last week' is not a time"));
    sitrep(&db)
        .args(["export", "--since", "2024-01-01", "--limit", "1"])
        .assert()
        .code(2)
        .stderr(contains("--since and --limit cannot go together"));
    sitrep(&db)
        .args(["export", "--format", "acled-csv", "--since", "2024-01-01"])
        .assert()
        .code(2)
        .stderr(contains("give -o FILE"));
}

/// The line that says where the next change feed starts.
fn next_since(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let line = text.lines().find_map(|l| l.strip_prefix("next change feed: --since ")).expect("a --since mark");
    line.trim().to_owned()
}

fn by_id(events: Vec<Value>) -> BTreeMap<String, Value> {
    events.into_iter().map(|e| (e["event_id"].as_str().unwrap().to_owned(), e)).collect()
}

#[test]
fn a_change_feed_keeps_a_downstream_copy_exactly_in_sync() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    for entry in std::fs::read_dir(examples()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, news.join(path.file_name().unwrap())).unwrap();
    }
    // A second outlet on the Kirkuk checkpoint attack, read after the first (files go in name
    // order).
    std::fs::write(news.join("wire-kirkuk.txt"), common::SECOND_OUTLET_ON_KIRKUK).unwrap();
    sitrep(&db).args(["run", "--quiet"]).arg(&news).assert().success();
    let full = sitrep(&db).args(["export"]).assert().success().get_output().clone();
    let mut copy = by_id(lines(&String::from_utf8(full.stdout).unwrap()));
    let since = next_since(&full.stderr);

    // The first outlet corrects its article (so it arrives again, after the second outlet's:
    // the attack's event is now founded by the other and the old one is merged away), and a
    // new incident is reported.
    let first = news.join("valley-courier-checkpoint.txt");
    let corrected = std::fs::read_to_string(&first).unwrap().replacen(
        "The attackers fled",
        "Residents said the checkpoint had been a target before. The attackers fled",
        1,
    );
    assert!(corrected.contains("Residents said"));
    let later = dir.path().join("later");
    std::fs::create_dir(&later).unwrap();
    std::fs::write(later.join("valley-courier-checkpoint.txt"), corrected).unwrap();
    std::fs::write(later.join("harbour-gazette-sidon.txt"), common::SHELLING_IN_SIDON).unwrap();
    sitrep(&db).args(["run", "--quiet"]).arg(&later).assert().success();

    let feed = lines(&stdout(sitrep(&db).args(["export", "--since", &since])));
    let (gone, changed): (Vec<&Value>, Vec<&Value>) = feed.iter().partition(|c| c["deleted"] == true);
    assert!(changed.iter().any(|e| e["version"] == 1 && e["sources"][0]["outlet"] == "The Harbour Gazette"));
    let merged = gone.iter().find(|t| t["reason"] == "merged").expect("the attack's old event is merged away");
    for change in &feed {
        let id = change["event_id"].as_str().unwrap().to_owned();
        if change["deleted"] == true {
            copy.remove(&id);
        } else {
            copy.insert(id, change.clone());
        }
    }
    let now = by_id(lines(&stdout(sitrep(&db).args(["export"]))));
    assert_eq!(copy, now, "the copy with the feed applied is the store's events");
    let survivor = &now[merged["merged_into"].as_str().unwrap()];
    assert_eq!(survivor["n_outlets"], 2);
    assert!(feed.len() < now.len() + gone.len(), "unchanged events are not in the feed");

    // The tabular formats put the removed events beside the file; nothing changed since now.
    let csv = dir.path().join("changes.csv");
    sitrep(&db).args(["export", "--format", "acled-csv", "--since", &since, "-o"]).arg(&csv).assert().success();
    let deleted = std::fs::read_to_string(dir.path().join("changes.deleted.csv")).unwrap();
    assert!(deleted.starts_with("event_id_cnty,deleted_timestamp,reason,merged_into,version\n"));
    assert!(deleted.contains(merged["event_id"].as_str().unwrap()));
    let again = sitrep(&db).args(["export"]).assert().success().get_output().clone();
    let empty = stdout(sitrep(&db).args(["export", "--since", &next_since(&again.stderr)]));
    assert_eq!(empty, "");
}
