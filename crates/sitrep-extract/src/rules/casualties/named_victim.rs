//! Victims named one by one: a person's name as the subject of a passive or intransitive
//! casualty cue counts one person, and the name is kept.
//!
//! ## What it handles
//! "Ann Reed, 23, died at the scene", "Reed later died", "Tom Vale was shot and killed", "Ben
//! Ortiz was wounded", "Ann Reed, 33, and Bo Li, 26, were killed" (two), "Ann Reed, 30; Bo Li,
//! 21; and Carl Wood, 31 all died" (three) — the cue is intransitive ("died", "succumbed") or passive ("was killed",
//! "was pronounced dead"), so the name is the victim, not the killer. Each name counts once
//! per sentence; the same name in several sentences is one person (the document check counts
//! distinct names).
//!
//! ## What it leaves alone
//! "Reed killed two men" (active voice: Reed is the killer); pronouns ("he died", the business of
//! `pronoun_victim`); words of the victim lexicon ("Residents were shot" is the counted rules'
//! business); counts; a place after its preposition ("Two guards in Marlow were killed": the
//! guards are the victims).

use sitrep_annotate::Annotations;
use sitrep_model::Span;

use super::Found;

pub fn claims(a: &Annotations, sentence: Span, first: usize, last: usize, found: &[Found]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for cue in a.cues.iter().filter(|c| c.start > first && c.end <= last) {
        if !matches!(cue.value.kind.as_str(), "killed" | "injured" | "shot") {
            continue;
        }
        let Some(mut i) = super::subject::victim_before(a, cue.start, first) else { continue };
        // ", 23," between the name and its verb; or ", 31" ending a list ("… and Carl Wood, 31
        // all died").
        if i >= first + 3 && a.words[i - 1] == "," && a.words[i - 3] == "," && is_age(&a.words[i - 2]) {
            i -= 3;
        } else if i >= first + 2 && is_age(&a.words[i - 1]) && a.words[i - 2] == "," {
            i -= 2;
        }
        let Some(mut name) = name_ending_at(a, i, first) else { continue };
        // "Two bailiffs in southwestern Michigan were killed": a place after its preposition is
        // where the subject is, not the subject.
        let place = a.places.iter().any(|p| p.span.start == a.tokens[name.0].span.start);
        if place && sitrep_annotate::en::places::preposition_before(&a.words, name.0) {
            continue;
        }
        // "Oscar Garcia, 22, of Vallejo was killed": the name after "of" is the person's town
        // (or group: "an activist of Jamaat-e-Islami"); the person is named before it, with an
        // age between commas or none, or not named at all.
        let mut unnamed = false;
        if name.0 > first && matches!(a.words[name.0 - 1].as_str(), "of" | "from") {
            let mut j = name.0 - 1;
            if j >= first + 3 && a.words[j - 1] == "," && a.words[j - 3] == "," && is_age(&a.words[j - 2]) {
                j -= 3;
            }
            match name_ending_at(a, j, first) {
                Some(person) => name = person,
                None => unnamed = true,
            }
        }
        let singular_verb = (cue.start.saturating_sub(2)..cue.end).any(|k| matches!(a.words[k].as_str(), "was" | "is"));
        let (from, names) =
            if singular_verb || unnamed { (name.0, vec![name.2]) } else { listed_before(a, name, first) };
        // "Reed was shot and killed", "Reed sustained a gunshot wound …, and was later
        // pronounced deceased": the last cue of a chain decides.
        let mut last_cue = cue;
        while let Some(next) = super::chained(a, last_cue.end) {
            last_cue = next;
        }
        let cue = last_cue;
        let start = a.tokens[from].span.start;
        let end = a.tokens[cue.end - 1].span.end;
        let covered =
            found.iter().chain(out.iter()).any(|f| f.span.start <= a.tokens[cue.start].span.start && f.span.end >= end);
        if covered {
            continue;
        }
        let person = super::singular_victim::one(
            cue.value.kind.clone(),
            "all".into(),
            Vec::new(),
            Span::new(start, end),
            sentence,
        );
        let value = names.len() as u32;
        out.push(Found { value, victims: if unnamed { Vec::new() } else { names }, ..person });
    }
    out
}

/// The names listed before and with `last` ("Ann Reed, 33, and Bo Li, 26, were killed"): where
/// the list starts and the names. A list needs its "and" before the last name, so that "In
/// Marlow, Reed died" stays one.
fn listed_before(a: &Annotations, last: (usize, usize, String), first: usize) -> (usize, Vec<String>) {
    let (mut at, mut names) = (last.0, vec![last.2]);
    loop {
        let mut j = at;
        // "Ann Reed, 30; Bo Li, 21; and Carl Wood, 31": semicolons part names that have commas.
        let separator = |w: &str| w == "," || w == ";";
        if j > first && a.words[j - 1] == "and" {
            j -= 1;
            if j > first && separator(&a.words[j - 1]) {
                j -= 1;
            }
        } else if names.len() > 1 && j > first && separator(&a.words[j - 1]) {
            j -= 1;
        } else {
            break;
        }
        // "Reed, 33, and": the age after the name.
        if j >= first + 2 && a.words[j - 1].chars().all(|c| c.is_ascii_digit()) && a.words[j - 2] == "," {
            j -= 2;
        }
        let Some(name) = name_ending_at(a, j, first) else { break };
        at = name.0;
        names.push(name.2);
    }
    names.reverse();
    (at, names)
}

