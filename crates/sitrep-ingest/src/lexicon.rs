//! The lexicons ingest reads, embedded at build time from `lexicons/` so the binary works
//! offline; parsed once.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

const TIMEZONES: &str = include_str!("../../../lexicons/ingest/timezones.toml");
const BOILERPLATE: &str = include_str!("../../../lexicons/ingest/boilerplate.toml");
const VOCABULARY_EN: &str = include_str!("../../../lexicons/en/vocabulary.txt");

#[derive(Deserialize)]
struct Zone {
    offset: Option<f64>,
    #[serde(default)]
    ambiguous: bool,
}

#[derive(Deserialize)]
struct ZoneFile {
    zones: HashMap<String, Zone>,
}

/// A time zone abbreviation: its offset in seconds, or `None` when it names several zones.
pub fn timezone(abbreviation: &str) -> Option<Option<i32>> {
    static ZONES: OnceLock<HashMap<String, Option<i32>>> = OnceLock::new();
    let zones = ZONES.get_or_init(|| {
        let file: ZoneFile = toml::from_str(TIMEZONES).expect("lexicons/ingest/timezones.toml is valid");
        file.zones
            .into_iter()
            .map(|(name, z)| {
                let offset = if z.ambiguous { None } else { z.offset.map(|h| (h * 3600.0) as i32) };
                (name, offset)
            })
            .collect()
    });
    zones.get(abbreviation).copied()
}

#[derive(Deserialize)]
pub struct Boilerplate {
    pub share_words: Vec<String>,
    pub teaser_labels: Vec<String>,
    pub credit_words: Vec<String>,
}

pub fn boilerplate() -> &'static Boilerplate {
    static B: OnceLock<Boilerplate> = OnceLock::new();
    B.get_or_init(|| toml::from_str(BOILERPLATE).expect("lexicons/ingest/boilerplate.toml is valid"))
}

/// Words that obfuscation repair may restore.
pub fn vocabulary() -> &'static HashSet<&'static str> {
    static V: OnceLock<HashSet<&'static str>> = OnceLock::new();
    V.get_or_init(|| VOCABULARY_EN.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn lexicons_parse() {
        assert_eq!(super::timezone("EST"), Some(Some(-5 * 3600)));
        assert_eq!(super::timezone("AMT"), Some(None));
        assert_eq!(super::timezone("XYZ"), None);
        assert!(super::boilerplate().teaser_labels.iter().any(|l| l == "read more"));
        assert!(super::vocabulary().contains("fatalities"));
    }
}
