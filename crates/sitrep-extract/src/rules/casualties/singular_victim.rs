//! Claims without a number: one person, named or described, with a casualty cue.
//!
//! ## What it handles
//! "a man was shot and killed" → killed 1; "killing a man" → killed 1; "a police officer was wounded" → injured 1 (state
//! forces); "a 17-year-old was pronounced dead" → killed 1; "the man died at the hospital",
//! "her son was wounded" (a definite or possessive person); "Man killed, 8 others wounded" (a
//! headline's bare noun opening the sentence).
//!
//! ## What it leaves alone
//! A singular noun already covered by a counted claim; generic mentions without a cue in the
//! same clause; persons named one by one (a later rule).

use sitrep_annotate::Annotations;
use sitrep_model::Span;

use super::{Found, clause};

/// Words between the person and the cue ("a man [in his 20s] was [shot and] killed").
const WINDOW: usize = 6;

pub fn claims(a: &Annotations, sentence: Span, first: usize, last: usize, counted: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    // "shot and killed himself": the shooter is one of the dead.
    for cue in a.cues.iter().filter(|c| c.start >= first && c.end < last && is_person_kind(&c.value.kind)) {
        if matches!(a.words[cue.end].as_str(), "himself" | "herself") {
            let span = Span::new(a.tokens[cue.start].span.start, a.tokens[cue.end].span.end);
            out.push(one(cue.value.kind.clone(), "all".into(), Vec::new(), span, sentence));
        }
    }
    for i in first..last.saturating_sub(1) {
        // "a man", "the man", "her son", "a 17-year-old": a person within two words of an article
        // or possessive; or, opening a headline, the person without one ("Man killed").
        let indefinite = matches!(a.words[i].as_str(), "a" | "an");
        let definite = matches!(a.words[i].as_str(), "the" | "his" | "her" | "their");
        let bare = i == first && !indefinite && !definite;
        let person = if indefinite || definite {
            a.victims
                .iter()
                .find(|v| v.start > i && v.start <= i + 2 && !is_plural(&a.words[v.end - 1]))
                .map(|v| (v.start, v.end, v.value.category.clone(), v.value.tags.clone()))
                .or_else(|| a.words[i + 1].ends_with("-year-old").then(|| (i + 1, i + 2, "all".to_owned(), Vec::new())))
        } else if bare {
            a.victims
                .iter()
                .find(|v| v.start == i && !is_plural(&a.words[v.end - 1]))
                .map(|v| (v.start, v.end, v.value.category.clone(), v.value.tags.clone()))
        } else {
            None
        };
        let Some((_, person_end, category, tags)) = person else { continue };
        // "killing a man", "wounded a passer-by": the person is the object of the cue before.
        if let Some(cue) = a.cues.iter().find(|c| c.end == i && i > first && is_person_kind(&c.value.kind)) {
            let span = Span::new(a.tokens[cue.start].span.start, a.tokens[person_end - 1].span.end);
            if !counted.iter().any(|f| f.span.start <= span.start && f.span.end >= span.end) {
                out.push(one(cue.value.kind.clone(), category, tags, span, sentence));
            }
            continue;
        }
        let (_, clause_end) = clause::around(a, person_end.min(last - 1), first, last);
        let Some(cue) = a.cues.iter().find(|c| {
            c.start >= person_end && c.start < clause_end.min(person_end + WINDOW) && is_person_kind(&c.value.kind)
        }) else {
            continue;
        };
        // A cue later in the clause: "was shot and killed" — the last cue of a chain decides.
        // "The gunman shot two people", "Man kills wife": a definite or headline person is
        // the victim only of a passive or intransitive cue right after it ("the man died",
        // "the officer was wounded", "Man killed"); and "killed himself" is the reflexive's.
        let reflexive = a.words.get(cue.end).is_some_and(|w| matches!(w.as_str(), "himself" | "herself"));
        if definite && (reflexive || super::named_victim::victim_before(a, cue.start, first) != Some(person_end)) {
            continue;
        }
        // A headline drops the auxiliary ("Man killed in shooting"); an object after the verb
        // makes it active ("Gunmen killed 16 soldiers").
        let passive_headline = cue.start == person_end
            && (a.words[cue.start].ends_with("ed") || a.words[cue.start] == "dies")
            && a.words.get(cue.end).is_none_or(|w| {
                matches!(
                    w.as_str(),
                    "," | "." | ":" | ";" | "in" | "at" | "on" | "by" | "after" | "near" | "during" | "outside"
                )
            });
        if bare && !passive_headline {
            continue;
        }
        let mut cue = cue;
        while let Some(next) = super::chained(a, cue.end) {
            cue = next;
        }
        let start = a.tokens[i].span.start;
        let end = a.tokens[cue.end - 1].span.end;
        if counted.iter().any(|f| f.span.start <= start && f.span.end >= end) {
            continue;
        }
        out.push(one(cue.value.kind.clone(), category, tags, Span::new(start, end), sentence));
    }
    out
}

fn is_person_kind(kind: &str) -> bool {
    matches!(kind, "killed" | "injured" | "shot" | "captured" | "arrested" | "missing")
}

/// A claim of one person.
pub(super) fn one(kind: String, category: String, tags: Vec<String>, span: Span, sentence: Span) -> Found {
    Found {
        kind,
        value: 1,
        high: None,
        qualifier: "exact".into(),
        vague_word: None,
        category,
        tags,
        aggregate: false,
        victims: Vec::new(),
        span,
        sentence,
    }
}

pub(super) fn is_plural(word: &str) -> bool {
    (word.ends_with('s') && !word.ends_with("ss"))
        || word.ends_with("men")
        || matches!(word, "people" | "children" | "police")
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn one_person_with_a_cue() {
        assert_eq!(short("A man was shot and killed outside a bar."), vec![row("killed", 1, "all")]);
        assert_eq!(short("A police officer was wounded."), vec![row("injured", 1, "state_forces")]);
        assert_eq!(short("A 17-year-old was pronounced dead at the hospital."), vec![row("killed", 1, "all")]);
        assert_eq!(short("A 16-year-old boy was shot and critically wounded."), vec![row("injured", 1, "civilians")]);
        assert_eq!(short("A woman was shot in the arm."), vec![row("shot", 1, "civilians")]);
        assert_eq!(short("The gunman then shot and killed himself."), vec![row("killed", 1, "all")]);
        assert_eq!(short("The man died at the hospital."), vec![row("killed", 1, "all")]);
        assert_eq!(short("Her son was wounded."), vec![row("injured", 1, "civilians")]);
        assert_eq!(short("The gunman shot two people before he fled."), vec![row("shot", 2, "all")]);
        assert_eq!(short("Man kills neighbour in dispute"), vec![]);
        assert_eq!(
            short("Man killed, 8 others wounded in shooting at party"),
            vec![row("injured", 8, "all"), row("killed", 1, "all")]
        );
    }

    #[test]
    fn no_cue_no_claim() {
        assert_eq!(short("A man walked into the shop."), vec![]);
    }
}
