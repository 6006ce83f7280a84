//! A murder-suicide is deaths: the killer's and at least one victim's.
//!
//! ## What it handles
//! "a man shot an 8-year-old boy and then himself in a murder-suicide" → the people shot in the
//! sentence were killed (killed 1 and killed 1, not shot); "police are investigating a
//! murder-suicide" with no one counted in the sentence → killed at least 2. Words in
//! `lexicons/en/casualties.toml` (`murder_suicide`).
//!
//! ## What it leaves alone
//! "an attempted murder-suicide" (someone lived); sentences that count the dead already
//! ("killed his wife and himself in a murder-suicide"). "A double murder-suicide" is two
//! murdered and the killer: killed 3, when the sentence counts no one.

use sitrep_annotate::Annotations;
use sitrep_model::Span;

use super::Found;

pub fn apply(a: &Annotations, sentence: Span, first: usize, last: usize, found: &mut Vec<Found>) {
    let lexicon = sitrep_annotate::en::lexicons::murder_suicide();
    let Some(m) = (first..last).find_map(|i| lexicon.longest_at(&a.words[..last], i)) else { return };
    let before = |w: &str| m.start > first && a.words[m.start - 1] == w;
    // "a double murder-suicide": that many murdered, and the killer.
    let multiplier = (m.start > first)
        .then(|| sitrep_annotate::en::lexicons::multiple().multipliers.get(&a.words[m.start - 1]).copied())
        .flatten();
    if before("attempted") {
        return;
    }
    if let Some(murdered) = multiplier {
        if !found.iter().any(|f| f.kind == "killed" || f.kind == "shot") {
            let span = Span::new(a.tokens[m.start - 1].span.start, a.tokens[m.end - 1].span.end);
            let one = super::singular_victim::one("killed".into(), "all".into(), Vec::new(), span, sentence);
            found.push(Found { value: murdered + 1, ..one });
        }
        return;
    }
    let shot: Vec<usize> = (0..found.len()).filter(|&i| found[i].kind == "shot").collect();
    for &i in &shot {
        found[i].kind = "killed".into();
    }
    if shot.is_empty() && !found.iter().any(|f| f.kind == "killed") {
        let span = Span::new(a.tokens[m.start].span.start, a.tokens[m.end - 1].span.end);
        let one = super::singular_victim::one("killed".into(), "all".into(), Vec::new(), span, sentence);
        found.push(Found { value: 2, qualifier: "at_least".into(), ..one });
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{claims_of, row, short};

    #[test]
    fn the_shot_of_a_murder_suicide_are_dead() {
        let got = short("Police say a man shot an 8-year-old boy and then himself in a murder-suicide.");
        assert!(got.iter().all(|c| c.0 == "killed") && got.contains(&row("killed", 1, "civilians")), "{got:?}");
        let got = claims_of("Deputies are investigating a murder-suicide in Marlow.");
        assert_eq!((got[0].0.as_str(), got[0].1, got[0].2.as_str()), ("killed", 2, "at_least"));
    }

    #[test]
    fn attempted_it_says_less_multiplied_it_counts_the_murdered() {
        assert_eq!(short("A man was shot in an attempted murder-suicide."), vec![row("shot", 1, "all")]);
        assert_eq!(short("The double murder-suicide shocked the town."), vec![row("killed", 3, "all")]);
    }
}
