//! A count sent to hospital: the injured.
//!
//! ## What it handles
//! "the shooting sent three people to the hospital", "sending two officers to area hospitals"
//! → injured 3, injured 2: the count is the object of the verb, the hospital where it went.
//! Words in `lexicons/en/casualties.toml` (`sent_verbs`, `hospitals`).
//!
//! ## What it leaves alone
//! "sent two officers to the scene" (no hospital); a count not right after the verb ("sent
//! home three days later").

use sitrep_annotate::Annotations;

use super::{Count, Tie};

/// Words between the count and "to": its noun ("three people", "two young men").
const NOUN: usize = 3;

/// Words between "to" and the hospital: "the", "a", "area", "a local".
const DETERMINERS: &[&str] = &["the", "a", "an", "area", "local", "nearby", "two", "several", "different"];

pub fn tie(a: &Annotations, count: &Count, last: usize) -> Option<Tie> {
    let verb = count.start.checked_sub(1)?;
    if !sitrep_annotate::en::lexicons::sent_verbs().contains(&a.words[verb]) {
        return None;
    }
    let to = (count.end..last.min(count.end + NOUN + 1)).find(|&i| a.words[i] == "to")?;
    let mut at = to + 1;
    while at < last && at <= to + 2 && DETERMINERS.contains(&a.words[at].as_str()) {
        at += 1;
    }
    let hospital = sitrep_annotate::en::lexicons::hospitals().longest_at(&a.words[..last], at)?;
    Some(Tie { kinds: vec!["injured".to_owned()], start: verb, end: hospital.end })
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn people_sent_to_hospital_are_injured() {
        assert_eq!(short("The shooting sent three people to the hospital."), vec![row("injured", 3, "all")]);
        assert_eq!(short("The blast sent two officers to area hospitals."), vec![row("injured", 2, "state_forces")]);
        assert!(short("Police sent two officers to the scene.").is_empty());
    }
}
