//! A death told as the doer's own, with no casualty cue in it.
//!
//! ## What it handles
//! "then took his own life", "commits suicide", "committed suicide"
//! (`lexicons/en/casualties.toml` `own_deaths`) → killed 1, of any side.
//!
//! ## What it leaves alone
//! "suicide by cop" (a provocation, not the death itself); a suicide a demonstration is about
//! ("staged a protest after a farmer committed suicide"); the shooter counted after a counted
//! claim ("killed four classmates and himself": `self_too`). Nor does it add the doer to the
//! victims of the same sentence ("shot his wife and then took his own life" reconciles to one
//! dead): put on a side of his own, he was counted twice wherever the text also calls him "the
//! suspect" (measured on the GVA dev set: more documents broke than were fixed).

use sitrep_annotate::Annotations;
use sitrep_model::Span;

use super::Found;

/// The deaths told as the doer's own in the sentence.
pub fn claims(a: &Annotations, sentence: Span, first: usize, last: usize, found: &[Found]) -> Vec<Found> {
    // "protested after a farmer committed suicide": the death the demonstration is about.
    // (Read only once a phrase is found: most sentences have none.)
    let demonstration = || {
        a.triggers
            .iter()
            .any(|t| t.start >= first && t.end <= last && matches!(t.value.event_type.as_str(), "Protests" | "Riots"))
    };
    let lexicon = sitrep_annotate::en::lexicons::own_deaths();
    let mut out = Vec::new();
    let mut i = first;
    while i < last {
        let Some(m) = lexicon.longest_at(&a.words[..last], i) else {
            i += 1;
            continue;
        };
        if a.words.get(m.end).is_some_and(|w| w == "by") || demonstration() {
            i = m.end;
            continue;
        }
        let span = Span::new(a.tokens[m.start].span.start, a.tokens[m.end - 1].span.end);
        if !found.iter().any(|f| f.span.start < span.end && f.span.end > span.start) {
            out.push(super::singular_victim::one("killed".into(), "all".into(), Vec::new(), span, sentence));
        }
        i = m.end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn the_doer_s_own_death() {
        assert_eq!(short("He later committed suicide."), vec![row("killed", 1, "all")]);
        let got = short("A father commits suicide after killing his son.");
        assert!(got.contains(&row("killed", 1, "all")), "{got:?}");
        assert_eq!(short("She thinks he was trying to commit suicide by cop."), vec![]);
        assert_eq!(short("Farmers staged a protest after a farmer committed suicide."), vec![]);
    }
}
