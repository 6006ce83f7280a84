//! ACLED-style notes written from an event's fields: "On 6 March 2025, <actor> <did what> <to
//! whom> in <place> (<district>, <province>). 4 fatalities. According to <claimants>." The
//! phrases live in `lexicons/export/notes.toml`, one per sub-event type.

use std::collections::HashMap;
use std::sync::OnceLock;

use jiff::civil::Date;
use serde::Deserialize;
use sitrep_model::EventRecord;

use crate::claimants;

#[derive(Deserialize)]
struct Lexicon {
    phrases: HashMap<String, Phrase>,
    words: Words,
}

#[derive(Deserialize)]
struct Phrase {
    with: String,
    alone: String,
}

#[derive(Deserialize)]
struct Words {
    unidentified: String,
    fatality: String,
    fatalities: String,
    injured: String,
    according_to: String,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        toml::from_str(include_str!("../../../lexicons/export/notes.toml"))
            .expect("lexicons/export/notes.toml is checked by a test")
    })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn day(d: Date) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month() as usize - 1], d.year())
}

/// "On 6 March 2025", "In March 2025", "Between 3 and 6 March 2025", "Between 28 February
/// and 2 March 2025".
fn when(e: &EventRecord) -> String {
    match (e.date_start, e.date_end.or(e.date_start)) {
        (Some(start), Some(end)) if start == end => format!("On {}", day(start)),
        (Some(start), Some(end)) if start.day() == 1 && end == start.last_of_month() => {
            format!("In {} {}", MONTHS[start.month() as usize - 1], start.year())
        }
        (Some(start), Some(end)) => {
            let first = if start.year() != end.year() {
                day(start)
            } else if start.month() != end.month() {
                format!("{} {}", start.day(), MONTHS[start.month() as usize - 1])
            } else {
                start.day().to_string()
            };
            format!("Between {first} and {}", day(end))
        }
        _ => "On an unknown date".to_owned(),
    }
}

/// " in Arnoun (Nabatieh, South)": the place, then its larger areas that differ from it.
fn place(e: &EventRecord) -> String {
    let l = &e.location;
    let Some(name) = l.name.as_deref().or(l.admin1.as_deref()).or(l.country.as_deref()) else {
        return String::new();
    };
    let areas: Vec<&str> = [l.admin2.as_deref(), l.admin1.as_deref()]
        .into_iter()
        .flatten()
        .filter(|a| !a.is_empty() && *a != name)
        .collect();
    if areas.is_empty() { format!(" in {name}") } else { format!(" in {name} ({})", areas.join(", ")) }
}

/// The whole note.
pub fn note(e: &EventRecord) -> String {
    let lex = lexicon();
    let phrase = [e.sub_event_type.as_deref(), e.event_type.as_deref(), Some("default")]
        .into_iter()
        .flatten()
        .find_map(|key| lex.phrases.get(key))
        .expect("the notes lexicon has a default phrase");
    let actor1 = e.actor("actor1").map_or(lex.words.unidentified.as_str(), |a| a.name.as_str());
    let what = match e.actor("actor2") {
        Some(a2) => phrase.with.replace("{actor1}", actor1).replace("{actor2}", &a2.name),
        None => phrase.alone.replace("{actor1}", actor1),
    };
    let mut note = format!("{}, {what}{}.", when(e), place(e));
    let f = &e.fatalities;
    let word = if f.low == 1 { &lex.words.fatality } else { &lex.words.fatalities };
    note.push_str(&format!(" {} {word}", f.low));
    if f.high > f.low {
        note.push_str(&format!(" (up to {} reported)", f.high));
    }
    note.push('.');
    if e.injuries.best > 0 {
        note.push_str(&format!(" {} {}.", e.injuries.best, lex.words.injured));
    }
    let who = claimants(e);
    if !who.is_empty() {
        note.push_str(&format!(" {} {who}.", lex.words.according_to));
    }
    note
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_reads_and_has_a_default() {
        assert!(lexicon().phrases.contains_key("default"));
    }

    #[test]
    fn date_phrases() {
        let mut e = crate::tests::event();
        assert!(note(&e).starts_with("On 2 May 2024, "));
        e.date_start = Some(jiff::civil::date(2024, 4, 29));
        assert!(note(&e).starts_with("Between 29 April and 2 May 2024, "));
        e.date_start = Some(jiff::civil::date(2023, 12, 30));
        assert!(note(&e).starts_with("Between 30 December 2023 and 2 May 2024, "));
        e.date_start = Some(jiff::civil::date(2024, 2, 1));
        e.date_end = Some(jiff::civil::date(2024, 2, 29));
        assert!(note(&e).starts_with("In February 2024, "));
    }

    #[test]
    fn a_whole_note() {
        let e = crate::tests::event();
        assert_eq!(
            note(&e),
            "On 2 May 2024, Military Forces of Lebanon clashed with Tanzim al-Jabal in Arnoun (Nabatieh, South). \
             3 fatalities (up to 5 reported). 2 injured. According to Civil Defence; Al-Manar."
        );
    }
}
