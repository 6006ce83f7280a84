//! English tokens with byte offsets: words (with inner apostrophes, hyphens and the dots of
//! abbreviations: "don't", "pro-Assad", "U.S."), numbers (with separators and decimals:
//! "3,000", "2.5", "17-year-old" is a word), and single punctuation marks.
//!
//! Not here: what a token means (numbers' values, lexicon entries): later layers read spans.

use sitrep_model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Splits `text` into tokens; whitespace separates, never appears in a token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            tokens.push(Token { span: Span::new(start, start + c.len_utf8()), kind: TokenKind::Punct });
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut all_digits = c.is_ascii_digit();
        while let Some(&(i, next)) = chars.peek() {
            if next.is_alphanumeric() {
                all_digits &= next.is_ascii_digit();
                end = i + next.len_utf8();
                chars.next();
                continue;
            }
            // A joiner stays inside the token when a letter or digit follows it.
            let joins = matches!(next, '\'' | '-' | '.' | ',' | '’' | '/');
            let after = text[i + next.len_utf8()..].chars().next();
            let keeps = joins
                && after.is_some_and(char::is_alphanumeric)
                && match next {
                    // "3,000" and "2.5" inside numbers; "U.S." and "a.m." inside abbreviations.
                    ',' => all_digits && after.is_some_and(|a| a.is_ascii_digit()),
                    '.' => {
                        (all_digits && after.is_some_and(|a| a.is_ascii_digit()))
                            || is_abbreviation_dot(bytes, start, i)
                    }
                    '/' => all_digits && after.is_some_and(|a| a.is_ascii_digit()),
                    _ => true,
                };
            if !keeps {
                break;
            }
            all_digits &= next == ',' || next == '.' || next == '/';
            end = i + next.len_utf8();
            chars.next();
        }
        // The final dot of an abbreviation like "U.S." belongs to it.
        if text[start..end].contains('.') && bytes.get(end) == Some(&b'.') && !all_digits {
            end += 1;
            chars.next();
        }
        let kind = if all_digits { TokenKind::Number } else { TokenKind::Word };
        tokens.push(Token { span: Span::new(start, end), kind });
    }
    tokens
}

/// A dot between single letters ("U.S", "a.m"): each piece so far is one letter long.
fn is_abbreviation_dot(bytes: &[u8], start: usize, dot: usize) -> bool {
    let piece_start = bytes[start..dot].iter().rposition(|b| *b == b'.').map_or(start, |p| start + p + 1);
    dot - piece_start == 1 && bytes.get(dot + 2).is_none_or(|b| !b.is_ascii_alphabetic())
}

/// A text's tokens and their lowercased words, for the tests of the layers that read both.
#[cfg(test)]
pub(crate) fn tokens_and_words(text: &str) -> (Vec<Token>, Vec<String>) {
    let tokens = tokenize(text);
    let words = tokens.iter().map(|t| t.span.slice(text).to_lowercase()).collect();
    (tokens, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            words("Gunmen killed 3,000 pro-Assad fighters, police said."),
            vec!["Gunmen", "killed", "3,000", "pro-Assad", "fighters", ",", "police", "said", "."]
        );
    }

    #[test]
    fn abbreviations_keep_their_dots() {
        assert_eq!(words("U.S. forces at 7 a.m. Friday"), vec!["U.S.", "forces", "at", "7", "a.m.", "Friday"]);
    }

    #[test]
    fn apostrophes_decimals_and_ages() {
        assert_eq!(
            words("the victim's 2.5 km, a 17-year-old"),
            vec!["the", "victim's", "2.5", "km", ",", "a", "17-year-old"]
        );
        assert_eq!(tokenize("3,000")[0].kind, TokenKind::Number);
        assert_eq!(tokenize("17-year-old")[0].kind, TokenKind::Word);
    }

    #[test]
    fn a_sentence_end_glued_to_the_next_word_is_two_tokens() {
        assert_eq!(words("died.The"), vec!["died", ".", "The"]);
    }

    #[test]
    fn offsets_are_bytes_in_arabic_too() {
        let text = "قتل ٣ أشخاص";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        assert_eq!(words(text).len(), 3);
    }
}
