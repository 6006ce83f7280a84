//! English place names, as mentions with the words around them: "in Nabatieh", "near Kfar
//! Tebnit", "the coastal town of Tyre", "the Sidon-Tyre road", "Nabatieh province", a dateline
//! ("HOUSTON (AP) —"), lists ("in Hama, Idlib and Raqqa") and the admin context named right
//! after a place ("Arnoun and Kfar Tebnit in the Nabatieh countryside, South province": both
//! villages have the context Nabatieh, South; "Dallas, Texas"; "Baidoa village (Bay, South
//! West)").
//!
//! A capitalised name is a place when a preposition introduces it, a feature word follows it
//! ("province", "road") or precedes it with "of" ("the city of"), it continues a list of places,
//! it is the dateline (opening one of the first paragraphs), or it qualifies a resident, a local
//! service, a local building or an incident ("a Toledo man", "Tyre police said", "a Tyre bar",
//! "the Tyre shooting"). Words that start no place (institutions, titles, pronouns, weekdays,
//! months) are in `lexicons/en/places.toml`.
//!
//! Not here: which place a name is (the geocode stage), place names with no cue around them
//! ("Nabatieh was calm"), and organisations named after places ("the Houston Police") are left out
//! rather than guessed.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use sitrep_model::{PlaceMention, Span};

use super::tokens::{Token, TokenKind};
use crate::matcher::PhraseLexicon;

const LEXICON: &str = include_str!("../../../../lexicons/en/places.toml");

#[derive(Deserialize)]
struct PlaceFile {
    prepositions: Vec<String>,
    directions: Vec<String>,
    compass: Vec<String>,
    residents: Vec<String>,
    resident_qualifiers: Vec<String>,
    services: Vec<String>,
    particles: Vec<String>,
    abbreviated: Vec<String>,
    features: BTreeMap<String, Vec<String>>,
    not_places: Vec<String>,
    institution_words: Vec<String>,
}

struct Lexicon {
    prepositions: Vec<Vec<String>>,
    directions: HashSet<String>,
    compass: HashSet<String>,
    residents: HashSet<String>,
    resident_qualifiers: HashSet<String>,
    services: HashSet<String>,
    particles: HashSet<String>,
    abbreviated: HashSet<String>,
    /// Feature word → kind of place.
    features: PhraseLexicon<String>,
    not_places: HashSet<String>,
    /// Words opening an institution's name after its area's (`institutions`).
    institution_words: HashSet<String>,
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let file: PlaceFile = toml::from_str(LEXICON).expect("lexicons/en/places.toml is valid");
        let features = file.features.iter().flat_map(|(kind, words)| {
            words.iter().flat_map(move |w| {
                // Plurals too ("the Tyre and Sidon districts").
                [(w.clone(), kind.clone()), (format!("{w}s"), kind.clone())]
            })
        });
        Lexicon {
            prepositions: file.prepositions.iter().map(|p| p.split_whitespace().map(str::to_owned).collect()).collect(),
            directions: file.directions.into_iter().collect(),
            compass: file.compass.into_iter().collect(),
            residents: file.residents.into_iter().collect(),
            resident_qualifiers: file.resident_qualifiers.into_iter().collect(),
            services: file.services.into_iter().collect(),
            particles: file.particles.into_iter().collect(),
            abbreviated: file.abbreviated.into_iter().collect(),
            features: PhraseLexicon::new(features),
            not_places: file.not_places.into_iter().collect(),
            institution_words: file.institution_words.into_iter().collect(),
        }
    })
}

/// A mention while it is being found: tokens `[start, end)` of the name, `[start, span_end)`
/// with a feature word after it.
struct Found {
    start: usize,
    end: usize,
    span_end: usize,
    feature: Option<(String, String)>,
    dateline: bool,
}

