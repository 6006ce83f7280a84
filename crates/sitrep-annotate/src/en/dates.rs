//! English dates in the text, resolved against the publication date, with UCDP's precision
//! (1 day, 3 week, 4 month, 5 year) and a role.
//!
//! ## What it handles
//! Absolute dates ("March 7, 2025", "7 March 2025", "Mar. 7", "2025-03-07"), months ("in
//! December", "December 2024"), years ("in 1977", "from 1987 to 2002"), weekdays ("on
//! Thursday", "Thursday evening", "late Friday", "last Tuesday"), relative days ("yesterday",
//! "last night"), weeks and months ("last week", "earlier this week", "earlier this month",
//! "last month"). A weekday or a month without a year is the latest one not after publication.
//!
//! Roles: `reporting` when a verb of reporting or a word of a state stands just before, with no
//! new clause in between ("the monitor said on Wednesday", "in stable condition late Thursday",
//! but not "reported that on Thursday, …"), or a verb of reporting or inquiry right after,
//! between a subject and its verb ("police Sunday identified", "detectives on Monday
//! investigated"); `future` after publication, or a weekday or month
//! named after a word of something to come ("is scheduled to appear in court Monday", "is due in
//! court November 3rd"), which is then the next one, not the last; `past` when it ended more
//! than 30 days before publication (background: "in 1977", "in December" in a March article);
//! else `event`.
//!
//! ## What it leaves alone
//! Relative dates when the publication date is unknown; times of day; numbered weeks.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::Deserialize;
use sitrep_model::Span;

use super::tokens::{Token, TokenKind};

const LEXICON: &str = include_str!("../../../../lexicons/en/calendar.toml");

#[derive(Deserialize)]
struct Reporting {
    verbs: Vec<String>,
    labels: Vec<String>,
}

#[derive(Deserialize)]
struct Words {
    words: Vec<String>,
}

#[derive(Deserialize)]
struct Calendar {
    weekdays: Vec<String>,
    months: Vec<String>,
    month_abbreviations: HashMap<String, i8>,
    relative_days: HashMap<String, i64>,
    holidays: HashMap<String, String>,
    reporting: Reporting,
    status: Words,
    procedural: Words,
    happening: Words,
    inquiry: Words,
    prospective: Words,
    /// `relative_days` as a phrase lexicon of days before publication.
    #[serde(skip)]
    relative_phrases: crate::matcher::PhraseLexicon<i64>,
    /// `holidays` as a phrase lexicon of their month and day.
    #[serde(skip)]
    holiday_phrases: crate::matcher::PhraseLexicon<(i8, i8)>,
    /// The words of `status` and `procedural`, each phrase split once.
    #[serde(skip)]
    state_phrases: Vec<Vec<String>>,
    /// Month names and abbreviations to their number, and weekdays to their index, in one
    /// map: every token is looked up.
    #[serde(skip)]
    calendar_words: rustc_hash::FxHashMap<String, CalendarWord>,
}

#[derive(Clone, Copy)]
enum CalendarWord {
    /// 1-12.
    Month(i8),
    /// 0 Monday … 6 Sunday.
    Weekday(usize),
}

fn calendar() -> &'static Calendar {
    static C: OnceLock<Calendar> = OnceLock::new();
    C.get_or_init(|| {
        let mut c: Calendar = toml::from_str(LEXICON).expect("lexicons/en/calendar.toml is valid");
        c.relative_phrases = crate::matcher::PhraseLexicon::new(c.relative_days.iter().map(|(p, d)| (p.clone(), *d)));
        c.holiday_phrases = crate::matcher::PhraseLexicon::new(c.holidays.iter().filter_map(|(phrase, day)| {
            let (m, d) = day.split_once('-')?;
            Some((phrase.clone(), (m.parse().ok()?, d.parse().ok()?)))
        }));
        let mut words = rustc_hash::FxHashMap::default();
        for (abbreviation, month) in &c.month_abbreviations {
            words.insert(abbreviation.clone(), CalendarWord::Month(*month));
        }
        for (i, month) in c.months.iter().enumerate() {
            words.insert(month.clone(), CalendarWord::Month(i as i8 + 1));
        }
        for (i, day) in c.weekdays.iter().enumerate() {
            words.insert(day.clone(), CalendarWord::Weekday(i));
        }
        c.calendar_words = words;
        c.state_phrases = c
            .status
            .words
            .iter()
            .chain(&c.procedural.words)
            .map(|p| p.split_whitespace().map(str::to_owned).collect())
            .collect();
        c
    })
}

