//! Who lived and who died, when the text does not count them apart.
//!
//! ## What it handles
//! - "a boy was killed and six others were shot": the others shot beside a death are the ones
//!   who lived (injured 6), not six of whom one died;
//! - "her mother was also shot, but survived", "another man was also shot", "his father and a
//!   boy were also shot": the people shot beside the victims told before, or who lived, are
//!   wounded;
//! - "she suffered a gunshot wound and was pronounced dead": one person, dead, whose wound is how
//!   she died, not a casualty of its own; so is "a woman died Saturday, a week after she was
//!   critically wounded".
//!
//! ## What it leaves alone
//! Counts of the shot without "others" ("five were shot, one fatally": reconciliation counts
//! four injured); a wound and a death of different people in one sentence ("a man was killed
//! and a woman was wounded").

use sitrep_annotate::Annotations;

use super::{Count, Found};

/// The kind of a counted claim: "shot" becomes "injured" for "others" beside the dead.
pub fn others_shot(a: &Annotations, count: &Count, kind: String) -> String {
    let others = matches!(a.words.get(count.end).map(String::as_str), Some("other" | "others" | "more"));
    if others && kind == "shot" { "injured".to_owned() } else { kind }
}

/// Turns the people "also shot" or shot "but survived" into injured, and drops the wound of
/// a person whose death the same claim's subject tells.
pub fn sort_out(a: &Annotations, found: &mut Vec<Found>) {
    for f in found.iter_mut().filter(|f| f.kind == "shot") {
        let (from, to) = (a.token_at(f.span.start), a.token_at(f.span.end.saturating_sub(1)) + 1);
        let clause_end =
            (to..a.token_at(f.sentence.end)).find(|&i| a.words[i] == "." || a.words[i] == ";").unwrap_or(to);
        let also = (from..to).any(|i| matches!(a.words[i].as_str(), "also" | "another"));
        let survived = (to..clause_end).any(|i| sitrep_annotate::en::lexicons::spared().contains(&a.words[i]));
        if also || survived {
            f.kind = "injured".to_owned();
        }
    }
    let dead: Vec<usize> = found.iter().filter(|f| f.kind == "killed" && f.value == 1).map(|f| f.span.start).collect();
    // "A woman died Saturday, a week after she was critically wounded": the wound of the one
    // whose death the sentence tells first, in a clause of time after it.
    let earlier_wound = |f: &Found| {
        let at = a.token_at(f.span.start);
        at > 0
            && matches!(a.words[at].as_str(), "he" | "she")
            && matches!(a.words[at - 1].as_str(), "after" | "since" | "when" | "because")
            && dead.iter().any(|&d| d < f.span.start)
    };
    found.retain(|f| {
        !(matches!(f.kind.as_str(), "injured" | "shot")
            && f.value == 1
            && (dead.contains(&f.span.start) || earlier_wound(f)))
    });
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn others_beside_the_dead_lived() {
        assert_eq!(
            short("A boy was killed and six others were shot."),
            vec![row("injured", 6, "all"), row("killed", 1, "civilians")]
        );
        assert_eq!(short("Five people were shot."), vec![row("shot", 5, "all")]);
    }

    #[test]
    fn one_more_shot_or_one_who_survived_was_wounded() {
        assert_eq!(short("Her mother was also shot, but survived."), vec![row("injured", 1, "civilians")]);
        assert_eq!(short("A second man was also shot."), vec![row("injured", 1, "all")]);
        assert_eq!(short("A man was shot in the leg."), vec![row("shot", 1, "all")]);
        assert_eq!(short("His father and a boy were also shot, but survived."), vec![row("injured", 2, "civilians")]);
        assert_eq!(short("Three men were also shot."), vec![row("injured", 3, "all")]);
    }

    #[test]
    fn the_wound_of_the_dead_is_no_casualty_of_its_own() {
        assert_eq!(
            short("She had suffered a gunshot wound to the head and was pronounced dead at the scene."),
            vec![row("killed", 1, "all")]
        );
        assert_eq!(
            short("A man was killed and a woman was wounded."),
            vec![row("killed", 1, "all"), row("injured", 1, "civilians")]
        );
        assert_eq!(
            short("A woman died Saturday, a week after she was critically wounded."),
            vec![row("killed", 1, "civilians")]
        );
    }
}