/// The place mentions of a text, in text order.
pub fn places(text: &str, tokens: &[Token], words: &[String]) -> Vec<PlaceMention> {
    let lex = lexicon();
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !name_word(text, tokens, words, i) {
            i += 1;
            continue;
        }
        let mut end = name_end(text, tokens, words, i);
        // "Shan State", "Kokrajhar District": the admin feature word is not part of the name.
        if end - i >= 2 && lex.features.longest_at(words, end - 1).is_some_and(|m| m.value == "admin" && m.end == end) {
            end -= 1;
        }
        // "according to Chicago Police", "Cook County Sheriff's Office": a local service
        // named after the town or county it serves.
        let service = end < tokens.len() && capitalised(text, &tokens[end]) && lex.services.contains(&words[end]);
        // "the Syrian Observatory", "State Department": an institution, not a place.
        let institution = !service
            && end < tokens.len()
            && capitalised(text, &tokens[end])
            && lex.not_places.contains(bare(&words[end]))
            && !is_calendar(&words[end]);
        if institution || end - i > 4 {
            i = end.max(i + 1);
            continue;
        }
        let after = lex.features.longest_at(words, end).filter(|m| words.get(m.end).map(String::as_str) != Some("of"));
        let before = feature_before(words, i);
        // "(AP)", "(CNN)" after a place are agencies, not its context.
        let acronym = i > 0
            && words[i - 1] == "("
            && !text[tokens[i].span.start..tokens[end - 1].span.end].chars().any(char::is_lowercase);
        let listed = i >= 2
            && matches!(words[i - 1].as_str(), "and" | "or" | "," | "(")
            && found.last().is_some_and(|f| f.span_end == i - 1)
            && !acronym;
        let dateline = opens_paragraph(text, tokens, i) && is_dateline(text, &tokens[i..], end - i);
        // "from the Syrian government": a demonym before a common noun is an adjective.
        let adjective = end == i + 1
            && ["ian", "ese", "ish", "ean"].iter().any(|suffix| words[i].ends_with(suffix))
            && tokens.get(end).is_some_and(|t| t.kind == TokenKind::Word && !capitalised(text, t));
        // "in al-Assad's security network": a possessor before a common noun is a person as
        // often as a place; only a feature word or a capitalised name after it tells.
        let possessive = bare(&words[end - 1]) != words[end - 1];
        let possessor =
            possessive && tokens.get(end).is_some_and(|t| t.kind == TokenKind::Word && !capitalised(text, t));
        // But a direction and a side after it name a part of the place ("on Detroit's west
        // side", "the city's north end").
        let side = possessor
            && words.get(end).is_some_and(|w| lex.directions.contains(w) || lex.compass.contains(w))
            && words.get(end + 1).is_some_and(|w| matches!(w.as_str(), "side" | "end"));
        let introduced = preposition_before(words, i) && !adjective && !possessor;
        // "a Toledo man", "Tyre police said": a name qualifying a resident or a local service.
        let qualifies_resident = !adjective
            && bare(&words[end - 1]) == words[end - 1]
            && tokens.get(end).is_some_and(|t| !capitalised(text, t))
            && {
                // "the Miami mass shooting", "a Marlow high school student": up to two words
                // qualifying the noun between it and the name.
                let noun = (end..end + 3)
                    .find(|&k| !words.get(k).is_some_and(|w| lex.resident_qualifiers.contains(w)))
                    .unwrap_or(end);
                // "a Topeka girl's memory", "a Killeen 2-year-old": a possessive noun, an age.
                (end..noun).all(|k| tokens.get(k).is_some_and(|t| !capitalised(text, t)))
                    && words.get(noun).is_some_and(|w| lex.residents.contains(bare(w)) || is_age_noun(w))
            };
        // "Kadeem Williams, 25, broke in": a name with an age after it is a person.
        let aged = words.get(end).is_some_and(|w| w == ",")
            && tokens.get(end + 1).is_some_and(|t| t.kind == TokenKind::Number)
            && words.get(end + 2).is_some_and(|w| w == "," || w == ")");
        // "the 2400 block of S. 9th Street": an initial is no place; nor is a feature word on
        // its own ("City police said").
        let initial = end == i + 1 && words[i].chars().filter(|c| c.is_alphabetic()).count() < 2;
        // Nor a word for people or an incident on its own ("Girl students protested").
        let generic = end == i + 1
            && (lex.features.longest_at(words, i).is_some_and(|m| m.end == end) || lex.residents.contains(&words[i]));
        // "on the East side", "the Northwest": a direction on its own names no place ("South
        // province" does, by its feature word).
        let direction =
            end == i + 1 && after.is_none() && (lex.directions.contains(&words[i]) || lex.compass.contains(&words[i]));
        // "Children's Hospital", "St. Mary's Church": a possessive naming a building is an
        // institution's name, not a place's.
        let institution_of = bare(&words[end - 1]) != words[end - 1]
            && tokens.get(end).is_some_and(|t| capitalised(text, t))
            && after.as_ref().is_some_and(|m| m.value == "site");
        if aged || initial || generic || direction || institution_of {
            i = end;
            continue;
        }
        if after.is_some()
            || before.is_some()
            || listed
            || dateline
            || introduced
            || qualifies_resident
            || service
            || side
        {
            let feature = match (&after, before) {
                (Some(m), _) => Some((m.value.clone(), words[m.start..m.end].join(" "))),
                (None, Some(f)) => Some(f),
                (None, None) => None,
            };
            let span_end = after.map_or(end, |m| m.end);
            found.push(Found { start: i, end, span_end, feature, dateline });
            // The feature word is not the start of another name ("Kelby County Sheriff's").
            i = span_end;
            continue;
        }
        i = end;
    }
    with_context(text, tokens, words, found)
}

