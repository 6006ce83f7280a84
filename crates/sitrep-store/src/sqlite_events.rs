//! Events in SQLite: writing a new set of events as changes (added, updated, merged away,
//! removed) with versions and tombstones, and reading them back through filters as a stream.

use std::collections::{HashMap, HashSet};

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use sitrep_model::{EventRecord, Tombstone};
use xxhash_rust::xxh3::xxh3_64;

use crate::query::{Change, EventQuery, Sort, SyncSummary, circle_box, format_time};
use crate::{SinkError, StoreError};

/// Writes `events` as the new state: an event whose record is unchanged is not touched, a
/// changed one gets version + 1 and a new `updated`, a new one version 1 (or one more than its
/// tombstone's, when an id comes back). A stored event missing from `events` is deleted and
/// leaves a tombstone, `merged` into the new event that holds most of its documents, else
/// `removed`. One transaction: a reader sees the old state or the new one.
pub fn sync(conn: &mut Connection, events: &[EventRecord]) -> Result<SyncSummary, StoreError> {
    let tx = conn.transaction()?;
    let at = next_time(&tx)?;
    let mut summary = SyncSummary { at: at.clone(), ..SyncSummary::default() };
    let mut stored: HashMap<String, (Option<String>, u32, Option<String>, bool)> = HashMap::new();
    {
        let mut stmt = tx.prepare("SELECT event_id, content_hash, version, created, aggregate FROM events")?;
        let rows =
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))))?;
        for row in rows {
            let (id, state) = row?;
            stored.insert(id, state);
        }
    }
    let mut seen: HashSet<&str> = HashSet::with_capacity(events.len());
    for event in events {
        seen.insert(&event.event_id);
        let mut record = event.clone();
        record.created = None;
        record.updated = None;
        record.version = 0;
        let json = serde_json::to_string(&record)?;
        let hash = format!("{:016x}", xxh3_64(json.as_bytes()));
        match stored.get(&event.event_id) {
            Some((Some(h), _, _, _)) if *h == hash => summary.unchanged += 1,
            Some((_, version, created, _)) => {
                tx.prepare_cached("DELETE FROM events WHERE event_id = ?1")?.execute([&event.event_id])?;
                let created = created.clone().unwrap_or_else(|| at.clone());
                write(&tx, &record, &json, &hash, version + 1, &created, &at)?;
                summary.updated += 1;
            }
            None => {
                let buried: Option<u32> = tx
                    .prepare_cached("DELETE FROM tombstones WHERE event_id = ?1 RETURNING version")?
                    .query_row([&event.event_id], |r| r.get(0))
                    .optional()?;
                write(&tx, &record, &json, &hash, buried.map_or(1, |v| v + 1), &at, &at)?;
                summary.added += 1;
            }
        }
    }
    let mut gone: Vec<(&String, u32, bool)> =
        stored.iter().filter(|(id, _)| !seen.contains(id.as_str())).map(|(id, s)| (id, s.1, s.3)).collect();
    gone.sort();
    if !gone.is_empty() {
        let mut holders: HashMap<&str, Vec<(&str, bool)>> = HashMap::new();
        for event in events {
            for source in &event.sources {
                holders.entry(&source.document_id).or_default().push((&event.event_id, event.aggregate));
            }
        }
        for (id, version, aggregate) in gone {
            let survivor = survivor(&tx, id, aggregate, &holders)?;
            tx.prepare_cached("DELETE FROM events WHERE event_id = ?1")?.execute([id])?;
            tx.prepare_cached(
                "INSERT OR REPLACE INTO tombstones (event_id, reason, merged_into, version, removed)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                id,
                if survivor.is_some() { "merged" } else { "removed" },
                survivor,
                version + 1,
                at
            ])?;
            // Earlier redirects to this event now lead where its reports went (or nowhere), as
            // a change of their own, so that a copy following them hears of it.
            tx.prepare_cached(
                "UPDATE tombstones SET merged_into = ?1, reason = ?2, removed = ?3, version = version + 1
                 WHERE merged_into = ?4",
            )?
            .execute(params![survivor, if survivor.is_some() { "merged" } else { "removed" }, at, id])?;
            if survivor.is_some() {
                summary.merged += 1;
            } else {
                summary.removed += 1;
            }
        }
    }
    tx.commit()?;
    Ok(summary)
}

