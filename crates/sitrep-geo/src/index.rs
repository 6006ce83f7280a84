//! The gazetteer's index: one file (or one buffer, for the embedded default) that is read in
//! place, so that a gazetteer of millions of names opens in milliseconds and costs only the
//! pages that lookups touch.
//!
//! ## Layout (all integers little-endian)
//! - header: `SITREPGZ`, format version (u32), then (offset, length) as u64 pairs of the four
//!   sections below;
//! - **entries**: fixed 36-byte records, the entry's number being its place in the section:
//!   GeoNames id u32, latitude and longitude in millionths of a degree (i32, `i32::MIN` when
//!   unknown: exact for GeoNames' five decimals), population u32, name,
//!   admin1 and admin2 as string offsets (u32, `u32::MAX` for none), kind u8, flags u8 (bit 0
//!   a seat of government, bits 1-7 the town's national rank by size, 0 for none), ISO
//!   code 2 bytes, and for a town the number of other towns around it, for a second-level area
//!   the number of towns in it (u32; see `nearby`);
//! - **strings**: each a u16 length then UTF-8 bytes (admin names are stored once);
//! - **postings**: for a key naming several entries, a u32 count then the entries' numbers;
//! - **names**: an `fst` map from key to posting. Keys are `e` + the exact key of an entry's own
//!   name, `a` + the exact key of one of its alternate names, or `t` + the transliteration key
//!   (`key.rs`) of its own name; a value `n << 1 | 1` is the single entry `n`, `p << 1` the
//!   posting list at offset `p`.

use std::io::{Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Arc;

use fst::Map;

use crate::gazetteer::{Entry, Kind};

const MAGIC: &[u8; 8] = b"SITREPGZ";
const VERSION: u32 = 2;
const HEADER: usize = 8 + 4 + 4 * 16;
const RECORD: usize = 36;
const NONE: u32 = u32::MAX;

/// Flag: the place is a seat of government of its country or a first-level area (GeoNames PPLC,
/// PPLA, PPLG; for the embedded gazetteer `lexicons/geo/capitals.toml`).
pub const SEAT: u8 = 1;
/// The largest national rank the flags byte holds.
pub const MAX_RANK: u8 = 127;

/// The bytes an index is read from: a memory-mapped file or a buffer.
#[derive(Debug)]
enum Backing {
    Mapped(memmap2::Mmap),
    Owned(Vec<u8>),
}

impl AsRef<[u8]> for Backing {
    fn as_ref(&self) -> &[u8] {
        match self {
            Backing::Mapped(m) => m,
            Backing::Owned(v) => v,
        }
    }
}

/// A section of the backing bytes, for `fst`, which wants to own what it reads.
#[derive(Debug, Clone)]
struct Section {
    bytes: Arc<Backing>,
    start: usize,
    end: usize,
}

impl AsRef<[u8]> for Section {
    fn as_ref(&self) -> &[u8] {
        &self.bytes.as_ref().as_ref()[self.start..self.end]
    }
}

/// A read-only index.
#[derive(Debug)]
pub struct Index {
    bytes: Arc<Backing>,
    entries: (usize, usize),
    strings: (usize, usize),
    postings: (usize, usize),
    names: Map<Section>,
}

/// Why an index could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{0}: not a sitrep gazetteer index")]
    NotAnIndex(String),
    #[error("{path}: index format {found}, this build reads {VERSION}; import the gazetteer again")]
    Version { path: String, found: u32 },
    #[error("{0}: the index is truncated or damaged")]
    Damaged(String),
}

impl Index {
    /// Maps an index file.
    pub fn open(path: &Path) -> Result<Index, IndexError> {
        let shown = path.display().to_string();
        let io = |source| IndexError::Io { path: shown.clone(), source };
        let file = std::fs::File::open(path).map_err(io)?;
        // Safety: the file is only read; an index is replaced by renaming a new file over it,
        // never rewritten in place.
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(io)?;
        Index::from_backing(Backing::Mapped(map), &shown)
    }

