//! Embedded posts: a quoted tweet that scraping flattened into the article, recognised by the
//! signature embeds end with, "— Name (@handle) Month D, YYYY", with or without a link after it.
//!
//! Example: `Roads are closed near the port https://t.co/x1 — City Police (@citypolice) May 2,
//! 2024` becomes a post by "City Police" (@citypolice) of 2024-05-02 whose text is "Roads are
//! closed near the port", and leaves the article.
//!
//! The post starts where its paragraph starts; in a paragraph too long to be one post (text
//! flattened onto one line), at the sentence start that keeps it under a tweet's length.
//! Not here: deciding what the post claims (extract reads it with its author as claimant).

use std::sync::LazyLock;

use regex::Regex;

use crate::dates::{self, MONTH_PATTERN};

static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\s*[—-]\s*(?P<author>[^()\n—]{{1,80}}?)\s*\(@(?P<handle>[A-Za-z0-9_]{{1,30}})\)\s*(?P<date>{MONTH_PATTERN}\s+\d{{1,2}},\s+\d{{4}})(?:\s*(?P<url>https?://\S+))?"
    ))
    .expect("valid regex")
});

static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:https?://|pic\.twitter\.com/)\S+").expect("valid regex"));

static GLUED_HASHTAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\w)#(\w)").expect("valid regex"));

/// Longest text taken as one post when its paragraph is longer (a tweet plus some slack).
const MAX_POST_CHARS: usize = 420;

/// A post found in a paragraph: the byte range it covered (signature included) and its parts.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundPost {
    pub start: usize,
    pub end: usize,
    pub author: String,
    pub handle: String,
    pub date: Option<jiff::civil::Date>,
    pub text: String,
    pub links: Vec<String>,
}

/// The first embedded post in `paragraph`, if any.
pub fn find(paragraph: &str) -> Option<FoundPost> {
    let caps = SIGNATURE.captures(paragraph)?;
    let signature = caps.get(0)?;
    let start = post_start(&paragraph[..signature.start()]);
    let raw = &paragraph[start..signature.start()];
    let mut links: Vec<String> = LINK.find_iter(raw).map(|m| m.as_str().to_owned()).collect();
    links.extend(caps.name("url").map(|m| m.as_str().to_owned()));
    let without_links = LINK.replace_all(raw, " ");
    let text = GLUED_HASHTAG.replace_all(&without_links, "$1 #$2");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.trim_end_matches(['…', '.', ' ']).trim().to_owned();
    if text.is_empty() {
        return None;
    }
    Some(FoundPost {
        start,
        end: signature.end(),
        author: caps["author"].trim().to_owned(),
        handle: caps["handle"].to_owned(),
        date: dates::parse(&caps["date"]).map(|p| p.date),
        text,
        links,
    })
}

/// Where a post that ends at the end of `before` starts.
fn post_start(before: &str) -> usize {
    if before.chars().count() <= MAX_POST_CHARS {
        return 0;
    }
    let mut floor = before.len().saturating_sub(MAX_POST_CHARS * 2);
    while !before.is_char_boundary(floor) {
        floor += 1;
    }
    // The earliest sentence start that keeps the post within MAX_POST_CHARS characters.
    let window = &before[floor..];
    let mut best = before.len();
    for (i, _) in window.match_indices(". ").chain(window.match_indices("? ")).chain(window.match_indices("! ")) {
        let candidate = floor + i + 2;
        if before[candidate..].chars().count() <= MAX_POST_CHARS && candidate < best {
            best = candidate;
        }
    }
    if best == before.len() { 0 } else { best }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tweet_paragraph_with_links() {
        let p = "Roads near the port are closed after the blast#Update https://t.co/Ab12 \u{2014} City Police (@citypolice) May 2, 2024";
        let post = find(p).unwrap();
        assert_eq!(post.author, "City Police");
        assert_eq!(post.handle, "citypolice");
        assert_eq!(post.date, Some(jiff::civil::date(2024, 5, 2)));
        assert_eq!(post.text, "Roads near the port are closed after the blast #Update");
        assert_eq!(post.links, vec!["https://t.co/Ab12"]);
        assert_eq!((post.start, post.end), (0, p.len()));
    }

    #[test]
    fn a_post_in_arabic_with_a_link_after_the_date() {
        let p = "انفجار قرب الميناء pic.twitter.com/Zz9 \u{2014} شرطة المدينة (@citypolice_ar) May 2, 2024 https://twitter.com/citypolice_ar/status/1";
        let post = find(p).unwrap();
        assert_eq!(post.author, "شرطة المدينة");
        assert_eq!(post.text, "انفجار قرب الميناء");
        assert_eq!(post.links.len(), 2);
    }

    #[test]
    fn in_a_long_flattened_paragraph_the_post_starts_at_a_sentence() {
        let article = "The mayor spoke at length about the budget. ".repeat(20);
        let p = format!(
            "{article}Two lanes are shut. Expect delays \u{2014} Road Authority (@roads) June 3, 2023 The council met later."
        );
        let post = find(&p).unwrap();
        assert_eq!(
            post.text,
            "The mayor spoke at length about the budget. ".repeat(8).trim().to_owned()
                + " Two lanes are shut. Expect delays"
        );
        assert!(p[post.end..].starts_with(" The council met later."));
    }

    #[test]
    fn a_dash_and_a_name_without_handle_is_not_a_post() {
        assert_eq!(find("He left \u{2014} John Smith said on May 2, 2024"), None);
    }
}
