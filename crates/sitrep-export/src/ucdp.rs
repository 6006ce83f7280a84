//! UCDP GED's CSV: the columns sitrep can fill, with GED's names. Choices:
//! - `type_of_violence`: 1 state-based (a state force against an organised armed actor), 2
//!   non-state (organised armed actors, no state force), 3 one-sided (an organised actor against
//!   civilians, or ACLED's "Violence against civilians"); empty for demonstrations and strategic
//!   developments, which GED does not code.
//! - `deaths_a`, `deaths_b`: the deaths of the category each side belongs to (state forces for
//!   inter 1, armed group for 2-4 and 8); `deaths_unknown` is what `best` leaves after the
//!   sides and civilians, so the four add up to `best` as in GED.
//! - `event_clarity` 2 when the sources disagree, the date is only the publication's, or the
//!   event is a running total; else 1.
//! - `source_*` columns list every source, joined with "; ".

use sitrep_model::{Actor, EventRecord};

use crate::columns::cell;
use crate::{claimants, joined, outlets};

pub const UCDP_COLUMNS: [&str; 28] = [
    "id",
    "type_of_violence",
    "side_a",
    "side_b",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "country",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "number_of_sources",
];

const STATE: u8 = 1;
const CIVILIANS: u8 = 7;

fn organised(inter: u8) -> bool {
    matches!(inter, 1..=4 | 8)
}

fn type_of_violence(e: &EventRecord, a: Option<&Actor>, b: Option<&Actor>) -> Option<u8> {
    if !e.disorder_type.as_deref().is_some_and(|d| d.contains("Political violence")) {
        return None;
    }
    let (ia, ib) = (a.map(|x| x.inter), b.map(|x| x.inter));
    if e.event_type.as_deref() == Some("Violence against civilians") || ib == Some(CIVILIANS) || ia == Some(CIVILIANS) {
        return Some(3);
    }
    // Rioters and protesters (inter 5, 6) are no organised side: GED does not code the event.
    if [ia, ib].into_iter().flatten().any(|i| !organised(i)) {
        return None;
    }
    match (ia, ib) {
        (Some(STATE), _) | (_, Some(STATE)) => Some(1),
        _ => Some(2),
    }
}

/// The victim category of a side's dead: state forces (inter 1) or armed group (2-4, 8).
fn category(side: Option<&Actor>) -> Option<&'static str> {
    match side.map(|s| s.inter) {
        Some(STATE) => Some("state_forces"),
        Some(i) if organised(i) => Some("armed_group"),
        _ => None,
    }
}

fn deaths(e: &EventRecord, category: Option<&str>) -> u32 {
    match category {
        Some("state_forces") => e.fatalities.state_forces,
        Some("armed_group") => e.fatalities.armed_group,
        _ => 0,
    }
}

pub fn row(e: &EventRecord) -> Vec<String> {
    let a = e.actor("actor1");
    let b = e.actor("actor2");
    let f = &e.fatalities;
    // Categories may come from another statement than `best`: each part is capped by what
    // `best` leaves, so that the four add up to it as GED's do.
    let deaths_a = deaths(e, category(a)).min(f.best);
    // Two sides of one category (two armed groups) cannot be told apart: side A has the deaths.
    let deaths_b = if category(b) == category(a) { 0 } else { deaths(e, category(b)) }.min(f.best - deaths_a);
    let deaths_civilians = f.civilians.min(f.best - deaths_a - deaths_b);
    let deaths_unknown = f.best - deaths_a - deaths_b - deaths_civilians;
    let unclear = e.aggregate || e.flags.iter().any(|x| x == "claims_disagree" || x == "date_from_publication");
    let l = &e.location;
    let where_coordinates =
        joined([l.name.as_deref(), l.admin2.as_deref(), l.admin1.as_deref()].into_iter().flatten()).replace("; ", ", ");
    vec![
        e.event_id.clone(),
        cell(type_of_violence(e, a, b)),
        cell(a.map(|x| &x.name)),
        cell(b.map(|x| &x.name)),
        joined(e.sources.iter().map(|s| s.url.as_deref().unwrap_or(&s.document_id))),
        outlets(e),
        joined(e.sources.iter().filter_map(|s| s.published.as_deref())),
        joined(e.sources.iter().filter_map(|s| s.title.as_deref())),
        claimants(e),
        cell(l.where_prec),
        where_coordinates,
        cell(l.admin1.as_deref()),
        cell(l.admin2.as_deref()),
        cell(l.lat),
        cell(l.lon),
        cell(l.country.as_deref()),
        if unclear { "2".into() } else { "1".into() },
        cell(e.date_precision),
        cell(e.date_start),
        cell(e.date_end.or(e.date_start)),
        deaths_a.to_string(),
        deaths_b.to_string(),
        deaths_civilians.to_string(),
        deaths_unknown.to_string(),
        f.best.to_string(),
        f.high.to_string(),
        f.low.to_string(),
        e.n_documents.to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_and_deaths_add_up_to_best() {
        let e = crate::tests::event();
        let row = row(&e);
        assert_eq!(row.len(), UCDP_COLUMNS.len());
        let get = |name: &str| row[UCDP_COLUMNS.iter().position(|c| *c == name).unwrap()].parse::<u32>().unwrap();
        assert_eq!(get("type_of_violence"), 1);
        assert_eq!((get("deaths_a"), get("deaths_b"), get("deaths_civilians")), (1, 2, 0));
        let parts = get("deaths_a") + get("deaths_b") + get("deaths_civilians") + get("deaths_unknown");
        assert_eq!(parts, get("best"));
        assert_eq!(get("event_clarity"), 2);
    }

    #[test]
    fn categories_larger_than_best_are_capped() {
        let mut e = crate::tests::event();
        e.fatalities.best = 2;
        e.fatalities.state_forces = 2;
        e.fatalities.armed_group = 2;
        let row = row(&e);
        let get = |name: &str| row[UCDP_COLUMNS.iter().position(|c| *c == name).unwrap()].parse::<u32>().unwrap();
        assert_eq!((get("deaths_a"), get("deaths_b"), get("deaths_unknown")), (2, 0, 0));
    }

    #[test]
    fn violence_types() {
        let mut e = crate::tests::event();
        e.actors[1].inter = 7;
        assert_eq!(type_of_violence(&e, e.actor("actor1"), e.actor("actor2")), Some(3));
        e.actors[0].inter = 3;
        e.actors[1].inter = 2;
        assert_eq!(type_of_violence(&e, e.actor("actor1"), e.actor("actor2")), Some(2));
        e.actors[1].inter = 5;
        assert_eq!(type_of_violence(&e, e.actor("actor1"), e.actor("actor2")), None);
        e.disorder_type = Some("Demonstrations".into());
        assert_eq!(type_of_violence(&e, e.actor("actor1"), e.actor("actor2")), None);
    }
}
