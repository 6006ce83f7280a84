//! Resolve: clusters the located reports of all documents into events, links incidents to the
//! aggregates (running totals) that contain them, and reconciles claims into figures.
//!
//! The `Resolver` is incremental: `add` places one document's reports into the events made so
//! far, comparing each report only with the events that share a blocking key (a day of its date
//! window × a place it names, a victim it names, or a proper name that few events share), never
//! with every event; `events` writes the records, joining first the events that share an article
//! which extraction told in two parts (`split`). Adding the same documents in the same order
//! gives the same events with the same ids: an event's id is derived from the report that
//! founded it.
//!
//! Not here: reading text (extract did), resolving place names (geocode did), storing events.

mod containment;
mod member;
mod reconcile;
mod record;
mod score;
mod split;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use jiff::civil::Date;
use sitrep_geo::LocatedReport;
use sitrep_model::{EventRecord, SourceCitation};

pub(crate) use member::day_number;
use member::{MAX_INDEXED_DAYS, Member};
use score::THRESHOLD;
use sitrep_model::Claim;

/// Blocking key for "every event on this day" (reports that name no place look here).
const ANY_PLACE: u64 = 0;
/// Blocking key for "events that name no place, on this day".
const NO_PLACE: u64 = 1;
/// Names (of victims, streets, venues) block by day as places do, so that reports naming the same
/// victim or venue meet even when they name different places (or none): `(NAME_SLOTS + day,
/// name)`. By day, not by a longer period: reports more than a day apart never match (`score`),
/// so a longer reach would only add events to score and reject.
const NAME_SLOTS: i32 = i32::MIN / 2;
/// A proper name shared by this many events on a day is too common to block on: its list stops
/// growing and lookups skip it.
const MAX_NAME_EVENTS: usize = 64;
/// A person's full name shared by this many events is too common to follow across days.
const MAX_PERSON_EVENTS: usize = 8;

/// A document as resolve sees it: its citation and publication day.
#[derive(Debug, Clone)]
pub struct SourceDocument {
    pub citation: SourceCitation,
    pub published: Option<Date>,
}

/// An event in the making: the reports clustered so far.
#[derive(Debug, Clone)]
pub struct Cluster {
    pub id: String,
    pub aggregate: bool,
    pub(crate) members: Vec<Member>,
}

impl Cluster {
    /// The days the event may lie on: those of its dated reports, or of all when none is dated.
    pub(crate) fn window(&self) -> (i32, i32) {
        let dated: Vec<&Member> = self.members.iter().filter(|m| m.dated).collect();
        let from: Vec<&Member> = if dated.is_empty() { self.members.iter().collect() } else { dated };
        let start = from.iter().map(|m| m.window.0).max().unwrap_or(i32::MIN);
        let end = from.iter().map(|m| m.window.1).min().unwrap_or(i32::MIN);
        // Reports that disagree leave no common day: the union then.
        if start <= end {
            (start, end)
        } else {
            (
                from.iter().map(|m| m.window.0).min().unwrap_or(start),
                from.iter().map(|m| m.window.1).max().unwrap_or(end),
            )
        }
    }

    /// Place keys and area keys of all its reports (for containment, not the hot path).
    pub(crate) fn places(&self) -> (Vec<u64>, Vec<u64>) {
        let places = self.members.iter().flat_map(|m| m.places.iter().copied()).collect();
        let areas = self.members.iter().flat_map(|m| m.areas.iter().copied()).collect();
        (places, areas)
    }
}

/// A hasher for keys that are already hashes (place keys, word hashes, day numbers): one
/// multiply-and-rotate per word instead of SipHash, which dominated lookups at a million events.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_i32(&mut self, n: i32) {
        self.write_u64(n as u64);
    }
}

type KeyMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// Events built incrementally from documents' reports.
#[derive(Debug, Default)]
pub struct Resolver {
    documents: Vec<SourceDocument>,
    by_id: HashMap<String, usize>,
    clusters: Vec<Cluster>,
    /// Day → place key → incident clusters; see `ANY_PLACE`, `NO_PLACE`, `NAME_SLOTS`. By day
    /// first, so that news arriving in date order keeps touching the few small tables of its
    /// recent days, hot in cache, however many days lie behind them.
    blocks: KeyMap<i32, KeyMap<u64, Vec<u32>>>,
    /// A person's full name → incident clusters, whatever the day: follow-ups (an arrest, a
    /// trial) told days or months after the incident meet it through the people both name.
    people: KeyMap<u64, Vec<u32>>,
    /// Day → aggregate clusters, for other running totals and for containment.
    aggregates_by_day: KeyMap<i32, Vec<u32>>,
    /// Word → how many reports used it, for weighting shared words.
    document_frequency: KeyMap<u64, u32>,
    reports_seen: u32,
    /// Events scored against a report, over all reports: the cost that blocking keeps flat.
    candidates_scored: u64,
    /// Every event id given so far, as the number it writes.
    ids: std::collections::HashSet<u64, BuildHasherDefault<KeyHasher>>,
    /// Pairs of incident events, with how many reports matched both (each joined the
    /// better): two events of one incident that grew apart, joined at the end when nothing in
    /// them disagrees (`split`). Ordered, so that joins come out the same on every run.
    bridges: std::collections::BTreeMap<(u32, u32), u32>,
}

impl Resolver {
    pub fn new() -> Resolver {
        Resolver::default()
    }

    /// Places a document's reports into events, founding new ones where nothing matches. A
    /// document already added (same id) is taken out first, so an updated document replaces its
    /// earlier reports. `text` is the clean text the reports' spans point into.
    pub fn add(&mut self, document: SourceDocument, text: &str, reports: Vec<LocatedReport>) {
        let doc = match self.by_id.get(&document.citation.document_id) {
            Some(&doc) => {
                for c in &mut self.clusters {
                    let before = c.members.len();
                    c.members.retain(|m| m.doc != doc);
                    // An event left with no report frees its id, for its founder coming back.
                    if c.members.is_empty() && before > 0 {
                        self.ids.remove(&id_number(&c.id));
                    }
                }
                self.documents[doc] = document;
                doc
            }
            None => {
                self.by_id.insert(document.citation.document_id.clone(), self.documents.len());
                self.documents.push(document);
                self.documents.len() - 1
            }
        };
        let published = self.documents[doc].published;
        let copy_of = self.copy_of(doc);
        for (index, located) in reports.into_iter().enumerate() {
            let mut member = Member::new(doc, copy_of, located, published, text);
            self.reports_seen += 1;
            for w in &member.words {
                *self.document_frequency.entry(*w).or_default() += 1;
            }
            let cluster = match self.best_match(&member) {
                Some(c) => {
                    self.mark_follow_up(c, &mut member);
                    c
                }
                None => {
                    let founder = self.documents[doc].citation.document_id.clone();
                    let id = self.new_id(&founder, index);
                    self.clusters.push(Cluster { id, aggregate: member.aggregate, members: Vec::new() });
                    self.clusters.len() - 1
                }
            };
            self.index(cluster, &member);
            let members = &mut self.clusters[cluster].members;
            // Most events have one report or two, and a member is some 200 bytes: grow one at a
            // time to four, rather than to four at once as `Vec` does.
            if members.len() == members.capacity() && members.len() < 4 {
                members.reserve_exact(1);
            }
            members.push(member);
        }
    }

