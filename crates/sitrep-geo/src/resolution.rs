//! Place mentions to locations, with honest precision.
//!
//! ## How a mention is resolved
//! 1. The document's **country focus**: every mention votes for the countries it may be in
//!    (a country named outright, or a demonym such as "Malian", counts most; a town in two
//!    countries gives each half a vote).
//! 2. **Candidates** by name (exact spelling, then transliteration), scored: an exact match 2, a
//!    transliteration 1; the kind the text gives ("Mopti region" wants an admin area; "the town
//!    of Mopti" a town) up to 3; the admin context named after it ("Arnoun, in the Nabatieh
//!    countryside") 3; the country focus 2 (another country −1); a town that shares its
//!    province's name (usually its capital) 0.5. The best wins from 2 points on (3 for a
//!    transliteration, which must have the kind, the context or the country with it).
//! 3. A **road** between two places ("the Sidon-Tyre road") is coded between its two ends,
//!    near precision. A **neighbourhood** or an **area** around a town ("the Tyre countryside")
//!    is coded to the town, near precision.
//! 4. A name the gazetteer lacks falls back to its **admin context** (near a town: precision 2;
//!    in a province: 3), else to the document's **area focus** (the province most of its
//!    resolved towns lie in, when at least two do: a village named in a story about one
//!    province is taken to be in it, at province precision), else to the **country focus**
//!    (country level), always keeping the mention's own words in `location.name`. A mention at
//!    province or country level never becomes a town's point.
//!
//! A report's location is its most precise mention; a dateline only when nothing else is named.
//!
//! Precision codes: ACLED geo_precision 1 (the place), 2 (near it, or part of a region coded
//! to a town), 3 (a larger region); UCDP where_prec 1 (the place), 2 (within 25 km), 3 (admin2),
//! 4 (admin1), 6 (country).

use std::collections::{BTreeMap, HashMap};

use sitrep_model::{Location, PlaceMention, Report};

use crate::gazetteer::{Entry, Gazetteer, Kind, Match};
use crate::key;

/// Points from which a candidate is taken: an exact name needs nothing more; a transliteration
/// needs the kind, the context or the country to agree.
const ENOUGH: f64 = 2.0;
const ENOUGH_TRANSLITERATED: f64 = 3.0;

/// What a document is about, as far as places go.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Focus {
    /// The country most of its mentions point to.
    pub country: Option<String>,
    /// The admin1 area most of its resolved towns lie in (when two or more do).
    pub area: Option<Entry>,
    /// Each mention's best entry under the country focus (by `mention_key`), found once for the
    /// area focus and reused when the mentions are located.
    resolved: HashMap<String, Option<u32>>,
}

impl Focus {
    pub fn of(g: &Gazetteer, reports: &[Report]) -> Focus {
        let country = country_focus(g, reports);
        let mut focus = Focus { country, ..Focus::default() };
        let mut areas: BTreeMap<(String, String), usize> = BTreeMap::new();
        for m in reports.iter().flat_map(|r| &r.place_mentions) {
            let found = best_index(g, &m.name, m.feature.as_deref(), &m.context, focus.country.as_deref());
            focus.resolved.insert(mention_key(m), found);
            if let Some(e) = found.map(|i| g.entry(i))
                && e.kind == Kind::Settlement
                && let Some(a1) = &e.admin1
            {
                *areas.entry((e.iso2.clone(), a1.clone())).or_default() += 1;
            }
        }
        let top = areas.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).filter(|(_, n)| *n >= 2);
        focus.area = top.and_then(|((iso2, a1), _)| {
            g.candidates(&a1).into_iter().map(|(i, _)| g.entry(i)).find(|e| e.kind == Kind::Admin1 && e.iso2 == iso2)
        });
        focus
    }
}

/// The country most of a document's mentions point to.
pub fn country_focus(g: &Gazetteer, reports: &[Report]) -> Option<String> {
    let mut votes: BTreeMap<String, f64> = BTreeMap::new();
    let mentions = reports.iter().flat_map(|r| &r.place_mentions);
    for name in mentions.flat_map(|m| std::iter::once(&m.name).chain(&m.context)) {
        if let Some(iso2) = g.demonym(name) {
            *votes.entry(iso2.to_owned()).or_default() += 3.0;
            continue;
        }
        let candidates = g.candidates(name);
        let exact: Vec<Entry> =
            candidates.iter().filter(|(_, m)| *m == Match::Exact).map(|&(i, _)| g.entry(i)).collect();
        if let Some(country) = exact.iter().find(|e| e.kind == Kind::Country) {
            *votes.entry(country.iso2.clone()).or_default() += 3.0;
            continue;
        }
        let mut countries: Vec<&str> = exact.iter().map(|e| e.iso2.as_str()).collect();
        countries.sort_unstable();
        countries.dedup();
        for c in &countries {
            *votes.entry((*c).to_owned()).or_default() += 1.0 / countries.len() as f64;
        }
    }
    votes.into_iter().max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0))).map(|(iso2, _)| iso2)
}

