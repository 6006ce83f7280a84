//! Counts listed under one predicate are different people, added up.
//!
//! ## What it handles
//! "Two teenage girls and two men were shot" (four shot), "two officers and three deputies
//! were wounded" (five state forces), "killed two men and two women" (four): counts tied to
//! the same cue, whose sides reconciliation cannot tell apart (one is of no known side, which
//! reads as everyone, or both are of the same side, whose largest would stand for both), become
//! one claim of their sum, of their side when they share one and of any side otherwise.
//!
//! ## What it leaves alone
//! Counts of distinct known sides ("28 fighters and four civilians also died"): each keeps its
//! side, and reconciliation adds the sides up. Counts of different cues ("two killed and three
//! wounded").

use sitrep_annotate::Annotations;
use sitrep_model::Span;

use super::Found;

/// A counted claim's cue (its token range) and where its count starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tied {
    pub cue: (usize, usize),
    pub count: usize,
}

/// Merges the claims of counts tied to the same cue (`ties[i]` for `found[i]`) into one claim
/// each, when their sides overlap.
pub fn merge(a: &Annotations, found: &mut Vec<Found>, ties: &[Tied]) {
    let mut merged: Vec<Found> = Vec::new();
    let mut taken = vec![false; found.len()];
    // Claims already read as a member of a group, merged or not (a whole's parts stay parts).
    let mut seen = vec![false; found.len()];
    for i in 0..found.len() {
        if seen[i] {
            continue;
        }
        let group: Vec<usize> = (i..found.len())
            .filter(|&j| !seen[j] && ties[j].cue == ties[i].cue && found[j].kind == found[i].kind)
            .collect();
        for &j in &group {
            seen[j] = true;
        }
        let mut sides: Vec<&str> = group.iter().map(|&j| found[j].category.as_str()).collect();
        sides.sort_unstable();
        let distinct_known = !sides.contains(&"all") && sides.windows(2).all(|w| w[0] != w[1]);
        if group.len() < 2 || distinct_known || !listed(a, found, ties, &group) {
            continue;
        }
        let first = &found[group[0]];
        let same_side = sides.windows(2).all(|w| w[0] == w[1]);
        let value = group.iter().fold(0u32, |sum, &j| sum.saturating_add(found[j].value));
        let exact = group.iter().all(|&j| found[j].qualifier == "exact");
        let start = group.iter().map(|&j| found[j].span.start).min().unwrap_or(first.span.start);
        let end = group.iter().map(|&j| found[j].span.end).max().unwrap_or(first.span.end);
        merged.push(Found {
            value,
            high: None,
            qualifier: if exact { "exact".into() } else { first.qualifier.clone() },
            vague_word: None,
            category: if same_side { first.category.clone() } else { "all".into() },
            tags: if same_side { first.tags.clone() } else { Vec::new() },
            aggregate: group.iter().any(|&j| found[j].aggregate),
            span: Span::new(start, end),
            ..first.clone()
        });
        for j in group {
            taken[j] = true;
        }
    }
    let mut k = 0;
    found.retain(|_| {
        k += 1;
        !taken[k - 1]
    });
    found.extend(merged);
}

/// Whether the counts are members of one list ("two girls and two men"): each after "and",
/// "or" or a comma that closes the short noun phrase of the one before. Not a whole and its
/// parts: one count the sum of the others ("13 people, 11 men and two women", "one man and one
/// woman, both"), a part of a group ("of the five men, two", "five wounded, three of them
/// critically"), an aside ("four juveniles --
/// including two children --"), shares after a verb ("all seven were taken to a hospital, six
/// in fair and one in critical condition").
fn listed(a: &Annotations, found: &[Found], ties: &[Tied], group: &[usize]) -> bool {
    let mut starts: Vec<usize> = group.iter().map(|&j| ties[j].count).collect();
    starts.sort_unstable();
    let total: u64 = group.iter().map(|&j| u64::from(found[j].value)).sum();
    let whole = group.len() > 2 && group.iter().any(|&j| 2 * u64::from(found[j].value) == total);
    // "of the five men, two", "five were wounded, three of them critically".
    let partitive = starts.iter().any(|&s| {
        (s > 0 && a.words[s - 1] == "of")
            || (s > 1 && a.words[s - 2] == "of")
            || a.words.get(s + 1).is_some_and(|w| w == "of")
    });
    !whole
        && !partitive
        && starts.windows(2).all(|w| {
            let joined = w[1] > w[0] + 1 && matches!(a.words[w[1] - 1].as_str(), "and" | "or" | ",");
            // "5 people shot, 3 dead": a member with a predicate of its own is no list's.
            joined
                && w[1] - w[0] <= MEMBER_REACH
                && (w[0] + 1..w[1] - 1).all(|i| a.words[i].chars().all(char::is_alphabetic))
                && !a.cues.iter().any(|c| c.start > w[0] && c.start < w[1])
        })
}

/// Most tokens from one list member's count to the next's: "two [teenage girls and] two".
const MEMBER_REACH: usize = 5;

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn counts_of_one_cue_add_up() {
        assert_eq!(short("Two teenage girls and two men were shot."), vec![row("shot", 4, "all")]);
        assert_eq!(short("Two officers and three deputies were wounded."), vec![row("injured", 5, "state_forces")]);
        assert_eq!(short("The gunman killed two men and two women."), vec![row("killed", 4, "all")]);
    }

    #[test]
    fn distinct_sides_and_distinct_cues_stay_apart() {
        assert_eq!(
            short("28 fighters and four civilians also died."),
            vec![row("killed", 28, "armed_group"), row("killed", 4, "civilians")]
        );
        assert_eq!(
            short("Two were killed and three were wounded."),
            vec![row("killed", 2, "all"), row("injured", 3, "all")]
        );
        let got = short("5 people shot, 3 dead, 2 in critical condition");
        assert!(got.contains(&row("killed", 3, "all")) && !got.iter().any(|c| c.0 == "killed" && c.1 > 3), "{got:?}");
        // A whole and its parts.
        assert_eq!(
            short("Police found 13 people, 11 men and two women, with gunshot wounds."),
            vec![row("shot", 13, "all"), row("shot", 11, "all"), row("shot", 2, "civilians")]
        );
        assert_eq!(
            short("Four men, including two brothers, were shot."),
            vec![row("shot", 4, "all"), row("shot", 2, "civilians")]
        );
    }
}
