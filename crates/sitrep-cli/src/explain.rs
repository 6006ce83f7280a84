//! `sitrep explain FILE`: what sitrep makes of each document in a file, without storing it —
//! metadata, clean text by paragraph with its language, embedded posts, repaired words, what was
//! dropped and why, and the annotations and reports of the later stages.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;
use sitrep_ingest::IngestOptions;
use sitrep_model::Document;

pub fn run(file: &Path, as_json: bool, options: &IngestOptions) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut failed = false;
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
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
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