    /// The event records, in the order their events were founded.
    pub fn events(&self) -> Vec<EventRecord> {
        // Incidents extraction told in two parts of one article are one event (`split`).
        let mut keeper: Vec<usize> = (0..self.clusters.len()).collect();
        let mut joined: HashMap<usize, Cluster> = HashMap::new();
        for group in split::joined(&self.clusters, self.documents.len(), &self.bridges) {
            let first = &self.clusters[group[0]];
            let members = group.iter().flat_map(|&i| self.clusters[i].members.iter().cloned()).collect();
            for &i in &group[1..] {
                keeper[i] = group[0];
            }
            joined.insert(group[0], Cluster { id: first.id.clone(), aggregate: first.aggregate, members });
        }
        let mut records: Vec<Option<EventRecord>> = self
            .clusters
            .iter()
            .enumerate()
            .map(|(i, c)| match (keeper[i] == i, joined.get(&i)) {
                (false, _) => None,
                (true, Some(whole)) => record::record(whole, &self.documents, &|d| self.copy_of(d)),
                (true, None) => record::record(c, &self.documents, &|d| self.copy_of(d)),
            })
            .collect();
        for (incident, aggregates) in containment::containers(self) {
            let ids: Vec<String> =
                aggregates.iter().filter_map(|&a| records[a].as_ref().map(|r| r.event_id.clone())).collect();
            if let Some(r) = records[keeper[incident]].as_mut() {
                for id in ids {
                    if !r.part_of.contains(&id) {
                        r.part_of.push(id);
                    }
                }
            }
        }
        records.into_iter().flatten().collect()
    }

    /// Reports added and events scored against them so far.
    pub fn work(&self) -> (u64, u64) {
        (u64::from(self.reports_seen), self.candidates_scored)
    }

