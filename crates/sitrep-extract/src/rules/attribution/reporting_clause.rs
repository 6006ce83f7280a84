//! The source named in a sentence's reporting clause.
//!
//! ## What it handles
//! "according to X" / "citing X" → X; "X said" / "X reported" / "X stated in a post" → X (the
//! words before the verb back to a comma, a quote or the clause's start); "said X, a security
//! official" → X. Leading articles are dropped: "the provincial police said" → "provincial
//! police". Word lists: `lexicons/en/attribution.toml`.
//!
//! ## What it leaves alone
//! Normalising the source to a known claimant ("the Observatory" → SOHR) and relayed sources
//! ("a war monitor said, according to Al-Arabiya"): the claimant lexicon's job, next.

use std::sync::OnceLock;

use serde::Deserialize;
use sitrep_annotate::Annotations;
use sitrep_annotate::matcher::PhraseLexicon;

const LEXICON: &str = include_str!("../../../../../lexicons/en/attribution.toml");

#[derive(Deserialize)]
struct Lexicon {
    verbs: Vec<String>,
    before_source: Vec<String>,
}

fn lexicon() -> &'static (Vec<String>, PhraseLexicon<()>) {
    static L: OnceLock<(Vec<String>, PhraseLexicon<()>)> = OnceLock::new();
    L.get_or_init(|| {
        let l: Lexicon = toml::from_str(LEXICON).expect("lexicons/en/attribution.toml is valid");
        (l.verbs, PhraseLexicon::new(l.before_source.into_iter().map(|p| (p, ()))))
    })
}

/// Words that end a source phrase.
fn ends_phrase(word: &str) -> bool {
    matches!(
        word,
        "," | "." | "\"" | ";" | ":" | "(" | ")" | "that" | "who" | "which" | "on" | "in" | "late" | "early" | "with"
    )
}

/// The source named in tokens `[first, last)`, if any.
pub fn source(text: &str, a: &Annotations, first: usize, last: usize) -> Option<String> {
    let (verbs, before) = lexicon();
    for i in first..last {
        if let Some(m) = before.longest_at(&a.words[..last], i) {
            // "a war monitor said, according to Al-Arabiya": the monitor claims, the outlet relays.
            if let Some(relayed) = said_just_before(text, a, first, i) {
                return Some(relayed);
            }
            let end = (m.end..last).find(|&j| ends_phrase(&a.words[j])).unwrap_or(last);
            if let Some(phrase) = phrase(text, a, m.end, end) {
                return Some(phrase);
            }
        }
    }
    for i in first..last {
        if !verbs.contains(&a.words[i]) {
            continue;
        }
        // "X said": the words before the verb, past an acronym in brackets ("the Syrian
        // Observatory for Human Rights (SOHR) reported").
        let mut head_end = i;
        if i > first + 1 && a.words[i - 1] == ")" {
            head_end = (first..i - 1).rev().find(|&j| a.words[j] == "(").unwrap_or(i);
        }
        let start =
            (first..head_end).rev().find(|&j| ends_phrase(&a.words[j]) && a.words[j] != "on").map_or(first, |j| j + 1);
        if head_end - start <= 8
            && let Some(phrase) = phrase(text, a, start, head_end)
        {
            return Some(phrase);
        }
        // "said X, a security official": the words after the verb.
        let end = (i + 1..last).find(|&j| ends_phrase(&a.words[j])).unwrap_or(last);
        if end - i <= 8
            && let Some(phrase) = phrase(text, a, i + 1, end)
        {
            return Some(phrase);
        }
    }
    None
}

/// The subject of "X said," standing right before token `at`.
fn said_just_before(text: &str, a: &Annotations, first: usize, at: usize) -> Option<String> {
    let (verbs, _) = lexicon();
    let mut verb = at.checked_sub(1)?;
    if a.words[verb] == "," {
        verb = verb.checked_sub(1)?;
    }
    if verb < first || !verbs.contains(&a.words[verb]) {
        return None;
    }
    let start = (first..verb).rev().find(|&j| ends_phrase(&a.words[j])).map_or(first, |j| j + 1);
    phrase(text, a, start, verb)
}

/// The text of tokens `[start, end)` without leading articles, if it names someone.
fn phrase(text: &str, a: &Annotations, mut start: usize, mut end: usize) -> Option<String> {
    while start < end && matches!(a.words[start].as_str(), "the" | "a" | "an") {
        start += 1;
    }
    // "the organization had earlier reported": auxiliaries and adverbs are not the source.
    while end > start
        && (matches!(
            a.words[end - 1].as_str(),
            "had" | "has" | "have" | "was" | "is" | "also" | "earlier" | "later" | "then" | "again" | "previously"
        ) || a.words[end - 1].ends_with("ly"))
    {
        end -= 1;
    }
    if start >= end || end - start > 8 {
        return None;
    }
    // A pronoun or a bare verb is not a source.
    if end - start == 1 && matches!(a.words[start].as_str(), "he" | "she" | "they" | "it" | "we" | "i" | "who" | "also")
    {
        return None;
    }
    Some(text[a.tokens[start].span.start..a.tokens[end - 1].span.end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source_of(text: &str) -> Option<String> {
        let a = sitrep_annotate::annotate_text(text, None);
        source(text, &a, 0, a.tokens.len())
    }

    #[test]
    fn an_acronym_in_brackets_before_the_verb() {
        assert_eq!(
            source_of("Four died, the Kivu Security Tracker (KST) reported on Friday.").as_deref(),
            Some("Kivu Security Tracker")
        );
    }

    #[test]
    fn according_to_and_said() {
        assert_eq!(
            source_of("Two died, according to the regional health office.").as_deref(),
            Some("regional health office")
        );
        assert_eq!(source_of("Two people died, police said.").as_deref(), Some("police"));
        assert_eq!(
            source_of("The Harbour Monitor stated in a post that two died.").as_deref(),
            Some("Harbour Monitor")
        );
        assert_eq!(source_of("\"Two of ours died,\" said Tom Reed, a spokesman.").as_deref(), Some("Tom Reed"));
    }

    #[test]
    fn a_relayed_source_is_the_original_one() {
        assert_eq!(
            source_of("Ten people died, a rights monitor said, according to the Daily Lantern.").as_deref(),
            Some("rights monitor")
        );
        assert_eq!(source_of("Ten died, with the monitor confirming the toll.").as_deref(), Some("monitor"));
        assert_eq!(source_of("The group had earlier reported that ten died.").as_deref(), Some("group"));
    }

    #[test]
    fn pronouns_are_not_sources() {
        assert_eq!(source_of("Two people died, he said."), None);
        assert_eq!(source_of("Two people died in the blast."), None);
    }
}