/// Gives each mention the places named right after it that contain it, innermost first.
fn with_context(text: &str, tokens: &[Token], words: &[String], found: Vec<Found>) -> Vec<PlaceMention> {
    let name_of = |f: &Found| -> String {
        let raw = Span::new(tokens[f.start].span.start, tokens[f.end - 1].span.end).slice(text);
        let name = raw.strip_suffix("'s").or_else(|| raw.strip_suffix("’s")).unwrap_or(raw);
        if f.dateline { title_case(name) } else { name.to_owned() }
    };
    let mut contexts: Vec<Vec<String>> = vec![Vec::new(); found.len()];
    for i in (0..found.len().saturating_sub(1)).rev() {
        let (here, next) = (&found[i], &found[i + 1]);
        // A feature word after one name may reach into the next ("Prince George Co. Park"):
        // then there is no gap, and no relation.
        let between = |a: usize, b: usize| -> Vec<&str> {
            words.get(a..b).map(|w| w.iter().map(String::as_str).collect()).unwrap_or_default()
        };
        let gap = between(here.span_end, next.start);
        let next_in_list = found.get(i + 2).is_some_and(|after| {
            matches!(between(next.span_end, after.start)[..], ["and"] | ["or"] | [",", "and"] | [","])
        });
        let contains = match gap[..] {
            ["and"] | ["or"] | [",", "and"] | [",", "or"] => false,
            [","] => !next_in_list,
            ["in"] | ["in", "the"] | [",", "in"] | [",", "in", "the"] | ["("] | ["of"] => true,
            _ => {
                contexts[i] = Vec::new();
                continue;
            }
        };
        contexts[i] = if contains {
            std::iter::once(name_of(next)).chain(contexts[i + 1].iter().cloned()).collect()
        } else {
            contexts[i + 1].clone()
        };
    }
    // "the city's Qusour neighbourhood": the town named last before it contains it.
    for i in 0..found.len() {
        let start = found[i].start;
        let possessive = start >= 2 && words[start - 2] == "the" && bare(&words[start - 1]) != words[start - 1];
        let town_word = possessive
            && lexicon()
                .features
                .longest_at(&[bare(&words[start - 1]).to_owned()], 0)
                .is_some_and(|m| m.value == "settlement");
        if town_word && contexts[i].is_empty() {
            let town = found[..i]
                .iter()
                .rev()
                .find(|f| !f.dateline && f.feature.as_ref().is_none_or(|(kind, _)| kind == "settlement"));
            contexts[i] = town.map(name_of).into_iter().collect();
        }
    }
    found
        .iter()
        .zip(contexts)
        .map(|(f, context)| PlaceMention {
            span: Span::new(tokens[f.start].span.start, tokens[f.span_end - 1].span.end),
            name: name_of(f),
            feature: f.feature.as_ref().map(|(kind, _)| kind.clone()),
            feature_word: f.feature.as_ref().map(|(_, word)| word.clone()),
            context,
            dateline: f.dateline,
        })
        .collect()
}

