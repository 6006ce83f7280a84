//! A pronoun as the victim of a passive or intransitive cue, or as the object of an active one,
//! counts one person.
//!
//! ## What it handles
//! "he died at the hospital", "she was shot and killed", "he was fatally wounded", "he later
//! died", "the gun went off, killing her", "someone shot him in the chest": one person, of no
//! known category. A pronoun wounded ("he suffered a wound to the chest") was hit: the person
//! the story told of before, whose fate it tells apart, is no survivor of their own. A person counted twice this way ("a man was shot;
//! he died") is still one: reconciliation takes the largest figure counting everyone, it does
//! not add them.
//!
//! ## What it leaves alone
//! "he shot two people" (active: he is the shooter); "they died", "killing them" (how many is
//! not said); "shot her husband" (a possessive: the husband is `singular_victim`'s);
//! "killed himself" (the reflexive, `singular_victim`).

use sitrep_annotate::Annotations;
use sitrep_model::Span;

use super::Found;

/// Words that may follow an object pronoun ("shot him in the chest"); any other word after
/// "her" makes it a possessive ("shot her husband").
const AFTER_OBJECT: &[&str] = &[
    "in", "at", "on", "with", "as", "while", "before", "after", "during", "and", "outside", "inside", "near", "once",
    "twice", "multiple", "several", "through", "from", "to", "too", "twice", "again", "dead", "fatally", "then",
];

pub fn claims(a: &Annotations, sentence: Span, first: usize, last: usize, found: &[Found]) -> Vec<Found> {
    let mut out: Vec<Found> = objects(a, sentence, first, last, found);
    for cue in a.cues.iter().filter(|c| c.start > first && c.end <= last) {
        if !matches!(cue.value.kind.as_str(), "killed" | "injured" | "shot") {
            continue;
        }
        // "fatally shot": the adverb before already made the claim.
        if a.cues.iter().any(|c| c.end == cue.start) {
            continue;
        }
        let Some(subject) = super::subject::victim_before(a, cue.start, first) else { continue };
        if subject <= first || !matches!(a.words[subject - 1].as_str(), "he" | "she") {
            continue;
        }
        let mut last_cue = cue;
        while let Some(next) = super::chained(a, last_cue.end) {
            last_cue = next;
        }
        let span = Span::new(a.tokens[subject - 1].span.start, a.tokens[last_cue.end - 1].span.end);
        // Another rule took the cue ("he was one of two people shot").
        let cue_span = last_cue.span;
        let covered =
            found.iter().chain(out.iter()).any(|f| f.span.start < cue_span.end && f.span.end > cue_span.start);
        if covered {
            continue;
        }
        // "He suffered a single wound to the chest", "she was wounded": the person the story
        // told of before, whose fate it tells apart; hit, not a survivor of their own.
        let kind = match last_cue.value.kind.as_str() {
            "injured" => "shot".to_owned(),
            other => other.to_owned(),
        };
        out.push(super::singular_victim::one(kind, "all".into(), Vec::new(), span, sentence));
    }
    out
}

/// "killing her", "shot him in the chest": an object pronoun after an active cue.
fn objects(a: &Annotations, sentence: Span, first: usize, last: usize, found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for cue in a.cues.iter().filter(|c| c.start > first && c.end < last) {
        let active = super::named_object::is_active_verb(&a.words[cue.end - 1]);
        if !matches!(cue.value.kind.as_str(), "killed" | "injured" | "shot") || !active {
            continue;
        }
        let pronoun = a.words[cue.end].as_str();
        let then = a.words.get(cue.end + 1).map(String::as_str);
        let object = pronoun == "him"
            || (pronoun == "her"
                && then.is_none_or(|w| AFTER_OBJECT.contains(&w) || !w.chars().all(char::is_alphanumeric)));
        if !object || super::subject::victim_before(a, cue.start, first).is_some() {
            continue;
        }
        let span = Span::new(a.tokens[cue.start].span.start, a.tokens[cue.end].span.end);
        if found.iter().any(|f| f.span.start < span.end && f.span.end > span.start) {
            continue;
        }
        out.push(super::singular_victim::one(super::kind_of(a, cue), "all".into(), Vec::new(), span, sentence));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn a_pronoun_victim_counts_one() {
        assert_eq!(short("Police said he died from a single gunshot wound."), vec![row("killed", 1, "all")]);
        assert_eq!(short("He was fatally shot at a house party."), vec![row("killed", 1, "all")]);
        // Wounded, she was hit; whether she lived the story tells elsewhere ("he suffered a
        // wound to the chest" of a man it said was killed is no survivor).
        assert_eq!(short("She was shot and wounded."), vec![row("shot", 1, "all")]);
        assert_eq!(
            short("A man was killed. He suffered a single wound to the chest."),
            vec![row("killed", 1, "all"), row("shot", 1, "all")]
        );
    }

    #[test]
    fn an_object_pronoun_counts_one() {
        assert_eq!(short("The gun went off, striking the girl and killing her."), vec![row("killed", 1, "all")]);
        assert_eq!(short("Someone walked up and shot him in the chest."), vec![row("shot", 1, "all")]);
        assert_eq!(short("He shot her husband."), vec![row("shot", 1, "civilians")]);
    }

    #[test]
    fn the_shooter_and_plural_pronouns_are_not_counted() {
        assert_eq!(short("He shot two people before he fled."), vec![row("shot", 2, "all")]);
        assert_eq!(short("They died at the scene."), vec![]);
    }
}