/// True for the name of a weekday or a month, or a month's abbreviation ("Thursday",
/// "december", "Nov"), in any case; not "Mar", which opens place names ("Mar Vista").
pub fn is_calendar_word(word: &str) -> bool {
    let c = calendar();
    // Runs on every capitalised token: lowercased only when it has capitals, and looked up once.
    let lower = if word.chars().any(char::is_uppercase) { word.to_lowercase().into() } else { Cow::Borrowed(word) };
    c.calendar_words.contains_key(lower.as_ref()) && lower != "mar"
}

/// A date mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
    pub start: Date,
    pub end: Date,
    /// UCDP date_prec: 1 day, 3 week, 4 month, 5 year.
    pub precision: u8,
    /// `event`, `reporting`, `past`, `future`.
    pub role: &'static str,
}

/// Days before publication beyond which a date is background, not the news.
const PAST_DAYS: i64 = 30;

fn month_of(word: &str) -> Option<i8> {
    match calendar().calendar_words.get(word) {
        Some(CalendarWord::Month(m)) => Some(*m),
        _ => None,
    }
}

fn weekday_of(word: &str) -> Option<Weekday> {
    const DAYS: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];
    // "Friday's attack": the day's.
    let word = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
    match calendar().calendar_words.get(word) {
        Some(CalendarWord::Weekday(i)) => DAYS.get(*i).copied(),
        _ => None,
    }
}

/// "06/24/2013", "6/24/13": month, day and year as police reports write them in the US; a first
/// number above 12 is the day ("24/06/2013"). A two-digit year is this century's unless that
/// would be after `published`. Nothing without a year: "6/24" is as often a score or a share.
fn slashed(word: &str, published: Option<Date>) -> Option<Date> {
    let mut parts = word.split('/');
    let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || ![a, b].iter().all(|p| (1..=2).contains(&p.len())) || !matches!(y.len(), 2 | 4) {
        return None;
    }
    let (a, b, mut year): (i8, i8, i16) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    if y.len() == 2 {
        year += 2000;
        if published.is_some_and(|p| year > p.year()) {
            year -= 100;
        }
    }
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    Date::new(year, month, day).ok().filter(|_| is_year(i64::from(year)))
}

fn number(tokens: &[Token], words: &[String], at: usize) -> Option<i64> {
    (tokens.get(at)?.kind == TokenKind::Number).then(|| words[at].parse().ok()).flatten()
}

/// A day of the month: a number, or an ordinal written with digits ("9th", "21st").
fn day(tokens: &[Token], words: &[String], at: usize) -> Option<i64> {
    let n = number(tokens, words, at).or_else(|| {
        let w = words.get(at)?;
        let digits = w
            .strip_suffix("st")
            .or_else(|| w.strip_suffix("nd"))
            .or_else(|| w.strip_suffix("rd"))
            .or_else(|| w.strip_suffix("th"))?;
        (digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.parse().ok()).flatten()
    })?;
    (1..=31).contains(&n).then_some(n)
}

fn is_year(n: i64) -> bool {
    (1800..=2100).contains(&n)
}

/// The latest date with this month and day that is not after `published` (with a day's slack
/// for time zones).
fn latest(published: Date, month: i8, day: i8) -> Option<Date> {
    let this_year = Date::new(published.year(), month, day).ok()?;
    if this_year <= published.checked_add(1.day()).ok()? {
        Some(this_year)
    } else {
        Date::new(published.year() - 1, month, day).ok()
    }
}

/// A resolved date: (start, end, precision) and the index after its last token.
type Found = ((Date, Date, u8), usize);

/// All date mentions in `text`; relative ones only when `published` is known.
pub fn dates(text: &str, tokens: &[Token], published: Option<Date>) -> Vec<DateMention> {
    let words: Vec<String> = tokens.iter().map(|t| t.span.slice(text).to_lowercase()).collect();
    dates_in(text, tokens, &words, published)
}

/// A date opening its line before a dash, in brackets or not ("(07/21/15) - Children found a
/// gun", "March 6, 2025 — Police said"): the page's or the release's stamp, as a dateline's.
fn stamps_its_line(text: &str, span: Span) -> bool {
    let line_start = text[..span.start].rfind('\n').map_or(0, |at| at + 1);
    let before = text[line_start..span.start].trim();
    let after = text[span.end..].trim_start();
    let after = after.strip_prefix(')').unwrap_or(after).trim_start();
    matches!(before, "" | "(") && after.starts_with(['-', '–', '—'])
}

