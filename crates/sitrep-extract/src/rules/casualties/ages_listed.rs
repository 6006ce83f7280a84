//! Plural victims counted by the ages listed after them.
//!
//! ## What it handles
//! "shot and killed his sons, ages 3 and 4" → killed 2; "the victims, ages 19, 20 and 22, were
//! wounded" → injured 3: a plural victim noun, a comma, "ages"/"aged" or nothing, and a list of
//! ages; the casualty cue just before the noun (its object) or just after the list.
//!
//! ## What it leaves alone
//! A noun already counted ("two boys, 15 and 16": the count tells); a list that is not closed
//! by a comma, a full stop or a parenthesis; lists of one.

use sitrep_annotate::Annotations;
use sitrep_annotate::en::tokens::TokenKind;
use sitrep_model::Span;

use super::Found;

/// How far before the noun its verb may stand ("killed his two young sons"), and how far after
/// the list ("were all wounded").
const REACH: usize = 4;

pub fn claims(a: &Annotations, sentence: Span, first: usize, last: usize, found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for v in a.victims.iter().filter(|v| v.start >= first && v.end < last) {
        let noun = &a.words[v.end - 1];
        if !(noun.ends_with('s') || matches!(noun.as_str(), "children" | "men" | "women" | "people")) {
            continue;
        }
        let Some((ages, end)) = ages_after(a, v.end, last) else { continue };
        let span = Span::new(a.tokens[v.start].span.start, a.tokens[end - 1].span.end);
        if found.iter().any(|f| f.span.start < span.end && f.span.end > span.start) {
            continue;
        }
        let before = a.cues.iter().rev().find(|c| c.end <= v.start && c.end + REACH > v.start && c.start >= first);
        let after = a.cues.iter().find(|c| c.start >= end && c.start < (end + REACH + 1).min(last));
        let Some(cue) = before.or(after) else { continue };
        if !matches!(cue.value.kind.as_str(), "killed" | "injured" | "shot") {
            continue;
        }
        let kind = super::kind_of(a, cue);
        let one = super::singular_victim::one(kind, v.value.category.clone(), v.value.tags.clone(), span, sentence);
        out.push(Found { value: ages, ..one });
    }
    out
}

/// The number of ages listed from token `at` (", ages 3 and 4,"), and the token after the list.
fn ages_after(a: &Annotations, at: usize, last: usize) -> Option<(u32, usize)> {
    if a.words.get(at).is_none_or(|w| w != ",") {
        return None;
    }
    let mut i = at + 1;
    if a.words.get(i).is_some_and(|w| w == "ages" || w == "aged") {
        i += 1;
    }
    let mut ages = 0;
    while i < last {
        let is_age = a.tokens[i].kind == TokenKind::Number && a.words[i].parse::<u32>().is_ok_and(|n| n <= 120);
        if is_age {
            ages += 1;
            i += 1;
        } else if matches!(a.words[i].as_str(), "," | "and")
            && a.tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Number)
        {
            i += 1;
        } else {
            break;
        }
    }
    let closed = i >= last || matches!(a.words[i].as_str(), "," | "." | ")" | ";");
    (ages >= 2 && closed).then_some((ages, i))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn plural_victims_counted_by_their_ages() {
        let found = short("Fuller shot and killed his sons, ages 3 and 4, then turned the gun on himself.");
        assert!(found.contains(&row("killed", 2, "civilians")), "{found:?}");
        let found = short("The victims, ages 19, 20 and 22, were wounded.");
        assert!(found.contains(&row("injured", 3, "all")), "{found:?}");
    }

    #[test]
    fn a_counted_noun_or_a_single_age_is_left_alone() {
        let found = short("Two boys, 15 and 16, were shot.");
        assert_eq!(found, vec![row("shot", 2, "civilians")]);
        assert!(short("His son, 15, was hurt.").iter().all(|r| r.1 == 1));
    }
}
