//! The event record of a cluster: its claims, figures, type, date, place, actors and sources.
//!
//! ## How each field is chosen
//! - **Type**: the type most of its reports give; a tie goes to the earlier type in ACLED's
//!   order (Battles, Explosions/Remote violence, Violence against civilians, Riots, Protests,
//!   Strategic developments). Sub-type: the most common among the reports of that type.
//! - **Date**: the day when every dated report that gives a single day gives the same one
//!   (precision 1); otherwise the span the dated reports cover, with UCDP's precision for its
//!   length. With no date in any report: the earliest publication day, precision 2, flagged
//!   `date_from_publication`.
//! - **Place**: the geocoded location with the finest precision; without one, the place most
//!   often named, as the text names it (no coordinates are invented).
//! - **Actors**: merged by name, in order of first mention, each with its first role.
//! - **Sources**: one per document; syndicated copies count as one outlet.

use std::collections::{BTreeMap, BTreeSet};

use sitrep_model::{Actor, Claim, EventRecord, Location};

use crate::member::date_of;
use crate::reconcile::{Statement, reconcile};
use crate::{Cluster, SourceDocument};

/// ACLED's order of precedence among event types.
const TYPE_ORDER: [&str; 6] = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Riots",
    "Protests",
    "Strategic developments",
];

/// `copy_of` gives the document a document nearly copies, when both were added.
pub fn record(
    cluster: &Cluster,
    documents: &[SourceDocument],
    copy_of: &dyn Fn(usize) -> Option<usize>,
) -> Option<EventRecord> {
    let members = &cluster.members;
    if members.is_empty() {
        return None;
    }
    let (claims, statements) = claims_and_statements(cluster, documents);
    let figures = reconcile(&claims, &statements, cluster.aggregate);
    let (event_type, sub_event_type) = event_type(cluster);
    let mut flags = figures.flags;
    let (date_start, date_end, date_precision) = match date(cluster) {
        Some(d) => (Some(d.0), Some(d.1), Some(d.2)),
        None => {
            let first = members.iter().filter_map(|m| documents[m.doc].published).min();
            if first.is_some() {
                flags.push("date_from_publication".into());
            }
            (first, first, first.map(|_| 2))
        }
    };
    let docs: BTreeSet<usize> = members.iter().map(|m| m.doc).collect();
    let sources: Vec<_> = docs.iter().map(|&d| documents[d].citation.clone()).collect();
    let outlets: BTreeSet<String> = docs.iter().map(|&d| outlet_key(copy_of(d).unwrap_or(d), documents)).collect();
    Some(EventRecord {
        event_id: cluster.id.clone(),
        disorder_type: event_type.as_deref().map(disorder_type).map(str::to_owned),
        event_type,
        sub_event_type,
        aggregate: cluster.aggregate,
        part_of: Vec::new(),
        date_start,
        date_end,
        date_precision,
        location: location(cluster),
        actors: actors(cluster),
        fatalities: figures.fatalities,
        injuries: figures.injuries,
        claims,
        sources,
        n_documents: docs.len() as u32,
        n_outlets: outlets.len() as u32,
        flags,
        derivation: figures.derivation,
        created: None,
        updated: None,
        version: 0,
    })
}

/// The claims of all reports in one list (a part's `part_of` now points into it), and what
/// each document states.
fn claims_and_statements(cluster: &Cluster, documents: &[SourceDocument]) -> (Vec<Claim>, Vec<Statement>) {
    let mut claims = Vec::new();
    let mut by_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut voices: BTreeMap<usize, usize> = BTreeMap::new();
    for m in &cluster.members {
        voices.insert(m.doc, m.copy_of.unwrap_or(m.doc));
        let offset = claims.len();
        for c in &m.report().claims {
            by_doc.entry(m.doc).or_default().push(claims.len());
            let mut c = c.clone();
            c.part_of = c.part_of.map(|p| p + offset);
            claims.push(c);
        }
    }
    let statements = by_doc
        .into_iter()
        .map(|(doc, claims)| Statement { published: documents[doc].published, voice: voices[&doc], claims })
        .collect();
    (claims, statements)
}

fn event_type(cluster: &Cluster) -> (Option<String>, Option<String>) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for t in cluster.members.iter().filter_map(|m| m.report().event_type.as_deref()) {
        *counts.entry(t).or_default() += 1;
    }
    let rank = |t: &str| TYPE_ORDER.iter().position(|o| *o == t).unwrap_or(TYPE_ORDER.len());
    let Some((&chosen, _)) = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(rank(b.0).cmp(&rank(a.0)))) else {
        return (None, None);
    };
    let mut subs: BTreeMap<&str, usize> = BTreeMap::new();
    for m in cluster.members.iter().filter(|m| m.report().event_type.as_deref() == Some(chosen)) {
        if let Some(s) = m.report().sub_event_type.as_deref() {
            *subs.entry(s).or_default() += 1;
        }
    }
    // Most common, then first in name order for a stable choice.
    let sub = subs.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(s, _)| (*s).to_owned());
    (Some(chosen.to_owned()), sub)
}

/// ACLED's disorder type of an event type.
fn disorder_type(event_type: &str) -> &'static str {
    match event_type {
        "Protests" => "Demonstrations",
        "Riots" => "Political violence; Demonstrations",
        "Strategic developments" => "Strategic developments",
        _ => "Political violence",
    }
}

