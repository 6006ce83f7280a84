//! An incident that says it killed: "a fatal shooting", "the deadly attack", a charge of
//! murder or manslaughter → killed, at least one.
//!
//! ## What it handles
//! "Police are investigating a fatal shooting on Elm Street" with no one counted dead in the
//! sentence → killed at least 1 (the word says someone died, not who or how many). Phrases in
//! `lexicons/en/casualties.toml` (`deadly`).
//!
//! ## What it leaves alone
//! Sentences that count the dead already ("a fatal shooting that killed two"); the phrase
//! before "of", whose person `death_of` counts ("the fatal shooting of a teen"); plurals ("two
//! fatal shootings" counts incidents); an attempt ("an attempted deadly attack", "attempted
//! first-degree murder"); a death of the past ("served time for manslaughter in 2005").

use sitrep_annotate::Annotations;
use sitrep_model::Span;

use super::Found;

pub fn apply(a: &Annotations, sentence: Span, first: usize, last: usize, found: &mut Vec<Found>) {
    if found.iter().any(|f| f.kind == "killed") {
        return;
    }
    let lexicon = sitrep_annotate::en::lexicons::deadly();
    let Some(m) = (first..last).find_map(|i| lexicon.longest_at(&a.words[..last], i)) else { return };
    let of = a.words.get(m.end).is_some_and(|w| w == "of");
    let attempted = m.start > first && a.words[m.start - 1] == "attempted";
    // "He served time for manslaughter in 2005": a death of the past is background.
    let past = super::clause::is_past(a, super::clause::around(a, m.start, first, last));
    if of || attempted || past {
        return;
    }
    let span = Span::new(a.tokens[m.start].span.start, a.tokens[m.end - 1].span.end);
    let one = super::singular_victim::one("killed".into(), "all".into(), Vec::new(), span, sentence);
    found.push(Found { qualifier: "at_least".into(), ..one });
}

#[cfg(test)]
mod tests {
    use super::super::testing::{claims_of, short};

    #[test]
    fn a_fatal_shooting_killed_one_at_least() {
        let got = claims_of("Police are investigating a fatal shooting on Elm Street in Marlow.");
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0.as_str(), got[0].1, got[0].2.as_str()), ("killed", 1, "at_least"));
        let got = claims_of("Detectives said the deadly attack happened near a school.");
        assert_eq!((got[0].0.as_str(), got[0].1, got[0].2.as_str()), ("killed", 1, "at_least"));
    }

    #[test]
    fn a_charge_of_murder_says_someone_died() {
        let got = claims_of("DA charges teen with manslaughter in Marlow shooting");
        assert_eq!((got[0].0.as_str(), got[0].1, got[0].2.as_str()), ("killed", 1, "at_least"));
        assert!(claims_of("He was charged with attempted first-degree murder.").is_empty());
        assert!(claims_of("In 2005 he was convicted of manslaughter.").is_empty());
    }

    #[test]
    fn counted_dead_plurals_and_persons_after_of_are_left_to_other_rules() {
        let got = short("A fatal shooting on Elm Street killed two men.");
        assert!(got.iter().all(|r| r.1 == 2), "{got:?}");
        assert!(short("Two fatal shootings were reported this year.").is_empty());
        let got = claims_of("Police arrested a man in the fatal shooting of a teen.");
        assert!(got.iter().all(|c| c.2 == "exact"), "{got:?}");
    }
}