/// "2-year-old", "17-year-old": a person by their age.
fn is_age_noun(word: &str) -> bool {
    word.split_once('-').is_some_and(|(n, rest)| {
        !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && matches!(rest, "year-old" | "month-old")
    })
}

fn capitalised(text: &str, token: &Token) -> bool {
    token.kind == TokenKind::Word && token.span.slice(text).chars().next().is_some_and(char::is_uppercase)
}

/// "al-Mayadin", "ez-Zor": a lowercase particle joined to a capitalised name.
fn particle_joined(text: &str, token: &Token) -> bool {
    let word = token.span.slice(text);
    word.split_once('-').is_some_and(|(particle, rest)| {
        lexicon().particles.contains(particle) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

fn bare(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

fn is_calendar(word: &str) -> bool {
    super::dates::is_calendar_word(bare(word))
}

fn name_word(text: &str, tokens: &[Token], words: &[String], i: usize) -> bool {
    (capitalised(text, &tokens[i]) || particle_joined(text, &tokens[i]))
        && !lexicon().not_places.contains(bare(&words[i]))
        && !is_calendar(&words[i])
        && !descriptive_compound(text, &tokens[i])
}

/// "Alawite-majority", "Kurdish-led", "Houthi-held": a compound ending in a lowercase word
/// describes something; it does not name a place.
fn descriptive_compound(text: &str, token: &Token) -> bool {
    let word = token.span.slice(text);
    word.rsplit_once('-').is_some_and(|(_, last)| last.chars().next().is_some_and(char::is_lowercase))
}

/// The token after the name starting at `start`: capitalised words and the particles between
/// them ("Deir ez-Zor", "Ras al Ain"); a possessive ends it ("Syria's"), as does a line break.
fn name_end(text: &str, tokens: &[Token], words: &[String], start: usize) -> usize {
    let mut end = start + 1;
    loop {
        // A possessive ends a name, and so does a line break (a headline's last word and the
        // dateline under it are two names).
        let line_break = end < tokens.len() && text[tokens[end - 1].span.end..tokens[end].span.start].contains('\n');
        if bare(&words[end - 1]) != words[end - 1] || line_break {
            return end;
        }
        if end < tokens.len() && name_word(text, tokens, words, end) {
            end += 1;
        } else if end + 1 < tokens.len()
            // "St. Louis", but not "Main St. Nabatieh": the abbreviation opens the name.
            && (lexicon().particles.contains(&words[end]) || (end == start + 1 && abbreviation_dot(tokens, words, end)))
            && name_word(text, tokens, words, end + 1)
        {
            end += 2;
        } else {
            return end;
        }
    }
}

/// Token `at` is the dot of an abbreviated generic word right before it ("St. Louis").
fn abbreviation_dot(tokens: &[Token], words: &[String], at: usize) -> bool {
    at >= 1
        && words[at] == "."
        && tokens[at - 1].span.end == tokens[at].span.start
        && lexicon().abbreviated.contains(&words[at - 1])
}

/// "the city of", "the coastal town of", "the outskirts of" right before token `at`.
fn feature_before(words: &[String], at: usize) -> Option<(String, String)> {
    if at < 2 || words[at - 1] != "of" {
        return None;
    }
    let lex = lexicon();
    (1..=2).filter(|&n| at > n).find_map(|n| {
        let m = lex.features.longest_at(words, at - 1 - n).filter(|m| m.end == at - 1)?;
        Some((m.value.clone(), words[m.start..m.end].join(" ")))
    })
}

/// A preposition ends right before token `at`, or before "the" or a direction ("in western
/// Mosul") right before it.
/// Whether a word is a direction or a compass point ("Eastern", "Midwest"): on its own it
/// names no place, whatever the gazetteer has of that name.
pub fn is_direction(word: &str) -> bool {
    let word = word.to_lowercase();
    lexicon().directions.contains(&word) || lexicon().compass.contains(&word)
}

/// Whether a lowercased word opens an institution's name after its area's ("state" in "the
/// Kansas State Police", "bureau").
pub fn is_institution_word(word: &str) -> bool {
    lexicon().institution_words.contains(word)
}

pub fn preposition_before(words: &[String], at: usize) -> bool {
    let ends_at = |end: usize| {
        lexicon().prepositions.iter().any(|p| end >= p.len() && words[end - p.len()..end].iter().eq(p.iter()))
    };
    // "in western Marlow", "in southwest Marlow" (a compass point spelled out, not "N").
    let between =
        |w: &str| w == "the" || lexicon().directions.contains(w) || (w.len() > 2 && lexicon().compass.contains(w));
    ends_at(at) || (at >= 1 && between(&words[at - 1]) && ends_at(at - 1))
}

/// Whether token `i` opens one of the text's first paragraphs, where a dateline stands (after a
/// caption or a "watch the video" line scraped with the article, too).
fn opens_paragraph(text: &str, tokens: &[Token], i: usize) -> bool {
    const DATELINE_REACH: usize = 1500;
    match i.checked_sub(1) {
        None => true,
        Some(previous) => {
            let start = tokens[i].span.start;
            start <= DATELINE_REACH && text[tokens[previous].span.end..start].contains('\n')
        }
    }
}

/// An upper-case name opening a paragraph and followed by a dateline mark: "HOUSTON (AP) —",
/// "BEIRUT —", "DALLAS, Texas".
fn is_dateline(text: &str, tokens: &[Token], end: usize) -> bool {
    let upper = tokens[..end].iter().filter(|t| t.span.slice(text) != ".").all(|t| {
        let w = t.span.slice(text);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    });
    upper && tokens.get(end).is_some_and(|t| matches!(t.span.slice(text), "(" | "—" | "–" | "-" | ","))
}

/// "NEW ORLEANS" → "New Orleans".
fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<(String, Option<String>, Vec<String>)> {
        let tokens = super::super::tokens::tokenize(text);
        let words: Vec<String> = tokens.iter().map(|t| t.span.slice(text).to_lowercase()).collect();
        places(text, &tokens, &words).into_iter().map(|m| (m.name, m.feature, m.context)).collect()
    }

    fn names(text: &str) -> Vec<String> {
        mentions(text).into_iter().map(|m| m.0).collect()
    }

    #[test]
    fn a_list_of_villages_takes_the_admin_context_after_it() {
        let m = mentions("Fighting began in Arnoun and Kfar Tebnit in the Nabatieh countryside, South province.");
        let context = vec!["Nabatieh".to_owned(), "South".to_owned()];
        assert_eq!(m[0], ("Arnoun".to_owned(), None, context.clone()));
        assert_eq!(m[1], ("Kfar Tebnit".to_owned(), None, context));
        assert_eq!(m[2], ("Nabatieh".to_owned(), Some("area".to_owned()), vec!["South".to_owned()]));
        assert_eq!(m[3].1.as_deref(), Some("admin"));
    }

    #[test]
    fn a_title_opens_a_person_s_name_not_a_place_s() {
        assert!(names("The shooting drew a response from Mayor Ann Reed on Monday.").is_empty());
        assert!(names("Sheriff Bo Li said the deputy was hurt in Marlow.") == vec!["Marlow"]);
    }

    #[test]
    fn a_direction_alone_is_no_place() {
        assert!(mentions("Shots were fired in the Northwest late on Friday.").is_empty());
        assert!(mentions("A man was shot in NW Washington.").iter().all(|m| m.0 != "NW"));
    }

    #[test]
    fn the_city_s_neighbourhood_is_in_the_town_named_before() {
        let m = mentions("Fighting broke out in Tyre on Monday. Raids began in the city's Qusour neighbourhood.");
        assert_eq!(m[1].0, "Qusour");
        assert_eq!(m[1].2, vec!["Tyre".to_owned()]);
        // Not for a neighbourhood that names its own town.
        let own = mentions("Fighting broke out in Tyre. Raids began in the Qusour neighbourhood of Sidon.");
        assert_ne!(own[1].2, vec!["Tyre".to_owned()]);
    }

    #[test]
    fn a_feature_word_reaching_into_the_next_name_is_no_context() {
        // "County" is a feature after "Queen Anne's" and the start of the next candidate.
        assert!(!mentions("Two were shot at a Queen Anne’s County park Sunday afternoon.").is_empty());
        assert!(!mentions("a double homicide Friday night in Boulder’s Elm Hill neighborhood.").is_empty());
    }

    #[test]
    fn feature_words_before_and_after() {
        assert_eq!(names("gunmen attacked the coastal town of Porto Velho on Friday"), vec!["Porto Velho"]);
        assert_eq!(mentions("an ambush on the Homs-Palmyra road")[0].1.as_deref(), Some("road"));
        assert_eq!(names("Residents of the Qusour neighbourhood fled"), vec!["Qusour"]);
        let m = mentions("clashes near Kyaukme in Shan State");
        assert_eq!(
            (m[1].0.as_str(), m[1].1.as_deref(), m[0].2.clone()),
            ("Shan", Some("admin"), vec!["Shan".to_owned()])
        );
        assert_eq!(names("a blast in western Mosul and fighting across northern Mopti"), vec!["Mosul", "Mopti"]);
        assert_eq!(names("Teen shot in southwest Marlow"), vec!["Marlow"]);
        // A sentence opening with a preposition.
        assert_eq!(names("In Sindhuli, protesters blocked the highway."), vec!["Sindhuli"]);
    }

    #[test]
    fn a_list_is_not_a_hierarchy_but_a_state_after_a_comma_is() {
        let m = mentions("Curfews were imposed in Hama, Idlib and Aleppo.");
        assert_eq!(m.iter().map(|m| m.0.as_str()).collect::<Vec<_>>(), vec!["Hama", "Idlib", "Aleppo"]);
        assert!(m.iter().all(|m| m.2.is_empty()));
        assert_eq!(mentions("A man was shot in Tulsa, Oklahoma, on Monday.")[0].2, vec!["Oklahoma".to_owned()]);
    }

    #[test]
    fn a_name_qualifying_a_resident_or_a_local_service() {
        assert_eq!(names("A Segou man was shot dead on Friday."), vec!["Segou"]);
        assert_eq!(names("shots were fired in a Mopti bar and at her Segou home"), vec!["Mopti", "Segou"]);
        assert_eq!(names("Victim named in fatal Segou shooting"), vec!["Segou"]);
        assert_eq!(names("Police described the Segou mass shooting on Monday."), vec!["Segou"]);
        assert_eq!(names("A Great Segou high school student was injured."), vec!["Great Segou"]);
        assert_eq!(names("found dead in a car just outside of Segou"), vec!["Segou"]);
        assert_eq!(names("Friends say a Segou girl's memory will live on"), vec!["Segou"]);
        assert_eq!(names("Segou 2-year-old in critical condition"), vec!["Segou"]);
        // A month's abbreviation after a preposition is a date.
        assert!(names("The man was shot in Nov. and died in Dec.").is_empty());
        // A police unit's name, not a place qualifying its detectives.
        assert!(names("Homicide detectives arrived at the scene.").is_empty());
        assert_eq!(
            names("Two Kfar Tebnit residents were wounded, Nabatieh police said."),
            vec!["Kfar Tebnit", "Nabatieh"]
        );
        // Not a description of people, a possessor, or an adjective of origin.
        assert!(names("A Black man and a Catholic woman were hurt.").is_empty());
        assert!(names("Smith's family said he was unarmed.").is_empty());
        assert!(names("The Lebanese man was released.").is_empty());
        assert!(names("Police took a statement from Amir Segou, 25, who was wounded.").is_empty());
        assert!(names("Several officers arrived.").is_empty());
        assert!(names("Girl students protested outside the school.").is_empty());
        // Workers and employees are an organisation's more often than a town's.
        assert!(names("Congress workers and Marlow employees staged a protest.").is_empty());
        // A local service named after its town or county.
        assert_eq!(names("according to Marlow Police, who were called"), vec!["Marlow"]);
        assert_eq!(names("North Marlow Police said"), vec!["North Marlow"]);
        assert_eq!(names("the Kelby County Sheriff's Office said"), vec!["Kelby"]);
        assert!(names("The Syrian Observatory said").is_empty());
        assert!(names("shot in the 2400 block of S. Ninth Street").is_empty());
        assert!(names("City police said the boy was taken to Children's Hospital.").is_empty());
        assert_eq!(names("in Gaza's Shati camp and at Tyre's Hospital"), vec!["Gaza", "Shati"]);
    }

    #[test]
    fn dateline_and_brackets() {
        assert_eq!(mentions("FORT WORTH, Texas (AP) — Two men were shot.")[0].0, "Fort Worth");
        // A headline ending in a name, the dateline under it.
        let m = mentions("Four shot in Marlow\n\nMARLOW, Texas — Four men were shot.");
        assert_eq!(m.iter().map(|m| m.0.as_str()).collect::<Vec<_>>(), vec!["Marlow", "Marlow", "Texas"]);
        assert_eq!(mentions("FORT WORTH, Texas (AP) — Two men were shot.")[0].2, vec!["Texas".to_owned()]);
        // After a line scraped with the article, still a dateline; later in the text, a shout.
        let m = mentions("Please enable Javascript to watch this video\n\nTOPEKA, Kan. -- Two men were shot.");
        assert_eq!((m[0].0.as_str(), m[0].2.clone()), ("Topeka", vec!["Kan".to_owned()]));
        let far = format!("{}\n\nTOPEKA -- Two men were shot.", "Words of a long story. ".repeat(80));
        assert!(mentions(&far).is_empty());
        let m = mentions("clashes in Baidoa village (Bay, South West) left three dead");
        assert_eq!(m[0].2, vec!["Bay".to_owned(), "South West".to_owned()]);
    }

    #[test]
    fn abbreviated_generic_words_stay_in_the_name() {
        assert_eq!(names("Four were shot in St. Louis on Sunday."), vec!["St. Louis"]);
        assert_eq!(names("a Mt. Pleasant teen and a Ft. Myers woman"), vec!["Mt. Pleasant", "Ft. Myers"]);
        assert_eq!(mentions("ST. LOUIS (AP) — Four were shot.")[0].0, "St. Louis");
        // A street's abbreviation ends the sentence: the next one is not part of a name.
        assert_eq!(names("He lived on Main St. Nabatieh police said so."), vec!["Nabatieh"]);
    }

    #[test]
    fn not_places() {
        assert!(names("The Syrian Observatory for Human Rights said on Thursday in December").is_empty());
        assert!(names("He was taken to hospital by Gen. Ali Omar on Monday").is_empty());
        assert!(names("according to a statement from Sgt. Ann Reed").is_empty());
        assert!(names("in a statement from the Ministry of Interior").is_empty());
        assert_eq!(names("Deir ez-Zor and al-Mayadin came under fire near Deir ez-Zor"), vec!["Deir ez-Zor"]);
        assert!(names("a key figure in Haddad's network").is_empty());
        assert_eq!(names("in Gaza's Shati camp"), vec!["Gaza", "Shati"]);
        // A direction after the possessive names a part of the place.
        assert_eq!(names("Five shot on Detroit's west side"), vec!["Detroit"]);
        assert_eq!(names("a home on Marlow's southeast side"), vec!["Marlow"]);
        assert!(names("support from the Malian government").is_empty());
        assert!(names("attacks on Druze-majority villages and Houthi-held districts").is_empty());
    }
}
