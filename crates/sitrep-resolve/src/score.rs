//! Whether a report describes an event already made: a documented, learned-free score.
//!
//! ## What it weighs (points; a report joins the best event scoring at least `THRESHOLD`)
//! - **Date**: the same single day in both +2; overlapping windows +1; overlapping when either
//!   side is dated only by publication +0.5. Windows more than a day apart match only when
//!   both name the same person (`FOLLOW_UP_DAYS` at most): a follow-up (the arrest, the
//!   trial, the funeral) told after the incident, +0.
//! - **People**: a person's full name in both ("Ann Reed": two capitalised words that name no
//!   institution, title, feature or day) +2 when the dates are at most a day apart; it opens
//!   the follow-up window above (for no points: +2 at any gap cost more precision than it won
//!   recall on the GVA dev set) and lifts the veto of victims named apart below.
//! - **Place**: the same town named +2; one named inside the other's area ("Arnoun" and "the
//!   Nabatieh countryside"), or both located within `NEAR_KM` of each other (a town and its
//!   suburb, a hospital's town) +1; both located, farther apart and nothing shared −2 (a name
//!   the gazetteer does not know, a venue or a ward, tells nothing apart). A report that names
//!   no place of its own, placed by its document's home town, is compared by where geocoding
//!   put it: within `NEAR_KM` +1, both located farther apart −2.
//! - **Type**: the same family (violence, demonstrations, strategic developments) +0.5; a
//!   different family −2.
//! - **Victims named**: one in common +3; both name victims and none in common −3; and when
//!   each side names all its dead (as many names as it counts killed) and none in common, they
//!   are two incidents (two shootings on the same street the same night stay apart) — unless
//!   both name a person in common (one naming misread), then −3.
//! - **Figures**: the same number killed +1; exact figures that differ by two or more −1 (by
//!   one is how a toll grows when one of the wounded dies: no penalty; tried at −1 on the
//!   GVA dev set: recall fell more than precision rose).
//! - **Words**: 4 × the Jaccard similarity of the describing sentences' content words, each
//!   word weighted by its inverse document frequency among the reports seen so far.
//! - **Syndication**: a near-duplicate copy of a document already in the event +6.
//! - **Running totals** (aggregates only): the same claimant +2; regions are named loosely
//!   ("the coast", one of its provinces), so different place names cost nothing.
//!
//! ## What never matches
//! An aggregate and an incident; two reports of the same document (extraction already decided
//! they are different incidents; `split` joins afterwards the events where it was wrong);
//! reports without any date.

use crate::Cluster;
use crate::member::{Member, weighted_jaccard};

/// The score from which a report joins an event; chosen on the GVA dev set.
pub const THRESHOLD: f64 = 3.0;

/// Two located reports this close are told apart by more than their places: a town and the
/// suburb next to it, a street and the city it is in.
const NEAR_KM: f64 = 25.0;

/// Longest gap, in days, over which a report sharing a person with an event is its follow-up.
const FOLLOW_UP_DAYS: i32 = 365;

/// What scoring needs beyond the two sides: how much a shared word says.
pub struct DocumentFacts<'a> {
    /// How much a shared word says: its inverse document frequency so far.
    pub weight: &'a dyn Fn(u64) -> f64,
}

/// The score of `m` against `c`, or `None` when they cannot be one incident.
pub fn score(m: &Member, c: &Cluster, facts: &DocumentFacts) -> Option<f64> {
    if m.aggregate != c.aggregate || !m.has_window() || c.members.is_empty() || c.members.iter().any(|o| o.doc == m.doc)
    {
        return None;
    }
    let copy = c.members.iter().any(|o| m.copy_of == Some(o.doc) || o.copy_of == Some(m.doc));
    let mut points = if copy { 6.0 } else { 0.0 };
    let person = shares_person(m, c);
    points += date_points(m, c, person)?;

    points += if c.aggregate { claimant_points(m, c) } else { place_points(m, c) };
    points += type_points(m, c);
    points += match victim_points(m, c) {
        Some(p) => p,
        // Named apart, but a person in common: one of the namings is partial.
        None if person => -3.0,
        None => return None,
    };
    points += figure_points(m, c);
    points += 4.0 * c.members.iter().map(|o| weighted_jaccard(&m.words, &o.words, facts.weight)).fold(0.0, f64::max);
    Some(points)
}

