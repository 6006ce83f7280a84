//! `sitrep gazetteer import` on files in GeoNames' formats, and geocoding with what it built:
//! a village the embedded gazetteer lacks is found, with its point, once imported.

mod common;

use std::path::{Path, PathBuf};

use common::sitrep;
use predicates::str::contains;
use serde_json::Value;

/// Rows of a GeoNames table: an invented village, its district's town, and a hospital (a spot,
/// not kept by default).
const TABLE: &str = "\
900001\tKfar Shamoura\tKfar Shamoura\tKafr Shammura\t33.35\t35.52\tP\tPPL\tLB\t\t09\t7\t\t\t850\t\t300\tAsia/Beirut\t2024-01-01
900002\tNabatieh\tNabatieh\tAn Nabatiyah\t33.38\t35.48\tP\tPPLA\tLB\t\t09\t7\t\t\t50000\t\t400\tAsia/Beirut\t2024-01-01
900003\tShamoura Hospital\tShamoura Hospital\t\t33.36\t35.52\tS\tHSP\tLB\t\t09\t7\t\t\t0\t\t300\tAsia/Beirut\t2024-01-01
";
const ADMIN1: &str = "LB.09\tNabatieh Governorate\tNabatieh Governorate\t900010\n";

const ARTICLE: &str = "Title: Shelling wounds farmers\nOutlet: The Harbour Gazette\nPublished: 2024-06-02\n\n\
    Artillery shells hit the village of Kfar Shamoura on Saturday, wounding three farmers, local officials said.\n";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn location(db: &Path, gazetteer: &Path) -> Value {
    let out = sitrep(db).arg("--gazetteer").arg(gazetteer).args(["events", "--format", "jsonl"]).assert().success();
    let event: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    event["location"].clone()
}

#[test]
fn an_imported_gazetteer_finds_what_the_embedded_one_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let (table, admin1) = (write(dir.path(), "LB.txt", TABLE), write(dir.path(), "admin1CodesASCII.txt", ADMIN1));
    let index = dir.path().join("gazetteer.idx");
    sitrep(&dir.path().join("unused.db"))
        .args(["gazetteer", "import", "-o"])
        .arg(&index)
        .args([&table, &admin1])
        .assert()
        .success()
        .stderr(contains("LB.txt: 2 rows"))
        .stderr(contains("gazetteer: 3 places"));
    sitrep(&dir.path().join("unused.db"))
        .arg("--gazetteer")
        .arg(&index)
        .args(["gazetteer", "lookup", "Kafr Shamura"])
        .assert()
        .success()
        .stdout(contains("Kfar Shamoura"))
        .stdout(contains("33.35000,35.52000"));
    let article = write(dir.path(), "article.txt", ARTICLE);
    // Embedded: the village is unknown, so only its country is said, with no point.
    let db = dir.path().join("embedded.db");
    sitrep(&db).args(["run", "--quiet"]).arg(&article).assert().success();
    let embedded = location(&db, Path::new("embedded"));
    assert_eq!((embedded["name"].as_str(), embedded["lat"].as_f64()), (Some("Kfar Shamoura"), None), "{embedded}");
    // Imported: the village itself, at precision 1, in its governorate.
    let db = dir.path().join("imported.db");
    sitrep(&db).arg("--gazetteer").arg(&index).args(["run", "--quiet"]).arg(&article).assert().success();
    let imported = location(&db, &index);
    assert_eq!(imported["name"], "Kfar Shamoura", "{imported}");
    assert_eq!((imported["lat"].as_f64(), imported["geo_precision"].as_u64()), (Some(33.35), Some(1)));
    assert_eq!(imported["admin1"], "Nabatieh Governorate");
}

#[test]
fn a_failed_import_says_which_input_and_keeps_the_old_index() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("gazetteer.idx");
    let table = write(dir.path(), "LB.txt", TABLE);
    let missing = dir.path().join("IQ.zip");
    let import = |files: &[&Path]| {
        let mut cmd = sitrep(&dir.path().join("unused.db"));
        cmd.args(["gazetteer", "import", "-o"]).arg(&index).args(files);
        cmd
    };
    // One file missing: the others are imported, and the exit code says something failed.
    import(&[&table, &missing]).assert().code(1).stderr(contains("IQ.zip")).stderr(contains("gazetteer: 2 places"));
    let before = std::fs::read(&index).unwrap();
    // With an index there, a file missing keeps it whole, unless --partial.
    import(&[&table, &missing]).assert().code(1).stderr(contains("is left as it was"));
    assert_eq!(std::fs::read(&index).unwrap(), before);
    let junk = write(dir.path(), "SY.txt", "this is\nnot a\nGeoNames table\n");
    import(&[&junk])
        .assert()
        .code(1)
        .stderr(contains("SY.txt: not a GeoNames Table file"))
        .stderr(contains("no places were read"));
    assert_eq!(std::fs::read(&index).unwrap(), before);
    // A gazetteer that is not there is an error of the command, named.
    sitrep(&dir.path().join("s.db"))
        .args(["--gazetteer", "/nonexistent/gazetteer.idx", "gazetteer", "info"])
        .assert()
        .code(2)
        .stderr(contains("cannot use the gazetteer /nonexistent/gazetteer.idx"));
    sitrep(&dir.path().join("s.db"))
        .args(["gazetteer", "import", "--classes", "PX", "-o"])
        .arg(&index)
        .arg(&table)
        .assert()
        .code(2)
        .stderr(contains("'X' is not a GeoNames feature class"));
}
