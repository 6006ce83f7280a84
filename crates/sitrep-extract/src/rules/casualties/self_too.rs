//! The shooter counted after his victims: "killed four classmates and himself" is five dead.
//!
//! ## What it handles
//! A counted claim followed by "and himself" / "and herself" / "and then himself" (", self" in a
//! headline: "Woman kills son, self"), or by "turning the gun on himself" ("fatally shot three
//! people before turning the gun on himself": four dead): one more of
//! the same kind, the one who did it, in the category `unknown` (a shooter is no civilian, nor
//! known to belong to an armed group), which reconciliation adds to the victims' categories.
//!
//! ## What it leaves alone
//! A reflexive not joined to a counted claim ("shot himself" is the singular-victim rule's).

use sitrep_annotate::Annotations;
use sitrep_model::Span;

use super::Found;

pub fn claims(a: &Annotations, found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for f in found.iter().filter(|f| matches!(f.kind.as_str(), "killed" | "shot" | "injured") && f.victims.is_empty()) {
        let end = a.token_at(f.span.end.saturating_sub(1)) + 1;
        // The count's noun may follow the span ("killed four classmates and himself").
        // A headline joins with a comma: "Woman kills son, self".
        // "… before turning the gun on himself": the shooter's death, after the victims.
        let clause_end = a.token_at(f.sentence.end.saturating_sub(1)) + 1;
        let turned = (end..(end + 8).min(clause_end.saturating_sub(4))).find(|&i| {
            matches!(a.words[i].as_str(), "turned" | "turning" | "turns" | "turn")
                && a.words[i + 1..i + 4].iter().map(String::as_str).eq(["the", "gun", "on"])
                && matches!(a.words[i + 4].as_str(), "himself" | "herself")
        });
        // Only after the dead: "shot them, then turned the gun on himself" beside "a man, woman
        // and child with gunshot wounds" counts the shooter among the shot already.
        if let Some(i) = turned.filter(|_| f.kind == "killed") {
            let span = Span::new(a.tokens[i].span.start, a.tokens[i + 4].span.end);
            out.push(super::singular_victim::one("killed".into(), "unknown".into(), Vec::new(), span, f.sentence));
            continue;
        }
        let Some(and) = (end..(end + 3).min(a.words.len())).find(|&i| matches!(a.words[i].as_str(), "and" | ","))
        else {
            continue;
        };
        let mut at = and + 1;
        if a.words.get(at).is_some_and(|w| w == "then") {
            at += 1;
        }
        if !a.words.get(at).is_some_and(|w| matches!(w.as_str(), "himself" | "herself" | "self")) {
            continue;
        }
        let span = Span::new(a.tokens[and].span.start, a.tokens[at].span.end);
        let one = super::singular_victim::one(f.kind.clone(), "unknown".into(), Vec::new(), span, f.sentence);
        out.push(one);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn the_shooter_after_the_victims_is_one_more() {
        let found = short("A student killed four classmates and himself in the fall.");
        assert!(found.contains(&row("killed", 1, "unknown")), "{found:?}");
        assert!(found.iter().any(|r| r.0 == "killed" && r.1 == 4));
    }

    #[test]
    fn the_shooter_turning_the_gun_on_himself_is_one_more() {
        let found =
            short("A student who fatally shot three people last month before turning the gun on himself wrote a note.");
        assert_eq!(found, vec![row("killed", 3, "all"), row("killed", 1, "unknown")]);
    }

    #[test]
    fn a_headline_s_self() {
        assert_eq!(short("Woman kills son, self"), vec![row("killed", 1, "civilians"), row("killed", 1, "unknown")]);
    }

    #[test]
    fn a_list_of_others_is_not_the_shooter() {
        let found = short("A student killed four classmates and a teacher.");
        assert!(!found.iter().any(|r| r.2 == "unknown"), "{found:?}");
    }
}
