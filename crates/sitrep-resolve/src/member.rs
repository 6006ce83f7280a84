//! A report made ready for clustering: its date window as day numbers, its places, the victims
//! it names and the words of its sentences, each reduced to keys that compare cheaply.
//!
//! Not here: deciding whether two reports are one incident (`score`), or what the event's
//! figures are (`reconcile`).

use jiff::civil::Date;
use sitrep_geo::LocatedReport;
use sitrep_model::{PlaceMention, Report};
use unicode_normalization::UnicodeNormalization;

/// Days an undated report may lie before its document's publication ("a man was shot" in an
/// article without a date usually means the day before, or the same day).
pub const UNDATED_DAYS_BEFORE: i32 = 2;

/// Longest date window, in days, that is indexed day by day; a vaguer date (a month, a year)
/// still clusters, but only through its first days.
pub const MAX_INDEXED_DAYS: i32 = 31;

/// A report and the keys that clustering compares.
#[derive(Debug, Clone)]
pub struct Member {
    /// The report's document, as an index into the resolver's documents.
    pub doc: usize,
    /// The document that document nearly copies (syndication), when the resolver has it.
    pub copy_of: Option<usize>,
    /// The report itself, boxed: scoring reads only the summaries below, so that the members
    /// an event is compared through stay small in memory.
    pub located: Box<LocatedReport>,
    pub aggregate: bool,
    /// The family of the report's event type (`sitrep_model::event_family`).
    pub family: Option<u8>,
    /// The largest number killed it states for its incident, and whether that is exact.
    pub killed: Option<(u32, bool)>,
    /// Its claimants (running totals only, which meet by claimant), as keys.
    pub claimants: Vec<u64>,
    /// First and last day the incident may have happened on (days since 1970-01-01).
    pub window: (i32, i32),
    /// The window comes from the text, not from the publication date, and dates the event: a
    /// follow-up joined across days through a person (`Resolver::add`) no longer does.
    pub dated: bool,
    /// Keys of the places named (the towns themselves).
    pub places: Vec<u64>,
    /// Keys of the places around them (admin context, the geocoded admin areas).
    pub areas: Vec<u64>,
    /// Victims named in the report, normalised.
    pub victims: Vec<u64>,
    /// Distinct content words of the report's sentences, as sorted hashes.
    pub words: Vec<u64>,
    /// Distinct proper names of its sentences (capitalised words inside a sentence: streets,
    /// venues, people), as sorted hashes.
    pub names: Vec<u64>,
    /// Distinct full names of people in the sentences of its claims (two capitalised words,
    /// neither an institution's, a title's, a feature's or a calendar word: `people_names`),
    /// places it names left out, as sorted hashes. A person followed across days.
    pub people: Vec<u64>,
}

impl Member {
    pub fn new(
        doc: usize,
        copy_of: Option<usize>,
        located: LocatedReport,
        published: Option<Date>,
        text: &str,
    ) -> Member {
        let (report, location) = (&located.report, &located.location);
        let dated_window = report.date_start.map(|s| (day_number(s), day_number(report.date_end.unwrap_or(s))));
        let window = dated_window
            .or_else(|| published.map(|p| (day_number(p) - UNDATED_DAYS_BEFORE, day_number(p))))
            .unwrap_or((i32::MIN, i32::MIN));
        // A state or a country named is where the event is, not which town: two reports naming
        // "Ky." meet as reports in one area do. A county is told apart by its state: "Jefferson
        // County" is in Colorado and in Kentucky.
        let admin1 = location.as_ref().and_then(|l| l.admin1.as_deref());
        let (states, named): (Vec<&PlaceMention>, Vec<&PlaceMention>) = report
            .place_mentions
            .iter()
            .partition(|p| p.feature.as_deref() == Some("admin") && p.feature_word.is_none());
        let mut places: Vec<u64> = named
            .iter()
            .map(|p| if p.feature.as_deref() == Some("admin") { area_key(&p.name, admin1) } else { key(&p.name) })
            .collect();
        let mut areas: Vec<u64> = report.place_mentions.iter().flat_map(|p| p.context.iter().map(|c| key(c))).collect();
        areas.extend(states.iter().map(|p| key(&p.name)));
        if let Some(l) = location {
            places.extend(l.geonames_id.map(|id| key(&format!("geonames:{id}"))));
            areas.extend(l.admin2.iter().map(|a| area_key(a, admin1)));
            areas.extend(l.admin1.iter().map(|a| key(a)));
        }
        places.sort_unstable();
        places.dedup();
        areas.sort_unstable();
        areas.dedup();
        areas.retain(|a| places.binary_search(a).is_err());
        let mut victims: Vec<u64> =
            report.claims.iter().flat_map(|c| c.victims.iter().map(|v| key(surname(v)))).collect::<Vec<_>>();
        victims.sort_unstable();
        victims.dedup();
        let sentences = || report.spans.iter().filter_map(|s| text.get(s.start..s.end));
        let words = words(sentences());
        let names = names(sentences());
        // Only the sentences that count casualties: the victims' and suspects' names stand there,
        // bylines, captions and boilerplate do not.
        let claim_sentences = report
            .claims
            .iter()
            .filter(|c| !c.in_title && c.embedded.is_none())
            .filter_map(|c| text.get(c.span.start..c.span.end));
        let mut people = people_names(claim_sentences);
        let place_keys: Vec<u64> = report.place_mentions.iter().map(|p| key(&p.name)).collect();
        people.retain(|p| !place_keys.contains(p));
        let killed = report
            .claims
            .iter()
            .filter(|c| c.kind == "killed" && !c.aggregate && c.part_of.is_none())
            .max_by_key(|c| c.value)
            .map(|c| (c.value, c.qualifier == "exact"));
        let mut claimants: Vec<u64> = if report.aggregate {
            report.claims.iter().map(|c| claimant_key(&c.claimant)).collect()
        } else {
            Vec::new()
        };
        claimants.sort_unstable();
        claimants.dedup();
        Member {
            doc,
            copy_of,
            dated: dated_window.is_some(),
            aggregate: report.aggregate,
            family: report.event_type.as_deref().map(sitrep_model::event_family),
            killed,
            claimants,
            window,
            places,
            areas,
            victims,
            words,
            names,
            people,
            located: Box::new(located),
        }
    }