    /// An index held in memory.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Index, IndexError> {
        Index::from_backing(Backing::Owned(bytes), "index")
    }

    fn from_backing(backing: Backing, shown: &str) -> Result<Index, IndexError> {
        let bytes = backing.as_ref();
        if bytes.len() < MAGIC.len() || &bytes[..8] != MAGIC {
            return Err(IndexError::NotAnIndex(shown.to_owned()));
        }
        if bytes.len() < HEADER {
            return Err(IndexError::Damaged(shown.to_owned()));
        }
        let found = u32_at(bytes, 8);
        if found != VERSION {
            return Err(IndexError::Version { path: shown.to_owned(), found });
        }
        let mut sections = [(0usize, 0usize); 4];
        for (i, s) in sections.iter_mut().enumerate() {
            let at = 12 + i * 16;
            let (offset, length) = (u64_at(bytes, at) as usize, u64_at(bytes, at + 8) as usize);
            let end = offset.checked_add(length).filter(|&end| end <= bytes.len());
            let end = end.ok_or_else(|| IndexError::Damaged(shown.to_owned()))?;
            *s = (offset, end);
        }
        let [entries, strings, postings, names] = sections;
        if (entries.1 - entries.0) % RECORD != 0 {
            return Err(IndexError::Damaged(shown.to_owned()));
        }
        let bytes = Arc::new(backing);
        let section = Section { bytes: bytes.clone(), start: names.0, end: names.1 };
        let names = Map::new(section).map_err(|_| IndexError::Damaged(shown.to_owned()))?;
        Ok(Index { bytes, entries, strings, postings, names })
    }

    fn data(&self) -> &[u8] {
        self.bytes.as_ref().as_ref()
    }

    pub fn len(&self) -> usize {
        (self.entries.1 - self.entries.0) / RECORD
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of distinct keys.
    pub fn keys(&self) -> usize {
        self.names.len()
    }

    /// The entries whose own name has this exact key.
    pub fn exact(&self, key: &str) -> Vec<u32> {
        self.lookup(b'e', key)
    }

    /// The entries with an alternate name of this exact key.
    pub fn alternate(&self, key: &str) -> Vec<u32> {
        self.lookup(b'a', key)
    }

    /// The entries under a transliteration key.
    pub fn transliterated(&self, key: &str) -> Vec<u32> {
        self.lookup(b't', key)
    }

    /// The entries whose own or alternate name's exact key, its spaces left out, begins `text`
    /// ("newjerseynews" finds New Jersey, and New, …): names run together, as in a site's host.
    /// Each with the length of `text` its name spans.
    pub fn joined_prefixes(&self, text: &str) -> Vec<(usize, u32)> {
        use fst::{IntoStreamer, Streamer};
        let mut stream = self.names.search(Joined(text.as_bytes())).into_stream();
        let mut out = Vec::new();
        while let Some((key, value)) = stream.next() {
            let spanned = key[1..].iter().filter(|&&b| b != b' ').count();
            out.extend(self.posting(value).into_iter().map(|i| (spanned, i)));
        }
        out
    }

    fn lookup(&self, prefix: u8, key: &str) -> Vec<u32> {
        let mut k = Vec::with_capacity(key.len() + 1);
        k.push(prefix);
        k.extend_from_slice(key.as_bytes());
        match self.names.get(&k) {
            Some(value) => self.posting(value),
            None => Vec::new(),
        }
    }

    /// The entries a value of the name map stands for.
    fn posting(&self, value: u64) -> Vec<u32> {
        // Numbers past the entries (a damaged file) are dropped rather than read.
        let len = self.len();
        let valid = |n: u64| usize::try_from(n).ok().filter(|&n| n < len).map(|n| n as u32);
        if value & 1 == 1 {
            return valid(value >> 1).into_iter().collect();
        }
        let data = self.data();
        let Some(at) = usize::try_from(value >> 1).ok().and_then(|p| self.postings.0.checked_add(p)) else {
            return Vec::new();
        };
        if at.saturating_add(4) > self.postings.1 {
            return Vec::new();
        }
        let n = u32_at(data, at) as usize;
        (0..n)
            .map(|i| at + 4 + 4 * i)
            .take_while(|&p| p + 4 <= self.postings.1)
            .filter_map(|p| valid(u64::from(u32_at(data, p))))
            .collect()
    }

    /// Checks the name map's checksum (the rest is checked as it is read).
    pub fn verify(&self) -> Result<(), String> {
        self.names.as_fst().verify().map_err(|e| format!("the name map is damaged ({e})"))
    }

    /// An entry's kind and country code, without reading the rest (`index` from a lookup).
    pub fn kind_and_country(&self, index: u32) -> (Kind, [u8; 2]) {
        let at = self.entries.0 + index as usize * RECORD;
        let r = &self.data()[at..at + RECORD];
        (kind_of(r[28]), [r[30], r[31]])
    }

    /// The entry numbered `index` (callers pass numbers the index gave them).
    pub fn entry(&self, index: u32) -> Entry {
        let data = self.data();
        let at = self.entries.0 + index as usize * RECORD;
        let r = &data[at..at + RECORD];
        let coordinate = |at: usize| {
            let v = i32::from_le_bytes(r[at..at + 4].try_into().unwrap_or_default());
            Some(f64::from(v) / 1e6).filter(|_| v != i32::MIN)
        };
        let kind = kind_of(r[28]);
        Entry {
            name: self.string(u32_at(r, 16)).unwrap_or_default(),
            kind,
            iso2: String::from_utf8_lossy(&r[30..32]).into_owned(),
            admin1: self.string(u32_at(r, 20)),
            admin2: self.string(u32_at(r, 24)),
            lat: coordinate(4),
            lon: coordinate(8),
            geonames_id: Some(u32_at(r, 0)).filter(|&id| id != 0).map(u64::from),
            population: u32_at(r, 12),
            seat: r[29] & SEAT != 0,
            rank: r[29] >> 1,
            nearby: u32_at(r, 32),
        }
    }

    fn string(&self, offset: u32) -> Option<String> {
        if offset == NONE {
            return None;
        }
        let data = self.data();
        let at = self.strings.0 + offset as usize;
        let len = u16::from_le_bytes([*data.get(at)?, *data.get(at + 1)?]) as usize;
        let bytes = data.get(at + 2..at + 2 + len).filter(|_| at + 2 + len <= self.strings.1)?;
        Some(String::from_utf8_lossy(bytes).into_owned())
    }
}