/// All date mentions in `text` over its `tokens`, whose lowercased texts are `words`.
pub fn dates_in(text: &str, tokens: &[Token], words: &[String], published: Option<Date>) -> Vec<DateMention> {
    let mut found = dates_over(tokens, words, published);
    for d in &mut found {
        if stamps_its_line(text, d.span) {
            d.role = "reporting";
        }
    }
    found
}

/// All date mentions over `tokens`, whose lowercased texts are `words`.
fn dates_over(tokens: &[Token], words: &[String], published: Option<Date>) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(((mut start, mut end, precision), next)) = date_at(tokens, words, i, published) else {
            i += 1;
            continue;
        };
        let span = Span::new(tokens[i].span.start, tokens[next - 1].span.end);
        let fronted = || fronted_reporting(words, i, next).then_some(Cue::Reporting);
        let cue = match possessive_of_incident(words, i, next) {
            // "police said Friday's attack …": the day of the attack.
            true => None,
            false => cue_before(words, i, next).or_else(|| cue_after(words, next)).or_else(fronted),
        };
        let role = match (cue, published) {
            (Some(Cue::Reporting), _) => "reporting",
            (Some(Cue::Prospective), Some(p)) => match recurrence(&words[i..next]) {
                Some(step) => {
                    (start, end) = next_one((start, end), step, p);
                    "future"
                }
                None => role(start, end, published),
            },
            _ => role(start, end, published),
        };
        out.push(DateMention { span, start, end, precision, role });
        i = next;
    }
    out
}

/// What the words just before a date say of it.
enum Cue {
    /// A verb of reporting or a word of a state: the date is when it was told or seen.
    Reporting,
    /// A word of something to come.
    Prospective,
}

/// The nearest cue within five words before the date at `at`, unless a clause starts in
/// between ("reported that on Thursday, fighting …").
fn cue_before(words: &[String], at: usize, next: usize) -> Option<Cue> {
    let c = calendar();
    // "were looking Tuesday for two more", "continued Monday.": a verb of inquiry right before,
    // the date ending the verb's phrase (not "investigate Thursday night shooting", where it
    // qualifies the noun after it).
    let phrase_ends = words.get(next).is_none_or(|w| {
        matches!(w.as_str(), "for" | "in" | "at" | "on" | "to" | "near" | "after" | "and" | "," | "." | ";")
    });
    if at > 0 && c.inquiry.words.contains(&words[at - 1]) && phrase_ends {
        return Some(Cue::Reporting);
    }
    let from = at.saturating_sub(5);
    for (i, word) in words[from..at].iter().enumerate().rev() {
        // "Posted: Sunday, June 23", "Date – March 23rd, 2016": a label of the page or the
        // release, when it was written.
        let label = |j: usize| c.reporting.verbs.contains(&words[j]) || c.reporting.labels.contains(&words[j]);
        if matches!(word.as_str(), ":" | "–" | "—" | "-") && (from + i).checked_sub(1).is_some_and(label) {
            return Some(Cue::Reporting);
        }
        if matches!(
            word.as_str(),
            "that" | "," | ";" | "." | "!" | "?" | ":" | "when" | "after" | "before" | "whether" | "if"
        ) {
            break;
        }
        if c.reporting.verbs.contains(word) || status_ends_at(words, from + i) {
            return Some(Cue::Reporting);
        }
        // "says the shooting happened Sunday night": the date is the nearer verb's.
        if c.happening.words.contains(word) {
            break;
        }
        let cause = word == "due" && words.get(from + i + 1).is_some_and(|w| w == "to");
        if c.prospective.words.contains(word) && !cause {
            return Some(Cue::Prospective);
        }
    }
    None
}

/// "Friday's attack", "Sunday's shooting": the incident's day, whoever tells it. (A weekday in
/// the possessive before anything else, "Tuesday's announcement", is left to the other cues:
/// marking it a day of reporting split more GVA incidents than it dated right.)
fn possessive_of_incident(words: &[String], at: usize, next: usize) -> bool {
    let possessive = words[at].ends_with("'s") || words[at].ends_with("’s");
    possessive && next == at + 1 && words.get(next).is_some_and(|w| calendar().happening.words.contains(w))
}

