//! Leftovers of scraping inside the article: image links (`![]()`, `![alt](src)`) and bare
//! image file names ("Jeffrey_Donner_50.jpg 50-Year-Old Man Arrested": the 50 of a file name
//! is no count of people), paragraphs
//! that are only share-button words ("Share | Tweet | Email"), lone teaser labels ("Partner
//! news") and separator debris ("| | |").
//!
//! Example: `Police said![]() two died.` → `Police said two died.`, with `![]()` recorded.
//! Not here: whole teaser blocks (`teaser`), which need to look at what follows a label.

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon;

/// An image link, or an image's file name left bare by scraping.
static SCRAPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)!\[[^\]\n]*\]\([^)\n]*\)|\b[\w-]+\.(?:jpe?g|png|gif|webp)\b").expect("valid regex")
});

/// What was removed from one paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub reason: &'static str,
    pub text: String,
    /// Byte offset in the cleaned paragraph where it stood.
    pub at: usize,
}

/// Cleans one paragraph; an empty result means the whole paragraph was debris.
pub fn strip(paragraph: &str) -> (String, Vec<Removed>) {
    let mut removed = Vec::new();
    let mut out = String::with_capacity(paragraph.len());
    let mut last = 0;
    for m in SCRAPED.find_iter(paragraph) {
        out.push_str(&paragraph[last..m.start()]);
        // Keep words apart that the link separated: "forces![]() March" → "forces March".
        let glue =
            !out.ends_with(' ') && !paragraph[m.end()..].starts_with([' ', '.', ',', ';', ':']) && !out.is_empty();
        if glue {
            out.push(' ');
        }
        match removed.last_mut() {
            Some(Removed { reason: "scrape_leftover", text, at }) if *at + 1 >= out.trim_end().len() => {
                text.push(' ');
                text.push_str(m.as_str());
            }
            _ => removed.push(Removed { reason: "scrape_leftover", text: m.as_str().to_owned(), at: out.len() }),
        }
        last = m.end();
    }
    out.push_str(&paragraph[last..]);
    let out = out.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    if let Some(reason) = debris(&out) {
        removed.push(Removed { reason, text: out, at: 0 });
        return (String::new(), removed);
    }
    (out, removed)
}

/// Why a whole paragraph is debris, if it is.
fn debris(paragraph: &str) -> Option<&'static str> {
    let lower = paragraph.trim().to_lowercase();
    if lower.is_empty() {
        return None;
    }
    if lower.chars().all(|c| !c.is_alphanumeric()) {
        return Some("scrape_leftover");
    }
    let boilerplate = lexicon::boilerplate();
    let parts: Vec<&str> = lower
        .split(['|', '·', '•', '/', ',', '\n'])
        .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|p| !p.is_empty())
        .collect();
    if !parts.is_empty() && parts.iter().all(|p| boilerplate.share_words.iter().any(|w| w == p)) {
        return Some("share_buttons");
    }
    if !parts.is_empty() && parts.iter().all(|p| boilerplate.teaser_labels.iter().any(|w| w == p)) {
        return Some("teaser_label");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_links_are_removed_and_recorded() {
        let (text, removed) = strip("Police said![]() two died. ![photo](http://x.example/a.jpg) More.");
        assert_eq!(text, "Police said two died. More.");
        assert_eq!(removed.len(), 2);
        assert_eq!(removed[0].text, "![]()");
    }

    #[test]
    fn bare_image_file_names_are_removed() {
        let (text, removed) = strip("Ann_Reed_50.jpg 50-Year-Old Woman Arrested in Marlow");
        assert_eq!(text, "50-Year-Old Woman Arrested in Marlow");
        assert_eq!(removed[0].text, "Ann_Reed_50.jpg");
        // Ordinary text is left alone.
        assert_eq!(strip("He said the photo was taken at noon.").0, "He said the photo was taken at noon.");
    }

    #[test]
    fn share_buttons_and_labels_are_debris() {
        assert_eq!(strip("Share | Tweet | Email").1[0].reason, "share_buttons");
        assert_eq!(strip("Partner news | ![]() ![]()").1.last().unwrap().reason, "teaser_label");
        assert_eq!(strip("| | |").1[0].reason, "scrape_leftover");
        assert!(strip("Share your story with us.").1.is_empty());
    }
}