fn kind_of(byte: u8) -> Kind {
    match byte {
        1 => Kind::Admin2,
        2 => Kind::Admin1,
        3 => Kind::Country,
        4 => Kind::Area,
        _ => Kind::Settlement,
    }
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap_or_default())
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default())
}

/// One entry as the builder takes it: admin areas are handles (`IndexBuilder::area`), named
/// when their names are known, which for GeoNames may be after the places in them.
#[derive(Debug, Clone, Default)]
pub struct Record<'a> {
    pub name: &'a str,
    pub kind: Kind,
    pub iso2: &'a str,
    pub admin1: Option<u32>,
    pub admin2: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonames_id: u32,
    pub population: u32,
    pub seat: bool,
    /// Its place among its country's largest towns (1 the largest; 0 not known to be one).
    pub rank: u8,
}

/// Builds an index: entries with their names, then `finish`.
///
/// Keys are kept in one arena and sorted at the end, so that memory grows with the bytes of
/// the names, not with a map per name (a full GeoNames dump has tens of millions).
#[derive(Default)]
pub struct IndexBuilder {
    records: Vec<u8>,
    strings: Vec<u8>,
    /// Admin areas: key (a code such as `SY.02`, or a name path) → handle; each handle's name.
    areas: std::collections::HashMap<String, u32>,
    area_names: Vec<Option<String>>,
    arena: Vec<u8>,
    /// (start in the arena, length, entry).
    keys: Vec<(u64, u32, u32)>,
}

