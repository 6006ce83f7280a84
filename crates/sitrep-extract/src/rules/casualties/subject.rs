//! The victim a casualty cue takes from before it: the subject of an intransitive cue ("Reed
//! died"), of a passive ("Reed was shot", "the man was found dead", "Reed was killed"), of a
//! verb of suffering ("the boy suffered a gunshot wound"), the noun of a relative ("the boy
//! who was killed"), or of the sentence when the cue is
//! its second predicate ("he was taken to a hospital but died").
//!
//! ## What it leaves alone
//! An active cue ("Reed shot two men": Reed is the shooter); a negated one ("he was not
//! hurt" is no casualty, and the zero rules read "no one was hurt"); a second predicate whose
//! sentence opens with anything but a short subject ("Police arrived and the man died" finds
//! "the man" the ordinary way).

use sitrep_annotate::Annotations;
use sitrep_annotate::en::lexicons::experiencer;

/// Cues that take their victim as subject without a passive: "died", "succumbed".
pub(super) const INTRANSITIVE: &[&str] = &["died", "dies", "succumbed", "perished", "dead"];
/// Auxiliaries and copulas of the passive: "was killed", "had been shot", "was found dead".
pub(super) const PASSIVE: &[&str] = &["was", "were", "been", "is", "are", "be", "being", "found", "got", "declared"];
/// Words between the subject and the cue that change nothing: "Reed [later] died", "Reed and
/// Li [both] died".
const BETWEEN: &[&str] = &["later", "also", "then", "had", "has", "have", "soon", "still", "since", "all", "both"];
/// Most words an apposition between commas may hold: "Ann Reed, [of the 4100 block of Main], died".
const APPOSITION: usize = 8;
/// How far before its cue a verb of suffering may stand: "suffered [a single gunshot] wound".
const SUFFERING_REACH: usize = 4;
/// How far before "with" a verb of being carried may stand: "taken [to Grady Memorial
/// Hospital in Atlanta] with".
const CARRY_REACH: usize = 10;

/// Whether the cue at `cue_start` takes the words before it as its victim. Returns where that
/// victim ends (the token after it), or `None` for an active verb.
pub fn victim_before(a: &Annotations, cue_start: usize, first: usize) -> Option<usize> {
    // "He was hurting deep inside", "was wounding": a progressive is active, whoever its subject.
    if cue_start > first && a.words[cue_start].ends_with("ing") && PASSIVE.contains(&a.words[cue_start - 1].as_str()) {
        return None;
    }
    let mut i = cue_start;
    let mut passive = PASSIVE.contains(&a.words[cue_start].as_str());
    // "suffered a gunshot wound": the wound's bearer is the subject of the verb before it.
    for back in 1..=SUFFERING_REACH.min(cue_start - first) {
        let word = &a.words[cue_start - back];
        if experiencer().contains(word) {
            i = cue_start - back;
            passive = true;
            break;
        }
        if !word.chars().all(|c| c.is_alphabetic() || c == '-') {
            break;
        }
    }
    // "was taken to a hospital with a gunshot wound": the wound is borne by the one carried.
    if !passive && let Some(verb) = carried_with(a, cue_start, first) {
        i = verb;
        passive = true;
    }
    let intransitive = INTRANSITIVE.contains(&a.words[cue_start].as_str());
    while i > first && (skippable(a, i - 1) || PASSIVE.contains(&a.words[i - 1].as_str())) {
        passive |= PASSIVE.contains(&a.words[i - 1].as_str());
        i -= 1;
    }
    if !(intransitive || passive) {
        return None;
    }
    // "the boy who was killed", "Ann Reed, who died": the relative's noun.
    if i > first + 1 && a.words[i - 1] == "who" {
        i -= 1;
        if a.words[i - 1] == "," {
            i -= 1;
        }
    }
    // "The victim, Ann Reed, was pronounced dead": past an apposition.
    if i > first + 2 && a.words[i - 1] == "," {
        let opening = (first + 1..i - 1).rev().take(APPOSITION).find(|&j| a.words[j] == ",");
        if let Some(j) = opening
            && j + 1 < i - 1
            && (j + 1..i - 1).all(|k| {
                !super::clause::is_boundary(a, k) && a.words[k] != "and" && !a.cues.iter().any(|c| c.start == k)
            })
        {
            i = j;
        }
    }
    if i > first + 1 && matches!(a.words[i - 1].as_str(), "and" | "but") {
        return Some(sentence_subject(a, first, i - 1).unwrap_or(i));
    }
    Some(i)
}

/// "[was taken to Grady Memorial Hospital] with [a single] gunshot wound", "[arrived at a
/// hospital] with serious injuries": a wound after "with" in the clause of a verb of being
/// carried or of arriving (`lexicons/en/casualties.toml` `carried`) is its subject's. Where
/// that verb stands. Not a wound "with" joins to a person ("found a man with a gunshot wound":
/// the man's, `singular_victim`'s), nor past another cue or a clause boundary.
pub(super) fn carried_with(a: &Annotations, cue_start: usize, first: usize) -> Option<usize> {
    let with = (1..=SUFFERING_REACH.min(cue_start - first))
        .map(|back| cue_start - back)
        .take_while(|&j| a.words[j].chars().all(|c| c.is_alphabetic() || c == '-'))
        .find(|&j| a.words[j] == "with")?;
    if a.victims.iter().any(|v| v.end == with) {
        return None;
    }
    (first..with)
        .rev()
        .take(CARRY_REACH)
        .take_while(|&j| !super::clause::is_boundary(a, j) && !a.cues.iter().any(|c| c.start <= j && j < c.end))
        .find(|&j| sitrep_annotate::en::lexicons::carried().contains(&a.words[j]))
}

