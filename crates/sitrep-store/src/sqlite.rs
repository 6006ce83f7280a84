//! The SQLite backend: one file, WAL, prepared statements, one transaction per batch.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use sitrep_model::{Document, EventRecord, Report};

use crate::schema::MIGRATIONS;
use crate::{
    Change, Counts, DocumentSummary, EventQuery, NewDocument, PutOutcome, SinkError, Store, StoreError, SyncSummary,
};

pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| StoreError::Open { path: name.clone(), source })?;
        Self::setup(conn, &name)
    }

    /// A private in-memory database, for tests and evaluation runs.
    pub fn in_memory() -> Result<Self, StoreError> {
        Self::setup(Connection::open_in_memory()?, ":memory:")
    }

    fn setup(mut conn: Connection, name: &str) -> Result<Self, StoreError> {
        let open_err = |source| StoreError::Open { path: name.to_owned(), source };
        conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(open_err)?;
        // WAL: readers do not block the writer and a crash leaves the last committed batch.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(open_err)?;
        let known = MIGRATIONS.len() as i64;
        loop {
            // The write lock first, then the version: two processes opening a new database at
            // once must not both apply the same migration.
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(open_err)?;
            let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(open_err)?;
            if version > known {
                return Err(StoreError::TooNew { path: name.to_owned(), found: version, known });
            }
            let Some(migration) = MIGRATIONS.get(version as usize) else { break };
            tx.execute_batch(migration).map_err(open_err)?;
            tx.pragma_update(None, "user_version", version + 1).map_err(open_err)?;
            tx.commit().map_err(open_err)?;
        }
        Ok(SqliteStore { conn })
    }

    fn insert_document(tx: &Transaction, new: &NewDocument, now: &str) -> Result<(), StoreError> {
        let d = &new.document;
        let record = serde_json::to_string(d)?;
        let published = d.published.as_ref().map(|p| p.iso());
        let published_date = d.published.as_ref().map(|p| p.date.to_string());
        let (dup_of, dup_sim) = match &d.near_duplicate_of {
            Some(n) => (Some(n.document_id.as_str()), Some(n.similarity)),
            None => (None, None),
        };
        tx.prepare_cached(
            "INSERT INTO documents (id, content_hash, raw_hash, outlet, url, published, published_date, title,
                language, text, source_path, source_format, source_record, near_duplicate_of,
                duplicate_similarity, minhash, record, ingested_at, updated_at, arrived)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18,
                (SELECT coalesce(max(arrived), 0) + 1 FROM documents))",
        )?
        .execute(params![
            d.id,
            d.content_hash,
            d.raw_hash,
            d.outlet,
            d.url,
            published,
            published_date,
            d.title,
            d.language,
            d.text,
            d.source.path,
            d.source.format,
            d.source.record.map(|r| r as i64),
            dup_of,
            dup_sim,
            new.signature,
            record,
            now,
        ])?;
        let mut segment = tx.prepare_cached(
            "INSERT INTO segments (document_id, ord, kind, reason, at, author, handle, date, language, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        let mut ord = 0i64;
        for post in &d.embedded {
            segment.execute(params![
                d.id,
                ord,
                "embedded",
                None::<String>,
                post.at as i64,
                post.author,
                post.handle,
                post.date.map(|x| x.to_string()),
                post.language,
                post.text
            ])?;
            ord += 1;
        }
        for cut in &d.dropped {
            segment.execute(params![
                d.id,
                ord,
                "dropped",
                cut.reason,
                cut.at as i64,
                None::<String>,
                None::<String>,
                None::<String>,
                None::<String>,
                cut.text
            ])?;
            ord += 1;
        }
        let mut band = tx.prepare_cached("INSERT INTO minhash_bands (band_key, document_id) VALUES (?1, ?2)")?;
        for key in &new.band_keys {
            band.execute(params![key, d.id])?;
        }
        Ok(())
    }
}

