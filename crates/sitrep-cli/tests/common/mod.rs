//! What the CLI test files share: the binary, the example articles, and two later articles
//! (a second outlet on an example's incident, and a new incident).

#![allow(dead_code)] // each test file uses its own part

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

pub fn sitrep(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("sitrep").expect("binary built");
    // The embedded gazetteer, whatever a user of this machine imported.
    cmd.env("SITREP_DB", db).env("SITREP_GAZETTEER", "embedded").env_remove("RUST_LOG");
    cmd
}

/// A second outlet on the Valley Courier's checkpoint attack near Kirkuk.
pub const SECOND_OUTLET_ON_KIRKUK: &str = "Title: Soldiers die in attack on Kirkuk checkpoint\n\
    Outlet: Northern Ledger\nPublished: 2024-05-03\n\n\
    Three soldiers were killed and two wounded when gunmen attacked an army checkpoint near Kirkuk \
    on Thursday night, the defence ministry said.\n";

/// An incident no example reports.
pub const SHELLING_IN_SIDON: &str = "Title: Shelling hits Sidon\nOutlet: The Harbour Gazette\nPublished: 2024-06-02\n\n\
    Artillery shells struck the port of Sidon on Saturday, wounding four fishermen, local officials said.\n";
