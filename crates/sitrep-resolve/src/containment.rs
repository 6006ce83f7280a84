//! Which aggregates (running totals, region-wide tallies) contain which incidents.
//!
//! ## The rule
//! An incident is part of an aggregate when its days lie inside the aggregate's (a running
//! total runs until its latest report was published, and back a day when its reports do not
//! say since when: "more than 70 dead" on Friday counts Thursday's dead too), the incident is
//! of the total's family (a protest is not part of a death toll of clashes), they share a
//! place or area ("Arnoun, in the Nabatieh countryside" inside a tally "across Nabatieh"), or
//! the aggregate names no place and a document reports both; and the incident's deaths do not
//! exceed the total's highest figure.
//!
//! Not here: the aggregate's own figures (`reconcile`).

use crate::Resolver;
use crate::member::MAX_INDEXED_DAYS;
use crate::member::Member;

/// How far back a running total reaches when nothing says since when.
const REACH_DAYS: i32 = 1;

/// (incident cluster, the aggregate clusters containing it), for every contained incident.
pub fn containers(resolver: &Resolver) -> Vec<(usize, Vec<usize>)> {
    let mut out = Vec::new();
    for (i, incident) in resolver.clusters.iter().enumerate() {
        if incident.aggregate || incident.members.is_empty() {
            continue;
        }
        // Totals are indexed by their own first days: one may have begun up to that many days
        // before the incident, or a day after it (a total reaches back a day).
        let (start, end) = incident.window();
        let last = end.min(start.saturating_add(MAX_INDEXED_DAYS)).saturating_add(REACH_DAYS);
        let mut candidates: Vec<u32> = (start.saturating_sub(MAX_INDEXED_DAYS)..=last)
            .filter_map(|d| resolver.aggregates_by_day.get(&d))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let containing: Vec<usize> =
            candidates.into_iter().map(|a| a as usize).filter(|&a| contains(resolver, a, i)).collect();
        if !containing.is_empty() {
            out.push((i, containing));
        }
    }
    out
}

fn contains(resolver: &Resolver, aggregate: usize, incident: usize) -> bool {
    let (total, part) = (&resolver.clusters[aggregate], &resolver.clusters[incident]);
    if total.members.is_empty() {
        return false;
    }
    let (start, end) = total.window();
    let reported = total.members.iter().filter_map(|m| resolver.documents[m.doc].published).max();
    let end = reported.map_or(end, |p| end.max(crate::day_number(p)));
    let start = start.min(end.saturating_sub(REACH_DAYS));
    let (p_start, p_end) = part.window();
    if p_start < start || p_end > end {
        return false;
    }
    let (places, areas) = total.places();
    let named = |m: &Member| m.places.iter().chain(&m.areas).any(|k| places.contains(k) || areas.contains(k));
    let placed = if places.is_empty() && areas.is_empty() {
        part.members.iter().any(|m| total.members.iter().any(|t| t.doc == m.doc))
    } else {
        part.members.iter().any(named)
    };
    placed && same_family(total, part) && deaths(part) <= highest(total)
}

fn same_family(a: &crate::Cluster, b: &crate::Cluster) -> bool {
    let families = |c: &crate::Cluster| -> Vec<u8> { c.members.iter().filter_map(|m| m.family).collect() };
    let (fa, fb) = (families(a), families(b));
    fa.is_empty() || fb.is_empty() || fa.iter().any(|f| fb.contains(f))
}

/// The largest number killed a cluster's reports state for it.
fn deaths(c: &crate::Cluster) -> u32 {
    c.members.iter().filter_map(|m| m.killed).map(|(n, _)| n).max().unwrap_or(0)
}

fn highest(c: &crate::Cluster) -> u32 {
    c.members
        .iter()
        .flat_map(|m| &m.report().claims)
        .filter(|k| k.kind == "killed")
        .map(|k| k.high.unwrap_or(k.value))
        .max()
        .unwrap_or(u32::MAX)
}