    pub fn report(&self) -> &Report {
        &self.located.report
    }

    /// Whether the report has a date at all (from the text or its document's publication).
    pub fn has_window(&self) -> bool {
        self.window.0 != i32::MIN
    }

    /// Days between its window and `(start, end)`; 0 when they overlap.
    pub fn gap(&self, (start, end): (i32, i32)) -> i32 {
        self.window.0.saturating_sub(end).max(start.saturating_sub(self.window.1)).max(0)
    }

    /// The days under which the report is indexed and looked up.
    pub fn indexed_days(&self) -> impl Iterator<Item = i32> + use<> {
        let (start, end) = self.window;
        let end = if self.has_window() { end.min(start.saturating_add(MAX_INDEXED_DAYS - 1)) } else { start };
        start..=end
    }
}

/// A claimant without the handle an embedded post adds ("SOHR (@sohr)" is SOHR), as a key.
pub fn claimant_key(claimant: &str) -> u64 {
    key(claimant.split(" (@").next().unwrap_or(claimant))
}

/// Days since 1970-01-01.
pub fn day_number(date: Date) -> i32 {
    date.since((jiff::Unit::Day, jiff::civil::date(1970, 1, 1))).map(|s| s.get_days()).unwrap_or(0)
}

/// The date of a day number.
pub fn date_of(day: i32) -> Date {
    jiff::civil::date(1970, 1, 1).checked_add(jiff::Span::new().days(i64::from(day))).unwrap_or(Date::MIN)
}

/// A name folded for comparison (case, accents, hyphens and spaces, the article "al-", the
/// word of an admin area that a name may carry or not: "Harvey County" is "Harvey" as the text
/// names the county), hashed: "Al-Nabatieh" and "Nabatiyeh"'s spelling variants are the
/// gazetteer's job; this only makes the same spelling meet.
/// A person's surname: news names a victim in full once, then by surname ("Marques Reed, 24,
/// died"; "Reed was pronounced dead"), and another outlet may do either.
fn surname(name: &str) -> &str {
    let suffix = |w: &str| matches!(w.trim_end_matches('.').to_lowercase().as_str(), "jr" | "sr" | "ii" | "iii" | "iv");
    name.split([' ', ',']).rfind(|w| !w.is_empty() && !suffix(w)).unwrap_or(name)
}

/// A county's key within its state, when the state is known.
fn area_key(name: &str, admin1: Option<&str>) -> u64 {
    match admin1 {
        Some(state) => key(name) ^ key(state).rotate_left(17),
        None => key(name),
    }
}

pub fn key(name: &str) -> u64 {
    let folded: String = name.nfd().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).collect::<String>().to_lowercase();
    let words: Vec<&str> =
        folded.split_whitespace().map(|w| w.strip_prefix("al-").unwrap_or(w)).filter(|w| *w != "the").collect();
    let area_word = |w: &&str| matches!(*w, "county" | "parish" | "borough" | "township");
    let bare = match words.split_last() {
        Some((last, rest)) if !rest.is_empty() && area_word(last) => rest,
        _ => &words[..],
    };
    let joined: String = bare.concat();
    let letters: String = joined.chars().filter(|c| c.is_alphanumeric()).collect();
    xxhash_rust::xxh3::xxh3_64(letters.as_bytes())
}

