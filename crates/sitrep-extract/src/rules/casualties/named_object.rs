//! Victims named as the object of an active casualty verb count one person each, and the
//! names are kept.
//!
//! ## What it handles
//! "a rifle went off, killing Ann Reed" → killed 1; "the suspect shot Tom Vale" → shot 1;
//! "killing Ann Reed and Bo Li" → killed 2 (each name once).
//!
//! ## What it leaves alone
//! A capitalised word that is a place, a date, a people's name or a victim word ("killed
//! Syrian soldiers", "shot Monday", "killed in Marlow"); sentences in title case, where every
//! word looks like a name ("Man Killed In Shooting"); a passive cue ("was shot Friday").

use sitrep_annotate::Annotations;
use sitrep_model::Span;

use super::Found;

/// Most names a list of victims may hold before it is more likely something else.
const MOST_NAMES: usize = 4;

pub fn claims(a: &Annotations, sentence: Span, first: usize, last: usize, found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    // Read only once a cue could take a name: most sentences have none.
    let mut title_case = None;
    for cue in a.cues.iter().filter(|c| c.start >= first && c.end < last) {
        if !matches!(cue.value.kind.as_str(), "killed" | "injured" | "shot") || !is_active_verb(&a.words[cue.end - 1]) {
            continue;
        }
        if *title_case.get_or_insert_with(|| crate::rules::reports::headline::title_case(sentence.slice(&a.text))) {
            return out;
        }
        // A cue that takes its victim from before it ("was shot Friday", "died Monday") has no object.
        if super::subject::victim_before(a, cue.start, first).is_some() {
            continue;
        }
        let mut names = Vec::new();
        let mut at = cue.end;
        let mut end = at;
        while names.len() < MOST_NAMES
            && let Some(name_end) = name_at(a, at, last)
        {
            names.push((at..name_end).map(|i| a.tokens[i].span.slice(&a.text)).collect::<Vec<_>>().join(" "));
            end = name_end;
            match a.words.get(name_end).map(String::as_str) {
                Some("and" | ",") => at = name_end + 1,
                _ => break,
            }
        }
        if names.is_empty() {
            continue;
        }
        let span = Span::new(a.tokens[cue.start].span.start, a.tokens[end - 1].span.end);
        if found.iter().any(|f| f.span.start < span.end && f.span.end > span.start) {
            continue;
        }
        let person = super::singular_victim::one(super::kind_of(a, cue), "all".into(), Vec::new(), span, sentence);
        out.push(Found { value: names.len() as u32, victims: names, ..person });
    }
    out
}

/// "killing", "killed", "shot", "wounding", "kills", "shoots": the verb forms that take an
/// object (not "deaths", "dead", "injuries").
pub(super) fn is_active_verb(word: &str) -> bool {
    word.ends_with("ing") || word.ends_with("ed") || matches!(word, "shot" | "shoots" | "kills" | "hurt")
}

/// The end of a person's name of one to three capitalised words starting at `at`, when
/// nothing makes it something else.
fn name_at(a: &Annotations, at: usize, last: usize) -> Option<usize> {
    let mut end = at;
    while end < last && end < at + 3 && super::named_victim::is_name_word(a, end) {
        end += 1;
    }
    if end == at {
        return None;
    }
    let (from, to) = (a.tokens[at].span.start, a.tokens[end - 1].span.end);
    let overlaps = |s: Span| s.start < to && s.end > from;
    let something_else = a.places.iter().any(|p| overlaps(p.span))
        || a.dates.iter().any(|d| overlaps(d.span))
        || a.victims.iter().any(|v| v.start < end + 2 && v.end > at)
        || a.triggers.iter().any(|t| overlaps(t.span));
    (!something_else).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn a_named_object_counts_one_each() {
        assert_eq!(short("Deputies said a hunting rifle went off, killing Ann."), vec![row("killed", 1, "all")]);
        assert_eq!(short("The suspect pulled out a gun and shot Tom Vale."), vec![row("shot", 1, "all")]);
        assert_eq!(short("The gunman fled after killing Ann Reed and Bo Li."), vec![row("killed", 2, "all")]);
    }

    #[test]
    fn places_dates_peoples_and_headlines_are_not_names() {
        assert_eq!(short("Police said gunmen shot Saturday at a passing car."), vec![]);
        assert_eq!(short("Rebels killed Syrian soldiers near the border."), vec![]);
        assert_eq!(short("Man Shot And Killed Outside Marlow Bar"), vec![row("killed", 1, "all")]);
    }
}