    fn best_match(&mut self, m: &Member) -> Option<usize> {
        if !m.has_window() {
            return None;
        }
        // Inverse document frequency over the reports seen so far: a street name shared by two
        // reports says more than "police".
        let n = f64::from(self.reports_seen.max(1));
        let weight = |w: u64| (n / f64::from(1 + self.document_frequency.get(&w).copied().unwrap_or(0))).ln().max(0.0);
        let facts = score::DocumentFacts { weight: &weight };
        // Running totals name regions loosely: they meet by day alone (few a day).
        let mut candidates: Vec<u32> = if m.aggregate {
            let (first, last) = (m.window.0, m.window.1.min(m.window.0.saturating_add(MAX_INDEXED_DAYS - 1)));
            (first.saturating_sub(1)..=last.saturating_add(1))
                .filter_map(|d| self.aggregates_by_day.get(&d))
                .flatten()
                .copied()
                .collect()
        } else {
            // A name's list at the cap says too little to score every event on it.
            let useful = |(key, list): &((i32, u64), &Vec<u32>)| !is_name_slot(key.0) || list.len() < MAX_NAME_EVENTS;
            let mut found: Vec<u32> = self
                .lookup_keys(m)
                .filter_map(|k| self.blocks.get(&k.0).and_then(|day| day.get(&k.1)).map(|l| (k, l)))
                .filter(useful)
                .flat_map(|(_, l)| l)
                .copied()
                .collect();
            found.extend(
                m.people
                    .iter()
                    .filter_map(|p| self.people.get(p))
                    .filter(|l| l.len() < MAX_PERSON_EVENTS)
                    .flatten()
                    .copied(),
            );
            found
        };
        candidates.sort_unstable();
        candidates.dedup();
        self.candidates_scored += candidates.len() as u64;
        let matched: Vec<(f64, u32)> = candidates
            .into_iter()
            .filter_map(|c| score::score(m, &self.clusters[c as usize], &facts).map(|s| (s, c)))
            .filter(|&(s, _)| s >= THRESHOLD)
            .collect();
        // The highest score; ties go to the earliest event.
        let best = matched.iter().copied().max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1))).map(|(_, c)| c)?;
        for &(_, other) in matched.iter().filter(|(_, c)| *c != best) {
            *self.bridges.entry((best.min(other), best.max(other))).or_default() += 1;
        }
        Some(best as usize)
    }

    /// Keys a report looks up: the days of its window and one either side, × what it names.
    fn lookup_keys(&self, m: &Member) -> impl Iterator<Item = (i32, u64)> + use<> {
        let mut keys = Vec::new();
        let (first, last) = (m.window.0, m.window.1.min(m.window.0.saturating_add(MAX_INDEXED_DAYS - 1)));
        for day in first.saturating_sub(1)..=last.saturating_add(1) {
            if m.places.is_empty() {
                keys.push((day, ANY_PLACE));
            } else {
                keys.extend(m.places.iter().chain(&m.areas).map(|&p| (day, p)));
                keys.push((day, NO_PLACE));
            }
            keys.extend(m.victims.iter().chain(&m.names).map(|&v| (NAME_SLOTS + day, v)));
        }
        keys.into_iter()
    }

    fn index(&mut self, cluster: usize, m: &Member) {
        let c = cluster as u32;
        let push = |list: &mut Vec<u32>| {
            if list.last() != Some(&c) {
                list.push(c);
            }
        };
        if !m.has_window() {
            return;
        }
        if m.aggregate {
            for day in m.indexed_days() {
                push(self.aggregates_by_day.entry(day).or_default());
            }
            return;
        }
        for &p in &m.people {
            let list = self.people.entry(p).or_default();
            if list.len() < MAX_PERSON_EVENTS {
                push(list);
            }
        }
        for day in m.indexed_days() {
            let places = self.blocks.entry(day).or_default();
            push(places.entry(ANY_PLACE).or_default());
            if m.places.is_empty() {
                push(places.entry(NO_PLACE).or_default());
            }
            for &p in m.places.iter().chain(&m.areas) {
                push(places.entry(p).or_default());
            }
            let names = self.blocks.entry(NAME_SLOTS + day).or_default();
            for &n in m.victims.iter().chain(&m.names) {
                let list = names.entry(n).or_default();
                if list.len() < MAX_NAME_EVENTS {
                    push(list);
                }
            }
        }
    }

    /// A report that joins an event on days apart (through a person both name) is a follow-up
    /// when it is the later: its date is not the incident's. When it is the earlier, the event's
    /// later reports are the follow-ups. A follow-up counts as undated.
    fn mark_follow_up(&mut self, cluster: usize, m: &mut Member) {
        let c = &mut self.clusters[cluster];
        let (start, end) = c.window();
        if !m.dated || m.gap((start, end)) <= 1 {
            return;
        }
        if m.window.0 > end {
            m.dated = false;
        } else {
            for o in c.members.iter_mut().filter(|o| o.dated && o.window.0 > m.window.1) {
                o.dated = false;
            }
        }
    }

    /// An id from the founding report; when an updated document founds again an event whose
    /// first id is still held by the event it founded before, the next free variant.
    fn new_id(&mut self, document_id: &str, report: usize) -> String {
        let mut id = event_id(document_id, report, 0);
        let mut n = 0;
        while !self.ids.insert(id) {
            n += 1;
            id = event_id(document_id, report, n);
        }
        format!("ev-{id:016x}")
    }

    /// The document a document nearly copies, as an index, when both are here.
    fn copy_of(&self, doc: usize) -> Option<usize> {
        self.documents[doc].citation.copy_of.as_ref().and_then(|id| self.by_id.get(id)).copied()
    }
}

/// What one document's claims say on their own, by the rules an event's figures follow:
/// (killed, injured), running totals left out.
pub fn document_figures(claims: &[Claim]) -> (u32, u32) {
    let statement = reconcile::Statement { published: None, voice: 0, claims: (0..claims.len()).collect() };
    let figures = reconcile::reconcile(claims, &[statement], false);
    (figures.fatalities.best, figures.injuries.best)
}

/// Whether a key's first part is a name slot rather than a place's day.
fn is_name_slot(slot: i32) -> bool {
    slot < NAME_SLOTS / 2
}

/// A stable event id from the report that founded the event (and a variant number, 0 but for
/// an updated document founding again), as the number its text (`ev-` and 16 hex digits) writes.
fn event_id(document_id: &str, report: usize, variant: u32) -> u64 {
    let key =
        if variant == 0 { format!("{document_id}#{report}") } else { format!("{document_id}#{report}#{variant}") };
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
}

/// The number an event id writes.
fn id_number(id: &str) -> u64 {
    id.strip_prefix("ev-").and_then(|hex| u64::from_str_radix(hex, 16).ok()).unwrap_or(0)
}