/// Content words (five letters or more, so that most function words drop out) as sorted,
/// distinct hashes.
fn words<'t>(sentences: impl Iterator<Item = &'t str>) -> Vec<u64> {
    let mut out: Vec<u64> = sentences
        .flat_map(|s| s.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 5)
        .map(|w| xxhash_rust::xxh3::xxh3_64(w.to_lowercase().as_bytes()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Capitalised words of four letters or more that do not start a sentence, as sorted, distinct
/// hashes.
fn names<'t>(sentences: impl Iterator<Item = &'t str>) -> Vec<u64> {
    let mut out = Vec::new();
    for sentence in sentences {
        let mut first = true;
        for w in sentence.split(|c: char| !c.is_alphanumeric() && c != '.') {
            let bare = w.trim_end_matches('.');
            if bare.is_empty() {
                continue;
            }
            if !first && bare.chars().count() >= 4 && bare.chars().next().is_some_and(char::is_uppercase) {
                out.push(xxhash_rust::xxh3::xxh3_64(bare.to_lowercase().as_bytes()));
            }
            first = w.ends_with('.');
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Two capitalised words in a row, neither in `not_person_names`, each of two letters or more
/// and letters only ("Jeremy Mardis", not "Police Chief", "Main Street"), keyed as places are
/// (so that a place named the same way can be left out), sorted and distinct.
pub fn people_names<'t>(sentences: impl Iterator<Item = &'t str>) -> Vec<u64> {
    let stop = sitrep_annotate::en::lexicons::not_person_names();
    let mut out = Vec::new();
    for sentence in sentences {
        let words: Vec<&str> = sentence.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’')).collect();
        let is_name_word = |w: &str| {
            w.chars().count() >= 2
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).all(|c| c.is_lowercase() || c == '\'' || c == '’')
                && !stop.contains(w.to_lowercase().trim_end_matches("'s").trim_end_matches("’s"))
        };
        for pair in words.windows(2) {
            if is_name_word(pair[0]) && is_name_word(pair[1]) {
                let last = pair[1].trim_end_matches("'s").trim_end_matches("’s");
                out.push(key(&format!("{} {last}", pair[0])));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Jaccard similarity where each word counts by its weight (rare words more than common ones).
pub fn weighted_jaccard(a: &[u64], b: &[u64], weight: &dyn Fn(u64) -> f64) -> f64 {
    let (mut i, mut j, mut shared, mut union) = (0, 0, 0.0, 0.0);
    while i < a.len() || j < b.len() {
        let (x, y) = (a.get(i), b.get(j));
        match (x, y) {
            (Some(x), Some(y)) if x == y => {
                let w = weight(*x);
                shared += w;
                union += w;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                union += weight(*x);
                i += 1;
            }
            (Some(x), None) => {
                union += weight(*x);
                i += 1;
            }
            (_, Some(y)) => {
                union += weight(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    if union > 0.0 { shared / union } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jaccard(a: &[u64], b: &[u64]) -> f64 {
        weighted_jaccard(a, b, &|_| 1.0)
    }

    #[test]
    fn place_keys_fold_case_accents_and_articles() {
        assert_eq!(key("Al-Nabatieh"), key("nabatieh"));
        assert_eq!(key("Kfar-Tebnit"), key("Kfar Tebnit"));
        assert_eq!(key("Ségou"), key("Segou"));
        assert_ne!(key("Tyre"), key("Sidon"));
        assert_eq!(key("Harvey County"), key("Harvey"));
        assert_ne!(key("County"), key(""));
    }

    #[test]
    fn people_are_two_capitalised_words_that_name_no_institution() {
        let names = people_names(["Police Chief Ann Reed said Bo Li's brother saw it on Main Street."].into_iter());
        assert_eq!(names.len(), 2, "Ann Reed and Bo Li");
        assert!(names.contains(&key("Ann Reed")) && names.contains(&key("Bo Li")));
        assert!(people_names(["The Sheriff's Office said on Monday Night."].into_iter()).is_empty());
    }

    #[test]
    fn a_county_is_keyed_within_its_state() {
        assert_eq!(area_key("Jefferson", Some("Kentucky")), area_key("Jefferson County", Some("Kentucky")));
        assert_ne!(area_key("Jefferson", Some("Kentucky")), area_key("Jefferson", Some("Colorado")));
        assert_eq!(area_key("Jefferson", None), key("Jefferson"));
    }

    #[test]
    fn victims_meet_by_surname() {
        assert_eq!(key(surname("Marques Reed")), key(surname("Reed")));
        assert_eq!(surname("Tom Lee Jr."), "Lee");
        assert_eq!(surname("Lee, Sr."), "Lee");
        assert_ne!(key(surname("Ann Reed")), key(surname("Ann Li")));
    }

    #[test]
    fn days_round_trip() {
        let d = jiff::civil::date(2024, 5, 3);
        assert_eq!(date_of(day_number(d)), d);
        assert_eq!(day_number(jiff::civil::date(1970, 1, 2)), 1);
    }

    #[test]
    fn jaccard_of_word_sets() {
        let a = words(["gunmen opened fire outside the bakery"].into_iter());
        let b = words(["police said gunmen opened fire near a bakery"].into_iter());
        let c = words(["the council voted on the budget"].into_iter());
        assert!(jaccard(&a, &b) > 0.3);
        assert_eq!(jaccard(&a, &c), 0.0);
    }
}
