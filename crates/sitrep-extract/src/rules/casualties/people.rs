//! Counts of people, not of things: a count ties to a casualty cue only when what it counts
//! can be people.
//!
//! ## What it handles
//! The words right after the count decide: a victim word within three words ("16 security
//! personnel", "28 pro-government fighters"), a casualty cue ("13 died", "48 deaths"), a
//! function word ("two were wounded", "dozens of deaths"), or nothing (end of clause: "killing
//! three"). "returned three rounds and killed her", "two shots", "four cars" count things, and
//! "two gunshot wounds" counts wounds on one body (lexicon `wounds`).
//!
//! ## What it leaves alone
//! Counts whose noun the victim lexicon lacks are taken as things: the lexicon grows instead.

use sitrep_annotate::Annotations;

use super::Count;

/// Words that may follow a count of people directly.
const FUNCTION_WORDS: &[&str] = &[
    "were",
    "was",
    "else",
    "have",
    "had",
    "has",
    "are",
    "is",
    "been",
    "being",
    "of",
    "who",
    "also",
    "more",
    "others",
    "other",
    "reportedly",
    "and",
    "or",
    "in",
    "at",
    "on",
    "from",
    "by",
    "to",
    "with",
    "as",
    "including",
    "among",
    "each",
    "all",
    "both",
    "later",
    "still",
    "already",
    "now",
    "dead",
    "others,",
];

/// True when the count can be a count of people.
pub fn counts_people(a: &Annotations, count: &Count) -> bool {
    let Some(next) = a.words.get(count.end) else { return true };
    // "8 yo girl", "a 3 y/o boy": an age, not a count.
    let abbreviated = super::singular_victim::abbreviated_age_end(a, count.end).is_some();
    // "Reed, who was 59, had shot his wife": an age told after "who was".
    let told_age = count.start >= 2
        && matches!(a.words[count.start - 1].as_str(), "was" | "is")
        && matches!(a.words[count.start - 2].as_str(), "who" | "he" | "she")
        && matches!(next.as_str(), "," | "." | "when" | "and");
    if abbreviated || told_age {
        return false;
    }
    // "two gunshot wounds", "multiple stab wounds": wounds on one body.
    if sitrep_annotate::en::lexicons::wounds().contains(next) {
        return false;
    }
    if next.chars().next().is_some_and(|c| !c.is_alphanumeric()) || FUNCTION_WORDS.contains(&next.as_str()) {
        return true;
    }
    if a.cues.iter().any(|c| c.start == count.end) {
        return true;
    }
    a.victims.iter().any(|v| v.start >= count.end && v.start <= count.end + 2)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn things_are_not_people() {
        // "her" is the one person killed, not the three rounds.
        assert_eq!(short("Officers returned three rounds and killed her."), vec![row("killed", 1, "all")]);
        assert_eq!(short("Gunmen fired two shots, killing a man."), vec![row("killed", 1, "all")]);
        assert_eq!(short("He died of multiple gunshot wounds."), vec![row("killed", 1, "all")]);
        assert_eq!(short("Reed, who was 59, had shot his wife."), vec![row("shot", 1, "civilians")]);
        // Ages abbreviated.
        assert_eq!(short("8 yo girl killed in drive-by"), vec![row("killed", 1, "civilians")]);
        assert_eq!(short("Police said a 15 y/o boy was wounded."), vec![row("injured", 1, "civilians")]);
    }

    #[test]
    fn people_are() {
        assert_eq!(short("Gunmen killed three."), vec![row("killed", 3, "all")]);
        assert_eq!(short("28 pro-government fighters died."), vec![row("killed", 28, "armed_group")]);
    }
}
