//! Hits in a part of the body: a verb of hitting is a casualty cue when the text says where on
//! the body it struck.
//!
//! "Several shots were fired into a home, striking an 11-year-old in the shoulder", "the gun
//! went off, hitting Raul in the legs", "a man was struck in the chest": each verb is a `shot`
//! cue, and the casualty rules count the person it hit as they count "shooting a man". The
//! kind is `shot`, not `injured`: reconciliation counts the shot who did not die as injured, so
//! a victim struck in the head who died later is counted once, as killed. Without a body part
//! the verb is none ("hit by a car", "struck a deal", "the storm hit the town").
//!
//! Words in `lexicons/en/casualties.toml` (`hit_verbs`, `body_parts`).

use super::lexicons::{Cue, body_parts, hit_verbs};
use crate::Tagged;

use super::tokens::Token;

/// Words between the verb and "in": "striking [an 11-year-old boy] in the shoulder".
const REACH: usize = 6;

/// Determiners before the body part: "in the leg", "in his back".
const DETERMINERS: [&str; 6] = ["the", "his", "her", "their", "its", "both"];

/// A `shot` cue for each verb of hitting followed, within `REACH` words and before any
/// punctuation, by "in" + a determiner + a body part.
pub fn hit_cues(tokens: &[Token], words: &[String]) -> Vec<Tagged<Cue>> {
    let verbs = hit_verbs();
    let parts = body_parts();
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if !verbs.contains(word.as_str()) {
            continue;
        }
        let mut within =
            (i + 1..words.len().min(i + 2 + REACH)).take_while(|&j| words[j].chars().any(char::is_alphanumeric));
        let placed = within.any(|j| {
            words[j] == "in"
                && words.get(j + 1).is_some_and(|d| DETERMINERS.contains(&d.as_str()))
                && parts.longest_at(words, j + 2).is_some()
        });
        if placed {
            out.push(Tagged { start: i, end: i + 1, span: tokens[i].span, value: Cue { kind: "shot".to_owned() } });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str) -> Vec<String> {
        let (tokens, words) = super::super::tokens::tokens_and_words(text);
        hit_cues(&tokens, &words).into_iter().map(|c| words[c.start].clone()).collect()
    }

    #[test]
    fn a_hit_in_a_part_of_the_body_is_a_cue() {
        assert_eq!(hits("Shots were fired into a home, striking an 11-year-old boy in the shoulder."), ["striking"]);
        assert_eq!(hits("The gun went off, hitting Raul in the legs."), ["hitting"]);
        assert_eq!(hits("A man was struck in the lower back."), ["struck"]);
        // No body part, or one past a comma: no hit.
        assert!(hits("He was hit by a car in the parking lot.").is_empty());
        assert!(hits("They struck a deal, in the end.").is_empty());
        assert!(hits("The storm hit the town in the evening.").is_empty());
    }
}
