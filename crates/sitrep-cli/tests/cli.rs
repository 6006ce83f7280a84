//! The `sitrep` binary as a user runs it: real files in a temporary directory, a real SQLite
//! database, exit codes and messages checked.

mod common;

use std::io::Write;
use std::path::Path;

use assert_cmd::Command;
use common::{examples, sitrep};
use predicates::str::contains;
use serde_json::Value;

/// Document ids in the database, read through the store's own interface.
fn sitrep_store_ids(db: &Path) -> Vec<String> {
    use sitrep_store::Store;
    let store = sitrep_store::SqliteStore::open(db).unwrap();
    store.documents().unwrap().into_iter().map(|d| d.id).collect()
}

#[test]
fn run_on_the_examples_stores_every_article_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    sitrep(&db)
        .args(["run"])
        .arg(examples())
        .assert()
        .success()
        .stdout(contains("Kirkuk"))
        .stdout(contains("The Ridge Post"))
        .stderr(contains("5 new"));
    let export = || -> Vec<Value> {
        let out = sitrep(&db).args(["export", "--format", "jsonl"]).assert().success().get_output().stdout.clone();
        String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    };
    let first = export();
    assert!(!first.is_empty());
    assert!(first.iter().all(|e| e["event_id"].as_str().is_some_and(|id| id.starts_with("ev-"))));
    sitrep(&db).args(["run"]).arg(examples()).assert().success().stderr(contains("0 new, 0 updated, 5 unchanged"));
    assert_eq!(sitrep_store_ids(&db).len(), 5);
    // The same input gives the same events with the same ids.
    assert_eq!(export(), first);
}

#[test]
fn events_keep_their_ids_when_new_documents_arrive_and_a_second_outlet_joins_its_event() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    sitrep(&db).args(["run", "--quiet"]).arg(examples()).assert().success();
    let export = || -> Vec<Value> {
        let out = sitrep(&db).args(["export", "--format", "jsonl"]).assert().success().get_output().stdout.clone();
        String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    };
    let before = export();
    let kirkuk = |events: &[Value]| -> Value {
        events
            .iter()
            .find(|e| e["location"]["name"] == "Kirkuk" && e["fatalities"]["best"] == 3)
            .cloned()
            .expect("the checkpoint attack")
    };
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    std::fs::write(news.join("northern-ledger-kirkuk.txt"), common::SECOND_OUTLET_ON_KIRKUK).unwrap();
    std::fs::write(news.join("harbour-gazette-sidon.txt"), common::SHELLING_IN_SIDON).unwrap();
    sitrep(&db).args(["run", "--quiet"]).arg(&news).assert().success();
    let after = export();
    // Every earlier event is still there under its id; the second outlet joined the checkpoint attack.
    for event in &before {
        assert!(after.iter().any(|e| e["event_id"] == event["event_id"]), "{} kept", event["event_id"]);
    }
    let (old, new) = (kirkuk(&before), kirkuk(&after));
    assert_eq!(old["event_id"], new["event_id"]);
    assert_eq!(new["n_outlets"], 2);
    assert!(after.len() > before.len());
}