/// The latest `updated` or `removed` time stored.
pub fn last_change(conn: &Connection) -> Result<Option<String>, StoreError> {
    Ok(conn.query_row(
        "SELECT max(t) FROM (SELECT max(updated) AS t FROM events UNION ALL SELECT max(removed) FROM tombstones)",
        [],
        |r| r.get(0),
    )?)
}

/// A time later than every change stored, so that `--since` the last change misses nothing
/// even when the clock went back.
fn next_time(tx: &Transaction) -> Result<String, StoreError> {
    let last = last_change(tx)?;
    let mut now = jiff::Timestamp::now();
    if let Some(last) = last.and_then(|l| l.parse::<jiff::Timestamp>().ok())
        && now <= last
    {
        now = last + jiff::SignedDuration::from_micros(1);
    }
    Ok(format_time(now))
}

/// The new event of the same kind (incident or running total) that holds most of a vanished
/// event's documents (the smallest id on a tie).
fn survivor(
    tx: &Transaction,
    id: &str,
    aggregate: bool,
    holders: &HashMap<&str, Vec<(&str, bool)>>,
) -> Result<Option<String>, StoreError> {
    let mut stmt = tx.prepare_cached("SELECT document_id FROM event_sources WHERE event_id = ?1")?;
    let documents: Vec<String> = stmt.query_map([id], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let mut shared: HashMap<&str, usize> = HashMap::new();
    for document in &documents {
        for (holder, _) in holders.get(document.as_str()).into_iter().flatten().filter(|(_, a)| *a == aggregate) {
            *shared.entry(holder).or_default() += 1;
        }
    }
    Ok(shared.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map(|(id, _)| id.to_owned()))
}

fn write(
    tx: &Transaction,
    e: &EventRecord,
    json: &str,
    hash: &str,
    version: u32,
    created: &str,
    updated: &str,
) -> Result<(), StoreError> {
    let actor = |role: &str| e.actor(role).map(|a| a.name.as_str());
    let l = &e.location;
    tx.prepare_cached(
        "INSERT INTO events (event_id, aggregate, event_type, sub_event_type, date_start, date_end, iso2,
            admin1, location_name, latitude, longitude, fatalities_low, fatalities_best, injuries_best,
            n_documents, n_outlets, record, content_hash, version, created, updated, disorder_type,
            date_precision, country, admin2, geo_precision, where_prec, geonames_id, fatalities_high,
            injuries_low, injuries_high, actor1, actor2)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
            ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33)",
    )?
    .execute(params![
        e.event_id,
        e.aggregate,
        e.event_type,
        e.sub_event_type,
        e.date_start.map(|d| d.to_string()),
        e.date_end.map(|d| d.to_string()),
        l.iso2,
        l.admin1,
        l.name,
        l.lat,
        l.lon,
        e.fatalities.low,
        e.fatalities.best,
        e.injuries.best,
        e.n_documents,
        e.n_outlets,
        json,
        hash,
        version,
        created,
        updated,
        e.disorder_type,
        e.date_precision,
        l.country,
        l.admin2,
        l.geo_precision,
        l.where_prec,
        l.geonames_id.map(|g| g as i64),
        e.fatalities.high,
        e.injuries.low,
        e.injuries.high,
        actor("actor1"),
        actor("actor2"),
    ])?;
    let mut claim = tx.prepare_cached(
        "INSERT INTO claims (event_id, ord, kind, value, qualifier, category, claimant, aggregate,
            document_id, span_start, span_end, quote)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for (ord, c) in e.claims.iter().enumerate() {
        claim.execute(params![
            e.event_id,
            ord as i64,
            c.kind,
            c.value,
            c.qualifier,
            c.category,
            c.claimant,
            c.aggregate,
            c.document_id,
            c.span.start as i64,
            c.span.end as i64,
            c.quote
        ])?;
    }
    let mut source =
        tx.prepare_cached("INSERT OR IGNORE INTO event_sources (event_id, document_id) VALUES (?1, ?2)")?;
    for s in &e.sources {
        source.execute(params![e.event_id, s.document_id])?;
    }
    let mut actor =
        tx.prepare_cached("INSERT INTO event_actors (event_id, ord, name, role, inter) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (ord, a) in e.actors.iter().enumerate() {
        actor.execute(params![e.event_id, ord as i64, a.name, a.role, a.inter])?;
    }
    Ok(())
}