/// Whether a word of a state or of a step of the law ends at `at` ("condition", "at large",
/// "arrested", "news conference").
fn status_ends_at(words: &[String], at: usize) -> bool {
    calendar().state_phrases.iter().any(|parts| at + 1 >= parts.len() && words[at + 1 - parts.len()..=at] == parts[..])
}

/// A verb of reporting or of an inquiry right after the date, between a subject and its verb
/// ("police Sunday said", "detectives on Monday investigated"): the date is when it was told or
/// looked into. Not an attribution after the fact ("shot at 2 p.m. Wednesday said police."),
/// whose speaker ends the clause.
fn cue_after(words: &[String], next: usize) -> Option<Cue> {
    let c = calendar();
    let word = words.get(next)?;
    let attribution = |verb: usize| {
        let after = words.get(verb + 1..(verb + 3).min(words.len())).unwrap_or_default();
        after.len() < 2 || after.iter().any(|w| matches!(w.as_str(), "." | "," | ";" | "!" | "?"))
    };
    let reporting = c.reporting.verbs.contains(word) && !attribution(next);
    (reporting || c.inquiry.words.contains(word)).then_some(Cue::Reporting)
}

/// A date opening its sentence before a short subject and its verb of reporting ("Tuesday
/// evening police said the child had died"): when it was told. Not one a comma sets off
/// ("On Sunday, police said, a man was shot").
fn fronted_reporting(words: &[String], at: usize, next: usize) -> bool {
    let c = calendar();
    let opens = at == 0 || matches!(words[at - 1].as_str(), "." | "!" | "?");
    let opens = opens || (at == 1 && words[0] == "on") || (at > 1 && words[at - 1] == "on" && words[at - 2] == ".");
    opens
        && (next + 1..(next + 4).min(words.len())).find(|&j| c.reporting.verbs.contains(&words[j])).is_some_and(
            |verb| {
                (next..verb).all(|j| words[j].chars().all(|ch| ch.is_alphabetic() || ch == '\'' || ch == '’'))
                    && words.get(verb + 1).is_some_and(|w| w.chars().all(char::is_alphabetic))
            },
        )
}

/// For a weekday or a month named without a year or a word that places it ("Monday",
/// "November 3rd"; not "last Monday", "March 3, 2014"), how long until it comes back.
fn recurrence(words: &[String]) -> Option<jiff::Span> {
    let c = calendar();
    if words.iter().any(|w| matches!(w.as_str(), "last" | "past" | "this" | "earlier" | "ago"))
        || words.iter().any(|w| w.parse::<i64>().is_ok_and(is_year))
    {
        return None;
    }
    let kinds: Vec<&CalendarWord> = words.iter().filter_map(|w| c.calendar_words.get(w.as_str())).collect();
    if kinds.iter().any(|k| matches!(k, CalendarWord::Month(_))) {
        Some(1.year())
    } else if kinds.is_empty() {
        None
    } else {
        Some(7.days())
    }
}

/// The next occurrence, on or after `published`, of a date that was resolved to the latest one
/// not after it, `step` apart.
fn next_one((mut start, mut end): (Date, Date), step: jiff::Span, published: Date) -> (Date, Date) {
    while end < published {
        let (Ok(s), Ok(e)) = (start.checked_add(step), end.checked_add(step)) else { break };
        (start, end) = (s, e);
    }
    (start, end)
}

fn role(start: Date, end: Date, published: Option<Date>) -> &'static str {
    let Some(published) = published else { return "event" };
    if start > published {
        "future"
    } else if i64::from((published - end).get_days()) > PAST_DAYS {
        "past"
    } else {
        "event"
    }
}

