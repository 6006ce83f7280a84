//! ACLED's CSV: its column names in its order, so that code written for ACLED exports reads
//! sitrep's. Choices where ACLED's codebook and sitrep's record differ:
//! - `event_id_cnty` is sitrep's stable event id; `event_date` is ISO (YYYY-MM-DD), as ACLED's
//!   API gives it; a span's `event_date` is its first day, with `time_precision` 2 or 3.
//! - `inter1`, `inter2` are ACLED's numeric inter codes and `interaction` their two-digit
//!   combination, lower code first (a lone actor: its code and 0), as in ACLED's codebook.
//! - `iso` is the numeric ISO 3166 code; `region` comes from `lexicons/export/acled_regions.toml`.
//! - `fatalities` is the reconciled low figure, `source` the outlets joined with "; ", `notes`
//!   written from the event's fields (see `notes`), `tags` sitrep's flags, `timestamp` the Unix
//!   time of the event's last change. `admin3` and `source_scale` stay empty: sitrep does not
//!   know them.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;
use sitrep_model::EventRecord;

use crate::columns::cell;
use crate::{notes, outlets, unix_seconds};

pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

#[derive(Deserialize)]
struct Regions {
    regions: HashMap<String, Vec<String>>,
}

/// ACLED's region of a country, by alpha-2 code.
pub fn region(iso2: &str) -> Option<&'static str> {
    static BY_CODE: OnceLock<HashMap<String, String>> = OnceLock::new();
    let by_code = BY_CODE.get_or_init(|| {
        let lexicon: Regions = toml::from_str(include_str!("../../../lexicons/export/acled_regions.toml"))
            .expect("lexicons/export/acled_regions.toml is checked by a test");
        let mut out = HashMap::new();
        for (region, codes) in lexicon.regions {
            for code in codes {
                out.insert(code, region.clone());
            }
        }
        out
    });
    by_code.get(&iso2.to_ascii_uppercase()).map(String::as_str)
}

/// ACLED's time precision (1 day, 2 week, 3 month) from UCDP's date precision (1 day, 2 two to
/// six days, 3 a week, 4 a month, 5 a year).
fn time_precision(date_precision: Option<u8>) -> Option<u8> {
    date_precision.map(|p| match p {
        0 | 1 => 1,
        2 | 3 => 2,
        _ => 3,
    })
}

pub fn row(e: &EventRecord) -> Vec<String> {
    let a1 = e.actor("actor1");
    let a2 = e.actor("actor2");
    let associated: Vec<&str> = e.actors.iter().filter(|a| a.role == "associated").map(|a| a.name.as_str()).collect();
    let interaction = match (a1.map(|a| a.inter), a2.map(|a| a.inter)) {
        (Some(x), Some(y)) => Some(x.min(y) as u16 * 10 + x.max(y) as u16),
        (Some(x), None) | (None, Some(x)) => Some(x as u16 * 10),
        (None, None) => None,
    };
    let civilian_targeting = e.disorder_type.as_deref().is_some_and(|d| d.contains("Political violence"))
        && (e.event_type.as_deref() == Some("Violence against civilians") || a2.is_some_and(|a| a.inter == 7));
    let l = &e.location;
    let iso = l.iso2.as_deref().and_then(|c| celes::Country::from_alpha2(c).ok()).map(|c| c.value);
    vec![
        e.event_id.clone(),
        cell(e.date_start),
        cell(e.date_start.map(|d| d.year())),
        cell(time_precision(e.date_precision)),
        cell(e.disorder_type.as_deref()),
        cell(e.event_type.as_deref()),
        cell(e.sub_event_type.as_deref()),
        cell(a1.map(|a| &a.name)),
        associated.join("; "),
        cell(a1.map(|a| a.inter)),
        cell(a2.map(|a| &a.name)),
        String::new(),
        cell(a2.map(|a| a.inter)),
        cell(interaction),
        if civilian_targeting { "Civilian targeting".into() } else { String::new() },
        cell(iso),
        cell(l.iso2.as_deref().and_then(region)),
        cell(l.country.as_deref()),
        cell(l.admin1.as_deref()),
        cell(l.admin2.as_deref()),
        String::new(),
        cell(l.name.as_deref()),
        cell(l.lat),
        cell(l.lon),
        cell(l.geo_precision),
        outlets(e),
        String::new(),
        notes::note(e),
        e.fatalities.low.to_string(),
        e.flags.join("; "),
        cell(e.updated.as_deref().and_then(unix_seconds)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_cover_the_countries_in_the_news() {
        assert_eq!(region("lb"), Some("Middle East"));
        assert_eq!(region("ML"), Some("Western Africa"));
        assert_eq!(region("US"), Some("North America"));
        assert_eq!(region("ZZ"), None);
    }

    #[test]
    fn a_row_has_every_column_in_order() {
        let e = crate::tests::event();
        let row = row(&e);
        assert_eq!(row.len(), ACLED_COLUMNS.len());
        let get = |name: &str| row[ACLED_COLUMNS.iter().position(|c| *c == name).unwrap()].as_str();
        assert_eq!(get("event_date"), "2024-05-02");
        assert_eq!(get("iso"), "422");
        assert_eq!(get("region"), "Middle East");
        assert_eq!(get("interaction"), "12");
        assert_eq!(get("fatalities"), "3");
        assert_eq!(get("source"), "Daily Lantern; Wire Service");
        assert_eq!(get("timestamp"), "1714694400");
        assert!(get("notes").starts_with("On 2 May 2024, "));
    }
}