/// Start, end and UCDP precision from the reports that have a date of their own.
fn date(cluster: &Cluster) -> Option<(jiff::civil::Date, jiff::civil::Date, u8)> {
    let dated: Vec<_> = cluster.members.iter().filter(|m| m.dated).collect();
    if dated.is_empty() {
        return None;
    }
    // A report's own precision (a date known only as "by the day it was reported", a week, a
    // month) stands when it is coarser than the span says.
    let reported = dated.iter().filter_map(|m| m.report().date_precision).max().unwrap_or(1);
    let single: BTreeSet<i32> = dated.iter().filter(|m| m.window.0 == m.window.1).map(|m| m.window.0).collect();
    if single.len() == 1 {
        let day = *single.first()?;
        if dated.iter().all(|m| m.window.0 <= day && day <= m.window.1) {
            let precision =
                dated.iter().filter(|m| m.window == (day, day)).filter_map(|m| m.report().date_precision).min();
            return Some((date_of(day), date_of(day), precision.unwrap_or(1)));
        }
    }
    let start = dated.iter().map(|m| m.window.0).min()?;
    let end = dated.iter().map(|m| m.window.1).max()?;
    let precision = match end - start {
        0 => 1,
        1..=5 => 2,
        6 => 3,
        7..=30 => 4,
        _ => 5,
    };
    Some((date_of(start), date_of(end), precision.max(reported)))
}

/// A location's country and first-level area.
type Area = (Option<String>, Option<String>);

/// The event's place: the most precise location of the first-level area most of its
/// documents put it in (one report's namesake in another state, "Obama" read as Japan's town
/// beside three reports from Chicago, does not outvote them); on a tie, the area of the most
/// precise location. With no location, the name the reports give it.
fn location(cluster: &Cluster) -> Location {
    let located: Vec<(usize, &Location)> =
        cluster.members.iter().filter_map(|m| Some((m.doc, m.located.location.as_ref()?))).collect();
    let area = |l: &Location| (l.iso2.clone(), l.admin1.clone());
    let precision = |l: &Location| l.geo_precision.unwrap_or(u8::MAX);
    // Each area: its documents and its most precise location's precision.
    let mut areas: Vec<(Area, BTreeSet<usize>, u8)> = Vec::new();
    for (doc, l) in &located {
        match areas.iter_mut().find(|(a, _, _)| *a == area(l)) {
            Some((_, docs, best)) => {
                docs.insert(*doc);
                *best = (*best).min(precision(l));
            }
            None => areas.push((area(l), BTreeSet::from([*doc]), precision(l))),
        }
    }
    let chosen = areas
        .iter()
        .rev()
        .max_by_key(|(_, docs, best)| (docs.len(), std::cmp::Reverse(*best)))
        .map(|(a, _, _)| a.clone());
    let chosen = located.iter().map(|(_, l)| *l).filter(|l| Some(area(l)) == chosen).min_by_key(|l| precision(l));
    // Known only at country level ("Bangladesh" from the Awami League): the name the reports
    // give the place, when they give one, says more.
    if let Some(l) = chosen.filter(|l| !l.country_only()) {
        return l.clone();
    }
    let country = chosen.cloned().unwrap_or_default();
    // Places that other mentions sit in ("Nabatieh" of "Arnoun, Nabatieh") are areas, not the
    // place of the event, when something inside them is named.
    let mentions: Vec<_> = cluster.members.iter().flat_map(|m| &m.report().place_mentions).collect();
    let is_area = |name: &str| mentions.iter().any(|p| p.context.iter().any(|c| c.eq_ignore_ascii_case(name)));
    // A town or a site before a road, an area or an admin unit; then the most often named;
    // then the first named.
    let rank = |feature: Option<&str>| match feature {
        None | Some("settlement" | "neighbourhood" | "site") => 0,
        Some("road") => 1,
        Some("area") => 2,
        Some(_) => 3,
    };
    let mut counts: Vec<(&str, u8, usize)> = Vec::new();
    for p in mentions.iter().filter(|p| !is_area(&p.name)) {
        match counts.iter_mut().find(|(n, _, _)| n.eq_ignore_ascii_case(&p.name)) {
            Some(entry) => {
                entry.1 = entry.1.min(rank(p.feature.as_deref()));
                entry.2 += 1;
            }
            None => counts.push((&p.name, rank(p.feature.as_deref()), 1)),
        }
    }
    let name = counts
        .iter()
        .rev()
        .max_by_key(|(_, rank, n)| (std::cmp::Reverse(*rank), *n))
        .map(|(name, _, _)| (*name).to_owned());
    Location { name: name.or(country.name.clone()), ..country }
}

fn actors(cluster: &Cluster) -> Vec<Actor> {
    let mut out: Vec<Actor> = Vec::new();
    for a in cluster.members.iter().flat_map(|m| &m.report().actors) {
        if !out.iter().any(|o| o.name == a.name) {
            out.push(a.clone());
        }
    }
    out
}

/// The outlet a document counts as (its id when the outlet is unknown).
fn outlet_key(doc: usize, documents: &[SourceDocument]) -> String {
    let citation = &documents[doc].citation;
    citation.outlet.clone().unwrap_or_else(|| citation.document_id.clone()).to_lowercase()
}
