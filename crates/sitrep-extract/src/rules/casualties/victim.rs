//! The victim category of a count, from the words around it.
//!
//! ## What it handles
//! A victim word right after the count, past adjectives and modifiers ("16 security
//! personnel", "28 pro-government fighters", "four civilians"); "two more" / "two others"
//! take the category of the claim before them in the sentence ("killed three soldiers and
//! wounded two more" → soldiers); a count with no victim word counts everyone (`all`).
//!
//! ## What it leaves alone
//! Deciding sides from actors ("a shooter killed by police is not a civilian" needs the actor
//! layer): a word's category is taken as the lexicon gives it.

use sitrep_annotate::Annotations;

use super::{Count, Found};

/// Words a victim noun may stand behind: "16 [security] personnel", "28 [pro-Assad] fighters".
const MAX_GAP: usize = 3;

pub fn of(a: &Annotations, count: &Count, earlier: &[Found]) -> (String, Vec<String>) {
    let next = a.words.get(count.end).map(String::as_str);
    if matches!(next, Some("more" | "others" | "other"))
        && let Some(previous) = earlier.iter().rev().find(|f| f.category != "all")
    {
        return (previous.category.clone(), previous.tags.clone());
    }
    let word = a
        .victims
        .iter()
        .find(|v| v.start >= count.end && v.start <= count.end + MAX_GAP && !crosses_cue(a, count.end, v.start));
    match word {
        Some(v) => (v.value.category.clone(), v.value.tags.clone()),
        None => ("all".to_owned(), Vec::new()),
    }
}

/// True when a casualty cue or a punctuation mark stands between the count and a victim word.
fn crosses_cue(a: &Annotations, from: usize, to: usize) -> bool {
    (from..to).any(|i| a.cues.iter().any(|c| c.start == i) || matches!(a.words[i].as_str(), "," | ";" | "." | "and"))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn the_noun_after_the_count() {
        assert_eq!(short("16 security personnel were killed."), vec![row("killed", 16, "state_forces")]);
        assert_eq!(short("28 pro-government fighters died."), vec![row("killed", 28, "armed_group")]);
    }

    #[test]
    fn more_and_others_inherit() {
        assert_eq!(
            short("The attack killed three soldiers and wounded two more."),
            vec![row("killed", 3, "state_forces"), row("injured", 2, "state_forces")]
        );
    }
}