fn date_at(tokens: &[Token], words: &[String], i: usize, published: Option<Date>) -> Option<Found> {
    let word = words[i].as_str();
    // 2025-03-07 (checked by shape first: this runs on every token)
    if word.len() == 10
        && word.as_bytes()[4] == b'-'
        && let Ok(date) = word.parse::<Date>()
    {
        return Some(((date, date, 1), i + 1));
    }
    // 06/24/2013
    if word.len() >= 6
        && word.contains('/')
        && let Some(date) = slashed(word, published)
    {
        return Some(((date, date, 1), i + 1));
    }
    // March 7, 2025 / Mar. 7 / March 2025 / in December
    if let Some(month) = month_of(word) {
        // "may" is also a verb: only a month when a day or year follows.
        let mut j = i + 1;
        if words.get(j).map(String::as_str) == Some(".") {
            j += 1;
        }
        if let Some(day) = day(tokens, words, j) {
            let mut k = j + 1;
            if words.get(k).map(String::as_str) == Some(",") {
                k += 1;
            }
            if let Some(year) = number(tokens, words, k).filter(|y| is_year(*y)) {
                let date = Date::new(year as i16, month, day as i8).ok()?;
                return Some(((date, date, 1), k + 1));
            }
            let date = latest(published?, month, day as i8)?;
            return Some(((date, date, 1), j + 1));
        }
        // "March 2025", "October of 2014"
        let of = usize::from(words.get(j).is_some_and(|w| w == "of"));
        if let Some(year) = number(tokens, words, j + of).filter(|y| is_year(*y)) {
            let first = Date::new(year as i16, month, 1).ok()?;
            return Some(((first, first.last_of_month(), 4), j + of + 1));
        }
        // "last July": the latest July before this month.
        if i > 0 && words[i - 1] == "last" && word != "may" {
            let published = published?;
            let year = if month < published.month() { published.year() } else { published.year() - 1 };
            let first = Date::new(year, month, 1).ok()?;
            return Some(((first, first.last_of_month(), 4), i + 1));
        }
        let preceded =
            i > 0 && matches!(words[i - 1].as_str(), "in" | "since" | "early" | "late" | "mid" | "until" | "during");
        if preceded && word != "may" {
            let published = published?;
            let year = if month <= published.month() { published.year() } else { published.year() - 1 };
            let first = Date::new(year, month, 1).ok()?;
            return Some(((first, first.last_of_month(), 4), i + 1));
        }
        return None;
    }
    // 7 March 2025 / 7 March / 9th of January
    if let Some(day) = day(tokens, words, i) {
        let of = usize::from(
            words.get(i + 1).is_some_and(|w| w == "of")
                && !matches!(tokens.get(i).map(|t| t.kind), Some(TokenKind::Number)),
        );
        if let Some(month) = words.get(i + 1 + of).and_then(|w| month_of(w)) {
            let after = i + 2 + of;
            if let Some(year) = number(tokens, words, after).filter(|y| is_year(*y)) {
                let date = Date::new(year as i16, month, day as i8).ok()?;
                return Some(((date, date, 1), after + 1));
            }
            let date = latest(published?, month, day as i8)?;
            return Some(((date, date, 1), after));
        }
    }
    // in 1977 / from 1987 to 2002
    if let Some(year) = number(tokens, words, i).filter(|y| is_year(*y))
        && i > 0
        && matches!(words[i - 1].as_str(), "in" | "since" | "from" | "during" | "until" | "by" | "of" | "for")
    {
        let first = Date::new(year as i16, 1, 1).ok()?;
        let mut last = Date::new(year as i16, 12, 31).ok()?;
        let mut next = i + 1;
        if words.get(i + 1).map(String::as_str) == Some("to")
            && let Some(to) = number(tokens, words, i + 2).filter(|y| is_year(*y) && *y > year)
        {
            last = Date::new(to as i16, 12, 31).ok()?;
            next = i + 3;
        }
        return Some(((first, last, 5), next));
    }
    let published = published?;
    // on Thursday / Thursday evening / last Tuesday
    if let Some(weekday) = weekday_of(word) {
        let strictly_before = i > 0 && words[i - 1] == "last";
        let mut date = published;
        while date.weekday() != weekday || (strictly_before && date == published) {
            date = date.yesterday().ok()?;
        }
        let mut next = i + 1;
        if matches!(words.get(next).map(String::as_str), Some("morning" | "afternoon" | "evening" | "night")) {
            next += 1;
        }
        // "Thursday, January 8": the day the date names, however far back.
        let k = next + usize::from(words.get(next).is_some_and(|w| w == ","));
        let dated = words.get(k).is_some_and(|w| month_of(w).is_some()) || day(tokens, words, k).is_some();
        if dated && let Some(((start, end, 1), after)) = date_at(tokens, words, k, Some(published)) {
            return Some(((start, end, 1), after));
        }
        return Some(((date, date, 1), next));
    }
    let c = calendar();
    // New Year's Day, Christmas Eve, the Fourth of July
    if let Some(m) = c.holiday_phrases.longest_at(words, i) {
        let (month, day) = *m.value;
        let date = latest(published, month, day)?;
        return Some(((date, date, 1), m.end));
    }
    // this weekend / over the weekend / last weekend: the Saturday and Sunday
    if let Some((skip, earlier)) = match (word, words.get(i + 1).map(String::as_str)) {
        ("weekend", _) if i > 0 && matches!(words[i - 1].as_str(), "the" | "this") => Some((1, false)),
        ("last" | "past", Some("weekend")) => Some((2, true)),
        _ => None,
    } {
        let mut sunday = published;
        while sunday.weekday() != Weekday::Sunday {
            sunday = sunday.yesterday().ok()?;
        }
        // Published on a Saturday: this weekend's Saturday is the day itself.
        if published.weekday() == Weekday::Saturday && !earlier {
            return Some(((published, published, 1), i + skip));
        }
        if earlier && matches!(published.weekday(), Weekday::Sunday) {
            sunday = sunday.checked_sub(7.days()).ok()?;
        }
        let saturday = sunday.yesterday().ok()?;
        return Some(((saturday, sunday, 2), i + skip));
    }
    // two days ago (weeks ago are too loose to date an incident by)
    let ago = words.get(i + 2).is_some_and(|w| w == "ago");
    let count = || {
        number(tokens, words, i).or_else(|| match word {
            "a" | "one" => Some(1),
            _ => super::numbers::word_number(word).map(|n| n as i64),
        })
    };
    if ago && let Some(n) = count().filter(|n| (1..=31).contains(n)) {
        let found = match words[i + 1].as_str() {
            "day" | "days" => {
                let date = published.checked_sub(n.days()).ok()?;
                (date, date, 1)
            }
            _ => return None,
        };
        return Some((found, i + 3));
    }
    // yesterday / last night / earlier today
    if let Some(m) = c.relative_phrases.longest_at(words, i) {
        let date = published.checked_sub(m.value.days()).ok()?;
        return Some(((date, date, 1), m.end));
    }
    // last week / this week / earlier this week / last month / earlier this month / last year
    let (skip, which) = match (word, words.get(i + 1).map(String::as_str)) {
        ("earlier", Some("this")) => (2, "this"),
        ("last" | "this" | "past", _) => (1, word),
        _ => return None,
    };
    let unit = words.get(i + skip)?.as_str();
    let monday = {
        let mut d = published;
        while d.weekday() != Weekday::Monday {
            d = d.yesterday().ok()?;
        }
        d
    };
    let found = match (which, unit) {
        ("this", "week") => (monday, published, 3),
        ("last" | "past", "week") => {
            let start = monday.checked_sub(7.days()).ok()?;
            (start, monday.yesterday().ok()?, 3)
        }
        ("this", "month") => (published.first_of_month(), published, 4),
        ("last" | "past", "month") => {
            let start = published.first_of_month().checked_sub(1.month()).ok()?;
            (start, start.last_of_month(), 4)
        }
        ("this", "year") => (Date::new(published.year(), 1, 1).ok()?, published, 5),
        ("last" | "past", "year") => {
            let y = published.year() - 1;
            (Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?, 5)
        }
        _ => return None,
    };
    Some((found, i + skip + 1))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// Friday 7 March 2025.
    fn published() -> Option<Date> {
        Some(jiff::civil::date(2025, 3, 7))
    }

    fn found(text: &str) -> Vec<(String, String, String, u8, &'static str)> {
        dates(text, &tokenize(text), published())
            .into_iter()
            .map(|d| (d.span.slice(text).to_owned(), d.start.to_string(), d.end.to_string(), d.precision, d.role))
            .collect()
    }

    #[test]
    fn weekdays_resolve_to_the_latest_one_not_after_publication() {
        let got =
            found("On Thursday evening clashes erupted; on Tuesday an ambush; on Friday a report; last Friday a raid.");
        let dates: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(dates, vec!["2025-03-06", "2025-03-04", "2025-03-07", "2025-02-28"]);
        assert_eq!(got[0].0, "Thursday evening");
    }

    #[test]
    fn reporting_dates_are_marked() {
        let got = found("At least four civilians were killed, the monitor reported on Wednesday.");
        assert_eq!((got[0].1.as_str(), got[0].4), ("2025-03-05", "reporting"));
        assert_eq!(found("Two men were shot on Wednesday, police said.")[0].4, "event");
        assert_eq!(found("The ministry said in a statement on Friday.")[0].4, "reporting");
        assert_eq!(found("The monitor reported that on Thursday, fighting killed 48.")[0].4, "event");
        assert_eq!(found("Nobody confirmed it. On Thursday clashes erupted.")[0].4, "event");
    }

    #[test]
    fn absolute_dates_months_and_years() {
        let got = found("on March 7, 2025, on 6 March, in December, from 1987 to 2002, in 1977, on December 8");
        let rows: Vec<(&str, &str, u8, &str)> = got.iter().map(|g| (g.1.as_str(), g.2.as_str(), g.3, g.4)).collect();
        assert_eq!(
            rows,
            vec![
                ("2025-03-07", "2025-03-07", 1, "event"),
                ("2025-03-06", "2025-03-06", 1, "event"),
                ("2024-12-01", "2024-12-31", 4, "past"),
                ("1987-01-01", "2002-12-31", 5, "past"),
                ("1977-01-01", "1977-12-31", 5, "past"),
                ("2024-12-08", "2024-12-08", 1, "past"),
            ]
        );
    }

    #[test]
    fn relative_days_weeks_and_months() {
        let got = found("yesterday, last night, earlier this week, last week, earlier this month, last month");
        let rows: Vec<(&str, &str, u8)> = got.iter().map(|g| (g.1.as_str(), g.2.as_str(), g.3)).collect();
        assert_eq!(
            rows,
            vec![
                ("2025-03-06", "2025-03-06", 1),
                ("2025-03-06", "2025-03-06", 1),
                ("2025-03-03", "2025-03-07", 3),
                ("2025-02-24", "2025-03-02", 3),
                ("2025-03-01", "2025-03-07", 4),
                ("2025-02-01", "2025-02-28", 4),
            ]
        );
    }

    #[test]
    fn ordinal_days_holidays_and_weekends() {
        // Published Friday 7 March 2025.
        let days = |text: &str| -> Vec<(String, String)> { found(text).into_iter().map(|g| (g.1, g.2)).collect() };
        let day = |d: &str| vec![(d.to_owned(), d.to_owned())];
        assert_eq!(days("on March 2nd"), day("2025-03-02"));
        assert_eq!(days("on the 2nd of March"), day("2025-03-02"));
        assert_eq!(days("on New Year's Day"), day("2025-01-01"));
        assert_eq!(days("on Christmas Eve"), day("2024-12-24"));
        assert_eq!(days("over the weekend"), vec![("2025-03-01".to_owned(), "2025-03-02".to_owned())]);
        assert_eq!(days("last weekend"), vec![("2025-03-01".to_owned(), "2025-03-02".to_owned())]);
        assert!(days("on the 2nd floor").is_empty());
        assert_eq!(days("two days ago"), day("2025-03-05"));
        assert_eq!(days("in October of 2014"), vec![("2014-10-01".to_owned(), "2014-10-31".to_owned())]);
        assert_eq!(days("last July"), vec![("2024-07-01".to_owned(), "2024-07-31".to_owned())]);
        assert_eq!(days("last March"), vec![("2024-03-01".to_owned(), "2024-03-31".to_owned())]);
        assert!(days("a week ago").is_empty());
    }

    #[test]
    fn a_weekday_with_its_date_is_that_date() {
        let got = found("A shooting on the night of Thursday, January 8, killed a man.");
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0.as_str(), got[0].1.as_str()), ("Thursday, January 8", "2025-01-08"));
        assert_eq!(found("late Monday night, Dec. 22, 2024, on a road")[0].1, "2024-12-22");
        assert_eq!(found("on Monday, two men")[0].1, "2025-03-03");
    }

    #[test]
    fn states_are_dated_when_reported() {
        let got = found("Two others were hurt and in stable condition late Thursday.");
        assert_eq!((got[0].1.as_str(), got[0].4), ("2025-03-06", "reporting"));
        assert_eq!(found("Her condition was not available Tuesday night.")[0].4, "reporting");
        // Between a subject and its verb of reporting or inquiry.
        assert_eq!(found("Police Tuesday identified the man.")[0].4, "reporting");
        assert_eq!(found("Detectives on Tuesday investigated the shooting.")[0].4, "reporting");
        assert_eq!(found("A man was shot Tuesday in Marlow.")[0].4, "event");
        assert_eq!(found("A man was shot at 2 p.m. Tuesday said police.")[0].4, "event");
        assert_eq!(found("Posted: Thursday, March 6, 2025 11:24 AM")[0].4, "reporting");
        assert_eq!(found("Date – March 6th, 2025")[0].4, "reporting");
        assert_eq!(found("Deputies were looking Tuesday for two more suspects.")[0].4, "reporting");
        assert_eq!(found("Police are investigating a shooting Tuesday night.")[0].4, "event");
        assert_eq!(found("Police investigate Thursday night shooting")[0].4, "event");
        // Fronted before a short subject and its verb of reporting.
        assert_eq!(found("Tuesday evening police said the child had died.")[0].4, "reporting");
        assert_eq!(found("The boy was shot. Tuesday police said he had died.")[0].4, "reporting");
        assert_eq!(found("Tuesday evening police found the child.")[0].4, "event");
        assert_eq!(found("On Tuesday, police said, a man was shot.")[0].4, "event");
        assert_eq!(found("Update: Thursday, March 6, 2025")[0].4, "event");
        assert_eq!(found("Two others were hurt late Thursday.")[0].4, "event");
        // A state of the doer or the speaker, in words of one or more.
        assert_eq!(found("The gunman, who was still at large Monday, fled.")[0].4, "reporting");
        assert_eq!(found("The chief was confident Monday that they would be caught.")[0].4, "reporting");
        assert_eq!(found("A large crowd gathered Monday.")[0].4, "event");
        // A verb of happening between the verb of reporting and the date takes the date.
        assert_eq!(found("Police say the shooting happened Sunday night.")[0].4, "event");
        assert_eq!(found("He told police he was shot Sunday.")[0].4, "event");
        assert_eq!(found("Police said Sunday the man was shot.")[0].4, "reporting");
        // A step of the law after the incident dates itself, unless a word of the incident
        // stands between.
        assert_eq!(found("He was booked into jail early Friday evening.")[0].4, "reporting");
        assert_eq!(found("During a news conference Thursday morning the chief spoke.")[0].4, "reporting");
        assert_eq!(found("He was booked in the shooting Tuesday.")[0].4, "event");
    }

    #[test]
    fn slashed_dates_and_possessive_weekdays() {
        let got = found("On 06/24/2013 at approximately 9:18 pm a man was found.");
        assert_eq!((got[0].0.as_str(), got[0].1.as_str()), ("06/24/2013", "2013-06-24"));
        assert_eq!(found("Shot on 3/2/25 near the park")[0].1, "2025-03-02");
        assert_eq!(found("Shot on 24/06/2013 in the park")[0].1, "2013-06-24");
        // No year, no date: a score, a share, a fraction.
        assert!(found("The team won 6/24 and 3/4 of them agreed.").is_empty());
        assert!(found("Call 555/123/4567 now.").is_empty());
        assert_eq!(found("Police said Friday's attack was planned.")[0].1, "2025-03-07");
        assert_eq!(found("Police said Friday's attack was planned.")[0].4, "event");
        // Opening its line before a dash, it is the page's stamp.
        assert_eq!(found("(03/08/25) - Children found a gun.")[0].4, "reporting");
        assert_eq!(found("Children found a gun.\nMarch 8, 2025 — Police said so.")[0].4, "reporting");
        assert_eq!(found("On 03/07/25 - a Friday - children found a gun.")[0].4, "event");
    }

    #[test]
    fn weekdays_and_months_to_come_are_the_next_ones() {
        let got = found("He is scheduled to appear in court Monday morning.");
        assert_eq!((got[0].1.as_str(), got[0].4), ("2025-03-10", "future"));
        let got = found("She is due in court February 3rd.");
        assert_eq!((got[0].1.as_str(), got[0].4), ("2026-02-03", "future"));
        assert_eq!(found("A vigil will be held Friday.")[0].1, "2025-03-07");
        // A cause, a year or "last" keep the date where it was.
        assert_eq!(found("Schools closed due to the shooting Tuesday.")[0].4, "event");
        assert_eq!(found("He was expected in court on March 3, 2025.")[0].4, "event");
    }

    #[test]
    fn future_dates_and_may_the_verb() {
        assert_eq!(found("talks on March 20, 2025")[0].4, "future");
        assert!(found("the toll may rise").is_empty());
    }

    #[test]
    fn without_a_publication_date_only_absolute_dates() {
        let text = "on Thursday, on March 7, 2025";
        let got = dates(text, &tokenize(text), None);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].start.to_string(), "2025-03-07");
    }
}
