//! The `sitrep` binary: argument parsing and wiring of the pipeline stages.
//!
//! Exit codes: 0 everything went through; 1 some input failed (the rest was processed) or an
//! evaluation check failed; 2 the command could not run (bad arguments, unusable database);
//! 130 interrupted (what was committed stays).

mod bench;
mod bench_export;
mod bench_gazetteer;
mod eval;
mod explain;
mod export;
mod gazetteer;
mod pipeline;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use sitrep_ingest::{FieldMap, Format, IngestOptions};
use sitrep_store::SqliteStore;

/// mimalloc instead of the system allocator: resolving a million reports spent a third of its
/// time in glibc's malloc (consolidating and clearing pages), which grew with the heap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "sitrep",
    version,
    about = "News reports of political violence → a verified, geocoded, de-duplicated event dataset"
)]
struct Cli {
    /// No progress bars or summaries; errors still go to stderr.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// The gazetteer index to geocode with ("embedded" for the built-in one). Default: the one
    /// `sitrep gazetteer import` wrote to ~/.local/share/sitrep/gazetteer.idx, if any.
    #[arg(long, global = true, env = "SITREP_GAZETTEER", value_name = "PATH")]
    gazetteer: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest, process and store PATHs, then print a summary of the events found.
    Run {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        db: DbArg,
    },
    /// Ingest, process and store PATHs without a summary (for scripts and pipelines).
    Ingest {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        db: DbArg,
    },
    /// List the stored events the filters select, as a table, JSON Lines or CSV.
    Events {
        #[command(flatten)]
        filters: export::FilterArgs,
        /// How to show them.
        #[arg(long, value_enum, default_value = "table")]
        format: export::Shown,
        #[command(flatten)]
        db: DbArg,
    },
    /// Write the stored events the filters select in an analyst's format; with --since, only
    /// what changed, and the events removed (a change feed).
    Export {
        /// jsonl (full records), csv (flat), acled-csv, ucdp-csv, geojson, parquet.
        #[arg(long, default_value = "jsonl", value_parser = sitrep_export::Format::NAMES)]
        format: String,
        /// Output file (default: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        filters: export::FilterArgs,
        #[command(flatten)]
        db: DbArg,
    },
    /// Show what sitrep makes of the documents in FILE: clean text, metadata, what was cut.
    Explain {
        file: PathBuf,
        /// One JSON object per document instead of text.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Import GeoNames files into the gazetteer, show which one is in use, look names up.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
    /// Measure sitrep against expected output and gold data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Measure throughput and peak memory of ingest and cleaning.
    Bench {
        /// Documents to read (e.g. a JSON Lines file); generated articles when absent.
        path: Option<PathBuf>,
        /// Number of generated articles.
        #[arg(long, default_value_t = 20_000)]
        generated: usize,
        /// Repeat the input this many times.
        #[arg(long, default_value_t = 3)]
        rounds: usize,
        /// Grow the resolver to this many generated reports, timing each tenfold size
        /// (0 skips it).
        #[arg(long, default_value_t = 1_000_000)]
        scale: usize,
        /// Instead: store this many generated events and time their export in every format,
        /// with each export's peak memory.
        #[arg(long, value_name = "N")]
        export: Option<usize>,
        /// Instead: import a generated GeoNames table of N rows (allCountries has 12.4 million)
        /// and time the import, its peak memory, opening the index and looking names up.
        #[arg(long, value_name = "N", conflicts_with = "export")]
        import: Option<usize>,
    },
}

#[derive(Subcommand)]
enum GazetteerCommand {
    /// Build the gazetteer index from GeoNames files (allCountries, XX, citiesNNN,
    /// alternateNamesV2, admin1CodesASCII, admin2Codes, countryInfo; .zip, .xz, .gz or plain).
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where to write the index (default: where sitrep looks for it).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// GeoNames feature classes to keep: A admin areas, P populated places, L regions,
        /// S spots, H water, T terrain, R roads, U undersea, V vegetation.
        #[arg(long, default_value = "PAL")]
        classes: String,
        /// Write the index even when some files could not be read, over an existing one.
        #[arg(long)]
        partial: bool,
    },
    /// Which gazetteer is in use and how large it is.
    Info,
    /// The places a name may be, as geocoding sees them.
    Lookup { name: String },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Check the seed articles against the expected output.
    Seeds { dir: PathBuf, expected: PathBuf },
    /// The Gun Violence Archive protocol on its documents and gold incidents.
    Gva {
        documents: PathBuf,
        gold: PathBuf,
        /// Write each document's own figures beside the gold, as CSV, for error analysis.
        #[arg(long)]
        details: Option<PathBuf>,
    },
    /// Score HTML main-text extraction on the article extraction benchmark.
    Html { dir: PathBuf },
    /// Event type and fatalities on ACLED notes (one note, one document).
    Acled {
        notes: PathBuf,
        /// Write each note's gold and predicted type and fatalities, as CSV, for error analysis.
        #[arg(long)]
        details: Option<PathBuf>,
    },
}

