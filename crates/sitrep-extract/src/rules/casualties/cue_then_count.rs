//! A cue that governs the count right after it.
//!
//! ## What it handles
//! A verb with its object or a noun with its complement, joined by at most two linking words:
//! "killed 16 soldiers", "killing three and wounding two more", "the death of one officer",
//! "injuries to two others", "the deaths of two security officers", "the death toll rose to 48",
//! "the toll stands at 12"; a gerund that is no cue on its own, used as a verb ("after shooting
//! two teens", "charged with fatally shooting 3 people").
//!
//! ## What it leaves alone
//! "shot at a dozen people" (fired at, not hit). A count with a cue of its own right after it:
//! "1 killed 3 injured" is one killed and three injured, not three killed. A cue further away
//! or across a clause boundary (`cue_before_loosely` may take it); a cue
//! after the count (`count_then_cue`).

use sitrep_annotate::Annotations;

use super::{Count, Tie};

/// Words that may stand between a cue and the count it governs.
const LINKS: &[&str] = &[
    "of", "to", "among", "rose", "risen", "climbed", "reached", "stood", "stands", "at", "is", "was", "now", "has",
    "had", "the",
];

pub fn tie(a: &Annotations, count: &Count, first: usize) -> Option<Tie> {
    // "1 killed 3 injured": the 3 is the subject of its own cue (`count_then_cue`).
    if super::has_own_cue(a, count) {
        return None;
    }
    let mut i = count.start;
    let mut links = 0;
    while i > first {
        i -= 1;
        // "after shooting two teens": a gerund that is no cue on its own, right before the count.
        if i + 1 == count.start
            && let Some((kind, start)) = super::gerund_at(a, i, first)
        {
            return Some(Tie { kinds: vec![kind.to_owned()], start, end: i + 1 });
        }
        if let Some(cue) = a.cues.iter().find(|c| c.end == i + 1) {
            // "shot at a dozen people": fired at, not hit; "a single shot 223": the noun, a
            // gunshot (or a gun), not a verb with its object.
            if super::fired_at(a, cue) || super::gunshot_noun(a, cue) {
                return None;
            }
            // A noun cue needs its preposition: "deaths 3" is not a construction, "deaths of 3" is.
            return Some(Tie { kinds: vec![super::kind_of(a, cue)], start: cue.start, end: cue.end });
        }
        if !LINKS.contains(&a.words[i].as_str()) || links == 2 {
            return None;
        }
        links += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn verbs_and_their_objects() {
        assert_eq!(short("Gunmen killed 16 soldiers."), vec![row("killed", 16, "state_forces")]);
        assert_eq!(short("Police fatally shot two gunmen."), vec![row("killed", 2, "armed_group")]);
        assert_eq!(short("The gunman shot at a dozen people."), vec![]);
        // The count after "by" is the agent of the passive.
        assert_eq!(short("The man was shot by two men in a car."), vec![row("shot", 1, "all")]);
        assert_eq!(short("The weapon was a single shot 223, the sheriff said."), vec![]);
        // A headline's counts each before their own cue.
        assert_eq!(short("1 killed in weekend shooting"), vec![row("killed", 1, "all")]);
        assert_eq!(
            short("Two killed 3 injured in weekend shooting"),
            vec![row("killed", 2, "all"), row("injured", 3, "all")]
        );
        assert_eq!(
            short("The attack killed three soldiers and wounded two more."),
            vec![row("killed", 3, "state_forces"), row("injured", 2, "state_forces")]
        );
    }

    #[test]
    fn a_gerund_used_as_a_verb() {
        assert_eq!(
            short("A man is in custody after shooting 2 teens."),
            vec![row("shot", 2, "civilians"), row("arrested", 1, "all")]
        );
        assert_eq!(short("He is charged with fatally shooting 3 people."), vec![row("killed", 3, "all")]);
        // A noun: the shooting is not what happened to the two.
        assert_eq!(short("Since the shooting two men have left town."), vec![]);
    }

    #[test]
    fn nouns_and_their_complements() {
        assert_eq!(
            short("The blast resulted in the death of one officer and injuries to two others."),
            vec![row("killed", 1, "state_forces"), row("injured", 2, "state_forces")]
        );
        assert_eq!(short("The death toll rose to 48."), vec![row("killed", 48, "all")]);
    }
}