impl Store for SqliteStore {
    fn content_hash(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT content_hash FROM documents WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    fn duplicate_candidates(&self, band_keys: &[i64]) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        let mut ids: Vec<String> = Vec::new();
        let mut by_key = self.conn.prepare_cached("SELECT document_id FROM minhash_bands WHERE band_key = ?1")?;
        for key in band_keys {
            for id in by_key.query_map([key], |r| r.get::<_, String>(0))? {
                let id = id?;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        let mut signature = self.conn.prepare_cached("SELECT minhash FROM documents WHERE id = ?1")?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(Some(sig)) = signature.query_row([&id], |r| r.get::<_, Option<Vec<u8>>>(0)).optional()? {
                out.push((id, sig));
            }
        }
        Ok(out)
    }

    fn put_documents(&mut self, batch: &[NewDocument]) -> Result<Vec<PutOutcome>, StoreError> {
        let now = jiff::Timestamp::now().to_string();
        let tx = self.conn.transaction()?;
        let mut outcomes = Vec::with_capacity(batch.len());
        for new in batch {
            let stored: Option<String> = tx
                .prepare_cached("SELECT content_hash FROM documents WHERE id = ?1")?
                .query_row([&new.document.id], |r| r.get(0))
                .optional()?;
            let outcome = match stored {
                Some(hash) if hash == new.document.content_hash => PutOutcome::Unchanged,
                Some(_) => {
                    tx.prepare_cached("DELETE FROM documents WHERE id = ?1")?.execute([&new.document.id])?;
                    Self::insert_document(&tx, new, &now)?;
                    PutOutcome::Updated
                }
                None => {
                    Self::insert_document(&tx, new, &now)?;
                    PutOutcome::Inserted
                }
            };
            outcomes.push(outcome);
        }
        tx.commit()?;
        Ok(outcomes)
    }

    fn document(&self, id: &str) -> Result<Option<Document>, StoreError> {
        let record: Option<String> = self
            .conn
            .prepare_cached("SELECT record FROM documents WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        Ok(record.map(|r| serde_json::from_str(&r)).transpose()?)
    }

    fn documents(&self) -> Result<Vec<DocumentSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, outlet, published, title, language, length(text), near_duplicate_of FROM documents ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(DocumentSummary {
                id: r.get(0)?,
                outlet: r.get(1)?,
                published: r.get(2)?,
                title: r.get(3)?,
                language: r.get(4)?,
                chars: r.get::<_, i64>(5)? as u64,
                near_duplicate_of: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn arrival_order(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT id FROM documents ORDER BY arrived")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn reports(&self, document_id: &str) -> Result<Option<(String, Vec<Report>)>, StoreError> {
        let row: Option<(String, String)> = self
            .conn
            .prepare_cached("SELECT extractor, records FROM reports WHERE document_id = ?1")?
            .query_row([document_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        row.map(|(extractor, records)| Ok((extractor, serde_json::from_str(&records)?))).transpose()
    }

    fn put_reports(&mut self, batch: &[(String, String, Vec<Report>)]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for (document_id, extractor, reports) in batch {
            tx.prepare_cached("INSERT OR REPLACE INTO reports (document_id, extractor, records) VALUES (?1, ?2, ?3)")?
                .execute(params![document_id, extractor, serde_json::to_string(reports)?])?;
        }
        tx.commit()?;
        Ok(())
    }

    fn near_duplicates(&self) -> Result<Vec<(String, String, f64)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, near_duplicate_of, duplicate_similarity FROM documents
             WHERE near_duplicate_of IS NOT NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, Option<f64>>(2)?.unwrap_or(1.0))))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn sync_events(&mut self, events: &[EventRecord]) -> Result<SyncSummary, StoreError> {
        crate::sqlite_events::sync(&mut self.conn, events)
    }

    fn each_event(
        &self,
        query: &EventQuery,
        sink: &mut dyn FnMut(Change) -> Result<(), SinkError>,
    ) -> Result<(), StoreError> {
        crate::sqlite_events::each(&self.conn, query, sink)
    }

    fn last_change(&self) -> Result<Option<String>, StoreError> {
        crate::sqlite_events::last_change(&self.conn)
    }

    fn counts(&self) -> Result<Counts, StoreError> {
        let count =
            |sql: &str| -> Result<u64, StoreError> { Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
        Ok(Counts {
            documents: count("SELECT count(*) FROM documents")?,
            near_duplicates: count("SELECT count(*) FROM documents WHERE near_duplicate_of IS NOT NULL")?,
            events: count("SELECT count(*) FROM events")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{NearDuplicate, SourceRef};

    fn doc(id: &str, text: &str) -> NewDocument {
        NewDocument {
            document: Document {
                id: id.into(),
                content_hash: format!("h-{text}"),
                raw_hash: "r".into(),
                outlet: Some("The Lantern".into()),
                url: None,
                published: Some(sitrep_model::Published::on(jiff::civil::date(2024, 5, 2))),
                title: None,
                language: Some("en".into()),
                text: text.into(),
                paragraphs: vec![],
                embedded: vec![],
                dropped: vec![],
                repairs: vec![],
                source: SourceRef { path: "x.txt".into(), format: "text".into(), record: None },
                near_duplicate_of: None,
            },
            signature: Some(vec![1, 2, 3]),
            band_keys: vec![7, 8],
        }
    }

    #[test]
    fn reports_are_kept_per_document_and_go_when_it_changes() {
        let mut store = SqliteStore::in_memory().unwrap();
        store.put_documents(&[doc("b", "one"), doc("a", "one")]).unwrap();
        assert_eq!(store.arrival_order().unwrap(), vec!["b", "a"]);
        let report = sitrep_model::Report {
            document_id: "a".into(),
            event_type: Some("Battles".into()),
            sub_event_type: None,
            date_start: None,
            date_end: None,
            date_precision: None,
            place_mentions: vec![],
            document_places: vec![],
            country_cues: Vec::new(),
            demonym_cues: Vec::new(),
            outlet_home: Vec::new(),
            area_cues: Vec::new(),
            actors: vec![],
            claims: vec![],
            aggregate: false,
            spans: vec![],
        };
        store.put_reports(&[("a".into(), "build-1".into(), vec![report.clone()])]).unwrap();
        assert_eq!(store.reports("a").unwrap(), Some(("build-1".into(), vec![report])));
        assert_eq!(store.reports("b").unwrap(), None);
        // New content: the old reports are gone, and the document arrives again.
        store.put_documents(&[doc("a", "two")]).unwrap();
        assert_eq!(store.reports("a").unwrap(), None);
        assert_eq!(store.arrival_order().unwrap(), vec!["b", "a"]);
        store.put_documents(&[doc("b", "two")]).unwrap();
        assert_eq!(store.arrival_order().unwrap(), vec!["a", "b"]);
    }

    #[test]
    fn storing_twice_changes_nothing_and_new_content_updates() {
        let mut store = SqliteStore::in_memory().unwrap();
        assert_eq!(store.put_documents(&[doc("a", "one")]).unwrap(), vec![PutOutcome::Inserted]);
        assert_eq!(store.put_documents(&[doc("a", "one")]).unwrap(), vec![PutOutcome::Unchanged]);
        assert_eq!(store.put_documents(&[doc("a", "two")]).unwrap(), vec![PutOutcome::Updated]);
        assert_eq!(store.counts().unwrap().documents, 1);
        assert_eq!(store.document("a").unwrap().unwrap().text, "two");
        // The replaced copy's band keys went with it.
        assert_eq!(store.duplicate_candidates(&[7]).unwrap().len(), 1);
    }

    #[test]
    fn candidates_and_near_duplicates() {
        let mut store = SqliteStore::in_memory().unwrap();
        let mut copy = doc("b", "one again");
        copy.document.near_duplicate_of = Some(NearDuplicate { document_id: "a".into(), similarity: 0.9 });
        store.put_documents(&[doc("a", "one"), copy]).unwrap();
        let candidates = store.duplicate_candidates(&[8, 99]).unwrap();
        assert_eq!(candidates.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), vec!["a", "b"]);
        assert_eq!(store.near_duplicates().unwrap(), vec![("b".into(), "a".into(), 0.9)]);
    }

    #[test]
    fn a_file_database_reopens_with_its_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        SqliteStore::open(&path).unwrap().put_documents(&[doc("a", "one")]).unwrap();
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.counts().unwrap().documents, 1);
        assert_eq!(store.documents().unwrap()[0].published.as_deref(), Some("2024-05-02"));
    }

    #[test]
    fn events_stored_before_the_filter_columns_get_them_from_their_record() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let conn = Connection::open(&path).unwrap();
        for migration in &MIGRATIONS[..3] {
            conn.execute_batch(migration).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        let record = r#"{"event_id":"ev-old","event_type":"Battles","sub_event_type":null,"disorder_type":"Political violence",
            "aggregate":false,"date_start":"2024-05-02","date_end":"2024-05-02","date_precision":1,
            "location":{"name":"Tyre","admin1":"South","admin2":null,"country":"Lebanon","iso2":"LB","lat":33.27,"lon":35.2,
            "geonames_id":null,"geo_precision":1,"where_prec":1},
            "actors":[{"name":"Tanzim al-Jabal","role":"actor1","inter":2}],
            "fatalities":{"low":1,"best":1,"high":3,"state_forces":0,"armed_group":0,"civilians":0,"unknown":1},
            "injuries":{"low":0,"best":0,"high":2},"claims":[],"sources":[],"n_documents":1,"n_outlets":1,"flags":[]}"#;
        conn.execute(
            "INSERT INTO events (event_id, aggregate, event_type, iso2, fatalities_low, fatalities_best, injuries_best,
                n_documents, n_outlets, record) VALUES ('ev-old', 0, 'Battles', 'LB', 1, 1, 0, 1, 1, ?1)",
            [record],
        )
        .unwrap();
        drop(conn);
        let store = SqliteStore::open(&path).unwrap();
        let query =
            crate::EventQuery { country: Some("lebanon".into()), actor: Some("jabal".into()), ..Default::default() };
        let mut found = Vec::new();
        store
            .each_event(&query, &mut |c| {
                if let crate::Change::Event(e) = c {
                    found.push((e.event_id, e.version, e.fatalities.high));
                }
                Ok(())
            })
            .unwrap();
        assert_eq!(found, vec![("ev-old".to_owned(), 1, 3)]);
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
        assert!(matches!(SqliteStore::open(&path), Err(StoreError::TooNew { found: 99, .. })));
    }
}
