//! English quantities: counts that may be counts of people, with their qualifier.
//!
//! ## What it handles
//! Digits with separators ("3,000"), number words ("four", "twenty-eight", "two hundred",
//! "a dozen"), explicit zeros ("no one", "nobody", "none"), qualifiers before the number ("more
//! than 70", "at least 48", "nearly 20", "exceeds 70"), ranges ("between 10 and 15", "10 to 15",
//! "10-15"), vague quantities coded by ACLED's table ("dozens" → 12, "several" → 3) with the word
//! kept. Word lists are in `lexicons/en/numbers.toml`.
//!
//! ## What it leaves alone
//! Numbers that are not counts: years ("in 1977"), days of dates ("March 7"), times ("10:30",
//! "7 p.m."), ages ("a 17-year-old" is one word; "aged 17"; "John Doe, 23,"), money, measures
//! and calibres ("14 hours", "9 mm", "$5"), identifiers ("Route 9", "No. 4"), decimals,
//! ordinals ("third", "1st"). Whether a count is of people is the claim rules' job.

use std::collections::HashMap;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use sitrep_model::Span;

use super::tokens::{Token, TokenKind};
use crate::matcher::PhraseLexicon;

const LEXICON: &str = include_str!("../../../../lexicons/en/numbers.toml");

#[derive(Deserialize)]
struct NotCounts {
    units_after: Vec<String>,
    markers_before: Vec<String>,
    family_of: Vec<String>,
}

#[derive(Deserialize)]
struct Lexicon {
    cardinals: HashMap<String, u64>,
    scales: HashMap<String, u64>,
    vague: HashMap<String, u64>,
    qualifiers: HashMap<String, String>,
    not_counts: NotCounts,
}

/// The lexicon as the grammar reads it: hashed by FxHash, as every token is looked up.
struct Tables {
    cardinals: FxHashMap<String, u64>,
    scales: FxHashMap<String, u64>,
    /// Vague words with their coded value and the word as the lexicon writes it.
    vague: PhraseLexicon<(u64, String)>,
    qualifiers: PhraseLexicon<String>,
    units_after: FxHashSet<String>,
    markers_before: FxHashSet<String>,
    family_of: FxHashSet<String>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let lexicon: Lexicon = toml::from_str(LEXICON).expect("lexicons/en/numbers.toml is valid");
        Tables {
            cardinals: lexicon.cardinals.into_iter().collect(),
            scales: lexicon.scales.into_iter().collect(),
            vague: PhraseLexicon::new(lexicon.vague.into_iter().map(|(k, n)| (k.clone(), (n, k)))),
            qualifiers: PhraseLexicon::new(lexicon.qualifiers),
            units_after: lexicon.not_counts.units_after.into_iter().collect(),
            markers_before: lexicon.not_counts.markers_before.into_iter().collect(),
            family_of: lexicon.not_counts.family_of.into_iter().collect(),
        }
    })
}

/// A count as the text states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// From the qualifier (if any) to the end of the number.
    pub span: Span,
    pub value: u64,
    pub high: Option<u64>,
    /// `exact`, `more_than`, `at_least`, `up_to`, `about`, `vague`.
    pub qualifier: String,
    pub vague_word: Option<String>,
}

/// Lowercased token texts, the grammar's view of the text.
fn lower_words(text: &str, tokens: &[Token]) -> Vec<String> {
    tokens.iter().map(|t| t.span.slice(text).to_lowercase()).collect()
}

/// All quantities in `text`.
pub fn quantities(text: &str, tokens: &[Token]) -> Vec<Quantity> {
    quantities_in(text, tokens, &lower_words(text, tokens))
}

