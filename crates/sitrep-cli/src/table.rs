//! Readable terminal tables: the events found, or, while there are none, the documents stored.

use std::io::Write;

use anyhow::Result;
use sitrep_model::EventRecord;
use sitrep_store::Store;

/// Pads or cuts `text` to `width` characters.
fn cell(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        format!("{text:width$}")
    } else {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn row(out: &mut dyn Write, cells: &[(&str, usize)]) -> std::io::Result<()> {
    let line: Vec<String> = cells.iter().map(|(t, w)| cell(t, *w)).collect();
    writeln!(out, "{}", line.join("  ").trim_end())
}

/// The events in the store, or its documents when no event was found.
pub fn summary(store: &dyn Store, out: &mut dyn Write) -> Result<()> {
    let events = store.events()?;
    if events.is_empty() {
        let documents = store.documents()?;
        writeln!(out, "No events found. {} documents stored:", documents.len())?;
        row(out, &[("ID", 24), ("PUBLISHED", 25), ("OUTLET", 20), ("LANG", 4), ("CHARS", 7), ("TITLE", 50)])?;
        for d in documents {
            let chars = d.chars.to_string();
            let title = match &d.near_duplicate_of {
                Some(first) => format!("[copy of {first}] {}", d.title.unwrap_or_default()),
                None => d.title.unwrap_or_default(),
            };
            row(
                out,
                &[
                    (&d.id, 24),
                    (d.published.as_deref().unwrap_or("-"), 25),
                    (d.outlet.as_deref().unwrap_or("-"), 20),
                    (d.language.as_deref().unwrap_or("-"), 4),
                    (&chars, 7),
                    (&title, 50),
                ],
            )?;
        }
        return Ok(());
    }
    writeln!(out, "{} events:", events.len())?;
    event_header(out)?;
    for e in &events {
        event_row(out, e)?;
    }
    Ok(())
}

/// The header of the events table.
pub fn event_header(out: &mut dyn Write) -> std::io::Result<()> {
    row(out, &[("ID", 19), ("DATE", 10), ("PLACE", 22), ("TYPE", 26), ("KILLED", 11), ("INJURED", 7), ("SOURCES", 30)])
}

/// One event as a table row: killed is the best figure, with the range when sources differ.
pub fn event_row(out: &mut dyn Write, e: &EventRecord) -> std::io::Result<()> {
    let date = e.date_start.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
    let mut place: Vec<&str> =
        [e.location.name.as_deref(), e.location.country.as_deref()].into_iter().flatten().collect();
    place.dedup();
    let place = place.join(", ");
    let kind = format!(
        "{}{}",
        e.sub_event_type.as_deref().or(e.event_type.as_deref()).unwrap_or("-"),
        if e.aggregate { " (total)" } else { "" }
    );
    let f = &e.fatalities;
    let killed = if f.low == f.high { f.best.to_string() } else { format!("{} ({}-{})", f.best, f.low, f.high) };
    let injured = e.injuries.best.to_string();
    let mut outlets: Vec<&str> = Vec::new();
    for outlet in e.sources.iter().filter_map(|s| s.outlet.as_deref()) {
        if !outlets.contains(&outlet) {
            outlets.push(outlet);
        }
    }
    row(
        out,
        &[
            (&e.event_id, 19),
            (&date, 10),
            (&place, 22),
            (&kind, 26),
            (&killed, 11),
            (&injured, 7),
            (&outlets.join(", "), 30),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_pad_and_cut() {
        assert_eq!(cell("ab", 4), "ab  ");
        assert_eq!(cell("abcdef", 4), "abc…");
    }
}