impl IndexBuilder {
    pub fn len(&self) -> usize {
        self.records.len() / RECORD
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The handle of the admin area known by `key`.
    pub fn area(&mut self, key: &str) -> u32 {
        if let Some(&handle) = self.areas.get(key) {
            return handle;
        }
        let handle = self.area_names.len() as u32;
        self.areas.insert(key.to_owned(), handle);
        self.area_names.push(None);
        handle
    }

    /// The handle of an admin area if some entry or name used its key.
    pub fn known_area(&self, key: &str) -> Option<u32> {
        self.areas.get(key).copied()
    }

    /// Names an admin area; the first name given stays.
    pub fn name_area(&mut self, handle: u32, name: &str) {
        let slot = &mut self.area_names[handle as usize];
        if slot.is_none() {
            *slot = Some(name.to_owned());
        }
    }

    pub fn area_name(&self, handle: u32) -> Option<&str> {
        self.area_names.get(handle as usize).and_then(|n| n.as_deref())
    }

    /// Adds an entry with other spellings of its own name (GeoNames' ASCII name); returns its
    /// number.
    pub fn push<'a>(&mut self, entry: &Record, spellings: impl IntoIterator<Item = &'a str>) -> u32 {
        let index = self.len() as u32;
        let name = self.store(entry.name);
        let kind = match entry.kind {
            Kind::Settlement => 0u8,
            Kind::Admin2 => 1,
            Kind::Admin1 => 2,
            Kind::Country => 3,
            Kind::Area => 4,
        };
        let r = &mut self.records;
        r.extend_from_slice(&entry.geonames_id.to_le_bytes());
        for v in [entry.lat, entry.lon] {
            r.extend_from_slice(&v.map_or(i32::MIN, |v| (v * 1e6).round() as i32).to_le_bytes());
        }
        r.extend_from_slice(&entry.population.to_le_bytes());
        // Admin fields hold handles until `finish` turns them into string offsets.
        for s in [name, entry.admin1.unwrap_or(NONE), entry.admin2.unwrap_or(NONE)] {
            r.extend_from_slice(&s.to_le_bytes());
        }
        r.push(kind);
        r.push((u8::from(entry.seat) * SEAT) | (entry.rank.min(MAX_RANK) << 1));
        let iso = entry.iso2.as_bytes();
        r.extend_from_slice(&[iso.first().copied().unwrap_or(b' '), iso.get(1).copied().unwrap_or(b' ')]);
        r.extend_from_slice(&0u32.to_le_bytes());
        // An entry's spellings often share keys (name and ASCII name): each key once.
        let mut keys: Vec<(u8, String)> = keys_of(entry.name);
        keys.extend(spellings.into_iter().flat_map(keys_of));
        keys.sort_unstable();
        keys.dedup();
        for (prefix, key) in keys {
            self.key(index, prefix, &key);
        }
        index
    }

    /// Adds an alternate name to an entry already pushed: another language's name, an old
    /// name, a variant. Found only by its exact key, and known as an alternate, so that a
    /// town's own name outranks another town's former one ("Philadelphia" is also Amman's).
    pub fn alternate(&mut self, index: u32, name: &str) {
        let exact = crate::key::exact(name);
        if !exact.is_empty() {
            self.key(index, b'a', &exact);
        }
    }

    fn key(&mut self, index: u32, prefix: u8, key: &str) {
        let start = self.arena.len() as u64;
        self.arena.push(prefix);
        self.arena.extend_from_slice(key.as_bytes());
        self.keys.push((start, key.len() as u32 + 1, index));
    }

    fn store(&mut self, s: &str) -> u32 {
        let offset = self.strings.len() as u32;
        let bytes = truncated(s);
        self.strings.extend_from_slice(&(bytes.len() as u16).to_le_bytes());
        self.strings.extend_from_slice(bytes);
        offset
    }

