//! `sitrep events` and `sitrep export`: the stored events through the same filters, as a
//! terminal table or in an export format, streamed from the store to the output.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use sitrep_export::{ExportError, Format, Output};
use sitrep_store::{Change, EventQuery, Sort, Store, StoreError};

/// Which events: every filter given must hold.
#[derive(Args, Debug, Default)]
pub struct FilterArgs {
    /// Events that end on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DAY")]
    from: Option<jiff::civil::Date>,
    /// Events that start on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DAY")]
    to: Option<jiff::civil::Date>,
    /// Country: ISO code (SY) or name (Syria).
    #[arg(long)]
    country: Option<String>,
    /// First-level admin area (province, state, governorate), by name.
    #[arg(long)]
    admin1: Option<String>,
    /// Bounding box: WEST,SOUTH,EAST,NORTH in degrees.
    #[arg(long, value_name = "W,S,E,N", value_parser = parse_bbox, allow_hyphen_values = true)]
    bbox: Option<[f64; 4]>,
    /// Within a radius of a point: LAT,LON,KM.
    #[arg(long, value_name = "LAT,LON,KM", value_parser = parse_near, allow_hyphen_values = true)]
    near: Option<(f64, f64, f64)>,
    /// ACLED event type (repeat for several): "Battles", "Violence against civilians", …
    #[arg(long = "type", value_name = "TYPE")]
    event_types: Vec<String>,
    /// An actor whose name contains this.
    #[arg(long)]
    actor: Option<String>,
    /// At least this many deaths (the low, ACLED-style figure).
    #[arg(long, value_name = "N")]
    min_fatalities: Option<u32>,
    /// Reported by an outlet whose name contains this.
    #[arg(long)]
    outlet: Option<String>,
    /// With a figure claimed by a source whose name contains this.
    #[arg(long)]
    claimant: Option<String>,
    /// Only running totals.
    #[arg(long, conflicts_with = "incidents")]
    aggregates: bool,
    /// Only single incidents, no running totals.
    #[arg(long)]
    incidents: bool,
    /// Only events changed after this time (RFC 3339, or a day), and the events removed since.
    #[arg(long, value_name = "TIME")]
    since: Option<String>,
    #[arg(long, value_enum, default_value_t = SortArg::Date)]
    sort: SortArg,
    /// At most this many events.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
}

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
enum SortArg {
    #[default]
    Date,
    DateDesc,
    Fatalities,
    Updated,
}

fn numbers<const N: usize>(text: &str, what: &str) -> Result<[f64; N], String> {
    let parts: Vec<f64> = text
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| format!("'{text}': expected {what}, numbers separated by commas"))?;
    parts.try_into().map_err(|_| format!("'{text}': expected {N} numbers ({what})"))
}

fn parse_bbox(text: &str) -> Result<[f64; 4], String> {
    let [w, s, e, n] = numbers::<4>(text, "WEST,SOUTH,EAST,NORTH")?;
    if !(-90.0..=90.0).contains(&s) || !(-90.0..=90.0).contains(&n) || s > n {
        return Err(format!("'{text}': SOUTH and NORTH must be latitudes with SOUTH <= NORTH"));
    }
    if !(-180.0..=180.0).contains(&w) || !(-180.0..=180.0).contains(&e) {
        return Err(format!("'{text}': WEST and EAST must be longitudes between -180 and 180"));
    }
    Ok([w, s, e, n])
}

fn parse_near(text: &str) -> Result<(f64, f64, f64), String> {
    let [lat, lon, km] = numbers::<3>(text, "LAT,LON,KM")?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) || !km.is_finite() || km <= 0.0 {
        return Err(format!("'{text}': expected a latitude, a longitude and a radius above 0 km"));
    }
    Ok((lat, lon, km))
}

impl FilterArgs {
    fn query(&self) -> Result<EventQuery> {
        let since = match &self.since {
            Some(t) => Some(sitrep_store::parse_time(t).map_err(|e| anyhow::anyhow!("--since {e}"))?),
            None => None,
        };
        Ok(EventQuery {
            from: self.from,
            to: self.to,
            country: self.country.clone(),
            admin1: self.admin1.clone(),
            bbox: self.bbox,
            near: self.near,
            event_types: self.event_types.clone(),
            actor: self.actor.clone(),
            min_fatalities: self.min_fatalities,
            outlet: self.outlet.clone(),
            claimant: self.claimant.clone(),
            aggregate: if self.aggregates {
                Some(true)
            } else if self.incidents {
                Some(false)
            } else {
                None
            },
            since,
            sort: match self.sort {
                SortArg::Date => Sort::Date,
                SortArg::DateDesc => Sort::DateDesc,
                SortArg::Fatalities => Sort::Fatalities,
                SortArg::Updated => Sort::Updated,
            },
            limit: self.limit,
        })
    }
}

