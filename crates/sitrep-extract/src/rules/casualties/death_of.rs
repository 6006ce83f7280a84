//! The death (or the shooting) of one person told by a noun: "the shooting death of a Houston man", "charged in
//! the death of Chazz Reed, 18", "the killing of a 7-year-old", "the fatal shooting of a
//! woman", "a shooting that claimed the life of a teen" → killed 1, keeping the name when the
//! text gives one.
//!
//! ## What it handles
//! "the bodies of a child, a man and a woman" → killed 3 (a list that "and" closes, each
//! person counted).
//! A killed cue ending in a singular noun ("death", "killing", "slaying"), or a noun of what
//! befell one person that is no cue on its own ("fatal shooting", "claimed the life": killed;
//! "the shooting of a girl": shot; `nouns_of` in `lexicons/en/casualties.toml`), with "of"
//! and, within three words,
//! one person: a singular victim word ("a man", "his teen son") or a capitalised name; or after
//! a possessive person ("charged in his friend's shooting death", "Reed's killing").
//!
//! ## What it leaves alone
//! Counts ("the deaths of two officers": `cue_then_count`); plural victims ("the killing of
//! civilians" says not how many); "the death of the peace talks" (not a person); a death that
//! a reaction is about ("protested against the killing of a student", "justice for the death
//! of …"): an earlier incident, not this one's toll.

use sitrep_annotate::Annotations;
use sitrep_model::Span;

use super::Found;

const NOUNS: &[&str] = &["death", "killing", "slaying", "bodies"];
/// Words before the noun that make the death what a reaction is about: prepositions as they
/// are, and verb stems as prefixes ("protest" covers "protested", "protesters").
const REACTIONS: &[&str] = &["against", "over", "for"];
const REACTION_STEMS: &[&str] = &["protest", "condemn", "demand", "outrage", "anger"];

pub fn claims(a: &Annotations, sentence: Span, first: usize, last: usize, found: &[Found]) -> Vec<Found> {
    let mut out: Vec<Found> = possessives(a, sentence, first, last, found);
    // Killed cues ending in a noun of death, and the nouns of one death that are no cue on
    // their own ("fatal shooting"), each as (start, end) tokens.
    let nouns = a
        .cues
        .iter()
        .filter(|c| c.start >= first && c.value.kind == "killed" && NOUNS.contains(&a.words[c.end - 1].as_str()))
        .map(|c| (c.start, c.end, "killed"))
        .chain((first..last).filter_map(|i| {
            let m = sitrep_annotate::en::lexicons::nouns_of().longest_at(&a.words, i)?;
            // Inside a longer cue ("shooting death") the cue speaks.
            let in_cue =
                a.cues.iter().any(|c| c.start <= m.start && c.end >= m.end && c.end - c.start > m.end - m.start);
            (!in_cue).then_some((m.start, m.end, m.value.as_str()))
        }));
    let mut nouns: Vec<(usize, usize, &str)> = nouns.collect();
    nouns.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut taken_until = 0;
    for (start, end, kind) in nouns {
        // "the fatal shooting of": the longest noun only, not "shooting" again inside it.
        if start < taken_until {
            continue;
        }
        taken_until = end;
        if end + 1 >= last || a.words[end] != "of" || is_reaction(a, start, first) {
            continue;
        }
        let from = end + 1;
        let to = (from + 3).min(last);
        // One person: a singular victim word, or an age used as a noun ("of 7-year-old").
        let person = (from..to).find_map(|i| super::singular_victim::person_at(a, i));
        let (person_end, name, category) = match person {
            Some((end, category, _)) => (end, None, category),
            None => match name_after(a, from, to) {
                Some((end, name)) => (end, Some(name), "all".to_owned()),
                None => continue,
            },
        };
        // "the bodies of a child, a man and a woman": everyone the list names.
        let plural = a.words[end - 1] == "bodies";
        let (person_end, others) =
            if plural { super::singular_victim::also_named(a, person_end, last) } else { (person_end, Vec::new()) };
        if plural && others.is_empty() {
            continue;
        }
        // A count between "of" and the person is the counted rules' ("the deaths of two men").
        if a.quantities
            .iter()
            .any(|q| q.span.start >= a.tokens[from].span.start && q.span.end <= a.tokens[person_end - 1].span.end)
        {
            continue;
        }
        let span = Span::new(a.tokens[start].span.start, a.tokens[person_end - 1].span.end);
        // "the death of a man who was shot in the head": the man shot is the one who died
        // (reconciliation counts the shot who are not among the dead), so the death still
        // counts.
        let shot_of_the_dead = |f: &Found| kind == "killed" && f.kind == "shot" && f.value == 1;
        if found
            .iter()
            .chain(out.iter())
            .any(|f| f.span.start < span.end && f.span.end > span.start && !shot_of_the_dead(f))
        {
            continue;
        }
        if plural {
            out.extend(super::singular_victim::each_side(kind, &category, &others, &[], span, sentence));
            continue;
        }
        let one = super::singular_victim::one(kind.into(), "all".into(), Vec::new(), span, sentence);
        out.push(Found { victims: name.into_iter().collect(), ..one });
    }
    out
}