/// All quantities in `text`, whose lowercased tokens are `words` (as `Annotations` has them).
pub fn quantities_in(text: &str, tokens: &[Token], words: &[String]) -> Vec<Quantity> {
    let t = tables();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let (qualifier, j) = match t.qualifiers.longest_at(words, i) {
            Some(m) => (Some(m.value.clone()), m.end),
            None => (None, i),
        };
        // "between 10 and 15"
        if words.get(j).map(String::as_str) == Some("between")
            && let Some((low, after_low)) = count_at(tokens, words, j + 1)
            && words.get(after_low).map(String::as_str) == Some("and")
            && let Some((high, end)) = count_at(tokens, words, after_low + 1)
        {
            out.push(Quantity {
                span: Span::new(tokens[i].span.start, tokens[end - 1].span.end),
                value: low,
                high: Some(high),
                qualifier: qualifier.unwrap_or_else(|| "exact".into()),
                vague_word: None,
            });
            i = end;
            continue;
        }
        if let Some((value, end)) = count_at(tokens, words, j) {
            let mut quantity = Quantity {
                span: Span::new(tokens[i].span.start, tokens[end - 1].span.end),
                value,
                high: None,
                qualifier: qualifier.clone().unwrap_or_else(|| "exact".into()),
                vague_word: None,
            };
            quantity.high = digit_range(&words[j]).map(|(_, high)| high);
            let mut next = end;
            // "10 to 15", "10 or 12"
            if matches!(words.get(end).map(String::as_str), Some("to" | "or"))
                && let Some((high, range_end)) = count_at(tokens, words, end + 1)
                && high > value
            {
                quantity.high = Some(high);
                quantity.span.end = tokens[range_end - 1].span.end;
                next = range_end;
            }
            if is_count(text, tokens, words, i, next) {
                out.push(quantity);
            }
            i = next;
            continue;
        }
        if let Some(m) = t.vague.longest_at(words, j) {
            let (value, word) = m.value;
            // "some" is a vague quantity only before a plural noun ("some residents"), not as a
            // qualifier of a number, which was tried above.
            let end = m.end;
            let followed_by_word = tokens.get(end).is_some_and(|t| t.kind == TokenKind::Word);
            // "how many", "so many", "too many": a question or an exclamation, no count.
            let exclaimed = j > 0 && matches!(words[j - 1].as_str(), "how" | "so" | "too" | "as");
            // "shot multiple times", "several hours later": a unit after it, no count of people.
            let measured = words.get(end).is_some_and(|w| t.units_after.contains(w.as_str()));
            if exclaimed || measured {
                i = end;
                continue;
            }
            if followed_by_word || word != "some" {
                out.push(Quantity {
                    span: Span::new(tokens[i].span.start, tokens[end - 1].span.end),
                    value: *value,
                    high: None,
                    qualifier: "vague".into(),
                    vague_word: Some(word.clone()),
                });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// A number starting at token `at`: its value and the index after it.
fn count_at(tokens: &[Token], words: &[String], at: usize) -> Option<(u64, usize)> {
    let t = tables();
    let token = tokens.get(at)?;
    let word = words.get(at)?;
    let (mut value, mut end) = if token.kind == TokenKind::Number {
        if word.contains('.') || word.contains('/') {
            return None;
        }
        (word.replace(',', "").parse::<u64>().ok()?, at + 1)
    } else if let Some((low, _)) = digit_range(word) {
        // "10-15" is one token; `quantities` reads its high end.
        (low, at + 1)
    } else if matches!(word.as_str(), "no" | "nobody" | "none") {
        let end = if word == "no" && words.get(at + 1).map(String::as_str) == Some("one") { at + 2 } else { at + 1 };
        if word == "no" && !tokens.get(at + 1).is_some_and(|t| t.kind == TokenKind::Word) {
            return None;
        }
        return Some((0, end));
    } else if matches!(word.as_str(), "a" | "an") {
        // "a dozen", "a hundred", "a couple of": "a" alone is not a number.
        let next = words.get(at + 1)?;
        if next == "dozen" {
            return Some((12, at + 2));
        }
        if matches!(next.as_str(), "couple" | "pair") && words.get(at + 2).map(String::as_str) == Some("of") {
            return Some((2, at + 3));
        }
        let scale = *t.scales.get(next.as_str())?;
        return Some((scale, at + 2));
    } else if matches!(word.as_str(), "couple" | "pair" | "dozen") {
        return None;
    } else {
        (word_number(word)?, at + 1)
    };
    if let Some(scale) = words.get(end).and_then(|w| t.scales.get(w.as_str())) {
        value *= scale;
        end += 1;
    }
    Some((value, end))
}

/// "twenty-eight" → 28, "four" → 4.
pub fn word_number(word: &str) -> Option<u64> {
    let t = tables();
    if matches!(word, "a" | "an" | "no" | "none" | "zero") {
        return None;
    }
    if let Some(v) = t.cardinals.get(word) {
        return Some(*v);
    }
    let (tens, unit) = word.split_once('-')?;
    let tens = *t.cardinals.get(tens).filter(|v| **v >= 20 && **v % 10 == 0)?;
    let unit = *t.cardinals.get(unit).filter(|v| (1..=9).contains(*v))?;
    Some(tens + unit)
}

/// "10-15" → (10, 15).
fn digit_range(word: &str) -> Option<(u64, u64)> {
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (a, b) = word.split_once('-')?;
    let (a, b) = (a.parse().ok()?, b.parse().ok()?);
    (a < b).then_some((a, b))
}

/// False for numbers that are years, dates, times, ages, measures or identifiers.
fn is_count(text: &str, tokens: &[Token], words: &[String], start: usize, end: usize) -> bool {
    let t = tables();
    let first = &words[start];
    let number_token =
        tokens.iter().enumerate().skip(start).take(end - start).find(|(_, t)| t.kind == TokenKind::Number);
    if let Some((index, token)) = number_token {
        let digits = token.span.slice(text);
        // A year: four digits without a separator in the range of years.
        if digits.len() == 4 && digits.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y)) {
            return false;
        }
        // A time: "10:30", either half (a colon touching it: "Police: 4 people shot" is a count).
        let colon = |j: usize| words.get(j).is_some_and(|w| w == ":");
        let touching = |a: usize, b: usize| tokens[a].span.end == tokens[b].span.start;
        if (colon(index + 1) && touching(index, index + 1))
            || (index > 0 && colon(index - 1) && touching(index - 1, index))
        {
            return false;
        }
        // "[21][46]": a reference mark, as encyclopedias cite.
        if index > 0 && words[index - 1] == "[" && words.get(index + 1).is_some_and(|w| w == "]") {
            return false;
        }
        // "FOX 46 Charlotte", "(LEX 18)": a broadcaster's call sign and channel, not a count.
        let call_sign = |j: usize| {
            let w = tokens[j].span.slice(text);
            tokens[j].kind == TokenKind::Word && (2..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
        };
        if index > 0 && call_sign(index - 1) && !(index > 1 && call_sign(index - 2)) {
            return false;
        }
        // "Image 1 of 44", "1 of / 44": a place in a numbered series, and the series' length.
        if index >= 2 && words[index - 1] == "/" && words[index - 2] == "of" {
            return false;
        }
        if index >= 2 && words[index - 1] == "of" && tokens[index - 2].kind == TokenKind::Number {
            return false;
        }
        // "the winter of '96": a year with its century cut off.
        if index > 0 && matches!(words[index - 1].as_str(), "'" | "’") && tokens[index - 1].span.end == token.span.start
        {
            return false;
        }
        if digits.parse::<u32>().is_ok_and(|n| n <= 120) && is_age(text, tokens, words, index) {
            return false;
        }
    }
    // "Route 9", "March 7", "aged 17", "$5", "No. 4" — unless a qualifier opens the quantity
    // ("at least 3" starts with its own words).
    let qualified = t.qualifiers.starts_with(first);
    // "a mother of three": the family's size.
    if start >= 2 && words[start - 1] == "of" && t.family_of.contains(words[start - 2].as_str()) {
        return false;
    }
    if !qualified && word_before(tokens, words, start).is_some_and(|w| t.markers_before.contains(w.as_str())) {
        return false;
    }
    if let Some(after) = words.get(end) {
        if t.units_after.contains(after.as_str()) {
            return false;
        }
        // "7 March", "7th": a day of a month.
        if is_month(after) {
            return false;
        }
    }
    true
}

/// Whether the number at token `index` (120 or less) is someone's age, as English writes ages
/// beside names and people rather than before the noun they count.
fn is_age(text: &str, tokens: &[Token], words: &[String], index: usize) -> bool {
    let t = tables();
    let capitalised = |j: usize| {
        tokens.get(j).is_some_and(|t| t.kind == TokenKind::Word && t.span.slice(text).starts_with(char::is_uppercase))
    };
    let word = |j: usize| words.get(j).map(String::as_str);
    let number_at = |j: usize| tokens.get(j).is_some_and(|t| t.kind == TokenKind::Number);
    let before = |k: usize| index.checked_sub(k).and_then(word);
    // "16- year-old", "12- and 10-year-old sons", "a 14-, 15-, and 17-year-old": the first
    // part of a compound age.
    if word(index + 1) == Some("-")
        && word(index + 2).is_some_and(|w| matches!(w, "and" | "to" | ",") || t.units_after.contains(w))
    {
        return true;
    }
    // "younger than 12", "older than 65", "16 or younger": an age bound.
    if before(1) == Some("than") && matches!(before(2), Some("younger" | "older")) {
        return true;
    }
    if word(index + 1) == Some("or") && matches!(word(index + 2), Some("younger" | "older" | "under" | "over")) {
        return true;
    }
    // "two boys, 15 and 16, were shot": a pair of ages between commas after a noun.
    let closes = |j: usize| matches!(word(j), Some("," | "." | ")"));
    let noun = |k: usize| before(k).is_some_and(|w| w.chars().all(char::is_alphabetic));
    let first_of_pair = before(1) == Some(",")
        && noun(2)
        && word(index + 1) == Some("and")
        && number_at(index + 2)
        && closes(index + 3);
    let second_of_pair = before(1) == Some("and")
        && index >= 2
        && number_at(index - 2)
        && before(3) == Some(",")
        && noun(4)
        && closes(index + 1);
    if first_of_pair || second_of_pair {
        return true;
    }
    // "Robert Atkins 21, was found": an age right after a full name.
    if index >= 2 && word(index + 1) == Some(",") && capitalised(index - 1) && capitalised(index - 2) {
        return true;
    }
    // "Ann Reed, 66 and Bo Reed, 64": an age between a comma and the next name of a list.
    if index >= 2
        && before(1) == Some(",")
        && word(index + 1) == Some("and")
        && capitalised(index + 2)
        && capitalised(index - 2)
    {
        return true;
    }
    // "… and Ginger Reeves, 64 were found dead": the last age of a list of full names, right
    // before the verb (not "In South Marlow, 12 were shot", a place after its preposition).
    if index >= 3
        && before(1) == Some(",")
        && capitalised(index - 2)
        && capitalised(index - 3)
        && !matches!(before(4), Some("in" | "at" | "near" | "from" | "of" | "across" | "outside" | "inside"))
        && matches!(word(index + 1), Some("were" | "was" | "are" | "is" | "died" | "remain" | "remains" | "all"))
    {
        return true;
    }
    // "police said the man was 20 and in good condition": a person's age as what one is.
    let person = |k: usize| {
        index >= k
            && (matches!(before(k), Some("he" | "she"))
                || super::lexicons::victims().longest_at(words, index - k).is_some_and(|m| m.end == index - k + 1))
    };
    if matches!(before(1), Some("was" | "is"))
        && person(2)
        && matches!(word(index + 1), Some("and" | "," | "." | ";" | "when"))
    {
        return true;
    }
    // "ages 25, 26, and 33", "aged 17 or 18", "were 28 and 31 years old": a list of ages.
    if in_list_of_ages(tokens, words, index) {
        return true;
    }
    // "both 24": "both" already counts two people; the number after it is their age.
    if before(1) == Some("both") {
        return true;
    }
    // An age between commas after a name or a person: "John Doe, 23, died", "a man, 22,
    // was", "Tom Vale, also 20,". A count in such a place would need its noun after it.
    let opening = if index >= 2 && matches!(before(1), Some("also" | "both" | "now")) { index - 1 } else { index };
    opening >= 2
        && words[opening - 1] == ","
        // "Chaz Fain, 18.", "Ann Reed, 30; Bo Li, 21", "Jo Sutton, 32 of Dunbar" (a place; not
        // "5 of them"), "– Ed Rios, 16, and Mel Vega, 13 – died" (the dash closing an aside).
        && match word(index + 1) {
            Some("," | ")" | ";" | "." | "–" | "—") => true,
            // A spaced dash, as cleaning writes any dash ("Mel Vega, 13 - died"); not a range.
            Some("-") => !number_at(index + 2),
            Some("of") => capitalised(index + 2),
            _ => false,
        }
        && {
            // "Bo Li Jr., 19,": past the abbreviation's full stop.
            let name = if words[opening - 2] == "." && opening >= 3 { &words[opening - 3] } else { &words[opening - 2] };
            name.chars().any(char::is_alphabetic) && !name.chars().any(|c| c.is_ascii_digit())
        }
}

/// Whether the number at `index` stands in a list of numbers opened by "ages"/"aged" or
/// closed by "years old".
fn in_list_of_ages(tokens: &[Token], words: &[String], index: usize) -> bool {
    let listed =
        |i: usize| tokens[i].kind == TokenKind::Number || matches!(words[i].as_str(), "," | "and" | "or" | "to");
    let before = (0..index).rev().find(|&i| !listed(i));
    let after = (index + 1..words.len()).find(|&i| !listed(i));
    // "between the ages of 21 and 58": past "of", "the", "between".
    let opening = before.map(|mut i| {
        while i > 0 && matches!(words[i].as_str(), "of" | "the" | "between" | "from") {
            i -= 1;
        }
        i
    });
    opening.is_some_and(|i| matches!(words[i].as_str(), "aged" | "ages" | "age"))
        || after.is_some_and(|i| {
            matches!(words[i].as_str(), "years" | "year")
                && (words.get(i + 1).is_some_and(|w| w == "old")
                    || (words.get(i + 1).is_some_and(|w| w == "of") && words.get(i + 2).is_some_and(|w| w == "age")))
        })
}

/// The word before token `at`, with its full stop when glued to it ("No." in "No. 4").
fn word_before(tokens: &[Token], words: &[String], at: usize) -> Option<String> {
    let previous = words.get(at.checked_sub(1)?)?;
    if previous == "." && at >= 2 && tokens[at - 2].span.end == tokens[at - 1].span.start {
        return Some(format!("{}.", words[at - 2]));
    }
    Some(previous.clone())
}

fn is_month(word: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// (value, high, qualifier, vague word, quoted text) of each quantity.
    type Found = (u64, Option<u64>, String, Option<String>, String);

    fn q(text: &str) -> Vec<Found> {
        quantities(text, &tokenize(text))
            .into_iter()
            .map(|q| (q.value, q.high, q.qualifier, q.vague_word, q.span.slice(text).to_owned()))
            .collect()
    }

    fn values(text: &str) -> Vec<u64> {
        q(text).into_iter().map(|x| x.0).collect()
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(values("3,000 people fled; four died and twenty-eight were hurt"), vec![3000, 4, 28]);
        assert_eq!(values("the death toll was 20."), vec![20]);
        assert_eq!(values("two hundred troops and a dozen police"), vec![200, 12]);
        // After a headline's colon, not a time.
        assert_eq!(values("Police: 4 people shot"), vec![4]);
        assert_eq!(values("In South Marlow, 12 were shot"), vec![12]);
        // A family's size is its members ("a mother of three" is not: see below).
        assert_eq!(values("a family of five died"), vec![5]);
    }

    #[test]
    fn qualifiers() {
        let got = q("more than 70 people dead, at least 48 deaths, nearly 20 hurt; the toll exceeds 70");
        let quals: Vec<&str> = got.iter().map(|x| x.2.as_str()).collect();
        assert_eq!(quals, vec!["more_than", "at_least", "about", "more_than"]);
        assert_eq!(got[0].4, "more than 70");
    }

    #[test]
    fn ranges() {
        assert_eq!(q("between 10 and 15 people")[0].1, Some(15));
        assert_eq!(q("10 to 15 people")[0].1, Some(15));
        assert_eq!(q("10-15 people")[0].1, Some(15));
    }

    #[test]
    fn vague_words_are_coded_and_kept() {
        let got = q("dozens of deaths and several injured, a few captives; many others");
        assert_eq!(got.iter().map(|x| x.0).collect::<Vec<_>>(), vec![12, 3, 3, 10]);
        assert_eq!(got[0].3.as_deref(), Some("dozens"));
        assert_eq!(got[2].3.as_deref(), Some("a few"));
        // How often, how long: no count of people.
        assert!(q("he was shot multiple times, several hours later").is_empty());
    }

    #[test]
    fn explicit_zeros() {
        assert_eq!(values("no one was hurt"), vec![0]);
        assert_eq!(values("there were no injuries"), vec![0]);
        assert_eq!(values("nobody died"), vec![0]);
    }

    #[test]
    fn numbers_that_are_not_counts() {
        for text in [
            "in 1977 and from 1987 to 2002",
            "on March 7 and 7 March",
            "at 10:30 and 7 p.m.",
            "a 17-year-old and a man aged 17",
            "John Doe, 23, died",
            "Dennis Reed, 66 and Ginger Reed, 64 were found dead",
            "the man, 22, was pronounced dead",
            "Tom Vale, also 20, was arrested",
            "Ann Acosta-Reed, 18, died",
            "girls, ages 11 and 12, were shot",
            "the men, ages 25, 26, and 33, were hurt",
            "those hurt were 28 and 31 years old",
            "Bo Li Jr., 19, was shot",
            "a mother of three was shot",
            "he called 911 to report it",
            "a girl, 13, killed in a drive-by",
            "fighting for 14 hours over 5 km",
            "a 9 mm pistol and $5",
            "on Route 9 near No. 4",
            "in the winter of '96",
            "FOX 46 Charlotte reported",
            "Image 1 of 44",
            "men between the ages of 21 and 58",
            "a girl calling 911",
            "shooting and killing Chaz Fain, 18.",
            "Jo Sutton, 32 of Dunbar, was killed",
            "Robert Atkins 21, was found dead",
            "his 12- and 10-year-old sons",
            "the victims are males 17 and 33 years of age",
            "they died.[21][46]",
            "until he turned 21",
            "how many have to die",
            "the men, who ranged in age from 20 to 22, were hurt",
            "a boy younger than 12 was shot",
            "the boys, all 16 or younger, were shot",
            "the boys, 15 and 16, were shot",
            "a 14-, 15-, and 17-year-old were shot",
            "so many kids are getting killed",
            "Ann Reed, 66 and Bo Reed, 64, were found",
            "Ann Reed, 30; and Carl Wood, 31 all died",
            "police said the man was 20 and was in good condition",
            "she was 17 when she was shot",
            "the victims – Ed Rios, 16, and Mel Vega, 13 – died",
            "the victims - Ed Rios, 16, and Mel Vega, 13 - died",
            "it grew 2.5 times",
            "the third attack and the 1st victim",
        ] {
            assert_eq!(values(text), Vec::<u64>::new(), "{text}");
        }
    }

    #[test]
    fn a_part_after_a_comma_is_a_count() {
        assert_eq!(values("killed 18 people, 5 of them children"), vec![18, 5]);
    }

    #[test]
    fn both_counts_two_and_the_number_after_it_is_an_age() {
        assert_eq!(values("Ann and Bo, both 24 and from Oslo, died"), vec![2]);
    }

    #[test]
    fn a_qualifier_at_the_end_of_the_text_is_nothing() {
        assert_eq!(values("the standoff is over"), Vec::<u64>::new());
    }

    #[test]
    fn a_alone_is_not_a_number() {
        assert_eq!(values("a man was shot"), Vec::<u64>::new());
    }
}