#[test]
fn explain_json_shows_clean_text_posts_repairs_and_what_was_dropped() {
    let out = Command::cargo_bin("sitrep")
        .unwrap()
        .args(["explain", "--json"])
        .arg(examples().join("valley-courier-checkpoint.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // One line per document, then the events they resolve to, each figure with its derivation.
    let (doc, events) = (&lines[0], &lines[1]["events"]);
    let killed = events.as_array().unwrap().iter().find(|e| e["fatalities"]["best"].as_u64() > Some(0)).unwrap();
    let best = killed["derivation"].as_array().unwrap().iter().find(|d| d["figure"] == "fatalities.best").unwrap();
    assert!(!best["rule"].as_str().unwrap().is_empty());
    assert!(best["claims"].as_array().is_some_and(|c| !c.is_empty()));
    assert_eq!(doc["id"], "valley-courier-checkpoint");
    assert_eq!(doc["outlet"], "Valley Courier");
    assert_eq!(doc["published"], "2024-05-03T09:15:00-05:00");
    assert_eq!(doc["language"], "en");
    let text = doc["text"].as_str().unwrap();
    assert!(!text.contains("![]()"));
    assert!(text.contains("The number of casualties could rise"));
    assert!(!text.contains("@iraqidefence_example"), "the post is not the outlet's words");
    assert!(!text.contains("Oslo"), "the teaser block is cut");
    assert_eq!(doc["embedded"][0]["handle"], "iraqidefence_example");
    assert_eq!(doc["embedded"][0]["date"], "2024-05-03");
    assert_eq!(doc["dropped"].as_array().unwrap().iter().filter(|d| d["reason"] == "teaser_block").count(), 1);
    insta::assert_json_snapshot!("explain_valley_courier", doc, {".source.path" => "[path]"});
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn warc_record(uri: &str, page: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2021-02-03T04:05:06Z\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
    .into_bytes()
}

fn page(title: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article><footer>Contact us</footer></body></html>"
    )
}

#[test]
fn warc_gz_rss_html_and_legacy_encodings_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    // CC-NEWS style: one gzip member per record, a request record between responses.
    let mut warc = Vec::new();
    warc.extend(gzip(&warc_record("https://a.example/1", &page("Bus attacked", &["Gunmen fired on a bus near the border crossing on Sunday, wounding six passengers, the regional governor said in a statement.", "The bus was carrying workers home from a cement plant."]))));
    warc.extend(gzip(b"WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 4\r\n\r\nGET \r\n\r\n"));
    warc.extend(gzip(&warc_record("https://a.example/2", &page("Bridge closed", &["The main bridge was closed on Monday after a bomb threat, police said, and traffic was diverted through the old town for most of the day."]))));
    std::fs::write(inputs.join("crawl.warc.gz"), warc).unwrap();
    std::fs::copy(examples().join("river-times.rss"), inputs.join("river.rss")).unwrap();
    // A Western page saved in windows-1252 without a charset declaration.
    let cafe_page = page(
        "Café fire",
        &[
            "A fire at the Café Rémy on the harbour front injured two waiters late on Saturday, firefighters said. The café’s owner said the blaze started in the kitchen.",
        ],
    );
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(&cafe_page);
    std::fs::write(inputs.join("cafe.html"), &latin).unwrap();
    // An Arabic page in windows-1256 with its charset declared.
    let arabic = page(
        "انفجار",
        &[
            "قتل ثلاثة أشخاص وأصيب خمسة آخرون في انفجار سيارة مفخخة في سوق المدينة صباح الأحد، بحسب مصادر أمنية.",
            "وأغلقت قوات الأمن الطرق المؤدية إلى السوق.",
        ],
    )
    .replace("<head>", "<head><meta charset=\"windows-1256\">");
    let (arabic_bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&arabic);
    std::fs::write(inputs.join("souq.html"), &arabic_bytes).unwrap();

    let db = dir.path().join("s.db");
    sitrep(&db).arg("ingest").arg(&inputs).assert().success();
    let ids = sitrep_store_ids(&db);
    assert!(
        ids.contains(&"https://a.example/1".to_owned()) && ids.contains(&"https://a.example/2".to_owned()),
        "{ids:?}"
    );
    assert!(ids.contains(&"cafe".to_owned()) && ids.contains(&"souq".to_owned()));
    assert_eq!(ids.len(), 6, "{ids:?}");

    use sitrep_store::Store;
    let store = sitrep_store::SqliteStore::open(&db).unwrap();
    let cafe = store.document("cafe").unwrap().unwrap();
    assert!(cafe.text.contains("Café Rémy") && cafe.text.contains("café's owner"), "{}", cafe.text);
    let souq = store.document("souq").unwrap().unwrap();
    assert!(souq.text.contains("قتل ثلاثة أشخاص"), "{}", souq.text);
    assert_eq!(souq.language.as_deref(), Some("ar"));
    let warc_doc = store.document("https://a.example/1").unwrap().unwrap();
    assert_eq!(warc_doc.published.unwrap().iso(), "2021-02-03T04:05:06+00:00");
    assert!(warc_doc.text.starts_with("Gunmen fired on a bus"), "{}", warc_doc.text);
}

#[test]
fn bad_inputs_are_reported_by_name_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let good = r#"{"id": "good-1", "date": "2020-01-02", "text": "Two people were wounded in a shooting outside a shop on Friday evening, police said."}"#;
    std::fs::write(inputs.join("empty.txt"), "").unwrap();
    std::fs::write(inputs.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    let mut truncated = gzip(format!("{good}\n").repeat(50).as_bytes());
    truncated.truncate(truncated.len() / 2);
    std::fs::write(inputs.join("truncated.jsonl.gz"), truncated).unwrap();
    let mut broken_warc = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nxx\r\n\r\n".to_vec();
    broken_warc.extend(warc_record("https://b.example/ok", &page("Ok", &["A man was arrested after a stabbing at the train station on Tuesday night, police said in a short statement."])));
    std::fs::write(inputs.join("broken.warc"), broken_warc).unwrap();
    let long_line = format!(r#"{{"id": "long", "text": "{}"}}"#, "word ".repeat(2000));
    std::fs::write(inputs.join("lines.jsonl"), format!("{good}\n{{not json\n[1]\n{long_line}\n")).unwrap();
    std::fs::write(
        inputs.join("scripts.html"),
        "<html><head><script>var a = 1;</script></head><body><script>track()</script></body></html>",
    )
    .unwrap();

    let db = dir.path().join("s.db");
    let assert = sitrep(&db).args(["ingest", "--max-document-bytes", "5000"]).arg(&inputs).assert().code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    for expected in [
        "empty.txt: empty file",
        "binary.txt: binary data",
        "truncated.jsonl.gz: line",
        "broken.warc: record 1: Content-Length is not a number",
        "lines.jsonl: line 2: invalid JSON",
        "lines.jsonl: line 3: not a JSON object",
        "lines.jsonl: line 4: line of",
        "scripts.html: no article text found",
    ] {
        assert!(stderr.contains(expected), "missing {expected:?} in:\n{stderr}");
    }
    let ids = sitrep_store_ids(&db);
    assert!(ids.contains(&"good-1".to_owned()) && ids.contains(&"https://b.example/ok".to_owned()), "{ids:?}");
}

#[test]
fn standard_input_and_field_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    sitrep(&db)
        .args(["ingest", "--field", "text=story", "--field", "id=ref", "-"])
        .write_stdin("{\"ref\": \"s-1\", \"story\": \"Three fishermen were detained by coastguards off the island on Monday.\"}\n")
        .assert()
        .success();
    assert_eq!(sitrep_store_ids(&db), vec!["s-1"]);
    sitrep(&db)
        .args(["ingest", "--field", "colour=x", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(contains("unknown field 'colour'"));
}

#[test]
fn an_unusable_database_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_db = dir.path().join("notes.db");
    std::fs::write(&not_a_db, "these are my notes, not a database".repeat(100)).unwrap();
    sitrep(&not_a_db).arg("ingest").arg(examples()).assert().code(2).stderr(contains("notes.db"));
    assert_eq!(std::fs::read_to_string(&not_a_db).unwrap(), "these are my notes, not a database".repeat(100));
}

#[test]
fn eval_seeds_reports_every_entry() {
    let dir = tempfile::tempdir().unwrap();
    let expected = dir.path().join("expected.json");
    std::fs::write(
        &expected,
        r#"{"documents": {"ridge-post-convoy": {"outlet": "The Ridge Post", "published": "2024-06-11", "language": "en"}},
            "must": [{"id": "gao-ambush", "match": {"iso2": "ML", "place": ["Gao"]}, "expect": {"injuries.best": 4}}],
            "must_not": [{"id": "nothing-ancient", "any_event": {"date_before": "2000-01-01"}}]}"#,
    )
    .unwrap();
    sitrep(&dir.path().join("unused.db"))
        .args(["eval", "seeds"])
        .arg(examples())
        .arg(&expected)
        .assert()
        .code(1)
        .stdout(contains("PASS document  ridge-post-convoy"))
        .stdout(contains("FAIL must      gao-ambush"))
        .stdout(contains("PASS must_not  nothing-ancient"))
        .stdout(contains("2 of 3 entries hold"));
}

/// Writes `n` small distinct JSON Lines articles.
fn many_articles(path: &Path, n: usize) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        writeln!(
            out,
            r#"{{"id": "a{i}", "date": "2021-03-04", "text": "Report number {i}: {} people were hurt when a storm of stones hit the parade in district {i}, officials said on Monday."}}"#,
            i % 7
        )
        .unwrap();
    }
}

