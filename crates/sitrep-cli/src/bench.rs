//! `sitrep bench`: throughput of each stage on one core, and peak memory.
//!
//! Reads the given file (e.g. the GVA documents) or generated articles, then cleans every
//! document `rounds` times; reports documents/s and MB/s per core for reading + cleaning and for
//! cleaning alone; then annotate + extract + geocode, and resolve, over the cleaned documents;
//! then the cost of adding a report to the resolver as it grows to `--scale` generated reports
//! (flat is the goal); and the process's peak resident memory.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use sitrep_geo::LocatedReport;
use sitrep_ingest::{IngestOptions, RawDocument};
use sitrep_model::{Claim, Document, PlaceMention, Report, SourceCitation, SourceRef, Span};
use sitrep_resolve::{Resolver, SourceDocument};

pub fn run(
    path: Option<&Path>,
    generated: usize,
    rounds: usize,
    scale: usize,
    gazetteer: Option<&Path>,
) -> Result<ExitCode> {
    let started = Instant::now();
    let raws: Vec<RawDocument> = match path {
        Some(path) => sitrep_ingest::read_sources(&[path.to_path_buf()], &IngestOptions::default())
            .filter_map(Result::ok)
            .collect(),
        None => (0..generated).map(generated_article).collect(),
    };
    let read_seconds = started.elapsed().as_secs_f64();
    let bytes: usize = raws.iter().map(|r| r.text.len()).sum();
    let source = path.map(|p| p.display().to_string()).unwrap_or_else(|| format!("{generated} generated articles"));
    println!("bench: ingest + clean on {source}");
    println!("  read + parse   {} documents, {:.1} MB in {:.2} s", raws.len(), bytes as f64 / 1e6, read_seconds);
    let started = Instant::now();
    let mut kept = 0usize;
    let mut documents_kept = Vec::new();
    for round in 0..rounds.max(1) {
        for raw in &raws {
            if let Ok(document) = sitrep_ingest::process(raw.clone()) {
                kept += 1;
                if round == 0 {
                    documents_kept.push(document);
                }
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let documents = (raws.len() * rounds.max(1)) as f64;
    println!(
        "  clean          {:.0} documents/s, {:.1} MB/s per core ({} rounds, {} documents kept per round)",
        documents / seconds,
        (bytes * rounds.max(1)) as f64 / 1e6 / seconds,
        rounds.max(1),
        kept / rounds.max(1)
    );
    println!(
        "  read + clean   {:.0} documents/s per core",
        raws.len() as f64 / (read_seconds + seconds / rounds.max(1) as f64)
    );
    // Scaling first, on a fresh heap: after the stages, the first sizes would reuse the memory
    // the gazetteer and the annotations freed, and only the larger ones pay for fresh pages.
    resolve_scaling(scale);
    stages(&documents_kept, rounds, gazetteer)?;
    match peak_memory_mb() {
        Some(mb) => println!("  peak memory    {mb:.0} MB"),
        None => println!("  peak memory    unknown on this platform"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Annotate + extract (loading the lexicons first, timed apart; the fastest of `rounds`),
/// geocode (loading the gazetteer first, timed apart), then resolve, over clean documents.
fn stages(documents: &[Document], rounds: usize, gazetteer: Option<&Path>) -> Result<()> {
    let n = documents.len().max(1) as f64;
    // The lexicons are read and compiled once per process, at the first document.
    let started = Instant::now();
    if let Ok(warm) = sitrep_ingest::process(generated_article(0)) {
        let _ = crate::pipeline::analyse(&warm);
    }
    println!("  lexicons load                  {:.3} s", started.elapsed().as_secs_f64());
    let mut extract_seconds = f64::INFINITY;
    let mut extracted: Vec<Vec<Report>> = Vec::new();
    for _ in 0..rounds.max(1) {
        let started = Instant::now();
        extracted = documents.iter().map(|d| crate::pipeline::analyse(d).map(|(_, r)| r).unwrap_or_default()).collect();
        extract_seconds = extract_seconds.min(started.elapsed().as_secs_f64());
    }
    let reports: usize = extracted.iter().map(Vec::len).sum();
    println!(
        "  annotate + extract             {:.0} documents/s per core ({reports} reports, fastest of {} rounds)",
        n / extract_seconds,
        rounds.max(1)
    );
    let started = Instant::now();
    let gazetteer = crate::gazetteer::load(gazetteer)?;
    println!(
        "  gazetteer load                 {:.3} s ({}: {} places, {} names)",
        started.elapsed().as_secs_f64(),
        gazetteer.origin,
        gazetteer.len(),
        gazetteer.keys()
    );
    let started = Instant::now();
    let located: Vec<Vec<LocatedReport>> = extracted.into_iter().map(|r| sitrep_geo::geocode(gazetteer, r)).collect();
    let geocode_seconds = started.elapsed().as_secs_f64();
    println!("  geocode                        {:.0} documents/s per core", n / geocode_seconds);
    let started = Instant::now();
    let mut resolver = Resolver::new();
    for (d, reports) in documents.iter().zip(located) {
        resolver.add(crate::pipeline::source_document(d), &d.text, reports);
    }
    let events = resolver.events().len();
    let resolve_seconds = started.elapsed().as_secs_f64();
    println!("  resolve                        {:.0} documents/s per core ({events} events)", n / resolve_seconds);
    let whole = extract_seconds + geocode_seconds + resolve_seconds;
    println!("  whole pipeline after cleaning  {:.0} documents/s per core (gazetteer loaded)", n / whole);
    println!("  the same without geocoding     {:.0} documents/s per core", n / (extract_seconds + resolve_seconds));
    Ok(())
}

/// The cost of adding one report as the resolver grows: timed over the second half of the
/// reports before each size of 10k, 100k, 1M … up to `scale`. Over a half, every table that
/// grows with the reports doubles once, as it does, amortised, in a real run; a shorter window
/// would catch a doubling at one size and miss it at another.
///
/// Wall time is split into the process's user time (the resolver's own work, cache misses
/// included) and its system time, nearly all of it the kernel zeroing the fresh pages the growing
/// store takes: that cost follows the bytes stored per report, and on a virtual machine it
/// varies from run to run by a factor of two or three whatever the size.
fn resolve_scaling(scale: usize) {
    const STEP: usize = 10_000;
    if scale < STEP {
        return;
    }
    let mut resolver = Resolver::new();
    let mut first: Option<(f64, f64)> = None;
    let mut size = STEP;
    let mut added = 0;
    println!("  resolve scaling (generated reports; cost of adding one, at each size)");
    while size <= scale {
        let window = size / 2;
        while added < size - window {
            add_generated(&mut resolver, added);
            added += 1;
        }
        let started = Instant::now();
        let (user_before, system_before) = cpu_seconds();
        let (_, scored_before) = resolver.work();
        while added < size {
            add_generated(&mut resolver, added);
            added += 1;
        }
        let per_report = |seconds: f64| seconds * 1e6 / window as f64;
        let wall = per_report(started.elapsed().as_secs_f64());
        let (user_after, system_after) = cpu_seconds();
        let (user, system) = (per_report(user_after - user_before), per_report(system_after - system_before));
        let scored = (resolver.work().1 - scored_before) as f64 / window as f64;
        let (base_wall, base_user) = *first.get_or_insert((wall, user));
        println!(
            "    {size:>9} reports   {wall:6.2} µs per report (×{:.2} of the first; user {user:.2} µs, ×{:.2}; system {system:.2} µs)   {scored:.2} events scored per report",
            wall / base_wall,
            user / base_user.max(f64::EPSILON),
        );
        size *= 10;
    }
}

/// User and system CPU time of this process so far, in seconds.
fn cpu_seconds() -> (f64, f64) {
    // SAFETY: getrusage only writes the struct it is given, which is plain data.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (seconds(usage.ru_utime), seconds(usage.ru_stime))
}

/// A generated report: one of 5,000 towns, a few deaths, dated as news arrives (1,000 reports a
/// day, so that a larger store is a longer period, as it is for real, not a denser one); every
/// third one repeats an earlier incident from another outlet, so that events grow as well as
/// multiply.
fn add_generated(resolver: &mut Resolver, n: usize) {
    let incident = if n % 3 == 2 { n - 1 } else { n };
    // Independent pseudo-random draws per incident (a multiplicative hash, then a mix).
    let spread = |salt: usize| {
        let mut x =
            (incident as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (salt as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x ^= x >> 31;
        x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
        (x ^ (x >> 29)) as usize
    };
    let town = format!("Town{}", spread(1) % 5_000);
    let day = (incident / 1_000) as i64 - (spread(2) % 3) as i64;
    let day = jiff::civil::date(2022, 1, 1).checked_add(jiff::Span::new().days(day));
    let day = day.unwrap_or(jiff::civil::date(2022, 1, 1));
    let text = format!("Gunmen attacked the market in {town}, killing {} people.", spread(3) % 7 + 1);
    let id = format!("g{n}");
    let mut claim = Claim::exact("killed", (spread(3) % 7 + 1) as u32, "all", "police", &id, Span::new(0, text.len()));
    claim.quote = text.clone();
    let report = Report {
        document_id: id.clone(),
        event_type: Some("Violence against civilians".into()),
        sub_event_type: Some("Attack".into()),
        date_start: Some(day),
        date_end: Some(day),
        date_precision: Some(1),
        place_mentions: vec![PlaceMention {
            span: Span::new(0, 0),
            name: town,
            feature: None,
            feature_word: None,
            context: vec![],
            dateline: false,
        }],
        document_places: vec![],
        country_cues: Vec::new(),
        demonym_cues: Vec::new(),
        outlet_home: Vec::new(),
        area_cues: Vec::new(),
        actors: vec![],
        claims: vec![claim],
        aggregate: false,
        spans: vec![Span::new(0, text.len())],
    };
    let source = SourceDocument {
        citation: SourceCitation {
            document_id: id,
            outlet: Some(format!("Outlet {}", n % 40)),
            url: None,
            published: None,
            title: None,
            copy_of: None,
        },
        published: Some(day),
    };
    resolver.add(source, &text, vec![LocatedReport { report, location: None }]);
}

/// Peak resident set size of this process (Linux `VmHWM`).
pub fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// A plausible article of a few paragraphs, varied by `n` (no randomness: runs repeat).
fn generated_article(n: usize) -> RawDocument {
    const PLACES: [&str; 6] = ["Northfield", "Marlow", "Kessel", "Vantor", "Brevia", "Oskland"];
    const ACTS: [&str; 4] = ["opened fire on", "attacked", "ambushed", "shelled"];
    const TARGETS: [&str; 4] = ["a checkpoint", "a market", "a police patrol", "a convoy"];
    let pick =
        |list: &[&'static str], salt: usize| list[(n.wrapping_mul(2654435761) >> 7).wrapping_add(salt) % list.len()];
    let text = format!(
        "Gunmen {} {} in {} on Monday, killing {} people and wounding {} others, officials said.\n\n\
         The attack began shortly after dawn, residents of {} told reporters. Security forces arrived \
         within the hour and sealed off the area around {}.\n\n\
         A spokesman for the provincial police said {} suspects had been arrested and that an \
         investigation was under way. \"We will find those responsible,\" he said.\n\n\
         It was the {}th such incident in the region this year, according to a local monitoring group.",
        pick(&ACTS, 0),
        pick(&TARGETS, 1),
        pick(&PLACES, 2),
        n % 9 + 1,
        n % 13,
        pick(&PLACES, 3),
        pick(&TARGETS, 4),
        n % 4,
        n % 30 + 4,
    );
    let source = SourceRef { path: "generated".into(), format: "text".into(), record: Some(n as u64) };
    let mut raw = RawDocument::new(text.clone(), text.as_bytes(), source);
    raw.id = Some(format!("gen-{n}"));
    raw
}
