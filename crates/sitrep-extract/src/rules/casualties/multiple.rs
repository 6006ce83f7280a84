//! An incident named by how many people it hit counts them.
//!
//! ## What it handles
//! "police are investigating a double shooting" → shot 2; "a triple homicide in Marlow" →
//! killed 3; "One dead after double shooting" → shot 2 beside killed 1, which reconciliation
//! reads as one dead and one wounded. Words in `lexicons/en/casualties.toml` (`[multiple]`).
//!
//! ## What it leaves alone
//! An incident already counted in the sentence by a number over the same words; "double"
//! before other nouns ("a double life"); "a double murder-suicide" (`murder_suicide` counts
//! it: two murdered and the killer).

use sitrep_annotate::Annotations;
use sitrep_model::Span;

use super::Found;

pub fn claims(a: &Annotations, sentence: Span, first: usize, last: usize, found: &[Found]) -> Vec<Found> {
    let lexicon = sitrep_annotate::en::lexicons::multiple();
    let mut out = Vec::new();
    for i in first..last.saturating_sub(1) {
        let Some(&count) = lexicon.multipliers.get(a.words[i].as_str()) else { continue };
        let Some(kind) = lexicon.nouns.get(a.words[i + 1].as_str()) else { continue };
        // "double murder - suicide" spaced out: the compound goes on.
        if a.words.get(i + 2).is_some_and(|w| w == "-") {
            continue;
        }
        let span = Span::new(a.tokens[i].span.start, a.tokens[i + 1].span.end);
        if found.iter().any(|f| f.span.start < span.end && f.span.end > span.start) {
            continue;
        }
        let one = super::singular_victim::one(kind.clone(), "all".into(), Vec::new(), span, sentence);
        out.push(Found { value: count, ..one });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn a_double_shooting_is_two_people_shot() {
        assert_eq!(short("Police are investigating a double shooting in Marlow."), vec![row("shot", 2, "all")]);
        assert_eq!(short("Deputies said the triple homicide shocked the town."), vec![row("killed", 3, "all")]);
    }

    #[test]
    fn other_doubles_count_nothing() {
        assert!(short("He led a double life in Marlow.").is_empty());
        // Not as a double murder: `murder_suicide` counts the killer too.
        assert_eq!(short("The double murder-suicide shocked the town."), vec![row("killed", 3, "all")]);
    }
}
