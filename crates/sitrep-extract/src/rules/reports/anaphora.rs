//! Sentences that continue an incident already told, and those that start another.
//!
//! Refers back: a definite noun phrase whose head is an event noun or a trigger ("the attack",
//! "these clashes", "the earlier confrontations", "the victim"). Starts another: "another",
//! "elsewhere", "separately" ("clashes erupted in another village"). Both lists are in
//! `lexicons/en/discourse.toml`.
//!
//! Not handled: pronouns ("it was the third such attack"), and bridging references ("the
//! gunman" after "a shooting") beyond the listed nouns.

use sitrep_annotate::Annotations;

use super::{discourse, occurs};

/// True when tokens `[first, last)` refer back to an incident told before.
pub fn refers_back(a: &Annotations, first: usize, last: usize) -> bool {
    let d = discourse();
    (first..last).any(|i| {
        let Some(det) = d.definite.longest_at(&a.words[..last], i) else { return false };
        // The head may follow one modifier: "the deadly attack", "the helicopter strikes".
        // "the village of Arnoun" names a place; it does not refer back.
        (det.end..(det.end + 2).min(last)).any(|head| {
            let noun = d.event_nouns.longest_at(&a.words[..last], head).map(|m| m.end);
            let trigger = a.triggers.iter().find(|t| t.start == head).map(|t| t.end);
            noun.or(trigger).is_some_and(|end| a.words.get(end).map(String::as_str) != Some("of"))
        })
    })
}

/// True when tokens `[first, last)` say that another incident begins ("elsewhere", "another
/// village").
pub fn starts_another(a: &Annotations, first: usize, last: usize) -> bool {
    let d = discourse();
    occurs(&d.new_incident, &a.words, first, last)
        || (first..last).any(|i| {
            let Some(det) = d.another.longest_at(&a.words[..last], i) else { return false };
            // The head may follow one modifier: "another small village", "a second deadly attack";
            // not a verb: "another was shot" is one more victim.
            let verb = a.words.get(det.end).is_some_and(|w| d.auxiliaries.contains(w.as_str()));
            let reach = if verb { 1 } else { 2 };
            (det.end..(det.end + reach).min(last)).any(|head| {
                d.another_heads.longest_at(&a.words[..last], head).is_some()
                    || a.triggers.iter().any(|t| t.start == head)
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(text: &str) -> (bool, bool) {
        let a = sitrep_annotate::annotate_text(text, None);
        let n = a.tokens.len();
        (refers_back(&a, 0, n), starts_another(&a, 0, n))
    }

    #[test]
    fn definite_event_nouns_refer_back() {
        assert_eq!(both("The attack left the town without power."), (true, false));
        assert_eq!(both("The earlier clashes took place in the hills."), (true, false));
        assert_eq!(both("Gunmen attacked a checkpoint."), (false, false));
        assert_eq!(both("Shells hit the village of Tamra."), (false, false));
    }

    #[test]
    fn another_starts_a_new_incident() {
        assert_eq!(both("Clashes also erupted in another village."), (false, true));
        assert_eq!(both("Elsewhere, a bomb exploded near a market."), (false, true));
        assert_eq!(both("A second shooting followed an hour later."), (false, true));
    }

    #[test]
    fn another_person_is_a_participant_of_the_same_incident() {
        assert_eq!(both("A boy was shot in the leg by another youth."), (false, false));
        assert_eq!(both("A second victim was taken to a hospital."), (false, false));
        assert_eq!(both("Three were hurt, while another was shot in the stomach."), (false, false));
    }
}
