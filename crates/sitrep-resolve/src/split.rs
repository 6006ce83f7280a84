//! Incidents that extraction told in two parts, or that grew apart: one article's headline and
//! lead make one report, a later paragraph another, and each gathers other articles' reports,
//! so that the incident ends up as two events that share the article. Two incident events are
//! joined when they share a document and could not be two incidents:
//! - their date windows overlap, and at least one is dated by the text (two guesses from
//!   publication dates say too little);
//! - they are of one family of event types (or one has none);
//! - they name a place in common (a town, a province, a country: the name as written), or one
//!   names none, or they are located within `score::NEAR_KM` of each other;
//! - they state the same number killed (or one states none);
//! - they name no victims, or a victim in common;
//! - and so does every pair across two groups already joined, so that an undated fragment
//!   cannot chain Wednesday's clash to Thursday's.
//!
//! A round-up of two shootings in one town on one night with different tolls stays two events
//! (their killed figures differ); with the same toll and no names, the two are joined, which is
//! the price of this rule.
//!
//! Events of one incident also grow apart across outlets: the first names the town, the second
//! only the province, so neither matches the other, and later reports naming both match both
//! (each joins the better). Two events that `BRIDGES` reports matched both of are joined on the
//! same conditions but the figures: tolls differ between outlets as a toll grows.
//! On the GVA dev set: B-cubed F1 0.867 -> 0.868 (recall 0.780 -> 0.782, precision 0.975);
//! one bridging report joined more (recall 0.783) at a precision of 0.972.
//!
//! Not here: deciding whether a report joins an event (`score`); this runs over the events made.

use crate::{Cluster, member::Member};

/// Reports that must match two events for them to be joined as one incident grown apart.
const BRIDGES: usize = 2;

/// Groups of clusters that are one incident: each group's clusters, earliest first (it keeps
/// its id). Clusters joined to no other are not listed.
///
/// `bridges`: pairs of events with how many reports matched both (`Resolver::bridges`), tried
/// as pairs sharing a document are once `BRIDGES` did.
pub(crate) fn joined(
    clusters: &[Cluster],
    documents: usize,
    bridges: &std::collections::BTreeMap<(u32, u32), u32>,
) -> Vec<Vec<usize>> {
    let mut by_document: Vec<Vec<usize>> = vec![Vec::new(); documents];
    for (i, c) in clusters.iter().enumerate() {
        if c.aggregate {
            continue;
        }
        for m in &c.members {
            let list = &mut by_document[m.doc];
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let mut parent: Vec<usize> = (0..clusters.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Each group's clusters, by its root: a join must suit every pair across the two groups,
    // so that an undated fragment cannot chain Wednesday's clash to Thursday's.
    let mut members: Vec<Vec<usize>> = (0..clusters.len()).map(|i| vec![i]).collect();
    let sharing = by_document.iter().flat_map(|list| {
        list.iter().enumerate().flat_map(move |(n, &a)| list[n + 1..].iter().map(move |&b| (a, b, true)))
    });
    let bridged = bridges
        .iter()
        .filter(|&(_, &n)| n as usize >= BRIDGES)
        .map(|(&(a, b), _)| (a as usize, b as usize, false))
        .filter(|(a, b, _)| !clusters[*a].aggregate && !clusters[*b].aggregate);
    // `figures`: whether the killed figures must agree (not across bridged events).
    for (a, b, figures) in sharing.chain(bridged) {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        let fits = || {
            members[ra].iter().all(|&x| members[rb].iter().all(|&y| one_incident(&clusters[x], &clusters[y], figures)))
        };
        if ra != rb && fits() {
            // The earlier cluster keeps its id.
            let (keep, absorb) = (ra.min(rb), ra.max(rb));
            parent[absorb] = keep;
            let moved = std::mem::take(&mut members[absorb]);
            members[keep].extend(moved);
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    for i in 0..clusters.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}

fn one_incident(a: &Cluster, b: &Cluster, figures: bool) -> bool {
    // The same days, from the text on both sides.
    let dated = |c: &Cluster| c.members.iter().any(|m| m.dated);
    let (wa, wb) = (a.window(), b.window());
    if !(dated(a) || dated(b)) || wa.0 > wb.1 || wb.0 > wa.1 {
        return false;
    }
    let families = |c: &Cluster| c.members.iter().filter_map(|m| m.family).collect::<Vec<_>>();
    let (fa, fb) = (families(a), families(b));
    if !fa.is_empty() && !fb.is_empty() && !fa.iter().any(|f| fb.contains(f)) {
        return false;
    }
    // A place in common, or no place on one side, or places next to each other (a quarter and
    // its city: "Jamaica Plain" and "Boston").
    let places = |c: &Cluster| c.members.iter().flat_map(|m| m.places.iter().copied()).collect::<Vec<_>>();
    let (pa, pb) = (places(a), places(b));
    let near = || a.members.iter().any(|m| b.members.iter().any(|o| crate::score::near(m, o)));
    if !pa.is_empty() && !pb.is_empty() && !pa.iter().any(|p| pb.contains(p)) && !near() {
        return false;
    }
    // Figures that agree: the same number killed on both sides.
    let killed = |c: &Cluster| c.members.iter().filter_map(|m| m.killed).map(|(n, _)| n).max();
    if let (Some(ka), Some(kb)) = (killed(a), killed(b))
        && figures
        && ka != kb
    {
        return false;
    }
    let victims = |c: &Cluster| c.members.iter().flat_map(|m: &Member| m.victims.iter().copied()).collect::<Vec<_>>();
    let (va, vb) = (victims(a), victims(b));
    va.is_empty() || vb.is_empty() || va.iter().any(|v| vb.contains(v))
}