    /// The index's bytes.
    pub fn finish(self) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        self.write(&mut out).expect("writing to memory cannot fail");
        out.into_inner()
    }

    /// Writes the index: header, entries, strings, the name map (streamed as it is built),
    /// postings; then the header again with the sections' places.
    pub fn write<W: Write + Seek>(mut self, out: &mut W) -> std::io::Result<()> {
        let names = std::mem::take(&mut self.area_names);
        let offsets: Vec<u32> = names.iter().map(|n| n.as_deref().map_or(NONE, |n| self.store(n))).collect();
        for record in self.records.chunks_exact_mut(RECORD) {
            for at in [20, 24] {
                let handle = u32_at(record, at);
                let offset = offsets.get(handle as usize).copied().unwrap_or(NONE);
                record[at..at + 4].copy_from_slice(&offset.to_le_bytes());
            }
        }
        nearby(&mut self.records);
        let start = out.stream_position()?;
        out.write_all(&[0; HEADER])?;
        let mut sections = [(0u64, 0u64); 4];
        sections[0] = (HEADER as u64, self.records.len() as u64);
        out.write_all(&std::mem::take(&mut self.records))?;
        sections[1] = (sections[0].0 + sections[0].1, self.strings.len() as u64);
        out.write_all(&std::mem::take(&mut self.strings))?;
        let arena = std::mem::take(&mut self.arena);
        let key = |&(start, len, _): &(u64, u32, u32)| &arena[start as usize..start as usize + len as usize];
        self.keys.sort_unstable_by(|a, b| key(a).cmp(key(b)).then(a.2.cmp(&b.2)));
        self.keys.dedup_by(|a, b| a.2 == b.2 && key(a) == key(b));
        let mut postings = Vec::new();
        let names_start = sections[1].0 + sections[1].1;
        let mut map = fst::MapBuilder::new(CountingWriter { inner: &mut *out, written: 0 }).map_err(fst_error)?;
        let mut i = 0;
        while i < self.keys.len() {
            let k = key(&self.keys[i]);
            let n = self.keys[i..].iter().take_while(|other| key(other) == k).count();
            let value = if n == 1 {
                (u64::from(self.keys[i].2) << 1) | 1
            } else {
                let offset = postings.len() as u64;
                postings.extend_from_slice(&(n as u32).to_le_bytes());
                for &(_, _, entry) in &self.keys[i..i + n] {
                    postings.extend_from_slice(&entry.to_le_bytes());
                }
                offset << 1
            };
            map.insert(k, value).map_err(fst_error)?;
            i += n;
        }
        let written = map.into_inner().map_err(fst_error)?.written;
        sections[3] = (names_start, written);
        sections[2] = (names_start + written, postings.len() as u64);
        out.write_all(&postings)?;
        let end = out.stream_position()?;
        out.seek(SeekFrom::Start(start))?;
        out.write_all(MAGIC)?;
        out.write_all(&VERSION.to_le_bytes())?;
        for (offset, length) in sections {
            out.write_all(&offset.to_le_bytes())?;
            out.write_all(&length.to_le_bytes())?;
        }
        out.seek(SeekFrom::Start(end))?;
        out.flush()
    }
}

/// Sets each town's count of other towns around it: those in its cell of a 0.2° grid and the
/// eight cells around (roughly 20 to 40 km). Where a gazetteer gives no populations (the
/// embedded one), this tells a city with its suburbs from a village of the same name. And
/// each second-level area's count of the towns in it: Harris County, Texas (Houston and its
/// suburbs) from Harris County, Georgia.
fn nearby(records: &mut [u8]) {
    towns_around(records);
    towns_within(records);
}

fn towns_within(records: &mut [u8]) {
    let area = |r: &[u8]| ([r[30], r[31]], u32_at(r, 20), u32_at(r, 24));
    let mut counts: std::collections::HashMap<([u8; 2], u32, u32), u32> = std::collections::HashMap::new();
    for r in records.chunks_exact(RECORD).filter(|r| r[28] == 0 && u32_at(r, 24) != NONE) {
        *counts.entry(area(r)).or_default() += 1;
    }
    for r in records.chunks_exact_mut(RECORD).filter(|r| r[28] == 1) {
        let n = counts.get(&area(r)).copied().unwrap_or(0);
        r[32..36].copy_from_slice(&n.to_le_bytes());
    }
}

fn towns_around(records: &mut [u8]) {
    let cell = |r: &[u8]| -> Option<(i32, i32)> {
        let (lat, lon) = (i32::from_le_bytes(r[4..8].try_into().ok()?), i32::from_le_bytes(r[8..12].try_into().ok()?));
        (r[28] == 0 && lat != i32::MIN && lon != i32::MIN).then_some((lat.div_euclid(200_000), lon.div_euclid(200_000)))
    };
    let mut counts: std::collections::HashMap<(i32, i32), u32> = std::collections::HashMap::new();
    for r in records.chunks_exact(RECORD) {
        if let Some(c) = cell(r) {
            *counts.entry(c).or_default() += 1;
        }
    }
    for r in records.chunks_exact_mut(RECORD) {
        let Some((y, x)) = cell(r) else { continue };
        let mut n = 0u32;
        for dy in -1..=1 {
            for dx in -1..=1 {
                n += counts.get(&(y + dy, x + dx)).copied().unwrap_or(0);
            }
        }
        r[32..36].copy_from_slice(&n.saturating_sub(1).to_le_bytes());
    }
}

/// Matches the keys of own and alternate names (`e` or `a` + the exact key) that spell the
/// beginning of a given string once their spaces are left out. State: `None` dead, `Some(0)`
/// before the prefix, `Some(k + 1)` after `k` bytes of the string.
struct Joined<'a>(&'a [u8]);

