//! A pronoun as the victim of a passive or intransitive cue counts one person.
//!
//! ## What it handles
//! "he died at the hospital", "she was shot and killed", "he was fatally wounded", "he later
//! died": one person, of no known category. A person counted twice this way ("a man was shot;
//! he died") is still one: reconciliation takes the largest figure counting everyone, it does
//! not add them.
//!
//! ## What it leaves alone
//! "he shot two people" (active: he is the shooter); "they died" (how many is not said);
//! "killed himself" (the reflexive, `singular_victim`).

use sitrep_annotate::Annotations;
use sitrep_model::Span;

use super::Found;

pub fn claims(a: &Annotations, sentence: Span, first: usize, last: usize, found: &[Found]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for cue in a.cues.iter().filter(|c| c.start > first && c.end <= last) {
        if !matches!(cue.value.kind.as_str(), "killed" | "injured" | "shot") {
            continue;
        }
        // "fatally shot": the adverb before already made the claim.
        if a.cues.iter().any(|c| c.end == cue.start) {
            continue;
        }
        let Some(subject) = super::subject::victim_before(a, cue.start, first) else { continue };
        if subject <= first || !matches!(a.words[subject - 1].as_str(), "he" | "she") {
            continue;
        }
        let mut last_cue = cue;
        while let Some(next) = super::chained(a, last_cue.end) {
            last_cue = next;
        }
        let span = Span::new(a.tokens[subject - 1].span.start, a.tokens[last_cue.end - 1].span.end);
        // Another rule took the cue ("he was one of two people shot").
        let cue_span = last_cue.span;
        let covered =
            found.iter().chain(out.iter()).any(|f| f.span.start < cue_span.end && f.span.end > cue_span.start);
        if covered {
            continue;
        }
        out.push(super::singular_victim::one(last_cue.value.kind.clone(), "all".into(), Vec::new(), span, sentence));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn a_pronoun_victim_counts_one() {
        assert_eq!(short("Police said he died from a single gunshot wound."), vec![row("killed", 1, "all")]);
        assert_eq!(short("He was fatally shot at a house party."), vec![row("killed", 1, "all")]);
        assert_eq!(short("She was shot and wounded."), vec![row("injured", 1, "all")]);
    }

    #[test]
    fn the_shooter_and_plural_pronouns_are_not_counted() {
        assert_eq!(short("He shot two people before he fled."), vec![row("shot", 2, "all")]);
        assert_eq!(short("They died at the scene."), vec![]);
    }
}
