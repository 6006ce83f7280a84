//! Resolve: clusters the located reports of all documents into events, links incidents to the
//! aggregates (running totals) that contain them, and reconciles claims into figures.
//!
//! The `Resolver` is incremental: `add` places one document's reports into the events made so
//! far, comparing each report only with the events that share a blocking key (a day of its date
//! window × a place it names, or a victim it names), never with every event; `events` writes the
//! records. Adding the same documents in the same order gives the same events with the same ids:
//! an event's id is derived from the report that founded it.
//!
//! Not here: reading text (extract did), resolving place names (geocode did), storing events.

mod containment;
mod member;
mod reconcile;
mod record;
mod score;

use std::collections::HashMap;

use jiff::civil::Date;
use sitrep_geo::LocatedReport;
use sitrep_model::{EventRecord, SourceCitation};

pub use member::{day_number, jaccard, key as place_key};
pub use reconcile::{Figures, Statement, reconcile};
pub use score::{THRESHOLD, family};

use member::Member;

/// Blocking key for "every event on this day" (reports that name no place look here).
const ANY_PLACE: u64 = 0;
/// Blocking key for "events that name no place, on this day".
const NO_PLACE: u64 = 1;
/// Days of a running total's window looked up for another running total.
const MAX_LOOKUP_DAYS: i32 = 31;
/// The day slot of victim-name keys, which block without a date.
const VICTIM_DAY: i32 = i32::MIN + 1;

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

    /// Place keys and area keys of all its reports.
    pub(crate) fn places(&self) -> (Vec<u64>, Vec<u64>) {
        let places = self.members.iter().flat_map(|m| m.places.iter().copied()).collect();
        let areas = self.members.iter().flat_map(|m| m.areas.iter().copied()).collect();
        (places, areas)
    }
}

/// Events built incrementally from documents' reports.
#[derive(Debug, Default)]
pub struct Resolver {
    documents: Vec<SourceDocument>,
    by_id: HashMap<String, usize>,
    clusters: Vec<Cluster>,
    /// (day, place key) → clusters; see `ANY_PLACE`, `NO_PLACE`, `VICTIM_DAY`.
    blocks: HashMap<(i32, u64), Vec<u32>>,
    /// Day → aggregate clusters, for containment.
    aggregates_by_day: HashMap<i32, Vec<u32>>,
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
                    c.members.retain(|m| m.doc != doc);
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
        for (index, located) in reports.into_iter().enumerate() {
            let member = Member::new(doc, located, published, text);
            let cluster = match self.best_match(&member) {
                Some(c) => c,
                None => {
                    let id = event_id(&self.documents[doc].citation.document_id, index);
                    self.clusters.push(Cluster { id, aggregate: member.report.aggregate, members: Vec::new() });
                    self.clusters.len() - 1
                }
            };
            self.index(cluster, &member);
            self.clusters[cluster].members.push(member);
        }
    }

    /// The event records, in the order their events were founded.
    pub fn events(&self) -> Vec<EventRecord> {
        let mut records: Vec<Option<EventRecord>> =
            self.clusters.iter().map(|c| record::record(c, &self.documents, &|d| self.copy_of(d))).collect();
        for (incident, aggregates) in containment::containers(self) {
            let ids: Vec<String> =
                aggregates.iter().filter_map(|&a| records[a].as_ref().map(|r| r.event_id.clone())).collect();
            if let Some(r) = records[incident].as_mut() {
                r.part_of = ids;
            }
        }
        records.into_iter().flatten().collect()
    }

    fn best_match(&self, m: &Member) -> Option<usize> {
        if !m.has_window() {
            return None;
        }
        let facts = score::DocumentFacts { copy_of: &|doc| self.copy_of(doc) };
        // Running totals name regions loosely: they meet by day alone (few a day).
        let mut candidates: Vec<u32> = if m.report.aggregate {
            let (first, last) = (m.window.0, m.window.1.min(m.window.0.saturating_add(MAX_LOOKUP_DAYS)));
            (first.saturating_sub(1)..=last.saturating_add(1))
                .filter_map(|d| self.aggregates_by_day.get(&d))
                .flatten()
                .copied()
                .collect()
        } else {
            self.lookup_keys(m).filter_map(|k| self.blocks.get(&k)).flatten().copied().collect()
        };
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .filter_map(|c| score::score(m, &self.clusters[c as usize], &facts).map(|s| (s, c as usize)))
            .filter(|&(s, _)| s >= THRESHOLD)
            // The highest score; ties go to the earliest event.
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, c)| c)
    }

    /// Keys a report looks up: the days of its window and one either side, × what it names.
    fn lookup_keys(&self, m: &Member) -> impl Iterator<Item = (i32, u64)> + use<> {
        let mut keys = Vec::new();
        let (first, last) =
            (m.indexed_days().next().unwrap_or(m.window.0), m.indexed_days().last().unwrap_or(m.window.1));
        for day in first.saturating_sub(1)..=last.saturating_add(1) {
            if m.places.is_empty() {
                keys.push((day, ANY_PLACE));
            } else {
                keys.extend(m.places.iter().chain(&m.areas).map(|&p| (day, p)));
                keys.push((day, NO_PLACE));
            }
        }
        keys.extend(m.victims.iter().map(|&v| (VICTIM_DAY, v)));
        keys.into_iter()
    }

    fn index(&mut self, cluster: usize, m: &Member) {
        let c = cluster as u32;
        let mut push = |key: (i32, u64)| {
            let list = self.blocks.entry(key).or_default();
            if list.last() != Some(&c) {
                list.push(c);
            }
        };
        if !m.has_window() {
            return;
        }
        for day in m.indexed_days() {
            push((day, ANY_PLACE));
            if m.places.is_empty() {
                push((day, NO_PLACE));
            }
            for &p in m.places.iter().chain(&m.areas) {
                push((day, p));
            }
        }
        for &v in &m.victims {
            push((VICTIM_DAY, v));
        }
        if m.report.aggregate {
            for day in m.indexed_days() {
                let list = self.aggregates_by_day.entry(day).or_default();
                if list.last() != Some(&c) {
                    list.push(c);
                }
            }
        }
    }

    /// The document a document nearly copies, as an index, when both are here.
    fn copy_of(&self, doc: usize) -> Option<usize> {
        self.documents[doc].citation.copy_of.as_ref().and_then(|id| self.by_id.get(id)).copied()
    }
}

/// Events from every document's reports, added in publication order (then id order), so that
/// the same input always gives the same events and ids.
pub fn resolve(mut documents: Vec<(SourceDocument, String, Vec<LocatedReport>)>) -> Vec<EventRecord> {
    documents
        .sort_by(|a, b| (a.0.published, &a.0.citation.document_id).cmp(&(b.0.published, &b.0.citation.document_id)));
    let mut resolver = Resolver::new();
    for (document, text, reports) in documents {
        resolver.add(document, &text, reports);
    }
    resolver.events()
}

/// A stable event id from the report that founded the event.
fn event_id(document_id: &str, report: usize) -> String {
    format!("ev-{:016x}", xxhash_rust::xxh3::xxh3_64(format!("{document_id}#{report}").as_bytes()))
}
