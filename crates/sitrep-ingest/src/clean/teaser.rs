//! Teaser and related-story blocks after the article: a photo credit, a run of empty image
//! links or a label ("Related", "Read more", "Partner news") followed by short headline-like
//! items about something else, to the end of the text; or, with no such marker, a trailing run
//! of three or more short headline paragraphs about something else.
//!
//! Example: `… the toll rose to five. Photo: Wire ![]() ![]() Rains flood the capital's ring
//! road. Minister visits trade fair in Lyon. Partner news |` — the block from "Photo" on is cut.
//!
//! "About something else" is measured on names: most capitalised words inside the items'
//! sentences do not occur in the article before the block. A block that shares the article's
//! names is kept: losing article text is worse than keeping a related headline.
//!
//! Related-story runs inside the text (`related_runs`): a label paragraph ("MORE FROM
//! WAVE3.COM") and the short headline items after it, about something else, with the article
//! going on after them; or one labelled headline ("Related: Another shooting in Norfolk",
//! "Related Stories Norfolk man hurt in hunting accident").

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon;

/// Image links left by scraping, `![alt](src)`, including empty ones.
pub static IMAGE_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!\[[^\]\n]*\]\([^)\n]*\)").expect("valid regex"));

static IMAGE_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!\[[^\]\n]*\]\([^)\n]*\)(?:\s*!\[[^\]\n]*\]\([^)\n]*\))+").expect("valid regex"));

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    let words = lexicon::boilerplate().credit_words.join("|");
    Regex::new(&format!(r"(?i:\b(?:{words}))\s*[.:]\s*[A-Z][\w/&.-]*(?:\s+[A-Z][\w/&.-]*){{0,3}}"))
        .expect("valid regex")
});

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let mut labels = lexicon::boilerplate().teaser_labels.clone();
    labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
    let alternation = labels.iter().map(|l| regex::escape(l)).collect::<Vec<_>>().join("|");
    // A label stands alone: at a paragraph's start or end, or beside a separator or image link.
    // Or a line of its own that opens with one and names the site ("More stories you may like
    // on 7News", "MORE FROM WAVE3.COM").
    Regex::new(&format!(
        r"(?im)(?:^|[|:]\s*|\)\s*)(?:{alternation})\s*(?:$|[|:]|!\[)|^(?:{alternation})\b[^\n.!?]{{0,40}}(?:\.[A-Za-z]{{2,4}})?$"
    ))
    .expect("valid regex")
});

static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[.!?]\s+").expect("valid regex"));

/// Longest item (in words) that still reads as a headline or teaser.
const MAX_ITEM_WORDS: usize = 40;
/// Highest share of an item block's names that may occur in the article for it to be cut.
const MAX_SHARED_NAMES: f64 = 0.34;

/// Most markers tried as a block's start, the earliest ones. Each try reads the whole rest of
/// the document, so trying every marker was quadratic: a text of thousands of "Related" lines
/// before one long sentence took minutes. An article's end has a handful.
const MAX_TRIED_MARKERS: usize = 16;

/// Where the teaser block starts: paragraph index and byte offset in it, if there is one.
pub fn find(paragraphs: &[String]) -> Option<(usize, usize)> {
    let total: usize = paragraphs.iter().map(|p| p.len() + 2).sum();
    let mut offset_before = 0;
    let mut tried = 0;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        for start in markers(paragraph) {
            // Only the end of a document: a block longer than the article before it is not a tail.
            if offset_before + start < total / 2 {
                continue;
            }
            if tried == MAX_TRIED_MARKERS {
                return trailing_headlines(paragraphs);
            }
            tried += 1;
            let tail: Vec<&str> = std::iter::once(&paragraph[start..])
                .chain(paragraphs[index + 1..].iter().map(String::as_str))
                .collect();
            let body: Vec<&str> =
                paragraphs[..index].iter().map(String::as_str).chain(std::iter::once(&paragraph[..start])).collect();
            if is_teaser_block(&tail, &body, false) {
                return Some((index, start));
            }
        }
        offset_before += paragraph.len() + 2;
    }
    trailing_headlines(paragraphs)
}

/// Most words of a related story's headline.
const MAX_HEADLINE_WORDS: usize = 20;

/// Related-story runs inside the text, as paragraph ranges `[start, end)`: a label paragraph
/// ("MORE FROM WAVE3.COM", "Related coverage:") and the headline items after it (short, with no
/// final stop, or bulleted "+ …"), about something else; or one labelled headline ("Related:
/// Another shooting in Norfolk") standing as a paragraph of its own, whatever it is about. The
/// article goes on after them, so `find`, which cuts to the end, leaves them.
pub fn related_runs(paragraphs: &[String]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < paragraphs.len() {
        let Some(rest) = label_heading(&paragraphs[i]) else {
            i += 1;
            continue;
        };
        // "Related: Another shooting in Norfolk": the label and its one headline, a link to
        // another story whatever names it shares with this one (an earlier story of the same
        // shooting has its own, older figures).
        if !rest.is_empty() {
            if is_headline(rest) {
                runs.push((i, i + 1));
            }
            i += 1;
            continue;
        }
        let items = paragraphs[i + 1..].iter().take_while(|p| is_headline(p)).count();
        let tail: Vec<&str> = paragraphs[i + 1..i + 1 + items].iter().map(String::as_str).collect();
        let body: Vec<&str> = paragraphs[..i].iter().map(String::as_str).collect();
        if items > 0 && is_teaser_block(&tail, &body, true) {
            runs.push((i, i + 1 + items));
        }
        i += 1 + items;
    }
    runs
}