/// Whether an error is the reader closing the pipe (`sitrep events | head`): not a failure.
fn closed_pipe(e: &StoreError) -> bool {
    let StoreError::Sink(inner) = e else { return false };
    let kind = match inner.downcast_ref::<ExportError>() {
        Some(ExportError::Io(io)) => Some(io.kind()),
        Some(ExportError::Csv(c)) => match c.kind() {
            csv::ErrorKind::Io(io) => Some(io.kind()),
            _ => None,
        },
        Some(ExportError::Json(j)) => j.io_error_kind(),
        _ => inner.downcast_ref::<std::io::Error>().map(std::io::Error::kind),
    };
    kind == Some(std::io::ErrorKind::BrokenPipe)
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Shown {
    Table,
    Jsonl,
    Csv,
}

/// `sitrep events`: the events the filters select, as a table, JSON Lines or CSV.
pub fn events(store: &dyn Store, filters: &FilterArgs, shown: Shown) -> Result<ExitCode> {
    let query = filters.query()?;
    let stdout: Output = Box::new(std::io::BufWriter::new(std::io::stdout()));
    let result = match shown {
        Shown::Table => {
            let mut out = stdout;
            let (mut count, mut gone) = (0usize, 0usize);
            let header = crate::table::event_header(&mut out).map_err(|e| StoreError::Sink(e.into()));
            header
                .and_then(|()| {
                    store.each_event(&query, &mut |change| {
                        match change {
                            Change::Event(e) => {
                                crate::table::event_row(&mut out, &e)?;
                                count += 1;
                            }
                            Change::Removed(t) => {
                                let into = t.merged_into.map(|s| format!(" into {s}")).unwrap_or_default();
                                writeln!(out, "{}  ({} {}{})", t.event_id, t.reason, t.removed, into)?;
                                gone += 1;
                            }
                        }
                        Ok(())
                    })
                })
                .and_then(|()| {
                    let removed = if gone > 0 { format!(", {gone} removed") } else { String::new() };
                    writeln!(out, "{count} events{removed}")
                        .and_then(|()| out.flush())
                        .map_err(|e| StoreError::Sink(e.into()))
                })
        }
        Shown::Jsonl | Shown::Csv => {
            let format = if matches!(shown, Shown::Jsonl) { Format::Jsonl } else { Format::Csv };
            stream(store, &query, format, stdout, None).map(|_| ())
        }
    };
    match result {
        Err(e) if closed_pipe(&e) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}

/// Writes the selected events through a sink; returns how many events and tombstones went.
fn stream(
    store: &dyn Store,
    query: &EventQuery,
    format: Format,
    out: Output,
    deleted: Option<Output>,
) -> Result<(u64, u64), StoreError> {
    let mut sink = sitrep_export::sink(format, out, deleted).map_err(|e| StoreError::Sink(e.into()))?;
    let (mut events, mut removed) = (0u64, 0u64);
    store.each_event(query, &mut |change| {
        match change {
            Change::Event(e) => {
                sink.event(&e)?;
                events += 1;
            }
            Change::Removed(t) => {
                sink.removed(&t)?;
                removed += 1;
            }
        }
        Ok(())
    })?;
    sink.finish().map_err(|e| StoreError::Sink(e.into()))?;
    Ok((events, removed))
}

/// `events.csv` → `events.deleted.csv`: where the tabular formats put a feed's tombstones.
pub fn deleted_path(output: &Path) -> PathBuf {
    let stem = output.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    output.with_file_name(format!("{stem}.deleted.csv"))
}

fn create(path: &Path) -> Result<Output> {
    let file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(Box::new(std::io::BufWriter::new(file)))
}

/// `sitrep export`: the selected events in `format`, to `output` or standard output.
pub fn export(
    store: &dyn Store,
    filters: &FilterArgs,
    format: &str,
    output: Option<&Path>,
    quiet: bool,
) -> Result<ExitCode> {
    let Some(format) = Format::parse(format) else {
        bail!("--format {format}: unknown format (known: {})", Format::NAMES.join(", "));
    };
    let query = filters.query()?;
    let feed = query.since.is_some();
    if feed && query.limit.is_some() {
        // The next feed starts after the latest change: events past the limit would be lost.
        bail!("--since and --limit cannot go together: a change feed must carry every change");
    }
    if feed && !format.carries_tombstones() && output.is_none() {
        bail!(
            "--since with --format {}: give -o FILE; the events removed since then go beside it \
             (events.csv: events.deleted.csv)",
            format.name()
        );
    }
    // Read before the events: a change made while exporting is in the next feed, never lost.
    let mark = store.last_change()?;
    let out: Output = match output {
        Some(path) => create(path)?,
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    };
    let deleted_file = output.filter(|_| feed && !format.carries_tombstones()).map(deleted_path);
    let deleted = deleted_file.as_deref().map(create).transpose()?;
    match stream(store, &query, format, out, deleted) {
        Ok((events, removed)) => {
            if !quiet {
                let to = output.map_or("standard output".to_owned(), |p| p.display().to_string());
                let gone = match (&deleted_file, feed) {
                    (Some(path), _) => format!(", {removed} removed events to {}", path.display()),
                    (None, true) => format!(", {removed} removed events"),
                    (None, false) => String::new(),
                };
                eprintln!("{events} events written to {to} as {}{gone}", format.name());
                if let Some(mark) = mark {
                    eprintln!("next change feed: --since {mark}");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if closed_pipe(&e) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
    }
}
