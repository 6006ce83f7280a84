//! Publication dates as pages, feeds and datelines write them, parsed to `Published` with only
//! the precision they carry: `2025-03-07`, `2025-03-07T17:15:00+04:00`, `Tue, 28 Jan 2014
//! 20:18:00 -0500`, `March 7, 2025 - 17:15 AMT`, `Tuesday, January 28, 2014 8:18 PM EST`,
//! `7 March 2025`.
//!
//! Not here: dates inside the article ("on Thursday"), which are the annotate stage's job.

use std::sync::LazyLock;

use jiff::civil::{Date, Time};
use regex::Regex;
use sitrep_model::Published;

use crate::lexicon;

/// Month names and abbreviations, as a regex alternation (longest first).
pub const MONTH_PATTERN: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

/// A clock time with an optional AM/PM and time zone, as a regex fragment.
pub const TIME_PATTERN: &str = r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?)(?:\s+|$))?(?:\s*(?P<tz>[A-Z]{1,5}|[+-]\d{2}:?\d{2}))?";

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?)?$",
    )
    .expect("valid regex")
});

static SLASHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})$").expect("valid regex"));

static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[A-Z][a-z]+,?\s+)?(?P<month>{MONTH_PATTERN})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?:\s*(?:[-–—,|@]|at)?\s*{TIME_PATTERN})?$"
    ))
    .expect("valid regex")
});

static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[A-Z][a-z]{{2,8}},?\s+)?(?P<d>\d{{1,2}})\s+(?P<month>{MONTH_PATTERN}),?\s+(?P<y>\d{{4}})(?:\s*(?:[-–—,|@]|at)?\s*{TIME_PATTERN})?$"
    ))
    .expect("valid regex")
});

/// Parses a publication date string; `None` when it is not one of the known forms or not a
/// real calendar date.
pub fn parse(raw: &str) -> Option<Published> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    if let Some(c) = ISO.captures(s) {
        return build(&c, num(&c, "m")?);
    }
    if let Some(c) = SLASHED.captures(s) {
        return build(&c, num(&c, "m")?);
    }
    for re in [&*MONTH_FIRST, &*DAY_FIRST] {
        if let Some(c) = re.captures(s) {
            return build(&c, month_number(c.name("month")?.as_str())?);
        }
    }
    None
}

fn num(c: &regex::Captures, name: &str) -> Option<i64> {
    c.name(name)?.as_str().parse().ok()
}

fn build(c: &regex::Captures, month: i64) -> Option<Published> {
    let date = Date::new(num(c, "y")? as i16, month as i8, num(c, "d")? as i8).ok()?;
    let mut published = Published::on(date);
    if let Some(mut hour) = num(c, "hour") {
        let minute = num(c, "minute")?;
        let second = num(c, "second").unwrap_or(0);
        if let Some(ampm) = c.name("ampm") {
            let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
            if !(1..=12).contains(&hour) {
                return Some(published);
            }
            hour = hour % 12 + if pm { 12 } else { 0 };
        }
        let Ok(time) = Time::new(hour as i8, minute as i8, second as i8, 0) else {
            return Some(published);
        };
        published.time = Some(time);
        if let Some(tz) = c.name("tz") {
            apply_zone(&mut published, tz.as_str());
        }
    }
    Some(published)
}

fn apply_zone(published: &mut Published, tz: &str) {
    if tz == "Z" {
        published.utc_offset = Some(0);
    } else if let Some(rest) = tz.strip_prefix(['+', '-']) {
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        if digits.len() == 4 {
            let hours: i32 = digits[..2].parse().unwrap_or(0);
            let minutes: i32 = digits[2..].parse().unwrap_or(0);
            let sign = if tz.starts_with('-') { -1 } else { 1 };
            published.utc_offset = Some(sign * (hours * 3600 + minutes * 60));
        }
    } else if let Some(offset) = lexicon::timezone(tz) {
        published.utc_offset = offset;
        published.tz_abbreviation = Some(tz.to_owned());
    }
}

/// 1-12 for an English month name or abbreviation.
pub fn month_number(name: &str) -> Option<i64> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    MONTHS.iter().position(|m| lower.starts_with(m)).map(|i| i as i64 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse(s).map(|p| p.iso())
    }

    #[test]
    fn iso_forms() {
        assert_eq!(iso("2014-01-28").as_deref(), Some("2014-01-28"));
        assert_eq!(iso("2014-01-28T20:18:00Z").as_deref(), Some("2014-01-28T20:18:00+00:00"));
        assert_eq!(iso("2014-01-28T20:18:00.123-05:00").as_deref(), Some("2014-01-28T20:18:00-05:00"));
        assert_eq!(iso("2014-01-28 20:18").as_deref(), Some("2014-01-28T20:18:00"));
        assert_eq!(iso("2014/1/28").as_deref(), Some("2014-01-28"));
    }

    #[test]
    fn written_forms_with_times_and_zones() {
        assert_eq!(iso("March 7, 2025").as_deref(), Some("2025-03-07"));
        assert_eq!(iso("Mar. 7, 2025").as_deref(), Some("2025-03-07"));
        assert_eq!(iso("7 March 2025").as_deref(), Some("2025-03-07"));
        assert_eq!(iso("Tuesday, January 28, 2014 8:18 PM EST").as_deref(), Some("2014-01-28T20:18:00-05:00"));
        // An ambiguous abbreviation keeps the local time and invents no offset.
        let p = parse("March 7, 2025 - 17:15 AMT").unwrap();
        assert_eq!(p.iso(), "2025-03-07T17:15:00");
        assert_eq!((p.utc_offset, p.tz_abbreviation.as_deref()), (None, Some("AMT")));
    }

    #[test]
    fn not_dates() {
        assert_eq!(parse("2025-02-30"), None);
        assert_eq!(parse("yesterday"), None);
        assert_eq!(parse(""), None);
    }
}
