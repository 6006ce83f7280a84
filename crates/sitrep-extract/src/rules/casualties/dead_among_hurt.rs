//! The dead among the hurt: a count of the wounded with a share of it who died.
//!
//! ## What it handles
//! "Five people were wounded, two fatally", "Four men were injured; one of them later died",
//! "Three people were hurt, including a woman who died at a hospital": the count is of
//! everyone hit, the dead among them, as "five were shot, two fatally" is. Its kind becomes
//! `shot` (hit, the dead among them), so reconciliation counts the injured as those who lived
//! (three, three, two) and the dead once.
//!
//! ## What it leaves alone
//! A death beside the wounded, not among them ("three were injured and two were killed",
//! "a man died and four were hurt"): no word of a share ("including", "of them", "fatally")
//! joins them. A share as large as the count ("two were wounded, both fatally") is left to the
//! count's own reading.

use sitrep_annotate::Annotations;

use super::Found;

/// How many tokens after the count of the wounded its share of the dead may end.
const REACH: usize = 16;

/// Turns each count of the injured that a share of the dead in its sentence is part of into a
/// count of the hit.
pub fn apply(a: &Annotations, found: &mut [Found]) {
    let shares: Vec<(usize, usize, u32)> = found
        .iter()
        .filter(|f| f.kind == "killed")
        .map(|f| (a.token_at(f.span.start), a.token_at(f.span.end.saturating_sub(1)) + 1, f.value))
        .collect();
    for f in found.iter_mut().filter(|f| f.kind == "injured" && f.value >= 2) {
        let end = a.token_at(f.span.end.saturating_sub(1)) + 1;
        let among = shares.iter().any(|&(start, share_end, dead)| {
            dead < f.value && start >= end && share_end <= end + REACH && is_share(a, end, start, share_end)
        });
        if among {
            f.kind = "shot".to_owned();
        }
    }
}

/// Whether the dead at tokens `start..share_end` are a share of the wounded whose count ends at
/// `from`: a word opening a share between them ("including", "among"), "of them" or "of whom",
/// or an adverb of death ending the share's phrase ("two fatally."; "fatally shooting two" is
/// an act of its own). Others are never a share ("two other men"); the wounded may be others
/// ("shot four others, including one who died").
fn is_share(a: &Annotations, from: usize, start: usize, share_end: usize) -> bool {
    use sitrep_annotate::en::lexicons::{share_adverbs, share_openers};
    let words = &a.words[from..share_end.min(a.words.len())];
    let split = start - from;
    if words[split..].iter().any(|w| matches!(w.as_str(), "other" | "others")) {
        return false;
    }
    words[..split].iter().any(|w| share_openers().contains(w))
        || words.windows(2).any(|p| p[0] == "of" && matches!(p[1].as_str(), "them" | "whom"))
        || (words.last().is_some_and(|w| share_adverbs().contains(w))
            && a.words.get(share_end).is_none_or(|w| matches!(w.as_str(), "," | "." | ";" | ")" | "and")))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn a_share_of_the_wounded_who_died_is_among_them() {
        assert_eq!(
            short("Five people were wounded, two fatally."),
            vec![row("shot", 5, "all"), row("killed", 2, "all")]
        );
        assert_eq!(
            short("A man shot four others, including one who died."),
            vec![row("shot", 4, "all"), row("killed", 1, "all")]
        );
        assert_eq!(
            short("Four men were injured in the blast; one of them later died."),
            vec![row("shot", 4, "all"), row("killed", 1, "all")]
        );
        assert_eq!(
            short("Three people were hurt, including a woman who died at a hospital."),
            vec![row("shot", 3, "all"), row("killed", 1, "civilians")]
        );
    }

    #[test]
    fn the_dead_beside_the_wounded_are_not_among_them() {
        assert_eq!(
            short("Three people were injured and two were killed."),
            vec![row("injured", 3, "all"), row("killed", 2, "all")]
        );
        assert_eq!(short("Two were wounded, both fatally."), vec![row("injured", 2, "all"), row("killed", 2, "all")]);
        assert_eq!(
            short("He shot and wounded three men and fatally shot two other men."),
            vec![row("injured", 3, "all"), row("killed", 2, "all")]
        );
        // "fatally" before a verb of its own: the boy is not among the wounded.
        let got = short("He wounded three men and a woman and fatally shot a boy.");
        assert!(got.iter().all(|c| c.0 != "shot") && got.contains(&row("killed", 1, "civilians")), "{got:?}");
    }
}