impl fst::Automaton for Joined<'_> {
    type State = Option<usize>;

    fn start(&self) -> Option<usize> {
        Some(0)
    }

    fn is_match(&self, state: &Option<usize>) -> bool {
        state.is_some_and(|k| k > 1)
    }

    fn can_match(&self, state: &Option<usize>) -> bool {
        state.is_some()
    }

    fn accept(&self, state: &Option<usize>, byte: u8) -> Option<usize> {
        match (*state)? {
            0 => matches!(byte, b'e' | b'a').then_some(1),
            k if byte == b' ' && k > 1 => Some(k),
            k => (self.0.get(k - 1) == Some(&byte)).then_some(k + 1),
        }
    }
}

/// Counts what `fst` writes, for the section's length.
struct CountingWriter<W> {
    inner: W,
    written: u64,
}

impl<W: Write> Write for CountingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn fst_error(e: fst::Error) -> std::io::Error {
    match e {
        fst::Error::Io(e) => e,
        other => std::io::Error::other(other),
    }
}

/// The keys a name is found under: its exact key, and for a romanised name its transliteration
/// key (other scripts meet by their exact key).
fn keys_of(name: &str) -> Vec<(u8, String)> {
    let exact = crate::key::exact(name);
    if exact.is_empty() {
        return Vec::new();
    }
    let latin = exact.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ');
    let transliterated = if latin { crate::key::transliteration(name) } else { String::new() };
    let mut keys = vec![(b'e', exact)];
    if !transliterated.is_empty() {
        keys.push((b't', transliterated));
    }
    keys
}

/// At most 65,535 bytes, cut on a character boundary (no place name comes near it).
fn truncated(s: &str) -> &[u8] {
    let mut end = s.len().min(u16::MAX as usize);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s.as_bytes()[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_and_names_come_back() {
        let mut b = IndexBuilder::default();
        let south = b.area("LB.03");
        let pennsylvania = b.area("US.PA");
        let tyre = Record {
            name: "Tyre",
            kind: Kind::Settlement,
            iso2: "LB",
            admin1: Some(south),
            lat: Some(33.5),
            lon: Some(-35.25),
            geonames_id: 7,
            population: 135_000,
            seat: true,
            ..Record::default()
        };
        b.push(&tyre, ["Sour", "Şūr"]);
        b.alternate(0, "Tyros");
        b.push(&Record { iso2: "US", admin1: Some(pennsylvania), lat: None, geonames_id: 0, ..tyre.clone() }, []);
        // Named after the places in it, as GeoNames' admin codes may come last.
        b.name_area(south, "South Governorate");
        b.name_area(south, "ignored: the first name stays");
        let index = Index::from_bytes(b.finish()).unwrap();
        assert_eq!(index.len(), 2);
        let expected = Entry {
            name: "Tyre".into(),
            kind: Kind::Settlement,
            iso2: "LB".into(),
            admin1: Some("South Governorate".into()),
            admin2: None,
            lat: Some(33.5),
            lon: Some(-35.25),
            geonames_id: Some(7),
            population: 135_000,
            seat: true,
            rank: 0,
            nearby: 0,
        };
        assert_eq!(index.entry(0), expected);
        let us = index.entry(1);
        assert_eq!((us.admin1, us.lat, us.geonames_id), (None, None, None));
        assert_eq!(index.exact("tyre"), vec![0, 1]);
        assert_eq!(index.exact("sur"), vec![0]);
        assert_eq!(index.transliterated(&crate::key::transliteration("Tire")), vec![0, 1]);
        assert!(index.exact("sidon").is_empty());
        assert_eq!((index.alternate("tyros"), index.exact("tyros")), (vec![0], vec![]));
    }

    #[test]
    fn a_file_that_is_not_an_index_is_refused() {
        let err = Index::from_bytes(b"lat,lon,name\n".to_vec()).unwrap_err();
        assert!(err.to_string().contains("not a sitrep gazetteer index"), "{err}");
        let mut bytes = IndexBuilder::default().finish();
        bytes.truncate(HEADER + 1);
        assert!(matches!(Index::from_bytes(bytes), Err(IndexError::Damaged(_))));
    }
}
