//! The SQLite schema as numbered migrations. A database records the last one applied in
//! `PRAGMA user_version`; opening applies the rest, each in its own transaction.
//! Append new migrations; never edit one that has shipped.

pub const MIGRATIONS: &[&str] = &[
    // 1: documents and what cleaning recorded; near-duplicate keys; events and their claims.
    r#"
    CREATE TABLE documents (
        id                   TEXT PRIMARY KEY,   -- the id the input gave, verbatim
        content_hash         TEXT NOT NULL,
        raw_hash             TEXT NOT NULL,
        outlet               TEXT,
        url                  TEXT,
        published            TEXT,               -- ISO 8601, as precise as the source
        published_date       TEXT,               -- YYYY-MM-DD, for filters
        title                TEXT,
        language             TEXT,
        text                 TEXT NOT NULL,      -- clean article text; spans point into it
        source_path          TEXT NOT NULL,
        source_format        TEXT NOT NULL,
        source_record        INTEGER,
        near_duplicate_of    TEXT,
        duplicate_similarity REAL,
        minhash              BLOB,
        record               TEXT NOT NULL,      -- the whole Document as JSON
        ingested_at          TEXT NOT NULL,
        updated_at           TEXT NOT NULL
    ) STRICT;
    CREATE INDEX documents_published ON documents(published_date);
    CREATE INDEX documents_outlet ON documents(outlet);
    CREATE INDEX documents_near_duplicate ON documents(near_duplicate_of);

    -- What cleaning split out or cut: embedded posts and dropped segments, one row each.
    CREATE TABLE segments (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord         INTEGER NOT NULL,
        kind        TEXT NOT NULL,               -- 'embedded' or 'dropped'
        reason      TEXT,                        -- why dropped
        at          INTEGER NOT NULL,            -- byte offset in documents.text
        author      TEXT,
        handle      TEXT,
        date        TEXT,
        language    TEXT,
        text        TEXT NOT NULL,
        PRIMARY KEY (document_id, ord)
    ) STRICT;

    CREATE TABLE minhash_bands (
        band_key    INTEGER NOT NULL,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX minhash_bands_key ON minhash_bands(band_key);
    CREATE INDEX minhash_bands_document ON minhash_bands(document_id);

    CREATE TABLE events (
        event_id        TEXT PRIMARY KEY,
        aggregate       INTEGER NOT NULL,
        event_type      TEXT,
        sub_event_type  TEXT,
        date_start      TEXT,
        date_end        TEXT,
        iso2            TEXT,
        admin1          TEXT,
        location_name   TEXT,
        latitude        REAL,
        longitude       REAL,
        fatalities_low  INTEGER NOT NULL,
        fatalities_best INTEGER NOT NULL,
        injuries_best   INTEGER NOT NULL,
        n_documents     INTEGER NOT NULL,
        n_outlets       INTEGER NOT NULL,
        record          TEXT NOT NULL            -- the event record as JSON
    ) STRICT;
    CREATE INDEX events_date ON events(date_start);
    CREATE INDEX events_place ON events(iso2, admin1);

    CREATE TABLE claims (
        event_id    TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        ord         INTEGER NOT NULL,
        kind        TEXT NOT NULL,
        value       INTEGER NOT NULL,
        qualifier   TEXT NOT NULL,
        category    TEXT NOT NULL,
        claimant    TEXT NOT NULL,
        aggregate   INTEGER NOT NULL,
        document_id TEXT NOT NULL,
        span_start  INTEGER NOT NULL,
        span_end    INTEGER NOT NULL,
        quote       TEXT NOT NULL,
        PRIMARY KEY (event_id, ord)
    ) STRICT;
    CREATE INDEX claims_document ON claims(document_id);

    CREATE TABLE event_sources (
        event_id    TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        document_id TEXT NOT NULL,
        PRIMARY KEY (event_id, document_id)
    ) STRICT;
    CREATE INDEX event_sources_document ON event_sources(document_id);
    "#,
    // 2: each document's reports as extraction left them, so that a later run resolves without
    // reading the text again; `extractor` says which build made them (another build re-reads).
    r#"
    CREATE TABLE reports (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        extractor   TEXT NOT NULL,
        records     TEXT NOT NULL                -- the document's reports, a JSON array
    ) STRICT;
    "#,
    // 3: the order documents arrived in, explicit (a rowid may change with VACUUM), because
    // event ids depend on it.
    r#"
    ALTER TABLE documents ADD COLUMN arrived INTEGER;
    UPDATE documents SET arrived = rowid;
    CREATE INDEX documents_arrived ON documents(arrived);
    "#,
    // 4: the dataset as users take it. Events carry the fields filters and exports read, a
    // version with created/updated times, and their actors in a table; removed events leave a
    // tombstone; `sources` reads an event's documents with their outlet and headline.
    r#"
    ALTER TABLE events ADD COLUMN content_hash TEXT;   -- of the record without times/version
    ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE events ADD COLUMN created TEXT;        -- RFC 3339 UTC, fixed width: compares as text
    ALTER TABLE events ADD COLUMN updated TEXT;
    ALTER TABLE events ADD COLUMN disorder_type TEXT;
    ALTER TABLE events ADD COLUMN date_precision INTEGER;
    ALTER TABLE events ADD COLUMN country TEXT;
    ALTER TABLE events ADD COLUMN admin2 TEXT;
    ALTER TABLE events ADD COLUMN geo_precision INTEGER;
    ALTER TABLE events ADD COLUMN where_prec INTEGER;
    ALTER TABLE events ADD COLUMN geonames_id INTEGER;
    ALTER TABLE events ADD COLUMN fatalities_high INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN injuries_low INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN injuries_high INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN actor1 TEXT;
    ALTER TABLE events ADD COLUMN actor2 TEXT;
    UPDATE events SET created = strftime('%Y-%m-%dT%H:%M:%S', 'now') || '.000000Z';
    UPDATE events SET updated = created;
    CREATE INDEX events_updated ON events(updated);
    CREATE INDEX events_type ON events(event_type);
    CREATE INDEX events_fatalities ON events(fatalities_low);
    CREATE INDEX events_point ON events(latitude, longitude);
    CREATE INDEX events_country ON events(country);

    CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        ord      INTEGER NOT NULL,
        name     TEXT NOT NULL,
        role     TEXT NOT NULL,                  -- actor1, actor2, associated
        inter    INTEGER NOT NULL,               -- ACLED inter code
        PRIMARY KEY (event_id, ord)
    ) STRICT;
    CREATE INDEX event_actors_name ON event_actors(name COLLATE NOCASE);
    CREATE INDEX claims_claimant ON claims(claimant COLLATE NOCASE);

    CREATE TABLE tombstones (
        event_id    TEXT PRIMARY KEY,
        reason      TEXT NOT NULL,               -- merged, removed
        merged_into TEXT,                        -- the event that holds its reports now
        version     INTEGER NOT NULL,
        removed     TEXT NOT NULL                -- RFC 3339 UTC
    ) STRICT;
    CREATE INDEX tombstones_removed ON tombstones(removed);

    CREATE VIEW sources AS
        SELECT s.event_id, s.document_id, d.outlet, d.url, d.published, d.title,
               d.near_duplicate_of AS copy_of
        FROM event_sources s LEFT JOIN documents d ON d.id = s.document_id;
    "#,
    // 5: events stored before migration 4 get its columns and actors from their record, so that
    // filters work on them before the next run rewrites them.
    r#"
    UPDATE events SET
        disorder_type = json_extract(record, '$.disorder_type'),
        date_precision = json_extract(record, '$.date_precision'),
        country = json_extract(record, '$.location.country'),
        admin2 = json_extract(record, '$.location.admin2'),
        geo_precision = json_extract(record, '$.location.geo_precision'),
        where_prec = json_extract(record, '$.location.where_prec'),
        geonames_id = json_extract(record, '$.location.geonames_id'),
        fatalities_high = coalesce(json_extract(record, '$.fatalities.high'), 0),
        injuries_low = coalesce(json_extract(record, '$.injuries.low'), 0),
        injuries_high = coalesce(json_extract(record, '$.injuries.high'), 0),
        actor1 = (SELECT json_extract(value, '$.name') FROM json_each(record, '$.actors')
                  WHERE json_extract(value, '$.role') = 'actor1' LIMIT 1),
        actor2 = (SELECT json_extract(value, '$.name') FROM json_each(record, '$.actors')
                  WHERE json_extract(value, '$.role') = 'actor2' LIMIT 1)
    WHERE content_hash IS NULL;
    INSERT OR IGNORE INTO event_actors (event_id, ord, name, role, inter)
        SELECT e.event_id, a.key, json_extract(a.value, '$.name'), json_extract(a.value, '$.role'),
               json_extract(a.value, '$.inter')
        FROM events e, json_each(e.record, '$.actors') a
        WHERE e.content_hash IS NULL;
    "#,
];