/// `LIKE` pattern for "contains `text`", with `%`, `_` and `\` in the text taken literally.
fn contains(text: &str) -> String {
    let mut out = String::from("%");
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// The condition and its arguments for a query's filters (not `since`).
fn filters(q: &EventQuery) -> (String, Vec<Box<dyn ToSql>>) {
    let mut sql = String::from("1 = 1");
    let mut args: Vec<Box<dyn ToSql>> = Vec::new();
    let mut add = |clause: &str, values: Vec<Box<dyn ToSql>>| {
        sql.push_str(" AND ");
        sql.push_str(clause);
        args.extend(values);
    };
    if let Some(from) = q.from {
        add("coalesce(date_end, date_start) >= ?", vec![Box::new(from.to_string())]);
    }
    if let Some(to) = q.to {
        add("date_start <= ?", vec![Box::new(to.to_string())]);
    }
    if let Some(country) = &q.country {
        add(
            "(iso2 = upper(?) OR country = ? COLLATE NOCASE)",
            vec![Box::new(country.clone()), Box::new(country.clone())],
        );
    }
    if let Some(admin1) = &q.admin1 {
        add("admin1 = ? COLLATE NOCASE", vec![Box::new(admin1.clone())]);
    }
    let bbox = q.bbox.or(q.near.map(|(lat, lon, km)| circle_box(lat, lon, km)));
    if let Some([west, south, east, north]) = bbox {
        add("latitude BETWEEN ? AND ?", vec![Box::new(south), Box::new(north)]);
        if west <= east {
            add("longitude BETWEEN ? AND ?", vec![Box::new(west), Box::new(east)]);
        } else {
            // A box across the antimeridian.
            add("(longitude >= ? OR longitude <= ?)", vec![Box::new(west), Box::new(east)]);
        }
    }
    if !q.event_types.is_empty() {
        let marks = vec!["?"; q.event_types.len()].join(", ");
        let values = q.event_types.iter().map(|t| Box::new(t.clone()) as Box<dyn ToSql>).collect();
        add(&format!("event_type COLLATE NOCASE IN ({marks})"), values);
    }
    if let Some(actor) = &q.actor {
        add(
            "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = events.event_id AND a.name LIKE ? ESCAPE '\\')",
            vec![Box::new(contains(actor))],
        );
    }
    if let Some(min) = q.min_fatalities {
        add("fatalities_low >= ?", vec![Box::new(min)]);
    }
    if let Some(outlet) = &q.outlet {
        add(
            "EXISTS (SELECT 1 FROM event_sources s JOIN documents d ON d.id = s.document_id
                     WHERE s.event_id = events.event_id AND d.outlet LIKE ? ESCAPE '\\')",
            vec![Box::new(contains(outlet))],
        );
    }
    if let Some(claimant) = &q.claimant {
        add(
            "EXISTS (SELECT 1 FROM claims c WHERE c.event_id = events.event_id AND c.claimant LIKE ? ESCAPE '\\')",
            vec![Box::new(contains(claimant))],
        );
    }
    if let Some(aggregate) = q.aggregate {
        add("aggregate = ?", vec![Box::new(aggregate)]);
    }
    (sql, args)
}

/// The ORDER BY of a sort; undated events go last.
fn order(sort: Sort) -> &'static str {
    match sort {
        Sort::Id => " ORDER BY event_id",
        Sort::Date => " ORDER BY date_start IS NULL, date_start, event_id",
        Sort::DateDesc => " ORDER BY date_start IS NULL, date_start DESC, event_id",
        Sort::Fatalities => " ORDER BY fatalities_low DESC, date_start, event_id",
        Sort::Updated => " ORDER BY updated, event_id",
    }
}

/// An event that changed since the feed's time and is no longer selected by its filters (moved
/// to another country, its deaths revised below the minimum): gone from the filtered copy.
fn filtered_out(event_id: String, updated: String, version: u32) -> Tombstone {
    Tombstone { event_id, deleted: true, reason: "filtered_out".into(), merged_into: None, removed: updated, version }
}

