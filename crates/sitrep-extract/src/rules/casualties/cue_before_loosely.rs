//! A cue a few words before the count, in the same clause, when nothing tighter tied it.
//!
//! ## What it handles
//! "the casualties reportedly included 28 fighters" → 28, of the cue's kind (here ambiguous:
//! "casualties" are not deaths unless the text says so). When the count is the complement of a
//! verb of reaching ("the death toll from the week's clashes rose to 61", "the number of
//! fatalities in the attacks exceeds 70"), the cue may stand anywhere earlier in the clause.
//!
//! ## What it leaves alone
//! Otherwise, cues more than four words away, or in another clause; a cue that already follows
//! a count of its own, for a count joined after it ("one person dead and three others in the
//! hospital": the three are not dead).

use sitrep_annotate::Annotations;

use super::{Count, Tie, clause};

const WINDOW: usize = 4;

/// Verbs that make the count the value of an earlier subject: "[the toll] rose to 61".
const REACHING: &[&str] =
    &["to", "at", "reached", "hit", "exceeds", "exceeded", "surpassed", "topped", "is", "was", "stood", "stands"];

pub fn tie(a: &Annotations, count: &Count, first: usize) -> Option<Tie> {
    let reaching = REACHING.contains(&a.words[count.start].as_str())
        || count.start > first && REACHING.contains(&a.words[count.start - 1].as_str());
    // "killing his wife and their four children": the count's possessive takes no room.
    let possessive = count.start > first && matches!(a.words[count.start - 1].as_str(), "their" | "his" | "her");
    let window = WINDOW + usize::from(possessive);
    let floor = if reaching { first } else { count.start.saturating_sub(window).max(first) };
    for i in (floor..count.start).rev() {
        if clause::is_boundary(a, i) {
            return None;
        }
        if let Some(cue) = a.cues.iter().find(|c| c.end == i + 1) {
            if super::fired_at(a, cue)
                || super::gunshot_noun(a, cue)
                || predicate_of_an_earlier_count(a, cue.start, cue.end, count.start)
            {
                return None;
            }
            return Some(Tie { kinds: vec![cue.value.kind.clone()], start: cue.start, end: cue.end });
        }
    }
    None
}

/// "left one person dead and three others in the hospital": a cue that follows a count of its
/// own (within three words) says what befell that count; a count joined after it by "and"
/// with no cue of its own is not its count.
fn predicate_of_an_earlier_count(a: &Annotations, cue_start: usize, cue_end: usize, count_start: usize) -> bool {
    let joined = (cue_end..count_start).any(|i| a.words[i] == "and");
    joined
        && a.quantities.iter().any(|q| {
            let end = a.token_at(q.span.end.saturating_sub(1)) + 1;
            end <= cue_start && cue_start - end <= 3
        })
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn casualties_included() {
        assert_eq!(short("The casualties reportedly included 28 fighters."), vec![row("ambiguous", 28, "armed_group")]);
    }

    #[test]
    fn a_subject_that_reaches_the_count() {
        assert_eq!(short("The death toll from the week of clashes rose to 61."), vec![row("killed", 61, "all")]);
        assert_eq!(short("The number of fatalities in the attacks exceeds 70."), vec![row("killed", 70, "all")]);
    }

    #[test]
    fn a_count_joined_after_another_count_s_cue_is_not_its_count() {
        assert_eq!(
            short("A shooting left one person dead and three others in the hospital."),
            vec![row("killed", 1, "all")]
        );
    }

    #[test]
    fn too_far_is_nothing() {
        assert_eq!(short("The wounded were taken by bus to the hospital in 2 groups."), vec![]);
    }
}
