//! The outlet's home, as its site name in the page title gives it. A local news site titles its
//! pages with the headline, then its own name, which often carries the town or state it
//! serves: "Two hurt in Elm Street shooting - WXYZ News 7 Marlow, Kansas News & Weather",
//! "Man shot on Fifth Avenue | Marlow, KS", "Deputies seek driver - Channel 9 Kansas". Local
//! news tells of its own town's events without naming the town again, and names a town of its
//! region without its state: geocoding takes the outlet's town as the story's home when the text
//! gives none, and its state as one the story is about.
//!
//! Only the segments after the headline are read (a spaced dash or bar parts them from it), and
//! only as candidates: "Town, Area" or "Town ST" (a name with the area after it), or a name
//! alone. Which one the site means is the gazetteer's to say: geocoding keeps a town only when it
//! lies in the area named after it, a name alone only when it is a first-level area or a city
//! large enough to go without its state.
//!
//! Not here: the headline itself (its places are the story's, read like the text's), and any
//! place in a site name with no title to separate it from (an outlet field is a name, not a
//! place).

use sitrep_model::{PlaceMention, Span};

/// Separators between a title's headline and the site's name.
const SEPARATORS: [&str; 5] = [" - ", " | ", " – ", " — ", " :: "];

/// The longest name read as one place ("Fort Walton Beach").
const LONGEST: usize = 3;

/// The candidates for the outlet's home in a title's site name: names with the area after
/// them first, longest first, then names alone.
pub fn candidates(title: &str) -> Vec<PlaceMention> {
    let Some(site) = site_name(title) else { return Vec::new() };
    let words = words(site);
    let mut with_area = Vec::new();
    let mut alone = Vec::new();
    for i in 0..words.len() {
        if !words[i].name {
            continue;
        }
        for len in (1..=LONGEST.min(i + 1)).rev() {
            let run = &words[i + 1 - len..=i];
            // Inside the name no comma: "Marlow, Kansas" is a town and its state, not a name.
            if !run.iter().all(|w| w.name) || run[..len - 1].iter().any(|w| w.comma) {
                continue;
            }
            let name = run.iter().map(|w| w.text).collect::<Vec<_>>().join(" ");
            for area in areas_after(&words, i) {
                with_area.push(mention(&name, vec![area]));
            }
            // "Eastern Iowa News": a direction alone is no place.
            if len > 1 || !sitrep_annotate::en::places::is_direction(&name) {
                alone.push(mention(&name, Vec::new()));
            }
        }
    }
    with_area.extend(alone);
    with_area
}

/// The labels of the page's host that may carry its town or state run together
/// ("nbcconnecticut", "miami" of "miami.cbslocal.com"), as candidates whose feature is `host`:
/// the gazetteer finds the names inside them. Past "www." and the top-level domain; for a web
/// archive's copy, the original page's host.
pub fn host_candidates(url: &str) -> Vec<PlaceMention> {
    let Some(host) = host(url) else { return Vec::new() };
    let labels: Vec<&str> = host.split('.').collect();
    labels[..labels.len().saturating_sub(1)]
        .iter()
        .filter(|l| l.len() >= 4 && l.chars().all(|c| c.is_ascii_alphanumeric()))
        .map(|l| PlaceMention { feature: Some("host".into()), ..mention(l, Vec::new()) })
        .collect()
}

/// The page's host in lower case, past "www." ("http://web.archive.org/web/2016…/
/// http://www.khou.com:80/…" → "khou.com": a web archive's copy names the original page's).
pub fn host(url: &str) -> Option<String> {
    let original = url.rfind("://").map_or(url, |at| &url[at + 3..]);
    let host = original.split(['/', ':', '?', '#']).next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    host.contains('.').then(|| host.to_owned())
}

/// The title's segments after the headline, when it has any.
pub(crate) fn site_name(title: &str) -> Option<&str> {
    let cut = SEPARATORS.iter().filter_map(|s| title.find(s).map(|at| at + s.len())).min()?;
    Some(&title[cut..])
}

struct Word<'a> {
    text: &'a str,
    /// Capitalised letters, and not call letters ("WXYZ", "NBC"): may be a place's name.
    name: bool,
    /// Two capitals: a postal code ("KS"), an area only after a name.
    code: bool,
    /// A comma after it.
    comma: bool,
}