/// The location of one report: its most precise mention.
pub fn locate_report(g: &Gazetteer, report: &Report, focus: &Focus) -> Option<Location> {
    report
        .place_mentions
        .iter()
        .enumerate()
        .filter_map(|(order, m)| locate_mention(g, m, focus).map(|l| (l, m.dateline, order)))
        .min_by_key(|(l, dateline, order)| (*dateline, l.where_prec.unwrap_or(u8::MAX), *order))
        .map(|(l, _, _)| l)
}

/// The location one mention stands for.
pub fn locate_mention(g: &Gazetteer, m: &PlaceMention, document: &Focus) -> Option<Location> {
    let focus = document.country.as_deref();
    let feature = m.feature.as_deref();
    let shown = shown_name(m);
    if feature == Some("road") && m.name.contains('-') {
        return road(g, m, focus);
    }
    if let Some(iso2) = g.demonym(&m.name) {
        // "the Sahelian coast"-like regions named by a demonym: the country, at its level.
        return g.country(iso2).map(|c| country_level(c, shown));
    }
    let found = match document.resolved.get(&mention_key(m)) {
        Some(&found) => found.map(|i| g.entry(i)),
        None => best(g, &m.name, feature, &m.context, focus),
    };
    match found {
        Some(entry) => {
            let near = matches!(feature, Some("area" | "neighbourhood" | "site")) && entry.kind == Kind::Settlement;
            let mut location = location_of(g, &entry, near);
            if near {
                location.name = Some(shown);
            }
            Some(location)
        }
        None => fallback(g, m, document, shown),
    }
}

/// What identifies a mention for resolution: its name, kind and context.
fn mention_key(m: &PlaceMention) -> String {
    format!("{}|{}|{}", m.name, m.feature.as_deref().unwrap_or(""), m.context.join("|"))
}

/// The best-scoring entry for a name, if any scores enough.
fn best(g: &Gazetteer, name: &str, feature: Option<&str>, context: &[String], focus: Option<&str>) -> Option<Entry> {
    best_index(g, name, feature, context, focus).map(|i| g.entry(i))
}

/// `best`, as the entry's index.
fn best_index(
    g: &Gazetteer,
    name: &str,
    feature: Option<&str>,
    context: &[String],
    focus: Option<&str>,
) -> Option<u32> {
    let context_keys: Vec<String> = context.iter().map(|c| key::transliteration(c)).collect();
    let score = |entry: &Entry, matched: Match| -> f64 {
        let mut points = if matched == Match::Exact { 2.0 } else { 1.0 };
        points += match (feature, entry.kind) {
            (Some("admin"), Kind::Admin1 | Kind::Admin2 | Kind::Area) => 3.0,
            (Some("admin"), Kind::Settlement) => -1.0,
            (Some("area"), _) => 0.5,
            (_, Kind::Settlement) => 1.0,
            _ => 0.0,
        };
        let within =
            |admin: &Option<String>| admin.as_deref().is_some_and(|a| context_keys.contains(&key::transliteration(a)));
        if entry.kind != Kind::Country && (within(&entry.admin1) || within(&entry.admin2)) {
            points += 3.0;
        }
        match focus {
            Some(f) if f == entry.iso2 => points += 2.0,
            Some(_) => points -= 1.0,
            None => {}
        }
        let capital = [&entry.admin1, &entry.admin2]
            .iter()
            .any(|a| a.as_deref().is_some_and(|a| key::exact(a) == key::exact(&entry.name)));
        if entry.kind == Kind::Settlement && capital {
            points += 0.5;
        }
        points
    };
    g.candidates(name)
        .into_iter()
        .map(|(i, matched)| (i, g.entry(i), matched))
        .map(|(i, entry, matched)| (i, score(&entry, matched), matched, size(&entry)))
        .filter(|(_, points, matched, _)| {
            *points >= if *matched == Match::Exact { ENOUGH } else { ENOUGH_TRANSLITERATED }
        })
        // Among towns that score enough, the larger is the likelier.
        .map(|(i, points, _, size)| (i, points + size))
        // The best; the first listed on a tie (exact matches come first).
        .fold(None, |kept: Option<(u32, f64)>, (i, p)| match kept {
            Some((_, q)) if q >= p => kept,
            _ => Some((i, p)),
        })
        .map(|(i, _)| i)
}