/// What follows a teaser label opening a short paragraph ("Related coverage:" → "", "More from
/// Wave3.com" → "" as a site's name, "Related: Another shooting …" → the headline), if one does.
fn label_heading(paragraph: &str) -> Option<&str> {
    let p = paragraph.trim();
    let lower = p.to_lowercase();
    // A whole label, not a word beginning with one ("Relatedly", "Trendingly").
    let label = lexicon::boilerplate()
        .teaser_labels
        .iter()
        .filter(|l| lower.starts_with(l.as_str()) && !lower[l.len()..].starts_with(char::is_alphanumeric))
        .max_by_key(|l| l.len())?;
    let rest = p.get(label.len()..)?.trim_start();
    if let Some(headline) = rest.strip_prefix([':', '|']) {
        return Some(headline.trim());
    }
    // "Related Stories Marlow man hurt in hunting accident": a heading in title case run into
    // its one headline, the line with no final stop.
    // (Of two words or more: a sentence capitalises its first word anyway.)
    let words: Vec<&str> = p[..label.len()].split_whitespace().collect();
    let heading = words.len() >= 2 && words.iter().all(|w| w.starts_with(char::is_uppercase));
    if heading && rest.split_whitespace().count() > 6 && is_headline(rest) {
        return Some(rest);
    }
    // The label alone, or with a site's name ("More stories you may like on 7News").
    (rest.split_whitespace().count() <= 6 && !rest.ends_with(['.', '!', '?'])).then_some("")
}

/// A related story's headline: short, with no final stop, or a bulleted item.
fn is_headline(paragraph: &str) -> bool {
    let p = paragraph.trim();
    let bulleted = p.starts_with("+ ") || p.starts_with("• ");
    let words = p.split_whitespace().count();
    (2..=MAX_HEADLINE_WORDS).contains(&words) && (bulleted || !p.ends_with(['.', '"', '\'', ':', '?', '!']))
}

/// Byte offsets in `paragraph` where a block could start.
fn markers(paragraph: &str) -> Vec<usize> {
    let mut found: Vec<usize> = IMAGE_RUN
        .find_iter(paragraph)
        .map(|m| m.start())
        .chain(CREDIT.find_iter(paragraph).map(|m| m.start()))
        .chain(LABEL.find_iter(paragraph).map(|m| m.start()))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// True when `tail` is made of boilerplate and short items whose names are not the article's.
fn is_teaser_block(tail: &[&str], body: &[&str], distinct: bool) -> bool {
    let mut items = String::new();
    for part in tail {
        // "+ Two killed in a crash": a bullet is no word of the item.
        let part = part.trim_start().trim_start_matches(['+', '•', '*']).trim_start();
        let stripped = IMAGE_LINK.replace_all(part, " ");
        let stripped = LABEL.replace_all(&stripped, " ");
        let stripped = CREDIT.replace_all(&stripped, " ");
        items.push_str(&stripped.replace('|', " "));
        items.push_str(". ");
    }
    let sentences: Vec<&str> =
        SENTENCE_END.split(&items).map(str::trim).filter(|s| s.chars().any(char::is_alphanumeric)).collect();
    if sentences.iter().any(|s| s.split_whitespace().count() > MAX_ITEM_WORDS) {
        return false;
    }
    let mut names: Vec<String> = sentences.iter().flat_map(|s| inner_names(s)).collect();
    // Each name once, in a labelled list of headlines: "County" in every item says no more
    // than once. (A tail to the end of the text weighs every occurrence: cutting the article's
    // last paragraphs is worse than keeping a teaser.)
    if distinct {
        names.sort_unstable();
        names.dedup();
    }
    if names.is_empty() {
        // Nothing but boilerplate (labels, links, credits) or nameless items: cut it.
        return sentences.iter().all(|s| s.split_whitespace().count() <= 3);
    }
    let article: HashSet<String> =
        body.iter().flat_map(|p| p.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase)).collect();
    let shared = names.iter().filter(|n| article.contains(n.as_str())).count();
    (shared as f64 / names.len() as f64) <= MAX_SHARED_NAMES
}

/// Capitalised words that do not open the sentence: names, as far as case can tell.
fn inner_names(sentence: &str) -> Vec<String> {
    sentence
        .split_whitespace()
        .skip(1)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() >= 3)
        .map(|w| w.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(w).to_lowercase())
        .collect()
}