fn is_age(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit())
}

/// A capitalised name of one to three words ending just before token `end`: (start, end, text).
fn name_ending_at(a: &Annotations, end: usize, first: usize) -> Option<(usize, usize, String)> {
    let mut start = end;
    while start > first && start + 3 > end && is_name_word(a, start - 1) {
        start -= 1;
    }
    if start == end {
        return None;
    }
    // A name is not a victim word ("Residents"), a pronoun, or a number word; nor does it end
    // in a word of institutions or places ("The sophomore at Rain High School was rushed").
    let institution = sitrep_annotate::en::lexicons::not_person_names().contains(a.words[end - 1].as_str());
    if institution
        || a.victims.iter().any(|v| v.start < end && v.end > start)
        || a.quantities
            .iter()
            .any(|q| q.span.start < a.tokens[end - 1].span.end && q.span.end > a.tokens[start].span.start)
    {
        return None;
    }
    let words: Vec<&str> = (start..end).map(|i| a.tokens[i].span.slice(&a.text)).collect();
    Some((start, end, words.join(" ")))
}

/// A capitalised word that can be part of a person's name (not a pronoun or "Police").
pub(super) fn is_name_word(a: &Annotations, i: usize) -> bool {
    let word = &a.words[i];
    let original = a.tokens[i].span.slice(&a.text);
    original.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '-' || c == '.')
        && !matches!(
            word.as_str(),
            "he" | "she" | "they" | "it" | "we" | "i" | "the" | "a" | "an" | "police" | "officials" | "both" | "all"
        )
        // "… in a shooting Monday has died": a day is no one's name.
        && !sitrep_annotate::en::dates::is_calendar_word(word)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn named_victims_count_one_each() {
        assert_eq!(short("Ann Reed, 23, died at the scene."), vec![row("killed", 1, "all")]);
        assert_eq!(short("Reed later died at a hospital."), vec![row("killed", 1, "all")]);
        assert_eq!(short("Tom Vale was shot and killed near his home."), vec![row("killed", 1, "all")]);
        // The last of one subject's predicates, a death, tells how it ended.
        assert_eq!(
            short(
                "Police said Reed sustained a gunshot wound to the head, was taken to a hospital with grave \
                 injuries, and was later pronounced deceased."
            ),
            vec![row("killed", 1, "all")]
        );
        assert_eq!(short("Ann Reed, 33, and Bo Li, 26, were killed at a car wash."), vec![row("killed", 2, "all")]);
        assert_eq!(short("In Marlow, Reed died at a hospital."), vec![row("killed", 1, "all")]);
        assert_eq!(short("Both Stover and Gilliam died from their wounds."), vec![row("killed", 2, "all")]);
        // Semicolons between names that carry ages; "all" before the verb.
        assert_eq!(
            short("Ann Reed, 30; Bo Li, 21; and Carl Wood, 31 all died of their wounds."),
            vec![row("killed", 3, "all")]
        );
    }

    #[test]
    fn a_day_is_no_name() {
        let a = sitrep_annotate::annotate_text(
            "A juvenile hurt in a shooting Monday has died.",
            Some(jiff::civil::date(2024, 5, 3)),
        );
        assert!(super::super::claims(&a).iter().all(|c| c.victims.is_empty()));
    }

    #[test]
    fn an_institution_is_no_name() {
        let a = sitrep_annotate::annotate_text(
            "The sophomore at Marlow High School was rushed to a hospital and died.",
            Some(jiff::civil::date(2024, 5, 3)),
        );
        let claims = super::super::claims(&a);
        assert!(claims.iter().all(|c| c.victims.is_empty()), "{claims:?}");
    }

    #[test]
    fn the_town_after_a_name_is_no_person() {
        let victims = |text: &str| {
            let a = sitrep_annotate::annotate_text(text, Some(jiff::civil::date(2024, 5, 3)));
            super::super::claims(&a).into_iter().flat_map(|c| c.victims).collect::<Vec<_>>()
        };
        assert_eq!(victims("Oscar Diaz, 22, of Marlow was killed in the shooting."), vec!["Oscar Diaz"]);
        assert_eq!(victims("Ann Reed of Kessel died at the scene."), vec!["Ann Reed"]);
        // Unnamed, one person still.
        assert_eq!(short("An activist of Marlow Kessel League was killed."), vec![row("killed", 1, "all")]);
        assert!(victims("An activist of Marlow Kessel League was killed.").is_empty());
        // The place the subject is in.
        assert!(victims("Two guards at a courthouse in western Marlow were killed.").is_empty());
        assert_eq!(
            short("Two guards at a courthouse in western Marlow were killed."),
            vec![row("killed", 2, "state_forces")]
        );
    }

    #[test]
    fn the_killer_and_pronouns_are_not_victims() {
        assert_eq!(short("Reed killed a neighbour's dog."), vec![]);
        assert_eq!(short("Police said nobody else was hurt."), vec![row("injured", 0, "all")]);
    }
}
