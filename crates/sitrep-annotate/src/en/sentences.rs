//! English sentences over tokens: a sentence ends at `.`, `!` or `?` (with any closing quotes or
//! brackets after it) when the next token starts a sentence, and always at a paragraph break.
//!
//! Survives abbreviations ("Gen. Smith", "U.S. forces", "7 a.m. Friday" — listed in
//! `lexicons/en/abbreviations.txt`), initials ("John F. Kennedy"), decimals, quotes ("… he
//! said." Police …), headlines and datelines without final punctuation (a paragraph break ends
//! them), and a full stop glued to the next sentence ("died.The").

use std::collections::HashSet;
use std::sync::OnceLock;

use sitrep_model::Span;

use super::tokens::Token;

const ABBREVIATIONS: &str = include_str!("../../../../lexicons/en/abbreviations.txt");

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| ABBREVIATIONS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect())
}

/// Sentence spans over `text`, given its tokens.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut sentences = Vec::new();
    let mut start: Option<usize> = None;
    for (i, token) in tokens.iter().enumerate() {
        let first = *start.get_or_insert(i);
        let next = tokens.get(i + 1);
        let paragraph_break = next.is_some_and(|n| text[token.span.end..n.span.start].contains("\n\n"));
        let ends = paragraph_break || next.is_none() || ends_sentence(text, tokens, i);
        if ends {
            sentences.push(Span::new(tokens[first].span.start, token.span.end));
            start = None;
        }
    }
    sentences
}

/// True when the sentence ends after token `i`.
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    let word = token.span.slice(text);
    let closing = matches!(word, "\"" | "'" | ")" | "]" | "”" | "’");
    // Closing quotes and brackets end a sentence when a terminal mark stands right before them.
    let terminal = match word {
        "." | "!" | "?" => true,
        _ if closing => i > 0 && matches!(tokens[i - 1].span.slice(text), "." | "!" | "?"),
        // An abbreviation token carries its own dot ("U.S.", "a.m."): it is taken as not ending
        // the sentence, the more common reading in news ("U.S. forces", "7 a.m. Friday").
        _ => false,
    };
    if !terminal {
        return false;
    }
    let Some(next) = tokens.get(i + 1) else { return true };
    let next_text = next.span.slice(text);
    // Closing marks that follow belong to this sentence.
    if matches!(next_text, "\"" | "'" | ")" | "]" | "”" | "’") {
        return false;
    }
    let opens = next_text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '(' | '\''));
    if !opens {
        return false;
    }
    if word == "." && i > 0 {
        let before = &tokens[i - 1];
        // "Gen." + "Smith": the dot is glued to an abbreviation or an initial.
        if before.span.end == token.span.start {
            let previous = before.span.slice(text);
            // An initial stands after a capitalised name: "John F. Kennedy", not "a post on X."
            let after_name = i >= 2 && tokens[i - 2].span.slice(text).chars().next().is_some_and(char::is_uppercase);
            let initial = previous.chars().count() == 1 && previous.chars().all(char::is_uppercase) && after_name;
            if initial || abbreviations().contains(previous) {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, &tokenize(text)).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            sentences("Two died. Three were hurt! Why? Police"),
            vec!["Two died.", "Three were hurt!", "Why?", "Police"]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Gen. Tariq Ali said U.S. forces left at 7 a.m. Friday. John F. Kennedy Airport closed."),
            vec!["Gen. Tariq Ali said U.S. forces left at 7 a.m. Friday.", "John F. Kennedy Airport closed."]
        );
    }

    #[test]
    fn a_single_capital_after_a_lowercase_word_is_not_an_initial() {
        assert_eq!(sentences("He wrote on X. The post spread."), vec!["He wrote on X.", "The post spread."]);
    }

    #[test]
    fn quotes_close_the_sentence_they_end() {
        assert_eq!(
            sentences("\"We will find them.\" Police said two men fled."),
            vec!["\"We will find them.\"", "Police said two men fled."]
        );
    }

    #[test]
    fn headlines_and_glued_stops() {
        assert_eq!(
            sentences("Blast hits market\n\nA bomb exploded.Three people died."),
            vec!["Blast hits market", "A bomb exploded.", "Three people died."]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations() {
        assert_eq!(
            sentences("It weighed 2.5 kg. and more. Then it fell."),
            vec!["It weighed 2.5 kg. and more.", "Then it fell."]
        );
    }
}