/// Points for a town's size, used only to rank candidates that already score enough: none
/// below 1,000 people, 0.4 per tenfold more, at most 1.2 (a city of a million). Admin areas
/// get none, so that a province does not outrank its capital by counting its people.
fn size(entry: &Entry) -> f64 {
    if entry.kind != Kind::Settlement || entry.population == 0 {
        return 0.0;
    }
    ((f64::from(entry.population).log10() - 3.0) * 0.4).clamp(0.0, 1.2)
}

/// A road "A-B": between its ends when both are known, at the one known otherwise.
fn road(g: &Gazetteer, m: &PlaceMention, focus: Option<&str>) -> Option<Location> {
    let ends: Vec<Entry> =
        m.name.split('-').filter_map(|end| best(g, end.trim(), Some("settlement"), &m.context, focus)).collect();
    let first = ends.first()?;
    let mut location = location_of(g, first, true);
    if let (Some(last), true) = (ends.last(), ends.len() > 1) {
        location.lat = Some((first.lat? + last.lat?) / 2.0);
        location.lon = Some((first.lon? + last.lon?) / 2.0);
        location.geonames_id = None;
    }
    location.name = Some(shown_name(m));
    Some(location)
}

/// A name the gazetteer lacks: its admin context, else the country focus.
fn fallback(g: &Gazetteer, m: &PlaceMention, document: &Focus, shown: String) -> Option<Location> {
    let focus = document.country.as_deref();
    for (depth, context) in m.context.iter().enumerate() {
        let outer = &m.context[depth + 1..];
        if let Some(entry) = best(g, context, None, outer, focus) {
            let mut location = location_of(g, &entry, entry.kind == Kind::Settlement);
            location.name = Some(shown);
            return Some(location);
        }
    }
    if let Some(area) = &document.area {
        let mut location = location_of(g, area, false);
        location.name = Some(shown);
        return Some(location);
    }
    focus.and_then(|f| g.country(f)).map(|c| country_level(c, shown))
}

/// The location of an entry; `near` when the event is near it or in its area rather than at it.
fn location_of(g: &Gazetteer, e: &Entry, near: bool) -> Location {
    let (geo_precision, where_prec) = match (e.kind, near) {
        (Kind::Settlement, false) => (1, 1),
        (Kind::Settlement, true) => (2, 2),
        (Kind::Admin2 | Kind::Area, _) => (3, 3),
        (Kind::Admin1, _) => (3, 4),
        (Kind::Country, _) => (3, 6),
    };
    Location {
        name: Some(e.name.clone()),
        admin1: e.admin1.clone(),
        admin2: e.admin2.clone(),
        country: g.country(&e.iso2).map(|c| c.name.clone()),
        iso2: Some(e.iso2.clone()),
        lat: e.lat,
        lon: e.lon,
        geonames_id: e.geonames_id,
        geo_precision: Some(geo_precision),
        where_prec: Some(where_prec),
    }
}

/// A country-level location keeping the mention's words: no point is invented.
fn country_level(country: &Entry, shown: String) -> Location {
    Location {
        name: Some(shown),
        country: Some(country.name.clone()),
        iso2: Some(country.iso2.clone()),
        geo_precision: Some(3),
        where_prec: Some(6),
        ..Location::default()
    }
}

