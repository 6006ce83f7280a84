//! `sitrep gazetteer …`: import GeoNames files into the gazetteer index, say which gazetteer is
//! in use, and look a name up; and the choice of gazetteer for every command that geocodes.
//!
//! The imported index lives at `--gazetteer PATH` (or `SITREP_GAZETTEER`), by default
//! `$XDG_DATA_HOME/sitrep/gazetteer.idx` (`~/.local/share/sitrep/gazetteer.idx`); when that
//! file exists it takes over from the embedded default. `--gazetteer embedded` forces the
//! embedded one.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use sitrep_geo::Gazetteer;
use sitrep_geo::import::{ImportOptions, import_into};

/// Where an imported gazetteer is written and looked for when no path is given.
pub fn default_path() -> Option<PathBuf> {
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(data.join("sitrep").join("gazetteer.idx"))
}

/// The gazetteer the commands geocode with: the one named, else the imported one at the
/// default path when there is one, else the embedded default.
pub fn load(choice: Option<&Path>) -> Result<&'static Gazetteer> {
    let path = match choice {
        Some(p) if p.as_os_str() == "embedded" => return Ok(Gazetteer::embedded()),
        Some(p) => p.to_path_buf(),
        None => match default_path().filter(|p| p.is_file()) {
            Some(p) => p,
            None => return Ok(Gazetteer::embedded()),
        },
    };
    let g = Gazetteer::open(&path).with_context(|| {
        format!("cannot use the gazetteer {} (import one with `sitrep gazetteer import`)", path.display())
    })?;
    // One per run, used until the process ends.
    Ok(Box::leak(Box::new(g)))
}

/// `sitrep gazetteer import FILE…`.
pub fn import_command(
    files: &[PathBuf],
    output: Option<&Path>,
    classes: &str,
    partial: bool,
    quiet: bool,
) -> Result<ExitCode> {
    if let Some(bad) = classes.chars().find(|c| !"APLSHTRUV".contains(*c)) {
        bail!("--classes {classes}: '{bad}' is not a GeoNames feature class (A, P, L, S, H, T, R, U, V)");
    }
    // `SITREP_GAZETTEER=embedded` names no file to write.
    let output = output.filter(|p| p.as_os_str() != "embedded").map(Path::to_path_buf);
    let output = match output.or_else(default_path) {
        Some(p) => p,
        None => bail!("no place to write the gazetteer: give --output or set HOME"),
    };
    let started = Instant::now();
    let options = ImportOptions { classes: classes.to_owned(), ..ImportOptions::default() };
    let dir = output.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    // Written beside the target and renamed over it, so that a failed import leaves the old
    // index whole (and a running sitrep keeps reading the file it mapped).
    let mut file =
        tempfile::NamedTempFile::new_in(dir).with_context(|| format!("cannot write in {}", dir.display()))?;
    let mut buffered = std::io::BufWriter::with_capacity(1 << 20, file.as_file_mut());
    let report = import_into(files, &options, &mut buffered)
        .and_then(|report| buffered.flush().map(|()| report))
        .with_context(|| format!("cannot write {}", output.display()))?;
    drop(buffered);
    for failed in &report.failed {
        eprintln!("error: {failed}");
    }
    for problem in &report.problems {
        eprintln!("warning: skipped {problem}");
    }
    if report.bad_lines > report.problems.len() {
        eprintln!("warning: {} more lines skipped", report.bad_lines - report.problems.len());
    }
    if !report.read_places() {
        eprintln!(
            "error: no places were read (a table such as allCountries, XX or citiesNNN gives them); {} is left as it was",
            output.display()
        );
        return Ok(ExitCode::from(1));
    }
    // A whole file missing would make a smaller gazetteer than the one there: keep that one.
    if !report.failed.is_empty() && output.exists() && !partial {
        eprintln!(
            "error: {} is left as it was, since some files could not be read; fix them, or pass --partial to write what was read",
            output.display()
        );
        return Ok(ExitCode::from(1));
    }
    let size = file.as_file().metadata().map(|m| m.len()).unwrap_or(0);
    file.persist(&output).with_context(|| format!("cannot write {}", output.display()))?;
    if !quiet {
        for (path, kind, rows) in &report.files {
            eprintln!("{}: {rows} rows ({kind:?})", path.display());
        }
        let g = Gazetteer::open(&output)?;
        g.verify().map_err(|e| anyhow::anyhow!("{}: {e}", output.display()))?;
        eprintln!(
            "gazetteer: {} places, {} names, {:.1} MB at {} ({:.1} s)",
            g.len(),
            g.keys(),
            size as f64 / 1e6,
            output.display(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if report.has_failures() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `sitrep gazetteer info`.
pub fn info(g: &Gazetteer) -> Result<ExitCode> {
    g.verify().map_err(|e| anyhow::anyhow!("{}: {e}", g.origin))?;
    println!("gazetteer: {}", g.origin);
    println!("places:    {}", g.len());
    println!("names:     {}", g.keys());
    Ok(ExitCode::SUCCESS)
}

/// `sitrep gazetteer lookup NAME`: the entries a name may be, as resolution sees them.
pub fn lookup(g: &Gazetteer, name: &str) -> Result<ExitCode> {
    let candidates = g.candidates(name);
    if candidates.is_empty() {
        eprintln!("{name}: not in the gazetteer ({})", g.origin);
        return Ok(ExitCode::from(1));
    }
    let mut out = std::io::stdout().lock();
    for (i, matched) in candidates {
        let e = g.entry(i);
        let coordinates = match (e.lat, e.lon) {
            (Some(lat), Some(lon)) => format!("{lat:.5},{lon:.5}"),
            _ => "-".into(),
        };
        let admin = [e.admin1.as_deref(), e.admin2.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" / ");
        let id = e.geonames_id.map(|id| id.to_string()).unwrap_or_else(|| "-".into());
        writeln!(
            out,
            "{:<14} {:<10} {} {:<30} {:<40} {:>20} pop {:>9} rank {:>3} around {:>4} geonames {id}",
            format!("{matched:?}"),
            format!("{:?}", e.kind),
            e.iso2,
            e.name,
            admin,
            coordinates,
            e.population,
            e.rank,
            e.nearby,
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
