//! A killing attempted or intended is no death.
//!
//! ## What it handles
//! "the man accused of trying to kill 2 officers" and "he plotted to murder his neighbour" state
//! who was targeted, not who died: a claim of deaths whose verb follows words of attempt or
//! intent (`attempt` in `lexicons/en/casualties.toml`) is dropped.
//!
//! ## What it leaves alone
//! Other kinds ("tried to flee, wounding two" is still two wounded: the attempt is the
//! fleeing); an attempt further from the verb ("tried to stop the gunman, who killed two").

use sitrep_annotate::Annotations;

use super::Found;

/// Drops the deaths whose verb of killing an attempt or intent governs.
pub fn drop_attempts(a: &Annotations, found: &mut Vec<Found>) {
    let attempt = sitrep_annotate::en::lexicons::attempt();
    let attempted = |f: &Found| {
        let (from, to) = (a.token_at(f.span.start), a.token_at(f.span.end.saturating_sub(1)) + 1);
        a.cues.iter().filter(|c| c.start >= from && c.start < to && c.value.kind == "killed").any(|c| {
            (c.start.saturating_sub(3)..c.start)
                .any(|i| attempt.longest_at(&a.words[..c.start], i).is_some_and(|m| m.end == c.start))
        })
    };
    found.retain(|f| f.kind != "killed" || !attempted(f));
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn an_attempt_to_kill_is_no_death() {
        assert!(short("The man accused of trying to kill 2 officers appeared in court.").is_empty());
        assert!(short("He is charged with plotting to kill three people.").is_empty());
    }

    #[test]
    fn a_death_beside_an_attempt_still_counts() {
        assert_eq!(short("He tried to flee and killed two people."), vec![row("killed", 2, "all")]);
    }
}