/// Whether the report and the event name a person in common.
fn shares_person(m: &Member, c: &Cluster) -> bool {
    !m.people.is_empty() && c.members.iter().any(|o| o.people.iter().any(|p| m.people.binary_search(p).is_ok()))
}

fn date_points(m: &Member, c: &Cluster, person: bool) -> Option<f64> {
    let (start, end) = c.window();
    let gap = m.gap((start, end));
    if gap > 1 {
        return (person && gap <= FOLLOW_UP_DAYS).then_some(0.0);
    }
    let dated = m.dated && c.members.iter().any(|o| o.dated);
    let days = match (gap, dated) {
        (0, true) if m.window.0 == m.window.1 && (start, end) == m.window => 2.0,
        (0, true) => 1.0,
        (0, false) => 0.5,
        _ => 0.0,
    };
    // The same person named on the same days: the same story, whatever else it says.
    Some(days + if person { 2.0 } else { 0.0 })
}

fn place_points(m: &Member, c: &Cluster) -> f64 {
    let any = |f: &dyn Fn(&Member) -> bool| c.members.iter().any(f);
    let shares = |a: &[u64], b: &[u64]| a.iter().any(|x| b.contains(x));
    if m.places.is_empty() || !any(&|o| !o.places.is_empty()) {
        // A report placed only by its document's home town ("a man was shot" in a story from
        // Marlow): where geocoding put it is all there is to compare.
        if any(&|o| near(m, o)) {
            1.0
        } else if located(m) && any(&|o| located(o)) {
            -2.0
        } else {
            0.0
        }
    } else if any(&|o| shares(&m.places, &o.places)) {
        2.0
    } else if any(&|o| shares(&m.places, &o.areas) || shares(&m.areas, &o.places) || near(m, o)) {
        1.0
    } else if located(m) && any(&|o| located(o)) {
        -2.0
    } else {
        // Names the gazetteer does not know (a venue, a ward, a misread word) tell nothing apart.
        0.0
    }
}

/// Whether the report is located at a point.
fn located(m: &Member) -> bool {
    m.located.location.as_ref().is_some_and(|l| l.lat.is_some())
}

/// Whether both reports are located at points within `NEAR_KM` of each other.
pub(crate) fn near(m: &Member, o: &Member) -> bool {
    let point = |x: &Member| x.located.location.as_ref().and_then(|l| Some((l.lat?, l.lon?)));
    match (point(m), point(o)) {
        (Some(a), Some(b)) => sitrep_model::distance_km(a.0, a.1, b.0, b.1) <= NEAR_KM,
        _ => false,
    }
}

fn claimant_points(m: &Member, c: &Cluster) -> f64 {
    if c.members.iter().any(|o| o.claimants.iter().any(|k| m.claimants.contains(k))) { 2.0 } else { 0.0 }
}

fn type_points(m: &Member, c: &Cluster) -> f64 {
    let Some(mine) = m.family else { return 0.0 };
    let mut families = c.members.iter().filter_map(|o| o.family).peekable();
    if families.peek().is_none() {
        0.0
    } else if families.any(|f| f == mine) {
        0.5
    } else {
        -2.0
    }
}

fn victim_points(m: &Member, c: &Cluster) -> Option<f64> {
    if m.victims.is_empty() {
        return Some(0.0);
    }
    let named = || c.members.iter().filter(|o| !o.victims.is_empty());
    if named().next().is_none() {
        Some(0.0)
    } else if named().any(|o| m.victims.iter().any(|v| o.victims.contains(v))) {
        Some(3.0)
    } else if names_all_dead(m) && c.members.iter().filter(|o| !o.victims.is_empty()).all(names_all_dead) {
        None
    } else {
        Some(-3.0)
    }
}

/// Whether a report names as many victims as it counts killed, exactly.
fn names_all_dead(m: &Member) -> bool {
    m.killed.is_some_and(|(n, exact)| exact && n as usize == m.victims.len())
}

fn figure_points(m: &Member, c: &Cluster) -> f64 {
    let Some((mine, exact)) = m.killed else { return 0.0 };
    let theirs = || c.members.iter().filter_map(|o| o.killed);
    if theirs().any(|(v, _)| v == mine) {
        1.0
    } else if exact && theirs().any(|(v, e)| e && v.abs_diff(mine) >= 2) {
        -1.0
    } else {
        0.0
    }
}
