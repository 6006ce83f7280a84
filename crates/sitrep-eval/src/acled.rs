//! ACLED Asia 2015 notes (`shared/data/README.md`): each note is one document; its primary
//! event's type is scored against the 2015 type (mapped to today's hierarchy) and its
//! `fatalities.low` against FATALITIES; its location against ADMIN1, LOCATION and the point
//! (country and place names compared with case, accents and punctuation folded; admin1 names
//! by `same_admin1`, since GeoNames and ACLED name some areas differently).
//!
//! Not here: reading the notes for meaning (the CLI runs the pipeline on them).

use std::path::Path;

use serde::Deserialize;

use sitrep_model::Location;

use crate::gva::{GvaError, city_key, open_maybe_xz};
use sitrep_model::distance_km;

/// One ACLED event with the coder's note.
#[derive(Debug, Clone, Deserialize)]
pub struct AcledRow {
    #[serde(rename = "EVENT_ID_CNTY")]
    pub id: String,
    #[serde(rename = "EVENT_TYPE")]
    pub event_type: String,
    #[serde(rename = "NOTES")]
    pub notes: String,
    #[serde(rename = "FATALITIES")]
    pub fatalities: u32,
    #[serde(rename = "COUNTRY", default)]
    pub country: String,
    #[serde(rename = "ADMIN1", default)]
    pub admin1: String,
    #[serde(rename = "LOCATION", default)]
    pub location: String,
    #[serde(rename = "LATITUDE", default)]
    pub latitude: Option<f64>,
    #[serde(rename = "LONGITUDE", default)]
    pub longitude: Option<f64>,
}

pub fn read(path: &Path) -> Result<Vec<AcledRow>, GvaError> {
    let mut reader = csv::Reader::from_reader(open_maybe_xz(path)?);
    reader
        .deserialize::<AcledRow>()
        .enumerate()
        .map(|(i, row)| {
            row.map_err(|e| GvaError::Read { path: path.display().to_string(), problem: format!("row {}: {e}", i + 2) })
        })
        .collect()
}

/// Today's event types that a 2015 type maps to.
pub fn mapped_types(old: &str) -> &'static [&'static str] {
    match old.to_ascii_lowercase().as_str() {
        "riots/protests" => &["Protests", "Riots"],
        t if t.starts_with("battle") => &["Battles"],
        "remote violence" => &["Explosions/Remote violence"],
        "violence against civilians" => &["Violence against civilians"],
        "strategic development" | "non-violent transfer of territory" => &["Strategic developments"],
        _ => &[],
    }
}

