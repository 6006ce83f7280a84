//! Triggers that are not events: calls, threats, plans, fears and negations shortly before the
//! trigger make it unreal. "Community leaders issued a statement calling for peaceful protests":
//! no protest happened; "residents blocked security forces from apprehending a man": no arrest.
//!
//! Looks at the four tokens before the trigger, within its sentence. Not handled: irrealis
//! farther away ("they said that if the talks fail, fighting will resume"), and a realis verb
//! after a negation cue ("no one knows why the clash began") is wrongly dropped.

use sitrep_annotate::Annotations;

use super::{discourse, occurs};

/// How many tokens before a trigger an irrealis cue may stand.
const WINDOW: usize = 4;

/// True when the trigger at tokens `[start, _)` is called for, threatened, planned, feared or
/// negated, not reported as having happened. `first` is its sentence's first token.
pub fn is_irrealis(a: &Annotations, start: usize, first: usize) -> bool {
    let from = start.saturating_sub(WINDOW).max(first);
    occurs(&discourse().irrealis, &a.words, from, start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn realis(text: &str) -> Vec<bool> {
        let a = sitrep_annotate::annotate_text(text, None);
        a.triggers.iter().map(|t| !is_irrealis(&a, t.start, 0)).collect()
    }

    #[test]
    fn calls_threats_and_negations_are_not_events() {
        assert_eq!(realis("The union issued a call for protests on Monday."), vec![false]);
        assert_eq!(realis("The group threatened to attack the base."), vec![false]);
        assert_eq!(realis("Villagers prevented the police from arresting the man."), vec![false]);
        assert_eq!(realis("No clashes were reported overnight."), vec![false]);
    }

    #[test]
    fn reported_events_stay() {
        assert_eq!(realis("Police arrested two men after clashes in the market."), vec![true, true]);
    }
}