fn document_count(db: &Path) -> u64 {
    use sitrep_store::Store;
    sitrep_store::SqliteStore::open(db).unwrap().counts().unwrap().documents
}

#[test]
fn an_interrupted_or_killed_run_keeps_whole_batches_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("many.jsonl");
    let total = 3_000;
    many_articles(&input, total);
    for signal in ["-INT", "-KILL"] {
        let db = dir.path().join(format!("s{signal}.db"));
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("sitrep"))
            .args(["ingest", "--quiet", "--db"])
            .arg(&db)
            .arg(&input)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Wait until some batches are committed, then stop the run mid-way.
        let started = std::time::Instant::now();
        while (!db.exists() || document_count(&db) == 0) && started.elapsed().as_secs() < 60 {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        std::process::Command::new("kill").arg(signal).arg(child.id().to_string()).status().unwrap();
        let status = child.wait().unwrap();
        let stored = document_count(&db);
        if signal == "-INT" {
            assert_eq!(status.code(), Some(130), "Ctrl-C ends with 130");
        }
        assert!(stored > 0 && stored < total as u64, "{signal}: {stored} stored");
        // What was committed came in whole batches (or, after Ctrl-C, up to the document in hand).
        if signal == "-KILL" {
            assert_eq!(stored % 256, 0, "a crash loses only the batch in flight");
        }
        sitrep(&db).arg("ingest").arg("--quiet").arg(&input).assert().success();
        assert_eq!(document_count(&db), total as u64);
    }
}