/// Three or more short trailing paragraphs without final punctuation about something else.
fn trailing_headlines(paragraphs: &[String]) -> Option<(usize, usize)> {
    let run = paragraphs
        .iter()
        .rev()
        .take_while(|p| {
            let words = p.split_whitespace().count();
            (2..=20).contains(&words) && !p.trim_end().ends_with(['.', '"', '\'', ':'])
        })
        .count();
    if run < 3 || run * 2 > paragraphs.len() + 1 {
        return None;
    }
    let start = paragraphs.len() - run;
    let tail: Vec<&str> = paragraphs[start..].iter().map(String::as_str).collect();
    let body: Vec<&str> = paragraphs[..start].iter().map(String::as_str).collect();
    is_teaser_block(&tail, &body, false).then_some((start, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|s| s.to_string()).collect()
    }

    const ARTICLE: &str = "Gunmen opened fire on a police post in Northfield on Monday, killing two officers, the Marlow county sheriff said. The attackers fled toward the Kessel hills. Residents of Northfield said the shooting lasted an hour. The sheriff said more officers would patrol the area.";

    #[test]
    fn credit_images_and_unrelated_items_on_one_line() {
        let line = format!(
            "{ARTICLE} Photo. Wire ![]() ![]() Floods close the ring road in Vantor after storms. On May 3, the Premier of Oskland will visit Brevia for talks. Partner news | ![]() ![]()"
        );
        let p = paras(&[&line]);
        let (index, start) = find(&p).unwrap();
        assert_eq!(index, 0);
        assert!(p[0][start..].starts_with("Photo. Wire"));
    }

    #[test]
    fn labelled_related_block_in_paragraphs() {
        let p =
            paras(&[ARTICLE, ARTICLE, "Related", "Vantor hosts a jazz festival", "Oskland Premier opens new bridge"]);
        assert_eq!(find(&p), Some((2, 0)));
    }

    #[test]
    fn a_label_line_naming_the_site_opens_a_block() {
        let p = paras(&[
            ARTICLE,
            ARTICLE,
            "More stories you may like on Vantor7",
            "Vantor hosts a jazz festival. Bands from Oskland will play.",
            "Oskland Premier opens a bridge. Brevia sends its mayor.",
        ]);
        assert_eq!(find(&p), Some((2, 0)));
    }

    #[test]
    fn trailing_headlines_without_label() {
        let p = paras(&[
            ARTICLE,
            ARTICLE,
            "Vantor hosts a jazz festival",
            "Oskland Premier opens a bridge in Brevia",
            "Tennis: Alvarez wins in Quenby",
        ]);
        assert_eq!(find(&p), Some((2, 0)));
    }

    #[test]
    fn a_labelled_run_inside_the_text_is_found_and_the_article_after_it_kept() {
        let p = paras(&[
            ARTICLE,
            "MORE FROM VANTOR7.COM",
            // ("County" is the article's word too, but counts once.)
            "+ One killed in Oskland County crash, driver still at large",
            "+ Two hurt in Brevia County house fire",
            "Anyone with information about the Northfield shooting should call the sheriff.",
            "Related: The Oskland Premier opens a library in Quenby",
            "Related: the sheriff said more officers would patrol the area.",
            "Related: Northfield sheriff mourns officers",
        ]);
        // A labelled headline is a link to another story even when it names this one's places;
        // a labelled sentence is text.
        assert_eq!(related_runs(&p), vec![(1, 4), (5, 6), (7, 8)]);
        // A paragraph that only begins with a label's word is text.
        assert!(related_runs(&paras(&[ARTICLE, "Trendingly, more officers patrol Northfield now"])).is_empty());
        // A heading run into its headline, with no colon; a sentence opening with the word is text.
        let run_in = paras(&[ARTICLE, "Related Stories Quenby man hurt in hunting accident near the lake"]);
        assert_eq!(related_runs(&run_in), vec![(1, 2)]);
        let text = paras(&[ARTICLE, "Related reports from the sheriff say more officers will patrol the area"]);
        assert!(related_runs(&text).is_empty());
    }

    #[test]
    fn related_items_about_the_same_story_are_kept() {
        let p = paras(&[
            ARTICLE,
            ARTICLE,
            "Related",
            "Northfield mourns officers killed in attack",
            "Marlow sheriff vows to find Northfield gunmen",
        ]);
        assert_eq!(find(&p), None);
    }

    #[test]
    fn many_markers_before_a_long_sentence_are_not_all_tried() {
        // Slow in the text fuzz target (large crafted input): each of the 4,000 labels was
        // tried, and each try read everything after it up to the long sentence that fails it.
        let mut p = paras(&[ARTICLE; 40]);
        p.extend(std::iter::repeat_n("Related".to_owned(), 4_000));
        p.push(format!("{} end.", "word ".repeat(50)));
        assert_eq!(find(&p), None);
    }

    #[test]
    fn a_caption_credit_inside_the_article_is_not_a_block() {
        let p = paras(&[ARTICLE, "Photo: Wire. Officers at the Northfield post on Monday.", ARTICLE]);
        assert_eq!(find(&p), None);
    }
}