/// "her friend's shooting death", "Reed's killing": a person's death told by a possessive.
fn possessives(a: &Annotations, sentence: Span, first: usize, last: usize, found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for cue in a.cues.iter().filter(|c| c.start > first && c.end <= last && c.value.kind == "killed") {
        if !NOUNS.contains(&a.words[cue.end - 1].as_str()) || is_reaction(a, cue.start, first) {
            continue;
        }
        // "shooting death": the possessive stands before the noun's modifier.
        let owner =
            if a.words[cue.start - 1] == "shooting" && cue.start > first + 1 { cue.start - 2 } else { cue.start - 1 };
        let original = a.tokens[owner].span.slice(&a.text);
        let Some(stem) = original.strip_suffix("'s").or_else(|| original.strip_suffix("\u{2019}s")) else { continue };
        let lower = stem.to_lowercase();
        let person = !super::singular_victim::is_plural(&lower)
            && sitrep_annotate::en::lexicons::victims()
                .find_all(std::slice::from_ref(&lower))
                .iter()
                .any(|m| m.end == 1);
        let at = a.tokens[owner].span.start;
        let named = owner > first
            && stem.chars().next().is_some_and(char::is_uppercase)
            && stem.chars().all(|c| c.is_alphabetic() || c == '-')
            && !a.places.iter().any(|p| p.span.start <= at && p.span.end > at);
        if !(person || named) {
            continue;
        }
        let span = Span::new(at, a.tokens[cue.end - 1].span.end);
        if found.iter().any(|f| f.span.start < span.end && f.span.end > span.start) {
            continue;
        }
        let one = super::singular_victim::one("killed".into(), "all".into(), Vec::new(), span, sentence);
        let victims = if named && !person { vec![stem.to_owned()] } else { Vec::new() };
        out.push(Found { victims, ..one });
    }
    out
}

/// Whether a reaction word stands shortly before the noun ("protested against the killing").
fn is_reaction(a: &Annotations, at: usize, first: usize) -> bool {
    a.words[at.saturating_sub(4).max(first)..at]
        .iter()
        .any(|w| REACTIONS.contains(&w.as_str()) || REACTION_STEMS.iter().any(|r| w.starts_with(r)))
}

/// A capitalised name of one to three words starting at the first token after an optional age
/// ("7-year-old Iris Ortiz"): (end, name).
fn name_after(a: &Annotations, from: usize, to: usize) -> Option<(usize, String)> {
    let mut start = from;
    if a.words.get(start).is_some_and(|w| w.ends_with("-year-old")) {
        start += 1;
    }
    let capitalised = |i: usize| {
        a.tokens.get(i).is_some_and(|t| t.span.slice(&a.text).chars().next().is_some_and(char::is_uppercase))
    };
    let mut end = start;
    while end < to.max(start + 1)
        && end < start + 3
        && capitalised(end)
        && a.words[end].chars().all(char::is_alphabetic)
    {
        end += 1;
    }
    // One word alone may be a place or a thing ("the death of Syria's …"): two make a name.
    (end >= start + 2).then(|| {
        let words: Vec<&str> = (start..end).map(|i| a.tokens[i].span.slice(&a.text)).collect();
        (end, words.join(" "))
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn the_death_of_one_person() {
        assert_eq!(short("Charges were filed in the shooting death of a Tyre man."), vec![row("killed", 1, "all")]);
        assert_eq!(short("He faces a murder charge in the death of Amir Haddad, 18."), vec![row("killed", 1, "all")]);
        assert_eq!(
            short("Prosecutors charged Omar Haddad in the killing of 7-year-old Rana Saleh."),
            vec![row("killed", 1, "all")]
        );
    }

    #[test]
    fn the_bodies_of_a_list() {
        assert_eq!(
            short("Police found the bodies of an 8-year-old child, a man and a woman."),
            vec![row("killed", 3, "all")]
        );
        // Bodies of no one counted: nothing said of how many.
        assert_eq!(short("Police found the bodies of the victims."), vec![]);
    }

    #[test]
    fn the_death_of_one_shot() {
        assert_eq!(
            short("Police are investigating the death of a man who was shot in the head."),
            vec![row("shot", 1, "all"), row("killed", 1, "all")]
        );
    }

    #[test]
    fn a_noun_of_one_death_that_is_no_cue_on_its_own() {
        assert_eq!(short("Charges were filed in the fatal shooting of a woman."), vec![row("killed", 1, "all")]);
        assert_eq!(
            short("Police believe the crash that claimed the life of a Tyre teen was deliberate."),
            vec![row("killed", 1, "all")]
        );
        // Counted, "fatal shootings" are incidents, and a number after the person is an age.
        assert_eq!(short("The city recorded two fatal shootings in May."), vec![]);
        assert_eq!(short("Police are investigating the shooting of a teenage girl."), vec![row("shot", 1, "all")]);
        assert_eq!(short("A suspect was held in the killing of 7-year-old in court."), vec![row("killed", 1, "all")]);
        assert_eq!(short("Hunting accident claims life of 10-year-old boy"), vec![row("killed", 1, "all")]);
        // Mourning a death is no protest: the family mourns this incident's dead.
        assert_eq!(short("The family mourns the death of their son, 16."), vec![row("killed", 1, "all")]);
        assert_eq!(short("He was sentenced in the fatal shooting of his daughter, 5."), vec![row("killed", 1, "all")]);
    }

    #[test]
    fn a_possessive_person() {
        assert_eq!(short("A teen was charged in his friend's shooting death."), vec![row("killed", 1, "all")]);
        assert_eq!(
            short("Police arrested a man in Reed's killing."),
            vec![row("arrested", 1, "all"), row("killed", 1, "all")]
        );
        assert_eq!(short("It was the city's third death this year."), vec![]);
    }

    #[test]
    fn counts_plurals_and_things_are_not_one_person() {
        assert_eq!(short("The deaths of two officers shocked the town."), vec![row("killed", 2, "state_forces")]);
        assert_eq!(short("They condemned the killing of civilians."), vec![]);
        assert_eq!(short("It meant the death of the ceasefire."), vec![]);
        assert_eq!(short("Students protested against the killing of a teacher."), vec![]);
        assert_eq!(
            short("Police are investigating the overnight killing of a Tyre man."),
            vec![row("killed", 1, "all")]
        );
    }
}