/// Calls `sink` with each event the query selects, in its order, one row at a time (nothing
/// is collected), then, when the query has `since`, with each tombstone of that period and each
/// changed event that the filters no longer select (reason `filtered_out`).
pub fn each(
    conn: &Connection,
    q: &EventQuery,
    sink: &mut dyn FnMut(Change) -> Result<(), SinkError>,
) -> Result<(), StoreError> {
    let (condition, mut args) = filters(q);
    let mut sql = format!("SELECT record, version, created, updated FROM events WHERE {condition}");
    if let Some(since) = &q.since {
        sql.push_str(" AND updated > ?");
        args.push(Box::new(since.clone()));
    }
    sql.push_str(order(q.sort));
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
    let mut given = 0usize;
    // A feed's events that changed and no longer pass the filters: the copy must drop them.
    let mut left: Vec<Tombstone> = Vec::new();
    while let Some(row) = rows.next()? {
        if q.limit.is_some_and(|limit| given >= limit) {
            break;
        }
        let mut event: EventRecord = serde_json::from_str(&row.get::<_, String>(0)?)?;
        event.version = row.get(1)?;
        event.created = row.get(2)?;
        event.updated = row.get(3)?;
        if !q.keeps(&event) {
            if q.since.is_some() {
                left.push(filtered_out(event.event_id, event.updated.unwrap_or_default(), event.version));
            }
            continue;
        }
        given += 1;
        sink(Change::Event(Box::new(event))).map_err(StoreError::Sink)?;
    }
    if let Some(since) = &q.since {
        let (condition, mut args) = filters(q);
        args.insert(0, Box::new(since.clone()));
        let sql = format!(
            "SELECT event_id, updated, version FROM events WHERE updated > ? AND NOT ({condition}) ORDER BY updated, event_id"
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
        while let Some(row) = rows.next()? {
            left.push(filtered_out(row.get(0)?, row.get(1)?, row.get(2)?));
        }
        for tombstone in left {
            sink(Change::Removed(tombstone)).map_err(StoreError::Sink)?;
        }
        let mut stmt = conn.prepare(
            "SELECT event_id, reason, merged_into, removed, version FROM tombstones
             WHERE removed > ?1 ORDER BY removed, event_id",
        )?;
        let mut rows = stmt.query([since])?;
        while let Some(row) = rows.next()? {
            let tombstone = Tombstone {
                event_id: row.get(0)?,
                deleted: true,
                reason: row.get(1)?,
                merged_into: row.get(2)?,
                removed: row.get(3)?,
                version: row.get(4)?,
            };
            sink(Change::Removed(tombstone)).map_err(StoreError::Sink)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::{SqliteStore, Store};

    fn event(id: &str, docs: &[&str], killed: u32, place: (&str, &str, f64, f64)) -> EventRecord {
        let (name, iso2, lat, lon) = place;
        serde_json::from_value(json!({
            "event_id": id, "event_type": "Battles", "sub_event_type": "Armed clash",
            "disorder_type": "Political violence", "aggregate": false, "part_of": [],
            "date_start": "2024-05-02", "date_end": "2024-05-02", "date_precision": 1,
            "location": {"name": name, "admin1": "South", "iso2": iso2, "country": "Lebanon", "lat": lat, "lon": lon},
            "actors": [{"name": "Tanzim al-Jabal", "role": "actor1", "inter": 2}],
            "fatalities": {"low": killed, "best": killed, "high": killed, "state_forces": 0, "armed_group": 0,
                           "civilians": 0, "unknown": killed},
            "injuries": {"low": 0, "best": 0, "high": 0},
            "claims": [{"kind": "killed", "value": killed, "qualifier": "exact", "category": "all",
                        "claimant": "Civil Defence", "aggregate": false, "document_id": docs[0],
                        "span": {"start": 0, "end": 5}, "quote": "five"}],
            "sources": docs.iter().map(|d| json!({"document_id": d, "outlet": null, "url": null, "published": null}))
                .collect::<Vec<_>>(),
            "n_documents": docs.len(), "n_outlets": docs.len(), "flags": []
        }))
        .unwrap()
    }

    const ARNOUN: (&str, &str, f64, f64) = ("Arnoun", "LB", 33.32, 35.52);
    const TYRE: (&str, &str, f64, f64) = ("Tyre", "LB", 33.27, 35.2);

    fn all_changes(store: &SqliteStore, since: &str) -> Vec<Change> {
        let mut out = Vec::new();
        let query = EventQuery { since: Some(since.into()), sort: Sort::Updated, ..EventQuery::default() };
        store
            .each_event(&query, &mut |c| {
                out.push(c);
                Ok(())
            })
            .unwrap();
        out
    }

    #[test]
    fn a_second_sync_reports_exactly_what_changed() {
        let mut store = SqliteStore::in_memory().unwrap();
        let first = store
            .sync_events(&[event("a", &["d1"], 2, ARNOUN), event("b", &["d2"], 1, TYRE), event("c", &["d3"], 0, TYRE)])
            .unwrap();
        assert_eq!((first.added, first.updated, first.unchanged), (3, 0, 0));
        let stored = store.events().unwrap();
        assert!(stored.iter().all(|e| e.version == 1 && e.created == e.updated && e.created.is_some()));

        // a: unchanged; b absorbs c's document (c merged into b); d is new; nothing else.
        let second = store
            .sync_events(&[
                event("a", &["d1"], 2, ARNOUN),
                event("b", &["d2", "d3"], 3, TYRE),
                event("d", &["d4"], 1, TYRE),
            ])
            .unwrap();
        assert_eq!((second.added, second.updated, second.unchanged, second.merged, second.removed), (1, 1, 1, 1, 0));
        assert!(second.at > first.at);
        let changes = all_changes(&store, &first.at);
        let mut ids: Vec<(String, u32)> = changes
            .iter()
            .map(|c| match c {
                Change::Event(e) => (e.event_id.clone(), e.version),
                Change::Removed(t) => {
                    (format!("-{}>{}", t.event_id, t.merged_into.as_deref().unwrap_or("")), t.version)
                }
            })
            .collect();
        ids.sort();
        assert_eq!(ids, vec![("-c>b".into(), 2), ("b".into(), 2), ("d".into(), 1)]);
        let b = store.events().unwrap().into_iter().find(|e| e.event_id == "b").unwrap();
        assert!(b.created.as_deref() == Some(first.at.as_str()) && b.updated.as_deref() == Some(second.at.as_str()));

        // d goes with nothing holding its document: removed. c comes back: version 3.
        let third = store.sync_events(&[event("a", &["d1"], 2, ARNOUN), event("c", &["d3"], 0, TYRE)]).unwrap();
        assert_eq!((third.added, third.merged, third.removed), (1, 1, 1));
        let changes = all_changes(&store, &second.at);
        let c = changes.iter().find_map(|c| match c {
            Change::Event(e) if e.event_id == "c" => Some(e.version),
            _ => None,
        });
        assert_eq!(c, Some(3));
        let d = changes.iter().find_map(|c| match c {
            Change::Removed(t) if t.event_id == "d" => Some(t.reason.clone()),
            _ => None,
        });
        assert_eq!(d.as_deref(), Some("removed"));
        // Nothing changed after the last sync.
        assert!(all_changes(&store, &third.at).is_empty());
    }

    #[test]
    fn redirects_lead_to_a_live_event() {
        let mut store = SqliteStore::in_memory().unwrap();
        store.sync_events(&[event("a", &["d1"], 1, TYRE), event("b", &["d2"], 1, TYRE)]).unwrap();
        store.sync_events(&[event("b", &["d1", "d2"], 2, TYRE), event("c", &["d3"], 1, TYRE)]).unwrap();
        store.sync_events(&[event("c", &["d1", "d2", "d3"], 3, TYRE)]).unwrap();
        let merged_into: Vec<Option<String>> = all_changes(&store, "2000-01-01T00:00:00.000000Z")
            .into_iter()
            .filter_map(|c| match c {
                Change::Removed(t) => Some(t.merged_into),
                Change::Event(_) => None,
            })
            .collect();
        assert_eq!(merged_into, vec![Some("c".to_owned()), Some("c".to_owned())]);
    }

    #[test]
    fn a_redirect_to_an_event_that_goes_is_a_change_too() {
        let mut store = SqliteStore::in_memory().unwrap();
        store.sync_events(&[event("a", &["d1"], 1, TYRE), event("b", &["d2"], 1, TYRE)]).unwrap();
        let merged = store.sync_events(&[event("b", &["d1", "d2"], 2, TYRE)]).unwrap();
        store.sync_events(&[event("c", &["d9"], 1, TYRE)]).unwrap();
        let a = all_changes(&store, &merged.at).into_iter().find_map(|c| match c {
            Change::Removed(t) if t.event_id == "a" => Some(t),
            _ => None,
        });
        let a = a.expect("a's redirect changed after the merge");
        assert_eq!((a.reason.as_str(), a.merged_into, a.version), ("removed", None, 3));
    }

    #[test]
    fn a_filtered_feed_drops_what_left_the_selection() {
        let mut store = SqliteStore::in_memory().unwrap();
        let first = store.sync_events(&[event("a", &["d1"], 1, TYRE), event("b", &["d2"], 1, TYRE)]).unwrap();
        // a is found to be in Mali after all; b's figures change.
        let mut moved = event("a", &["d1"], 1, ("Mopti", "ML", 14.49, -4.18));
        moved.location.country = Some("Mali".into());
        store.sync_events(&[moved, event("b", &["d2"], 4, TYRE)]).unwrap();
        let query = EventQuery { since: Some(first.at), country: Some("LB".into()), ..EventQuery::default() };
        let mut seen = Vec::new();
        store
            .each_event(&query, &mut |c| {
                seen.push(match c {
                    Change::Event(e) => e.event_id,
                    Change::Removed(t) => format!("-{}:{}", t.event_id, t.reason),
                });
                Ok(())
            })
            .unwrap();
        assert_eq!(seen, ["b", "-a:filtered_out"]);
    }

    fn ids(store: &SqliteStore, query: EventQuery) -> Vec<String> {
        let mut out = Vec::new();
        store
            .each_event(&query, &mut |c| {
                if let Change::Event(e) = c {
                    out.push(e.event_id);
                }
                Ok(())
            })
            .unwrap();
        out
    }

    #[test]
    fn filters_select_and_sort() {
        let mut store = SqliteStore::in_memory().unwrap();
        let mut late = event("late", &["d3"], 7, ("Mopti", "ML", 14.49, -4.18));
        late.date_start = Some(jiff::civil::date(2024, 6, 1));
        late.date_end = late.date_start;
        late.event_type = Some("Explosions/Remote violence".into());
        late.location.country = Some("Mali".into());
        store.sync_events(&[event("a", &["d1"], 2, ARNOUN), event("b", &["d2"], 5, TYRE), late]).unwrap();
        let q = EventQuery::default;
        assert_eq!(ids(&store, q()), ["a", "b", "late"]);
        assert_eq!(ids(&store, EventQuery { from: Some(jiff::civil::date(2024, 5, 3)), ..q() }), ["late"]);
        assert_eq!(ids(&store, EventQuery { to: Some(jiff::civil::date(2024, 5, 2)), ..q() }), ["a", "b"]);
        assert_eq!(ids(&store, EventQuery { country: Some("ml".into()), ..q() }), ["late"]);
        assert_eq!(ids(&store, EventQuery { country: Some("lebanon".into()), ..q() }), ["a", "b"]);
        assert_eq!(ids(&store, EventQuery { admin1: Some("south".into()), ..q() }).len(), 3);
        assert_eq!(ids(&store, EventQuery { near: Some((33.3, 35.5, 10.0)), ..q() }), ["a"]);
        assert_eq!(ids(&store, EventQuery { bbox: Some([35.0, 33.0, 35.3, 33.5]), ..q() }), ["b"]);
        assert_eq!(ids(&store, EventQuery { event_types: vec!["battles".into()], ..q() }), ["a", "b"]);
        assert_eq!(ids(&store, EventQuery { min_fatalities: Some(5), ..q() }), ["b", "late"]);
        assert_eq!(ids(&store, EventQuery { actor: Some("JABAL".into()), ..q() }).len(), 3);
        assert!(ids(&store, EventQuery { actor: Some("%".into()), ..q() }).is_empty());
        assert_eq!(ids(&store, EventQuery { claimant: Some("defence".into()), ..q() }).len(), 3);
        assert_eq!(ids(&store, EventQuery { aggregate: Some(true), ..q() }).len(), 0);
        assert_eq!(ids(&store, EventQuery { sort: Sort::Fatalities, limit: Some(2), ..q() }), ["late", "b"]);
        assert_eq!(ids(&store, EventQuery { sort: Sort::DateDesc, ..q() }), ["late", "a", "b"]);
    }
}
