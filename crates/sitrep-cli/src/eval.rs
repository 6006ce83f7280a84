//! `sitrep eval …`: runs the pipeline in a fresh temporary database and hands what it made to
//! the judges of `sitrep-eval`, printing every figure.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use anyhow::{Context, Result};
use sitrep_eval::{gva, seeds};
use sitrep_geo::{Gazetteer, LocatedReport};
use sitrep_ingest::IngestOptions;
use sitrep_store::{SqliteStore, Store};

use crate::pipeline::{self, IngestReport};

/// A pipeline run in a fresh temporary database.
struct FreshRun {
    /// Keeps the database's directory alive while the run is read.
    _dir: tempfile::TempDir,
    store: SqliteStore,
    ingest: IngestReport,
    reports: Vec<LocatedReport>,
    seconds: f64,
}

/// Ingests `path` into a fresh store and runs the later stages.
fn fresh_run(path: &Path, gazetteer: &Gazetteer, quiet: bool) -> Result<FreshRun> {
    let dir = tempfile::tempdir().context("cannot create a temporary directory")?;
    let mut store = SqliteStore::open(&dir.path().join("eval.db"))?;
    let bar = crate::progress(quiet, "evaluating");
    let started = Instant::now();
    let stop = AtomicBool::new(false);
    let report = pipeline::ingest(&mut store, &[path.to_path_buf()], &IngestOptions::default(), &bar, &stop)?;
    let (reports, _) = pipeline::process(&mut store, gazetteer)?;
    bar.finish_and_clear();
    Ok(FreshRun { _dir: dir, store, ingest: report, reports, seconds: started.elapsed().as_secs_f64() })
}

