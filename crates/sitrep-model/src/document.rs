//! A `Document`: one article as ingest leaves it — clean text plus what was learned or cut.

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` in a document's clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The spanned text. Panics only if the span was not made for `text` (a broken invariant).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// When a document was published, as precisely as its source says.
///
/// `time` and `utc_offset` are present only when the source gives them; an ambiguous time zone
/// abbreviation keeps `tz_abbreviation` without inventing an offset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    pub date: jiff::civil::Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<jiff::civil::Time>,
    /// Offset from UTC in seconds, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_offset: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tz_abbreviation: Option<String>,
}

impl Published {
    pub fn on(date: jiff::civil::Date) -> Self {
        Published { date, time: None, utc_offset: None, tz_abbreviation: None }
    }

    /// ISO 8601: `2025-03-07`, `2025-03-07T17:15:00`, or `2025-03-07T17:15:00+04:00`.
    pub fn iso(&self) -> String {
        let mut out = self.date.to_string();
        if let Some(time) = self.time {
            out.push('T');
            out.push_str(&time.strftime("%H:%M:%S").to_string());
            if let Some(offset) = self.utc_offset {
                let sign = if offset < 0 { '-' } else { '+' };
                let abs = offset.unsigned_abs();
                out.push_str(&format!("{sign}{:02}:{:02}", abs / 3600, (abs % 3600) / 60));
            }
        }
        out
    }
}

/// A paragraph of the clean text with the language detected for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    /// ISO 639-1 code, or `None` when the paragraph is too short or mixed to tell.
    pub language: Option<String>,
}

/// A post quoted inside the article (a tweet, a Telegram post): the words of its author,
/// not of the outlet. Kept out of the clean text, for attribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmbeddedPost {
    /// Display name of the author as the embed gives it.
    pub author: String,
    /// Account handle without the `@`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<jiff::civil::Date>,
    /// Cleaned text of the post, links removed.
    pub text: String,
    /// Links found in the post (t.co, pic.twitter.com …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Byte offset in the clean text where the post stood.
    pub at: usize,
}

/// Text that was cut from the article, with the reason, so `explain` can show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DroppedSegment {
    /// Why: `teaser_block`, `scrape_leftover`, `share_buttons`, `photo_credit`, …
    pub reason: String,
    pub text: String,
    /// Byte offset in the clean text where it stood.
    pub at: usize,
}

/// A word repaired in cleaning ("mur*dered" → "murdered").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Repair {
    pub original: String,
    pub repaired: String,
    /// Where the repaired word now stands in the clean text (or in an embedded post's text).
    pub span: Span,
    /// `None` for the article text, `Some(i)` for `embedded[i]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embedded: Option<usize>,
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    /// The path given by the user, or `-` for standard input.
    pub path: String,
    /// `text`, `html`, `jsonl`, `warc`, `feed`.
    pub format: String,
    /// Line number, WARC record number or feed item number inside the file, 1-based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<u64>,
}

impl SourceRef {
    /// `path`, or `path: line N` / `record N` / `item N` as the format counts, for messages.
    pub fn describe(&self) -> String {
        let unit = match self.format.as_str() {
            "jsonl" => "line",
            "feed" => "item",
            _ => "record",
        };
        match self.record {
            Some(n) => format!("{}: {unit} {n}", self.path),
            None => self.path.clone(),
        }
    }
}

/// One article as ingest leaves it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The id the input gave (JSON Lines id, file name without extension, WARC record URI),
    /// kept verbatim so users and evaluation can join results back to inputs.
    pub id: String,
    /// Hash of the clean text and metadata: equal hashes mean nothing changed.
    pub content_hash: String,
    /// Hash of the raw bytes as read.
    pub raw_hash: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The document's main language (most text), ISO 639-1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The clean article text that later stages read.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub embedded: Vec<EmbeddedPost>,
    pub dropped: Vec<DroppedSegment>,
    pub repairs: Vec<Repair>,
    pub source: SourceRef,
    /// The earlier document this one is a (near) copy of, found when it was stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub near_duplicate_of: Option<NearDuplicate>,
}

/// A link from a syndicated or re-published copy to the first copy seen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NearDuplicate {
    pub document_id: String,
    /// Estimated Jaccard similarity of the two texts' word 5-shingles (1.0: same text).
    pub similarity: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_iso_has_only_what_is_known() {
        let date = jiff::civil::date(2025, 3, 7);
        assert_eq!(Published::on(date).iso(), "2025-03-07");
        let with_time = Published {
            date,
            time: Some(jiff::civil::time(17, 15, 0, 0)),
            utc_offset: Some(-5 * 3600),
            tz_abbreviation: Some("EST".into()),
        };
        assert_eq!(with_time.iso(), "2025-03-07T17:15:00-05:00");
        let ambiguous = Published { utc_offset: None, ..with_time };
        assert_eq!(ambiguous.iso(), "2025-03-07T17:15:00");
    }
}