/// What the pipeline made of one note.
#[derive(Debug, Clone, Default)]
pub struct Predicted {
    pub event_type: Option<String>,
    pub fatalities: u32,
    pub location: Option<Location>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AcledScores {
    pub notes: usize,
    pub type_accuracy: f64,
    pub fatalities_exact: f64,
    /// Share of notes given a location, and of those with a point.
    pub located: f64,
    pub with_point: f64,
    /// Shares of all notes: country, admin1 and location name right, point within 25 km.
    pub country: f64,
    pub admin1: f64,
    pub location_name: f64,
    pub within_25km: f64,
    /// Accuracy per gold type: (2015 type, notes, correct).
    pub by_type: Vec<(String, usize, usize)>,
}

pub fn score(rows: &[AcledRow], predicted: &dyn Fn(&str) -> Predicted) -> AcledScores {
    let mut s = AcledScores { notes: rows.len(), ..AcledScores::default() };
    for row in rows {
        let p = predicted(&row.id);
        let right = p.event_type.as_deref().is_some_and(|t| mapped_types(&row.event_type).contains(&t));
        s.type_accuracy += f64::from(u8::from(right));
        s.fatalities_exact += f64::from(u8::from(p.fatalities == row.fatalities));
        if let Some(l) = &p.location {
            let same =
                |ours: &Option<String>, gold: &str| ours.as_deref().is_some_and(|o| city_key(o) == city_key(gold));
            s.located += 1.0;
            s.country += f64::from(u8::from(same(&l.country, &row.country)));
            s.admin1 += f64::from(u8::from(l.admin1.as_deref().is_some_and(|a| same_admin1(a, &row.admin1))));
            s.location_name += f64::from(u8::from(same(&l.name, &row.location)));
            if let (Some(lat), Some(lon)) = (l.lat, l.lon) {
                s.with_point += 1.0;
                if let (Some(glat), Some(glon)) = (row.latitude, row.longitude) {
                    s.within_25km += f64::from(u8::from(distance_km(lat, lon, glat, glon) <= 25.0));
                }
            }
        }
        match s.by_type.iter_mut().find(|(t, _, _)| t.eq_ignore_ascii_case(&row.event_type)) {
            Some((_, n, c)) => {
                *n += 1;
                *c += usize::from(right);
            }
            None => s.by_type.push((row.event_type.clone(), 1, usize::from(right))),
        }
    }
    let n = s.notes.max(1) as f64;
    s.type_accuracy /= n;
    s.fatalities_exact /= n;
    for share in
        [&mut s.located, &mut s.with_point, &mut s.country, &mut s.admin1, &mut s.location_name, &mut s.within_25km]
    {
        *share /= n;
    }
    s.by_type.sort_by_key(|(_, n, _)| std::cmp::Reverse(*n));
    s
}

/// Whether two names of an admin1 area agree: folded, without the words that say what kind of
/// area it is ("Rangpur Division", "Central Region"), directions as adjectives or nouns alike
/// ("Eastern"/"East"), and one name's words all within the other's ("Kashmir" in "Jammu and
/// Kashmir", "Islamabad" in "Islamabad Capital Territory").
pub fn same_admin1(ours: &str, gold: &str) -> bool {
    let words = |name: &str| -> Vec<String> {
        city_key(name)
            .split(' ')
            .filter(|w| {
                !matches!(*w, "region" | "division" | "province" | "state" | "territory" | "capital" | "and" | "of")
            })
            .map(|w| match w {
                "eastern" => "east".to_owned(),
                "western" => "west".to_owned(),
                "northern" => "north".to_owned(),
                "southern" => "south".to_owned(),
                other => other.to_owned(),
            })
            .collect()
    };
    let (a, b) = (words(ours), words(gold));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin1_names_agree_across_conventions() {
        assert!(same_admin1("Eastern Region", "East"));
        assert!(same_admin1("Mid Western", "Mid-West"));
        assert!(same_admin1("Kashmir", "Jammu and Kashmir"));
        assert!(same_admin1("Rangpur Division", "Rangpur"));
        assert!(!same_admin1("Western Region", "East"));
        assert!(!same_admin1("Uttarakhand", "Uttar Pradesh"));
        assert!(!same_admin1("Region", "Central"));
    }

    #[test]
    fn types_map_and_score() {
        assert_eq!(mapped_types("Battle-No change of territory"), &["Battles"]);
        assert_eq!(mapped_types("Violence Against Civilians"), &["Violence against civilians"]);
        let rows = vec![
            AcledRow {
                id: "a".into(),
                event_type: "Riots/Protests".into(),
                notes: String::new(),
                fatalities: 0,
                country: "Mali".into(),
                admin1: "Mopti".into(),
                location: "Sévaré".into(),
                latitude: Some(14.53),
                longitude: Some(-4.1),
            },
            AcledRow {
                id: "b".into(),
                event_type: "Remote violence".into(),
                notes: String::new(),
                fatalities: 2,
                country: "Mali".into(),
                admin1: "Segou".into(),
                location: "Segou".into(),
                latitude: Some(13.43),
                longitude: Some(-6.26),
            },
        ];
        let sevare = Location {
            name: Some("Sevare".into()),
            admin1: Some("Mopti".into()),
            country: Some("Mali".into()),
            lat: Some(14.52),
            lon: Some(-4.09),
            ..Location::default()
        };
        let s = score(&rows, &|id| Predicted {
            event_type: Some(if id == "a" { "Riots".into() } else { "Battles".into() }),
            fatalities: if id == "b" { 2 } else { 0 },
            location: (id == "a").then(|| sevare.clone()),
        });
        assert_eq!((s.type_accuracy, s.fatalities_exact), (0.5, 1.0));
        assert_eq!((s.located, s.country, s.admin1, s.location_name, s.within_25km), (0.5, 0.5, 0.5, 0.5, 0.5));
    }
}
