//! Areas named in the names of their institutions: "the Arkansas State Police", "the Alabama Law
//! Enforcement Agency", "Tennessee Bureau of Investigation", "a North Carolina Highway Patrol
//! trooper". The places rule leaves institutions out (they are not where the story is), but a
//! state's or a province's police, courts and laws act inside it: the name before the
//! institution's word is a candidate area, which geocoding keeps only when it is a first-level
//! area of the document's country (a town's police, "Marlow Police", are the places rule's).
//!
//! Words that open an institution's name after the area's are in `lexicons/en/places.toml`
//! (`institution_words`).

use sitrep_model::Span;

use super::places::is_institution_word;
use super::tokens::{Token, TokenKind};
use crate::Tagged;

/// The longest area name: "New Hampshire", "District of Columbia" is rare enough to leave.
const LONGEST: usize = 2;

/// Each name of one or two capitalised words right before a capitalised word of an
/// institution, opening a name (after a lowercase word, a determiner, punctuation or nothing):
/// the name as written.
pub fn area_names(text: &str, tokens: &[Token], words: &[String]) -> Vec<Tagged<String>> {
    let capitalised = |i: usize| {
        tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word && t.span.slice(text).starts_with(char::is_uppercase))
    };
    let mut out = Vec::new();
    for at in 1..tokens.len() {
        if !capitalised(at) || !is_institution_word(&words[at]) {
            continue;
        }
        let mut start = at;
        while start > 0 && at - start < LONGEST && capitalised(start - 1) && !is_institution_word(&words[start - 1]) {
            start -= 1;
        }
        // The whole name before the institution's word: not "the Marlow County Sheriff".
        let opens = start == 0 || !capitalised(start - 1) || matches!(words[start - 1].as_str(), "the" | "a" | "an");
        if start < at && opens {
            let span = Span::new(tokens[start].span.start, tokens[at - 1].span.end);
            out.push(Tagged { start, end: at, span, value: span.slice(text).to_owned() });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let (tokens, words) = super::super::tokens::tokens_and_words(text);
        area_names(text, &tokens, &words).into_iter().map(|t| t.value).collect()
    }

    #[test]
    fn the_area_before_an_institution_s_word() {
        assert_eq!(names("Troopers from the Kansas State Police said."), ["Kansas"]);
        assert_eq!(names("The New Mexico Bureau of Investigation is looking into it."), ["New Mexico"]);
        assert_eq!(names("A North Dakota Highway Patrol trooper arrived."), ["North Dakota"]);
        // A longer name is some other body's, and a sentence's first word alone no area.
        assert!(names("The Marlow County Sheriff's Office said.").is_empty());
        assert!(names("Police said a man was shot.").is_empty());
    }
}
