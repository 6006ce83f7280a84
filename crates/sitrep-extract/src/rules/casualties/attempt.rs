//! A killing or a wounding attempted or intended befell no one.
//!
//! ## What it handles
//! "the man accused of trying to kill 2 officers", "he plotted to murder his neighbour" and "he
//! did not mean to hurt him" state who was targeted, not who died or was hurt: a claim of deaths
//! or injuries whose verb follows words of attempt or intent (`attempt` in
//! `lexicons/en/casualties.toml`) is dropped.
//!
//! ## What it leaves alone
//! A casualty of another verb than the one attempted ("tried to flee, wounding two" is still two
//! wounded: the attempt is the fleeing); an attempt further from the verb ("tried to stop the
//! gunman, who killed two").

use sitrep_annotate::Annotations;

use super::Found;

/// Drops the deaths and injuries whose verb an attempt or intent governs.
pub fn drop_attempts(a: &Annotations, found: &mut Vec<Found>) {
    let attempt = sitrep_annotate::en::lexicons::attempt();
    let attempted = |f: &Found| {
        let (from, to) = (a.token_at(f.span.start), a.token_at(f.span.end.saturating_sub(1)) + 1);
        a.cues.iter().filter(|c| c.start >= from && c.start < to && c.value.kind == f.kind).any(|c| {
            (c.start.saturating_sub(3)..c.start)
                .any(|i| attempt.longest_at(&a.words[..c.start], i).is_some_and(|m| m.end == c.start))
        })
    };
    found.retain(|f| !matches!(f.kind.as_str(), "killed" | "injured") || !attempted(f));
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn an_attempt_to_kill_is_no_death() {
        assert!(short("The man accused of trying to kill 2 officers appeared in court.").is_empty());
        assert!(short("He is charged with plotting to kill three people.").is_empty());
        assert!(short("He did not mean to hurt him.").is_empty());
        assert!(short("They tried to hurt two guards.").is_empty());
    }

    #[test]
    fn a_death_beside_an_attempt_still_counts() {
        assert_eq!(short("He tried to flee and killed two people."), vec![row("killed", 2, "all")]);
    }
}