/// An adverb ("later", "fatally", "accidentally") or an auxiliary of tense.
fn skippable(a: &Annotations, i: usize) -> bool {
    let word = &a.words[i];
    let lowercase = a.tokens[i].span.slice(&a.text).chars().next().is_some_and(char::is_lowercase);
    BETWEEN.contains(&word.as_str()) || (lowercase && word.len() > 4 && word.ends_with("ly"))
}

/// The end of a short subject opening the sentence and followed by its verb ("He was taken",
/// "The man was rushed", "Ann Reed was found"), before the coordinator at `and`.
fn sentence_subject(a: &Annotations, first: usize, and: usize) -> Option<usize> {
    // "Police say the man was taken …": the subject follows the reporting clause.
    let start = (first..and.min(first + 4))
        .rev()
        .find(|&j| matches!(a.words[j].as_str(), "say" | "says" | "said" | "that"))
        .map_or(first, |j| j + 1);
    let verb =
        (start + 1..and.min(start + 8)).find(|&j| matches!(a.words[j].as_str(), "was" | "is" | "had" | "has"))?;
    let subject_word = |j: usize| {
        let word = a.words[j].as_str();
        // An age in commas: "Cade Reed, 16, was".
        matches!(word, "he" | "she" | "the" | "a" | "an" | "his" | "her" | ",")
            || word.chars().all(|c| c.is_ascii_digit())
            || a.victims.iter().any(|v| v.start <= j && j < v.end)
            || a.tokens[j].span.slice(&a.text).chars().next().is_some_and(char::is_uppercase)
    };
    (start..verb).all(subject_word).then_some(verb)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn passives_intransitives_and_suffering() {
        assert_eq!(short("Ann Reed, 16, was killed in the drive-by."), vec![row("killed", 1, "all")]);
        assert_eq!(short("The juvenile was accidentally shot."), vec![row("shot", 1, "civilians")]);
        assert_eq!(short("The teen was found dead in a car."), vec![row("killed", 1, "civilians")]);
        // A gunshot wound says he was shot, not whether he lived.
        assert_eq!(short("The boy suffered a single gunshot wound."), vec![row("shot", 1, "civilians")]);
        assert_eq!(short("The boy suffered minor injuries."), vec![row("injured", 1, "civilians")]);
    }

    #[test]
    fn a_wound_borne_by_the_one_carried() {
        assert_eq!(short("He was taken to Mercy Hospital with a gunshot wound."), vec![row("shot", 1, "all")]);
        assert_eq!(
            short("The boy was rushed to the hospital with life-threatening injuries."),
            vec![row("injured", 1, "civilians")]
        );
        assert_eq!(short("A man later arrived at a hospital with serious injuries."), vec![row("injured", 1, "all")]);
        // The wound of a person "with" joins to is that person's, not the subject's.
        // How it ended, when the sentence goes on to tell.
        assert_eq!(
            short("A man was taken to a hospital with a gunshot wound and later died."),
            vec![row("killed", 1, "all")]
        );
        assert_eq!(
            short("The boy was rushed to the hospital with severe injuries but did not survive."),
            vec![row("killed", 1, "civilians")]
        );
        assert_eq!(short("A woman was shot but survived."), vec![row("injured", 1, "civilians")]);
        let got = short("Officers were brought to a woman with a gunshot wound.");
        assert!(got.iter().all(|c| c.2 != "state_forces"), "{got:?}");
        assert_eq!(short("He was taken into custody with a gun."), vec![]);
    }

    #[test]
    fn past_an_apposition() {
        assert_eq!(short("The victim, Ann Reed, was pronounced dead at the scene."), vec![row("killed", 1, "all")]);
        assert_eq!(
            short("Bo Li, of the 4100 block of Main Street, died at a hospital."),
            vec![row("killed", 1, "all")]
        );
        assert_eq!(short("He has since been declared clinically dead."), vec![row("killed", 1, "all")]);
    }

    #[test]
    fn a_second_predicate_takes_the_sentence_subject() {
        assert_eq!(short("Police say the man was taken to a hospital and died."), vec![row("killed", 1, "all")]);
        assert_eq!(
            short("Cade Reed, 16, was in the back seat and died after being shot."),
            vec![row("killed", 1, "all")]
        );
        assert_eq!(short("He was taken to a hospital but died from his injuries."), vec![row("killed", 1, "all")]);
        assert_eq!(short("The man was rushed to a hospital and later died."), vec![row("killed", 1, "all")]);
    }

    #[test]
    fn actives_and_negations_are_not_victims() {
        assert_eq!(short("The man shot a dog."), vec![]);
        assert_eq!(short("He was not hurt."), vec![]);
        assert_eq!(short("He was hurting deep inside."), vec![]);
        assert_eq!(short("She was a kind person and never hurt anybody."), vec![]);
    }
}
