//! Words broken by an inserted `*` or `.` to get past filters: "mur*dered", "k.illed",
//! "ter*ror*ist". The word is repaired when its joined form is a known word: listed in
//! `lexicons/en/vocabulary.txt`, or written unbroken elsewhere in the same document.
//!
//! Not here: letters replaced by marks ("f**k"), which cannot be restored without guessing;
//! abbreviations and domains ("e.g", "news.example"), whose joined forms are not words.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon;

static BROKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[A-Za-z]*[a-z](?:[*.][a-z]+)+\b").expect("valid regex"));

/// A repaired word: where it now stands in the returned text, and both forms.
#[derive(Debug, Clone, PartialEq)]
pub struct Repaired {
    pub start: usize,
    pub end: usize,
    pub original: String,
    pub repaired: String,
}

/// The lowercase words of a text, the document's own vocabulary.
pub fn words_of(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() >= 4).map(str::to_lowercase).collect()
}

/// Repairs broken words in `text`, knowing the document's own words.
pub fn repair(text: &str, document_words: &HashSet<String>) -> (String, Vec<Repaired>) {
    let vocabulary = lexicon::vocabulary();
    let mut out = String::with_capacity(text.len());
    let mut repairs = Vec::new();
    let mut last = 0;
    for m in BROKEN.find_iter(text) {
        let word = m.as_str();
        let after = &text[m.end()..];
        // A path or a domain goes on with "/" or is led by "://" or "@".
        let in_address = after.starts_with('/') || text[..m.start()].ends_with(['/', '@', ':']);
        let joined: String = word.chars().filter(|c| *c != '*' && *c != '.').collect();
        let lower = joined.to_lowercase();
        if in_address || !(vocabulary.contains(lower.as_str()) || document_words.contains(&lower)) {
            continue;
        }
        out.push_str(&text[last..m.start()]);
        let start = out.len();
        out.push_str(&joined);
        repairs.push(Repaired { start, end: out.len(), original: word.to_owned(), repaired: joined });
        last = m.end();
    }
    out.push_str(&text[last..]);
    (out, repairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_words_are_repaired() {
        let (text, repairs) = repair("Three were mur*dered; two were k.illed.", &HashSet::new());
        assert_eq!(text, "Three were murdered; two were killed.");
        assert_eq!(repairs.len(), 2);
        assert_eq!(&text[repairs[0].start..repairs[0].end], "murdered");
    }

    #[test]
    fn words_of_the_document_are_known_too() {
        let doc = words_of("The checkpoint was closed.");
        assert_eq!(repair("a check*point", &doc).0, "a checkpoint");
    }

    #[test]
    fn abbreviations_domains_and_unknown_joins_stay() {
        let none = HashSet::new();
        for text in ["see e.g. this", "at news.example/killed", "said.the end", "wait*what"] {
            assert_eq!(repair(text, &none).0, text, "{text}");
        }
    }
}