/// The site name's words, split at spaces, dashes and slashes ("WXYZ.com-Marlow News").
fn words(site: &str) -> Vec<Word<'_>> {
    site.split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | '/' | ':'))
        .filter(|w| !w.is_empty())
        .map(|raw| {
            let comma = raw.ends_with(',');
            let text = raw.trim_start_matches('(').trim_end_matches([',', ')', ';', '!']);
            let text = text.strip_suffix("'s").or_else(|| text.strip_suffix("’s")).unwrap_or(text);
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            let upper = text.chars().filter(|c| c.is_uppercase()).count();
            let lettered = text.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’'));
            let capitalised = text.chars().next().is_some_and(char::is_uppercase);
            // "WXYZ.com": a site's domain, whatever its capitals.
            let domain = text.split('.').skip(1).any(|part| part.starts_with(char::is_lowercase));
            Word {
                text,
                name: lettered && capitalised && upper < letters && !domain,
                code: lettered && letters == 2 && upper == 2 && !text.contains('.'),
                comma,
            }
        })
        .filter(|w| !w.text.is_empty())
        .collect()
}

/// The areas a name ending at word `i` may have after it: after a comma, one word or two
/// ("Kansas", "New Mexico", "KS"); without a comma, a postal code only ("Marlow KS").
fn areas_after(words: &[Word], i: usize) -> Vec<String> {
    let next = |k: usize| words.get(k).filter(|w| w.name || w.code);
    let mut out = Vec::new();
    match (words[i].comma, next(i + 1)) {
        (true, Some(first)) => {
            out.push(first.text.to_owned());
            if let Some(second) = next(i + 2).filter(|_| first.name && !first.comma) {
                out.push(format!("{} {}", first.text, second.text));
            }
        }
        (false, Some(first)) if first.code => out.push(first.text.to_owned()),
        _ => {}
    }
    out
}

fn mention(name: &str, context: Vec<String>) -> PlaceMention {
    PlaceMention {
        span: Span::new(0, 0),
        name: name.to_owned(),
        feature: None,
        feature_word: None,
        context,
        dateline: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_labels_are_candidates() {
        let names = |url: &str| host_candidates(url).into_iter().map(|m| m.name).collect::<Vec<_>>();
        assert_eq!(names("https://www.nbcmarlow.com/news/story"), ["nbcmarlow"]);
        assert_eq!(names("http://web.archive.org/web/2016/http://marlow.cbslocal.com:80/a"), ["marlow", "cbslocal"]);
        assert!(names("not a url").is_empty());
    }

    fn read(title: &str) -> Vec<String> {
        candidates(title)
            .into_iter()
            .map(|m| match m.context.first() {
                Some(area) => format!("{}, {area}", m.name),
                None => m.name,
            })
            .collect()
    }

    #[test]
    fn a_town_and_its_state_after_the_headline() {
        let found = read("Two hurt in Elm Street shooting - WXYZ News 7 Marlow, Kansas News & Weather");
        assert_eq!(found[..2], ["Marlow, Kansas", "Marlow, Kansas News"]);
        assert!(found.contains(&"Kansas".to_owned()));
        // Call letters and numbers are no names; the headline is not read.
        assert!(!found.iter().any(|f| f.contains("WXYZ") || f.contains("Elm")));
    }

    #[test]
    fn a_postal_code_with_or_without_a_comma() {
        assert_eq!(read("Man shot | Marlow, KS")[0], "Marlow, KS");
        assert_eq!(read("Man shot - Channel 5 Lower Marlow KS")[..2], ["Lower Marlow, KS", "Marlow, KS"]);
    }

    #[test]
    fn a_two_word_area_and_a_domain_joined_by_a_dash() {
        let found = read("Woman shot - wxyz.com-Marlow, New Mexico News");
        assert!(found.contains(&"Marlow, New".to_owned()));
        let two = candidates("Woman shot - wxyz.com-Marlow, New Mexico News");
        assert!(two.iter().any(|m| m.name == "Marlow" && m.context == ["New Mexico"]));
        assert!(!two.iter().any(|m| m.name.contains("wxyz")));
        assert!(!read("Woman shot - WXYZ.com Kansas News").iter().any(|f| f.contains("WXYZ")));
    }

    #[test]
    fn a_state_alone_and_no_site_name() {
        assert!(read("Deputies seek driver - Channel 9 Kansas").contains(&"Kansas".to_owned()));
        // A direction alone is no name ("Eastern" is a province of many countries).
        assert_eq!(read("Deputies seek driver - Eastern Kansas News")[..2], ["Eastern Kansas", "Kansas"]);
        assert!(candidates("Deputies seek driver in Marlow, Kansas shooting").is_empty());
    }
}
