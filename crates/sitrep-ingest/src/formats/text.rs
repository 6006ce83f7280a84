//! Plain text articles, with the metadata that text files carry at their top:
//!
//! - a header of `Key: value` lines (`Title:`, `Date:`, `Outlet:`, `URL:` …) ended by a blank line;
//! - a one-line prefix `date 2025-03-07 Outlet Name/ ` before the body;
//! - a dateline after the headline: `Headline March 7, 2025 - 17:15 EST Outlet - Body…`;
//! - a short first line without final punctuation, followed by a blank line: the headline.
//!
//! Not here: wire datelines inside the body ("HOUSTON (AP) —"), which name a place, not the
//! outlet; the annotate stage reads them.

use std::sync::LazyLock;

use regex::Regex;
use sitrep_model::SourceRef;

use super::RawDocument;
use crate::dates::{self, MONTH_PATTERN};

static HEADER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(title|headline|date|published|publication date|outlet|source|publisher|url|link|author|by|language|lang)\s*:\s*(.+?)\s*$")
        .expect("valid regex")
});

static DATE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)\s+(?P<outlet>[^/\n]{1,80}?)\s*/\s*",
    )
    .expect("valid regex")
});

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let date = format!(r"(?:{MONTH_PATTERN}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH_PATTERN},?\s+\d{{4}})");
    let time = r"(?:\s*[-–—,|]?\s*\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,5})?)?";
    let outlet = r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}";
    Regex::new(&format!(r"^(?P<title>[^\n]{{8,300}}?)\s*(?P<date>{date}{time})\s+(?P<outlet>{outlet})\s+[-–—]\s+"))
        .expect("valid regex")
});

/// Reads a plain-text article and its header or dateline, if any.
pub fn parse(text: &str, raw: &[u8], source: SourceRef) -> RawDocument {
    let text = text.trim_start_matches('\u{feff}');
    let mut doc = RawDocument::new(String::new(), raw, source);
    let body = header_block(text, &mut doc)
        .or_else(|| date_prefix(text, &mut doc))
        .or_else(|| dateline(text, &mut doc))
        .or_else(|| title_line(text, &mut doc))
        .unwrap_or(text);
    doc.text = body.to_owned();
    doc
}

fn header_block<'t>(text: &'t str, doc: &mut RawDocument) -> Option<&'t str> {
    let mut consumed = 0;
    let mut found = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if found {
                consumed += line.len();
            }
            break;
        }
        let caps = HEADER_LINE.captures(trimmed)?;
        let value = caps[2].to_owned();
        match caps[1].to_ascii_lowercase().as_str() {
            "title" | "headline" => doc.title = Some(value),
            "date" | "published" | "publication date" => doc.set_published(Some(&value)),
            "outlet" | "source" | "publisher" => doc.outlet = Some(value),
            "url" | "link" => doc.url = Some(value),
            "language" | "lang" => doc.language_hint = Some(value.to_ascii_lowercase()),
            _ => {}
        }
        found = true;
        consumed += line.len();
    }
    found.then(|| &text[consumed..])
}

fn date_prefix<'t>(text: &'t str, doc: &mut RawDocument) -> Option<&'t str> {
    let caps = DATE_PREFIX.captures(text)?;
    doc.set_published(Some(&caps["date"]));
    doc.outlet = Some(caps["outlet"].trim().to_owned());
    Some(&text[caps.get(0)?.end()..])
}

fn dateline<'t>(text: &'t str, doc: &mut RawDocument) -> Option<&'t str> {
    let caps = DATELINE.captures(text)?;
    let published = dates::parse(caps["date"].trim())?;
    doc.published = Some(published);
    doc.title = Some(caps["title"].trim().to_owned());
    doc.outlet = Some(caps["outlet"].to_owned());
    Some(&text[caps.get(0)?.end()..])
}

fn title_line<'t>(text: &'t str, doc: &mut RawDocument) -> Option<&'t str> {
    let (first, rest) = text.split_once('\n')?;
    let first = first.trim();
    let blank_follows = rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n');
    let headline_like = (3..=200).contains(&first.len())
        && !first.ends_with(['.', ':', ';', ','])
        && first.split_whitespace().count() <= 30;
    if !(blank_follows && headline_like && rest.trim().len() > first.len()) {
        return None;
    }
    doc.title = Some(first.to_owned());
    Some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> RawDocument {
        parse(text, text.as_bytes(), SourceRef { path: "t.txt".into(), format: "text".into(), record: None })
    }

    #[test]
    fn key_value_header() {
        let d = parsed(
            "Title: Two hurt in market blast\nDate: 2024-05-02\nOutlet: The Daily Lantern\n\nTwo people were hurt.",
        );
        assert_eq!(d.title.as_deref(), Some("Two hurt in market blast"));
        assert_eq!(d.outlet.as_deref(), Some("The Daily Lantern"));
        assert_eq!(d.published.unwrap().iso(), "2024-05-02");
        assert_eq!(d.text, "Two people were hurt.");
    }

    #[test]
    fn date_and_outlet_prefix() {
        let d = parsed(" date 2024-05-02 Coastal Herald/ Gunmen attacked a checkpoint.");
        assert_eq!(d.outlet.as_deref(), Some("Coastal Herald"));
        assert_eq!(d.published.unwrap().iso(), "2024-05-02");
        assert_eq!(d.text, "Gunmen attacked a checkpoint.");
    }

    #[test]
    fn headline_then_dateline_then_outlet() {
        let d = parsed(
            "Three dead as storm of gunfire hits river town![]() May 2, 2024 - 09:30 EST Valley.News - Three people died on Thursday.",
        );
        assert_eq!(d.title.as_deref(), Some("Three dead as storm of gunfire hits river town![]()"));
        assert_eq!(d.outlet.as_deref(), Some("Valley.News"));
        assert_eq!(d.published.unwrap().iso(), "2024-05-02T09:30:00-05:00");
        assert_eq!(d.text, "Three people died on Thursday.");
    }

    #[test]
    fn headline_line() {
        let d = parsed("Police shoot suspect after chase\n\nA suspect was shot on Monday.\nHe survived.");
        assert_eq!(d.title.as_deref(), Some("Police shoot suspect after chase"));
        assert!(d.text.trim_start().starts_with("A suspect"));
    }

    #[test]
    fn no_header_leaves_text_alone() {
        let body = "A suspect was shot on Monday. He survived, police said.";
        let d = parsed(body);
        assert_eq!((d.title, d.outlet, d.text.as_str()), (None, None, body));
    }
}
