//! `sitrep explain FILE`: what sitrep makes of each document in a file, without storing it —
//! metadata, clean text by paragraph with its language, embedded posts, repaired words, what was
//! dropped and why, and the annotations and reports of the later stages; then the events the
//! file's documents resolve to, each figure with the rule and the claims that gave it (in JSON,
//! a last line `{"events": [...]}`).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;
use sitrep_ingest::IngestOptions;
use sitrep_model::{Document, EventRecord};

pub fn run(file: &Path, as_json: bool, options: &IngestOptions, gazetteer: &sitrep_geo::Gazetteer) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut failed = false;
    let mut resolver = sitrep_resolve::Resolver::new();
    for item in sitrep_ingest::read_sources(&[file.to_path_buf()], options) {
        match item.and_then(sitrep_ingest::process) {
            Ok(document) => {
                if let Some(warning) = sitrep_ingest::emptiness_warning(&document) {
                    eprintln!("warning: {}: {warning}", document.source.describe());
                }
                let (annotations, reports) = match crate::pipeline::analyse(&document) {
                    Ok(analysed) => analysed,
                    Err(e) => {
                        eprintln!("error: {e}");
                        failed = true;
                        continue;
                    }
                };
                let places = located_places(gazetteer, &reports);
                let source = crate::pipeline::source_document(&document);
                resolver.add(source, &document.text, sitrep_geo::geocode(gazetteer, reports.clone()));
                if as_json {
                    let annotations: Vec<_> = annotations
                        .items()
                        .iter()
                        .map(|a| json!({"layer": a.layer, "span": a.span, "label": a.label}))
                        .collect();
                    let claims: Vec<_> = reports.iter().flat_map(|r| r.claims.iter()).collect();
                    let record = json!({
                        "id": document.id,
                        "outlet": document.outlet,
                        "published": document.published.as_ref().map(|p| p.iso()),
                        "title": document.title,
                        "language": document.language,
                        "url": document.url,
                        "text": document.text,
                        "paragraphs": document.paragraphs,
                        "embedded": document.embedded,
                        "dropped": document.dropped,
                        "repairs": document.repairs,
                        "source": document.source,
                        "annotations": annotations,
                        "claims": claims,
                        "reports": reports,
                        "places": places.iter().map(|(m, l)| json!({"mention": m, "location": l})).collect::<Vec<_>>(),
                    });
                    serde_json::to_writer(&mut out, &record)?;
                    writeln!(out)?;
                } else {
                    write_text(&mut out, &document)?;
                    writeln!(out, "\nannotations:")?;
                    for a in &annotations.items() {
                        let label = if a.label.is_empty() { String::new() } else { format!(" {}", a.label) };
                        writeln!(
                            out,
                            "  {:9} {}..{}{label}: {}",
                            a.layer,
                            a.span.start,
                            a.span.end,
                            a.span.slice(&document.text)
                        )?;
                    }
                    writeln!(out, "places ({}):", gazetteer.origin)?;
                    for (m, l) in &places {
                        writeln!(out, "  {}", describe_place(m, l.as_ref()))?;
                    }
                    writeln!(out, "reports: {}", reports.len())?;
                    writeln!(out)?;
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
            }
        }
    }
    let events = resolver.events();
    if as_json {
        serde_json::to_writer(&mut out, &json!({ "events": events }))?;
        writeln!(out)?;
    } else {
        write_events(&mut out, &events)?;
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Each place mention of a document's reports (once each) with what geocoding made of it.
fn located_places(
    gazetteer: &sitrep_geo::Gazetteer,
    reports: &[sitrep_model::Report],
) -> Vec<(sitrep_model::PlaceMention, Option<sitrep_model::Location>)> {
    let focus = sitrep_geo::resolution::Focus::of(gazetteer, reports);
    let mut seen = std::collections::HashSet::new();
    reports
        .iter()
        .flat_map(|r| &r.place_mentions)
        .filter(|m| seen.insert((m.span.start, m.span.end)))
        .map(|m| (m.clone(), sitrep_geo::resolution::locate_mention(gazetteer, m, &focus)))
        .collect()
}

/// "Jableh (area) in Latakia → Jablah, Latakia, Syria (35.36211, 35.92759), precision 2 / 2".
fn describe_place(m: &sitrep_model::PlaceMention, l: Option<&sitrep_model::Location>) -> String {
    let kind = m.feature.as_deref().map(|f| format!(" ({f})")).unwrap_or_default();
    let context = if m.context.is_empty() { String::new() } else { format!(" in {}", m.context.join(", ")) };
    let Some(l) = l else { return format!("{}{kind}{context} → not located", m.name) };
    let named: Vec<&str> =
        [&l.name, &l.admin2, &l.admin1, &l.country].into_iter().flatten().map(String::as_str).collect();
    let point = match (l.lat, l.lon) {
        (Some(lat), Some(lon)) => format!(" ({lat:.5}, {lon:.5})"),
        _ => " (no point)".into(),
    };
    let precision = |p: Option<u8>| p.map_or("-".to_owned(), |p| p.to_string());
    format!(
        "{}{kind}{context} → {}{point}, precision {} / {}",
        m.name,
        named.join(", "),
        precision(l.geo_precision),
        precision(l.where_prec)
    )
}

/// Each event with its figures, and for each figure the rule and the claims behind it.
fn write_events(out: &mut dyn Write, events: &[EventRecord]) -> std::io::Result<()> {
    writeln!(out, "events: {}", events.len())?;
    for e in events {
        let or_dash = |v: Option<&str>| v.unwrap_or("-").to_owned();
        let date = match (e.date_start, e.date_end) {
            (Some(s), Some(end)) if s != end => format!("{s}..{end}"),
            (Some(s), _) => s.to_string(),
            _ => "-".into(),
        };
        writeln!(
            out,
            "\n  {}{}  {} / {}  {date} (precision {})  {}",
            e.event_id,
            if e.aggregate { " [aggregate]" } else { "" },
            or_dash(e.event_type.as_deref()),
            or_dash(e.sub_event_type.as_deref()),
            e.date_precision.map_or("-".into(), |p| p.to_string()),
            or_dash(e.location.name.as_deref()),
        )?;
        if !e.part_of.is_empty() {
            writeln!(out, "    part of {}", e.part_of.join(", "))?;
        }
        let f = &e.fatalities;
        writeln!(
            out,
            "    killed   low {} best {} high {} (state forces {}, armed group {}, civilians {}, unknown {})",
            f.low, f.best, f.high, f.state_forces, f.armed_group, f.civilians, f.unknown
        )?;
        let i = &e.injuries;
        writeln!(out, "    injured  low {} best {} high {}", i.low, i.best, i.high)?;
        let mut previous: &[usize] = &[];
        for d in &e.derivation {
            writeln!(out, "    {} = {}: {}", d.figure, d.value, d.rule)?;
            // The same claims as the line before are not quoted again.
            if d.claims == previous {
                continue;
            }
            previous = &d.claims;
            for &c in &d.claims {
                if let Some(claim) = e.claims.get(c) {
                    let quote: String = claim.quote.chars().take(120).collect();
                    writeln!(out, "      claim {c} ({}, {}): {quote}", claim.claimant, claim.document_id)?;
                }
            }
        }
        let sources: Vec<String> =
            e.sources.iter().map(|s| format!("{} ({})", s.document_id, s.outlet.as_deref().unwrap_or("-"))).collect();
        writeln!(out, "    sources  {} ({} outlets): {}", e.n_documents, e.n_outlets, sources.join(", "))?;
        if !e.flags.is_empty() {
            writeln!(out, "    flags    {}", e.flags.join(", "))?;
        }
    }
    Ok(())
}

fn write_text(out: &mut dyn Write, d: &Document) -> std::io::Result<()> {
    let or_dash = |v: Option<&str>| v.unwrap_or("-").to_owned();
    writeln!(out, "document   {}", d.id)?;
    writeln!(out, "outlet     {}", or_dash(d.outlet.as_deref()))?;
    writeln!(out, "published  {}", d.published.as_ref().map(|p| p.iso()).unwrap_or_else(|| "-".into()))?;
    writeln!(out, "title      {}", or_dash(d.title.as_deref()))?;
    writeln!(out, "language   {}", or_dash(d.language.as_deref()))?;
    writeln!(out, "url        {}", or_dash(d.url.as_deref()))?;
    let record = d.source.record.map(|r| format!(" #{r}")).unwrap_or_default();
    writeln!(out, "source     {} ({}{record})", d.source.path, d.source.format)?;
    writeln!(out, "\ntext ({} bytes, {} paragraphs):", d.text.len(), d.paragraphs.len())?;
    for p in &d.paragraphs {
        writeln!(
            out,
            "  [{}..{} {}] {}",
            p.span.start,
            p.span.end,
            p.language.as_deref().unwrap_or("?"),
            p.span.slice(&d.text)
        )?;
    }
    if !d.embedded.is_empty() {
        writeln!(out, "\nembedded posts (quoted sources, not the outlet's words):")?;
        for e in &d.embedded {
            let handle = e.handle.as_deref().map(|h| format!(" (@{h})")).unwrap_or_default();
            let date = e.date.map(|x| x.to_string()).unwrap_or_else(|| "-".into());
            let lang = e.language.as_deref().unwrap_or("?");
            writeln!(out, "  at {}: {}{handle}, {date} [{lang}]: {}", e.at, e.author, e.text)?;
        }
    }
    if !d.repairs.is_empty() {
        writeln!(out, "\nrepaired words:")?;
        for r in &d.repairs {
            let place = r.embedded.map(|i| format!("post {i} ")).unwrap_or_default();
            writeln!(out, "  {place}{}..{}: {} → {}", r.span.start, r.span.end, r.original, r.repaired)?;
        }
    }
    if !d.dropped.is_empty() {
        writeln!(out, "\ndropped:")?;
        for s in &d.dropped {
            writeln!(out, "  at {} ({}): {}", s.at, s.reason, s.text.replace('\n', " ⏎ "))?;
        }
    }
    Ok(())
}
