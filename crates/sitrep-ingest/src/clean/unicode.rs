//! Unicode normalisation of characters: NFC, one form for quotes and dashes, invisible and
//! direction-control characters removed, every kind of space made a plain space.
//!
//! Example: `“Three ‒ four” people\u{a0}died` → `"Three - four" people died`.
//! Not here: line and paragraph structure (`paragraphs`), which needs the newlines kept.

use unicode_normalization::UnicodeNormalization;

/// Normalises characters, keeping newlines so paragraphs can still be found.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
            // Hyphens, figure and en dashes and the minus sign join words and ranges: "10-15".
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => out.push('-'),
            // Em dash and horizontal bar separate clauses and signatures: one form for both.
            '\u{2014}' | '\u{2015}' => out.push('\u{2014}'),
            '\u{2026}' => out.push_str("..."),
            // Invisible: zero-width space, word joiner, BOM, soft hyphen, direction marks.
            '\u{200B}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => {}
            '\r' => {}
            '\n' => out.push('\n'),
            c if c.is_whitespace() => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn quotes_dashes_and_spaces() {
        assert_eq!(
            normalize("“Three ‒ four” people\u{a0}died — police\u{200b} said it’s so\r\n"),
            "\"Three - four\" people died \u{2014} police said it's so\n"
        );
    }

    #[test]
    fn composed_forms() {
        assert_eq!(normalize("cafe\u{301}"), "caf\u{e9}");
    }

    #[test]
    fn arabic_letters_and_joiners_survive() {
        // ZWNJ carries meaning in Persian and Arabic-script text and stays.
        assert_eq!(normalize("مقتل\u{200c}ثلاثة"), "مقتل\u{200c}ثلاثة");
    }
}
