//! A broadcaster's call sign tells the country of its outlet: a local station's story is about
//! its country when its place names leave that open ("Flint" alone is in Wales and in Michigan;
//! in a story from WNEM, Michigan's). Read from the site name in the page title ("… - WNEM TV
//! 5", "… | KHOU 11") and from the page's host ("wnem.com", "www.kare11.com", also inside a
//! web archive's address). The prefixes per country are in `lexicons/geo/call_signs.toml`.
//!
//! Not here: which station it is or where it stands (no list of stations is kept), and
//! three-letter signs, which too many other acronyms look like.

use std::sync::OnceLock;

use serde::Deserialize;

const LEXICON: &str = include_str!("../../../../lexicons/geo/call_signs.toml");

#[derive(Deserialize)]
struct CallSigns {
    countries: std::collections::BTreeMap<String, Vec<String>>,
}

fn prefixes() -> &'static [(String, String)] {
    static P: OnceLock<Vec<(String, String)>> = OnceLock::new();
    P.get_or_init(|| {
        let file: CallSigns = toml::from_str(LEXICON).expect("lexicons/geo/call_signs.toml is valid");
        file.countries
            .into_iter()
            .flat_map(|(iso2, prefixes)| prefixes.into_iter().map(move |p| (p.to_lowercase(), iso2.clone())))
            .collect()
    })
}

/// The country whose call sign the outlet carries, if it carries one.
pub fn country(title: Option<&str>, url: Option<&str>) -> Option<String> {
    let from_title = title.and_then(super::outlet_home::site_name).into_iter().flat_map(|site| {
        site.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_uppercase()))
            .map(str::to_lowercase)
    });
    from_title.chain(url.and_then(host_label)).find_map(|sign| of_sign(&sign))
}

/// "ktla", "kare11", "wishtv", "wave3": four letters, then a channel number or "tv".
fn of_sign(word: &str) -> Option<String> {
    let letters = word.get(..4)?;
    let rest = &word[4..];
    let tail = rest.is_empty() || rest == "tv" || (rest.len() <= 2 && rest.chars().all(|c| c.is_ascii_digit()));
    if !tail || !letters.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    prefixes().iter().find(|(p, _)| letters.starts_with(p.as_str())).map(|(_, iso2)| iso2.clone())
}

/// The first label of the page's host ("khou" of "www.khou.com").
fn host_label(url: &str) -> Option<String> {
    let host = super::outlet_home::host(url)?;
    let (label, domain) = host.split_once('.')?;
    // A station's own site, not a page on a platform under its name.
    (!domain.contains('.')).then(|| label.to_owned())
}

#[cfg(test)]
mod tests {
    use super::country;

    #[test]
    fn call_letters_in_the_site_name_or_the_host() {
        assert_eq!(country(Some("Man shot on Elm Street - WXYZ TV 7"), None).as_deref(), Some("US"));
        assert_eq!(country(None, Some("https://www.kare11.com/news/a-story")).as_deref(), Some("US"));
        assert_eq!(country(None, Some("http://wishtv.com/2016/01/02/story/")).as_deref(), Some("US"));
        let archived = "http://web.archive.org/web/20160101000000/http://www.khou.com:80/news/story";
        assert_eq!(country(None, Some(archived)).as_deref(), Some("US"));
    }

    #[test]
    fn other_words_and_hosts_are_no_call_signs() {
        // The headline's words are not the site's; a word of four letters in lower case in a
        // site name is no sign; nor is a host of another shape.
        assert_eq!(country(Some("WXYZ reports shooting"), None), None);
        assert_eq!(country(Some("Shooting - Kent news"), None), None);
        assert_eq!(country(Some("Shooting - BBC News"), None), None);
        assert_eq!(country(None, Some("https://www.washingtonpost.com/local/")), None);
        assert_eq!(country(None, Some("https://news.wxyz.example.org/")), None);
        assert_eq!(country(None, Some("https://www.kathimerini.gr/")), None);
    }
}