pub fn seeds(dir: &Path, expected_path: &Path, gazetteer: &Gazetteer, quiet: bool) -> Result<ExitCode> {
    let text =
        std::fs::read_to_string(expected_path).with_context(|| format!("cannot read {}", expected_path.display()))?;
    let expected: seeds::Expected = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a valid expected-output file", expected_path.display()))?;
    let FreshRun { store, ingest: report, .. } = fresh_run(dir, gazetteer, quiet)?;
    let mut documents = BTreeMap::new();
    for summary in store.documents()? {
        documents.insert(
            summary.id.clone(),
            seeds::DocumentFacts { outlet: summary.outlet, published: summary.published, language: summary.language },
        );
    }
    let events = store.events()?;
    println!("seed check: {} documents, {} events", report.read, events.len());
    let verdicts = seeds::check(&expected, &events, &documents);
    for v in &verdicts {
        println!("{} {:9} {:24} {}", if v.passed { "PASS" } else { "FAIL" }, v.section, v.id, v.reason);
    }
    let passing = verdicts.iter().filter(|v| v.passed).count();
    // Worded so that CI does not read it as a test runner's closing line.
    println!("seed check: {passing} of {} entries hold", verdicts.len());
    Ok(if passing == verdicts.len() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub fn gva(
    documents: &Path,
    gold_path: &Path,
    details: Option<&Path>,
    gazetteer: &Gazetteer,
    quiet: bool,
) -> Result<ExitCode> {
    let mut gold = gva::read_gold(gold_path)?;
    // GVA names states as the census does ("District of Columbia"); the gazetteer may name one
    // otherwise (GeoNames' "Washington, D.C."): gold states are read in the gazetteer's names.
    for incident in gold.values_mut() {
        let own_name = gazetteer
            .candidates(&incident.state)
            .into_iter()
            .map(|(i, _)| gazetteer.entry(i))
            .find(|e| e.kind == sitrep_geo::gazetteer::Kind::Admin1 && e.iso2 == "US");
        if let Some(name) = own_name.and_then(|e| e.admin1) {
            incident.state = name;
        }
    }
    let incidents = gva::read_document_incidents(documents)?;
    let FreshRun { store, ingest: report, reports, seconds, .. } = fresh_run(documents, gazetteer, quiet)?;
    let events = store.events()?;
    let coded_to = |lat: f64, lon: f64, city: &str| {
        // "Columbus (city)", "Pittsburgh (Mount Washington)": the town is before the brackets.
        let town = city.split(" (").next().unwrap_or(city);
        gazetteer.candidates(town).iter().any(|&(i, _)| {
            let e = gazetteer.entry(i);
            matches!((e.lat, e.lon), (Some(a), Some(b)) if sitrep_model::distance_km(a, b, lat, lon) < 1.0)
        })
    };
    let s = gva::score(&events, &incidents, &gold, &coded_to);
    let pairs = store.near_duplicates()?;
    // The claims each document states, from the reports the run already made.
    let mut claims: std::collections::HashMap<&str, Vec<sitrep_model::Claim>> = std::collections::HashMap::new();
    for located in &reports {
        claims.entry(located.report.document_id.as_str()).or_default().extend(located.report.claims.iter().cloned());
    }
    let figures = claims.into_iter().map(|(doc, claims)| (doc.to_owned(), gva::document_figures(&claims))).collect();
    let d = gva::score_documents(&figures, &incidents, &gold);
    // The figures of each document's main incident: its incident report with the most claims
    // (the first on a tie), leaving out the other incidents a round-up tells.
    let mut main: std::collections::HashMap<&str, &sitrep_geo::LocatedReport> = std::collections::HashMap::new();
    for located in reports.iter().filter(|l| !l.report.aggregate) {
        let slot = main.entry(located.report.document_id.as_str()).or_insert(located);
        if located.report.claims.len() > slot.report.claims.len() {
            *slot = located;
        }
    }
    let main_figures =
        main.iter().map(|(doc, l)| ((*doc).to_owned(), gva::document_figures(&l.report.claims))).collect();
    let m = gva::score_documents(&main_figures, &incidents, &gold);
    let geo = geocoding_alone(&reports, &incidents, &gold, gazetteer);
    if let Some(path) = details {
        let primary = gva::primary_events(&events);
        let mut csv = csv::Writer::from_path(path).with_context(|| format!("cannot create {}", path.display()))?;
        csv.write_record([
            "doc_id",
            "incident_id",
            "gold_killed",
            "gold_injured",
            "killed",
            "injured",
            "gold_date",
            "gold_city",
            "gold_state",
            "event",
            "event_documents",
            "event_date",
            "event_place",
            "event_admin1",
            "mention_admin1",
            "report_place",
            "report_admin1",
            "report_date",
            "event_flags",
            "event_killed",
            "event_injured",
        ])?;
        let main_location = |doc: &str, f: &dyn Fn(&sitrep_model::Location) -> Option<String>| {
            main.get(doc).and_then(|l| l.location.as_ref()).and_then(f).unwrap_or_default()
        };
        for (doc, incident) in &incidents {
            let Some(g) = gold.get(incident) else { continue };
            let (k, i) = figures.get(doc).copied().unwrap_or((0, 0));
            let event = primary.get(doc).map(|&e| (e, &events[e]));
            let text = |f: &dyn Fn(&sitrep_model::EventRecord) -> Option<String>| {
                event.and_then(|(_, e)| f(e)).unwrap_or_default()
            };
            csv.write_record([
                doc.clone(),
                incident.clone(),
                g.n_killed.to_string(),
                g.n_injured.to_string(),
                k.to_string(),
                i.to_string(),
                g.date.clone(),
                g.city_or_county.clone(),
                g.state.clone(),
                event.map(|(e, _)| e.to_string()).unwrap_or_default(),
                text(&|e| Some(e.sources.len().to_string())),
                text(&|e| e.date_start.map(|d| d.to_string())),
                text(&|e| e.location.name.clone()),
                text(&|e| e.location.admin1.clone()),
                geo.admin1_of.get(doc.as_str()).cloned().flatten().unwrap_or_default(),
                // The document's own main report, before resolution merged it with others.
                main_location(doc, &|l| l.name.clone()),
                main_location(doc, &|l| l.admin1.clone()),
                main.get(doc.as_str()).and_then(|l| l.report.date_start).map(|d| d.to_string()).unwrap_or_default(),
                text(&|e| Some(e.flags.join(";"))),
                text(&|e| Some(e.fatalities.best.to_string())),
                text(&|e| Some(e.injuries.best.to_string())),
            ])?;
        }
        csv.flush()?;
    }
    println!("GVA evaluation on {}", documents.display());
    println!(
        "  documents read          {} ({} failed, {} stored)",
        report.read,
        report.failures.len(),
        store.counts()?.documents
    );
    println!("  near-duplicate pairs    {}", pairs.len());
    println!("  events                  {}", events.len());
    println!("  pipeline                {:.1} s, {:.0} documents/s", seconds, report.read as f64 / seconds.max(1e-9));
    println!("  documents scored        {} (incident has gold)", s.documents_scored);
    println!(
        "  incidents               {} ({} covered, {:.3})",
        s.incidents,
        s.incidents_covered,
        s.incidents_covered as f64 / s.incidents.max(1) as f64
    );
    println!("  clustering B-cubed      P {:.3}  R {:.3}  F1 {:.3}", s.bcubed_precision, s.bcubed_recall, s.bcubed_f1);
    println!("  killed exact            {:.3}", s.killed_exact);
    println!("  injured exact           {:.3}", s.injured_exact);
    println!("  both exact              {:.3}", s.both_exact);
    println!("  killed MAE              {:.3}", s.killed_mae);
    println!("  date exact              {:.3}", s.date_exact);
    println!("  city                    {:.3}", s.city);
    println!("  state                   {:.3}", s.state);
    println!("  within 25 km            {:.3}", s.within_25km);
    println!(
        "  geocoding alone ({}: {} documents with a place mention, {} naming the gold city)",
        gazetteer.origin, geo.with_mention, geo.naming_city
    );
    println!("    that mention's state  {:.3}", geo.state / geo.naming_city.max(1) as f64);
    println!("    its city              {:.3}", geo.city / geo.naming_city.max(1) as f64);
    println!("    within 25 km          {:.3}", geo.within_25km / geo.naming_city.max(1) as f64);
    println!("  document level ({} documents: the figures each document states)", d.documents);
    println!("    killed exact          {:.3}", d.killed_exact);
    println!("    injured exact         {:.3}", d.injured_exact);
    println!("    both exact            {:.3}", d.both_exact);
    println!("  document level, main incident (the document's report with the most claims)");
    println!("    killed exact          {:.3}", m.killed_exact);
    println!("    injured exact         {:.3}", m.injured_exact);
    println!("    both exact            {:.3}", m.both_exact);
    Ok(ExitCode::SUCCESS)
}

/// Geocoding measured apart from extraction: over documents one of whose place mentions names
/// the gold city, that mention geocoded under the document's focus.
#[derive(Default)]
struct GeocodingAlone {
    with_mention: usize,
    naming_city: usize,
    state: f64,
    city: f64,
    within_25km: f64,
    /// The state each counted document's mention of the gold city was put in.
    admin1_of: std::collections::HashMap<String, Option<String>>,
}

fn geocoding_alone(
    reports: &[LocatedReport],
    incidents: &[(String, String)],
    gold: &std::collections::HashMap<String, gva::GoldIncident>,
    gazetteer: &Gazetteer,
) -> GeocodingAlone {
    let mut by_document: BTreeMap<&str, Vec<sitrep_model::Report>> = BTreeMap::new();
    for r in reports {
        by_document.entry(r.report.document_id.as_str()).or_default().push(r.report.clone());
    }
    let incidents: std::collections::HashMap<&str, &str> =
        incidents.iter().map(|(d, i)| (d.as_str(), i.as_str())).collect();
    let mut s = GeocodingAlone::default();
    for (doc, reports) in by_document {
        let Some(g) = incidents.get(doc).and_then(|i| gold.get(*i)) else { continue };
        let mentions: Vec<_> = reports.iter().flat_map(|r| &r.place_mentions).collect();
        if mentions.is_empty() {
            continue;
        }
        s.with_mention += 1;
        let city = gva::city_key(&g.city_or_county);
        let Some(mention) = mentions.iter().find(|m| gva::city_key(&m.name) == city) else { continue };
        s.naming_city += 1;
        let focus = sitrep_geo::resolution::Focus::of(gazetteer, &reports);
        let Some(l) = sitrep_geo::resolution::locate_mention(gazetteer, mention, &focus) else { continue };
        let same = |ours: &Option<String>, theirs: &str| {
            ours.as_deref().is_some_and(|o| gva::city_key(o) == gva::city_key(theirs))
        };
        s.state += f64::from(u8::from(same(&l.admin1, &g.state)));
        s.admin1_of.insert(doc.to_owned(), l.admin1.clone());
        s.city += f64::from(u8::from(same(&l.name, &g.city_or_county) || same(&l.admin2, &g.city_or_county)));
        if let (Some(a), Some(b), Some(c), Some(d)) = (l.lat, l.lon, g.latitude, g.longitude) {
            s.within_25km += f64::from(u8::from(sitrep_model::distance_km(a, b, c, d) <= 25.0));
        }
    }
    s
}

pub fn html(dir: &Path) -> Result<ExitCode> {
    let scores = sitrep_eval::html::score_html_benchmark(dir, |page| sitrep_ingest::formats::html::extract(page).text)?;
    println!("HTML main-text extraction on {} ({} pages)", dir.display(), scores.pages.len());
    println!("  F1         {:.3}", scores.f1);
    println!("  precision  {:.3}", scores.precision);
    println!("  recall     {:.3}", scores.recall);
    println!("  accuracy   {:.3}", scores.accuracy);
    println!(
        "  speed      {:.0} pages/s, {:.1} MB/s (one core)",
        scores.pages.len() as f64 / scores.seconds.max(1e-9),
        scores.bytes as f64 / 1e6 / scores.seconds.max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}

pub fn acled(path: &Path, details: Option<&Path>, gazetteer: &Gazetteer) -> Result<ExitCode> {
    let rows = sitrep_eval::acled::read(path)?;
    let started = Instant::now();
    let mut predicted = std::collections::HashMap::new();
    for row in &rows {
        let source = sitrep_model::SourceRef { path: path.display().to_string(), format: "csv".into(), record: None };
        let mut raw = sitrep_ingest::RawDocument::new(row.notes.clone(), row.notes.as_bytes(), source);
        raw.id = Some(row.id.clone());
        let document = match sitrep_ingest::process(raw) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("error: {e}");
                continue;
            }
        };
        match pipeline::analyse(&document) {
            Ok((_, reports)) => {
                // The primary report: the incident with the most claims (ties: the first told);
                // a note of a tally alone ("detained 9,000 in the last four days") is one event
                // of ACLED's too, so the tally when there is no incident.
                let mut primary: Option<LocatedReport> = None;
                for r in sitrep_geo::geocode(gazetteer, reports) {
                    let better = |best: &LocatedReport| {
                        (!r.report.aggregate, r.report.claims.len())
                            > (!best.report.aggregate, best.report.claims.len())
                    };
                    if primary.as_ref().is_none_or(better) {
                        primary = Some(r);
                    }
                }
                let claims: Vec<_> = primary.iter().flat_map(|r| r.report.claims.clone()).collect();
                let fatalities = gva::document_figures(&claims).0;
                let (event_type, location) = match primary {
                    Some(p) => (p.report.event_type, p.location),
                    None => (None, None),
                };
                predicted.insert(row.id.clone(), sitrep_eval::acled::Predicted { event_type, fatalities, location });
            }
            Err(e) => eprintln!("error: {e}"),
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let s = sitrep_eval::acled::score(&rows, &|id| predicted.get(id).cloned().unwrap_or_default());
    if let Some(details) = details {
        let mut out =
            csv::Writer::from_path(details).with_context(|| format!("cannot create {}", details.display()))?;
        out.write_record([
            "id",
            "gold_type",
            "type",
            "gold_fatalities",
            "fatalities",
            "gold_admin1",
            "admin1",
            "gold_location",
            "location",
            "km",
            "note",
        ])?;
        for row in &rows {
            let p = predicted.get(&row.id).cloned().unwrap_or_default();
            let (gold_fatalities, fatalities) = (row.fatalities.to_string(), p.fatalities.to_string());
            let kind = p.event_type.unwrap_or_default();
            let l = p.location.unwrap_or_default();
            let km = match (l.lat, l.lon, row.latitude, row.longitude) {
                (Some(a), Some(b), Some(c), Some(d)) => format!("{:.0}", sitrep_model::distance_km(a, b, c, d)),
                _ => String::new(),
            };
            let (admin1, name) = (l.admin1.unwrap_or_default(), l.name.unwrap_or_default());
            out.write_record([
                &row.id,
                &row.event_type,
                &kind,
                &gold_fatalities,
                &fatalities,
                &row.admin1,
                &admin1,
                &row.location,
                &name,
                &km,
                &row.notes,
            ])?;
        }
        out.flush()?;
    }
    println!(
        "ACLED notes on {} ({} notes, {:.0} notes/s one core)",
        path.display(),
        s.notes,
        s.notes as f64 / seconds.max(1e-9)
    );
    println!("  event type accuracy     {:.3}", s.type_accuracy);
    println!("  fatalities exact        {:.3}", s.fatalities_exact);
    println!("  gazetteer               {}", gazetteer.origin);
    println!("  located                 {:.3} (with a point {:.3})", s.located, s.with_point);
    println!("  country                 {:.3}", s.country);
    println!("  admin1                  {:.3}", s.admin1);
    println!("  location name           {:.3}", s.location_name);
    println!("  within 25 km            {:.3}", s.within_25km);
    for (kind, n, right) in &s.by_type {
        println!("    {kind:40} {n:5} notes, {:.3} typed right", *right as f64 / (*n).max(1) as f64);
    }
    Ok(ExitCode::SUCCESS)
}