/// The mention as a name: with its feature word when that word is part of what is named ("Tyre
/// countryside", "Sidon-Tyre road"), not when it only says what the name is ("Qusour
/// neighbourhood" is Qusour).
fn shown_name(m: &PlaceMention) -> String {
    match m.feature_word.as_deref() {
        Some(word) if matches!(m.feature.as_deref(), Some("area" | "road")) => {
            format!("{} {word}", m.name)
        }
        _ => m.name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::fixture::gazetteer;
    use sitrep_model::Span;

    fn mention(name: &str, feature: Option<&str>, word: Option<&str>, context: &[&str]) -> PlaceMention {
        PlaceMention {
            span: Span::new(0, 0),
            name: name.into(),
            feature: feature.map(str::to_owned),
            feature_word: word.map(str::to_owned),
            context: context.iter().map(|c| (*c).to_owned()).collect(),
            dateline: false,
        }
    }

    fn country(iso2: &str) -> Focus {
        Focus { country: Some(iso2.to_owned()), ..Focus::default() }
    }

    fn report(mentions: Vec<PlaceMention>) -> Report {
        Report {
            document_id: "d".into(),
            event_type: None,
            sub_event_type: None,
            date_start: None,
            date_end: None,
            date_precision: None,
            place_mentions: mentions,
            actors: vec![],
            claims: vec![],
            aggregate: false,
            spans: vec![],
        }
    }

    #[test]
    fn the_document_country_decides_between_towns_of_one_name() {
        let g = gazetteer();
        let r = report(vec![mention("Tyre", None, None, &[]), mention("Lebanon", None, None, &[])]);
        let focus = country_focus(&g, std::slice::from_ref(&r));
        assert_eq!(focus.as_deref(), Some("LB"));
        let l = locate_report(&g, &r, &Focus { country: focus, ..Focus::default() }).unwrap();
        assert_eq!(
            (l.name.as_deref(), l.iso2.as_deref(), l.geo_precision, l.where_prec),
            (Some("Tyre"), Some("LB"), Some(1), Some(1))
        );
        assert_eq!(l.admin1.as_deref(), Some("South Governorate"));
        assert_eq!(l.country.as_deref(), Some("Lebanon"));
        // The admin context decides too.
        let us = locate_mention(&g, &mention("Tyre", None, None, &["Pennsylvania"]), &Focus::default()).unwrap();
        assert_eq!(us.iso2.as_deref(), Some("US"));
    }

    #[test]
    fn a_province_is_not_its_capital_town() {
        let g = gazetteer();
        let province =
            locate_mention(&g, &mention("Nabatieh", Some("admin"), Some("province"), &[]), &country("LB")).unwrap();
        assert_eq!((province.geo_precision, province.where_prec), (Some(3), Some(4)));
        assert_eq!(province.admin2, None);
        let town =
            locate_mention(&g, &mention("Nabatieh", Some("settlement"), Some("town"), &[]), &country("LB")).unwrap();
        assert_eq!((town.geo_precision, town.where_prec), (Some(1), Some(1)));
    }

    #[test]
    fn unknown_villages_fall_back_to_their_context_then_the_country() {
        let g = gazetteer();
        let village =
            locate_mention(&g, &mention("Arnoun", None, None, &["Nabatieh", "South"]), &country("LB")).unwrap();
        assert_eq!(village.name.as_deref(), Some("Arnoun"));
        assert_eq!(village.admin1.as_deref(), Some("Nabatieh"));
        assert!(village.geo_precision >= Some(2));
        let near_town = locate_mention(&g, &mention("Arnoun", None, None, &["Tyre"]), &country("LB")).unwrap();
        assert_eq!((near_town.geo_precision, near_town.where_prec), (Some(2), Some(2)));
        let lost = locate_mention(&g, &mention("Kfar Tebnit", None, None, &[]), &country("LB")).unwrap();
        assert_eq!((lost.name.as_deref(), lost.iso2.as_deref(), lost.lat), (Some("Kfar Tebnit"), Some("LB"), None));
        assert_eq!(lost.where_prec, Some(6));
        assert_eq!(locate_mention(&g, &mention("Kfar Tebnit", None, None, &[]), &Focus::default()), None);
    }

    #[test]
    fn a_village_without_context_is_in_the_province_most_towns_are_in() {
        let g = gazetteer();
        let r = report(vec![
            mention("Tyre", None, None, &[]),
            mention("Saida", None, None, &[]),
            mention("Kfar Tebnit", Some("settlement"), Some("village"), &[]),
        ]);
        let focus = Focus::of(&g, std::slice::from_ref(&r));
        assert_eq!(focus.area.as_ref().map(|a| a.name.as_str()), Some("South Governorate"));
        let village = locate_mention(&g, &r.place_mentions[2], &focus).unwrap();
        assert_eq!(village.name.as_deref(), Some("Kfar Tebnit"));
        assert_eq!(
            (village.admin1.as_deref(), village.geo_precision, village.where_prec),
            (Some("South Governorate"), Some(3), Some(4))
        );
    }

    #[test]
    fn roads_areas_and_spellings() {
        let g = gazetteer();
        let road = locate_mention(&g, &mention("Saida-Tyre", Some("road"), Some("road"), &[]), &country("LB")).unwrap();
        assert_eq!(road.name.as_deref(), Some("Saida-Tyre road"));
        assert_eq!(road.geo_precision, Some(2));
        assert!((road.lat.unwrap() - (33.27 + 33.56) / 2.0).abs() < 1e-9);
        let countryside =
            locate_mention(&g, &mention("Tyre", Some("area"), Some("countryside"), &[]), &country("LB")).unwrap();
        assert_eq!((countryside.name.as_deref(), countryside.geo_precision), (Some("Tyre countryside"), Some(2)));
        let spelled = locate_mention(&g, &mention("Ségou", None, None, &[]), &country("ML")).unwrap();
        assert_eq!((spelled.name.as_deref(), spelled.geo_precision), (Some("Segou"), Some(1)));
        let region =
            locate_mention(&g, &mention("Malian", Some("area"), Some("north"), &[]), &Focus::default()).unwrap();
        assert_eq!((region.iso2.as_deref(), region.where_prec), (Some("ML"), Some(6)));
    }
}