#[derive(Args)]
struct InputArgs {
    /// Files, directories (read recursively) or - for standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Args)]
struct ReadArgs {
    /// Force the input format instead of detecting it: text, html, jsonl, warc, feed.
    #[arg(long)]
    format: Option<Format>,
    /// Map a JSON field: --field text=article_body (fields: id, text, html, title, published, url, outlet, language).
    #[arg(long = "field", value_name = "FIELD=NAME")]
    fields: Vec<String>,
    /// Largest document, JSON line or WARC record read, in bytes.
    #[arg(long, default_value_t = 16 << 20)]
    max_document_bytes: usize,
}

#[derive(Args)]
struct DbArg {
    /// The database file.
    #[arg(long, env = "SITREP_DB", default_value = "sitrep.db")]
    db: PathBuf,
}

impl ReadArgs {
    fn options(&self) -> Result<IngestOptions> {
        let mut fields = FieldMap::default();
        for mapping in &self.fields {
            let Some((field, name)) = mapping.split_once('=') else {
                bail!("--field {mapping}: expected FIELD=NAME, e.g. --field text=article_body");
            };
            if !fields.set(field.trim(), name.trim()) {
                bail!("--field {mapping}: unknown field '{field}' (known: {})", FieldMap::FIELDS.join(", "));
            }
        }
        Ok(IngestOptions { format: self.format, fields, max_document_bytes: self.max_document_bytes })
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Panics are caught per input and reported as that input's error; the default hook would
    // print a second, rawer message. RUST_BACKTRACE=1 restores it for debugging.
    if std::env::var_os("RUST_BACKTRACE").is_none() {
        std::panic::set_hook(Box::new(|_| {}));
    }
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("RUST_LOG")
                .unwrap_or_else(|_| "warn,html5ever=error,selectors=error".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let code = std::panic::catch_unwind(|| run(cli));
    // For `bench --export`, which runs each export as a child: its own peak, not the parent's
    // at fork (which Linux's rusage would report).
    if std::env::var_os(bench_export::PEAK_VARIABLE).is_some()
        && let Some(mb) = bench::peak_memory_mb()
    {
        eprintln!("peak memory: {mb:.0} MB");
    }
    match code {
        Ok(Ok(code)) => code,
        Ok(Err(e)) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
        // `sitrep bench | head`: the reader went away; nothing is wrong with sitrep.
        Err(payload) if sitrep_ingest::panic_message(&payload).contains("Broken pipe") => ExitCode::from(141),
        Err(_) => {
            eprintln!("internal error: sitrep stopped unexpectedly (run with RUST_BACKTRACE=1 and please report)");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let quiet = cli.quiet;
    let gazetteer = || gazetteer::load(cli.gazetteer.as_deref());
    match cli.command {
        Command::Run { input, db } => ingest_command(&input, &db, gazetteer()?, quiet, true),
        Command::Ingest { input, db } => ingest_command(&input, &db, gazetteer()?, quiet, false),
        Command::Events { filters, format, db } => export::events(&open_store(&db)?, &filters, format),
        Command::Export { format, output, filters, db } => {
            export::export(&open_store(&db)?, &filters, &format, output.as_deref(), quiet)
        }
        Command::Explain { file, json, read } => explain::run(&file, json, &read.options()?, gazetteer()?),
        Command::Gazetteer(GazetteerCommand::Import { files, output, classes, partial }) => {
            let output = output.as_deref().or(cli.gazetteer.as_deref());
            gazetteer::import_command(&files, output, &classes, partial, quiet)
        }
        Command::Gazetteer(GazetteerCommand::Info) => gazetteer::info(gazetteer()?),
        Command::Gazetteer(GazetteerCommand::Lookup { name }) => gazetteer::lookup(gazetteer()?, &name),
        Command::Eval(EvalCommand::Seeds { dir, expected }) => eval::seeds(&dir, &expected, gazetteer()?, quiet),
        Command::Eval(EvalCommand::Gva { documents, gold, details }) => {
            eval::gva(&documents, &gold, details.as_deref(), gazetteer()?, quiet)
        }
        Command::Eval(EvalCommand::Html { dir }) => eval::html(&dir),
        Command::Eval(EvalCommand::Acled { notes, details }) => eval::acled(&notes, details.as_deref(), gazetteer()?),
        Command::Bench { export: Some(events), .. } => bench_export::run(events),
        Command::Bench { import: Some(rows), .. } => bench_gazetteer::run(rows),
        Command::Bench { path, generated, rounds, scale, export: None, import: None } => {
            bench::run(path.as_deref(), generated, rounds, scale, cli.gazetteer.as_deref())
        }
    }
}

fn open_store(db: &DbArg) -> Result<SqliteStore> {
    SqliteStore::open(&db.db).with_context(|| format!("cannot use database {}", db.db.display()))
}

/// A spinner counting documents, hidden when quiet or when stderr is not a terminal.
fn progress(quiet: bool, what: &str) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} {pos} documents ({per_sec}, {elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.set_message(what.to_owned());
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// Stops the run at the next document on Ctrl-C, after committing what was read.
fn interrupt_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let handler_flag = flag.clone();
    // Installing twice (tests, repeated calls) fails harmlessly: the first handler stays.
    let _ = ctrlc::set_handler(move || handler_flag.store(true, Ordering::Relaxed));
    flag
}

fn ingest_command(
    input: &InputArgs,
    db: &DbArg,
    gazetteer: &sitrep_geo::Gazetteer,
    quiet: bool,
    summary: bool,
) -> Result<ExitCode> {
    let options = input.read.options()?;
    let mut store = open_store(db)?;
    let bar = progress(quiet, "ingesting");
    let stop = interrupt_flag();
    let report = pipeline::ingest(&mut store, &input.paths, &options, &bar, &stop)?;
    bar.finish_and_clear();
    let changes = if report.interrupted { None } else { Some(pipeline::process(&mut store, gazetteer)?.1) };
    if !quiet {
        eprintln!(
            "{} documents read: {} new, {} updated, {} unchanged, {} near-duplicates, {} without text; {} inputs failed",
            report.read,
            report.inserted,
            report.updated,
            report.unchanged,
            report.near_duplicates,
            report.warnings,
            report.failures.len()
        );
        if let Some(c) = &changes {
            eprintln!(
                "events: {} new, {} updated, {} unchanged, {} merged into others, {} removed (changes stamped {})",
                c.added, c.updated, c.unchanged, c.merged, c.removed, c.at
            );
        }
    }
    if summary && !quiet {
        table::summary(&store, &mut std::io::stdout().lock())?;
    }
    if report.interrupted {
        eprintln!("interrupted: everything read before the interruption is stored; run again to finish");
        return Ok(ExitCode::from(130));
    }
    Ok(if report.failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
